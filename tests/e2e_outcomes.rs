//! End to end, in a real terminal, a meeting that produces something and the meeting that
//! follows it up (the issue's acceptance test): 1-2-4-All into a dot vote into a decision
//! and two actions, with a `kill -9` in the middle of the vote and a resume, then a second
//! meeting of the same group that reviews those two actions.
//!
//! The harness is the one of `tests/e2e.rs`: the built binary in tmux, keys typed, every wait
//! a poll with a deadline, never a sleep. Where the file can tell, the file decides (each
//! action is saved before the next key is read); the screen is read for what only the screen
//! shows: that private writing shows a count and not the texts, the dialogs, the results.
//! Dialog rows are chosen by their text, so the order of a list is not built into the keys.
//!
//! Skipped with a message when tmux is not installed (the CI script installs it).

use crate::tmux;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use parvi::model::outcomes::{self, ActionItem, ActionStatus, Basis, Due, Owner};
use parvi::model::vote::{Ballot, Entry, VoteKind};
use parvi::model::{
    Event, EventKind, Format, Localized, MeetingState, Phase, PhaseKind, Role, SessionRecord, Side,
    Status,
};
use parvi::store::{Origin, Paths, Store};
use tmux::{Launch, Tmux};

const GROUP: &str = "Porin hyvinvointiryhmä";
/// Five people, two of them students; the owner of one action is the last one.
const MEMBERS: [(&str, &str); 5] = [
    ("Aino Virtanen", "student"),
    ("Bertta Koski", "teacher"),
    ("Cecilia Öberg", "nurse"),
    ("Daniel Äijälä", "student"),
    ("Eero Salo", "management"),
];
const TOPIC: &str = "Ruokalan viihtyisyys";
const FOLLOW_UP_TOPIC: &str = "Syksyn seuranta";
/// The user's own format: 1-2-4-All, a dot vote, decisions, actions.
const FORMAT: &str = "yksi-kaksi-nelja-paatos";
/// The built-in wellbeing meeting; its third item follows up earlier actions.
const FOLLOW_UP_FORMAT: &str = "hyvinvointiryhma";

/// Written alone and in silence (hidden until revealed).
const SOLO_IDEAS: [&str; 3] = [
    "Pehmeämmät tuolit",
    "Musiikkia ruokatunnille",
    "Enemmän kasvisvaihtoehtoja",
];
/// Shared with all.
const ALL_IDEA: &str = "Ruokarauha: ei kiirettä";
/// Who votes, in this order, and their dots on the four ideas (a budget of 2). The kill
/// comes after the first two ballots.
const BALLOTS: [(&str, [u32; 4]); 5] = [
    ("Aino Virtanen", [1, 1, 0, 0]),
    ("Bertta Koski", [2, 0, 0, 0]),
    ("Cecilia Öberg", [0, 0, 0, 1]),
    ("Daniel Äijälä", [0, 0, 2, 0]),
    ("Eero Salo", [2, 0, 0, 0]),
];
const BEFORE_KILL: usize = 2;
const DECISION: &str = "Ruokalaan hankitaan pehmeämmät tuolit";
const ACTION_MEMBER: &str = "Tuolien hintavertailu";
const ACTION_ROLE: &str = "Kysely opiskelijoille ruokarauhasta";

// ---- fixtures -----------------------------------------------------------------------------

/// The group of five, made with the command line as a user would (parvi creates the data
/// directory).
fn make_group(data: &Path) {
    let mut args = vec!["groups", "add", "--kind", "site_wellbeing", GROUP];
    let specs: Vec<String> = MEMBERS
        .iter()
        .map(|(name, role)| format!("{name}:{role}"))
        .collect();
    for spec in &specs {
        args.push("--member");
        args.push(spec);
    }
    let out = tmux::cli(data, &args);
    assert!(
        out.status.success(),
        "parvi groups add failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The user's own format in `<data>/formats/`: the phases of the built-in 1-2-4-All (its
/// solo writing private), then a dot vote with a budget of two entered voter by voter,
/// decisions and actions. Checked with `parvi formats check` as a user would.
fn write_format(data: &Path) -> Format {
    let builtin =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("formats/yksi-kaksi-nelja-kaikki.json");
    let mut format: Format =
        serde_json::from_slice(&std::fs::read(&builtin).expect("read the built-in 1-2-4-All"))
            .expect("the built-in 1-2-4-All parses");
    format.name = FORMAT.to_string();
    format.title = Localized {
        fi: Some("1-2-4-kaikki, äänestys ja päätökset".into()),
        ..Localized::default()
    };
    let more = serde_json::json!([
        {
            "id": "vote",
            "kind": "vote",
            "title": {"fi": "Pisteäänestys"},
            "prompt": {"fi": "Jaa kaksi pistettä ideoille, joihin tartutaan ensin."},
            "minutes": 6,
            "vote": {"kind": "dots", "budget": 2, "entry": "voters"}
        },
        {
            "id": "decisions",
            "kind": "decisions",
            "title": {"fi": "Päätökset"},
            "minutes": 5
        },
        {
            "id": "actions",
            "kind": "actions",
            "title": {"fi": "Toimenpiteet"},
            "prompt": {"fi": "Kuka tekee mitä ja mihin mennessä?"},
            "minutes": 5
        }
    ]);
    format
        .phases
        .extend(serde_json::from_value::<Vec<Phase>>(more).unwrap());
    let solo = &format.phases[phase_of(&format, "solo")];
    assert!(
        solo.kind == PhaseKind::Writing && solo.is_private(),
        "1-2-4-All's solo minute must be private writing"
    );
    let dir = data.join("formats");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{FORMAT}.json"));
    std::fs::write(&path, serde_json::to_vec_pretty(&format).unwrap()).unwrap();
    let path = path.display().to_string();
    let out = tmux::cli(data, &["formats", "check", &path]);
    assert!(
        out.status.success(),
        "parvi formats check failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    format
}

/// The index of the phase with this id.
fn phase_of(format: &Format, id: &str) -> usize {
    format
        .phases
        .iter()
        .position(|p| p.id == id)
        .unwrap_or_else(|| panic!("no phase {id:?} in {}", format.name))
}

/// This day and month next year: always in the future.
fn next_year(month: i8, day: i8) -> jiff::civil::Date {
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    jiff::civil::date(today.year() + 1, month, day)
}

/// A date as typed into parvi in Finnish: `15.1.2027`.
fn typed(date: jiff::civil::Date) -> String {
    format!("{}.{}.{}", date.day(), date.month(), date.year())
}

// ---- the session files --------------------------------------------------------------------

/// The meeting files in `<data>/sessions/`.
fn session_files(data: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(data.join("sessions")) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.ends_with(".json") && !name.starts_with('.')
        })
        .collect();
    files.sort();
    files
}

/// Waits for the meeting file that is not one of `known`: the meeting just started.
fn wait_new_session(data: &Path, tmux: &Tmux, known: &[PathBuf]) -> PathBuf {
    let end = Instant::now() + tmux::DEADLINE;
    loop {
        let new: Vec<PathBuf> = session_files(data)
            .into_iter()
            .filter(|p| !known.contains(p))
            .collect();
        assert!(new.len() <= 1, "more than one new meeting file: {new:?}");
        if let Some(path) = new.into_iter().next() {
            return path;
        }
        assert!(
            Instant::now() < end,
            "no new meeting file within {:?}; the screen was:\n{}",
            tmux::DEADLINE,
            tmux::frame(&tmux.screen())
        );
        std::thread::sleep(tmux::POLL);
    }
}

/// Reads a meeting file with serde_json and the library's types. Saves are atomic: a file
/// that is there but does not parse is a bug.
fn read_record(path: &Path) -> SessionRecord {
    let bytes = std::fs::read(path).expect("read the meeting file");
    serde_json::from_slice(&bytes).unwrap_or_else(|e| {
        panic!(
            "{} is not a valid meeting: {e}\n{}",
            path.display(),
            String::from_utf8_lossy(&bytes)
        )
    })
}

/// Waits until the meeting file satisfies `ok`; on timeout panics with its events and the
/// screen.
fn wait_record(
    path: &Path,
    tmux: &Tmux,
    what: &str,
    mut ok: impl FnMut(&SessionRecord, &MeetingState) -> bool,
) -> SessionRecord {
    let end = Instant::now() + tmux::DEADLINE;
    loop {
        let record = path.exists().then(|| read_record(path));
        if let Some(record) = &record
            && ok(record, &MeetingState::replay(record))
        {
            return record.clone();
        }
        if Instant::now() > end {
            panic!(
                "waited {:?} for the meeting file to show {what}; its events were:\n{}\nthe screen was:\n{}",
                tmux::DEADLINE,
                record.as_ref().map_or("(no file)".into(), describe_events),
                tmux::frame(&tmux.screen())
            );
        }
        std::thread::sleep(tmux::POLL);
    }
}

fn describe_events(record: &SessionRecord) -> String {
    record
        .events
        .iter()
        .map(|e| format!("  {:>3} {:>7} ms  {:?}", e.seq, e.mono_ms, e.event))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where in the log the events that satisfy `ok` are.
fn positions(events: &[Event], ok: fn(&EventKind) -> bool) -> Vec<usize> {
    (0..events.len())
        .filter(|i| ok(&events[*i].event))
        .collect()
}

fn last_event(record: &SessionRecord) -> Option<&EventKind> {
    record.events.last().map(|e| &e.event)
}

/// Ballots cast in the open (or latest) vote.
fn ballots(state: &MeetingState) -> usize {
    state.votes.last().map_or(0, |v| v.ballots.len())
}

/// The file loads with the library's loader too, without warnings.
fn load_with_store(data: &Path, path: &Path) -> SessionRecord {
    let store = Store::open_read_only(Paths::at(data, Origin::Flag));
    let (record, warnings) = store
        .load_session(path)
        .unwrap_or_else(|p| panic!("the store cannot load {}: {p:?}", path.display()));
    assert!(
        warnings.is_empty(),
        "warnings loading the meeting: {warnings:?}"
    );
    record
}

// ---- reading and answering dialogs ----------------------------------------------------------

/// The rows of the dialog whose top border carries `title`: the text between its side
/// borders, top to bottom. `None` when no such dialog is on the screen.
fn dialog_rows(screen: &str, title: &str) -> Option<Vec<String>> {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let top = lines.iter().position(|l| {
        let text: String = l.iter().collect();
        text.contains(&format!("┌ {title}"))
    })?;
    let left = lines[top].iter().position(|c| *c == '┌')?;
    let mut rows = Vec::new();
    for line in &lines[top + 1..] {
        match line.get(left) {
            Some('│') => {
                let inside: String = line[left + 1..].iter().take_while(|c| **c != '│').collect();
                rows.push(inside);
            }
            Some('└') => return Some(rows),
            _ => return None,
        }
    }
    None
}

/// Waits for the picker titled `title` to list `label`, then chooses that row with the
/// arrows (all the way up first: pickers preselect different rows) and Enter.
fn choose(tmux: &Tmux, title: &str, label: &str) {
    let screen = tmux.wait_until(&format!("the picker {title:?} listing {label:?}"), |s| {
        dialog_rows(s, title).is_some_and(|rows| rows.iter().any(|r| r.contains(label)))
    });
    let rows = dialog_rows(&screen, title).unwrap_or_default();
    let matching: Vec<usize> = (0..rows.len())
        .filter(|i| rows[*i].contains(label))
        .collect();
    assert_eq!(
        matching.len(),
        1,
        "{label:?} is not one row of the picker {title:?}:\n{}",
        tmux::frame(&screen)
    );
    // Home to the first row (↑ goes round from the first to the last), then down to it.
    let mut keys = vec!["Home"];
    keys.extend(std::iter::repeat_n("Down", matching[0]));
    keys.push("Enter");
    tmux.send_keys(&keys);
}

/// Waits for a one-line text field titled `title`, types `text` and presses Enter.
fn answer_prompt(tmux: &Tmux, title: &str, text: &str) {
    tmux.wait_for(&format!("┌ {title}"));
    tmux.send_text(text);
    tmux.wait_for(&format!("› {text}▏"));
    tmux.send_keys(&["Enter"]);
}

/// The facilitator looks up after closing the idea field. Letters typed within
/// [`parvi::tui::overlay::CLOSING_GUARD_MS`] of it are taken for a writer typing on and run no command, so the
/// next command waits that long (a person's pause, not a wait for the screen).
fn look_up() {
    std::thread::sleep(Duration::from_millis(
        parvi::tui::overlay::CLOSING_GUARD_MS + 100,
    ));
}

/// Goes on to the next agenda item and waits for the file to show it running.
fn next_item(path: &Path, tmux: &Tmux, to: usize) {
    tmux.send_keys(&["n"]);
    wait_record(path, tmux, &format!("agenda item {to} running"), |_, s| {
        s.phase == Some(to)
    });
}

/// Ends the meeting from the end menu, leaves the summary and quits from the home screen.
fn end_meeting_and_quit(path: &Path, tmux: &Tmux) {
    let pid = tmux.pid();
    tmux.send_keys(&["q"]);
    choose(tmux, "Kokouksen päättäminen", "Päätä kokous nyt");
    wait_record(path, tmux, "MeetingEnded", |r, _| {
        last_event(r) == Some(&EventKind::MeetingEnded)
    });
    tmux.wait_for("Kokous on päättynyt");
    tmux.send_keys(&["Enter"]);
    tmux.wait_gone("Kokous on päättynyt");
    tmux.send_keys(&["q"]);
    assert!(
        tmux::wait_exit(pid, tmux::DEADLINE),
        "parvi did not quit from the home screen"
    );
}

// ---- voting -------------------------------------------------------------------------------

/// One voter's turn at the keyboard: the next-voter key, their name from the picker, their
/// dots with → and ↓, Enter (and yes to a ballot that leaves a dot unused). Returns once the
/// ballot is in the file and the screen is blank for the next voter.
fn cast(path: &Path, tmux: &Tmux, voter: &str, dots: [u32; 4], cast_before: usize) {
    tmux.wait_for(&format!("Ääniä annettu {cast_before} / 5"));
    tmux.send_keys(&["Space"]);
    choose(tmux, "Kuka äänestää seuraavaksi?", voter);
    tmux.wait_for("Äänestyslippu");
    let mut keys = Vec::new();
    for (i, d) in dots.iter().enumerate() {
        if i > 0 {
            keys.push("Down");
        }
        keys.extend(std::iter::repeat_n("Right", *d as usize));
    }
    tmux.send_keys(&keys);
    let used: u32 = dots.iter().sum();
    tmux.wait_for(&format!("Pisteitä jäljellä: {} / 2", 2 - used));
    tmux.send_keys(&["Enter"]);
    if used < 2 {
        tmux.wait_for(&format!(
            "Käyttämättömiä pisteitä: {}. Annetaanko ääni silti?",
            2 - used
        ));
        tmux.send_keys(&["Enter"]);
    }
    wait_record(path, tmux, &format!("{voter}'s ballot"), |_, s| {
        ballots(s) == cast_before + 1
    });
    // The screen goes blank between voters: nothing of this ballot stays on it.
    tmux.wait_until("the blank screen after the ballot", |s| {
        s.contains("Jatka painamalla mitä tahansa näppäintä.")
            && !s.contains("Pisteitä jäljellä")
            && !s.contains(voter)
    });
}

/// Any key ends the blank screen after a ballot.
fn next_voter_please(tmux: &Tmux, cast: usize) {
    tmux.send_keys(&["Enter"]);
    tmux.wait_for(&format!("Ääniä annettu {cast} / 5"));
}

// ---- the test -----------------------------------------------------------------------------

#[test]
#[ignore = "needs tmux: run with `cargo test --release -- --include-ignored`, as .ci/run does"]
fn one_two_four_all_vote_decision_actions_survive_kill_9_and_are_followed_up() {
    let test_started = Instant::now();
    let tmp = tempfile::tempdir().expect("temp dir");
    let data = tmp.path().join("data");
    let data = data.as_path();
    make_group(data);
    let format = write_format(data);
    let solo = phase_of(&format, "solo");
    let all = phase_of(&format, "all");
    let vote_item = phase_of(&format, "vote");
    let decisions_item = phase_of(&format, "decisions");
    let actions_item = phase_of(&format, "actions");
    let review_date = next_year(6, 1);
    let due_date = next_year(1, 15);

    // ---- meeting 1: straight in with `parvi run` ----
    let tmux = Tmux::start(
        data,
        Launch::new(&[
            "run", "--group", GROUP, "--format", FORMAT, "--topic", TOPIC,
        ]),
    );
    tmux.wait_for(TOPIC);
    let path = wait_new_session(data, &tmux, &[]);
    let pid = tmux.pid();
    wait_record(&path, &tmux, "the invitation", |_, s| s.phase == Some(0));

    // 1: alone and in silence. The ideas are typed into a masked field and the wall shows
    // only how many there are.
    next_item(&path, &tmux, solo);
    tmux.wait_for("Kirjoita ideat yksi kerrallaan");
    tmux.send_keys(&["Enter"]);
    for (i, idea) in SOLO_IDEAS.iter().enumerate() {
        tmux.wait_for(&format!("┌ Uusi idea nro {}", i + 1));
        tmux.send_text(idea);
        let masked = format!("› {}▏", "•".repeat(idea.chars().count()));
        let screen = tmux.wait_for(&masked);
        assert!(
            !screen.contains(idea),
            "a private idea shows while it is typed:\n{}",
            tmux::frame(&screen)
        );
        tmux.send_keys(&["Enter"]);
        wait_record(&path, &tmux, &format!("idea {}", i + 1), |_, s| {
            s.ideas.len() == i + 1
        });
    }
    tmux.wait_for("┌ Uusi idea nro 4");
    tmux.send_keys(&["Escape"]);
    let screen = tmux.wait_until("the count of private ideas", |s| {
        !s.contains("┌ Uusi idea nro 4")
            && s.contains("ideaa kirjoitettu")
            && s.contains("Ideat näkyvät vasta, kun ne näytetään (r).")
    });
    assert!(
        SOLO_IDEAS.iter().all(|idea| !screen.contains(idea)),
        "private writing must show a count and no texts:\n{}",
        tmux::frame(&screen)
    );
    look_up();
    // Revealed, they are on the wall.
    tmux.send_keys(&["r"]);
    tmux.wait_for("Näytetäänkö piilossa olevat ideat (3) seinällä?");
    tmux.send_keys(&["Enter"]);
    wait_record(&path, &tmux, "IdeasRevealed", |r, _| {
        last_event(r) == Some(&EventKind::IdeasRevealed)
    });
    tmux.wait_until("the revealed ideas on the wall", |s| {
        SOLO_IDEAS.iter().all(|idea| s.contains(idea))
    });

    // 2: pairs, 4: fours (info screens), then all: one more idea, on the wall at once.
    for item in solo + 1..all {
        next_item(&path, &tmux, item);
    }
    next_item(&path, &tmux, all);
    tmux.wait_until("the ideas in All", |s| {
        SOLO_IDEAS.iter().all(|idea| s.contains(idea))
    });
    tmux.send_keys(&["i"]);
    answer_prompt(&tmux, "Uusi idea nro 4", ALL_IDEA);
    wait_record(&path, &tmux, "idea 4", |_, s| s.ideas.len() == 4);
    tmux.wait_for("┌ Uusi idea nro 5");
    tmux.send_keys(&["Escape"]);
    tmux.wait_gone("┌ Uusi idea nro 5");
    tmux.wait_for(ALL_IDEA);
    look_up();

    // The dot vote: the four ideas are the options; two ballots, then parvi is killed.
    next_item(&path, &tmux, vote_item);
    tmux.wait_for("Äänestetään ideoista: 4");
    tmux.wait_for("Pisteitä kullakin: 2");
    tmux.send_keys(&["o"]);
    wait_record(&path, &tmux, "VoteOpened", |_, s| s.open_vote().is_some());
    for (n, (voter, dots)) in BALLOTS[..BEFORE_KILL].iter().enumerate() {
        if n > 0 {
            next_voter_please(&tmux, n);
        }
        cast(&path, &tmux, voter, *dots, n);
    }
    let before = read_record(&path);
    assert_eq!(ballots(&MeetingState::replay(&before)), BEFORE_KILL);
    let saved_at = Instant::now();

    tmux::signal(pid, "KILL");
    assert!(
        tmux::wait_exit(pid, Duration::from_secs(2)),
        "parvi survived kill -9"
    );
    drop(tmux);
    assert_eq!(
        read_record(&path),
        before,
        "the file changed after the last save and the kill"
    );

    // ---- start again: the home screen offers the meeting; it resumes paused, in the vote ----
    let tmux = Tmux::start(data, Launch::new(&[]));
    tmux.wait_for("Kesken jäänyt kokous");
    tmux.wait_for(TOPIC);
    let gap_at_least = saved_at.elapsed();
    tmux.send_keys(&["r"]);
    tmux.wait_for("katkon jälkeen");
    let reopened = wait_record(&path, &tmux, "Reopened", |r, _| {
        matches!(last_event(r), Some(EventKind::Reopened { .. }))
    });
    let state = MeetingState::replay(&reopened);
    assert!(state.paused, "a reopened meeting starts paused");
    assert_eq!(state.phase, Some(vote_item));
    assert_eq!(
        state.open_vote().map(|v| v.ballots.len()),
        Some(BEFORE_KILL),
        "the ballots before the kill are not in the open vote"
    );
    // The count on the wall comes from the file, so it survived.
    tmux.wait_for(&format!("Ääniä annettu {BEFORE_KILL} / 5"));
    tmux.send_keys(&["p"]);
    wait_record(&path, &tmux, "Resumed", |r, _| {
        last_event(r) == Some(&EventKind::Resumed)
    });
    tmux.wait_gone("katkon jälkeen");

    // Who voted before the kill was on the screen only, so the rest are picked by name.
    for (n, (voter, dots)) in BALLOTS.iter().enumerate().skip(BEFORE_KILL) {
        if n > BEFORE_KILL {
            next_voter_please(&tmux, n);
        }
        cast(&path, &tmux, voter, *dots, n);
    }
    next_voter_please(&tmux, BALLOTS.len());
    tmux.send_keys(&["s"]);
    tmux.wait_for("Suljetaanko äänestys ja näytetään tulokset?");
    tmux.send_keys(&["Enter"]);
    wait_record(&path, &tmux, "VoteClosed", |r, _| {
        matches!(last_event(r), Some(EventKind::VoteClosed { .. }))
    });
    tmux.wait_until(
        "the results: five voters, nine dots, the chairs first",
        |s| {
            s.contains("Äänestäjiä: 5 · Pisteitä yhteensä: 9")
                && s.contains("Eniten pisteitä: Pehmeämmät tuolit")
        },
    );

    // A decision based on the vote, to be reviewed on a date.
    next_item(&path, &tmux, decisions_item);
    tmux.wait_for("Päätöksiä ei ole vielä kirjattu.");
    tmux.send_keys(&["Enter"]);
    answer_prompt(&tmux, "Uusi päätös", DECISION);
    choose(&tmux, "Mihin päätös perustuu?", "Äänestys 1:");
    answer_prompt(
        &tmux,
        "Milloin päätöstä arvioidaan uudelleen?",
        &typed(review_date),
    );
    wait_record(&path, &tmux, "DecisionRecorded", |_, s| {
        s.decisions.len() == 1
    });
    // Where it came from and how students took part: asked at once, saved as picked.
    choose(&tmux, "Keneltä asia lähti liikkeelle?", "opiskelijoilta");
    choose(
        &tmux,
        "Miten opiskelijat olivat mukana?",
        "opiskelijat olivat päättämässä",
    );
    wait_record(&path, &tmux, "the decision's origin", |_, s| {
        s.decisions[0].origin.level.is_some()
    });
    tmux.wait_for(&format!("Päätös 1: {DECISION}"));
    tmux.wait_for("Äänestyksen 1 perusteella: Pehmeämmät tuolit 5 pistettä");
    tmux.wait_for("Lähti liikkeelle opiskelijoilta · Osallisuus: opiskelijat olivat");

    // Two actions: a member by a month of the year clock, a role by a date.
    next_item(&path, &tmux, actions_item);
    tmux.wait_for("Toimenpiteitä ei ole vielä kirjattu.");
    tmux.send_keys(&["Enter"]);
    answer_prompt(&tmux, "Uusi toimenpide", ACTION_MEMBER);
    choose(&tmux, "Kuka vastaa?", "Eero Salo");
    choose(&tmux, "Mihin mennessä?", "maaliskuu");
    wait_record(&path, &tmux, "the first action", |_, s| {
        s.actions.len() == 1
    });
    tmux.wait_for(ACTION_MEMBER);
    tmux.send_keys(&["Enter"]);
    answer_prompt(&tmux, "Uusi toimenpide", ACTION_ROLE);
    choose(&tmux, "Kuka vastaa?", "rooli: terveydenhoitaja");
    choose(&tmux, "Mihin mennessä?", "päivämäärä…");
    answer_prompt(&tmux, "Päivämäärä", &typed(due_date));
    wait_record(&path, &tmux, "the second action", |_, s| {
        s.actions.len() == 2
    });
    tmux.wait_for(&typed(due_date));

    end_meeting_and_quit(&path, &tmux);
    drop(tmux);
    let first = load_with_store(data, &path);

    // ---- meeting 2 of the same group: the wellbeing meeting follows up the actions ----
    let tmux = Tmux::start(
        data,
        Launch::new(&[
            "run",
            "--group",
            GROUP,
            "--format",
            FOLLOW_UP_FORMAT,
            "--topic",
            FOLLOW_UP_TOPIC,
        ]),
    );
    tmux.wait_for(FOLLOW_UP_TOPIC);
    let path2 = wait_new_session(data, &tmux, std::slice::from_ref(&path));
    let started = wait_record(&path2, &tmux, "the meeting started", |_, s| {
        s.phase == Some(0)
    });
    let review_item = started
        .format
        .phases
        .iter()
        .position(|p| p.kind == PhaseKind::ReviewActions)
        .expect("the wellbeing meeting follows up actions");
    for item in 1..=review_item {
        next_item(&path2, &tmux, item);
    }
    tmux.wait_until("both actions to follow up", |s| {
        s.contains("käsitelty 0/2") && s.contains(ACTION_MEMBER) && s.contains(ACTION_ROLE)
    });
    tmux.send_keys(&["Enter"]);
    choose(&tmux, &format!("1. {ACTION_MEMBER}"), "Tehty");
    wait_record(&path2, &tmux, "the first follow-up", |r, _| {
        matches!(last_event(r), Some(EventKind::ActionReviewed { .. }))
    });
    tmux.wait_for("käsitelty 1/2");
    // The selection has moved on to the action not yet followed up.
    tmux.send_keys(&["Enter"]);
    choose(&tmux, &format!("2. {ACTION_ROLE}"), "Jatkuu");
    choose(&tmux, "Uusi määräaika", "toukokuu");
    wait_record(&path2, &tmux, "the second follow-up", |r, _| {
        r.events
            .iter()
            .filter(|e| matches!(e.event, EventKind::ActionReviewed { .. }))
            .count()
            == 2
    });
    tmux.wait_for("käsitelty 2/2");
    end_meeting_and_quit(&path2, &tmux);
    drop(tmux);
    let second = load_with_store(data, &path2);

    check_first_meeting(
        &first,
        &before,
        gap_at_least,
        &format,
        review_date,
        due_date,
    );
    check_follow_up(&first, &second, due_date);
    check_open_actions(data, &first, &second);
    eprintln!(
        "one_two_four_all_vote_decision_actions_survive_kill_9_and_are_followed_up: {:.1} s",
        test_started.elapsed().as_secs_f64()
    );
}

// ---- the files, read back with the library's types ------------------------------------------

fn check_first_meeting(
    record: &SessionRecord,
    before: &SessionRecord,
    gap_at_least: Duration,
    format: &Format,
    review_date: jiff::civil::Date,
    due_date: jiff::civil::Date,
) {
    let log = describe_events(record);
    let events = &record.events;
    assert!(record.oddities().is_empty(), "{:?}", record.oddities());
    assert_eq!(record.topic, TOPIC);
    assert_eq!(record.group.name, GROUP);
    assert_eq!(record.format.name, FORMAT);
    assert!(
        record.carried_actions.is_empty(),
        "a first meeting carries nothing"
    );
    assert_eq!(
        events.first().map(|e| &e.event),
        Some(&EventKind::MeetingStarted),
        "{log}"
    );
    assert_eq!(
        events.last().map(|e| &e.event),
        Some(&EventKind::MeetingEnded),
        "{log}"
    );
    for (i, e) in events.iter().enumerate() {
        assert_eq!(e.seq, i as u64 + 1, "{log}");
    }
    let at = |ok: fn(&EventKind) -> bool| positions(events, ok);
    let started = |phase: usize| {
        events
            .iter()
            .position(|e| e.event == EventKind::PhaseStarted { phase })
            .unwrap_or_else(|| panic!("agenda item {phase} never started:\n{log}"))
    };
    let ended = |phase: usize| {
        events
            .iter()
            .position(|e| e.event == EventKind::PhaseEnded { phase })
            .unwrap_or_else(|| panic!("agenda item {phase} never ended:\n{log}"))
    };

    // Ideas: three hidden in the solo minute, revealed there, one more in "All", no names.
    let ideas: Vec<(usize, u32, &str, bool)> = events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match &e.event {
            EventKind::IdeaAdded {
                idea,
                text,
                author,
                hidden,
            } => {
                assert_eq!(
                    *author, None,
                    "1-2-4-All records ideas without names:\n{log}"
                );
                Some((i, *idea, text.as_str(), *hidden))
            }
            _ => None,
        })
        .collect();
    let expected: Vec<(u32, &str, bool)> = vec![
        (1, SOLO_IDEAS[0], true),
        (2, SOLO_IDEAS[1], true),
        (3, SOLO_IDEAS[2], true),
        (4, ALL_IDEA, false),
    ];
    assert_eq!(
        ideas
            .iter()
            .map(|(_, n, t, h)| (*n, *t, *h))
            .collect::<Vec<_>>(),
        expected,
        "{log}"
    );
    let (solo, all) = (phase_of(format, "solo"), phase_of(format, "all"));
    let revealed = at(|e| *e == EventKind::IdeasRevealed);
    assert_eq!(revealed.len(), 1, "{log}");
    for (i, _, _, hidden) in &ideas {
        if *hidden {
            assert!(started(solo) < *i && *i < revealed[0], "{log}");
        } else {
            assert!(started(all) < *i && *i < ended(all), "{log}");
        }
    }
    assert!(
        revealed[0] < ended(solo),
        "revealed after the solo minute:\n{log}"
    );

    // The vote: opened on the four ideas with a budget of two, no counting method.
    let vote_item = phase_of(format, "vote");
    let opened = at(|e| matches!(e, EventKind::VoteOpened { .. }));
    assert_eq!(opened.len(), 1, "{log}");
    let EventKind::VoteOpened {
        vote,
        kind,
        options,
        budget,
        cap,
        entry,
        method,
        ..
    } = &events[opened[0]].event
    else {
        unreachable!()
    };
    assert_eq!(
        (*vote, *kind, *budget, *cap, *entry, method.as_deref()),
        (1, VoteKind::Dots, 2, 0, Entry::Voters, None),
        "{log}"
    );
    let labels: Vec<(&str, Option<u32>)> =
        options.iter().map(|o| (o.label.as_str(), o.idea)).collect();
    assert_eq!(
        labels,
        [
            (SOLO_IDEAS[0], Some(1)),
            (SOLO_IDEAS[1], Some(2)),
            (SOLO_IDEAS[2], Some(3)),
            (ALL_IDEA, Some(4)),
        ],
        "{log}"
    );
    assert!(started(vote_item) < opened[0], "{log}");

    // The ballots: one per voter, none lost in the kill, none doubled on resume, each with
    // the voter's side and nothing else.
    let cast = at(|e| matches!(e, EventKind::BallotCast { .. }));
    let sides_and_marks: Vec<(Option<Side>, Ballot)> = cast
        .iter()
        .map(|i| match &events[*i].event {
            EventKind::BallotCast {
                vote,
                side,
                ballot,
                replaces,
            } => {
                assert_eq!(*vote, 1, "{log}");
                assert_eq!(
                    *replaces, None,
                    "the keyboard never replaces a ballot: {log}"
                );
                (*side, ballot.clone())
            }
            _ => unreachable!(),
        })
        .collect();
    let side_of = |name: &str| {
        record
            .participants
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.role.side())
            .expect("a member")
    };
    let expected: Vec<(Option<Side>, Ballot)> = BALLOTS
        .iter()
        .map(|(name, dots)| (Some(side_of(name)), Ballot::Dots(dots.to_vec())))
        .collect();
    assert_eq!(sides_and_marks, expected, "{log}");
    let json = serde_json::to_value(record).unwrap();
    for i in &cast {
        let event = &json["events"][*i]["event"];
        let mut keys: Vec<&str> = event
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["ballot", "side", "type", "vote"], "{event}");
        let text = event.to_string();
        for p in &record.participants {
            assert!(
                !text.contains(&p.name) && !text.contains(&format!("\"{}\"", p.id.0)),
                "a ballot names its voter: {text}"
            );
        }
    }

    // The kill: everything saved before it is there unchanged, then the reopen, then the
    // facilitator's resume; no Interrupted (kill -9 cannot write one).
    assert_eq!(events[..before.events.len()], before.events[..], "{log}");
    let reopened = at(|e| matches!(e, EventKind::Reopened { .. }));
    assert_eq!(reopened, [before.events.len()], "{log}");
    let EventKind::Reopened { gap_ms } = events[reopened[0]].event else {
        unreachable!()
    };
    assert!(
        gap_ms + 100 >= gap_at_least.as_millis() as u64,
        "the gap {gap_ms} ms is shorter than the {gap_at_least:?} parvi was down:\n{log}"
    );
    assert_eq!(events[reopened[0] + 1].event, EventKind::Resumed, "{log}");
    assert!(
        cast[BEFORE_KILL - 1] < reopened[0] && reopened[0] < cast[BEFORE_KILL],
        "{log}"
    );
    assert!(
        !events
            .iter()
            .any(|e| matches!(e.event, EventKind::Interrupted { .. })),
        "{log}"
    );

    // Closed after the last ballot; the decision rests on it.
    let closed = at(|e| *e == EventKind::VoteClosed { vote: 1 });
    assert_eq!(closed.len(), 1, "{log}");
    assert!(
        cast[cast.len() - 1] < closed[0] && closed[0] < ended(vote_item),
        "{log}"
    );
    let decisions: Vec<_> = events
        .iter()
        .filter_map(|e| match &e.event {
            EventKind::DecisionRecorded { decision } => Some(decision.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(decisions.len(), 1, "{log}");
    assert_eq!(decisions[0].text, DECISION);
    assert_eq!(decisions[0].basis, [Basis::Vote { vote: 1 }], "{log}");
    assert_eq!(decisions[0].review, Some(review_date), "{log}");

    // Two actions, open: a member by a month, a role by a date.
    let added: Vec<ActionItem> = events
        .iter()
        .filter_map(|e| match &e.event {
            EventKind::ActionAdded { action } => Some(action.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(added.len(), 2, "{log}");
    let eero = record
        .participants
        .iter()
        .find(|p| p.name == "Eero Salo")
        .expect("Eero is a participant");
    assert_eq!(added[0].text, ACTION_MEMBER);
    assert_eq!(
        added[0].owner,
        Owner::Member {
            id: eero.id.clone(),
            name: eero.name.clone()
        }
    );
    assert_eq!(added[0].due, Due::Month { month: 3 });
    assert_eq!(added[1].text, ACTION_ROLE);
    assert_eq!(added[1].owner, Owner::Role { role: Role::Nurse });
    assert_eq!(added[1].due, Due::Date { date: due_date });
    assert_ne!(added[0].id, added[1].id);
    for action in &added {
        assert_eq!(action.status, ActionStatus::Open);
        assert_eq!(action.session, record.id);
    }

    // The replayed meeting agrees.
    let state = MeetingState::replay(record);
    assert_eq!(state.status, Status::Ended);
    assert_eq!(state.votes.len(), 1);
    let vote = &state.votes[0];
    assert!(vote.closed);
    assert_eq!(vote.ballots.len(), state.present().count(), "{log}");
    let tally = vote.tally();
    assert_eq!(tally.totals, [5.0, 1.0, 2.0, 1.0], "{log}");
    assert_eq!(tally.winners(), [0]);
    assert_eq!(state.actions, added);
    // As recorded, with the origin set after it: students', decided with them.
    let origin = parvi::model::outcomes::Origin {
        source: Some(parvi::model::outcomes::Source::Students),
        level: Some(parvi::model::outcomes::Level::DecidedTogether),
    };
    let mut decisions = decisions;
    decisions[0].origin = origin;
    assert_eq!(state.decisions, decisions);
}

fn check_follow_up(first: &SessionRecord, second: &SessionRecord, due_date: jiff::civil::Date) {
    let log = describe_events(second);
    assert!(second.oddities().is_empty(), "{:?}", second.oddities());
    assert_eq!(second.group.id, first.group.id);
    assert_eq!(second.topic, FOLLOW_UP_TOPIC);
    // The header carries the first meeting's two actions as they stood: open.
    let agreed = MeetingState::replay(first).actions;
    assert_eq!(second.carried_actions, agreed);
    let reviewed: Vec<(&str, ActionStatus, Option<Due>)> = second
        .events
        .iter()
        .filter_map(|e| match &e.event {
            EventKind::ActionReviewed { id, status, due } => Some((id.as_str(), *status, *due)),
            _ => None,
        })
        .collect();
    assert_eq!(
        reviewed,
        [
            (agreed[0].id.as_str(), ActionStatus::Done, None),
            (
                agreed[1].id.as_str(),
                ActionStatus::Continued,
                Some(Due::Month { month: 5 })
            ),
        ],
        "{log}"
    );
    assert_eq!(
        second.events.last().map(|e| &e.event),
        Some(&EventKind::MeetingEnded),
        "{log}"
    );
    let state = MeetingState::replay(second);
    let statuses: Vec<(ActionStatus, Due)> =
        state.carried.iter().map(|a| (a.status, a.due)).collect();
    assert_eq!(
        statuses,
        [
            (ActionStatus::Done, Due::Month { month: 3 }),
            (ActionStatus::Continued, Due::Month { month: 5 }),
        ],
        "the follow-up replaces the date {due_date} with the new month:\n{log}"
    );
    assert!(state.actions.is_empty(), "{log}");
}

fn check_open_actions(data: &Path, first: &SessionRecord, second: &SessionRecord) {
    let agreed = MeetingState::replay(first).actions;
    // What the second meeting carried in is what was open after the first.
    assert_eq!(outcomes::open_actions(std::slice::from_ref(first)), agreed);
    // After both: only the continued one, with its new month.
    let open = outcomes::open_actions(&[first.clone(), second.clone()]);
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(open[0].id, agreed[1].id);
    assert_eq!(open[0].text, ACTION_ROLE);
    assert_eq!(open[0].status, ActionStatus::Continued);
    assert_eq!(open[0].due, Due::Month { month: 5 });
    assert_eq!(open[0].owner, Owner::Role { role: Role::Nurse });
    // In either order, and as the store finds them for the group's next meeting.
    assert_eq!(
        outcomes::open_actions(&[second.clone(), first.clone()]),
        open
    );
    let store = Store::open_read_only(Paths::at(data, Origin::Flag));
    assert_eq!(store.open_actions(&first.group.id), open);
}
