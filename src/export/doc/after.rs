//! What comes after the numbered items: the follow-up of earlier actions that no item
//! took, the actions table, the next meeting, and the participation figures.

use super::{Block, Memo, Section, Table};
use crate::i18n::words;
use crate::i18n::{self, Lang, fill};
use crate::model::Side;
use crate::model::metrics;
use crate::model::outcomes::{ActionItem, ActionStatus};

impl Memo<'_> {
    /// The unnumbered sections after the items.
    pub(super) fn after(&self) -> Vec<Section> {
        let m = self.m();
        let mut after = Vec::new();
        let unplaced: Vec<&ActionItem> = self
            .state()
            .carried
            .iter()
            .filter(|a| self.places.followup(&self.trace, a).is_none())
            .collect();
        if !unplaced.is_empty() {
            after.push(Section {
                number: None,
                title: Some(m.followup_title.to_string()),
                blocks: vec![Block::Table(self.followup_table(&unplaced))],
            });
        }
        after.push(Section {
            number: None,
            title: Some(m.actions_title.to_string()),
            blocks: vec![self.actions_block()],
        });
        after.push(Section {
            number: None,
            title: None,
            blocks: vec![Block::Fill(m.next_meeting.to_string())],
        });
        after.push(Section {
            number: None,
            title: Some(m.participation_title.to_string()),
            blocks: participation_blocks(self.state(), self.lang),
        });
        after
    }

    /// The actions agreed in this meeting: what, who, by when; or that there were none.
    fn actions_block(&self) -> Block {
        let (lang, state) = (self.lang, self.state());
        if state.actions.is_empty() {
            return Block::Para(self.m().no_actions.to_string());
        }
        let c = &lang.text().records.columns;
        Block::Table(Table {
            head: vec!["#".into(), c[0].into(), c[1].into(), c[2].into()],
            rows: state
                .actions
                .iter()
                .enumerate()
                .map(|(n, a)| {
                    // Where it came from follows the text, in brackets, when it was said.
                    let mut text = self.roster.scrub(&a.text);
                    if let Some(origin) = words::origin_text(lang, a.origin) {
                        text = format!("{text} ({origin})");
                    }
                    vec![
                        (n + 1).to_string(),
                        text,
                        self.roster.owner(&a.owner),
                        words::due_text(lang, a.due),
                    ]
                })
                .collect(),
            numeric: vec![0],
        })
    }

    /// The follow-up of earlier actions: what, who, agreed, due then, status now.
    pub(super) fn followup_table(&self, actions: &[&ActionItem]) -> Table {
        let (lang, roster) = (self.lang, &self.roster);
        let t = lang.text();
        let c = &t.records.columns;
        let m = &t.minutes;
        Table {
            head: vec![
                c[0].to_string(),
                c[1].to_string(),
                m.col_agreed.to_string(),
                c[2].to_string(),
                c[3].to_string(),
            ],
            rows: actions
                .iter()
                .map(|a| {
                    let before = self
                        .record
                        .carried_actions
                        .iter()
                        .find(|b| b.id == a.id)
                        .map_or(a.due, |b| b.due);
                    let status = match a.status {
                        ActionStatus::Continued if a.due != before => fill(
                            m.status_continued_due,
                            &[("due", &words::due_text(lang, a.due))],
                        ),
                        status => words::status_text(lang, status).to_string(),
                    };
                    vec![
                        roster.scrub(&a.text),
                        roster.owner(&a.owner),
                        words::format_date(lang, a.agreed),
                        words::due_text(lang, before),
                        status,
                    ]
                })
                .collect(),
            numeric: Vec::new(),
        }
    }
}

/// Whole percentages of `parts` that add up to 100 (largest remainder), so a table's
/// shares never total 99 % or 101 %; `None` when the whole is 0.
fn percents(parts: &[u64]) -> Vec<Option<u64>> {
    let whole: u64 = parts.iter().sum();
    if whole == 0 {
        return vec![None; parts.len()];
    }
    let mut out: Vec<u64> = parts.iter().map(|p| p * 100 / whole).collect();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    // Largest remainder first; ties go to the earlier part.
    order.sort_by_key(|i| std::cmp::Reverse(parts[*i] * 100 % whole));
    let missing = 100 - out.iter().sum::<u64>();
    for i in order.into_iter().take(missing as usize) {
        out[i] += 1;
    }
    out.into_iter().map(Some).collect()
}

fn participation_blocks(state: &crate::model::MeetingState, lang: Lang) -> Vec<Block> {
    let m = &lang.text().minutes;
    let p = metrics::participation(state);
    let pct = |n: Option<u64>| match n {
        Some(n) => fill(m.percent, &[("n", &n.to_string())]),
        None => "–".to_string(),
    };
    let seats = percents(&p.sides.map(|f| f.seats as u64));
    let airtime = percents(&p.sides.map(|f| f.airtime_ms));
    let student = Side::Student as usize;
    let mut blocks = vec![Block::Para(m.participation_intro.to_string())];
    if p.total.airtime_ms > 0 {
        blocks.push(Block::Para(fill(
            m.student_share,
            &[
                ("airtime", &pct(airtime[student])),
                ("seats", &pct(seats[student])),
            ],
        )));
    }
    let row = |name: String, f: &metrics::Figures, seat: Option<u64>, air: Option<u64>| {
        vec![
            name,
            f.seats.to_string(),
            pct(seat),
            words::duration(lang, f.airtime_ms),
            pct(air),
            f.turns.to_string(),
            f.passes.to_string(),
        ]
    };
    let mut rows: Vec<Vec<String>> = Side::ALL
        .iter()
        .filter(|side| {
            let f = &p.sides[**side as usize];
            f.seats > 0 || f.airtime_ms > 0 || f.turns > 0
        })
        .map(|side| {
            let i = *side as usize;
            row(
                i18n::side(lang, *side).to_string(),
                &p.sides[i],
                seats[i],
                airtime[i],
            )
        })
        .collect();
    let whole = |x: u64| (x > 0).then_some(100);
    rows.push(row(
        m.total.to_string(),
        &p.total,
        whole(p.total.seats as u64),
        whole(p.total.airtime_ms),
    ));
    blocks.push(Block::Table(Table {
        head: m
            .participation_columns
            .iter()
            .map(|s| s.to_string())
            .collect(),
        rows,
        numeric: (1..7).collect(),
    }));
    blocks.push(Block::Para(match p.equity {
        Some(e) => fill(m.equity, &[("value", &words::equity(lang, Some(e)))]),
        None => m.no_airtime.to_string(),
    }));
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_add_up_to_a_hundred() {
        assert_eq!(percents(&[3, 5, 0]), [Some(38), Some(62), Some(0)]);
        assert_eq!(percents(&[1, 1, 1]), [Some(34), Some(33), Some(33)]);
        assert_eq!(percents(&[0, 0]), [None, None]);
    }
}
