//! A closed vote's results as the review shows them: the outcome in words, then a bar per
//! option (or per value of a scale), per side only where the tally allows it.

use ratatui::text::{Line, Span};

use super::page::TextPage;
use crate::i18n::words::{vote_figure, vote_result};
use crate::i18n::{self, fill};
use crate::model::vote::{Vote, VoteKind};
use crate::tui::app::Ctx;
use crate::tui::widgets;

/// A closed vote's results: the outcome in words, then a bar per option (or per value),
/// per side where the tally gives it.
pub fn vote_rows(doc: &mut TextPage, vote: &Vote, width: usize, cx: &Ctx) {
    let t = cx.t();
    let theme = cx.theme;
    let tally = vote.tally();
    doc.para(
        "  ",
        &format!(
            "{} · {}",
            vote_result(vote, cx.lang),
            fill(t.vote.voters, &[("count", &tally.voters.to_string())])
        ),
        width,
        theme.text(),
    );
    let rows: Vec<usize> = match vote.kind {
        // The scales keep their own order: 5 down to 0, yes, no, abstain.
        VoteKind::FistOfFive | VoteKind::Pulse => (0..tally.totals.len()).rev().collect(),
        VoteKind::YesNo => (0..tally.totals.len()).collect(),
        _ => tally.order.iter().flatten().copied().collect(),
    };
    // Per side only where the tally gives it (every side that voted has enough voters);
    // a ranking's per-side "totals" are rounds survived, which say nothing on their own.
    let by_side = if vote.kind == VoteKind::Ranking {
        &[][..]
    } else {
        &tally.by_side[..]
    };
    if !by_side.is_empty() {
        doc.para(
            "  ",
            &format!("↳ {}", t.vote.by_side_title),
            width,
            theme.quiet(),
        );
    }
    let bar_w = (width / 4).clamp(8, 30);
    let bars = Bars {
        max: tally.totals.iter().copied().fold(0.0f64, f64::max),
        bar_w,
        label_w: width.saturating_sub(bar_w + 8).min(60),
    };
    for (rank, i) in rows.iter().enumerate() {
        let total = tally.totals.get(*i).copied().unwrap_or(0.0);
        doc.push(bars.option_line(vote, *i, rank, total, cx));
        if !by_side.is_empty() {
            let mut spans = vec![Span::styled("    ↳ ", theme.quiet())];
            for (n, (side, totals)) in by_side.iter().enumerate() {
                let x = totals.get(*i).copied().unwrap_or(0.0);
                let sep = if n == 0 { "" } else { " · " };
                spans.push(Span::styled(
                    format!(
                        "{sep}{} {}",
                        i18n::side(cx.lang, *side),
                        vote_figure(cx.lang, vote.kind, x)
                    ),
                    theme.side(*side),
                ));
            }
            doc.push(Line::from(spans));
        }
    }
    if vote.by_side_withheld() {
        doc.para("  ", t.vote.by_side_withheld, width, theme.quiet());
    }
}

/// How a vote's options are drawn: bars against the largest total, bars and labels this
/// wide.
struct Bars {
    max: f64,
    bar_w: usize,
    label_w: usize,
}

impl Bars {
    /// Option (or value) `i`, `rank`th in the results, with `total`: its label, and
    /// (but in a ranking) a bar and its value.
    fn option_line(
        &self,
        vote: &Vote,
        i: usize,
        rank: usize,
        total: f64,
        cx: &Ctx,
    ) -> Line<'static> {
        let theme = cx.theme;
        let ranking = vote.kind == VoteKind::Ranking;
        let lead = if ranking {
            format!(
                "{} · ",
                fill(cx.t().vote.rank, &[("n", &(rank + 1).to_string())])
            )
        } else {
            String::new()
        };
        let share = if ranking || self.max <= 0.0 {
            0.0
        } else {
            total / self.max
        };
        let mut spans = vec![Span::styled(
            crate::tui::widgets::pad(
                &format!("  {lead}{}", option_label(vote, i, cx)),
                self.label_w,
            ),
            theme.text(),
        )];
        if !ranking {
            spans.push(Span::raw(" "));
            spans.push(Span::styled(
                widgets::bar(share, self.bar_w),
                theme.current(),
            ));
            spans.push(Span::styled(
                format!(" {}", vote_figure(cx.lang, vote.kind, total)),
                theme.text(),
            ));
        }
        Line::from(spans)
    }
}

/// What option (or value) `i` of a vote is called in its results.
fn option_label(vote: &Vote, i: usize, cx: &Ctx) -> String {
    let t = cx.t();
    match vote.kind {
        VoteKind::FistOfFive => {
            format!("{i} {}", t.vote.fist_levels.get(i).copied().unwrap_or(""))
        }
        VoteKind::Pulse => {
            format!(
                "{} {}",
                i + 1,
                t.vote.pulse_levels.get(i).copied().unwrap_or("")
            )
        }
        VoteKind::YesNo => t.vote.yes_no.get(i).copied().unwrap_or("").to_string(),
        // The option's own number, as on the wall and in the vote ("#4").
        _ => vote.options.get(i).map_or(String::new(), |o| {
            let number = crate::model::vote::option_numbers(&vote.options)[i];
            format!("#{number} {}", o.label)
        }),
    }
}
