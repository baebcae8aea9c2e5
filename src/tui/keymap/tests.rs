//! The keymap's own checks: every context in its place, one meaning per key, a label in
//! every language.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::i18n::Lang;

const ALL: [KeyContext; 32] = KeyContext::ALL;

#[test]
fn every_context_is_in_all_once_at_its_index() {
    for (i, context) in KeyContext::ALL.iter().enumerate() {
        assert_eq!(context.index(), i, "{context:?}");
    }
}

#[test]
fn one_key_has_one_meaning_in_each_context() {
    for context in ALL {
        let bindings = bindings(context);
        let mut seen: Vec<Key> = Vec::new();
        for binding in &bindings {
            for key in binding.keys {
                assert!(!seen.contains(key), "{context:?}: {key:?} is bound twice");
                seen.push(*key);
            }
        }
    }
}

#[test]
fn every_binding_has_a_label_in_every_language() {
    for context in ALL {
        for binding in bindings(context) {
            for lang in Lang::ALL {
                assert!(!(binding.label)(lang.text()).trim().is_empty());
            }
        }
    }
}

#[test]
fn keys_map_to_their_actions() {
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(
        action_for(KeyContext::MeetingRound, &key(' ')),
        Some(Action::NextSpeaker)
    );
    assert_eq!(
        action_for(KeyContext::MeetingRound, &key('s')),
        Some(Action::Pass)
    );
    assert_eq!(action_for(KeyContext::MeetingOpen, &key('s')), None);
    assert_eq!(
        action_for(KeyContext::MeetingOpen, &key('h')),
        Some(Action::RaiseHand)
    );
    let shift_up = KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT);
    assert_eq!(
        action_for(KeyContext::SetupAgenda, &shift_up),
        Some(Action::MoveUp)
    );
    let up = KeyEvent::new(KeyCode::Up, KeyModifiers::NONE);
    assert_eq!(action_for(KeyContext::SetupAgenda, &up), Some(Action::Up));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(
        action_for(KeyContext::MeetingRound, &ctrl_c),
        Some(Action::Quit)
    );
}
