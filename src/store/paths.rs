//! Where parvi keeps its files: the data directory and the layout inside it (DESIGN §4).

use std::path::{Path, PathBuf};

/// How the data directory was chosen, so `parvi paths` can say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `--data-dir`
    Flag,
    /// `PARVI_DATA_DIR`
    Env,
    /// The platform's data directory (`~/.local/share/parvi` on Linux).
    Platform,
}

/// The data directory and the files in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub root: PathBuf,
    pub origin: Origin,
}

/// The environment variable that overrides the platform data directory.
pub const DATA_DIR_ENV: &str = "PARVI_DATA_DIR";

impl Paths {
    /// A data directory at `root`.
    pub fn at(root: impl Into<PathBuf>, origin: Origin) -> Paths {
        Paths {
            root: root.into(),
            origin,
        }
    }

    /// Chooses the data directory: the flag, else `PARVI_DATA_DIR` (passed in by the caller),
    /// else the platform's local data directory. `None` when no home directory is known.
    pub fn choose(flag: Option<PathBuf>, env: Option<PathBuf>) -> Option<Paths> {
        if let Some(dir) = flag.filter(|d| !d.as_os_str().is_empty()) {
            return Some(Paths::at(dir, Origin::Flag));
        }
        if let Some(dir) = env.filter(|d| !d.as_os_str().is_empty()) {
            return Some(Paths::at(dir, Origin::Env));
        }
        // The *local* data directory: on a Windows domain the roaming one is copied to
        // servers, and meeting logs must stay on this machine.
        let dirs = directories::ProjectDirs::from("fi", "parvi", "parvi")?;
        Some(Paths::at(dirs.data_local_dir(), Origin::Platform))
    }

    pub fn groups(&self) -> PathBuf {
        self.root.join("groups")
    }

    pub fn group(&self, id: &str) -> PathBuf {
        self.groups().join(format!("{id}.json"))
    }

    /// The groups' year clocks, one file per group.
    pub fn clocks(&self) -> PathBuf {
        self.root.join("clocks")
    }

    pub fn clock(&self, group_id: &str) -> PathBuf {
        self.clocks().join(format!("{group_id}.json"))
    }

    pub fn sessions(&self) -> PathBuf {
        self.root.join("sessions")
    }

    pub fn formats(&self) -> PathBuf {
        self.root.join("formats")
    }

    pub fn index(&self) -> PathBuf {
        self.root.join("index.json")
    }

    pub fn config(&self) -> PathBuf {
        self.root.join("config.json")
    }

    pub fn lock(&self) -> PathBuf {
        self.root.join("parvi.lock")
    }

    /// Held (shared) by every `parvi wall` following this directory (see `store::lock`).
    pub fn wall_lock(&self) -> PathBuf {
        self.root.join("wall.lock")
    }

    /// The pointer to the meeting running now, which `parvi wall` follows (see `store::live`).
    pub fn live(&self) -> PathBuf {
        self.root.join("live.json")
    }

    /// The file name of a session: `<date>_<id>.json`, so a plain directory listing is in
    /// date order.
    pub fn session_file_name(date: jiff::civil::Date, id: &uuid::Uuid) -> String {
        format!("{date}_{id}.json")
    }

    /// The session id in a session file name, if it is one.
    pub fn session_id_of(path: &Path) -> Option<uuid::Uuid> {
        let name = path.file_name()?.to_str()?;
        let stem = name.strip_suffix(".json")?;
        let (_, id) = stem.split_once('_')?;
        id.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_beats_the_environment_which_beats_the_platform() {
        let flag = Paths::choose(Some("/a".into()), Some("/b".into())).unwrap();
        assert_eq!(
            (flag.root.as_path(), flag.origin),
            (Path::new("/a"), Origin::Flag)
        );
        let env = Paths::choose(None, Some("/b".into())).unwrap();
        assert_eq!(
            (env.root.as_path(), env.origin),
            (Path::new("/b"), Origin::Env)
        );
        let empty = Paths::choose(Some("".into()), None);
        assert!(empty.is_none_or(|p| p.origin == Origin::Platform));
    }

    #[test]
    fn session_file_names_carry_the_date_and_id() {
        let id = uuid::Uuid::from_u128(1);
        let name = Paths::session_file_name(jiff::civil::date(2026, 3, 12), &id);
        assert_eq!(name, "2026-03-12_00000000-0000-0000-0000-000000000001.json");
        assert_eq!(Paths::session_id_of(Path::new(&name)), Some(id));
        assert_eq!(Paths::session_id_of(Path::new("index.json")), None);
    }
}
