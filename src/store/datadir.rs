//! Getting the data directory ready to write, and saying what is odd about it.
//!
//! The directory itself may be a link (the usual way to point parvi at a synced folder), so
//! it is followed; `groups/` and `sessions/` inside it never are, so a planted link cannot
//! make parvi write somewhere else. A directory open to other users is made private and
//! said so (meeting records are personal data); one owned by another user is left alone
//! and said so, since parvi could not change it and may be unable to write in it. A
//! directory that cannot be written at all (no permission, a read-only file system) is not
//! an error: the store opens read-only and says why.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::read::Reason;
use super::{Notice, Paths, StoreError};

/// Whether an error means "this cannot be written here" rather than something broken.
pub(crate) fn is_unwritable(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

/// The read-only notice for `path`, from the error that said so.
pub(crate) fn unwritable(path: &Path, e: &io::Error) -> Notice {
    Notice::Unwritable {
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

/// Creates the data directory, `groups/` and `sessions/` where missing (mode 0700), and
/// looks at each. Returns `false` when the directory cannot be written (with a notice).
///
/// # Errors
/// When `groups/` or `sessions/` is a link or not a directory, or on another I/O error.
pub(crate) fn prepare(paths: &Paths, notices: &mut Vec<Notice>) -> Result<bool, StoreError> {
    for (dir, follow) in [
        (paths.root.clone(), true),
        (paths.groups(), false),
        (paths.sessions(), false),
    ] {
        match prepare_dir(&dir, follow, notices) {
            Ok(()) => {}
            Err(Prepare::Unwritable(e)) => {
                notices.push(unwritable(&dir, &e));
                return Ok(false);
            }
            Err(Prepare::Refused(reason)) => return Err(StoreError::Refused { path: dir, reason }),
            Err(Prepare::Io(source)) => return Err(StoreError::Io { path: dir, source }),
        }
    }
    Ok(true)
}

enum Prepare {
    Unwritable(io::Error),
    Refused(Reason),
    Io(io::Error),
}

impl From<io::Error> for Prepare {
    fn from(e: io::Error) -> Prepare {
        if is_unwritable(&e) {
            Prepare::Unwritable(e)
        } else {
            Prepare::Io(e)
        }
    }
}

fn prepare_dir(dir: &Path, follow: bool, notices: &mut Vec<Notice>) -> Result<(), Prepare> {
    let meta = if follow {
        fs::metadata(dir)
    } else {
        fs::symlink_metadata(dir)
    };
    let meta = match meta {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(create(dir)?),
        Err(e) => return Err(e.into()),
    };
    if meta.file_type().is_symlink() {
        return Err(Prepare::Refused(Reason::Symlink));
    }
    if !meta.is_dir() {
        return Err(Prepare::Io(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} exists and is not a directory", dir.display()),
        )));
    }
    look_at(dir, &meta, notices)?;
    Ok(())
}

fn create(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Owner and mode: another user's directory is only reported; our own loose one is made
/// private and reported.
#[cfg(unix)]
fn look_at(dir: &Path, meta: &fs::Metadata, notices: &mut Vec<Notice>) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let me = rustix::process::geteuid().as_raw();
    if meta.uid() != me {
        // Said once: the directories inside are most likely the same user's.
        if notices.iter().any(|n| matches!(n, Notice::NotOwned { .. })) {
            return Ok(());
        }
        notices.push(Notice::NotOwned {
            path: dir.to_path_buf(),
            owner: meta.uid(),
        });
        return Ok(());
    }
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        notices.push(Notice::ModeTightened {
            path: dir.to_path_buf(),
            old: mode,
        });
    }
    Ok(())
}

#[cfg(not(unix))]
fn look_at(_: &Path, _: &fs::Metadata, _: &mut Vec<Notice>) -> io::Result<()> {
    Ok(())
}

/// The files in the data directory's top level that parvi writes in place or through a
/// handle (the lock files); each must be a plain file or missing, never a link.
pub(crate) fn check_plain(path: &Path) -> Result<(), StoreError> {
    match fs::symlink_metadata(path)
        .ok()
        .and_then(|meta| super::read::not_regular(&meta))
    {
        Some(reason) => Err(StoreError::Refused {
            path: path.to_path_buf(),
            reason,
        }),
        None => Ok(()),
    }
}

/// Every directory where a killed parvi may have left a temporary file: wherever it saves.
pub(crate) fn temp_dirs(paths: &Paths) -> [PathBuf; 5] {
    [
        paths.root.clone(),
        paths.groups(),
        paths.sessions(),
        paths.clocks(),
        paths.formats(),
    ]
}
