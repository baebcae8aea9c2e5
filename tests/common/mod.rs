//! Shared test fixtures: a realistic group, a format with every turn-taking phase, and a
//! meeting driven on a synthetic timeline.
#![allow(
    dead_code,
    reason = "each test file uses a different part of the fixtures"
)]

use jiff::Timestamp;
use parvi::model::{
    Command, Format, Group, GroupKind, Localized, Meeting, OrderRule, Phase, PhaseKind, Role,
    SCHEMA_VERSION, SessionRecord, Stamp,
};

/// Kotka's site wellbeing group: two students among seven members.
pub fn group() -> Group {
    let mut g = Group::new(
        "Hyvinvointiryhmä Kotka",
        GroupKind::SiteWellbeing,
        "Kotka",
        "3f9a",
    )
    .unwrap();
    for (name, role) in [
        ("Aino Virtanen", Role::Student),
        ("Mikko Korhonen", Role::Teacher),
        ("Eetu Nieminen", Role::StudentUnionRep),
        ("Leena Mäkinen", Role::GuidanceCounsellor),
        ("Sari Lehtonen", Role::SchoolSocialWorker),
        ("Päivi Äijälä", Role::Nurse),
        ("Jukka Heikkinen", Role::Management),
    ] {
        g.add_member(name, role).unwrap();
    }
    g
}

pub fn phase(id: &str, kind: PhaseKind, minutes: u32) -> Phase {
    Phase {
        id: id.into(),
        kind,
        title: Localized::all(id),
        prompt: Localized::default(),
        text: Localized::default(),
        minutes,
        turn_seconds: None,
        order: None,
        speakers: None,
        pass_allowed: true,
        attributed: false,
        private: None,
        vote: None,
        whole_year: false,
    }
}

pub fn round(id: &str, order: OrderRule, turn_seconds: u32) -> Phase {
    Phase {
        order: Some(order),
        turn_seconds: Some(turn_seconds),
        ..phase(id, PhaseKind::Round, 10)
    }
}

/// A built-in format by its machine name.
pub fn builtin(name: &str) -> Format {
    parvi::store::formats::builtin()
        .into_iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no built-in format {name}"))
}

/// info, round (seating), open (fair stack), round (random), round (fair stack), break.
pub fn format() -> Format {
    let mut info = phase("rules", PhaseKind::Info, 2);
    info.text = Localized::all("Kuuntele muita keskeyttämättä.");
    let mut open = phase("talk", PhaseKind::Open, 15);
    open.order = Some(OrderRule::FairStack);
    open.turn_seconds = Some(120);
    Format {
        schema: SCHEMA_VERSION,
        name: "test".into(),
        title: Localized::all("Test"),
        description: Localized::default(),
        sources: vec![],
        phases: vec![
            info,
            round("check_in", OrderRule::Seating, 60),
            open,
            round("random", OrderRule::Random, 60),
            round("fair", OrderRule::FairStack, 60),
            phase("pause", PhaseKind::Break, 5),
        ],
    }
}

pub fn record_with(format: Format) -> SessionRecord {
    let mut record = SessionRecord::new(
        uuid::Uuid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0),
        t0(),
        "Opiskelijoiden osallisuus",
        &group(),
        &format,
        |_| false,
    );
    record.app_version = "test".into();
    record
}

pub fn t0() -> Timestamp {
    "2026-03-12T12:00:00Z".parse().unwrap()
}

/// A meeting on a synthetic timeline: `at(s)` moves the clock to `s` seconds after start.
pub struct Sim {
    pub meeting: Meeting,
    pub now_ms: u64,
    pub seed: u64,
}

impl Sim {
    pub fn new(record: SessionRecord) -> Sim {
        Sim {
            meeting: Meeting::new(record),
            now_ms: 0,
            seed: 7,
        }
    }

    pub fn started() -> Sim {
        let mut sim = Sim::new(record_with(format()));
        sim.ok(Command::Start);
        sim
    }

    pub fn stamp(&self) -> Stamp {
        Stamp {
            at: t0() + jiff::SignedDuration::from_millis(self.now_ms as i64),
            mono_ms: self.now_ms,
        }
    }

    pub fn at(&mut self, seconds: u64) -> &mut Sim {
        self.now_ms = seconds * 1000;
        self
    }

    pub fn run(&mut self, command: Command) -> Result<usize, parvi::model::Refusal> {
        let stamp = self.stamp();
        self.meeting.execute(command, stamp, self.seed)
    }

    pub fn ok(&mut self, command: Command) -> &mut Sim {
        let c = format!("{command:?}");
        if let Err(e) = self.run(command) {
            panic!("{c} was refused: {e}");
        }
        self
    }

    pub fn state(&self) -> &parvi::model::MeetingState {
        self.meeting.state()
    }

    /// The speaker whose turn is running, by name.
    pub fn speaker(&self) -> Option<String> {
        let t = self.state().turn.as_ref()?;
        Some(self.state().person(&t.speaker).unwrap().name.clone())
    }

    pub fn next_up(&self) -> Option<String> {
        let (_, id) = self.state().next_up()?;
        Some(self.state().person(&id).unwrap().name.clone())
    }

    pub fn id(&self, name: &str) -> parvi::model::MemberId {
        self.state()
            .people
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("no {name}"))
            .id
            .clone()
    }

    pub fn lineup(&self) -> Vec<String> {
        let round = self.state().round.as_ref().unwrap();
        round
            .lineup
            .iter()
            .map(|id| self.state().person(id).unwrap().name.clone())
            .collect()
    }
}

/// Opens the data directory for writing, waiting (up to ten seconds) while the lock is
/// still held by a copy of a lock file this process just closed: between `fork` and `exec`,
/// a child that another test thread is starting holds a copy of every open file, a dropped
/// store's lock included, until its program starts.
pub fn open_writable(paths: parvi::store::Paths) -> parvi::store::Store {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let store = parvi::store::Store::open(paths.clone()).expect("open the data directory");
        if store.writable() || std::time::Instant::now() > deadline {
            return store;
        }
        drop(store);
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}
