//! The shape of a JSON text checked in one pass before it is parsed: how deep it nests and
//! how long its longest string is, so an absurd file is refused with a message that names
//! the limit (see [`crate::model::limits`]) instead of being parsed, kept and drawn.

use super::read::Reason;
use crate::model::limits::{MAX_DEPTH, MAX_TEXT_CHARS};

/// Checks nesting and string lengths; does not check that the text is JSON (the parser
/// does that next). Linear in the text.
pub fn check(text: &str) -> Result<(), Reason> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = 0usize;
    for &b in text.as_bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                continue;
            }
            // Counts characters, not bytes: a UTF-8 continuation byte is not a new one.
            if b & 0xC0 != 0x80 {
                chars += 1;
                if chars > MAX_TEXT_CHARS {
                    return Err(Reason::TextTooLong {
                        max: MAX_TEXT_CHARS,
                    });
                }
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                chars = 0;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Reason::TooDeep { max: MAX_DEPTH });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_json_passes_with_brackets_and_quotes_inside_strings() {
        assert_eq!(check(r#"{"a": ["x\"[[[{", {"b": "ä"}]}"#), Ok(()));
    }

    #[test]
    fn nesting_past_the_limit_is_refused() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(check(&ok), Ok(()));
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(check(&deep), Err(Reason::TooDeep { max: MAX_DEPTH }));
    }

    #[test]
    fn a_string_past_the_limit_is_refused_counting_characters_not_bytes() {
        let ok = format!("{{\"a\": \"{}\"}}", "ä".repeat(MAX_TEXT_CHARS));
        assert_eq!(check(&ok), Ok(()));
        let long = format!("{{\"a\": \"{}\"}}", "a".repeat(MAX_TEXT_CHARS + 1));
        assert_eq!(
            check(&long),
            Err(Reason::TextTooLong {
                max: MAX_TEXT_CHARS
            })
        );
    }
}
