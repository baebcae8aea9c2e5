//! Finds the line of a field in a JSON text by its path (`phases[2].minutes`), so a mistake
//! found after parsing can still be shown where the user wrote it.
//!
//! A small scanner rather than a second parser: it only tracks strings, brackets, keys and
//! array positions, which is all a path needs. It assumes the text is valid JSON (the caller
//! has already parsed it).

use std::iter::Peekable;
use std::str::Chars;

/// One step of a path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Step {
    Key(String),
    Index(usize),
}

fn parse_path(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in path.split('.') {
        let mut rest = part;
        if let Some(open) = rest.find('[') {
            if open > 0 {
                steps.push(Step::Key(rest[..open].to_string()));
            }
            rest = &rest[open..];
            while let Some(inner) = rest.strip_prefix('[') {
                let Some(close) = inner.find(']') else { break };
                if let Ok(i) = inner[..close].parse() {
                    steps.push(Step::Index(i));
                }
                rest = &inner[close + 1..];
            }
        } else if !rest.is_empty() {
            steps.push(Step::Key(rest.to_string()));
        }
    }
    steps
}

/// A container being scanned: an object (with the key whose value comes next, and that key's
/// line) or an array (with the index of the next element).
enum Frame {
    Object { key: Option<(String, usize)> },
    Array { index: usize },
}

/// The 1-based line where the value at `path` starts (for a key, the key's line), or the
/// deepest existing parent's line when the field itself is missing.
pub fn line_of(text: &str, path: &str) -> Option<usize> {
    let mut scanner = Scanner {
        wanted: parse_path(path),
        stack: Vec::new(),
        current: Vec::new(),
        best: None,
        seen: None,
        line: 1,
        chars: text.chars().peekable(),
    };
    while let Some(c) = scanner.chars.next() {
        scanner.read(c);
    }
    scanner.best.map(|(_, line)| line)
}

/// The lines of many paths in one scan of the text: [`line_of`] for each, without reading
/// the text once per path (a format with thousands of mistakes made that quadratic).
pub fn lines_of(text: &str, paths: &[&str]) -> Vec<Option<usize>> {
    let wanted: Vec<Vec<Step>> = paths.iter().map(|p| parse_path(p)).collect();
    // Every prefix of a wanted path gets the line where it is first seen, as `line_of`
    // keeps the first of equally deep matches; a path then takes its deepest known prefix.
    let seen: std::collections::HashMap<Vec<Step>, Option<usize>> = wanted
        .iter()
        .flat_map(|w| (1..=w.len()).map(|n| (w[..n].to_vec(), None)))
        .collect();
    let mut scanner = Scanner {
        wanted: Vec::new(),
        stack: Vec::new(),
        current: Vec::new(),
        best: None,
        seen: Some(seen),
        line: 1,
        chars: text.chars().peekable(),
    };
    while let Some(c) = scanner.chars.next() {
        scanner.read(c);
    }
    let seen = scanner.seen.unwrap_or_default();
    wanted
        .iter()
        .map(|w| {
            (1..=w.len())
                .rev()
                .find_map(|n| seen.get(&w[..n]).copied().flatten())
        })
        .collect()
}

/// The scan's state: where it is in the text and in the tree, and the best match so far.
struct Scanner<'a> {
    wanted: Vec<Step>,
    /// The containers open around the current position, innermost last.
    stack: Vec<Frame>,
    /// The path of the value being read (one step per open container's current member).
    current: Vec<Step>,
    /// The deepest match with `wanted` so far, as (matched depth, line).
    best: Option<(usize, usize)>,
    /// For [`lines_of`]: the first line of each path asked about, instead of `best`.
    seen: Option<std::collections::HashMap<Vec<Step>, Option<usize>>>,
    line: usize,
    chars: Peekable<Chars<'a>>,
}

impl Scanner<'_> {
    /// Handles one character outside strings and scalars.
    fn read(&mut self, c: char) {
        match c {
            '\n' => self.line += 1,
            '"' => {
                let s = self.read_string();
                self.string_read(s);
            }
            '{' | '[' => self.open(c),
            '}' | ']' => self.close(),
            ',' => self.next_member(),
            c if c.is_whitespace() || c == ':' => {}
            _ => {
                // A number, true, false or null: consume it as one scalar value.
                self.skip_scalar();
                self.value_starts();
                self.current.pop();
            }
        }
    }

    /// Reads the rest of a string after its opening quote, counting the lines it spans.
    fn read_string(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.chars.next() {
            match c {
                '\\' => {
                    self.chars.next();
                }
                '"' => break,
                '\n' => self.line += 1,
                c => s.push(c),
            }
        }
        s
    }

    /// A string right after `{` or `,` in an object is a key; anywhere else it is a value.
    fn string_read(&mut self, s: String) {
        match self.stack.last_mut() {
            Some(Frame::Object { key: key @ None }) => *key = Some((s, self.line)),
            _ => {
                self.value_starts();
                self.current.pop();
            }
        }
    }

    fn skip_scalar(&mut self) {
        while self
            .chars
            .peek()
            .is_some_and(|n| !matches!(n, ',' | '}' | ']') && !n.is_whitespace())
        {
            self.chars.next();
        }
    }

    /// `{` or `[`: a nested container is a value of its parent; then it opens.
    fn open(&mut self, c: char) {
        if !self.stack.is_empty() {
            self.value_starts();
        }
        self.stack.push(if c == '{' {
            Frame::Object { key: None }
        } else {
            Frame::Array { index: 0 }
        });
    }

    fn close(&mut self) {
        self.stack.pop();
        if !self.stack.is_empty() {
            self.current.pop();
        }
    }

    /// `,`: an object waits for its next key, an array counts its next element.
    fn next_member(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Object { key }) => *key = None,
            Some(Frame::Array { index }) => *index += 1,
            None => {}
        }
    }

    /// Called when a value starts: give it its path step, and see whether it matches.
    fn value_starts(&mut self) {
        match self.stack.last() {
            Some(Frame::Object {
                key: Some((k, key_line)),
            }) => {
                let key_line = *key_line;
                self.current.push(Step::Key(k.clone()));
                self.consider(key_line);
            }
            Some(Frame::Array { index }) => {
                self.current.push(Step::Index(*index));
                self.consider(self.line);
            }
            _ => self.current.push(Step::Key(String::new())),
        }
    }

    /// Keeps `line` as the best answer when the current path is a deeper prefix of the wanted
    /// one than any seen before.
    fn consider(&mut self, line: usize) {
        if let Some(seen) = &mut self.seen {
            if let Some(slot @ None) = seen.get_mut(&self.current) {
                *slot = Some(line);
            }
            return;
        }
        let depth = self
            .current
            .iter()
            .zip(&self.wanted)
            .take_while(|(a, b)| a == b)
            .count();
        if depth == self.current.len() && self.best.is_none_or(|(d, _)| depth > d) {
            self.best = Some((depth, line));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "name": "x",
  "phases": [
    {
      "id": "a",
      "minutes": 5
    },
    {
      "id": "b",
      "title": { "fi": "B" },
      "minutes": 999
    }
  ]
}"#;

    #[test]
    fn finds_keys_inside_arrays_of_objects() {
        assert_eq!(line_of(TEXT, "name"), Some(2));
        assert_eq!(line_of(TEXT, "phases"), Some(3));
        assert_eq!(line_of(TEXT, "phases[0].minutes"), Some(6));
        assert_eq!(line_of(TEXT, "phases[1].id"), Some(9));
        assert_eq!(line_of(TEXT, "phases[1].title.fi"), Some(10));
        assert_eq!(line_of(TEXT, "phases[1].minutes"), Some(11));
    }

    #[test]
    fn a_missing_field_points_at_its_nearest_parent() {
        // phases[1] has no "text": the closest known place is the element itself.
        assert_eq!(line_of(TEXT, "phases[1].text"), Some(8));
        assert_eq!(line_of(TEXT, "nothing"), None);
    }

    #[test]
    fn many_paths_in_one_scan_agree_with_one_at_a_time() {
        let paths = [
            "name",
            "phases",
            "phases[0].minutes",
            "phases[1].id",
            "phases[1].title.fi",
            "phases[1].minutes",
            "phases[1].text",
            "phases[7].id",
            "nothing",
        ];
        let one_by_one: Vec<Option<usize>> = paths.iter().map(|p| line_of(TEXT, p)).collect();
        assert_eq!(lines_of(TEXT, &paths), one_by_one);
    }

    #[test]
    fn escaped_quotes_and_braces_in_strings_do_not_confuse_it() {
        let text = "{\n \"a\": \"x\\\" { [\",\n \"b\": 1\n}";
        assert_eq!(line_of(text, "b"), Some(3));
    }
}
