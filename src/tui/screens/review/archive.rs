//! The archive list: every past meeting, newest first, filtered by group, format and dates
//! and searched by words; the list draws only the rows that fit, and the paging keys turn
//! the pages it shows (both lay the list out with [`Archive::page_rows`]' rule).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::Date;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;
use unicode_width::UnicodeWidthStr;

use super::{ReviewAsk, count, day, purpose};
use crate::export::words::{DateProblem, format_date, parse_date};
use crate::i18n::fill;
use crate::store::Summary;
use crate::store::search::{Filter, Query, SearchIndex, snippet};
use crate::tui::app::{Ctx, Effect, Next};
use crate::tui::keymap::Action;
use crate::tui::overlay::{Answer, Item, Overlay, Prompt};
use crate::tui::widgets::{fit, pad};

/// The longest search accepted, in characters.
const MAX_QUERY_CHARS: usize = 100;

/// The archive: filters, the search field, and the meetings that pass.
#[derive(Debug)]
pub struct Archive {
    pub filter: Filter,
    /// The search field; its text is the filter's query.
    pub input: Input,
    /// The search field has the keyboard.
    pub typing: bool,
    /// The meetings' searchable text, once the loop has read it.
    pub index: Option<SearchIndex>,
    /// Positions in `cx.data.sessions` of the meetings that pass, newest first.
    pub matches: Vec<usize>,
    /// The selected row, as a position in `matches`.
    pub selected: usize,
    /// The selected meeting's file, to find it again when the list changes.
    current: Option<String>,
}

impl Archive {
    pub(super) fn new(cx: &Ctx) -> Archive {
        let mut archive = Archive {
            filter: Filter::default(),
            input: Input::default(),
            typing: false,
            index: None,
            matches: Vec::new(),
            selected: 0,
            current: None,
        };
        archive.refilter(cx);
        archive
    }

    /// Applies the filters again (after a change of filter, of data or of the search text),
    /// keeping the selected meeting selected when it still passes.
    pub fn refilter(&mut self, cx: &Ctx) {
        self.matches = self
            .filter
            .apply(&cx.data.sessions, self.index.as_ref(), &cx.tz);
        self.selected = self
            .current
            .as_ref()
            .and_then(|file| {
                self.matches
                    .iter()
                    .position(|i| cx.data.sessions[*i].file == *file)
            })
            .unwrap_or(0)
            .min(self.matches.len().saturating_sub(1));
        self.remember(cx);
    }

    /// Notes which meeting is selected.
    fn remember(&mut self, cx: &Ctx) {
        self.current = self.selected_summary(cx).map(|s| s.file.clone());
    }

    /// The selected meeting, if any passes.
    pub fn selected_summary<'a>(&self, cx: &'a Ctx) -> Option<&'a Summary> {
        self.matches
            .get(self.selected)
            .and_then(|i| cx.data.sessions.get(*i))
    }

    fn set_query(&mut self, cx: &Ctx) {
        let query = Query::new(self.input.value());
        if query != self.filter.query {
            self.filter.query = query;
            self.refilter(cx);
        }
    }

    fn move_by(&mut self, delta: isize, cx: &Ctx) {
        let last = self.matches.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.remember(cx);
    }

    // ---- typing -------------------------------------------------------------------------

    /// Types a key into the search field; returns whether it was used. Enter, Esc, the
    /// arrows up and down and Ctrl-C go on to the keymap.
    pub(super) fn type_key(&mut self, key: &KeyEvent, cx: &Ctx) -> bool {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return false;
        }
        match key.code {
            KeyCode::Enter | KeyCode::Esc | KeyCode::Up | KeyCode::Down | KeyCode::Tab => false,
            KeyCode::Char(_) if self.input.value().chars().count() >= MAX_QUERY_CHARS => true,
            _ => {
                self.input.handle_event(&crossterm::event::Event::Key(*key));
                self.set_query(cx);
                true
            }
        }
    }

    /// Pasted text goes into the search field.
    pub(super) fn paste(&mut self, text: &str, cx: &Ctx) {
        for c in text.chars().filter(|c| !c.is_control()) {
            if self.input.value().chars().count() < MAX_QUERY_CHARS {
                self.input.handle(tui_input::InputRequest::InsertChar(c));
            }
        }
        self.set_query(cx);
    }

    // ---- keys ---------------------------------------------------------------------------

    /// Whether an action can do something now (for the footer).
    pub(super) fn offers(&self, action: Action, cx: &Ctx) -> bool {
        let any = !self.matches.is_empty();
        match action {
            Action::Confirm if self.typing => true,
            Action::Confirm | Action::Trend => any,
            Action::Up => self.selected > 0,
            Action::Down => self.selected + 1 < self.matches.len(),
            Action::PagePrev => self.selected > 0,
            Action::PageNext => self.selected + 1 < self.matches.len(),
            Action::ClearFilters => !self.filter.is_empty(),
            Action::FilterGroup | Action::FilterFormat | Action::FilterDates => {
                !cx.data.sessions.is_empty()
            }
            _ => true,
        }
    }

    /// The group whose trends the trend key opens: the filtered group, else the selected
    /// meeting's. (Its id and name.)
    pub(super) fn trend_group(&self, cx: &Ctx) -> Option<(String, String)> {
        let chosen = match &self.filter.group {
            Some(id) => cx.data.sessions.iter().find(|s| &s.group_id == id),
            None => self.selected_summary(cx),
        };
        chosen.map(|s| (s.group_id.clone(), s.group_name.clone()))
    }

    /// Handles an action on the list (but the trend key), the list being drawn in `area`.
    pub(super) fn act(&mut self, action: Action, area: Rect, cx: &mut Ctx) -> Next {
        match action {
            Action::Up => self.move_by(-1, cx),
            Action::Down => self.move_by(1, cx),
            Action::PagePrev => self.move_by(-(self.page_rows(area, cx) as isize), cx),
            Action::PageNext => self.move_by(self.page_rows(area, cx) as isize, cx),
            Action::Search => self.typing = true,
            Action::Confirm if self.typing => self.typing = false,
            Action::Back if self.typing => {
                self.typing = false;
                self.input.reset();
                self.set_query(cx);
            }
            Action::Confirm => {
                if let Some(summary) = self.selected_summary(cx) {
                    let path = cx.data.sessions_dir.join(&summary.file);
                    cx.effect(Effect::ShowSession(path));
                }
            }
            Action::FilterGroup => return self.group_picker(cx),
            Action::FilterFormat => return self.format_picker(cx),
            Action::FilterDates => {
                let t = &cx.t().review;
                return self.day_prompt([t.from_title, t.from_hint], ReviewAsk::From, cx);
            }
            Action::ClearFilters => {
                self.filter = Filter::default();
                self.input.reset();
                self.typing = false;
                self.refilter(cx);
            }
            Action::Back => return Next::Home,
            _ => {}
        }
        Next::Stay
    }

    /// The prompt (title and hint) for the first or the last day of the range, holding the
    /// day the filter has now.
    fn day_prompt(&self, [title, hint]: [&str; 2], ask: ReviewAsk, cx: &Ctx) -> Next {
        let day = match ask {
            ReviewAsk::From => self.filter.from,
            _ => self.filter.to,
        };
        let typed = day.map(|d| format_date(cx.lang, d)).unwrap_or_default();
        Next::Open(Overlay::Prompt(Prompt::new(
            title,
            hint,
            &typed,
            purpose(ask),
            40,
        )))
    }

    /// Picking a group: "all groups", then the groups of the meetings.
    fn group_picker(&self, cx: &Ctx) -> Next {
        let t = &cx.t().review;
        let groups = distinct(cx, |s| (&s.group_id, s.group_name.clone()));
        let current = self.filter.group.as_ref();
        let selected = current
            .and_then(|g| groups.iter().position(|(id, _)| id == g))
            .map_or(0, |i| i + 1);
        let mut items = vec![Item::new(t.all_groups, "")];
        items.extend(groups.iter().map(|(_, name)| Item::new(name.clone(), "")));
        let ids = groups.into_iter().map(|(id, _)| id).collect();
        Next::Open(Overlay::picker(
            t.group_picker,
            items,
            selected,
            purpose(ReviewAsk::Group(ids)),
        ))
    }

    /// Picking a format: "all formats", then the formats of the meetings.
    fn format_picker(&self, cx: &Ctx) -> Next {
        let t = &cx.t().review;
        let lang = cx.lang;
        let formats = distinct(cx, |s| (&s.format, s.format_title.get(lang).to_string()));
        let current = self.filter.format.as_ref();
        let selected = current
            .and_then(|f| formats.iter().position(|(name, _)| name == f))
            .map_or(0, |i| i + 1);
        let mut items = vec![Item::new(t.all_formats, "")];
        items.extend(
            formats
                .iter()
                .map(|(_, title)| Item::new(title.clone(), "")),
        );
        let names = formats.into_iter().map(|(name, _)| name).collect();
        Next::Open(Overlay::picker(
            t.format_picker,
            items,
            selected,
            purpose(ReviewAsk::Format(names)),
        ))
    }

    /// A filter's dialog was answered (a group, a format, a day of the range).
    pub(super) fn answer(&mut self, ask: ReviewAsk, answer: Answer, cx: &mut Ctx) -> Next {
        match (ask, answer) {
            (ReviewAsk::Group(ids), Answer::Picked(i)) => {
                self.filter.group = i.checked_sub(1).and_then(|i| ids.get(i).cloned());
                self.refilter(cx);
            }
            (ReviewAsk::Format(names), Answer::Picked(i)) => {
                self.filter.format = i.checked_sub(1).and_then(|i| names.get(i).cloned());
                self.refilter(cx);
            }
            (ReviewAsk::From, Answer::Text(text)) => match read_day(&text, cx) {
                Ok(from) => {
                    let t = &cx.t().review;
                    return self.day_prompt([t.to_title, t.to_hint], ReviewAsk::To(from), cx);
                }
                Err(message) => cx.error(message),
            },
            (ReviewAsk::To(from), Answer::Text(text)) => match read_day(&text, cx) {
                Ok(to) => self.set_dates(from, to, cx),
                Err(message) => cx.error(message),
            },
            _ => {}
        }
        Next::Stay
    }

    /// Filters by a range of days, unless it ends before it begins.
    fn set_dates(&mut self, from: Option<Date>, to: Option<Date>, cx: &mut Ctx) {
        if let (Some(a), Some(b)) = (from, to)
            && b < a
        {
            cx.error(fill(
                cx.t().review.bad_range,
                &[
                    ("from", &format_date(cx.lang, a)),
                    ("to", &format_date(cx.lang, b)),
                ],
            ));
        } else {
            self.filter.from = from;
            self.filter.to = to;
            self.refilter(cx);
        }
    }

    // ---- drawing ------------------------------------------------------------------------

    /// Rows of meetings the list shows in `area` (what a paging key moves by).
    fn page_rows(&self, area: Rect, cx: &Ctx) -> usize {
        list_rows(self.filter_lines(area.width as usize, cx).len(), area)
    }

    /// The list: a title with counts, the filters, a blank, the rows that fit (and only
    /// those); the last row shows a match's words.
    pub(super) fn render(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let width = area.width as usize;
        let filters = self.filter_lines(width, cx);
        let rows = list_rows(filters.len(), area);
        let shown = self.matches.len();
        let start = self
            .selected
            .saturating_sub(rows.saturating_sub(1))
            .min(shown.saturating_sub(rows));
        let end = (start + rows).min(shown);
        let mut lines = vec![self.title_line(start, end, width, cx)];
        lines.extend(filters);
        lines.push(Line::default());
        if shown == 0 {
            lines.push(self.empty_line(cx));
        }
        let columns = Columns::new(width);
        for (pos, i) in self.matches[start..end].iter().enumerate() {
            let selected = start + pos == self.selected;
            lines.push(columns.row(&cx.data.sessions[*i], selected, cx));
        }
        Paragraph::new(lines).render(area, buf);
        self.render_match(area, buf, cx);
    }

    /// The title, and how many meetings there are, pass and show (rows `start..end`).
    fn title_line(&self, start: usize, end: usize, width: usize, cx: &Ctx) -> Line<'static> {
        let r = &cx.t().review;
        let total = cx.data.sessions.len();
        let shown = self.matches.len();
        let counts = if total == 0 && cx.reading_sessions {
            // Not "0 meetings": they are still being read.
            String::new()
        } else if self.filter.is_empty() {
            count(r.count, total)
        } else {
            fill(
                r.count_filtered,
                &[("n", &shown.to_string()), ("total", &total.to_string())],
            )
        };
        let counts = if shown > 0 {
            let showing = fill(
                r.showing,
                &[("from", &(start + 1).to_string()), ("to", &end.to_string())],
            );
            format!("{counts}, {showing}")
        } else {
            counts
        };
        let title_room = width.saturating_sub(counts.width() + 2);
        Line::from(vec![
            Span::styled(pad(r.title, title_room), cx.theme.heading()),
            Span::raw("  "),
            Span::styled(counts, cx.theme.quiet()),
        ])
    }

    /// Why no meeting is listed: still reading, none yet, or none passes.
    fn empty_line(&self, cx: &Ctx) -> Line<'static> {
        let r = &cx.t().review;
        let message = if cx.data.sessions.is_empty() && cx.reading_sessions {
            r.reading_sessions
        } else if cx.data.sessions.is_empty() {
            r.no_sessions
        } else {
            r.no_matches
        };
        Line::from(Span::styled(message, cx.theme.quiet()))
    }

    /// The filters: the search field, then group, format and dates; on a second line when
    /// they do not fit on one.
    fn filter_lines(&self, width: usize, cx: &Ctx) -> Vec<Line<'static>> {
        let search = self.search_field(cx);
        let filters = self.filter_values(cx);
        let spans_width = |spans: &[Span]| spans.iter().map(|s| s.width()).sum::<usize>();
        let one_line = chips(&filters, usize::MAX, cx);
        if spans_width(&search) + 3 + spans_width(&one_line) <= width {
            let mut spans = search;
            spans.push(Span::raw("   "));
            spans.extend(one_line);
            return vec![Line::from(spans)];
        }
        let labels: usize = filters.iter().map(|(l, _)| l.width() + 5).sum();
        let room = (width.saturating_sub(labels) / 3).max(8);
        vec![Line::from(search), Line::from(chips(&filters, room, cx))]
    }

    /// The search field: its label, and its text with the cursor while typing.
    fn search_field(&self, cx: &Ctx) -> Vec<Span<'static>> {
        let r = &cx.t().review;
        let theme = cx.theme;
        let mut search = vec![Span::styled(format!("{}: ", r.search_label), theme.text())];
        let value = self.input.value();
        if self.typing {
            let chars: Vec<char> = value.chars().collect();
            let split = self.input.visual_cursor().min(chars.len());
            search.push(Span::styled(
                chars[..split].iter().collect::<String>(),
                theme.current(),
            ));
            search.push(Span::styled("▏", theme.key()));
            search.push(Span::styled(
                chars[split..].iter().collect::<String>(),
                theme.current(),
            ));
            if value.is_empty() {
                search.push(Span::styled(r.search_hint, theme.quiet()));
            }
        } else if value.is_empty() {
            search.push(Span::styled("–", theme.quiet()));
        } else {
            search.push(Span::styled(format!("”{value}”"), theme.current()));
        }
        search
    }

    /// The group, format and dates filters: each label with its value, `None` for all.
    fn filter_values(&self, cx: &Ctx) -> [(&'static str, Option<String>); 3] {
        let r = &cx.t().review;
        let sessions = &cx.data.sessions;
        let group = self.filter.group.as_ref().map(|id| {
            sessions
                .iter()
                .find(|s| &s.group_id == id)
                .map_or_else(|| id.clone(), |s| s.group_name.clone())
        });
        let format = self.filter.format.as_ref().map(|name| {
            sessions
                .iter()
                .find(|s| &s.format == name)
                .map_or_else(|| name.clone(), |s| s.format_title.get(cx.lang).to_string())
        });
        let date = |d: Date| format_date(cx.lang, d);
        let dates = match (self.filter.from, self.filter.to) {
            (None, None) => None,
            (Some(a), None) => Some(fill(r.from_date, &[("date", &date(a))])),
            (None, Some(b)) => Some(fill(r.until_date, &[("date", &date(b))])),
            (Some(a), Some(b)) => Some(format!("{}–{}", date(a), date(b))),
        };
        [
            (r.group_label, group),
            (r.format_label, format),
            (r.dates_label, dates),
        ]
    }

    /// Why the selected meeting matched, on the bottom row: its words around the first
    /// search word.
    fn render_match(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let r = &cx.t().review;
        let width = area.width as usize;
        if let (Some(index), Some(s)) = (&self.index, self.selected_summary(cx))
            && !self.filter.query.is_empty()
            && let Some(text) = index.text(&s.file)
            && let Some(words) = snippet(text, &self.filter.query, width.saturating_sub(12))
            && area.height > 0
        {
            let bottom = Rect {
                y: area.y + area.height - 1,
                height: 1,
                ..area
            };
            Paragraph::new(Line::from(vec![
                Span::styled(format!("{}: ", r.match_label), cx.theme.heading()),
                Span::styled(
                    fit(&words, width.saturating_sub(r.match_label.width() + 2)),
                    cx.theme.text(),
                ),
            ]))
            .render(bottom, buf);
        }
    }
}

/// Rows of meetings in `area` under the title, `filter_lines` of filters and a blank,
/// leaving the last row for a match's words.
fn list_rows(filter_lines: usize, area: Rect) -> usize {
    let list_top = 2 + filter_lines;
    (area.height as usize).saturating_sub(list_top + 1).max(1)
}

/// The filters as label and value, each value cut to `room`.
fn chips(filters: &[(&'static str, Option<String>)], room: usize, cx: &Ctx) -> Vec<Span<'static>> {
    let theme = cx.theme;
    let mut spans = Vec::new();
    for (n, (label, value)) in filters.iter().enumerate() {
        if n > 0 {
            spans.push(Span::raw("   "));
        }
        spans.push(Span::styled(format!("{label}: "), theme.text()));
        match value {
            Some(v) => spans.push(Span::styled(fit(v, room), theme.current())),
            None => spans.push(Span::styled(cx.t().review.all, theme.quiet())),
        }
    }
    spans
}

/// A space, the longest date (`23.11.2026`) and a space before the topic.
const DATE_WIDTH: usize = 12;

/// The widths of a meeting's row: its date, topic, format (on a wide screen only) and
/// group.
struct Columns {
    topic: usize,
    format: Option<usize>,
    group: usize,
}

impl Columns {
    fn new(width: usize) -> Columns {
        let rest = width.saturating_sub(DATE_WIDTH + 2);
        if width >= 110 {
            Columns {
                topic: rest * 4 / 10,
                format: Some(rest * 3 / 10),
                group: rest - rest * 4 / 10 - rest * 3 / 10,
            }
        } else {
            Columns {
                topic: rest * 6 / 10,
                format: None,
                group: rest - rest * 6 / 10,
            }
        }
    }

    /// A meeting's row: date, title (marked when unfinished), format, group.
    fn row(&self, s: &Summary, selected: bool, cx: &Ctx) -> Line<'static> {
        let theme = cx.theme;
        let style = if selected {
            theme.selected()
        } else {
            theme.text()
        };
        let quiet = if selected { style } else { theme.quiet() };
        let title = s.title(cx.lang);
        let title = if s.unfinished() {
            format!("{title} ({})", cx.t().cli_session_status_open)
        } else {
            title
        };
        let mut spans = vec![
            Span::styled(
                pad(&format!(" {}", day(cx, s.started_at)), DATE_WIDTH),
                style,
            ),
            Span::styled(pad(&title, self.topic), style),
        ];
        if let Some(width) = self.format {
            let format = format!(" {}", s.format_title.get(cx.lang));
            spans.push(Span::styled(pad(&format, width), quiet));
        }
        spans.push(Span::styled(
            pad(&format!(" {}", s.group_name), self.group + 2),
            quiet,
        ));
        Line::from(spans)
    }
}

/// The distinct values of a field over the meetings, first seen first (newest meetings
/// name them), sorted by their label.
fn distinct<'a>(
    cx: &'a Ctx,
    of: impl Fn(&'a Summary) -> (&'a String, String),
) -> Vec<(String, String)> {
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<(String, String)> = Vec::new();
    for s in &cx.data.sessions {
        let (key, label) = of(s);
        if seen.insert(key.as_str()) {
            out.push((key.clone(), label));
        }
    }
    out.sort_by_key(|(_, label)| label.to_lowercase());
    out
}

/// A day as typed into a date-range prompt: `1.8.2026`, `1.8.` (this year), empty for
/// none. Dates in the past are what a range of past meetings is made of, so they are
/// taken.
fn read_day(text: &str, cx: &Ctx) -> Result<Option<Date>, String> {
    let today = cx.local(cx.now().at).date();
    // Without a year a day means this year's: count "the next such day" from New Year.
    let new_year = Date::new(today.year(), 1, 1).unwrap_or(today);
    let t = &cx.t().records;
    match parse_date(text, new_year) {
        Ok(day) => Ok(day),
        Err(DateProblem::Past(day)) => Ok(Some(day)),
        Err(DateProblem::NoSuchDay) => Err(fill(t.no_such_day, &[("text", text.trim())])),
        Err(DateProblem::NotADate) => Err(fill(t.bad_date, &[("text", text.trim())])),
    }
}
