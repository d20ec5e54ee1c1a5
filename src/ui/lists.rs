//! The shortlists pane: every list with its count on the left; the highlighted list's
//! bookmarks on the right, including those whose posting is gone (shown as missing).

use crate::app::Action;
use crate::app::keymap::Context;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::text::{self, Chars};
use crate::app::{App, ListPrompt};

pub fn render(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    cursor: usize,
    prompt: Option<&ListPrompt>,
    confirm: Option<&str>,
) {
    let t = &app.settings.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focused)
        .title(Line::styled(" Shortlists ", t.title))
        .title_bottom(Line::styled(
            super::status::overlay_hints(
                app,
                Context::Lists,
                &[
                    (Action::Confirm, "browse"),
                    (Action::NewList, "new"),
                    (Action::RenameList, "rename"),
                    (Action::DeleteList, "delete"),
                    (Action::AddToList, "add"),
                    (Action::MoveToList, "move"),
                    (Action::Back, "close"),
                ],
            ),
            t.dim,
        ));
    let inner = super::popup::overlay(frame, area, 80, 80, block);
    let left_w = (inner.width / 3).clamp(16, 32).min(inner.width);
    let width = left_w as usize;
    let mut left = list_names(app, cursor, width);
    if let Some(p) = prompt {
        let y = inner.y + left.len() as u16 + 2;
        let x = prompt_lines(app, p, width, &mut left);
        let x = inner.x + x.min(left_w.saturating_sub(1));
        frame.set_cursor_position(Position::new(x, y.min(inner.bottom().saturating_sub(1))));
    }
    if let Some(name) = confirm {
        left.push(Line::default());
        for l in text::wrap(
            &text::plain(&app.delete_list_question(name), t.warn),
            width,
            0,
            0,
        ) {
            left.push(text::line(&l));
        }
    }
    frame.render_widget(
        Paragraph::new(left),
        Rect::new(inner.x, inner.y, left_w, inner.height),
    );

    // The highlighted list's entries.
    let right_area = Rect::new(
        inner.x + left_w + 1,
        inner.y,
        inner.width.saturating_sub(left_w + 1),
        inner.height,
    );
    let right = match app.list_rows().get(cursor).copied().flatten() {
        None => vec![
            Line::styled("Every posting of the corpus.", t.dim),
            Line::styled("Enter shows them all again.", t.dim),
        ],
        Some(list) => list_entries(app, list, right_area.width as usize),
    };
    frame.render_widget(Paragraph::new(right), right_area);
}

/// The left column: "All postings" and every list, with their counts.
fn list_names(app: &App, cursor: usize, width: usize) -> Vec<Line<'static>> {
    let t = &app.settings.theme;
    let rows = app.list_rows();
    let mut left: Vec<Line> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let (name, count) = match row {
            None => ("All postings".to_string(), app.listed_total()),
            Some(l) => (l.to_string(), app.model.shortlists.ids_in_list(l).len()),
        };
        let browsing = app.model.active_list.as_deref() == *row;
        let style = if i == cursor { t.selection } else { t.base };
        let mut c: Chars = text::plain(if browsing { "▸ " } else { "  " }, style.patch(t.accent));
        let n = count.to_string();
        c.extend(text::fit(
            &text::plain(&name, style),
            width.saturating_sub(3 + n.len()),
        ));
        let used: usize = text::width(&c);
        c.extend(text::plain(
            &" ".repeat(width.saturating_sub(used + n.len())),
            style,
        ));
        c.extend(text::plain(&n, style.patch(t.dim)));
        left.push(text::line(&c));
    }
    left
}

/// The list-name prompt under the names; returns the column of the caret.
fn prompt_lines(app: &App, p: &ListPrompt, width: usize, left: &mut Vec<Line<'static>>) -> u16 {
    let t = &app.settings.theme;
    left.push(Line::default());
    let label = if p.renaming.is_some() {
        "New name:"
    } else {
        "Name of the new list:"
    };
    left.push(Line::styled(label, t.heading));
    let shown = text::fit(
        &text::plain(p.input.text(), t.base),
        width.saturating_sub(1),
    );
    left.push(text::line(&shown));
    left.push(Line::styled(
        super::status::overlay_hints(
            app,
            Context::Prompt,
            &[(Action::Confirm, "saves"), (Action::Back, "cancels")],
        )
        .trim()
        .to_string(),
        t.dim,
    ));
    let before: String = p.input.text().chars().take(p.input.cursor()).collect();
    text::str_width(&before) as u16
}

/// The right column: the bookmarks of `list`, oldest first, missing and closed ones said so.
fn list_entries(app: &App, list: &str, rw: usize) -> Vec<Line<'static>> {
    let t = &app.settings.theme;
    let mut right: Vec<Line> = Vec::new();
    // `sorted` orders by the time added (a typed stamp: no parsing per frame).
    let entries: Vec<_> = app
        .model
        .shortlists
        .sorted()
        .into_iter()
        .filter(|b| b.lists.iter().any(|l| l == list))
        .collect();
    let n = entries.len();
    right.push(Line::styled(
        format!("{list} — {n} posting{}", if n == 1 { "" } else { "s" }),
        t.heading,
    ));
    if entries.is_empty() {
        right.push(Line::styled(
            "Nothing on this list yet: select a posting, press l, then a.",
            t.dim,
        ));
    }
    for b in entries {
        let missing = app.model.facet_index.index_of(&b.id).is_none();
        let mut c = text::plain(
            &b.snapshot.headline(),
            if missing { t.dim } else { t.title },
        );
        // A bookmarked posting whose board no longer lists it.
        let closed = app
            .model
            .facet_index
            .index_of(&b.id)
            .and_then(|i| app.model.postings[i as usize].pulled.as_ref()?.closed);
        if let Some(when) = closed {
            c.extend(text::plain(&format!("  closed {}", when.date()), t.warn));
        }
        if let Some(s) = b.status {
            c.extend(text::plain(&format!("  {s}"), t.accent));
            if let Some(d) = b.status_date() {
                c.extend(text::plain(&format!(" {d}"), t.dim));
            }
        }
        if missing {
            c.extend(text::plain("  missing from the corpus", t.warn));
        }

        right.push(text::line(&text::fit(&c, rw)));
        let mut sub = text::plain("  ", t.base);
        sub.extend(text::plain(&b.snapshot.locations.join("; "), t.dim));
        if let Some(s) = &b.snapshot.salary {
            sub.extend(text::plain(&format!("  {}", s.compact()), t.good));
        }
        if missing {
            sub.extend(text::plain(
                &format!("  (was {})", b.snapshot.source),
                t.dim,
            ));
        }
        right.push(text::line(&text::fit(&sub, rw)));
        if let Some(n) = &b.note {
            let first = n.lines().next().unwrap_or("");
            right.push(text::line(&text::fit(
                &text::plain(&format!("  ✎ {first}"), t.base),
                rw,
            )));
        }
    }
    right
}
