//! The help overlay: every key binding with what it does, generated from the keymap table,
//! and the query language.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::text::{self, Chars};
use crate::app::keymap::Context;
use crate::app::{Action, App};

/// The help text, one entry per line.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = &app.settings.theme;
    let key_w = 22.min(width / 3);
    let mut out: Vec<Chars> = Vec::new();
    for &ctx in Context::ALL {
        let bindings: Vec<_> = app
            .settings
            .keymap
            .bindings()
            .iter()
            .filter(|b| b.context == ctx && !b.keys.is_empty())
            .collect();
        if bindings.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Vec::new());
        }
        out.push(text::plain(ctx.title(), t.heading));
        for b in bindings {
            let keys: Vec<String> = b.keys.iter().map(|k| k.to_string()).collect();
            let mut c = text::pad(&text::plain(&keys.join(", "), t.key), key_w, t.base);
            c.extend(text::plain(b.action.describe(), t.base));
            out.extend(text::wrap(&c, width, 2, key_w + 2));
        }
    }
    out.push(Vec::new());
    out.push(text::plain("Query language", t.heading));
    for (q, what) in crate::search::query::LANGUAGE {
        let mut c = text::plain(q, t.key);
        c.extend(text::plain(&format!("  {what}"), t.dim));
        out.extend(text::wrap(&c, width, 2, 4));
    }
    out.iter().map(|c| text::line(c)).collect()
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let t = &app.settings.theme;
    let popup = if area.width >= 100 {
        super::popup::centered(area, 80, 90)
    } else {
        area
    };
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focused)
        .title(Line::styled(
            format!(
                " Help — keys ·{}",
                super::status::overlay_hints(app, Context::Help, &[(Action::Back, "closes")])
            ),
            t.title,
        ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let lines = lines(app, inner.width as usize);
    let max = lines.len().saturating_sub(inner.height as usize);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll.min(max))
        .take(inner.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
