//! The search bar's line editor: a string and a cursor, edited like a shell line.

/// Most characters a one-line field holds (a query, a list name, a path). A paste beyond it is
/// cut: a megabyte pasted into the search bar is a mistake, and every keystroke re-reads the
/// whole line.
pub const MAX_LINE: usize = 4096;

/// A single-line text input of at most [`MAX_LINE`] characters. The cursor is a char index
/// (0 ..= number of chars).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    cursor: usize,
}

impl LineInput {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_at(&self, char_idx: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_idx)
            .map_or(self.text.len(), |(b, _)| b)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Types a character; false when the field is full.
    pub fn insert(&mut self, c: char) -> bool {
        // Control characters never enter the query (a pasted escape sequence included).
        if c.is_control() {
            return true;
        }
        if self.len() >= MAX_LINE {
            return false;
        }
        let b = self.byte_at(self.cursor);
        self.text.insert(b, c);
        self.cursor += 1;
        true
    }

    /// Inserts text at the cursor in one step (line breaks and tabs become spaces, other
    /// control characters are dropped); what does not fit is left out. Returns how many
    /// characters were left out.
    pub fn insert_str(&mut self, s: &str) -> usize {
        let room = MAX_LINE.saturating_sub(self.len());
        let mut clean = String::with_capacity(s.len().min(room * 4));
        let mut taken = 0;
        let mut dropped = 0;
        for c in s.chars() {
            let c = if c == '\n' || c == '\t' { ' ' } else { c };
            if c.is_control() {
                continue;
            }
            if taken < room {
                clean.push(c);
                taken += 1;
            } else {
                dropped += 1;
            }
        }
        let b = self.byte_at(self.cursor);
        self.text.insert_str(b, &clean);
        self.cursor += taken;
        dropped
    }

    pub fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        self.cursor -= 1;
        let b = self.byte_at(self.cursor);
        self.text.remove(b);
    }

    pub fn delete(&mut self) {
        if self.cursor < self.len() {
            let b = self.byte_at(self.cursor);
            self.text.remove(b);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.len();
    }

    /// Deletes the word before the cursor (and the spaces after it), like Ctrl-W in a shell.
    pub fn delete_word(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = self.cursor;
        while start > 0 && chars[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !chars[start - 1].is_whitespace() {
            start -= 1;
        }
        let (a, b) = (self.byte_at(start), self.byte_at(self.cursor));
        self.text.replace_range(a..b, "");
        self.cursor = start;
    }

    /// Deletes everything before the cursor, like Ctrl-U in a shell.
    pub fn clear_before(&mut self) {
        let b = self.byte_at(self.cursor);
        self.text.replace_range(..b, "");
        self.cursor = 0;
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> LineInput {
        let mut l = LineInput::default();
        l.insert_str(s);
        l
    }

    #[test]
    fn edits_like_a_shell_line() {
        let mut l = typed("senior rust");
        l.delete_word();
        assert_eq!(l.text(), "senior ");
        l.insert_str("go");
        l.home();
        l.delete();
        assert_eq!(l.text(), "enior go");
        l.end();
        l.left();
        l.backspace();
        assert_eq!((l.text(), l.cursor()), ("enior o", 6));
        l.clear_before();
        assert_eq!((l.text(), l.cursor()), ("o", 0));
    }

    #[test]
    fn a_paste_is_inserted_at_once_and_cut_at_the_limit() {
        let mut l = typed("ab");
        l.home();
        l.right();
        assert_eq!(l.insert_str("x\ny\u{1b}"), 0);
        assert_eq!((l.text(), l.cursor()), ("ax yb", 4));
        let mut l = LineInput::default();
        let big = "é".repeat(MAX_LINE + 10);
        assert_eq!(l.insert_str(&big), 10);
        assert_eq!(l.text().chars().count(), MAX_LINE);
        assert!(!l.insert('z'), "full");
        assert_eq!(l.cursor(), MAX_LINE);
    }

    #[test]
    fn multibyte_and_controls() {
        let mut l = typed("採用 x\x1b[2J");
        assert_eq!(l.text(), "採用 x[2J");
        l.home();
        l.right();
        l.backspace();
        assert_eq!(l.text(), "用 x[2J");
        l.delete_word();
        assert_eq!(l.text(), "用 x[2J");
    }
}
