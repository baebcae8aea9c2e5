//! Commands about speaking turns: the next speaker in a round or from the raised hands,
//! passing, `b` (take back a slip of the key, or go back a speaker), hands and turn notes.

use super::Draft;
use crate::model::engine::{MAX_NOTE_CHARS, Refusal, UNDO_GRACE_MS};
use crate::model::engine::{MeetingState, Status};
use crate::model::format::PhaseKind;
use crate::model::group::MemberId;
use crate::model::session::EventKind;

impl Draft {
    pub(super) fn next(&mut self) -> Result<(), Refusal> {
        let (_, kind) = self.require_phase()?;
        match kind {
            PhaseKind::Round => {
                let was_speaking = self.end_live_turn(false);
                if !self.advance_round() && !was_speaking {
                    return Err(Refusal::RoundComplete);
                }
            }
            PhaseKind::Open => {
                let was_speaking = self.end_live_turn(false);
                match self.s().queue().first().cloned() {
                    Some(speaker) => self.emit(EventKind::TurnStarted {
                        speaker,
                        slot: None,
                    }),
                    None if was_speaking => {}
                    None => return Err(Refusal::QueueEmpty),
                }
            }
            _ => return Err(Refusal::NoTurns),
        }
        Ok(())
    }

    pub(super) fn pass(&mut self) -> Result<(), Refusal> {
        let (phase, kind) = self.require_phase()?;
        if kind != PhaseKind::Round {
            return Err(Refusal::NotARound);
        }
        if !self.s().agenda[phase].pass_allowed {
            return Err(Refusal::PassNotAllowed);
        }
        let was_speaking = self.s().turn.is_some();
        if !was_speaking {
            // The person next up passes before starting: a turn of no time.
            let (slot, speaker) = self.s().next_up().ok_or(Refusal::RoundComplete)?;
            self.emit(EventKind::TurnStarted {
                speaker,
                slot: Some(slot),
            });
        }
        self.end_live_turn(true);
        if was_speaking {
            self.advance_round();
        }
        Ok(())
    }

    pub(super) fn back(&mut self) -> Result<(), Refusal> {
        self.require_running()?;
        match self.s().back_step(self.stamp.mono_ms)? {
            BackStep::Withdraw { live, reopen } => {
                self.emit(EventKind::TurnWithdrawn { speaker: live });
                if let Some((slot, speaker)) = reopen {
                    match slot {
                        None => self.emit(EventKind::TurnReopened { speaker }),
                        Some(slot) => self.emit(EventKind::TurnStarted {
                            speaker,
                            slot: Some(slot),
                        }),
                    }
                }
            }
            BackStep::Reopen(speaker) => self.emit(EventKind::TurnReopened { speaker }),
            BackStep::Previous { slot, speaker } => {
                self.end_live_turn(false);
                self.emit(EventKind::TurnStarted {
                    speaker,
                    slot: Some(slot),
                });
            }
        }
        Ok(())
    }

    pub(super) fn give_floor(&mut self, who: MemberId) -> Result<(), Refusal> {
        let (_, kind) = self.require_phase()?;
        if kind != PhaseKind::Open {
            return Err(Refusal::NotOpen);
        }
        self.require_person(&who)?;
        self.end_live_turn(false);
        self.emit(EventKind::TurnStarted {
            speaker: who,
            slot: None,
        });
        Ok(())
    }

    pub(super) fn end_turn(&mut self) -> Result<(), Refusal> {
        self.require_phase()?;
        if !self.end_live_turn(false) {
            return Err(Refusal::NobodySpeaking);
        }
        Ok(())
    }

    pub(super) fn raise_hand(&mut self, who: MemberId) -> Result<(), Refusal> {
        let (_, kind) = self.require_phase()?;
        if kind != PhaseKind::Open {
            return Err(Refusal::NotOpen);
        }
        self.require_person(&who)?;
        if self.s().hands.contains(&who) {
            return Err(Refusal::HandAlreadyUp);
        }
        self.emit(EventKind::HandRaised { who });
        Ok(())
    }

    pub(super) fn lower_hand(&mut self, who: MemberId) -> Result<(), Refusal> {
        self.require_phase()?;
        if !self.s().hands.contains(&who) {
            return Err(Refusal::HandNotUp);
        }
        self.emit(EventKind::HandLowered { who });
        Ok(())
    }

    /// A note on the turn in progress, or else on the last one.
    pub(super) fn note(&mut self, text: String) -> Result<(), Refusal> {
        self.require_running()?;
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return Err(Refusal::EmptyNote);
        }
        let text: String = text.chars().take(MAX_NOTE_CHARS).collect();
        let turn = if self.s().turn.is_some() {
            self.s().turns.len()
        } else if !self.s().turns.is_empty() {
            self.s().turns.len() - 1
        } else {
            return Err(Refusal::NoTurnToNote);
        };
        self.emit(EventKind::TurnNoted { turn, text });
        Ok(())
    }

    /// Ends the turn in progress, if any; returns whether there was one.
    pub(super) fn end_live_turn(&mut self, passed: bool) -> bool {
        match self.s().turn.as_ref().map(|t| t.speaker.clone()) {
            Some(speaker) => {
                self.emit(EventKind::TurnEnded { speaker, passed });
                true
            }
            None => false,
        }
    }

    /// Starts the next speaker of a round, returning to those who passed at the end.
    /// Returns whether anyone was started.
    fn advance_round(&mut self) -> bool {
        if let Some((slot, speaker)) = self.s().next_up() {
            self.emit(EventKind::TurnStarted {
                speaker,
                slot: Some(slot),
            });
            return true;
        }
        let returned = self.s().round.as_ref().is_none_or(|r| r.returned);
        let passers = self.s().passers();
        if returned || passers.is_empty() {
            return false;
        }
        self.emit(EventKind::ReturnedToPassed { speakers: passers });
        match self.s().next_up() {
            Some((slot, speaker)) => {
                self.emit(EventKind::TurnStarted {
                    speaker,
                    slot: Some(slot),
                });
                true
            }
            None => false,
        }
    }
}

/// What `b` does in a round at a given moment; [`MeetingState::back_step`].
enum BackStep {
    /// Take back the turn `live` just begun; then `reopen` says who goes on: the turn the
    /// same key press ended (no slot: it is reopened) or the previous speaker (a new turn).
    Withdraw {
        live: MemberId,
        reopen: Option<(Option<usize>, MemberId)>,
    },
    /// Let the turn that ended a moment ago go on.
    Reopen(MemberId),
    /// End the turn in progress, if any, and give the previous speaker in the order a new turn.
    Previous { slot: usize, speaker: MemberId },
}

impl MeetingState {
    /// Whether `b` (back) would do something at `now_ms`: asked for the footer every second,
    /// so it reads the state instead of deciding on a copy of it.
    pub fn can_go_back(&self, now_ms: u64) -> bool {
        self.status == Status::Running && self.back_step(now_ms).is_ok()
    }

    /// `b` in a round. A turn begun a moment ago was begun by mistake: it is taken back
    /// (nobody's airtime, not a turn) and, when the same key press ended the turn before it,
    /// that turn goes on. A turn that ended a moment ago goes on too. Past
    /// [`UNDO_GRACE_MS`] a turn is real: it ends as any turn does, and the previous speaker
    /// in the order gets a new turn.
    fn back_step(&self, now: u64) -> Result<BackStep, Refusal> {
        let phase = self.phase.ok_or(Refusal::NoPhase)?;
        if self.agenda[phase].kind != PhaseKind::Round {
            return Err(Refusal::NotARound);
        }
        let round = self.round.as_ref().ok_or(Refusal::NotARound)?;
        let last_of_round = self
            .turns
            .get(round.first_turn..)
            .and_then(|turns| turns.last())
            .filter(|t| t.slot.is_some() && Some(t.phase) == self.phase);
        let just_ended = last_of_round
            .filter(|t| now.saturating_sub(t.ended_ms) < UNDO_GRACE_MS)
            .map(|t| t.speaker.clone());
        match (self.turn.as_ref(), just_ended) {
            (Some(live), _) if !live.reopened && live.watch.elapsed(now) < UNDO_GRACE_MS => {
                let reopen = match last_of_round {
                    // One key press ended that turn and began this one: undo the press.
                    Some(last) if last.ended_ms == live.started_ms => {
                        Some((None, last.speaker.clone()))
                    }
                    _ => self
                        .previous_slot(live.slot.unwrap_or(round.next_slot))
                        .map(|(slot, speaker)| (Some(slot), speaker)),
                };
                Ok(BackStep::Withdraw {
                    live: live.speaker.clone(),
                    reopen,
                })
            }
            (None, Some(speaker)) => Ok(BackStep::Reopen(speaker)),
            (live, _) => {
                let current = live.and_then(|t| t.slot).unwrap_or(round.next_slot);
                let (slot, speaker) = self.previous_slot(current).ok_or(Refusal::NothingBefore)?;
                Ok(BackStep::Previous { slot, speaker })
            }
        }
    }

    /// In a round: the last present speaker before slot `current`, with their slot.
    fn previous_slot(&self, current: usize) -> Option<(usize, MemberId)> {
        let round = self.round.as_ref()?;
        round.lineup[..current.min(round.lineup.len())]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, id)| self.is_present(id))
            .map(|(slot, id)| (slot, id.clone()))
    }
}
