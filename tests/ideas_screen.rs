//! Ideas on the wall, driven by keys: silent writing shown only as a count until revealed,
//! the numbered list (edit, remove, merge; numbers never change), writers asked only where
//! the phase records names, paging, and grouping into themes. Snapshots at 80x24 and
//! 160x45 are pictures of the wall: review a changed one as the room would see it.
//!
//! Accept new or changed snapshots with `cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test all ideas_screen::` and a look at `tests/snapshots/`.

use crate::app_fixture;

use app_fixture::{app_with, data_sample, keys, overlay_kind, render, rows, screen_text, state};
use parvi::i18n::Lang;
use parvi::model::{Format, Localized, Phase, PhaseKind};
use parvi::store::{FormatEntry, FormatOrigin};
use parvi::tui::app::App;
use parvi::tui::overlay::Overlay;
use ratatui::style::Modifier;

/// The sizes the wall is drawn at: a laptop's terminal and a projector.
const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

fn phase(id: &str, kind: PhaseKind, title: &str, prompt: &str, minutes: u32) -> Phase {
    Phase {
        id: id.into(),
        kind,
        title: Localized::all(title),
        prompt: Localized::all(prompt),
        text: Localized::default(),
        minutes,
        turn_seconds: None,
        order: None,
        speakers: None,
        pass_allowed: true,
        attributed: false,
        private: None,
        vote: None,
        whole_year: false,
    }
}

/// A format made for these tests: silent writing (private), the ideas on the wall,
/// grouping, and a named round of ideas.
fn ideas_format() -> Format {
    let mut named = phase(
        "named",
        PhaseKind::Ideas,
        "Nimelliset ehdotukset",
        "Kuka vie minkäkin idean eteenpäin?",
        5,
    );
    named.attributed = true;
    Format {
        schema: parvi::model::SCHEMA_VERSION,
        name: "ideapaja".into(),
        title: Localized::all("Ideapaja"),
        description: Localized::default(),
        sources: Vec::new(),
        phases: vec![
            phase(
                "write",
                PhaseKind::Writing,
                "Hiljainen kirjoitus",
                "Miten välitunneista tulisi viihtyisämpiä?",
                5,
            ),
            phase(
                "show",
                PhaseKind::Ideas,
                "Ideat seinälle",
                "Lukekaa ideat ääneen.",
                10,
            ),
            phase(
                "group",
                PhaseKind::Grouping,
                "Ryhmittely",
                "Mitkä ideat kuuluvat yhteen?",
                10,
            ),
            named,
        ],
    }
}

/// The sample group's meeting in [`ideas_format`], in its first item (silent writing).
fn ideas_meeting(lang: Lang) -> App {
    let mut data = data_sample();
    data.formats.push(FormatEntry {
        format: ideas_format(),
        origin: FormatOrigin::File("/parvi-test/formats/ideapaja.json".into()),
    });
    let format = data.formats.len() - 1;
    let (mut app, clock) = app_with(lang, data);
    app.start_meeting(0, format, "Välitunnit", Vec::new());
    assert!(app.meeting().is_some(), "the meeting started");
    app.cx.effects.clear();
    // 42 s into the first item: its clock shows 4:18 left.
    clock.advance(42_000);
    CLOCK.with(|c| *c.borrow_mut() = Some(clock));
    app
}

thread_local! {
    /// The clock of this test's meeting (each test runs on a thread of its own).
    static CLOCK: std::cell::RefCell<Option<std::rc::Rc<parvi::tui::clock::ManualClock>>> =
        const { std::cell::RefCell::new(None) };
}

/// Moves the meeting clock on by `ms`.
fn advance(ms: u64) {
    CLOCK.with(|c| c.borrow().as_ref().expect("a meeting").advance(ms));
}

/// The facilitator looks up after closing the idea field: past the guard that keeps
/// letters typed on from running commands.
fn look_up() {
    advance(parvi::tui::overlay::CLOSING_GUARD_MS);
}

const IDEAS: [&str; 3] = [
    "Penkkejä pihalle",
    "Musiikkia ruokalaan välitunnilla",
    "Pingispöytä aulaan",
];

/// Thirty ideas of a real afternoon, short and long.
const MANY: [&str; 30] = [
    "Penkkejä pihalle",
    "Musiikkia ruokalaan välitunnilla",
    "Pingispöytä aulaan",
    "Välituntiliikuntaa opiskelijakunnan vetämänä kerran viikossa",
    "Hiljainen huone lepoon",
    "Pidempi ruokatauko",
    "Kasveja käytäville",
    "Lainattavia pelejä ja pallot kirjastosta",
    "Mikroaaltouuneja lisää, jonot ovat pitkiä",
    "Aamupala kaikille ennen ensimmäistä tuntia",
    "Sohvia aulaan",
    "Kahvila-automaatti",
    "Taukojumppa videolta",
    "Ulkona syöminen keväällä",
    "Teemapäiviä eri aloille",
    "Opettajat mukaan välituntipeleihin",
    "Parempi valaistus pihalle talvella",
    "Pyöräkatos",
    "Kännykän latauspisteitä",
    "Lukunurkkaus",
    "Tauko kesken pitkien työsalipäivien",
    "Viihtyisämpi odotustila terveydenhoitajan luona",
    "Palautelaatikko ruokalaan",
    "Kasvisvaihtoehto joka päivä",
    "Vesipisteitä lisää",
    "Roska-astioita ja kierrätys pihalle",
    "Välituntivalvojat tutuiksi",
    "Oma tila opiskelijakunnalle",
    "Biljardipöytä",
    "Ilmoitustaulu tapahtumille",
];

/// Types ideas in a row: one key opens the field, Enter adds and opens the next one, Esc
/// stops.
fn type_ideas(app: &mut App, ideas: &[&str]) {
    keys(app, "<enter>");
    for idea in ideas {
        assert_eq!(
            overlay_kind(app),
            Some("prompt"),
            "the field is open for {idea}"
        );
        keys(app, idea);
        keys(app, "<enter>");
    }
    keys(app, "<esc>");
    assert_eq!(overlay_kind(app), None, "Esc closes the field");
    look_up();
}

/// The ideas on the meeting, as (number, text), live ones only.
fn live(app: &App) -> Vec<(u32, String)> {
    state(app)
        .live_ideas()
        .map(|i| (i.id, i.text.clone()))
        .collect()
}

/// Goes to agenda item `n` (1-based) with the go-to picker.
fn go_to(app: &mut App, n: usize) {
    keys(app, &format!("g{n}"));
    assert_eq!(state(app).phase, Some(n - 1), "item {n} is running");
}

/// A meeting in item 2 (ideas on the wall, not private) with `ideas` typed in.
fn ideas_on_the_wall(ideas: &[&str]) -> App {
    let mut app = ideas_meeting(Lang::Fi);
    go_to(&mut app, 2);
    type_ideas(&mut app, ideas);
    app
}

/// The footer: the last two rows.
fn footer(app: &App, width: u16, height: u16) -> String {
    let screen = rows(render(app, width, height).backend().buffer());
    screen[screen.len() - 2..].join("\n")
}

/// The rows of the screen whose text starts (after spaces) with `start`.
fn rows_starting(screen: &str, start: &str) -> Vec<usize> {
    screen
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with(start))
        .map(|(i, _)| i)
        .collect()
}

fn prompt(app: &App) -> (String, String) {
    match &app.overlay {
        Some(Overlay::Prompt(p)) => (p.title.clone(), p.input.value().to_string()),
        other => panic!("no text field open: {other:?}"),
    }
}

fn picker(app: &App) -> (String, Vec<String>, usize) {
    match &app.overlay {
        Some(Overlay::Picker(p)) => (
            p.title.clone(),
            p.items.iter().map(|i| i.label.clone()).collect(),
            p.selected,
        ),
        other => panic!("no picker open: {other:?}"),
    }
}

fn snapshot(name: &str, app: &App) {
    for (width, height) in SIZES {
        let terminal = render(app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

// ---- private writing ---------------------------------------------------------------------

#[test]
fn private_writing_shows_a_count_until_the_ideas_are_revealed() {
    let mut app = ideas_meeting(Lang::Fi);
    assert_eq!(
        state(&app).current_phase().map(|p| p.kind),
        Some(PhaseKind::Writing)
    );

    // The field masks what is typed, and says truthfully what the wall shows.
    keys(&mut app, "<enter>Penkkejä pihalle");
    let typing = screen_text(&app, 80, 24);
    assert!(typing.contains("••••••••••••••••"), "{typing}");
    assert!(!typing.contains("Penkkejä"), "{typing}");
    assert!(
        typing.contains("Seinällä näkyy vain •••, ei tekstiä."),
        "{typing}"
    );
    // One screen is the wall: Tab does not show the text to "the typist only".
    keys(&mut app, "<tab>");
    let tabbed = screen_text(&app, 80, 24);
    assert!(
        !tabbed.contains("Penkkejä"),
        "Tab showed a private idea:
{tabbed}"
    );
    assert_eq!(prompt(&app).1, "Penkkejä pihalle", "Tab typed nothing");

    // Enter adds it and opens the field again, for the next note of the stack.
    keys(&mut app, "<enter>");
    assert_eq!(prompt(&app), ("Uusi idea nro 2".into(), String::new()));
    keys(
        &mut app,
        "Musiikkia ruokalaan välitunnilla<enter>Pingispöytä aulaan<enter>",
    );
    // Enter on an empty field is done, like Esc.
    keys(&mut app, "<enter>");
    assert_eq!(overlay_kind(&app), None);
    look_up();
    assert_eq!(live(&app).len(), 3);
    assert!(
        state(&app)
            .ideas
            .iter()
            .all(|i| i.hidden && i.author.is_none())
    );

    for (width, height) in SIZES {
        let screen = screen_text(&app, width, height);
        for idea in IDEAS {
            assert!(!screen.contains(idea), "{idea} is on the wall:\n{screen}");
        }
        assert!(screen.contains("ideaa kirjoitettu"), "{screen}");
        assert!(screen.contains("näytetään (r)."), "{screen}");
    }
    // Nothing of a hidden idea can be opened: no edit, remove or merge.
    let hidden_footer = footer(&app, 80, 24);
    assert!(hidden_footer.contains("r näytä ideat"), "{hidden_footer}");
    assert!(!hidden_footer.contains("muokkaa"), "{hidden_footer}");
    assert!(!hidden_footer.contains("yhdistä"), "{hidden_footer}");
    for key in ["e", "x", "m", "<down>"] {
        keys(&mut app, key);
        assert_eq!(overlay_kind(&app), None, "{key} opened something");
    }
    snapshot("writing_hidden", &app);

    // Revealing asks first; Esc keeps them hidden.
    keys(&mut app, "r");
    match &app.overlay {
        Some(Overlay::Confirm(c)) => assert!(c.question.contains("(3)"), "{}", c.question),
        other => panic!("no question: {other:?}"),
    }
    keys(&mut app, "<esc>");
    assert!(state(&app).ideas.iter().all(|i| i.hidden));
    keys(&mut app, "ry");
    assert!(state(&app).ideas.iter().all(|i| !i.hidden));

    // Now they are on the wall, numbered in the order written.
    let screen = screen_text(&app, 80, 24);
    for (n, idea) in IDEAS.iter().enumerate() {
        let row = format!("{} {idea}", n + 1);
        assert_eq!(rows_starting(&screen, &row).len(), 1, "{row}:\n{screen}");
    }
    assert!(!screen.contains("ideaa kirjoitettu"));
    assert!(!footer(&app, 80, 24).contains("näytä ideat"));
    snapshot("revealed", &app);

    // A new idea in the private phase is hidden again: counted, not shown.
    keys(&mut app, "<enter>Oma tila opiskelijakunnalle<enter><esc>");
    let screen = screen_text(&app, 80, 24);
    assert!(!screen.contains("Oma tila"), "{screen}");
    assert!(screen.contains("Jo esillä: 3"), "{screen}");
}

#[test]
fn letters_typed_on_just_after_the_field_closed_run_no_commands() {
    let mut app = ideas_meeting(Lang::Fi);
    // A writer types two private ideas, presses Enter twice (the field closes) and types
    // on: "ry" would reveal every private idea, "x" remove one.
    keys(
        &mut app,
        "<enter>Penkkejä pihalle<enter>Pingispöytä aulaan<enter><enter>",
    );
    assert_eq!(overlay_kind(&app), None, "the empty Enter closed the field");
    keys(&mut app, "ry ja vielä x");
    assert_eq!(overlay_kind(&app), None, "a letter opened a dialog");
    assert!(
        state(&app).ideas.iter().all(|i| i.hidden),
        "letters typed on revealed the private ideas"
    );
    let said = screen_text(&app, 80, 24);
    assert!(said.contains("Kenttä oli jo suljettu"), "{said}");

    // Each letter started the guard again; once the writer stops, the keys are commands.
    advance(parvi::tui::overlay::CLOSING_GUARD_MS - 1);
    keys(&mut app, "r");
    assert_eq!(overlay_kind(&app), None, "still the tail of the typing");
    look_up();
    keys(&mut app, "r");
    assert_eq!(overlay_kind(&app), Some("confirm"), "r asks to reveal");
    keys(&mut app, "<esc>");

    // Enter reopens the field at once: it is no letter.
    keys(&mut app, "<enter>Kasveja<esc>");
    keys(&mut app, "<enter>");
    assert_eq!(overlay_kind(&app), Some("prompt"));
}

#[test]
fn the_selected_idea_is_marked_on_the_wall() {
    let mut app = ideas_on_the_wall(&IDEAS);
    keys(&mut app, "<up><up><up>");
    // The second idea's number, at both sizes (big letters at 160x45: the whole line).
    keys(&mut app, "<down>");
    let terminal = render(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    let screen = rows(buffer);
    let row = rows_starting(&screen.join("\n"), "2 Musiikkia")[0];
    let column = screen[row].find('2').unwrap() as u16;
    let marked = |y: usize| {
        buffer[(column, y as u16)]
            .modifier
            .contains(Modifier::REVERSED)
    };
    assert!(marked(row), "the selected idea is shown reversed");
    let first = rows_starting(&screen.join("\n"), "1 Penkkejä")[0];
    assert!(!marked(first), "only the selected one");
}

// ---- the list ----------------------------------------------------------------------------

#[test]
fn edit_remove_and_merge_keep_the_numbers_people_saw() {
    let mut app = ideas_on_the_wall(&IDEAS);
    assert_eq!(
        live(&app).iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        [1, 2, 3]
    );

    // Edit idea 2: the field holds its text.
    keys(&mut app, "<up>e");
    assert_eq!(
        prompt(&app),
        (
            "Muokkaa ideaa 2".into(),
            "Musiikkia ruokalaan välitunnilla".into()
        )
    );
    keys(&mut app, " ja aulaan<enter>");
    assert_eq!(
        state(&app).idea(2).unwrap().text,
        "Musiikkia ruokalaan välitunnilla ja aulaan"
    );

    // Remove idea 1: asked first, with its text.
    keys(&mut app, "<up>x");
    match &app.overlay {
        Some(Overlay::Confirm(c)) => {
            assert_eq!(c.question, "Poistetaanko idea 1? ”Penkkejä pihalle”")
        }
        other => panic!("no question: {other:?}"),
    }
    keys(&mut app, "<esc>");
    assert!(state(&app).idea(1).is_some(), "Esc keeps it");
    keys(&mut app, "xy");
    assert!(state(&app).idea(1).is_none());

    // A fourth idea gets number 4, not 1 again.
    keys(&mut app, "<enter>Roska-astioita pihalle<enter><esc>");
    look_up();
    assert_eq!(state(&app).ideas.last().unwrap().id, 4);

    // Merge idea 4 (selected: the newest) into idea 3: the picker lists the others under
    // the numbers the wall shows, and the digit 3 picks idea 3 (not the third row).
    keys(&mut app, "m");
    let (title, items, _) = picker(&app);
    assert_eq!(title, "Mihin ideaan idea 4 yhdistetään?");
    assert_eq!(
        items,
        [
            "Musiikkia ruokalaan välitunnilla ja aulaan",
            "Pingispöytä aulaan"
        ]
    );
    let merging = screen_text(&app, 80, 24);
    assert!(merging.contains("│2 Musiikkia"), "{merging}");
    assert!(merging.contains("│3 Pingispöytä aulaan"), "{merging}");
    keys(&mut app, "3");
    assert_eq!(
        live(&app),
        [
            (2, "Musiikkia ruokalaan välitunnilla ja aulaan".to_string()),
            (3, "Pingispöytä aulaan / Roska-astioita pihalle".to_string()),
        ]
    );
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("Idea 4 on nyt osa ideaa 3."), "{screen}");
    // The numbers on the wall are the ones people saw: 2 and 3, no 1, no 4.
    assert_eq!(rows_starting(&screen, "2 Musiikkia").len(), 1, "{screen}");
    assert_eq!(rows_starting(&screen, "3 Pingispöytä").len(), 1, "{screen}");
    assert!(rows_starting(&screen, "1 ").is_empty(), "{screen}");
    assert!(rows_starting(&screen, "4 ").is_empty(), "{screen}");
    assert!(screen.contains("2 ideaa"), "{screen}");
}

#[test]
fn the_footer_offers_only_what_can_be_done() {
    let mut app = ideas_meeting(Lang::Fi);
    go_to(&mut app, 2);
    let empty = footer(&app, 160, 45);
    assert!(empty.contains("Enter uusi idea"), "{empty}");
    for absent in ["muokkaa", "poista", "yhdistä", "näytä ideat", "sivu"] {
        assert!(!empty.contains(absent), "{absent} offered:\n{empty}");
    }
    assert!(screen_text(&app, 80, 24).contains("Ei vielä ideoita – kirjoita ensimmäinen (Enter)."));

    type_ideas(&mut app, &IDEAS[..1]);
    let one = footer(&app, 160, 45);
    assert!(
        one.contains("e muokkaa ideaa") && one.contains("x poista idea"),
        "{one}"
    );
    assert!(!one.contains("yhdistä"), "merging needs two ideas:\n{one}");
    keys(&mut app, "m");
    assert_eq!(overlay_kind(&app), None, "nothing to merge with");

    type_ideas(&mut app, &IDEAS[1..2]);
    assert!(footer(&app, 160, 45).contains("m yhdistä ideat"));
    assert!(
        !footer(&app, 160, 45).contains("näytä ideat"),
        "nothing is hidden"
    );
}

// ---- paging --------------------------------------------------------------------------------

#[test]
fn a_long_list_is_paged_and_the_paging_keys_move_the_selection() {
    let mut app = ideas_on_the_wall(&MANY);
    assert_eq!(live(&app).len(), 30);

    // The newest idea is selected, so its page shows: the last one.
    let screen = screen_text(&app, 80, 24);
    let total = screen
        .lines()
        .find_map(|l| l.split("sivu ").nth(1))
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.split('/').nth(1))
        .map(|s| s.parse::<usize>().unwrap())
        .expect("a page number");
    assert!(total >= 2, "{screen}");
    assert!(
        screen.contains(&format!("sivu {total}/{total}")),
        "{screen}"
    );
    assert!(
        rows_starting(&screen, "30 Ilmoitustaulu").len() == 1,
        "{screen}"
    );
    assert!(footer(&app, 80, 24).contains("← edellinen sivu"));
    assert!(!footer(&app, 80, 24).contains("→ seuraava sivu"));

    // Back to the first page a page at a time; the selection comes along.
    for page in (1..total).rev() {
        keys(&mut app, "<left>");
        let screen = screen_text(&app, 80, 24);
        assert!(screen.contains(&format!("sivu {page}/{total}")), "{screen}");
    }
    let first = screen_text(&app, 80, 24);
    assert_eq!(rows_starting(&first, "1 Penkkejä").len(), 1, "{first}");
    assert!(!first.contains("Ilmoitustaulu"));
    assert!(!footer(&app, 80, 24).contains("← edellinen sivu"));
    keys(&mut app, "<left>");
    assert!(screen_text(&app, 80, 24).contains(&format!("sivu 1/{total}")));
    snapshot("paged", &app);

    // The next page: its first idea is selected, so that is the one edited.
    app.area = ratatui::layout::Rect::new(0, 0, 80, 24);
    keys(&mut app, "<right>");
    let second = screen_text(&app, 80, 24);
    assert!(second.contains(&format!("sivu 2/{total}")), "{second}");
    let top = second
        .lines()
        .skip_while(|l| !l.contains("sivu 2/"))
        .skip(1)
        .find_map(|l| {
            l.split_whitespace()
                .next()
                .and_then(|w| w.parse::<u32>().ok())
        })
        .expect("a numbered idea on page 2");
    keys(&mut app, "e");
    assert_eq!(prompt(&app).0, format!("Muokkaa ideaa {top}"));
    keys(&mut app, "<esc>");

    // Down past the page's last idea turns the page too.
    for _ in 0..30 {
        keys(&mut app, "<down>");
    }
    assert!(screen_text(&app, 80, 24).contains(&format!("sivu {total}/{total}")));

    // On a projector the same ideas need fewer pages.
    let wide = screen_text(&app, 160, 45);
    let wide_total = wide
        .lines()
        .find_map(|l| l.split("sivu ").nth(1))
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.split('/').nth(1))
        .map_or(1, |s| s.parse::<usize>().unwrap());
    assert!(wide_total < total, "{wide}");
}

// ---- names -------------------------------------------------------------------------------

#[test]
fn the_writer_is_asked_and_recorded_only_where_the_phase_records_names() {
    let mut app = ideas_meeting(Lang::Fi);
    // Not in the anonymous phases: straight to the next idea.
    go_to(&mut app, 2);
    keys(&mut app, "<enter>Penkkejä pihalle<enter>");
    assert_eq!(prompt(&app).0, "Uusi idea nro 2");
    keys(&mut app, "<esc>");
    look_up();
    assert_eq!(state(&app).ideas[0].author, None);

    // The named phase asks after the text: those present, then anonymous.
    go_to(&mut app, 4);
    keys(&mut app, "<enter>Pingispöytä aulaan<enter>");
    let (title, items, selected) = picker(&app);
    assert_eq!(title, "Kuka kirjoitti idean 2?");
    let present: Vec<String> = state(&app).present().map(|p| p.name.clone()).collect();
    assert_eq!(items.len(), present.len() + 1);
    assert_eq!(items[..present.len()], present[..]);
    assert_eq!(items.last().unwrap(), "Nimettömänä");
    assert_eq!(selected, 0);
    keys(&mut app, "2");
    let mikko = state(&app).present().nth(1).unwrap().clone();
    assert_eq!(state(&app).ideas[1].author.as_ref(), Some(&mikko.id));
    // Then the field opens again; the same writer is offered first.
    assert_eq!(prompt(&app).0, "Uusi idea nro 3");
    keys(&mut app, "Biljardipöytä<enter>");
    assert_eq!(picker(&app).2, 1);
    keys(&mut app, "<enter>");
    assert_eq!(state(&app).ideas[2].author.as_ref(), Some(&mikko.id));
    // Anonymous is the last item.
    keys(&mut app, "Lukunurkkaus<enter>");
    keys(&mut app, &format!("{}", (present.len() + 1) % 10));
    assert_eq!(state(&app).ideas[3].author, None);
    keys(&mut app, "<esc>");
    look_up();

    // Names show only in the phase that records them.
    let screen = screen_text(&app, 80, 24);
    assert_eq!(screen.matches("– Mikko Korhonen").count(), 2, "{screen}");
    go_to(&mut app, 2);
    assert!(!screen_text(&app, 80, 24).contains("– Mikko Korhonen"));
}

// ---- grouping ----------------------------------------------------------------------------

#[test]
fn grouping_puts_ideas_into_named_themes_and_shows_each_theme_with_its_ideas() {
    let mut app = ideas_meeting(Lang::Fi);
    type_ideas(
        &mut app,
        &[
            "Penkkejä pihalle",
            "Pidempi ruokatauko",
            "Sohvia aulaan",
            "Kasvisvaihtoehto joka päivä",
            "Biljardipöytä",
        ],
    );
    keys(&mut app, "ry");
    go_to(&mut app, 3);
    let start = screen_text(&app, 80, 24);
    assert!(
        start.contains("Ei vielä teemoja – luo ensimmäinen (t)."),
        "{start}"
    );
    assert!(start.contains("Ilman teemaa (5)"), "{start}");

    // Without themes, Enter names the first one and puts the selected idea (1) into it; the
    // selection moves on to the next idea without a theme.
    keys(&mut app, "<enter>");
    assert_eq!(prompt(&app).0, "Uuden teeman nimi");
    keys(&mut app, "Viihtyisyys<enter>");
    // Idea 2 into a new theme from the picker: the themes, no theme, new theme.
    keys(&mut app, "<enter>");
    let (title, items, _) = picker(&app);
    assert_eq!(title, "Mihin teemaan idea 2 kuuluu?");
    assert_eq!(items, ["Viihtyisyys", "Ei teemaa", "+ Uusi teema"]);
    keys(&mut app, "3Ruoka<enter>");
    // Idea 3 to Viihtyisyys, idea 4 to Ruoka; idea 5 stays without a theme.
    keys(&mut app, "<enter>1<enter>2");

    let themes: Vec<(u32, String)> = state(&app)
        .themes
        .iter()
        .map(|t| (t.id, t.name.clone()))
        .collect();
    assert_eq!(themes, [(1, "Viihtyisyys".into()), (2, "Ruoka".into())]);
    let theme_of = |n: u32| state(&app).idea(n).unwrap().theme;
    assert_eq!(
        (1..=5).map(theme_of).collect::<Vec<_>>(),
        [Some(1), Some(2), Some(1), Some(2), None]
    );

    // The wall: each theme with its ideas under it, then the ideas without a theme.
    let screen = screen_text(&app, 80, 24);
    let at = |start: &str| {
        let found = rows_starting(&screen, start);
        assert_eq!(found.len(), 1, "{start}:\n{screen}");
        found[0]
    };
    let order = [
        at("Viihtyisyys (2)"),
        at("1 Penkkejä pihalle"),
        at("3 Sohvia aulaan"),
        at("Ruoka (2)"),
        at("2 Pidempi ruokatauko"),
        at("4 Kasvisvaihtoehto"),
        at("Ilman teemaa (1)"),
        at("5 Biljardipöytä"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{screen}");
    snapshot("grouping", &app);

    // Renaming: pick the theme, edit its name.
    keys(&mut app, "T");
    assert_eq!(picker(&app).1, ["Viihtyisyys", "Ruoka"]);
    keys(&mut app, "2");
    assert_eq!(prompt(&app), ("Teeman uusi nimi".into(), "Ruoka".into()));
    keys(&mut app, " ja juoma<enter>");
    assert_eq!(state(&app).themes[1].name, "Ruoka ja juoma");
    assert!(screen_text(&app, 80, 24).contains("Ruoka ja juoma (2)"));

    // Taking an idea out of its theme: "no theme".
    keys(&mut app, "<up><enter>");
    let (title, _, _) = picker(&app);
    let n: u32 = title
        .split_whitespace()
        .find_map(|w| w.parse().ok())
        .unwrap();
    keys(&mut app, "3");
    assert_eq!(state(&app).idea(n).unwrap().theme, None);
}

#[test]
fn every_language_has_its_words_on_the_wall() {
    for (lang, count, key) in [
        (Lang::Fi, "ideaa kirjoitettu", "uusi idea"),
        (Lang::Sv, "idéer skrivna", "ny idé"),
        (Lang::En, "ideas written", "new idea"),
    ] {
        let mut app = ideas_meeting(lang);
        type_ideas(&mut app, &IDEAS[..2]);
        let screen = screen_text(&app, 80, 24);
        assert!(screen.contains(count), "{lang:?}:\n{screen}");
        assert!(footer(&app, 80, 24).contains(key), "{lang:?}");
    }
}
