//! A group's yearly participation report in the review, opened from its trends: the report
//! of `parvi report` (`export::report`'s sections) drawn as headings and aligned tables,
//! with a bar chart of the students' share of the speaking time against their share of those
//! present, meeting by meeting. The arrows left and right step the school year.
//!
//! Here: the page's state and what it draws. The tables are in `table`, the chart in
//! `chart`. The figures are the ones the trends page was handed (every meeting's, read on a
//! background thread from the figures cache); nothing here reads a file. The year's report
//! is computed once per school year shown and kept.

mod chart;
mod table;

use std::cell::RefCell;
use std::sync::Arc;

use jiff::civil::Date;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::page::{DocPage, TextPage};
use crate::export::report::{ReportFormat, ReportOptions, Section, layout};
use crate::i18n::fill;
use crate::model::clock::SchoolYear;
use crate::model::figures::MeetingFigures;
use crate::model::report::GroupReport;
use crate::tui::app::Ctx;
use crate::tui::keymap::Action;

/// The widest the report is drawn: tables of nine columns read better wide, and a
/// projector's 160 columns leave margins.
const MAX_WIDTH: u16 = 150;

/// A group's report for one school year.
#[derive(Debug)]
pub struct ReportView {
    pub group_id: String,
    pub group_name: String,
    pub year: SchoolYear,
    /// The group's meetings' figures, oldest first; `None` until the loop has read them.
    figures: Option<Arc<Vec<MeetingFigures>>>,
    /// The report of the year shown, as of the day it was computed.
    report: RefCell<Option<(SchoolYear, Date, GroupReport)>>,
    pub scroll: usize,
}

impl ReportView {
    /// The report of this school year (of `today`), from `figures` when they are read.
    pub fn new(
        group_id: String,
        group_name: String,
        figures: Option<Arc<Vec<MeetingFigures>>>,
        cx: &Ctx,
    ) -> ReportView {
        ReportView {
            group_id,
            group_name,
            year: SchoolYear::of(today(cx)),
            figures,
            report: RefCell::new(None),
            scroll: 0,
        }
    }

    /// Whether the figures are still being read.
    pub fn waiting(&self) -> bool {
        self.figures.is_none()
    }

    /// Takes the figures of the group's meetings.
    pub fn load(&mut self, figures: Arc<Vec<MeetingFigures>>) {
        self.figures = Some(figures);
        self.report.replace(None);
    }

    /// Whether an action can do something now: no school year after this one.
    pub fn offers_year(&self, action: Action, cx: &Ctx) -> bool {
        match action {
            Action::PreviousYear => self.year.start > 1900,
            Action::NextYear => self.year < SchoolYear::of(today(cx)),
            _ => true,
        }
    }

    /// Steps the school year shown, back to the top of the page.
    pub fn step_year(&mut self, action: Action, cx: &Ctx) {
        if !self.offers_year(action, cx) {
            return;
        }
        self.year = match action {
            Action::PreviousYear => SchoolYear {
                start: self.year.start - 1,
            },
            Action::NextYear => self.year.next(),
            _ => return,
        };
        self.scroll = 0;
    }

    /// The sections of the year's report, with its title and the lines under it; computed
    /// once for the year shown.
    fn sections(&self, cx: &Ctx) -> Option<crate::export::report::Layout> {
        let figures = self.figures.as_ref()?;
        let today = today(cx);
        let mut cached = self.report.borrow_mut();
        if !matches!(&*cached, Some((year, day, _)) if *year == self.year && *day == today) {
            let clock = cx.data.clocks.iter().find(|c| c.group == self.group_id);
            let report = GroupReport::of(figures, clock, self.year, today, &cx.tz);
            *cached = Some((self.year, today, report));
        }
        let (_, _, report) = cached.as_ref()?;
        let options = ReportOptions {
            format: ReportFormat::Markdown,
            lang: cx.lang,
            public: false,
            today,
        };
        Some(layout(std::slice::from_ref(report), &options))
    }
}

/// Today's date where parvi runs.
fn today(cx: &Ctx) -> Date {
    cx.local(cx.now().at).date()
}

impl DocPage for ReportView {
    fn layout(&self, width: usize, cx: &Ctx) -> TextPage {
        let theme = cx.theme;
        let mut doc = TextPage::default();
        doc.sections.push(0);
        let Some(report) = self.sections(cx) else {
            let title = fill(
                cx.t().report.title,
                &[
                    ("group", &self.group_name),
                    (
                        "year",
                        &format!("{}–{}", self.year.start, self.year.start + 1),
                    ),
                ],
            );
            doc.para("", &title, width, theme.heading());
            doc.push(Line::from(Span::styled(
                cx.t().review.loading,
                theme.quiet(),
            )));
            return doc;
        };
        doc.para("", &report.title, width, theme.heading());
        for line in &report.lines {
            doc.para("", line, width, theme.quiet());
        }
        for section in report.parts.iter().flat_map(|(_, sections)| sections) {
            draw_section(&mut doc, section, width, cx);
        }
        doc
    }

    fn scroll(&self) -> usize {
        self.scroll
    }

    fn scroll_mut(&mut self) -> &mut usize {
        &mut self.scroll
    }

    fn column(&self, area: Rect) -> Rect {
        let width = area.width.min(MAX_WIDTH);
        Rect {
            x: area.x + (area.width - width) / 2,
            width,
            ..area
        }
    }
}

/// The meetings table's columns that the chart above it shows (the students' share of the
/// speaking time and of those present) and the equity section after it (the equity index):
/// left out of the table where all nine columns would not fit (`Layout`'s meeting columns).
const SHOWN_ELSEWHERE: [usize; 3] = [4, 5, 6];

/// A section: its heading, the chart of the meetings' shares, the table and the note.
fn draw_section(doc: &mut TextPage, section: &Section, width: usize, cx: &Ctx) {
    doc.section(section.heading.clone(), cx.theme);
    let mut head = section.head.clone();
    let mut rows = section.rows.clone();
    if section.key == "meetings"
        && let Some(chart) = &section.chart
    {
        chart::shares(doc, chart, width, cx);
        doc.blank();
        if !table::fits(&head, &rows, width, cx) {
            let keep = |i: &usize| !SHOWN_ELSEWHERE.contains(i);
            head = (0..head.len())
                .filter(keep)
                .map(|i| head[i].clone())
                .collect();
            rows = rows
                .iter()
                .map(|row| {
                    (0..row.len())
                        .filter(keep)
                        .map(|i| row[i].clone())
                        .collect()
                })
                .collect();
        }
    }
    if !rows.is_empty() {
        table::draw(doc, &head, &rows, width, cx);
    }
    if let Some(note) = &section.note {
        doc.para("", note, width, cx.theme.quiet());
    }
}
