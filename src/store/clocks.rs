//! Year clocks on disk: one file per group, `<data>/clocks/<group-id>.json`, saved
//! atomically like the groups; the built-in template embedded in the binary.

use std::path::PathBuf;

use super::read::{self, Problem, Reason, Warning};
use super::{Store, StoreError, io_at, to_json};
use crate::model::clock::YearClock;
use crate::model::clock::template::Template;

/// The template as shipped in `clocks/template.json` of the source tree.
const TEMPLATE: &str = include_str!("../../clocks/template.json");

/// The built-in template of a vocational school's wellbeing year.
pub fn template() -> Template {
    // The tests parse it; an empty template in a broken build is still a template.
    serde_json::from_str(TEMPLATE).unwrap_or_else(|_| Template {
        schema: crate::model::SCHEMA_VERSION,
        name: String::new(),
        title: Default::default(),
        sources: Vec::new(),
        items: Vec::new(),
    })
}

impl Store {
    /// Group `group_id`'s clock: `Ok(None)` when it has none yet, a problem when its file is
    /// broken or belongs to another group (reported, never overwritten).
    pub fn clock(&self, group_id: &str) -> Result<Option<(YearClock, Vec<Warning>)>, Problem> {
        let path = self.paths.clock(group_id);
        if path.symlink_metadata().is_err() {
            return Ok(None);
        }
        let (clock, warnings) =
            read::load_capped::<YearClock>(&path, read::MAX_SMALL_BYTES, |c| c.schema)?;
        if clock.group != group_id {
            return Err(Problem {
                path,
                reason: Reason::IdMismatch { id: clock.group },
            });
        }
        Ok(Some((clock, warnings)))
    }

    /// Saves a clock to `clocks/<group>.json`, one revision on.
    pub fn save_clock(&self, clock: &mut YearClock) -> Result<PathBuf, StoreError> {
        self.check_writable()?;
        let path = self.paths.clock(&clock.group);
        clock.revision += 1;
        let dir = self.paths.clocks();
        let saved = super::atomic::ensure_private_dir(&dir)
            .map_err(io_at(&dir))
            .and_then(|_| to_json(clock).map_err(io_at(&path)))
            .and_then(|bytes| super::atomic::write_atomic(&path, &bytes).map_err(io_at(&path)));
        if let Err(e) = saved {
            // Not saved: the revision stays the one on disk.
            clock.revision -= 1;
            return Err(e);
        }
        Ok(path)
    }

    /// Where `parvi clock edit` keeps a clock being edited by hand: beside the clocks, so it
    /// is as private as they are, and kept when the edit does not check, to go on from.
    pub fn clock_draft(&self, group_id: &str) -> PathBuf {
        self.paths.clocks().join(format!(".edit-{group_id}.json"))
    }

    /// Writes `clock` as the draft to edit, unless a draft kept from an earlier edit is
    /// there (then that one is edited again). Returns the draft's path.
    pub fn start_clock_draft(&self, clock: &YearClock) -> Result<PathBuf, StoreError> {
        self.check_writable()?;
        let path = self.clock_draft(&clock.group);
        if path.symlink_metadata().is_err() {
            let dir = self.paths.clocks();
            super::atomic::ensure_private_dir(&dir).map_err(io_at(&dir))?;
            let bytes = to_json(clock).map_err(io_at(&path))?;
            super::atomic::write_atomic(&path, &bytes).map_err(io_at(&path))?;
        }
        Ok(path)
    }

    /// Reads a draft back, with the checks of any clock file.
    pub fn read_clock_draft(&self, group_id: &str) -> Result<YearClock, Problem> {
        read::load_capped::<YearClock>(&self.clock_draft(group_id), read::MAX_SMALL_BYTES, |c| {
            c.schema
        })
        .map(|(c, _)| c)
    }
}
