//! Colours and text styles. Panes take every style from here, never hard-code one. Themes are
//! data: the built-in ones are `assets/themes/*.toml`, and a user's theme file has the same
//! shape. `NO_COLOR` strips every colour (emphasis stays, and the selection is reversed).

use std::path::Path;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

const DARK: &str = include_str!("../assets/themes/dark.toml");
const LIGHT: &str = include_str!("../assets/themes/light.toml");
const ANSI16: &str = include_str!("../assets/themes/ansi16.toml");

/// The built-in themes, by name.
pub const BUILT_IN: [(&str, &str); 3] = [("dark", DARK), ("light", LIGHT), ("ansi16", ANSI16)];

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
        Theme::parse(DARK, None).expect("assets/themes/dark.toml is valid (tested)")
    }
}

impl Theme {
    fn slot(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "base" => &mut self.base,
            "dim" => &mut self.dim,
            "title" => &mut self.title,
            "heading" => &mut self.heading,
            "label" => &mut self.label,
            "accent" => &mut self.accent,
            "matched" => &mut self.matched,
            "selection" => &mut self.selection,
            "selection_unfocused" => &mut self.selection_unfocused,
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "bookmark" => &mut self.bookmark,
            "mark" => &mut self.mark,
            "good" => &mut self.good,
            "warn" => &mut self.warn,
            "error" => &mut self.error,
            "status" => &mut self.status,
            "key" => &mut self.key,
            _ => return None,
        })
    }

    /// Every style with no colour and no emphasis.
    fn plain(name: &str) -> Theme {
        let s = Style::default();
        Theme {
            name: name.into(),
            base: s,
            dim: s,
            title: s,
            heading: s,
            label: s,
            accent: s,
            matched: s,
            selection: s,
            selection_unfocused: s,
            border: s,
            border_focused: s,
            bookmark: s,
            mark: s,
            good: s,
            warn: s,
            error: s,
            status: s,
            key: s,
        }
    }

    /// Parses a theme file; the styles it leaves out come from `base` (the dark theme when
    /// None is given and the text is not the dark theme itself).
    pub fn parse(text: &str, base: Option<Theme>) -> Result<Theme, String> {
        let table: toml::Table = toml::from_str(text).map_err(|e| {
            e.to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })?;
        let name = table
            .get("name")
            .and_then(|v| v.as_str())
            .unwrap_or("custom")
            .to_string();
        let mut theme = base.unwrap_or_else(|| Theme::plain(&name));
        theme.name = name;
        let styles = match table.get("styles") {
            Some(v) => v.as_table().ok_or("[styles] must be a table")?,
            None => return Ok(theme),
        };
        for (key, value) in styles {
            let style = parse_style(value).map_err(|e| format!("styles.{key}: {e}"))?;
            let slot = theme
                .slot(key)
                .ok_or_else(|| format!("styles.{key}: unknown style"))?;
            *slot = style;
        }
        Ok(theme)
    }

    /// A built-in theme by name, or a theme file by path.
    pub fn load(name_or_path: &str) -> Result<Theme, String> {
        if let Some((_, text)) = BUILT_IN.iter().find(|(n, _)| *n == name_or_path) {
            return Theme::parse(text, Some(Theme::default()));
        }
        let path = crate::config::expand_home(Path::new(name_or_path));
        if !name_or_path.contains('/') && !name_or_path.ends_with(".toml") {
            let names: Vec<_> = BUILT_IN.iter().map(|(n, _)| *n).collect();
            return Err(format!(
                "theme: no theme {name_or_path:?} (built in: {}; or a file path)",
                names.join(", ")
            ));
        }
        let text = crate::config::read_small_text(&path).map_err(|e| {
            let why = e.unwrap_or_else(|| "no such file".to_string());
            format!("theme: cannot read {}: {why}", path.display())
        })?;
        Theme::parse(&text, Some(Theme::default()))
            .map_err(|e| format!("theme {}: {e}", path.display()))
    }

    /// The theme without colours, for `NO_COLOR`: emphasis stays, the selection is reversed.
    pub fn without_colors(mut self) -> Theme {
        for name in [
            "base",
            "dim",
            "title",
            "heading",
            "label",
            "accent",
            "matched",
            "selection",
            "selection_unfocused",
            "border",
            "border_focused",
            "bookmark",
            "mark",
            "good",
            "warn",
            "error",
            "status",
            "key",
        ] {
            if let Some(s) = self.slot(name) {
                *s = Style {
                    add_modifier: s.add_modifier,
                    ..Style::default()
                };
            }
        }
        self.selection = self.selection.add_modifier(Modifier::REVERSED);
        self.selection_unfocused = self.selection_unfocused.add_modifier(Modifier::UNDERLINED);
        self.border_focused = self.border_focused.add_modifier(Modifier::BOLD);
        self.dim = self.dim.add_modifier(Modifier::DIM);
        self.name.push_str(" (no colour)");
        self
    }
}

fn parse_style(v: &toml::Value) -> Result<Style, String> {
    let t = v
        .as_table()
        .ok_or("expected { fg = …, bg = …, modifiers = […] }")?;
    let mut style = Style::default();
    for (k, v) in t {
        match k.as_str() {
            "fg" | "bg" => {
                let s = v.as_str().ok_or("a colour is a string")?;
                let c = parse_color(s)?;
                style = if k == "fg" { style.fg(c) } else { style.bg(c) };
            }
            "modifiers" => {
                for m in v.as_array().ok_or("modifiers is a list")? {
                    let m = m.as_str().ok_or("a modifier is a string")?;
                    style = style.add_modifier(match m {
                        "bold" => Modifier::BOLD,
                        "dim" => Modifier::DIM,
                        "italic" => Modifier::ITALIC,
                        "underlined" => Modifier::UNDERLINED,
                        "reversed" => Modifier::REVERSED,
                        "crossed_out" => Modifier::CROSSED_OUT,
                        other => return Err(format!("unknown modifier {other:?} (bold, dim, italic, underlined, reversed, crossed_out)")),
                    });
                }
            }
            other => return Err(format!("unknown property {other:?} (fg, bg, modifiers)")),
        }
    }
    Ok(style)
}

fn parse_color(s: &str) -> Result<Color, String> {
    if s == "reset" {
        return Ok(Color::Reset);
    }
    Color::from_str(s).map_err(|_| {
        format!("{s:?} is not a colour (a name like \"lightblue\", \"#rrggbb\", or 0–255)")
    })
}

/// Whether `NO_COLOR` asks for no colours (set and not empty).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_themes_load() {
        for (name, _) in BUILT_IN {
            let t = Theme::load(name).unwrap();
            assert_eq!(t.name, name);
            assert_ne!(
                t.selection,
                Style::default(),
                "{name}: the selection must show"
            );
        }
        assert_eq!(Theme::default().name, "dark");
    }

    #[test]
    fn ansi16_uses_only_the_16_colours() {
        let t = Theme::load("ansi16").unwrap();
        for s in [
            t.dim,
            t.heading,
            t.label,
            t.accent,
            t.matched,
            t.selection,
            t.border,
            t.good,
            t.warn,
            t.error,
            t.key,
        ] {
            for c in [s.fg, s.bg].into_iter().flatten() {
                assert!(!matches!(c, Color::Rgb(..) | Color::Indexed(_)), "{c:?}");
            }
        }
    }

    #[test]
    fn user_theme_files_override_and_errors_name_the_style() {
        let t = Theme::parse(
            "name = \"mine\"\n[styles]\naccent = { fg = \"#ff0000\", modifiers = [\"italic\"] }",
            Some(Theme::default()),
        )
        .unwrap();
        assert_eq!(t.name, "mine");
        assert_eq!(
            t.accent,
            Style::default()
                .fg(Color::Rgb(255, 0, 0))
                .add_modifier(Modifier::ITALIC)
        );
        assert_eq!(
            t.heading,
            Theme::default().heading,
            "left out: the default's"
        );
        let e = Theme::parse("[styles]\naccent = { fg = \"chartreuse-ish\" }", None).unwrap_err();
        assert!(
            e.contains("styles.accent") && e.contains("not a colour"),
            "{e}"
        );
        let e = Theme::parse("[styles]\nsparkle = {}", None).unwrap_err();
        assert!(e.contains("unknown style"), "{e}");
        assert!(Theme::load("solarized").unwrap_err().contains("built in"));
        assert!(
            Theme::load("/no/such/theme.toml")
                .unwrap_err()
                .contains("cannot read")
        );
    }

    #[test]
    fn no_color_strips_colours_but_keeps_the_selection_visible() {
        let t = Theme::default().without_colors();
        assert_eq!(t.selection.fg, None);
        assert_eq!(t.selection.bg, None);
        assert!(t.selection.add_modifier.contains(Modifier::REVERSED));
        assert!(t.matched.add_modifier.contains(Modifier::BOLD));
    }
}
