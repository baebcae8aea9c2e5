//! Store benchmarks against DESIGN §8: listing 10,000 meetings from the index, side by side
//! with a group's stats from the figures cache (issue 15: within twice the listing's time),
//! rebuilding the index, and the durable save after every action of a 500-event meeting.
//!
//! Run with `cargo bench --bench store`. The 10,000 session files are generated once into a
//! temporary directory (about 100 MB).

use std::path::PathBuf;

use jiff::SignedDuration;
use parvi::model::figures;
use parvi::model::{Command, Meeting, SessionRecord, Stamp};
use parvi::store::{Paths, Store, index};

mod common;

fn main() {
    divan::main();
}

use common::{SESSIONS, data_dir};

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

/// What `parvi stats --group` does, with warm caches, beside the listing above: refresh the
/// index, take the group's figures from `figures.jsonl` (no log read), then the per-meeting
/// rows, the totals and the open actions. All 10,000 meetings are of the one sample group.
#[divan::bench(sample_count = 30)]
fn stats_of_a_group_of_10k_from_figures(bencher: divan::Bencher) {
    let store = Store::open_read_only(Paths::at(data_dir(), parvi::store::Origin::Flag));
    let group = parvi::simulator::meetings()[0].group.id.clone();
    bencher.bench(|| {
        let sessions = store.sessions();
        let groups = store.groups();
        let (mut meetings, problems) = store.group_figures_in(&sessions.summaries, &group);
        meetings.sort_by_key(|m| m.started_at);
        assert_eq!((meetings.len(), problems.len()), (SESSIONS, 0));
        let rows: Vec<_> = meetings
            .iter()
            .map(|m| (m.title(parvi::i18n::Lang::Fi), m.trend_point()))
            .collect();
        let totals = figures::combined(&meetings);
        let open = figures::open_actions(&meetings);
        (groups, rows, totals, open)
    });
}

/// What `parvi report --group --format html` does, with warm caches, beside the two above:
/// refresh the index, the group's figures and clock, the year's report of all 10,000
/// meetings (every follow-up of every action), laid out and written as one HTML page.
#[divan::bench(sample_count = 30)]
fn report_of_a_group_of_10k_from_figures(bencher: divan::Bencher) {
    use parvi::export::report::{ReportFormat, ReportOptions, render};
    use parvi::model::report::GroupReport;
    let store = Store::open_read_only(Paths::at(data_dir(), parvi::store::Origin::Flag));
    let group = parvi::simulator::meetings()[0].group.id.clone();
    let zone = parvi::model::helsinki();
    bencher.bench(|| {
        let sessions = store.sessions();
        let (meetings, problems) = store.group_figures_in(&sessions.summaries, &group);
        assert_eq!((meetings.len(), problems.len()), (SESSIONS, 0));
        let clock = store.clock(&group).ok().flatten().map(|(clock, _)| clock);
        let today = meetings.iter().map(|m| m.started_at).max().unwrap();
        let today = today.to_zoned_datetime(zone.clone()).date();
        let year = parvi::model::clock::SchoolYear::of(today);
        let report = GroupReport::of(&meetings, clock.as_ref(), year, today, &zone);
        let options = ReportOptions {
            format: ReportFormat::Html,
            lang: parvi::i18n::Lang::Fi,
            public: false,
            today,
        };
        render(&[report], &options)
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
    let record: SessionRecord = parvi::simulator::meetings().remove(1);
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
