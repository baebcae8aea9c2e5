//! The archive list: every past meeting, newest first, filtered by group, format and dates
//! and searched by words; the list draws only the rows that fit, and the paging keys turn
//! the pages it shows (both lay the list out with [`Archive::page_rows`]' rule). Here the
//! state, the keys and the filters' dialogs; the drawing is in `draw.rs`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::Date;
use ratatui::layout::Rect;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::{ReviewAsk, purpose};
use crate::i18n::fill;
use crate::i18n::words::{DateProblem, format_date, parse_date};
use crate::store::Summary;
use crate::store::search::{Filter, Query, SearchIndex};
use crate::tui::app::{Ctx, Effect, Next};
use crate::tui::keymap::Action;
use crate::tui::overlay::{Answer, Item, Overlay, Prompt};

mod draw;

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
