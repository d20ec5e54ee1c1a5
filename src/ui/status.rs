//! The status line: counts, sort, active filters, loading progress, messages; key hints on the
//! right (taken from the keymap, so they show the real keys).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::text::{self, Chars};
use crate::app::keymap::Context;
use crate::app::{Action, App};

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.settings.theme;
    let width = area.width as usize;
    let mut left: Chars = text::plain(" ", t.status);
    if app.model.closing.is_some() {
        // Shown once saving takes longer than a frame (the screen is not drawn before).
        left.extend(text::plain(
            "saving the shortlists before quitting…",
            t.warn,
        ));
    } else if let Some(e) = &app.model.store_error
        && app.view.message.is_none()
    {
        left.extend(text::plain(&app.save_problem_line(e), t.error));
        left.extend(text::plain(" · ", t.status));
    }
    if let Some(p) = &app.model.pull
        && app.model.closing.is_none()
    {
        left.extend(text::plain(&format!("{} · ", p.line()), t.warn));
    }
    if app.model.closing.is_some() {
    } else if let Some(m) = &app.view.message {
        left.extend(text::plain(m, t.accent));
    } else {
        left.extend(facts(app));
    }
    // Facts that do not fit go whole, never cut mid-word: up to the last " · " that fits.
    if text::width(&left) > width {
        left = cut_at_separator(&left, width);
    }
    let right = hint_chars(app, text::width(&left), width);
    let mut line = text::fit(&left, width);
    let used: usize = text::width(&line);
    let right_w: usize = text::width(&right);
    line.extend(text::plain(
        &" ".repeat(width.saturating_sub(used + right_w)),
        t.status,
    ));
    line.extend(right);
    frame.render_widget(
        Paragraph::new(Line::from(text::spans(&text::fit(&line, width)))),
        area,
    );
}

/// The facts of the status line when there is no message: counts, list, sort, filters,
/// loading, skipped files.
fn facts(app: &App) -> Chars {
    let t = &app.settings.theme;
    let mut left: Chars = Vec::new();
    let shown = app.model.listing.rows.len();
    let mut parts = vec![format!(
        "{} of {} postings",
        group(shown),
        group(app.listed_total())
    )];
    parts.push(format!("{} bookmarked", app.bookmarked_count()));
    if !app.model.marks.is_empty() {
        parts.push(format!("◆ {} marked", app.model.marks.len()));
    }
    if let Some(list) = &app.model.active_list {
        parts.push(format!("list: {list}"));
        let missing = app.missing_in_active_list();
        if missing > 0 {
            parts.push(format!("{missing} missing"));
        }
    }
    if app.model.show_hidden {
        parts.push("showing hidden".into());
    }
    if app.model.show_closed {
        parts.push("showing closed".into());
    }
    parts.push(format!("sort: {}", app.sort_label()));
    left.extend(text::plain(&parts.join(" · "), t.status));
    if !app.model.filters.is_empty() {
        left.extend(text::plain(" · filters: ", t.status));
        left.extend(text::plain(&app.model.filters.summary(), t.accent));
    }
    if !app.model.load.done {
        let files = if app.model.load.files_total > 0 {
            format!(
                " · loading {}/{} files ({}/s)",
                group(app.model.load.files_done),
                group(app.model.load.files_total),
                group(app.model.load.per_second as usize)
            )
        } else {
            " · loading…".to_string()
        };
        left.extend(text::plain(&files, t.warn));
    }
    if !app.model.skipped.is_empty() {
        left.extend(text::plain(
            &format!(
                " · {} skipped ({})",
                app.model.skipped.len(),
                key(app, Context::Global, &Action::ShowSkipped)
            ),
            t.warn,
        ));
    }
    left
}

/// The key hints that fit beside `left_w` columns of facts (they give way to the facts).
fn hint_chars(app: &App, left_w: usize, width: usize) -> Chars {
    let t = &app.settings.theme;
    let hints = hints(app);
    // Hints give way to the information on the left.
    let mut right: Chars = Vec::new();
    for (k, what) in hints {
        let item_w = text::str_width(&k) + 1 + text::str_width(what) + 2;
        let right_w: usize = text::width(&right);
        if left_w + right_w + item_w + 1 > width {
            break;
        }
        right.extend(text::plain(&k, t.key));
        right.extend(text::plain(&format!(" {what}  "), t.dim));
    }
    right
}

/// `chars` cut before the last " · " that lets it fit `width` (with a "…" in place of what
/// went); cut with an ellipsis when there is no such place (a long message).
fn cut_at_separator(chars: &Chars, width: usize) -> Chars {
    let s: Vec<char> = chars.iter().map(|(c, _)| *c).collect();
    let mut best = None;
    for i in 0..s.len().saturating_sub(2) {
        if s[i] == ' ' && s[i + 1] == '·' && s[i + 2] == ' ' {
            let mut head: Chars = chars[..i].to_vec();
            let style = chars[i].1;
            head.extend(text::plain(" …", style));
            if text::width(&head) <= width {
                best = Some(head);
            } else {
                break;
            }
        }
    }
    best.unwrap_or_else(|| text::fit(chars, width))
}

/// The first key bound to an action, for hints ("?", "/").
fn key(app: &App, ctx: Context, action: &Action) -> String {
    app.settings
        .keymap
        .keys_for(ctx, action)
        .first()
        .map(|k| k.to_string())
        .unwrap_or_else(|| "?".into())
}

/// Key hints for an overlay's border, drawn from the key map: " ctrl-s save · esc close ".
/// An action bound to no key is left out.
pub fn overlay_hints(app: &App, ctx: Context, items: &[(Action, &str)]) -> String {
    let parts: Vec<String> = items
        .iter()
        .filter_map(|(a, what)| {
            let k = app.settings.keymap.keys_for(ctx, a);
            k.first().map(|k| format!("{k} {what}"))
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" {} ", parts.join(" · "))
    }
}

/// The key hints for the current context, most useful first.
fn hints(app: &App) -> Vec<(String, &'static str)> {
    let ctx = app.context();
    let items: &[(Action, &str)] = match ctx {
        Context::Search => &[
            (Action::SubmitSearch, "list"),
            (Action::CancelSearch, "clear"),
            (Action::DeleteWord, "delete word"),
        ],
        Context::Help | Context::Skipped => &[(Action::Back, "close")],
        Context::Unsaved => &[
            (Action::RetrySave, "retry"),
            (Action::SaveElsewhere, "save elsewhere"),
            (Action::QuitAnyway, "quit anyway"),
        ],
        Context::Compare => &[(Action::Back, "close"), (Action::Right, "scroll")],
        Context::Filters => &[
            (Action::ToggleValue, "toggle"),
            (Action::ResetFilters, "reset"),
            (Action::Help, "help"),
            (Action::ToggleFilters, "close"),
        ],
        _ => &[
            (Action::Help, "help"),
            (Action::FocusSearch, "search"),
            (Action::ToggleFilters, "filters"),
            (Action::ToggleBookmark, "bookmark"),
            (Action::ToggleMark, "mark"),
            (Action::Compare, "compare"),
            (Action::CycleSort, "sort"),
            (Action::Quit, "quit"),
        ],
    };
    items
        .iter()
        .map(|(a, what)| (key(app, ctx, a), *what))
        .collect()
}

/// 12345 → "12,345".
pub fn group(n: usize) -> String {
    crate::posting::group_thousands_count(n)
}
