//! Actions: who does what by when. The text, an owner picked by a digit (a person present
//! or a role), and a due month or date; and the list of this meeting's actions.

use jiff::civil::Date;

use crate::i18n::{self, Lang, fill};
use crate::model::outcomes::{ActionStatus, Due, Owner};
use crate::model::{Command, MeetingState, Role};
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::Action;
use crate::tui::overlay::{Answer, Item, Overlay, Prompt};
use crate::tui::screens::meeting::MeetingView;
use crate::tui::widgets::fit;

use super::follow_up::review;
use super::table::{Listing, Row, unit};
use super::{
    DueFor, RecordsAsk, ask, count, due_text, empty, explain, format_date, key_hint, owner_text,
    parse_date, select, selected, strong, text_prompt,
};

/// A key on the list of actions: new, edit or remove the selected one.
pub(super) fn act(
    view: &MeetingView,
    action: Action,
    chosen: Option<usize>,
    cx: &Ctx,
) -> Option<Next> {
    let t = &cx.t().records;
    let next = match action {
        Action::Add => text_prompt(
            t.action_title,
            t.action_hint,
            "",
            RecordsAsk::ActionText { edit: None },
        ),
        Action::Edit => {
            let todo = view.state().actions.get(chosen?)?;
            text_prompt(
                t.action_edit_title,
                t.action_hint,
                &todo.text,
                RecordsAsk::ActionText {
                    edit: Some(todo.id.clone()),
                },
            )
        }
        Action::Origin => {
            let todo = view.state().actions.get(chosen?)?;
            let of = crate::model::outcomes::Outcome::Action {
                id: todo.id.clone(),
            };
            super::origin::ask_source(of, todo.origin, cx)
        }
        Action::Remove => {
            let todo = view.state().actions.get(chosen?)?;
            Next::Open(Overlay::confirm(
                fill(t.remove_action, &[("text", &fit(&todo.text, 120))]),
                ask(RecordsAsk::RemoveAction(todo.id.clone())),
            ))
        }
        _ => return None,
    };
    Some(next)
}

/// An action's dialog was answered: on to the owner, then the due date, then recorded.
pub(super) fn answer(
    view: &mut MeetingView,
    question: RecordsAsk,
    answer: Answer,
    cx: &mut Ctx,
) -> Next {
    let today = view.state().date;
    match (question, answer) {
        (RecordsAsk::ActionText { edit }, Answer::Text(text)) if !text.is_empty() => {
            return owner_picker(view, edit, text, cx);
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
        (RecordsAsk::Due(target), Answer::Picked(i)) => return due_picked(view, target, i, cx),
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
        _ => {}
    }
    Next::Stay
}

/// The picker of the owner, the current one preselected when editing.
fn owner_picker(view: &MeetingView, edit: Option<String>, text: String, cx: &Ctx) -> Next {
    let t = &cx.t().records;
    let current = edit.as_ref().and_then(|id| {
        let todo = view.state().actions.iter().find(|a| &a.id == id)?;
        Some(todo.owner.clone())
    });
    let (items, owners) = owner_items(view.state(), current.as_ref(), cx.lang);
    let preselect = current
        .and_then(|c| owners.iter().position(|o| same_owner(o, &c)))
        .unwrap_or(0);
    Next::Open(Overlay::picker(
        t.owner_title,
        items,
        preselect,
        ask(RecordsAsk::ActionOwner { edit, text, owners }),
    ))
}

/// A due month was picked (the digits 1–9 are January to September), or "a date" (then the
/// date is asked, an edited action's own date in the prompt), or none.
fn due_picked(view: &mut MeetingView, target: DueFor, i: usize, cx: &mut Ctx) -> Next {
    match i {
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
    }
    Next::Stay
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
pub(super) fn due_picker(target: DueFor, current: Option<Due>, today: Date, cx: &Ctx) -> Next {
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
pub(super) fn finish(view: &mut MeetingView, target: DueFor, due: Due, cx: &mut Ctx) {
    match target {
        DueFor::Action {
            edit: None,
            text,
            owner,
        } => {
            let command = Command::AddAction {
                text,
                owner,
                due,
                clock_item: None,
            };
            if view.run(command, cx) {
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

/// The owner picker's items: the people present by name (with their role), then every role
/// for an action a role owns. Also the owners in the same order. An edited action's owner
/// who has left the meeting comes first, so keeping the owner is still one key.
pub(super) fn owner_items(
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

/// The list of actions: the text, then the owner and the due date in columns.
pub(super) fn listing(view: &MeetingView, cx: &Ctx) -> Listing {
    let t = &cx.t().records;
    let theme = cx.theme;
    let state = view.state();
    let selected = selected(view);
    let rows = state
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let strong = strong(selected == Some(i), cx);
            let mut main = vec![vec![(a.text.clone(), strong)]];
            if let Some(origin) = crate::i18n::words::origin_text(cx.lang, a.origin) {
                main.push(vec![(origin, theme.quiet())]);
            }
            Row {
                main,
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
