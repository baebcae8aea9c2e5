//! Dialogs on top of a screen: the key help, a list to pick from, a one-line text prompt and
//! a yes/no question. Each remembers its [`Purpose`], so the answer goes back to whoever
//! asked without the dialog knowing what it is for.

pub mod draw;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::app::Ctx;
use super::keymap::{self, Action, KeyContext};
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
    /// Which of the laptop's addresses phones join at (in this order).
    PhoneAddress(Vec<std::net::Ipv4Addr>),
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
    Phase(crate::tui::screens::meeting::PhaseAsk),
    // ---- the review of past meetings ----
    Review(crate::tui::screens::review::ReviewAsk),
    // ---- the year clock's editor ----
    Clock(crate::tui::screens::clock::ClockAsk),
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

/// A row of a picker with the item's own number (`None`: a row without one).
pub type NumberedItem = (Option<u32>, Item);

/// A list to choose from, with numbers for quick picking.
///
/// By default the rows are numbered 1–9, then 0 for the tenth. Where the items have numbers
/// of their own (ideas, the options of a vote), the picker shows those and a typed number
/// picks the item that has it, never the n-th row: one thing has one number on every screen.
#[derive(Debug, Clone)]
pub struct Picker {
    pub title: String,
    pub items: Vec<Item>,
    pub selected: usize,
    pub purpose: Purpose,
    /// The items' own numbers, one per item (`None`: a row without a number); empty when
    /// the rows are simply counted.
    pub numbers: Vec<Option<u32>>,
    /// The digits typed so far of a number of more than one digit.
    pub typed: String,
}

impl Picker {
    /// What a digit key does: picks the item whose number is the digits typed so far, once
    /// no other number starts with them; else selects the first number that starts so and
    /// waits for the next digit (Enter takes the selection).
    fn digit(&mut self, c: char) -> OverlayOutcome {
        if self.numbers.is_empty() {
            let index = if c == '0' {
                9
            } else {
                c as usize - '1' as usize
            };
            if index < self.items.len() {
                return OverlayOutcome::Done(self.purpose.clone(), Answer::Picked(index));
            }
            return OverlayOutcome::Stay;
        }
        for typed in [format!("{}{c}", self.typed), c.to_string()] {
            let starting: Vec<(usize, String)> = self
                .numbers
                .iter()
                .enumerate()
                .filter_map(|(i, n)| n.map(|n| (i, n.to_string())))
                .filter(|(_, n)| n.starts_with(&typed))
                .collect();
            if let [(index, number)] = starting.as_slice()
                && *number == typed
            {
                self.typed.clear();
                return OverlayOutcome::Done(self.purpose.clone(), Answer::Picked(*index));
            }
            if let Some((index, _)) = starting
                .iter()
                .find(|(_, n)| *n == typed)
                .or(starting.first())
            {
                self.selected = *index;
                self.typed = typed;
                return OverlayOutcome::Stay;
            }
        }
        self.typed.clear();
        OverlayOutcome::Stay
    }

    /// The number shown in front of row `i`.
    pub fn number_label(&self, i: usize) -> String {
        if self.numbers.is_empty() {
            return match i {
                0..=8 => (i + 1).to_string(),
                9 => "0".to_string(),
                _ => String::new(),
            };
        }
        self.numbers
            .get(i)
            .copied()
            .flatten()
            .map_or_else(String::new, |n| n.to_string())
    }
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
    /// A field whose text must not be read from the wall (private writing): `Some` with
    /// what its hint says when a wall follows. On one shared screen it draws a bullet for
    /// each character: whatever the field shows, the room sees. With a `parvi wall` on the
    /// projector the screen is the facilitator's own, so the text shows in clear.
    pub secret: Option<String>,
    /// What to say when letters keep coming just after this field closed: they are not run
    /// as commands (see [`CLOSING_GUARD_MS`]). `None`: no guard.
    pub guard: Option<String>,
}

/// How long after a guarded field closes a typed letter is taken for the rest of the text
/// (typed on by a writer who did not see the field close) rather than a command. Each such
/// letter starts the time again; a key that is not a letter (Enter, an arrow) ends it.
pub const CLOSING_GUARD_MS: u64 = 1000;

impl Prompt {
    pub fn new(title: &str, hint: &str, value: &str, purpose: Purpose, max_chars: usize) -> Prompt {
        Prompt {
            title: title.to_string(),
            hint: hint.to_string(),
            input: Input::new(value.to_string()),
            purpose,
            max_chars,
            secret: None,
            guard: None,
        }
    }

    /// The same field, its text masked on screen unless a wall follows; then `wall_hint`
    /// takes the place of the hint.
    pub fn masked(self, wall_hint: &str) -> Prompt {
        Prompt {
            secret: Some(wall_hint.to_string()),
            ..self
        }
    }

    /// The same field, guarded after it closes: letters typed on are not commands, and
    /// `message` says so.
    pub fn guarded(self, message: String) -> Prompt {
        Prompt {
            guard: Some(message),
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

/// The guard's findings before publishing (`export::guard`): each place in context, scrolled
/// a hit at a time, and two choices: publish anyway (answered `Picked(0)`) or cancel to fix
/// the text in the meeting's record (`Picked(1)`).
#[derive(Debug, Clone)]
pub struct Findings {
    pub title: String,
    pub intro: String,
    /// Each hit: where and what ("päätös 2 · nimi: Antti Virtanen (opiskelija)"), and its
    /// context with the word marked (`…että »Antille« järjestetään…`).
    pub hits: Vec<(String, String)>,
    /// The first hit shown.
    pub first: usize,
    pub purpose: Purpose,
}

impl Findings {
    /// The answer of the choice to publish anyway.
    pub const PUBLISH: usize = 0;
    /// The answer of the choice to cancel.
    pub const CANCEL: usize = 1;

    pub fn new(
        lang: crate::i18n::Lang,
        hits: &[crate::export::guard::Hit],
        purpose: Purpose,
    ) -> Findings {
        let t = &lang.text().guard;
        Findings {
            title: t.dialog_title.to_string(),
            intro: crate::i18n::fill(t.dialog_intro, &[("n", &hits.len().to_string())]),
            hits: hits
                .iter()
                .map(|h| {
                    (
                        format!("{} · {}", h.place.label(lang), h.kind_label(lang)),
                        h.marked(),
                    )
                })
                .collect(),
            first: 0,
            purpose,
        }
    }
}

/// A dialog.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help,
    Picker(Picker),
    Prompt(Prompt),
    Confirm(Confirm),
    Findings(Findings),
}

impl Overlay {
    pub fn picker(title: &str, items: Vec<Item>, selected: usize, purpose: Purpose) -> Overlay {
        Overlay::Picker(Picker {
            title: title.to_string(),
            selected: selected.min(items.len().saturating_sub(1)),
            items,
            purpose,
            numbers: Vec::new(),
            typed: String::new(),
        })
    }

    /// A picker whose rows show the items' own numbers (one per item, `None` for a row
    /// without one), which the digit keys pick by.
    pub fn numbered(
        title: &str,
        items: Vec<NumberedItem>,
        selected: usize,
        purpose: Purpose,
    ) -> Overlay {
        let (mut numbers, items): (Vec<Option<u32>>, Vec<Item>) = items.into_iter().unzip();
        if numbers.iter().all(Option::is_none) {
            // Nothing has a number of its own: the rows are counted, as in any picker.
            numbers.clear();
        }
        match Overlay::picker(title, items, selected, purpose) {
            Overlay::Picker(picker) => Overlay::Picker(Picker { numbers, ..picker }),
            other => other,
        }
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
    pub fn context(&self) -> KeyContext {
        match self {
            Overlay::Help => KeyContext::Help,
            Overlay::Picker(_) => KeyContext::Picker,
            Overlay::Prompt(_) => KeyContext::Prompt,
            Overlay::Confirm(_) => KeyContext::Confirm,
            Overlay::Findings(_) => KeyContext::Findings,
        }
    }

    /// Handles a key.
    pub fn handle_key(&mut self, key: &KeyEvent, cx: &Ctx) -> OverlayOutcome {
        let _ = cx;
        match self {
            Overlay::Help => match keymap::action_for(KeyContext::Help, key) {
                Some(Action::Back) => OverlayOutcome::Close,
                _ => OverlayOutcome::Stay,
            },
            Overlay::Confirm(confirm) => match keymap::action_for(KeyContext::Confirm, key) {
                Some(Action::Confirm) => OverlayOutcome::Done(confirm.purpose.clone(), Answer::Yes),
                Some(Action::Back) => OverlayOutcome::Close,
                _ => OverlayOutcome::Stay,
            },
            Overlay::Findings(findings) => match keymap::action_for(KeyContext::Findings, key) {
                Some(Action::Confirm) => OverlayOutcome::Done(
                    findings.purpose.clone(),
                    Answer::Picked(Findings::PUBLISH),
                ),
                Some(Action::Back) => {
                    OverlayOutcome::Done(findings.purpose.clone(), Answer::Picked(Findings::CANCEL))
                }
                Some(Action::Up) => {
                    findings.first = findings.first.saturating_sub(1);
                    OverlayOutcome::Stay
                }
                Some(Action::Down) => {
                    findings.first =
                        (findings.first + 1).min(findings.hits.len().saturating_sub(1));
                    OverlayOutcome::Stay
                }
                _ => OverlayOutcome::Stay,
            },
            Overlay::Picker(picker) => {
                if let KeyCode::Char(c @ '0'..='9') = key.code {
                    return picker.digit(c);
                }
                picker.typed.clear();
                match keymap::action_for(KeyContext::Picker, key) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn picked(outcome: OverlayOutcome) -> Option<usize> {
        match outcome {
            OverlayOutcome::Done(_, Answer::Picked(i)) => Some(i),
            _ => None,
        }
    }

    #[test]
    fn typed_digits_pick_the_item_with_that_number_not_that_row() {
        let items = [Some(1), Some(10), Some(12), None, Some(3)]
            .into_iter()
            .map(|n| (n, Item::new("", "")))
            .collect();
        let Overlay::Picker(mut picker) = Overlay::numbered("", items, 0, Purpose::Note) else {
            panic!("a picker");
        };
        // 3 is the fifth row.
        assert_eq!(picked(picker.digit('3')), Some(4));
        // 1 could be 1, 10 or 12: it selects 1 and waits; 2 then makes 12.
        assert_eq!(picked(picker.digit('1')), None);
        assert_eq!(picker.selected, 0);
        assert_eq!(picked(picker.digit('2')), Some(2));
        // A number nobody has picks nothing.
        assert_eq!(picked(picker.digit('7')), None);
        assert_eq!(picker.typed, "");
    }
}
