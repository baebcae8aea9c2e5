//! How the app takes a terminal event: the help and a dialog first, then a field that takes
//! text, then the keymap's action on the screen, and a word for a key that does nothing.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;

use super::{App, Effect, Next, Screen};
use crate::tui::keymap::{self, Action, KeyContext};
use crate::tui::overlay::{CLOSING_GUARD_MS, Overlay, OverlayOutcome};

impl App {
    /// Handles one terminal event; returns the effects for the loop to carry out.
    ///
    /// While the window is too small, keys and pastes do nothing at all, quitting included:
    /// the facilitator cannot see what a key would change (the next speaker, the end menu),
    /// and the notice says the one thing to do, enlarge the window.
    pub fn handle_event(&mut self, event: &Event) -> Vec<Effect> {
        match event {
            Event::Key(_) | Event::Paste(_) if crate::tui::view::too_small(self.area) => {}
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
        if self.overlay.is_some() {
            self.dialog_key(key);
            return;
        }
        if self.letters_after_closing(key) || self.typed_into_screen(key) {
            return;
        }
        self.run_key(key, body);
    }

    /// A key while a dialog is open: the dialog has the keyboard (text fields take every
    /// printable key, the others open the help on top).
    fn dialog_key(&mut self, key: &KeyEvent) {
        if let Some(overlay) = &self.overlay
            && !matches!(overlay, Overlay::Prompt(_))
            && keymap::action_for(overlay.context(), key) == Some(Action::Help)
        {
            self.help = true;
            return;
        }
        let Some(mut overlay) = self.overlay.take() else {
            return;
        };
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
    }

    /// Whether a screen's own text field (or a ballot, which reads its keys itself) took
    /// the key.
    fn typed_into_screen(&mut self, key: &KeyEvent) -> bool {
        if let Screen::Setup(setup) = &mut self.screen
            && setup.takes_text()
            && setup.type_key(key)
        {
            return true;
        }
        if let Screen::Review(review) = &mut self.screen
            && review.takes_text()
            && review.type_key(key, &self.cx)
        {
            return true;
        }
        if let Screen::Meeting(view) = &mut self.screen
            && view.takes_keys()
            && let Some(next) = view.type_key(key, &mut self.cx)
        {
            self.go(next);
            return true;
        }
        false
    }

    /// The keymap's action for the key, carried out on the screen drawn in `body`. A key
    /// that does nothing says so, so that the facilitator is never left wondering whether
    /// parvi heard it.
    fn run_key(&mut self, key: &KeyEvent, body: Rect) {
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
        if !letter || now.saturating_sub(last) >= CLOSING_GUARD_MS {
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
            Screen::Clock(clock) => clock.act(action, &mut self.cx),
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
}
