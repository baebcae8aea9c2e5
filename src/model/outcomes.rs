//! What a meeting produces besides talk: ideas and their themes, decisions, and action items
//! that someone owns and the next meeting follows up.
//!
//! Ideas are anonymous unless the phase asks for names; ideas written in a private phase are
//! hidden (shown only as a count) until the facilitator reveals them. Action ids are unique
//! across meetings, because an action lives on in later meetings' reviews.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::group::MemberId;
use super::role::Role;

/// One idea on the wall.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Idea {
    /// 1, 2, 3… within the meeting; also the number people see.
    pub id: u32,
    /// The agenda item it was written in.
    pub phase: usize,
    pub text: String,
    /// Who wrote it, only where the phase asks for names.
    pub author: Option<MemberId>,
    /// Written in private and not yet revealed.
    pub hidden: bool,
    pub theme: Option<u32>,
    /// Merged into another idea (and no longer shown on its own).
    pub merged_into: Option<u32>,
    pub removed: bool,
}

impl Idea {
    /// Shown on its own: neither removed nor merged away.
    pub fn live(&self) -> bool {
        !self.removed && self.merged_into.is_none()
    }
}

/// A named group of ideas (not the colours of the screen, which are `tui::theme::Theme`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Theme")]
pub struct IdeaTheme {
    pub id: u32,
    pub name: String,
}

/// What a decision was based on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Basis {
    Vote { vote: u32 },
    Idea { idea: u32 },
    Theme { theme: u32 },
}

/// Whose input a decision or an action came from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Students,
    Staff,
    /// From outside the school: a partner, an expert, a guardian.
    External,
    /// An initiative of the student union (*opiskelijakunta*).
    StudentUnion,
    /// A survey's results.
    Survey,
}

impl Source {
    pub const ALL: [Source; 5] = [
        Source::Students,
        Source::Staff,
        Source::External,
        Source::StudentUnion,
        Source::Survey,
    ];
}

/// How far students took part in a decision or an action: a short ladder after Hart's
/// ladder of participation and Shier's pathways, from being told to starting it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Students were told of it.
    Informed,
    /// Students' views were asked and heard.
    Consulted,
    /// Students took part in preparing it.
    Prepared,
    /// Students decided together with staff.
    DecidedTogether,
    /// Students started it.
    StudentInitiated,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Informed,
        Level::Consulted,
        Level::Prepared,
        Level::DecidedTogether,
        Level::StudentInitiated,
    ];
}

/// Where a decision or an action came from, and the students' level of participation in
/// it. Both are optional: asked quickly, never required.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
}

impl Origin {
    /// Neither is known.
    pub fn is_empty(&self) -> bool {
        self.source.is_none() && self.level.is_none()
    }
}

/// A decision or an action of a meeting, to set its [`Origin`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Outcome {
    Decision { decision: u32 },
    Action { id: String },
}

/// A decision of the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub id: u32,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub basis: Vec<Basis>,
    /// When the group looks at the decision again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub review: Option<Date>,
    /// Whose input it came from and how far students took part.
    #[serde(default, skip_serializing_if = "Origin::is_empty")]
    pub origin: Origin,
}

/// Who owns an action: a member by name, or a role (when a name is not needed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Owner {
    Member { id: MemberId, name: String },
    Role { role: Role },
}

/// When an action is due: a date, or a month of the wellbeing year clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Due {
    Date {
        #[schemars(with = "String")]
        date: Date,
    },
    /// 1–12: a month of the year clock (*vuosikello*).
    Month {
        month: u8,
    },
    None,
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Open,
    Done,
    /// Still open, with a new due date.
    Continued,
    Dropped,
}

impl ActionStatus {
    /// Whether the action still needs doing.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::Continued)
    }
}

/// An action item: who does what, by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Action")]
pub struct ActionItem {
    /// Unique across meetings: the meeting's id (32 hex digits) and a number.
    pub id: String,
    pub text: String,
    pub owner: Owner,
    pub due: Due,
    pub status: ActionStatus,
    /// The meeting it was agreed in, and that meeting's date.
    pub session: uuid::Uuid,
    #[schemars(with = "String")]
    pub agreed: Date,
    /// The year-clock item it was agreed on (`k3`), when it was agreed in a `year_clock`
    /// phase; its due month is then that item's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock_item: Option<String>,
    /// Whose input it came from and how far students took part.
    #[serde(default, skip_serializing_if = "Origin::is_empty")]
    pub origin: Origin,
}

impl ActionItem {
    /// Whether this open action is past its due on `today`: the one rule of "late" for the
    /// meeting, the review, the trends and `parvi stats`. A date is past the day after it;
    /// a month of the year clock is past after the end of that month's first occurrence on
    /// or after the day the action was agreed. A continued action's month is not judged:
    /// the record does not say in which meeting it was continued.
    pub fn is_overdue(&self, today: Date) -> bool {
        if !self.status.is_open() {
            return false;
        }
        match self.due {
            Due::Date { date } => date < today,
            Due::Month { month }
                if self.status == ActionStatus::Open && (1..=12).contains(&month) =>
            {
                let month = month as i8;
                let year = if month >= self.agreed.month() {
                    self.agreed.year()
                } else {
                    self.agreed.year() + 1
                };
                Date::new(year, month, 1).is_ok_and(|first| first.last_of_month() < today)
            }
            _ => false,
        }
    }
}

/// Every action of a group's meetings as it stands after the last of them: agreed in one
/// meeting, followed up in later ones. `records` may come in any order.
pub fn all_actions(records: &[super::session::SessionRecord]) -> Vec<ActionItem> {
    let mut records: Vec<&super::session::SessionRecord> = records.iter().collect();
    records.sort_by_key(|r| r.started_at());
    let mut actions: Vec<ActionItem> = Vec::new();
    for record in records {
        let state = super::engine::MeetingState::replay(record);
        for followed in state.carried.iter().chain(&state.actions) {
            match actions.iter_mut().find(|a| a.id == followed.id) {
                Some(known) => *known = followed.clone(),
                None => actions.push(followed.clone()),
            }
        }
    }
    actions
}

/// The actions still open after a group's meetings: what the next meeting follows up.
pub fn open_actions(records: &[super::session::SessionRecord]) -> Vec<ActionItem> {
    all_actions(records)
        .into_iter()
        .filter(|a| a.status.is_open())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_and_continued_actions_still_need_doing() {
        assert!(ActionStatus::Open.is_open());
        assert!(ActionStatus::Continued.is_open());
        assert!(!ActionStatus::Done.is_open());
        assert!(!ActionStatus::Dropped.is_open());
    }

    #[test]
    fn overdue_by_date_or_by_the_end_of_the_month() {
        const TODAY: Date = jiff::civil::date(2026, 11, 10);
        let date = jiff::civil::date;
        let action = |due, status| ActionItem {
            id: "a-1".into(),
            text: "x".into(),
            owner: Owner::Role { role: Role::Nurse },
            due,
            status,
            session: uuid::Uuid::nil(),
            agreed: date(2026, 10, 6),
            clock_item: None,
            origin: Origin::default(),
        };
        let open = ActionStatus::Open;
        let on = |d| Due::Date { date: d };
        assert!(action(on(date(2026, 11, 9)), open).is_overdue(TODAY));
        assert!(!action(on(TODAY), open).is_overdue(TODAY));
        // October, agreed in October: ended on the 31st.
        assert!(action(Due::Month { month: 10 }, open).is_overdue(TODAY));
        // November is still running; September means next September.
        assert!(!action(Due::Month { month: 11 }, open).is_overdue(TODAY));
        assert!(!action(Due::Month { month: 9 }, open).is_overdue(TODAY));
        assert!(!action(Due::None, open).is_overdue(TODAY));
        // Done or dropped is never late; a continued month is not judged.
        let past = on(date(2026, 10, 31));
        assert!(!action(past, ActionStatus::Done).is_overdue(TODAY));
        assert!(!action(past, ActionStatus::Dropped).is_overdue(TODAY));
        assert!(action(past, ActionStatus::Continued).is_overdue(TODAY));
        let october = Due::Month { month: 10 };
        assert!(!action(october, ActionStatus::Continued).is_overdue(TODAY));
    }
}
