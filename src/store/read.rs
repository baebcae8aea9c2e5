//! Reading parvi's JSON files defensively: every way a file can be wrong becomes a
//! [`Problem`] that names the file and the reason, and the file itself is never touched.
//!
//! The checks run cheapest first and before anything could block or blow up: the file type
//! from `symlink_metadata` (a FIFO would hang an `open`), the size (a huge file would fill
//! memory), then the bytes (empty, NUL, BOM, UTF-8), then the schema version, then the JSON.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::i18n::{Lang, fill};
use crate::lang::shown;
use crate::model::SCHEMA_VERSION;

/// The largest file parvi reads. A 500-event meeting is about 100 KB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// What kind of non-file sits where a file should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    Directory,
    Fifo,
    Device,
    Other,
}

/// Why a file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Empty,
    NulBytes,
    NotUtf8 {
        offset: usize,
    },
    TooLarge {
        size: u64,
    },
    NotAFile(NotAFile),
    Symlink,
    NewerSchema {
        found: u64,
    },
    UnknownSchema {
        found: u64,
    },
    Json {
        line: usize,
        column: usize,
        detail: String,
    },
    /// The id inside the file does not match its name.
    IdMismatch {
        id: String,
    },
    Io(String),
}

/// Something odd in a file that loaded anyway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The file starts with a UTF-8 byte-order mark, which was skipped.
    Bom,
    /// Something odd in a session's event log (see [`crate::model::session::Oddity`]).
    Oddity(crate::model::session::Oddity),
}

/// A file that could not be loaded, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub reason: Reason,
}

impl Reason {
    /// A JSON syntax or shape error, with where it is and serde's words without the
    /// position (which the message gives from `line` and `column`). serde quotes the bad
    /// value whole ("unknown variant `…`"), which may be 100 KB of anything: the words are
    /// kept short and escaped here, once, for every place that shows them.
    pub fn json(e: &serde_json::Error) -> Reason {
        Reason::Json {
            line: e.line(),
            column: e.column(),
            detail: serde_words(e),
        }
    }

    /// The reason in the user's language.
    pub fn describe(&self, lang: Lang) -> String {
        let t = lang.text();
        match self {
            Reason::Empty => t.load_empty.to_string(),
            Reason::NulBytes => t.load_nul.to_string(),
            Reason::NotUtf8 { offset } => fill(t.load_not_utf8, &[("offset", &offset.to_string())]),
            Reason::TooLarge { size } => fill(
                t.load_too_large,
                &[
                    ("size", &size.to_string()),
                    ("max", &MAX_FILE_BYTES.to_string()),
                ],
            ),
            Reason::NotAFile(kind) => {
                fill(t.load_not_a_file, &[("what", t.file_types[*kind as usize])])
            }
            Reason::Symlink => t.load_symlink.to_string(),
            Reason::NewerSchema { found } => fill(
                t.load_newer_schema,
                &[
                    ("found", &found.to_string()),
                    ("supported", &SCHEMA_VERSION.to_string()),
                ],
            ),
            Reason::UnknownSchema { found } => fill(
                t.load_older_schema,
                &[
                    ("found", &found.to_string()),
                    ("supported", &SCHEMA_VERSION.to_string()),
                ],
            ),
            Reason::Json {
                line,
                column,
                detail,
            } => fill(
                t.load_json,
                &[
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("detail", detail),
                ],
            ),
            Reason::IdMismatch { id } => fill(t.load_id_mismatch, &[("id", &shown::quoted(id))]),
            Reason::Io(detail) => fill(t.load_io, &[("detail", detail)]),
        }
    }
}

impl Problem {
    /// `path: reason`, in the user's language.
    pub fn describe(&self, lang: Lang) -> String {
        format!("{}: {}", self.path.display(), self.reason.describe(lang))
    }
}

impl Warning {
    pub fn describe(&self, lang: Lang) -> String {
        use crate::model::session::Oddity;
        let t = lang.text();
        match self {
            Warning::Bom => t.load_bom.to_string(),
            Warning::Oddity(Oddity::UnknownParticipant { seq, who }) => fill(
                t.load_unknown_participant,
                &[("seq", &seq.to_string()), ("who", &shown::quoted(who))],
            ),
            Warning::Oddity(Oddity::TimeOutOfOrder { seq }) => {
                fill(t.load_time_out_of_order, &[("seq", &seq.to_string())])
            }
            Warning::Oddity(Oddity::SequenceGap { seq, expected }) => fill(
                t.load_sequence_gap,
                &[
                    ("seq", &seq.to_string()),
                    ("expected", &expected.to_string()),
                ],
            ),
            Warning::Oddity(Oddity::UnknownPhase { seq, phase }) => fill(
                t.load_unknown_phase,
                &[
                    ("seq", &seq.to_string()),
                    ("phase", &(phase + 1).to_string()),
                ],
            ),
        }
    }
}

/// serde's words for a JSON error without the position, short and escaped (see
/// [`Reason::json`]).
pub fn serde_words(e: &serde_json::Error) -> String {
    let words = e.to_string();
    let words = words
        .rsplit_once(" at line ")
        .map_or(words.as_str(), |(w, _)| w);
    shown::brief(words)
}

fn io_reason(e: &io::Error) -> Reason {
    if e.kind() == io::ErrorKind::IsADirectory {
        return Reason::NotAFile(NotAFile::Directory);
    }
    Reason::Io(e.to_string())
}

/// Reads a file's bytes after checking what it is, without following symlinks.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Reason> {
    let meta = fs::symlink_metadata(path).map_err(|e| io_reason(&e))?;
    let file_type = meta.file_type();
    if file_type.is_symlink() {
        return Err(Reason::Symlink);
    }
    if !file_type.is_file() {
        return Err(Reason::NotAFile(classify(&file_type)));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Reason::TooLarge { size: meta.len() });
    }
    let bytes = fs::read(path).map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        // It grew between the check and the read.
        return Err(Reason::TooLarge {
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

fn classify(file_type: &fs::FileType) -> NotAFile {
    if file_type.is_dir() {
        return NotAFile::Directory;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return NotAFile::Fifo;
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return NotAFile::Device;
        }
    }
    NotAFile::Other
}

/// Checks the bytes of a JSON file and returns the text without a BOM.
pub fn check_text(bytes: &[u8]) -> Result<(&str, Vec<Warning>), Reason> {
    let mut warnings = Vec::new();
    let mut bytes = bytes;
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        warnings.push(Warning::Bom);
        bytes = rest;
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Reason::Empty);
    }
    if bytes.contains(&0) {
        return Err(Reason::NulBytes);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Reason::NotUtf8 {
        offset: e.valid_up_to() + if warnings.is_empty() { 0 } else { 3 },
    })?;
    Ok((text, warnings))
}

/// The `schema` field of a JSON object, read without building the whole document.
fn peek_schema(text: &str) -> Option<u64> {
    #[derive(serde::Deserialize)]
    struct Peek {
        schema: Option<u64>,
    }
    serde_json::from_str::<Peek>(text).ok()?.schema
}

/// Parses a checked text as `T`, turning a newer `schema` into a clear reason.
pub fn parse<T: DeserializeOwned>(text: &str, schema_of: impl Fn(&T) -> u32) -> Result<T, Reason> {
    match serde_json::from_str::<T>(text) {
        Ok(value) => {
            let schema = u64::from(schema_of(&value));
            if schema > u64::from(SCHEMA_VERSION) {
                Err(Reason::NewerSchema { found: schema })
            } else if schema != u64::from(SCHEMA_VERSION) {
                Err(Reason::UnknownSchema { found: schema })
            } else {
                Ok(value)
            }
        }
        Err(e) => match peek_schema(text) {
            Some(found) if found > u64::from(SCHEMA_VERSION) => Err(Reason::NewerSchema { found }),
            _ => Err(Reason::json(&e)),
        },
    }
}

/// Reads and parses a parvi JSON file. Never writes to it.
pub fn load<T: DeserializeOwned>(
    path: &Path,
    schema_of: impl Fn(&T) -> u32,
) -> Result<(T, Vec<Warning>), Problem> {
    let problem = |reason| Problem {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = read_bytes(path).map_err(problem)?;
    let (text, warnings) = check_text(&bytes).map_err(problem)?;
    let value = parse(text, schema_of).map_err(problem)?;
    Ok((value, warnings))
}
