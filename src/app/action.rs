//! Actions: everything that can change the app's state. Keys become actions through the keymap
//! (by these names, in `snake_case`, in `config.toml`); the loader, the search worker and the
//! store send the internal ones, which cannot be bound.

use std::sync::Arc;

use crate::corpus::Skipped;
use crate::posting::Posting;
use crate::search::Hit;

#[derive(Debug, Clone, PartialEq, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    // Everywhere.
    /// Quit, once the shortlists are saved (a failed save asks what to do).
    Quit,
    /// Suspend to the shell (Ctrl-Z); `fg` brings the browser back.
    Suspend,
    Help,
    FocusNext,
    FocusPrev,
    FocusSearch,
    ToggleFilters,
    CycleSort,
    ToggleBookmark,
    BookmarkedOnly,
    ToggleMark,
    /// Unmark every posting marked for comparison.
    ClearMarks,
    Compare,
    OpenUrl,
    /// Copy the url (or title and company) to the clipboard.
    Copy,
    ResetFilters,
    ShowSkipped,
    /// Esc: close the overlay, leave the search bar or the filter pane.
    Back,
    /// Enter in a pane that picks something (a shortlist, a status).
    Confirm,

    // Shortlists, notes, status, hiding.
    OpenLists,
    EditNote,
    CycleStatus,
    StatusMenu,
    ToggleHidden,
    ShowHidden,
    /// Show closed pulled postings too, dimmed (toggle).
    ShowClosed,
    /// Pull the watch-list in the background.
    Pull,
    /// Take back the last change to the shortlists (hide, unbookmark, status, list deletion…).
    Undo,
    NewList,
    RenameList,
    DeleteList,
    AddToList,
    MoveToList,
    SaveNote,
    Newline,

    // When the shortlists could not be saved at quit.
    RetrySave,
    SaveElsewhere,
    QuitAnyway,

    // Moving in the focused pane.
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    Left,
    Right,
    /// In the filter pane: select or deselect the value under the cursor.
    ToggleValue,

    // The search bar (a shell-like line editor).
    SubmitSearch,
    CancelSearch,
    CursorLeft,
    CursorRight,
    LineStart,
    LineEnd,
    DeleteBack,
    DeleteForward,
    DeleteWord,
    ClearLine,
    /// The query submitted before this one (in the search bar).
    HistoryOlder,
    /// The query submitted after this one, then what was being typed.
    HistoryNewer,

    // Internal: not bindable (see `Action::is_bindable`).
    #[strum(disabled)]
    Insert(char),
    #[strum(disabled)]
    Paste(String),
    #[strum(disabled)]
    Resize(u16, u16),
    #[strum(disabled)]
    ScrollAt {
        column: u16,
        row: u16,
        down: bool,
    },
    #[strum(disabled)]
    ClickAt {
        column: u16,
        row: u16,
    },
    #[strum(disabled)]
    Loaded(Vec<Arc<Posting>>),
    #[strum(disabled)]
    LoadProgress {
        files_done: usize,
        files_total: usize,
        per_second: u32,
    },
    #[strum(disabled)]
    LoadSkipped(Vec<Skipped>),
    #[strum(disabled)]
    LoadFinished {
        elapsed_ms: u64,
    },
    /// The browser opens: what it knows besides the postings.
    #[strum(disabled)]
    Opened(Box<Opening>),
    #[strum(disabled)]
    SearchDone {
        generation: u64,
        hits: Arc<Vec<Hit>>,
    },
    #[strum(disabled)]
    Notify(String),
    /// A background task failed for good: the browser closes with this message.
    #[strum(disabled)]
    Fatal(String),
    /// A watched file was saved or changed: its postings now (replacing those it had).
    #[strum(disabled)]
    SourceChanged {
        source: String,
        postings: Vec<Arc<Posting>>,
    },
    /// A watched file (or folder) went away.
    #[strum(disabled)]
    SourceRemoved {
        source: String,
    },
    /// How the pull of the watch-list's source `index` is going.
    #[strum(disabled)]
    PullProgress {
        index: usize,
        progress: Box<crate::pull::Progress>,
    },
    /// The pull of the watch-list ended.
    #[strum(disabled)]
    PullFinished,
    /// The shortlists as saved (or, after a failed save, as held in memory with the error).
    #[strum(disabled)]
    StoreUpdated(Box<StoreReport>),
    /// A copy of the shortlists written elsewhere (the way out of a failed save): the file
    /// written, or why not.
    #[strum(disabled)]
    StoreCopied {
        path: String,
        result: Result<String, String>,
    },
    /// A signal asked the browser to end (SIGTERM, SIGHUP, SIGINT, SIGQUIT): it saves what is
    /// pending, without asking, and exits with 128 + the signal's number.
    #[strum(disabled)]
    Signal(i32),
    /// Quitting waited for the shortlists to be saved for as long as it should.
    #[strum(disabled)]
    SaveTimedOut,
    /// The final save cannot be made: there is no store to save to (it did not open, as the
    /// message at start said).
    #[strum(disabled)]
    NoStoreToSave,
}

/// What the store thread says after each request (and after retries and reloads).
#[derive(Debug, Clone, PartialEq)]
pub struct StoreReport {
    /// The shortlists as saved, or as held in memory when a save failed.
    pub state: Arc<crate::store::Shortlists>,
    /// Things to tell the user (a file set aside, notes merged).
    pub notices: Vec<String>,
    /// Why the last save failed, if it did.
    pub error: Option<SaveProblem>,
    /// The changes held in memory and not on disk, in words.
    pub unsaved: Vec<String>,
    /// The number of the last request the store thread has carried out.
    pub answered: u64,
    /// The answer to a final save (quitting).
    pub final_save: bool,
}

impl StoreReport {
    /// A report of `state` with nothing else to say.
    pub fn of(state: Arc<crate::store::Shortlists>) -> StoreReport {
        StoreReport {
            state,
            notices: Vec::new(),
            error: None,
            unsaved: Vec::new(),
            answered: 0,
            final_save: false,
        }
    }
}

/// A failed save: in a few words for the status line, and in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveProblem {
    pub brief: String,
    pub detail: String,
}

impl SaveProblem {
    pub fn of(e: &crate::store::StoreError) -> SaveProblem {
        SaveProblem {
            brief: e.brief(),
            detail: e.to_string(),
        }
    }
}

/// Who an action comes from and who handles it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A person, and it means the same wherever the keyboard is (quit, sort, bookmark…).
    Global,
    /// A person, and it means something to what has the keyboard (Enter, Esc, a list's
    /// keys, pasting): the focused pane's or the overlay's handler takes it.
    Contextual,
    /// Moving a cursor or a scroll position (contextual too).
    Move,
    /// Editing text: a line, the note (contextual too).
    Edit,
    /// The loader, the search worker, the store, a signal or the terminal.
    Background,
}

impl Action {
    /// Who the action comes from and who handles it. An exhaustive match: a new action has to
    /// say where it belongs.
    pub fn kind(&self) -> Kind {
        match self {
            Action::Quit
            | Action::Suspend
            | Action::Help
            | Action::FocusNext
            | Action::FocusPrev
            | Action::FocusSearch
            | Action::ToggleFilters
            | Action::CycleSort
            | Action::ToggleBookmark
            | Action::BookmarkedOnly
            | Action::ToggleMark
            | Action::ClearMarks
            | Action::Compare
            | Action::OpenUrl
            | Action::Copy
            | Action::ResetFilters
            | Action::ShowSkipped
            | Action::OpenLists
            | Action::EditNote
            | Action::CycleStatus
            | Action::StatusMenu
            | Action::ToggleHidden
            | Action::ShowHidden
            | Action::ShowClosed
            | Action::Pull
            | Action::Undo
            | Action::ScrollAt { .. }
            | Action::ClickAt { .. } => Kind::Global,
            Action::Back
            | Action::Confirm
            | Action::NewList
            | Action::RenameList
            | Action::DeleteList
            | Action::AddToList
            | Action::MoveToList
            | Action::SaveNote
            | Action::RetrySave
            | Action::SaveElsewhere
            | Action::QuitAnyway
            | Action::Left
            | Action::Right
            | Action::ToggleValue
            | Action::SubmitSearch
            | Action::CancelSearch
            | Action::HistoryOlder
            | Action::HistoryNewer
            | Action::Paste(_) => Kind::Contextual,
            Action::Down
            | Action::Up
            | Action::Top
            | Action::Bottom
            | Action::PageDown
            | Action::PageUp => Kind::Move,
            Action::CursorLeft
            | Action::CursorRight
            | Action::LineStart
            | Action::LineEnd
            | Action::DeleteBack
            | Action::DeleteForward
            | Action::DeleteWord
            | Action::ClearLine
            | Action::Newline
            | Action::Insert(_) => Kind::Edit,
            Action::Resize(..)
            | Action::Loaded(_)
            | Action::LoadProgress { .. }
            | Action::LoadSkipped(_)
            | Action::LoadFinished { .. }
            | Action::Opened(_)
            | Action::SearchDone { .. }
            | Action::Notify(_)
            | Action::Fatal(_)
            | Action::SourceChanged { .. }
            | Action::SourceRemoved { .. }
            | Action::PullProgress { .. }
            | Action::PullFinished
            | Action::StoreUpdated(_)
            | Action::StoreCopied { .. }
            | Action::Signal(_)
            | Action::SaveTimedOut
            | Action::NoStoreToSave => Kind::Background,
        }
    }

    /// A person's doing (a key, the mouse, a paste), as opposed to the loader's, the worker's
    /// or the store's.
    pub fn is_user(&self) -> bool {
        self.kind() != Kind::Background
    }

    /// What the action does, for the help overlay.
    pub fn describe(&self) -> &'static str {
        match self {
            Action::Quit => "quit (once the shortlists are saved)",
            Action::Suspend => "suspend to the shell (fg brings jobdeck back)",
            Action::RetrySave => "try saving the shortlists again",
            Action::SaveElsewhere => "save the shortlists to another file",
            Action::QuitAnyway => "quit without saving (the unsaved changes are lost)",
            Action::Help => "show or hide this help",
            Action::FocusNext => "focus the next pane (list → detail → filters)",
            Action::FocusPrev => "focus the previous pane",
            Action::FocusSearch => "search (type a query)",
            Action::ToggleFilters => "open or close the filter pane",
            Action::CycleSort => "cycle sort: relevance, title, company, salary, newest",
            Action::ToggleBookmark => "bookmark or unbookmark the selected posting",
            Action::BookmarkedOnly => "show only bookmarked postings (toggle)",
            Action::ToggleMark => "mark or unmark the posting for comparison",
            Action::ClearMarks => "unmark every posting marked for comparison",
            Action::Compare => "compare the marked postings (2–4) side by side",
            Action::OpenUrl => "open the posting's url in the browser",
            Action::Copy => {
                "copy the url (or title and company) to the clipboard, over SSH too (OSC 52)"
            }
            Action::ResetFilters => "reset all filters",
            Action::ShowSkipped => "list the files that were skipped, with reasons",
            Action::Back => "close the overlay / leave the pane",
            Action::Confirm => "choose",
            Action::OpenLists => "shortlists: create, rename, delete, add to, move between, browse",
            Action::EditNote => "write or edit a note on the posting",
            Action::CycleStatus => {
                "next application status (saved → applied → interviewing → offer → …)"
            }
            Action::StatusMenu => "pick the application status from a menu",
            Action::ToggleHidden => "hide the posting (not interested) / bring a hidden one back",
            Action::ShowHidden => "show hidden postings too, dimmed (toggle)",
            Action::ShowClosed => "show closed pulled postings too, dimmed (toggle)",
            Action::Pull => "pull the watch-list ([[sources]]) in the background",
            Action::Undo => {
                "undo the last change: hide, bookmark, status, list move or deletion (20 kept)"
            }
            Action::NewList => "new list",
            Action::RenameList => "rename the list",
            Action::DeleteList => "delete the list (postings only on it move to Saved)",
            Action::AddToList => "add the selected posting to the list",
            Action::MoveToList => {
                "move the selected posting to the list (off the one being browsed)"
            }
            Action::SaveNote => "save the note",
            Action::Newline => "new line",
            Action::Down => "move down",
            Action::Up => "move up",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::Left => "scroll left",
            Action::Right => "scroll right",
            Action::ToggleValue => "select or deselect the filter value",
            Action::SubmitSearch => "back to the list, keeping the query",
            Action::CancelSearch => "clear the query and leave the search bar",
            Action::CursorLeft => "cursor left",
            Action::CursorRight => "cursor right",
            Action::LineStart => "cursor to the start",
            Action::LineEnd => "cursor to the end",
            Action::DeleteBack => "delete the character before the cursor",
            Action::DeleteForward => "delete the character under the cursor",
            Action::DeleteWord => "delete the word before the cursor",
            Action::ClearLine => "clear the query",
            Action::HistoryOlder => "the previous query (kept across runs)",
            Action::HistoryNewer => "the next query, then back to what was typed",
            _ => "",
        }
    }

    /// The name used in `config.toml` ("toggle_bookmark"); empty for the internal actions.
    pub fn name(&self) -> &'static str {
        // The internal actions are `strum(disabled)`: they have no name to give.
        if self.is_bindable() { self.into() } else { "" }
    }

    /// Parses a bindable action's name.
    pub fn from_name(name: &str) -> Option<Action> {
        name.parse().ok().filter(Action::is_bindable)
    }

    /// Whether a key can be bound to it: a person's action that carries nothing (typing,
    /// pasting and the mouse carry what was typed, pasted or clicked). Exactly the variants
    /// not marked `strum(disabled)`.
    pub fn is_bindable(&self) -> bool {
        self.is_user()
            && !matches!(
                self,
                Action::Insert(_)
                    | Action::Paste(_)
                    | Action::ScrollAt { .. }
                    | Action::ClickAt { .. }
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for a in [
            Action::Quit,
            Action::ToggleBookmark,
            Action::PageDown,
            Action::DeleteWord,
        ] {
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
        assert_eq!(Action::ToggleBookmark.name(), "toggle_bookmark");
        assert_eq!(Action::from_name("insert"), None);
        assert_eq!(Action::from_name("no_such_action"), None);
    }
}

/// What the browser knows as it opens, besides the postings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Opening {
    /// Whether the shortlists can be saved (false: the store could not be opened).
    pub has_store: bool,
    /// The search bar's earlier queries, oldest first.
    pub history: Vec<String>,
    /// Where the shortlists are written if saving fails at quit (None: the app's default).
    pub rescue_path: Option<String>,
    /// The first thing to tell (a file set aside, the store unavailable, a config problem).
    pub message: Option<String>,
}
