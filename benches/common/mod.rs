//! Shared by the benchmarks: a data directory with 10,000 realistic meetings.
#![allow(dead_code, reason = "each benchmark uses a different part")]

use std::path::Path;
use std::sync::OnceLock;

use jiff::{SignedDuration, Timestamp};
use parvi::store::{Paths, Store};

pub const SESSIONS: usize = 10_000;

/// One realistic meeting from the sample, re-dated and re-numbered `SESSIONS` times.
pub fn data_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(Paths::at(dir.path(), parvi::store::Origin::Flag)).unwrap();
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
        // Build the index once, as the first listing after the files appeared would.
        assert_eq!(store.sessions().summaries.len(), SESSIONS);
        dir
    })
    .path()
}
