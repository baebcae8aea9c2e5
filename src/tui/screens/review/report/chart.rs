//! The report's chart in text: a meeting a row, the students' share of the speaking time as
//! a bar with their share of those present marked on it (`│`), and both as figures after
//! the bar. Shapes carry the meaning, so it reads without colour too.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::super::page::TextPage;
use super::super::participation::share_bar;
use crate::export::report::Chart;
use crate::i18n::fill;
use crate::i18n::words::percent;
use crate::model::Side;
use crate::tui::app::Ctx;

/// The widest bar: wider only spreads the same figures out.
const MAX_BAR: usize = 60;

/// The chart of the shares: `chart`'s first series is the speaking time, its second those
/// present, one value per label (a meeting's date).
pub(super) fn shares(doc: &mut TextPage, chart: &Chart, width: usize, cx: &Ctx) {
    let t = &cx.t().report;
    let theme = cx.theme;
    let (Some((_, airtime)), Some((_, seats))) = (chart.series.first(), chart.series.get(1)) else {
        return;
    };
    doc.para("", &chart.title, width, theme.text());
    let student = theme.side(Side::Student);
    doc.push(Line::from(vec![
        Span::styled("█ ", student),
        Span::styled(format!("{}   ", t.chart_legend[0]), theme.quiet()),
        Span::styled("│ ", theme.heading()),
        Span::styled(t.chart_legend[1], theme.quiet()),
    ]));
    let shown = |x: Option<f64>| format!("{:>5}", percent(cx.lang, x));
    let values: Vec<String> = airtime
        .iter()
        .zip(seats)
        .map(|(a, s)| {
            fill(
                t.chart_row,
                &[("airtime", &shown(*a)), ("seats", &shown(*s))],
            )
        })
        .collect();
    let label_w = chart.labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let value_w = values.iter().map(|v| v.width()).max().unwrap_or(0);
    let bar_w = width
        .saturating_sub(1 + label_w + 1 + 2 + value_w)
        .clamp(10, MAX_BAR);
    for ((label, value), (a, s)) in chart
        .labels
        .iter()
        .zip(&values)
        .zip(airtime.iter().zip(seats))
    {
        let mut spans = vec![Span::styled(
            format!(" {label:>w$} ", w = label_w),
            theme.text(),
        )];
        spans.extend(share_bar(
            a.unwrap_or(0.0),
            *s,
            bar_w,
            student,
            theme.heading(),
        ));
        spans.push(Span::styled(format!("  {value}"), theme.text()));
        doc.push(Line::from(spans));
    }
}
