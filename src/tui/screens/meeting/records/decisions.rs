//! Decisions: the text, what it was based on (a vote, a theme, an idea) and an optional
//! review date; and the list of this meeting's decisions.

use jiff::civil::Date;

use crate::i18n::{Lang, fill};
use crate::model::outcomes::{Basis, Outcome};
use crate::model::{Command, MeetingState};
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::Action;
use crate::tui::overlay::{Answer, Item, NumberedItem, Overlay, Prompt};
use crate::tui::screens::meeting::MeetingView;
use crate::tui::widgets::fit;

use super::table::{Listing, Row};
use super::{
    RecordsAsk, ask, basis_text, count, empty, explain, format_date, key_hint, origin, parse_date,
    select, selected, strong, text_prompt, vote_result,
};

/// A key on the list of decisions: new, edit or remove the selected one.
pub(super) fn act(
    view: &MeetingView,
    action: Action,
    chosen: Option<usize>,
    cx: &Ctx,
) -> Option<Next> {
    let t = &cx.t().records;
    let next = match action {
        Action::Add => text_prompt(
            t.decision_title,
            t.decision_hint,
            "",
            RecordsAsk::DecisionText { edit: None },
        ),
        Action::Edit => {
            let decision = view.state().decisions.get(chosen?)?;
            text_prompt(
                t.decision_edit_title,
                t.decision_hint,
                &decision.text,
                RecordsAsk::DecisionText {
                    edit: Some(decision.id),
                },
            )
        }
        Action::Origin => {
            let decision = view.state().decisions.get(chosen?)?;
            let of = Outcome::Decision {
                decision: decision.id,
            };
            origin::ask_source(of, decision.origin, cx)
        }
        Action::Remove => {
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
        _ => return None,
    };
    Some(next)
}

/// A decision's dialog was answered: on to the basis, then the review date, then recorded.
pub(super) fn answer(
    view: &mut MeetingView,
    question: RecordsAsk,
    answer: Answer,
    cx: &mut Ctx,
) -> Next {
    match (question, answer) {
        (RecordsAsk::DecisionText { edit }, Answer::Text(text)) if !text.is_empty() => {
            return basis_picker(view, edit, text, cx);
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
            let today = view.state().date;
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
                        // Asked at once, while the room still remembers where it came from.
                        if let Some(decision) = view.state().decisions.last() {
                            let of = Outcome::Decision {
                                decision: decision.id,
                            };
                            return origin::ask_source(of, decision.origin, cx);
                        }
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
        _ => {}
    }
    Next::Stay
}

/// The picker of what the decision is based on (the latest vote preselected, or an edited
/// decision's own basis); straight to the review date when there is nothing to pick.
fn basis_picker(view: &MeetingView, edit: Option<u32>, text: String, cx: &Ctx) -> Next {
    let t = &cx.t().records;
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
    Next::Open(Overlay::numbered(
        t.basis_title,
        items,
        preselect,
        ask(RecordsAsk::DecisionBasis { edit, text, bases }),
    ))
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

/// The list of decisions: each with its number, what it was based on and its review date.
pub(super) fn listing(view: &MeetingView, cx: &Ctx) -> Listing {
    let t = &cx.t().records;
    let theme = cx.theme;
    let state = view.state();
    let selected = selected(view);
    let rows = state
        .decisions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let strong = strong(selected == Some(i), cx);
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
            if let Some(origin) = crate::i18n::words::origin_text(cx.lang, d.origin) {
                main.push(vec![(origin, theme.quiet())]);
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
