//! The review of past meetings, driven by keys through `App::handle_event`: the archive
//! with its search and filters, a meeting's view, a group's trends, and the effects the
//! review hands to the loop. Snapshots at 80x24 (a laptop) and 160x45 (a projector).
//!
//! Accept new or changed snapshots with `cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test all review_screen::` and a look at `tests/snapshots/`.

use crate::app_fixture;
use crate::common;

use app_fixture::{
    app_with, data_sample, effect_names, home, keys, overlay_kind, render, sample_summaries,
    screen_text, sessions_dir,
};
use parvi::i18n::Lang;
use parvi::model::vote::{Ballot, Entry, Rule, VoteKind, VoteOption, VoteSpec};
use parvi::model::{Command, PhaseKind, SessionRecord, Side};
use parvi::store::search::{self, SearchIndex};
use parvi::tui::app::{App, Effect, Screen};
use parvi::tui::keymap::KeyContext;
use parvi::tui::screens::review::trend::TrendData;
use parvi::tui::screens::review::{Page, Review};

/// The three sample meetings, oldest first.
fn meetings() -> Vec<SessionRecord> {
    let mut m = parvi::simulator::meetings();
    m.sort_by_key(SessionRecord::started_at);
    m
}

/// The searchable text of the sample meetings, as the loop would read it.
fn sample_index() -> SearchIndex {
    let mut index = SearchIndex::default();
    for (summary, record) in sample_summaries().iter().zip(newest_first()) {
        index.insert(
            summary.file.clone(),
            summary.size,
            summary.mtime_ns,
            search::text_of(&record),
        );
    }
    index
}

fn newest_first() -> Vec<SessionRecord> {
    let mut m = meetings();
    m.reverse();
    m
}

fn review(app: &App) -> &Review {
    match &app.screen {
        Screen::Review(review) => review,
        other => panic!("not the review: {other:?}"),
    }
}

/// The archive of the sample data, its search text loaded, in `lang`.
fn archive(lang: Lang) -> App {
    let (mut app, _) = app_with(lang, data_sample());
    let effects = keys(&mut app, "v");
    assert_eq!(effect_names(&effects), ["load_search"]);
    app.set_search(sample_index());
    app
}

/// The newest sample meeting's view, opened from the archive as the loop would.
fn session_view(lang: Lang) -> App {
    let mut app = archive(lang);
    let effects = keys(&mut app, "<enter>");
    let Some(Effect::ShowSession(path)) = effects.first() else {
        panic!("Enter asks for the meeting: {effects:?}");
    };
    assert_eq!(path, &sessions_dir().join(&sample_summaries()[0].file));
    app.show_session(newest_first().remove(0));
    assert_eq!(app.context(), KeyContext::ReviewSession);
    app
}

/// Snapshots `app` at one size.
fn snapshot(name: &str, app: &App, width: u16, height: u16) {
    let terminal = render(app, width, height);
    insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
}

fn snapshots(name: &str, app: &App) {
    snapshot(name, app, 80, 24);
    snapshot(name, app, 160, 45);
}

// ---- the archive ----------------------------------------------------------------------------

#[test]
fn the_archive_lists_every_meeting_newest_first_with_counts() {
    let app = archive(Lang::Fi);
    assert_eq!(app.context(), KeyContext::Review);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("3 kokousta, näytetään 1–3"), "{text}");
    let rows: Vec<&str> = text.lines().filter(|l| l.contains(".2026 ")).collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert!(rows[0].contains("3.11.2026") && rows[2].contains("8.9.2026"));
    snapshots("archive", &app);
}

#[test]
fn v_opens_the_archive_and_esc_goes_home() {
    let (mut app, _) = home(Lang::Fi);
    assert!(app.offers(parvi::tui::keymap::Action::Review));
    keys(&mut app, "v");
    assert!(matches!(app.screen, Screen::Review(_)));
    keys(&mut app, "<esc>");
    assert!(matches!(app.screen, Screen::Home(_)));
}

#[test]
fn typing_a_search_filters_at_each_key_and_esc_clears_it() {
    let mut app = archive(Lang::Fi);
    keys(&mut app, "/");
    assert_eq!(app.context(), KeyContext::ReviewSearch);
    // "porrastaa" is in actions of the first and the last meeting; q and ? are text here.
    keys(&mut app, "PORRAS");
    assert_eq!(review(&app).archive.matches.len(), 2);
    keys(&mut app, "taa välitunnit");
    assert_eq!(
        review(&app).archive.matches,
        [0],
        "only the newest has both words"
    );
    assert!(!app.should_quit());
    snapshots("search_typing", &app);
    // Enter keeps the search and gives the keys back to the list.
    keys(&mut app, "<enter>");
    assert_eq!(app.context(), KeyContext::Review);
    assert_eq!(review(&app).archive.matches, [0]);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("1/3 kokousta"), "{text}");
    assert!(text.contains("Osuma: "), "why it matched: {text}");
    // Typing again and Esc: the search is gone, every meeting is back.
    keys(&mut app, "/<esc>");
    assert_eq!(review(&app).archive.matches.len(), 3);
    assert_eq!(app.context(), KeyContext::Review);
}

#[test]
fn a_word_from_an_idea_finds_its_meeting_which_opens_and_exports() {
    // The flow the end-to-end test takes: archive, a word of an idea, Enter, export.
    let mut app = archive(Lang::Fi);
    keys(&mut app, "/Palautelaatikko<enter>");
    let archive = &review(&app).archive;
    assert_eq!(archive.matches.len(), 1);
    let effects = keys(&mut app, "<enter>");
    assert_eq!(effect_names(&effects), ["show_session"]);
    app.show_session(newest_first().remove(0));
    // e asks what to export; Enter takes the first, the minutes to print.
    let effects = keys(&mut app, "e");
    assert!(effects.is_empty());
    assert_eq!(overlay_kind(&app), Some("picker"));
    let text = screen_text(&app, 80, 24);
    for label in [
        "Muistio tulostettavaksi",
        "Julkinen muistio tulostettavaksi",
        "Koko kokousloki",
    ] {
        assert!(text.contains(label), "{label}: {text}");
    }
    let path = sessions_dir().join(&sample_summaries()[0].file);
    let effects = keys(&mut app, "<enter>");
    assert_eq!(
        effects,
        [Effect::ExportMinutes {
            path: path.clone(),
            format: parvi::export::Format::Html,
            public: false,
            replace: false,
        }]
    );
    // The second choice is the public version; the fifth the CSV tables.
    let effects = keys(&mut app, "e2");
    assert_eq!(
        effects,
        [Effect::ExportMinutes {
            path: path.clone(),
            format: parvi::export::Format::Html,
            public: true,
            replace: false,
        }]
    );
    let effects = keys(&mut app, "e5");
    assert_eq!(
        effects,
        [Effect::ExportMinutes {
            path,
            format: parvi::export::Format::Csv,
            public: false,
            replace: false,
        }]
    );
}

#[test]
fn the_group_picker_and_the_date_prompts_filter_the_list() {
    let mut app = archive(Lang::Fi);
    keys(&mut app, "g");
    assert_eq!(overlay_kind(&app), Some("picker"));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Kaikki ryhmät"), "{text}");
    keys(&mut app, "2");
    assert_eq!(
        review(&app).archive.filter.group.as_deref(),
        Some(meetings()[0].group.id.as_str())
    );
    assert_eq!(review(&app).archive.matches.len(), 3);
    // October only, with and without the year.
    keys(&mut app, "d1.10.2026<enter>31.10.<enter>");
    assert_eq!(overlay_kind(&app), None);
    let archive = &review(&app).archive;
    assert_eq!(archive.filter.from, Some(jiff::civil::date(2026, 10, 1)));
    assert_eq!(archive.filter.to, Some(jiff::civil::date(2026, 10, 31)));
    assert_eq!(archive.matches, [1], "the 6 October meeting");
    snapshots("archive_filtered", &app);
    // A format with no meeting in the range: nothing, said in words.
    keys(&mut app, "f");
    keys(&mut app, "2");
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Rajauksia vastaavia kokouksia ei löytynyt")
            || !review(&app).archive.matches.is_empty(),
        "{text}"
    );
    // c clears every filter.
    keys(&mut app, "c");
    assert!(review(&app).archive.filter.is_empty());
    assert_eq!(review(&app).archive.matches.len(), 3);
}

#[test]
fn a_wrong_date_or_a_reversed_range_is_refused_in_words() {
    let mut app = archive(Lang::Fi);
    keys(&mut app, "dhuominen<enter>");
    let flash = app.cx.flash.clone().expect("an explanation");
    assert!(flash.error && flash.text.contains("huominen"), "{flash:?}");
    keys(&mut app, "d31.10.2026<enter>1.10.2026<enter>");
    let flash = app.cx.flash.clone().expect("an explanation");
    assert!(flash.text.contains("ennen alkupäivää"), "{flash:?}");
    assert!(review(&app).archive.filter.from.is_none());
}

#[test]
fn the_list_follows_new_data_and_keeps_the_selection() {
    let mut app = archive(Lang::Fi);
    keys(&mut app, "<down>");
    let selected = review(&app)
        .archive
        .selected_summary(&app.cx)
        .unwrap()
        .file
        .clone();
    let mut data = app.cx.data.clone();
    let mut extra = sample_summaries()[2].clone();
    extra.file = "2027-01-01_x.json".into();
    extra.started_at = "2027-01-01T10:00:00Z".parse().unwrap();
    data.sessions.insert(0, extra);
    app.set_data(data);
    let archive = &review(&app).archive;
    assert_eq!(archive.matches.len(), 4);
    assert_eq!(archive.selected_summary(&app.cx).unwrap().file, selected);
}

// ---- a meeting ----------------------------------------------------------------------------

#[test]
fn a_meetings_view_shows_its_sections_and_scrolls() {
    let mut app = session_view(Lang::Fi);
    let text = screen_text(&app, 160, 45);
    for wanted in [
        "Ruokala ja välitunnit",
        "Läsnä 8/9",
        "Poissa: ",
        "Kokouksen kulku",
    ] {
        assert!(text.contains(wanted), "{wanted}: {text}");
    }
    snapshots("session", &app);
    // Tab goes from section to section; at the end, back to the top.
    let Screen::Review(r) = &app.screen else {
        unreachable!()
    };
    let Some(Page::Session(view)) = r.pages.last() else {
        panic!("a meeting's page")
    };
    let sections = view.doc(156, &app.cx).sections.len();
    assert!(
        sections >= 8,
        "header, attendance, timeline, ideas, votes, decisions, actions, follow-up, participation"
    );
    // Keys act on the frame as the loop last drew it.
    app.area = ratatui::layout::Rect::new(0, 0, 160, 45);
    keys(&mut app, "<tab><tab><tab><tab><tab>");
    snapshots("session_results", &app);
    for _ in 0..10 {
        keys(&mut app, "<tab>");
    }
    app.area = ratatui::layout::Rect::new(0, 0, 80, 24);
    keys(&mut app, &"<down>".repeat(200));
    snapshots("session_participation", &app);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Tasapuolisuusindeksi 0,92"), "{text}");
    // Esc: back to the list, the meeting still selected.
    keys(&mut app, "<esc>");
    assert_eq!(app.context(), KeyContext::Review);
    assert_eq!(review(&app).archive.selected, 0);
}

#[test]
fn names_appear_in_the_attendance_and_as_action_owners_only() {
    let app = session_view(Lang::En);
    let Screen::Review(r) = &app.screen else {
        unreachable!()
    };
    let Some(Page::Session(view)) = r.pages.last() else {
        panic!("a meeting's page")
    };
    let doc = view.doc(100, &app.cx);
    let lines: Vec<String> = doc.lines.iter().map(|l| l.to_string()).collect();
    let timeline = doc.sections[2];
    let owners: Vec<String> = view
        .state
        .actions
        .iter()
        .chain(&view.state.carried)
        .filter_map(|a| match &a.owner {
            parvi::model::outcomes::Owner::Member { name, .. } => Some(name.clone()),
            _ => None,
        })
        .collect();
    for person in &view.state.people {
        if owners.contains(&person.name) {
            continue;
        }
        for line in &lines[timeline..] {
            assert!(!line.contains(&person.name), "{} in {line:?}", person.name);
        }
    }
    // Participation is per side and role, against the seats.
    let text = lines.join("\n");
    assert!(text.contains("students"), "{text}");
    assert!(text.contains("By role"), "{text}");
    assert!(text.contains("of speaking time · "), "{text}");
}

#[test]
fn home_enter_on_a_past_meeting_opens_its_view_and_esc_goes_home() {
    let (mut app, _) = home(Lang::Fi);
    let effects = keys(&mut app, "<tab><tab><enter>");
    assert_eq!(effect_names(&effects), ["show_session"]);
    app.show_session(newest_first().remove(0));
    assert_eq!(app.context(), KeyContext::ReviewSession);
    keys(&mut app, "<esc>");
    assert!(matches!(app.screen, Screen::Home(_)));
}

/// A meeting with two votes: one closed (seven voters, two of them students, so no
/// breakdown per side), one left open.
fn voted_meeting() -> SessionRecord {
    let mut f = common::format();
    let vote = |kind| VoteSpec {
        kind,
        budget: Some(2),
        cap: None,
        entry: Entry::Voters,
        rule: Rule::Consent,
    };
    let mut dots = common::phase("dots", PhaseKind::Vote, 5);
    dots.vote = Some(vote(VoteKind::Dots));
    let mut fist = common::phase("fist", PhaseKind::Vote, 5);
    fist.vote = Some(vote(VoteKind::FistOfFive));
    f.phases.push(dots);
    f.phases.push(fist);
    let mut sim = common::Sim::new(common::record_with(f));
    sim.ok(Command::Start);
    sim.ok(Command::GoToPhase(6));
    let option = |label: &str| VoteOption {
        label: label.into(),
        idea: None,
        theme: None,
    };
    sim.ok(Command::OpenVote(vec![
        option("Hiljainen huone"),
        option("Pidempi välitunti"),
    ]));
    for (side, dots) in [
        (Side::Student, [2, 0]),
        (Side::Student, [1, 1]),
        (Side::Staff, [0, 2]),
        (Side::Staff, [2, 0]),
        (Side::Staff, [2, 0]),
        (Side::Staff, [1, 1]),
        (Side::Staff, [2, 0]),
    ] {
        sim.ok(Command::CastBallot {
            side: Some(side),
            ballot: Ballot::Dots(dots.to_vec()),
        });
    }
    sim.ok(Command::CloseVote);
    sim.ok(Command::GoToPhase(7));
    sim.ok(Command::OpenVote(vec![option("Kokeillaan keväällä")]));
    sim.ok(Command::CastBallot {
        side: Some(Side::Staff),
        ballot: Ballot::Fist(4),
    });
    sim.meeting.record().clone()
}

#[test]
fn only_closed_votes_show_results_and_small_sides_stay_private() {
    let (mut app, _) = app_with(Lang::Fi, data_sample());
    app.show_session(voted_meeting());
    let Screen::Review(r) = &app.screen else {
        unreachable!()
    };
    let Some(Page::Session(view)) = r.pages.last() else {
        panic!("a meeting's page")
    };
    let text: Vec<String> = view
        .doc(100, &app.cx)
        .lines
        .iter()
        .map(|l| l.to_string())
        .collect();
    let text = text.join("\n");
    assert!(text.contains("Äänestys 1: "), "{text}");
    // Hiljainen huone 10 dots, Pidempi välitunti 4.
    assert!(text.contains("Hiljainen huone 10 pistettä"), "{text}");
    assert!(text.contains("Äänestäjiä: 7"), "{text}");
    assert!(
        text.contains("Osapuolittaisia tuloksia ei näytetä"),
        "two student voters: no breakdown: {text}"
    );
    assert!(text.contains("Äänestys 2: "), "{text}");
    assert!(
        text.contains("Äänestystä ei suljettu, joten tuloksia ei näytetä."),
        "{text}"
    );
    assert!(
        !text.contains("Kokeillaan keväällä: "),
        "no result of an open vote: {text}"
    );
    // The page scrolls to its votes.
    keys(&mut app, "<tab><tab><tab>");
    snapshot("votes", &app, 80, 24);
}

// ---- a group's trends ------------------------------------------------------------------------

#[test]
fn t_asks_for_the_groups_meetings_and_draws_its_trends_and_open_actions() {
    let mut app = session_view(Lang::Fi);
    let effects = keys(&mut app, "t");
    let group = meetings()[0].group.id.clone();
    assert_eq!(effects, [Effect::LoadGroup(group.clone())]);
    assert_eq!(app.context(), KeyContext::ReviewTrend);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Luetaan ryhmän kokouksia"), "{text}");
    app.group_loaded(&group, TrendData::of(&meetings(), 0));
    let text = screen_text(&app, 160, 45);
    assert!(text.contains("3 kokousta, 8.9.2026–3.11.2026"), "{text}");
    assert!(
        text.contains("8 % puheajasta · 38 % läsnäolijoista"),
        "the first meeting's students: {text}"
    );
    assert!(text.contains("Avoimet toimenpiteet"), "{text}");
    snapshots("trend", &app);
    // Esc: back to the meeting, and again to the list.
    keys(&mut app, "<esc>");
    assert_eq!(app.context(), KeyContext::ReviewSession);
    keys(&mut app, "<esc>");
    assert_eq!(app.context(), KeyContext::Review);
}

#[test]
fn the_trend_from_the_list_is_of_the_selected_meetings_group_in_english() {
    let mut app = archive(Lang::En);
    let effects = keys(&mut app, "t");
    assert_eq!(effect_names(&effects), ["load_group"]);
    app.group_loaded(&meetings()[0].group.id, TrendData::of(&meetings(), 0));
    snapshot("trend_en", &app, 160, 45);
}

#[test]
fn the_trend_read_one_meeting_at_a_time_agrees_with_the_model() {
    use parvi::model::metrics::trend;
    use parvi::model::outcomes::open_actions;
    let records = parvi::simulator::meetings();
    let data = TrendData::of(&records, 0);
    let points = trend(&records);
    assert_eq!(data.points.len(), points.len());
    for (a, b) in data.points.iter().zip(&points) {
        assert_eq!(a.started_at, b.started_at);
        assert_eq!(a.student_airtime, b.student_airtime);
        assert_eq!(a.student_seats, b.student_seats);
        assert_eq!(a.equity, b.equity);
    }
    let open: Vec<_> = data.open().into_iter().map(|(a, _)| a.clone()).collect();
    assert_eq!(open, open_actions(&records));
    let mean = points.iter().filter_map(|p| p.equity).sum::<f64>() / 3.0;
    assert!((data.totals.equity.unwrap() - mean).abs() < 1e-12);
}

#[test]
fn the_longest_date_keeps_a_space_before_the_topic() {
    let mut data = data_sample();
    data.sessions[0].started_at = "2026-11-23T12:00:00Z".parse().unwrap();
    let (mut app, _) = app_with(Lang::Fi, data);
    keys(&mut app, "v");
    for (width, height) in [(80, 24), (160, 45)] {
        let text = screen_text(&app, width, height);
        assert!(text.contains("23.11.2026 Ruokala"), "{text}");
    }
}

/// The review's attendance is the minutes': someone who came late is named with the time
/// they came, and someone who left early with the time they left (issue 9.10).
#[test]
fn the_review_names_late_arrivals_and_early_leavers_as_the_minutes_do() {
    let mut record = common::record_with(common::format());
    record.participants[1].present = false; // Mikko comes late
    let mut sim = common::Sim::new(record);
    sim.ok(Command::Start);
    let mikko = sim.id("Mikko Korhonen");
    let eetu = sim.id("Eetu Nieminen");
    sim.at(15 * 60).ok(Command::SetPresent {
        who: mikko,
        present: true,
    });
    sim.at(40 * 60).ok(Command::SetPresent {
        who: eetu,
        present: false,
    });
    sim.at(50 * 60).ok(Command::End);
    let record = sim.meeting.record().clone();
    let (mut app, _) = app_with(Lang::Fi, data_sample());
    app.show_session(record.clone());
    // Words as a reader follows them across the wrapped lines.
    let text = screen_text(&app, 160, 45)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let total = record.participants.len();
    assert!(
        text.contains(&format!("Läsnä {total}/{total}")),
        "both were there at some point:\n{text}"
    );
    assert!(
        text.contains("Mikko Korhonen (opettaja, saapui klo 12.15)"),
        "{text}"
    );
    assert!(
        text.contains("Eetu Nieminen (opiskelijakunnan edustaja, poistui klo 12.40)"),
        "{text}"
    );
    // The minutes say the same (in the same time zone).
    let minutes = parvi::export::minutes(
        &record,
        &parvi::export::Options {
            zone: jiff::tz::TimeZone::UTC,
            ..parvi::export::Options::new(parvi::export::Format::Markdown, Lang::Fi)
        },
    );
    let md = String::from_utf8_lossy(&minutes.files[0].contents).into_owned();
    assert!(
        md.contains("saapui klo 12.15") && md.contains("poistui klo 12.40"),
        "{md}"
    );
}

// ---- the guard before publishing ---------------------------------------------------------------

/// The newest sample meeting with its topic, its decision and its second action naming
/// students and their matters: five places for the guard.
fn named_meeting() -> SessionRecord {
    use parvi::model::EventKind;
    let mut record = newest_first().remove(0);
    record.topic = "Ruokala ja välitunnit, Ainon ehdotus".into();
    for e in &mut record.events {
        match &mut e.event {
            EventKind::DecisionRecorded { decision } => {
                decision.text =
                    "Sofialle tehdään lastensuojeluilmoitus, koska hänellä on todettu masennus"
                        .into();
            }
            EventKind::ActionAdded { action } if action.id.ends_with("-2") => {
                action.text = "Selvitetään Eetun kanssa, voiko ruokailuajat porrastaa".into();
            }
            _ => {}
        }
    }
    record
}

/// The view of [`named_meeting`], opened from the archive.
fn named_view() -> App {
    let mut app = archive(Lang::Fi);
    keys(&mut app, "<enter>");
    app.show_session(named_meeting());
    app
}

#[test]
fn a_public_export_that_names_students_shows_each_place_before_publishing() {
    let mut app = named_view();
    let path = sessions_dir().join(&sample_summaries()[0].file);
    let public_html = Effect::ExportMinutes {
        path: path.clone(),
        format: parvi::export::Format::Html,
        public: true,
        replace: false,
    };
    // The public minutes: nothing is exported, the findings show instead.
    let effects = keys(&mut app, "e2");
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(overlay_kind(&app), Some("findings"));
    snapshots("guard_findings", &app);
    let text = screen_text(&app, 160, 45);
    for line in [
        "Tekstissä on 5 kohtaa",
        "aihe · nimi: Aino Virtanen (opiskelija)",
        "Ruokala ja välitunnit, »Ainon« ehdotus",
        "päätös 1 · nimi: Sofia Laine (opiskelija)",
        "»Sofialle« tehdään lastensuojeluilmoitus, koska hä…",
        "päätös 1 · terveys tai hyvinvointi, henkilöön liittyen",
        "Sofialle tehdään »lastensuojeluilmoitus«, koska hänellä on todettu masennus",
        "…ojeluilmoitus, koska hänellä on todettu »masennus«",
        "toimenpide 2 · nimi: Eetu Nieminen (opiskelijakunnan edustaja)",
        "p julkaise silti",
        "Esc peruuta ja korjaa teksti kokouksen tietoihin",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    // At 80x24 not all fit: the title says which show, and ↓ goes on a place at a time.
    assert!(screen_text(&app, 80, 24).contains("Tarkista ennen julkaisua (1–4/5) ↑↓"));
    keys(&mut app, "<down><down>");
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("(3–5/5)"), "{text}");
    assert!(
        text.contains("toimenpide 2 · nimi: Eetu Nieminen"),
        "{text}"
    );
    assert!(!text.contains("aihe · nimi"), "{text}");
    snapshot("guard_findings_scrolled", &app, 80, 24);
    // Enter publishes nothing: publishing anyway is its own key.
    assert!(keys(&mut app, "<enter>").is_empty());
    assert_eq!(overlay_kind(&app), Some("findings"));
    // Esc: back to the meeting, nothing exported, and the way to fix it said.
    assert!(keys(&mut app, "<esc>").is_empty());
    assert_eq!(overlay_kind(&app), None);
    assert_eq!(app.context(), KeyContext::ReviewSession);
    let flash = app.cx.flash.as_ref().expect("a message");
    assert!(
        flash.text.contains("Korjaa teksti kokouksen tietoihin"),
        "{}",
        flash.text
    );
    // p: published as it is.
    assert_eq!(keys(&mut app, "e2p"), [public_html]);
    assert_eq!(overlay_kind(&app), None);
    // The notice is checked for what it publishes (its decisions and actions); the
    // minutes that are not public are not checked at all.
    keys(&mut app, "e7");
    assert_eq!(overlay_kind(&app), Some("findings"));
    let text = screen_text(&app, 160, 45);
    assert!(text.contains("Tekstissä on 4 kohtaa"), "{text}");
    assert!(!text.contains("aihe ·"), "{text}");
    keys(&mut app, "<esc>");
    assert_eq!(
        keys(&mut app, "e1"),
        [Effect::ExportMinutes {
            path,
            format: parvi::export::Format::Html,
            public: false,
            replace: false,
        }]
    );
}
