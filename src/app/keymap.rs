//! The keymap: a table from (context, key) to action, built from the `[keys.*]` tables of the
//! config (defaults in `assets/config.toml`). Bad bindings are reported by name and fall back to
//! the default; nothing here panics. The help overlay and the status-line hints read the same
//! table, so they always show what the keys really do.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Action;

/// Where a binding applies (by its `[keys.<name>]` table). Pane contexts fall back to `Global`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "lowercase")]
pub enum Context {
    Global,
    List,
    Detail,
    Filters,
    Search,
    Help,
    Compare,
    Skipped,
    /// The shortlists pane.
    Lists,
    /// Typing a list name.
    Prompt,
    /// Confirming a deletion.
    Confirm,
    /// Writing a note.
    Note,
    /// Picking a status.
    #[strum(serialize = "status")]
    StatusMenu,
    /// Quitting with changes that could not be saved.
    Unsaved,
    /// Every value of a facet, filtered by what is typed.
    Values,
}

impl Context {
    pub const ALL: &'static [Context] = <Context as strum::VariantArray>::VARIANTS;

    pub fn name(self) -> &'static str {
        self.into()
    }

    /// How the help and the man page head the context's keys.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::List => "List",
            Context::Detail => "Details",
            Context::Filters => "Filter pane",
            Context::Search => "Search bar (while typing)",
            Context::Help => "This help",
            Context::Compare => "Compare view",
            Context::Skipped => "Skipped files",
            Context::Lists => "Shortlists pane",
            Context::Prompt => "Typing a list name or a file",
            Context::Confirm => "Confirming a deletion",
            Context::Note => "Writing a note",
            Context::StatusMenu => "Status menu",
            Context::Unsaved => "Quitting with unsaved shortlists",
            Context::Values => "All values of a filter (type to narrow)",
        }
    }

    pub fn from_name(s: &str) -> Option<Context> {
        s.parse().ok()
    }

    /// Overlays take every key; panes fall back to the global bindings.
    fn falls_back(self) -> bool {
        matches!(
            self,
            Context::List | Context::Detail | Context::Filters | Context::Search
        )
    }
}

/// A key with its modifiers, as written in the config ("ctrl-c", "G", "pgdn").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCodeOrd,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// `KeyCode` with an order, so keys can sit in ordered maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeOrd {
    Char(char),
    F(u8),
    Named(u8),
}

const NAMED: &[(&str, KeyCode)] = &[
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pgup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

const ALIASES: &[(&str, &str)] = &[
    ("pageup", "pgup"),
    ("pagedown", "pgdn"),
    ("return", "enter"),
    ("escape", "esc"),
    ("del", "delete"),
    ("bs", "backspace"),
];

impl Key {
    pub fn plain(c: char) -> Key {
        Key {
            code: KeyCodeOrd::Char(c),
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    /// Ctrl and a letter.
    pub fn ctrl(c: char) -> Key {
        Key {
            ctrl: true,
            ..Key::plain(c)
        }
    }

    /// The key of a terminal event. Shift is folded into the character ("G", not "shift-g").
    pub fn from_event(ev: &KeyEvent) -> Option<Key> {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        let shift = ev.modifiers.contains(KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::Char(c) => {
                // Ctrl-letter arrives lowercase; fold case only for the ctrl/alt forms.
                let c = if ctrl || alt {
                    c.to_ascii_lowercase()
                } else {
                    c
                };
                return Some(Key {
                    code: KeyCodeOrd::Char(c),
                    ctrl,
                    alt,
                    shift: false,
                });
            }
            KeyCode::F(n) => KeyCodeOrd::F(n),
            KeyCode::BackTab => {
                return Some(Key {
                    code: named_code(KeyCode::BackTab)?,
                    ctrl,
                    alt,
                    shift: false,
                });
            }
            other => named_code(other)?,
        };
        Some(Key {
            code,
            ctrl,
            alt,
            shift,
        })
    }

    /// The terminal event of this key, as [`Key::from_event`] reads it back (what a test
    /// presses).
    pub fn to_event(&self) -> KeyEvent {
        let code = match self.code {
            KeyCodeOrd::Char(c) => KeyCode::Char(c),
            KeyCodeOrd::F(n) => KeyCode::F(n),
            KeyCodeOrd::Named(i) => NAMED[i as usize].1,
        };
        let mut modifiers = KeyModifiers::NONE;
        for (on, m) in [
            (self.ctrl, KeyModifiers::CONTROL),
            (self.alt, KeyModifiers::ALT),
            (self.shift, KeyModifiers::SHIFT),
        ] {
            if on {
                modifiers |= m;
            }
        }
        KeyEvent::new(code, modifiers)
    }

    /// The printable character this key types, if it is one (no ctrl/alt).
    pub fn printable(&self) -> Option<char> {
        match self.code {
            KeyCodeOrd::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }
}

fn named_code(code: KeyCode) -> Option<KeyCodeOrd> {
    NAMED
        .iter()
        .position(|(_, c)| *c == code)
        .map(|i| KeyCodeOrd::Named(i as u8))
}

impl FromStr for Key {
    type Err = String;

    fn from_str(s: &str) -> Result<Key, String> {
        if s.is_empty() {
            return Err("empty key".into());
        }
        let mut key = Key {
            code: KeyCodeOrd::Char(' '),
            ctrl: false,
            alt: false,
            shift: false,
        };
        let mut rest = s;
        // Modifiers; a trailing "-" is the minus key itself.
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                key.ctrl = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                key.alt = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("shift-").filter(|r| !r.is_empty()) {
                key.shift = true;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_control() {
                return Err(format!(
                    "{s:?} is a control character; write it as a named key"
                ));
            }
            let c = if key.ctrl || key.alt {
                c.to_ascii_lowercase()
            } else {
                c
            };
            if key.shift && c.is_alphabetic() && !key.ctrl && !key.alt {
                // "shift-g" is "G".
                key.shift = false;
                key.code = KeyCodeOrd::Char(c.to_ascii_uppercase());
            } else {
                key.code = KeyCodeOrd::Char(c);
            }
            return Ok(key);
        }
        let lower = rest.to_ascii_lowercase();
        let name = ALIASES
            .iter()
            .find(|(a, _)| *a == lower)
            .map_or(lower.as_str(), |(_, n)| n);
        if name == "space" {
            key.code = KeyCodeOrd::Char(' ');
            return Ok(key);
        }
        if name == "shift-tab" || (name == "tab" && key.shift) {
            key.shift = false;
            key.code = named_code(KeyCode::BackTab).expect("backtab is named");
            return Ok(key);
        }
        if let Some(n) = name
            .strip_prefix('f')
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=24).contains(n))
        {
            key.code = KeyCodeOrd::F(n);
            return Ok(key);
        }
        match NAMED.iter().position(|(n, _)| *n == name) {
            Some(i) => {
                key.code = KeyCodeOrd::Named(i as u8);
                Ok(key)
            }
            None => Err(format!("unknown key {s:?}")),
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCodeOrd::Char(' ') => f.write_str("space"),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::F(n) => write!(f, "f{n}"),
            KeyCodeOrd::Named(i) => f.write_str(NAMED[i as usize].0),
        }
    }
}

/// One binding, for the help overlay.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub context: Context,
    pub action: Action,
    pub keys: Vec<Key>,
}

/// The table of bindings.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    map: BTreeMap<(Context, Key), Action>,
    /// In declaration order, for help.
    bindings: Vec<Binding>,
}

/// The `[keys.*]` tables: context → action name → key names, in the order written.
pub type KeyTables = toml::Table;

impl Keymap {
    /// Builds the keymap from the defaults and the user's tables. Returns the problems found in
    /// the user's tables (each names the binding and what is wrong); a bad binding keeps its
    /// default.
    pub fn build(defaults: &KeyTables, user: &KeyTables) -> (Keymap, Vec<String>) {
        let mut problems = Vec::new();
        let mut merged = merge_tables(defaults, user, &mut problems);
        keep_a_quit(&mut merged, &mut problems);
        let km = Keymap::from_tables(merged, &mut problems);
        if !user.is_empty() {
            km.new_shadows(defaults, &mut problems);
        }
        (km, problems)
    }

    /// The key map of the merged tables, in the order written; a key bound twice in one
    /// context keeps its first action (the second is a problem).
    fn from_tables(merged: Merged, problems: &mut Vec<String>) -> Keymap {
        let Merged {
            mut tables, order, ..
        } = merged;
        let mut km = Keymap::default();
        for k in order {
            let keys = tables.remove(&k).unwrap_or_default();
            let action = Action::from_name(&k.1).expect("validated above");
            for key in &keys {
                if let Some(other) = km.map.get(&(k.0, *key))
                    && *other != action
                {
                    problems.push(format!(
                        "keys.{}.{}: {key} is already bound to {} in that context",
                        k.0.name(),
                        k.1,
                        other.name()
                    ));
                    continue;
                }
                km.map.insert((k.0, *key), action.clone());
            }
            km.bindings.push(Binding {
                context: k.0,
                action,
                keys,
            });
        }
        km
    }

    /// A pane's binding hides a global one on the same key there: said, unless the defaults
    /// do the same (the user's tables made it).
    fn new_shadows(&self, defaults: &KeyTables, problems: &mut Vec<String>) {
        let (base, _) = Keymap::build(defaults, &KeyTables::new());
        let before = base.shadowed();
        for (ctx, key, mine, global) in self.shadowed() {
            if before.contains(&(ctx, key, mine.clone(), global.clone())) {
                continue;
            }
            problems.push(format!(
                "keys.{}.{}: {key} is bound twice in the {} context: to {} there and to {} \
                 in keys.global, which it falls back to; {} wins, so {key} does not {} there",
                ctx.name(),
                mine.name(),
                ctx.name(),
                mine.name(),
                global.name(),
                mine.name(),
                global.name(),
            ));
        }
    }

    /// Keys a pane binds that the global table binds to another action: (context, key, the
    /// pane's action, the global action it hides). Printable keys in the search bar are typed,
    /// never global, so they hide nothing.
    fn shadowed(&self) -> Vec<(Context, Key, Action, Action)> {
        self.map
            .iter()
            .filter(|((ctx, key), _)| {
                ctx.falls_back() && !(*ctx == Context::Search && key.printable().is_some())
            })
            .filter_map(|((ctx, key), a)| {
                let g = self.map.get(&(Context::Global, *key))?;
                (g != a).then(|| (*ctx, *key, a.clone(), g.clone()))
            })
            .collect()
    }

    /// The built-in keymap.
    pub fn defaults() -> Keymap {
        let d = crate::config::default_key_tables();
        Keymap::build(&d, &KeyTables::new()).0
    }

    /// The action bound to `key` in `ctx` (falling back to the global table for panes).
    pub fn lookup(&self, ctx: Context, key: &Key) -> Option<&Action> {
        self.map.get(&(ctx, *key)).or_else(|| {
            if ctx.falls_back() {
                self.map.get(&(Context::Global, *key))
            } else {
                None
            }
        })
    }

    /// The action bound to `key` in `ctx` itself, without falling back.
    pub fn lookup_exact(&self, ctx: Context, key: &Key) -> Option<&Action> {
        self.map.get(&(ctx, *key))
    }

    /// Bindings in declaration order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The first key bound to `action` in `ctx` (or globally), as written in messages ("u",
    /// "ctrl-s"); empty when none is.
    pub fn first_key(&self, ctx: Context, action: &Action) -> String {
        self.keys_for(ctx, action)
            .first()
            .map(Key::to_string)
            .unwrap_or_default()
    }

    /// The keys bound to `action` in `ctx` (or globally), for hints: "b", "/".
    pub fn keys_for(&self, ctx: Context, action: &Action) -> Vec<Key> {
        let find = |c: Context| {
            self.bindings
                .iter()
                .find(|b| b.context == c && b.action == *action)
                .map(|b| b.keys.clone())
        };
        find(ctx)
            .or_else(|| find(Context::Global))
            .unwrap_or_default()
    }
}

/// The defaults and the user's tables merged: context and action name → keys, in the order
/// first written; and the default quit keys (kept when the user's tables leave none).
struct Merged {
    tables: BTreeMap<(Context, String), Vec<Key>>,
    order: Vec<(Context, String)>,
    default_quit: Vec<Key>,
}

/// Reads both sets of tables; a bad binding is a problem and keeps what was there.
fn merge_tables(defaults: &KeyTables, user: &KeyTables, problems: &mut Vec<String>) -> Merged {
    let mut tables: BTreeMap<(Context, String), Vec<Key>> = BTreeMap::new();
    let mut order: Vec<(Context, String)> = Vec::new();
    let quit_key = (Context::Global, Action::Quit.name().to_string());
    let mut default_quit = Vec::new();
    for (source_is_user, src) in [(false, defaults), (true, user)] {
        if source_is_user {
            default_quit = tables.get(&quit_key).cloned().unwrap_or_default();
        }
        for (ctx_name, actions) in src {
            let Some(actions) = actions.as_table() else {
                problems.push(format!(
                    "keys.{ctx_name}: expected a table of action = [keys]"
                ));
                continue;
            };
            for (action, value) in actions {
                match read_binding(ctx_name, action, value) {
                    Ok((ctx, _, keys)) => {
                        let k = (ctx, action.clone());
                        if !tables.contains_key(&k) {
                            order.push(k.clone());
                        }
                        tables.insert(k, keys);
                    }
                    Err(e) if source_is_user => problems.push(e),
                    Err(e) => problems.push(format!("built-in defaults: {e}")),
                }
            }
        }
    }
    Merged {
        tables,
        order,
        default_quit,
    }
}

/// A key map must leave a way to quit: with no key bound to it, the defaults stay.
fn keep_a_quit(merged: &mut Merged, problems: &mut Vec<String>) {
    let Merged {
        tables,
        order,
        default_quit,
    } = merged;
    let quit_key = (Context::Global, Action::Quit.name().to_string());
    let default_quit = std::mem::take(default_quit);
    let quits = |t: &BTreeMap<(Context, String), Vec<Key>>| {
        t.iter()
            .any(|((_, a), keys)| a == Action::Quit.name() && !keys.is_empty())
    };
    if !quits(tables) && !default_quit.is_empty() {
        problems.push(format!(
            "keys.global.quit: no key would quit jobdeck; the default ({}) is kept",
            default_quit
                .iter()
                .map(Key::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ));
        if !order.contains(&quit_key) {
            order.push(quit_key.clone());
        }
        tables.insert(quit_key, default_quit);
    }
}

/// One binding of a table: its context, its action and its keys, or what is wrong with it.
fn read_binding(
    ctx_name: &str,
    action: &str,
    value: &toml::Value,
) -> Result<(Context, Action, Vec<Key>), String> {
    let ctx = Context::from_name(ctx_name).ok_or_else(|| {
        let names: Vec<_> = Context::ALL.iter().map(|c| c.name()).collect();
        format!(
            "keys.{ctx_name}: unknown context (known: {})",
            names.join(", ")
        )
    })?;
    let act = Action::from_name(action)
        .ok_or_else(|| format!("keys.{ctx_name}.{action}: unknown action {action:?}"))?;
    let list: Vec<&str> = match value {
        toml::Value::String(s) => vec![s.as_str()],
        toml::Value::Array(a) => a
            .iter()
            .map(|v| {
                v.as_str()
                    .ok_or_else(|| format!("keys.{ctx_name}.{action}: keys must be strings"))
            })
            .collect::<Result<_, _>>()?,
        _ => {
            return Err(format!(
                "keys.{ctx_name}.{action}: expected a key name or a list of them"
            ));
        }
    };
    let keys = list
        .iter()
        .map(|k| {
            k.parse::<Key>()
                .map_err(|e| format!("keys.{ctx_name}.{action}: {e}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((ctx, act, keys))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Key {
        s.parse().unwrap()
    }

    #[test]
    fn key_names_parse_and_print() {
        for s in [
            "j",
            "G",
            "?",
            "/",
            "ctrl-c",
            "alt-backspace",
            "pgdn",
            "space",
            "backtab",
            "f5",
            "esc",
            "-",
        ] {
            assert_eq!(k(s).to_string(), s);
        }
        assert_eq!(k("shift-g"), k("G"));
        assert_eq!(k("shift-tab"), k("backtab"));
        assert_eq!(k("PageDown"), k("pgdn"));
        assert_eq!(k("Ctrl-C"), k("ctrl-c"));
        assert!("ctrl-".parse::<Key>().is_err());
        assert!("hyper-x".parse::<Key>().is_err());
        assert!("".parse::<Key>().is_err());
    }

    /// What a test presses through the event loop is the key it names.
    #[test]
    fn a_key_becomes_the_event_it_is_read_back_from() {
        for s in [
            "j",
            "G",
            "?",
            "ctrl-c",
            "alt-backspace",
            "pgdn",
            "space",
            "backtab",
            "shift-up",
            "f5",
            "esc",
            "enter",
            "ctrl-s",
            "-",
        ] {
            assert_eq!(Key::from_event(&k(s).to_event()), Some(k(s)), "{s}");
        }
    }

    #[test]
    fn events_map_to_keys() {
        let ev = |code, mods| KeyEvent::new(code, mods);
        assert_eq!(
            Key::from_event(&ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(k("G"))
        );
        assert_eq!(
            Key::from_event(&ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(k("ctrl-c"))
        );
        assert_eq!(
            Key::from_event(&ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(k("backtab"))
        );
        assert_eq!(
            Key::from_event(&ev(KeyCode::PageDown, KeyModifiers::NONE)),
            Some(k("pgdn"))
        );
    }

    #[test]
    fn defaults_build_cleanly_and_fall_back() {
        let d = crate::config::default_key_tables();
        let (km, problems) = Keymap::build(&d, &KeyTables::new());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(km.lookup(Context::List, &k("j")), Some(&Action::Down));
        assert_eq!(km.lookup(Context::List, &k("q")), Some(&Action::Quit));
        assert_eq!(
            km.lookup(Context::Search, &k("ctrl-w")),
            Some(&Action::DeleteWord)
        );
        assert_eq!(
            km.lookup(Context::Help, &k("b")),
            None,
            "overlays don't fall back"
        );
    }

    #[test]
    fn user_bindings_replace_defaults_and_bad_ones_are_named() {
        let d = crate::config::default_key_tables();
        let user: KeyTables = toml::from_str(
            r#"
            [list]
            down = ["n", "down"]
            up = "hyper-k"
            [nowhere]
            quit = ["x"]
            [global]
            frobnicate = ["z"]
            "#,
        )
        .unwrap();
        let (km, problems) = Keymap::build(&d, &user);
        assert_eq!(km.lookup(Context::List, &k("n")), Some(&Action::Down));
        assert_eq!(km.lookup(Context::List, &k("j")), None, "replaced");
        assert_eq!(
            km.lookup(Context::List, &k("k")),
            Some(&Action::Up),
            "bad binding keeps the default"
        );
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("keys.list.down") && p.contains("edit_note"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("keys.list.up") && p.contains("hyper-k"))
        );
        assert!(problems.iter().any(|p| p.contains("keys.nowhere")));
        assert!(problems.iter().any(|p| p.contains("frobnicate")));
    }

    #[test]
    fn a_key_map_without_a_way_to_quit_is_refused() {
        let d = crate::config::default_key_tables();
        let user: KeyTables = toml::from_str("[global]\nquit = []\n").unwrap();
        let (km, problems) = Keymap::build(&d, &user);
        assert!(
            problems
                .iter()
                .any(|p| p.contains("keys.global.quit") && p.contains("no key would quit")),
            "{problems:?}"
        );
        assert_eq!(km.lookup(Context::List, &k("q")), Some(&Action::Quit));
        // Moved to another key is fine.
        let user: KeyTables = toml::from_str("[global]\nquit = [\"Q\"]\n").unwrap();
        let (km, problems) = Keymap::build(&d, &user);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(km.lookup(Context::List, &k("Q")), Some(&Action::Quit));
        assert_eq!(km.lookup(Context::List, &k("q")), None);
    }

    #[test]
    fn a_pane_binding_that_hides_a_global_one_is_reported() {
        let d = crate::config::default_key_tables();
        // The README's own example once took `n` (note) away in the list without a word.
        let user: KeyTables = toml::from_str("[list]\ndown = [\"j\", \"down\", \"n\"]\n").unwrap();
        let (km, problems) = Keymap::build(&d, &user);
        assert_eq!(km.lookup(Context::List, &k("n")), Some(&Action::Down));
        assert_eq!(problems.len(), 1, "{problems:?}");
        let p = &problems[0];
        for part in ["keys.list.down", " n ", "edit_note", "down", "list context"] {
            assert!(p.contains(part), "{part:?} in {p}");
        }
        // The same through a global binding onto a pane's key.
        let user: KeyTables = toml::from_str("[global]\nedit_note = [\"j\"]\n").unwrap();
        let (_, problems) = Keymap::build(&d, &user);
        assert!(
            problems
                .iter()
                .any(|p| p.contains("keys.list.down") && p.contains("edit_note")),
            "{problems:?}"
        );
        // Typing in the search bar hides nothing.
        let user: KeyTables = toml::from_str("[global]\nedit_note = [\"N\"]\n").unwrap();
        assert!(Keymap::build(&d, &user).1.is_empty());
    }

    #[test]
    fn conflicting_bindings_are_reported() {
        let d = crate::config::default_key_tables();
        let user: KeyTables = toml::from_str("[list]\ntop = [\"j\"]\n").unwrap();
        let (km, problems) = Keymap::build(&d, &user);
        assert!(
            problems.iter().any(|p| p.contains("already bound")),
            "{problems:?}"
        );
        assert_eq!(km.lookup(Context::List, &k("j")), Some(&Action::Down));
    }
}
