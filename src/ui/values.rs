//! Every value of a filter facet (the "… N more" row), narrowed by what is typed.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::text;
use crate::app::keymap::Context;
use crate::app::{Action, App};
use crate::facets::FacetKind;

pub fn render(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    kind: FacetKind,
    input: &crate::app::input::LineInput,
    cursor: usize,
) {
    let t = &app.settings.theme;
    let rows = app.value_rows();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focused)
        .title(Line::styled(
            format!(
                " {} — {} value{} ",
                kind.title(),
                super::status::group(rows.len()),
                if rows.len() == 1 { "" } else { "s" }
            ),
            t.title,
        ))
        .title_bottom(Line::styled(
            super::status::overlay_hints(
                app,
                Context::Values,
                &[(Action::ToggleValue, "select"), (Action::Back, "close")],
            ),
            t.dim,
        ));
    let inner = super::popup::overlay(frame, area, 60, 80, block);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let width = inner.width as usize;
    let mut lines = Vec::new();
    let mut typed = text::plain("filter: ", t.dim);
    typed.extend(text::plain(input.text(), t.base));
    let typed = text::fit(&typed, width.saturating_sub(1));
    let before: String = input.text().chars().take(input.cursor()).collect();
    let x = inner.x + (text::str_width("filter: ") + text::str_width(&before)) as u16;
    frame.set_cursor_position(Position::new(
        x.min(inner.right().saturating_sub(1)),
        inner.y,
    ));
    lines.push(text::line(&typed));
    let height = inner.height.saturating_sub(1) as usize;
    let cursor = cursor.min(rows.len().saturating_sub(1));
    let offset = (cursor + 1).saturating_sub(height);
    for (i, (v, c, on)) in rows.iter().enumerate().skip(offset).take(height) {
        let style = if i == cursor { t.selection } else { t.base };
        let mark = if *on { "[x] " } else { "[ ] " };
        let n = c.to_string();
        let mut row = text::plain(&format!(" {mark}"), style);
        let label_style = if *c == 0 { style.patch(t.dim) } else { style };
        row.extend(text::fit(
            &text::plain(&v.label(), label_style),
            width.saturating_sub(6 + n.len()),
        ));
        let used = text::width(&row);
        row.extend(text::plain(
            &" ".repeat(width.saturating_sub(used + n.len())),
            style,
        ));
        row.extend(text::plain(&n, style.patch(t.dim)));
        lines.push(text::line(&row));
    }
    if rows.is_empty() {
        lines.push(Line::styled(" no value holds that", t.dim));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
