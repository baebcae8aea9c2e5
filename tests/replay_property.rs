//! `replay(events) == live state`: for any sequence of commands at any times, the state the
//! engine built live equals the state rebuilt from the saved (serialized) events.

use crate::common;

use common::{Sim, format, phase, record_with};
use parvi::model::outcomes::{ActionStatus, Due, Owner};
use parvi::model::vote::{Ballot, Entry, Rule, VoteKind, VoteOption, VoteSpec};
use parvi::model::{
    Command, Format, Interruption, MeetingState, PhaseKind, Role, SessionRecord, Side,
};
use proptest::prelude::*;

/// The test format plus writing, grouping, a dot vote and actions.
fn long_format() -> Format {
    let mut f = format();
    let mut vote = phase("vote", PhaseKind::Vote, 5);
    vote.vote = Some(VoteSpec {
        kind: VoteKind::Dots,
        budget: Some(2),
        cap: None,
        entry: Entry::Voters,
        rule: Rule::Consent,
    });
    f.phases.extend([
        phase("write", PhaseKind::Writing, 5),
        phase("group", PhaseKind::Grouping, 5),
        vote,
        phase("act", PhaseKind::Actions, 5),
    ]);
    f
}

fn outcome() -> impl Strategy<Value = Command> {
    prop_oneof![
        3 => "[a-zäö ]{0,20}".prop_map(|text| Command::AddIdea { text, author: None }),
        1 => (1u32..6, "[a-z]{1,8}").prop_map(|(idea, text)| Command::EditIdea { idea, text }),
        1 => (1u32..6).prop_map(Command::RemoveIdea),
        1 => (1u32..6, 1u32..6).prop_map(|(into, from)| Command::MergeIdeas { into, from }),
        1 => Just(Command::RevealIdeas),
        1 => "[A-Z][a-z]{0,8}".prop_map(Command::AddTheme),
        1 => (1u32..6, proptest::option::of(1u32..4)).prop_map(|(idea, theme)| Command::SetTheme { idea, theme }),
        1 => Just(Command::OpenVote(vec![
            VoteOption { label: "A".into(), idea: None, theme: None },
            VoteOption { label: "B".into(), idea: None, theme: None },
        ])),
        2 => (0u32..3, 0u32..3).prop_map(|(a, b)| Command::CastBallot {
            side: Some(Side::Staff),
            ballot: Ballot::Dots(vec![a, b]),
        }),
        1 => Just(Command::CloseVote),
        1 => "[a-z ]{1,20}".prop_map(|text| Command::RecordDecision {
            text,
            basis: Vec::new(),
            review: None,
        }),
        1 => (1u32..4, "[a-z ]{1,20}").prop_map(|(decision, text)| Command::EditDecision {
            decision,
            text,
            basis: Vec::new(),
            review: None,
        }),
        1 => "[a-z ]{1,20}".prop_map(|text| Command::AddAction {
            text,
            owner: Owner::Role { role: Role::Nurse },
            due: Due::Month { month: 3 },
            clock_item: None,
        }),
        1 => (1u32..4).prop_map(|n| Command::ReviewAction {
            id: format!("123456789abcdef0123456789abcdef0-{n}"),
            status: ActionStatus::Done,
            due: None,
        }),
    ]
}

fn command(people: usize, phases: usize) -> impl Strategy<Value = Command> {
    let person = move || (0..people).prop_map(|i| parvi::model::MemberId(format!("m{}", i + 1)));
    prop_oneof![
        4 => Just(Command::Next),
        2 => Just(Command::Pass),
        1 => Just(Command::Back),
        1 => Just(Command::EndTurn),
        2 => Just(Command::NextPhase),
        1 => (0..phases + 1).prop_map(Command::GoToPhase),
        1 => person().prop_map(Command::GiveFloor),
        2 => person().prop_map(Command::RaiseHand),
        1 => person().prop_map(Command::LowerHand),
        1 => "\\PC{0,30}".prop_map(Command::Note),
        1 => Just(Command::Pause),
        1 => Just(Command::Resume),
        1 => (-3i64..4).prop_map(|m| Command::Extend { delta_ms: m * 60_000 }),
        1 => (person(), any::<bool>()).prop_map(|(who, present)| Command::SetPresent { who, present }),
        1 => "[A-ZÄÖ][a-zäö]{0,8}".prop_map(|name| Command::AddGuest { name, role: Role::Guardian }),
        1 => Just(Command::Interrupt(Interruption::TerminalClosed)),
        1 => (0u64..100_000).prop_map(|gap_ms| Command::Reopen { gap_ms }),
        1 => Just(Command::End),
        6 => outcome(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn replay_equals_live_state(
        steps in prop::collection::vec((0u64..90_000, command(7, 10), any::<bool>()), 0..80),
        seed in any::<u64>(),
    ) {
        let mut sim = Sim::new(record_with(long_format()));
        sim.seed = seed;
        sim.ok(Command::Start);
        for (gap, command, beat) in steps {
            sim.now_ms += gap;
            if beat {
                // The loop's heartbeat, between commands as it comes in the app.
                let stamp = sim.stamp();
                sim.meeting.heartbeat(stamp);
            }
            sim.seed = sim.seed.wrapping_add(1);
            // The footer's question and the command agree: `b` is offered exactly when it
            // would do something.
            let stamp = sim.stamp();
            prop_assert_eq!(
                sim.state().can_go_back(stamp.mono_ms),
                sim.state().decide(Command::Back, stamp, 0).is_ok()
            );
            let _ = sim.run(command); // refusals are part of the game
        }
        let json = serde_json::to_vec(sim.meeting.record()).unwrap();
        let saved: SessionRecord = serde_json::from_slice(&json).unwrap();
        prop_assert_eq!(&saved, sim.meeting.record());
        prop_assert_eq!(&MeetingState::replay(&saved), sim.state());
        // The log is always in order and numbered 1, 2, 3…
        prop_assert!(saved.oddities().is_empty(), "{:?}", saved.oddities());
        // Airtime never exceeds the time the meeting has run.
        let total: u64 = sim.state().airtime(sim.now_ms).values().sum();
        prop_assert!(total <= sim.now_ms);
    }
}
