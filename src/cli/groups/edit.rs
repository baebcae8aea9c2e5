//! `parvi groups edit`: the group's own fields and its members' changes (`--add`,
//! `--remove`, `--rename`, `--role`, `--move`), each checked before the data directory is
//! touched, then made in a fixed order.

use clap::Args;

use super::{duplicate_name, find_group, group_error, parse_member, print_members, same_name};
use crate::cli::output::say;
use crate::cli::output::{self, CliError, CliResult};
use crate::cli::{CliContext, EXIT_FAILED, EXIT_USAGE, vocabulary};
use crate::i18n::{self, Lang, fill};
use crate::model::group::{GroupError, clean_name};
use crate::model::{Group, MemberId, Role};

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

/// The member changes of `parvi groups edit`, checked: each names a member as typed.
struct MemberEdits<'a> {
    adds: Vec<(String, Role)>,
    renames: Vec<(&'a str, &'a str)>,
    roles: Vec<(&'a str, Role)>,
    moves: Vec<(&'a str, isize)>,
}

pub(super) fn edit(cx: &CliContext, args: &EditArgs) -> CliResult {
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
        say!("{line}");
    }
    say!("{}", fill(t.cli_group_saved, &[("name", &group.name)]));
    say!();
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
