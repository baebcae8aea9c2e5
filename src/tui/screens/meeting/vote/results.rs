//! The results of a closed vote: the outcome in words (ties stated as ties), bars, the
//! rounds of a ranking, and the figures per side where they give nobody away.

use unicode_width::UnicodeWidthStr;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::i18n::vote::VoteText;
use crate::i18n::words::vote_figure;
use crate::i18n::{self, Lang, fill};
use crate::model::vote::{Rule, Tally, Vote, VoteKind, option_numbers, pulse_average};
use crate::tui::app::Ctx;
use crate::tui::keymap::{Action, KeyContext};
use crate::tui::screens::meeting::MeetingView;
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, fit};

use super::parts::{join, kind_name, proposal_rows};
use super::{Pen, ui};

/// One bar of the results.
struct Bar {
    rank: String,
    label: String,
    share: f64,
    value: String,
    note: String,
    style: Style,
}

/// Bars with their labels and numbers, one row each, from row `first`.
fn bars(pen: &mut Pen, rows: &[Bar], first: usize, reserve: u16, t: &VoteText, theme: Theme) {
    let width = pen.width();
    let room = pen.left().saturating_sub(reserve) as usize;
    if room == 0 {
        return;
    }
    let fits = rows.len() <= room;
    let shown = if fits {
        rows.len()
    } else {
        room.saturating_sub(1)
    };
    let first = first.min(rows.len().saturating_sub(shown));
    let rank_width = rows.iter().map(|r| r.rank.width()).max().unwrap_or(0);
    let value_width = rows.iter().map(|r| r.value.width()).max().unwrap_or(0);
    let note_width = rows.iter().map(|r| r.note.width()).max().unwrap_or(0);
    let longest = rows.iter().map(|r| r.label.width()).max().unwrap_or(0);
    let fixed = rank_width + 1 + 2 + value_width + if note_width > 0 { note_width + 2 } else { 0 };
    // Labels first (they say what won), with a bar of at least a third of the room.
    let room = width.saturating_sub(fixed + 1);
    let least_bar = (room / 3).max(8).min(room);
    let label_width = longest.min(room - least_bar).max(4);
    let bar_width = width.saturating_sub(fixed + label_width + 1).max(1);
    // With room to spare (a projector), bars two rows thick with a row between them.
    let spare = pen.left().saturating_sub(reserve) as usize / shown.max(1);
    let thick = spare >= 3;
    let spaced = spare >= 2;
    for (n, row) in rows.iter().skip(first).take(shown).enumerate() {
        if n > 0 && spaced {
            pen.gap();
        }
        let label = fit(&row.label, label_width);
        let pad = label_width.saturating_sub(label.width());
        let bar = widgets::bar(row.share, bar_width);
        let mut spans = vec![
            Span::styled(format!("{:>rank_width$} ", row.rank), row.style),
            Span::styled(format!("{label}{} ", " ".repeat(pad)), row.style),
            Span::styled(bar.clone(), row.style),
            Span::styled(format!("  {:>value_width$}", row.value), theme.heading()),
        ];
        if !row.note.is_empty() {
            spans.push(Span::styled(format!("  {}", row.note), theme.overrun()));
        }
        pen.line(Line::from(spans));
        if thick {
            pen.line(Line::from(vec![
                Span::raw(" ".repeat(rank_width + 1 + label_width + 1)),
                Span::styled(bar, row.style),
            ]));
        }
    }
    let hidden = rows.len().saturating_sub(first + shown);
    if hidden > 0 {
        pen.text(
            &fill(t.more_rows, &[("count", &hidden.to_string())]),
            theme.quiet(),
        );
    }
}

/// The results of a closed vote: how many voted, then the outcome as its kind reads it.
pub(super) fn render_results(view: &MeetingView, pen: &mut Pen, vote: &Vote, cx: &Ctx) {
    let tally = vote.tally();
    let first = ui(view).map_or(0, |u| u.selected);
    results_heading(pen, vote, &tally, cx);
    match vote.kind {
        VoteKind::Dots | VoteKind::Score | VoteKind::Ranking => {
            ranked_results(pen, vote, &tally, first, cx)
        }
        VoteKind::FistOfFive | VoteKind::YesNo => proposal_results(pen, vote, &tally, cx),
        VoteKind::Pulse => pulse_results(pen, vote, &tally, cx),
    }
}

/// "Tulokset · Pisteäänestys", then "Äänestäjiä: 9 · Pisteitä yhteensä: 27".
fn results_heading(pen: &mut Pen, vote: &Vote, tally: &Tally, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    pen.text(
        &format!("{} · {}", t.results_title, kind_name(vote.kind, t)),
        theme.heading(),
    );
    let mut counts = Vec::new();
    if tally.voters > 0 {
        let template = if vote.kind == VoteKind::Pulse {
            t.respondents
        } else {
            t.voters
        };
        counts.push(fill(template, &[("count", &tally.voters.to_string())]));
    }
    if vote.kind == VoteKind::Dots {
        let total: f64 = tally.totals.iter().sum();
        counts.push(fill(
            t.dots_total,
            &[("count", &(total as u64).to_string())],
        ));
    }
    if !counts.is_empty() {
        pen.text(&counts.join(" · "), theme.text());
    }
}

/// Option `i`'s text, empty when there is no such option.
fn option_label(vote: &Vote, i: usize) -> String {
    vote.options
        .get(i)
        .map_or("", |o| o.label.as_str())
        .to_string()
}

/// Option `i`'s first choices in the last round of a ranking it was in (its bar).
fn last_round_count(tally: &Tally, i: usize) -> u32 {
    tally
        .rounds
        .iter()
        .rev()
        .find_map(|r| r.get(i).copied().flatten())
        .unwrap_or(0)
}

/// Option `i`'s figure beside its bar: dots, or an average score (none for a ranking).
fn value_text(vote: &Vote, tally: &Tally, i: usize, lang: Lang) -> String {
    match vote.kind {
        VoteKind::Dots | VoteKind::Score => vote_figure(lang, vote.kind, tally.totals[i]),
        _ => String::new(),
    }
}

/// A vote among options (dots, scores, a ranking): the outcome in words, then a bar per
/// option in the final order, the rounds of a ranking, and the figures per side.
fn ranked_results(pen: &mut Pen, vote: &Vote, tally: &Tally, first: usize, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    if vote.kind == VoteKind::Ranking {
        pen.wrapped(t.ranking_method, theme.text(), 2);
        if pen.left() > 24 {
            pen.wrapped(t.ranking_how, theme.quiet(), 2);
        }
    }
    if tally.totals.iter().all(|v| *v == 0.0) {
        pen.gap();
        pen.text(t.no_votes, theme.current());
        return;
    }
    outcome_lines(pen, vote, tally, cx);
    pen.gap();
    let rows = ranked_bars(vote, tally, cx);
    let with_rounds = vote.kind == VoteKind::Ranking && tally.rounds.len() > 1;
    let rounds_rows = if with_rounds {
        vote.options.len() as u16 + 4
    } else {
        0
    };
    let reserve = side_reserve(vote, tally) + rounds_rows;
    let reserve = reserve.min(pen.left().saturating_sub(rows.len().min(4) as u16));
    bars(pen, &rows, first, reserve, t, theme);
    if with_rounds {
        render_rounds(pen, vote, tally, cx);
    }
    render_by_side(pen, vote, tally, cx);
}

/// The outcome in words: the winner, or the tie for first (with how to vote again), then
/// any other ties among the options chosen.
fn outcome_lines(pen: &mut Pen, vote: &Vote, tally: &Tally, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    let winners: Vec<String> = tally
        .winners()
        .iter()
        .map(|i| option_label(vote, *i))
        .collect();
    let headline = if winners.len() > 1 {
        fill(t.tie_first, &[("names", &join(&winners, t.and))])
    } else {
        let template = match vote.kind {
            VoteKind::Dots => t.winner_dots,
            VoteKind::Score => t.winner_score,
            _ => t.winner_ranking,
        };
        fill(template, &[("name", &join(&winners, t.and))])
    };
    pen.wrapped(&headline, theme.current(), 2);
    if winners.len() > 1 && !cx.audience {
        let key = cx.key_for(KeyContext::MeetingVote, Action::OpenVote);
        pen.wrapped(&fill(t.revote_hint, &[("key", &key)]), theme.quiet(), 2);
    }
    // Options nobody chose are not "tied": they are simply not chosen.
    let chosen = |i: &usize| match vote.kind {
        VoteKind::Ranking => last_round_count(tally, *i) > 0,
        _ => tally.totals[*i] > 0.0,
    };
    let tied = tally
        .order
        .iter()
        .skip(1)
        .filter(|g| g.len() > 1 && g.iter().any(chosen));
    for group in tied {
        let names: Vec<String> = group.iter().map(|i| option_label(vote, *i)).collect();
        let line = if vote.kind == VoteKind::Ranking {
            fill(t.tie, &[("names", &join(&names, t.and))])
        } else {
            fill(
                t.tie_value,
                &[
                    ("value", &value_text(vote, tally, group[0], cx.lang)),
                    ("names", &join(&names, t.and)),
                ],
            )
        };
        pen.wrapped(&line, theme.heading(), 2);
    }
}

/// A bar per option in the final order: dots against the most dots, scores against 5, a
/// ranking's last-round first choices against the ballots.
fn ranked_bars(vote: &Vote, tally: &Tally, cx: &Ctx) -> Vec<Bar> {
    let t = &cx.t().vote;
    let theme = cx.theme;
    let numbers = option_numbers(&vote.options);
    let rank = tally.ranks(vote.options.len());
    let max = tally.totals.iter().copied().fold(0.0, f64::max);
    let ballots = vote.ballots.len().max(1) as f64;
    tally
        .order
        .iter()
        .flatten()
        .map(|i| {
            let (share, value) = match vote.kind {
                VoteKind::Dots => (
                    if max > 0.0 {
                        tally.totals[*i] / max
                    } else {
                        0.0
                    },
                    value_text(vote, tally, *i, cx.lang),
                ),
                VoteKind::Score => (tally.totals[*i] / 5.0, value_text(vote, tally, *i, cx.lang)),
                _ => {
                    let c = last_round_count(tally, *i);
                    (f64::from(c) / ballots, c.to_string())
                }
            };
            // The place and the option's own number apart: "1. sija  #4 Penkkejä".
            Bar {
                rank: fill(t.rank, &[("n", &rank[*i].to_string())]),
                label: format!("#{} {}", numbers[*i], option_label(vote, *i)),
                share,
                value,
                note: String::new(),
                style: if rank[*i] == 1 {
                    theme.current()
                } else {
                    theme.text()
                },
            }
        })
        .collect()
}

/// A vote on a proposal (fist of five, yes/no): passed or not in big letters, the rule's
/// sentence, then a bar per answer and the figures per side.
fn proposal_results(pen: &mut Pen, vote: &Vote, tally: &Tally, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    proposal_rows(pen, vote, 2, cx);
    if tally.totals.iter().all(|v| *v == 0.0) {
        pen.gap();
        pen.text(t.no_votes, theme.current());
        return;
    }
    let passed = tally.passed == Some(true);
    let (word, style) = if passed {
        (t.passed, theme.done())
    } else {
        (t.not_passed, theme.overrun())
    };
    let rows = if pen.left() >= 18 { 4 } else { 1 };
    pen.gap();
    pen.big(word, style, rows);
    pen.wrapped(&proposal_sentence(vote, tally, passed, t), style, 2);
    if !passed && !cx.audience {
        let key = cx.key_for(KeyContext::MeetingVote, Action::OpenVote);
        pen.wrapped(&fill(t.amend_hint, &[("key", &key)]), theme.quiet(), 2);
    }
    if vote.kind == VoteKind::FistOfFive && vote.rule == Rule::Consent {
        pen.wrapped(t.consent_rule, theme.quiet(), 2);
    } else if vote.kind == VoteKind::FistOfFive {
        pen.wrapped(t.consensus_rule, theme.quiet(), 2);
    }
    pen.gap();
    let rows = scale_bars(vote, tally, cx);
    let reserve = side_reserve(vote, tally).min(pen.left().saturating_sub(rows.len() as u16));
    bars(pen, &rows, 0, reserve, t, theme);
    render_by_side(pen, vote, tally, cx);
}

/// The pulse: the question, the mean answer in big digits, a bar per answer (5 down to 1)
/// and, where every side is large enough, the figures per side.
fn pulse_results(pen: &mut Pen, vote: &Vote, tally: &Tally, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    proposal_rows(pen, vote, 2, cx);
    let Some(average) = pulse_average(&tally.totals) else {
        pen.gap();
        pen.text(t.no_votes, theme.current());
        return;
    };
    let average = i18n::decimal(cx.lang, average, 1);
    pen.gap();
    if pen.left() >= 18 {
        pen.big(&average, theme.current(), 4);
        pen.text(&fill(t.pulse_average, &[("avg", &average)]), theme.text());
    } else {
        pen.text(
            &fill(t.pulse_average, &[("avg", &average)]),
            theme.current(),
        );
    }
    pen.gap();
    let rows = scale_bars(vote, tally, cx);
    let reserve = side_reserve(vote, tally).min(pen.left().saturating_sub(rows.len() as u16));
    bars(pen, &rows, 0, reserve, t, theme);
    render_by_side(pen, vote, tally, cx);
}

/// How many gave answer `i` of a fist of five or a yes/no.
fn answer_count(tally: &Tally, i: usize) -> u32 {
    tally.totals.get(i).copied().unwrap_or(0.0) as u32
}

/// Why a proposal passed or did not, by its kind and rule.
fn proposal_sentence(vote: &Vote, tally: &Tally, passed: bool, t: &VoteText) -> String {
    match (vote.kind, vote.rule, passed) {
        (VoteKind::FistOfFive, Rule::Consent, true) => t.consent_passed.to_string(),
        (VoteKind::FistOfFive, Rule::Consent, false) => {
            fill(t.consent_failed, &[("count", &tally.blocks.to_string())])
        }
        (VoteKind::FistOfFive, Rule::Consensus, true) => t.consensus_passed.to_string(),
        (VoteKind::FistOfFive, Rule::Consensus, false) => {
            let mut s = t.consensus_failed.to_string();
            if tally.blocks > 0 {
                s = format!(
                    "{s} {}",
                    fill(t.blocks, &[("count", &tally.blocks.to_string())])
                );
            }
            s
        }
        (_, _, _) => {
            let (yes, no) = (answer_count(tally, 0), answer_count(tally, 1));
            let template = if yes == no {
                t.yes_no_tie
            } else if passed {
                t.yes_no_passed
            } else {
                t.yes_no_failed
            };
            fill(
                template,
                &[("yes", &yes.to_string()), ("no", &no.to_string())],
            )
        }
    }
}

/// A bar per answer of the scale (5 to 0, or yes, no, abstain), against the largest count
/// so the most common answer fills its row; a block (0) is marked.
fn scale_bars(vote: &Vote, tally: &Tally, cx: &Ctx) -> Vec<Bar> {
    let t = &cx.t().vote;
    let theme = cx.theme;
    let count = |i: usize| answer_count(tally, i);
    let most: u32 = (0..tally.totals.len()).map(count).max().unwrap_or(0);
    let share = |c: u32| {
        if most == 0 {
            0.0
        } else {
            f64::from(c) / f64::from(most)
        }
    };
    if vote.kind == VoteKind::Pulse {
        (0..t.pulse_levels.len())
            .rev()
            .map(|slot| Bar {
                rank: (slot + 1).to_string(),
                label: t.pulse_levels[slot].to_string(),
                share: share(count(slot)),
                value: count(slot).to_string(),
                note: String::new(),
                style: theme.text(),
            })
            .collect()
    } else if vote.kind == VoteKind::FistOfFive {
        (0..=5usize)
            .rev()
            .map(|v| {
                let c = count(v);
                let block = v == 0 && c > 0;
                Bar {
                    rank: v.to_string(),
                    label: t.fist_levels[v].to_string(),
                    share: share(c),
                    value: c.to_string(),
                    note: if block {
                        format!("◀ {}", t.block_mark)
                    } else {
                        String::new()
                    },
                    style: if block { theme.overrun() } else { theme.text() },
                }
            })
            .collect()
    } else {
        (0..3)
            .map(|i| Bar {
                rank: String::new(),
                label: t.yes_no[i].to_string(),
                share: share(count(i)),
                value: count(i).to_string(),
                note: String::new(),
                style: theme.text(),
            })
            .collect()
    }
}

/// The rows the per-side part needs.
fn side_reserve(vote: &Vote, tally: &Tally) -> u16 {
    match vote.sides_shown() {
        None => 0,
        Some(false) => 2,
        Some(true) => {
            let rows = match vote.kind {
                // The pulse's average is a row of its own.
                VoteKind::Pulse => vote.hand_slots() + 1,
                VoteKind::FistOfFive | VoteKind::YesNo => vote.hand_slots(),
                _ => vote.options.len(),
            };
            if tally.by_side.is_empty() {
                0
            } else {
                rows as u16 + 2
            }
        }
    }
}

/// The rounds of a ranking: one row per option (in the final order), one column per round
/// with its first choices, `–` once the option has dropped out.
fn render_rounds(pen: &mut Pen, vote: &Vote, tally: &Tally, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    if pen.left() < 4 {
        return;
    }
    pen.gap();
    pen.text(t.rounds_title, theme.heading());
    let rounds = tally.rounds.len();
    let col = rounds
        .to_string()
        .len()
        .max(vote.ballots.len().to_string().len())
        + 3;
    let longest = vote
        .options
        .iter()
        .map(|o| o.label.width())
        .max()
        .unwrap_or(0)
        .max(t.round.width());
    let label_width = longest.min(pen.width().saturating_sub(col * rounds).max(6));
    let mut head = format!("{:>label_width$}", fit(t.round, label_width));
    for n in 1..=rounds {
        head.push_str(&format!("{n:>col$}"));
    }
    pen.text(&head, theme.quiet());
    for i in tally.order.iter().flatten() {
        let label = fit(
            vote.options.get(*i).map_or("", |o| o.label.as_str()),
            label_width,
        );
        let pad = label_width.saturating_sub(label.width());
        let mut line = format!("{label}{}", " ".repeat(pad));
        for round in &tally.rounds {
            let cell = match round.get(*i).copied().flatten() {
                Some(c) => c.to_string(),
                None => "–".to_string(),
            };
            line.push_str(&format!("{cell:>col$}"));
        }
        pen.text(&line, theme.text());
    }
}

/// The row of the per-side table that holds each side's mean answer to the pulse.
const AVERAGE_ROW: usize = usize::MAX;

/// Per-side results, or why they are not shown.
fn render_by_side(pen: &mut Pen, vote: &Vote, tally: &Tally, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    match vote.sides_shown() {
        None => {}
        Some(false) if pen.left() >= 2 => {
            pen.gap();
            pen.wrapped(t.by_side_withheld, theme.quiet(), 2);
        }
        Some(true) if !tally.by_side.is_empty() => side_table(pen, vote, tally, cx),
        Some(_) => {}
    }
}

/// The figures per side: a column per side, a row per option or answer (a ranking's
/// figures are places).
fn side_table(pen: &mut Pen, vote: &Vote, tally: &Tally, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    let lang = cx.lang;
    if pen.left() < 3 {
        return;
    }
    pen.gap();
    let names: Vec<&str> = tally
        .by_side
        .iter()
        .map(|(side, _)| i18n::side(lang, *side))
        .collect();
    let col = names.iter().map(|n| n.width()).max().unwrap_or(4) + 2;
    let label_width = pen.width().saturating_sub(col * names.len()).clamp(6, 40);
    let title = fit(t.by_side_title, label_width);
    let mut line = format!(
        "{title}{}",
        " ".repeat(label_width.saturating_sub(title.width()))
    );
    for name in &names {
        line.push_str(&format!("{name:>col$}"));
    }
    pen.text(&line, theme.heading());
    // The rows: options in the overall order, or the scale of a fist / yes-no / the pulse
    // (whose first row is each side's average: `AVERAGE_ROW`).
    let rows: Vec<(String, usize)> = match vote.kind {
        VoteKind::Pulse => std::iter::once((t.average.to_string(), AVERAGE_ROW))
            .chain(
                (0..t.pulse_levels.len())
                    .rev()
                    .map(|slot| (format!("{}  {}", slot + 1, t.pulse_levels[slot]), slot)),
            )
            .collect(),
        VoteKind::FistOfFive => (0..=5usize)
            .rev()
            .map(|v| (format!("{v}  {}", t.fist_levels[v]), v))
            .collect(),
        VoteKind::YesNo => (0..3).map(|i| (t.yes_no[i].to_string(), i)).collect(),
        _ => tally
            .order
            .iter()
            .flatten()
            .map(|i| (vote.options[*i].label.clone(), *i))
            .collect(),
    };
    // A ranking's per-side figures are places, not counts.
    let side_ranks: Vec<Vec<usize>> = tally
        .by_side
        .iter()
        .map(|(_, totals)| {
            // Tied options share a place, as in the overall order.
            totals
                .iter()
                .map(|v| 1 + totals.iter().filter(|w| **w - *v > 1e-9).count())
                .collect()
        })
        .collect();
    let room = pen.left() as usize;
    for (label, i) in rows.iter().take(room) {
        let label = fit(label, label_width);
        let mut line = format!(
            "{label}{}",
            " ".repeat(label_width.saturating_sub(label.width()))
        );
        for (s, (_, totals)) in tally.by_side.iter().enumerate() {
            let value = totals.get(*i).copied().unwrap_or(0.0);
            let cell = match vote.kind {
                VoteKind::Ranking => format!("{}.", side_ranks[s][*i]),
                VoteKind::Pulse if *i == AVERAGE_ROW => {
                    pulse_average(totals).map_or(String::new(), |a| i18n::decimal(lang, a, 1))
                }
                kind => vote_figure(lang, kind, value),
            };
            line.push_str(&format!("{cell:>col$}"));
        }
        pen.text(&line, theme.text());
    }
}
