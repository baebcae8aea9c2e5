//! The store on real files (DESIGN §4–§5): groups and meetings survive a restart, files and
//! directories are private under any umask, the index re-reads only what changed, stale
//! temporary files are swept, meetings are found by the start of their id, and settings
//! round-trip.

use crate::common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::{Duration, SystemTime};

use common::{Sim, format, group, record_with};
use parvi::i18n::Lang;
use parvi::model::{Command, GroupKind, Role, SessionRecord};
use parvi::store::{Config, Notice, Origin, Paths, Reason, Store};

fn open(dir: &Path) -> Store {
    let store = Store::open(Paths::at(dir, Origin::Flag)).unwrap();
    assert!(store.writable());
    store
}

fn mode(path: &Path) -> u32 {
    fs::symlink_metadata(path).unwrap().permissions().mode() & 0o7777
}

/// A meeting with a few turns and a note, `id` as its id, started `offset_s` after t0.
fn meeting(id: u128, offset_s: u64) -> SessionRecord {
    let mut record = record_with(format());
    record.id = uuid::Uuid::from_u128(id);
    let mut sim = Sim::new(record);
    sim.at(offset_s).ok(Command::Start);
    sim.at(offset_s + 30).ok(Command::GoToPhase(1));
    sim.at(offset_s + 40).ok(Command::Next);
    sim.at(offset_s + 70).ok(Command::Note(
        "Ruokalan jonot – sää on hyvä 🙂, 李雷".into(),
    ));
    sim.at(offset_s + 95).ok(Command::Next);
    sim.meeting.into_record()
}

fn save(store: &Store, record: &SessionRecord) -> PathBuf {
    let path = store.new_session_path(record);
    store.save_session(&path, record).unwrap();
    path
}

fn listed(store: &Store) -> Vec<uuid::Uuid> {
    let sessions = store.sessions();
    assert!(sessions.problems.is_empty(), "{:?}", sessions.problems);
    sessions.summaries.iter().map(|s| s.id).collect()
}

#[test]
fn groups_survive_a_restart() {
    let tmp = tempfile::tempdir().unwrap();
    let kotka = group();
    let mut union = parvi::model::Group::new(
        "Opiskelijakunnan hallitus",
        GroupKind::StudentUnion,
        "Åbo",
        "77aa",
    )
    .unwrap();
    union.add_member("Åsa Öberg", Role::Student).unwrap();
    {
        let store = open(tmp.path());
        assert_eq!(
            store.save_group(&kotka).unwrap(),
            tmp.path().join("groups/hyvinvointiryhma-kotka-3f9a.json")
        );
        store.save_group(&union).unwrap();
    }
    let store = open(tmp.path());
    let groups = store.groups();
    assert!(groups.problems.is_empty(), "{:?}", groups.problems);
    // Sorted by name.
    assert_eq!(groups.groups, vec![kotka.clone(), union.clone()]);

    // An edit replaces the file; a removal deletes it; the other group is untouched.
    let mut renamed = kotka.clone();
    renamed.rename("Hyvinvointiryhmä Kotka ja Hamina").unwrap();
    store.save_group(&renamed).unwrap();
    store.remove_group(&union.id).unwrap();
    drop(store);
    let store = open(tmp.path());
    assert_eq!(store.groups().groups, vec![renamed]);
    assert!(store.remove_group(&union.id).is_err(), "it is gone already");
}

/// What the umask test checks: every directory 0700 and every file 0600.
fn assert_private(dir: &Path) {
    for sub in ["", "groups", "sessions"] {
        assert_eq!(mode(&dir.join(sub)), 0o700, "{sub}/");
    }
    let mut files = 0;
    for sub in ["", "groups", "sessions"] {
        for entry in fs::read_dir(dir.join(sub)).unwrap().flatten() {
            if entry.file_type().unwrap().is_file() {
                assert_eq!(mode(&entry.path()), 0o600, "{}", entry.path().display());
                files += 1;
            }
        }
    }
    // config, index, search cache, figures cache, lock, .stignore, one group, one session.
    assert_eq!(files, 8);
}

/// Creates every kind of file the store writes, in `dir`.
fn write_everything(dir: &Path) {
    let store = open(dir);
    store.save_group(&group()).unwrap();
    store
        .save_config(&Config {
            lang: Some(Lang::Sv),
        })
        .unwrap();
    save(&store, &meeting(1, 0));
    assert_eq!(listed(&store).len(), 1); // writes index.json
}

#[test]
fn files_are_0600_and_directories_0700() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("a/b/parvi");
    write_everything(&dir);
    assert_private(&dir);
}

const UMASK_CHILD: &str = "PARVI_TEST_UMASK_000_DIR";

/// The same under `umask 000`: the test binary runs this test again in a child process
/// started by `sh -c 'umask 000; exec …'`, which does the writing.
#[test]
fn files_are_private_even_under_umask_000() {
    if let Some(dir) = std::env::var_os(UMASK_CHILD) {
        let dir = PathBuf::from(dir);
        // A control file with the default mode, to prove the umask really was 000.
        fs::File::create(dir.join("control")).unwrap();
        write_everything(&dir.join("parvi"));
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let child = Process::new("sh")
        .arg("-c")
        .arg("umask 000 && exec \"$0\" \"$@\"")
        .arg(std::env::current_exe().unwrap())
        .args([
            "--exact",
            // Its name in the one test binary (tests/all.rs).
            "store::files_are_private_even_under_umask_000",
            "--test-threads=1",
        ])
        .env(UMASK_CHILD, tmp.path())
        .output()
        .unwrap();
    assert!(
        child.status.success(),
        "the child test failed: {}\n{}{}",
        child.status,
        String::from_utf8_lossy(&child.stdout),
        String::from_utf8_lossy(&child.stderr)
    );
    assert_eq!(
        mode(&tmp.path().join("control")),
        0o666,
        "the child did not run under umask 000"
    );
    assert_private(&tmp.path().join("parvi"));
}

#[test]
fn loose_directory_modes_are_tightened_and_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("parvi");
    fs::create_dir_all(dir.join("sessions")).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(dir.join("sessions"), fs::Permissions::from_mode(0o777)).unwrap();
    let store = open(&dir);
    assert_eq!(
        store.notices,
        vec![
            Notice::ModeTightened {
                path: dir.clone(),
                old: 0o755
            },
            Notice::ModeTightened {
                path: dir.join("sessions"),
                old: 0o777
            },
        ]
    );
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("sessions")), 0o700);
    drop(store);
    assert!(
        open(&dir).notices.is_empty(),
        "nothing to report the second time"
    );
}

#[test]
fn a_session_round_trips_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let store = open(tmp.path());
    let record = meeting(0xabcd, 0);
    assert!(record.events.len() >= 6);
    let path = save(&store, &record);
    assert!(path.starts_with(tmp.path().join("sessions")));
    assert!(
        path.file_name()
            .unwrap()
            .to_string_lossy()
            .ends_with("_00000000-0000-0000-0000-00000000abcd.json")
    );
    let (loaded, warnings) = store.load_session(&path).unwrap();
    assert_eq!(loaded, record);
    assert!(warnings.is_empty(), "{warnings:?}");
    // Saved as people can read it: pretty JSON with a final newline, text not escaped.
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\n") && text.ends_with("}\n"));
    assert!(text.contains("sää on hyvä 🙂"));

    // Every later save replaces the whole file, and a new store reads the newest one.
    let mut sim = Sim::new(record);
    sim.at(200).ok(Command::End);
    let ended = sim.meeting.into_record();
    store.save_session(&path, &ended).unwrap();
    drop(store);
    let store = open(tmp.path());
    assert_eq!(store.load_session(&path).unwrap().0, ended);
    let sessions = store.sessions();
    assert_eq!(sessions.summaries.len(), 1);
    let summary = &sessions.summaries[0];
    assert_eq!(summary.id, ended.id);
    assert_eq!(summary.events as usize, ended.events.len());
    assert_eq!(summary.present, 7);
    assert_eq!(summary.group_id, "hyvinvointiryhma-kotka-3f9a");
    assert!(summary.ended_at.is_some() && !summary.unfinished());
}

/// Sets a file's modification time, keeping everything else.
fn set_mtime(path: &Path, time: SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

#[test]
fn the_index_reads_only_files_whose_size_or_mtime_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let store = open(tmp.path());
    let a = meeting(0xa, 0);
    let b = meeting(0xb, 3600);
    let path_a = save(&store, &a);
    save(&store, &b);
    assert!(!store.paths.index().exists());
    // Newest first.
    assert_eq!(listed(&store), vec![b.id, a.id]);
    let index: parvi::store::Index =
        serde_json::from_slice(&fs::read(store.paths.index()).unwrap()).unwrap();
    assert_eq!(index.sessions.len(), 2);

    // Corrupt A's content but keep its size and mtime: the index must not re-read it.
    let mtime = fs::metadata(&path_a).unwrap().modified().unwrap();
    let size = fs::metadata(&path_a).unwrap().len();
    fs::write(&path_a, vec![b'x'; size as usize]).unwrap();
    set_mtime(&path_a, mtime);
    assert_eq!(fs::metadata(&path_a).unwrap().len(), size);
    assert_eq!(
        listed(&store),
        vec![b.id, a.id],
        "an unchanged file was re-read"
    );
    // A new store (a restart) uses the saved index the same way.
    drop(store);
    let store = open(tmp.path());
    assert_eq!(listed(&store), vec![b.id, a.id]);

    // Touch its mtime: now it is re-read, found broken and reported, not listed.
    set_mtime(&path_a, mtime + Duration::from_secs(1));
    let sessions = store.sessions();
    assert_eq!(
        sessions.summaries.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![b.id]
    );
    assert_eq!(sessions.problems.len(), 1);
    assert_eq!(sessions.problems[0].path, path_a);
    assert!(matches!(sessions.problems[0].reason, Reason::Json { .. }));
    // The broken file is still reported next time (problems are never cached away).
    assert_eq!(store.sessions().problems.len(), 1);

    // Repaired with a new size: it is back.
    store.save_session(&path_a, &a).unwrap();
    assert_eq!(listed(&store), vec![b.id, a.id]);
}

#[test]
fn a_new_session_and_a_changed_one_are_picked_up() {
    let tmp = tempfile::tempdir().unwrap();
    let store = open(tmp.path());
    let a = meeting(0xa, 0);
    let path_a = save(&store, &a);
    assert_eq!(listed(&store), vec![a.id]);
    // One synced in from another laptop, written by someone else.
    let b = meeting(0xb, 3600);
    let path_b = store.new_session_path(&b);
    fs::write(&path_b, serde_json::to_vec(&b).unwrap()).unwrap();
    assert_eq!(listed(&store), vec![b.id, a.id]);
    // A grows: the summary follows.
    let mut sim = Sim::new(a.clone());
    sim.at(500).ok(Command::End);
    let ended = sim.meeting.into_record();
    store.save_session(&path_a, &ended).unwrap();
    let sessions = store.sessions();
    let summary = sessions.summaries.iter().find(|s| s.id == a.id).unwrap();
    assert_eq!(summary.events as usize, ended.events.len());
    assert!(summary.ended_at.is_some());
}

#[test]
fn a_deleted_session_disappears_from_the_list_and_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let store = open(tmp.path());
    let a = meeting(0xa, 0);
    let b = meeting(0xb, 3600);
    let path_a = save(&store, &a);
    save(&store, &b);
    assert_eq!(listed(&store).len(), 2);
    fs::remove_file(&path_a).unwrap();
    assert_eq!(listed(&store), vec![b.id]);
    let index: parvi::store::Index =
        serde_json::from_slice(&fs::read(store.paths.index()).unwrap()).unwrap();
    assert_eq!(
        index.sessions.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![b.id]
    );
}

#[test]
fn a_broken_index_is_rebuilt() {
    let tmp = tempfile::tempdir().unwrap();
    let store = open(tmp.path());
    let a = meeting(0xa, 0);
    save(&store, &a);
    listed(&store);
    for garbage in [
        &b"{\"schema\": 1, \"sessions\": [{"[..],
        b"",
        b"\0\0\0",
        b"[]",
    ] {
        fs::write(store.paths.index(), garbage).unwrap();
        assert_eq!(listed(&store), vec![a.id]);
        let index: parvi::store::Index =
            serde_json::from_slice(&fs::read(store.paths.index()).unwrap()).unwrap();
        assert_eq!(index.sessions.len(), 1);
    }
    // A read-only store lists from the files but does not write the index.
    fs::write(store.paths.index(), b"broken").unwrap();
    let reader = Store::open_read_only(Paths::at(tmp.path(), Origin::Flag));
    assert_eq!(listed(&reader), vec![a.id]);
    assert_eq!(fs::read(store.paths.index()).unwrap(), b"broken");
}

#[test]
fn stale_temp_files_are_swept_on_open() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    drop(open(dir));
    let stale: Vec<PathBuf> = ["", "groups", "sessions"]
        .iter()
        .map(|sub| dir.join(sub).join(".parvi-Xy12ab.tmp"))
        .collect();
    for path in &stale {
        fs::write(path, b"{\"half\": ").unwrap();
    }
    // Look-alikes that are not parvi's temp files stay.
    let kept = [
        dir.join("sessions/notes.tmp"),
        dir.join("sessions/.parvi-keep"),
        dir.join("groups/parvi-x.tmp"),
    ];
    for path in &kept {
        fs::write(path, b"mine").unwrap();
    }
    fs::create_dir(dir.join("sessions/.parvi-dir.tmp")).unwrap();

    let store = open(dir);
    for path in &stale {
        assert!(!path.exists(), "{} was not swept", path.display());
    }
    for path in &kept {
        assert_eq!(fs::read(path).unwrap(), b"mine");
    }
    assert!(dir.join("sessions/.parvi-dir.tmp").is_dir());
    // The sweep never touched the real data, and a temp file is never listed.
    save(&store, &meeting(0xa, 0));
    assert_eq!(listed(&store).len(), 1);
}

#[test]
fn sessions_are_found_by_the_start_of_their_id() {
    let tmp = tempfile::tempdir().unwrap();
    let store = open(tmp.path());
    let a = meeting(0xaaaa_1111_0000_0000_0000_0000_0000_0001, 0);
    let b = meeting(0xaaaa_2222_0000_0000_0000_0000_0000_0002, 3600);
    save(&store, &a);
    let path_b = save(&store, &b);
    let found = |id: &str| store.find_session(id).map(|s| s.id);
    assert_eq!(found("aaaa1"), Some(a.id));
    assert_eq!(found("AAAA2"), Some(b.id), "case does not matter");
    assert_eq!(found(" aaaa2222 "), Some(b.id), "spaces do not matter");
    assert_eq!(found(&a.id.to_string()), Some(a.id));
    assert_eq!(found("aaaa"), None, "ambiguous");
    assert_eq!(found("aaa"), None, "too short");
    assert_eq!(found("bbbb"), None, "no such meeting");
    // By the file name too, which starts with the date.
    let file_b = path_b.file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(found(&file_b), Some(b.id));
    assert_eq!(found(&file_b[..10]), None, "both are from the same day");
}

#[test]
fn settings_round_trip_and_a_broken_file_is_reported_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let store = open(tmp.path());
    assert_eq!(store.config().unwrap(), Config::default());
    assert!(!store.paths.config().exists(), "reading creates nothing");
    for lang in [Some(Lang::Fi), Some(Lang::En), None] {
        store.save_config(&Config { lang }).unwrap();
        assert_eq!(store.config().unwrap().lang, lang);
    }
    store
        .save_config(&Config {
            lang: Some(Lang::Sv),
        })
        .unwrap();
    drop(store);
    let store = open(tmp.path());
    assert_eq!(store.config().unwrap().lang, Some(Lang::Sv));
    assert_eq!(mode(&store.paths.config()), 0o600);

    let broken = b"{\"lang\": \"sv\", \"colour\": 1}";
    fs::write(store.paths.config(), broken).unwrap();
    let problem = store.config().unwrap_err();
    assert_eq!(problem.path, store.paths.config());
    assert!(matches!(problem.reason, Reason::Json { .. }));
    let message = problem.describe(Lang::En);
    assert!(message.contains(&store.paths.config().display().to_string()));
    assert!(message.contains("colour"), "{message}");
    assert_eq!(fs::read(store.paths.config()).unwrap(), broken);
}

#[test]
fn a_year_clock_survives_a_restart_one_revision_on_and_a_bad_one_is_reported() {
    use parvi::model::clock::{ItemStatus, SchoolYear};
    let tmp = tempfile::tempdir().unwrap();
    let kotka = group();
    let path = tmp.path().join("clocks/hyvinvointiryhma-kotka-3f9a.json");
    {
        let store = open(tmp.path());
        assert!(store.clock(&kotka.id).unwrap().is_none(), "no clock yet");
        let mut clock = parvi::store::clocks::template().clock_for(&kotka, Lang::Fi);
        assert_eq!(store.save_clock(&mut clock).unwrap(), path);
        assert_eq!(clock.revision, 1);
        let first = clock.items[0].id.clone();
        clock
            .set_status(&first, SchoolYear { start: 2026 }, ItemStatus::Done)
            .unwrap();
        store.save_clock(&mut clock).unwrap();
    }
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&tmp.path().join("clocks")), 0o700);
    let store = open(tmp.path());
    let (clock, warnings) = store.clock(&kotka.id).unwrap().expect("the clock");
    assert!(warnings.is_empty());
    assert_eq!(clock.revision, 2);
    assert_eq!(
        clock.items[0].status_in(SchoolYear { start: 2026 }),
        ItemStatus::Done
    );

    // Another group's clock under this group's name is refused, not taken.
    let other = fs::read_to_string(&path)
        .unwrap()
        .replace("hyvinvointiryhma-kotka-3f9a", "pori-1234");
    fs::write(&path, &other).unwrap();
    let problem = store.clock(&kotka.id).unwrap_err();
    assert_eq!(problem.path, path);
    assert!(matches!(problem.reason, Reason::IdMismatch { ref id } if id == "pori-1234"));
    // A broken file says where, and is left as it is.
    fs::write(&path, "{\"schema\": 1, \"group\": ").unwrap();
    let problem = store.clock(&kotka.id).unwrap_err();
    assert!(matches!(problem.reason, Reason::Json { .. }), "{problem:?}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "{\"schema\": 1, \"group\": "
    );
    // A read-only store saves nothing.
    let reader = Store::open_read_only(Paths::at(tmp.path(), Origin::Flag));
    let mut clock = parvi::store::clocks::template().clock_for(&kotka, Lang::Fi);
    drop(store);
    assert!(reader.save_clock(&mut clock).is_err());
    assert_eq!(clock.revision, 0, "an unsaved clock keeps its revision");
}
