//! A group's year clock out of the app: as a CSV table for the project's own spreadsheets,
//! as iCalendar (`.ics`) events of one school year for staff calendars, and as the plain
//! text `parvi clock show` prints. (The print-ready page is [`super::clock_page`].)
//!
//! The iCalendar is written here rather than with a crate: the crates for it bring a second
//! date library (chrono) beside jiff, and what a clock needs is a few all-day events, with
//! the format's escaping and line folding (RFC 5545 §3.1, §3.3.11).

use jiff::Timestamp;
use jiff::civil::Date;

use super::csv::Sheet;
use crate::i18n::clock::{actors, recurrence, status, when};
use crate::i18n::{Lang, capitalise, fill};
use crate::model::clock::{ClockItem, SchoolYear, YearClock};
use crate::model::group::Group;

/// The clock as one CSV table: a row per item, in the order of the year, with its status in
/// `year` and whether it comes round then.
pub fn csv(clock: &YearClock, year: SchoolYear, lang: Lang) -> Vec<u8> {
    let t = &lang.text().clock;
    let status_head = fill(t.status, &[("year", &year.to_string())]);
    let head = [
        "id".to_string(),
        capitalise(t.part_when),
        capitalise(t.part_recurrence),
        capitalise(t.part_title),
        capitalise(t.part_description),
        t.responsible.to_string(),
        t.co_actors.to_string(),
        t.students_part.to_string(),
        status_head,
        t.in_year.to_string(),
        t.source.to_string(),
    ];
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let mut sheet = Sheet::new(&head);
    let yes_no = |b: bool| {
        let words = lang.text();
        if b { words.yes } else { words.no }.to_string()
    };
    for item in &clock.items {
        sheet.row(&[
            item.id.clone(),
            when(lang, item.when),
            recurrence(lang, item.recurrence),
            item.title.clone(),
            item.description.clone(),
            actors(lang, &item.responsible),
            actors(lang, &item.co_actors),
            item.students_part.clone(),
            status(lang, item.status_in(year)).to_string(),
            yes_no(item.occurs_in(year)),
            item.source.clone().unwrap_or_default(),
        ]);
    }
    sheet.bytes()
}

/// The items that come round in `year` as all-day iCalendar events, stamped `now`. Each
/// event's id is the group's, the item's and the year's, so importing the file again
/// updates the events instead of doubling them.
pub fn ics(
    clock: &YearClock,
    group: &Group,
    year: SchoolYear,
    now: Timestamp,
    lang: Lang,
) -> String {
    let t = &lang.text().clock;
    let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut out = String::new();
    let title = fill(t.title, &[("group", &group.name)]);
    for line in [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//parvi//vuosikello//FI".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape(&title)),
    ] {
        push_line(&mut out, &line);
    }
    for item in clock.items.iter().filter(|i| i.occurs_in(year)) {
        let (Some(start), Some(end)) = (item.starts(year), item.ends(year)) else {
            continue;
        };
        let end = end.tomorrow().unwrap_or(end);
        for line in [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}-{}-{}@parvi", clock.group, item.id, year.start),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", ymd(start)),
            format!("DTEND;VALUE=DATE:{}", ymd(end)),
            format!("SUMMARY:{}", escape(&item.title)),
            format!("DESCRIPTION:{}", escape(&details(item, lang))),
            // A month-long reminder must not mark anyone busy.
            "TRANSP:TRANSPARENT".to_string(),
            "END:VEVENT".to_string(),
        ] {
            push_line(&mut out, &line);
        }
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// An item's description, then who is responsible, who takes part and the students' part,
/// a line each.
fn details(item: &ClockItem, lang: Lang) -> String {
    let t = &lang.text().clock;
    let mut lines = Vec::new();
    if !item.description.is_empty() {
        lines.push(item.description.clone());
    }
    let labelled = [
        (t.responsible, actors(lang, &item.responsible)),
        (t.co_actors, actors(lang, &item.co_actors)),
        (t.students_part, item.students_part.clone()),
    ];
    for (label, text) in labelled {
        if !text.is_empty() {
            lines.push(format!("{label}: {text}"));
        }
    }
    lines.push(recurrence(lang, item.recurrence));
    lines.join("\n")
}

fn ymd(date: Date) -> String {
    date.strftime("%Y%m%d").to_string()
}

/// A TEXT value escaped: backslash, semicolon, comma and newline.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so that no line is longer than 75 octets (a fold is
/// CRLF and a space; a character is never split).
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// The clock as `parvi clock show` prints it: the heading, this month and what is overdue
/// (when `today` is in `year`), then each month of the school year with the items that
/// start in it; with `month`, only the items on the clock in that month. Items that do not
/// come round in `year` are listed last.
pub fn text(
    clock: &YearClock,
    group: &Group,
    year: SchoolYear,
    month: Option<u8>,
    today: Date,
    lang: Lang,
) -> String {
    let t = &lang.text().clock;
    let mut out = Vec::new();
    out.push(fill(t.title, &[("group", &group.name)]));
    out.push(fill(t.school_year, &[("year", &year.to_string())]));
    if let Some(m) = month {
        out.push(String::new());
        out.push(capitalise(crate::i18n::clock::month(lang, m)));
        let items = clock.in_month(year, m);
        if items.is_empty() {
            out.push(format!("  {}", t.nothing));
        }
        for item in items {
            item_lines(&mut out, item, year, lang);
        }
        return out.join("\n") + "\n";
    }
    if SchoolYear::of(today) == year {
        let now = clock.this_month(today);
        out.push(String::new());
        out.push(format!("{}:", t.this_month));
        if now.is_empty() {
            out.push(format!("  {}", t.nothing));
        }
        for item in now {
            out.push(format!("  {}  {}", item.id, item.title));
        }
        let late = clock.overdue(today);
        if !late.is_empty() {
            out.push(format!("{}:", t.overdue));
            for item in late {
                out.push(format!(
                    "  {}  {} ({})",
                    item.id,
                    item.title,
                    when(lang, item.when)
                ));
            }
        }
    }
    for m in (0..12).map(|i| (i + 7) % 12 + 1) {
        let starting: Vec<&ClockItem> = clock
            .items
            .iter()
            .filter(|i| {
                i.occurs_in(year) && crate::model::clock::calendar::start_month(i.when) == m
            })
            .collect();
        if starting.is_empty() {
            continue;
        }
        out.push(String::new());
        out.push(capitalise(crate::i18n::clock::month(lang, m)));
        for item in starting {
            item_lines(&mut out, item, year, lang);
        }
    }
    let elsewhere: Vec<&ClockItem> = clock.items.iter().filter(|i| !i.occurs_in(year)).collect();
    if !elsewhere.is_empty() {
        out.push(String::new());
        out.push(format!("{}:", capitalise(t.not_this_year)));
        for item in elsewhere {
            out.push(format!(
                "  {}  {} · {} · {}",
                item.id,
                item.title,
                when(lang, item.when),
                recurrence(lang, item.recurrence)
            ));
        }
    }
    out.join("\n") + "\n"
}

/// One item: its id, title, when, how often and status, then who and the students' part.
fn item_lines(out: &mut Vec<String>, item: &ClockItem, year: SchoolYear, lang: Lang) {
    let t = &lang.text().clock;
    out.push(format!(
        "  {}  {} · {} · {} · {}",
        item.id,
        item.title,
        when(lang, item.when),
        recurrence(lang, item.recurrence),
        status(lang, item.status_in(year))
    ));
    let pad = " ".repeat(item.id.chars().count() + 4);
    if !item.responsible.is_empty() {
        let mut who = format!("{}: {}", t.responsible, actors(lang, &item.responsible));
        if !item.co_actors.is_empty() {
            who.push_str(&format!(
                " · {}: {}",
                t.co_actors,
                actors(lang, &item.co_actors)
            ));
        }
        out.push(format!("{pad}{who}"));
    }
    if !item.students_part.is_empty() {
        out.push(format!("{pad}{}: {}", t.students_part, item.students_part));
    }
}
