//! Commands about what the meeting produces: ideas and their themes, votes, decisions and
//! actions (the types themselves are in [`crate::model::outcomes`] and
//! [`crate::model::vote`]). Each checks first that the meeting is running.

use super::{Draft, clean_text};
use crate::model::engine::{MAX_TEXT_CHARS, Refusal};
use crate::model::group::MemberId;
use crate::model::outcomes::{
    ActionItem, ActionStatus, Basis, Decision, Due, Origin, Outcome, Owner,
};
use crate::model::role::Side;
use crate::model::session::EventKind;
use crate::model::vote::{
    Ballot, BallotError, RANKING_METHOD, VoteKind, VoteOption, default_budget,
};

/// Ideas and themes.
impl Draft {
    /// Refuses unless idea `id` is still shown on its own.
    fn require_idea(&self, id: u32) -> Result<(), Refusal> {
        self.s().idea(id).map(|_| ()).ok_or(Refusal::NoSuchIdea)
    }

    pub(super) fn add_idea(
        &mut self,
        text: String,
        author: Option<MemberId>,
    ) -> Result<(), Refusal> {
        self.require_running()?;
        let phase = self.s().current_phase().ok_or(Refusal::NoPhase)?;
        if !phase.takes_ideas() {
            return Err(Refusal::NoIdeasHere);
        }
        let (attributed, hidden) = (phase.attributed, phase.is_private());
        let author = author.filter(|_| attributed);
        if let Some(who) = &author {
            self.require_person(who)?;
        }
        let text = clean_text(&text)?;
        let idea = self.s().ideas.len() as u32 + 1;
        self.emit(EventKind::IdeaAdded {
            idea,
            text,
            author,
            hidden,
        });
        Ok(())
    }

    pub(super) fn edit_idea(&mut self, idea: u32, text: String) -> Result<(), Refusal> {
        self.require_running()?;
        self.require_idea(idea)?;
        let text = clean_text(&text)?;
        self.emit(EventKind::IdeaEdited { idea, text });
        Ok(())
    }

    pub(super) fn remove_idea(&mut self, idea: u32) -> Result<(), Refusal> {
        self.require_running()?;
        self.require_idea(idea)?;
        self.emit(EventKind::IdeaRemoved { idea });
        Ok(())
    }

    pub(super) fn merge_ideas(&mut self, into: u32, from: u32) -> Result<(), Refusal> {
        self.require_running()?;
        if into == from {
            return Err(Refusal::SameIdea);
        }
        // Merging joins the texts: a hidden idea would show through its partner.
        let shown = |id| {
            self.s()
                .idea(id)
                .filter(|i| !i.hidden)
                .ok_or(Refusal::NoSuchIdea)
        };
        let a = shown(into)?.text.clone();
        let b = shown(from)?.text.clone();
        let text: String = format!("{a} / {b}").chars().take(MAX_TEXT_CHARS).collect();
        self.emit(EventKind::IdeasMerged { into, from, text });
        Ok(())
    }

    pub(super) fn reveal_ideas(&mut self) -> Result<(), Refusal> {
        self.require_running()?;
        if !self.s().ideas.iter().any(|i| i.hidden && i.live()) {
            return Err(Refusal::NothingHidden);
        }
        self.emit(EventKind::IdeasRevealed);
        Ok(())
    }

    pub(super) fn add_theme(&mut self, name: String) -> Result<(), Refusal> {
        self.require_running()?;
        let name = clean_text(&name)?;
        let theme = self.s().themes.len() as u32 + 1;
        self.emit(EventKind::ThemeAdded { theme, name });
        Ok(())
    }

    pub(super) fn rename_theme(&mut self, theme: u32, name: String) -> Result<(), Refusal> {
        self.require_running()?;
        if !self.s().themes.iter().any(|t| t.id == theme) {
            return Err(Refusal::NoSuchTheme);
        }
        let name = clean_text(&name)?;
        self.emit(EventKind::ThemeRenamed { theme, name });
        Ok(())
    }

    pub(super) fn set_theme(&mut self, idea: u32, theme: Option<u32>) -> Result<(), Refusal> {
        self.require_running()?;
        self.require_idea(idea)?;
        if let Some(t) = theme
            && !self.s().themes.iter().any(|x| x.id == t)
        {
            return Err(Refusal::NoSuchTheme);
        }
        self.emit(EventKind::IdeaThemed { idea, theme });
        Ok(())
    }
}

/// Votes.
impl Draft {
    /// Opens the vote of the running vote phase: options with an empty label are dropped,
    /// and a vote on a single proposal (fist of five, yes/no) keeps only the first.
    pub(super) fn open_new_vote(&mut self, options: Vec<VoteOption>) -> Result<(), Refusal> {
        self.require_running()?;
        let phase = self.s().current_phase().ok_or(Refusal::NoPhase)?;
        let spec = phase.vote.clone().ok_or(Refusal::NotAVote)?;
        if self.s().open_vote().is_some() {
            return Err(Refusal::VoteAlreadyOpen);
        }
        let options: Vec<VoteOption> = options
            .into_iter()
            .filter_map(|mut o| {
                o.label = clean_text(&o.label).ok()?;
                Some(o)
            })
            .collect();
        let needed = if spec.kind.has_options() { 2 } else { 1 };
        if options.len() < needed {
            return Err(Refusal::TooFewOptions);
        }
        let options = if spec.kind.has_options() {
            options
        } else {
            options.into_iter().take(1).collect()
        };
        let is_dots = spec.kind == VoteKind::Dots;
        let budget = if is_dots {
            spec.budget
                .unwrap_or_else(|| default_budget(options.len(), spec.cap.unwrap_or(0)))
        } else {
            0
        };
        self.emit(EventKind::VoteOpened {
            vote: self.s().votes.len() as u32 + 1,
            kind: spec.kind,
            budget,
            cap: if is_dots { spec.cap.unwrap_or(0) } else { 0 },
            entry: spec.entry,
            rule: spec.rule,
            method: (spec.kind == VoteKind::Ranking).then(|| RANKING_METHOD.to_string()),
            options,
        });
        Ok(())
    }

    pub(super) fn cast_ballot(
        &mut self,
        side: Option<Side>,
        ballot: Ballot,
    ) -> Result<(), Refusal> {
        self.require_running()?;
        let vote = self.s().open_vote().ok_or(Refusal::NoOpenVote)?;
        // One ballot per person present: after a resume the screen no longer knows
        // who voted (ballots are anonymous), but the count still holds.
        if vote.ballots.len() >= self.s().present().count() {
            return Err(Refusal::EveryoneVoted);
        }
        self.emit_ballot(side, ballot, None)
    }

    pub(super) fn replace_ballot(
        &mut self,
        replaces: u32,
        side: Option<Side>,
        ballot: Ballot,
    ) -> Result<(), Refusal> {
        self.require_running()?;
        let vote = self.s().open_vote().ok_or(Refusal::NoOpenVote)?;
        if replaces == 0 || replaces as usize > vote.ballots.len() {
            return Err(Refusal::NoSuchBallot);
        }
        self.emit_ballot(side, ballot, Some(replaces))
    }

    /// A ballot of the open vote, new or in the place of ballot `replaces`, once it fits.
    fn emit_ballot(
        &mut self,
        side: Option<Side>,
        ballot: Ballot,
        replaces: Option<u32>,
    ) -> Result<(), Refusal> {
        let vote = self.s().open_vote().ok_or(Refusal::NoOpenVote)?;
        vote.check(&ballot).map_err(Refusal::BadBallot)?;
        let vote = vote.id;
        self.emit(EventKind::BallotCast {
            vote,
            side,
            ballot,
            replaces,
        });
        Ok(())
    }

    pub(super) fn count_hands(&mut self, counts: Vec<u32>) -> Result<(), Refusal> {
        self.require_running()?;
        let vote = self.s().open_vote().ok_or(Refusal::NoOpenVote)?;
        if counts.len() != vote.hand_slots() {
            return Err(Refusal::BadBallot(BallotError::WrongLength));
        }
        let vote = vote.id;
        self.emit(EventKind::HandsCounted { vote, counts });
        Ok(())
    }

    pub(super) fn close_vote(&mut self) -> Result<(), Refusal> {
        self.require_running()?;
        let vote = self.s().open_vote().ok_or(Refusal::NoOpenVote)?.id;
        self.emit(EventKind::VoteClosed { vote });
        Ok(())
    }
}

/// Decisions and actions.
impl Draft {
    pub(super) fn record_decision(
        &mut self,
        text: String,
        basis: Vec<Basis>,
        review: Option<jiff::civil::Date>,
    ) -> Result<(), Refusal> {
        self.require_running()?;
        let text = clean_text(&text)?;
        let id = self.s().decisions.iter().map(|d| d.id).max().unwrap_or(0) + 1;
        self.emit(EventKind::DecisionRecorded {
            decision: Decision {
                id,
                text,
                basis,
                review,
                origin: Origin::default(),
            },
        });
        Ok(())
    }

    pub(super) fn remove_decision(&mut self, decision: u32) -> Result<(), Refusal> {
        self.require_running()?;
        self.require_decision(decision)?;
        self.emit(EventKind::DecisionRemoved { decision });
        Ok(())
    }

    pub(super) fn edit_decision(
        &mut self,
        decision: u32,
        text: String,
        basis: Vec<Basis>,
        review: Option<jiff::civil::Date>,
    ) -> Result<(), Refusal> {
        self.require_running()?;
        self.require_decision(decision)?;
        self.emit(EventKind::DecisionEdited {
            decision: Decision {
                id: decision,
                text: clean_text(&text)?,
                basis,
                review,
                // The origin is set on its own (see `set_origin`) and kept by an edit.
                origin: self
                    .s()
                    .decisions
                    .iter()
                    .find(|d| d.id == decision)
                    .map(|d| d.origin)
                    .unwrap_or_default(),
            },
        });
        Ok(())
    }

    fn require_decision(&self, decision: u32) -> Result<(), Refusal> {
        if !self.s().decisions.iter().any(|d| d.id == decision) {
            return Err(Refusal::NoSuchDecision);
        }
        Ok(())
    }

    pub(super) fn add_action(
        &mut self,
        text: String,
        owner: Owner,
        due: Due,
        clock_item: Option<String>,
    ) -> Result<(), Refusal> {
        self.require_running()?;
        let text = clean_text(&text)?;
        if let Some(item) = &clock_item {
            self.require_clock_item(item)?;
        }
        let session = self.s().session.simple().to_string();
        let action = ActionItem {
            // The whole meeting id: a shortened one could repeat across meetings.
            id: format!("{session}-{}", self.s().next_action),
            text,
            owner,
            due,
            status: ActionStatus::Open,
            session: self.s().session,
            agreed: self.s().date,
            clock_item,
            origin: Origin::default(),
        };
        self.emit(EventKind::ActionAdded { action });
        Ok(())
    }

    /// Where a decision or an action of this meeting came from, and the students' level of
    /// participation in it: set (or cleared) on its own, after it was recorded.
    pub(super) fn set_origin(&mut self, of: Outcome, origin: Origin) -> Result<(), Refusal> {
        self.require_running()?;
        match &of {
            Outcome::Decision { decision } => self.require_decision(*decision)?,
            Outcome::Action { id } => {
                if !self.s().actions.iter().any(|a| &a.id == id) {
                    return Err(Refusal::NoSuchAction);
                }
            }
        }
        self.emit(EventKind::OriginSet { of, origin });
        Ok(())
    }

    pub(super) fn edit_action(
        &mut self,
        id: String,
        text: String,
        owner: Owner,
        due: Due,
    ) -> Result<(), Refusal> {
        self.require_running()?;
        let old = self
            .s()
            .actions
            .iter()
            .find(|a| a.id == id)
            .ok_or(Refusal::NoSuchAction)?;
        let action = ActionItem {
            text: clean_text(&text)?,
            owner,
            due,
            ..old.clone()
        };
        self.emit(EventKind::ActionEdited { action });
        Ok(())
    }

    pub(super) fn remove_action(&mut self, id: String) -> Result<(), Refusal> {
        self.require_running()?;
        if !self.s().actions.iter().any(|a| a.id == id) {
            return Err(Refusal::NoSuchAction);
        }
        self.emit(EventKind::ActionRemoved { id });
        Ok(())
    }

    /// Follows up an action, of an earlier meeting or of this one.
    pub(super) fn review_action(
        &mut self,
        id: String,
        status: ActionStatus,
        due: Option<Due>,
    ) -> Result<(), Refusal> {
        self.require_running()?;
        let known = self
            .s()
            .carried
            .iter()
            .chain(self.s().actions.iter())
            .any(|a| a.id == id);
        if !known {
            return Err(Refusal::NoSuchAction);
        }
        self.emit(EventKind::ActionReviewed { id, status, due });
        Ok(())
    }
}
