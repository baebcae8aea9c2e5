//! `parvi notice --group GROUP --from DATE --to DATE [--format notice|notice-html] [-o PATH]
//! [--force] [--checked]`: "Sanoitte, teimme" for a term (`export::notice::term`), in the
//! language of `--lang`. Always public (`--public` is accepted and changes nothing).
//!
//! The meetings are those of the group that started in the period, both days included, in
//! the local zone: picked by the index's summaries and only they are read. The actions'
//! latest state comes from the group's figures (`figures.jsonl`), so that an action done at
//! a meeting after the period shows as done. Before anything is written the guard reads
//! every text the notice publishes and refuses as `parvi export` does, until `--checked`.
//!
//! Where it goes: standard output, or with `-o` a file (or into a directory under
//! `<from>_<to>_<group>_notice.txt`), written atomically with mode 0600, never over an
//! existing file without `--force`.

use std::path::PathBuf;

use clap::Args;
use jiff::civil::Date;

use super::output::{self, CliError, CliResult};
use super::{CliContext, EXIT_FAILED, EXIT_USAGE};
use crate::export::notice::{Term, term_file};
use crate::export::{Export, Format, Options};
use crate::i18n::fill;
use crate::i18n::words::format_date;
use crate::model::figures::all_actions;
use crate::store::Store;
use crate::store::exports::zone;

/// Arguments of `parvi notice`.
#[derive(Debug, Args)]
pub struct NoticeArgs {
    /// The group (id or name).
    #[arg(long, value_name = "GROUP")]
    pub group: String,
    /// The first day of the period: 1.8.2026 or 2026-08-01.
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// The last day of the period.
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// notice or notice-html.
    #[arg(long, value_name = "TYPE", default_value = "notice")]
    pub format: String,
    /// The notice is always public; accepted for the habit of `parvi export`.
    #[arg(long)]
    pub public: bool,
    #[command(flatten)]
    pub write: super::export::WriteArgs,
}

/// `parvi notice`: runs and gives the exit code.
pub fn run(cx: &CliContext, args: &NoticeArgs) -> u8 {
    output::finish(cx.lang, notice(cx, args))
}

/// A day as written on the command line: ISO `2026-08-01` or Finnish `1.8.2026`.
pub fn parse_day(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Ok(date) = text.parse::<Date>() {
        return Some(date);
    }
    let parts: Vec<&str> = text.split('.').collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i16>().ok())
            .flatten()
    };
    let (d, m, y) = (number(d, 1..=2)?, number(m, 1..=2)?, number(y, 4..=4)?);
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

fn notice(cx: &CliContext, args: &NoticeArgs) -> CliResult {
    let lang = cx.lang;
    let t = &lang.text().notice;
    let day = |arg: &str, value: &str| {
        parse_day(value).ok_or_else(|| {
            CliError::new(
                EXIT_USAGE,
                fill(t.err_date, &[("arg", arg), ("value", value)]),
            )
        })
    };
    let (from, to) = (day("--from", &args.from)?, day("--to", &args.to)?);
    let format = match Format::from_key(&args.format) {
        Some(f @ (Format::Notice | Format::NoticeHtml)) => f,
        _ => {
            return Err(CliError::new(
                EXIT_USAGE,
                fill(t.err_format, &[("value", &args.format)]),
            ));
        }
    };
    if from > to {
        return Err(CliError::new(
            EXIT_USAGE,
            fill(
                t.err_order,
                &[
                    ("from", &format_date(lang, from)),
                    ("to", &format_date(lang, to)),
                ],
            ),
        ));
    }

    let store = Store::open_read_only(cx.paths.clone());
    let sessions = store.sessions();
    let (group_id, group_name) =
        super::stats::resolve_group(cx, &store, &sessions.summaries, &args.group)?;
    let zone = zone();
    let in_period: Vec<_> = sessions
        .summaries
        .iter()
        .filter(|s| s.group_id == group_id)
        .filter(|s| {
            let day = s.started_at.to_zoned_datetime(zone.clone()).date();
            from <= day && day <= to
        })
        .collect();
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for summary in in_period {
        match store.load_session(&cx.paths.sessions().join(&summary.file)) {
            Ok((record, _)) => records.push(record),
            Err(problem) => problems.push(problem),
        }
    }
    output::print_problems(lang, &problems);
    if records.is_empty() {
        return Err(CliError::new(
            EXIT_FAILED,
            fill(
                t.err_empty,
                &[
                    ("group", &group_name),
                    ("from", &format_date(lang, from)),
                    ("to", &format_date(lang, to)),
                ],
            ),
        ));
    }

    // Every action as the group's last meeting left it, and that meeting's day.
    let (figures, problems) = store.group_figures_in(&sessions.summaries, &group_id);
    output::print_problems(lang, &problems);
    let actions = all_actions(&figures);
    let as_of = figures
        .iter()
        .map(|f| f.started_at)
        .chain(records.iter().map(|r| r.started_at()))
        .max()
        .map(|at| at.to_zoned_datetime(zone.clone()).date())
        .unwrap_or(to);

    if !args.write.checked {
        let group = store.groups().groups.into_iter().find(|g| g.id == group_id);
        let hits = crate::export::guard::check_term(&records, &actions, group.as_ref(), &zone);
        super::export::refuse(cx, &hits)?;
    }

    let term = Term {
        group: &group_name,
        from,
        to,
        records: &records,
        actions: &actions,
        as_of,
    };
    let options = Options {
        format,
        lang,
        public: true,
        zone,
        number: None,
    };
    let export = Export {
        format,
        files: crate::export::terminal_safe(vec![term_file(&term, &options)], format),
    };
    let files: Vec<(PathBuf, &[u8])> = match &args.write.output {
        None => return super::export::to_stdout(&export),
        Some(dir) if dir.is_dir() => export.files_in(dir, false),
        Some(path) => vec![(path.clone(), export.files[0].contents.as_slice())],
    };
    super::export::write_files(cx, &files, args.write.force)
}

#[cfg(test)]
mod tests {
    use super::parse_day;
    use jiff::civil::date;

    #[test]
    fn days_are_iso_or_finnish() {
        assert_eq!(parse_day("2026-08-01"), Some(date(2026, 8, 1)));
        assert_eq!(parse_day("1.8.2026"), Some(date(2026, 8, 1)));
        assert_eq!(parse_day(" 31.12.2026 "), Some(date(2026, 12, 31)));
        for bad in [
            "",
            "1.8.",
            "1.8.26",
            "32.1.2026",
            "29.2.2027",
            "2026-13-01",
            "eilen",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }
}
