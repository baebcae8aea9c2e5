//! Drawing a ballot for the voter, kind by kind, and the blank screen between voters.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::i18n::fill;
use crate::model::vote::{Vote, VoteKind, YesNo, option_numbers};
use crate::tui::app::Ctx;
use crate::tui::theme::Theme;
use crate::tui::widgets::{big_text, fit};

use super::super::Pen;
use super::super::parts::{kind_name, options_title, proposal_rows};
use super::{BallotUi, Marks};

/// The thanks after a ballot, until the next voter presses a key.
pub(in super::super) fn render_blank(pen: &mut Pen, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    let rows = if pen.left() >= 12 { 4 } else { 1 };
    pen.y += pen.left().saturating_sub(rows + 4) / 3;
    pen.big(t.thanks, theme.done(), rows);
    pen.gap();
    pen.center(t.thanks_next, theme.heading());
    pen.gap();
    pen.center(t.thanks_key, theme.key());
}

/// The ballot on screen: what is voted on and how, then the marks of its kind.
pub(in super::super) fn render_ballot(pen: &mut Pen, vote: &Vote, ballot: &BallotUi, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    pen.text(
        &format!("{} · {}", t.ballot_title, kind_name(vote.kind, t)),
        theme.heading(),
    );
    let instructions = match vote.kind {
        VoteKind::Dots => t.dots_instructions,
        VoteKind::FistOfFive => t.fist_instructions,
        VoteKind::Pulse => t.pulse_instructions,
        VoteKind::YesNo => t.yes_no_instructions,
        VoteKind::Score => t.score_instructions,
        VoteKind::Ranking => t.ranking_instructions,
    };
    pen.wrapped(instructions, theme.text(), 2);
    if vote.kind.has_options() {
        pen.text(&options_title(&vote.options, t), theme.heading());
    } else {
        proposal_rows(pen, vote, 2, cx);
    }
    pen.gap();
    if ballot.abstain {
        let rows = if pen.left() >= 10 { 4 } else { 1 };
        pen.big(&t.abstaining.to_uppercase(), theme.current(), rows);
        pen.gap();
    }
    match &ballot.marks {
        Marks::Dots(dots) => dot_rows(pen, vote, ballot, dots, cx),
        Marks::Score(scores) => score_rows(pen, vote, ballot, scores, cx),
        Marks::Ranking { order, .. } => ranking_rows(pen, vote, ballot, order, cx),
        Marks::Fist(value) => {
            let t = &cx.t().vote;
            let levels: Vec<(u8, &str)> = (0..=5u8)
                .map(|v| (v, t.fist_levels[usize::from(v)]))
                .collect();
            scale_rows(pen, *value, &levels, Some(0), cx);
        }
        Marks::Pulse(value) => {
            let t = &cx.t().vote;
            let levels: Vec<(u8, &str)> = (1..=5u8)
                .map(|v| (v, t.pulse_levels[usize::from(v - 1)]))
                .collect();
            scale_rows(pen, *value, &levels, None, cx);
        }
        Marks::YesNo(answer) => yes_no_rows(pen, *answer, cx),
    }
}

/// The dots left, then each option with its dots.
fn dot_rows(pen: &mut Pen, vote: &Vote, ballot: &BallotUi, dots: &[u32], cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    let width = pen.width();
    let used: u32 = dots.iter().sum();
    let left = vote.budget.saturating_sub(used);
    let status = fill(
        t.dots_left,
        &[
            ("left", &left.to_string()),
            ("budget", &vote.budget.to_string()),
        ],
    );
    if vote.cap > 0 {
        let cap = fill(t.dots_cap_reached, &[("cap", &vote.cap.to_string())]);
        pen.text(&cap, theme.text());
    }
    pen.text(&status, theme.current());
    pen.gap();
    let marks: Vec<String> = dots
        .iter()
        .map(|d| {
            format!(
                "{}{}",
                "●".repeat(*d as usize),
                if *d > 0 {
                    format!(" {d}")
                } else {
                    String::new()
                }
            )
        })
        .collect();
    choice_rows(pen, vote, ballot.selected, &marks, theme, width);
}

/// Each option with its stars, `–` while unscored.
fn score_rows(pen: &mut Pen, vote: &Vote, ballot: &BallotUi, scores: &[u8], cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    let width = pen.width();
    let marks: Vec<String> = scores
        .iter()
        .map(|s| match s {
            0 => format!("–  ({})", t.score_unscored),
            s => format!(
                "{}{} {s}",
                "★".repeat(usize::from(*s)),
                "☆".repeat(5 - usize::from(*s))
            ),
        })
        .collect();
    choice_rows(pen, vote, ballot.selected, &marks, theme, width);
}

/// The options in the voter's order, each with its place, and how the count works.
fn ranking_rows(pen: &mut Pen, vote: &Vote, ballot: &BallotUi, order: &[usize], cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    let width = pen.width();
    let n = vote.options.len();
    let numbers = option_numbers(&vote.options);
    let place_width = fill(t.rank, &[("n", &n.to_string())]).width();
    let rows = pen.left().saturating_sub(4) as usize;
    let spaced = rows >= n * 2;
    let start = ballot.selected.saturating_sub(rows.saturating_sub(1));
    for (place, option) in order.iter().enumerate().skip(start).take(rows) {
        if spaced && place > start {
            pen.gap();
        }
        let label = vote.options.get(*option).map_or("", |o| o.label.as_str());
        let number = numbers.get(*option).copied().unwrap_or(0);
        let current = place == ballot.selected;
        let place = fill(t.rank, &[("n", &(place + 1).to_string())]);
        let text = fit(
            &format!(
                "{} {place:<place_width$}  #{number} {label}",
                if current { "▶" } else { " " },
            ),
            width,
        );
        pen.choice(&text, current, theme);
    }
    pen.gap();
    pen.wrapped(
        &format!("{} {}", t.ranking_method, t.ranking_how),
        theme.quiet(),
        3,
    );
}

/// A scale's values from the top down (a fist's 5 to 0, the pulse's 5 to 1) with what each
/// means, `warn` (a fist's block) in the warning colour, and the chosen one in big digits
/// beside them when there is room.
fn scale_rows(pen: &mut Pen, value: Option<u8>, levels: &[(u8, &str)], warn: Option<u8>, cx: &Ctx) {
    let theme = cx.theme;
    let width = pen.width();
    let big_room = pen.left() >= 12 && width >= 40;
    let list = Rect {
        width: if big_room {
            (pen.area.width / 2).max(30)
        } else {
            pen.area.width
        },
        ..pen.area
    };
    let top = pen.y;
    let spaced = pen.left() >= 14;
    for (row, (v, meaning)) in levels.iter().rev().enumerate() {
        if spaced && row > 0 {
            pen.gap();
        }
        let current = value == Some(*v);
        let style = if current {
            theme.selected()
        } else if warn == Some(*v) {
            theme.warning()
        } else {
            theme.text()
        };
        let text = format!("{} {v}  {meaning}", if current { "▶" } else { " " });
        let text = fit(&text, list.width as usize);
        let pad = if current {
            " ".repeat((list.width as usize).saturating_sub(text.width()))
        } else {
            String::new()
        };
        if pen.left() > 0 {
            Paragraph::new(Line::from(Span::styled(format!("{text}{pad}"), style))).render(
                Rect {
                    y: pen.y,
                    height: 1,
                    ..list
                },
                pen.buf,
            );
            pen.y += 1;
        }
    }
    if big_room && let Some(v) = value {
        let right = Rect {
            x: list.x + list.width,
            y: top,
            width: pen.area.width.saturating_sub(list.width),
            height: 16.min(pen.area.bottom().saturating_sub(top)),
        };
        big_text(
            &v.to_string(),
            theme.current(),
            right,
            right.height,
            pen.buf,
        );
    }
}

/// Yes, no and abstain, and the chosen one in big letters.
fn yes_no_rows(pen: &mut Pen, answer: Option<YesNo>, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    let width = pen.width();
    let choices = [YesNo::Yes, YesNo::No, YesNo::Abstain];
    let big = pen.left() >= 16;
    for (i, choice) in choices.iter().enumerate() {
        let current = answer == Some(*choice);
        let text = format!(
            "{} {}  {}  {}",
            if current { "▶" } else { " " },
            i + 1,
            t.yes_no_letters[i],
            t.yes_no[i].to_uppercase()
        );
        let text = fit(&text, width);
        pen.choice(&text, current, theme);
        if big {
            pen.gap();
        }
    }
    if let Some(choice) = answer
        && pen.left() >= 5
    {
        pen.gap();
        let i = choices.iter().position(|c| *c == choice).unwrap_or(0);
        pen.big(&t.yes_no[i].to_uppercase(), theme.current(), 4);
    }
}

/// Ballot rows of a list kind: the option, then its marks (dots, stars) at the right.
fn choice_rows(
    pen: &mut Pen,
    vote: &Vote,
    selected: usize,
    marks: &[String],
    theme: Theme,
    width: usize,
) {
    let n = vote.options.len();
    let mark_width = marks.iter().map(|m| m.width()).max().unwrap_or(0).max(6);
    let numbers = option_numbers(&vote.options);
    let number_width = numbers.iter().max().map_or(1, |n| n.to_string().len());
    // The marks follow the labels closely, so a row reads across without a gap to jump.
    let longest = vote
        .options
        .iter()
        .map(|o| o.label.width())
        .max()
        .unwrap_or(0);
    let label_width = longest.min(width.saturating_sub(mark_width + number_width + 6));
    let rows = pen.left() as usize;
    let spaced = rows >= n * 2;
    let start = selected.saturating_sub(rows.saturating_sub(1));
    for (i, option) in vote.options.iter().enumerate().skip(start).take(rows) {
        if spaced && i > start {
            pen.gap();
        }
        let current = i == selected;
        let label = fit(&option.label, label_width);
        let pad = label_width.saturating_sub(label.width());
        let text = format!(
            "{} {:>number_width$}  {label}{}  {}",
            if current { "▶" } else { " " },
            numbers[i],
            " ".repeat(pad),
            marks.get(i).map_or("", String::as_str)
        );
        let text = fit(&text, width);
        pen.choice(&text, current, theme);
    }
}
