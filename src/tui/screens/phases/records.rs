//! Records of the meeting: decisions (with what they were based on and a review date),
//! actions (who does what by when), and the follow-up of earlier meetings' open actions.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{Action, Binding, Context};
use crate::tui::overlay::Answer;
use crate::tui::screens::meeting::MeetingView;

/// What a dialog of this module was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {}

/// The screen-only state: which row is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordsUi {
    pub selected: usize,
}

const DECISIONS: &[Binding] = &[];
const ACTIONS: &[Binding] = &[];
const REVIEW: &[Binding] = &[];

/// This module's part of the keymap for a context.
pub fn keys(context: Context) -> &'static [Binding] {
    match context {
        Context::MeetingDecisions => DECISIONS,
        Context::MeetingActions => ACTIONS,
        _ => REVIEW,
    }
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
