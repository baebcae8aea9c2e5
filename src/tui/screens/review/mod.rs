//! The review: the archive of past meetings (newest first, filtered by group, format and
//! dates, searched by words), a meeting's own view, and a group's trends with its open
//! actions (DESIGN §1 "after the meeting", §2 review).
//!
//! One screen with pages: the archive list is always underneath, and a meeting or a group's
//! trends open on top of it ([`Page`]); Esc goes back one page. Opened straight onto a
//! meeting from the home screen, Esc goes home.
//!
//! Nothing here reads a file. The searchable text of the meetings (`search.txt`) is asked
//! for with [`Effect::LoadSearch`] when the archive opens, a meeting with
//! [`Effect::ShowSession`], a group's meetings with [`Effect::LoadGroup`], and minutes with
//! [`Effect::ExportMinutes`]; the event loop carries them out and hands the results back.
//! The list draws only the rows that fit, and filtering 10,000 meetings is one pass over the
//! summaries in memory (see `benches/review.rs`).

use std::cell::Cell;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::Date;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;
use unicode_width::UnicodeWidthStr;

use crate::export::words::{DateProblem, format_date, parse_date};
use crate::i18n::fill;
use crate::model::SessionRecord;
use crate::store::Summary;
use crate::store::search::{Filter, Query, SearchIndex, snippet};
use crate::tui::app::{Ctx, Effect, Next, Screen};
use crate::tui::keymap::{Action, Binding, Key, KeyContext, binding};
use crate::tui::overlay::{Answer, Item, Overlay, Prompt, Purpose};
use crate::tui::theme::Theme;
use crate::tui::widgets::fit;

pub mod session;
pub mod trend;

use session::SessionView;
use trend::{TrendData, TrendView};

// ---- keys ----------------------------------------------------------------------------------

/// The archive list.
pub const LIST_KEYS: &[Binding] = &[
    binding(&[Key::Enter], Action::Confirm, |t| t.review.key_open, true),
    binding(
        &[Key::Char('/')],
        Action::Search,
        |t| t.review.key_search,
        true,
    ),
    binding(
        &[Key::Char('g')],
        Action::FilterGroup,
        |t| t.review.key_group,
        true,
    ),
    binding(
        &[Key::Char('f')],
        Action::FilterFormat,
        |t| t.review.key_format,
        true,
    ),
    binding(
        &[Key::Char('d')],
        Action::FilterDates,
        |t| t.review.key_dates,
        true,
    ),
    binding(
        &[Key::Char('c')],
        Action::ClearFilters,
        |t| t.review.key_clear,
        true,
    ),
    binding(
        &[Key::Char('t')],
        Action::Trend,
        |t| t.review.key_trend,
        true,
    ),
    binding(&[Key::Esc], Action::Back, |t| t.key_back, true),
    binding(&[Key::Up, Key::Char('k')], Action::Up, |t| t.key_up, false),
    binding(
        &[Key::Down, Key::Char('j')],
        Action::Down,
        |t| t.key_down,
        false,
    ),
    binding(
        &[Key::Left],
        Action::PagePrev,
        |t| t.review.key_page_prev,
        false,
    ),
    binding(
        &[Key::Right],
        Action::PageNext,
        |t| t.review.key_page_next,
        false,
    ),
];

/// Typing into the search field: every printable key is text; the list follows each key.
pub const SEARCH_KEYS: &[Binding] = &[
    binding(&[Key::Enter], Action::Confirm, |t| t.key_done, true),
    binding(
        &[Key::Esc],
        Action::Back,
        |t| t.review.key_search_clear,
        true,
    ),
    binding(&[Key::Up], Action::Up, |t| t.key_up, false),
    binding(&[Key::Down], Action::Down, |t| t.key_down, false),
    binding(&[Key::CtrlC], Action::Quit, |t| t.key_quit, false),
];

/// A meeting's view.
pub const SESSION_KEYS: &[Binding] = &[
    binding(
        &[Key::Down, Key::Char('j')],
        Action::Down,
        |t| t.review.key_scroll,
        true,
    ),
    binding(&[Key::Up, Key::Char('k')], Action::Up, |t| t.key_up, false),
    binding(
        &[Key::Tab],
        Action::NextSection,
        |t| t.review.key_section,
        true,
    ),
    binding(
        &[Key::Char('e')],
        Action::Export,
        |t| t.review.key_export,
        true,
    ),
    binding(
        &[Key::Char('t')],
        Action::Trend,
        |t| t.review.key_trend,
        true,
    ),
    binding(&[Key::Esc], Action::Back, |t| t.key_back, true),
    binding(
        &[Key::Right, Key::Char(' ')],
        Action::PageNext,
        |t| t.review.key_page_next,
        false,
    ),
    binding(
        &[Key::Left],
        Action::PagePrev,
        |t| t.review.key_page_prev,
        false,
    ),
];

/// A group's trends and open actions.
pub const TREND_KEYS: &[Binding] = &[
    binding(
        &[Key::Down, Key::Char('j')],
        Action::Down,
        |t| t.review.key_scroll,
        true,
    ),
    binding(&[Key::Up, Key::Char('k')], Action::Up, |t| t.key_up, false),
    binding(
        &[Key::Tab],
        Action::NextSection,
        |t| t.review.key_section,
        true,
    ),
    binding(&[Key::Esc], Action::Back, |t| t.key_back, true),
    binding(
        &[Key::Right, Key::Char(' ')],
        Action::PageNext,
        |t| t.review.key_page_next,
        false,
    ),
    binding(
        &[Key::Left],
        Action::PagePrev,
        |t| t.review.key_page_prev,
        false,
    ),
];

/// The bindings of one of the review's contexts.
pub fn keys(context: KeyContext) -> &'static [Binding] {
    match context {
        KeyContext::ReviewSearch => SEARCH_KEYS,
        KeyContext::ReviewSession => SESSION_KEYS,
        KeyContext::ReviewTrend => TREND_KEYS,
        _ => LIST_KEYS,
    }
}

// ---- what the dialogs are for ----------------------------------------------------------------

/// A question the review asked in a dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewAsk {
    /// A group, by the ids of the picker's items after "all groups".
    Group(Vec<String>),
    /// A format, by machine name, after "all formats".
    Format(Vec<String>),
    /// The first day of the range.
    From,
    /// The last day, the first having been answered.
    To(Option<Date>),
    /// What to export of the meeting in this file: one of [`EXPORT_CHOICES`].
    Export(std::path::PathBuf),
    /// Whether to write this export over the file of the same name already there.
    Replace {
        path: std::path::PathBuf,
        format: crate::export::Format,
        public: bool,
    },
}

/// The question asked when an export's file is already there (the loop asks it).
pub fn ask_replace(
    path: std::path::PathBuf,
    format: crate::export::Format,
    public: bool,
) -> Purpose {
    purpose(ReviewAsk::Replace {
        path,
        format,
        public,
    })
}

/// The exports offered in a meeting's view, in picker order: (format, public). The command
/// line has every combination; these are the ones a facilitator reaches for.
pub const EXPORT_CHOICES: [(crate::export::Format, bool); 6] = [
    (crate::export::Format::Html, false),
    (crate::export::Format::Html, true),
    (crate::export::Format::Markdown, false),
    (crate::export::Format::Markdown, true),
    (crate::export::Format::Csv, false),
    (crate::export::Format::Json, false),
];

fn purpose(ask: ReviewAsk) -> Purpose {
    Purpose::Review(ask)
}

// ---- where the pages were drawn ----------------------------------------------------------------

thread_local! {
    /// How many rows of the list, and how big a page of a meeting or of the trends, were
    /// last drawn, so that the paging keys turn the pages the wall shows (keys do not know the
    /// window's size). Drawing records them, as ratatui's `ListState` records its offset, but
    /// never reads them. (One thread draws and takes keys.)
    static LIST_ROWS: Cell<usize> = const { Cell::new(0) };
    static PAGE: Cell<(u16, u16)> = const { Cell::new((0, 0)) };
}

/// Rows of the list a page holds (before the first frame: what 80x24 shows).
fn list_rows() -> usize {
    match LIST_ROWS.with(Cell::get) {
        0 => 15,
        n => n,
    }
}

/// The width and height of a drawn page of a meeting or trends.
pub(super) fn page_size() -> (u16, u16) {
    match PAGE.with(Cell::get) {
        (0, _) | (_, 0) => (78, 20),
        size => size,
    }
}

// ---- a scrolling page ---------------------------------------------------------------------

/// A page of text laid out for one width: its lines and where each section starts.
#[derive(Debug, Default)]
pub struct TextPage {
    pub lines: Vec<Line<'static>>,
    /// Line numbers of the section headings.
    pub sections: Vec<usize>,
}

impl TextPage {
    pub fn push(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    pub fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| l.width() > 0) {
            self.lines.push(Line::default());
        }
    }

    /// A section heading (a stop for Tab).
    pub fn section(&mut self, title: String, theme: Theme) {
        self.blank();
        self.sections.push(self.lines.len());
        self.lines
            .push(Line::from(Span::styled(title, theme.heading())));
    }

    /// Text wrapped to `width` with a first-line `lead` and the rest indented to match.
    pub fn para(&mut self, lead: &str, text: &str, width: usize, style: Style) {
        let indent = " ".repeat(lead.width());
        let room = width.saturating_sub(lead.width()).max(10);
        for (i, line) in crate::tui::widgets::wrap_words(text, room)
            .into_iter()
            .enumerate()
        {
            let first = if i == 0 { lead } else { indent.as_str() };
            self.lines
                .push(Line::from(Span::styled(format!("{first}{line}"), style)));
        }
    }
}

/// The column a page is drawn in: the whole width up to a readable measure, centred.
fn column(area: Rect) -> Rect {
    let width = area.width.min(110);
    Rect {
        x: area.x + (area.width - width) / 2,
        width,
        ..area
    }
}

/// How far a page of `total` lines scrolls in `room` rows.
fn max_scroll(total: usize, room: usize) -> usize {
    total.saturating_sub(room)
}

/// The scroll position after an action, for a page of `total` lines in `room` rows.
pub(super) fn scrolled(
    action: Action,
    scroll: usize,
    doc: &TextPage,
    room: usize,
) -> Option<usize> {
    let last = max_scroll(doc.lines.len(), room);
    let page = room.saturating_sub(1).max(1);
    Some(match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => (scroll + 1).min(last),
        Action::PagePrev => scroll.saturating_sub(page),
        Action::PageNext => (scroll + page).min(last),
        // The next section's heading at the top; past the last one, back to the start.
        Action::NextSection => match doc.sections.iter().copied().find(|s| *s > scroll) {
            Some(next) if scroll < last => next.min(last),
            _ => 0,
        },
        _ => return None,
    })
}

/// Whether a scrolling action can move the page (for the footer).
pub(super) fn can_scroll(action: Action, scroll: usize, doc: &TextPage, room: usize) -> bool {
    let last = max_scroll(doc.lines.len(), room);
    match action {
        Action::Up | Action::PagePrev => scroll > 0,
        Action::Down | Action::PageNext => scroll < last,
        Action::NextSection => doc.sections.len() > 1,
        _ => false,
    }
}

/// Draws a page from line `scroll`, with "more above / below" on the edges, and records
/// the page's size for the paging keys.
pub(super) fn render_doc(
    area: Rect,
    buf: &mut Buffer,
    cx: &Ctx,
    build: impl Fn(usize) -> TextPage,
    scroll: usize,
) {
    let area = column(area);
    PAGE.with(|p| p.set((area.width, area.height)));
    let doc = build(area.width as usize);
    let room = area.height as usize;
    let scroll = scroll.min(max_scroll(doc.lines.len(), room));
    let t = &cx.t().records;
    let mut lines: Vec<Line> = doc.lines[scroll..].iter().take(room).cloned().collect();
    if scroll > 0
        && let Some(first) = lines.first_mut()
    {
        *first = Line::from(Span::styled(
            fill(t.more_above, &[("n", &(scroll + 1).to_string())]),
            cx.theme.quiet(),
        ));
    }
    let below = doc.lines.len().saturating_sub(scroll + room);
    if below > 0
        && let Some(last) = lines.last_mut()
    {
        *last = Line::from(Span::styled(
            fill(t.more_below, &[("n", &(below + 1).to_string())]),
            cx.theme.quiet(),
        ));
    }
    Paragraph::new(lines).render(area, buf);
}

/// The scroll room of a page: the height it was last drawn at.
pub(super) fn room() -> usize {
    page_size().1 as usize
}

/// A page that is one scrolling document (a meeting, a group's trends): what it offers,
/// how it scrolls and how it is drawn follow from its layout and its scroll position.
pub trait DocPage {
    /// The whole page laid out for `width` columns.
    fn layout(&self, width: usize, cx: &Ctx) -> TextPage;
    fn scroll_mut(&mut self) -> &mut usize;
    fn scroll(&self) -> usize;

    /// Whether an action can do something now (for the footer): scrolling only where the
    /// page can move.
    fn offers(&self, action: Action, cx: &Ctx) -> bool {
        match action {
            Action::Up
            | Action::Down
            | Action::PagePrev
            | Action::PageNext
            | Action::NextSection => {
                let doc = self.layout(page_size().0 as usize, cx);
                can_scroll(action, self.scroll(), &doc, room())
            }
            _ => true,
        }
    }

    /// Scrolls the page for a scrolling action; any other action does nothing here.
    fn act(&mut self, action: Action, cx: &Ctx) {
        let doc = self.layout(page_size().0 as usize, cx);
        if let Some(scroll) = scrolled(action, self.scroll(), &doc, room()) {
            *self.scroll_mut() = scroll;
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        render_doc(area, buf, cx, |width| self.layout(width, cx), self.scroll());
    }
}

// ---- the archive list ---------------------------------------------------------------------------

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
    fn new(cx: &Ctx) -> Archive {
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
}

// ---- the screen ---------------------------------------------------------------------------------

/// A page on top of the archive list.
#[derive(Debug)]
pub enum Page {
    Session(Box<SessionView>),
    Trend(Box<TrendView>),
}

/// The review screen.
#[derive(Debug)]
pub struct Review {
    pub archive: Archive,
    /// Pages on top of the list, the last one showing; none: the list.
    pub pages: Vec<Page>,
    /// Opened straight onto a meeting from the home screen: going back from it goes home.
    pub home_when_done: bool,
}

impl Review {
    /// The archive, newest first, unfiltered. The caller asks the loop for the search text.
    pub fn new(cx: &Ctx) -> Review {
        Review {
            archive: Archive::new(cx),
            pages: Vec::new(),
            home_when_done: false,
        }
    }

    /// Opens the review and asks for the searchable text (read once, kept while it is open).
    pub fn open(cx: &mut Ctx) -> Next {
        cx.effect(Effect::LoadSearch);
        Next::Go(Screen::Review(Box::new(Review::new(cx))))
    }

    /// A meeting's view straight from the home screen.
    pub fn session_from_home(record: SessionRecord, cx: &Ctx) -> Review {
        let mut review = Review::new(cx);
        review.home_when_done = true;
        review
            .pages
            .push(Page::Session(Box::new(SessionView::new(record, cx))));
        review
    }

    /// Where the keyboard is.
    pub fn context(&self) -> KeyContext {
        match self.pages.last() {
            Some(Page::Session(_)) => KeyContext::ReviewSession,
            Some(Page::Trend(_)) => KeyContext::ReviewTrend,
            None if self.archive.typing => KeyContext::ReviewSearch,
            None => KeyContext::Review,
        }
    }

    /// Whether the search field has the keyboard.
    pub fn takes_text(&self) -> bool {
        self.pages.is_empty() && self.archive.typing
    }

    /// Types a key into the search field; returns whether it was used. Enter, Esc, the
    /// arrows up and down and Ctrl-C go on to the keymap.
    pub fn type_key(&mut self, key: &KeyEvent, cx: &Ctx) -> bool {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return false;
        }
        match key.code {
            KeyCode::Enter | KeyCode::Esc | KeyCode::Up | KeyCode::Down | KeyCode::Tab => false,
            KeyCode::Char(_) if self.archive.input.value().chars().count() >= MAX_QUERY_CHARS => {
                true
            }
            _ => {
                self.archive
                    .input
                    .handle_event(&crossterm::event::Event::Key(*key));
                self.archive.set_query(cx);
                true
            }
        }
    }

    /// Pasted text goes into the search field while it has the keyboard.
    pub fn paste(&mut self, text: &str, cx: &Ctx) {
        if self.takes_text() {
            for c in text.chars().filter(|c| !c.is_control()) {
                if self.archive.input.value().chars().count() < MAX_QUERY_CHARS {
                    self.archive
                        .input
                        .handle(tui_input::InputRequest::InsertChar(c));
                }
            }
            self.archive.set_query(cx);
        }
    }

    /// The list of meetings changed (the full list arrived, or a reload).
    pub fn set_data(&mut self, cx: &Ctx) {
        self.archive.refilter(cx);
    }

    /// The loop read the searchable text.
    pub fn set_search(&mut self, index: SearchIndex, cx: &Ctx) {
        self.archive.index = Some(index);
        self.archive.refilter(cx);
    }

    /// The loop loaded a meeting to look at.
    pub fn show_session(&mut self, record: SessionRecord, cx: &Ctx) {
        self.pages
            .push(Page::Session(Box::new(SessionView::new(record, cx))));
    }

    /// The loop read a group's meetings for its trends.
    pub fn group_loaded(&mut self, group_id: &str, data: TrendData) {
        if let Some(trend) = self.pages.iter_mut().find_map(|page| match page {
            Page::Trend(trend) if trend.group_id == group_id && trend.data.is_none() => Some(trend),
            _ => None,
        }) {
            trend.load(data);
        }
    }

    /// Whether an action can do something now (for the footer).
    pub fn offers(&self, action: Action, cx: &Ctx) -> bool {
        match self.pages.last() {
            Some(Page::Session(view)) => view.offers(action, cx),
            Some(Page::Trend(view)) => view.offers(action, cx),
            None => {
                let archive = &self.archive;
                let any = !archive.matches.is_empty();
                match action {
                    Action::Confirm if archive.typing => true,
                    Action::Confirm | Action::Trend => any,
                    Action::Up => archive.selected > 0,
                    Action::Down => archive.selected + 1 < archive.matches.len(),
                    Action::PagePrev => archive.selected > 0,
                    Action::PageNext => archive.selected + 1 < archive.matches.len(),
                    Action::ClearFilters => !archive.filter.is_empty(),
                    Action::FilterGroup | Action::FilterFormat | Action::FilterDates => {
                        !cx.data.sessions.is_empty()
                    }
                    _ => true,
                }
            }
        }
    }

    /// Handles an action.
    pub fn act(&mut self, action: Action, cx: &mut Ctx) -> Next {
        match self.pages.last_mut() {
            Some(Page::Session(view)) => match action {
                Action::Back => return self.back(),
                Action::Export => {
                    let t = &cx.t().review;
                    let items = t
                        .export_choices
                        .iter()
                        .map(|(label, detail)| Item::new(*label, *detail))
                        .collect();
                    return Next::Open(Overlay::picker(
                        t.export_title,
                        items,
                        0,
                        purpose(ReviewAsk::Export(view.path(cx))),
                    ));
                }
                Action::Trend => {
                    let group = view.record.group.id.clone();
                    let name = view.record.group.name.clone();
                    self.open_trend(group, name, cx);
                }
                _ => view.act(action, cx),
            },
            Some(Page::Trend(view)) => match action {
                Action::Back => return self.back(),
                _ => view.act(action, cx),
            },
            None => return self.act_list(action, cx),
        }
        Next::Stay
    }

    /// One page back; from the list (or a meeting opened from home), home.
    fn back(&mut self) -> Next {
        self.pages.pop();
        if self.pages.is_empty() && self.home_when_done {
            return Next::Home;
        }
        Next::Stay
    }

    fn open_trend(&mut self, group_id: String, group_name: String, cx: &mut Ctx) {
        cx.effect(Effect::LoadGroup(group_id.clone()));
        self.pages
            .push(Page::Trend(Box::new(TrendView::new(group_id, group_name))));
    }

    fn act_list(&mut self, action: Action, cx: &mut Ctx) -> Next {
        let t = &cx.t().review;
        let archive = &mut self.archive;
        match action {
            Action::Up => archive.move_by(-1, cx),
            Action::Down => archive.move_by(1, cx),
            Action::PagePrev => archive.move_by(-(list_rows() as isize), cx),
            Action::PageNext => archive.move_by(list_rows() as isize, cx),
            Action::Search => archive.typing = true,
            Action::Confirm if archive.typing => archive.typing = false,
            Action::Back if archive.typing => {
                archive.typing = false;
                archive.input.reset();
                archive.set_query(cx);
            }
            Action::Confirm => {
                if let Some(summary) = archive.selected_summary(cx) {
                    let path = cx.data.sessions_dir.join(&summary.file);
                    cx.effect(Effect::ShowSession(path));
                }
            }
            Action::Trend => {
                let chosen = match &archive.filter.group {
                    Some(id) => cx.data.sessions.iter().find(|s| &s.group_id == id),
                    None => archive.selected_summary(cx),
                };
                if let Some(s) = chosen {
                    let (id, name) = (s.group_id.clone(), s.group_name.clone());
                    self.open_trend(id, name, cx);
                }
            }
            Action::FilterGroup => {
                let groups = distinct(cx, |s| (&s.group_id, s.group_name.clone()));
                let current = archive.filter.group.as_ref();
                let selected = current
                    .and_then(|g| groups.iter().position(|(id, _)| id == g))
                    .map_or(0, |i| i + 1);
                let mut items = vec![Item::new(t.all_groups, "")];
                items.extend(groups.iter().map(|(_, name)| Item::new(name.clone(), "")));
                let ids = groups.into_iter().map(|(id, _)| id).collect();
                return Next::Open(Overlay::picker(
                    t.group_picker,
                    items,
                    selected,
                    purpose(ReviewAsk::Group(ids)),
                ));
            }
            Action::FilterFormat => {
                let lang = cx.lang;
                let formats = distinct(cx, |s| (&s.format, s.format_title.get(lang).to_string()));
                let current = archive.filter.format.as_ref();
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
                return Next::Open(Overlay::picker(
                    t.format_picker,
                    items,
                    selected,
                    purpose(ReviewAsk::Format(names)),
                ));
            }
            Action::FilterDates => {
                let typed = archive
                    .filter
                    .from
                    .map(|d| format_date(cx.lang, d))
                    .unwrap_or_default();
                return Next::Open(Overlay::Prompt(Prompt::new(
                    t.from_title,
                    t.from_hint,
                    &typed,
                    purpose(ReviewAsk::From),
                    40,
                )));
            }
            Action::ClearFilters => {
                archive.filter = Filter::default();
                archive.input.reset();
                archive.typing = false;
                archive.refilter(cx);
            }
            Action::Back => return Next::Home,
            _ => {}
        }
        Next::Stay
    }

    /// A dialog the review opened was answered.
    pub fn answer(&mut self, asked: Purpose, answer: Answer, cx: &mut Ctx) -> Next {
        let Purpose::Review(ask) = asked else {
            return Next::Stay;
        };
        let t = &cx.t().review;
        let archive = &mut self.archive;
        match (ask, answer) {
            (ReviewAsk::Group(ids), Answer::Picked(i)) => {
                archive.filter.group = i.checked_sub(1).and_then(|i| ids.get(i).cloned());
                archive.refilter(cx);
            }
            (ReviewAsk::Format(names), Answer::Picked(i)) => {
                archive.filter.format = i.checked_sub(1).and_then(|i| names.get(i).cloned());
                archive.refilter(cx);
            }
            (ReviewAsk::From, Answer::Text(text)) => match read_day(&text, cx) {
                Ok(from) => {
                    let typed = archive
                        .filter
                        .to
                        .map(|d| format_date(cx.lang, d))
                        .unwrap_or_default();
                    return Next::Open(Overlay::Prompt(Prompt::new(
                        t.to_title,
                        t.to_hint,
                        &typed,
                        purpose(ReviewAsk::To(from)),
                        40,
                    )));
                }
                Err(message) => cx.error(message),
            },
            (ReviewAsk::To(from), Answer::Text(text)) => match read_day(&text, cx) {
                Ok(to) => {
                    if let (Some(a), Some(b)) = (from, to)
                        && b < a
                    {
                        cx.error(fill(
                            t.bad_range,
                            &[
                                ("from", &format_date(cx.lang, a)),
                                ("to", &format_date(cx.lang, b)),
                            ],
                        ));
                    } else {
                        archive.filter.from = from;
                        archive.filter.to = to;
                        archive.refilter(cx);
                    }
                }
                Err(message) => cx.error(message),
            },
            (ReviewAsk::Export(path), Answer::Picked(i)) => {
                if let Some((format, public)) = EXPORT_CHOICES.get(i).copied() {
                    // The loop writes the files (`parvi::export`) and says where they went.
                    cx.effect(Effect::ExportMinutes {
                        path,
                        format,
                        public,
                        replace: false,
                    });
                }
            }
            (
                ReviewAsk::Replace {
                    path,
                    format,
                    public,
                },
                Answer::Yes,
            ) => cx.effect(Effect::ExportMinutes {
                path,
                format,
                public,
                replace: true,
            }),
            _ => {}
        }
        Next::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        match self.pages.last() {
            Some(Page::Session(view)) => view.render(area, buf, cx),
            Some(Page::Trend(view)) => view.render(area, buf, cx),
            None => render_list(&self.archive, area, buf, cx),
        }
    }
}

/// The longest search accepted, in characters.
const MAX_QUERY_CHARS: usize = 100;

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

/// `[one, many]` by the count, with the count filled in.
pub(super) fn count(forms: [&str; 2], n: usize) -> String {
    fill(forms[usize::from(n != 1)], &[("n", &n.to_string())])
}

/// A meeting's date as a list shows it: `3.11.2026`.
pub(super) fn day(cx: &Ctx, at: jiff::Timestamp) -> String {
    format_date(cx.lang, cx.local(at).date())
}

fn render_list(archive: &Archive, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    let t = cx.t();
    let r = &t.review;
    let theme = cx.theme;
    let width = area.width as usize;
    let total = cx.data.sessions.len();
    let shown = archive.matches.len();

    // Title and counts.
    let counts = if total == 0 && cx.reading_sessions {
        // Not "0 meetings": they are still being read.
        String::new()
    } else if archive.filter.is_empty() {
        count(r.count, total)
    } else {
        fill(
            r.count_filtered,
            &[("n", &shown.to_string()), ("total", &total.to_string())],
        )
    };
    // The filters: the search field, then group, format and dates; on a second line when
    // they do not fit on one.
    let mut search: Vec<Span> = vec![Span::styled(format!("{}: ", r.search_label), theme.text())];
    let value = archive.input.value();
    if archive.typing {
        let cursor = archive.input.visual_cursor();
        let chars: Vec<char> = value.chars().collect();
        let split = cursor.min(chars.len());
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
    let group = archive.filter.group.as_ref().map(|id| {
        cx.data
            .sessions
            .iter()
            .find(|s| &s.group_id == id)
            .map_or_else(|| id.clone(), |s| s.group_name.clone())
    });
    let format = archive.filter.format.as_ref().map(|name| {
        cx.data
            .sessions
            .iter()
            .find(|s| &s.format == name)
            .map_or_else(|| name.clone(), |s| s.format_title.get(cx.lang).to_string())
    });
    let dates = match (archive.filter.from, archive.filter.to) {
        (None, None) => None,
        (Some(a), None) => Some(fill(r.from_date, &[("date", &format_date(cx.lang, a))])),
        (None, Some(b)) => Some(fill(r.until_date, &[("date", &format_date(cx.lang, b))])),
        (Some(a), Some(b)) => Some(format!(
            "{}–{}",
            format_date(cx.lang, a),
            format_date(cx.lang, b)
        )),
    };
    let filters = [
        (r.group_label, group),
        (r.format_label, format),
        (r.dates_label, dates),
    ];
    let chips = |room: usize| -> Vec<Span<'static>> {
        let mut spans = Vec::new();
        for (n, (label, value)) in filters.iter().enumerate() {
            if n > 0 {
                spans.push(Span::raw("   "));
            }
            spans.push(Span::styled(format!("{label}: "), theme.text()));
            match value {
                Some(v) => spans.push(Span::styled(fit(v, room), theme.current())),
                None => spans.push(Span::styled(r.all, theme.quiet())),
            }
        }
        spans
    };
    let spans_width = |spans: &[Span]| spans.iter().map(|s| s.width()).sum::<usize>();
    let one_line = chips(usize::MAX);
    let mut filter_lines = Vec::new();
    if spans_width(&search) + 3 + spans_width(&one_line) <= width {
        let mut spans = search;
        spans.push(Span::raw("   "));
        spans.extend(one_line);
        filter_lines.push(Line::from(spans));
    } else {
        filter_lines.push(Line::from(search));
        let labels: usize = filters.iter().map(|(l, _)| l.width() + 5).sum();
        filter_lines.push(Line::from(chips((width.saturating_sub(labels) / 3).max(8))));
    }

    // Rows: title, filters, a blank, then the list; the last row shows a match's words.
    let list_top = 2 + filter_lines.len();
    let rows = (area.height as usize).saturating_sub(list_top + 1).max(1);
    LIST_ROWS.with(|c| c.set(rows));
    let start = archive
        .selected
        .saturating_sub(rows.saturating_sub(1))
        .min(shown.saturating_sub(rows));
    let end = (start + rows).min(shown);
    let counts = if shown > 0 {
        format!(
            "{counts}, {}",
            fill(
                r.showing,
                &[("from", &(start + 1).to_string()), ("to", &end.to_string())]
            )
        )
    } else {
        counts
    };
    let title_room = width.saturating_sub(counts.width() + 2);
    let mut lines = vec![Line::from(vec![
        Span::styled(
            crate::tui::widgets::pad(r.title, title_room),
            theme.heading(),
        ),
        Span::raw("  "),
        Span::styled(counts, theme.quiet()),
    ])];
    lines.extend(filter_lines);
    lines.push(Line::default());

    // The rows that fit, and only those.
    if shown == 0 {
        let message = if total == 0 && cx.reading_sessions {
            r.reading_sessions
        } else if total == 0 {
            r.no_sessions
        } else {
            r.no_matches
        };
        lines.push(Line::from(Span::styled(message, theme.quiet())));
    }
    let wide = width >= 110;
    // A space, the longest date (`23.11.2026`) and a space before the topic.
    let date_w = 12;
    let rest = width.saturating_sub(date_w + 2);
    let (topic_w, format_w, group_w) = if wide {
        (
            rest * 4 / 10,
            rest * 3 / 10,
            rest - rest * 4 / 10 - rest * 3 / 10,
        )
    } else {
        (rest * 6 / 10, 0, rest - rest * 6 / 10)
    };
    for (pos, i) in archive.matches[start..end].iter().enumerate() {
        let s = &cx.data.sessions[*i];
        let selected = start + pos == archive.selected;
        let style = if selected {
            theme.selected()
        } else {
            theme.text()
        };
        let title = s.title(cx.lang);
        let title = if s.unfinished() {
            format!("{title} ({})", t.cli_session_status_open)
        } else {
            title
        };
        let mut spans = vec![
            Span::styled(
                crate::tui::widgets::pad(&format!(" {}", day(cx, s.started_at)), date_w),
                style,
            ),
            Span::styled(crate::tui::widgets::pad(&title, topic_w), style),
        ];
        if wide {
            spans.push(Span::styled(
                crate::tui::widgets::pad(&format!(" {}", s.format_title.get(cx.lang)), format_w),
                if selected { style } else { theme.quiet() },
            ));
        }
        spans.push(Span::styled(
            crate::tui::widgets::pad(&format!(" {}", s.group_name), group_w + 2),
            if selected { style } else { theme.quiet() },
        ));
        lines.push(Line::from(spans));
    }
    Paragraph::new(lines).render(area, buf);

    // Why the selected meeting matched: its words around the first search word.
    if let (Some(index), Some(s)) = (&archive.index, archive.selected_summary(cx))
        && !archive.filter.query.is_empty()
        && let Some(text) = index.text(&s.file)
        && let Some(words) = snippet(text, &archive.filter.query, width.saturating_sub(12))
        && area.height > 0
    {
        let bottom = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{}: ", r.match_label), theme.heading()),
            Span::styled(
                fit(&words, width.saturating_sub(r.match_label.width() + 2)),
                theme.text(),
            ),
        ]))
        .render(bottom, buf);
    }
}
