//! The yearly report screen in the review, driven by keys through `App::handle_event`:
//! opened with `r` from a group's trends, the school year stepped with the arrows (and `[`
//! `]`), scrolled, and closed with Esc. Snapshots at 80x24 (a laptop) and 160x45 (a
//! projector), on the manual clock of the fixtures (10 November 2026, school year
//! 2026–2027) and the three sample meetings.
//!
//! Accept new or changed snapshots with `cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test all report_screen::` and a look at `tests/snapshots/`.

use crate::app_fixture;

use app_fixture::{app_with, data_sample, effect_names, keys, render, screen_text};
use parvi::i18n::Lang;
use parvi::model::SessionRecord;
use parvi::tui::app::{App, Screen};
use parvi::tui::keymap::{Action, KeyContext};
use parvi::tui::screens::review::Page;
use parvi::tui::screens::review::trend::TrendData;

/// The three sample meetings, oldest first.
fn meetings() -> Vec<SessionRecord> {
    let mut m = parvi::simulator::meetings();
    m.sort_by_key(SessionRecord::started_at);
    m
}

/// The sample group's trends from the archive, its meetings read as the loop would.
fn trend(lang: Lang) -> App {
    let (mut app, _) = app_with(lang, data_sample());
    keys(&mut app, "v");
    let effects = keys(&mut app, "t");
    assert_eq!(effect_names(&effects), ["load_group"]);
    app.group_loaded(&meetings()[0].group.id, TrendData::of(&meetings(), 0));
    assert_eq!(app.context(), KeyContext::ReviewTrend);
    app
}

/// The report page's scroll position.
fn scroll(app: &App) -> usize {
    match &app.screen {
        Screen::Review(review) => match review.pages.last() {
            Some(Page::Report(report)) => report.scroll,
            other => panic!("not the report: {other:?}"),
        },
        other => panic!("not the review: {other:?}"),
    }
}

fn snapshot(name: &str, app: &App, width: u16, height: u16) {
    let terminal = render(app, width, height);
    insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
}

const TITLE: &str = "Osallisuusraportti: Hyvinvointiryhmä, Kotkan kampus, lukuvuosi";

#[test]
fn r_opens_this_school_years_report_of_the_group_from_its_trends() {
    let mut app = trend(Lang::Fi);
    assert!(app.offers(Action::Report));
    let effects = keys(&mut app, "r");
    assert!(
        effects.is_empty(),
        "the trends' figures are used: {effects:?}"
    );
    assert_eq!(app.context(), KeyContext::ReviewReport);
    let text = screen_text(&app, 160, 45);
    assert!(text.contains(&format!("{TITLE} 2026–2027")), "{text}");
    assert!(text.contains("Pidetyt kokoukset"), "{text}");
    snapshot("report", &app, 80, 24);
    snapshot("report", &app, 160, 45);
    // The meetings' chart and table at the top of a laptop's screen (Tab: the next
    // section, the summary, then the meetings).
    keys(&mut app, "<tab><tab>");
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("  3.11. ") && text.contains("35 %  │  38 % läsnäolijoista"),
        "{text}"
    );
    snapshot("report_meetings", &app, 80, 24);
}

#[test]
fn the_arrows_and_brackets_step_the_school_year_and_esc_goes_back_to_the_trends() {
    let mut app = trend(Lang::Fi);
    keys(&mut app, "r");
    // No report of a school year that has not begun.
    assert!(!app.offers(Action::NextYear));
    assert!(app.offers(Action::PreviousYear));
    keys(&mut app, "<left>");
    let text = screen_text(&app, 80, 24);
    assert!(text.contains(&format!("{TITLE} 2025–2026")), "{text}");
    assert!(
        text.contains("Tänä lukuvuonna ei ole pidetty kokouksia."),
        "{text}"
    );
    keys(&mut app, "[");
    assert!(screen_text(&app, 80, 24).contains(&format!("{TITLE} 2024–2025")));
    keys(&mut app, "]<right>");
    assert!(screen_text(&app, 80, 24).contains(&format!("{TITLE} 2026–2027")));
    keys(&mut app, "<right>");
    assert!(screen_text(&app, 80, 24).contains(&format!("{TITLE} 2026–2027")));
    keys(&mut app, "<esc>");
    assert_eq!(app.context(), KeyContext::ReviewTrend);
    keys(&mut app, "<esc>");
    assert_eq!(app.context(), KeyContext::Review);
}

#[test]
fn the_report_scrolls_a_line_and_a_page_at_a_time_and_a_new_year_starts_at_the_top() {
    let mut app = trend(Lang::Fi);
    keys(&mut app, "r");
    assert!(!app.offers(Action::Up));
    keys(&mut app, "<down><down>");
    assert_eq!(scroll(&app), 2);
    keys(&mut app, "<up>");
    assert_eq!(scroll(&app), 1);
    keys(&mut app, "<pgdn>");
    let paged = scroll(&app);
    assert!(paged > 10, "a page: {paged}");
    keys(&mut app, "<pgup>");
    assert_eq!(scroll(&app), 1);
    keys(&mut app, "<left>");
    assert_eq!(scroll(&app), 0);
}

#[test]
fn a_report_opened_before_the_meetings_are_read_waits_for_them() {
    let (mut app, _) = app_with(Lang::Fi, data_sample());
    keys(&mut app, "vt");
    keys(&mut app, "r");
    assert_eq!(app.context(), KeyContext::ReviewReport);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains(&format!("{TITLE} 2026–2027")), "{text}");
    assert!(text.contains("Luetaan ryhmän kokouksia"), "{text}");
    app.group_loaded(&meetings()[0].group.id, TrendData::of(&meetings(), 0));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Pidetyt kokoukset"), "{text}");
    // The trends underneath were waiting too.
    keys(&mut app, "<esc>");
    assert!(screen_text(&app, 80, 24).contains("3 kokousta"));
}

#[test]
fn the_report_in_english_on_a_projector() {
    let mut app = trend(Lang::En);
    keys(&mut app, "r");
    snapshot("report_en", &app, 160, 45);
}
