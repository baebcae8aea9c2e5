//! The meeting as JSON: the session document exactly as saved, or for a public version the
//! same document with the names of students, guardians and guests replaced by their aliases
//! ("opiskelija 1") and taken out of free text. Ids, times, notes and figures are kept.

use crate::model::clock::{Actor, ClockItem};
use crate::model::outcomes::{ActionItem, Owner};
use crate::model::{EventKind, MeetingState, SessionRecord};

use super::Options;
use super::people::Roster;

/// Pretty JSON with a final newline, as `store` saves a session.
fn pretty(record: &SessionRecord) -> String {
    let mut text = serde_json::to_string_pretty(record).expect("a session always serializes");
    text.push('\n');
    text
}

pub fn render(record: &SessionRecord, options: &Options) -> String {
    if !options.public {
        return pretty(record);
    }
    let state = MeetingState::replay(record);
    let roster = Roster::new(record, &state, options.lang, true);
    let mut out = record.clone();
    let scrub = |text: &mut String| *text = roster.scrub(text);
    let owner = |owner: &mut Owner| {
        let alias = match roster.owner_person(owner) {
            Some(p) => roster.alias(&p.id),
            None => options.lang.text().minutes.member_unknown.to_string(),
        };
        if let Owner::Member { name, .. } = owner {
            *name = alias;
        }
    };
    let action = |a: &mut ActionItem| {
        scrub(&mut a.text);
        owner(&mut a.owner);
    };
    // The agenda as edited for this meeting is free text too.
    let localized = |text: &mut crate::model::Localized| {
        for t in [&mut text.fi, &mut text.sv, &mut text.en]
            .into_iter()
            .flatten()
        {
            scrub(t);
        }
    };
    localized(&mut out.format.title);
    for phase in &mut out.format.phases {
        localized(&mut phase.title);
        localized(&mut phase.prompt);
        localized(&mut phase.text);
    }
    scrub(&mut out.topic);
    scrub(&mut out.group.name);
    scrub(&mut out.group.site);
    for member in &mut out.group.members {
        member.name = roster.alias(&member.id);
    }
    for p in &mut out.participants {
        p.name = roster.alias(&p.id);
    }
    for a in &mut out.carried_actions {
        action(a);
    }
    // The year clock is the group's own text, and may name members.
    let clock_item = |item: &mut ClockItem| {
        scrub(&mut item.title);
        scrub(&mut item.description);
        scrub(&mut item.students_part);
        for actor in item.responsible.iter_mut().chain(item.co_actors.iter_mut()) {
            match actor {
                Actor::Member { id, name, .. } => *name = roster.alias(id),
                Actor::Other { name } => scrub(name),
                Actor::Role { .. } => {}
            }
        }
    };
    if let Some(clock) = &mut out.clock {
        clock.items.iter_mut().for_each(clock_item);
    }
    for event in &mut out.events {
        match &mut event.event {
            EventKind::GuestAdded { guest } => guest.name = roster.alias(&guest.id),
            EventKind::TurnNoted { text, .. }
            | EventKind::IdeaAdded { text, .. }
            | EventKind::IdeaEdited { text, .. }
            | EventKind::IdeasMerged { text, .. } => scrub(text),
            EventKind::ThemeAdded { name, .. } | EventKind::ThemeRenamed { name, .. } => {
                scrub(name)
            }
            EventKind::VoteOpened {
                options, method, ..
            } => {
                for option in options {
                    scrub(&mut option.label);
                }
                if let Some(m) = method {
                    scrub(m);
                }
            }
            EventKind::DecisionRecorded { decision } | EventKind::DecisionEdited { decision } => {
                scrub(&mut decision.text)
            }
            EventKind::ActionAdded { action: a } | EventKind::ActionEdited { action: a } => {
                action(a)
            }
            EventKind::ClockItemAdded { item } => clock_item(item),
            _ => {}
        }
    }
    pretty(&out)
}
