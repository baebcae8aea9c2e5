//! The meeting engine: a facilitator's [`Command`] is checked against the current
//! [`MeetingState`] and becomes events; the state is the fold of the events.
//!
//! `decide` never changes the state it is given: it works on a draft copy, applying each event
//! as it emits it, so a command that emits several events (end a turn, start the next) sees
//! its own earlier events. [`Meeting`] holds the record and its state together and is what the
//! app uses. Time comes in as a [`Stamp`]; randomness (for random speaking orders) as a seed.

use std::collections::BTreeMap;

use super::format::{OrderRule, Phase, PhaseKind};
use super::group::MemberId;
use super::outcomes::{ActionItem, ActionStatus, Basis, Decision, Due, Idea, IdeaTheme, Owner};
use super::role::{Role, Side};
use super::session::{Event, EventKind, Interruption, Participant, SessionRecord, Stamp};
use super::stopwatch::Stopwatch;
use super::vote::{Ballot, BallotError, RANKING_METHOD, Vote, VoteKind, VoteOption};

/// Where the meeting is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Created, no event yet.
    NotStarted,
    Running,
    Ended,
}

/// Time spent in one agenda item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhaseProgress {
    pub watch: Stopwatch,
    /// Minutes added (or taken away) with +1/−1, in milliseconds.
    pub extra_ms: i64,
    /// How many times the phase was started (going back to a phase starts it again).
    pub visits: u32,
    /// The phase was ended at least once.
    pub done: bool,
}

/// The speaking order of the current round and how far it has got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub rule: OrderRule,
    /// Everyone's place in the round; those who passed are appended once at the end.
    pub lineup: Vec<MemberId>,
    /// How many of `lineup` are the first pass (the rest are returns to those who passed).
    pub first_pass_len: usize,
    /// The slot after the current speaker's: who comes next.
    pub next_slot: usize,
    /// Whether those who passed have been given their second chance.
    pub returned: bool,
    /// Index into [`MeetingState::turns`] of this round's first turn.
    pub first_turn: usize,
}

/// The turn in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveTurn {
    pub speaker: MemberId,
    pub phase: usize,
    pub slot: Option<usize>,
    pub watch: Stopwatch,
    pub started_ms: u64,
    pub note: Option<String>,
    /// Whether this turn was given back to its speaker by `b` (it already holds their time,
    /// so it is never "just started by mistake").
    pub reopened: bool,
}

/// A finished turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnRecord {
    pub speaker: MemberId,
    pub phase: usize,
    pub slot: Option<usize>,
    pub started_ms: u64,
    pub duration_ms: u64,
    pub passed: bool,
    pub note: Option<String>,
    /// When it ended on the meeting clock (not saved: it is the stamp of the event that
    /// ended it), so `b` can tell a turn that just ended from one long over.
    pub ended_ms: u64,
}

/// One side's airtime against its share of the seats (see [`MeetingState::side_shares`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SideShare {
    pub side: Side,
    pub airtime_ms: u64,
    /// Everyone's airtime, the whole the share is of.
    pub total_airtime_ms: u64,
    pub seats: usize,
    pub total_seats: usize,
}

impl SideShare {
    /// The side's share of the airtime, 0 when nobody has spoken yet.
    pub fn airtime_share(&self) -> f64 {
        if self.total_airtime_ms == 0 {
            0.0
        } else {
            self.airtime_ms as f64 / self.total_airtime_ms as f64
        }
    }
}

/// The live state of a meeting: the fold of its events over the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingState {
    pub status: Status,
    /// Paused by the facilitator (or after a reopen, until the facilitator resumes).
    pub paused: bool,
    /// Stopped from outside and not yet reopened.
    pub interrupted: bool,
    /// The agenda: one entry per phase of the format.
    pub agenda: Vec<Phase>,
    pub progress: Vec<PhaseProgress>,
    /// The active agenda item, if any.
    pub phase: Option<usize>,
    pub round: Option<Round>,
    /// Raised hands, in the order they were raised.
    pub hands: Vec<MemberId>,
    pub turn: Option<LiveTurn>,
    pub turns: Vec<TurnRecord>,
    /// Everyone at the meeting, members in seating order then guests.
    pub people: Vec<Participant>,
    /// Everyone who was present at some point (a seat in the participation figures, even
    /// for someone who left early).
    pub attended: Vec<MemberId>,
    /// Meeting time of the last event.
    pub last_ms: u64,
    /// The meeting's id and date, for the ids and dates of its actions.
    pub session: uuid::Uuid,
    pub date: jiff::civil::Date,
    /// Every idea written, removed and merged ones included (they keep their numbers).
    pub ideas: Vec<Idea>,
    pub themes: Vec<IdeaTheme>,
    pub votes: Vec<Vote>,
    pub decisions: Vec<Decision>,
    /// Actions agreed in this meeting.
    pub actions: Vec<ActionItem>,
    /// The number part of the next action id (never reused, even after a removal).
    pub next_action: u32,
    /// Open actions of earlier meetings, as followed up in this one.
    pub carried: Vec<ActionItem>,
}

/// A facilitator's intent. Each is checked by [`MeetingState::decide`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Begin the meeting and its first agenda item.
    Start,
    /// End the current agenda item and start the next.
    NextPhase,
    /// End the current agenda item and start item `n` (going back or skipping ahead).
    GoToPhase(usize),
    /// Start the next speaker's turn (ending the current one).
    Next,
    /// The current (or next) speaker passes.
    Pass,
    /// Back to the previous speaker in the round.
    Back,
    /// Give the floor to someone in an open phase.
    GiveFloor(MemberId),
    /// End the current turn without starting another.
    EndTurn,
    RaiseHand(MemberId),
    LowerHand(MemberId),
    /// A one-line note on the current turn, or the last one.
    Note(String),
    Pause,
    Resume,
    /// Lengthen (positive) or shorten (negative) the current phase.
    Extend {
        delta_ms: i64,
    },
    SetPresent {
        who: MemberId,
        present: bool,
    },
    AddGuest {
        name: String,
        role: Role,
    },
    /// parvi is being stopped from outside.
    Interrupt(Interruption),
    /// parvi opened the meeting again after it stopped; `gap_ms` of wall time passed.
    Reopen {
        gap_ms: u64,
    },
    End,
    /// Write an idea; `author` is kept only where the phase records names.
    AddIdea {
        text: String,
        author: Option<MemberId>,
    },
    EditIdea {
        idea: u32,
        text: String,
    },
    RemoveIdea(u32),
    /// Merge idea `from` into idea `into` (their texts are joined).
    MergeIdeas {
        into: u32,
        from: u32,
    },
    /// Show the ideas written in private.
    RevealIdeas,
    AddTheme(String),
    RenameTheme {
        theme: u32,
        name: String,
    },
    /// Put an idea into a theme, or take it out of one.
    SetTheme {
        idea: u32,
        theme: Option<u32>,
    },
    /// Open the vote of the running vote phase on these options.
    OpenVote(Vec<VoteOption>),
    /// One voter's ballot; only their side is recorded.
    CastBallot {
        side: Side,
        ballot: Ballot,
    },
    /// Counted hands per option (or per value).
    CountHands(Vec<u32>),
    CloseVote,
    RecordDecision {
        text: String,
        basis: Vec<Basis>,
        review: Option<jiff::civil::Date>,
    },
    RemoveDecision(u32),
    /// New wording, basis or review date for decision `decision` (its number stays).
    EditDecision {
        decision: u32,
        text: String,
        basis: Vec<Basis>,
        review: Option<jiff::civil::Date>,
    },
    AddAction {
        text: String,
        owner: Owner,
        due: Due,
    },
    EditAction {
        id: String,
        text: String,
        owner: Owner,
        due: Due,
    },
    RemoveAction(String),
    /// Follow up an action of an earlier meeting: done, continued (with a new date) or
    /// dropped.
    ReviewAction {
        id: String,
        status: ActionStatus,
        due: Option<Due>,
    },
}

/// Why a command was not carried out. The UI explains each one in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the meeting has not started")]
    NotStarted,
    #[error("the meeting has already started")]
    AlreadyStarted,
    #[error("the meeting has ended")]
    Ended,
    #[error("no agenda item is running")]
    NoPhase,
    #[error("there is no such agenda item")]
    NoSuchPhase,
    #[error("this is the last agenda item")]
    LastPhase,
    #[error("this agenda item has no turns")]
    NoTurns,
    #[error("this is not a round")]
    NotARound,
    #[error("this is not an open discussion")]
    NotOpen,
    #[error("everyone has had their turn")]
    RoundComplete,
    #[error("nobody is waiting to speak")]
    QueueEmpty,
    #[error("passing is not allowed in this round")]
    PassNotAllowed,
    #[error("there is no earlier speaker")]
    NothingBefore,
    #[error("nobody is speaking")]
    NobodySpeaking,
    #[error("there is no turn to note")]
    NoTurnToNote,
    #[error("the note is empty")]
    EmptyNote,
    #[error("that person is not at the meeting")]
    NotPresent,
    #[error("no such person")]
    UnknownPerson,
    #[error("the hand is already up")]
    HandAlreadyUp,
    #[error("the hand is not up")]
    HandNotUp,
    #[error("already paused")]
    AlreadyPaused,
    #[error("not paused")]
    NotPaused,
    #[error("the timebox cannot be shorter than zero")]
    NoTimeToTake,
    #[error("the name is empty")]
    EmptyName,
    #[error("ideas are not written in this agenda item")]
    NoIdeasHere,
    #[error("there is no such idea")]
    NoSuchIdea,
    #[error("an idea cannot be merged with itself")]
    SameIdea,
    #[error("no idea is hidden")]
    NothingHidden,
    #[error("there is no such theme")]
    NoSuchTheme,
    #[error("this agenda item is not a vote")]
    NotAVote,
    #[error("a vote is already open")]
    VoteAlreadyOpen,
    #[error("no vote is open")]
    NoOpenVote,
    #[error("a vote needs at least two options")]
    TooFewOptions,
    #[error("the ballot does not fit the vote")]
    BadBallot(BallotError),
    #[error("there is no such decision")]
    NoSuchDecision,
    #[error("there is no such action")]
    NoSuchAction,
    #[error("the text is empty")]
    EmptyText,
    #[error("everyone present has already voted")]
    EveryoneVoted,
}

/// How often a running meeting notes that it is still running (see [`Meeting::heartbeat`]):
/// the most spoken time a crash can turn into pause.
pub const HEARTBEAT_MS: u64 = 10_000;

/// How long a turn may have run (or have been over) for `b` to take it back as a slip of
/// the key rather than end it as a real turn. Ten seconds: long enough to notice the wrong
/// name on the wall, short enough that nobody has really spoken yet.
pub const UNDO_GRACE_MS: u64 = 10_000;

/// The longest idea, decision or action accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 300;

/// Trims a text to one line of at most [`MAX_TEXT_CHARS`].
fn clean_text(text: &str) -> Result<String, Refusal> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(Refusal::EmptyText);
    }
    Ok(text.chars().take(MAX_TEXT_CHARS).collect())
}

/// The longest note accepted on a turn, in characters.
pub const MAX_NOTE_CHARS: usize = 200;

impl MeetingState {
    /// The state of a meeting that has not started.
    pub fn initial(record: &SessionRecord) -> MeetingState {
        MeetingState {
            status: Status::NotStarted,
            paused: false,
            interrupted: false,
            agenda: record.format.phases.clone(),
            progress: vec![PhaseProgress::default(); record.format.phases.len()],
            phase: None,
            round: None,
            hands: Vec::new(),
            turn: None,
            turns: Vec::new(),
            people: record.participants.clone(),
            attended: record
                .participants
                .iter()
                .filter(|p| p.present)
                .map(|p| p.id.clone())
                .collect(),
            last_ms: 0,
            session: record.id,
            date: record.local_date(),
            ideas: Vec::new(),
            themes: Vec::new(),
            votes: Vec::new(),
            decisions: Vec::new(),
            actions: Vec::new(),
            next_action: 1,
            carried: record.carried_actions.clone(),
        }
    }

    /// Rebuilds the state from a record's events.
    pub fn replay(record: &SessionRecord) -> MeetingState {
        let mut state = MeetingState::initial(record);
        for event in &record.events {
            state.apply(event);
        }
        state
    }

    /// Whether timers are counting.
    pub fn running(&self) -> bool {
        self.status == Status::Running && !self.paused && !self.interrupted
    }

    /// Folds one event into the state. Total: an event that does not fit (a broken or
    /// hand-edited file) is ignored rather than trusted, and never panics.
    pub fn apply(&mut self, event: &Event) {
        let last_saved_ms = self.last_ms;
        let now = event.mono_ms.max(self.last_ms);
        self.last_ms = now;
        match &event.event {
            EventKind::MeetingStarted => {
                if self.status == Status::NotStarted {
                    self.status = Status::Running;
                }
            }
            EventKind::PhaseStarted { phase } => {
                if *phase < self.agenda.len() {
                    self.close_turn(now, false);
                    if let Some(old) = self.phase {
                        self.progress[old].watch.stop(now);
                    }
                    let running = self.running();
                    let progress = &mut self.progress[*phase];
                    progress.visits += 1;
                    if running {
                        progress.watch.start(now);
                    }
                    self.phase = Some(*phase);
                    self.round = None;
                    self.hands.clear();
                }
            }
            EventKind::PhaseEnded { phase } => {
                if self.phase == Some(*phase) {
                    self.close_turn(now, false);
                    self.progress[*phase].watch.stop(now);
                    self.progress[*phase].done = true;
                    self.phase = None;
                    self.round = None;
                    self.hands.clear();
                }
            }
            EventKind::RoundOrdered { order, rule } => {
                self.round = Some(Round {
                    rule: *rule,
                    lineup: order.clone(),
                    first_pass_len: order.len(),
                    next_slot: 0,
                    returned: false,
                    first_turn: self.turns.len(),
                });
            }
            EventKind::ReturnedToPassed { speakers } => {
                if let Some(round) = &mut self.round {
                    round.lineup.extend(speakers.iter().cloned());
                    round.returned = true;
                }
            }
            EventKind::TurnStarted { speaker, slot } => {
                if let Some(phase) = self.phase {
                    self.close_turn(now, false);
                    if let (Some(round), Some(slot)) = (&mut self.round, slot) {
                        round.next_slot = slot + 1;
                    }
                    self.hands.retain(|h| h != speaker);
                    self.turn = Some(LiveTurn {
                        speaker: speaker.clone(),
                        phase,
                        slot: *slot,
                        watch: Stopwatch::started(now, self.running()),
                        started_ms: now,
                        note: None,
                        reopened: false,
                    });
                }
            }
            EventKind::TurnEnded { speaker, passed } => {
                if self.turn.as_ref().is_some_and(|t| &t.speaker == speaker) {
                    self.close_turn(now, *passed);
                }
            }
            EventKind::TurnWithdrawn { speaker } => {
                if self.turn.as_ref().is_some_and(|t| &t.speaker == speaker)
                    && let Some(live) = self.turn.take()
                    && let (Some(round), Some(slot)) = (&mut self.round, live.slot)
                {
                    // Nobody's time, nobody's turn: the withdrawn speaker is next again.
                    round.next_slot = slot;
                }
            }
            EventKind::TurnReopened { speaker } => self.reopen_turn(now, speaker),
            EventKind::Heartbeat => {}
            EventKind::TurnNoted { turn, text } => {
                if *turn == self.turns.len() {
                    if let Some(live) = &mut self.turn {
                        live.note = Some(text.clone());
                    }
                } else if let Some(record) = self.turns.get_mut(*turn) {
                    record.note = Some(text.clone());
                }
            }
            EventKind::HandRaised { who } => {
                if !self.hands.contains(who) {
                    self.hands.push(who.clone());
                }
            }
            EventKind::HandLowered { who } => self.hands.retain(|h| h != who),
            EventKind::Paused => {
                self.stop_watches(now);
                self.paused = true;
            }
            EventKind::Resumed => {
                self.paused = false;
                self.start_watches(now);
            }
            EventKind::PhaseExtended { phase, delta_ms } => {
                if let Some(progress) = self.progress.get_mut(*phase) {
                    progress.extra_ms = progress.extra_ms.saturating_add(*delta_ms);
                }
            }
            EventKind::AttendanceChanged { who, present } => {
                if *present && !self.attended.contains(who) {
                    self.attended.push(who.clone());
                }
                if let Some(p) = self.people.iter_mut().find(|p| &p.id == who) {
                    p.present = *present;
                }
                if *present {
                    self.seat_late_arrival(who);
                }
            }
            EventKind::GuestAdded { guest } => {
                if !self.people.iter().any(|p| p.id == guest.id) {
                    self.people.push(guest.clone());
                    if guest.present {
                        self.attended.push(guest.id.clone());
                        self.seat_late_arrival(&guest.id);
                    }
                }
            }
            EventKind::Interrupted { .. } => {
                self.stop_watches(now);
                self.interrupted = true;
            }
            EventKind::Reopened { .. } => {
                // Whatever was running when parvi stopped stops at the last saved moment,
                // and the meeting comes back paused: nothing counts until the facilitator
                // says the room is ready again. The reopen is stamped a few milliseconds
                // after that moment (the file is read and replayed first); those belong to
                // nobody's turn.
                self.stop_watches(last_saved_ms);
                self.interrupted = false;
                self.paused = true;
            }
            EventKind::IdeaAdded {
                idea,
                text,
                author,
                hidden,
            } => self.ideas.push(Idea {
                id: *idea,
                phase: self.phase.unwrap_or(0),
                text: text.clone(),
                author: author.clone(),
                hidden: *hidden,
                theme: None,
                merged_into: None,
                removed: false,
            }),
            EventKind::IdeaEdited { idea, text } => {
                if let Some(i) = self.idea_mut(*idea) {
                    i.text = text.clone();
                }
            }
            EventKind::IdeaRemoved { idea } => {
                if let Some(i) = self.idea_mut(*idea) {
                    i.removed = true;
                }
            }
            EventKind::IdeasMerged { into, from, text } => {
                if let Some(i) = self.idea_mut(*into) {
                    i.text = text.clone();
                }
                if let Some(i) = self.idea_mut(*from) {
                    i.merged_into = Some(*into);
                }
            }
            EventKind::IdeasRevealed => {
                for idea in &mut self.ideas {
                    idea.hidden = false;
                }
            }
            EventKind::ThemeAdded { theme, name } => self.themes.push(IdeaTheme {
                id: *theme,
                name: name.clone(),
            }),
            EventKind::ThemeRenamed { theme, name } => {
                if let Some(t) = self.themes.iter_mut().find(|t| t.id == *theme) {
                    t.name = name.clone();
                }
            }
            EventKind::IdeaThemed { idea, theme } => {
                if let Some(i) = self.idea_mut(*idea) {
                    i.theme = *theme;
                }
            }
            EventKind::VoteOpened {
                vote,
                kind,
                options,
                budget,
                cap,
                entry,
                rule,
                ..
            } => self.votes.push(Vote {
                id: *vote,
                phase: self.phase.unwrap_or(0),
                kind: *kind,
                options: options.clone(),
                budget: *budget,
                cap: *cap,
                entry: *entry,
                rule: *rule,
                ballots: Vec::new(),
                hands: None,
                closed: false,
            }),
            EventKind::BallotCast { vote, side, ballot } => {
                if let Some(v) = self.votes.iter_mut().find(|v| v.id == *vote) {
                    v.ballots.push((*side, ballot.clone()));
                }
            }
            EventKind::HandsCounted { vote, counts } => {
                if let Some(v) = self.votes.iter_mut().find(|v| v.id == *vote) {
                    v.hands = Some(counts.clone());
                }
            }
            EventKind::VoteClosed { vote } => {
                if let Some(v) = self.votes.iter_mut().find(|v| v.id == *vote) {
                    v.closed = true;
                }
            }
            EventKind::DecisionRecorded { decision } => {
                self.decisions.retain(|d| d.id != decision.id);
                self.decisions.push(decision.clone());
            }
            EventKind::DecisionRemoved { decision } => self.decisions.retain(|d| d.id != *decision),
            EventKind::DecisionEdited { decision } => {
                if let Some(d) = self.decisions.iter_mut().find(|d| d.id == decision.id) {
                    *d = decision.clone();
                }
            }
            EventKind::ActionAdded { action } => {
                self.next_action += 1;
                self.actions.push(action.clone());
            }
            EventKind::ActionEdited { action } => {
                if let Some(a) = self.actions.iter_mut().find(|a| a.id == action.id) {
                    *a = action.clone();
                }
            }
            EventKind::ActionRemoved { id } => self.actions.retain(|a| &a.id != id),
            EventKind::ActionReviewed { id, status, due } => {
                if let Some(a) = self
                    .carried
                    .iter_mut()
                    .chain(self.actions.iter_mut())
                    .find(|a| &a.id == id)
                {
                    a.status = *status;
                    if let Some(due) = due {
                        a.due = *due;
                    }
                }
            }
            EventKind::MeetingEnded => {
                self.close_turn(now, false);
                if let Some(phase) = self.phase.take() {
                    self.progress[phase].watch.stop(now);
                    self.progress[phase].done = true;
                }
                self.round = None;
                self.hands.clear();
                self.status = Status::Ended;
            }
        }
    }

    fn close_turn(&mut self, now: u64, passed: bool) {
        if let Some(mut live) = self.turn.take() {
            live.watch.stop(now);
            self.turns.push(TurnRecord {
                speaker: live.speaker,
                phase: live.phase,
                slot: live.slot,
                started_ms: live.started_ms,
                duration_ms: live.watch.elapsed(now),
                passed,
                note: live.note,
                ended_ms: now,
            });
        }
    }

    /// Someone who arrives (or comes back) during a round gets a turn in it, unless they
    /// already had one or are still waiting for theirs: at the end of the first pass, or,
    /// once those who passed are being asked again, at the very end. Never in front of the
    /// slot that is next, so nobody is skipped and nobody asked twice.
    fn seat_late_arrival(&mut self, who: &MemberId) {
        let side = self.person(who).map(|p| p.role.side());
        let speakers = self.current_phase().and_then(|p| p.speakers);
        if speakers.is_some_and(|s| Some(s) != side) {
            return;
        }
        let Some(round) = &self.round else { return };
        let had_turn = self
            .turns
            .get(round.first_turn..)
            .is_some_and(|turns| turns.iter().any(|t| &t.speaker == who))
            || self.turn.as_ref().is_some_and(|t| &t.speaker == who);
        let waiting = round
            .lineup
            .iter()
            .skip(round.next_slot)
            .any(|id| id == who);
        if had_turn || waiting {
            return;
        }
        if let Some(round) = &mut self.round {
            if round.returned || round.next_slot > round.first_pass_len {
                round.lineup.push(who.clone());
            } else {
                round.lineup.insert(round.first_pass_len, who.clone());
                round.first_pass_len += 1;
            }
        }
    }

    /// The last turn of the running round, if it is `speaker`'s and nobody speaks now, goes
    /// on again: its time so far, its note, and no pass mark (only its end decides that).
    fn reopen_turn(&mut self, now: u64, speaker: &MemberId) {
        let Some(round) = &self.round else { return };
        let last_of_round = self.turns.len() > round.first_turn
            && self.turns.last().is_some_and(|t| {
                &t.speaker == speaker && Some(t.phase) == self.phase && t.slot.is_some()
            });
        if self.turn.is_some() || !last_of_round {
            return;
        }
        let Some(record) = self.turns.pop() else {
            return;
        };
        let slot = record.slot.unwrap_or(0);
        let running = self.running();
        if let Some(round) = &mut self.round {
            round.next_slot = slot + 1;
            if round.returned && slot < round.first_pass_len {
                // Back into the first pass: the return to those who passed is taken back
                // too, and made again (with who passed by then) when the first pass ends.
                round.lineup.truncate(round.first_pass_len);
                round.returned = false;
            }
        }
        self.turn = Some(LiveTurn {
            speaker: record.speaker,
            phase: record.phase,
            slot: record.slot,
            watch: Stopwatch::resumed(record.duration_ms, now, running),
            started_ms: record.started_ms,
            note: record.note,
            reopened: true,
        });
    }

    fn stop_watches(&mut self, now: u64) {
        if let Some(phase) = self.phase {
            self.progress[phase].watch.stop(now);
        }
        if let Some(turn) = &mut self.turn {
            turn.watch.stop(now);
        }
    }

    fn start_watches(&mut self, now: u64) {
        if !self.running() {
            return;
        }
        if let Some(phase) = self.phase {
            self.progress[phase].watch.start(now);
        }
        if let Some(turn) = &mut self.turn {
            turn.watch.start(now);
        }
    }

    fn idea_mut(&mut self, id: u32) -> Option<&mut Idea> {
        self.ideas.iter_mut().find(|i| i.id == id)
    }

    // ---- queries ------------------------------------------------------------------------

    /// The idea with this number, if it is still shown on its own.
    pub fn idea(&self, id: u32) -> Option<&Idea> {
        self.ideas.iter().find(|i| i.id == id && i.live())
    }

    /// Ideas shown on their own (not removed, not merged away), in the order written.
    pub fn live_ideas(&self) -> impl Iterator<Item = &Idea> {
        self.ideas.iter().filter(|i| i.live())
    }

    /// The latest vote of the running phase, open or closed.
    pub fn current_vote(&self) -> Option<&Vote> {
        let phase = self.phase?;
        self.votes.iter().rev().find(|v| v.phase == phase)
    }

    /// The vote taking ballots now, if any.
    pub fn open_vote(&self) -> Option<&Vote> {
        self.current_vote().filter(|v| !v.closed)
    }

    /// The options a new vote offers by default: the themes if ideas were grouped into
    /// them, else the ideas; for a fist of five or yes/no, the latest decision text or idea
    /// as the single proposal is left to the facilitator.
    pub fn default_options(&self) -> Vec<VoteOption> {
        let themes = self.theme_options();
        if themes.is_empty() {
            self.idea_options()
        } else {
            themes
        }
    }

    /// The themes that hold an idea, as vote options.
    pub fn theme_options(&self) -> Vec<VoteOption> {
        self.themes
            .iter()
            .filter(|t| self.live_ideas().any(|i| i.theme == Some(t.id)))
            .map(|t| VoteOption {
                label: t.name.clone(),
                idea: None,
                theme: Some(t.id),
            })
            .collect()
    }

    /// The ideas on the wall, as vote options (whether or not they were grouped).
    pub fn idea_options(&self) -> Vec<VoteOption> {
        self.live_ideas()
            .filter(|i| !i.hidden)
            .map(|i| VoteOption {
                label: i.text.clone(),
                idea: Some(i.id),
                theme: None,
            })
            .collect()
    }

    /// Actions still open: earlier meetings' (as followed up here) and this meeting's.
    pub fn open_actions(&self) -> impl Iterator<Item = &ActionItem> {
        self.carried
            .iter()
            .chain(self.actions.iter())
            .filter(|a| a.status.is_open())
    }

    /// The active agenda item's definition.
    pub fn current_phase(&self) -> Option<&Phase> {
        self.phase.and_then(|p| self.agenda.get(p))
    }

    /// Time spent in the active phase up to `now`.
    pub fn phase_elapsed(&self, now: u64) -> u64 {
        self.phase
            .map_or(0, |p| self.progress[p].watch.elapsed(now))
    }

    /// The active phase's timebox with any minutes added, or `None` if it is untimed.
    pub fn phase_timebox(&self) -> Option<u64> {
        let p = self.phase?;
        let base = self.agenda[p].timebox_ms() as i64 + self.progress[p].extra_ms;
        (self.agenda[p].minutes > 0 || self.progress[p].extra_ms != 0).then_some(base.max(0) as u64)
    }

    /// Time left in the active phase; negative when it has overrun.
    pub fn phase_remaining(&self, now: u64) -> Option<i64> {
        self.phase_timebox()
            .map(|timebox| timebox as i64 - self.phase_elapsed(now) as i64)
    }

    /// Time the current speaker has spoken up to `now`.
    pub fn turn_elapsed(&self, now: u64) -> u64 {
        self.turn.as_ref().map_or(0, |t| t.watch.elapsed(now))
    }

    /// Time left in the current turn, if turns are timed; negative when it has overrun.
    pub fn turn_remaining(&self, now: u64) -> Option<i64> {
        let turn = self.turn.as_ref()?;
        let limit = self.agenda.get(turn.phase)?.turn_ms()?;
        Some(limit as i64 - turn.watch.elapsed(now) as i64)
    }

    /// The participant with this id.
    pub fn person(&self, id: &MemberId) -> Option<&Participant> {
        self.people.iter().find(|p| &p.id == id)
    }

    /// Whether this person is marked present.
    pub fn is_present(&self, id: &MemberId) -> bool {
        self.person(id).is_some_and(|p| p.present)
    }

    /// Everyone present, in seating order.
    pub fn present(&self) -> impl Iterator<Item = &Participant> {
        self.people.iter().filter(|p| p.present)
    }

    /// Speaking time per person up to `now`, including the turn in progress.
    pub fn airtime(&self, now: u64) -> BTreeMap<MemberId, u64> {
        let mut out: BTreeMap<MemberId, u64> = BTreeMap::new();
        for t in &self.turns {
            *out.entry(t.speaker.clone()).or_default() += t.duration_ms;
        }
        if let Some(t) = &self.turn {
            *out.entry(t.speaker.clone()).or_default() += t.watch.elapsed(now);
        }
        out
    }

    /// Speaking time per side (student, staff, external) up to `now`.
    pub fn airtime_by_side(&self, now: u64) -> [u64; 3] {
        let mut sides = [0u64; 3];
        for (id, ms) in self.airtime(now) {
            if let Some(p) = self.person(&id) {
                sides[p.role.side() as usize] += ms;
            }
        }
        sides
    }

    /// Each side's airtime against its seats up to `now`, for the sides with seats or
    /// airtime: the figures the meeting's side panel and its summary draw.
    pub fn side_shares(&self, now: u64) -> Vec<SideShare> {
        let airtime = self.airtime_by_side(now);
        let seats = self.seats_by_side();
        let total_airtime_ms: u64 = airtime.iter().sum();
        let total_seats: usize = seats.iter().sum();
        Side::ALL
            .into_iter()
            .filter(|side| seats[*side as usize] > 0 || airtime[*side as usize] > 0)
            .map(|side| SideShare {
                side,
                airtime_ms: airtime[side as usize],
                total_airtime_ms,
                seats: seats[side as usize],
                total_seats,
            })
            .collect()
    }

    /// Seats per side among those present.
    pub fn seats_by_side(&self) -> [usize; 3] {
        let mut seats = [0; 3];
        for p in self.present() {
            seats[p.role.side() as usize] += 1;
        }
        seats
    }

    /// Whether this person has spoken (a turn that was not a pass) in this meeting.
    pub fn has_spoken(&self, id: &MemberId) -> bool {
        self.turns.iter().any(|t| &t.speaker == id && !t.passed)
            || self.turn.as_ref().is_some_and(|t| &t.speaker == id)
    }

    /// Those present who have not spoken yet, in seating order.
    pub fn not_spoken_yet(&self) -> Vec<&Participant> {
        self.present().filter(|p| !self.has_spoken(&p.id)).collect()
    }

    /// In a round: the first present speaker at or after `from`, with their slot.
    fn present_slot_from(&self, from: usize) -> Option<(usize, MemberId)> {
        let round = self.round.as_ref()?;
        round
            .lineup
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, id)| self.is_present(id))
            .map(|(slot, id)| (slot, id.clone()))
    }

    /// In a round: who speaks next, and their slot.
    pub fn next_up(&self) -> Option<(usize, MemberId)> {
        self.present_slot_from(self.round.as_ref()?.next_slot)
    }

    /// In a round: those whose latest turn in this round was a pass, in lineup order.
    pub fn passers(&self) -> Vec<MemberId> {
        let Some(round) = &self.round else {
            return Vec::new();
        };
        let mut last: BTreeMap<&MemberId, bool> = BTreeMap::new();
        for t in self.turns.iter().skip(round.first_turn) {
            last.insert(&t.speaker, t.passed);
        }
        round.lineup[..round.first_pass_len.min(round.lineup.len())]
            .iter()
            .filter(|id| last.get(id) == Some(&true) && self.is_present(id))
            .cloned()
            .collect()
    }

    /// In a round: nobody is left to speak and nobody is waiting for a second chance.
    pub fn round_complete(&self) -> bool {
        self.round.is_some()
            && self.turn.is_none()
            && self.next_up().is_none()
            && (self.round.as_ref().is_some_and(|r| r.returned) || self.passers().is_empty())
    }

    /// In an open phase: raised hands in the order they will get the floor.
    pub fn queue(&self) -> Vec<MemberId> {
        let mut hands: Vec<MemberId> = self
            .hands
            .iter()
            .filter(|h| self.is_present(h))
            .cloned()
            .collect();
        match self.current_phase().and_then(|p| p.order) {
            Some(OrderRule::FairStack) => {
                // Least airtime first; the sort is stable so equal airtime keeps hand order.
                let airtime = self.airtime(self.last_ms);
                hands.sort_by_key(|h| airtime.get(h).copied().unwrap_or(0));
            }
            Some(OrderRule::StudentsFirst) => {
                hands.sort_by_key(|h| {
                    self.person(h)
                        .is_none_or(|p| p.role.side() != Side::Student)
                });
            }
            _ => {}
        }
        hands
    }

    // ---- decisions ----------------------------------------------------------------------

    /// The speaking order for a round under `rule`, among those present (and only one side
    /// of them when `speakers` is set).
    pub fn round_order(&self, rule: OrderRule, speakers: Option<Side>, seed: u64) -> Vec<MemberId> {
        let present: Vec<&Participant> = self
            .present()
            .filter(|p| speakers.is_none_or(|side| p.role.side() == side))
            .collect();
        let mut order: Vec<MemberId> = match rule {
            OrderRule::Seating | OrderRule::Random => {
                present.iter().map(|p| p.id.clone()).collect()
            }
            OrderRule::StudentsFirst => {
                let (students, others): (Vec<&Participant>, Vec<&Participant>) =
                    present.iter().partition(|p| p.role.side() == Side::Student);
                students
                    .iter()
                    .chain(&others)
                    .map(|p| p.id.clone())
                    .collect()
            }
            OrderRule::FairStack => {
                let airtime = self.airtime(self.last_ms);
                let mut sorted = present.clone();
                sorted.sort_by_key(|p| airtime.get(&p.id).copied().unwrap_or(0));
                sorted.iter().map(|p| p.id.clone()).collect()
            }
        };
        if rule == OrderRule::Random {
            super::random::SplitMix64(seed).shuffle(&mut order);
        }
        order
    }

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

    fn end_live_turn(&mut self, passed: bool) -> bool {
        match self.s().turn.as_ref().map(|t| t.speaker.clone()) {
            Some(speaker) => {
                self.emit(EventKind::TurnEnded { speaker, passed });
                true
            }
            None => false,
        }
    }

    fn start_phase(&mut self, phase: usize, seed: u64) {
        self.emit(EventKind::PhaseStarted { phase });
        let spec = &self.s().agenda[phase];
        if spec.kind == PhaseKind::Round {
            let rule = spec.order.unwrap_or_default();
            let order = self.s().round_order(rule, spec.speakers, seed);
            self.emit(EventKind::RoundOrdered { order, rule });
        }
    }

    fn leave_phase(&mut self) {
        self.end_live_turn(false);
        if let Some(phase) = self.s().phase {
            self.emit(EventKind::PhaseEnded { phase });
        }
    }

    /// Starts the next speaker of a round, returning to those who passed at the end.
    /// Returns whether anyone was started.
    fn advance_round(&mut self) -> bool {
        if let Some((slot, speaker)) = self.s().next_up() {
            self.emit(EventKind::TurnStarted {
                speaker,
                slot: Some(slot),
            });
            return true;
        }
        let returned = self.s().round.as_ref().is_none_or(|r| r.returned);
        let passers = self.s().passers();
        if returned || passers.is_empty() {
            return false;
        }
        self.emit(EventKind::ReturnedToPassed { speakers: passers });
        match self.s().next_up() {
            Some((slot, speaker)) => {
                self.emit(EventKind::TurnStarted {
                    speaker,
                    slot: Some(slot),
                });
                true
            }
            None => false,
        }
    }

    /// `b` in a round. A turn begun a moment ago was begun by mistake: it is taken back
    /// (nobody's airtime, not a turn) and, when the same key press ended the turn before it,
    /// that turn goes on. A turn that ended a moment ago goes on too. Past
    /// [`UNDO_GRACE_MS`] a turn is real: it ends as any turn does, and the previous speaker
    /// in the order gets a new turn.
    fn back(&mut self) -> Result<(), Refusal> {
        let now = self.stamp.mono_ms;
        let round = self.s().round.as_ref().ok_or(Refusal::NotARound)?;
        let last_of_round = self
            .s()
            .turns
            .get(round.first_turn..)
            .and_then(|turns| turns.last())
            .filter(|t| t.slot.is_some() && Some(t.phase) == self.s().phase)
            .cloned();
        let next_slot = round.next_slot;
        let just_ended = last_of_round
            .as_ref()
            .filter(|t| now.saturating_sub(t.ended_ms) < UNDO_GRACE_MS)
            .map(|t| t.speaker.clone());
        match (self.s().turn.clone(), just_ended) {
            (Some(live), _) if !live.reopened && live.watch.elapsed(now) < UNDO_GRACE_MS => {
                self.emit(EventKind::TurnWithdrawn {
                    speaker: live.speaker.clone(),
                });
                match last_of_round {
                    // One key press ended that turn and began this one: undo the press.
                    Some(last) if last.ended_ms == live.started_ms => {
                        self.emit(EventKind::TurnReopened {
                            speaker: last.speaker,
                        });
                    }
                    _ => {
                        let current = live.slot.unwrap_or(next_slot);
                        if let Some((slot, speaker)) = self.previous_slot(current) {
                            self.emit(EventKind::TurnStarted {
                                speaker,
                                slot: Some(slot),
                            });
                        }
                    }
                }
                Ok(())
            }
            (None, Some(speaker)) => {
                self.emit(EventKind::TurnReopened { speaker });
                Ok(())
            }
            (live, _) => {
                let current = live.and_then(|t| t.slot).unwrap_or(next_slot);
                let (slot, speaker) = self.previous_slot(current).ok_or(Refusal::NothingBefore)?;
                self.end_live_turn(false);
                self.emit(EventKind::TurnStarted {
                    speaker,
                    slot: Some(slot),
                });
                Ok(())
            }
        }
    }

    /// In a round: the last present speaker before slot `current`, with their slot.
    fn previous_slot(&self, current: usize) -> Option<(usize, MemberId)> {
        let round = self.s().round.as_ref()?;
        round.lineup[..current.min(round.lineup.len())]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, id)| self.s().is_present(id))
            .map(|(slot, id)| (slot, id.clone()))
    }

    fn require_person(&self, who: &MemberId) -> Result<(), Refusal> {
        match self.s().person(who) {
            None => Err(Refusal::UnknownPerson),
            Some(p) if !p.present => Err(Refusal::NotPresent),
            Some(_) => Ok(()),
        }
    }

    fn run(&mut self, command: Command, seed: u64) -> Result<(), Refusal> {
        match command {
            Command::Start => {
                if self.s().status != Status::NotStarted {
                    return Err(Refusal::AlreadyStarted);
                }
                self.emit(EventKind::MeetingStarted);
                if !self.s().agenda.is_empty() {
                    self.start_phase(0, seed);
                }
            }
            Command::NextPhase => {
                self.require_running()?;
                let next = match self.s().phase {
                    Some(p) => p + 1,
                    // Between items (after the last one was ended): the first not yet done.
                    None => self
                        .s()
                        .progress
                        .iter()
                        .position(|p| !p.done)
                        .ok_or(Refusal::LastPhase)?,
                };
                self.leave_phase();
                if next < self.s().agenda.len() {
                    self.start_phase(next, seed);
                }
            }
            Command::GoToPhase(n) => {
                self.require_running()?;
                if n >= self.s().agenda.len() {
                    return Err(Refusal::NoSuchPhase);
                }
                self.leave_phase();
                self.start_phase(n, seed);
            }
            Command::Next => {
                let (_, kind) = self.require_phase()?;
                match kind {
                    PhaseKind::Round => {
                        let was_speaking = self.end_live_turn(false);
                        if !self.advance_round() && !was_speaking {
                            return Err(Refusal::RoundComplete);
                        }
                    }
                    PhaseKind::Open => {
                        let was_speaking = self.end_live_turn(false);
                        match self.s().queue().first().cloned() {
                            Some(speaker) => self.emit(EventKind::TurnStarted {
                                speaker,
                                slot: None,
                            }),
                            None if was_speaking => {}
                            None => return Err(Refusal::QueueEmpty),
                        }
                    }
                    _ => return Err(Refusal::NoTurns),
                }
            }
            Command::Pass => {
                let (phase, kind) = self.require_phase()?;
                if kind != PhaseKind::Round {
                    return Err(Refusal::NotARound);
                }
                if !self.s().agenda[phase].pass_allowed {
                    return Err(Refusal::PassNotAllowed);
                }
                let was_speaking = self.s().turn.is_some();
                if !was_speaking {
                    // The person next up passes before starting: a turn of no time.
                    let (slot, speaker) = self.s().next_up().ok_or(Refusal::RoundComplete)?;
                    self.emit(EventKind::TurnStarted {
                        speaker,
                        slot: Some(slot),
                    });
                }
                self.end_live_turn(true);
                if was_speaking {
                    self.advance_round();
                }
            }
            Command::Back => {
                let (_, kind) = self.require_phase()?;
                if kind != PhaseKind::Round {
                    return Err(Refusal::NotARound);
                }
                self.back()?;
            }
            Command::GiveFloor(who) => {
                let (_, kind) = self.require_phase()?;
                if kind != PhaseKind::Open {
                    return Err(Refusal::NotOpen);
                }
                self.require_person(&who)?;
                self.end_live_turn(false);
                self.emit(EventKind::TurnStarted {
                    speaker: who,
                    slot: None,
                });
            }
            Command::EndTurn => {
                self.require_phase()?;
                if !self.end_live_turn(false) {
                    return Err(Refusal::NobodySpeaking);
                }
            }
            Command::RaiseHand(who) => {
                let (_, kind) = self.require_phase()?;
                if kind != PhaseKind::Open {
                    return Err(Refusal::NotOpen);
                }
                self.require_person(&who)?;
                if self.s().hands.contains(&who) {
                    return Err(Refusal::HandAlreadyUp);
                }
                self.emit(EventKind::HandRaised { who });
            }
            Command::LowerHand(who) => {
                self.require_phase()?;
                if !self.s().hands.contains(&who) {
                    return Err(Refusal::HandNotUp);
                }
                self.emit(EventKind::HandLowered { who });
            }
            Command::Note(text) => {
                self.require_running()?;
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if text.is_empty() {
                    return Err(Refusal::EmptyNote);
                }
                let text: String = text.chars().take(MAX_NOTE_CHARS).collect();
                let turn = if self.s().turn.is_some() {
                    self.s().turns.len()
                } else if !self.s().turns.is_empty() {
                    self.s().turns.len() - 1
                } else {
                    return Err(Refusal::NoTurnToNote);
                };
                self.emit(EventKind::TurnNoted { turn, text });
            }
            Command::Pause => {
                self.require_running()?;
                if self.s().paused {
                    return Err(Refusal::AlreadyPaused);
                }
                self.emit(EventKind::Paused);
            }
            Command::Resume => {
                self.require_running()?;
                if !self.s().paused {
                    return Err(Refusal::NotPaused);
                }
                self.emit(EventKind::Resumed);
            }
            Command::Extend { delta_ms } => {
                let (phase, _) = self.require_phase()?;
                let timebox = self.s().phase_timebox().unwrap_or(0) as i64;
                // Never below zero: −1 min on 30 s left takes the 30 s.
                let delta_ms = delta_ms.max(-timebox);
                if delta_ms == 0 {
                    return Err(Refusal::NoTimeToTake);
                }
                self.emit(EventKind::PhaseExtended { phase, delta_ms });
            }
            Command::SetPresent { who, present } => {
                self.require_running()?;
                let person = self.s().person(&who).ok_or(Refusal::UnknownPerson)?;
                if person.present == present {
                    return Ok(());
                }
                if !present && self.s().turn.as_ref().is_some_and(|t| t.speaker == who) {
                    self.end_live_turn(false);
                }
                if !present && self.s().hands.contains(&who) {
                    self.emit(EventKind::HandLowered { who: who.clone() });
                }
                self.emit(EventKind::AttendanceChanged { who, present });
            }
            Command::AddGuest { name, role } => {
                self.require_running()?;
                let name = super::group::clean_name(&name).map_err(|_| Refusal::EmptyName)?;
                let n = self.s().people.iter().filter(|p| p.guest).count() + 1;
                let guest = Participant {
                    id: MemberId(format!("g{n}")),
                    name,
                    role,
                    guest: true,
                    present: true,
                };
                self.emit(EventKind::GuestAdded { guest });
            }
            Command::Interrupt(reason) => {
                self.require_running()?;
                self.emit(EventKind::Interrupted { reason });
            }
            Command::Reopen { gap_ms } => {
                self.require_running()?;
                self.emit(EventKind::Reopened { gap_ms });
            }
            Command::End => {
                self.require_running()?;
                self.leave_phase();
                self.emit(EventKind::MeetingEnded);
            }
            command => self.outcome(command)?,
        }
        Ok(())
    }

    /// Commands about ideas, votes, decisions and actions.
    fn outcome(&mut self, command: Command) -> Result<(), Refusal> {
        self.require_running()?;
        let live = |s: &MeetingState, id: u32| s.idea(id).map(|_| ()).ok_or(Refusal::NoSuchIdea);
        match command {
            Command::AddIdea { text, author } => {
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
            }
            Command::EditIdea { idea, text } => {
                live(self.s(), idea)?;
                let text = clean_text(&text)?;
                self.emit(EventKind::IdeaEdited { idea, text });
            }
            Command::RemoveIdea(idea) => {
                live(self.s(), idea)?;
                self.emit(EventKind::IdeaRemoved { idea });
            }
            Command::MergeIdeas { into, from } => {
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
            }
            Command::RevealIdeas => {
                if !self.s().ideas.iter().any(|i| i.hidden && i.live()) {
                    return Err(Refusal::NothingHidden);
                }
                self.emit(EventKind::IdeasRevealed);
            }
            Command::AddTheme(name) => {
                let name = clean_text(&name)?;
                let theme = self.s().themes.len() as u32 + 1;
                self.emit(EventKind::ThemeAdded { theme, name });
            }
            Command::RenameTheme { theme, name } => {
                if !self.s().themes.iter().any(|t| t.id == theme) {
                    return Err(Refusal::NoSuchTheme);
                }
                let name = clean_text(&name)?;
                self.emit(EventKind::ThemeRenamed { theme, name });
            }
            Command::SetTheme { idea, theme } => {
                live(self.s(), idea)?;
                if let Some(t) = theme
                    && !self.s().themes.iter().any(|x| x.id == t)
                {
                    return Err(Refusal::NoSuchTheme);
                }
                self.emit(EventKind::IdeaThemed { idea, theme });
            }
            Command::OpenVote(options) => {
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
                    spec.budget.unwrap_or_else(|| {
                        super::vote::default_budget(options.len(), spec.cap.unwrap_or(0))
                    })
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
            }
            Command::CastBallot { side, ballot } => {
                let vote = self.s().open_vote().ok_or(Refusal::NoOpenVote)?;
                // One ballot per person present: after a resume the screen no longer knows
                // who voted (ballots are anonymous), but the count still holds.
                if vote.ballots.len() >= self.s().present().count() {
                    return Err(Refusal::EveryoneVoted);
                }
                vote.check(&ballot).map_err(Refusal::BadBallot)?;
                let vote = vote.id;
                self.emit(EventKind::BallotCast { vote, side, ballot });
            }
            Command::CountHands(counts) => {
                let vote = self.s().open_vote().ok_or(Refusal::NoOpenVote)?;
                if counts.len() != vote.hand_slots() {
                    return Err(Refusal::BadBallot(BallotError::WrongLength));
                }
                let vote = vote.id;
                self.emit(EventKind::HandsCounted { vote, counts });
            }
            Command::CloseVote => {
                let vote = self.s().open_vote().ok_or(Refusal::NoOpenVote)?.id;
                self.emit(EventKind::VoteClosed { vote });
            }
            Command::RecordDecision {
                text,
                basis,
                review,
            } => {
                let text = clean_text(&text)?;
                let id = self.s().decisions.iter().map(|d| d.id).max().unwrap_or(0) + 1;
                self.emit(EventKind::DecisionRecorded {
                    decision: Decision {
                        id,
                        text,
                        basis,
                        review,
                    },
                });
            }
            Command::RemoveDecision(decision) => {
                if !self.s().decisions.iter().any(|d| d.id == decision) {
                    return Err(Refusal::NoSuchDecision);
                }
                self.emit(EventKind::DecisionRemoved { decision });
            }
            Command::EditDecision {
                decision,
                text,
                basis,
                review,
            } => {
                if !self.s().decisions.iter().any(|d| d.id == decision) {
                    return Err(Refusal::NoSuchDecision);
                }
                self.emit(EventKind::DecisionEdited {
                    decision: Decision {
                        id: decision,
                        text: clean_text(&text)?,
                        basis,
                        review,
                    },
                });
            }
            Command::AddAction { text, owner, due } => {
                let text = clean_text(&text)?;
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
                };
                self.emit(EventKind::ActionAdded { action });
            }
            Command::EditAction {
                id,
                text,
                owner,
                due,
            } => {
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
            }
            Command::RemoveAction(id) => {
                if !self.s().actions.iter().any(|a| a.id == id) {
                    return Err(Refusal::NoSuchAction);
                }
                self.emit(EventKind::ActionRemoved { id });
            }
            Command::ReviewAction { id, status, due } => {
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
            }
            // The meeting commands are all handled in `run`; nothing else reaches here.
            _ => {}
        }
        Ok(())
    }
}

/// A meeting: the record that is saved and its live state, kept in step.
#[derive(Debug, Clone)]
pub struct Meeting {
    record: SessionRecord,
    state: MeetingState,
}

impl Meeting {
    /// Opens a record, rebuilding its state from the events.
    pub fn new(record: SessionRecord) -> Meeting {
        let state = MeetingState::replay(&record);
        Meeting { record, state }
    }

    pub fn record(&self) -> &SessionRecord {
        &self.record
    }

    pub fn state(&self) -> &MeetingState {
        &self.state
    }

    /// Gives the record up, e.g. to save it.
    pub fn into_record(self) -> SessionRecord {
        self.record
    }

    /// Marks that the meeting was still running at `stamp`, so that after a crash the time
    /// up to here counts as spoken and phase time, not as a pause. Only while timers run and
    /// at most every [`HEARTBEAT_MS`]; a heartbeat right after another replaces it, so the
    /// log holds at most one between two real events. Returns whether the record changed
    /// (and so wants saving).
    pub fn heartbeat(&mut self, stamp: Stamp) -> bool {
        let Some(last) = self.record.events.last() else {
            return false;
        };
        if !self.state.running() || stamp.mono_ms < last.mono_ms.saturating_add(HEARTBEAT_MS) {
            return false;
        }
        let seq = if last.event == EventKind::Heartbeat {
            last.seq
        } else {
            last.seq + 1
        };
        let event = Event {
            seq,
            at: last.at.max(stamp.at),
            mono_ms: stamp.mono_ms,
            event: EventKind::Heartbeat,
        };
        self.state.apply(&event);
        if last.event == EventKind::Heartbeat {
            self.record.events.pop();
        }
        self.record.events.push(event);
        true
    }

    /// Carries out a command at `stamp`. On success the new events are appended to the
    /// record and the state; returns how many there were.
    pub fn execute(&mut self, command: Command, stamp: Stamp, seed: u64) -> Result<usize, Refusal> {
        // Never let the meeting clock run backwards, whatever the caller's clock did.
        let last = self.record.events.last();
        let stamp = Stamp {
            at: last.map_or(stamp.at, |e| e.at.max(stamp.at)),
            mono_ms: last.map_or(stamp.mono_ms, |e| e.mono_ms.max(stamp.mono_ms)),
        };
        let kinds = self.state.decide(command, stamp, seed)?;
        let count = kinds.len();
        for kind in kinds {
            let event = Event {
                seq: self.record.events.len() as u64 + 1,
                at: stamp.at,
                mono_ms: stamp.mono_ms,
                event: kind,
            };
            self.state.apply(&event);
            self.record.events.push(event);
        }
        Ok(count)
    }
}
