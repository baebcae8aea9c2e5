//! Decisions, actions and the follow-up of earlier actions, driven by keys through
//! `App::handle_event`: what the facilitator types, which events the meeting records, and
//! what the wall shows. Snapshots at 80x24 (a laptop) and 160x45 (a projector); review a
//! changed one as the room would see it.
//!
//! Accept new or changed snapshots with `cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test all records_screen::` and a look at `tests/snapshots/`.

use crate::app_fixture;

use std::rc::Rc;

use app_fixture::{
    app_with, data_sample, effect_names, keys, overlay_kind, record, render, saves_once,
    screen_text, state,
};
use jiff::civil::date;
use parvi::i18n::Lang;
use parvi::model::outcomes::{
    self, ActionItem, ActionStatus, Basis, Decision, Due, Level, Origin, Owner, Source,
};
use parvi::model::vote::VoteOption;
use parvi::model::{Command, EventKind, Format, Role};
use parvi::store::{FormatEntry, FormatOrigin};
use parvi::tui::app::{App, Screen};
use parvi::tui::clock::ManualClock;
use parvi::tui::keymap::Action;
use parvi::tui::overlay::Overlay;

/// A meeting that follows up, votes, decides and agrees on actions.
const FORMAT: &str = r#"{
  "schema": 1,
  "name": "paatoskokous",
  "title": { "fi": "Päätöskokous", "sv": "Beslutsmöte", "en": "Decision meeting" },
  "phases": [
    {
      "id": "follow_up",
      "kind": "review_actions",
      "title": { "fi": "Edellisen kokouksen toimenpiteet", "sv": "Åtgärder från förra mötet",
                 "en": "Actions from the last meeting" },
      "minutes": 10
    },
    {
      "id": "vote",
      "kind": "vote",
      "title": { "fi": "Äänestys", "sv": "Omröstning", "en": "Vote" },
      "minutes": 5,
      "vote": { "kind": "dots", "entry": "hands" }
    },
    {
      "id": "decisions",
      "kind": "decisions",
      "title": { "fi": "Päätökset", "sv": "Beslut", "en": "Decisions" },
      "prompt": { "fi": "Mitä päätämme?", "sv": "Vad beslutar vi?", "en": "What do we decide?" },
      "minutes": 10
    },
    {
      "id": "actions",
      "kind": "actions",
      "title": { "fi": "Toimenpiteet", "sv": "Åtgärder", "en": "Actions" },
      "prompt": { "fi": "Kuka tekee mitä ja mihin mennessä?",
                  "sv": "Vem gör vad och när?", "en": "Who does what by when?" },
      "minutes": 12
    }
  ]
}"#;

/// The sample group's meeting in [`FORMAT`], everyone present, with these actions carried
/// from earlier meetings; item 1 (the follow-up) is running.
fn meeting(lang: Lang, carried: Vec<ActionItem>) -> (App, Rc<ManualClock>) {
    let format: Format = serde_json::from_str(FORMAT).expect("the test format parses");
    meeting_in(format, lang, carried)
}

/// The sample group's meeting in `format`, everyone present, item 1 running.
fn meeting_in(format: Format, lang: Lang, carried: Vec<ActionItem>) -> (App, Rc<ManualClock>) {
    assert!(
        format.problems(true).is_empty(),
        "{:?}",
        format.problems(true)
    );
    let data = parvi::tui::app::Data {
        formats: vec![FormatEntry {
            format,
            origin: FormatOrigin::Builtin,
        }],
        ..data_sample()
    };
    let (mut app, clock) = app_with(lang, data);
    app.start_meeting(0, 0, "Ruokala ja välitunnit", carried);
    assert!(
        matches!(app.screen, Screen::Meeting(_)),
        "the meeting started"
    );
    app.cx.effects.clear();
    (app, clock)
}

/// A command straight to the engine (for what other screens do: the vote).
fn run(app: &mut App, command: Command) {
    let Screen::Meeting(view) = &mut app.screen else {
        panic!("not a meeting");
    };
    assert!(view.run(command, &mut app.cx), "the engine took it");
    app.cx.effects.clear();
}

/// Item 2: a dot vote counted by hands, closed: Ruokailu 7, Välitunnit 3, Kirjasto 2.
fn closed_vote(app: &mut App) {
    keys(app, "g2");
    let option = |label: &str| VoteOption {
        label: label.into(),
        idea: None,
        theme: None,
    };
    run(
        app,
        Command::OpenVote(vec![
            option("Ruokailu"),
            option("Välitunnit"),
            option("Kirjasto"),
        ]),
    );
    run(app, Command::CountHands(vec![7, 3, 2]));
    run(app, Command::CloseVote);
}

fn member(name: &str) -> Owner {
    let member = parvi::simulator::group()
        .find_member(name)
        .unwrap_or_else(|| panic!("{name} is in the sample group"))
        .clone();
    Owner::Member {
        id: member.id,
        name: member.name,
    }
}

/// The text of the dialog's field.
fn prompt_value(app: &App) -> String {
    match &app.overlay {
        Some(Overlay::Prompt(prompt)) => prompt.input.value().to_string(),
        other => panic!("no prompt open: {other:?}"),
    }
}

fn flash(app: &App) -> String {
    app.cx
        .flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default()
}

/// Three actions from the meeting of 6 October 2026: one overdue (due 31 October), one for
/// December, one without a due date.
fn carried() -> Vec<ActionItem> {
    let session = uuid::Uuid::from_u128(0x5a3f_0c2e_8d41_4c6b_9f2a_1b7e_6d9c_0a02);
    let action = |n: u32, text: &str, owner: Owner, due: Due| ActionItem {
        id: format!("5a3f0c2e-{n}"),
        text: text.into(),
        owner,
        due,
        status: ActionStatus::Open,
        session,
        agreed: date(2026, 10, 6),
        clock_item: None,
        origin: Default::default(),
    };
    vec![
        action(
            1,
            "Kysely opiskelijoille ruokalan jonoista",
            member("Sari Lehtonen"),
            Due::Date {
                date: date(2026, 10, 31),
            },
        ),
        action(
            2,
            "Välituntiliikuntaa kokeillaan kahdella kampuksella",
            Owner::Role {
                role: Role::Teacher,
            },
            Due::Month { month: 12 },
        ),
        action(
            3,
            "Hiljainen tila kirjaston yhteyteen",
            member("Eetu Nieminen"),
            Due::None,
        ),
    ]
}

/// The follow-ups this meeting recorded: id, status, new due.
fn reviews(app: &App) -> Vec<(String, ActionStatus, Option<Due>)> {
    record(app)
        .events
        .iter()
        .filter_map(|e| match &e.event {
            EventKind::ActionReviewed { id, status, due } => Some((id.clone(), *status, *due)),
            _ => None,
        })
        .collect()
}

fn snapshot(name: &str, app: &App, width: u16, height: u16) {
    let terminal = render(app, width, height);
    insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
}

/// Two decisions: one on the closed vote with a review date and no origin said, one on
/// nothing without one, a student union initiative.
fn two_decisions(lang: Lang) -> (App, Rc<ManualClock>) {
    let (mut app, clock) = meeting(lang, Vec::new());
    closed_vote(&mut app);
    keys(&mut app, "g3");
    clock.advance(95_000);
    keys(
        &mut app,
        "<enter>Ruokailuvuorot porrastetaan kevätlukukaudella<enter><enter>15.1.2027<enter><esc>",
    );
    keys(
        &mut app,
        "<enter>Opiskelijakunta kerää ehdotuksia välituntitoiminnasta<enter>1<enter>45",
    );
    (app, clock)
}

/// Two actions: Sari Lehtonen in March, the school social worker by 31 March 2027.
fn two_actions(lang: Lang) -> (App, Rc<ManualClock>) {
    let (mut app, clock) = meeting(lang, Vec::new());
    keys(&mut app, "g4");
    clock.advance(130_000);
    // Sari Lehtonen is sixth of those present; March is the third month.
    keys(
        &mut app,
        "<enter>Kysely opiskelijoille ruokailun ajoista<enter>63",
    );
    // The school social worker, a role: after the nine people, the sixth role.
    keys(&mut app, "<enter>Välituntiliikunnan kokeilu<enter>");
    keys(&mut app, &"<down>".repeat(9 + 5));
    keys(&mut app, "<enter>");
    // The due picker starts at next month (December); one down is "a date…".
    keys(&mut app, "<down><enter>31.3.2027<enter>");
    (app, clock)
}

// ---- decisions ---------------------------------------------------------------------------

#[test]
fn a_decision_records_its_text_the_closed_vote_it_is_based_on_and_a_review_date() {
    let (mut app, _clock) = meeting(Lang::Fi, Vec::new());
    closed_vote(&mut app);
    keys(&mut app, "g3");
    assert!(!app.offers(Action::Remove), "nothing to remove yet");

    keys(
        &mut app,
        "<enter>Ruokailuvuorot porrastetaan kevätlukukaudella<enter>",
    );
    // The basis picker offers the vote with its winner, and starts on it.
    let Some(Overlay::Picker(picker)) = &app.overlay else {
        panic!("the basis picker is open: {:?}", app.overlay);
    };
    let labels: Vec<&str> = picker.items.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Ei äänestystä eikä ideaa",
            "Äänestys 1: Ruokailu 7 pistettä"
        ]
    );
    assert_eq!(picker.selected, 1);
    keys(&mut app, "<enter>");
    assert_eq!(
        overlay_kind(&app),
        Some("prompt"),
        "the review date is asked"
    );
    let effects = keys(&mut app, "15.1.2027<enter>");

    assert_eq!(
        state(&app).decisions,
        [Decision {
            id: 1,
            text: "Ruokailuvuorot porrastetaan kevätlukukaudella".into(),
            basis: vec![Basis::Vote { vote: 1 }],
            review: Some(date(2027, 1, 15)),
            origin: Default::default(),
        }]
    );
    assert!(saves_once(&effects), "{:?}", effect_names(&effects));
    assert_eq!(effect_names(&effects), ["save:decision_recorded"]);

    // Saved already, it is then asked where it came from: a digit picks, each pick saved.
    let Some(Overlay::Picker(picker)) = &app.overlay else {
        panic!("the source picker is open: {:?}", app.overlay);
    };
    assert_eq!(picker.title, "Keneltä asia lähti liikkeelle?");
    assert_eq!(picker.selected, 0, "\"ei merkitä\" first: Enter skips");
    assert_eq!(picker.items[1].label, "opiskelijoilta");
    let effects = keys(&mut app, "1");
    assert_eq!(effect_names(&effects), ["save:origin_set"]);
    let Some(Overlay::Picker(picker)) = &app.overlay else {
        panic!("the level picker is open: {:?}", app.overlay);
    };
    assert_eq!(picker.title, "Miten opiskelijat olivat mukana?");
    let effects = keys(&mut app, "4");
    assert_eq!(effect_names(&effects), ["save:origin_set"]);
    assert_eq!(overlay_kind(&app), None);
    let origin = Origin {
        source: Some(Source::Students),
        level: Some(Level::DecidedTogether),
    };
    assert_eq!(state(&app).decisions[0].origin, origin);

    let wall = screen_text(&app, 160, 45);
    assert!(wall.contains("Päätös 1: Ruokailuvuorot porrastetaan kevätlukukaudella"));
    assert!(wall.contains("Äänestyksen 1 perusteella: Ruokailu 7 pistettä"));
    assert!(wall.contains("Arvioidaan uudelleen 15.1.2027"));
    assert!(
        wall.contains(
            "Lähti liikkeelle opiskelijoilta · Osallisuus: opiskelijat olivat päättämässä"
        )
    );
    assert!(app.offers(Action::Remove));

    // "15.1." is the next 15 January: the meeting is on 10 November 2026. Esc leaves the
    // origin unsaid; the decision stays.
    keys(&mut app, "<enter>Toinen päätös<enter>1");
    let effects = keys(&mut app, "15.1.<enter><esc>");
    assert_eq!(effect_names(&effects), ["save:decision_recorded"]);
    assert_eq!(overlay_kind(&app), None);
    let second = &state(&app).decisions[1];
    assert_eq!(second.basis, []);
    assert_eq!(second.review, Some(date(2027, 1, 15)));
    assert!(second.origin.is_empty());

    // `o` asks again for the selected one, starting from what it is: the source is kept,
    // Esc at the level keeps the level as it was.
    let effects = keys(&mut app, "o5<esc>");
    assert_eq!(effect_names(&effects), ["save:origin_set"]);
    assert_eq!(state(&app).decisions[1].origin.source, Some(Source::Survey));
    assert_eq!(state(&app).decisions[1].origin.level, None);
    keys(&mut app, "<up>o");
    let Some(Overlay::Picker(picker)) = &app.overlay else {
        panic!("the source picker is open: {:?}", app.overlay);
    };
    assert_eq!(
        picker.selected, 1,
        "the first decision's source preselected"
    );
    keys(&mut app, "<esc>");
    assert_eq!(
        state(&app).decisions[0].origin,
        origin,
        "Esc changes nothing"
    );
}

#[test]
fn a_digit_in_the_basis_picker_picks_the_idea_with_that_number() {
    // FORMAT with an item of ideas first.
    let mut format: Format = serde_json::from_str(FORMAT).expect("the test format parses");
    let mut ideas = format.phases[2].clone();
    ideas.id = "ideas".into();
    ideas.kind = parvi::model::PhaseKind::Ideas;
    format.phases.insert(0, ideas);
    let (mut app, _clock) = meeting_in(format, Lang::Fi, Vec::new());
    for text in ["Penkkejä", "Pingispöytä", "Pyöräkatos", "Lukunurkkaus"] {
        run(
            &mut app,
            Command::AddIdea {
                text: text.into(),
                author: None,
            },
        );
    }
    run(&mut app, Command::RemoveIdea(1));
    run(&mut app, Command::RemoveIdea(2));
    keys(&mut app, "g4<enter>Pyöräkatos hankitaan<enter>");
    // The ideas left are 3 and 4, on the second and third rows: the picker shows their
    // own numbers, and 3 picks idea 3 (the third row would be idea 4).
    let picking = screen_text(&app, 80, 24);
    assert!(picking.contains("│  Ei äänestystä eikä ideaa"), "{picking}");
    assert!(picking.contains("│3 Idea 3: Pyöräkatos"), "{picking}");
    assert!(picking.contains("│4 Idea 4: Lukunurkkaus"), "{picking}");
    keys(&mut app, "3<enter>");
    assert_eq!(
        state(&app).decisions[0].basis,
        [Basis::Idea { idea: 3 }],
        "the digit picked another row"
    );
}

#[test]
fn a_bad_date_is_explained_kept_in_the_prompt_and_nothing_is_recorded() {
    let (mut app, _clock) = meeting(Lang::Fi, Vec::new());
    keys(&mut app, "g3");
    // No vote, idea or theme: straight from the text to the review date.
    keys(&mut app, "<enter>Kokeillaan hiljaista välituntia<enter>");
    assert_eq!(overlay_kind(&app), Some("prompt"));

    for (typed, said) in [
        ("31.2.2027", "Päivää ”31.2.2027” ei ole kalenterissa."),
        (
            "huomenna",
            "”huomenna” ei ole päivämäärä. Kirjoita esimerkiksi 15.1.2027 tai 15.1.",
        ),
        ("1.1.2020", "1.1.2020 on jo mennyt. Anna tuleva päivämäärä."),
    ] {
        let effects = keys(&mut app, &format!("{typed}<enter>"));
        assert_eq!(flash(&app), said);
        assert!(app.cx.flash.as_ref().is_some_and(|f| f.error));
        assert!(
            effects.is_empty(),
            "nothing saved: {:?}",
            effect_names(&effects)
        );
        assert!(state(&app).decisions.is_empty());
        // The prompt is back with the text as typed, to be corrected.
        assert_eq!(overlay_kind(&app), Some("prompt"));
        assert_eq!(prompt_value(&app), typed);
        assert!(screen_text(&app, 80, 24).contains(&said[..20]));
        keys(&mut app, &"<bs>".repeat(typed.chars().count()));
    }

    // Empty: no review date.
    let effects = keys(&mut app, "<enter>");
    assert!(saves_once(&effects));
    assert_eq!(state(&app).decisions.len(), 1);
    assert_eq!(state(&app).decisions[0].review, None);
}

#[test]
fn removing_a_decision_asks_first() {
    let (mut app, _clock) = two_decisions(Lang::Fi);
    assert_eq!(state(&app).decisions.len(), 2);
    keys(&mut app, "<up>x");
    assert_eq!(overlay_kind(&app), Some("confirm"));
    let effects = keys(&mut app, "<esc>");
    assert!(effects.is_empty());
    assert_eq!(state(&app).decisions.len(), 2);
    let effects = keys(&mut app, "x<enter>");
    assert_eq!(effect_names(&effects), ["save:decision_removed"]);
    let left: Vec<u32> = state(&app).decisions.iter().map(|d| d.id).collect();
    assert_eq!(left, [2], "the selected (first) decision went");
}

#[test]
fn a_decision_is_edited_in_place_keeping_its_number_basis_and_review_date() {
    let (mut app, _clock) = two_decisions(Lang::Fi);
    assert!(app.offers(Action::Edit));
    keys(&mut app, "<up>e");
    assert_eq!(overlay_kind(&app), Some("prompt"));
    assert_eq!(
        prompt_value(&app),
        "Ruokailuvuorot porrastetaan kevätlukukaudella"
    );
    keys(&mut app, " ja syksyllä<enter>");
    // The basis picker starts on the decision's own basis, the review prompt on its date.
    let Some(Overlay::Picker(picker)) = &app.overlay else {
        panic!("the basis picker is open: {:?}", app.overlay);
    };
    assert_eq!(picker.selected, 1);
    keys(&mut app, "<enter>");
    assert_eq!(prompt_value(&app), "15.1.2027");
    let effects = keys(&mut app, "<enter>");

    assert_eq!(effect_names(&effects), ["save:decision_edited"]);
    let decisions = &state(&app).decisions;
    assert_eq!(
        decisions[0],
        Decision {
            id: 1,
            text: "Ruokailuvuorot porrastetaan kevätlukukaudella ja syksyllä".into(),
            basis: vec![Basis::Vote { vote: 1 }],
            review: Some(date(2027, 1, 15)),
            origin: Default::default(),
        }
    );
    assert_eq!(decisions[1].id, 2, "the order stays");
    let wall = screen_text(&app, 160, 45);
    assert!(wall.contains("Päätös 1: Ruokailuvuorot porrastetaan kevätlukukaudella ja syksyllä"));

    // The second one gets a review date; its text and (empty) basis stay.
    keys(&mut app, "<down>e<enter>");
    let Some(Overlay::Picker(picker)) = &app.overlay else {
        panic!("the basis picker is open: {:?}", app.overlay);
    };
    assert_eq!(picker.selected, 0, "no basis before, none preselected");
    keys(&mut app, "<enter>");
    assert_eq!(prompt_value(&app), "");
    keys(&mut app, "1.3.2027<enter>");
    let second = &state(&app).decisions[1];
    assert_eq!(
        second.text,
        "Opiskelijakunta kerää ehdotuksia välituntitoiminnasta"
    );
    assert_eq!(second.basis, []);
    assert_eq!(second.review, Some(date(2027, 3, 1)));
    // Replaying the log gives the same decisions.
    let replayed = parvi::model::MeetingState::replay(record(&app));
    assert_eq!(replayed.decisions, state(&app).decisions);
}

#[test]
fn snapshot_decisions() {
    let (app, _clock) = two_decisions(Lang::Fi);
    snapshot("decisions", &app, 80, 24);
    snapshot("decisions", &app, 160, 45);
}

// ---- actions -----------------------------------------------------------------------------

#[test]
fn actions_are_owned_by_a_member_or_a_role_and_due_in_a_month_or_on_a_date() {
    let (mut app, _clock) = meeting(Lang::Fi, Vec::new());
    keys(&mut app, "g4");
    assert!(!app.offers(Action::Edit) && !app.offers(Action::Remove));

    keys(
        &mut app,
        "<enter>Kysely opiskelijoille ruokailun ajoista<enter>",
    );
    let Some(Overlay::Picker(owners)) = &app.overlay else {
        panic!("the owner picker is open");
    };
    assert_eq!(owners.items.len(), 9 + 12, "nine present, twelve roles");
    assert_eq!(owners.items[5].label, "Sari Lehtonen");
    assert_eq!(owners.items[5].detail, "kuraattori");
    assert_eq!(owners.items[9 + 5].label, "rooli: kuraattori");
    keys(&mut app, "6");
    let Some(Overlay::Picker(dues)) = &app.overlay else {
        panic!("the due picker is open");
    };
    let labels: Vec<&str> = dues.items.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels[..3], ["tammikuu", "helmikuu", "maaliskuu"]);
    assert_eq!(labels[11..], ["joulukuu", "päivämäärä…", "ei määräaikaa"]);
    let effects = keys(&mut app, "3");
    assert_eq!(effect_names(&effects), ["save:action_added"]);

    keys(&mut app, "<enter>Välituntiliikunnan kokeilu<enter>");
    keys(&mut app, &"<down>".repeat(9 + 5));
    keys(&mut app, "<enter><down><enter>");
    assert_eq!(overlay_kind(&app), Some("prompt"), "a date is asked");
    keys(&mut app, "31.3.2027<enter>");

    let actions = &state(&app).actions;
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[0].text, "Kysely opiskelijoille ruokailun ajoista");
    assert_eq!(actions[0].owner, member("Sari Lehtonen"));
    assert_eq!(actions[0].due, Due::Month { month: 3 });
    assert_eq!(actions[0].status, ActionStatus::Open);
    assert_eq!(actions[0].agreed, date(2026, 11, 10));
    assert_eq!(actions[1].text, "Välituntiliikunnan kokeilu");
    assert_eq!(
        actions[1].owner,
        Owner::Role {
            role: Role::SchoolSocialWorker
        }
    );
    assert_eq!(
        actions[1].due,
        Due::Date {
            date: date(2027, 3, 31)
        }
    );
    assert!(app.offers(Action::Edit) && app.offers(Action::Remove));

    let wall = screen_text(&app, 160, 45);
    for text in [
        "Mitä",
        "Kuka",
        "Mihin mennessä",
        "Kysely opiskelijoille ruokailun ajoista",
        "Sari Lehtonen",
        "maaliskuu",
        "kuraattori",
        "31.3.2027",
        "2 toimenpidettä",
    ] {
        assert!(wall.contains(text), "{text} on the wall:\n{wall}");
    }
}

#[test]
fn an_action_is_edited_and_removed_only_after_confirmation() {
    let (mut app, _clock) = two_actions(Lang::Fi);
    let first = state(&app).actions[0].clone();

    // Edit the first: the text, the owner and the due come prefilled.
    keys(&mut app, "<up>e");
    assert_eq!(prompt_value(&app), first.text);
    keys(&mut app, " ja välipaloista<enter>");
    let Some(Overlay::Picker(owners)) = &app.overlay else {
        panic!("the owner picker");
    };
    assert_eq!(owners.selected, 5, "Sari Lehtonen is preselected");
    keys(&mut app, "<enter>");
    let Some(Overlay::Picker(dues)) = &app.overlay else {
        panic!("the due picker");
    };
    assert_eq!(dues.selected, 2, "March is preselected");
    let effects = keys(&mut app, "4");
    assert_eq!(effect_names(&effects), ["save:action_edited"]);
    let edited = &state(&app).actions[0];
    assert_eq!(edited.id, first.id);
    assert_eq!(
        edited.text,
        "Kysely opiskelijoille ruokailun ajoista ja välipaloista"
    );
    assert_eq!(edited.owner, first.owner);
    assert_eq!(edited.due, Due::Month { month: 4 });

    // Remove the second: asked first; Esc keeps it.
    keys(&mut app, "<down>x");
    assert_eq!(overlay_kind(&app), Some("confirm"));
    let effects = keys(&mut app, "<esc>");
    assert!(effects.is_empty());
    assert_eq!(state(&app).actions.len(), 2);
    let effects = keys(&mut app, "<del><enter>");
    assert_eq!(effect_names(&effects), ["save:action_removed"]);
    let left: Vec<&str> = state(&app).actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(left, [first.id.as_str()]);
}

#[test]
fn snapshot_actions() {
    let (app, _clock) = two_actions(Lang::Fi);
    snapshot("actions", &app, 80, 24);
    snapshot("actions", &app, 160, 45);
}

// ---- the follow-up of earlier actions ----------------------------------------------------

#[test]
fn earlier_actions_are_marked_done_continued_or_dropped_as_events_of_this_meeting() {
    let (mut app, _clock) = meeting(Lang::Fi, carried());
    let wall = screen_text(&app, 160, 45);
    assert!(
        wall.contains("3 avointa, 1 myöhässä · käsitelty 0/3"),
        "{wall}"
    );
    assert!(wall.contains("! myöhässä"));
    assert!(wall.contains("kokouksesta 6.10.2026"));

    // Done.
    let effects = keys(&mut app, "<enter>1");
    assert_eq!(effect_names(&effects), ["save:action_reviewed"]);
    // Continued, to January: the next one is selected by itself.
    keys(&mut app, "<enter>2");
    let Some(Overlay::Picker(dues)) = &app.overlay else {
        panic!("the new due date is asked");
    };
    assert_eq!(dues.title, "Uusi määräaika");
    keys(&mut app, "1");
    // Dropped.
    keys(&mut app, "<enter>3");

    assert_eq!(
        reviews(&app),
        [
            ("5a3f0c2e-1".to_string(), ActionStatus::Done, None),
            (
                "5a3f0c2e-2".to_string(),
                ActionStatus::Continued,
                Some(Due::Month { month: 1 })
            ),
            ("5a3f0c2e-3".to_string(), ActionStatus::Dropped, None),
        ]
    );
    let open: Vec<(&str, ActionStatus, Due)> = state(&app)
        .open_actions()
        .map(|a| (a.id.as_str(), a.status, a.due))
        .collect();
    assert_eq!(
        open,
        [(
            "5a3f0c2e-2",
            ActionStatus::Continued,
            Due::Month { month: 1 }
        )]
    );
    // What the next meeting will follow up.
    let next: Vec<String> = outcomes::open_actions(&[record(&app).clone()])
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(next, ["5a3f0c2e-2"]);

    let wall = screen_text(&app, 160, 45);
    assert!(wall.contains("1 avoin · käsitelty 3/3"), "{wall}");
    assert!(wall.contains("✓ tehty") && wall.contains("→ jatkuu") && wall.contains("✗ luovuttu"));
    assert!(wall.contains("tammikuu"));
    assert!(!wall.contains("! myöhässä"), "done is not late");
}

#[test]
fn marking_again_changes_the_mark_and_escape_records_nothing() {
    let (mut app, _clock) = meeting(Lang::Fi, carried());
    keys(&mut app, "<enter>3");
    // Back to the first; Esc in the picker records nothing.
    keys(&mut app, "<up>");
    let effects = keys(&mut app, "<enter><esc>");
    assert!(effects.is_empty());
    // Continued, then Esc at the due date: nothing either.
    let effects = keys(&mut app, "<enter>2<esc>");
    assert!(effects.is_empty());
    keys(&mut app, "<enter>");
    let Some(Overlay::Picker(marks)) = &app.overlay else {
        panic!("the marks");
    };
    assert_eq!(marks.selected, 2, "the mark it has now is preselected");
    keys(&mut app, "1");
    assert_eq!(state(&app).carried[0].status, ActionStatus::Done);
    assert_eq!(reviews(&app).len(), 2);
}

#[test]
fn with_nothing_to_follow_up_the_screen_says_so() {
    let (mut app, _clock) = meeting(Lang::Fi, Vec::new());
    let wall = screen_text(&app, 80, 24);
    assert!(
        wall.contains("Edellisistä kokouksista ei ole avoimia"),
        "{wall}"
    );
    assert!(!app.offers(Action::Confirm));
    let effects = keys(&mut app, "<enter>");
    assert!(effects.is_empty());
    assert_eq!(overlay_kind(&app), None);
}

#[test]
fn dates_months_and_overdue_are_said_in_the_users_language() {
    for (lang, texts) in [
        (
            Lang::Sv,
            [
                "3 öppna, 1 försenad",
                "31.10.2026",
                "! försenad",
                "december",
                "från mötet 6.10.2026",
                "ingen tidsfrist",
            ],
        ),
        (
            Lang::En,
            [
                "3 open, 1 overdue",
                "31 Oct 2026",
                "! overdue",
                "December",
                "agreed on 6 Oct 2026",
                "no due date",
            ],
        ),
    ] {
        let (app, _clock) = meeting(lang, carried());
        let wall = screen_text(&app, 160, 45);
        for text in texts {
            assert!(wall.contains(text), "{lang:?}: {text}\n{wall}");
        }
    }
}

#[test]
fn snapshot_follow_up_with_an_overdue_action() {
    let (mut app, clock) = meeting(Lang::Fi, carried());
    clock.advance(200_000);
    keys(&mut app, "<down><enter>21");
    snapshot("follow_up", &app, 80, 24);
    snapshot("follow_up", &app, 160, 45);
}

#[test]
fn snapshot_follow_up_in_english() {
    let (mut app, clock) = meeting(Lang::En, carried());
    clock.advance(200_000);
    keys(&mut app, "<down><enter>21");
    snapshot("follow_up_en", &app, 160, 45);
}

#[test]
fn each_agenda_item_starts_with_its_first_row_selected() {
    let (mut app, _clock) = two_decisions(Lang::Fi);
    keys(
        &mut app,
        "g4<enter>Ensimmäinen<enter>11<enter>Toinen<enter>11",
    );
    assert_eq!(state(&app).actions.len(), 2);
    assert!(screen_text(&app, 80, 24).contains("▶ 2 Toinen"));
    // Back to the decisions: the actions' selection (the second row) is not theirs.
    keys(&mut app, "g3");
    let wall = screen_text(&app, 80, 24);
    assert!(wall.contains("▶ Päätös 1"), "{wall}");
    assert!(!wall.contains("▶ Päätös 2"));
}

#[test]
fn editing_keeps_an_owner_who_has_left_the_meeting_with_enter() {
    let (mut app, _clock) = two_actions(Lang::Fi);
    // Sari Lehtonen (sixth) leaves.
    keys(&mut app, "a6");
    keys(&mut app, "<up>e<enter>");
    let Some(Overlay::Picker(owners)) = &app.overlay else {
        panic!("the owner picker");
    };
    assert_eq!(owners.items[0].label, "Sari Lehtonen");
    assert_eq!(owners.selected, 0);
    assert_eq!(owners.items.len(), 1 + 8 + 12);
    let effects = keys(&mut app, "<enter><enter>");
    assert_eq!(effect_names(&effects), ["save:action_edited"]);
    let first = &state(&app).actions[0];
    assert_eq!(first.owner, member("Sari Lehtonen"));
    assert_eq!(first.due, Due::Month { month: 3 });
}

// ---- the year clock ---------------------------------------------------------------------

/// A meeting that walks through the year clock, then agrees actions.
const CLOCK_FORMAT: &str = r#"{
  "schema": 1,
  "name": "vuosikello",
  "title": { "fi": "Vuosikello", "sv": "Årsklockan", "en": "Year clock" },
  "phases": [
    {
      "id": "clock",
      "kind": "year_clock",
      "title": { "fi": "Vuosikello", "sv": "Årsklockan", "en": "The year clock" },
      "prompt": { "fi": "Mikä on tehty, kuka hoitaa seuraavan?",
                  "sv": "Vad är gjort, vem tar hand om nästa?",
                  "en": "What is done, who takes on the next?" },
      "minutes": 5
    },
    {
      "id": "actions",
      "kind": "actions",
      "title": { "fi": "Toimenpiteet", "sv": "Åtgärder", "en": "Actions" },
      "minutes": 5
    }
  ]
}"#;

/// The sample group (with its year clock) in [`CLOCK_FORMAT`] on 10 November: the walk is
/// November's anti-bullying work (under way) and December's "you said, we did".
fn clock_meeting(lang: Lang) -> (App, Rc<ManualClock>) {
    let format: Format = serde_json::from_str(CLOCK_FORMAT).expect("the clock format parses");
    meeting_in(format, lang, Vec::new())
}

/// The clock events of the meeting so far.
fn clock_events(app: &App) -> Vec<EventKind> {
    record(app)
        .events
        .iter()
        .map(|e| e.event.clone())
        .filter(EventKind::changes_clock)
        .collect()
}

#[test]
fn the_year_clock_item_marks_moves_and_agrees_actions_on_the_clocks_items() {
    use parvi::model::clock::{ItemStatus, SchoolYear, When};
    let (mut app, _clock) = clock_meeting(Lang::Fi);
    let clock = record(&app)
        .clock
        .clone()
        .expect("the meeting keeps the group's clock");
    let walk: Vec<_> = clock
        .walk(date(2026, 11, 10), false)
        .into_iter()
        .map(|(i, _)| i.clone())
        .collect();
    assert_eq!(walk.len(), 2, "{walk:?}");
    let screen = screen_text(&app, 160, 45);
    assert!(
        screen.contains("Vuosikello: marraskuu ja joulukuu · 2 kohtaa"),
        "{screen}"
    );
    assert!(screen.contains(&walk[0].title) && screen.contains(&walk[1].title));

    // Enter, Enter: the first item (under way) is done. Saved, then carried to the clock file.
    let effects = keys(&mut app, "<enter><enter>");
    let year = SchoolYear { start: 2026 };
    assert_eq!(
        clock_events(&app),
        vec![EventKind::ClockItemMarked {
            item: walk[0].id.clone(),
            year,
            status: ItemStatus::Done,
        }]
    );
    assert_eq!(
        effect_names(&effects),
        ["save:clock_item_marked", "apply_clock_events"]
    );
    assert!(flash(&app).contains("tehty"), "{}", flash(&app));

    // `t` on the second: the owner picker offers the clock's responsible first; the action
    // is due in the item's month and linked to it.
    keys(
        &mut app,
        "<down>tKerrotaan tuloksista infonäytöillä<enter>1",
    );
    let action = state(&app).actions.last().cloned().expect("an action");
    assert_eq!(action.clock_item.as_deref(), Some(walk[1].id.as_str()));
    assert_eq!(action.due, Due::Month { month: 12 });
    assert_eq!(
        action.owner,
        Owner::Role {
            role: Role::Management
        }
    );

    // `m`, 2: moved to February, one month as before. Esc in a picker records nothing.
    keys(&mut app, "m<esc>");
    assert_eq!(clock_events(&app).len(), 1);
    keys(&mut app, "m2");
    assert_eq!(
        clock_events(&app)[1],
        EventKind::ClockItemMoved {
            item: walk[1].id.clone(),
            when: When::Months { from: 2, to: 2 },
        }
    );
    let screen = screen_text(&app, 160, 45);
    assert!(screen.contains("helmikuu"), "{screen}");
    assert!(
        screen.contains("→ Kerrotaan tuloksista infonäytöillä (johto)"),
        "{screen}"
    );
}

#[test]
fn a_new_clock_item_is_added_and_one_is_taken_off_only_after_confirmation() {
    let (mut app, _clock) = clock_meeting(Lang::Fi);
    keys(&mut app, "iLiikuntapäivä<enter>5");
    let added = match clock_events(&app).first() {
        Some(EventKind::ClockItemAdded { item }) => item.clone(),
        other => panic!("no item added: {other:?}"),
    };
    assert_eq!(added.title, "Liikuntapäivä");
    assert!(screen_text(&app, 160, 45).contains("▶ Liikuntapäivä"));
    // `x` asks; "no" keeps it, "yes" takes it off.
    keys(&mut app, "x");
    assert_eq!(overlay_kind(&app), Some("confirm"));
    keys(&mut app, "n");
    assert_eq!(clock_events(&app).len(), 1);
    keys(&mut app, "xy");
    assert_eq!(
        clock_events(&app)[1],
        EventKind::ClockItemRemoved { item: added.id }
    );
    assert!(!screen_text(&app, 160, 45).contains("▶ Liikuntapäivä"));
    assert!(
        flash(&app).contains("poistettiin Liikuntapäivä"),
        "{}",
        flash(&app)
    );
}

#[test]
fn a_group_without_a_year_clock_is_told_how_to_start_one() {
    let format: Format = serde_json::from_str(CLOCK_FORMAT).expect("the clock format parses");
    let (mut app, _clock) = meeting_in(format, Lang::Fi, Vec::new());
    let Screen::Meeting(view) = &mut app.screen else {
        panic!("not a meeting");
    };
    view.meeting = parvi::model::Meeting::new(parvi::model::SessionRecord {
        clock: None,
        ..view.meeting.record().clone()
    });
    let screen = screen_text(&app, 160, 45);
    assert!(screen.contains("parvi clock init --group"), "{screen}");
    keys(&mut app, "<enter>");
    assert!(
        flash(&app).contains("ei ole vielä vuosikelloa"),
        "{}",
        flash(&app)
    );
}

#[test]
fn snapshot_year_clock() {
    let (mut app, clock) = clock_meeting(Lang::Fi);
    clock.advance(90_000);
    keys(
        &mut app,
        "<down>tKerrotaan tuloksista infonäytöillä<enter>1<up>",
    );
    snapshot("year_clock", &app, 80, 24);
    snapshot("year_clock", &app, 160, 45);
}
