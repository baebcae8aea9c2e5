//! The meeting as six CSV tables for a spreadsheet: attendance, turns, ideas, votes,
//! decisions and actions.
//!
//! What a Finnish spreadsheet opens without an import dialog: UTF-8 with a byte-order mark,
//! `;` between fields, CRLF line ends, a field quoted only when it holds `;`, `"`, a line
//! break or surrounding spaces, and decimal commas. A text that starts like a formula gets
//! a leading `'`.

use jiff::Timestamp;

use crate::i18n::minutes::MinutesText;
use crate::i18n::{self, Lang};
use crate::model::metrics::{self, RoleRow};
use crate::model::outcomes::{ActionItem, ActionStatus, Due, Origin};
use crate::model::vote::{PULSE_LEVELS, Tally, Vote, VoteKind};
use crate::model::{MeetingState, MemberId, SessionRecord, Side};

use super::Options;
use super::doc::{self, Places};
use super::people::Roster;
use super::trace::Trace;
use crate::i18n::words;

/// One CSV file being written.
pub(crate) struct Sheet {
    out: String,
}

/// Whether a cell is a plain number (which a leading `-` does not make a formula).
fn is_number(cell: &str) -> bool {
    cell.replace(',', ".").parse::<f64>().is_ok()
}

/// A cell as written: guarded against formulas, quoted when needed.
fn cell(text: &str) -> String {
    let mut text = text.to_string();
    if text.starts_with(['=', '+', '-', '@']) && !is_number(&text) {
        text.insert(0, '\'');
    }
    let quote = text.contains([';', '"', '\r', '\n'])
        || text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace);
    if quote {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

impl Sheet {
    pub(crate) fn new(head: &[&str]) -> Sheet {
        let mut sheet = Sheet {
            out: String::from("\u{feff}"),
        };
        let head: Vec<String> = head.iter().map(|s| s.to_string()).collect();
        sheet.row(&head);
        sheet
    }

    pub(crate) fn row(&mut self, cells: &[String]) {
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        self.out.push_str(&cells.join(";"));
        self.out.push_str("\r\n");
    }

    pub(crate) fn bytes(self) -> Vec<u8> {
        self.out.into_bytes()
    }
}

/// A time of day with seconds, in the export's zone: `13:05:12`.
fn time(at: Timestamp, options: &Options) -> String {
    at.to_zoned_datetime(options.zone.clone())
        .strftime("%H:%M:%S")
        .to_string()
}

fn yes_no(lang: Lang, b: bool) -> String {
    let t = lang.text();
    if b { t.yes } else { t.no }.to_string()
}

/// A due date as a spreadsheet reads it: an ISO date, a month's name, or nothing.
fn due(lang: Lang, due: Due) -> String {
    match due {
        Due::Date { date } => date.to_string(),
        Due::Month { .. } => words::due_text(lang, due),
        Due::None => String::new(),
    }
}

/// The six tables, in the order of [`super::CSV_TABLES`].
pub fn tables(record: &SessionRecord, options: &Options) -> Vec<Vec<u8>> {
    let tables = Tables::new(record, options);
    vec![
        tables.attendance().bytes(),
        tables.turns().bytes(),
        tables.ideas().bytes(),
        tables.votes().bytes(),
        tables.decisions().bytes(),
        tables.actions().bytes(),
    ]
}

/// What every table reads: the options, the replayed meeting, who may be named, which
/// item of the memo each record belongs to, and the per-role figures.
struct Tables<'a> {
    options: &'a Options,
    lang: Lang,
    trace: Trace,
    roster: Roster,
    places: Places,
    figures: metrics::Participation,
}

impl<'a> Tables<'a> {
    fn new(record: &SessionRecord, options: &'a Options) -> Tables<'a> {
        let trace = Trace::of(record);
        let roster = Roster::new(record, &trace.state, options.lang, options.public);
        let places = Places::new(&trace);
        let figures = metrics::participation(&trace.state);
        Tables {
            options,
            lang: options.lang,
            trace,
            roster,
            places,
            figures,
        }
    }

    fn m(&self) -> &'static MinutesText {
        &self.lang.text().minutes
    }

    fn state(&self) -> &MeetingState {
        &self.trace.state
    }

    /// An agenda item's title, or nothing for a phase the agenda does not have.
    fn phase_title(&self, p: usize) -> String {
        self.state()
            .agenda
            .get(p)
            .map_or(String::new(), |x| self.roster.scrub(x.title.get(self.lang)))
    }

    /// Everyone at the meeting: role, side, guest or not, whether and when they came and
    /// left.
    fn attendance(&self) -> Sheet {
        let (lang, options) = (self.lang, self.options);
        let mut attendance = Sheet::new(&self.m().csv_attendance);
        for p in &self.state().people {
            let seen = self.trace.presence.get(&p.id).copied().unwrap_or_default();
            attendance.row(&[
                self.roster.alias(&p.id),
                i18n::role(lang, p.role).to_string(),
                i18n::side(lang, p.role.side()).to_string(),
                yes_no(lang, p.guest),
                yes_no(lang, seen.ever),
                seen.arrived.map_or(String::new(), |at| time(at, options)),
                seen.left.map_or(String::new(), |at| time(at, options)),
            ]);
        }
        attendance
    }

    /// Every turn: no names in a public version, and never the notes.
    fn turns(&self) -> Sheet {
        let (lang, options, state) = (self.lang, self.options, self.state());
        let head: Vec<&str> = self
            .m()
            .csv_turns
            .iter()
            .enumerate()
            .filter(|(i, _)| !(options.public && *i == 3))
            .map(|(_, h)| *h)
            .collect();
        let mut turns = Sheet::new(&head);
        let live = state
            .turn
            .as_ref()
            .map(|l| (&l.speaker, l.phase, l.watch.elapsed(state.last_ms), false));
        let all = state
            .turns
            .iter()
            .map(|x| (&x.speaker, x.phase, x.duration_ms, x.passed))
            .chain(live);
        for (n, ((speaker, phase, ms, passed), started)) in
            all.zip(&self.trace.turn_starts).enumerate()
        {
            let role = state.person(speaker).map(|p| p.role);
            let mut row = vec![
                (n + 1).to_string(),
                self.places.number(phase),
                self.phase_title(phase),
            ];
            if !options.public {
                row.push(self.roster.alias(speaker));
            }
            row.push(self.speaker_role(speaker));
            row.push(role.map_or(String::new(), |r| i18n::side(lang, r.side()).to_string()));
            row.push(time(*started, options));
            row.push(((ms + 500) / 1000).to_string());
            row.push(yes_no(lang, passed));
            turns.row(&row);
        }
        turns
    }

    /// The role a turn's row names. A public table names a role only as the per-role
    /// table does: a role held by one or two people would name them by the length of
    /// their turns.
    fn speaker_role(&self, speaker: &MemberId) -> String {
        let hidden = self
            .roster
            .person(speaker)
            .is_some_and(|p| self.roster.hides(p));
        let shown = match self.state().person(speaker).map(|p| p.role) {
            Some(_) if hidden => None,
            Some(role) if self.options.public => self.figures.row_of(role),
            Some(role) => Some(RoleRow::Role(role)),
            None => None,
        };
        shown.map_or(String::new(), |r| {
            i18n::review::role_row(self.lang, r).to_string()
        })
    }

    /// The ideas on the wall, with their item, theme and (where recorded) author.
    fn ideas(&self) -> Sheet {
        let (state, roster) = (self.state(), &self.roster);
        let mut ideas = Sheet::new(&self.m().csv_ideas);
        for idea in state.live_ideas().filter(|i| !i.hidden) {
            let theme = idea
                .theme
                .and_then(|id| state.themes.iter().find(|t| t.id == id))
                .map_or(String::new(), |t| roster.scrub(&t.name));
            ideas.row(&[
                idea.id.to_string(),
                self.places.number(idea.phase),
                self.phase_title(idea.phase),
                theme,
                roster.scrub(&idea.text),
                idea.author
                    .as_ref()
                    .map_or(String::new(), |a| roster.label(a)),
            ]);
        }
        ideas
    }

    /// The closed votes: one row per option (or per value of a fist of five or yes/no),
    /// with a column per side.
    fn votes(&self) -> Sheet {
        let mut head: Vec<&str> = self.m().csv_votes.to_vec();
        let sides: Vec<String> = Side::ALL
            .iter()
            .map(|s| i18n::capitalise(i18n::side(self.lang, *s)))
            .collect();
        head.extend(sides.iter().map(String::as_str));
        let mut votes = Sheet::new(&head);
        for vote in self.state().votes.iter().filter(|v| v.closed) {
            let vote = doc::scrubbed(vote, &self.roster);
            let tally = vote.tally();
            let rows = match vote.kind {
                VoteKind::Dots | VoteKind::Score | VoteKind::Ranking => {
                    self.option_rows(&vote, &tally)
                }
                VoteKind::FistOfFive | VoteKind::YesNo | VoteKind::Pulse => {
                    self.level_rows(&vote, &tally)
                }
            };
            for row in rows {
                votes.row(&row);
            }
        }
        votes
    }

    /// The cells every row of a vote starts with.
    fn vote_cells(&self, vote: &Vote, tally: &Tally, cells: [String; 5]) -> Vec<String> {
        let kind = self.m().vote_kinds[VoteKind::ALL
            .iter()
            .position(|k| *k == vote.kind)
            .unwrap_or(0)];
        let [option, value, result, rank, passed] = cells;
        vec![
            vote.id.to_string(),
            self.places.number(vote.phase),
            kind.to_string(),
            option,
            value,
            result,
            rank,
            passed,
            tally.voters.to_string(),
        ]
    }

    /// Dots, scores and rankings: one row per option, with its result and rank.
    fn option_rows(&self, vote: &Vote, tally: &Tally) -> Vec<Vec<String>> {
        let ranks = tally.ranks(vote.options.len());
        let value = |x: f64| match vote.kind {
            VoteKind::Score => i18n::decimal(self.lang, x, 2),
            _ => words::count(x),
        };
        let mut rows = Vec::new();
        for (i, option) in vote.options.iter().enumerate() {
            let result = match vote.kind {
                // A ranking's result: the option's count in the last round it was in.
                VoteKind::Ranking => tally
                    .rounds
                    .iter()
                    .filter_map(|r| r.get(i).copied().flatten())
                    .next_back()
                    .map_or(String::new(), |c| c.to_string()),
                _ => value(tally.totals.get(i).copied().unwrap_or(0.0)),
            };
            let cells = [
                option.label.clone(),
                String::new(),
                result,
                ranks[i].to_string(),
                String::new(),
            ];
            let mut row = self.vote_cells(vote, tally, cells);
            if vote.kind == VoteKind::Ranking {
                row.extend(std::iter::repeat_n(String::new(), Side::ALL.len()));
            } else {
                row.extend(side_cells(tally, i, &value));
            }
            rows.push(row);
        }
        rows
    }

    /// A fist of five or yes/no: one row per value, with the votes it got.
    fn level_rows(&self, vote: &Vote, tally: &Tally) -> Vec<Vec<String>> {
        let lang = self.lang;
        let proposal = vote
            .options
            .first()
            .map_or(String::new(), |o| o.label.clone());
        let values: Vec<String> = if vote.kind == VoteKind::FistOfFive {
            (0..6).map(|v| v.to_string()).collect()
        } else if vote.kind == VoteKind::Pulse {
            (1..=PULSE_LEVELS).map(|v| v.to_string()).collect()
        } else {
            lang.text()
                .vote
                .yes_no
                .iter()
                .map(|s| s.to_string())
                .collect()
        };
        let passed = tally.passed.map_or(String::new(), |p| yes_no(lang, p));
        let mut rows = Vec::new();
        for (i, value) in values.into_iter().enumerate() {
            let cells = [
                proposal.clone(),
                value,
                words::count(tally.totals.get(i).copied().unwrap_or(0.0)),
                String::new(),
                passed.clone(),
            ];
            let mut row = self.vote_cells(vote, tally, cells);
            row.extend(side_cells(tally, i, &words::count));
            rows.push(row);
        }
        rows
    }

    /// The decisions, with their item, basis and review date.
    fn decisions(&self) -> Sheet {
        let (lang, state, roster) = (self.lang, self.state(), &self.roster);
        let origin = &lang.text().origin.columns;
        let mut decisions = Sheet::new(&[&self.m().csv_decisions[..], origin].concat());
        for d in &state.decisions {
            let basis: Vec<String> = d
                .basis
                .iter()
                .map(|b| words::basis_text(state, b, lang, |text| roster.scrub(text)))
                .collect();
            decisions.row(
                &[
                    d.id.to_string(),
                    self.places.number(self.places.decision(&self.trace, d.id)),
                    roster.scrub(&d.text),
                    basis.join("; "),
                    d.review.map_or(String::new(), |r| r.to_string()),
                ]
                .into_iter()
                .chain(origin_cells(lang, d.origin))
                .collect::<Vec<_>>(),
            );
        }
        decisions
    }

    /// The actions: the earlier ones as followed up, then this meeting's.
    fn actions(&self) -> Sheet {
        let (lang, m, state) = (self.lang, self.m(), self.state());
        let origin = &lang.text().origin.columns;
        let mut actions = Sheet::new(&[&m.csv_actions[..], origin].concat());
        let row = |a: &ActionItem, status: String, meeting: String| {
            vec![
                a.id.clone(),
                self.roster.scrub(&a.text),
                self.roster.owner(&a.owner),
                due(lang, a.due),
                status,
                a.agreed.to_string(),
                meeting,
            ]
            .into_iter()
            .chain(origin_cells(lang, a.origin))
            .collect::<Vec<_>>()
        };
        for a in &state.carried {
            actions.row(&row(
                a,
                words::status_text(lang, a.status).to_string(),
                a.session.to_string(),
            ));
        }
        for a in &state.actions {
            let status = if a.status == ActionStatus::Open {
                m.status_open.to_string()
            } else {
                words::status_text(lang, a.status).to_string()
            };
            actions.row(&row(a, status, m.this_meeting.to_string()));
        }
        actions
    }
}

/// Where a decision or an action came from and the students' level of participation, as
/// two cells (empty where not said).
pub(crate) fn origin_cells(lang: crate::i18n::Lang, origin: Origin) -> [String; 2] {
    [
        origin
            .source
            .map_or("", |s| words::source_name(lang, s))
            .to_string(),
        origin
            .level
            .map_or("", |l| words::level_name(lang, l))
            .to_string(),
    ]
}

/// One cell per side, in [`Side::ALL`] order: the side's figure for option (or value) `i`,
/// or nothing where the tally withholds it.
fn side_cells(tally: &Tally, i: usize, value: &dyn Fn(f64) -> String) -> Vec<String> {
    Side::ALL
        .iter()
        .map(|side| {
            tally
                .by_side
                .iter()
                .find(|(s, _)| s == side)
                .and_then(|(_, v)| v.get(i))
                .map_or(String::new(), |x| value(*x))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_only_when_needed_and_formulas_are_defused() {
        assert_eq!(cell("Ääni; toinen"), "\"Ääni; toinen\"");
        assert_eq!(cell("sanoi \"hei\""), "\"sanoi \"\"hei\"\"\"");
        assert_eq!(cell("=SUMMA(A1)"), "'=SUMMA(A1)");
        assert_eq!(cell("-2,5"), "-2,5");
        assert_eq!(cell("Päivi Äijälä"), "Päivi Äijälä");
        assert_eq!(cell(" välilyönti"), "\" välilyönti\"");
    }
}
