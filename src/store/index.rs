//! `index.json`: a rebuildable cache of session summaries, so listing meetings never parses
//! every log.
//!
//! Each entry remembers the size and modification time of the file it summarises. Refreshing
//! lists the sessions directory, keeps the entries whose file is unchanged, and reads only
//! new or changed files (a meeting just saved, or one synced in from another laptop). A
//! missing or broken index is simply rebuilt: it holds nothing that is not in the logs.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::read::{self, Problem, Reason};
use crate::model::{Localized, SCHEMA_VERSION, SessionRecord};

/// What the lists show of one meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The file name in `sessions/`.
    pub file: String,
    pub id: Uuid,
    pub group_id: String,
    pub group_name: String,
    /// The format's machine name and its title.
    pub format: String,
    pub format_title: Localized,
    pub topic: String,
    pub started_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<Timestamp>,
    /// How many were present at the start.
    pub present: u32,
    pub events: u32,
    /// The file's size and modification time when summarised: a change means re-read it.
    pub size: u64,
    pub mtime_ns: i128,
}

impl Summary {
    /// Summarises a loaded record.
    pub fn of(record: &SessionRecord, file: String, size: u64, mtime_ns: i128) -> Summary {
        Summary {
            file,
            id: record.id,
            group_id: record.group.id.clone(),
            group_name: record.group.name.clone(),
            format: record.format.name.clone(),
            format_title: record.format.title.clone(),
            topic: record.topic.clone(),
            started_at: record.started_at(),
            ended_at: record.ended_at(),
            present: record.participants.iter().filter(|p| p.present).count() as u32,
            events: record.events.len() as u32,
            size,
            mtime_ns,
        }
    }

    /// A meeting that started and never ended: parvi stopped under it.
    pub fn unfinished(&self) -> bool {
        self.ended_at.is_none() && self.events > 0
    }
}

/// The index file's content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub schema: u32,
    /// Newest first.
    pub sessions: Vec<Summary>,
}

/// The result of refreshing the index.
#[derive(Debug, Default)]
pub struct Refreshed {
    pub index: Index,
    /// Session files that could not be read, each with its reason.
    pub problems: Vec<Problem>,
    /// Whether anything differs from the index on disk (so it is worth saving).
    pub changed: bool,
}

fn mtime_ns(meta: &fs::Metadata) -> i128 {
    meta.modified()
        .ok()
        .and_then(|t| Timestamp::try_from(t).ok())
        .map_or(0, |t| t.as_nanosecond())
}

/// Reads `index.json`; a missing, broken or outdated index gives an empty one.
pub fn read_index(path: &Path) -> Index {
    read::load::<Index>(path, |i| i.schema)
        .map(|(index, _)| index)
        .unwrap_or_default()
}

/// Brings `old` up to date with the session files in `dir`.
pub fn refresh(dir: &Path, old: Index) -> Refreshed {
    let mut known: HashMap<String, Summary> = old
        .sessions
        .into_iter()
        .map(|s| (s.file.clone(), s))
        .collect();
    let mut out = Refreshed {
        changed: old.schema != SCHEMA_VERSION,
        ..Default::default()
    };
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            out.changed |= !known.is_empty();
            out.index.schema = SCHEMA_VERSION;
            return out;
        }
        Err(e) => {
            out.problems.push(Problem {
                path: dir.to_path_buf(),
                reason: Reason::Io(e.to_string()),
            });
            return out;
        }
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        let (size, mtime) = (meta.len(), mtime_ns(&meta));
        if let Some(summary) = known.remove(&name)
            && summary.size == size
            && summary.mtime_ns == mtime
            && meta.is_file()
        {
            out.index.sessions.push(summary);
            continue;
        }
        out.changed = true;
        match load_session(&path) {
            Ok(record) => out
                .index
                .sessions
                .push(Summary::of(&record, name, size, mtime)),
            Err(problem) => out.problems.push(problem),
        }
    }
    out.changed |= !known.is_empty(); // files that went away
    out.index.schema = SCHEMA_VERSION;
    out.index
        .sessions
        .sort_by(|a, b| b.started_at.cmp(&a.started_at).then(a.file.cmp(&b.file)));
    out.problems.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// Loads a session file, checking that its name matches the id inside.
pub fn load_session(path: &Path) -> Result<SessionRecord, Problem> {
    let (record, _) = read::load::<SessionRecord>(path, |r| r.schema)?;
    if super::Paths::session_id_of(path).is_some_and(|id| id != record.id) {
        return Err(Problem {
            path: path.to_path_buf(),
            reason: Reason::IdMismatch {
                id: record.id.to_string(),
            },
        });
    }
    Ok(record)
}
