//! Votes: setting up the options, taking ballots one voter at a time (the screen blanked
//! between voters) or as counted hands, closing the vote, and the results as bars with ties
//! stated as ties.
//!
//! Who has voted is remembered only here, on the screen, so the picker of the next voter
//! leaves them out; the log gets each ballot with the voter's side and nothing else.
//! Results are drawn only from a closed vote. Per-side results are shown only when every
//! side that voted has at least [`crate::model::vote::MIN_SIDE_VOTERS`] voters: with one side of one or two
//! withheld, the others' figures would give it away by subtraction.
//!
//! This file is what the meeting screen calls (the keys, [`act`], [`answer`], [`offers`],
//! [`render`]) and the state they share; each stage of a vote has its own file:
//! [`setup`] before the vote opens, [`running`] while it is open, [`ballot`] while a voter
//! has the keyboard, [`results`] once it is closed.

mod ballot;
mod parts;
mod results;
mod running;
mod setup;

pub use ballot::{BALLOT_KEYS, BallotUi, Marks, in_help, takes_keys, type_key};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n;
use crate::model::vote::{Entry, Vote, VoteKind, VoteOption, VoteSpec};
use crate::model::{MemberId, Refusal, Side};
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{Action, Binding, Key, binding};
use crate::tui::overlay::Answer;
use crate::tui::screens::meeting::MeetingView;
use crate::tui::screens::meeting::PhaseUi;
use crate::tui::widgets::pen::Pen;

/// What a dialog of this module was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VoteAsk {
    /// A new option's text.
    AddOption,
    /// New text for option `n` of the set-up list.
    EditOption(usize),
    /// The proposal of a fist of five or yes/no; the vote opens after it when `then_open`.
    Proposal { then_open: bool },
    /// Who votes next: the people offered, in picker order.
    Voter(Vec<MemberId>),
    /// Counted hands for slot `slot`, with the counts of the slots before it.
    Hands { slot: usize, counts: Vec<u32> },
    /// Close the vote and show the results.
    Close,
    /// Open a new vote in the same item on the options set up (after a closed one).
    Revote,
    /// Cast the ballot on screen (asked when something looks unfinished).
    Submit,
    /// Record these counted hands, though they are more than the people present could raise.
    HandsAnyway(Vec<u32>),
}

/// The screen-only state: the options being set up, who has voted (on this screen only),
/// the ballot being filled in, and the blank screen between voters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VoteUi {
    /// The phase (and visit) this state belongs to.
    pub phase: Option<(usize, u32)>,
    /// The selected option while setting up; the first row shown of a long list otherwise.
    pub selected: usize,
    /// The options as edited; `None` until changed (the defaults are shown).
    pub options: Option<Vec<VoteOption>>,
    /// The proposal of a fist of five or yes/no, once typed.
    pub proposal: Option<String>,
    /// Who has cast a ballot since this screen opened the vote. Never logged.
    pub voted: Vec<MemberId>,
    pub ballot: Option<BallotUi>,
    /// The screen is blank after a ballot until a key is pressed.
    pub blank: bool,
}

/// The vote's keys (the meeting's own keys p + - n g a q stay theirs).
pub const KEYS: &[Binding] = &[
    binding(
        &[Key::Char('o')],
        Action::OpenVote,
        |t| t.vote.key_open,
        true,
    ),
    binding(
        &[Key::Char(' '), Key::Enter],
        Action::Confirm,
        |t| t.vote.key_next_voter,
        true,
    ),
    binding(
        &[Key::Char('h')],
        Action::CountHands,
        |t| t.vote.key_count_hands,
        true,
    ),
    binding(
        &[Key::Char('s')],
        Action::CloseVote,
        |t| t.vote.key_close,
        true,
    ),
    binding(
        &[Key::Char('l')],
        Action::Add,
        |t| t.vote.key_add_option,
        true,
    ),
    binding(&[Key::Char('e')], Action::Edit, |t| t.vote.key_edit, true),
    binding(
        &[Key::Char('x'), Key::Delete],
        Action::Remove,
        |t| t.vote.key_remove_option,
        true,
    ),
    binding(
        &[Key::Char('t')],
        Action::Toggle,
        |t| t.vote.key_themes_or_ideas,
        true,
    ),
    binding(
        &[Key::Up, Key::Char('k')],
        Action::Up,
        |t| t.vote.key_up,
        false,
    ),
    binding(
        &[Key::Down, Key::Char('j')],
        Action::Down,
        |t| t.vote.key_down,
        false,
    ),
    binding(
        &[Key::ShiftUp, Key::Char('K')],
        Action::MoveUp,
        |t| t.vote.key_move_up,
        false,
    ),
    binding(
        &[Key::ShiftDown, Key::Char('J')],
        Action::MoveDown,
        |t| t.vote.key_move_down,
        false,
    ),
];

// ---- state ------------------------------------------------------------------------------

/// This phase's screen state, if it has any yet.
fn ui(view: &MeetingView) -> Option<&VoteUi> {
    match &view.phase_ui {
        PhaseUi::Vote(ui) if ui.phase == visit(view) => Some(ui),
        _ => None,
    }
}

/// This phase's screen state, created when missing.
fn ui_mut(view: &mut MeetingView) -> &mut VoteUi {
    let phase = visit(view);
    if !matches!(&view.phase_ui, PhaseUi::Vote(ui) if ui.phase == phase) {
        view.phase_ui = PhaseUi::Vote(VoteUi {
            phase,
            ..VoteUi::default()
        });
    }
    match &mut view.phase_ui {
        PhaseUi::Vote(ui) => ui,
        _ => unreachable!("set just above"),
    }
}

/// The running phase and its visit.
fn visit(view: &MeetingView) -> Option<(usize, u32)> {
    let state = view.state();
    state.phase.map(|p| (p, state.progress[p].visits))
}

/// Where the vote of this phase is.
enum Stage<'a> {
    /// No vote yet: the options are being set up.
    Setup(VoteSpec),
    Open(&'a Vote),
    Closed(&'a Vote),
    /// Not a vote phase (or one without a vote).
    Nothing,
}

fn stage(view: &MeetingView) -> Stage<'_> {
    let state = view.state();
    match state.current_vote() {
        Some(vote) if vote.closed => Stage::Closed(vote),
        Some(vote) => Stage::Open(vote),
        None => match state.current_phase().and_then(|p| p.vote.clone()) {
            Some(spec) => Stage::Setup(spec),
            None => Stage::Nothing,
        },
    }
}

/// The options as they stand while setting up: as edited, else the defaults.
fn setup_options(view: &MeetingView) -> Vec<VoteOption> {
    ui(view)
        .and_then(|u| u.options.clone())
        .unwrap_or_else(|| view.state().default_options())
}

/// The typed proposal, if any.
fn proposal(view: &MeetingView) -> Option<String> {
    ui(view).and_then(|u| u.proposal.clone())
}

/// Whether counted hands mean something for this kind (the tally adds them up).
fn hands_count(kind: VoteKind) -> bool {
    matches!(
        kind,
        VoteKind::Dots | VoteKind::FistOfFive | VoteKind::YesNo | VoteKind::Pulse
    )
}

/// Whether ballots are taken voter by voter: the vote's entry, or always for kinds whose
/// results cannot come from hands.
fn takes_ballots(vote: &Vote) -> bool {
    vote.entry == Entry::Voters || !hands_count(vote.kind)
}

/// The people present who have not voted on this screen, in seating order; nobody once
/// there are as many ballots as people present (after a resume the screen no longer knows
/// who voted before the break, but the count is in the log).
fn waiting(view: &MeetingView) -> Vec<(MemberId, String, Side)> {
    let state = view.state();
    let cast = state.open_vote().map_or(0, |v| v.ballots.len());
    if cast >= state.present().count() {
        return Vec::new();
    }
    let voted = ui(view).map(|u| u.voted.as_slice()).unwrap_or(&[]);
    state
        .present()
        .filter(|p| !voted.contains(&p.id))
        .map(|p| (p.id.clone(), p.name.clone(), p.role.side()))
        .collect()
}

/// Ballots cast that this screen did not see (before parvi was restarted).
fn unseen_ballots(view: &MeetingView) -> usize {
    let cast = view.state().open_vote().map_or(0, |v| v.ballots.len());
    let seen = ui(view).map_or(0, |u| u.voted.len());
    cast.saturating_sub(seen)
}

/// Handles an action, or returns `None` when it is not this module's.
pub fn act(view: &mut MeetingView, action: Action, cx: &mut Ctx) -> Option<Next> {
    if !KEYS.iter().any(|b| b.action == action) {
        return None;
    }
    let next = match (action, stage(view)) {
        // The arrows move the selection at every stage, through the options or the results.
        (Action::Up | Action::Down, stage) => {
            let rows = match stage {
                Stage::Setup(_) => setup_options(view).len(),
                Stage::Open(vote) | Stage::Closed(vote) => vote.options.len(),
                Stage::Nothing => 0,
            };
            step(view, action == Action::Up, rows);
            Next::Stay
        }
        (_, Stage::Setup(spec)) => setup::act(view, action, &spec, cx),
        (_, Stage::Open(vote)) => running::act(view, action, vote, cx),
        (Action::OpenVote, Stage::Closed(vote)) => {
            let closed = vote.clone();
            setup::revote(view, &closed, cx)
        }
        (Action::CloseVote | Action::Confirm, Stage::Closed(_)) => {
            cx.info(cx.t().vote.already_held);
            Next::Stay
        }
        (_, Stage::Closed(_)) => Next::Stay,
        (_, Stage::Nothing) => no_open_vote(cx),
    };
    Some(next)
}

/// Moves the selection one row up or down in a list of `rows`.
fn step(view: &mut MeetingView, up: bool, rows: usize) {
    let ui = ui_mut(view);
    ui.selected = if up {
        ui.selected.saturating_sub(1)
    } else {
        (ui.selected + 1).min(rows.saturating_sub(1))
    };
}

/// Says that there is no open vote for this key to act on.
fn no_open_vote(cx: &mut Ctx) -> Next {
    cx.error(i18n::refusal(cx.lang, &Refusal::NoOpenVote));
    Next::Stay
}

/// A dialog this module opened was answered.
pub fn answer(view: &mut MeetingView, ask: VoteAsk, answer: Answer, cx: &mut Ctx) -> Next {
    match (ask, answer) {
        (VoteAsk::Submit, Answer::Yes) => ballot::submit(view, cx, true),
        (VoteAsk::Voter(ids), Answer::Picked(i)) => {
            ballot::start(view, &ids, i);
            Next::Stay
        }
        (
            ask @ (VoteAsk::AddOption
            | VoteAsk::EditOption(_)
            | VoteAsk::Proposal { .. }
            | VoteAsk::Revote),
            answer,
        ) => setup::answer(view, ask, answer, cx),
        (ask, answer) => running::answer(view, ask, answer, cx),
    }
}

/// Whether an action can do something now (for the footer).
pub fn offers(view: &MeetingView, action: Action, cx: &Ctx) -> bool {
    if takes_keys(view) {
        return ballot::ballot_offers(view, action);
    }
    let writable = cx.data.access.is_writable();
    match stage(view) {
        Stage::Setup(spec) => {
            let options = setup_options(view);
            let many = spec.kind.has_options();
            match action {
                Action::OpenVote => writable && (if many { options.len() >= 2 } else { true }),
                Action::Add => many,
                Action::Edit => !many || !options.is_empty(),
                Action::Remove => many && !options.is_empty(),
                Action::Up | Action::Down | Action::MoveUp | Action::MoveDown => {
                    many && options.len() > 1
                }
                Action::Toggle => {
                    let state = view.state();
                    many && !state.theme_options().is_empty() && !state.idea_options().is_empty()
                }
                _ => false,
            }
        }
        Stage::Open(vote) => match action {
            // Ballots and counted hands are not mixed in one vote.
            Action::Confirm => {
                writable && takes_ballots(vote) && vote.hands.is_none() && !waiting(view).is_empty()
            }
            Action::CountHands => writable && hands_count(vote.kind) && vote.ballots.is_empty(),
            Action::CloseVote => writable,
            Action::Up | Action::Down => vote.options.len() > 1,
            _ => false,
        },
        Stage::Closed(vote) => match action {
            Action::OpenVote => writable,
            Action::Up | Action::Down => vote.options.len() > 1,
            _ => false,
        },
        Stage::Nothing => false,
    }
}

/// Draws the phase's body.
pub fn render(view: &MeetingView, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let mut pen = Pen {
        area,
        y: area.y,
        buf,
    };
    let ui = ui(view);
    if ui.is_some_and(|u| u.blank) {
        ballot::render_blank(&mut pen, cx);
        return;
    }
    if let (Some(ballot), Some(vote)) =
        (ui.and_then(|u| u.ballot.as_ref()), view.state().open_vote())
    {
        ballot::render_ballot(&mut pen, vote, ballot, cx);
        return;
    }
    match stage(view) {
        // The options are the facilitator's draft until the vote opens.
        Stage::Setup(_) if cx.audience => {
            pen.wrapped(cx.t().wall.vote_coming, cx.theme.heading(), 2);
        }
        Stage::Setup(spec) => setup::render_setup(view, &mut pen, &spec, cx),
        Stage::Open(vote) => running::render_open(view, &mut pen, vote, cx),
        Stage::Closed(vote) => results::render_results(view, &mut pen, vote, cx),
        Stage::Nothing => {}
    }
}
