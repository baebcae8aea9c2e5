//! The sizes parvi accepts in a file, in one place: far above any real meeting, far below
//! what would make a loader, a check or an export slow or a screen unreadable. Input over a
//! limit is refused with a message that names the limit, before anything draws it.

use super::{Format, Group, SessionRecord};

/// Phases in a format or a meeting's agenda (a long school day is a dozen).
pub const MAX_PHASES: usize = 100;
/// Members of a group, or participants of a meeting (one screen, one room).
pub const MAX_PEOPLE: usize = 1000;
/// Characters in one text of a file (a name, a note, an idea): about 40 pages.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// How deep arrays and objects may nest in a file; parvi's own files stay under 10 (and
/// serde_json would stop at 128 with a message that does not say why).
pub const MAX_DEPTH: usize = 32;

/// What a file holds too many of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Phases,
    People,
}

/// A count over its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooMany {
    pub what: Counted,
    pub found: usize,
    pub max: usize,
}

fn at_most(what: Counted, found: usize, max: usize) -> Result<(), TooMany> {
    if found > max {
        Err(TooMany { what, found, max })
    } else {
        Ok(())
    }
}

/// A format's phases within [`MAX_PHASES`].
pub fn check_format(format: &Format) -> Result<(), TooMany> {
    at_most(Counted::Phases, format.phases.len(), MAX_PHASES)
}

/// A group's members within [`MAX_PEOPLE`].
pub fn check_group(group: &Group) -> Result<(), TooMany> {
    at_most(Counted::People, group.members.len(), MAX_PEOPLE)
}

/// A meeting's group, participants and format within the limits.
pub fn check_session(record: &SessionRecord) -> Result<(), TooMany> {
    check_group(&record.group)?;
    at_most(Counted::People, record.participants.len(), MAX_PEOPLE)?;
    check_format(&record.format)
}
