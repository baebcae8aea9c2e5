//! Keys as the keymap knows them: a [`Key`] as written in the footer and the help and the
//! pressed keys it matches, a [`Binding`] of keys to an action, and a pressed key's name
//! for messages.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Action;
use crate::i18n::Text;

/// A pressed key as written in a message ("The key F5 does nothing here"); `None` for a
/// key that is not worth a message (a lone modifier, a media key).
pub fn describe(event: &KeyEvent) -> Option<String> {
    let name = match event.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab | KeyCode::BackTab => "Tab".into(),
        KeyCode::Backspace => "⌫".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Insert => "Ins".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        _ => return None,
    };
    let mut prefix = String::new();
    if event.modifiers.contains(KeyModifiers::CONTROL) {
        prefix.push_str("Ctrl-");
    }
    if event.modifiers.contains(KeyModifiers::ALT) {
        prefix.push_str("Alt-");
    }
    Some(prefix + &name)
}

/// Whether the key moves a selection or a scroll (arrows, paging, Home, End).
pub fn is_movement(event: &KeyEvent) -> bool {
    matches!(
        event.code,
        KeyCode::Up
            | KeyCode::Down
            | KeyCode::Left
            | KeyCode::Right
            | KeyCode::PageUp
            | KeyCode::PageDown
            | KeyCode::Home
            | KeyCode::End
    )
}

/// A key as written in the footer and the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    Up,
    Down,
    Left,
    Right,
    Delete,
    Backspace,
    /// Shift with an arrow.
    ShiftUp,
    ShiftDown,
    CtrlC,
    Home,
    End,
    PageUp,
    PageDown,
}

impl Key {
    /// How the key is written on screen.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".to_string(),
            Key::Char(c) => c.to_string(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::Delete => "Del".into(),
            Key::Backspace => "⌫".into(),
            Key::ShiftUp => "⇧↑".into(),
            Key::ShiftDown => "⇧↓".into(),
            Key::CtrlC => "Ctrl-C".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
        }
    }

    /// Whether this key is the one pressed.
    pub fn matches(self, event: &KeyEvent) -> bool {
        let shift = event.modifiers.contains(KeyModifiers::SHIFT);
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match (self, event.code) {
            (Key::CtrlC, KeyCode::Char('c')) => ctrl,
            (_, _) if ctrl => false,
            (Key::Char(a), KeyCode::Char(b)) => a == b,
            (Key::Enter, KeyCode::Enter) => true,
            (Key::Esc, KeyCode::Esc) => true,
            (Key::Tab, KeyCode::Tab | KeyCode::BackTab) => true,
            (Key::Up, KeyCode::Up) | (Key::Down, KeyCode::Down) => !shift,
            (Key::ShiftUp, KeyCode::Up) | (Key::ShiftDown, KeyCode::Down) => shift,
            (Key::Left, KeyCode::Left) => true,
            (Key::Right, KeyCode::Right) => true,
            (Key::Delete, KeyCode::Delete) => true,
            (Key::Backspace, KeyCode::Backspace) => true,
            (Key::Home, KeyCode::Home) => true,
            (Key::End, KeyCode::End) => true,
            (Key::PageUp, KeyCode::PageUp) => true,
            (Key::PageDown, KeyCode::PageDown) => true,
            _ => false,
        }
    }
}

/// One line of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// The label in the footer and the help.
    pub label: fn(&Text) -> &'static str,
    /// Shown in the footer (the rest only in the help).
    pub footer: bool,
}

/// A binding, for the tables here and in the phase modules.
pub const fn binding(
    keys: &'static [Key],
    action: Action,
    label: fn(&Text) -> &'static str,
    footer: bool,
) -> Binding {
    Binding {
        keys,
        action,
        label,
        footer,
    }
}
