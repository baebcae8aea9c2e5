//! The summary of a meeting: shown when a meeting ends (the moment the room sees whether
//! every voice was heard) and when a past meeting is opened from the home screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::i18n::{self, fill, words};
use crate::model::{MeetingState, SessionRecord, Side};
use crate::tui::app::Ctx;
use crate::tui::widgets::{self, fit};

/// A finished (or past) meeting and its replayed state.
#[derive(Debug, Clone)]
pub struct SummaryScreen {
    pub record: SessionRecord,
    pub state: MeetingState,
}

impl SummaryScreen {
    pub fn of(record: SessionRecord) -> SummaryScreen {
        let state = MeetingState::replay(&record);
        SummaryScreen { record, state }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        // A readable column in the middle of a big screen, not a corner.
        let area = Rect {
            x: area.x + area.width.saturating_sub(100) / 2,
            width: area.width.min(100),
            y: area.y + area.height.saturating_sub(30) / 3,
            height: area
                .height
                .saturating_sub(area.height.saturating_sub(30) / 3),
        };
        let t = cx.t();
        let theme = cx.theme;
        let width = area.width as usize;
        let mut lines = vec![
            Line::from(Span::styled(
                if self.record.ended_at().is_some() {
                    t.meeting_summary_title
                } else {
                    t.cli_session_status_open
                },
                theme.heading(),
            )),
            Line::from(Span::styled(
                fit(
                    &format!("{} · {}", self.record.group.name, self.record.topic),
                    width,
                ),
                theme.text(),
            )),
            Line::default(),
        ];
        self.outcome_lines(&mut lines, width, cx);
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(t.meeting_airtime, theme.heading())));
        self.airtime_lines(&mut lines, width, cx);
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(t.meeting_agenda, theme.heading())));
        self.agenda_lines(&mut lines, width, cx);
        Paragraph::new(lines).render(area, buf);
    }

    /// Turns and passes, how many of those present spoke, and what the meeting produced,
    /// with its decisions and actions.
    fn outcome_lines(&self, lines: &mut Vec<Line<'static>>, width: usize, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let state = &self.state;
        let end = state.last_ms;
        let turns = state.turns.iter().filter(|x| !x.passed).count();
        let passes = state.turns.len() - turns;
        lines.push(Line::from(fill(
            t.meeting_summary_text,
            &[
                ("turns", &turns.to_string()),
                ("passes", &passes.to_string()),
                ("duration", &words::length(end)),
            ],
        )));
        let present = state.present().count();
        let spoke = state.present().filter(|p| state.has_spoken(&p.id)).count();
        lines.push(Line::from(Span::styled(
            fill(
                t.meeting_summary_spoke,
                &[
                    ("spoke", &spoke.to_string()),
                    ("present", &present.to_string()),
                ],
            ),
            if spoke == present {
                theme.done()
            } else {
                theme.warning()
            },
        )));
        lines.push(Line::from(fill(
            t.summary_outcomes,
            &[
                ("ideas", &state.live_ideas().count().to_string()),
                ("votes", &state.votes.len().to_string()),
                ("decisions", &state.decisions.len().to_string()),
                ("actions", &state.actions.len().to_string()),
            ],
        )));
        for decision in &state.decisions {
            lines.push(Line::from(Span::styled(
                fit(&format!("  ✓ {}", decision.text), width),
                theme.done(),
            )));
        }
        for action in &state.actions {
            lines.push(Line::from(Span::styled(
                fit(&format!("  → {}", action.text), width),
                theme.text(),
            )));
        }
    }

    /// Each side's share of the airtime against its share of the seats.
    fn airtime_lines(&self, lines: &mut Vec<Line<'static>>, width: usize, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let state = &self.state;
        let end = state.last_ms;
        let label_width = Side::ALL
            .iter()
            .map(|s| i18n::side(cx.lang, *s).chars().count())
            .max()
            .unwrap_or(0);
        for row in state.side_shares(end) {
            let side = row.side;
            let share = row.airtime_share();
            let bar_width = (width / 3).max(10);
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{:<label_width$} ", i18n::side(cx.lang, side)),
                    theme.text(),
                ),
                Span::styled(widgets::bar(share, bar_width), theme.side(side)),
                Span::raw(" "),
                Span::styled(
                    fill(
                        t.meeting_share,
                        &[
                            (
                                "airtime",
                                &words::percent_of(cx.lang, row.airtime_ms, row.total_airtime_ms),
                            ),
                            (
                                "seats",
                                &words::percent_of(
                                    cx.lang,
                                    row.seats as u64,
                                    row.total_seats as u64,
                                ),
                            ),
                        ],
                    ),
                    theme.quiet(),
                ),
            ]));
        }
    }

    /// The agenda with the time each item took against its timebox.
    fn agenda_lines(&self, lines: &mut Vec<Line<'static>>, width: usize, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let state = &self.state;
        let end = state.last_ms;
        let title_width = (width.saturating_sub(22)).min(48);
        for (i, phase) in state.agenda.iter().enumerate() {
            let used = state.progress[i].watch.elapsed(end);
            let title = fit(
                &format!("{:>2}. {}", i + 1, phase.title.get(cx.lang)),
                title_width,
            );
            let pad =
                title_width.saturating_sub(unicode_width::UnicodeWidthStr::width(title.as_str()));
            lines.push(Line::from(vec![
                Span::styled(format!("{title}{}", " ".repeat(pad)), theme.text()),
                Span::styled(
                    format!(
                        "  {:>7} / {:>3} {}",
                        words::length(used),
                        phase.minutes,
                        t.minutes_short
                    ),
                    theme.quiet(),
                ),
            ]));
        }
    }
}
