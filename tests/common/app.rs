//! App fixtures for the screen and key tests: an [`App`] on a manual clock with fixed data
//! (the sample group, the built-in formats, the sample meetings), keys written as strings,
//! and drawing into a `TestBackend`. Everything is built on the public API.
#![allow(
    dead_code,
    reason = "the screen and key tests use different parts of the fixtures"
)]

use std::path::PathBuf;
use std::rc::Rc;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use parvi::i18n::Lang;
use parvi::model::{EventKind, SessionRecord};
use parvi::simulator::{Plan, Style};
use parvi::store::{FormatEntry, FormatOrigin, Summary};
use parvi::tui::app::{App, Data, Effect, Screen};
use parvi::tui::clock::ManualClock;
use parvi::tui::keymap::Key;
use parvi::tui::overlay::Overlay;
use parvi::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// The wall clock of every fixture: Tuesday 10 November 2026, noon UTC.
pub const NOW: &str = "2026-11-10T12:00:00Z";

/// The seed of every fixture's random speaking orders and ids.
pub const SEED: u64 = 1;

/// Where the fixtures' meeting files would go (nothing is written).
pub fn sessions_dir() -> PathBuf {
    PathBuf::from("/parvi-test/sessions")
}

pub fn clock() -> Rc<ManualClock> {
    Rc::new(ManualClock::new(NOW.parse().expect("NOW is a timestamp")))
}

/// The built-in formats, in their shipped order.
pub fn formats() -> Vec<FormatEntry> {
    parvi::store::formats::builtin()
        .into_iter()
        .map(|format| FormatEntry {
            format,
            origin: FormatOrigin::Builtin,
        })
        .collect()
}

/// The index of a built-in format by its machine name.
pub fn format_index(name: &str) -> usize {
    formats()
        .iter()
        .position(|f| f.format.name == name)
        .unwrap_or_else(|| panic!("no built-in format {name}"))
}

/// A home-screen summary of a record, as the index would hold it.
pub fn summary(record: &SessionRecord) -> Summary {
    let date = record
        .started_at()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    let file = parvi::store::Paths::session_file_name(date, &record.id);
    Summary::of(record, file, 4096, 0)
}

/// The three sample meetings as the home screen lists them, newest first.
pub fn sample_summaries() -> Vec<Summary> {
    let mut out: Vec<Summary> = parvi::simulator::meetings().iter().map(summary).collect();
    out.sort_by_key(|s| std::cmp::Reverse(s.started_at));
    out
}

/// No groups, no meetings: the welcome screen.
pub fn data_empty() -> Data {
    Data {
        formats: formats(),
        sessions_dir: sessions_dir(),
        ..Data::default()
    }
}

/// The sample group, the built-in formats and the three sample meetings.
pub fn data_sample() -> Data {
    Data {
        groups: vec![parvi::simulator::group()],
        formats: formats(),
        sessions: sample_summaries(),
        sessions_dir: sessions_dir(),
        clocks: vec![
            serde_json::from_str(parvi::store::sample::CLOCK_FILE.1).expect("the sample clock"),
        ],
        ..Data::default()
    }
}

/// The sample data with the October theme week not marked done: overdue on 10 November.
pub fn data_theme_week_overdue() -> Data {
    use parvi::model::clock::{ItemStatus, SchoolYear};
    let mut data = data_sample();
    let clock = &mut data.clocks[0];
    let week = clock
        .items
        .iter()
        .find(|i| i.origin.as_deref() == Some("theme_week"))
        .expect("the sample clock has the theme week")
        .id
        .clone();
    clock
        .set_status(&week, SchoolYear { start: 2026 }, ItemStatus::Planned)
        .expect("the theme week's status");
    data
}

/// A meeting from this morning that parvi stopped under: the sample group's wellbeing
/// meeting, cut right after a turn started in its third item (the theme round).
pub fn unfinished_record() -> SessionRecord {
    let group = parvi::simulator::group();
    let format = formats()[format_index("hyvinvointiryhma")].format.clone();
    let full = parvi::simulator::simulate(&Plan {
        carried: &[],
        clock: None,
        id: uuid::Uuid::from_u128(0x0b5e_55ed_0000_4000_8000_0000_0000_0004),
        group: &group,
        format: &format,
        topic: "Opiskelijakunnan syysretki",
        start: "2026-11-10T11:00:00Z".parse().expect("a timestamp"),
        absent: &["Hanna Salo"],
        style: Style::BALANCED,
        seed: 4,
    });
    // The third turn of the theme round: someone is speaking when it stops.
    let theme = full
        .format
        .phases
        .iter()
        .position(|p| p.id == "theme")
        .expect("the format has its theme round");
    let theme_start = full
        .events
        .iter()
        .position(|e| e.event == EventKind::PhaseStarted { phase: theme })
        .expect("the simulated meeting reaches its theme round");
    let cut = full
        .events
        .iter()
        .enumerate()
        .skip(theme_start)
        .filter(|(_, e)| matches!(e.event, EventKind::TurnStarted { .. }))
        .map(|(i, _)| i)
        .nth(2)
        .expect("the theme round has turns");
    let mut record = full;
    record.events.truncate(cut + 1);
    record
}

/// The sample data plus this morning's unfinished meeting at the top of the list.
pub fn data_unfinished() -> Data {
    let mut data = data_sample();
    data.sessions.insert(0, summary(&unfinished_record()));
    data
}

/// An app on the home screen with `data`, in `lang`, on a manual clock at [`NOW`], UTC.
pub fn app_with(lang: Lang, data: Data) -> (App, Rc<ManualClock>) {
    let clock = clock();
    let app = App::new(
        lang,
        Theme::new(false),
        clock.clone(),
        jiff::tz::TimeZone::UTC,
        data,
        SEED,
    );
    (app, clock)
}

/// The home screen with the sample data.
pub fn home(lang: Lang) -> (App, Rc<ManualClock>) {
    app_with(lang, data_sample())
}

/// A meeting of the sample group in the built-in format `format`, just started (no turn
/// yet), everyone present.
pub fn meeting(lang: Lang, format: &str, topic: &str) -> (App, Rc<ManualClock>) {
    let (mut app, clock) = home(lang);
    app.start_meeting(0, format_index(format), topic, Vec::new());
    assert!(
        matches!(app.screen, Screen::Meeting(_)),
        "the meeting started"
    );
    app.cx.effects.clear();
    (app, clock)
}

/// The sample group's wellbeing meeting, just started: item 1 is the check-in round.
pub fn wellbeing_meeting(lang: Lang) -> (App, Rc<ManualClock>) {
    meeting(lang, "hyvinvointiryhma", "Ruokala ja välitunnit")
}

/// The meeting's record. Panics when no meeting is showing.
pub fn record(app: &App) -> &SessionRecord {
    app.meeting().expect("a meeting is showing").1
}

/// The meeting's live state. Panics when no meeting is showing.
pub fn state(app: &App) -> &parvi::model::MeetingState {
    match &app.screen {
        Screen::Meeting(view) => view.meeting.state(),
        other => panic!("not a meeting screen: {other:?}"),
    }
}

/// The name of the person speaking, if anyone.
pub fn speaker(app: &App) -> Option<String> {
    let state = state(app);
    let turn = state.turn.as_ref()?;
    state.person(&turn.speaker).map(|p| p.name.clone())
}

// ---- keys ------------------------------------------------------------------------------

/// A key press without modifiers.
pub fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The key event a keymap [`Key`] stands for.
pub fn key_event(key: Key) -> KeyEvent {
    match key {
        Key::Char(c) if c.is_uppercase() => KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT),
        Key::Char(c) => press(KeyCode::Char(c)),
        Key::Enter => press(KeyCode::Enter),
        Key::Esc => press(KeyCode::Esc),
        Key::Tab => press(KeyCode::Tab),
        Key::Up => press(KeyCode::Up),
        Key::Down => press(KeyCode::Down),
        Key::Left => press(KeyCode::Left),
        Key::Right => press(KeyCode::Right),
        Key::Delete => press(KeyCode::Delete),
        Key::Backspace => press(KeyCode::Backspace),
        Key::ShiftUp => KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT),
        Key::ShiftDown => KeyEvent::new(KeyCode::Down, KeyModifiers::SHIFT),
        Key::CtrlC => KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
        Key::Home => press(KeyCode::Home),
        Key::End => press(KeyCode::End),
        Key::PageUp => press(KeyCode::PageUp),
        Key::PageDown => press(KeyCode::PageDown),
    }
}

/// Parses a key string in the style of helix's `parse_macro`: plain characters are typed as
/// they are; `<enter>`, `<esc>`, `<tab>`, `<space>`, `<up>`, `<down>`, `<left>`, `<right>`,
/// `<bs>`, `<del>`, `<home>`, `<end>`, `<pgup>`, `<pgdn>`, `<S-up>`, `<S-down>`, `<C-c>` and `<lt>` (a literal `<`) name keys.
pub fn parse_keys(keys: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            let name = &rest[1..end];
            let key = match name {
                "enter" => Key::Enter,
                "esc" => Key::Esc,
                "tab" => Key::Tab,
                "space" => Key::Char(' '),
                "up" => Key::Up,
                "down" => Key::Down,
                "left" => Key::Left,
                "right" => Key::Right,
                "bs" => Key::Backspace,
                "del" => Key::Delete,
                "S-up" => Key::ShiftUp,
                "S-down" => Key::ShiftDown,
                "C-c" => Key::CtrlC,
                "home" => Key::Home,
                "end" => Key::End,
                "pgup" => Key::PageUp,
                "pgdn" => Key::PageDown,
                "lt" => Key::Char('<'),
                other => panic!("unknown key <{other}>"),
            };
            out.push(key_event(key));
            rest = &rest[end + 1..];
        } else {
            out.push(press(KeyCode::Char(c)));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Types `keys` (see [`parse_keys`]) into the app; returns every effect it asked for.
pub fn keys(app: &mut App, keys: &str) -> Vec<Effect> {
    parse_keys(keys)
        .iter()
        .flat_map(|key| app.handle_event(&Event::Key(*key)))
        .collect()
}

/// Whether a dialog is open, and which kind.
pub fn overlay_kind(app: &App) -> Option<&'static str> {
    if app.help {
        return Some("help");
    }
    app.overlay.as_ref().map(|o| match o {
        Overlay::Help => "help",
        Overlay::Picker(_) => "picker",
        Overlay::Prompt(_) => "prompt",
        Overlay::Confirm(_) => "confirm",
        Overlay::Findings(_) => "findings",
    })
}

// ---- drawing ---------------------------------------------------------------------------

/// Draws the app into a `TestBackend` of `width` × `height`.
pub fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("drawing into a test backend");
    terminal
}

/// One row of a buffer as a person reads it: every cell's symbol, without the cells hidden
/// under a wide character. Also returns the hidden cells that were not blank (lost text).
pub fn row(buffer: &Buffer, y: u16) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut lost = Vec::new();
    let mut skip = 0usize;
    for x in 0..buffer.area.width {
        let cell = &buffer[(buffer.area.x + x, buffer.area.y + y)];
        let symbol = cell.symbol();
        if skip == 0 {
            text.push_str(symbol);
        } else if !symbol.trim().is_empty() {
            lost.push(symbol.to_string());
        }
        skip = skip.max(symbol.width()).saturating_sub(1);
    }
    (text, lost)
}

/// Every row of a buffer as text.
pub fn rows(buffer: &Buffer) -> Vec<String> {
    (0..buffer.area.height).map(|y| row(buffer, y).0).collect()
}

/// The whole screen as one string, rows joined by newlines.
pub fn screen_text(app: &App, width: u16, height: u16) -> String {
    rows(render(app, width, height).backend().buffer()).join("\n")
}

/// The effects by name, with the saved meeting's last event: `["save:meeting_ended", "reload"]`.
pub fn effect_names(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .map(|e| match e {
            Effect::SaveMeeting { record, .. } => {
                let last = record.events.last().map(|e| {
                    serde_json::to_value(&e.event).unwrap()["type"]
                        .as_str()
                        .unwrap()
                        .to_string()
                });
                format!("save:{}", last.unwrap_or_default())
            }
            Effect::SaveGroup(_) => "save_group".into(),
            Effect::ApplyClockEvents { .. } => "apply_clock_events".into(),
            Effect::SaveClock(_) => "save_clock".into(),
            Effect::LoadSample => "load_sample".into(),
            Effect::OpenMeeting(_) => "open_meeting".into(),
            Effect::ShowSession(_) => "show_session".into(),
            Effect::LoadOpenActions(_) => "load_open_actions".into(),
            Effect::Reload => "reload".into(),
            Effect::Bell => "bell".into(),
            Effect::LoadSearch => "load_search".into(),
            Effect::LoadGroup(_) => "load_group".into(),
            Effect::ExportMinutes { .. } => "export_minutes".into(),
        })
        .collect()
}

/// Whether the effects save the meeting exactly once.
pub fn saves_once(effects: &[Effect]) -> bool {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::SaveMeeting { .. }))
        .count()
        == 1
}
