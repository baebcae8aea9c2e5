//! The meeting as the room's wall shows it (`parvi wall`): the same screen drawn with the
//! audience context (no keys, no selection, nothing only the facilitator sees), and the
//! wall's own screens for no meeting and for a meeting that has ended.
//!
//! Private by construction: the wall is built from the saved session file alone, so what
//! lives only in the facilitator's parvi (a ballot being filled, an idea being typed,
//! menus, dialogs, notes) never reaches it; what the file holds but the room must not see
//! yet (ideas before the reveal, ballots before the close) the meeting's own drawing
//! already keeps back.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::MeetingView;
use super::draw::rows;
use super::live::LiveParts;
use crate::i18n::fill;
use crate::model::{SessionRecord, Stamp, Status};
use crate::tui::app::Ctx;
use crate::tui::widgets::{self, big_rows, big_text, fit};

/// What the wall shows.
#[derive(Debug)]
pub enum WallView {
    /// No meeting is running in the data directory.
    Waiting,
    /// The meeting in this session file, as last read.
    Meeting(Box<MeetingView>),
}

impl WallView {
    /// The meeting in `record` (read from `path`), replayed with the meeting's own engine.
    pub fn meeting(record: SessionRecord, path: PathBuf) -> WallView {
        WallView::Meeting(Box::new(MeetingView::open(record, path)))
    }

    /// The session file shown, if any.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            WallView::Waiting => None,
            WallView::Meeting(view) => Some(&view.path),
        }
    }

    /// Where the meeting shown is in its life.
    pub fn status(&self) -> Option<Status> {
        match self {
            WallView::Waiting => None,
            WallView::Meeting(view) => Some(view.state().status),
        }
    }

    /// The meeting clock at `now` for the record shown: the last event's meeting time plus
    /// the wall-clock time since it, so the wall's timers agree with the facilitator's.
    pub fn meeting_ms(&self, now: jiff::Timestamp) -> Option<u64> {
        let WallView::Meeting(view) = self else {
            return None;
        };
        let last = view.meeting.record().events.last()?;
        let since = now.duration_since(last.at).as_millis().max(0) as u64;
        Some(last.mono_ms + since)
    }

    /// How long the wall may sleep before its screen changes by itself (a second of a
    /// running timer, the minute of the header's clock); `None` when nothing changes.
    pub fn next_wakeup_ms(&self, now: Stamp) -> Option<u64> {
        match self {
            WallView::Waiting => None,
            WallView::Meeting(view) if view.state().status == Status::Ended => None,
            WallView::Meeting(view) => view.next_wakeup_ms(now),
        }
    }

    /// Draws the wall into `area`. `cx` is the audience context ([`Ctx::for_wall`]).
    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        self.render_parts(area, buf, cx);
    }

    /// Draws the wall into `area`; returns the parts a timer's second may draw again alone
    /// ([`WallView::render_live`]), or `None` when it draws the whole frame.
    pub fn render_parts(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) -> Option<LiveParts> {
        match self {
            WallView::Waiting => render_waiting(area, buf, cx),
            WallView::Meeting(view) if view.state().status == Status::Ended => {
                render_ended(view, area, buf, cx);
            }
            WallView::Meeting(view) => {
                return Some(view.render_parts(area, buf, cx)).filter(|live| !live.whole);
            }
        }
        None
    }

    /// Draws `live` again at the time now (see [`MeetingView::render_live`]).
    pub fn render_live(&self, live: &LiveParts, buf: &mut Buffer, cx: &Ctx) -> bool {
        match self {
            WallView::Meeting(view) => view.render_live(&live.parts, buf, cx),
            WallView::Waiting => false,
        }
    }
}

/// One centred line of `area` at row `y`.
fn centred(text: &str, style: Style, area: Rect, y: u16, buf: &mut Buffer) {
    if y >= area.bottom() {
        return;
    }
    Paragraph::new(Line::from(Span::styled(
        fit(text, area.width as usize),
        style,
    )))
    .alignment(Alignment::Center)
    .render(rows(area, y, 1), buf);
}

/// Centred, wrapped text from row `y`.
fn centred_wrapped(text: &str, style: Style, area: Rect, y: u16, buf: &mut Buffer) {
    let width = area.width.saturating_sub(4).max(1) as usize;
    for (i, line) in widgets::wrap_words(text, width).iter().enumerate() {
        centred(line, style, area, y + i as u16, buf);
    }
}

/// A big heading centred in `area` at row `y`, as large as fits in `max_rows`; returns the
/// rows it took.
fn big_heading(
    text: &str,
    style: Style,
    area: Rect,
    y: u16,
    max_rows: u16,
    buf: &mut Buffer,
) -> u16 {
    let size = big_rows(text, area, max_rows);
    big_text(text, style, rows(area, y, size), size, buf)
}

/// How to close the wall, on its bottom row (its own screens only: not over a meeting).
fn quit_hint(area: Rect, buf: &mut Buffer, cx: &Ctx) {
    let bottom = area.bottom().saturating_sub(1);
    centred(cx.t().wall.quit_hint, cx.theme.quiet(), area, bottom, buf);
}

/// No meeting yet: the name, what the window is for, how to close it.
fn render_waiting(area: Rect, buf: &mut Buffer, cx: &Ctx) {
    let t = &cx.t().wall;
    let theme = cx.theme;
    let max = if area.height >= 30 { 8 } else { 4 };
    let mut y = area.y + area.height.saturating_sub(max + 6) / 3;
    y += big_heading("parvi", theme.current(), area, y, max, buf);
    y += 1;
    centred(t.waiting, theme.heading(), area, y, buf);
    y += 2;
    centred_wrapped(t.waiting_hint, theme.quiet(), area, y, buf);
    quit_hint(area, buf, cx);
}

/// The meeting has ended: thanks, what it produced, and the airtime of the whole meeting.
fn render_ended(view: &MeetingView, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    let t = &cx.t().wall;
    let theme = cx.theme;
    let state = view.state();
    let record = view.meeting.record();
    let mut title = record.group.name.clone();
    if !record.topic.is_empty() {
        title = format!("{title} · {}", record.topic);
    }
    let mut y = area.y + 1;
    centred(&title, theme.quiet(), area, y, buf);
    y += 2;
    let max = if area.height >= 40 { 8 } else { 4 };
    y += big_heading(t.thanks, theme.current(), area, y, max, buf);
    y += 1;
    centred(cx.t().meeting_summary_title, theme.heading(), area, y, buf);
    y += 1;
    let counts = fill(
        t.ended_counts,
        &[
            ("decisions", &state.decisions.len().to_string()),
            ("actions", &state.actions.len().to_string()),
        ],
    );
    centred(&counts, theme.text(), area, y, buf);
    y += 2;
    // The balance of airtime over the whole meeting, as the meeting screen's panel draws
    // it, in the middle; per side only, never who did not speak.
    let width = area.width.min(60);
    let panel = Rect {
        x: area.x + (area.width - width) / 2,
        y,
        width,
        height: area.bottom().saturating_sub(y + 1),
    };
    let lines = view.airtime_lines(width as usize, cx, state.last_ms);
    if panel.height as usize >= lines.len() {
        Paragraph::new(lines).render(panel, buf);
    }
    quit_hint(area, buf, cx);
}
