//! The clock, injected at the edge: the app asks it for a [`Stamp`] and never reads time
//! itself, so every timer behaviour can be tested with [`ManualClock`] and no sleeping.

use std::cell::Cell;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Instant;

use jiff::{SignedDuration, Timestamp};

use crate::model::Stamp;

/// A source of the current time: wall clock for people, meeting clock for durations.
pub trait Clock {
    /// Now, with `mono_ms` on the meeting clock (see [`Stamp`]).
    fn now(&self) -> Stamp;

    /// Continues the meeting clock from `mono_ms` (the last saved event of a resumed
    /// meeting), so time while parvi was not running is never counted.
    fn continue_from(&self, mono_ms: u64);
}

/// The real clock: `Instant` differences for the meeting clock (they never jump and never
/// drift the way summed ticks do), the system time for the wall clock. Safe to share with
/// the signal thread, which stamps the "interrupted" event.
#[derive(Debug)]
pub struct SystemClock {
    origin: Instant,
    /// Meeting time minus time since `origin`, in milliseconds.
    offset_ms: AtomicI64,
}

impl SystemClock {
    pub fn new() -> SystemClock {
        SystemClock {
            origin: Instant::now(),
            offset_ms: AtomicI64::new(0),
        }
    }

    fn since_origin(&self) -> i64 {
        self.origin.elapsed().as_millis() as i64
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        SystemClock::new()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Stamp {
        let mono = self.offset_ms.load(Ordering::Relaxed) + self.since_origin();
        Stamp {
            at: Timestamp::now(),
            mono_ms: mono.max(0) as u64,
        }
    }

    fn continue_from(&self, mono_ms: u64) {
        self.offset_ms
            .store(mono_ms as i64 - self.since_origin(), Ordering::Relaxed);
    }
}

impl<C: Clock + ?Sized> Clock for std::sync::Arc<C> {
    fn now(&self) -> Stamp {
        (**self).now()
    }

    fn continue_from(&self, mono_ms: u64) {
        (**self).continue_from(mono_ms);
    }
}

/// A clock that moves only when told to: for tests and snapshots.
#[derive(Debug)]
pub struct ManualClock {
    at: Cell<Timestamp>,
    mono_ms: Cell<u64>,
}

impl ManualClock {
    /// A clock showing `at`, with the meeting clock at zero.
    pub fn new(at: Timestamp) -> ManualClock {
        ManualClock {
            at: Cell::new(at),
            mono_ms: Cell::new(0),
        }
    }

    /// Moves both clocks forward.
    pub fn advance(&self, ms: u64) {
        self.at
            .set(self.at.get() + SignedDuration::from_millis(ms as i64));
        self.mono_ms.set(self.mono_ms.get() + ms);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Stamp {
        Stamp {
            at: self.at.get(),
            mono_ms: self.mono_ms.get(),
        }
    }

    fn continue_from(&self, mono_ms: u64) {
        self.mono_ms.set(mono_ms);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manual_clock_moves_only_when_told_and_continues_from_a_saved_point() {
        let clock = ManualClock::new("2026-03-12T12:00:00Z".parse().unwrap());
        assert_eq!(clock.now().mono_ms, 0);
        clock.advance(1_500);
        assert_eq!(clock.now().mono_ms, 1_500);
        assert_eq!(clock.now().at.to_string(), "2026-03-12T12:00:01.5Z");
        clock.continue_from(90_000);
        clock.advance(10);
        assert_eq!(clock.now().mono_ms, 90_010);
    }

    #[test]
    fn the_system_clock_continues_from_a_saved_point() {
        let clock = SystemClock::new();
        clock.continue_from(1_000_000);
        let now = clock.now().mono_ms;
        assert!((1_000_000..1_060_000).contains(&now));
    }
}
