//! Votes: setting up the options, taking ballots one voter at a time (the screen blanked
//! between voters) or as counted hands, closing the vote, and the results as bars with ties
//! stated as ties.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{Action, Binding};
use crate::tui::overlay::Answer;
use crate::tui::screens::meeting::MeetingView;

/// What a dialog of this module was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {}

/// The screen-only state: the options being set up, the ballot being filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VoteUi {
    pub selected: usize,
    pub page: usize,
}

/// The vote's keys.
pub const KEYS: &[Binding] = &[];

/// The keys while a voter fills in a ballot (read by [`type_key`]; listed for the help).
pub const BALLOT_KEYS: &[Binding] = &[];

/// Whether a voter has the keyboard (keys go to [`type_key`] before the keymap).
pub fn takes_keys(view: &MeetingView) -> bool {
    let _ = view;
    false
}

/// A key while a voter has the keyboard; `None` lets the keymap have it.
pub fn type_key(
    view: &mut MeetingView,
    key: &crossterm::event::KeyEvent,
    cx: &mut Ctx,
) -> Option<Next> {
    let _ = (view, key, cx);
    None
}

/// Handles an action, or returns `None` when it is not this module's.
pub fn act(view: &mut MeetingView, action: Action, cx: &mut Ctx) -> Option<Next> {
    let _ = (view, action, cx);
    None
}

/// A dialog this module opened was answered.
pub fn answer(view: &mut MeetingView, ask: Ask, answer: Answer, cx: &mut Ctx) -> Next {
    let _ = (view, answer, cx);
    match ask {}
}

/// Whether an action can do something now (for the footer).
pub fn offers(view: &MeetingView, action: Action, cx: &Ctx) -> bool {
    let _ = (view, action, cx);
    true
}

/// Draws the phase's body.
pub fn render(view: &MeetingView, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    let _ = (view, area, buf, cx);
}
