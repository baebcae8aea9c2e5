//! Who was at the meeting and how each person is named in an export: by name, or, in a
//! public version, students, guardians and guests by an alias ("opiskelija 1") or their role,
//! with their names taken out of free text.

use std::collections::HashMap;

use super::names::{self, Case};
use crate::i18n::minutes::NEUTRAL_FI;
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

/// Who a name in free text may be, and the case it was written in.
#[derive(Debug, Clone)]
struct FormOf {
    /// Indexes into [`Roster::kinds`]; [`NAMED`] when someone named in the export shares it.
    owners: Vec<usize>,
    case: Case,
}

/// A name found in free text: who may be meant, its case and the clitics after it.
#[derive(Debug, Clone)]
struct Found {
    owners: Vec<usize>,
    case: Case,
    clitic: String,
}

/// An owner of a name form who is named in the export (a member of staff sharing a first
/// name with a student): the neutral word must then not say "student".
const NAMED: usize = usize::MAX;

/// Which neutral word stands for a hidden name, indexed like `MinutesText::neutral`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Student,
    Guardian,
    Guest,
    /// Someone it cannot be told: a name two kinds of people share, or an unknown owner.
    Person,
}

/// The people of a record and the rules for naming them.
#[derive(Debug, Clone)]
pub struct Roster {
    pub lang: Lang,
    pub public: bool,
    pub people: Vec<Person>,
    /// Every form of every word of a hidden name, lowercase (see [`names::declension`]).
    forms: HashMap<String, FormOf>,
    /// The kind of each hidden name that `forms` points at.
    kinds: Vec<Kind>,
    /// Where each id is in `people`, so finding a person does not scan everyone (an export
    /// names each person many times; a scan per name was quadratic in the participants).
    by_id: HashMap<MemberId, usize>,
    /// Where the first person of each name is in `people`, for owners matched by name.
    by_name: HashMap<String, usize>,
}

/// Whether a public version leaves this person's name out: students, guardians (a guardian's
/// name points at a student) and guests (invited non-members, domain.md §3.4 rule 7).
fn private(role: Role, guest: bool) -> bool {
    role.side() == Side::Student || role == Role::Guardian || guest
}

/// The kind of neutral word for someone whose name a public version leaves out.
fn kind(role: Role, guest: bool) -> Kind {
    if role.side() == Side::Student {
        Kind::Student
    } else if role == Role::Guardian {
        Kind::Guardian
    } else if guest {
        Kind::Guest
    } else {
        Kind::Person
    }
}

impl Roster {
    pub fn new(record: &SessionRecord, state: &MeetingState, lang: Lang, public: bool) -> Roster {
        let m = &lang.text().minutes;
        let mut people: Vec<Person> = Vec::new();
        let mut by_id: HashMap<MemberId, usize> = HashMap::new();
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
            if by_id.contains_key(id) {
                continue;
            }
            by_id.insert(id.clone(), people.len());
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
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            by_name.entry(p.name.clone()).or_insert(i);
        }
        let mut roster = Roster {
            lang,
            public,
            people,
            forms: HashMap::new(),
            kinds: Vec::new(),
            by_id,
            by_name,
        };
        if public {
            roster.learn_names(record);
        }
        roster
    }

    /// Learns every form of the names to take out of free text: every hidden person's name,
    /// and the names of action owners the record does not know (a member who has left).
    fn learn_names(&mut self, record: &SessionRecord) {
        let mut hidden: Vec<(String, Kind)> = self
            .people
            .iter()
            .filter(|p| p.alias.is_some())
            .map(|p| (p.name.clone(), kind(p.role, p.guest)))
            .collect();
        let mut hidden_names: std::collections::HashSet<String> =
            hidden.iter().map(|(n, _)| n.clone()).collect();
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
                && hidden_names.insert(name.clone())
            {
                hidden.push((name.clone(), Kind::Person));
            }
        }
        let pieces = |name: &str| -> Vec<String> {
            name.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 2)
                .map(str::to_lowercase)
                .collect()
        };
        let named: std::collections::HashSet<String> = self
            .people
            .iter()
            .filter(|p| p.alias.is_none())
            .flat_map(|p| pieces(&p.name))
            .collect();
        for (i, (name, kind)) in hidden.iter().enumerate() {
            self.kinds.push(*kind);
            for piece in pieces(name) {
                let shared = named.contains(&piece);
                for (form, case) in names::declension(&piece) {
                    let of = self.forms.entry(form).or_insert(FormOf {
                        owners: Vec::new(),
                        case,
                    });
                    of.owners
                        .extend([Some(i), shared.then_some(NAMED)].into_iter().flatten());
                }
            }
        }
        // Sorted and without repeats, so a name's owners are compared by a merge, not by
        // searching one list for each of the other's (quadratic when many share a name).
        for of in self.forms.values_mut() {
            of.owners.sort_unstable();
            of.owners.dedup();
        }
    }

    pub fn person(&self, id: &MemberId) -> Option<&Person> {
        self.by_id.get(id).and_then(|i| self.people.get(*i))
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
        self.person(id)
            .filter(|p| &p.name == name)
            .or_else(|| self.by_name.get(name).and_then(|i| self.people.get(*i)))
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

    /// Free text with the hidden names taken out (only in a public version). Each name,
    /// however written (capitals, lower case, a Finnish case ending, clitics), becomes a
    /// neutral word in brackets that keeps the sentence's grammar: "Sofialta tuli hyvä idea"
    /// → "[Opiskelijalta] tuli hyvä idea", "AINO VIRTANEN haluaa" → "[opiskelija] haluaa".
    pub fn scrub(&self, text: &str) -> String {
        if !self.public || self.forms.is_empty() {
            return text.to_string();
        }
        // Words and what lies between them, with where each starts.
        let mut tokens: Vec<(usize, &str, bool)> = Vec::new();
        let mut start = 0;
        let mut kind: Option<bool> = None;
        for (i, c) in text.char_indices() {
            let word = c.is_alphanumeric();
            if let Some(k) = kind
                && k != word
            {
                tokens.push((start, &text[start..i], k));
                start = i;
            }
            kind = Some(word);
        }
        if let Some(k) = kind {
            tokens.push((start, &text[start..], k));
        }
        let mut out = String::with_capacity(text.len() + 16);
        let mut i = 0;
        while i < tokens.len() {
            let (at, token, word) = tokens[i];
            let first = sentence_start(&text[..at]);
            let Some(mut found) = word.then(|| self.find(token, first)).flatten() else {
                out.push_str(token);
                i += 1;
                continue;
            };
            // "Aino Virtanen", "Anna-Liisa": one person's name words are one replacement,
            // in the case of the last word.
            while let [(_, gap, false), (_, next, true), ..] = &tokens[i + 1..] {
                if *gap != " " && *gap != "-" {
                    break;
                }
                let Some(more) = self.find(next, false) else {
                    break;
                };
                let both = sorted_common(&found.owners, &more.owners);
                if both.is_empty() {
                    break;
                }
                found = Found {
                    owners: both,
                    ..more
                };
                i += 2;
            }
            let capital = first && token.starts_with(char::is_uppercase);
            out.push_str(&self.neutral(&found, capital));
            i += 1;
        }
        out
    }

    /// The hidden name `word` is a form of, if it is one. A form that is also an ordinary
    /// word ("ainoa", "only", is Aino's partitive) is a name only where it is written as
    /// one: capitalised inside a sentence, or as a bare name at the start of one.
    fn find(&self, word: &str, sentence_start: bool) -> Option<Found> {
        let lower = word.to_lowercase();
        let (split, of) = names::splits(&lower)
            .into_iter()
            .find_map(|s| self.forms.get(&s.base).map(|of| (s, of)))?;
        if !written_as_name(word, &split, of.case, sentence_start) {
            return None;
        }
        Some(Found {
            owners: of.owners.clone(),
            case: of.case,
            clitic: split.clitic,
        })
    }

    /// The neutral word for a name found in free text: "[opiskelija]" in the minutes'
    /// language for a bare name (its sentence may be in any language), the Finnish word in
    /// the same case for a name with a Finnish ending ("[opiskelijallekin]").
    fn neutral(&self, found: &Found, capital: bool) -> String {
        let kinds: Vec<Kind> = found
            .owners
            .iter()
            .map(|o| self.kinds.get(*o).copied().unwrap_or(Kind::Person))
            .collect();
        let kind = match kinds.first() {
            Some(k) if kinds.iter().all(|x| x == k) => *k,
            _ => Kind::Person,
        } as usize;
        let (mut word, after) = match found.case {
            Case::Nominative if found.clitic.is_empty() => {
                (self.lang.text().minutes.neutral[kind].to_string(), "")
            }
            Case::SvGenitive => (self.lang.text().minutes.neutral[kind].to_string(), "s"),
            case => {
                let fi = NEUTRAL_FI[kind][case as usize];
                (
                    format!("{fi}{}", names::clitic_after(fi, &found.clitic)),
                    "",
                )
            }
        };
        if capital {
            word = crate::i18n::capitalise(&word);
        }
        format!("[{word}]{after}")
    }
}

/// The items two sorted lists share, in one merge.
fn sorted_common(a: &[usize], b: &[usize]) -> Vec<usize> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(*x);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Whether `word`, read as `split` (a form of a name in `case`), is the name where it
/// stands. A form that is also an ordinary word ("ainoa", "only", is Aino's partitive) is a
/// name only where it is written as one: capitalised inside a sentence, or as a bare name at
/// the start of one. Any other form is always the name.
pub(super) fn written_as_name(
    word: &str,
    split: &names::Split,
    case: Case,
    sentence_start: bool,
) -> bool {
    if !names::is_common_word(&split.base) {
        return true;
    }
    let mut chars = word.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase);
    let bare = case == Case::Nominative && split.clitic.is_empty();
    // Lower case is the ordinary word; capitals everywhere ("AINOA") are a name only
    // bare; a capital at a sentence's start is the ordinary word but for a bare name.
    let as_name = capitalised || (bare && word.chars().any(char::is_uppercase));
    as_name && !(capitalised && sentence_start && !bare)
}

/// Whether a word after `before` starts a sentence: nothing but spaces, quotes or a dash
/// since the start of the text, a line break, or `.`, `!` or `?`.
pub(super) fn sentence_start(before: &str) -> bool {
    let trimmed =
        before.trim_end_matches(|c: char| c.is_whitespace() || "\"'«»”“(–—-*•".contains(c));
    trimmed.is_empty()
        || before[trimmed.len()..].contains('\n')
        || trimmed.ends_with(['.', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster(public: bool) -> Roster {
        let record = crate::simulator::meetings().remove(2);
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

    /// The sample meeting's roster with three more people whose names change their stem:
    /// a student Antti Kangas, a guardian Riikka Lahti and a student Markus Rinne.
    fn wider_roster() -> Roster {
        let mut record = crate::simulator::meetings().remove(2);
        for (name, role) in [
            ("Antti Kangas", Role::Student),
            ("Riikka Lahti", Role::Guardian),
            ("Markus Rinne", Role::Student),
        ] {
            record.group.add_member(name, role).unwrap();
        }
        let state = MeetingState::replay(&record);
        Roster::new(&record, &state, Lang::Fi, true)
    }

    /// Forms of hidden names as a trial wrote them: capitals, lower case, case endings,
    /// possessives, clitics, gradation and stem changes.
    const NAME_FORMS: [&str; 72] = [
        // the issue's own
        "AINO",
        "aino",
        "Ainollekin",
        "Ainostakin",
        "EETU",
        "eetu",
        "sofia",
        "Sofialta",
        // Aino
        "Ainon",
        "Eetuko",
        "Ainona",
        "Ainoksi",
        "Ainossa",
        "Ainoon",
        "Ainolla",
        "Ainolta",
        "Ainotta",
        "Ainoineen",
        "Ainoni",
        "Ainollesi",
        "Ainokaan",
        "Ainohan",
        "Ainopa",
        "Ainoko",
        "Ainollekohan",
        // Eetu, Sofia
        "Eetun",
        "Eetua",
        "Eetulle",
        "Eetukin",
        "Eetuun",
        "Sofian",
        "Sofiaa",
        "Sofiaan",
        "Sofiallekaan",
        "Sofiahan",
        // -nen and -e surnames
        "Virtanen",
        "VIRTASEN",
        "Virtasta",
        "Virtasena",
        "Virtaseen",
        "Virtaselle",
        "Virtasellekin",
        "Virtaset",
        "Niemiselle",
        "Niemisen",
        "Laine",
        "Laineen",
        "Lainetta",
        "Laineelle",
        "Laineeseen",
        // gradation, i-stems, -s stems
        "Antin",
        "Antille",
        "Anttia",
        "Anttiin",
        "Antilta",
        "Anttikin",
        "Kankaan",
        "Kangasta",
        "Kankaalle",
        "Kankaaseen",
        "Riikan",
        "Riikkaa",
        "Riikalta",
        "Riikalle",
        "Lahden",
        "Lahdelle",
        "Lahtea",
        "Lahteen",
        "Markuksen",
        "Markukselle",
        "Rinteen",
        "Rinnettä",
    ];

    #[test]
    fn every_written_form_of_a_hidden_name_is_taken_out() {
        let r = wider_roster();
        for form in NAME_FORMS {
            for text in [
                form.to_string(),
                format!("Kokouksessa {form} sanoi jotain."),
                format!("Kuulimme: {form}."),
            ] {
                let out = r.scrub(&text);
                let kept = out.split(|c: char| !c.is_alphanumeric()).any(|w| {
                    w.eq_ignore_ascii_case(form) || w.to_lowercase() == form.to_lowercase()
                });
                assert!(!kept && out.contains('['), "{text:?} → {out:?}");
            }
        }
    }

    #[test]
    fn ordinary_words_that_begin_like_a_name_stay() {
        let r = wider_roster();
        for text in [
            "Ainoa ongelma on jonot.",
            "Se on ainoa keino.",
            "Tämä on ainoastaan kokeilu.",
            "Ainoat tilat ovat täynnä.",
            "Ruokala on ainoana paikkana auki.",
            "Kangastus ja kangaspuut.",
            "Virtaa riittää, virta katkesi.",
            "Lahtinen ja lahtiranta.",
            "Eetteri ja Sofistikoitunut ehdotus.",
            "Antiikki ja anturit.",
            "Markkinat ja markka.",
            "Riikinkukko.",
        ] {
            assert_eq!(r.scrub(text), text);
        }
        // Capitalised inside a sentence, "Ainoa" is Aino's partitive.
        assert_eq!(
            r.scrub("Kiitimme Ainoa avusta."),
            "Kiitimme [opiskelijaa] avusta."
        );
    }

    #[test]
    fn a_sentence_keeps_its_grammar_and_a_whole_name_is_one_word() {
        let r = wider_roster();
        assert_eq!(
            r.scrub("Sofialta tuli hyvä idea"),
            "[Opiskelijalta] tuli hyvä idea"
        );
        assert_eq!(
            r.scrub("AINO haluaa pidemmät välitunnit"),
            "[Opiskelija] haluaa pidemmät välitunnit"
        );
        assert_eq!(
            r.scrub("aino ja eetu ja sofia"),
            "[opiskelija] ja [opiskelija] ja [opiskelija]"
        );
        assert_eq!(
            r.scrub("Puhuimme Aino Virtaselle ja Riikka Lahden kanssa, Ainollekin kerrotaan."),
            "Puhuimme [opiskelijalle] ja [huoltajan] kanssa, [opiskelijallekin] kerrotaan."
        );
        // A bare name in an English sentence; a Finnish ending in English minutes.
        let record = crate::simulator::meetings().remove(2);
        let state = MeetingState::replay(&record);
        let en = Roster::new(&record, &state, Lang::En, true);
        assert_eq!(en.scrub("It was Aino's idea"), "It was [student]'s idea");
        assert_eq!(en.scrub("Sofialta tuli idea"), "[Opiskelijalta] tuli idea");
    }

    #[test]
    fn hidden_names_are_taken_out_of_free_text_with_their_endings() {
        let r = roster(true);
        assert_eq!(
            r.scrub(
                "AINO VIRTANEN ja Mikko Korhonen sopivat, että Ainolle ja Virtaselle kerrotaan."
            ),
            "[Opiskelija] ja Mikko Korhonen sopivat, että [opiskelijalle] ja [opiskelijalle] kerrotaan."
        );
        assert_eq!(
            r.scrub("Sofian idea: ainoa hiljainen tila. Lainen ehdotus."),
            "[Opiskelijan] idea: ainoa hiljainen tila. [Opiskelijan] ehdotus."
        );
        assert_eq!(r.scrub("Ruokalan jonot"), "Ruokalan jonot");
        // Not public: nothing changes.
        assert_eq!(roster(false).scrub("Aino"), "Aino");
    }
}
