//! The search cache (`search.txt`) and the archive's filters, on real files in temporary
//! directories; and `parvi sessions search` and `parvi stats` through the real binary.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{Sim, format, phase, record_with};
use parvi::model::metrics::participation;
use parvi::model::outcomes::{Due, Owner};
use parvi::model::{Command as Cmd, MeetingState, PhaseKind, SessionRecord, Side};
use parvi::store::search::{self, Filter, Query, SearchIndex};
use parvi::store::{Origin, Paths, Store, Summary};

fn open(dir: &Path) -> Store {
    common::open_writable(Paths::at(dir, Origin::Flag))
}

/// A data directory with the bundled sample: one group, three meetings.
fn sample_dir() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let store = open(&dir);
    parvi::store::sample::install(&store).unwrap();
    (tmp, dir)
}

fn cache(dir: &Path) -> String {
    fs::read_to_string(dir.join("search.txt")).unwrap()
}

/// A meeting with a note, ideas (one written in private and never revealed), a theme, a vote,
/// a decision and an action.
fn meeting_with_outcomes() -> SessionRecord {
    let mut f = format();
    f.phases.push(phase("ideas", PhaseKind::Ideas, 5));
    f.phases.push(phase("private", PhaseKind::Writing, 5));
    f.phases.push(phase("decide", PhaseKind::Decisions, 5));
    f.phases.push(phase("todo", PhaseKind::Actions, 5));
    let mut sim = Sim::new(record_with(f));
    sim.ok(Cmd::Start);
    sim.ok(Cmd::GoToPhase(1));
    sim.at(5).ok(Cmd::Next);
    sim.ok(Cmd::Note("Välitunnit ovat LIIAN lyhyet".into()));
    sim.ok(Cmd::GoToPhase(6));
    sim.ok(Cmd::AddIdea {
        text: "Hiljainen huone kirjastoon".into(),
        author: None,
    });
    sim.ok(Cmd::AddTheme("Tilat".into()));
    sim.ok(Cmd::GoToPhase(7));
    sim.ok(Cmd::AddIdea {
        text: "Salainen toive jota ei näytetty".into(),
        author: None,
    });
    sim.ok(Cmd::GoToPhase(8));
    sim.ok(Cmd::RecordDecision {
        text: "Kokeillaan ÄÄNETÖNTÄ tuntia".into(),
        basis: vec![],
        review: None,
    });
    sim.ok(Cmd::GoToPhase(9));
    let owner = sim.id("Leena Mäkinen");
    sim.ok(Cmd::AddAction {
        text: "Varataan huone".into(),
        owner: Owner::Member {
            id: owner,
            name: "Leena Mäkinen".into(),
        },
        due: Due::None,
        clock_item: None,
    });
    sim.ok(Cmd::End);
    sim.meeting.record().clone()
}

#[test]
fn the_text_has_notes_ideas_themes_decisions_and_actions_lowercased_but_no_names_present() {
    let text = search::text_of(&meeting_with_outcomes());
    for wanted in [
        "opiskelijoiden osallisuus",
        "hyvinvointiryhmä kotka",
        "välitunnit ovat liian lyhyet",
        "hiljainen huone kirjastoon",
        "tilat",
        "kokeillaan äänetöntä tuntia",
        "varataan huone",
        // An action's owner is part of what was agreed.
        "leena mäkinen",
    ] {
        assert!(text.contains(wanted), "{wanted:?} in {text:?}");
    }
    // Ideas never revealed stay out, and so do the names of the people present.
    assert!(!text.contains("salainen"), "{text}");
    assert!(!text.contains("aino"), "{text}");
    assert!(!text.contains('\n') && !text.contains('\t'));
    assert_eq!(text, text.to_lowercase());
}

#[test]
fn every_word_must_appear_in_any_case_and_finnish_letters_fold() {
    let mut index = SearchIndex::default();
    index.insert("a.json".into(), 1, 1, "äänestys ruokalan jonoista".into());
    let summary = |file: &str| {
        let record = meeting_with_outcomes();
        Summary::of(&record, file.into(), 1, 1)
    };
    assert!(index.matches(&summary("a.json"), &Query::new("ÄÄNESTYS Ruokala")));
    assert!(!index.matches(&summary("a.json"), &Query::new("äänestys kahvila")));
    // A meeting the cache has no text for is matched by what its summary shows.
    assert!(index.matches(&summary("b.json"), &Query::new("OSALLISUUS")));
    assert!(!index.matches(&summary("b.json"), &Query::new("ruokala")));
}

#[test]
fn the_cache_is_written_beside_the_index_and_follows_changed_and_removed_files() {
    let (_tmp, dir) = sample_dir();
    let store = open(&dir);
    let sessions = store.sessions();
    assert_eq!(sessions.summaries.len(), 3);
    let text = cache(&dir);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "a header and one line per meeting: {text}");
    assert!(lines[0].starts_with("parvi-search 1 3 "), "{}", lines[0]);
    assert!(search::is_current(
        &dir.join("search.txt"),
        &sessions.summaries
    ));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(dir.join("search.txt"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Newest first, like the index.
    assert!(lines[1].starts_with(&sessions.summaries[0].file));
    assert!(lines[1].contains("liikuntasali iltaisin auki opiskelijoille"));

    // Nothing changed: the file is not rewritten.
    let before = fs::metadata(dir.join("search.txt"))
        .unwrap()
        .modified()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let _ = store.sessions();
    let after = fs::metadata(dir.join("search.txt"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(before, after, "an unchanged store leaves the cache alone");

    // A meeting saved again with a new topic gets its new text; the others stay.
    let newest = &sessions.summaries[0];
    let path = dir.join("sessions").join(&newest.file);
    let (mut record, _) = store.load_session(&path).unwrap();
    record.topic = "Kevään Opintomatka".into();
    store.save_session(&path, &record).unwrap();
    let sessions = store.sessions();
    let text = cache(&dir);
    assert!(text.contains("kevään opintomatka"), "{text}");
    assert!(
        !text.contains("ruokala ja välitunnit"),
        "the old topic is gone"
    );
    assert!(search::is_current(
        &dir.join("search.txt"),
        &sessions.summaries
    ));

    // A removed meeting leaves the cache too.
    fs::remove_file(&path).unwrap();
    let sessions = store.sessions();
    assert_eq!(sessions.summaries.len(), 2);
    let text = cache(&dir);
    assert_eq!(text.lines().count(), 3);
    assert!(!text.contains("kevään opintomatka"));
}

#[test]
fn a_missing_or_broken_cache_is_rebuilt_and_a_read_only_store_never_writes_one() {
    let (_tmp, dir) = sample_dir();
    let store = open(&dir);
    let summaries = store.sessions().summaries;
    fs::write(dir.join("search.txt"), "rubbish\n\u{0}\u{1}").unwrap();
    let index = store.search_index(&summaries);
    assert!(index.covers(&summaries));
    assert!(cache(&dir).starts_with("parvi-search 1 3 "));
    drop(store);

    // Another parvi's data, read only: found all the same, nothing written.
    fs::remove_file(dir.join("search.txt")).unwrap();
    let reader = Store::open_read_only(Paths::at(&dir, Origin::Flag));
    let summaries = reader.sessions().summaries;
    let index = reader.search_index(&summaries);
    assert_eq!(index.len(), 3);
    let filter = Filter {
        query: Query::new("Ruokalan JONOT"),
        ..Filter::default()
    };
    let found = filter.apply(&summaries, Some(&index), &jiff::tz::TimeZone::UTC);
    assert_eq!(found.len(), 3, "every sample meeting has that note");
    assert!(!dir.join("search.txt").exists());
}

#[test]
fn filters_by_group_format_dates_and_words_together() {
    let meetings = parvi::simulator::meetings();
    let mut summaries: Vec<Summary> = meetings
        .iter()
        .enumerate()
        .map(|(i, r)| Summary::of(r, format!("{i}.json"), 1, 1))
        .collect();
    summaries.reverse();
    // One meeting of another group in another format.
    let other = meeting_with_outcomes();
    summaries.insert(0, Summary::of(&other, "x.json".into(), 1, 1));
    let mut index = SearchIndex::default();
    for (i, r) in meetings.iter().enumerate() {
        index.insert(format!("{i}.json"), 1, 1, search::text_of(r));
    }
    index.insert("x.json".into(), 1, 1, search::text_of(&other));
    let tz = jiff::tz::TimeZone::UTC;
    let files = |filter: &Filter| -> Vec<String> {
        filter
            .apply(&summaries, Some(&index), &tz)
            .into_iter()
            .map(|i| summaries[i].file.clone())
            .collect()
    };
    let all = Filter::default();
    assert_eq!(files(&all), ["x.json", "2.json", "1.json", "0.json"]);
    let by_group = Filter {
        group: Some(meetings[0].group.id.clone()),
        ..Filter::default()
    };
    assert_eq!(files(&by_group), ["2.json", "1.json", "0.json"]);
    let by_format = Filter {
        format: Some("test".into()),
        ..Filter::default()
    };
    assert_eq!(files(&by_format), ["x.json"]);
    // October only: the 6 October meeting.
    let october = Filter {
        from: Some(jiff::civil::date(2026, 10, 1)),
        to: Some(jiff::civil::date(2026, 10, 31)),
        ..by_group.clone()
    };
    assert_eq!(files(&october), ["1.json"]);
    // The first and last day count.
    let one_day = Filter {
        from: Some(jiff::civil::date(2026, 11, 3)),
        to: Some(jiff::civil::date(2026, 11, 3)),
        ..Filter::default()
    };
    assert_eq!(files(&one_day), ["2.json"]);
    let words = Filter {
        query: Query::new("äänetöntä"),
        ..Filter::default()
    };
    assert_eq!(files(&words), ["x.json"]);
    let nothing = Filter {
        query: Query::new("äänetöntä"),
        ..by_group
    };
    assert!(files(&nothing).is_empty());
}

// ---- the command line ----------------------------------------------------------------------

fn parvi(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parvi"));
    cmd.arg("--data-dir").arg(dir).args(args);
    for var in ["LC_ALL", "LC_MESSAGES", "LANGUAGE", "PARVI_DATA_DIR"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "C.UTF-8").env("TZ", "Europe/Helsinki");
    cmd.output().expect("run parvi")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn parvi_sessions_search_lists_the_meetings_with_every_word() {
    let (_tmp, dir) = sample_dir();
    // "Välitunnit" is in the newest meeting's topic, "porrastaa" in its action (and in an
    // action of the first meeting, whose topic is another).
    let out = parvi(&dir, &["sessions", "search", "VÄLITUNNIT", "porrastaa"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2, "a header and one meeting: {text}");
    assert!(text.contains("Ruokala ja välitunnit"), "{text}");
    assert!(text.lines().next().unwrap().starts_with("Tunnus"));
    let out = parvi(&dir, &["sessions", "search", "porrastaa"]);
    assert_eq!(stdout(&out).lines().count(), 3);
    // Every sample meeting has this note.
    let out = parvi(&dir, &["sessions", "search", "ruokalan", "jonot"]);
    assert_eq!(stdout(&out).lines().count(), 4);
    // Nothing found is exit code 1, like grep.
    let out = parvi(&dir, &["sessions", "search", "kvanttifysiikka"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("Hakua vastaavia kokouksia ei löytynyt."));
    // An unknown group is an error with a hint.
    let out = parvi(&dir, &["sessions", "search", "--group", "nobody", "x"]);
    assert_eq!(out.status.code(), Some(1));
    // With no other parvi running, the search keeps the caches for the next one (issue 16).
    assert!(dir.join("search.txt").is_file());
    assert!(dir.join("index.json").is_file());
}

#[test]
fn parvi_stats_prints_each_meeting_the_totals_and_the_open_actions() {
    let (_tmp, dir) = sample_dir();
    let out = parvi(
        &dir,
        &[
            "--lang",
            "en",
            "stats",
            "--group",
            "Hyvinvointiryhmä, Kotkan kampus",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    // The figures of each meeting, as the model computes them.
    let mut meetings = parvi::simulator::meetings();
    meetings.sort_by_key(SessionRecord::started_at);
    for record in &meetings {
        let p = participation(&MeetingState::replay(record));
        // English writes a percentage without a space, as the English minutes do.
        let share = |x: Option<f64>| format!("{}%", (x.unwrap() * 100.0).round() as i64);
        let equity = format!("{:.2}", p.equity.unwrap());
        let line = text
            .lines()
            .find(|l| l.contains(&record.topic))
            .unwrap_or_else(|| panic!("{} in {text}", record.topic));
        assert!(
            line.contains(&share(p.airtime_share(Side::Student))),
            "{line}"
        );
        assert!(line.contains(&share(p.seat_share(Side::Student))), "{line}");
        assert!(line.contains(&equity), "{line}");
    }
    assert!(text.contains("Totals (3 meetings)"), "{text}");
    assert!(text.contains("Mean equity index: "), "{text}");
    assert!(text.contains("Open actions ("), "{text}");
    assert!(text.contains("student union representative"), "{text}");
    // Unknown group: exit code 1.
    let out = parvi(&dir, &["stats", "--group", "ei-ole"]);
    assert_eq!(out.status.code(), Some(1));
    // A role owner is written as the role; participation is never per person.
    assert!(!text.contains("Aino Virtanen"), "{text}");
}
