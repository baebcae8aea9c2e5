//! The group vocabulary on the command line: role and group-kind keys with their names, for
//! help and errors, and parsing a role or kind the user typed by key or by name.

use super::EXIT_USAGE;
use super::output::{CliError, columns};
use crate::i18n::{Lang, fill};
use crate::model::{GroupKind, Role};

/// Every role key with its name in `lang`, one per line, for errors and help.
pub fn role_list(lang: Lang) -> String {
    let rows: Vec<Vec<String>> = Role::ALL
        .iter()
        .map(|r| vec![r.key().to_string(), crate::i18n::role(lang, *r).to_string()])
        .collect();
    columns(&rows, &[])
        .iter()
        .map(|l| format!("\n  {l}"))
        .collect()
}

/// Every group kind key with its name in `lang`, one per line.
pub fn kind_list(lang: Lang) -> String {
    let rows: Vec<Vec<String>> = GroupKind::ALL
        .iter()
        .map(|k| {
            vec![
                k.key().to_string(),
                crate::i18n::group_kind(lang, *k).to_string(),
            ]
        })
        .collect();
    columns(&rows, &[])
        .iter()
        .map(|l| format!("\n  {l}"))
        .collect()
}

fn key_form(value: &str) -> String {
    value.trim().to_lowercase().replace(['-', ' '], "_")
}

/// Parses a role: its key (`guidance_counsellor`, also `guidance-counsellor`), or its name
/// in any of the three languages (`opinto-ohjaaja`).
pub fn parse_role(lang: Lang, value: &str) -> Result<Role, CliError> {
    let key = key_form(value);
    let lower = value.trim().to_lowercase();
    Role::from_key(&key)
        .or_else(|| {
            Role::ALL.into_iter().find(|r| {
                Lang::ALL
                    .iter()
                    .any(|l| crate::i18n::role(*l, *r).to_lowercase() == lower)
            })
        })
        .ok_or_else(|| {
            let t = lang.text();
            CliError::new(
                EXIT_USAGE,
                fill(
                    t.err_bad_role,
                    &[("role", value.trim()), ("roles", &role_list(lang))],
                ),
            )
            .hint(t.hint_member_example)
        })
}

/// Parses a group kind by its key or its name in any language.
pub fn parse_kind(lang: Lang, value: &str) -> Result<GroupKind, CliError> {
    let key = key_form(value);
    let lower = value.trim().to_lowercase();
    GroupKind::from_key(&key)
        .or_else(|| {
            GroupKind::ALL.into_iter().find(|k| {
                Lang::ALL
                    .iter()
                    .any(|l| crate::i18n::group_kind(*l, *k).to_lowercase() == lower)
            })
        })
        .ok_or_else(|| {
            let t = lang.text();
            CliError::new(
                EXIT_USAGE,
                fill(
                    t.err_bad_kind,
                    &[("kind", value.trim()), ("kinds", &kind_list(lang))],
                ),
            )
            .hint(t.hint_kind_example)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_kinds_parse_by_key_or_name() {
        assert_eq!(
            parse_role(Lang::Fi, "guidance-counsellor"),
            Ok(Role::GuidanceCounsellor)
        );
        assert_eq!(
            parse_role(Lang::En, "Opinto-ohjaaja"),
            Ok(Role::GuidanceCounsellor)
        );
        assert_eq!(
            parse_role(Lang::Fi, "kuraattori"),
            Ok(Role::SchoolSocialWorker)
        );
        let e = parse_role(Lang::Fi, "velho").unwrap_err();
        assert_eq!(e.code, EXIT_USAGE);
        assert!(e.message.contains("student_union_rep"));
        assert!(e.message.contains("opiskelijakunnan edustaja"));
        assert_eq!(parse_kind(Lang::Sv, "STEERING"), Ok(GroupKind::Steering));
        assert!(
            parse_kind(Lang::Sv, "x")
                .unwrap_err()
                .message
                .contains("styrgrupp")
        );
    }
}
