//! A group's trends in the review: over its meetings, the students' share of airtime against
//! their share of seats, and the equity index, drawn as bar rows (one meeting a row, oldest
//! first); the totals; and every action still open, with the meeting it came from and
//! whether it is overdue.
//!
//! The figures come from `model::figures` (each meeting's, from the figures cache beside the
//! index) and `model::metrics` (`combined`); this page only draws them. The group's figures
//! are read by the loop ([`Effect::LoadGroup`]) and handed over once; the page keeps the
//! figures, not the logs.
//!
//! [`Effect::LoadGroup`]: crate::tui::app::Effect::LoadGroup

use std::collections::HashMap;
use std::sync::Arc;

use jiff::Timestamp;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::count;
use super::page::{DocPage, TextPage};
use super::participation::{participation_section, share_bar};
use crate::i18n::fill;
use crate::i18n::words::{self, due_text, format_date, owner_text};
use crate::model::figures::MeetingFigures;
use crate::model::metrics::{Participation, TrendPoint, combined};
use crate::model::outcomes::ActionItem;
use crate::model::{SessionRecord, Side};
use crate::tui::app::Ctx;
use crate::tui::widgets::{self, fit};

/// The most meetings the charts show a row each: a year of weekly meetings.
const CHART_ROWS: usize = 52;

/// What the page shows once the group's meetings have been read: built one meeting at a
/// time ([`TrendData::add`], oldest first), so that a group of any size is read with one log
/// in memory at a time. The figures are those of `metrics::trend` and
/// `outcomes::open_actions` (a test holds them equal).
#[derive(Debug, Clone)]
pub struct TrendData {
    /// Oldest first.
    pub points: Vec<TrendPoint>,
    /// Every meeting's figures added up (see `metrics::combined`).
    pub totals: Participation,
    /// Every action as it stands after the meetings read so far, oldest first.
    actions: Vec<ActionItem>,
    /// Where each meeting an action came from started, and its topic.
    meetings: HashMap<uuid::Uuid, (Timestamp, String)>,
    equities: (f64, usize),
    /// The newest meeting's name for the group.
    pub group_name: Option<String>,
    /// Meeting files of the group that could not be read.
    pub unreadable: usize,
    /// Every meeting's figures, oldest first: the yearly report is computed from them.
    pub figures: Arc<Vec<MeetingFigures>>,
}

impl Default for TrendData {
    fn default() -> TrendData {
        TrendData {
            points: Vec::new(),
            totals: combined(&[]),
            actions: Vec::new(),
            meetings: HashMap::new(),
            equities: (0.0, 0),
            group_name: None,
            unreadable: 0,
            figures: Arc::default(),
        }
    }
}

impl TrendData {
    /// Adds one meeting; meetings must come oldest first (as `metrics::trend` orders them
    /// and `outcomes::all_actions` follows actions up).
    pub fn add(&mut self, record: &SessionRecord) {
        self.add_figures(MeetingFigures::of(record));
    }

    /// Adds one meeting by its figures (from the figures cache, or [`MeetingFigures::of`]);
    /// meetings must come oldest first.
    pub fn add_figures(&mut self, figures: MeetingFigures) {
        self.points.push(figures.trend_point());
        let p = figures.participation.clone();
        if let Some(e) = p.equity {
            self.equities.0 += e;
            self.equities.1 += 1;
        }
        let mut totals = combined(&[std::mem::replace(&mut self.totals, combined(&[])), p]);
        totals.equity = (self.equities.1 > 0).then(|| self.equities.0 / self.equities.1 as f64);
        self.totals = totals;
        for followed in figures.carried.iter().chain(&figures.actions) {
            match self.actions.iter_mut().find(|a| a.id == followed.id) {
                Some(known) => *known = followed.clone(),
                None => self.actions.push(followed.clone()),
            }
        }
        if !figures.actions.is_empty() {
            self.meetings
                .insert(figures.id, (figures.started_at, figures.topic.clone()));
        }
        self.group_name = Some(figures.group_name.clone());
        // Not shared while the read builds it: no copy is made.
        Arc::make_mut(&mut self.figures).push(figures);
    }

    /// The figures of these meetings (in any order), `unreadable` files besides.
    pub fn of(records: &[SessionRecord], unreadable: usize) -> TrendData {
        let mut sorted: Vec<&SessionRecord> = records.iter().collect();
        sorted.sort_by_key(|r| r.started_at());
        let mut data = TrendData {
            unreadable,
            ..TrendData::default()
        };
        for record in sorted {
            data.add(record);
        }
        data
    }

    /// The actions still open, oldest first, each with the start and topic of the meeting
    /// it was agreed in (when that meeting was read).
    pub fn open(&self) -> Vec<(&ActionItem, Option<&(Timestamp, String)>)> {
        self.actions
            .iter()
            .filter(|a| a.status.is_open())
            .map(|a| (a, self.meetings.get(&a.session)))
            .collect()
    }
}

/// A group's trends.
#[derive(Debug)]
pub struct TrendView {
    pub group_id: String,
    pub group_name: String,
    /// `None` until the loop has read the meetings.
    pub data: Option<TrendData>,
    pub scroll: usize,
}

impl DocPage for TrendView {
    fn layout(&self, width: usize, cx: &Ctx) -> TextPage {
        self.doc(width, cx)
    }
    fn scroll(&self) -> usize {
        self.scroll
    }
    fn scroll_mut(&mut self) -> &mut usize {
        &mut self.scroll
    }
}

impl TrendView {
    pub fn new(group_id: String, group_name: String) -> TrendView {
        TrendView {
            group_id,
            group_name,
            data: None,
            scroll: 0,
        }
    }

    /// Takes the figures of the group's meetings.
    pub fn load(&mut self, data: TrendData) {
        if let Some(name) = &data.group_name {
            self.group_name = name.clone();
        }
        self.data = Some(data);
    }

    /// The whole page laid out for `width` columns.
    pub fn doc(&self, width: usize, cx: &Ctx) -> TextPage {
        let r = &cx.t().review;
        let theme = cx.theme;
        let mut doc = TextPage::default();
        doc.sections.push(0);
        doc.push(Line::from(Span::styled(
            fit(&fill(r.trend_title, &[("group", &self.group_name)]), width),
            theme.heading(),
        )));
        let Some(data) = &self.data else {
            doc.push(Line::from(Span::styled(r.loading, theme.quiet())));
            return doc;
        };
        what_was_read(&mut doc, data, width, cx);
        if !data.points.is_empty() {
            charts(&mut doc, data, width, cx);
        }
        open_actions(&mut doc, data, width, cx);
        // The totals per side and role, as for one meeting.
        if !data.points.is_empty() {
            participation_section(&mut doc, &data.totals, Some(data.points.len()), width, cx);
        }
        doc
    }
}

/// How many meetings the page covers and from when to when, and how many could not be
/// read.
fn what_was_read(doc: &mut TextPage, data: &TrendData, width: usize, cx: &Ctx) {
    let r = &cx.t().review;
    let theme = cx.theme;
    if let (Some(first), Some(last)) = (data.points.first(), data.points.last()) {
        let span = fill(
            r.trend_span,
            &[
                ("count", &count(r.count, data.points.len())),
                ("first", &super::day(cx, first.started_at)),
                ("last", &super::day(cx, last.started_at)),
            ],
        );
        doc.push(Line::from(Span::styled(fit(&span, width), theme.quiet())));
    } else {
        doc.push(Line::from(Span::styled(r.no_meetings, theme.quiet())));
    }
    if data.unreadable > 0 {
        doc.push(Line::from(Span::styled(
            fill(r.unreadable, &[("n", &data.unreadable.to_string())]),
            theme.warning(),
        )));
    }
}

/// The charts, a meeting a row: the newest meetings that make a readable chart (the
/// totals under them still cover them all).
fn charts(doc: &mut TextPage, data: &TrendData, width: usize, cx: &Ctx) {
    let r = &cx.t().review;
    let shown = &data.points[data.points.len().saturating_sub(CHART_ROWS)..];
    if shown.len() < data.points.len() {
        doc.push(Line::from(Span::styled(
            fill(r.trend_newest, &[("n", &shown.len().to_string())]),
            cx.theme.quiet(),
        )));
    }
    let dates: Vec<String> = shown.iter().map(|p| super::day(cx, p.started_at)).collect();
    let date_w = dates.iter().map(|d| d.width()).max().unwrap_or(0) + 2;
    let rows: Vec<(&TrendPoint, String)> = shown
        .iter()
        .zip(dates)
        .map(|(p, date)| (p, format!(" {date:<w$}", w = date_w - 1)))
        .collect();
    student_share_chart(doc, &rows, date_w, width, cx);
    equity_chart(doc, &rows, date_w, width, cx);
    doc.blank();
    let totals = &data.totals;
    doc.para(
        "",
        &fill(
            r.totals,
            &[
                (
                    "airtime",
                    &words::percent(cx.lang, totals.airtime_share(Side::Student)),
                ),
                (
                    "seats",
                    &words::percent(cx.lang, totals.seat_share(Side::Student)),
                ),
                ("equity", &words::equity(cx.lang, totals.equity)),
            ],
        ),
        width,
        cx.theme.text(),
    );
}

/// The students' share of airtime against their share of seats, a meeting (its date
/// column `date_w` wide) a row.
fn student_share_chart(
    doc: &mut TextPage,
    rows: &[(&TrendPoint, String)],
    date_w: usize,
    width: usize,
    cx: &Ctx,
) {
    let r = &cx.t().review;
    let theme = cx.theme;
    doc.section(r.student_share_title.to_string(), theme);
    doc.push(Line::from(vec![
        Span::styled("█ ", theme.side(Side::Student)),
        Span::styled(format!("{}   ", r.airtime_share), theme.quiet()),
        Span::styled("│ ", theme.side(Side::Student)),
        Span::styled(r.seat_share, theme.quiet()),
    ]));
    let values: Vec<String> = rows
        .iter()
        .map(|(p, _)| {
            fill(
                r.share_line,
                &[
                    ("airtime", &words::percent(cx.lang, p.student_airtime)),
                    ("seats", &words::percent(cx.lang, p.student_seats)),
                ],
            )
        })
        .collect();
    let value_w = values.iter().map(|v| v.width()).max().unwrap_or(0) + 1;
    let bar_w = width.saturating_sub(date_w + value_w).clamp(10, 50);
    for ((p, date), value) in rows.iter().zip(&values) {
        let mut spans = vec![Span::styled(date.clone(), theme.text())];
        spans.extend(share_bar(
            p.student_airtime.unwrap_or(0.0),
            p.student_seats,
            bar_w,
            theme.side(Side::Student),
            theme.heading(),
        ));
        spans.push(Span::styled(format!(" {value}"), theme.text()));
        doc.push(Line::from(spans));
    }
}

/// The equity index, a meeting (its date column `date_w` wide) a row.
fn equity_chart(
    doc: &mut TextPage,
    rows: &[(&TrendPoint, String)],
    date_w: usize,
    width: usize,
    cx: &Ctx,
) {
    let theme = cx.theme;
    doc.section(cx.t().review.equity_title.to_string(), theme);
    let bar_w = width.saturating_sub(date_w + 6).clamp(10, 50);
    for (p, date) in rows {
        doc.push(Line::from(vec![
            Span::styled(date.clone(), theme.text()),
            Span::styled(
                widgets::bar(p.equity.unwrap_or(0.0), bar_w),
                theme.current(),
            ),
            Span::styled(
                format!(" {}", words::equity(cx.lang, p.equity)),
                theme.text(),
            ),
        ]));
    }
}

/// Every action still open (how many, how many overdue), with the meeting it came from.
fn open_actions(doc: &mut TextPage, data: &TrendData, width: usize, cx: &Ctx) {
    let t = cx.t();
    let rt = &t.records;
    let theme = cx.theme;
    let today = cx.local(cx.now().at).date();
    let open = data.open();
    let overdue = open.iter().filter(|(a, _)| a.is_overdue(today)).count();
    let mut title = t.review.open_actions.to_string();
    if !open.is_empty() {
        title.push_str(&format!(" – {}", count(rt.count_open, open.len())));
        if overdue > 0 {
            title.push_str(&format!(", {}", count(rt.count_overdue, overdue)));
        }
    }
    doc.section(title, theme);
    if open.is_empty() {
        doc.push(Line::from(Span::styled(
            t.review.no_open_actions,
            theme.quiet(),
        )));
    }
    for (action, from) in &open {
        let late = action.is_overdue(today);
        doc.para("• ", &action.text, width, theme.text());
        let mut due = due_text(cx.lang, action.due);
        if late {
            due = format!("{due} ({})", rt.overdue);
        }
        let meeting = from_meeting(action, *from, cx);
        doc.para(
            "  ",
            &format!("{} · {due} · {meeting}", owner_text(cx.lang, &action.owner)),
            width,
            if late { theme.warning() } else { theme.quiet() },
        );
    }
}

/// Where an action came from: the meeting's date and topic where it was read, else the day
/// the action was agreed.
fn from_meeting(action: &ActionItem, from: Option<&(Timestamp, String)>, cx: &Ctx) -> String {
    let rt = &cx.t().records;
    match from {
        Some((at, topic)) if !topic.is_empty() => format!(
            "{} – {topic}",
            fill(rt.from_meeting, &[("date", &super::day(cx, *at))])
        ),
        Some((at, _)) => fill(rt.from_meeting, &[("date", &super::day(cx, *at))]),
        None => fill(
            rt.from_meeting,
            &[("date", &format_date(cx.lang, action.agreed))],
        ),
    }
}
