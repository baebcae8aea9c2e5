//! Pieces every stage of a vote draws: the kind and its rules, how ballots are entered,
//! the numbered options, the proposal, and names joined as a sentence.

use crate::i18n::fill;
use crate::i18n::vote::VoteText;
use crate::model::vote::{Entry, Rule, Vote, VoteKind, VoteOption, option_numbers};
use crate::tui::app::Ctx;
use crate::tui::theme::Theme;
use crate::tui::widgets::fit;

use super::{Pen, hands_count};

/// The kind's name and its rules, as one line: "Pisteäänestys · Pisteitä kullakin: 3 …".
pub(super) fn rules_line(
    kind: VoteKind,
    budget: u32,
    cap: u32,
    rule: Rule,
    t: &VoteText,
) -> String {
    let name = kind_name(kind, t);
    let rules = match kind {
        VoteKind::Dots if cap > 0 => fill(
            t.dots_rules,
            &[("budget", &budget.to_string()), ("cap", &cap.to_string())],
        ),
        VoteKind::Dots => fill(t.dots_rules_no_cap, &[("budget", &budget.to_string())]),
        VoteKind::FistOfFive => match rule {
            Rule::Consent => t.consent_rule.to_string(),
            Rule::Consensus => t.consensus_rule.to_string(),
        },
        VoteKind::YesNo => t.yes_no_rule.to_string(),
        VoteKind::Score => t.score_rule.to_string(),
        VoteKind::Ranking => format!("{} {}", t.ranking_method, t.ranking_how),
        VoteKind::Pulse => t.pulse_rule.to_string(),
    };
    format!("{name} · {rules}")
}

/// The kind's name: "Pisteäänestys".
pub(super) fn kind_name(kind: VoteKind, t: &VoteText) -> &'static str {
    t.kinds[VoteKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
}

/// How ballots are entered, in a sentence.
pub(super) fn entry_line(kind: VoteKind, entry: Entry, t: &VoteText) -> &'static str {
    if entry == Entry::Hands && hands_count(kind) {
        t.entry_hands
    } else {
        t.entry_voters
    }
}

/// What a list of options is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Subject {
    Ideas,
    Themes,
    /// Typed in, or a mix.
    Other,
}

/// What a list of options is made of: all ideas, all themes, or neither.
pub(super) fn subject(options: &[VoteOption]) -> Subject {
    if options.is_empty() {
        Subject::Other
    } else if options.iter().all(|o| o.idea.is_some()) {
        Subject::Ideas
    } else if options.iter().all(|o| o.theme.is_some()) {
        Subject::Themes
    } else {
        Subject::Other
    }
}

/// The line over the options: what is voted on (the ideas, the themes) and how many.
pub(super) fn options_title(options: &[VoteOption], t: &VoteText) -> String {
    let template = match subject(options) {
        Subject::Ideas => t.options_title_ideas,
        Subject::Themes => t.options_title_themes,
        Subject::Other => t.options_title,
    };
    fill(template, &[("count", &options.len().to_string())])
}

/// A numbered list of options, leaving `reserve` rows below it: kept around the selected
/// one when there is a selection, else from row `first` (scrolled with the arrows).
pub(super) fn option_rows(
    pen: &mut Pen,
    options: &[VoteOption],
    selected: Option<usize>,
    first: usize,
    reserve: u16,
    theme: Theme,
    t: &VoteText,
) {
    let rows = pen.left().saturating_sub(reserve) as usize;
    if rows == 0 {
        return;
    }
    let fits = options.len() <= rows;
    let shown = if fits { rows } else { rows.saturating_sub(1) };
    let start = match selected {
        Some(at) => at.saturating_sub(shown.saturating_sub(1)),
        None => first.min(options.len().saturating_sub(shown)),
    };
    let numbers = option_numbers(options);
    let number_width = numbers.iter().max().map_or(1, |n| n.to_string().len());
    // On a tall screen, a row between options: easier to read from the back.
    let spaced = fits && rows >= options.len() * 2;
    for (i, option) in options.iter().enumerate().skip(start).take(shown) {
        if spaced && i > start {
            pen.gap();
        }
        let current = selected == Some(i);
        let mark = if current { "▶ " } else { "  " };
        // The option's own number, as on the wall (no dot: "1." would read as a place).
        let text = format!("{mark}{:>number_width$}  {}", numbers[i], option.label);
        let text = fit(&text, pen.width());
        pen.choice(&text, current, theme);
    }
    let hidden = options.len().saturating_sub(start + shown);
    if !fits && hidden > 0 {
        pen.text(
            &fill(t.more_rows, &[("count", &hidden.to_string())]),
            theme.quiet(),
        );
    }
}

/// A proposal (fist of five, yes/no), wrapped in the current style.
pub(super) fn proposal_rows(pen: &mut Pen, vote: &Vote, rows: usize, cx: &Ctx) {
    let t = &cx.t().vote;
    if let Some(option) = vote.options.first() {
        // The pulse's question is its own heading; a proposal is named as one.
        let text = if vote.kind == VoteKind::Pulse {
            option.label.clone()
        } else {
            format!("{}: {}", t.proposal_title, option.label)
        };
        pen.wrapped(&text, cx.theme.current(), rows);
    }
}

/// "A, B ja C".
pub(super) fn join(names: &[String], and: &str) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}
