//! The panel beside the speaker: each side's share of the airtime against its share of the
//! seats, then the round's order (or the queue of raised hands) and who has not spoken yet.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::MeetingView;
use super::draw::rows;
use super::live::{Live, LiveParts};
use crate::i18n::{self, fill, words};
use crate::model::{PhaseKind, Side};
use crate::tui::app::Ctx;
use crate::tui::widgets::{self, fit};

impl MeetingView {
    /// Draws the panel into `area`.
    pub(super) fn render_side(
        &self,
        area: Rect,
        buf: &mut Buffer,
        cx: &Ctx,
        now: u64,
        live: &mut LiveParts,
    ) {
        let state = self.state();
        let mut lines = self.airtime_lines(area.width as usize, cx, now);
        let airtime_rows = lines.len() as u16;
        lines.push(Line::default());
        let kind = state.current_phase().map(|p| p.kind);
        if kind == Some(PhaseKind::Round) && state.round.is_some() {
            self.round_lines(&mut lines, area, cx);
        } else {
            if kind == Some(PhaseKind::Open) {
                self.queue_lines(&mut lines, area.width as usize, cx);
            }
            self.not_heard_lines(&mut lines, area.width as usize, cx);
        }
        // The airtime rows change every second of a turn, the rest only with the meeting:
        // drawn apart, a second draws the airtime rows alone.
        // (In a panel too low for all of them, the round's list cut them: drawn whole.)
        if lines.len() < usize::from(airtime_rows) {
            live.whole = true;
        }
        let rest = lines.split_off(usize::from(airtime_rows).min(lines.len()));
        let airtime = rows(area, area.y, airtime_rows);
        Paragraph::new(lines).render(airtime, buf);
        live.add(airtime, Live::Airtime { rows: airtime_rows });
        let below = area.y.saturating_add(airtime_rows);
        Paragraph::new(rest).render(rows(area, below, area.bottom().saturating_sub(below)), buf);
    }

    /// Airtime against seats, per side: a bar with the share of airtime, and the share of
    /// seats under it.
    pub(super) fn airtime_lines(&self, width: usize, cx: &Ctx, now: u64) -> Vec<Line<'static>> {
        let t = cx.t();
        let theme = cx.theme;
        let mut lines = vec![Line::from(Span::styled(t.meeting_airtime, theme.heading()))];
        let label_width = Side::ALL
            .iter()
            .map(|s| i18n::side(cx.lang, *s).chars().count())
            .max()
            .unwrap_or(0);
        for row in self.state().side_shares(now) {
            let side = row.side;
            let name = i18n::side(cx.lang, side);
            let air = words::percent_of(cx.lang, row.airtime_ms, row.total_airtime_ms);
            let bar_width = width.saturating_sub(label_width + 2 + 6);
            lines.push(Line::from(vec![
                Span::styled(format!("{name:<label_width$} "), theme.text()),
                Span::styled(
                    widgets::bar(row.airtime_share(), bar_width),
                    theme.side(side),
                ),
                Span::styled(format!(" {air:>5}"), theme.heading()),
            ]));
            let seats_share = fill(
                t.meeting_seats_share,
                &[(
                    "seats",
                    &words::percent_of(cx.lang, row.seats as u64, row.total_seats as u64),
                )],
            );
            // Under the bar when it fits; else from the left edge, so the words stay whole.
            let indent = if label_width + 1 + seats_share.chars().count() <= width {
                label_width + 1
            } else {
                0
            };
            lines.push(Line::from(Span::styled(
                fit(&format!("{:indent$}{seats_share}", ""), width),
                theme.quiet(),
            )));
        }
        lines
    }

    /// The round's order with each slot's outcome, kept around the current speaker, and
    /// under it how many have not spoken yet.
    fn round_lines(&self, lines: &mut Vec<Line<'static>>, area: Rect, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let state = self.state();
        let Some(round) = &state.round else {
            return;
        };
        let width = area.width as usize;
        let title = if round.returned
            && round.next_slot > round.first_pass_len
            && !state.round_complete()
        {
            t.meeting_returning
        } else {
            t.meeting_order
        };
        lines.push(Line::from(Span::styled(title, theme.heading())));
        let current_slot = state.turn.as_ref().and_then(|turn| turn.slot);
        let outcome = |slot: usize| {
            state.turns[round.first_turn..]
                .iter()
                .rev()
                .find(|turn| turn.slot == Some(slot))
                .map(|turn| turn.passed)
        };
        // The last two rows are kept for the "not heard yet" count: of everything in this
        // panel it is the last to go on a small screen.
        let rows_left = (area.height as usize).saturating_sub(lines.len() + 2);
        // Keep the current speaker in view when the order is longer than the panel.
        let focus = current_slot.unwrap_or(round.next_slot);
        let start = focus
            .saturating_sub(rows_left.saturating_sub(2) / 2)
            .min(round.lineup.len().saturating_sub(rows_left));
        for (slot, id) in round.lineup.iter().enumerate().skip(start).take(rows_left) {
            let name = state.person(id).map_or("?", |p| p.name.as_str());
            let (mark, style, note) = if current_slot == Some(slot) {
                ("▶", theme.current(), "")
            } else {
                match outcome(slot) {
                    Some(false) => ("✓", theme.done(), ""),
                    Some(true) => ("↷", theme.quiet(), t.meeting_passed),
                    None if !state.is_present(id) => ("–", theme.quiet(), t.absent),
                    None => ("·", theme.text(), ""),
                }
            };
            let text = if note.is_empty() {
                name.to_string()
            } else {
                format!("{name} ({note})")
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{mark} "), style),
                Span::styled(fit(&text, width.saturating_sub(2)), style),
            ]));
        }
        let silent = state.not_spoken_yet().len();
        let count = if silent == 0 {
            Line::from(Span::styled(t.meeting_everyone_spoken, theme.done()))
        } else {
            Line::from(Span::styled(
                format!("{} ({silent})", t.meeting_not_spoken),
                theme.heading(),
            ))
        };
        // On a panel too short for everything the rows above give way, not the count.
        lines.truncate((area.height as usize).saturating_sub(2));
        if area.height >= 2 {
            lines.push(Line::default());
        }
        lines.push(count);
    }

    /// The queue of raised hands in an open discussion.
    fn queue_lines(&self, lines: &mut Vec<Line<'static>>, width: usize, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let state = self.state();
        lines.push(Line::from(Span::styled(t.meeting_queue, theme.heading())));
        let queue = state.queue();
        if queue.is_empty() {
            lines.push(Line::from(Span::styled(
                fit(t.meeting_queue_empty, width),
                theme.quiet(),
            )));
        }
        for (n, id) in queue.iter().enumerate() {
            let name = state.person(id).map_or("?", |p| p.name.as_str());
            lines.push(Line::from(Span::styled(
                fit(&format!("{}. {name}", n + 1), width),
                theme.text(),
            )));
        }
        lines.push(Line::default());
    }

    /// Who is still to be heard, by name, or that everyone has been.
    fn not_heard_lines(&self, lines: &mut Vec<Line<'static>>, width: usize, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let silent = self.state().not_spoken_yet();
        // Said once: either who is still to be heard, or that everyone has been.
        lines.push(if silent.is_empty() {
            Line::from(Span::styled(
                fit(t.meeting_everyone_spoken, width),
                theme.done(),
            ))
        } else {
            Line::from(Span::styled(
                format!("{} ({})", t.meeting_not_spoken, silent.len()),
                theme.heading(),
            ))
        });
        for p in silent {
            lines.push(Line::from(Span::styled(
                fit(&format!("· {}", p.name), width),
                theme.text(),
            )));
        }
    }
}
