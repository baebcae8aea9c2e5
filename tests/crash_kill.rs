//! The SIGKILL crash loop (DESIGN §5, reliability recipe 1): `kill -9` at any moment loses
//! nothing that was reported as saved, and never leaves a broken session file.
//!
//! Each run starts `parvi __save-stress` in a fresh data directory. The child saves its
//! meeting after every command and prints the number of saved events only after the save
//! returned (an acknowledgement). After a random 0–30 ms the child is killed with SIGKILL
//! (counted from the start in half of the runs, so some kills land while the data directory
//! and the first file are being created; from the first acknowledgement in the other half,
//! so a slow machine still gets its kills mid-save), and the file left behind is loaded
//! with the real loader: once anything was acknowledged
//! the file must exist, load without problems or warnings, and hold at least as many events
//! as the last acknowledgement. A writable `Store::open` afterwards must sweep any temporary
//! file the kill left behind. The figures are printed (see them with `--nocapture`).

use crate::files;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use parvi::store::{Origin, Paths, Store};

/// Runs in release builds (the CI runs `cargo test --release`); a debug build does fewer.
const RUNS: usize = if cfg!(debug_assertions) { 60 } else { 600 };
const MAX_DELAY_US: u64 = 30_000;

/// What one killed run left behind.
struct Run {
    /// How many acknowledgements were read, and the last one (0 when none).
    acks: u64,
    last_ack: u64,
    /// Events in the session file after the kill, when it loaded.
    on_disk: Option<usize>,
    /// Temporary files found before the next open swept them.
    temps_left: usize,
    failure: Option<String>,
}

fn one_run(delay: Duration, from_first_ack: bool) -> Run {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_parvi"))
        .arg("__save-stress")
        .arg("--dir")
        .arg(&dir)
        .env("PARVI_DATA_DIR", &dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn parvi __save-stress");
    let stdout = child.stdout.take().unwrap();
    let last = Arc::new(AtomicU64::new(0));
    let count = Arc::new(AtomicU64::new(0));
    let (first_tx, first_ack) = std::sync::mpsc::channel();
    let reader = {
        let (last, count) = (last.clone(), count.clone());
        std::thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            let mut line = Vec::new();
            loop {
                line.clear();
                match stdout.read_until(b'\n', &mut line) {
                    // Only a complete line is an acknowledgement.
                    Ok(n) if n > 0 && line.ends_with(b"\n") => {
                        let n: u64 = std::str::from_utf8(&line)
                            .unwrap()
                            .trim()
                            .parse()
                            .expect("an ack is a number");
                        assert!(n > last.load(Ordering::SeqCst), "acks must grow");
                        last.store(n, Ordering::SeqCst);
                        if count.fetch_add(1, Ordering::SeqCst) == 0 {
                            let _ = first_tx.send(());
                        }
                    }
                    _ => break,
                }
            }
        })
    };
    let started = if from_first_ack {
        first_ack
            .recv_timeout(Duration::from_secs(20))
            .expect("no acknowledgement within 20 s");
        Instant::now()
    } else {
        started
    };
    // Not a wait for anything: the random moment of the kill is the point of the test.
    std::thread::sleep(delay.saturating_sub(started.elapsed()));
    child.kill().expect("SIGKILL");
    let status = child.wait().unwrap();
    reader.join().expect("the ack reader");
    let (acks, last_ack) = (count.load(Ordering::SeqCst), last.load(Ordering::SeqCst));
    let mut run = Run {
        acks,
        last_ack,
        on_disk: None,
        temps_left: 0,
        failure: None,
    };
    if status.code().is_some() {
        run.failure = Some(format!("the stress process exited by itself: {status}"));
        return run;
    }

    let files = files::meeting_files(&dir);
    let store = Store::open_read_only(Paths::at(&dir, Origin::Flag));
    match files.as_slice() {
        [] if acks == 0 => {}
        [] => run.failure = Some(format!("no session file after {last_ack} acked events")),
        [path] => match store.load_session(path) {
            Ok((record, warnings)) => {
                run.on_disk = Some(record.events.len());
                if !warnings.is_empty() {
                    run.failure = Some(format!("warnings after the kill: {warnings:?}"));
                } else if (record.events.len() as u64) < last_ack {
                    run.failure = Some(format!(
                        "lost acked events: {} on disk, {last_ack} acked",
                        record.events.len()
                    ));
                }
            }
            Err(problem) => {
                run.failure = Some(format!(
                    "corrupt: {}",
                    problem.describe(parvi::i18n::Lang::En)
                ))
            }
        },
        more => run.failure = Some(format!("more than one session file: {more:?}")),
    }

    run.temps_left = files::temp_files(&dir).len();
    let store = Store::open(Paths::at(&dir, Origin::Flag)).unwrap();
    assert!(
        store.writable(),
        "the killed process must not hold the lock"
    );
    let survivors = files::temp_files(&dir);
    if !survivors.is_empty() && run.failure.is_none() {
        run.failure = Some(format!("temp files survived Store::open: {survivors:?}"));
    }
    run
}

#[test]
fn sigkill_at_random_moments_never_loses_an_acknowledged_save() {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    let mut rng = parvi::model::random::SplitMix64(seed);
    let began = Instant::now();
    let (mut corrupt, mut lost, mut other, mut no_ack, mut temps) = (0, 0, 0, 0, 0);
    let mut total_acks = 0;
    let mut failures = Vec::new();
    for i in 0..RUNS {
        let delay = Duration::from_micros(rng.below(MAX_DELAY_US + 1));
        let run = one_run(delay, i % 2 == 1);
        total_acks += run.acks;
        no_ack += usize::from(run.acks == 0);
        temps += run.temps_left;
        if let Some(failure) = run.failure {
            if failure.starts_with("corrupt") || failure.starts_with("no session") {
                corrupt += 1;
            } else if failure.starts_with("lost") {
                lost += 1;
            } else {
                other += 1;
            }
            failures.push(format!(
                "run {i} (delay {delay:?}, {} acks, last {}, on disk {:?}): {failure}",
                run.acks, run.last_ack, run.on_disk
            ));
        }
    }
    let mean = total_acks as f64 / RUNS as f64;
    println!(
        "crash loop (seed {seed:#x}): runs {RUNS}, corrupt {corrupt}, lost acks {lost}, \
         other failures {other}, mean acks per run {mean:.1}, runs killed before the first \
         ack {no_ack}, temp files left by kills (then swept) {temps}, {:.1} s",
        began.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The loop must actually exercise saves, or it proves nothing. On a loaded two-core
    // machine the kills come earlier in each run's life (a mean of 0.99 was seen while four
    // builds ran), so the floor is half a save per run: hundreds of saves in all.
    assert!(
        mean >= 0.5,
        "the stress process barely saved anything (mean {mean:.2} acks per run)"
    );
}
