//! What wakes the app's loop: a terminal event, a phone's request, or the time for the next
//! visible change.
//!
//! While phones are off the loop sleeps in `crossterm::event::poll`, as it always has: no
//! thread is started. Turning phones on moves the terminal's reading to a thread of its own
//! (for the rest of the run: a thread blocked in `event::read` cannot be called back), so
//! that the loop can sleep on one channel that both the terminal and the phones wake.

use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use crossterm::event::{self, Event};

use super::phones::PhoneMessage;

/// Why the loop woke.
#[derive(Debug)]
pub enum Wake {
    Terminal(Event),
    Phone(PhoneMessage),
    /// The time asked for passed.
    Timeout,
}

/// A message for a loop that reads the terminal on a thread.
#[derive(Debug)]
pub enum Sent {
    Terminal(io::Result<Event>),
    Phone(PhoneMessage),
}

/// Where the loop waits.
#[derive(Debug, Default)]
pub struct Input {
    threaded: Option<(Sender<Sent>, Receiver<Sent>)>,
}

impl Input {
    /// The next wake-up, at the latest after `timeout`.
    ///
    /// # Errors
    /// When the terminal cannot be read.
    pub fn next(&mut self, timeout: Duration) -> io::Result<Wake> {
        let Some((_, woken)) = &self.threaded else {
            return if event::poll(timeout)? {
                Ok(Wake::Terminal(event::read()?))
            } else {
                Ok(Wake::Timeout)
            };
        };
        match woken.recv_timeout(timeout) {
            Ok(Sent::Terminal(event)) => event.map(Wake::Terminal),
            Ok(Sent::Phone(message)) => Ok(Wake::Phone(message)),
            Err(RecvTimeoutError::Timeout) => Ok(Wake::Timeout),
            // The sender is kept here, so the channel cannot close while the loop runs.
            Err(RecvTimeoutError::Disconnected) => Err(io::ErrorKind::BrokenPipe.into()),
        }
    }

    /// A sender that wakes the loop, once the terminal is read on a thread (started on the
    /// first call).
    ///
    /// # Errors
    /// When the thread cannot be started.
    pub fn waker(&mut self) -> io::Result<Sender<Sent>> {
        if let Some((sender, _)) = &self.threaded {
            return Ok(sender.clone());
        }
        let (sender, woken) = mpsc::channel();
        let terminal = sender.clone();
        std::thread::Builder::new()
            .name("parvi-terminal".into())
            .spawn(move || {
                loop {
                    let event = event::read();
                    let failed = event.is_err();
                    if terminal.send(Sent::Terminal(event)).is_err() || failed {
                        return;
                    }
                }
            })?;
        self.threaded = Some((sender.clone(), woken));
        Ok(sender)
    }
}
