//! The memo as a small document tree, built once and written out as Markdown or HTML, so the
//! two always say the same thing. Every text in the tree is plain text; the writers escape it.
//!
//! [`build`] puts the memo together from its parts: the header and footer (`header`), the
//! numbered items (`items`), the votes inside them (`votes`), and the sections after the
//! items (`after`). [`Places`] says which item each record belongs to.

mod after;
mod clock;
mod header;
mod items;
mod places;
mod votes;

use jiff::Timestamp;

use crate::i18n::minutes::MinutesText;
use crate::i18n::{self, Lang};
use crate::model::{MeetingState, SessionRecord};

use super::Options;
use super::people::Roster;
use super::trace::Trace;

pub use places::Places;
pub use votes::scrubbed;

/// A table: a header row, rows, and the columns that hold numbers (right-aligned).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub numeric: Vec<usize>,
}

/// One piece of an item or section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(String),
    /// The phase's question or instruction, set off (italic).
    Prompt(String),
    /// A small heading inside an item (a vote).
    Sub(String),
    /// A label ("Keskustelun pääkohdat") and a list.
    List {
        label: Option<String>,
        items: Vec<String>,
    },
    /// Lists under headings (ideas by theme).
    Groups {
        label: Option<String>,
        groups: Vec<(String, Vec<String>)>,
    },
    /// A labelled entry with details under it (a decision).
    Entry {
        label: String,
        text: String,
        details: Vec<String>,
    },
    Table(Table),
    /// A label and a line to fill in by hand.
    Fill(String),
}

/// A numbered item (`3 §`) or an unnumbered section.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub number: Option<String>,
    pub title: Option<String>,
    pub blocks: Vec<Block>,
}

/// The whole memo.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub lang: Lang,
    /// The group's name.
    pub title: String,
    /// "Muistio 3/2026".
    pub kind: String,
    /// The group's kind.
    pub subtitle: String,
    /// "Julkinen versio", for a public version.
    pub public: Option<String>,
    /// The meeting's date, for the HTML title.
    pub date: String,
    pub meta: Vec<(String, String)>,
    pub items: Vec<Section>,
    pub after: Vec<Section>,
    pub footer: Vec<String>,
}

/// Builds the memo of a meeting.
pub fn build(record: &SessionRecord, options: &Options) -> Doc {
    let memo = Memo::new(record, options);
    let (lang, m) = (memo.lang, memo.m());
    Doc {
        lang,
        title: memo.roster.scrub(&record.group.name),
        kind: memo.memo_kind(),
        subtitle: i18n::capitalise(i18n::group_kind(lang, record.group.kind)),
        public: options.public.then(|| m.public_version.to_string()),
        date: crate::i18n::words::format_date(lang, memo.date()),
        meta: memo.meta(),
        items: memo.items(),
        after: memo.after(),
        footer: memo.footer(),
    }
}

/// What every part of the memo reads: the record, the options, the replayed meeting, who
/// may be named, and where each record goes.
struct Memo<'a> {
    record: &'a SessionRecord,
    options: &'a Options,
    lang: Lang,
    trace: Trace,
    roster: Roster,
    places: Places,
    /// When the meeting started.
    start: Timestamp,
}

impl<'a> Memo<'a> {
    fn new(record: &'a SessionRecord, options: &'a Options) -> Memo<'a> {
        let trace = Trace::of(record);
        let roster = Roster::new(record, &trace.state, options.lang, options.public);
        let places = Places::new(&trace);
        Memo {
            record,
            options,
            lang: options.lang,
            trace,
            roster,
            places,
            start: record.started_at(),
        }
    }

    fn m(&self) -> &'static MinutesText {
        &self.lang.text().minutes
    }

    fn state(&self) -> &MeetingState {
        &self.trace.state
    }

    /// The meeting's date where it was held.
    fn date(&self) -> jiff::civil::Date {
        self.start
            .to_zoned_datetime(self.options.zone.clone())
            .date()
    }

    /// A time of the meeting on the clock where it was held ("13.05").
    fn clock(&self, at: Timestamp) -> String {
        crate::i18n::words::clock(self.lang, at, &self.options.zone)
    }
}
