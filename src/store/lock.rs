//! Kernel file locks: one writer per data directory (`parvi.lock`), and the walls that
//! follow it (`wall.lock`).
//!
//! The kernel drops a lock when the process dies, even by `kill -9`, so there is never a
//! stale lock to clean up by hand (unlike git's `index.lock`), and a lock says whether its
//! holder still runs. The writer writes its process id into `parvi.lock` so a second parvi
//! can say who has it. Each `parvi wall` holds a shared lock on `wall.lock` while it runs, so
//! the facilitator's parvi can tell that its screen is not the room's.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The held lock; dropping it releases the data directory.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
}

/// Someone else holds the lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Busy {
    /// The holder's process id, if it could be read.
    pub pid: Option<u32>,
}

/// Tries to take the lock at `path` without waiting.
///
/// # Errors
/// `Ok(Err(Busy))` when another process holds it; `Err` for I/O errors.
pub fn try_lock(path: &Path) -> io::Result<Result<InstanceLock, Busy>> {
    let mut file = open_private(path)?;
    match file.try_lock() {
        Ok(()) => {
            file.set_len(0)?;
            file.rewind()?;
            write!(file, "{}", std::process::id())?;
            file.sync_data()?;
            Ok(Ok(InstanceLock { _file: file }))
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            Ok(Err(Busy {
                pid: text.trim().parse().ok(),
            }))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

/// A shared lock held for as long as this lives (a running wall's mark).
#[derive(Debug)]
pub struct SharedLock {
    _file: File,
}

/// Takes a shared lock on `path` (created if missing) without waiting; `Ok(None)` while
/// someone holds it exclusively, which [`held`] does for a moment: try again later.
///
/// # Errors
/// When the file cannot be opened or created.
pub fn try_lock_shared(path: &Path) -> io::Result<Option<SharedLock>> {
    let file = open_private(path)?;
    match file.try_lock_shared() {
        Ok(()) => Ok(Some(SharedLock { _file: file })),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Asks, as often as needed, whether another process holds a lock (shared or not) on one
/// file: a parvi writing the data directory, or a wall following it.
///
/// It keeps one handle open and asks through it: opening a file in a watched directory
/// would wake every watcher of it (inotify reports opens), where taking and dropping a lock
/// wakes none. The question takes the lock for a moment, so a holder starting at that very
/// moment finds it taken: [`try_lock`]'s callers look again before they give up, and a wall
/// retries.
#[derive(Debug)]
pub struct LockProbe {
    path: PathBuf,
    file: Option<File>,
}

impl LockProbe {
    pub fn new(path: PathBuf) -> LockProbe {
        LockProbe { path, file: None }
    }

    /// Whether someone holds the lock now. A missing file has no holder.
    ///
    /// # Errors
    /// When the file exists but cannot be opened or asked; each caller picks its careful
    /// answer.
    pub fn held(&mut self) -> io::Result<bool> {
        let file = match &self.file {
            Some(file) => file,
            None => match open(&self.path, false) {
                Ok(file) => self.file.insert(file),
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
                Err(e) => return Err(e),
            },
        };
        match file.try_lock() {
            Ok(()) => {
                // Wine reports a failed unlock for a lock it holds; closing the handle
                // releases the lock everywhere, so the next question opens it again.
                if file.unlock().is_err() {
                    self.file = None;
                }
                Ok(false)
            }
            Err(std::fs::TryLockError::WouldBlock) => Ok(true),
            Err(std::fs::TryLockError::Error(e)) => Err(e),
        }
    }
}

fn open_private(path: &Path) -> io::Result<File> {
    open(path, true)
}

/// Opens a lock file, never through a link (a link planted as `parvi.lock` would have the
/// process id written into whatever it points at) and never waiting on a FIFO; anything but
/// a plain file is refused.
fn open(path: &Path, write: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    if write {
        options.write(true).create(true).truncate(false);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
        options.mode(0o600).custom_flags(flags.bits() as i32);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a plain file", path.display()),
        ));
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("parvi.lock");
        let first = try_lock(&path).unwrap().unwrap();
        let busy = try_lock(&path).unwrap().unwrap_err();
        assert_eq!(busy.pid, Some(std::process::id()));
        drop(first);
        assert!(try_lock(&path).unwrap().is_ok());
    }

    #[test]
    fn a_lock_is_seen_as_held_while_someone_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wall.lock");
        let mut probe = LockProbe::new(path.clone());
        assert!(!probe.held().unwrap(), "no file, no holder");
        let first = try_lock_shared(&path).unwrap().unwrap();
        let second = try_lock_shared(&path).unwrap().unwrap();
        assert!(probe.held().unwrap());
        drop(first);
        assert!(probe.held().unwrap(), "one shared holder is left");
        drop(second);
        assert!(!probe.held().unwrap());
        // Asking released the lock again: a holder can still take it.
        let writer = try_lock(&path).unwrap().unwrap();
        assert!(probe.held().unwrap());
        assert!(try_lock_shared(&path).unwrap().is_none());
        drop(writer);
        assert!(!probe.held().unwrap());
        assert!(try_lock_shared(&path).unwrap().is_some());
    }
}
