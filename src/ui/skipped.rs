//! The skipped-files overlay: every file that gave no posting, with its one-line reason.

use crate::app::Action;
use crate::app::keymap::Context;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::text;
use crate::app::App;

pub fn render(frame: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let t = &app.settings.theme;
    let popup = if area.width >= 100 {
        super::popup::centered(area, 90, 80)
    } else {
        area
    };
    frame.render_widget(Clear, popup);
    let title = format!(
        " {} skipped files ·{}",
        app.model.skipped.len(),
        super::status::overlay_hints(app, Context::Skipped, &[(Action::Back, "closes")])
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focused)
        .title(Line::styled(title, t.title));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let width = inner.width as usize;
    let mut lines = Vec::new();
    for s in &app.model.skipped {
        let mut c = text::plain(&s.source, t.base);
        c.extend(text::plain(": ", t.dim));
        c.extend(text::plain(&s.reason.to_string(), t.warn));
        for l in text::wrap(&c, width, 0, 2) {
            lines.push(text::line(&l));
        }
    }
    let max = lines.len().saturating_sub(inner.height as usize);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll.min(max))
        .take(inner.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
