//! Changes to the group's year clock made in a meeting: marking an item for a school year,
//! moving it, adding and removing items. Each is an event of the meeting, so the minutes
//! show it; the app writes the clock file from the meeting's clock (see
//! `SessionRecord::clock_after`).

use super::Draft;
use crate::model::clock::{ClockItem, ItemDraft, ItemStatus, SchoolYear, When, YearClock};
use crate::model::engine::command::Refusal;
use crate::model::session::EventKind;

impl Draft {
    fn require_clock(&self) -> Result<&YearClock, Refusal> {
        self.require_running()?;
        self.s().clock.as_ref().ok_or(Refusal::NoClock)
    }

    pub(super) fn require_clock_item(&self, item: &str) -> Result<&ClockItem, Refusal> {
        self.require_clock()?
            .item(item)
            .ok_or(Refusal::NoSuchClockItem)
    }

    pub(super) fn mark_clock_item(
        &mut self,
        item: String,
        year: SchoolYear,
        status: ItemStatus,
    ) -> Result<(), Refusal> {
        self.require_clock_item(&item)?;
        self.emit(EventKind::ClockItemMarked { item, year, status });
        Ok(())
    }

    pub(super) fn move_clock_item(&mut self, item: String, when: When) -> Result<(), Refusal> {
        self.require_clock_item(&item)?;
        let when = when.check().map_err(Refusal::BadClockChange)?;
        self.emit(EventKind::ClockItemMoved { item, when });
        Ok(())
    }

    pub(super) fn add_clock_item(&mut self, draft: ItemDraft) -> Result<(), Refusal> {
        let item = self
            .require_clock()?
            .draft_item(draft)
            .map_err(Refusal::BadClockChange)?;
        self.emit(EventKind::ClockItemAdded { item });
        Ok(())
    }

    pub(super) fn remove_clock_item(&mut self, item: String) -> Result<(), Refusal> {
        self.require_clock_item(&item)?;
        self.emit(EventKind::ClockItemRemoved { item });
        Ok(())
    }
}
