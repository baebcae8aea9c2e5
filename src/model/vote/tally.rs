//! The tally: ballots and counted hands turned into results per kind of vote, the ranking
//! with ties stated as ties, and the per-side results only where no small side can be read.

use super::{Ballot, PULSE_LEVELS, Rule, Vote, VoteKind};
use crate::model::role::Side;

impl Vote {
    /// The results. Computed for any vote, but screens show them only once it is closed.
    pub fn tally(&self) -> Tally {
        let mut tally = Tally {
            kind: self.kind,
            voters: self.turnout(),
            ..Tally::default()
        };
        match self.kind {
            VoteKind::Dots => tally.totals = self.dot_totals(),
            VoteKind::Score => tally.totals = self.average_scores(),
            VoteKind::FistOfFive => self.tally_fist(&mut tally),
            VoteKind::YesNo => self.tally_yes_no(&mut tally),
            VoteKind::Ranking => self.tally_ranking(&mut tally),
            VoteKind::Pulse => tally.totals = self.pulse_counts(),
        }
        tally.order = ranked(&tally.totals);
        tally.by_side = self.by_side();
        tally
    }

    /// The counted hands in `slots` slots, or all zeros when no hands were counted: the
    /// start that ballots are added to.
    fn counted_hands(&self, slots: usize) -> Vec<u32> {
        let mut out = vec![0u32; slots];
        if let Some(counts) = &self.hands {
            for (o, c) in out.iter_mut().zip(counts) {
                *o += c;
            }
        }
        out
    }

    /// Dots per option, hands and ballots together.
    fn dot_totals(&self) -> Vec<f64> {
        let mut totals = self.counted_hands(self.options.len());
        for (_, ballot) in &self.ballots {
            if let Ballot::Dots(dots) = ballot {
                for (t, d) in totals.iter_mut().zip(dots) {
                    *t += d;
                }
            }
        }
        totals.iter().map(|t| f64::from(*t)).collect()
    }

    /// Each option's average score among those who scored it (a 0 is no score).
    fn average_scores(&self) -> Vec<f64> {
        let n = self.options.len();
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
        sums.iter()
            .zip(&counts)
            .map(|(s, c)| {
                if *c == 0 {
                    0.0
                } else {
                    f64::from(*s) / f64::from(*c)
                }
            })
            .collect()
    }

    /// A fist of five: the votes per value 0–5, the blocks, and whether it passed under
    /// consent (no block) or consensus (nothing below three).
    fn tally_fist(&self, tally: &mut Tally) {
        let mut dist = self.counted_hands(6);
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

    /// The pulse: how many answered 1, 2, … 5, hands and ballots together.
    fn pulse_counts(&self) -> Vec<f64> {
        let mut counts = self.counted_hands(PULSE_LEVELS);
        for (_, ballot) in &self.ballots {
            if let Ballot::Pulse(v) = ballot
                && let Some(slot) = usize::from(*v).checked_sub(1)
                && let Some(count) = counts.get_mut(slot)
            {
                *count += 1;
            }
        }
        counts.iter().map(|c| f64::from(*c)).collect()
    }

    /// Yes, no and abstain, and whether the yeses outnumber the noes.
    fn tally_yes_no(&self, tally: &mut Tally) {
        let mut counts = self.counted_hands(3);
        for (_, ballot) in &self.ballots {
            if let Ballot::YesNo(answer) = ballot {
                counts[*answer as usize] += 1;
            }
        }
        tally.passed = Some(counts[0] > counts[1]);
        tally.totals = counts.iter().map(|c| f64::from(*c)).collect();
    }

    /// A ranking by instant runoff. The order of elimination is the ranking: an option's
    /// total is the last round it was still in, then its first choices in that round (so
    /// the final round's count separates the winner from the runner-up).
    fn tally_ranking(&self, tally: &mut Tally) {
        let n = self.options.len();
        let rounds = instant_runoff(n, &self.ballots);
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
            let ballots: Vec<(Option<Side>, Ballot)> = self
                .ballots
                .iter()
                .filter(|(s, _)| *s == Some(side))
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
    /// small side's votes can be read directly or worked out from the others. Those who
    /// would rather not say their side are one more group under the same rule (never shown
    /// as a row): two of them would otherwise be the total less the sides shown.
    pub fn sides_shown(&self) -> Option<bool> {
        let groups = [
            Some(Side::Student),
            Some(Side::Staff),
            Some(Side::External),
            None,
        ];
        let counts = groups.map(|side| self.ballots.iter().filter(|(s, _)| *s == side).count());
        if counts.iter().filter(|c| **c > 0).count() < 2 {
            return None;
        }
        Some(counts.iter().all(|c| *c == 0 || *c >= MIN_SIDE_VOTERS))
    }

    /// Whether a written record of the results (the review, the minutes) says that the
    /// per-side results were withheld. A ranking's per-side figures are rounds survived,
    /// which say nothing on their own, so a written record gives a ranking no per-side part
    /// and nothing to withhold.
    pub fn by_side_withheld(&self) -> bool {
        self.kind != VoteKind::Ranking && self.sides_shown() == Some(false)
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
fn instant_runoff(n: usize, ballots: &[(Option<Side>, Ballot)]) -> Vec<Vec<Option<u32>>> {
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
