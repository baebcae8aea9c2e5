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

use super::conflicts;
use super::read::{self, Problem, Reason, Warning};
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
    /// What a list calls this meeting (see [`crate::model::session::meeting_title`]).
    pub fn title(&self, lang: crate::i18n::Lang) -> String {
        crate::model::session::meeting_title(&self.topic, &self.format_title, lang)
    }

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
///
/// It is written as ordinary JSON laid out one meeting per line, newest first, so the first
/// screen can read just the first lines of it (see [`read_index_head`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub schema: u32,
    /// How many meetings follow.
    #[serde(default)]
    pub count: usize,
    /// Newest first.
    pub sessions: Vec<Summary>,
}

/// Writes an index as JSON with one meeting per line:
/// `{"schema":1,"count":N,"sessions":[` / one summary per line / `]}`.
pub fn encode(index: &Index) -> Vec<u8> {
    let mut out = format!(
        "{{\"schema\":{},\"count\":{},\"sessions\":[\n",
        index.schema,
        index.sessions.len()
    )
    .into_bytes();
    for (i, summary) in index.sessions.iter().enumerate() {
        if serde_json::to_writer(&mut out, summary).is_err() {
            return Vec::new();
        }
        if i + 1 < index.sessions.len() {
            out.push(b',');
        }
        out.push(b'\n');
    }
    out.extend_from_slice(b"]}\n");
    out
}

/// The first `n` meetings of the index on disk, newest first, without reading the rest:
/// enough for the first frame, in well under a millisecond whatever the number of
/// meetings. Empty when the index is missing or not laid out by [`encode`].
pub fn read_index_head(path: &Path, n: usize) -> Vec<Summary> {
    let Ok(file) = read::open_regular(path, read::MAX_INDEX_BYTES) else {
        return Vec::new();
    };
    let mut reader = std::io::BufReader::new(file);
    let mut line = String::new();
    let header_ok = read::next_line(&mut reader, &mut line, HEADER_BYTES)
        && serde_json::from_str::<Index>(&format!("{}]}}", line.trim_end()))
            .is_ok_and(|header| header.schema == SCHEMA_VERSION);
    if !header_ok {
        return Vec::new();
    }
    let mut out = Vec::new();
    while out.len() < n && read::next_line(&mut reader, &mut line, read::MAX_SMALL_BYTES) {
        match serde_json::from_str::<Summary>(line.trim_end().trim_end_matches(',')) {
            Ok(summary) => out.push(summary),
            Err(_) => break,
        }
    }
    out
}

/// The longest first line of an index [`encode`] writes (`{"schema":1,"count":N,...`).
const HEADER_BYTES: u64 = 256;

/// The result of refreshing the index.
#[derive(Debug, Default)]
pub struct Refreshed {
    pub index: Index,
    /// Session files that could not be read, each with its reason.
    pub problems: Vec<Problem>,
    /// Whether anything differs from the index on disk (so it is worth saving).
    pub changed: bool,
}

/// A file's modification time in nanoseconds (0 when the system gives none).
pub(crate) fn mtime_ns(meta: &fs::Metadata) -> i128 {
    meta.modified()
        .ok()
        .and_then(|t| Timestamp::try_from(t).ok())
        .map_or(0, |t| t.as_nanosecond())
}

/// Reads `index.json`; a missing, broken or outdated index gives an empty one.
pub fn read_index(path: &Path) -> Index {
    read::load_capped::<Index>(path, read::MAX_INDEX_BYTES, |i| i.schema)
        .map(|(index, _)| index)
        .unwrap_or_default()
}

/// Brings `old` up to date with the session files in `dir`.
pub fn refresh(dir: &Path, old: Index) -> Refreshed {
    refresh_with(dir, old, |_, _| {})
}

/// [`refresh`], handing every log it had to read to `loaded` (the search cache takes its
/// text from them, so no log is parsed twice).
pub fn refresh_with(
    dir: &Path,
    old: Index,
    mut loaded: impl FnMut(&Summary, &SessionRecord),
) -> Refreshed {
    let stale_layout = old.schema != SCHEMA_VERSION || old.count != old.sessions.len();
    let mut known: HashMap<String, Summary> = old
        .sessions
        .into_iter()
        .map(|s| (s.file.clone(), s))
        .collect();
    let mut out = Refreshed {
        changed: stale_layout,
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
    let entries: Vec<fs::DirEntry> = entries.flatten().collect();
    // A sync engine's conflict copy is not a second meeting (see `store::conflicts`).
    let names: Vec<String> = entries
        .iter()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let copies = conflicts::shadowed(
        names.iter().map(String::as_str),
        conflicts::names::session_original,
    );
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name.starts_with('.') || copies.contains(&name) {
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
            Ok(record) => {
                let summary = Summary::of(&record, name, size, mtime);
                loaded(&summary, &record);
                out.index.sessions.push(summary);
            }
            Err(problem) => out.problems.push(problem),
        }
    }
    out.changed |= !known.is_empty(); // files that went away
    out.index.schema = SCHEMA_VERSION;
    out.index
        .sessions
        .sort_by(|a, b| b.started_at.cmp(&a.started_at).then(a.file.cmp(&b.file)));
    once_per_meeting(dir, &mut out);
    out.index.count = out.index.sessions.len();
    out.problems.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// Two files holding one meeting under names no sync engine uses (a copy made by hand)
/// still count once: the one under the meeting's own name is kept, else the first by name,
/// and the others are reported.
fn once_per_meeting(dir: &Path, out: &mut Refreshed) {
    let own_name = |s: &Summary| super::Paths::session_id_of(Path::new(&s.file)) == Some(s.id);
    let mut seen: HashMap<Uuid, usize> = HashMap::new();
    let mut dropped = Vec::new();
    for (i, summary) in out.index.sessions.iter().enumerate() {
        match seen.get(&summary.id) {
            Some(&kept) if own_name(&out.index.sessions[kept]) || !own_name(summary) => {
                dropped.push(i);
            }
            Some(&kept) => {
                dropped.push(kept);
                seen.insert(summary.id, i);
            }
            None => {
                seen.insert(summary.id, i);
            }
        }
    }
    dropped.sort_unstable();
    for i in dropped.into_iter().rev() {
        let summary = out.index.sessions.remove(i);
        out.changed = true;
        out.problems.push(Problem {
            path: dir.join(&summary.file),
            reason: Reason::IdMismatch {
                id: summary.id.to_string(),
            },
        });
    }
}

/// Loads a session file, checking that its name matches the id inside.
pub fn load_session(path: &Path) -> Result<SessionRecord, Problem> {
    load_session_warned(path).map(|(record, _)| record)
}

/// Checks and parses a session file's bytes, refusing a meeting over the limits of
/// [`crate::model::limits`] (what every session loader, and the fuzzer, goes through).
pub fn session_from_bytes(bytes: &[u8]) -> Result<(SessionRecord, Vec<Warning>), Reason> {
    let (record, warnings) = read::from_bytes::<SessionRecord>(bytes, |r| r.schema)?;
    crate::model::limits::check_session(&record).map_err(Reason::TooMany)?;
    Ok((record, warnings))
}

/// [`load_session`] with the file's warnings (a byte-order mark).
pub fn load_session_warned(path: &Path) -> Result<(SessionRecord, Vec<Warning>), Problem> {
    let problem = |reason| Problem {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = read::read_bytes(path).map_err(problem)?;
    let (record, warnings) = session_from_bytes(&bytes).map_err(problem)?;
    if super::Paths::session_id_of(path).is_some_and(|id| id != record.id) {
        return Err(Problem {
            path: path.to_path_buf(),
            reason: Reason::IdMismatch {
                id: record.id.to_string(),
            },
        });
    }
    Ok((record, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(n: u128) -> Summary {
        Summary {
            file: format!("2026-01-0{n}_x.json"),
            id: Uuid::from_u128(n),
            group_id: "g".into(),
            group_name: "Ryhmä \"lainaus\"".into(),
            format: "kierros".into(),
            format_title: Localized::all("Kierros"),
            topic: "rivi\nvaihto".into(),
            started_at: "2026-01-01T10:00:00Z".parse().unwrap(),
            ended_at: None,
            present: 3,
            events: 10,
            size: 100,
            mtime_ns: 5,
        }
    }

    #[test]
    fn the_index_is_json_with_one_meeting_per_line_and_its_head_reads_alone() {
        let index = Index {
            schema: SCHEMA_VERSION,
            count: 3,
            sessions: (1..=3).map(summary).collect(),
        };
        let bytes = encode(&index);
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert_eq!(text.lines().count(), 5, "{text}");
        let back: Index = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(back, index);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.json");
        fs::write(&path, &bytes).unwrap();
        assert_eq!(read_index_head(&path, 2), index.sessions[..2]);
        assert_eq!(read_index_head(&path, 10), index.sessions);
        assert_eq!(read_index(&path), index);
        // A compact one-line index (or any other layout) gives no head rather than a wrong one.
        fs::write(&path, serde_json::to_vec(&index).unwrap()).unwrap();
        assert!(read_index_head(&path, 2).is_empty());
    }
}
