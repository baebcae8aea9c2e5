//! The JSON Schemas under `sessions/schema/` and the sample under `sessions/sample/` are
//! generated from the Rust types and the simulator. These tests fail when either has drifted
//! from the code; run them with `PARVI_UPDATE_FILES=1` to write the new versions, then
//! review the diff.

use std::path::{Path, PathBuf};

use parvi::model::{Format, Group, MeetingState, SessionRecord, Status};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn updating() -> bool {
    std::env::var_os("PARVI_UPDATE_FILES").is_some()
}

/// Compares `text` with the committed file, or writes it when updating.
fn check_file(path: &Path, text: &str) {
    if updating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == text,
        "{} is out of date with the code; run `PARVI_UPDATE_FILES=1 cargo test --test all schema::` and review the diff",
        path.display()
    );
}

fn pretty(value: &impl serde::Serialize) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap();
    s.push('\n');
    s
}

fn schemas() -> Vec<(&'static str, Value)> {
    vec![
        (
            "session",
            serde_json::to_value(schemars::schema_for!(SessionRecord)).unwrap(),
        ),
        (
            "group",
            serde_json::to_value(schemars::schema_for!(Group)).unwrap(),
        ),
        (
            "format",
            serde_json::to_value(schemars::schema_for!(Format)).unwrap(),
        ),
        (
            "clock",
            serde_json::to_value(schemars::schema_for!(parvi::model::clock::YearClock)).unwrap(),
        ),
        (
            "clock-template",
            serde_json::to_value(schemars::schema_for!(
                parvi::model::clock::template::Template
            ))
            .unwrap(),
        ),
    ]
}

#[test]
fn the_committed_schemas_match_the_types() {
    for (name, schema) in schemas() {
        let path = root().join(format!("sessions/schema/{name}.schema.json"));
        check_file(&path, &pretty(&schema));
    }
}

#[test]
fn the_committed_sample_matches_the_simulator() {
    let dir = root().join("sessions/sample");
    check_file(
        &dir.join(format!("groups/{}.json", parvi::simulator::group().id)),
        &pretty(&parvi::simulator::group()),
    );
    if !updating() {
        assert_eq!(
            parvi::store::sample::GROUP_FILE.1,
            pretty(&parvi::simulator::group()).as_str()
        );
    }
    let clock = parvi::simulator::clock();
    check_file(
        &dir.join(format!("clocks/{}.json", parvi::simulator::group().id)),
        &pretty(&clock),
    );
    if !updating() {
        assert_eq!(
            parvi::store::sample::CLOCK_FILE.1,
            pretty(&clock).as_str(),
            "the binary embeds an old sample clock"
        );
    }
    let meetings = parvi::simulator::meetings();
    assert_eq!(meetings.len(), parvi::store::sample::SESSION_FILES.len());
    for (record, (name, embedded)) in meetings.iter().zip(parvi::store::sample::SESSION_FILES) {
        let text = String::from_utf8(parvi::store::session_json(record).unwrap()).unwrap();
        check_file(&dir.join("sessions").join(name), &text);
        if !updating() {
            assert_eq!(*embedded, text, "the binary embeds an old {name}");
        }
    }
}

fn validator(name: &str) -> jsonschema::Validator {
    let schema = schemas().into_iter().find(|(n, _)| *n == name).unwrap().1;
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, what: &str, text: &str) {
    let value: Value = serde_json::from_str(text).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "{what} is not valid against its schema: {errors:?}"
    );
}

#[test]
fn the_sample_and_the_built_in_formats_are_valid_against_the_schemas() {
    assert_valid(
        &validator("group"),
        "the sample group",
        parvi::store::sample::GROUP_FILE.1,
    );
    let sessions = validator("session");
    for (name, text) in parvi::store::sample::SESSION_FILES {
        assert_valid(&sessions, name, text);
    }
    assert_valid(
        &validator("clock"),
        "the sample clock",
        parvi::store::sample::CLOCK_FILE.1,
    );
    let formats = validator("format");
    for (name, text) in parvi::store::formats::BUILTIN {
        assert_valid(&formats, name, text);
    }
    let template = std::fs::read_to_string(root().join("clocks/template.json")).unwrap();
    assert_valid(
        &validator("clock-template"),
        "the clock template",
        &template,
    );
    // A clock made from it, as the store writes it.
    let group =
        parvi::model::Group::new("Testi", parvi::model::GroupKind::SiteWellbeing, "", "0000")
            .unwrap();
    let clock = parvi::store::clocks::template().clock_for(&group, parvi::i18n::Lang::Sv);
    assert!(!clock.items.is_empty(), "the embedded template parses");
    assert_valid(
        &validator("clock"),
        "a clock from the template",
        &serde_json::to_string(&clock).unwrap(),
    );
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    // The schema must not be looser than the types: an unknown field or a wrong kind fails.
    let sessions = validator("session");
    let mut value: Value = serde_json::from_str(parvi::store::sample::SESSION_FILES[0].1).unwrap();
    value["surprise"] = Value::Bool(true);
    assert!(!sessions.is_valid(&value));
    let mut value: Value = serde_json::from_str(parvi::store::sample::SESSION_FILES[0].1).unwrap();
    value["events"][1]["event"]["type"] = Value::String("phase_exploded".into());
    assert!(!sessions.is_valid(&value));
}

#[test]
fn the_sample_meetings_are_complete_and_show_the_change_in_student_airtime() {
    let meetings = parvi::simulator::meetings();
    let mut student_shares = Vec::new();
    for record in &meetings {
        assert!(record.oddities().is_empty(), "{:?}", record.oddities());
        let state = MeetingState::replay(record);
        assert_eq!(state.status, Status::Ended);
        assert!(
            state.turns.len() > 10,
            "a sample meeting should have real turns"
        );
        let sides = state.airtime_by_side(state.last_ms);
        let total: u64 = sides.iter().sum();
        student_shares.push(sides[0] * 100 / total.max(1));
    }
    // The wellbeing meetings produce something: ideas, a closed vote, a decision, actions;
    // the third follows up the first one's actions.
    for n in [0, 2] {
        let state = MeetingState::replay(&meetings[n]);
        assert!(state.live_ideas().count() >= 3, "meeting {n} has ideas");
        assert!(
            state.votes.iter().any(|v| v.closed),
            "meeting {n} has a closed vote"
        );
        assert_eq!(state.decisions.len(), 1, "meeting {n} has a decision");
        let on_clock = state.actions.iter().filter(|a| a.clock_item.is_some());
        assert_eq!(
            state.actions.len() - on_clock.count(),
            2,
            "meeting {n} agrees two actions besides those on the clock"
        );
    }
    // The third walks through the year clock: the autumn's items that are over are done,
    // November's is under way, and December's gets an action; the sample's clock is the
    // one that meeting left.
    let third = MeetingState::replay(&meetings[2]);
    let clock = third
        .clock
        .as_ref()
        .expect("the third meeting has the clock");
    assert_eq!(clock.items, parvi::simulator::clock().items);
    assert!(third.clock_handled.len() >= 5, "{:?}", third.clock_handled);
    let action = third.actions.iter().find(|a| a.clock_item.is_some());
    let action = action.expect("an action on a clock item");
    assert_eq!(action.due, parvi::model::outcomes::Due::Month { month: 12 });
    assert_eq!(meetings[2].carried_actions.len(), 2);
    let reviewed = meetings[2]
        .events
        .iter()
        .filter(|e| matches!(e.event, parvi::model::EventKind::ActionReviewed { .. }))
        .count();
    assert_eq!(
        reviewed, 2,
        "the third meeting follows up the first one's actions"
    );
    // The first meeting is chair-led, the last one structured: the story the sample tells.
    assert!(
        student_shares[0] < student_shares[2],
        "student share of airtime should grow: {student_shares:?}"
    );
    let _: Vec<SessionRecord> = meetings;
}
