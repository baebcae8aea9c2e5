//! Participation figures checked against cases computed by hand.

use crate::common;

use common::{Sim, format, record_with};
use parvi::model::metrics::{Figures, MIN_ROLE_SEATS, RoleRow, participation, role_rows, trend};
use parvi::model::{Command, Role, Side};

/// A round: Aino (student) 40 s, Mikko (teacher) 20 s, Eetu (student union) passes,
/// Leena (counsellor) 60 s; the other three present say nothing.
fn meeting() -> Sim {
    let mut sim = Sim::started();
    sim.ok(Command::GoToPhase(1));
    sim.at(0).ok(Command::Next);
    sim.at(40).ok(Command::Next); // Mikko
    sim.at(60).ok(Command::Next); // Eetu…
    sim.at(60).ok(Command::Pass); // …passes at once; Leena speaks
    sim.at(120).ok(Command::EndTurn);
    sim
}

#[test]
fn airtime_turns_and_passes_per_side_match_the_hand_count() {
    let sim = meeting();
    let p = participation(sim.state());
    let students = p.sides[Side::Student as usize];
    let staff = p.sides[Side::Staff as usize];
    assert_eq!(students.airtime_ms, 40_000);
    assert_eq!(staff.airtime_ms, 80_000);
    assert_eq!((students.seats, staff.seats), (2, 5));
    assert_eq!((students.turns, students.passes), (1, 1));
    assert_eq!((staff.turns, staff.passes), (2, 0));
    assert_eq!(p.total.airtime_ms, 120_000);
    // 40 of 120 seconds against 2 of 7 seats.
    assert!((p.airtime_share(Side::Student).unwrap() - 1.0 / 3.0).abs() < 1e-12);
    assert!((p.seat_share(Side::Student).unwrap() - 2.0 / 7.0).abs() < 1e-12);
}

#[test]
fn no_role_row_stands_for_fewer_than_three_people() {
    // Present: Aino (student) and Eetu (student union), and five staff in five roles, one
    // each. Leena the counsellor alone spoke 60 s: no row may say so.
    let p = participation(meeting().state());
    assert!(p.roles_folded);
    assert_eq!(
        p.roles,
        vec![(
            RoleRow::AllRoles(Side::Staff),
            p.sides[Side::Staff as usize]
        )],
        "the staff's roles fold into one row; the students, two people, have none"
    );
    assert!(p.roles.iter().all(|(_, f)| f.seats >= MIN_ROLE_SEATS));
    assert_eq!(
        p.row_of(Role::GuidanceCounsellor),
        Some(RoleRow::AllRoles(Side::Staff))
    );
}

#[test]
fn roles_of_three_keep_their_row_and_a_side_of_two_is_left_out() {
    let f = |seats: usize, airtime_ms: u64| Figures {
        seats,
        airtime_ms,
        ..Figures::default()
    };
    let by_role = [
        (Role::Student, f(4, 10)),
        (Role::Teacher, f(3, 20)),
        (Role::GuidanceCounsellor, f(4, 30)),
        (Role::Nurse, f(1, 40)),
        (Role::Guardian, f(2, 50)),
    ];
    let (rows, folded) = role_rows(&by_role);
    assert!(folded);
    // The nurse alone would be "other staff roles" of one: the smaller of the two staff roles
    // shown joins her, and the two guardians, a side of two, are not shown at all.
    assert_eq!(
        rows,
        vec![
            (RoleRow::Role(Role::Student), f(4, 10)),
            (RoleRow::Role(Role::GuidanceCounsellor), f(4, 30)),
            (RoleRow::OtherRoles(Side::Staff), f(4, 60)),
        ]
    );
    let (rows, folded) = role_rows(&[(Role::Student, f(3, 10)), (Role::Teacher, f(5, 0))]);
    assert!(!folded);
    assert_eq!(rows.len(), 2);
}

#[test]
fn the_equity_index_is_one_minus_the_gini_of_airtime_among_those_present() {
    let sim = meeting();
    let p = participation(sim.state());
    // Airtime of the seven present: 40, 20, 0, 60, 0, 0, 0 (s). Sorted: 0,0,0,0,20,40,60;
    // Gini = Σ (2i − n + 1)·x / (n · Σx) = (2·20 + 4·40 + 6·60) / (7 · 120) = 560 / 840.
    let expected = 1.0 - 560.0 / 840.0;
    assert!(
        (p.equity.unwrap() - expected).abs() < 1e-12,
        "{:?}",
        p.equity
    );
}

#[test]
fn equal_turns_for_everyone_give_an_equity_of_one() {
    let mut sim = Sim::started();
    sim.ok(Command::GoToPhase(1));
    let mut t = 0;
    sim.at(t).ok(Command::Next);
    for _ in 0..7 {
        t += 30;
        sim.at(t).ok(Command::Next);
    }
    let p = participation(sim.state());
    assert_eq!(p.equity, Some(1.0));
}

#[test]
fn attributed_ideas_count_as_contributions_anonymous_ones_do_not() {
    let mut f = format();
    let mut ideas = common::phase("ideas", parvi::model::PhaseKind::Ideas, 5);
    ideas.attributed = true;
    f.phases.push(ideas);
    let mut sim = Sim::new(record_with(f));
    sim.ok(Command::Start);
    sim.ok(Command::GoToPhase(6));
    let aino = sim.id("Aino Virtanen");
    sim.ok(Command::AddIdea {
        text: "Idea".into(),
        author: Some(aino),
    });
    sim.ok(Command::AddIdea {
        text: "Nimetön".into(),
        author: None,
    });
    let p = participation(sim.state());
    assert_eq!(p.sides[Side::Student as usize].contributions, 1);
    assert_eq!(p.total.contributions, 1);
}

#[test]
fn the_trend_lists_meetings_oldest_first() {
    let late = meeting().meeting.record().clone();
    let mut early = late.clone();
    early.id = uuid::Uuid::from_u128(9);
    for e in &mut early.events {
        e.at -= jiff::SignedDuration::from_hours(24 * 30);
    }
    let points = trend(&[late, early]);
    assert_eq!(points.len(), 2);
    assert_eq!(points[0].session, uuid::Uuid::from_u128(9));
    assert!((points[1].student_airtime.unwrap() - 1.0 / 3.0).abs() < 1e-12);
}

#[test]
fn a_groups_totals_add_up_the_meetings_and_average_their_equity() {
    use parvi::model::metrics::combined;
    // Meeting A (above): students 40 s of 120 s, 2 of 7 seats, equity 1 − 560/840 = 1/3.
    let a = participation(meeting().state());
    // Meeting B: all seven speak 30 s each; the students (Aino, and Eetu of the student
    // union) 60 s of 210 s; equity 1.
    let mut sim = Sim::started();
    sim.ok(Command::GoToPhase(1));
    let mut t = 0;
    sim.at(t).ok(Command::Next);
    for _ in 0..7 {
        t += 30;
        sim.at(t).ok(Command::Next);
    }
    let b = participation(sim.state());
    assert_eq!(b.sides[Side::Student as usize].airtime_ms, 60_000);
    let total = combined(&[a, b]);
    let students = total.sides[Side::Student as usize];
    // 100 s of 330 s spoken, against 4 of 14 seats (person-meetings).
    assert_eq!(students.airtime_ms, 100_000);
    assert_eq!(total.total.airtime_ms, 330_000);
    assert_eq!((students.seats, total.total.seats), (4, 14));
    assert_eq!((students.turns, students.passes), (3, 1));
    assert!((total.airtime_share(Side::Student).unwrap() - 100.0 / 330.0).abs() < 1e-12);
    assert!((total.seat_share(Side::Student).unwrap() - 4.0 / 14.0).abs() < 1e-12);
    // The mean of 1/3 and 1.
    assert!(
        (total.equity.unwrap() - 2.0 / 3.0).abs() < 1e-12,
        "{:?}",
        total.equity
    );
    // Each meeting folds its one-person staff roles: 80 s and 5 × 30 s.
    let staff = total
        .roles
        .iter()
        .find(|(r, _)| *r == RoleRow::AllRoles(Side::Staff))
        .unwrap()
        .1;
    assert_eq!((staff.seats, staff.airtime_ms), (10, 230_000));
    assert_eq!(total.roles.len(), 1);
    assert_eq!(combined(&[]).equity, None);
}

#[test]
fn someone_who_left_early_keeps_their_seat_in_the_figures() {
    let mut sim = meeting();
    let leena = sim.id("Leena Mäkinen");
    sim.ok(Command::SetPresent {
        who: leena,
        present: false,
    });
    let p = participation(sim.state());
    assert_eq!(p.sides[Side::Staff as usize].seats, 5);
    assert_eq!(p.sides[Side::Staff as usize].airtime_ms, 80_000);
}
