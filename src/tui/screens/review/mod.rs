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

use crossterm::event::KeyEvent;
use jiff::civil::Date;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::fill;
use crate::i18n::words::format_date;
use crate::model::SessionRecord;
use crate::store::search::SearchIndex;
use crate::tui::app::{Ctx, Effect, Next, Screen};
use crate::tui::keymap::{Action, Binding, Key, KeyContext, binding};
use crate::tui::overlay::{Answer, Findings, Item, Overlay, Purpose};

pub mod archive;
pub mod page;
pub mod participation;
pub mod report;
pub mod session;
pub mod trend;
pub mod votes;

pub use archive::Archive;
use page::DocPage;
pub use page::TextPage;
use report::ReportView;
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
    binding(
        &[Key::Char('r')],
        Action::Report,
        |t| t.report.key_open,
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

/// A group's yearly report: the arrows left and right step the school year, so the pages
/// turn with PgUp and PgDn (and Space).
pub const REPORT_KEYS: &[Binding] = &[
    binding(
        &[Key::Down, Key::Char('j')],
        Action::Down,
        |t| t.report.key_scroll,
        true,
    ),
    binding(&[Key::Up, Key::Char('k')], Action::Up, |t| t.key_up, false),
    binding(
        &[Key::Left, Key::Char('[')],
        Action::PreviousYear,
        |t| t.report.key_prev_year,
        true,
    ),
    binding(
        &[Key::Right, Key::Char(']')],
        Action::NextYear,
        |t| t.report.key_next_year,
        true,
    ),
    binding(
        &[Key::Tab],
        Action::NextSection,
        |t| t.review.key_section,
        true,
    ),
    binding(&[Key::Esc], Action::Back, |t| t.key_back, true),
    binding(
        &[Key::PageDown, Key::Char(' ')],
        Action::PageNext,
        |t| t.report.key_page_down,
        false,
    ),
    binding(
        &[Key::PageUp],
        Action::PagePrev,
        |t| t.report.key_page_up,
        false,
    ),
];

/// The bindings of one of the review's contexts.
pub fn keys(context: KeyContext) -> &'static [Binding] {
    match context {
        KeyContext::ReviewSearch => SEARCH_KEYS,
        KeyContext::ReviewSession => SESSION_KEYS,
        KeyContext::ReviewTrend => TREND_KEYS,
        KeyContext::ReviewReport => REPORT_KEYS,
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
    /// Whether to publish this export although the guard found names or health words in
    /// its text (`export::guard`): [`Findings::PUBLISH`] or [`Findings::CANCEL`].
    Publish {
        path: std::path::PathBuf,
        format: crate::export::Format,
        public: bool,
    },
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
pub const EXPORT_CHOICES: [(crate::export::Format, bool); 7] = [
    (crate::export::Format::Html, false),
    (crate::export::Format::Html, true),
    (crate::export::Format::Markdown, false),
    (crate::export::Format::Markdown, true),
    (crate::export::Format::Csv, false),
    (crate::export::Format::Json, false),
    (crate::export::Format::Notice, false),
];

fn purpose(ask: ReviewAsk) -> Purpose {
    Purpose::Review(ask)
}

// ---- the screen ---------------------------------------------------------------------------------

/// A page on top of the archive list.
#[derive(Debug)]
pub enum Page {
    Session(Box<SessionView>),
    Trend(Box<TrendView>),
    /// A group's yearly report, opened from its trends.
    Report(Box<ReportView>),
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
            .push(Page::Session(Box::new(SessionView::new(record))));
        review
    }

    /// Where the keyboard is.
    pub fn context(&self) -> KeyContext {
        match self.pages.last() {
            Some(Page::Session(_)) => KeyContext::ReviewSession,
            Some(Page::Trend(_)) => KeyContext::ReviewTrend,
            Some(Page::Report(_)) => KeyContext::ReviewReport,
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
        self.archive.type_key(key, cx)
    }

    /// Pasted text goes into the search field while it has the keyboard.
    pub fn paste(&mut self, text: &str, cx: &Ctx) {
        if self.takes_text() {
            self.archive.paste(text, cx);
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
    pub fn show_session(&mut self, record: SessionRecord) {
        self.pages
            .push(Page::Session(Box::new(SessionView::new(record))));
    }

    /// The loop read a group's meetings for its trends (and for a report opened before
    /// they were read).
    pub fn group_loaded(&mut self, group_id: &str, data: TrendData) {
        for page in &mut self.pages {
            if let Page::Report(report) = page
                && report.group_id == group_id
                && report.waiting()
            {
                report.load(data.figures.clone());
            }
        }
        if let Some(trend) = self.pages.iter_mut().find_map(|page| match page {
            Page::Trend(trend) if trend.group_id == group_id && trend.data.is_none() => Some(trend),
            _ => None,
        }) {
            trend.load(data);
        }
    }

    /// Whether an action can do something now (for the footer), the review being drawn in
    /// `area`.
    pub fn offers(&self, action: Action, area: Rect, cx: &Ctx) -> bool {
        match self.pages.last() {
            Some(Page::Session(view)) => view.offers(action, area, cx),
            Some(Page::Trend(view)) => view.offers(action, area, cx),
            Some(Page::Report(view)) => match action {
                Action::PreviousYear | Action::NextYear => view.offers_year(action, cx),
                _ => view.offers(action, area, cx),
            },
            None => self.archive.offers(action, cx),
        }
    }

    /// Handles an action, the review being drawn in `area`.
    pub fn act(&mut self, action: Action, area: Rect, cx: &mut Ctx) -> Next {
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
                _ => view.act(action, area, cx),
            },
            Some(Page::Trend(view)) => match action {
                Action::Back => return self.back(),
                Action::Report => {
                    // The figures the trends were drawn from, or none yet: the report then
                    // waits for the same read.
                    let figures = view.data.as_ref().map(|d| d.figures.clone());
                    let report = ReportView::new(
                        view.group_id.clone(),
                        view.group_name.clone(),
                        figures,
                        cx,
                    );
                    self.pages.push(Page::Report(Box::new(report)));
                }
                _ => view.act(action, area, cx),
            },
            Some(Page::Report(view)) => match action {
                Action::Back => return self.back(),
                Action::PreviousYear | Action::NextYear => view.step_year(action, cx),
                _ => view.act(action, area, cx),
            },
            None if action == Action::Trend => {
                if let Some((id, name)) = self.archive.trend_group(cx) {
                    self.open_trend(id, name, cx);
                }
            }
            None => return self.archive.act(action, area, cx),
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

    /// A dialog the review opened was answered.
    pub fn answer(&mut self, asked: Purpose, answer: Answer, cx: &mut Ctx) -> Next {
        let Purpose::Review(ask) = asked else {
            return Next::Stay;
        };
        match (ask, answer) {
            (ReviewAsk::Export(path), Answer::Picked(i)) => {
                if let Some((format, public)) = EXPORT_CHOICES.get(i).copied() {
                    let hits = self.guard(format, public, cx);
                    if !hits.is_empty() {
                        let ask = ReviewAsk::Publish {
                            path,
                            format,
                            public,
                        };
                        return Next::Open(Overlay::Findings(Findings::new(
                            cx.lang,
                            &hits,
                            purpose(ask),
                        )));
                    }
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
                ReviewAsk::Publish {
                    path,
                    format,
                    public,
                },
                Answer::Picked(Findings::PUBLISH),
            ) => cx.effect(Effect::ExportMinutes {
                path,
                format,
                public,
                replace: false,
            }),
            (ReviewAsk::Publish { .. }, _) => cx.info(cx.t().guard.cancelled),
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
            (ask, answer) => return self.archive.answer(ask, answer, cx),
        }
        Next::Stay
    }

    /// The guard before publishing: what a public export or a notice of the meeting shown
    /// would publish that names a student of its group (as the group is now) or tells of
    /// one person's health or welfare. Nothing for an export that is not published.
    fn guard(
        &self,
        format: crate::export::Format,
        public: bool,
        cx: &Ctx,
    ) -> Vec<crate::export::guard::Hit> {
        use crate::export::Format;
        use crate::export::guard::Publication;
        let publication = match format {
            Format::Notice | Format::NoticeHtml => Publication::Notice,
            _ if public => Publication::Minutes,
            _ => return Vec::new(),
        };
        let Some(Page::Session(view)) = self.pages.last() else {
            return Vec::new();
        };
        let group = cx.data.groups.iter().find(|g| g.id == view.record.group.id);
        crate::export::guard::check_record(&view.record, group, publication)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        match self.pages.last() {
            Some(Page::Session(view)) => view.render(area, buf, cx),
            Some(Page::Trend(view)) => view.render(area, buf, cx),
            Some(Page::Report(view)) => view.render(area, buf, cx),
            None => self.archive.render(area, buf, cx),
        }
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
