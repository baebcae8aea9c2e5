//! The strings of votes: setting up the options, taking ballots, the results, in fi, sv and en.
//!
//! A struct of its own so the catalogue grows in parts; `Text` holds one per language.

use serde::Serialize;

/// Every string of this part of the app.
#[derive(Debug, Serialize)]
pub struct VoteText {
    pub ballots_cast: &'static str,
}

pub const FI: VoteText = VoteText {
    ballots_cast: "Ääniä annettu {count}",
};

pub const SV: VoteText = VoteText {
    ballots_cast: "Röster givna {count}",
};

pub const EN: VoteText = VoteText {
    ballots_cast: "Ballots cast {count}",
};
