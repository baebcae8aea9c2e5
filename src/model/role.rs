//! The fixed list of roles a group member can have, and the side each role belongs to.
//!
//! Participation is measured per side (students, staff, external), so the mapping from role to
//! side is part of the data contract: changing it changes every figure parvi has reported.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A member's role in the group. The list is fixed and translated (see `i18n`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// *opiskelija*
    Student,
    /// *opiskelijakunnan edustaja*
    StudentUnionRep,
    /// *opettaja*
    Teacher,
    /// *erityisopettaja*
    SpecialNeedsTeacher,
    /// *opinto-ohjaaja*
    GuidanceCounsellor,
    /// *kuraattori*
    SchoolSocialWorker,
    /// *psykologi*
    Psychologist,
    /// *terveydenhoitaja*
    Nurse,
    /// *johto*: principal, head of department
    Management,
    /// *muu henkilöstö*: dormitory supervisor, youth worker, secretary…
    OtherStaff,
    /// *ulkopuolinen asiantuntija*
    ExternalExpert,
    /// *huoltaja*
    Guardian,
}

/// Which side of the room a role speaks for. Airtime is compared per side.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Student,
    Staff,
    External,
}

impl Role {
    /// Every role, in the order menus show them.
    pub const ALL: [Role; 12] = [
        Role::Student,
        Role::StudentUnionRep,
        Role::Teacher,
        Role::SpecialNeedsTeacher,
        Role::GuidanceCounsellor,
        Role::SchoolSocialWorker,
        Role::Psychologist,
        Role::Nurse,
        Role::Management,
        Role::OtherStaff,
        Role::ExternalExpert,
        Role::Guardian,
    ];

    /// The side this role is counted on.
    pub fn side(self) -> Side {
        match self {
            Role::Student | Role::StudentUnionRep => Side::Student,
            Role::Teacher
            | Role::SpecialNeedsTeacher
            | Role::GuidanceCounsellor
            | Role::SchoolSocialWorker
            | Role::Psychologist
            | Role::Nurse
            | Role::Management
            | Role::OtherStaff => Side::Staff,
            Role::ExternalExpert | Role::Guardian => Side::External,
        }
    }

    /// The stable machine name used in files and on the command line (`guidance_counsellor`).
    pub fn key(self) -> &'static str {
        match self {
            Role::Student => "student",
            Role::StudentUnionRep => "student_union_rep",
            Role::Teacher => "teacher",
            Role::SpecialNeedsTeacher => "special_needs_teacher",
            Role::GuidanceCounsellor => "guidance_counsellor",
            Role::SchoolSocialWorker => "school_social_worker",
            Role::Psychologist => "psychologist",
            Role::Nurse => "nurse",
            Role::Management => "management",
            Role::OtherStaff => "other_staff",
            Role::ExternalExpert => "external_expert",
            Role::Guardian => "guardian",
        }
    }

    /// Parses a machine name as written by [`Role::key`].
    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }
}

impl Side {
    /// The three sides, in the order every chart and table shows them.
    pub const ALL: [Side; 3] = [Side::Student, Side::Staff, Side::External];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_match_serde() {
        for role in Role::ALL {
            assert_eq!(Role::from_key(role.key()), Some(role));
            let json = serde_json::to_string(&role).unwrap();
            assert_eq!(json, format!("\"{}\"", role.key()));
        }
    }

    #[test]
    fn students_and_union_reps_are_the_student_side() {
        let students: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| r.side() == Side::Student)
            .collect();
        assert_eq!(students, vec![Role::Student, Role::StudentUnionRep]);
        assert_eq!(Role::Guardian.side(), Side::External);
        assert_eq!(Role::Nurse.side(), Side::Staff);
    }
}
