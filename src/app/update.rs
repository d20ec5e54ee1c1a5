//! `App::update`: the only code that changes the app's state.

use std::sync::Arc;

use super::keymap::Context;
use super::{Action, App, Closing, Effect, FilterRow, Focus, MAX_COMPARE, Overlay, Stale};
use crate::facets::{FacetValue, SortKey};

impl App {
    /// Applies an action; returns the effects for the event loop to carry out.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = Vec::new();
        // Postings that streamed in count for everything but more streaming.
        if !matches!(
            action,
            Action::Loaded(_) | Action::LoadProgress { .. } | Action::LoadSkipped(_)
        ) {
            effects = self.refresh();
        }
        let focus = self.view.focus;
        effects.extend(self.apply(action));
        // On a narrow screen the focus decides how tall the list is.
        if self.view.focus != focus {
            self.clamp_selection();
        }
        effects
    }

    fn apply(&mut self, action: Action) -> Vec<Effect> {
        // Quitting: the keyboard waits (with "saving…" on screen) until the store answers.
        if self.model.closing.is_some() && is_user_action(&action) {
            return Vec::new();
        }
        if is_user_action(&action) {
            self.view.message = None;
        }
        match action {
            Action::Quit => return self.start_closing(Closing::User),
            Action::Signal(n) => return self.start_closing(Closing::Signal(n)),
            Action::SaveTimedOut => self.save_timed_out(),
            Action::Suspend => return vec![Effect::Suspend],
            Action::RetrySave | Action::SaveElsewhere | Action::QuitAnyway => {
                return self.unsaved_action(&action);
            }
            Action::StoreCopied { path, result } => self.copy_done(path, result),
            Action::Help => {
                self.view.overlay = match self.view.overlay {
                    Some(Overlay::Help { .. }) => None,
                    _ => Some(Overlay::Help { scroll: 0 }),
                }
            }
            Action::FocusNext | Action::FocusPrev => self.cycle_focus(action == Action::FocusNext),
            Action::FocusSearch => {
                self.view.overlay = None;
                self.view.focus = Focus::Search;
            }
            Action::ToggleFilters => {
                self.view.filters_open = !self.view.filters_open;
                self.view.focus = if self.view.filters_open {
                    Focus::Filters
                } else if self.view.focus == Focus::Filters {
                    Focus::List
                } else {
                    self.view.focus
                };
                self.clamp_selection();
            }
            Action::CycleSort => {
                self.model.sort = self.model.sort.next(
                    !self.model.query.is_empty(),
                    !self.settings.rules.is_empty(),
                );
                self.recompute_view(None);
                self.view.message = Some(format!("sorted by {}", self.sort_label()));
            }
            Action::ToggleBookmark => return self.toggle_bookmark(),
            Action::BookmarkedOnly => {
                self.model.filters.toggle(FacetValue::BookmarkedOnly);
                self.recompute_view(None);
            }
            Action::ToggleMark => self.toggle_mark(),
            Action::ClearMarks => {
                let n = self.model.marks.len();
                self.model.marks.clear();
                self.view.message = Some(if n == 0 {
                    "nothing is marked".into()
                } else {
                    format!("unmarked {}", super::count(n, "posting"))
                });
                // The compare view of marked postings has nothing left to show.
                if matches!(self.view.overlay, Some(Overlay::Compare { .. }))
                    && self.compare_postings().len() < 2
                {
                    self.view.overlay = None;
                }
            }
            Action::Compare => {
                let n = self.compare_postings().len();
                if n >= 2 {
                    self.view.overlay = Some(Overlay::Compare {
                        offset: 0,
                        scroll: 0,
                    });
                } else {
                    self.view.message = Some(format!(
                        "mark 2–{MAX_COMPARE} postings with m (or browse a shortlist) to compare them ({} marked)",
                        self.model.marks.len()
                    ));
                }
            }
            Action::OpenUrl => {
                let url = self.selected_posting().and_then(|p| p.url.clone());
                match url {
                    Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
                        self.view.message = Some(format!("opening {u}"));
                        return vec![Effect::OpenUrl(u)];
                    }
                    Some(_) => self.view.message = Some("only http(s) links are opened".into()),
                    None => self.view.message = Some("this posting has no url".into()),
                }
            }
            Action::Copy => {
                let Some(p) = self.selected_posting() else {
                    return Vec::new();
                };
                let (what, text) = match &p.url {
                    Some(u) => ("url", u.clone()),
                    None => ("title and company", p.headline()),
                };
                let text = crate::sanitize::clean_field(&text);
                self.view.message = Some(format!("copied the {what}: {text}"));
                return vec![Effect::Copy(text)];
            }
            Action::ResetFilters => {
                self.model.filters.clear();
                self.view.filter_pins.clear();
                self.recompute_view(None);
                self.view.message = Some("filters reset".into());
            }
            Action::ShowSkipped => {
                if self.model.skipped.is_empty() {
                    self.view.message = Some("no file was skipped".into());
                } else {
                    self.view.overlay = Some(Overlay::Skipped { scroll: 0 });
                }
            }
            Action::Back => return self.back(),
            Action::Confirm => {
                return match self.context() {
                    Context::Lists => self.lists_action(&Action::Confirm),
                    Context::Prompt
                        if matches!(self.view.overlay, Some(Overlay::Unsaved { .. })) =>
                    {
                        self.submit_save_path()
                    }
                    Context::Prompt => self.submit_prompt(),
                    Context::Confirm => self.confirm_delete(),
                    Context::StatusMenu => self.pick_status(),
                    _ => Vec::new(),
                };
            }
            Action::OpenLists => self.open_lists(),
            Action::EditNote => self.open_note(),
            Action::SaveNote => return self.save_note(),
            Action::CycleStatus => return self.cycle_status(),
            Action::StatusMenu => self.open_status_menu(),
            Action::ToggleHidden => return self.toggle_hidden(),
            Action::ShowHidden => self.toggle_show_hidden(),
            Action::ShowClosed => self.toggle_show_closed(),
            Action::Pull => return self.start_pull(),
            Action::Undo => return self.undo_last(),
            Action::PullProgress { index, progress } => self.pull_progress(index, *progress),
            Action::PullFinished => self.pull_finished(),
            Action::NewList
            | Action::RenameList
            | Action::DeleteList
            | Action::AddToList
            | Action::MoveToList => {
                return self.lists_action(&action);
            }
            Action::StoreUpdated(report) => self.store_updated(*report),
            Action::Down
            | Action::Up
            | Action::Top
            | Action::Bottom
            | Action::PageDown
            | Action::PageUp => self.move_cursor(&action),
            Action::Left | Action::Right => {
                let max = self.view.compare_max_offset.get();
                if let Some(Overlay::Compare { offset, .. }) = &mut self.view.overlay {
                    *offset = if action == Action::Left {
                        offset.saturating_sub(1)
                    } else {
                        (*offset + 1).min(max)
                    };
                }
            }
            Action::ToggleValue => self.toggle_filter_value(),
            Action::SubmitSearch => {
                self.view.focus = Focus::List;
                let before = self.model.history.entries().to_vec();
                self.model.history.push(self.view.input.text());
                if self.model.history.entries() != before {
                    return vec![Effect::SaveHistory(self.model.history.entries().to_vec())];
                }
            }
            Action::CancelSearch => {
                self.model.history.reset();
                self.view.input.clear();
                self.view.focus = Focus::List;
                return self.query_changed();
            }
            Action::HistoryOlder | Action::HistoryNewer => {
                let recalled = if action == Action::HistoryOlder {
                    self.model.history.older(self.view.input.text())
                } else {
                    self.model.history.newer()
                };
                if let Some(q) = recalled.map(str::to_string) {
                    self.view.input.clear();
                    self.view.input.insert_str(&q);
                    return self.query_changed();
                }
            }
            Action::CursorLeft
            | Action::CursorRight
            | Action::LineStart
            | Action::LineEnd
            | Action::DeleteBack
            | Action::DeleteForward
            | Action::DeleteWord
            | Action::ClearLine
            | Action::Newline
            | Action::Insert(_) => return self.edit(action),
            Action::Paste(s) => return self.paste(&s),
            Action::Resize(w, h) => {
                self.view.size = (w, h);
                self.clamp_selection();
            }
            Action::ScrollAt { column, row, down } => self.scroll_at(column, row, down),
            Action::ClickAt { column, row } => self.click_at(column, row),
            Action::Loaded(batch) => return self.loaded(batch),
            Action::LoadProgress {
                files_done,
                files_total,
                per_second,
            } => {
                self.model.load.files_done = files_done;
                self.model.load.files_total = files_total;
                self.model.load.per_second = per_second;
            }
            Action::LoadSkipped(s) => {
                // A file saved while browsing that cannot be read: say why, not "0 new
                // postings". (During the load the summary counts them; a pull tells its own.)
                if self.model.load.done
                    && self.model.load.files_done >= self.model.load.files_total
                    && self.model.pull.is_none()
                    && let Some(first) = s.first()
                {
                    let key = self
                        .settings
                        .keymap
                        .first_key(Context::Global, &Action::ShowSkipped);
                    let mut m = crate::sanitize::clean_field(&first.to_string());
                    if !key.is_empty() {
                        m.push_str(&format!(" ({key} lists skipped files)"));
                    }
                    self.view.message = Some(m);
                }
                self.model.skipped.extend(s)
            }
            Action::LoadFinished { elapsed_ms } => {
                self.model.load.done = true;
                self.relink();
                self.model.load.elapsed_ms = elapsed_ms;
                // A folder load (one that counted its files) ends with a summary line.
                if self.view.message.is_none() && self.model.load.files_total > 0 {
                    let n = self.listed_total();
                    let mut m = format!(
                        "{} posting{} from {} file{} in {:.1} s",
                        crate::posting::group_thousands_count(n),
                        if n == 1 { "" } else { "s" },
                        crate::posting::group_thousands_count(self.model.load.files_total),
                        if self.model.load.files_total == 1 {
                            ""
                        } else {
                            "s"
                        },
                        elapsed_ms as f64 / 1000.0
                    );
                    if !self.model.skipped.is_empty() {
                        let key = self
                            .settings
                            .keymap
                            .first_key(Context::Global, &Action::ShowSkipped);
                        m.push_str(&format!(" · {} skipped ({key})", self.model.skipped.len()));
                    }
                    self.view.message = Some(m);
                }
            }
            Action::SearchDone { generation, hits } => self.search_done(generation, hits),
            Action::Notify(m) => self.view.message = Some(m),
            Action::SourceChanged { source, postings } => {
                // Told twice (a pull reports the files it wrote, the watcher sees them too):
                // the same postings again are no news. (They are still taken in, as the search
                // worker was given them: corpus indices must stay the same on both sides.)
                let now = self.model.facet_index.source_indices(&source);
                let same = !postings.is_empty()
                    && now.len() == postings.len()
                    && now
                        .iter()
                        .zip(&postings)
                        .all(|(&i, p)| *self.model.postings[i as usize] == **p);
                let gone = self.model.facet_index.remove_source(&source);
                let n = postings.len();
                self.model.skipped.retain(|s| s.source != source);
                let mut effects = self.loaded(postings);
                if gone > 0 || n == 0 {
                    self.refresh_marks();
                    self.recompute_view(None);
                }
                // A pull tells its own progress; files it writes are not news one by one.
                // (A file that could not be read, n = 0, is told by the skip that follows.)
                if self.model.pull.is_none() && !same && (n > 0 || gone > 0) {
                    self.view.message = Some(match (gone, n) {
                        (0, n) => format!(
                            "{n} new posting{} from {source}",
                            if n == 1 { "" } else { "s" }
                        ),
                        _ => format!(
                            "{source} changed: {n} posting{} now",
                            if n == 1 { "" } else { "s" }
                        ),
                    });
                }
                self.model.stale.links = true;
                effects.extend(self.refresh());
                return effects;
            }
            Action::SourceRemoved { source } => {
                let gone = self.model.facet_index.remove_source(&source);
                self.model
                    .skipped
                    .retain(|s| s.source != source && !s.source.starts_with(&format!("{source}/")));
                if gone > 0 {
                    self.view.message = Some(format!(
                        "{source} is gone: {gone} posting{} removed (bookmarks kept)",
                        if gone == 1 { "" } else { "s" }
                    ));
                }
                self.refresh_marks();
                self.model.stale.links = true;
                self.recompute_view(None);
            }
            Action::Fatal(m) => {
                self.model.fatal = Some(m);
                self.model.should_quit = true;
            }
        }
        Vec::new()
    }

    fn cycle_focus(&mut self, forward: bool) {
        if self.view.overlay.is_some() {
            return;
        }
        let mut order = vec![Focus::List, Focus::Detail];
        if self.view.filters_open {
            order.push(Focus::Filters);
        }
        let pos = order.iter().position(|f| *f == self.view.focus);
        self.view.focus = match (pos, forward) {
            (None, _) => Focus::List,
            (Some(p), true) => order[(p + 1) % order.len()],
            (Some(p), false) => order[(p + order.len() - 1) % order.len()],
        };
    }

    fn back(&mut self) -> Vec<super::Effect> {
        // Inside the lists pane, Esc first cancels the prompt or the question.
        if let Some(Overlay::Lists {
            prompt,
            confirm_delete,
            ..
        }) = &mut self.view.overlay
            && (prompt.is_some() || confirm_delete.is_some())
        {
            *prompt = None;
            *confirm_delete = None;
            return Vec::new();
        }
        if let Some(Overlay::Unsaved { prompt, .. }) = &mut self.view.overlay {
            if prompt.take().is_none() {
                self.view.overlay = None;
                self.view.message = Some(format!(
                    "{} kept in memory — jobdeck keeps trying to save; quitting tries again",
                    super::count(self.model.unsaved.len(), "unsaved change")
                ));
            }
            return Vec::new();
        }
        // (Only a note is taken here: taking any overlay fell through to the pane below, so
        // Esc on help closed it and cleared the query too.)
        if matches!(self.view.overlay, Some(Overlay::Note { .. }))
            && let Some(Overlay::Note { id, editor, base }) = self.view.overlay.take()
        {
            // Kept, as lazygit keeps a commit message: `n` on the posting brings it back.
            let text = editor.text();
            if text != base.unwrap_or_default() {
                self.model.note_drafts.insert(id, text);
                self.view.message = Some(format!(
                    "note not saved — draft kept: {} reopens it, {} saves",
                    self.settings
                        .keymap
                        .first_key(Context::List, &Action::EditNote),
                    self.settings
                        .keymap
                        .first_key(Context::Note, &Action::SaveNote)
                ));
            } else {
                self.model.note_drafts.remove(&id);
            }
            return Vec::new();
        } else if self.view.overlay.is_some() {
            self.view.overlay = None;
            return Vec::new();
        }
        match self.view.focus {
            Focus::Search => {
                self.model.history.reset();
                self.view.input.clear();
                self.view.focus = Focus::List;
                return self.query_changed();
            }
            Focus::Filters | Focus::Detail => self.view.focus = Focus::List,
            // The query stays until the user clears it in the search bar.
            Focus::List if !self.view.input.text().is_empty() => {
                self.view.message = Some(format!(
                    "the query stays — {} then {} clears it",
                    self.settings
                        .keymap
                        .first_key(Context::List, &Action::FocusSearch),
                    self.settings
                        .keymap
                        .first_key(Context::Search, &Action::CancelSearch)
                ));
            }
            Focus::List => {}
        }
        Vec::new()
    }

    /// Text editing, routed to what is being typed into: the list-name prompt, the note, or
    /// the search bar (whose every edit starts a search).
    fn edit(&mut self, action: Action) -> Vec<Effect> {
        let prompt = match &mut self.view.overlay {
            Some(Overlay::Lists {
                prompt: Some(p), ..
            }) => Some(&mut p.input),
            Some(Overlay::Unsaved {
                prompt: Some(p), ..
            }) => Some(p),
            _ => None,
        };
        if let Some(input) = prompt {
            if !edit_line(input, &action) {
                self.view.message = Some(full_line_message());
            }
            return Vec::new();
        }
        if let Some(Overlay::Values { input, cursor, .. }) = &mut self.view.overlay {
            if !edit_line(input, &action) {
                self.view.message = Some(full_line_message());
            }
            *cursor = 0;
            return Vec::new();
        }
        if let Some(Overlay::Note { editor, .. }) = &mut self.view.overlay {
            match action {
                Action::CursorLeft => editor.left(),
                Action::CursorRight => editor.right(),
                Action::LineStart => editor.home(),
                Action::LineEnd => editor.end(),
                Action::DeleteBack => editor.backspace(),
                Action::DeleteForward => editor.delete(),
                Action::DeleteWord => editor.delete_word(),
                Action::Newline => editor.newline(),
                Action::Insert(c) if !editor.insert(c) => {
                    self.view.message = Some(full_note_message());
                }
                _ => {}
            }
            return Vec::new();
        }
        if self.view.overlay.is_some() || action == Action::Newline {
            return Vec::new();
        }
        if let Action::Insert(_) = action {
            self.view.focus = Focus::Search;
        }
        let changes = !matches!(
            action,
            Action::CursorLeft | Action::CursorRight | Action::LineStart | Action::LineEnd
        );
        if !edit_line(&mut self.view.input, &action) {
            self.view.message = Some(full_line_message());
            return Vec::new();
        }
        if changes {
            self.query_changed()
        } else {
            Vec::new()
        }
    }

    fn toggle_mark(&mut self) {
        let Some(p) = self.selected_posting() else {
            return;
        };
        let id = p.id.clone();
        if let Some(pos) = self.model.marks.iter().position(|m| *m == id) {
            self.model.marks.remove(pos);
        } else if self.model.marks.len() >= MAX_COMPARE {
            self.view.message = Some(format!(
                "at most {MAX_COMPARE} postings can be compared; unmark one first"
            ));
        } else {
            self.model.marks.push(id);
            let n = self.model.marks.len();
            self.view.message = Some(if n >= 2 {
                format!("{n} marked — press c to compare")
            } else {
                "marked for comparison — mark another with m".into()
            });
        }
    }

    fn move_cursor(&mut self, action: &Action) {
        // Menus move their cursor; the note editor its caret.
        let list_rows = self.list_rows().len();
        match &mut self.view.overlay {
            Some(Overlay::Lists {
                cursor,
                prompt: None,
                confirm_delete: None,
            }) => {
                *cursor = step(*cursor, action, 5, list_rows.saturating_sub(1));
                return;
            }
            Some(Overlay::Status { cursor }) => {
                *cursor = step(*cursor, action, 5, crate::store::Status::ALL.len() - 1);
                return;
            }
            Some(Overlay::Note { editor, .. }) => {
                match action {
                    Action::Up => editor.up(),
                    Action::Down => editor.down(),
                    _ => {}
                }
                return;
            }
            Some(Overlay::Lists { .. }) => return,
            Some(Overlay::Values { .. }) => {
                let n = self.value_rows().len();
                let page = self.view.size.1.saturating_sub(6) as usize;
                if let Some(Overlay::Values { cursor, .. }) = &mut self.view.overlay {
                    *cursor = step(*cursor, action, page.max(1), n.saturating_sub(1));
                }
                return;
            }
            _ => {}
        }
        // Other overlays scroll.
        if let Some(overlay) = &mut self.view.overlay {
            let page = self.view.size.1.saturating_sub(6) as usize;
            let scroll = match overlay {
                Overlay::Help { scroll }
                | Overlay::Skipped { scroll }
                | Overlay::Compare { scroll, .. } => scroll,
                _ => return,
            };
            *scroll = step(*scroll, action, page, usize::MAX / 2);
            // Rendering clamps to the content; keep the stored value in range too.
            let max = match overlay {
                Overlay::Help { .. } => self.settings.keymap.bindings().len() + 16,
                Overlay::Skipped { .. } => self.model.skipped.len(),
                _ => 64,
            };
            if let Some(
                Overlay::Help { scroll }
                | Overlay::Skipped { scroll }
                | Overlay::Compare { scroll, .. },
            ) = &mut self.view.overlay
            {
                *scroll = (*scroll).min(max);
            }
            return;
        }
        match self.view.focus {
            Focus::List | Focus::Search => {
                let n = self.model.listing.rows.len();
                let new = step(
                    self.view.selected,
                    action,
                    self.list_rows_visible().max(1),
                    n.saturating_sub(1),
                );
                if new != self.view.selected {
                    self.view.selected = new;
                    self.view.detail_scroll = 0;
                }
                self.clamp_selection();
            }
            Focus::Detail => {
                let height = self.panes().detail.height.saturating_sub(2) as usize;
                let max = self.view.detail_max_scroll.get();
                self.view.detail_scroll =
                    step(self.view.detail_scroll, action, height.max(1), max).min(max);
            }
            Focus::Filters => {
                let n = self.filter_value_positions().len();
                self.view.filter_cursor =
                    step(self.view.filter_cursor, action, 10, n.saturating_sub(1));
                self.clamp_filter_offset();
            }
        }
    }

    fn clamp_filter_offset(&mut self) {
        let Some(row) = self
            .filter_value_positions()
            .get(self.view.filter_cursor)
            .copied()
        else {
            return;
        };
        let height = self
            .panes()
            .filters
            .map_or(0, |r| r.height.saturating_sub(2) as usize)
            .max(1);
        // Keep the facet header above the first value visible too.
        let top = row.saturating_sub(1);
        if top < self.view.filter_offset {
            self.view.filter_offset = top;
        } else if row >= self.view.filter_offset + height {
            self.view.filter_offset = row + 1 - height;
        }
    }

    fn toggle_filter_value(&mut self) {
        if let Some(Overlay::Values { cursor, .. }) = &self.view.overlay {
            let cursor = *cursor;
            if let Some((value, _, _)) = self.value_rows().get(cursor).cloned() {
                self.model.filters.toggle(value);
                self.recompute_view(None);
            }
            return;
        }
        let rows = self.filter_rows();
        let positions = self.filter_value_positions();
        let row = positions
            .get(self.view.filter_cursor)
            .and_then(|&p| rows.get(p));
        if let Some(FilterRow::More { kind, .. }) = row {
            self.view.overlay = Some(Overlay::Values {
                kind: *kind,
                input: super::input::LineInput::default(),
                cursor: 0,
            });
            return;
        }
        let Some(FilterRow::Value { value, .. }) = row else {
            return;
        };
        let value = value.clone();
        // What is shown now stays in place, whatever the new counts.
        self.view.filter_pins = rows
            .iter()
            .filter_map(|r| match r {
                FilterRow::Value { value, .. } => Some(value.clone()),
                _ => None,
            })
            .collect();
        self.model.filters.toggle(value.clone());
        self.recompute_view(None);
        // Keep the cursor on the same value: lists re-order as counts change.
        let rows = self.filter_rows();
        if let Some(pos) = self
            .filter_value_positions()
            .iter()
            .position(|&p| matches!(&rows[p], FilterRow::Value { value: v, .. } if *v == value))
        {
            self.view.filter_cursor = pos;
        }
        self.clamp_filter_offset();
    }

    fn scroll_at(&mut self, column: u16, row: u16, down: bool) {
        let panes = self.panes();
        let action = if down { Action::Down } else { Action::Up };
        if self.view.overlay.is_some() {
            for _ in 0..3 {
                self.move_cursor(&action);
            }
            return;
        }
        let in_list = panes.list.contains((column, row).into());
        if in_list {
            // The list itself scrolls; the selection stays in view (dragged at the edges).
            let n = self.model.listing.rows.len();
            let visible = self.list_rows_visible().max(1);
            let max = n.saturating_sub(visible);
            self.view.list_offset = if down {
                (self.view.list_offset + 3).min(max)
            } else {
                self.view.list_offset.saturating_sub(3)
            };
            let sel = self
                .view
                .selected
                .clamp(self.view.list_offset, self.view.list_offset + visible - 1)
                .min(n.saturating_sub(1));
            if sel != self.view.selected {
                self.view.selected = sel;
                self.view.detail_scroll = 0;
            }
            return;
        }
        let saved = self.view.focus;
        self.view.focus = if panes.detail.contains((column, row).into()) {
            Focus::Detail
        } else if panes
            .filters
            .is_some_and(|f| f.contains((column, row).into()))
        {
            Focus::Filters
        } else {
            Focus::List
        };
        for _ in 0..3 {
            self.move_cursor(&action);
        }
        self.view.focus = saved;
    }

    fn click_at(&mut self, column: u16, row: u16) {
        if self.view.overlay.is_some() {
            return;
        }
        let panes = self.panes();
        let pos = (column, row).into();
        if panes.search.contains(pos) {
            self.view.focus = Focus::Search;
        } else if panes.list.contains(pos) {
            self.view.focus = Focus::List;
            let inner_row = row.saturating_sub(panes.list.y + 1) as usize;
            let target = self.view.list_offset + inner_row / 2;
            if row > panes.list.y && target < self.model.listing.rows.len() {
                if target != self.view.selected {
                    self.view.detail_scroll = 0;
                }
                self.view.selected = target;
                self.clamp_selection();
            }
        } else if panes.detail.contains(pos) {
            self.view.focus = Focus::Detail;
        } else if let Some(f) = panes.filters
            && f.contains(pos)
        {
            self.view.focus = Focus::Filters;
            let item = self.view.filter_offset + row.saturating_sub(f.y + 1) as usize;
            if let Some(cursor) = self
                .filter_value_positions()
                .iter()
                .position(|&p| p == item)
            {
                self.view.filter_cursor = cursor;
                self.toggle_filter_value();
            }
        }
    }

    /// Postings streamed in: they join the corpus at once; the list, the facets and the
    /// search catch up in [`App::refresh`], once a frame, not once a batch.
    fn loaded(&mut self, batch: Vec<Arc<crate::posting::Posting>>) -> Vec<Effect> {
        if batch.is_empty() {
            return Vec::new();
        }
        let first = self.model.postings.is_empty();
        self.model
            .facet_index
            .extend(batch.iter().map(|p| p.as_ref()), self.model.today);
        let rules = self.settings.rules.clone();
        self.model
            .scores
            .extend(batch.iter().map(|p| crate::scoring::score(p, &rules)));
        let from = self.model.postings.len();
        self.model.postings.extend(batch);
        self.extend_marks(from);
        if first {
            self.view.selected = 0;
        }
        self.model.stale = Stale {
            view: true,
            search: self.model.stale.search || !self.model.query.is_empty(),
            links: self.model.stale.links,
        };
        Vec::new()
    }

    /// Brings the list (and, with a query, the search) up to date after postings streamed in.
    /// The event loop calls it before each frame; every other action calls it first.
    pub fn refresh(&mut self) -> Vec<Effect> {
        let stale = std::mem::take(&mut self.model.stale);
        // Links wait for the load and any pull to end (they are made afresh then), and are
        // made once for a burst of changed files.
        if stale.links {
            if self.model.load.done && self.model.pull.is_none() {
                self.relink();
            } else {
                self.model.stale.links = true;
            }
        }
        if stale.view {
            self.recompute_view(None);
        }
        if !stale.search || self.model.query.is_empty() {
            return Vec::new();
        }
        // The new postings may match the query: search again (the old hits stay until then).
        self.model.generation += 1;
        self.model.searching = true;
        vec![Effect::Search {
            generation: self.model.generation,
            query: self.model.query.clone(),
        }]
    }

    fn search_done(&mut self, generation: u64, hits: Arc<Vec<crate::search::Hit>>) {
        if generation != self.model.generation {
            return; // an older query's answer
        }
        self.model.searching = false;
        // The worker may already know postings that have not reached the app yet (the loader
        // gives them to it first): those hits wait for the next search.
        let n = self.model.postings.len() as u32;
        let hits = if hits.iter().any(|h| h.index >= n) {
            Arc::new(
                hits.iter()
                    .copied()
                    .filter(|h| h.index < n)
                    .collect::<Vec<_>>(),
            )
        } else {
            hits
        };
        self.model.hits = Some(hits.clone());
        self.recompute_view(None);
        // The selection moves to the best match that is listed.
        self.view.selected = if self.model.sort == SortKey::Relevance {
            0
        } else {
            let mut listed = vec![false; self.model.postings.len()];
            for &r in &self.model.listing.rows {
                listed[r as usize] = true;
            }
            best_listed(&hits, &listed)
                .and_then(|b| self.model.listing.rows.iter().position(|&r| r == b))
                .unwrap_or(0)
        };
        self.view.list_offset = 0;
        self.view.detail_scroll = 0;
        self.clamp_selection();
    }
}

/// The first (best) hit that is listed.
fn best_listed(hits: &[crate::search::Hit], listed: &[bool]) -> Option<u32> {
    hits.iter()
        .find(|h| listed.get(h.index as usize).copied().unwrap_or(false))
        .map(|h| h.index)
}

impl App {
    /// Pasted text goes where the keyboard is: the note being written, the name or path being
    /// typed, else the search bar (which takes the focus, as typing there would). Overlays that
    /// take no text leave it. One-line fields take at most [`input::MAX_LINE`] characters
    /// (a larger paste is cut, and the user told); a note at most [`editor::MAX_NOTE`].
    fn paste(&mut self, text: &str) -> Vec<Effect> {
        use super::keymap::Context;
        let cut = |dropped: usize, what: String| -> Option<String> {
            (dropped > 0).then(|| {
                format!(
                    "pasted text cut: {what} ({} left out)",
                    super::count(dropped, "character")
                )
            })
        };
        match self.context() {
            Context::Note => {
                if let Some(Overlay::Note { editor, .. }) = &mut self.view.overlay {
                    let dropped = editor.insert_str(text);
                    self.view.message = cut(dropped, full_note_message());
                }
                Vec::new()
            }
            Context::Prompt => {
                let input = match &mut self.view.overlay {
                    Some(Overlay::Lists {
                        prompt: Some(p), ..
                    }) => &mut p.input,
                    Some(Overlay::Unsaved {
                        prompt: Some(p), ..
                    }) => p,
                    _ => return Vec::new(),
                };
                let dropped = input.insert_str(text);
                self.view.message = cut(dropped, full_line_message());
                Vec::new()
            }
            Context::Values => {
                if let Some(Overlay::Values { input, cursor, .. }) = &mut self.view.overlay {
                    let dropped = input.insert_str(text);
                    *cursor = 0;
                    self.view.message = cut(dropped, full_line_message());
                }
                Vec::new()
            }
            Context::Search | Context::List | Context::Detail | Context::Filters => {
                self.view.focus = Focus::Search;
                let dropped = self.view.input.insert_str(text);
                self.view.message = cut(dropped, full_line_message());
                self.query_changed()
            }
            _ => {
                self.view.message = Some(
                    "nothing here takes text: paste into the search bar (/) or a note (n)".into(),
                );
                Vec::new()
            }
        }
    }
}

fn full_line_message() -> String {
    format!(
        "a one-line field holds at most {} characters",
        crate::posting::group_thousands_count(super::input::MAX_LINE)
    )
}

fn full_note_message() -> String {
    format!(
        "a note holds at most {} characters",
        crate::posting::group_thousands_count(super::editor::MAX_NOTE)
    )
}

/// Applies a line-editing action to a one-line input; false when a character did not fit.
fn edit_line(input: &mut super::input::LineInput, action: &Action) -> bool {
    match action {
        Action::CursorLeft => input.left(),
        Action::CursorRight => input.right(),
        Action::LineStart => input.home(),
        Action::LineEnd => input.end(),
        Action::DeleteBack => input.backspace(),
        Action::DeleteForward => input.delete(),
        Action::DeleteWord => input.delete_word(),
        Action::ClearLine => input.clear_before(),
        Action::Insert(c) => return input.insert(*c),
        _ => {}
    }
    true
}

/// Moves a position for a movement action within 0..=max.
fn step(pos: usize, action: &Action, page: usize, max: usize) -> usize {
    match action {
        Action::Down => (pos + 1).min(max),
        Action::Up => pos.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => max,
        Action::PageDown => (pos + page).min(max),
        Action::PageUp => pos.saturating_sub(page),
        _ => pos,
    }
}

/// Actions a person triggers (as opposed to the loader, the worker and the store).
fn is_user_action(a: &Action) -> bool {
    !matches!(
        a,
        Action::Resize(..)
            | Action::Loaded(_)
            | Action::LoadProgress { .. }
            | Action::LoadSkipped(_)
            | Action::LoadFinished { .. }
            | Action::SearchDone { .. }
            | Action::Notify(_)
            | Action::Fatal(_)
            | Action::SourceChanged { .. }
            | Action::SourceRemoved { .. }
            | Action::StoreUpdated(_)
            | Action::StoreCopied { .. }
            | Action::Signal(_)
            | Action::SaveTimedOut
            | Action::PullProgress { .. }
            | Action::PullFinished
    )
}
