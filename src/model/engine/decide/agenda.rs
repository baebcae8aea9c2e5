//! Commands about the meeting as a whole and its room: starting, moving through the agenda
//! and ending; pausing and the timebox; who is present; parvi being stopped and reopened.

use super::Draft;
use crate::model::engine::{Refusal, Status};
use crate::model::format::PhaseKind;
use crate::model::group::{MemberId, clean_name};
use crate::model::role::Role;
use crate::model::session::{EventKind, Interruption, Participant};

impl Draft {
    pub(super) fn start(&mut self, seed: u64) -> Result<(), Refusal> {
        if self.s().status != Status::NotStarted {
            return Err(Refusal::AlreadyStarted);
        }
        self.emit(EventKind::MeetingStarted);
        if !self.s().agenda.is_empty() {
            self.start_phase(0, seed);
        }
        Ok(())
    }

    pub(super) fn next_phase(&mut self, seed: u64) -> Result<(), Refusal> {
        self.require_running()?;
        let next = match self.s().phase {
            Some(p) => p + 1,
            // Between items (after the last one was ended): the first not yet done.
            None => self
                .s()
                .progress
                .iter()
                .position(|p| !p.done)
                .ok_or(Refusal::LastPhase)?,
        };
        self.leave_phase();
        if next < self.s().agenda.len() {
            self.start_phase(next, seed);
        }
        Ok(())
    }

    pub(super) fn go_to_phase(&mut self, n: usize, seed: u64) -> Result<(), Refusal> {
        self.require_running()?;
        if n >= self.s().agenda.len() {
            return Err(Refusal::NoSuchPhase);
        }
        self.leave_phase();
        self.start_phase(n, seed);
        Ok(())
    }

    pub(super) fn pause(&mut self) -> Result<(), Refusal> {
        self.require_running()?;
        if self.s().paused {
            return Err(Refusal::AlreadyPaused);
        }
        self.emit(EventKind::Paused);
        Ok(())
    }

    pub(super) fn resume(&mut self) -> Result<(), Refusal> {
        self.require_running()?;
        if !self.s().paused {
            return Err(Refusal::NotPaused);
        }
        self.emit(EventKind::Resumed);
        Ok(())
    }

    pub(super) fn extend(&mut self, delta_ms: i64) -> Result<(), Refusal> {
        let (phase, _) = self.require_phase()?;
        let timebox = self.s().phase_timebox().unwrap_or(0) as i64;
        // Never below zero: −1 min on 30 s left takes the 30 s.
        let delta_ms = delta_ms.max(-timebox);
        if delta_ms == 0 {
            return Err(Refusal::NoTimeToTake);
        }
        self.emit(EventKind::PhaseExtended { phase, delta_ms });
        Ok(())
    }

    pub(super) fn set_present(&mut self, who: MemberId, present: bool) -> Result<(), Refusal> {
        self.require_running()?;
        let person = self.s().person(&who).ok_or(Refusal::UnknownPerson)?;
        if person.present == present {
            return Ok(());
        }
        if !present && self.s().turn.as_ref().is_some_and(|t| t.speaker == who) {
            self.end_live_turn(false);
        }
        if !present && self.s().hands.contains(&who) {
            self.emit(EventKind::HandLowered { who: who.clone() });
        }
        self.emit(EventKind::AttendanceChanged { who, present });
        Ok(())
    }

    pub(super) fn add_guest(&mut self, name: String, role: Role) -> Result<(), Refusal> {
        self.require_running()?;
        let name = clean_name(&name).map_err(|_| Refusal::EmptyName)?;
        let n = self.s().people.iter().filter(|p| p.guest).count() + 1;
        let guest = Participant {
            id: MemberId(format!("g{n}")),
            name,
            role,
            guest: true,
            present: true,
        };
        self.emit(EventKind::GuestAdded { guest });
        Ok(())
    }

    pub(super) fn interrupt(&mut self, reason: Interruption) -> Result<(), Refusal> {
        self.require_running()?;
        self.emit(EventKind::Interrupted { reason });
        Ok(())
    }

    pub(super) fn reopen(&mut self, gap_ms: u64) -> Result<(), Refusal> {
        self.require_running()?;
        self.emit(EventKind::Reopened { gap_ms });
        Ok(())
    }

    pub(super) fn end(&mut self) -> Result<(), Refusal> {
        self.require_running()?;
        self.leave_phase();
        self.emit(EventKind::MeetingEnded);
        Ok(())
    }

    /// Starts agenda item `phase`; a round gets its speaking order at once.
    fn start_phase(&mut self, phase: usize, seed: u64) {
        self.emit(EventKind::PhaseStarted { phase });
        let spec = &self.s().agenda[phase];
        if spec.kind == PhaseKind::Round {
            let rule = spec.order.unwrap_or_default();
            let order = self.s().round_order(rule, spec.speakers, seed);
            self.emit(EventKind::RoundOrdered { order, rule });
        }
    }

    /// Ends the turn in progress and the running agenda item, if any.
    fn leave_phase(&mut self) {
        self.end_live_turn(false);
        if let Some(phase) = self.s().phase {
            self.emit(EventKind::PhaseEnded { phase });
        }
    }
}
