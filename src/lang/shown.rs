//! Text from a file or a user made safe to show: the one place that decides which
//! characters may reach a terminal, and how long a quoted value may be.
//!
//! A session, group or format file can hold anything, and a terminal obeys what it is sent:
//! `ESC ] 52 ; c ; …` writes the clipboard, `ESC [ 2 J` clears the screen, and the bidi
//! overrides turn the text around it backwards ("Trojan Source"). So every control
//! character (C0, DEL, C1) and every bidi override or isolate is shown escaped as
//! `\u{1b}`, never sent: the reader sees that something odd is in the file, and nothing
//! in it acts. Only the printing edges (the CLI's `say!`/`tell!`, the exports' bytes) and
//! the builders of error messages call this.

use std::borrow::Cow;

/// The longest value an error message quotes, in characters: enough to recognise the
/// value, short enough that a 100 KB bad field does not bury the message.
pub const QUOTE_CHARS: usize = 80;

/// The longest library message (serde's words with values in them) an error keeps.
pub const DETAIL_CHARS: usize = 400;

/// What survives of the layout characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Nothing: a field, a name, a value in a message is one line (a newline in a title
    /// would break a listing's columns).
    Nothing,
    /// Newlines and tabs, and a carriage return right before a newline (the CRLF line ends
    /// of CSV and iCalendar): for text that is several lines by design.
    Lines,
}

/// Whether `c` must never reach a terminal as it is: C0 and C1 controls, DEL, and the bidi
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// `text` with every unsafe character written out as `\u{1b}` (the way Rust writes it, and
/// what the reader can look up), keeping the layout characters that `keep` allows. Borrows
/// when there is nothing to change, which is nearly always.
pub fn escape(text: &str, keep: Keep) -> Cow<'_, str> {
    let kept = |c: char, next: Option<char>| {
        keep == Keep::Lines && (c == '\n' || c == '\t' || (c == '\r' && next == Some('\n')))
    };
    let mut chars = text.chars().peekable();
    let mut first = None;
    let mut at = 0;
    while let Some(c) = chars.next() {
        if is_unsafe(c) && !kept(c, chars.peek().copied()) {
            first = Some(at);
            break;
        }
        at += c.len_utf8();
    }
    let Some(first) = first else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        if is_unsafe(c) && !kept(c, chars.peek().copied()) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A serialized JSON document with every unsafe character written as a JSON escape
/// (`\u001b`, `\u202e`): lossless, since such a character can only stand inside a JSON
/// string, where the escape reads back as the same character. serde_json escapes only C0.
pub fn json(text: &str) -> Cow<'_, str> {
    // serde_json escapes every C0 inside a string, so a raw newline, tab or carriage
    // return is the layout between values, which stays.
    let escaped = |c: char| is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r');
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if escaped(c) {
            // Every unsafe character is in the Basic Multilingual Plane: four digits do.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` cut to at most `max` characters, on a character boundary, ending in `…` when
/// something was cut.
pub fn cut(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some(_) => {
            let keep = max.saturating_sub(1);
            let end = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
            Cow::Owned(format!("{}…", &text[..end]))
        }
    }
}

/// A value from a file as an error message quotes it: one line, escaped, and at most
/// [`QUOTE_CHARS`] characters.
pub fn quoted(value: &str) -> String {
    // Cut first so a 100 KB value is never escaped whole; cut again for what the escapes
    // added.
    let head = cut(value, QUOTE_CHARS);
    cut(&escape(&head, Keep::Nothing), QUOTE_CHARS).into_owned()
}

/// A library's message that quotes values from a file (serde's "unknown variant `…`,
/// expected one of `a`, `b`"): each stretch between quotes escaped and cut by [`quoted`], the whole cut to
/// [`DETAIL_CHARS`], so the library's own words (what was expected) survive a huge value.
pub fn brief(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    // Stop early: the result is cut to DETAIL_CHARS anyway, and a message of 50,000 short
    // quoted pieces must not be walked whole.
    while out.len() <= DETAIL_CHARS * 4 {
        match rest.find(['`', '"']) {
            Some(at) => {
                out.push_str(&quoted(&rest[..at]));
                out.push_str(&rest[at..=at]);
                rest = &rest[at + 1..];
            }
            None => {
                out.push_str(&quoted(rest));
                break;
            }
        }
    }
    cut(&out, DETAIL_CHARS).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_shown_escaped() {
        let bad = "a\u{1b}]52;c;aGk=\u{7}b\u{1b}[2Jc\u{7f}\u{9b}d\u{202e}e\u{2066}f\u{0}";
        assert_eq!(
            escape(bad, Keep::Nothing),
            "a\\u{1b}]52;c;aGk=\\u{7}b\\u{1b}[2Jc\\u{7f}\\u{9b}d\\u{202e}e\\u{2066}f\\u{0}"
        );
        for c in ['\u{202a}', '\u{202d}', '\u{2069}', '\u{85}', '\u{1f}'] {
            assert!(is_unsafe(c), "{c:?}");
        }
        for c in ['a', 'ä', ' ', '\u{200d}', '\u{2070}', '\u{2029}', '…'] {
            assert!(!is_unsafe(c), "{c:?}");
        }
    }

    #[test]
    fn layout_survives_only_in_multi_line_text() {
        let text = "one\ttwo\r\nthree\rfour\n";
        assert_eq!(escape(text, Keep::Lines), "one\ttwo\r\nthree\\u{d}four\n");
        assert_eq!(
            escape(text, Keep::Nothing),
            "one\\u{9}two\\u{d}\\u{a}three\\u{d}four\\u{a}"
        );
    }

    #[test]
    fn json_escapes_read_back_as_the_same_text() {
        let value = vec!["a\u{1b}[2J\u{7f}\u{9b}\u{202e}\u{2069}ä\n".to_string()];
        let written = serde_json::to_string_pretty(&value).unwrap();
        let safe = json(&written);
        assert!(!safe.chars().any(|c| is_unsafe(c) && c != '\n'), "{safe}");
        assert!(safe.starts_with("[\n  \""), "the layout stays: {safe}");
        assert_eq!(serde_json::from_str::<Vec<String>>(&safe).unwrap(), value);
    }

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        assert!(matches!(
            escape("Kokous ääkkösin", Keep::Lines),
            Cow::Borrowed(_)
        ));
        assert!(matches!(cut("lyhyt", 80), Cow::Borrowed(_)));
    }

    #[test]
    fn cuts_fall_on_character_boundaries() {
        assert_eq!(cut("äöåäö", 3), "äö…");
        assert_eq!(cut("äöå", 3), "äöå");
        assert_eq!(cut("", 0), "");
        let long = "ä".repeat(100_000);
        let q = quoted(&long);
        assert_eq!(q.chars().count(), QUOTE_CHARS);
        assert!(q.ends_with('…'));
    }

    #[test]
    fn a_quoted_value_is_short_and_escaped_even_when_escapes_lengthen_it() {
        let q = quoted(&"\u{1b}".repeat(100_000));
        assert!(q.chars().count() <= QUOTE_CHARS);
        assert!(!q.contains('\u{1b}'));
    }

    #[test]
    fn a_library_message_keeps_its_words_but_not_a_huge_value() {
        let value = "x".repeat(100_000);
        let message = format!("unknown variant `{value}\u{1b}[2J`, expected `a` or `b`");
        let short = brief(&message);
        assert!(short.chars().count() <= DETAIL_CHARS, "{}", short.len());
        assert!(short.starts_with("unknown variant `xxx"));
        assert!(short.ends_with("`, expected `a` or `b`"), "{short}");
        let quotes = "\"".repeat(100_000);
        assert!(brief(&quotes).chars().count() <= DETAIL_CHARS);
    }
}
