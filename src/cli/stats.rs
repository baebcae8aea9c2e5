//! `parvi stats --group GROUP` (a group's participation figures per meeting and in total,
//! and its open actions) and `parvi sessions search TEXT` (meetings by words).
//!
//! Both only read: the store opens read-only, and the search cache (`search.txt`) and the
//! figures cache (`figures.jsonl`) are used as they are on disk, with any meeting they lack
//! read from its log.

use clap::Args;

use super::output::{self, CliError, CliResult};
use super::{CliContext, EXIT_FAILED};
use crate::cli::output::say;
use crate::i18n::{self, Lang, fill, words};
use crate::model::Side;
use crate::model::figures::{MeetingFigures, combined, open_actions};
use crate::model::outcomes::{ActionItem, Due};
use crate::store::search::{Filter, Query};
use crate::store::{Store, Summary};

/// Arguments of `parvi stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The group (id or name).
    #[arg(long, value_name = "GROUP")]
    pub group: String,
}

/// Arguments of `parvi sessions search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The words to find; every one must appear.
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
    /// Only this group's meetings (id or name).
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
}

/// The group a `--group` names: a group of the data directory, or (for a removed group
/// whose meetings stay) the id or name its meetings saved. Returns its id and name.
pub(super) fn resolve_group(
    cx: &CliContext,
    store: &Store,
    summaries: &[Summary],
    query: &str,
) -> Result<(String, String), CliError> {
    let groups = store.groups().groups;
    match super::groups::find_group(cx.lang, &groups, query) {
        Ok(group) => Ok((group.id.clone(), group.name.clone())),
        Err(e) => {
            let wanted = query.trim().to_lowercase();
            summaries
                .iter()
                .find(|s| {
                    s.group_id.to_lowercase() == wanted || s.group_name.to_lowercase() == wanted
                })
                .map(|s| (s.group_id.clone(), s.group_name.clone()))
                .ok_or(e)
        }
    }
}

/// `parvi sessions search TEXT…`: the meetings whose text has every word, newest first,
/// listed like `parvi sessions list`. None found is exit code 1, like `grep`.
pub fn search(cx: &CliContext, args: &SearchArgs) -> CliResult {
    let lang = cx.lang;
    let store = Store::open_reader(cx.paths.clone());
    let sessions = store.sessions();
    let mut filter = Filter {
        query: Query::new(&args.text.join(" ")),
        ..Filter::default()
    };
    if let Some(group) = &args.group {
        filter.group = Some(resolve_group(cx, &store, &sessions.summaries, group)?.0);
    }
    let index = store.search_index(&sessions.summaries);
    let tz = jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC);
    let shown: Vec<&Summary> = filter
        .apply(&sessions.summaries, Some(&index), &tz)
        .into_iter()
        .map(|i| &sessions.summaries[i])
        .collect();
    output::print_problems(lang, &sessions.problems);
    if shown.is_empty() {
        say!("{}", lang.text().review.cli_no_matches);
        return Err(CliError::silent(EXIT_FAILED));
    }
    super::sessions::print_session_table(
        "",
        lang,
        &shown,
        super::sessions::short_len(&sessions.summaries),
    );
    Ok(())
}

/// When an action is due, in words, marked when overdue.
fn due(lang: Lang, action: &ActionItem, today: jiff::civil::Date) -> String {
    let t = &lang.text().records;
    let text = match action.due {
        Due::Date { date: d } => words::format_date(lang, d),
        Due::Month { month } => t.months[usize::from(month.clamp(1, 12)) - 1].to_string(),
        Due::None => t.due_none.to_string(),
    };
    if action.is_overdue(today) {
        format!("{text} ({})", t.overdue)
    } else {
        text
    }
}

/// `parvi stats --group GROUP`.
pub fn stats(cx: &CliContext, args: &StatsArgs) -> CliResult {
    let lang = cx.lang;
    let t = lang.text();
    // Keeps the caches when no other parvi runs: a first call at 10,000 meetings reads
    // every log (12 s), the next one the figures cache (0.3 s).
    let store = Store::open_reader(cx.paths.clone());
    let sessions = store.sessions();
    let (group_id, group_name) = resolve_group(cx, &store, &sessions.summaries, &args.group)?;
    // The figures cache (`figures.jsonl`): no log is read when nothing changed.
    let (mut meetings, problems) = store.group_figures_in(&sessions.summaries, &group_id);
    meetings.sort_by_key(|m| m.started_at);

    say!("{group_name}");
    say!();
    if meetings.is_empty() {
        say!("{}", t.cli_no_sessions);
        output::print_problems(lang, &problems);
        return Ok(());
    }

    print_meetings(lang, &meetings);
    print_totals(lang, &meetings);
    print_open_actions(lang, &meetings);
    output::print_problems(lang, &problems);
    Ok(())
}

/// Per meeting, oldest first: the students' share of airtime and of seats, the equity
/// index and the topic.
fn print_meetings(lang: Lang, meetings: &[MeetingFigures]) {
    let t = lang.text();
    let r = &t.review;
    let mut rows = vec![r.cli_stats_columns.iter().map(|s| s.to_string()).collect()];
    for meeting in meetings {
        let p = &meeting.participation;
        let mut topic = meeting.title(lang);
        if meeting.ended_at.is_none() {
            topic = format!("{topic} ({})", t.cli_session_status_open);
        }
        rows.push(vec![
            output::datetime(lang, meeting.started_at),
            words::percent(lang, p.airtime_share(Side::Student)),
            words::percent(lang, p.seat_share(Side::Student)),
            words::equity(lang, p.equity),
            topic,
        ]);
    }
    output::print_columns("", &rows, &[1, 2, 3]);
}

/// Totals: per side across the meetings, and the mean equity index.
fn print_totals(lang: Lang, meetings: &[MeetingFigures]) {
    let r = &lang.text().review;
    let count = meetings.len();
    let totals = combined(meetings);
    say!();
    say!(
        "{}",
        fill(
            r.cli_totals,
            &[(
                "count",
                &fill(
                    r.count[usize::from(count != 1)],
                    &[("n", &count.to_string())]
                )
            )]
        )
    );
    let mut rows = vec![r.cli_side_columns.iter().map(|s| s.to_string()).collect()];
    for side in Side::ALL {
        let f = &totals.sides[side as usize];
        if f.seats == 0 && f.airtime_ms == 0 {
            continue;
        }
        rows.push(vec![
            i18n::side(lang, side).to_string(),
            f.seats.to_string(),
            f.turns.to_string(),
            f.passes.to_string(),
            words::length(f.airtime_ms),
            words::percent(lang, totals.airtime_share(side)),
            words::percent(lang, totals.seat_share(side)),
        ]);
    }
    output::print_columns("  ", &rows, &[1, 2, 3, 4, 5, 6]);
    say!(
        "  {}",
        fill(
            r.cli_equity_mean,
            &[("value", &words::equity(lang, totals.equity))]
        )
    );
}

/// Open actions, with the meeting each came from.
fn print_open_actions(lang: Lang, meetings: &[MeetingFigures]) {
    let r = &lang.text().review;
    let open = open_actions(meetings);
    let zone = jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC);
    let today = jiff::Timestamp::now().to_zoned_datetime(zone).date();
    say!();
    say!(
        "{}",
        fill(r.cli_open_actions, &[("count", &open.len().to_string())])
    );
    if open.is_empty() {
        say!("  {}", r.no_open_actions);
    } else {
        let mut rows = vec![r.cli_action_columns.iter().map(|s| s.to_string()).collect()];
        for action in &open {
            let owner = words::owner_text(lang, &action.owner);
            let from = meetings
                .iter()
                .find(|rec| rec.id == action.session)
                .map_or_else(
                    || words::format_date(lang, action.agreed),
                    |rec| {
                        let day = words::format_date(lang, action.agreed);
                        if rec.topic.is_empty() {
                            day
                        } else {
                            format!("{day} {}", rec.topic)
                        }
                    },
                );
            rows.push(vec![
                action.text.clone(),
                owner,
                due(lang, action, today),
                from,
            ]);
        }
        output::print_columns("  ", &rows, &[]);
    }
}

/// `parvi stats`: runs and gives the exit code.
pub fn run(cx: &CliContext, args: &StatsArgs) -> u8 {
    output::finish(cx.lang, stats(cx, args))
}
