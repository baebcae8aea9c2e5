//! A voter's ballot: the marks being filled in (dots, a fist, yes/no, scores or a
//! ranking), the keys that make them, and casting the ballot, after which the screen goes
//! blank until the next voter. Drawn in [`draw`].

mod draw;

pub(super) use draw::{render_ballot, render_blank};

use crossterm::event::{KeyCode, KeyEvent};

use crate::i18n::fill;
use crate::model::vote::{Ballot, BallotError, Vote, VoteKind, YesNo};
use crate::model::{Command, MemberId, Side};
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{self, Action, Binding, Key, KeyContext, binding};
use crate::tui::overlay::{Overlay, Purpose};
use crate::tui::screens::meeting::{MeetingView, PhaseAsk};

use super::{VoteAsk, ui, ui_mut};

/// One voter's ballot being filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotUi {
    /// Who is voting: only to leave them out of the next picker, never logged.
    pub voter: MemberId,
    pub side: Side,
    pub marks: Marks,
    /// The option (row) selected.
    pub selected: usize,
    /// The voter abstains (every kind but yes/no, whose abstain is one of its answers).
    pub abstain: bool,
}

/// The marks of a ballot being filled in, per kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marks {
    Dots(Vec<u32>),
    Fist(Option<u8>),
    /// The pulse's answer, 1–5.
    Pulse(Option<u8>),
    YesNo(Option<YesNo>),
    /// 0 is not scored yet.
    Score(Vec<u8>),
    /// Option indices, first choice first; `moved` once the voter changed the order.
    Ranking {
        order: Vec<usize>,
        moved: bool,
    },
}

/// The digits a ballot reads (fist 0–5, pulse 1–5, score 1–5 and 0 to clear, yes/no 1–3).
const DIGITS: &[Key] = &[
    Key::Char('0'),
    Key::Char('1'),
    Key::Char('2'),
    Key::Char('3'),
    Key::Char('4'),
    Key::Char('5'),
];

/// The keys while a voter fills in a ballot (read by [`type_key`] through this table; also
/// the footer and the help). Yes, no and abstain have the letters of all three languages.
pub const BALLOT_KEYS: &[Binding] = &[
    binding(&[Key::Up], Action::Up, |t| t.vote.key_up, true),
    binding(&[Key::Down], Action::Down, |t| t.vote.key_down, true),
    binding(
        &[Key::Right, Key::Char('+')],
        Action::Add,
        |t| t.vote.key_more,
        true,
    ),
    binding(
        &[Key::Left, Key::Char('-')],
        Action::Remove,
        |t| t.vote.key_less,
        true,
    ),
    binding(
        &[Key::ShiftUp],
        Action::MoveUp,
        |t| t.vote.key_move_up,
        true,
    ),
    binding(
        &[Key::ShiftDown],
        Action::MoveDown,
        |t| t.vote.key_move_down,
        true,
    ),
    binding(DIGITS, Action::Edit, |t| t.vote.key_number, false),
    binding(
        &[Key::Char('k'), Key::Char('j'), Key::Char('y')],
        Action::Toggle,
        |t| t.vote.key_yes,
        false,
    ),
    binding(
        &[Key::Char('e'), Key::Char('n')],
        Action::Toggle,
        |t| t.vote.key_no,
        false,
    ),
    binding(
        &[Key::Char('t'), Key::Char('a')],
        Action::Pass,
        |t| t.vote.key_abstain,
        true,
    ),
    binding(&[Key::Enter], Action::Confirm, |t| t.vote.key_submit, true),
    binding(&[Key::Esc], Action::Back, |t| t.vote.key_cancel, true),
    binding(&[Key::Char('?')], Action::Help, |t| t.key_help, true),
    binding(&[Key::CtrlC], Action::Quit, |t| t.key_quit, false),
];

/// Whether a voter has the keyboard (keys go to [`type_key`] before the keymap): while a
/// ballot is being filled in, and on the blank screen after one.
pub fn takes_keys(view: &MeetingView) -> bool {
    ui(view).is_some_and(|u| u.blank || u.ballot.is_some())
}

/// A key while a voter has the keyboard; `None` lets the keymap have it (the help, Ctrl-C).
pub fn type_key(view: &mut MeetingView, key: &KeyEvent, cx: &mut Ctx) -> Option<Next> {
    if !takes_keys(view) {
        return None;
    }
    let action = keymap::action_for(KeyContext::MeetingBallot, key);
    if action == Some(Action::Quit) {
        return None;
    }
    if ui(view).is_some_and(|u| u.blank) {
        // Any key ends the blank screen (the help key too: nothing to help with here).
        ui_mut(view).blank = false;
        return Some(Next::Stay);
    }
    if action == Some(Action::Help) {
        return None;
    }
    let Some(vote) = view.state().open_vote() else {
        ui_mut(view).ballot = None;
        return None;
    };
    // The vote's own rules judge each dot (`Vote::check`); a copy, as the ballot being
    // marked is borrowed from the same view.
    let vote = vote.clone();
    let ballot = ui_mut(view).ballot.as_mut()?;
    let rows = match vote.kind {
        VoteKind::FistOfFive | VoteKind::YesNo | VoteKind::Pulse => vote.hand_slots(),
        _ => vote.options.len(),
    };
    if rows == 0 {
        // The engine opens no vote without options; nothing to mark if it did.
        return Some(Next::Stay);
    }
    match action {
        Some(Action::Confirm) => return Some(submit(view, cx, false)),
        Some(Action::Back) => {
            ui_mut(view).ballot = None;
            cx.info(cx.t().vote.ballot_cancelled);
        }
        Some(action) => mark(ballot, action, key, &vote, rows - 1, cx),
        None => {}
    }
    // Every other key is swallowed: the facilitator's keys do nothing while a voter votes.
    Some(Next::Stay)
}

/// Changes the marks by a key of the ballot; `last` is the last row of the ballot.
fn mark(
    ballot: &mut BallotUi,
    action: Action,
    key: &KeyEvent,
    vote: &Vote,
    last: usize,
    cx: &mut Ctx,
) {
    let letter = match key.code {
        KeyCode::Char(c) => Some(c),
        _ => None,
    };
    match action {
        Action::Up => ballot.selected = ballot.selected.saturating_sub(1),
        Action::Down => ballot.selected = (ballot.selected + 1).min(last),
        Action::Add => more(ballot, vote, last, cx),
        Action::Remove => less(ballot, last),
        Action::MoveUp | Action::MoveDown => reorder(ballot, action == Action::MoveUp, last),
        Action::Edit => {
            let digit = letter.and_then(|c| c.to_digit(10)).map(|d| d as u8);
            number(ballot, digit, last);
        }
        Action::Toggle => {
            if let Marks::YesNo(answer) = &mut ballot.marks {
                let yes = matches!(letter, Some('k' | 'j' | 'y'));
                *answer = Some(if yes { YesNo::Yes } else { YesNo::No });
                ballot.selected = if yes { 0 } else { 1 };
            }
        }
        Action::Pass => {
            if let Marks::YesNo(answer) = &mut ballot.marks {
                *answer = Some(YesNo::Abstain);
                ballot.selected = 2;
            } else {
                ballot.abstain = !ballot.abstain;
            }
        }
        _ => {}
    }
}

/// One more dot (within the budget and the cap) or a star more on the selected option.
fn more(ballot: &mut BallotUi, vote: &Vote, last: usize, cx: &mut Ctx) {
    let t = &cx.t().vote;
    match &mut ballot.marks {
        Marks::Dots(dots) => {
            let mut tried = dots.clone();
            tried[ballot.selected.min(last)] += 1;
            match vote.check(&Ballot::Dots(tried.clone())) {
                Ok(()) => {
                    *dots = tried;
                    ballot.abstain = false;
                }
                Err(BallotError::OverBudget) => cx.error(t.dots_used_up),
                Err(BallotError::OverCap) => {
                    cx.error(fill(t.dots_cap_reached, &[("cap", &vote.cap.to_string())]))
                }
                Err(_) => {}
            }
        }
        Marks::Score(scores) => {
            let here = &mut scores[ballot.selected.min(last)];
            *here = (*here + 1).clamp(1, 5);
            ballot.abstain = false;
        }
        _ => {}
    }
}

/// One dot or star less on the selected option (a score stays at least 1 once given).
fn less(ballot: &mut BallotUi, last: usize) {
    match &mut ballot.marks {
        Marks::Dots(dots) => {
            let here = &mut dots[ballot.selected.min(last)];
            *here = here.saturating_sub(1);
            ballot.abstain = false;
        }
        Marks::Score(scores) => {
            let here = &mut scores[ballot.selected.min(last)];
            *here = here.saturating_sub(1).max(1);
            ballot.abstain = false;
        }
        _ => {}
    }
}

/// Moves the selected option of a ranking one place up or down.
fn reorder(ballot: &mut BallotUi, up: bool, last: usize) {
    if let Marks::Ranking { order, moved } = &mut ballot.marks {
        let at = ballot.selected.min(last);
        let to = if up {
            at.saturating_sub(1)
        } else {
            (at + 1).min(last)
        };
        if to != at {
            order.swap(at, to);
            *moved = true;
            ballot.selected = to;
            ballot.abstain = false;
        }
    }
}

/// A digit typed: a fist's value, the selected option's score, or yes/no/abstain.
fn number(ballot: &mut BallotUi, digit: Option<u8>, last: usize) {
    match (&mut ballot.marks, digit) {
        (Marks::Fist(value), Some(d)) if d <= 5 => {
            *value = Some(d);
            ballot.selected = usize::from(5 - d);
            ballot.abstain = false;
        }
        (Marks::Pulse(value), Some(d @ 1..=5)) => {
            *value = Some(d);
            // The scale is drawn from 5 down, as the fist's.
            ballot.selected = usize::from(5 - d);
            ballot.abstain = false;
        }
        (Marks::Score(scores), Some(d)) if d <= 5 => {
            scores[ballot.selected.min(last)] = d;
            ballot.abstain = false;
            if d > 0 {
                // On to the next option: scoring a list is a row of digits.
                ballot.selected = (ballot.selected + 1).min(last);
            }
        }
        (Marks::YesNo(answer), Some(d @ 1..=3)) => {
            *answer = Some([YesNo::Yes, YesNo::No, YesNo::Abstain][usize::from(d - 1)]);
            ballot.selected = usize::from(d - 1);
        }
        _ => {}
    }
}

/// Hands the keyboard to voter `at` of the picker's `ids`, with an empty ballot.
pub(super) fn start(view: &mut MeetingView, ids: &[MemberId], at: usize) {
    let Some(id) = ids.get(at).cloned() else {
        return;
    };
    let Some(side) = view.state().person(&id).map(|p| p.role.side()) else {
        return;
    };
    let Some(vote) = view.state().open_vote() else {
        return;
    };
    let n = vote.options.len();
    let marks = match vote.kind {
        VoteKind::Dots => Marks::Dots(vec![0; n]),
        VoteKind::FistOfFive => Marks::Fist(None),
        VoteKind::Pulse => Marks::Pulse(None),
        VoteKind::YesNo => Marks::YesNo(None),
        VoteKind::Score => Marks::Score(vec![0; n]),
        VoteKind::Ranking => Marks::Ranking {
            order: (0..n).collect(),
            moved: false,
        },
    };
    ui_mut(view).ballot = Some(BallotUi {
        voter: id,
        side,
        marks,
        selected: 0,
        abstain: false,
    });
}

/// The ballot as the model takes it, or `None` while nothing is chosen.
fn to_ballot(ballot: &BallotUi) -> Option<Ballot> {
    if ballot.abstain {
        return Some(Ballot::Abstain);
    }
    Some(match &ballot.marks {
        Marks::Dots(dots) => Ballot::Dots(dots.clone()),
        Marks::Fist(value) => Ballot::Fist((*value)?),
        Marks::Pulse(value) => Ballot::Pulse((*value)?),
        Marks::YesNo(answer) => Ballot::YesNo((*answer)?),
        Marks::Score(scores) => Ballot::Score(scores.clone()),
        Marks::Ranking { order, .. } => Ballot::Ranking(order.clone()),
    })
}

/// Casts the ballot on screen; first asks when it looks unfinished (unless `sure`).
pub(super) fn submit(view: &mut MeetingView, cx: &mut Ctx, sure: bool) -> Next {
    let t = &cx.t().vote;
    let Some(budget) = view.state().open_vote().map(|v| v.budget) else {
        return Next::Stay;
    };
    let Some(ballot_ui) = ui(view).and_then(|u| u.ballot.clone()) else {
        return Next::Stay;
    };
    let Some(ballot) = to_ballot(&ballot_ui) else {
        cx.error(t.choose_first);
        return Next::Stay;
    };
    if !sure {
        let doubt = match (&ballot, &ballot_ui.marks) {
            (Ballot::Dots(dots), _) if dots.iter().sum::<u32>() < budget => Some(fill(
                t.unused_dots_confirm,
                &[("left", &(budget - dots.iter().sum::<u32>()).to_string())],
            )),
            (Ballot::Score(scores), _) if scores.contains(&0) => Some(fill(
                t.unscored_confirm,
                &[(
                    "count",
                    &scores.iter().filter(|s| **s == 0).count().to_string(),
                )],
            )),
            (Ballot::Ranking(_), Marks::Ranking { moved: false, .. }) => {
                Some(t.unranked_confirm.to_string())
            }
            _ => None,
        };
        if let Some(question) = doubt {
            return Next::Open(Overlay::confirm(
                question,
                Purpose::Phase(PhaseAsk::Vote(VoteAsk::Submit)),
            ));
        }
    }
    let command = Command::CastBallot {
        side: Some(ballot_ui.side),
        ballot,
    };
    if view.run(command, cx) {
        let ui = ui_mut(view);
        ui.voted.push(ballot_ui.voter);
        ui.ballot = None;
        ui.blank = true;
    }
    Next::Stay
}

/// Whether a ballot key does something for this kind of vote now.
pub(super) fn ballot_offers(view: &MeetingView, action: Action) -> bool {
    let Some(ui) = ui(view) else {
        return false;
    };
    if action == Action::Quit || (action == Action::Help && !ui.blank) {
        return true;
    }
    let (Some(ballot), false) = (&ui.ballot, ui.blank) else {
        return false;
    };
    match action {
        Action::Confirm => to_ballot(ballot).is_some(),
        _ => ballot_has(marks_kind(&ballot.marks), action),
    }
}

/// Whether the help lists a ballot key: only the keys of this kind of vote (a dot vote has
/// no yes and no, a yes/no no dots). Other screens list every key.
pub fn in_help(view: &MeetingView, action: Action) -> bool {
    match ui(view).and_then(|u| u.ballot.as_ref()) {
        Some(ballot) => ballot_has(marks_kind(&ballot.marks), action),
        None => true,
    }
}

fn marks_kind(marks: &Marks) -> VoteKind {
    match marks {
        Marks::Dots(_) => VoteKind::Dots,
        Marks::Fist(_) => VoteKind::FistOfFive,
        Marks::Pulse(_) => VoteKind::Pulse,
        Marks::YesNo(_) => VoteKind::YesNo,
        Marks::Score(_) => VoteKind::Score,
        Marks::Ranking { .. } => VoteKind::Ranking,
    }
}

/// Whether a ballot key belongs to this kind of vote.
fn ballot_has(kind: VoteKind, action: Action) -> bool {
    match action {
        Action::Up | Action::Down => kind.has_options(),
        Action::Add | Action::Remove => matches!(kind, VoteKind::Dots | VoteKind::Score),
        Action::MoveUp | Action::MoveDown => kind == VoteKind::Ranking,
        Action::Edit => matches!(
            kind,
            VoteKind::FistOfFive | VoteKind::Pulse | VoteKind::YesNo | VoteKind::Score
        ),
        Action::Toggle => kind == VoteKind::YesNo,
        Action::Confirm | Action::Pass | Action::Back | Action::Help | Action::Quit => true,
        _ => false,
    }
}
