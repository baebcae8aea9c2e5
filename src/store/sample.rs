//! The bundled sample: a site wellbeing group, its year clock and three of its meetings,
//! embedded in the binary so that the app can offer them on an empty data directory.
//!
//! The files under `sessions/sample/` are made by the simulator (`crate::simulator`, built
//! for the tests); a test checks that they are up to date.

use std::io;

use super::Store;
use super::atomic;

/// The sample group file, as committed under `sessions/sample/groups/`.
pub const GROUP_FILE: (&str, &str) = (
    "hyvinvointiryhma-kotkan-kampus-7c1e.json",
    include_str!("../../sessions/sample/groups/hyvinvointiryhma-kotkan-kampus-7c1e.json"),
);

/// The sample group's year clock, as committed under `sessions/sample/clocks/`.
pub const CLOCK_FILE: (&str, &str) = (
    "hyvinvointiryhma-kotkan-kampus-7c1e.json",
    include_str!("../../sessions/sample/clocks/hyvinvointiryhma-kotkan-kampus-7c1e.json"),
);

/// The sample meeting files, as committed under `sessions/sample/sessions/`.
pub const SESSION_FILES: &[(&str, &str)] = &[
    (
        "2026-09-08_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a01.json",
        include_str!(
            "../../sessions/sample/sessions/2026-09-08_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a01.json"
        ),
    ),
    (
        "2026-10-06_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a02.json",
        include_str!(
            "../../sessions/sample/sessions/2026-10-06_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a02.json"
        ),
    ),
    (
        "2026-11-03_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a03.json",
        include_str!(
            "../../sessions/sample/sessions/2026-11-03_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a03.json"
        ),
    ),
];

/// Copies the bundled sample into the data directory, never over an existing file.
pub fn install(store: &Store) -> io::Result<()> {
    let (name, text) = GROUP_FILE;
    let (clock_name, clock_text) = CLOCK_FILE;
    atomic::ensure_private_dir(&store.paths.clocks())?;
    let files = [
        (store.paths.groups().join(name), text),
        (store.paths.clocks().join(clock_name), clock_text),
    ]
    .into_iter()
    .chain(
        SESSION_FILES
            .iter()
            .map(|(name, text)| (store.paths.sessions().join(name), *text)),
    );
    for (path, text) in files {
        if !path.exists() {
            atomic::write_atomic(&path, text.as_bytes())?;
        }
    }
    Ok(())
}
