//! `.stignore` in the data directory: tells Syncthing, when the data directory is the
//! synced folder, to leave this laptop's own files alone.
//!
//! The caches (`index.json`, `search.txt`, `figures.jsonl`) are rebuilt from the meetings
//! and would be harmless if synced (each is checked against the files it describes), but
//! syncing them only churns. The locks and the live pointer name a process on this laptop:
//! on the other one they mean nothing. parvi's temporary files are half-written saves.
//! Written once, never over a file the user has made.

use std::io;

use super::{Paths, atomic};

/// The file's name in the data directory.
pub const FILE_NAME: &str = ".stignore";

/// What parvi writes (Syncthing's ignore patterns, rooted at the synced folder).
pub const CONTENT: &str = "\
// parvi: this laptop's own files; the meetings, groups and year clocks sync.
// (Written by parvi once; edit freely, parvi does not write it again.)
/index.json
/search.txt
/figures.jsonl
/parvi.lock
/wall.lock
/live.json
.parvi-*.tmp
";

/// Writes `.stignore` into the data directory unless something is there already.
pub fn ensure(paths: &Paths) -> io::Result<()> {
    let path = paths.root.join(FILE_NAME);
    if std::fs::symlink_metadata(&path).is_ok() {
        return Ok(());
    }
    atomic::write_atomic(&path, CONTENT.as_bytes())
}
