//! One writer per data directory: a kernel file lock on `parvi.lock`.
//!
//! The kernel drops the lock when the process dies, even by `kill -9`, so there is never a
//! stale lock to clean up by hand (unlike git's `index.lock`). The holder writes its process
//! id into the file so a second parvi can say who has it.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::Path;

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
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
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
}
