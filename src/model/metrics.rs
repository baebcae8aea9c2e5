//! Participation figures: who got to speak, per side and per role, against their share of
//! the seats, and how evenly airtime was spread (the equity index, 1 − Gini).
//!
//! Figures are per side and per role, never per person (DESIGN §6): they answer "did the
//! students get a real voice?", not "who talked too much?".

use super::engine::MeetingState;
use super::group::MemberId;
use super::role::{Role, Side};
use super::session::SessionRecord;

/// The figures of one side or one role in one meeting.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Figures {
    /// People present at some point of the meeting (someone who left early keeps a seat).
    pub seats: usize,
    pub airtime_ms: u64,
    /// Turns that were not passes.
    pub turns: u32,
    pub passes: u32,
    /// Turns plus ideas written under their name (anonymous ideas count for no one).
    pub contributions: u32,
}

impl Figures {
    fn add(&mut self, other: &Figures) {
        self.seats += other.seats;
        self.airtime_ms += other.airtime_ms;
        self.turns += other.turns;
        self.passes += other.passes;
        self.contributions += other.contributions;
    }
}

/// A meeting's participation figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Participation {
    /// Indexed like [`Side::ALL`].
    pub sides: [Figures; 3],
    /// Every role with someone present or some airtime, in [`Role::ALL`] order.
    pub roles: Vec<(Role, Figures)>,
    pub total: Figures,
    /// 1 − Gini of airtime among those present: 1 when everyone spoke equally long, towards
    /// 0 when one person held the floor. `None` with fewer than two present or no airtime.
    pub equity: Option<f64>,
}

impl Participation {
    /// A side's share of the airtime, 0–1 (`None` when nobody spoke).
    pub fn airtime_share(&self, side: Side) -> Option<f64> {
        share(self.sides[side as usize].airtime_ms, self.total.airtime_ms)
    }

    /// A side's share of the seats of those present, 0–1.
    pub fn seat_share(&self, side: Side) -> Option<f64> {
        share(
            self.sides[side as usize].seats as u64,
            self.total.seats as u64,
        )
    }
}

fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The Gini coefficient of `values`: 0 when all are equal, approaching 1 when one has
/// everything. Computed as the mean absolute difference over twice the mean.
pub fn gini(values: &[u64]) -> Option<f64> {
    let n = values.len();
    let sum: u64 = values.iter().sum();
    if n < 2 || sum == 0 {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    // Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − n + 1) x_(i) for sorted x (0-based i).
    let weighted: f64 = sorted
        .iter()
        .enumerate()
        .map(|(i, x)| (2.0 * i as f64 - n as f64 + 1.0) * *x as f64)
        .sum();
    Some(weighted / (n as f64 * sum as f64))
}

/// The participation figures of a meeting, at the end of its log.
fn figures_of<'a>(
    people: &'a mut [(MemberId, Role, Figures)],
    id: &MemberId,
) -> Option<&'a mut Figures> {
    people
        .iter_mut()
        .find(|(p, _, _)| p == id)
        .map(|(_, _, f)| f)
}

pub fn participation(state: &MeetingState) -> Participation {
    let now = state.last_ms;
    let airtime = state.airtime(now);
    let mut per_person: Vec<(MemberId, Role, Figures)> = state
        .people
        .iter()
        .map(|p| {
            (
                p.id.clone(),
                p.role,
                Figures {
                    seats: usize::from(state.attended.contains(&p.id)),
                    airtime_ms: airtime.get(&p.id).copied().unwrap_or(0),
                    ..Figures::default()
                },
            )
        })
        .collect();
    for turn in &state.turns {
        if let Some(f) = figures_of(&mut per_person, &turn.speaker) {
            if turn.passed {
                f.passes += 1;
            } else {
                f.turns += 1;
                f.contributions += 1;
            }
        }
    }
    if let Some(turn) = &state.turn
        && let Some(f) = figures_of(&mut per_person, &turn.speaker)
    {
        f.turns += 1;
        f.contributions += 1;
    }
    for idea in state.ideas.iter().filter(|i| !i.removed) {
        if let Some(author) = &idea.author
            && let Some(f) = figures_of(&mut per_person, author)
        {
            f.contributions += 1;
        }
    }
    let mut sides = [Figures::default(); 3];
    let mut roles: Vec<(Role, Figures)> = Vec::new();
    let mut total = Figures::default();
    for (_, role, f) in &per_person {
        sides[role.side() as usize].add(f);
        total.add(f);
        match roles.iter_mut().find(|(r, _)| r == role) {
            Some((_, figures)) => figures.add(f),
            None => roles.push((*role, *f)),
        }
    }
    roles.retain(|(_, f)| f.seats > 0 || f.airtime_ms > 0);
    roles.sort_by_key(|(r, _)| Role::ALL.iter().position(|x| x == r));
    let present: Vec<u64> = per_person
        .iter()
        .filter(|(_, _, f)| f.seats > 0)
        .map(|(_, _, f)| f.airtime_ms)
        .collect();
    Participation {
        sides,
        roles,
        total,
        equity: gini(&present).map(|g| 1.0 - g),
    }
}

/// Several meetings' figures added up, for a group's totals: seats are person-meetings
/// (someone present at three meetings counts three times), airtime, turns, passes and
/// contributions are sums, so a side's share of the combined airtime is its share of all the
/// time spoken in those meetings. `equity` is the mean of the meetings' equity indexes
/// (`None` when no meeting has one): an index of everyone's airtime across meetings would
/// mix people who were present at different meetings.
pub fn combined(parts: &[Participation]) -> Participation {
    let mut sides = [Figures::default(); 3];
    let mut roles: Vec<(Role, Figures)> = Vec::new();
    let mut total = Figures::default();
    for p in parts {
        for (sum, f) in sides.iter_mut().zip(&p.sides) {
            sum.add(f);
        }
        total.add(&p.total);
        for (role, f) in &p.roles {
            match roles.iter_mut().find(|(r, _)| r == role) {
                Some((_, figures)) => figures.add(f),
                None => roles.push((*role, *f)),
            }
        }
    }
    roles.sort_by_key(|(r, _)| Role::ALL.iter().position(|x| x == r));
    let equities: Vec<f64> = parts.iter().filter_map(|p| p.equity).collect();
    Participation {
        sides,
        roles,
        total,
        equity: (!equities.is_empty())
            .then(|| equities.iter().sum::<f64>() / equities.len() as f64),
    }
}

/// One meeting's point on the trend lines of a group.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    pub session: uuid::Uuid,
    pub started_at: jiff::Timestamp,
    pub student_airtime: Option<f64>,
    pub student_seats: Option<f64>,
    pub equity: Option<f64>,
}

/// The students' share of airtime against their share of seats, and the equity index, for
/// each meeting, oldest first.
pub fn trend(records: &[SessionRecord]) -> Vec<TrendPoint> {
    let mut points: Vec<TrendPoint> = records
        .iter()
        .map(|record| {
            let p = participation(&MeetingState::replay(record));
            TrendPoint {
                session: record.id,
                started_at: record.started_at(),
                student_airtime: p.airtime_share(Side::Student),
                student_seats: p.seat_share(Side::Student),
                equity: p.equity,
            }
        })
        .collect();
    points.sort_by_key(|p| p.started_at);
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gini_of_equal_values_is_zero_and_of_one_speaker_is_near_one() {
        assert_eq!(gini(&[5, 5, 5, 5]), Some(0.0));
        // One of four has everything: G = (n − 1) / n = 0.75.
        assert_eq!(gini(&[0, 0, 0, 12]), Some(0.75));
        // Hand-computed: 1, 2, 3 → mean 2; Σ|xi − xj| over ordered pairs = 8;
        // G = 8 / (2 · 9 · 2) = 0.2222…
        let g = gini(&[3, 1, 2]).unwrap();
        assert!((g - 2.0 / 9.0).abs() < 1e-12, "{g}");
        assert_eq!(gini(&[7]), None);
        assert_eq!(gini(&[0, 0]), None);
    }
}
