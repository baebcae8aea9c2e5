//! Comparing the files of a group's conflict: the group's file and the copies a sync engine
//! left beside it when the group was edited on two laptops.
//!
//! A group is not a log: two edits cannot be merged without guessing which one is meant,
//! so only identical copies settle on their own; otherwise the facilitator keeps one, told
//! which members and fields differ.

use std::path::{Path, PathBuf};

use super::{Family, families as families_in, names};
use crate::model::{Group, Member};
use crate::store::{Paths, Problem, read};

/// One file of a group conflict, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupFile {
    pub path: PathBuf,
    pub loaded: Result<Group, Problem>,
}

/// How a copy differs from the group's own file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupDiff {
    /// Members (by id) only in the group's own file, and only in the copy.
    pub only_in_original: Vec<Member>,
    pub only_in_copy: Vec<Member>,
    /// Members with one id but another name or role: (the group's own, the copy's).
    pub changed: Vec<(Member, Member)>,
    pub name: bool,
    pub kind: bool,
    pub site: bool,
    /// The same members in another seating order.
    pub order: bool,
}

impl GroupDiff {
    pub fn is_empty(&self) -> bool {
        *self == GroupDiff::default()
    }
}

/// A group's file and its conflict copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupConflict {
    pub family: Family,
    /// The files that exist, the group's own first.
    pub files: Vec<GroupFile>,
    /// The file to keep when every file holds the same group.
    pub safe_keep: Option<PathBuf>,
}

impl GroupConflict {
    /// How `file` differs from the first file (the group's own when it exists).
    pub fn diff(&self, file: &GroupFile) -> Option<GroupDiff> {
        let first = self.files.first()?.loaded.as_ref().ok()?;
        Some(diff(first, file.loaded.as_ref().ok()?))
    }
}

/// The conflict families in `groups/`: copies by any engine's name, and OneDrive's
/// `ID-LAPTOP.json`, known by the id inside it when `ID.json` is there too.
pub fn families(paths: &Paths) -> Vec<Family> {
    let dir = paths.groups();
    let mut found = families_in(&dir, names::original);
    for family in onedrive_copies(&dir) {
        match found.iter_mut().find(|f| f.original == family.original) {
            Some(known) => known.copies.extend(family.copies),
            None => found.push(family),
        }
    }
    found
}

/// Group files named `ID-SOMETHING.json` whose id inside is `ID`, beside `ID.json`.
fn onedrive_copies(dir: &Path) -> Vec<Family> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".json") else {
            continue;
        };
        if name.starts_with('.') || names::original(&name).is_some() {
            continue;
        }
        let Some(id) = group_id_of(&entry.path()) else {
            continue;
        };
        let original = dir.join(format!("{id}.json"));
        if stem != id && stem.starts_with(&format!("{id}-")) && original.exists() {
            out.push(Family {
                original,
                copies: vec![entry.path()],
            });
        }
    }
    out
}

/// Whether `name` in `groups/` is a copy whose group's own file is there: such a file is
/// not loaded as a group. (OneDrive's copies are left to the id check, which reports them.)
pub fn is_copy(dir: &Path, name: &str) -> bool {
    names::original(name).is_some_and(|original| dir.join(original).exists())
}

/// A OneDrive copy's id mismatch is a conflict, not a broken file.
pub fn is_onedrive_copy(dir: &Path, stem: &str, id: &str) -> bool {
    stem.starts_with(&format!("{id}-")) && dir.join(format!("{id}.json")).exists()
}

fn group_id_of(path: &Path) -> Option<String> {
    read::load::<Group>(path, |g| g.schema)
        .ok()
        .map(|(g, _)| g.id)
}

/// Every group conflict in `groups/`, read.
pub fn scan(paths: &Paths) -> Vec<GroupConflict> {
    families(paths).into_iter().map(compare).collect()
}

/// Reads a group conflict's files.
pub fn compare(family: Family) -> GroupConflict {
    let files: Vec<GroupFile> = std::iter::once(family.original.clone())
        .filter(|p| p.exists())
        .chain(family.copies.iter().cloned())
        .map(|path| GroupFile {
            loaded: read::load::<Group>(&path, |g| g.schema).map(|(g, _)| g),
            path,
        })
        .collect();
    let first = files.first().and_then(|f| f.loaded.as_ref().ok());
    let all_same = first.is_some() && files.iter().all(|f| f.loaded.as_ref().ok() == first);
    GroupConflict {
        safe_keep: all_same.then(|| files[0].path.clone()),
        family,
        files,
    }
}

/// What differs between two versions of a group.
pub fn diff(original: &Group, copy: &Group) -> GroupDiff {
    let find = |group: &Group, m: &Member| group.members.iter().find(|o| o.id == m.id).cloned();
    let mut out = GroupDiff {
        name: original.name != copy.name,
        kind: original.kind != copy.kind,
        site: original.site != copy.site,
        ..GroupDiff::default()
    };
    for member in &original.members {
        match find(copy, member) {
            None => out.only_in_original.push(member.clone()),
            Some(other) if other != *member => out.changed.push((member.clone(), other)),
            Some(_) => {}
        }
    }
    out.only_in_copy = copy
        .members
        .iter()
        .filter(|m| find(original, m).is_none())
        .cloned()
        .collect();
    let ids = |g: &Group| g.members.iter().map(|m| m.id.clone()).collect::<Vec<_>>();
    out.order = out.only_in_original.is_empty()
        && out.only_in_copy.is_empty()
        && ids(original) != ids(copy);
    out
}
