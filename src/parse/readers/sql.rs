//! SQL dumps of scraped postings (`mysqldump`, phpMyAdmin, a scraper's `INSERT` script): each
//! row of `INSERT INTO t (cols…) VALUES (…), (…);` becomes a record keyed by its columns —
//! named in the statement, else in the table's `CREATE TABLE` — and the records are read as the
//! JSON reader reads a file's records. Tables of users or settings hold no posting keys and
//! give nothing.

use std::collections::HashMap;

use serde_json::{Map, Value};

/// The most rows read from one dump.
const MAX_ROWS: usize = 20_000;

/// Whether a text is an SQL script: its first statement (past comments) is one a dump starts
/// with, and it inserts rows somewhere.
pub fn looks_like_sql(text: &str) -> bool {
    let mut lexer = Lexer::new(text);
    let first = lexer.next_token();
    let starts = matches!(
        first,
        Some(Token::Word(w)) if ["INSERT", "CREATE", "DROP", "SET", "START", "BEGIN", "USE", "LOCK", "PRAGMA"]
            .iter()
            .any(|k| w.eq_ignore_ascii_case(k))
    );
    starts && contains_ignore_case(text, "insert") && contains_ignore_case(text, "values")
}

fn contains_ignore_case(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// The rows of every `INSERT` in a dump, one array of objects per statement.
pub fn rows(text: &str) -> Vec<Value> {
    let mut lexer = Lexer::new(text);
    let mut tables: HashMap<String, Vec<String>> = HashMap::new();
    let mut out = Vec::new();
    let mut count = 0;
    while let Some(tok) = lexer.next_token() {
        let Token::Word(w) = tok else { continue };
        if w.eq_ignore_ascii_case("CREATE") {
            if let Some((name, cols)) = create_table(&mut lexer) {
                tables.insert(name, cols);
            }
        } else if w.eq_ignore_ascii_case("INSERT") {
            let Some((cols, rows)) = insert(&mut lexer, &tables, MAX_ROWS - count) else {
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
                out.push(Value::Array(objects));
            }
            if count >= MAX_ROWS {
                break;
            }
        }
    }
    out
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

type Insert = (Vec<String>, Vec<Vec<Value>>);

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
    let cols = cols.or_else(|| tables.get(&name).cloned())?;
    let mut rows = Vec::new();
    loop {
        match lexer.next_token()? {
            Token::Open => {
                let row = tuple(lexer)?;
                if row.len() == cols.len() && rows.len() < room {
                    rows.push(row);
                }
            }
            Token::Comma => {}
            _ => break,
        }
    }
    Some((cols, rows))
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
                self.pos = self.text[self.pos + 2..]
                    .find("*/")
                    .map_or(self.text.len(), |i| self.pos + 2 + i + 2);
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
