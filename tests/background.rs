//! The reads the app does on a thread (the full list of meetings, a group's meetings for its
//! trends), on real files in temporary directories: their results are those of the same
//! reads done in place, and a file that cannot be read is counted, not fatal.

use std::path::Path;
use std::time::{Duration, Instant};

use parvi::store::{Origin, Paths, Store};
use parvi::tui::background::{Background, Finished};
use parvi::tui::screens::review::trend::TrendData;

/// Waits (up to ten seconds) for the reads under way to finish.
fn wait(background: &mut Background) -> Vec<Finished> {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut done = Vec::new();
    while background.busy() {
        assert!(Instant::now() < deadline, "the reads did not finish");
        done.extend(background.finished());
        std::thread::sleep(Duration::from_millis(5));
    }
    done
}

fn sample(dir: &Path) -> Store {
    let store = Store::open(Paths::at(dir, Origin::Flag)).unwrap();
    parvi::store::sample::install(&store).unwrap();
    store
}

#[test]
fn a_groups_meetings_are_read_on_a_thread_with_the_same_figures() {
    let tmp = tempfile::tempdir().unwrap();
    let store = sample(tmp.path());
    let meetings = parvi::simulator::meetings();
    let group = meetings[0].group.id.clone();
    // Oldest first, as the loop hands them over; plus one broken file.
    let mut files: Vec<_> = store
        .sessions()
        .summaries
        .iter()
        .rev()
        .map(|s| store.paths.sessions().join(&s.file))
        .collect();
    let broken = store
        .paths
        .sessions()
        .join("2026-11-20T10-00-00Z_00000000-0000-4000-8000-000000000009.json");
    std::fs::write(&broken, "{ not json").unwrap();
    files.push(broken);

    let mut background = Background::default();
    assert!(!background.busy());
    background.read_group(store.paths.clone(), group.clone(), files);
    assert!(background.busy());
    let done = wait(&mut background);

    let [Finished::Group { group: read, data }] = done.as_slice() else {
        panic!("one group read, got {done:?}");
    };
    assert_eq!(read, &group);
    let expected = TrendData::of(&meetings, 1);
    assert_eq!(data.points, expected.points);
    assert_eq!(data.unreadable, 1);
    assert_eq!(data.open().len(), expected.open().len());
    assert!(!data.points.is_empty());
}

#[test]
fn the_full_list_of_meetings_is_read_on_a_thread() {
    let tmp = tempfile::tempdir().unwrap();
    let store = sample(tmp.path());
    let mut background = Background::default();
    background.list_sessions(store.paths.clone(), false);
    let done = wait(&mut background);
    let [Finished::Sessions(list)] = done.as_slice() else {
        panic!("one list, got {done:?}");
    };
    assert_eq!(list.summaries, store.sessions().summaries);
    assert_eq!(list.summaries.len(), 3);
}
