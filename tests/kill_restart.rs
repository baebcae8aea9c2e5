//! The kill-and-restart loop (issue 16's "done when"; DESIGN §5): a thousand times, the real
//! app starts on a data directory holding an unfinished meeting, is `kill -9`ed at a random
//! moment, and starts again. Every time: no corrupt file, no lost acknowledged event, and the
//! first frame offers to resume the meeting.
//!
//! The app runs on a pseudo-terminal of the test's own (`common/pty.rs`), which costs a few
//! milliseconds a start where tmux costs hundreds. A cycle is one of two kinds, by a seeded
//! random draw:
//! - *early* (a quarter): killed 0–40 ms after the start, whatever it is doing (opening the
//!   data directory, sweeping temporary files, reading the list, writing the index);
//! - *in the meeting*: the first frame must offer the resume; `r` resumes, then `p` (pause,
//!   resume) is pressed a few times. A press is *acknowledged* when the screen shows its
//!   effect (the timers stopped or started again): parvi saves before it draws, so the file
//!   must already hold it then. The last
//!   press is not waited for: the kill comes 0–3 ms after it, mid-save.
//!
//! After each kill every JSON file in the data directory must parse, the meeting must load
//! with the store's own loader without warnings, and it must hold every acknowledged press.
//! Every 100 cycles a new data directory starts a new meeting (`parvi run`), so the meeting
//! file stays the size of a real one. The figures are printed (`--nocapture`).
//!
//! Linux only: it needs util-linux's `setsid -c` to give parvi its terminal.
#![cfg(target_os = "linux")]

use crate::files;
use crate::pty;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use parvi::model::EventKind;
use parvi::model::random::SplitMix64;
use parvi::store::{Origin, Paths, Store};
use pty::Running;

const CYCLES: usize = if cfg!(debug_assertions) { 100 } else { 1000 };
const PER_DIRECTORY: usize = 100;
const GROUP: &str = "Kouvolan hyvinvointiryhmä";
const TOPIC: &str = "Kevään kyselyn tulokset";
/// How long a frame may take to come (a loaded CI machine is slow).
const FRAME: Duration = Duration::from_secs(10);

/// Whether the timers stand still, by the screen: paused by `p`, or reopened after the kill
/// and waiting for `p` to start them ("Kokous jatkuu 3 s katkon jälkeen…").
fn paused(screen: &pty::Screen) -> bool {
    screen.contains("PYSÄYTETTY") || screen.contains("Kokous jatkuu")
}

/// A new data directory with a group and its meeting started (then killed, unfinished).
fn new_meeting(tmp: &Path, n: usize) -> PathBuf {
    let data = tmp.join(format!("data-{n}"));
    let out = Command::new(env!("CARGO_BIN_EXE_parvi"))
        .arg("--data-dir")
        .arg(&data)
        .args(["--lang", "fi", "groups", "add", "--kind", "site_wellbeing"])
        .args([GROUP, "--member", "Aino Virtanen:student"])
        .args(["--member", "Bertta Koski:teacher"])
        .env_remove("PARVI_DATA_DIR")
        .output()
        .expect("parvi groups add");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let args = [
        "run", "--group", GROUP, "--format", "kierros", "--topic", TOPIC,
    ];
    let mut app = Running::start(&data, &args, 80, 24);
    let shown = app.wait(FRAME, |s| s.contains(TOPIC));
    assert!(shown, "the meeting never showed:\n{}", app.screen.text());
    app.kill();
    assert!(meeting(&data).is_ok_and(|m| m.is_some()), "no meeting file");
    data
}

/// Every JSON file in the data directory (not the temporary ones a kill may leave) parses.
fn corrupt_files(data: &Path) -> Vec<String> {
    let mut bad = Vec::new();
    for sub in ["", "groups", "sessions"] {
        let Ok(entries) = std::fs::read_dir(data.join(sub)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.ends_with(".json") || name.starts_with('.') {
                continue;
            }
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            if let Err(e) = serde_json::from_slice::<serde_json::Value>(&bytes) {
                bad.push(format!("{sub}/{name}: {e}"));
            }
        }
    }
    bad
}

/// The meeting's file loaded by the store: `Ok(None)` when there is none, `Err` when it does
/// not load cleanly.
fn meeting(data: &Path) -> Result<Option<parvi::model::SessionRecord>, String> {
    let files = files::meeting_files(data);
    let path = match files.as_slice() {
        [] => return Ok(None),
        [path] => path,
        more => return Err(format!("{} meeting files", more.len())),
    };
    let store = Store::open_read_only(Paths::at(data, Origin::Flag));
    match store.load_session(path) {
        Ok((record, warnings)) if warnings.is_empty() => Ok(Some(record)),
        Ok((_, warnings)) => Err(format!("warnings: {warnings:?}")),
        Err(problem) => Err(problem.describe(parvi::i18n::Lang::En)),
    }
}

/// The pauses and resumes the facilitator pressed, by the file.
fn presses(record: &parvi::model::SessionRecord) -> usize {
    record
        .events
        .iter()
        .filter(|e| matches!(e.event, EventKind::Paused | EventKind::Resumed))
        .count()
}

#[derive(Default)]
struct Figures {
    cycles: usize,
    early: usize,
    first_frames: usize,
    resume_offered: usize,
    acknowledged: usize,
    corrupt: usize,
    lost: usize,
    temps_seen: usize,
    failures: Vec<String>,
}

/// One start, one kill. `acked` is how many presses the file must hold, raised by the
/// presses this cycle sees acknowledged.
fn cycle(data: &Path, rng: &mut SplitMix64, acked: &mut usize, figures: &mut Figures) {
    let early = rng.below(4) == 0;
    let mut app = Running::start(data, &[], 80, 24);
    if early {
        figures.early += 1;
        // The random moment is the point: not a wait for anything.
        std::thread::sleep(Duration::from_micros(rng.below(40_000)));
        app.kill();
        return;
    }
    let offered = app.wait(FRAME, |s| s.contains("jatka kokousta") && s.contains(TOPIC));
    figures.first_frames += 1;
    if !offered {
        figures
            .failures
            .push(format!("no resume offered:\n{}", app.screen.text()));
        app.kill();
        return;
    }
    figures.resume_offered += 1;
    app.keys(b"r");
    if !app.wait(FRAME, |s| {
        s.contains("pysäytä") && !s.contains("jatka kokousta")
    }) {
        figures
            .failures
            .push(format!("the meeting did not open:\n{}", app.screen.text()));
        app.kill();
        return;
    }
    for _ in 0..rng.below(4) {
        let before = paused(&app.screen);
        app.keys(b"p");
        if !app.wait(FRAME, |s| paused(s) != before) {
            figures
                .failures
                .push(format!("a pause never showed:\n{}", app.screen.text()));
            break;
        }
        *acked += 1;
        figures.acknowledged += 1;
        // Drawn, so saved: the file holds it already.
        match meeting(data) {
            Ok(Some(record)) if presses(&record) >= *acked => {}
            other => {
                figures.lost += 1;
                figures.failures.push(format!(
                    "press {acked} shown before it was saved: {:?}",
                    other.map(|r| r.map(|r| presses(&r)))
                ));
            }
        }
    }
    app.keys(b"p");
    std::thread::sleep(Duration::from_micros(rng.below(3_000)));
    app.kill();
}

#[test]
fn a_thousand_kills_and_restarts_lose_nothing_and_always_offer_the_resume() {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    let mut rng = SplitMix64(seed);
    let tmp = tempfile::tempdir().unwrap();
    let began = Instant::now();
    let mut figures = Figures::default();
    let mut data = PathBuf::new();
    let mut acked = 0;
    for i in 0..CYCLES {
        if i % PER_DIRECTORY == 0 {
            data = new_meeting(tmp.path(), i / PER_DIRECTORY);
            acked = 0;
        }
        figures.temps_seen += files::temp_files(&data).len();
        cycle(&data, &mut rng, &mut acked, &mut figures);
        figures.cycles += 1;
        let bad = corrupt_files(&data);
        match meeting(&data) {
            _ if !bad.is_empty() => {
                figures.corrupt += 1;
                figures.failures.push(format!("cycle {i}: corrupt {bad:?}"));
            }
            Ok(Some(record)) => {
                let on_disk = presses(&record);
                if on_disk < acked {
                    figures.lost += 1;
                    figures.failures.push(format!(
                        "cycle {i}: {on_disk} presses on disk, {acked} acknowledged"
                    ));
                }
                // The unacknowledged last press may or may not have been saved: either way
                // the file is now what the next cycle must keep.
                acked = acked.max(on_disk);
            }
            Ok(None) => figures.failures.push(format!("cycle {i}: no meeting")),
            Err(e) => {
                figures.corrupt += 1;
                figures.failures.push(format!("cycle {i}: {e}"));
            }
        }
        if figures.failures.len() > 5 {
            break;
        }
    }
    // The next writable open sweeps what the kills left.
    let store = Store::open(Paths::at(&data, Origin::Flag)).unwrap();
    assert!(store.writable(), "a killed parvi still holds the lock");
    assert_eq!(
        files::temp_files(&data),
        Vec::<PathBuf>::new(),
        "temporary files survive a start"
    );
    let f = &figures;
    println!(
        "kill and restart (seed {seed:#x}): cycles {}, corrupt {}, lost {}, resume offered \
         {} of {} first frames ({} cycles killed early), presses acknowledged {}, temporary \
         files left by kills (swept) {}, {:.1} s",
        f.cycles,
        f.corrupt,
        f.lost,
        f.resume_offered,
        f.first_frames,
        f.early,
        f.acknowledged,
        f.temps_seen,
        began.elapsed().as_secs_f64()
    );
    assert!(f.failures.is_empty(), "{}", f.failures.join("\n"));
    assert_eq!(f.cycles, CYCLES);
    assert_eq!(f.resume_offered, f.first_frames);
    // The loop must exercise saves, or it proves nothing.
    assert!(
        f.acknowledged >= CYCLES / 2,
        "only {} presses",
        f.acknowledged
    );
}
