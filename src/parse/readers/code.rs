//! Postings kept as data inside source code: a script's `var data = [{…}]`, a test's fixture
//! (`return {"name": "Python-разработчик", …}` in Python), a database shell's
//! `db.jobs.insert([{ _id: ObjectId("…"), title: … }])`. Each literal of objects is rewritten
//! as JSON — single-quoted strings, unquoted keys, trailing commas, Python's `None` / `True`,
//! a shell's `ObjectId("…")` — and read as the JSON reader reads a file.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::super::vocab::{norm_label, vocab};

/// The extensions of source files whose literals may hold postings.
const CODE_EXTENSIONS: [&str; 42] = [
    "js", "mjs", "cjs", "ts", "mts", "cts", "jsx", "py", "rb", "java", "kt", "kts", "cs", "go",
    "swift", "scala", "dart", "rs", "php", "r", "jl", "lua", "pl", "pm", "ex", "exs", "ml", "mli",
    "hs", "clj", "cljs", "erl", "sh", "bash", "groovy", "c", "cc", "cpp", "h", "hpp", "fs", "nim",
];

/// The most literals read from one file.
const MAX_LITERALS: usize = 200;

/// The most brackets tried as a literal's start: each try reads on to its closing bracket, so a
/// file of code is given up on rather than read again and again.
const MAX_ATTEMPTS: usize = 2_000;

/// Whether a file's name says it is a component whose markup is a page (JSX, TSX, a Vue or
/// Svelte file).
pub fn is_component_file(source: &str) -> bool {
    has_extension(source, &["jsx", "tsx", "vue", "svelte"])
}

/// Whether a file is a component whose markup is a page: by its name (JSX, TSX, Vue, Svelte),
/// or a script whose code returns markup (React's components are as often kept in `.js` and
/// `.ts` files: `return (\n  <section className="…">`).
pub fn is_component(source: &str, text: &str) -> bool {
    static RETURNS_MARKUP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\breturn\s*\(\s*<[A-Za-z]").expect("valid regex"));
    is_component_file(source)
        || (has_extension(source, &["js", "mjs", "ts"])
            && (text.contains("className=") || RETURNS_MARKUP.is_match(text)))
}

/// Whether a file's name says it is source code.
pub fn is_code_file(source: &str) -> bool {
    has_extension(source, &CODE_EXTENSIONS)
}

/// Whether a file's name (not a bare ".ext") ends with one of `extensions`, in any case.
fn has_extension(source: &str, extensions: &[&str]) -> bool {
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && extensions.contains(&ext.to_lowercase().as_str())
    })
}

/// The literals of objects in a source file (outermost only, in order), each as JSON.
pub fn data_literals(text: &str) -> Vec<Value> {
    // PHP's strings run over lines; its arrays are `array('key' => 'value')`.
    let multiline = text.trim_start().starts_with("<?php");
    let mut found = seeded_tables(text);
    found.extend(literals_in(text, multiline));
    if found.iter().any(holds_posting) {
        return found;
    }
    // Data kept in comments (an API's response pasted under `#` or `//` or in `/* … */` beside
    // the code that fetched it), when the code's own literals hold no posting (a request's
    // options): the comments' text, their markers taken off. Code put out of use in a comment
    // beside code that holds postings is not read.
    let commented = literals_in(&commented_out(text), multiline);
    if found.is_empty() || commented.iter().any(holds_posting) {
        found.extend(commented);
    }
    found
}

/// The most tables read from a file's seeding calls.
const MAX_SEEDED_TABLES: usize = 50;

/// Rows a migration seeds, its columns named once and its rows positional (Entity Framework's
/// `migrationBuilder.InsertData(table: "Vacancies", columns: new[] { "Id", "Name", … }, values:
/// new object[,] { { 1, "Go Developer", … }, … })`): each table's rows as objects, a row's key
/// to another table's row (`CompanyId`) naming what that row names, as a dump's do.
fn seeded_tables(text: &str) -> Vec<Value> {
    static CALL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"table:\s*"(?P<table>[^"\n]{1,80})"\s*,\s*columns:\s*new\s*(?:string\s*)?\[\]\s*\{(?P<cols>[^{}]{1,4000})\}\s*,\s*values:\s*new\s+object\s*\[\s*(?P<grid>,?)\s*\]\s*"#,
        )
        .expect("valid regex")
    });
    if !text.contains("columns:") {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut tables = Vec::new();
    for c in CALL.captures_iter(text).take(MAX_SEEDED_TABLES) {
        let Ok(Value::Array(cols)) = serde_json::from_str::<Value>(&format!("[{}]", &c["cols"]))
        else {
            continue;
        };
        let cols: Vec<String> = cols
            .iter()
            .filter_map(|c| c.as_str().map(str::to_string))
            .collect();
        let after = c.get(0).map_or(text.len(), |m| m.end());
        let chars: Vec<char> = text[after..].chars().take(MAX_SEEDED_CHARS).collect();
        if chars.first() != Some(&'{') {
            continue;
        }
        let Some(end) = literal_end(&chars, 0, false) else {
            continue;
        };
        let body: String = chars[1..end].iter().collect();
        // A grid (`object[,]`) holds a row in each inner brace; a single row is the brace.
        let rows: Vec<String> = if c["grid"].is_empty() {
            vec![body]
        } else {
            let inner: Vec<char> = body.chars().collect();
            let mut rows = Vec::new();
            let mut i = 0;
            while i < inner.len() {
                if inner[i] == '{'
                    && let Some(close) = literal_end(&inner, i, false)
                {
                    rows.push(inner[i + 1..close].iter().collect());
                    i = close + 1;
                } else {
                    i += 1;
                }
            }
            rows
        };
        let objects: Vec<Value> = rows
            .iter()
            .filter_map(|r| {
                let json = to_json(&format!("[{r}]"), false)?;
                let Ok(Value::Array(values)) = serde_json::from_str::<Value>(&json) else {
                    return None;
                };
                (values.len() == cols.len())
                    .then(|| Value::Object(cols.iter().cloned().zip(values).collect()))
            })
            .collect();
        if !objects.is_empty() {
            names.push(c["table"].to_string());
            tables.push(Value::Array(objects));
        }
    }
    super::sql::join_names(&names, &mut tables);
    tables
}

/// The most characters of a file read as one seeding call's rows.
const MAX_SEEDED_CHARS: usize = 1_000_000;

/// Whether a value is (or holds) a record with the keys of a job posting.
pub fn holds_posting(v: &Value) -> bool {
    match v {
        Value::Object(o) => super::record::looks_like_posting(o) || o.values().any(holds_posting),
        Value::Array(a) => a.iter().any(holds_posting),
        _ => false,
    }
}

/// The text of a file's runs of comment lines (`#`, `//`; five lines at least), each line
/// without its marker and the space after it, and of its block comments (`/* … */`, each
/// line without a leading `*`).
fn commented_out(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find("/*") {
        let Some(len) = rest[open + 2..].find("*/") else {
            break;
        };
        for l in rest[open + 2..open + 2 + len].lines() {
            let t = l.trim_start();
            out.push_str(t.strip_prefix('*').unwrap_or(t));
            out.push('\n');
        }
        rest = &rest[open + 2 + len + 2..];
    }
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut String| {
        if run.len() >= 5 {
            for l in run.iter() {
                out.push_str(l);
                out.push('\n');
            }
        }
        run.clear();
    };
    for line in text.lines() {
        let t = line.trim_start();
        let body = t
            .strip_prefix("//")
            .or_else(|| t.strip_prefix('#').filter(|_| !t.starts_with("#!")));
        match body {
            Some(b) => run.push(b.strip_prefix(' ').unwrap_or(b)),
            None => flush(&mut run, &mut out),
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The literals of objects in a text (outermost only, in order), each as JSON.
/// The key marking a spread of another literal's fields (`...base`) in a literal read as JSON.
const SPREAD: &str = "...";

/// The literals of a text, a spread of another literal's fields (`{ ...commonJobDetails, title:
/// … }`) filled in from the literal the text declares under that name (`const commonJobDetails =
/// { about: … }`), the literal's own fields first.
fn literals_in(text: &str, multiline: bool) -> Vec<Value> {
    let found = named_literals_in(text, multiline);
    // Only the declared objects are copied; every literal is filled in where it stands.
    let named: std::collections::HashMap<String, serde_json::Map<String, Value>> = found
        .iter()
        .filter_map(|(n, v)| Some((n.clone()?, v.as_object()?.clone())))
        .collect();
    found
        .into_iter()
        .map(|(name, mut v)| {
            fill_spreads(&mut v, &named, 0);
            // An object declared under a name that lists jobs (`$recrutement = array("runners"
            // => array("title" => "Runners", …), …)`): the jobs under that name, as a record's
            // key would list them.
            match name {
                Some(n)
                    if v.is_object()
                        && vocab()
                            .job_list_keys
                            .contains(&norm_label(n.trim_start_matches('$'))) =>
                {
                    let mut o = serde_json::Map::new();
                    o.insert(n, v);
                    Value::Object(o)
                }
                _ => v,
            }
        })
        .collect()
}

/// Each spread marker in `v` replaced by the fields of the literal it names (those the object
/// does not give itself); a spread of a name the text does not declare gives nothing.
fn fill_spreads(
    v: &mut Value,
    named: &std::collections::HashMap<String, serde_json::Map<String, Value>>,
    depth: usize,
) {
    if depth > MAX_NESTING {
        return;
    }
    match v {
        Value::Object(o) => {
            let spreads: Vec<String> = o
                .keys()
                .filter_map(|k| k.strip_prefix(SPREAD).map(str::to_string))
                .collect();
            o.retain(|k, _| !k.starts_with(SPREAD));
            for x in o.values_mut() {
                fill_spreads(x, named, depth + 1);
            }
            for base in spreads.iter().filter_map(|n| named.get(n)) {
                for (bk, bx) in base {
                    if !bk.starts_with(SPREAD) && !o.contains_key(bk) {
                        o.insert(bk.clone(), bx.clone());
                    }
                }
            }
        }
        Value::Array(a) => {
            for x in a {
                fill_spreads(x, named, depth + 1);
            }
        }
        _ => {}
    }
}

/// The name a literal starting at `i` is declared under: `const base = {`, `let jobs: Job[] =
/// [`, Python's `base = {` at a line's start.
fn declared_name(chars: &[char], i: usize) -> Option<String> {
    static DECLARED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^\s*|\b(?:const|let|var|return)\s+)(?P<n>[A-Za-z_$][\w$]*)\s*(?::[^=\n]{1,80})?=\s*(?:\((?i:object|array)\)\s*)?$",
        )
        .expect("valid regex")
    });
    // Within the line's last 200 characters: a long line of code (a minified script) declares
    // nothing this reads, and is not scanned back over for each of its literals.
    let lo = i.saturating_sub(200);
    let from = match chars[lo..i].iter().rposition(|&c| c == '\n') {
        Some(p) => lo + p + 1,
        None if lo == 0 => 0,
        None => return None,
    };
    let line: String = chars[from..i].iter().collect();
    DECLARED.captures(&line).map(|c| c["n"].to_string())
}

fn named_literals_in(text: &str, multiline: bool) -> Vec<(Option<String>, Value)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut attempts = 0;
    let mut unclosed = false;
    while i < chars.len() && out.len() < MAX_LITERALS {
        match chars[i] {
            '"' | '\'' | '`' => {
                let end = skip_string(&chars, i, multiline);
                // JSON kept in a string ("json.loads('[{\"positionName\": …}]')").
                if end - i >= MIN_JSON_STRING && attempts < MAX_ATTEMPTS {
                    let body: String = chars[i + 1..end.saturating_sub(1).max(i + 1)]
                        .iter()
                        .collect();
                    if body.trim_start().starts_with(['[', '{']) {
                        attempts += 1;
                        // Strict JSON, or a lenient one (a C# verbatim string of
                        // single-quoted JSON that Json.NET reads: `@"{ 'hits': [ … ] }"`).
                        let v = serde_json::from_str::<Value>(&body).ok().or_else(|| {
                            to_json(&body, false)
                                .and_then(|j| serde_json::from_str::<Value>(&j).ok())
                        });
                        if let Some(v) = v
                            && holds_object(&v)
                        {
                            out.push((None, v));
                        }
                    }
                }
                i = end;
            }
            // A Python or shell comment ("# …", "#!…").
            '#' if matches!(chars.get(i + 1), Some(' ' | '!')) => i = skip_line(&chars, i),
            '/' if chars.get(i + 1) == Some(&'/') => i = skip_line(&chars, i),
            // A block comment: code put out of use ("/* $jobs[] = array(…); */") or notes.
            '/' if chars.get(i + 1) == Some(&'*') && !unclosed => {
                match block_comment_end(&chars, i) {
                    Some(end) => i = end,
                    // No comment closes after this one: none is looked for again.
                    None => {
                        unclosed = true;
                        i += 2;
                    }
                }
            }
            // A literal read from its bracket: an object or a list, a PHP `array(…)`, or records
            // built by calls with named arguments (Kotlin's `listOf(JobsData(title = "…", …),
            // …)`, Python's `Job(title="…", …)`) read from the call's name.
            _ if attempts < MAX_ATTEMPTS
                && let Some((open, retry)) = literal_start(&chars, i, multiline) =>
            {
                attempts += 1;
                let Some(end) = literal_end(&chars, open, multiline) else {
                    i += 1;
                    continue;
                };
                let source: String = chars[i..=end].iter().collect();
                match to_json(&source, multiline)
                    .and_then(|j| serde_json::from_str::<Value>(&j).ok())
                {
                    Some(v) if holds_object(&v) => {
                        out.push((declared_name(&chars, i), v));
                        i = end + 1;
                    }
                    // Not data (a block of code): look inside it.
                    _ => i = retry,
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// Where a literal starting at `i` opens its bracket, and where to look on when it holds no
/// data: an object or a list (`{`, `[`), a PHP `array(` (with `multiline`), or a call building
/// records (inside its bracket).
fn literal_start(chars: &[char], i: usize, multiline: bool) -> Option<(usize, usize)> {
    match chars[i] {
        '{' | '[' => Some((i, i + 1)),
        c if c.is_alphabetic() => record_call_at(chars, i)
            .map(|open| (open, open + 1))
            .or_else(|| {
                (multiline && php_array_at(chars, i)).then_some((i + "array".len(), i + 1))
            }),
        _ => None,
    }
}

/// The shortest string literal read as JSON data.
const MIN_JSON_STRING: usize = 200;

/// Whether a value is (or lists) an object with a few keys: a record, not a list of numbers.
/// The shortest text a string literal must hold to be read as a posting's text.
const MIN_TEXT_LITERAL: usize = 300;

/// The blocks of text a source file holds in string literals — Python triple-quoted strings,
/// JavaScript template literals (a pasted e-mail in a script, a careers page's Markdown in a
/// component, a test's example postings) — each long and spanning lines, when together they are
/// most of the file (the file is those texts' container, not a program with a text in it): the
/// texts, as written, in order.
pub fn text_literals(text: &str) -> Vec<Cow<'_, str>> {
    let mut found: Vec<Cow<'_, str>> = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    // Each opening quote is looked for from where the last literal ended: bounded by the text.
    while let Some((start, quote)) = ["\"\"\"", "'''", "`"]
        .iter()
        .filter_map(|q| rest.find(q).map(|i| (offset + i, *q)))
        .min()
    {
        let body_from = start + quote.len();
        // A file cut inside its last text (a page's HTML in a Java text block, copied up to
        // where the posting ends) holds the text to its end.
        let (len, closed) = match closing(&text[body_from..], quote) {
            Some(len) => (len, true),
            None if quote != "`" => (text.len() - body_from, false),
            None => break,
        };
        let body = &text[body_from..body_from + len];
        if body.len() >= MIN_TEXT_LITERAL && body.lines().count() >= 5 {
            found.push(if quote == "\"\"\"" {
                java_text_block(body)
            } else {
                Cow::Borrowed(body)
            });
        }
        if !closed {
            break;
        }
        offset = body_from + len + quote.len();
        rest = &text[offset..];
    }
    if found.is_empty() {
        found = quoted_line_texts(text);
    }
    let held: usize = found.iter().map(|b| b.len()).sum();
    if held * 2 >= text.len() {
        found
    } else {
        Vec::new()
    }
}

/// The shortest one-line string read as a posting's text (a longer bar than a text block's:
/// one line of code holds many strings that are no text).
const MIN_QUOTED_LINE: usize = 400;

/// Texts kept whole in an ordinary double-quoted string on one line, their line breaks and
/// quotes escaped (R's `text <- "Acme | Engineer<p>We build…"`, a test's `body = "…\n…"`):
/// each long one, its escapes read as JSON reads them.
fn quoted_line_texts(text: &str) -> Vec<Cow<'_, str>> {
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(open) = line.find('"') else { continue };
        let body = &line[open + 1..];
        // The closing quote: the last one on the line not escaped.
        let Some(close) = body
            .char_indices()
            .rev()
            .find(|&(i, c)| c == '"' && !body[..i].ends_with('\\'))
            .map(|(i, _)| i)
        else {
            continue;
        };
        if close < MIN_QUOTED_LINE {
            continue;
        }
        if let Ok(s) = serde_json::from_str::<String>(&line[open..=open + 1 + close])
            && (s.contains('\n') || super::super::html_text::breaks_lines_with_markup(&s))
        {
            out.push(Cow::Owned(s));
        }
    }
    out
}

/// A Java text block's escapes that stand for spacing: `\s` a space, a backslash at a line's
/// end joins the next line.
fn java_text_block(body: &str) -> Cow<'_, str> {
    if !body.contains("\\s") && !body.contains("\\\n") {
        return Cow::Borrowed(body);
    }
    Cow::Owned(body.replace("\\s", " ").replace("\\\n", ""))
}

fn closing(body: &str, quote: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = body[from..].find(quote) {
        let at = from + i;
        let escaped = body[..at].chars().rev().take_while(|&c| c == '\\').count() % 2 == 1;
        if !escaped {
            return Some(at);
        }
        from = at + quote.len();
    }
    None
}

fn holds_object(v: &Value) -> bool {
    match v {
        Value::Object(o) => o.len() >= 2 && !declares_types(o),
        Value::Array(a) => a.iter().any(holds_object),
        _ => false,
    }
}

/// Whether an object is a type's declaration, not data: every value names a type (an OCaml
/// record type `{ title : string; company : string }`, a TypeScript interface, a schema's
/// `{"title": "string"}`).
fn declares_types(o: &serde_json::Map<String, Value>) -> bool {
    o.values()
        .all(|v| v.as_str().is_some_and(super::is_type_name))
}

/// The index just past a string starting at `i` (its quote), escapes skipped. A string ends at
/// its line's end unless it is a template literal or `multiline` says the language's strings
/// span lines (PHP's, Ruby's).
fn skip_string(chars: &[char], i: usize, multiline: bool) -> usize {
    let q = chars[i];
    // A triple-quoted string (Python's, Kotlin's, Scala's `"""…"""`) runs over lines to its
    // three closing quotes.
    if is_triple(chars, i) {
        let mut j = i + 3;
        while j + 2 < chars.len() {
            match chars[j] {
                '\\' => j += 2,
                c if c == q && chars[j + 1] == q && chars[j + 2] == q => return j + 3,
                _ => j += 1,
            }
        }
        return chars.len();
    }
    let mut j = i + 1;
    while j < chars.len() {
        match chars[j] {
            '\\' => j += 2,
            c if c == q => return j + 1,
            '\n' if q != '`' && !multiline => return j + 1,
            _ => j += 1,
        }
    }
    chars.len()
}

/// Whether three quotes of a kind (`"""`, `\'\'\'`) open a string at `i`.
fn is_triple(chars: &[char], i: usize) -> bool {
    let q = chars[i];
    q != '`' && chars.get(i + 1) == Some(&q) && chars.get(i + 2) == Some(&q)
}

/// The index after the `*/` closing the block comment that opens at `i`.
fn block_comment_end(chars: &[char], i: usize) -> Option<usize> {
    (i + 2..chars.len().saturating_sub(1))
        .find(|&j| chars[j] == '*' && chars[j + 1] == '/')
        .map(|j| j + 2)
}

/// The index after a comment inside a literal (`// …` or `# …` to the line's end, `/* … */`)
/// that starts at `i`; None when none starts there. A block comment that never closes runs to
/// the text's end (looked for again at each opener, a hostile text of them would take
/// quadratic time; the literal is no data anyway).
fn comment_end(chars: &[char], i: usize) -> Option<usize> {
    match (chars[i], chars.get(i + 1)) {
        ('/', Some('/')) | ('#', Some(' ')) => Some(skip_line(chars, i)),
        ('/', Some('*')) => Some(block_comment_end(chars, i).unwrap_or(chars.len())),
        _ => None,
    }
}

fn skip_line(chars: &[char], i: usize) -> usize {
    chars[i..]
        .iter()
        .position(|&c| c == '\n')
        .map_or(chars.len(), |p| i + p + 1)
}

/// The index of the bracket closing the one at `start`, strings skipped; None when the brackets
/// do not balance.
fn literal_end(chars: &[char], start: usize, multiline: bool) -> Option<usize> {
    let mut stack = Vec::new();
    let mut i = start;
    while i < chars.len() {
        match chars[i] {
            '"' | '\'' | '`' => {
                i = skip_string(chars, i, multiline);
                continue;
            }
            '/' | '#' if let Some(end) = comment_end(chars, i) => {
                i = end;
                continue;
            }
            // Deeper than data nests: code, or a hostile file (each level read again from its
            // own bracket would make the reading quadratic).
            '{' | '[' | '(' if stack.len() >= MAX_BRACKETS => return None,
            c @ ('{' | '[' | '(') => stack.push(c),
            c @ ('}' | ']' | ')') => {
                let open = stack.pop()?;
                if !matches!((open, c), ('{', '}') | ('[', ']') | ('(', ')')) {
                    return None;
                }
                if stack.is_empty() {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// A JavaScript, Python, PHP or Ruby literal as JSON; None when it holds code (a call, an
/// operator).
fn to_json(src: &str, multiline: bool) -> Option<String> {
    to_json_within(src, multiline, 0)
}

/// How deep brackets nest in a literal read as data.
const MAX_BRACKETS: usize = 64;

/// How deep wrappers and PHP arrays are read inside each other: data nests a few levels, a
/// hostile file thousands (each level is a call).
const MAX_NESTING: usize = 32;

/// [`to_json`] of a literal `depth` levels inside others.
fn to_json_within(src: &str, multiline: bool, depth: usize) -> Option<String> {
    if depth > MAX_NESTING {
        return None;
    }
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    // Strings, and variables standing as values (`companyLogo: origoEnergiaLogo`, an imported
    // image): a literal of data may name a few variables, code names more. A constant's member
    // (`logo: ATTENDEE_LOGOS.visma`, an entry of a table of assets) is data's reference, not
    // code's.
    let (mut strings, mut variables) = (0usize, 0usize);
    // Where the output's last string ended: a string right after it, only spaces between, is
    // its continuation (Python's and C's `"…" "…"` are one string).
    let mut string_end: Option<usize> = None;
    while i < chars.len() {
        let c = chars[i];
        match c {
            // A string; a template literal (a description kept as written, over many lines)
            // keeps its lines.
            '"' | '\'' | '`' => {
                let end = skip_string(&chars, i, multiline);
                strings += 1;
                let mut piece = String::new();
                if is_triple(&chars, i) && end >= i + 6 {
                    // Kept as written, over its lines, as a template literal is.
                    push_json_string(&mut piece, &chars, i + 3, end - 3, '`');
                } else {
                    push_json_string(&mut piece, &chars, i + 1, end.saturating_sub(1), c);
                }
                match string_end {
                    Some(at) if out.len() >= at && out[at..].trim().is_empty() => {
                        out.truncate(at - 1);
                        out.push_str(&piece[1..]);
                    }
                    _ => out.push_str(&piece),
                }
                string_end = Some(out.len());
                i = end;
                // A method called on the string (Kotlin's `"""…""".trimIndent()`, `.strip()`):
                // the string stands for its value.
                while let Some(after) = empty_call_at(&chars, i) {
                    i = after;
                }
            }
            // A comment beside a value (`"id": "22619", //pakollinen`).
            '/' | '#' if let Some(end) = comment_end(&chars, i) => i = end,
            // PHP's cast of a value (`(object) array(…)`): the value.
            '(' if let Some(after) = php_cast_at(&chars, i) => i = after,
            // PHP's and Ruby's `=>` between a key and its value.
            '=' if chars.get(i + 1) == Some(&'>') => {
                out.push(':');
                i += 2;
            }
            // PHP's short array of keys (`['key' => 'value']`) is an object.
            '[' if multiline => {
                let close = literal_end(&chars, i, multiline)?;
                let inner: String = chars[i + 1..close].iter().collect();
                out.push_str(&php_array(&inner, multiline, depth + 1)?);
                i = close + 1;
            }
            // A spread of shared fields (`...base,`, Python's `**base,`): the fields named
            // elsewhere, none of this literal's own.
            '.' | '*'
                if chars.get(i + 1) == Some(&c) && (c == '*' || chars.get(i + 2) == Some(&'.')) =>
            {
                let mut j = i + if c == '.' { 3 } else { 2 };
                while j < chars.len()
                    && (chars[j].is_alphanumeric() || matches!(chars[j], '_' | '$' | '.'))
                {
                    j += 1;
                }
                let name: String = chars[i + if c == '.' { 3 } else { 2 }..j].iter().collect();
                // Marked by the name it spreads, for the file's literal of that name to fill
                // in ([`fill_spreads`]).
                let marker = (!name.is_empty()).then(|| format!("\"{SPREAD}{name}\":null"));
                let rest = chars[j..].iter().position(|c| !c.is_whitespace());
                match rest.map(|k| chars[j + k]) {
                    Some(',') => {
                        if let Some(m) = &marker {
                            out.push_str(m);
                            out.push(',');
                        }
                        i = j + rest.unwrap_or(0) + 1;
                    }
                    Some('}') => {
                        match &marker {
                            Some(m) => out.push_str(m),
                            None => {
                                // The comma before a spread that closes the literal goes too.
                                let kept = out.trim_end().trim_end_matches(',').len();
                                out.truncate(kept);
                            }
                        }
                        i = j;
                    }
                    _ => return None,
                }
            }
            ',' => {
                // A trailing comma before a closing bracket goes.
                let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
                if !matches!(next, Some('}' | ']')) {
                    out.push(',');
                }
                i += 1;
            }
            // An exponent ("1e5") is part of its number.
            c if (c == 'e' || c == 'E') && i > 0 && chars[i - 1].is_ascii_digit() => {
                out.push(c);
                i += 1;
            }
            c if c.is_alphabetic() || c == '_' || c == '$' => {
                let start = i;
                while i < chars.len()
                    && (chars[i].is_alphanumeric() || matches!(chars[i], '_' | '$' | '.'))
                {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let next = chars[i..].iter().find(|c| !c.is_whitespace());
                if word == "as"
                    && out
                        .trim_end()
                        .ends_with(|c| !matches!(c, ':' | ',' | '[' | '{'))
                {
                    // A TypeScript cast after a value (`img: null as string | null`): the
                    // type is no data.
                    while i < chars.len() && !matches!(chars[i], ',' | '}' | ']' | '\n') {
                        i += 1;
                    }
                    continue;
                }
                if word == "new" && next.is_some_and(|c| c.is_alphabetic()) {
                    // A constructor's call (`new Date(Date.parse("2022-10-01"))`): the call
                    // that follows stands for the value.
                    continue;
                }
                if next == Some(&':') {
                    // An unquoted key.
                    out.push('"');
                    out.push_str(&word);
                    out.push('"');
                } else if let Some(after) = named_argument_at(&chars, i) {
                    // A named argument (Kotlin's and Python's `title = "…"`): a key.
                    out.push('"');
                    out.push_str(&word);
                    out.push_str("\":");
                    i = after;
                } else if next == Some(&'(') {
                    let open = i + chars[i..].iter().position(|&c| c == '(')?;
                    let close = literal_end(&chars, open, multiline)?;
                    let inner: String = chars[open + 1..close].iter().collect();
                    if word.eq_ignore_ascii_case("array") {
                        // PHP's `array('key' => 'value', …)` is an object, `array('a', 'b')` a
                        // list.
                        out.push_str(&php_array(&inner, multiline, depth + 1)?);
                    } else if named_arguments(&inner) {
                        // A constructor called with named arguments (`JobsData(title = "…",
                        // companyName = "…")`): an object of them.
                        let body = to_json_within(inner.trim(), multiline, depth + 1)?;
                        out.push('{');
                        out.push_str(body.trim_end().trim_end_matches(','));
                        out.push('}');
                    } else if has_top_level_comma(&inner, multiline) {
                        // A list built by a call (`listOf(…)`, `arrayOf(…)`): a list.
                        let body = to_json_within(inner.trim(), multiline, depth + 1)?;
                        out.push('[');
                        out.push_str(body.trim_end().trim_end_matches(','));
                        out.push(']');
                    } else if inner.trim().is_empty() {
                        // A value a call makes when the code runs (`DateTime.now()`,
                        // `uuid()`): none the data states.
                        out.push_str("null");
                    } else {
                        // A wrapper around one value (`ObjectId("…")`, `ISODate("…")`,
                        // `localize('…',)`): the value.
                        let value = inner.trim().trim_end_matches(',');
                        out.push_str(&to_json_within(value, multiline, depth + 1)?);
                    }
                    i = close + 1;
                    // A method called on what the call built (`new Date('2020-05-12')
                    // .toString()`): the call stands for the value.
                    while let Some(after) = empty_call_at(&chars, i) {
                        i = after;
                    }
                } else if word.contains('.')
                    && (out.trim_end().is_empty() || out.trim_end().ends_with(['[', ',']))
                    && matches!(next, None | Some(',' | ']'))
                {
                    // A constant's member in a list (`type: [job_types.full_time]`, an enum's
                    // `JobType.FULL_TIME`): data's reference, named as the value it stands for.
                    let member = word.rsplit('.').next().unwrap_or_default();
                    out.push_str(&Value::from(member).to_string());
                } else {
                    let after_key = out.trim_end().ends_with(':');
                    out.push_str(match word.as_str() {
                        "None" | "null" | "undefined" | "nil" | "NaN" => "null",
                        "True" | "true" => "true",
                        "False" | "false" => "false",
                        // A variable as a key's value: its value is not here.
                        _ if after_key && matches!(next, Some(',' | '}')) => {
                            if !word.contains('.') {
                                variables += 1;
                            }
                            "null"
                        }
                        _ => return None,
                    });
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    (variables * 8 <= strings).then_some(out)
}

/// The characters `from..to` of a string literal quoted with `quote`, as a JSON string: the
/// language's escapes that JSON lacks (`\'`; a template literal's `` \` `` and `\$`) written as
/// their character. A template literal keeps its lines; another string's line breaks and tabs
/// (PHP's run over lines) are spaces.
fn push_json_string(out: &mut String, chars: &[char], from: usize, to: usize, quote: char) {
    let template = quote == '`';
    out.push('"');
    let mut j = from;
    while j < to {
        match chars[j] {
            '\\' => {
                match chars.get(j + 1) {
                    Some(&n) if n == '\'' || (template && matches!(n, '`' | '$')) => out.push(n),
                    // Python's and JavaScript's `\xa0`: the character, as a JSON escape.
                    Some('x')
                        if chars
                            .get(j + 2..j + 4)
                            .is_some_and(|h| h.iter().all(char::is_ascii_hexdigit)) =>
                    {
                        out.push_str("\\u00");
                        out.extend(&chars[j + 2..j + 4]);
                        j += 4;
                        continue;
                    }
                    Some(&n) => {
                        out.push('\\');
                        out.push(n);
                    }
                    None if !template => out.push('\\'),
                    None => {}
                }
                j += 2;
                continue;
            }
            // Inside a double-quoted literal a bare `"` ends it: only the other quotes hold one.
            '"' => out.push_str("\\\""),
            '\n' if template => out.push_str("\\n"),
            '\t' if template => out.push_str("\\t"),
            '\r' if template => {}
            '\n' | '\r' | '\t' => out.push(' '),
            other if template && other.is_control() => out.push(' '),
            other => out.push(other),
        }
        j += 1;
    }
    out.push('"');
}

/// The index after a method called with no argument that starts at `i` (`.trimIndent()`,
/// spaces before it allowed), if one does.
fn empty_call_at(chars: &[char], i: usize) -> Option<usize> {
    let mut j = i;
    while chars.get(j).is_some_and(|c| *c == ' ') {
        j += 1;
    }
    if chars.get(j) != Some(&'.') {
        return None;
    }
    j += 1;
    let name = j;
    while chars
        .get(j)
        .is_some_and(|c| c.is_alphanumeric() || *c == '_')
    {
        j += 1;
    }
    (j > name && chars.get(j) == Some(&'(') && chars.get(j + 1) == Some(&')')).then_some(j + 2)
}

/// The index after the `=` of a named argument whose name ends right before `i` (`title =
/// "…"`, not `==` nor `=>`), if one stands there.
fn named_argument_at(chars: &[char], i: usize) -> Option<usize> {
    let mut j = i;
    while chars.get(j).is_some_and(|c| c.is_whitespace()) {
        j += 1;
    }
    (chars.get(j) == Some(&'=') && !matches!(chars.get(j + 1), Some('=' | '>'))).then_some(j + 1)
}

/// Whether a call's arguments are named (`title = "…", …`): the first is a name and `=`.
fn named_arguments(inner: &str) -> bool {
    let chars: Vec<char> = inner.trim_start().chars().collect();
    let name = chars
        .iter()
        .take_while(|c| c.is_alphanumeric() || **c == '_')
        .count();
    name > 0 && chars[0].is_alphabetic() && named_argument_at(&chars, name).is_some()
}

/// Where a call that builds records opens, when one starts at `i`: a name, its bracket, and
/// named arguments in it or in the first call inside it (`listOf(JobsData(title = "…"`,
/// `Job(title="…"`). The call's opening bracket.
fn record_call_at(chars: &[char], i: usize) -> Option<usize> {
    if i > 0 && (chars[i - 1].is_alphanumeric() || matches!(chars[i - 1], '_' | '.' | '$')) {
        return None;
    }
    let word = |j: usize| {
        let mut k = j;
        while chars
            .get(k)
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '.'))
        {
            k += 1;
        }
        k
    };
    let spaces = |mut k: usize| {
        while chars.get(k).is_some_and(|c| c.is_whitespace()) {
            k += 1;
        }
        k
    };
    let end = word(i);
    let open = spaces(end);
    if end == i || chars.get(open) != Some(&'(') {
        return None;
    }
    let mut k = spaces(open + 1);
    for _ in 0..2 {
        let name_end = word(k);
        if name_end == k {
            return None;
        }
        if named_argument_at(chars, name_end).is_some() && !chars[k..name_end].contains(&'.') {
            return Some(open);
        }
        let inner_open = spaces(name_end);
        if chars.get(inner_open) != Some(&'(') {
            return None;
        }
        k = spaces(inner_open + 1);
    }
    None
}

/// Where the value after a PHP cast at `i` (`(object)`, `(array)`) starts.
fn php_cast_at(chars: &[char], i: usize) -> Option<usize> {
    ["(object)", "(array)"].iter().find_map(|cast| {
        let n = cast.chars().count();
        let here: String = chars.get(i..i + n)?.iter().collect();
        here.eq_ignore_ascii_case(cast).then_some(i + n)
    })
}

/// Whether a PHP `array(` starts at `i` (not the end of a longer name).
fn php_array_at(chars: &[char], i: usize) -> bool {
    chars[i..].starts_with(&['a', 'r', 'r', 'a', 'y', '('])
        && !chars[..i]
            .last()
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// A PHP array's body as JSON: an object when its entries have keys (`'key' => 'value'`), else
/// a list.
fn php_array(inner: &str, multiline: bool, depth: usize) -> Option<String> {
    let body = to_json_within(inner.trim(), multiline, depth)?;
    // A trailing comma before the bracket goes.
    let body = body.trim_end().trim_end_matches(',');
    Some(if has_top_level_arrow(inner, multiline) {
        format!("{{{body}}}")
    } else {
        format!("[{body}]")
    })
}

/// Whether `=>` stands in a text outside its strings and brackets.
fn has_top_level_arrow(text: &str, multiline: bool) -> bool {
    top_level_at(text, multiline, |chars, i| {
        chars[i] == '=' && chars.get(i + 1) == Some(&'>')
    })
}

/// Whether a comma stands in a text outside its strings and brackets.
fn has_top_level_comma(text: &str, multiline: bool) -> bool {
    // A trailing comma after a call's one argument (`localize('…',)`, as formatters write it)
    // separates nothing.
    top_level_at(text, multiline, |chars, i| {
        chars[i] == ',' && chars[i + 1..].iter().any(|c| !c.is_whitespace())
    })
}

/// Whether `found` holds at a character of a text outside its strings and brackets.
fn top_level_at(text: &str, multiline: bool, found: impl Fn(&[char], usize) -> bool) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '"' | '\'' | '`' => {
                i = skip_string(&chars, i, multiline);
                continue;
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 && found(&chars, i) => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spread_of_shared_fields_is_filled_in_from_the_literal_it_names() {
        let js = r#"const base = { source: "seed", ville: "Québec" };
            export const SEED = [
              { ...base, id: "robotiq", entreprise: "Robotiq", poste: "Spécialiste" },
              { id: "laserax", poste: "Chargé de projets", ...base },
            ];"#;
        let found = data_literals(js);
        let rows = found
            .iter()
            .filter_map(Value::as_array)
            .next()
            .expect("the seed's rows");
        assert_eq!(rows[0]["poste"], "Spécialiste");
        assert_eq!(rows[1]["id"], "laserax");
        // The spread's fields are the declared literal's, the literal's own first.
        assert_eq!(rows[0]["source"], "seed");
        assert_eq!(rows[1]["source"], "seed");
        let py = "base = {'company': 'AYRO', 'title': 'Driver'}\n\
            jobs = [{ **base, 'title': 'Dallas, TX - Driver' }, { **unknown, 'title': 'Plano' }]\n";
        let found = data_literals(py);
        assert_eq!(
            found[1],
            serde_json::json!([
                {"title": "Dallas, TX - Driver", "company": "AYRO"},
                {"title": "Plano"}
            ])
        );
        // Far along one long line (a minified script), a declaration names nothing.
        let js = format!(
            "{}var base = {{a: 'x', b: 'y'}}; var jobs = [{{...base, title: 'Engineer', company: 'Acme'}}];",
            ";".repeat(300)
        );
        let found = data_literals(&js);
        assert_eq!(
            found.last(),
            Some(&serde_json::json!([{"title": "Engineer", "company": "Acme"}]))
        );
    }

    #[test]
    fn a_migration_s_seeded_rows_are_records_joined_to_their_employer() {
        let cs = r#"
            migrationBuilder.InsertData(
                table: "Companies",
                columns: new[] { "Id", "Name", "Rating" },
                values: new object[,]
                {
                    { 578702, "ArtVolkov.ru", null },
                    { 723714, "ZennoLab", 4.5 }
                });
            migrationBuilder.InsertData(
                table: "Vacancies",
                columns: new[] { "Id", "Address", "CompanyId", "Name", "Salary" },
                values: new object[,]
                {
                    { 48457284, "Москва", 723714, "Chromium C++ Developer", 350000.0 },
                    { 49361125, "Москва", 999, "Go Developer", null }
                });
            migrationBuilder.InsertData(
                table: "Users",
                columns: new[] { "Id", "Login" },
                values: new object[] { 1, "admin" });
        "#;
        let found = data_literals(cs);
        let vacancies = found
            .iter()
            .filter_map(Value::as_array)
            .find(|rows| rows[0].get("Address").is_some())
            .expect("the vacancies' rows");
        assert_eq!(vacancies.len(), 2);
        assert_eq!(vacancies[0]["Name"], "Chromium C++ Developer");
        assert_eq!(vacancies[0]["company"], "ZennoLab");
        // A key no row of the other table has names nothing.
        assert!(vacancies[1].get("company").is_none());
        // A single row (`object[]`) is the brace itself.
        assert!(
            found
                .iter()
                .filter_map(Value::as_array)
                .any(|rows| rows.len() == 1 && rows[0]["Login"] == "admin")
        );
        // A call whose rows do not fill its columns gives no rows.
        let short =
            r#"table: "Jobs", columns: new[] { "Id", "Name" }, values: new object[,] { { 1 } }"#;
        assert!(seeded_tables(short).is_empty());
    }

    #[test]
    fn a_text_kept_whole_in_a_string() {
        let mail = "From: LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>\n".repeat(12);
        let py =
            format!("def f():\n    \"\"\"Doc.\"\"\"\n\ntext = \"\"\"\n{mail}\"\"\"\nprint(text)\n");
        assert_eq!(
            text_literals(&py)
                .iter()
                .map(|t| t.trim())
                .collect::<Vec<_>>(),
            [mail.trim()]
        );
        let js = format!(
            "const c = `\n# Engineer\n{}\n`;\nexport default c;\n",
            "We build.\n".repeat(40)
        );
        assert!(
            text_literals(&js)
                .first()
                .is_some_and(|t| t.contains("# Engineer"))
        );
        // A program with a text in it is read as a program: the text is not most of it.
        let big = format!(
            "{}\nconst t = `{}`;\n",
            "let x = 1;\n".repeat(200),
            "line\n".repeat(80)
        );
        assert!(text_literals(&big).is_empty());
        // An unclosed quote ends the search.
        assert!(text_literals("x = \"\"\"never closed").is_empty());
        // A file cut inside a Java text block: the text to the file's end, its `\s` spaces.
        let card = "<li><h3 class=\"title\">\\s Handläggare \\s</h3></li>\n".repeat(12);
        let java =
            format!("class S {{\n  Document get() {{\n    return Jsoup.parse(\"\"\"\n{card}");
        let found = text_literals(&java);
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("<h3 class=\"title\">  Handläggare  </h3>"));
        // A test's example postings, one string each: every one of them, in order.
        let one = "Engineer\nAcme\n".repeat(30);
        let two = "Designer\nBeta\n".repeat(30);
        let examples = format!("a = \"\"\"\n{one}\"\"\"\n\nb = '''\n{two}'''\n");
        let found = text_literals(&examples);
        assert_eq!(found.len(), 2);
        assert!(found[0].contains("Acme") && found[1].contains("Beta"));
    }

    #[test]
    fn records_built_by_calls_with_named_arguments() {
        // Kotlin: a list of constructor calls, a description in a triple-quoted string with a
        // method called on it.
        let kt = "object Jobs {\n    val list = listOf(\n        JobsData(\n            title = \"Mobile Developer\",\n            companyName = \"PT Kwadran\",\n            location = \"Jakarta\",\n            description = \"\"\"\n                1. Kotlin, \"MVVM\"\n                2. Git\n            \"\"\".trimIndent()\n        ),\n        JobsData(title = \"SQL Developer\", companyName = \"PT Kwadran\", location = \"Bandung\")\n    )\n}\n";
        let v = data_literals(kt);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0][1]["title"], "SQL Developer");
        assert_eq!(
            v[0][0]["description"].as_str().map(str::trim),
            Some("1. Kotlin, \"MVVM\"\n                2. Git")
        );
        let ps = crate::parse::parse_text(kt, "Jobs.kt").unwrap();
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[1].locations, ["Bandung"]);
        // Python keyword arguments; a call with positional arguments is no record.
        let py = "jobs = [Job(title=\"Data Engineer\", company=\"Acme\", location=\"Oslo\"), Job(title=\"Designer\", company=\"Acme\", location=\"Bergen\")]\nrequests.get(url, timeout=5)\n";
        let v = data_literals(py);
        assert_eq!(v[0][1]["location"], "Bergen");
        assert!(v.iter().all(|x| x.get("timeout").is_none()));
    }

    #[test]
    fn strings_side_by_side_are_one() {
        let py = "for i in [\n    {\"name\": \"Онколог\", \"area\": \"Москва\",\n     \"snippet\": {\"requirement\": \"Опыт работы \"\n         \"не менее 6 лет.\"}},\n    {\"name\": \"Инструктор\", \"area\": \"Кемерово\"},\n]:\n    pass\n";
        let v = data_literals(py);
        assert_eq!(
            v[0][0]["snippet"]["requirement"],
            "Опыт работы не менее 6 лет."
        );
        assert_eq!(v[0][1]["area"], "Кемерово");
    }

    #[test]
    fn a_type_s_declaration_is_no_data() {
        let ml = "type t =\n  { id : int\n  ; title : string\n  ; company : string\n  ; fullfilled : bool\n  }\n";
        assert!(data_literals(ml).is_empty());
        let ts = "interface Job { title: string; company: string; remote?: boolean }\n\
                  const jobs: Job[] = [{ title: 'Engineer', company: 'Acme' }];\n";
        assert_eq!(data_literals(ts).len(), 1);
    }

    #[test]
    fn a_post_kept_in_one_quoted_line_is_read_with_its_escapes() {
        let post = format!(
            "Acme | Senior Engineer | Remote<br>{}<br>We&#x27;re Hiring:<br>• Designer: <a href=\\\"https://x.example/1\\\">apply</a>",
            "We build anvils for the road runner. ".repeat(15)
        );
        let r = format!("text <- \"{post}\"\nstr_extract_all(text, \"x\")\n");
        let found = text_literals(&r);
        assert_eq!(found.len(), 1, "{r}");
        assert!(found[0].starts_with("Acme | Senior Engineer"));
        assert!(found[0].contains("<a href=\"https://x.example/1\">"));
        let p = crate::parse::parse_text(&r, "hn.R").unwrap();
        assert_eq!(p[0].company.as_deref(), Some("Acme"));
    }

    #[test]
    fn a_component_s_record_kept_in_a_comment_is_its_posting() {
        let vue = "<script setup>\nconst router = useRouter();\n/**\n  {\n  \"arbeitgeber\": \"Süd Personalmanagement GmbH\",\n  \"arbeitsort\": {\"ort\": \"Stuttgart\", \"plz\": \"70178\"},\n  \"titel\": \"Personaldisponent/in\"\n}\n */\n</script>\n<template><n-card>{{ job.titel }}</n-card></template>\n";
        let p = crate::parse::parse_text(vue, "JobCard.vue").unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].title.as_deref(), Some("Personaldisponent/in"));
        assert_eq!(p[0].company.as_deref(), Some("Süd Personalmanagement GmbH"));
        assert_eq!(p[0].locations, ["Stuttgart"]);
    }

    #[test]
    fn code_put_out_of_use_in_a_block_comment_is_no_posting() {
        // A role taken off the page by commenting its array out, between two live ones, and a
        // key misspelt by its author ('postion').
        let record = |title: &str| {
            format!(
                "$p[] = array(\n    'postion' => '{title}',\n    'salary' => '35,000 - 60,000',\n    'jobdesc' => '\n    <ul>\n{}    </ul>\n    ',\n);\n",
                "        <li>Build and look after the web applications and sites of the company</li>\n"
                    .repeat(4)
            )
        };
        let php = format!(
            "<?php\n$p = array();\n{}/*\n{}*/\n{}",
            record("PHP Developer"),
            record("Admin"),
            record("Designer")
        );
        let php = php.as_str();
        let p = crate::parse::parse_text(php, "careers.php").unwrap();
        let titles: Vec<_> = p.iter().map(|p| p.title.as_deref()).collect();
        assert_eq!(titles, [Some("PHP Developer"), Some("Designer")]);
        // An API's response pasted in a block comment under code whose only literal is a
        // request's options: the response's records.
        let js = "var requestOptions = {\n\tmethod: 'GET',\n\tredirect: 'follow'\n};\nfetch(url, requestOptions);\n/*\nExample response:\n{\n\t\"data\": [\n\t\t{\"title\": \"Murex Developer\", \"company_name\": \"ateeca\", \"location\": \"London\", \"job_types\": [\"contract\"]},\n\t\t{\"title\": \"Mulesoft Developer\", \"company_name\": \"ateeca\", \"location\": \"Leicester\"}\n\t]\n}\n*/\n";
        let p = crate::parse::parse_text(js, "search.js").unwrap();
        let titles: Vec<_> = p.iter().map(|p| p.title.as_deref()).collect();
        assert_eq!(
            titles,
            [Some("Murex Developer"), Some("Mulesoft Developer")]
        );
        assert_eq!(
            p[0].employment_type,
            Some(crate::posting::EmploymentType::Contract)
        );
    }

    #[test]
    fn translated_strings_and_enum_members_are_data() {
        let js = "import { localize } from 'components/localization'\n\nexport const positions = [\n    {\n        title: localize('Blockchain Developer'),\n        location: localize('Cyberjaya, Malaysia'),\n        type: [job_types.full_time],\n        description: [\n            localize(\n                'You will help run our crypto-cashier system.',\n            ),\n        ],\n    },\n    {\n        title: localize('Blockchain Developer'),\n        location: localize('Dubai'),\n        type: [job_types.full_time],\n    },\n]\n";
        let v = data_literals(js);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0][0]["title"], "Blockchain Developer");
        assert_eq!(v[0][0]["type"][0], "full_time");
        assert_eq!(
            v[0][0]["description"][0],
            "You will help run our crypto-cashier system."
        );
        let p = crate::parse::parse_text(js, "positions.js").unwrap();
        let places: Vec<_> = p.iter().map(|p| p.locations.join("; ")).collect();
        assert_eq!(places, ["Cyberjaya, Malaysia", "Dubai"]);
        assert_eq!(
            p[1].employment_type,
            Some(crate::posting::EmploymentType::FullTime)
        );
    }

    #[test]
    fn php_objects_cast_from_arrays_under_a_name_listing_jobs_are_the_jobs() {
        let php = "<?php \nreturn $recrutement = (object) array(\n    \"runners\" => (object) array(\n        \"title\" => \"Runners\",\n        \"subtitle\" => \"Une table à dresser ?\",\n        \"list\" => (object) array(\"01\" => \"Mise en place\", \"02\" => \"Service\"),\n    ),\n    \"pizzaiolos\" => (object) array(\n        \"title\" => \"Pizzaïolos\",\n        \"subtitle\" => \"Faites valser les pâtes !\",\n    ),\n);\n";
        let titles: Vec<_> = crate::parse::parse_text(php, "recrutement.php")
            .unwrap()
            .into_iter()
            .map(|p| p.title.unwrap_or_default())
            .collect();
        assert_eq!(titles, ["Runners", "Pizzaïolos"]);
    }

    #[test]
    fn a_value_made_when_the_code_runs_is_none_and_a_description_s_parts_are_sections() {
        let dart = "List<Map<String, dynamic>> vacancies = [\n  {\n    \"id\": 1,\n    \"city\": \"Praha\",\n    \"description\": {\n      \"info\": \"Budete vyvíjet nová řešení v oblasti data managementu.\",\n      \"tech\": [\".NET, WinAPI, C#\", \"Microsoft SQL Server\"]\n    },\n    \"name\": \"C# Developer\",\n    \"updatedAt\": DateTime.now()\n  },\n  {\n    \"id\": 2,\n    \"city\": \"Bratislava\",\n    \"description\": {\"info\": \"Návrh cloudovej infraštruktúry.\"},\n    \"name\": \"Cloud Systems Developer\",\n    \"updatedAt\": DateTime.now()\n  }\n];\n";
        let ps = crate::parse::parse_text(dart, "vacancies.dart").unwrap();
        let titles: Vec<_> = ps
            .iter()
            .map(|p| p.title.clone().unwrap_or_default())
            .collect();
        assert_eq!(titles, ["C# Developer", "Cloud Systems Developer"]);
        let sections: Vec<_> = ps[0]
            .sections
            .iter()
            .map(|s| (s.heading.as_deref(), s.body.as_str()))
            .collect();
        assert!(sections.contains(&(Some("Tech"), "• .NET, WinAPI, C#\n• Microsoft SQL Server")));
    }

    #[test]
    fn php_arrays_of_data_are_records() {
        let php = "<?php\n$jobs = array();\n/**\n * PHP Developer\n */\n$jobs[] = array(\n    'title'       => 'PHP Developer',\n    'salary'      => '35,000 - 60,000 THB',\n    'description' => '\n    <ul>\n        <li>Build things</li>\n    </ul>',\n);\n$jobs[] = ['title' => 'Designer', 'tags' => ['Figma', 'CSS'], 'description' => '<p>Design</p>'];\n";
        let v = data_literals(php);
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0]["title"], "PHP Developer");
        assert!(
            v[0]["description"]
                .as_str()
                .unwrap()
                .contains("<li>Build things</li>")
        );
        assert_eq!(v[1]["tags"][1], "CSS");
        let p = crate::parse::parse_text(php, "careers.php").unwrap();
        let titles: Vec<_> = p.iter().filter_map(|p| p.title.as_deref()).collect();
        assert_eq!(titles, ["PHP Developer", "Designer"]);
    }

    #[test]
    fn data_kept_in_comments_beside_the_code() {
        let py = "def index(request):\n    return JsonResponse(rows)\n\n    #     json_result = [\n    #   {\n    #     \"company\": {\"name\": \"Generali Real Estate\"},\n    #     \"name\": \"Data Engineer\",\n    #     \"location\": \"Milano\"\n    #   },\n    #   {\n    #     \"company\": {\"name\": \"Epiphany\"},\n    #     \"name\": \"Engineering Lead\"\n    #   }\n    # ]\n";
        let v = data_literals(py);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0][1]["company"]["name"], "Epiphany");
        // Data in the code itself comes first; a short comment is no data.
        let js = "// {\"a\": 1, \"b\": 2}\nvar data = [{\"title\": \"Engineer\", \"company\": \"Acme\"}];\n";
        let v = data_literals(js);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0][0]["title"], "Engineer");
    }

    #[test]
    fn comments_beside_a_literal_s_values_are_no_part_of_it() {
        let js = "export default {\n  \"ad\": {\n    \"id\": \"22619\", //pakollinen\n    /* the ad's own (it's {required}) */\n    \"title\": \"Varhaiskasvatuksen opettaja\", //pakollinen\n    \"location\": \"Asikkala\"\n  }\n}\n";
        let v = data_literals(js);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0]["title"], "Varhaiskasvatuksen opettaja", "{v:?}");
        let py = "JOBS = [\n    {\"title\": \"Engineer\",  # the role's name\n     \"city\": \"Oslo\"},\n]\n";
        let v = data_literals(py);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0][0]["city"], "Oslo");
    }

    #[test]
    fn a_template_literal_is_a_string_with_its_lines() {
        let ts = "export const jobOffers = [\n  {\n    title: \"Frontend Developer\",\n    description: `<div><p>Cześć!</p>\n<ul><li>\"React\" \\`hooks\\`</li></ul>`,\n    salaryMin: 11100,\n  },\n  {\n    title: 'Java Developer',\n    description: \"<p>Java</p>\",\n  },\n];\n";
        let v = data_literals(ts);
        assert_eq!(v.len(), 1, "{ts}");
        assert_eq!(v[0].as_array().map(Vec::len), Some(2));
        assert_eq!(
            v[0][0]["description"],
            "<div><p>Cześć!</p>\n<ul><li>\"React\" `hooks`</li></ul>"
        );
        assert_eq!(v[0][1]["title"], "Java Developer");
    }

    #[test]
    fn a_script_s_data_is_json() {
        let js = "var data = [\n\t{\"id\":1,\"by\":\"sinak\",\"line\":\"EFF - SF\",\"remote\":false},\n];\n";
        let v = data_literals(js);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0][0]["by"], "sinak");
    }

    #[test]
    fn a_constructor_and_a_table_of_assets_among_data() {
        let ts = "import { ATTENDEE_LOGOS } from \"./attendees\";\nexport const JOBS = [\n  {\n    name: \"Summer Intern\",\n    company: \"Visma\",\n    logo: ATTENDEE_LOGOS.visma,\n    location: [\"Oslo\"],\n    deadline: new Date(Date.parse(\"2022-10-01\")),\n  },\n  {\n    name: \"Utviklere\",\n    company: \"Metzum\",\n    logo: ATTENDEE_LOGOS.metzum,\n    deadline: null,\n  },\n];";
        let v = data_literals(ts);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0][0]["name"], "Summer Intern");
        assert_eq!(v[0][0]["deadline"], "2022-10-01");
        assert!(v[0][1]["logo"].is_null());
        // Python's hex escapes are characters.
        let py = "r = {\"name\": \"Dev\", \"id\": \"1\", \"mode\": \"За\\xa0месяц\"}";
        let v = data_literals(py);
        assert_eq!(v[0]["mode"], "За\u{a0}месяц", "{v:?}");
        // A TypeScript cast after a value is no data.
        let ts = "const vacatures = [\n  {\n    uren: '38 uur',\n    title: 'Kok',\n    img: null as string | null,\n  },\n];";
        let v = data_literals(ts);
        assert_eq!(v[0][0]["title"], "Kok");
        assert!(v[0][0]["img"].is_null());
        // A method called on the constructed value stands for it too.
        let js = "const jobs = [{\"title\": \"Engineer\", \"created_at\": new Date('2020-05-12').toString(), \"company\": \"Sesame\"}];";
        let v = data_literals(js);
        assert_eq!(v[0][0]["created_at"], "2020-05-12");
        assert_eq!(v[0][0]["company"], "Sesame");
    }

    #[test]
    fn a_shell_s_insert_and_python_fixtures() {
        let mongo = "db.getCollection(\"todos\").insert([ {\n _id: ObjectId(\"5bea\"),\n title: null,\n author: 'rahverma',\n} ]);";
        let v = data_literals(mongo);
        assert_eq!(v[0][0]["_id"], "5bea");
        assert_eq!(v[0][0]["author"], "rahverma");
        let py = "import pytest\n\n@pytest.fixture\ndef v():\n    return {\n        \"name\": \"Python-разработчик\",\n        'salary': {'from': 256000, 'to': None},\n    }\n\ndef w():\n    return {\"name\": \"Web\", \"area\": {\"name\": \"Москва\"}}\n";
        let v = data_literals(py);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0]["salary"]["to"], Value::Null);
        assert_eq!(v[1]["area"]["name"], "Москва");
    }

    #[test]
    fn json_kept_in_a_string_is_data() {
        let rec = r#"{"positionName":"网络推广","companyShortName":"广州高浪电子科技有限公司","city":"广州","salary":"6k-8k"}"#;
        let py =
            format!("import json\nlist = json.loads(str('[{rec},{rec},{rec}]'))\nprint(list)\n");
        let v = data_literals(&py);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0][1]["salary"], "6k-8k");
        // A long string that is no JSON stays a string.
        let prose = format!("x = '[{}'\n", "not json, ".repeat(30));
        assert!(data_literals(&prose).is_empty());
    }

    #[test]
    fn code_is_no_data() {
        assert!(data_literals("function f(a) { return a + 1; }\nconst x = [1, 2, 3];").is_empty());
        assert!(data_literals("if (x) { y = {a: b}; }").is_empty());
        assert!(data_literals("const o = {a: b, c: d, e: 'f'};").is_empty());
    }

    #[test]
    fn a_variable_among_data_is_an_unknown_value() {
        let ts = "import logo from './logo.png';\nexport const JOBS = [\n  {\n    id: 'a',\n    title: \"Estoquista\",\n    company: \"Trilha Certa\",\n    companyLogo: logo,\n    location: \"Extrema, MG\",\n    type: \"CLT\",\n    summary: \"Vaga de estoquista.\",\n    sections: [{ title: \"Sobre a vaga\", text: \"…\" }],\n  },\n];";
        let values = data_literals(ts);
        assert_eq!(values.len(), 1);
        assert_eq!(values[0][0]["title"], "Estoquista");
        assert!(values[0][0]["companyLogo"].is_null());
    }

    #[test]
    fn unbalanced_and_hostile_input_ends() {
        assert!(data_literals(&"{".repeat(10_000)).is_empty());
        assert!(data_literals("[{\"a\": \"unterminated").is_empty());
        // Block comments that never close, opened again and again inside a literal.
        assert!(data_literals(&format!("[{}", "/*a".repeat(300_000))).is_empty());
        // PHP arrays nested far deeper than data nests: read no deeper than MAX_NESTING.
        let deep = format!(
            "<?php\n$a = {}1{};\n",
            "[".repeat(50_000),
            "]".repeat(50_000)
        );
        assert!(data_literals(&deep).is_empty());
        let deep = format!(
            "<?php\n$a = {}1{};\n",
            "array(".repeat(20_000),
            ")".repeat(20_000)
        );
        assert!(data_literals(&deep).is_empty());
    }
}
