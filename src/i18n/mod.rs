//! The string catalogue: every user-facing text in Finnish, Swedish and English.
//!
//! Each language is one value of [`Text`], a struct with a field per string, so a string
//! missing from any language is a compile error rather than a blank on the wall. Texts with
//! values use `{name}` placeholders filled by [`fill`]; a test checks that every language uses
//! the same placeholders for each string.

pub mod clock;
pub mod clock_edit;
pub mod clock_walk;
pub mod datadir;
mod en;
mod fi;
pub mod glossary;
pub mod guard;
pub mod ideas;
pub mod limits;
pub mod minutes;
pub mod notice;
pub mod origin;
pub mod phones;
pub mod records;
pub mod report;
pub mod review;
mod sv;
pub mod sync;
pub mod vote;
pub mod wall;
pub mod words;

use serde::Serialize;

use crate::model::{GroupKind, OrderRule, PhaseKind, Role, Side};

pub use crate::lang::Lang;

/// The catalogue of a language lives here, the language itself in the leaf [`crate::lang`].
impl Lang {
    /// The catalogue for this language.
    pub fn text(self) -> &'static Text {
        match self {
            Lang::Fi => &fi::TEXT,
            Lang::Sv => &sv::TEXT,
            Lang::En => &en::TEXT,
        }
    }
}

/// A number with `places` decimals and the language's decimal separator ("0,82" in Finnish
/// and Swedish, "0.82" in English): the one way parvi writes a decimal, on screen, in the
/// minutes and on the command line.
pub fn decimal(lang: Lang, x: f64, places: usize) -> String {
    format!("{x:.places$}").replace('.', lang.text().records.decimal_separator)
}

/// `text` with its first letter in capitals ("ideat" → "Ideat"): a catalogue word put at
/// the start of a title or a sentence.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Fills `{name}` placeholders in a catalogue text.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let key = &after[..close];
                match values.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every user-facing string of one language.
///
/// Grouped by where it is used; arrays are indexed by the enum they name (in the enum's
/// `ALL` order).
#[derive(Debug, Serialize)]
pub struct Text {
    // ---- vocabulary ----
    /// Indexed like [`Role::ALL`].
    pub roles: [&'static str; 12],
    /// Indexed like [`Side::ALL`], as plural nouns ("students").
    pub sides: [&'static str; 3],
    /// Indexed like [`GroupKind::ALL`].
    pub group_kinds: [&'static str; 7],
    /// Indexed like [`PhaseKind::ALL`].
    pub phase_kinds: [&'static str; 12],
    /// Indexed like [`OrderRule::ALL`].
    pub order_rules: [&'static str; 4],
    pub minutes_short: &'static str,
    pub seconds_short: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub present: &'static str,
    pub absent: &'static str,
    pub guest: &'static str,
    pub none: &'static str,
    pub untimed: &'static str,

    // ---- command line: output ----
    pub cli_no_groups: &'static str,
    pub cli_no_sessions: &'static str,
    pub cli_group_created: &'static str,
    pub cli_group_saved: &'static str,
    pub cli_group_removed: &'static str,
    pub cli_member_added: &'static str,
    pub cli_member_removed: &'static str,
    pub cli_members: &'static str,
    pub cli_no_members: &'static str,
    pub cli_kind: &'static str,
    pub cli_site: &'static str,
    pub cli_id: &'static str,
    pub cli_file: &'static str,
    pub cli_format_ok: &'static str,
    pub cli_format_problems: &'static str,
    pub cli_source: &'static str,
    pub cli_total: &'static str,
    pub cli_builtin: &'static str,
    pub cli_own: &'static str,
    pub cli_paths_data: &'static str,
    pub cli_paths_groups: &'static str,
    pub cli_paths_sessions: &'static str,
    pub cli_paths_formats: &'static str,
    pub cli_paths_index: &'static str,
    pub cli_paths_config: &'static str,
    pub cli_paths_from: &'static str,
    pub cli_paths_from_flag: &'static str,
    pub cli_paths_from_env: &'static str,
    pub cli_paths_from_platform: &'static str,
    pub cli_session_status_ended: &'static str,
    pub cli_session_status_open: &'static str,
    pub cli_session_events: &'static str,
    pub cli_session_topic: &'static str,
    pub cli_session_group: &'static str,
    pub cli_session_format: &'static str,
    pub cli_session_started: &'static str,
    pub cli_session_ended: &'static str,
    pub cli_session_attendance: &'static str,
    pub cli_session_airtime: &'static str,
    pub cli_session_turns: &'static str,
    pub cli_session_agenda: &'static str,
    pub cli_sessions_header: &'static str,
    pub cli_unreadable_files: &'static str,
    pub cli_remove_confirm: &'static str,
    pub cli_remove_has_sessions: &'static str,
    pub cli_read_only: &'static str,
    pub cli_name: &'static str,
    pub cli_groups_header: &'static str,
    pub cli_group_sessions: &'static str,
    pub cli_makeup: &'static str,
    pub cli_member_renamed: &'static str,
    pub cli_member_role_set: &'static str,
    pub cli_member_moved: &'static str,
    pub cli_remove_command: &'static str,
    pub cli_col_title: &'static str,
    pub cli_col_phases: &'static str,
    pub cli_col_length: &'static str,
    pub cli_phase_turn: &'static str,
    pub cli_phase_speakers: &'static str,
    pub cli_phase_no_pass: &'static str,
    pub cli_session_turns_line: &'static str,
    pub cli_col_side: &'static str,
    pub cli_col_present: &'static str,
    pub cli_col_share: &'static str,
    pub cli_col_turns: &'static str,
    pub cli_col_item: &'static str,
    pub cli_col_planned: &'static str,
    pub cli_col_spent: &'static str,
    pub cli_col_time: &'static str,
    pub cli_col_status: &'static str,
    pub cli_session_oddities: &'static str,
    pub cli_overview_recent: &'static str,
    pub cli_overview_start: &'static str,
    /// A `strftime` pattern for a date and time in lists and headers.
    pub cli_datetime_format: &'static str,

    // ---- command line: errors ----
    pub err_prefix: &'static str,
    pub err_hint: &'static str,
    pub err_no_such_group: &'static str,
    pub err_ambiguous_group: &'static str,
    pub err_no_such_format: &'static str,
    pub err_no_such_session: &'static str,
    pub err_no_such_member: &'static str,
    pub err_bad_role: &'static str,
    pub err_bad_kind: &'static str,
    pub err_locked: &'static str,
    pub err_locked_hint: &'static str,
    pub err_save_failed: &'static str,
    pub err_empty_name: &'static str,
    pub err_name_too_long: &'static str,
    pub err_duplicate_member: &'static str,
    pub err_nothing_to_change: &'static str,
    pub err_duplicate_group: &'static str,
    pub err_bad_member_spec: &'static str,
    pub err_bad_change_spec: &'static str,
    pub err_bad_step: &'static str,
    pub err_ambiguous_session: &'static str,
    pub err_open_failed: &'static str,
    pub err_ambiguous_member: &'static str,
    pub hint_groups_list: &'static str,
    pub hint_group_members: &'static str,
    pub hint_member_example: &'static str,
    pub hint_kind_example: &'static str,
    pub hint_formats_list: &'static str,
    pub hint_sessions_list: &'static str,
    pub hint_group_name: &'static str,
    pub hint_edit_options: &'static str,
    pub hint_did_you_mean: &'static str,

    // ---- command line: help (about and help of every command and argument) ----
    pub help_about: &'static str,
    /// The exit-code table at the end of `parvi --help`.
    pub help_exit_codes: &'static str,
    /// Headings of clap's help screen.
    pub help_usage: &'static str,
    pub usage_unknown_argument: &'static str,
    pub usage_unknown_command: &'static str,
    pub usage_invalid_value_from: &'static str,
    pub usage_invalid_value: &'static str,
    pub usage_empty_value: &'static str,
    pub usage_missing: &'static str,
    pub usage_conflict: &'static str,
    pub usage_extra_value: &'static str,
    pub usage_did_you_mean: &'static str,
    pub usage_more_help: &'static str,
    pub help_heading_commands: &'static str,
    pub help_heading_arguments: &'static str,
    pub help_heading_options: &'static str,
    pub help_flag_help: &'static str,
    pub help_flag_version: &'static str,
    pub help_data_dir: &'static str,
    pub help_lang: &'static str,
    pub help_groups: &'static str,
    pub help_groups_list: &'static str,
    pub help_groups_show: &'static str,
    pub help_groups_add: &'static str,
    pub help_groups_edit: &'static str,
    pub help_groups_remove: &'static str,
    pub help_arg_group: &'static str,
    pub help_arg_group_name: &'static str,
    pub help_arg_kind: &'static str,
    pub help_arg_site: &'static str,
    pub help_arg_member: &'static str,
    pub help_arg_new_name: &'static str,
    pub help_arg_add: &'static str,
    pub help_arg_remove_member: &'static str,
    pub help_arg_rename: &'static str,
    pub help_arg_role: &'static str,
    pub help_arg_move: &'static str,
    pub help_arg_yes: &'static str,
    pub help_formats: &'static str,
    pub help_formats_list: &'static str,
    pub help_formats_show: &'static str,
    pub help_formats_check: &'static str,
    pub help_arg_format: &'static str,
    pub help_arg_files: &'static str,
    pub help_sessions: &'static str,
    pub help_sessions_list: &'static str,
    pub help_sessions_show: &'static str,
    pub help_arg_filter_group: &'static str,
    pub help_arg_session: &'static str,
    pub help_paths: &'static str,
    pub help_run: &'static str,
    pub help_arg_run_group: &'static str,
    pub help_arg_run_format: &'static str,
    pub help_arg_topic: &'static str,
    pub err_not_a_terminal: &'static str,
    pub help_roles_heading: &'static str,
    pub help_kinds_heading: &'static str,

    // ---- the app ----
    pub key_help: &'static str,
    pub key_does_nothing: &'static str,
    pub key_not_now: &'static str,
    pub key_back: &'static str,
    pub key_quit: &'static str,
    pub key_up: &'static str,
    pub key_down: &'static str,
    pub key_choose: &'static str,
    pub key_next_panel: &'static str,
    pub key_new_meeting: &'static str,
    pub key_resume: &'static str,
    pub key_new_group: &'static str,
    pub key_edit_group: &'static str,
    pub key_load_sample: &'static str,
    pub key_next_step: &'static str,
    pub key_previous_step: &'static str,
    pub key_toggle_present: &'static str,
    pub key_add_guest: &'static str,
    pub key_more_time: &'static str,
    pub key_less_time: &'static str,
    pub key_move_up: &'static str,
    pub key_move_down: &'static str,
    pub key_drop_phase: &'static str,
    pub key_start_meeting: &'static str,
    pub key_edit: &'static str,
    pub key_add_member: &'static str,
    pub key_remove_member: &'static str,
    pub key_done: &'static str,
    pub key_pause: &'static str,
    pub key_add_minute: &'static str,
    pub key_remove_minute: &'static str,
    pub key_next_phase: &'static str,
    pub key_go_to_phase: &'static str,
    pub key_attendance: &'static str,
    pub key_end_meeting: &'static str,
    pub key_next_speaker: &'static str,
    pub key_pass: &'static str,
    pub key_previous_speaker: &'static str,
    pub key_end_turn: &'static str,
    pub key_note: &'static str,
    pub key_next_in_queue: &'static str,
    pub key_raise_hand: &'static str,
    pub key_give_floor: &'static str,
    pub key_cancel: &'static str,
    pub key_yes: &'static str,
    pub key_no: &'static str,
    pub key_close: &'static str,
    pub confirm_title: &'static str,
    pub summary_outcomes: &'static str,
    pub key_toggle_names: &'static str,
    pub setup_named: &'static str,
    pub key_back_home: &'static str,
    pub meeting_note_title: &'static str,
    pub meeting_turn_over: &'static str,
    pub meeting_phase_over: &'static str,
    pub key_cycle_order: &'static str,
    pub home_groups: &'static str,
    pub home_formats: &'static str,
    pub home_sessions: &'static str,
    pub home_welcome_title: &'static str,
    pub home_welcome_text: &'static str,
    pub home_welcome_sample: &'static str,
    pub home_welcome_group: &'static str,
    pub home_unfinished: &'static str,
    pub home_no_sessions: &'static str,
    /// A group's size, `[one, many]` ("1 jäsen", "9 jäsentä"): see [`plural`].
    pub home_members: [&'static str; 2],
    /// A format's items and minutes, `[one, many]`.
    pub home_phases: [&'static str; 2],
    pub home_read_only: &'static str,
    /// The unfinished meeting another parvi (process `{pid}`) is running: not offered to
    /// resume here. `{group}`, `{topic}`, `{time}` as in `home_unfinished`.
    pub home_running_elsewhere: &'static str,
    pub home_problems: &'static str,
    pub home_sample_loaded: &'static str,
    pub setup_title: &'static str,
    pub setup_pick_group: &'static str,
    pub setup_pick_format: &'static str,
    pub setup_attendance: &'static str,
    pub setup_present_count: &'static str,
    pub setup_topic: &'static str,
    pub setup_topic_hint: &'static str,
    pub setup_privacy: &'static str,
    pub setup_agenda: &'static str,
    pub setup_total: &'static str,
    pub setup_no_groups: &'static str,
    pub setup_need_someone: &'static str,
    pub setup_keep_one_phase: &'static str,
    pub setup_step: &'static str,
    pub meeting_agenda: &'static str,
    pub meeting_speaking: &'static str,
    pub meeting_next_up: &'static str,
    pub meeting_press_to_start: &'static str,
    pub meeting_round_complete: &'static str,
    pub meeting_returning: &'static str,
    pub meeting_order: &'static str,
    pub meeting_queue: &'static str,
    pub meeting_queue_empty: &'static str,
    pub meeting_airtime: &'static str,
    pub meeting_seats_share: &'static str,
    pub meeting_share: &'static str,
    pub meeting_not_spoken: &'static str,
    pub meeting_everyone_spoken: &'static str,
    pub meeting_phase_left: &'static str,
    pub meeting_phase_time: &'static str,
    pub meeting_turn_left: &'static str,
    pub meeting_turn_time: &'static str,
    pub meeting_overrun: &'static str,
    pub meeting_paused: &'static str,
    pub meeting_reopened: &'static str,
    pub meeting_saved: &'static str,
    pub meeting_not_saved: &'static str,
    pub meeting_agenda_done: &'static str,
    pub meeting_passed: &'static str,
    pub meeting_note_prompt: &'static str,
    pub meeting_hand_prompt: &'static str,
    pub meeting_floor_prompt: &'static str,
    pub meeting_attendance_prompt: &'static str,
    pub meeting_add_guest_item: &'static str,
    pub meeting_go_to_prompt: &'static str,
    pub meeting_end_title: &'static str,
    pub meeting_end_now: &'static str,
    pub meeting_end_later: &'static str,
    pub meeting_end_cancel: &'static str,
    pub meeting_summary_title: &'static str,
    pub meeting_summary_text: &'static str,
    pub meeting_summary_spoke: &'static str,
    pub meeting_guest_name: &'static str,
    pub meeting_guest_role: &'static str,
    pub meeting_read_only: &'static str,
    pub meeting_more_time_given: &'static str,
    pub meeting_item: &'static str,
    pub group_new_title: &'static str,
    pub group_title: &'static str,
    pub group_name: &'static str,
    pub group_name_prompt: &'static str,
    pub group_site_prompt: &'static str,
    pub group_kind_prompt: &'static str,
    pub member_name_prompt: &'static str,
    pub member_role_prompt: &'static str,
    pub member_remove_confirm: &'static str,
    pub group_no_members: &'static str,
    pub help_title: &'static str,
    pub too_small: &'static str,
    pub quit_confirm: &'static str,
    /// Why the engine refused a command, in the order of `model::Refusal`'s variants.
    pub refusals: [&'static str; 24],
    /// Refusals about ideas, votes, decisions and actions (serde's arrays stop at 32).
    pub refusals_more: [&'static str; 23],

    // ---- ideas, votes, decisions and actions (their own structs) ----
    pub ideas: ideas::IdeasText,
    pub vote: vote::VoteText,
    pub records: records::RecordsText,
    pub minutes: minutes::MinutesText,
    pub review: review::ReviewText,
    pub wall: wall::WallText,
    pub phones: phones::PhonesText,
    pub clock: clock::ClockText,
    pub clock_walk: clock_walk::ClockWalkText,
    pub clock_edit: clock_edit::ClockEditText,
    pub notice: notice::NoticeText,
    pub origin: origin::OriginText,
    pub report: report::ReportText,
    pub guard: guard::GuardText,
    pub datadir: datadir::DataDirText,
    pub limits: limits::LimitsText,
    pub sync: sync::SyncText,

    // ---- loading files ----
    pub load_empty: &'static str,
    pub load_nul: &'static str,
    pub load_not_utf8: &'static str,
    pub load_too_large: &'static str,
    pub load_not_a_file: &'static str,
    /// Indexed: directory, named pipe, device, other.
    pub file_types: [&'static str; 4],
    pub load_symlink: &'static str,
    pub load_newer_schema: &'static str,
    pub load_older_schema: &'static str,
    pub load_json: &'static str,
    pub load_io: &'static str,
    pub load_bom: &'static str,
    pub load_unknown_participant: &'static str,
    pub load_time_out_of_order: &'static str,
    pub load_sequence_gap: &'static str,
    pub load_unknown_phase: &'static str,
    pub load_id_mismatch: &'static str,
    pub load_untouched: &'static str,
    pub key_add_phase: &'static str,
    pub setup_add_phase: &'static str,
    pub meeting_press_to_start_next: &'static str,
    pub meeting_round_done_next: &'static str,
    pub meeting_round_done_last: &'static str,
    pub key_first: &'static str,
    pub key_last: &'static str,

    // ---- command line: placeholders ----
    /// The placeholders of argument values (`<RYHMÄ>`) in capitals, as the command line
    /// writes them. The English ones are clap's own (an argument's `value_name`, else its id
    /// in capitals) and serve as the keys; `OPTIONS` is the `[OPTIONS]` of a usage line.
    pub value_names: [&'static str; 26],
    /// After an option's help: the value it has when not given.
    pub help_default: &'static str,
}

/// The singular or the plural of a `[one, many]` pair for `count`: Finnish and Swedish
/// put the noun after the number ("9 jäsentä"), so the form depends on the count.
pub fn plural(forms: &[&'static str; 2], count: usize) -> &'static str {
    forms[usize::from(count != 1)]
}

/// A group's size as the lists show it: "9 jäsentä".
pub fn member_count(lang: Lang, group: &crate::model::Group) -> String {
    let count = group.members.len();
    fill(
        plural(&lang.text().home_members, count),
        &[("count", &count.to_string())],
    )
}

/// A format's length as the lists show it: "5 vaihetta · 45 min".
pub fn format_length(lang: Lang, format: &crate::model::format::Format) -> String {
    let count = format.phases.len();
    fill(
        plural(&lang.text().home_phases, count),
        &[
            ("count", &count.to_string()),
            ("minutes", &format.total_minutes().to_string()),
        ],
    )
}

/// Why the engine refused a command, in the user's language.
pub fn refusal(lang: Lang, refusal: &crate::model::Refusal) -> &'static str {
    use crate::model::Refusal as R;
    let index: usize = match refusal {
        R::NotStarted => 0,
        R::AlreadyStarted => 1,
        R::Ended => 2,
        R::NoPhase => 3,
        R::NoSuchPhase => 4,
        R::LastPhase => 5,
        R::NoTurns => 6,
        R::NotARound => 7,
        R::NotOpen => 8,
        R::RoundComplete => 9,
        R::QueueEmpty => 10,
        R::PassNotAllowed => 11,
        R::NothingBefore => 12,
        R::NobodySpeaking => 13,
        R::NoTurnToNote => 14,
        R::EmptyNote => 15,
        R::NotPresent => 16,
        R::UnknownPerson => 17,
        R::HandAlreadyUp => 18,
        R::HandNotUp => 19,
        R::AlreadyPaused => 20,
        R::NotPaused => 21,
        R::NoTimeToTake => 22,
        R::EmptyName => 23,
        R::NoIdeasHere => 24,
        R::NoSuchIdea => 25,
        R::SameIdea => 26,
        R::NothingHidden => 27,
        R::NoSuchTheme => 28,
        R::NotAVote => 29,
        R::VoteAlreadyOpen => 30,
        R::NoOpenVote => 31,
        R::TooFewOptions => 32,
        R::NoSuchDecision => 33,
        R::NoSuchAction => 34,
        R::EmptyText => 35,
        R::BadBallot(crate::model::vote::BallotError::WrongKind) => 36,
        R::BadBallot(crate::model::vote::BallotError::WrongLength) => 37,
        R::BadBallot(crate::model::vote::BallotError::OverBudget) => 38,
        R::BadBallot(crate::model::vote::BallotError::OverCap) => 39,
        R::BadBallot(crate::model::vote::BallotError::OutOfRange) => 40,
        R::BadBallot(crate::model::vote::BallotError::RankedTwice) => 41,
        R::EveryoneVoted => 42,
        R::NoSuchBallot => 43,
        R::NoClock => 44,
        R::NoSuchClockItem => 45,
        R::BadClockChange(_) => 46,
    };
    let t = lang.text();
    match index.checked_sub(t.refusals.len()) {
        Some(more) => t.refusals_more[more],
        None => t.refusals[index],
    }
}

/// The name of a role.
pub fn role(lang: Lang, role: Role) -> &'static str {
    lang.text().roles[Role::ALL.iter().position(|r| *r == role).unwrap_or(0)]
}

/// The name of a side, as a plural noun.
pub fn side(lang: Lang, side: Side) -> &'static str {
    lang.text().sides[side as usize]
}

/// The name of a group kind.
pub fn group_kind(lang: Lang, kind: GroupKind) -> &'static str {
    lang.text().group_kinds[GroupKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
}

/// The name of a phase kind.
pub fn phase_kind(lang: Lang, kind: PhaseKind) -> &'static str {
    lang.text().phase_kinds[PhaseKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
}

/// The name of a speaking order.
pub fn order_rule(lang: Lang, rule: OrderRule) -> &'static str {
    lang.text().order_rules[OrderRule::ALL.iter().position(|r| *r == rule).unwrap_or(0)]
}

/// Every string of a catalogue as (key path, text), the key path as `.field[index]` or
/// `.part.field`: for the tests that read the whole catalogue.
#[cfg(test)]
pub(crate) fn catalogue_strings(lang: Lang) -> Vec<(String, String)> {
    fn walk(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::String(s) => out.push((prefix.to_string(), s.clone())),
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(&format!("{prefix}[{i}]"), item, out);
                }
            }
            serde_json::Value::Object(fields) => {
                for (key, item) in fields {
                    walk(&format!("{prefix}.{key}"), item, out);
                }
            }
            _ => panic!("catalogue fields are strings, arrays or parts: {prefix}"),
        }
    }
    let mut out = Vec::new();
    walk("", &serde_json::to_value(lang.text()).unwrap(), &mut out);
    out
}

#[cfg(test)]
mod tests;
