//! `parvi sessions conflicts` and `parvi groups conflicts`: the copies a sync engine left
//! beside a meeting or group changed on two laptops, what differs, and keeping one.
//!
//! Listing only reads. `--settle` keeps, in each conflict, the file that holds everything
//! the others hold (a meeting's longer log, or identical copies); `--keep FILE` is the
//! facilitator's choice where no file does. Both need the data directory's lock.

use std::path::{Path, PathBuf};

use clap::Args;

use super::output::{self, CliError, CliResult, say};
use super::{CliContext, EXIT_FAILED};
use crate::i18n::{self, Lang, fill};
use crate::model::Member;
use crate::store::Store;
use crate::store::conflicts::groups::{self as group_conflicts, GroupConflict, GroupDiff};
use crate::store::conflicts::sessions::{self as session_conflicts, SessionConflict};
use crate::store::conflicts::{self, Family, Relation};

/// Arguments of `parvi sessions conflicts` and `parvi groups conflicts`.
#[derive(Debug, Args)]
pub struct ConflictsArgs {
    /// Keep this file and remove the other files of its conflict.
    #[arg(long, value_name = "PATH", conflicts_with = "settle")]
    pub keep: Option<PathBuf>,
    /// Settle every conflict where keeping one file loses nothing.
    #[arg(long)]
    pub settle: bool,
}

/// How many events past the shared ones a list shows per file.
const EVENTS_SHOWN: usize = 8;

/// `parvi sessions conflicts`.
pub fn sessions(cx: &CliContext, args: &ConflictsArgs) -> CliResult {
    // Read under the lock when settling, so no other parvi changes the files meanwhile.
    let lock = writing(cx, args)?;
    let found = session_conflicts::scan(&cx.paths);
    if lock.is_none() {
        for conflict in &found {
            print_session(cx.lang, conflict);
        }
        return finish_list(cx.lang, found.len());
    }
    if let Some(keep) = &args.keep {
        let conflict = find(cx, &found, |c| &c.family, keep, "parvi sessions conflicts")?;
        let path = member(&conflict.family, keep);
        let lost = session_conflicts::lost_if_kept(conflict, &path);
        keep_file(cx, &conflict.family, &path)?;
        say_kept(cx.lang, &conflict.family, &path);
        for (removed, lost) in lost {
            print_removed(cx.lang, &removed, lost);
        }
        return Ok(());
    }
    settle(cx, found.iter().map(|c| (&c.family, c.safe_keep.as_ref())))
}

/// `parvi groups conflicts`.
pub fn groups(cx: &CliContext, args: &ConflictsArgs) -> CliResult {
    // Read under the lock when settling, so no other parvi changes the files meanwhile.
    let lock = writing(cx, args)?;
    let found = group_conflicts::scan(&cx.paths);
    if lock.is_none() {
        for conflict in &found {
            print_group(cx.lang, conflict);
        }
        return finish_list(cx.lang, found.len());
    }
    if let Some(keep) = &args.keep {
        let conflict = find(cx, &found, |c| &c.family, keep, "parvi groups conflicts")?;
        let path = member(&conflict.family, keep);
        let removed = keep_file(cx, &conflict.family, &path)?;
        say_kept(cx.lang, &conflict.family, &path);
        for path in removed {
            say!(
                "{}",
                fill(cx.lang.text().sync.removed, &[("file", &shown(&path))])
            );
        }
        return Ok(());
    }
    settle(cx, found.iter().map(|c| (&c.family, c.safe_keep.as_ref())))
}

/// The store, holding the lock, when the command changes files; none when it only lists.
fn writing(cx: &CliContext, args: &ConflictsArgs) -> Result<Option<Store>, CliError> {
    if args.keep.is_none() && !args.settle {
        return Ok(None);
    }
    output::open_for_writing(cx).map(Some)
}

fn finish_list(lang: Lang, count: usize) -> CliResult {
    if count == 0 {
        say!("{}", lang.text().sync.none);
    }
    Ok(())
}

/// A file's name as the lists show it: its name alone.
fn shown(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The conflict that `keep` (a name or a path) is a file of.
fn find<'a, C>(
    cx: &CliContext,
    found: &'a [C],
    family: impl Fn(&C) -> &Family,
    keep: &Path,
    command: &str,
) -> Result<&'a C, CliError> {
    let s = &cx.lang.text().sync;
    let name = keep.file_name();
    found
        .iter()
        .find(|c| {
            let f = family(c);
            std::iter::once(&f.original)
                .chain(&f.copies)
                .any(|p| p.file_name() == name && name.is_some())
        })
        .ok_or_else(|| {
            CliError::new(
                EXIT_FAILED,
                fill(s.not_in_conflict, &[("file", &keep.display().to_string())]),
            )
            .hint(fill(s.hint_list, &[("command", command)]))
        })
}

/// The file of `family` that `keep` names (by its name: a path given elsewhere is found
/// by the name the list showed).
fn member(family: &Family, keep: &Path) -> PathBuf {
    let name = keep.file_name();
    std::iter::once(&family.original)
        .chain(&family.copies)
        .find(|p| p.file_name() == name)
        .cloned()
        .unwrap_or_else(|| keep.to_path_buf())
}

/// Keeps `path`, a file of `family`, returning the files removed.
fn keep_file(cx: &CliContext, family: &Family, path: &Path) -> Result<Vec<PathBuf>, CliError> {
    conflicts::keep(family, path).map_err(|e| {
        CliError::new(
            EXIT_FAILED,
            fill(
                cx.lang.text().err_save_failed,
                &[
                    ("path", &path.display().to_string()),
                    ("reason", &e.to_string()),
                ],
            ),
        )
    })
}

/// "Kept: COPY → NAME" when a copy took the real name, else "Kept: NAME".
fn say_kept(lang: Lang, family: &Family, kept: &Path) {
    let file = if kept == family.original {
        shown(kept)
    } else {
        format!("{} → {}", shown(kept), shown(&family.original))
    };
    say!("{}", fill(lang.text().sync.kept, &[("file", &file)]));
}

fn print_removed(lang: Lang, path: &Path, lost: usize) {
    let s = &lang.text().sync;
    if lost == 0 {
        say!("{}", fill(s.removed, &[("file", &shown(path))]));
    } else {
        say!(
            "{}",
            fill(
                s.removed_lost,
                &[("file", &shown(path)), ("n", &lost.to_string())]
            )
        );
    }
}

/// Keeps the safe file of every conflict that has one; says what is left.
fn settle<'a>(
    cx: &CliContext,
    conflicts: impl Iterator<Item = (&'a Family, Option<&'a PathBuf>)>,
) -> CliResult {
    let s = &cx.lang.text().sync;
    let mut left = 0;
    let mut any = false;
    for (family, safe) in conflicts {
        any = true;
        let Some(keep) = safe else {
            left += 1;
            continue;
        };
        let removed = keep_file(cx, family, keep)?;
        say_kept(cx.lang, family, keep);
        // The kept file holds everything the removed ones held.
        for path in removed {
            print_removed(cx.lang, &path, 0);
        }
    }
    if !any {
        say!("{}", s.none);
    }
    if left > 0 {
        say!("{}", fill(s.left, &[("n", &left.to_string())]));
    }
    Ok(())
}

/// One meeting's conflict: each file with its events, what only it has, and the verdict.
fn print_session(lang: Lang, conflict: &SessionConflict) {
    let t = lang.text();
    let s = &t.sync;
    let first = conflict.files.iter().find_map(|f| f.loaded.as_ref().ok());
    let id = first.map_or_else(String::new, |l| l.id.to_string());
    say!(
        "{}",
        fill(
            s.session_header,
            &[
                ("title", first.map_or("?", |l| l.group_name.as_str())),
                (
                    "time",
                    &first.map_or_else(String::new, |l| output::datetime(lang, l.started_at)),
                ),
                ("id", &id),
            ],
        )
    );
    if !conflict.family.original.exists() {
        say!(
            "  {}",
            fill(
                s.original_missing,
                &[("file", &shown(&conflict.family.original))]
            )
        );
    }
    for file in &conflict.files {
        say!("  {}", shown(&file.path));
        match &file.loaded {
            Err(problem) => say!("    {}", problem.reason.describe(lang)),
            Ok(l) => {
                let status = if l.ended {
                    t.cli_session_status_ended
                } else {
                    t.cli_session_status_open
                };
                let last = l
                    .last_event
                    .map_or_else(|| "–".to_string(), |at| output::datetime(lang, at));
                say!(
                    "    {}",
                    fill(
                        s.session_file,
                        &[
                            ("events", &l.events.to_string()),
                            ("last", &last),
                            ("status", status),
                        ],
                    )
                );
                print_extra(lang, &l.extra);
            }
        }
    }
    if conflict.common > 0 {
        say!(
            "  {}",
            fill(s.shared, &[("n", &conflict.common.to_string())])
        );
    }
    let verdict = match (conflict.relation, &conflict.safe_keep) {
        (Relation::Same, _) => s.same.to_string(),
        (Relation::Contains, Some(keep)) => fill(s.contains, &[("file", &shown(keep))]),
        (Relation::Diverged | Relation::Contains, _) => s.diverged.to_string(),
        (Relation::Different, _) => s.different.to_string(),
        (Relation::Unreadable, _) => s.unreadable.to_string(),
    };
    say!("  {verdict}");
    say!();
}

fn print_extra(lang: Lang, extra: &[session_conflicts::EventLine]) {
    let s = &lang.text().sync;
    if extra.is_empty() {
        return;
    }
    say!("    {}", s.only_here);
    for event in extra.iter().take(EVENTS_SHOWN) {
        say!(
            "      #{} {} {}",
            event.seq,
            output::datetime(lang, event.at),
            event.kind
        );
    }
    if extra.len() > EVENTS_SHOWN {
        say!(
            "      {}",
            fill(s.more, &[("n", &(extra.len() - EVENTS_SHOWN).to_string())])
        );
    }
}

/// One group's conflict: each file with its members, how each copy differs, the verdict.
fn print_group(lang: Lang, conflict: &GroupConflict) {
    let s = &lang.text().sync;
    let first = conflict.files.iter().find_map(|f| f.loaded.as_ref().ok());
    say!(
        "{}",
        fill(
            s.group_header,
            &[
                ("name", first.map_or("?", |g| g.name.as_str())),
                ("id", first.map_or("?", |g| g.id.as_str())),
            ],
        )
    );
    for file in &conflict.files {
        match &file.loaded {
            Err(problem) => say!("  {}: {}", shown(&file.path), problem.reason.describe(lang)),
            Ok(group) => {
                say!(
                    "  {}: {}",
                    shown(&file.path),
                    i18n::member_count(lang, group)
                );
                if let Some(diff) = conflict.diff(file) {
                    print_group_diff(lang, &diff);
                }
            }
        }
    }
    let verdict = if conflict.safe_keep.is_some() {
        s.group_same
    } else {
        s.group_choose
    };
    say!("  {verdict}");
    say!();
}

fn print_group_diff(lang: Lang, diff: &GroupDiff) {
    let s = &lang.text().sync;
    let names = |members: &[Member]| {
        members
            .iter()
            .map(|m| format!("{} ({})", m.name, i18n::role(lang, m.role)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !diff.only_in_original.is_empty() {
        let members = names(&diff.only_in_original);
        say!("    {}", fill(s.members_missing, &[("members", &members)]));
    }
    if !diff.only_in_copy.is_empty() {
        let members = names(&diff.only_in_copy);
        say!(
            "    {}",
            fill(s.members_only_here, &[("members", &members)])
        );
    }
    if !diff.changed.is_empty() {
        let changes = diff
            .changed
            .iter()
            .map(|(a, b)| {
                format!(
                    "{} ({}) → {} ({})",
                    a.name,
                    i18n::role(lang, a.role),
                    b.name,
                    i18n::role(lang, b.role)
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        say!("    {}", fill(s.members_changed, &[("members", &changes)]));
    }
    let fields: Vec<&str> = [diff.name, diff.kind, diff.site, diff.order]
        .iter()
        .zip(s.field_names)
        .filter(|(differs, _)| **differs)
        .map(|(_, name)| name)
        .collect();
    if !fields.is_empty() {
        say!(
            "    {}",
            fill(s.fields_differ, &[("fields", &fields.join(", "))])
        );
    }
}
