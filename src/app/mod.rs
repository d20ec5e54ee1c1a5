//! The app's state and its one mutator, [`App::update`]. No I/O and no terminal here: actions
//! come in, the state changes, and effects (search, save, open a url) go out for the event loop
//! to carry out. That is what lets every key flow be tested without a terminal.

pub mod action;
mod closing;
mod context;
pub mod editor;
mod events;
pub mod history;
pub mod input;
pub mod keymap;
mod mouse;
mod pull;
pub mod shortlists;
mod update;

use std::sync::Arc;

pub use action::{Action, Opening, SaveProblem, StoreReport};
use keymap::{Context, Key, Keymap};

use crate::corpus::Skipped;
use crate::facets::{FacetIndex, FacetKind, FacetValue, Filters, SortKey, View, ViewContext};
use crate::posting::Posting;
use crate::search::{Hit, Query};
use crate::store::{Change, Shortlists, Status};
pub use context::FilterRow;
use editor::TextArea;
use input::LineInput;
pub use pull::PullState;

/// "1 change", "3 changes".
pub fn count(n: usize, what: &str) -> String {
    format!(
        "{} {what}{}",
        crate::posting::group_thousands_count(n),
        if n == 1 { "" } else { "s" }
    )
}

/// Most postings the compare view shows side by side.
pub const MAX_COMPARE: usize = 4;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Search,
    List,
    Detail,
    Filters,
}

/// A view drawn over the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    /// `offset`: the first column shown when not all fit; `scroll`: rows scrolled.
    Compare {
        offset: usize,
        scroll: usize,
    },
    Skipped {
        scroll: usize,
    },
    /// The shortlists pane: `cursor` over "All postings" (0) and the lists; an optional name
    /// being typed (new list, rename) or a deletion awaiting confirmation.
    Lists {
        cursor: usize,
        prompt: Option<ListPrompt>,
        confirm_delete: Option<String>,
    },
    /// Writing the note of posting `id`; `base` is the note as it was when the editor opened
    /// (what a note written elsewhere meanwhile is merged against).
    Note {
        id: String,
        editor: TextArea,
        base: Option<String>,
    },
    /// Quitting found changes that could not be saved: retry, save them to another file, or
    /// quit anyway. `prompt`: the other file's path being typed; `note`: how the last attempt
    /// went.
    Unsaved {
        prompt: Option<LineInput>,
        note: Option<String>,
    },
    /// Picking the application status of the selected posting.
    Status {
        cursor: usize,
    },
    /// Every value of an open-ended facet (company, location, skills), narrowed by what is
    /// typed; Enter selects or deselects the one under the cursor.
    Values {
        kind: FacetKind,
        input: LineInput,
        cursor: usize,
    },
}

/// A list name being typed in the shortlists pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPrompt {
    /// None: a new list; Some(name): renaming it.
    pub renaming: Option<String>,
    pub input: LineInput,
}

/// Work for the event loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Search the corpus; the answer comes back as [`Action::SearchDone`] with this generation.
    Search { generation: u64, query: Query },
    /// Save a change to the shortlists; the saved state comes back as
    /// [`Action::StoreUpdated`].
    Store(Box<Change>),
    /// Open an http(s) url with the platform's opener.
    OpenUrl(String),
    /// Put text on the clipboard (OSC 52).
    Copy(String),
    /// Pull these sources into the postings folder `into`; progress comes back as
    /// [`Action::PullProgress`], the end as [`Action::PullFinished`].
    Pull {
        sources: Vec<crate::pull::SourceSpec>,
        into: std::path::PathBuf,
    },
    /// Save whatever is pending, and answer with a final [`StoreReport`] (quitting).
    FinalSave,
    /// Write the shortlists as held in memory to this file; answered with
    /// [`Action::StoreCopied`].
    SaveCopy(String),
    /// Give the terminal back and stop until `fg` (Ctrl-Z).
    Suspend,
    /// Keep the query history (oldest first) for the next run.
    SaveHistory(Vec<String>),
}

/// Why the browser is closing, while it waits for the shortlists to be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    /// The user quit: a failed save asks what to do.
    User,
    /// A signal: a failed save is reported on stderr, and the browser ends anyway.
    Signal(i32),
}

/// Progress of the background load.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadState {
    pub done: bool,
    pub files_done: usize,
    pub files_total: usize,
    pub per_second: u32,
    pub elapsed_ms: u64,
}

/// The corpus-wide counts the status line shows.
#[derive(Debug, Clone, Copy, Default)]
struct Totals {
    listed: usize,
    bookmarked: usize,
}

/// What postings that streamed in left to redo.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Stale {
    pub(crate) view: bool,
    pub(crate) search: bool,
    /// Postings of the same role from two sources are to be linked again.
    pub(crate) links: bool,
}

/// What the user configured for the browser.
#[derive(Debug, Clone)]
pub struct Settings {
    pub keymap: Arc<Keymap>,
    pub theme: crate::theme::Theme,
    pub rules: Arc<Vec<crate::scoring::ScoreRule>>,
    pub columns: Vec<crate::config::Column>,
    pub sort: SortKey,
    /// The order while no query ranks the list (None: file order).
    pub default_order: Option<SortKey>,
    /// Draw urls as OSC 8 hyperlinks.
    pub hyperlinks: bool,
    /// The watch-list the pull key fetches.
    pub sources: Vec<crate::pull::SourceSpec>,
    /// The postings folder pulled postings go to (None for the built-in seeds).
    pub pull_into: Option<std::path::PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        let cfg = crate::config::Config::default();
        Settings {
            keymap: Arc::new(Keymap::defaults()),
            theme: crate::theme::Theme::default(),
            rules: Arc::new(Vec::new()),
            columns: cfg.columns,
            sort: cfg.sort,
            default_order: cfg.default_order,
            hyperlinks: false,
            sources: Vec::new(),
            pull_into: None,
        }
    }
}

/// The whole state of the browser: the domain model, the view state beside it, and the
/// user's settings (shared, never copied).
pub struct App {
    pub model: Model,
    pub view: ViewState,
    pub settings: Arc<Settings>,
}

/// The domain state: postings, results, filters, shortlists, marks, history. No terminal or
/// drawing types here.
pub struct Model {
    pub postings: Vec<Arc<Posting>>,
    pub facet_index: FacetIndex,
    pub load: LoadState,
    pub skipped: Vec<Skipped>,
    /// Where the postings come from, for the title bar ("built-in seeds", a folder).
    pub source_name: String,
    /// Queries submitted before (`↑`/`↓` in the search bar).
    pub history: history::QueryHistory,
    pub query: Query,
    /// Hits of the current query (None while no query is active or its search is pending).
    pub hits: Option<Arc<Vec<Hit>>>,
    pub generation: u64,
    pub searching: bool,
    /// What is wrong with the query being typed ("unknown field foo: …"); while there is one,
    /// the last good results stay listed.
    pub query_problem: Option<String>,
    pub filters: Filters,
    /// The order chosen (starts as the configured one; the sort key cycles it).
    pub sort: SortKey,
    /// What is listed: the hits (or every posting) through the filters, sorted; and the facet
    /// counts over them.
    pub listing: View,
    /// The shortlists as last saved (bookmarks, lists, notes, statuses, hidden postings).
    pub shortlists: Arc<Shortlists>,
    /// The last store problem (a failed save), shown until a save succeeds.
    pub store_error: Option<SaveProblem>,
    /// The changes the store holds in memory only (their save failed), in words.
    pub unsaved: Vec<String>,
    /// Whether there is a store to save to (false: it could not be opened; quitting does not
    /// wait for it).
    pub has_store: bool,
    /// Quitting, waiting for the shortlists to be saved.
    pub closing: Option<Closing>,
    /// The signal that ended the browser (its exit status is 128 + this).
    pub exit_signal: Option<i32>,
    /// The user chose to quit with changes unsaved.
    pub quit_anyway: bool,
    /// Quitting waited its full time for the store and gave up.
    pub gave_up_saving: bool,
    /// Where a copy of the unsaved shortlists was written.
    pub saved_copy: Option<String>,
    /// The file name offered when saving the shortlists elsewhere.
    pub rescue_path: String,
    /// The shortlist being browsed (only its postings are listed).
    pub active_list: Option<String>,
    /// Hidden postings listed too (dimmed).
    pub show_hidden: bool,
    /// Closed pulled postings listed too (dimmed).
    pub show_closed: bool,
    /// The pull under way, if any.
    pub pull: Option<PullState>,
    /// Per corpus index of a linked posting: the sources of the same role (see
    /// [`crate::corpus::link`]).
    pub seen_on: rustc_hash::FxHashMap<u32, Vec<String>>,
    /// Per corpus index, derived from `shortlists` for fast filtering: on a list, hidden, on
    /// the browsed list, status.
    pub bookmarked_marks: Vec<bool>,
    pub hidden_marks: Vec<bool>,
    pub list_marks: Vec<bool>,
    pub status_marks: Vec<Option<Status>>,
    /// Ids marked for comparison, in marking order.
    pub marks: Vec<String>,
    /// Notes typed and left with Esc, by posting id: `n` on the posting brings the draft back.
    pub note_drafts: std::collections::HashMap<String, String>,
    /// The last changes `u` can take back, oldest first.
    pub undo: Vec<shortlists::Undo>,
    /// Per corpus index: the score from the rules.
    pub scores: Vec<i32>,
    pub should_quit: bool,
    /// What streamed-in postings left out of date (see [`App::refresh`]).
    stale: Stale,
    totals: Totals,
    /// Why the browser has to close (a background task failed).
    pub fatal: Option<String>,
    pub today: time::Date,
}

/// What is on screen and where: focus, selection, scroll offsets, the overlay (with its
/// editors), the terminal size and the status-line message.
pub struct ViewState {
    /// The search bar's text.
    pub input: LineInput,
    pub focus: Focus,
    pub overlay: Option<Overlay>,
    pub filters_open: bool,
    /// Position of the selection in `model.listing.rows`.
    pub selected: usize,
    /// First visible row of the list.
    pub list_offset: usize,
    pub detail_scroll: usize,
    /// How far the detail pane could scroll when it was last drawn (the drawing code knows
    /// how the posting wraps; scrolling stops there). A `Cell`: the one thing drawing writes.
    pub detail_max_scroll: std::cell::Cell<usize>,
    /// How far the compare view could scroll sideways when it was last drawn (a `Cell`, as
    /// above).
    pub compare_max_offset: std::cell::Cell<usize>,
    pub filter_cursor: usize,
    pub filter_offset: usize,
    /// The filter values shown when one was last toggled, in order: they stay in place (at 0,
    /// dimmed) while the filters change; a new query or a reset lets them go.
    pub filter_pins: Vec<FacetValue>,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// A one-line message for the status line, cleared by the next key.
    pub message: Option<String>,
}

impl Model {
    fn new(source_name: String, sort: SortKey, today: time::Date) -> Model {
        Model {
            postings: Vec::new(),
            facet_index: FacetIndex::default(),
            load: LoadState::default(),
            skipped: Vec::new(),
            source_name,
            history: history::QueryHistory::default(),
            query: Query::default(),
            hits: None,
            generation: 0,
            searching: false,
            query_problem: None,
            filters: Filters::default(),
            sort,
            listing: View::default(),
            shortlists: Arc::new(Shortlists::default()),
            store_error: None,
            unsaved: Vec::new(),
            has_store: true,
            closing: None,
            exit_signal: None,
            quit_anyway: false,
            gave_up_saving: false,
            saved_copy: None,
            rescue_path: "shortlists-unsaved.json".into(),
            active_list: None,
            show_hidden: false,
            show_closed: false,
            pull: None,
            seen_on: Default::default(),
            bookmarked_marks: Vec::new(),
            hidden_marks: Vec::new(),
            list_marks: Vec::new(),
            status_marks: Vec::new(),
            marks: Vec::new(),
            note_drafts: Default::default(),
            undo: Vec::new(),
            scores: Vec::new(),
            should_quit: false,
            stale: Stale::default(),
            totals: Totals::default(),
            fatal: None,
            today,
        }
    }
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            input: LineInput::default(),
            focus: Focus::List,
            overlay: None,
            filters_open: false,
            selected: 0,
            list_offset: 0,
            detail_scroll: 0,
            detail_max_scroll: std::cell::Cell::new(0),
            compare_max_offset: std::cell::Cell::new(0),
            filter_cursor: 0,
            filter_offset: 0,
            filter_pins: Vec::new(),
            size: (80, 24),
            message: None,
        }
    }
}

impl App {
    pub fn new(
        source_name: impl Into<String>,
        settings: impl Into<Arc<Settings>>,
        today: time::Date,
    ) -> App {
        let settings = settings.into();
        App {
            model: Model::new(source_name.into(), settings.sort, today),
            view: ViewState::default(),
            settings,
        }
    }

    /// The keymap context of the current focus and overlay.
    pub fn context(&self) -> Context {
        match &self.view.overlay {
            Some(Overlay::Help { .. }) => Context::Help,
            Some(Overlay::Compare { .. }) => Context::Compare,
            Some(Overlay::Skipped { .. }) => Context::Skipped,
            Some(Overlay::Lists {
                prompt: Some(_), ..
            }) => Context::Prompt,
            Some(Overlay::Lists {
                confirm_delete: Some(_),
                ..
            }) => Context::Confirm,
            Some(Overlay::Lists { .. }) => Context::Lists,
            Some(Overlay::Note { .. }) => Context::Note,
            Some(Overlay::Status { .. }) => Context::StatusMenu,
            Some(Overlay::Values { .. }) => Context::Values,
            Some(Overlay::Unsaved {
                prompt: Some(_), ..
            }) => Context::Prompt,
            Some(Overlay::Unsaved { .. }) => Context::Unsaved,
            None => match self.view.focus {
                Focus::Search => Context::Search,
                Focus::List => Context::List,
                Focus::Detail => Context::Detail,
                Focus::Filters => Context::Filters,
            },
        }
    }

    /// The action a key press means here. In the search bar, printable keys that the search
    /// context does not bind are typed. Ctrl-C quits everywhere but where a name is typed,
    /// whatever the key map says: there is always a way out (a note being written is saved
    /// first).
    pub fn action_for_key(&self, key: &Key) -> Option<Action> {
        let ctx = self.context();
        if *key == Key::ctrl('c') && ctx != Context::Prompt {
            return Some(Action::Quit);
        }
        if matches!(
            ctx,
            Context::Search | Context::Prompt | Context::Note | Context::Values
        ) && let Some(c) = key.printable()
        {
            // While typing, a printable key is text unless that context itself binds it.
            return Some(
                self.settings
                    .keymap
                    .lookup_exact(ctx, key)
                    .cloned()
                    .unwrap_or(Action::Insert(c)),
            );
        }
        self.settings.keymap.lookup(ctx, key).cloned()
    }

    /// The posting under the selection.
    pub fn selected_posting(&self) -> Option<&Arc<Posting>> {
        self.model
            .listing
            .rows
            .get(self.view.selected)
            .map(|&i| &self.model.postings[i as usize])
    }

    /// On at least one shortlist.
    pub fn is_bookmarked(&self, id: &str) -> bool {
        self.model.shortlists.is_saved(id)
    }

    pub fn is_hidden(&self, id: &str) -> bool {
        self.model.shortlists.is_hidden(id)
    }

    pub fn is_marked(&self, id: &str) -> bool {
        self.model.marks.iter().any(|m| m == id)
    }

    /// The postings marked for comparison that are in the corpus, in marking order.
    pub fn marked_postings(&self) -> Vec<&Arc<Posting>> {
        self.model
            .marks
            .iter()
            .filter_map(|id| self.model.facet_index.index_of(id))
            .map(|i| &self.model.postings[i as usize])
            .take(MAX_COMPARE)
            .collect()
    }

    /// How many postings the list holds with no query and no filter (duplicates and hidden
    /// postings left out).
    pub fn listed_total(&self) -> usize {
        self.model.totals.listed
    }

    /// Bookmarked postings count (over the whole corpus).
    pub fn bookmarked_count(&self) -> usize {
        self.model.totals.bookmarked
    }

    /// Counts the totals afresh (with the view: whatever changes them recomputes it), so that
    /// a frame does not walk the whole corpus to draw the status line.
    fn count_totals(&self) -> Totals {
        let listed = (0..self.model.postings.len() as u32)
            .filter(|&i| {
                !self.model.facet_index.is_duplicate(i)
                    && (self.model.show_hidden || !self.model.hidden_marks[i as usize])
                    && (self.showing_closed() || !self.model.facet_index.is_closed(i))
            })
            .count();
        // Only those in this corpus: the lists pane tells about the others.
        let bookmarked = self
            .model
            .bookmarked_marks
            .iter()
            .zip(0..)
            .filter(|(b, i)| **b && !self.model.facet_index.is_duplicate(*i))
            .count();
        Totals { listed, bookmarked }
    }

    /// Recomputes the list from the hits, filters and sort, keeping the selected posting
    /// selected when it is still listed (or moving to `prefer`, a corpus index).
    fn recompute_view(&mut self, prefer: Option<u32>) {
        self.model.totals = self.count_totals();
        let keep = prefer.or_else(|| self.model.listing.rows.get(self.view.selected).copied());
        let ctx = ViewContext {
            bookmarked: &self.model.bookmarked_marks,
            hidden: &self.model.hidden_marks,
            show_hidden: self.model.show_hidden,
            show_closed: self.showing_closed(),
            status: &self.model.status_marks,
            only: self
                .model
                .active_list
                .as_ref()
                .map(|_| self.model.list_marks.as_slice()),
            scores: &self.model.scores,
            keep: &self.view.filter_pins,
        };
        self.model.listing = match &self.model.hits {
            Some(hits) => {
                let idx: Vec<u32> = hits.iter().map(|h| h.index).collect();
                self.model
                    .facet_index
                    .view(&idx, &self.model.filters, self.model.sort, &ctx)
            }
            None => {
                let all: Vec<u32> = (0..self.model.postings.len() as u32).collect();
                self.model
                    .facet_index
                    .view(&all, &self.model.filters, self.effective_sort(), &ctx)
            }
        };
        // The same posting stays selected; when its file went away and a copy of it (same id)
        // is listed instead, the copy.
        let keep = keep.map(|k| {
            if self.model.facet_index.is_duplicate(k) {
                self.model
                    .facet_index
                    .index_of(&self.model.postings[k as usize].id)
                    .unwrap_or(k)
            } else {
                k
            }
        });
        self.view.selected = keep
            .and_then(|k| self.model.listing.rows.iter().position(|&r| r == k))
            .unwrap_or(self.view.selected);
        self.clamp_selection();
        self.clamp_filter_cursor();
    }

    fn clamp_selection(&mut self) {
        let n = self.model.listing.rows.len();
        if self.view.selected >= n {
            self.view.selected = n.saturating_sub(1);
        }
        let visible = self.list_rows_visible().max(1);
        if self.view.selected < self.view.list_offset {
            self.view.list_offset = self.view.selected;
        } else if self.view.selected >= self.view.list_offset + visible {
            self.view.list_offset = self.view.selected + 1 - visible;
        }
        // No empty space below the last row when the list could fill the pane.
        self.view.list_offset = self.view.list_offset.min(n.saturating_sub(visible));
    }

    /// Where the panes are now (on a narrow screen the focused one of list and detail gets
    /// the room).
    pub fn panes(&self) -> crate::layout::Panes {
        crate::layout::panes(
            self.view.size,
            self.view.filters_open,
            self.view.focus == Focus::Detail && self.view.overlay.is_none(),
            self.model.listing.rows.len(),
        )
    }

    /// The order the list is in: relevance ranks a query's hits; without a query it is the
    /// configured default order (newest first, by default).
    pub fn effective_sort(&self) -> SortKey {
        if self.model.sort == SortKey::Relevance && self.model.hits.is_none() {
            self.settings.default_order.unwrap_or(SortKey::Relevance)
        } else {
            self.model.sort
        }
    }

    /// The sort in words for the status line: "newest", "relevance", "file order".
    pub fn sort_label(&self) -> &'static str {
        match self.effective_sort() {
            SortKey::Relevance if self.model.hits.is_none() => "file order",
            k => k.as_str(),
        }
    }

    /// How many postings fit in the list pane (two lines each).
    pub fn list_rows_visible(&self) -> usize {
        let panes = self.panes();
        (panes.list.height.saturating_sub(2) / 2) as usize
    }

    /// Rebuilds the per-index bookmark marks after the bookmarks or the corpus changed.
    fn refresh_marks(&mut self) {
        let s = &self.model.shortlists;
        let n = self.model.postings.len();
        self.model.bookmarked_marks = vec![false; n];
        self.model.hidden_marks = vec![false; n];
        self.model.list_marks = vec![false; n];
        self.model.status_marks = vec![None; n];
        // Walk the bookmarks (few), not the corpus (many).
        for (id, b) in &s.bookmarks {
            let Some(i) = self.model.facet_index.index_of(id) else {
                continue;
            };
            let i = i as usize;
            self.model.bookmarked_marks[i] = b.is_saved();
            self.model.hidden_marks[i] = b.hidden;
            self.model.status_marks[i] = b.status;
            self.model.list_marks[i] = self
                .model
                .active_list
                .as_ref()
                .is_some_and(|l| b.lists.iter().any(|x| x == l));
        }
    }

    /// The marks of postings `from..` (just streamed in), from the shortlists.
    fn extend_marks(&mut self, from: usize) {
        for i in from..self.model.postings.len() {
            let b = self.model.shortlists.get(&self.model.postings[i].id);
            let listed =
                self.model.facet_index.index_of(&self.model.postings[i].id) == Some(i as u32);
            let b = b.filter(|_| listed);
            self.model
                .bookmarked_marks
                .push(b.is_some_and(|b| b.is_saved()));
            self.model.hidden_marks.push(b.is_some_and(|b| b.hidden));
            self.model.status_marks.push(b.and_then(|b| b.status));
            self.model.list_marks.push(b.is_some_and(|b| {
                self.model
                    .active_list
                    .as_ref()
                    .is_some_and(|l| b.lists.contains(l))
            }));
        }
    }

    /// Bookmarks of the browsed list whose postings are not in the corpus.
    pub fn missing_in_active_list(&self) -> usize {
        let Some(list) = &self.model.active_list else {
            return 0;
        };
        self.model
            .shortlists
            .bookmarks
            .values()
            .filter(|b| {
                b.lists.iter().any(|l| l == list)
                    && self.model.facet_index.index_of(&b.id).is_none()
            })
            .count()
    }
}
