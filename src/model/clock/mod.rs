//! The wellbeing year clock (*hyvinvoinnin vuosikello*) of one group: what the site does in
//! which month or weeks of the school year, how often, who is responsible, who else takes
//! part, the students' part, and how far each school year got.
//!
//! A clock is edited by pure functions here; the store keeps one file per group
//! (`<data>/clocks/<group-id>.json`). Its texts are in one language, the clock's own: a
//! group starts from the built-in template in its language ([`template`]) or from another
//! group's clock ([`compare::copy_for`]), then adapts it.

pub mod calendar;
pub mod compare;
pub mod template;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::group::{Group, MemberId};
use super::role::Role;
use crate::lang::Lang;
pub use calendar::SchoolYear;

/// A group's year clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearClock {
    /// File format version; see [`crate::model::SCHEMA_VERSION`].
    pub schema: u32,
    /// The group (site) whose clock this is; also names the file.
    pub group: String,
    /// The language of the clock's texts.
    pub lang: Lang,
    /// One more on every save: two copies of a clock say which is newer.
    #[serde(default)]
    pub revision: u32,
    /// What the clock started from: `template`, or the id of the group it was copied from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<String>,
    /// Where its contents come from, credited in the exports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// In the order of the year (see [`YearClock::sort`]).
    #[serde(default)]
    pub items: Vec<ClockItem>,
    /// The number part of the next item id; ids are never reused.
    pub next_item: u32,
}

/// One thing on the clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClockItem {
    /// Unique within the clock and never reused: `k1`, `k2`, …
    pub id: String,
    /// The template item it came from (kept through copies), for comparing clocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    pub when: When,
    pub recurrence: Recurrence,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Who answers for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible: Vec<Actor>,
    /// Who else takes part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_actors: Vec<Actor>,
    /// What the students do in it (plan, answer, present, decide…).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub students_part: String,
    /// How far each school year got, by school year (`2026-2027`); a year not listed is
    /// planned.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub status: BTreeMap<SchoolYear, ItemStatus>,
    /// Where it comes from (a law, a national survey, a school's practice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// When in the school year: a range of months, or of ISO weeks. A range may run over the
/// new year (`from` 11, `to` 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "unit", rename_all = "snake_case", deny_unknown_fields)]
pub enum When {
    /// Months 1–12.
    Months { from: u8, to: u8 },
    /// ISO weeks 1–53.
    Weeks { from: u8, to: u8 },
}

/// How often an item comes round, by the calendar year it falls in (an item of March in
/// school year 2026–2027 falls in 2027).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "every", rename_all = "snake_case", deny_unknown_fields)]
pub enum Recurrence {
    Year,
    /// In odd years (the national school health survey: 2025, 2027…).
    OddYears,
    EvenYears,
    /// Every `n` years counted from `from` (the health and safety inspection: every 3).
    NYears {
        n: u8,
        from: i16,
    },
    /// Once, in the calendar year `year`.
    Once {
        year: i16,
    },
}

/// Someone responsible for an item, or taking part in it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Actor {
    /// A role, whoever holds it (the school nurse).
    Role { role: Role },
    /// A named member of the group, with their role for when they leave or the clock is
    /// copied to another site.
    Member {
        id: MemberId,
        name: String,
        role: Role,
    },
    /// Someone outside the group's roles: the student union, THL, the occupational safety
    /// delegate.
    Other { name: String },
}

/// How far an item got in one school year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    #[default]
    Planned,
    Underway,
    Done,
    /// Decided not to do this year (or it did not happen).
    Skipped,
}

impl ItemStatus {
    pub const ALL: [ItemStatus; 4] = [
        ItemStatus::Planned,
        ItemStatus::Underway,
        ItemStatus::Done,
        ItemStatus::Skipped,
    ];

    /// The machine name used in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            ItemStatus::Planned => "planned",
            ItemStatus::Underway => "underway",
            ItemStatus::Done => "done",
            ItemStatus::Skipped => "skipped",
        }
    }

    pub fn from_key(key: &str) -> Option<ItemStatus> {
        ItemStatus::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Whether nothing more is expected of the item this year.
    pub fn is_closed(self) -> bool {
        matches!(self, ItemStatus::Done | ItemStatus::Skipped)
    }
}

/// Why a change to a clock was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error("the title is empty")]
    EmptyTitle,
    #[error("a text is longer than {max} characters")]
    TooLong { max: usize },
    #[error("month {0} is not 1–12")]
    BadMonth(u8),
    #[error("week {0} is not 1–53")]
    BadWeek(u8),
    #[error("every {0} years: give 2 or more")]
    BadPeriod(u8),
    #[error("the clock has no item {0:?}")]
    NoSuchItem(String),
    #[error("two items have the id {0:?}")]
    DuplicateId(String),
}

/// Longest title; longer ones do not fit around the ring.
pub const MAX_TITLE_CHARS: usize = 80;
/// Longest description or students' part.
pub const MAX_TEXT_CHARS: usize = 1000;

impl When {
    /// Checks the range's numbers.
    pub fn check(self) -> Result<When, ClockError> {
        match self {
            When::Months { from, to } => {
                for m in [from, to] {
                    if !(1..=12).contains(&m) {
                        return Err(ClockError::BadMonth(m));
                    }
                }
            }
            When::Weeks { from, to } => {
                for w in [from, to] {
                    if !(1..=53).contains(&w) {
                        return Err(ClockError::BadWeek(w));
                    }
                }
            }
        }
        Ok(self)
    }
}

impl Recurrence {
    pub fn check(self) -> Result<Recurrence, ClockError> {
        match self {
            Recurrence::NYears { n, .. } if n < 2 => Err(ClockError::BadPeriod(n)),
            other => Ok(other),
        }
    }
}

/// Trims a text and checks its length; a title must not be empty.
fn clean(text: &str, max: usize, required: bool) -> Result<String, ClockError> {
    let text = text.trim().to_string();
    if required && text.is_empty() {
        return Err(ClockError::EmptyTitle);
    }
    if text.chars().count() > max {
        return Err(ClockError::TooLong { max });
    }
    Ok(text)
}

/// What an item says, as typed in the editor or on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDraft {
    pub when: When,
    pub recurrence: Recurrence,
    pub title: String,
    pub description: String,
    pub responsible: Vec<Actor>,
    pub co_actors: Vec<Actor>,
    pub students_part: String,
}

impl ItemDraft {
    /// A new item of one month, every year, with only its title (as added in a meeting or
    /// on the clock screen, to be filled in later).
    pub fn new_in_month(title: &str, month: u8) -> ItemDraft {
        ItemDraft {
            when: When::Months {
                from: month,
                to: month,
            },
            recurrence: Recurrence::Year,
            title: title.to_string(),
            description: String::new(),
            responsible: Vec::new(),
            co_actors: Vec::new(),
            students_part: String::new(),
        }
    }
}

impl YearClock {
    /// An empty clock for `group`, its texts in `lang`.
    pub fn new(group: &Group, lang: Lang) -> YearClock {
        YearClock {
            schema: super::SCHEMA_VERSION,
            group: group.id.clone(),
            lang,
            revision: 0,
            based_on: None,
            sources: Vec::new(),
            items: Vec::new(),
            next_item: 1,
        }
    }

    pub fn item(&self, id: &str) -> Option<&ClockItem> {
        self.items.iter().find(|i| i.id == id)
    }

    fn item_mut(&mut self, id: &str) -> Result<&mut ClockItem, ClockError> {
        self.items
            .iter_mut()
            .find(|i| i.id == id)
            .ok_or_else(|| ClockError::NoSuchItem(id.to_string()))
    }

    /// A fresh item id (also for the template's and a copied clock's items).
    pub(super) fn next_id(&mut self) -> String {
        let id = format!("k{}", self.next_item);
        self.next_item += 1;
        id
    }

    /// Adds an item and returns its id; the items stay in the order of the year.
    pub fn add(&mut self, draft: ItemDraft) -> Result<String, ClockError> {
        let item = self.draft_item(draft)?;
        let id = self.next_id();
        self.items.push(ClockItem {
            id: id.clone(),
            ..item
        });
        self.sort();
        Ok(id)
    }

    /// Puts a whole item on the clock (a meeting's added item), in place of one with the same
    /// id; the next id moves past it.
    pub fn put(&mut self, item: ClockItem) {
        if let Some(n) = item
            .id
            .strip_prefix('k')
            .and_then(|n| n.parse::<u32>().ok())
        {
            self.next_item = self.next_item.max(n.saturating_add(1));
        }
        self.items.retain(|i| i.id != item.id);
        self.items.push(item);
        self.sort();
    }

    /// The item `add` would make of `draft`, with the id it would get, without adding it.
    pub fn draft_item(&self, draft: ItemDraft) -> Result<ClockItem, ClockError> {
        let mut item = ClockItem {
            id: format!("k{}", self.next_item),
            origin: None,
            when: draft.when,
            recurrence: draft.recurrence,
            title: String::new(),
            description: String::new(),
            responsible: Vec::new(),
            co_actors: Vec::new(),
            students_part: String::new(),
            status: BTreeMap::new(),
            source: None,
        };
        apply_draft(&mut item, draft)?;
        Ok(item)
    }

    /// Replaces what item `id` says (its status and origin stay).
    pub fn edit(&mut self, id: &str, draft: ItemDraft) -> Result<(), ClockError> {
        let mut item = self.item_mut(id)?.clone();
        apply_draft(&mut item, draft)?;
        *self.item_mut(id)? = item;
        self.sort();
        Ok(())
    }

    /// Moves item `id` to other months or weeks.
    pub fn move_to(&mut self, id: &str, when: When) -> Result<(), ClockError> {
        let when = when.check()?;
        self.item_mut(id)?.when = when;
        self.sort();
        Ok(())
    }

    /// Takes item `id` off the clock.
    pub fn remove(&mut self, id: &str) -> Result<ClockItem, ClockError> {
        let at = self
            .items
            .iter()
            .position(|i| i.id == id)
            .ok_or_else(|| ClockError::NoSuchItem(id.to_string()))?;
        Ok(self.items.remove(at))
    }

    /// Sets item `id`'s status for `year` (planned is the default and is not stored).
    pub fn set_status(
        &mut self,
        id: &str,
        year: SchoolYear,
        status: ItemStatus,
    ) -> Result<(), ClockError> {
        let item = self.item_mut(id)?;
        if status == ItemStatus::Planned {
            item.status.remove(&year);
        } else {
            item.status.insert(year, status);
        }
        Ok(())
    }

    /// Checks a clock edited by hand: every item's range, recurrence and texts, ids unique;
    /// then puts the items in order and moves `next_item` past every id, so that no id is
    /// handed out twice.
    pub fn check(&mut self) -> Result<(), ClockError> {
        let mut seen = std::collections::HashSet::new();
        for item in &mut self.items {
            item.when = item.when.check()?;
            item.recurrence = item.recurrence.check()?;
            item.title = clean(&item.title, MAX_TITLE_CHARS, true)?;
            item.description = clean(&item.description, MAX_TEXT_CHARS, false)?;
            item.students_part = clean(&item.students_part, MAX_TEXT_CHARS, false)?;
            if !seen.insert(item.id.clone()) {
                return Err(ClockError::DuplicateId(item.id.clone()));
            }
            if let Some(n) = item
                .id
                .strip_prefix('k')
                .and_then(|n| n.parse::<u32>().ok())
            {
                self.next_item = self.next_item.max(n.saturating_add(1));
            }
        }
        self.sort();
        Ok(())
    }

    /// Puts the items in the order of the school year (August first), then by title; the
    /// order every list, table and export shows.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            calendar::year_order(a.when)
                .cmp(&calendar::year_order(b.when))
                .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
                .then_with(|| a.id.cmp(&b.id))
        });
    }
}

impl ClockItem {
    /// The status in `year`.
    pub fn status_in(&self, year: SchoolYear) -> ItemStatus {
        self.status.get(&year).copied().unwrap_or_default()
    }
}

fn apply_draft(item: &mut ClockItem, draft: ItemDraft) -> Result<(), ClockError> {
    item.when = draft.when.check()?;
    item.recurrence = draft.recurrence.check()?;
    item.title = clean(&draft.title, MAX_TITLE_CHARS, true)?;
    item.description = clean(&draft.description, MAX_TEXT_CHARS, false)?;
    item.students_part = clean(&draft.students_part, MAX_TEXT_CHARS, false)?;
    item.responsible = draft.responsible;
    item.co_actors = draft.co_actors;
    Ok(())
}
