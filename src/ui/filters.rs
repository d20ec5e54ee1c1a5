//! The filter pane: each facet with its values and their counts over the current results.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::text::{self, Chars};
use crate::app::{App, FilterRow, Focus};
use crate::facets::FacetValue;

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.settings.theme;
    let focused = app.view.focus == Focus::Filters && app.view.overlay.is_none();
    let title = if app.model.filters.is_empty() {
        " Filters ".to_string()
    } else {
        " Filters (R resets) ".to_string()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused { t.border_focused } else { t.border })
        .title(Line::styled(title, if focused { t.title } else { t.dim }));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let rows = app.filter_rows();
    // The cursor's row index among all rows.
    let cursor_row = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !matches!(r, FilterRow::Header(_)))
        .nth(app.view.filter_cursor)
        .map(|(i, _)| i);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(app.view.filter_offset)
        .take(inner.height as usize)
        .map(|(i, row)| {
            let style = match (Some(i) == cursor_row, focused) {
                (true, true) => t.selection,
                (true, false) => t.selection_unfocused,
                _ => Style::default(),
            };
            let chars: Chars = match row {
                FilterRow::Header(kind) => text::fit(&text::plain(kind.title(), t.heading), width),
                FilterRow::More { count, .. } => more_row(app, *count, style, width),
                FilterRow::Value {
                    value,
                    count,
                    selected,
                } => value_row(app, value, *count, *selected, style, width),
            };
            text::line(&chars)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "… 12 more (enter)": the facet's other values, listed in the all-values overlay.
fn more_row(app: &App, count: usize, style: Style, width: usize) -> Chars {
    let t = &app.settings.theme;
    let key = app.settings.keymap.first_key(
        crate::app::keymap::Context::Filters,
        &crate::app::Action::ToggleValue,
    );
    let key = if key.is_empty() {
        key
    } else {
        format!(" ({key})")
    };
    text::fit(
        &text::plain(
            &format!(" … {} more{key}", super::status::group(count)),
            t.dim.patch(style),
        ),
        width,
    )
}

/// "[x] Remote         12": a value with its check box (a radio button for the salary
/// floor) and its count; a place of a known country indented under the country.
fn value_row(
    app: &App,
    value: &FacetValue,
    count: usize,
    selected: bool,
    style: Style,
    width: usize,
) -> Chars {
    let t = &app.settings.theme;
    let radio = matches!(value, FacetValue::SalaryAtLeast(_));
    let mark = match (radio, selected) {
        (true, true) => "(•) ",
        (true, false) => "( ) ",
        (false, true) => "[x] ",
        (false, false) => "[ ] ",
    };
    let base = t.base.patch(style);
    // A place of a known country sits under its country's row: "   [ ] Berlin".
    let (indent, label) = match value {
        FacetValue::Location(s) if app.model.facet_index.place_has_country(s) => {
            ("   ", without_country_code(s).to_string())
        }
        v => (" ", v.label()),
    };
    let mut c = text::plain(indent, base);
    c.extend(text::plain(
        mark,
        if selected {
            base.patch(t.accent)
        } else {
            base.patch(t.dim)
        },
    ));
    let n = count.to_string();
    let room = width.saturating_sub(indent.len() + 4 + n.len() + 1);
    c.extend(text::fit(
        &text::plain(&label, if count == 0 { base.patch(t.dim) } else { base }),
        room,
    ));
    let used: usize = text::width(&c);
    c.extend(text::plain(
        &" ".repeat(width.saturating_sub(used + n.len())),
        base,
    ));
    c.extend(text::plain(&n, base.patch(t.dim)));
    c
}

/// "Berlin, DE" → "Berlin" ([`crate::places::Place::label`] ends a city or region with its
/// country's code); other labels as they are.
fn without_country_code(label: &str) -> &str {
    match label.rsplit_once(", ") {
        Some((place, cc)) if cc.len() == 2 && cc.chars().all(|c| c.is_ascii_uppercase()) => place,
        _ => label,
    }
}
