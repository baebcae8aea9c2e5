//! The report's tables in text: columns as wide as their cells, the heads wrapped onto
//! more lines (or cut) where the screen is narrow, text left and numbers right, a rule
//! under the heads. Two spaces between columns, one where that lets every head's words be
//! whole.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::super::page::TextPage;
use crate::export::report::Cell;
use crate::tui::app::Ctx;
use crate::tui::widgets::{fit, wrap_words};

/// Between two columns, and where the screen is narrow.
const GAP: usize = 2;
const NARROW_GAP: usize = 1;
/// The most lines a column's head takes.
const HEAD_LINES: usize = 3;
/// The narrowest the first column (the labels) is cut to.
const MIN_LABEL: usize = 8;

/// Draws a table of `head` over `rows` in `width` columns.
pub(super) fn draw(
    doc: &mut TextPage,
    head: &[String],
    rows: &[Vec<Cell>],
    width: usize,
    cx: &Ctx,
) {
    let theme = cx.theme;
    let columns = head.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|c| c.shown(cx.lang)).collect())
        .collect();
    let numeric: Vec<bool> = (0..columns)
        .map(|i| i > 0 && rows.iter().any(|r| r.get(i).is_some_and(Cell::is_number)))
        .collect();
    let heads: Vec<&str> = (0..columns)
        .map(|i| head.get(i).map_or("", String::as_str))
        .collect();
    let gap = if fits_with(&heads, &cells, width, GAP) {
        GAP
    } else {
        NARROW_GAP
    };
    let widths = widths(&heads, &cells, width, gap);
    // The heads wrapped to their columns, lined up at the bottom.
    let wrapped: Vec<Vec<String>> = heads
        .iter()
        .zip(&widths)
        .map(|(h, w)| {
            let mut lines = wrap_words(h, *w);
            if lines.len() > HEAD_LINES {
                lines.truncate(HEAD_LINES);
                let last = format!("{}…", lines[HEAD_LINES - 1]);
                lines[HEAD_LINES - 1] = fit(&last, *w);
            }
            lines
        })
        .collect();
    let head_rows = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    for line in 0..head_rows {
        let last = line + 1 == head_rows;
        let style = if last {
            theme.quiet().add_modifier(Modifier::UNDERLINED)
        } else {
            theme.quiet()
        };
        let mut spans = Vec::new();
        for (i, (lines, w)) in wrapped.iter().zip(&widths).enumerate() {
            let skip = head_rows - lines.len();
            let text = line
                .checked_sub(skip)
                .and_then(|at| lines.get(at))
                .map_or("", String::as_str);
            if i > 0 {
                spans.push(Span::raw(" ".repeat(gap)));
            }
            let text = align(text, *w, numeric[i]);
            // The rule under the heads runs under every column, blank heads too.
            spans.push(Span::styled(text, style));
        }
        doc.push(Line::from(spans));
    }
    for row in &cells {
        let mut spans = Vec::new();
        for (i, w) in widths.iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw(" ".repeat(gap)));
            }
            let text = row.get(i).map_or("", String::as_str);
            spans.push(Span::styled(align(text, *w, numeric[i]), theme.text()));
        }
        doc.push(Line::from(spans));
    }
}

/// Whether a table of `head` over `rows` fits `width` with every head's longest word whole.
pub(super) fn fits(head: &[String], rows: &[Vec<Cell>], width: usize, cx: &Ctx) -> bool {
    let heads: Vec<&str> = head.iter().map(String::as_str).collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|c| c.shown(cx.lang)).collect())
        .collect();
    fits_with(&heads, &cells, width, NARROW_GAP)
}

fn fits_with(heads: &[&str], cells: &[Vec<String>], width: usize, gap: usize) -> bool {
    let natural: usize = natural(heads, cells).iter().sum();
    natural + gap * heads.len().saturating_sub(1) <= width
}

/// Each column's width with its head's longest word whole.
fn natural(heads: &[&str], cells: &[Vec<String>]) -> Vec<usize> {
    heads
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let word = h.split_whitespace().map(|w| w.width()).max().unwrap_or(0);
            cells
                .iter()
                .filter_map(|row| row.get(i))
                .map(|c| c.width())
                .max()
                .unwrap_or(0)
                .max(word)
                .max(1)
        })
        .collect()
}

/// `text` cut to `width` and padded to it, at the right for a number.
fn align(text: &str, width: usize, right: bool) -> String {
    let text = fit(text, width);
    let pad = " ".repeat(width.saturating_sub(text.width()));
    if right {
        format!("{pad}{text}")
    } else {
        format!("{text}{pad}")
    }
}

/// The columns' widths in `width`: each as wide as its widest cell; then, while there is
/// room, widened for its head's longest word, then for its whole head. Where the cells
/// alone do not fit, the first column (the labels) gives way.
fn widths(heads: &[&str], cells: &[Vec<String>], width: usize, gap: usize) -> Vec<usize> {
    let columns = heads.len();
    let mut out: Vec<usize> = (0..columns)
        .map(|i| {
            cells
                .iter()
                .filter_map(|row| row.get(i))
                .map(|c| c.width())
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let gaps = gap * columns.saturating_sub(1);
    let used = |w: &[usize]| w.iter().sum::<usize>() + gaps;
    let word: Vec<usize> = heads
        .iter()
        .map(|h| h.split_whitespace().map(|w| w.width()).max().unwrap_or(0))
        .collect();
    if used(&out) > width && columns > 0 {
        // The labels leave room for the other columns' cells and their heads' words.
        let others: usize = gaps + (1..columns).map(|i| out[i].max(word[i])).sum::<usize>();
        out[0] = width.saturating_sub(others).max(MIN_LABEL.min(out[0]));
    }
    let whole: Vec<usize> = heads.iter().map(|h| h.width()).collect();
    for target in [word, whole] {
        // One column a step, in turn, so that the room left is shared.
        loop {
            let mut grew = false;
            for i in 0..columns {
                if used(&out) < width && out[i] < target[i] {
                    out[i] += 1;
                    grew = true;
                }
            }
            if !grew {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_take_their_cells_then_their_heads_as_room_allows() {
        let heads = ["Päivä", "Opiskelijoiden puheaika", "Tasapuolisuus"];
        let cells = vec![vec!["3.11.2026".to_string(), "38 %".into(), "0,92".into()]];
        assert_eq!(widths(&heads, &cells, 80, GAP), [9, 23, 13]);
        // Room for the longest words only.
        assert_eq!(widths(&heads, &cells, 9 + 14 + 13 + 4, GAP), [9, 14, 13]);
        // Less: the room left is shared in turn.
        assert_eq!(widths(&heads, &cells, 9 + 4 + 4 + 4 + 4, GAP), [9, 6, 6]);
    }

    #[test]
    fn long_labels_give_way_when_the_cells_do_not_fit() {
        let heads = ["Luku", "Arvo"];
        let cells = vec![vec!["x".repeat(40), "12".into()]];
        assert_eq!(widths(&heads, &cells, 30, GAP), [24, 4]);
    }
}
