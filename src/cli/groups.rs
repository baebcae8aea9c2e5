//! `parvi groups …`: list, show, add, edit and remove groups and their members.

use clap::Args;

use super::output::{self, CliError, CliResult};
use super::{CliContext, EXIT_FAILED, EXIT_USAGE, GroupsCommand, vocabulary};
use crate::i18n::{self, Lang, fill};
use crate::model::group::{GroupError, clean_name};
use crate::model::{Group, MemberId, Role, Side};
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

/// Arguments of `parvi groups edit`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The group's id or name.
    pub group: String,
    /// A new name for the group (the id stays).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// The kind of group; the choices are below.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// The site or school.
    #[arg(long, value_name = "SITE")]
    pub site: Option<String>,
    /// Add a member as "Name:role"; repeat for more.
    #[arg(long, value_name = "NAME:ROLE")]
    pub add: Vec<String>,
    /// Remove a member (id or name); repeat for more.
    #[arg(long, value_name = "MEMBER")]
    pub remove: Vec<String>,
    /// Rename a member: "MEMBER=New name".
    #[arg(long, value_name = "MEMBER=NAME")]
    pub rename: Vec<String>,
    /// Change a member's role: "MEMBER=role".
    #[arg(long, value_name = "MEMBER=ROLE")]
    pub role: Vec<String>,
    /// Move a member in the seating order: "MEMBER=-1" (earlier) or "MEMBER=+1" (later).
    #[arg(
        id = "move",
        long = "move",
        value_name = "MEMBER=STEP",
        allow_hyphen_values = true
    )]
    pub moves: Vec<String>,
}

pub fn run(cx: &CliContext, command: GroupsCommand) -> u8 {
    let result = match command {
        GroupsCommand::List => list(cx),
        GroupsCommand::Show { group } => show(cx, &group),
        GroupsCommand::Add(args) => add(cx, &args),
        GroupsCommand::Edit(args) => edit(cx, &args),
        GroupsCommand::Remove { group, yes } => remove(cx, &group, yes),
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

/// Finds a member by id or full name (case-insensitive), else by the start of the name
/// (`Mikko` for "Mikko Korhonen") when only one member's name starts so. `Err` lists the
/// members that the start of a name fits.
fn lookup_member(group: &Group, reference: &str) -> Result<Option<MemberId>, Vec<String>> {
    if let Some(member) = group.find_member(reference) {
        return Ok(Some(member.id.clone()));
    }
    let start = format!(
        "{} ",
        reference
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    );
    let fits: Vec<&crate::model::Member> = group
        .members
        .iter()
        .filter(|m| start.len() > 1 && m.name.to_lowercase().starts_with(&start))
        .collect();
    match fits.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(one.id.clone())),
        many => Err(many
            .iter()
            .map(|m| format!("{} {}", m.id, m.name))
            .collect()),
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

/// Splits `MEMBER=value` of the flag `flag`, explained by `help` when it does not fit.
fn split_change<'a>(
    lang: Lang,
    flag: &str,
    help: &str,
    spec: &'a str,
    last: bool,
) -> Result<(&'a str, &'a str), CliError> {
    let split = if last {
        spec.rsplit_once('=')
    } else {
        spec.split_once('=')
    };
    match split {
        Some((member, value)) if !member.trim().is_empty() => Ok((member.trim(), value)),
        _ => Err(CliError::new(
            EXIT_USAGE,
            fill(
                lang.text().err_bad_change_spec,
                &[("flag", flag), ("value", spec)],
            ),
        )
        .hint(help)),
    }
}

fn parse_step(lang: Lang, value: &str) -> Result<isize, CliError> {
    match value.trim().parse::<isize>() {
        Ok(step) if step != 0 => Ok(step),
        _ => Err(CliError::new(
            EXIT_USAGE,
            fill(lang.text().err_bad_step, &[("value", value.trim())]),
        )),
    }
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
        println!("{}", fill(t.cli_no_members, &[("id", &group.id)]));
        return;
    }
    println!("{} ({})", t.cli_members, group.members.len());
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
        println!("{}", t.cli_no_groups);
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

fn show(cx: &CliContext, query: &str) -> CliResult {
    let lang = cx.lang;
    let t = lang.text();
    let store = Store::open_read_only(cx.paths.clone());
    let found = store.groups();
    let group = find_group(lang, &found.groups, query)?;
    let meetings = store
        .sessions()
        .summaries
        .iter()
        .filter(|s| s.group_id == group.id)
        .count();
    println!("{}", group.name);
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
    println!();
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
    println!(
        "{}",
        fill(
            t.cli_group_created,
            &[("name", &group.name), ("id", &group.id)]
        )
    );
    for (member, role) in added {
        println!(
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

/// The member changes of `parvi groups edit`, checked: each names a member as typed.
struct MemberEdits<'a> {
    adds: Vec<(String, Role)>,
    renames: Vec<(&'a str, &'a str)>,
    roles: Vec<(&'a str, Role)>,
    moves: Vec<(&'a str, isize)>,
}

fn edit(cx: &CliContext, args: &EditArgs) -> CliResult {
    let lang = cx.lang;
    let t = lang.text();
    let nothing = args.name.is_none()
        && args.kind.is_none()
        && args.site.is_none()
        && args.add.is_empty()
        && args.remove.is_empty()
        && args.rename.is_empty()
        && args.role.is_empty()
        && args.moves.is_empty();
    if nothing {
        return Err(CliError::new(EXIT_USAGE, t.err_nothing_to_change).hint(t.hint_edit_options));
    }
    // Check everything the user typed before touching the data directory.
    let name = args
        .name
        .as_deref()
        .map(clean_name)
        .transpose()
        .map_err(|e| group_error(lang, "", e))?;
    let kind = args
        .kind
        .as_deref()
        .map(|k| vocabulary::parse_kind(lang, k))
        .transpose()?;
    let edits = parse_member_edits(lang, args)?;

    let store = output::open_for_writing(cx)?;
    let found = store.groups();
    let original = find_group(lang, &found.groups, &args.group)?.clone();
    let mut group = original.clone();
    if let Some(name) = name {
        if let Some(other) = found
            .groups
            .iter()
            .find(|g| g.id != group.id && same_name(&g.name, &name))
        {
            return Err(duplicate_name(lang, other));
        }
        group
            .rename(&name)
            .map_err(|e| group_error(lang, &original.id, e))?;
    }
    if let Some(kind) = kind {
        group.kind = kind;
    }
    if let Some(site) = &args.site {
        group.site = site.trim().to_string();
    }
    let said = edit_members(lang, &original, &mut group, &args.remove, edits)?;

    store
        .save_group(&group)
        .map_err(|e| output::store_error(cx, e))?;
    for line in said {
        println!("{line}");
    }
    println!("{}", fill(t.cli_group_saved, &[("name", &group.name)]));
    println!();
    print_members(lang, &group);
    Ok(())
}

/// The `--add`, `--rename`, `--role` and `--move` options, each checked.
fn parse_member_edits(lang: Lang, args: &EditArgs) -> Result<MemberEdits<'_>, CliError> {
    let t = lang.text();
    let adds = args
        .add
        .iter()
        .map(|spec| parse_member(lang, spec))
        .collect::<Result<Vec<_>, _>>()?;
    let renames = args
        .rename
        .iter()
        .map(|spec| split_change(lang, "--rename", t.help_arg_rename, spec, false))
        .collect::<Result<Vec<_>, _>>()?;
    let roles = args
        .role
        .iter()
        .map(|spec| {
            let (member, role) = split_change(lang, "--role", t.help_arg_role, spec, true)?;
            Ok((member, vocabulary::parse_role(lang, role)?))
        })
        .collect::<Result<Vec<_>, CliError>>()?;
    let moves = args
        .moves
        .iter()
        .map(|spec| {
            let (member, step) = split_change(lang, "--move", t.help_arg_move, spec, true)?;
            Ok((member, parse_step(lang, step)?))
        })
        .collect::<Result<Vec<_>, CliError>>()?;
    Ok(MemberEdits {
        adds,
        renames,
        roles,
        moves,
    })
}

/// A member named on the command line. It is looked up in the group as it was before
/// this command first, so `--rename "Mikko=Mikael" --role "Mikko=nurse"` both mean Mikko;
/// names that only exist after an earlier change (a new member, a new name) also work.
fn resolve(
    lang: Lang,
    original: &Group,
    group: &Group,
    reference: &str,
) -> Result<MemberId, CliError> {
    let t = lang.text();
    if let Ok(Some(id)) = lookup_member(original, reference)
        && group.members.iter().any(|m| m.id == id)
    {
        return Ok(id);
    }
    match lookup_member(group, reference) {
        Ok(Some(id)) => Ok(id),
        Ok(None) => Err(group_error(
            lang,
            &original.id,
            GroupError::NoSuchMember(reference.trim().to_string()),
        )),
        Err(matches) => Err(CliError::new(
            EXIT_FAILED,
            fill(
                t.err_ambiguous_member,
                &[("name", reference.trim()), ("matches", &matches.join(", "))],
            ),
        )
        .hint(fill(t.hint_group_members, &[("group", &original.id)]))),
    }
}

/// Makes the member changes in the order removals, renames, roles, additions, moves;
/// returns a line for each to tell the user.
fn edit_members(
    lang: Lang,
    original: &Group,
    group: &mut Group,
    removals: &[String],
    edits: MemberEdits,
) -> Result<Vec<String>, CliError> {
    let t = lang.text();
    let err = |e| group_error(lang, &original.id, e);
    let name_of = |group: &Group, id: &MemberId| {
        group
            .find_member(id.as_str())
            .map(|m| m.name.clone())
            .unwrap_or_default()
    };
    let mut said = Vec::new();
    for reference in removals {
        let id = resolve(lang, original, group, reference)?;
        let removed = group.remove_member(id.as_str()).map_err(err)?;
        said.push(fill(t.cli_member_removed, &[("name", &removed.name)]));
    }
    for (reference, new_name) in edits.renames {
        let id = resolve(lang, original, group, reference)?;
        let old = name_of(group, &id);
        group
            .edit_member(id.as_str(), Some(new_name), None)
            .map_err(err)?;
        let new = name_of(group, &id);
        said.push(fill(t.cli_member_renamed, &[("old", &old), ("new", &new)]));
    }
    for (reference, role) in edits.roles {
        let id = resolve(lang, original, group, reference)?;
        group
            .edit_member(id.as_str(), None, Some(role))
            .map_err(err)?;
        said.push(fill(
            t.cli_member_role_set,
            &[
                ("name", &name_of(group, &id)),
                ("role", i18n::role(lang, role)),
            ],
        ));
    }
    for (member, role) in edits.adds {
        group.add_member(&member, role).map_err(err)?;
        said.push(fill(
            t.cli_member_added,
            &[("name", &member), ("role", i18n::role(lang, role))],
        ));
    }
    for (reference, step) in edits.moves {
        let id = resolve(lang, original, group, reference)?;
        group.move_member(id.as_str(), step).map_err(err)?;
        let seat = group.members.iter().position(|m| m.id == id).unwrap_or(0) + 1;
        said.push(fill(
            t.cli_member_moved,
            &[("name", &name_of(group, &id)), ("seat", &seat.to_string())],
        ));
    }
    Ok(said)
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
    let meetings = store
        .sessions()
        .summaries
        .iter()
        .filter(|s| s.group_id == group.id)
        .count();
    let kept = fill(
        t.cli_remove_has_sessions,
        &[("count", &meetings.to_string())],
    );
    if !yes {
        eprintln!("{}", fill(t.cli_remove_confirm, &[("name", &group.name)]));
        if meetings > 0 {
            eprintln!("{kept}");
        }
        let command = format!("parvi groups remove {} --yes", group.id);
        eprintln!("{}", fill(t.cli_remove_command, &[("command", &command)]));
        return Err(CliError::silent(EXIT_FAILED));
    }
    store
        .remove_group(&group.id)
        .map_err(|e| output::store_error(cx, e))?;
    println!("{}", fill(t.cli_group_removed, &[("name", &group.name)]));
    if meetings > 0 {
        println!("{kept}");
    }
    Ok(())
}
