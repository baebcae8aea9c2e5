//! Records of the meeting: decisions (with what they were based on and a review date),
//! actions (who does what by when), and the follow-up of earlier meetings' open actions.
//!
//! Entering is quick: a decision is its text, Enter on the basis (the latest closed vote is
//! preselected) and an optional date; an action is its text, a digit for the owner and a
//! digit for the month (`1` January … `9` September). A follow-up is Enter and a digit:
//! done, continued (then the new due date) or dropped. Dates are typed the Finnish way
//! (`15.1.2027`, or `15.1.` for the next 15 January); a date that is not one is explained
//! and the prompt comes back with the text as typed.

use jiff::civil::Date;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::i18n::{self, Lang, fill};
use crate::model::engine::MAX_TEXT_CHARS;
use crate::model::outcomes::{ActionStatus, Basis, Due, Owner};
use crate::model::{Command, EventKind, MeetingState, PhaseKind, Role};
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{Action, Binding, Key, KeyContext, binding};
use crate::tui::overlay::{Answer, Item, NumberedItem, Overlay, Prompt, Purpose};
use crate::tui::screens::meeting::MeetingView;
use crate::tui::screens::meeting::{PhaseAsk, PhaseUi};
use crate::tui::widgets::{self, fit};

// Dates, owners, dues and vote results read the same on the wall and in the minutes.
pub use crate::export::words::{
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
        _ => REVIEW,
    }
}

// ---- input ------------------------------------------------------------------------------

/// The kind of the running phase, if it is one of this module's.
fn kind(view: &MeetingView) -> Option<PhaseKind> {
    view.state().current_phase().map(|p| p.kind).filter(|k| {
        matches!(
            k,
            PhaseKind::Decisions | PhaseKind::Actions | PhaseKind::ReviewActions
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
    let t = &cx.t().records;
    let chosen = selected(view);
    let next = match (kind, action) {
        (_, Action::Up) => {
            select(view, chosen.unwrap_or(0).saturating_sub(1));
            Next::Stay
        }
        (_, Action::Down) => {
            select(view, chosen.map_or(0, |s| s + 1));
            Next::Stay
        }
        (PhaseKind::Decisions, Action::Add) => Next::Open(Overlay::Prompt(Prompt::new(
            t.decision_title,
            t.decision_hint,
            "",
            ask(RecordsAsk::DecisionText { edit: None }),
            MAX_TEXT_CHARS,
        ))),
        (PhaseKind::Decisions, Action::Edit) => {
            let decision = view.state().decisions.get(chosen?)?;
            Next::Open(Overlay::Prompt(Prompt::new(
                t.decision_edit_title,
                t.decision_hint,
                &decision.text,
                ask(RecordsAsk::DecisionText {
                    edit: Some(decision.id),
                }),
                MAX_TEXT_CHARS,
            )))
        }
        (PhaseKind::Decisions, Action::Remove) => {
            let decision = view.state().decisions.get(chosen?)?;
            let n = (chosen? + 1).to_string();
            Next::Open(Overlay::confirm(
                fill(
                    t.remove_decision,
                    &[("n", &n), ("text", &fit(&decision.text, 120))],
                ),
                ask(RecordsAsk::RemoveDecision(decision.id)),
            ))
        }
        (PhaseKind::Actions, Action::Add) => Next::Open(Overlay::Prompt(Prompt::new(
            t.action_title,
            t.action_hint,
            "",
            ask(RecordsAsk::ActionText { edit: None }),
            MAX_TEXT_CHARS,
        ))),
        (PhaseKind::Actions, Action::Edit) => {
            let todo = view.state().actions.get(chosen?)?;
            Next::Open(Overlay::Prompt(Prompt::new(
                t.action_edit_title,
                t.action_hint,
                &todo.text,
                ask(RecordsAsk::ActionText {
                    edit: Some(todo.id.clone()),
                }),
                MAX_TEXT_CHARS,
            )))
        }
        (PhaseKind::Actions, Action::Remove) => {
            let todo = view.state().actions.get(chosen?)?;
            Next::Open(Overlay::confirm(
                fill(t.remove_action, &[("text", &fit(&todo.text, 120))]),
                ask(RecordsAsk::RemoveAction(todo.id.clone())),
            ))
        }
        (PhaseKind::ReviewActions, Action::Confirm) => {
            let todo = view.state().carried.get(chosen?)?;
            let items = vec![
                Item::new(t.mark_done, ""),
                Item::new(t.mark_continued, ""),
                Item::new(t.mark_dropped, ""),
            ];
            let current = match (reviewed_here(view, &todo.id), todo.status) {
                (true, ActionStatus::Continued) => 1,
                (true, ActionStatus::Dropped) => 2,
                _ => 0,
            };
            let title = fit(&format!("{}. {}", chosen? + 1, todo.text), 60);
            Next::Open(Overlay::picker(
                &title,
                items,
                current,
                ask(RecordsAsk::ReviewStatus(todo.id.clone())),
            ))
        }
        _ => return None,
    };
    Some(next)
}

/// A dialog this module opened was answered.
pub fn answer(view: &mut MeetingView, question: RecordsAsk, answer: Answer, cx: &mut Ctx) -> Next {
    let t = &cx.t().records;
    let today = view.state().date;
    match (question, answer) {
        (RecordsAsk::DecisionText { edit }, Answer::Text(text)) if !text.is_empty() => {
            let current = edit.and_then(|id| view.state().decisions.iter().find(|d| d.id == id));
            let (items, bases, mut preselect) = basis_items(view.state(), cx.lang);
            if let Some(decision) = current {
                // An edited decision keeps its basis unless another is picked.
                preselect = decision
                    .basis
                    .first()
                    .and_then(|b| bases.iter().position(|x| x == b))
                    .map_or(0, |i| i + 1);
            }
            if bases.is_empty() {
                let typed = review_text(current.and_then(|d| d.review), cx);
                return review_prompt(edit, text, Vec::new(), &typed, cx);
            }
            return Next::Open(Overlay::numbered(
                t.basis_title,
                items,
                preselect,
                ask(RecordsAsk::DecisionBasis { edit, text, bases }),
            ));
        }
        (RecordsAsk::DecisionBasis { edit, text, bases }, Answer::Picked(i)) => {
            let basis = i
                .checked_sub(1)
                .and_then(|i| bases.get(i).cloned())
                .into_iter()
                .collect();
            let current = edit.and_then(|id| view.state().decisions.iter().find(|d| d.id == id));
            let typed = review_text(current.and_then(|d| d.review), cx);
            return review_prompt(edit, text, basis, &typed, cx);
        }
        (RecordsAsk::DecisionReview { edit, text, basis }, Answer::Text(typed)) => {
            match parse_date(&typed, today) {
                Ok(review) => {
                    let command = match edit {
                        Some(decision) => Command::EditDecision {
                            decision,
                            text,
                            basis,
                            review,
                        },
                        None => Command::RecordDecision {
                            text,
                            basis,
                            review,
                        },
                    };
                    if view.run(command, cx) && edit.is_none() {
                        select(view, usize::MAX);
                    }
                }
                Err(problem) => {
                    cx.error(explain(problem, &typed, cx.lang));
                    return review_prompt(edit, text, basis, &typed, cx);
                }
            }
        }
        (RecordsAsk::RemoveDecision(id), Answer::Yes) => {
            view.run(Command::RemoveDecision(id), cx);
        }
        (RecordsAsk::ActionText { edit }, Answer::Text(text)) if !text.is_empty() => {
            let current = edit.as_ref().and_then(|id| {
                let todo = view.state().actions.iter().find(|a| &a.id == id)?;
                Some(todo.owner.clone())
            });
            let (items, owners) = owner_items(view.state(), current.as_ref(), cx.lang);
            let preselect = current
                .and_then(|c| owners.iter().position(|o| same_owner(o, &c)))
                .unwrap_or(0);
            return Next::Open(Overlay::picker(
                t.owner_title,
                items,
                preselect,
                ask(RecordsAsk::ActionOwner { edit, text, owners }),
            ));
        }
        (RecordsAsk::ActionOwner { edit, text, owners }, Answer::Picked(i)) => {
            if let Some(owner) = owners.get(i).cloned() {
                let current = edit
                    .as_ref()
                    .and_then(|id| view.state().actions.iter().find(|a| &a.id == id))
                    .map(|a| a.due);
                return due_picker(DueFor::Action { edit, text, owner }, current, today, cx);
            }
        }
        (RecordsAsk::Due(target), Answer::Picked(i)) => match i {
            0..12 => finish(view, target, Due::Month { month: i as u8 + 1 }, cx),
            12 => {
                let current = match &target {
                    DueFor::Action { edit: Some(id), .. } => {
                        view.state().actions.iter().find(|a| &a.id == id)
                    }
                    _ => None,
                };
                let typed = match current.map(|a| a.due) {
                    Some(Due::Date { date }) => format_date(cx.lang, date),
                    _ => String::new(),
                };
                return date_prompt(target, &typed, cx);
            }
            _ => finish(view, target, Due::None, cx),
        },
        (RecordsAsk::DueDate(target), Answer::Text(typed)) => match parse_date(&typed, today) {
            Ok(Some(date)) => finish(view, target, Due::Date { date }, cx),
            Ok(None) => finish(view, target, Due::None, cx),
            Err(problem) => {
                cx.error(explain(problem, &typed, cx.lang));
                return date_prompt(target, &typed, cx);
            }
        },
        (RecordsAsk::RemoveAction(id), Answer::Yes) => {
            view.run(Command::RemoveAction(id), cx);
        }
        (RecordsAsk::ReviewStatus(id), Answer::Picked(i)) => {
            let status = match i {
                0 => ActionStatus::Done,
                // A new due date: the picker starts at next month.
                1 => return due_picker(DueFor::Continue(id), None, today, cx),
                _ => ActionStatus::Dropped,
            };
            review(view, id, status, None, cx);
        }
        _ => {}
    }
    Next::Stay
}

/// The prompt for a decision's review date, with `typed` already in it.
fn review_prompt(
    edit: Option<u32>,
    text: String,
    basis: Vec<Basis>,
    typed: &str,
    cx: &Ctx,
) -> Next {
    let t = &cx.t().records;
    Next::Open(Overlay::Prompt(Prompt::new(
        t.review_title,
        t.review_hint,
        typed,
        ask(RecordsAsk::DecisionReview { edit, text, basis }),
        40,
    )))
}

/// A review date as the prompt shows it for editing (empty for none).
fn review_text(review: Option<Date>, cx: &Ctx) -> String {
    review.map_or_else(String::new, |date| format_date(cx.lang, date))
}

/// The prompt for a due date, with `typed` already in it.
fn date_prompt(target: DueFor, typed: &str, cx: &Ctx) -> Next {
    let t = &cx.t().records;
    Next::Open(Overlay::Prompt(Prompt::new(
        t.date_title,
        t.date_hint,
        typed,
        ask(RecordsAsk::DueDate(target)),
        40,
    )))
}

/// The picker of due dates: the twelve months of the year clock (so the digits 1–9 are the
/// months January to September), a date, or none. `current` is preselected; a new one
/// preselects next month.
fn due_picker(target: DueFor, current: Option<Due>, today: Date, cx: &Ctx) -> Next {
    let t = &cx.t().records;
    let mut items: Vec<Item> = t.months.iter().map(|m| Item::new(*m, "")).collect();
    items.push(Item::new(t.due_date_item, ""));
    items.push(Item::new(t.due_none, ""));
    let preselect = match current {
        Some(Due::Month { month }) => usize::from(month.clamp(1, 12)) - 1,
        Some(Due::Date { .. }) => 12,
        Some(Due::None) if matches!(target, DueFor::Action { .. }) => 13,
        _ => today.month() as usize % 12,
    };
    let title = match target {
        DueFor::Action { .. } => t.due_title,
        DueFor::Continue(_) => t.continue_title,
    };
    Next::Open(Overlay::picker(
        title,
        items,
        preselect,
        ask(RecordsAsk::Due(target)),
    ))
}

/// The due date is known: add, edit or continue.
fn finish(view: &mut MeetingView, target: DueFor, due: Due, cx: &mut Ctx) {
    match target {
        DueFor::Action {
            edit: None,
            text,
            owner,
        } => {
            if view.run(Command::AddAction { text, owner, due }, cx) {
                select(view, usize::MAX);
            }
        }
        DueFor::Action {
            edit: Some(id),
            text,
            owner,
        } => {
            view.run(
                Command::EditAction {
                    id,
                    text,
                    owner,
                    due,
                },
                cx,
            );
        }
        DueFor::Continue(id) => review(view, id, ActionStatus::Continued, Some(due), cx),
    }
}

/// Records a follow-up and moves on to the next action not yet followed up.
fn review(
    view: &mut MeetingView,
    id: String,
    status: ActionStatus,
    due: Option<Due>,
    cx: &mut Ctx,
) {
    let command = Command::ReviewAction {
        id: id.clone(),
        status,
        due,
    };
    if !view.run(command, cx) {
        return;
    }
    let carried = &view.state().carried;
    let at = carried.iter().position(|a| a.id == id).unwrap_or(0);
    let next = (1..carried.len())
        .map(|step| (at + step) % carried.len())
        .find(|i| !reviewed_here(view, &carried[*i].id));
    if let Some(next) = next {
        select(view, next);
    }
}

/// Whether this meeting has followed up the earlier action `id`.
fn reviewed_here(view: &MeetingView, id: &str) -> bool {
    view.meeting
        .record()
        .events
        .iter()
        .any(|e| matches!(&e.event, EventKind::ActionReviewed { id: i, .. } if i == id))
}

/// The basis picker's items: none, each closed vote with its result, each theme, each idea
/// on the wall. Also the bases after "none" and the item to preselect (the latest vote).
/// Only the ideas are numbered, with the numbers the wall shows (the digits pick by them).
fn basis_items(state: &MeetingState, lang: Lang) -> (Vec<NumberedItem>, Vec<Basis>, usize) {
    let t = &lang.text().records;
    let mut items = vec![(None, Item::new(t.basis_none, ""))];
    let mut bases = Vec::new();
    let mut preselect = 0;
    for vote in state.votes.iter().filter(|v| v.closed) {
        let label = fill(
            t.basis_vote_item,
            &[
                ("n", &vote.id.to_string()),
                ("result", &vote_result(vote, lang)),
            ],
        );
        items.push((None, Item::new(label, "")));
        bases.push(Basis::Vote { vote: vote.id });
        preselect = items.len() - 1;
    }
    for theme in &state.themes {
        items.push((
            None,
            Item::new(fill(t.basis_theme_item, &[("name", &theme.name)]), ""),
        ));
        bases.push(Basis::Theme { theme: theme.id });
    }
    for idea in state.live_ideas().filter(|i| !i.hidden) {
        items.push((
            Some(idea.id),
            Item::new(
                fill(
                    t.basis_idea_item,
                    &[("n", &idea.id.to_string()), ("text", &idea.text)],
                ),
                "",
            ),
        ));
        bases.push(Basis::Idea { idea: idea.id });
    }
    (items, bases, preselect)
}

/// The owner picker's items: the people present by name (with their role), then every role
/// for an action a role owns. Also the owners in the same order. An edited action's owner
/// who has left the meeting comes first, so keeping the owner is still one key.
fn owner_items(
    state: &MeetingState,
    current: Option<&Owner>,
    lang: Lang,
) -> (Vec<Item>, Vec<Owner>) {
    let t = &lang.text().records;
    let mut items = Vec::new();
    let mut owners = Vec::new();
    if let Some(Owner::Member { id, name }) = current
        && !state.is_present(id)
    {
        let role = state.person(id).map_or("", |p| i18n::role(lang, p.role));
        items.push(Item::new(name.clone(), role));
        owners.push(Owner::Member {
            id: id.clone(),
            name: name.clone(),
        });
    }
    for person in state.present() {
        items.push(Item::new(
            person.name.clone(),
            i18n::role(lang, person.role),
        ));
        owners.push(Owner::Member {
            id: person.id.clone(),
            name: person.name.clone(),
        });
    }
    for role in Role::ALL {
        items.push(Item::new(
            fill(t.owner_role_item, &[("role", i18n::role(lang, role))]),
            "",
        ));
        owners.push(Owner::Role { role });
    }
    (items, owners)
}

/// The same owner (a member by id, whatever the name was then).
fn same_owner(a: &Owner, b: &Owner) -> bool {
    match (a, b) {
        (Owner::Member { id: x, .. }, Owner::Member { id: y, .. }) => x == y,
        _ => a == b,
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
        Action::Add => writable,
        Action::Edit | Action::Remove | Action::Confirm => writable && selected(view).is_some(),
        _ => true,
    }
}

// ---- drawing ----------------------------------------------------------------------------

/// A run of text in one style; a paragraph is runs flowed together, broken at spaces.
type Para = Vec<(String, Style)>;

/// One row of a list: its main text (with quieter lines under it) and its other columns.
struct Row {
    main: Vec<Para>,
    cells: Vec<Vec<Para>>,
}

/// A list to draw: a summary line, column headers, rows, or what to say when empty.
struct Listing {
    summary: String,
    /// The headers of the main column and of the cells (none for the decisions).
    headers: Vec<&'static str>,
    /// The widest each cell column may be.
    caps: Vec<usize>,
    rows: Vec<Row>,
    /// Numbers in the margin (tables); the decisions say "Päätös 1:" themselves.
    numbered: bool,
    empty: Vec<Line<'static>>,
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
        PhaseKind::Decisions => decisions(view, cx),
        PhaseKind::Actions => actions(view, cx),
        _ => follow_up(view, cx),
    };
    let theme = cx.theme;
    let width = area.width as usize;
    let mut y = area.y;
    let bottom = area.bottom();
    let row = |y: u16, h: u16| Rect {
        x: area.x,
        y,
        width: area.width,
        height: h.min(bottom.saturating_sub(y)),
    };

    // The summary and the item's clock, on the line under it when both do not fit.
    let (clock, clock_style) = phase_clock(view, cx);
    Paragraph::new(Line::from(Span::styled(
        fit(&listing.summary, width),
        theme.heading(),
    )))
    .render(row(y, 1), buf);
    let beside = listing.summary.width() + 2 + clock.width() <= width;
    Paragraph::new(Line::from(Span::styled(fit(&clock, width), clock_style)))
        .alignment(Alignment::Right)
        .render(row(if beside { y } else { y + 1 }, 1), buf);
    y += 2;
    if y >= bottom {
        return;
    }
    if listing.rows.is_empty() {
        let h = bottom - y;
        widgets::wrapped(listing.empty, row(y, h), buf);
        return;
    }

    // Table or stacked: columns when the main one keeps room for a few words.
    let count = listing.rows.len();
    let selected = selected(view).unwrap_or(0);
    let gutter = 2 + if listing.numbered {
        count.to_string().len() + 1
    } else {
        0
    };
    let widths: Vec<usize> = listing
        .caps
        .iter()
        .enumerate()
        .map(|(c, cap)| {
            let header = listing.headers.get(c + 1).map_or(0, |h| h.width());
            let content = listing
                .rows
                .iter()
                .filter_map(|r| r.cells.get(c))
                .flat_map(|paras| paras.iter().map(para_width))
                .max()
                .unwrap_or(0);
            header.max(content).min(*cap)
        })
        .collect();
    let cells_width: usize = widths.iter().map(|w| w + 2).sum();
    let main_width = width.saturating_sub(gutter + cells_width);
    let columns = !widths.is_empty() && main_width >= 28;
    let text_width = width.saturating_sub(gutter).max(1);

    if !listing.headers.is_empty() {
        let header = if columns {
            let mut spans = vec![Span::raw(" ".repeat(gutter))];
            spans.push(Span::styled(
                crate::tui::widgets::pad(listing.headers[0], main_width),
                theme.heading(),
            ));
            for (c, w) in widths.iter().enumerate() {
                spans.push(Span::raw("  "));
                let h = listing.headers.get(c + 1).copied().unwrap_or("");
                spans.push(Span::styled(
                    crate::tui::widgets::pad(&fit(h, *w), *w),
                    theme.heading(),
                ));
            }
            Line::from(spans)
        } else {
            Line::from(vec![
                Span::raw(" ".repeat(gutter)),
                Span::styled(
                    fit(&listing.headers.join(" · "), text_width),
                    theme.heading(),
                ),
            ])
        };
        Paragraph::new(header).render(row(y, 1), buf);
        y += 1;
    }

    let blocks: Vec<Vec<Line>> = listing
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mark = if i == selected { "▶ " } else { "  " };
            let number = if listing.numbered {
                format!("{:>w$} ", i + 1, w = gutter - 3)
            } else {
                String::new()
            };
            let style = if i == selected {
                theme.current()
            } else {
                theme.text()
            };
            let lead = vec![(format!("{mark}{number}"), style)];
            if columns {
                table_row(r, lead, gutter, main_width, &widths)
            } else {
                stacked_row(r, lead, gutter, text_width)
            }
        })
        .collect();
    let room = bottom.saturating_sub(y) as usize;
    let heights: Vec<usize> = blocks.iter().map(Vec::len).collect();
    // A blank line between rows when everything fits with it (always for decisions).
    let all_gapped: usize = heights.iter().sum::<usize>() + count - 1;
    let gap = usize::from(!listing.numbered || all_gapped <= room);
    let (start, end) = window(&heights, gap, selected, room);
    let mut lines: Vec<Line> = Vec::new();
    for (i, block) in blocks.into_iter().enumerate().take(end).skip(start) {
        if i > start {
            lines.extend(std::iter::repeat_n(Line::default(), gap));
        }
        lines.extend(block);
    }
    let hidden = start > 0 || end < count;
    let list_room = if hidden { room.saturating_sub(1) } else { room };
    lines.truncate(list_room);
    let shown = lines.len() as u16;
    Paragraph::new(lines).render(row(y, shown), buf);
    if hidden {
        let t = &cx.t().records;
        let mut more = Vec::new();
        if start > 0 {
            more.push(fill(t.more_above, &[("n", &start.to_string())]));
        }
        if end < count {
            more.push(fill(t.more_below, &[("n", &(count - end).to_string())]));
        }
        Paragraph::new(Line::from(Span::styled(
            fit(&more.join("  ·  "), width),
            theme.quiet(),
        )))
        .render(row(bottom - 1, 1), buf);
    }
}

/// The rows to show, `start..end`, so that the selected one is in view.
fn window(heights: &[usize], gap: usize, selected: usize, room: usize) -> (usize, usize) {
    let total: usize = heights.iter().sum::<usize>() + gap * heights.len().saturating_sub(1);
    if total <= room {
        return (0, heights.len());
    }
    // One line goes to "↓ 3 more below".
    let room = room.saturating_sub(1);
    let span = |a: usize, b: usize| heights[a..=b].iter().sum::<usize>() + gap * (b - a);
    let mut start = 0;
    while start < selected && span(start, selected) > room {
        start += 1;
    }
    let mut end = start + 1;
    while end < heights.len() && span(start, end) <= room {
        end += 1;
    }
    (start, end)
}

/// The item's clock in one line: time left, or over time, or time spent when untimed.
fn phase_clock(view: &MeetingView, cx: &Ctx) -> (String, Style) {
    let t = cx.t();
    let theme = cx.theme;
    let state = view.state();
    let now = cx.now().mono_ms;
    match state.phase_remaining(now) {
        Some(r) if r <= 0 => (
            format!("{}  {}", t.meeting_phase_over, widgets::countdown(r)),
            theme.overrun(),
        ),
        Some(r) if r <= 60_000 => (
            format!("{}  {}", t.meeting_phase_left, widgets::countdown(r)),
            theme.warning(),
        ),
        Some(r) => (
            format!("{}  {}", t.meeting_phase_left, widgets::countdown(r)),
            theme.text(),
        ),
        None => (
            format!(
                "{}  {}",
                t.meeting_phase_time,
                widgets::clock(state.phase_elapsed(now))
            ),
            theme.quiet(),
        ),
    }
}

/// What to say when a list is empty: the message and the key that adds.
fn empty(message: &str, hint: Option<String>, cx: &Ctx) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        message.to_string(),
        cx.theme.heading(),
    ))];
    if let Some(hint) = hint {
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

fn decisions(view: &MeetingView, cx: &Ctx) -> Listing {
    let t = &cx.t().records;
    let theme = cx.theme;
    let state = view.state();
    let selected = selected(view);
    let rows = state
        .decisions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let strong = if selected == Some(i) {
                theme.current()
            } else {
                theme.heading()
            };
            let label = fill(t.decision_label, &[("n", &(i + 1).to_string())]);
            let mut main = vec![vec![(label, strong), (d.text.clone(), strong)]];
            for basis in &d.basis {
                main.push(vec![(
                    basis_text(state, basis, cx.lang, str::to_string),
                    theme.text(),
                )]);
            }
            if let Some(date) = d.review {
                main.push(vec![(
                    fill(t.review_on, &[("date", &format_date(cx.lang, date))]),
                    theme.text(),
                )]);
            }
            Row {
                main,
                cells: Vec::new(),
            }
        })
        .collect();
    let hint = key_hint(view, Action::Add, t.key_new_decision, cx);
    Listing {
        summary: count(t.count_decisions, state.decisions.len()),
        headers: Vec::new(),
        caps: Vec::new(),
        rows,
        numbered: false,
        empty: empty(t.no_decisions, Some(crate::i18n::capitalise(&hint)), cx),
    }
}

fn actions(view: &MeetingView, cx: &Ctx) -> Listing {
    let t = &cx.t().records;
    let theme = cx.theme;
    let state = view.state();
    let selected = selected(view);
    let rows = state
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let strong = if selected == Some(i) {
                theme.current()
            } else {
                theme.heading()
            };
            Row {
                main: vec![vec![(a.text.clone(), strong)]],
                cells: vec![
                    vec![vec![(unit(&owner_text(cx.lang, &a.owner)), theme.text())]],
                    vec![vec![(unit(&due_text(cx.lang, a.due)), theme.text())]],
                ],
            }
        })
        .collect();
    let hint = key_hint(view, Action::Add, t.key_new_action, cx);
    Listing {
        summary: count(t.count_actions, state.actions.len()),
        headers: t.columns[..3].to_vec(),
        caps: vec![22, 16],
        rows,
        numbered: true,
        empty: empty(t.no_actions, Some(crate::i18n::capitalise(&hint)), cx),
    }
}

fn follow_up(view: &MeetingView, cx: &Ctx) -> Listing {
    let t = &cx.t().records;
    let theme = cx.theme;
    let state = view.state();
    let today = state.date;
    let selected = selected(view);
    let rows = state
        .carried
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let strong = if selected == Some(i) {
                theme.current()
            } else {
                theme.heading()
            };
            let mut due = vec![vec![(unit(&due_text(cx.lang, a.due)), theme.text())]];
            if a.is_overdue(today) {
                due.push(vec![(unit(&format!("! {}", t.overdue)), theme.overrun())]);
            }
            let status = if reviewed_here(view, &a.id) {
                match a.status {
                    ActionStatus::Done => (format!("✓ {}", t.status_done), theme.done()),
                    ActionStatus::Dropped => (format!("✗ {}", t.status_dropped), theme.heading()),
                    _ => (format!("→ {}", t.status_continued), theme.heading()),
                }
            } else {
                (t.status_unreviewed.to_string(), theme.quiet())
            };
            let status = (unit(&status.0), status.1);
            let from = fill(
                t.from_meeting,
                &[("date", &unit(&format_date(cx.lang, a.agreed)))],
            );
            Row {
                main: vec![vec![(a.text.clone(), strong)], vec![(from, theme.quiet())]],
                cells: vec![
                    vec![vec![(unit(&owner_text(cx.lang, &a.owner)), theme.text())]],
                    due,
                    vec![vec![status]],
                ],
            }
        })
        .collect();
    let open = state.carried.iter().filter(|a| a.status.is_open()).count();
    let overdue = state.carried.iter().filter(|a| a.is_overdue(today)).count();
    let reviewed = state
        .carried
        .iter()
        .filter(|a| reviewed_here(view, &a.id))
        .count();
    let mut summary = count(t.count_open, open);
    if overdue > 0 {
        summary = format!("{summary}, {}", count(t.count_overdue, overdue));
    }
    if !state.carried.is_empty() {
        let total = state.carried.len().to_string();
        summary = format!(
            "{summary} · {}",
            fill(
                t.count_reviewed,
                &[("done", &reviewed.to_string()), ("total", &total)]
            )
        );
    }
    let next = key_hint(view, Action::NextPhase, cx.t().key_next_phase, cx);
    Listing {
        summary,
        headers: t.columns.to_vec(),
        caps: vec![18, 16, 14],
        rows,
        numbered: true,
        empty: empty(t.no_carried, Some(crate::i18n::capitalise(&next)), cx),
    }
}

/// The widest a paragraph is on one line.
fn para_width(para: &Para) -> usize {
    let words: usize = para
        .iter()
        .flat_map(|(text, _)| text.split_whitespace())
        .map(|w| w.width() + 1)
        .sum();
    words.saturating_sub(1)
}

/// Flows a paragraph into lines of at most `width` columns, breaking at spaces (a word
/// longer than a line is cut).
fn flow(para: &Para, width: usize) -> Vec<Para> {
    let width = width.max(1);
    let mut lines: Vec<Para> = Vec::new();
    let mut line: Para = Vec::new();
    let mut used = 0;
    for (text, style) in para {
        // A unit (words joined by no-break spaces) breaks only when it is wider than a line.
        let words = text.split(' ').filter(|w| !w.is_empty()).flat_map(|word| {
            let parts: Vec<&str> = if word.width() > width {
                word.split(NBSP).collect()
            } else {
                vec![word]
            };
            parts
        });
        for word in words {
            let word = fit(word, width);
            let w = word.width();
            if used > 0 && used + 1 + w > width {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            if used > 0 {
                line.push((" ".to_string(), Style::default()));
                used += 1;
            }
            line.push((word, *style));
            used += w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn spans(para: Para) -> Vec<Span<'static>> {
    para.into_iter()
        .map(|(text, style)| Span::styled(text.replace(NBSP, " "), style))
        .collect()
}

/// Joins a unit's words with no-break spaces, so it is not broken between lines.
const NBSP: char = '\u{a0}';

fn unit(text: &str) -> String {
    text.replace(' ', &NBSP.to_string())
}

/// A row in columns: the main text wrapped in its column, each cell in its own.
fn table_row(
    row: &Row,
    lead: Para,
    gutter: usize,
    main_width: usize,
    widths: &[usize],
) -> Vec<Line<'static>> {
    let column = |paras: &[Para], width: usize| -> Vec<Para> {
        paras.iter().flat_map(|p| flow(p, width)).collect()
    };
    let main = column(&row.main, main_width);
    let cells: Vec<Vec<Para>> = row
        .cells
        .iter()
        .zip(widths)
        .map(|(paras, w)| column(paras, *w))
        .collect();
    let height = cells
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(main.len());
    (0..height)
        .map(|i| {
            let mut out: Vec<Span> = if i == 0 {
                spans(lead.clone())
            } else {
                vec![Span::raw(" ".repeat(gutter))]
            };
            let line = |parts: Option<&Para>, width: usize, out: &mut Vec<Span<'static>>| {
                let parts = parts.cloned().unwrap_or_default();
                let used: usize = parts.iter().map(|(t, _)| t.width()).sum();
                out.extend(spans(parts));
                out.push(Span::raw(" ".repeat(width.saturating_sub(used))));
            };
            line(main.get(i), main_width, &mut out);
            for (cell, w) in cells.iter().zip(widths) {
                out.push(Span::raw("  "));
                line(cell.get(i), *w, &mut out);
            }
            Line::from(out)
        })
        .collect()
}

/// A row for a narrow column: the main text, then the cells on the lines under it, joined
/// with " · ".
fn stacked_row(row: &Row, lead: Para, gutter: usize, width: usize) -> Vec<Line<'static>> {
    // The text, then its cells (who, when, status), then the quieter lines under the text.
    let mut lines: Vec<Para> = row
        .main
        .iter()
        .take(1)
        .flat_map(|p| flow(p, width))
        .collect();
    if !row.cells.is_empty() {
        let mut rest: Para = Vec::new();
        for (c, cell) in row.cells.iter().enumerate() {
            for (p, para) in cell.iter().enumerate() {
                for (r, (text, style)) in para.iter().enumerate() {
                    // The separator goes with the cell after it, never alone at a line's end.
                    let text = if c > 0 && p == 0 && r == 0 {
                        format!("·{NBSP}{text}")
                    } else {
                        text.clone()
                    };
                    rest.push((text, *style));
                }
            }
        }
        lines.extend(flow(&rest, width));
    }
    lines.extend(row.main.iter().skip(1).flat_map(|p| flow(p, width)));
    lines
        .into_iter()
        .enumerate()
        .map(|(i, para)| {
            let mut out = if i == 0 {
                spans(lead.clone())
            } else {
                vec![Span::raw(" ".repeat(gutter))]
            };
            out.extend(spans(para));
            Line::from(out)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_the_selected_one_in_view() {
        let heights = [3, 3, 3, 3, 3];
        assert_eq!(window(&heights, 1, 0, 40), (0, 5));
        // 10 rows: one for "more below", so two rows of three with a gap.
        assert_eq!(window(&heights, 1, 0, 10), (0, 2));
        assert_eq!(window(&heights, 1, 4, 10), (3, 5));
        // A row taller than the room is still shown.
        assert_eq!(window(&[30, 3], 0, 0, 10), (0, 1));
    }
}
