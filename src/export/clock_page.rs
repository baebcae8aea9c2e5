//! A group's wellbeing year clock as one print-ready HTML page (A4 landscape): the ring of
//! twelve months as inline SVG, the list of the year's items, a responsibilities matrix of
//! who answers for what in which month, and the clock's sources.
//!
//! Like the minutes' HTML it is self-contained (inline CSS, no script, no font, image or
//! link to fetch) and every text is escaped. It is pure: the day that decides the current
//! month comes in as `today`.

use std::fmt::Write;

use jiff::civil::Date;

use super::escape_html as escape;
use crate::i18n::{self, Lang, fill};
use crate::model::clock::template::TEMPLATE;
use crate::model::clock::{Actor, ClockItem, SchoolYear, YearClock};
use crate::model::group::Group;

/// The months in the order of the school year, August first.
const YEAR_MONTHS: [u8; 12] = [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7];

/// The ring's drawing, in SVG user units; the page scales it to the paper. Wider than tall
/// so that the item titles have room on both sides of the ring.
const WIDTH: f64 = 1720.0;
const HEIGHT: f64 = 1000.0;
const CX: f64 = WIDTH / 2.0;
const CY: f64 = HEIGHT / 2.0;
/// The band of month sectors.
const OUTER: f64 = 350.0;
const INNER: f64 = 200.0;
/// Where a month's item titles start, just outside the band.
const LABEL_R: f64 = 378.0;
/// Item title size and line spacing.
const FONT: f64 = 22.0;
const LINE: f64 = 27.0;
/// At most this many lines of titles per month; more items become "+N".
const MAX_LINES: usize = 4;
/// The room kept free at the drawing's edges and between neighbouring months' titles.
const EDGE: f64 = 8.0;
/// The width of an average character of the titles, in ems (a little over the sans fonts'
/// own, so that a line rather falls short than runs off the paper).
const CHAR_EM: f64 = 0.58;

const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #fff; }
body {
  font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", system-ui, -apple-system, Roboto, Arial, sans-serif;
  font-size: 15px; line-height: 1.4; color: #111; background: #fff;
  max-width: 90rem; margin: 0 auto; padding: 1.5rem 2rem 2rem;
}
header { border-bottom: 2px solid #111; padding-bottom: .5rem; margin-bottom: .6rem; }
h1 { font-size: 1.6em; line-height: 1.2; margin: 0 0 .2rem; }
.sub { margin: 0; font-size: 1.05em; }
h2 { font-size: 1.2em; margin: 0 0 .5rem; }
.ring svg { display: block; width: 100%; height: auto; max-height: 85vh; }
.ring text { font-family: inherit; fill: #111; }
.ring .sector { fill: #fff; stroke: #111; stroke-width: 2; }
.ring .sector.now { fill: #111; stroke-width: 6; }
.ring .month { font-size: 22px; font-weight: 700; }
.ring .now-text { fill: #fff; font-weight: 700; }
.ring .leader { stroke: #111; stroke-width: 2; }
.ring .leader.now { stroke-width: 6; }
.ring .items.now text { font-weight: 700; }
.ring .more { font-style: italic; }
.ring .n { font-weight: 700; }
.ring .centre-year { font-size: 40px; font-weight: 700; }
.ring .centre-group { font-size: 24px; }
section.list, section.matrix { break-before: page; page-break-before: always; margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; font-size: .92em; margin: 0 0 1rem; }
th, td { border: 1px solid #666; padding: .2rem .4rem; text-align: left; vertical-align: top; }
thead th { background: #e6e6e6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.desc { margin: .15rem 0 0; }
.src { margin: .15rem 0 0; font-size: .85em; color: #333; }
tr.off td { font-style: italic; }
/* The title and description need the room; the names and words around them less. */
.list table { table-layout: fixed; }
.list th:nth-child(1) { width: 3%; }
.list th:nth-child(2) { width: 10%; }
.list th:nth-child(3) { width: 11%; }
.list th:nth-child(4) { width: 27%; }
.list th:nth-child(5) { width: 12%; }
.list th:nth-child(6) { width: 13%; }
.list th:nth-child(7) { width: 16%; }
.list th:nth-child(8) { width: 8%; }
th, td { overflow-wrap: anywhere; hyphens: auto; }
/* Twelve equal month columns, so that a year reads evenly from left to right. */
.matrix table { table-layout: fixed; font-size: 1em; }
.matrix thead th:first-child { width: 14%; text-align: left; }
.matrix td, .matrix thead th { text-align: center; }
.matrix thead th { font-size: .85em; overflow-wrap: normal; padding: .2rem .15rem; }
.matrix th[scope=row] { text-align: left; font-weight: 400; overflow-wrap: normal; }
.matrix td.on { font-weight: 700; }
.matrix .nums { display: block; font-weight: 400; font-size: .8em; }
.matrix .now { border: 3px solid #111; }
.key { font-size: .9em; }
footer { margin-top: 1.2rem; border-top: 1px solid #666; padding-top: .4rem; font-size: .85em; }
footer ul { margin: .2rem 0; padding-left: 1.2rem; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  h1 { font-size: 16pt; }
  .ring svg { width: 100%; height: 158mm; max-height: none; }
  thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .ring { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section.list, section.matrix { margin-top: 0; }
}
"#;

/// The clock of `group` for school year `year` as a print-ready HTML page in `lang`; the
/// month of `today` is marked on the ring when `today` falls in `year`.
pub fn html(clock: &YearClock, group: &Group, year: SchoolYear, today: Date, lang: Lang) -> String {
    let t = &lang.text().clock;
    let current = (SchoolYear::of(today) == year).then(|| today.month() as u8);
    let heading = fill(t.title, &[("group", &group.name)]);
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    let _ = writeln!(out, "<html lang=\"{}\">\n<head>", lang.code());
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"parvi\">\n");
    let _ = writeln!(out, "<title>{} – {year}</title>", escape(&heading));
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
    let mut sub = vec![fill(t.school_year, &[("year", &year.to_string())])];
    if !group.site.trim().is_empty() {
        sub.push(group.site.clone());
    }
    let as_of = i18n::words::format_date(lang, today);
    sub.push(fill(t.as_of, &[("date", &as_of)]));
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n</header>",
        escape(&heading),
        escape(&sub.join(" · "))
    );
    out.push_str("<main>\n<section class=\"ring\">\n");
    out.push_str(&ring(clock, group, year, current, lang));
    out.push_str("</section>\n");
    out.push_str(&item_list(clock, year, lang));
    out.push_str(&matrix(clock, year, current, lang));
    out.push_str("</main>\n");
    out.push_str(&footer(clock, lang));
    out.push_str("</body>\n</html>\n");
    out
}

/// A point at `radius` from the centre, `angle` degrees clockwise from the top.
fn point(radius: f64, angle: f64) -> (f64, f64) {
    let a = angle.to_radians();
    (CX + radius * a.sin(), CY - radius * a.cos())
}

/// The angle of the middle of the `place`th month of the school year (August at the top).
fn month_angle(place: usize) -> f64 {
    place as f64 * 30.0
}

/// The band's sector for the `place`th month: from half a month before its middle to half
/// a month after, between the inner and the outer circle.
fn sector_path(place: usize) -> String {
    let (from, to) = (month_angle(place) - 15.0, month_angle(place) + 15.0);
    let (ox1, oy1) = point(OUTER, from);
    let (ox2, oy2) = point(OUTER, to);
    let (ix2, iy2) = point(INNER, to);
    let (ix1, iy1) = point(INNER, from);
    format!(
        "M{ox1:.1} {oy1:.1} A{OUTER} {OUTER} 0 0 1 {ox2:.1} {oy2:.1} \
         L{ix2:.1} {iy2:.1} A{INNER} {INNER} 0 0 0 {ix1:.1} {iy1:.1} Z"
    )
}

/// The whole ring: the twelve sectors with their months' names, each month's items beside
/// its sector, and the school year and group in the middle.
fn ring(
    clock: &YearClock,
    group: &Group,
    year: SchoolYear,
    current: Option<u8>,
    lang: Lang,
) -> String {
    let t = &lang.text().clock;
    let mut svg = format!(
        "<svg viewBox=\"0 0 {WIDTH} {HEIGHT}\" \
         role=\"img\" aria-label=\"{}\">\n",
        escape(&fill(t.title, &[("group", &group.name)]))
    );
    for (place, &month) in YEAR_MONTHS.iter().enumerate() {
        let now = current == Some(month);
        svg.push_str(&month_sector(place, month, now, lang));
        let items: Vec<(usize, &ClockItem)> = numbered(clock)
            .filter(|(_, item)| item.in_month(year, month))
            .collect();
        svg.push_str(&month_items(place, month, now, &items));
    }
    let _ = writeln!(
        svg,
        "<text class=\"centre-year\" x=\"{CX}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
        CY - 8.0,
        escape(&year.to_string())
    );
    let _ = writeln!(
        svg,
        "<text class=\"centre-group\" x=\"{CX}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
        CY + 30.0,
        escape(&shorten(&group.name, 26))
    );
    svg.push_str("</svg>\n");
    svg
}

/// One month's sector and name; the current month is filled black with its name in white
/// and "now" under it, so that it shows in black-and-white print too.
fn month_sector(place: usize, month: u8, now: bool, lang: Lang) -> String {
    let class = if now { "sector now" } else { "sector" };
    let mid = (OUTER + INNER) / 2.0;
    let (x, y) = point(mid, month_angle(place));
    let name = escape(i18n::clock::month(lang, month));
    let mut out = format!(
        "<g class=\"month-sector\" data-month=\"{month}\"{}>\n<path class=\"{class}\" d=\"{}\"/>\n",
        if now { " data-now=\"true\"" } else { "" },
        sector_path(place)
    );
    if now {
        let _ = writeln!(
            out,
            "<text class=\"month now-text\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{name}</text>\n\
             <text class=\"month now-text\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            y - 4.0,
            y + 22.0,
            escape(&lang.text().clock.now.to_uppercase())
        );
    } else {
        let _ = writeln!(
            out,
            "<text class=\"month\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{name}</text>",
            y + 7.0
        );
    }
    out.push_str("</g>\n");
    out
}

/// One line beside a month: the number of the item it starts (none on a title's second
/// line, or on "+N"), and its text.
struct Line {
    number: Option<usize>,
    text: String,
    more: bool,
}

/// The lines written beside a month: its items' numbers and titles, a long title wrapped
/// over the lines it can have, and "+N" for the items that do not fit.
fn month_lines(items: &[(usize, &ClockItem)], max_chars: usize) -> Vec<Line> {
    let shown = if items.len() > MAX_LINES {
        MAX_LINES - 1
    } else {
        items.len()
    };
    let hidden = items.len() - shown;
    // The lines are shared out evenly: two items get two lines each, four get one.
    let per_item = ((MAX_LINES - usize::from(hidden > 0)) / shown.max(1)).clamp(1, 3);
    let mut lines = Vec::new();
    for (n, item) in &items[..shown] {
        // The number goes first on the line and takes its room.
        let room = max_chars.saturating_sub(n.to_string().len() + 1).max(8);
        for (i, text) in wrap(&item.title, room, per_item).into_iter().enumerate() {
            let number = (i == 0).then_some(*n);
            lines.push(Line {
                number,
                text,
                more: false,
            });
        }
    }
    if hidden > 0 {
        lines.push(Line {
            number: None,
            text: format!("+{hidden}"),
            more: true,
        });
    }
    lines
}

/// `text` in lines of at most `width` characters, broken between words, at most
/// `max_lines` of them; what does not fit ends the last line in "…".
fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let last = lines.len() == max_lines;
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ if last => {
                // Out of lines: the last one takes the rest and is cut short.
                let line = lines.last_mut().expect("max_lines is at least one");
                let rest: Vec<&str> = std::iter::once(word).chain(words.by_ref()).collect();
                *line = shorten(&format!("{line} {}", rest.join(" ")), width);
            }
            _ => lines.push(shorten(word, width)),
        }
    }
    lines
}

/// How many characters of item title fit on a line beside a month, from where its lines
/// start (`x`) and which way they run: towards the page's edge at the sides, between the
/// neighbouring months' titles at the top and bottom.
fn chars_that_fit(anchor: &str, x: f64) -> usize {
    let room = match anchor {
        "start" => WIDTH - EDGE - x,
        "end" => x - EDGE,
        _ => 2.0 * (LABEL_R * 0.5 - 2.0 * EDGE),
    };
    (room / (FONT * CHAR_EM)) as usize
}

/// A month's items beside its sector, with a short line from the sector to them. Titles on
/// the right of the ring start at the line, on the left they end at it, at the top and
/// bottom they are centred; above the middle they grow upwards, below it downwards, so that
/// neighbouring months never overlap.
fn month_items(place: usize, month: u8, now: bool, items: &[(usize, &ClockItem)]) -> String {
    if items.is_empty() {
        return String::new();
    }
    let angle = month_angle(place);
    let (sin, cos) = (angle.to_radians().sin(), angle.to_radians().cos());
    let anchor = if sin > 0.3 {
        "start"
    } else if sin < -0.3 {
        "end"
    } else {
        "middle"
    };
    let (x, y) = point(LABEL_R, angle);
    let lines = month_lines(items, chars_that_fit(anchor, x));
    let height = (lines.len() - 1) as f64 * LINE;
    // The first line's baseline: the block ends at the anchor above the middle, starts
    // there below it, and is centred on it at the sides.
    let first = if cos > 0.3 {
        y - height
    } else if cos < -0.3 {
        y + FONT * 0.8
    } else {
        y - height / 2.0 + FONT * 0.35
    };
    let now_class = if now { " now" } else { "" };
    let (lx1, ly1) = point(OUTER + 3.0, angle);
    let (lx2, ly2) = point(LABEL_R - 8.0, angle);
    let mut out = format!(
        "<line class=\"leader{now_class}\" x1=\"{lx1:.1}\" y1=\"{ly1:.1}\" x2=\"{lx2:.1}\" y2=\"{ly2:.1}\"/>\n\
         <g class=\"items{now_class}\" data-month=\"{month}\" font-size=\"{FONT}\" text-anchor=\"{anchor}\">\n"
    );
    for (i, line) in lines.iter().enumerate() {
        let class = if line.more { " class=\"more\"" } else { "" };
        let number = line.number.map_or(String::new(), |n| {
            format!("<tspan class=\"n\">{n}</tspan> ")
        });
        let _ = writeln!(
            out,
            "<text{class} x=\"{x:.1}\" y=\"{:.1}\">{number}{}</text>",
            first + i as f64 * LINE,
            escape(&line.text)
        );
    }
    out.push_str("</g>\n");
    out
}

/// The clock's items with the numbers the page refers to them by (1, 2, … in the order of
/// the year).
fn numbered(clock: &YearClock) -> impl Iterator<Item = (usize, &ClockItem)> {
    clock
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| (i + 1, item))
}

/// `text` cut to `max` characters, at a word where one is near, ending in "…".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if cut[..space].chars().count() * 3 >= max * 2 => &cut[..space],
        _ => &cut,
    };
    format!(
        "{}…",
        at_word.trim_end_matches([' ', ',', ':', ';', '–', '-'])
    )
}

/// Capitalises a catalogue word used as a heading (`ajankohta` → `Ajankohta`).
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The list of items in the order of the year; those that do not come round in `year` are
/// listed apart after the others, marked as such.
fn item_list(clock: &YearClock, year: SchoolYear, lang: Lang) -> String {
    let t = &lang.text().clock;
    let (this_year, other): (Vec<_>, Vec<_>) =
        numbered(clock).partition(|(_, item)| item.occurs_in(year));
    let mut out = format!(
        "<section class=\"list\">\n<h2>{}</h2>\n",
        escape(t.items_heading)
    );
    out.push_str(&item_table(&this_year, year, lang, false));
    if !other.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", escape(&capitalised(t.not_this_year)));
        out.push_str(&item_table(&other, year, lang, true));
    }
    if clock.items.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(t.nothing));
    }
    out.push_str("</section>\n");
    out
}

/// A table of items; `off` marks them as not coming round in `year`.
fn item_table(items: &[(usize, &ClockItem)], year: SchoolYear, lang: Lang, off: bool) -> String {
    if items.is_empty() {
        return String::new();
    }
    let t = &lang.text().clock;
    let status_head = fill(t.status, &[("year", &year.to_string())]);
    let heads = [
        capitalised(t.part_when),
        capitalised(t.part_recurrence),
        t.item_col.to_string(),
        t.responsible.to_string(),
        t.co_actors.to_string(),
        t.students_part.to_string(),
        status_head,
    ];
    let mut out = String::from("<table>\n<thead><tr><th class=\"num\">#</th>");
    for head in &heads {
        let _ = write!(out, "<th>{}</th>", escape(head));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (n, item) in items {
        out.push_str(&item_row(*n, item, year, lang, off));
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn item_row(n: usize, item: &ClockItem, year: SchoolYear, lang: Lang, off: bool) -> String {
    let t = &lang.text().clock;
    let status = if off {
        t.not_this_year.to_string()
    } else {
        i18n::clock::status(lang, item.status_in(year)).to_string()
    };
    let mut title = format!("<strong>{}</strong>", escape(&item.title));
    if !item.description.is_empty() {
        let _ = write!(title, "<p class=\"desc\">{}</p>", escape(&item.description));
    }
    if let Some(source) = &item.source {
        let _ = write!(
            title,
            "<p class=\"src\">{}: {}</p>",
            escape(t.source),
            escape(source)
        );
    }
    format!(
        "<tr{}><td class=\"num\">{n}</td><td>{}</td><td>{}</td><td>{title}</td><td>{}</td>\
         <td>{}</td><td>{}</td><td>{}</td></tr>\n",
        if off { " class=\"off\"" } else { "" },
        escape(&i18n::clock::when(lang, item.when)),
        escape(&i18n::clock::recurrence(lang, item.recurrence)),
        escape(&i18n::clock::actors(lang, &item.responsible)),
        escape(&i18n::clock::actors(lang, &item.co_actors)),
        escape(&item.students_part),
        escape(&status)
    )
}

/// Everyone responsible for some item, each once: roles first (in the roles' order), then
/// members and others by name, so the matrix reads the same way every year.
fn responsible_actors(clock: &YearClock, lang: Lang) -> Vec<&Actor> {
    let mut actors: Vec<&Actor> = Vec::new();
    for actor in clock.items.iter().flat_map(|i| &i.responsible) {
        if !actors.contains(&actor) {
            actors.push(actor);
        }
    }
    actors.sort_by_key(|a| match a {
        Actor::Role { role } => (0, Some(*role), String::new()),
        Actor::Member { .. } => (1, None, i18n::clock::actor(lang, a).to_lowercase()),
        Actor::Other { name } => (2, None, name.to_lowercase()),
    });
    actors
}

/// The responsibilities matrix: a row per responsible actor, a column per month (August
/// first), and in a cell ● with how many of the actor's items occur in that month of
/// `year`, and their numbers.
fn matrix(clock: &YearClock, year: SchoolYear, current: Option<u8>, lang: Lang) -> String {
    let t = &lang.text().clock;
    let mut out = format!(
        "<section class=\"matrix\">\n<h2>{} · {}</h2>\n<table>\n<thead><tr><th>{}</th>",
        escape(t.matrix),
        escape(&fill(t.school_year, &[("year", &year.to_string())])),
        escape(t.role_col)
    );
    for month in YEAR_MONTHS {
        let class = if current == Some(month) {
            " class=\"now\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<th{class}>{}</th>",
            escape(i18n::clock::month(lang, month))
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for actor in responsible_actors(clock, lang) {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th>",
            escape(&capitalised(&i18n::clock::actor(lang, actor)))
        );
        for month in YEAR_MONTHS {
            out.push_str(&matrix_cell(
                clock,
                actor,
                year,
                month,
                current == Some(month),
            ));
        }
        out.push_str("</tr>\n");
    }
    let _ = writeln!(
        out,
        "</tbody>\n</table>\n<p class=\"key\">{}</p>\n</section>",
        escape(t.matrix_key)
    );
    out
}

fn matrix_cell(clock: &YearClock, actor: &Actor, year: SchoolYear, month: u8, now: bool) -> String {
    let numbers: Vec<String> = numbered(clock)
        .filter(|(_, item)| item.responsible.contains(actor) && item.in_month(year, month))
        .map(|(n, _)| n.to_string())
        .collect();
    let now_class = if now { " now" } else { "" };
    if numbers.is_empty() {
        return format!("<td class=\"off{now_class}\"></td>");
    }
    format!(
        "<td class=\"on{now_class}\">● {}<span class=\"nums\">{}</span></td>",
        numbers.len(),
        numbers.join(", ")
    )
}

/// The clock's sources and where it started from.
fn footer(clock: &YearClock, lang: Lang) -> String {
    let t = &lang.text().clock;
    let mut out = String::from("<footer>\n");
    if !clock.sources.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>\n<ul>", escape(t.sources));
        for source in &clock.sources {
            let _ = writeln!(out, "<li>{}</li>", escape(source));
        }
        out.push_str("</ul>\n");
    }
    let based_on = match clock.based_on.as_deref() {
        Some(TEMPLATE) => Some(fill(t.based_on_template, &[("template", t.template_name)])),
        Some(group) => Some(fill(t.based_on_group, &[("group", group)])),
        None => None,
    };
    if let Some(line) = based_on {
        let _ = writeln!(out, "<p>{}</p>", escape(&line));
    }
    out.push_str("</footer>\n");
    out
}
