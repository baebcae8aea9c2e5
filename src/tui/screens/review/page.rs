//! A scrolling page of text, as a meeting's view and a group's trends are: laid out for the
//! width it is drawn in, scrolled a line, a page or a section at a time, with "more above /
//! below" on its edges.
//!
//! The page's size comes from the area the screen is drawn in ([`column`]), so that drawing
//! and the scrolling keys lay it out the same way.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::i18n::fill;
use crate::tui::app::Ctx;
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;

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
pub fn column(area: Rect) -> Rect {
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
fn scrolled(action: Action, scroll: usize, doc: &TextPage, room: usize) -> Option<usize> {
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
fn can_scroll(action: Action, scroll: usize, doc: &TextPage, room: usize) -> bool {
    let last = max_scroll(doc.lines.len(), room);
    match action {
        Action::Up | Action::PagePrev => scroll > 0,
        Action::Down | Action::PageNext => scroll < last,
        Action::NextSection => doc.sections.len() > 1,
        _ => false,
    }
}

/// Draws a page from line `scroll` in `area` (the page's column), with "more above / below" on
/// the edges.
fn render_doc(
    area: Rect,
    buf: &mut Buffer,
    cx: &Ctx,
    build: impl Fn(usize) -> TextPage,
    scroll: usize,
) {
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

/// A page that is one scrolling document (a meeting, a group's trends): what it offers,
/// how it scrolls and how it is drawn follow from its layout, its scroll position and the
/// area the screen is drawn in.
pub trait DocPage {
    /// The whole page laid out for `width` columns.
    fn layout(&self, width: usize, cx: &Ctx) -> TextPage;
    fn scroll_mut(&mut self) -> &mut usize;
    fn scroll(&self) -> usize;

    /// The column the page is drawn in within `area`: [`column`] unless the page says
    /// otherwise.
    fn column(&self, area: Rect) -> Rect {
        column(area)
    }

    /// Whether an action can do something now (for the footer): scrolling only where the
    /// page can move.
    fn offers(&self, action: Action, area: Rect, cx: &Ctx) -> bool {
        match action {
            Action::Up
            | Action::Down
            | Action::PagePrev
            | Action::PageNext
            | Action::NextSection => {
                let page = self.column(area);
                let doc = self.layout(page.width as usize, cx);
                can_scroll(action, self.scroll(), &doc, page.height as usize)
            }
            _ => true,
        }
    }

    /// Scrolls the page for a scrolling action; any other action does nothing here.
    fn act(&mut self, action: Action, area: Rect, cx: &Ctx) {
        let page = self.column(area);
        let doc = self.layout(page.width as usize, cx);
        if let Some(scroll) = scrolled(action, self.scroll(), &doc, page.height as usize) {
            *self.scroll_mut() = scroll;
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let area = self.column(area);
        render_doc(area, buf, cx, |width| self.layout(width, cx), self.scroll());
    }
}
