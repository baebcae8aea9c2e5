//! Each meeting's figures (`model::figures`) and their cache beside the index
//! (`figures.jsonl`), on real files in temporary directories: the figures of a group agree
//! with those computed from the records, the cache is built on first use, follows a changed
//! log by that log's line alone, is rebuilt when broken, is never written by a read-only
//! store, and `parvi stats` prints the same with and without it.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use parvi::model::figures::{self, MeetingFigures};
use parvi::model::metrics::{self, participation};
use parvi::model::outcomes;
use parvi::model::{MeetingState, SessionRecord};
use parvi::store::{Origin, Paths, Store};

const GROUP_NAME: &str = "Hyvinvointiryhmä, Kotkan kampus";

fn group_id() -> String {
    parvi::simulator::meetings()[0].group.id.clone()
}

/// A data directory with the bundled sample: one group, three meetings.
fn sample_dir() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let store = common::open_writable(Paths::at(&dir, Origin::Flag));
    parvi::store::sample::install(&store).unwrap();
    (tmp, dir)
}

fn cache_path(dir: &Path) -> PathBuf {
    dir.join("figures.jsonl")
}

/// The cache's lines after the header, by file name.
fn cache_lines(dir: &Path) -> Vec<(String, String)> {
    let text = fs::read_to_string(cache_path(dir)).unwrap();
    let mut lines = text.lines();
    assert!(
        lines.next().unwrap().starts_with("parvi-figures 1 "),
        "{text}"
    );
    lines
        .map(|l| (l.split('\t').next().unwrap().to_string(), l.to_string()))
        .collect()
}

fn session_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir.join("sessions"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// Overwrites a log with garbage of the same size and gives it back its modification time:
/// nothing that trusts size and time can tell, so whatever still reads right came from a
/// cache, and whatever reads the log fails.
fn spoil_keeping_size_and_time(path: &Path) {
    let meta = fs::metadata(path).unwrap();
    fs::write(path, vec![b'x'; meta.len() as usize]).unwrap();
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(meta.modified().unwrap()).unwrap();
}

fn by_start(mut figures: Vec<MeetingFigures>) -> Vec<MeetingFigures> {
    figures.sort_by_key(|f| f.started_at);
    figures
}

fn expected() -> Vec<MeetingFigures> {
    by_start(
        parvi::simulator::meetings()
            .iter()
            .map(MeetingFigures::of)
            .collect(),
    )
}

// ---- the model -------------------------------------------------------------------------

#[test]
fn a_groups_figures_agree_with_those_of_the_records() {
    let records = parvi::simulator::meetings();
    let figures: Vec<MeetingFigures> = records.iter().map(MeetingFigures::of).collect();
    // The sample follows actions up across meetings: the check has something to check.
    assert!(figures.iter().any(|f| !f.carried.is_empty()));
    assert!(!outcomes::open_actions(&records).is_empty());
    for (record, f) in records.iter().zip(&figures) {
        assert_eq!(
            f.participation,
            participation(&MeetingState::replay(record))
        );
        assert_eq!(
            f.title(parvi::i18n::Lang::En),
            record.title(parvi::i18n::Lang::En)
        );
        assert_eq!(
            (f.started_at, f.ended_at),
            (record.started_at(), record.ended_at())
        );
    }
    // In any order, as the records' functions take them.
    for order in [[0, 1, 2], [2, 0, 1], [1, 2, 0]] {
        let recs: Vec<SessionRecord> = order.iter().map(|i| records[*i].clone()).collect();
        let figs: Vec<MeetingFigures> = order.iter().map(|i| figures[*i].clone()).collect();
        assert_eq!(figures::all_actions(&figs), outcomes::all_actions(&recs));
        assert_eq!(figures::open_actions(&figs), outcomes::open_actions(&recs));
        assert_eq!(figures::trend(&figs), metrics::trend(&recs));
        let parts: Vec<_> = recs
            .iter()
            .map(|r| participation(&MeetingState::replay(r)))
            .collect();
        assert_eq!(figures::combined(&figs), metrics::combined(&parts));
    }
}

#[test]
fn figures_come_back_from_json_exactly() {
    for f in expected() {
        let json = serde_json::to_string(&f).unwrap();
        assert!(!json.contains('\n'));
        assert_eq!(serde_json::from_str::<MeetingFigures>(&json).unwrap(), f);
    }
}

// ---- the cache -------------------------------------------------------------------------

#[test]
fn the_cache_is_built_on_first_use_and_then_read_instead_of_the_logs() {
    let (_tmp, dir) = sample_dir();
    let _ = fs::remove_file(cache_path(&dir));
    let store = common::open_writable(Paths::at(&dir, Origin::Flag));
    let (figures, problems) = store.group_figures(&group_id());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(by_start(figures), expected());
    assert_eq!(cache_lines(&dir).len(), 3);

    // Every log spoiled behind the index's back: the figures still come, from the cache.
    for file in session_files(&dir) {
        spoil_keeping_size_and_time(&file);
    }
    let (figures, problems) = store.group_figures(&group_id());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(by_start(figures), expected());
    // A read-only store reads the same cache.
    let reader = Store::open_read_only(Paths::at(&dir, Origin::Flag));
    assert_eq!(by_start(reader.group_figures(&group_id()).0), expected());
}

#[test]
fn a_changed_log_changes_only_its_own_line() {
    let (_tmp, dir) = sample_dir();
    let store = common::open_writable(Paths::at(&dir, Origin::Flag));
    store.sessions();
    let before = cache_lines(&dir);
    assert_eq!(before.len(), 3);
    let files = session_files(&dir);
    // One log rewritten (a new topic), another spoiled behind the index's back: were every
    // log read again, the spoiled one's line would go.
    let (changed, spoiled) = (&files[0], &files[1]);
    let (mut record, _) = store.load_session(changed).unwrap();
    record.topic = "Uusi aihe".into();
    store.save_session(changed, &record).unwrap();
    spoil_keeping_size_and_time(spoiled);

    store.sessions();
    let after = cache_lines(&dir);
    assert_eq!(after.len(), 3);
    let name = |p: &PathBuf| p.file_name().unwrap().to_str().unwrap().to_string();
    for ((file, old), (file_after, new)) in before.iter().zip(&after) {
        assert_eq!(file, file_after, "the index's order");
        if *file == name(changed) {
            assert_ne!(old, new);
            assert!(new.contains("\"topic\":\"Uusi aihe\""), "{new}");
        } else {
            assert_eq!(old, new, "{file}");
        }
    }
    let (figures, problems) = store.group_figures(&group_id());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        figures.iter().filter(|f| f.topic == "Uusi aihe").count(),
        1,
        "{figures:?}"
    );
}

#[test]
fn a_broken_or_outdated_cache_is_rebuilt_from_the_logs() {
    let (_tmp, dir) = sample_dir();
    let store = common::open_writable(Paths::at(&dir, Origin::Flag));
    store.sessions();
    let good = fs::read_to_string(cache_path(&dir)).unwrap();
    let header = good.lines().next().unwrap().to_string();
    let body: String = good.lines().skip(1).map(|l| format!("{l}\n")).collect();
    let mut words: Vec<&str> = header.split(' ').collect();
    let other_version = (figures::VERSION + 1).to_string();
    words[2] = &other_version;
    for broken in [
        "garbage\n".to_string(),
        String::new(),
        // Cut in the middle of a line.
        good[..good.len() - 40].to_string(),
        // Lines of another version of the figures, under a header that says so.
        format!("{}\n{body}", words.join(" ")),
    ] {
        fs::write(cache_path(&dir), &broken).unwrap();
        let (figures, problems) = store.group_figures(&group_id());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(by_start(figures), expected());
        assert_eq!(
            fs::read_to_string(cache_path(&dir)).unwrap(),
            good,
            "{broken}"
        );
    }
}

#[test]
fn a_read_only_store_never_writes_the_cache() {
    let (_tmp, dir) = sample_dir();
    let _ = fs::remove_file(cache_path(&dir));
    let reader = Store::open_read_only(Paths::at(&dir, Origin::Flag));
    let (figures, problems) = reader.group_figures(&group_id());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(by_start(figures), expected());
    reader.sessions();
    assert!(!reader.open_actions(&group_id()).is_empty());
    assert!(!cache_path(&dir).exists());
    // Nor rewrites one that is out of date.
    fs::write(cache_path(&dir), "garbage\n").unwrap();
    assert_eq!(by_start(reader.group_figures(&group_id()).0), expected());
    assert_eq!(fs::read_to_string(cache_path(&dir)).unwrap(), "garbage\n");
}

#[test]
fn open_actions_come_from_the_figures_as_from_the_records() {
    let (_tmp, dir) = sample_dir();
    let store = common::open_writable(Paths::at(&dir, Origin::Flag));
    let open = store.open_actions(&group_id());
    assert!(!open.is_empty());
    assert_eq!(open, outcomes::open_actions(&parvi::simulator::meetings()));
}

// ---- parvi stats -----------------------------------------------------------------------

fn parvi(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parvi"));
    cmd.arg("--data-dir").arg(dir).args(args);
    for var in ["LC_ALL", "LC_MESSAGES", "LANGUAGE", "PARVI_DATA_DIR"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "C.UTF-8").env("TZ", "Europe/Helsinki");
    cmd.output().expect("run parvi")
}

fn stats(dir: &Path) -> String {
    let out = parvi(dir, &["--lang", "en", "stats", "--group", GROUP_NAME]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn parvi_stats_prints_the_same_with_and_without_the_cache_and_reads_it() {
    let (_tmp, dir) = sample_dir();
    let _ = fs::remove_file(cache_path(&dir));
    // No cache: every log read, and the cache kept for the next call (no other parvi holds
    // the data directory).
    let without = stats(&dir);
    assert!(cache_path(&dir).exists());
    assert!(without.contains("Totals (3 meetings)"), "{without}");
    // The cache, as a writing parvi leaves it.
    common::open_writable(Paths::at(&dir, Origin::Flag)).sessions();
    assert!(cache_path(&dir).exists());
    assert_eq!(stats(&dir), without);
    // And it is the cache that is read: a topic changed in it shows.
    let text = fs::read_to_string(cache_path(&dir)).unwrap();
    let topic = &parvi::simulator::meetings()[0].topic;
    assert!(text.contains(topic.as_str()));
    fs::write(
        cache_path(&dir),
        text.replace(topic.as_str(), "Välimuistista"),
    )
    .unwrap();
    let from_cache = stats(&dir);
    assert!(from_cache.contains("Välimuistista"), "{from_cache}");
    assert_eq!(from_cache.replace("Välimuistista", topic), without);
}

#[test]
fn the_trends_reader_takes_the_figures_of_unchanged_files_from_the_cache() {
    let (_tmp, dir) = sample_dir();
    let store = common::open_writable(Paths::at(&dir, Origin::Flag));
    store.sessions();
    let mut files = session_files(&dir);
    for file in &files {
        spoil_keeping_size_and_time(file);
    }
    // A file the cache cannot know: read from its log, and this one is broken.
    let stranger = dir.join("sessions").join("2026-11-20_0000.json");
    fs::write(&stranger, "{ not json").unwrap();
    files.push(stranger);
    let read = parvi::store::figures::of_files(&store.paths, &files);
    let (found, failed): (Vec<_>, Vec<_>) = read.into_iter().partition(Result::is_ok);
    assert_eq!(failed.len(), 1);
    let found = found.into_iter().map(Result::unwrap).collect();
    assert_eq!(by_start(found), expected());
}
