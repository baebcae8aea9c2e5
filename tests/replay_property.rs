//! `replay(events) == live state`: for any sequence of commands at any times, the state the
//! engine built live equals the state rebuilt from the saved (serialized) events.

mod common;

use common::{Sim, format, record_with};
use parvi::model::{Command, Interruption, MeetingState, Role, SessionRecord};
use proptest::prelude::*;

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
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn replay_equals_live_state(
        steps in prop::collection::vec((0u64..90_000, command(7, 6)), 0..80),
        seed in any::<u64>(),
    ) {
        let mut sim = Sim::new(record_with(format()));
        sim.seed = seed;
        sim.ok(Command::Start);
        for (gap, command) in steps {
            sim.now_ms += gap;
            sim.seed = sim.seed.wrapping_add(1);
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
