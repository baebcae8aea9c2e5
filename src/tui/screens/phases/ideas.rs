//! Ideas on the wall: silent writing (shown only as a count until revealed), the numbered
//! list of ideas (add, edit, remove, merge; paged when there are many), and grouping ideas
//! into named themes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{Action, Binding, Context};
use crate::tui::overlay::Answer;
use crate::tui::screens::meeting::MeetingView;

/// What a dialog of this module was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {}

/// The screen-only state: which idea is selected, which page is showing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdeasUi {
    pub selected: usize,
    pub page: usize,
}

const WRITING: &[Binding] = &[];
const IDEAS: &[Binding] = &[];
const GROUPING: &[Binding] = &[];

/// This module's part of the keymap for a context.
pub fn keys(context: Context) -> &'static [Binding] {
    match context {
        Context::MeetingWriting => WRITING,
        Context::MeetingGrouping => GROUPING,
        _ => IDEAS,
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
