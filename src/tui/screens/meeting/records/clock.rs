//! The year clock in a meeting (a `year_clock` agenda item): this month's and next month's
//! items and the overdue ones (or the whole school year, for the yearly review), each with
//! when it is, who answers for it and how far it got. Enter marks the selected item, `t`
//! agrees an action on it (its owner picked from those the clock names first, due in the
//! item's month), `m` moves it to another month, `i` adds an item and `x` takes one off.
//! Every change is an event of the meeting; the clock file follows.

use crate::i18n::clock::{actors, month, status as status_name, when as when_text};
use crate::i18n::fill;
use crate::model::clock::{Actor, ClockItem, ItemDraft, ItemStatus, SchoolYear, calendar};
use crate::model::outcomes::{Due, Owner};
use crate::model::{Command, PhaseKind};
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::Action;
use crate::tui::overlay::{Item, Overlay, Prompt};
use crate::tui::screens::meeting::MeetingView;
use crate::tui::widgets::fit;

use super::actions::owner_items;
use super::table::{Listing, Row, unit};
use super::{RecordsAsk, ask, count, empty, key_hint, owner_text, selected, strong};
use crate::model::engine::MAX_TEXT_CHARS;

/// The items the walk goes through, each with the school year it is looked at in: those of
/// the clock as the meeting began (so that marking or moving one keeps its place on the
/// list), then those added in the meeting; removed ones are left out. As they are now.
pub(super) fn walk(view: &MeetingView) -> Vec<(ClockItem, SchoolYear)> {
    let state = view.state();
    let (Some(start), Some(now)) = (&view.meeting.record().clock, &state.clock) else {
        return Vec::new();
    };
    let whole_year = state.current_phase().is_some_and(|p| p.whole_year);
    let year = SchoolYear::of(state.date);
    let mut out: Vec<(ClockItem, SchoolYear)> = start
        .walk(state.date, whole_year)
        .into_iter()
        .filter_map(|(item, year)| Some((now.item(&item.id)?.clone(), year)))
        .collect();
    for item in &now.items {
        if start.item(&item.id).is_none() {
            out.push((item.clone(), year));
        }
    }
    out
}

/// The walk's selected item.
fn chosen_item(view: &MeetingView, chosen: Option<usize>) -> Option<(ClockItem, SchoolYear)> {
    walk(view).into_iter().nth(chosen?)
}

/// A key on the walk.
pub(super) fn act(
    view: &MeetingView,
    action: Action,
    chosen: Option<usize>,
    cx: &mut Ctx,
) -> Option<Next> {
    let t = &cx.t().clock_walk;
    if view.state().clock.is_none() {
        return matches!(
            action,
            Action::Confirm | Action::Add | Action::MoveItem | Action::NewItem | Action::Remove
        )
        .then(|| {
            cx.error(crate::i18n::refusal(
                cx.lang,
                &crate::model::Refusal::NoClock,
            ));
            Next::Stay
        });
    }
    if action == Action::NewItem {
        return Some(Next::Open(Overlay::Prompt(Prompt::new(
            t.new_title,
            t.new_hint,
            "",
            ask(RecordsAsk::ClockNewTitle),
            crate::model::clock::MAX_TITLE_CHARS,
        ))));
    }
    let (item, year) = match action {
        Action::Confirm | Action::Add | Action::MoveItem | Action::Remove => {
            chosen_item(view, chosen)?
        }
        _ => return None,
    };
    let title = fit(&item.title, 60);
    let next = match action {
        Action::Confirm => {
            let items = ItemStatus::ALL
                .iter()
                .map(|s| Item::new(status_name(cx.lang, *s), ""))
                .collect();
            // Marking is most often "done": that is where the picker starts, unless the
            // item is already closed.
            let current = item.status_in(year);
            let preselect = if current.is_closed() {
                current
            } else {
                ItemStatus::Done
            };
            let at = ItemStatus::ALL.iter().position(|s| *s == preselect);
            let heading = fill(
                t.mark_title,
                &[("item", &title), ("year", &year.to_string())],
            );
            Next::Open(Overlay::picker(
                &heading,
                items,
                at.unwrap_or(0),
                ask(RecordsAsk::ClockStatus {
                    item: item.id,
                    year,
                }),
            ))
        }
        Action::Add => Next::Open(Overlay::Prompt(Prompt::new(
            &fill(t.action_title, &[("item", &title)]),
            t.action_hint,
            "",
            ask(RecordsAsk::ClockActionText {
                item: item.id,
                year,
            }),
            MAX_TEXT_CHARS,
        ))),
        Action::MoveItem => {
            let items = (1..=12).map(|m| Item::new(month(cx.lang, m), "")).collect();
            let from = calendar::start_month(item.when);
            Next::Open(Overlay::picker(
                &fill(t.move_title, &[("item", &title)]),
                items,
                usize::from(from) - 1,
                ask(RecordsAsk::ClockMove {
                    item: item.id,
                    year,
                }),
            ))
        }
        _ => Next::Open(Overlay::confirm(
            fill(t.remove_confirm, &[("item", &title)]),
            ask(RecordsAsk::ClockRemove(item.id)),
        )),
    };
    Some(next)
}

/// A dialog of the walk was answered.
pub(super) fn answer(
    view: &mut MeetingView,
    question: RecordsAsk,
    answer: crate::tui::overlay::Answer,
    cx: &mut Ctx,
) -> Next {
    use crate::tui::overlay::Answer;
    let t = &cx.t().clock_walk;
    let title_of = |view: &MeetingView, id: &str| {
        view.state()
            .clock
            .as_ref()
            .and_then(|c| c.item(id))
            .map(|i| i.title.clone())
            .unwrap_or_default()
    };
    match (question, answer) {
        (RecordsAsk::ClockStatus { item, year }, Answer::Picked(i)) => {
            if let Some(status) = ItemStatus::ALL.get(i).copied() {
                let title = title_of(view, &item);
                if view.run(Command::MarkClockItem { item, year, status }, cx) {
                    let what = status_name(cx.lang, status);
                    cx.info(fill(t.marked, &[("item", &title), ("what", what)]));
                }
            }
        }
        (RecordsAsk::ClockActionText { item, year }, Answer::Text(text)) if !text.is_empty() => {
            return owner_picker(view, item, year, text, cx);
        }
        (
            RecordsAsk::ClockActionOwner {
                item,
                year,
                text,
                owners,
            },
            Answer::Picked(i),
        ) => {
            if let Some(owner) = owners.get(i).cloned() {
                let due = view
                    .state()
                    .clock
                    .as_ref()
                    .and_then(|c| c.item(&item))
                    .and_then(|it| it.months(year).first().copied())
                    .map_or(Due::None, |month| Due::Month { month });
                let command = Command::AddAction {
                    text,
                    owner,
                    due,
                    clock_item: Some(item),
                };
                view.run(command, cx);
            }
        }
        (RecordsAsk::ClockMove { item, year }, Answer::Picked(i)) => {
            let Some(current) = view.state().clock.as_ref().and_then(|c| c.item(&item)) else {
                return Next::Stay;
            };
            let when = current.moved_to(year, i as u8 + 1);
            let title = current.title.clone();
            if view.run(Command::MoveClockItem { item, when }, cx) {
                let what = when_text(cx.lang, when);
                cx.info(fill(t.moved, &[("item", &title), ("what", &what)]));
            }
        }
        (RecordsAsk::ClockNewTitle, Answer::Text(title)) if !title.trim().is_empty() => {
            let items = (1..=12).map(|m| Item::new(month(cx.lang, m), "")).collect();
            let this = view.state().date.month() as usize - 1;
            return Next::Open(Overlay::picker(
                &fill(t.new_month_title, &[("item", &fit(&title, 60))]),
                items,
                this,
                ask(RecordsAsk::ClockNewMonth { title }),
            ));
        }
        (RecordsAsk::ClockNewMonth { title }, Answer::Picked(i)) => {
            let m = i as u8 + 1;
            let draft = ItemDraft::new_in_month(&title, m);
            if view.run(Command::AddClockItem(draft), cx) {
                cx.info(fill(t.added, &[("item", title.trim())]));
                super::select(view, usize::MAX);
            }
        }
        (RecordsAsk::ClockRemove(item), Answer::Yes) => {
            let title = title_of(view, &item);
            if view.run(Command::RemoveClockItem(item), cx) {
                cx.info(fill(t.removed, &[("item", &title)]));
            }
        }
        _ => {}
    }
    Next::Stay
}

/// The owner picker of an action agreed on a clock item: those the clock names as
/// responsible first, then everyone present and every role.
fn owner_picker(
    view: &MeetingView,
    item: String,
    year: SchoolYear,
    text: String,
    cx: &Ctx,
) -> Next {
    let t = &cx.t().clock_walk;
    let (all_items, all_owners) = owner_items(view.state(), None, cx.lang);
    let named: Vec<Actor> = view
        .state()
        .clock
        .as_ref()
        .and_then(|c| c.item(&item))
        .map(|i| i.responsible.clone())
        .unwrap_or_default();
    let responsible: Vec<Owner> = named.iter().filter_map(owner_of).collect();
    let mut items: Vec<Item> = responsible
        .iter()
        .map(|o| Item::new(owner_text(cx.lang, o), t.responsible_hint))
        .collect();
    let mut owners = responsible.clone();
    // Those present in a responsible role come next, then everyone else and every role.
    let roles: Vec<_> = named
        .iter()
        .filter_map(|a| match a {
            Actor::Role { role } => Some(*role),
            _ => None,
        })
        .collect();
    let in_role = |owner: &Owner| match owner {
        Owner::Member { id, .. } => view
            .state()
            .person(id)
            .is_some_and(|p| roles.contains(&p.role)),
        Owner::Role { .. } => false,
    };
    let rest: Vec<(Item, Owner)> = all_items
        .into_iter()
        .zip(all_owners)
        .filter(|(_, owner)| !responsible.contains(owner))
        .collect();
    let (first, later): (Vec<_>, Vec<_>) = rest.into_iter().partition(|(_, o)| in_role(o));
    for (shown, owner) in first.into_iter().chain(later) {
        items.push(shown);
        owners.push(owner);
    }
    Next::Open(Overlay::picker(
        cx.t().records.owner_title,
        items,
        0,
        ask(RecordsAsk::ClockActionOwner {
            item,
            year,
            text,
            owners,
        }),
    ))
}

/// The owner an action gets from someone the clock names: a role, or a member by name;
/// someone outside the group's roles cannot own an action.
fn owner_of(actor: &Actor) -> Option<Owner> {
    match actor {
        Actor::Role { role } => Some(Owner::Role { role: *role }),
        Actor::Member { id, name, .. } => Some(Owner::Member {
            id: id.clone(),
            name: name.clone(),
        }),
        Actor::Other { .. } => None,
    }
}

/// The walk as a list: the item (with the selected one's details and the actions agreed on
/// it), when it is, who answers for it and how far it got.
pub(super) fn listing(view: &MeetingView, cx: &Ctx) -> Listing {
    let t = &cx.t().clock_walk;
    let theme = cx.theme;
    let state = view.state();
    let selected = selected(view);
    let today = state.date;
    let whole_year = state
        .current_phase()
        .is_some_and(|p| p.kind == PhaseKind::YearClock && p.whole_year);
    let items = walk(view);
    let rows = items
        .iter()
        .enumerate()
        .map(|(i, (item, year))| {
            let is_selected = selected == Some(i) && !cx.audience;
            let mut main = vec![vec![(item.title.clone(), strong(selected == Some(i), cx))]];
            if is_selected {
                if !item.description.is_empty() {
                    main.push(vec![(item.description.clone(), theme.quiet())]);
                }
                if !item.students_part.is_empty() {
                    let line = format!("{}: {}", t.students, item.students_part);
                    main.push(vec![(line, theme.quiet())]);
                }
            }
            for action in state
                .actions
                .iter()
                .filter(|a| a.clock_item.as_deref() == Some(item.id.as_str()))
            {
                let line = format!("→ {} ({})", action.text, owner_text(cx.lang, &action.owner));
                main.push(vec![(line, theme.text())]);
            }
            let mut when = vec![vec![(unit(&when_text(cx.lang, item.when)), theme.text())]];
            let status = item.status_in(*year);
            let late = !status.is_closed() && item.ends(*year).is_some_and(|end| end < today);
            if late {
                when.push(vec![(unit(&format!("! {}", t.overdue)), theme.overrun())]);
            }
            let status_cell = match status {
                ItemStatus::Done => (format!("✓ {}", status_name(cx.lang, status)), theme.done()),
                ItemStatus::Skipped => (
                    format!("✗ {}", status_name(cx.lang, status)),
                    theme.heading(),
                ),
                ItemStatus::Underway => {
                    (format!("… {}", status_name(cx.lang, status)), theme.text())
                }
                ItemStatus::Planned => (status_name(cx.lang, status).to_string(), theme.quiet()),
            };
            Row {
                main,
                cells: vec![
                    when,
                    vec![vec![(actors(cx.lang, &item.responsible), theme.text())]],
                    vec![vec![(unit(&status_cell.0), status_cell.1)]],
                ],
            }
        })
        .collect();
    let heading = if whole_year {
        fill(
            t.summary_year,
            &[("year", &SchoolYear::of(today).to_string())],
        )
    } else {
        let next = today.month() as u8 % 12 + 1;
        fill(
            t.summary_months,
            &[
                ("this", month(cx.lang, today.month() as u8)),
                ("next", month(cx.lang, next)),
            ],
        )
    };
    let summary = format!("{heading} · {}", count(t.count_items, items.len()));
    let empty_lines = if state.clock.is_none() {
        let group = &view.meeting.record().group.id;
        empty(&fill(t.no_clock, &[("group", group)]), None, cx)
    } else {
        let hint = key_hint(view, Action::NewItem, t.key_new, cx);
        empty(t.empty, Some(crate::i18n::capitalise(&hint)), cx)
    };
    Listing {
        summary,
        headers: t.columns.to_vec(),
        caps: vec![18, 26, 16],
        rows,
        numbered: false,
        empty: empty_lines,
    }
}
