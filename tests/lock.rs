//! Two parvi processes on one data directory (DESIGN §5, reliability recipe 8): while a real
//! second process holds the lock this one opens read-only, says who holds it, refuses every
//! write and leaves the other's temporary files alone; the moment that process is killed
//! with SIGKILL the data directory is writable again, with no stale lock to clean up.

use crate::common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use parvi::store::{Origin, Paths, Store, StoreError};

/// A running `parvi __save-stress` and the acknowledgements it prints.
struct Stress {
    child: Child,
    acks: mpsc::Receiver<u64>,
}

impl Stress {
    fn spawn(dir: &Path) -> Stress {
        let mut child = Command::new(env!("CARGO_BIN_EXE_parvi"))
            .arg("__save-stress")
            .arg("--dir")
            .arg(dir)
            .env("PARVI_DATA_DIR", dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn parvi __save-stress");
        let stdout = child.stdout.take().unwrap();
        let (tx, acks) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx
                    .send(line.trim().parse().expect("an ack is a number"))
                    .is_err()
                {
                    break;
                }
            }
        });
        Stress { child, acks }
    }

    /// Waits (with a deadline, never a fixed sleep) for the first save to be acknowledged.
    fn first_ack(&self) -> u64 {
        self.acks
            .recv_timeout(Duration::from_secs(20))
            .expect("parvi __save-stress acknowledged nothing within 20 s")
    }
}

impl Drop for Stress {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn temp_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for sub in ["", "groups", "sessions"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(".parvi-") && name.ends_with(".tmp") {
                out.push(format!("{sub}/{name}"));
            }
        }
    }
    out
}

#[test]
fn a_second_process_makes_the_store_read_only_until_it_is_killed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let paths = Paths::at(&dir, Origin::Flag);
    let mut stress = Stress::spawn(&dir);
    assert!(stress.first_ack() >= 1);
    let pid = stress.child.id();

    // A temp file that only the live holder may remove (it could be its save in flight).
    let planted = dir.join("groups/.parvi-planted.tmp");
    std::fs::write(&planted, b"in flight").unwrap();

    let store = Store::open(paths.clone()).unwrap();
    assert!(!store.writable(), "the second parvi must open read-only");
    assert_eq!(store.busy.as_ref().and_then(|b| b.pid), Some(pid));

    let group = common::group();
    match store.save_group(&group) {
        Err(StoreError::ReadOnly { pid: who }) => assert_eq!(who, Some(pid)),
        other => panic!("save_group on a read-only store gave {other:?}"),
    }
    assert!(!paths.group(&group.id).exists(), "nothing may be written");
    let record = common::record_with(common::format());
    let session_path = store.new_session_path(&record);
    assert!(matches!(
        store.save_session(&session_path, &record),
        Err(StoreError::ReadOnly { pid: Some(p) }) if p == pid
    ));
    assert!(!session_path.exists());
    assert!(matches!(
        store.save_config(&Default::default()),
        Err(StoreError::ReadOnly { .. })
    ));
    assert!(!paths.config().exists());
    assert!(matches!(
        store.remove_group("stress"),
        Err(StoreError::ReadOnly { .. })
    ));
    assert!(
        planted.exists(),
        "a read-only open must not sweep temp files"
    );

    // Reading still works while the other process saves: its meeting is listed.
    let sessions = store.sessions();
    assert!(sessions.problems.is_empty(), "{:?}", sessions.problems);
    assert_eq!(sessions.summaries.len(), 1);
    assert_eq!(sessions.summaries[0].group_id, "stress");
    drop(store);

    // kill -9: the kernel drops the lock with the process; no waiting, no cleanup.
    stress.child.kill().unwrap();
    stress.child.wait().unwrap();
    let killed = Instant::now();
    let store = Store::open(paths.clone()).unwrap();
    assert!(
        store.writable(),
        "the lock must be free as soon as the holder is dead"
    );
    assert_eq!(store.busy, None);
    println!("writable {:?} after the holder died", killed.elapsed());
    assert!(temp_files(&dir).is_empty(), "{:?}", temp_files(&dir));
    store.save_group(&group).unwrap();
    assert_eq!(store.groups().groups, vec![group]);
    let lock_text = std::fs::read_to_string(paths.lock()).unwrap();
    assert_eq!(lock_text.trim(), std::process::id().to_string());

    // And now the roles turn: a new stress process finds the directory busy and says so.
    let status = Command::new(env!("CARGO_BIN_EXE_parvi"))
        .arg("__save-stress")
        .arg("--dir")
        .arg(&dir)
        .env("PARVI_DATA_DIR", &dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(parvi::cli::EXIT_LOCKED as i32));
}

#[test]
fn a_second_store_in_the_same_process_is_read_only_too() {
    let tmp = tempfile::tempdir().unwrap();
    let paths = Paths::at(tmp.path(), Origin::Flag);
    let first = common::open_writable(paths.clone());
    assert!(first.writable());
    let second = Store::open(paths.clone()).unwrap();
    assert!(!second.writable());
    assert_eq!(
        second.busy.as_ref().and_then(|b| b.pid),
        Some(std::process::id())
    );
    drop(first);
    drop(second);
    assert!(common::open_writable(paths).writable());
}
