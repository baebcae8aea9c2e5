//! Groups and their members: who meets, in which kind of group, at which site.
//!
//! A group is edited by pure functions here; the store decides where it lives on disk.
//! Member ids are never reused within a group, so an old meeting's snapshot can never be
//! confused with a newer member who happens to take the same slot.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::role::{Role, Side};

/// The kinds of group parvi serves. There is deliberately no "individual case" kind: matters
/// of one student belong to a separate expert group under the Student Welfare Act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// *toimipaikan hyvinvointiryhmä*
    SiteWellbeing,
    /// *yhteisöllinen opiskeluhuoltoryhmä*
    CommunityWelfare,
    /// *ohjausryhmä*
    Steering,
    /// *opiskelijakunnan hallitus*
    StudentUnion,
    /// a multi-professional expert "Round Table"
    RoundTable,
    /// *hankeverkosto*
    ProjectNetwork,
    /// anything else
    Other,
}

impl GroupKind {
    /// Every kind, in menu order.
    pub const ALL: [GroupKind; 7] = [
        GroupKind::SiteWellbeing,
        GroupKind::CommunityWelfare,
        GroupKind::Steering,
        GroupKind::StudentUnion,
        GroupKind::RoundTable,
        GroupKind::ProjectNetwork,
        GroupKind::Other,
    ];

    /// The machine name used in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            GroupKind::SiteWellbeing => "site_wellbeing",
            GroupKind::CommunityWelfare => "community_welfare",
            GroupKind::Steering => "steering",
            GroupKind::StudentUnion => "student_union",
            GroupKind::RoundTable => "round_table",
            GroupKind::ProjectNetwork => "project_network",
            GroupKind::Other => "other",
        }
    }

    /// Parses a machine name as written by [`GroupKind::key`].
    pub fn from_key(key: &str) -> Option<GroupKind> {
        GroupKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A member's id, unique within one group and never reused (`m1`, `m2`, …).
/// Guests of a single meeting get ids of the form `g1`, `g2`, … in that meeting only.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct MemberId(pub String);

impl MemberId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for MemberId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One person in a group. The order of members in the group is their seating order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: MemberId,
    pub name: String,
    pub role: Role,
}

impl Member {
    pub fn side(&self) -> Side {
        self.role.side()
    }
}

/// A group that meets: its kind, site and members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// File format version; see [`crate::model::SCHEMA_VERSION`].
    pub schema: u32,
    /// A readable, unique id that also names the file: `hyvinvointiryhma-kotka-3f9a`.
    pub id: String,
    pub name: String,
    pub kind: GroupKind,
    /// The site or school, e.g. "Kotkan toimipaikka".
    #[serde(default)]
    pub site: String,
    /// Members in seating order.
    #[serde(default)]
    pub members: Vec<Member>,
    /// The number part of the next member id; ids are never reused.
    pub next_member: u32,
}

/// Why a change to a group was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GroupError {
    #[error("the name is empty")]
    EmptyName,
    #[error("the name is longer than {max} characters")]
    NameTooLong { max: usize },
    #[error("the group already has a member called {0:?}")]
    DuplicateMember(String),
    #[error("the group has no member {0:?}")]
    NoSuchMember(String),
}

/// Longest name accepted for a group or member; longer names do not fit any screen.
pub const MAX_NAME_CHARS: usize = 80;

/// Trims a name and checks it is usable.
pub fn clean_name(name: &str) -> Result<String, GroupError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(GroupError::EmptyName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(GroupError::NameTooLong {
            max: MAX_NAME_CHARS,
        });
    }
    Ok(name)
}

/// Makes the readable part of a group id from its name: lower case ASCII letters and digits
/// joined by dashes, with Finnish and Swedish letters folded (`ä`→`a`, `ö`→`o`, `å`→`a`).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ä' | 'å' | 'á' | 'à' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            'š' => 's',
            'ž' => 'z',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
        if out.len() >= 40 {
            break;
        }
    }
    if out.is_empty() {
        out.push_str("group");
    }
    out
}

impl Group {
    /// A new group with no members. `suffix` makes the id unique (the caller passes a few
    /// random hex digits) so two laptops syncing one folder never pick the same file name.
    pub fn new(name: &str, kind: GroupKind, site: &str, suffix: &str) -> Result<Group, GroupError> {
        let name = clean_name(name)?;
        Ok(Group {
            schema: super::SCHEMA_VERSION,
            id: format!("{}-{}", slug(&name), suffix),
            name,
            kind,
            site: site.trim().to_string(),
            members: Vec::new(),
            next_member: 1,
        })
    }

    /// Adds a member at the end of the seating order and returns their new id.
    pub fn add_member(&mut self, name: &str, role: Role) -> Result<MemberId, GroupError> {
        let name = clean_name(name)?;
        if self.members.iter().any(|m| m.name == name) {
            return Err(GroupError::DuplicateMember(name));
        }
        let id = MemberId(format!("m{}", self.next_member));
        self.next_member += 1;
        self.members.push(Member {
            id: id.clone(),
            name,
            role,
        });
        Ok(id)
    }

    /// Finds a member by id or by exact name (case-insensitive).
    pub fn find_member(&self, id_or_name: &str) -> Option<&Member> {
        let wanted = id_or_name.trim();
        self.members.iter().find(|m| m.id.0 == wanted).or_else(|| {
            let lower = wanted.to_lowercase();
            self.members.iter().find(|m| m.name.to_lowercase() == lower)
        })
    }

    fn member_index(&self, id_or_name: &str) -> Result<usize, GroupError> {
        let id = self
            .find_member(id_or_name)
            .ok_or_else(|| GroupError::NoSuchMember(id_or_name.to_string()))?
            .id
            .clone();
        Ok(self.members.iter().position(|m| m.id == id).unwrap_or(0))
    }

    /// Removes a member; their id is not reused.
    pub fn remove_member(&mut self, id_or_name: &str) -> Result<Member, GroupError> {
        let index = self.member_index(id_or_name)?;
        Ok(self.members.remove(index))
    }

    /// Renames a member and/or changes their role.
    pub fn edit_member(
        &mut self,
        id_or_name: &str,
        name: Option<&str>,
        role: Option<Role>,
    ) -> Result<(), GroupError> {
        let index = self.member_index(id_or_name)?;
        if let Some(name) = name {
            let name = clean_name(name)?;
            if self
                .members
                .iter()
                .enumerate()
                .any(|(i, m)| i != index && m.name == name)
            {
                return Err(GroupError::DuplicateMember(name));
            }
            self.members[index].name = name;
        }
        if let Some(role) = role {
            self.members[index].role = role;
        }
        Ok(())
    }

    /// Moves a member one seat earlier (`-1`) or later (`+1`) in the seating order.
    pub fn move_member(&mut self, id_or_name: &str, step: isize) -> Result<(), GroupError> {
        let index = self.member_index(id_or_name)?;
        let target = index
            .saturating_add_signed(step)
            .min(self.members.len().saturating_sub(1));
        let member = self.members.remove(index);
        self.members.insert(target, member);
        Ok(())
    }

    /// Renames the group. The id (and so the file name) stays, so links from meetings hold.
    pub fn rename(&mut self, name: &str) -> Result<(), GroupError> {
        self.name = clean_name(name)?;
        Ok(())
    }

    /// How many members sit on each side.
    pub fn seats_by_side(&self) -> [usize; 3] {
        let mut seats = [0; 3];
        for m in &self.members {
            seats[m.side() as usize] += 1;
        }
        seats
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group() -> Group {
        Group::new(
            "Hyvinvointiryhmä Kotka",
            GroupKind::SiteWellbeing,
            "Kotka",
            "3f9a",
        )
        .unwrap()
    }

    #[test]
    fn slug_folds_finnish_letters() {
        assert_eq!(slug("Hyvinvointiryhmä  Kotka!"), "hyvinvointiryhma-kotka");
        assert_eq!(slug("Åbo Östra"), "abo-ostra");
        assert_eq!(slug("!!!"), "group");
        assert_eq!(group().id, "hyvinvointiryhma-kotka-3f9a");
    }

    #[test]
    fn member_ids_are_never_reused() {
        let mut g = group();
        let a = g.add_member("Aino Virtanen", Role::Student).unwrap();
        let b = g.add_member("Mikko Korhonen", Role::Teacher).unwrap();
        g.remove_member(b.as_str()).unwrap();
        let c = g.add_member("Leena Mäkinen", Role::Nurse).unwrap();
        assert_eq!((a.as_str(), c.as_str()), ("m1", "m3"));
    }

    #[test]
    fn names_are_trimmed_and_checked() {
        let mut g = group();
        g.add_member("  Aino   Virtanen ", Role::Student).unwrap();
        assert_eq!(g.members[0].name, "Aino Virtanen");
        assert_eq!(
            g.add_member("aino virtanen", Role::Student).map(|_| ()),
            Ok(())
        );
        assert_eq!(
            g.add_member("Aino Virtanen", Role::Teacher),
            Err(GroupError::DuplicateMember("Aino Virtanen".into()))
        );
        assert_eq!(
            g.add_member("   ", Role::Teacher),
            Err(GroupError::EmptyName)
        );
        assert!(matches!(
            g.add_member(&"x".repeat(81), Role::Teacher),
            Err(GroupError::NameTooLong { .. })
        ));
    }

    #[test]
    fn members_are_found_by_id_or_name_and_can_move() {
        let mut g = group();
        g.add_member("Aino", Role::Student).unwrap();
        g.add_member("Mikko", Role::Teacher).unwrap();
        g.add_member("Leena", Role::Nurse).unwrap();
        assert_eq!(g.find_member("MIKKO").unwrap().id.as_str(), "m2");
        g.move_member("m3", -1).unwrap();
        let names: Vec<_> = g.members.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["Aino", "Leena", "Mikko"]);
        g.move_member("Aino", -1).unwrap();
        assert_eq!(g.members[0].name, "Aino");
        g.edit_member("Leena", None, Some(Role::Psychologist))
            .unwrap();
        assert_eq!(g.members[1].role, Role::Psychologist);
        assert_eq!(
            g.edit_member("nobody", None, None),
            Err(GroupError::NoSuchMember("nobody".into()))
        );
        assert_eq!(g.seats_by_side(), [1, 2, 0]);
    }
}
