//! A phone's request as the app carries it out: the same engine command a key gives, marked
//! as from a phone. Refusals go back to the phone, never onto the facilitator's screen.

use super::{App, Screen};
use crate::model::vote::BallotError;
use crate::model::{Command, EventSource, Refusal};
use crate::tui::phones::{PhoneInput, PhoneMessage, PhoneOutcome, Phones, Why, changeable};

impl App {
    /// Applies a phone's input to the running meeting and asks for the save (the loop saves
    /// before it answers). `phones` learns which ideas the phone wrote.
    pub fn phone_input(&mut self, message: &PhoneMessage, phones: &mut Phones) -> PhoneOutcome {
        let Screen::Meeting(view) = &mut self.screen else {
            return PhoneOutcome::Refused(Why::NotOpen);
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
            // Only in the vote the page showed: a ballot for a closed vote is not moved to
            // the next one.
            PhoneInput::Ballot { vote, side, ballot }
                if state.open_vote().is_some_and(|v| v.id == *vote) =>
            {
                match phones.ballot_of(message.phone, *vote) {
                    Some(replaces) => Command::ReplaceBallot {
                        replaces,
                        side: *side,
                        ballot: ballot.clone(),
                    },
                    None => Command::CastBallot {
                        side: *side,
                        ballot: ballot.clone(),
                    },
                }
            }
            _ => return PhoneOutcome::Refused(Why::NotOpen),
        };
        let new_ballot = matches!(command, Command::CastBallot { .. });
        match view.apply(command, Some(EventSource::Phone), &mut self.cx) {
            Ok(()) => {
                let state = view.state();
                match &message.input {
                    PhoneInput::AddIdea(_) => phones.wrote(message.phone, state.ideas.len() as u32),
                    PhoneInput::Ballot { vote, .. } if new_ballot => {
                        let count = state.open_vote().map_or(0, |v| v.ballots.len());
                        phones.voted(message.phone, *vote, count as u32);
                    }
                    _ => {}
                }
                PhoneOutcome::Received
            }
            Err(refusal) => PhoneOutcome::Refused(why(&refusal)),
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

/// What a phone is told of the engine's refusal: the ballot's own faults by name, since the
/// voter can mend them; everything else as "not open now".
fn why(refusal: &Refusal) -> Why {
    match refusal {
        Refusal::BadBallot(BallotError::OverBudget) => Why::OverBudget,
        Refusal::BadBallot(BallotError::OverCap) => Why::OverCap,
        Refusal::BadBallot(_) => Why::BadBallot,
        Refusal::EveryoneVoted => Why::EveryoneVoted,
        _ => Why::NotOpen,
    }
}
