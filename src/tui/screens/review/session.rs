//! A past meeting's view in the review: who was there, how the meeting went phase by
//! phase, the ideas by theme, the results of closed votes, decisions, actions, the follow-up
//! of earlier actions, and participation per side and per role against the seats.
//!
//! Privacy (DESIGN §6): attendance is by name and role, as recorded; everything about
//! speaking is per side and per role. The turn strip shows each turn as its speaker's side,
//! notes and ideas are shown without names, and no one's own airtime is shown anywhere.
//! Vote results are shown only for closed votes, broken down per side only where the tally
//! allows it.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::page::{DocPage, TextPage};
use super::participation::participation_section;
use super::votes::vote_rows;
use crate::export::trace::{Presence, Trace};
use crate::i18n::words::{self, basis_text, due_text, format_date, owner_text, status_text};
use crate::i18n::{self, fill};
use crate::model::engine::TurnRecord;
use crate::model::metrics::{Participation, participation};
use crate::model::vote::VoteKind;
use crate::model::{EventKind, MeetingState, SessionRecord, Side};
use crate::tui::app::Ctx;
use crate::tui::widgets::fit;

/// The marks of the turn strip, per side: a turn taken, and a turn passed.
pub const TURN_MARKS: [(char, char); 3] = [('●', '○'), ('■', '□'), ('▲', '△')];

/// One past meeting, replayed.
#[derive(Debug)]
pub struct SessionView {
    pub record: SessionRecord,
    pub state: MeetingState,
    pub participation: Participation,
    /// Who was there at some point, and who came late or left early: the same account of
    /// attendance as the minutes give.
    pub presence: std::collections::BTreeMap<crate::model::MemberId, Presence>,
    /// The first line shown.
    pub scroll: usize,
}

impl DocPage for SessionView {
    fn layout(&self, width: usize, cx: &Ctx) -> TextPage {
        self.doc(width, cx)
    }
    fn scroll(&self) -> usize {
        self.scroll
    }
    fn scroll_mut(&mut self) -> &mut usize {
        &mut self.scroll
    }
}

impl SessionView {
    pub fn new(record: SessionRecord) -> SessionView {
        let trace = Trace::of(&record);
        let state = trace.state;
        let participation = participation(&state);
        SessionView {
            record,
            state,
            participation,
            presence: trace.presence,
            scroll: 0,
        }
    }

    /// The meeting's file, where the index lists it.
    /// The meeting's file (what the export reads).
    pub fn path(&self, cx: &Ctx) -> std::path::PathBuf {
        let file = cx
            .data
            .sessions
            .iter()
            .find(|s| s.id == self.record.id)
            .map(|s| s.file.clone())
            .unwrap_or_else(|| {
                crate::store::Paths::session_file_name(
                    cx.local(self.record.started_at()).date(),
                    &self.record.id,
                )
            });
        cx.data.sessions_dir.join(file)
    }

    /// The whole page laid out for `width` columns.
    pub fn doc(&self, width: usize, cx: &Ctx) -> TextPage {
        let mut doc = TextPage::default();
        self.header(&mut doc, width, cx);
        self.attendance(&mut doc, width, cx);
        self.timeline(&mut doc, width, cx);
        self.ideas(&mut doc, width, cx);
        self.votes(&mut doc, width, cx);
        self.decisions(&mut doc, width, cx);
        self.actions(&mut doc, width, cx);
        self.follow_up(&mut doc, width, cx);
        participation_section(&mut doc, &self.participation, None, width, cx);
        doc
    }

    fn header(&self, doc: &mut TextPage, width: usize, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let record = &self.record;
        let format = record.format.title.get(cx.lang);
        let title = record.title(cx.lang);
        doc.push(Line::from(Span::styled(
            fit(&title, width),
            theme.heading(),
        )));
        let start = cx.local(record.started_at());
        let mut when = format!(
            "{} {:02}:{:02}",
            format_date(cx.lang, start.date()),
            start.hour(),
            start.minute()
        );
        match record.ended_at() {
            Some(end) => {
                let end = cx.local(end);
                when.push_str(&format!("–{:02}:{:02}", end.hour(), end.minute()));
            }
            None => when.push_str(&format!(" ({})", t.cli_session_status_open)),
        }
        let line = format!(
            "{} · {format} · {when} · {}",
            record.group.name,
            words::length(self.state.last_ms)
        );
        doc.para("", &line, width, theme.text());
        doc.sections.push(0);
    }

    fn attendance(&self, doc: &mut TextPage, width: usize, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let people = &self.state.people;
        let seen = |p: &crate::model::Participant| self.presence.get(&p.id).copied();
        // The time written as the minutes write it ("klo 14.15" in Finnish).
        let clock = |at: jiff::Timestamp| crate::i18n::words::clock(cx.lang, at, &cx.tz);
        // Everyone who was there at some point, with when they came late or left early.
        let present: Vec<String> = people
            .iter()
            .filter(|p| seen(p).map_or(p.present, |s| s.ever))
            .map(|p| {
                let mut notes = vec![i18n::role(cx.lang, p.role).to_string()];
                if p.guest {
                    notes.push(t.guest.to_string());
                }
                let seen = seen(p).unwrap_or_default();
                if let Some(at) = seen.arrived {
                    notes.push(fill(t.minutes.arrived, &[("time", &clock(at))]));
                }
                if let Some(at) = seen.left {
                    notes.push(fill(t.minutes.left, &[("time", &clock(at))]));
                }
                format!("{} ({})", p.name, notes.join(", "))
            })
            .collect();
        doc.section(
            fill(
                t.review.attendance,
                &[
                    ("present", &present.len().to_string()),
                    ("total", &people.len().to_string()),
                ],
            ),
            theme,
        );
        doc.para("", &present.join(", "), width, theme.text());
        let absent: Vec<&str> = people
            .iter()
            .filter(|p| !seen(p).map_or(p.present, |s| s.ever))
            .map(|p| p.name.as_str())
            .collect();
        if !absent.is_empty() {
            doc.para(
                "",
                &fill(t.review.absent_list, &[("names", &absent.join(", "))]),
                width,
                theme.quiet(),
            );
        }
    }

    /// The agenda item by item: the time used against its timebox, its turns as the
    /// speakers' sides, and the notes on them.
    fn timeline(&self, doc: &mut TextPage, width: usize, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let state = &self.state;
        doc.section(t.review.timeline.to_string(), theme);
        doc.push(turn_legend(cx));
        let number_w = format!("{}", state.agenda.len()).len() + 2;
        for i in 0..state.agenda.len() {
            doc.push(self.phase_line(i, number_w, width, cx));
            let turns: Vec<&TurnRecord> = state.turns.iter().filter(|x| x.phase == i).collect();
            self.turn_strip(doc, &turns, number_w + 1, width, cx);
            // Notes on the turns, without names.
            for note in turns.iter().filter_map(|x| x.note.as_deref()) {
                doc.para(
                    &" ".repeat(number_w + 1),
                    &format!("”{note}”"),
                    width,
                    theme.text(),
                );
            }
        }
    }

    /// Agenda item `i`: its number and title, and the time used against the timebox at the
    /// right of a row no wider than a readable line, so the two stay together on a wide
    /// screen.
    fn phase_line(&self, i: usize, number_w: usize, width: usize, cx: &Ctx) -> Line<'static> {
        let t = cx.t();
        let theme = cx.theme;
        let phase = &self.state.agenda[i];
        let progress = &self.state.progress[i];
        let elapsed = words::length(progress.watch.elapsed(self.state.last_ms));
        let title = format!(
            "{:>w$} {}",
            format!("{}.", i + 1),
            phase.title.get(cx.lang),
            w = number_w
        );
        let time = if progress.visits == 0 {
            t.review.not_held.to_string()
        } else if phase.minutes > 0 {
            format!("{elapsed} / {} {}", phase.minutes, t.minutes_short)
        } else {
            elapsed
        };
        let style = if progress.visits == 0 {
            theme.quiet()
        } else {
            theme.text()
        };
        let row_w = width.min(76);
        let title_w = row_w.saturating_sub(time.width() + 2).max(12);
        Line::from(vec![
            Span::styled(crate::tui::widgets::pad(&title, title_w), style),
            Span::raw("  "),
            Span::styled(time, theme.quiet()),
        ])
    }

    /// An item's turns in order, each as its speaker's side, then how many were taken and
    /// passed (after the last mark where it fits, else on a line of its own).
    fn turn_strip(
        &self,
        doc: &mut TextPage,
        turns: &[&TurnRecord],
        indent: usize,
        width: usize,
        cx: &Ctx,
    ) {
        if turns.is_empty() {
            return;
        }
        let theme = cx.theme;
        let taken = turns.iter().filter(|x| !x.passed).count();
        let counts = fill(
            cx.t().review.phase_turns,
            &[
                ("turns", &taken.to_string()),
                ("passes", &(turns.len() - taken).to_string()),
            ],
        );
        let per_line = width.saturating_sub(indent).max(8);
        let chunks: Vec<_> = turns.chunks(per_line).collect();
        for (n, chunk) in chunks.iter().enumerate() {
            let mut spans = vec![Span::raw(" ".repeat(indent))];
            for turn in *chunk {
                let side = self
                    .state
                    .person(&turn.speaker)
                    .map_or(Side::External, |p| p.role.side());
                let (taken, passed) = TURN_MARKS[side as usize];
                let mark = if turn.passed { passed } else { taken };
                spans.push(Span::styled(mark.to_string(), theme.side(side)));
            }
            let last = n + 1 == chunks.len();
            if last && indent + chunk.len() + 3 + counts.width() <= width {
                spans.push(Span::styled(format!("   {counts}"), theme.quiet()));
                doc.push(Line::from(spans));
            } else {
                doc.push(Line::from(spans));
                if last {
                    doc.push(Line::from(Span::styled(
                        fit(&format!("{}{counts}", " ".repeat(indent)), width),
                        theme.quiet(),
                    )));
                }
            }
        }
    }

    fn ideas(&self, doc: &mut TextPage, width: usize, cx: &Ctx) {
        let t = &cx.t().review;
        let theme = cx.theme;
        let state = &self.state;
        let shown: Vec<_> = state.live_ideas().filter(|i| !i.hidden).collect();
        let hidden = state.live_ideas().filter(|i| i.hidden).count();
        if shown.is_empty() && hidden == 0 && !state.agenda.iter().any(|p| p.takes_ideas()) {
            return;
        }
        doc.section(t.ideas.to_string(), theme);
        if shown.is_empty() {
            doc.push(Line::from(Span::styled(t.no_ideas, theme.quiet())));
        }
        let mut groups: Vec<(String, Vec<&str>)> = state
            .themes
            .iter()
            .map(|theme_| {
                (
                    theme_.name.clone(),
                    shown
                        .iter()
                        .filter(|i| i.theme == Some(theme_.id))
                        .map(|i| i.text.as_str())
                        .collect::<Vec<&str>>(),
                )
            })
            .filter(|(_, ideas)| !ideas.is_empty())
            .collect();
        let loose: Vec<&str> = shown
            .iter()
            .filter(|i| {
                i.theme
                    .is_none_or(|id| !state.themes.iter().any(|x| x.id == id))
            })
            .map(|i| i.text.as_str())
            .collect();
        if !loose.is_empty() {
            let label = if groups.is_empty() {
                String::new()
            } else {
                t.no_theme.to_string()
            };
            groups.push((label, loose));
        }
        for (name, ideas) in groups {
            if !name.is_empty() {
                doc.push(Line::from(Span::styled(
                    fit(&format!("{name} ({})", ideas.len()), width),
                    theme.current(),
                )));
            }
            for idea in ideas {
                doc.para("  • ", idea, width, theme.text());
            }
        }
        if hidden > 0 {
            doc.push(Line::from(Span::styled(
                fill(t.hidden_ideas, &[("n", &hidden.to_string())]),
                theme.quiet(),
            )));
        }
    }

    fn votes(&self, doc: &mut TextPage, width: usize, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        if self.state.votes.is_empty() {
            return;
        }
        doc.section(t.review.votes.to_string(), theme);
        for vote in &self.state.votes {
            let kind = t.vote.kinds[VoteKind::ALL
                .iter()
                .position(|k| *k == vote.kind)
                .unwrap_or(0)];
            doc.push(Line::from(Span::styled(
                fit(
                    &fill(
                        t.review.vote_heading,
                        &[("n", &vote.id.to_string()), ("kind", kind)],
                    ),
                    width,
                ),
                theme.current(),
            )));
            if !vote.closed {
                doc.para("  ", t.review.vote_not_closed, width, theme.quiet());
                continue;
            }
            vote_rows(doc, vote, width, cx);
        }
    }

    fn decisions(&self, doc: &mut TextPage, width: usize, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let state = &self.state;
        if state.decisions.is_empty()
            && !has_kind(state, |k| k == crate::model::PhaseKind::Decisions)
        {
            return;
        }
        doc.section(t.review.decisions.to_string(), theme);
        if state.decisions.is_empty() {
            doc.push(Line::from(Span::styled(
                t.records.no_decisions,
                theme.quiet(),
            )));
        }
        for (n, decision) in state.decisions.iter().enumerate() {
            let lead = format!("{}. ", n + 1);
            doc.para(&lead, &decision.text, width, theme.text());
            let indent = " ".repeat(lead.width());
            for basis in &decision.basis {
                doc.para(
                    &indent,
                    &basis_text(state, basis, cx.lang, str::to_string),
                    width,
                    theme.quiet(),
                );
            }
            if let Some(date) = decision.review {
                doc.para(
                    &indent,
                    &fill(
                        t.records.review_on,
                        &[("date", &format_date(cx.lang, date))],
                    ),
                    width,
                    theme.quiet(),
                );
            }
        }
    }

    fn actions(&self, doc: &mut TextPage, width: usize, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let state = &self.state;
        if state.actions.is_empty() && !has_kind(state, |k| k == crate::model::PhaseKind::Actions) {
            return;
        }
        doc.section(t.review.actions.to_string(), theme);
        if state.actions.is_empty() {
            doc.push(Line::from(Span::styled(
                t.records.no_actions,
                theme.quiet(),
            )));
        }
        for action in &state.actions {
            doc.para("• ", &action.text, width, theme.text());
            doc.para(
                "  ",
                &format!(
                    "{} · {}",
                    owner_text(cx.lang, &action.owner),
                    due_text(cx.lang, action.due)
                ),
                width,
                theme.quiet(),
            );
        }
    }

    fn follow_up(&self, doc: &mut TextPage, width: usize, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let state = &self.state;
        if state.carried.is_empty() {
            return;
        }
        doc.section(t.review.follow_up.to_string(), theme);
        for action in &state.carried {
            let reviewed = self.record.events.iter().any(
                |e| matches!(&e.event, EventKind::ActionReviewed { id, .. } if *id == action.id),
            );
            let status = if reviewed {
                status_text(cx.lang, action.status)
            } else {
                t.records.status_unreviewed
            };
            doc.para("• ", &action.text, width, theme.text());
            doc.para(
                "  ",
                &format!(
                    "{} · {} · {status}",
                    owner_text(cx.lang, &action.owner),
                    due_text(cx.lang, action.due)
                ),
                width,
                if reviewed {
                    theme.quiet()
                } else {
                    theme.warning()
                },
            );
        }
    }
}

/// Whether the agenda has a phase of this kind.
fn has_kind(state: &MeetingState, wanted: impl Fn(crate::model::PhaseKind) -> bool) -> bool {
    state.agenda.iter().any(|p| wanted(p.kind))
}

/// The legend of the turn strip: shapes, so colour is never the only sign.
fn turn_legend(cx: &Ctx) -> Line<'static> {
    let theme = cx.theme;
    let mut legend: Vec<Span> = Vec::new();
    for side in Side::ALL {
        let (mark, _) = TURN_MARKS[side as usize];
        legend.push(Span::styled(format!("{mark} "), theme.side(side)));
        legend.push(Span::styled(
            format!("{}   ", i18n::side(cx.lang, side)),
            theme.quiet(),
        ));
    }
    let passed: String = TURN_MARKS.iter().map(|(_, p)| *p).collect();
    legend.push(Span::styled(
        format!("{passed} {}", cx.t().review.passed_mark),
        theme.quiet(),
    ));
    Line::from(legend)
}
