//! The year clock in the memo: under each `year_clock` item, the clock items the meeting
//! handled there, each with what became of it (marked, moved, added, taken off) and the
//! actions agreed on it.

use super::{Block, Memo};
use crate::i18n::clock::{status as status_name, when as when_text};
use crate::i18n::fill;
use crate::model::PhaseKind;
use crate::model::clock::ClockItem;
use crate::model::session::EventKind;

/// What became of one clock item in an agenda item, in the order first touched.
#[derive(Default)]
struct Handled {
    id: String,
    /// The item as it was added here (it may be gone from the clock since).
    added: Option<ClockItem>,
    removed: bool,
    /// The last marking and the last move: changing one's mind keeps the final word.
    marked: Option<String>,
    moved: Option<String>,
    actions: Vec<String>,
}

impl Memo<'_> {
    /// The clock items handled in agenda item `i`, or that none were.
    pub(super) fn clock_blocks(
        &self,
        blocks: &mut Vec<Block>,
        i: usize,
        kind: PhaseKind,
        visited: bool,
    ) {
        if kind != PhaseKind::YearClock {
            return;
        }
        let t = &self.lang.text().clock_walk;
        let handled = self.handled_in(i);
        if handled.is_empty() {
            if visited {
                blocks.push(Block::Para(t.minutes_none.to_string()));
            }
            return;
        }
        let items = handled
            .iter()
            .filter_map(|h| {
                let item = self.clock_item(h)?;
                let mut what = Vec::new();
                if h.added.is_some() {
                    what.push(t.minutes_added.to_string());
                }
                what.extend(h.moved.clone());
                what.extend(h.marked.clone());
                what.extend(h.actions.iter().cloned());
                if h.removed {
                    what.push(t.minutes_removed.to_string());
                }
                let title = self.roster.scrub(&item.title);
                // Where it was before the meeting moved it: "(tammikuu): siirrettiin: helmikuu".
                let was = self.record.clock.as_ref().and_then(|c| c.item(&h.id));
                let when = when_text(self.lang, was.unwrap_or(&item).when);
                Some(format!("{title} ({when}): {}", what.join("; ")))
            })
            .collect();
        blocks.push(Block::List {
            label: Some(t.minutes_heading.to_string()),
            items,
        });
    }

    /// The clock item `h` is about, as the meeting left it (or as it was when taken off).
    fn clock_item(&self, h: &Handled) -> Option<ClockItem> {
        let now = self.state().clock.as_ref().and_then(|c| c.item(&h.id));
        let before = self.record.clock.as_ref().and_then(|c| c.item(&h.id));
        now.or(before).or(h.added.as_ref()).cloned()
    }

    /// What the meeting did to the clock while agenda item `i` ran.
    fn handled_in(&self, i: usize) -> Vec<Handled> {
        let (t, lang) = (&self.lang.text().clock_walk, self.lang);
        let mut out: Vec<Handled> = Vec::new();
        let mut running = None;
        for e in &self.record.events {
            let event = &e.event;
            match event {
                EventKind::PhaseStarted { phase } => running = Some(*phase),
                EventKind::PhaseEnded { .. } => running = None,
                _ => {}
            }
            if running != Some(i) {
                continue;
            }
            let id = match event {
                EventKind::ActionAdded { action } => action.clock_item.clone(),
                other => other.clock_item().map(str::to_string),
            };
            let Some(id) = id else { continue };
            let at = match out.iter().position(|h| h.id == id) {
                Some(at) => at,
                None => {
                    out.push(Handled {
                        id,
                        ..Handled::default()
                    });
                    out.len() - 1
                }
            };
            let h = &mut out[at];
            match event {
                EventKind::ClockItemMarked { year, status, .. } => {
                    h.marked = Some(fill(
                        t.minutes_marked,
                        &[
                            ("status", status_name(lang, *status)),
                            ("year", &year.to_string()),
                        ],
                    ));
                }
                EventKind::ClockItemMoved { when, .. } => {
                    h.moved = Some(fill(t.minutes_moved, &[("when", &when_text(lang, *when))]));
                }
                EventKind::ClockItemAdded { item } => h.added = Some(item.clone()),
                EventKind::ClockItemRemoved { .. } => h.removed = true,
                EventKind::ActionAdded { action } => {
                    // As the action stands at the end (edited, or removed again).
                    if let Some(a) = self.state().actions.iter().find(|a| a.id == action.id) {
                        h.actions.push(fill(
                            t.minutes_action,
                            &[
                                ("text", &self.roster.scrub(&a.text)),
                                ("owner", &self.roster.owner(&a.owner)),
                            ],
                        ));
                    }
                }
                _ => {}
            }
        }
        out
    }
}
