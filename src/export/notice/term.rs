//! "You said, we did" for a term: what a group's meetings of a period decided and agreed,
//! how each action agreed then stands now, and what was not done. The caller (the command
//! line) gathers the meetings that started in the period and every action of the group as
//! it stands after the group's last meeting, even one after the period
//! (`model::figures::all_actions`); this only writes.
//!
//! - **Title**: the group and the period.
//! - **One line**: how many meetings, how many students took part on average, and the
//!   students' share of the speaking time over the whole period (all meetings' airtime
//!   summed, not a mean of shares).
//! - **Decisions** of the period, in order, marked where they came from students' input.
//! - **Actions agreed** in the period, each with its owner's role and its latest status:
//!   done, in progress (open or continued), dropped.
//! - **What was not done**: the actions agreed or followed up in the period that were
//!   dropped, and those still open past their due on the day of the group's last meeting
//!   (the log knows no later state). The log keeps no reason for dropping, so the notice says
//!   so and points to the minutes.
//!
//! No names: owners are roles and every text is scrubbed by the rosters of the period's
//! meetings as a public version is. Cut to [`super::MAX_CHARS`] like a meeting's notice:
//! the agreed actions go first, then the decisions, then what was not done.

use jiff::civil::Date;

use super::{Notice, Section, owner_role, students_present, with_details};
use crate::export::people::Roster;
use crate::export::{ExportFile, Format, Options};
use crate::i18n::words::{due_text, format_date, percent_of};
use crate::i18n::{self, Lang, fill};
use crate::model::outcomes::{ActionItem, ActionStatus};
use crate::model::{MeetingState, SessionRecord};

/// What a term notice is made of.
#[derive(Debug, Clone, Copy)]
pub struct Term<'a> {
    /// The group's name as it is now.
    pub group: &'a str,
    /// The period, both days included.
    pub from: Date,
    pub to: Date,
    /// The group's meetings that started in the period, in any order.
    pub records: &'a [SessionRecord],
    /// Every action of the group as it stands after its last meeting.
    pub actions: &'a [ActionItem],
    /// The day of the group's last meeting: an action still open past its due then is late.
    pub as_of: Date,
}

/// The term notice as plain text ending in a newline, at most [`super::MAX_CHARS`] long.
pub fn render_term(term: &Term, options: &Options) -> String {
    notice(term, options).text()
}

/// The term notice as one self-contained HTML page.
pub fn render_term_html(term: &Term, options: &Options) -> String {
    notice(term, options).html()
}

/// The file of a term notice in `options.format` (`notice` or `notice-html`; any other
/// format gives the text): `<from>_<to>_<group>_notice.txt` or `.html`.
pub fn term_file(term: &Term, options: &Options) -> ExportFile {
    let stem = format!(
        "{}_{}_{}_notice",
        term.from,
        term.to,
        crate::model::group::slug(term.group)
    );
    let (name, contents) = match options.format {
        Format::NoticeHtml => (format!("{stem}.html"), render_term_html(term, options)),
        _ => (format!("{stem}.txt"), render_term(term, options)),
    };
    ExportFile {
        short_name: name.clone(),
        name,
        media_type: options.format.media_type(),
        contents: contents.into_bytes(),
    }
}

/// One meeting of the period, replayed.
struct Meeting<'a> {
    record: &'a SessionRecord,
    state: MeetingState,
    roster: Roster,
}

fn notice(term: &Term, options: &Options) -> Notice {
    let lang = options.lang;
    let t = &lang.text().notice;
    let mut meetings: Vec<Meeting> = term
        .records
        .iter()
        .map(|record| {
            let state = MeetingState::replay(record);
            let roster = Roster::new(record, &state, lang, true);
            Meeting {
                record,
                state,
                roster,
            }
        })
        .collect();
    meetings.sort_by_key(|m| m.record.started_at());
    // Every name any of the meetings knows is taken out, whichever meeting the text is from.
    let scrub = |text: &str| {
        meetings
            .iter()
            .fold(text.to_string(), |text, m| m.roster.scrub(&text))
    };
    let title = fill(
        t.term_title,
        &[
            ("group", &scrub(term.group)),
            ("from", &format_date(lang, term.from)),
            ("to", &format_date(lang, term.to)),
        ],
    );
    let voice = voice(lang, &meetings);

    let decided: Vec<String> = meetings
        .iter()
        .flat_map(|m| &m.state.decisions)
        .map(|d| super::decision_line(d, lang, scrub))
        .collect();

    // Each action as it stands now; one the later meetings never saw, as it was agreed.
    let latest = |a: &ActionItem| -> ActionItem {
        term.actions
            .iter()
            .find(|l| l.id == a.id)
            .unwrap_or(a)
            .clone()
    };
    let role = |a: &ActionItem| -> String {
        meetings
            .iter()
            .find_map(|m| owner_role(&m.roster, lang, a))
            .unwrap_or_default()
    };
    let agreed: Vec<ActionItem> = meetings
        .iter()
        .flat_map(|m| &m.state.actions)
        .map(latest)
        .collect();
    let agreed_lines: Vec<String> = agreed
        .iter()
        .map(|a| with_details(scrub(&a.text), &[role(a).as_str(), status(lang, a.status)]))
        .collect();

    // What was not done: agreed in the period, or an earlier one followed up in it.
    let mut touched: Vec<ActionItem> = agreed.clone();
    for a in meetings.iter().flat_map(|m| &m.state.carried).map(latest) {
        if !touched.iter().any(|k| k.id == a.id) {
            touched.push(a);
        }
    }
    let dropped: Vec<&ActionItem> = touched
        .iter()
        .filter(|a| a.status == ActionStatus::Dropped)
        .collect();
    let late = touched.iter().filter(|a| a.is_overdue(term.as_of));
    let not_done: Vec<String> = dropped
        .iter()
        .map(|a| {
            let text = with_details(scrub(&a.text), &[role(a).as_str()]);
            format!("{text}: {}", t.dropped)
        })
        .chain(late.map(|a| {
            let text = with_details(scrub(&a.text), &[role(a).as_str()]);
            let due = fill(t.late, &[("due", &due_text(lang, a.due))]);
            format!("{text}: {}, {due}", t.in_progress)
        }))
        .collect();

    let not_done = Section {
        heading: t.not_done,
        lines: not_done,
        note: (!dropped.is_empty()).then_some(t.dropped_note),
    };
    let sections = vec![
        Section::new(t.decided, decided),
        Section::new(t.agreed, agreed_lines),
        not_done,
    ];
    let mut notice = Notice::new(lang, title, voice, sections, t.term_nothing);
    // The many actions first, then the decisions; what was not done is cut last.
    notice.fit(&[1, 0, 2]);
    notice
}

/// How many meetings, how many students on average, and their share of all the speaking
/// time of the period.
fn voice(lang: Lang, meetings: &[Meeting]) -> String {
    let t = &lang.text().notice;
    let count = meetings.len();
    let students: usize = meetings.iter().map(|m| students_present(&m.state)).sum();
    let (student_ms, total_ms) = meetings.iter().fold((0u64, 0u64), |(s, all), m| {
        let sides = m.state.airtime_by_side(m.state.last_ms);
        (s + sides[0], all + sides.iter().sum::<u64>())
    });
    let average = students as f64 / count.max(1) as f64;
    let average = if average.fract() == 0.0 {
        format!("{average:.0}")
    } else {
        i18n::decimal(lang, average, 1)
    };
    let values = [
        ("meetings", count.to_string()),
        ("students", average),
        ("share", percent_of(lang, student_ms, total_ms)),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let which = usize::from(count != 1);
    if total_ms > 0 && students > 0 {
        fill(t.term_voice[which], &values)
    } else {
        fill(t.term_voice_count[which], &values)
    }
}

/// An action's latest status in a word: done, in progress or dropped.
fn status(lang: Lang, status: ActionStatus) -> &'static str {
    let t = &lang.text().notice;
    match status {
        ActionStatus::Done => t.done,
        ActionStatus::Dropped => t.dropped,
        ActionStatus::Open | ActionStatus::Continued => t.in_progress,
    }
}
