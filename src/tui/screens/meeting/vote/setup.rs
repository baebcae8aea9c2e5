//! Setting a vote up: the options (added, edited, reordered, or taken from the themes or
//! the ideas) or the proposal, then opening the vote on them; also a new vote after a
//! closed one, and the set-up drawn before the vote opens.

use crate::i18n::{self, fill};
use crate::model::Command;
use crate::model::engine::MAX_TEXT_CHARS;
use crate::model::vote::{Vote, VoteKind, VoteOption, VoteSpec, default_budget};
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{Action, KeyContext};
use crate::tui::overlay::{Answer, Overlay, Prompt, Purpose};
use crate::tui::screens::meeting::{MeetingView, PhaseAsk};

use super::parts::{Subject, entry_line, join, option_rows, options_title, rules_line, subject};
use super::{Pen, VoteAsk, no_open_vote, proposal, setup_options, ui, ui_mut};

/// A facilitator's key before the vote opens (the arrows are handled for every stage).
pub(super) fn act(view: &mut MeetingView, action: Action, spec: &VoteSpec, cx: &mut Ctx) -> Next {
    let t = &cx.t().vote;
    let many = spec.kind.has_options();
    match action {
        Action::OpenVote => open(view, spec, cx),
        Action::Add if many => Next::Open(Overlay::Prompt(Prompt::new(
            t.add_prompt,
            t.option_hint,
            "",
            Purpose::Phase(PhaseAsk::Vote(VoteAsk::AddOption)),
            MAX_TEXT_CHARS,
        ))),
        Action::Edit if many => edit_prompt(view, cx),
        // The pulse's question is fixed, so that pulses compare across meetings.
        Action::Edit if spec.kind != VoteKind::Pulse => proposal_prompt(view, cx, false),
        Action::Toggle if many => {
            toggle_subject(view, cx);
            Next::Stay
        }
        Action::Remove if many => {
            remove_option(view);
            Next::Stay
        }
        Action::MoveUp | Action::MoveDown if many => {
            move_option(view, action == Action::MoveUp);
            Next::Stay
        }
        _ => no_open_vote(cx),
    }
}

/// The prompt to edit the selected option's text.
fn edit_prompt(view: &MeetingView, cx: &Ctx) -> Next {
    let t = &cx.t().vote;
    let options = setup_options(view);
    let at = ui(view).map_or(0, |u| u.selected);
    match options.get(at) {
        Some(option) => Next::Open(Overlay::Prompt(Prompt::new(
            t.edit_prompt,
            t.option_hint,
            &option.label,
            Purpose::Phase(PhaseAsk::Vote(VoteAsk::EditOption(at))),
            MAX_TEXT_CHARS,
        ))),
        None => Next::Stay,
    }
}

/// Themes or ideas: the facilitator chooses what is voted on.
fn toggle_subject(view: &mut MeetingView, cx: &mut Ctx) {
    let state = view.state();
    let on_themes = subject(&setup_options(view)) == Subject::Themes;
    let options = if on_themes {
        state.idea_options()
    } else {
        state.theme_options()
    };
    if options.is_empty() {
        cx.error(i18n::refusal(
            cx.lang,
            &crate::model::Refusal::TooFewOptions,
        ));
    } else {
        let ui = ui_mut(view);
        ui.options = Some(options);
        ui.selected = 0;
    }
}

/// Takes the selected option off the list.
fn remove_option(view: &mut MeetingView) {
    let mut options = setup_options(view);
    let ui = ui_mut(view);
    if ui.selected < options.len() {
        options.remove(ui.selected);
        ui.selected = ui.selected.min(options.len().saturating_sub(1));
        ui.options = Some(options);
    }
}

/// Moves the selected option one place up or down the list.
fn move_option(view: &mut MeetingView, up: bool) {
    let mut options = setup_options(view);
    let ui = ui_mut(view);
    let at = ui.selected;
    let to = if up {
        at.checked_sub(1)
    } else {
        Some(at + 1).filter(|to| *to < options.len())
    };
    if let Some(to) = to
        && at < options.len()
    {
        options.swap(at, to);
        ui.selected = to;
        ui.options = Some(options);
    }
}

/// A set-up dialog was answered: an option's text, the proposal, or a new vote confirmed.
pub(super) fn answer(view: &mut MeetingView, ask: VoteAsk, answer: Answer, cx: &mut Ctx) -> Next {
    match (ask, answer) {
        (VoteAsk::AddOption, Answer::Text(text)) if !text.is_empty() => {
            let mut options = setup_options(view);
            options.push(VoteOption {
                label: text,
                idea: None,
                theme: None,
            });
            let ui = ui_mut(view);
            ui.selected = options.len() - 1;
            ui.options = Some(options);
        }
        (VoteAsk::EditOption(at), Answer::Text(text)) if !text.is_empty() => {
            let mut options = setup_options(view);
            if let Some(option) = options.get_mut(at) {
                option.label = text;
                ui_mut(view).options = Some(options);
            }
        }
        (VoteAsk::Proposal { then_open }, Answer::Text(text)) if !text.is_empty() => {
            ui_mut(view).proposal = Some(text);
            // Opening: the item's first vote, or a new one after a closed vote.
            let spec = match super::stage(view) {
                super::Stage::Setup(spec) => Some(spec),
                super::Stage::Closed(_) => {
                    view.state().current_phase().and_then(|p| p.vote.clone())
                }
                _ => None,
            };
            if then_open && let Some(spec) = spec {
                return open(view, &spec, cx);
            }
        }
        (VoteAsk::Revote, Answer::Yes) => {
            let options = setup_options(view);
            run_open(view, options, cx);
        }
        _ => {}
    }
    Next::Stay
}

/// Opens the vote on the options set up (or the proposal, asked for first when not typed).
fn open(view: &mut MeetingView, spec: &VoteSpec, cx: &mut Ctx) -> Next {
    let options = if spec.kind.has_options() {
        setup_options(view)
    } else if spec.kind == VoteKind::Pulse {
        vec![pulse_question(cx)]
    } else {
        match proposal(view) {
            Some(text) => vec![VoteOption {
                label: text,
                idea: None,
                theme: None,
            }],
            None => return proposal_prompt(view, cx, true),
        }
    };
    run_open(view, options, cx);
    Next::Stay
}

/// The pulse's fixed question, as the one "option" it is opened on: the log keeps the words
/// that were asked.
fn pulse_question(cx: &Ctx) -> VoteOption {
    VoteOption {
        label: cx.t().vote.pulse_question.to_string(),
        idea: None,
        theme: None,
    }
}

/// Opens a vote on `options`, with a fresh list of who has voted.
pub(super) fn run_open(view: &mut MeetingView, options: Vec<VoteOption>, cx: &mut Ctx) {
    if view.run(Command::OpenVote(options), cx) {
        let ui = ui_mut(view);
        ui.selected = 0;
        ui.voted.clear();
        ui.ballot = None;
        ui.blank = false;
    }
}

/// A new vote in the same item after one has closed, as after a tie or an objection: among
/// the options tied for first (a runoff), else on the same options, once confirmed; a
/// proposal is asked again first, so that it can be amended.
pub(super) fn revote(view: &mut MeetingView, closed: &Vote, cx: &mut Ctx) -> Next {
    let t = &cx.t().vote;
    if closed.kind == VoteKind::Pulse {
        // Asked again as it was: a confirmation, as a vote on the same options.
        ui_mut(view).options = Some(vec![pulse_question(cx)]);
        return Next::Open(Overlay::confirm(
            fill(t.pulse_again, &[("question", t.pulse_question)]),
            Purpose::Phase(PhaseAsk::Vote(VoteAsk::Revote)),
        ));
    }
    if !closed.kind.has_options() {
        ui_mut(view).proposal = closed.options.first().map(|o| o.label.clone());
        return proposal_prompt(view, cx, true);
    }
    let tally = closed.tally();
    let tied = tally.winners().len() > 1;
    let options: Vec<VoteOption> = if tied {
        tally
            .winners()
            .iter()
            .filter_map(|i| closed.options.get(*i).cloned())
            .collect()
    } else {
        closed.options.clone()
    };
    let names: Vec<String> = options.iter().map(|o| o.label.clone()).collect();
    ui_mut(view).options = Some(options);
    let question = if tied {
        t.revote_tie_confirm
    } else {
        t.revote_confirm
    };
    Next::Open(Overlay::confirm(
        fill(question, &[("names", &join(&names, t.and))]),
        Purpose::Phase(PhaseAsk::Vote(VoteAsk::Revote)),
    ))
}

/// The prompt for the proposal, prefilled with the typed one or the first default option.
fn proposal_prompt(view: &MeetingView, cx: &Ctx, then_open: bool) -> Next {
    let t = &cx.t().vote;
    let current = proposal(view).unwrap_or_else(|| {
        view.state()
            .default_options()
            .first()
            .map(|o| o.label.clone())
            .unwrap_or_default()
    });
    Next::Open(Overlay::Prompt(Prompt::new(
        t.proposal_prompt,
        t.proposal_hint,
        &current,
        Purpose::Phase(PhaseAsk::Vote(VoteAsk::Proposal { then_open })),
        MAX_TEXT_CHARS,
    )))
}

/// The set-up before the vote opens: the rules, then the options or the proposal.
pub(super) fn render_setup(view: &MeetingView, pen: &mut Pen, spec: &VoteSpec, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    let many = spec.kind.has_options();
    let options = setup_options(view);
    let cap = spec.cap.unwrap_or(0);
    let budget = spec
        .budget
        .unwrap_or_else(|| default_budget(options.len(), cap));
    pen.wrapped(
        &rules_line(spec.kind, budget, cap, spec.rule, t),
        theme.heading(),
        3,
    );
    pen.wrapped(entry_line(spec.kind, spec.entry, t), theme.text(), 2);
    pen.gap();
    let open_key = cx.key_for(KeyContext::MeetingVote, Action::OpenVote);
    if many {
        pen.text(&options_title(&options, t), theme.heading());
        if options.is_empty() {
            let key = cx.key_for(KeyContext::MeetingVote, Action::Add);
            pen.wrapped(&fill(t.no_options, &[("key", &key)]), theme.key(), 2);
            return;
        }
        let selected = ui(view).map_or(0, |u| u.selected).min(options.len() - 1);
        option_rows(pen, &options, Some(selected), 0, 2, theme, t);
        pen.gap();
        if options.len() >= 2 {
            pen.text(&fill(t.press_open, &[("key", &open_key)]), theme.key());
        } else {
            pen.text(t.need_two, theme.warning());
        }
    } else if spec.kind == VoteKind::Pulse {
        pen.wrapped(t.pulse_question, theme.current(), 2);
        pen.gap();
        pen.text(&fill(t.press_open, &[("key", &open_key)]), theme.key());
    } else {
        pen.text(t.proposal_title, theme.heading());
        match proposal(view) {
            Some(text) => {
                let rows = pen.left().saturating_sub(2).clamp(1, 4) as usize;
                pen.wrapped(&text, theme.current(), rows);
                pen.gap();
                pen.text(&fill(t.press_open, &[("key", &open_key)]), theme.key());
            }
            None => {
                let key = cx.key_for(KeyContext::MeetingVote, Action::Edit);
                pen.wrapped(&fill(t.no_proposal, &[("key", &key)]), theme.key(), 2);
            }
        }
    }
}
