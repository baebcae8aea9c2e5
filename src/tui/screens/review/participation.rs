//! Participation as the review shows it, for one meeting or a group's meetings together:
//! per side (a bar of the share of airtime with the share of seats marked) and per role,
//! and the equity index. Per side and role only: never per person (DESIGN §6).

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::count;
use super::page::TextPage;
use crate::i18n::{self, fill, words};
use crate::model::Side;
use crate::model::metrics::{Figures, Participation};
use crate::tui::app::Ctx;
use crate::tui::widgets::{self, fit};

/// A bar of `share` with a mark at `seat` (the share of seats), so the two can be compared
/// at a glance without colour. The mark is drawn in `mark` (bold), the bar in `style`.
pub fn share_bar(
    share: f64,
    seat: Option<f64>,
    width: usize,
    style: Style,
    mark: Style,
) -> Vec<Span<'static>> {
    let chars: Vec<char> = widgets::bar(share, width).chars().collect();
    let at = seat
        .filter(|_| width > 0)
        .map(|seat| ((seat.clamp(0.0, 1.0) * width as f64).round() as usize).min(width - 1));
    match at {
        Some(at) => vec![
            Span::styled(chars[..at].iter().collect::<String>(), style),
            Span::styled("│", mark),
            Span::styled(chars[at + 1..].iter().collect::<String>(), style),
        ],
        None => vec![Span::styled(chars.into_iter().collect::<String>(), style)],
    }
}

/// Participation per side (a bar of the share of airtime with the share of seats marked)
/// and per role, and the equity index. Per side and role only: never per person.
///
/// With `meetings`, the figures are a group's totals over that many meetings: the heading
/// says so, and the equity index is their mean.
pub fn participation_section(
    doc: &mut TextPage,
    p: &Participation,
    meetings: Option<usize>,
    width: usize,
    cx: &Ctx,
) {
    let r = &cx.t().review;
    let theme = cx.theme;
    let title = match meetings {
        Some(n) => format!("{} ({})", r.participation, count(r.count, n)),
        None => r.participation.to_string(),
    };
    doc.section(title, theme);
    doc.push(Line::from(vec![
        Span::styled("█ ", theme.current()),
        Span::styled(format!("{}   ", r.airtime_share), theme.quiet()),
        Span::styled("│ ", theme.current()),
        Span::styled(r.seat_share, theme.quiet()),
    ]));
    side_rows(doc, p, width, cx);
    // Per role: a table where it fits, otherwise a line per role.
    doc.blank();
    doc.push(Line::from(Span::styled(r.roles_title, theme.heading())));
    role_rows(doc, p, width, cx);
    if p.roles_folded {
        doc.para("", r.roles_folded, width, theme.quiet());
    }
    doc.blank();
    match p.equity {
        Some(e) => {
            let template = if meetings.is_some() {
                r.cli_equity_mean
            } else {
                r.equity
            };
            doc.push(Line::from(vec![
                Span::styled(
                    fill(template, &[("value", &words::equity(cx.lang, Some(e)))]),
                    theme.heading(),
                ),
                Span::raw("  "),
                Span::styled(widgets::bar(e, 20), theme.current()),
            ]));
            doc.para("", r.equity_explain, width, theme.quiet());
        }
        None => doc.para("", r.equity_none, width, theme.quiet()),
    }
}

/// A line per side that had seats or spoke: its share of airtime as a bar with its share
/// of seats marked, the two in words, and its counts under them.
fn side_rows(doc: &mut TextPage, p: &Participation, width: usize, cx: &Ctx) {
    let r = &cx.t().review;
    let theme = cx.theme;
    let share_words = |side: Side| {
        fill(
            r.share_line,
            &[
                ("airtime", &words::percent(cx.lang, p.airtime_share(side))),
                ("seats", &words::percent(cx.lang, p.seat_share(side))),
            ],
        )
    };
    let label_w = Side::ALL
        .iter()
        .map(|s| i18n::side(cx.lang, *s).width())
        .max()
        .unwrap_or(0)
        + 2;
    // The bar takes what the words beside it leave, so the line never runs off the screen.
    let words_w = Side::ALL
        .iter()
        .map(|side| share_words(*side).width())
        .max()
        .unwrap_or(0);
    let bar_w = width.saturating_sub(label_w + words_w + 1).clamp(10, 40);
    for side in Side::ALL {
        let f = &p.sides[side as usize];
        if f.seats == 0 && f.airtime_ms == 0 {
            continue;
        }
        let mut spans = vec![Span::styled(
            crate::tui::widgets::pad(i18n::side(cx.lang, side), label_w),
            theme.text(),
        )];
        spans.extend(share_bar(
            p.airtime_share(side).unwrap_or(0.0),
            p.seat_share(side),
            bar_w,
            theme.side(side),
            theme.heading(),
        ));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            fit(
                &share_words(side),
                width.saturating_sub(label_w + bar_w + 1),
            ),
            theme.text(),
        ));
        doc.push(Line::from(spans));
        doc.para(
            &" ".repeat(label_w),
            &counts_line(r.side_counts, f),
            width,
            theme.quiet(),
        );
    }
}

/// The roles' figures: a table where it fits (on a narrow screen the last columns go,
/// contributions, then passes, before it turns into lines), else a line per role.
fn role_rows(doc: &mut TextPage, p: &Participation, width: usize, cx: &Ctx) {
    let r = &cx.t().review;
    let theme = cx.theme;
    let mut rows = role_cells(p, cx);
    let mut header: Vec<String> = r.role_columns.iter().map(|s| s.to_string()).collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let table_w = |widths: &[usize]| widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
    while table_w(&widths) > width && widths.len() > 5 {
        widths.pop();
        header.pop();
    }
    for row in &mut rows {
        row.truncate(widths.len());
    }
    if table_w(&widths) <= width {
        doc.push(table_line(&header, &widths, theme.quiet()));
        for row in &rows {
            doc.push(table_line(row, &widths, theme.text()));
        }
        return;
    }
    let names = &r.role_columns;
    for ((_, f), row) in p.roles.iter().zip(&rows) {
        doc.para(
            "",
            &format!(
                "{}: {} {} · {} {} · {} {} · {} {}",
                row[0],
                names[2].to_lowercase(),
                row[2],
                names[3].to_lowercase(),
                row[3],
                names[4].to_lowercase(),
                f.turns,
                names[5].to_lowercase(),
                f.passes
            ),
            width,
            theme.text(),
        );
    }
}

/// A role's cells: role, seats, airtime, share of airtime, turns, passes, contributions.
fn role_cells(p: &Participation, cx: &Ctx) -> Vec<Vec<String>> {
    p.roles
        .iter()
        .map(|(row, f)| {
            vec![
                i18n::review::role_row(cx.lang, *row).to_string(),
                f.seats.to_string(),
                words::length(f.airtime_ms),
                words::percent(
                    cx.lang,
                    (p.total.airtime_ms > 0)
                        .then(|| f.airtime_ms as f64 / p.total.airtime_ms as f64),
                ),
                f.turns.to_string(),
                f.passes.to_string(),
                f.contributions.to_string(),
            ]
        })
        .collect()
}

/// A row of the roles' table: the first cell left-aligned, the figures right-aligned.
fn table_line(cells: &[String], widths: &[usize], style: Style) -> Line<'static> {
    let spans: Vec<Span> = cells
        .iter()
        .zip(widths)
        .enumerate()
        .map(|(i, (cell, w))| {
            let gap = w.saturating_sub(cell.width());
            let text = if i == 0 {
                format!("{cell}{}", " ".repeat(gap))
            } else {
                format!("  {}{cell}", " ".repeat(gap))
            };
            Span::styled(text, style)
        })
        .collect();
    Line::from(spans)
}

/// "present 3 · turns 7 · passes 1 · contributions 9".
fn counts_line(template: &str, f: &Figures) -> String {
    fill(
        template,
        &[
            ("seats", &f.seats.to_string()),
            ("turns", &f.turns.to_string()),
            ("passes", &f.passes.to_string()),
            ("contributions", &f.contributions.to_string()),
        ],
    )
}
