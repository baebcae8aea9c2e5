//! Votes: the kinds parvi supports, the ballots, and the tally that turns ballots into
//! results with ties stated as ties and small sides kept private.
//!
//! Ballots are anonymous: a ballot records only the side of the person who cast it (for the
//! per-side breakdown), never who they are. Results stay hidden until the vote is closed; the
//! tally is computed only from closed votes by the screens and the minutes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::role::Side;

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
}

impl VoteKind {
    pub const ALL: [VoteKind; 5] = [
        VoteKind::Dots,
        VoteKind::FistOfFive,
        VoteKind::YesNo,
        VoteKind::Score,
        VoteKind::Ranking,
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
    /// Ballots in the order cast, each with the voter's side only.
    pub ballots: Vec<(Side, Ballot)>,
    /// Counted hands per option (or per value 0–5 for fist of five; yes/no/abstain).
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

    /// The results. Computed for any vote, but screens show them only once it is closed.
    pub fn tally(&self) -> Tally {
        let n = self.options.len();
        let mut tally = Tally {
            kind: self.kind,
            voters: self.turnout(),
            ..Tally::default()
        };
        match self.kind {
            VoteKind::Dots => {
                let mut totals = vec![0u32; n];
                if let Some(counts) = &self.hands {
                    for (t, c) in totals.iter_mut().zip(counts) {
                        *t += c;
                    }
                }
                for (_, ballot) in &self.ballots {
                    if let Ballot::Dots(dots) = ballot {
                        for (t, d) in totals.iter_mut().zip(dots) {
                            *t += d;
                        }
                    }
                }
                tally.totals = totals.iter().map(|t| f64::from(*t)).collect();
            }
            VoteKind::Score => {
                let mut sums = vec![0u32; n];
                let mut counts = vec![0u32; n];
                for (_, ballot) in &self.ballots {
                    if let Ballot::Score(scores) = ballot {
                        for (i, s) in scores.iter().enumerate().filter(|(_, s)| **s > 0) {
                            sums[i] += u32::from(*s);
                            counts[i] += 1;
                        }
                    }
                }
                tally.totals = sums
                    .iter()
                    .zip(&counts)
                    .map(|(s, c)| {
                        if *c == 0 {
                            0.0
                        } else {
                            f64::from(*s) / f64::from(*c)
                        }
                    })
                    .collect();
            }
            VoteKind::FistOfFive => {
                let mut dist = [0u32; 6];
                if let Some(counts) = &self.hands {
                    for (d, c) in dist.iter_mut().zip(counts) {
                        *d += c;
                    }
                }
                for (_, ballot) in &self.ballots {
                    if let Ballot::Fist(v) = ballot {
                        dist[usize::from(*v).min(5)] += 1;
                    }
                }
                tally.blocks = dist[0];
                let voted: u32 = dist.iter().sum();
                tally.passed = Some(match self.rule {
                    Rule::Consent => dist[0] == 0 && voted > 0,
                    Rule::Consensus => dist[..3].iter().all(|c| *c == 0) && voted > 0,
                });
                tally.totals = dist.iter().map(|c| f64::from(*c)).collect();
            }
            VoteKind::YesNo => {
                let mut counts = [0u32; 3];
                if let Some(hands) = &self.hands {
                    for (c, h) in counts.iter_mut().zip(hands) {
                        *c += h;
                    }
                }
                for (_, ballot) in &self.ballots {
                    if let Ballot::YesNo(answer) = ballot {
                        counts[*answer as usize] += 1;
                    }
                }
                tally.passed = Some(counts[0] > counts[1]);
                tally.totals = counts.iter().map(|c| f64::from(*c)).collect();
            }
            VoteKind::Ranking => {
                let rounds = instant_runoff(n, &self.ballots);
                // The order of elimination is the ranking: an option's total is the last
                // round it was still in, then its first choices in that round (so the final
                // round's count separates the winner from the runner-up).
                let voters = self.ballots.len() as f64 + 1.0;
                let mut survived = vec![0.0; n];
                for (round, counts) in rounds.iter().enumerate() {
                    for (i, c) in counts.iter().enumerate() {
                        if let Some(c) = c {
                            survived[i] = round as f64 + 1.0 + f64::from(*c) / voters;
                        }
                    }
                }
                tally.totals = survived;
                tally.rounds = rounds;
            }
        }
        tally.order = ranked(&tally.totals);
        tally.by_side = self.by_side();
        tally
    }

    /// Per-side results for the options (dot totals, average scores, fist values). Shown
    /// only when every side that voted has at least three voters: with one or two, a
    /// breakdown would show how they voted, directly or by subtracting the other sides from
    /// the total. With one side voting, there is nothing to break down.
    fn by_side(&self) -> Vec<(Side, Vec<f64>)> {
        if self.sides_shown() != Some(true) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for side in Side::ALL {
            let ballots: Vec<(Side, Ballot)> = self
                .ballots
                .iter()
                .filter(|(s, _)| *s == side)
                .cloned()
                .collect();
            if ballots.len() < MIN_SIDE_VOTERS || ballots.len() == self.ballots.len() {
                continue;
            }
            let part = Vote {
                ballots,
                hands: None,
                ..self.clone()
            };
            out.push((side, part.tally().totals));
        }
        out
    }
}

/// The fewest voters a side needs before its own results are shown.
pub const MIN_SIDE_VOTERS: usize = 3;

impl Vote {
    /// The one rule of per-side results, for the results screen, the review and the
    /// minutes: `None` when fewer than two sides voted (nothing to break down), else
    /// whether every side that voted has at least [`MIN_SIDE_VOTERS`] voters, so that no
    /// small side's votes can be read directly or worked out from the others.
    pub fn sides_shown(&self) -> Option<bool> {
        let counts = Side::ALL.map(|side| self.ballots.iter().filter(|(s, _)| *s == side).count());
        if counts.iter().filter(|c| **c > 0).count() < 2 {
            return None;
        }
        Some(counts.iter().all(|c| *c == 0 || *c >= MIN_SIDE_VOTERS))
    }
}

impl Tally {
    /// Competition ranks of the `n` options ("1, 1, 3"): tied options share a place, and
    /// the place after a tie skips as many as tied.
    pub fn ranks(&self, n: usize) -> Vec<usize> {
        let mut ranks = vec![0; n];
        let mut place = 1;
        for group in &self.order {
            for i in group {
                if let Some(r) = ranks.get_mut(*i) {
                    *r = place;
                }
            }
            place += group.len();
        }
        ranks
    }
}

/// The results of a vote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub kind: VoteKind,
    pub voters: u32,
    /// Per option: dots, average score or rounds survived (ranking); per value for fist of
    /// five (0–5) and for yes/no/abstain.
    pub totals: Vec<f64>,
    /// Option indices from best to worst, ties grouped together.
    pub order: Vec<Vec<usize>>,
    /// Fist of five: how many blocked.
    pub blocks: u32,
    /// Fist of five and yes/no: whether it passed.
    pub passed: Option<bool>,
    /// Ranking: each round's first-choice counts (`None` once eliminated).
    pub rounds: Vec<Vec<Option<u32>>>,
    /// Per side, where the side had enough voters.
    pub by_side: Vec<(Side, Vec<f64>)>,
}

impl Tally {
    /// The options tied for first place (more than one means a tie).
    pub fn winners(&self) -> &[usize] {
        self.order.first().map_or(&[], Vec::as_slice)
    }
}

/// Groups option indices from the highest total to the lowest; equal totals share a group.
fn ranked(totals: &[f64]) -> Vec<Vec<usize>> {
    let mut indices: Vec<usize> = (0..totals.len()).collect();
    indices.sort_by(|a, b| totals[*b].total_cmp(&totals[*a]).then(a.cmp(b)));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in indices {
        match groups.last_mut() {
            Some(group) if (totals[group[0]] - totals[i]).abs() < 1e-9 => group.push(i),
            _ => groups.push(vec![i]),
        }
    }
    groups
}

/// Instant runoff: count first choices among the options still in; while no option has a
/// majority, drop the option(s) with the fewest. Returns each round's counts.
fn instant_runoff(n: usize, ballots: &[(Side, Ballot)]) -> Vec<Vec<Option<u32>>> {
    let mut alive = vec![true; n];
    let mut rounds = Vec::new();
    let rankings: Vec<&Vec<usize>> = ballots
        .iter()
        .filter_map(|(_, b)| match b {
            Ballot::Ranking(order) => Some(order),
            _ => None,
        })
        .collect();
    while alive.iter().filter(|a| **a).count() > 0 {
        let mut counts = vec![0u32; n];
        let mut valid = 0;
        for order in &rankings {
            if let Some(first) = order.iter().find(|i| alive[**i]) {
                counts[*first] += 1;
                valid += 1;
            }
        }
        let round: Vec<Option<u32>> = (0..n).map(|i| alive[i].then_some(counts[i])).collect();
        rounds.push(round);
        let living: Vec<usize> = (0..n).filter(|i| alive[*i]).collect();
        let top = living.iter().map(|i| counts[*i]).max().unwrap_or(0);
        if living.len() <= 1 || top * 2 > valid {
            break;
        }
        let bottom = living.iter().map(|i| counts[*i]).min().unwrap_or(0);
        let losers: Vec<usize> = living
            .iter()
            .copied()
            .filter(|i| counts[*i] == bottom)
            .collect();
        if losers.len() == living.len() {
            // Everyone left is tied: a tie, stated as one.
            break;
        }
        for i in losers {
            alive[i] = false;
        }
    }
    rounds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tied_options_share_a_place_and_the_next_place_skips() {
        let tally = Tally {
            order: vec![vec![1, 2], vec![0]],
            ..Tally::default()
        };
        assert_eq!(tally.ranks(3), [3, 1, 1]);
    }

    fn vote(kind: VoteKind, options: usize) -> Vote {
        Vote {
            id: 1,
            phase: 0,
            kind,
            options: (0..options)
                .map(|i| VoteOption {
                    label: format!("option {i}"),
                    idea: None,
                    theme: None,
                })
                .collect(),
            budget: default_budget(options, 0),
            cap: 0,
            entry: Entry::Voters,
            rule: Rule::Consent,
            ballots: Vec::new(),
            hands: None,
            closed: false,
        }
    }

    #[test]
    fn dot_budgets_and_caps_are_enforced() {
        let mut v = vote(VoteKind::Dots, 6);
        v.budget = 2;
        v.cap = 1;
        assert_eq!(v.check(&Ballot::Dots(vec![1, 1, 0, 0, 0, 0])), Ok(()));
        assert_eq!(
            v.check(&Ballot::Dots(vec![1, 1, 1, 0, 0, 0])),
            Err(BallotError::OverBudget)
        );
        assert_eq!(
            v.check(&Ballot::Dots(vec![2, 0, 0, 0, 0, 0])),
            Err(BallotError::OverCap)
        );
        assert_eq!(
            v.check(&Ballot::Dots(vec![1, 1])),
            Err(BallotError::WrongLength)
        );
        assert_eq!(v.check(&Ballot::Fist(3)), Err(BallotError::WrongKind));
        assert_eq!(v.check(&Ballot::Abstain), Ok(()));
    }

    #[test]
    fn dot_totals_rank_options_and_state_ties() {
        let mut v = vote(VoteKind::Dots, 3);
        v.budget = 3;
        v.ballots = vec![
            (Side::Student, Ballot::Dots(vec![2, 1, 0])),
            (Side::Staff, Ballot::Dots(vec![0, 2, 1])),
            (Side::Staff, Ballot::Abstain),
        ];
        let t = v.tally();
        assert_eq!(t.totals, [2.0, 3.0, 1.0]);
        assert_eq!(t.order, vec![vec![1], vec![0], vec![2]]);
        assert_eq!(t.voters, 3);
        v.ballots.push((Side::Student, Ballot::Dots(vec![1, 0, 0])));
        let t = v.tally();
        assert_eq!(t.winners(), [0, 1], "3 and 3 is a tie");
    }

    #[test]
    fn counted_hands_add_to_dot_totals() {
        let mut v = vote(VoteKind::Dots, 2);
        v.hands = Some(vec![4, 7]);
        assert_eq!(v.tally().totals, [4.0, 7.0]);
    }

    #[test]
    fn fist_of_five_flags_blocks_and_decides_by_its_rule() {
        let mut v = vote(VoteKind::FistOfFive, 0);
        v.ballots = [4, 5, 3, 2]
            .iter()
            .map(|f| (Side::Staff, Ballot::Fist(*f)))
            .collect();
        let t = v.tally();
        assert_eq!(t.totals, [0.0, 0.0, 1.0, 1.0, 1.0, 1.0]);
        assert_eq!((t.blocks, t.passed), (0, Some(true)), "consent: no block");
        v.rule = Rule::Consensus;
        assert_eq!(
            v.tally().passed,
            Some(false),
            "consensus: a 2 is not enough"
        );
        v.rule = Rule::Consent;
        v.ballots.push((Side::Student, Ballot::Fist(0)));
        let t = v.tally();
        assert_eq!((t.blocks, t.passed), (1, Some(false)));
        assert_eq!(v.check(&Ballot::Fist(6)), Err(BallotError::OutOfRange));
    }

    #[test]
    fn yes_no_passes_on_more_yes_than_no_and_a_tie_fails() {
        let mut v = vote(VoteKind::YesNo, 0);
        v.hands = Some(vec![5, 5, 2]);
        let t = v.tally();
        assert_eq!((t.passed, t.voters), (Some(false), 12));
        assert_eq!(t.winners(), [0, 1], "yes and no tie");
        v.hands = Some(vec![6, 5, 0]);
        assert_eq!(v.tally().passed, Some(true));
    }

    #[test]
    fn scores_average_only_the_options_scored() {
        let mut v = vote(VoteKind::Score, 2);
        v.ballots = vec![
            (Side::Staff, Ballot::Score(vec![5, 0])),
            (Side::Staff, Ballot::Score(vec![3, 2])),
        ];
        assert_eq!(v.tally().totals, [4.0, 2.0]);
        assert_eq!(
            v.check(&Ballot::Score(vec![6, 1])),
            Err(BallotError::OutOfRange)
        );
    }

    #[test]
    fn ranking_counts_by_instant_runoff() {
        // A: 2 first choices, B: 2, C: 1 (whose next choice is B). C drops out; B wins 3–2.
        let mut v = vote(VoteKind::Ranking, 3);
        let r = |order: &[usize]| (Side::Staff, Ballot::Ranking(order.to_vec()));
        v.ballots = vec![r(&[0, 1]), r(&[0, 2]), r(&[1, 0]), r(&[1, 2]), r(&[2, 1])];
        let t = v.tally();
        assert_eq!(t.rounds.len(), 2);
        assert_eq!(t.rounds[0], [Some(2), Some(2), Some(1)]);
        assert_eq!(t.rounds[1], [Some(2), Some(3), None]);
        assert_eq!(t.winners(), [1]);
        assert_eq!(t.order, vec![vec![1], vec![0], vec![2]]);
        assert_eq!(
            v.check(&Ballot::Ranking(vec![0, 0])),
            Err(BallotError::RankedTwice)
        );
    }

    #[test]
    fn a_ranking_everyone_ties_in_is_a_tie() {
        let mut v = vote(VoteKind::Ranking, 2);
        v.ballots = vec![
            (Side::Staff, Ballot::Ranking(vec![0, 1])),
            (Side::Staff, Ballot::Ranking(vec![1, 0])),
        ];
        assert_eq!(v.tally().winners(), [0, 1]);
    }

    #[test]
    fn a_side_with_one_or_two_voters_hides_every_breakdown() {
        let mut v = vote(VoteKind::Dots, 2);
        v.budget = 1;
        let ballot = |side, i: usize| {
            let mut dots = vec![0, 0];
            dots[i] = 1;
            (side, Ballot::Dots(dots))
        };
        v.ballots = vec![
            ballot(Side::Student, 0),
            ballot(Side::Student, 0),
            ballot(Side::Staff, 1),
            ballot(Side::Staff, 1),
            ballot(Side::Staff, 0),
            ballot(Side::External, 1),
        ];
        // Two students and one external: showing the staff alone would reveal them by
        // subtraction from the total, so nothing is broken down.
        assert!(v.tally().by_side.is_empty());
        v.ballots.push(ballot(Side::Student, 1));
        assert!(
            v.tally().by_side.is_empty(),
            "the lone external voter still hides it"
        );
        v.ballots.retain(|(s, _)| *s != Side::External);
        let t = v.tally();
        let sides: Vec<Side> = t.by_side.iter().map(|(s, _)| *s).collect();
        assert_eq!(sides, [Side::Student, Side::Staff]);
        assert_eq!(t.by_side[1].1, [1.0, 2.0]);
        // One side alone is not broken down.
        v.ballots.retain(|(s, _)| *s == Side::Staff);
        assert!(v.tally().by_side.is_empty());
    }

    #[test]
    fn the_default_budget_is_a_third_of_the_options_but_at_least_three_and_at_most_ten() {
        // Two themes: three dots to stack, not one dot each (a show of hands).
        assert_eq!(default_budget(2, 0), 3);
        assert_eq!(default_budget(9, 0), 3);
        assert_eq!(default_budget(12, 0), 4);
        assert_eq!(default_budget(60, 0), 10);
        // A cap of one dot an option: never more dots than the options hold.
        assert_eq!(default_budget(2, 1), 2);
        assert_eq!(default_budget(2, 2), 3);
    }

    #[test]
    fn options_go_by_their_ideas_numbers_and_the_others_follow_them() {
        let option = |idea: Option<u32>| VoteOption {
            label: String::new(),
            idea,
            theme: None,
        };
        assert_eq!(
            option_numbers(&[option(Some(2)), option(Some(5)), option(None)]),
            [2, 5, 6]
        );
        assert_eq!(option_numbers(&[option(None), option(None)]), [1, 2]);
    }
}
