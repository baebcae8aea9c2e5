//! A vote in the memo: its kind and rules, how ballots were entered, the turnout, the
//! results table (ranks, ranking rounds, or the count per level) and the result.

use super::super::people::Roster;
use super::{Block, Table};
use crate::i18n::minutes::MinutesText;
use crate::i18n::words;
use crate::i18n::{self, Lang, fill};
use crate::model::vote::{Entry, MIN_SIDE_VOTERS, Rule, Tally, Vote, VoteKind};

/// A vote with its option labels scrubbed of hidden names.
pub fn scrubbed(vote: &Vote, roster: &Roster) -> Vote {
    let mut vote = vote.clone();
    for option in &mut vote.options {
        option.label = roster.scrub(&option.label);
    }
    vote
}

/// The blocks of one vote: a heading, the proposal (for a vote on one), the rules; then,
/// once closed, the results and what they mean.
pub(super) fn vote_blocks(blocks: &mut Vec<Block>, vote: &Vote, lang: Lang, roster: &Roster) {
    let m = &lang.text().minutes;
    let kind_index = VoteKind::ALL
        .iter()
        .position(|k| *k == vote.kind)
        .unwrap_or(0);
    blocks.push(Block::Sub(fill(
        m.vote_title,
        &[
            ("n", &vote.id.to_string()),
            ("kind", m.vote_kinds[kind_index]),
        ],
    )));
    let vote = scrubbed(vote, roster);
    if !vote.kind.has_options()
        && let Some(proposal) = vote.options.first()
    {
        let line = if vote.kind == VoteKind::Pulse {
            m.question
        } else {
            m.proposal
        };
        blocks.push(Block::Para(fill(line, &[("text", &proposal.label)])));
    }
    let rules = format!("{} {}", rule_text(&vote, m), entry_text(&vote, m));
    if !vote.closed {
        blocks.push(Block::Para(rules));
        blocks.push(Block::Para(m.vote_open.to_string()));
        return;
    }
    let tally = vote.tally();
    blocks.push(Block::Para(format!(
        "{rules} {}",
        fill(m.voters, &[("n", &tally.voters.to_string())])
    )));
    blocks.push(Block::Table(results_table(&vote, &tally, lang)));
    let mut result = fill(m.result, &[("result", &words::vote_result(&vote, lang))]);
    if vote.kind == VoteKind::FistOfFive {
        result.push(' ');
        result.push_str(&fill(m.blocks, &[("n", &tally.blocks.to_string())]));
    }
    blocks.push(Block::Para(result));
    if vote.by_side_withheld() {
        blocks.push(Block::Para(fill(
            m.by_side_withheld,
            &[("min", &MIN_SIDE_VOTERS.to_string())],
        )));
    }
}

/// The vote's rule: the dot budget and cap, consent or consensus, or how it is scored.
fn rule_text(vote: &Vote, m: &MinutesText) -> String {
    match vote.kind {
        VoteKind::Dots if vote.cap > 0 => fill(
            m.dots_rule,
            &[
                ("budget", &vote.budget.to_string()),
                ("cap", &vote.cap.to_string()),
            ],
        ),
        VoteKind::Dots => fill(m.dots_rule_no_cap, &[("budget", &vote.budget.to_string())]),
        VoteKind::FistOfFive => match vote.rule {
            Rule::Consent => m.consent_rule.to_string(),
            Rule::Consensus => m.consensus_rule.to_string(),
        },
        VoteKind::YesNo => m.yes_no_rule.to_string(),
        VoteKind::Score => m.score_rule.to_string(),
        VoteKind::Ranking => m.ranking_rule.to_string(),
        VoteKind::Pulse => m.pulse_rule.to_string(),
    }
}

/// How the ballots were entered: one by one, or as counted hands.
fn entry_text(vote: &Vote, m: &MinutesText) -> &'static str {
    match vote.entry {
        Entry::Voters => m.entry_voters,
        Entry::Hands => m.entry_hands,
    }
}

/// The results as a table, by the vote's kind.
fn results_table(vote: &Vote, tally: &Tally, lang: Lang) -> Table {
    match vote.kind {
        VoteKind::Dots | VoteKind::Score => ranked_table(vote, tally, lang),
        VoteKind::Ranking => rounds_table(vote, tally, lang),
        VoteKind::FistOfFive | VoteKind::YesNo | VoteKind::Pulse => levels_table(vote, tally, lang),
    }
}

/// Dots or scores: the options by rank, with their total (or average) and, where shown,
/// each side's.
fn ranked_table(vote: &Vote, tally: &Tally, lang: Lang) -> Table {
    let m = &lang.text().minutes;
    let value = |x: f64| words::vote_figure(lang, vote.kind, x);
    let total = if vote.kind == VoteKind::Dots {
        m.col_dots
    } else {
        m.col_average
    };
    let mut head = vec![total.to_string()];
    side_head(&mut head, tally, lang);
    by_rank_table(vote, tally, lang, head, |i| {
        let mut cells = vec![value(tally.totals.get(i).copied().unwrap_or(0.0))];
        cells.extend(
            tally
                .by_side
                .iter()
                .map(|(_, v)| value(v.get(i).copied().unwrap_or(0.0))),
        );
        cells
    })
}

/// A ranking: the options by rank, with their count in each round of the runoff.
fn rounds_table(vote: &Vote, tally: &Tally, lang: Lang) -> Table {
    let m = &lang.text().minutes;
    let head = (1..=tally.rounds.len())
        .map(|n| fill(m.col_round, &[("n", &n.to_string())]))
        .collect();
    by_rank_table(vote, tally, lang, head, |i| {
        tally
            .rounds
            .iter()
            .map(|round| {
                round
                    .get(i)
                    .copied()
                    .flatten()
                    .map_or("–".to_string(), |c| c.to_string())
            })
            .collect()
    })
}

/// The options from best to worst, each as its rank, its label and `cells(option)` under
/// the columns `head`; every column but the label is a number.
fn by_rank_table(
    vote: &Vote,
    tally: &Tally,
    lang: Lang,
    head: Vec<String>,
    cells: impl Fn(usize) -> Vec<String>,
) -> Table {
    let m = &lang.text().minutes;
    let ranks = tally.ranks(vote.options.len());
    let head: Vec<String> = [m.col_rank.to_string(), m.col_option.to_string()]
        .into_iter()
        .chain(head)
        .collect();
    let rows = tally
        .order
        .iter()
        .flatten()
        .map(|i| {
            let mut row = vec![ranks[*i].to_string(), vote.options[*i].label.clone()];
            row.extend(cells(*i));
            row
        })
        .collect();
    let numeric = (0..head.len()).filter(|c| *c != 1).collect();
    Table {
        head,
        rows,
        numeric,
    }
}

/// A fist of five or the pulse (from the top down) or yes/no: the votes per level and,
/// where shown, each side's.
fn levels_table(vote: &Vote, tally: &Tally, lang: Lang) -> Table {
    let m = &lang.text().minutes;
    let mut head = vec![m.col_value.to_string(), m.col_votes.to_string()];
    side_head(&mut head, tally, lang);
    let rows = words::scale_rows(lang, vote.kind)
        .into_iter()
        .map(|(i, label)| {
            let mut row = vec![
                label,
                words::count(tally.totals.get(i).copied().unwrap_or(0.0)),
            ];
            row.extend(
                tally
                    .by_side
                    .iter()
                    .map(|(_, v)| words::count(v.get(i).copied().unwrap_or(0.0))),
            );
            row
        })
        .collect();
    let numeric = (1..head.len()).collect();
    Table {
        head,
        rows,
        numeric,
    }
}

/// One column per side whose results are shown.
fn side_head(head: &mut Vec<String>, tally: &Tally, lang: Lang) {
    head.extend(
        tally
            .by_side
            .iter()
            .map(|(s, _)| i18n::capitalise(i18n::side(lang, *s))),
    );
}
