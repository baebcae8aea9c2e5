//! Drawing the archive list: the title with its counts, the search field and the filters,
//! the rows of meetings that fit, and the selected meeting's matching words at the bottom.
//! Paging uses the same row count ([`Archive::page_rows`]) as the drawing.

use jiff::civil::Date;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::super::{count, day};
use super::Archive;
use crate::i18n::fill;
use crate::i18n::words::format_date;
use crate::store::Summary;
use crate::store::search::snippet;
use crate::tui::app::Ctx;
use crate::tui::widgets::{fit, pad};

impl Archive {
    /// Rows of meetings the list shows in `area` (what a paging key moves by).
    pub(super) fn page_rows(&self, area: Rect, cx: &Ctx) -> usize {
        list_rows(self.filter_lines(area.width as usize, cx).len(), area)
    }

    /// The list: a title with counts, the filters, a blank, the rows that fit (and only
    /// those); the last row shows a match's words.
    pub(in super::super) fn render(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
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
