//! The search bar: the query being typed, with the cursor when it has the focus.

use crate::app::Action;
use crate::app::keymap::Context;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::text::{self, Chars};
use crate::app::{App, Focus};

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.settings.theme;
    let focused = app.view.focus == Focus::Search && app.view.overlay.is_none();
    let width = area.width as usize;
    let brand = format!(" jobdeck · {} ", app.model.source_name);
    // A query problem takes the title's room: the message matters more.
    let brand_w = if app.model.query_problem.is_some() {
        0
    } else {
        text::str_width(&brand).min(width / 3)
    };
    let room = width.saturating_sub(brand_w + 4);
    let slash = app
        .settings
        .keymap
        .first_key(Context::List, &Action::FocusSearch);
    let mut c: Chars = text::plain(&format!(" {slash} "), if focused { t.key } else { t.dim });
    let input = app.view.input.text();
    if input.is_empty() && !focused {
        let hint = if room >= 64 {
            "to search — e.g. rust remote !java loc:berlin text:kubernetes".to_string()
        } else {
            format!(
                "to search, {} for help",
                app.settings.keymap.first_key(Context::List, &Action::Help)
            )
        };
        let hint = hint.as_str();
        c.extend(text::fit(&text::plain(hint, t.dim), room));
    } else {
        // Keep the cursor in view on long queries: show the tail that holds it.
        let chars: Vec<char> = input.chars().collect();
        let before: String = chars[..app.view.input.cursor()].iter().collect();
        let skip = text::str_width(&before).saturating_sub(room.saturating_sub(1));
        let mut dropped = 0;
        let mut dropped_chars = 0;
        for g in unicode_segmentation::UnicodeSegmentation::graphemes(input, true) {
            if dropped >= skip {
                break;
            }
            dropped += text::str_width(g);
            dropped_chars += g.chars().count();
        }
        let shown: Chars = text::plain(
            &input.chars().skip(dropped_chars).collect::<String>(),
            t.base,
        );
        c.extend(text::fit(&shown, room));
        // A query that does not read says why, after it (the last good results stay listed).
        if let Some(problem) = &app.model.query_problem {
            let used = text::width(&c);
            c.extend(text::fit(
                &text::plain(&format!("  ⚠ {problem}"), t.warn),
                (room + 3).saturating_sub(used),
            ));
        }
        if focused {
            let x = area.x + 3 + (text::str_width(&before) - dropped) as u16;
            frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
        }
    }
    let used: usize = text::width(&c);
    c.extend(text::plain(
        &" ".repeat(width.saturating_sub(used + brand_w)),
        t.base,
    ));
    c.extend(text::fit(&text::plain(&brand, t.dim), brand_w));
    frame.render_widget(Paragraph::new(Line::from(text::spans(&c))), area);
}
