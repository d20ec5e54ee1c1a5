//! A small multi-line text editor for notes: lines of text and a cursor (row, char column).

/// Most characters a note holds (a paste beyond it is cut).
pub const MAX_NOTE: usize = 64 * 1024;

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

    /// Characters in the note (line breaks count one each).
    fn len(&self) -> usize {
        self.lines.iter().map(|l| l.chars().count()).sum::<usize>() + self.lines.len() - 1
    }

    /// Types a character; false when the note is full.
    pub fn insert(&mut self, c: char) -> bool {
        if c.is_control() && c != '\t' && c != '\n' {
            return true;
        }
        if self.len() >= MAX_NOTE {
            return false;
        }
        if c == '\n' {
            self.newline();
            return true;
        }
        let b = self.byte(self.row, self.col);
        self.lines[self.row].insert(b, c);
        self.col += 1;
        true
    }

    /// Inserts text at the cursor in one step (CRLF and CR end lines; other control characters
    /// but tabs are dropped); what does not fit in [`MAX_NOTE`] is left out. Returns how many
    /// characters were left out.
    pub fn insert_str(&mut self, s: &str) -> usize {
        let room = MAX_NOTE.saturating_sub(self.len());
        let mut pieces: Vec<String> = vec![String::new()];
        let mut taken = 0;
        let mut dropped = 0;
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            let c = match c {
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    '\n'
                }
                c if c.is_control() && c != '\t' && c != '\n' => continue,
                c => c,
            };
            if taken >= room {
                dropped += 1;
                continue;
            }
            taken += 1;
            if c == '\n' {
                pieces.push(String::new());
            } else if let Some(last) = pieces.last_mut() {
                last.push(c);
            }
        }
        // The line splits at the cursor: the first piece joins its start, the last its end.
        let b = self.byte(self.row, self.col);
        let tail = self.lines[self.row].split_off(b);
        let last = pieces.len() - 1;
        let end_col = pieces[last].chars().count() + if last == 0 { self.col } else { 0 };
        let mut rest = pieces.split_off(1);
        self.lines[self.row].push_str(&pieces[0]);
        if let Some(l) = rest.last_mut() {
            l.push_str(&tail);
        } else {
            self.lines[self.row].push_str(&tail);
        }
        let at = self.row + 1;
        self.lines.splice(at..at, rest);
        self.row += last;
        self.col = end_col;
        dropped
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
    fn a_paste_goes_in_at_the_cursor_at_once_and_is_cut_at_the_limit() {
        let mut t = TextArea::with_text("start end");
        t.home();
        for _ in 0..6 {
            t.right();
        }
        assert_eq!(t.insert_str("one\r\ntwo\rthree \u{1b}"), 0);
        assert_eq!(t.text(), "start one\ntwo\nthree end");
        assert_eq!(t.cursor(), (2, 6));
        t.insert('!');
        assert_eq!(t.text(), "start one\ntwo\nthree !end");
        let mut t = TextArea::default();
        let big = "x".repeat(MAX_NOTE + 5);
        assert_eq!(t.insert_str(&big), 5);
        assert!(!t.insert('y'));
        assert_eq!(t.text().chars().count(), MAX_NOTE);
    }

    #[test]
    fn with_text_and_controls() {
        let mut t = TextArea::with_text("a\nb\x1b[2J");
        assert_eq!(t.text(), "a\nb[2J");
        t.insert('\x07');
        assert_eq!(t.text(), "a\nb[2J");
    }
}
