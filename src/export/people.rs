//! Who was at the meeting and how each person is named in an export: by name, or, in a
//! public version, students, guardians and guests by an alias ("opiskelija 1") or their role,
//! with their names taken out of free text.

use crate::i18n::{self, Lang, fill};
use crate::model::outcomes::Owner;
use crate::model::{MeetingState, MemberId, Role, SessionRecord, Side};

/// Someone in the record: a member (seating order) or a guest.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: MemberId,
    pub name: String,
    pub role: Role,
    pub guest: bool,
    /// The alias a public version uses; `None` for those named in every version.
    pub alias: Option<String>,
}

/// A replacement for one word-sized piece of a name in free text.
#[derive(Debug, Clone)]
struct Part {
    /// The piece as written (`Aino`), or an inflection stem (`Virtas` of `Virtanen`).
    text: String,
    /// Whether the piece must be followed by an ending to count (a stem is not a word).
    stem: bool,
    replacement: String,
}

/// The people of a record and the rules for naming them.
#[derive(Debug, Clone)]
pub struct Roster {
    pub lang: Lang,
    pub public: bool,
    pub people: Vec<Person>,
    /// Full names to replace in free text (longest first), with their replacements.
    full: Vec<(Vec<char>, String)>,
    parts: Vec<Part>,
}

/// Whether a public version leaves this person's name out: students, guardians (a guardian's
/// name points at a student) and guests (invited non-members, domain.md §3.4 rule 7).
fn private(role: Role, guest: bool) -> bool {
    role.side() == Side::Student || role == Role::Guardian || guest
}

/// The longest ending taken after a name part (`Aino|lle`, `Virtas|elle`).
const MAX_ENDING: usize = 5;

impl Roster {
    pub fn new(record: &SessionRecord, state: &MeetingState, lang: Lang, public: bool) -> Roster {
        let m = &lang.text().minutes;
        let mut people: Vec<Person> = Vec::new();
        let mut counts = [0usize; 3];
        let everyone = state
            .people
            .iter()
            .map(|p| (&p.id, &p.name, p.role, p.guest))
            .chain(
                record
                    .group
                    .members
                    .iter()
                    .map(|p| (&p.id, &p.name, p.role, false)),
            );
        for (id, name, role, guest) in everyone {
            if people.iter().any(|p| &p.id == id) {
                continue;
            }
            let alias = private(role, guest).then(|| {
                let (slot, template) = if role.side() == Side::Student {
                    (0, m.student_alias)
                } else if role == Role::Guardian {
                    (1, m.guardian_alias)
                } else {
                    (2, m.guest_alias)
                };
                counts[slot] += 1;
                fill(template, &[("n", &counts[slot].to_string())])
            });
            people.push(Person {
                id: id.clone(),
                name: name.clone(),
                role,
                guest,
                alias,
            });
        }
        let mut roster = Roster {
            lang,
            public,
            people,
            full: Vec::new(),
            parts: Vec::new(),
        };
        if public {
            roster.learn_names(record);
        }
        roster
    }

    /// Builds the free-text replacements: every hidden person's name, and the names of
    /// action owners the record does not know (a member who has left the group).
    fn learn_names(&mut self, record: &SessionRecord) {
        let removed = self.lang.text().minutes.name_removed;
        let mut hidden: Vec<(String, String)> = self
            .people
            .iter()
            .filter_map(|p| p.alias.clone().map(|a| (p.name.clone(), a)))
            .collect();
        let owners = record
            .carried_actions
            .iter()
            .chain(record.events.iter().filter_map(|e| match &e.event {
                crate::model::EventKind::ActionAdded { action }
                | crate::model::EventKind::ActionEdited { action } => Some(action),
                _ => None,
            }))
            .map(|a| &a.owner);
        for owner in owners {
            if let Owner::Member { name, .. } = owner
                && self.owner_person(owner).is_none()
                && !hidden.iter().any(|(n, _)| n == name)
            {
                hidden.push((name.clone(), removed.to_string()));
            }
        }
        let named: Vec<&str> = self
            .people
            .iter()
            .filter(|p| p.alias.is_none())
            .map(|p| p.name.as_str())
            .collect();
        let pieces = |name: &str| -> Vec<String> {
            name.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 2)
                .map(str::to_string)
                .collect()
        };
        let mut full: Vec<(Vec<char>, String)> = hidden
            .iter()
            .map(|(name, alias)| (name.chars().collect(), alias.clone()))
            .collect();
        full.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
        let mut parts: Vec<Part> = Vec::new();
        for (name, alias) in &hidden {
            for piece in pieces(name) {
                let owners = hidden
                    .iter()
                    .filter(|(other, _)| pieces(other).contains(&piece))
                    .count();
                let shared = owners > 1 || named.iter().any(|n| pieces(n).contains(&piece));
                let replacement = if shared {
                    removed.to_string()
                } else {
                    alias.clone()
                };
                // Finnish -nen names inflect from an -s- stem: Virtanen, Virtasen, Virtaselle.
                if let Some(base) = piece.strip_suffix("nen")
                    && base.chars().count() >= 2
                {
                    parts.push(Part {
                        text: format!("{base}s"),
                        stem: true,
                        replacement: replacement.clone(),
                    });
                }
                parts.push(Part {
                    text: piece,
                    stem: false,
                    replacement,
                });
            }
        }
        parts.sort_by_key(|p| std::cmp::Reverse(p.text.len()));
        self.full = full;
        self.parts = parts;
    }

    pub fn person(&self, id: &MemberId) -> Option<&Person> {
        self.people.iter().find(|p| &p.id == id)
    }

    /// Whether this person's name is left out of this export.
    pub fn hides(&self, person: &Person) -> bool {
        self.public && person.alias.is_some()
    }

    /// How a person is named in running text and tables: their name, or in a public
    /// version their role if their name is left out.
    pub fn label(&self, id: &MemberId) -> String {
        match self.person(id) {
            Some(p) if self.hides(p) => i18n::role(self.lang, p.role).to_string(),
            Some(p) => p.name.clone(),
            None => self.lang.text().minutes.member_unknown.to_string(),
        }
    }

    /// How a person is named where each person needs a name of their own (CSV attendance,
    /// JSON): their name, or their alias.
    pub fn alias(&self, id: &MemberId) -> String {
        match self.person(id) {
            Some(p) if self.hides(p) => p.alias.clone().unwrap_or_default(),
            Some(p) => p.name.clone(),
            None => self.lang.text().minutes.member_unknown.to_string(),
        }
    }

    /// The person an action's owner names: the same id and name, else the same name.
    pub fn owner_person(&self, owner: &Owner) -> Option<&Person> {
        let Owner::Member { id, name } = owner else {
            return None;
        };
        self.people
            .iter()
            .find(|p| &p.id == id && &p.name == name)
            .or_else(|| self.people.iter().find(|p| &p.name == name))
    }

    /// Who owns an action, as the minutes say it.
    pub fn owner(&self, owner: &Owner) -> String {
        match owner {
            Owner::Role { role } => i18n::role(self.lang, *role).to_string(),
            Owner::Member { name, .. } => match self.owner_person(owner) {
                Some(p) => self.label(&p.id),
                None if self.public => self.lang.text().minutes.member_unknown.to_string(),
                None => name.clone(),
            },
        }
    }

    /// Free text with the hidden names taken out (only in a public version).
    pub fn scrub(&self, text: &str) -> String {
        if !self.public || self.full.is_empty() {
            return text.to_string();
        }
        self.scrub_parts(&self.scrub_full(text))
    }

    /// Replaces whole names, whatever their case, where they stand as words.
    fn scrub_full(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        'outer: while i < chars.len() {
            let boundary_before = i == 0 || !chars[i - 1].is_alphanumeric();
            if boundary_before {
                for (name, replacement) in &self.full {
                    let end = i + name.len();
                    if end <= chars.len()
                        && chars[i..end]
                            .iter()
                            .zip(name)
                            .all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
                        && chars.get(end).is_none_or(|c| !c.is_alphanumeric())
                    {
                        out.push_str(replacement);
                        i = end;
                        continue 'outer;
                    }
                }
            }
            out.push(chars[i]);
            i += 1;
        }
        out
    }

    /// Replaces words that are a part of a hidden name, or such a part with a short
    /// lower-case ending (`Ainolle`, `Virtasen`). Case matters: names are capitalised, so
    /// `ainoa` ("the only") stays.
    fn scrub_parts(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            if word.is_empty() {
                return;
            }
            let hit = self.parts.iter().find(|p| {
                word.strip_prefix(p.text.as_str()).is_some_and(|ending| {
                    let n = ending.chars().count();
                    if n == 0 {
                        !p.stem
                    } else {
                        n <= MAX_ENDING && ending.chars().all(char::is_lowercase)
                    }
                })
            });
            match hit {
                Some(p) => out.push_str(&p.replacement),
                None => out.push_str(word),
            }
            word.clear();
        };
        for c in text.chars() {
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster(public: bool) -> Roster {
        let record = crate::sample::meetings().remove(2);
        let state = MeetingState::replay(&record);
        Roster::new(&record, &state, Lang::Fi, public)
    }

    #[test]
    fn students_get_aliases_in_seating_order_and_staff_keep_their_names() {
        let r = roster(true);
        let alias = |name: &str| {
            r.people
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.alias.clone())
        };
        assert_eq!(alias("Aino Virtanen").as_deref(), Some("opiskelija 1"));
        assert_eq!(alias("Eetu Nieminen").as_deref(), Some("opiskelija 2"));
        assert_eq!(alias("Sofia Laine").as_deref(), Some("opiskelija 3"));
        assert_eq!(alias("Mikko Korhonen"), None);
        assert_eq!(r.label(&MemberId("m1".into())), "opiskelija");
        assert_eq!(r.label(&MemberId("m2".into())), "Mikko Korhonen");
        assert_eq!(roster(false).label(&MemberId("m1".into())), "Aino Virtanen");
    }

    #[test]
    fn hidden_names_are_taken_out_of_free_text_with_their_endings() {
        let r = roster(true);
        assert_eq!(
            r.scrub(
                "AINO VIRTANEN ja Mikko Korhonen sopivat, että Ainolle ja Virtaselle kerrotaan."
            ),
            "opiskelija 1 ja Mikko Korhonen sopivat, että opiskelija 1 ja opiskelija 1 kerrotaan."
        );
        assert_eq!(
            r.scrub("Sofian idea: ainoa hiljainen tila. Lainen ehdotus."),
            "opiskelija 3 idea: ainoa hiljainen tila. opiskelija 3 ehdotus."
        );
        assert_eq!(r.scrub("Ruokalan jonot"), "Ruokalan jonot");
        // Not public: nothing changes.
        assert_eq!(roster(false).scrub("Aino"), "Aino");
    }
}
