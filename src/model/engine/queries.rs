//! Questions the screens, the minutes and the engine itself ask of the state: who speaks
//! next, how much time is left, who has spoken, which ideas are live.

use std::collections::BTreeMap;

use super::state::{MeetingState, SideShare};
use crate::model::format::{OrderRule, Phase};
use crate::model::group::MemberId;
use crate::model::outcomes::{ActionItem, Idea};
use crate::model::role::Side;
use crate::model::session::Participant;
use crate::model::vote::{Vote, VoteOption};

impl MeetingState {
    /// The idea with this number, if it is still shown on its own.
    pub fn idea(&self, id: u32) -> Option<&Idea> {
        self.ideas.iter().find(|i| i.id == id && i.live())
    }

    /// Ideas shown on their own (not removed, not merged away), in the order written.
    pub fn live_ideas(&self) -> impl Iterator<Item = &Idea> {
        self.ideas.iter().filter(|i| i.live())
    }

    /// The latest vote of the running phase, open or closed.
    pub fn current_vote(&self) -> Option<&Vote> {
        let phase = self.phase?;
        self.votes.iter().rev().find(|v| v.phase == phase)
    }

    /// The vote taking ballots now, if any.
    pub fn open_vote(&self) -> Option<&Vote> {
        self.current_vote().filter(|v| !v.closed)
    }

    /// The options a new vote offers by default: the themes if ideas were grouped into
    /// them, else the ideas; for a fist of five or yes/no, the latest decision text or idea
    /// as the single proposal is left to the facilitator.
    pub fn default_options(&self) -> Vec<VoteOption> {
        let themes = self.theme_options();
        if themes.is_empty() {
            self.idea_options()
        } else {
            themes
        }
    }

    /// The themes that hold an idea, as vote options.
    pub fn theme_options(&self) -> Vec<VoteOption> {
        self.themes
            .iter()
            .filter(|t| self.live_ideas().any(|i| i.theme == Some(t.id)))
            .map(|t| VoteOption {
                label: t.name.clone(),
                idea: None,
                theme: Some(t.id),
            })
            .collect()
    }

    /// The ideas on the wall, as vote options (whether or not they were grouped).
    pub fn idea_options(&self) -> Vec<VoteOption> {
        self.live_ideas()
            .filter(|i| !i.hidden)
            .map(|i| VoteOption {
                label: i.text.clone(),
                idea: Some(i.id),
                theme: None,
            })
            .collect()
    }

    /// Actions still open: earlier meetings' (as followed up here) and this meeting's.
    pub fn open_actions(&self) -> impl Iterator<Item = &ActionItem> {
        self.carried
            .iter()
            .chain(self.actions.iter())
            .filter(|a| a.status.is_open())
    }

    /// The active agenda item's definition.
    pub fn current_phase(&self) -> Option<&Phase> {
        self.phase.and_then(|p| self.agenda.get(p))
    }

    /// Time spent in the active phase up to `now`.
    pub fn phase_elapsed(&self, now: u64) -> u64 {
        self.phase
            .map_or(0, |p| self.progress[p].watch.elapsed(now))
    }

    /// The active phase's timebox with any minutes added, or `None` if it is untimed.
    pub fn phase_timebox(&self) -> Option<u64> {
        let p = self.phase?;
        let base = self.agenda[p].timebox_ms() as i64 + self.progress[p].extra_ms;
        (self.agenda[p].minutes > 0 || self.progress[p].extra_ms != 0).then_some(base.max(0) as u64)
    }

    /// Time left in the active phase; negative when it has overrun.
    pub fn phase_remaining(&self, now: u64) -> Option<i64> {
        self.phase_timebox()
            .map(|timebox| timebox as i64 - self.phase_elapsed(now) as i64)
    }

    /// Time the current speaker has spoken up to `now`.
    pub fn turn_elapsed(&self, now: u64) -> u64 {
        self.turn.as_ref().map_or(0, |t| t.watch.elapsed(now))
    }

    /// Time left in the current turn, if turns are timed; negative when it has overrun.
    pub fn turn_remaining(&self, now: u64) -> Option<i64> {
        let turn = self.turn.as_ref()?;
        let limit = self.agenda.get(turn.phase)?.turn_ms()?;
        Some(limit as i64 - turn.watch.elapsed(now) as i64)
    }

    /// The participant with this id.
    pub fn person(&self, id: &MemberId) -> Option<&Participant> {
        self.people.iter().find(|p| &p.id == id)
    }

    /// Whether this person is marked present.
    pub fn is_present(&self, id: &MemberId) -> bool {
        self.person(id).is_some_and(|p| p.present)
    }

    /// Everyone present, in seating order.
    pub fn present(&self) -> impl Iterator<Item = &Participant> {
        self.people.iter().filter(|p| p.present)
    }

    /// Speaking time per person up to `now`, including the turn in progress.
    pub fn airtime(&self, now: u64) -> BTreeMap<MemberId, u64> {
        let mut out: BTreeMap<MemberId, u64> = BTreeMap::new();
        for t in &self.turns {
            *out.entry(t.speaker.clone()).or_default() += t.duration_ms;
        }
        if let Some(t) = &self.turn {
            *out.entry(t.speaker.clone()).or_default() += t.watch.elapsed(now);
        }
        out
    }

    /// Speaking time per side (student, staff, external) up to `now`.
    pub fn airtime_by_side(&self, now: u64) -> [u64; 3] {
        let mut sides = [0u64; 3];
        for (id, ms) in self.airtime(now) {
            if let Some(p) = self.person(&id) {
                sides[p.role.side() as usize] += ms;
            }
        }
        sides
    }

    /// Each side's airtime against its seats up to `now`, for the sides with seats or
    /// airtime: the figures the meeting's side panel and its summary draw.
    pub fn side_shares(&self, now: u64) -> Vec<SideShare> {
        let airtime = self.airtime_by_side(now);
        let seats = self.seats_by_side();
        let total_airtime_ms: u64 = airtime.iter().sum();
        let total_seats: usize = seats.iter().sum();
        Side::ALL
            .into_iter()
            .filter(|side| seats[*side as usize] > 0 || airtime[*side as usize] > 0)
            .map(|side| SideShare {
                side,
                airtime_ms: airtime[side as usize],
                total_airtime_ms,
                seats: seats[side as usize],
                total_seats,
            })
            .collect()
    }

    /// Seats per side among those present.
    pub fn seats_by_side(&self) -> [usize; 3] {
        let mut seats = [0; 3];
        for p in self.present() {
            seats[p.role.side() as usize] += 1;
        }
        seats
    }

    /// Whether this person has spoken (a turn that was not a pass) in this meeting.
    pub fn has_spoken(&self, id: &MemberId) -> bool {
        self.turns.iter().any(|t| &t.speaker == id && !t.passed)
            || self.turn.as_ref().is_some_and(|t| &t.speaker == id)
    }

    /// Those present who have not spoken yet, in seating order.
    pub fn not_spoken_yet(&self) -> Vec<&Participant> {
        self.present().filter(|p| !self.has_spoken(&p.id)).collect()
    }

    /// In a round: the first present speaker at or after `from`, with their slot.
    fn present_slot_from(&self, from: usize) -> Option<(usize, MemberId)> {
        let round = self.round.as_ref()?;
        round
            .lineup
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, id)| self.is_present(id))
            .map(|(slot, id)| (slot, id.clone()))
    }

    /// In a round: who speaks next, and their slot.
    pub fn next_up(&self) -> Option<(usize, MemberId)> {
        self.present_slot_from(self.round.as_ref()?.next_slot)
    }

    /// In a round: those whose latest turn in this round was a pass, in lineup order.
    pub fn passers(&self) -> Vec<MemberId> {
        let Some(round) = &self.round else {
            return Vec::new();
        };
        let mut last: BTreeMap<&MemberId, bool> = BTreeMap::new();
        for t in self.turns.iter().skip(round.first_turn) {
            last.insert(&t.speaker, t.passed);
        }
        round.lineup[..round.first_pass_len.min(round.lineup.len())]
            .iter()
            .filter(|id| last.get(id) == Some(&true) && self.is_present(id))
            .cloned()
            .collect()
    }

    /// In a round: nobody is left to speak and nobody is waiting for a second chance.
    pub fn round_complete(&self) -> bool {
        self.round.is_some()
            && self.turn.is_none()
            && self.next_up().is_none()
            && (self.round.as_ref().is_some_and(|r| r.returned) || self.passers().is_empty())
    }

    /// In an open phase: raised hands in the order they will get the floor.
    pub fn queue(&self) -> Vec<MemberId> {
        let mut hands: Vec<MemberId> = self
            .hands
            .iter()
            .filter(|h| self.is_present(h))
            .cloned()
            .collect();
        match self.current_phase().and_then(|p| p.order) {
            Some(OrderRule::FairStack) => {
                // Least airtime first; the sort is stable so equal airtime keeps hand order.
                let airtime = self.airtime(self.last_ms);
                hands.sort_by_key(|h| airtime.get(h).copied().unwrap_or(0));
            }
            Some(OrderRule::StudentsFirst) => {
                hands.sort_by_key(|h| {
                    self.person(h)
                        .is_none_or(|p| p.role.side() != Side::Student)
                });
            }
            _ => {}
        }
        hands
    }

    /// The speaking order for a round under `rule`, among those present (and only one side
    /// of them when `speakers` is set).
    pub fn round_order(&self, rule: OrderRule, speakers: Option<Side>, seed: u64) -> Vec<MemberId> {
        let present: Vec<&Participant> = self
            .present()
            .filter(|p| speakers.is_none_or(|side| p.role.side() == side))
            .collect();
        let mut order: Vec<MemberId> = match rule {
            OrderRule::Seating | OrderRule::Random => {
                present.iter().map(|p| p.id.clone()).collect()
            }
            OrderRule::StudentsFirst => {
                let (students, others): (Vec<&Participant>, Vec<&Participant>) =
                    present.iter().partition(|p| p.role.side() == Side::Student);
                students
                    .iter()
                    .chain(&others)
                    .map(|p| p.id.clone())
                    .collect()
            }
            OrderRule::FairStack => {
                let airtime = self.airtime(self.last_ms);
                let mut sorted = present.clone();
                sorted.sort_by_key(|p| airtime.get(&p.id).copied().unwrap_or(0));
                sorted.iter().map(|p| p.id.clone()).collect()
            }
        };
        if rule == OrderRule::Random {
            crate::model::random::SplitMix64(seed).shuffle(&mut order);
        }
        order
    }
}
