//! The compare view: two to four postings side by side, a column each, a row per field. The
//! skills every column shares are shown once, apart from each posting's own; values that
//! differ between columns are emphasized and the best salary stands out. When the terminal is
//! too narrow for every column, they scroll sideways (h/l).

use crate::app::Action;
use crate::app::keymap::Context;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::text::{self, Chars};
use crate::app::App;
use crate::posting::Posting;
use crate::store::Shortlists;
use crate::theme::Theme;

const LABEL: usize = 13;
const MIN_COLUMN: usize = 26;

/// How many columns fit at the current terminal width.
fn fitting_columns(width: usize, n: usize) -> usize {
    (width.saturating_sub(LABEL) / MIN_COLUMN).clamp(1, n.max(1))
}

/// The per-column rows: label and value.
fn rows(p: &Posting, shared: &[String], lists: &Shortlists) -> Vec<(&'static str, String)> {
    let opt = |v: Option<&str>| v.unwrap_or("—").to_string();
    let own: Vec<&str> = p
        .skills
        .iter()
        .filter(|s| !shared.contains(s))
        .map(String::as_str)
        .collect();
    let b = lists.get(&p.id);
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
                if s.provenance == crate::posting::PayProvenance::Estimate {
                    format!("{} · {}", s.long(), s.provenance.describe())
                } else {
                    s.long()
                }
            }),
        ),
        (
            "Yearly",
            p.salary.as_ref().map_or("—".into(), |s| {
                let money = crate::money::Money::current();
                money.yearly(s).map_or("—".into(), |y| {
                    let est = if s.provenance == crate::posting::PayProvenance::Estimate {
                        " (est.)"
                    } else {
                        ""
                    };
                    format!("{}{est}", money.compact(&y))
                })
            }),
        ),
        (
            "Own skills",
            if own.is_empty() {
                "—".into()
            } else {
                own.join(", ")
            },
        ),
        (
            "Benefits",
            if p.benefits.is_empty() {
                "—".into()
            } else {
                p.benefits.join(", ")
            },
        ),
        (
            "Posted",
            opt(p.posted.as_ref().map(|d| d.to_string()).as_deref()),
        ),
        (
            "Status",
            b.and_then(|b| b.status)
                .map_or("—".into(), |s| s.to_string()),
        ),
        (
            "Note",
            b.and_then(|b| b.note.clone()).unwrap_or_else(|| "—".into()),
        ),
    ]
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, offset: usize, scroll: usize) {
    frame.render_widget(Clear, area);
    let postings = app.compare_postings();
    let n = postings.len();
    let block = compare_block(app, n);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if n == 0 {
        return;
    }
    let width = inner.width as usize;
    let fit_cols = fitting_columns(width, n);
    // The columns that do not fit: how far Right can go (the app stops there).
    app.view.compare_max_offset.set(n - fit_cols);
    let offset = offset.min(n - fit_cols);
    let out = table_lines(app, &postings, offset..offset + fit_cols, width);
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

/// The frame, with how many postings and the keys that close it and clear the marks.
fn compare_block(app: &App, n: usize) -> Block<'static> {
    let t = &app.settings.theme;
    Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focused)
        .title(Line::styled(
            format!(
                " Compare {n} postings ·{}",
                super::status::overlay_hints(
                    app,
                    Context::Compare,
                    &[
                        (Action::Back, "closes"),
                        (Action::ClearMarks, "clears the marks")
                    ]
                )
            ),
            t.title,
        ))
}

/// The table: titles, the skills in common, then a row per field; the columns `shown` of
/// `postings` side by side.
fn table_lines(
    app: &App,
    postings: &[&std::sync::Arc<Posting>],
    shown_range: std::ops::Range<usize>,
    width: usize,
) -> Vec<Chars> {
    let t = &app.settings.theme;
    let n = postings.len();
    let (offset, fit_cols) = (shown_range.start, shown_range.len());
    let shown = &postings[shown_range.clone()];
    let col_w = (width.saturating_sub(LABEL) / shown.len()).max(8);

    // Skills every compared posting has, in the first posting's order.
    let shared: Vec<String> = postings[0]
        .skills
        .iter()
        .filter(|s| postings.iter().all(|p| p.skills.contains(s)))
        .cloned()
        .collect();
    let all_rows: Vec<Vec<(&str, String)>> = postings
        .iter()
        .map(|p| rows(p, &shared, &app.model.shortlists))
        .collect();
    // The best yearly salary, compared in the home currency.
    let top = |p: &Posting| {
        p.salary
            .as_ref()
            .and_then(|s| crate::money::Money::current().yearly(s))
            .and_then(|y| y.ceiling())
    };
    let best = postings
        .iter()
        .filter_map(|p| top(p))
        .max_by(|a, b| a.total_cmp(b));
    let is_best = |p: &Posting| n > 1 && best.is_some() && top(p) == best;

    let mut out: Vec<Chars> = Vec::new();
    let header: Vec<Vec<Chars>> = shown
        .iter()
        .map(|p| {
            text::wrap(
                &text::plain(p.title.as_deref().unwrap_or("(untitled)"), t.title),
                col_w - 2,
                0,
                0,
            )
        })
        .collect();
    let arrows = match (offset > 0, offset + fit_cols < n) {
        (true, true) => "◀ h  l ▶",
        (true, false) => "◀ h",
        (false, true) => "l ▶",
        _ => "",
    };
    push_row(&mut out, text::plain(arrows, t.key), &header, col_w);
    out.push(text::plain(&"─".repeat(width), t.border));
    if !shared.is_empty() {
        let mut c = label_cell(text::plain("In common", t.label));
        c.extend(text::plain(&shared.join(", "), t.good));
        out.extend(text::wrap(&c, width, 0, LABEL));
    }
    let table = &all_rows[offset..offset + fit_cols];
    let columns = Columns {
        all_rows: &all_rows,
        table,
        shown,
        col_w,
    };
    columns.field_rows(t, &is_best, &mut out);
    out
}

/// The rows of (label, value) of every compared posting, and of those on screen.
struct Columns<'a> {
    all_rows: &'a [Vec<(&'static str, String)>],
    table: &'a [Vec<(&'static str, String)>],
    shown: &'a [&'a std::sync::Arc<Posting>],
    col_w: usize,
}

impl Columns<'_> {
    /// A row per field: values that differ between postings stand out, the best salary is
    /// marked good, a missing value is dim.
    fn field_rows(&self, t: &Theme, is_best: &dyn Fn(&Posting) -> bool, out: &mut Vec<Chars>) {
        let Columns {
            all_rows,
            table,
            shown,
            col_w,
        } = *self;
        for r in 0..table[0].len() {
            let label = table[0][r].0;
            let differs = all_rows.windows(2).any(|w| w[0][r].1 != w[1][r].1);
            let cells: Vec<Vec<Chars>> = table
                .iter()
                .zip(shown)
                .map(|(c, p)| {
                    let v = &c[r].1;
                    let style = if (label == "Salary" || label == "Yearly") && is_best(p) {
                        t.good
                    } else if v == "—" {
                        t.dim
                    } else if differs {
                        t.accent
                    } else {
                        t.base
                    };
                    v.lines()
                        .flat_map(|l| text::wrap(&text::plain(l, style), col_w - 2, 0, 0))
                        .collect()
                })
                .collect();
            push_row(out, text::plain(label, t.label), &cells, col_w);
        }
    }
}

/// A row label in its column, always with a space before the values (a label as wide as the
/// column is cut to leave it).
fn label_cell(label: Chars) -> Chars {
    let mut c = text::pad(&label, LABEL - 1, Style::default());
    c.push((' ', Style::default()));
    c
}

/// Appends one table row: the label, then each column's wrapped lines side by side.
fn push_row(out: &mut Vec<Chars>, label: Chars, cells: &[Vec<Chars>], col_w: usize) {
    let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    for i in 0..height {
        let mut line = if i == 0 {
            label_cell(label.clone())
        } else {
            text::plain(&" ".repeat(LABEL), Style::default())
        };
        for cell in cells {
            let part = cell.get(i).cloned().unwrap_or_default();
            line.extend(text::pad(&part, col_w, Style::default()));
        }
        out.push(line);
    }
}
