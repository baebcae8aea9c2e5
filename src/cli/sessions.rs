//! `parvi sessions …` and `parvi paths`: saved meetings and where the files are.

use clap::Args;

use super::output::{self, CliError, CliResult};
use super::{CliContext, EXIT_BAD_DATA, EXIT_FAILED, SessionsCommand};
use crate::cli::output::say;
use crate::i18n::{self, Lang, fill, words};
use crate::model::{MeetingState, SessionRecord, Side};
use crate::store::{Origin, Store, Summary};

/// Arguments of `parvi sessions list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this group's meetings (id or name).
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
}

pub fn run(cx: &CliContext, command: SessionsCommand) -> u8 {
    let result = match command {
        SessionsCommand::List(args) => list(cx, &args),
        SessionsCommand::Show { session } => show(cx, &session),
        SessionsCommand::Search(args) => super::stats::search(cx, &args),
        SessionsCommand::Conflicts(args) => super::conflicts::sessions(cx, &args),
    };
    output::finish(cx.lang, result)
}

/// How many leading characters of a meeting id tell every meeting apart (at least 8):
/// the length `parvi sessions list` shows and `parvi sessions show` accepts.
pub(crate) fn short_len(summaries: &[Summary]) -> usize {
    let mut ids: Vec<String> = summaries.iter().map(|s| s.id.to_string()).collect();
    ids.sort_unstable();
    ids.dedup();
    let common = |a: &str, b: &str| a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    ids.windows(2)
        .map(|w| common(&w[0], &w[1]) + 1)
        .max()
        .unwrap_or(0)
        .clamp(8, 36)
}

/// The first `len` characters of a meeting's id.
fn short_id(summary: &Summary, len: usize) -> String {
    summary.id.to_string()[..len].to_string()
}

/// Meetings as a table: id, time, group, format, topic, status.
pub(crate) fn print_session_table(indent: &str, lang: Lang, sessions: &[&Summary], id_len: usize) {
    let t = lang.text();
    let mut rows = vec![vec![
        t.cli_id.to_string(),
        t.cli_col_time.to_string(),
        t.cli_session_group.to_string(),
        t.cli_session_format.to_string(),
        t.cli_session_topic.to_string(),
        t.cli_col_status.to_string(),
    ]];
    rows.extend(sessions.iter().map(|s| {
        vec![
            short_id(s, id_len),
            output::datetime(lang, s.started_at),
            s.group_name.clone(),
            s.format_title.get(lang).to_string(),
            if s.topic.is_empty() {
                "–".to_string()
            } else {
                s.topic.clone()
            },
            if s.ended_at.is_some() {
                t.cli_session_status_ended
            } else {
                t.cli_session_status_open
            }
            .to_string(),
        ]
    }));
    output::print_columns(indent, &rows, &[]);
}

fn list(cx: &CliContext, args: &ListArgs) -> CliResult {
    let lang = cx.lang;
    let t = lang.text();
    let store = Store::open_reader(cx.paths.clone());
    let sessions = store.sessions();
    let mut shown: Vec<&Summary> = sessions.summaries.iter().collect();
    if let Some(query) = &args.group {
        let groups = store.groups().groups;
        match super::groups::find_group(lang, &groups, query) {
            Ok(group) => shown.retain(|s| s.group_id == group.id),
            Err(e) => {
                // A removed group's meetings stay: match them by the id or name they saved.
                let wanted = query.trim().to_lowercase();
                shown.retain(|s| {
                    s.group_id.to_lowercase() == wanted || s.group_name.to_lowercase() == wanted
                });
                if shown.is_empty() || groups.iter().any(|g| g.name.to_lowercase() == wanted) {
                    return Err(e);
                }
            }
        }
    }
    if shown.is_empty() {
        say!("{}", t.cli_no_sessions);
    } else {
        print_session_table("", lang, &shown, short_len(&sessions.summaries));
    }
    output::print_problems(lang, &sessions.problems);
    Ok(())
}

/// Loads the meeting whose id (or file name) starts with `query`, printing anything odd in
/// its log before it.
fn find(cx: &CliContext, store: &Store, query: &str) -> Result<SessionRecord, CliError> {
    let (record, warnings) = lookup(cx, store, query)?;
    if !warnings.is_empty() {
        say!("{}", cx.lang.text().cli_session_oddities);
        for w in &warnings {
            say!("  {}", w.describe(cx.lang));
        }
        say!();
    }
    Ok(record)
}

/// Loads the meeting whose id (or file name) starts with `query`, with anything odd in its
/// log. Used by `parvi sessions show` and `parvi export`.
pub(crate) fn lookup(
    cx: &CliContext,
    store: &Store,
    query: &str,
) -> Result<(SessionRecord, Vec<crate::store::Warning>), CliError> {
    let t = cx.lang.text();
    let wanted = query.trim().to_lowercase();
    let sessions = store.sessions();
    let matches: Vec<&Summary> = if wanted.is_empty() {
        Vec::new()
    } else {
        sessions
            .summaries
            .iter()
            .filter(|s| s.id.to_string().starts_with(&wanted) || s.file.starts_with(&wanted))
            .collect()
    };
    let summary = match matches.as_slice() {
        [one] => *one,
        [] => {
            // An unreadable file with that id is reported as such, not as missing.
            let broken = sessions.problems.iter().find(|p| {
                !wanted.is_empty()
                    && (crate::store::Paths::session_id_of(&p.path)
                        .is_some_and(|id| id.to_string().starts_with(&wanted))
                        || p.path
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with(&wanted)))
            });
            return Err(match broken {
                Some(problem) => {
                    CliError::new(EXIT_BAD_DATA, problem.describe(cx.lang)).hint(t.load_untouched)
                }
                None => CliError::new(
                    EXIT_FAILED,
                    fill(t.err_no_such_session, &[("id", query.trim())]),
                )
                .hint(t.hint_sessions_list),
            });
        }
        many => {
            let len = short_len(&sessions.summaries);
            let ids: Vec<String> = many.iter().take(5).map(|s| short_id(s, len)).collect();
            let more = if many.len() > 5 { ", …" } else { "" };
            return Err(CliError::new(
                EXIT_FAILED,
                fill(
                    t.err_ambiguous_session,
                    &[
                        ("id", query.trim()),
                        ("matches", &format!("{}{more}", ids.join(", "))),
                    ],
                ),
            )
            .hint(t.hint_sessions_list));
        }
    };
    let path = cx.paths.sessions().join(&summary.file);
    store
        .load_session(&path)
        .map_err(|p| CliError::new(EXIT_BAD_DATA, p.describe(cx.lang)).hint(t.load_untouched))
}

fn show(cx: &CliContext, query: &str) -> CliResult {
    let lang = cx.lang;
    let store = Store::open_reader(cx.paths.clone());
    let record = find(cx, &store, query)?;
    let state = MeetingState::replay(&record);
    print_header(lang, &record);
    print_attendance(lang, &state);
    print_agenda(lang, &state);
    print_turns(lang, &state);
    Ok(())
}

/// The meeting's group, format, topic and times.
fn print_header(lang: Lang, record: &SessionRecord) {
    let t = lang.text();
    say!(
        "{} – {}",
        record.group.name,
        output::datetime(lang, record.started_at())
    );
    let ended = match record.ended_at() {
        Some(at) => output::datetime(lang, at),
        None => t.cli_session_status_open.to_string(),
    };
    let topic = if record.topic.is_empty() {
        "–".to_string()
    } else {
        record.topic.clone()
    };
    let rows = vec![
        vec![t.cli_id.to_string(), record.id.to_string()],
        vec![
            t.cli_session_group.to_string(),
            format!("{} ({})", record.group.name, record.group.id),
        ],
        vec![
            t.cli_session_format.to_string(),
            format!("{} ({})", record.format.title.get(lang), record.format.name),
        ],
        vec![t.cli_session_topic.to_string(), topic],
        vec![
            t.cli_session_started.to_string(),
            output::datetime(lang, record.started_at()),
        ],
        vec![t.cli_session_ended.to_string(), ended],
    ];
    output::print_columns("  ", &rows, &[]);
}

/// Attendance, with guests and late arrivals as the log left them.
fn print_attendance(lang: Lang, state: &MeetingState) {
    let t = lang.text();
    let present = state.present().count();
    say!();
    say!(
        "{} ({present}/{})",
        t.cli_session_attendance,
        state.people.len()
    );
    let rows: Vec<Vec<String>> = state
        .people
        .iter()
        .map(|p| {
            let mut status = if p.present { t.present } else { t.absent }.to_string();
            if p.guest {
                status = format!("{status}, {}", t.guest);
            }
            vec![p.name.clone(), i18n::role(lang, p.role).to_string(), status]
        })
        .collect();
    output::print_columns("  ", &rows, &[]);
}

/// The agenda with the time each item took against its plan.
fn print_agenda(lang: Lang, state: &MeetingState) {
    let t = lang.text();
    let now = state.last_ms;
    say!();
    say!("{}", t.cli_session_agenda);
    let mut rows = vec![vec![
        String::new(),
        t.cli_col_item.to_string(),
        t.cli_kind.to_string(),
        t.cli_col_planned.to_string(),
        t.cli_col_spent.to_string(),
    ]];
    for (i, (phase, progress)) in state.agenda.iter().zip(&state.progress).enumerate() {
        let planned_ms = (phase.timebox_ms() as i64 + progress.extra_ms).max(0) as u64;
        let planned = if phase.minutes == 0 && progress.extra_ms == 0 {
            t.untimed.to_string()
        } else if planned_ms.is_multiple_of(60_000) {
            output::minutes(t, (planned_ms / 60_000) as u32)
        } else {
            words::length(planned_ms)
        };
        let spent = if progress.visits == 0 {
            "–".to_string()
        } else {
            words::length(progress.watch.elapsed(now))
        };
        rows.push(vec![
            format!("{}.", i + 1),
            phase.title.get(lang).to_string(),
            i18n::phase_kind(lang, phase.kind).to_string(),
            planned,
            spent,
        ]);
    }
    output::print_columns("  ", &rows, &[0, 3, 4]);
}

/// Turns and passes, and airtime per side against the seats.
fn print_turns(lang: Lang, state: &MeetingState) {
    let t = lang.text();
    let now = state.last_ms;
    let mut turns = [0usize; 3];
    let mut passes = 0;
    let side_of = |id| state.person(id).map(|p| p.role.side() as usize);
    for turn in &state.turns {
        if let Some(side) = side_of(&turn.speaker) {
            turns[side] += 1;
        }
        passes += usize::from(turn.passed);
    }
    if let Some(turn) = &state.turn
        && let Some(side) = side_of(&turn.speaker)
    {
        turns[side] += 1;
    }
    let total_turns = state.turns.len() + usize::from(state.turn.is_some());
    say!();
    say!(
        "{}",
        fill(
            t.cli_session_turns_line,
            &[
                ("turns", &total_turns.to_string()),
                ("passes", &passes.to_string()),
            ],
        )
    );
    say!();
    say!("{}", t.cli_session_airtime);
    let airtime = state.airtime_by_side(now);
    let total: u64 = airtime.iter().sum();
    let seats = state.seats_by_side();
    let mut rows = vec![vec![
        t.cli_col_side.to_string(),
        t.cli_col_present.to_string(),
        t.cli_col_turns.to_string(),
        t.cli_session_airtime.to_string(),
        t.cli_col_share.to_string(),
    ]];
    for side in Side::ALL {
        let i = side as usize;
        rows.push(vec![
            i18n::side(lang, side).to_string(),
            seats[i].to_string(),
            turns[i].to_string(),
            words::length(airtime[i]),
            words::percent_of(lang, airtime[i], total),
        ]);
    }
    output::print_columns("  ", &rows, &[1, 2, 3, 4]);
}

/// `parvi` with no command (until the app arrives): a short overview.
pub fn overview(cx: &CliContext) -> u8 {
    let lang = cx.lang;
    let t = lang.text();
    let store = Store::open_reader(cx.paths.clone());
    let groups = store.groups();
    let sessions = store.sessions();
    say!("{}", t.help_about);
    say!();
    if groups.groups.is_empty() {
        say!("{}", t.cli_no_groups);
    } else {
        say!("{}", t.cli_groups_header);
        super::groups::print_group_table("  ", lang, &groups.groups);
    }
    say!();
    if sessions.summaries.is_empty() {
        say!("{}", t.cli_no_sessions);
    } else {
        say!("{}", t.cli_overview_recent);
        let newest: Vec<&Summary> = sessions.summaries.iter().take(5).collect();
        print_session_table("  ", lang, &newest, short_len(&sessions.summaries));
    }
    say!();
    say!("{}", t.cli_overview_start);
    let mut problems = groups.problems;
    problems.extend(sessions.problems);
    output::print_problems(lang, &problems);
    0
}

/// `parvi paths`.
pub fn paths(cx: &CliContext) -> u8 {
    let t = cx.lang.text();
    let p = &cx.paths;
    // Absolute, so the answer holds wherever it is read.
    let show = |path: &std::path::Path| {
        std::path::absolute(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
            .to_string()
    };
    let rows = vec![
        vec![t.cli_paths_data.to_string(), show(&p.root)],
        vec![t.cli_paths_groups.to_string(), show(&p.groups())],
        vec![t.cli_paths_sessions.to_string(), show(&p.sessions())],
        vec![t.cli_paths_formats.to_string(), show(&p.formats())],
        vec![t.cli_paths_index.to_string(), show(&p.index())],
        vec![t.cli_paths_config.to_string(), show(&p.config())],
    ];
    output::print_columns("", &rows, &[]);
    let how = match p.origin {
        Origin::Flag => t.cli_paths_from_flag,
        Origin::Env => t.cli_paths_from_env,
        Origin::Platform => t.cli_paths_from_platform,
    };
    say!();
    say!("{}", fill(t.cli_paths_from, &[("how", how)]));
    0
}
