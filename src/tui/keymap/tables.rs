//! The shell's binding tables: the keys of the home screen, setup, the group editor, the
//! meeting's common keys, the summary and the dialogs (the phases and the review keep their
//! own tables next to their screens). Data only, each table in the order the footer and the
//! help list its keys.

use super::keys::binding as b;
use super::{Action, Binding, Key};

/// Keys that work on every screen (unless a text field has the keyboard).
pub(super) const GLOBAL: &[Binding] = &[
    b(&[Key::Char('?')], Action::Help, |t| t.key_help, true),
    b(&[Key::CtrlC], Action::Quit, |t| t.key_quit, false),
];

pub(super) const LIST: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, |t| t.key_up, false),
    b(
        &[Key::Down, Key::Char('j')],
        Action::Down,
        |t| t.key_down,
        false,
    ),
];

pub(super) const HOME: &[Binding] = &[
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
        &[Key::Char('c')],
        Action::OpenClock,
        |t| t.clock.key_open,
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

pub(super) const HOME_EMPTY: &[Binding] = &[
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

pub(super) const SETUP_TEXT: &[Binding] = &[
    b(&[Key::Enter], Action::Confirm, |t| t.key_next_step, true),
    b(&[Key::Esc], Action::Back, |t| t.key_previous_step, true),
];

pub(super) const SETUP_LIST: &[Binding] = &[
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

pub(super) const SETUP_ATTENDANCE: &[Binding] = &[
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

pub(super) const SETUP_AGENDA: &[Binding] = &[
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

pub(super) const GROUP_EDITOR: &[Binding] = &[
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
pub(super) const MEETING: &[Binding] = &[
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
    b(
        &[Key::Char('w')],
        Action::WallHow,
        |t| t.wall.key_how,
        false,
    ),
    b(&[Key::Char('P')], Action::Phones, |t| t.phones.key, false),
];

pub(super) const MEETING_ROUND: &[Binding] = &[
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

pub(super) const MEETING_OPEN: &[Binding] = &[
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

pub(super) const SUMMARY: &[Binding] = &[b(
    &[Key::Enter, Key::Esc],
    Action::Back,
    |t| t.key_back_home,
    true,
)];

pub(super) const PROMPT: &[Binding] = &[
    b(&[Key::Enter], Action::Confirm, |t| t.key_done, true),
    b(&[Key::Esc], Action::Back, |t| t.key_cancel, true),
];

pub(super) const PICKER: &[Binding] = &[
    b(&[Key::Enter], Action::Confirm, |t| t.key_choose, true),
    b(&[Key::Esc], Action::Back, |t| t.key_cancel, true),
    b(&[Key::Home], Action::First, |t| t.key_first, false),
    b(&[Key::End], Action::Last, |t| t.key_last, false),
];

pub(super) const CONFIRM: &[Binding] = &[
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

/// The guard's findings: publishing anyway takes a letter of its own, never Enter, so a
/// facilitator who pressed Enter to export does not publish by pressing it again.
pub(super) const FINDINGS: &[Binding] = &[
    b(
        &[Key::Char('p')],
        Action::Confirm,
        |t| t.guard.key_publish,
        true,
    ),
    b(&[Key::Esc], Action::Back, |t| t.guard.key_fix, true),
];

pub(super) const HELP: &[Binding] = &[b(
    &[Key::Esc, Key::Char('?'), Key::Enter, Key::Char('q')],
    Action::Back,
    |t| t.key_close,
    true,
)];
