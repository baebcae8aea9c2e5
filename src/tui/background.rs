//! Slow reads done on a thread, so that the screen keeps answering while they run: the full
//! list of meetings after the first frame, and the figures of a group's meetings for its
//! trends and its yearly report (a second for a group with thousands of meetings when their cache is cold). The
//! loop collects what has finished each time it wakes, and wakes often only while something
//! is still running.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::screens::review::trend::TrendData;
use crate::store::{Paths, Sessions, figures};

/// The name of the reading threads: the panic hook leaves the terminal alone for them,
/// because a failed read is reported on screen and the meeting goes on.
pub const THREAD_NAME: &str = "parvi-read";

/// A read that has finished.
#[derive(Debug)]
pub enum Finished {
    /// Every meeting file, checked against the index.
    Sessions(Sessions),
    /// A group's meetings, read for its trends.
    Group { group: String, data: Box<TrendData> },
    /// The read stopped on a bug; what it was for is named so the screen can say so.
    Failed(Job),
}

/// What a read was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    Sessions,
    Group(String),
}

/// The reads under way and the channel their results come back on.
#[derive(Debug)]
pub struct Background {
    sender: Sender<Finished>,
    receiver: Receiver<Finished>,
    running: usize,
}

impl Default for Background {
    fn default() -> Background {
        let (sender, receiver) = channel();
        Background {
            sender,
            receiver,
            running: 0,
        }
    }
}

impl Background {
    /// Whether a read is still running (the loop then looks for its result every 20 ms).
    pub fn busy(&self) -> bool {
        self.running > 0
    }

    /// Reads every meeting file, refreshing the index (saved when `write_index`).
    pub fn list_sessions(&mut self, paths: Paths, write_index: bool) {
        self.spawn(Job::Sessions, move || {
            Finished::Sessions(crate::store::refresh_sessions(&paths, write_index))
        });
    }

    /// Reads a group's meetings' figures, oldest first (`files` in that order): from the
    /// figures cache of `paths` where it holds them for the file as it is now, else from the
    /// log (one log in memory at a time whatever the group's size). Never writes.
    pub fn read_group(&mut self, paths: Paths, group: String, files: Vec<PathBuf>) {
        let job = Job::Group(group.clone());
        self.spawn(job, move || {
            let mut data = TrendData::default();
            for figures in figures::of_files(&paths, &files) {
                match figures {
                    Ok(figures) => data.add_figures(figures),
                    Err(_) => data.unreadable += 1,
                }
            }
            Finished::Group {
                group,
                data: Box::new(data),
            }
        });
    }

    /// The reads that have finished since the last call.
    pub fn finished(&mut self) -> Vec<Finished> {
        let done: Vec<Finished> = self.receiver.try_iter().collect();
        self.running -= done.len().min(self.running);
        done
    }

    /// Runs `read` on a thread; where no thread can be started, the read is reported failed.
    fn spawn(&mut self, job: Job, read: impl FnOnce() -> Finished + Send + 'static) {
        let sender = self.sender.clone();
        let failed = Finished::Failed(job.clone());
        let guarded = move || {
            // A bug in a read must not take the meeting down with it: it is reported as a
            // failed read instead.
            let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read))
                .unwrap_or(Finished::Failed(job));
            let _ = sender.send(done);
        };
        self.running += 1;
        let started = std::thread::Builder::new()
            .name(THREAD_NAME.to_string())
            .spawn(guarded);
        if started.is_err() {
            let _ = self.sender.send(failed);
        }
    }
}
