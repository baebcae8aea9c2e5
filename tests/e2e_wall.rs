//! The room's wall end to end: `parvi wall` in one tmux terminal, the facilitator's parvi in
//! another, on one data directory. What the facilitator does reaches the wall within a
//! second (the speaker, a revealed idea, a vote's progress and its closed result); what only
//! the facilitator sees (a note, an idea being typed, a ballot being filled) never does; the
//! facilitator's screen shows a private idea in clear only while a wall runs; the wall shows
//! the meeting's end, picks up the next meeting by itself, and lets go of a meeting whose
//! parvi was killed.
//!
//! Every wait polls with a deadline; nothing sleeps to wait for a screen. Skipped with a
//! message when tmux is not installed (the CI script installs it).

use crate::tmux;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tmux::{Launch, Tmux};

const GROUP: &str = "Kotkan hyvinvointiryhmä";
const TOPIC: &str = "Kevään teemat";
/// The most a change may take from the facilitator's key to the wall (the issue asks for
/// 200 ms; this bound also covers tmux's own polling and a loaded CI machine).
const LATENCY: Duration = Duration::from_secs(1);

fn data_dir() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let data = tmp.path().join("data");
    (tmp, data)
}

fn make_group(data: &Path) {
    let out = tmux::cli(
        data,
        &[
            "groups",
            "add",
            "--kind",
            "site_wellbeing",
            GROUP,
            "--member",
            "Aino Virtanen:student",
            "--member",
            "Bertta Koski:teacher",
            "--member",
            "Cecilia Öberg:nurse",
        ],
    );
    assert!(out.status.success(), "parvi groups add failed: {out:?}");
}

/// Silent writing, the ideas revealed, and a dot vote on them (a format of the data
/// directory's own, as a group would write one).
const IDEAS_FORMAT: &str = r#"{
  "schema": 1,
  "name": "ideat",
  "title": {"fi": "Ideat ja äänestys"},
  "phases": [
    {"id": "write", "kind": "writing", "title": {"fi": "Hiljainen kirjoitus"},
     "prompt": {"fi": "Mitä muuttaisit?"}, "minutes": 5},
    {"id": "ideas", "kind": "ideas", "title": {"fi": "Ideat"}, "minutes": 5},
    {"id": "vote", "kind": "vote", "title": {"fi": "Äänestys"}, "minutes": 5,
     "vote": {"kind": "dots", "budget": 2, "cap": 1, "entry": "voters", "rule": "consent"}}
  ]
}"#;

/// An idea too long for the wall's big letters, so the wall writes it out as text and a
/// check of the screen's text can see it once it is revealed.
const LONG_IDEA: &str =
    "Opiskelijakunta mukaan suunnittelemaan kampuksen yhteisiä tiloja ja niiden käyttöä";
/// Its beginning and end, each short enough to stay on one line wherever it is drawn (the
/// field scrolls to the end of a long text; the wall wraps it).
const IDEA_HEAD: &str = "Opiskelijakunta mukaan";
const IDEA_TAIL: &str = "niiden käyttöä";
const SHORT_IDEA: &str = "Pidempi välitunti";

fn facilitator(data: &Path) -> Tmux {
    let args = [
        "run", "--group", GROUP, "--format", "kierros", "--topic", TOPIC,
    ];
    Tmux::start(data, Launch::new(&args).size(100, 30))
}

/// Sends `keys` to the facilitator and waits until the wall shows `text`; returns how long
/// that took.
fn reaches_the_wall(facilitator: &Tmux, keys: &[&str], wall: &Tmux, text: &str) -> Duration {
    let start = Instant::now();
    facilitator.send_keys(keys);
    wall.wait_for(text);
    start.elapsed()
}

#[test]
#[ignore = "needs tmux: run with `cargo test --release -- --include-ignored`, as .ci/run does"]
fn the_wall_follows_the_meeting_live_and_never_shows_what_is_the_facilitators() {
    let (_tmp, data) = data_dir();
    make_group(&data);
    let wall = Tmux::start(&data, Launch::new(&["wall"]).size(100, 30));
    wall.wait_for("Odotetaan kokousta");

    // The meeting starts: the wall picks it up by itself.
    let fac = facilitator(&data);
    fac.wait_for(TOPIC);
    wall.wait_for(TOPIC);

    // The round starts, then Aino has the floor: the wall marks her within a second.
    let took = reaches_the_wall(&fac, &["n"], &wall, "Puhejärjestys");
    assert!(took < LATENCY, "the round reached the wall in {took:?}");
    let took = reaches_the_wall(&fac, &["Space"], &wall, "▶ Aino Virtanen");
    assert!(took < LATENCY, "the speaker reached the wall in {took:?}");
    let screen = wall.wait_for("Puheenvuorossa");
    assert!(!screen.contains("Space"), "no keys on the wall:\n{screen}");

    // A note being typed is the facilitator's: on their screen, never on the wall, not
    // even once it is saved (notes are not drawn for the room).
    fac.send_keys(&["m"]);
    fac.wait_for("Muistiinpano");
    let note = "Salainen huomio vetäjälle";
    fac.send_text(note);
    fac.wait_for(note);
    fac.send_keys(&["Enter"]);
    fac.wait_gone(note);
    // The next change (Bertta's turn) is drawn after the note was saved.
    let took = reaches_the_wall(&fac, &["Space"], &wall, "▶ Bertta Koski");
    assert!(
        took < LATENCY,
        "the next speaker reached the wall in {took:?}"
    );
    assert!(!wall.screen().contains(note), "the note reached the wall");
    assert!(
        !wall.screen().contains("Muistiinpano"),
        "the dialog reached the wall"
    );

    // The end: the wall thanks the room, and keeps showing it after the facilitator quits.
    fac.send_keys(&["q"]);
    fac.wait_for("Päätä kokous nyt");
    // (The wall's own end screen: the counts are not on the meeting screen.)
    let took = reaches_the_wall(&fac, &["Enter"], &wall, "Päätöksiä 0 · toimenpiteitä 0");
    assert!(took < LATENCY, "the end reached the wall in {took:?}");
    fac.wait_for("Kokous on päättynyt");
    fac.send_keys(&["Enter"]);
    fac.wait_gone("Kokous on päättynyt");
    let pid = fac.pid();
    fac.send_keys(&["q"]);
    assert!(tmux::wait_exit(pid, tmux::DEADLINE), "parvi did not quit");
    drop(fac);
    assert!(wall.screen().contains("Päätöksiä 0 · toimenpiteitä 0"));

    // The next meeting replaces the end by itself.
    let fac = facilitator(&data);
    fac.wait_for(TOPIC);
    wall.wait_gone("Päätöksiä 0 · toimenpiteitä 0");
    wall.wait_for("Puheaika");

    // `q` closes the wall.
    let pid = wall.pid();
    wall.send_keys(&["q"]);
    assert!(
        tmux::wait_exit(pid, tmux::DEADLINE),
        "the wall did not close"
    );
}

#[test]
#[ignore = "needs tmux: run with `cargo test --release -- --include-ignored`, as .ci/run does"]
fn ideas_and_ballots_stay_private_until_revealed_and_closed() {
    let (_tmp, data) = data_dir();
    make_group(&data);
    std::fs::create_dir_all(data.join("formats")).expect("formats dir");
    std::fs::write(data.join("formats/ideat.json"), IDEAS_FORMAT).expect("format");
    // The smallest wall: the long idea does not fit in big letters, so it is written out.
    let wall = Tmux::start(&data, Launch::new(&["wall"]).size(80, 24));
    wall.wait_for("Odotetaan kokousta");
    let args = [
        "run", "--group", GROUP, "--format", "ideat", "--topic", TOPIC,
    ];
    let fac = Tmux::start(&data, Launch::new(&args).size(100, 30));
    wall.wait_for("Mitä muuttaisit?");
    // The facilitator's parvi sees the wall: its screen is its own now, and says so.
    fac.wait_for("seinä auki");

    // An idea being typed is on the facilitator's screen in clear, never on the wall; saved,
    // the wall counts it and still does not show it.
    fac.send_keys(&["Enter"]);
    fac.wait_for("Uusi idea nro 1");
    fac.send_text(LONG_IDEA);
    fac.wait_for(IDEA_TAIL);
    let room = wall.screen();
    assert!(
        !room.contains(IDEA_TAIL),
        "the typed idea on the wall:\n{room}"
    );
    let took = reaches_the_wall(&fac, &["Enter"], &wall, "idea kirjoitettu");
    assert!(took < LATENCY, "the count reached the wall in {took:?}");
    fac.wait_for("Uusi idea nro 2");
    fac.send_text(SHORT_IDEA);
    fac.wait_for(SHORT_IDEA);
    reaches_the_wall(&fac, &["Enter"], &wall, "ideaa kirjoitettu");
    fac.wait_for("Uusi idea nro 3");
    fac.send_keys(&["Escape"]);
    fac.wait_gone("Uusi idea nro 3");
    let room = wall.screen();
    for text in [IDEA_HEAD, IDEA_TAIL, SHORT_IDEA] {
        assert!(!room.contains(text), "a hidden idea on the wall:\n{room}");
    }

    // Revealed, the idea reaches the wall within a second.
    // (An arrow ends the field's guard against typed-on letters, so `n` is a command.)
    fac.send_keys(&["Down"]);
    fac.send_keys(&["n"]);
    fac.wait_for("piilossa");
    fac.send_keys(&["r"]);
    fac.wait_for("Vahvistus");
    let took = reaches_the_wall(&fac, &["Enter"], &wall, IDEA_HEAD);
    assert!(
        took < LATENCY,
        "the revealed idea reached the wall in {took:?}"
    );

    // A ballot being filled is the voter's: on the facilitator's screen, never the wall's.
    fac.send_keys(&["n"]);
    fac.wait_for("Äänestetään ideoista");
    let took = reaches_the_wall(&fac, &["o"], &wall, "Ääniä annettu 0 / 3");
    assert!(took < LATENCY, "the open vote reached the wall in {took:?}");
    fac.send_keys(&["Space"]);
    fac.wait_for("Kuka äänestää seuraavaksi?");
    fac.send_keys(&["1"]);
    fac.wait_for("Äänestyslippu");
    fac.send_keys(&["Right"]);
    fac.wait_for("Pisteitä jäljellä: 1 / 2");
    let room = wall.screen();
    for private in ["Äänestyslippu", "Pisteitä jäljellä", "Kuka äänestää"] {
        assert!(!room.contains(private), "{private:?} on the wall:\n{room}");
    }
    fac.send_keys(&["Enter"]);
    fac.wait_for("Annetaanko ääni silti?");
    let took = reaches_the_wall(&fac, &["Enter"], &wall, "Ääniä annettu 1 / 3");
    assert!(
        took < LATENCY,
        "the ballot's count reached the wall in {took:?}"
    );
    assert!(!wall.screen().contains("Pisteitä jäljellä"));

    // Closed, the result reaches the wall within a second.
    fac.send_keys(&["Space"]);
    fac.wait_for("Seuraava äänestäjä");
    fac.send_keys(&["s"]);
    fac.wait_for("Suljetaanko äänestys");
    let took = reaches_the_wall(&fac, &["Enter"], &wall, "Eniten pisteitä");
    assert!(took < LATENCY, "the result reached the wall in {took:?}");

    // The wall closes: the facilitator's screen is the room's again, and masks what is typed.
    let pid = wall.pid();
    wall.send_keys(&["q"]);
    assert!(
        tmux::wait_exit(pid, tmux::DEADLINE),
        "the wall did not close"
    );
    fac.send_keys(&["p"]);
    fac.wait_gone("seinä auki");
    drop(wall);

    // A wall opened again follows the meeting; when the facilitator's parvi is killed
    // (no file changes), the wall lets go of the meeting within seconds.
    let wall = Tmux::start(&data, Launch::new(&["wall"]).size(80, 24));
    wall.wait_for("Eniten pisteitä");
    tmux::signal(fac.pid(), "KILL");
    wall.wait_for("Odotetaan kokousta");
}
