//! The prompt shown when quitting found changes that could not be saved: what went wrong, what
//! is unsaved, and the ways out (retry, save to another file, quit anyway).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::text::{self, Chars};
use crate::app::input::LineInput;
use crate::app::keymap::Context;
use crate::app::{Action, App};

pub fn render(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    prompt: Option<&LineInput>,
    note: Option<&str>,
) {
    let t = &app.settings.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focused)
        .title(Line::styled(" Shortlists not saved ", t.title));
    let inner = super::popup::overlay(frame, area, 80, 70, block);
    let width = inner.width as usize;
    let mut lines = problem_lines(app, width);
    lines.push(Line::default());
    match prompt {
        None => choice_lines(app, width, &mut lines),
        Some(input) => {
            let caret = path_prompt(app, input, width, &mut lines);
            let (x, y) = (inner.x + caret.0, inner.y + caret.1);
            frame.set_cursor_position(Position::new(x, y.min(inner.bottom().saturating_sub(1))));
        }
    }
    if let Some(note) = note {
        lines.push(Line::default());
        para(note, t.warn, width, &mut lines);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A paragraph wrapped to `width` with a hanging indent of 2.
fn para(s: &str, style: Style, width: usize, lines: &mut Vec<Line<'static>>) {
    for l in text::wrap(&text::plain(s, style), width, 0, 2) {
        lines.push(text::line(&l));
    }
}

/// What went wrong, and the changes not saved (the first 8).
fn problem_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = &app.settings.theme;
    let mut lines = Vec::new();
    let n = app.model.unsaved.len();
    let why = app
        .model
        .store_error
        .as_ref()
        .map_or("the save did not finish".to_string(), |e| e.brief.clone());
    para(
        &format!(
            "{} could not be saved: {why}.",
            crate::app::count(n, "change")
        ),
        t.error,
        width,
        &mut lines,
    );
    if let Some(e) = &app.model.store_error {
        para(&e.detail, t.dim, width, &mut lines);
    }
    lines.push(Line::default());
    for what in app.model.unsaved.iter().take(8) {
        para(&format!("• {what}"), t.base, width, &mut lines);
    }
    if n > 8 {
        para(&format!("  … and {} more", n - 8), t.dim, width, &mut lines);
    }
    lines
}

/// The ways out, each with its key.
fn choice_lines(app: &App, width: usize, lines: &mut Vec<Line<'static>>) {
    let t = &app.settings.theme;
    let key = |a: &Action| {
        app.settings
            .keymap
            .keys_for(Context::Unsaved, a)
            .first()
            .map(|k| k.to_string())
            .unwrap_or_else(|| "?".into())
    };
    for (a, what) in [
        (Action::RetrySave, "try again"),
        (Action::SaveElsewhere, "save them to another file"),
        (Action::QuitAnyway, "quit anyway: these changes are lost"),
        (
            Action::Back,
            "back to jobdeck (they stay in memory; saving is retried)",
        ),
    ] {
        let mut c: Chars = text::plain(&format!("{:>6}  ", key(&a)), t.key);
        c.extend(text::plain(what, t.base));
        for l in text::wrap(&c, width, 0, 8) {
            lines.push(text::line(&l));
        }
    }
}

/// The "save to" prompt; returns where its caret is (column, row) inside the overlay.
fn path_prompt(
    app: &App,
    input: &LineInput,
    width: usize,
    lines: &mut Vec<Line<'static>>,
) -> (u16, u16) {
    let t = &app.settings.theme;
    para(
        "Save the shortlists to (a file; `jobdeck bookmarks import FILE` merges it back later):",
        t.heading,
        width,
        lines,
    );
    let y = lines.len() as u16;
    // The tail that holds the cursor, on one line.
    let before: String = input.text().chars().take(input.cursor()).collect();
    let skip = text::str_width(&before).saturating_sub(width.saturating_sub(3));
    let shown: String = input.text().chars().skip(skip).collect();
    let mut c: Chars = text::plain("> ", t.key);
    c.extend(text::fit(
        &text::plain(&shown, t.base),
        width.saturating_sub(2),
    ));
    lines.push(text::line(&c));
    let x = 2
        + (text::str_width(&before).saturating_sub(skip) as u16)
            .min((width as u16).saturating_sub(3));
    let hints = super::status::overlay_hints(
        app,
        Context::Prompt,
        &[(Action::Confirm, "saves"), (Action::Back, "goes back")],
    );
    para(hints.trim(), t.dim, width, lines);
    (x, y)
}
