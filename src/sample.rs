//! The bundled sample: a site wellbeing group and a few of its meetings, for the demo and
//! for anyone trying parvi out, plus the simulator that made the meetings.
//!
//! The files under `sessions/sample/` are generated from this module (a test checks they
//! are up to date) and embedded in the binary so the app can offer them on an empty data
//! directory. The simulator is pure: the same seed gives the same meeting, byte for byte.

use jiff::{SignedDuration, Timestamp};
use uuid::Uuid;

use crate::model::random::SplitMix64;
use crate::model::{
    Command, Format, Group, GroupKind, Meeting, PhaseKind, Role, SessionRecord, Side, Stamp,
};

/// The sample group file, as committed under `sessions/sample/groups/`.
pub const GROUP_JSON: &str =
    include_str!("../sessions/sample/groups/hyvinvointiryhma-kotkan-kampus-7c1e.json");

/// The sample meeting files, as committed under `sessions/sample/sessions/`.
pub const SESSION_FILES: &[(&str, &str)] = &[
    (
        "2026-09-08_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a01.json",
        include_str!(
            "../sessions/sample/sessions/2026-09-08_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a01.json"
        ),
    ),
    (
        "2026-10-06_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a02.json",
        include_str!(
            "../sessions/sample/sessions/2026-10-06_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a02.json"
        ),
    ),
    (
        "2026-11-03_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a03.json",
        include_str!(
            "../sessions/sample/sessions/2026-11-03_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a03.json"
        ),
    ),
];

/// The sample group: Kotka campus's site wellbeing group, three students among nine.
pub fn group() -> Group {
    let mut g = Group::new(
        "Hyvinvointiryhmä, Kotkan kampus",
        GroupKind::SiteWellbeing,
        "Kotkan kampus",
        "7c1e",
    )
    .expect("the sample name is valid");
    for (name, role) in [
        ("Aino Virtanen", Role::Student),
        ("Mikko Korhonen", Role::Teacher),
        ("Eetu Nieminen", Role::StudentUnionRep),
        ("Leena Mäkinen", Role::GuidanceCounsellor),
        ("Sofia Laine", Role::Student),
        ("Sari Lehtonen", Role::SchoolSocialWorker),
        ("Päivi Äijälä", Role::Nurse),
        ("Hanna Salo", Role::SpecialNeedsTeacher),
        ("Jukka Heikkinen", Role::Management),
    ] {
        g.add_member(name, role)
            .expect("sample members are distinct");
    }
    g
}

/// How a simulated group behaves: how long each side tends to speak, relative to the turn
/// time, and how often students pass.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Share of the turn time a student typically uses, in percent.
    pub student_talk: u64,
    /// Share of the turn time staff typically use, in percent (over 100 means overrunning).
    pub staff_talk: u64,
    /// Chance in percent that a student passes in a round.
    pub student_pass: u64,
    /// Chance in percent that a student raises a hand in an open phase.
    pub student_hands: u64,
}

impl Style {
    /// The "traditional" meeting the schools describe: staff talk, students comment briefly.
    pub const CHAIR_LED: Style = Style {
        student_talk: 30,
        staff_talk: 130,
        student_pass: 35,
        student_hands: 10,
    };
    /// A meeting where structure gives everyone room.
    pub const BALANCED: Style = Style {
        student_talk: 85,
        staff_talk: 90,
        student_pass: 10,
        student_hands: 45,
    };
}

/// Dice for the simulation.
struct Dice(SplitMix64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0.below(n)
    }

    /// True with `percent` chance.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// Drives a [`Meeting`] on a simulated clock.
struct Simulation {
    meeting: Meeting,
    start: Timestamp,
    now_ms: u64,
    dice: Dice,
    style: Style,
}

impl Simulation {
    fn stamp(&self) -> Stamp {
        Stamp {
            at: self.start + SignedDuration::from_millis(self.now_ms as i64),
            mono_ms: self.now_ms,
        }
    }

    fn run(&mut self, command: Command) -> bool {
        let stamp = self.stamp();
        let seed = self.dice.next();
        self.meeting.execute(command, stamp, seed).is_ok()
    }

    fn wait(&mut self, ms: u64) {
        self.now_ms += ms;
    }

    fn side_of(&self, id: &crate::model::MemberId) -> Side {
        self.meeting
            .state()
            .person(id)
            .map_or(Side::Staff, |p| p.role.side())
    }

    /// How long someone of `side` talks on a turn of `turn_ms`.
    fn talk_ms(&mut self, side: Side, turn_ms: u64) -> u64 {
        let share = match side {
            Side::Student => self.style.student_talk,
            _ => self.style.staff_talk,
        };
        let base = turn_ms * share / 100;
        // ±40 % around the typical length, at least 4 s.
        let spread = base * 4 / 10;
        (base - spread + self.dice.below(2 * spread + 1)).max(4_000)
    }

    fn round(&mut self, turn_ms: u64, notes: &[&str]) {
        let mut noted = 0;
        loop {
            let state = self.meeting.state();
            if state.round_complete() {
                break;
            }
            // Next up, or (at the end of the order) the first of those who passed.
            let returning = state.next_up().is_none();
            let next = match state.next_up() {
                Some((_, id)) => id,
                None => match state.passers().first() {
                    Some(id) => id.clone(),
                    None => break,
                },
            };
            let side = self.side_of(&next);
            let pass_chance = if returning {
                self.style.student_pass / 2
            } else {
                self.style.student_pass
            };
            if side == Side::Student && self.dice.chance(pass_chance) {
                self.wait(2_000);
                if !self.run(Command::Pass) {
                    break;
                }
                continue;
            }
            if !self.run(Command::Next) {
                break;
            }
            let talk = self.talk_ms(side, turn_ms);
            self.wait(talk);
            if noted < notes.len() && self.dice.chance(30) {
                self.run(Command::Note(notes[noted].to_string()));
                noted += 1;
            }
            self.run(Command::EndTurn);
            let pause = 1_500 + self.dice.below(2_500);
            self.wait(pause);
        }
    }

    fn open(&mut self, timebox_ms: u64, turn_ms: u64) {
        let end = self.now_ms + timebox_ms;
        let people: Vec<(crate::model::MemberId, Side)> = self
            .meeting
            .state()
            .present()
            .map(|p| (p.id.clone(), p.role.side()))
            .collect();
        while self.now_ms < end {
            for (id, side) in &people {
                let chance = if *side == Side::Student {
                    self.style.student_hands
                } else {
                    35
                };
                if self.dice.chance(chance) {
                    self.run(Command::RaiseHand(id.clone()));
                }
            }
            if !self.run(Command::Next) {
                self.wait(20_000);
                continue;
            }
            let speaker = self
                .meeting
                .state()
                .turn
                .as_ref()
                .map(|t| t.speaker.clone());
            let side = speaker.map_or(Side::Staff, |s| self.side_of(&s));
            let talk = self.talk_ms(side, turn_ms);
            self.wait(talk);
            self.run(Command::EndTurn);
            self.wait(2_000);
        }
    }
}

/// Notes a facilitator might jot on turns, about the community (never about a person).
const NOTES: &[&str] = &[
    "Ruokalan jonot ovat liian pitkät välitunnilla",
    "Toive: hiljainen tila opiskelulle",
    "Opiskelijakunta voisi esitellä toimintaansa aamunavauksessa",
    "Ryhmänohjaajan tunnit koetaan hyödyllisiksi",
    "Liikuntatilat iltaisin käyttöön?",
];

/// What to simulate: which meeting, when, who is away, and how the group behaves.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    pub id: Uuid,
    pub group: &'a Group,
    pub format: &'a Format,
    pub topic: &'a str,
    pub start: Timestamp,
    /// Names of members who are away.
    pub absent: &'a [&'a str],
    pub style: Style,
    pub seed: u64,
}

/// Simulates a whole meeting. The same plan always gives the same record.
pub fn simulate(plan: &Plan) -> SessionRecord {
    let Plan {
        id,
        group,
        format,
        topic,
        start,
        absent,
        style,
        seed,
    } = plan.clone();
    let record = SessionRecord::new(id, start, topic, group, format, |m| {
        absent.contains(&m.name.as_str())
    });
    let mut sim = Simulation {
        meeting: Meeting::new(record),
        start,
        now_ms: 0,
        dice: Dice(SplitMix64(seed)),
        style,
    };
    sim.run(Command::Start);
    for index in 0..format.phases.len() {
        let phase = &format.phases[index];
        let timebox = phase.timebox_ms();
        let turn = phase.turn_ms().unwrap_or(90_000);
        match phase.kind {
            PhaseKind::Round => sim.round(turn, NOTES),
            PhaseKind::Open => sim.open(timebox, turn),
            _ => {
                // Info and breaks take roughly their timebox, sometimes a little more.
                let extra = sim.dice.below(timebox / 5 + 1);
                sim.wait(timebox + extra);
            }
        }
        if index + 1 < format.phases.len() {
            sim.run(Command::NextPhase);
        }
    }
    sim.wait(30_000);
    sim.run(Command::End);
    sim.meeting.into_record()
}

/// The sample meetings, exactly as committed under `sessions/sample/sessions/`.
pub fn meetings() -> Vec<SessionRecord> {
    let group = group();
    let formats = crate::store::formats::builtin();
    let format = |name: &str| {
        formats
            .iter()
            .find(|f| f.name == name)
            .cloned()
            .expect("the built-in formats include the sample's")
    };
    let at = |s: &str| s.parse::<Timestamp>().expect("sample times are valid");
    let id = |n: u128| Uuid::from_u128(0x5a3f0c2e_8d41_4c6b_9f2a_1b7e6d9c0a00 + n);
    vec![
        simulate(&Plan {
            id: id(1),
            group: &group,
            format: &format("hyvinvointiryhma"),
            topic: "Lukuvuoden aloitus: mikä toimii, mikä ei",
            start: at("2026-09-08T11:00:00Z"),
            absent: &["Hanna Salo"],
            style: Style::CHAIR_LED,
            seed: 1,
        }),
        simulate(&Plan {
            id: id(2),
            group: &group,
            format: &format("eratauko"),
            topic: "Milloin sinua on viimeksi kuunneltu oppilaitoksessa?",
            start: at("2026-10-06T11:00:00Z"),
            absent: &[],
            style: Style::BALANCED,
            seed: 2,
        }),
        simulate(&Plan {
            id: id(3),
            group: &group,
            format: &format("hyvinvointiryhma"),
            topic: "Ruokala ja välitunnit",
            start: at("2026-11-03T11:00:00Z"),
            absent: &["Jukka Heikkinen"],
            style: Style::BALANCED,
            seed: 3,
        }),
    ]
}
