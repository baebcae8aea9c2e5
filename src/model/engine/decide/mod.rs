//! Turning a command into events: [`MeetingState::decide`] and the checks the commands
//! share. `decide` never changes the state it is given: it works on a [`Draft`], applying
//! each event as it emits it, so a command that emits several events (end a turn, start the
//! next) sees its own earlier events. The commands themselves live by concern: the meeting
//! and the room ([`agenda`]), speaking turns ([`turns`]), what the meeting produces
//! ([`outcomes`]), and changes to the group's year clock ([`clock`]).

mod agenda;
mod clock;
mod outcomes;
mod turns;

use super::MAX_TEXT_CHARS;
use super::command::{Command, Refusal};
use super::state::{MeetingState, Status};
use crate::model::format::PhaseKind;
use crate::model::group::MemberId;
use crate::model::session::{Event, EventKind, Stamp};

impl MeetingState {
    /// Checks a command and returns the events it becomes, without changing `self`.
    pub fn decide(
        &self,
        command: Command,
        stamp: Stamp,
        seed: u64,
    ) -> Result<Vec<EventKind>, Refusal> {
        let mut draft = Draft {
            state: self.clone(),
            events: Vec::new(),
            stamp,
        };
        draft.run(command, seed)?;
        Ok(draft.events)
    }
}

/// Trims a text to one line of at most [`MAX_TEXT_CHARS`].
fn clean_text(text: &str) -> Result<String, Refusal> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(Refusal::EmptyText);
    }
    Ok(text.chars().take(MAX_TEXT_CHARS).collect())
}

/// A working copy of the state that applies each event as it is emitted.
struct Draft {
    state: MeetingState,
    events: Vec<EventKind>,
    stamp: Stamp,
}

impl Draft {
    fn emit(&mut self, kind: EventKind) {
        let event = Event {
            seq: 0,
            at: self.stamp.at,
            mono_ms: self.stamp.mono_ms,
            event: kind.clone(),
            source: None,
        };
        self.state.apply(&event);
        self.events.push(kind);
    }

    fn s(&self) -> &MeetingState {
        &self.state
    }

    fn require_running(&self) -> Result<(), Refusal> {
        match self.s().status {
            Status::NotStarted => Err(Refusal::NotStarted),
            Status::Ended => Err(Refusal::Ended),
            Status::Running => Ok(()),
        }
    }

    fn require_phase(&self) -> Result<(usize, PhaseKind), Refusal> {
        self.require_running()?;
        let p = self.s().phase.ok_or(Refusal::NoPhase)?;
        Ok((p, self.s().agenda[p].kind))
    }

    fn require_person(&self, who: &MemberId) -> Result<(), Refusal> {
        match self.s().person(who) {
            None => Err(Refusal::UnknownPerson),
            Some(p) if !p.present => Err(Refusal::NotPresent),
            Some(_) => Ok(()),
        }
    }

    // One arm per command, each a named step that makes its own checks first: the match
    // stays exhaustive, so a new command cannot be forgotten.
    fn run(&mut self, command: Command, seed: u64) -> Result<(), Refusal> {
        match command {
            // The meeting and the room (agenda.rs).
            Command::Start => self.start(seed),
            Command::NextPhase => self.next_phase(seed),
            Command::GoToPhase(n) => self.go_to_phase(n, seed),
            Command::Pause => self.pause(),
            Command::Resume => self.resume(),
            Command::Extend { delta_ms } => self.extend(delta_ms),
            Command::SetPresent { who, present } => self.set_present(who, present),
            Command::AddGuest { name, role } => self.add_guest(name, role),
            Command::Interrupt(reason) => self.interrupt(reason),
            Command::Reopen { gap_ms } => self.reopen(gap_ms),
            Command::End => self.end(),
            // Speaking turns (turns.rs).
            Command::Next => self.next(),
            Command::Pass => self.pass(),
            Command::Back => self.back(),
            Command::GiveFloor(who) => self.give_floor(who),
            Command::EndTurn => self.end_turn(),
            Command::RaiseHand(who) => self.raise_hand(who),
            Command::LowerHand(who) => self.lower_hand(who),
            Command::Note(text) => self.note(text),
            // Ideas, votes, decisions and actions (outcomes.rs).
            Command::AddIdea { text, author } => self.add_idea(text, author),
            Command::EditIdea { idea, text } => self.edit_idea(idea, text),
            Command::RemoveIdea(idea) => self.remove_idea(idea),
            Command::MergeIdeas { into, from } => self.merge_ideas(into, from),
            Command::RevealIdeas => self.reveal_ideas(),
            Command::AddTheme(name) => self.add_theme(name),
            Command::RenameTheme { theme, name } => self.rename_theme(theme, name),
            Command::SetTheme { idea, theme } => self.set_theme(idea, theme),
            Command::OpenVote(options) => self.open_new_vote(options),
            Command::CastBallot { side, ballot } => self.cast_ballot(side, ballot),
            Command::ReplaceBallot {
                replaces,
                side,
                ballot,
            } => self.replace_ballot(replaces, side, ballot),
            Command::CountHands(counts) => self.count_hands(counts),
            Command::CloseVote => self.close_vote(),
            Command::RecordDecision {
                text,
                basis,
                review,
            } => self.record_decision(text, basis, review),
            Command::RemoveDecision(decision) => self.remove_decision(decision),
            Command::EditDecision {
                decision,
                text,
                basis,
                review,
            } => self.edit_decision(decision, text, basis, review),
            Command::AddAction {
                text,
                owner,
                due,
                clock_item,
            } => self.add_action(text, owner, due, clock_item),
            Command::EditAction {
                id,
                text,
                owner,
                due,
            } => self.edit_action(id, text, owner, due),
            Command::RemoveAction(id) => self.remove_action(id),
            Command::SetOrigin { of, origin } => self.set_origin(of, origin),
            Command::ReviewAction { id, status, due } => self.review_action(id, status, due),
            // The year clock (clock.rs).
            Command::MarkClockItem { item, year, status } => {
                self.mark_clock_item(item, year, status)
            }
            Command::MoveClockItem { item, when } => self.move_clock_item(item, when),
            Command::AddClockItem(draft) => self.add_clock_item(draft),
            Command::RemoveClockItem(item) => self.remove_clock_item(item),
        }
    }
}
