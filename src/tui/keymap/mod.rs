//! One keymap: keys become named [`Action`]s, and the same table draws the footer hints and
//! the `?` help, so what the screen says and what the keys do can never disagree.
//!
//! Here: the actions, the contexts and which tables a context uses. The keys and bindings
//! are in `keys`, the shell's tables in `tables`.

mod keys;
mod tables;
#[cfg(test)]
mod tests;

pub use self::keys::{Binding, Key, binding, describe, is_movement};

use crossterm::event::KeyEvent;

use self::tables::{
    CONFIRM, FINDINGS, GLOBAL, GROUP_EDITOR, HELP, HOME, HOME_EMPTY, LIST, MEETING, MEETING_OPEN,
    MEETING_ROUND, PICKER, PROMPT, SETUP_AGENDA, SETUP_ATTENDANCE, SETUP_LIST, SETUP_TEXT, SUMMARY,
};

/// Everything a key can ask for. Which ones apply depends on the [`KeyContext`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    // ---- everywhere ----
    /// Show or hide the list of keys.
    Help,
    /// Leave the current screen or close a dialog.
    Back,
    /// Quit parvi (asks when a meeting is running).
    Quit,
    Up,
    Down,
    /// Select the first item of a list.
    First,
    /// Select the last item of a list.
    Last,
    /// Move the selected item up (earlier).
    MoveUp,
    /// Move the selected item down (later).
    MoveDown,
    /// Choose the selected item or go on.
    Confirm,
    /// Switch between panels.
    NextPanel,

    // ---- home ----
    /// Start setting up a meeting.
    NewMeeting,
    /// Create a group.
    NewGroup,
    /// Edit the selected group.
    EditGroup,
    /// Resume the unfinished meeting.
    Resume,
    /// Load the bundled sample group and its meetings.
    LoadSample,
    /// Open the selected group's year clock.
    OpenClock,

    // ---- the year clock ----
    /// Show the previous school year.
    PreviousYear,
    /// Show the next school year.
    NextYear,

    // ---- setup and group editing ----
    /// Tick or untick (attendance).
    Toggle,
    /// Add a guest or a member.
    Add,
    /// Remove the selected item (asks when it loses data).
    Remove,
    /// Change the selected item.
    Edit,
    /// One minute more for the selected phase.
    MoreTime,
    /// One minute less for the selected phase.
    LessTime,
    /// The next speaking order for the selected round.
    CycleOrder,

    // ---- meeting ----
    /// Start the next speaker's turn (ending the current one).
    NextSpeaker,
    /// The speaker passes.
    Pass,
    /// Back to the previous speaker.
    PreviousSpeaker,
    /// End the current turn without starting another.
    EndTurn,
    /// Someone raises a hand (open discussion).
    RaiseHand,
    /// Give the floor to someone (open discussion).
    GiveFloor,
    /// A one-line note on the turn.
    Note,
    /// Pause or resume every timer.
    TogglePause,
    /// Say how to open the room's wall in a second window (`parvi wall`).
    WallHow,
    /// Turn phone input on or off.
    Phones,
    /// One minute more for the phase.
    AddMinute,
    /// One minute less for the phase.
    RemoveMinute,
    /// End this agenda item and start the next.
    NextPhase,
    /// Jump to an agenda item.
    GoToPhase,
    /// Mark someone present or away, or add a guest.
    Attendance,
    /// End the meeting, or leave it to resume later.
    EndMeeting,

    // ---- ideas, votes, decisions, actions ----
    /// Merge the selected idea into another.
    Merge,
    /// Show the ideas written in private.
    Reveal,
    /// Move the selected year-clock item to another month.
    MoveItem,
    /// Put a new item on the year clock.
    NewItem,
    /// Say where the selected decision or action came from, and how students took part.
    Origin,
    /// Create a theme.
    NewTheme,
    /// Rename a theme.
    RenameTheme,
    /// Open the vote.
    OpenVote,
    /// Close the vote and show the results.
    CloseVote,
    /// Enter counted hands.
    CountHands,
    /// The previous page of a long list.
    PagePrev,
    /// The next page of a long list.
    PageNext,

    // ---- the review of past meetings ----
    /// Open the archive of past meetings (home).
    Review,
    /// Type words to search for.
    Search,
    /// Show one group's meetings only.
    FilterGroup,
    /// Show one format's meetings only.
    FilterFormat,
    /// Show the meetings of a date range only.
    FilterDates,
    /// Show every meeting again.
    ClearFilters,
    /// A group's trends and open actions.
    Trend,
    /// Export the meeting's minutes.
    Export,
    /// Scroll to the next section.
    NextSection,
    /// A group's yearly participation report.
    Report,
}

/// Where the keyboard is: decides which bindings apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
    Home,
    /// The welcome screen of an empty data directory.
    HomeEmpty,
    /// Typing the topic.
    SetupText,
    SetupList,
    SetupAttendance,
    SetupAgenda,
    GroupEditor,
    /// A meeting in a round.
    MeetingRound,
    /// A meeting in an open discussion.
    MeetingOpen,
    /// A meeting in any other kind of phase.
    MeetingOther,
    /// A meeting between agenda items or after the last one.
    MeetingIdle,
    /// Silent writing (ideas hidden until revealed).
    MeetingWriting,
    /// Ideas on the wall.
    MeetingIdeas,
    /// Ideas into themes.
    MeetingGrouping,
    /// A vote: setting up the options, taking ballots, showing results.
    MeetingVote,
    /// One voter at the keyboard (the vote module reads the keys itself).
    MeetingBallot,
    MeetingDecisions,
    MeetingActions,
    /// Following up earlier meetings' actions.
    MeetingReview,
    /// Going through the year clock.
    MeetingClock,
    /// The summary of a meeting.
    Summary,
    /// The archive of past meetings.
    Review,
    /// Typing into the archive's search field.
    ReviewSearch,
    /// A past meeting in the review.
    ReviewSession,
    /// A group's trends and open actions.
    ReviewTrend,
    /// A group's yearly participation report.
    ReviewReport,
    /// A group's year clock, as a ring, a month table or a list.
    YearClock,
    /// A one-line text field in a dialog.
    Prompt,
    /// Read-only view of a meeting (another parvi holds the data).
    Picker,
    Confirm,
    Help,
    /// The guard's findings before publishing: publish anyway, or cancel.
    Findings,
}

impl KeyContext {
    /// Every context, in declaration order: the keymap tests go through all of them.
    pub const ALL: [KeyContext; 32] = [
        KeyContext::Home,
        KeyContext::HomeEmpty,
        KeyContext::SetupText,
        KeyContext::SetupList,
        KeyContext::SetupAttendance,
        KeyContext::SetupAgenda,
        KeyContext::GroupEditor,
        KeyContext::MeetingRound,
        KeyContext::MeetingOpen,
        KeyContext::MeetingOther,
        KeyContext::MeetingIdle,
        KeyContext::MeetingWriting,
        KeyContext::MeetingIdeas,
        KeyContext::MeetingGrouping,
        KeyContext::MeetingVote,
        KeyContext::MeetingBallot,
        KeyContext::MeetingDecisions,
        KeyContext::MeetingActions,
        KeyContext::MeetingReview,
        KeyContext::Summary,
        KeyContext::Review,
        KeyContext::ReviewSearch,
        KeyContext::ReviewSession,
        KeyContext::ReviewTrend,
        KeyContext::YearClock,
        KeyContext::Prompt,
        KeyContext::Picker,
        KeyContext::Confirm,
        KeyContext::Help,
        KeyContext::MeetingClock,
        KeyContext::Findings,
        KeyContext::ReviewReport,
    ];

    /// The context's place in [`KeyContext::ALL`]. The match has no wildcard, so a new
    /// context does not compile until it has a place, and a test checks `ALL` against it.
    pub const fn index(self) -> usize {
        match self {
            KeyContext::Home => 0,
            KeyContext::HomeEmpty => 1,
            KeyContext::SetupText => 2,
            KeyContext::SetupList => 3,
            KeyContext::SetupAttendance => 4,
            KeyContext::SetupAgenda => 5,
            KeyContext::GroupEditor => 6,
            KeyContext::MeetingRound => 7,
            KeyContext::MeetingOpen => 8,
            KeyContext::MeetingOther => 9,
            KeyContext::MeetingIdle => 10,
            KeyContext::MeetingWriting => 11,
            KeyContext::MeetingIdeas => 12,
            KeyContext::MeetingGrouping => 13,
            KeyContext::MeetingVote => 14,
            KeyContext::MeetingBallot => 15,
            KeyContext::MeetingDecisions => 16,
            KeyContext::MeetingActions => 17,
            KeyContext::MeetingReview => 18,
            KeyContext::Summary => 19,
            KeyContext::Review => 20,
            KeyContext::ReviewSearch => 21,
            KeyContext::ReviewSession => 22,
            KeyContext::ReviewTrend => 23,
            KeyContext::YearClock => 24,
            KeyContext::Prompt => 25,
            KeyContext::Picker => 26,
            KeyContext::Confirm => 27,
            KeyContext::Help => 28,
            KeyContext::MeetingClock => 29,
            KeyContext::Findings => 30,
            KeyContext::ReviewReport => 31,
        }
    }
}

/// The bindings of a context, most specific first, global ones last.
pub fn bindings(context: KeyContext) -> Vec<&'static Binding> {
    let own: &[&[Binding]] = match context {
        KeyContext::Home => &[HOME, LIST],
        KeyContext::HomeEmpty => &[HOME_EMPTY],
        KeyContext::SetupText => &[SETUP_TEXT],
        KeyContext::SetupList => &[SETUP_LIST, LIST],
        KeyContext::SetupAttendance => &[SETUP_ATTENDANCE, LIST],
        KeyContext::SetupAgenda => &[SETUP_AGENDA, LIST],
        KeyContext::GroupEditor => &[GROUP_EDITOR, LIST],
        KeyContext::MeetingRound => &[MEETING_ROUND, MEETING],
        KeyContext::MeetingOpen => &[MEETING_OPEN, MEETING],
        KeyContext::MeetingOther | KeyContext::MeetingIdle => &[MEETING],
        KeyContext::MeetingWriting | KeyContext::MeetingIdeas | KeyContext::MeetingGrouping => {
            &[crate::tui::screens::meeting::ideas::keys(context), MEETING]
        }
        KeyContext::MeetingVote => &[crate::tui::screens::meeting::vote::KEYS, MEETING],
        KeyContext::MeetingBallot => {
            return crate::tui::screens::meeting::vote::BALLOT_KEYS
                .iter()
                .collect();
        }
        KeyContext::MeetingDecisions
        | KeyContext::MeetingActions
        | KeyContext::MeetingReview
        | KeyContext::MeetingClock => &[
            crate::tui::screens::meeting::records::keys(context),
            MEETING,
        ],
        KeyContext::Picker => &[PICKER, LIST],
        KeyContext::Summary => &[SUMMARY],
        KeyContext::Review
        | KeyContext::ReviewSession
        | KeyContext::ReviewTrend
        | KeyContext::ReviewReport => &[crate::tui::screens::review::keys(context)],
        KeyContext::ReviewSearch => {
            return crate::tui::screens::review::SEARCH_KEYS.iter().collect();
        }
        KeyContext::YearClock => &[crate::tui::screens::clock::KEYS, LIST],
        KeyContext::Confirm => &[CONFIRM],
        KeyContext::Findings => &[FINDINGS, LIST],
        KeyContext::Prompt => return PROMPT.iter().collect(),
        KeyContext::Help => return HELP.iter().collect(),
    };
    let mut out: Vec<&'static Binding> = own.iter().flat_map(|group| group.iter()).collect();
    // A global key the screen already uses for itself (Esc) keeps the screen's meaning.
    for global in GLOBAL {
        let taken = global
            .keys
            .iter()
            .any(|k| out.iter().any(|b| b.keys.contains(k)));
        if !taken {
            out.push(global);
        }
    }
    out
}

/// The action a key asks for in a context, if any.
pub fn action_for(context: KeyContext, key: &KeyEvent) -> Option<Action> {
    bindings(context)
        .into_iter()
        .find(|binding| binding.keys.iter().any(|k| k.matches(key)))
        .map(|binding| binding.action)
}
