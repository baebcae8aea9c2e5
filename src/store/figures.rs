//! `figures.jsonl`: a rebuildable cache of every meeting's figures ([`MeetingFigures`]), so
//! that a group's trends, `parvi stats` and the report read no meeting log when nothing
//! changed (issue 15: within twice the time of listing the meetings, at 10,000 of them).
//!
//! It sits beside `index.json` and follows it exactly as `search.txt` does: one line per
//! meeting, in the index's order, holding the file name, the file's size and modification
//! time when its figures were taken (a change means take them again), the group's id (so a
//! group's figures parse only that group's lines) and the figures as one line of JSON.
//!
//! ```text
//! parvi-figures 1 <figures version> <count> <fingerprint>
//! <file>\t<size>\t<mtime_ns>\t<group id>\t<figures as JSON>
//! ```
//!
//! The first line's fingerprint is `search.txt`'s (a sum of a hash of every meeting's file,
//! size and time), so a refresh that changed nothing reads one line and stops. A file of
//! another layout or another [`VERSION`] of the figures is rebuilt from the logs, as is a
//! missing or broken one. It is written atomically and only by the parvi that holds the
//! lock; a read-only parvi uses it as it is and reads the logs it lacks.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::index::{self, Summary};
use super::read::{self, Problem};
use super::{Paths, atomic, search};
use crate::model::figures::{MeetingFigures, VERSION};

/// The cache's file name in the data directory.
pub const FILE_NAME: &str = "figures.jsonl";

/// The first word of the header and the version of the file's layout (the figures' own
/// version, [`VERSION`], follows it).
const MAGIC: &str = "parvi-figures";
const LAYOUT: u32 = 1;

/// `<data>/figures.jsonl`.
pub fn path(paths: &Paths) -> PathBuf {
    paths.root.join(FILE_NAME)
}

/// One meeting's line, kept as JSON text: rewriting the file never parses the figures.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    size: u64,
    mtime_ns: i128,
    group_id: Box<str>,
    json: Box<str>,
}

impl Entry {
    fn fresh(&self, summary: &Summary) -> bool {
        self.size == summary.size && self.mtime_ns == summary.mtime_ns
    }
}

/// A meeting's figures as a line's group and JSON; `None` for what cannot be a line.
fn entry_of(figures: &MeetingFigures, size: u64, mtime_ns: i128) -> Option<Entry> {
    if figures.group_id.contains(['\t', '\n', '\r']) {
        return None;
    }
    let json = serde_json::to_string(figures).ok()?;
    Some(Entry {
        size,
        mtime_ns,
        group_id: figures.group_id.as_str().into(),
        json: json.into_boxed_str(),
    })
}

/// The figures of a log the index refresh has just read, ready to be a line of the file.
#[derive(Debug, Clone)]
pub struct Fresh(Option<Entry>);

impl Fresh {
    pub fn of(figures: &MeetingFigures, summary: &Summary) -> Fresh {
        Fresh(entry_of(figures, summary.size, summary.mtime_ns))
    }
}

fn header(count: usize, fingerprint: u64) -> String {
    format!("{MAGIC} {LAYOUT} {VERSION} {count} {fingerprint:016x}")
}

/// Whether the file's first line is of this layout and version.
fn header_ok(first: &str) -> bool {
    let mut words = first.split(' ');
    words.next() == Some(MAGIC)
        && words.next() == Some(&LAYOUT.to_string())
        && words.next() == Some(&VERSION.to_string())
}

/// Whether the file's first line says it holds exactly these meetings (reads one line).
pub fn is_current(path: &Path, summaries: &[Summary]) -> bool {
    let Ok(file) = read::open_regular(path, read::MAX_CACHE_BYTES) else {
        return false;
    };
    let mut first = String::new();
    read::next_line(
        &mut std::io::BufReader::new(file),
        &mut first,
        search::HEADER_BYTES,
    ) && first.trim_end() == header(summaries.len(), search::fingerprint(summaries))
}

/// A line split into its file name and entry; `None` when it does not parse.
fn parse_line(line: &str) -> Option<(&str, Entry)> {
    let mut fields = line.splitn(5, '\t');
    let (file, size, mtime, group, json) = (
        fields.next()?,
        fields.next()?,
        fields.next()?,
        fields.next()?,
        fields.next()?,
    );
    Some((
        file,
        Entry {
            size: size.parse().ok()?,
            mtime_ns: mtime.parse().ok()?,
            group_id: group.into(),
            json: json.into(),
        },
    ))
}

/// The lines of the file after a header of this layout and version; none when the file is
/// missing, broken or of another version.
fn lines_of(text: &str) -> impl Iterator<Item = &str> {
    let mut lines = text.lines();
    let ok = lines.next().is_some_and(header_ok);
    lines.filter(move |_| ok)
}

/// Every entry of the file, by file name (lines that do not parse are skipped).
fn read(path: &Path) -> HashMap<String, Entry> {
    let Some(text) = read::read_capped(path, read::MAX_CACHE_BYTES)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
    else {
        return HashMap::new();
    };
    lines_of(&text)
        .filter_map(parse_line)
        .map(|(file, entry)| (file.to_string(), entry))
        .collect()
}

/// The cache as a file, its meetings in the order of `summaries` (the index's order).
fn encode(entries: &HashMap<String, Entry>, summaries: &[Summary]) -> Vec<u8> {
    let kept: Vec<(&Summary, &Entry)> = summaries
        .iter()
        .filter_map(|s| entries.get(&s.file).filter(|e| e.fresh(s)).map(|e| (s, e)))
        .collect();
    let kept_summaries: Vec<Summary> = kept.iter().map(|(s, _)| (*s).clone()).collect();
    let mut out = String::with_capacity(kept.iter().map(|(_, e)| e.json.len() + 120).sum());
    out.push_str(&header(kept.len(), search::fingerprint(&kept_summaries)));
    out.push('\n');
    for (s, e) in kept {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            s.file, s.size, s.mtime_ns, e.group_id, e.json
        ));
    }
    out.into_bytes()
}

/// Brings `old` up to date with `summaries`: figures already taken (`fresh`, by file name,
/// from logs the index refresh has just read) go in as they are, unchanged entries stay,
/// and every other log is read. Entries of meetings no longer listed are dropped. Returns
/// whether anything differs from `old`.
fn update(
    sessions_dir: &Path,
    mut old: HashMap<String, Entry>,
    summaries: &[Summary],
    mut fresh: HashMap<String, Fresh>,
) -> (HashMap<String, Entry>, bool) {
    let mut changed = old.len() != summaries.len();
    let mut out = HashMap::with_capacity(summaries.len());
    for s in summaries {
        // A name with a tab or a line break cannot be a line of the file: keep it out.
        if s.file.contains(['\t', '\n', '\r']) {
            continue;
        }
        let entry = match fresh.remove(&s.file) {
            Some(Fresh(entry)) => entry,
            None => match old.remove(&s.file) {
                Some(e) if e.fresh(s) => {
                    out.insert(s.file.clone(), e);
                    continue;
                }
                _ => index::load_session(&sessions_dir.join(&s.file))
                    .ok()
                    .and_then(|record| entry_of(&MeetingFigures::of(&record), s.size, s.mtime_ns)),
            },
        };
        changed = true;
        if let Some(entry) = entry {
            out.insert(s.file.clone(), entry);
        }
    }
    (out, changed)
}

/// Keeps the file in step with a refreshed index (called by the index refresh when the
/// store may write, with the figures of the logs it had to read). Reads only the first line
/// when nothing changed.
pub fn refresh_file(paths: &Paths, summaries: &[Summary], fresh: HashMap<String, Fresh>) {
    let file = path(paths);
    if fresh.is_empty() && is_current(&file, summaries) {
        return;
    }
    let (entries, changed) = update(&paths.sessions(), read(&file), summaries, fresh);
    if changed || !is_current(&file, summaries) {
        // Only a cache: failing to save it costs speed, not data.
        let _ = atomic::write_atomic(&file, &encode(&entries, summaries));
    }
}

/// The cached figures of the meetings in `wanted` (file name → its place in the answer of
/// `len` places, and its size and modification time as they are now), put in their places
/// where the line was taken from the file as it is now; with `group`, only that group's
/// lines are parsed.
fn cached(
    paths: &Paths,
    wanted: &HashMap<&str, (usize, u64, i128)>,
    group: Option<&str>,
    len: usize,
) -> Vec<Option<MeetingFigures>> {
    let mut out: Vec<Option<MeetingFigures>> = Vec::new();
    out.resize_with(len, || None);
    if wanted.is_empty() {
        return out;
    }
    // Line by line through one buffer: a group's figures never hold the whole file.
    let Ok(file) = read::open_regular(&path(paths), read::MAX_CACHE_BYTES) else {
        return out;
    };
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    let mut line = String::with_capacity(4096);
    if !read::next_line(&mut reader, &mut line, search::HEADER_BYTES) || !header_ok(line.trim_end())
    {
        return out;
    }
    // A meeting's figures are far smaller than its log.
    while read::next_line(&mut reader, &mut line, read::MAX_FILE_BYTES) {
        let mut fields = line.trim_end_matches(['\n', '\r']).splitn(5, '\t');
        let (Some(file), Some(size), Some(mtime), Some(group_id), Some(json)) = (
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
        ) else {
            continue;
        };
        if group.is_some_and(|g| g != group_id) {
            continue;
        }
        let Some(&(at, want_size, want_mtime)) = wanted.get(file) else {
            continue;
        };
        if size.parse() != Ok(want_size) || mtime.parse() != Ok(want_mtime) {
            continue;
        }
        if let (Some(slot), Ok(figures)) = (
            out.get_mut(at),
            serde_json::from_str::<MeetingFigures>(json),
        ) {
            *slot = Some(figures);
        }
    }
    out
}

/// A group's meetings' figures, in the order of `summaries` (the index's: newest first),
/// and the logs that could not be read. Figures come from the cache where it holds them
/// for the file as it is now, else from the log; when `write` and any log was read, the
/// cache is brought up to date with `summaries`.
pub fn of_group(
    paths: &Paths,
    summaries: &[Summary],
    group_id: &str,
    write: bool,
) -> (Vec<MeetingFigures>, Vec<Problem>) {
    let group: Vec<&Summary> = summaries
        .iter()
        .filter(|s| s.group_id == group_id)
        .collect();
    let wanted: HashMap<&str, (usize, u64, i128)> = group
        .iter()
        .enumerate()
        .map(|(at, s)| (s.file.as_str(), (at, s.size, s.mtime_ns)))
        .collect();
    let cached = cached(paths, &wanted, Some(group_id), group.len());
    let mut out = Vec::with_capacity(group.len());
    let mut problems = Vec::new();
    let mut fresh = HashMap::new();
    for (s, figures) in group.into_iter().zip(cached) {
        if let Some(figures) = figures {
            out.push(figures);
            continue;
        }
        match index::load_session(&paths.sessions().join(&s.file)) {
            Ok(record) => {
                let figures = MeetingFigures::of(&record);
                fresh.insert(s.file.clone(), Fresh::of(&figures, s));
                out.push(figures);
            }
            Err(problem) => problems.push(problem),
        }
    }
    if write && !fresh.is_empty() {
        refresh_file(paths, summaries, fresh);
    }
    (out, problems)
}

/// The figures of these meeting files, in their order: from the cache where it holds them
/// for the file as it is now (its size and time are looked at), else from the log. Never
/// writes. For a reader handed a list of files (the review's trends, on a thread).
pub fn of_files(paths: &Paths, files: &[PathBuf]) -> Vec<Result<MeetingFigures, Problem>> {
    // Only files of the sessions directory can have a line in its cache (a name given
    // twice is looked up for its first place only).
    let sessions = paths.sessions();
    let mut wanted: HashMap<&str, (usize, u64, i128)> = HashMap::with_capacity(files.len());
    for (at, file) in files.iter().enumerate() {
        let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if file.parent() != Some(sessions.as_path()) {
            continue;
        }
        if let Ok(meta) = fs::metadata(file) {
            wanted
                .entry(name)
                .or_insert((at, meta.len(), index::mtime_ns(&meta)));
        }
    }
    files
        .iter()
        .zip(cached(paths, &wanted, None, files.len()))
        .map(|(file, figures)| match figures {
            Some(figures) => Ok(figures),
            None => index::load_session(file).map(|record| MeetingFigures::of(&record)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_parses_back_and_a_header_of_another_version_is_not_read() {
        let entry = Entry {
            size: 10,
            mtime_ns: -5,
            group_id: "g".into(),
            json: "{\"x\":\"a\\tb\"}".into(),
        };
        let line = format!("f.json\t10\t-5\tg\t{}", entry.json);
        assert_eq!(parse_line(&line), Some(("f.json", entry)));
        assert!(parse_line("f.json\t10\tx\tg\t{}").is_none());
        let good = format!("{}\n{line}\n", header(1, 7));
        assert_eq!(lines_of(&good).count(), 1);
        let other = format!("{MAGIC} {LAYOUT} {} 1 0\n{line}\n", VERSION + 1);
        assert_eq!(lines_of(&other).count(), 0);
        assert_eq!(lines_of("").count(), 0);
    }
}
