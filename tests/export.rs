//! Minutes export: golden files of every format in every language, the CSV read back by a
//! real CSV parser, public versions checked for names, and `parvi export` end to end.
//!
//! The golden files are under `tests/golden/export/`; run with `PARVI_UPDATE_FILES=1` to
//! write new ones after a deliberate change, then read the diff.

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

use jiff::Timestamp;
use parvi::export::{self, CSV_TABLES, Export, Format, Options};
use parvi::i18n::Lang;
use parvi::model::outcomes::{ActionItem, ActionStatus, Basis, Due, Owner};
use parvi::model::vote::{Ballot, Entry, Rule, VoteKind, VoteOption, VoteSpec};
use parvi::model::{
    Command, EventKind, Group, GroupKind, Localized, Meeting, MeetingState, MemberId, OrderRule,
    Phase, PhaseKind, Role, SCHEMA_VERSION, SessionRecord, Side, Stamp,
};

// ---- fixtures -----------------------------------------------------------------------------

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn updating() -> bool {
    std::env::var_os("PARVI_UPDATE_FILES").is_some()
}

/// The third sample meeting: ideas, a dot vote, a decision, actions and a follow-up.
fn sample() -> SessionRecord {
    parvi::simulator::meetings().remove(2)
}

fn options(format: Format, lang: Lang, public: bool) -> Options {
    Options {
        format,
        lang,
        public,
        zone: parvi::model::helsinki(),
        number: Some(3),
    }
}

fn phase(id: &str, kind: PhaseKind, title: &str, minutes: u32) -> Phase {
    Phase {
        id: id.into(),
        kind,
        title: Localized::all(title),
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

/// A meeting built with the engine to reach what the sample does not: a late arrival, an
/// early leaver, a guest, a guardian who shares a student's family name, names in notes and
/// ideas, attributed and private ideas, themes, a tied dot vote broken down by side, a
/// blocked fist of five, an action owned by a student, a former member's action, a phase
/// that never ran, and text that Markdown and HTML must escape.
fn tricky() -> SessionRecord {
    let mut group = Group::new(
        "Yhteisöllinen opiskeluhuoltoryhmä, Åbo",
        GroupKind::CommunityWelfare,
        "Kampus <Itä> & B-siipi",
        "a1b2",
    )
    .unwrap();
    for (name, role) in [
        ("Aino Virtanen", Role::Student),
        ("Mikko Korhonen", Role::Teacher),
        ("Onni Mäkelä", Role::Student),
        ("Leena Mäkinen", Role::GuidanceCounsellor),
        ("Sofia Laine", Role::Student),
        ("Sari Lehtonen", Role::SchoolSocialWorker),
        ("Eetu Nieminen", Role::StudentUnionRep),
        ("Ritva Laine", Role::Guardian),
        ("Jukka Heikkinen", Role::Management),
    ] {
        group.add_member(name, role).unwrap();
    }
    let mut check_in = phase("check_in", PhaseKind::Round, "Alkukierros", 10);
    check_in.order = Some(OrderRule::StudentsFirst);
    check_in.prompt = Localized::all("Mitä kuuluu? *Yksi* sana riittää.");
    let mut writing = phase("writing", PhaseKind::Writing, "Hiljainen kirjoitus", 5);
    writing.attributed = true;
    let mut dots = phase("dots", PhaseKind::Vote, "Pisteäänestys", 5);
    dots.vote = Some(VoteSpec {
        kind: VoteKind::Dots,
        budget: Some(3),
        cap: Some(2),
        entry: Entry::Voters,
        rule: Rule::Consent,
    });
    let mut fist = phase("fist", PhaseKind::Vote, "Nyrkistä viiteen", 5);
    fist.vote = Some(VoteSpec {
        kind: VoteKind::FistOfFive,
        budget: None,
        cap: None,
        entry: Entry::Voters,
        rule: Rule::Consent,
    });
    let mut pulse = phase("pulse", PhaseKind::Vote, "Loppupulssi", 3);
    pulse.vote = Some(VoteSpec {
        kind: VoteKind::Pulse,
        budget: None,
        cap: None,
        entry: Entry::Voters,
        rule: Rule::Consent,
    });
    let format = parvi::model::Format {
        schema: SCHEMA_VERSION,
        name: "testi".into(),
        title: Localized::all("Testikokous"),
        description: Localized::default(),
        sources: vec![],
        phases: vec![
            check_in,
            phase(
                "review",
                PhaseKind::ReviewActions,
                "Edelliset toimenpiteet",
                5,
            ),
            writing,
            phase("grouping", PhaseKind::Grouping, "Ryhmittely", 5),
            dots,
            fist,
            phase("break", PhaseKind::Break, "Tauko", 5),
            phase("decisions", PhaseKind::Decisions, "Päätökset", 5),
            phase("actions", PhaseKind::Actions, "Toimenpiteet", 5),
            phase("open", PhaseKind::Open, "Vapaa sana", 5),
            pulse,
        ],
    };
    let start: Timestamp = "2026-03-12T12:00:00Z".parse().unwrap();
    let mut record = SessionRecord::new(
        uuid::Uuid::from_u128(0x0e0e_0e0e_0000_4000_8000_0000_0000_0001),
        start,
        "Työrauha ja <tilat> – yleisesti",
        &group,
        &format,
        |m| m.name == "Onni Mäkelä" || m.name == "Jukka Heikkinen",
    );
    record.app_version = "test".into();
    let earlier = uuid::Uuid::from_u128(0x0e0e_0e0e_0000_4000_8000_0000_0000_0000);
    let agreed = jiff::civil::date(2026, 2, 12);
    record.carried_actions = vec![
        ActionItem {
            id: "0e0e0e0e-1".into(),
            text: "Sofian ehdotus: kysely ruokalasta".into(),
            owner: Owner::Member {
                id: MemberId("m12".into()),
                name: "Matti Meikäläinen".into(),
            },
            due: Due::Date {
                date: jiff::civil::date(2026, 3, 1),
            },
            status: ActionStatus::Open,
            session: earlier,
            agreed,
            clock_item: None,
            origin: Default::default(),
        },
        ActionItem {
            id: "0e0e0e0e-2".into(),
            text: "Hiljaisen tilan kokeilu".into(),
            owner: Owner::Role {
                role: Role::GuidanceCounsellor,
            },
            due: Due::Month { month: 3 },
            status: ActionStatus::Open,
            session: earlier,
            agreed,
            clock_item: None,
            origin: Default::default(),
        },
    ];
    let mut meeting = Meeting::new(record);
    let mut now = 0u64;
    let mut run = |meeting: &mut Meeting, seconds: u64, command: Command| {
        now = now.max(seconds * 1000);
        let stamp = Stamp {
            at: start + jiff::SignedDuration::from_millis(now as i64),
            mono_ms: now,
        };
        meeting
            .execute(command.clone(), stamp, 7)
            .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    };
    let id = |meeting: &Meeting, name: &str| {
        meeting
            .state()
            .people
            .iter()
            .find(|p| p.name == name)
            .unwrap()
            .id
            .clone()
    };
    let m = &mut meeting;
    run(m, 0, Command::Start);
    // Check-in, students first: Aino, Sofia, Eetu, then the others; Sofia passes.
    run(m, 0, Command::Next);
    run(
        m,
        50,
        Command::Note("Ainon mielestä käytävät ovat meluisia".into()),
    );
    run(m, 60, Command::Next);
    run(m, 62, Command::Pass);
    run(m, 70, Command::Next);
    run(
        m,
        120,
        Command::Note("1. kerros: *liian* <kova> ääni | B-siipi".into()),
    );
    run(m, 125, Command::Next);
    let onni = id(m, "Onni Mäkelä");
    run(
        m,
        150,
        Command::SetPresent {
            who: onni,
            present: true,
        },
    );
    for s in [200, 260, 330] {
        run(m, s, Command::Next);
    }
    run(m, 390, Command::EndTurn);
    // The guest arrives; Leena leaves at the end of the follow-up.
    run(
        m,
        400,
        Command::AddGuest {
            name: "Kalle Kävijä".into(),
            role: Role::ExternalExpert,
        },
    );
    run(m, 420, Command::NextPhase);
    run(
        m,
        450,
        Command::ReviewAction {
            id: "0e0e0e0e-2".into(),
            status: ActionStatus::Continued,
            due: Some(Due::Month { month: 5 }),
        },
    );
    let leena = id(m, "Leena Mäkinen");
    run(
        m,
        480,
        Command::SetPresent {
            who: leena,
            present: false,
        },
    );
    run(m, 500, Command::NextPhase);
    // Private, attributed writing.
    let aino = id(m, "Aino Virtanen");
    let mikko = id(m, "Mikko Korhonen");
    let sofia = id(m, "Sofia Laine");
    for (s, text, author) in [
        (510, "Hiljainen tila kirjastoon", Some(aino.clone())),
        (520, "Välituntiliikuntaa", Some(mikko.clone())),
        (530, "Sofia Laine: lisää penkkejä", Some(sofia.clone())),
        (540, "=SUMMA(A1:A3) ei ole idea", None),
        (550, "Ruokalan jonot lyhyemmiksi", None),
        (555, "Poistettava idea", None),
    ] {
        run(
            m,
            s,
            Command::AddIdea {
                text: text.into(),
                author,
            },
        );
    }
    run(m, 560, Command::RemoveIdea(6));
    run(m, 570, Command::RevealIdeas);
    run(
        m,
        575,
        Command::AddIdea {
            text: "Jäi piiloon".into(),
            author: None,
        },
    );
    run(m, 580, Command::NextPhase);
    run(m, 590, Command::AddTheme("Tilat".into()));
    run(m, 595, Command::AddTheme("Liikunta ja tauot".into()));
    for (idea, theme) in [(1, 1), (3, 1), (2, 2), (5, 2)] {
        run(
            m,
            600,
            Command::SetTheme {
                idea,
                theme: Some(theme),
            },
        );
    }
    run(m, 620, Command::NextPhase);
    // Dots over the two themes and one idea; students 4, staff 3 (by side shown); a tie.
    let option = |label: &str, theme: Option<u32>, idea: Option<u32>| VoteOption {
        label: label.into(),
        idea,
        theme,
    };
    run(
        m,
        630,
        Command::OpenVote(vec![
            option("Tilat", Some(1), None),
            option("Liikunta ja tauot", Some(2), None),
            option("=SUMMA(A1:A3) ei ole idea", None, Some(4)),
        ]),
    );
    for (side, dots) in [
        (Side::Student, [2, 1, 0]),
        (Side::Student, [1, 2, 0]),
        (Side::Student, [2, 0, 1]),
        (Side::Student, [0, 2, 1]),
        (Side::Staff, [1, 2, 0]),
        (Side::Staff, [2, 1, 0]),
        (Side::Staff, [1, 1, 1]),
    ] {
        run(
            m,
            640,
            Command::CastBallot {
                side: Some(side),
                ballot: Ballot::Dots(dots.to_vec()),
            },
        );
    }
    run(m, 660, Command::CloseVote);
    run(m, 670, Command::NextPhase);
    run(
        m,
        680,
        Command::OpenVote(vec![option(
            "Hiljainen tila kokeiluun kevääksi",
            None,
            Some(1),
        )]),
    );
    for (side, fist) in [
        (Side::Student, 5),
        (Side::Student, 4),
        (Side::Student, 3),
        (Side::Staff, 4),
        (Side::Staff, 0),
        (Side::External, 3),
    ] {
        run(
            m,
            690,
            Command::CastBallot {
                side: Some(side),
                ballot: Ballot::Fist(fist),
            },
        );
    }
    run(m, 700, Command::CloseVote);
    run(m, 710, Command::NextPhase);
    run(m, 720, Command::NextPhase);
    run(
        m,
        730,
        Command::RecordDecision {
            text: "Selvitetään tilat; Aino Virtanen ja Onni kertovat opiskelijakunnalle".into(),
            basis: vec![Basis::Vote { vote: 1 }, Basis::Theme { theme: 1 }],
            review: Some(jiff::civil::date(2026, 5, 14)),
        },
    );
    // Where it came from: the students, decided together with them.
    run(
        m,
        735,
        Command::SetOrigin {
            of: parvi::model::outcomes::Outcome::Decision { decision: 1 },
            origin: parvi::model::outcomes::Origin {
                source: Some(parvi::model::outcomes::Source::Students),
                level: Some(parvi::model::outcomes::Level::DecidedTogether),
            },
        },
    );
    run(
        m,
        740,
        Command::RecordDecision {
            text: "Hiljaisen tilan kokeilu ei vielä etene".into(),
            basis: vec![Basis::Vote { vote: 2 }],
            review: None,
        },
    );
    run(m, 750, Command::NextPhase);
    run(
        m,
        760,
        Command::AddAction {
            text: "Kartoitetaan vapaat tilat".into(),
            owner: Owner::Member {
                id: aino,
                name: "Aino Virtanen".into(),
            },
            due: Due::Date {
                date: jiff::civil::date(2026, 4, 2),
            },
            clock_item: None,
        },
    );
    run(
        m,
        770,
        Command::AddAction {
            text: "Välituntiliikunnan kokeilu".into(),
            owner: Owner::Member {
                id: mikko,
                name: "Mikko Korhonen".into(),
            },
            due: Due::Month { month: 4 },
            clock_item: None,
        },
    );
    // The second action came from a survey; how students took part was not said.
    let id = m.state().actions[1].id.clone();
    run(
        m,
        775,
        Command::SetOrigin {
            of: parvi::model::outcomes::Outcome::Action { id },
            origin: parvi::model::outcomes::Origin {
                source: Some(parvi::model::outcomes::Source::Survey),
                level: None,
            },
        },
    );
    run(
        m,
        780,
        Command::AddAction {
            text: "Tiedote huoltajille".into(),
            owner: Owner::Role {
                role: Role::Management,
            },
            due: Due::None,
            clock_item: None,
        },
    );
    // The check-out pulse (the free floor before it skipped): three students and three
    // staff, so each side's figures show.
    run(m, 786, Command::GoToPhase(10));
    run(
        m,
        787,
        Command::OpenVote(vec![VoteOption {
            label: "Kuinka hyvin tulit tänään kuulluksi?".into(),
            idea: None,
            theme: None,
        }]),
    );
    for (side, answer) in [
        (Side::Student, 5),
        (Side::Student, 4),
        (Side::Student, 4),
        (Side::Staff, 3),
        (Side::Staff, 3),
        (Side::Staff, 2),
    ] {
        run(
            m,
            788,
            Command::CastBallot {
                side: Some(side),
                ballot: Ballot::Pulse(answer),
            },
        );
    }
    run(m, 790, Command::CloseVote);
    run(m, 800, Command::End);
    meeting.into_record()
}

// ---- golden files -------------------------------------------------------------------------

/// Compares `bytes` with the committed golden file, or writes it when updating.
fn check_golden(path: &Path, bytes: &[u8]) {
    if updating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        return;
    }
    let committed = std::fs::read(path).unwrap_or_default();
    if committed != bytes {
        let old = String::from_utf8_lossy(&committed);
        let new = String::from_utf8_lossy(bytes);
        let line = old
            .lines()
            .zip(new.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| old.lines().count().min(new.lines().count()));
        panic!(
            "{} differs from the export at line {}:\n  golden: {:?}\n  now:    {:?}\n\
             Run `PARVI_UPDATE_FILES=1 cargo test --test all export::` and review the diff.",
            path.display(),
            line + 1,
            old.lines().nth(line).unwrap_or(""),
            new.lines().nth(line).unwrap_or(""),
        );
    }
}

fn golden_dir(case: &str) -> PathBuf {
    root().join("tests/golden/export").join(case)
}

/// Every format of one record in one language, checked against `tests/golden/export/<case>`.
fn check_all_formats(record: &SessionRecord, case: &str, lang: Lang, public: bool) {
    let dir = golden_dir(case);
    for format in Format::ALL {
        let export = export::minutes(record, &options(format, lang, public));
        match format {
            Format::Markdown => check_golden(&dir.join("minutes.md"), &export.files[0].contents),
            Format::Html => check_golden(&dir.join("minutes.html"), &export.files[0].contents),
            Format::Json if public => {
                check_golden(&dir.join("session.json"), &export.files[0].contents)
            }
            Format::Json => {
                // Not public: the document exactly as saved (so no golden file of its own).
                assert_eq!(
                    export.files[0].contents,
                    parvi::store::session_json(record).unwrap()
                );
            }
            Format::Notice => {
                // The same for a public version: the notice never names anyone.
                let other = export::minutes(record, &options(format, lang, !public));
                assert_eq!(export.files[0].contents, other.files[0].contents);
                let text = String::from_utf8(export.files[0].contents.clone()).unwrap();
                assert!(
                    text.chars().count() <= export::notice::MAX_CHARS,
                    "{}",
                    text.chars().count()
                );
                // One golden file per language: the public one is the same, as just checked.
                if !public {
                    check_golden(&dir.join("notice.txt"), &export.files[0].contents);
                }
            }
            Format::NoticeHtml => {
                let other = export::minutes(record, &options(format, lang, !public));
                assert_eq!(export.files[0].contents, other.files[0].contents);
                if !public {
                    check_golden(&dir.join("notice.html"), &export.files[0].contents);
                }
            }
            Format::Csv => {
                assert_eq!(export.files.len(), CSV_TABLES.len());
                for (file, table) in export.files.iter().zip(CSV_TABLES) {
                    assert_eq!(file.short_name, format!("{table}.csv"));
                    check_golden(&dir.join(&file.short_name), &file.contents);
                }
            }
        }
    }
}

#[test]
fn every_format_in_every_language_matches_its_golden_file() {
    let record = sample();
    for lang in Lang::ALL {
        check_all_formats(&record, lang.code(), lang, false);
        check_all_formats(&record, &format!("{}-public", lang.code()), lang, true);
    }
    // The sample's JSON is the committed sample file, byte for byte.
    let export = export::minutes(&record, &options(Format::Json, Lang::Fi, false));
    assert_eq!(
        export.files[0].contents,
        parvi::store::sample::SESSION_FILES[2].1.as_bytes()
    );
}

#[test]
fn the_tricky_meeting_matches_its_golden_files() {
    let record = tricky();
    check_all_formats(&record, "tricky-fi", Lang::Fi, false);
    check_all_formats(&record, "tricky-fi-public", Lang::Fi, true);
    check_all_formats(&record, "tricky-en-public", Lang::En, true);
}

#[test]
fn exports_are_pure_and_named_by_date_and_group() {
    let record = sample();
    for format in Format::ALL {
        let o = options(format, Lang::Sv, true);
        assert_eq!(export::minutes(&record, &o), export::minutes(&record, &o));
    }
    let md = export::minutes(&record, &options(Format::Markdown, Lang::Fi, false));
    assert_eq!(
        md.files[0].name,
        "2026-11-03_hyvinvointiryhma-kotkan-kampus.md"
    );
    let csv = export::minutes(&record, &options(Format::Csv, Lang::Fi, true));
    assert_eq!(
        csv.files[0].name,
        "2026-11-03_hyvinvointiryhma-kotkan-kampus_public_attendance.csv"
    );
}

// ---- what the minutes say -----------------------------------------------------------------

fn text(export: &Export) -> String {
    export
        .files
        .iter()
        .map(|f| String::from_utf8(f.contents.clone()).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

fn md(record: &SessionRecord, lang: Lang, public: bool) -> String {
    text(&export::minutes(
        record,
        &options(Format::Markdown, lang, public),
    ))
}

#[test]
fn the_memo_follows_finnish_minutes_conventions() {
    let memo = md(&sample(), Lang::Fi, false);
    for expected in [
        "# Hyvinvointiryhmä, Kotkan kampus\n",
        "**Muistio 3/2026** · Toimipaikan hyvinvointiryhmä",
        "- **Aika:** tiistai 3.11.2026 klo 13.00–14.15\n",
        "- **Paikka:** Kotkan kampus\n",
        "- **Läsnä:** Aino Virtanen (opiskelija), Mikko Korhonen (opettaja),",
        "- **Poissa:** Jukka Heikkinen (johto)\n",
        "## 1 § Kokouksen avaus\n\nKokous avattiin klo 13.00.",
        "## 14 § Kokouksen päättäminen\n\nKokous päätettiin klo 14.15.",
        "| Sija | Vaihtoehto | Pisteet | Opiskelijat | Henkilöstö |",
        "- **Päätös 1:** Kokeillaan ensi jaksossa",
        "## Toimenpiteet\n\n| \\# | Mitä | Kuka | Mihin mennessä |",
        "| 2 | Selvitetään, voiko ruokailuajat porrastaa | Mikko Korhonen | 3.12.2026 |",
        // The year clock's item: what became of the clock items the meeting went through.
        "## 5 § Vuosikello\n",
        "- Syksyn hyvinvoinnin teemaviikko (viikko 40): tehty (lukuvuosi 2026-2027)\n",
        "| Kerrotaan opiskelijoille kokeilusta infonäytöillä | opiskelijakunnan edustaja | 8.9.2026 | lokakuu | jatkuu, uusi määräaika tammikuu |",
        "**Seuraava kokous:** ______",
        "## Osallistuminen",
        "Tasapuolisuusindeksi: 0,",
        "Yksittäisen opiskelijan asiat käsitellään monialaisessa asiantuntijaryhmässä",
    ] {
        assert!(memo.contains(expected), "missing {expected:?} in\n{memo}");
    }
    // Breaks are not items; notes never carry names.
    assert!(!memo.contains("Tauko"));
    let sv = md(&sample(), Lang::Sv, false);
    assert!(sv.contains("**Promemoria 3/2026**"), "{sv}");
    assert!(
        sv.contains("- **Tid:** tisdag 3.11.2026 kl. 13.00–14.15"),
        "{sv}"
    );
    assert!(sv.contains("- **Närvarande:**"), "{sv}");
    assert!(
        sv.contains("- **Frånvarande:** Jukka Heikkinen (ledning)"),
        "{sv}"
    );
    assert!(sv.contains("## Åtgärder"), "{sv}");
    assert!(sv.contains("**Nästa möte:**"), "{sv}");
    let en = md(&sample(), Lang::En, false);
    assert!(
        en.contains("- **Time:** Tuesday 3 Nov 2026, 13:00–14:15"),
        "{en}"
    );
    assert!(en.contains("## 1. Opening"), "{en}");
}

#[test]
fn the_tricky_memo_states_ties_blocks_guests_and_late_arrivals() {
    let memo = md(&tricky(), Lang::Fi, false);
    for expected in [
        "Onni Mäkelä (opiskelija, saapui klo 14.02)",
        "Leena Mäkinen (opinto-ohjaaja, poistui klo 14.08)",
        "- **Poissa:** Jukka Heikkinen (johto)",
        "- **Muut läsnäolijat:** Kalle Kävijä (ulkopuolinen asiantuntija, saapui klo 14.06)",
        // Tied dot vote, broken down by side (4 students, 3 staff).
        "| 1 | Tilat | 9 | 5 | 4 |",
        "| 1 | Liikunta ja tauot | 9 | 5 | 4 |",
        "Tulos: Tilat / Liikunta ja tauot 9 pistettä (tasapeli).",
        // A block; one external voter: no breakdown.
        "Tulos: Hiljainen tila kokeiluun kevääksi: ei hyväksytty. Estoja: 1.",
        "Tuloksia ei eritellä osapuolittain, koska jollakin osapuolella oli alle 3 äänestäjää.",
        // Attributed ideas by theme; the private one never shown.
        "- **Tilat**\n  - Hiljainen tila kirjastoon (Aino Virtanen)",
        "Yksin kirjoitettuja ideoita, joita ei näytetty: 1.",
        "## 10 § Vapaa sana\n\nKohtaa ei käsitelty.",
        // Escaped.
        "1\\. kerros: \\*liian\\* \\<kova\\> ääni \\| B-siipi",
        "*Mitä kuuluu? \\*Yksi\\* sana riittää.*",
        "| Sofian ehdotus: kysely ruokalasta | Matti Meikäläinen | 12.2.2026 | 1.3.2026 | ei käsitelty |",
    ] {
        assert!(memo.contains(expected), "missing {expected:?} in\n{memo}");
    }
}

#[test]
fn a_meeting_that_never_started_or_never_ended_still_exports() {
    let full = sample();
    let mut unstarted = full.clone();
    unstarted.events.clear();
    let mut interrupted = full.clone();
    interrupted.events.truncate(60);
    for record in [unstarted, interrupted] {
        for lang in Lang::ALL {
            for format in Format::ALL {
                let export = export::minutes(&record, &options(format, lang, true));
                assert!(!export.files.is_empty());
            }
        }
        let memo = md(&record, Lang::Fi, false);
        assert!(memo.contains("(kokous ei päättynyt)"), "{memo}");
        assert!(memo.contains("eikä sitä päätetty."), "{memo}");
        assert!(memo.contains("Kohtaa ei käsitelty."), "{memo}");
    }
}

// ---- privacy ------------------------------------------------------------------------------

/// Whether `name` occurs in `text` as a word (not inside a longer word).
fn has_word(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

#[test]
fn a_public_export_has_no_student_name_anywhere() {
    for record in [sample(), tricky()] {
        let state = MeetingState::replay(&record);
        // Students, guardians and guests: their names and each part of them.
        let hidden: Vec<&str> = state
            .people
            .iter()
            .filter(|p| p.role.side() == Side::Student || p.role == Role::Guardian || p.guest)
            .flat_map(|p| [p.name.as_str()].into_iter().chain(p.name.split(' ')))
            .chain(["Matti", "Meikäläinen", "Sofian", "Ainon"])
            .collect();
        assert!(hidden.contains(&"Aino"));
        for lang in Lang::ALL {
            for format in Format::ALL {
                let public = text(&export::minutes(&record, &options(format, lang, true)));
                for name in &hidden {
                    assert!(
                        !has_word(&public, name),
                        "{name:?} in the public {} {} export of {}",
                        lang.code(),
                        format.key(),
                        record.group.name
                    );
                }
                if matches!(format, Format::Notice | Format::NoticeHtml) {
                    // The notice names nobody, not even staff, in either version.
                    assert!(!public.contains("Mikko Korhonen"));
                    let full = text(&export::minutes(&record, &options(format, lang, false)));
                    assert!(!full.contains("Aino Virtanen"));
                    continue;
                }
                // Staff keep their names.
                assert!(public.contains("Mikko Korhonen"), "{}", format.key());
                let full = text(&export::minutes(&record, &options(format, lang, false)));
                assert!(full.contains("Aino Virtanen"), "{}", format.key());
            }
        }
    }
    let public = md(&sample(), Lang::Fi, true);
    assert!(
        public.contains(
            "- **Läsnä:** Mikko Korhonen (opettaja), Leena Mäkinen (opinto-ohjaaja), Sari Lehtonen (kuraattori), Päivi Äijälä (terveydenhoitaja), Hanna Salo (erityisopettaja), opiskelija (2), opiskelijakunnan edustaja (1)\n"
        ),
        "{public}"
    );
    assert!(public.contains("**Julkinen versio**"), "{public}");
    // The JSON keeps everyone apart by alias, consistently.
    let json = text(&export::minutes(
        &sample(),
        &options(Format::Json, Lang::Fi, true),
    ));
    let record: SessionRecord = serde_json::from_str(&json).unwrap();
    let names: Vec<&str> = record
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names[0], "opiskelija 1");
    assert_eq!(names[2], "opiskelija 2");
    assert_eq!(names[4], "opiskelija 3");
    assert_eq!(names[1], "Mikko Korhonen");
    assert_eq!(record.group.members[0].name, "opiskelija 1");
    // Notes are kept.
    assert!(json.contains("Ruokalan jonot ovat liian pitkät välitunnilla"));
    let tricky = text(&export::minutes(
        &tricky(),
        &options(Format::Json, Lang::Fi, true),
    ));
    assert!(
        tricky.contains("\"[Opiskelijan] mielestä käytävät ovat meluisia\""),
        "{tricky}"
    );
}

#[test]
fn names_written_any_way_leave_public_markdown_and_json_and_the_sentence_still_reads() {
    // A trial's notes: names in capitals, in lower case, with case endings and clitics.
    let mut record = sample();
    let idea = "AINO haluaa pidemmät välitunnit, ja Sofialta tuli hyvä idea";
    let decision = "aino ja eetu ja sofia kertovat; Ainollekin ja Virtaselle tiedote. EETU sanoi jotain, Ainostakin puhuttiin. Ainoa ehto on aikataulu.";
    let mut texts = (false, false);
    for event in &mut record.events {
        match &mut event.event {
            EventKind::IdeaAdded { text, .. } if !texts.0 => {
                *text = idea.to_string();
                texts.0 = true;
            }
            EventKind::DecisionRecorded { decision: d } if !texts.1 => {
                d.text = decision.to_string();
                texts.1 = true;
            }
            _ => {}
        }
    }
    assert_eq!(texts, (true, true));
    // The agenda as edited for the meeting is free text too.
    record.format.phases[1].title.fi = Some("Eetun kysymys".to_string());
    let state = MeetingState::replay(&record);
    assert!(state.live_ideas().any(|i| i.text == idea));
    let markdown = md(&record, Lang::Fi, true);
    let json = text(&export::minutes(
        &record,
        &options(Format::Json, Lang::Fi, true),
    ));
    for out in [&markdown, &json] {
        for leak in [
            "AINO",
            "aino",
            "Sofialta",
            "eetu",
            "sofia",
            "Ainollekin",
            "Virtaselle",
            "EETU",
            "Ainostakin",
            "Eetun",
        ] {
            assert!(!has_word(out, leak), "{leak:?} in {out}");
        }
        // Ordinary words stay; a name becomes a neutral word in its case.
        assert!(out.contains("Ainoa ehto on aikataulu."), "{out}");
        assert!(
            out.contains("[Opiskelijan] kysymys") || out.contains("\\[Opiskelijan\\] kysymys"),
            "{out}"
        );
    }
    assert!(
        json.contains("[Opiskelija] haluaa pidemmät välitunnit, ja [opiskelijalta] tuli hyvä idea"),
        "{json}"
    );
    assert!(
        json.contains("[opiskelija] ja [opiskelija] ja [opiskelija] kertovat; [opiskelijallekin] ja [opiskelijalle] tiedote. [Opiskelija] sanoi jotain, [opiskelijastakin] puhuttiin."),
        "{json}"
    );
    assert!(
        markdown.contains(
            "\\[Opiskelija\\] haluaa pidemmät välitunnit, ja \\[opiskelijalta\\] tuli hyvä idea"
        ),
        "{markdown}"
    );
}

// ---- HTML ---------------------------------------------------------------------------------

#[test]
fn the_html_is_one_self_contained_escaped_file() {
    for record in [sample(), tricky()] {
        for lang in Lang::ALL {
            let html = text(&export::minutes(
                &record,
                &options(Format::Html, lang, false),
            ));
            assert!(html.starts_with("<!DOCTYPE html>\n"));
            assert!(html.contains(&format!("<html lang=\"{}\">", lang.code())));
            assert!(html.contains("@media print"));
            assert!(html.contains("size: A4"));
            assert!(html.contains("default-src 'none'"));
            for banned in [
                "<script", "<link", "<img", "src=", "url(", "http://", "https://", "@import",
            ] {
                assert!(!html.contains(banned), "{banned} in the HTML");
            }
            assert!(html.ends_with("</html>\n"));
        }
    }
    let html = text(&export::minutes(
        &tricky(),
        &options(Format::Html, Lang::Fi, false),
    ));
    assert!(html.contains("Kampus &lt;Itä&gt; &amp; B-siipi"), "{html}");
    assert!(
        html.contains("1. kerros: *liian* &lt;kova&gt; ääni | B-siipi"),
        "{html}"
    );
    assert!(!html.contains("<kova>"));
}

// ---- CSV read back ------------------------------------------------------------------------

fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a UTF-8 byte-order mark"
    );
    let body = &bytes[3..];
    let text = std::str::from_utf8(body).unwrap();
    assert!(
        text.split_inclusive('\n')
            .all(|line| line.ends_with("\r\n")),
        "CRLF line ends"
    );
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(body);
    let head: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    for row in &rows {
        assert_eq!(row.len(), head.len(), "every row has every column");
    }
    (head, rows)
}

fn csv_tables(
    record: &SessionRecord,
    lang: Lang,
    public: bool,
) -> Vec<(Vec<String>, Vec<Vec<String>>)> {
    export::minutes(record, &options(Format::Csv, lang, public))
        .files
        .iter()
        .map(|f| read_csv(&f.contents))
        .collect()
}

#[test]
fn the_csv_tables_read_back_with_finnish_letters_and_the_meetings_counts() {
    let record = sample();
    let state = MeetingState::replay(&record);
    let tables = csv_tables(&record, Lang::Fi, false);
    let [attendance, turns, ideas, votes, decisions, actions] = &tables[..] else {
        panic!("six tables");
    };
    assert_eq!(
        attendance.0,
        [
            "Nimi", "Rooli", "Osapuoli", "Vieras", "Läsnä", "Saapui", "Poistui"
        ]
    );
    assert_eq!(attendance.1.len(), state.people.len());
    let paivi = attendance
        .1
        .iter()
        .find(|r| r[0] == "Päivi Äijälä")
        .unwrap();
    assert_eq!(
        paivi[1..5],
        ["terveydenhoitaja", "henkilöstö", "ei", "kyllä"]
    );
    let jukka = attendance
        .1
        .iter()
        .find(|r| r[0] == "Jukka Heikkinen")
        .unwrap();
    assert_eq!(jukka[4], "ei");

    assert_eq!(turns.1.len(), state.turns.len());
    let spoken: u64 = turns.1.iter().map(|r| r[7].parse::<u64>().unwrap()).sum();
    let airtime: u64 = state.turns.iter().map(|t| t.duration_ms).sum();
    assert!(spoken.abs_diff(airtime / 1000) <= turns.1.len() as u64);
    assert_eq!(
        turns.1.iter().filter(|r| r[8] == "kyllä").count(),
        state.turns.iter().filter(|t| t.passed).count()
    );
    assert_eq!(
        turns.1[0][..7],
        [
            "1",
            "2",
            "Alkukierros",
            "Aino Virtanen",
            "opiskelija",
            "opiskelijat",
            "13:00:00"
        ]
    );

    assert_eq!(ideas.1.len(), state.live_ideas().count());
    assert_eq!(
        ideas.1[0][4],
        "Ryhmänohjaajan tunti joka viikko, ei vain jakson alussa"
    );

    let vote = &state.votes[0];
    assert_eq!(votes.1.len(), vote.options.len());
    let tally = vote.tally();
    for (row, total) in votes.1.iter().zip(&tally.totals) {
        assert_eq!(row[5].parse::<f64>().unwrap(), *total);
        assert_eq!(row[2], "pisteäänestys");
    }
    assert_eq!(votes.0[9..], ["Opiskelijat", "Henkilöstö", "Ulkopuoliset"]);

    assert_eq!(decisions.1.len(), state.decisions.len());
    assert_eq!(decisions.1[0][4], "2027-01-03");
    assert_eq!(actions.1.len(), state.carried.len() + state.actions.len());
    assert_eq!(actions.1[1][3..5], ["tammikuu", "jatkuu"]);
    assert_eq!(actions.1[2][4], "avoin");

    // Public: no name column in the turns, aliases in the attendance.
    let public = csv_tables(&record, Lang::Fi, true);
    assert!(!public[1].0.iter().any(|h| h == "Nimi"));
    assert_eq!(public[1].1.len(), state.turns.len());
    assert_eq!(public[0].1[0][0], "opiskelija 1");
    assert_eq!(
        public[1].1[0][3], "",
        "no role for a student in a public table"
    );

    // Public: a role held by fewer than three present is not named beside a turn's length
    // (one teacher's turns are that teacher's airtime). Every staff role here has one
    // person, so their turns are only the staff's.
    let staff_roles: Vec<&str> = Role::ALL
        .iter()
        .filter(|r| r.side() == Side::Staff)
        .map(|r| parvi::i18n::role(Lang::Fi, *r))
        .collect();
    let mikko = turns
        .1
        .iter()
        .position(|r| r[3] == "Mikko Korhonen")
        .unwrap();
    assert_eq!(
        turns.1[mikko][4], "opettaja",
        "the full version names the speaker"
    );
    assert_eq!(public[1].1[mikko][3], "henkilöstö");
    for row in &public[1].1 {
        assert!(!staff_roles.contains(&row[3].as_str()), "{row:?}");
    }

    // Swedish and English headers; the tricky meeting's quoting and formula guard.
    assert_eq!(csv_tables(&record, Lang::Sv, false)[0].0[0], "Namn");
    assert_eq!(csv_tables(&record, Lang::En, false)[4].0[2], "Decision");
    let tricky = csv_tables(&tricky(), Lang::Fi, false);
    assert!(
        tricky[2]
            .1
            .iter()
            .any(|r| r[4] == "'=SUMMA(A1:A3) ei ole idea")
    );
    assert!(tricky[4].1.iter().any(|r| r[2] == "Selvitetään tilat; Aino Virtanen ja Onni kertovat opiskelijakunnalle"));
    let fist: Vec<&Vec<String>> = tricky[3].1.iter().filter(|r| r[0] == "2").collect();
    assert_eq!(fist.len(), 6);
    assert_eq!(fist[0][4..8], ["0", "1", "", "ei"]);
    assert_eq!(tricky[0].1.len(), 10, "nine members and a guest");
}

// ---- the command line ---------------------------------------------------------------------

fn parvi(dir: &Path, cwd: &Path, args: &[&str]) -> Output {
    let mut cmd = Process::new(env!("CARGO_BIN_EXE_parvi"));
    cmd.arg("--data-dir").arg(dir).args(args).current_dir(cwd);
    for var in ["LC_ALL", "LC_MESSAGES", "LANGUAGE", "PARVI_DATA_DIR"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "C.UTF-8").env("TZ", "Europe/Helsinki");
    cmd.output().expect("run parvi")
}

#[track_caller]
fn expect(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "exit code\n--- stdout\n{}\n--- stderr\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A data directory holding the sample group and meetings.
fn sample_dir() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir_all(data.join("groups")).unwrap();
    std::fs::create_dir_all(data.join("sessions")).unwrap();
    std::fs::write(
        data.join(format!("groups/{}.json", parvi::simulator::group().id)),
        parvi::store::sample::GROUP_FILE.1,
    )
    .unwrap();
    for (name, json) in parvi::store::sample::SESSION_FILES {
        std::fs::write(data.join("sessions").join(name), json).unwrap();
    }
    let work = tmp.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    (tmp, data, work)
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn parvi_export_writes_files_refuses_to_overwrite_and_prints_to_stdout() {
    let (_tmp, data, work) = sample_dir();
    let id = "5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a03";

    // Markdown to standard output, the same bytes as the library gives.
    let o = parvi(&data, &work, &["export", id, "--lang", "fi"]);
    expect(&o, 0);
    let golden = std::fs::read(golden_dir("fi").join("minutes.md")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&golden)
    );
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    // To a file: mode 0600; a second time is refused and leaves it alone; --force replaces.
    let out = work.join("muistio.html");
    let o = parvi(
        &data,
        &work,
        &[
            "export",
            "2026-11-03",
            "--format",
            "html",
            "-o",
            "muistio.html",
        ],
    );
    expect(&o, 0);
    let html = std::fs::read(&out).unwrap();
    assert_eq!(
        html,
        std::fs::read(golden_dir("fi").join("minutes.html")).unwrap()
    );
    #[cfg(unix)]
    assert_eq!(mode(&out), 0o600);
    std::fs::write(&out, "oma muokkaus").unwrap();
    let o = parvi(
        &data,
        &work,
        &["export", id, "--format", "html", "-o", "muistio.html"],
    );
    expect(&o, 1);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("muistio.html on jo olemassa."), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "oma muokkaus");
    let o = parvi(
        &data,
        &work,
        &[
            "export",
            id,
            "--format",
            "html",
            "-o",
            "muistio.html",
            "--force",
        ],
    );
    expect(&o, 0);
    assert_eq!(std::fs::read(&out).unwrap(), html);
    #[cfg(unix)]
    assert_eq!(mode(&out), 0o600);

    // CSV without -o: six prefixed files in the current directory.
    let o = parvi(
        &data,
        &work,
        &["export", id, "--format", "csv", "--lang", "sv", "--public"],
    );
    expect(&o, 0);
    for table in CSV_TABLES {
        let path = work.join(format!(
            "2026-11-03_hyvinvointiryhma-kotkan-kampus_public_{table}.csv"
        ));
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(
            bytes,
            std::fs::read(golden_dir("sv-public").join(format!("{table}.csv"))).unwrap()
        );
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600);
    }
    // Again: refused before writing anything.
    let o = parvi(
        &data,
        &work,
        &["export", id, "--format", "csv", "--lang", "sv", "--public"],
    );
    expect(&o, 1);
    assert!(String::from_utf8_lossy(&o.stderr).contains("finns redan"));

    // CSV into a new directory: created 0700, short names.
    let o = parvi(
        &data,
        &work,
        &["export", id, "--format", "csv", "-o", "taulukot/marraskuu"],
    );
    expect(&o, 0);
    #[cfg(unix)]
    assert_eq!(mode(&work.join("taulukot/marraskuu")), 0o700);
    for table in CSV_TABLES {
        assert!(
            work.join(format!("taulukot/marraskuu/{table}.csv"))
                .is_file()
        );
    }
    // A file where a directory is wanted.
    let o = parvi(
        &data,
        &work,
        &["export", id, "--format", "csv", "-o", "muistio.html"],
    );
    expect(&o, 1);
    assert!(String::from_utf8_lossy(&o.stderr).contains("ei ole hakemisto"));

    // JSON to stdout is the saved document; public JSON has no student names.
    let o = parvi(&data, &work, &["export", id, "--format", "json"]);
    expect(&o, 0);
    assert_eq!(
        o.stdout,
        parvi::store::sample::SESSION_FILES[2].1.as_bytes()
    );
    let o = parvi(
        &data,
        &work,
        &["export", id, "--format", "json", "--public"],
    );
    expect(&o, 0);
    assert!(!String::from_utf8_lossy(&o.stdout).contains("Aino"));

    // Unknown meeting, bad format.
    let o = parvi(&data, &work, &["export", "ffffffff"]);
    expect(&o, 1);
    assert!(String::from_utf8_lossy(&o.stderr).contains("Kokousta ffffffff ei löydy."));
    let o = parvi(&data, &work, &["export", id, "--format", "pdf"]);
    expect(&o, 2);

    // Help in Finnish names the formats and the language option.
    let o = parvi(&data, &work, &["export", "--help"]);
    expect(&o, 0);
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(help.contains("Vie kokous muistioksi"), "{help}");
    assert!(help.contains("--public"), "{help}");
    assert!(help.contains("--lang"), "{help}");
}

#[test]
fn an_edited_decision_shows_as_edited_and_its_names_are_hidden_in_public() {
    // The sample meeting with its first decision reworded, naming a student, just before
    // it ended (an ended meeting takes no commands, so the event is written here).
    let mut record = sample();
    let state = MeetingState::replay(&record);
    let mut decision = state.decisions[0].clone();
    decision.text = "Aino Virtanen kokoaa opiskelijoiden ehdotukset".into();
    let end = record.events.len() - 1;
    let mut edited = record.events[end - 1].clone();
    edited.event = EventKind::DecisionEdited {
        decision: decision.clone(),
    };
    record.events.insert(end, edited);
    for (n, event) in record.events.iter_mut().enumerate() {
        event.seq = n as u64 + 1;
    }

    let full = md(&record, Lang::Fi, false);
    assert!(
        full.contains("Aino Virtanen kokoaa opiskelijoiden ehdotukset"),
        "{full}"
    );
    assert!(
        !full.contains(&state.decisions[0].text),
        "the old wording is gone"
    );
    for format in Format::ALL {
        let public = text(&export::minutes(&record, &options(format, Lang::Fi, true)));
        assert!(
            public.contains("kokoaa opiskelijoiden ehdotukset"),
            "{}",
            format.key()
        );
        assert!(
            !has_word(&public, "Aino"),
            "{} public: {public}",
            format.key()
        );
    }
}

#[test]
fn a_long_notice_is_cut_to_its_length_and_says_how_much_more_the_minutes_hold() {
    let mut record = sample();
    let end = record.events.pop().expect("the meeting ended");
    for n in 0..40 {
        let mut event = end.clone();
        event.event = parvi::model::EventKind::DecisionRecorded {
            decision: parvi::model::outcomes::Decision {
                id: 100 + n,
                text: format!("Päätös numero {n}, jossa on tarpeeksi sanoja täyttämään rivin"),
                basis: Vec::new(),
                review: None,
                origin: Default::default(),
            },
        };
        record.events.push(event);
    }
    record.events.push(end);
    for (i, e) in record.events.iter_mut().enumerate() {
        e.seq = i as u64 + 1;
    }
    for lang in Lang::ALL {
        let export = export::minutes(&record, &options(Format::Notice, lang, false));
        let notice = String::from_utf8(export.files[0].contents.clone()).unwrap();
        assert!(
            notice.chars().count() <= export::notice::MAX_CHARS,
            "{notice}"
        );
        // The decisions come first and stay; the follow-up and the actions go first.
        assert!(notice.contains("Päätös numero 0,"), "{notice}");
        let more = lang.text().notice.more.split("{n}").next().unwrap();
        assert!(notice.contains(more), "{notice}");
        assert!(notice.ends_with(&format!("{}\n", lang.text().notice.closing)));
    }
}

/// The sample's third meeting with its first decision naming a student and her welfare
/// matter, in a data directory of its own.
fn named_sample() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (tmp, data, work) = sample_dir();
    let path = data
        .join("sessions")
        .join("2026-11-03_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a03.json");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let decision = doc["events"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["event"]["type"] == "decision_recorded")
        .unwrap();
    decision["event"]["decision"]["text"] =
        "Sofialle tehdään lastensuojeluilmoitus, ryhmänohjaaja soittaa kotiin".into();
    std::fs::write(&path, serde_json::to_vec(&doc).unwrap()).unwrap();
    (tmp, data, work)
}

#[test]
fn a_public_export_or_notice_that_names_a_student_is_written_only_when_checked() {
    let (_tmp, data, work) = named_sample();
    let id = "5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a03";
    let stderr = |o: &Output| String::from_utf8_lossy(&o.stderr).into_owned();

    // Public minutes: each hit in context on stderr, nothing written, exit 1.
    let o = parvi(
        &data,
        &work,
        &["export", id, "--public", "-o", "julkinen.md"],
    );
    expect(&o, 1);
    assert!(!work.join("julkinen.md").exists());
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    for line in [
        "Julkaistavassa tekstissä on 2 kohtaa",
        "  päätös 1 · nimi: Sofia Laine (opiskelija)",
        "    »Sofialle« tehdään lastensuojeluilmoitus, ryhmänoh…",
        "  päätös 1 · terveys tai hyvinvointi, henkilöön liittyen",
        "    Sofialle tehdään »lastensuojeluilmoitus«, ryhmänohjaaja soittaa kotiin",
        "virhe: Tiedostoa ei kirjoitettu.",
        "valitsimella --checked.",
    ] {
        assert!(err.contains(line), "{line:?} in\n{err}");
    }
    // To standard output: nothing either. CSV and JSON, public, are guarded too.
    for format in ["md", "csv", "json"] {
        let o = parvi(
            &data,
            &work,
            &["export", id, "--public", "--format", format],
        );
        expect(&o, 1);
        assert!(o.stdout.is_empty(), "{format}");
    }
    assert_eq!(std::fs::read_dir(&work).unwrap().count(), 0);

    // The notice goes to students: guarded public or not, in the user's language.
    let o = parvi(
        &data,
        &work,
        &["export", id, "--format", "notice", "--lang", "en"],
    );
    expect(&o, 1);
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("  decision 1 · name: Sofia Laine (student)"));
    assert!(stderr(&o).contains("run the same command with --checked"));

    // Minutes that are not public are not guarded.
    let o = parvi(&data, &work, &["export", id, "-o", "muistio.md"]);
    expect(&o, 0);
    assert!(stderr(&o).is_empty());
    let own = std::fs::read_to_string(work.join("muistio.md")).unwrap();
    assert!(own.contains("Sofialle tehdään lastensuojeluilmoitus"));

    // Checked: written as before, the name taken out as in any public version.
    let o = parvi(
        &data,
        &work,
        &["export", id, "--public", "-o", "julkinen.md", "--checked"],
    );
    expect(&o, 0);
    let public = std::fs::read_to_string(work.join("julkinen.md")).unwrap();
    assert!(public.contains("\\[Opiskelijalle\\] tehdään lastensuojeluilmoitus"));
    assert!(!public.contains("Sofia"));
    let o = parvi(
        &data,
        &work,
        &["export", id, "--format", "notice", "--checked"],
    );
    expect(&o, 0);
    assert!(String::from_utf8_lossy(&o.stdout).contains("[Opiskelijalle] tehdään"));
}
