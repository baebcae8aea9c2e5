//! The meeting's live state: the types a replay folds the events into, and the state of a
//! meeting that has not started.

use crate::model::clock::YearClock;
use crate::model::format::{OrderRule, Phase};
use crate::model::group::MemberId;
use crate::model::outcomes::{ActionItem, Decision, Idea, IdeaTheme};
use crate::model::role::Side;
use crate::model::session::{Participant, SessionRecord};
use crate::model::stopwatch::Stopwatch;
use crate::model::vote::Vote;

/// Where the meeting is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Created, no event yet.
    NotStarted,
    Running,
    Ended,
}

/// Time spent in one agenda item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhaseProgress {
    pub watch: Stopwatch,
    /// Minutes added (or taken away) with +1/−1, in milliseconds.
    pub extra_ms: i64,
    /// How many times the phase was started (going back to a phase starts it again).
    pub visits: u32,
    /// The phase was ended at least once.
    pub done: bool,
}

/// The speaking order of the current round and how far it has got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub rule: OrderRule,
    /// Everyone's place in the round; those who passed are appended once at the end.
    pub lineup: Vec<MemberId>,
    /// How many of `lineup` are the first pass (the rest are returns to those who passed).
    pub first_pass_len: usize,
    /// The slot after the current speaker's: who comes next.
    pub next_slot: usize,
    /// Whether those who passed have been given their second chance.
    pub returned: bool,
    /// Index into [`MeetingState::turns`] of this round's first turn.
    pub first_turn: usize,
}

/// The turn in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveTurn {
    pub speaker: MemberId,
    pub phase: usize,
    pub slot: Option<usize>,
    pub watch: Stopwatch,
    pub started_ms: u64,
    pub note: Option<String>,
    /// Whether this turn was given back to its speaker by `b` (it already holds their time,
    /// so it is never "just started by mistake").
    pub reopened: bool,
}

/// A finished turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnRecord {
    pub speaker: MemberId,
    pub phase: usize,
    pub slot: Option<usize>,
    pub started_ms: u64,
    pub duration_ms: u64,
    pub passed: bool,
    pub note: Option<String>,
    /// When it ended on the meeting clock (not saved: it is the stamp of the event that
    /// ended it), so `b` can tell a turn that just ended from one long over.
    pub ended_ms: u64,
}

/// One side's airtime against its share of the seats (see [`MeetingState::side_shares`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SideShare {
    pub side: Side,
    pub airtime_ms: u64,
    /// Everyone's airtime, the whole the share is of.
    pub total_airtime_ms: u64,
    pub seats: usize,
    pub total_seats: usize,
}

impl SideShare {
    /// The side's share of the airtime, 0 when nobody has spoken yet.
    pub fn airtime_share(&self) -> f64 {
        if self.total_airtime_ms == 0 {
            0.0
        } else {
            self.airtime_ms as f64 / self.total_airtime_ms as f64
        }
    }
}

/// The live state of a meeting: the fold of its events over the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingState {
    pub status: Status,
    /// Paused by the facilitator (or after a reopen, until the facilitator resumes).
    pub paused: bool,
    /// Stopped from outside and not yet reopened.
    pub interrupted: bool,
    /// The agenda: one entry per phase of the format.
    pub agenda: Vec<Phase>,
    pub progress: Vec<PhaseProgress>,
    /// The active agenda item, if any.
    pub phase: Option<usize>,
    pub round: Option<Round>,
    /// Raised hands, in the order they were raised.
    pub hands: Vec<MemberId>,
    pub turn: Option<LiveTurn>,
    pub turns: Vec<TurnRecord>,
    /// Everyone at the meeting, members in seating order then guests.
    pub people: Vec<Participant>,
    /// Everyone who was present at some point (a seat in the participation figures, even
    /// for someone who left early).
    pub attended: Vec<MemberId>,
    /// Meeting time of the last event.
    pub last_ms: u64,
    /// The meeting's id and date, for the ids and dates of its actions.
    pub session: uuid::Uuid,
    pub date: jiff::civil::Date,
    /// Every idea written, removed and merged ones included (they keep their numbers).
    pub ideas: Vec<Idea>,
    pub themes: Vec<IdeaTheme>,
    pub votes: Vec<Vote>,
    pub decisions: Vec<Decision>,
    /// Actions agreed in this meeting.
    pub actions: Vec<ActionItem>,
    /// The number part of the next action id (never reused, even after a removal).
    pub next_action: u32,
    /// Open actions of earlier meetings, as followed up in this one.
    pub carried: Vec<ActionItem>,
    /// The group's year clock as changed in this meeting so far (none when the group had no
    /// clock when the meeting started).
    pub clock: Option<YearClock>,
    /// The clock items this meeting changed or agreed actions on, in the order it first
    /// touched them: what the minutes list under the year clock.
    pub clock_handled: Vec<String>,
}

impl MeetingState {
    /// The state of a meeting that has not started.
    pub fn initial(record: &SessionRecord) -> MeetingState {
        MeetingState {
            status: Status::NotStarted,
            paused: false,
            interrupted: false,
            agenda: record.format.phases.clone(),
            progress: vec![PhaseProgress::default(); record.format.phases.len()],
            phase: None,
            round: None,
            hands: Vec::new(),
            turn: None,
            turns: Vec::new(),
            people: record.participants.clone(),
            attended: record
                .participants
                .iter()
                .filter(|p| p.present)
                .map(|p| p.id.clone())
                .collect(),
            last_ms: 0,
            session: record.id,
            date: record.local_date(),
            ideas: Vec::new(),
            themes: Vec::new(),
            votes: Vec::new(),
            decisions: Vec::new(),
            actions: Vec::new(),
            next_action: 1,
            carried: record.carried_actions.clone(),
            clock: record.clock.clone(),
            clock_handled: Vec::new(),
        }
    }

    /// Rebuilds the state from a record's events.
    pub fn replay(record: &SessionRecord) -> MeetingState {
        let mut state = MeetingState::initial(record);
        for event in &record.events {
            state.apply(event);
        }
        state
    }

    /// Whether timers are counting.
    pub fn running(&self) -> bool {
        self.status == Status::Running && !self.paused && !self.interrupted
    }
}
