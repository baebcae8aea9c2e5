//! What every screen shares: the language, theme, clock and data ([`Ctx`]), the message
//! line, and the work the app queues for the event loop ([`Effect`]).

use std::path::PathBuf;
use std::rc::Rc;

use jiff::tz::TimeZone;

use crate::i18n::{Lang, Text};
use crate::model::random::SplitMix64;
use crate::model::{Group, SessionRecord, Stamp};
use crate::store::{FormatEntry, Problem, Summary};
use crate::tui::clock::Clock;
use crate::tui::keymap::{self, Action, KeyContext};
use crate::tui::theme::Theme;

/// What the app knows of the data directory, loaded by the event loop.
#[derive(Debug, Default, Clone)]
pub struct Data {
    pub groups: Vec<Group>,
    pub formats: Vec<FormatEntry>,
    /// Newest first.
    pub sessions: Vec<Summary>,
    /// Files that could not be read.
    pub problems: Vec<Problem>,
    /// Whether this parvi may write the data directory.
    pub access: Access,
    /// Where new meeting files go.
    pub sessions_dir: PathBuf,
    /// The groups' year clocks (a group without one has none here).
    pub clocks: Vec<crate::model::clock::YearClock>,
    /// What is odd about the data directory (open to others, another user's, read-only).
    pub notices: Vec<crate::store::Notice>,
    /// Meetings and groups with a sync engine's conflict copies (`store::conflicts`).
    pub conflicts: crate::store::conflicts::Count,
    /// The meeting file another parvi is running (read-only here), which this one must not
    /// offer to resume.
    pub running_elsewhere: Option<PathBuf>,
}

/// Whether this parvi may write the data directory.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    #[default]
    Writable,
    /// Another parvi holds the data directory (its process id, when its lock says so):
    /// this one only reads.
    ReadOnly { holder_pid: Option<u32> },
    /// The data directory cannot be written (a notice says why): this one only reads.
    Unwritable,
}

impl Access {
    pub fn is_writable(self) -> bool {
        self == Access::Writable
    }
}

/// Work for the event loop: everything that touches the disk or the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save a meeting (after every action), as it is after the action: the screen may
    /// already have moved on (to the summary) by the time the loop saves.
    SaveMeeting {
        path: PathBuf,
        record: Box<SessionRecord>,
    },
    /// Save a group.
    SaveGroup(Group),
    /// Save a group's year clock, as edited on the clock screen (one revision on).
    SaveClock(Box<crate::model::clock::YearClock>),
    /// Carry a meeting's clock events over to group `group`'s clock file: each sets what it
    /// changed, so carrying one twice (after a crash, on resuming) changes nothing more.
    ApplyClockEvents {
        group: String,
        events: Vec<crate::model::EventKind>,
    },
    /// Copy the bundled sample group and meetings into the data directory.
    LoadSample,
    /// Load a meeting file to resume it.
    OpenMeeting(PathBuf),
    /// Load a meeting file to show its summary.
    ShowSession(PathBuf),
    /// Read a group's open actions from its earlier meetings.
    LoadOpenActions(String),
    /// Re-read groups, formats and meetings.
    Reload,
    /// Ring the terminal bell: a countdown reached zero.
    Bell,
    /// Read the meetings' searchable text for the review (`search.txt`, brought up to date)
    /// and hand it to [`App::set_search`].
    LoadSearch,
    /// Read a group's meetings (by group id) for its trends, open actions and yearly report,
    /// and hand them to [`App::group_loaded`].
    LoadGroup(String),
    /// Export the meeting in this file (the review's export key) into the directory parvi
    /// was started in; the loop writes the files with `parvi::export` and says where.
    ExportMinutes {
        path: PathBuf,
        format: crate::export::Format,
        public: bool,
        /// Write over a file of the same name (the facilitator said yes when asked).
        replace: bool,
    },
}

/// Phone input as the screens show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhonesShown {
    /// The address of the QR code.
    pub url: String,
    pub code: String,
    pub joined: usize,
}

/// A one-line message under the screen, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    pub error: bool,
}

/// Shared state every screen may use: language, clock, data, messages, effects.
pub struct Ctx {
    pub lang: Lang,
    pub theme: Theme,
    pub clock: Rc<dyn Clock>,
    pub tz: TimeZone,
    pub data: Data,
    pub flash: Option<Flash>,
    pub effects: Vec<Effect>,
    pub quit: bool,
    /// The full list of meetings is still being read (the first frame shows only the newest
    /// from the head of the index).
    pub reading_sessions: bool,
    /// Drawn for the room's wall (`parvi wall`): no keys, no selection, nothing that only
    /// the facilitator should see. The app's own screen is never drawn so.
    pub audience: bool,
    /// A wall (`parvi wall`) follows this data directory, so this screen is the
    /// facilitator's own and shows in clear what it masks when it is the room's too (the
    /// text of a private idea being typed). Looked at again on every wake-up.
    pub wall_following: bool,
    /// The facilitator wants phone input on (the loop starts or stops the server).
    pub phones_wanted: bool,
    /// The address phones join at, when the facilitator picked one of several.
    pub phones_address: Option<std::net::Ipv4Addr>,
    /// Phone input as it runs: where phones join and how many have (for the screens).
    pub phones: Option<PhonesShown>,
    /// The random numbers' source (the App seeds it).
    pub(super) rng: SplitMix64,
}

impl std::fmt::Debug for Ctx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ctx")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

impl Ctx {
    /// The context of the room's wall: it only draws, so it has no data, effects or chance.
    pub fn for_wall(lang: Lang, theme: Theme, clock: Rc<dyn Clock>, tz: TimeZone) -> Ctx {
        Ctx {
            lang,
            theme,
            clock,
            tz,
            data: Data::default(),
            flash: None,
            effects: Vec::new(),
            quit: false,
            reading_sessions: false,
            audience: true,
            wall_following: false,
            phones_wanted: false,
            phones_address: None,
            phones: None,
            rng: SplitMix64(0),
        }
    }

    pub fn t(&self) -> &'static Text {
        self.lang.text()
    }

    pub fn now(&self) -> Stamp {
        self.clock.now()
    }

    /// A fresh random number (for speaking orders and ids).
    pub fn random(&mut self) -> u64 {
        self.rng.next_u64()
    }

    /// A fresh random id.
    pub fn new_id(&mut self) -> uuid::Uuid {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.random().to_le_bytes());
        bytes[8..].copy_from_slice(&self.random().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: true,
        });
    }

    pub fn effect(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    /// The label of the first key bound to `action` in `context`, for texts like
    /// "start with Space".
    pub fn key_for(&self, context: KeyContext, action: Action) -> String {
        keymap::bindings(context)
            .into_iter()
            .find(|b| b.action == action)
            .and_then(|b| b.keys.first())
            .map_or_else(String::new, |k| k.label())
    }

    /// Local wall-clock time of a timestamp.
    pub fn local(&self, at: jiff::Timestamp) -> jiff::civil::DateTime {
        at.to_zoned_datetime(self.tz.clone()).datetime()
    }
}
