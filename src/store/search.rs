//! `search.txt`: a rebuildable cache of every meeting's searchable text, so that searching
//! 10,000 meetings never parses a log (DESIGN §8: search ≤ 100 ms).
//!
//! It sits beside `index.json` and follows it: one line per meeting, in the index's order,
//! holding the file name, the file's size and modification time when its text was taken
//! (a change means take it again), and the meeting's searchable text, lowercased on one
//! line: the topic, the group, the format's titles, the turn notes, the ideas shown on the
//! wall, the themes, the vote options, the decisions and the actions with their owners.
//! Names of the people present are not in it, nor ideas that were never revealed.
//!
//! ```text
//! parvi-search 1 <count> <fingerprint>
//! <file>\t<size>\t<mtime_ns>\t<text>
//! ```
//!
//! The first line's fingerprint sums a hash of every meeting's file, size and time, so a
//! refresh that changed nothing reads one line and stops. The cache is written atomically
//! and only by the parvi that holds the lock; a missing, broken or outdated file is simply
//! rebuilt from the logs. The review loads it when it opens (never at start) and keeps it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::index::{self, Summary};
use super::{Paths, atomic, read};
use crate::i18n::Lang;
use crate::model::SessionRecord;
use crate::model::engine::MeetingState;
use crate::model::outcomes::Owner;

/// The cache's file name in the data directory.
pub const FILE_NAME: &str = "search.txt";

/// The first word of the header and the layout's version.
const MAGIC: &str = "parvi-search";
const VERSION: u32 = 1;

/// The longest header line: magic, version, count and fingerprint.
pub(crate) const HEADER_BYTES: u64 = 128;

/// Between two fields of a meeting's text, so that words of two fields never run together
/// into one match. A control character: nobody types it into a query.
const SEPARATOR: char = '\u{1f}';

/// `<data>/search.txt`.
pub fn path(paths: &Paths) -> PathBuf {
    paths.root.join(FILE_NAME)
}

/// One meeting in the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The session file's size and modification time when the text was taken.
    pub size: u64,
    pub mtime_ns: i128,
    /// Lowercased, on one line.
    pub text: Box<str>,
}

/// The searchable text of the meetings, by session file name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex {
    entries: HashMap<String, Entry>,
}

impl SearchIndex {
    /// How many meetings it holds text for.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The text of the meeting in `file`, whether or not the file changed since.
    pub fn text(&self, file: &str) -> Option<&str> {
        self.entries.get(file).map(|e| &*e.text)
    }

    /// The text of this meeting, if it was taken from the file as it is now.
    pub fn fresh(&self, summary: &Summary) -> Option<&str> {
        self.entries
            .get(&summary.file)
            .filter(|e| e.size == summary.size && e.mtime_ns == summary.mtime_ns)
            .map(|e| &*e.text)
    }

    /// Whether every meeting in `summaries` has text taken from its file as it is now.
    pub fn covers(&self, summaries: &[Summary]) -> bool {
        summaries.iter().all(|s| self.fresh(s).is_some())
    }

    /// Whether a meeting matches `query`: by its cached text, or, when the cache has
    /// none for it, by what the list itself shows (topic, group, format).
    pub fn matches(&self, summary: &Summary, query: &Query) -> bool {
        if query.is_empty() {
            return true;
        }
        match self.text(&summary.file) {
            Some(text) => query.matches(text),
            None => query.matches(&summary_text(summary)),
        }
    }

    /// The cache with one meeting's text, for tests and tools.
    pub fn insert(&mut self, file: String, size: u64, mtime_ns: i128, text: String) {
        self.entries.insert(
            file,
            Entry {
                size,
                mtime_ns,
                text: text.into_boxed_str(),
            },
        );
    }
}

/// What a person typed into the search field: every word must appear in a meeting's text,
/// anywhere and in any order, case folded with `to_lowercase` (so `Ä` finds `ä`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Query {
        Query {
            words: text
                .to_lowercase()
                .split_whitespace()
                .map(str::to_string)
                .collect(),
        }
    }

    /// No words: everything matches.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// Whether every word appears in `text` (already lowercased).
    pub fn matches(&self, text: &str) -> bool {
        self.words.iter().all(|w| text.contains(w.as_str()))
    }
}

/// What the archive shows: every condition set must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub query: Query,
    /// A group's id.
    pub group: Option<String>,
    /// A format's machine name.
    pub format: Option<String>,
    /// The first and the last day, inclusive, in the local time zone.
    pub from: Option<jiff::civil::Date>,
    pub to: Option<jiff::civil::Date>,
}

impl Filter {
    /// Nothing set: every meeting passes.
    pub fn is_empty(&self) -> bool {
        self.query.is_empty()
            && self.group.is_none()
            && self.format.is_none()
            && self.from.is_none()
            && self.to.is_none()
    }

    /// Whether one meeting passes.
    pub fn passes(
        &self,
        summary: &Summary,
        index: Option<&SearchIndex>,
        tz: &jiff::tz::TimeZone,
    ) -> bool {
        if self.group.as_ref().is_some_and(|g| *g != summary.group_id)
            || self.format.as_ref().is_some_and(|f| *f != summary.format)
        {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let day = summary.started_at.to_zoned_datetime(tz.clone()).date();
            if self.from.is_some_and(|from| day < from) || self.to.is_some_and(|to| day > to) {
                return false;
            }
        }
        match index {
            Some(index) => index.matches(summary, &self.query),
            None => self.query.is_empty() || self.query.matches(&summary_text(summary)),
        }
    }

    /// The positions in `sessions` of the meetings that pass, in their order.
    pub fn apply(
        &self,
        sessions: &[Summary],
        index: Option<&SearchIndex>,
        tz: &jiff::tz::TimeZone,
    ) -> Vec<usize> {
        if self.is_empty() {
            return (0..sessions.len()).collect();
        }
        sessions
            .iter()
            .enumerate()
            .filter(|(_, s)| self.passes(s, index, tz))
            .map(|(i, _)| i)
            .collect()
    }
}

/// A few words of `text` around the first place `query`'s first word appears, for showing
/// why a meeting matched; field separators become `·`.
pub fn snippet(text: &str, query: &Query, width: usize) -> Option<String> {
    let word = query.words().first()?;
    let at = text.find(word.as_str())?;
    let before: Vec<char> = text[..at].chars().rev().take(width / 3).collect();
    let mut out: String = before.into_iter().rev().collect();
    let lead = if out.len() < at { "…" } else { "" };
    out.insert_str(0, lead);
    out.extend(
        text[at..]
            .chars()
            .take(width.saturating_sub(out.chars().count())),
    );
    Some(
        out.replace(SEPARATOR, "·")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Lowercased, one line, no tabs: what the cache keeps of a field.
fn clean(text: &str, out: &mut String) {
    let mut first = true;
    for word in text.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        if !first {
            out.push(' ');
        }
        first = false;
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// The text a summary alone offers: topic, group and format titles.
fn summary_text(summary: &Summary) -> String {
    let mut out = String::new();
    let mut fields = vec![summary.topic.as_str(), summary.group_name.as_str()];
    for lang in Lang::ALL {
        fields.push(summary.format_title.get(lang));
    }
    join(&fields, &mut out);
    out
}

fn join(fields: &[&str], out: &mut String) {
    for field in fields.iter().filter(|f| !f.trim().is_empty()) {
        if !out.is_empty() {
            out.push(' ');
            out.push(SEPARATOR);
            out.push(' ');
        }
        clean(field, out);
    }
}

/// A meeting's searchable text: topic, group, format titles (in every language), turn notes,
/// the ideas shown on the wall (not removed, merged away or still hidden), themes, vote
/// options, decisions, and actions with their owners. Lowercased, on one line.
pub fn text_of(record: &SessionRecord) -> String {
    text_of_state(record, &MeetingState::replay(record))
}

/// [`text_of`] a meeting whose log is already replayed into `state`.
pub fn text_of_state(record: &SessionRecord, state: &MeetingState) -> String {
    let mut fields: Vec<&str> = vec![&record.topic, &record.group.name];
    for lang in Lang::ALL {
        let title = record.format.title.get(lang);
        if !fields.contains(&title) {
            fields.push(title);
        }
    }
    fields.extend(state.turns.iter().filter_map(|t| t.note.as_deref()));
    fields.extend(state.turn.iter().filter_map(|t| t.note.as_deref()));
    fields.extend(
        state
            .live_ideas()
            .filter(|i| !i.hidden)
            .map(|i| i.text.as_str()),
    );
    fields.extend(state.themes.iter().map(|t| t.name.as_str()));
    for vote in &state.votes {
        fields.extend(vote.options.iter().map(|o| o.label.as_str()));
    }
    fields.extend(state.decisions.iter().map(|d| d.text.as_str()));
    for action in &state.actions {
        fields.push(&action.text);
        if let Owner::Member { name, .. } = &action.owner {
            fields.push(name);
        }
    }
    // A vote's options repeat the ideas, a note the same words: each text once.
    let mut seen = std::collections::HashSet::new();
    fields.retain(|f| seen.insert(*f));
    let mut out = String::with_capacity(1024);
    join(&fields, &mut out);
    out
}

// ---- the file ---------------------------------------------------------------------------

/// An order-independent fingerprint of the meetings' files, sizes and times.
pub fn fingerprint(summaries: &[Summary]) -> u64 {
    summaries.iter().fold(0u64, |sum, s| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |bytes: &[u8]| {
            for b in bytes {
                h ^= u64::from(*b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        };
        eat(s.file.as_bytes());
        eat(&s.size.to_le_bytes());
        eat(&s.mtime_ns.to_le_bytes());
        sum.wrapping_add(h)
    })
}

fn header(count: usize, fingerprint: u64) -> String {
    format!("{MAGIC} {VERSION} {count} {fingerprint:016x}")
}

/// Whether the file's first line says it holds exactly these meetings (reads one line).
pub fn is_current(path: &Path, summaries: &[Summary]) -> bool {
    let Ok(file) = read::open_regular(path, read::MAX_CACHE_BYTES) else {
        return false;
    };
    let mut first = String::new();
    read::next_line(&mut std::io::BufReader::new(file), &mut first, HEADER_BYTES)
        && first.trim_end() == header(summaries.len(), fingerprint(summaries))
}

/// Reads the cache file; a missing or broken one gives an empty cache (lines that do not
/// parse are skipped).
pub fn read(path: &Path) -> SearchIndex {
    read::read_capped(path, read::MAX_CACHE_BYTES)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .map_or_else(SearchIndex::default, |text| parse(&text))
}

/// Parses the cache file's text (what [`read`] does after reading).
pub fn parse(text: &str) -> SearchIndex {
    let mut out = SearchIndex::default();
    let mut lines = text.lines();
    let ok = lines.next().is_some_and(|first| {
        let mut words = first.split(' ');
        words.next() == Some(MAGIC) && words.next() == Some(&VERSION.to_string())
    });
    if !ok {
        return out;
    }
    out.entries.reserve(text.len() / 512);
    for line in lines {
        let mut fields = line.splitn(4, '\t');
        let (Some(file), Some(size), Some(mtime), Some(text)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let (Ok(size), Ok(mtime_ns)) = (size.parse(), mtime.parse()) else {
            continue;
        };
        out.entries.insert(
            file.to_string(),
            Entry {
                size,
                mtime_ns,
                text: text.into(),
            },
        );
    }
    out
}

/// The cache as a file, its meetings in the order of `summaries` (the index's order).
pub fn encode(index: &SearchIndex, summaries: &[Summary]) -> Vec<u8> {
    let kept: Vec<(&Summary, &str)> = summaries
        .iter()
        .filter_map(|s| index.fresh(s).map(|text| (s, text)))
        .collect();
    let kept_summaries: Vec<Summary> = kept.iter().map(|(s, _)| (*s).clone()).collect();
    let mut out = String::with_capacity(kept.iter().map(|(_, t)| t.len() + 80).sum());
    out.push_str(&header(kept.len(), fingerprint(&kept_summaries)));
    out.push('\n');
    for (s, text) in kept {
        out.push_str(&format!("{}\t{}\t{}\t{text}\n", s.file, s.size, s.mtime_ns));
    }
    out.into_bytes()
}

/// Brings `old` up to date with `summaries`: texts already taken (`fresh`, by file name,
/// from logs the index refresh has just read) go in as they are, unchanged entries stay,
/// and every other log is read. Entries of meetings no longer listed are dropped. Returns
/// whether anything differs from `old`.
pub fn update(
    sessions_dir: &Path,
    old: SearchIndex,
    summaries: &[Summary],
    mut fresh: HashMap<String, String>,
) -> (SearchIndex, bool) {
    let mut old = old;
    let mut changed = old.len() != summaries.len();
    let mut out = SearchIndex {
        entries: HashMap::with_capacity(summaries.len()),
    };
    for s in summaries {
        // A name with a tab or a line break cannot be a line of the file: keep it out.
        if s.file.contains(['\t', '\n', '\r']) {
            continue;
        }
        let text = match fresh.remove(&s.file) {
            Some(text) => Some(text.into_boxed_str()),
            None => match old.entries.remove(&s.file) {
                Some(e) if e.size == s.size && e.mtime_ns == s.mtime_ns => {
                    out.entries.insert(s.file.clone(), e);
                    continue;
                }
                _ => index::load_session(&sessions_dir.join(&s.file))
                    .ok()
                    .map(|record| text_of(&record).into_boxed_str()),
            },
        };
        changed = true;
        if let Some(text) = text {
            out.entries.insert(
                s.file.clone(),
                Entry {
                    size: s.size,
                    mtime_ns: s.mtime_ns,
                    text,
                },
            );
        }
    }
    (out, changed)
}

/// The cache for `summaries`, from the file and the logs: what the review and
/// `parvi sessions search` use. Saved when `write` and anything was rebuilt.
pub fn load(paths: &Paths, summaries: &[Summary], write: bool) -> SearchIndex {
    let file = path(paths);
    let (index, changed) = update(&paths.sessions(), read(&file), summaries, HashMap::new());
    if changed && write {
        // Only a cache: failing to save it costs speed, not data.
        let _ = atomic::write_atomic(&file, &encode(&index, summaries));
    }
    index
}

/// Keeps the file in step with a refreshed index (called by the index refresh, with the
/// texts of the logs it had to read). Reads only the first line when nothing changed.
pub fn refresh_file(paths: &Paths, summaries: &[Summary], fresh: HashMap<String, String>) {
    let file = path(paths);
    if fresh.is_empty() && is_current(&file, summaries) {
        return;
    }
    let (index, changed) = update(&paths.sessions(), read(&file), summaries, fresh);
    if changed || !is_current(&file, summaries) {
        let _ = atomic::write_atomic(&file, &encode(&index, summaries));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_appear_in_any_case() {
        let q = Query::new("  RUOKALA  Äänestys ");
        assert_eq!(q.words(), ["ruokala", "äänestys"]);
        assert!(q.matches("äänestys ruokalan jonoista"));
        assert!(!q.matches("ruokalan jonot"));
        assert!(Query::new("").matches("mitä tahansa"));
    }

    #[test]
    fn cleaning_lowercases_and_keeps_one_line() {
        let mut out = String::new();
        join(&["Ruokala\tJA\nVÄLITUNNIT", "", "Öljy"], &mut out);
        assert_eq!(out, "ruokala ja välitunnit \u{1f} öljy");
        assert!(!out.contains(['\t', '\n']));
    }
}
