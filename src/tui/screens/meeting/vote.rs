//! Votes: setting up the options, taking ballots one voter at a time (the screen blanked
//! between voters) or as counted hands, closing the vote, and the results as bars with ties
//! stated as ties.
//!
//! Who has voted is remembered only here, on the screen, so the picker of the next voter
//! leaves them out; the log gets each ballot with the voter's side and nothing else.
//! Results are drawn only from a closed vote. Per-side results are shown only when every
//! side that voted has at least [`crate::model::vote::MIN_SIDE_VOTERS`] voters: with one side of one or two
//! withheld, the others' figures would give it away by subtraction.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::i18n::vote::VoteText;
use crate::i18n::{self, Lang, fill};
use crate::model::vote::{
    Ballot, BallotError, Entry, Rule, Tally, Vote, VoteKind, VoteOption, VoteSpec, YesNo,
    default_budget, option_numbers,
};
use crate::model::{Command, MemberId, Side};
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{self, Action, Binding, Key, KeyContext, binding};
use crate::tui::overlay::{Answer, Item, Overlay, Prompt, Purpose};
use crate::tui::screens::meeting::MeetingView;
use crate::tui::screens::meeting::{PhaseAsk, PhaseUi};
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, big_text, fit};

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
    YesNo(Option<YesNo>),
    /// 0 is not scored yet.
    Score(Vec<u8>),
    /// Option indices, first choice first; `moved` once the voter changed the order.
    Ranking {
        order: Vec<usize>,
        moved: bool,
    },
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

/// The digits a ballot reads (fist 0–5, score 1–5 and 0 to clear, yes/no 1–3).
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
        VoteKind::Dots | VoteKind::FistOfFive | VoteKind::YesNo
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

/// Whether a voter has the keyboard (keys go to [`type_key`] before the keymap): while a
/// ballot is being filled in, and on the blank screen after one.
pub fn takes_keys(view: &MeetingView) -> bool {
    ui(view).is_some_and(|u| u.blank || u.ballot.is_some())
}

// ---- keys -------------------------------------------------------------------------------

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
    let (kind, cap, n) = (vote.kind, vote.cap, vote.options.len());
    // The vote's own rules judge each dot (`Vote::check`); a copy, as the ballot being
    // marked is borrowed from the same view.
    let vote = vote.clone();
    let t = &cx.t().vote;
    let ballot = ui_mut(view).ballot.as_mut()?;
    let digit = match key.code {
        KeyCode::Char(c) => c.to_digit(10).map(|d| d as u8),
        _ => None,
    };
    let letter = match key.code {
        KeyCode::Char(c) => Some(c),
        _ => None,
    };
    let rows = match kind {
        VoteKind::FistOfFive => 6,
        VoteKind::YesNo => 3,
        _ => n,
    };
    if rows == 0 {
        // The engine opens no vote without options; nothing to mark if it did.
        return Some(Next::Stay);
    }
    let last = rows - 1;
    match action {
        Some(Action::Up) => ballot.selected = ballot.selected.saturating_sub(1),
        Some(Action::Down) => ballot.selected = (ballot.selected + 1).min(rows.saturating_sub(1)),
        Some(Action::Add) => match &mut ballot.marks {
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
                        cx.error(fill(t.dots_cap_reached, &[("cap", &cap.to_string())]))
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
        },
        Some(Action::Remove) => match &mut ballot.marks {
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
        },
        Some(Action::MoveUp | Action::MoveDown) => {
            if let Marks::Ranking { order, moved } = &mut ballot.marks {
                let at = ballot.selected.min(last);
                let to = if action == Some(Action::MoveUp) {
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
        Some(Action::Edit) => match (&mut ballot.marks, digit) {
            (Marks::Fist(value), Some(d)) if d <= 5 => {
                *value = Some(d);
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
        },
        Some(Action::Toggle) => {
            if let Marks::YesNo(answer) = &mut ballot.marks {
                let yes = matches!(letter, Some('k' | 'j' | 'y'));
                *answer = Some(if yes { YesNo::Yes } else { YesNo::No });
                ballot.selected = if yes { 0 } else { 1 };
            }
        }
        Some(Action::Pass) => {
            if let Marks::YesNo(answer) = &mut ballot.marks {
                *answer = Some(YesNo::Abstain);
                ballot.selected = 2;
            } else {
                ballot.abstain = !ballot.abstain;
            }
        }
        Some(Action::Confirm) => return Some(submit(view, cx, false)),
        Some(Action::Back) => {
            ui_mut(view).ballot = None;
            cx.info(t.ballot_cancelled);
        }
        _ => {}
    }
    // Every other key is swallowed: the facilitator's keys do nothing while a voter votes.
    Some(Next::Stay)
}

/// The ballot as the model takes it, or `None` while nothing is chosen.
fn to_ballot(ballot: &BallotUi) -> Option<Ballot> {
    if ballot.abstain {
        return Some(Ballot::Abstain);
    }
    Some(match &ballot.marks {
        Marks::Dots(dots) => Ballot::Dots(dots.clone()),
        Marks::Fist(value) => Ballot::Fist((*value)?),
        Marks::YesNo(answer) => Ballot::YesNo((*answer)?),
        Marks::Score(scores) => Ballot::Score(scores.clone()),
        Marks::Ranking { order, .. } => Ballot::Ranking(order.clone()),
    })
}

/// Casts the ballot on screen; first asks when it looks unfinished (unless `sure`).
fn submit(view: &mut MeetingView, cx: &mut Ctx, sure: bool) -> Next {
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
        side: ballot_ui.side,
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

/// Handles an action, or returns `None` when it is not this module's.
pub fn act(view: &mut MeetingView, action: Action, cx: &mut Ctx) -> Option<Next> {
    if !KEYS.iter().any(|b| b.action == action) {
        return None;
    }
    let t = &cx.t().vote;
    let next = match (action, stage(view)) {
        (Action::OpenVote, Stage::Setup(spec)) => open(view, &spec, cx),
        (Action::OpenVote, Stage::Closed(vote)) => {
            let closed = vote.clone();
            revote(view, &closed, cx)
        }
        (Action::Add, Stage::Setup(spec)) if spec.kind.has_options() => {
            Next::Open(Overlay::Prompt(Prompt::new(
                t.add_prompt,
                t.option_hint,
                "",
                Purpose::Phase(PhaseAsk::Vote(VoteAsk::AddOption)),
                crate::model::engine::MAX_TEXT_CHARS,
            )))
        }
        (Action::Edit, Stage::Setup(spec)) if spec.kind.has_options() => {
            let options = setup_options(view);
            let at = ui(view).map_or(0, |u| u.selected);
            match options.get(at) {
                Some(option) => Next::Open(Overlay::Prompt(Prompt::new(
                    t.edit_prompt,
                    t.option_hint,
                    &option.label,
                    Purpose::Phase(PhaseAsk::Vote(VoteAsk::EditOption(at))),
                    crate::model::engine::MAX_TEXT_CHARS,
                ))),
                None => Next::Stay,
            }
        }
        (Action::Edit, Stage::Setup(_)) => proposal_prompt(view, cx, false),
        (Action::Toggle, Stage::Setup(spec)) if spec.kind.has_options() => {
            // Themes or ideas: the facilitator chooses what is voted on.
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
            Next::Stay
        }
        (Action::Remove, Stage::Setup(spec)) if spec.kind.has_options() => {
            let mut options = setup_options(view);
            let ui = ui_mut(view);
            if ui.selected < options.len() {
                options.remove(ui.selected);
                ui.selected = ui.selected.min(options.len().saturating_sub(1));
                ui.options = Some(options);
            }
            Next::Stay
        }
        (Action::MoveUp | Action::MoveDown, Stage::Setup(spec)) if spec.kind.has_options() => {
            let mut options = setup_options(view);
            let ui = ui_mut(view);
            let at = ui.selected;
            let to = if action == Action::MoveUp {
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
            Next::Stay
        }
        (Action::Up | Action::Down, stage) => {
            let rows = match stage {
                Stage::Setup(_) => setup_options(view).len(),
                Stage::Open(vote) | Stage::Closed(vote) => vote.options.len(),
                Stage::Nothing => 0,
            };
            let ui = ui_mut(view);
            ui.selected = if action == Action::Up {
                ui.selected.saturating_sub(1)
            } else {
                (ui.selected + 1).min(rows.saturating_sub(1))
            };
            Next::Stay
        }
        (Action::Confirm, Stage::Open(vote)) if takes_ballots(vote) => {
            let people = waiting(view);
            if people.is_empty() {
                let key = cx.key_for(KeyContext::MeetingVote, Action::CloseVote);
                cx.info(fill(t.everyone_voted, &[("key", &key)]));
                return Some(Next::Stay);
            }
            let items = people
                .iter()
                .map(|(_, name, side)| Item::new(name.clone(), i18n::side(cx.lang, *side)))
                .collect();
            let ids = people.into_iter().map(|(id, ..)| id).collect();
            Next::Open(Overlay::picker(
                t.voter_prompt,
                items,
                0,
                Purpose::Phase(PhaseAsk::Vote(VoteAsk::Voter(ids))),
            ))
        }
        (Action::CountHands, Stage::Open(vote)) if hands_count(vote.kind) => {
            hands_prompt(view, cx, 0, Vec::new())
        }
        (Action::CloseVote, Stage::Open(vote)) => {
            // Counted hands are said as hands (for a dot vote, each hand is a dot), ballots
            // as votes: the number the facilitator entered is the number asked about.
            let question = match &vote.hands {
                Some(counts) => fill(
                    t.close_confirm_hands,
                    &[("count", &counts.iter().sum::<u32>().to_string())],
                ),
                None => fill(
                    t.close_confirm,
                    &[("count", &vote.ballots.len().to_string())],
                ),
            };
            Next::Open(Overlay::confirm(
                question,
                Purpose::Phase(PhaseAsk::Vote(VoteAsk::Close)),
            ))
        }
        (_, Stage::Setup(_)) | (_, Stage::Nothing) => {
            cx.error(i18n::refusal(cx.lang, &crate::model::Refusal::NoOpenVote));
            Next::Stay
        }
        (Action::OpenVote, Stage::Open(_)) => {
            cx.error(i18n::refusal(
                cx.lang,
                &crate::model::Refusal::VoteAlreadyOpen,
            ));
            Next::Stay
        }
        (Action::CloseVote | Action::Confirm, Stage::Closed(_)) => {
            cx.info(t.already_held);
            Next::Stay
        }
        _ => Next::Stay,
    };
    Some(next)
}

/// Opens the vote on the options set up (or the proposal, asked for first when not typed).
fn open(view: &mut MeetingView, spec: &VoteSpec, cx: &mut Ctx) -> Next {
    let options = if spec.kind.has_options() {
        setup_options(view)
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

/// Opens a vote on `options`, with a fresh list of who has voted.
fn run_open(view: &mut MeetingView, options: Vec<VoteOption>, cx: &mut Ctx) {
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
fn revote(view: &mut MeetingView, closed: &Vote, cx: &mut Ctx) -> Next {
    let t = &cx.t().vote;
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
        crate::model::engine::MAX_TEXT_CHARS,
    )))
}

/// What slot `slot` of a hand count is called: an option, a fist value, yes/no/abstain.
fn slot_label(vote: &Vote, slot: usize, t: &VoteText) -> String {
    match vote.kind {
        VoteKind::FistOfFive => format!("{slot} – {}", t.fist_levels[slot.min(5)]),
        VoteKind::YesNo => t.yes_no[slot.min(2)].to_string(),
        _ => vote.options.get(slot).map_or_else(String::new, |o| {
            let number = option_numbers(&vote.options)[slot];
            format!("#{number} {}", o.label)
        }),
    }
}

/// Records counted hands and says so.
fn record_hands(view: &mut MeetingView, counts: Vec<u32>, cx: &mut Ctx) {
    if view.run(Command::CountHands(counts), cx) {
        cx.info(cx.t().vote.hands_saved);
    }
}

/// Whether counted hands are more than the people present could raise: one hand each for
/// a proposal, a hand per dot (at most the cap on one option) for a dot vote. The question
/// to ask when they are.
fn too_many_hands(vote: &Vote, counts: &[u32], present: u32, t: &VoteText) -> Option<String> {
    let total: u32 = counts.iter().sum();
    if vote.kind == VoteKind::Dots {
        let most = present.saturating_mul(vote.budget);
        let per_option = present.saturating_mul(if vote.cap > 0 {
            vote.cap.min(vote.budget)
        } else {
            vote.budget
        });
        (total > most || counts.iter().any(|c| *c > per_option)).then(|| {
            fill(
                t.hands_too_many_dots,
                &[
                    ("count", &total.to_string()),
                    ("present", &present.to_string()),
                    ("dots", &vote.budget.to_string()),
                    ("most", &most.to_string()),
                ],
            )
        })
    } else {
        (total > present).then(|| {
            fill(
                t.hands_too_many,
                &[
                    ("count", &total.to_string()),
                    ("present", &present.to_string()),
                ],
            )
        })
    }
}

/// The prompt for counted hands of slot `slot`, prefilled with an earlier count of it.
fn hands_prompt(view: &MeetingView, cx: &Ctx, slot: usize, counts: Vec<u32>) -> Next {
    let t = &cx.t().vote;
    let Some(vote) = view.state().open_vote() else {
        return Next::Stay;
    };
    let total = vote.hand_slots();
    let title = fill(
        t.hands_prompt,
        &[
            ("n", &(slot + 1).to_string()),
            ("total", &total.to_string()),
            ("label", &slot_label(vote, slot, t)),
        ],
    );
    let earlier = vote
        .hands
        .as_ref()
        .and_then(|h| h.get(slot))
        .map_or_else(String::new, u32::to_string);
    Next::Open(Overlay::Prompt(Prompt::new(
        &fit(&title, 70),
        t.hands_hint,
        &earlier,
        Purpose::Phase(PhaseAsk::Vote(VoteAsk::Hands { slot, counts })),
        5,
    )))
}

/// A dialog this module opened was answered.
pub fn answer(view: &mut MeetingView, ask: VoteAsk, answer: Answer, cx: &mut Ctx) -> Next {
    let t = &cx.t().vote;
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
            let spec = match stage(view) {
                Stage::Setup(spec) => Some(spec),
                Stage::Closed(_) => view.state().current_phase().and_then(|p| p.vote.clone()),
                _ => None,
            };
            if then_open && let Some(spec) = spec {
                return open(view, &spec, cx);
            }
        }
        (VoteAsk::Voter(ids), Answer::Picked(i)) => {
            let Some(id) = ids.get(i).cloned() else {
                return Next::Stay;
            };
            let Some(side) = view.state().person(&id).map(|p| p.role.side()) else {
                return Next::Stay;
            };
            let Some(vote) = view.state().open_vote() else {
                return Next::Stay;
            };
            let n = vote.options.len();
            let marks = match vote.kind {
                VoteKind::Dots => Marks::Dots(vec![0; n]),
                VoteKind::FistOfFive => Marks::Fist(None),
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
        (VoteAsk::Hands { slot, mut counts }, Answer::Text(text)) => {
            let value = if text.is_empty() {
                Some(0)
            } else {
                text.parse::<u32>().ok()
            };
            let Some(value) = value else {
                cx.error(t.not_a_number);
                return hands_prompt(view, cx, slot, counts);
            };
            let Some(total) = view.state().open_vote().map(Vote::hand_slots) else {
                return Next::Stay;
            };
            counts.truncate(slot);
            counts.push(value);
            if slot + 1 < total {
                return hands_prompt(view, cx, slot + 1, counts);
            }
            let present = view.state().present().count() as u32;
            let doubt = view
                .state()
                .open_vote()
                .and_then(|vote| too_many_hands(vote, &counts, present, t));
            if let Some(question) = doubt {
                return Next::Open(Overlay::confirm(
                    question,
                    Purpose::Phase(PhaseAsk::Vote(VoteAsk::HandsAnyway(counts))),
                ));
            }
            record_hands(view, counts, cx);
        }
        (VoteAsk::HandsAnyway(counts), Answer::Yes) => record_hands(view, counts, cx),
        (VoteAsk::Close, Answer::Yes) if view.run(Command::CloseVote, cx) => {
            let ui = ui_mut(view);
            ui.selected = 0;
            ui.ballot = None;
            ui.blank = false;
        }
        (VoteAsk::Submit, Answer::Yes) => return submit(view, cx, true),
        (VoteAsk::Revote, Answer::Yes) => {
            let options = setup_options(view);
            run_open(view, options, cx);
        }
        _ => {}
    }
    Next::Stay
}

/// Whether an action can do something now (for the footer).
pub fn offers(view: &MeetingView, action: Action, cx: &Ctx) -> bool {
    if takes_keys(view) {
        return ballot_offers(view, action);
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

/// Whether a ballot key does something for this kind of vote now.
fn ballot_offers(view: &MeetingView, action: Action) -> bool {
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
            VoteKind::FistOfFive | VoteKind::YesNo | VoteKind::Score
        ),
        Action::Toggle => kind == VoteKind::YesNo,
        Action::Confirm | Action::Pass | Action::Back | Action::Help | Action::Quit => true,
        _ => false,
    }
}

// ---- drawing ----------------------------------------------------------------------------

/// Writes rows top-down into an area, never past its bottom.
struct Pen<'b> {
    area: Rect,
    y: u16,
    buf: &'b mut Buffer,
}

impl Pen<'_> {
    fn left(&self) -> u16 {
        self.area.bottom().saturating_sub(self.y)
    }

    fn width(&self) -> usize {
        self.area.width as usize
    }

    fn row(&self) -> Rect {
        Rect {
            y: self.y,
            height: 1,
            ..self.area
        }
    }

    fn line(&mut self, line: Line) {
        if self.left() > 0 {
            Paragraph::new(line).render(self.row(), self.buf);
            self.y += 1;
        }
    }

    fn text(&mut self, text: &str, style: Style) {
        let text = fit(text, self.width());
        self.line(Line::from(Span::styled(text, style)));
    }

    /// Centred text, wrapped at spaces onto at most two rows.
    fn center(&mut self, text: &str, style: Style) {
        let lines = widgets::wrap_words(text, self.width());
        let shown = lines.len().min(2);
        for (i, line) in lines.iter().take(shown).enumerate() {
            if self.left() == 0 {
                return;
            }
            let line = if i + 1 == shown && shown < lines.len() {
                fit(&format!("{line} …"), self.width())
            } else {
                line.clone()
            };
            Paragraph::new(Line::from(Span::styled(line, style)))
                .alignment(Alignment::Center)
                .render(self.row(), self.buf);
            self.y += 1;
        }
    }

    /// Text wrapped at spaces, at most `max` rows (the last one cut with `…`).
    fn wrapped(&mut self, text: &str, style: Style, max: usize) {
        let lines = widgets::wrap_words(text, self.width());
        let shown = lines.len().min(max);
        for (i, line) in lines.iter().take(shown).enumerate() {
            if i + 1 == shown && shown < lines.len() {
                let cut = fit(&format!("{line} …"), self.width());
                self.text(&cut, style);
            } else {
                self.text(line, style);
            }
        }
    }

    /// Big letters at most `rows` high; returns whether they were big.
    fn big(&mut self, text: &str, style: Style, rows: u16) -> bool {
        if self.left() == 0 {
            return false;
        }
        let area = Rect {
            y: self.y,
            height: self.left(),
            ..self.area
        };
        let used = big_text(text, style, area, rows.min(self.left()), self.buf);
        self.y += used;
        used > 1
    }

    fn gap(&mut self) {
        self.y = (self.y + 1).min(self.area.bottom());
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
        render_blank(&mut pen, cx);
        return;
    }
    if let (Some(ballot), Some(vote)) =
        (ui.and_then(|u| u.ballot.as_ref()), view.state().open_vote())
    {
        render_ballot(&mut pen, vote, ballot, cx);
        return;
    }
    match stage(view) {
        Stage::Setup(spec) => render_setup(view, &mut pen, &spec, cx),
        Stage::Open(vote) => render_open(view, &mut pen, vote, cx),
        Stage::Closed(vote) => render_results(view, &mut pen, vote, cx),
        Stage::Nothing => {}
    }
}

/// The kind's name and its rules, as one line: "Pisteäänestys · Pisteitä kullakin: 3 …".
fn rules_line(kind: VoteKind, budget: u32, cap: u32, rule: Rule, t: &VoteText) -> String {
    let name = kind_name(kind, t);
    let rules = match kind {
        VoteKind::Dots if cap > 0 => fill(
            t.dots_rules,
            &[("budget", &budget.to_string()), ("cap", &cap.to_string())],
        ),
        VoteKind::Dots => fill(t.dots_rules_no_cap, &[("budget", &budget.to_string())]),
        VoteKind::FistOfFive => match rule {
            Rule::Consent => t.consent_rule.to_string(),
            Rule::Consensus => t.consensus_rule.to_string(),
        },
        VoteKind::YesNo => t.yes_no_rule.to_string(),
        VoteKind::Score => t.score_rule.to_string(),
        VoteKind::Ranking => format!("{} {}", t.ranking_method, t.ranking_how),
    };
    format!("{name} · {rules}")
}

fn kind_name(kind: VoteKind, t: &VoteText) -> &'static str {
    t.kinds[VoteKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
}

/// How ballots are entered, in a sentence.
fn entry_line(kind: VoteKind, entry: Entry, t: &VoteText) -> &'static str {
    if entry == Entry::Hands && hands_count(kind) {
        t.entry_hands
    } else {
        t.entry_voters
    }
}

/// What a list of options is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    Ideas,
    Themes,
    /// Typed in, or a mix.
    Other,
}

fn subject(options: &[VoteOption]) -> Subject {
    if options.is_empty() {
        Subject::Other
    } else if options.iter().all(|o| o.idea.is_some()) {
        Subject::Ideas
    } else if options.iter().all(|o| o.theme.is_some()) {
        Subject::Themes
    } else {
        Subject::Other
    }
}

/// The line over the options: what is voted on (the ideas, the themes) and how many.
fn options_title(options: &[VoteOption], t: &VoteText) -> String {
    let template = match subject(options) {
        Subject::Ideas => t.options_title_ideas,
        Subject::Themes => t.options_title_themes,
        Subject::Other => t.options_title,
    };
    fill(template, &[("count", &options.len().to_string())])
}

/// A numbered list of options, leaving `reserve` rows below it: kept around the selected
/// one when there is a selection, else from row `first` (scrolled with the arrows).
fn option_rows(
    pen: &mut Pen,
    options: &[VoteOption],
    selected: Option<usize>,
    first: usize,
    reserve: u16,
    theme: Theme,
    t: &VoteText,
) {
    let rows = pen.left().saturating_sub(reserve) as usize;
    if rows == 0 {
        return;
    }
    let fits = options.len() <= rows;
    let shown = if fits { rows } else { rows.saturating_sub(1) };
    let start = match selected {
        Some(at) => at.saturating_sub(shown.saturating_sub(1)),
        None => first.min(options.len().saturating_sub(shown)),
    };
    let numbers = option_numbers(options);
    let number_width = numbers.iter().max().map_or(1, |n| n.to_string().len());
    // On a tall screen, a row between options: easier to read from the back.
    let spaced = fits && rows >= options.len() * 2;
    for (i, option) in options.iter().enumerate().skip(start).take(shown) {
        if spaced && i > start {
            pen.gap();
        }
        let current = selected == Some(i);
        let (mark, style) = if current {
            ("▶ ", theme.selected())
        } else {
            ("  ", theme.text())
        };
        // The option's own number, as on the wall (no dot: "1." would read as a place).
        let text = format!("{mark}{:>number_width$}  {}", numbers[i], option.label);
        let text = fit(&text, pen.width());
        let pad = pen.width().saturating_sub(text.width());
        if current {
            pen.line(Line::from(Span::styled(
                format!("{text}{}", " ".repeat(pad)),
                style,
            )));
        } else {
            pen.line(Line::from(Span::styled(text, style)));
        }
    }
    let hidden = options.len().saturating_sub(start + shown);
    if !fits && hidden > 0 {
        pen.text(
            &fill(t.more_rows, &[("count", &hidden.to_string())]),
            theme.quiet(),
        );
    }
}

fn render_setup(view: &MeetingView, pen: &mut Pen, spec: &VoteSpec, cx: &Ctx) {
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

/// A proposal (fist of five, yes/no), wrapped in the current style.
fn proposal_rows(pen: &mut Pen, vote: &Vote, rows: usize, cx: &Ctx) {
    let t = &cx.t().vote;
    if let Some(option) = vote.options.first() {
        let text = format!("{}: {}", t.proposal_title, option.label);
        pen.wrapped(&text, cx.theme.current(), rows);
    }
}

fn render_open(view: &MeetingView, pen: &mut Pen, vote: &Vote, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    pen.wrapped(
        &rules_line(vote.kind, vote.budget, vote.cap, vote.rule, t),
        theme.heading(),
        3,
    );
    if !vote.kind.has_options() {
        proposal_rows(pen, vote, 3, cx);
    }
    pen.gap();
    if takes_ballots(vote) {
        let present = view.state().present().count();
        let count = vote.ballots.len();
        let big = format!("{count} / {present}");
        let rows = match pen.left() {
            26.. => 8,
            10.. => 4,
            _ => 1,
        };
        if !pen.big(&big, theme.current(), rows) {
            pen.y = pen.y.saturating_sub(1);
        }
        pen.center(
            &fill(
                t.ballots_cast,
                &[
                    ("count", &count.to_string()),
                    ("present", &present.to_string()),
                ],
            ),
            theme.heading(),
        );
        let unseen = unseen_ballots(view);
        if unseen > 0 && !waiting(view).is_empty() {
            pen.center(
                &fill(t.ballots_before_break, &[("count", &unseen.to_string())]),
                theme.warning(),
            );
        }
        if waiting(view).is_empty() {
            let key = cx.key_for(KeyContext::MeetingVote, Action::CloseVote);
            pen.center(&fill(t.everyone_voted, &[("key", &key)]), theme.done());
        } else {
            let key = cx.key_for(KeyContext::MeetingVote, Action::Confirm);
            pen.center(&fill(t.press_next_voter, &[("key", &key)]), theme.key());
        }
    }
    if hands_count(vote.kind) {
        match &vote.hands {
            Some(counts) => pen.center(
                &fill(
                    t.hands_entered,
                    &[("count", &counts.iter().sum::<u32>().to_string())],
                ),
                theme.done(),
            ),
            None if vote.entry == Entry::Hands => {
                let key = cx.key_for(KeyContext::MeetingVote, Action::CountHands);
                pen.center(&fill(t.press_hands, &[("key", &key)]), theme.key());
            }
            None => {}
        }
    }
    pen.center(t.results_hidden, theme.quiet());
    if vote.kind.has_options() && pen.left() > 3 {
        pen.gap();
        pen.text(&options_title(&vote.options, t), theme.heading());
        let first = ui(view).map_or(0, |u| u.selected);
        option_rows(pen, &vote.options, None, first, 0, theme, t);
    }
}

fn render_blank(pen: &mut Pen, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    let rows = if pen.left() >= 12 { 4 } else { 1 };
    pen.y += pen.left().saturating_sub(rows + 4) / 3;
    pen.big(t.thanks, theme.done(), rows);
    pen.gap();
    pen.center(t.thanks_next, theme.heading());
    pen.gap();
    pen.center(t.thanks_key, theme.key());
}

fn render_ballot(pen: &mut Pen, vote: &Vote, ballot: &BallotUi, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    pen.text(
        &format!("{} · {}", t.ballot_title, kind_name(vote.kind, t)),
        theme.heading(),
    );
    let instructions = match vote.kind {
        VoteKind::Dots => t.dots_instructions,
        VoteKind::FistOfFive => t.fist_instructions,
        VoteKind::YesNo => t.yes_no_instructions,
        VoteKind::Score => t.score_instructions,
        VoteKind::Ranking => t.ranking_instructions,
    };
    pen.wrapped(instructions, theme.text(), 2);
    if vote.kind.has_options() {
        pen.text(&options_title(&vote.options, t), theme.heading());
    } else {
        proposal_rows(pen, vote, 2, cx);
    }
    pen.gap();
    if ballot.abstain {
        let rows = if pen.left() >= 10 { 4 } else { 1 };
        pen.big(&t.abstaining.to_uppercase(), theme.current(), rows);
        pen.gap();
    }
    let width = pen.width();
    let n = vote.options.len();
    match &ballot.marks {
        Marks::Dots(dots) => {
            let used: u32 = dots.iter().sum();
            let left = vote.budget.saturating_sub(used);
            let status = fill(
                t.dots_left,
                &[
                    ("left", &left.to_string()),
                    ("budget", &vote.budget.to_string()),
                ],
            );
            if vote.cap > 0 {
                let cap = fill(t.dots_cap_reached, &[("cap", &vote.cap.to_string())]);
                pen.text(&cap, theme.text());
            }
            pen.text(&status, theme.current());
            pen.gap();
            let marks: Vec<String> = dots
                .iter()
                .map(|d| {
                    format!(
                        "{}{}",
                        "●".repeat(*d as usize),
                        if *d > 0 {
                            format!(" {d}")
                        } else {
                            String::new()
                        }
                    )
                })
                .collect();
            choice_rows(pen, vote, ballot.selected, &marks, theme, width);
        }
        Marks::Score(scores) => {
            let marks: Vec<String> = scores
                .iter()
                .map(|s| match s {
                    0 => format!("–  ({})", t.score_unscored),
                    s => format!(
                        "{}{} {s}",
                        "★".repeat(usize::from(*s)),
                        "☆".repeat(5 - usize::from(*s))
                    ),
                })
                .collect();
            choice_rows(pen, vote, ballot.selected, &marks, theme, width);
        }
        Marks::Ranking { order, .. } => {
            let numbers = option_numbers(&vote.options);
            let place_width = fill(t.rank, &[("n", &n.to_string())]).width();
            let rows = pen.left().saturating_sub(4) as usize;
            let spaced = rows >= n * 2;
            let start = ballot.selected.saturating_sub(rows.saturating_sub(1));
            for (place, option) in order.iter().enumerate().skip(start).take(rows) {
                if spaced && place > start {
                    pen.gap();
                }
                let label = vote.options.get(*option).map_or("", |o| o.label.as_str());
                let number = numbers.get(*option).copied().unwrap_or(0);
                let current = place == ballot.selected;
                let place = fill(t.rank, &[("n", &(place + 1).to_string())]);
                let text = fit(
                    &format!(
                        "{} {place:<place_width$}  #{number} {label}",
                        if current { "▶" } else { " " },
                    ),
                    width,
                );
                let style = if current {
                    theme.selected()
                } else {
                    theme.text()
                };
                let pad = if current {
                    " ".repeat(width.saturating_sub(text.width()))
                } else {
                    String::new()
                };
                pen.line(Line::from(Span::styled(format!("{text}{pad}"), style)));
            }
            pen.gap();
            pen.wrapped(
                &format!("{} {}", t.ranking_method, t.ranking_how),
                theme.quiet(),
                3,
            );
        }
        Marks::Fist(value) => {
            let big_room = pen.left() >= 12 && width >= 40;
            let list = Rect {
                width: if big_room {
                    (pen.area.width / 2).max(30)
                } else {
                    pen.area.width
                },
                ..pen.area
            };
            let top = pen.y;
            let spaced = pen.left() >= 14;
            for v in (0..=5u8).rev() {
                if spaced && v < 5 {
                    pen.gap();
                }
                let current = *value == Some(v);
                let style = if current {
                    theme.selected()
                } else if v == 0 {
                    theme.warning()
                } else {
                    theme.text()
                };
                let text = format!(
                    "{} {v}  {}",
                    if current { "▶" } else { " " },
                    t.fist_levels[usize::from(v)]
                );
                let text = fit(&text, list.width as usize);
                let pad = if current {
                    " ".repeat((list.width as usize).saturating_sub(text.width()))
                } else {
                    String::new()
                };
                if pen.left() > 0 {
                    Paragraph::new(Line::from(Span::styled(format!("{text}{pad}"), style))).render(
                        Rect {
                            y: pen.y,
                            height: 1,
                            ..list
                        },
                        pen.buf,
                    );
                    pen.y += 1;
                }
            }
            if big_room && let Some(v) = value {
                let right = Rect {
                    x: list.x + list.width,
                    y: top,
                    width: pen.area.width.saturating_sub(list.width),
                    height: 16.min(pen.area.bottom().saturating_sub(top)),
                };
                big_text(
                    &v.to_string(),
                    theme.current(),
                    right,
                    right.height,
                    pen.buf,
                );
            }
        }
        Marks::YesNo(answer) => {
            let choices = [YesNo::Yes, YesNo::No, YesNo::Abstain];
            let big = pen.left() >= 16;
            for (i, choice) in choices.iter().enumerate() {
                let current = *answer == Some(*choice);
                let style = if current {
                    theme.selected()
                } else {
                    theme.text()
                };
                let text = format!(
                    "{} {}  {}  {}",
                    if current { "▶" } else { " " },
                    i + 1,
                    t.yes_no_letters[i],
                    t.yes_no[i].to_uppercase()
                );
                let text = fit(&text, width);
                let pad = if current {
                    " ".repeat(width.saturating_sub(text.width()))
                } else {
                    String::new()
                };
                pen.line(Line::from(Span::styled(format!("{text}{pad}"), style)));
                if big {
                    pen.gap();
                }
            }
            if let Some(choice) = answer
                && pen.left() >= 5
            {
                pen.gap();
                let i = choices.iter().position(|c| c == choice).unwrap_or(0);
                pen.big(&t.yes_no[i].to_uppercase(), theme.current(), 4);
            }
        }
    }
}

/// Ballot rows of a list kind: the option, then its marks (dots, stars) at the right.
fn choice_rows(
    pen: &mut Pen,
    vote: &Vote,
    selected: usize,
    marks: &[String],
    theme: Theme,
    width: usize,
) {
    let n = vote.options.len();
    let mark_width = marks.iter().map(|m| m.width()).max().unwrap_or(0).max(6);
    let numbers = option_numbers(&vote.options);
    let number_width = numbers.iter().max().map_or(1, |n| n.to_string().len());
    // The marks follow the labels closely, so a row reads across without a gap to jump.
    let longest = vote
        .options
        .iter()
        .map(|o| o.label.width())
        .max()
        .unwrap_or(0);
    let label_width = longest.min(width.saturating_sub(mark_width + number_width + 6));
    let rows = pen.left() as usize;
    let spaced = rows >= n * 2;
    let start = selected.saturating_sub(rows.saturating_sub(1));
    for (i, option) in vote.options.iter().enumerate().skip(start).take(rows) {
        if spaced && i > start {
            pen.gap();
        }
        let current = i == selected;
        let label = fit(&option.label, label_width);
        let pad = label_width.saturating_sub(label.width());
        let text = format!(
            "{} {:>number_width$}  {label}{}  {}",
            if current { "▶" } else { " " },
            numbers[i],
            " ".repeat(pad),
            marks.get(i).map_or("", String::as_str)
        );
        let text = fit(&text, width);
        let style = if current {
            theme.selected()
        } else {
            theme.text()
        };
        let pad = if current {
            " ".repeat(width.saturating_sub(text.width()))
        } else {
            String::new()
        };
        pen.line(Line::from(Span::styled(format!("{text}{pad}"), style)));
    }
}

// ---- results ----------------------------------------------------------------------------

/// An average score, or `–` for an option nobody scored.
fn score_text(lang: Lang, average: f64) -> String {
    if average > 0.0 {
        crate::i18n::decimal(lang, average, 1)
    } else {
        "–".to_string()
    }
}

/// "A, B ja C".
fn join(names: &[String], and: &str) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// One bar of the results.
struct Bar {
    rank: String,
    label: String,
    share: f64,
    value: String,
    note: String,
    style: Style,
}

/// Bars with their labels and numbers, one row each, from row `first`.
fn bars(pen: &mut Pen, rows: &[Bar], first: usize, reserve: u16, t: &VoteText, theme: Theme) {
    let width = pen.width();
    let room = pen.left().saturating_sub(reserve) as usize;
    if room == 0 {
        return;
    }
    let fits = rows.len() <= room;
    let shown = if fits {
        rows.len()
    } else {
        room.saturating_sub(1)
    };
    let first = first.min(rows.len().saturating_sub(shown));
    let rank_width = rows.iter().map(|r| r.rank.width()).max().unwrap_or(0);
    let value_width = rows.iter().map(|r| r.value.width()).max().unwrap_or(0);
    let note_width = rows.iter().map(|r| r.note.width()).max().unwrap_or(0);
    let longest = rows.iter().map(|r| r.label.width()).max().unwrap_or(0);
    let fixed = rank_width + 1 + 2 + value_width + if note_width > 0 { note_width + 2 } else { 0 };
    // Labels first (they say what won), with a bar of at least a third of the room.
    let room = width.saturating_sub(fixed + 1);
    let least_bar = (room / 3).max(8).min(room);
    let label_width = longest.min(room - least_bar).max(4);
    let bar_width = width.saturating_sub(fixed + label_width + 1).max(1);
    // With room to spare (a projector), bars two rows thick with a row between them.
    let spare = pen.left().saturating_sub(reserve) as usize / shown.max(1);
    let thick = spare >= 3;
    let spaced = spare >= 2;
    for (n, row) in rows.iter().skip(first).take(shown).enumerate() {
        if n > 0 && spaced {
            pen.gap();
        }
        let label = fit(&row.label, label_width);
        let pad = label_width.saturating_sub(label.width());
        let bar = widgets::bar(row.share, bar_width);
        let mut spans = vec![
            Span::styled(format!("{:>rank_width$} ", row.rank), row.style),
            Span::styled(format!("{label}{} ", " ".repeat(pad)), row.style),
            Span::styled(bar.clone(), row.style),
            Span::styled(format!("  {:>value_width$}", row.value), theme.heading()),
        ];
        if !row.note.is_empty() {
            spans.push(Span::styled(format!("  {}", row.note), theme.overrun()));
        }
        pen.line(Line::from(spans));
        if thick {
            pen.line(Line::from(vec![
                Span::raw(" ".repeat(rank_width + 1 + label_width + 1)),
                Span::styled(bar, row.style),
            ]));
        }
    }
    let hidden = rows.len().saturating_sub(first + shown);
    if hidden > 0 {
        pen.text(
            &fill(t.more_rows, &[("count", &hidden.to_string())]),
            theme.quiet(),
        );
    }
}

fn render_results(view: &MeetingView, pen: &mut Pen, vote: &Vote, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    let lang = cx.lang;
    let tally = vote.tally();
    let first = ui(view).map_or(0, |u| u.selected);
    let n = vote.options.len();
    let label = |i: usize| {
        vote.options
            .get(i)
            .map_or("", |o| o.label.as_str())
            .to_string()
    };
    let numbers = option_numbers(&vote.options);

    // "Tulokset · Pisteäänestys", then "Äänestäjiä: 9 · Pisteitä yhteensä: 27".
    pen.text(
        &format!("{} · {}", t.results_title, kind_name(vote.kind, t)),
        theme.heading(),
    );
    let mut counts = Vec::new();
    if tally.voters > 0 {
        counts.push(fill(t.voters, &[("count", &tally.voters.to_string())]));
    }
    if vote.kind == VoteKind::Dots {
        let total: f64 = tally.totals.iter().sum();
        counts.push(fill(
            t.dots_total,
            &[("count", &(total as u64).to_string())],
        ));
    }
    if !counts.is_empty() {
        pen.text(&counts.join(" · "), theme.text());
    }

    let nothing = tally.totals.iter().all(|v| *v == 0.0);
    let side_rows = |pen: &mut Pen| render_by_side(pen, vote, &tally, cx);
    match vote.kind {
        VoteKind::Dots | VoteKind::Score | VoteKind::Ranking => {
            if vote.kind == VoteKind::Ranking {
                pen.wrapped(t.ranking_method, theme.text(), 2);
                if pen.left() > 24 {
                    pen.wrapped(t.ranking_how, theme.quiet(), 2);
                }
            }
            if nothing {
                pen.gap();
                pen.text(t.no_votes, theme.current());
                return;
            }
            // The bar of a ranking is each option's first choices in the last round it was in.
            let last_count = |i: usize| {
                tally
                    .rounds
                    .iter()
                    .rev()
                    .find_map(|r| r.get(i).copied().flatten())
                    .unwrap_or(0)
            };
            // The outcome in words: the winner, or the tie for first.
            let winners: Vec<String> = tally.winners().iter().map(|i| label(*i)).collect();
            let value_of = |i: usize| match vote.kind {
                VoteKind::Dots => format!("{}", tally.totals[i] as u64),
                VoteKind::Score => score_text(lang, tally.totals[i]),
                _ => String::new(),
            };
            // Options nobody chose are not "tied": they are simply not chosen.
            let chosen = |i: &usize| match vote.kind {
                VoteKind::Ranking => last_count(*i) > 0,
                _ => tally.totals[*i] > 0.0,
            };
            let headline = if winners.len() > 1 {
                fill(t.tie_first, &[("names", &join(&winners, t.and))])
            } else {
                let template = match vote.kind {
                    VoteKind::Dots => t.winner_dots,
                    VoteKind::Score => t.winner_score,
                    _ => t.winner_ranking,
                };
                fill(template, &[("name", &join(&winners, t.and))])
            };
            pen.wrapped(&headline, theme.current(), 2);
            if winners.len() > 1 {
                let key = cx.key_for(KeyContext::MeetingVote, Action::OpenVote);
                pen.wrapped(&fill(t.revote_hint, &[("key", &key)]), theme.quiet(), 2);
            }
            let tied = tally
                .order
                .iter()
                .skip(1)
                .filter(|g| g.len() > 1 && g.iter().any(chosen));
            for group in tied {
                let names: Vec<String> = group.iter().map(|i| label(*i)).collect();
                let line = if vote.kind == VoteKind::Ranking {
                    fill(t.tie, &[("names", &join(&names, t.and))])
                } else {
                    fill(
                        t.tie_value,
                        &[
                            ("value", &value_of(group[0])),
                            ("names", &join(&names, t.and)),
                        ],
                    )
                };
                pen.wrapped(&line, theme.heading(), 2);
            }
            pen.gap();
            let rank = tally.ranks(n);
            let max = tally.totals.iter().copied().fold(0.0, f64::max);
            let ballots = vote.ballots.len().max(1) as f64;
            let rows: Vec<Bar> = tally
                .order
                .iter()
                .flatten()
                .map(|i| {
                    let (share, value) = match vote.kind {
                        VoteKind::Dots => (
                            if max > 0.0 {
                                tally.totals[*i] / max
                            } else {
                                0.0
                            },
                            value_of(*i),
                        ),
                        VoteKind::Score => (tally.totals[*i] / 5.0, value_of(*i)),
                        _ => {
                            let c = last_count(*i);
                            (f64::from(c) / ballots, c.to_string())
                        }
                    };
                    // The place and the option's own number apart: "1. sija  #4 Penkkejä".
                    Bar {
                        rank: fill(t.rank, &[("n", &rank[*i].to_string())]),
                        label: format!("#{} {}", numbers[*i], label(*i)),
                        share,
                        value,
                        note: String::new(),
                        style: if rank[*i] == 1 {
                            theme.current()
                        } else {
                            theme.text()
                        },
                    }
                })
                .collect();
            let rounds_rows = if vote.kind == VoteKind::Ranking && tally.rounds.len() > 1 {
                n as u16 + 4
            } else {
                0
            };
            let reserve = side_reserve(vote, &tally) + rounds_rows;
            let reserve = reserve.min(pen.left().saturating_sub(rows.len().min(4) as u16));
            bars(pen, &rows, first, reserve, t, theme);
            if vote.kind == VoteKind::Ranking && tally.rounds.len() > 1 {
                render_rounds(pen, vote, &tally, cx);
            }
            side_rows(pen);
        }
        VoteKind::FistOfFive | VoteKind::YesNo => {
            proposal_rows(pen, vote, 2, cx);
            if nothing {
                pen.gap();
                pen.text(t.no_votes, theme.current());
                return;
            }
            let passed = tally.passed == Some(true);
            let (word, style) = if passed {
                (t.passed, theme.done())
            } else {
                (t.not_passed, theme.overrun())
            };
            let rows = if pen.left() >= 18 { 4 } else { 1 };
            pen.gap();
            pen.big(word, style, rows);
            let count = |i: usize| tally.totals.get(i).copied().unwrap_or(0.0) as u32;
            let sentence = match (vote.kind, vote.rule, passed) {
                (VoteKind::FistOfFive, Rule::Consent, true) => t.consent_passed.to_string(),
                (VoteKind::FistOfFive, Rule::Consent, false) => {
                    fill(t.consent_failed, &[("count", &tally.blocks.to_string())])
                }
                (VoteKind::FistOfFive, Rule::Consensus, true) => t.consensus_passed.to_string(),
                (VoteKind::FistOfFive, Rule::Consensus, false) => {
                    let mut s = t.consensus_failed.to_string();
                    if tally.blocks > 0 {
                        s = format!(
                            "{s} {}",
                            fill(t.blocks, &[("count", &tally.blocks.to_string())])
                        );
                    }
                    s
                }
                (_, _, _) => {
                    let (yes, no) = (count(0), count(1));
                    let template = if yes == no {
                        t.yes_no_tie
                    } else if passed {
                        t.yes_no_passed
                    } else {
                        t.yes_no_failed
                    };
                    fill(
                        template,
                        &[("yes", &yes.to_string()), ("no", &no.to_string())],
                    )
                }
            };
            pen.wrapped(&sentence, style, 2);
            if !passed {
                let key = cx.key_for(KeyContext::MeetingVote, Action::OpenVote);
                pen.wrapped(&fill(t.amend_hint, &[("key", &key)]), theme.quiet(), 2);
            }
            if vote.kind == VoteKind::FistOfFive && vote.rule == Rule::Consent {
                pen.wrapped(t.consent_rule, theme.quiet(), 2);
            } else if vote.kind == VoteKind::FistOfFive {
                pen.wrapped(t.consensus_rule, theme.quiet(), 2);
            }
            pen.gap();
            // Bars against the largest count, so the most common answer fills its row.
            let most: u32 = (0..tally.totals.len()).map(count).max().unwrap_or(0);
            let share = |c: u32| {
                if most == 0 {
                    0.0
                } else {
                    f64::from(c) / f64::from(most)
                }
            };
            let rows: Vec<Bar> = if vote.kind == VoteKind::FistOfFive {
                (0..=5usize)
                    .rev()
                    .map(|v| {
                        let c = count(v);
                        let block = v == 0 && c > 0;
                        Bar {
                            rank: v.to_string(),
                            label: t.fist_levels[v].to_string(),
                            share: share(c),
                            value: c.to_string(),
                            note: if block {
                                format!("◀ {}", t.block_mark)
                            } else {
                                String::new()
                            },
                            style: if block { theme.overrun() } else { theme.text() },
                        }
                    })
                    .collect()
            } else {
                (0..3)
                    .map(|i| Bar {
                        rank: String::new(),
                        label: t.yes_no[i].to_string(),
                        share: share(count(i)),
                        value: count(i).to_string(),
                        note: String::new(),
                        style: theme.text(),
                    })
                    .collect()
            };
            let reserve =
                side_reserve(vote, &tally).min(pen.left().saturating_sub(rows.len() as u16));
            bars(pen, &rows, 0, reserve, t, theme);
            side_rows(pen);
        }
    }
}

/// The rows the per-side part needs.
fn side_reserve(vote: &Vote, tally: &Tally) -> u16 {
    match vote.sides_shown() {
        None => 0,
        Some(false) => 2,
        Some(true) => {
            let rows = match vote.kind {
                VoteKind::FistOfFive => 6,
                VoteKind::YesNo => 3,
                _ => vote.options.len(),
            };
            if tally.by_side.is_empty() {
                0
            } else {
                rows as u16 + 2
            }
        }
    }
}

/// The rounds of a ranking: one row per option (in the final order), one column per round
/// with its first choices, `–` once the option has dropped out.
fn render_rounds(pen: &mut Pen, vote: &Vote, tally: &Tally, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    if pen.left() < 4 {
        return;
    }
    pen.gap();
    pen.text(t.rounds_title, theme.heading());
    let rounds = tally.rounds.len();
    let col = rounds
        .to_string()
        .len()
        .max(vote.ballots.len().to_string().len())
        + 3;
    let longest = vote
        .options
        .iter()
        .map(|o| o.label.width())
        .max()
        .unwrap_or(0)
        .max(t.round.width());
    let label_width = longest.min(pen.width().saturating_sub(col * rounds).max(6));
    let mut head = format!("{:>label_width$}", fit(t.round, label_width));
    for n in 1..=rounds {
        head.push_str(&format!("{n:>col$}"));
    }
    pen.text(&head, theme.quiet());
    for i in tally.order.iter().flatten() {
        let label = fit(
            vote.options.get(*i).map_or("", |o| o.label.as_str()),
            label_width,
        );
        let pad = label_width.saturating_sub(label.width());
        let mut line = format!("{label}{}", " ".repeat(pad));
        for round in &tally.rounds {
            let cell = match round.get(*i).copied().flatten() {
                Some(c) => c.to_string(),
                None => "–".to_string(),
            };
            line.push_str(&format!("{cell:>col$}"));
        }
        pen.text(&line, theme.text());
    }
}

/// Per-side results, or why they are not shown.
fn render_by_side(pen: &mut Pen, vote: &Vote, tally: &Tally, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    let lang = cx.lang;
    match vote.sides_shown() {
        None => {}
        Some(false) if pen.left() >= 2 => {
            pen.gap();
            pen.wrapped(t.by_side_withheld, theme.quiet(), 2);
        }
        Some(true) if !tally.by_side.is_empty() => {
            if pen.left() < 3 {
                return;
            }
            pen.gap();
            let names: Vec<&str> = tally
                .by_side
                .iter()
                .map(|(side, _)| i18n::side(lang, *side))
                .collect();
            let col = names.iter().map(|n| n.width()).max().unwrap_or(4) + 2;
            let label_width = pen.width().saturating_sub(col * names.len()).clamp(6, 40);
            let title = fit(t.by_side_title, label_width);
            let mut line = format!(
                "{title}{}",
                " ".repeat(label_width.saturating_sub(title.width()))
            );
            for name in &names {
                line.push_str(&format!("{name:>col$}"));
            }
            pen.text(&line, theme.heading());
            // The rows: options in the overall order, or the scale of a fist / yes-no.
            let rows: Vec<(String, usize)> = match vote.kind {
                VoteKind::FistOfFive => (0..=5usize)
                    .rev()
                    .map(|v| (format!("{v}  {}", t.fist_levels[v]), v))
                    .collect(),
                VoteKind::YesNo => (0..3).map(|i| (t.yes_no[i].to_string(), i)).collect(),
                _ => tally
                    .order
                    .iter()
                    .flatten()
                    .map(|i| (vote.options[*i].label.clone(), *i))
                    .collect(),
            };
            // A ranking's per-side figures are places, not counts.
            let side_ranks: Vec<Vec<usize>> = tally
                .by_side
                .iter()
                .map(|(_, totals)| {
                    // Tied options share a place, as in the overall order.
                    totals
                        .iter()
                        .map(|v| 1 + totals.iter().filter(|w| **w - *v > 1e-9).count())
                        .collect()
                })
                .collect();
            let room = pen.left() as usize;
            for (label, i) in rows.iter().take(room) {
                let label = fit(label, label_width);
                let mut line = format!(
                    "{label}{}",
                    " ".repeat(label_width.saturating_sub(label.width()))
                );
                for (s, (_, totals)) in tally.by_side.iter().enumerate() {
                    let value = totals.get(*i).copied().unwrap_or(0.0);
                    let cell = match vote.kind {
                        VoteKind::Score => score_text(lang, value),
                        VoteKind::Ranking => format!("{}.", side_ranks[s][*i]),
                        _ => (value as u64).to_string(),
                    };
                    line.push_str(&format!("{cell:>col$}"));
                }
                pen.text(&line, theme.text());
            }
        }
        Some(_) => {}
    }
}
