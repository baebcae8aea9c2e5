//! Shared by the benchmarks: a data directory with 10,000 realistic meetings.
#![allow(dead_code, reason = "each benchmark uses a different part")]

use std::path::Path;
use std::sync::OnceLock;

use jiff::{SignedDuration, Timestamp};
use parvi::store::{Paths, Store};

pub const SESSIONS: usize = 10_000;

/// One realistic meeting from the sample, re-dated and re-numbered `SESSIONS` times, in a
/// temporary directory; or, when `PARVI_BENCH_DATA` names a directory, there (kept, and made
/// only once), so the release binary can be timed on the same data
/// (`hyperfine 'parvi --data-dir $PARVI_BENCH_DATA sessions list'`).
pub fn data_dir() -> &'static Path {
    static KEPT: OnceLock<std::path::PathBuf> = OnceLock::new();
    if let Some(dir) = std::env::var_os("PARVI_BENCH_DATA") {
        return KEPT.get_or_init(|| {
            let dir = std::path::PathBuf::from(dir);
            if dir.join("index.json").exists() {
                // Kept from an earlier run: its caches brought up to date by a writing parvi.
                let store = Store::open(Paths::at(&dir, parvi::store::Origin::Flag)).unwrap();
                assert_eq!(store.sessions().summaries.len(), SESSIONS);
            } else {
                fill(&dir);
            }
            dir
        });
    }
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        fill(dir.path());
        dir
    })
    .path()
}

fn fill(dir: &Path) {
    let store = Store::open(Paths::at(dir, parvi::store::Origin::Flag)).unwrap();
    let template = parvi::simulator::meetings().remove(0);
    let start: Timestamp = "2020-01-06T10:00:00Z".parse().unwrap();
    for n in 0..SESSIONS {
        let mut record = template.clone();
        record.id = uuid::Uuid::from_u128(n as u128 + 1);
        record.created_at = start + SignedDuration::from_hours(n as i64 * 4);
        let shift = record.created_at.duration_since(template.created_at);
        for e in &mut record.events {
            e.at += shift;
        }
        record.topic = format!("Kokous {n}");
        let path = store.new_session_path(&record);
        std::fs::write(&path, parvi::store::session_json(&record).unwrap()).unwrap();
    }
    // Build the index (and the caches beside it) once, as the first listing of a
    // writing parvi after the files appeared would.
    assert_eq!(store.sessions().summaries.len(), SESSIONS);
}
