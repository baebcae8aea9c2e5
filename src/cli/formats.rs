//! `parvi formats …`: list, show and check meeting formats.

use std::path::Path;

use super::output::{self, CliError, CliResult};
use super::{CliContext, EXIT_BAD_DATA, EXIT_FAILED, FormatsCommand};
use crate::cli::output::say;
use crate::i18n::{self, Lang, fill};
use crate::model::{Format, PhaseKind};
use crate::store::formats::{FormatOrigin, check_file};
use crate::store::{FormatEntry, Store};

pub fn run(cx: &CliContext, command: FormatsCommand) -> u8 {
    let result = match command {
        FormatsCommand::List => list(cx),
        FormatsCommand::Show { format } => show(cx, &format),
        FormatsCommand::Check { files } => check(cx, &files),
    };
    output::finish(cx.lang, result)
}

fn origin(lang: Lang, origin: &FormatOrigin) -> String {
    let t = lang.text();
    match origin {
        FormatOrigin::Builtin => t.cli_builtin.to_string(),
        FormatOrigin::File(path) => format!("{}: {}", t.cli_own, path.display()),
    }
}

fn list(cx: &CliContext) -> CliResult {
    let lang = cx.lang;
    let t = lang.text();
    let (entries, problems) = Store::open_read_only(cx.paths.clone()).formats();
    let mut rows = vec![vec![
        t.cli_name.to_string(),
        t.cli_col_title.to_string(),
        t.cli_col_phases.to_string(),
        t.cli_col_length.to_string(),
        t.cli_file.to_string(),
    ]];
    rows.extend(entries.iter().map(|e| {
        vec![
            e.format.name.clone(),
            e.format.title.get(lang).to_string(),
            e.format.phases.len().to_string(),
            output::minutes(t, e.format.total_minutes()),
            origin(lang, &e.origin),
        ]
    }));
    output::print_columns("", &rows, &[2, 3]);
    output::print_problems(lang, &problems);
    Ok(())
}

/// Finds a format by its name, else by its title in any language (case-insensitive).
pub fn find<'a>(entries: &'a [FormatEntry], query: &str) -> Option<&'a FormatEntry> {
    let wanted = query.trim().to_lowercase();
    entries
        .iter()
        .find(|e| e.format.name.to_lowercase() == wanted)
        .or_else(|| {
            entries.iter().find(|e| {
                Lang::ALL
                    .iter()
                    .any(|l| e.format.title.get(*l).to_lowercase() == wanted)
            })
        })
}

/// What sets a phase apart, in words: turn time, order, who speaks, passing.
fn phase_rules(lang: Lang, phase: &crate::model::Phase) -> String {
    let t = lang.text();
    let mut out = Vec::new();
    if let Some(seconds) = phase.turn_seconds {
        out.push(fill(t.cli_phase_turn, &[("seconds", &seconds.to_string())]));
    }
    if phase.kind == PhaseKind::Round || phase.kind == PhaseKind::Open {
        if phase.kind == PhaseKind::Round || phase.order.is_some() {
            out.push(i18n::order_rule(lang, phase.order.unwrap_or_default()).to_string());
        }
        if let Some(side) = phase.speakers {
            out.push(fill(
                t.cli_phase_speakers,
                &[("side", i18n::side(lang, side))],
            ));
        }
    }
    if phase.kind == PhaseKind::Round && !phase.pass_allowed {
        out.push(t.cli_phase_no_pass.to_string());
    }
    out.join(", ")
}

/// Prints a format's phases: number, title, kind, timebox, rules, then its prompt and text.
pub fn print_phases(lang: Lang, format: &Format) {
    let t = lang.text();
    let rows: Vec<Vec<String>> = format
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                format!("{}.", i + 1),
                p.title.get(lang).to_string(),
                i18n::phase_kind(lang, p.kind).to_string(),
                if p.minutes == 0 {
                    t.untimed.to_string()
                } else {
                    output::minutes(t, p.minutes)
                },
                phase_rules(lang, p),
            ]
        })
        .collect();
    let indent = " ".repeat(2 + rows.iter().map(|r| r[0].len()).max().unwrap_or(0) + 2);
    for (index, (line, phase)) in output::columns(&rows, &[0, 3])
        .iter()
        .zip(&format.phases)
        .enumerate()
    {
        say!("  {line}");
        let text = crate::model::format::phase_text(&format.phases, index, lang);
        for text in [phase.prompt.get(lang), text.as_str()] {
            for part in text.lines().filter(|l| !l.trim().is_empty()) {
                say!("{indent}{}", part.trim());
            }
        }
    }
}

fn show(cx: &CliContext, query: &str) -> CliResult {
    let lang = cx.lang;
    let t = lang.text();
    let (entries, _) = Store::open_read_only(cx.paths.clone()).formats();
    let Some(entry) = find(&entries, query) else {
        return Err(CliError::new(
            EXIT_FAILED,
            fill(t.err_no_such_format, &[("name", query.trim())]),
        )
        .hint(t.hint_formats_list));
    };
    let format = &entry.format;
    say!("{} ({})", format.title.get(lang), format.name);
    let description = format.description.get(lang);
    if !description.is_empty() {
        say!("{description}");
    }
    say!("{}: {}", t.cli_file, origin(lang, &entry.origin));
    say!();
    print_phases(lang, format);
    say!(
        "  {} {}",
        t.cli_total,
        output::minutes(t, format.total_minutes())
    );
    if !format.sources.is_empty() {
        say!();
    }
    for source in &format.sources {
        let license = if source.license.is_empty() {
            String::new()
        } else {
            format!(" ({})", source.license)
        };
        say!("{}: {}{license}", t.cli_source, source.title.get(lang));
        for extra in [source.url.as_str(), source.note.get(lang)] {
            if !extra.is_empty() {
                say!("  {extra}");
            }
        }
    }
    Ok(())
}

fn check(cx: &CliContext, files: &[std::path::PathBuf]) -> CliResult {
    let lang = cx.lang;
    let (entries, _) = Store::open_read_only(cx.paths.clone()).formats();
    let mut bad = false;
    for file in files {
        let named = (!file.exists())
            .then(|| find(&entries, &file.to_string_lossy()))
            .flatten();
        bad |= !match named {
            // A format's name instead of a file: the user's own file, or the built-in one.
            Some(FormatEntry {
                origin: FormatOrigin::File(path),
                ..
            }) => check_one(lang, path, &entries),
            Some(entry) => check_builtin(lang, &entry.format),
            None => check_one(lang, file, &entries),
        };
    }
    if bad {
        Err(CliError::silent(EXIT_BAD_DATA))
    } else {
        Ok(())
    }
}

/// A built-in format named on the command line: it has no file, but it is checked the same.
fn check_builtin(lang: Lang, format: &Format) -> bool {
    let t = lang.text();
    let file = format!("{} ({})", format.name, t.cli_builtin);
    let problems = format.problems(true);
    for problem in &problems {
        say!("{file}: {}: {}", problem.path, problem.message);
    }
    if problems.is_empty() {
        say!("{}", format_ok(lang, &file, format));
    }
    problems.is_empty()
}

fn format_ok(lang: Lang, file: &str, format: &Format) -> String {
    fill(
        lang.text().cli_format_ok,
        &[
            ("file", file),
            ("name", &format.name),
            ("phases", &format.phases.len().to_string()),
            ("minutes", &format.total_minutes().to_string()),
        ],
    )
}

/// Known formats whose name is a small typo away from a missing file's name
/// (`hyvinvontiryhma`), so `formats check` can ask "did you mean …?".
fn near_names<'a>(entries: &'a [FormatEntry], path: &Path) -> Vec<&'a str> {
    let typed = path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .to_lowercase();
    entries
        .iter()
        .map(|e| e.format.name.as_str())
        .filter(|name| {
            let allowed = (name.chars().count() / 4).max(2);
            output::edit_distance(&typed, name) <= allowed
        })
        .collect()
}

/// Checks one file and prints each mistake as `file:line: field: message`. Returns
/// whether the file is fine.
fn check_one(lang: Lang, path: &Path, known: &[FormatEntry]) -> bool {
    let t = lang.text();
    let file = path.display().to_string();
    let report = check_file(path);
    if let Some(reason) = report.unreadable {
        say!("{file}: {}", reason.describe(lang));
        let near = near_names(known, path);
        if !path.exists() && !near.is_empty() {
            let hint = fill(t.hint_did_you_mean, &[("matches", &near.join(", "))]);
            say!("{}: {hint}", t.err_hint);
        }
        return false;
    }
    if report.mistakes.is_empty()
        && let Some(format) = &report.format
    {
        say!("{}", format_ok(lang, &file, format));
        return true;
    }
    for mistake in &report.mistakes {
        let place = if mistake.line > 0 {
            format!("{file}:{}", mistake.line)
        } else {
            file.clone()
        };
        if mistake.field.is_empty() {
            say!("{place}: {}", mistake.message);
        } else {
            say!("{place}: {}: {}", mistake.field, mistake.message);
        }
    }
    say!(
        "{}",
        fill(
            t.cli_format_problems,
            &[
                ("file", &file),
                ("count", &report.mistakes.len().to_string())
            ],
        )
    );
    false
}
