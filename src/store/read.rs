//! Reading parvi's JSON files defensively: every way a file can be wrong becomes a
//! [`Problem`] that names the file and the reason, and the file itself is never touched.
//!
//! The checks run cheapest first and before anything could block or blow up: the file type
//! from `symlink_metadata` (a FIFO would hang an `open`), the size (a huge file would fill
//! memory), then the bytes (empty, NUL, BOM, UTF-8), then the schema version, then the JSON.
//! Every file parvi reads, caches included, is opened here ([`open_regular`]): without
//! following a link, without waiting on a FIFO, checked again on the open handle (the file
//! may have been swapped since the look), and read through a cap of its kind's size, so a
//! file that grows while read is held too.

use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::i18n::{Lang, fill};
use crate::lang::shown;
use crate::model::SCHEMA_VERSION;

/// The largest session file parvi reads. A 500-event meeting is about 100 KB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The largest group, format, year clock, settings or live pointer file: a group of 40
/// with every field filled is about 10 KB, a long format 20 KB.
pub const MAX_SMALL_BYTES: u64 = 1024 * 1024;

/// The largest `index.json`: 10,000 meetings take 5 MB, so this holds over 100,000.
pub const MAX_INDEX_BYTES: u64 = 64 * 1024 * 1024;

/// The largest search or figures cache: 10,000 meetings take 8 and 12 MB.
pub const MAX_CACHE_BYTES: u64 = 256 * 1024 * 1024;

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
    /// `size` bytes or more, where `max` is the cap of the file's kind.
    TooLarge {
        size: u64,
        max: u64,
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
    /// Arrays and objects nest deeper than [`crate::model::limits::MAX_DEPTH`].
    TooDeep {
        max: usize,
    },
    /// A text longer than [`crate::model::limits::MAX_TEXT_CHARS`].
    TextTooLong {
        max: usize,
    },
    /// More phases or people than the limits allow.
    TooMany(crate::model::limits::TooMany),
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
            Reason::TooLarge { size, max } => fill(
                t.load_too_large,
                &[("size", &size.to_string()), ("max", &max.to_string())],
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
            Reason::TooDeep { max } => fill(t.limits.too_deep, &[("max", &max.to_string())]),
            Reason::TextTooLong { max } => {
                fill(t.limits.text_too_long, &[("max", &max.to_string())])
            }
            Reason::TooMany(too_many) => {
                use crate::model::limits::Counted;
                let template = match too_many.what {
                    Counted::Phases => t.limits.too_many_phases,
                    Counted::People => t.limits.too_many_people,
                };
                fill(
                    template,
                    &[
                        ("found", &too_many.found.to_string()),
                        ("max", &too_many.max.to_string()),
                    ],
                )
            }
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
    // `O_NOFOLLOW` on a link: ELOOP (Linux, macOS), EMLINK (FreeBSD).
    #[cfg(unix)]
    if matches!(e.raw_os_error(), Some(c) if c == rustix::io::Errno::LOOP.raw_os_error() || c == rustix::io::Errno::MLINK.raw_os_error())
    {
        return Reason::Symlink;
    }
    Reason::Io(e.to_string())
}

/// What sits at `meta`, unless it is a plain file.
pub(crate) fn not_regular(meta: &fs::Metadata) -> Option<Reason> {
    let file_type = meta.file_type();
    if file_type.is_symlink() {
        Some(Reason::Symlink)
    } else if file_type.is_file() {
        None
    } else {
        Some(Reason::NotAFile(classify(&file_type)))
    }
}

/// Opens a plain file to read, at most `max` bytes of it (the reader stops one byte past
/// `max`, so a caller can tell a file that grew). A link, a FIFO, a device or a directory
/// is refused without blocking; so is a file already larger than `max`.
pub fn open_regular(path: &Path, max: u64) -> Result<io::Take<fs::File>, Reason> {
    // A first look without opening: opening a device can have effects of its own.
    let meta = fs::symlink_metadata(path).map_err(|e| io_reason(&e))?;
    if let Some(reason) = not_regular(&meta) {
        return Err(reason);
    }
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Swapped for a link or a FIFO since the look: refuse the link, never wait.
        let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
        options.custom_flags(flags.bits() as i32);
    }
    let file = options.open(path).map_err(|e| io_reason(&e))?;
    let meta = file.metadata().map_err(|e| io_reason(&e))?;
    if let Some(reason) = not_regular(&meta) {
        return Err(reason);
    }
    if meta.len() > max {
        return Err(Reason::TooLarge {
            size: meta.len(),
            max,
        });
    }
    Ok(file.take(max.saturating_add(1)))
}

/// Reads a plain file's bytes, at most `max` of them (see [`open_regular`]).
pub fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>, Reason> {
    let mut reader = open_regular(path, max)?;
    let mut bytes = Vec::with_capacity(reader.get_ref().metadata().map_or(0, |m| m.len()) as usize);
    reader.read_to_end(&mut bytes).map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > max {
        // It grew between the check and the read.
        return Err(Reason::TooLarge {
            size: bytes.len() as u64,
            max,
        });
    }
    Ok(bytes)
}

/// Reads a session file's bytes after checking what it is, without following symlinks.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Reason> {
    read_capped(path, MAX_FILE_BYTES)
}

/// Reads the next line of a cache into `line` (cleared first), at most `max` bytes of it.
/// `false` at the end, on an error, or on a longer line: a garbage file without line
/// breaks must not fill memory one line at a time either.
pub fn next_line(reader: &mut impl BufRead, line: &mut String, max: u64) -> bool {
    line.clear();
    match reader.take(max.saturating_add(1)).read_line(line) {
        Ok(n) => n > 0 && n as u64 <= max,
        Err(_) => false,
    }
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
    super::shape::check(text)?;
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

/// Reads and parses a parvi session file. Never writes to it.
pub fn load<T: DeserializeOwned>(
    path: &Path,
    schema_of: impl Fn(&T) -> u32,
) -> Result<(T, Vec<Warning>), Problem> {
    load_capped(path, MAX_FILE_BYTES, schema_of)
}

/// Reads and parses a parvi JSON file of at most `max` bytes. Never writes to it.
pub fn load_capped<T: DeserializeOwned>(
    path: &Path,
    max: u64,
    schema_of: impl Fn(&T) -> u32,
) -> Result<(T, Vec<Warning>), Problem> {
    let problem = |reason| Problem {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = read_capped(path, max).map_err(problem)?;
    from_bytes(&bytes, schema_of).map_err(problem)
}

/// Checks and parses the bytes of a parvi JSON file: what [`load`] does after reading.
pub fn from_bytes<T: DeserializeOwned>(
    bytes: &[u8],
    schema_of: impl Fn(&T) -> u32,
) -> Result<(T, Vec<Warning>), Reason> {
    let (text, warnings) = check_text(bytes)?;
    let value = parse(text, schema_of)?;
    Ok((value, warnings))
}
