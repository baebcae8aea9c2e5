//! The meeting screen's body for the phases that produce something: ideas (writing, ideas,
//! grouping), votes, and records (decisions, actions, the follow-up of earlier actions).
//!
//! Each module has the same shape: `keys` (its part of the keymap), `act` (an action, or
//! `None` when it is not the module's), `answer` (a dialog it opened was answered),
//! `offers` (whether an action can do something now, for the footer) and `render` (the
//! body under the phase's title and prompt). Its dialogs carry a [`PhaseAsk`] so the answer
//! finds its way back. State that only the screen needs (a selection, a ballot being filled
//! in) lives in [`PhaseUi`]; everything that happened is in the meeting's events.

use super::{ideas, records, vote};

/// What a phase module's dialog was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhaseAsk {
    Ideas(ideas::IdeasAsk),
    Vote(vote::VoteAsk),
    Records(records::RecordsAsk),
}

/// The screen-only state of the running phase; reset when the phase changes.
#[derive(Debug, Clone, Default)]
pub enum PhaseUi {
    #[default]
    None,
    Ideas(ideas::IdeasUi),
    Vote(vote::VoteUi),
    Records(records::RecordsUi),
}
