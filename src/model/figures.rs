//! A meeting's figures: everything a group's trends, `parvi stats` and the report need from
//! one meeting, taken by replaying its log once, small enough to keep for every meeting in a
//! cache (`store::figures`) so that a group's figures never replay a log twice.
//!
//! [`MeetingFigures`] is the unit; the functions below compute a group's figures from a slice
//! of them exactly as `metrics` and `outcomes` compute them from the records (tests hold
//! them equal on the sample meetings).
//!
//! To add a figure: add the field, fill it in [`MeetingFigures::of_state`], and bump
//! [`VERSION`]. A cache written under another version is rebuilt from the logs, so no field
//! needs a default and no old file is ever read as the new layout.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::engine::MeetingState;
use super::format::Localized;
use super::metrics::{self, Participation, TrendPoint};
use super::outcomes::{ActionItem, Origin};
use super::role::Side;
use super::session::SessionRecord;

/// The version of [`MeetingFigures`]' layout: bump it with every field added, removed or
/// changed in meaning, and every cache of figures is rebuilt from the logs.
pub const VERSION: u32 = 2;

/// What the per-group figures need from one meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingFigures {
    pub id: Uuid,
    pub group_id: String,
    /// The group's name as the meeting saved it.
    pub group_name: String,
    pub topic: String,
    /// The format's title, kept only for a meeting without a topic (its title is then the
    /// format's, see [`MeetingFigures::title`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format_title: Option<Localized>,
    pub started_at: Timestamp,
    /// `None`: the meeting never ended (parvi stopped under it, or it is still running).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<Timestamp>,
    /// The participation figures at the end of the log (`metrics::participation`).
    pub participation: Participation,
    /// Members present when the meeting started, by side (indexed like [`Side::ALL`]).
    pub present: [u32; 3],
    /// Ideas shown on the wall: neither removed, merged away nor still hidden.
    pub ideas_shown: u32,
    pub decisions: u32,
    /// Where each decision came from and how far students took part, in the decisions'
    /// order (empty parts where it was not said).
    pub decision_origins: Vec<Origin>,
    /// The check-out pulse's answers 1…5, by side in the order of [`Side::ALL`], then a
    /// fourth row for answers whose side is not known (counted hands, a phone's voter who
    /// would rather not say).
    pub pulse: [[u32; 5]; 4],
    /// The actions this meeting followed up, as it left them (`state.carried`).
    #[serde(with = "compact")]
    pub carried: Vec<ActionItem>,
    /// The actions agreed in this meeting (`state.actions`).
    #[serde(with = "compact")]
    pub actions: Vec<ActionItem>,
}

impl MeetingFigures {
    /// The figures of a meeting, replaying its log once.
    pub fn of(record: &SessionRecord) -> MeetingFigures {
        MeetingFigures::of_state(record, &MeetingState::replay(record))
    }

    /// The figures of a meeting whose log is already replayed into `state`.
    pub fn of_state(record: &SessionRecord, state: &MeetingState) -> MeetingFigures {
        let mut present = [0u32; 3];
        for p in record.participants.iter().filter(|p| p.present) {
            present[p.role.side() as usize] += 1;
        }
        MeetingFigures {
            id: record.id,
            group_id: record.group.id.clone(),
            group_name: record.group.name.clone(),
            topic: record.topic.clone(),
            format_title: record
                .topic
                .trim()
                .is_empty()
                .then(|| record.format.title.clone()),
            started_at: record.started_at(),
            ended_at: record.ended_at(),
            participation: metrics::participation(state),
            present,
            ideas_shown: state.live_ideas().filter(|i| !i.hidden).count() as u32,
            decisions: state.decisions.len() as u32,
            decision_origins: state.decisions.iter().map(|d| d.origin).collect(),
            pulse: pulse_of(state),
            carried: state.carried.clone(),
            actions: state.actions.clone(),
        }
    }

    /// The meeting's title, as `SessionRecord::title` gives it.
    pub fn title(&self, lang: crate::lang::Lang) -> String {
        match &self.format_title {
            Some(format_title) => super::session::meeting_title(&self.topic, format_title, lang),
            None => self.topic.clone(),
        }
    }

    /// The meeting's point on the group's trend lines (as `TrendPoint::of` gives it).
    pub fn trend_point(&self) -> TrendPoint {
        let p = &self.participation;
        TrendPoint {
            session: self.id,
            started_at: self.started_at,
            student_airtime: p.airtime_share(Side::Student),
            student_seats: p.seat_share(Side::Student),
            equity: p.equity,
        }
    }

    /// Every action the meeting touched, as it left them: the followed-up ones, then its own.
    pub fn followed(&self) -> impl Iterator<Item = &ActionItem> {
        self.carried.iter().chain(&self.actions)
    }
}

/// The answers of every pulse of the meeting, by side (see [`MeetingFigures::pulse`]).
fn pulse_of(state: &MeetingState) -> [[u32; 5]; 4] {
    use super::vote::{Ballot, VoteKind};
    let mut pulse = [[0u32; 5]; 4];
    for vote in state.votes.iter().filter(|v| v.kind == VoteKind::Pulse) {
        for (side, ballot) in &vote.ballots {
            if let Ballot::Pulse(value) = ballot
                && (1..=5).contains(value)
            {
                let row = side.map_or(3, |s| s as usize);
                pulse[row][usize::from(*value) - 1] += 1;
            }
        }
        for (slot, n) in vote.hands.iter().flatten().take(5).enumerate() {
            pulse[3][slot] += n;
        }
    }
    pulse
}

/// Actions as the figures hold them: each an array, its owner and due tagged from outside
/// (`{"R":"nurse"}`), which parses without the buffering that the logs' `{"type": …}` form
/// needs; the actions are most of a meeting's figures. A field added to `ActionItem` is
/// added here too (the compiler says so) and [`VERSION`] bumped.
mod compact {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use uuid::Uuid;

    use crate::model::group::MemberId;
    use crate::model::outcomes::{self, ActionItem, ActionStatus, Origin};
    use crate::model::role::Role;

    #[derive(Serialize, Deserialize)]
    struct Action(
        String,
        String,
        Owner,
        Due,
        ActionStatus,
        Uuid,
        Date,
        Option<String>,
        Origin,
    );

    #[derive(Serialize, Deserialize)]
    enum Owner {
        M(MemberId, String),
        R(Role),
    }

    #[derive(Serialize, Deserialize)]
    enum Due {
        D(Date),
        M(u8),
        N,
    }

    fn to_wire(a: &ActionItem) -> Action {
        let ActionItem {
            id,
            text,
            owner,
            due,
            status,
            session,
            agreed,
            clock_item,
            origin,
        } = a.clone();
        Action(
            id,
            text,
            match owner {
                outcomes::Owner::Member { id, name } => Owner::M(id, name),
                outcomes::Owner::Role { role } => Owner::R(role),
            },
            match due {
                outcomes::Due::Date { date } => Due::D(date),
                outcomes::Due::Month { month } => Due::M(month),
                outcomes::Due::None => Due::N,
            },
            status,
            session,
            agreed,
            clock_item,
            origin,
        )
    }

    fn from_wire(a: Action) -> ActionItem {
        let Action(id, text, owner, due, status, session, agreed, clock_item, origin) = a;
        ActionItem {
            id,
            text,
            owner: match owner {
                Owner::M(id, name) => outcomes::Owner::Member { id, name },
                Owner::R(role) => outcomes::Owner::Role { role },
            },
            due: match due {
                Due::D(date) => outcomes::Due::Date { date },
                Due::M(month) => outcomes::Due::Month { month },
                Due::N => outcomes::Due::None,
            },
            status,
            session,
            agreed,
            clock_item,
            origin,
        }
    }

    pub fn serialize<S: Serializer>(actions: &[ActionItem], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(actions.iter().map(to_wire))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<ActionItem>, D::Error> {
        Ok(Vec::<Action>::deserialize(d)?
            .into_iter()
            .map(from_wire)
            .collect())
    }
}

/// The meetings oldest first (a stable sort: meetings that started together keep their order).
fn oldest_first(figures: &[MeetingFigures]) -> Vec<&MeetingFigures> {
    let mut sorted: Vec<&MeetingFigures> = figures.iter().collect();
    sorted.sort_by_key(|f| f.started_at);
    sorted
}

/// Every action of a group's meetings as it stands after the last of them (as
/// `outcomes::all_actions` gives it from the records). `figures` may come in any order.
pub fn all_actions(figures: &[MeetingFigures]) -> Vec<ActionItem> {
    // Each action where it was first seen, as the last meeting that touched it left it.
    let mut actions: Vec<&ActionItem> = Vec::new();
    let mut place: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for meeting in oldest_first(figures) {
        for followed in meeting.followed() {
            match place.get(followed.id.as_str()) {
                Some(&at) => actions[at] = followed,
                None => {
                    place.insert(&followed.id, actions.len());
                    actions.push(followed);
                }
            }
        }
    }
    actions.into_iter().cloned().collect()
}

/// The actions still open after a group's meetings (as `outcomes::open_actions`).
pub fn open_actions(figures: &[MeetingFigures]) -> Vec<ActionItem> {
    all_actions(figures)
        .into_iter()
        .filter(|a| a.status.is_open())
        .collect()
}

/// The meetings' participation added up (as `metrics::combined`), in the order given.
pub fn combined(figures: &[MeetingFigures]) -> Participation {
    metrics::combined_of(figures.iter().map(|f| &f.participation))
}

/// The trend points of the meetings, oldest first (as `metrics::trend`).
pub fn trend(figures: &[MeetingFigures]) -> Vec<TrendPoint> {
    oldest_first(figures)
        .into_iter()
        .map(MeetingFigures::trend_point)
        .collect()
}
