//! One keymap: keys become named [`Action`]s, and the same table draws the footer hints and
//! the `?` help, so what the screen says and what the keys do can never disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Text;

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
    /// A one-line text field in a dialog.
    Prompt,
    /// Read-only view of a meeting (another parvi holds the data).
    Picker,
    Confirm,
    Help,
}

impl KeyContext {
    /// Every context, in declaration order: the keymap tests go through all of them.
    pub const ALL: [KeyContext; 28] = [
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
        KeyContext::Prompt,
        KeyContext::Picker,
        KeyContext::Confirm,
        KeyContext::Help,
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
            KeyContext::Prompt => 24,
            KeyContext::Picker => 25,
            KeyContext::Confirm => 26,
            KeyContext::Help => 27,
        }
    }
}

/// A pressed key as written in a message ("The key F5 does nothing here"); `None` for a
/// key that is not worth a message (a lone modifier, a media key).
pub fn describe(event: &KeyEvent) -> Option<String> {
    let name = match event.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab | KeyCode::BackTab => "Tab".into(),
        KeyCode::Backspace => "⌫".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Insert => "Ins".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        _ => return None,
    };
    let mut prefix = String::new();
    if event.modifiers.contains(KeyModifiers::CONTROL) {
        prefix.push_str("Ctrl-");
    }
    if event.modifiers.contains(KeyModifiers::ALT) {
        prefix.push_str("Alt-");
    }
    Some(prefix + &name)
}

/// Whether the key moves a selection or a scroll (arrows, paging, Home, End).
pub fn is_movement(event: &KeyEvent) -> bool {
    matches!(
        event.code,
        KeyCode::Up
            | KeyCode::Down
            | KeyCode::Left
            | KeyCode::Right
            | KeyCode::PageUp
            | KeyCode::PageDown
            | KeyCode::Home
            | KeyCode::End
    )
}

/// A key as written in the footer and the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    Up,
    Down,
    Left,
    Right,
    Delete,
    Backspace,
    /// Shift with an arrow.
    ShiftUp,
    ShiftDown,
    CtrlC,
    Home,
    End,
}

impl Key {
    /// How the key is written on screen.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".to_string(),
            Key::Char(c) => c.to_string(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::Delete => "Del".into(),
            Key::Backspace => "⌫".into(),
            Key::ShiftUp => "⇧↑".into(),
            Key::ShiftDown => "⇧↓".into(),
            Key::CtrlC => "Ctrl-C".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
        }
    }

    /// Whether this key is the one pressed.
    pub fn matches(self, event: &KeyEvent) -> bool {
        let shift = event.modifiers.contains(KeyModifiers::SHIFT);
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match (self, event.code) {
            (Key::CtrlC, KeyCode::Char('c')) => ctrl,
            (_, _) if ctrl => false,
            (Key::Char(a), KeyCode::Char(b)) => a == b,
            (Key::Enter, KeyCode::Enter) => true,
            (Key::Esc, KeyCode::Esc) => true,
            (Key::Tab, KeyCode::Tab | KeyCode::BackTab) => true,
            (Key::Up, KeyCode::Up) | (Key::Down, KeyCode::Down) => !shift,
            (Key::ShiftUp, KeyCode::Up) | (Key::ShiftDown, KeyCode::Down) => shift,
            (Key::Left, KeyCode::Left) => true,
            (Key::Right, KeyCode::Right) => true,
            (Key::Delete, KeyCode::Delete) => true,
            (Key::Backspace, KeyCode::Backspace) => true,
            (Key::Home, KeyCode::Home) => true,
            (Key::End, KeyCode::End) => true,
            _ => false,
        }
    }
}

/// One line of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// The label in the footer and the help.
    pub label: fn(&Text) -> &'static str,
    /// Shown in the footer (the rest only in the help).
    pub footer: bool,
}

/// A binding, for the tables of the phase modules.
pub const fn binding(
    keys: &'static [Key],
    action: Action,
    label: fn(&Text) -> &'static str,
    footer: bool,
) -> Binding {
    b(keys, action, label, footer)
}

const fn b(
    keys: &'static [Key],
    action: Action,
    label: fn(&Text) -> &'static str,
    footer: bool,
) -> Binding {
    Binding {
        keys,
        action,
        label,
        footer,
    }
}

/// Keys that work on every screen (unless a text field has the keyboard).
const GLOBAL: &[Binding] = &[
    b(&[Key::Char('?')], Action::Help, |t| t.key_help, true),
    b(&[Key::CtrlC], Action::Quit, |t| t.key_quit, false),
];

const LIST: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, |t| t.key_up, false),
    b(
        &[Key::Down, Key::Char('j')],
        Action::Down,
        |t| t.key_down,
        false,
    ),
];

const HOME: &[Binding] = &[
    b(&[Key::Enter], Action::Confirm, |t| t.key_choose, true),
    b(&[Key::Tab], Action::NextPanel, |t| t.key_next_panel, true),
    b(
        &[Key::Char('n')],
        Action::NewMeeting,
        |t| t.key_new_meeting,
        true,
    ),
    b(&[Key::Char('r')], Action::Resume, |t| t.key_resume, true),
    b(
        &[Key::Char('g')],
        Action::NewGroup,
        |t| t.key_new_group,
        true,
    ),
    b(
        &[Key::Char('e')],
        Action::EditGroup,
        |t| t.key_edit_group,
        true,
    ),
    b(
        &[Key::Char('v')],
        Action::Review,
        |t| t.review.key_review,
        true,
    ),
    b(
        &[Key::Char('l')],
        Action::LoadSample,
        |t| t.key_load_sample,
        false,
    ),
    b(&[Key::Char('q')], Action::Quit, |t| t.key_quit, true),
];

const HOME_EMPTY: &[Binding] = &[
    b(
        &[Key::Char('l')],
        Action::LoadSample,
        |t| t.key_load_sample,
        true,
    ),
    b(
        &[Key::Char('g')],
        Action::NewGroup,
        |t| t.key_new_group,
        true,
    ),
    b(&[Key::Char('q')], Action::Quit, |t| t.key_quit, true),
];

const SETUP_TEXT: &[Binding] = &[
    b(&[Key::Enter], Action::Confirm, |t| t.key_next_step, true),
    b(&[Key::Esc], Action::Back, |t| t.key_previous_step, true),
];

const SETUP_LIST: &[Binding] = &[
    b(
        &[Key::Enter, Key::Right],
        Action::Confirm,
        |t| t.key_next_step,
        true,
    ),
    b(
        &[Key::Esc, Key::Left],
        Action::Back,
        |t| t.key_previous_step,
        true,
    ),
];

const SETUP_ATTENDANCE: &[Binding] = &[
    b(
        &[Key::Char(' ')],
        Action::Toggle,
        |t| t.key_toggle_present,
        true,
    ),
    b(&[Key::Char('a')], Action::Add, |t| t.key_add_guest, true),
    b(
        &[Key::Enter, Key::Right],
        Action::Confirm,
        |t| t.key_next_step,
        true,
    ),
    b(
        &[Key::Esc, Key::Left],
        Action::Back,
        |t| t.key_previous_step,
        true,
    ),
];

const SETUP_AGENDA: &[Binding] = &[
    b(
        &[Key::Enter],
        Action::Confirm,
        |t| t.key_start_meeting,
        true,
    ),
    b(
        &[Key::Esc, Key::Left],
        Action::Back,
        |t| t.key_previous_step,
        true,
    ),
    b(&[Key::Char('a')], Action::Add, |t| t.key_add_phase, true),
    b(
        &[Key::Char('+')],
        Action::MoreTime,
        |t| t.key_more_time,
        true,
    ),
    b(
        &[Key::Char('-')],
        Action::LessTime,
        |t| t.key_less_time,
        true,
    ),
    b(
        &[Key::Char('o')],
        Action::CycleOrder,
        |t| t.key_cycle_order,
        true,
    ),
    b(
        &[Key::Char(' ')],
        Action::Toggle,
        |t| t.key_toggle_names,
        true,
    ),
    b(
        &[Key::ShiftUp, Key::Char('K')],
        Action::MoveUp,
        |t| t.key_move_up,
        true,
    ),
    b(
        &[Key::ShiftDown, Key::Char('J')],
        Action::MoveDown,
        |t| t.key_move_down,
        true,
    ),
    b(
        &[Key::Char('x'), Key::Delete],
        Action::Remove,
        |t| t.key_drop_phase,
        true,
    ),
];

const GROUP_EDITOR: &[Binding] = &[
    b(&[Key::Enter], Action::Edit, |t| t.key_edit, true),
    b(&[Key::Char('a')], Action::Add, |t| t.key_add_member, true),
    b(&[Key::Esc], Action::Back, |t| t.key_done, true),
    b(
        &[Key::Char('x'), Key::Delete],
        Action::Remove,
        |t| t.key_remove_member,
        true,
    ),
    b(
        &[Key::ShiftUp, Key::Char('K')],
        Action::MoveUp,
        |t| t.key_move_up,
        true,
    ),
    b(
        &[Key::ShiftDown, Key::Char('J')],
        Action::MoveDown,
        |t| t.key_move_down,
        true,
    ),
];

/// Keys of every meeting screen.
const MEETING: &[Binding] = &[
    b(
        &[Key::Char('p')],
        Action::TogglePause,
        |t| t.key_pause,
        true,
    ),
    b(
        &[Key::Char('+')],
        Action::AddMinute,
        |t| t.key_add_minute,
        false,
    ),
    b(
        &[Key::Char('-')],
        Action::RemoveMinute,
        |t| t.key_remove_minute,
        false,
    ),
    b(
        &[Key::Char('n')],
        Action::NextPhase,
        |t| t.key_next_phase,
        true,
    ),
    b(
        &[Key::Char('g')],
        Action::GoToPhase,
        |t| t.key_go_to_phase,
        false,
    ),
    b(
        &[Key::Char('a')],
        Action::Attendance,
        |t| t.key_attendance,
        false,
    ),
    b(
        &[Key::Char('q')],
        Action::EndMeeting,
        |t| t.key_end_meeting,
        true,
    ),
];

const MEETING_ROUND: &[Binding] = &[
    b(
        &[Key::Char(' '), Key::Enter],
        Action::NextSpeaker,
        |t| t.key_next_speaker,
        true,
    ),
    b(&[Key::Char('s')], Action::Pass, |t| t.key_pass, true),
    b(
        &[Key::Char('b'), Key::Backspace],
        Action::PreviousSpeaker,
        |t| t.key_previous_speaker,
        true,
    ),
    b(
        &[Key::Char('e')],
        Action::EndTurn,
        |t| t.key_end_turn,
        false,
    ),
    b(&[Key::Char('m')], Action::Note, |t| t.key_note, true),
];

const MEETING_OPEN: &[Binding] = &[
    b(
        &[Key::Char(' '), Key::Enter],
        Action::NextSpeaker,
        |t| t.key_next_in_queue,
        true,
    ),
    b(
        &[Key::Char('h')],
        Action::RaiseHand,
        |t| t.key_raise_hand,
        true,
    ),
    b(
        &[Key::Char('f')],
        Action::GiveFloor,
        |t| t.key_give_floor,
        true,
    ),
    b(&[Key::Char('e')], Action::EndTurn, |t| t.key_end_turn, true),
    b(&[Key::Char('m')], Action::Note, |t| t.key_note, true),
];

const SUMMARY: &[Binding] = &[b(
    &[Key::Enter, Key::Esc],
    Action::Back,
    |t| t.key_back_home,
    true,
)];

const PROMPT: &[Binding] = &[
    b(&[Key::Enter], Action::Confirm, |t| t.key_done, true),
    b(&[Key::Esc], Action::Back, |t| t.key_cancel, true),
];

const PICKER: &[Binding] = &[
    b(&[Key::Enter], Action::Confirm, |t| t.key_choose, true),
    b(&[Key::Esc], Action::Back, |t| t.key_cancel, true),
    b(&[Key::Home], Action::First, |t| t.key_first, false),
    b(&[Key::End], Action::Last, |t| t.key_last, false),
];

const CONFIRM: &[Binding] = &[
    b(
        &[Key::Enter, Key::Char('y'), Key::Char('k'), Key::Char('j')],
        Action::Confirm,
        |t| t.key_yes,
        true,
    ),
    b(
        &[Key::Esc, Key::Char('n'), Key::Char('e')],
        Action::Back,
        |t| t.key_no,
        true,
    ),
];

const HELP: &[Binding] = &[b(
    &[Key::Esc, Key::Char('?'), Key::Enter, Key::Char('q')],
    Action::Back,
    |t| t.key_close,
    true,
)];

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
        KeyContext::MeetingDecisions | KeyContext::MeetingActions | KeyContext::MeetingReview => &[
            crate::tui::screens::meeting::records::keys(context),
            MEETING,
        ],
        KeyContext::Picker => &[PICKER, LIST],
        KeyContext::Summary => &[SUMMARY],
        KeyContext::Review | KeyContext::ReviewSession | KeyContext::ReviewTrend => {
            &[crate::tui::screens::review::keys(context)]
        }
        KeyContext::ReviewSearch => {
            return crate::tui::screens::review::SEARCH_KEYS.iter().collect();
        }
        KeyContext::Confirm => &[CONFIRM],
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    const ALL: [KeyContext; 28] = KeyContext::ALL;

    #[test]
    fn every_context_is_in_all_once_at_its_index() {
        for (i, context) in KeyContext::ALL.iter().enumerate() {
            assert_eq!(context.index(), i, "{context:?}");
        }
    }

    #[test]
    fn one_key_has_one_meaning_in_each_context() {
        for context in ALL {
            let bindings = bindings(context);
            let mut seen: Vec<Key> = Vec::new();
            for binding in &bindings {
                for key in binding.keys {
                    assert!(!seen.contains(key), "{context:?}: {key:?} is bound twice");
                    seen.push(*key);
                }
            }
        }
    }

    #[test]
    fn every_binding_has_a_label_in_every_language() {
        for context in ALL {
            for binding in bindings(context) {
                for lang in Lang::ALL {
                    assert!(!(binding.label)(lang.text()).trim().is_empty());
                }
            }
        }
    }

    #[test]
    fn keys_map_to_their_actions() {
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(
            action_for(KeyContext::MeetingRound, &key(' ')),
            Some(Action::NextSpeaker)
        );
        assert_eq!(
            action_for(KeyContext::MeetingRound, &key('s')),
            Some(Action::Pass)
        );
        assert_eq!(action_for(KeyContext::MeetingOpen, &key('s')), None);
        assert_eq!(
            action_for(KeyContext::MeetingOpen, &key('h')),
            Some(Action::RaiseHand)
        );
        let shift_up = KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT);
        assert_eq!(
            action_for(KeyContext::SetupAgenda, &shift_up),
            Some(Action::MoveUp)
        );
        let up = KeyEvent::new(KeyCode::Up, KeyModifiers::NONE);
        assert_eq!(action_for(KeyContext::SetupAgenda, &up), Some(Action::Up));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(KeyContext::MeetingRound, &ctrl_c),
            Some(Action::Quit)
        );
    }
}
