//! What the facilitator can ask of the engine ([`Command`]) and why it may say no
//! ([`Refusal`]).

use crate::model::clock::{ClockError, ItemDraft, ItemStatus, SchoolYear, When};
use crate::model::group::MemberId;
use crate::model::outcomes::{ActionStatus, Basis, Due, Origin, Outcome, Owner};
use crate::model::role::{Role, Side};
use crate::model::session::Interruption;
use crate::model::vote::{Ballot, BallotError, VoteOption};

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
    /// One voter's ballot; only their side is recorded (`None`: a phone's voter would rather
    /// not say).
    CastBallot {
        side: Option<Side>,
        ballot: Ballot,
    },
    /// A voter's changed ballot in place of ballot `replaces` (1, 2, 3… in the vote's
    /// order) of the open vote: a phone changes its vote until the vote closes.
    ReplaceBallot {
        replaces: u32,
        side: Option<Side>,
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
        /// The year-clock item the action is agreed on, in a `year_clock` phase.
        clock_item: Option<String>,
    },
    EditAction {
        id: String,
        text: String,
        owner: Owner,
        due: Due,
    },
    RemoveAction(String),
    /// Where a decision or an action of this meeting came from, and how far students took
    /// part in it (empty to clear).
    SetOrigin {
        of: Outcome,
        origin: Origin,
    },
    /// Follow up an action of an earlier meeting: done, continued (with a new date) or
    /// dropped.
    ReviewAction {
        id: String,
        status: ActionStatus,
        due: Option<Due>,
    },
    /// Mark a year-clock item planned, underway, done or skipped for school year `year`.
    MarkClockItem {
        item: String,
        year: SchoolYear,
        status: ItemStatus,
    },
    /// Move a year-clock item to other months or weeks.
    MoveClockItem {
        item: String,
        when: When,
    },
    /// Put a new item on the year clock (the yearly review), every year unless said.
    AddClockItem(ItemDraft),
    /// Take an item off the year clock.
    RemoveClockItem(String),
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
    #[error("there is no such ballot in the open vote")]
    NoSuchBallot,
    #[error("the group has no year clock")]
    NoClock,
    #[error("the year clock has no such item")]
    NoSuchClockItem,
    #[error("the year clock cannot take that: {0}")]
    BadClockChange(ClockError),
}
