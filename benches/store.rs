//! Store benchmarks against DESIGN §8: listing 10,000 meetings from the index, rebuilding
//! the index, and the durable save after every action of a 500-event meeting.
//!
//! Run with `cargo bench --bench store`. The 10,000 session files are generated once into a
//! temporary directory (about 100 MB).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use jiff::{SignedDuration, Timestamp};
use parvi::model::{Command, Meeting, SessionRecord, Stamp};
use parvi::store::{Paths, Store, index};

fn main() {
    divan::main();
}

const SESSIONS: usize = 10_000;

/// One realistic meeting from the sample, re-dated and re-numbered `SESSIONS` times.
fn data_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(Paths::at(dir.path(), parvi::store::Origin::Flag)).unwrap();
        let template = parvi::sample::meetings().remove(0);
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

/// Listing with an up-to-date index: read it, list the directory, compare sizes and times.
#[divan::bench(sample_count = 30)]
fn list_10k_sessions_from_index(bencher: divan::Bencher) {
    let store = Store::open_read_only(Paths::at(data_dir(), parvi::store::Origin::Flag));
    bencher.bench(|| {
        let sessions = store.sessions();
        assert_eq!(sessions.summaries.len(), SESSIONS);
        sessions
    });
}

/// Only parsing `index.json`: what a screen needs before its first frame.
#[divan::bench(sample_count = 30)]
fn read_index_of_10k(bencher: divan::Bencher) {
    let path: PathBuf = data_dir().join("index.json");
    bencher.bench(|| index::read_index(&path));
}

/// The cold case: no index, every log parsed.
#[divan::bench(sample_count = 3)]
fn rebuild_index_of_10k(bencher: divan::Bencher) {
    let sessions = data_dir().join("sessions");
    bencher.bench(|| index::refresh(&sessions, index::Index::default()));
}

/// A 500-event meeting saved after one more action: temp file, fsync, rename, fsync dir.
#[divan::bench(sample_count = 200)]
fn save_after_action_500_events(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Paths::at(dir.path(), parvi::store::Origin::Flag)).unwrap();
    let mut meeting = big_meeting(500);
    let path = store.new_session_path(meeting.record());
    let mut now = meeting.record().events.last().unwrap().mono_ms;
    bencher.bench_local(|| {
        now += 1000;
        let stamp = Stamp {
            at: meeting.record().created_at + SignedDuration::from_millis(now as i64),
            mono_ms: now,
        };
        let _ = meeting.execute(Command::Note("lisäys".into()), stamp, 1);
        store.save_session(&path, meeting.record()).unwrap();
    });
}

/// A meeting of at least `events` events, made by walking rounds of the sample group.
fn big_meeting(events: usize) -> Meeting {
    let record: SessionRecord = parvi::sample::meetings().remove(1);
    let mut meeting = Meeting::new(SessionRecord {
        events: Vec::new(),
        ..record
    });
    let mut now = 0;
    let mut step = |m: &mut Meeting, c: Command| {
        now += 7_000;
        let stamp = Stamp {
            at: m.record().created_at + SignedDuration::from_millis(now),
            mono_ms: now as u64,
        };
        let _ = m.execute(c, stamp, now as u64);
    };
    step(&mut meeting, Command::Start);
    while meeting.record().events.len() < events {
        for c in [
            Command::Next,
            Command::Note("Ruokalan jonot".into()),
            Command::Next,
        ] {
            step(&mut meeting, c);
        }
        if meeting.state().round_complete() || meeting.state().round.is_none() {
            let next = (meeting.state().phase.unwrap_or(0) + 1) % meeting.state().agenda.len();
            step(&mut meeting, Command::GoToPhase(next));
        }
    }
    meeting
}
