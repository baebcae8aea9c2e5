//! Printing for the command line: errors with hints and the exit codes that go with them,
//! plus the small helpers every command prints with (aligned columns, dates in local time,
//! durations). The translated help is in `help.rs`, the role and kind names in
//! `vocabulary.rs`.

use super::{CliContext, EXIT_FAILED, EXIT_LOCKED};
use crate::i18n::{Lang, Text, fill};
use crate::lang::shown::{self, Keep};
use crate::store::{Notice, Problem, Store, StoreError};

// ---- errors ------------------------------------------------------------------------------

/// A command that did not succeed: what to tell the user and the exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    pub code: u8,
    /// Printed after the catalogue's `err_prefix`; empty when the command has already
    /// said everything itself.
    pub message: String,
    /// What to do about it, printed on a `hint:` line.
    pub hint: Option<String>,
}

impl CliError {
    pub fn new(code: u8, message: impl Into<String>) -> CliError {
        CliError {
            code,
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> CliError {
        self.hint = Some(hint.into());
        self
    }

    /// A failure whose explanation the command has already printed.
    pub fn silent(code: u8) -> CliError {
        CliError::new(code, "")
    }

    /// Prints the error to stderr in `lang`.
    pub fn print(&self, lang: Lang) {
        let t = lang.text();
        if !self.message.is_empty() {
            tell_line(format_args!(
                "{}: {}",
                t.err_prefix,
                trim_lines(&self.message)
            ));
        }
        if let Some(hint) = &self.hint {
            tell_line(format_args!("{}: {}", t.err_hint, trim_lines(hint)));
        }
    }
}

/// The result of a command.
pub type CliResult = Result<(), CliError>;

/// Prints an error, if any, and gives the exit code.
/// `println!` for the command line's output. A reader that has gone away (`parvi … | head`)
/// ends parvi quietly, as other command-line tools do, instead of with a panic; every save
/// is done before anything is printed, so nothing is lost.
macro_rules! say {
    () => {
        $crate::cli::output::say_line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::cli::output::say_line(format_args!($($arg)*))
    };
}
pub(crate) use say;

/// `eprintln!` for the command line's messages, with what [`say`] does to the text.
macro_rules! tell {
    ($($arg:tt)*) => {
        $crate::cli::output::tell_line(format_args!($($arg)*))
    };
}
pub(crate) use tell;

/// Writes a line to standard output; see [`say`]. Every line goes through
/// [`shown::escape`]: it is the edge where text from files (titles, names, quoted bad
/// values) meets the terminal, so a control character in a file is shown, never obeyed.
pub fn say_line(line: std::fmt::Arguments) {
    use std::io::Write;
    let line = line.to_string();
    let line = shown::escape(&line, Keep::Lines);
    let mut out = std::io::stdout().lock();
    if let Err(e) = out
        .write_all(line.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
    {
        // Windows reports a closed pipe as "the pipe is being closed" (232) or "no process
        // is on the other end of the pipe" (233).
        let gone = e.kind() == std::io::ErrorKind::BrokenPipe
            || matches!(e.raw_os_error(), Some(232 | 233)) && cfg!(windows);
        if gone {
            std::process::exit(0);
        }
        eprintln!("parvi: {e}");
        std::process::exit(i32::from(EXIT_FAILED));
    }
}

/// Writes a line to standard error, escaped as [`say_line`] does.
pub fn tell_line(line: std::fmt::Arguments) {
    let line = line.to_string();
    eprintln!("{}", shown::escape(&line, Keep::Lines));
}

pub fn finish(lang: Lang, result: CliResult) -> u8 {
    match result {
        Ok(()) => 0,
        Err(e) => {
            e.print(lang);
            e.code
        }
    }
}

/// The Levenshtein distance between two names, in characters: how many letters to add,
/// remove or change to get from one to the other.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

fn trim_lines(text: &str) -> String {
    text.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Opens the data directory for writing. Another parvi holding it is exit code 4.
pub fn open_for_writing(cx: &CliContext) -> Result<Store, CliError> {
    let t = cx.lang.text();
    let store = Store::open(cx.paths.clone()).map_err(|e| open_failed(cx, e))?;
    print_notices(cx, &store.notices);
    if let Some(busy) = &store.busy {
        return Err(locked(cx, busy.pid));
    }
    if let Some(Notice::Unwritable { path, reason }) = store.unwritable() {
        return Err(CliError::new(
            EXIT_FAILED,
            fill(
                t.err_open_failed,
                &[("dir", &path.display().to_string()), ("reason", reason)],
            ),
        ));
    }
    Ok(store)
}

/// Why the data directory could not be opened, naming it (and the file in the way).
pub fn open_failed(cx: &CliContext, e: StoreError) -> CliError {
    let reason = match e {
        StoreError::Io { source, .. } => source.to_string(),
        StoreError::Refused { path, reason } => {
            format!("{}: {}", path.display(), reason.describe(cx.lang))
        }
        other => other.to_string(),
    };
    CliError::new(
        EXIT_FAILED,
        fill(
            cx.lang.text().err_open_failed,
            &[
                ("dir", &cx.paths.root.display().to_string()),
                ("reason", &reason),
            ],
        ),
    )
}

/// What is odd about the data directory, on stderr: the output itself stays clean.
pub fn print_notices(cx: &CliContext, notices: &[Notice]) {
    for notice in notices {
        tell!("{}", notice.describe(cx.lang));
    }
}

fn locked(cx: &CliContext, pid: Option<u32>) -> CliError {
    let t = cx.lang.text();
    let pid = pid.map_or_else(|| "?".to_string(), |p| p.to_string());
    CliError::new(
        EXIT_LOCKED,
        fill(
            t.err_locked,
            &[("pid", &pid), ("dir", &cx.paths.root.display().to_string())],
        ),
    )
    .hint(t.err_locked_hint)
}

/// A failed save or removal, explained.
pub fn store_error(cx: &CliContext, e: StoreError) -> CliError {
    match e {
        StoreError::ReadOnly { pid } => locked(cx, pid),
        StoreError::Io { path, source } => CliError::new(
            EXIT_FAILED,
            fill(
                cx.lang.text().err_save_failed,
                &[
                    ("path", &path.display().to_string()),
                    ("reason", &source.to_string()),
                ],
            ),
        ),
        StoreError::Refused { path, reason } => CliError::new(
            EXIT_FAILED,
            fill(
                cx.lang.text().err_save_failed,
                &[
                    ("path", &path.display().to_string()),
                    ("reason", &reason.describe(cx.lang)),
                ],
            ),
        ),
    }
}

/// Lists files that could not be read, after whatever did load. Prints nothing when there
/// are none.
pub fn print_problems(lang: Lang, problems: &[Problem]) {
    if problems.is_empty() {
        return;
    }
    let t = lang.text();
    say!();
    say!(
        "{}",
        fill(
            t.cli_unreadable_files,
            &[("count", &problems.len().to_string())]
        )
    );
    for problem in problems {
        say!("  {}", problem.describe(lang));
    }
    say!("{}", t.load_untouched);
}

// ---- layout ------------------------------------------------------------------------------

fn width(s: &str) -> usize {
    s.chars().count()
}

/// Lays rows out in columns two spaces apart. Columns listed in `right` are right-aligned
/// (numbers); the last column is never padded, so no line ends in spaces.
pub fn columns(rows: &[Vec<String>], right: &[usize]) -> Vec<String> {
    let count = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; count];
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(width(cell));
        }
    }
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let pad = widths[i].saturating_sub(width(cell));
                if right.contains(&i) {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    if i + 1 < row.len() {
                        line.push_str(&" ".repeat(pad));
                    }
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// Prints rows in columns with an indent.
pub fn print_columns(indent: &str, rows: &[Vec<String>], right: &[usize]) {
    for line in columns(rows, right) {
        say!("{indent}{line}");
    }
}

/// A date and time in the local time zone, written as people of `lang` write it.
pub fn datetime(lang: Lang, at: jiff::Timestamp) -> String {
    let zone = jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC);
    at.to_zoned_datetime(zone)
        .strftime(lang.text().cli_datetime_format)
        .to_string()
}

/// A number of minutes with the unit (`10 min`).
pub fn minutes(t: &Text, minutes: u32) -> String {
    format!("{minutes} {}", t.minutes_short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_and_never_end_in_spaces() {
        let rows = vec![
            vec!["ä".to_string(), "10".to_string(), "x".to_string()],
            vec!["abc".to_string(), "2".to_string(), String::new()],
        ];
        assert_eq!(columns(&rows, &[1]), ["ä    10  x", "abc   2"]);
    }

    #[test]
    fn edit_distance_counts_letters_to_change() {
        assert_eq!(edit_distance("kierros", "kierros"), 0);
        assert_eq!(edit_distance("hyvinvontiryhma", "hyvinvointiryhma"), 1);
        assert_eq!(edit_distance("kieros", "kierros"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("äiti", "aiti"), 1);
    }
}
