//! Drawing frames to the terminal cheaply: the size asked only when the terminal sent an
//! event, and only the rows that changed handed to ratatui's diff.
//!
//! A running turn redraws once a second and, between two such frames, only the clock's
//! digits and the airtime bars change: a few rows of a 200x60 screen. `ratatui::Terminal`
//! asks the terminal its size on every frame (opening `/dev/tty` and an ioctl) and diffs
//! all 12,000 cells, measuring the display width of each; that was about half the CPU of a
//! running meeting (issue 16). Here the rows are compared first with a plain equality, and
//! ratatui's own diff (its handling of wide characters and emoji included) runs on the bands
//! of rows that differ, so what reaches the terminal is exactly what ratatui would send.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthChar;

/// The terminal as two buffers, the frame on screen and the one being drawn.
pub struct Frames<W: Write> {
    backend: CrosstermBackend<W>,
    on_screen: Buffer,
    next: Buffer,
    /// The screen must be cleared before the next frame (first frame, new size).
    clear: bool,
    /// For each row of the frame on screen, how many of its cells are not plain (see
    /// [`is_plain`]), kept up to date by [`Frames::draw_parts`]; `None` after a whole frame
    /// until the next parts are drawn.
    odd_cells: Option<Vec<u16>>,
}

impl<W: Write> Frames<W> {
    /// Frames of `area` drawn to `writer`, the first one on a cleared screen.
    pub fn new(writer: W, area: Rect) -> Frames<W> {
        Frames {
            backend: CrosstermBackend::new(writer),
            on_screen: Buffer::empty(area),
            next: Buffer::empty(area),
            clear: true,
            odd_cells: None,
        }
    }

    /// The area frames are drawn in.
    pub fn area(&self) -> Rect {
        self.next.area
    }

    /// The frame on screen, as last written.
    pub fn on_screen(&self) -> &Buffer {
        &self.on_screen
    }

    /// Takes a new size: the next frame is drawn whole on a cleared screen.
    pub fn resize(&mut self, area: Rect) {
        if area != self.next.area {
            self.on_screen = Buffer::empty(area);
            self.next = Buffer::empty(area);
            self.clear = true;
        }
    }

    /// Draws the next frame: `render` fills the buffer, and the cells that differ from the
    /// frame on screen are written. Returns the area drawn.
    ///
    /// # Errors
    /// When the terminal cannot be written.
    pub fn draw(&mut self, render: impl FnOnce(Rect, &mut Buffer)) -> io::Result<Rect> {
        let area = self.next.area;
        self.next.reset();
        render(area, &mut self.next);
        if self.clear {
            self.backend.hide_cursor()?;
            self.backend.clear_region(ClearType::All)?;
            self.on_screen.reset();
            self.clear = false;
        }
        let updates = changed_cells(&self.on_screen, &self.next);
        self.backend.draw(updates.into_iter())?;
        Backend::flush(&mut self.backend)?;
        std::mem::swap(&mut self.on_screen, &mut self.next);
        self.odd_cells = None;
        Ok(area)
    }

    /// Draws only `parts` of the frame on screen again: each part is cleared and `render`
    /// draws into the frame on screen, over the rest of it, and the cells that changed in
    /// the parts are written. This is a timer's second: the clock's digits and the airtime
    /// bars change, and the rest of the screen is neither drawn nor compared.
    ///
    /// What is written is what a whole frame of the same content would write (the same
    /// cells, in the same order): ratatui's diff carries nothing from outside the parts into
    /// them as long as no row ends in a wide character (then this declines) and no cell asks
    /// to be written every time (parvi draws none).
    ///
    /// `render` must draw inside the parts only. When it finds the frame no longer holds
    /// (returns `false`), or the screen must first be cleared (a new size), nothing is
    /// written, the frame on screen is as it was, and `Ok(false)` asks for a whole frame.
    ///
    /// # Errors
    /// When the terminal cannot be written.
    pub fn draw_parts(
        &mut self,
        parts: &[Rect],
        render: impl FnOnce(&mut Buffer) -> bool,
    ) -> io::Result<bool> {
        let area = self.on_screen.area;
        let width = usize::from(area.width);
        if self.clear || width == 0 || reaches_past_its_row(&self.on_screen, width) {
            return Ok(false);
        }
        debug_assert!(
            !self
                .on_screen
                .content
                .iter()
                .any(|cell| { cell.diff_option == ratatui::buffer::CellDiffOption::AlwaysUpdate }),
            "a cell written every time is never drawn by parts"
        );
        let spans = spans_of(parts, area);
        // Which rows hold cells that are not plain: counted once for a whole frame, then
        // kept up to date span by span (the other cells stay as they are).
        let odd = self.odd_cells.get_or_insert_with(|| {
            self.on_screen
                .content
                .chunks(width)
                .map(|row| row.iter().filter(|cell| !is_plain(cell)).count() as u16)
                .collect()
        });
        // The cells the parts held, span after span, taken out (the parts left clear).
        let mut was: Vec<Cell> = Vec::new();
        let mut odd_before = vec![false; usize::from(area.height)];
        for span in &spans {
            for cell in &mut self.on_screen.content[span.cells(width)] {
                if !is_plain(cell) {
                    odd[span.y] -= 1;
                    odd_before[span.y] = true;
                }
                was.push(std::mem::replace(cell, Cell::EMPTY));
            }
        }
        let drawn = render(&mut self.on_screen);
        for span in &spans {
            let cells = &self.on_screen.content[span.cells(width)];
            odd[span.y] += cells.iter().filter(|cell| !is_plain(cell)).count() as u16;
        }
        let held = drawn
            && !spans.iter().any(|span| {
                let row = span.y * width..(span.y + 1) * width;
                reaches_past_its_row_cells(&self.on_screen.content[row])
            });
        if !held {
            let mut old = was.into_iter();
            for span in &spans {
                for cell in &mut self.on_screen.content[span.cells(width)] {
                    *cell = old.next().unwrap_or_default();
                }
            }
            self.odd_cells = None;
            return Ok(false);
        }
        let plain_rows: Vec<bool> = odd
            .iter()
            .zip(&odd_before)
            .map(|(odd, odd_before)| *odd == 0 && !odd_before)
            .collect();
        let updates = span_updates(&self.on_screen, &spans, &was, &plain_rows);
        self.backend.draw(updates.into_iter())?;
        Backend::flush(&mut self.backend)?;
        Ok(true)
    }
}

/// Columns `x..end` of row `y` of a buffer, both counted from its top left corner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    y: usize,
    x: usize,
    end: usize,
}

impl Span {
    /// Where the span's cells are in a buffer's content.
    fn cells(self, width: usize) -> std::ops::Range<usize> {
        self.y * width + self.x..self.y * width + self.end
    }
}

/// The cells `parts` cover in `area`, as spans of a row, top to bottom and left to right,
/// overlapping parts merged.
fn spans_of(parts: &[Rect], area: Rect) -> Vec<Span> {
    let mut spans: Vec<Span> = parts
        .iter()
        .map(|part| part.intersection(area))
        .filter(|part| !part.is_empty())
        .flat_map(|part| {
            let (x, end) = (part.x - area.x, part.right() - area.x);
            (part.y - area.y..part.bottom() - area.y).map(move |y| Span {
                y: usize::from(y),
                x: usize::from(x),
                end: usize::from(end),
            })
        })
        .collect();
    spans.sort_unstable_by_key(|span| (span.y, span.x));
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if last.y == span.y && span.x <= last.end => {
                last.end = last.end.max(span.end);
            }
            _ => merged.push(span),
        }
    }
    merged
}

/// The cells to write where `spans` of `after` held the cells `before` (span after span);
/// the rest of `after` is as it was. A row of plain cells, before and after (`plain_rows`),
/// needs only its spans compared; any other goes to ratatui's diff, the row alone (no row
/// ends in a wide character, so nothing carries between rows).
fn span_updates<'a>(
    after: &'a Buffer,
    spans: &[Span],
    before: &[Cell],
    plain_rows: &[bool],
) -> Vec<(u16, u16, &'a Cell)> {
    let area = after.area;
    let width = usize::from(area.width);
    let mut updates = Vec::new();
    let mut old_from = 0;
    for row_spans in spans.chunk_by(|a, b| a.y == b.y) {
        let y = row_spans[0].y;
        let row = &after.content[y * width..(y + 1) * width];
        let old_len: usize = row_spans.iter().map(|span| span.end - span.x).sum();
        let old = &before[old_from..old_from + old_len];
        old_from += old_len;
        let screen_y = area.y + y as u16;
        if plain_rows[y] {
            let mut was = old.iter();
            for span in row_spans {
                for (x, is) in (span.x..span.end).zip(&row[span.x..span.end]) {
                    if was.next().is_none_or(|was| !same_cell(was, is)) && !skipped(is) {
                        updates.push((area.x + x as u16, screen_y, is));
                    }
                }
            }
        } else {
            let one_row = |content: Vec<Cell>| Buffer {
                area: Rect::new(area.x, screen_y, area.width, 1),
                content,
            };
            let mut was = row.to_vec();
            let mut old_cells = old.iter();
            for span in row_spans {
                for cell in &mut was[span.x..span.end] {
                    *cell = old_cells.next().cloned().unwrap_or_default();
                }
            }
            updates.extend(
                one_row(was)
                    .diff(&one_row(row.to_vec()))
                    .into_iter()
                    .map(|(x, y, _)| (x, y, &after[(x, y)])),
            );
        }
    }
    updates
}

/// The cells to write to turn `before` into `after` (two buffers of one area): the same
/// cells, in the same order, as `before.diff(&after)`, found faster.
///
/// Rows that are equal cell for cell are skipped; a row that differs is compared cell by
/// cell when all its cells are plain, and goes to ratatui's diff on its own otherwise.
/// That is exact as long as nothing in the diff carries from one row into the next, which
/// only a wide character in a row's last columns could do: then the whole buffer goes to
/// ratatui's diff.
pub fn changed_cells<'a>(before: &Buffer, after: &'a Buffer) -> Vec<(u16, u16, &'a Cell)> {
    let area = after.area;
    let width = usize::from(area.width);
    if before.area != area
        || width == 0
        || reaches_past_its_row(before, width)
        || reaches_past_its_row(after, width)
    {
        return before.diff(after);
    }
    let height = after.content.len() / width;
    let row = |y: usize| y * width..(y + 1) * width;
    let mut updates = Vec::new();
    let mut y = 0;
    while y < height {
        let (old, new) = (&before.content[row(y)], &after.content[row(y)]);
        if rows_equal(old, new) {
            y += 1;
            continue;
        }
        if old.iter().chain(new).all(is_plain) {
            // One column a cell, nothing special to do: ratatui's diff writes exactly the
            // cells that differ.
            for (x, (was, is)) in old.iter().zip(new).enumerate() {
                if !skipped(is) && !same_cell(was, is) {
                    updates.push((area.x + x as u16, area.y + y as u16, is));
                }
            }
            y += 1;
            continue;
        }
        // A row with wide characters or cells drawn specially: ratatui's own diff, on this
        // row alone (nothing carries between rows, see above). The row is copied to diff
        // it; the cells written are `after`'s own, at the same places.
        let band = |content: &[Cell]| Buffer {
            area: Rect::new(area.x, area.y + y as u16, area.width, 1),
            content: content.to_vec(),
        };
        updates.extend(
            band(old)
                .diff(&band(new))
                .into_iter()
                .map(|(x, y, _)| (x, y, &after[(x, y)])),
        );
        y += 1;
    }
    updates
}

/// A cell of one character one column wide, with no special diff option: what ratatui's
/// diff treats simply.
fn is_plain(cell: &Cell) -> bool {
    let symbol = cell.symbol();
    let one_column = match symbol.as_bytes() {
        [_] => true,
        _ => {
            let mut chars = symbol.chars();
            // The halfwidth sound marks are one column more in ratatui than in Unicode.
            matches!((chars.next(), chars.next()),
                (Some(c), None) if c.width() == Some(1) && !matches!(c, '\u{ff9e}' | '\u{ff9f}'))
        }
    };
    one_column
        && matches!(
            cell.diff_option,
            ratatui::buffer::CellDiffOption::None | ratatui::buffer::CellDiffOption::Skip
        )
}

/// A cell the diff never writes.
#[allow(deprecated)] // `skip` still counts in ratatui's diff.
fn skipped(cell: &Cell) -> bool {
    matches!(cell.diff_option, ratatui::buffer::CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, ratatui::buffer::CellDiffOption::None))
}

/// Whether a row needs nothing written: every cell equal, and none that asks to be written
/// every time.
fn rows_equal(old: &[Cell], new: &[Cell]) -> bool {
    old.iter().zip(new).all(|(a, b)| {
        same_cell(a, b) && !matches!(b.diff_option, ratatui::buffer::CellDiffOption::AlwaysUpdate)
    })
}

/// `a == b`, with the one-byte symbols of nearly every cell compared inline rather than
/// through `memcmp` (the comparison runs for every cell of every frame).
#[allow(deprecated)] // `skip` is still compared by `Cell`'s own equality.
fn same_cell(a: &Cell, b: &Cell) -> bool {
    let (x, y) = (a.symbol().as_bytes(), b.symbol().as_bytes());
    let symbols = match (x, y) {
        ([p], [q]) => p == q,
        _ => x == y,
    };
    symbols
        && a.fg == b.fg
        && a.bg == b.bg
        && a.underline_color == b.underline_color
        && a.modifier == b.modifier
        && a.diff_option == b.diff_option
        && a.skip == b.skip
}

/// Whether some row ends in a character too wide for the columns left to it (or one whose
/// diff handling looks at the columns after it): the diff's state could then cross into the
/// next row. Wide characters are at most two columns; emoji with a variation selector are
/// looked at over their width, so the last four columns are checked.
fn reaches_past_its_row(buffer: &Buffer, width: usize) -> bool {
    buffer.content.chunks(width).any(reaches_past_its_row_cells)
}

/// Whether this row's last columns hold a character that may be wide (see above).
fn reaches_past_its_row_cells(row: &[Cell]) -> bool {
    row.iter()
        .rev()
        .take(4)
        .any(|cell| may_be_wide(cell.symbol()))
}

/// Whether a symbol may take more than one column: one character of at most one column is
/// safe (the box drawing and block characters of borders and bars); anything longer (a
/// combining sequence, an emoji with a selector) is treated as wide.
fn may_be_wide(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    match (chars.next(), chars.next()) {
        // The halfwidth sound marks are one column more in ratatui than in Unicode.
        (Some(c), None) => c.width().is_some_and(|w| w > 1) || matches!(c, '\u{ff9e}' | '\u{ff9f}'),
        (None, _) => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::buffer::CellDiffOption;
    use ratatui::style::{Color, Modifier};

    /// Symbols of every kind the diff treats apart: ASCII, a two-column character, an emoji
    /// with a variation selector, a combining sequence, a zero-width character, a halfwidth
    /// sound mark, and the empty cell.
    const SYMBOLS: &[&str] = &[
        " ",
        "a",
        "b",
        "█",
        "▀",
        "界",
        "❤\u{fe0f}",
        "e\u{301}",
        "\u{200b}",
        "\u{ff9e}",
        "",
    ];

    fn buffer(width: u16, height: u16, cells: &[(usize, u8, bool)]) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
        for (i, cell) in buffer.content.iter_mut().enumerate() {
            let (symbol, colour, bold) = cells[i % cells.len()];
            let symbol = SYMBOLS[symbol % SYMBOLS.len()];
            if !symbol.is_empty() {
                cell.set_symbol(symbol);
            }
            cell.fg = [Color::Reset, Color::Red, Color::Indexed(3)][usize::from(colour % 3)];
            if bold {
                cell.modifier = Modifier::BOLD;
            }
            // Now and then a cell the diff skips, or one it always writes.
            match (i * 7 + usize::from(colour)) % 23 {
                0 => {
                    cell.set_diff_option(CellDiffOption::Skip);
                }
                1 => {
                    cell.set_diff_option(CellDiffOption::AlwaysUpdate);
                }
                _ => {}
            }
        }
        buffer
    }

    fn same_as_ratatui(before: &Buffer, after: &Buffer) {
        assert_eq!(changed_cells(before, after), before.diff(after));
    }

    proptest! {
        /// Whatever the two frames hold, the cells written are ratatui's own.
        #[test]
        fn the_cells_written_are_those_of_ratatuis_diff(
            width in 1u16..12,
            height in 1u16..6,
            old in prop::collection::vec((0usize..11, 0u8..3, any::<bool>()), 1..40),
            new in prop::collection::vec((0usize..11, 0u8..3, any::<bool>()), 1..40),
            keep in prop::collection::vec(any::<bool>(), 1..6),
        ) {
            let before = buffer(width, height, &old);
            let mut after = buffer(width, height, &new);
            // Most rows of a real frame are unchanged: copy some rows over.
            let w = usize::from(width);
            for (row, keep) in keep.iter().enumerate().take(usize::from(height)) {
                if *keep {
                    let range = row * w..(row + 1) * w;
                    after.content[range.clone()].clone_from_slice(&before.content[range]);
                }
            }
            same_as_ratatui(&before, &after);
        }
    }

    #[test]
    fn an_unchanged_frame_writes_nothing_and_a_changed_cell_is_written() {
        let mut before = Buffer::empty(Rect::new(0, 0, 20, 5));
        for y in 0..5 {
            before.set_string(0, y, "Aino │ 0:37 ███ ▀▀", ratatui::style::Style::default());
        }
        assert!(changed_cells(&before, &before.clone()).is_empty());
        let mut after = before.clone();
        after[(7, 3)].set_symbol("9");
        let written = changed_cells(&before, &after);
        assert_eq!(written.len(), 1);
        assert_eq!(
            (written[0].0, written[0].1, written[0].2.symbol()),
            (7, 3, "9")
        );
    }

    #[test]
    fn every_field_of_a_cell_counts_in_the_comparison() {
        let plain = Cell::new("a");
        let mut changed = vec![Cell::new("b"), plain.clone(), plain.clone(), plain.clone()];
        changed[1].fg = Color::Red;
        changed[2].bg = Color::Blue;
        changed[3].modifier = Modifier::ITALIC;
        let mut underline = plain.clone();
        underline.underline_color = Color::Green;
        changed.push(underline);
        let mut skipped = plain.clone();
        skipped.set_diff_option(ratatui::buffer::CellDiffOption::Skip);
        changed.push(skipped);
        for cell in &changed {
            assert!(!same_cell(&plain, cell), "{cell:?}");
            assert_eq!(same_cell(&plain, cell), plain == *cell);
        }
        assert!(same_cell(&plain, &Cell::new("a")));
        // An empty cell is a space, as in ratatui.
        assert!(same_cell(&Cell::EMPTY, &Cell::new(" ")));
    }

    /// What was written to the terminal, kept for the test to read.
    #[derive(Clone, Default)]
    struct Written(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Written {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Written {
        fn take(&self) -> String {
            String::from_utf8_lossy(&std::mem::take(&mut *self.0.borrow_mut())).into_owned()
        }
    }

    /// A frame of `width`x`height` with `text` on each row and `clock` at row 2, column 3.
    fn frame(area: Rect, buf: &mut Buffer, clock: &str) {
        for y in area.rows() {
            buf.set_string(
                y.x,
                y.y,
                "Aino │ 界 ███ puhuu",
                ratatui::style::Style::default(),
            );
        }
        buf.set_string(3, 2, clock, ratatui::style::Style::default().fg(Color::Red));
    }

    #[test]
    fn drawing_parts_writes_what_a_whole_frame_would() {
        let area = Rect::new(0, 0, 24, 5);
        let (whole, parts) = (Written::default(), Written::default());
        let mut by_whole = Frames::new(whole.clone(), area);
        let mut by_parts = Frames::new(parts.clone(), area);
        for frames in [&mut by_whole, &mut by_parts] {
            frames.draw(|area, buf| frame(area, buf, "0:37")).unwrap();
        }
        assert_eq!(whole.take(), parts.take());
        by_whole.draw(|area, buf| frame(area, buf, "0:38")).unwrap();
        // The clock's part: cleared, then drawn again (the row's other cells as they were).
        let clock = Rect::new(3, 2, 4, 1);
        let drew = by_parts
            .draw_parts(&[clock], |buf| {
                buf.set_string(
                    3,
                    2,
                    "0:38",
                    ratatui::style::Style::default().fg(Color::Red),
                );
                true
            })
            .unwrap();
        assert!(drew);
        let written = parts.take();
        assert_eq!(written, whole.take());
        assert!(
            written.contains('8') && !written.contains("Aino"),
            "{written:?}"
        );
        assert_eq!(by_parts.on_screen(), by_whole.on_screen());
    }

    #[test]
    fn parts_that_no_longer_hold_write_nothing_and_leave_the_frame_as_it_was() {
        let area = Rect::new(0, 0, 24, 5);
        let written = Written::default();
        let mut frames = Frames::new(written.clone(), area);
        frames.draw(|area, buf| frame(area, buf, "0:37")).unwrap();
        written.take();
        let shown = frames.on_screen().clone();
        let drew = frames
            .draw_parts(&[Rect::new(0, 1, 24, 2)], |buf| {
                buf.set_string(0, 1, "half-drawn", ratatui::style::Style::default());
                false
            })
            .unwrap();
        assert!(!drew);
        assert_eq!(written.take(), "");
        assert_eq!(frames.on_screen(), &shown);
        // Nor before the first whole frame of a new size.
        frames.resize(Rect::new(0, 0, 30, 5));
        assert!(
            !frames
                .draw_parts(&[Rect::new(0, 0, 4, 1)], |_| true)
                .unwrap()
        );
        assert_eq!(written.take(), "");
    }

    #[test]
    fn the_cells_of_parts_become_spans_of_rows_in_order() {
        let area = Rect::new(1, 1, 10, 20);
        let parts = [
            Rect::new(3, 2, 3, 2),
            Rect::new(0, 0, 20, 2),
            Rect::new(4, 3, 5, 1),
            Rect::new(0, 30, 5, 5),
            Rect::new(1, 15, 5, 0),
        ];
        let span = |y, x, end| Span { y, x, end };
        assert_eq!(
            spans_of(&parts, area),
            [span(0, 0, 10), span(1, 2, 5), span(2, 2, 8)]
        );
    }

    proptest! {
        /// Whatever the frame on screen holds and whatever is drawn in the parts, second
        /// after second, drawing them writes what a whole frame of the same content would,
        /// or declines and leaves the frame as it was.
        #[test]
        fn drawing_parts_writes_what_a_whole_frame_of_the_same_content_would(
            width in 1u16..12,
            height in 1u16..6,
            old in prop::collection::vec((0usize..11, 0u8..3, any::<bool>()), 1..40),
            seconds in prop::collection::vec(
                prop::collection::vec((0usize..11, 0u8..3, any::<bool>()), 1..40),
                1..4,
            ),
            parts in prop::collection::vec((0u16..12, 0u16..6, 0u16..12, 0u16..6), 0..4),
            plain in any::<bool>(),
        ) {
            let area = Rect::new(0, 0, width, height);
            // Mostly the plain cells of a real frame; now and then anything at all. No cell
            // that asks to be written every time: parvi draws none (see `draw_parts`).
            let make = |cells: &[(usize, u8, bool)]| {
                let cells: Vec<_> = cells
                    .iter()
                    .map(|&(s, c, b)| (if plain { s % 5 } else { s }, c, b))
                    .collect();
                let mut buffer = buffer(width, height, &cells);
                for cell in &mut buffer.content {
                    if cell.diff_option == CellDiffOption::AlwaysUpdate {
                        cell.set_diff_option(CellDiffOption::None);
                    }
                }
                buffer
            };
            let parts: Vec<Rect> = parts
                .iter()
                .map(|&(x, y, w, h)| Rect::new(x, y, w, h).intersection(area))
                .collect();
            let by_parts = Written::default();
            let mut frames = Frames::new(by_parts.clone(), area);
            let mut shown = make(&old);
            frames.draw(|_, buf| buf.clone_from(&shown)).unwrap();
            for second in &seconds {
                let drawn = make(second);
                // The frame to come: the one on screen, with the parts drawn from `drawn`.
                let mut next = shown.clone();
                for part in &parts {
                    for p in part.positions() {
                        next[p] = drawn[p].clone();
                    }
                }
                by_parts.take();
                let drew = frames
                    .draw_parts(&parts, |buf| {
                        for part in &parts {
                            for p in part.positions() {
                                buf[p] = drawn[p].clone();
                            }
                        }
                        true
                    })
                    .unwrap();
                if drew {
                    let whole = Written::default();
                    let mut by_whole = Frames::new(whole.clone(), area);
                    by_whole.draw(|_, buf| buf.clone_from(&shown)).unwrap();
                    whole.take();
                    by_whole.draw(|_, buf| buf.clone_from(&next)).unwrap();
                    prop_assert_eq!(by_parts.take(), whole.take());
                    prop_assert_eq!(frames.on_screen(), &next);
                    shown = next;
                } else {
                    prop_assert_eq!(by_parts.take(), "");
                    prop_assert_eq!(frames.on_screen(), &shown);
                }
            }
        }
    }

    #[test]
    fn a_resized_screen_is_cleared_and_drawn_whole() {
        let written = Written::default();
        let mut frames = Frames::new(written.clone(), Rect::new(0, 0, 10, 2));
        let hei = |area: Rect, buf: &mut Buffer| {
            buf.set_string(area.x, area.y, "hei", ratatui::style::Style::default());
        };
        frames.draw(hei).unwrap();
        let first = written.take();
        assert!(
            first.contains("\x1b[2J") && first.contains("hei"),
            "{first:?}"
        );
        frames.draw(hei).unwrap();
        assert!(
            !written.take().contains("hei"),
            "an unchanged frame is not written again"
        );
        frames.resize(Rect::new(0, 0, 12, 3));
        assert_eq!(frames.area(), Rect::new(0, 0, 12, 3));
        frames.draw(hei).unwrap();
        let after = written.take();
        assert!(
            after.contains("\x1b[2J") && after.contains("hei"),
            "{after:?}"
        );
    }
}
