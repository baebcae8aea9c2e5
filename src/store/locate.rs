//! Finds the line of a field in a JSON text by its path (`phases[2].minutes`), so a mistake
//! found after parsing can still be shown where the user wrote it.
//!
//! A small scanner rather than a second parser: it only tracks strings, brackets, keys and
//! array positions, which is all a path needs. It assumes the text is valid JSON (the caller
//! has already parsed it).

/// One step of a path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// A container being scanned: an object (with the key whose value comes next) or an array
/// (with the index of the next element).
enum Frame {
    Object { key: Option<(String, usize)> },
    Array { index: usize, line: usize },
}

/// The 1-based line where the value at `path` starts (for a key, the key's line), or the
/// deepest existing parent's line when the field itself is missing.
pub fn line_of(text: &str, path: &str) -> Option<usize> {
    let wanted = parse_path(path);
    let mut stack: Vec<Frame> = Vec::new();
    let mut current: Vec<Step> = Vec::new();
    let mut best: Option<(usize, usize)> = None; // (matched depth, line)
    let mut line = 1;
    let mut chars = text.chars().peekable();
    let consider = |current: &[Step], line: usize, best: &mut Option<(usize, usize)>| {
        let depth = current
            .iter()
            .zip(&wanted)
            .take_while(|(a, b)| a == b)
            .count();
        if depth == current.len() && best.is_none_or(|(d, _)| depth > d) {
            *best = Some((depth, line));
        }
    };
    // Called when a value starts: give it its path step.
    let mut value_starts =
        |stack: &mut Vec<Frame>, current: &mut Vec<Step>, line: usize| match stack.last_mut() {
            Some(Frame::Object {
                key: Some((k, key_line)),
            }) => {
                current.push(Step::Key(k.clone()));
                let l = *key_line;
                consider(current, l, &mut best);
            }
            Some(Frame::Array { index, line: _ }) => {
                current.push(Step::Index(*index));
                consider(current, line, &mut best);
            }
            _ => current.push(Step::Key(String::new())),
        };
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            '"' => {
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        '\n' => line += 1,
                        c => s.push(c),
                    }
                }
                // A string right after `{` or `,` in an object is a key.
                let is_key = matches!(stack.last(), Some(Frame::Object { key: None }));
                if is_key {
                    if let Some(Frame::Object { key }) = stack.last_mut() {
                        *key = Some((s, line));
                    }
                } else {
                    value_starts(&mut stack, &mut current, line);
                    current.pop();
                }
            }
            '{' | '[' => {
                if !stack.is_empty() {
                    value_starts(&mut stack, &mut current, line);
                }
                stack.push(if c == '{' {
                    Frame::Object { key: None }
                } else {
                    Frame::Array { index: 0, line }
                });
                if let Some(Frame::Array { line: l, .. }) = stack.last_mut() {
                    *l = line;
                }
            }
            '}' | ']' => {
                stack.pop();
                if !stack.is_empty() {
                    current.pop();
                }
            }
            ',' => match stack.last_mut() {
                Some(Frame::Object { key }) => *key = None,
                Some(Frame::Array { index, line: l }) => {
                    *index += 1;
                    *l = line;
                }
                None => {}
            },
            c if c.is_whitespace() || c == ':' => {
                if let Some(Frame::Array { line: l, .. }) = stack.last_mut()
                    && c == '\n'
                {
                    *l = line;
                }
            }
            _ => {
                // A number, true, false or null: consume it as one scalar value.
                while chars
                    .peek()
                    .is_some_and(|n| !matches!(n, ',' | '}' | ']') && !n.is_whitespace())
                {
                    chars.next();
                }
                value_starts(&mut stack, &mut current, line);
                current.pop();
            }
        }
    }
    best.map(|(_, line)| line)
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
    fn escaped_quotes_and_braces_in_strings_do_not_confuse_it() {
        let text = "{\n \"a\": \"x\\\" { [\",\n \"b\": 1\n}";
        assert_eq!(line_of(text, "b"), Some(3));
    }
}
