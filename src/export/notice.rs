//! "You said, we did" (*Sanoitte, teimme*): a short plain-language notice to students of what
//! a meeting decided and agreed, and how the earlier actions it followed up stand. No names:
//! an action's owner is their role, and students' names in the texts become neutral words
//! as in a public version. At most [`MAX_CHARS`] characters, so it fits a Wilma or Teams
//! notice as it is; what does not fit is counted and left to the minutes.

use super::Options;
use super::people::Roster;
use crate::i18n::words::{due_text, format_date, percent_of, status_text};
use crate::i18n::{self, fill};
use crate::model::outcomes::{ActionItem, Owner};
use crate::model::{EventKind, MeetingState, SessionRecord, Side};

/// The longest notice, in characters: a Wilma message or a Teams post shows this much
/// without "read more", and students read this much.
pub const MAX_CHARS: usize = 1500;

/// The notice of one meeting, as plain text ending in a newline.
pub fn render(record: &SessionRecord, options: &Options) -> String {
    let lang = options.lang;
    let t = &lang.text().notice;
    let state = MeetingState::replay(record);
    let roster = Roster::new(record, &state, lang, true);
    let date = record
        .started_at()
        .to_zoned_datetime(options.zone.clone())
        .date();
    let title = fill(
        t.title,
        &[
            ("group", &roster.scrub(&record.group.name)),
            ("date", &format_date(lang, date)),
        ],
    );

    // Who was there and how much the students spoke: the figure parvi exists for.
    let present = state.attended.len();
    let students = state
        .attended
        .iter()
        .filter(|id| {
            state
                .person(id)
                .is_some_and(|p| p.role.side() == Side::Student)
        })
        .count();
    let sides = state.airtime_by_side(state.last_ms);
    let total: u64 = sides.iter().sum();
    let counts = [
        ("present", present.to_string()),
        ("students", students.to_string()),
        ("share", percent_of(lang, sides[0], total)),
    ];
    let counts: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let voice = if total > 0 && students > 0 {
        fill(t.voice, &counts)
    } else {
        fill(t.voice_count, &counts)
    };

    let owner = |a: &ActionItem| -> String {
        let role = match &a.owner {
            Owner::Role { role } => Some(*role),
            Owner::Member { .. } => roster.owner_person(&a.owner).map(|p| p.role),
        };
        role.map_or_else(String::new, |r| i18n::role(lang, r).to_string())
    };
    let decided: Vec<String> = state
        .decisions
        .iter()
        .map(|d| roster.scrub(&d.text))
        .collect();
    let agreed: Vec<String> = state
        .actions
        .iter()
        .map(|a| {
            let who = owner(a);
            let due = due_text(lang, a.due);
            let details: Vec<&str> = [who.as_str(), due.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty() && *s != lang.text().records.due_none)
                .collect();
            if details.is_empty() {
                roster.scrub(&a.text)
            } else {
                format!("{} ({})", roster.scrub(&a.text), details.join(", "))
            }
        })
        .collect();
    let followed: Vec<String> = state
        .carried
        .iter()
        .filter(|a| reviewed(record, &a.id))
        .map(|a| format!("{}: {}", roster.scrub(&a.text), status_text(lang, a.status)))
        .collect();

    let mut sections = vec![
        (t.decided, decided),
        (t.agreed, agreed),
        (t.followed, followed),
    ];
    let text = |sections: &[(&str, Vec<String>)], cut: usize| {
        let mut out = vec![title.clone(), String::new(), voice.clone()];
        let mut any = false;
        for (heading, lines) in sections {
            if lines.is_empty() {
                continue;
            }
            any = true;
            out.push(String::new());
            out.push(heading.to_string());
            out.extend(lines.iter().map(|l| format!("- {l}")));
        }
        if !any {
            out.push(String::new());
            out.push(t.nothing.to_string());
        }
        if cut > 0 {
            out.push(String::new());
            out.push(fill(t.more, &[("n", &cut.to_string())]));
        }
        out.push(String::new());
        out.push(t.closing.to_string());
        let mut text = out.join("\n");
        text.push('\n');
        text
    };
    // Too long: the last lines go first (the follow-up, then the actions), each counted.
    let mut cut = 0;
    loop {
        let notice = text(&sections, cut);
        if notice.chars().count() <= MAX_CHARS {
            return notice;
        }
        let Some((_, lines)) = sections.iter_mut().rev().find(|(_, l)| !l.is_empty()) else {
            // Even the frame is too long (a very long group name): say it as it is.
            return notice;
        };
        lines.pop();
        cut += 1;
    }
}

/// Whether this meeting followed up the earlier action `id`.
fn reviewed(record: &SessionRecord, id: &str) -> bool {
    record
        .events
        .iter()
        .any(|e| matches!(&e.event, EventKind::ActionReviewed { id: i, .. } if i == id))
}
