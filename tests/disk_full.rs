//! A full disk: saving fails with a clear error, the file on disk stays the last good
//! version, nothing is dropped from memory, and the next save after space is freed writes
//! everything. Needs root to mount a tiny tmpfs; skipped (with a message) otherwise.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use common::{Sim, format, record_with};
use parvi::model::Command;
use parvi::store::{Origin, Paths, Store, StoreError};

/// A 256 KiB tmpfs, unmounted on drop.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount() -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Process::new("mount")
            .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(SmallDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Process::new("umount").arg(self.dir.path()).status();
    }
}

/// Fills the disk with a file until writing fails; returns its path.
fn fill(dir: &Path) -> PathBuf {
    use std::io::Write;
    let path = dir.join("filler");
    let mut file = std::fs::File::create(&path).unwrap();
    let chunk = vec![b'x'; 4096];
    while file.write_all(&chunk).and_then(|()| file.flush()).is_ok() {}
    let _ = file.sync_all();
    path
}

#[test]
fn a_full_disk_keeps_the_last_good_file_and_the_next_save_catches_up() {
    let Some(disk) = SmallDisk::mount() else {
        eprintln!("skipped: could not mount a tmpfs (needs root)");
        return;
    };
    let store = Store::open(Paths::at(disk.path().join("data"), Origin::Flag)).unwrap();
    let mut sim = Sim::new(record_with(format()));
    sim.ok(Command::Start);
    let path = store.new_session_path(sim.meeting.record());
    store.save_session(&path, sim.meeting.record()).unwrap();
    let saved_before = std::fs::read(&path).unwrap();

    let filler = fill(disk.path());
    // The meeting goes on while the disk is full: every save fails, clearly.
    let mut failures = 0;
    for n in 0..40 {
        // Turns in the check-in round, each with a note: the meeting keeps growing.
        sim.at(10 + n);
        let _ = sim.run(Command::GoToPhase(1));
        let _ = sim.run(Command::Next);
        sim.ok(Command::Note(format!("muistiinpano {n} ääkkösin")));
        match store.save_session(&path, sim.meeting.record()) {
            Err(StoreError::Io { source, .. }) => {
                failures += 1;
                assert!(
                    source.to_string().contains("No space left"),
                    "the reason should name the full disk: {source}"
                );
            }
            Err(other) => panic!("unexpected error: {other}"),
            Ok(()) => {}
        }
    }
    assert!(failures > 0, "the disk never filled up");
    // The file on disk is still the last good save, complete and loadable.
    assert_eq!(std::fs::read(&path).unwrap(), saved_before);
    assert!(store.load_session(&path).is_ok());
    // No temporary file was left behind by the failed saves.
    let leftovers = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0);

    // Space comes back: the next save writes every event the meeting had in memory.
    std::fs::remove_file(filler).unwrap();
    store.save_session(&path, sim.meeting.record()).unwrap();
    let (loaded, _) = store.load_session(&path).unwrap();
    assert_eq!(loaded.events, sim.meeting.record().events);
}
