//! The room's wall (`parvi wall`), drawn from the session record alone as the wall reads it
//! from the file: the same meeting as the facilitator's screen, without keys, selections
//! or anything private. Snapshots at 80x24, 160x45 and 250x70 are pictures of the
//! projector: review a changed one as the room would see it.
//!
//! Accept new or changed snapshots with `cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test all wall_screen::` and a look at `tests/snapshots/`.

use crate::app_fixture;
use crate::common;

use std::path::PathBuf;
use std::rc::Rc;

use app_fixture::{
    app_with, data_sample, keys, record, rows, screen_text, state, wellbeing_meeting,
};
use parvi::i18n::Lang;
use parvi::model::vote::{Entry, Rule, VoteKind, VoteSpec};
use parvi::model::{Command, Format, Localized, Phase, PhaseKind};
use parvi::store::{FormatEntry, FormatOrigin};
use parvi::tui::app::{App, Ctx, Data, PhonesShown, Screen};
use parvi::tui::clock::{Clock, ManualClock};
use parvi::tui::screens::meeting::WallView;
use parvi::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A projector's sizes, from the smallest terminal to a big screen.
const SIZES: [(u16, u16); 3] = [(80, 24), (160, 45), (250, 70)];

/// The wall's view of the meeting running in `app`, as read from its file.
fn wall_of(app: &App) -> WallView {
    WallView::meeting(record(app).clone(), PathBuf::from("live.json"))
}

/// The audience context on the app's own clock (so both screens show the same time).
fn wall_cx(app: &App, lang: Lang) -> Ctx {
    let clock: Rc<dyn Clock> = app.cx.clock.clone();
    Ctx::for_wall(lang, Theme::new(false), clock, jiff::tz::TimeZone::UTC)
}

fn draw(wall: &WallView, cx: &Ctx, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| wall.render(frame.area(), frame.buffer_mut(), cx))
        .expect("drawing into a test backend");
    terminal
}

fn wall_text(wall: &WallView, cx: &Ctx, width: u16, height: u16) -> String {
    rows(draw(wall, cx, width, height).backend().buffer()).join("\n")
}

/// `text` is on the facilitator's screen and not on the wall's (so the check can fail).
fn only_the_facilitator_sees(text: &str, facilitator: &str, room: &str) {
    assert!(
        facilitator.contains(text),
        "{text:?} not on the facilitator's screen:\n{facilitator}"
    );
    assert!(!room.contains(text), "{text:?} on the wall:\n{room}");
}

fn snapshot(name: &str, wall: &WallView, cx: &Ctx) {
    for (width, height) in SIZES {
        let terminal = draw(wall, cx, width, height);
        insta::assert_snapshot!(format!("wall_{name}_{width}x{height}"), terminal.backend());
    }
}

/// A ten-minute item with its title and prompt (the shared fixture's phase, named).
fn phase(id: &str, kind: PhaseKind, title: &str, prompt: &str) -> Phase {
    Phase {
        title: Localized::all(title),
        prompt: Localized::all(prompt),
        ..common::phase(id, kind, 10)
    }
}

/// Silent writing, the ideas on the wall, and a dot vote on them.
fn ideas_format() -> Format {
    let mut vote = phase("vote", PhaseKind::Vote, "Äänestys", "Mitä edistämme?");
    vote.vote = Some(VoteSpec {
        kind: VoteKind::Dots,
        budget: Some(2),
        cap: Some(1),
        entry: Entry::Voters,
        rule: Rule::Consent,
    });
    Format {
        schema: parvi::model::SCHEMA_VERSION,
        name: "ideat".into(),
        title: Localized::all("Ideat"),
        description: Localized::default(),
        sources: Vec::new(),
        phases: vec![
            phase(
                "write",
                PhaseKind::Writing,
                "Hiljainen kirjoitus",
                "Mitä muuttaisit?",
            ),
            phase("ideas", PhaseKind::Ideas, "Ideat", "Mitä ideoita tuli?"),
            vote,
        ],
    }
}

/// Runs a command on the meeting directly.
fn exec(app: &mut App, command: Command) {
    let now = app.cx.now();
    let Screen::Meeting(view) = &mut app.screen else {
        panic!("not a meeting");
    };
    view.meeting
        .execute(command, now, 1)
        .expect("the command is accepted");
}

/// An idea too long for big letters: on the wall it is written out, so a check of the
/// screen's text can see it.
const LONG_IDEA: &str =
    "Opiskelijakunta mukaan suunnittelemaan kampuksen yhteisiä tiloja ja niiden käyttöä";

/// A meeting of the sample group in the ideas format, in silent writing with three ideas
/// written in private.
fn writing_meeting(lang: Lang) -> (App, Rc<ManualClock>) {
    let data = Data {
        formats: vec![FormatEntry {
            format: ideas_format(),
            origin: FormatOrigin::Builtin,
        }],
        ..data_sample()
    };
    let (mut app, clock) = app_with(lang, data);
    app.start_meeting(0, 0, "Kampuksen viihtyisyys", Vec::new());
    clock.advance(30_000);
    for text in ["Pidempi välitunti", "Hiljainen tila opiskeluun", LONG_IDEA] {
        exec(
            &mut app,
            Command::AddIdea {
                text: text.into(),
                author: None,
            },
        );
    }
    clock.advance(45_000);
    (app, clock)
}

#[test]
fn the_wall_waits_for_a_meeting() {
    let (app, _clock) = wellbeing_meeting(Lang::Fi);
    let cx = wall_cx(&app, Lang::Fi);
    let wall = WallView::Waiting;
    let text = wall_text(&wall, &cx, 80, 24);
    assert!(text.contains("Odotetaan kokousta"), "{text}");
    assert!(text.contains("q sulkee tämän ikkunan"), "{text}");
    snapshot("waiting", &wall, &cx);
}

#[test]
fn a_turn_shows_the_speaker_and_the_airtime_without_keys() {
    let (mut app, clock) = wellbeing_meeting(Lang::Fi);
    let cx = wall_cx(&app, Lang::Fi);
    // Before the first turn the facilitator is told the key that starts it; the room only
    // who is first.
    let facilitator = screen_text(&app, 160, 45);
    let room = wall_text(&wall_of(&app), &cx, 160, 45);
    only_the_facilitator_sees("Aloita ensimmäinen puheenvuoro: Space", &facilitator, &room);
    assert!(room.contains("Seuraavana"), "{room}");

    clock.advance(3_000);
    keys(&mut app, " ");
    clock.advance(41_000);
    keys(&mut app, " ");
    clock.advance(25_000);
    let wall = wall_of(&app);
    let facilitator = screen_text(&app, 160, 45);
    let room = wall_text(&wall, &cx, 160, 45);
    only_the_facilitator_sees(app.cx.t().meeting_saved, &facilitator, &room);
    assert!(room.contains("Puheenvuorossa"), "{room}");
    snapshot("round_turn", &wall, &cx);
}

#[test]
fn ideas_written_in_private_are_counted_not_shown_until_revealed() {
    let (mut app, _clock) = writing_meeting(Lang::Fi);
    let cx = wall_cx(&app, Lang::Fi);
    let room = wall_text(&wall_of(&app), &cx, 80, 24);
    assert!(!room.contains("Opiskelijakunta mukaan"), "{room}");
    assert!(room.contains("Ideat tulevat näkyviin"), "{room}");
    snapshot("writing", &wall_of(&app), &cx);

    // Revealed, the same idea is on the wall: the check above could see it.
    exec(&mut app, Command::NextPhase);
    exec(&mut app, Command::RevealIdeas);
    let room = wall_text(&wall_of(&app), &cx, 80, 24);
    assert!(room.contains("3 ideaa"), "revealed:\n{room}");
    assert!(room.contains("Opiskelijakunta mukaan"), "revealed:\n{room}");
    assert!(!room.contains("Ideat tulevat näkyviin"), "{room}");
    snapshot("ideas_revealed", &wall_of(&app), &cx);
}

#[test]
fn a_ballot_being_filled_never_reaches_the_wall_and_the_results_do_when_closed() {
    let (mut app, _clock) = writing_meeting(Lang::Fi);
    exec(&mut app, Command::NextPhase);
    exec(&mut app, Command::RevealIdeas);
    exec(&mut app, Command::NextPhase);
    let cx = wall_cx(&app, Lang::Fi);
    assert!(
        wall_text(&wall_of(&app), &cx, 160, 45).contains("Äänestystä valmistellaan"),
        "the options are a draft until the vote opens"
    );
    keys(&mut app, "o");
    // A voter at the keyboard with one dot placed: the facilitator's screen shows the
    // ballot, the wall only how many have voted.
    keys(&mut app, "<enter>1");
    keys(&mut app, "+");
    let facilitator = screen_text(&app, 160, 45);
    let room = wall_text(&wall_of(&app), &cx, 160, 45);
    only_the_facilitator_sees("Äänestyslippu", &facilitator, &room);
    only_the_facilitator_sees("Pisteitä jäljellä", &facilitator, &room);
    assert!(room.contains("0 / 9"), "{room}");
    assert!(
        !room.contains("sija"),
        "no results while the vote is open:\n{room}"
    );
    snapshot("vote_open", &wall_of(&app), &cx);

    keys(&mut app, "<enter>");
    if app.overlay.is_some() {
        keys(&mut app, "y");
    }
    keys(&mut app, " s");
    keys(&mut app, "y");
    assert!(state(&app).current_vote().is_some_and(|v| v.closed));
    let room = wall_text(&wall_of(&app), &cx, 160, 45);
    assert!(room.contains("1. sija"), "the results:\n{room}");
    snapshot("vote_closed", &wall_of(&app), &cx);
}

#[test]
fn the_end_of_the_meeting_thanks_the_room() {
    let (mut app, clock) = wellbeing_meeting(Lang::Fi);
    keys(&mut app, " ");
    clock.advance(40_000);
    keys(&mut app, " ");
    clock.advance(20_000);
    exec(&mut app, Command::End);
    let cx = wall_cx(&app, Lang::Fi);
    let wall = wall_of(&app);
    let room = wall_text(&wall, &cx, 160, 45);
    assert!(room.contains("Kokous on päättynyt"), "{room}");
    // The wall's own end screen, not the meeting screen's line between items.
    assert!(room.contains("Päätöksiä 0 · toimenpiteitä 0"), "{room}");
    snapshot("ended", &wall, &cx);
}

#[test]
fn every_size_from_the_smallest_draws_without_a_panic() {
    let (mut app, clock) = wellbeing_meeting(Lang::En);
    keys(&mut app, " ");
    clock.advance(5_000);
    let cx = wall_cx(&app, Lang::En);
    for wall in [WallView::Waiting, wall_of(&app)] {
        for (w, h) in [(1, 1), (20, 5), (40, 12), (80, 24), (250, 70)] {
            draw(&wall, &cx, w, h);
        }
    }
}

#[test]
fn w_in_a_meeting_says_how_to_open_the_wall_in_full_at_80_columns() {
    for lang in [Lang::Fi, Lang::Sv, Lang::En] {
        let (mut app, _clock) = wellbeing_meeting(lang);
        keys(&mut app, "w");
        let how = lang.text().wall.how;
        let screen = screen_text(&app, 80, 24);
        assert!(screen.contains(how), "{lang:?}:\n{screen}");
        // With a wall open, it says to keep this screen off the projector instead.
        app.cx.wall_following = true;
        keys(&mut app, "w");
        let open = lang.text().wall.how_open;
        let screen = screen_text(&app, 80, 24);
        assert!(screen.contains(open), "{lang:?}:\n{screen}");
        assert!(!screen.contains(how), "{lang:?}:\n{screen}");
    }
}

#[test]
fn a_private_idea_is_typed_in_clear_only_while_a_wall_follows() {
    let secret = "Kiusaamista käytävällä";
    let (mut app, _clock) = writing_meeting(Lang::Fi);
    let t = Lang::Fi.text();
    let mark = t.wall.open_mark;
    // The hints' first words (the rest may be cut at 80 columns).
    let start = |hint: &str| hint.chars().take(20).collect::<String>();
    let (masked_hint, wall_hint) = (start(t.ideas.add_hint_secret), start(t.ideas.add_hint_wall));
    keys(&mut app, "i");
    keys(&mut app, secret);
    // One screen for the facilitator and the room: bullets, and the hint says so.
    let shared = screen_text(&app, 80, 24);
    assert!(!shared.contains(secret), "{shared}");
    assert!(shared.contains("••••••••••"), "{shared}");
    assert!(shared.contains(&masked_hint), "{shared}");
    assert!(!shared.contains(mark), "{shared}");

    // A wall follows: this screen is the facilitator's own.
    app.cx.wall_following = true;
    let own = screen_text(&app, 80, 24);
    assert!(own.contains(secret), "{own}");
    assert!(own.contains(&wall_hint), "{own}");
    let last_word = t.ideas.add_hint_wall.split(' ').next_back().unwrap();
    assert!(own.contains(last_word), "the hint wraps, whole:\n{own}");
    assert!(own.contains(mark), "{own}");
    let room = wall_text(&wall_of(&app), &wall_cx(&app, Lang::Fi), 80, 24);
    assert!(!room.contains(secret), "{room}");
    assert!(!room.contains(mark), "{room}");

    // The wall closes while the idea is typed: masked again at once, nothing lost.
    app.cx.wall_following = false;
    let shared = screen_text(&app, 80, 24);
    assert!(!shared.contains(secret), "{shared}");
    keys(&mut app, "<enter>");
    assert_eq!(
        state(&app).ideas.last().map(|i| i.text.as_str()),
        Some(secret)
    );
}

#[test]
fn the_wall_turns_the_pages_of_a_long_list_of_ideas_by_itself() {
    let (mut app, clock) = writing_meeting(Lang::Fi);
    for n in 4..=30 {
        exec(
            &mut app,
            Command::AddIdea {
                text: format!("Idea numero {n}: lisää tekemistä välitunneille"),
                author: None,
            },
        );
    }
    exec(&mut app, Command::NextPhase);
    exec(&mut app, Command::RevealIdeas);
    let cx = wall_cx(&app, Lang::Fi);
    let mut pages = Vec::new();
    for _ in 0..3 {
        let room = wall_text(&wall_of(&app), &cx, 80, 24);
        let page = room
            .split("sivu ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("no page number on the wall:\n{room}"))
            .to_string();
        pages.push(page);
        clock.advance(12_000);
    }
    let total = pages[0].split('/').nth(1).unwrap().to_string();
    assert_ne!(total, "1", "the list should need pages: {pages:?}");
    assert_ne!(pages[0], pages[1], "{pages:?}");
    assert_ne!(pages[1], pages[2], "{pages:?}");
    // The facilitator's screen (with fewer rows for the list) stays on the selection's page.
    for _ in 0..2 {
        let facilitator = screen_text(&app, 80, 24);
        assert!(facilitator.contains("sivu 1/"), "{facilitator}");
        clock.advance(12_000);
    }
}

#[test]
fn while_phones_are_on_the_rooms_screen_shows_where_they_join() {
    let (mut app, _clock) = writing_meeting(Lang::Fi);
    let phones = PhonesShown {
        url: "http://192.168.1.23:8127/j/abcdefghjkmnpqrs".into(),
        code: "482916".into(),
        joined: 4,
    };
    let mut cx = wall_cx(&app, Lang::Fi);
    cx.phones = Some(phones.clone());
    let wall = wall_of(&app);
    // The address to type leads to the code's form; the token is only in the QR code.
    let typed = "http://192.168.1.23:8127 ja kirjoita koodi 482916";
    for (w, h) in [(160, 45), (250, 70)] {
        let room = wall_text(&wall, &cx, w, h);
        assert!(room.contains("Liity puhelimella"), "{w}x{h}:\n{room}");
        assert!(room.contains(typed), "{w}x{h}:\n{room}");
        assert!(
            room.contains('▀') || room.contains('█'),
            "no code drawn:\n{room}"
        );
        assert!(
            !room.contains("abcdefghjkmnpqrs"),
            "the token written out:\n{room}"
        );
    }
    // Too small for the code: the address and code in words.
    let small = wall_text(&wall, &cx, 80, 24);
    assert!(
        small.contains("Liity puhelimella: avaa http://192.168.1.23:8127"),
        "{small}"
    );
    snapshot("phones_writing", &wall, &cx);

    // One screen for all: the facilitator's shows it too, with the count of phones; with a
    // wall open, only the count.
    app.cx.phones = Some(phones);
    let shared = screen_text(&app, 160, 45);
    assert!(shared.contains("Liity puhelimella"), "{shared}");
    assert!(shared.contains("puhelimia 4"), "{shared}");
    app.cx.wall_following = true;
    let own = screen_text(&app, 160, 45);
    assert!(!own.contains("Liity puhelimella"), "{own}");
    assert!(own.contains("puhelimia 4"), "{own}");
}
