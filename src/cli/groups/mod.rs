//! `parvi groups …`: list, show, add, edit and remove groups and their members. `groups
//! edit` and its member changes are in `edit.rs`.

use crate::cli::output::{say, tell};
use clap::Args;

mod edit;

pub use edit::EditArgs;

use super::output::{self, CliError, CliResult};
use super::{CliContext, EXIT_FAILED, EXIT_USAGE, GroupsCommand, vocabulary};
use crate::i18n::{self, Lang, fill};
use crate::model::group::{GroupError, clean_name};
use crate::model::{Group, Role, Side};
use crate::store::Store;

/// Arguments of `parvi groups add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The group's name.
    pub name: String,
    /// The kind of group; the choices are below.
    #[arg(long, value_name = "KIND")]
    pub kind: String,
    /// The site or school.
    #[arg(long, value_name = "SITE")]
    pub site: Option<String>,
    /// A member as "Name:role"; repeat for more. The roles are below.
    #[arg(long, value_name = "NAME:ROLE")]
    pub member: Vec<String>,
}

pub fn run(cx: &CliContext, command: GroupsCommand) -> u8 {
    let result = match command {
        GroupsCommand::List => list(cx),
        GroupsCommand::Show { group } => show(cx, &group),
        GroupsCommand::Add(args) => add(cx, &args),
        GroupsCommand::Edit(args) => edit::edit(cx, &args),
        GroupsCommand::Remove { group, yes } => remove(cx, &group, yes),
        GroupsCommand::Conflicts(args) => super::conflicts::groups(cx, &args),
    };
    output::finish(cx.lang, result)
}

/// Names compare without case and extra spaces.
fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// Finds a group by id or name (both case-insensitive). A name that several groups share
/// is refused with their ids.
pub fn find_group<'a>(lang: Lang, groups: &'a [Group], query: &str) -> Result<&'a Group, CliError> {
    let t = lang.text();
    let wanted = query.trim();
    if let Some(group) = groups.iter().find(|g| g.id.eq_ignore_ascii_case(wanted)) {
        return Ok(group);
    }
    let matches: Vec<&Group> = groups
        .iter()
        .filter(|g| same_name(&g.name, wanted))
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => {
            // "kotka" for "Hyvinvointiryhmä Kotka": suggest, never guess.
            let lower = wanted.to_lowercase();
            let near: Vec<String> = groups
                .iter()
                .filter(|g| {
                    !lower.is_empty()
                        && (g.name.to_lowercase().contains(&lower) || g.id.contains(&lower))
                })
                .map(|g| format!("{} ({})", g.id, g.name))
                .collect();
            let hint = if near.is_empty() {
                t.hint_groups_list.to_string()
            } else {
                fill(t.hint_did_you_mean, &[("matches", &near.join(", "))])
            };
            Err(
                CliError::new(EXIT_FAILED, fill(t.err_no_such_group, &[("name", wanted)]))
                    .hint(hint),
            )
        }
        many => {
            let ids: Vec<&str> = many.iter().map(|g| g.id.as_str()).collect();
            Err(CliError::new(
                EXIT_FAILED,
                fill(
                    t.err_ambiguous_group,
                    &[("name", wanted), ("matches", &ids.join(", "))],
                ),
            )
            .hint(t.hint_groups_list))
        }
    }
}

/// Explains a refused change to a group.
fn group_error(lang: Lang, group_id: &str, e: GroupError) -> CliError {
    let t = lang.text();
    match e {
        GroupError::EmptyName => CliError::new(EXIT_USAGE, t.err_empty_name),
        GroupError::NameTooLong { max } => CliError::new(
            EXIT_USAGE,
            fill(t.err_name_too_long, &[("max", &max.to_string())]),
        ),
        GroupError::DuplicateMember(name) => CliError::new(
            EXIT_FAILED,
            fill(t.err_duplicate_member, &[("name", &name)]),
        )
        .hint(fill(t.hint_group_members, &[("group", group_id)])),
        GroupError::NoSuchMember(name) => {
            CliError::new(EXIT_FAILED, fill(t.err_no_such_member, &[("name", &name)]))
                .hint(fill(t.hint_group_members, &[("group", group_id)]))
        }
    }
}

/// Parses `Name:role`.
fn parse_member(lang: Lang, spec: &str) -> Result<(String, Role), CliError> {
    let t = lang.text();
    let Some((name, role)) = spec.rsplit_once(':') else {
        return Err(
            CliError::new(EXIT_USAGE, fill(t.err_bad_member_spec, &[("value", spec)]))
                .hint(t.hint_member_example),
        );
    };
    let name = clean_name(name).map_err(|e| group_error(lang, "", e))?;
    Ok((name, vocabulary::parse_role(lang, role)?))
}

/// The group's make-up by side: "opiskelijat 2 · henkilöstö 3 · ulkopuoliset 0".
fn makeup(lang: Lang, group: &Group) -> String {
    let seats = group.seats_by_side();
    Side::ALL
        .iter()
        .map(|s| format!("{} {}", i18n::side(lang, *s), seats[*s as usize]))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn print_members(lang: Lang, group: &Group) {
    let t = lang.text();
    if group.members.is_empty() {
        say!("{}", fill(t.cli_no_members, &[("id", &group.id)]));
        return;
    }
    say!("{} ({})", t.cli_members, group.members.len());
    let rows: Vec<Vec<String>> = group
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            vec![
                format!("{}.", i + 1),
                m.id.to_string(),
                m.name.clone(),
                i18n::role(lang, m.role).to_string(),
            ]
        })
        .collect();
    output::print_columns("  ", &rows, &[0]);
}

fn list(cx: &CliContext) -> CliResult {
    let lang = cx.lang;
    let t = lang.text();
    let store = Store::open_read_only(cx.paths.clone());
    let found = store.groups();
    if found.groups.is_empty() {
        say!("{}", t.cli_no_groups);
    } else {
        print_group_table("", lang, &found.groups);
    }
    output::print_problems(lang, &found.problems);
    Ok(())
}

/// The groups as a table: id, name, kind, members.
pub fn print_group_table(indent: &str, lang: Lang, groups: &[Group]) {
    let t = lang.text();
    let mut rows = vec![vec![
        t.cli_id.to_string(),
        t.cli_name.to_string(),
        t.cli_kind.to_string(),
        t.cli_members.to_string(),
    ]];
    rows.extend(groups.iter().map(|g| {
        vec![
            g.id.clone(),
            g.name.clone(),
            i18n::group_kind(lang, g.kind).to_string(),
            g.members.len().to_string(),
        ]
    }));
    output::print_columns(indent, &rows, &[3]);
}

/// How many saved meetings a group has.
fn meeting_count(store: &Store, group_id: &str) -> usize {
    store
        .sessions()
        .summaries
        .iter()
        .filter(|s| s.group_id == group_id)
        .count()
}

fn show(cx: &CliContext, query: &str) -> CliResult {
    let lang = cx.lang;
    let t = lang.text();
    let store = Store::open_read_only(cx.paths.clone());
    let found = store.groups();
    let group = find_group(lang, &found.groups, query)?;
    let meetings = meeting_count(&store, &group.id);
    say!("{}", group.name);
    let site = if group.site.is_empty() {
        "–"
    } else {
        group.site.as_str()
    };
    let rows = vec![
        vec![t.cli_id.to_string(), group.id.clone()],
        vec![
            t.cli_kind.to_string(),
            i18n::group_kind(lang, group.kind).to_string(),
        ],
        vec![t.cli_site.to_string(), site.to_string()],
        vec![t.cli_makeup.to_string(), makeup(lang, group)],
        vec![t.cli_group_sessions.to_string(), meetings.to_string()],
        vec![
            t.cli_file.to_string(),
            cx.paths.group(&group.id).display().to_string(),
        ],
    ];
    output::print_columns("  ", &rows, &[]);
    say!();
    print_members(lang, group);
    Ok(())
}

fn add(cx: &CliContext, args: &AddArgs) -> CliResult {
    let lang = cx.lang;
    let t = lang.text();
    // Check everything the user typed before touching the data directory.
    let name = clean_name(&args.name).map_err(|e| group_error(lang, "", e))?;
    let kind = vocabulary::parse_kind(lang, &args.kind)?;
    let members = args
        .member
        .iter()
        .map(|spec| parse_member(lang, spec))
        .collect::<Result<Vec<_>, _>>()?;
    let site = args.site.as_deref().unwrap_or("");

    let store = output::open_for_writing(cx)?;
    let existing = store.groups();
    if let Some(other) = existing.groups.iter().find(|g| same_name(&g.name, &name)) {
        return Err(duplicate_name(lang, other));
    }
    let mut group = new_group(cx, &existing.groups, &name, kind, site)?;
    let mut added = Vec::new();
    for (member, role) in members {
        group
            .add_member(&member, role)
            .map_err(|e| group_error(lang, &group.id, e))?;
        added.push((member, role));
    }
    store
        .save_group(&group)
        .map_err(|e| output::store_error(cx, e))?;
    say!(
        "{}",
        fill(
            t.cli_group_created,
            &[("name", &group.name), ("id", &group.id)]
        )
    );
    for (member, role) in added {
        say!(
            "{}",
            fill(
                t.cli_member_added,
                &[("name", &member), ("role", i18n::role(lang, role))]
            )
        );
    }
    Ok(())
}

/// A new group with a random id suffix that no group file uses yet.
fn new_group(
    cx: &CliContext,
    existing: &[Group],
    name: &str,
    kind: crate::model::GroupKind,
    site: &str,
) -> Result<Group, CliError> {
    let mut last = None;
    for _ in 0..32 {
        let bytes = uuid::Uuid::new_v4().into_bytes();
        let suffix = format!("{:02x}{:02x}", bytes[0], bytes[1]);
        let group =
            Group::new(name, kind, site, &suffix).map_err(|e| group_error(cx.lang, "", e))?;
        let taken = existing.iter().any(|g| g.id == group.id)
            || std::fs::symlink_metadata(cx.paths.group(&group.id)).is_ok();
        if !taken {
            return Ok(group);
        }
        last = Some(group);
    }
    // 32 collisions in 65,536 ids cannot happen by chance; refuse rather than overwrite.
    let id = last.map(|g| g.id).unwrap_or_default();
    Err(CliError::new(
        EXIT_FAILED,
        fill(
            cx.lang.text().err_duplicate_group,
            &[("name", name), ("id", &id)],
        ),
    ))
}

/// Another group already has the name asked for.
fn duplicate_name(lang: Lang, other: &Group) -> CliError {
    let t = lang.text();
    CliError::new(
        EXIT_FAILED,
        fill(
            t.err_duplicate_group,
            &[("name", &other.name), ("id", &other.id)],
        ),
    )
    .hint(t.hint_group_name)
}

fn remove(cx: &CliContext, query: &str, yes: bool) -> CliResult {
    let lang = cx.lang;
    let t = lang.text();
    let store = if yes {
        output::open_for_writing(cx)?
    } else {
        Store::open_read_only(cx.paths.clone())
    };
    let found = store.groups();
    let group = find_group(lang, &found.groups, query)?;
    let meetings = meeting_count(&store, &group.id);
    let kept = fill(
        t.cli_remove_has_sessions,
        &[("count", &meetings.to_string())],
    );
    if !yes {
        tell!("{}", fill(t.cli_remove_confirm, &[("name", &group.name)]));
        if meetings > 0 {
            tell!("{kept}");
        }
        let command = format!("parvi groups remove {} --yes", group.id);
        tell!("{}", fill(t.cli_remove_command, &[("command", &command)]));
        return Err(CliError::silent(EXIT_FAILED));
    }
    store
        .remove_group(&group.id)
        .map_err(|e| output::store_error(cx, e))?;
    say!("{}", fill(t.cli_group_removed, &[("name", &group.name)]));
    if meetings > 0 {
        say!("{kept}");
    }
    Ok(())
}
