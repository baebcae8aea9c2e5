//! What a data directory holds, as the end-to-end tests look at it from outside.
#![allow(dead_code, reason = "each test file uses a different part")]

use std::path::{Path, PathBuf};

/// The meeting files in `<data>/sessions/`: `.json`, not the hidden temporary ones.
pub fn meeting_files(data: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(data.join("sessions")) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.ends_with(".json") && !name.starts_with('.')
        })
        .collect()
}

/// The temporary files a save leaves when it is cut short, in the data directory, `groups/`
/// and `sessions/`.
pub fn temp_files(data: &Path) -> Vec<PathBuf> {
    ["", "groups", "sessions"]
        .iter()
        .filter_map(|sub| std::fs::read_dir(data.join(sub)).ok())
        .flat_map(|entries| entries.flatten())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(".parvi-") && name.ends_with(".tmp")
        })
        .map(|e| e.path())
        .collect()
}
