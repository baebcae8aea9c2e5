//! Review benchmarks against DESIGN §8 with 10,000 meetings in the store: the archive's list
//! and filters, the text search (budget 100 ms), the search cache (`search.txt`) read when
//! the review opens and built when it is missing, a keystroke in the search field, and a
//! drawn archive frame (lists hand only the visible rows to the renderer).
//!
//! Run with `cargo bench --bench review`. The 10,000 session files are generated once into a
//! temporary directory (see `benches/common`): one realistic meeting re-dated and re-numbered,
//! its topic `Kokous <n>`, so each meeting's searchable text is about 1 KB.

use std::rc::Rc;
use std::sync::OnceLock;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use parvi::i18n::Lang;
use parvi::store::search::{self, Filter, Query, SearchIndex};
use parvi::store::{Origin, Paths, Store, Summary};
use parvi::tui::app::{App, Data, Screen};
use parvi::tui::clock::ManualClock;
use parvi::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

fn main() {
    divan::main();
}

fn store() -> Store {
    Store::open_read_only(Paths::at(common::data_dir(), Origin::Flag))
}

/// The 10,000 summaries, newest first, and their searchable text, as the review holds them.
fn loaded() -> &'static (Vec<Summary>, SearchIndex) {
    static LOADED: OnceLock<(Vec<Summary>, SearchIndex)> = OnceLock::new();
    LOADED.get_or_init(|| {
        // A writable store once, so that `search.txt` exists as a running parvi leaves it.
        let writer = Store::open(Paths::at(common::data_dir(), Origin::Flag)).unwrap();
        let summaries = writer.sessions().summaries;
        let index = writer.search_index(&summaries);
        assert_eq!(index.len(), common::SESSIONS);
        drop(writer);
        (summaries, index)
    })
}

fn tz() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::UTC
}

// ---- the search cache ------------------------------------------------------------------------

/// What the loop does when the archive opens: read `search.txt` (about 10 MB) and check it
/// against the list.
#[divan::bench(sample_count = 20)]
fn search_cache_load_10k(bencher: divan::Bencher) {
    let (summaries, _) = loaded();
    let store = store();
    bencher.bench(|| {
        let index = store.search_index(summaries);
        assert_eq!(index.len(), common::SESSIONS);
        index
    });
}

/// The cold case, once: no `search.txt`, every log parsed for its text.
#[divan::bench(sample_count = 3)]
fn search_cache_build_10k_cold(bencher: divan::Bencher) {
    let (summaries, _) = loaded();
    let sessions = common::data_dir().join("sessions");
    bencher.bench(|| {
        search::update(
            &sessions,
            SearchIndex::default(),
            summaries,
            Default::default(),
        )
    });
}

/// The index refresh of a writable parvi with nothing changed: the search cache costs one
/// line read (compare `store::list_10k_sessions_from_index`).
#[divan::bench(sample_count = 20)]
fn refresh_10k_with_search_cache_unchanged(bencher: divan::Bencher) {
    loaded();
    let paths = Paths::at(common::data_dir(), Origin::Flag);
    bencher.bench(|| parvi::store::refresh_sessions(&paths, true));
}

// ---- filtering and searching 10,000 meetings ------------------------------------------------

fn run(filter: &Filter) -> usize {
    let (summaries, index) = loaded();
    filter.apply(summaries, Some(index), &tz()).len()
}

#[divan::bench]
fn list_10k_unfiltered(bencher: divan::Bencher) {
    let filter = Filter::default();
    bencher.bench(|| assert_eq!(run(&filter), common::SESSIONS));
}

/// One group, one format, one year.
#[divan::bench]
fn filter_10k_group_format_dates(bencher: divan::Bencher) {
    let (summaries, _) = loaded();
    let filter = Filter {
        group: Some(summaries[0].group_id.clone()),
        format: Some(summaries[0].format.clone()),
        from: Some(jiff::civil::date(2022, 1, 1)),
        to: Some(jiff::civil::date(2022, 12, 31)),
        ..Filter::default()
    };
    bencher.bench(|| assert!(run(&filter) > 0));
}

/// A word only one meeting has (its topic).
#[divan::bench]
fn search_10k_rare_word(bencher: divan::Bencher) {
    let filter = Filter {
        query: Query::new("4217"),
        ..Filter::default()
    };
    bencher.bench(|| assert_eq!(run(&filter), 1));
}

/// A word of an idea every meeting has.
#[divan::bench]
fn search_10k_common_word(bencher: divan::Bencher) {
    let filter = Filter {
        query: Query::new("Oleskelutilat"),
        ..Filter::default()
    };
    bencher.bench(|| assert_eq!(run(&filter), common::SESSIONS));
}

/// A word nobody wrote: every meeting's whole text is scanned.
#[divan::bench]
fn search_10k_no_match(bencher: divan::Bencher) {
    let filter = Filter {
        query: Query::new("kvanttifysiikka"),
        ..Filter::default()
    };
    bencher.bench(|| assert_eq!(run(&filter), 0));
}

/// Three words, with Finnish letters typed in capitals.
#[divan::bench]
fn search_10k_three_words(bencher: divan::Bencher) {
    let filter = Filter {
        query: Query::new("RUOKALAN jonot VÄLITUNNILLA"),
        ..Filter::default()
    };
    bencher.bench(|| assert_eq!(run(&filter), common::SESSIONS));
}

// ---- the app ---------------------------------------------------------------------------------

/// The archive of 10,000 meetings, its search text loaded.
fn archive_app() -> App {
    let (summaries, index) = loaded();
    let data = Data {
        sessions: summaries.clone(),
        sessions_dir: common::data_dir().join("sessions"),
        ..Data::default()
    };
    let mut app = App::new(
        Lang::Fi,
        Theme::new(false),
        Rc::new(ManualClock::new("2026-11-03T11:00:00Z".parse().unwrap())),
        tz(),
        data,
        1,
    );
    app.act(parvi::tui::keymap::Action::Review);
    assert!(matches!(app.screen, Screen::Review(_)));
    app.set_search(index.clone());
    app
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// Opening the archive from home: the list of 10,000, unfiltered.
#[divan::bench(sample_count = 50)]
fn open_archive_10k(bencher: divan::Bencher) {
    let (summaries, _) = loaded();
    let data = Data {
        sessions: summaries.clone(),
        ..Data::default()
    };
    bencher
        .with_inputs(|| {
            App::new(
                Lang::Fi,
                Theme::new(false),
                Rc::new(ManualClock::new("2026-11-03T11:00:00Z".parse().unwrap())),
                tz(),
                data.clone(),
                1,
            )
        })
        .bench_local_values(|mut app| {
            app.handle_event(&key('v'));
            app
        });
}

/// One key typed into the search field: the list is filtered again at once.
#[divan::bench(sample_count = 50)]
fn keystroke_in_search_10k(bencher: divan::Bencher) {
    let mut app = archive_app();
    app.handle_event(&key('/'));
    for c in "liikunta".chars() {
        app.handle_event(&key(c));
    }
    let backspace = Event::Key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    let mut typed = false;
    bencher.bench_local(|| {
        // Alternately "liikuntas" and "liikunta": a real refilter every time.
        if typed {
            app.handle_event(&backspace);
        } else {
            app.handle_event(&key('s'));
        }
        typed = !typed;
    });
}

/// One 200x60 frame of the archive of 10,000 meetings, searched.
#[divan::bench(sample_count = 200)]
fn archive_frame_200x60_10k(bencher: divan::Bencher) {
    let mut app = archive_app();
    for c in "/ruokalan<enter>".replace("<enter>", "\r").chars() {
        if c == '\r' {
            app.handle_event(&Event::Key(KeyEvent::new(
                KeyCode::Enter,
                KeyModifiers::NONE,
            )));
        } else {
            app.handle_event(&key(c));
        }
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    });
}

/// A group's trends with all 10,000 meetings in that one group, from the logs (as the loop
/// read them for `t` before the figures cache, and still does for files the cache lacks):
/// every log loaded, replayed and dropped, oldest first (a real group has tens).
#[divan::bench(sample_count = 3)]
fn trend_of_a_group_of_10k(bencher: divan::Bencher) {
    let (summaries, _) = loaded();
    let store = store();
    bencher.bench(|| {
        let mut data = parvi::tui::screens::review::trend::TrendData::default();
        for s in summaries.iter().rev() {
            let path = store.paths.sessions().join(&s.file);
            if let Ok((record, _)) = store.load_session(&path) {
                data.add(&record);
            }
        }
        assert_eq!(data.points.len(), common::SESSIONS);
        data
    });
}

/// The same trends as the loop reads them now: each meeting's figures from `figures.jsonl`
/// (warm, every file unchanged), no log parsed.
#[divan::bench(sample_count = 10)]
fn trend_of_a_group_of_10k_from_figures(bencher: divan::Bencher) {
    let (summaries, _) = loaded();
    let store = store();
    let files: Vec<_> = summaries
        .iter()
        .rev()
        .map(|s| store.paths.sessions().join(&s.file))
        .collect();
    bencher.bench(|| {
        let mut data = parvi::tui::screens::review::trend::TrendData::default();
        for figures in parvi::store::figures::of_files(&store.paths, &files) {
            data.add_figures(figures.unwrap());
        }
        assert_eq!(data.points.len(), common::SESSIONS);
        data
    });
}

/// One 200x60 frame of those trends (the charts show the newest 52 meetings).
#[divan::bench(sample_count = 20)]
fn trend_frame_200x60_10k(bencher: divan::Bencher) {
    let (summaries, _) = loaded();
    let store = store();
    let mut data = parvi::tui::screens::review::trend::TrendData::default();
    for s in summaries.iter().rev() {
        let path = store.paths.sessions().join(&s.file);
        if let Ok((record, _)) = store.load_session(&path) {
            data.add(&record);
        }
    }
    let mut app = archive_app();
    app.handle_event(&key('t'));
    app.group_loaded(&summaries[0].group_id, data);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    });
}
