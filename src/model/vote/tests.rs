//! Unit tests of the ballot checks and the tally.

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
        (Some(Side::Student), Ballot::Dots(vec![2, 1, 0])),
        (Some(Side::Staff), Ballot::Dots(vec![0, 2, 1])),
        (Some(Side::Staff), Ballot::Abstain),
    ];
    let t = v.tally();
    assert_eq!(t.totals, [2.0, 3.0, 1.0]);
    assert_eq!(t.order, vec![vec![1], vec![0], vec![2]]);
    assert_eq!(t.voters, 3);
    v.ballots
        .push((Some(Side::Student), Ballot::Dots(vec![1, 0, 0])));
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
        .map(|f| (Some(Side::Staff), Ballot::Fist(*f)))
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
    v.ballots.push((Some(Side::Student), Ballot::Fist(0)));
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
        (Some(Side::Staff), Ballot::Score(vec![5, 0])),
        (Some(Side::Staff), Ballot::Score(vec![3, 2])),
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
    let r = |order: &[usize]| (Some(Side::Staff), Ballot::Ranking(order.to_vec()));
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
        (Some(Side::Staff), Ballot::Ranking(vec![0, 1])),
        (Some(Side::Staff), Ballot::Ranking(vec![1, 0])),
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
        (Some(side), Ballot::Dots(dots))
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
    v.ballots.retain(|(s, _)| *s != Some(Side::External));
    let t = v.tally();
    let sides: Vec<Side> = t.by_side.iter().map(|(s, _)| *s).collect();
    assert_eq!(sides, [Side::Student, Side::Staff]);
    assert_eq!(t.by_side[1].1, [1.0, 2.0]);
    // One side alone is not broken down.
    v.ballots.retain(|(s, _)| *s == Some(Side::Staff));
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

#[test]
fn the_pulse_takes_one_to_five_and_counts_each_answer() {
    let mut v = vote(VoteKind::Pulse, 1);
    assert_eq!(v.check(&Ballot::Pulse(1)), Ok(()));
    assert_eq!(v.check(&Ballot::Pulse(5)), Ok(()));
    assert_eq!(v.check(&Ballot::Pulse(0)), Err(BallotError::OutOfRange));
    assert_eq!(v.check(&Ballot::Pulse(6)), Err(BallotError::OutOfRange));
    assert_eq!(v.check(&Ballot::Fist(3)), Err(BallotError::WrongKind));
    assert_eq!(
        pulse_average(&v.tally().totals),
        None,
        "nobody answered yet"
    );
    v.ballots = [5, 4, 4, 2]
        .iter()
        .map(|a| (Some(Side::Student), Ballot::Pulse(*a)))
        .collect();
    let t = v.tally();
    assert_eq!(t.totals, [0.0, 1.0, 0.0, 2.0, 1.0], "counts of 1, 2 … 5");
    assert_eq!(t.voters, 4);
    assert_eq!(pulse_average(&t.totals), Some(3.75));
    // Counted hands per answer add to the ballots, as in the other scales.
    v.hands = Some(vec![1, 0, 0, 0, 0]);
    assert_eq!(v.tally().totals, [1.0, 1.0, 0.0, 2.0, 1.0]);
}

#[test]
fn those_who_would_rather_not_say_their_side_are_one_more_small_group() {
    let mut v = vote(VoteKind::Pulse, 1);
    let answers = |side: Option<Side>, n: usize, answer: u8| {
        std::iter::repeat_n((side, Ballot::Pulse(answer)), n)
    };
    v.ballots = answers(Some(Side::Student), 3, 5)
        .chain(answers(Some(Side::Staff), 3, 3))
        .chain(answers(None, 2, 1))
        .collect();
    // Two who did not say: the total less the sides shown would give their answers away.
    assert_eq!(v.sides_shown(), Some(false));
    assert!(v.tally().by_side.is_empty());
    v.ballots.extend(answers(None, 1, 2));
    assert_eq!(v.sides_shown(), Some(true));
    let t = v.tally();
    let sides: Vec<Side> = t.by_side.iter().map(|(s, _)| *s).collect();
    assert_eq!(sides, [Side::Student, Side::Staff], "no row for the unsaid");
    assert_eq!(t.by_side[0].1, [0.0, 0.0, 0.0, 0.0, 3.0]);
    assert_eq!(
        t.totals,
        [2.0, 1.0, 3.0, 0.0, 3.0],
        "everyone counts in the total"
    );
    // Students and the unsaid alone: two groups, both large enough.
    v.ballots.retain(|(s, _)| *s != Some(Side::Staff));
    assert_eq!(v.sides_shown(), Some(true));
}
