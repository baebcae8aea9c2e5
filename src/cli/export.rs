//! `parvi export SESSION [--format md|html|csv|json] [--public] [-o PATH] [--force]`: a saved
//! meeting as minutes, in the language of `--lang`.
//!
//! Where the files go: without `-o`, Markdown, HTML and JSON go to standard output and the
//! six CSV tables into the current directory as `<date>_<group>_<table>.csv`. With `-o`, a
//! file (or, if it names an existing directory, that directory under the default name); for
//! CSV a directory, created with mode 0700 if it is missing, holding `attendance.csv` and
//! the rest. Every file is written atomically with mode 0600 (`store::atomic`), and none is
//! written if any of them exists already, unless `--force`.
//!
//! The writing is in [`write_all`] and [`write_into`] so the app's review screen can export
//! the same way.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::output::{self, CliError, CliResult};
use super::{Context, EXIT_FAILED};
use crate::export::{self, Export, Format, Options};
use crate::i18n::fill;
use crate::model::SessionRecord;
use crate::store::{Store, Summary};

/// Arguments of `parvi export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The meeting's id (the first characters are enough).
    pub session: String,
    /// md, html, csv or json.
    #[arg(long, value_name = "TYPE", default_value = "md", value_parser = parse_format)]
    pub format: Format,
    /// Leave out the names of students, guardians and guests.
    #[arg(long)]
    pub public: bool,
    /// Where to write: a file, or for CSV a directory.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Overwrite existing files.
    #[arg(long)]
    pub force: bool,
}

fn parse_format(value: &str) -> Result<Format, String> {
    Format::from_key(value).ok_or_else(|| "md, html, csv, json".to_string())
}

/// Why files could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// The file is there already and `force` was not given; nothing was written.
    Exists(PathBuf),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Writes each file atomically with mode 0600. Unless `force`, checks first that none of
/// them exists and writes nothing if one does.
pub fn write_all(files: &[(PathBuf, &[u8])], force: bool) -> Result<(), WriteError> {
    if !force && let Some((path, _)) = files.iter().find(|(p, _)| p.symlink_metadata().is_ok()) {
        return Err(WriteError::Exists(path.clone()));
    }
    for (path, bytes) in files {
        crate::store::atomic::write_atomic(path, bytes).map_err(|source| WriteError::Io {
            path: path.clone(),
            source,
        })?;
    }
    Ok(())
}

/// Creates a directory (and its parents) with mode 0700; an existing one is left as it is.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// The meeting's running number among its group's meetings of the same calendar year.
pub fn number(record: &SessionRecord, summaries: &[Summary], zone: &jiff::tz::TimeZone) -> u32 {
    let year = |at: jiff::Timestamp| at.to_zoned_datetime(zone.clone()).year();
    let start = record.started_at();
    let n = summaries
        .iter()
        .filter(|s| {
            s.group_id == record.group.id
                && year(s.started_at) == year(start)
                && (s.started_at, s.id) <= (start, record.id)
        })
        .count();
    u32::try_from(n.max(1)).unwrap_or(1)
}

/// The zone of the times in the minutes: the system's, else Finnish time.
pub fn zone() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::try_system().unwrap_or_else(|_| export::helsinki())
}

pub fn run(cx: &Context, args: &ExportArgs) -> u8 {
    output::finish(cx.lang, export_session(cx, args))
}

fn export_session(cx: &Context, args: &ExportArgs) -> CliResult {
    let lang = cx.lang;
    let t = lang.text();
    let m = &t.minutes;
    let store = Store::open_read_only(cx.paths.clone());
    let (record, warnings) = super::sessions::lookup(cx, &store, &args.session)?;
    // Standard output may be the minutes themselves: anything else goes to stderr.
    if !warnings.is_empty() {
        eprintln!("{}", t.cli_session_oddities);
        for w in &warnings {
            eprintln!("  {}", w.describe(lang));
        }
    }
    let zone = zone();
    let options = Options {
        format: args.format,
        lang,
        public: args.public,
        number: Some(number(&record, &store.sessions().summaries, &zone)),
        zone,
    };
    let export = export::minutes(&record, &options);

    let files: Vec<(PathBuf, &[u8])> = match (&args.output, export.format) {
        (None, Format::Csv) => named(&export, Path::new("."), false),
        (None, _) => return to_stdout(&export),
        (Some(dir), Format::Csv) => {
            if dir.exists() && !dir.is_dir() {
                return Err(CliError::new(
                    EXIT_FAILED,
                    fill(m.err_not_dir, &[("path", &dir.display().to_string())]),
                ));
            }
            create_private_dir(dir).map_err(|e| write_failed(cx, dir, &e))?;
            named(&export, dir, true)
        }
        (Some(path), _) if path.is_dir() => named(&export, path, false),
        (Some(path), _) => export
            .files
            .iter()
            .map(|f| (path.clone(), f.contents.as_slice()))
            .collect(),
    };
    match write_all(&files, args.force) {
        Ok(()) => {
            for (path, _) in &files {
                println!(
                    "{}",
                    fill(m.written, &[("path", &path.display().to_string())])
                );
            }
            Ok(())
        }
        Err(WriteError::Exists(path)) => Err(CliError::new(
            EXIT_FAILED,
            fill(m.err_exists, &[("path", &path.display().to_string())]),
        )
        .hint(m.hint_force)),
        Err(WriteError::Io { path, source }) => Err(write_failed(cx, &path, &source)),
    }
}

/// Writes an export's files into `dir` under their full names (`<date>_<group>.html`),
/// refusing if one exists and `!force`; returns the paths written. For the app's review
/// screen: `export::minutes`, then this.
pub fn write_into(export: &Export, dir: &Path, force: bool) -> Result<Vec<PathBuf>, WriteError> {
    let files = named(export, dir, false);
    write_all(&files, force)?;
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// The files of an export inside `dir`, under their full or short names.
fn named<'a>(export: &'a Export, dir: &Path, short: bool) -> Vec<(PathBuf, &'a [u8])> {
    export
        .files
        .iter()
        .map(|f| {
            let name = if short { &f.short_name } else { &f.name };
            (dir.join(name), f.contents.as_slice())
        })
        .collect()
}

fn write_failed(cx: &Context, path: &Path, e: &std::io::Error) -> CliError {
    CliError::new(
        EXIT_FAILED,
        fill(
            cx.lang.text().minutes.err_write,
            &[
                ("path", &path.display().to_string()),
                ("reason", &e.to_string()),
            ],
        ),
    )
}

fn to_stdout(export: &Export) -> CliResult {
    let mut out = std::io::stdout().lock();
    for file in &export.files {
        match out.write_all(&file.contents).and_then(|()| out.flush()) {
            Ok(()) => {}
            // `parvi export … | head` is fine.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => return Err(CliError::new(EXIT_FAILED, e.to_string())),
        }
    }
    Ok(())
}
