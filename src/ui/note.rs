//! The note editor: a multi-line text box over the screen.

use crate::app::Action;
use crate::app::keymap::Context;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::text;
use crate::app::App;
use crate::app::editor::TextArea;

pub fn render(frame: &mut Frame, area: Rect, app: &App, id: &str, editor: &TextArea) {
    let t = &app.settings.theme;
    let popup = if area.width >= 100 {
        super::popup::centered(area, 70, 60)
    } else {
        area
    };
    frame.render_widget(Clear, popup);
    let headline = app
        .model
        .facet_index
        .index_of(id)
        .map(|i| app.model.postings[i as usize].headline())
        .or_else(|| app.model.shortlists.get(id).map(|b| b.snapshot.headline()))
        .unwrap_or_default();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focused)
        .title(Line::styled(format!(" Note — {headline} "), t.title))
        .title_bottom(Line::styled(
            super::status::overlay_hints(
                app,
                Context::Note,
                &[
                    (Action::SaveNote, "save"),
                    (Action::Back, "close, keeping the draft"),
                ],
            ),
            t.dim,
        ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let width = (inner.width as usize).max(1);
    // Each line is wrapped; find where the caret lands.
    let (crow, ccol) = editor.cursor();
    let mut lines: Vec<Line> = Vec::new();
    let mut caret = (0usize, 0usize);
    for (r, l) in editor.lines().iter().enumerate() {
        let pieces = text::hard_wrap(l, width);
        let last = pieces.len() - 1;
        for (k, (start, piece)) in pieces.into_iter().enumerate() {
            let n = piece.chars().count();
            // The caret sits in this piece (or at the end of the line's last piece).
            if r == crow && ccol >= start && (ccol < start + n || k == last) {
                let before: String = piece.chars().take(ccol - start).collect();
                caret = (lines.len(), text::str_width(&before));
            }
            lines.push(Line::styled(piece, t.base));
        }
    }
    let height = inner.height as usize;
    let skip = caret.0.saturating_sub(height.saturating_sub(1));
    let shown: Vec<Line> = lines.into_iter().skip(skip).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
    let x = inner.x + (caret.1 as u16).min(inner.width.saturating_sub(1));
    let y = inner.y + (caret.0 - skip) as u16;
    frame.set_cursor_position(Position::new(x, y.min(inner.bottom().saturating_sub(1))));
}
