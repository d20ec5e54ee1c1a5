//! The list pane: two lines per posting — marks, title and salary; company, location, mode —
//! with the characters that matched the query highlighted (computed for visible rows only).

use crate::app::Action;
use crate::app::keymap::Context;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Borders, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

use super::text::{self, Chars};
use crate::app::{App, Focus};
use crate::config::Column;
use crate::posting::Posting;
use crate::search::{Field, highlight};

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.settings.theme;
    let focused =
        matches!(app.view.focus, Focus::List | Focus::Search) && app.view.overlay.is_none();
    let title = format!(" Postings {} ", count_label(app));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused { t.border_focused } else { t.border })
        .title(Line::styled(title, if focused { t.title } else { t.dim }));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.model.listing.rows.is_empty() {
        let msg = empty_message(app);
        let lines: Vec<Line> = msg.iter().map(|m| Line::styled(m.clone(), t.dim)).collect();
        let y = inner.y + inner.height.saturating_sub(lines.len() as u16) / 2;
        let h = (lines.len() as u16).min(inner.height);
        frame.render_widget(
            Paragraph::new(lines).centered(),
            Rect::new(inner.x, y, inner.width, h),
        );
        return;
    }
    let width = inner.width as usize;
    let visible = (inner.height / 2) as usize;
    let mut lines: Vec<Line> = Vec::with_capacity(visible * 2);
    for pos in
        app.view.list_offset..(app.view.list_offset + visible).min(app.model.listing.rows.len())
    {
        let index = app.model.listing.rows[pos];
        let selected = pos == app.view.selected;
        let row_style = match (selected, focused) {
            (true, true) => t.selection,
            (true, false) => t.selection_unfocused,
            _ => Style::default(),
        };
        let (a, b) = row_lines(app, index, width, row_style);
        lines.push(text::line(&a));
        lines.push(text::line(&b));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if app.model.listing.rows.len() > visible {
        let mut state = ScrollbarState::new(app.model.listing.rows.len().saturating_sub(visible))
            .position(app.view.list_offset);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None),
            area.inner(Margin {
                vertical: 1,
                horizontal: 0,
            }),
            &mut state,
        );
    }
}

/// "2 of 2", "1 of 3 (searching…)".
fn count_label(app: &App) -> String {
    let shown = app.model.listing.rows.len();
    let listed = app.listed_total();
    let mut s = format!("{shown} of {listed}");
    if app.model.searching {
        s.push_str(" · searching…");
    }
    s
}

fn empty_message(app: &App) -> Vec<String> {
    if app.model.postings.is_empty() {
        return if app.model.load.done {
            vec![
                "No postings here.".into(),
                format!("{} held no readable posting.", app.model.source_name),
            ]
        } else {
            vec!["Loading postings…".into()]
        };
    }
    let mut m = Vec::new();
    if let Some(list) = &app.model.active_list {
        let missing = app.missing_in_active_list();
        if app.model.shortlists.ids_in_list(list).is_empty() {
            m.push(format!("The list “{list}” is empty."));
            m.push("Add postings to it from the lists pane (l, then a).".into());
        } else if missing > 0 {
            m.push(format!(
                "{missing} posting(s) of “{list}” are not in this corpus (see l)."
            ));
        }
        m.push("l, then Enter on All postings, lists everything again.".into());
        if app.model.query.is_empty() && app.model.filters.is_empty() {
            return m;
        }
    }
    if !app.model.query.is_empty() {
        m.push(format!("No posting matches “{}”.", app.view.input.text()));
        let k = |c, a| app.settings.keymap.first_key(c, a);
        m.push(if app.view.focus == crate::app::Focus::Search {
            format!(
                "{} clears the search.",
                k(Context::Search, &Action::CancelSearch)
            )
        } else {
            format!(
                "{} then {} clears the search.",
                k(Context::List, &Action::FocusSearch),
                k(Context::Search, &Action::CancelSearch)
            )
        });
    } else {
        m.push("No posting passes the filters.".into());
    }
    if !app.model.filters.is_empty() {
        m.push(format!(
            "Filters: {} — R resets them.",
            app.model.filters.summary()
        ));
    }
    m
}

/// The two lines of one posting, `width` columns wide, in `row` style (the selection).
fn row_lines(app: &App, index: u32, width: usize, row: Style) -> (Chars, Chars) {
    let p: &Posting = &app.model.postings[index as usize];
    let t = &app.settings.theme;
    let closed = p.pulled.as_ref().is_some_and(|t| t.closed.is_some());
    let hidden = app.is_hidden(&p.id) || closed;
    // Hidden postings (listed only with X) and closed ones (with C) are dimmed throughout.
    let base = if hidden {
        t.base.patch(t.dim).patch(row)
    } else {
        t.base.patch(row)
    };
    let first = first_line(app, p, width, base);
    let dim = base.patch(t.dim);
    let mut second: Chars = text::plain("   ", base);
    let parts = second_line_parts(app, p, base);
    // The application status (and hidden) at the right end of the second line, after what a
    // pull says of the posting.
    let tag = row_tag(app, p, index, base);
    let tag_w: usize = text::width(&tag);
    let room = width.saturating_sub(if tag_w > 0 { tag_w + 1 } else { 0 });
    let mut first_part = true;
    for (part, whole) in parts {
        let sep = if first_part { 0 } else { 3 };
        if whole && text::width(&second) + sep + text::width(&part) > room {
            break; // the columns are in the user's order: a later one is not worth more
        }
        if !first_part {
            second.extend(text::plain(" · ", dim));
        }
        second.extend(part);
        first_part = false;
    }
    let mut second = text::fit(&second, room);
    let used: usize = text::width(&second);
    second.extend(std::iter::repeat_n(
        (' ', base),
        width.saturating_sub(used + tag_w),
    ));
    second.extend(tag);
    (
        text::pad(&first, width, base),
        text::pad(&second, width, base),
    )
}

/// Flags (bookmarked, marked), the title (the query's terms highlighted) and the salary.
fn first_line(app: &App, p: &Posting, width: usize, base: Style) -> Chars {
    let t = &app.settings.theme;
    let q = &app.model.query;
    let m = super::matcher();
    let mut first: Chars = Vec::new();
    let bookmarked = app.is_bookmarked(&p.id);
    first.push(if bookmarked {
        ('★', base.patch(t.bookmark))
    } else {
        (' ', base)
    });
    first.push(if app.is_marked(&p.id) {
        ('◆', base.patch(t.mark))
    } else {
        (' ', base)
    });
    first.push((' ', base));
    let salary = if app.settings.columns.contains(&Column::Salary) {
        p.salary
            .as_ref()
            .map(|s| crate::money::Money::current().row_figure(s))
            .unwrap_or_default()
    } else {
        String::new()
    };
    let salary_w = text::str_width(&salary);
    let title = p.title.as_deref().unwrap_or("(untitled)");
    let title_chars = text::styled(
        title,
        base.patch(t.title),
        t.matched,
        &highlight(m, title, Field::Title, q),
    );
    let room = width.saturating_sub(3 + if salary_w > 0 { salary_w + 1 } else { 0 });
    first.extend(text::fit(&title_chars, room));
    let used: usize = text::width(&first);
    first.extend(std::iter::repeat_n(
        (' ', base),
        width.saturating_sub(used + salary_w),
    ));
    first.extend(text::plain(&salary, base.patch(t.good)));

    first
}

/// The second line's columns, in the user's order, each with whether it is shown whole or
/// not at all (a short word cut to "on…" says nothing); the company and the place may be cut.
fn second_line_parts(app: &App, p: &Posting, base: Style) -> Vec<(Chars, bool)> {
    let t = &app.settings.theme;
    let q = &app.model.query;
    let m = super::matcher();
    let dim = base.patch(t.dim);
    let mut parts: Vec<(Chars, bool)> = Vec::new();
    let word = |s: Option<&str>, style| s.map(|s| text::plain(s, style));
    for col in &app.settings.columns {
        let part = match col {
            Column::Company => p
                .company
                .as_deref()
                .map(|c| text::styled(c, base, t.matched, &highlight(m, c, Field::Company, q))),
            Column::Location => p.locations.first().map(|l| {
                let mut loc = text::styled(l, dim, t.matched, &highlight(m, l, Field::Location, q));
                if p.locations.len() > 1 {
                    loc.extend(text::plain(&format!(" +{}", p.locations.len() - 1), dim));
                }
                loc
            }),
            Column::Mode => word(p.work_mode.map(|m| m.as_str()), base.patch(t.accent)),
            Column::Type => word(p.employment_type.map(|e| e.as_str()), dim),
            Column::Seniority => word(p.seniority.map(|s| s.as_str()), dim),
            // The age of a dated posting ("3d", "3w"); words as the page wrote them otherwise.
            Column::Posted => {
                let shown = p.posted.as_ref().map(|d| {
                    d.age_days(app.model.today)
                        .map_or_else(|| d.to_string(), crate::dates::age_label)
                });
                word(shown.as_deref(), dim)
            }
            Column::Salary | Column::Status => None,
        };
        let whole = !matches!(col, Column::Company | Column::Location);
        parts.extend(part.map(|c| (c, whole)));
    }
    parts
}

/// What a pull says of the posting, the sources it is seen on, its note and status.
fn row_tag(app: &App, p: &Posting, index: u32, base: Style) -> Chars {
    let t = &app.settings.theme;
    let dim = base.patch(t.dim);
    let mut tag: Chars = Vec::new();
    if let Some(pulled) = &p.pulled {
        let (word, style) = if pulled.closed.is_some() {
            ("closed ", base.patch(t.warn))
        } else if pulled.new {
            ("new ", base.patch(t.good))
        } else if pulled.changed {
            ("changed ", base.patch(t.accent))
        } else {
            ("", base)
        };
        tag.extend(text::plain(word, style));
    }
    if let Some(n) = app.model.seen_on.get(&index).map(Vec::len) {
        tag.extend(text::plain(&format!("{} sources ", n + 1), dim));
    }
    if let Some(b) = app
        .model
        .shortlists
        .get(&p.id)
        .filter(|_| app.settings.columns.contains(&Column::Status))
    {
        if b.note.is_some() {
            tag.extend(text::plain("✎ ", base.patch(t.accent)));
        }
        if let Some(s) = b.status {
            tag.extend(text::plain(s.as_str(), base.patch(t.accent)));
        }
        if b.hidden {
            tag.extend(text::plain(" hidden", dim));
        }
    }
    tag
}
