//! SQL dumps of scraped postings (`mysqldump`, phpMyAdmin, a scraper's `INSERT` script): each
//! row of `INSERT INTO t (cols…) VALUES (…), (…);` becomes a record keyed by its columns —
//! named in the statement, else in the table's `CREATE TABLE` — and the records are read as the
//! JSON reader reads a file's records. Tables of users or settings hold no posting keys and
//! give nothing.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use serde_json::{Map, Value};

/// The most rows read from one dump.
const MAX_ROWS: usize = 20_000;

/// Whether a text is an SQL script: its first statement (past comments) is one a dump starts
/// with, and it inserts rows somewhere.
pub fn looks_like_sql(text: &str) -> bool {
    let mut lexer = Lexer::new(text);
    // Past the semicolons that end a dump's conditional comments (`/*!40101 SET … */;`).
    let mut first = lexer.next_token();
    while matches!(first, Some(Token::Semicolon)) {
        first = lexer.next_token();
    }
    let starts = matches!(
        &first,
        Some(Token::Word(w)) if ["INSERT", "CREATE", "DROP", "SET", "START", "BEGIN", "USE", "LOCK", "PRAGMA"]
            .iter()
            .any(|k| w.eq_ignore_ascii_case(k))
    );
    let inserts = contains_ignore_case(text, "insert") && contains_ignore_case(text, "values");
    // pg_dump writes its rows as `COPY t (cols…) FROM stdin;` blocks.
    let copies =
        contains_ignore_case(text, "from stdin;") && text.lines().any(|l| COPY_HEAD.is_match(l));
    (starts || matches!(&first, Some(Token::Word(w)) if w.eq_ignore_ascii_case("COPY")))
        && (inserts || copies)
}

/// The line that opens a pg_dump `COPY` block, with its columns.
static COPY_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)^COPY\s+[\w."]+\s*\(([^)]*)\)\s+FROM\s+stdin;\s*$"#).expect("valid regex")
});

/// The rows of pg_dump's `COPY t (cols…) FROM stdin;` blocks (tab-separated fields, `\N` for
/// NULL, backslash escapes, ended by a line `\.`), and the text without them.
fn copy_blocks(text: &str, limit: usize) -> (Vec<Value>, String) {
    let mut out = Vec::new();
    let mut rest = String::new();
    let mut lines = text.lines();
    let mut count = 0;
    while let Some(line) = lines.next() {
        let Some(c) = COPY_HEAD.captures(line) else {
            rest.push_str(line);
            rest.push('\n');
            continue;
        };
        let cols: Vec<String> = c[1]
            .split(',')
            .map(|s| s.trim().trim_matches('"').to_string())
            .collect();
        let mut objects = Vec::new();
        for row in lines.by_ref() {
            if row == "\\." {
                break;
            }
            if count >= limit {
                continue;
            }
            let o: Map<String, Value> = cols
                .iter()
                .cloned()
                .zip(row.split('\t').map(copy_field))
                .collect();
            objects.push(Value::Object(o));
            count += 1;
        }
        if !objects.is_empty() {
            out.push(Value::Array(objects));
        }
    }
    (out, rest)
}

/// A field of a COPY row: `\N` is NULL; `\t`, `\n`, `\r`, `\\` are escapes.
fn copy_field(f: &str) -> Value {
    if f == "\\N" {
        return Value::Null;
    }
    let mut s = String::with_capacity(f.len());
    let mut chars = f.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            s.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => s.push('\t'),
            Some('n') => s.push('\n'),
            Some('r') => s.push('\r'),
            Some(other) => s.push(other),
            None => {}
        }
    }
    Value::String(s)
}

fn contains_ignore_case(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// The rows of every `INSERT` in a dump, one array of objects per statement.
pub fn rows(text: &str) -> Vec<Value> {
    // pg_dump's COPY blocks, read first; the statements around them for the lexer.
    let (mut out, rest) = if contains_ignore_case(text, "from stdin;") {
        let (rows, rest) = copy_blocks(text, MAX_ROWS);
        (rows, std::borrow::Cow::Owned(rest))
    } else {
        (Vec::new(), std::borrow::Cow::Borrowed(text))
    };
    let mut count: usize = out.iter().filter_map(Value::as_array).map(Vec::len).sum();
    let mut lexer = Lexer::new(&rest);
    let mut tables: HashMap<String, Vec<String>> = HashMap::new();
    // The table of each array of rows in `out` (none for COPY blocks).
    let mut names: Vec<String> = Vec::new();
    while let Some(tok) = lexer.next_token() {
        let Token::Word(w) = tok else { continue };
        if w.eq_ignore_ascii_case("CREATE") {
            if let Some((name, cols)) = create_table(&mut lexer) {
                tables.insert(name, cols);
            }
        } else if w.eq_ignore_ascii_case("INSERT") {
            let Some((name, cols, rows)) = insert(&mut lexer, &tables, MAX_ROWS - count) else {
                continue;
            };
            count += rows.len();
            let objects: Vec<Value> = rows
                .into_iter()
                .map(|row| {
                    let o: Map<String, Value> = cols.iter().cloned().zip(row).collect();
                    Value::Object(o)
                })
                .collect();
            if !objects.is_empty() {
                names.push(name);
                out.push(Value::Array(objects));
            }
            if count >= MAX_ROWS {
                break;
            }
        }
    }
    if names.len() == out.len() {
        join_names(&names, &mut out);
    }
    out
}

/// A row's key to another table of the dump (`company_id` or `CompanyId` → the `company` or
/// `Companies` table's row of that `id`) names what that row names: its `name` is set under the key's stem ("company":
/// "Manpower"), unless the row already has one.
pub(super) fn join_names(tables: &[String], out: &mut [Value]) {
    let bare = |t: &str| t.trim_matches(['`', '"', '[', ']']).to_lowercase();
    // Each table's names by id.
    let mut by_id: HashMap<String, HashMap<String, String>> = HashMap::new();
    for (t, rows) in tables.iter().zip(out.iter()) {
        for row in rows
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_object)
        {
            let get = |key: &str| {
                row.iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(key))
                    .map(|(_, v)| v)
            };
            let id = get("id").map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
            let name = [
                "name",
                "title",
                "nom",
                "nombre",
                "company_name",
                "display_name",
            ]
            .iter()
            .find_map(|k| get(k).and_then(Value::as_str));
            if let (Some(id), Some(name)) = (id, name) {
                by_id
                    .entry(bare(t))
                    .or_default()
                    .insert(id, name.to_string());
            }
        }
    }
    if by_id.is_empty() {
        return;
    }
    for rows in out.iter_mut() {
        for row in rows
            .as_array_mut()
            .into_iter()
            .flatten()
            .filter_map(Value::as_object_mut)
        {
            let joined: Vec<(String, String)> = row
                .iter()
                .filter_map(|(k, v)| {
                    // `company_id`, or `CompanyId` in a camel-cased schema.
                    let stem = k
                        .strip_suffix("_id")
                        .or_else(|| k.strip_suffix("_ID"))
                        .or_else(|| {
                            k.strip_suffix("Id")
                                .filter(|s| s.ends_with(|c: char| c.is_lowercase()))
                        })?
                        .to_lowercase();
                    // The table named for the key's stem, in the singular or a plural
                    // ("companies" for `company_id`).
                    let ies = stem.strip_suffix('y').map(|s| format!("{s}ies"));
                    let table = [stem.clone(), format!("{stem}s"), format!("{stem}es")]
                        .into_iter()
                        .chain(ies)
                        .find_map(|t| by_id.get(&t))?;
                    let id = match v {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    Some((stem, table.get(&id)?.clone()))
                })
                .collect();
            for (stem, name) in joined {
                row.entry(stem).or_insert(Value::String(name));
            }
        }
    }
}

/// `CREATE TABLE [IF NOT EXISTS] name ( col type …, …, PRIMARY KEY (…) )` → the name and the
/// columns.
fn create_table(lexer: &mut Lexer<'_>) -> Option<(String, Vec<String>)> {
    if !matches!(lexer.next_token(), Some(Token::Word(w)) if w.eq_ignore_ascii_case("TABLE")) {
        return None;
    }
    let name = table_name(lexer)?;
    let mut cols = Vec::new();
    let mut depth = 1;
    let mut at_item_start = true;
    while let Some(tok) = lexer.next_token() {
        match tok {
            Token::Open => depth += 1,
            Token::Close => {
                depth -= 1;
                if depth == 0 {
                    return Some((name, cols));
                }
            }
            Token::Comma if depth == 1 => at_item_start = true,
            Token::Word(w) | Token::Quoted(w) if at_item_start && depth == 1 => {
                at_item_start = false;
                let constraint = [
                    "PRIMARY",
                    "KEY",
                    "UNIQUE",
                    "CONSTRAINT",
                    "INDEX",
                    "FOREIGN",
                    "CHECK",
                    "FULLTEXT",
                    "SPATIAL",
                ]
                .iter()
                .any(|k| w.eq_ignore_ascii_case(k));
                if !constraint {
                    cols.push(w);
                }
            }
            Token::Semicolon => return None,
            _ => at_item_start = false,
        }
    }
    None
}

/// The table name after `TABLE` / `INTO` (past `IF NOT EXISTS`, a schema, quotes), and the
/// opening bracket after it.
fn table_name(lexer: &mut Lexer<'_>) -> Option<String> {
    let mut name = None;
    loop {
        match lexer.next_token()? {
            Token::Word(w)
                if name.is_none()
                    && ["IF", "NOT", "EXISTS", "IGNORE", "INTO"]
                        .iter()
                        .any(|k| w.eq_ignore_ascii_case(k)) => {}
            Token::Word(w) | Token::Quoted(w) => name = Some(w),
            Token::Dot => name = None,
            Token::Open => return name,
            _ => return None,
        }
    }
}

type Insert = (String, Vec<String>, Vec<Vec<Value>>);

/// `INSERT [IGNORE] INTO name [(cols…)] VALUES (…), (…);` → the columns and up to
/// `room` rows. Rows whose length differs from the columns' are left out.
fn insert(
    lexer: &mut Lexer<'_>,
    tables: &HashMap<String, Vec<String>>,
    room: usize,
) -> Option<Insert> {
    // The name, then either the column list or VALUES.
    let mut name = None;
    let mut cols = None;
    loop {
        match lexer.next_token()? {
            Token::Word(w) if w.eq_ignore_ascii_case("VALUES") => break,
            Token::Word(w)
                if name.is_none()
                    && ["INTO", "IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY"]
                        .iter()
                        .any(|k| w.eq_ignore_ascii_case(k)) => {}
            Token::Word(w) | Token::Quoted(w) if cols.is_none() => name = Some(w),
            Token::Dot => name = None,
            Token::Open if name.is_some() && cols.is_none() => cols = Some(column_list(lexer)?),
            _ => return None,
        }
    }
    let name = name?;
    let cols = cols.or_else(|| tables.get(&name).cloned());
    let mut rows: Vec<Vec<Value>> = Vec::new();
    loop {
        let before = lexer.pos;
        // The text may end right after the last row.
        let Some(tok) = lexer.next_token() else {
            break;
        };
        match tok {
            Token::Open => {
                let row = tuple(lexer)?;
                let width = cols
                    .as_ref()
                    .map_or(rows.first().map(Vec::len), |c| Some(c.len()));
                if width.is_none_or(|w| row.len() == w) && rows.len() < room {
                    rows.push(row);
                }
            }
            Token::Comma => {}
            // A statement without its semicolon (SQL Server's scripts): the word after it
            // starts the next one.
            Token::Word(_) => {
                lexer.pos = before;
                break;
            }
            _ => break,
        }
    }
    let cols = cols.or_else(|| positional_columns(&rows))?;
    Some((name, cols, rows))
}

/// Names for the columns of rows no statement names (`INSERT INTO jobs VALUES (…)` in a dump
/// without its `CREATE TABLE`), from what their values are: the first column of short lines,
/// one of them a title naming a role, is `title`; the first holding long texts is `description`; one
/// whose values are places is `location`. None when no column reads as titles.
fn positional_columns(rows: &[Vec<Value>]) -> Option<Vec<String>> {
    use super::super::fields::title::{looks_like_title, names_a_role};
    let width = rows.first()?.len();
    let column =
        |i: usize| -> Vec<&str> { rows.iter().filter_map(|r| r.get(i)?.as_str()).collect() };
    let most = |vals: &[&str], pred: &dyn Fn(&str) -> bool| {
        !vals.is_empty() && vals.iter().filter(|v| pred(v)).count() * 2 >= vals.len()
    };
    let mut names: Vec<String> = (0..width).map(|i| format!("column {i}")).collect();
    let title = (0..width).find(|&i| {
        let vals = column(i);
        most(&vals, &|v| {
            v.chars().count() <= 120
                && !v.contains('\n')
                && v.chars().any(char::is_alphabetic)
                && !v.contains("://")
                && !v.contains('@')
        }) && vals.iter().any(|v| looks_like_title(v) && names_a_role(v))
    })?;
    names[title] = "title".into();
    if let Some(d) = (0..width).find(|&i| {
        i != title
            && column(i)
                .iter()
                .any(|v| v.chars().count() >= 200 || super::record::is_long_text(v))
    }) {
        names[d] = "description".into();
    }
    if let Some(l) = (0..width).find(|&i| {
        let vals = column(i);
        i != title
            && most(&vals, &|v| {
                v.chars().count() <= 60 && super::super::places::is_place(v)
            })
    }) {
        names[l] = "location".into();
    }
    Some(names)
}

/// `a, b, c)` after an opening bracket: the column names.
fn column_list(lexer: &mut Lexer<'_>) -> Option<Vec<String>> {
    let mut cols = Vec::new();
    loop {
        match lexer.next_token()? {
            Token::Word(w) | Token::Quoted(w) => cols.push(w),
            Token::Comma => {}
            Token::Close => return Some(cols),
            _ => return None,
        }
    }
}

/// The values of one row, after its opening bracket: strings, numbers, `NULL`; anything else (a
/// function call, an expression) as its text.
fn tuple(lexer: &mut Lexer<'_>) -> Option<Vec<Value>> {
    let mut row = Vec::new();
    let mut current: Option<Value> = None;
    let mut depth = 0;
    loop {
        let tok = lexer.next_token()?;
        if depth > 0 {
            match tok {
                Token::Open => depth += 1,
                Token::Close => depth -= 1,
                _ => {}
            }
            continue;
        }
        match tok {
            Token::Str(s) => current = Some(Value::String(s)),
            Token::Word(w) if w.eq_ignore_ascii_case("NULL") => current = Some(Value::Null),
            Token::Word(w) => {
                current = Some(match w.parse::<i64>() {
                    Ok(n) => Value::from(n),
                    Err(_) => w
                        .parse::<f64>()
                        .ok()
                        .and_then(serde_json::Number::from_f64)
                        .map_or(Value::String(w), Value::Number),
                });
            }
            Token::Open => depth = 1,
            Token::Comma => row.push(current.take().unwrap_or(Value::Null)),
            Token::Close => {
                row.push(current.take().unwrap_or(Value::Null));
                return Some(row);
            }
            Token::Semicolon => return None,
            Token::Quoted(_) | Token::Dot | Token::Other => {}
        }
    }
}

#[derive(Debug)]
enum Token {
    /// A bare word or number (`INSERT`, `jobs`, `-12.5`).
    Word(String),
    /// A quoted identifier (`` `jobs` ``, `"title"`).
    Quoted(String),
    /// A string literal, unescaped.
    Str(String),
    Open,
    Close,
    Comma,
    Semicolon,
    Dot,
    Other,
}

/// SQL's tokens, past spaces and comments (`-- …`, `# …`, `/* … */`).
struct Lexer<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Lexer<'a> {
        Lexer { text, pos: 0 }
    }

    fn next_token(&mut self) -> Option<Token> {
        let bytes = self.text.as_bytes();
        loop {
            let c = *bytes.get(self.pos)?;
            let next = bytes.get(self.pos + 1).copied();
            if c.is_ascii_whitespace() {
                self.pos += 1;
            } else if (c == b'-' && next == Some(b'-')) || c == b'#' {
                self.pos = self.text[self.pos..]
                    .find('\n')
                    .map_or(self.text.len(), |i| self.pos + i + 1);
            } else if c == b'/' && next == Some(b'*') {
                // A comment whose closing mark was lost put the statement it opens out of use
                // ("/* CREATE TABLE jobs( … );" then the rows): it ends with that statement.
                let rest = &self.text[self.pos + 2..];
                self.pos = match rest.find("*/") {
                    Some(i) => self.pos + 2 + i + 2,
                    None => rest
                        .find(";\n")
                        .map_or(self.text.len(), |i| self.pos + 2 + i + 2),
                };
            } else {
                break;
            }
        }
        let c = bytes[self.pos];
        let tok = match c {
            b'(' => Token::Open,
            b')' => Token::Close,
            b',' => Token::Comma,
            b';' => Token::Semicolon,
            b'.' if !bytes.get(self.pos + 1).is_some_and(u8::is_ascii_digit) => Token::Dot,
            b'\'' => return Some(Token::Str(self.quoted(b'\''))),
            b'"' | b'`' | b'[' => {
                let close = if c == b'[' { b']' } else { c };
                return Some(Token::Quoted(self.quoted(close)));
            }
            _ if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c == b'.' || c >= 0x80 => {
                let start = self.pos;
                let first = self.text[start..].chars().next().map_or(1, char::len_utf8);
                let end = self.text[start + first..]
                    .find(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == '.' || ch == '$'))
                    .map_or(self.text.len(), |i| start + first + i);
                self.pos = end;
                return Some(Token::Word(self.text[start..end].to_string()));
            }
            _ => Token::Other,
        };
        self.pos += 1;
        Some(tok)
    }

    /// A quoted run from the opening quote at `pos`: `''` (doubled) and backslash escapes
    /// (`\n`, `\'`, `\\`) unescaped; an unclosed quote runs to the end.
    fn quoted(&mut self, close: u8) -> String {
        let bytes = self.text.as_bytes();
        let mut out = String::new();
        let mut i = self.pos + 1;
        let mut run = i;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'\\' && close == b'\'' && i + 1 < bytes.len() {
                out.push_str(&self.text[run..i]);
                let e = bytes[i + 1];
                match e {
                    b'n' => out.push('\n'),
                    b'r' => out.push('\r'),
                    b't' => out.push('\t'),
                    b'0' => {}
                    // Any other escaped character stands for itself (`\'`, `\\`, `\"`); a
                    // multi-byte one is copied whole by the next run.
                    _ if e.is_ascii() => out.push(e as char),
                    _ => {
                        run = i + 1;
                        i += 1;
                        continue;
                    }
                }
                i += 2;
                run = i;
            } else if b == close {
                out.push_str(&self.text[run..i]);
                if bytes.get(i + 1) == Some(&close) && close != b']' {
                    out.push(close as char);
                    i += 2;
                    run = i;
                } else {
                    self.pos = i + 1;
                    return out;
                }
            } else {
                i += 1;
            }
        }
        out.push_str(&self.text[run..]);
        self.pos = bytes.len();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pg_dump_copy_blocks_are_rows() {
        let dump = "--\n-- PostgreSQL database dump\n--\nSET statement_timeout = 0;\n\
            COPY public.article_news (id, title, content) FROM stdin;\n\
            4\tNew vacancies\t[{\"type\": \"paragraph\", \"children\": [{\"text\": \"We hire\\\\tnow\", \"type\": \"text\"}]}]\n\
            5\t\\N\tline one\\nline two\n\
            \\.\n";
        assert!(looks_like_sql(dump));
        let rows = rows(dump);
        assert_eq!(rows.len(), 1);
        let r = rows[0].as_array().unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0]["title"], "New vacancies");
        assert!(
            r[0]["content"]
                .as_str()
                .unwrap()
                .starts_with("[{\"type\": \"paragraph\"")
        );
        assert_eq!(r[1]["title"], Value::Null);
        assert_eq!(r[1]["content"], "line one\nline two");
        assert!(!looks_like_sql("Copy the files from stdin; then run it."));
    }

    #[test]
    fn rows_of_an_insert_with_its_columns() {
        let sql = "-- dump\nSET NAMES utf8mb4;\nCREATE TABLE `jobs` (\n `id` int(11) NOT NULL,\n `title` varchar(255),\n PRIMARY KEY (`id`)\n);\nINSERT INTO `jobs` (`id`, `title`) VALUES\n(1, 'Maçon'),\n(2, 'l\\'Électricien\\r\\nH/F'), (3, 'It''s ok');";
        assert!(looks_like_sql(sql));
        let rows = rows(sql);
        assert_eq!(rows.len(), 1);
        let a = rows[0].as_array().unwrap();
        assert_eq!(a.len(), 3);
        assert_eq!(a[0]["id"], 1);
        assert_eq!(a[0]["title"], "Maçon");
        assert_eq!(a[1]["title"], "l'Électricien\r\nH/F");
        assert_eq!(a[2]["title"], "It's ok");
    }

    #[test]
    fn statements_without_semicolons_are_each_read() {
        // SQL Server's generated scripts: bracketed names, no semicolons.
        let sql = "INSERT [dbo].[Job] ([JobId], [JobRole]) VALUES (24, N'מפתחת FULL STACK')\n\
                   INSERT [dbo].[Job] ([JobId], [JobRole]) VALUES (25, N'SYSTEM LINUX')\n\
                   INSERT [dbo].[Job] ([JobId], [JobRole]) VALUES (26, N'מנתחת מערכות WEB')\n";
        let tables = super::rows(sql);
        assert_eq!(tables.len(), 3, "{tables:?}");
        assert_eq!(tables[1][0]["JobRole"], "SYSTEM LINUX");
    }

    #[test]
    fn columns_come_from_create_table_when_the_insert_names_none() {
        let sql = "CREATE TABLE IF NOT EXISTS jobs (\n id INT AUTO_INCREMENT PRIMARY KEY,\n company VARCHAR(255),\n salary DECIMAL(10,2)\n);\nINSERT INTO jobs VALUES (1, '(주)파이오링크', 4500.5), (2, NULL, NOW());";
        let rows = rows(sql);
        let a = rows[0].as_array().unwrap();
        assert_eq!(a[0]["company"], "(주)파이오링크");
        assert_eq!(a[0]["salary"], 4500.5);
        assert_eq!(a[1]["company"], Value::Null);
        assert_eq!(a[1]["salary"], "NOW");
    }

    #[test]
    fn a_dump_of_postings_parses_one_posting_per_row() {
        // The users' table gives nothing; each job row is a posting, its long untitled column
        // read as its text.
        let sql = "CREATE TABLE admin (id int, email varchar(255), password varchar(255));\n\
            INSERT INTO admin (id, email, password) VALUES (1, 'admin@example.org', 'x');\n\
            INSERT INTO offers (id, title, company, location, descript) VALUES\n\
            (1, 'Maçon', 'MD concept', 'Lyon', 'Description du poste\\r\\n\\r\\nMD concept recherche des maçons qualifiés pour ses chantiers de rénovation et de gros-oeuvre, rattachés au chef d\\'équipe.\\r\\n\\r\\nType d\\'emploi : CDI, temps plein.\\r\\nSalaire : à partir de 2 440,00€ par mois'),\n\
            (2, 'Peintre', 'Corallis', 'Marseille', NULL);";
        let postings = crate::parse::parse_text(sql, "jobs.sql").expect("postings");
        let titles: Vec<_> = postings.iter().map(|p| p.title.as_deref()).collect();
        assert_eq!(titles, [Some("Maçon"), Some("Peintre")]);
        assert_eq!(postings[0].company.as_deref(), Some("MD concept"));
        assert_eq!(postings[1].locations, ["Marseille"]);
        let pay = postings[0].salary.as_ref().expect("pay from the text");
        assert_eq!((pay.min, pay.currency.as_str()), (Some(2440.0), "EUR"));
    }

    #[test]
    fn a_mysqldump_opening_with_conditional_comments_is_a_dump() {
        let dump = "-- MySQL dump 10.13\n/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n/*!50503 SET NAMES utf8 */;\nLOCK\nTABLES `jobs` WRITE;\nINSERT INTO `jobs` (title) VALUES ('Engineer');";
        assert!(looks_like_sql(dump));
    }

    #[test]
    fn rows_no_statement_names_take_the_columns_their_values_fill() {
        let dump = "INSERT INTO `jobs` VALUES (1, 'public', 'Lehrkraft (m/w/d) an einer Schule', 'Wir suchen eine Lehrkraft für Mathematik und Physik. Die Stelle ist unbefristet und in Vollzeit zu besetzen. Bewerbungen bitte über das Karriereportal des Landes, wir freuen uns auf Sie. Schwerbehinderte Menschen werden bei gleicher Eignung bevorzugt.', 'Schwerin'),\n (2, 'public', 'Zolldeklarant (m/w/d)', 'Kurz.', 'Hamburg');";
        let rows = rows(dump);
        let first = &rows[0].as_array().unwrap()[0];
        assert_eq!(first["title"], "Lehrkraft (m/w/d) an einer Schule");
        assert_eq!(first["location"], "Schwerin");
        assert!(
            first["description"]
                .as_str()
                .unwrap()
                .starts_with("Wir suchen")
        );
        // Rows of something else (users, settings) name no title column.
        assert!(
            super::rows("INSERT INTO users VALUES (1, 'anna', 'secret'), (2, 'ben', 'x');")
                .is_empty()
        );
    }

    #[test]
    fn a_row_s_key_to_another_table_names_what_that_row_names() {
        let dump = "INSERT INTO `company` (`id`, `name`) VALUES (145, 'Manpower'), (155, 'Amazon');\n\
                    INSERT INTO `job_posting` (`id`, `title`, `company_id`) VALUES \
                    (1, 'Technicien de maintenance', 155), (2, 'Opérateur', 999);\n";
        let rows = super::rows(dump);
        let jobs = rows[1].as_array().unwrap();
        assert_eq!(jobs[0]["company"], "Amazon");
        // An id no row has names nothing.
        assert!(jobs[1].get("company").is_none());
        // The table named in the plural: "companies" for `company_id`.
        let dump = "INSERT INTO companies (id, name) VALUES ('company-magenx-001', 'MaGenX');\n\
                    INSERT INTO jobs (id, company_id, title) VALUES \
                    ('job-1', 'company-magenx-001', 'Full Stack Java Engineer');\n";
        let rows = super::rows(dump);
        assert_eq!(rows[1][0]["company"], "MaGenX");
    }

    #[test]
    fn a_comment_that_lost_its_closing_mark_ends_with_the_statement_it_hides() {
        let dump = "/* CREATE TABLE jobs(\n  title VARCHAR(40) NOT NULL\n ,company VARCHAR(9)\n);\n\
                    INSERT INTO jobs(title,company) VALUES ('Technician','Amazon');\n\
                    INSERT INTO jobs(title,company) VALUES ('Area Manager','Amazon');\n";
        assert!(looks_like_sql(dump));
        assert_eq!(super::rows(dump).len(), 2);
    }

    #[test]
    fn text_that_is_no_dump_and_broken_dumps() {
        assert!(!looks_like_sql("We insert values into your life. Join us!"));
        // Unclosed strings, brackets and comments end the reading, without a panic.
        for broken in [
            "INSERT INTO jobs (a) VALUES ('x",
            "INSERT INTO jobs (a, b) VALUES (1, (2",
            "INSERT INTO jobs VALUES (1);",
            "CREATE TABLE t (a int",
            "/* never closed",
            "INSERT INTO jobs (a) VALUES ('\\",
        ] {
            let _ = rows(broken);
        }
    }
}
