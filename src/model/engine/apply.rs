//! Folding one event into the state: the only place the state changes. Total: an event
//! that does not fit (a broken or hand-edited file) is ignored rather than trusted, and
//! never panics.

use super::state::{LiveTurn, MeetingState, Round, Status, TurnRecord};
use crate::model::format::OrderRule;
use crate::model::group::MemberId;
use crate::model::outcomes::{
    ActionItem, ActionStatus, Decision, Due, Idea, IdeaTheme, Origin, Outcome,
};
use crate::model::role::Side;
use crate::model::session::{Event, EventKind, Participant};
use crate::model::stopwatch::Stopwatch;
use crate::model::vote::{Ballot, Vote};

impl MeetingState {
    /// Folds one event into the state.
    // One arm per event, each a line or a named step below: the match stays exhaustive, so
    // a new event cannot be forgotten, and splitting it would only hide that.
    pub fn apply(&mut self, event: &Event) {
        let last_saved_ms = self.last_ms;
        let now = event.mono_ms.max(self.last_ms);
        self.last_ms = now;
        match &event.event {
            // The meeting and its agenda.
            EventKind::MeetingStarted => self.meeting_started(),
            EventKind::PhaseStarted { phase } => self.phase_started(*phase, now),
            EventKind::PhaseEnded { phase } => self.phase_ended(*phase, now),
            EventKind::PhaseExtended { phase, delta_ms } => self.phase_extended(*phase, *delta_ms),
            EventKind::Paused => self.paused_at(now),
            EventKind::Resumed => self.resumed_at(now),
            EventKind::Interrupted { .. } => self.interrupted_at(now),
            EventKind::Reopened { .. } => self.reopened(last_saved_ms),
            EventKind::Heartbeat => {}
            EventKind::MeetingEnded => self.meeting_ended(now),
            // Turns and hands.
            EventKind::RoundOrdered { order, rule } => self.round_ordered(order, *rule),
            EventKind::ReturnedToPassed { speakers } => self.returned_to_passed(speakers),
            EventKind::TurnStarted { speaker, slot } => self.turn_started(speaker, *slot, now),
            EventKind::TurnEnded { speaker, passed } => self.turn_ended(speaker, *passed, now),
            EventKind::TurnWithdrawn { speaker } => self.turn_withdrawn(speaker),
            EventKind::TurnReopened { speaker } => self.reopen_turn(now, speaker),
            EventKind::TurnNoted { turn, text } => self.turn_noted(*turn, text),
            EventKind::HandRaised { who } => self.hand_raised(who),
            EventKind::HandLowered { who } => self.hands.retain(|h| h != who),
            // Who is there.
            EventKind::AttendanceChanged { who, present } => self.attendance_changed(who, *present),
            EventKind::GuestAdded { guest } => self.guest_added(guest),
            // Ideas and themes.
            EventKind::IdeaAdded {
                idea,
                text,
                author,
                hidden,
            } => self.idea_added(*idea, text, author, *hidden),
            EventKind::IdeaEdited { idea, text } => self.idea_edited(*idea, text),
            EventKind::IdeaRemoved { idea } => self.idea_removed(*idea),
            EventKind::IdeasMerged { into, from, text } => self.ideas_merged(*into, *from, text),
            EventKind::IdeasRevealed => self.ideas.iter_mut().for_each(|i| i.hidden = false),
            EventKind::ThemeAdded { theme, name } => self.themes.push(IdeaTheme {
                id: *theme,
                name: name.clone(),
            }),
            EventKind::ThemeRenamed { theme, name } => self.theme_renamed(*theme, name),
            EventKind::IdeaThemed { idea, theme } => self.idea_themed(*idea, *theme),
            // Votes.
            EventKind::VoteOpened {
                vote,
                kind,
                options,
                budget,
                cap,
                entry,
                rule,
                ..
            } => self.votes.push(Vote {
                id: *vote,
                phase: self.phase.unwrap_or(0),
                kind: *kind,
                options: options.clone(),
                budget: *budget,
                cap: *cap,
                entry: *entry,
                rule: *rule,
                ballots: Vec::new(),
                hands: None,
                closed: false,
            }),
            EventKind::BallotCast {
                vote,
                side,
                ballot,
                replaces,
            } => self.ballot_cast(*vote, *side, ballot, *replaces),
            EventKind::HandsCounted { vote, counts } => self.hands_counted(*vote, counts),
            EventKind::VoteClosed { vote } => self.vote_closed(*vote),
            // Decisions and actions.
            EventKind::DecisionRecorded { decision } => self.decision_recorded(decision),
            EventKind::DecisionRemoved { decision } => self.decisions.retain(|d| d.id != *decision),
            EventKind::DecisionEdited { decision } => self.decision_edited(decision),
            EventKind::ActionAdded { action } => self.action_added(action),
            EventKind::OriginSet { of, origin } => self.origin_set(of, *origin),
            EventKind::ActionEdited { action } => self.action_edited(action),
            EventKind::ActionRemoved { id } => self.actions.retain(|a| &a.id != id),
            EventKind::ActionReviewed { id, status, due } => {
                self.action_reviewed(id, *status, *due)
            }
            // The year clock.
            EventKind::ClockItemMarked { .. }
            | EventKind::ClockItemMoved { .. }
            | EventKind::ClockItemAdded { .. }
            | EventKind::ClockItemRemoved { .. } => self.clock_changed(&event.event),
        }
    }
}

/// The meeting and its agenda.
impl MeetingState {
    fn meeting_started(&mut self) {
        if self.status == Status::NotStarted {
            self.status = Status::Running;
        }
    }

    fn phase_started(&mut self, phase: usize, now: u64) {
        if phase < self.agenda.len() {
            self.close_turn(now, false);
            if let Some(old) = self.phase {
                self.progress[old].watch.stop(now);
            }
            let running = self.running();
            let progress = &mut self.progress[phase];
            progress.visits += 1;
            if running {
                progress.watch.start(now);
            }
            self.phase = Some(phase);
            self.round = None;
            self.hands.clear();
        }
    }

    fn phase_ended(&mut self, phase: usize, now: u64) {
        if self.phase == Some(phase) {
            self.close_turn(now, false);
            self.progress[phase].watch.stop(now);
            self.progress[phase].done = true;
            self.phase = None;
            self.round = None;
            self.hands.clear();
        }
    }

    fn phase_extended(&mut self, phase: usize, delta_ms: i64) {
        if let Some(progress) = self.progress.get_mut(phase) {
            progress.extra_ms = progress.extra_ms.saturating_add(delta_ms);
        }
    }

    fn paused_at(&mut self, now: u64) {
        self.stop_watches(now);
        self.paused = true;
    }

    fn resumed_at(&mut self, now: u64) {
        self.paused = false;
        self.start_watches(now);
    }

    fn interrupted_at(&mut self, now: u64) {
        self.stop_watches(now);
        self.interrupted = true;
    }

    /// Whatever was running when parvi stopped stops at the last saved moment, and the
    /// meeting comes back paused: nothing counts until the facilitator says the room is
    /// ready again. The reopen is stamped a few milliseconds after that moment (the file is
    /// read and replayed first); those belong to nobody's turn.
    fn reopened(&mut self, last_saved_ms: u64) {
        self.stop_watches(last_saved_ms);
        self.interrupted = false;
        self.paused = true;
    }

    fn meeting_ended(&mut self, now: u64) {
        self.close_turn(now, false);
        if let Some(phase) = self.phase.take() {
            self.progress[phase].watch.stop(now);
            self.progress[phase].done = true;
        }
        self.round = None;
        self.hands.clear();
        self.status = Status::Ended;
    }

    fn stop_watches(&mut self, now: u64) {
        if let Some(phase) = self.phase {
            self.progress[phase].watch.stop(now);
        }
        if let Some(turn) = &mut self.turn {
            turn.watch.stop(now);
        }
    }

    fn start_watches(&mut self, now: u64) {
        if !self.running() {
            return;
        }
        if let Some(phase) = self.phase {
            self.progress[phase].watch.start(now);
        }
        if let Some(turn) = &mut self.turn {
            turn.watch.start(now);
        }
    }
}

/// Turns and hands.
impl MeetingState {
    fn round_ordered(&mut self, order: &[MemberId], rule: OrderRule) {
        self.round = Some(Round {
            rule,
            lineup: order.to_vec(),
            first_pass_len: order.len(),
            next_slot: 0,
            returned: false,
            first_turn: self.turns.len(),
        });
    }

    fn returned_to_passed(&mut self, speakers: &[MemberId]) {
        if let Some(round) = &mut self.round {
            round.lineup.extend(speakers.iter().cloned());
            round.returned = true;
        }
    }

    fn turn_started(&mut self, speaker: &MemberId, slot: Option<usize>, now: u64) {
        if let Some(phase) = self.phase {
            self.close_turn(now, false);
            if let (Some(round), Some(slot)) = (&mut self.round, slot) {
                round.next_slot = slot + 1;
            }
            self.hands.retain(|h| h != speaker);
            self.turn = Some(LiveTurn {
                speaker: speaker.clone(),
                phase,
                slot,
                watch: Stopwatch::started(now, self.running()),
                started_ms: now,
                note: None,
                reopened: false,
            });
        }
    }

    fn turn_ended(&mut self, speaker: &MemberId, passed: bool, now: u64) {
        if self.turn.as_ref().is_some_and(|t| &t.speaker == speaker) {
            self.close_turn(now, passed);
        }
    }

    fn turn_withdrawn(&mut self, speaker: &MemberId) {
        if self.turn.as_ref().is_some_and(|t| &t.speaker == speaker)
            && let Some(live) = self.turn.take()
            && let (Some(round), Some(slot)) = (&mut self.round, live.slot)
        {
            // Nobody's time, nobody's turn: the withdrawn speaker is next again.
            round.next_slot = slot;
        }
    }

    /// A note on turn number `turn`: the live one when it is one past the finished turns.
    fn turn_noted(&mut self, turn: usize, text: &str) {
        if turn == self.turns.len() {
            if let Some(live) = &mut self.turn {
                live.note = Some(text.to_string());
            }
        } else if let Some(record) = self.turns.get_mut(turn) {
            record.note = Some(text.to_string());
        }
    }

    fn hand_raised(&mut self, who: &MemberId) {
        if !self.hands.contains(who) {
            self.hands.push(who.clone());
        }
    }

    /// A turn that ends goes into the finished turns with its time and pass mark.
    fn close_turn(&mut self, now: u64, passed: bool) {
        if let Some(mut live) = self.turn.take() {
            live.watch.stop(now);
            self.turns.push(TurnRecord {
                speaker: live.speaker,
                phase: live.phase,
                slot: live.slot,
                started_ms: live.started_ms,
                duration_ms: live.watch.elapsed(now),
                passed,
                note: live.note,
                ended_ms: now,
            });
        }
    }

    /// The last turn of the running round, if it is `speaker`'s and nobody speaks now, goes
    /// on again: its time so far, its note, and no pass mark (only its end decides that).
    fn reopen_turn(&mut self, now: u64, speaker: &MemberId) {
        let Some(round) = &self.round else { return };
        let last_of_round = self.turns.len() > round.first_turn
            && self.turns.last().is_some_and(|t| {
                &t.speaker == speaker && Some(t.phase) == self.phase && t.slot.is_some()
            });
        if self.turn.is_some() || !last_of_round {
            return;
        }
        let Some(record) = self.turns.pop() else {
            return;
        };
        let slot = record.slot.unwrap_or(0);
        let running = self.running();
        if let Some(round) = &mut self.round {
            round.next_slot = slot + 1;
            if round.returned && slot < round.first_pass_len {
                // Back into the first pass: the return to those who passed is taken back
                // too, and made again (with who passed by then) when the first pass ends.
                round.lineup.truncate(round.first_pass_len);
                round.returned = false;
            }
        }
        self.turn = Some(LiveTurn {
            speaker: record.speaker,
            phase: record.phase,
            slot: record.slot,
            watch: Stopwatch::resumed(record.duration_ms, now, running),
            started_ms: record.started_ms,
            note: record.note,
            reopened: true,
        });
    }
}

/// Who is there.
impl MeetingState {
    fn attendance_changed(&mut self, who: &MemberId, present: bool) {
        if present && !self.attended.contains(who) {
            self.attended.push(who.clone());
        }
        if let Some(p) = self.people.iter_mut().find(|p| &p.id == who) {
            p.present = present;
        }
        if present {
            self.seat_late_arrival(who);
        }
    }

    fn guest_added(&mut self, guest: &Participant) {
        if !self.people.iter().any(|p| p.id == guest.id) {
            self.people.push(guest.clone());
            if guest.present {
                self.attended.push(guest.id.clone());
                self.seat_late_arrival(&guest.id);
            }
        }
    }

    /// Someone who arrives (or comes back) during a round gets a turn in it, unless they
    /// already had one or are still waiting for theirs: at the end of the first pass, or,
    /// once those who passed are being asked again, at the very end. Never in front of the
    /// slot that is next, so nobody is skipped and nobody asked twice.
    fn seat_late_arrival(&mut self, who: &MemberId) {
        let side = self.person(who).map(|p| p.role.side());
        let speakers = self.current_phase().and_then(|p| p.speakers);
        if speakers.is_some_and(|s| Some(s) != side) {
            return;
        }
        let Some(round) = &self.round else { return };
        let had_turn = self
            .turns
            .get(round.first_turn..)
            .is_some_and(|turns| turns.iter().any(|t| &t.speaker == who))
            || self.turn.as_ref().is_some_and(|t| &t.speaker == who);
        let waiting = round
            .lineup
            .iter()
            .skip(round.next_slot)
            .any(|id| id == who);
        if had_turn || waiting {
            return;
        }
        if let Some(round) = &mut self.round {
            if round.returned || round.next_slot > round.first_pass_len {
                round.lineup.push(who.clone());
            } else {
                round.lineup.insert(round.first_pass_len, who.clone());
                round.first_pass_len += 1;
            }
        }
    }
}

/// Ideas, themes, votes, decisions and actions.
impl MeetingState {
    fn idea_added(&mut self, id: u32, text: &str, author: &Option<MemberId>, hidden: bool) {
        self.ideas.push(Idea {
            id,
            phase: self.phase.unwrap_or(0),
            text: text.to_string(),
            author: author.clone(),
            hidden,
            theme: None,
            merged_into: None,
            removed: false,
        });
    }

    fn idea_edited(&mut self, idea: u32, text: &str) {
        if let Some(i) = self.idea_mut(idea) {
            i.text = text.to_string();
        }
    }

    fn idea_removed(&mut self, idea: u32) {
        if let Some(i) = self.idea_mut(idea) {
            i.removed = true;
        }
    }

    fn ideas_merged(&mut self, into: u32, from: u32, text: &str) {
        if let Some(i) = self.idea_mut(into) {
            i.text = text.to_string();
        }
        if let Some(i) = self.idea_mut(from) {
            i.merged_into = Some(into);
        }
    }

    fn theme_renamed(&mut self, theme: u32, name: &str) {
        if let Some(t) = self.themes.iter_mut().find(|t| t.id == theme) {
            t.name = name.to_string();
        }
    }

    fn idea_themed(&mut self, idea: u32, theme: Option<u32>) {
        if let Some(i) = self.idea_mut(idea) {
            i.theme = theme;
        }
    }

    fn idea_mut(&mut self, id: u32) -> Option<&mut Idea> {
        self.ideas.iter_mut().find(|i| i.id == id)
    }

    fn vote_mut(&mut self, id: u32) -> Option<&mut Vote> {
        self.votes.iter_mut().find(|v| v.id == id)
    }

    fn ballot_cast(
        &mut self,
        vote: u32,
        side: Option<Side>,
        ballot: &Ballot,
        replaces: Option<u32>,
    ) {
        if let Some(v) = self.vote_mut(vote) {
            // A changed ballot takes its old place: the count of ballots stays.
            let old = replaces.and_then(|n| (n as usize).checked_sub(1));
            match old.and_then(|i| v.ballots.get_mut(i)) {
                Some(slot) => *slot = (side, ballot.clone()),
                None => v.ballots.push((side, ballot.clone())),
            }
        }
    }

    fn hands_counted(&mut self, vote: u32, counts: &[u32]) {
        if let Some(v) = self.vote_mut(vote) {
            v.hands = Some(counts.to_vec());
        }
    }

    fn vote_closed(&mut self, vote: u32) {
        if let Some(v) = self.vote_mut(vote) {
            v.closed = true;
        }
    }

    /// A decision recorded again under the same number replaces the earlier one.
    fn decision_recorded(&mut self, decision: &Decision) {
        self.decisions.retain(|d| d.id != decision.id);
        self.decisions.push(decision.clone());
    }

    fn decision_edited(&mut self, decision: &Decision) {
        if let Some(d) = self.decisions.iter_mut().find(|d| d.id == decision.id) {
            *d = decision.clone();
        }
    }

    fn origin_set(&mut self, of: &Outcome, origin: Origin) {
        match of {
            Outcome::Decision { decision } => {
                if let Some(d) = self.decisions.iter_mut().find(|d| d.id == *decision) {
                    d.origin = origin;
                }
            }
            Outcome::Action { id } => {
                if let Some(a) = self.actions.iter_mut().find(|a| a.id == *id) {
                    a.origin = origin;
                }
            }
        }
    }

    fn action_added(&mut self, action: &ActionItem) {
        self.next_action += 1;
        if let Some(item) = &action.clock_item {
            self.clock_handled_now(item);
        }
        self.actions.push(action.clone());
    }

    /// A change to the year clock (a meeting without a clock has none to change).
    fn clock_changed(&mut self, event: &EventKind) {
        if let Some(clock) = &mut self.clock {
            event.apply_to_clock(clock);
        }
        if let Some(item) = event.clock_item() {
            self.clock_handled_now(&item.to_string());
        }
    }

    fn clock_handled_now(&mut self, item: &String) {
        if !self.clock_handled.contains(item) {
            self.clock_handled.push(item.clone());
        }
    }

    fn action_edited(&mut self, action: &ActionItem) {
        if let Some(a) = self.actions.iter_mut().find(|a| a.id == action.id) {
            *a = action.clone();
        }
    }

    /// A follow-up, of an earlier meeting's action or of this one's.
    fn action_reviewed(&mut self, id: &str, status: ActionStatus, due: Option<Due>) {
        if let Some(a) = self
            .carried
            .iter_mut()
            .chain(self.actions.iter_mut())
            .find(|a| a.id == id)
        {
            a.status = status;
            if let Some(due) = due {
                a.due = due;
            }
        }
    }
}
