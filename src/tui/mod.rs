//! The full-screen app: the terminal, the event loop and the effects, at the edge.
//!
//! The loop sleeps in `crossterm::event::poll` until the next visible change (the next whole
//! second of a running timer) and redraws only then or after input. Every meeting action is
//! saved before the next key is read. A closed terminal, SIGTERM, SIGHUP or a panic saves an
//! "interrupted" event, restores the terminal and ends the process within a second; a
//! watchdog thread catches the closed terminal even when SIGHUP is ignored, because
//! crossterm 0.29 can spin on a dead terminal instead of returning an error.

pub mod app;
pub mod background;
pub mod clock;
pub mod keymap;
pub mod overlay;
pub mod screens;
pub mod theme;
pub mod view;
pub mod widgets;

use std::io::{self, Write};
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crossterm::event;

use self::app::{Access, App, Data, Effect};
use self::background::Background;
use self::clock::{Clock, SystemClock};
use self::theme::Theme;
use crate::i18n::Lang;
use crate::model::{Command, Interruption, Meeting, SessionRecord};
use crate::store::{Store, atomic};

/// The meeting as last saved, for the signal thread and the panic hook to close properly.
type LastSaved = Arc<Mutex<Option<(PathBuf, SessionRecord)>>>;

/// How parvi opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// The home screen.
    Home,
    /// Straight into a meeting of this group (index) in this format (index).
    Meeting {
        group: usize,
        format: usize,
        topic: String,
    },
}

/// How many meetings the first frame lists before the full list has been read.
const FIRST_FRAME_SESSIONS: usize = 100;

/// What the first frame needs, fast: groups, formats, and the newest meetings from the head
/// of the index. The full, checked list follows from a background thread.
pub fn load_first_data(store: &Store) -> Data {
    let groups = store.groups();
    let (formats, format_problems) = store.formats();
    let mut problems = groups.problems;
    problems.extend(format_problems);
    Data {
        groups: groups.groups,
        formats,
        sessions: store.recent_sessions(FIRST_FRAME_SESSIONS),
        problems,
        access: store
            .busy
            .as_ref()
            .map_or(Access::Writable, |b| Access::ReadOnly { holder_pid: b.pid }),
        sessions_dir: store.paths.sessions(),
    }
}

/// Reads everything the home screen lists.
pub fn load_data(store: &Store) -> Data {
    let groups = store.groups();
    let (formats, format_problems) = store.formats();
    let sessions = store.sessions();
    let mut problems = groups.problems;
    problems.extend(format_problems);
    problems.extend(sessions.problems);
    Data {
        groups: groups.groups,
        formats,
        sessions: sessions.summaries,
        problems,
        access: store
            .busy
            .as_ref()
            .map_or(Access::Writable, |b| Access::ReadOnly { holder_pid: b.pid }),
        sessions_dir: store.paths.sessions(),
    }
}

/// Runs the app until the user quits. Returns the process exit code.
///
/// # Errors
/// When the terminal cannot be set up or read.
pub fn run(store: Store, lang: Lang, start: Start) -> io::Result<u8> {
    let clock = Arc::new(SystemClock::new());
    let last_saved: LastSaved = Arc::new(Mutex::new(None));
    install_panic_hook(last_saved.clone(), clock.clone());
    spawn_signal_thread(last_saved.clone(), clock.clone())?;
    spawn_tty_watchdog(last_saved.clone(), clock.clone());

    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let tz = jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC);
    let seed = uuid::Uuid::new_v4().as_u64_pair().0;
    let clock_for_app: Rc<dyn Clock> = Rc::new(clock.clone());
    let mut app = App::new(
        lang,
        Theme::new(no_color),
        clock_for_app,
        tz,
        load_first_data(&store),
        seed,
    );
    // The full list of meetings (every file checked against the index) arrives a moment
    // after the first frame.
    let mut background = Background::default();
    background.list_sessions(store.paths.clone(), store.writable());
    app.cx.reading_sessions = true;
    if let Start::Meeting {
        group,
        format,
        topic,
    } = start
    {
        let carried = app
            .cx
            .data
            .groups
            .get(group)
            .map(|g| store.open_actions(&g.id))
            .unwrap_or_default();
        app.start_meeting(group, format, &topic, carried);
        let effects = std::mem::take(&mut app.cx.effects);
        carry_out(&mut app, effects, &store, &last_saved, &mut background);
    }

    let mut terminal = enter_terminal()?;
    let result = event_loop(&mut terminal, &mut app, &store, &last_saved, background);
    leave_terminal();
    result.map(|()| 0)
}

type Term = ratatui::Terminal<ratatui::backend::CrosstermBackend<io::Stdout>>;

/// Raw mode, the alternate screen and bracketed paste. Not `ratatui::init`: its panic hook
/// prints when the terminal is gone, and a panic inside a panic hook aborts the process
/// before the meeting is closed properly.
fn enter_terminal() -> io::Result<Term> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        event::EnableBracketedPaste
    )?;
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))
}

/// Puts the terminal back as it was (raw mode off first, then the normal screen, the
/// cursor shown). Never panics and never prints, so it is safe on a closed terminal and
/// inside the panic hook.
fn leave_terminal() {
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = crossterm::execute!(
        io::stdout(),
        event::DisableBracketedPaste,
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    store: &Store,
    last_saved: &LastSaved,
    mut background: Background,
) -> io::Result<()> {
    loop {
        for finished in background.finished() {
            app.finished(finished);
        }
        // What a finished read asks for next (the archive's search text for the full list).
        let effects = std::mem::take(&mut app.cx.effects);
        carry_out(app, effects, store, last_saved, &mut background);
        // Every wake-up is input or a visible change, so every wake-up draws.
        // Keys act on the frame as drawn: the app keeps its size.
        app.area = terminal
            .draw(|frame| frame.render_widget(&*app, frame.area()))?
            .area;
        if app.should_quit() {
            return Ok(());
        }
        // Sleep until input or the next visible change; with nothing running, an hour.
        let mut timeout = app
            .next_wakeup_ms()
            .map_or(Duration::from_secs(3600), Duration::from_millis);
        if background.busy() {
            // Waiting for a read: look again soon.
            timeout = timeout.min(Duration::from_millis(20));
        }
        let effects = if event::poll(timeout)? {
            let event = event::read()?;
            app.handle_event(&event)
        } else {
            app.tick()
        };
        carry_out(app, effects, store, last_saved, &mut background);
    }
}

/// Carries out the effects the app asked for, reporting results back to it.
fn carry_out(
    app: &mut App,
    effects: Vec<Effect>,
    store: &Store,
    last_saved: &LastSaved,
    background: &mut Background,
) {
    let t = app.cx.t();
    for effect in effects {
        match effect {
            Effect::SaveMeeting { path, record } => {
                // Hold the slot while saving so the signal thread never writes an older copy
                // over this one.
                let mut slot = last_saved.lock().unwrap_or_else(|e| e.into_inner());
                match store.save_session(&path, &record) {
                    Ok(()) => {
                        *slot = Some((path, *record));
                        drop(slot);
                        app.saved(None);
                    }
                    Err(e) => {
                        drop(slot);
                        app.saved(Some(save_reason(&e)));
                    }
                }
            }
            Effect::SaveGroup(group) => {
                if let Err(e) = store.save_group(&group) {
                    app.report(crate::i18n::fill(
                        t.err_save_failed,
                        &[
                            ("path", &store.paths.group(&group.id).display().to_string()),
                            ("reason", &save_reason(&e)),
                        ],
                    ));
                }
            }
            Effect::LoadSample => {
                if let Err(e) = crate::store::sample::install(store) {
                    app.report(e.to_string());
                }
                app.set_data(load_data(store));
            }
            Effect::Reload => app.set_data(load_data(store)),
            Effect::OpenMeeting(path) => match store.load_session(&path) {
                Ok((record, _)) => {
                    app.resume(record, path);
                    let effects = std::mem::take(&mut app.cx.effects);
                    carry_out(app, effects, store, last_saved, background);
                }
                Err(problem) => app.report(problem.describe(app.cx.lang)),
            },
            Effect::ShowSession(path) => match store.load_session(&path) {
                Ok((record, _)) => app.show_session(record),
                Err(problem) => app.report(problem.describe(app.cx.lang)),
            },
            Effect::LoadOpenActions(group) => {
                let actions = store.open_actions(&group);
                app.set_open_actions(&group, actions);
            }
            Effect::Bell => {
                let mut out = io::stdout();
                let _ = out.write_all(b"\x07");
                let _ = out.flush();
            }
            Effect::LoadSearch => {
                let index = store.search_index(&app.cx.data.sessions);
                app.set_search(index);
            }
            Effect::LoadGroup(group) => {
                let files = app
                    .cx
                    .data
                    .sessions
                    .iter()
                    .rev()
                    .filter(|s| s.group_id == group)
                    .map(|s| store.paths.sessions().join(&s.file))
                    .collect();
                background.read_group(group, files);
            }
            Effect::ExportMinutes {
                path,
                format,
                public,
                replace,
            } => export_minutes(app, store, &path, format, public, replace),
        }
    }
}

/// Writes a meeting's minutes (or tables, or log) into the directory parvi was started in
/// (where the facilitator will look for them); over an existing file only when `replace`,
/// that is after the facilitator was asked and said yes.
fn export_minutes(
    app: &mut App,
    store: &Store,
    path: &std::path::Path,
    format: crate::export::Format,
    public: bool,
    replace: bool,
) {
    let t = app.cx.t();
    let record = match store.load_session(path) {
        Ok((record, _)) => record,
        Err(problem) => return app.report(problem.describe(app.cx.lang)),
    };
    let zone = crate::store::exports::zone();
    let options = crate::export::Options {
        number: Some(crate::store::exports::number(
            &record,
            &app.cx.data.sessions,
            &zone,
        )),
        zone,
        public,
        ..crate::export::Options::new(format, app.cx.lang)
    };
    let export = crate::export::minutes(&record, &options);
    let dir = std::env::current_dir().unwrap_or_else(|_| store.paths.root.clone());
    // The file's name first and its directory last: on a narrow screen the line is cut at
    // the end, and the name is what the facilitator looks for.
    let name = |p: &std::path::Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let folder = dir.display().to_string();
    let files = export.files_in(&dir, false);
    match crate::store::exports::write_all(&files, replace) {
        Ok(()) => {
            let paths: Vec<&std::path::Path> = files.iter().map(|(p, _)| p.as_path()).collect();
            let file = paths.first().map(|p| name(p)).unwrap_or_default();
            let text = if paths.len() > 1 {
                crate::i18n::fill(
                    t.review.export_done_many,
                    &[
                        ("count", &paths.len().to_string()),
                        ("file", &file),
                        ("dir", &folder),
                    ],
                )
            } else {
                crate::i18n::fill(t.review.export_done, &[("file", &file), ("dir", &folder)])
            };
            app.cx.info(text);
        }
        Err(crate::store::exports::WriteError::Exists(existing)) => {
            let question = crate::i18n::fill(
                t.review.export_exists,
                &[("file", &name(&existing)), ("dir", &folder)],
            );
            app.overlay = Some(crate::tui::overlay::Overlay::confirm(
                question,
                crate::tui::screens::review::ask_replace(path.to_path_buf(), format, public),
            ));
        }
        Err(crate::store::exports::WriteError::Io { path, source }) => {
            app.report(crate::i18n::fill(
                t.err_save_failed,
                &[
                    ("path", &path.display().to_string()),
                    ("reason", &source.to_string()),
                ],
            ))
        }
    }
}

/// A short reason for a failed save, for the banner (the OS's words: "No space left").
fn save_reason(e: &crate::store::StoreError) -> String {
    match e {
        crate::store::StoreError::Io { source, .. } => source.to_string(),
        other => other.to_string(),
    }
}

/// Records why the meeting stopped, restores the terminal and ends the process.
fn stop(last_saved: &LastSaved, clock: &SystemClock, reason: Interruption, code: i32) -> ! {
    if let Ok(mut slot) = last_saved.lock()
        && let Some((path, record)) = slot.take()
    {
        let mut meeting = Meeting::new(record);
        if meeting
            .execute(Command::Interrupt(reason), clock.now(), 0)
            .is_ok()
            && let Ok(bytes) = crate::store::session_json(meeting.record())
        {
            let _ = atomic::write_atomic(&path, &bytes);
        }
    }
    leave_terminal();
    std::process::exit(code);
}

/// SIGTERM and SIGHUP: save "interrupted", restore, exit. On a dedicated thread, because the
/// main thread may be stuck inside crossterm on a dead terminal.
fn spawn_signal_thread(last_saved: LastSaved, clock: Arc<SystemClock>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let reason = if signal == SIGHUP {
                Interruption::TerminalClosed
            } else {
                Interruption::Terminated
            };
            stop(&last_saved, &clock, reason, 128 + signal);
        }
    });
    Ok(())
}

/// Notices a closed terminal even when SIGHUP never comes (started under `nohup`, or with
/// the signal ignored). It sleeps in `poll` on the terminal, which wakes only when the
/// terminal hangs up: no wake-ups while all is well. Where the terminal cannot be polled it
/// falls back to looking every half second.
fn spawn_tty_watchdog(last_saved: LastSaved, clock: Arc<SystemClock>) {
    std::thread::spawn(move || {
        let open = || {
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open("/dev/tty")
        };
        if let Ok(tty) = open() {
            use rustix::event::{PollFd, PollFlags, poll};
            loop {
                let mut fds = [PollFd::new(&tty, PollFlags::empty())];
                match poll(&mut fds, None) {
                    Ok(_)
                        if fds[0]
                            .revents()
                            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) =>
                    {
                        stop(&last_saved, &clock, Interruption::TerminalClosed, 129);
                    }
                    Ok(_) | Err(rustix::io::Errno::INTR) => {}
                    // Polling does not work here: fall back to looking now and then.
                    Err(_) => break,
                }
            }
        }
        while open().is_ok() {
            std::thread::sleep(Duration::from_millis(500));
        }
        stop(&last_saved, &clock, Interruption::TerminalClosed, 129);
    });
}

/// On a panic: restore the terminal (with the cursor), record that parvi crashed, then let
/// the usual message print. The message holds no meeting content.
fn install_panic_hook(last_saved: LastSaved, clock: Arc<SystemClock>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A reading thread's failure is reported on screen; the meeting goes on.
        if std::thread::current().name() == Some(background::THREAD_NAME) {
            return;
        }
        leave_terminal();
        // try_lock: the panic may have happened while the slot was held.
        if let Ok(mut slot) = last_saved.try_lock()
            && let Some((path, record)) = slot.take()
        {
            let mut meeting = Meeting::new(record);
            if meeting
                .execute(Command::Interrupt(Interruption::Crashed), clock.now(), 0)
                .is_ok()
                && let Ok(bytes) = crate::store::session_json(meeting.record())
            {
                let _ = atomic::write_atomic(&path, &bytes);
            }
        }
        previous(info);
    }));
}
