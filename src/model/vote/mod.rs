//! Votes: the kinds parvi supports, the ballots, and the tally that turns ballots into
//! results with ties stated as ties and small sides kept private.
//!
//! Ballots are anonymous: a ballot records only the side of the person who cast it (for the
//! per-side breakdown), never who they are. Results stay hidden until the vote is closed; the
//! tally is computed only from closed votes by the screens and the minutes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::role::Side;

mod tally;
#[cfg(test)]
mod tests;

pub use tally::{MIN_SIDE_VOTERS, Tally};

/// How people vote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VoteKind {
    /// Dot voting: each voter spreads a budget of dots over the options, at most `cap` on one.
    #[default]
    Dots,
    /// Fist of five on one proposal: 0 (block) to 5 (full support).
    FistOfFive,
    /// Yes, no or abstain on one proposal.
    YesNo,
    /// Each option scored from 1 to 5.
    Score,
    /// The options ranked; counted by instant runoff (ranked choice).
    Ranking,
    /// The check-out pulse at the end of a meeting: one fixed question ("How well were you
    /// heard today?") answered 1 to 5, anonymously, kept as counts per side.
    Pulse,
}

impl VoteKind {
    pub const ALL: [VoteKind; 6] = [
        VoteKind::Dots,
        VoteKind::FistOfFive,
        VoteKind::YesNo,
        VoteKind::Score,
        VoteKind::Ranking,
        VoteKind::Pulse,
    ];

    /// Whether the vote is on a list of options (rather than one proposal).
    pub fn has_options(self) -> bool {
        matches!(self, VoteKind::Dots | VoteKind::Score | VoteKind::Ranking)
    }
}

/// How ballots are entered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Entry {
    /// One voter at a time at the keyboard, the screen blanked in between.
    #[default]
    Voters,
    /// The facilitator counts raised hands per option.
    Hands,
}

/// What decides a fist-of-five.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Passes when nobody blocks (no 0).
    #[default]
    Consent,
    /// Passes when everyone shows 3 or more.
    Consensus,
}

/// The pulse's answers run from 1 to this.
pub const PULSE_LEVELS: usize = 5;

/// The mean answer of a pulse from its counts per answer (1 to 5), or `None` before
/// anyone answered.
pub fn pulse_average(counts: &[f64]) -> Option<f64> {
    let answers: f64 = counts.iter().sum();
    let sum: f64 = counts
        .iter()
        .enumerate()
        .map(|(slot, c)| (slot + 1) as f64 * c)
        .sum();
    (answers > 0.0).then(|| sum / answers)
}

/// The counting method of a ranking, stated on screen and in the log.
pub const RANKING_METHOD: &str = "instant_runoff";

/// How a vote is set up in a format's `vote` phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteSpec {
    pub kind: VoteKind,
    /// Dots per voter (dot voting); by default a third of the options, but at least 3 and
    /// at most 10, and never more than the cap lets the options hold ([`default_budget`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<u32>,
    /// The most dots one voter may put on one option; by default no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<u32>,
    #[serde(default)]
    pub entry: Entry,
    /// For fist of five.
    #[serde(default)]
    pub rule: Rule,
}

/// One option of a vote, with what it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteOption {
    pub label: String,
    /// The idea this option is, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idea: Option<u32>,
    /// The theme this option is, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<u32>,
}

/// A yes/no/abstain answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum YesNo {
    Yes,
    No,
    Abstain,
}

/// One voter's ballot. Which variant fits depends on the vote's kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", content = "marks", rename_all = "snake_case")]
pub enum Ballot {
    /// Dots per option.
    Dots(Vec<u32>),
    /// 0 to 5.
    Fist(u8),
    YesNo(YesNo),
    /// 1 to 5 per option; 0 for an option left unscored.
    Score(Vec<u8>),
    /// Option indices, most preferred first; options left out are ranked below all others.
    Ranking(Vec<usize>),
    /// 1 to 5: how well the voter was heard (the check-out pulse).
    Pulse(u8),
    /// The voter took part but did not vote.
    Abstain,
}

/// Why a ballot was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BallotError {
    #[error("the ballot is for another kind of vote")]
    WrongKind,
    #[error("the ballot has the wrong number of options")]
    WrongLength,
    #[error("more dots than the budget")]
    OverBudget,
    #[error("more dots on one option than the cap")]
    OverCap,
    #[error("a value is out of range")]
    OutOfRange,
    #[error("an option is ranked twice")]
    RankedTwice,
}

/// A vote as it stands: its set-up, its ballots and whether it is closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote {
    pub id: u32,
    pub phase: usize,
    pub kind: VoteKind,
    pub options: Vec<VoteOption>,
    pub budget: u32,
    pub cap: u32,
    pub entry: Entry,
    pub rule: Rule,
    /// Ballots in the order cast, each with the voter's side only (`None`: a phone's voter
    /// would rather not say).
    pub ballots: Vec<(Option<Side>, Ballot)>,
    /// Counted hands per option (or per value: 0–5 for fist of five, 1–5 for the pulse;
    /// yes/no/abstain).
    pub hands: Option<Vec<u32>>,
    pub closed: bool,
}

/// The fewest dots a voter gets by default: with one dot on two or three options, a dot
/// vote is only a show of hands, and nobody can say "this one matters twice as much".
pub const MIN_DOTS: u32 = 3;
/// The most dots a voter gets by default: past this, placing them takes longer than
/// deciding, and the tally says no more.
pub const MAX_DOTS: u32 = 10;

/// The default dot budget: the rule of thumb of a third of the options, but at least
/// [`MIN_DOTS`] and at most [`MAX_DOTS`]. With fewer options than dots, dots are stacked
/// (there is no cap by default); with a `cap` per option (0: none), never more dots than
/// the options can hold.
pub fn default_budget(options: usize, cap: u32) -> u32 {
    let dots = (options as u32).div_ceil(3).clamp(MIN_DOTS, MAX_DOTS);
    if cap > 0 {
        dots.min(cap.saturating_mul(options as u32)).max(1)
    } else {
        dots
    }
}

/// The number each option goes by on every screen. An option that is an idea has the
/// idea's own number, the one the wall shows (ideas keep their numbers through merges and
/// removals); the other options are numbered on after the largest of those, in list order;
/// a list without ideas is numbered from 1.
pub fn option_numbers(options: &[VoteOption]) -> Vec<u32> {
    let mut next = options.iter().filter_map(|o| o.idea).max().unwrap_or(0);
    options
        .iter()
        .map(|o| {
            o.idea.unwrap_or_else(|| {
                next += 1;
                next
            })
        })
        .collect()
}

impl Vote {
    /// How many values a hand count has: one per option, or the fixed scales.
    pub fn hand_slots(&self) -> usize {
        match self.kind {
            VoteKind::FistOfFive => 6,
            VoteKind::YesNo => 3,
            VoteKind::Pulse => PULSE_LEVELS,
            _ => self.options.len(),
        }
    }

    /// Checks a ballot against the vote's rules.
    pub fn check(&self, ballot: &Ballot) -> Result<(), BallotError> {
        let n = self.options.len();
        match (self.kind, ballot) {
            (_, Ballot::Abstain) => Ok(()),
            (VoteKind::Dots, Ballot::Dots(dots)) => {
                if dots.len() != n {
                    return Err(BallotError::WrongLength);
                }
                if dots.iter().sum::<u32>() > self.budget {
                    return Err(BallotError::OverBudget);
                }
                if self.cap > 0 && dots.iter().any(|d| *d > self.cap) {
                    return Err(BallotError::OverCap);
                }
                Ok(())
            }
            (VoteKind::FistOfFive, Ballot::Fist(v)) => {
                if *v <= 5 {
                    Ok(())
                } else {
                    Err(BallotError::OutOfRange)
                }
            }
            (VoteKind::YesNo, Ballot::YesNo(_)) => Ok(()),
            (VoteKind::Pulse, Ballot::Pulse(v)) => {
                if (1..=PULSE_LEVELS as u8).contains(v) {
                    Ok(())
                } else {
                    Err(BallotError::OutOfRange)
                }
            }
            (VoteKind::Score, Ballot::Score(scores)) => {
                if scores.len() != n {
                    return Err(BallotError::WrongLength);
                }
                if scores.iter().any(|s| *s > 5) {
                    return Err(BallotError::OutOfRange);
                }
                Ok(())
            }
            (VoteKind::Ranking, Ballot::Ranking(order)) => {
                if order.iter().any(|i| *i >= n) {
                    return Err(BallotError::OutOfRange);
                }
                let mut seen = vec![false; n];
                for i in order {
                    if std::mem::replace(&mut seen[*i], true) {
                        return Err(BallotError::RankedTwice);
                    }
                }
                Ok(())
            }
            _ => Err(BallotError::WrongKind),
        }
    }

    /// The number of voters who cast a ballot (abstentions included); with counted hands,
    /// the number of hands.
    pub fn turnout(&self) -> u32 {
        match &self.hands {
            Some(counts) if self.kind != VoteKind::Dots => counts.iter().sum(),
            _ => self.ballots.len() as u32,
        }
    }
}
