//! Printing for the command line: the translated clap command, errors with hints, and
//! the exit codes that go with them, plus the small helpers every command prints with
//! (aligned columns, dates in local time, durations).

use clap::CommandFactory;

use super::{Cli, CliContext, EXIT_FAILED, EXIT_LOCKED};
use crate::i18n::{Lang, Text, fill};
use crate::model::{GroupKind, Role};
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
            eprintln!("{}: {}", t.err_prefix, trim_lines(&self.message));
        }
        if let Some(hint) = &self.hint {
            eprintln!("{}: {}", t.err_hint, trim_lines(hint));
        }
    }
}

/// The result of a command.
pub type CliResult = Result<(), CliError>;

/// Prints an error, if any, and gives the exit code.
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
    let store = Store::open(cx.paths.clone()).map_err(|e| {
        let reason = match e {
            StoreError::Io { source, .. } => source.to_string(),
            other => other.to_string(),
        };
        CliError::new(
            EXIT_FAILED,
            fill(
                t.err_open_failed,
                &[
                    ("dir", &cx.paths.root.display().to_string()),
                    ("reason", &reason),
                ],
            ),
        )
    })?;
    for notice in &store.notices {
        match notice {
            Notice::ModeTightened { path, old } => eprintln!(
                "{}",
                fill(
                    t.load_mode_tightened,
                    &[
                        ("path", &path.display().to_string()),
                        ("old", &format!("{:04o}", old & 0o7777)),
                        ("new", "0700"),
                    ],
                )
            ),
        }
    }
    if let Some(busy) = &store.busy {
        return Err(locked(cx, busy.pid));
    }
    Ok(store)
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
    }
}

/// Lists files that could not be read, after whatever did load. Prints nothing when there
/// are none.
pub fn print_problems(lang: Lang, problems: &[Problem]) {
    if problems.is_empty() {
        return;
    }
    let t = lang.text();
    println!();
    println!(
        "{}",
        fill(
            t.cli_unreadable_files,
            &[("count", &problems.len().to_string())]
        )
    );
    for problem in problems {
        println!("  {}", problem.describe(lang));
    }
    println!("{}", t.load_untouched);
}

// ---- vocabulary on the command line -----------------------------------------------------

/// Every role key with its name in `lang`, one per line, for errors and help.
pub fn role_list(lang: Lang) -> String {
    let rows: Vec<Vec<String>> = Role::ALL
        .iter()
        .map(|r| vec![r.key().to_string(), crate::i18n::role(lang, *r).to_string()])
        .collect();
    columns(&rows, &[])
        .iter()
        .map(|l| format!("\n  {l}"))
        .collect()
}

/// Every group kind key with its name in `lang`, one per line.
pub fn kind_list(lang: Lang) -> String {
    let rows: Vec<Vec<String>> = GroupKind::ALL
        .iter()
        .map(|k| {
            vec![
                k.key().to_string(),
                crate::i18n::group_kind(lang, *k).to_string(),
            ]
        })
        .collect();
    columns(&rows, &[])
        .iter()
        .map(|l| format!("\n  {l}"))
        .collect()
}

fn key_form(value: &str) -> String {
    value.trim().to_lowercase().replace(['-', ' '], "_")
}

/// Parses a role: its key (`guidance_counsellor`, also `guidance-counsellor`), or its name
/// in any of the three languages (`opinto-ohjaaja`).
pub fn parse_role(lang: Lang, value: &str) -> Result<Role, CliError> {
    let key = key_form(value);
    let lower = value.trim().to_lowercase();
    Role::from_key(&key)
        .or_else(|| {
            Role::ALL.into_iter().find(|r| {
                Lang::ALL
                    .iter()
                    .any(|l| crate::i18n::role(*l, *r).to_lowercase() == lower)
            })
        })
        .ok_or_else(|| {
            let t = lang.text();
            CliError::new(
                super::EXIT_USAGE,
                fill(
                    t.err_bad_role,
                    &[("role", value.trim()), ("roles", &role_list(lang))],
                ),
            )
            .hint(t.hint_member_example)
        })
}

/// Parses a group kind by its key or its name in any language.
pub fn parse_kind(lang: Lang, value: &str) -> Result<GroupKind, CliError> {
    let key = key_form(value);
    let lower = value.trim().to_lowercase();
    GroupKind::from_key(&key)
        .or_else(|| {
            GroupKind::ALL.into_iter().find(|k| {
                Lang::ALL
                    .iter()
                    .any(|l| crate::i18n::group_kind(*l, *k).to_lowercase() == lower)
            })
        })
        .ok_or_else(|| {
            let t = lang.text();
            CliError::new(
                super::EXIT_USAGE,
                fill(
                    t.err_bad_kind,
                    &[("kind", value.trim()), ("kinds", &kind_list(lang))],
                ),
            )
            .hint(t.hint_kind_example)
        })
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
        println!("{indent}{line}");
    }
}

/// A date and time in the local time zone, written as people of `lang` write it.
pub fn datetime(lang: Lang, at: jiff::Timestamp) -> String {
    let zone = jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC);
    at.to_zoned_datetime(zone)
        .strftime(lang.text().cli_datetime_format)
        .to_string()
}

/// A duration as `m:ss`, or `h:mm:ss` from an hour up; rounded to the nearest second.
pub fn clock(ms: u64) -> String {
    let secs = (ms + 500) / 1000;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// A number of minutes with the unit (`10 min`).
pub fn minutes(t: &Text, minutes: u32) -> String {
    format!("{minutes} {}", t.minutes_short)
}

// ---- translated help ---------------------------------------------------------------------

/// The about text of the command at `path` (`[]` is parvi itself, `["groups", "add"]`).
pub fn command_help(t: &Text, path: &[&str]) -> Option<&'static str> {
    Some(match path {
        [] => t.help_about,
        ["groups"] => t.help_groups,
        ["groups", "list"] => t.help_groups_list,
        ["groups", "show"] => t.help_groups_show,
        ["groups", "add"] => t.help_groups_add,
        ["groups", "edit"] => t.help_groups_edit,
        ["groups", "remove"] => t.help_groups_remove,
        ["formats"] => t.help_formats,
        ["formats", "list"] => t.help_formats_list,
        ["formats", "show"] => t.help_formats_show,
        ["formats", "check"] => t.help_formats_check,
        ["sessions"] => t.help_sessions,
        ["sessions", "list"] => t.help_sessions_list,
        ["sessions", "show"] => t.help_sessions_show,
        ["sessions", "search"] => t.review.help_sessions_search,
        ["stats"] => t.review.help_stats,
        ["paths"] => t.help_paths,
        ["export"] => t.minutes.help_export,
        ["run"] => t.help_run,
        _ => return None,
    })
}

/// The help text of argument `id` of the command at `path`.
pub fn arg_help(t: &Text, path: &[&str], id: &str) -> Option<&'static str> {
    // The global and built-in flags read the same everywhere.
    match id {
        "help" => return Some(t.help_flag_help),
        "version" => return Some(t.help_flag_version),
        "data_dir" => return Some(t.help_data_dir),
        "lang" => return Some(t.help_lang),
        _ => {}
    }
    Some(match (path, id) {
        (["groups", "show" | "edit" | "remove"], "group") => t.help_arg_group,
        (["groups", "add"], "name") => t.help_arg_group_name,
        (["groups", "add" | "edit"], "kind") => t.help_arg_kind,
        (["groups", "add" | "edit"], "site") => t.help_arg_site,
        (["groups", "add"], "member") => t.help_arg_member,
        (["groups", "edit"], "name") => t.help_arg_new_name,
        (["groups", "edit"], "add") => t.help_arg_add,
        (["groups", "edit"], "remove") => t.help_arg_remove_member,
        (["groups", "edit"], "rename") => t.help_arg_rename,
        (["groups", "edit"], "role") => t.help_arg_role,
        (["groups", "edit"], "move") => t.help_arg_move,
        (["groups", "remove"], "yes") => t.help_arg_yes,
        (["formats", "show"], "format") => t.help_arg_format,
        (["formats", "check"], "files") => t.help_arg_files,
        (["sessions", "list"], "group") => t.help_arg_filter_group,
        (["sessions", "show"], "session") => t.help_arg_session,
        (["sessions", "search"], "text") => t.review.help_arg_search_text,
        (["sessions", "search"], "group") => t.help_arg_filter_group,
        (["stats"], "group") => t.review.help_arg_stats_group,
        (["run"], "group") => t.help_arg_run_group,
        (["export"], "session") => t.help_arg_session,
        (["export"], "format") => t.minutes.help_arg_format,
        (["export"], "public") => t.minutes.help_arg_public,
        (["export"], "output") => t.minutes.help_arg_output,
        (["export"], "force") => t.minutes.help_arg_force,
        (["run"], "format") => t.help_arg_run_format,
        (["run"], "topic") => t.help_arg_topic,
        _ => return None,
    })
}

/// The clap command with help texts in `lang`: every `about` and `help` comes from the
/// catalogue (English too, so the three languages stay in step), and for Finnish and
/// Swedish the headings of the help screen are translated as well.
pub fn localized_command(lang: Lang) -> clap::Command {
    let t = lang.text();
    let mut cmd = Cli::command();
    // Building adds `--help`, `--version` and the global flags to every subcommand, so
    // they can be translated like any other argument.
    cmd.build();
    localize(cmd, &[], lang).after_help(t.help_exit_codes)
}

/// The placeholder clap shows for an argument's value, untranslated; `None` for a flag.
fn value_key(arg: &clap::Arg) -> Option<String> {
    if !arg.get_num_args().is_some_and(|n| n.takes_values()) {
        return None;
    }
    Some(
        arg.get_value_names()
            .and_then(|names| names.first())
            .map(ToString::to_string)
            .unwrap_or_else(|| arg.get_id().as_str().to_uppercase()),
    )
}

/// The placeholder in the user's language (`<RYHMÄ>`), so errors and help never mix in
/// English words. The English catalogue's placeholders are the keys: clap's own names.
pub fn value_name(t: &Text, key: &str) -> Option<&'static str> {
    Lang::En
        .text()
        .value_names
        .iter()
        .position(|name| *name == key)
        .map(|i| t.value_names[i])
}

fn localize(mut cmd: clap::Command, path: &[&str], lang: Lang) -> clap::Command {
    let t = lang.text();
    if let Some(about) = command_help(t, path) {
        cmd = cmd.about(about);
    }
    if cmd.has_subcommands()
        && let Some(name) = value_name(t, "COMMAND")
    {
        cmd = cmd.subcommand_value_name(name);
    }
    cmd = cmd.mut_args(|arg| {
        let id = arg.get_id().as_str().to_string();
        let arg = match arg_help(t, path, &id) {
            Some(help) => arg.help(help),
            None => arg,
        };
        let arg = match value_key(&arg).and_then(|key| value_name(t, &key)) {
            Some(name) => arg.value_name(name),
            None => arg,
        };
        // clap writes "[default: md]" in English; an empty default says nothing at all.
        let default: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .filter(|v| !v.is_empty())
            .collect();
        let arg = match (arg.get_help().map(ToString::to_string), default.is_empty()) {
            (Some(help), false) => arg.hide_default_value(true).help(format!(
                "{help} {}",
                fill(t.help_default, &[("value", &default.join(", "))])
            )),
            _ => arg.hide_default_value(true),
        };
        // The global flags come last in every subcommand's help, after its own.
        let arg = match id.as_str() {
            "data_dir" => arg.display_order(1000),
            "lang" => arg.display_order(1001),
            "help" => arg.display_order(1002),
            "version" => arg.display_order(1003),
            _ => arg,
        };
        if lang == Lang::En {
            arg
        } else if arg.is_positional() {
            arg.help_heading(t.help_heading_arguments)
        } else {
            arg.help_heading(t.help_heading_options)
        }
    });
    if lang != Lang::En {
        // clap writes `[OPTIONS]` in the usage line itself, so the line is written out here.
        let options = value_name(t, "OPTIONS").unwrap_or("OPTIONS");
        let usage = cmd.render_usage().to_string();
        let usage = usage
            .strip_prefix("Usage: ")
            .unwrap_or(&usage)
            .replace("[OPTIONS]", &format!("[{options}]"))
            .replace('{', "{{")
            .replace('}', "}}");
        cmd = cmd
            .subcommand_help_heading(t.help_heading_commands)
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{}: {usage}\n\n{{all-args}}{{after-help}}",
                t.help_usage
            ));
    }
    if matches!(path, ["groups", "add" | "edit"]) {
        cmd = cmd.after_help(format!(
            "{}:{}\n\n{}:{}",
            t.help_kinds_heading,
            kind_list(lang),
            t.help_roles_heading,
            role_list(lang)
        ));
    }
    if matches!(path, ["export"]) {
        cmd = cmd.after_help(t.minutes.help_after);
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let mut sub_path = path.to_vec();
        sub_path.push(name.as_str());
        cmd = cmd.mut_subcommand(&name, |sub| localize(sub, &sub_path, lang));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every visible command and argument, as (command path, argument id or None).
    fn everything() -> Vec<(Vec<String>, Option<String>)> {
        fn walk(
            cmd: &clap::Command,
            path: Vec<String>,
            out: &mut Vec<(Vec<String>, Option<String>)>,
        ) {
            out.push((path.clone(), None));
            for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                out.push((path.clone(), Some(arg.get_id().to_string())));
            }
            for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
                let mut p = path.clone();
                p.push(sub.get_name().to_string());
                walk(sub, p, out);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut out = Vec::new();
        walk(&cmd, Vec::new(), &mut out);
        out
    }

    #[test]
    fn help_i18n_covers_every_command_and_argument_in_every_language() {
        let all = everything();
        assert!(all.len() > 40, "the walk found only {} items", all.len());
        for lang in Lang::ALL {
            let t = lang.text();
            for (path, arg) in &all {
                let path: Vec<&str> = path.iter().map(String::as_str).collect();
                let text = match arg {
                    None => command_help(t, &path),
                    Some(id) => arg_help(t, &path, id),
                };
                assert!(
                    text.is_some_and(|s| !s.trim().is_empty()),
                    "{}: no help for {path:?} {arg:?}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn help_i18n_comes_from_the_catalogue() {
        for lang in Lang::ALL {
            let t = lang.text();
            let mut cmd = localized_command(lang);
            let help = cmd.render_help().to_string();
            assert!(help.contains(t.help_groups), "{help}");
            assert!(help.contains(t.help_flag_help), "{help}");
            assert!(
                help.contains(t.help_exit_codes.lines().next().unwrap()),
                "{help}"
            );
            let add = cmd
                .find_subcommand_mut("groups")
                .and_then(|g| g.find_subcommand_mut("add"))
                .unwrap();
            let help = add.render_long_help().to_string();
            assert!(help.contains(t.help_arg_member), "{help}");
            assert!(help.contains("guidance_counsellor"), "{help}");
            assert!(help.contains(crate::i18n::role(lang, Role::GuidanceCounsellor)));
        }
        let help = localized_command(Lang::Fi).render_help().to_string();
        assert!(help.contains("Käyttö: parvi"), "{help}");
        assert!(help.contains("Komennot:"), "{help}");
        assert!(help.contains("Valitsimet:"), "{help}");
    }

    /// A new argument gets a placeholder in every language, or this fails.
    #[test]
    fn every_value_placeholder_is_in_the_catalogue() {
        fn walk(cmd: &clap::Command, out: &mut Vec<String>) {
            out.extend(cmd.get_arguments().filter_map(value_key));
            for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
                walk(sub, out);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut keys = Vec::new();
        walk(&cmd, &mut keys);
        assert!(keys.len() > 15, "{keys:?}");
        for key in keys {
            assert!(
                Lang::En.text().value_names.contains(&key.as_str()),
                "no placeholder for {key}"
            );
        }
        let help = localized_command(Lang::Fi)
            .find_subcommand_mut("groups")
            .and_then(|g| g.find_subcommand_mut("show"))
            .unwrap()
            .render_help()
            .to_string();
        assert!(help.contains("<RYHMÄ>"), "{help}");
        assert!(!help.contains("<GROUP>"), "{help}");
    }

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

    #[test]
    fn clock_rounds_to_seconds() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(59_600), "1:00");
        assert_eq!(clock(3_725_000), "1:02:05");
    }

    #[test]
    fn roles_and_kinds_parse_by_key_or_name() {
        assert_eq!(
            parse_role(Lang::Fi, "guidance-counsellor"),
            Ok(Role::GuidanceCounsellor)
        );
        assert_eq!(
            parse_role(Lang::En, "Opinto-ohjaaja"),
            Ok(Role::GuidanceCounsellor)
        );
        assert_eq!(
            parse_role(Lang::Fi, "kuraattori"),
            Ok(Role::SchoolSocialWorker)
        );
        let e = parse_role(Lang::Fi, "velho").unwrap_err();
        assert_eq!(e.code, super::super::EXIT_USAGE);
        assert!(e.message.contains("student_union_rep"));
        assert!(e.message.contains("opiskelijakunnan edustaja"));
        assert_eq!(parse_kind(Lang::Sv, "STEERING"), Ok(GroupKind::Steering));
        assert!(
            parse_kind(Lang::Sv, "x")
                .unwrap_err()
                .message
                .contains("styrgrupp")
        );
    }
}
