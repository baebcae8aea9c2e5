//! Screen snapshots: the whole app drawn into a `TestBackend` at 80x24, 120x40 and 200x60,
//! on a manual clock with fixed data, a fixed seed and UTC, so the snapshots need no filters.
//! Each snapshot is a picture of the wall: review a changed one as the room would see it.
//!
//! Accept new or changed snapshots with `cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test all screens::` and a look at `tests/snapshots/`.

use crate::app_fixture;

use app_fixture::{
    app_with, data_empty, data_sample, data_unfinished, home, keys, meeting, render, rows,
    sessions_dir, summary, unfinished_record, wellbeing_meeting,
};
use parvi::i18n::Lang;
use parvi::tui::app::App;
use parvi::tui::clock::ManualClock;

/// The sizes every screen is drawn at: a laptop's terminal, a projector, a big screen.
const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

/// Snapshots `app` at every size in [`SIZES`].
fn snapshot_sizes(name: &str, app: &App) {
    for (width, height) in SIZES {
        snapshot(name, app, width, height);
    }
}

/// Snapshots `app` at one size, named `<name>_<width>x<height>`.
fn snapshot(name: &str, app: &App, width: u16, height: u16) {
    let terminal = render(app, width, height);
    insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
}

// ---- meeting states --------------------------------------------------------------------

/// The check-in round with two turns done and one pass; the fourth speaker has spoken 25 s
/// of 60 s.
fn round_mid_turn(lang: Lang) -> (App, std::rc::Rc<ManualClock>) {
    let (mut app, clock) = wellbeing_meeting(lang);
    clock.advance(3_000);
    keys(&mut app, " ");
    clock.advance(41_000);
    keys(&mut app, " ");
    clock.advance(52_000);
    keys(&mut app, " ");
    clock.advance(3_000);
    keys(&mut app, "s");
    clock.advance(25_000);
    (app, clock)
}

/// The round at the end of its order: the one who passed is back and speaking.
fn round_returning(lang: Lang) -> (App, std::rc::Rc<ManualClock>) {
    let (mut app, clock) = round_mid_turn(lang);
    for _ in 0..6 {
        clock.advance(30_000);
        keys(&mut app, " ");
    }
    clock.advance(12_000);
    (app, clock)
}

/// Everyone has had their turn.
fn round_complete(lang: Lang) -> (App, std::rc::Rc<ManualClock>) {
    let (mut app, clock) = round_returning(lang);
    keys(&mut app, " ");
    clock.advance(4_000);
    (app, clock)
}

/// The open discussion (item 5) after three check-in turns: someone has the floor and three
/// hands are up.
fn open_discussion(lang: Lang) -> (App, std::rc::Rc<ManualClock>) {
    let (mut app, clock) = wellbeing_meeting(lang);
    for _ in 0..3 {
        keys(&mut app, " ");
        clock.advance(40_000);
    }
    // The open discussion, wherever it is on the agenda.
    let open = app_fixture::state(&app)
        .agenda
        .iter()
        .position(|p| p.kind == parvi::model::PhaseKind::Open)
        .expect("the wellbeing meeting has an open discussion");
    keys(&mut app, &format!("g{}", open + 1));
    clock.advance(5_000);
    keys(&mut app, "h2h1h5h7");
    clock.advance(2_000);
    keys(&mut app, " ");
    clock.advance(48_000);
    (app, clock)
}

// ---- home --------------------------------------------------------------------------------

#[test]
fn home_welcome_on_an_empty_data_directory() {
    let (app, _) = app_with(Lang::Fi, data_empty());
    snapshot_sizes("home_welcome", &app);
}

#[test]
fn home_with_the_sample_group_and_its_meetings() {
    let (app, _) = home(Lang::Fi);
    snapshot_sizes("home_sample", &app);
}

#[test]
fn home_with_an_unfinished_meeting_offers_to_resume_it() {
    let (app, _) = app_with(Lang::Fi, data_unfinished());
    snapshot_sizes("home_unfinished", &app);
}

#[test]
fn home_read_only_when_another_parvi_holds_the_data() {
    let mut data = data_sample();
    data.access = parvi::tui::app::Access::ReadOnly {
        holder_pid: Some(4242),
    };
    let (app, _) = app_with(Lang::Fi, data);
    snapshot_sizes("home_read_only", &app);
}

/// A second parvi, read-only, on the data of the meeting the first one runs: no offer to
/// resume it, but where it runs (the process id of the other window).
#[test]
fn home_read_only_names_the_meeting_running_in_another_window() {
    let mut data = data_unfinished();
    data.access = parvi::tui::app::Access::ReadOnly {
        holder_pid: Some(4242),
    };
    let file = &data.sessions.iter().find(|s| s.unfinished()).unwrap().file;
    data.running_elsewhere = Some(data.sessions_dir.join(file));
    let (app, _) = app_with(Lang::Fi, data);
    let screen = app_fixture::screen_text(&app, 80, 24);
    assert!(
        screen.contains("toisessa parvi-ikkunassa (prosessi 4242)"),
        "{screen}"
    );
    assert!(!screen.contains("jatka kokousta"), "{screen}");
    snapshot_sizes("home_running_elsewhere", &app);
}

#[test]
fn home_names_this_months_clock_items_and_counts_the_overdue_ones() {
    // The theme week of October not marked done: overdue on 10 November.
    let data = app_fixture::data_theme_week_overdue();
    let (app, _) = app_with(Lang::Sv, data);
    let screen = app_fixture::screen_text(&app, 200, 60);
    assert!(
        screen.contains(
            "Årsklockan, november: Kiusaamisen vastaiset toimet ja yhteiset pelisäännöt \
             (pågår) · försenade 1"
        ),
        "{screen}"
    );
    // A group without a clock has no line.
    let mut data = data_sample();
    data.clocks.clear();
    let (app, _) = app_with(Lang::Fi, data);
    assert!(!app_fixture::screen_text(&app, 200, 60).contains("Vuosikello,"));
}

// ---- setup -------------------------------------------------------------------------------

#[test]
fn setup_steps() {
    let (mut app, _) = home(Lang::Fi);
    keys(&mut app, "n");
    snapshot_sizes("setup_1_format", &app);
    // Hanna Salo (8th) is away; a guest joins as an external expert (11th role).
    keys(
        &mut app,
        "<enter><down><down><down><down><down><down><down> ",
    );
    keys(&mut app, "aRiikka Laaksonen<enter>");
    keys(&mut app, &"<down>".repeat(10));
    keys(&mut app, "<enter>");
    snapshot_sizes("setup_2_attendance", &app);
    keys(&mut app, "<enter>Ruokala ja välitunnit");
    snapshot_sizes("setup_3_topic", &app);
    keys(&mut app, "<enter>");
    snapshot_sizes("setup_4_agenda", &app);
}

// ---- meeting -----------------------------------------------------------------------------

#[test]
fn meeting_round_before_the_first_turn() {
    let (app, clock) = wellbeing_meeting(Lang::Fi);
    clock.advance(7_000);
    snapshot_sizes("meeting_round_start", &app);
}

#[test]
fn meeting_round_mid_turn_after_two_turns_and_a_pass() {
    let (app, _) = round_mid_turn(Lang::Fi);
    snapshot_sizes("meeting_round_mid_turn", &app);
}

#[test]
fn meeting_round_mid_turn_in_english_and_swedish() {
    let (app, _) = round_mid_turn(Lang::En);
    snapshot("meeting_round_mid_turn_en", &app, 120, 40);
    let (app, _) = round_mid_turn(Lang::Sv);
    snapshot("meeting_round_mid_turn_sv", &app, 120, 40);
}

#[test]
fn meeting_round_in_the_last_ten_seconds_of_a_turn() {
    let (app, clock) = round_mid_turn(Lang::Fi);
    clock.advance(27_000);
    snapshot_sizes("meeting_round_last_seconds", &app);
}

#[test]
fn meeting_round_with_the_turn_overrunning() {
    let (app, clock) = round_mid_turn(Lang::Fi);
    clock.advance(50_000);
    snapshot_sizes("meeting_round_overrun", &app);
}

#[test]
fn meeting_round_returning_to_those_who_passed() {
    let (app, _) = round_returning(Lang::Fi);
    snapshot_sizes("meeting_round_returning", &app);
}

#[test]
fn meeting_round_complete() {
    let (app, _) = round_complete(Lang::Fi);
    snapshot_sizes("meeting_round_complete", &app);
}

#[test]
fn meeting_info_phase_ground_rules() {
    let (mut app, clock) = meeting(
        Lang::Fi,
        "eratauko",
        "Milloin sinua on viimeksi kuunneltu oppilaitoksessa?",
    );
    clock.advance(2_000);
    keys(&mut app, "n");
    clock.advance(75_000);
    snapshot_sizes("meeting_info_ground_rules", &app);
}

#[test]
fn meeting_open_discussion_with_three_hands_up() {
    let (app, _) = open_discussion(Lang::Fi);
    snapshot_sizes("meeting_open_queue", &app);
}

#[test]
fn meeting_paused() {
    let (mut app, clock) = round_mid_turn(Lang::Fi);
    keys(&mut app, "p");
    clock.advance(90_000);
    snapshot_sizes("meeting_paused", &app);
}

#[test]
fn meeting_reopened_after_parvi_stopped() {
    let (mut app, _) = app_with(Lang::Fi, data_unfinished());
    let record = unfinished_record();
    let path = sessions_dir().join(summary(&record).file);
    app.resume(record, path);
    snapshot_sizes("meeting_reopened", &app);
}

#[test]
fn meeting_not_saved() {
    let (mut app, _) = round_mid_turn(Lang::Fi);
    app.saved(Some("No space left on device".into()));
    snapshot_sizes("meeting_not_saved", &app);
}

#[test]
fn meeting_end_menu() {
    let (mut app, _) = round_mid_turn(Lang::Fi);
    keys(&mut app, "q");
    snapshot_sizes("meeting_end_menu", &app);
}

#[test]
fn meeting_summary_after_ending() {
    let (mut app, clock) = round_complete(Lang::Fi);
    clock.advance(20_000);
    keys(&mut app, "q<enter>");
    snapshot_sizes("meeting_summary", &app);
}

#[test]
fn meeting_help_overlay() {
    let (mut app, _) = round_mid_turn(Lang::Fi);
    keys(&mut app, "?");
    snapshot_sizes("meeting_help", &app);
}

#[test]
fn meeting_picker_raise_hand() {
    let (mut app, _) = open_discussion(Lang::Fi);
    keys(&mut app, "h<down><down>");
    snapshot_sizes("meeting_picker_raise_hand", &app);
}

#[test]
fn meeting_note_prompt_with_finnish_text() {
    let (mut app, _) = round_mid_turn(Lang::Fi);
    keys(
        &mut app,
        "mRuokalan jonot ovat liian pitkät – äänestetään välituntien pidentämisestä",
    );
    snapshot_sizes("meeting_note_prompt", &app);
}

// ---- other screens -----------------------------------------------------------------------

#[test]
fn group_editor() {
    let (mut app, _) = home(Lang::Fi);
    keys(&mut app, "e<down><down><down><down><down>");
    snapshot_sizes("group_editor", &app);
}

#[test]
fn too_small_notice() {
    let (app, _) = round_mid_turn(Lang::Fi);
    snapshot("too_small", &app, 59, 15);
}

// ---- every size ----------------------------------------------------------------------------

/// The "too small" notice as the catalogue words it.
fn too_small_text(lang: Lang) -> String {
    parvi::i18n::fill(
        lang.text().too_small,
        &[
            ("cols", &parvi::tui::view::MIN_WIDTH.to_string()),
            ("rows", &parvi::tui::view::MIN_HEIGHT.to_string()),
        ],
    )
}

/// Everything on screen without spaces: wrapping and centring move words around, never the
/// letters.
fn letters(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The sizes from 0x0 to 120x40: every one below the minimum (the notice is cheap to draw),
/// and above it every third width and height plus the edges, because a full meeting frame
/// costs milliseconds in a debug build. An optimised build tries every size.
fn every_size() -> Vec<(u16, u16)> {
    use parvi::tui::view::{MIN_HEIGHT, MIN_WIDTH};
    let dense = !cfg!(debug_assertions);
    let keep = |v: u16, min: u16, max: u16| {
        dense || v < min || v <= min + 1 || v == max || (v - min).is_multiple_of(3)
    };
    let mut sizes = Vec::new();
    for width in 0..=120u16 {
        for height in 0..=40u16 {
            let small = width < MIN_WIDTH || height < MIN_HEIGHT;
            if small || (keep(width, MIN_WIDTH, 120) && keep(height, MIN_HEIGHT, 40)) {
                sizes.push((width, height));
            }
        }
    }
    sizes
}

/// Draws `app` at every size of [`every_size`]: no panic, and below the minimum the
/// "too small" notice (as much of it as fits) and nothing else.
fn draws_at_every_size(name: &str, app: &App) {
    use parvi::tui::view::{MIN_HEIGHT, MIN_WIDTH};
    let notice = letters(&too_small_text(Lang::Fi));
    for (width, height) in every_size() {
        let terminal = render(app, width, height);
        let shown = letters(&rows(terminal.backend().buffer()).join(""));
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            assert!(
                notice.starts_with(&shown),
                "{name} at {width}x{height}: {shown:?} is not the too-small notice"
            );
            if width > 0 && height > 0 {
                assert!(!shown.is_empty(), "{name} at {width}x{height}: blank");
            }
            if width >= 20 && height >= 4 {
                assert_eq!(
                    shown, notice,
                    "{name} at {width}x{height}: the whole notice"
                );
            }
        } else {
            assert!(
                !shown.contains(&notice),
                "{name} at {width}x{height}: the notice on a big enough window"
            );
        }
    }
}

#[test]
fn every_size_home() {
    let (app, _) = home(Lang::Fi);
    draws_at_every_size("home", &app);
}

#[test]
fn every_size_setup_agenda() {
    let (mut app, _) = home(Lang::Fi);
    keys(&mut app, "n<enter><enter><enter>");
    draws_at_every_size("setup agenda", &app);
}

#[test]
fn every_size_meeting_mid_turn() {
    let (app, _) = round_mid_turn(Lang::Fi);
    draws_at_every_size("meeting mid-turn", &app);
}

#[test]
fn every_size_meeting_with_the_picker_open() {
    let (mut app, _) = open_discussion(Lang::Fi);
    keys(&mut app, "h");
    assert!(app.overlay.is_some());
    draws_at_every_size("meeting with the picker open", &app);
}

#[test]
fn every_size_summary() {
    let (mut app, _) = round_complete(Lang::Fi);
    keys(&mut app, "q<enter>");
    draws_at_every_size("summary", &app);
}

// ---- Unicode -------------------------------------------------------------------------------

/// A group whose names need more than ASCII: Finnish and Swedish letters, and Chinese
/// characters two columns wide.
fn unicode_meeting() -> (App, std::rc::Rc<ManualClock>) {
    use parvi::model::{Group, GroupKind, Role};
    let mut group = Group::new(
        "Hyvinvointiryhmä Åbo",
        GroupKind::SiteWellbeing,
        "Åbo",
        "ab12",
    )
    .expect("a valid group");
    for (name, role) in [
        ("Päivi Äijälä", Role::Nurse),
        ("Åsa Öberg", Role::Student),
        ("李雷", Role::Student),
        ("Jyrki Öhman", Role::Teacher),
    ] {
        group.add_member(name, role).expect("distinct names");
    }
    let mut data = data_sample();
    data.groups = vec![group];
    let (mut app, clock) = app_with(Lang::Fi, data);
    app.start_meeting(0, 0, "Syysretki 🍂 ja ääniä", Vec::new());
    // Päivi has spoken; Åsa is speaking, with a note; 李雷 is next.
    keys(&mut app, " ");
    clock.advance(30_000);
    keys(&mut app, " ");
    clock.advance(12_000);
    keys(&mut app, "mKiitos 🙏 jonot lyhenivät 👍<enter>");
    (app, clock)
}

/// Checks every row of a frame: no wider than the terminal, no text hidden under a wide
/// character, no replacement characters. Returns the rows.
fn checked_rows(app: &App, width: u16, height: u16) -> Vec<String> {
    let terminal = render(app, width, height);
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            let (text, lost) = app_fixture::row(buffer, y);
            let used = unicode_width::UnicodeWidthStr::width(text.as_str());
            assert!(
                used <= width as usize,
                "{width}x{height} row {y} is {used} columns: {text:?}"
            );
            assert!(
                lost.is_empty(),
                "{width}x{height} row {y}: {lost:?} hidden under a wide character in {text:?}"
            );
            assert!(
                !text.contains('\u{FFFD}'),
                "{width}x{height} row {y}: {text:?}"
            );
            text
        })
        .collect()
}

const UNICODE_SIZES: [(u16, u16); 8] = [
    (60, 16),
    (61, 16),
    (63, 17),
    (64, 16),
    (67, 18),
    (71, 16),
    (73, 20),
    (80, 24),
];

#[test]
fn unicode_names_and_notes_fit_their_rows_and_keep_their_letters() {
    let (mut app, _) = unicode_meeting();
    for (width, height) in UNICODE_SIZES {
        let rows = checked_rows(&app, width, height);
        let screen = rows.join("\n");
        assert!(
            rows[0].contains("Hyvinvointiryhmä Åbo · Syysretki 🍂"),
            "{width}x{height}: the header keeps its letters: {:?}",
            rows[0]
        );
        // Who is next, when there is room for it (at 80x24 and at the minimum there is).
        let must_show = matches!((width, height), (60, 16) | (80, 24));
        if must_show || screen.contains("Seuraavana") {
            assert!(
                screen.contains("Seuraavana: 李雷"),
                "{width}x{height}: who is next:\n{screen}"
            );
        }
        if width >= 76 {
            // The side panel lists the speaking order.
            for line in ["✓ Päivi Äijälä", "▶ Åsa Öberg", "· 李雷", "· Jyrki Öhman"]
            {
                assert!(screen.contains(line), "{width}x{height}: {line}\n{screen}");
            }
        }
    }
    // The note, with its emoji, back in the field when the note is opened again.
    keys(&mut app, "m");
    for (width, height) in UNICODE_SIZES {
        let screen = checked_rows(&app, width, height).join("\n");
        assert!(
            screen.contains("jonot lyhenivät 👍▏"),
            "{width}x{height}: the note as typed:\n{screen}"
        );
    }
    // 李雷 speaking: the name in the order and the next name intact.
    keys(&mut app, "<esc> ");
    for (width, height) in UNICODE_SIZES {
        let screen = checked_rows(&app, width, height).join("\n");
        let must_show = matches!((width, height), (60, 16) | (80, 24));
        if must_show || screen.contains("Seuraavana") {
            assert!(
                screen.contains("Seuraavana: Jyrki Öhman"),
                "{width}x{height}:\n{screen}"
            );
        }
    }
}

/// The speaker's name in big letters must show whatever alphabet it is written in.
#[test]
fn a_speaker_named_in_chinese_characters_is_shown() {
    let (mut app, _) = unicode_meeting();
    keys(&mut app, " ");
    for (width, height) in [(60, 16), (80, 24), (120, 40), (200, 60)] {
        let rows = rows(render(&app, width, height).backend().buffer());
        let speaking = rows
            .iter()
            .position(|r| r.contains("Puheenvuorossa"))
            .expect("the speaker block");
        let role = speaking
            + rows[speaking..]
                .iter()
                .position(|r| r.contains("opiskelija"))
                .expect("the speaker's role");
        // The main column: left of the side panel.
        let main = |r: &String| r.chars().take(width as usize * 5 / 8).collect::<String>();
        assert!(
            rows[speaking + 1..role]
                .iter()
                .any(|r| !main(r).trim().is_empty()),
            "{width}x{height}: no name between the label and the role:\n{}",
            rows.join("\n")
        );
    }
}

// ---- styles that carry meaning ---------------------------------------------------------------

/// The cell under the first character of `text` on screen, and its position.
fn cell_of<'a>(
    buffer: &'a ratatui::buffer::Buffer,
    text: &str,
) -> (&'a ratatui::buffer::Cell, (u16, u16)) {
    let rows = rows(buffer);
    let y = rows
        .iter()
        .position(|r| r.contains(text))
        .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{}", rows.join("\n")));
    // Columns, not bytes: every character before it on these rows is one column wide.
    let x = rows[y][..rows[y].find(text).unwrap()].chars().count() as u16;
    (&buffer[(x, y as u16)], (x, y as u16))
}

#[test]
fn an_overrunning_turn_is_marked_by_more_than_colour() {
    use parvi::tui::theme::Theme;
    use ratatui::style::{Color, Modifier};
    let (mut app, clock) = round_mid_turn(Lang::Fi);
    let ordinary = render(&app, 80, 24);
    let (cell, _) = cell_of(ordinary.backend().buffer(), "Puheaikaa jäljellä");
    assert_eq!(cell.fg, Color::Reset, "35 s left is ordinary text");
    assert!(!cell.modifier.contains(Modifier::UNDERLINED));

    clock.advance(50_000);
    for (no_color, fg, modifier) in [
        (false, Color::LightRed, Modifier::BOLD),
        (true, Color::Reset, Modifier::BOLD | Modifier::UNDERLINED),
    ] {
        app.cx.theme = Theme::new(no_color);
        let terminal = render(&app, 80, 24);
        let buffer = terminal.backend().buffer();
        // The words say so, and the label and the digits above it are styled.
        let (cell, (x, y)) = cell_of(buffer, Lang::Fi.text().meeting_turn_over);
        assert_eq!(
            (cell.fg, cell.modifier),
            (fg, modifier),
            "NO_COLOR {no_color}"
        );
        // The main column only: the side panel starts at column 51 at this size.
        let digits = (0..49)
            .map(|x| &buffer[(x, y - 1)])
            .filter(|c| !c.symbol().trim().is_empty())
            .collect::<Vec<_>>();
        assert!(
            !digits.is_empty(),
            "the big clock above the label at {x},{y}"
        );
        assert!(
            digits.iter().all(|c| (c.fg, c.modifier) == (fg, modifier)),
            "NO_COLOR {no_color}: the digits are styled too"
        );
    }
}

// ---- small screens keep what matters (issue 9.8) -------------------------------------------

/// A round of ten (the sample group and one more) where three passed, back at the first who
/// passed: the longest order a wellbeing group's round has.
fn ten_person_round_with_three_passes() -> (App, std::rc::Rc<ManualClock>) {
    let mut data = data_sample();
    data.groups[0]
        .add_member("Ville Rantanen", parvi::model::Role::Student)
        .expect("a tenth member");
    let (mut app, clock) = app_with(Lang::Fi, data);
    app.start_meeting(
        0,
        app_fixture::format_index("hyvinvointiryhma"),
        "Ruokala",
        Vec::new(),
    );
    keys(&mut app, " ");
    for n in 0..10 {
        let passes = [2, 5, 8].contains(&n);
        clock.advance(if passes { 3_000 } else { 20_000 });
        keys(&mut app, if passes { "s" } else { " " });
    }
    (app, clock)
}

#[test]
fn a_ten_person_round_keeps_the_not_heard_yet_count_on_a_laptop_screen() {
    let (app, _) = ten_person_round_with_three_passes();
    let state = app_fixture::state(&app);
    assert_eq!(state.turns.iter().filter(|t| t.passed).count(), 3);
    let silent = state.not_spoken_yet().len();
    assert!(silent > 0);
    let count = format!("Ei vielä puhunut ({silent})");
    for (width, height) in [(80, 24), (160, 45)] {
        let screen = app_fixture::screen_text(&app, width, height);
        assert!(
            screen.contains(&count),
            "{width}x{height} lost “{count}”:\n{screen}"
        );
    }
    snapshot("meeting_round_of_ten_with_three_passes", &app, 80, 24);
    snapshot("meeting_round_of_ten_with_three_passes", &app, 160, 45);
}

#[test]
fn a_small_terminal_keeps_the_main_key_of_the_moment_in_the_footer() {
    let (app, _) = round_mid_turn(Lang::Fi);
    let screen = app_fixture::screen_text(&app, 60, 16);
    let footer = screen.lines().last().unwrap_or_default();
    assert!(
        footer.contains("Space") && footer.contains("? "),
        "the footer at 60x16 lost the main key or the help: {footer}"
    );
    snapshot("meeting_round_mid_turn", &app, 60, 16);
}

// ---- home: lists that scroll, a meeting without a topic (issue 9.10) ----------------------

#[test]
fn home_lists_say_when_they_scroll_and_a_meeting_without_a_topic_is_named_by_its_format() {
    let mut record = unfinished_record();
    record.topic = String::new();
    let mut data = data_sample();
    data.sessions.insert(0, summary(&record));
    let (app, _) = app_with(Lang::Fi, data);
    let text = app_fixture::screen_text(&app, 160, 45);
    let line = text
        .lines()
        .find(|l| l.contains("Kesken jäänyt kokous"))
        .expect("the resume line");
    assert!(
        line.contains("– Hyvinvointiryhmän kokous ("),
        "the resume line names the format when the topic is empty: {line}"
    );
    assert!(!line.contains("– ("), "{line}");
    // Nine formats do not fit in the box at 80x24: its edge says so.
    let text = app_fixture::screen_text(&app, 80, 24);
    assert!(
        text.contains("↓ 1–") && text.contains(&format!("/{}", app.cx.data.formats.len())),
        "{text}"
    );
    snapshot("home_with_an_untitled_unfinished_meeting", &app, 80, 24);
}

// ---- what the floor says between turns (issue 9.10) ---------------------------------------

#[test]
fn the_open_discussion_asks_for_the_next_turn_once_one_was_had() {
    let (mut app, _) = open_discussion(Lang::Fi);
    keys(&mut app, "e");
    let text = app_fixture::screen_text(&app, 80, 24);
    assert!(
        text.contains("Aloita seuraava puheenvuoro: Space"),
        "{text}"
    );
    assert!(!text.contains("ensimmäinen"), "{text}");
}

#[test]
fn a_round_finished_on_the_last_item_says_how_to_end_the_meeting() {
    let (mut app, _) = meeting(Lang::Fi, "kierros", "Ruokala");
    keys(&mut app, "n");
    let people = app_fixture::state(&app).present().count();
    keys(&mut app, &" ".repeat(people + 1));
    assert!(app_fixture::state(&app).round_complete());
    let text = app_fixture::screen_text(&app, 80, 24);
    assert!(
        text.contains("Kierros on valmis. Päätä kokous: q"),
        "{text}"
    );
    assert!(!text.contains("Seuraava kohta"), "{text}");
}

// ---- a timer's second draws only what time changes ---------------------------------------

/// The sizes a timer's second is checked at: the smallest frame, a laptop, projectors.
const TICK_SIZES: [(u16, u16); 5] = [(60, 16), (80, 24), (120, 40), (160, 45), (200, 60)];

/// How far the clock moves between two frames: seconds, and the jumps that change a clock's
/// shape (into a turn's last ten seconds, past its end, past an item's end, past an hour).
const TICKS: [u64; 10] = [
    1_000, 1_000, 1_000, 9_000, 20_000, 41_000, 1_000, 600_000, 3_600_000, 1_000,
];

/// Moves the clock through [`TICKS`] and draws each second as the loop does: only the
/// parts the last whole frame noted, over the frame on screen, or the whole frame when the
/// parts say it no longer holds. After each, the frame on screen must be exactly the whole
/// frame at that time, and nothing outside the parts may have been drawn. Returns how many
/// seconds were drawn by parts.
fn seconds_by_parts(
    name: &str,
    clock: &ManualClock,
    area: ratatui::layout::Rect,
    whole: &dyn Fn(&mut ratatui::buffer::Buffer) -> Option<Vec<ratatui::layout::Rect>>,
    parts: &dyn Fn(&mut ratatui::buffer::Buffer) -> bool,
) -> usize {
    use parvi::tui::frames::Frames;
    use ratatui::buffer::Buffer;
    let mut frames = Frames::new(std::io::sink(), area);
    let mut areas = None;
    frames.draw(|_, buf| areas = whole(buf)).unwrap();
    let mut by_parts = 0;
    for (n, step) in TICKS.into_iter().enumerate() {
        clock.advance(step);
        let before = frames.on_screen().clone();
        let drew = match &areas {
            Some(areas) => frames.draw_parts(areas, parts).unwrap(),
            None => false,
        };
        let at = format!("{name} at {}x{}, second {n}", area.width, area.height);
        if drew {
            by_parts += 1;
            let areas = areas.as_ref().unwrap();
            for p in area.positions() {
                if !areas.iter().any(|a| a.contains(p)) {
                    assert_eq!(
                        frames.on_screen()[p],
                        before[p],
                        "{at}: drawn outside the parts at {p:?}"
                    );
                }
            }
            let mut expected = Buffer::empty(area);
            whole(&mut expected);
            assert_eq!(rows(frames.on_screen()), rows(&expected), "{at}");
            assert_eq!(frames.on_screen(), &expected, "{at}: the styles");
        } else {
            assert_eq!(
                frames.on_screen(),
                &before,
                "{at}: parts that did not hold drew"
            );
            frames.draw(|_, buf| areas = whole(buf)).unwrap();
        }
    }
    by_parts
}

/// The meeting's states with a clock running, on the facilitator's screen and on the wall.
fn running_states() -> Vec<(&'static str, App, std::rc::Rc<ManualClock>)> {
    let (mut paused, clock) = round_mid_turn(Lang::Fi);
    keys(&mut paused, "p");
    let paused = ("paused", paused, clock);
    let (mut info, clock) = meeting(Lang::Fi, "eratauko", "Milloin sinua kuunneltiin?");
    clock.advance(2_000);
    keys(&mut info, "n");
    let info = ("info item", info, clock);
    let (english, clock) = round_mid_turn(Lang::En);
    let english = ("mid-turn in English", english, clock);
    let (round, clock) = round_mid_turn(Lang::Fi);
    let (returning, returning_clock) = round_returning(Lang::Fi);
    let (complete, complete_clock) = round_complete(Lang::Fi);
    let (open, open_clock) = open_discussion(Lang::Fi);
    vec![
        ("mid-turn", round, clock),
        ("returning", returning, returning_clock),
        ("round complete", complete, complete_clock),
        ("open discussion", open, open_clock),
        english,
        paused,
        info,
    ]
}

#[test]
fn a_timers_second_draws_only_what_time_changes_and_the_frame_is_the_whole_one() {
    use parvi::tui::app::Ctx;
    use parvi::tui::screens::meeting::WallView;
    let mut counted = Vec::new();
    for (width, height) in TICK_SIZES {
        // Each size and screen from the same moment: the seconds run on the meeting's clock.
        let for_the_wall = running_states();
        for ((name, app, clock), (_, wall_app, wall_clock)) in
            running_states().into_iter().zip(for_the_wall)
        {
            let area = ratatui::layout::Rect::new(0, 0, width, height);
            let drawn = std::cell::RefCell::new(None);
            let by_parts = seconds_by_parts(
                name,
                &clock,
                area,
                &|buf| {
                    let whole = app.render_frame(area, buf);
                    let areas = whole.as_ref().map(|d| d.areas());
                    *drawn.borrow_mut() = whole;
                    areas
                },
                &|buf| {
                    let drawn = drawn.borrow();
                    drawn.as_ref().is_some_and(|d| app.render_live(d, buf))
                },
            );
            counted.push((name, "app", width, by_parts));
            // The room's wall draws the same meeting with its own parts.
            let (app, clock) = (wall_app, wall_clock);
            let wall = WallView::meeting(
                app_fixture::record(&app).clone(),
                std::path::PathBuf::from("live.json"),
            );
            let cx = Ctx::for_wall(
                Lang::Fi,
                parvi::tui::theme::Theme::new(false),
                clock.clone(),
                jiff::tz::TimeZone::UTC,
            );
            let live = std::cell::RefCell::new(None);
            let by_parts = seconds_by_parts(
                name,
                &clock,
                area,
                &|buf| {
                    let parts = wall.render_parts(area, buf, &cx);
                    let areas = parts.as_ref().map(|p| p.areas());
                    *live.borrow_mut() = parts;
                    areas
                },
                &|buf| {
                    let live = live.borrow();
                    live.as_ref().is_some_and(|p| wall.render_live(p, buf, &cx))
                },
            );
            counted.push((name, "wall", width, by_parts));
        }
    }
    // Not a frame drawn whole every second: where a turn runs on a screen of a laptop's
    // size or more, nearly every second is drawn by parts.
    for (name, screen, width, by_parts) in &counted {
        if *width >= 80 && *name != "paused" {
            assert!(
                *by_parts >= TICKS.len() - 2,
                "{name} on the {screen} at width {width}: only {by_parts} of {} seconds by parts",
                TICKS.len()
            );
        }
    }
}
