//! Absurd input is refused early with a message that names the limit, never loaded, checked
//! at length or drawn (issue 16, items 2 and 4): thousands of phases, tens of thousands of
//! people, deep nesting, huge texts and numbers. Each case is the real sample file with one
//! thing made absurd, in a real temporary data directory.
//!
//! None of these is a timed test: the quadratic code they guard against is kept out by a
//! refusal (asserted) or by a single scan whose results are checked line by line.

use std::fs;
use std::path::{Path, PathBuf};

use parvi::i18n::Lang;
use parvi::model::MeetingState;
use parvi::model::limits::{Counted, MAX_DEPTH, MAX_PEOPLE, MAX_PHASES, MAX_TEXT_CHARS, TooMany};
use parvi::store::{Origin, Paths, Reason, Store, formats};
use serde_json::{Value, json};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/sample");
const GROUP: &str = "hyvinvointiryhma-kotkan-kampus-7c1e";
const SESSION: &str = "2026-11-03_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a03.json";

/// A copy of the sample data directory, and a read-only store on it.
fn sample() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["groups", "sessions", "clocks", "formats"] {
        fs::create_dir_all(dir.path().join(sub)).unwrap();
        let Ok(entries) = fs::read_dir(Path::new(SAMPLE).join(sub)) else {
            continue;
        };
        for entry in entries.flatten() {
            fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name())).unwrap();
        }
    }
    let store = Store::open_read_only(Paths::at(dir.path(), Origin::Flag));
    (dir, store)
}

fn session_path(dir: &Path) -> PathBuf {
    dir.join("sessions").join(SESSION)
}

fn group_path(dir: &Path) -> PathBuf {
    dir.join("groups").join(format!("{GROUP}.json"))
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

fn write_json(path: &Path, value: &Value) {
    fs::write(path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
}

/// A format of `n` copies of the same phase, so every id after the first is repeated.
fn format_of(n: usize) -> String {
    let phase = json!({"id": "a", "kind": "info", "title": {"fi": "Alku"}, "text": {"fi": "Tervetuloa"}, "minutes": 5});
    let format = json!({
        "schema": 1, "name": "iso", "title": {"fi": "Iso"},
        "phases": vec![phase; n],
    });
    serde_json::to_string_pretty(&format).unwrap()
}

#[test]
fn a_format_with_3000_repeated_phase_ids_is_refused_whole_with_one_mistake() {
    // Checking and locating each of these took 18.5 s and delayed the app's first frame.
    let report = formats::check_text(&format_of(3000));
    assert_eq!(report.mistakes.len(), 1, "{:?}", &report.mistakes[..3]);
    let mistake = &report.mistakes[0];
    assert_eq!(mistake.field, "phases");
    assert!(
        mistake.message.contains("3000") && mistake.message.contains(&MAX_PHASES.to_string()),
        "{}",
        mistake.message
    );
}

#[test]
fn at_the_phase_limit_every_repeated_id_is_located_on_its_own_line() {
    // One scan locates all the mistakes (one scan per mistake was quadratic): each must
    // still point at the line of its own phase's id.
    let text = format_of(MAX_PHASES);
    let report = formats::check_text(&text);
    let id_lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("\"id\""))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(id_lines.len(), MAX_PHASES);
    let repeated: Vec<(String, usize)> = report
        .mistakes
        .iter()
        .filter(|m| m.field.ends_with(".id"))
        .map(|m| (m.field.clone(), m.line))
        .collect();
    let expected: Vec<(String, usize)> = (1..MAX_PHASES)
        .map(|i| (format!("phases[{i}].id"), id_lines[i]))
        .collect();
    assert_eq!(repeated, expected);
}

#[test]
fn a_user_format_over_the_limit_is_listed_as_broken_not_offered() {
    let (dir, store) = sample();
    fs::write(
        dir.path().join("formats/iso.json"),
        format_of(MAX_PHASES + 1),
    )
    .unwrap();
    let (entries, problems) = store.formats();
    assert!(entries.iter().all(|e| e.format.name != "iso"));
    assert_eq!(problems.len(), 1);
    let message = problems[0].describe(Lang::En);
    assert!(message.contains("too many"), "{message}");
}

#[test]
fn a_meeting_with_20000_participants_is_refused_with_a_clear_message() {
    // Exporting it took 17.6 s (the roster looked everyone up by scanning everyone).
    let (dir, store) = sample();
    let path = session_path(dir.path());
    let mut record = read_json(&path);
    let person = record["participants"][0].clone();
    let participants = record["participants"].as_array_mut().unwrap();
    for i in 0..20_000 {
        let mut p = person.clone();
        p["id"] = json!(format!("x{i}"));
        p["name"] = json!(format!("Henkilö {i}"));
        participants.push(p);
    }
    let found = participants.len();
    write_json(&path, &record);
    let problem = store.load_session(&path).unwrap_err();
    assert_eq!(
        problem.reason,
        Reason::TooMany(TooMany {
            what: Counted::People,
            found,
            max: MAX_PEOPLE
        })
    );
    let message = problem.describe(Lang::Fi);
    assert!(
        message.contains(SESSION) && message.contains(&found.to_string()),
        "{message}"
    );
    // The list shows it as a file that could not be read; the other meetings still load.
    let sessions = store.sessions();
    assert_eq!(sessions.problems.len(), 1);
    assert_eq!(sessions.summaries.len(), 2);
}

#[test]
fn a_group_with_more_members_than_the_limit_is_refused() {
    let (dir, store) = sample();
    let path = group_path(dir.path());
    let mut group = read_json(&path);
    let member = group["members"][0].clone();
    let members = group["members"].as_array_mut().unwrap();
    while members.len() <= MAX_PEOPLE {
        let mut m = member.clone();
        m["id"] = json!(format!("x{}", members.len()));
        members.push(m);
    }
    write_json(&path, &group);
    let groups = store.groups();
    assert!(groups.groups.is_empty());
    assert!(
        matches!(
            groups.problems[0].reason,
            Reason::TooMany(TooMany {
                what: Counted::People,
                ..
            })
        ),
        "{:?}",
        groups.problems
    );
}

#[test]
fn deep_nesting_is_refused_with_the_limit_not_serdes_recursion_message() {
    let (dir, store) = sample();
    let path = group_path(dir.path());
    let mut group = read_json(&path);
    let mut deep = json!("x");
    for _ in 0..MAX_DEPTH * 4 {
        deep = json!([deep]);
    }
    group["site"] = deep;
    write_json(&path, &group);
    let groups = store.groups();
    assert_eq!(
        groups.problems[0].reason,
        Reason::TooDeep { max: MAX_DEPTH }
    );
    // The settings go through the same check.
    let config = format!("{}{}", "[".repeat(200), "]".repeat(200));
    fs::write(dir.path().join("config.json"), config).unwrap();
    assert_eq!(
        store.config().unwrap_err().reason,
        Reason::TooDeep { max: MAX_DEPTH }
    );
}

#[test]
fn a_text_of_a_million_characters_is_refused_before_it_could_be_drawn() {
    let (dir, store) = sample();
    let path = session_path(dir.path());
    let mut record = read_json(&path);
    record["topic"] = json!("ä".repeat(1_000_000));
    write_json(&path, &record);
    let problem = store.load_session(&path).unwrap_err();
    assert_eq!(
        problem.reason,
        Reason::TextTooLong {
            max: MAX_TEXT_CHARS
        }
    );
    assert!(problem.describe(Lang::En).contains("too long"));
}

#[test]
fn a_50_mb_string_is_refused_by_its_size() {
    let (dir, store) = sample();
    let path = group_path(dir.path());
    let mut group = read_json(&path);
    group["name"] = json!("a".repeat(50 << 20));
    write_json(&path, &group);
    assert!(matches!(
        store.groups().problems[0].reason,
        Reason::TooLarge { .. }
    ));
}

#[test]
fn numbers_of_1e308_are_refused_with_the_line_of_the_field() {
    let (dir, store) = sample();
    // A duration in a format.
    let report = formats::check_text(&format_of(1).replace("\"minutes\": 5", "\"minutes\": 1e308"));
    assert!(report.format.is_none());
    assert!(report.mistakes[0].line > 1, "{:?}", report.mistakes);
    // A timestamp and a clock reading in a meeting's log.
    let path = session_path(dir.path());
    for (field, value) in [("at", json!(1e308)), ("mono_ms", json!(1e308))] {
        let mut record = read_json(&path);
        record["events"][3][field] = value;
        write_json(&path, &record);
        let problem = store.load_session(&path).unwrap_err();
        assert!(
            matches!(problem.reason, Reason::Json { line, .. } if line > 1),
            "{field}: {problem:?}"
        );
    }
}

#[test]
fn the_largest_integers_load_and_replay_without_a_panic() {
    // Integers that do fit their fields (a clock reading of u64::MAX, a timebox of u32::MAX
    // minutes in a meeting's own copy of its format) must not overflow on the way to a
    // screen or an export.
    let (dir, store) = sample();
    let path = session_path(dir.path());
    let mut record = read_json(&path);
    let last = record["events"].as_array().unwrap().len() - 1;
    record["events"][last]["mono_ms"] = json!(u64::MAX);
    record["format"]["phases"][0]["minutes"] = json!(u32::MAX);
    record["format"]["phases"][0]["turn_seconds"] = json!(u32::MAX);
    write_json(&path, &record);
    let (record, _) = store.load_session(&path).unwrap();
    let state = MeetingState::replay(&record);
    let figures = parvi::model::figures::MeetingFigures::of_state(&record, &state);
    assert_eq!(figures.id, record.id);
    let options = parvi::export::Options::new(parvi::export::Format::Markdown, Lang::Fi);
    assert!(!parvi::export::minutes(&record, &options).files.is_empty());
}
