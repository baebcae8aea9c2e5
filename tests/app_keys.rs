//! Key handling without a terminal: real `KeyEvent`s go through `App::handle_event`, and the
//! tests check the screen, the meeting's events and the effects the app hands to the loop.

use crate::app_fixture;

use app_fixture::{
    app_with, data_empty, data_unfinished, effect_names, home, key_event, keys, overlay_kind,
    record, saves_once, speaker, state, wellbeing_meeting,
};
use crossterm::event::Event;
use parvi::i18n::Lang;
use parvi::model::{Command, EventKind, MemberId, OrderRule, Refusal, Role, Stamp};
use parvi::tui::app::{App, Effect, Screen};
use parvi::tui::clock::{Clock, ManualClock};
use parvi::tui::keymap::{self, Key, KeyContext};
use parvi::tui::screens::review::trend::TrendData;
use std::rc::Rc;

/// The kinds of a record's events, in order.
fn kinds(app: &App) -> Vec<EventKind> {
    record(app).events.iter().map(|e| e.event.clone()).collect()
}

fn screen_name(app: &App) -> &'static str {
    match &app.screen {
        Screen::Home(_) => "home",
        Screen::Setup(_) => "setup",
        Screen::Meeting(_) => "meeting",
        Screen::GroupEditor(_) => "group editor",
        Screen::Summary(_) => "summary",
        Screen::Review(_) => "review",
        Screen::Clock(_) => "year clock",
    }
}

// ---- the setup wizard ----------------------------------------------------------------------

#[test]
fn the_setup_wizard_goes_from_home_to_a_started_meeting() {
    let (mut app, _) = home(Lang::Fi);
    // Choosing the group asks the loop for its open actions from earlier meetings.
    assert_eq!(effect_names(&keys(&mut app, "n")), ["load_open_actions"]);
    assert_eq!(app.context(), KeyContext::SetupList, "the format step");
    // The wellbeing meeting; Hanna Salo (8th) is away; a guest joins as an external expert.
    keys(&mut app, "<enter>");
    assert_eq!(app.context(), KeyContext::SetupAttendance);
    keys(&mut app, &format!("{} ", "<down>".repeat(7)));
    keys(&mut app, "aRiikka Laaksonen<enter>");
    assert_eq!(overlay_kind(&app), Some("picker"), "the guest's role");
    keys(&mut app, &format!("{}<enter>", "<down>".repeat(10)));
    assert_eq!(overlay_kind(&app), None);
    keys(&mut app, "<enter>");
    assert_eq!(app.context(), KeyContext::SetupText);
    keys(&mut app, "Välitunnit ja ruokala<enter>");
    assert_eq!(app.context(), KeyContext::SetupAgenda);
    // One minute less for the check-in round, then start.
    assert!(keys(&mut app, "-").is_empty());
    let effects = keys(&mut app, "<enter>");

    assert_eq!(
        effect_names(&effects),
        ["save:round_ordered"],
        "the new meeting is saved at once"
    );
    assert_eq!(screen_name(&app), "meeting");
    let (path, rec) = app.meeting().expect("a running meeting");
    assert_eq!(
        path.file_name().and_then(|n| n.to_str()),
        Some(format!("2026-11-10_{}.json", rec.id).as_str())
    );
    assert!(path.starts_with(app_fixture::sessions_dir()));
    assert_eq!(rec.topic, "Välitunnit ja ruokala");
    assert_eq!(rec.format.name, "hyvinvointiryhma");
    assert_eq!(rec.format.phases[0].minutes, 9);
    let absent: Vec<&str> = rec
        .participants
        .iter()
        .filter(|p| !p.present)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(absent, ["Hanna Salo"]);
    let guest = rec.participants.last().expect("participants");
    assert_eq!(
        (guest.name.as_str(), guest.role, guest.guest, guest.present),
        ("Riikka Laaksonen", Role::ExternalExpert, true, true)
    );

    let events = &rec.events;
    let now: jiff::Timestamp = app_fixture::NOW.parse().unwrap();
    assert!(events.iter().all(|e| e.at == now && e.mono_ms == 0));
    assert_eq!(events.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(events[0].event, EventKind::MeetingStarted);
    assert_eq!(events[1].event, EventKind::PhaseStarted { phase: 0 });
    let EventKind::RoundOrdered { order, rule } = &events[2].event else {
        panic!("the check-in round is ordered: {:?}", events[2].event);
    };
    assert_eq!(*rule, OrderRule::Seating);
    let present: Vec<MemberId> = rec
        .participants
        .iter()
        .filter(|p| p.present)
        .map(|p| p.id.clone())
        .collect();
    assert_eq!(*order, present, "everyone present, in seating order");
}

#[test]
fn typing_the_topic_takes_finnish_letters_backspace_and_command_keys() {
    let (mut app, _) = home(Lang::Fi);
    keys(&mut app, "n<enter><enter>");
    assert_eq!(app.context(), KeyContext::SetupText);
    // Letters that are keys elsewhere (q quits, ? helps, n starts) are only typed here.
    keys(&mut app, "Ruokala ja välitunnit? q-n öö<bs><bs><bs>");
    let Screen::Setup(setup) = &app.screen else {
        panic!("still in setup")
    };
    assert_eq!(setup.topic.value(), "Ruokala ja välitunnit? q-n");
    assert_eq!(overlay_kind(&app), None);
    assert!(!app.should_quit());
    keys(&mut app, &"<bs>".repeat(5));
    keys(&mut app, "ä");
    let Screen::Setup(setup) = &app.screen else {
        panic!("still in setup")
    };
    assert_eq!(setup.topic.value(), "Ruokala ja välitunnitä");
    keys(&mut app, "<bs><enter><enter>");
    assert_eq!(record(&app).topic, "Ruokala ja välitunnit");
}

/// The agenda step adds an item of any built-in kind: here silent writing before the ideas
/// of the wellbeing meeting, which then runs as a private writing phase and is named in the
/// "Today" line.
#[test]
fn the_agenda_step_adds_a_silent_writing_item_before_the_ideas() {
    use parvi::model::PhaseKind;
    let (mut app, _) = home(Lang::Fi);
    keys(&mut app, "n<enter><enter>Ruokala<enter>");
    assert_eq!(app.context(), KeyContext::SetupAgenda);
    let Screen::Setup(setup) = &app.screen else {
        panic!("in setup")
    };
    let discussion = setup
        .agenda
        .iter()
        .position(|p| p.id == "discussion")
        .expect("the open discussion");
    keys(&mut app, &"<down>".repeat(discussion));
    keys(&mut app, "a");
    assert_eq!(overlay_kind(&app), Some("picker"));
    let writing = PhaseKind::ALL
        .iter()
        .position(|k| *k == PhaseKind::Writing)
        .unwrap();
    keys(&mut app, &"<down>".repeat(writing));
    keys(&mut app, "<enter>");
    let Screen::Setup(setup) = &app.screen else {
        panic!("in setup")
    };
    let added = &setup.agenda[discussion + 1];
    assert_eq!(added.kind, PhaseKind::Writing);
    assert_eq!(added.title.get(Lang::Fi), "Hiljainen kirjoitus");
    assert_eq!(setup.agenda[discussion + 2].id, "ideas");
    assert_eq!(setup.cursor, discussion + 1);
    // Five minutes by default; + makes it six.
    keys(&mut app, "+<enter>");
    let agenda = &record(&app).format.phases;
    let added = agenda
        .iter()
        .find(|p| p.kind == PhaseKind::Writing)
        .expect("the meeting has the writing item");
    assert_eq!(added.minutes, 6);
    let info = agenda.iter().position(|p| p.id == "agenda").unwrap();
    let today = parvi::model::format::phase_text(agenda, info, Lang::Fi);
    assert!(
        today.contains("Yhteinen keskustelu · Hiljainen kirjoitus · Ideat talteen"),
        "{today}"
    );
}

/// Long pickers go round and jump: the last role of twelve is one ↑ or End away, not eleven
/// ↓ (issue 9.10).
#[test]
fn a_picker_goes_round_from_the_first_item_to_the_last_and_home_and_end_jump() {
    let (mut app, _) = home(Lang::Fi);
    keys(&mut app, "n<enter>");
    keys(&mut app, "aRiikka Laaksonen<enter>");
    let picked = |app: &App| match &app.overlay {
        Some(parvi::tui::overlay::Overlay::Picker(p)) => p.selected,
        other => panic!("no picker: {other:?}"),
    };
    assert_eq!(picked(&app), 0);
    keys(&mut app, "<up>");
    assert_eq!(picked(&app), Role::ALL.len() - 1);
    keys(&mut app, "<down>");
    assert_eq!(picked(&app), 0);
    keys(&mut app, "<end>");
    assert_eq!(picked(&app), Role::ALL.len() - 1);
    keys(&mut app, "<home>");
    assert_eq!(picked(&app), 0);
    // The external expert, second from the end.
    keys(&mut app, "<up><up><enter>");
    let Screen::Setup(setup) = &app.screen else {
        panic!("in setup")
    };
    let guest = setup.people.last().expect("the guest");
    assert_eq!(guest.name, "Riikka Laaksonen");
    assert_eq!(guest.role, Role::ALL[Role::ALL.len() - 2]);
}

// ---- rounds --------------------------------------------------------------------------------

#[test]
fn space_s_and_b_change_the_speaker_as_the_engine_says() {
    let (mut app, clock) = wellbeing_meeting(Lang::Fi);
    // The engine on its own, fed the same commands at the same moments.
    let mut engine = match &app.screen {
        Screen::Meeting(view) => view.meeting.clone(),
        _ => unreachable!(),
    };
    let steps: [(&str, Command, Option<&str>); 7] = [
        (" ", Command::Next, Some("Aino Virtanen")),
        ("<enter>", Command::Next, Some("Mikko Korhonen")),
        ("s", Command::Pass, Some("Eetu Nieminen")),
        ("b", Command::Back, Some("Mikko Korhonen")),
        ("<bs>", Command::Back, Some("Aino Virtanen")),
        (" ", Command::Next, Some("Mikko Korhonen")),
        ("e", Command::EndTurn, None),
    ];
    for (key, command, expected) in steps {
        clock.advance(7_250);
        let effects = keys(&mut app, key);
        engine
            .execute(command.clone(), clock.now(), 0)
            .unwrap_or_else(|r| panic!("{command:?} refused: {r}"));
        assert!(saves_once(&effects), "{key}: saved");
        assert_eq!(
            record(&app).events,
            engine.record().events,
            "{key} is {command:?}"
        );
        assert_eq!(speaker(&app).as_deref(), expected, "after {key}");
    }
    // Mikko passed once and `b` took the pass back (his turn went on, no pass mark); nobody
    // passed in the end.
    let turns = &state(&app).turns;
    assert_eq!(turns.iter().filter(|t| t.passed).count(), 0);
    assert!(state(&app).passers().is_empty());
}

/// While the window is too small to draw the meeting (the notice shows instead), no key and
/// no paste does anything, not even quitting or the end menu; at the smallest size that
/// draws, the same key acts.
#[test]
fn keys_do_nothing_while_the_window_is_too_small() {
    use parvi::tui::view::{MIN_HEIGHT, MIN_WIDTH};
    let (mut app, _) = wellbeing_meeting(Lang::Fi);
    let before = kinds(&app);
    for (width, height) in [
        (MIN_WIDTH - 1, MIN_HEIGHT),
        (MIN_WIDTH, MIN_HEIGHT - 1),
        (1, 1),
    ] {
        app.area = ratatui::layout::Rect::new(0, 0, width, height);
        for key in [" ", "<enter>", "s", "p", "n", "q", "m", "?", "<esc>"] {
            assert!(
                keys(&mut app, key).is_empty(),
                "{key:?} at {width}x{height}"
            );
        }
        assert!(
            app.handle_event(&Event::Paste("uusi idea".into()))
                .is_empty()
        );
        assert_eq!(kinds(&app), before, "at {width}x{height}");
        assert!(app.overlay.is_none() && !app.help && !app.should_quit());
        assert!(
            app.cx.flash.is_none(),
            "a key said something while too small"
        );
    }
    app.area = ratatui::layout::Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT);
    assert!(saves_once(&keys(&mut app, " ")));
    assert_eq!(speaker(&app).as_deref(), Some("Aino Virtanen"));
}

#[test]
fn a_refused_command_explains_itself_in_finnish_and_changes_nothing() {
    let (mut app, clock) = app_fixture::meeting(Lang::Fi, "kierros", "");
    keys(&mut app, "n");
    let everyone = state(&app).present().count();
    for _ in 0..everyone {
        clock.advance(5_000);
        keys(&mut app, " ");
    }
    keys(&mut app, "e");
    assert!(state(&app).round_complete());
    let before = record(&app).clone();

    let effects = keys(&mut app, " ");

    assert!(effects.is_empty(), "nothing to save: {effects:?}");
    assert_eq!(*record(&app), before);
    let flash = app.cx.flash.as_ref().expect("a message");
    assert!(flash.error);
    assert_eq!(
        flash.text,
        parvi::i18n::refusal(Lang::Fi, &Refusal::RoundComplete)
    );
    assert_eq!(flash.text, "Kaikki ovat jo saaneet puheenvuoron.");
    // The message goes with the next key that does something.
    keys(&mut app, "p");
    assert_eq!(app.cx.flash, None);
}

// ---- dialogs ---------------------------------------------------------------------------------

#[test]
fn the_help_opens_with_question_mark_and_closes_with_esc() {
    let (mut app, _) = wellbeing_meeting(Lang::Fi);
    keys(&mut app, "?");
    assert_eq!(overlay_kind(&app), Some("help"));
    assert_eq!(app.context(), KeyContext::Help);
    // While the help is open, meeting keys do nothing.
    let before = record(&app).events.len();
    keys(&mut app, " sn");
    assert_eq!(record(&app).events.len(), before);
    assert_eq!(overlay_kind(&app), Some("help"));
    keys(&mut app, "<esc>");
    assert_eq!(overlay_kind(&app), None);
    assert_eq!(app.context(), KeyContext::MeetingRound);

    let (mut app, _) = home(Lang::Fi);
    keys(&mut app, "?");
    assert_eq!(overlay_kind(&app), Some("help"));
    keys(&mut app, "<esc>");
    assert_eq!(overlay_kind(&app), None);
    assert_eq!(screen_name(&app), "home");
}

#[test]
fn q_opens_the_end_menu_and_its_first_item_ends_the_meeting() {
    let (mut app, clock) = wellbeing_meeting(Lang::Fi);
    keys(&mut app, " ");
    clock.advance(30_000);
    // 30 s into a turn, any key first notes that the meeting is still running.
    assert_eq!(effect_names(&keys(&mut app, "q")), ["save:heartbeat"]);
    assert_eq!(overlay_kind(&app), Some("picker"));
    assert_eq!(screen_name(&app), "meeting", "nothing ended yet");
    assert_eq!(state(&app).status, parvi::model::Status::Running);

    let effects = keys(&mut app, "<enter>");

    assert_eq!(effect_names(&effects), ["save:meeting_ended"]);
    assert_eq!(overlay_kind(&app), None);
    let Screen::Summary(summary) = &app.screen else {
        panic!("the summary shows, not {}", screen_name(&app))
    };
    let events = &summary.record.events;
    assert_eq!(
        events.last().map(|e| &e.event),
        Some(&EventKind::MeetingEnded)
    );
    assert_eq!(
        events[events.len() - 3..]
            .iter()
            .map(|e| e.event.clone())
            .collect::<Vec<_>>(),
        [
            EventKind::TurnEnded {
                speaker: MemberId("m1".into()),
                passed: false
            },
            EventKind::PhaseEnded { phase: 0 },
            EventKind::MeetingEnded
        ]
    );
    // Any of the summary's keys goes home.
    let effects = keys(&mut app, "<enter>");
    assert_eq!(effects, [Effect::Reload]);
    assert_eq!(screen_name(&app), "home");
}

#[test]
fn leaving_for_later_pauses_and_goes_home() {
    let (mut app, clock) = wellbeing_meeting(Lang::Fi);
    keys(&mut app, " ");
    clock.advance(30_000);

    let effects = keys(&mut app, "q<down><enter>");

    // The heartbeat of the first key, then the pause is saved, then the home screen re-reads
    // the list of meetings.
    assert_eq!(
        effect_names(&effects),
        ["save:heartbeat", "save:paused", "reload"]
    );
    assert_eq!(screen_name(&app), "home");
    assert_eq!(overlay_kind(&app), None);
    assert!(!app.should_quit());
}

#[test]
fn cancelling_the_end_menu_changes_nothing() {
    let (mut app, _) = wellbeing_meeting(Lang::Fi);
    let before = record(&app).clone();
    for cancel in ["q<down><down><enter>", "q<esc>", "q3"] {
        assert!(keys(&mut app, cancel).is_empty(), "{cancel}");
        assert_eq!(overlay_kind(&app), None, "{cancel}");
        assert_eq!(*record(&app), before, "{cancel}");
    }
}

/// The loop saves after the keys: whatever the keys changed must still be there to save.
/// Ending (and leaving for later) switch the screen away from the meeting in the same key,
/// so `app.meeting()` is `None` when the loop carries out `Effect::SaveMeeting`, and the
/// `MeetingEnded` (or `Paused`) event never reaches the file: the meeting is listed as
/// unfinished and offered for resuming.
#[test]
fn the_loop_can_save_what_ending_and_leaving_changed() {
    for (keys_pressed, last) in [
        ("q<enter>", "save:meeting_ended"),
        ("q<down><enter>", "save:paused"),
    ] {
        let (mut app, clock) = wellbeing_meeting(Lang::Fi);
        keys(&mut app, " ");
        clock.advance(30_000);
        let effects = keys(&mut app, keys_pressed);
        // The save carries the record as it was after the action, although the screen has
        // already left the meeting.
        assert!(app.meeting().is_none());
        let names = effect_names(&effects);
        assert!(
            names.contains(&last.to_string()),
            "{keys_pressed}: {names:?}"
        );
    }
}

// ---- the footer and the keymap -------------------------------------------------------------

const CONTEXTS: [KeyContext; 32] = KeyContext::ALL;

#[test]
fn every_key_the_keymap_lists_maps_back_to_its_action() {
    for context in CONTEXTS {
        let bindings = keymap::bindings(context);
        assert!(bindings.iter().any(|b| b.footer), "{context:?}: a footer");
        for binding in bindings {
            for key in binding.keys {
                assert_eq!(
                    keymap::action_for(context, &key_event(*key)),
                    Some(binding.action),
                    "{context:?}: {key:?}"
                );
            }
        }
    }
}

/// An app whose keyboard is in `context`, in a state where every key of it has work to do.
fn app_in(context: KeyContext) -> (App, Rc<ManualClock>) {
    let (mut app, clock) = match context {
        KeyContext::Home => app_with(Lang::Fi, data_unfinished()),
        KeyContext::HomeEmpty => app_with(Lang::Fi, data_empty()),
        KeyContext::MeetingOther => {
            let (mut app, clock) =
                app_fixture::meeting(Lang::Fi, "eratauko", "Kuulluksi tuleminen");
            keys(&mut app, "n");
            (app, clock)
        }
        KeyContext::MeetingIdle => {
            let (mut app, clock) = app_fixture::meeting(Lang::Fi, "kierros", "");
            keys(&mut app, "nn");
            (app, clock)
        }
        KeyContext::MeetingWriting => app_fixture::meeting(Lang::Fi, "yksi-kaksi-nelja-kaikki", ""),
        KeyContext::MeetingGrouping => app_fixture::meeting(Lang::Fi, "mita-entas-mita-nyt", ""),
        KeyContext::Summary => app_fixture::meeting(Lang::Fi, "kierros", ""),
        KeyContext::MeetingClock => app_fixture::meeting(Lang::Fi, "vuosikellon-katselmus", ""),
        KeyContext::MeetingRound
        | KeyContext::MeetingOpen
        | KeyContext::Picker
        | KeyContext::MeetingIdeas
        | KeyContext::MeetingVote
        | KeyContext::MeetingBallot
        | KeyContext::MeetingDecisions
        | KeyContext::MeetingActions
        | KeyContext::MeetingReview
        | KeyContext::Prompt => wellbeing_meeting(Lang::Fi),
        // A past meeting opened in the review (as the loop would, after Enter).
        KeyContext::ReviewSession
        | KeyContext::ReviewTrend
        | KeyContext::ReviewReport
        | KeyContext::Findings => {
            let (mut app, clock) = home(Lang::Fi);
            keys(&mut app, "v");
            let meetings = parvi::simulator::meetings();
            let mut record = meetings[2].clone();
            if context == KeyContext::Findings {
                // A topic that names a student: the guard stops the public export.
                record.topic = "Ainon asiat".into();
            }
            app.show_session(record);
            if matches!(context, KeyContext::ReviewTrend | KeyContext::ReviewReport) {
                keys(&mut app, "t");
                app.group_loaded(&meetings[0].group.id, TrendData::of(&meetings, 0));
            }
            if context == KeyContext::ReviewReport {
                // This school year's report (the next year is not offered: it has not
                // begun).
                keys(&mut app, "r");
            }
            (app, clock)
        }
        _ => home(Lang::Fi),
    };
    let setup = match context {
        KeyContext::SetupList => "n",
        KeyContext::SetupAttendance => "n<enter>",
        KeyContext::SetupText => "n<enter><enter>",
        // On the second item, so it can move up as well as down.
        KeyContext::SetupAgenda => "n<enter><enter><enter><down>",
        // On the second member, so it can move both ways.
        KeyContext::GroupEditor => "e<down><down><down><down>",
        // Two turns done, the third speaking.
        KeyContext::MeetingRound => "   ",
        // The open discussion with someone speaking and two hands up.
        // Item 6 is the open discussion of the wellbeing meeting.
        KeyContext::MeetingOpen => "g6h1h2h3 ",
        KeyContext::Picker => "   q",
        // Private writing with one idea written.
        KeyContext::MeetingWriting => "g2<enter>Yksi idea<enter><esc>",
        // Two ideas on the wall (so they can be edited, removed and merged).
        KeyContext::MeetingIdeas => "g7<enter>Eka idea<enter>Toka idea<enter><esc>",
        // Two ideas to put into themes.
        KeyContext::MeetingGrouping => "g2<enter>Eka idea<enter>Toka idea<enter><esc>g4",
        // The vote on two ideas, being set up; then one voter at the keyboard.
        KeyContext::MeetingVote => "g7<enter>Eka idea<enter>Toka idea<enter><esc>g8",
        // On the middle one of three options, so it can move both ways.
        KeyContext::MeetingBallot => {
            "g7<enter>Eka idea<enter>Toka idea<enter>Kolmas idea<enter><esc>g8o 1<down>"
        }
        // One decision recorded (no basis to pick, no review date), its origin left unsaid.
        KeyContext::MeetingDecisions => "g9<enter>Kokeillaan<enter><enter><esc>",
        // Item 10: the tenth row of the picker is 0.
        KeyContext::MeetingActions => "g0",
        KeyContext::MeetingReview => "g3",
        // The yearly review's walk through the clock, on its second item.
        KeyContext::MeetingClock => "g3<down>",
        // The summary of a finished quick round.
        KeyContext::Summary => "q<enter>",
        // The idea field open.
        KeyContext::Prompt => "g7<enter>",
        KeyContext::Confirm => "e<down><down><down><down>x",
        KeyContext::Help => "?",
        // The archive, on its second meeting so it can move both ways.
        KeyContext::Review => "v<down>",
        KeyContext::ReviewSearch => "v/",
        // The public HTML (the second export) of a meeting whose topic names a student.
        KeyContext::Findings => "e2",
        // The sample group's year clock.
        KeyContext::YearClock => "c",
        _ => "",
    };
    for key in app_fixture::parse_keys(setup) {
        clock.advance(9_000);
        app.handle_event(&Event::Key(key));
    }
    clock.advance(9_000);
    app.cx.flash = None;
    assert_eq!(app.context(), context, "the fixture for {context:?}");
    (app, clock)
}

/// What a key can change: the screen, the dialog, the message, quitting, and the effects.
fn observe(app: &App) -> String {
    format!(
        "{:?}\n{:?}\n{}\n{:?}\n{}",
        app.screen,
        app.overlay,
        app.help,
        app.cx.flash,
        app.should_quit()
    )
}

/// No key is known to do nothing any more; kept as the place to name one if a context ever
/// has a key that only works in some states.
fn known_dead(_context: KeyContext, _key: Key) -> bool {
    false
}

#[test]
fn every_key_in_every_footer_does_something() {
    for context in CONTEXTS {
        for binding in keymap::bindings(context).into_iter().filter(|b| b.footer) {
            for key in binding.keys {
                if known_dead(context, *key) {
                    continue;
                }
                let (mut app, _) = app_in(context);
                if !app.offers(binding.action) {
                    // Not in the footer in this state (the footer shows only what works).
                    continue;
                }
                let before = observe(&app);
                let effects = app.handle_event(&Event::Key(key_event(*key)));
                let after = observe(&app);
                assert!(
                    after != before || !effects.is_empty(),
                    "{context:?}: {} ({:?}) changed nothing",
                    key.label(),
                    binding.action
                );
                if let Some(flash) = &app.cx.flash {
                    assert!(
                        !flash.error,
                        "{context:?}: {} ({:?}) was refused: {}",
                        key.label(),
                        binding.action,
                        flash.text
                    );
                }
            }
        }
    }
}

#[test]
fn the_meeting_footer_keys_do_what_they_say() {
    let open = |context: KeyContext, key: char| {
        let (mut app, _) = app_in(context);
        keys(&mut app, &key.to_string());
        overlay_kind(&app)
    };
    let events_after = |context: KeyContext, key: char| {
        let (mut app, _) = app_in(context);
        let before = record(&app).events.len();
        keys(&mut app, &key.to_string());
        record(&app).events[before..]
            .iter()
            .map(|e| e.event.clone())
            .collect::<Vec<_>>()
    };
    for context in [
        KeyContext::MeetingRound,
        KeyContext::MeetingOpen,
        KeyContext::MeetingOther,
        KeyContext::MeetingIdle,
    ] {
        assert_eq!(open(context, '?'), Some("help"), "{context:?}");
        assert_eq!(open(context, 'q'), Some("picker"), "{context:?}");
        assert_eq!(
            events_after(context, 'p'),
            [EventKind::Paused],
            "{context:?}"
        );
    }
    for context in [KeyContext::MeetingRound, KeyContext::MeetingOpen] {
        assert_eq!(open(context, 'm'), Some("prompt"), "{context:?}");
    }
    assert_eq!(open(KeyContext::MeetingOpen, 'h'), Some("picker"));
    assert_eq!(open(KeyContext::MeetingOpen, 'f'), Some("picker"));
    let ended = |events: &[EventKind]| {
        matches!(
            events.first(),
            Some(EventKind::TurnEnded { passed: false, .. })
        )
    };
    assert!(ended(&events_after(KeyContext::MeetingOpen, 'e')));
    let next = events_after(KeyContext::MeetingOpen, ' ');
    assert!(ended(&next) && matches!(next[1], EventKind::TurnStarted { slot: None, .. }));
    let pass = events_after(KeyContext::MeetingRound, 's');
    assert!(matches!(pass[0], EventKind::TurnEnded { passed: true, .. }));
    for context in [
        KeyContext::MeetingRound,
        KeyContext::MeetingOpen,
        KeyContext::MeetingOther,
    ] {
        assert!(
            events_after(context, 'n').contains(&EventKind::PhaseEnded {
                phase: state(&app_in(context).0).phase.unwrap()
            }),
            "{context:?}"
        );
    }
}

#[test]
fn the_help_key_in_a_dialog_opens_the_help() {
    let (mut app, _) = app_in(KeyContext::Picker);
    keys(&mut app, "?");
    assert_eq!(overlay_kind(&app), Some("help"));
}

/// The help lists Ctrl-C "lopeta" on every screen; in the setup wizard it does nothing (and
/// in raw mode the terminal sends no SIGINT), so the only way out is Esc step by step.
#[test]
fn ctrl_c_in_the_setup_wizard_quits_or_asks() {
    for context in [
        KeyContext::SetupList,
        KeyContext::SetupAttendance,
        KeyContext::SetupText,
        KeyContext::SetupAgenda,
    ] {
        let (mut app, _) = app_in(context);
        keys(&mut app, "<C-c>");
        assert!(
            app.should_quit() || app.overlay.is_some() || screen_name(&app) == "home",
            "{context:?}: Ctrl-C did nothing"
        );
    }
}

// ---- time ------------------------------------------------------------------------------------

/// While a timer runs, the loop's wake-ups save a heartbeat every ten seconds (one event,
/// replaced each time), and none while paused: what a resume after kill -9 counts as spoken.
#[test]
fn a_running_timer_saves_a_heartbeat_every_ten_seconds_on_its_own_wake_ups() {
    let (mut app, clock) = wellbeing_meeting(Lang::Fi);
    keys(&mut app, " ");
    let mut saves = 0;
    for _ in 0..25 {
        clock.advance(1_000);
        saves += effect_names(&app.tick())
            .iter()
            .filter(|n| *n == "save:heartbeat")
            .count();
    }
    assert_eq!(saves, 2, "at 10 s and 20 s");
    let beats: Vec<u64> = record(&app)
        .events
        .iter()
        .filter(|e| e.event == EventKind::Heartbeat)
        .map(|e| e.mono_ms)
        .collect();
    assert_eq!(beats.len(), 1, "the second replaced the first");
    assert_eq!(app.next_wakeup_ms(), Some(1_000), "no wake-up of its own");
    keys(&mut app, "p");
    for _ in 0..30 {
        clock.advance(1_000);
        assert!(app.tick().is_empty(), "paused: nothing to save");
    }
}

#[test]
fn the_bell_rings_once_when_a_turn_runs_out() {
    let (mut app, clock) = wellbeing_meeting(Lang::Fi);
    keys(&mut app, " ");
    // The check-in round's turns are 60 s.
    // (Each wake-up may also save a heartbeat; only the bells count here.)
    let bells = |app: &mut parvi::tui::app::App| {
        app.tick()
            .into_iter()
            .filter(|e| *e == Effect::Bell)
            .count()
    };
    clock.advance(59_999);
    assert_eq!(bells(&mut app), 0, "not yet");
    clock.advance(2);
    assert_eq!(bells(&mut app), 1);
    assert_eq!(bells(&mut app), 0, "once");
    clock.advance(30_000);
    assert_eq!(bells(&mut app), 0, "still once");
    // The next speaker's turn rings again when it runs out.
    keys(&mut app, " ");
    clock.advance(60_500);
    assert_eq!(bells(&mut app), 1);
    assert_eq!(bells(&mut app), 0);
}

#[test]
fn the_loop_wakes_on_the_next_whole_second_of_a_running_turn() {
    let (mut app, clock) = home(Lang::Fi);
    assert_eq!(
        app.next_wakeup_ms(),
        None,
        "nothing changes on the home screen"
    );
    app.start_meeting(0, 0, "", Vec::new());
    clock.advance(2_000);
    keys(&mut app, " ");
    for (step, expected) in [
        (400, 600),
        (600, 1000),
        (1, 999),
        (37_999, 1000),
        (250, 750),
    ] {
        clock.advance(step);
        let wakeup = app.next_wakeup_ms().expect("a turn is running");
        assert!(wakeup <= 1000);
        let turn = state(&app).turn_elapsed(clock.now().mono_ms);
        assert_eq!(wakeup, expected, "{turn} ms into the turn");
        assert_eq!((turn + wakeup) % 1000, 0, "a whole second of the turn");
    }
    // Back home: asleep until a key.
    keys(&mut app, "q<down><enter>");
    assert_eq!(app.next_wakeup_ms(), None);
}

#[test]
fn a_reopened_meeting_continues_its_clock_and_waits_for_p() {
    let (mut app, clock) = app_with(Lang::Fi, data_unfinished());
    let rec = app_fixture::unfinished_record();
    let last = rec.events.last().expect("events").stamp();
    let path = app_fixture::sessions_dir().join(app_fixture::summary(&rec).file);
    app.resume(rec, path);
    assert_eq!(
        effect_names(&std::mem::take(&mut app.cx.effects)),
        ["save:reopened"],
        "the reopening is saved"
    );
    let Stamp { mono_ms, .. } = clock.now();
    assert_eq!(
        mono_ms, last.mono_ms,
        "the meeting clock continues from the file"
    );
    assert_eq!(
        kinds(&app).last(),
        Some(&EventKind::Reopened {
            gap_ms: (clock.now().at.duration_since(last.at).as_millis()) as u64
        })
    );
    assert!(state(&app).paused, "nothing counts until the room is ready");
    clock.advance(5_000);
    let effects = keys(&mut app, "p");
    assert_eq!(effect_names(&effects), ["save:resumed"]);
    assert_eq!(kinds(&app).last(), Some(&EventKind::Resumed));
    assert!(app.next_wakeup_ms().is_some());
}

/// The meeting header shows the wall clock (`12:02`). With the timers paused, or between
/// agenda items, nothing asks the loop to wake, so it sleeps up to an hour and the clock on
/// the wall stops. `MeetingView::next_wakeup_ms` says it wakes for the next minute of the
/// header's clock; it does not.
#[test]
fn a_paused_meeting_still_wakes_for_the_header_clock() {
    let (mut app, clock) = wellbeing_meeting(Lang::Fi);
    clock.advance(15_000);
    keys(&mut app, "p");
    let wakeup = app
        .next_wakeup_ms()
        .expect("the header clock changes at 12:01");
    assert_eq!(wakeup, 45_000);
}

#[test]
fn the_facilitator_can_ask_names_for_the_ideas_of_one_meeting() {
    let (mut app, _) = home(Lang::Fi);
    keys(&mut app, "n<enter><enter><enter>");
    assert_eq!(app.context(), KeyContext::SetupAgenda);
    let Screen::Setup(setup) = &app.screen else {
        panic!("the setup")
    };
    let ideas = setup
        .agenda
        .iter()
        .position(|p| p.kind == parvi::model::PhaseKind::Ideas)
        .expect("the wellbeing meeting captures ideas");
    assert!(!setup.agenda[ideas].attributed, "anonymous by default");
    // Space on a round does nothing; on the ideas phase it asks for names.
    keys(&mut app, " ");
    keys(&mut app, &format!("{} ", "<down>".repeat(ideas)));
    keys(&mut app, "<enter>");
    assert!(record(&app).format.phases[ideas].attributed);
    assert!(
        record(&app)
            .format
            .phases
            .iter()
            .filter(|p| p.attributed)
            .count()
            == 1,
        "only the chosen phase"
    );
}

// ---- keys that do nothing ------------------------------------------------------------------

#[test]
fn a_key_that_does_nothing_says_so_and_changes_nothing() {
    let (mut app, _) = home(Lang::Fi);
    for (key, name) in [
        (
            app_fixture::press(crossterm::event::KeyCode::Char('z')),
            "z",
        ),
        (app_fixture::press(crossterm::event::KeyCode::F(5)), "F5"),
    ] {
        let effects = app.handle_event(&Event::Key(key));
        assert!(effects.is_empty(), "{name}: {effects:?}");
        assert_eq!(screen_name(&app), "home");
        assert_eq!(overlay_kind(&app), None);
        let flash = app.cx.flash.as_ref().expect("a message");
        assert!(!flash.error, "a stray key is not an error");
        assert_eq!(
            flash.text,
            format!("Näppäin {name} ei tee tässä mitään. ? näyttää kaikki näppäimet.")
        );
    }
    // In a meeting, too: the stray key neither saves nor moves the round.
    let (mut app, _) = wellbeing_meeting(Lang::En);
    let before = record(&app).clone();
    let effects = keys(&mut app, "Z");
    assert!(effects.is_empty());
    assert_eq!(*record(&app), before);
    assert_eq!(
        app.cx.flash.as_ref().map(|f| f.text.as_str()),
        Some("The key Z does nothing here. ? shows every key.")
    );
}

#[test]
fn a_key_not_offered_just_now_says_so() {
    // The group has no saved meetings: the archive key is not in the footer.
    let mut data = app_fixture::data_sample();
    data.sessions.clear();
    let (mut app, _) = app_with(Lang::Sv, data);
    assert!(!app.offers(parvi::tui::keymap::Action::Review));
    let effects = keys(&mut app, "v");
    assert!(effects.is_empty());
    assert_eq!(screen_name(&app), "home");
    assert_eq!(
        app.cx.flash.as_ref().map(|f| f.text.as_str()),
        Some("v går inte att använda just nu. Nederst står tangenterna som fungerar nu.")
    );
    // An arrow at the end of a list needs no words: nothing moving says it.
    let (mut app, _) = home(Lang::Fi);
    keys(&mut app, "v");
    assert_eq!(screen_name(&app), "review");
    assert!(!app.offers(parvi::tui::keymap::Action::Up), "the first row");
    keys(&mut app, "<up>");
    assert_eq!(app.cx.flash, None);
}

#[test]
fn the_archive_opens_while_the_list_of_meetings_is_still_being_read() {
    // The first frame had no index to read the newest meetings from.
    let mut data = app_fixture::data_sample();
    let full = std::mem::take(&mut data.sessions);
    let (mut app, _) = app_with(Lang::Fi, data);
    app.cx.reading_sessions = true;
    assert!(app.offers(parvi::tui::keymap::Action::Review));
    keys(&mut app, "v");
    assert_eq!(screen_name(&app), "review");
    let text = app_fixture::screen_text(&app, 80, 24);
    assert!(text.contains("Luetaan tallennettuja kokouksia…"), "{text}");
    assert!(
        !text.contains("0 kokousta"),
        "not a count while reading: {text}"
    );

    app.finished(parvi::tui::background::Finished::Sessions(
        parvi::store::Sessions {
            summaries: full,
            problems: Vec::new(),
        },
    ));
    assert!(!app.cx.reading_sessions);
    // The search text was read for the short list: it is read again for the full one.
    assert_eq!(effect_names(&app.cx.effects), ["load_search"]);
    let text = app_fixture::screen_text(&app, 80, 24);
    assert!(!text.contains("Luetaan"), "{text}");
    assert!(text.contains("Ruokala ja välitunnit"), "{text}");
}
