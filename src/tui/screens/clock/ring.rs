//! The clock view: the twelve months of the school year as a ring (August at the top, going
//! clockwise, the current month's sector filled), each month's name, item count and items
//! beside its sector; on a screen too small for a readable ring, a month table instead.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Context, Line as Stroke};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::Shown;
use crate::i18n::{clock as words, fill};
use crate::model::clock::calendar::FIRST_MONTH;
use crate::tui::app::Ctx;
use crate::tui::widgets::{fit, pad};

/// The columns kept free on each side of the ring for the months' names and items.
const SIDE: u16 = 34;
/// The smallest ring worth drawing, in rows from its centre to its edge.
const MIN_RADIUS_ROWS: u16 = 7;
/// The ring's hole, as a share of its radius: the band between holds the sectors.
const HOLE: f64 = 0.6;

/// The months of the school year in order: August first.
fn school_months() -> impl Iterator<Item = u8> {
    (0..12u8).map(|i| (FIRST_MONTH - 1 + i) % 12 + 1)
}

/// Draws the ring when the area holds one, otherwise the month table.
pub(super) fn render(shown: &Shown, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    // The signs' meanings on the last row, when the months leave it free.
    if area.height > 13 {
        let legend = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        let text = fit(&shown.legend(cx), area.width as usize);
        Paragraph::new(Line::from(Span::styled(text, cx.theme.quiet()))).render(legend, buf);
    }
    match Ring::fit(area) {
        Some(ring) => {
            ring.draw(shown, buf, cx);
            ring.label_months(shown, buf, cx);
            ring.centre(shown, buf, cx);
        }
        None => month_table(shown, area, buf, cx),
    }
}

/// Where the ring goes. Cells are about twice as tall as wide, so the ring is `2 * ry`
/// columns across for every `ry` rows: round on the wall.
struct Ring {
    area: Rect,
    /// The centre cell, relative to the area.
    col: u16,
    row: u16,
    /// The radius in rows (the radius in columns is twice this).
    ry: u16,
}

impl Ring {
    /// The biggest ring that leaves room for the months' texts, or `None` when it would be
    /// too small to read.
    fn fit(area: Rect) -> Option<Ring> {
        // Above the ring a row for the top months' names; below it room for their items.
        let by_height = area.height.saturating_sub(7) / 2;
        let by_width = area.width.saturating_sub(2 * SIDE) / 4;
        let ry = by_height.min(by_width);
        (ry >= MIN_RADIUS_ROWS).then_some(Ring {
            area,
            col: area.width / 2,
            row: ry + 1,
            ry,
        })
    }

    /// The radius in the canvas's units: one unit a column, and two a row.
    fn radius(&self) -> f64 {
        f64::from(self.ry) * 2.0
    }

    /// A point at `angle` degrees clockwise from the top, `r` units from the centre, in the
    /// canvas's coordinates (y up).
    fn point(&self, angle: f64, r: f64) -> (f64, f64) {
        let (sin, cos) = angle.to_radians().sin_cos();
        let x = f64::from(self.col) + 0.5 + r * sin;
        let y = f64::from(self.area.height) * 2.0 - f64::from(self.row) * 2.0 - 1.0 + r * cos;
        (x, y)
    }

    fn draw(&self, shown: &Shown, buf: &mut Buffer, cx: &Ctx) {
        let colour = |c: Color| if cx.theme.colour { c } else { Color::Reset };
        let r = self.radius();
        let now = shown
            .now_month
            .map(|m| usize::from((m + 12 - FIRST_MONTH) % 12));
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds([0.0, f64::from(self.area.width)])
            .y_bounds([0.0, f64::from(self.area.height) * 2.0])
            .paint(|ctx| {
                // Drawn as arcs of short strokes, not `Circle`: its one point a degree
                // leaves gaps in a big ring.
                for radius in [r, r * HOLE] {
                    self.arc(ctx, 0.0, 360.0, radius, colour(Color::White));
                }
                for sector in 0..12 {
                    self.spoke(ctx, f64::from(sector) * 30.0, colour(Color::White));
                }
                if let Some(sector) = now {
                    self.fill_sector(ctx, sector, colour(Color::Yellow));
                }
            })
            .render(self.area, buf);
    }

    fn spoke(&self, ctx: &mut Context, angle: f64, color: Color) {
        let inner = self.point(angle, self.radius() * HOLE);
        let outer = self.point(angle, self.radius());
        stroke(ctx, inner, outer, color);
    }

    /// Fills a month's sector of the band with arcs half a unit apart (the braille dots'
    /// spacing), so that it stands out without colour too.
    fn fill_sector(&self, ctx: &mut Context, sector: usize, color: Color) {
        let start = sector as f64 * 30.0;
        let mut r = self.radius() * HOLE;
        while r <= self.radius() {
            self.arc(ctx, start, start + 30.0, r, color);
            r += 0.5;
        }
    }

    /// An arc from angle `from` to `to` (degrees clockwise from the top) at radius `r`, in
    /// strokes of a degree.
    fn arc(&self, ctx: &mut Context, from: f64, to: f64, r: f64, color: Color) {
        let steps = (to - from).abs().ceil().max(1.0) as u32;
        for step in 0..steps {
            let a = from + (to - from) * f64::from(step) / f64::from(steps);
            let b = from + (to - from) * f64::from(step + 1) / f64::from(steps);
            stroke(ctx, self.point(a, r), self.point(b, r), color);
        }
    }

    /// Where the ring's edge is on row `row` (relative): how many columns from the centre.
    fn reach(&self, row: u16) -> u16 {
        let dy = (f64::from(row) - f64::from(self.row)) * 2.0;
        let r = self.radius();
        if dy.abs() >= r {
            0
        } else {
            (r * r - dy * dy).sqrt().ceil() as u16
        }
    }

    /// The row a month's name goes on, beside the middle of its sector.
    fn anchor(&self, index: u16) -> (u16, i32) {
        let angle = f64::from(index) * 30.0 + 15.0;
        let (sin, cos) = angle.to_radians().sin_cos();
        let row = f64::from(self.row) - (f64::from(self.ry) + 1.0) * cos;
        let col = f64::from(self.col) + (self.radius() + 3.0) * sin;
        (row.round().max(0.0) as u16, col.round() as i32)
    }

    /// Each month's name and count beside its sector, then as many of its items as fit
    /// before the next month's name on that side.
    fn label_months(&self, shown: &Shown, buf: &mut Buffer, cx: &Ctx) {
        let anchors: Vec<(u16, i32)> = (0..12).map(|i| self.anchor(i)).collect();
        for (index, month) in school_months().enumerate() {
            let (row, col) = anchors[index];
            // The next name down on the same side: August…January down the right,
            // July…February down the left.
            let next = match index {
                0..=4 => anchors[index + 1].0,
                7..=11 => anchors[index - 1].0,
                _ => self.area.height,
            };
            let rows = next.saturating_sub(row).max(1);
            let lines = month_lines(shown, month, usize::from(rows), cx);
            for (i, (text, style)) in lines.into_iter().enumerate() {
                let y = row + i as u16;
                if y >= self.area.height {
                    break;
                }
                self.put(index < 6, y, col, &text, style, buf);
            }
        }
    }

    /// Writes a text on row `y` beside the ring: on the right starting at `col` (or past
    /// the ring's edge), on the left ending there.
    fn put(&self, right: bool, y: u16, col: i32, text: &str, style: Style, buf: &mut Buffer) {
        let reach = i32::from(self.reach(y));
        let width = i32::from(self.area.width);
        let (start, room) = if right {
            let start = col.max(i32::from(self.col) + reach + 2).min(width);
            (start, width - start)
        } else {
            let end = col.min(i32::from(self.col) - reach - 2).max(0);
            (0, end)
        };
        let text = fit(text, room.max(0) as usize);
        let start = if right {
            start
        } else {
            room - text.width() as i32
        };
        let at = Rect {
            x: self.area.x + start.max(0) as u16,
            y: self.area.y + y,
            width: text.width() as u16,
            height: 1,
        };
        Paragraph::new(Line::from(Span::styled(text, style)))
            .render(at.intersection(self.area), buf);
    }

    /// In the hole: the month that is now (or the school year, when another is shown).
    fn centre(&self, shown: &Shown, buf: &mut Buffer, cx: &Ctx) {
        let t = &cx.t().clock;
        let width = (self.radius() * HOLE * 1.4) as usize;
        let mut lines: Vec<(String, Style)> = Vec::new();
        if let Some(month) = shown.now_month {
            lines.push((
                format!("▶ {}", words::month(cx.lang, month)),
                cx.theme.current(),
            ));
            lines.push((t.now.to_string(), cx.theme.current()));
        }
        lines.push((shown.year.to_string(), cx.theme.heading()));
        if !shown.late.is_empty() {
            let late = fill(t.home_overdue, &[("count", &shown.late.len().to_string())]);
            lines.push((late, cx.theme.warning()));
        }
        let top = self.row.saturating_sub(lines.len() as u16 / 2);
        for (i, (text, style)) in lines.into_iter().enumerate() {
            let text = fit(&text, width);
            let x = self.col.saturating_sub(text.width() as u16 / 2);
            let at = Rect {
                x: self.area.x + x,
                y: self.area.y + top + i as u16,
                width: text.width() as u16,
                height: 1,
            };
            Paragraph::new(Line::from(Span::styled(text, style)))
                .render(at.intersection(self.area), buf);
        }
    }
}

/// A straight stroke between two points of the canvas.
fn stroke(ctx: &mut Context, (x1, y1): (f64, f64), (x2, y2): (f64, f64), color: Color) {
    ctx.draw(&Stroke {
        x1,
        y1,
        x2,
        y2,
        color,
    });
}

/// A month's name with its item count (the current month marked `▶ … · nyt`), then its
/// items, at most `rows` lines (the last one `+N more` when they do not all fit).
fn month_lines(shown: &Shown, month: u8, rows: usize, cx: &Ctx) -> Vec<(String, Style)> {
    let t = &cx.t().clock;
    let items = shown.clock.in_month(shown.year, month);
    let name = words::month(cx.lang, month);
    let mut lines = vec![if shown.now_month == Some(month) {
        (
            format!("▶ {name} ({}) · {}", items.len(), t.now),
            cx.theme.selected(),
        )
    } else if items.is_empty() {
        (format!("{name} (0)"), cx.theme.quiet())
    } else {
        (format!("{name} ({})", items.len()), cx.theme.heading())
    }];
    let room = rows.saturating_sub(1);
    for (i, item) in items.iter().enumerate() {
        if i + 1 == room && items.len() > room {
            let more = fill(t.more, &[("count", &(items.len() - i).to_string())]);
            lines.push((more, cx.theme.quiet()));
            break;
        }
        if i >= room {
            break;
        }
        lines.push(item_line(shown, item, cx));
    }
    lines
}

/// An item as a line: its sign, its title, and "late" when it is.
fn item_line(shown: &Shown, item: &crate::model::clock::ClockItem, cx: &Ctx) -> (String, Style) {
    let (mark, style) = shown.mark(item, cx);
    let mut text = format!("{mark} {}", item.title);
    if shown.is_late(item) {
        text.push_str(&format!(" – {}", cx.t().clock.late));
    }
    (text, style)
}

/// The clock as a table: a row per month, its name, then its items' titles; the current
/// month reversed and marked `▶`. When the rows do not all fit, the current month stays in
/// sight.
fn month_table(shown: &Shown, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    let name_width = school_months()
        .map(|m| words::month(cx.lang, m).width())
        .max()
        .unwrap_or(0);
    let months: Vec<u8> = school_months().collect();
    let visible = usize::from(area.height).min(12);
    let now = shown
        .now_month
        .and_then(|m| months.iter().position(|&x| x == m));
    let start = now.map_or(0, |i| i.saturating_sub(visible / 2).min(12 - visible));
    let width = usize::from(area.width);
    for (row, &month) in months.iter().skip(start).take(visible).enumerate() {
        let items = shown.clock.in_month(shown.year, month);
        let current = shown.now_month == Some(month);
        let marker = if current { "▶" } else { " " };
        let lead = format!(
            "{marker} {} {:>2}  ",
            pad(words::month(cx.lang, month), name_width),
            items.len()
        );
        let mut spans = vec![Span::styled(lead.clone(), cx.theme.heading())];
        if items.is_empty() {
            spans.push(Span::styled("–", cx.theme.quiet()));
        }
        let mut used = lead.width();
        for (i, item) in items.iter().enumerate() {
            let (text, style) = item_line(shown, item, cx);
            let text = if i > 0 { format!(" · {text}") } else { text };
            let cut = fit(&text, width.saturating_sub(used));
            used += cut.width();
            spans.push(Span::styled(cut, style));
        }
        let mut line = Line::from(spans);
        if current {
            // Reversed across the whole row, so the current month reads from the back.
            line = line.style(cx.theme.selected());
            let fill_to = width.saturating_sub(used);
            line.push_span(Span::raw(" ".repeat(fill_to)));
        }
        let at = Rect {
            y: area.y + row as u16,
            height: 1,
            ..area
        };
        Paragraph::new(line).render(at, buf);
    }
}
