//! The yearly participation report of a group: what a project hands in to show its effect.
//! Meetings held, attendance by side, the students' share of airtime against their share of
//! seats (per meeting and over the year), the equity index, turns and passes, ideas and
//! decisions by where they came from and how far students took part, how the actions went,
//! the check-out pulse by side and the year clock's items done.
//!
//! Computed from the per-meeting figures ([`super::figures::MeetingFigures`], cached beside
//! the index) and the group's year clock, so a report reads no meeting log. Per side and per
//! meeting only: never per person.

use std::collections::HashMap;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::clock::{ItemStatus, SchoolYear, YearClock};
use super::figures::MeetingFigures;
use super::metrics::{self, Participation};
use super::outcomes::{ActionItem, Level, Origin, Source};
use super::role::Side;

/// The fewest answers of a side whose pulse is shown: with one or two, the figure would
/// show how those people answered.
pub const MIN_PULSE_ANSWERS: u32 = 3;

/// One meeting's row of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingRow {
    pub date: Date,
    /// Members present at the start, by side (indexed like [`Side::ALL`]).
    pub present: [u32; 3],
    /// The students' share of the airtime and of the seats, 0–1.
    pub student_airtime: Option<f64>,
    pub student_seats: Option<f64>,
    pub equity: Option<f64>,
    pub turns: u32,
    pub passes: u32,
}

/// How the actions agreed in the year went, as they stand after the group's last meeting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActionCounts {
    pub agreed: u32,
    /// Done, and no follow-up found it still open after it was due.
    pub done_on_time: u32,
    /// Done, after a follow-up had found it open and past its due.
    pub done_late: u32,
    pub dropped: u32,
    /// Still open and past its due on the report's day.
    pub open_overdue: u32,
    /// Still open, not yet due.
    pub open: u32,
}

/// Counts by where something came from: one per [`Source::ALL`], then "not said".
pub type BySource = [u32; 6];
/// Counts by the students' level of participation: one per [`Level::ALL`], then "not said".
pub type ByLevel = [u32; 6];

/// The year clock's items of the school year, by how far they got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClockCounts {
    /// Items that occur in the school year.
    pub items: u32,
    pub done: u32,
    pub skipped: u32,
    pub underway: u32,
    pub planned: u32,
    /// Of the planned and underway ones, those whose time is over on the report's day.
    pub overdue: u32,
}

/// A group's figures for one school year.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupReport {
    pub group_id: String,
    pub group_name: String,
    pub year: SchoolYear,
    /// The meetings that ended in the school year, oldest first.
    pub meetings: Vec<MeetingRow>,
    /// Meetings of the year that never ended (left out of the figures).
    pub unfinished: u32,
    /// The year's participation, all meetings together.
    pub totals: Participation,
    pub ideas: u32,
    pub decisions: u32,
    pub decisions_by_source: BySource,
    pub decisions_by_level: ByLevel,
    pub actions_by_source: BySource,
    pub actions_by_level: ByLevel,
    pub actions: ActionCounts,
    /// The pulse's answers 1…5 by side, then those whose side is not known.
    pub pulse: [[u32; 5]; 4],
    /// `None` when the group has no year clock.
    pub clock: Option<ClockCounts>,
}

impl GroupReport {
    /// The report of `figures` (a group's meetings, any order, any years) for `year`, as
    /// things stand on `today`; dates are taken in `zone`.
    pub fn of(
        figures: &[MeetingFigures],
        clock: Option<&YearClock>,
        year: SchoolYear,
        today: Date,
        zone: &TimeZone,
    ) -> GroupReport {
        let date_of = |f: &MeetingFigures| f.started_at.to_zoned_datetime(zone.clone()).date();
        let mut all: Vec<&MeetingFigures> = figures.iter().collect();
        all.sort_by_key(|f| f.started_at);
        let in_year: Vec<&MeetingFigures> = all
            .iter()
            .copied()
            .filter(|f| SchoolYear::of(date_of(f)) == year)
            .collect();
        let held: Vec<&MeetingFigures> = in_year
            .iter()
            .copied()
            .filter(|f| f.ended_at.is_some())
            .collect();
        let first = all.first();
        let mut report = GroupReport {
            group_id: first.map(|f| f.group_id.clone()).unwrap_or_default(),
            group_name: all.last().map(|f| f.group_name.clone()).unwrap_or_default(),
            year,
            meetings: held
                .iter()
                .map(|f| {
                    let p = &f.participation;
                    MeetingRow {
                        date: date_of(f),
                        present: f.present,
                        student_airtime: p.airtime_share(Side::Student),
                        student_seats: p.seat_share(Side::Student),
                        equity: p.equity,
                        turns: p.total.turns,
                        passes: p.total.passes,
                    }
                })
                .collect(),
            unfinished: (in_year.len() - held.len()) as u32,
            totals: metrics::combined_of(held.iter().map(|f| &f.participation)),
            ideas: held.iter().map(|f| f.ideas_shown).sum(),
            decisions: held.iter().map(|f| f.decisions).sum(),
            decisions_by_source: [0; 6],
            decisions_by_level: [0; 6],
            actions_by_source: [0; 6],
            actions_by_level: [0; 6],
            actions: ActionCounts::default(),
            pulse: [[0; 5]; 4],
            clock: clock.map(|c| clock_counts(c, year, today)),
        };
        for f in &held {
            for origin in &f.decision_origins {
                count_origin(
                    &mut report.decisions_by_source,
                    &mut report.decisions_by_level,
                    *origin,
                );
            }
            for (sum, row) in report.pulse.iter_mut().zip(&f.pulse) {
                for (a, b) in sum.iter_mut().zip(row) {
                    *a += b;
                }
            }
        }
        // Every follow-up of every action, in meeting order: one pass over the meetings, so
        // a report of thousands of meetings takes no longer than reading them.
        let mut follow_ups: HashMap<&str, Vec<(Date, &ActionItem)>> = HashMap::new();
        for f in &all {
            let date = date_of(f);
            for a in &f.carried {
                follow_ups.entry(a.id.as_str()).or_default().push((date, a));
            }
        }
        // The actions agreed in the year's meetings, followed through every later meeting.
        for agreed in held.iter().flat_map(|f| &f.actions) {
            count_origin(
                &mut report.actions_by_source,
                &mut report.actions_by_level,
                agreed.origin,
            );
            report.actions.agreed += 1;
            let later: &[(Date, &ActionItem)] = follow_ups
                .get(agreed.id.as_str())
                .map_or(&[], Vec::as_slice);
            let now = later.last().map_or(agreed, |(_, a)| *a);
            let found_late = later
                .iter()
                .any(|(date, a)| a.status.is_open() && a.is_overdue(*date));
            let counts = &mut report.actions;
            match now.status {
                super::outcomes::ActionStatus::Done if found_late => counts.done_late += 1,
                super::outcomes::ActionStatus::Done => counts.done_on_time += 1,
                super::outcomes::ActionStatus::Dropped => counts.dropped += 1,
                _ if now.is_overdue(today) => counts.open_overdue += 1,
                _ => counts.open += 1,
            }
        }
        report
    }

    /// The students' share of the airtime and of the seats over the year.
    pub fn student_shares(&self) -> (Option<f64>, Option<f64>) {
        (
            self.totals.airtime_share(Side::Student),
            self.totals.seat_share(Side::Student),
        )
    }

    /// A side's pulse answers, when at least [`MIN_PULSE_ANSWERS`] of that side answered.
    pub fn pulse_of(&self, side: Side) -> Option<[u32; 5]> {
        let counts = self.pulse[side as usize];
        (counts.iter().sum::<u32>() >= MIN_PULSE_ANSWERS).then_some(counts)
    }

    /// All the pulse's answers, whatever the side.
    pub fn pulse_all(&self) -> [u32; 5] {
        let mut all = [0; 5];
        for row in &self.pulse {
            for (a, b) in all.iter_mut().zip(row) {
                *a += b;
            }
        }
        all
    }

    /// The mean of the year's equity index over the meetings that have one.
    pub fn mean_equity(&self) -> Option<f64> {
        let values: Vec<f64> = self.meetings.iter().filter_map(|m| m.equity).collect();
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    }

    /// Members present at the meetings, by side, in all.
    pub fn attendance(&self) -> [u32; 3] {
        let mut sum = [0; 3];
        for m in &self.meetings {
            for (a, b) in sum.iter_mut().zip(&m.present) {
                *a += b;
            }
        }
        sum
    }
}

/// The mean answer (1–5) of pulse counts, `None` without answers.
pub fn pulse_mean(counts: &[u32; 5]) -> Option<f64> {
    let n: u32 = counts.iter().sum();
    let sum: u32 = counts.iter().zip(1..).map(|(c, v)| c * v).sum();
    (n > 0).then(|| f64::from(sum) / f64::from(n))
}

fn count_origin(by_source: &mut BySource, by_level: &mut ByLevel, origin: Origin) {
    let source = origin
        .source
        .and_then(|s| Source::ALL.iter().position(|x| *x == s))
        .unwrap_or(5);
    let level = origin
        .level
        .and_then(|l| Level::ALL.iter().position(|x| *x == l))
        .unwrap_or(5);
    by_source[source] += 1;
    by_level[level] += 1;
}

/// The clock's items of `year`, by status; planned or underway ones whose time is over on
/// `today` are also counted overdue.
fn clock_counts(clock: &YearClock, year: SchoolYear, today: Date) -> ClockCounts {
    let mut counts = ClockCounts::default();
    for item in clock.items.iter().filter(|i| i.occurs_in(year)) {
        counts.items += 1;
        match item.status_in(year) {
            ItemStatus::Done => counts.done += 1,
            ItemStatus::Skipped => counts.skipped += 1,
            ItemStatus::Underway => counts.underway += 1,
            ItemStatus::Planned => counts.planned += 1,
        }
        if !item.status_in(year).is_closed() && item.ends(year).is_some_and(|end| end < today) {
            counts.overdue += 1;
        }
    }
    counts
}
