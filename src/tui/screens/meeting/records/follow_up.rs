//! The follow-up of earlier meetings' open actions: each marked done, continued (with a
//! new due date) or dropped; and the list of them with how each stands.

use crate::i18n::fill;
use crate::model::Command;
use crate::model::EventKind;
use crate::model::outcomes::{ActionStatus, Due};
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::Action;
use crate::tui::overlay::{Item, Overlay};
use crate::tui::screens::meeting::MeetingView;
use crate::tui::widgets::fit;

use super::actions::due_picker;
use super::table::{Listing, Row, unit};
use super::{
    DueFor, RecordsAsk, ask, count, due_text, empty, format_date, key_hint, owner_text, select,
    selected, strong,
};

/// A key on the follow-up list: Enter picks how the selected action stands.
pub(super) fn act(
    view: &MeetingView,
    action: Action,
    chosen: Option<usize>,
    cx: &Ctx,
) -> Option<Next> {
    if action != Action::Confirm {
        return None;
    }
    let t = &cx.t().records;
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
    Some(Next::Open(Overlay::picker(
        &title,
        items,
        current,
        ask(RecordsAsk::ReviewStatus(todo.id.clone())),
    )))
}

/// How the earlier action `id` stands was picked: done, continued (then its new due date)
/// or dropped.
pub(super) fn answer(view: &mut MeetingView, id: String, picked: usize, cx: &mut Ctx) -> Next {
    let status = match picked {
        0 => ActionStatus::Done,
        // A new due date: the picker starts at next month.
        1 => return due_picker(DueFor::Continue(id), None, view.state().date, cx),
        _ => ActionStatus::Dropped,
    };
    review(view, id, status, None, cx);
    Next::Stay
}

/// Records a follow-up and moves on to the next action not yet followed up.
pub(super) fn review(
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
pub(super) fn reviewed_here(view: &MeetingView, id: &str) -> bool {
    view.meeting
        .record()
        .events
        .iter()
        .any(|e| matches!(&e.event, EventKind::ActionReviewed { id: i, .. } if i == id))
}

/// The list of earlier actions: the text and the meeting it is from, then the owner, the
/// due date (marked when overdue) and how it stands.
pub(super) fn listing(view: &MeetingView, cx: &Ctx) -> Listing {
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
            let strong = strong(selected == Some(i), cx);
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
    let summary = summary(view, cx);
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

/// How many are open and overdue, and how many this meeting has followed up.
fn summary(view: &MeetingView, cx: &Ctx) -> String {
    let t = &cx.t().records;
    let state = view.state();
    let today = state.date;
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
    summary
}
