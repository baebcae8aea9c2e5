//! The guard before publishing (`export::guard`) on a meeting whose decisions and actions
//! name a student in several inflected forms and tell of a health and a welfare matter.

use crate::common;

use common::{Sim, phase, record_with};
use parvi::export::guard::{self, Hit, Kind, Person, Place, Publication, Published};
use parvi::model::outcomes::{Due, Owner};
use parvi::model::{Command, Format, Group, PhaseKind, Role, SessionRecord};

/// The meeting: two decisions and three actions, and the group file as it is now, with
/// Antti Virtanen, a student who joined after the meeting (the record does not know him).
pub fn fixture() -> (SessionRecord, Group) {
    let format = Format {
        phases: vec![
            phase("decide", PhaseKind::Decisions, 5),
            phase("act", PhaseKind::Actions, 5),
        ],
        ..common::format()
    };
    let mut sim = Sim::new(record_with(format));
    sim.ok(Command::Start);
    sim.at(10).ok(Command::GoToPhase(0));
    for text in [
        "Antille järjestetään tukea, koska hänellä on todettu masennus.",
        "Ruokalan jonot puretaan porrastamalla ruokailu.",
    ] {
        sim.ok(Command::RecordDecision {
            text: text.into(),
            basis: vec![],
            review: None,
        });
    }
    sim.at(20).ok(Command::GoToPhase(1));
    for text in [
        "Kuraattori tekee lastensuojeluilmoituksen Antin kotitilanteesta. Virtasen perhe tietää.",
        "Mielenterveyspalvelujen esittely kaikille ryhmille.",
        "Anttikin kutsutaan opiskelijakunnan kokoukseen; ainoastaan yksi ilta.",
    ] {
        sim.ok(Command::AddAction {
            text: text.into(),
            owner: Owner::Role {
                role: Role::SchoolSocialWorker,
            },
            due: Due::None,
            clock_item: None,
        });
    }
    sim.at(30).ok(Command::End);
    let mut group = common::group();
    group.add_member("Antti Virtanen", Role::Student).unwrap();
    (sim.meeting.into_record(), group)
}

fn summary(hits: &[Hit]) -> Vec<(Place, &str, String)> {
    hits.iter()
        .map(|h| (h.place.clone(), h.word.as_str(), h.marked()))
        .collect()
}

fn name(hit: &Hit) -> &str {
    match &hit.kind {
        Kind::Name(person) => &person.name,
        Kind::Health { .. } => "",
    }
}

#[test]
fn names_in_inflected_forms_and_health_words_are_found_in_context() {
    let (record, group) = fixture();
    let hits = guard::check_record(&record, Some(&group), Publication::Minutes);
    assert_eq!(
        summary(&hits),
        [
            (
                Place::Decision(1),
                "Antille",
                "»Antille« järjestetään tukea, koska hänellä on to…".to_string()
            ),
            (
                Place::Decision(1),
                "masennus",
                "…stetään tukea, koska hänellä on todettu »masennus«.".to_string()
            ),
            (
                Place::Action(1),
                "lastensuojeluilmoituksen",
                "Kuraattori tekee »lastensuojeluilmoituksen« Antin kotitilanteesta. Virtasen perhe t…"
                    .to_string()
            ),
            (
                Place::Action(1),
                "Antin",
                "…raattori tekee lastensuojeluilmoituksen »Antin« kotitilanteesta. Virtasen perhe tietää."
                    .to_string()
            ),
            (
                Place::Action(1),
                "Virtasen",
                "…ojeluilmoituksen Antin kotitilanteesta. »Virtasen« perhe tietää.".to_string()
            ),
            (
                Place::Action(2),
                "Mielenterveyspalvelujen",
                "»Mielenterveyspalvelujen« esittely kaikille ryhmille.".to_string()
            ),
            (
                Place::Action(3),
                "Anttikin",
                "»Anttikin« kutsutaan opiskelijakunnan kokoukseen; …"
                    .to_string()
            ),
        ]
    );
    // Who is named: Antti from the group file; "Virtasen" is first Aino's, a member all
    // along.
    let names: Vec<&str> = hits.iter().map(name).collect();
    assert_eq!(
        names,
        [
            "Antti Virtanen",
            "",
            "",
            "Antti Virtanen",
            "Aino Virtanen",
            "",
            "Antti Virtanen"
        ]
    );
    // The health words: with a person where a name or a pronoun shares the sentence.
    assert_eq!(hits[1].kind, Kind::Health { with_person: true });
    assert_eq!(hits[2].kind, Kind::Health { with_person: true });
    assert_eq!(hits[5].kind, Kind::Health { with_person: false });
    assert_eq!(hits[0].place.label(parvi::i18n::Lang::Fi), "päätös 1");
    assert_eq!(
        hits[0].kind_label(parvi::i18n::Lang::Fi),
        "nimi: Antti Virtanen (opiskelija)"
    );
    assert_eq!(
        hits[1].kind_label(parvi::i18n::Lang::En),
        "health or welfare, with a person"
    );
}

#[test]
fn a_student_known_only_to_the_group_file_is_found_only_with_it() {
    let (record, _) = fixture();
    let hits = guard::check_record(&record, None, Publication::Minutes);
    let words: Vec<&str> = hits.iter().map(|h| h.word.as_str()).collect();
    assert_eq!(
        words,
        [
            "masennus",
            "lastensuojeluilmoituksen",
            "Virtasen",
            "Mielenterveyspalvelujen"
        ]
    );
    // A report with no one meeting at hand names the group file's people itself.
    let (_, group) = fixture();
    let people = guard::group_people(&group);
    assert_eq!(
        people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Aino Virtanen", "Eetu Nieminen", "Antti Virtanen"]
    );
    let texts = [Published::new(
        Place::Other("syksy".into()),
        "Antille soitetaan.",
    )];
    assert_eq!(guard::check_texts(&texts, &people)[0].word, "Antille");
}

#[test]
fn the_notice_is_checked_for_what_it_publishes() {
    let (mut record, group) = fixture();
    record.topic = "Antin asiat".into();
    let minutes = guard::check_record(&record, Some(&group), Publication::Minutes);
    let notice = guard::check_record(&record, Some(&group), Publication::Notice);
    assert_eq!(minutes[0].place, Place::Topic);
    assert_eq!(notice.len(), minutes.len() - 1);
    assert!(notice.iter().all(|h| h.place != Place::Topic));
}

#[test]
fn a_text_without_names_or_health_words_has_no_hits() {
    let people = [Person {
        name: "Aino Laine".into(),
        role: Role::Student,
        guest: false,
    }];
    let texts = [
        Published::new(Place::Topic, "Ruokalan jonot ja välitunnit"),
        Published::new(
            Place::Decision(1),
            "Tämä on ainoastaan kokeilu, ja ainoa keino on porrastus. Lainaamo auki.",
        ),
        Published::new(
            Place::Other("raportti".into()),
            "Sairaanhoitaja esitteli terveystarkastukset.",
        ),
    ];
    assert_eq!(guard::check_texts(&texts, &people), []);
    // The same group's name, and a Swedish health word with a pronoun, are.
    let texts = [Published::new(
        Place::Other("raportti".into()),
        "Ainolle kerrottiin. Hon har ångest.",
    )];
    let hits = guard::check_texts(&texts, &people);
    let words: Vec<&str> = hits.iter().map(|h| h.word.as_str()).collect();
    assert_eq!(words, ["Ainolle", "ångest"]);
    assert!(hits[1].with_person());
    assert_eq!(hits[0].place.label(parvi::i18n::Lang::Fi), "raportti");
}
