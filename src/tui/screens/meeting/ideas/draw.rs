//! Drawing the ideas: the count of a private writing phase, or the wall (a status line,
//! then the page of the list or the themes that holds the selection, or on the room's own
//! wall each page in turn), as the wall's layout ([`super::wall`]) places it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::selected;
use super::wall::{
    BIG_COLUMNS, BIG_ROWS, GAP, Mode, Plan, Wall, gap_before, hidden_count, list_area, mode,
    visible,
};
use crate::i18n::fill;
use crate::model::MeetingState;
use crate::tui::app::Ctx;
use crate::tui::keymap::{Action, KeyContext};
use crate::tui::screens::meeting::MeetingView;
use crate::tui::widgets::{self, big_text, fit, timer, wrap_words};

/// "1 idea", "12 ideas".
pub(super) fn count_text(count: usize, cx: &Ctx) -> String {
    let t = &cx.t().ideas;
    if count == 1 {
        t.ideas_one.to_string()
    } else {
        fill(t.ideas_many, &[("count", &count.to_string())])
    }
}

/// One centred line.
fn centred(text: &str, style: Style, area: Rect, y: u16, buf: &mut Buffer) {
    if y < area.bottom() {
        Paragraph::new(Line::from(Span::styled(
            fit(text, area.width as usize),
            style,
        )))
        .alignment(Alignment::Center)
        .render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// Draws the phase's body.
pub fn render(view: &MeetingView, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let state = view.state();
    match mode(state) {
        Mode::Count => render_count(state, area, buf, cx),
        mode => render_wall(view, mode, area, buf, cx),
    }
}

/// Private writing: how many ideas are written, big, and the phase's clock; no text.
fn render_count(state: &MeetingState, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    let t = &cx.t().ideas;
    let theme = cx.theme;
    let hidden = hidden_count(state);
    let shown = visible(state).count();
    let number = hidden.to_string();
    let label = if hidden == 1 {
        t.written_one
    } else {
        t.written_many
    };
    let hint = if cx.audience {
        cx.t().wall.ideas_private.to_string()
    } else if hidden > 0 {
        let key = cx.key_for(KeyContext::MeetingWriting, Action::Reveal);
        fill(t.private_hint, &[("key", &key)])
    } else {
        let key = cx.key_for(KeyContext::MeetingWriting, Action::Add);
        fill(t.private_start, &[("key", &key)])
    };
    let hint = wrap_words(&hint, area.width as usize);
    let timer::Reading {
        digits: clock,
        label: clock_label,
        style: clock_style,
    } = timer::phase(state, cx.now().mono_ms, cx.t(), cx.theme);
    // The label, a blank, the hint, what is already shown, a blank, the clock's label.
    let fixed = 1 + 1 + hint.len() as u16 + u16::from(shown > 0) + 1 + 1;
    let (count_rows, clock_rows) = [(16, 8), (8, 8), (8, 4), (8, 0), (4, 4), (4, 0), (1, 0)]
        .into_iter()
        .map(|(count, clock_rows)| {
            (
                widgets::big_rows(&number, area, count),
                if clock_rows > 0 {
                    widgets::big_rows(&clock, area, clock_rows)
                } else {
                    0
                },
            )
        })
        .find(|(count, clock)| count + clock + fixed <= area.height)
        .unwrap_or((1, 0));
    let block = count_rows + clock_rows + fixed;
    let mut y = area.y + area.height.saturating_sub(block) / 3;
    let row = |y: u16, h: u16| Rect::new(area.x, y, area.width, h).intersection(area);
    y += big_text(
        &number,
        theme.current(),
        row(y, count_rows),
        count_rows,
        buf,
    );
    centred(label, theme.heading(), area, y, buf);
    y += 2;
    for line in &hint {
        centred(line, theme.text(), area, y, buf);
        y += 1;
    }
    if shown > 0 {
        let text = fill(t.already_shown, &[("count", &shown.to_string())]);
        centred(&text, theme.quiet(), area, y, buf);
        y += 1;
    }
    y += 1;
    if clock_rows > 0 {
        y += big_text(&clock, clock_style, row(y, clock_rows), clock_rows, buf);
        centred(clock_label, clock_style, area, y, buf);
    } else {
        centred(
            &format!("{clock_label}  {clock}"),
            clock_style,
            area,
            y,
            buf,
        );
    }
}

/// How long the room's wall (`parvi wall`) shows each page of a long list of ideas. The
/// timers' second redraws the wall, so no wake-up of its own is needed.
pub const WALL_PAGE_MS: u64 = 12_000;

/// The numbered list, or the themes: a status line, then the selection's page.
fn render_wall(view: &MeetingView, mode: Mode, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    let wall = Wall::new(view.state(), mode, cx);
    let list = list_area(area);
    let plan = Plan::of(&wall, list, cx.theme);
    // The facilitator's selection (and the page it is on) is not the room's: the wall
    // shows nothing selected and turns its pages by itself, on the meeting's clock.
    let at = selected(view, wall.ideas.len());
    let selected_entry = wall.ideas.get(at).copied().filter(|_| !cx.audience);
    let page = if cx.audience {
        (cx.now().mono_ms / WALL_PAGE_MS) as usize % plan.pages.len().max(1)
    } else {
        selected_entry.map_or(0, |e| plan.page_of(e))
    };
    render_status(view, &plan, page, area, buf, cx);
    if wall.entries.is_empty() {
        render_empty(view, list, buf, cx);
    } else if let Some(columns) = plan.pages.get(page) {
        let shown = Shown {
            wall: &wall,
            plan: &plan,
            selected: selected_entry,
        };
        render_page(&shown, columns, list, buf, cx);
    }
}

/// The status line: how many ideas (and how many hidden) on the left; the page and the
/// clock on the right.
fn render_status(
    view: &MeetingView,
    plan: &Plan,
    page: usize,
    area: Rect,
    buf: &mut Buffer,
    cx: &Ctx,
) {
    let t = &cx.t().ideas;
    let theme = cx.theme;
    let state = view.state();
    let width = area.width as usize;
    let hidden = hidden_count(state);
    let mut left = count_text(visible(state).count(), cx);
    if hidden > 0 && cx.audience {
        left.push_str("  ·  ");
        left.push_str(&fill(
            cx.t().wall.ideas_hidden,
            &[("count", &hidden.to_string())],
        ));
    } else if hidden > 0 {
        let key = cx.key_for(view.context(), Action::Reveal);
        left.push_str("  ·  ");
        left.push_str(&fill(
            t.hidden_note,
            &[("count", &hidden.to_string()), ("key", &key)],
        ));
    }
    let timer::Reading {
        digits: clock,
        label: clock_label,
        style: clock_style,
    } = timer::phase(state, cx.now().mono_ms, cx.t(), cx.theme);
    let page_text = (plan.pages.len() > 1).then(|| {
        fill(
            t.page,
            &[
                ("n", &(page + 1).to_string()),
                ("total", &plan.pages.len().to_string()),
            ],
        )
    });
    let mut right = vec![];
    if let Some(page_text) = &page_text {
        right.push(Span::styled(page_text.clone(), theme.heading()));
        right.push(Span::raw("   "));
    }
    let long_clock = format!("{clock_label} {clock}");
    let room = |clock: &str| {
        width.saturating_sub(page_text.as_ref().map_or(0, |p| p.width() + 3) + clock.width())
    };
    let clock_text = if room(&long_clock) >= left.width().min(24) + 2 {
        long_clock
    } else {
        clock
    };
    let left_room = room(&clock_text).saturating_sub(2);
    right.push(Span::styled(clock_text, clock_style));
    let status = Rect { height: 1, ..area };
    Paragraph::new(Line::from(Span::styled(
        fit(&left, left_room),
        theme.heading(),
    )))
    .render(status, buf);
    Paragraph::new(Line::from(right))
        .alignment(Alignment::Right)
        .render(status, buf);
}

/// An empty wall says how to begin (or how to reveal what is hidden).
fn render_empty(view: &MeetingView, list: Rect, buf: &mut Buffer, cx: &Ctx) {
    let t = &cx.t().ideas;
    let text = if cx.audience {
        let wall = &cx.t().wall;
        if hidden_count(view.state()) > 0 {
            wall.ideas_private.to_string()
        } else {
            wall.ideas_empty.to_string()
        }
    } else if hidden_count(view.state()) > 0 {
        let key = cx.key_for(view.context(), Action::Reveal);
        fill(t.private_hint, &[("key", &key)])
    } else {
        let key = cx.key_for(view.context(), Action::Add);
        fill(t.empty, &[("key", &key)])
    };
    let lines: Vec<Line> = wrap_words(&text, list.width as usize)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, cx.theme.heading())))
        .collect();
    Paragraph::new(lines).alignment(Alignment::Center).render(
        Rect {
            height: list.height.min(4),
            y: list.y + list.height / 3,
            ..list
        },
        buf,
    );
}

/// The wall as laid out, and the selected entry.
struct Shown<'a> {
    wall: &'a Wall<'a>,
    plan: &'a Plan,
    selected: Option<usize>,
}

/// One page of the wall: its columns of entries, side by side from the left of `list`.
fn render_page(shown: &Shown, columns: &[Vec<usize>], list: Rect, buf: &mut Buffer, cx: &Ctx) {
    let Shown { wall, plan, .. } = *shown;
    for (c, entries) in columns.iter().enumerate() {
        let x = list.x + c as u16 * (plan.width + GAP);
        let mut y = list.y;
        let mut previous = None;
        for &e in entries {
            y += gap_before(wall, e, previous, plan.spaced);
            previous = Some(e);
            let selected = Some(e) == shown.selected;
            if plan.big {
                let room = Rect::new(x, y, plan.width, list.bottom().saturating_sub(y));
                y = draw_big(wall, e, room, selected, cx, buf);
                continue;
            }
            for line in wall.lines(e, plan.width, selected, cx.theme) {
                if y >= list.bottom() {
                    break;
                }
                line.render(Rect::new(x, y, plan.width, 1), buf);
                y += 1;
            }
        }
    }
}

/// Draws idea `e` in big letters from the top of `area`; returns the row under it.
fn draw_big(wall: &Wall, e: usize, area: Rect, selected: bool, cx: &Ctx, buf: &mut Buffer) -> u16 {
    let theme = cx.theme;
    let (number_style, text_style) = if selected {
        (theme.selected(), theme.selected())
    } else {
        (theme.key(), theme.heading())
    };
    let mut y = area.y;
    let parts = wall
        .big(e, (area.width / BIG_COLUMNS) as usize)
        .unwrap_or_default();
    for (prefix, part) in parts {
        if y + BIG_ROWS > area.bottom() {
            return area.bottom();
        }
        BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .lines(vec![Line::from(vec![
                Span::styled(prefix, number_style),
                Span::styled(part, text_style),
            ])])
            .build()
            .render(Rect::new(area.x, y, area.width, BIG_ROWS), buf);
        y += BIG_ROWS;
    }
    if let Some(name) = wall.author(e)
        && y < area.bottom()
    {
        let indent = (wall.digits as u16 + 1) * BIG_COLUMNS;
        let width = area.width.saturating_sub(indent);
        Paragraph::new(Line::from(Span::styled(
            fit(&format!("– {name}"), width as usize),
            theme.quiet(),
        )))
        .render(Rect::new(area.x + indent, y, width, 1), buf);
        y += 1;
    }
    y
}
