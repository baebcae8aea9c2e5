//! The year-clock screen: one group's wellbeing year clock, drawn as a ring of the twelve
//! months (a month table on small screens) or as a list with the selected item's details;
//! the arrows turn the school year shown, and the list's items can be edited.
//!
//! Here: the state, the keys and the header. The ring and the month table are in `ring`,
//! the list and the details in `list`, the editor in `edit`.

mod edit;
mod list;
mod ring;

pub use edit::ClockAsk;

use jiff::civil::Date;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::i18n::fill;
use crate::model::Group;
use crate::model::clock::{ClockItem, ItemStatus, SchoolYear, YearClock};
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{Action, Binding, Key, binding};
use crate::tui::widgets::fit;

/// The screen's own keys (the arrows up and down come from the list table).
pub const KEYS: &[Binding] = &[
    binding(
        &[Key::Tab, Key::Char('l')],
        Action::NextPanel,
        |t| t.clock.key_view,
        true,
    ),
    binding(
        &[Key::Left, Key::Char('[')],
        Action::PreviousYear,
        |t| t.clock.key_prev_year,
        true,
    ),
    binding(
        &[Key::Right, Key::Char(']')],
        Action::NextYear,
        |t| t.clock.key_next_year,
        true,
    ),
    binding(
        &[Key::Enter],
        Action::Confirm,
        |t| t.clock_edit.key_mark,
        true,
    ),
    binding(
        &[Key::Char('e')],
        Action::Edit,
        |t| t.clock_edit.key_edit,
        true,
    ),
    binding(
        &[Key::Char('m')],
        Action::MoveItem,
        |t| t.clock_edit.key_move,
        false,
    ),
    binding(
        &[Key::Char('r')],
        Action::Toggle,
        |t| t.clock_edit.key_responsible,
        false,
    ),
    binding(
        &[Key::Char('i')],
        Action::NewItem,
        |t| t.clock_edit.key_new,
        false,
    ),
    binding(
        &[Key::Char('x'), Key::Delete],
        Action::Remove,
        |t| t.clock_edit.key_remove,
        false,
    ),
    binding(
        &[Key::Char('a')],
        Action::Add,
        |t| t.clock_edit.key_start,
        true,
    ),
    binding(
        &[Key::Esc, Key::Char('q')],
        Action::Back,
        |t| t.key_back_home,
        true,
    ),
];

/// The two ways of showing the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The twelve months: a ring on a big screen, a month table on a small one.
    Months,
    /// The items in the order of the year, with the selected one's details.
    List,
}

/// One group's year clock on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockScreen {
    /// The group's id. The clock itself is looked up in the data on every frame, so that a
    /// reload shows the clock as it is now.
    pub group: String,
    pub group_name: String,
    pub year: SchoolYear,
    pub view: View,
    /// The selected item of the list, an index into the clock's items.
    pub selected: usize,
}

/// What every part of the screen draws from: the clock, the school year shown, and what is
/// late and current in it.
pub(super) struct Shown<'a> {
    pub clock: &'a YearClock,
    pub year: SchoolYear,
    /// The month that is now, when the year shown is this school year.
    pub now_month: Option<u8>,
    /// The ids of the items over and not done (only this school year has any).
    pub late: Vec<&'a str>,
}

impl Shown<'_> {
    /// What the signs before the items mean: `✓ tehty  • suunniteltu / käynnissä …`.
    pub fn legend(&self, cx: &Ctx) -> String {
        let t = &cx.t().clock;
        format!(
            "✓ {}   • {} / {}   – {}   ! {}",
            t.done, t.planned, t.underway, t.skipped, t.late
        )
    }

    pub fn is_late(&self, item: &ClockItem) -> bool {
        self.late.contains(&item.id.as_str())
    }

    /// The sign before an item's title, so that its state does not rest on colour alone:
    /// `!` late, `✓` done, `–` skipped, `•` otherwise; and its style.
    pub fn mark(&self, item: &ClockItem, cx: &Ctx) -> (&'static str, Style) {
        if self.is_late(item) {
            return ("!", cx.theme.warning());
        }
        match item.status_in(self.year) {
            ItemStatus::Done => ("✓", cx.theme.done()),
            ItemStatus::Skipped => ("–", cx.theme.quiet()),
            _ => ("•", cx.theme.text()),
        }
    }
}

/// Today's date where parvi runs.
pub(super) fn today(cx: &Ctx) -> Date {
    cx.local(cx.now().at).date()
}

impl ClockScreen {
    /// The clock of `group`, in this school year, as the ring (or month table).
    pub fn open(group: &Group, cx: &Ctx) -> ClockScreen {
        ClockScreen {
            group: group.id.clone(),
            group_name: group.name.clone(),
            year: SchoolYear::of(today(cx)),
            view: View::Months,
            selected: 0,
        }
    }

    fn clock<'a>(&self, cx: &'a Ctx) -> Option<&'a YearClock> {
        cx.data.clocks.iter().find(|c| c.group == self.group)
    }

    fn items(&self, cx: &Ctx) -> usize {
        self.clock(cx).map_or(0, |c| c.items.len())
    }

    pub fn act(&mut self, action: Action, cx: &mut Ctx) -> Next {
        if let Some(next) = self.edit_act(action, cx) {
            return next;
        }
        let last = self.items(cx).saturating_sub(1);
        match action {
            Action::NextPanel => {
                self.view = match self.view {
                    View::Months => View::List,
                    View::List => View::Months,
                };
            }
            // The model's school years start in 1900 at the earliest.
            Action::PreviousYear if self.year.start > 1900 => {
                self.year = SchoolYear {
                    start: self.year.start - 1,
                };
            }
            Action::NextYear if self.year.start < 2998 => self.year = self.year.next(),
            Action::Up if self.view == View::List => {
                self.selected = self.selected.saturating_sub(1);
            }
            Action::Down if self.view == View::List => {
                self.selected = (self.selected + 1).min(last);
            }
            Action::Back => return Next::Home,
            _ => {}
        }
        self.selected = self.selected.min(last);
        Next::Stay
    }

    /// Whether an action can do something now: the arrows up and down move only the list.
    pub fn offers(&self, action: Action, cx: &Ctx) -> bool {
        if let Some(offered) = self.edit_offers(action, cx) {
            return offered;
        }
        match action {
            Action::Up => self.view == View::List && self.selected > 0,
            Action::Down => self.view == View::List && self.selected + 1 < self.items(cx),
            _ => true,
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let t = &cx.t().clock;
        // The school year at the right, where the arrows' changes show; the title gives
        // way to it on a narrow screen.
        let year = fill(t.school_year, &[("year", &self.year.to_string())]);
        let room = (area.width as usize).saturating_sub(year.width() + 2);
        let title = fit(&fill(t.title, &[("group", &self.group_name)]), room);
        let gap = (area.width as usize).saturating_sub(title.width() + year.width());
        Paragraph::new(Line::from(vec![
            Span::styled(title, cx.theme.heading()),
            Span::raw(" ".repeat(gap)),
            Span::styled(year, cx.theme.current()),
        ]))
        .render(Rect { height: 1, ..area }, buf);
        let body = Rect {
            y: area.y + 2,
            height: area.height.saturating_sub(2),
            ..area
        };
        let Some(clock) = self.clock(cx) else {
            let text = fill(t.no_clock, &[("group", &self.group_name)]);
            let mut lines = vec![Line::from(text)];
            if self.edit_offers(Action::Add, cx) == Some(true) {
                let key = cx.key_for(crate::tui::keymap::KeyContext::YearClock, Action::Add);
                let hint = fill(cx.t().clock_edit.start_hint, &[("key", &key)]);
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(hint, cx.theme.key())));
            }
            crate::tui::widgets::wrapped(lines, body, buf);
            return;
        };
        let today = today(cx);
        let current = self.year == SchoolYear::of(today);
        let shown = Shown {
            clock,
            year: self.year,
            now_month: current.then_some(today.month() as u8),
            late: if current {
                clock.overdue(today).iter().map(|i| i.id.as_str()).collect()
            } else {
                Vec::new()
            },
        };
        match self.view {
            View::Months => ring::render(&shown, body, buf, cx),
            View::List => list::render(&shown, self.selected, body, buf, cx),
        }
    }
}
