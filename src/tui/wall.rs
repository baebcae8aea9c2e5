//! `parvi wall`, at the edge: the room's window, which follows the meeting running in the
//! data directory and draws it for the audience ([`WallView`]).
//!
//! It writes nothing and does not take the writer's lock, so it runs beside the
//! facilitator's parvi. It holds a shared lock on `wall.lock` instead, which tells that parvi
//! a wall is following (`store::live::wall_following`). It learns which meeting runs from
//! `live.json` (written by the facilitator's parvi) and reads the session file again
//! whenever the data directory changes: the file watcher wakes it at once, so a key on the
//! facilitator's screen reaches the wall in milliseconds, and between changes it sleeps like
//! the meeting screen does (a wake-up a second while a timer runs, one every two seconds to
//! see that the facilitator's parvi still runs, none without a meeting). Saves are atomic,
//! so a read sees a whole file or none; when the file is missing for a moment (a rename on
//! Windows) the wall keeps what it showed and looks again shortly.

use std::io;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use super::app::{Ctx, PhonesShown};
use super::clock::{Clock, SystemClock};
use super::follow;
use super::screens::meeting::WallView;
use super::screens::meeting::live::LiveParts;
use super::terminal::{self, LastSaved, enter_terminal, leave_terminal};
use super::theme::Theme;
use crate::i18n::Lang;
use crate::model::Status;
use crate::store::live::{self, LiveMeeting, read_live};
use crate::store::{Paths, Store};

/// How soon to look again when the live session file could not be read.
const RETRY_MS: u64 = 100;

/// How often, at most, a wall showing a running meeting looks whether its parvi still runs.
const WRITER_CHECK_MS: u64 = 2000;

/// What wakes the wall.
enum Wake {
    /// A key, a resize or another terminal event.
    Terminal(Event),
    /// The terminal cannot be read any more.
    TerminalGone,
    /// Something in the data directory changed.
    Files,
}

/// Runs the wall until the user closes it.
///
/// # Errors
/// When the terminal cannot be set up or drawn.
pub fn run(paths: Paths, lang: Lang) -> io::Result<u8> {
    let clock = Arc::new(SystemClock::new());
    // Nothing to save: the guards only put the terminal back on a signal or a panic.
    let nothing: LastSaved = Arc::new(Mutex::new(None));
    terminal::guard(&nothing, &clock)?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let tz = jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC);
    let shared: Rc<dyn Clock> = Rc::new(clock.clone());
    let mut cx = Ctx::for_wall(lang, Theme::new(no_color), shared, tz);

    let (wake, woken) = mpsc::channel();
    // A save touches the session, the index and the search text: the watcher sends one
    // wake for such a burst (until the loop has taken it), and the loop reads once.
    let changed = Arc::new(AtomicBool::new(false));
    // Without a watcher (no data directory yet) the wall looks every second and tries to
    // start one again.
    let start_following = |wake: &mpsc::Sender<Wake>| {
        let (files, changed) = (wake.clone(), Arc::clone(&changed));
        follow::follow(&paths, move || {
            if !changed.swap(true, Ordering::AcqRel) {
                let _ = files.send(Wake::Files);
            }
        })
        .ok()
    };
    let mut follower = start_following(&wake);
    let keys = wake.clone();
    std::thread::spawn(move || read_terminal(&keys));

    // While this lives, the facilitator's parvi knows its screen is not the room's.
    let mut mark = live::mark_wall(&paths);
    let mut writer = live::writer_probe(&paths);

    let mut terminal = enter_terminal()?;
    let mut wall = WallView::Waiting;
    let mut read_now = true;
    let mut redraw = true;
    // A timer's second with nothing read: only the parts of the frame that time changes
    // (what the last whole frame noted in `drawn`) are drawn again.
    let mut only_time = false;
    let mut drawn: Option<LiveParts> = None;
    let mut retry = false;
    let result = loop {
        if read_now {
            changed.store(false, Ordering::Release);
            retry = reread(&paths, &mut wall, &mut cx.phones);
            // The meeting clock, from the last saved event on; between reads it runs on.
            if let Some(ms) = wall.meeting_ms(jiff::Timestamp::now()) {
                clock.continue_from(ms);
            }
        }
        if read_now || redraw {
            let parts = match drawn.as_ref().filter(|_| only_time && !read_now) {
                Some(live) => {
                    terminal.draw_parts(&live.areas(), |buf| wall.render_live(live, buf, &cx))
                }
                None => Ok(false),
            };
            let whole = match parts {
                Ok(true) => Ok(()),
                Ok(false) => terminal
                    .draw(|area, buf| drawn = wall.render_parts(area, buf, &cx))
                    .map(|_| ()),
                Err(e) => Err(e),
            };
            if let Err(e) = whole {
                break Err(e);
            }
        }
        only_time = false;
        let timer = wall.next_wakeup_ms(cx.now()).map(Duration::from_millis);
        let mut timeout = timer.unwrap_or(Duration::from_secs(3600));
        if retry {
            timeout = timeout.min(Duration::from_millis(RETRY_MS));
        }
        if follower.is_none() || mark.is_none() {
            timeout = timeout.min(Duration::from_secs(1));
        }
        // A parvi killed mid-meeting changes no file: look now and then whether it runs.
        let running = wall.status().is_some_and(|s| s != Status::Ended);
        if running {
            timeout = timeout.min(Duration::from_millis(WRITER_CHECK_MS));
        }
        (read_now, redraw) = match woken.recv_timeout(timeout) {
            Ok(Wake::Terminal(Event::Key(key))) if quits(&key) => break Ok(0),
            // Only the terminal's events can come with a new size.
            Ok(Wake::Terminal(_)) => match terminal::size() {
                Ok(area) => {
                    terminal.resize(area);
                    (false, true)
                }
                Err(e) => break Err(e),
            },
            Ok(Wake::TerminalGone) | Err(RecvTimeoutError::Disconnected) => break Ok(0),
            Ok(Wake::Files) => (true, true),
            // A timer's second only redraws; a failed read, no watcher, or a parvi gone reads
            // again; the look at the parvi alone draws nothing.
            Err(RecvTimeoutError::Timeout) => {
                let watching = follower.is_some();
                if !watching {
                    follower = start_following(&wake);
                }
                if mark.is_none() {
                    mark = live::mark_wall(&paths);
                }
                let read = retry || !watching || (running && !writer.held().unwrap_or(true));
                only_time = !read;
                (read, timer.is_some_and(|t| t <= timeout))
            }
        };
    };
    leave_terminal();
    result
}

/// Forwards the terminal's events to the loop, which may be asleep on the channel.
fn read_terminal(wake: &mpsc::Sender<Wake>) {
    loop {
        let sent = match event::read() {
            Ok(event) => wake.send(Wake::Terminal(event)),
            Err(_) => {
                let _ = wake.send(Wake::TerminalGone);
                return;
            }
        };
        if sent.is_err() {
            return;
        }
    }
}

/// `q`, Esc and Ctrl-C close the wall.
fn quits(key: &event::KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && (matches!(key.code, KeyCode::Char('q') | KeyCode::Esc)
            || (key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)))
}

/// Reads what the wall should show now into `wall`; returns whether to look again soon
/// (the live session file could not be read).
fn reread(paths: &Paths, wall: &mut WallView, joining: &mut Option<PhonesShown>) -> bool {
    match read_live(paths) {
        LiveMeeting::Meeting {
            path,
            record,
            phones,
        } => {
            *wall = WallView::meeting(*record, path);
            *joining = phones.map(|p| PhonesShown {
                url: p.url,
                code: p.code,
                joined: 0,
            });
            false
        }
        // Keep what is shown: the file may be half-way through a rename.
        LiveMeeting::Unreadable => true,
        // No meeting runs. The one shown stays if it ended (the room sees its end until
        // the next one starts); one left for later gives way to waiting.
        LiveMeeting::None => {
            *joining = None;
            let ended = wall.path().and_then(|path| {
                let store = Store::open_read_only(paths.clone());
                let (record, _) = store.load_session(path).ok()?;
                let view = WallView::meeting(record, path.to_path_buf());
                view.status()
                    .is_some_and(|s| s == Status::Ended)
                    .then_some(view)
            });
            *wall = ended.unwrap_or(WallView::Waiting);
            false
        }
    }
}
