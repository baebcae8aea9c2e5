//! The school year and the calendar: which school year a day falls in, which months an
//! item covers, whether it comes round in a given year, and when it is over.
//!
//! A school year runs from 1 August to 31 July, as Finnish vocational schools plan theirs.
//! An item's recurrence is judged by the calendar year of its first month in that school
//! year: the March of school year 2026–2027 is March 2027, an odd year.

use std::fmt;

use jiff::civil::{Date, ISOWeekDate, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{ClockItem, Recurrence, When, YearClock};

/// The month a school year starts in.
pub const FIRST_MONTH: u8 = 8;

/// A school year, named by the calendar year it starts in: `2026-2027`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SchoolYear {
    pub start: i16,
}

impl SchoolYear {
    /// The school year `date` falls in.
    pub fn of(date: Date) -> SchoolYear {
        let start = if date.month() as u8 >= FIRST_MONTH {
            date.year()
        } else {
            date.year() - 1
        };
        SchoolYear { start }
    }

    /// The calendar year that `month` of this school year falls in.
    pub fn year_of_month(self, month: u8) -> i16 {
        if month >= FIRST_MONTH {
            self.start
        } else {
            self.start + 1
        }
    }

    pub fn next(self) -> SchoolYear {
        SchoolYear {
            start: self.start + 1,
        }
    }

    /// Parses `2026-2027` (or `2026–2027`, or `2026`).
    pub fn parse(text: &str) -> Option<SchoolYear> {
        let text = text.trim();
        let (first, second) = match text.split_once(['-', '–', '/']) {
            Some((a, b)) => (a.trim(), Some(b.trim())),
            None => (text, None),
        };
        let start: i16 = first.parse().ok().filter(|y| (1900..=2999).contains(y))?;
        match second {
            None => Some(SchoolYear { start }),
            Some(end) if end.parse::<i16>().ok() == Some(start + 1) => Some(SchoolYear { start }),
            Some(_) => None,
        }
    }
}

impl fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.start + 1)
    }
}

impl Serialize for SchoolYear {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SchoolYear {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SchoolYear, D::Error> {
        let text = String::deserialize(d)?;
        SchoolYear::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("{text:?} is not a school year such as 2026-2027"))
        })
    }
}

impl JsonSchema for SchoolYear {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SchoolYear".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A school year, 1 August to 31 July: `2026-2027`.",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{4}$"
        })
    }
}

/// The month ISO week `week` of `year` belongs to: the month of its Thursday, as the ISO
/// week belongs to the year of its Thursday (week 40 of 2025, 29 September to 5 October, is
/// October's). A week 53 that the year does not have counts as December.
pub fn week_month(year: i16, week: u8) -> u8 {
    ISOWeekDate::new(year, week as i8, Weekday::Thursday)
        .map(|d| d.date().month() as u8)
        .unwrap_or(12)
}

/// The month an item starts in (for a week range, the month of its first week in a year
/// without a week 53, which places it the same way every year).
pub fn start_month(when: When) -> u8 {
    match when {
        When::Months { from, .. } => from,
        When::Weeks { from, .. } => week_month(2025, from),
    }
}

/// Where in the school year an item starts: 0 for August … 11 for July; then the week or
/// the month's own place, so that items sort in the order of the year.
pub fn year_order(when: When) -> (u8, u8) {
    let month = start_month(when);
    let place = (month + 12 - FIRST_MONTH) % 12;
    match when {
        When::Months { .. } => (place, 0),
        When::Weeks { from, .. } => (place, from),
    }
}

/// The months from `from` to `to`, running over the new year when `to` is before `from`.
fn month_run(from: u8, to: u8) -> Vec<u8> {
    let mut months = vec![from];
    let mut m = from;
    while m != to && months.len() < 12 {
        m = m % 12 + 1;
        months.push(m);
    }
    months
}

impl ClockItem {
    /// The calendar year the item's first month falls in, in school year `year`.
    pub fn calendar_year(&self, year: SchoolYear) -> i16 {
        year.year_of_month(start_month(self.when))
    }

    /// Whether the item comes round in school year `year`.
    pub fn occurs_in(&self, year: SchoolYear) -> bool {
        let y = self.calendar_year(year);
        match self.recurrence {
            Recurrence::Year => true,
            Recurrence::OddYears => y % 2 != 0,
            Recurrence::EvenYears => y % 2 == 0,
            Recurrence::NYears { n, from } => n > 0 && y >= from && (y - from) % i16::from(n) == 0,
            Recurrence::Once { year: once } => y == once,
        }
    }

    /// The months the item covers in school year `year` (whether or not it occurs then).
    pub fn months(&self, year: SchoolYear) -> Vec<u8> {
        match self.when {
            When::Months { from, to } => month_run(from, to),
            When::Weeks { from, to } => {
                let start = self.calendar_year(year);
                let end = if to < from { start + 1 } else { start };
                month_run(week_month(start, from), week_month(end, to))
            }
        }
    }

    /// Where the item goes when moved to start in `month`: the same number of months as it
    /// covers in school year `year` (a range of weeks becomes the months it covered).
    pub fn moved_to(&self, year: SchoolYear, month: u8) -> When {
        let month = month.clamp(1, 12);
        let span = self.months(year).len().clamp(1, 12) as u8;
        When::Months {
            from: month,
            to: (month - 1 + span - 1) % 12 + 1,
        }
    }

    /// Whether the item is on the clock in `month` of school year `year`.
    pub fn in_month(&self, year: SchoolYear, month: u8) -> bool {
        self.occurs_in(year) && self.months(year).contains(&month)
    }

    /// The item's first day in school year `year`.
    pub fn starts(&self, year: SchoolYear) -> Option<Date> {
        let y = self.calendar_year(year);
        match self.when {
            When::Months { from, .. } => Date::new(y, from as i8, 1).ok(),
            When::Weeks { from, .. } => ISOWeekDate::new(y, from as i8, Weekday::Monday)
                .ok()
                .map(|d| d.date()),
        }
    }

    /// The item's last day in school year `year`: the end of its last month, or the Sunday
    /// of its last week.
    pub fn ends(&self, year: SchoolYear) -> Option<Date> {
        let start = self.calendar_year(year);
        match self.when {
            When::Months { from, to } => {
                let y = if to < from { start + 1 } else { start };
                Date::new(y, to as i8, 1).ok().map(|d| d.last_of_month())
            }
            When::Weeks { from, to } => {
                let y = if to < from { start + 1 } else { start };
                ISOWeekDate::new(y, to as i8, Weekday::Sunday)
                    .ok()
                    .map(|d| d.date())
                    .or_else(|| Date::new(y, 12, 31).ok())
            }
        }
    }
}

impl YearClock {
    /// The items on the clock in `month` of school year `year`, in the order of the year.
    pub fn in_month(&self, year: SchoolYear, month: u8) -> Vec<&ClockItem> {
        self.items
            .iter()
            .filter(|i| i.in_month(year, month))
            .collect()
    }

    /// The items of `today`'s month ("this month on the clock").
    pub fn this_month(&self, today: Date) -> Vec<&ClockItem> {
        self.in_month(SchoolYear::of(today), today.month() as u8)
    }

    /// The items of this school year that are over by `today` and neither done nor skipped.
    pub fn overdue(&self, today: Date) -> Vec<&ClockItem> {
        let year = SchoolYear::of(today);
        self.items
            .iter()
            .filter(|i| i.occurs_in(year) && !i.status_in(year).is_closed())
            .filter(|i| i.ends(year).is_some_and(|end| end < today))
            .collect()
    }

    /// What a meeting's `year_clock` phase goes through on `today`, each item with the
    /// school year it is looked at in: this school year's items that are overdue, then this
    /// month's and next month's (next month may be in the next school year); or, for the
    /// yearly review, every item of this school year. In the order of the year, each once.
    pub fn walk(&self, today: Date, whole_year: bool) -> Vec<(&ClockItem, SchoolYear)> {
        let year = SchoolYear::of(today);
        if whole_year {
            return self
                .items
                .iter()
                .filter(|i| i.occurs_in(year))
                .map(|i| (i, year))
                .collect();
        }
        let next = today
            .first_of_month()
            .checked_add(jiff::Span::new().months(1))
            .unwrap_or(today);
        let mut out: Vec<(&ClockItem, SchoolYear)> = Vec::new();
        let wanted = self
            .overdue(today)
            .into_iter()
            .map(|i| (i, year))
            .chain(self.this_month(today).into_iter().map(|i| (i, year)))
            .chain(
                self.in_month(SchoolYear::of(next), next.month() as u8)
                    .into_iter()
                    .map(|i| (i, SchoolYear::of(next))),
            );
        for (item, in_year) in wanted {
            if !out.iter().any(|(i, _)| i.id == item.id) {
                out.push((item, in_year));
            }
        }
        out
    }
}
