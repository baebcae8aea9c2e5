//! The report's charts as inline SVG: bars per meeting, one or two series, with a scale, a
//! legend and each bar's value written on it. Dark and light bars with outlines, so they
//! read the same printed in black and white. No script, nothing from elsewhere.

use super::Chart;
use crate::export::html::escape;
use crate::i18n::{self, Lang};

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 28.0;
const BOTTOM: f64 = 34.0;
/// Fill and outline of each series.
const COLOURS: [(&str, &str); 2] = [("#1f3f66", "#1f3f66"), ("#c9d6e6", "#1f3f66")];

/// A `<figure>` with the chart and its title as caption.
pub fn chart(chart: &Chart, caption: bool, lang: Lang) -> String {
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let n = chart.labels.len().max(1) as f64;
    let group_w = plot_w / n;
    let series = chart.series.len().max(1) as f64;
    let bar_w = (group_w * 0.8 / series).min(40.0);
    let mut svg = String::from("<figure>\n");
    if caption {
        svg.push_str(&format!(
            "<figcaption>{}</figcaption>\n",
            escape(&chart.title)
        ));
    }
    svg.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"100%\" role=\"img\" aria-label=\"{}\">\n",
        escape(&chart.title)
    ));
    // The scale: four steps, with lines across.
    for step in 0..=4 {
        let value = chart.max * f64::from(step) / 4.0;
        let y = TOP + plot_h - plot_h * f64::from(step) / 4.0;
        svg.push_str(&format!(
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#bbb\" stroke-width=\"0.6\"/>\n",
            WIDTH - RIGHT
        ));
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\n",
            LEFT - 4.0,
            y + 4.0,
            value_text(value, chart.percent, lang)
        ));
    }
    for (i, label) in chart.labels.iter().enumerate() {
        let group_x = LEFT + group_w * i as f64;
        let first_x = group_x + (group_w - bar_w * series) / 2.0;
        for (s, (_, values)) in chart.series.iter().enumerate() {
            let Some(value) = values.get(i).copied().flatten() else {
                continue;
            };
            let h = plot_h * (value / chart.max).clamp(0.0, 1.0);
            let x = first_x + bar_w * s as f64;
            let y = TOP + plot_h - h;
            let (fill, stroke) = COLOURS[s % COLOURS.len()];
            svg.push_str(&format!(
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"0.8\"/>\n",
                bar_w - 1.0
            ));
            if bar_w >= 18.0 {
                svg.push_str(&format!(
                    "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"9\">{}</text>\n",
                    x + bar_w / 2.0,
                    y - 3.0,
                    value_text(value, chart.percent, lang)
                ));
            }
        }
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\n",
            group_x + group_w / 2.0,
            HEIGHT - BOTTOM + 14.0,
            escape(label)
        ));
    }
    // The legend, top left, when there is more than one series.
    if chart.series.len() > 1 {
        let mut x = LEFT;
        for (s, (name, _)) in chart.series.iter().enumerate() {
            let (fill, stroke) = COLOURS[s % COLOURS.len()];
            svg.push_str(&format!(
                "<rect x=\"{x:.1}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{fill}\" stroke=\"{stroke}\"/>\n<text x=\"{:.1}\" y=\"16\">{}</text>\n",
                x + 16.0,
                escape(name)
            ));
            x += 24.0 + 7.0 * name.chars().count() as f64;
        }
    }
    svg.push_str("</svg>\n</figure>\n");
    svg
}

fn value_text(value: f64, percent: bool, lang: Lang) -> String {
    if percent {
        crate::i18n::words::percent(lang, Some(value))
    } else {
        i18n::decimal(lang, value, 2)
    }
}
