//! The pure core of parvi: groups, formats, the meeting engine and its event log.
//!
//! Nothing in here touches a file, a terminal or a clock: time comes in as a [`Stamp`],
//! randomness as a seed. That is what lets every timer and every round be tested on a
//! synthetic timeline, and lets review, resume and minutes all replay the same events.

pub mod clock;
pub mod engine;
pub mod figures;
pub mod format;
pub mod group;
pub mod limits;
pub mod metrics;
pub mod outcomes;
pub mod random;
pub mod report;
pub mod role;
pub mod session;
pub mod stopwatch;
pub mod vote;

pub use engine::{Command, Meeting, MeetingState, Refusal, Status};
pub use format::{Format, Localized, OrderRule, Phase, PhaseKind};
pub use group::{Group, GroupKind, Member, MemberId};
pub use role::{Role, Side};
pub use session::{Event, EventKind, EventSource, Interruption, Participant, SessionRecord, Stamp};

/// The version of every file parvi writes (groups, formats, sessions). A file with a higher
/// number was written by a newer parvi and is reported, never guessed at.
pub const SCHEMA_VERSION: u32 = 1;

/// Europe/Helsinki as a POSIX rule (EET, EEST from the last Sunday of March to the last
/// Sunday of October): Finnish time without reading the system's time zone database.
pub fn helsinki() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::posix("EET-2EEST,M3.5.0/3,M10.5.0/4").expect("the rule is valid")
}
