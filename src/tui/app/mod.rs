//! The app: which screen is showing, the dialog on top of it, and how keys become changes.
//!
//! `App` holds no terminal and does no I/O. A key becomes an [`Action`] through the keymap,
//! the screen turns it into model commands or screen changes, and anything that must touch
//! the disk comes back as an [`Effect`] for the event loop to carry out. Time is read only
//! from the injected [`Clock`], so tests drive it with a manual clock.
//!
//! Here: the screens, the App and where it goes next. The shared [`Ctx`] and the
//! [`Effect`]s are in `context`, taking keys in `keys`, what the loop reports back in
//! `loaded`.

mod context;
mod keys;
mod loaded;
mod phones;

pub use self::context::{Access, Ctx, Data, Effect, Flash, PhonesShown};

use std::path::PathBuf;
use std::rc::Rc;

use jiff::tz::TimeZone;
use ratatui::layout::Rect;

use super::clock::Clock;
use super::keymap::{self, Action, KeyContext};
use super::overlay::{Answer, Overlay, Purpose};
use super::screens::clock::ClockScreen;
use super::screens::group_editor::GroupEditor;
use super::screens::home::Home;
use super::screens::meeting::MeetingView;
use super::screens::review::Review;
use super::screens::setup::Setup;
use super::screens::summary::SummaryScreen;
use super::theme::Theme;
use crate::i18n::Lang;
use crate::model::random::SplitMix64;
use crate::model::{Group, SessionRecord};

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
    /// A group's year clock, read-only.
    Clock(Box<ClockScreen>),
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
    /// The year clock of this group (index into the data's groups).
    YearClock { group: usize },
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
            audience: false,
            wall_following: false,
            phones_wanted: false,
            phones_address: None,
            phones: None,
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
            Screen::Clock(_) => KeyContext::YearClock,
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
                Action::OpenClock => !self.cx.data.groups.is_empty(),
                Action::Review => !self.cx.data.sessions.is_empty() || self.cx.reading_sessions,
                Action::NextPanel => {
                    !self.cx.data.groups.is_empty() || !self.cx.data.sessions.is_empty()
                }
                _ => true,
            },
            Screen::Meeting(view) => view.offers(action, body, &self.cx),
            Screen::Setup(setup) => setup.offers(action),
            Screen::Review(review) => review.offers(action, body, &self.cx),
            Screen::Clock(clock) => clock.offers(action, &self.cx),
            _ => true,
        }
    }

    /// Follows what a screen asked for: a dialog, another screen, or one the App builds.
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
            Next::YearClock { group } => {
                if let Some(group) = self.cx.data.groups.get(group) {
                    let screen = ClockScreen::open(group, &self.cx);
                    self.screen = Screen::Clock(Box::new(screen));
                }
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
            Screen::Clock(clock) => clock.answer(purpose, answer, &mut self.cx),
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

    /// The running meeting, if any (the loop saves it and hands it to the signal handler).
    /// The state of the meeting on screen, if one is.
    pub fn meeting_state(&self) -> Option<&crate::model::MeetingState> {
        match &self.screen {
            Screen::Meeting(view) => Some(view.state()),
            _ => None,
        }
    }

    pub fn meeting(&self) -> Option<(&std::path::Path, &SessionRecord)> {
        // (Only for looking; saving goes through Effect::SaveMeeting, which carries the record.)
        match &self.screen {
            Screen::Meeting(view) => Some((view.path.as_path(), view.meeting.record())),
            _ => None,
        }
    }
}
