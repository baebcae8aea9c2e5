//! Writing a meeting's exports where the facilitator asked for them: atomically, private to
//! the user (0600 files, 0700 directories), and never over a file unless told to. Used by
//! `parvi export` and by the app's review screen, so both write the same way.

use std::path::{Path, PathBuf};

use crate::model::SessionRecord;
use crate::store::Summary;

/// Why files could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// The file is there already and `force` was not given; nothing was written.
    Exists(PathBuf),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Writes each file atomically with mode 0600. Unless `force`, checks first that none of
/// them exists and writes nothing if one does.
pub fn write_all(files: &[(PathBuf, &[u8])], force: bool) -> Result<(), WriteError> {
    if !force && let Some((path, _)) = files.iter().find(|(p, _)| p.symlink_metadata().is_ok()) {
        return Err(WriteError::Exists(path.clone()));
    }
    for (path, bytes) in files {
        crate::store::atomic::write_atomic(path, bytes).map_err(|source| WriteError::Io {
            path: path.clone(),
            source,
        })?;
    }
    Ok(())
}

/// Creates a directory (and its parents) with mode 0700; an existing one is left as it is.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// The meeting's running number among its group's meetings of the same calendar year.
pub fn number(record: &SessionRecord, summaries: &[Summary], zone: &jiff::tz::TimeZone) -> u32 {
    let year = |at: jiff::Timestamp| at.to_zoned_datetime(zone.clone()).year();
    let start = record.started_at();
    let n = summaries
        .iter()
        .filter(|s| {
            s.group_id == record.group.id
                && year(s.started_at) == year(start)
                && (s.started_at, s.id) <= (start, record.id)
        })
        .count();
    u32::try_from(n.max(1)).unwrap_or(1)
}

/// The zone of the times in the minutes: the system's, else Finnish time.
pub fn zone() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::try_system().unwrap_or_else(|_| crate::model::helsinki())
}
