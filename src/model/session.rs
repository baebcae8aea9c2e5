//! The session document: one meeting as it is saved, a header plus the ordered event log.
//!
//! Everything about a meeting that happened after it started is an [`Event`]; the live state
//! is the fold of those events (see `engine`). The header holds what was fixed when the
//! meeting started: the group and the agenda as they were, and who was present.
//!
//! The serialized shape is a contract with every saved meeting: add fields with defaults,
//! never rename or repurpose them; bump [`super::SCHEMA_VERSION`] for anything else.

use jiff::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::clock::{ClockItem, ItemStatus, SchoolYear, When, YearClock};
use super::format::{Format, OrderRule};
use super::group::{Group, MemberId};
use super::outcomes::{ActionItem, ActionStatus, Decision, Due, Origin, Outcome};
use super::role::{Role, Side};
use super::vote::{Ballot, Entry, Rule, VoteKind, VoteOption};

/// When something happened: the wall clock (for people) and the meeting's own monotonic
/// clock in milliseconds (for durations). The monotonic clock starts at 0 when the meeting
/// starts and continues from the last saved event when a meeting is resumed, so time while
/// parvi was not running is never counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub at: Timestamp,
    pub mono_ms: u64,
}

/// Someone at the meeting: a member of the group, or a guest of this meeting only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// The member id (`m3`), or `g1`, `g2`… for guests.
    pub id: MemberId,
    pub name: String,
    pub role: Role,
    /// A guest of this meeting, not a member of the group.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub guest: bool,
    /// Marked present when the meeting started (or later, by an attendance event).
    pub present: bool,
}

/// Why a meeting stopped without being ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Interruption {
    /// SIGTERM: the computer is shutting down or someone ran `kill`.
    Terminated,
    /// SIGHUP, or the terminal stopped answering: the window was closed.
    TerminalClosed,
    /// parvi hit a bug; the meeting was saved before it stopped.
    Crashed,
}

/// What happened. Past tense: an event is a fact, already checked by the engine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum EventKind {
    /// The meeting began. Always the first event.
    MeetingStarted,
    /// An agenda item began (or began again, if the facilitator went back to it).
    PhaseStarted {
        phase: usize,
    },
    /// The current agenda item ended.
    PhaseEnded {
        phase: usize,
    },
    /// The speaking order of a round was set.
    RoundOrdered {
        order: Vec<MemberId>,
        rule: OrderRule,
    },
    /// The end of a round's order was reached and those who passed get another chance.
    ReturnedToPassed {
        speakers: Vec<MemberId>,
    },
    /// Someone got the floor. `slot` is their place in the round's order, for rounds.
    TurnStarted {
        speaker: MemberId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        slot: Option<usize>,
    },
    /// A turn ended; `passed` when the speaker passed.
    TurnEnded {
        speaker: MemberId,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        passed: bool,
    },
    /// The turn in progress was taken back (`b` just after it began by mistake): it is not
    /// a turn, its seconds are nobody's airtime, and its speaker is next again.
    TurnWithdrawn {
        speaker: MemberId,
    },
    /// The last turn of the round, ended a moment ago, goes on again (`b`): the same turn,
    /// with its time so far, no longer a pass.
    TurnReopened {
        speaker: MemberId,
    },
    /// The meeting was still running at this moment (saved every few seconds while a timer
    /// runs), so after a crash the time up to here counts as it ran, not as a pause.
    Heartbeat,
    /// A one-line note on a turn (the index of the turn in the meeting, from 0).
    TurnNoted {
        turn: usize,
        text: String,
    },
    /// Someone raised a hand to speak in an open phase.
    HandRaised {
        who: MemberId,
    },
    /// Someone lowered a raised hand without speaking.
    HandLowered {
        who: MemberId,
    },
    /// The facilitator paused every timer.
    Paused,
    /// The facilitator resumed the timers.
    Resumed,
    /// The current phase's timebox was lengthened (positive) or shortened (negative).
    PhaseExtended {
        phase: usize,
        delta_ms: i64,
    },
    /// Someone arrived late or left early.
    AttendanceChanged {
        who: MemberId,
        present: bool,
    },
    /// A guest joined during the meeting.
    GuestAdded {
        guest: Participant,
    },
    /// parvi was stopped from outside; the meeting can be resumed.
    Interrupted {
        reason: Interruption,
    },
    /// The meeting was opened again after parvi stopped; `gap_ms` of wall time passed.
    Reopened {
        gap_ms: u64,
    },
    /// An idea was written (in the phase that is running).
    IdeaAdded {
        idea: u32,
        text: String,
        /// Only where the phase records names.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        author: Option<MemberId>,
        /// Written in private: shown only as a count until revealed.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        hidden: bool,
    },
    IdeaEdited {
        idea: u32,
        text: String,
    },
    IdeaRemoved {
        idea: u32,
    },
    /// Idea `from` was merged into idea `into`, whose text became `text`.
    IdeasMerged {
        into: u32,
        from: u32,
        text: String,
    },
    /// The hidden ideas of the running phase were shown.
    IdeasRevealed,
    ThemeAdded {
        theme: u32,
        name: String,
    },
    ThemeRenamed {
        theme: u32,
        name: String,
    },
    /// An idea was put into a theme (or taken out of one).
    IdeaThemed {
        idea: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        theme: Option<u32>,
    },
    /// A vote was opened on these options; `method` names how a ranking is counted.
    VoteOpened {
        vote: u32,
        kind: VoteKind,
        options: Vec<VoteOption>,
        #[serde(default, skip_serializing_if = "is_zero")]
        budget: u32,
        #[serde(default, skip_serializing_if = "is_zero")]
        cap: u32,
        entry: Entry,
        rule: Rule,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        method: Option<String>,
    },
    /// A ballot, anonymous: only the voter's side is kept, for the per-side results.
    BallotCast {
        vote: u32,
        /// Absent when a phone's voter would rather not say.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        side: Option<Side>,
        ballot: Ballot,
        /// The ballot (1, 2, 3… in this vote's order) this one takes the place of: a
        /// phone's changed ballot. Absent for a new ballot.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        replaces: Option<u32>,
    },
    /// Raised hands counted per option (or per value).
    HandsCounted {
        vote: u32,
        counts: Vec<u32>,
    },
    /// The vote was closed; its results may be shown.
    VoteClosed {
        vote: u32,
    },
    DecisionRecorded {
        decision: Decision,
    },
    DecisionRemoved {
        decision: u32,
    },
    /// A decision of this meeting was changed (the whole decision as it is now).
    DecisionEdited {
        decision: Decision,
    },
    ActionAdded {
        action: ActionItem,
    },
    /// An action of this meeting was changed (the whole action as it is now).
    ActionEdited {
        action: ActionItem,
    },
    ActionRemoved {
        id: String,
    },
    /// Where a decision or an action of this meeting came from, and how far students took
    /// part in it (the whole origin as it is now).
    OriginSet {
        of: Outcome,
        origin: Origin,
    },
    /// An open action of an earlier meeting was followed up.
    ActionReviewed {
        id: String,
        status: ActionStatus,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<Due>,
    },
    /// An item of the group's year clock was marked for the school year `year` (planned,
    /// underway, done or skipped). The clock file follows the meeting's clock events.
    ClockItemMarked {
        item: String,
        year: SchoolYear,
        status: ItemStatus,
    },
    /// An item of the year clock was moved to other months or weeks.
    ClockItemMoved {
        item: String,
        when: When,
    },
    /// An item was put on the year clock (the whole item as it was added).
    ClockItemAdded {
        item: ClockItem,
    },
    /// An item was taken off the year clock.
    ClockItemRemoved {
        item: String,
    },
    /// The meeting ended. Always the last event.
    MeetingEnded,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_zero_i32(n: &i32) -> bool {
    *n == 0
}

/// Where an event came from, when not from the facilitator's keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventSource {
    /// A participant's phone over the room's network. Which phone is never recorded.
    Phone,
}

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// 1, 2, 3… in the order the events happened.
    pub seq: u64,
    /// Wall-clock time (UTC).
    #[schemars(with = "String")]
    pub at: Timestamp,
    /// Milliseconds on the meeting's monotonic clock (see [`Stamp`]).
    pub mono_ms: u64,
    pub event: EventKind,
    /// Where it came from; absent for the facilitator's keyboard (and in every older log).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<EventSource>,
}

impl Event {
    pub fn stamp(&self) -> Stamp {
        Stamp {
            at: self.at,
            mono_ms: self.mono_ms,
        }
    }
}

/// A saved meeting: `<data>/sessions/<date>_<id>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionRecord {
    /// File format version; see [`super::SCHEMA_VERSION`].
    pub schema: u32,
    pub id: Uuid,
    /// The parvi version that created the file.
    pub app_version: String,
    #[schemars(with = "String")]
    pub created_at: Timestamp,
    /// The local time's offset from UTC where and when the meeting started, in seconds
    /// (10800 for a Finnish summer). The meeting's date, and its actions' dates, are local.
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub utc_offset_s: i32,
    /// What the meeting is about, as set when it started.
    #[serde(default)]
    pub topic: String,
    /// The group as it was when the meeting started.
    pub group: Group,
    /// The agenda as adjusted for this meeting. `format.name` names the format it came from.
    pub format: Format,
    /// Members and guests, with attendance at the start.
    pub participants: Vec<Participant>,
    /// The group's open actions from earlier meetings, as they stood when this one started
    /// (a `review_actions` phase follows them up).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carried_actions: Vec<ActionItem>,
    /// The group's year clock as it stood when this meeting started (a `year_clock` phase
    /// works through it; the meeting's clock events change it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<YearClock>,
    pub events: Vec<Event>,
}

/// Something odd in a loaded session that does not stop it loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Oddity {
    /// An event names someone who is not among the participants.
    UnknownParticipant { seq: u64, who: String },
    /// An event's time is earlier than the event before it.
    TimeOutOfOrder { seq: u64 },
    /// Sequence numbers are not 1, 2, 3…
    SequenceGap { seq: u64, expected: u64 },
    /// An event refers to an agenda item the session does not have.
    UnknownPhase { seq: u64, phase: usize },
}

/// What lists and headings call a meeting: its topic, or its format's title when it has none
/// (so no line ends in an empty topic).
pub fn meeting_title(
    topic: &str,
    format_title: &super::format::Localized,
    lang: crate::lang::Lang,
) -> String {
    if topic.trim().is_empty() {
        format_title.get(lang).to_string()
    } else {
        topic.to_string()
    }
}

impl SessionRecord {
    /// The meeting's title (see [`meeting_title`]).
    pub fn title(&self, lang: crate::lang::Lang) -> String {
        meeting_title(&self.topic, &self.format.title, lang)
    }

    /// A meeting of `group` in `format` that has not started: no events yet, every member a
    /// participant, present unless `is_absent` says otherwise.
    pub fn new(
        id: Uuid,
        created_at: Timestamp,
        topic: &str,
        group: &Group,
        format: &Format,
        is_absent: impl Fn(&super::group::Member) -> bool,
    ) -> SessionRecord {
        SessionRecord {
            schema: super::SCHEMA_VERSION,
            id,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            created_at,
            utc_offset_s: 0,
            topic: topic.to_string(),
            group: group.clone(),
            format: format.clone(),
            participants: group
                .members
                .iter()
                .map(|m| Participant {
                    id: m.id.clone(),
                    name: m.name.clone(),
                    role: m.role,
                    guest: false,
                    present: !is_absent(m),
                })
                .collect(),
            carried_actions: Vec::new(),
            clock: None,
            events: Vec::new(),
        }
    }

    /// The meeting's local date (where it was held).
    pub fn local_date(&self) -> jiff::civil::Date {
        let local = self.created_at + jiff::SignedDuration::from_secs(i64::from(self.utc_offset_s));
        local.to_zoned_datetime(jiff::tz::TimeZone::UTC).date()
    }

    /// The participant with this id, if any.
    pub fn participant(&self, id: &MemberId) -> Option<&Participant> {
        self.participants.iter().find(|p| &p.id == id)
    }

    /// The year clock as this meeting left it: the one it started with, changed by its clock
    /// events (the clock file is written from this).
    pub fn clock_after(&self) -> Option<YearClock> {
        let mut clock = self.clock.clone()?;
        for e in &self.events {
            e.event.apply_to_clock(&mut clock);
        }
        Some(clock)
    }

    /// When the meeting started (the first event), else when the file was created.
    pub fn started_at(&self) -> Timestamp {
        self.events.first().map_or(self.created_at, |e| e.at)
    }

    /// When the meeting ended, if it did.
    pub fn ended_at(&self) -> Option<Timestamp> {
        self.events
            .last()
            .filter(|e| e.event == EventKind::MeetingEnded)
            .map(|e| e.at)
    }

    /// Things in the log that are odd but not fatal, in log order. The engine copes with all
    /// of them; review screens show them so nobody trusts a figure built on a broken log.
    pub fn oddities(&self) -> Vec<Oddity> {
        let mut out = Vec::new();
        let mut known: Vec<&MemberId> = self.participants.iter().map(|p| &p.id).collect();
        let mut prev: Option<&Event> = None;
        for (i, e) in self.events.iter().enumerate() {
            let expected = i as u64 + 1;
            if e.seq != expected {
                out.push(Oddity::SequenceGap {
                    seq: e.seq,
                    expected,
                });
            }
            if let Some(p) = prev
                && (e.mono_ms < p.mono_ms || e.at < p.at)
            {
                out.push(Oddity::TimeOutOfOrder { seq: e.seq });
            }
            if let EventKind::GuestAdded { guest } = &e.event {
                known.push(&guest.id);
            }
            for who in e.event.people() {
                if !known.contains(&who) {
                    out.push(Oddity::UnknownParticipant {
                        seq: e.seq,
                        who: who.0.clone(),
                    });
                }
            }
            if let Some(phase) = e.event.phase()
                && phase >= self.format.phases.len()
            {
                out.push(Oddity::UnknownPhase { seq: e.seq, phase });
            }
            prev = Some(e);
        }
        out
    }
}

impl EventKind {
    /// Everyone this event names.
    pub fn people(&self) -> Vec<&MemberId> {
        match self {
            EventKind::RoundOrdered { order, .. } => order.iter().collect(),
            EventKind::ReturnedToPassed { speakers } => speakers.iter().collect(),
            EventKind::TurnStarted { speaker, .. }
            | EventKind::TurnEnded { speaker, .. }
            | EventKind::TurnWithdrawn { speaker }
            | EventKind::TurnReopened { speaker } => {
                vec![speaker]
            }
            EventKind::HandRaised { who }
            | EventKind::HandLowered { who }
            | EventKind::AttendanceChanged { who, .. } => vec![who],
            _ => Vec::new(),
        }
    }

    /// Changes `clock` as this event did, if it is a clock event. A change the clock cannot
    /// take (an item no longer there) is left out: the events were checked when made, so this
    /// happens only to a clock edited by hand since.
    pub fn apply_to_clock(&self, clock: &mut YearClock) {
        let _ = match self {
            EventKind::ClockItemMarked { item, year, status } => {
                clock.set_status(item, *year, *status)
            }
            EventKind::ClockItemMoved { item, when } => clock.move_to(item, *when),
            EventKind::ClockItemAdded { item } => {
                clock.put(item.clone());
                Ok(())
            }
            EventKind::ClockItemRemoved { item } => clock.remove(item).map(|_| ()),
            _ => Ok(()),
        };
    }

    /// Whether this event changes the year clock.
    pub fn changes_clock(&self) -> bool {
        self.clock_item().is_some()
    }

    /// The year-clock item this event changes, if it is a clock event.
    pub fn clock_item(&self) -> Option<&str> {
        match self {
            EventKind::ClockItemMarked { item, .. }
            | EventKind::ClockItemMoved { item, .. }
            | EventKind::ClockItemRemoved { item } => Some(item),
            EventKind::ClockItemAdded { item } => Some(&item.id),
            _ => None,
        }
    }

    /// The agenda item this event names, if any.
    pub fn phase(&self) -> Option<usize> {
        match self {
            EventKind::PhaseStarted { phase }
            | EventKind::PhaseEnded { phase }
            | EventKind::PhaseExtended { phase, .. } => Some(*phase),
            _ => None,
        }
    }
}
