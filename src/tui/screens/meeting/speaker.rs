//! The speaker block of rounds and open discussions: who speaks, their role and clock in
//! big letters, and who is next; between turns, whose turn comes and the key that starts it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::MeetingView;
use super::draw::rows;
use super::live::{Live, LiveParts};
use crate::i18n::{self, fill};
use crate::model::{MemberId, PhaseKind};
use crate::tui::app::Ctx;
use crate::tui::keymap::{Action, KeyContext};
use crate::tui::widgets::{big_rows, big_text, big_width, fit, timer};

/// One centred line of `area` at row `y`.
fn line(area: Rect, y: u16, text: &str, style: Style, buf: &mut Buffer) {
    Paragraph::new(Line::from(Span::styled(
        fit(text, area.width as usize),
        style,
    )))
    .alignment(Alignment::Center)
    .render(rows(area, y, 1), buf);
}

impl MeetingView {
    /// The speaker block of rounds and open discussions.
    pub(super) fn render_turn(
        &self,
        area: Rect,
        buf: &mut Buffer,
        cx: &Ctx,
        now: u64,
        live: &mut LiveParts,
    ) {
        match &self.state().turn {
            Some(turn) => self.render_speaking(&turn.speaker, area, buf, cx, now, live),
            None => self.render_waiting(area, buf, cx, now, live),
        }
    }

    /// Someone has the floor: their name, role and clock, the item's clock, who is next.
    fn render_speaking(
        &self,
        speaker: &MemberId,
        area: Rect,
        buf: &mut Buffer,
        cx: &Ctx,
        now: u64,
        live: &mut LiveParts,
    ) {
        let t = cx.t();
        let theme = cx.theme;
        let state = self.state();
        let person = state.person(speaker);
        let name = person.map_or("?", |p| p.name.as_str());
        let role = person.map_or("", |p| i18n::role(cx.lang, p.role));
        let upper = name.to_uppercase();
        // Everything but the name and the clock takes 6 rows; give the clock the room first
        // (it is what the speaker watches), then the name, and centre the block in what is
        // left. The clock is sized for its widest text ("+10:00"), so the block stands still
        // while the seconds change and a second can draw the clock alone.
        let left = area.height;
        let clock_rows = [16, 8, 4]
            .into_iter()
            .find(|rows| left >= 6 + rows + 4)
            .unwrap_or(1);
        let clock_rows = big_rows("+00:00", area, clock_rows);
        // The wall is read from the back of the room: there the name may be as tall as the
        // font's full size when the rows are there.
        let most_name_rows = if cx.audience { 8 } else { 4 };
        let name_rows = [most_name_rows, 4]
            .into_iter()
            .find(|rows| left >= 6 + clock_rows + rows)
            .unwrap_or(1);
        let name_rows = big_rows(&upper, area, name_rows);
        let block = 6 + name_rows + clock_rows;
        let mut y = area.y + left.saturating_sub(block) / 3;
        line(area, y, t.meeting_speaking, theme.quiet(), buf);
        y += 1;
        y += big_text(
            &upper,
            theme.current(),
            rows(area, y, name_rows),
            name_rows,
            buf,
        );
        line(area, y, role, theme.quiet(), buf);
        y += 1;
        // The digits, their label, a blank, the item's clock and who is next; the rows
        // under them stay blank.
        let clock = rows(area, y, clock_rows + 4);
        self.render_speaking_clock(clock, clock_rows, buf, cx, now);
        // In the digits' rows time changes only the columns of the widest clock (a column
        // more each side for the rounding of centring); a second draws those.
        let digits_width = ["+00:00", "0:00:00", "+0:00:00"]
            .iter()
            .map(|widest| big_width(widest, clock, clock_rows))
            .filter(|width| *width <= clock.width)
            .max()
            .unwrap_or(clock.width);
        let covered = (digits_width + 2).min(clock.width);
        let digits = Rect {
            x: clock.x + (clock.width - covered) / 2,
            width: covered,
            height: clock_rows.min(clock.height),
            ..clock
        };
        let under = rows(clock, clock.y + clock_rows, 4);
        live.add_covering(
            clock,
            Live::Speaking {
                clock_rows,
                digits_width,
            },
            &[digits, under],
        );
    }

    /// The speaker's clock as its digits read now, while someone speaks.
    pub(super) fn turn_digits(&self, now: u64, cx: &Ctx) -> Option<String> {
        self.state().turn.as_ref()?;
        Some(timer::turn(self.state(), now, cx.t(), cx.theme).digits)
    }

    /// The part of a turn that time changes, from the top of `area`: the speaker's clock in
    /// big digits of `clock_rows` rows with its label, the item's clock on a line under it,
    /// and who is next.
    pub(super) fn render_speaking_clock(
        &self,
        area: Rect,
        clock_rows: u16,
        buf: &mut Buffer,
        cx: &Ctx,
        now: u64,
    ) {
        let t = cx.t();
        let theme = cx.theme;
        let clock = timer::turn(self.state(), now, t, theme);
        let bottom = area.bottom();
        let mut y = area.y;
        if y < bottom {
            y += big_text(
                &clock.digits,
                clock.style,
                rows(area, y, clock_rows),
                clock_rows,
                buf,
            );
            line(area, y, clock.label, clock.style, buf);
            y += 2;
        }
        if y < bottom {
            self.render_phase_clock(rows(area, y, 1), buf, cx, now, false);
            y += 1;
        }
        if let Some(next) = self.next_name() {
            let text = format!("{}: {next}", t.meeting_next_up);
            line(area, y, &text, theme.text(), buf);
        }
    }

    /// Between turns: who is next and the key that gives them the floor, or that the
    /// round is complete, then the item's clock.
    fn render_waiting(
        &self,
        area: Rect,
        buf: &mut Buffer,
        cx: &Ctx,
        now: u64,
        live: &mut LiveParts,
    ) {
        let t = cx.t();
        let theme = cx.theme;
        let state = self.state();
        let bottom = area.bottom();
        let mut y = area.y;
        let (text, style) = match (state.current_phase().map(|p| p.kind), self.next_name()) {
            (Some(PhaseKind::Round), _) if state.round_complete() && cx.audience => {
                (t.meeting_round_complete.to_string(), theme.done())
            }
            (Some(PhaseKind::Round), _) if state.round_complete() => {
                // On the last item the way on is to end the meeting, not "next".
                let last = state.phase.is_none_or(|p| p + 1 >= state.agenda.len());
                let (text, action) = if last {
                    (t.meeting_round_done_last, Action::EndMeeting)
                } else {
                    (t.meeting_round_done_next, Action::NextPhase)
                };
                let key = cx.key_for(KeyContext::MeetingRound, action);
                (fill(text, &[("key", &key)]), theme.done())
            }
            (_, Some(next)) => {
                line(area, y, t.meeting_next_up, theme.quiet(), buf);
                y += 1;
                let big = if bottom.saturating_sub(y) >= 14 { 4 } else { 1 };
                y += big_text(
                    &next.to_uppercase(),
                    theme.current(),
                    rows(area, y, big),
                    big,
                    buf,
                );
                if cx.audience {
                    // The room sees who is next; the key is the facilitator's.
                    (String::new(), theme.key())
                } else {
                    // "the first turn" only while this item has had none.
                    let phase = state.phase;
                    let started = state.turns.iter().any(|turn| Some(turn.phase) == phase);
                    let text = if started {
                        t.meeting_press_to_start_next
                    } else {
                        t.meeting_press_to_start
                    };
                    let key = cx.key_for(self.context(), Action::NextSpeaker);
                    (fill(text, &[("key", &key)]), theme.key())
                }
            }
            (Some(PhaseKind::Open), None) => (t.meeting_queue_empty.to_string(), theme.quiet()),
            _ => (t.meeting_round_complete.to_string(), theme.done()),
        };
        line(area, y, &text, style, buf);
        y += 2;
        let clock = rows(area, y, bottom.saturating_sub(y).min(timer::BIG_ROWS));
        self.render_phase_clock(clock, buf, cx, now, true);
        live.add(clock, Live::PhaseClock { big: true });
    }

    /// Who speaks next: the next in the round (or the first who passed), or the first hand.
    fn next_name(&self) -> Option<String> {
        let state = self.state();
        let id = match state.current_phase()?.kind {
            PhaseKind::Round => match state.next_up() {
                Some((_, id)) => Some(id),
                None if state.round.as_ref().is_some_and(|r| !r.returned) => {
                    state.passers().first().cloned()
                }
                None => None,
            },
            PhaseKind::Open => state.queue().first().cloned(),
            _ => None,
        }?;
        state.person(&id).map(|p| p.name.clone())
    }
}
