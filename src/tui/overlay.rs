//! Dialogs on top of a screen: the key help, a list to pick from, a one-line text prompt and
//! a yes/no question. Each remembers its [`Purpose`], so the answer goes back to whoever
//! asked without the dialog knowing what it is for.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::app::Ctx;
use super::keymap::{self, Action, Context};
use crate::model::{MemberId, Role};

/// What a dialog's answer is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    // ---- meeting ----
    RaiseHand(Vec<MemberId>),
    GiveFloor(Vec<MemberId>),
    /// People in list order; the last item adds a guest.
    Attendance(Vec<MemberId>),
    GoToPhase,
    Note,
    GuestName,
    GuestRole(String),
    EndMenu,
    // ---- setup ----
    SetupGuestName,
    SetupGuestRole(String),
    /// A new agenda item, of the kind picked (in [`crate::model::PhaseKind::ALL`] order).
    SetupAddPhase,
    // ---- group editor ----
    GroupName,
    GroupSite,
    GroupKind,
    /// A new member's name (`None`) or a member's new name.
    MemberName(Option<usize>),
    /// The role for a new member called this, or for member `index`.
    MemberRole(MemberRoleFor),
    RemoveMember(usize),
    // ---- home ----
    Quit,
    // ---- the phases that produce something ----
    Phase(crate::tui::screens::phases::PhaseAsk),
    // ---- the review of past meetings ----
    Review(crate::tui::screens::review::Ask),
}

/// Whose role is being chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberRoleFor {
    New(String),
    Existing(usize),
}

/// A dialog's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The index of the picked item.
    Picked(usize),
    Text(String),
    Yes,
}

/// The result of a key in a dialog.
#[derive(Debug)]
pub enum OverlayOutcome {
    Stay,
    Close,
    Done(Purpose, Answer),
}

/// One row of a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub label: String,
    /// A second column (a role, a duration).
    pub detail: String,
    /// A tick box: `Some(true)` ticked, `Some(false)` not, `None` no box.
    pub mark: Option<bool>,
}

impl Item {
    pub fn new(label: impl Into<String>, detail: impl Into<String>) -> Item {
        Item {
            label: label.into(),
            detail: detail.into(),
            mark: None,
        }
    }
}

/// A list to choose from, with numbers for quick picking.
#[derive(Debug, Clone)]
pub struct Picker {
    pub title: String,
    pub items: Vec<Item>,
    pub selected: usize,
    pub purpose: Purpose,
}

/// A one-line text field.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub title: String,
    pub hint: String,
    pub input: Input,
    pub purpose: Purpose,
    /// The longest accepted text, in characters.
    pub max_chars: usize,
    /// A field whose text must not be read from the wall (private writing): `Some(true)`
    /// draws bullets, `Some(false)` the text; Tab switches. `None` is an ordinary field.
    pub secret: Option<bool>,
}

impl Prompt {
    pub fn new(title: &str, hint: &str, value: &str, purpose: Purpose, max_chars: usize) -> Prompt {
        Prompt {
            title: title.to_string(),
            hint: hint.to_string(),
            input: Input::new(value.to_string()),
            purpose,
            max_chars,
            secret: None,
        }
    }

    /// The same field, its text masked on screen until Tab shows it.
    pub fn masked(self) -> Prompt {
        Prompt {
            secret: Some(true),
            ..self
        }
    }

    /// Types one character (from a paste).
    pub fn insert(&mut self, c: char) {
        if self.input.value().chars().count() < self.max_chars {
            self.input.handle(tui_input::InputRequest::InsertChar(c));
        }
    }
}

/// A yes/no question.
#[derive(Debug, Clone)]
pub struct Confirm {
    pub question: String,
    pub purpose: Purpose,
}

/// A dialog.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help,
    Picker(Picker),
    Prompt(Prompt),
    Confirm(Confirm),
}

impl Overlay {
    pub fn picker(title: &str, items: Vec<Item>, selected: usize, purpose: Purpose) -> Overlay {
        Overlay::Picker(Picker {
            title: title.to_string(),
            selected: selected.min(items.len().saturating_sub(1)),
            items,
            purpose,
        })
    }

    pub fn confirm(question: String, purpose: Purpose) -> Overlay {
        Overlay::Confirm(Confirm { question, purpose })
    }

    /// A picker of roles, with their names in the user's language.
    pub fn roles(cx: &Ctx, title: &str, current: Option<Role>, purpose: Purpose) -> Overlay {
        let items = Role::ALL
            .iter()
            .map(|r| {
                Item::new(
                    crate::i18n::role(cx.lang, *r),
                    crate::i18n::side(cx.lang, r.side()),
                )
            })
            .collect();
        let selected = current
            .and_then(|c| Role::ALL.iter().position(|r| *r == c))
            .unwrap_or(0);
        Overlay::picker(title, items, selected, purpose)
    }

    /// Where the keyboard is while this dialog is open.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Help => Context::Help,
            Overlay::Picker(_) => Context::Picker,
            Overlay::Prompt(_) => Context::Prompt,
            Overlay::Confirm(_) => Context::Confirm,
        }
    }

    /// Handles a key.
    pub fn handle_key(&mut self, key: &KeyEvent, cx: &Ctx) -> OverlayOutcome {
        let _ = cx;
        match self {
            Overlay::Help => match keymap::action_for(Context::Help, key) {
                Some(Action::Back) => OverlayOutcome::Close,
                _ => OverlayOutcome::Stay,
            },
            Overlay::Confirm(confirm) => match keymap::action_for(Context::Confirm, key) {
                Some(Action::Confirm) => OverlayOutcome::Done(confirm.purpose.clone(), Answer::Yes),
                Some(Action::Back) => OverlayOutcome::Close,
                _ => OverlayOutcome::Stay,
            },
            Overlay::Picker(picker) => {
                // Digits pick directly: 1–9, then 0 for the tenth.
                if let KeyCode::Char(c @ '0'..='9') = key.code {
                    let index = if c == '0' {
                        9
                    } else {
                        c as usize - '1' as usize
                    };
                    if index < picker.items.len() {
                        return OverlayOutcome::Done(picker.purpose.clone(), Answer::Picked(index));
                    }
                    return OverlayOutcome::Stay;
                }
                match keymap::action_for(Context::Picker, key) {
                    // Up from the first goes round to the last and down from the last to
                    // the first, and Home and End jump: no list needs a dozen presses.
                    Some(Action::Up) => {
                        let last = picker.items.len().saturating_sub(1);
                        picker.selected = picker.selected.checked_sub(1).unwrap_or(last);
                        OverlayOutcome::Stay
                    }
                    Some(Action::Down) => {
                        picker.selected = if picker.selected + 1 < picker.items.len() {
                            picker.selected + 1
                        } else {
                            0
                        };
                        OverlayOutcome::Stay
                    }
                    Some(Action::First) => {
                        picker.selected = 0;
                        OverlayOutcome::Stay
                    }
                    Some(Action::Last) => {
                        picker.selected = picker.items.len().saturating_sub(1);
                        OverlayOutcome::Stay
                    }
                    Some(Action::Confirm) if !picker.items.is_empty() => OverlayOutcome::Done(
                        picker.purpose.clone(),
                        Answer::Picked(picker.selected),
                    ),
                    Some(Action::Back) | Some(Action::Quit) => OverlayOutcome::Close,
                    _ => OverlayOutcome::Stay,
                }
            }
            Overlay::Prompt(prompt) => match key.code {
                KeyCode::Enter => OverlayOutcome::Done(
                    prompt.purpose.clone(),
                    Answer::Text(prompt.input.value().trim().to_string()),
                ),
                KeyCode::Esc => OverlayOutcome::Close,
                KeyCode::Tab if prompt.secret.is_some() => {
                    prompt.secret = prompt.secret.map(|masked| !masked);
                    OverlayOutcome::Stay
                }
                KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    OverlayOutcome::Close
                }
                KeyCode::Char(_) if prompt.input.value().chars().count() >= prompt.max_chars => {
                    OverlayOutcome::Stay
                }
                _ => {
                    prompt
                        .input
                        .handle_event(&crossterm::event::Event::Key(*key));
                    OverlayOutcome::Stay
                }
            },
        }
    }
}
