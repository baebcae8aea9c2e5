//! Records of the meeting: decisions (with what they were based on and a review date),
//! actions (who does what by when), and the follow-up of earlier meetings' open actions.
//!
//! Entering is quick: a decision is its text, Enter on the basis (the latest closed vote is
//! preselected) and an optional date; an action is its text, a digit for the owner and a
//! digit for the month (`1` January … `9` September). A follow-up is Enter and a digit:
//! done, continued (then the new due date) or dropped. Dates are typed the Finnish way
//! (`15.1.2027`, or `15.1.` for the next 15 January); a date that is not one is explained
//! and the prompt comes back with the text as typed.
//!
//! This file is what the meeting screen calls (the keys, [`act`], [`answer`], [`offers`],
//! [`render`]); each kind of record has its own file, and [`table`] lays their lists out.

mod actions;
mod clock;
mod decisions;
mod follow_up;
mod origin;
mod table;
#[cfg(test)]
mod tests;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Lang, fill};
use crate::model::PhaseKind;
use crate::model::clock::SchoolYear;
use crate::model::engine::MAX_TEXT_CHARS;
use crate::model::outcomes::{Basis, Origin, Outcome, Owner};
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{Action, Binding, Key, KeyContext, binding};
use crate::tui::overlay::{Answer, Overlay, Prompt, Purpose};
use crate::tui::screens::meeting::MeetingView;
use crate::tui::screens::meeting::{PhaseAsk, PhaseUi};
use crate::tui::widgets::{self, fit, timer};
use table::Listing;

// Dates, owners, dues and vote results read the same on the wall and in the minutes.
pub use crate::i18n::words::{
    DateProblem, basis_text, due_text, format_date, owner_text, parse_date, status_text,
    vote_result,
};

/// What a dialog of this module was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordsAsk {
    /// The text of a new decision (`edit: None`) or of the decision with this number.
    DecisionText {
        edit: Option<u32>,
    },
    /// What the decision is based on: the picker's items after "none" are `bases`.
    DecisionBasis {
        edit: Option<u32>,
        text: String,
        bases: Vec<Basis>,
    },
    /// The decision's review date (empty for none).
    DecisionReview {
        edit: Option<u32>,
        text: String,
        basis: Vec<Basis>,
    },
    RemoveDecision(u32),
    /// The text of a new action (`edit: None`) or of the action with this id.
    ActionText {
        edit: Option<String>,
    },
    /// Who owns it: the picker's items are `owners`.
    ActionOwner {
        edit: Option<String>,
        text: String,
        owners: Vec<Owner>,
    },
    /// A month, a date or none.
    Due(DueFor),
    /// The due date typed (empty for none).
    DueDate(DueFor),
    RemoveAction(String),
    /// How an earlier action stands: done, continued or dropped.
    ReviewStatus(String),
    /// How far year-clock item `item` got in school year `year`.
    ClockStatus {
        item: String,
        year: SchoolYear,
    },
    /// The text of an action agreed on clock item `item`.
    ClockActionText {
        item: String,
        year: SchoolYear,
    },
    /// Who owns it: the picker's items are `owners`.
    ClockActionOwner {
        item: String,
        year: SchoolYear,
        text: String,
        owners: Vec<Owner>,
    },
    /// The month clock item `item` moves to.
    ClockMove {
        item: String,
        year: SchoolYear,
    },
    /// The title of a new clock item.
    ClockNewTitle,
    /// The month of a new clock item.
    ClockNewMonth {
        title: String,
    },
    /// Take clock item `item` off the clock.
    ClockRemove(String),
    /// Whose input decision or action `of` came from (it stood at `current`).
    OriginSource {
        of: Outcome,
        current: Origin,
    },
    /// How far students took part in it.
    OriginLevel {
        of: Outcome,
        current: Origin,
    },
}

/// Whose due date is being chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DueFor {
    /// A new action (`edit: None`) or an edited one, with its text and owner.
    Action {
        edit: Option<String>,
        text: String,
        owner: Owner,
    },
    /// An earlier action that continues with a new due date.
    Continue(String),
}

/// The screen-only state: which row is selected, in which agenda item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordsUi {
    pub selected: usize,
    /// The agenda item the selection belongs to; another item's selection is not used.
    pub phase: Option<usize>,
}

const UP: Binding = binding(&[Key::Up, Key::Char('k')], Action::Up, |t| t.key_up, false);
const DOWN: Binding = binding(
    &[Key::Down, Key::Char('j')],
    Action::Down,
    |t| t.key_down,
    false,
);

const DECISIONS: &[Binding] = &[
    binding(
        &[Key::Enter],
        Action::Add,
        |t| t.records.key_new_decision,
        true,
    ),
    binding(
        &[Key::Char('e')],
        Action::Edit,
        |t| t.records.key_edit_decision,
        true,
    ),
    binding(
        &[Key::Char('x'), Key::Delete],
        Action::Remove,
        |t| t.records.key_remove_decision,
        true,
    ),
    binding(&[Key::Char('o')], Action::Origin, |t| t.origin.key, false),
    UP,
    DOWN,
];

const ACTIONS: &[Binding] = &[
    binding(
        &[Key::Enter],
        Action::Add,
        |t| t.records.key_new_action,
        true,
    ),
    binding(
        &[Key::Char('e')],
        Action::Edit,
        |t| t.records.key_edit_action,
        true,
    ),
    binding(
        &[Key::Char('x'), Key::Delete],
        Action::Remove,
        |t| t.records.key_remove_action,
        true,
    ),
    binding(&[Key::Char('o')], Action::Origin, |t| t.origin.key, false),
    UP,
    DOWN,
];

const CLOCK: &[Binding] = &[
    binding(
        &[Key::Enter],
        Action::Confirm,
        |t| t.clock_walk.key_mark,
        true,
    ),
    binding(
        &[Key::Char('t')],
        Action::Add,
        |t| t.clock_walk.key_action,
        true,
    ),
    binding(
        &[Key::Char('m')],
        Action::MoveItem,
        |t| t.clock_walk.key_move,
        true,
    ),
    binding(
        &[Key::Char('i')],
        Action::NewItem,
        |t| t.clock_walk.key_new,
        false,
    ),
    binding(
        &[Key::Char('x'), Key::Delete],
        Action::Remove,
        |t| t.clock_walk.key_remove,
        false,
    ),
    UP,
    DOWN,
];

const REVIEW: &[Binding] = &[
    binding(&[Key::Enter], Action::Confirm, |t| t.records.key_mark, true),
    UP,
    DOWN,
];

/// This module's part of the keymap for a context.
pub fn keys(context: KeyContext) -> &'static [Binding] {
    match context {
        KeyContext::MeetingDecisions => DECISIONS,
        KeyContext::MeetingActions => ACTIONS,
        KeyContext::MeetingClock => CLOCK,
        _ => REVIEW,
    }
}

// ---- input ------------------------------------------------------------------------------

/// The kind of the running phase, if it is one of this module's.
fn kind(view: &MeetingView) -> Option<PhaseKind> {
    view.state().current_phase().map(|p| p.kind).filter(|k| {
        matches!(
            k,
            PhaseKind::Decisions
                | PhaseKind::Actions
                | PhaseKind::ReviewActions
                | PhaseKind::YearClock
        )
    })
}

/// How many rows the running phase lists.
fn rows(view: &MeetingView) -> usize {
    let state = view.state();
    match kind(view) {
        Some(PhaseKind::Decisions) => state.decisions.len(),
        Some(PhaseKind::Actions) => state.actions.len(),
        Some(PhaseKind::ReviewActions) => state.carried.len(),
        Some(PhaseKind::YearClock) => clock::walk(view).len(),
        _ => 0,
    }
}

/// The selected row, kept within the list.
fn selected(view: &MeetingView) -> Option<usize> {
    let n = rows(view);
    let selected = match &view.phase_ui {
        PhaseUi::Records(ui) if ui.phase == view.state().phase => ui.selected,
        _ => 0,
    };
    (n > 0).then(|| selected.min(n - 1))
}

fn select(view: &mut MeetingView, row: usize) {
    let selected = row.min(rows(view).saturating_sub(1));
    let phase = view.state().phase;
    view.phase_ui = PhaseUi::Records(RecordsUi { selected, phase });
}

fn ask(ask: RecordsAsk) -> Purpose {
    Purpose::Phase(PhaseAsk::Records(ask))
}

/// Handles an action, or returns `None` when it is not this module's.
pub fn act(view: &mut MeetingView, action: Action, cx: &mut Ctx) -> Option<Next> {
    let kind = kind(view)?;
    let chosen = selected(view);
    match (kind, action) {
        (_, Action::Up) => {
            select(view, chosen.unwrap_or(0).saturating_sub(1));
            Some(Next::Stay)
        }
        (_, Action::Down) => {
            select(view, chosen.map_or(0, |s| s + 1));
            Some(Next::Stay)
        }
        (PhaseKind::Decisions, _) => decisions::act(view, action, chosen, cx),
        (PhaseKind::Actions, _) => actions::act(view, action, chosen, cx),
        (PhaseKind::YearClock, _) => clock::act(view, action, chosen, cx),
        _ => follow_up::act(view, action, chosen, cx),
    }
}

/// A dialog this module opened was answered.
pub fn answer(view: &mut MeetingView, question: RecordsAsk, answer: Answer, cx: &mut Ctx) -> Next {
    match (question, answer) {
        (
            question @ (RecordsAsk::DecisionText { .. }
            | RecordsAsk::DecisionBasis { .. }
            | RecordsAsk::DecisionReview { .. }
            | RecordsAsk::RemoveDecision(_)),
            answer,
        ) => decisions::answer(view, question, answer, cx),
        (question @ (RecordsAsk::OriginSource { .. } | RecordsAsk::OriginLevel { .. }), answer) => {
            origin::answer(view, question, answer, cx)
        }
        (RecordsAsk::ReviewStatus(id), Answer::Picked(i)) => follow_up::answer(view, id, i, cx),
        (RecordsAsk::ReviewStatus(_), _) => Next::Stay,
        (
            question @ (RecordsAsk::ClockStatus { .. }
            | RecordsAsk::ClockActionText { .. }
            | RecordsAsk::ClockActionOwner { .. }
            | RecordsAsk::ClockMove { .. }
            | RecordsAsk::ClockNewTitle
            | RecordsAsk::ClockNewMonth { .. }
            | RecordsAsk::ClockRemove(_)),
            answer,
        ) => clock::answer(view, question, answer, cx),
        (question, answer) => actions::answer(view, question, answer, cx),
    }
}

// ---- words and dates ------------------------------------------------------------------

/// `[one, many]` by the count, with the count filled in.
fn count(forms: [&str; 2], n: usize) -> String {
    fill(forms[usize::from(n != 1)], &[("n", &n.to_string())])
}

/// A date problem in words, for the message line.
fn explain(problem: DateProblem, typed: &str, lang: Lang) -> String {
    let t = &lang.text().records;
    match problem {
        DateProblem::NotADate => fill(t.bad_date, &[("text", typed)]),
        DateProblem::NoSuchDay => fill(t.no_such_day, &[("text", typed)]),
        DateProblem::Past(date) => fill(t.past_date, &[("date", &format_date(lang, date))]),
    }
}

// ---- offers -----------------------------------------------------------------------------

/// Whether an action can do something now (for the footer).
pub fn offers(view: &MeetingView, action: Action, cx: &Ctx) -> bool {
    let writable = cx.data.access.is_writable();
    let n = rows(view);
    match action {
        Action::Up => selected(view).is_some_and(|s| s > 0),
        Action::Down => selected(view).is_some_and(|s| s + 1 < n),
        Action::Add if kind(view) == Some(PhaseKind::YearClock) => {
            writable && selected(view).is_some()
        }
        Action::Add => writable,
        Action::NewItem => writable && view.state().clock.is_some(),
        Action::Edit | Action::Remove | Action::Confirm | Action::MoveItem | Action::Origin => {
            writable && selected(view).is_some()
        }
        _ => true,
    }
}

/// Draws the phase's body.
pub fn render(view: &MeetingView, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let Some(kind) = kind(view) else {
        return;
    };
    let listing = match kind {
        PhaseKind::Decisions => decisions::listing(view, cx),
        PhaseKind::Actions => actions::listing(view, cx),
        PhaseKind::YearClock => clock::listing(view, cx),
        _ => follow_up::listing(view, cx),
    };
    summary_line(view, &listing, area, buf, cx);
    let y = area.y + 2;
    if y >= area.bottom() {
        return;
    }
    if listing.rows.is_empty() {
        let h = area.bottom() - y;
        widgets::wrapped(listing.empty, table::band(area, y, h), buf);
        return;
    }
    // The wall keeps the newest row in view.
    let row = if cx.audience {
        listing.rows.len() - 1
    } else {
        selected(view).unwrap_or(0)
    };
    table::draw(&listing, row, area, y, buf, cx);
}

/// The summary and the item's clock, on the line under it when both do not fit.
fn summary_line(view: &MeetingView, listing: &Listing, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    let width = area.width as usize;
    let y = area.y;
    let (clock, clock_style) = phase_clock(view, cx);
    Paragraph::new(Line::from(Span::styled(
        fit(&listing.summary, width),
        cx.theme.heading(),
    )))
    .render(table::band(area, y, 1), buf);
    let beside = listing.summary.width() + 2 + clock.width() <= width;
    Paragraph::new(Line::from(Span::styled(fit(&clock, width), clock_style)))
        .alignment(Alignment::Right)
        .render(table::band(area, if beside { y } else { y + 1 }, 1), buf);
}

/// The item's clock in one line: time left, or over time, or time spent when untimed.
fn phase_clock(view: &MeetingView, cx: &Ctx) -> (String, Style) {
    let state = view.state();
    let now = cx.now().mono_ms;
    let clock = timer::phase(state, now, cx.t(), cx.theme);
    // Beside the summary an untimed item's clock is only background: drawn quiet.
    let style = if state.phase_remaining(now).is_none() {
        cx.theme.quiet()
    } else {
        clock.style
    };
    (format!("{}  {}", clock.label, clock.digits), style)
}

/// The style of a row's main text: the selected row's stands out.
fn strong(selected: bool, cx: &Ctx) -> Style {
    if selected && !cx.audience {
        cx.theme.current()
    } else {
        cx.theme.heading()
    }
}

/// The prompt for a decision's or an action's text (new, or `text` to edit).
fn text_prompt(title: &str, hint: &str, text: &str, question: RecordsAsk) -> Next {
    Next::Open(Overlay::Prompt(Prompt::new(
        title,
        hint,
        text,
        ask(question),
        MAX_TEXT_CHARS,
    )))
}

/// What to say when a list is empty: the message and the key that adds (not on the wall).
fn empty(message: &str, hint: Option<String>, cx: &Ctx) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        message.to_string(),
        cx.theme.heading(),
    ))];
    if let Some(hint) = hint.filter(|_| !cx.audience) {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(hint, cx.theme.key())));
    }
    lines
}

/// "uusi päätös: Enter", from the keymap.
fn key_hint(view: &MeetingView, action: Action, label: &str, cx: &Ctx) -> String {
    let key = cx.key_for(view.context(), action);
    format!("{label}: {key}")
}
