//! The list view: the clock's items in the order of the year (when, how often, title,
//! status in the school year shown, responsible), and the selected item's details beside
//! the list on a wide screen or below it on a narrow one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::Shown;
use crate::i18n::{clock as words, fill};
use crate::model::clock::ClockItem;
use crate::tui::app::Ctx;
use crate::tui::widgets::pad;
use crate::tui::widgets::pen::Pen;

/// From this width the details go beside the list instead of below it.
const WIDE: u16 = 140;

pub(super) fn render(shown: &Shown, selected: usize, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    let (table, details) = if area.width >= WIDE {
        let side = area.width / 3;
        (
            Rect {
                width: area.width - side - 1,
                ..area
            },
            Rect {
                x: area.x + area.width - side,
                width: side,
                ..area
            },
        )
    } else {
        let rows = shown.clock.items.len() as u16 + 1;
        let height = rows.min(area.height.saturating_sub(9).max(5));
        (
            Rect { height, ..area },
            Rect {
                y: area.y + height,
                height: area.height.saturating_sub(height),
                ..area
            },
        )
    };
    if shown.clock.items.is_empty() {
        let mut pen = Pen {
            area,
            y: area.y,
            buf,
        };
        pen.text(cx.t().clock.nothing, cx.theme.quiet());
        return;
    }
    render_table(shown, selected, table.intersection(area), buf, cx);
    if let Some(item) = shown.clock.items.get(selected) {
        render_details(shown, item, details.intersection(area), buf, cx);
    }
}

/// The columns' widths: when, how often, title, status, responsible (the title takes what
/// the others leave).
fn widths(width: usize) -> [usize; 5] {
    let share = |percent: usize| (width * percent / 100).clamp(12, 30);
    let [when, often, status, who] = [share(14), share(15), share(16), share(17)];
    let title = width.saturating_sub(when + often + status + who + 4).max(8);
    [when, often, title, status, who]
}

fn render_table(shown: &Shown, selected: usize, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    let t = &cx.t().clock;
    let widths = widths(area.width as usize);
    let row = |cells: [String; 5]| -> String {
        cells
            .iter()
            .zip(widths)
            .map(|(c, w)| pad(c, w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut pen = Pen {
        area,
        y: area.y,
        buf,
    };
    let head = [
        t.col_when,
        t.col_often,
        t.item_col,
        t.col_status,
        t.responsible,
    ];
    pen.text(&row(head.map(str::to_string)), cx.theme.heading());
    // A row between items when the screen has room for it: easier to follow on a wall.
    let spaced = usize::from(pen.left()) >= 2 * shown.clock.items.len();
    let visible = usize::from(pen.left()).max(1);
    let start = selected.saturating_sub(visible - 1);
    for (i, item) in shown
        .clock
        .items
        .iter()
        .enumerate()
        .skip(start)
        .take(visible)
    {
        if spaced {
            pen.gap();
        }
        let (mark, style) = shown.mark(item, cx);
        let (status, status_style) = status(shown, item, cx);
        let text = row([
            words::when(cx.lang, item.when),
            words::recurrence(cx.lang, item.recurrence),
            format!("{mark} {}", item.title),
            status,
            words::actors(cx.lang, &item.responsible),
        ]);
        let style = if i == selected {
            cx.theme.selected()
        } else if item.occurs_in(shown.year) {
            style.patch(status_style)
        } else {
            cx.theme.quiet()
        };
        pen.line(Line::from(Span::styled(text, style)));
    }
}

/// The item's status in the year shown, "late" added when it is; or that it does not come
/// round that year.
fn status(shown: &Shown, item: &ClockItem, cx: &Ctx) -> (String, Style) {
    let t = &cx.t().clock;
    if !item.occurs_in(shown.year) {
        return (t.not_this_year.to_string(), cx.theme.quiet());
    }
    let status = words::status(cx.lang, item.status_in(shown.year));
    if shown.is_late(item) {
        // "Late" first: in a narrow column it is the word that must not be cut.
        (format!("{} ({status})", t.late), cx.theme.warning())
    } else {
        (status.to_string(), Style::new())
    }
}

/// Everything the item says: what it is, who answers for it, who takes part, the students'
/// part and where it comes from.
fn render_details(shown: &Shown, item: &ClockItem, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    let t = &cx.t().clock;
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(cx.theme.border());
    let inner = block.inner(area);
    block.render(area, buf);
    let mut pen = Pen {
        area: inner,
        y: inner.y,
        buf,
    };
    // However many rows are left: the last one shown ends in "…" when the text goes on.
    let rows = |pen: &Pen, most: usize| usize::from(pen.left()).min(most);
    let most = if area.height > 20 { 8 } else { 4 };
    pen.wrapped(&item.title, cx.theme.heading(), rows(&pen, 2));
    let (status, style) = status(shown, item, cx);
    let when = format!(
        "{} · {} · {}: {status}",
        words::when(cx.lang, item.when),
        words::recurrence(cx.lang, item.recurrence),
        fill(t.status, &[("year", &shown.year.to_string())]),
    );
    pen.wrapped(&when, style, rows(&pen, 2));
    let labelled = [
        (t.description, item.description.clone()),
        (t.responsible, words::actors(cx.lang, &item.responsible)),
        (t.co_actors, words::actors(cx.lang, &item.co_actors)),
        (t.students_part, item.students_part.clone()),
        (t.source, item.source.clone().unwrap_or_default()),
    ];
    for (label, text) in labelled {
        if text.is_empty() {
            continue;
        }
        pen.wrapped(
            &format!("{label}: {text}"),
            cx.theme.text(),
            rows(&pen, most),
        );
    }
}
