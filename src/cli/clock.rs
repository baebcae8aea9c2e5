//! `parvi clock show|init|diff|set|export --group GROUP`: a group's wellbeing year clock
//! from the command line: read it, start it from the template or another group's clock,
//! compare two sites, mark an item's status for a school year, and export it.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use jiff::civil::Date;

use super::output::{self, CliError, CliResult, say};
use super::{CliContext, EXIT_BAD_DATA, EXIT_FAILED, EXIT_USAGE};
use crate::export;
use crate::i18n::clock::{part, status as status_name};
use crate::i18n::{Lang, fill};
use crate::model::Group;
use crate::model::clock::compare::{Difference, copy_for, diff};
use crate::model::clock::{ItemStatus, SchoolYear, YearClock};
use crate::store::Store;
use crate::store::exports::{WriteError, write_all};

#[derive(Debug, Subcommand)]
pub enum ClockCommand {
    /// Show the clock month by month.
    Show(ShowArgs),
    /// Start the group's clock from the template or another group's clock.
    Init(InitArgs),
    /// Compare two groups' clocks.
    Diff(DiffArgs),
    /// Mark an item's status for a school year.
    Set(SetArgs),
    /// Edit the clock in a text editor.
    Edit(EditArgs),
    /// Export the clock as html, csv or ics.
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The group's id or name.
    #[arg(long, value_name = "GROUP")]
    pub group: String,
    /// The school year, e.g. 2026-2027.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,
    /// Only this month (1-12).
    #[arg(long, value_name = "MONTH")]
    pub month: Option<String>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The group's id or name.
    #[arg(long, value_name = "GROUP")]
    pub group: String,
    /// Copy this group's clock instead of the template.
    #[arg(long, value_name = "GROUP")]
    pub from: Option<String>,
    /// Replace an existing clock.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The group's id or name.
    #[arg(long, value_name = "GROUP")]
    pub group: String,
    /// The group to compare with.
    #[arg(long, value_name = "GROUP")]
    pub with: String,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The group's id or name.
    #[arg(long, value_name = "GROUP")]
    pub group: String,
    /// The item's id (k1, k2…).
    #[arg(value_name = "ITEM")]
    pub item: String,
    /// planned, underway, done or skipped.
    #[arg(long, value_name = "STATUS")]
    pub status: String,
    /// The school year, e.g. 2026-2027.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The group's id or name.
    #[arg(long, value_name = "GROUP")]
    pub group: String,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The group's id or name.
    #[arg(long, value_name = "GROUP")]
    pub group: String,
    /// html, csv or ics.
    #[arg(long, value_name = "TYPE", default_value = "html")]
    pub format: String,
    /// The school year, e.g. 2026-2027.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,
    /// The file to write.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

pub fn run(cx: &CliContext, command: ClockCommand) -> u8 {
    let result = match command {
        ClockCommand::Show(args) => show(cx, &args),
        ClockCommand::Init(args) => init(cx, &args),
        ClockCommand::Diff(args) => compare(cx, &args),
        ClockCommand::Set(args) => set(cx, &args),
        ClockCommand::Edit(args) => edit(cx, &args),
        ClockCommand::Export(args) => export_clock(cx, &args),
    };
    output::finish(cx.lang, result)
}

/// Today, in the time zone the exports use.
fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned_datetime(crate::store::exports::zone())
        .date()
}

/// The school year asked for, else the current one.
fn school_year(lang: Lang, year: Option<&str>) -> Result<SchoolYear, CliError> {
    match year {
        None => Ok(SchoolYear::of(today())),
        Some(text) => SchoolYear::parse(text).ok_or_else(|| {
            CliError::new(
                EXIT_USAGE,
                fill(lang.text().clock.bad_year, &[("value", text)]),
            )
        }),
    }
}

/// The group named on the command line.
fn group(cx: &CliContext, store: &Store, query: &str) -> Result<Group, CliError> {
    let groups = store.groups().groups;
    super::groups::find_group(cx.lang, &groups, query).cloned()
}

/// The group's clock; a group without one is told how to start it, and a broken file is
/// reported (exit 3) and left alone.
fn clock_of(cx: &CliContext, store: &Store, group: &Group) -> Result<YearClock, CliError> {
    let t = &cx.lang.text().clock;
    match store.clock(&group.id) {
        Ok(Some((clock, _))) => Ok(clock),
        Ok(None) => Err(CliError::new(
            EXIT_FAILED,
            fill(t.no_clock, &[("group", &group.name)]),
        )),
        Err(problem) => Err(CliError::new(
            EXIT_BAD_DATA,
            fill(t.broken, &[("problem", &problem.describe(cx.lang))]),
        )),
    }
}

fn show(cx: &CliContext, args: &ShowArgs) -> CliResult {
    let lang = cx.lang;
    let store = Store::open_read_only(cx.paths.clone());
    let group = group(cx, &store, &args.group)?;
    let year = school_year(lang, args.year.as_deref())?;
    let month = match &args.month {
        None => None,
        Some(text) => Some(
            text.trim()
                .parse::<u8>()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(|| {
                    CliError::new(
                        EXIT_USAGE,
                        fill(lang.text().clock.bad_month, &[("value", text)]),
                    )
                })?,
        ),
    };
    let clock = clock_of(cx, &store, &group)?;
    let text = export::clock::text(&clock, &group, year, month, today(), lang);
    say!("{}", text.trim_end());
    Ok(())
}

fn init(cx: &CliContext, args: &InitArgs) -> CliResult {
    let t = &cx.lang.text().clock;
    let store = output::open_for_writing(cx)?;
    let group = group(cx, &store, &args.group)?;
    if !args.force && !matches!(store.clock(&group.id), Ok(None)) {
        return Err(CliError::new(
            EXIT_FAILED,
            fill(t.exists, &[("group", &group.name)]),
        ));
    }
    let mut clock = match &args.from {
        Some(other) => {
            let other = self::group(cx, &store, other)?;
            copy_for(&group, &clock_of(cx, &store, &other)?)
        }
        None => crate::store::clocks::template().clock_for(&group, cx.lang),
    };
    let path = store
        .save_clock(&mut clock)
        .map_err(|e| output::store_error(cx, e))?;
    say!(
        "{}",
        fill(
            t.created,
            &[
                ("path", &path.display().to_string()),
                ("count", &clock.items.len().to_string()),
            ],
        )
    );
    Ok(())
}

fn compare(cx: &CliContext, args: &DiffArgs) -> CliResult {
    let lang = cx.lang;
    let t = &lang.text().clock;
    let store = Store::open_read_only(cx.paths.clone());
    let here_group = group(cx, &store, &args.group)?;
    let there_group = group(cx, &store, &args.with)?;
    let here = clock_of(cx, &store, &here_group)?;
    let there = clock_of(cx, &store, &there_group)?;
    let differences = diff(&here, &there);
    if differences.is_empty() {
        say!("{}", t.same);
        return Ok(());
    }
    let when = |item: &crate::model::clock::ClockItem| crate::i18n::clock::when(lang, item.when);
    for (heading, pick) in [
        (fill(t.only_in, &[("group", &here_group.name)]), 0),
        (fill(t.only_in, &[("group", &there_group.name)]), 1),
        (t.differ.to_string(), 2),
    ] {
        let lines: Vec<String> = differences
            .iter()
            .filter_map(|d| match (d, pick) {
                (Difference::OnlyHere(i), 0) | (Difference::OnlyThere(i), 1) => {
                    Some(format!("  {}  {} ({})", i.id, i.title, when(i)))
                }
                (Difference::Changed { here, parts, .. }, 2) => {
                    let parts: Vec<&str> = parts.iter().map(|p| part(lang, *p)).collect();
                    Some(format!(
                        "  {}  {}: {}",
                        here.id,
                        here.title,
                        parts.join(", ")
                    ))
                }
                _ => None,
            })
            .collect();
        if !lines.is_empty() {
            say!("{heading}");
            for line in lines {
                say!("{line}");
            }
        }
    }
    Ok(())
}

fn set(cx: &CliContext, args: &SetArgs) -> CliResult {
    let lang = cx.lang;
    let t = &lang.text().clock;
    let new = ItemStatus::from_key(args.status.trim()).ok_or_else(|| {
        let list: Vec<&str> = ItemStatus::ALL.iter().map(|s| s.key()).collect();
        CliError::new(
            EXIT_USAGE,
            fill(
                t.bad_status,
                &[("value", &args.status), ("list", &list.join(", "))],
            ),
        )
    })?;
    let year = school_year(lang, args.year.as_deref())?;
    let store = output::open_for_writing(cx)?;
    let group = group(cx, &store, &args.group)?;
    let mut clock = clock_of(cx, &store, &group)?;
    let id = args.item.trim().to_lowercase();
    let title = clock
        .item(&id)
        .map(|i| i.title.clone())
        .ok_or_else(|| CliError::new(EXIT_FAILED, fill(t.no_item, &[("item", &args.item)])))?;
    clock
        .set_status(&id, year, new)
        .map_err(|e| CliError::new(EXIT_FAILED, e.to_string()))?;
    store
        .save_clock(&mut clock)
        .map_err(|e| output::store_error(cx, e))?;
    say!(
        "{}",
        fill(
            t.status_set,
            &[
                ("item", &id),
                ("title", &title),
                ("status", status_name(lang, new)),
                ("year", &year.to_string()),
            ],
        )
    );
    Ok(())
}

/// `parvi clock edit`: the clock as JSON in the user's editor, like `crontab -e`. What comes
/// back is checked as any clock file is; one that does not check is kept as a draft, and the
/// next `edit` goes on from it, so no edit is lost to a typo.
fn edit(cx: &CliContext, args: &EditArgs) -> CliResult {
    let lang = cx.lang;
    let t = &lang.text().clock;
    let store = output::open_for_writing(cx)?;
    let group = group(cx, &store, &args.group)?;
    let clock = clock_of(cx, &store, &group)?;
    let draft = store
        .start_clock_draft(&clock)
        .map_err(|e| output::store_error(cx, e))?;
    run_editor(lang, &draft)?;
    let kept = || fill(t.edit_kept, &[("path", &draft.display().to_string())]);
    let invalid = |problem: String| {
        CliError::new(
            EXIT_BAD_DATA,
            fill(t.edit_invalid, &[("problem", &problem)]),
        )
        .hint(kept())
    };
    let mut edited = store
        .read_clock_draft(&group.id)
        .map_err(|p| invalid(p.reason.describe(lang)))?;
    if edited.group != group.id {
        return Err(invalid(fill(t.edit_other_group, &[("id", &edited.group)])));
    }
    edited.check().map_err(|e| invalid(e.to_string()))?;
    // The revision is the store's to count, whatever the draft says.
    edited.revision = clock.revision;
    let unchanged = edited == clock;
    if !unchanged {
        store
            .save_clock(&mut edited)
            .map_err(|e| output::store_error(cx, e))?;
    }
    // Saved (or nothing to save): the draft has done its work.
    let _ = std::fs::remove_file(&draft);
    if unchanged {
        say!("{}", t.edit_unchanged);
    } else {
        say!(
            "{}",
            fill(
                t.edit_saved,
                &[
                    ("path", &store.paths.clock(&group.id).display().to_string()),
                    ("count", &edited.items.len().to_string()),
                ],
            )
        );
    }
    Ok(())
}

/// Runs `$VISUAL`, else `$EDITOR`, else the system's plain editor, on `path`, and waits. The
/// variable may hold arguments (`code --wait`), so it goes through the shell, as git does.
fn run_editor(lang: Lang, path: &Path) -> CliResult {
    let t = &lang.text().clock;
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
        .unwrap_or_else(|| if cfg!(windows) { "notepad" } else { "vi" }.to_string());
    let status = if cfg!(windows) {
        std::process::Command::new("cmd")
            .arg("/C")
            .arg(format!("{editor} \"{}\"", path.display()))
            .status()
    } else {
        std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("{editor} \"$@\""))
            .arg("sh")
            .arg(path)
            .status()
    };
    let failed = |reason: String| {
        CliError::new(
            EXIT_FAILED,
            fill(
                t.edit_no_editor,
                &[("editor", &editor), ("reason", &reason)],
            ),
        )
        .hint(fill(t.edit_kept, &[("path", &path.display().to_string())]))
    };
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(failed(s.to_string())),
        Err(e) => Err(failed(e.to_string())),
    }
}

fn export_clock(cx: &CliContext, args: &ExportArgs) -> CliResult {
    let lang = cx.lang;
    let t = &lang.text().clock;
    let format = args.format.trim().to_lowercase();
    let year = school_year(lang, args.year.as_deref())?;
    let store = Store::open_read_only(cx.paths.clone());
    let group = group(cx, &store, &args.group)?;
    let clock = clock_of(cx, &store, &group)?;
    let bytes = match format.as_str() {
        "csv" => export::clock::csv(&clock, year, lang),
        "ics" => {
            export::clock::ics(&clock, &group, year, jiff::Timestamp::now(), lang).into_bytes()
        }
        "html" => export::clock_page::html(&clock, &group, year, today(), lang).into_bytes(),
        _ => {
            return Err(CliError::new(
                EXIT_USAGE,
                fill(t.bad_format, &[("value", &args.format)]),
            ));
        }
    };
    let bytes = export::safe_bytes(bytes, false);
    let Some(path) = &args.output else {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        return match out.write_all(&bytes).and_then(|()| out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(CliError::new(EXIT_FAILED, e.to_string()))
            }
            _ => Ok(()),
        };
    };
    write_file(cx, path, &bytes, args.force)
}

/// Writes one export file atomically (0600), refusing to replace one unless `force`.
fn write_file(cx: &CliContext, path: &Path, bytes: &[u8], force: bool) -> CliResult {
    let t = &cx.lang.text().clock;
    let shown = path.display().to_string();
    match write_all(&[(path.to_path_buf(), bytes)], force) {
        Ok(()) => {
            say!("{}", fill(t.written, &[("path", &shown)]));
            Ok(())
        }
        Err(WriteError::Exists(_)) => Err(CliError::new(
            EXIT_FAILED,
            fill(t.file_exists, &[("path", &shown)]),
        )),
        Err(WriteError::Io { source, .. }) => Err(CliError::new(
            EXIT_FAILED,
            fill(
                cx.lang.text().err_save_failed,
                &[("path", &shown), ("reason", &source.to_string())],
            ),
        )),
    }
}
