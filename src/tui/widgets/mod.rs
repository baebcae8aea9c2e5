//! Small drawing helpers shared by the screens: times, big digits, bars, the footer,
//! truncation at character boundaries, and rectangles that never leave the frame.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};
use tui_big_text::{BigText, PixelSize};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::keymap::{self, KeyContext};
use super::theme::Theme;
use crate::i18n::Text;

pub mod pen;
pub mod qr;
pub mod timer;

/// A running clock: `m:ss`, or `h:mm:ss` from an hour up, in whole seconds counted (as a
/// stopwatch shows them). A length that is over is written by `i18n::words::length`.
pub fn clock(ms: u64) -> String {
    let s = ms / 1000;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// A countdown as people read it: whole seconds rounded up, so `0:00` means time is up;
/// past zero, the overrun with a `+`.
pub fn countdown(remaining_ms: i64) -> String {
    if remaining_ms > 0 {
        clock((remaining_ms as u64).div_ceil(1000) * 1000)
    } else {
        format!("+{}", clock(remaining_ms.unsigned_abs()))
    }
}

/// A duration in words-ish: `12 min`, `1 h 05 min`, `40 s`.
pub fn duration_short(ms: u64) -> String {
    let s = ms / 1000;
    if s < 60 {
        format!("{s} s")
    } else if s < 3600 {
        format!("{} min", s / 60)
    } else {
        format!("{} h {:02} min", s / 3600, s / 60 % 60)
    }
}

/// Cuts `text` to at most `width` columns at a character boundary, adding `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// The part of `area` inside the frame `bounds` (never outside the buffer).
pub fn clamp(area: Rect, bounds: Rect) -> Rect {
    area.intersection(bounds)
}

/// A rectangle of `width` × `height` centred in `area`, shrunk to fit.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// How big text is drawn, from largest to smallest: (size, columns per character, rows).
/// `None` is the 8×8 font doubled, for projector-sized windows.
const SIZES: [(Option<PixelSize>, u16, u16); 4] = [
    (None, 16, 16),
    (Some(PixelSize::Full), 8, 8),
    (Some(PixelSize::HalfHeight), 8, 4),
    (Some(PixelSize::Quadrant), 4, 4),
];

/// Whether the 8×8 font has every character of `text` (Latin letters with Finnish and
/// Swedish ones, digits, punctuation). Names in other scripts are drawn as plain text.
fn font_has(text: &str) -> bool {
    text.chars()
        .all(|c| (' '..='~').contains(&c) || ('\u{a0}'..='\u{ff}').contains(&c))
}

fn size_for(text: &str, area: Rect, max_rows: u16) -> Option<(Option<PixelSize>, u16, u16)> {
    if !font_has(text) {
        return None;
    }
    let chars = text.chars().count() as u16;
    SIZES.iter().copied().find(|(_, cols, rows)| {
        chars.saturating_mul(*cols) <= area.width && *rows <= max_rows.min(area.height)
    })
}

/// The columns big text would take (centred) in `area` at the largest size that fits
/// within `max_rows`; the plain text's width when only plain text fits.
pub fn big_width(text: &str, area: Rect, max_rows: u16) -> u16 {
    match size_for(text, area, max_rows) {
        Some((_, cols, _)) => (text.chars().count() as u16).saturating_mul(cols),
        None => (text.width() as u16).min(area.width),
    }
}

/// The rows big text would take in `area` at the largest size that fits within
/// `max_rows`; 1 when only plain text fits.
pub fn big_rows(text: &str, area: Rect, max_rows: u16) -> u16 {
    size_for(text, area, max_rows).map_or(1, |(_, _, rows)| rows)
}

/// Draws `text` in big letters (font 8×8) centred in `area`, as large as fits in `rows`;
/// falls back to one bold line. Returns the rows used.
pub fn big_text(text: &str, style: Style, area: Rect, rows: u16, buf: &mut Buffer) -> u16 {
    let big = |size: PixelSize| {
        BigText::builder()
            .pixel_size(size)
            .style(style)
            .alignment(Alignment::Center)
            .lines(vec![Line::from(text.to_string())])
            .build()
    };
    match size_for(text, area, rows) {
        Some((Some(size), _, h)) => {
            big(size).render(Rect { height: h, ..area }, buf);
            h
        }
        Some((None, cols, h)) => {
            // Draw at full size into a scratch buffer, then copy every cell as 2×2 cells.
            let chars = text.chars().count() as u16;
            let small = Rect::new(0, 0, chars * cols / 2, h / 2);
            let mut scratch = Buffer::empty(small);
            big(PixelSize::Full).render(small, &mut scratch);
            let left = area.x + (area.width - small.width * 2) / 2;
            // Only the lit pixels are copied; the rest of the area is already blank.
            let target = Rect::new(left, area.y, small.width * 2, h).intersection(buf.area);
            for y in 0..small.height {
                for x in 0..small.width {
                    if scratch[(x, y)].symbol() == " " {
                        continue;
                    }
                    for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                        let (tx, ty) = (left + x * 2 + dx, area.y + y * 2 + dy);
                        if target.contains((tx, ty).into()) {
                            buf[(tx, ty)].set_symbol("█").set_style(style);
                        }
                    }
                }
            }
            h
        }
        None => {
            if area.height > 0 {
                Paragraph::new(Line::from(Span::styled(
                    fit(text, area.width as usize),
                    style,
                )))
                .alignment(Alignment::Center)
                .render(Rect { height: 1, ..area }, buf);
            }
            1
        }
    }
}

/// Breaks `text` into lines of at most `width` columns at spaces (a word longer than the
/// line is cut).
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word = fit(word, width);
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A horizontal bar of `share` (0.0–1.0) in `width` columns, with eighths for precision.
pub fn bar(share: f64, width: usize) -> String {
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let eighths = (share.clamp(0.0, 1.0) * width as f64 * 8.0).round() as usize;
    let mut out = "█".repeat(eighths / 8);
    out.push_str(PARTS[eighths % 8]);
    let used = out.chars().count();
    out.push_str(&"░".repeat(width.saturating_sub(used)));
    out
}

/// `text` cut to `width` columns (see [`fit`]) and padded with spaces to exactly that width:
/// a cell of a table.
pub fn pad(text: &str, width: usize) -> String {
    let text = fit(text, width);
    let gap = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(gap))
}

/// The footer: the keys of this context that are marked for it and can do something now,
/// as `key label` pairs in keymap order, on as many lines as `area` has. The order of a
/// context's table is its priority: its first key is the main action of the moment, so when
/// the keys do not fit, the last ones give way first; the help key always stays at the end,
/// so every other key can still be found.
pub fn footer(
    context: KeyContext,
    offers: impl Fn(keymap::Action) -> bool,
    t: &Text,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let lines = footer_lines(
        context,
        offers,
        t,
        theme,
        area.width as usize,
        area.height as usize,
    );
    Paragraph::new(lines).render(area, buf);
}

/// The footer's lines at `width` columns on at most `rows` rows (see [`footer`]).
pub fn footer_lines<'a>(
    context: KeyContext,
    offers: impl Fn(keymap::Action) -> bool,
    t: &'a Text,
    theme: Theme,
    width: usize,
    rows: usize,
) -> Vec<Line<'a>> {
    // The first key of each binding is enough here; the help lists them all.
    let pair = |b: &keymap::Binding| {
        let key = b.keys.first().map(|k| k.label()).unwrap_or_default();
        let label = (b.label)(t);
        let cells = key.width() + label.width() + 3;
        (key, label, cells)
    };
    let mut items: Vec<(String, &str, usize)> = keymap::bindings(context)
        .into_iter()
        .filter(|b| b.footer && b.action != keymap::Action::Help && offers(b.action))
        .map(pair)
        .collect();
    let help = keymap::bindings(context)
        .into_iter()
        .find(|b| b.footer && b.action == keymap::Action::Help)
        .map(pair);
    // Drop the last keys (the least needed) until the rest, with the help, fit the rows.
    let row_of = |items: &[(String, &str, usize)]| -> Vec<usize> {
        wrap_rows(items.iter().chain(&help).map(|(_, _, cells)| *cells), width)
    };
    while !items.is_empty() && row_of(&items).last().map_or(0, |r| r + 1) > rows.max(1) {
        items.pop();
    }
    let rows_of_items = row_of(&items);
    let mut lines: Vec<Line> = Vec::new();
    for ((key, label, _), row) in items.into_iter().chain(help).zip(rows_of_items) {
        if lines.len() <= row {
            lines.push(Line::default());
        }
        let line = &mut lines[row];
        line.push_span(Span::styled(key, theme.key()));
        line.push_span(Span::raw(" "));
        line.push_span(Span::styled(label, theme.text()));
        line.push_span(Span::raw("  "));
    }
    lines
}

/// The row each of a run of items falls on when they are laid out left to right and wrapped
/// at `width` columns (an item wider than the row gets a row of its own).
fn wrap_rows(cells: impl Iterator<Item = usize>, width: usize) -> Vec<usize> {
    let mut row = 0;
    let mut used = 0;
    cells
        .map(|cells| {
            if used > 0 && used + cells > width {
                row += 1;
                used = 0;
            }
            used += cells;
            row
        })
        .collect()
}

/// A bordered box with a title, cleared underneath; returns the inside.
pub fn dialog(title: &str, area: Rect, theme: Theme, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.current())
        .title(Span::styled(format!(" {title} "), theme.heading()));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Wrapped text in `area`.
pub fn wrapped<'a>(lines: Vec<Line<'a>>, area: Rect, buf: &mut Buffer) {
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// How many rows `text` takes when wrapped to `width` (word wrap, approximately as
/// `Paragraph` does it).
pub fn wrapped_height(text: &str, width: u16) -> u16 {
    if width == 0 {
        return 0;
    }
    let mut rows = 0u16;
    for line in text.split('\n') {
        let mut used = 0usize;
        let mut line_rows = 1u16;
        for word in line.split_whitespace() {
            let w = word.width();
            if used > 0 && used + 1 + w > width as usize {
                line_rows += 1;
                used = w;
            } else {
                used += if used > 0 { 1 + w } else { w };
            }
        }
        rows = rows.saturating_add(line_rows);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdowns_round_up_and_show_overrun() {
        assert_eq!(countdown(60_000), "1:00");
        assert_eq!(countdown(59_001), "1:00");
        assert_eq!(countdown(59_000), "0:59");
        assert_eq!(countdown(1), "0:01");
        assert_eq!(countdown(0), "+0:00");
        assert_eq!(countdown(-12_500), "+0:12");
        assert_eq!(clock(3_725_000), "1:02:05");
    }

    #[test]
    fn fitting_cuts_at_characters_not_bytes() {
        assert_eq!(fit("Päivi Äijälä", 20), "Päivi Äijälä");
        assert_eq!(fit("Päivi Äijälä", 8), "Päivi Ä…");
        assert_eq!(fit("李雷李雷", 5), "李雷…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn bars_fill_in_eighths() {
        assert_eq!(bar(0.0, 4), "░░░░");
        assert_eq!(bar(1.0, 4), "████");
        assert_eq!(bar(0.5, 4), "██░░");
        assert_eq!(bar(0.53, 4).chars().count(), 4);
    }
}
