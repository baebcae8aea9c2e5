//! `parvi report --group GROUP [--group …] [--all] [--year 2026-2027] [--format html|md|csv]
//! [--public] [-o PATH]`: a group's yearly participation report, or several groups' side by
//! side for a network's peer review.
//!
//! Reads only: the figures come from the cache beside the index (`figures.jsonl`), with any
//! meeting it lacks read from its log, and the clock from the group's clock file.

use clap::Args;

use super::output::{self, CliError, CliResult};
use super::{CliContext, EXIT_USAGE};
use crate::export::guard::{self, Place, Published};
use crate::export::report::{self, ReportFormat, ReportOptions};
use crate::i18n::fill;
use crate::model::clock::SchoolYear;
use crate::model::report::GroupReport;
use crate::store::Store;
use crate::store::exports::zone;

/// Arguments of `parvi report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The group (id or name); repeated for several.
    #[arg(long, value_name = "GROUP")]
    pub group: Vec<String>,
    /// Every group.
    #[arg(long)]
    pub all: bool,
    /// The school year (`2026-2027`); the current one by default.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,
    /// html, md or csv.
    #[arg(long, value_name = "TYPE", default_value = "html", value_parser = parse_format)]
    pub format: ReportFormat,
    /// Say that it names nobody, after checking the group names.
    #[arg(long)]
    pub public: bool,
    #[command(flatten)]
    pub write: super::export::WriteArgs,
}

fn parse_format(value: &str) -> Result<ReportFormat, String> {
    ReportFormat::from_key(value).ok_or_else(|| "html, md, csv".to_string())
}

pub fn run(cx: &CliContext, args: &ReportArgs) -> u8 {
    output::finish(cx.lang, report_command(cx, args))
}

fn report_command(cx: &CliContext, args: &ReportArgs) -> CliResult {
    let lang = cx.lang;
    let t = &lang.text().report;
    let zone = zone();
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(zone.clone())
        .date();
    let year = match &args.year {
        Some(text) => SchoolYear::parse(text)
            .ok_or_else(|| CliError::new(EXIT_USAGE, fill(t.err_year, &[("year", text)])))?,
        None => SchoolYear::of(today),
    };
    // Keeps the caches when no other parvi runs, as `parvi stats` does.
    let store = Store::open_reader(cx.paths.clone());
    let sessions = store.sessions();
    let groups = store.groups().groups;
    let mut wanted: Vec<(String, String)> = Vec::new();
    if args.all {
        wanted.extend(groups.iter().map(|g| (g.id.clone(), g.name.clone())));
    }
    for query in &args.group {
        let found = super::stats::resolve_group(cx, &store, &sessions.summaries, query)?;
        if !wanted.iter().any(|(id, _)| *id == found.0) {
            wanted.push(found);
        }
    }
    if wanted.is_empty() {
        return Err(CliError::new(EXIT_USAGE, t.err_no_group));
    }
    let mut reports = Vec::new();
    let mut problems = Vec::new();
    for (id, name) in &wanted {
        let (figures, mut lacking) = store.group_figures_in(&sessions.summaries, id);
        problems.append(&mut lacking);
        let clock = store.clock(id).ok().flatten().map(|(clock, _)| clock);
        let mut report = GroupReport::of(&figures, clock.as_ref(), year, today, &zone);
        // A group without meetings still has its name and id in the report.
        report.group_id = id.clone();
        report.group_name = name.clone();
        reports.push(report);
    }
    if args.public && !args.write.checked {
        let texts: Vec<Published> = reports
            .iter()
            .map(|r| Published::new(Place::Other(r.group_id.clone()), r.group_name.clone()))
            .collect();
        let people: Vec<guard::Person> = groups.iter().flat_map(guard::group_people).collect();
        let hits = guard::check_texts(&texts, &people);
        super::export::refuse(cx, &hits)?;
    }
    let options = ReportOptions {
        format: args.format,
        lang,
        public: args.public,
        today,
    };
    let export = report::render(&reports, &options);
    output::print_problems(lang, &problems);
    super::export::deliver(cx, &export, args.write.output.as_deref(), args.write.force)
}
