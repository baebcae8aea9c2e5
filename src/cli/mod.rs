//! The command line: argument definitions (clap), the language and data directory
//! choice, and dispatch to one module per command group.
//!
//! Exit codes (also in `--help` and the README):
//! 0 done; 1 not found or refused; 2 wrong usage; 3 a file is broken or a format has
//! mistakes; 4 another parvi holds the data directory.

pub mod app;
pub mod clock;
pub mod conflicts;
pub mod export;
pub mod formats;
pub mod groups;
pub mod help;
pub mod notice;
pub mod output;
pub mod report;
pub mod sessions;
pub mod stats;
pub mod stress;
pub mod usage;
pub mod vocabulary;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::i18n::Lang;
use crate::store::{Paths, Store};

/// Exit code: wrong usage (clap's own).
pub const EXIT_USAGE: u8 = 2;
/// Exit code: something named was not found, or the command was refused.
pub const EXIT_FAILED: u8 = 1;
/// Exit code: a file is broken, or a format has mistakes.
pub const EXIT_BAD_DATA: u8 = 3;
/// Exit code: another parvi holds the data directory.
pub const EXIT_LOCKED: u8 = 4;

/// parvi: participatory meetings on one shared screen.
#[derive(Debug, Parser)]
#[command(name = "parvi", version, about, disable_help_subcommand = true)]
pub struct Cli {
    /// The data directory (default: PARVI_DATA_DIR, else the platform's data directory).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The interface language: fi, sv or en (default: the settings, else LANG).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_lang(value: &str) -> Result<Lang, String> {
    Lang::parse(value).ok_or_else(|| "fi, sv, en".to_string())
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Groups and their members.
    #[command(subcommand)]
    Groups(GroupsCommand),
    /// Meeting formats: the built-in ones and your own.
    #[command(subcommand)]
    Formats(FormatsCommand),
    /// Saved meetings.
    #[command(subcommand)]
    Sessions(SessionsCommand),
    /// Start a meeting straight away.
    Run(app::RunArgs),
    /// Show the running meeting to the room, in a second window.
    Wall,
    /// A group's participation figures per meeting and in total, and its open actions.
    Stats(stats::StatsArgs),
    /// A group's wellbeing year clock.
    #[command(subcommand)]
    Clock(clock::ClockCommand),
    /// Export a saved meeting as minutes.
    Export(export::ExportArgs),
    /// A group's yearly participation report, or several groups side by side.
    Report(report::ReportArgs),
    /// "You said, we did" to students for a group's meetings in a period.
    Notice(notice::NoticeArgs),
    /// Show where parvi keeps its files.
    Paths,
    /// Save repeatedly until killed (for the crash tests).
    #[command(name = "__save-stress", hide = true)]
    SaveStress(stress::StressArgs),
}

#[derive(Debug, Subcommand)]
pub enum GroupsCommand {
    /// List the groups.
    List,
    /// Show a group and its members.
    Show {
        /// The group's id or name.
        group: String,
    },
    /// Create a group.
    Add(groups::AddArgs),
    /// Change a group: its name, kind, site or members.
    Edit(groups::EditArgs),
    /// Remove a group (its saved meetings stay).
    Remove {
        /// The group's id or name.
        group: String,
        /// Really remove it.
        #[arg(long)]
        yes: bool,
    },
    /// Groups' conflict copies from syncing: what differs, and keeping one.
    Conflicts(conflicts::ConflictsArgs),
}

#[derive(Debug, Subcommand)]
pub enum FormatsCommand {
    /// List the formats.
    List,
    /// Show a format's phases, timings and prompts.
    Show {
        /// The format's name.
        format: String,
    },
    /// Check your own format files and explain each mistake by line and field.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum SessionsCommand {
    /// List saved meetings, newest first.
    List(sessions::ListArgs),
    /// Show a saved meeting.
    Show {
        /// The meeting's id (the first characters are enough).
        session: String,
    },
    /// Find meetings by words in their titles, notes, ideas, votes, decisions and actions.
    Search(stats::SearchArgs),
    /// Meetings' conflict copies from syncing: what differs, and keeping one.
    Conflicts(conflicts::ConflictsArgs),
}

/// What every command needs: the language and the data directory.
#[derive(Debug)]
pub struct CliContext {
    pub lang: Lang,
    pub paths: Paths,
}

fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).map(PathBuf::from)
}

fn locale() -> Vec<Option<String>> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .map(|v| std::env::var(v).ok())
        .chain(system_locale())
        .collect()
}

/// Windows has no LANG: the display language of the user's Windows (sv-FI, fi-FI) comes
/// after the variables, so that one set in a terminal still wins.
#[cfg(windows)]
fn system_locale() -> Option<Option<String>> {
    Some(sys_locale::get_locale())
}

/// Elsewhere the variables are the locale.
#[cfg(not(windows))]
fn system_locale() -> Option<Option<String>> {
    None
}

/// Finds `--lang` and `--data-dir` in the raw arguments, ignoring everything else.
fn early_options(args: &[std::ffi::OsString]) -> (Option<Lang>, Option<PathBuf>) {
    let mut lang = None;
    let mut data_dir = None;
    let mut iter = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        if let Some(v) = arg.strip_prefix("--lang=") {
            lang = Lang::parse(v);
        } else if arg == "--lang" {
            lang = iter.next().as_deref().and_then(Lang::parse);
        } else if let Some(v) = arg.strip_prefix("--data-dir=") {
            data_dir = Some(PathBuf::from(v));
        } else if arg == "--data-dir" {
            data_dir = iter.next().map(PathBuf::from);
        }
    }
    (lang, data_dir)
}

/// Runs parvi with the process's arguments.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let (flag_lang, flag_dir) = early_options(&args);
    let Some(paths) = Paths::choose(flag_dir, env_path(crate::store::paths::DATA_DIR_ENV)) else {
        eprintln!("parvi: no home directory; give --data-dir DIR");
        return ExitCode::from(EXIT_FAILED);
    };
    let config_lang = Store::open_read_only(paths.clone())
        .config()
        .ok()
        .and_then(|c| c.lang);
    let lang = Lang::choose(flag_lang, config_lang, &locale());
    let cli = match help::localized_command(lang).try_get_matches_from(&args) {
        Ok(matches) => match <Cli as clap::FromArgMatches>::from_arg_matches(&matches) {
            Ok(cli) => cli,
            Err(e) => return exit_clap(e, lang),
        },
        Err(e) => return exit_clap(e, lang),
    };
    let cx = CliContext { lang, paths };
    let code = match cli.command {
        None => app::open(&cx),
        Some(Command::Run(args)) => app::run(&cx, &args),
        Some(Command::Wall) => app::wall(&cx),
        Some(Command::Groups(cmd)) => groups::run(&cx, cmd),
        Some(Command::Formats(cmd)) => formats::run(&cx, cmd),
        Some(Command::Sessions(cmd)) => sessions::run(&cx, cmd),
        Some(Command::Stats(args)) => stats::run(&cx, &args),
        Some(Command::Clock(cmd)) => clock::run(&cx, cmd),
        Some(Command::Export(args)) => export::run(&cx, &args),
        Some(Command::Report(args)) => report::run(&cx, &args),
        Some(Command::Notice(args)) => notice::run(&cx, &args),
        Some(Command::Paths) => sessions::paths(&cx),
        Some(Command::SaveStress(args)) => stress::run(&args),
    };
    ExitCode::from(code)
}

/// Help and version go to stdout as clap writes them; usage errors to stderr, in the user's
/// language where there is a translation.
fn exit_clap(e: clap::Error, lang: Lang) -> ExitCode {
    // A usage error quotes the user's words, which may hold escapes: it goes out through
    // `tell!` (plain, without clap's colours); help and version are parvi's own text.
    match usage::message(&e, lang) {
        Some(text) => output::tell!("{text}"),
        None if e.use_stderr() => output::tell!("{}", e.render()),
        None => {
            let _ = e.print();
        }
    }
    ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { 0 })
}
