//! The meeting engine: a facilitator's [`Command`] is checked against the current
//! [`MeetingState`] and becomes events; the state is the fold of the events.
//!
//! [`Meeting`] holds the record and its state together and is what the app uses. Time comes
//! in as a [`Stamp`]; randomness (for random speaking orders) as a seed. The parts:
//!
//! - `state`: the state's types and the state before the first event;
//! - `command`: the commands and the refusals;
//! - `decide`: a command checked and turned into events (by concern: agenda, turns,
//!   outcomes);
//! - `apply`: an event folded into the state;
//! - `queries`: what the screens and the minutes ask of the state.

mod apply;
mod command;
mod decide;
mod queries;
mod state;

pub use command::{Command, Refusal};
pub use state::{LiveTurn, MeetingState, PhaseProgress, Round, SideShare, Status, TurnRecord};

use super::session::{Event, EventKind, EventSource, SessionRecord, Stamp};

/// How often a running meeting notes that it is still running (see [`Meeting::heartbeat`]):
/// the most spoken time a crash can turn into pause.
pub const HEARTBEAT_MS: u64 = 10_000;

/// How long a turn may have run (or have been over) for `b` to take it back as a slip of
/// the key rather than end it as a real turn. Ten seconds: long enough to notice the wrong
/// name on the wall, short enough that nobody has really spoken yet.
pub const UNDO_GRACE_MS: u64 = 10_000;

/// The longest idea, decision or action accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 300;

/// The longest note accepted on a turn, in characters.
pub const MAX_NOTE_CHARS: usize = 200;

/// A meeting: the record that is saved and its live state, kept in step.
#[derive(Debug, Clone)]
pub struct Meeting {
    record: SessionRecord,
    state: MeetingState,
}

impl Meeting {
    /// Opens a record, rebuilding its state from the events.
    pub fn new(record: SessionRecord) -> Meeting {
        let state = MeetingState::replay(&record);
        Meeting { record, state }
    }

    pub fn record(&self) -> &SessionRecord {
        &self.record
    }

    pub fn state(&self) -> &MeetingState {
        &self.state
    }

    /// Gives the record up, e.g. to save it.
    pub fn into_record(self) -> SessionRecord {
        self.record
    }

    /// Marks that the meeting was still running at `stamp`, so that after a crash the time
    /// up to here counts as spoken and phase time, not as a pause. Only while timers run and
    /// at most every [`HEARTBEAT_MS`]; a heartbeat right after another replaces it, so the
    /// log holds at most one between two real events. Returns whether the record changed
    /// (and so wants saving).
    pub fn heartbeat(&mut self, stamp: Stamp) -> bool {
        let Some(last) = self.record.events.last() else {
            return false;
        };
        if !self.state.running() || stamp.mono_ms < last.mono_ms.saturating_add(HEARTBEAT_MS) {
            return false;
        }
        let seq = if last.event == EventKind::Heartbeat {
            last.seq
        } else {
            last.seq + 1
        };
        let event = Event {
            seq,
            at: last.at.max(stamp.at),
            mono_ms: stamp.mono_ms,
            event: EventKind::Heartbeat,
            source: None,
        };
        self.state.apply(&event);
        if last.event == EventKind::Heartbeat {
            self.record.events.pop();
        }
        self.record.events.push(event);
        true
    }

    /// Carries out a command at `stamp`. On success the new events are appended to the
    /// record and the state; returns how many there were.
    pub fn execute(&mut self, command: Command, stamp: Stamp, seed: u64) -> Result<usize, Refusal> {
        self.execute_from(command, stamp, seed, None)
    }

    /// [`Meeting::execute`] for a command that came from `source` (a phone), which its
    /// events record.
    pub fn execute_from(
        &mut self,
        command: Command,
        stamp: Stamp,
        seed: u64,
        source: Option<EventSource>,
    ) -> Result<usize, Refusal> {
        // Never let the meeting clock run backwards, whatever the caller's clock did.
        let last = self.record.events.last();
        let stamp = Stamp {
            at: last.map_or(stamp.at, |e| e.at.max(stamp.at)),
            mono_ms: last.map_or(stamp.mono_ms, |e| e.mono_ms.max(stamp.mono_ms)),
        };
        let kinds = self.state.decide(command, stamp, seed)?;
        let count = kinds.len();
        for kind in kinds {
            let event = Event {
                seq: self.record.events.len() as u64 + 1,
                at: stamp.at,
                mono_ms: stamp.mono_ms,
                event: kind,
                source,
            };
            self.state.apply(&event);
            self.record.events.push(event);
        }
        Ok(count)
    }
}
