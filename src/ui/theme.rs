//! Colours and text styles. Panes take every style from here, never hard-code one.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub heading: Style,
    pub label: Style,
    pub accent: Style,
    /// Characters that matched the query.
    pub matched: Style,
    /// The selected row (focused pane).
    pub selection: Style,
    /// The selected row when its pane does not have the focus.
    pub selection_unfocused: Style,
    pub border: Style,
    pub border_focused: Style,
    pub bookmark: Style,
    pub mark: Style,
    pub good: Style,
    pub warn: Style,
    pub error: Style,
    pub status: Style,
    pub key: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}

impl Theme {
    /// The default theme: named ANSI colours on the terminal's own background.
    pub fn dark() -> Theme {
        Theme {
            name: "dark".into(),
            base: Style::default(),
            dim: Style::default().fg(Color::DarkGray),
            title: Style::default().add_modifier(Modifier::BOLD),
            heading: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            label: Style::default().fg(Color::Blue),
            accent: Style::default().fg(Color::Magenta),
            matched: Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selection: Style::default().bg(Color::Blue).fg(Color::White),
            selection_unfocused: Style::default().bg(Color::DarkGray),
            border: Style::default().fg(Color::DarkGray),
            border_focused: Style::default().fg(Color::Cyan),
            bookmark: Style::default().fg(Color::Yellow),
            mark: Style::default()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD),
            good: Style::default()
                .fg(Color::Green)
                .add_modifier(Modifier::BOLD),
            warn: Style::default().fg(Color::Yellow),
            error: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            status: Style::default(),
            key: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
        }
    }
}
