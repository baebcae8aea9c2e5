//! The guard before anything is published: finds where the free text of a public export or
//! a notice names a student of the group or tells of an individual's health or welfare
//! matter, so that the facilitator sees each place in context and decides (DESIGN §6: a
//! community wellbeing group does not record an individual student's matters).
//!
//! Pure, like the rest of `export`: the caller hands in the texts that will be published
//! ([`published`] gives a meeting's; a report gives its own) and the people whose names to
//! look for ([`people`]: every student, guardian and guest of the group file and of the
//! record, present or not, since an absent student can still be named). The guard changes
//! nothing; what to do with its [`Hit`]s is the caller's.
//!
//! - **Names** are found in any written form: capitals, a Finnish case ending, clitics and
//!   possessive suffixes ("Antille", "Virtasen", "Anttikin"), by the forms `names` generates,
//!   never by a prefix: "ainoastaan" is no form of *Aino*. A form that is also an ordinary
//!   word ("ainoa") is a name only where it is written as one, as in a public version's
//!   scrubbing. "Antti Virtanen" is one hit.
//! - **Health and welfare words** are stems from the catalogue (`i18n::guard`), matched at
//!   the start of a word so that one stem finds every Finnish case and compound
//!   ("masennuksesta", "lastensuojeluilmoitus"). The stems of all three languages are looked
//!   for whatever the language. Such a word in a general sentence ("mielenterveyspalvelujen
//!   esittely") is shown too, and marked *with a person* when a name of the group or a
//!   personal pronoun (hän, hon, hans, his, her…) is in the same sentence.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::names::{self, Case};
use super::people::{sentence_start, written_as_name};
use crate::i18n::{self, Lang, fill};
use crate::model::{Group, MeetingState, Role, SessionRecord, Side};

/// How many characters of context a hit shows on each side of its word.
pub const CONTEXT_CHARS: usize = 40;

/// Where a published text is from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Topic,
    /// A turn note, numbered from 1 in the meeting's order.
    Note(usize),
    /// An idea, by its number.
    Idea(u32),
    Theme,
    /// Option `option` (from 1) of vote `vote`.
    VoteOption {
        vote: u32,
        option: usize,
    },
    /// A decision, by its number.
    Decision(u32),
    /// An action agreed in the meeting, numbered from 1 as in the minutes' table.
    Action(usize),
    /// An earlier action followed up, numbered from 1.
    FollowUp(usize),
    /// A year clock item the meeting handled, by its title.
    Clock(String),
    /// A text of the caller's own (a report's), already named in the user's language.
    Other(String),
    /// A place in the meeting of `date`, for a publication of several meetings (a term's
    /// notice).
    InMeeting {
        date: jiff::civil::Date,
        place: Box<Place>,
    },
}

impl Place {
    /// Where, in words: "päätös 2", "idea 4".
    pub fn label(&self, lang: Lang) -> String {
        let t = &lang.text().guard;
        let n = |template: &str, n: String| fill(template, &[("n", &n)]);
        match self {
            Place::Topic => t.place_topic.to_string(),
            Place::Note(i) => n(t.place_note, i.to_string()),
            Place::Idea(i) => n(t.place_idea, i.to_string()),
            Place::Theme => t.place_theme.to_string(),
            Place::VoteOption { vote, option } => fill(
                t.place_option,
                &[("vote", &vote.to_string()), ("n", &option.to_string())],
            ),
            Place::Decision(i) => n(t.place_decision, i.to_string()),
            Place::Action(i) => n(t.place_action, i.to_string()),
            Place::FollowUp(i) => n(t.place_followup, i.to_string()),
            Place::Clock(title) => fill(t.place_clock, &[("title", title)]),
            Place::Other(label) => label.clone(),
            Place::InMeeting { date, place } => format!(
                "{} · {}",
                i18n::words::format_date(lang, *date),
                place.label(lang)
            ),
        }
    }
}

/// What of a meeting is being published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publication {
    /// A public version of the minutes (Markdown, HTML, CSV or JSON): all its free text.
    Minutes,
    /// The "you said, we did" notice (`export::notice`): its decisions and actions.
    Notice,
}

impl Publication {
    /// Whether this publication shows the text from `place`.
    pub fn shows(self, place: &Place) -> bool {
        match self {
            Publication::Minutes => true,
            Publication::Notice => match place {
                Place::Decision(_) | Place::Action(_) | Place::FollowUp(_) => true,
                Place::InMeeting { place, .. } => self.shows(place),
                _ => false,
            },
        }
    }
}

/// A text that will be published, and where it is from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub place: Place,
    pub text: String,
}

impl Published {
    pub fn new(place: Place, text: impl Into<String>) -> Published {
        Published {
            place,
            text: text.into(),
        }
    }
}

/// Someone whose name must not be published: a student, a guardian or a guest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub role: Role,
    pub guest: bool,
}

impl Person {
    /// Whether the guard looks for this person's name: students, guardians (a guardian's
    /// name points at a student) and guests, as a public version leaves out.
    pub fn guarded(role: Role, guest: bool) -> bool {
        role.side() == Side::Student || role == Role::Guardian || guest
    }
}

/// What a hit is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A form of this person's name (the first of them, when people share a name word).
    Name(Person),
    /// A health or welfare word; `with_person` when a name or a personal pronoun is in the
    /// same sentence.
    Health { with_person: bool },
}

/// One place the facilitator should look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub place: Place,
    /// The word (or words: "Antti Virtanen", "mental health") as written.
    pub word: String,
    /// Up to [`CONTEXT_CHARS`] characters before and after the word, on one line, with "…"
    /// where the text goes on.
    pub before: String,
    pub after: String,
    pub kind: Kind,
}

impl Hit {
    /// The context with the word marked: `…sovittiin, että »Antille« järjestetään…`.
    pub fn marked(&self) -> String {
        format!("{}»{}«{}", self.before, self.word, self.after)
    }

    /// Whether the hit concerns a person: a name, or a health word with a name or pronoun
    /// in its sentence.
    pub fn with_person(&self) -> bool {
        match &self.kind {
            Kind::Name(_) => true,
            Kind::Health { with_person } => *with_person,
        }
    }

    /// What the hit is, in words: "nimi: Antti Virtanen (opiskelija)".
    pub fn kind_label(&self, lang: Lang) -> String {
        let t = &lang.text().guard;
        match &self.kind {
            Kind::Name(p) => fill(
                t.kind_name,
                &[("name", &p.name), ("role", i18n::role(lang, p.role))],
            ),
            Kind::Health { with_person: true } => t.kind_health_person.to_string(),
            Kind::Health { with_person: false } => t.kind_health.to_string(),
        }
    }
}

/// The people whose names the guard looks for: every student, guardian and guest of the
/// group file (when the caller has it), of the group as the record saved it, and of the
/// meeting, present or not; each name once.
pub fn people(record: &SessionRecord, group: Option<&Group>) -> Vec<Person> {
    let members = group
        .into_iter()
        .flat_map(|g| &g.members)
        .chain(&record.group.members)
        .map(|m| (&m.name, m.role, false));
    let participants = record
        .participants
        .iter()
        .map(|p| (&p.name, p.role, p.guest));
    let guests = record.events.iter().filter_map(|e| match &e.event {
        crate::model::EventKind::GuestAdded { guest } => {
            Some((&guest.name, guest.role, guest.guest))
        }
        _ => None,
    });
    let mut out: Vec<Person> = Vec::new();
    for (name, role, guest) in members.chain(participants).chain(guests) {
        if Person::guarded(role, guest) && !out.iter().any(|p| &p.name == name) {
            out.push(Person {
                name: name.clone(),
                role,
                guest,
            });
        }
    }
    out
}

/// The people of a group file whose names the guard looks for, for a caller with no one
/// meeting at hand (a yearly report): its students, guardians and guests. A caller with
/// meetings adds theirs with [`people`], since someone who has left the group may still be
/// named in an old meeting.
pub fn group_people(group: &Group) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    for m in &group.members {
        if Person::guarded(m.role, false) && !out.iter().any(|p| p.name == m.name) {
            out.push(Person {
                name: m.name.clone(),
                role: m.role,
                guest: false,
            });
        }
    }
    out
}

/// The free text of a meeting that `publication` publishes. The minutes: the topic, the
/// turn notes, the ideas shown, the themes, the vote options, the decisions, the actions
/// agreed and followed up, and the texts of the year clock items the meeting handled; the
/// notice: its decisions and actions.
pub fn published(record: &SessionRecord, publication: Publication) -> Vec<Published> {
    let state = MeetingState::replay(record);
    let mut out = vec![Published::new(Place::Topic, record.topic.clone())];
    let notes = state
        .turns
        .iter()
        .filter_map(|t| t.note.as_ref())
        .chain(state.turn.iter().filter_map(|t| t.note.as_ref()));
    for (i, note) in notes.enumerate() {
        out.push(Published::new(Place::Note(i + 1), note.clone()));
    }
    for idea in state.ideas.iter().filter(|i| i.live() && !i.hidden) {
        out.push(Published::new(Place::Idea(idea.id), idea.text.clone()));
    }
    for theme in &state.themes {
        out.push(Published::new(Place::Theme, theme.name.clone()));
    }
    for vote in &state.votes {
        for (i, option) in vote.options.iter().enumerate() {
            let place = Place::VoteOption {
                vote: vote.id,
                option: i + 1,
            };
            out.push(Published::new(place, option.label.clone()));
        }
    }
    for d in &state.decisions {
        out.push(Published::new(Place::Decision(d.id), d.text.clone()));
    }
    for (i, a) in state.actions.iter().enumerate() {
        out.push(Published::new(Place::Action(i + 1), a.text.clone()));
    }
    for (i, a) in state.carried.iter().enumerate() {
        out.push(Published::new(Place::FollowUp(i + 1), a.text.clone()));
    }
    for id in &state.clock_handled {
        let now = state.clock.as_ref().and_then(|c| c.item(id));
        let before = record.clock.as_ref().and_then(|c| c.item(id));
        if let Some(item) = now.or(before) {
            for text in [&item.title, &item.description, &item.students_part] {
                out.push(Published::new(
                    Place::Clock(item.title.clone()),
                    text.clone(),
                ));
            }
        }
    }
    out.retain(|p| !p.text.trim().is_empty() && publication.shows(&p.place));
    out
}

/// The hits in what `publication` publishes of a meeting: [`check_texts`] on
/// [`published`] with [`people`]. `group` is the group file as it is now, when the caller
/// has it: a student who joined after the meeting can still be named in it.
pub fn check_record(
    record: &SessionRecord,
    group: Option<&Group>,
    publication: Publication,
) -> Vec<Hit> {
    check_texts(&published(record, publication), &people(record, group))
}

/// The hits in what the notice of a term publishes: the decisions and actions of each of
/// its meetings (`records`, each [`published`] as a notice and placed by the meeting's day
/// in `zone`), and the texts of those of `actions` (as they stand now) agreed or followed
/// up in one of them that differ from what the meetings saved. The
/// names looked for are the [`people`] of every meeting and of the group file.
pub fn check_term(
    records: &[SessionRecord],
    actions: &[crate::model::outcomes::ActionItem],
    group: Option<&Group>,
    zone: &jiff::tz::TimeZone,
) -> Vec<Hit> {
    let mut texts: Vec<Published> = Vec::new();
    let mut people_of: Vec<Person> = group.map(group_people).unwrap_or_default();
    let mut records: Vec<&SessionRecord> = records.iter().collect();
    records.sort_by_key(|r| r.started_at());
    for record in &records {
        let date = record.started_at().to_zoned_datetime(zone.clone()).date();
        for p in published(record, Publication::Notice) {
            texts.push(Published::new(
                Place::InMeeting {
                    date,
                    place: Box::new(p.place),
                },
                p.text,
            ));
        }
        for person in people(record, group) {
            if !people_of.iter().any(|p| p.name == person.name) {
                people_of.push(person);
            }
        }
    }
    let shown = |a: &crate::model::outcomes::ActionItem| {
        records
            .iter()
            .any(|r| r.id == a.session || r.carried_actions.iter().any(|c| c.id == a.id))
    };
    for (i, a) in actions.iter().filter(|a| shown(a)).enumerate() {
        if !texts.iter().any(|p| p.text == a.text) {
            let place = Place::InMeeting {
                date: a.agreed,
                place: Box::new(Place::FollowUp(i + 1)),
            };
            texts.push(Published::new(place, a.text.clone()));
        }
    }
    check_texts(&texts, &people_of)
}

/// The hits in `texts`, in their order and, within a text, in reading order: every form of
/// a name of `people`, and every health or welfare word.
pub fn check_texts(texts: &[Published], people: &[Person]) -> Vec<Hit> {
    let forms = Forms::of(people);
    texts
        .iter()
        .flat_map(|p| check_one(p, &forms, people))
        .collect()
}

/// Every form of every word of the guarded names, lowercase, with whose they are.
struct Forms(HashMap<String, (Vec<usize>, Case)>);

impl Forms {
    fn of(people: &[Person]) -> Forms {
        let mut map: HashMap<String, (Vec<usize>, Case)> = HashMap::new();
        for (i, person) in people.iter().enumerate() {
            let pieces = person
                .name
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 2)
                .map(str::to_lowercase);
            for piece in pieces {
                for (form, case) in names::declension(&piece) {
                    let (owners, _) = map.entry(form).or_insert((Vec::new(), case));
                    if !owners.contains(&i) {
                        owners.push(i);
                    }
                }
            }
        }
        Forms(map)
    }

    /// Whose name `word` is a form of, where it stands.
    fn find(&self, word: &str, sentence_start: bool) -> Option<&[usize]> {
        let lower = word.to_lowercase();
        let (split, (owners, case)) = names::splits(&lower)
            .into_iter()
            .find_map(|s| self.0.get(&s.base).map(|of| (s, of)))?;
        written_as_name(word, &split, *case, sentence_start).then_some(owners.as_slice())
    }
}

/// The health and welfare stems of every language, each as its words, longest first, and
/// the personal pronouns of every language.
static WORDS: LazyLock<(Vec<Vec<String>>, Vec<String>)> = LazyLock::new(|| {
    let mut stems: Vec<Vec<String>> = Vec::new();
    let mut pronouns: Vec<String> = Vec::new();
    for lang in Lang::ALL {
        let t = &lang.text().guard;
        for stem in t.health_words {
            let words: Vec<String> = stem
                .split([' ', '-'])
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            if !words.is_empty() && !stems.contains(&words) {
                stems.push(words);
            }
        }
        for p in t.pronouns {
            let p = p.to_lowercase();
            if !pronouns.contains(&p) {
                pronouns.push(p);
            }
        }
    }
    stems.sort_by_key(|s| std::cmp::Reverse(s.len()));
    (stems, pronouns)
});

/// A word of a text: where it starts and ends (bytes).
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

/// The words of `text`: runs of letters and digits.
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word { start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
        });
    }
    out
}

/// Whether only a space or a hyphen is between two words, so they may be one name or term.
fn joined(text: &str, a: Word, b: Word) -> bool {
    let gap = &text[a.end..b.start];
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '-') && gap.chars().count() <= 3
}

/// The sentence number of each word: a new sentence after `.`, `!`, `?`, `;` or a line
/// break.
fn sentences(text: &str, words: &[Word]) -> Vec<usize> {
    let mut n = 0;
    let mut last = 0;
    words
        .iter()
        .map(|w| {
            if text[last..w.start].contains(['.', '!', '?', ';', '\n']) {
                n += 1;
            }
            last = w.end;
            n
        })
        .collect()
}

/// The hits in one text.
fn check_one(published: &Published, forms: &Forms, people: &[Person]) -> Vec<Hit> {
    let text = published.text.as_str();
    let words = words(text);
    let sentence = sentences(text, &words);
    let (stems, pronouns) = &*WORDS;
    // (first word, last word, kind) in reading order.
    let mut found: Vec<(usize, usize, Option<usize>)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let word = &text[w.start..w.end];
        if let Some(owners) = forms.find(word, sentence_start(&text[..w.start])) {
            // "Antti Virtanen", "Anna-Liisa": one person's name words are one hit.
            let mut owners = owners.to_vec();
            let mut last = i;
            while let Some(&next) = words.get(last + 1) {
                if !joined(text, words[last], next) {
                    break;
                }
                let Some(more) = forms.find(&text[next.start..next.end], false) else {
                    break;
                };
                let both: Vec<usize> = owners
                    .iter()
                    .filter(|o| more.contains(o))
                    .copied()
                    .collect();
                if both.is_empty() {
                    break;
                }
                owners = both;
                last += 1;
            }
            found.push((i, last, owners.first().copied()));
            i = last + 1;
            continue;
        }
        let lower: Vec<String> = words[i..]
            .iter()
            .take(4)
            .map(|w| text[w.start..w.end].to_lowercase())
            .collect();
        let term = stems.iter().find(|stem| {
            stem.len() <= lower.len()
                && stem
                    .iter()
                    .zip(&lower)
                    .all(|(s, w)| w.starts_with(s.as_str()))
                && (1..stem.len()).all(|k| joined(text, words[i + k - 1], words[i + k]))
        });
        if let Some(term) = term {
            found.push((i, i + term.len() - 1, None));
            i += term.len();
            continue;
        }
        i += 1;
    }
    let personal = |s: usize| {
        found
            .iter()
            .any(|(first, _, kind)| kind.is_some() && sentence[*first] == s)
            || words
                .iter()
                .zip(&sentence)
                .any(|(w, &ws)| ws == s && pronouns.contains(&text[w.start..w.end].to_lowercase()))
    };
    found
        .iter()
        .map(|&(first, last, kind)| {
            let (start, end) = (words[first].start, words[last].end);
            let kind = match kind {
                Some(owner) => Kind::Name(people[owner].clone()),
                None => Kind::Health {
                    with_person: personal(sentence[first]),
                },
            };
            Hit {
                place: published.place.clone(),
                word: one_line(&text[start..end]),
                before: context_before(&text[..start]),
                after: context_after(&text[end..]),
                kind,
            }
        })
        .collect()
}

/// Line breaks and tabs as spaces: a hit's context is one line.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

/// The last [`CONTEXT_CHARS`] characters of `text`, with "…" in front when it goes on.
fn context_before(text: &str) -> String {
    let n = text.chars().count();
    let shown: String = text.chars().skip(n.saturating_sub(CONTEXT_CHARS)).collect();
    let cut = if n > CONTEXT_CHARS { "…" } else { "" };
    format!("{cut}{}", one_line(&shown))
}

/// The first [`CONTEXT_CHARS`] characters of `text`, with "…" after when it goes on.
fn context_after(text: &str) -> String {
    let shown: String = text.chars().take(CONTEXT_CHARS).collect();
    let cut = if text.chars().count() > CONTEXT_CHARS {
        "…"
    } else {
        ""
    };
    format!("{}{cut}", one_line(&shown))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn student(name: &str) -> Person {
        Person {
            name: name.to_string(),
            role: Role::Student,
            guest: false,
        }
    }

    fn check(text: &str) -> Vec<Hit> {
        let people = [student("Antti Virtanen"), student("Aino Laine")];
        check_texts(&[Published::new(Place::Decision(2), text)], &people)
    }

    fn words_of(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|h| h.word.as_str()).collect()
    }

    #[test]
    fn names_in_their_inflected_forms_are_hits_and_ordinary_words_are_not() {
        let hits = check(
            "Sovittiin, että Antille järjestetään tukea. Antin äiti soittaa, Anttikin tietää. Virtasen perhe.",
        );
        assert_eq!(
            words_of(&hits),
            ["Antille", "Antin", "Anttikin", "Virtasen"]
        );
        assert!(
            hits.iter()
                .all(|h| h.kind == Kind::Name(student("Antti Virtanen")))
        );
        assert!(check("Tämä on ainoastaan kokeilu, ainoa keino.").is_empty());
        assert_eq!(words_of(&check("Kiitimme Ainoa avusta.")), ["Ainoa"]);
        // A whole name is one hit.
        assert_eq!(
            words_of(&check("Puhuimme Antti Virtasen kanssa.")),
            ["Antti Virtasen"]
        );
    }

    #[test]
    fn health_words_match_by_stem_in_any_language_and_know_a_person() {
        let hits = check("Keskusteltiin mielenterveyspalvelujen esittelystä.");
        assert_eq!(words_of(&hits), ["mielenterveyspalvelujen"]);
        assert_eq!(hits[0].kind, Kind::Health { with_person: false });
        let hits = check("Hänellä on ADHD ja hän kertoi masennuksesta.");
        assert_eq!(words_of(&hits), ["ADHD", "masennuksesta"]);
        assert!(hits.iter().all(Hit::with_person));
        let hits = check("She told us about her self-harm. Mental health week.");
        assert_eq!(words_of(&hits), ["self-harm", "Mental health"]);
        assert!(hits[0].with_person() && !hits[1].with_person());
        let hits = check("Hon har ångest.");
        assert_eq!(words_of(&hits), ["ångest"]);
        assert!(hits[0].with_person());
        assert!(
            check("Ruokalan jonot ja välitunnit, sairaala-asiat eivät kuulu tähän.").is_empty()
        );
    }

    #[test]
    fn context_is_forty_characters_on_one_line() {
        let hits = check(
            "Ensimmäinen rivi on pitkä ja jatkuu vielä\nkauan, kunnes Antille kerrotaan asiasta ja sitten jatketaan vielä pitkään eteenpäin.",
        );
        let hit = &hits[0];
        assert_eq!(hit.before, "… on pitkä ja jatkuu vielä kauan, kunnes ");
        assert_eq!(hit.after, " kerrotaan asiasta ja sitten jatketaan v…");
        assert_eq!(
            hit.marked(),
            format!("{}»Antille«{}", hit.before, hit.after)
        );
        assert_eq!(hit.place.label(Lang::Fi), "päätös 2");
    }
}
