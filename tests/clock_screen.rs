//! The year-clock screen (issue 14): snapshots of the ring, the month table and the list
//! with the sample group's clock on 10 November 2026, opening it from home, turning the
//! school year, and drawing at every size without a panic.
//!
//! Accept new or changed snapshots with `cargo insta review`; review each as a picture of
//! the wall.

use crate::app_fixture;

use app_fixture::{
    app_with, data_sample, data_theme_week_overdue, home, keys, render, screen_text,
};
use parvi::i18n::Lang;
use parvi::tui::app::{App, Data, Screen};

/// Snapshots `app` at one size, named `<name>_<width>x<height>`.
fn snapshot(name: &str, app: &App, width: u16, height: u16) {
    let terminal = render(app, width, height);
    insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
}

/// The sample group's clock opened from home.
fn clock_screen(lang: Lang) -> App {
    let (mut app, _) = home(lang);
    keys(&mut app, "c");
    assert!(matches!(app.screen, Screen::Clock(_)), "the clock opened");
    app
}

/// The sample data with a second group that has no clock, listed first.
fn data_with_a_group_without_a_clock() -> Data {
    let mut data = data_sample();
    let other = parvi::model::Group::new(
        "Opiskelijakunta",
        parvi::model::GroupKind::SiteWellbeing,
        "",
        "0a0a",
    )
    .expect("a group");
    data.groups.insert(0, other);
    data
}

#[test]
fn the_clock_view_as_a_month_table_and_as_a_ring() {
    let app = clock_screen(Lang::Fi);
    for (width, height) in [(80, 24), (160, 45), (250, 70)] {
        snapshot("clock_view", &app, width, height);
    }
}

#[test]
fn the_list_view_with_the_selected_items_details() {
    let mut app = clock_screen(Lang::Fi);
    // Tab to the list, then down to the sixth item (this month's, underway).
    keys(&mut app, "<tab><down><down><down><down><down>");
    for (width, height) in [(80, 24), (160, 45)] {
        snapshot("clock_list", &app, width, height);
    }
}

#[test]
fn the_home_key_opens_the_selected_groups_clock() {
    let (mut app, _) = app_with(Lang::Fi, data_with_a_group_without_a_clock());
    // The first group has no clock: the screen offers to start one from the template.
    keys(&mut app, "c");
    assert!(matches!(app.screen, Screen::Clock(_)));
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains("Aloita vuosikello mallista: a"), "{screen}");
    keys(&mut app, "<esc>");
    // The second one has the sample clock.
    keys(&mut app, "<down>c");
    match &app.screen {
        Screen::Clock(screen) => assert_eq!(screen.group, parvi::simulator::group().id),
        other => panic!("not the clock: {other:?}"),
    }
    let text = screen_text(&app, 160, 45);
    assert!(text.contains("Hyvinvointiryhmä, Kotkan kampus"), "{text}");
    // With the focus on another list, the only group with a clock is the one opened.
    let (mut app, _) = app_with(Lang::Fi, data_with_a_group_without_a_clock());
    keys(&mut app, "<tab>c");
    assert!(matches!(app.screen, Screen::Clock(_)));
    keys(&mut app, "<esc>");
    assert!(matches!(app.screen, Screen::Home(_)));
}

#[test]
fn the_arrows_turn_the_school_year() {
    let mut app = clock_screen(Lang::Fi);
    // With the space: not the survey's results in the autumn.
    let survey = "• Kouluterveyskysely ";
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Lukuvuosi 2026-2027"), "{text}");
    // The survey is in odd years: spring 2027 is in school year 2026-2027.
    assert!(text.contains(survey), "{text}");
    keys(&mut app, "<right>");
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Lukuvuosi 2027-2028"), "{text}");
    assert!(!text.contains(survey), "{text}");
    // No month is "now" in another school year.
    assert!(!text.contains('▶'), "{text}");
    keys(&mut app, "[");
    let text = screen_text(&app, 160, 45);
    assert!(
        text.contains("2026-2027") && text.contains(survey),
        "{text}"
    );
    // The list says so too.
    keys(&mut app, "l]");
    let text = screen_text(&app, 160, 45);
    assert!(text.contains("ei tänä luku"), "{text}");
}

#[test]
fn an_overdue_item_is_marked_late_in_both_views() {
    let (mut app, _) = app_with(Lang::Fi, data_theme_week_overdue());
    keys(&mut app, "c");
    for size in [(80, 24), (160, 45)] {
        let text = screen_text(&app, size.0, size.1);
        assert!(text.contains("! Syksyn hyvinvoinnin teemaviikko"), "{text}");
    }
    keys(&mut app, "<tab>");
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("myöhässä"), "{text}");
}

#[test]
fn the_clock_speaks_every_language() {
    for (lang, heading) in [
        (Lang::Sv, "Läsåret 2026-2027"),
        (Lang::En, "School year 2026-2027"),
    ] {
        let mut app = clock_screen(lang);
        for view in ["", "<tab>"] {
            keys(&mut app, view);
            for (width, height) in [(80, 24), (160, 45)] {
                let text = screen_text(&app, width, height);
                assert!(text.contains(heading), "{lang:?}: {text}");
            }
        }
    }
}

#[test]
fn every_size_from_20x5_to_250x70_draws_without_a_panic() {
    let mut app = clock_screen(Lang::Fi);
    // A debug build tries every fifth size; an optimised one every size.
    let step = if cfg!(debug_assertions) { 5 } else { 1 };
    for view in ["", "<tab><down><down><down>"] {
        keys(&mut app, view);
        for width in (20..=250u16).step_by(step) {
            for height in (5..=70u16).step_by(step) {
                render(&app, width, height);
            }
        }
        render(&app, 250, 70);
    }
    // Below the minimum, the notice every screen gives.
    let text: String = screen_text(&app, 20, 5)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.contains("Ikkunaonliianpieni"), "{text}");
}

// ---- the editor ---------------------------------------------------------------------------

/// The clock each save asks for, in order.
fn saved_clocks(effects: &[parvi::tui::app::Effect]) -> Vec<parvi::model::clock::YearClock> {
    effects
        .iter()
        .filter_map(|e| match e {
            parvi::tui::app::Effect::SaveClock(clock) => Some((**clock).clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_group_without_a_clock_starts_one_from_the_template_in_its_language() {
    let (mut app, _) = app_with(Lang::Sv, data_with_a_group_without_a_clock());
    keys(&mut app, "c");
    // `a` asks first; "no" starts nothing.
    keys(&mut app, "a");
    assert_eq!(app_fixture::overlay_kind(&app), Some("confirm"));
    assert!(saved_clocks(&keys(&mut app, "n")).is_empty());
    let saved = saved_clocks(&keys(&mut app, "ay"));
    assert_eq!(saved.len(), 1);
    let clock = &saved[0];
    assert_eq!(clock.group, app.cx.data.groups[0].id);
    assert_eq!(clock.lang, Lang::Sv);
    let template = parvi::store::clocks::template();
    assert_eq!(clock.items.len(), template.items.len());
    // The screen shows it at once, in Swedish.
    let text = screen_text(&app, 160, 45);
    assert!(
        text.contains("Kamratstöd") || text.contains("Grupp"),
        "{text}"
    );
}

#[test]
fn the_list_edits_marks_moves_and_removes_items_each_saved() {
    use parvi::model::clock::{ItemStatus, SchoolYear, When};
    let mut app = clock_screen(Lang::Fi);
    let before = app.cx.data.clocks[0].clone();
    // On the ring, the list's keys do nothing: Tab to the list first.
    assert!(saved_clocks(&keys(&mut app, "e")).is_empty());
    keys(&mut app, "<tab><down>");
    let item = before.items[1].clone();

    // e: the title, then the description, then the students' part, each saved.
    let effects = keys(
        &mut app,
        "e<end> (syksy)<enter><enter><end> Myös huoltajat kutsutaan.<enter>",
    );
    let saves = saved_clocks(&effects);
    assert_eq!(saves.len(), 3, "a save after each prompt");
    let last = saves.last().unwrap().item(&item.id).unwrap().clone();
    assert_eq!(last.title, format!("{} (syksy)", item.title));
    assert_eq!(last.description, item.description);
    assert_eq!(
        last.students_part,
        format!("{} Myös huoltajat kutsutaan.", item.students_part)
    );
    assert_eq!(last.status, item.status, "the status stays");

    // Enter: skipped this school year.
    let saves = saved_clocks(&keys(&mut app, "<enter>4"));
    let year = SchoolYear { start: 2026 };
    let marked = saves[0].item(&item.id).unwrap().status_in(year);
    assert_eq!(marked, ItemStatus::Skipped);

    // m, 3: March, as many months as before.
    let saves = saved_clocks(&keys(&mut app, "m3"));
    let moved = saves[0].item(&item.id).unwrap();
    assert_eq!(moved.when, item.moved_to(year, 3));
    assert!(matches!(moved.when, When::Months { from: 3, .. }));
    // The list keeps it selected where the order of the year put it.
    let Screen::Clock(screen) = &app.screen else {
        panic!("not the clock")
    };
    assert_eq!(app.cx.data.clocks[0].items[screen.selected].id, item.id);

    // r: a member is added to the responsible, and removed again with the same pick.
    let saves = saved_clocks(&keys(&mut app, "r9"));
    let added = &saves[0].item(&item.id).unwrap().responsible;
    assert!(added.iter().any(|a| matches!(a,
        parvi::model::clock::Actor::Member { name, .. } if name == "Jukka Heikkinen")));
    let saves = saved_clocks(&keys(&mut app, "9<esc>"));
    assert_eq!(
        saves[0].item(&item.id).unwrap().responsible,
        item.responsible
    );

    // x asks; yes takes it off.
    assert!(saved_clocks(&keys(&mut app, "xn")).is_empty());
    let saves = saved_clocks(&keys(&mut app, "xy"));
    assert!(saves[0].item(&item.id).is_none());
    assert_eq!(saves[0].items.len(), before.items.len() - 1);

    // i: a new item in the month picked, selected in the list.
    let saves = saved_clocks(&keys(&mut app, "iVanhempainilta<enter>9"));
    let new = saves[0].items.iter().find(|i| i.title == "Vanhempainilta");
    let new = new.expect("the new item");
    assert_eq!(new.when, When::Months { from: 9, to: 9 });
    assert!(screen_text(&app, 160, 45).contains("Vuosikelloon lisättiin Vanhempainilta"));
}

#[test]
fn a_read_only_copy_edits_nothing_and_says_why() {
    let mut data = data_sample();
    data.access = parvi::tui::app::Access::ReadOnly {
        holder_pid: Some(4242),
    };
    let (mut app, _) = app_with(Lang::Fi, data);
    keys(&mut app, "c<tab>");
    let effects = keys(&mut app, "e<enter>xi");
    assert!(saved_clocks(&effects).is_empty());
    assert_eq!(app_fixture::overlay_kind(&app), None);
    let flash = app.cx.flash.clone().expect("a message");
    assert!(flash.text.contains("vain katsella"), "{}", flash.text);
}
