//! Comparing the files of a meeting's conflict: the meeting's file and the copies a sync
//! engine left beside it.
//!
//! A meeting's log only grows, so two copies of one meeting usually differ only in how far
//! each got: when one file holds every event of every other (the same set-up, the others'
//! events as its first events), keeping it loses nothing, and `--settle` does that. When
//! each has events another lacks (the same meeting went on on two laptops), no file holds
//! the whole meeting and parvi does not guess: the facilitator keeps one.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use uuid::Uuid;

use super::{Family, families, names};
use crate::model::SessionRecord;
use crate::store::index;
use crate::store::{Paths, Problem};

/// One event past what the files share, as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventLine {
    pub seq: u64,
    pub at: Timestamp,
    /// The event's `type` in the log (`turn_started`).
    pub kind: String,
}

/// One file of a conflict, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileState {
    pub path: PathBuf,
    pub loaded: Result<Loaded, Problem>,
}

/// What a readable file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub id: Uuid,
    pub group_name: String,
    pub started_at: Timestamp,
    pub events: usize,
    pub last_event: Option<Timestamp>,
    pub ended: bool,
    /// The events after the ones every file shares.
    pub extra: Vec<EventLine>,
}

/// How the files of a conflict stand to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// Every file holds the same meeting, event for event.
    Same,
    /// One file holds every event of the others and more: keeping it loses nothing.
    Contains,
    /// Each of two files has events the other lacks: only the facilitator can choose.
    Diverged,
    /// Not one meeting: different ids, or a different group, agenda or attendance.
    Different,
    /// A file could not be read.
    Unreadable,
}

/// A meeting's file and its conflict copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionConflict {
    pub family: Family,
    /// The files that exist, the meeting's own first.
    pub files: Vec<FileState>,
    /// How many first events every file shares.
    pub common: usize,
    pub relation: Relation,
    /// The file to keep when keeping it loses nothing (for [`Relation::Same`] and
    /// [`Relation::Contains`]).
    pub safe_keep: Option<PathBuf>,
}

/// Every meeting conflict in `sessions/`, compared.
pub fn scan(paths: &Paths) -> Vec<SessionConflict> {
    families(&paths.sessions(), names::session_original)
        .into_iter()
        .map(compare)
        .collect()
}

/// Reads a conflict's files and compares them.
pub fn compare(family: Family) -> SessionConflict {
    let paths: Vec<PathBuf> = std::iter::once(family.original.clone())
        .filter(|p| p.exists())
        .chain(family.copies.iter().cloned())
        .collect();
    let records: Vec<Result<SessionRecord, Problem>> =
        paths.iter().map(|p| index::load_session(p)).collect();
    let readable: Vec<&SessionRecord> = records.iter().filter_map(|r| r.as_ref().ok()).collect();
    let common = common_prefix(&readable);
    let relation = relation(&readable, records.len(), common);
    let safe_keep = match relation {
        // The first file with the most events: the meeting's own when it has them.
        Relation::Same | Relation::Contains => readable
            .iter()
            .enumerate()
            .max_by_key(|(i, r)| (r.events.len(), std::cmp::Reverse(*i)))
            .map(|(i, _)| paths[i].clone()),
        _ => None,
    };
    let files = paths
        .into_iter()
        .zip(records)
        .map(|(path, record)| FileState {
            path,
            loaded: record.map(|r| loaded(&r, common)),
        })
        .collect();
    SessionConflict {
        family,
        files,
        common,
        relation,
        safe_keep,
    }
}

/// How many first events all `records` share.
fn common_prefix(records: &[&SessionRecord]) -> usize {
    let Some(first) = records.first() else {
        return 0;
    };
    let mut common = first.events.len();
    for record in &records[1..] {
        common = first.events[..common]
            .iter()
            .zip(&record.events)
            .take_while(|(a, b)| a == b)
            .count();
    }
    common
}

fn relation(readable: &[&SessionRecord], files: usize, common: usize) -> Relation {
    if readable.len() < files {
        return Relation::Unreadable;
    }
    let set_up = |r: &SessionRecord| SessionRecord {
        events: Vec::new(),
        ..r.clone()
    };
    let first = set_up(readable[0]);
    if readable.iter().any(|r| set_up(r) != first) {
        return Relation::Different;
    }
    // Past the shared events, the files that go on must all go on alike (copies of one
    // version) for one of them to hold everything.
    let longer: Vec<&&SessionRecord> = readable
        .iter()
        .filter(|r| r.events.len() > common)
        .collect();
    match longer.split_first() {
        None => Relation::Same,
        Some((first, rest)) if rest.iter().all(|r| r.events == first.events) => Relation::Contains,
        Some(_) => Relation::Diverged,
    }
}

fn loaded(record: &SessionRecord, common: usize) -> Loaded {
    Loaded {
        id: record.id,
        group_name: record.group.name.clone(),
        started_at: record.started_at(),
        events: record.events.len(),
        last_event: record.events.last().map(|e| e.at),
        ended: record.ended_at().is_some(),
        extra: record
            .events
            .iter()
            .skip(common)
            .map(|e| EventLine {
                seq: e.seq,
                at: e.at,
                kind: serde_json::to_value(&e.event)
                    .ok()
                    .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(str::to_string))
                    .unwrap_or_default(),
            })
            .collect(),
    }
}

/// For each other file of `conflict`, how many of its events keeping `keep` loses: the
/// ones past the first events it shares with `keep`. Read before keeping.
pub fn lost_if_kept(conflict: &SessionConflict, keep: &Path) -> Vec<(PathBuf, usize)> {
    let events = |path: &Path| {
        index::load_session(path)
            .map(|r| r.events)
            .unwrap_or_default()
    };
    let kept = events(keep);
    conflict
        .files
        .iter()
        .filter(|f| f.path != keep)
        .map(|f| {
            let other = events(&f.path);
            let shared = other.iter().zip(&kept).take_while(|(a, b)| a == b).count();
            (f.path.clone(), other.len() - shared)
        })
        .collect()
}
