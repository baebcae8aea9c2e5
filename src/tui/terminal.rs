//! The terminal and its guards: entering and leaving the full-screen mode, and the three
//! ways a meeting is closed properly when parvi cannot close it itself (SIGTERM, SIGHUP,
//! SIGINT or SIGQUIT; a terminal that hangs up without a signal; a panic).

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crossterm::event;

use super::background;
use super::clock::{Clock, SystemClock};
use crate::model::{Command, Interruption, Meeting, SessionRecord};
use crate::store::atomic;

/// The meeting as last saved, for the signal thread and the panic hook to close properly.
pub type LastSaved = Arc<Mutex<Option<(PathBuf, SessionRecord)>>>;

pub type Term = super::frames::Frames<io::Stdout>;

/// Raw mode, the alternate screen and bracketed paste. Not `ratatui::init`: its panic hook
/// prints when the terminal is gone, and a panic inside a panic hook aborts the process
/// before the meeting is closed properly.
pub fn enter_terminal() -> io::Result<Term> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        event::EnableBracketedPaste
    )?;
    Ok(super::frames::Frames::new(io::stdout(), size()?))
}

/// The terminal's size now (a system call, and on Unix opening `/dev/tty`): asked at the
/// start and after each event from the terminal, never on a timer's tick.
///
/// # Errors
/// When the terminal cannot be asked.
pub fn size() -> io::Result<ratatui::layout::Rect> {
    let (width, height) = crossterm::terminal::size()?;
    Ok(ratatui::layout::Rect::new(0, 0, width, height))
}

/// Puts the terminal back as it was (raw mode off first, then the normal screen, the
/// cursor shown). Never panics and never prints, so it is safe on a closed terminal and
/// inside the panic hook.
pub fn leave_terminal() {
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = crossterm::execute!(
        io::stdout(),
        event::DisableBracketedPaste,
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Sets up the guards that close the meeting saved in `last_saved` when parvi is stopped
/// from outside: the panic hook, the signal thread and the terminal watchdog.
///
/// # Errors
/// When the signal handlers cannot be registered.
pub fn guard(last_saved: &LastSaved, clock: &Arc<SystemClock>) -> io::Result<()> {
    install_panic_hook(last_saved.clone(), clock.clone());
    spawn_signal_thread(last_saved.clone(), clock.clone())?;
    spawn_tty_watchdog(last_saved.clone(), clock.clone());
    Ok(())
}

/// Adds "interrupted" (for `reason`) to the meeting saved at `path` and writes it back.
/// Never panics: it runs in the panic hook and on dying threads.
fn record_interruption(
    path: &Path,
    record: SessionRecord,
    clock: &SystemClock,
    reason: Interruption,
) {
    let mut meeting = Meeting::new(record);
    if meeting
        .execute(Command::Interrupt(reason), clock.now(), 0)
        .is_ok()
        && let Ok(bytes) = crate::store::session_json(meeting.record())
    {
        let _ = atomic::write_atomic(path, &bytes);
    }
}

/// Records why the meeting stopped, restores the terminal and ends the process.
fn stop(last_saved: &LastSaved, clock: &SystemClock, reason: Interruption, code: i32) -> ! {
    if let Ok(mut slot) = last_saved.lock()
        && let Some((path, record)) = slot.take()
    {
        record_interruption(&path, record, clock, reason);
    }
    leave_terminal();
    std::process::exit(code);
}

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT: save "interrupted", restore, exit with 128 + the
/// signal, as the shell expects. On a dedicated thread, because the main thread may be stuck
/// inside crossterm on a dead terminal. In raw mode Ctrl-C and Ctrl-\ are keys, so SIGINT
/// and SIGQUIT come only from `kill` (or a terminal not in raw mode yet): left at their
/// defaults they would end parvi on the spot, the meeting unmarked and the terminal unusable.
#[cfg(unix)]
fn spawn_signal_thread(last_saved: LastSaved, clock: Arc<SystemClock>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
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

/// Windows: Ctrl-Break, Ctrl-C when the console delivers it as a signal, and closing the
/// console window (which leaves a few seconds to save): save "interrupted", restore, exit.
/// In raw mode Ctrl-C reaches the app as a key, as on Unix.
#[cfg(windows)]
fn spawn_signal_thread(last_saved: LastSaved, clock: Arc<SystemClock>) -> io::Result<()> {
    ctrlc::set_handler(move || stop(&last_saved, &clock, Interruption::Terminated, 130))
        .map_err(io::Error::other)
}

/// Windows has no terminal to poll: closing the console window is a control event, which
/// the signal thread handles.
#[cfg(windows)]
fn spawn_tty_watchdog(_last_saved: LastSaved, _clock: Arc<SystemClock>) {}

/// Notices a closed terminal even when SIGHUP never comes (started under `nohup`, or with
/// the signal ignored). It sleeps in `poll` on the terminal, which wakes only when the
/// terminal hangs up: no wake-ups while all is well. Where the terminal cannot be polled it
/// falls back to looking every half second.
#[cfg(unix)]
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
            std::thread::sleep(std::time::Duration::from_millis(500));
        }
        stop(&last_saved, &clock, Interruption::TerminalClosed, 129);
    });
}

/// On a panic: restore the terminal (with the cursor), record that parvi crashed, then let
/// the usual message print. The message holds no meeting content.
fn install_panic_hook(last_saved: LastSaved, clock: Arc<SystemClock>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A reading thread's failure is reported on screen, a phone request's is answered
        // as failed (the server catches it): the meeting goes on.
        let thread = std::thread::current();
        if matches!(
            thread.name(),
            Some(background::THREAD_NAME | crate::net::THREAD_NAME)
        ) {
            return;
        }
        leave_terminal();
        // try_lock: the panic may have happened while the slot was held.
        if let Ok(mut slot) = last_saved.try_lock()
            && let Some((path, record)) = slot.take()
        {
            record_interruption(&path, record, &clock, Interruption::Crashed);
        }
        previous(info);
    }));
}
