//! The app: which screen is showing, the dialog on top of it, and how keys become changes.
//!
//! `App` holds no terminal and does no I/O. A key becomes an [`Action`] through the keymap,
//! the screen turns it into model commands or screen changes, and anything that must touch
//! the disk comes back as an [`Effect`] for the event loop to carry out. Time is read only
//! from the injected [`Clock`], so tests drive it with a manual clock.

use std::path::PathBuf;
use std::rc::Rc;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use jiff::tz::TimeZone;
use ratatui::layout::Rect;

use super::clock::Clock;
use super::keymap::{self, Action, KeyContext};
use super::overlay::{Answer, Overlay, OverlayOutcome, Purpose};
use super::screens::group_editor::GroupEditor;
use super::screens::home::Home;
use super::screens::meeting::MeetingView;
use super::screens::review::Review;
use super::screens::setup::Setup;
use super::screens::summary::SummaryScreen;
use super::theme::Theme;
use crate::i18n::{Lang, Text};
use crate::model::random::SplitMix64;
use crate::model::{Group, SessionRecord, Stamp};
use crate::store::{FormatEntry, Problem, Summary};

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
}

/// Whether this parvi may write the data directory.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    #[default]
    Writable,
    /// Another parvi holds the data directory (its process id, when its lock says so):
    /// this one only reads.
    ReadOnly { holder_pid: Option<u32> },
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
    /// Read a group's meetings (by group id) for its trends and open actions, and hand them
    /// to [`App::group_loaded`].
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

/// A one-line message under the screen, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    pub error: bool,
}

/// The screens.
#[derive(Debug)]
pub enum Screen {
    Home(Home),
    Setup(Box<Setup>),
    Meeting(Box<MeetingView>),
    GroupEditor(GroupEditor),
    Summary(Box<SummaryScreen>),
    /// Past meetings: the archive, a meeting's view, a group's trends.
    Review(Box<Review>),
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
    rng: SplitMix64,
}

impl std::fmt::Debug for Ctx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ctx")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

impl Ctx {
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

/// What a screen asks the app to do after handling an action.
#[derive(Debug)]
pub enum Next {
    /// Stay on this screen.
    Stay,
    /// Open a dialog on top.
    Open(Overlay),
    /// Go to another screen.
    Go(Screen),
    /// Back to the home screen. This and the next few are screens the App builds, so a
    /// screen that leads to another needs to know nothing of it.
    Home,
    /// Set up a new meeting of this group (index into the data's groups), in this format
    /// if one was chosen.
    NewMeeting { group: usize, format: Option<usize> },
    /// Start this meeting, saved at `path`.
    StartMeeting {
        record: Box<crate::model::SessionRecord>,
        path: PathBuf,
    },
    /// The summary of this meeting, just ended.
    Summary(Box<crate::model::SessionRecord>),
    /// The review of past meetings.
    Review,
    /// Edit this group; a `new` one goes straight on to its kind, the one thing its name
    /// does not tell.
    EditGroup { group: Box<Group>, new: bool },
}

/// The whole app.
#[derive(Debug)]
pub struct App {
    pub cx: Ctx,
    pub screen: Screen,
    /// A dialog on top of the screen.
    pub overlay: Option<Overlay>,
    /// The list of keys, on top of everything (also of a dialog, which it returns to).
    pub help: bool,
    /// A guarded text field closed: when (the meeting clock of the last key since) and what
    /// to say about letters that keep coming.
    closed_field: Option<(u64, String)>,
    /// The terminal's area, which the loop sets on every frame it draws, so that keys act
    /// on the frame as shown (the page a paging key turns). Before that, a standard 80×24.
    pub area: Rect,
}

impl App {
    /// An app on the home screen. `seed` feeds the random speaking orders and ids.
    pub fn new(
        lang: Lang,
        theme: Theme,
        clock: Rc<dyn Clock>,
        tz: TimeZone,
        data: Data,
        seed: u64,
    ) -> App {
        let cx = Ctx {
            lang,
            theme,
            clock,
            tz,
            data,
            flash: None,
            effects: Vec::new(),
            quit: false,
            reading_sessions: false,
            rng: SplitMix64(seed),
        };
        App {
            screen: Screen::Home(Home::new(&cx)),
            cx,
            overlay: None,
            help: false,
            closed_field: None,
            area: Rect::new(0, 0, 80, 24),
        }
    }

    /// Where the keyboard is now.
    pub fn context(&self) -> KeyContext {
        if self.help {
            return KeyContext::Help;
        }
        if let Some(overlay) = &self.overlay {
            return overlay.context();
        }
        self.screen_context()
    }

    /// Where the keyboard would be without any dialog (what the help lists).
    pub fn screen_context(&self) -> KeyContext {
        match &self.screen {
            Screen::Home(_) => Home::context(&self.cx),
            Screen::Setup(setup) => setup.context(),
            Screen::Meeting(view) => view.context(),
            Screen::GroupEditor(_) => KeyContext::GroupEditor,
            Screen::Summary(_) => KeyContext::Summary,
            Screen::Review(review) => review.context(),
        }
    }

    /// The keys the help lists: every key of the screen, but a ballot lists only the keys
    /// of its kind of vote.
    pub fn help_bindings(&self) -> Vec<&'static keymap::Binding> {
        let context = self.screen_context();
        keymap::bindings(context)
            .into_iter()
            .filter(|b| match &self.screen {
                Screen::Meeting(view) if context == KeyContext::MeetingBallot => {
                    super::screens::meeting::vote::in_help(view, b.action)
                }
                _ => true,
            })
            .collect()
    }

    /// Whether an action can do something now: the footer shows only those, so it never
    /// offers a key that would only be refused. (The help lists every key.)
    pub fn offers(&self, action: Action) -> bool {
        self.offers_in(action, self.body_area(self.area))
    }

    /// Whether an action can do something now, the screen being drawn in `body`.
    pub(super) fn offers_in(&self, action: Action, body: Rect) -> bool {
        if self.overlay.is_some() || self.help {
            return true;
        }
        let writable = self.cx.data.access.is_writable();
        match &self.screen {
            Screen::Home(_) => match action {
                Action::Resume => writable && Home::unfinished(&self.cx).is_some(),
                Action::NewMeeting | Action::Confirm => writable && !self.cx.data.groups.is_empty(),
                Action::NewGroup | Action::LoadSample => writable,
                Action::EditGroup => writable && !self.cx.data.groups.is_empty(),
                Action::Review => !self.cx.data.sessions.is_empty() || self.cx.reading_sessions,
                Action::NextPanel => {
                    !self.cx.data.groups.is_empty() || !self.cx.data.sessions.is_empty()
                }
                _ => true,
            },
            Screen::Meeting(view) => view.offers(action, body, &self.cx),
            Screen::Setup(setup) => setup.offers(action),
            Screen::Review(review) => review.offers(action, body, &self.cx),
            _ => true,
        }
    }

    /// Handles one terminal event; returns the effects for the loop to carry out.
    pub fn handle_event(&mut self, event: &Event) -> Vec<Effect> {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.handle_key(key),
            Event::Paste(text) => {
                if let Some(Overlay::Prompt(prompt)) = &mut self.overlay {
                    for c in text.chars().filter(|c| !c.is_control()) {
                        prompt.insert(c);
                    }
                } else if let Screen::Setup(setup) = &mut self.screen {
                    setup.paste(text);
                } else if let Screen::Review(review) = &mut self.screen {
                    review.paste(text, &self.cx);
                }
            }
            _ => {}
        }
        // Steady typing never lets the loop time out, so the heartbeat goes here too.
        if let Screen::Meeting(view) = &mut self.screen {
            view.heartbeat(&mut self.cx);
        }
        std::mem::take(&mut self.cx.effects)
    }

    fn handle_key(&mut self, key: &KeyEvent) {
        // The screen as drawn, with the message this key clears.
        let body = self.body_area(self.area);
        self.cx.flash = None;
        if self.help {
            if keymap::action_for(KeyContext::Help, key) == Some(Action::Back) {
                self.help = false;
            }
            return;
        }
        // A dialog has the keyboard first; text fields take every printable key.
        if let Some(overlay) = &self.overlay
            && !matches!(overlay, Overlay::Prompt(_))
            && keymap::action_for(overlay.context(), key) == Some(Action::Help)
        {
            self.help = true;
            return;
        }
        if let Some(mut overlay) = self.overlay.take() {
            let guard = match &overlay {
                Overlay::Prompt(prompt) => prompt.guard.clone(),
                _ => None,
            };
            match overlay.handle_key(key, &self.cx) {
                OverlayOutcome::Stay => self.overlay = Some(overlay),
                OverlayOutcome::Close => {}
                OverlayOutcome::Done(purpose, answer) => self.finish(purpose, answer),
            }
            if self.overlay.is_none() {
                self.closed_field = guard.map(|message| (self.cx.now().mono_ms, message));
            }
            return;
        }
        if self.letters_after_closing(key) {
            return;
        }
        if let Screen::Setup(setup) = &mut self.screen
            && setup.takes_text()
            && setup.type_key(key)
        {
            return;
        }
        if let Screen::Review(review) = &mut self.screen
            && review.takes_text()
            && review.type_key(key, &self.cx)
        {
            return;
        }
        if let Screen::Meeting(view) = &mut self.screen
            && view.takes_keys()
            && let Some(next) = view.type_key(key, &mut self.cx)
        {
            self.go(next);
            return;
        }
        // A key that does nothing says so, so that the facilitator is never left wondering
        // whether parvi heard it.
        let Some(action) = keymap::action_for(self.context(), key) else {
            if let Some(name) = keymap::describe(key) {
                let text = crate::i18n::fill(self.cx.t().key_does_nothing, &[("key", &name)]);
                self.cx.info(text);
            }
            return;
        };
        let offered = self.offers_in(action, body);
        self.act_in(action, body);
        // A screen that refuses says why itself ("Everyone has already spoken"); otherwise a
        // key the footer did not offer gets the general word.
        // (Arrows and paging at the end of a list need no words: nothing moving says it.)
        if !offered
            && self.cx.flash.is_none()
            && self.cx.effects.is_empty()
            && !keymap::is_movement(key)
            && let Some(name) = keymap::describe(key)
        {
            let text = crate::i18n::fill(self.cx.t().key_not_now, &[("key", &name)]);
            self.cx.info(text);
        }
    }

    /// Whether `key` is a letter typed on just after a guarded field closed (the writer did
    /// not see it close): it is not run as a command, and the field's message says so. The
    /// time is the meeting clock's, so tests drive it without sleeping.
    fn letters_after_closing(&mut self, key: &KeyEvent) -> bool {
        let Some((last, message)) = self.closed_field.take() else {
            return false;
        };
        let letter = matches!(key.code, KeyCode::Char(_))
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let now = self.cx.now().mono_ms;
        if !letter || now.saturating_sub(last) >= super::overlay::CLOSING_GUARD_MS {
            return false;
        }
        self.cx.info(message.clone());
        self.closed_field = Some((now, message));
        true
    }

    /// Carries out an action on the current screen.
    pub fn act(&mut self, action: Action) {
        self.act_in(action, self.body_area(self.area));
    }

    /// Carries out an action on the current screen, drawn in `body`.
    fn act_in(&mut self, action: Action, body: Rect) {
        if action == Action::Help {
            self.help = true;
            return;
        }
        // Quitting is always possible; only a running meeting asks first (its end menu).
        if action == Action::Quit && !matches!(self.screen, Screen::Meeting(_)) {
            self.cx.quit = true;
            return;
        }
        let next = match &mut self.screen {
            Screen::Home(home) => home.act(action, &mut self.cx),
            Screen::Setup(setup) => setup.act(action, &mut self.cx),
            Screen::Meeting(view) => view.act(action, body, &mut self.cx),
            Screen::GroupEditor(editor) => editor.act(action, &mut self.cx),
            Screen::Review(review) => review.act(action, body, &mut self.cx),
            Screen::Summary(_) => match action {
                Action::Confirm | Action::Back => {
                    self.cx.effect(Effect::Reload);
                    Next::Home
                }
                _ => Next::Stay,
            },
        };
        self.go(next);
    }

    fn go(&mut self, next: Next) {
        match next {
            Next::Stay => {}
            Next::Open(overlay) => self.overlay = Some(overlay),
            Next::Go(screen) => self.screen = screen,
            Next::Home => self.screen = Screen::Home(Home::new(&self.cx)),
            Next::NewMeeting { group, format } => {
                let setup = Setup::new(&mut self.cx, Some(group), format);
                self.screen = Screen::Setup(Box::new(setup));
            }
            Next::StartMeeting { record, path } => {
                let view = MeetingView::start(*record, path, &mut self.cx);
                self.screen = Screen::Meeting(Box::new(view));
            }
            Next::Summary(record) => {
                self.screen = Screen::Summary(Box::new(SummaryScreen::of(*record)));
            }
            Next::Review => {
                let next = Review::open(&mut self.cx);
                self.go(next);
            }
            Next::EditGroup { group, new } => {
                let mut editor = GroupEditor::new(*group, new);
                if new {
                    editor.cursor = 1;
                    if let Next::Open(overlay) = editor.act(Action::Edit, &mut self.cx) {
                        self.overlay = Some(overlay);
                    }
                }
                self.screen = Screen::GroupEditor(editor);
            }
        }
    }

    /// A dialog finished with an answer: hand it to whoever asked.
    fn finish(&mut self, purpose: Purpose, answer: Answer) {
        let next = match &mut self.screen {
            Screen::Meeting(view) => view.answer(purpose, answer, &mut self.cx),
            Screen::Setup(setup) => setup.answer(purpose, answer, &mut self.cx),
            Screen::GroupEditor(editor) => editor.answer(purpose, answer, &mut self.cx),
            Screen::Home(home) => home.answer(purpose, answer, &mut self.cx),
            Screen::Review(review) => review.answer(purpose, answer, &mut self.cx),
            Screen::Summary(_) => Next::Stay,
        };
        self.go(next);
    }

    /// Called by the loop when time passes without input: rings the bell when a countdown
    /// reaches zero, retries a failed save.
    pub fn tick(&mut self) -> Vec<Effect> {
        if let Screen::Meeting(view) = &mut self.screen {
            view.tick(&mut self.cx);
        }
        std::mem::take(&mut self.cx.effects)
    }

    /// How long the loop may sleep before something on screen changes (the next whole
    /// second of a running timer), or `None` when nothing changes without input.
    pub fn next_wakeup_ms(&self) -> Option<u64> {
        match &self.screen {
            Screen::Meeting(view) => view.next_wakeup_ms(self.cx.now()),
            _ => None,
        }
    }

    pub fn should_quit(&self) -> bool {
        self.cx.quit
    }

    // ---- results of effects, from the loop ----

    /// The data directory was (re)read.
    pub fn set_data(&mut self, data: Data) {
        self.cx.data = data;
        match &mut self.screen {
            Screen::Home(home) => home.clamp(&self.cx),
            Screen::Review(review) => review.set_data(&self.cx),
            _ => {}
        }
    }

    /// A meeting was saved, or saving failed with `error`. Off the meeting screen (the last
    /// save of an ended meeting) a failure is still said, never swallowed.
    pub fn saved(&mut self, error: Option<String>) {
        match &mut self.screen {
            Screen::Meeting(view) => view.saved(error),
            _ => {
                if let Some(reason) = error {
                    let text =
                        crate::i18n::fill(self.cx.t().meeting_not_saved, &[("reason", &reason)]);
                    self.cx.error(text);
                }
            }
        }
    }

    /// A meeting file was loaded to resume.
    pub fn resume(&mut self, record: SessionRecord, path: PathBuf) {
        let view = MeetingView::resume(record, path, &mut self.cx);
        self.screen = Screen::Meeting(Box::new(view));
    }

    /// Starts a meeting straight away (`parvi run`).
    pub fn start_meeting(
        &mut self,
        group: usize,
        format: usize,
        topic: &str,
        carried: Vec<crate::model::outcomes::ActionItem>,
    ) {
        if self.cx.data.groups.get(group).is_some() && self.cx.data.formats.get(format).is_some() {
            let next = Setup::straight(&mut self.cx, group, format, topic, carried);
            self.go(next);
        }
    }

    /// A group's open actions were read (for the meeting being set up).
    pub fn set_open_actions(
        &mut self,
        group_id: &str,
        actions: Vec<crate::model::outcomes::ActionItem>,
    ) {
        if let Screen::Setup(setup) = &mut self.screen
            && self
                .cx
                .data
                .groups
                .get(setup.group)
                .is_some_and(|g| g.id == group_id)
        {
            setup.carried = actions;
        }
    }

    /// A meeting file was loaded to look at: its view in the review (from the home screen,
    /// a view whose Esc goes home).
    pub fn show_session(&mut self, record: SessionRecord) {
        match &mut self.screen {
            Screen::Review(review) => review.show_session(record, &self.cx),
            _ => {
                let review = Review::session_from_home(record, &self.cx);
                self.screen = Screen::Review(Box::new(review));
            }
        }
    }

    /// The meetings' searchable text was read (for the review's search).
    pub fn set_search(&mut self, index: crate::store::search::SearchIndex) {
        if let Screen::Review(review) = &mut self.screen {
            review.set_search(index, &self.cx);
        }
    }

    /// A read on a background thread finished.
    pub fn finished(&mut self, finished: super::background::Finished) {
        use super::background::{Finished, Job};
        match finished {
            Finished::Sessions(list) => {
                self.cx.reading_sessions = false;
                let mut data = self.cx.data.clone();
                data.sessions = list.summaries;
                data.problems.extend(list.problems);
                self.set_data(data);
                // An archive opened on the first frame's short list searches the full one.
                if matches!(self.screen, Screen::Review(_)) {
                    self.cx.effect(Effect::LoadSearch);
                }
            }
            Finished::Group { group, data } => self.group_loaded(&group, *data),
            Finished::Failed(job) => {
                self.report(self.cx.t().review.read_failed.to_string());
                match job {
                    Job::Sessions => self.cx.reading_sessions = false,
                    // The trends page says what could not be read instead of waiting forever.
                    Job::Group(group) => {
                        let unreadable = self
                            .cx
                            .data
                            .sessions
                            .iter()
                            .filter(|s| s.group_id == group)
                            .count();
                        let mut data = super::screens::review::trend::TrendData::default();
                        data.unreadable = unreadable;
                        self.group_loaded(&group, data);
                    }
                }
            }
        }
    }

    /// A group's meetings were read (for its trends in the review).
    pub fn group_loaded(&mut self, group_id: &str, data: super::screens::review::trend::TrendData) {
        if let Screen::Review(review) = &mut self.screen {
            review.group_loaded(group_id, data);
        }
    }

    /// A file the loop was asked to open could not be read.
    pub fn report(&mut self, message: String) {
        self.cx.error(message);
    }

    /// The running meeting, if any (the loop saves it and hands it to the signal handler).
    pub fn meeting(&self) -> Option<(&std::path::Path, &SessionRecord)> {
        // (Only for looking; saving goes through Effect::SaveMeeting, which carries the record.)
        match &self.screen {
            Screen::Meeting(view) => Some((view.path.as_path(), view.meeting.record())),
            _ => None,
        }
    }
}
