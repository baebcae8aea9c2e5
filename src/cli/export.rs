//! `parvi export SESSION [--format md|html|csv|json|notice|notice-html] [--public] [-o PATH]
//! [--force] [--checked]`: a saved meeting as minutes, in the language of `--lang`.
//!
//! Before a public export or a notice (which goes to students, public or not) the guard
//! (`export::guard`) reads the text to be published. Where it names a student of the group
//! or tells of one person's health or welfare, each place is printed in context on stderr
//! and nothing is written (exit code 1), until the command is run again with `--checked`.
//!
//! Where the files go: without `-o`, Markdown, HTML and JSON go to standard output and the
//! six CSV tables into the current directory as `<date>_<group>_<table>.csv`. With `-o`, a
//! file (or, if it names an existing directory, that directory under the default name); for
//! CSV a directory, created with mode 0700 if it is missing, holding `attendance.csv` and
//! the rest. Every file is written atomically with mode 0600 (`store::atomic`), and none is
//! written if any of them exists already, unless `--force`.
//!
//! The writing is in `store::exports`, which the app's review screen uses too.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::output::{self, CliError, CliResult};
use super::{CliContext, EXIT_FAILED};
use crate::cli::output::{say, tell};
use crate::export::guard::Publication;
use crate::export::{self, Export, Format, Options};
use crate::i18n::fill;
use crate::store::Store;
use crate::store::exports::{WriteError, create_private_dir, number, write_all, zone};

/// Arguments of `parvi export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The meeting's id (the first characters are enough).
    pub session: String,
    /// md, html, csv, json, notice or notice-html.
    #[arg(long, value_name = "TYPE", default_value = "md", value_parser = parse_format)]
    pub format: Format,
    /// Leave out the names of students, guardians and guests.
    #[arg(long)]
    pub public: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// Where a publication goes and what may stop it: `parvi export` and `parvi notice`.
#[derive(Debug, Args)]
pub struct WriteArgs {
    /// Where to write: a file, or for CSV a directory.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Overwrite existing files.
    #[arg(long)]
    pub force: bool,
    /// Publish even though the guard found names or health words: the facilitator has
    /// looked at each place (see `export::guard`).
    #[arg(long)]
    pub checked: bool,
}

fn parse_format(value: &str) -> Result<Format, String> {
    Format::from_key(value).ok_or_else(|| "md, html, csv, json, notice, notice-html".to_string())
}

pub fn run(cx: &CliContext, args: &ExportArgs) -> u8 {
    output::finish(cx.lang, export_session(cx, args))
}

fn export_session(cx: &CliContext, args: &ExportArgs) -> CliResult {
    let lang = cx.lang;
    let t = lang.text();
    // Keeps the index when no other parvi runs, as `parvi sessions list` does.
    let store = Store::open_reader(cx.paths.clone());
    let (record, warnings) = super::sessions::lookup(cx, &store, &args.session)?;
    // Standard output may be the minutes themselves: anything else goes to stderr.
    if !warnings.is_empty() {
        tell!("{}", t.cli_session_oddities);
        for w in &warnings {
            tell!("  {}", w.describe(lang));
        }
    }
    let publication = if is_notice(args.format) {
        Some(Publication::Notice)
    } else {
        args.public.then_some(Publication::Minutes)
    };
    if let Some(publication) = publication
        && !args.write.checked
    {
        guard(cx, &store, &record, publication)?;
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
    deliver(cx, &export, args.write.output.as_deref(), args.write.force)
}

/// Writes an export where `output` says (a file, or for CSV a directory; standard output
/// when none, except for CSV, which goes to the working directory), refusing to overwrite
/// without `force`, and says what it wrote.
pub(super) fn deliver(
    cx: &CliContext,
    export: &Export,
    output: Option<&Path>,
    force: bool,
) -> CliResult {
    let m = &cx.lang.text().minutes;
    let files: Vec<(PathBuf, &[u8])> = match (output, export.format) {
        (None, Format::Csv) => export.files_in(Path::new("."), false),
        (None, _) => return to_stdout(export),
        (Some(dir), Format::Csv) => {
            if dir.exists() && !dir.is_dir() {
                return Err(CliError::new(
                    EXIT_FAILED,
                    fill(m.err_not_dir, &[("path", &dir.display().to_string())]),
                ));
            }
            create_private_dir(dir).map_err(|e| write_failed(cx, dir, &e))?;
            export.files_in(dir, true)
        }
        (Some(path), _) if path.is_dir() => export.files_in(path, false),
        (Some(path), _) => export
            .files
            .iter()
            .map(|f| (path.to_path_buf(), f.contents.as_slice()))
            .collect(),
    };
    write_files(cx, &files, force)
}

/// Writes the files (none if one exists already, unless `force`) and says where.
pub(super) fn write_files(cx: &CliContext, files: &[(PathBuf, &[u8])], force: bool) -> CliResult {
    let m = &cx.lang.text().minutes;
    match write_all(files, force) {
        Ok(()) => {
            for (path, _) in files {
                say!(
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

/// Whether this export goes to students as it is: the notice, public or not.
fn is_notice(format: Format) -> bool {
    matches!(format, Format::Notice | Format::NoticeHtml)
}

/// The guard before publishing: the places where the text may name a student of the group
/// or tell of one person's health or welfare, each in context on stderr, and a refusal
/// with how to publish anyway (`--checked`). Nothing found: on to the export.
fn guard(
    cx: &CliContext,
    store: &Store,
    record: &crate::model::SessionRecord,
    publication: Publication,
) -> CliResult {
    // The group file as it is now: a student who joined since can be named too.
    let group = store
        .groups()
        .groups
        .into_iter()
        .find(|g| g.id == record.group.id);
    refuse(
        cx,
        &export::guard::check_record(record, group.as_ref(), publication),
    )
}

/// The guard's hits, each in context on stderr, and a refusal with how to publish anyway
/// (`--checked`); no hit, no refusal. `parvi notice` refuses the same way.
pub(super) fn refuse(cx: &CliContext, hits: &[export::guard::Hit]) -> CliResult {
    let t = &cx.lang.text().guard;
    let lang = cx.lang;
    if hits.is_empty() {
        return Ok(());
    }
    tell!("{}", fill(t.cli_found, &[("n", &hits.len().to_string())]));
    for hit in hits {
        tell!("  {} · {}", hit.place.label(lang), hit.kind_label(lang));
        tell!("    {}", hit.marked());
    }
    Err(CliError::new(EXIT_FAILED, t.cli_refused).hint(t.cli_hint))
}

pub(super) fn write_failed(cx: &CliContext, path: &Path, e: &std::io::Error) -> CliError {
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

pub(super) fn to_stdout(export: &Export) -> CliResult {
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
