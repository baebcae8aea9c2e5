//! The memo as Markdown (CommonMark with GitHub tables). Every text from the meeting is
//! escaped, so a note such as `*kiireellinen*` or `<b>` reads as typed.

use super::doc::{Block, Doc, Section, Table};

/// A line to fill in by hand.
const FILL: &str = "______________________________";

/// Escapes Markdown's special characters in text inside a line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes text that starts a paragraph or a list item, where `- x`, `+ x` or `1. x` would
/// start a list.
pub fn escape_start(text: &str) -> String {
    let mut out = escape(text);
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    out
}

fn table(out: &mut String, table: &Table) {
    let cells = |row: &[String]| {
        let cells: Vec<String> = row.iter().map(|c| escape(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&cells(&table.head));
    let rule: Vec<&str> = (0..table.head.len())
        .map(|i| {
            if table.numeric.contains(&i) {
                "--:"
            } else {
                "---"
            }
        })
        .collect();
    out.push_str(&format!("|{}|\n", rule.join("|")));
    for row in &table.rows {
        out.push_str(&cells(row));
    }
    out.push('\n');
}

fn label(out: &mut String, label: &Option<String>) {
    if let Some(label) = label {
        out.push_str(&format!("**{}:**\n\n", escape(label)));
    }
}

fn block(out: &mut String, block: &Block) {
    match block {
        Block::Para(text) => out.push_str(&format!("{}\n\n", escape_start(text))),
        Block::Prompt(text) => out.push_str(&format!("*{}*\n\n", escape(text))),
        Block::Sub(text) => out.push_str(&format!("### {}\n\n", escape(text))),
        Block::List { label: l, items } => {
            label(out, l);
            for item in items {
                out.push_str(&format!("- {}\n", escape_start(item)));
            }
            out.push('\n');
        }
        Block::Groups { label: l, groups } => {
            label(out, l);
            for (heading, items) in groups {
                out.push_str(&format!("- **{}**\n", escape(heading)));
                for item in items {
                    out.push_str(&format!("  - {}\n", escape_start(item)));
                }
            }
            out.push('\n');
        }
        Block::Entry {
            label,
            text,
            details,
        } => {
            out.push_str(&format!("- **{}** {}\n", escape(label), escape(text)));
            for detail in details {
                out.push_str(&format!("  - {}\n", escape_start(detail)));
            }
            out.push('\n');
        }
        Block::Table(t) => table(out, t),
        // A run of underscores between a space and the line end is never emphasis.
        Block::Fill(label) => out.push_str(&format!("**{}:** {}\n\n", escape(label), FILL)),
    }
}

fn section(out: &mut String, section: &Section) {
    match (&section.number, &section.title) {
        (Some(n), Some(title)) => out.push_str(&format!("## {} {}\n\n", escape(n), escape(title))),
        (None, Some(title)) => out.push_str(&format!("## {}\n\n", escape(title))),
        (Some(n), None) => out.push_str(&format!("## {}\n\n", escape(n))),
        (None, None) => {}
    }
    for b in &section.blocks {
        block(out, b);
    }
}

/// Writes the memo as Markdown.
pub fn render(doc: &Doc) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", escape(&doc.title)));
    let mut kind = format!("**{}** · {}", escape(&doc.kind), escape(&doc.subtitle));
    if let Some(public) = &doc.public {
        kind.push_str(&format!(" · **{}**", escape(public)));
    }
    out.push_str(&kind);
    out.push_str("\n\n");
    for (key, value) in &doc.meta {
        let value = if value.chars().all(|c| c == '_') {
            value.clone()
        } else {
            escape(value)
        };
        out.push_str(&format!("- **{}:** {value}\n", escape(key)));
    }
    out.push('\n');
    for s in doc.items.iter().chain(&doc.after) {
        section(&mut out, s);
    }
    out.push_str("---\n\n");
    for line in &doc.footer {
        out.push_str(&format!("*{}*\n\n", escape(line)));
    }
    // One newline at the end, not two.
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_specials_are_escaped() {
        assert_eq!(escape("*kiire* <b> a|b"), "\\*kiire\\* \\<b\\> a\\|b");
        assert_eq!(escape_start("- lista"), "\\- lista");
        assert_eq!(escape_start("1. kohta"), "1\\. kohta");
        assert_eq!(escape("3.11.2026"), "3.11.2026");
        assert_eq!(escape("Ääkköset ovat 3,5 % ok"), "Ääkköset ovat 3,5 % ok");
    }
}
