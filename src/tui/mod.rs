//! The full-screen app: the event loop, at the edge. The terminal and the guards that close
//! a meeting properly are in `terminal`; carrying out the app's effects is in `effects`.
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
mod effects;
pub mod follow;
pub mod frames;
pub mod input;
pub mod keymap;
pub mod overlay;
pub mod phones;
pub mod screens;
mod terminal;
pub mod theme;
pub mod view;
pub mod wall;
pub mod widgets;

use std::io;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use self::app::{Access, App, Data, PhonesShown};
use self::background::Background;
use self::clock::{Clock, SystemClock};
use self::effects::carry_out;
use self::input::{Input, Wake};
use self::phones::{PhoneMessage, PhoneOutcome, Phones};
use self::terminal::{LastSaved, Term, enter_terminal, leave_terminal};
use self::theme::Theme;
use crate::i18n::{self, Lang};
use crate::net;
use crate::store::live::LivePhones;
use crate::store::{Store, live};

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

/// Where phone input listens when the meeting starts with it on (`parvi run --phones`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhonesAt {
    /// This computer's address on the local network, on port [`net::address::PORT`].
    Lan,
    /// This address (port 0: any free port).
    At(std::net::SocketAddr),
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
    let clocks = load_clocks(store, &groups.groups, &mut problems);
    Data {
        groups: groups.groups,
        formats,
        sessions: store.recent_sessions(FIRST_FRAME_SESSIONS),
        problems,
        access: access(store),
        sessions_dir: store.paths.sessions(),
        clocks,
        notices: store.notices.clone(),
        conflicts: crate::store::conflicts::count(&store.paths),
        running_elsewhere: running_elsewhere(store),
    }
}

/// The groups' year clocks; a broken one is a problem listed with the others.
fn load_clocks(
    store: &Store,
    groups: &[crate::model::Group],
    problems: &mut Vec<crate::store::Problem>,
) -> Vec<crate::model::clock::YearClock> {
    let mut clocks = Vec::new();
    for group in groups {
        match store.clock(&group.id) {
            Ok(Some((clock, _))) => clocks.push(clock),
            Ok(None) => {}
            Err(problem) => problems.push(problem),
        }
    }
    clocks
}

/// Reads everything the home screen lists.
pub fn load_data(store: &Store) -> Data {
    let groups = store.groups();
    let (formats, format_problems) = store.formats();
    let sessions = store.sessions();
    let mut problems = groups.problems;
    problems.extend(format_problems);
    problems.extend(sessions.problems);
    let clocks = load_clocks(store, &groups.groups, &mut problems);
    Data {
        groups: groups.groups,
        formats,
        sessions: sessions.summaries,
        problems,
        access: access(store),
        sessions_dir: store.paths.sessions(),
        clocks,
        notices: store.notices.clone(),
        conflicts: crate::store::conflicts::count(&store.paths),
        running_elsewhere: running_elsewhere(store),
    }
}

/// Whether this parvi may write the data directory: not while another one holds it, nor
/// when it cannot be written at all.
fn access(store: &Store) -> Access {
    match &store.busy {
        Some(busy) => Access::ReadOnly {
            holder_pid: busy.pid,
        },
        None if store.unwritable().is_some() => Access::Unwritable,
        None => Access::Writable,
    }
}

/// The meeting the parvi holding the data directory runs, when that is another one.
fn running_elsewhere(store: &Store) -> Option<PathBuf> {
    store.busy.as_ref()?;
    live::live_session(&store.paths)
}

/// Runs the app until the user quits. Returns the process exit code.
///
/// # Errors
/// When the terminal cannot be set up or read.
pub fn run(store: Store, lang: Lang, start: Start, phones: Option<PhonesAt>) -> io::Result<u8> {
    let clock = Arc::new(SystemClock::new());
    let last_saved: LastSaved = Arc::new(Mutex::new(None));
    terminal::guard(&last_saved, &clock)?;

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

    // A pointer left by a parvi that was killed names no running meeting: this one holds
    // the data directory now. (Read-only, it may not write, and another parvi runs.)
    if store.writable() {
        let _ = store.set_live(None, None);
    }
    if phones.is_some() {
        app.cx.phones_wanted = true;
    }
    let mut terminal = enter_terminal()?;
    let phones = PhoneInput::new(phones.unwrap_or(PhonesAt::Lan));
    let result = event_loop(
        &mut terminal,
        &mut app,
        &store,
        &last_saved,
        background,
        phones,
    );
    leave_terminal();
    if store.writable() {
        let _ = store.set_live(None, None);
    }
    result.map(|()| 0)
}

/// Phone input in the loop: where it listens, and the server while it runs.
struct PhoneInput {
    at: PhonesAt,
    running: Option<Phones>,
}

impl PhoneInput {
    fn new(at: PhonesAt) -> PhoneInput {
        PhoneInput { at, running: None }
    }

    /// Starts or stops the server as the facilitator wants (and only in a running meeting),
    /// and publishes what phones should see.
    fn follow(&mut self, app: &mut App, input: &mut Input) {
        let meeting = app
            .meeting()
            .filter(|(_, record)| record.ended_at().is_none())
            .map(|(_, record)| record.topic.clone());
        let wanted = app.cx.phones_wanted && meeting.is_some();
        if wanted && self.running.is_none() {
            match self.start(input, app.cx.lang, app.cx.phones_address) {
                Ok(phones) => {
                    let t = &app.cx.t().phones;
                    let on = i18n::fill(
                        t.on,
                        &[("url", &phones.join_url()), ("code", phones.room_code())],
                    );
                    app.cx.info(on);
                    self.running = Some(phones);
                }
                Err(reason) => {
                    app.cx.phones_wanted = false;
                    let text = i18n::fill(app.cx.t().phones.failed, &[("reason", &reason)]);
                    app.cx.error(text);
                }
            }
        } else if !wanted && self.running.take().is_some() && meeting.is_some() {
            app.cx.info(app.cx.t().phones.off);
        }
        // Phone input belongs to one meeting: the next one starts without it.
        if meeting.is_none() {
            app.cx.phones_wanted = false;
        }
        self.publish(app);
    }

    /// Publishes what phones see of the meeting, and what the screens show of phones.
    fn publish(&self, app: &mut App) {
        app.cx.phones = self.running.as_ref().map(|phones| {
            if let Some((_, record)) = app.meeting()
                && let Some(state) = app.meeting_state()
            {
                phones.publish(state, &record.topic);
            }
            PhonesShown {
                url: phones.join_url(),
                code: phones.room_code().to_string(),
                joined: phones.joined(),
            }
        });
    }

    fn start(
        &self,
        input: &mut Input,
        lang: Lang,
        chosen: Option<std::net::Ipv4Addr>,
    ) -> Result<Phones, String> {
        let addr = match self.at {
            PhonesAt::At(addr) => addr,
            PhonesAt::Lan => {
                let picked = chosen.or_else(|| {
                    net::address::candidates()
                        .into_iter()
                        .next()
                        .map(|(_, ip)| ip)
                });
                let Some(ip) = picked else {
                    return Err(lang.text().phones.no_address.to_string());
                };
                std::net::SocketAddr::from((ip, net::address::PORT))
            }
        };
        let wake = input.waker().map_err(|e| e.to_string())?;
        Phones::start(addr, wake.clone())
            .or_else(|e| {
                // The usual port taken (another program): any free one will do.
                if self.at == PhonesAt::Lan && e.kind() == io::ErrorKind::AddrInUse {
                    Phones::start(std::net::SocketAddr::new(addr.ip(), 0), wake)
                } else {
                    Err(e)
                }
            })
            .map_err(|e| e.to_string())
    }

    /// Carries out a phone's input, saves, and answers the phone.
    fn answer(
        &mut self,
        message: &PhoneMessage,
        app: &mut App,
        store: &Store,
        last_saved: &LastSaved,
        background: &mut Background,
    ) {
        let Some(phones) = self.running.as_mut() else {
            let _ = message.reply.send(PhoneOutcome::NotSaved);
            return;
        };
        let mut outcome = app.phone_input(message, phones);
        let effects = std::mem::take(&mut app.cx.effects);
        carry_out(app, effects, store, last_saved, background);
        if outcome == PhoneOutcome::Received && !app.meeting_saved() {
            outcome = PhoneOutcome::NotSaved;
        }
        // The phone's next page (after "received") shows what it sent.
        self.publish(app);
        let _ = message.reply.send(outcome);
    }
}

/// Points `live.json` (what `parvi wall` follows) at the meeting on screen, or at none,
/// when that changed since `shown`. A pointer that cannot be written costs the wall only.
fn point_the_wall(app: &App, store: &Store, shown: &mut Option<(PathBuf, Option<LivePhones>)>) {
    let running = app
        .meeting()
        .filter(|(_, record)| record.ended_at().is_none())
        .map(|(path, _)| {
            let phones = app.cx.phones.as_ref().map(|p| LivePhones {
                url: p.url.clone(),
                code: p.code.clone(),
            });
            (path.to_path_buf(), phones)
        });
    if running != *shown && store.writable() {
        let _ = match &running {
            Some((path, phones)) => store.set_live(Some(path), phones.as_ref()),
            None => store.set_live(None, None),
        };
        *shown = running;
    }
}

fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    store: &Store,
    last_saved: &LastSaved,
    mut background: Background,
    mut phones: PhoneInput,
) -> io::Result<()> {
    let mut live = None;
    let mut walls = live::wall_probe(&store.paths);
    let mut input = Input::default();
    // What the frame on screen drew that time changes, and whether only time has passed
    // since (a timer's second with nothing to carry out): then only those parts are drawn.
    let mut drawn: Option<view::Drawn> = None;
    let mut only_time = false;
    loop {
        phones.follow(app, &mut input);
        point_the_wall(app, store, &mut live);
        // Asked on every wake-up (two system calls, no file opened), so a wall closed while
        // an idea is typed masks it again at the next key or second.
        app.cx.wall_following = walls.held().unwrap_or(false);
        for finished in background.finished() {
            app.finished(finished);
            only_time = false;
        }
        // What a finished read asks for next (the archive's search text for the full list).
        let effects = std::mem::take(&mut app.cx.effects);
        only_time &= effects.is_empty();
        carry_out(app, effects, store, last_saved, &mut background);
        // Every wake-up is input or a visible change, so every wake-up draws.
        let drew_parts = match drawn.as_ref().filter(|_| only_time) {
            Some(parts) => {
                terminal.draw_parts(&parts.areas(), |buf| app.render_live(parts, buf))?
            }
            None => false,
        };
        if !drew_parts {
            // Keys act on the frame as drawn: the app keeps its size.
            let mut whole = None;
            app.area = terminal.draw(|area, buf| whole = app.render_frame(area, buf))?;
            drawn = whole;
        }
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
        only_time = false;
        let effects = match input.next(timeout)? {
            Wake::Terminal(event) => {
                // Only the terminal's events can come with a new size (a resize, or keys
                // typed after one): a timer's tick draws at the size it had.
                terminal.resize(terminal::size()?);
                app.handle_event(&event)
            }
            Wake::Timeout => {
                let effects = app.tick();
                // A bell, a save or a retried save may change what shows: drawn whole.
                only_time = effects.is_empty();
                effects
            }
            Wake::Phone(message) => {
                phones.answer(&message, app, store, last_saved, &mut background);
                Vec::new()
            }
        };
        carry_out(app, effects, store, last_saved, &mut background);
    }
}
