//! The parts of the meeting screen that change while only time passes: the header's time of
//! day, the speaker's and the item's clocks, and the airtime bars. A timer's second draws
//! these again alone, over the frame on screen, instead of the whole screen (issue 16: a
//! running turn at 200x60 spent most of its CPU laying out and comparing text that had not
//! changed).
//!
//! A whole frame records where it drew each part; the tick's drawing draws the same parts in
//! the same places with the same code, so the two cannot drift apart. A part whose shape
//! time itself changes (a side's airtime row appearing) reports that, and the frame is drawn
//! whole.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

use super::MeetingView;
use crate::tui::app::Ctx;
use crate::tui::widgets::{big_rows, big_width};

/// A part of the meeting screen that time changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Live {
    /// The header row, with the time of day on its right.
    Header,
    /// The speaker's clock in big digits of `clock_rows` rows, at most `digits_width`
    /// columns wide, with its label, the item's clock under it and who is next.
    Speaking { clock_rows: u16, digits_width: u16 },
    /// The item's clock, in big digits or on one line.
    PhaseClock { big: bool },
    /// The side panel's airtime rows, `rows` of them.
    Airtime { rows: u16 },
}

/// What a whole frame of the meeting screen drew that time changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LiveParts {
    /// Each part and where it was drawn.
    pub parts: Vec<(Rect, Live)>,
    /// The cells the parts may change: their areas, or less where a part said so.
    covers: Vec<Rect>,
    /// Time changes more than these parts (a wall's page of ideas turning, a phase's own
    /// body): every second draws the whole frame.
    pub whole: bool,
}

impl LiveParts {
    /// Notes that `part` was drawn in `area`.
    pub(super) fn add(&mut self, area: Rect, part: Live) {
        self.add_covering(area, part, &[area]);
    }

    /// Notes that `part` was drawn in `area`, where time changes only the cells of `covers`
    /// (the rest of the area stays blank whatever the time).
    pub(super) fn add_covering(&mut self, area: Rect, part: Live, covers: &[Rect]) {
        if !area.is_empty() {
            self.parts.push((area, part));
            self.covers.extend(
                covers
                    .iter()
                    .map(|c| c.intersection(area))
                    .filter(|c| !c.is_empty()),
            );
        }
    }

    /// The cells the parts may change, as areas: what a timer's second clears and draws.
    pub fn areas(&self) -> Vec<Rect> {
        self.covers.clone()
    }
}

impl MeetingView {
    /// Draws `parts` again at the clock's time now, into their areas (which the caller
    /// cleared). Returns `false` when a part no longer has the shape it was drawn with: the
    /// frame must then be drawn whole.
    pub fn render_live(&self, parts: &[(Rect, Live)], buf: &mut Buffer, cx: &Ctx) -> bool {
        let now = cx.now().mono_ms;
        for (area, part) in parts {
            match *part {
                Live::Header => self.render_header(*area, buf, cx),
                Live::Speaking {
                    clock_rows,
                    digits_width,
                } => {
                    // A clock of another shape than the whole frame's (digits too wide or
                    // drawn smaller, past an hour in a narrow window) would draw outside.
                    let Some(digits) = self.turn_digits(now, cx) else {
                        return false;
                    };
                    if big_rows(&digits, *area, clock_rows) != clock_rows
                        || big_width(&digits, *area, clock_rows) > digits_width
                    {
                        return false;
                    }
                    self.render_speaking_clock(*area, clock_rows, buf, cx, now);
                }
                Live::PhaseClock { big } => {
                    self.render_phase_clock(*area, buf, cx, now, big);
                }
                Live::Airtime { rows } => {
                    let lines = self.airtime_lines(area.width as usize, cx, now);
                    if lines.len() != usize::from(rows) {
                        return false;
                    }
                    Paragraph::new(lines).render(*area, buf);
                }
            }
        }
        true
    }
}
