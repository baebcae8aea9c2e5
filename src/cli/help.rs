//! The clap command in the user's language: every command's about text, every argument's
//! help and placeholder, the help screen's headings and usage line, and the lists of kinds
//! and roles after `groups add` and `groups edit`.

use clap::CommandFactory;

use super::Cli;
use super::vocabulary::{kind_list, role_list};
use crate::i18n::{Lang, Text, fill};

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
        ["groups", "conflicts"] => t.sync.help_groups,
        ["formats"] => t.help_formats,
        ["formats", "list"] => t.help_formats_list,
        ["formats", "show"] => t.help_formats_show,
        ["formats", "check"] => t.help_formats_check,
        ["sessions"] => t.help_sessions,
        ["sessions", "list"] => t.help_sessions_list,
        ["sessions", "show"] => t.help_sessions_show,
        ["sessions", "search"] => t.review.help_sessions_search,
        ["sessions", "conflicts"] => t.sync.help_sessions,
        ["stats"] => t.review.help_stats,
        ["paths"] => t.help_paths,
        ["export"] => t.minutes.help_export,
        ["report"] => t.report.help,
        ["notice"] => t.notice.help_notice,
        ["run"] => t.help_run,
        ["wall"] => t.wall.help,
        ["clock"] => t.clock.help_clock,
        ["clock", "show"] => t.clock.help_show,
        ["clock", "init"] => t.clock.help_init,
        ["clock", "diff"] => t.clock.help_diff,
        ["clock", "set"] => t.clock.help_set,
        ["clock", "edit"] => t.clock.help_edit,
        ["clock", "export"] => t.clock.help_export,
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
        (["sessions" | "groups", "conflicts"], "keep") => t.sync.help_arg_keep,
        (["sessions" | "groups", "conflicts"], "settle") => t.sync.help_arg_settle,
        (["stats"], "group") => t.review.help_arg_stats_group,
        (["run"], "group") => t.help_arg_run_group,
        (["export"], "session") => t.help_arg_session,
        (["export"], "format") => t.minutes.help_arg_format,
        (["export"], "public") => t.minutes.help_arg_public,
        (["export"], "output") => t.minutes.help_arg_output,
        (["export"], "force") => t.minutes.help_arg_force,
        (["report"], "group") => t.report.help_arg_group,
        (["report"], "all") => t.report.help_arg_all,
        (["report"], "year") => t.report.help_arg_year,
        (["report"], "format") => t.report.help_arg_format,
        (["report"], "public") => t.report.help_arg_public,
        (["report"], "output") => t.minutes.help_arg_output,
        (["report"], "force") => t.minutes.help_arg_force,
        (["export" | "notice" | "report"], "checked") => t.guard.help_arg_checked,
        (["notice"], "group") => t.notice.help_arg_group,
        (["notice"], "from") => t.notice.help_arg_from,
        (["notice"], "to") => t.notice.help_arg_to,
        (["notice"], "format") => t.notice.help_arg_format,
        (["notice"], "public") => t.notice.help_arg_public,
        (["notice"], "output") => t.notice.help_arg_output,
        (["notice"], "force") => t.notice.help_arg_force,
        (["run"], "format") => t.help_arg_run_format,
        (["run"], "topic") => t.help_arg_topic,
        (["run"], "phones") => t.phones.help_arg,
        (["clock", _], "group") => t.clock.help_arg_group,
        (["clock", _], "year") => t.clock.help_arg_year,
        (["clock", "show"], "month") => t.clock.help_arg_month,
        (["clock", "init"], "from") => t.clock.help_arg_from,
        (["clock", "init" | "export"], "force") => t.clock.help_arg_force,
        (["clock", "diff"], "with") => t.clock.help_arg_with,
        (["clock", "set"], "item") => t.clock.help_arg_item,
        (["clock", "set"], "status") => t.clock.help_arg_status,
        (["clock", "export"], "format") => t.clock.help_arg_format,
        (["clock", "export"], "output") => t.clock.help_arg_output,
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

/// Translates the command at `path` and, below it, every visible subcommand.
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
    cmd = cmd.mut_args(|arg| localize_arg(arg, path, lang));
    if lang != Lang::En {
        // After the arguments: the usage line is rendered from their translated placeholders.
        cmd = translate_usage_and_headings(cmd, t);
    }
    cmd = with_after_help(cmd, path, lang);
    localize_subcommands(cmd, path, lang)
}

/// One argument's help, placeholder, default, place in the list and heading.
fn localize_arg(arg: clap::Arg, path: &[&str], lang: Lang) -> clap::Arg {
    let t = lang.text();
    let id = arg.get_id().as_str().to_string();
    let arg = match arg_help(t, path, &id) {
        Some(help) => arg.help(help),
        None => arg,
    };
    let arg = match value_key(&arg).and_then(|key| value_name(t, &key)) {
        Some(name) => arg.value_name(name),
        None => arg,
    };
    let arg = global_flags_last(default_in_help(arg, t), &id);
    if lang == Lang::En {
        arg
    } else if arg.is_positional() {
        arg.help_heading(t.help_heading_arguments)
    } else {
        arg.help_heading(t.help_heading_options)
    }
}

/// clap writes "[default: md]" in English; the default goes into the translated help
/// instead. An empty default says nothing at all.
fn default_in_help(arg: clap::Arg, t: &Text) -> clap::Arg {
    let default: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .filter(|v| !v.is_empty())
        .collect();
    match (arg.get_help().map(ToString::to_string), default.is_empty()) {
        (Some(help), false) => arg.hide_default_value(true).help(format!(
            "{help} {}",
            fill(t.help_default, &[("value", &default.join(", "))])
        )),
        _ => arg.hide_default_value(true),
    }
}

/// The global flags come last in every subcommand's help, after its own.
fn global_flags_last(arg: clap::Arg, id: &str) -> clap::Arg {
    match id {
        "data_dir" => arg.display_order(1000),
        "lang" => arg.display_order(1001),
        "help" => arg.display_order(1002),
        "version" => arg.display_order(1003),
        _ => arg,
    }
}

/// The headings and the usage line in Finnish or Swedish. clap writes `[OPTIONS]` in the
/// usage line itself, so the line is written out here.
fn translate_usage_and_headings(mut cmd: clap::Command, t: &Text) -> clap::Command {
    let options = value_name(t, "OPTIONS").unwrap_or("OPTIONS");
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .strip_prefix("Usage: ")
        .unwrap_or(&usage)
        .replace("[OPTIONS]", &format!("[{options}]"))
        .replace('{', "{{")
        .replace('}', "}}");
    cmd.subcommand_help_heading(t.help_heading_commands)
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{}: {usage}\n\n{{all-args}}{{after-help}}",
            t.help_usage
        ))
}

/// What follows a command's help: the kinds and roles for `groups add` and `groups edit`,
/// the formats for `export`.
fn with_after_help(cmd: clap::Command, path: &[&str], lang: Lang) -> clap::Command {
    let t = lang.text();
    match path {
        ["groups", "add" | "edit"] => cmd.after_help(format!(
            "{}:{}\n\n{}:{}",
            t.help_kinds_heading,
            kind_list(lang),
            t.help_roles_heading,
            role_list(lang)
        )),
        ["export"] => cmd.after_help(t.minutes.help_after),
        _ => cmd,
    }
}

fn localize_subcommands(mut cmd: clap::Command, path: &[&str], lang: Lang) -> clap::Command {
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
    use crate::model::Role;

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
}
