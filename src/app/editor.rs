//! A small multi-line text editor for notes: lines of text and a cursor (row, char column).

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextArea {
    lines: Vec<String>,
    row: usize,
    col: usize,
}

impl Default for TextArea {
    fn default() -> Self {
        TextArea {
            lines: vec![String::new()],
            row: 0,
            col: 0,
        }
    }
}

impl TextArea {
    /// An editor holding `text`, the cursor at its end.
    pub fn with_text(text: &str) -> TextArea {
        let mut lines: Vec<String> = text
            .split('\n')
            .map(|l| {
                l.chars()
                    .filter(|c| !c.is_control() || *c == '\t')
                    .collect()
            })
            .collect();
        if lines.is_empty() {
            lines.push(String::new());
        }
        let row = lines.len() - 1;
        let col = lines[row].chars().count();
        TextArea { lines, row, col }
    }

    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// (row, char column) of the cursor.
    pub fn cursor(&self) -> (usize, usize) {
        (self.row, self.col)
    }

    fn line_len(&self, row: usize) -> usize {
        self.lines[row].chars().count()
    }

    fn byte(&self, row: usize, col: usize) -> usize {
        self.lines[row]
            .char_indices()
            .nth(col)
            .map_or(self.lines[row].len(), |(b, _)| b)
    }

    pub fn insert(&mut self, c: char) {
        if c == '\n' {
            return self.newline();
        }
        if c.is_control() && c != '\t' {
            return;
        }
        let b = self.byte(self.row, self.col);
        self.lines[self.row].insert(b, c);
        self.col += 1;
    }

    pub fn insert_str(&mut self, s: &str) {
        for c in s.chars() {
            self.insert(if c == '\r' { '\n' } else { c });
        }
    }

    pub fn newline(&mut self) {
        let b = self.byte(self.row, self.col);
        let rest = self.lines[self.row].split_off(b);
        self.lines.insert(self.row + 1, rest);
        self.row += 1;
        self.col = 0;
    }

    pub fn backspace(&mut self) {
        if self.col > 0 {
            self.col -= 1;
            let b = self.byte(self.row, self.col);
            self.lines[self.row].remove(b);
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.line_len(self.row);
            self.lines[self.row].push_str(&line);
        }
    }

    pub fn delete(&mut self) {
        if self.col < self.line_len(self.row) {
            let b = self.byte(self.row, self.col);
            self.lines[self.row].remove(b);
        } else if self.row + 1 < self.lines.len() {
            let next = self.lines.remove(self.row + 1);
            self.lines[self.row].push_str(&next);
        }
    }

    pub fn delete_word(&mut self) {
        let chars: Vec<char> = self.lines[self.row].chars().collect();
        let mut start = self.col;
        while start > 0 && chars[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !chars[start - 1].is_whitespace() {
            start -= 1;
        }
        if start == self.col {
            return self.backspace();
        }
        let (a, b) = (self.byte(self.row, start), self.byte(self.row, self.col));
        self.lines[self.row].replace_range(a..b, "");
        self.col = start;
    }

    pub fn left(&mut self) {
        if self.col > 0 {
            self.col -= 1;
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.line_len(self.row);
        }
    }

    pub fn right(&mut self) {
        if self.col < self.line_len(self.row) {
            self.col += 1;
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    pub fn up(&mut self) {
        if self.row > 0 {
            self.row -= 1;
            self.col = self.col.min(self.line_len(self.row));
        }
    }

    pub fn down(&mut self) {
        if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = self.col.min(self.line_len(self.row));
        }
    }

    pub fn home(&mut self) {
        self.col = 0;
    }

    pub fn end(&mut self) {
        self.col = self.line_len(self.row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_across_lines() {
        let mut t = TextArea::default();
        t.insert_str("ask about\nthe team");
        assert_eq!(t.text(), "ask about\nthe team");
        assert_eq!(t.cursor(), (1, 8));
        t.home();
        t.backspace();
        assert_eq!(t.text(), "ask aboutthe team");
        t.newline();
        t.up();
        t.end();
        t.insert('!');
        assert_eq!(t.text(), "ask about!\nthe team");
        t.down();
        t.end();
        t.delete_word();
        assert_eq!(t.text(), "ask about!\nthe ");
        t.delete();
        t.up();
        t.end();
        t.delete();
        assert_eq!(t.text(), "ask about!the ");
    }

    #[test]
    fn with_text_and_controls() {
        let mut t = TextArea::with_text("a\nb\x1b[2J");
        assert_eq!(t.text(), "a\nb[2J");
        t.insert('\x07');
        assert_eq!(t.text(), "a\nb[2J");
    }
}
