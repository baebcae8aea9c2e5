//! The meeting replayed once, event by event, keeping what the final state forgets: when
//! each turn started on the wall clock, in which agenda item each decision, action and
//! follow-up was recorded, who came late or left early, and the speaking order of each round.

use std::collections::BTreeMap;

use jiff::Timestamp;

use crate::model::format::OrderRule;
use crate::model::{EventKind, MeetingState, MemberId, SessionRecord};

/// When someone was at the meeting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Presence {
    /// Present at some point.
    pub ever: bool,
    /// Came after the meeting started.
    pub arrived: Option<Timestamp>,
    /// Left before the end and did not come back.
    pub left: Option<Timestamp>,
}

/// The final state and what the replay noticed on the way.
#[derive(Debug, Clone)]
pub struct Trace {
    pub state: MeetingState,
    /// The wall-clock start of each turn of `state.turns`, then of the live turn, if any.
    pub turn_starts: Vec<Timestamp>,
    pub decision_phase: BTreeMap<u32, usize>,
    pub action_phase: BTreeMap<String, usize>,
    pub review_phase: BTreeMap<String, usize>,
    pub presence: BTreeMap<MemberId, Presence>,
    /// The speaking order of each round, per agenda item.
    pub round_rules: BTreeMap<usize, Vec<OrderRule>>,
    /// The last event's time.
    pub last_at: Option<Timestamp>,
}

impl Trace {
    /// Replays `record` once, noting on the way what the final state forgets.
    pub fn of(record: &SessionRecord) -> Trace {
        let mut state = MeetingState::initial(record);
        let start = record.started_at();
        let mut trace = Trace {
            state: state.clone(),
            turn_starts: Vec::new(),
            decision_phase: BTreeMap::new(),
            action_phase: BTreeMap::new(),
            review_phase: BTreeMap::new(),
            presence: record
                .participants
                .iter()
                .map(|p| {
                    (
                        p.id.clone(),
                        Presence {
                            ever: p.present,
                            ..Presence::default()
                        },
                    )
                })
                .collect(),
            round_rules: BTreeMap::new(),
            last_at: record.events.last().map(|e| e.at),
        };
        for event in &record.events {
            let before = (state.turns.len(), state.turn.is_some());
            state.apply(event);
            let after = (state.turns.len(), state.turn.is_some());
            if after.1 && (!before.1 || before.0 != after.0) {
                trace.turn_starts.push(event.at);
            }
            trace.note(&event.event, state.phase, event.at, start);
        }
        // A turn whose start the replay did not see (a broken log) still gets a time.
        while trace.turn_starts.len() < state.turns.len() + usize::from(state.turn.is_some()) {
            trace.turn_starts.push(start);
        }
        trace.state = state;
        trace
    }

    /// Notes what one event tells that the final state forgets: the agenda item (`phase`,
    /// the one running after the event) a record was made in, a round's order, and
    /// arrivals and departures at `at`.
    fn note(&mut self, event: &EventKind, phase: Option<usize>, at: Timestamp, start: Timestamp) {
        match (event, phase) {
            (EventKind::DecisionRecorded { decision }, Some(p)) => {
                self.decision_phase.insert(decision.id, p);
            }
            (EventKind::ActionAdded { action }, Some(p)) => {
                self.action_phase.insert(action.id.clone(), p);
            }
            (EventKind::ActionReviewed { id, .. }, Some(p)) => {
                self.review_phase.insert(id.clone(), p);
            }
            (EventKind::RoundOrdered { rule, .. }, Some(p)) => {
                self.round_rules.entry(p).or_default().push(*rule);
            }
            (EventKind::AttendanceChanged { who, present }, _) => {
                let seen = self.presence.entry(who.clone()).or_default();
                if *present {
                    if !seen.ever && at > start {
                        seen.arrived = Some(at);
                    }
                    seen.ever = true;
                    seen.left = None;
                } else if seen.ever {
                    seen.left = Some(at);
                }
            }
            (EventKind::GuestAdded { guest }, _) => {
                let seen = self.presence.entry(guest.id.clone()).or_default();
                if guest.present {
                    seen.ever = true;
                    if at > start {
                        seen.arrived = Some(at);
                    }
                }
            }
            _ => {}
        }
    }
}
