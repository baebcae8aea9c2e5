//! The store: parvi's files in the data directory (DESIGN §4, §5).
//!
//! One file per group and per meeting, each written atomically with mode 0600 in
//! directories of mode 0700. Loading never touches a file: a bad one is reported with its
//! path and reason while everything else still loads. One parvi at a time may write (a
//! kernel lock); a second one opens read-only and says who holds the lock.

pub mod atomic;
pub mod clocks;
pub mod conflicts;
mod datadir;
pub mod exports;
pub mod figures;
pub mod formats;
pub mod index;
pub mod live;
pub mod locate;
pub mod lock;
pub mod paths;
pub mod read;
pub mod sample;
pub mod search;
pub mod shape;
pub mod stignore;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use formats::{FormatEntry, FormatOrigin};
pub use index::{Index, Summary};
pub use live::{LiveMeeting, live_session, read_live};
pub use lock::Busy;
pub use paths::{Origin, Paths};
pub use read::{Problem, Reason, Warning};

use crate::i18n::Lang;
use crate::model::figures::MeetingFigures;
use crate::model::{Group, MeetingState, SessionRecord};

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another parvi holds the data directory; this one is read-only.
    #[error("another parvi (pid {pid:?}) is using the data directory")]
    ReadOnly { pid: Option<u32> },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    /// Something sits where parvi would write (a link, a FIFO): it is never written
    /// through, nor removed.
    #[error("{}: {}", path.display(), reason.describe(Lang::En))]
    Refused { path: PathBuf, reason: Reason },
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// User settings in `<data>/config.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The interface language; unset means "from the locale".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
}

/// Something about the data directory that the user should hear about (the command line
/// says it on stderr, the app on its home screen).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A directory had looser permissions than 0700 and was tightened.
    ModeTightened { path: PathBuf, old: u32 },
    /// A directory belongs to another user (`owner`, a user id): left as it is.
    NotOwned { path: PathBuf, owner: u32 },
    /// The data directory cannot be written (`reason`, the system's words): read-only.
    Unwritable { path: PathBuf, reason: String },
}

impl Notice {
    /// The notice in the user's language, one line.
    pub fn describe(&self, lang: Lang) -> String {
        let t = &lang.text().datadir;
        match self {
            Notice::ModeTightened { path, old } => crate::i18n::fill(
                if old & 0o002 != 0 {
                    t.open_to_all
                } else {
                    t.open_to_others
                },
                &[
                    ("path", &path.display().to_string()),
                    ("old", &format!("{:04o}", old & 0o7777)),
                ],
            ),
            Notice::NotOwned { path, owner } => crate::i18n::fill(
                t.not_owned,
                &[
                    ("path", &path.display().to_string()),
                    ("owner", &owner.to_string()),
                ],
            ),
            Notice::Unwritable { path, reason } => crate::i18n::fill(
                t.unwritable,
                &[("path", &path.display().to_string()), ("reason", reason)],
            ),
        }
    }
}

/// The open data directory.
#[derive(Debug)]
pub struct Store {
    pub paths: Paths,
    lock: Option<lock::InstanceLock>,
    /// Who holds the lock when this store is read-only because of another parvi.
    pub busy: Option<Busy>,
    pub notices: Vec<Notice>,
}

/// Everything found in `groups/`.
#[derive(Debug, Default)]
pub struct Groups {
    /// Sorted by name.
    pub groups: Vec<Group>,
    pub problems: Vec<Problem>,
    /// Group files that loaded with something odd (a byte-order mark), by path.
    pub warnings: Vec<(PathBuf, Warning)>,
}

/// The meetings found in `sessions/`, from the index.
#[derive(Debug, Default)]
pub struct Sessions {
    /// Newest first.
    pub summaries: Vec<Summary>,
    pub problems: Vec<Problem>,
}

/// Removes the temporary files a killed parvi left wherever it saves. Only with the lock.
fn sweep(paths: &Paths) {
    for dir in datadir::temp_dirs(paths) {
        // A leftover temp file is harmless, so a failed sweep is not an error (nor a
        // directory not made yet).
        let _ = atomic::sweep_temp_files(&dir);
    }
}

/// Takes the writer's lock. A wall asks whether the lock is held by taking it for a
/// moment, so a lock found taken is looked at again a few times before another parvi is
/// said to hold it.
fn take_lock(path: &Path) -> Result<(Option<lock::InstanceLock>, Option<Busy>), StoreError> {
    datadir::check_plain(path)?;
    let mut tries = 0;
    loop {
        match lock::try_lock(path).map_err(io_at(path))? {
            Ok(lock) => return Ok((Some(lock), None)),
            Err(busy) if tries == LOCK_TRIES => return Ok((None, Some(busy))),
            Err(_) => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
        }
    }
}

/// How many times [`take_lock`] looks again (10 ms apart) at a lock found taken.
const LOCK_TRIES: u32 = 3;

impl Store {
    /// Opens the data directory for writing: creates it (0700) if needed, takes the lock,
    /// and sweeps temporary files left by a killed parvi. If another parvi holds the lock,
    /// the store opens read-only with [`Store::busy`] set.
    ///
    /// # Errors
    /// When the directory cannot be created or the lock file cannot be opened.
    pub fn open(paths: Paths) -> Result<Store, StoreError> {
        let mut notices = Vec::new();
        let read_only = |notices| Store {
            paths: paths.clone(),
            lock: None,
            busy: None,
            notices,
        };
        if !datadir::prepare(&paths, &mut notices)? {
            return Ok(read_only(notices));
        }
        let lock_path = paths.lock();
        let (lock, busy) = match take_lock(&lock_path) {
            Err(StoreError::Io { source, .. }) if datadir::is_unwritable(&source) => {
                notices.push(datadir::unwritable(&paths.root, &source));
                return Ok(read_only(notices));
            }
            taken => taken?,
        };
        if lock.is_some() {
            sweep(&paths);
            // Only speed is lost without it (see `stignore`).
            let _ = stignore::ensure(&paths);
        }
        Ok(Store {
            paths,
            lock,
            busy,
            notices,
        })
    }

    /// Opens the data directory to read, as a command that only reads does, and takes the
    /// lock when it is free so the command keeps the caches (`index.json`, the search and
    /// figures caches) for the next one. Creates nothing but the lock file, and only in a
    /// data directory that exists.
    pub fn open_reader(paths: Paths) -> Store {
        let mut store = Store::open_read_only(paths);
        if !store.paths.sessions().is_dir() || datadir::check_plain(&store.paths.lock()).is_err() {
            return store;
        }
        // One look, no waiting: a running app keeps the caches itself.
        if let Ok(Ok(lock)) = lock::try_lock(&store.paths.lock()) {
            store.lock = Some(lock);
            sweep(&store.paths);
        }
        store
    }

    /// Opens the data directory only to read: no lock, nothing created.
    pub fn open_read_only(paths: Paths) -> Store {
        Store {
            paths,
            lock: None,
            busy: None,
            notices: Vec::new(),
        }
    }

    /// Why the data directory cannot be written at all, when that is why this store is
    /// read-only (not another parvi holding it).
    pub fn unwritable(&self) -> Option<&Notice> {
        self.notices
            .iter()
            .find(|n| matches!(n, Notice::Unwritable { .. }))
    }

    /// Whether this store may write.
    pub fn writable(&self) -> bool {
        self.lock.is_some()
    }

    fn check_writable(&self) -> Result<(), StoreError> {
        if self.writable() {
            Ok(())
        } else {
            Err(StoreError::ReadOnly {
                pid: self.busy.as_ref().and_then(|b| b.pid),
            })
        }
    }

    // ---- settings ------------------------------------------------------------------------

    /// The settings; a missing file gives the defaults, a broken one is a problem.
    pub fn config(&self) -> Result<Config, Problem> {
        let path = self.paths.config();
        if fs::symlink_metadata(&path).is_err() {
            return Ok(Config::default());
        }
        let problem = |reason| Problem {
            path: path.clone(),
            reason,
        };
        let bytes = read::read_capped(&path, read::MAX_SMALL_BYTES).map_err(problem)?;
        config_from_bytes(&bytes).map_err(problem)
    }

    /// Saves the settings.
    pub fn save_config(&self, config: &Config) -> Result<(), StoreError> {
        self.check_writable()?;
        let path = self.paths.config();
        let bytes = to_json(config).map_err(io_at(&path))?;
        atomic::write_atomic(&path, &bytes).map_err(io_at(&path))
    }

    // ---- groups --------------------------------------------------------------------------

    /// Every group, and every group file that could not be read.
    pub fn groups(&self) -> Groups {
        let mut out = Groups::default();
        let dir = self.paths.groups();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return out,
            Err(e) => {
                out.problems.push(Problem {
                    path: dir,
                    reason: Reason::Io(e.to_string()),
                });
                return out;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(stem) = name.strip_suffix(".json") else {
                continue;
            };
            // A sync engine's copy is a conflict to settle, not a second group.
            if name.starts_with('.') || conflicts::groups::is_copy(&dir, &name) {
                continue;
            }
            let loaded = read::read_capped(&path, read::MAX_SMALL_BYTES)
                .and_then(|bytes| group_from_bytes(&bytes));
            match loaded.map_err(|reason| Problem {
                path: path.clone(),
                reason,
            }) {
                Ok((group, warnings)) if group.id == stem => {
                    out.warnings
                        .extend(warnings.into_iter().map(|w| (path.clone(), w)));
                    out.groups.push(group);
                }
                Ok((group, _)) if conflicts::groups::is_onedrive_copy(&dir, stem, &group.id) => {}
                Ok((group, _)) => out.problems.push(Problem {
                    path,
                    reason: Reason::IdMismatch { id: group.id },
                }),
                Err(problem) => out.problems.push(problem),
            }
        }
        out.groups.sort_by_key(|g| g.name.to_lowercase());
        out.problems.sort_by(|a, b| a.path.cmp(&b.path));
        out.warnings.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// Saves a group to `groups/<id>.json`.
    pub fn save_group(&self, group: &Group) -> Result<PathBuf, StoreError> {
        self.check_writable()?;
        let path = self.paths.group(&group.id);
        let bytes = to_json(group).map_err(io_at(&path))?;
        atomic::write_atomic(&path, &bytes).map_err(io_at(&path))?;
        Ok(path)
    }

    /// Deletes a group's file. Its meetings keep their own copy of the group.
    pub fn remove_group(&self, id: &str) -> Result<(), StoreError> {
        self.check_writable()?;
        let path = self.paths.group(id);
        fs::remove_file(&path).map_err(io_at(&path))?;
        atomic::sync_dir(&self.paths.groups()).map_err(io_at(&path))
    }

    // ---- sessions ------------------------------------------------------------------------

    /// The path for a new meeting's file, dated by its start in the local time zone.
    pub fn new_session_path(&self, record: &SessionRecord) -> PathBuf {
        let zone = jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC);
        let date = record.created_at.to_zoned_datetime(zone).date();
        self.paths
            .sessions()
            .join(Paths::session_file_name(date, &record.id))
    }

    /// Saves a meeting to `path` atomically and durably. Called after every action.
    pub fn save_session(&self, path: &Path, record: &SessionRecord) -> Result<(), StoreError> {
        self.check_writable()?;
        let bytes = session_json(record).map_err(io_at(path))?;
        atomic::write_atomic(path, &bytes).map_err(io_at(path))
    }

    /// Loads one meeting, with anything odd in its log as warnings.
    pub fn load_session(&self, path: &Path) -> Result<(SessionRecord, Vec<Warning>), Problem> {
        let (record, mut warnings) = index::load_session_warned(path)?;
        warnings.extend(record.oddities().into_iter().map(Warning::Oddity));
        Ok((record, warnings))
    }

    /// The meetings, from the index, refreshed for any file that changed. The refreshed
    /// index is saved when this store may write.
    pub fn sessions(&self) -> Sessions {
        refresh_sessions(&self.paths, self.writable())
    }

    /// The newest `n` meetings straight from the index, unchecked: for the first frame,
    /// before [`Store::sessions`] has looked at the files.
    pub fn recent_sessions(&self, n: usize) -> Vec<Summary> {
        index::read_index_head(&self.paths.index(), n)
    }

    /// The searchable text of these meetings (`search.txt`, brought up to date and saved
    /// when this store may write). For the review and `parvi sessions search`; never at start.
    pub fn search_index(&self, summaries: &[Summary]) -> search::SearchIndex {
        search::load(&self.paths, summaries, self.writable())
    }

    /// Finds a meeting by its id or the start of its id (at least 4 characters).
    pub fn find_session(&self, id: &str) -> Option<Summary> {
        let id = id.trim().to_lowercase();
        if id.len() < 4 {
            return None;
        }
        let sessions = self.sessions().summaries;
        let mut matches = sessions
            .into_iter()
            .filter(|s| s.id.to_string().starts_with(&id) || s.file.starts_with(&id));
        let first = matches.next()?;
        matches.next().is_none().then_some(first)
    }

    /// Every readable meeting of a group (by its id), and the files that could not be read.
    pub fn group_sessions(&self, group_id: &str) -> (Vec<SessionRecord>, Vec<Problem>) {
        let mut records = Vec::new();
        let mut problems = Vec::new();
        for summary in self
            .sessions()
            .summaries
            .iter()
            .filter(|s| s.group_id == group_id)
        {
            match self.load_session(&self.paths.sessions().join(&summary.file)) {
                Ok((record, _)) => records.push(record),
                Err(problem) => problems.push(problem),
            }
        }
        (records, problems)
    }

    /// The figures of a group's meetings (by its id), newest first as the index lists them,
    /// and the logs that could not be read: from `figures.jsonl`, reading only the logs it
    /// lacks or holds outdated figures of (the cache is brought up to date when this store
    /// may write). What trends, `parvi stats` and the report use instead of the logs.
    pub fn group_figures(&self, group_id: &str) -> (Vec<MeetingFigures>, Vec<Problem>) {
        self.group_figures_in(&self.sessions().summaries, group_id)
    }

    /// [`Store::group_figures`] with the meetings already listed by [`Store::sessions`].
    pub fn group_figures_in(
        &self,
        summaries: &[Summary],
        group_id: &str,
    ) -> (Vec<MeetingFigures>, Vec<Problem>) {
        figures::of_group(&self.paths, summaries, group_id, self.writable())
    }

    /// A group's actions still open after its meetings, oldest first.
    pub fn open_actions(&self, group_id: &str) -> Vec<crate::model::outcomes::ActionItem> {
        let (figures, _) = self.group_figures(group_id);
        crate::model::figures::open_actions(&figures)
    }

    // ---- formats -------------------------------------------------------------------------

    /// The built-in formats and the user's own, with any broken user files.
    pub fn formats(&self) -> (Vec<FormatEntry>, Vec<Problem>) {
        formats::all(&self.paths.formats())
    }
}

/// Checks and parses the bytes of `config.json`.
pub fn config_from_bytes(bytes: &[u8]) -> Result<Config, Reason> {
    let (text, _) = read::check_text(bytes)?;
    serde_json::from_str(text).map_err(|e| Reason::json(&e))
}

/// Checks and parses a group file's bytes, refusing a group over
/// [`crate::model::limits::MAX_PEOPLE`].
pub fn group_from_bytes(bytes: &[u8]) -> Result<(Group, Vec<Warning>), Reason> {
    let (group, warnings) = read::from_bytes::<Group>(bytes, |g| g.schema)?;
    crate::model::limits::check_group(&group).map_err(Reason::TooMany)?;
    Ok((group, warnings))
}

/// The meetings in `paths`, from the index refreshed for any file that changed; the index is
/// saved when `write_index` (only the parvi holding the lock may). Usable from a background
/// thread.
pub fn refresh_sessions(paths: &Paths, write_index: bool) -> Sessions {
    let old = index::read_index(&paths.index());
    // The search and figures caches follow the index: the logs read for one give their text
    // and figures to the others, each log parsed and replayed once.
    let mut texts = std::collections::HashMap::new();
    let mut fresh = std::collections::HashMap::new();
    let refreshed = index::refresh_with(&paths.sessions(), old, |summary, record| {
        if write_index {
            let state = MeetingState::replay(record);
            texts.insert(summary.file.clone(), search::text_of_state(record, &state));
            let figures = MeetingFigures::of_state(record, &state);
            fresh.insert(summary.file.clone(), figures::Fresh::of(&figures, summary));
        }
    });
    if refreshed.changed && write_index {
        // The index is only a cache: failing to save it costs speed, not data.
        let _ = atomic::write_atomic(&paths.index(), &index::encode(&refreshed.index));
    }
    if write_index {
        search::refresh_file(paths, &refreshed.index.sessions, texts);
        figures::refresh_file(paths, &refreshed.index.sessions, fresh);
    }
    Sessions {
        summaries: refreshed.index.sessions,
        problems: refreshed.problems,
    }
}

/// Pretty JSON with a final newline: groups and settings are small and people read them.
fn to_json<T: Serialize>(value: &T) -> io::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// A session as saved: pretty JSON, so a meeting log can be read and diffed by people.
///
/// # Errors
/// Only if serialization fails, which the types do not allow; never an empty file.
pub fn session_json(record: &SessionRecord) -> io::Result<Vec<u8>> {
    to_json(record)
}
