//! The simulator that made the bundled sample's meetings, and makes meetings for the tests
//! and benchmarks: a group that behaves in a given style goes through a format's agenda.
//!
//! Built only for the tests and benchmarks (the `simulator` feature): the app itself only
//! needs the files it made, embedded in `crate::store::sample`. The simulator is pure:
//! the same seed gives the same meeting, byte for byte.

use jiff::{SignedDuration, Timestamp};
use uuid::Uuid;

use crate::model::clock::YearClock;
use crate::model::random::SplitMix64;
use crate::model::{
    Command, Format, Group, GroupKind, Meeting, PhaseKind, Role, SessionRecord, Side, Stamp,
};

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

    /// Runs a command that takes nothing from chance (the year clock's) without a throw of
    /// the dice, so that a walk through the clock leaves the rest of the meeting as it was.
    fn run_unseeded(&mut self, command: Command) -> bool {
        let stamp = self.stamp();
        self.meeting.execute(command, stamp, 0).is_ok()
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

    /// Writes `count` ideas from the pool, a little apart, none twice in one meeting (a
    /// repeated idea would look like a slip in the sample's minutes).
    fn write_ideas(&mut self, count: u64, timebox_ms: u64) {
        for _ in 0..count {
            let drawn = self.dice.below(IDEAS.len() as u64) as usize;
            let written: Vec<String> = self
                .meeting
                .state()
                .live_ideas()
                .map(|i| i.text.clone())
                .collect();
            let text = (0..IDEAS.len())
                .map(|k| IDEAS[(drawn + k) % IDEAS.len()])
                .find(|t| !written.iter().any(|w| w == t))
                .unwrap_or(IDEAS[drawn]);
            self.wait(timebox_ms / (count + 1));
            self.run(Command::AddIdea {
                text: text.to_string(),
                author: None,
            });
        }
    }

    /// Puts the ideas into the pool's themes.
    fn group_ideas(&mut self, timebox_ms: u64) {
        for name in THEMES {
            self.run(Command::AddTheme((*name).to_string()));
        }
        let ideas: Vec<u32> = self.meeting.state().live_ideas().map(|i| i.id).collect();
        for idea in ideas {
            let theme = self.dice.below(THEMES.len() as u64) as u32 + 1;
            self.wait(timebox_ms / 12);
            self.run(Command::SetTheme {
                idea,
                theme: Some(theme),
            });
        }
    }

    /// Opens the phase's vote, has everyone present cast a ballot, and closes it.
    fn vote(&mut self, timebox_ms: u64) {
        use crate::model::vote::{Ballot, VoteKind, VoteOption, YesNo};
        let state = self.meeting.state();
        let Some(spec) = state.current_phase().and_then(|p| p.vote.clone()) else {
            return;
        };
        let mut options = state.default_options();
        if spec.kind == VoteKind::Pulse {
            options = vec![VoteOption {
                // The catalogue's question, as the app opens the pulse (the simulator stays
                // below the catalogue's layer, so its words are written here).
                label: "Kuinka hyvin tulit tänään kuulluksi?".to_string(),
                idea: None,
                theme: None,
            }];
        } else if options.len() < 2 {
            options = IDEAS[..3]
                .iter()
                .map(|label| VoteOption {
                    label: (*label).to_string(),
                    idea: None,
                    theme: None,
                })
                .collect();
        }
        self.run(Command::OpenVote(options));
        let Some(vote) = self.meeting.state().open_vote().cloned() else {
            return;
        };
        let voters: Vec<Side> = self
            .meeting
            .state()
            .present()
            .map(|p| p.role.side())
            .collect();
        let n = vote.options.len();
        for side in voters {
            let ballot = match spec.kind {
                VoteKind::Dots => {
                    let mut dots = vec![0u32; n];
                    // Spread the budget, preferring the first options a little.
                    for _ in 0..vote.budget {
                        let i = (self.dice.below(n as u64) as usize)
                            .min(self.dice.below(n as u64) as usize);
                        if vote.cap == 0 || dots[i] < vote.cap {
                            dots[i] += 1;
                        }
                    }
                    Ballot::Dots(dots)
                }
                VoteKind::FistOfFive => Ballot::Fist(3 + self.dice.below(3) as u8),
                VoteKind::Pulse => Ballot::Pulse(2 + self.dice.below(4) as u8),
                VoteKind::YesNo => Ballot::YesNo(if self.dice.chance(80) {
                    YesNo::Yes
                } else {
                    YesNo::Abstain
                }),
                VoteKind::Score => {
                    Ballot::Score((0..n).map(|_| 1 + self.dice.below(5) as u8).collect())
                }
                VoteKind::Ranking => {
                    let mut order: Vec<usize> = (0..n).collect();
                    self.dice.0.shuffle(&mut order);
                    Ballot::Ranking(order)
                }
            };
            self.wait(timebox_ms / 20);
            self.run(Command::CastBallot {
                side: Some(side),
                ballot,
            });
        }
        self.run(Command::CloseVote);
    }

    /// Records a decision on the last closed vote's winner.
    fn decide(&mut self) {
        use crate::model::outcomes::Basis;
        let state = self.meeting.state();
        let Some(vote) = state.votes.iter().rev().find(|v| v.closed) else {
            return;
        };
        let tally = vote.tally();
        let Some(&winner) = tally.winners().first() else {
            return;
        };
        let text = format!("Kokeillaan ensi jaksossa: {}", vote.options[winner].label);
        let review = state.date.checked_add(jiff::Span::new().months(2)).ok();
        let basis = vec![Basis::Vote { vote: vote.id }];
        let month = usize::from(state.date.month().unsigned_abs());
        self.wait(60_000);
        if self.run(Command::RecordDecision {
            text,
            basis,
            review,
        }) {
            // Where it came from varies by the month, so the year's report has a spread.
            use crate::model::outcomes::{Level, Origin, Outcome, Source};
            let decision = self.meeting.state().decisions.last().map_or(0, |d| d.id);
            let origin = Origin {
                source: Some(
                    [
                        Source::Students,
                        Source::StudentUnion,
                        Source::Survey,
                        Source::Staff,
                    ][month % 4],
                ),
                level: Some(
                    [
                        Level::Consulted,
                        Level::DecidedTogether,
                        Level::Prepared,
                        Level::Informed,
                        Level::StudentInitiated,
                    ][month % 5],
                ),
            };
            self.run_unseeded(Command::SetOrigin {
                of: Outcome::Decision { decision },
                origin,
            });
        }
    }

    /// Agrees two actions: one owned by a member, one by a role.
    fn agree_actions(&mut self) {
        use crate::model::outcomes::{Due, Owner};
        let state = self.meeting.state();
        let staff = state
            .present()
            .find(|p| p.role.side() == Side::Staff)
            .map(|p| (p.id.clone(), p.name.clone()));
        let month = (state.date.month() as u8 % 12) + 1;
        let date = state.date.checked_add(jiff::Span::new().days(30)).ok();
        if let Some((id, name)) = staff {
            self.wait(90_000);
            self.run(Command::AddAction {
                text: "Selvitetään, voiko ruokailuajat porrastaa".into(),
                owner: Owner::Member { id, name },
                due: date.map_or(Due::None, |date| Due::Date { date }),
                clock_item: None,
            });
        }
        self.wait(90_000);
        self.run(Command::AddAction {
            text: "Kerrotaan opiskelijoille kokeilusta infonäytöillä".into(),
            owner: Owner::Role {
                role: Role::StudentUnionRep,
            },
            due: Due::Month { month },
            clock_item: None,
        });
    }

    /// Follows up the earlier meetings' open actions: most done, the rest continued. An
    /// action on a year-clock item is done (its month is over): that takes no throw of the
    /// dice, so the meetings held before the clock came keep their course.
    fn review_actions(&mut self) {
        use crate::model::outcomes::{ActionStatus, Due};
        let open: Vec<(String, bool)> = self
            .meeting
            .state()
            .carried
            .iter()
            .map(|a| (a.id.clone(), a.clock_item.is_some()))
            .collect();
        for (id, on_clock) in open {
            self.wait(60_000);
            let done = on_clock || self.dice.chance(60);
            self.run(Command::ReviewAction {
                id,
                status: if done {
                    ActionStatus::Done
                } else {
                    ActionStatus::Continued
                },
                due: (!done).then_some(Due::Month { month: 1 }),
            });
        }
    }

    /// Walks through the year clock: items that are over are done, those begun are under
    /// way, and the first item still to come gets an action owned by whoever the clock
    /// names as responsible. No dice: the same clock gives the same walk.
    fn walk_clock(&mut self, timebox_ms: u64, whole_year: bool) {
        use crate::model::clock::{Actor, ItemStatus};
        use crate::model::outcomes::{Due, Owner};
        let state = self.meeting.state();
        let today = state.date;
        let walk: Vec<_> = state
            .clock
            .as_ref()
            .map(|c| {
                c.walk(today, whole_year)
                    .into_iter()
                    .map(|(item, year)| (item.clone(), year))
                    .collect()
            })
            .unwrap_or_default();
        let step = timebox_ms / (walk.len() as u64 + 1);
        let mut agreed = false;
        for (item, year) in walk {
            self.wait(step);
            let begun = item.starts(year).is_some_and(|d| d <= today);
            let over = item.ends(year).is_some_and(|d| d < today);
            if begun {
                let status = if over {
                    ItemStatus::Done
                } else {
                    ItemStatus::Underway
                };
                if item.status_in(year) != status {
                    self.run_unseeded(Command::MarkClockItem {
                        item: item.id.clone(),
                        year,
                        status,
                    });
                }
            } else if !agreed {
                let owner = item.responsible.iter().find_map(|a| match a {
                    Actor::Role { role } => Some(Owner::Role { role: *role }),
                    Actor::Member { id, name, .. } => Some(Owner::Member {
                        id: id.clone(),
                        name: name.clone(),
                    }),
                    Actor::Other { .. } => None,
                });
                if let Some(owner) = owner {
                    agreed = true;
                    let month = item.months(year).first().copied().unwrap_or(1);
                    self.run_unseeded(Command::AddAction {
                        text: format!("Valmistellaan: {}", item.title),
                        owner,
                        due: Due::Month { month },
                        clock_item: Some(item.id.clone()),
                    });
                }
            }
        }
        self.wait(step);
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

/// Ideas a wellbeing group writes, about the community (never about a person).
const IDEAS: &[&str] = &[
    "Porrastetut ruokailuajat, ettei jono vie koko välituntia",
    "Hiljainen tila kirjaston nurkkaan",
    "Opiskelijakunnan esittäytyminen aamunavauksessa",
    "Ryhmänohjaajan tunti joka viikko, ei vain jakson alussa",
    "Liikuntasali iltaisin auki opiskelijoille",
    "Palautelaatikko ruokalaan",
    "Yhteinen aamupala kerran kuussa",
    "Tutoropiskelijat ensimmäisen vuoden ryhmille",
    "Selkeämmät ohjeet, kenen puoleen kääntyä",
    "Viihtyisämmät oleskelutilat B-siipeen",
];

/// Themes the group finds in its ideas.
const THEMES: &[&str] = &["Ruokailu ja tauot", "Tilat", "Yhteisö ja ohjaus"];

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
    /// The group's open actions from earlier meetings.
    pub carried: &'a [crate::model::outcomes::ActionItem],
    /// The group's year clock when the meeting starts (kept in the meeting only when its
    /// agenda walks through the clock, as the app does).
    pub clock: Option<&'a YearClock>,
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
        carried,
        clock,
        id,
        group,
        format,
        topic,
        start,
        absent,
        style,
        seed,
    } = plan.clone();
    let mut record = SessionRecord::new(id, start, topic, group, format, |m| {
        absent.contains(&m.name.as_str())
    });
    record.carried_actions = carried.to_vec();
    if format.phases.iter().any(|p| p.kind == PhaseKind::YearClock) {
        record.clock = clock.cloned();
    }
    // Finland: summer time (UTC+3) until the last Sunday of October, then UTC+2.
    record.utc_offset_s = if start < "2026-10-25T01:00:00Z".parse().expect("a valid time") {
        3 * 3600
    } else {
        2 * 3600
    };
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
            PhaseKind::Writing => {
                let count = 4 + sim.dice.below(4);
                sim.write_ideas(count, timebox);
                sim.run(Command::RevealIdeas);
            }
            PhaseKind::Ideas => {
                let count = 3 + sim.dice.below(3);
                sim.write_ideas(count, timebox);
            }
            PhaseKind::Grouping => sim.group_ideas(timebox),
            PhaseKind::Vote => sim.vote(timebox),
            PhaseKind::Decisions => sim.decide(),
            PhaseKind::Actions => sim.agree_actions(),
            PhaseKind::ReviewActions => sim.review_actions(),
            PhaseKind::YearClock => sim.walk_clock(timebox, phase.whole_year),
            _ => {
                // Info and breaks take roughly their timebox, sometimes a little more.
                let extra = sim.dice.below(timebox / 5 + 1);
                sim.wait(timebox + extra);
            }
        }
        if index + 1 < format.phases.len() {
            if phase.kind == PhaseKind::YearClock {
                sim.run_unseeded(Command::NextPhase);
            } else {
                sim.run(Command::NextPhase);
            }
        }
    }
    sim.wait(30_000);
    sim.run(Command::End);
    sim.meeting.into_record()
}

/// The sample meetings, exactly as committed under `sessions/sample/sessions/`.
pub fn meetings() -> Vec<SessionRecord> {
    sample().0
}

/// The sample group's year clock as the sample meetings left it, exactly as committed under
/// `sessions/sample/clocks/`.
pub fn clock() -> YearClock {
    sample().1
}

/// Adds a five-minute walk through the year clock after the follow-up of earlier actions,
/// as a facilitator does in the agenda step.
fn with_year_clock(format: &mut Format) {
    let text = |fi: &str, sv: &str, en: &str| crate::model::format::Localized {
        fi: Some(fi.into()),
        sv: Some(sv.into()),
        en: Some(en.into()),
    };
    let mut phase = crate::model::format::Phase::added(
        "year_clock".into(),
        PhaseKind::YearClock,
        text("Vuosikello", "Årsklockan", "The year clock"),
    );
    phase.minutes = 5;
    phase.prompt = text(
        "Mitä vuosikellossa on nyt ja ensi kuussa? Mikä on tehty, ja kuka hoitaa seuraavan?",
        "Vad står i årsklockan nu och nästa månad? Vad är gjort, och vem tar hand om nästa?",
        "What is on the year clock now and next month? What is done, and who takes on the next?",
    );
    let at = format
        .phases
        .iter()
        .position(|p| p.kind == PhaseKind::ReviewActions)
        .map_or(0, |i| i + 1);
    format.phases.insert(at, phase);
}

/// The sample group's clock before its first meeting: the template in Finnish, saved once.
fn first_clock() -> YearClock {
    let mut clock = crate::store::clocks::template().clock_for(&group(), crate::lang::Lang::Fi);
    clock.revision = 1;
    clock
}

/// The sample meetings, each walking the year clock as the ones before it left it (the
/// clock file is saved once more after each meeting that changed it), and the clock after.
fn sample() -> (Vec<SessionRecord>, YearClock) {
    let group = group();
    let formats = crate::store::formats::builtin();
    let format = |name: &str| {
        let mut format = formats
            .iter()
            .find(|f| f.name == name)
            .cloned()
            .expect("the built-in formats include the sample's");
        // The sample's dot votes were held with two dots each, the budget their options
        // had by the default of the time: the meetings stay as they were held.
        for spec in format.phases.iter_mut().filter_map(|p| p.vote.as_mut()) {
            if spec.kind == crate::model::vote::VoteKind::Dots {
                spec.budget.get_or_insert(2);
            }
        }
        format
    };
    let at = |s: &str| s.parse::<Timestamp>().expect("sample times are valid");
    let id = |n: u128| Uuid::from_u128(0x5a3f0c2e_8d41_4c6b_9f2a_1b7e6d9c0a00 + n);
    // Each meeting follows up the open actions of the ones before it.
    // (number, format, topic, start, who is away, how the group behaves)
    type Planned<'a> = (u128, &'a str, &'a str, &'a str, &'a [&'a str], Style);
    // The November meeting added the year clock to its agenda, after the follow-up.
    let plans: [Planned; 3] = [
        (
            1,
            "hyvinvointiryhma",
            "Lukuvuoden aloitus: mikä toimii, mikä ei",
            "2026-09-08T11:00:00Z",
            &["Hanna Salo"],
            Style::CHAIR_LED,
        ),
        (
            2,
            "eratauko",
            "Milloin sinua on viimeksi kuunneltu oppilaitoksessa?",
            "2026-10-06T11:00:00Z",
            &[],
            Style::BALANCED,
        ),
        (
            3,
            "hyvinvointiryhma",
            "Ruokala ja välitunnit",
            "2026-11-03T11:00:00Z",
            &["Jukka Heikkinen"],
            Style::BALANCED,
        ),
    ];
    let mut records: Vec<SessionRecord> = Vec::new();
    let mut clock = first_clock();
    for (n, format_name, topic, start, absent, style) in plans {
        let carried = crate::model::outcomes::open_actions(&records);
        let mut format = format(format_name);
        if n == 3 {
            with_year_clock(&mut format);
        }
        let record = simulate(&Plan {
            carried: &carried,
            clock: Some(&clock),
            id: id(n),
            group: &group,
            format: &format,
            topic,
            start: at(start),
            absent,
            style,
            seed: n as u64,
        });
        if let Some(after) = record.clock_after().filter(|after| *after != clock) {
            clock = YearClock {
                revision: clock.revision + 1,
                ..after
            };
        }
        records.push(record);
    }
    (records, clock)
}
