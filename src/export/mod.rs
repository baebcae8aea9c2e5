//! Minutes: a saved meeting turned into a memo (*muistio*, *promemoria*, meeting notes) in
//! Finnish, Swedish or English, as Markdown, HTML, CSV tables or JSON.
//!
//! This layer is pure: [`minutes`] takes a [`SessionRecord`] and [`Options`] and returns the
//! files' names and contents. It opens no file, reads no clock and touches no terminal; the
//! time zone comes in with the options, so the same record always gives the same bytes. The
//! command line (`parvi export`) and the app decide where the files go.
//!
//! # The memo
//!
//! A *muistio* rather than a *pöytäkirja* (domain.md §2.2): no legal form, checked at the
//! next meeting, not signed. Markdown and HTML share one structure:
//!
//! 1. **Header.** The group's name; "Muistio 3/2026" (the meeting's running number in the
//!    group's calendar year, when the caller knows it) and the group's kind; then *Aika*
//!    (weekday, date, `klo 13.00–14.10` in the given zone), *Paikka* (the group's site, or a
//!    line to fill in), *Aihe* (the topic), *Työtapa* (the format), *Läsnä* (everyone who was
//!    there at some point, in seating order, as "name (role)", with late arrivals and early
//!    leavers timed), *Poissa*, and *Muut läsnäolijat* (guests).
//! 2. **Numbered items** (`1 §`, `2 §`…; `1.` in English): the opening with its time, then one
//!    item per agenda phase in agenda order (breaks are left out), then the closing with its
//!    time. An item shows the phase's prompt and what the phase produced: turns and passes
//!    and the speaking order of a round; the turn notes as "main points of the discussion",
//!    never with names; ideas written there, grouped by their theme; the themes made; each
//!    closed vote with its kind, rules, how ballots were entered, the turnout, the results
//!    (ties stated as ties, blocks counted, ranking rounds shown) and the per-side breakdown
//!    only where [`crate::model::vote::Tally::by_side`] gives one; decisions with their basis
//!    and review date; a pointer to the actions table; the follow-up of earlier meetings'
//!    actions with their new status. A phase that never ran says so.
//! 3. **Actions** (*Toimenpiteet*): `# · Mitä · Kuka · Mihin mennessä`.
//! 4. **Next meeting**: a blank line to fill in (*Seuraava kokous: ____*); parvi does not know
//!    it.
//! 5. **Participation**, per side only: those present and their share, speaking time and its
//!    share, turns, passes, and the equity index (1 − Gini of speaking time among those
//!    present). Never per person, and not per role either, since a role held by one person
//!    is a person.
//! 6. **Footer**: the group's kind; that matters of an individual student are not recorded
//!    here (domain.md §3.4 rule 9); retention per the provider's records management plan;
//!    for a public version, what was left out; and the meeting's id.
//!
//! The HTML is one self-contained file: inline CSS, no script, no external resource, every
//! text escaped; readable on screen and laid out for A4 paper in print.
//!
//! # CSV
//!
//! Six tables, one file each: attendance, turns, ideas, votes, decisions, actions. UTF-8 with
//! a byte-order mark, `;` between fields, CRLF line ends, quotes only where needed, decimal
//! commas in Finnish and Swedish: what a Finnish spreadsheet opens correctly. Headers and
//! words are in the minutes' language; dates are ISO (`2026-12-03`), times `13:05:12`,
//! lengths in whole seconds. A text cell that starts with `=`, `+`, `-` or `@` gets a leading
//! `'` so a spreadsheet never runs it as a formula. The turns table has no notes: a note
//! next to a name would tie a student to a statement (rule 4); the notes are in the memo.
//!
//! # JSON
//!
//! The session document exactly as saved. A public version has the names of students,
//! guardians and guests replaced by "opiskelija 1", "huoltaja 1", "vieras 1"… (the same
//! person keeps the same alias throughout) and their names taken out of free text; notes are
//! kept.
//!
//! # Public versions
//!
//! `public` leaves out the names of students, guardians and guests (domain.md §3.4 rules 4
//! and 7): attendance shows them as counts per role ("opiskelija (2)"), an action or idea of
//! theirs shows their role, and free text (topic, agenda, notes, ideas, themes, options,
//! decisions, actions) has each of their names, in whatever case, capitals or inflection
//! (`names` makes every form: `Antille`, `Virtasellekin`, `Lahden`), replaced by a neutral
//! word in the same case: "[Opiskelijalta] tuli hyvä idea". A name a named person shares
//! becomes "[henkilö]". Participation is per side in the minutes; the turns table names a
//! role only by the per-role rule of `model::metrics::role_rows`.
//!
//! Before a public version or a notice is published, the callers run [`guard`] on the
//! record's free text: it finds the names of the group's students (however inflected) and
//! words of individual health or welfare matters, for the facilitator to look at.

pub mod clock;
pub mod clock_page;
mod csv;
mod doc;
mod html;
/// Escaping text for HTML (the phones' page uses it too).
pub use html::escape as escape_html;
pub mod guard;
mod json;
mod markdown;
mod names;
pub mod notice;
mod people;
pub mod report;
pub mod trace;

use jiff::tz::TimeZone;

use crate::i18n::Lang;
use crate::lang::shown::{self, Keep};
use crate::model::SessionRecord;

/// The file formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Html,
    Csv,
    Json,
    /// "You said, we did": a short notice to students, as plain text (see [`notice`]).
    Notice,
    /// The same notice as one self-contained HTML page for the intranet.
    NoticeHtml,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Markdown,
        Format::Html,
        Format::Csv,
        Format::Json,
        Format::Notice,
        Format::NoticeHtml,
    ];

    /// The name on the command line and the file extension: `md`, `html`, `csv`, `json`.
    pub fn key(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Notice => "notice",
            Format::NoticeHtml => "notice-html",
        }
    }

    /// Parses `md` (or `markdown`), `html`, `csv`, `json`.
    pub fn from_key(key: &str) -> Option<Format> {
        match key.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "notice" => Some(Format::Notice),
            "notice-html" => Some(Format::NoticeHtml),
            _ => None,
        }
    }

    /// The media type of the files.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Markdown => "text/markdown; charset=utf-8",
            Format::Html => "text/html; charset=utf-8",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Json => "application/json",
            Format::Notice => "text/plain; charset=utf-8",
            Format::NoticeHtml => "text/html; charset=utf-8",
        }
    }
}

/// How to export.
#[derive(Debug, Clone)]
pub struct Options {
    pub format: Format,
    pub lang: Lang,
    /// Leave out the names of students, guardians and guests.
    pub public: bool,
    /// The zone the times are written in.
    pub zone: TimeZone,
    /// The meeting's running number among the group's meetings of its calendar year
    /// ("Muistio 3/2026"), when the caller knows it.
    pub number: Option<u32>,
}

impl Options {
    /// Minutes in `format` and `lang`, not public, in Finnish time, unnumbered.
    pub fn new(format: Format, lang: Lang) -> Options {
        Options {
            format,
            lang,
            public: false,
            zone: crate::model::helsinki(),
            number: None,
        }
    }
}

/// One file of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// The file's name on its own: `2026-11-03_hyvinvointiryhma-kotka.md`, or for a CSV
    /// table `2026-11-03_hyvinvointiryhma-kotka_attendance.csv`. A public version has
    /// `_public` after the group.
    pub name: String,
    /// The name inside a directory of its own: the table's name for CSV (`attendance.csv`),
    /// else the same as `name`.
    pub short_name: String,
    pub media_type: &'static str,
    pub contents: Vec<u8>,
}

/// An export: one file, or six for CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub format: Format,
    pub files: Vec<ExportFile>,
}

impl Export {
    /// Where each file goes inside `dir`, with its contents: under its full name
    /// (`<date>_<group>.html`), or its short one (`attendance.csv`) when `short`. Naming only:
    /// `store::exports` writes them.
    pub fn files_in(&self, dir: &std::path::Path, short: bool) -> Vec<(std::path::PathBuf, &[u8])> {
        self.files
            .iter()
            .map(|f| {
                let name = if short { &f.short_name } else { &f.name };
                (dir.join(name), f.contents.as_slice())
            })
            .collect()
    }
}

/// The CSV tables, in the order they are written.
pub const CSV_TABLES: [&str; 6] = [
    "attendance",
    "turns",
    "ideas",
    "votes",
    "decisions",
    "actions",
];

/// The start of every file name: `<date>_<group-slug>`, with `_public` for a public version.
pub fn stem(record: &SessionRecord, options: &Options) -> String {
    let date = record
        .started_at()
        .to_zoned_datetime(options.zone.clone())
        .date();
    let public = if options.public { "_public" } else { "" };
    format!(
        "{date}_{}{public}",
        crate::model::group::slug(&record.group.name)
    )
}

/// Exports a meeting. Pure: the same record and options always give the same bytes.
pub fn minutes(record: &SessionRecord, options: &Options) -> Export {
    let stem = stem(record, options);
    let one = |contents: Vec<u8>| {
        let name = format!("{stem}.{}", options.format.key());
        vec![ExportFile {
            short_name: name.clone(),
            name,
            media_type: options.format.media_type(),
            contents,
        }]
    };
    let files = match options.format {
        Format::Markdown => {
            let doc = doc::build(record, options);
            one(markdown::render(&doc).into_bytes())
        }
        Format::Html => {
            let doc = doc::build(record, options);
            one(html::render(&doc).into_bytes())
        }
        Format::Json => one(json::render(record, options).into_bytes()),
        Format::Notice => vec![ExportFile {
            name: format!("{stem}_notice.txt"),
            short_name: format!("{stem}_notice.txt"),
            media_type: Format::Notice.media_type(),
            contents: notice::render(record, options).into_bytes(),
        }],
        Format::NoticeHtml => vec![ExportFile {
            name: format!("{stem}_notice.html"),
            short_name: format!("{stem}_notice.html"),
            media_type: Format::NoticeHtml.media_type(),
            contents: notice::render_html(record, options).into_bytes(),
        }],
        Format::Csv => csv::tables(record, options)
            .into_iter()
            .zip(CSV_TABLES)
            .map(|(contents, table)| ExportFile {
                name: format!("{stem}_{table}.csv"),
                short_name: format!("{table}.csv"),
                media_type: Format::Csv.media_type(),
                contents,
            })
            .collect(),
    };
    Export {
        format: options.format,
        files: terminal_safe(files, options.format),
    }
}

/// The files with no character in them that a terminal would obey: a title or an idea
/// holding `ESC [ 2 J` or a bidi override reaches `parvi export` on standard output, and
/// `cat` or `less -R` of a Markdown file, as the visible `\u{1b}`
/// ([`shown::escape`], keeping newlines, tabs and CSV's CRLF); JSON gets JSON's own
/// lossless `\u001b`. HTML already escapes `<` and `&`; this adds the controls.
pub fn terminal_safe(mut files: Vec<ExportFile>, format: Format) -> Vec<ExportFile> {
    for file in &mut files {
        let contents = std::mem::take(&mut file.contents);
        file.contents = safe_bytes(contents, format == Format::Json);
    }
    files
}

/// One file's bytes made safe as [`terminal_safe`] says (`json` for JSON's escapes).
pub fn safe_bytes(contents: Vec<u8>, json: bool) -> Vec<u8> {
    // Every export is built as a String; bytes that are not UTF-8 could not be escaped
    // by character, and are not ours.
    let text = match String::from_utf8(contents) {
        Ok(text) => text,
        Err(e) => return e.into_bytes(),
    };
    let safe = if json {
        shown::json(&text)
    } else {
        shown::escape(&text, Keep::Lines)
    };
    match safe {
        std::borrow::Cow::Borrowed(_) => text.into_bytes(),
        std::borrow::Cow::Owned(safe) => safe.into_bytes(),
    }
}
