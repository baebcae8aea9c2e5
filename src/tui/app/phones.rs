//! A phone's request as the app carries it out: the same engine command a key gives, marked
//! as from a phone. Refusals go back to the phone, never onto the facilitator's screen.

use super::{App, Screen};
use crate::i18n;
use crate::model::{Command, EventSource};
use crate::tui::phones::{PhoneInput, PhoneMessage, PhoneOutcome, Phones, changeable};

impl App {
    /// Applies a phone's input to the running meeting and asks for the save (the loop saves
    /// before it answers). `phones` learns which ideas the phone wrote.
    pub fn phone_input(&mut self, message: &PhoneMessage, phones: &mut Phones) -> PhoneOutcome {
        let lang = message.lang;
        let refused = || PhoneOutcome::Refused(lang.text().phones.refused.to_string());
        let Screen::Meeting(view) = &mut self.screen else {
            return refused();
        };
        let state = view.state();
        // Only the phone that wrote an idea may change it, and only while it may change.
        let may_change = |idea: u32| {
            phones.owns(message.phone, idea)
                && state.idea(idea).is_some_and(|i| changeable(state, i))
        };
        let command = match &message.input {
            PhoneInput::AddIdea(text) => Command::AddIdea {
                text: text.clone(),
                author: None,
            },
            PhoneInput::EditIdea { idea, text } if may_change(*idea) => Command::EditIdea {
                idea: *idea,
                text: text.clone(),
            },
            PhoneInput::WithdrawIdea(idea) if may_change(*idea) => Command::RemoveIdea(*idea),
            _ => return refused(),
        };
        match view.apply(command, Some(EventSource::Phone), &mut self.cx) {
            Ok(()) => {
                if matches!(message.input, PhoneInput::AddIdea(_)) {
                    phones.wrote(message.phone, view.state().ideas.len() as u32);
                }
                PhoneOutcome::Received
            }
            Err(refusal) => PhoneOutcome::Refused(i18n::refusal(lang, &refusal).to_string()),
        }
    }

    /// Whether the meeting on screen was saved by the last save asked for.
    pub fn meeting_saved(&self) -> bool {
        match &self.screen {
            Screen::Meeting(view) => view.save_error.is_none(),
            _ => false,
        }
    }
}
