//! The compare view: the marked postings side by side, a column each, a row per field. Values
//! that differ between columns are emphasized and the best salary stands out. When the
//! terminal is too narrow for every column, they scroll sideways.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::text::{self, Chars};
use crate::app::App;
use crate::posting::Posting;

const LABEL: usize = 12;
const MIN_COLUMN: usize = 24;

/// The rows of the comparison: label and each posting's value.
fn rows(p: &Posting) -> Vec<(&'static str, String)> {
    let opt = |v: Option<&str>| v.unwrap_or("—").to_string();
    vec![
        ("Company", opt(p.company.as_deref())),
        ("Team", opt(p.team.as_deref())),
        (
            "Locations",
            if p.locations.is_empty() {
                "—".into()
            } else {
                p.locations.join("; ")
            },
        ),
        ("Work mode", opt(p.work_mode.map(|m| m.as_str()))),
        ("Type", opt(p.employment_type.map(|m| m.as_str()))),
        ("Seniority", opt(p.seniority.map(|m| m.as_str()))),
        (
            "Experience",
            p.experience_years
                .map_or("—".into(), |y| format!("{y}+ years")),
        ),
        (
            "Salary",
            p.salary.as_ref().map_or("—".into(), |s| {
                let yearly = s.yearly_floor().map(|y| {
                    format!(
                        " (≈ {}{}/yr)",
                        crate::posting::currency_symbol(&s.currency),
                        crate::posting::compact_amount(y)
                    )
                });
                format!(
                    "{}{}",
                    s.long(),
                    if s.period == crate::posting::Period::Year {
                        String::new()
                    } else {
                        yearly.unwrap_or_default()
                    }
                )
            }),
        ),
        (
            "Skills",
            if p.skills.is_empty() {
                "—".into()
            } else {
                p.skills.join(", ")
            },
        ),
        ("Posted", opt(p.posted.as_deref())),
    ]
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, offset: usize, scroll: usize) {
    let t = &app.theme;
    frame.render_widget(Clear, area);
    let postings = app.marked_postings();
    let n = postings.len();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focused)
        .title(Line::styled(
            format!(" Compare {n} postings (Esc closes) "),
            t.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let fit_cols = ((width.saturating_sub(LABEL)) / MIN_COLUMN).clamp(1, n.max(1));
    let offset = offset.min(n.saturating_sub(fit_cols));
    let shown = &postings[offset..(offset + fit_cols).min(n)];
    let col_w = (width.saturating_sub(LABEL) / shown.len().max(1)).max(8);
    let table: Vec<Vec<(&str, String)>> = shown.iter().map(|p| rows(p)).collect();
    let all_rows: Vec<Vec<(&str, String)>> = postings.iter().map(|p| rows(p)).collect();
    // The best yearly salary among all compared postings (same currency only).
    let best = postings
        .iter()
        .filter_map(|p| {
            p.salary
                .as_ref()
                .and_then(|s| s.yearly_ceiling().map(|y| (y, s.currency.clone())))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));

    let mut out: Vec<Chars> = Vec::new();
    // Header: titles.
    let mut header: Vec<Vec<Chars>> = Vec::new();
    for p in shown {
        let title = p.title.as_deref().unwrap_or("(untitled)");
        header.push(text::wrap(&text::plain(title, t.title), col_w - 1, 0, 0));
    }
    push_row(
        &mut out,
        text::plain(if offset > 0 { "◀" } else { "" }, t.key),
        &header,
        col_w,
    );
    if offset + shown.len() < n {
        out.last_mut()
            .expect("a header line")
            .extend(text::plain(" ▶", t.key));
    }
    out.push(text::plain(&"─".repeat(width), t.border));
    for (r, (label, _)) in table
        .first()
        .map(|c| c.as_slice())
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        let values: Vec<&str> = all_rows.iter().map(|c| c[r].1.as_str()).collect();
        let differs = values.windows(2).any(|w| w[0] != w[1]);
        let mut cells = Vec::new();
        for (c, p) in table.iter().zip(shown) {
            let v = &c[r].1;
            let style = if *label == "Salary"
                && let (Some(s), Some((top, cur))) = (&p.salary, &best)
                && s.currency == *cur
                && s.yearly_ceiling() == Some(*top)
                && n > 1
            {
                t.good
            } else if v == "—" {
                t.dim
            } else if differs {
                t.accent
            } else {
                t.base
            };
            cells.push(text::wrap(&text::plain(v, style), col_w - 1, 0, 0));
        }
        push_row(&mut out, text::plain(label, t.label), &cells, col_w);
    }
    let height = inner.height as usize;
    let max = out.len().saturating_sub(height);
    let lines: Vec<Line> = out
        .iter()
        .skip(scroll.min(max))
        .take(height)
        .map(|c| text::line(c))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Appends one table row: the label, then each column's wrapped lines side by side.
fn push_row(out: &mut Vec<Chars>, label: Chars, cells: &[Vec<Chars>], col_w: usize) {
    let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    for i in 0..height {
        let mut line = if i == 0 {
            text::pad(&label, LABEL, Default::default())
        } else {
            text::plain(&" ".repeat(LABEL), Default::default())
        };
        for cell in cells {
            let part = cell.get(i).cloned().unwrap_or_default();
            line.extend(text::pad(&part, col_w, Default::default()));
        }
        out.push(line);
    }
}
