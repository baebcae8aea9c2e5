//! The meeting engine on a synthetic timeline: order rules, passing and returning, going back,
//! the hand queue, pause and extend, attendance, reopening, and airtime sums.

use crate::common;

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

/// The finished turns of one person, by name.
fn turns_of<'a>(sim: &'a Sim, name: &str) -> Vec<&'a parvi::model::engine::TurnRecord> {
    let id = sim.id(name);
    sim.state()
        .turns
        .iter()
        .filter(|t| t.speaker == id)
        .collect()
}

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
    // Aino's one turn goes on (20 s + 8 s); Mikko's two seconds started by mistake were
    // nobody's airtime and no turn of his.
    assert_eq!(airtime[&sim.id("Aino Virtanen")], 28_000);
    assert_eq!(airtime[&sim.id("Mikko Korhonen")], 10_000);
    let aino = sim.id("Aino Virtanen");
    assert_eq!(
        sim.state()
            .turns
            .iter()
            .filter(|t| t.speaker == aino)
            .count(),
        1
    );
    let events = &sim.meeting.record().events;
    assert!(
        events
            .iter()
            .any(|e| matches!(e.event, EventKind::TurnWithdrawn { .. })),
        "the log says the turn was taken back"
    );
    assert_eq!(&MeetingState::replay(sim.meeting.record()), sim.state());
}

/// The trial of issue 9: in the return to those who passed, Space starts the one who passed,
/// `b` within a second, Space again, and `s`. The one who only ever passed is not heard,
/// no turn without a pass mark is left of them, and the one before is one turn, not two.
#[test]
fn back_in_the_return_to_those_who_passed_never_counts_the_passer_as_heard() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(0).ok(Command::Next); // Aino
    sim.at(30).ok(Command::Pass); // Aino was speaking, passes; Mikko starts
    sim.at(60).ok(Command::Next); // Eetu
    sim.at(90).ok(Command::Next); // Leena
    sim.at(120).ok(Command::Next); // Sari
    sim.at(150).ok(Command::Next); // Päivi
    sim.at(180).ok(Command::Next); // Jukka, the last of the first pass
    assert_eq!(sim.speaker().as_deref(), Some("Jukka Heikkinen"));
    sim.at(210).ok(Command::Next); // the return: Aino again
    assert_eq!(sim.speaker().as_deref(), Some("Aino Virtanen"));
    sim.now_ms = 210_860;
    sim.ok(Command::Back); // 0.86 s later: Jukka was not done
    assert_eq!(sim.speaker().as_deref(), Some("Jukka Heikkinen"));
    sim.at(220).ok(Command::Next); // Jukka done; Aino asked again
    assert_eq!(sim.speaker().as_deref(), Some("Aino Virtanen"));
    sim.at(221).ok(Command::Pass); // and she passes

    let state = sim.state();
    let aino = sim.id("Aino Virtanen");
    assert!(!state.has_spoken(&aino), "Aino only ever passed");
    assert!(
        state.not_spoken_yet().iter().any(|p| p.id == aino),
        "Aino is still 'not heard yet'"
    );
    assert!(
        state.turns.iter().all(|t| t.speaker != aino || t.passed),
        "no turn of Aino's without a pass mark: {:?}",
        state.turns
    );
    let jukkas = turns_of(&sim, "Jukka Heikkinen");
    assert_eq!(jukkas.len(), 1, "Jukka spoke once");
    // 30 s before Space, 9.14 s after Back (210.86 → 220).
    assert_eq!(jukkas[0].duration_ms, 30_000 + 9_140);
    assert!(state.round_complete());
    assert_eq!(&MeetingState::replay(sim.meeting.record()), state);
}

#[test]
fn back_after_a_real_turn_keeps_it_and_gives_the_previous_speaker_another() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(0).ok(Command::Next); // Aino
    sim.at(20).ok(Command::Next); // Mikko speaks 25 s
    sim.at(45).ok(Command::Back); // Aino wants to add something
    assert_eq!(sim.speaker().as_deref(), Some("Aino Virtanen"));
    sim.at(55).ok(Command::Next);
    // Mikko's words stay his, and the round comes back to him.
    assert_eq!(sim.speaker().as_deref(), Some("Mikko Korhonen"));
    let airtime = sim.state().airtime(55_000);
    assert_eq!(airtime[&sim.id("Aino Virtanen")], 30_000);
    assert_eq!(airtime[&sim.id("Mikko Korhonen")], 25_000);
    assert!(sim.state().has_spoken(&sim.id("Mikko Korhonen")));
}

#[test]
fn back_just_after_a_turn_ended_lets_the_same_turn_go_on() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(0).ok(Command::Next); // Aino
    sim.at(20).ok(Command::EndTurn); // `e` a little early
    sim.at(23).ok(Command::Back);
    assert_eq!(sim.speaker().as_deref(), Some("Aino Virtanen"));
    sim.at(33).ok(Command::EndTurn);
    let turns = turns_of(&sim, "Aino Virtanen");
    assert_eq!(turns.len(), 1);
    assert_eq!(turns[0].duration_ms, 30_000);
    assert_eq!(sim.next_up().as_deref(), Some("Mikko Korhonen"));
}

#[test]
fn back_after_a_pass_by_mistake_gives_the_floor_back_without_the_pass_mark() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(0).ok(Command::Pass); // Aino "passes" before starting: a slip of the key
    assert_eq!(sim.next_up().as_deref(), Some("Mikko Korhonen"));
    sim.at(2).ok(Command::Back);
    assert_eq!(sim.speaker().as_deref(), Some("Aino Virtanen"));
    sim.at(32).ok(Command::Next);
    let turns = turns_of(&sim, "Aino Virtanen");
    assert_eq!(turns.len(), 1);
    assert!(!turns[0].passed);
    assert_eq!(turns[0].duration_ms, 30_000);
    assert!(sim.state().passers().is_empty());
}

#[test]
fn back_on_the_first_turn_of_a_round_takes_it_back() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(0).ok(Command::Next); // Space pressed once too often
    sim.now_ms = 500;
    sim.ok(Command::Back);
    assert_eq!(sim.speaker(), None);
    assert_eq!(sim.next_up().as_deref(), Some("Aino Virtanen"));
    assert!(sim.state().turns.is_empty());
    assert!(!sim.state().has_spoken(&sim.id("Aino Virtanen")));
}

/// Every other key that starts or ends a turn, on one timeline: each turn it leaves is one
/// that happened, with its whole time, and nobody is skipped or asked twice.
#[test]
fn every_key_that_starts_or_ends_a_turn_leaves_true_turns() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(0).ok(Command::Next); // Aino
    sim.at(10).ok(Command::EndTurn); // e
    assert_eq!(sim.speaker(), None);
    sim.at(20).ok(Command::Next); // Mikko (the gap is nobody's)
    let mikko = sim.id("Mikko Korhonen");
    sim.at(50).ok(Command::SetPresent {
        who: mikko,
        present: false,
    }); // Mikko leaves mid-turn: his 30 s stay his
    assert_eq!(sim.speaker(), None);
    sim.at(60).ok(Command::GoToPhase(2)); // g to the open discussion
    let (eetu, leena, sari) = (
        sim.id("Eetu Nieminen"),
        sim.id("Leena Mäkinen"),
        sim.id("Sari Lehtonen"),
    );
    sim.at(61).ok(Command::RaiseHand(eetu));
    sim.at(62).ok(Command::RaiseHand(leena));
    sim.at(63).ok(Command::Next); // Space: Eetu
    sim.at(83).ok(Command::Next); // Space: Leena
    sim.at(93).ok(Command::GiveFloor(sari)); // f
    sim.at(100).ok(Command::NextPhase); // n while Sari speaks: her 7 s are hers
    let state = sim.state();
    let seconds = |name: &str| state.airtime(100_000).get(&sim.id(name)).copied();
    assert_eq!(seconds("Aino Virtanen"), Some(10_000));
    assert_eq!(seconds("Mikko Korhonen"), Some(30_000));
    assert_eq!(seconds("Eetu Nieminen"), Some(20_000));
    assert_eq!(seconds("Leena Mäkinen"), Some(10_000));
    assert_eq!(seconds("Sari Lehtonen"), Some(7_000));
    assert_eq!(state.turns.len(), 5);
    assert!(state.turns.iter().all(|t| !t.passed));
    assert_eq!(&MeetingState::replay(sim.meeting.record()), state);
}

/// Someone arriving while those who passed are asked again is asked too, after them; the
/// one speaking is not asked twice.
#[test]
fn a_late_arrival_during_the_return_to_those_who_passed_gets_a_turn_after_it() {
    let mut f = format();
    f.phases[1] = round("check_in", OrderRule::Seating, 60);
    let mut record = record_with(f);
    let late = record.participants[6].id.clone(); // Jukka is late
    record.participants[6].present = false;
    let mut sim = Sim::new(record);
    sim.ok(Command::Start);
    go_to(&mut sim, 1);
    sim.at(0).ok(Command::Pass); // Aino passes
    for s in 1..=5 {
        sim.at(s * 10).ok(Command::Next); // Mikko … Päivi
    }
    sim.at(60).ok(Command::Next); // Päivi done: back to Aino
    assert_eq!(sim.speaker().as_deref(), Some("Aino Virtanen"));
    sim.at(65).ok(Command::SetPresent {
        who: late.clone(),
        present: true,
    });
    sim.at(80).ok(Command::Next); // Aino done: Jukka next, not Aino again
    assert_eq!(sim.speaker().as_deref(), Some("Jukka Heikkinen"));
    sim.at(90).ok(Command::Next);
    assert_eq!(sim.speaker(), None);
    assert!(sim.state().round_complete());
    let aino = sim.id("Aino Virtanen");
    assert_eq!(
        sim.state()
            .turns
            .iter()
            .filter(|t| t.speaker == aino && !t.passed)
            .count(),
        1
    );
}

#[test]
fn someone_who_left_before_their_turn_and_came_back_is_still_asked() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    let eetu = sim.id("Eetu Nieminen");
    sim.at(0).ok(Command::SetPresent {
        who: eetu.clone(),
        present: false,
    });
    sim.at(1).ok(Command::Next); // Aino
    sim.at(10).ok(Command::Next); // Mikko
    sim.at(20).ok(Command::Next); // Leena: Eetu's place went by
    sim.at(25).ok(Command::SetPresent {
        who: eetu.clone(),
        present: true,
    });
    for s in [30, 40, 50] {
        sim.at(s).ok(Command::Next); // Sari, Päivi, Jukka
    }
    sim.at(60).ok(Command::Next);
    assert_eq!(sim.speaker().as_deref(), Some("Eetu Nieminen"));
    sim.at(70).ok(Command::Next);
    assert!(sim.state().round_complete());
    assert!(sim.state().not_spoken_yet().is_empty());
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

/// Reading and replaying the file takes a moment, so the reopen is stamped a little after
/// the last saved event; that moment is nobody's speaking time.
#[test]
fn the_moment_parvi_takes_to_reopen_is_not_counted_as_speaking() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(100).ok(Command::Next); // Aino starts at 100 s
    let phase_at_kill = sim.state().phase_elapsed(100_000);
    let record = sim.meeting.record().clone();
    let mut again = Sim::new(record);
    again.now_ms = 100_350; // 350 ms after the last saved event
    again.ok(Command::Reopen { gap_ms: 600_000 });
    assert_eq!(again.state().turn_elapsed(999_000), 0);
    assert_eq!(again.state().phase_elapsed(999_000), phase_at_kill);
}

/// kill -9 ten seconds into a turn: the heartbeat saved on the timer's own wake-ups means
/// the seconds up to it count as spoken; only the rest is the gap.
#[test]
fn a_heartbeat_keeps_the_spoken_time_before_a_crash() {
    let mut sim = Sim::started();
    go_to(&mut sim, 1);
    sim.at(100).ok(Command::Next); // Aino starts at 100 s
    // The loop wakes once a second; a heartbeat is written only every ten.
    let mut written = 0;
    for s in 101..=115 {
        sim.at(s);
        let stamp = sim.stamp();
        written += usize::from(sim.meeting.heartbeat(stamp));
    }
    assert_eq!(written, 1, "one heartbeat in 15 s, at 110 s");
    sim.at(121);
    let stamp = sim.stamp();
    assert!(sim.meeting.heartbeat(stamp));
    let beats = |sim: &Sim| {
        sim.meeting
            .record()
            .events
            .iter()
            .filter(|e| e.event == EventKind::Heartbeat)
            .count()
    };
    assert_eq!(beats(&sim), 1, "a heartbeat after a heartbeat replaces it");
    // killed at 125 s: the file holds the heartbeat of 121 s.
    let record = sim.meeting.record().clone();
    assert!(record.oddities().is_empty(), "{:?}", record.oddities());
    let mut again = Sim::new(record);
    again.now_ms = 121_000; // the meeting clock continues from the last saved event
    again.ok(Command::Reopen { gap_ms: 600_000 });
    assert_eq!(again.state().turn_elapsed(999_000), 21_000);
    // Paused time writes no heartbeat.
    again.at(200);
    let stamp = again.stamp();
    assert!(!again.meeting.heartbeat(stamp));
    // A real event after a heartbeat follows it in order.
    again.at(201).ok(Command::Resume);
    let seqs: Vec<u64> = again
        .meeting
        .record()
        .events
        .iter()
        .map(|e| e.seq)
        .collect();
    assert!(seqs.windows(2).all(|w| w[1] == w[0] + 1), "{seqs:?}");
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

/// The wellbeing meeting's "Today: …" line is built from this meeting's agenda: an item
/// dropped is not announced, a moved one is named where it now is, and an added one is named.
#[test]
fn the_today_line_names_this_meetings_agenda_after_drops_and_moves() {
    use parvi::i18n::Lang;
    use parvi::model::format::phase_text;
    let wellbeing = common::builtin("hyvinvointiryhma");
    let mut agenda = wellbeing.phases.clone();
    let at = |agenda: &[parvi::model::Phase], id: &str| {
        agenda.iter().position(|p| p.id == id).expect(id)
    };
    let today = |agenda: &[parvi::model::Phase], lang| {
        let index = agenda.iter().position(|p| p.id == "agenda").unwrap();
        phase_text(agenda, index, lang)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        today(&agenda, Lang::Fi),
        "Tänään: Alkukierros · Edellisen kokouksen toimenpiteet · Päivän teema: opiskelijat ensin · \
         Tauko · Yhteinen keskustelu · Ideat talteen · Pisteäänestys · Päätökset · Toimenpiteet · \
         Muut asiat ja seuraava kokous · Loppukierros."
    );
    // The break is dropped and the open discussion moved before the theme round.
    agenda.remove(at(&agenda, "break"));
    let discussion = agenda.remove(at(&agenda, "discussion"));
    agenda.insert(at(&agenda, "theme"), discussion);
    let line = today(&agenda, Lang::Fi);
    assert!(!line.contains("Tauko"), "{line}");
    assert!(
        line.contains("Yhteinen keskustelu · Päivän teema"),
        "{line}"
    );
    let line = today(&agenda, Lang::Sv);
    assert!(line.starts_with("I dag: Incheckning ·"), "{line}");
    assert!(!line.contains("Paus"), "{line}");
    // The other lines of the text are the format's own.
    let index = at(&agenda, "agenda");
    assert!(phase_text(&agenda, index, Lang::Fi).contains("Vuoron voi aina ohittaa."));
}

/// A text that names the items to come lists only those after it, as the agenda now stands.
#[test]
fn an_order_line_lists_the_items_after_it() {
    use parvi::i18n::Lang;
    use parvi::model::format::phase_text;
    let consent = common::builtin("suostumuspaatos");
    let mut agenda = consent.phases.clone();
    agenda.retain(|p| p.id != "amend");
    let text = phase_text(&agenda, 0, Lang::En);
    assert!(
        text.contains(
            "Order: Clarifying questions · Reaction round · Fist of five · Decision · Actions."
        ),
        "{text}"
    );
}
