//! Which meeting is running now: the pointer `<data>/live.json` that `parvi wall` follows.
//!
//! The parvi that runs a meeting writes the pointer when the meeting starts or is resumed and
//! removes it when the meeting ends, is left for later, or the app quits. The wall, a second
//! process that only reads, looks here to know which session file to replay. The pointer holds
//! only a file name inside `sessions/`, never a path, so a damaged or hostile pointer can never
//! lead the wall to read a file anywhere else.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Paths, Store, StoreError, atomic, io_at, lock, read, to_json};
use crate::model::SessionRecord;

/// The version of the pointer's own format (it is not a session document).
pub const LIVE_SCHEMA: u32 = 1;

/// The contents of `live.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LivePointer {
    /// [`LIVE_SCHEMA`]; a pointer with another version is ignored.
    pub schema: u32,
    /// The session file's name inside `sessions/`, e.g. `2026-12-06_<uuid>.json`.
    pub session: String,
    /// The process running the meeting, so a reader can tell a pointer left by a crash.
    pub pid: u32,
    /// Where phones join, while phone input is on (the wall shows it as a QR code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phones: Option<LivePhones>,
}

/// Where phones join the running meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LivePhones {
    /// The address of the QR code, with the meeting's join token.
    pub url: String,
    /// The short code typed instead.
    pub code: String,
}

/// What the pointer says is running now.
#[derive(Debug)]
pub enum LiveMeeting {
    /// No meeting is running (no pointer, or one that cannot be trusted).
    None,
    /// The running meeting, loaded from its file (boxed: a record is large, the others empty).
    Meeting {
        path: PathBuf,
        record: Box<SessionRecord>,
        phones: Option<LivePhones>,
    },
    /// A meeting is running but its file cannot be read right now (missing or broken). The
    /// wall keeps what it showed: on Windows a rename over the file can make it vanish for a
    /// moment, and the next change brings it back.
    Unreadable,
}

impl Store {
    /// Points `live.json` at the meeting saved at `session` (only its file name is kept), or
    /// removes the pointer when `None`. A missing pointer is not an error when removing.
    ///
    /// # Errors
    /// When this store is read-only, when `session` has no plain `.json` file name (the wall
    /// would refuse it anyway), or on an I/O error.
    pub fn set_live(
        &self,
        session: Option<&Path>,
        phones: Option<&LivePhones>,
    ) -> Result<(), StoreError> {
        self.check_writable()?;
        let path = self.paths.live();
        let Some(session) = session else {
            return match fs::remove_file(&path) {
                // No directory fsync: a pointer that survives a power cut only points at a
                // meeting whose own file says how it ended, so quitting need not wait for it.
                Ok(()) => Ok(()),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(io_at(&path)(e)),
            };
        };
        let name = session
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| is_plain_json_name(n))
            .ok_or_else(|| {
                io_at(session)(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "not a session file name",
                ))
            })?;
        let pointer = LivePointer {
            schema: LIVE_SCHEMA,
            session: name.to_string(),
            pid: std::process::id(),
            phones: phones.cloned(),
        };
        let bytes = to_json(&pointer).map_err(io_at(&path))?;
        atomic::write_atomic(&path, &bytes).map_err(io_at(&path))
    }
}

/// The session file the pointer names, inside `sessions/`; `None` when there is no pointer,
/// it cannot be read or parsed, or its name is not a plain `.json` file name.
pub fn live_session(paths: &Paths) -> Option<PathBuf> {
    live_pointer(paths).map(|(path, _)| path)
}

/// The session file the pointer names (as [`live_session`]) and where phones join.
pub fn live_pointer(paths: &Paths) -> Option<(PathBuf, Option<LivePhones>)> {
    let bytes = read::read_capped(&paths.live(), read::MAX_SMALL_BYTES).ok()?;
    let pointer: LivePointer = serde_json::from_slice(&bytes).ok()?;
    if pointer.schema != LIVE_SCHEMA || !is_plain_json_name(&pointer.session) {
        return None;
    }
    Some((paths.sessions().join(pointer.session), pointer.phones))
}

/// The running meeting, loaded the way the store loads any meeting (same checks, same caps).
///
/// A pointer whose parvi no longer holds the data directory (it was killed, or the laptop
/// lost power) names no running meeting: the meeting waits, unended, to be resumed.
pub fn read_live(paths: &Paths) -> LiveMeeting {
    let Some((path, phones)) = live_pointer(paths) else {
        return LiveMeeting::None;
    };
    if !writer_running(paths) {
        return LiveMeeting::None;
    }
    match Store::open_read_only(paths.clone()).load_session(&path) {
        Ok((record, _warnings)) => LiveMeeting::Meeting {
            path,
            record: Box::new(record),
            phones,
        },
        Err(_) => LiveMeeting::Unreadable,
    }
}

/// Whether a parvi holds the data directory for writing (the one that runs its meetings).
/// When that cannot be told, it is taken to run: the wall keeps showing the meeting.
pub fn writer_running(paths: &Paths) -> bool {
    writer_probe(paths).held().unwrap_or(true)
}

/// Asks again and again whether a parvi holds the data directory (see [`writer_running`]).
pub fn writer_probe(paths: &Paths) -> lock::LockProbe {
    lock::LockProbe::new(paths.lock())
}

/// Asks again and again whether a `parvi wall` follows the data directory: then the
/// facilitator's screen is not the room's, and may show what only the facilitator should
/// see. When that cannot be told, no wall is taken to follow: the screen masks.
pub fn wall_probe(paths: &Paths) -> lock::LockProbe {
    lock::LockProbe::new(paths.wall_lock())
}

/// Marks this process as a wall following `paths` until the mark is dropped; `None` when the
/// mark cannot be made now (no data directory yet, or a parvi asking at this very moment).
pub fn mark_wall(paths: &Paths) -> Option<lock::SharedLock> {
    lock::try_lock_shared(&paths.wall_lock()).ok().flatten()
}

/// Whether `name` is one plain file name ending in `.json`: no separator of any platform, no
/// drive or stream colon, no `..`, not hidden, so joining it to `sessions/` stays inside.
fn is_plain_json_name(name: &str) -> bool {
    let stem = name.strip_suffix(".json").unwrap_or("");
    !stem.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', ':', '\0'])
        && Path::new(name).components().count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Origin;
    use crate::store::sample::SESSION_FILES;

    /// A writable store in a fresh directory, with the first sample meeting saved in it.
    fn store_with_meeting() -> (tempfile::TempDir, Store, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(Paths::at(dir.path(), Origin::Flag)).unwrap();
        let (name, text) = SESSION_FILES[0];
        let path = store.paths.sessions().join(name);
        atomic::write_atomic(&path, text.as_bytes()).unwrap();
        (dir, store, path)
    }

    fn write_pointer(paths: &Paths, session: &str) {
        let pointer = LivePointer {
            schema: LIVE_SCHEMA,
            session: session.to_string(),
            pid: 1,
            phones: None,
        };
        fs::write(paths.live(), serde_json::to_vec(&pointer).unwrap()).unwrap();
    }

    #[test]
    fn the_pointer_round_trips_to_the_meeting() {
        let (_dir, store, path) = store_with_meeting();
        assert!(matches!(read_live(&store.paths), LiveMeeting::None));
        store.set_live(Some(&path), None).unwrap();
        assert_eq!(live_session(&store.paths), Some(path.clone()));
        let text = fs::read_to_string(store.paths.live()).unwrap();
        let pointer: LivePointer = serde_json::from_str(&text).unwrap();
        assert_eq!(pointer.pid, std::process::id());
        assert_eq!(pointer.session, path.file_name().unwrap().to_str().unwrap());
        let LiveMeeting::Meeting {
            path: live_path,
            record,
            ..
        } = read_live(&store.paths)
        else {
            panic!("the meeting should load");
        };
        assert_eq!(live_path, path);
        assert_eq!(Paths::session_id_of(&path), Some(record.id));
    }

    #[test]
    fn a_pointer_whose_parvi_is_gone_is_no_meeting() {
        let (_dir, store, path) = store_with_meeting();
        store.set_live(Some(&path), None).unwrap();
        let paths = store.paths.clone();
        assert!(writer_running(&paths));
        let mut probe = writer_probe(&paths);
        assert!(probe.held().unwrap());
        // As after a kill -9: the kernel drops the lock, the pointer stays.
        drop(store);
        assert!(!writer_running(&paths));
        assert!(!probe.held().unwrap());
        assert_eq!(live_session(&paths), Some(path));
        assert!(matches!(read_live(&paths), LiveMeeting::None));
    }

    #[test]
    fn a_wall_is_seen_while_its_mark_lives() {
        let (_dir, store, _path) = store_with_meeting();
        let mut walls = wall_probe(&store.paths);
        assert!(!walls.held().unwrap());
        let first = mark_wall(&store.paths).unwrap();
        let second = mark_wall(&store.paths).unwrap();
        assert!(walls.held().unwrap());
        drop(first);
        assert!(walls.held().unwrap(), "the second wall still runs");
        drop(second);
        assert!(!walls.held().unwrap());
    }

    #[test]
    fn none_removes_the_pointer_and_a_missing_one_is_fine() {
        let (_dir, store, path) = store_with_meeting();
        store.set_live(Some(&path), None).unwrap();
        store.set_live(None, None).unwrap();
        assert!(!store.paths.live().exists());
        assert_eq!(live_session(&store.paths), None);
        store.set_live(None, None).unwrap();
    }

    #[test]
    fn a_pointer_never_leads_outside_sessions() {
        let (_dir, store, _path) = store_with_meeting();
        let outside = store.paths.root.join("x.json");
        fs::write(&outside, SESSION_FILES[0].1).unwrap();
        let absolute = outside.to_str().unwrap().to_string();
        for bad in [
            "../x.json",
            "..\\x.json",
            absolute.as_str(),
            "/etc/x.json",
            "C:x.json",
            "sub/x.json",
            "x.txt",
            "x.json.tmp",
            ".json",
            ".parvi-x.json",
            "",
        ] {
            write_pointer(&store.paths, bad);
            assert_eq!(live_session(&store.paths), None, "{bad:?}");
            assert!(
                matches!(read_live(&store.paths), LiveMeeting::None),
                "{bad:?}"
            );
        }
        assert!(store.set_live(Some(Path::new("/tmp/x.txt")), None).is_err());
    }

    #[test]
    fn a_broken_or_foreign_pointer_is_no_meeting() {
        let (_dir, store, _path) = store_with_meeting();
        for text in ["", "{", "[]", r#"{"schema":2,"session":"a.json","pid":1}"#] {
            fs::write(store.paths.live(), text).unwrap();
            assert_eq!(live_session(&store.paths), None, "{text:?}");
        }
    }

    #[test]
    fn a_missing_or_broken_session_file_is_unreadable() {
        let (_dir, store, path) = store_with_meeting();
        store.set_live(Some(&path), None).unwrap();
        fs::write(&path, "{\"schema\": 1, ").unwrap();
        assert!(matches!(read_live(&store.paths), LiveMeeting::Unreadable));
        fs::remove_file(&path).unwrap();
        assert!(matches!(read_live(&store.paths), LiveMeeting::Unreadable));
    }

    #[test]
    fn a_read_only_store_refuses_to_set_the_pointer() {
        let (_dir, store, path) = store_with_meeting();
        let reader = Store::open_read_only(store.paths.clone());
        assert!(matches!(
            reader.set_live(Some(&path), None),
            Err(StoreError::ReadOnly { .. })
        ));
        assert!(matches!(
            reader.set_live(None, None),
            Err(StoreError::ReadOnly { .. })
        ));
        assert!(!store.paths.live().exists());
    }
}
