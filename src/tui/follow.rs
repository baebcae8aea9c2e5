//! Waking `parvi wall` when the data directory changes, so it can re-read the live meeting.
//!
//! The wall must sleep while nothing changes (the same CPU budget as the meeting screen) and
//! still show a key pressed on the facilitator's screen within 200 ms. Polling the session file
//! on a timer would trade one against the other, so the wall asks the operating system to tell
//! it about changes (inotify, ReadDirectoryChangesW) and calls `wake` for each one. Where
//! the system cannot watch (inotify's watch limit, some network drives; macOS, see
//! [`follow`]), a poller that looks at a few files every 100 ms takes over: it costs a little
//! CPU but keeps the latency.
//!
//! Only the data root (where `live.json` is) and `sessions/` are watched, each without its
//! subfolders. `wake` may be called several times for one save; the caller coalesces.

use std::fs;
use std::io;
use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use notify::event::{EventKind, ModifyKind};
use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher};

use super::background::THREAD_NAME;
use crate::store::atomic::{TEMP_PREFIX, TEMP_SUFFIX};
use crate::store::{Paths, live_session};

/// How often the fallback poller looks: half the latency budget, so a change is seen in time.
pub const POLL_INTERVAL: Duration = Duration::from_millis(100);

/// The callback, shared so that the poller can take it over when the native watcher fails.
type SharedWake = Arc<Mutex<dyn Fn() + Send>>;

/// Watches a data directory while it lives; dropping it stops watching.
#[derive(Debug)]
pub struct Follower {
    watcher: Backend,
}

/// The watcher in use, kept alive here because dropping it ends its thread.
#[derive(Debug)]
enum Backend {
    Native { _watcher: RecommendedWatcher },
    Polling { _poller: Poller },
}

impl Follower {
    /// Whether changes are found by polling every [`POLL_INTERVAL`] instead of by the system.
    pub fn polling(&self) -> bool {
        matches!(self.watcher, Backend::Polling { .. })
    }
}

/// Follows `paths`: calls `wake` (on a watcher thread) for every change in the data root or in
/// `sessions/`: a file created, written, renamed or removed. Uses the system's watcher, and a
/// poller when that cannot be had.
///
/// # Errors
/// When the data directory or its `sessions/` folder does not exist (nothing is created: the
/// wall only reads; it may try again later), or when no watcher at all can be started.
pub fn follow(paths: &Paths, wake: impl Fn() + Send + 'static) -> io::Result<Follower> {
    check_dirs(paths)?;
    let wake: SharedWake = Arc::new(Mutex::new(wake));
    // Not on macOS: notify's kqueue backend opens a watch (a file) for a file of `sessions/`
    // at every save it sees, so a wall open through a few hundred saves would run out of
    // files (256 by default); FSEvents would need Apple's frameworks at link time.
    if cfg!(target_os = "macos") {
        return follow_polling_shared(paths, wake);
    }
    match follow_native(paths, Arc::clone(&wake)) {
        Ok(follower) => Ok(follower),
        // The reason is not kept: the poller works everywhere, and `polling()` tells the
        // caller that it is in use.
        Err(_) => follow_polling_shared(paths, wake),
    }
}

/// Follows `paths` with the poller only, as [`follow`] does when the system cannot watch.
///
/// # Errors
/// As [`follow`].
pub fn follow_polling(paths: &Paths, wake: impl Fn() + Send + 'static) -> io::Result<Follower> {
    check_dirs(paths)?;
    follow_polling_shared(paths, Arc::new(Mutex::new(wake)))
}

fn check_dirs(paths: &Paths) -> io::Result<()> {
    for dir in [paths.root.clone(), paths.sessions()] {
        if !dir.is_dir() {
            return Err(io::ErrorKind::NotFound.into());
        }
    }
    Ok(())
}

fn follow_native(paths: &Paths, wake: SharedWake) -> notify::Result<Follower> {
    let mut watcher = notify::recommended_watcher(handler(wake))?;
    // Starting may succeed and watching still fail (inotify's limit is per watch).
    watch_both(&mut watcher, paths)?;
    Ok(Follower {
        watcher: Backend::Native { _watcher: watcher },
    })
}

fn follow_polling_shared(paths: &Paths, wake: SharedWake) -> io::Result<Follower> {
    Ok(Follower {
        watcher: Backend::Polling {
            _poller: Poller::spawn(paths.clone(), wake)?,
        },
    })
}

/// The fallback: a thread that compares a few files' stamps every [`POLL_INTERVAL`].
///
/// Not notify's `PollWatcher`: it compares modification times in whole seconds (and no
/// sizes), so a second save within the same second would go unseen until a later one; and it
/// stats every file in `sessions/` each round, thousands for a long-lived group. This looks at
/// four things only: the data root and `sessions/` (whose times change when a file is
/// created, renamed into place or removed), `live.json`, and the session file it points to.
#[derive(Debug)]
struct Poller {
    /// Dropping the sender wakes the thread, which then ends.
    _stop: mpsc::Sender<()>,
}

impl Poller {
    fn spawn(paths: Paths, wake: SharedWake) -> io::Result<Poller> {
        let (stop, stopped) = mpsc::channel::<()>();
        let mut last = stamps(&paths);
        // Named like the store's reading threads, so the panic hook leaves the terminal alone.
        std::thread::Builder::new()
            .name(THREAD_NAME.to_string())
            .spawn(move || {
                while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(POLL_INTERVAL) {
                    let now = stamps(&paths);
                    if now != last {
                        last = now;
                        let wake = wake.lock().unwrap_or_else(PoisonError::into_inner);
                        wake();
                    }
                }
            })?;
        Ok(Poller { _stop: stop })
    }
}

/// What a file looked like, precise enough to tell two saves in one second apart: the full
/// modification time, the size (a meeting's file grows with every event, which also covers
/// file systems with coarse times such as FAT), and on Unix the inode a rename brings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

fn stamps(paths: &Paths) -> Vec<Option<Stamp>> {
    let mut files = vec![paths.root.clone(), paths.sessions(), paths.live()];
    files.extend(live_session(paths));
    files.iter().map(|path| stamp(path)).collect()
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::symlink_metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        inode,
    })
}

fn watch_both(watcher: &mut impl Watcher, paths: &Paths) -> notify::Result<()> {
    watcher.watch(&paths.root, RecursiveMode::NonRecursive)?;
    watcher.watch(&paths.sessions(), RecursiveMode::NonRecursive)
}

/// Turns the watcher's events into calls of `wake`, leaving out those that change nothing.
fn handler(wake: SharedWake) -> impl Fn(notify::Result<Event>) + Send + 'static {
    move |result| {
        // An error is not passed on: waking for it would not help the wall read anything,
        // and a poller can report the same error every round, which would keep it awake.
        if let Ok(event) = result
            && worth_waking(&event)
        {
            let wake = wake.lock().unwrap_or_else(PoisonError::into_inner);
            wake();
        }
    }
}

/// Whether an event may have changed what the wall shows.
///
/// Reading a file is an event too (inotify reports every open), and the wall reads the session
/// file after every wake: waking for it would keep the wall busy forever. A save writes a
/// temporary file first; only its rename into place matters, so creating and writing the
/// temporary file do not wake.
fn worth_waking(event: &Event) -> bool {
    match event.kind {
        EventKind::Access(_) => false,
        EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_)) => true,
        _ => {
            event.need_rescan()
                || event.paths.is_empty()
                || !event.paths.iter().all(|path| is_temp_file(path))
        }
    }
}

fn is_temp_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX))
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Instant;

    use notify::event::{AccessKind, CreateKind, DataChange, Flag, RemoveKind, RenameMode};

    use super::*;
    use crate::store::Origin;
    use crate::store::atomic::write_atomic;

    const DEADLINE: Duration = Duration::from_secs(2);

    /// A data directory with `sessions/`, as the app leaves it.
    fn data_dir() -> (tempfile::TempDir, Paths) {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::at(dir.path(), Origin::Flag);
        fs::create_dir(paths.sessions()).unwrap();
        (dir, paths)
    }

    type Start = fn(&Paths, Box<dyn Fn() + Send>) -> io::Result<Follower>;

    fn start_native(paths: &Paths, wake: Box<dyn Fn() + Send>) -> io::Result<Follower> {
        follow(paths, wake)
    }

    fn start_polling(paths: &Paths, wake: Box<dyn Fn() + Send>) -> io::Result<Follower> {
        follow_polling(paths, wake)
    }

    /// Starts following with a wake that counts its calls.
    fn counting(paths: &Paths, start: Start) -> (Follower, Arc<AtomicUsize>) {
        let count = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&count);
        let follower = start(
            paths,
            Box::new(move || {
                counter.fetch_add(1, Ordering::SeqCst);
            }),
        )
        .unwrap();
        (follower, count)
    }

    /// Waits until `count` is above `seen`, up to the deadline; the count then.
    fn wait_above(count: &AtomicUsize, seen: usize) -> usize {
        let start = Instant::now();
        loop {
            let now = count.load(Ordering::SeqCst);
            if now > seen || start.elapsed() > DEADLINE {
                return now;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// A new session file wakes, and so does a save renamed over an existing one. The file
    /// replaced is there before following starts, so only the replacement can wake for it.
    fn wakes_for_a_new_file_and_a_replaced_one(start: Start, polling: bool) {
        let (_dir, paths) = data_dir();
        let existing = paths.sessions().join("2026-12-06_a.json");
        write_atomic(&existing, b"{}").unwrap();

        let (follower, count) = counting(&paths, start);
        assert_eq!(follower.polling(), polling);
        write_atomic(&paths.sessions().join("2026-12-06_b.json"), b"{}").unwrap();
        assert!(wait_above(&count, 0) > 0, "no wake for a new file");
        drop(follower);

        let (_follower, count) = counting(&paths, start);
        write_atomic(&existing, b"{\"changed\": true}").unwrap();
        assert!(wait_above(&count, 0) > 0, "no wake for a replaced file");

        // And in one follower, two saves in a row: write, wake, replace, wake.
        let seen = count.load(Ordering::SeqCst);
        write_atomic(&paths.live(), b"{}").unwrap();
        let seen = wait_above(&count, seen);
        write_atomic(&paths.live(), b"{\"again\": 1}").unwrap();
        assert!(
            wait_above(&count, seen) > seen,
            "no wake for the second save"
        );
    }

    #[test]
    fn the_system_watcher_wakes_for_new_and_replaced_files() {
        // A test machine without inotify room would take the poller: still a pass.
        let (_dir, paths) = data_dir();
        let polling = follow(&paths, || {}).unwrap().polling();
        wakes_for_a_new_file_and_a_replaced_one(start_native, polling);
    }

    #[test]
    fn the_poller_wakes_for_new_and_replaced_files() {
        wakes_for_a_new_file_and_a_replaced_one(start_polling, true);
    }

    #[test]
    fn reading_files_does_not_wake() {
        let (_dir, paths) = data_dir();
        let file = paths.sessions().join("2026-12-06_a.json");
        write_atomic(&file, b"{}").unwrap();
        let (_follower, count) = counting(&paths, start_native);
        for _ in 0..20 {
            fs::read(&file).unwrap();
        }
        // Events arrive in order: by the time this save has woken the follower, the reads
        // above would have woken it 20 times had they counted.
        write_atomic(&paths.live(), b"{}").unwrap();
        let woken = wait_above(&count, 0);
        assert!((1..20).contains(&woken), "{woken} wakes");
    }

    #[test]
    fn a_missing_data_directory_is_an_error_not_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::at(dir.path().join("none"), Origin::Flag);
        assert!(follow(&paths, || {}).is_err());
        assert!(follow_polling(&paths, || {}).is_err());
        assert!(!paths.root.exists());
        fs::create_dir(&paths.root).unwrap();
        assert!(follow(&paths, || {}).is_err(), "sessions/ is missing");
    }

    #[test]
    fn reads_and_temporary_files_are_left_out_but_renames_are_not() {
        let temp = Path::new("/d/sessions/.parvi-abc.tmp");
        let real = Path::new("/d/sessions/2026-12-06_a.json");
        let event = |kind, paths: &[&Path]| {
            paths
                .iter()
                .fold(Event::new(kind), |e, p| e.add_path(p.to_path_buf()))
        };
        let open = EventKind::Access(AccessKind::Open(notify::event::AccessMode::Any));
        assert!(!worth_waking(&event(open, &[real])));
        let create = EventKind::Create(CreateKind::File);
        assert!(!worth_waking(&event(create, &[temp])));
        assert!(worth_waking(&event(create, &[real])));
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        assert!(!worth_waking(&event(write, &[temp])));
        assert!(worth_waking(&event(write, &[real])));
        let rename = EventKind::Modify(ModifyKind::Name(RenameMode::From));
        assert!(worth_waking(&event(rename, &[temp])));
        assert!(worth_waking(&event(
            EventKind::Remove(RemoveKind::Any),
            &[temp]
        )));
        assert!(worth_waking(&event(EventKind::Any, &[])));
        let overflow = event(write, &[temp]).set_flag(Flag::Rescan);
        assert!(worth_waking(&overflow));
    }
}
