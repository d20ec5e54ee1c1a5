//! The status menu: pick the application status of the selected posting.

use crate::app::Action;
use crate::app::keymap::Context;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::text;
use crate::app::App;
use crate::store::Status;

pub fn render(frame: &mut Frame, area: Rect, app: &App, cursor: usize) {
    let t = &app.settings.theme;
    let h = (Status::ALL.len() as u16 + 4).min(area.height);
    let w = 40.min(area.width);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focused)
        .title(Line::styled(" Application status ", t.title))
        .title_bottom(Line::styled(
            super::status::overlay_hints(
                app,
                Context::StatusMenu,
                &[(Action::Confirm, "set"), (Action::Back, "cancel")],
            ),
            t.dim,
        ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let current = app
        .selected_posting()
        .and_then(|p| app.model.shortlists.get(&p.id))
        .and_then(|b| b.status);
    let mut lines = Vec::new();
    for (i, s) in Status::ALL.iter().enumerate() {
        let style = if i == cursor { t.selection } else { t.base };
        let mark = if Some(*s) == current { "● " } else { "  " };
        let c = text::pad(
            &text::plain(&format!(" {mark}{s}"), style),
            inner.width as usize,
            style,
        );
        lines.push(text::line(&c));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
