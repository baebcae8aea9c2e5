//! The loader's bad-input checklist (DESIGN §5, reliability §4.3 and recipes 10–11), for a
//! group file (`groups/<id>.json`, through `Store::groups`) and a session file
//! (`sessions/<date>_<id>.json`, through `Store::load_session` and `Store::sessions`).
//!
//! Every case plants one bad file next to good ones and checks four things:
//! - the reason (or, for a file that still loads, the warnings);
//! - the message the user sees names the file and the reason, in English and Finnish;
//! - every other file in the directory still loads;
//! - the bad file is untouched (bytes, mtime, ctime, inode, mode), also after a writable
//!   `Store::open` + `sessions()` (which rewrites `index.json`) and after saving another
//!   group and another session.
//!
//! Each case runs under a deadline, so a loader that blocks (on a FIFO) fails instead of
//! hanging the suite.

use crate::common;

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use common::{Sim, format, group, record_with};
use parvi::i18n::Lang;
use parvi::model::session::Oddity;
use parvi::model::{Command, EventKind, Group, GroupKind, MemberId, Role, SessionRecord};
use parvi::store::read::{MAX_FILE_BYTES, MAX_SMALL_BYTES, NotAFile};
use parvi::store::{Origin, Paths, Problem, Reason, Store, Warning, session_json};

// ---- fixtures -----------------------------------------------------------------------------

const BAD_GROUP_ID: &str = "broken-0bad";
const BAD_SESSION_ID: u128 = 0xbad;

fn uuid(n: u128) -> uuid::Uuid {
    uuid::Uuid::from_u128(n)
}

/// A meeting with turns and a note, with `id`, started `offset_s` after t0.
fn meeting(id: u128, offset_s: u64) -> SessionRecord {
    let mut record = record_with(format());
    record.id = uuid(id);
    let mut sim = Sim::new(record);
    sim.at(offset_s).ok(Command::Start);
    sim.at(offset_s + 30).ok(Command::GoToPhase(1));
    sim.at(offset_s + 40).ok(Command::Next);
    sim.at(offset_s + 70)
        .ok(Command::Note("Päivi: sää on hyvä 🙂".into()));
    sim.at(offset_s + 95).ok(Command::Next);
    sim.meeting.into_record()
}

fn other_group(id_suffix: &str, name: &str) -> Group {
    let mut g = Group::new(name, GroupKind::StudentUnion, "Åbo", id_suffix).unwrap();
    g.add_member("Åsa Öberg", Role::Student).unwrap();
    g
}

/// A group whose id matches the bad file's name, so only the planted fault is wrong.
fn bad_group() -> Group {
    Group {
        id: BAD_GROUP_ID.into(),
        ..group()
    }
}

fn bad_session() -> SessionRecord {
    meeting(BAD_SESSION_ID, 7200)
}

fn group_json(g: &Group) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(g).unwrap();
    bytes.push(b'\n');
    bytes
}

fn session_bytes(r: &SessionRecord) -> Vec<u8> {
    session_json(r).unwrap()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Group,
    Session,
}

/// A data directory with two good groups and two good meetings, and where the bad file goes.
struct Data {
    _tmp: tempfile::TempDir,
    /// Outside the data directory, for symlink targets.
    outside: PathBuf,
    paths: Paths,
    good_groups: Vec<Group>,
    good_sessions: Vec<(PathBuf, SessionRecord)>,
}

impl Data {
    fn new() -> Data {
        let tmp = tempfile::tempdir().unwrap();
        let outside = tmp.path().join("outside");
        fs::create_dir(&outside).unwrap();
        let paths = Paths::at(tmp.path().join("data"), Origin::Flag);
        let store = Store::open(paths.clone()).unwrap();
        let good_groups = vec![group(), other_group("77aa", "Opiskelijakunnan hallitus")];
        for g in &good_groups {
            store.save_group(g).unwrap();
        }
        let good_sessions: Vec<_> = [meeting(0xa, 0), meeting(0xb, 3600)]
            .into_iter()
            .map(|r| {
                let path = store.new_session_path(&r);
                store.save_session(&path, &r).unwrap();
                (path, r)
            })
            .collect();
        // An index that already lists the good meetings, as after any earlier run.
        assert!(store.sessions().problems.is_empty());
        Data {
            _tmp: tmp,
            outside,
            paths,
            good_groups,
            good_sessions,
        }
    }

    fn bad_path(&self, kind: Kind) -> PathBuf {
        match kind {
            Kind::Group => self.paths.group(BAD_GROUP_ID),
            Kind::Session => self.paths.sessions().join(Paths::session_file_name(
                jiff::civil::date(2026, 3, 12),
                &uuid(BAD_SESSION_ID),
            )),
        }
    }
}

// ---- "untouched" ----------------------------------------------------------------------------

/// Everything about a path that a store could change: the type and the inode, mode, link
/// count, size, mtime and ctime (any chmod, rename or rewrite moves the ctime), and the
/// content (the bytes of a file, the listing of a directory, the target of a link). A FIFO
/// is never opened.
#[derive(Debug, PartialEq, Eq)]
struct Snapshot {
    meta: Option<Meta>,
    content: Option<Vec<u8>>,
    listing: Option<Vec<String>>,
    link: Option<PathBuf>,
}

/// mode, inode, links, size, mtime (s, ns), ctime (s, ns).
type Meta = (u32, u64, u64, u64, i64, i64, i64, i64);

fn snapshot(path: &Path) -> Snapshot {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return Snapshot {
            meta: None,
            content: None,
            listing: None,
            link: None,
        };
    };
    let file_type = meta.file_type();
    let content = file_type.is_file().then(|| {
        if meta.len() <= 64 << 20 {
            fs::read(path).unwrap()
        } else {
            // A huge sparse file: its head and tail are enough (with the size and times).
            use std::io::{Read, Seek, SeekFrom};
            let mut f = fs::File::open(path).unwrap();
            let mut bytes = vec![0; 1 << 16];
            f.read_exact(&mut bytes[..1 << 15]).unwrap();
            f.seek(SeekFrom::End(-(1 << 15))).unwrap();
            f.read_exact(&mut bytes[1 << 15..]).unwrap();
            bytes
        }
    });
    let listing = file_type.is_dir().then(|| {
        let mut names: Vec<String> = fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    });
    let link = file_type.is_symlink().then(|| fs::read_link(path).unwrap());
    Snapshot {
        meta: Some((
            meta.mode(),
            meta.ino(),
            meta.nlink(),
            meta.size(),
            meta.mtime(),
            meta.mtime_nsec(),
            meta.ctime(),
            meta.ctime_nsec(),
        )),
        content,
        listing,
        link,
    }
}

// ---- the checks ---------------------------------------------------------------------------

/// What a case expects of the bad file.
enum Expect {
    /// Refused with a reason that passes the check; the English and the Finnish message
    /// must contain these words (besides the path).
    Refused {
        check: Box<dyn Fn(&Reason) -> bool + Send>,
        en: String,
        fi: String,
    },
    /// Loads, with exactly these warnings, whose English text contains these words.
    Loads {
        warnings: Vec<Warning>,
        en: Vec<String>,
    },
}

fn refused(
    check: impl Fn(&Reason) -> bool + Send + 'static,
    en: impl Into<String>,
    fi: impl Into<String>,
) -> Expect {
    Expect::Refused {
        check: Box::new(check),
        en: en.into(),
        fi: fi.into(),
    }
}

fn loads(warnings: Vec<Warning>, en: &[&str]) -> Expect {
    Expect::Loads {
        warnings,
        en: en.iter().map(|s| s.to_string()).collect(),
    }
}

/// Runs `body` on its own thread and fails if it does not finish in time: a loader that
/// blocks must fail the test, not hang it.
fn with_deadline(body: impl FnOnce() + Send + 'static) {
    let (done, finished) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        body();
        let _ = done.send(());
    });
    match finished.recv_timeout(Duration::from_secs(30)) {
        Ok(()) => worker.join().unwrap(),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("the store blocked on a bad file"),
    }
}

/// Plants a bad file with `plant(path, data)` and checks the store against `expect`.
fn case(kind: Kind, plant: impl FnOnce(&Path, &Data) + Send + 'static, expect: Expect) {
    with_deadline(move || run_case(kind, plant, expect));
}

fn run_case(kind: Kind, plant: impl FnOnce(&Path, &Data), expect: Expect) {
    let data = Data::new();
    let bad = data.bad_path(kind);
    plant(&bad, &data);
    let before = snapshot(&bad);
    assert!(before.meta.is_some(), "the case planted nothing");
    let outside_before = snapshot(&data.outside.join("target.json"));

    let store = common::open_writable(data.paths.clone());
    assert!(store.writable());
    check_store(&store, &data, kind, &bad, &expect, 0);
    assert_eq!(snapshot(&bad), before, "loading changed the bad file");

    // A restart, an index rewrite, and saving other files leave it alone too.
    drop(store);
    let store = common::open_writable(data.paths.clone());
    assert!(store.writable());
    let sessions = store.sessions();
    assert!(
        data.paths.index().exists(),
        "the index is written by a writable store"
    );
    let index: parvi::store::Index =
        serde_json::from_slice(&fs::read(data.paths.index()).unwrap()).unwrap();
    assert_eq!(
        index.sessions.len(),
        sessions.summaries.len(),
        "the index holds exactly the meetings that loaded"
    );
    let _ = store.groups();
    assert_eq!(
        snapshot(&bad),
        before,
        "an index rewrite changed the bad file"
    );

    let extra_group = other_group("c0de", "Ohjausryhmä");
    store.save_group(&extra_group).unwrap();
    let extra = meeting(0xc, 10_800);
    let extra_path = store.new_session_path(&extra);
    store.save_session(&extra_path, &extra).unwrap();
    assert_eq!(
        snapshot(&bad),
        before,
        "saving another file changed the bad file"
    );
    check_store(&store, &data, kind, &bad, &expect, 1);
    assert_eq!(snapshot(&bad), before);
    assert_eq!(
        snapshot(&data.outside.join("target.json")),
        outside_before,
        "a link's target was changed"
    );
}

/// Checks everything the store reports with the bad file in place; `extra` good groups and
/// meetings were saved after the good ones.
fn check_store(store: &Store, data: &Data, kind: Kind, bad: &Path, expect: &Expect, extra: usize) {
    let groups = store.groups();
    let sessions = store.sessions();
    let mut group_ids: Vec<String> = groups.groups.iter().map(|g| g.id.clone()).collect();
    group_ids.sort();
    let mut want_groups: Vec<String> = data.good_groups.iter().map(|g| g.id.clone()).collect();
    if extra > 0 {
        want_groups.push(other_group("c0de", "Ohjausryhmä").id);
    }
    let mut session_ids: Vec<uuid::Uuid> = sessions.summaries.iter().map(|s| s.id).collect();
    session_ids.sort();
    let mut want_sessions: Vec<uuid::Uuid> = data.good_sessions.iter().map(|(_, r)| r.id).collect();
    if extra > 0 {
        want_sessions.push(uuid(0xc));
    }

    // The other files in the bad file's directory, and in the other directory, still load.
    for (path, record) in &data.good_sessions {
        let (loaded, warnings) = store.load_session(path).unwrap();
        assert_eq!(&loaded, record);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    // The problem (if any) as each listing reports it.
    let problem: Option<Problem> = match kind {
        Kind::Group => {
            assert!(sessions.problems.is_empty(), "{:?}", sessions.problems);
            assert_eq!(session_ids, sorted(want_sessions));
            match expect {
                Expect::Refused { .. } => {
                    assert_eq!(group_ids, sorted(want_groups), "the good groups still load");
                    assert_eq!(groups.problems.len(), 1, "{:?}", groups.problems);
                    assert!(groups.warnings.is_empty(), "{:?}", groups.warnings);
                    Some(groups.problems[0].clone())
                }
                Expect::Loads { warnings, .. } => {
                    want_groups.push(BAD_GROUP_ID.into());
                    assert_eq!(group_ids, sorted(want_groups));
                    assert!(groups.problems.is_empty(), "{:?}", groups.problems);
                    let got: Vec<Warning> = groups
                        .warnings
                        .iter()
                        .map(|(path, w)| {
                            assert_eq!(path, bad);
                            w.clone()
                        })
                        .collect();
                    assert_eq!(&got, warnings);
                    None
                }
            }
        }
        Kind::Session => {
            assert!(groups.problems.is_empty(), "{:?}", groups.problems);
            assert_eq!(group_ids, sorted(want_groups));
            let direct = store.load_session(bad);
            match expect {
                Expect::Refused { .. } => {
                    assert_eq!(session_ids, sorted(want_sessions), "the good meetings list");
                    assert_eq!(sessions.problems.len(), 1, "{:?}", sessions.problems);
                    let direct = direct.expect_err("load_session must refuse the file");
                    assert_eq!(direct, sessions.problems[0], "both report the same");
                    Some(direct)
                }
                Expect::Loads { warnings, .. } => {
                    want_sessions.push(uuid(BAD_SESSION_ID));
                    assert_eq!(session_ids, sorted(want_sessions));
                    assert!(sessions.problems.is_empty(), "{:?}", sessions.problems);
                    let (_, got) = direct.expect("the file must load");
                    assert_eq!(&got, warnings);
                    None
                }
            }
        }
    };

    match (expect, problem) {
        (Expect::Refused { check, en, fi }, Some(problem)) => {
            assert_eq!(problem.path, bad);
            assert!(
                check(&problem.reason),
                "unexpected reason {:?}",
                problem.reason
            );
            let shown = bad.display().to_string();
            for (lang, words) in [(Lang::En, en), (Lang::Fi, fi)] {
                let message = problem.describe(lang);
                assert!(
                    message.contains(&shown),
                    "{lang:?} names no path: {message}"
                );
                assert!(message.contains(words.as_str()), "{lang:?}: {message}");
                assert!(!message.contains('{'), "unfilled placeholder: {message}");
            }
        }
        (Expect::Loads { warnings, en }, None) => {
            for (warning, words) in warnings.iter().zip(en) {
                let message = warning.describe(Lang::En);
                assert!(message.contains(words.as_str()), "{message}");
                assert!(!warning.describe(Lang::Fi).contains('{'));
            }
        }
        _ => unreachable!(),
    }
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

// ---- planting -------------------------------------------------------------------------------

/// The valid content the bad file would have in each directory.
fn good_bytes(kind: Kind) -> Vec<u8> {
    match kind {
        Kind::Group => group_json(&bad_group()),
        Kind::Session => session_bytes(&bad_session()),
    }
}

fn write(path: &Path, bytes: &[u8]) {
    fs::write(path, bytes).unwrap();
}

// ---- the cases --------------------------------------------------------------------------

fn truncated(kind: Kind) {
    let bytes = good_bytes(kind);
    let cut = bytes.len() / 2;
    case(
        kind,
        move |p, _| write(p, &bytes[..cut]),
        refused(
            |r| matches!(r, Reason::Json { detail, .. } if detail.contains("EOF")),
            "EOF while parsing",
            "rivi",
        ),
    );
}

#[test]
fn truncated_group() {
    truncated(Kind::Group);
}

#[test]
fn truncated_session() {
    truncated(Kind::Session);
}

fn empty(kind: Kind, bytes: &'static [u8]) {
    case(
        kind,
        move |p, _| write(p, bytes),
        refused(|r| *r == Reason::Empty, "empty", "tyhjä"),
    );
}

#[test]
fn empty_group() {
    empty(Kind::Group, b"");
    empty(Kind::Group, b" \n\t\r\n");
}

#[test]
fn empty_session() {
    empty(Kind::Session, b"");
    empty(Kind::Session, b"\n");
}

fn nul(kind: Kind, bytes: Vec<u8>) {
    case(
        kind,
        move |p, _| write(p, &bytes),
        refused(|r| *r == Reason::NulBytes, "NUL bytes", "nollatavuja"),
    );
}

#[test]
fn all_nul_group() {
    nul(Kind::Group, vec![0; 4096]);
}

#[test]
fn all_nul_session() {
    nul(Kind::Session, vec![0; 8192]);
}

/// A good file with one NUL in the middle (where a space was).
fn with_nul_inside(kind: Kind) -> Vec<u8> {
    let mut bytes = good_bytes(kind);
    let at = bytes.len() / 2
        + bytes[bytes.len() / 2..]
            .iter()
            .position(|b| *b == b' ')
            .unwrap();
    bytes[at] = 0;
    bytes
}

#[test]
fn nul_inside_group() {
    nul(Kind::Group, with_nul_inside(Kind::Group));
}

#[test]
fn nul_inside_session() {
    nul(Kind::Session, with_nul_inside(Kind::Session));
}

fn invalid_utf8(kind: Kind, bom: bool) {
    let mut bytes = good_bytes(kind);
    // "Kotka" appears in both; its 'K' becomes a byte that is never UTF-8.
    let at = bytes.windows(5).position(|w| w == b"Kotka").unwrap();
    bytes[at] = 0xff;
    if bom {
        bytes.splice(0..0, *b"\xEF\xBB\xBF");
    }
    let offset = at + if bom { 3 } else { 0 };
    case(
        kind,
        move |p, _| write(p, &bytes),
        refused(
            move |r| *r == Reason::NotUtf8 { offset },
            format!("not UTF-8 text (bad byte at position {offset})"),
            format!("kohdassa {offset}"),
        ),
    );
}

#[test]
fn invalid_utf8_group() {
    invalid_utf8(Kind::Group, false);
}

#[test]
fn invalid_utf8_session() {
    invalid_utf8(Kind::Session, false);
}

#[test]
fn invalid_utf8_after_a_bom_names_the_offset_in_the_file() {
    invalid_utf8(Kind::Group, true);
    invalid_utf8(Kind::Session, true);
}

fn bom(kind: Kind) {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(good_bytes(kind));
    case(
        kind,
        move |p, _| write(p, &bytes),
        loads(vec![Warning::Bom], &["byte-order mark"]),
    );
}

#[test]
fn bom_group() {
    bom(Kind::Group);
}

#[test]
fn bom_session() {
    bom(Kind::Session);
}

/// A sparse file of `size` bytes that starts like a good file: it takes no disk space, and
/// a loader that read it before checking the size would fill memory.
fn huge(kind: Kind, size: u64) {
    let bytes = good_bytes(kind);
    let max = match kind {
        Kind::Group => MAX_SMALL_BYTES,
        Kind::Session => MAX_FILE_BYTES,
    };
    case(
        kind,
        move |p, _| {
            let f = fs::File::create(p).unwrap();
            std::io::Write::write_all(&mut &f, &bytes).unwrap();
            f.set_len(size).unwrap();
        },
        refused(
            // The size must come from the metadata: a loader that read the file first
            // could not report the full size of a 1 TiB file.
            move |r| *r == Reason::TooLarge { size, max },
            format!("too large ({size} bytes, at most {max})"),
            format!("liian suuri ({size} tavua"),
        ),
    );
}

#[test]
fn huge_group() {
    // A group has a smaller cap than a meeting.
    huge(Kind::Group, MAX_SMALL_BYTES + 1);
    huge(Kind::Group, 1 << 40);
}

#[test]
fn huge_session() {
    huge(Kind::Session, MAX_FILE_BYTES + 1);
    huge(Kind::Session, 1 << 40);
}

#[test]
fn a_file_of_exactly_the_limit_is_read() {
    // The limit itself is allowed: the padding is JSON whitespace, so it loads.
    let mut bytes = good_bytes(Kind::Session);
    bytes.resize(MAX_FILE_BYTES as usize, b' ');
    case(
        Kind::Session,
        move |p, _| write(p, &bytes),
        loads(vec![], &[]),
    );
}

fn directory(kind: Kind) {
    case(
        kind,
        |p, _| {
            fs::create_dir(p).unwrap();
            fs::write(p.join("inside.json"), b"{}").unwrap();
        },
        refused(
            |r| *r == Reason::NotAFile(NotAFile::Directory),
            "a directory",
            "hakemisto",
        ),
    );
}

#[test]
fn directory_group() {
    directory(Kind::Group);
}

#[test]
fn directory_session() {
    directory(Kind::Session);
}

fn fifo(kind: Kind) {
    case(
        kind,
        |p, _| {
            let status = std::process::Command::new("mkfifo")
                .arg("-m")
                .arg("600")
                .arg(p)
                .status()
                .expect("mkfifo");
            assert!(status.success());
        },
        refused(
            |r| *r == Reason::NotAFile(NotAFile::Fifo),
            "named pipe (FIFO)",
            "nimetty putki",
        ),
    );
}

#[test]
fn fifo_group() {
    fifo(Kind::Group);
}

#[test]
fn fifo_session() {
    fifo(Kind::Session);
}

/// A link to a valid file outside the data directory: following it would load fine, so
/// only a loader that refuses links passes.
fn symlink(kind: Kind, dangling: bool) {
    case(
        kind,
        move |p, data| {
            let target = data.outside.join("target.json");
            if !dangling {
                fs::write(&target, good_bytes(kind)).unwrap();
            }
            std::os::unix::fs::symlink(&target, p).unwrap();
        },
        refused(
            |r| *r == Reason::Symlink,
            "symbolic link",
            "symbolinen linkki",
        ),
    );
}

#[test]
fn symlink_group() {
    symlink(Kind::Group, false);
}

#[test]
fn symlink_session() {
    symlink(Kind::Session, false);
}

#[test]
fn dangling_symlink() {
    symlink(Kind::Group, true);
    symlink(Kind::Session, true);
}

/// A file from a newer parvi: `schema` 2, and (`extra_field`) a field this version does
/// not know, which must still be reported as "newer", not as broken JSON.
fn newer_schema(kind: Kind, extra_field: bool) {
    let mut value: serde_json::Value = serde_json::from_slice(&good_bytes(kind)).unwrap();
    value["schema"] = 2.into();
    if extra_field {
        value["colour_scheme"] = "dark".into();
    }
    let bytes = serde_json::to_vec_pretty(&value).unwrap();
    case(
        kind,
        move |p, _| write(p, &bytes),
        refused(
            |r| *r == Reason::NewerSchema { found: 2 },
            "written by a newer parvi (file format 2, this version reads format 1)",
            "uudempi parvi",
        ),
    );
}

#[test]
fn newer_schema_group() {
    newer_schema(Kind::Group, false);
    newer_schema(Kind::Group, true);
}

#[test]
fn newer_schema_session() {
    newer_schema(Kind::Session, false);
    newer_schema(Kind::Session, true);
}

#[test]
fn unknown_participant_in_an_event() {
    let mut record = bad_session();
    let seq = record
        .events
        .iter_mut()
        .find_map(|e| match &mut e.event {
            EventKind::TurnStarted { speaker, .. } => {
                *speaker = MemberId("m99".into());
                Some(e.seq)
            }
            _ => None,
        })
        .unwrap();
    let bytes = session_bytes(&record);
    case(
        Kind::Session,
        move |p, _| write(p, &bytes),
        loads(
            vec![Warning::Oddity(Oddity::UnknownParticipant {
                seq,
                who: "m99".into(),
            })],
            &[&format!("event {seq} names an unknown participant m99")],
        ),
    );
}

#[test]
fn times_out_of_order() {
    let mut record = bad_session();
    // The clock was set back an hour before event 4.
    record.events[3].at = record.events[2].at - jiff::SignedDuration::from_hours(1);
    let seq = record.events[3].seq;
    let bytes = session_bytes(&record);
    case(
        Kind::Session,
        move |p, _| write(p, &bytes),
        loads(
            vec![Warning::Oddity(Oddity::TimeOutOfOrder { seq })],
            &[&format!("event {seq} is timed before")],
        ),
    );
}

#[test]
fn name_does_not_match_the_group_id_inside() {
    let inside = Group {
        id: "someone-else-1234".into(),
        ..group()
    };
    let bytes = group_json(&inside);
    case(
        Kind::Group,
        move |p, _| write(p, &bytes),
        refused(
            |r| {
                *r == Reason::IdMismatch {
                    id: "someone-else-1234".into(),
                }
            },
            "does not match the id someone-else-1234",
            "ei vastaa",
        ),
    );
}

#[test]
fn name_does_not_match_the_session_id_inside() {
    // A copy of a good meeting under another meeting's name: listing it would show the
    // same meeting twice, and saving one would overwrite the wrong file.
    let inside = meeting(0xa, 0);
    let bytes = session_bytes(&inside);
    let id = inside.id.to_string();
    case(
        Kind::Session,
        move |p, _| write(p, &bytes),
        refused(
            move |r| *r == Reason::IdMismatch { id: id.clone() },
            format!("does not match the id {}", uuid(0xa)),
            "ei vastaa",
        ),
    );
}

#[test]
fn the_good_fixture_loads_cleanly() {
    // The control for every case above: the unmodified content loads with no warning.
    case(
        Kind::Group,
        |p, _| write(p, &good_bytes(Kind::Group)),
        loads(vec![], &[]),
    );
    case(
        Kind::Session,
        |p, _| write(p, &good_bytes(Kind::Session)),
        loads(vec![], &[]),
    );
}
