//! Ideas on the wall: silent writing (shown only as a count until revealed), the numbered
//! list of ideas (add, edit, remove, merge; paged when there are many), and grouping ideas
//! into named themes.
//!
//! Typing is fast: one key opens the text field, Enter adds the idea and opens the field
//! again for the next one, Esc (or Enter on an empty field) stops. In a private phase the
//! field shows bullets, and the wall shows only how many ideas have been written until the
//! facilitator reveals them. Where the phase records names, the writer is asked after the
//! text (the people present, or anonymous).
//!
//! On the wall every idea keeps its number (its id, which never changes), the text wraps
//! under it with a hanging indent, and the list flows into as many columns as the width
//! allows, then onto pages. The selection (for edit, remove, merge, putting into a theme)
//! always lies on the page shown: the page is the selection's page.

use ratatui::layout::Rect;

use crate::model::{MeetingState, MemberId};
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{Action, Binding, Key, KeyContext, binding};
use crate::tui::overlay::Purpose;
use crate::tui::screens::meeting::MeetingView;
use crate::tui::screens::meeting::{PhaseAsk, PhaseUi};

mod dialogs;
mod draw;
mod wall;

pub use dialogs::answer;
use dialogs::{
    add_prompt, edit_prompt, merge_picker, new_theme_prompt, remove_confirm, rename, reveal,
    theme_picker,
};
pub use draw::render;
use wall::{Entry, Plan, Wall, hidden_count, list_area, mode};

/// What a dialog of this module was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdeasAsk {
    /// The text of a new idea.
    Add,
    /// Who wrote the new idea `text`: one of `people`, or anonymous (the item after them).
    Author {
        text: String,
        people: Vec<MemberId>,
    },
    Edit(u32),
    Remove(u32),
    /// Idea `from` goes into one of `into` (in picker order).
    Merge {
        from: u32,
        into: Vec<u32>,
    },
    Reveal,
    /// The theme of idea `idea`: one of `themes`, then "no theme", then "new theme".
    SetTheme {
        idea: u32,
        themes: Vec<u32>,
    },
    /// The name of a new theme, and the idea to put into it.
    NewTheme {
        idea: Option<u32>,
    },
    /// Which of these themes to rename.
    RenameWhich(Vec<u32>),
    /// The new name of this theme.
    Rename(u32),
}

/// The screen-only state: which idea is selected (the page shown is the one it is on).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdeasUi {
    /// The agenda item (and its visit) this state belongs to; another one starts afresh.
    pub phase: Option<(usize, u32)>,
    /// The selected idea, as a position in the order the ideas are shown.
    pub selected: usize,
    /// The writer picked last (`Some(None)`: anonymous), offered first for the next idea so
    /// that a stack of one person's notes goes fast.
    pub last_author: Option<Option<MemberId>>,
}

/// Writing and showing ideas.
const LIST: &[Binding] = &[
    binding(
        &[Key::Enter, Key::Char('i')],
        Action::Add,
        |t| t.ideas.key_add,
        true,
    ),
    binding(
        &[Key::Char('r')],
        Action::Reveal,
        |t| t.ideas.key_reveal,
        true,
    ),
    binding(&[Key::Char('e')], Action::Edit, |t| t.ideas.key_edit, true),
    binding(
        &[Key::Char('x'), Key::Delete],
        Action::Remove,
        |t| t.ideas.key_remove,
        true,
    ),
    binding(
        &[Key::Char('m')],
        Action::Merge,
        |t| t.ideas.key_merge,
        true,
    ),
    binding(
        &[Key::Left],
        Action::PagePrev,
        |t| t.ideas.key_page_prev,
        true,
    ),
    binding(
        &[Key::Right],
        Action::PageNext,
        |t| t.ideas.key_page_next,
        true,
    ),
    binding(&[Key::Up, Key::Char('k')], Action::Up, |t| t.key_up, false),
    binding(
        &[Key::Down, Key::Char('j')],
        Action::Down,
        |t| t.key_down,
        false,
    ),
];

/// Grouping: Enter puts the selected idea into a theme; editing the ideas is still at hand
/// (listed in the help, not in the footer).
const GROUPING: &[Binding] = &[
    binding(
        &[Key::Enter],
        Action::Confirm,
        |t| t.ideas.key_to_theme,
        true,
    ),
    binding(
        &[Key::Char('t')],
        Action::NewTheme,
        |t| t.ideas.key_new_theme,
        true,
    ),
    binding(
        &[Key::Char('T')],
        Action::RenameTheme,
        |t| t.ideas.key_rename_theme,
        true,
    ),
    binding(&[Key::Char('i')], Action::Add, |t| t.ideas.key_add, true),
    binding(
        &[Key::Char('r')],
        Action::Reveal,
        |t| t.ideas.key_reveal,
        true,
    ),
    binding(
        &[Key::Left],
        Action::PagePrev,
        |t| t.ideas.key_page_prev,
        true,
    ),
    binding(
        &[Key::Right],
        Action::PageNext,
        |t| t.ideas.key_page_next,
        true,
    ),
    binding(&[Key::Char('e')], Action::Edit, |t| t.ideas.key_edit, false),
    binding(
        &[Key::Char('x'), Key::Delete],
        Action::Remove,
        |t| t.ideas.key_remove,
        false,
    ),
    binding(
        &[Key::Char('m')],
        Action::Merge,
        |t| t.ideas.key_merge,
        false,
    ),
    binding(&[Key::Up, Key::Char('k')], Action::Up, |t| t.key_up, false),
    binding(
        &[Key::Down, Key::Char('j')],
        Action::Down,
        |t| t.key_down,
        false,
    ),
];

/// This module's part of the keymap for a context.
pub fn keys(context: KeyContext) -> &'static [Binding] {
    match context {
        KeyContext::MeetingGrouping => GROUPING,
        _ => LIST,
    }
}

// ---- keys --------------------------------------------------------------------------------

pub(super) fn purpose(ask: IdeasAsk) -> Purpose {
    Purpose::Phase(PhaseAsk::Ideas(ask))
}

/// The running agenda item and its visit.
fn phase_key(state: &MeetingState) -> Option<(usize, u32)> {
    let p = state.phase?;
    Some((p, state.progress.get(p)?.visits))
}

/// This phase's screen state, if it has any yet.
fn ui(view: &MeetingView) -> Option<&IdeasUi> {
    match &view.phase_ui {
        PhaseUi::Ideas(ui) if ui.phase == phase_key(view.state()) => Some(ui),
        _ => None,
    }
}

/// This phase's screen state, made when missing or left over from another phase.
fn ui_mut(view: &mut MeetingView) -> &mut IdeasUi {
    let phase = phase_key(view.state());
    if !matches!(&view.phase_ui, PhaseUi::Ideas(ui) if ui.phase == phase) {
        view.phase_ui = PhaseUi::Ideas(IdeasUi {
            phase,
            ..IdeasUi::default()
        });
    }
    match &mut view.phase_ui {
        PhaseUi::Ideas(ui) => ui,
        _ => unreachable!("set just above"),
    }
}

/// The selection as a position in `len` ideas.
fn selected(view: &MeetingView, len: usize) -> usize {
    ui(view)
        .map_or(0, |ui| ui.selected)
        .min(len.saturating_sub(1))
}

/// Selects idea `id` where it is shown now.
fn select(view: &mut MeetingView, id: u32, cx: &Ctx) {
    let state = view.state();
    let order = Wall::new(state, mode(state), cx).order();
    if let Some(at) = order.iter().position(|&i| i == id) {
        ui_mut(view).selected = at;
    }
}

/// Handles an action, the meeting being drawn in `area`, or returns `None` when it is not
/// this module's.
pub fn act(view: &mut MeetingView, action: Action, area: Rect, cx: &mut Ctx) -> Option<Next> {
    if !keys(view.context()).iter().any(|b| b.action == action) {
        return None;
    }
    ui_mut(view);
    let state = view.state();
    let order = Wall::new(state, mode(state), cx).order();
    let at = selected(view, order.len());
    // Only ideas on the wall can be acted on: nothing of a hidden idea leaks into a dialog.
    let current = order.get(at).copied();
    let next = match (action, current) {
        (Action::Add, _) => add_prompt(view, cx),
        (Action::Reveal, _) => reveal(view, cx),
        (Action::Edit, Some(id)) => edit_prompt(state, id, cx),
        (Action::Remove, Some(id)) => remove_confirm(state, id, cx),
        (Action::Merge, Some(from)) if order.len() >= 2 => merge_picker(state, from, &order, cx),
        (Action::Confirm, Some(idea)) => theme_picker(view, idea, cx),
        (Action::NewTheme, _) => new_theme_prompt(None, cx),
        (Action::RenameTheme, _) => rename(view, current, cx),
        (Action::Up, _) => {
            ui_mut(view).selected = at.saturating_sub(1);
            Next::Stay
        }
        (Action::Down, _) => {
            ui_mut(view).selected = (at + 1).min(order.len().saturating_sub(1));
            Next::Stay
        }
        (Action::PagePrev | Action::PageNext, _) => {
            if let Some(first) = page_turn(view, action == Action::PageNext, area, cx) {
                ui_mut(view).selected = first;
            }
            Next::Stay
        }
        _ => Next::Stay,
    };
    Some(next)
}

/// The first idea (a position in the shown order) on the page before or after the
/// selection's page, if there is one, the meeting being drawn in `area`.
fn page_turn(view: &MeetingView, forward: bool, area: Rect, cx: &Ctx) -> Option<usize> {
    let state = view.state();
    let wall = Wall::new(state, mode(state), cx);
    let plan = Plan::of(&wall, list_area(view.phase_area(area, cx)), cx.theme);
    let at = selected(view, wall.ideas.len());
    let page = wall.ideas.get(at).map_or(0, |&e| plan.page_of(e));
    let target = if forward {
        page + 1
    } else {
        page.checked_sub(1)?
    };
    let first = plan
        .pages
        .get(target)?
        .iter()
        .flatten()
        .find(|e| matches!(wall.entries[**e], Entry::Idea(_)))?;
    wall.ideas.iter().position(|e| e == first)
}

/// Whether an action can do something now (for the footer), the meeting being drawn in
/// `area`.
pub fn offers(view: &MeetingView, action: Action, area: Rect, cx: &Ctx) -> bool {
    let writable = cx.data.access.is_writable();
    let state = view.state();
    let ideas = Wall::new(state, mode(state), cx).ideas.len();
    match action {
        Action::Add | Action::NewTheme => writable,
        Action::Reveal => writable && hidden_count(state) > 0,
        Action::Edit | Action::Remove | Action::Confirm => writable && ideas > 0,
        Action::Merge => writable && ideas >= 2,
        Action::RenameTheme => writable && !state.themes.is_empty(),
        Action::Up | Action::Down => ideas > 1,
        Action::PagePrev | Action::PageNext => {
            page_turn(view, action == Action::PageNext, area, cx).is_some()
        }
        _ => true,
    }
}
