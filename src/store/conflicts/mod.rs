//! Conflict copies: what a sync engine (Syncthing, OneDrive, Nextcloud) leaves beside a
//! meeting or group file that two laptops changed before they synced.
//!
//! A copy is never loaded as a meeting or a group (a meeting counted twice would double
//! who got to speak). It is listed here beside the file it is a copy of, with what differs,
//! and settled by keeping one. Nothing here runs unless asked: loading never touches a file.

pub mod groups;
pub mod names;
pub mod sessions;

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic;

pub use groups::GroupConflict;
pub use sessions::{Relation, SessionConflict};

/// The files of one conflict: the file the engine kept under the real name, and its copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Family {
    /// The real name (`sessions/DATE_ID.json`), which may be missing.
    pub original: PathBuf,
    /// The copies, by name.
    pub copies: Vec<PathBuf>,
}

/// The conflict families in `dir`: every `.json` whose name `copy_of` recognises, grouped
/// under the name it is a copy of. Temp and hidden files are left out.
pub fn families(dir: &Path, copy_of: impl Fn(&str) -> Option<String>) -> Vec<Family> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !name.ends_with(".json") {
            continue;
        }
        if let Some(original) = copy_of(&name) {
            found.entry(original).or_default().push(entry.path());
        }
    }
    found
        .into_iter()
        .map(|(original, mut copies)| {
            copies.sort();
            Family {
                original: dir.join(original),
                copies,
            }
        })
        .collect()
}

/// The names in `names` that are copies of another name also in `names`: the ones a listing
/// leaves out. A copy whose original is gone is not among them: it is then the only file of
/// its meeting or group, and loads as it.
pub fn shadowed<'a>(
    names: impl IntoIterator<Item = &'a str>,
    copy_of: impl Fn(&str) -> Option<String>,
) -> HashSet<String> {
    let names: Vec<&str> = names.into_iter().collect();
    let present: HashSet<&str> = names.iter().copied().collect();
    names
        .into_iter()
        .filter(|name| copy_of(name).is_some_and(|original| present.contains(original.as_str())))
        .map(str::to_string)
        .collect()
}

/// Keeps `keep`, one file of `family`, under the real name, and removes the others. The
/// kept file replaces the original by a rename, so the meeting or group is never absent.
///
/// # Errors
/// When `keep` is not one of the family's files, or a rename or removal fails (what was
/// done before it stays done; nothing is half-written).
pub fn keep(family: &Family, keep: &Path) -> io::Result<Vec<PathBuf>> {
    let is_original = keep == family.original;
    if !is_original && !family.copies.iter().any(|c| c == keep) {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            "not a file of this conflict",
        ));
    }
    let mut removed = Vec::new();
    if !is_original {
        if family.original.exists() {
            removed.push(family.original.clone());
        }
        fs::rename(keep, &family.original)?;
    }
    for copy in family.copies.iter().filter(|c| *c != keep) {
        fs::remove_file(copy)?;
        removed.push(copy.clone());
    }
    if let Some(dir) = family.original.parent() {
        atomic::sync_dir(dir)?;
    }
    Ok(removed)
}

/// How many meetings and groups have conflict copies waiting.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub sessions: usize,
    pub groups: usize,
}

/// The conflicts waiting in `sessions/` and `groups/`, by name alone (no file is read):
/// for the app's notice.
pub fn count(paths: &super::Paths) -> Count {
    Count {
        sessions: families(&paths.sessions(), names::session_original).len(),
        groups: families(&paths.groups(), names::original).len(),
    }
}
