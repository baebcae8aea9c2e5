//! Clocks between sites: copying another group's clock as a start (peer development), and
//! what differs between two clocks (peer review).

use super::{Actor, ClockItem, YearClock};
use crate::model::group::Group;

/// A copy of `other`'s clock for `group`: the same items with fresh ids and no statuses (a
/// new site starts its own years), named members turned into their roles (they are not this
/// group's people), and `based_on` naming where it came from.
pub fn copy_for(group: &Group, other: &YearClock) -> YearClock {
    let mut clock = YearClock::new(group, other.lang);
    clock.based_on = Some(other.group.clone());
    clock.sources = other.sources.clone();
    for item in &other.items {
        let id = clock.next_id();
        clock.items.push(ClockItem {
            id,
            responsible: as_roles(&item.responsible),
            co_actors: as_roles(&item.co_actors),
            status: Default::default(),
            ..item.clone()
        });
    }
    clock.sort();
    clock
}

/// Members as their roles, each actor once.
fn as_roles(actors: &[Actor]) -> Vec<Actor> {
    let mut out: Vec<Actor> = Vec::new();
    for actor in actors {
        let actor = match actor {
            Actor::Member { role, .. } => Actor::Role { role: *role },
            other => other.clone(),
        };
        if !out.contains(&actor) {
            out.push(actor);
        }
    }
    out
}

/// How an item of one clock stands against the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference<'a> {
    /// Only in the first clock.
    OnlyHere(&'a ClockItem),
    /// Only in the second.
    OnlyThere(&'a ClockItem),
    /// In both, with these parts different.
    Changed {
        here: &'a ClockItem,
        there: &'a ClockItem,
        parts: Vec<Part>,
    },
}

/// A part of an item that two clocks hold differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    When,
    Recurrence,
    Title,
    Description,
    Responsible,
    CoActors,
    StudentsPart,
}

/// Whether two items are the same thing on two clocks: the same template item, else the
/// same title (ignoring case and spacing).
fn same(a: &ClockItem, b: &ClockItem) -> bool {
    match (&a.origin, &b.origin) {
        (Some(x), Some(y)) => x == y,
        _ => normal(&a.title) == normal(&b.title),
    }
}

fn normal(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The parts two matched items hold differently. Members count by their role, so two sites
/// whose nurses differ by name do not differ.
fn parts(a: &ClockItem, b: &ClockItem) -> Vec<Part> {
    let mut out = Vec::new();
    if a.when != b.when {
        out.push(Part::When);
    }
    if a.recurrence != b.recurrence {
        out.push(Part::Recurrence);
    }
    if a.title != b.title {
        out.push(Part::Title);
    }
    if a.description != b.description {
        out.push(Part::Description);
    }
    let roles = |actors: &[Actor]| {
        let mut r = as_roles(actors);
        r.sort_by_key(|a| format!("{a:?}"));
        r
    };
    if roles(&a.responsible) != roles(&b.responsible) {
        out.push(Part::Responsible);
    }
    if roles(&a.co_actors) != roles(&b.co_actors) {
        out.push(Part::CoActors);
    }
    if a.students_part != b.students_part {
        out.push(Part::StudentsPart);
    }
    out
}

/// What differs between `here` and `there`: the items only one has, and the matched items
/// whose parts differ, in the order of the year (items the same on both are left out).
pub fn diff<'a>(here: &'a YearClock, there: &'a YearClock) -> Vec<Difference<'a>> {
    let mut out = Vec::new();
    let mut matched = vec![false; there.items.len()];
    for a in &here.items {
        let found = there
            .items
            .iter()
            .enumerate()
            .find(|(i, b)| !matched[*i] && same(a, b));
        match found {
            Some((i, b)) => {
                matched[i] = true;
                let parts = parts(a, b);
                if !parts.is_empty() {
                    out.push(Difference::Changed {
                        here: a,
                        there: b,
                        parts,
                    });
                }
            }
            None => out.push(Difference::OnlyHere(a)),
        }
    }
    for (b, _) in there.items.iter().zip(&matched).filter(|(_, m)| !**m) {
        out.push(Difference::OnlyThere(b));
    }
    out
}
