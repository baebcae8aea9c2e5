//! The yearly participation report as files: Markdown, a print-ready HTML page with inline
//! SVG charts, and CSV, one tidy table per figure. One group, or several side by side for a
//! network's peer review (per-site figures only, never per person).
//!
//! The report is first laid out as [`Section`]s of typed cells; each format renders them, so
//! the three say the same. The figures come from [`crate::model::report::GroupReport`].

use jiff::civil::Date;

use super::csv::Sheet;
use super::html::escape;
use super::{Export, ExportFile};
use crate::i18n::words::{self, format_date, level_name, source_name};
use crate::i18n::{self, Lang, fill};
use crate::model::clock::SchoolYear;
use crate::model::outcomes::{Level, Source};
use crate::model::report::{GroupReport, pulse_mean};
use crate::model::role::Side;

mod svg;

/// The report's formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Markdown,
    Html,
    Csv,
}

impl ReportFormat {
    pub fn from_key(key: &str) -> Option<ReportFormat> {
        match key {
            "md" | "markdown" => Some(ReportFormat::Markdown),
            "html" => Some(ReportFormat::Html),
            "csv" => Some(ReportFormat::Csv),
            _ => None,
        }
    }
}

/// How to write the report.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub format: ReportFormat,
    pub lang: Lang,
    /// Say that it names nobody (the report never names a person; the guard checks the
    /// group names before it is written).
    pub public: bool,
    /// The day it is made.
    pub today: Date,
}

/// One cell: its kind decides how each format writes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(u64),
    /// A share 0–1: a percentage on the page, a decimal in CSV.
    Share(Option<f64>),
    /// An index or a mean, to two decimals.
    Decimal(Option<f64>),
    /// A length of time: minutes and seconds on the page, seconds in CSV.
    Millis(u64),
}

impl Cell {
    /// The cell as a page shows it: a share as a percentage, a length as minutes.
    pub fn shown(&self, lang: Lang) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Share(x) => words::percent(lang, *x),
            Cell::Decimal(x) => words::equity(lang, *x),
            Cell::Millis(ms) => words::length(*ms),
        }
    }

    /// Whether the cell is a number (right-aligned in a table).
    pub fn is_number(&self) -> bool {
        !matches!(self, Cell::Text(_))
    }

    /// For a spreadsheet: bare numbers, the language's decimal mark, empty for none.
    fn data(&self, lang: Lang) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Share(x) => x.map_or_else(String::new, |x| i18n::decimal(lang, x, 3)),
            Cell::Decimal(x) => x.map_or_else(String::new, |x| i18n::decimal(lang, x, 2)),
            Cell::Millis(ms) => (ms / 1000).to_string(),
        }
    }
}

/// A chart beside a table (HTML only): one value 0–`max` per label in each series.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    pub labels: Vec<String>,
    pub series: Vec<(String, Vec<Option<f64>>)>,
    pub max: f64,
    /// Values are shares, labelled as percentages.
    pub percent: bool,
}

/// A figure of the report: a heading, a table, perhaps a note and a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The CSV table's file name (`meetings`).
    pub key: &'static str,
    pub heading: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub note: Option<String>,
    pub chart: Option<Chart>,
}

/// The whole report laid out: title, lines under it, and each group's sections (with a
/// comparison first when there are several).
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub title: String,
    pub lines: Vec<String>,
    /// `(group name, sections)`; the name is empty for the comparison of sites.
    pub parts: Vec<(String, Vec<Section>)>,
}

/// Lays out the report of `reports` (one per group, the same school year).
pub fn layout(reports: &[GroupReport], options: &ReportOptions) -> Layout {
    let lang = options.lang;
    let t = &lang.text().report;
    let year = reports
        .first()
        .map_or_else(|| SchoolYear::of(options.today), |r| r.year);
    let year_text = format!("{}–{}", year.start, year.start + 1);
    let title = match reports {
        [one] => fill(t.title, &[("group", &one.group_name), ("year", &year_text)]),
        _ => fill(t.title_sites, &[("year", &year_text)]),
    };
    let meetings: usize = reports.iter().map(|r| r.meetings.len()).sum();
    let mut lines = vec![fill(
        t.made,
        &[
            ("date", &format_date(lang, options.today)),
            ("n", &meetings.to_string()),
        ],
    )];
    if options.public {
        lines.push(t.public_note.to_string());
    }
    lines.push(t.privacy_note.to_string());
    let mut parts = Vec::new();
    if reports.len() > 1 {
        parts.push((String::new(), vec![sites(reports, lang)]));
    }
    for report in reports {
        parts.push((report.group_name.clone(), group_sections(report, lang)));
    }
    Layout {
        title,
        lines,
        parts,
    }
}

/// The report in `options.format`: one file, or one CSV per figure.
pub fn render(reports: &[GroupReport], options: &ReportOptions) -> Export {
    let layout = layout(reports, options);
    let stem = file_stem(reports, options);
    let format = match options.format {
        ReportFormat::Markdown => super::Format::Markdown,
        ReportFormat::Html => super::Format::Html,
        ReportFormat::Csv => super::Format::Csv,
    };
    let one = |ext: &str, contents: String| {
        let name = format!("{stem}.{ext}");
        vec![ExportFile {
            short_name: name.clone(),
            name,
            media_type: format.media_type(),
            contents: contents.into_bytes(),
        }]
    };
    let files = match options.format {
        ReportFormat::Markdown => one("md", markdown(&layout, options.lang)),
        ReportFormat::Html => one("html", html(&layout, options.lang)),
        ReportFormat::Csv => csv_tables(&layout, reports.len() > 1, options.lang)
            .into_iter()
            .map(|(key, contents)| ExportFile {
                name: format!("{stem}_{key}.csv"),
                short_name: format!("{key}.csv"),
                media_type: format.media_type(),
                contents,
            })
            .collect(),
    };
    Export {
        format,
        files: super::terminal_safe(files, format),
    }
}

/// `raportti-2026-2027_<group>` (or `_toimipaikat` for several), `_public` when public.
fn file_stem(reports: &[GroupReport], options: &ReportOptions) -> String {
    let year = reports
        .first()
        .map_or_else(|| SchoolYear::of(options.today), |r| r.year);
    let who = match reports {
        [one] => crate::model::group::slug(&one.group_name),
        _ => "sites".to_string(),
    };
    let public = if options.public { "_public" } else { "" };
    format!("report-{}-{}_{who}{public}", year.start, year.start + 1)
}

// ---- the sections ------------------------------------------------------------------------

fn group_sections(r: &GroupReport, lang: Lang) -> Vec<Section> {
    let t = &lang.text().report;
    let mut sections = vec![overview(r, lang)];
    if r.meetings.is_empty() {
        return sections;
    }
    let labels: Vec<String> = r.meetings.iter().map(|m| short_date(m.date)).collect();
    sections.push(Section {
        key: "meetings",
        heading: t.meetings.to_string(),
        head: strings(&t.meeting_columns),
        rows: r
            .meetings
            .iter()
            .map(|m| {
                vec![
                    Cell::Text(format_date(lang, m.date)),
                    Cell::Count(m.present[0].into()),
                    Cell::Count(m.present[1].into()),
                    Cell::Count(m.present[2].into()),
                    Cell::Share(m.student_airtime),
                    Cell::Share(m.student_seats),
                    Cell::Decimal(m.equity),
                    Cell::Count(m.turns.into()),
                    Cell::Count(m.passes.into()),
                ]
            })
            .collect(),
        note: None,
        chart: Some(Chart {
            title: t.chart_shares.to_string(),
            labels: labels.clone(),
            series: vec![
                (
                    t.chart_series[0].to_string(),
                    r.meetings.iter().map(|m| m.student_airtime).collect(),
                ),
                (
                    t.chart_series[1].to_string(),
                    r.meetings.iter().map(|m| m.student_seats).collect(),
                ),
            ],
            max: 1.0,
            percent: true,
        }),
    });
    sections.push(Section {
        key: "equity",
        heading: t.chart_equity.to_string(),
        head: vec![
            t.meeting_columns[0].to_string(),
            t.meeting_columns[6].to_string(),
        ],
        rows: r
            .meetings
            .iter()
            .map(|m| {
                vec![
                    Cell::Text(format_date(lang, m.date)),
                    Cell::Decimal(m.equity),
                ]
            })
            .collect(),
        note: Some(t.equity_note.to_string()),
        chart: Some(Chart {
            title: t.chart_equity.to_string(),
            labels,
            series: vec![(
                t.meeting_columns[6].to_string(),
                r.meetings.iter().map(|m| m.equity).collect(),
            )],
            max: 1.0,
            percent: false,
        }),
    });
    sections.push(sides(r, lang));
    sections.push(origins(r, lang));
    sections.push(levels(r, lang));
    sections.push(actions(r, lang));
    sections.push(pulse(r, lang));
    sections.push(clock(r, lang));
    sections
}

fn overview(r: &GroupReport, lang: Lang) -> Section {
    let t = &lang.text().report;
    let held = r.meetings.len() as f64;
    let present = r.attendance();
    let mean = |n: u32| (held > 0.0).then(|| f64::from(n) / held);
    let (airtime, seats) = r.student_shares();
    let values = [
        Cell::Count(r.meetings.len() as u64),
        Cell::Count(r.unfinished.into()),
        Cell::Decimal(mean(present[0])),
        Cell::Decimal(mean(present[1])),
        Cell::Share(airtime),
        Cell::Share(seats),
        Cell::Decimal(r.mean_equity()),
        Cell::Count(r.totals.total.turns.into()),
        Cell::Count(r.totals.total.passes.into()),
        Cell::Count(r.ideas.into()),
        Cell::Count(r.decisions.into()),
        Cell::Count(r.actions.agreed.into()),
    ];
    Section {
        key: "summary",
        heading: t.overview.to_string(),
        head: vec![t.figure_column.to_string(), t.value_column.to_string()],
        rows: t
            .overview_rows
            .iter()
            .zip(values)
            .map(|(label, value)| vec![Cell::Text(label.to_string()), value])
            .collect(),
        note: r.meetings.is_empty().then(|| t.no_meetings.to_string()),
        chart: None,
    }
}

fn sides(r: &GroupReport, lang: Lang) -> Section {
    let t = &lang.text().report;
    let present = r.attendance();
    let rows = Side::ALL
        .iter()
        .filter(|side| {
            present[**side as usize] > 0 || r.totals.sides[**side as usize].airtime_ms > 0
        })
        .map(|&side| {
            let f = &r.totals.sides[side as usize];
            vec![
                Cell::Text(i18n::side(lang, side).to_string()),
                Cell::Count(present[side as usize].into()),
                Cell::Count(f.turns.into()),
                Cell::Count(f.passes.into()),
                Cell::Millis(f.airtime_ms),
                Cell::Share(r.totals.airtime_share(side)),
                Cell::Share(r.totals.seat_share(side)),
            ]
        })
        .collect();
    Section {
        key: "sides",
        heading: t.sides.to_string(),
        head: strings(&t.side_columns),
        rows,
        note: None,
        chart: None,
    }
}

fn origins(r: &GroupReport, lang: Lang) -> Section {
    let t = &lang.text().report;
    let names = Source::ALL.iter().map(|s| source_name(lang, *s));
    Section {
        key: "origins",
        heading: t.by_source.to_string(),
        note: None,
        ..counted(lang, 0, names, &r.decisions_by_source, &r.actions_by_source)
    }
}

fn levels(r: &GroupReport, lang: Lang) -> Section {
    let t = &lang.text().report;
    let names = Level::ALL.iter().map(|l| level_name(lang, *l));
    Section {
        key: "levels",
        heading: t.by_level.to_string(),
        note: Some(t.level_note.to_string()),
        ..counted(lang, 1, names, &r.decisions_by_level, &r.actions_by_level)
    }
}

/// A table of decisions and actions counted by origin column `column` (0 the source, 1 the
/// level): a row per name, the "not said" row last. The caller names the section.
fn counted<'a>(
    lang: Lang,
    column: usize,
    names: impl Iterator<Item = &'a str>,
    decisions: &[u32; 6],
    actions: &[u32; 6],
) -> Section {
    let t = &lang.text().report;
    Section {
        key: "",
        heading: String::new(),
        head: [lang.text().origin.columns[column]]
            .iter()
            .chain(&t.count_columns)
            .map(|s| s.to_string())
            .collect(),
        rows: names
            .chain([t.not_said])
            .zip(decisions.iter().zip(actions))
            .map(|(name, (d, a))| {
                vec![
                    Cell::Text(name.to_string()),
                    Cell::Count((*d).into()),
                    Cell::Count((*a).into()),
                ]
            })
            .collect(),
        note: None,
        chart: None,
    }
}

fn actions(r: &GroupReport, lang: Lang) -> Section {
    let t = &lang.text().report;
    let a = &r.actions;
    let values = [
        a.agreed,
        a.done_on_time,
        a.done_late,
        a.dropped,
        a.open_overdue,
        a.open,
    ];
    Section {
        key: "actions",
        heading: t.actions.to_string(),
        head: vec![t.figure_column.to_string(), t.value_column.to_string()],
        rows: t
            .action_rows
            .iter()
            .zip(values)
            .map(|(label, n)| vec![Cell::Text(label.to_string()), Cell::Count(n.into())])
            .collect(),
        note: Some(t.actions_note.to_string()),
        chart: None,
    }
}

fn pulse(r: &GroupReport, lang: Lang) -> Section {
    let t = &lang.text().report;
    let any = r.pulse_all().iter().sum::<u32>() > 0;
    let mut rows = Vec::new();
    if any {
        for side in Side::ALL {
            let answers: u32 = r.pulse[side as usize].iter().sum();
            if answers == 0 {
                continue;
            }
            let name = Cell::Text(i18n::side(lang, side).to_string());
            match r.pulse_of(side) {
                Some(counts) => rows.push(pulse_row(name, &counts)),
                None => rows.push(
                    [name]
                        .into_iter()
                        .chain((0..6).map(|_| Cell::Text(String::new())))
                        .chain([Cell::Text(t.pulse_withheld.to_string())])
                        .collect(),
                ),
            }
        }
        if r.pulse[3].iter().sum::<u32>() > 0 {
            rows.push(pulse_row(
                Cell::Text(t.pulse_unknown_side.to_string()),
                &r.pulse[3],
            ));
        }
        rows.push(pulse_row(Cell::Text(t.total.to_string()), &r.pulse_all()));
    }
    Section {
        key: "pulse",
        heading: t.pulse.to_string(),
        head: strings(&t.pulse_columns),
        rows,
        note: Some(if any {
            t.pulse_question.to_string()
        } else {
            t.no_pulse.to_string()
        }),
        chart: None,
    }
}

fn pulse_row(name: Cell, counts: &[u32; 5]) -> Vec<Cell> {
    [name]
        .into_iter()
        .chain(counts.iter().map(|n| Cell::Count((*n).into())))
        .chain([
            Cell::Count(counts.iter().sum::<u32>().into()),
            Cell::Decimal(pulse_mean(counts)),
        ])
        .collect()
}

fn clock(r: &GroupReport, lang: Lang) -> Section {
    let t = &lang.text().report;
    let rows = r.clock.map_or_else(Vec::new, |c| {
        let values = [c.items, c.done, c.skipped, c.underway, c.planned, c.overdue];
        t.clock_rows
            .iter()
            .zip(values)
            .map(|(label, n)| vec![Cell::Text(label.to_string()), Cell::Count(n.into())])
            .collect()
    });
    Section {
        key: "clock",
        heading: t.clock.to_string(),
        head: vec![t.figure_column.to_string(), t.value_column.to_string()],
        rows,
        note: r.clock.is_none().then(|| t.no_clock.to_string()),
        chart: None,
    }
}

/// The sites side by side: one row per group.
fn sites(reports: &[GroupReport], lang: Lang) -> Section {
    let t = &lang.text().report;
    let rows = reports
        .iter()
        .map(|r| {
            let (airtime, seats) = r.student_shares();
            let done = r.actions.done_on_time + r.actions.done_late;
            let done =
                (r.actions.agreed > 0).then(|| f64::from(done) / f64::from(r.actions.agreed));
            vec![
                Cell::Text(r.group_name.clone()),
                Cell::Count(r.meetings.len() as u64),
                Cell::Share(airtime),
                Cell::Share(seats),
                Cell::Decimal(r.mean_equity()),
                Cell::Share(done),
                Cell::Decimal(r.pulse_of(Side::Student).and_then(|c| pulse_mean(&c))),
            ]
        })
        .collect();
    Section {
        key: "sites",
        heading: t.sites.to_string(),
        head: strings(&t.site_columns),
        rows,
        note: None,
        chart: None,
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// `3.11.` under a chart's bar.
fn short_date(date: Date) -> String {
    format!("{}.{}.", date.day(), date.month())
}

// ---- Markdown ------------------------------------------------------------------------------

fn markdown(layout: &Layout, lang: Lang) -> String {
    let mut out = format!("# {}\n\n", layout.title);
    for line in &layout.lines {
        out.push_str(&format!("{line}\n\n"));
    }
    for (group, sections) in &layout.parts {
        let level = if group.is_empty() || layout.parts.len() == 1 {
            "##"
        } else {
            out.push_str(&format!("## {group}\n\n"));
            "###"
        };
        for section in sections {
            out.push_str(&format!("{level} {}\n\n", section.heading));
            if !section.rows.is_empty() {
                out.push_str(&md_row(&section.head));
                out.push_str(&md_row(
                    &section
                        .head
                        .iter()
                        .enumerate()
                        .map(|(i, _)| if i == 0 { "---" } else { "--:" }.to_string())
                        .collect::<Vec<_>>(),
                ));
                for row in &section.rows {
                    let cells: Vec<String> = row.iter().map(|c| c.shown(lang)).collect();
                    out.push_str(&md_row(&cells));
                }
                out.push('\n');
            }
            if let Some(note) = &section.note {
                out.push_str(&format!("*{note}*\n\n"));
            }
        }
    }
    out
}

fn md_row(cells: &[String]) -> String {
    let cells: Vec<String> = cells
        .iter()
        .map(|c| c.replace('|', "\\|").replace('\n', " "))
        .collect();
    format!("| {} |\n", cells.join(" | "))
}

// ---- CSV -------------------------------------------------------------------------------------

/// One tidy table per figure: with several groups, each table has the group first and every
/// group's rows under one head.
fn csv_tables(layout: &Layout, several: bool, lang: Lang) -> Vec<(&'static str, Vec<u8>)> {
    let group_head = lang.text().report.site_columns[0];
    let mut tables: Vec<(&'static str, Sheet)> = Vec::new();
    for (group, sections) in &layout.parts {
        for section in sections {
            let at = match tables.iter().position(|(k, _)| *k == section.key) {
                Some(i) => i,
                None => {
                    let mut head: Vec<&str> = Vec::new();
                    if several && !group.is_empty() {
                        head.push(group_head);
                    }
                    head.extend(section.head.iter().map(String::as_str));
                    tables.push((section.key, Sheet::new(&head)));
                    tables.len() - 1
                }
            };
            for row in &section.rows {
                let mut cells: Vec<String> = Vec::new();
                if several && !group.is_empty() {
                    cells.push(group.clone());
                }
                cells.extend(row.iter().map(|c| c.data(lang)));
                tables[at].1.row(&cells);
            }
        }
    }
    tables
        .into_iter()
        .map(|(key, sheet)| (key, sheet.bytes()))
        .collect()
}

// ---- HTML ------------------------------------------------------------------------------------

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #333}h3{font-size:1.1rem;margin-top:1.5rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.92rem}table.wide{font-size:.74rem;width:100%}table.wide th,table.wide td{padding:.2rem .25rem}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#eee}
.note{font-size:.88rem;color:#333}figure{margin:1rem 0;break-inside:avoid}figcaption{font-weight:600;margin-bottom:.25rem}
svg text{font-family:system-ui,sans-serif;font-size:11px;fill:#111}
section{break-inside:avoid-page}@media print{body{margin:0;max-width:none}h2{break-after:avoid}}";

fn html(layout: &Layout, lang: Lang) -> String {
    let mut out = String::from("<!DOCTYPE html>\n");
    out.push_str(&format!(
        "<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        lang.code()
    ));
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    out.push_str(&format!(
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&layout.title)
    ));
    out.push_str(&format!("<h1>{}</h1>\n", escape(&layout.title)));
    for line in &layout.lines {
        out.push_str(&format!("<p class=\"note\">{}</p>\n", escape(line)));
    }
    for (group, sections) in &layout.parts {
        let level = if group.is_empty() || layout.parts.len() == 1 {
            "h2"
        } else {
            out.push_str(&format!("<h2>{}</h2>\n", escape(group)));
            "h3"
        };
        for section in sections {
            out.push_str("<section>\n");
            out.push_str(&format!(
                "<{level}>{}</{level}>\n",
                escape(&section.heading)
            ));
            if let Some(chart) = &section.chart {
                // A chart under a heading of the same words needs no caption of its own.
                out.push_str(&svg::chart(chart, chart.title != section.heading, lang));
            }
            if !section.rows.is_empty() {
                let class = if section.head.len() > 6 {
                    " class=\"wide\""
                } else {
                    ""
                };
                out.push_str(&format!("<table{class}>\n<tr>"));
                for h in &section.head {
                    out.push_str(&format!("<th>{}</th>", escape(h)));
                }
                out.push_str("</tr>\n");
                for row in &section.rows {
                    out.push_str("<tr>");
                    for cell in row {
                        let class = if matches!(cell, Cell::Text(_)) {
                            ""
                        } else {
                            " class=\"n\""
                        };
                        out.push_str(&format!("<td{class}>{}</td>", escape(&cell.shown(lang))));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
            if let Some(note) = &section.note {
                out.push_str(&format!("<p class=\"note\">{}</p>\n", escape(note)));
            }
            out.push_str("</section>\n");
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}
