//! A stopwatch on the meeting's own clock: elapsed time is the sum of closed running
//! intervals plus the open one, never a count of ticks (ticks drift; see reliability.md §5).

use serde::{Deserialize, Serialize};

/// Accumulated running time in milliseconds of meeting time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stopwatch {
    /// Time counted in intervals that have closed.
    accumulated: u64,
    /// When the open interval began, if the stopwatch is running.
    since: Option<u64>,
}

impl Stopwatch {
    /// A stopwatch that starts running at `now` if `running`.
    pub fn started(now: u64, running: bool) -> Stopwatch {
        Stopwatch {
            accumulated: 0,
            since: running.then_some(now),
        }
    }

    /// A stopwatch that already holds `elapsed` and goes on from `now` if `running`.
    pub fn resumed(elapsed: u64, now: u64, running: bool) -> Stopwatch {
        Stopwatch {
            accumulated: elapsed,
            since: running.then_some(now),
        }
    }

    pub fn is_running(&self) -> bool {
        self.since.is_some()
    }

    /// Starts counting at `now`; does nothing if already running.
    pub fn start(&mut self, now: u64) {
        if self.since.is_none() {
            self.since = Some(now);
        }
    }

    /// Stops counting at `now`; a `now` earlier than the start counts as zero time.
    pub fn stop(&mut self, now: u64) {
        if let Some(since) = self.since.take() {
            self.accumulated += now.saturating_sub(since);
        }
    }

    /// Time counted up to `now`.
    pub fn elapsed(&self, now: u64) -> u64 {
        self.accumulated + self.since.map_or(0, |since| now.saturating_sub(since))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_only_running_intervals() {
        let t = |s: u64| s * 1000;
        let mut w = Stopwatch::started(t(10), true);
        assert_eq!(w.elapsed(t(15)), t(5));
        w.stop(t(20));
        assert_eq!(w.elapsed(t(100)), t(10));
        w.start(t(100));
        w.start(t(105)); // a second start does not reset the interval
        assert_eq!(w.elapsed(t(110)), t(20));
        w.stop(t(110));
        w.stop(t(120));
        assert_eq!(w.elapsed(t(500)), t(20));
    }

    #[test]
    fn an_hour_of_frames_reads_exactly_an_hour() {
        // Elapsed time comes from clock differences, so the number of frames drawn, and when,
        // cannot make the timer drift.
        let w = Stopwatch::started(0, true);
        let mut now = 0;
        while now < 3_600_000 {
            now += 250 + now % 41;
        }
        assert_eq!(w.elapsed(3_600_000), 3_600_000);
        assert!(w.elapsed(now) >= 3_600_000);
    }

    #[test]
    fn a_clock_going_backwards_counts_zero() {
        let mut w = Stopwatch::started(5_000, true);
        assert_eq!(w.elapsed(1_000), 0);
        w.stop(1_000);
        assert_eq!(w.elapsed(9_000), 0);
    }
}
