//! The meeting engine on a synthetic timeline: order rules, passing and returning, going back,
//! the hand queue, pause and extend, attendance, reopening, and airtime sums.

mod common;

use common::{Sim, format, record_with, round};
use parvi::model::{
    Command, EventKind, Interruption, MeetingState, OrderRule, PhaseKind, Refusal, Role, Side,
    Status,
};

const SEATING: [&str; 7] = [
    "Aino Virtanen",
    "Mikko Korhonen",
    "Eetu Nieminen",
    "Leena Mäkinen",
    "Sari Lehtonen",
    "Päivi Äijälä",
    "Jukka Heikkinen",
];

/// Moves the meeting to agenda item `n` at the current time.
fn go_to(sim: &mut Sim, n: usize) {
    sim.ok(Command::GoToPhase(n));
}

#[test]
fn start_opens_the_first_item_and_the_phase_clock_runs() {
    let mut sim = Sim::started();
    assert_eq!(sim.state().status, Status::Running);
    assert_eq!(sim.state().phase, Some(0));
    assert_eq!(sim.state().phase_remaining(30_000), Some(90_000));
    assert_eq!(sim.state().phase_remaining(150_000), Some(-30_000));
    assert_eq!(sim.run(Command::Start), Err(Refusal::AlreadyStarted));
    assert_eq!(sim.run(Command::Next), Err(Refusal::NoTurns));
}

#[test]
fn a_seating_round_goes_round_the_table_and_returns_to_those_who_passed() {
    let mut sim = Sim::started();
    sim.at(10);
    go_to(&mut sim, 1);
    assert_eq!(sim.lineup(), SEATING);
    // Nobody speaks until the facilitator starts the first turn.
    assert_eq!(sim.speaker(), None);
    assert_eq!(sim.next_up().as_deref(), Some("Aino Virtanen"));

    sim.at(12).ok(Command::Next);
    assert_eq!(sim.speaker().as_deref(), Some("Aino Virtanen"));
    sim.at(52).ok(Command::Next); // Aino spoke 40 s
    assert_eq!(sim.speaker().as_deref(), Some("Mikko Korhonen"));
    sim.at(55).ok(Command::Pass); // Mikko passes after 3 s
    assert_eq!(sim.speaker().as_deref(), Some("Eetu Nieminen"));
    sim.at(100).ok(Command::Next);
    sim.at(130).ok(Command::Pass); // Leena passes
    sim.at(160).ok(Command::Next);
    sim.at(200).ok(Command::Next);
    sim.at(230).ok(Command::Next); // Jukka done; back to those who passed
    assert_eq!(sim.speaker().as_deref(), Some("Mikko Korhonen"));
    let returned = sim.meeting.record().events.iter().any(
        |e| matches!(&e.event, EventKind::ReturnedToPassed { speakers } if speakers.len() == 2),
    );
    assert!(returned);
    sim.at(260).ok(Command::Next);
    assert_eq!(sim.speaker().as_deref(), Some("Leena Mäkinen"));
    sim.at(270).ok(Command::Pass); // a second pass is final
    assert_eq!(sim.speaker(), None);
    assert!(sim.state().round_complete());
    assert_eq!(sim.run(Command::Next), Err(Refusal::RoundComplete));

    let airtime = sim.state().airtime(sim.now_ms);
    let ms = |name: &str| airtime.get(&sim.id(name)).copied().unwrap_or(0);
    assert_eq!(ms("Aino Virtanen"), 40_000);
    assert_eq!(ms("Mikko Korhonen"), 3_000 + 30_000);
    assert_eq!(ms("Leena Mäkinen"), 30_000 + 10_000);
    let passes = sim.state().turns.iter().filter(|t| t.passed).count();
    assert_eq!(passes, 3);
    // Leena's second pass means she has not spoken; Mikko spoke on his return.
    let silent: Vec<&str> = sim
        .state()
        .not_spoken_yet()
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(silent, ["Leena Mäkinen"]);
}

#[test]
fn passing_before_starting_moves_next_up_without_starting_anyone() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(5).ok(Command::Pass);
    assert_eq!(sim.speaker(), None);
    assert_eq!(sim.next_up().as_deref(), Some("Mikko Korhonen"));
    let last = sim.state().turns.last().unwrap();
    assert!(last.passed);
    assert_eq!(last.duration_ms, 0);
}

#[test]
fn a_round_without_passing_refuses_a_pass() {
    let mut f = format();
    f.phases[1].pass_allowed = false;
    let mut sim = Sim::new(record_with(f));
    sim.ok(Command::Start);
    go_to(&mut sim, 1);
    sim.ok(Command::Next);
    assert_eq!(sim.run(Command::Pass), Err(Refusal::PassNotAllowed));
}

#[test]
fn back_returns_the_floor_to_the_previous_speaker() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    assert_eq!(sim.run(Command::Back), Err(Refusal::NothingBefore));
    sim.at(0).ok(Command::Next);
    sim.at(20).ok(Command::Next); // Mikko starts too early
    sim.at(22).ok(Command::Back); // Aino was not finished
    assert_eq!(sim.speaker().as_deref(), Some("Aino Virtanen"));
    assert_eq!(sim.next_up().as_deref(), Some("Mikko Korhonen"));
    sim.at(30).ok(Command::Next);
    assert_eq!(sim.speaker().as_deref(), Some("Mikko Korhonen"));
    let airtime = sim.state().airtime(40_000);
    assert_eq!(airtime[&sim.id("Aino Virtanen")], 28_000);
    assert_eq!(airtime[&sim.id("Mikko Korhonen")], 2_000 + 10_000);
}

#[test]
fn students_first_puts_both_student_roles_first_in_seating_order() {
    let mut f = format();
    f.phases[1] = round("students", OrderRule::StudentsFirst, 60);
    let mut sim = Sim::new(record_with(f));
    sim.ok(Command::Start);
    go_to(&mut sim, 1);
    assert_eq!(
        sim.lineup(),
        [
            "Aino Virtanen",
            "Eetu Nieminen",
            "Mikko Korhonen",
            "Leena Mäkinen",
            "Sari Lehtonen",
            "Päivi Äijälä",
            "Jukka Heikkinen"
        ]
    );
}

#[test]
fn a_random_order_is_a_permutation_fixed_by_its_seed() {
    let lineup_with = |seed: u64| {
        let mut sim = Sim::started();
        sim.seed = seed;
        go_to(&mut sim, 3);
        sim.lineup()
    };
    let a = lineup_with(1);
    assert_eq!(a, lineup_with(1));
    let mut sorted = a.clone();
    sorted.sort();
    let mut seating: Vec<String> = SEATING.iter().map(|s| s.to_string()).collect();
    seating.sort();
    assert_eq!(sorted, seating);
    let distinct: std::collections::BTreeSet<Vec<String>> = (1..20).map(lineup_with).collect();
    assert!(distinct.len() > 10, "seeds should give different orders");
}

#[test]
fn fair_stack_orders_a_round_by_airtime_so_far() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    // Aino 50 s, Mikko 10 s, Eetu 30 s, the rest pass or are not reached.
    sim.at(0).ok(Command::Next);
    sim.at(50).ok(Command::Next);
    sim.at(60).ok(Command::Next);
    sim.at(90).ok(Command::Pass);
    sim.at(90);
    go_to(&mut sim, 4);
    let lineup = sim.lineup();
    // Those with no airtime first, in seating order, then 10 s, 30 s, 50 s.
    assert_eq!(
        lineup,
        [
            "Leena Mäkinen",
            "Sari Lehtonen",
            "Päivi Äijälä",
            "Jukka Heikkinen",
            "Mikko Korhonen",
            "Eetu Nieminen",
            "Aino Virtanen"
        ]
    );
}

#[test]
fn the_hand_queue_gives_the_floor_least_heard_first_in_a_fair_stack() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(0).ok(Command::Next); // Aino speaks 60 s in the round
    sim.at(60).ok(Command::EndTurn);
    go_to(&mut sim, 2);
    assert_eq!(sim.state().current_phase().unwrap().kind, PhaseKind::Open);
    assert_eq!(sim.run(Command::Next), Err(Refusal::QueueEmpty));
    let aino = sim.id("Aino Virtanen");
    let mikko = sim.id("Mikko Korhonen");
    let sari = sim.id("Sari Lehtonen");
    sim.ok(Command::RaiseHand(aino.clone()));
    sim.ok(Command::RaiseHand(mikko.clone()));
    sim.ok(Command::RaiseHand(sari.clone()));
    assert_eq!(
        sim.run(Command::RaiseHand(aino.clone())),
        Err(Refusal::HandAlreadyUp)
    );
    // Aino raised first but has spoken most: Mikko and Sari (no airtime) go first.
    assert_eq!(
        sim.state().queue(),
        [mikko.clone(), sari.clone(), aino.clone()]
    );
    sim.ok(Command::LowerHand(sari.clone()));
    sim.at(70).ok(Command::Next);
    assert_eq!(sim.speaker().as_deref(), Some("Mikko Korhonen"));
    // Turns in open phases are timed too: 120 s per turn.
    assert_eq!(sim.state().turn_remaining(100_000), Some(90_000));
    sim.at(200).ok(Command::Next);
    assert_eq!(sim.speaker().as_deref(), Some("Aino Virtanen"));
    assert_eq!(sim.state().queue(), []);
    sim.at(210).ok(Command::Next); // ends Aino's turn; nobody else waits
    assert_eq!(sim.speaker(), None);
    // The facilitator can also give the floor directly.
    sim.ok(Command::GiveFloor(sari));
    assert_eq!(sim.speaker().as_deref(), Some("Sari Lehtonen"));
    assert_eq!(sim.run(Command::Pass), Err(Refusal::NotARound));
}

#[test]
fn pause_stops_the_phase_and_turn_clocks_and_resume_restarts_them() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(0).ok(Command::Next);
    sim.at(20).ok(Command::Pause);
    assert_eq!(sim.run(Command::Pause), Err(Refusal::AlreadyPaused));
    assert_eq!(sim.state().turn_elapsed(500_000), 20_000);
    assert_eq!(sim.state().phase_elapsed(500_000), 20_000);
    // Changing speaker while paused starts the new turn paused.
    sim.at(30).ok(Command::Next);
    assert_eq!(sim.state().turn_elapsed(500_000), 0);
    sim.at(100).ok(Command::Resume);
    assert_eq!(sim.run(Command::Resume), Err(Refusal::NotPaused));
    assert_eq!(sim.state().turn_elapsed(115_000), 15_000);
    assert_eq!(sim.state().phase_elapsed(115_000), 35_000);
    assert_eq!(sim.state().turn_remaining(115_000), Some(45_000));
}

#[test]
fn extend_adds_and_takes_minutes_but_never_below_zero() {
    let mut sim = Sim::started(); // info phase, 2 min
    sim.ok(Command::Extend { delta_ms: 60_000 });
    assert_eq!(sim.state().phase_remaining(0), Some(180_000));
    sim.ok(Command::Extend { delta_ms: -60_000 });
    sim.ok(Command::Extend { delta_ms: -60_000 });
    assert_eq!(sim.state().phase_remaining(0), Some(60_000));
    sim.ok(Command::Extend { delta_ms: -60_000 });
    assert_eq!(
        sim.run(Command::Extend { delta_ms: -60_000 }),
        Err(Refusal::NoTimeToTake)
    );
    assert_eq!(sim.state().phase_remaining(0), Some(0));
    assert_eq!(sim.state().phase_remaining(10_000), Some(-10_000));
}

#[test]
fn absent_people_are_left_out_and_late_arrivals_join_the_round() {
    let mut record = record_with(format());
    record.participants[1].present = false; // Mikko is away
    let mut sim = Sim::new(record);
    sim.ok(Command::Start);
    go_to(&mut sim, 1);
    assert!(!sim.lineup().contains(&"Mikko Korhonen".to_string()));
    assert_eq!(sim.state().seats_by_side(), [2, 4, 0]);
    sim.ok(Command::Next);
    let mikko = sim.id("Mikko Korhonen");
    sim.ok(Command::SetPresent {
        who: mikko,
        present: true,
    });
    assert_eq!(
        sim.lineup().last().map(String::as_str),
        Some("Mikko Korhonen")
    );
    // Leaving mid-round: Eetu is skipped.
    let eetu = sim.id("Eetu Nieminen");
    sim.ok(Command::SetPresent {
        who: eetu,
        present: false,
    });
    sim.ok(Command::Next);
    assert_eq!(sim.speaker().as_deref(), Some("Leena Mäkinen"));
    // A guest gets an id of their own and a place in the round.
    sim.ok(Command::AddGuest {
        name: "Olli Ojala".into(),
        role: Role::ExternalExpert,
    });
    let guest = sim.id("Olli Ojala");
    assert_eq!(guest.as_str(), "g1");
    assert!(sim.lineup().contains(&"Olli Ojala".to_string()));
    assert_eq!(sim.state().seats_by_side(), [1, 5, 1]);
}

#[test]
fn notes_attach_to_the_running_turn_or_the_last_one() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    assert_eq!(
        sim.run(Command::Note("x".into())),
        Err(Refusal::NoTurnToNote)
    );
    sim.ok(Command::Next);
    sim.ok(Command::Note("  Ruokala   liian täynnä ".into()));
    sim.at(30).ok(Command::EndTurn);
    assert_eq!(
        sim.state().turns[0].note.as_deref(),
        Some("Ruokala liian täynnä")
    );
    sim.ok(Command::Note("lisäys".into()));
    assert_eq!(sim.state().turns[0].note.as_deref(), Some("lisäys"));
    assert_eq!(
        sim.run(Command::Note("   ".into())),
        Err(Refusal::EmptyNote)
    );
}

#[test]
fn reopening_after_a_crash_counts_the_gap_as_paused() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(100).ok(Command::Next); // Aino starts at 100 s
    // parvi is killed; the last saved event is Aino's start. Reopen it from the file.
    let record = sim.meeting.record().clone();
    let mut again = Sim::new(record);
    again.now_ms = 100_000; // the meeting clock continues from the last event
    again.ok(Command::Reopen { gap_ms: 600_000 });
    assert!(again.state().paused);
    assert_eq!(again.speaker().as_deref(), Some("Aino Virtanen"));
    assert_eq!(again.state().turn_elapsed(999_000), 0);
    again.at(110).ok(Command::Resume);
    assert_eq!(again.state().turn_elapsed(130_000), 20_000);
}

#[test]
fn an_interruption_stops_the_clocks_at_the_moment_it_happened() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(0).ok(Command::Next);
    sim.at(45)
        .ok(Command::Interrupt(Interruption::TerminalClosed));
    assert_eq!(sim.state().turn_elapsed(1_000_000), 45_000);
    let mut again = Sim::new(sim.meeting.record().clone());
    again.now_ms = 45_000;
    again.ok(Command::Reopen { gap_ms: 30_000 });
    again.at(50).ok(Command::Resume);
    assert_eq!(again.state().turn_elapsed(60_000), 55_000);
}

#[test]
fn ending_closes_the_turn_and_the_phase_and_refuses_everything_after() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(0).ok(Command::Next);
    sim.at(30).ok(Command::End);
    assert_eq!(sim.state().status, Status::Ended);
    assert_eq!(sim.state().turns.len(), 1);
    assert_eq!(sim.state().turns[0].duration_ms, 30_000);
    assert_eq!(sim.run(Command::Next), Err(Refusal::Ended));
    assert_eq!(sim.run(Command::NextPhase), Err(Refusal::Ended));
    let last = sim.meeting.record().events.last().unwrap();
    assert_eq!(last.event, EventKind::MeetingEnded);
    assert!(sim.meeting.record().ended_at().is_some());
}

#[test]
fn next_phase_walks_the_agenda_and_stops_after_the_last_item() {
    let mut sim = Sim::started();
    for expected in 1..6 {
        sim.ok(Command::NextPhase);
        assert_eq!(sim.state().phase, Some(expected));
    }
    sim.ok(Command::NextPhase);
    assert_eq!(sim.state().phase, None);
    assert!(sim.state().progress.iter().all(|p| p.done));
    assert_eq!(sim.run(Command::NextPhase), Err(Refusal::LastPhase));
    assert_eq!(sim.run(Command::GoToPhase(9)), Err(Refusal::NoSuchPhase));
}

#[test]
fn airtime_by_side_sums_every_turn_including_the_running_one() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(0).ok(Command::Next); // Aino (student) 30 s
    sim.at(30).ok(Command::Next); // Mikko (staff) 60 s
    sim.at(90).ok(Command::Next); // Eetu (student rep) running
    let sides = sim.state().airtime_by_side(100_000);
    assert_eq!(sides[Side::Student as usize], 30_000 + 10_000);
    assert_eq!(sides[Side::Staff as usize], 60_000);
    assert_eq!(sides[Side::External as usize], 0);
    assert_eq!(sim.state().seats_by_side(), [2, 5, 0]);
}

#[test]
fn the_engine_never_lets_the_meeting_clock_run_backwards() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(50).ok(Command::Next);
    sim.at(20).ok(Command::Next); // the caller's clock went back 30 s
    let events = &sim.meeting.record().events;
    assert!(
        events
            .windows(2)
            .all(|w| w[0].mono_ms <= w[1].mono_ms && w[0].at <= w[1].at)
    );
    assert_eq!(sim.state().turns[0].duration_ms, 0);
}

#[test]
fn replaying_a_record_gives_the_same_state() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(3).ok(Command::Next);
    sim.at(9).ok(Command::Pass);
    sim.at(12).ok(Command::Pause);
    let json = serde_json::to_string(sim.meeting.record()).unwrap();
    let back: parvi::model::SessionRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(&MeetingState::replay(&back), sim.state());
}

#[test]
fn a_round_for_one_side_asks_only_that_side() {
    let mut f = format();
    f.phases[1].speakers = Some(Side::Student);
    let mut sim = Sim::new(record_with(f));
    sim.ok(Command::Start);
    go_to(&mut sim, 1);
    assert_eq!(sim.lineup(), ["Aino Virtanen", "Eetu Nieminen"]);
    // A staff guest arriving mid-round does not join a students' round.
    sim.ok(Command::AddGuest {
        name: "Olli Ojala".into(),
        role: Role::Teacher,
    });
    assert_eq!(sim.lineup().len(), 2);
}

#[test]
fn students_first_in_an_open_phase_gives_raised_student_hands_the_floor_first() {
    let mut f = format();
    f.phases[2].order = Some(OrderRule::StudentsFirst);
    let mut sim = Sim::new(record_with(f));
    sim.ok(Command::Start);
    go_to(&mut sim, 2);
    let mikko = sim.id("Mikko Korhonen");
    let eetu = sim.id("Eetu Nieminen");
    let leena = sim.id("Leena Mäkinen");
    let aino = sim.id("Aino Virtanen");
    for who in [&mikko, &eetu, &leena, &aino] {
        sim.ok(Command::RaiseHand(who.clone()));
    }
    assert_eq!(sim.state().queue(), [eetu, aino, mikko, leena]);
}
