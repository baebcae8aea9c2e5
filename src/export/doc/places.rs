//! Which item of the memo each phase, decision, action and follow-up goes in.

use crate::model::PhaseKind;
use crate::model::outcomes::{ActionItem, ActionStatus};

use super::super::trace::Trace;

/// Where things go in the memo: the item number of each agenda phase, and the item a
/// decision, action or follow-up belongs to when the log does not say (or says a break).
pub struct Places {
    /// The memo's item number of each phase (`None` for breaks); the opening is item 1.
    pub numbers: Vec<Option<usize>>,
    kinds: Vec<PhaseKind>,
    decision_home: usize,
    action_home: usize,
    review_home: Option<usize>,
}

impl Places {
    pub fn new(trace: &Trace) -> Places {
        let agenda = &trace.state.agenda;
        let kinds: Vec<PhaseKind> = agenda.iter().map(|p| p.kind).collect();
        let mut n = 1;
        let numbers = kinds
            .iter()
            .map(|k| {
                (*k != PhaseKind::Break).then(|| {
                    n += 1;
                    n
                })
            })
            .collect();
        let first_of = |kind: PhaseKind| kinds.iter().position(|k| *k == kind);
        let last_item = kinds
            .iter()
            .rposition(|k| *k != PhaseKind::Break)
            .unwrap_or(0);
        Places {
            numbers,
            decision_home: first_of(PhaseKind::Decisions).unwrap_or(last_item),
            action_home: first_of(PhaseKind::Actions).unwrap_or(last_item),
            review_home: first_of(PhaseKind::ReviewActions),
            kinds,
        }
    }

    /// The phase, if it is an item of the memo (not a break, not out of range).
    fn item(&self, phase: Option<usize>) -> Option<usize> {
        phase.filter(|p| self.kinds.get(*p).is_some_and(|k| *k != PhaseKind::Break))
    }

    /// The item number of a phase, as text (empty for a break).
    pub fn number(&self, phase: usize) -> String {
        self.numbers
            .get(phase)
            .copied()
            .flatten()
            .map_or(String::new(), |n| n.to_string())
    }

    pub fn decision(&self, trace: &Trace, id: u32) -> usize {
        self.item(trace.decision_phase.get(&id).copied())
            .unwrap_or(self.decision_home)
    }

    pub fn action(&self, trace: &Trace, id: &str) -> usize {
        self.item(trace.action_phase.get(id).copied())
            .unwrap_or(self.action_home)
    }

    /// Where an earlier action's follow-up goes: the item it was reviewed in, else the
    /// first follow-up item; `None` when the agenda has none.
    pub fn followup(&self, trace: &Trace, action: &ActionItem) -> Option<usize> {
        let reviewed = (action.status != ActionStatus::Open)
            .then(|| trace.review_phase.get(&action.id).copied())
            .flatten();
        self.item(reviewed).or(self.item(self.review_home))
    }
}
