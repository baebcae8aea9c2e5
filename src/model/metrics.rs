//! Participation figures: who got to speak, per side and per role, against their share of
//! the seats, and how evenly airtime was spread (the equity index, 1 − Gini).
//!
//! Figures are per side and per role, never per person (DESIGN §6): they answer "did the
//! students get a real voice?", not "who talked too much?".

use serde::{Deserialize, Serialize};

use super::engine::MeetingState;
use super::group::MemberId;
use super::role::{Role, Side};
use super::session::SessionRecord;

/// The figures of one side or one role in one meeting. Serialised (in the figures cache) as
/// the array `[seats, airtime_ms, turns, passes, contributions]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(into = "[u64; 5]", from = "[u64; 5]")]
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

impl From<Figures> for [u64; 5] {
    fn from(f: Figures) -> [u64; 5] {
        [
            f.seats as u64,
            f.airtime_ms,
            u64::from(f.turns),
            u64::from(f.passes),
            u64::from(f.contributions),
        ]
    }
}

impl From<[u64; 5]> for Figures {
    fn from([seats, airtime_ms, turns, passes, contributions]: [u64; 5]) -> Figures {
        let small = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        Figures {
            seats: usize::try_from(seats).unwrap_or(usize::MAX),
            airtime_ms,
            turns: small(turns),
            passes: small(passes),
            contributions: small(contributions),
        }
    }
}

impl Figures {
    pub fn add(&mut self, other: &Figures) {
        self.seats += other.seats;
        self.airtime_ms += other.airtime_ms;
        self.turns += other.turns;
        self.passes += other.passes;
        self.contributions += other.contributions;
    }
}

/// The fewest people present that a row of the per-role table may stand for: a role held by
/// one or two people would show those people's airtime (DESIGN §6).
pub const MIN_ROLE_SEATS: usize = 3;

/// A row of the per-role table: a role, or a side's roles that are too small to show alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoleRow {
    Role(Role),
    /// "Other staff roles": the side's smaller roles folded together.
    OtherRoles(Side),
    /// All of a side's roles folded together, none being shown alone: named as the side.
    AllRoles(Side),
}

impl RoleRow {
    /// The side the row is counted on.
    pub fn side(self) -> Side {
        match self {
            RoleRow::Role(role) => role.side(),
            RoleRow::OtherRoles(side) | RoleRow::AllRoles(side) => side,
        }
    }
}

/// A meeting's participation figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participation {
    /// Indexed like [`Side::ALL`].
    pub sides: [Figures; 3],
    /// The per-role table, by the one rule of [`role_rows`]: roles with at least
    /// [`MIN_ROLE_SEATS`] present, then each side's smaller roles folded together.
    pub roles: Vec<(RoleRow, Figures)>,
    /// Whether some role was folded into its side's row or left out, so a table can say so.
    pub roles_folded: bool,
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

    /// The row of the per-role table that holds `role`'s figures: its own, its side's folded
    /// row, or `None` when they are left out.
    pub fn row_of(&self, role: Role) -> Option<RoleRow> {
        let side = role.side();
        [
            RoleRow::Role(role),
            RoleRow::OtherRoles(side),
            RoleRow::AllRoles(side),
        ]
        .into_iter()
        .find(|row| self.roles.iter().any(|(r, _)| r == row))
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
    let mut by_role: Vec<(Role, Figures)> = Vec::new();
    let mut total = Figures::default();
    for (_, role, f) in &per_person {
        sides[role.side() as usize].add(f);
        total.add(f);
        match by_role.iter_mut().find(|(r, _)| r == role) {
            Some((_, figures)) => figures.add(f),
            None => by_role.push((*role, *f)),
        }
    }
    let (roles, roles_folded) = role_rows(&by_role);
    let present: Vec<u64> = per_person
        .iter()
        .filter(|(_, _, f)| f.seats > 0)
        .map(|(_, _, f)| f.airtime_ms)
        .collect();
    Participation {
        sides,
        roles,
        roles_folded,
        total,
        equity: gini(&present).map(|g| 1.0 - g),
    }
}

/// The one rule for showing figures per role, used by every screen and export: a role
/// with fewer than [`MIN_ROLE_SEATS`] people present is folded into a row for the other
/// roles of its side; while that row stands for one or two people, the smallest role still
/// shown joins it (else the side's figures minus the roles shown would give those people's
/// airtime); a folded row that still has fewer than [`MIN_ROLE_SEATS`] is left out. Returns
/// the rows in [`Role::ALL`] order, each side's folded row after its roles, and whether
/// anything was folded or left out.
pub fn role_rows(by_role: &[(Role, Figures)]) -> (Vec<(RoleRow, Figures)>, bool) {
    let mut rows = Vec::new();
    let mut folded = false;
    for side in Side::ALL {
        let mut shown: Vec<(Role, Figures)> = Role::ALL
            .iter()
            .filter(|r| r.side() == side)
            .filter_map(|r| by_role.iter().find(|(x, _)| x == r).copied())
            .filter(|(_, f)| f.seats > 0 || f.airtime_ms > 0)
            .collect();
        let mut other = Figures::default();
        let mut small = false;
        shown.retain(|(_, f)| {
            let keep = f.seats >= MIN_ROLE_SEATS;
            if !keep {
                other.add(f);
                small = true;
            }
            keep
        });
        while small && other.seats < MIN_ROLE_SEATS {
            let Some(i) = (0..shown.len()).min_by_key(|i| shown[*i].1.seats) else {
                break;
            };
            other.add(&shown.remove(i).1);
        }
        folded |= small;
        let fold = if shown.is_empty() {
            RoleRow::AllRoles(side)
        } else {
            RoleRow::OtherRoles(side)
        };
        rows.extend(shown.into_iter().map(|(r, f)| (RoleRow::Role(r), f)));
        if small && other.seats >= MIN_ROLE_SEATS {
            rows.push((fold, other));
        }
    }
    (rows, folded)
}

/// Several meetings' figures added up, for a group's totals: seats are person-meetings
/// (someone present at three meetings counts three times), airtime, turns, passes and
/// contributions are sums, so a side's share of the combined airtime is its share of all the
/// time spoken in those meetings. `equity` is the mean of the meetings' equity indexes
/// (`None` when no meeting has one): an index of everyone's airtime across meetings would
/// mix people who were present at different meetings.
pub fn combined(parts: &[Participation]) -> Participation {
    combined_of(parts)
}

/// [`combined`] of participation figures held elsewhere (in [`super::figures`], say).
pub fn combined_of<'a>(parts: impl IntoIterator<Item = &'a Participation>) -> Participation {
    let mut sides = [Figures::default(); 3];
    let mut roles: Vec<(RoleRow, Figures)> = Vec::new();
    let mut total = Figures::default();
    let mut folded = false;
    let (mut equity_sum, mut equity_count) = (0.0, 0usize);
    for p in parts {
        folded |= p.roles_folded;
        if let Some(e) = p.equity {
            equity_sum += e;
            equity_count += 1;
        }
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
    // Each meeting's rows already follow the rule, so every row here stands for at least
    // three people at each meeting it adds up.
    roles.sort_by_key(|(row, _)| row_order(*row));
    Participation {
        sides,
        roles,
        roles_folded: folded,
        total,
        equity: (equity_count > 0).then(|| equity_sum / equity_count as f64),
    }
}

/// Where a row goes in the table: by side, the roles in [`Role::ALL`] order, the folded
/// row last.
fn row_order(row: RoleRow) -> (Side, usize) {
    match row {
        RoleRow::Role(role) => (
            role.side(),
            Role::ALL.iter().position(|r| *r == role).unwrap_or(0),
        ),
        RoleRow::OtherRoles(side) | RoleRow::AllRoles(side) => (side, Role::ALL.len()),
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

impl TrendPoint {
    /// The point of one meeting, from its participation figures.
    pub fn of(record: &SessionRecord, p: &Participation) -> TrendPoint {
        TrendPoint {
            session: record.id,
            started_at: record.started_at(),
            student_airtime: p.airtime_share(Side::Student),
            student_seats: p.seat_share(Side::Student),
            equity: p.equity,
        }
    }
}

/// The students' share of airtime against their share of seats, and the equity index, for
/// each meeting, oldest first.
pub fn trend(records: &[SessionRecord]) -> Vec<TrendPoint> {
    let mut points: Vec<TrendPoint> = records
        .iter()
        .map(|record| TrendPoint::of(record, &participation(&MeetingState::replay(record))))
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
