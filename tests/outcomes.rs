//! Ideas, votes, decisions and actions through the engine, on a synthetic timeline: private
//! writing and reveal, attribution, merging and grouping, every vote kind with budgets, caps,
//! ties, blocks and the small-side rule, and actions carried from one meeting to the next.

use crate::common;

use common::{Sim, phase, record_with};
use parvi::model::outcomes::{ActionStatus, Basis, Due, Owner};
use parvi::model::vote::{Ballot, Entry, Rule, VoteKind, VoteOption, VoteSpec, YesNo};
use parvi::model::{
    Command, EventKind, Format, Localized, MeetingState, PhaseKind, Refusal, Role, SCHEMA_VERSION,
    SessionRecord, Side,
};

/// writing (private), ideas (named), grouping, a vote of `kind`, decisions, actions, review.
fn format(kind: VoteKind) -> Format {
    let mut ideas = phase("ideas", PhaseKind::Ideas, 10);
    ideas.attributed = true;
    let mut vote = phase("vote", PhaseKind::Vote, 5);
    vote.vote = Some(VoteSpec {
        kind,
        budget: (kind == VoteKind::Dots).then_some(3),
        cap: (kind == VoteKind::Dots).then_some(2),
        entry: Entry::Voters,
        rule: Rule::Consent,
    });
    Format {
        schema: SCHEMA_VERSION,
        name: "outcomes".into(),
        title: Localized::all("Outcomes"),
        description: Localized::default(),
        sources: vec![],
        phases: vec![
            phase("write", PhaseKind::Writing, 5),
            ideas,
            phase("group", PhaseKind::Grouping, 5),
            vote,
            phase("decide", PhaseKind::Decisions, 5),
            phase("act", PhaseKind::Actions, 5),
            phase("review", PhaseKind::ReviewActions, 5),
        ],
    }
}

fn sim(kind: VoteKind) -> Sim {
    let mut sim = Sim::new(record_with(format(kind)));
    sim.ok(Command::Start);
    sim
}

fn add(sim: &mut Sim, text: &str) {
    sim.ok(Command::AddIdea {
        text: text.into(),
        author: None,
    });
}

fn options(labels: &[&str]) -> Vec<VoteOption> {
    labels
        .iter()
        .map(|l| VoteOption {
            label: l.to_string(),
            idea: None,
            theme: None,
        })
        .collect()
}

#[test]
fn private_writing_shows_only_a_count_until_revealed() {
    let mut sim = sim(VoteKind::Dots);
    add(&mut sim, "Hiljainen tila opiskelulle");
    add(&mut sim, "  Ruokalan   jonot  ");
    let ideas: Vec<_> = sim.state().live_ideas().collect();
    assert_eq!(ideas.len(), 2);
    assert!(ideas.iter().all(|i| i.hidden));
    assert_eq!(ideas[1].text, "Ruokalan jonot");
    assert_eq!(
        sim.state().default_options().len(),
        0,
        "hidden ideas are not options"
    );
    sim.ok(Command::RevealIdeas);
    assert!(sim.state().live_ideas().all(|i| !i.hidden));
    assert_eq!(sim.run(Command::RevealIdeas), Err(Refusal::NothingHidden));
    assert_eq!(
        sim.run(Command::AddIdea {
            text: "   ".into(),
            author: None
        }),
        Err(Refusal::EmptyText)
    );
}

#[test]
fn ideas_are_anonymous_unless_the_phase_records_names() {
    let mut sim = sim(VoteKind::Dots);
    let aino = sim.id("Aino Virtanen");
    sim.ok(Command::AddIdea {
        text: "Nimetön".into(),
        author: Some(aino.clone()),
    });
    assert_eq!(sim.state().ideas[0].author, None, "writing is anonymous");
    sim.ok(Command::NextPhase); // the ideas phase records names
    sim.ok(Command::AddIdea {
        text: "Nimellä".into(),
        author: Some(aino.clone()),
    });
    assert_eq!(sim.state().ideas[1].author, Some(aino));
    assert!(!sim.state().ideas[1].hidden, "ideas phases are not private");
    sim.ok(Command::GoToPhase(4));
    assert_eq!(
        sim.run(Command::AddIdea {
            text: "x".into(),
            author: None
        }),
        Err(Refusal::NoIdeasHere)
    );
}

#[test]
fn editing_removing_and_merging_keep_the_numbers_people_saw() {
    let mut sim = sim(VoteKind::Dots);
    sim.ok(Command::GoToPhase(1));
    for text in ["A", "B", "C"] {
        add(&mut sim, text);
    }
    sim.ok(Command::EditIdea {
        idea: 2,
        text: "B2".into(),
    });
    sim.ok(Command::MergeIdeas { into: 1, from: 3 });
    assert_eq!(sim.state().idea(1).unwrap().text, "A / C");
    assert!(sim.state().idea(3).is_none(), "merged away");
    assert_eq!(
        sim.run(Command::MergeIdeas { into: 1, from: 1 }),
        Err(Refusal::SameIdea)
    );
    sim.ok(Command::RemoveIdea(2));
    assert_eq!(sim.run(Command::RemoveIdea(2)), Err(Refusal::NoSuchIdea));
    add(&mut sim, "D");
    let numbers: Vec<u32> = sim.state().live_ideas().map(|i| i.id).collect();
    assert_eq!(numbers, [1, 4], "numbers are never reused");
}

#[test]
fn grouping_puts_ideas_into_named_themes_that_become_the_vote_options() {
    let mut sim = sim(VoteKind::Dots);
    sim.ok(Command::GoToPhase(1));
    for text in ["Ruokalan jonot", "Välituntien pituus", "Hiljainen tila"] {
        add(&mut sim, text);
    }
    sim.ok(Command::NextPhase);
    sim.ok(Command::AddTheme("Ruokailu".into()));
    sim.ok(Command::AddTheme("Tilat".into()));
    sim.ok(Command::RenameTheme {
        theme: 2,
        name: "Tilat ja rauha".into(),
    });
    sim.ok(Command::SetTheme {
        idea: 1,
        theme: Some(1),
    });
    sim.ok(Command::SetTheme {
        idea: 2,
        theme: Some(1),
    });
    sim.ok(Command::SetTheme {
        idea: 3,
        theme: Some(2),
    });
    assert_eq!(
        sim.run(Command::SetTheme {
            idea: 3,
            theme: Some(9)
        }),
        Err(Refusal::NoSuchTheme)
    );
    let labels: Vec<String> = sim
        .state()
        .default_options()
        .into_iter()
        .map(|o| o.label)
        .collect();
    assert_eq!(labels, ["Ruokailu", "Tilat ja rauha"]);
}

#[test]
fn a_dot_vote_enforces_budget_and_cap_and_counts_when_closed() {
    let mut sim = sim(VoteKind::Dots);
    sim.ok(Command::GoToPhase(3));
    assert_eq!(
        sim.run(Command::OpenVote(options(&["Yksi"]))),
        Err(Refusal::TooFewOptions)
    );
    sim.ok(Command::OpenVote(options(&["A", "B", "C"])));
    assert_eq!(
        sim.run(Command::OpenVote(options(&["A", "B"]))),
        Err(Refusal::VoteAlreadyOpen)
    );
    let vote = sim.state().open_vote().unwrap();
    assert_eq!((vote.budget, vote.cap), (3, 2));
    let cast = |sim: &mut Sim, dots: Vec<u32>| {
        sim.run(Command::CastBallot {
            side: Some(Side::Staff),
            ballot: Ballot::Dots(dots),
        })
    };
    assert!(matches!(
        cast(&mut sim, vec![3, 0, 0]),
        Err(Refusal::BadBallot(_))
    ));
    assert!(matches!(
        cast(&mut sim, vec![2, 1, 1]),
        Err(Refusal::BadBallot(_))
    ));
    cast(&mut sim, vec![2, 1, 0]).unwrap();
    cast(&mut sim, vec![0, 1, 2]).unwrap();
    sim.ok(Command::CloseVote);
    assert_eq!(sim.run(Command::CloseVote), Err(Refusal::NoOpenVote));
    let tally = sim.state().current_vote().unwrap().tally();
    assert_eq!(tally.totals, [2.0, 2.0, 2.0]);
    assert_eq!(
        tally.winners(),
        [0, 1, 2],
        "a three-way tie is stated as one"
    );
    assert!(sim.state().current_vote().unwrap().closed);
}

#[test]
fn a_changed_ballot_takes_the_place_of_the_old_one_until_the_vote_closes() {
    let mut sim = sim(VoteKind::Dots);
    sim.ok(Command::GoToPhase(3));
    let replace = |sim: &mut Sim, replaces: u32, dots: Vec<u32>| {
        sim.run(Command::ReplaceBallot {
            replaces,
            side: Some(Side::Student),
            ballot: Ballot::Dots(dots),
        })
    };
    assert_eq!(
        replace(&mut sim, 1, vec![1, 1, 1]),
        Err(Refusal::NoOpenVote)
    );
    sim.ok(Command::OpenVote(options(&["A", "B", "C"])));
    assert_eq!(
        replace(&mut sim, 1, vec![1, 1, 1]),
        Err(Refusal::NoSuchBallot)
    );
    for dots in [vec![2, 1, 0], vec![0, 1, 2]] {
        sim.ok(Command::CastBallot {
            side: Some(Side::Staff),
            ballot: Ballot::Dots(dots),
        });
    }
    assert_eq!(
        replace(&mut sim, 3, vec![1, 1, 1]),
        Err(Refusal::NoSuchBallot)
    );
    assert_eq!(
        replace(&mut sim, 0, vec![1, 1, 1]),
        Err(Refusal::NoSuchBallot)
    );
    assert!(matches!(
        replace(&mut sim, 1, vec![3, 0, 0]),
        Err(Refusal::BadBallot(_))
    ));
    replace(&mut sim, 1, vec![0, 0, 2]).unwrap();
    let vote = sim.state().open_vote().unwrap();
    assert_eq!(vote.ballots.len(), 2, "a change is not another ballot");
    assert_eq!(
        vote.ballots[0],
        (Some(Side::Student), Ballot::Dots(vec![0, 0, 2]))
    );
    sim.ok(Command::CloseVote);
    assert_eq!(
        sim.state().current_vote().unwrap().tally().totals,
        [0.0, 1.0, 4.0]
    );
    assert_eq!(
        replace(&mut sim, 1, vec![2, 1, 0]),
        Err(Refusal::NoOpenVote)
    );
    // Replayed from its log, the meeting comes to the same votes.
    let replayed = parvi::model::MeetingState::replay(sim.meeting.record());
    assert_eq!(replayed.votes, sim.state().votes);
}

#[test]
fn counted_hands_replace_voter_by_voter_entry() {
    let mut sim = sim(VoteKind::Dots);
    sim.ok(Command::GoToPhase(3));
    sim.ok(Command::OpenVote(options(&["A", "B"])));
    assert!(matches!(
        sim.run(Command::CountHands(vec![1])),
        Err(Refusal::BadBallot(_))
    ));
    sim.ok(Command::CountHands(vec![5, 8]));
    sim.ok(Command::CloseVote);
    assert_eq!(sim.state().current_vote().unwrap().tally().winners(), [1]);
}

#[test]
fn a_fist_of_five_with_a_zero_is_blocked() {
    let mut sim = sim(VoteKind::FistOfFive);
    sim.ok(Command::GoToPhase(3));
    sim.ok(Command::OpenVote(options(&[
        "Ruokala auki klo 10.30 alkaen",
    ])));
    for (side, fist) in [(Side::Student, 4), (Side::Staff, 5), (Side::Staff, 0)] {
        sim.ok(Command::CastBallot {
            side: Some(side),
            ballot: Ballot::Fist(fist),
        });
    }
    sim.ok(Command::CloseVote);
    let tally = sim.state().current_vote().unwrap().tally();
    assert_eq!((tally.blocks, tally.passed), (1, Some(false)));
}

#[test]
fn yes_no_score_and_ranking_votes_run_through_the_engine() {
    let mut sim = sim(VoteKind::YesNo);
    sim.ok(Command::GoToPhase(3));
    sim.ok(Command::OpenVote(options(&["Ehdotus"])));
    for answer in [YesNo::Yes, YesNo::Yes, YesNo::No, YesNo::Abstain] {
        sim.ok(Command::CastBallot {
            side: Some(Side::Staff),
            ballot: Ballot::YesNo(answer),
        });
    }
    sim.ok(Command::CloseVote);
    assert_eq!(
        sim.state().current_vote().unwrap().tally().passed,
        Some(true)
    );

    let mut sim = self::sim(VoteKind::Score);
    sim.ok(Command::GoToPhase(3));
    sim.ok(Command::OpenVote(options(&["A", "B"])));
    sim.ok(Command::CastBallot {
        side: Some(Side::Staff),
        ballot: Ballot::Score(vec![5, 1]),
    });
    sim.ok(Command::CloseVote);
    assert_eq!(sim.state().current_vote().unwrap().tally().winners(), [0]);

    let mut sim = self::sim(VoteKind::Ranking);
    sim.ok(Command::GoToPhase(3));
    sim.ok(Command::OpenVote(options(&["A", "B", "C"])));
    let opened = sim
        .meeting
        .record()
        .events
        .iter()
        .find_map(|e| match &e.event {
            EventKind::VoteOpened { method, .. } => method.clone(),
            _ => None,
        });
    assert_eq!(
        opened.as_deref(),
        Some("instant_runoff"),
        "the method is in the log"
    );
    sim.ok(Command::CastBallot {
        side: Some(Side::Staff),
        ballot: Ballot::Ranking(vec![2, 0, 1]),
    });
    assert!(matches!(
        sim.run(Command::CastBallot {
            side: Some(Side::Staff),
            ballot: Ballot::Ranking(vec![1, 1]),
        }),
        Err(Refusal::BadBallot(_))
    ));
    sim.ok(Command::CloseVote);
    assert_eq!(sim.state().current_vote().unwrap().tally().winners(), [2]);
}

#[test]
fn a_vote_outside_a_vote_phase_is_refused() {
    let mut sim = sim(VoteKind::Dots);
    assert_eq!(
        sim.run(Command::OpenVote(options(&["A", "B"]))),
        Err(Refusal::NotAVote)
    );
    assert_eq!(sim.run(Command::CloseVote), Err(Refusal::NoOpenVote));
}

#[test]
fn decisions_record_their_basis_and_review_date() {
    let mut sim = sim(VoteKind::Dots);
    sim.ok(Command::GoToPhase(4));
    sim.ok(Command::RecordDecision {
        text: "Kokeillaan porrastettua ruokailua".into(),
        basis: vec![Basis::Vote { vote: 1 }],
        review: Some(jiff::civil::date(2027, 1, 15)),
    });
    sim.ok(Command::RecordDecision {
        text: "Toinen".into(),
        basis: vec![],
        review: None,
    });
    sim.ok(Command::RemoveDecision(2));
    assert_eq!(
        sim.run(Command::RemoveDecision(2)),
        Err(Refusal::NoSuchDecision)
    );
    let d = &sim.state().decisions;
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].review, Some(jiff::civil::date(2027, 1, 15)));
}

#[test]
fn a_decisions_and_an_actions_origin_is_set_on_its_own_and_kept_by_an_edit() {
    use parvi::model::outcomes::{Level, Origin, Outcome, Source};
    let mut sim = sim(VoteKind::Dots);
    sim.ok(Command::GoToPhase(4));
    sim.ok(Command::RecordDecision {
        text: "Kokeillaan porrastettua ruokailua".into(),
        basis: vec![],
        review: None,
    });
    let origin = Origin {
        source: Some(Source::StudentUnion),
        level: Some(Level::StudentInitiated),
    };
    let decision = Outcome::Decision { decision: 1 };
    sim.ok(Command::SetOrigin {
        of: decision.clone(),
        origin,
    });
    assert_eq!(sim.state().decisions[0].origin, origin);
    // A new wording keeps where it came from.
    sim.ok(Command::EditDecision {
        decision: 1,
        text: "Kokeillaan porrastettua ruokailua keväällä".into(),
        basis: vec![],
        review: None,
    });
    assert_eq!(sim.state().decisions[0].origin, origin);
    // Cleared again with an empty origin; nothing else is touched.
    sim.ok(Command::SetOrigin {
        of: decision,
        origin: Origin::default(),
    });
    assert!(sim.state().decisions[0].origin.is_empty());
    assert_eq!(
        sim.run(Command::SetOrigin {
            of: Outcome::Decision { decision: 7 },
            origin,
        }),
        Err(Refusal::NoSuchDecision)
    );

    sim.ok(Command::GoToPhase(5));
    sim.ok(Command::AddAction {
        text: "Kysely ruokalasta".into(),
        owner: Owner::Role { role: Role::Nurse },
        due: Due::None,
        clock_item: None,
    });
    let id = sim.state().actions[0].id.clone();
    let survey = Origin {
        source: Some(Source::Survey),
        level: None,
    };
    sim.ok(Command::SetOrigin {
        of: Outcome::Action { id: id.clone() },
        origin: survey,
    });
    assert_eq!(sim.state().actions[0].origin, survey);
    assert_eq!(
        sim.run(Command::SetOrigin {
            of: Outcome::Action { id: "nope".into() },
            origin: survey,
        }),
        Err(Refusal::NoSuchAction)
    );
    // The log says the same after a save: the origin survives the round trip.
    let json = serde_json::to_string(sim.meeting.record()).unwrap();
    let back: SessionRecord = serde_json::from_str(&json).unwrap();
    let replayed = MeetingState::replay(&back);
    assert!(replayed.decisions[0].origin.is_empty());
    assert_eq!(replayed.actions[0].origin, survey);
}

/// The open actions of a group's earlier meetings, as the store gathers them.
fn carried_from(records: &[SessionRecord]) -> Vec<parvi::model::outcomes::ActionItem> {
    parvi::model::outcomes::open_actions(records)
}

#[test]
fn actions_carry_to_the_next_meeting_and_its_review_changes_them() {
    // Meeting 1 agrees two actions.
    let mut first = sim(VoteKind::Dots);
    first.ok(Command::GoToPhase(5));
    let mikko = first.id("Mikko Korhonen");
    first.ok(Command::AddAction {
        text: "Selvitetään ruokalan aukioloajat".into(),
        owner: Owner::Member {
            id: mikko,
            name: "Mikko Korhonen".into(),
        },
        due: Due::Date {
            date: jiff::civil::date(2026, 4, 1),
        },
        clock_item: None,
    });
    first.ok(Command::AddAction {
        text: "Hiljainen tila kirjastoon".into(),
        owner: Owner::Role {
            role: Role::Management,
        },
        due: Due::Month { month: 5 },
        clock_item: None,
    });
    first.ok(Command::End);
    let first_record = first.meeting.record().clone();
    let ids: Vec<String> = first.state().actions.iter().map(|a| a.id.clone()).collect();
    assert_eq!(ids.len(), 2);
    assert!(
        ids[0].starts_with("123456789abcdef0123456789abcdef0-"),
        "ids carry the meeting's id: {ids:?}"
    );
    assert_ne!(ids[0], ids[1]);

    // Meeting 2 of the same group starts with both open and reviews them.
    let mut record = record_with(format(VoteKind::Dots));
    record.id = uuid::Uuid::from_u128(2);
    record.carried_actions = carried_from(std::slice::from_ref(&first_record));
    assert_eq!(record.carried_actions.len(), 2);
    let mut second = Sim::new(record);
    second.ok(Command::Start);
    second.ok(Command::GoToPhase(6));
    second.ok(Command::ReviewAction {
        id: ids[0].clone(),
        status: ActionStatus::Done,
        due: None,
    });
    second.ok(Command::ReviewAction {
        id: ids[1].clone(),
        status: ActionStatus::Continued,
        due: Some(Due::Month { month: 9 }),
    });
    assert_eq!(
        second.run(Command::ReviewAction {
            id: "nope".into(),
            status: ActionStatus::Done,
            due: None
        }),
        Err(Refusal::NoSuchAction)
    );
    let open: Vec<&str> = second
        .state()
        .open_actions()
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(open, ["Hiljainen tila kirjastoon"]);
    second.ok(Command::End);

    // Meeting 3 sees only the continued one, with its new month.
    let carried = carried_from(&[first_record, second.meeting.record().clone()]);
    assert_eq!(carried.len(), 1);
    assert_eq!(carried[0].due, Due::Month { month: 9 });
    assert_eq!(carried[0].status, ActionStatus::Continued);
}

#[test]
fn replaying_a_meeting_with_every_new_event_gives_the_same_state() {
    let mut sim = sim(VoteKind::Dots);
    add(&mut sim, "Yksi");
    sim.ok(Command::RevealIdeas);
    sim.ok(Command::GoToPhase(2));
    sim.ok(Command::AddTheme("Teema".into()));
    sim.ok(Command::SetTheme {
        idea: 1,
        theme: Some(1),
    });
    sim.ok(Command::GoToPhase(3));
    sim.ok(Command::OpenVote(options(&["A", "B"])));
    sim.ok(Command::CastBallot {
        side: Some(Side::Student),
        ballot: Ballot::Dots(vec![1, 1]),
    });
    sim.ok(Command::CloseVote);
    sim.ok(Command::GoToPhase(5));
    sim.ok(Command::AddAction {
        text: "Tehdään".into(),
        owner: Owner::Role { role: Role::Nurse },
        due: Due::None,
        clock_item: None,
    });
    let json = serde_json::to_string(sim.meeting.record()).unwrap();
    let back: SessionRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(&MeetingState::replay(&back), sim.state());
}

#[test]
fn a_meeting_late_in_the_evening_has_the_local_date() {
    // 22:30 UTC is 01:30 the next day in a Finnish summer.
    let mut record = record_with(format(VoteKind::Dots));
    record.created_at = "2026-09-08T22:30:00Z".parse().unwrap();
    record.utc_offset_s = 3 * 3600;
    assert_eq!(record.local_date(), jiff::civil::date(2026, 9, 9));
    let mut sim = Sim::new(record);
    sim.ok(Command::Start);
    sim.ok(Command::GoToPhase(5));
    sim.ok(Command::AddAction {
        text: "Tehdään".into(),
        owner: Owner::Role { role: Role::Nurse },
        due: Due::None,
        clock_item: None,
    });
    assert_eq!(sim.state().actions[0].agreed, jiff::civil::date(2026, 9, 9));
}

#[test]
fn no_more_ballots_than_people_present() {
    let mut sim = sim(VoteKind::Dots);
    sim.ok(Command::GoToPhase(3));
    sim.ok(Command::OpenVote(options(&["A", "B"])));
    let present = sim.state().present().count();
    for _ in 0..present {
        sim.ok(Command::CastBallot {
            side: Some(Side::Staff),
            ballot: Ballot::Abstain,
        });
    }
    assert_eq!(
        sim.run(Command::CastBallot {
            side: Some(Side::Staff),
            ballot: Ballot::Abstain
        }),
        Err(Refusal::EveryoneVoted)
    );
}

/// The outcomes format with a `year_clock` item last, for a group whose clock is the
/// built-in template's.
fn clock_sim() -> (Sim, parvi::model::clock::YearClock) {
    let mut format = format(VoteKind::Dots);
    format.phases.push(phase("clock", PhaseKind::YearClock, 10));
    let mut record = record_with(format);
    let clock = parvi::store::clocks::template().clock_for(&record.group, parvi::lang::Lang::Fi);
    record.clock = Some(clock.clone());
    let mut sim = Sim::new(record);
    sim.ok(Command::Start).ok(Command::GoToPhase(7));
    (sim, clock)
}

#[test]
fn a_year_clock_phase_marks_moves_and_adds_clock_items_and_the_clock_follows_the_events() {
    use parvi::model::clock::{ItemDraft, ItemStatus, Recurrence, When};
    let (mut sim, clock) = clock_sim();
    // 12 March 2026: March's and April's items, and this school year's overdue ones.
    let walk: Vec<_> = clock
        .walk(sim.state().date, false)
        .into_iter()
        .map(|(item, year)| (item.id.clone(), year))
        .collect();
    assert!(walk.len() >= 2, "{walk:?}");
    let (done, year) = walk[0].clone();
    let (moved, _) = walk[1].clone();
    sim.ok(Command::MarkClockItem {
        item: done.clone(),
        year,
        status: ItemStatus::Done,
    });
    sim.ok(Command::AddAction {
        text: "Varataan tilat".into(),
        owner: Owner::Role { role: Role::Nurse },
        due: Due::Month { month: 4 },
        clock_item: Some(moved.clone()),
    });
    sim.ok(Command::MoveClockItem {
        item: moved.clone(),
        when: When::Months { from: 5, to: 5 },
    });
    sim.ok(Command::AddClockItem(ItemDraft {
        when: When::Months { from: 9, to: 9 },
        recurrence: Recurrence::Year,
        title: "Opiskelijakunnan esittely".into(),
        description: String::new(),
        responsible: Vec::new(),
        co_actors: Vec::new(),
        students_part: String::new(),
    }));
    let refused = |item: &str| Command::MarkClockItem {
        item: item.into(),
        year,
        status: ItemStatus::Done,
    };
    assert_eq!(sim.run(refused("k999")), Err(Refusal::NoSuchClockItem));
    let bad_move = Command::MoveClockItem {
        item: done.clone(),
        when: When::Months { from: 13, to: 1 },
    };
    assert!(matches!(sim.run(bad_move), Err(Refusal::BadClockChange(_))));

    let state = sim.state().clone();
    let after = state.clock.as_ref().unwrap();
    assert_eq!(after.item(&done).unwrap().status_in(year), ItemStatus::Done);
    assert_eq!(
        after.item(&moved).unwrap().when,
        When::Months { from: 5, to: 5 }
    );
    assert_eq!(after.items.len(), clock.items.len() + 1);
    let added = format!("k{}", clock.next_item);
    assert_eq!(
        after.item(&added).unwrap().title,
        "Opiskelijakunnan esittely"
    );
    assert_eq!(state.clock_handled, vec![done, moved.clone(), added]);
    assert_eq!(state.actions[0].clock_item.as_deref(), Some(moved.as_str()));
    // The saved meeting gives the same clock, and the same state, when read back.
    let json = serde_json::to_string(sim.meeting.record()).unwrap();
    let back: SessionRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back.clock_after().as_ref(), Some(after));
    assert_eq!(MeetingState::replay(&back), state);
    // Removing takes the item off.
    sim.ok(Command::RemoveClockItem(moved.clone()));
    assert!(sim.state().clock.as_ref().unwrap().item(&moved).is_none());
}

#[test]
fn a_group_without_a_year_clock_is_refused_clock_changes() {
    let mut sim = sim(VoteKind::Dots);
    let command = Command::MarkClockItem {
        item: "k1".into(),
        year: parvi::model::clock::SchoolYear::of(sim.state().date),
        status: parvi::model::clock::ItemStatus::Done,
    };
    assert_eq!(sim.run(command), Err(Refusal::NoClock));
    let action = Command::AddAction {
        text: "Tehdään".into(),
        owner: Owner::Role { role: Role::Nurse },
        due: Due::None,
        clock_item: Some("k1".into()),
    };
    assert_eq!(sim.run(action), Err(Refusal::NoClock));
}
