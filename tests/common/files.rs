//! What a data directory holds, as the end-to-end tests look at it from outside.

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
