//! The ideas' dialogs: the text field for the next idea (and who wrote it), editing,
//! removing, merging and revealing ideas, and putting them into themes; and what each
//! answer does.

use crate::i18n::fill;
use crate::model::engine::MAX_TEXT_CHARS;
use crate::model::outcomes::Idea;
use crate::model::{Command, MeetingState, MemberId};
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{Action, KeyContext};
use crate::tui::overlay::{Answer, Item, Overlay, Prompt};
use crate::tui::screens::meeting::MeetingView;
use crate::tui::widgets::fit;

use super::draw::count_text;
use super::wall::{attributed, hidden_count, private, visible};
use super::{IdeasAsk, purpose, select, ui, ui_mut};

/// The text field for the next idea (masked where the phase is private and no wall
/// follows).
pub(super) fn add_prompt(view: &MeetingView, cx: &Ctx) -> Next {
    let t = &cx.t().ideas;
    let state = view.state();
    let number = state.ideas.len() + 1;
    let secret = private(state);
    let prompt = Prompt::new(
        &fill(t.add_title, &[("n", &number.to_string())]),
        if secret {
            t.add_hint_secret
        } else {
            t.add_hint
        },
        "",
        purpose(IdeasAsk::Add),
        MAX_TEXT_CHARS,
    );
    // Letters typed on after the field closes (Esc, or Enter on an empty field) are the
    // writer's, not commands: `x` would remove an idea, `r` reveal the private ones.
    let key = cx.key_for(view.context(), Action::Add);
    let prompt = prompt.guarded(fill(t.field_closed, &[("key", &key)]));
    Next::Open(Overlay::Prompt(if secret {
        prompt.masked(t.add_hint_wall)
    } else {
        prompt
    }))
}

/// Adds an idea; on success selects it and opens the field for the next one.
fn add(view: &mut MeetingView, text: String, author: Option<MemberId>, cx: &mut Ctx) -> Next {
    if !view.run(Command::AddIdea { text, author }, cx) {
        return Next::Stay;
    }
    let id = view.state().ideas.len() as u32;
    select(view, id, cx);
    add_prompt(view, cx)
}

/// Where to put idea `idea`: the themes, "no theme", "+ new theme". Without themes yet,
/// straight to naming the first one.
pub(super) fn theme_picker(view: &MeetingView, idea: u32, cx: &Ctx) -> Next {
    let t = &cx.t().ideas;
    let state = view.state();
    if state.themes.is_empty() {
        return new_theme_prompt(Some(idea), cx);
    }
    let mut items: Vec<Item> = state
        .themes
        .iter()
        .map(|theme| {
            let count = visible(state).filter(|i| i.theme == Some(theme.id)).count();
            Item::new(theme.name.clone(), count_text(count, cx))
        })
        .collect();
    items.push(Item::new(t.no_theme, ""));
    items.push(Item::new(t.new_theme_item, ""));
    let current = state.idea(idea).and_then(|i| i.theme);
    let at = state
        .themes
        .iter()
        .position(|theme| Some(theme.id) == current)
        .unwrap_or(0);
    Next::Open(Overlay::picker(
        &fill(t.theme_title, &[("n", &idea.to_string())]),
        items,
        at,
        purpose(IdeasAsk::SetTheme {
            idea,
            themes: state.themes.iter().map(|theme| theme.id).collect(),
        }),
    ))
}

pub(super) fn new_theme_prompt(idea: Option<u32>, cx: &Ctx) -> Next {
    Next::Open(Overlay::Prompt(Prompt::new(
        cx.t().ideas.new_theme_title,
        "",
        "",
        purpose(IdeasAsk::NewTheme { idea }),
        MAX_TEXT_CHARS,
    )))
}

/// Renaming a theme: the only one straight away, else a picker (the selected idea's theme
/// first in line).
pub(super) fn rename(view: &MeetingView, current: Option<u32>, cx: &mut Ctx) -> Next {
    let t = &cx.t().ideas;
    let state = view.state();
    match state.themes.as_slice() {
        [] => {
            let key = cx.key_for(KeyContext::MeetingGrouping, Action::NewTheme);
            cx.info(fill(t.no_themes, &[("key", &key)]));
            Next::Stay
        }
        [only] => rename_prompt(only.id, &only.name, cx),
        themes => {
            let theme_of_selected = current.and_then(|id| state.idea(id)).and_then(|i| i.theme);
            let at = themes
                .iter()
                .position(|theme| Some(theme.id) == theme_of_selected)
                .unwrap_or(0);
            let items = themes
                .iter()
                .map(|theme| Item::new(theme.name.clone(), ""))
                .collect();
            Next::Open(Overlay::picker(
                t.rename_which,
                items,
                at,
                purpose(IdeasAsk::RenameWhich(themes.iter().map(|t| t.id).collect())),
            ))
        }
    }
}

fn rename_prompt(theme: u32, name: &str, cx: &Ctx) -> Next {
    Next::Open(Overlay::Prompt(Prompt::new(
        cx.t().ideas.rename_title,
        "",
        name,
        purpose(IdeasAsk::Rename(theme)),
        MAX_TEXT_CHARS,
    )))
}

/// Puts an idea into a theme (or out of one). An idea taken from the pile without a theme
/// passes the selection on to the next one in the pile, so the pile is worked through.
fn set_theme(view: &mut MeetingView, idea: u32, theme: Option<u32>, cx: &mut Ctx) {
    let state = view.state();
    let themed = |i: &Idea| {
        i.theme
            .is_some_and(|id| state.themes.iter().any(|t| t.id == id))
    };
    let pile: Vec<u32> = visible(state)
        .filter(|i| !themed(i))
        .map(|i| i.id)
        .collect();
    let follow = pile.iter().position(|&i| i == idea).and_then(|at| {
        pile.get(at + 1)
            .or_else(|| at.checked_sub(1).and_then(|before| pile.get(before)))
            .copied()
    });
    if view.run(Command::SetTheme { idea, theme }, cx) {
        let next = match (theme, follow) {
            (Some(_), Some(next)) => next,
            _ => idea,
        };
        select(view, next, cx);
    }
}

/// Revealing the hidden ideas, after asking; with none hidden the engine says so.
pub(super) fn reveal(view: &mut MeetingView, cx: &mut Ctx) -> Next {
    let hidden = hidden_count(view.state());
    if hidden == 0 {
        view.run(Command::RevealIdeas, cx);
        return Next::Stay;
    }
    Next::Open(Overlay::confirm(
        fill(
            cx.t().ideas.reveal_confirm,
            &[("count", &hidden.to_string())],
        ),
        purpose(IdeasAsk::Reveal),
    ))
}

/// The text field for editing idea `id`, holding its text.
pub(super) fn edit_prompt(state: &MeetingState, id: u32, cx: &Ctx) -> Next {
    let text = state.idea(id).map_or("", |i| i.text.as_str());
    Next::Open(Overlay::Prompt(Prompt::new(
        &fill(cx.t().ideas.edit_title, &[("n", &id.to_string())]),
        "",
        text,
        purpose(IdeasAsk::Edit(id)),
        MAX_TEXT_CHARS,
    )))
}

/// Asking before idea `id` is removed, with its text.
pub(super) fn remove_confirm(state: &MeetingState, id: u32, cx: &Ctx) -> Next {
    let text = state.idea(id).map_or("", |i| i.text.as_str());
    Next::Open(Overlay::confirm(
        fill(
            cx.t().ideas.remove_confirm,
            &[("n", &id.to_string()), ("text", &fit(text, 120))],
        ),
        purpose(IdeasAsk::Remove(id)),
    ))
}

/// Which idea `from` merges into: every other idea on the wall, in the wall's `order`.
pub(super) fn merge_picker(state: &MeetingState, from: u32, order: &[u32], cx: &Ctx) -> Next {
    let into: Vec<u32> = order.iter().copied().filter(|&i| i != from).collect();
    // Each idea under the number the wall shows, which is also the digit that picks it.
    let items = into
        .iter()
        .filter_map(|&id| state.idea(id))
        .map(|i| (Some(i.id), Item::new(i.text.clone(), "")))
        .collect();
    Next::Open(Overlay::numbered(
        &fill(cx.t().ideas.merge_title, &[("n", &from.to_string())]),
        items,
        0,
        purpose(IdeasAsk::Merge { from, into }),
    ))
}

/// A dialog this module opened was answered.
pub fn answer(view: &mut MeetingView, ask: IdeasAsk, answer: Answer, cx: &mut Ctx) -> Next {
    ui_mut(view);
    match (ask, answer) {
        (IdeasAsk::Add, Answer::Text(text)) if !text.is_empty() => {
            if !attributed(view.state()) {
                return add(view, text, None, cx);
            }
            return author_picker(view, text, cx);
        }
        (IdeasAsk::Author { text, people }, Answer::Picked(i)) => {
            let author = people.get(i).cloned();
            ui_mut(view).last_author = Some(author.clone());
            return add(view, text, author, cx);
        }
        // An unchanged text is not an edit (no event); an empty one removes nothing.
        (IdeasAsk::Edit(id), Answer::Text(text))
            if !text.is_empty() && view.state().idea(id).is_some_and(|i| i.text != text) =>
        {
            view.run(Command::EditIdea { idea: id, text }, cx);
        }
        (IdeasAsk::Remove(id), Answer::Yes) => {
            view.run(Command::RemoveIdea(id), cx);
        }
        (IdeasAsk::Merge { from, into }, Answer::Picked(i)) => {
            if let Some(&target) = into.get(i) {
                merge(view, from, target, cx);
            }
        }
        (IdeasAsk::Reveal, Answer::Yes) => {
            view.run(Command::RevealIdeas, cx);
        }
        (IdeasAsk::SetTheme { idea, themes }, Answer::Picked(i)) => match themes.get(i) {
            Some(&theme) => set_theme(view, idea, Some(theme), cx),
            None if i == themes.len() => set_theme(view, idea, None, cx),
            None => return new_theme_prompt(Some(idea), cx),
        },
        (IdeasAsk::NewTheme { idea }, Answer::Text(name)) if !name.is_empty() => {
            if view.run(Command::AddTheme(name), cx)
                && let Some(idea) = idea
                && let Some(theme) = view.state().themes.last().map(|t| t.id)
            {
                set_theme(view, idea, Some(theme), cx);
            }
        }
        (IdeasAsk::RenameWhich(themes), Answer::Picked(i)) => {
            if let Some(theme) = themes
                .get(i)
                .and_then(|id| view.state().themes.iter().find(|t| t.id == *id))
            {
                return rename_prompt(theme.id, &theme.name, cx);
            }
        }
        (IdeasAsk::Rename(theme), Answer::Text(name)) if !name.is_empty() => {
            view.run(Command::RenameTheme { theme, name }, cx);
        }
        _ => {}
    }
    Next::Stay
}

/// Who wrote the idea `text`: the people present, then anonymous; the writer picked last
/// offered first.
fn author_picker(view: &MeetingView, text: String, cx: &Ctx) -> Next {
    let t = &cx.t().ideas;
    let state = view.state();
    let present: Vec<_> = state.present().collect();
    let mut items: Vec<Item> = present
        .iter()
        .map(|p| Item::new(p.name.clone(), crate::i18n::role(cx.lang, p.role)))
        .collect();
    items.push(Item::new(t.anonymous, ""));
    let people: Vec<MemberId> = present.iter().map(|p| p.id.clone()).collect();
    let number = state.ideas.len() + 1;
    let at = match ui(view).and_then(|ui| ui.last_author.as_ref()) {
        Some(Some(last)) => people.iter().position(|p| p == last).unwrap_or(0),
        Some(None) => people.len(),
        None => 0,
    };
    Next::Open(Overlay::picker(
        &fill(t.author_title, &[("n", &number.to_string())]),
        items,
        at,
        purpose(IdeasAsk::Author { text, people }),
    ))
}

/// Merges idea `from` into `target`, selects what it became and says so.
fn merge(view: &mut MeetingView, from: u32, target: u32, cx: &mut Ctx) {
    if view.run(Command::MergeIdeas { into: target, from }, cx) {
        select(view, target, cx);
        cx.info(fill(
            cx.t().ideas.merged,
            &[("from", &from.to_string()), ("into", &target.to_string())],
        ));
    }
}
