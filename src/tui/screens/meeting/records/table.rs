//! The layout of a records list: a table with the main text wrapped in its column and
//! the other cells beside it, or, when the screen is narrow, each row stacked with its cells
//! on the lines under the text; scrolled so that the selected row is in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::i18n::fill;
use crate::tui::app::Ctx;
use crate::tui::widgets::{fit, pad};

/// A run of text in one style; a paragraph is runs flowed together, broken at spaces.
pub(super) type Para = Vec<(String, Style)>;

/// One row of a list: its main text (with quieter lines under it) and its other columns.
pub(super) struct Row {
    pub(super) main: Vec<Para>,
    pub(super) cells: Vec<Vec<Para>>,
}

/// A list to draw: a summary line, column headers, rows, or what to say when empty.
pub(super) struct Listing {
    pub(super) summary: String,
    /// The headers of the main column and of the cells (none for the decisions).
    pub(super) headers: Vec<&'static str>,
    /// The widest each cell column may be.
    pub(super) caps: Vec<usize>,
    pub(super) rows: Vec<Row>,
    /// Numbers in the margin (tables); the decisions say "Päätös 1:" themselves.
    pub(super) numbered: bool,
    pub(super) empty: Vec<Line<'static>>,
}

/// The rows `y..y + h` of `area`, never below its bottom.
pub(super) fn band(area: Rect, y: u16, h: u16) -> Rect {
    Rect {
        x: area.x,
        y,
        width: area.width,
        height: h.min(area.bottom().saturating_sub(y)),
    }
}

/// Where the columns of a list fall at a width.
struct Columns {
    /// The margin: the selection mark, and the row's number when numbered.
    gutter: usize,
    /// The width of each cell column.
    widths: Vec<usize>,
    main_width: usize,
    /// Columns side by side, or each row stacked.
    side_by_side: bool,
    /// The width of a stacked row's text.
    text_width: usize,
}

impl Columns {
    /// Table or stacked: columns when the main one keeps room for a few words.
    fn new(listing: &Listing, width: usize) -> Columns {
        let gutter = 2 + if listing.numbered {
            listing.rows.len().to_string().len() + 1
        } else {
            0
        };
        let widths: Vec<usize> = listing
            .caps
            .iter()
            .enumerate()
            .map(|(c, cap)| {
                let header = listing.headers.get(c + 1).map_or(0, |h| h.width());
                let content = listing
                    .rows
                    .iter()
                    .filter_map(|r| r.cells.get(c))
                    .flat_map(|paras| paras.iter().map(para_width))
                    .max()
                    .unwrap_or(0);
                header.max(content).min(*cap)
            })
            .collect();
        let cells_width: usize = widths.iter().map(|w| w + 2).sum();
        let main_width = width.saturating_sub(gutter + cells_width);
        Columns {
            gutter,
            side_by_side: !widths.is_empty() && main_width >= 28,
            widths,
            main_width,
            text_width: width.saturating_sub(gutter).max(1),
        }
    }
}

/// Draws the list's headers and rows from row `y` of `area` down, scrolled so that row
/// `selected` is in view, with a line saying how many are above and below when not all fit.
pub(super) fn draw(
    listing: &Listing,
    selected: usize,
    area: Rect,
    mut y: u16,
    buf: &mut Buffer,
    cx: &Ctx,
) {
    let columns = Columns::new(listing, area.width as usize);
    if !listing.headers.is_empty() {
        Paragraph::new(header_line(listing, &columns, cx)).render(band(area, y, 1), buf);
        y += 1;
    }
    let blocks = row_blocks(listing, &columns, selected, cx);
    let count = blocks.len();
    let room = area.bottom().saturating_sub(y) as usize;
    let heights: Vec<usize> = blocks.iter().map(Vec::len).collect();
    // A blank line between rows when everything fits with it (always for decisions).
    let all_gapped: usize = heights.iter().sum::<usize>() + count - 1;
    let gap = usize::from(!listing.numbered || all_gapped <= room);
    let (start, end) = window(&heights, gap, selected, room);
    let mut lines: Vec<Line> = Vec::new();
    for (i, block) in blocks.into_iter().enumerate().take(end).skip(start) {
        if i > start {
            lines.extend(std::iter::repeat_n(Line::default(), gap));
        }
        lines.extend(block);
    }
    let hidden = start > 0 || end < count;
    let list_room = if hidden { room.saturating_sub(1) } else { room };
    lines.truncate(list_room);
    let shown = lines.len() as u16;
    Paragraph::new(lines).render(band(area, y, shown), buf);
    if hidden {
        let more = more_line(start, count - end, cx);
        Paragraph::new(Line::from(Span::styled(
            fit(&more, area.width as usize),
            cx.theme.quiet(),
        )))
        .render(band(area, area.bottom() - 1, 1), buf);
    }
}

/// The column headers: over their columns, or joined with " · " over stacked rows.
fn header_line(listing: &Listing, columns: &Columns, cx: &Ctx) -> Line<'static> {
    let theme = cx.theme;
    let gutter = columns.gutter;
    if columns.side_by_side {
        let mut spans = vec![Span::raw(" ".repeat(gutter))];
        spans.push(Span::styled(
            pad(listing.headers[0], columns.main_width),
            theme.heading(),
        ));
        for (c, w) in columns.widths.iter().enumerate() {
            spans.push(Span::raw("  "));
            let h = listing.headers.get(c + 1).copied().unwrap_or("");
            spans.push(Span::styled(pad(&fit(h, *w), *w), theme.heading()));
        }
        Line::from(spans)
    } else {
        Line::from(vec![
            Span::raw(" ".repeat(gutter)),
            Span::styled(
                fit(&listing.headers.join(" · "), columns.text_width),
                theme.heading(),
            ),
        ])
    }
}

/// Each row's lines, led by the selection mark and its number.
fn row_blocks(
    listing: &Listing,
    columns: &Columns,
    selected: usize,
    cx: &Ctx,
) -> Vec<Vec<Line<'static>>> {
    let theme = cx.theme;
    let gutter = columns.gutter;
    // The wall scrolls to the newest row but marks none: the selection is the facilitator's.
    let marked = (!cx.audience).then_some(selected);
    listing
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mark = if Some(i) == marked { "▶ " } else { "  " };
            let number = if listing.numbered {
                format!("{:>w$} ", i + 1, w = gutter - 3)
            } else {
                String::new()
            };
            let style = if Some(i) == marked {
                theme.current()
            } else {
                theme.text()
            };
            let lead = vec![(format!("{mark}{number}"), style)];
            if columns.side_by_side {
                table_row(r, lead, gutter, columns.main_width, &columns.widths)
            } else {
                stacked_row(r, lead, gutter, columns.text_width)
            }
        })
        .collect()
}

/// "↑ 2 more above  ·  ↓ 3 more below", the parts there are.
fn more_line(above: usize, below: usize, cx: &Ctx) -> String {
    let t = &cx.t().records;
    let mut more = Vec::new();
    if above > 0 {
        more.push(fill(t.more_above, &[("n", &above.to_string())]));
    }
    if below > 0 {
        more.push(fill(t.more_below, &[("n", &below.to_string())]));
    }
    more.join("  ·  ")
}

/// The rows to show, `start..end`, so that the selected one is in view.
pub(super) fn window(
    heights: &[usize],
    gap: usize,
    selected: usize,
    room: usize,
) -> (usize, usize) {
    let total: usize = heights.iter().sum::<usize>() + gap * heights.len().saturating_sub(1);
    if total <= room {
        return (0, heights.len());
    }
    // One line goes to "↓ 3 more below".
    let room = room.saturating_sub(1);
    let span = |a: usize, b: usize| heights[a..=b].iter().sum::<usize>() + gap * (b - a);
    let mut start = 0;
    while start < selected && span(start, selected) > room {
        start += 1;
    }
    let mut end = start + 1;
    while end < heights.len() && span(start, end) <= room {
        end += 1;
    }
    (start, end)
}

/// The widest a paragraph is on one line.
fn para_width(para: &Para) -> usize {
    let words: usize = para
        .iter()
        .flat_map(|(text, _)| text.split_whitespace())
        .map(|w| w.width() + 1)
        .sum();
    words.saturating_sub(1)
}

/// Flows a paragraph into lines of at most `width` columns, breaking at spaces (a word
/// longer than a line is cut).
fn flow(para: &Para, width: usize) -> Vec<Para> {
    let width = width.max(1);
    let mut lines: Vec<Para> = Vec::new();
    let mut line: Para = Vec::new();
    let mut used = 0;
    for (text, style) in para {
        // A unit (words joined by no-break spaces) breaks only when it is wider than a line.
        let words = text.split(' ').filter(|w| !w.is_empty()).flat_map(|word| {
            let parts: Vec<&str> = if word.width() > width {
                word.split(NBSP).collect()
            } else {
                vec![word]
            };
            parts
        });
        for word in words {
            let word = fit(word, width);
            let w = word.width();
            if used > 0 && used + 1 + w > width {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            if used > 0 {
                line.push((" ".to_string(), Style::default()));
                used += 1;
            }
            line.push((word, *style));
            used += w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn spans(para: Para) -> Vec<Span<'static>> {
    para.into_iter()
        .map(|(text, style)| Span::styled(text.replace(NBSP, " "), style))
        .collect()
}

/// Joins a unit's words with no-break spaces, so it is not broken between lines.
const NBSP: char = '\u{a0}';

/// A unit that is not broken between lines (an owner, a date).
pub(super) fn unit(text: &str) -> String {
    text.replace(' ', &NBSP.to_string())
}

/// A row in columns: the main text wrapped in its column, each cell in its own.
fn table_row(
    row: &Row,
    lead: Para,
    gutter: usize,
    main_width: usize,
    widths: &[usize],
) -> Vec<Line<'static>> {
    let column = |paras: &[Para], width: usize| -> Vec<Para> {
        paras.iter().flat_map(|p| flow(p, width)).collect()
    };
    let main = column(&row.main, main_width);
    let cells: Vec<Vec<Para>> = row
        .cells
        .iter()
        .zip(widths)
        .map(|(paras, w)| column(paras, *w))
        .collect();
    let height = cells
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(main.len());
    (0..height)
        .map(|i| {
            let mut out: Vec<Span> = if i == 0 {
                spans(lead.clone())
            } else {
                vec![Span::raw(" ".repeat(gutter))]
            };
            let line = |parts: Option<&Para>, width: usize, out: &mut Vec<Span<'static>>| {
                let parts = parts.cloned().unwrap_or_default();
                let used: usize = parts.iter().map(|(t, _)| t.width()).sum();
                out.extend(spans(parts));
                out.push(Span::raw(" ".repeat(width.saturating_sub(used))));
            };
            line(main.get(i), main_width, &mut out);
            for (cell, w) in cells.iter().zip(widths) {
                out.push(Span::raw("  "));
                line(cell.get(i), *w, &mut out);
            }
            Line::from(out)
        })
        .collect()
}

/// A row for a narrow column: the main text, then the cells on the lines under it, joined
/// with " · ".
fn stacked_row(row: &Row, lead: Para, gutter: usize, width: usize) -> Vec<Line<'static>> {
    // The text, then its cells (who, when, status), then the quieter lines under the text.
    let mut lines: Vec<Para> = row
        .main
        .iter()
        .take(1)
        .flat_map(|p| flow(p, width))
        .collect();
    if !row.cells.is_empty() {
        let mut rest: Para = Vec::new();
        for (c, cell) in row.cells.iter().enumerate() {
            for (p, para) in cell.iter().enumerate() {
                for (r, (text, style)) in para.iter().enumerate() {
                    // The separator goes with the cell after it, never alone at a line's end.
                    let text = if c > 0 && p == 0 && r == 0 {
                        format!("·{NBSP}{text}")
                    } else {
                        text.clone()
                    };
                    rest.push((text, *style));
                }
            }
        }
        lines.extend(flow(&rest, width));
    }
    lines.extend(row.main.iter().skip(1).flat_map(|p| flow(p, width)));
    lines
        .into_iter()
        .enumerate()
        .map(|(i, para)| {
            let mut out = if i == 0 {
                spans(lead.clone())
            } else {
                vec![Span::raw(" ".repeat(gutter))]
            };
            out.extend(spans(para));
            Line::from(out)
        })
        .collect()
}
