//! Drawing benchmarks against DESIGN §8: the first frame with 10,000 meetings in the store,
//! and a full 200x60 meeting frame.
//!
//! Run with `cargo bench --bench render`.

use std::rc::Rc;

use parvi::i18n::Lang;
use parvi::store::{FormatEntry, FormatOrigin, Origin, Paths, Store};
use parvi::tui::app::{App, Data};
use parvi::tui::clock::ManualClock;
use parvi::tui::keymap::Action;
use parvi::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

fn main() {
    divan::main();
}

fn clock() -> Rc<ManualClock> {
    Rc::new(ManualClock::new("2026-11-03T11:00:00Z".parse().unwrap()))
}

/// From an open store to a drawn home screen: what happens before the first frame.
#[divan::bench(sample_count = 50)]
fn first_frame_with_10k_sessions(bencher: divan::Bencher) {
    let dir = common::data_dir();
    bencher.bench_local(|| {
        let store = Store::open_read_only(Paths::at(dir, Origin::Flag));
        let data = parvi::tui::load_first_data(&store);
        let app = App::new(
            Lang::Fi,
            Theme::new(false),
            clock(),
            jiff::tz::TimeZone::UTC,
            data,
            1,
        );
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        terminal
    });
}

/// A meeting in the middle of a round, with a turn running.
fn meeting_app() -> (App, Rc<ManualClock>) {
    let clock = clock();
    let data = Data {
        groups: vec![parvi::simulator::group()],
        formats: parvi::store::formats::builtin()
            .into_iter()
            .map(|format| FormatEntry {
                format,
                origin: FormatOrigin::Builtin,
            })
            .collect(),
        ..Data::default()
    };
    let mut app = App::new(
        Lang::Fi,
        Theme::new(false),
        clock.clone(),
        jiff::tz::TimeZone::UTC,
        data,
        1,
    );
    app.start_meeting(0, 0, "Ruokala ja välitunnit", Vec::new());
    for _ in 0..4 {
        app.act(Action::NextSpeaker);
        clock.advance(37_000);
    }
    (app, clock)
}

/// One full 200x60 meeting frame (budget: 1 ms).
#[divan::bench(sample_count = 500)]
fn meeting_frame_200x60(bencher: divan::Bencher) {
    let (app, clock) = meeting_app();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        clock.advance(1000);
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    });
}

/// The same at 80x24.
#[divan::bench(sample_count = 500)]
fn meeting_frame_80x24(bencher: divan::Bencher) {
    let (app, clock) = meeting_app();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    bencher.bench_local(|| {
        clock.advance(1000);
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    });
}

/// A 200x60 meeting frame through the real crossterm backend (into a sink): the rendering
/// plus the escape sequences for the cells that changed, as on a real terminal.
#[divan::bench(sample_count = 500)]
fn meeting_frame_200x60_crossterm(bencher: divan::Bencher) {
    let (app, clock) = meeting_app();
    let backend = ratatui::backend::CrosstermBackend::new(std::io::sink());
    let mut terminal = Terminal::with_options(
        backend,
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 200, 60)),
        },
    )
    .unwrap();
    bencher.bench_local(|| {
        clock.advance(1000);
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    });
}

/// The same 200x60 frame as the app draws it (`parvi::tui::frames`): the rows that changed
/// since the last second diffed and written, into a sink.
#[divan::bench(sample_count = 500)]
fn meeting_frame_200x60_frames(bencher: divan::Bencher) {
    let (app, clock) = meeting_app();
    let mut frames =
        parvi::tui::frames::Frames::new(std::io::sink(), ratatui::layout::Rect::new(0, 0, 200, 60));
    bencher.bench_local(|| {
        clock.advance(1000);
        frames
            .draw(|area, buf| ratatui::widgets::Widget::render(&app, area, buf))
            .unwrap();
    });
}

/// A timer's second as the app draws it at 200x60: only the parts of the frame that time
/// changes (the clocks, the airtime rows, the header), over the frame on screen.
#[divan::bench(sample_count = 500)]
fn meeting_second_200x60_parts(bencher: divan::Bencher) {
    let (app, clock) = meeting_app();
    let area = ratatui::layout::Rect::new(0, 0, 200, 60);
    let mut frames = parvi::tui::frames::Frames::new(std::io::sink(), area);
    let mut drawn = None;
    frames
        .draw(|area, buf| drawn = app.render_frame(area, buf))
        .unwrap();
    let drawn = drawn.expect("a running turn has parts");
    let areas = drawn.areas();
    bencher.bench_local(|| {
        clock.advance(1000);
        assert!(
            frames
                .draw_parts(&areas, |buf| app.render_live(&drawn, buf))
                .unwrap()
        );
    });
}
