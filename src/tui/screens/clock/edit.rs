//! Editing the year clock on the clock screen, outside a meeting: start a group's clock from
//! the template; on the list, mark the selected item for the school year shown, edit its
//! title, description and students' part (one prompt after another, each saved), move it,
//! pick who answers for it, add an item and take one off. Every change saves the clock file
//! (one revision on); a meeting's changes are its own events instead (`meeting::records`).

use crate::i18n::clock::{month, status as status_name};
use crate::i18n::{self, fill};
use crate::model::clock::{Actor, ClockItem, ItemDraft, ItemStatus, YearClock};
use crate::model::{Group, Role};
use crate::tui::app::{Ctx, Effect, Next};
use crate::tui::keymap::Action;
use crate::tui::overlay::{Answer, Item, Overlay, Prompt, Purpose};
use crate::tui::widgets::fit;

use super::{ClockScreen, View};

/// What a dialog of the clock screen was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClockAsk {
    /// Start the group's clock from the template.
    Start,
    Status {
        item: String,
    },
    /// A new item's title (`item: None`) or item `item`'s new title.
    Title {
        item: Option<String>,
    },
    Description {
        item: String,
    },
    StudentsPart {
        item: String,
    },
    /// The month of a new item called `title`.
    NewMonth {
        title: String,
    },
    Move {
        item: String,
    },
    /// Who answers for `item`: the picker's rows are `actors`; picking one adds or removes it.
    Responsible {
        item: String,
        actors: Vec<Actor>,
    },
    Remove {
        item: String,
    },
}

fn ask(a: ClockAsk) -> Purpose {
    Purpose::Clock(a)
}

/// What an item says now, to change one part of it.
fn draft_of(item: &ClockItem) -> ItemDraft {
    ItemDraft {
        when: item.when,
        recurrence: item.recurrence,
        title: item.title.clone(),
        description: item.description.clone(),
        responsible: item.responsible.clone(),
        co_actors: item.co_actors.clone(),
        students_part: item.students_part.clone(),
    }
}

/// A month picker (the digits 1–9 are January to September), `preselect` 1–12.
fn month_picker(title: &str, preselect: u8, purpose: Purpose, cx: &Ctx) -> Next {
    let items = (1..=12).map(|m| Item::new(month(cx.lang, m), "")).collect();
    Next::Open(Overlay::picker(
        title,
        items,
        usize::from(preselect.clamp(1, 12)) - 1,
        purpose,
    ))
}

impl ClockScreen {
    fn group<'a>(&self, cx: &'a Ctx) -> Option<&'a Group> {
        cx.data.groups.iter().find(|g| g.id == self.group)
    }

    /// The selected item of the list.
    fn chosen<'a>(&self, cx: &'a Ctx) -> Option<&'a ClockItem> {
        self.clock(cx)?.items.get(self.selected)
    }

    /// Asks the loop to save `clock`; the screen shows it once saved.
    fn save(&self, clock: YearClock, cx: &mut Ctx) {
        cx.effect(Effect::SaveClock(Box::new(clock)));
    }

    /// Changes the clock with `change` and saves it; `false` when there is no clock or the
    /// change did not take.
    fn change(
        &self,
        cx: &mut Ctx,
        change: impl FnOnce(&mut YearClock) -> Result<(), crate::model::clock::ClockError>,
    ) -> bool {
        let Some(mut clock) = self.clock(cx).cloned() else {
            return false;
        };
        match change(&mut clock) {
            Ok(()) => {
                // Shown at once; the save's report corrects it if the disk says no.
                if let Some(shown) = cx.data.clocks.iter_mut().find(|c| c.group == self.group) {
                    *shown = clock.clone();
                }
                self.save(clock, cx);
                true
            }
            Err(e) => {
                cx.error(e.to_string());
                false
            }
        }
    }

    /// Whether one of the editor's keys can do something now, or `None` when the action is
    /// not the editor's.
    pub(super) fn edit_offers(&self, action: Action, cx: &Ctx) -> Option<bool> {
        let writable = cx.data.access.is_writable();
        let has_clock = self.clock(cx).is_some();
        let on_item = self.view == View::List && self.chosen(cx).is_some();
        Some(match action {
            Action::Add => writable && !has_clock && self.group(cx).is_some(),
            Action::NewItem => writable && has_clock,
            Action::Confirm | Action::Edit | Action::MoveItem | Action::Toggle | Action::Remove => {
                writable && on_item
            }
            _ => return None,
        })
    }

    /// A key of the editor.
    pub(super) fn edit_act(&mut self, action: Action, cx: &mut Ctx) -> Option<Next> {
        if !self.edit_offers(action, cx)? {
            if !cx.data.access.is_writable() {
                cx.error(cx.t().clock_edit.read_only);
            }
            return Some(Next::Stay);
        }
        let (t, w) = (&cx.t().clock_edit, &cx.t().clock_walk);
        if action == Action::Add {
            let group = self.group(cx)?;
            let question = fill(t.start_confirm, &[("group", &group.name)]);
            return Some(Next::Open(Overlay::confirm(question, ask(ClockAsk::Start))));
        }
        if action == Action::NewItem {
            return Some(Next::Open(Overlay::Prompt(Prompt::new(
                w.new_title,
                w.new_hint,
                "",
                ask(ClockAsk::Title { item: None }),
                crate::model::clock::MAX_TITLE_CHARS,
            ))));
        }
        let item = self.chosen(cx)?.clone();
        let title = fit(&item.title, 60);
        let next = match action {
            Action::Confirm => {
                let items = ItemStatus::ALL
                    .iter()
                    .map(|s| Item::new(status_name(cx.lang, *s), ""))
                    .collect();
                let current = item.status_in(self.year);
                let at = ItemStatus::ALL.iter().position(|s| *s == current);
                let heading = fill(
                    w.mark_title,
                    &[("item", &title), ("year", &self.year.to_string())],
                );
                Next::Open(Overlay::picker(
                    &heading,
                    items,
                    at.unwrap_or(0),
                    ask(ClockAsk::Status { item: item.id }),
                ))
            }
            Action::Edit => Next::Open(Overlay::Prompt(Prompt::new(
                t.title_title,
                t.title_hint,
                &item.title,
                ask(ClockAsk::Title {
                    item: Some(item.id),
                }),
                crate::model::clock::MAX_TITLE_CHARS,
            ))),
            Action::MoveItem => month_picker(
                &fill(w.move_title, &[("item", &title)]),
                crate::model::clock::calendar::start_month(item.when),
                ask(ClockAsk::Move { item: item.id }),
                cx,
            ),
            Action::Toggle => self.responsible_picker(&item, 0, cx),
            _ => Next::Open(Overlay::confirm(
                fill(w.remove_confirm, &[("item", &title)]),
                ask(ClockAsk::Remove { item: item.id }),
            )),
        };
        Some(next)
    }

    /// Who may answer for an item: every member of the group, then every role; those who
    /// already do are marked. `at` is preselected.
    fn responsible_picker(&self, item: &ClockItem, at: usize, cx: &Ctx) -> Next {
        let t = &cx.t().clock_edit;
        let mut actors: Vec<Actor> = Vec::new();
        if let Some(group) = self.group(cx) {
            for m in &group.members {
                actors.push(Actor::Member {
                    id: m.id.clone(),
                    name: m.name.clone(),
                    role: m.role,
                });
            }
        }
        actors.extend(Role::ALL.iter().map(|role| Actor::Role { role: *role }));
        let is_on = |actor: &Actor| item.responsible.iter().any(|r| same_actor(r, actor));
        let items = actors
            .iter()
            .map(|a| {
                let (label, detail) = match a {
                    Actor::Member { name, role, .. } => (name.clone(), i18n::role(cx.lang, *role)),
                    other => (crate::i18n::clock::actor(cx.lang, other), ""),
                };
                let detail = if is_on(a) { t.responsible_on } else { detail };
                Item::new(label, detail)
            })
            .collect();
        Next::Open(Overlay::picker(
            &fill(t.responsible_title, &[("item", &fit(&item.title, 50))]),
            items,
            at,
            ask(ClockAsk::Responsible {
                item: item.id.clone(),
                actors,
            }),
        ))
    }

    /// A dialog of the editor was answered.
    pub fn answer(&mut self, purpose: Purpose, answer: Answer, cx: &mut Ctx) -> Next {
        let Purpose::Clock(question) = purpose else {
            return Next::Stay;
        };
        let (t, w) = (&cx.t().clock_edit, &cx.t().clock_walk);
        let group = self.group.clone();
        let title_of = |cx: &Ctx, id: &str| {
            cx.data
                .clocks
                .iter()
                .find(|c| c.group == group)
                .and_then(|c| c.item(id))
                .map(|i| i.title.clone())
                .unwrap_or_default()
        };
        match (question, answer) {
            (ClockAsk::Start, Answer::Yes) => {
                let Some(group) = self.group(cx).cloned() else {
                    return Next::Stay;
                };
                let clock = crate::store::clocks::template().clock_for(&group, cx.lang);
                let count = clock.items.len().to_string();
                cx.data.clocks.push(clock.clone());
                self.save(clock, cx);
                cx.info(fill(t.started, &[("count", &count)]));
            }
            (ClockAsk::Status { item }, Answer::Picked(i)) => {
                let Some(status) = ItemStatus::ALL.get(i).copied() else {
                    return Next::Stay;
                };
                let year = self.year;
                if self.change(cx, |c| c.set_status(&item, year, status)) {
                    let what = status_name(cx.lang, status);
                    let title = title_of(cx, &item);
                    cx.info(fill(w.marked, &[("item", &title), ("what", what)]));
                }
            }
            (ClockAsk::Title { item: None }, Answer::Text(title)) if !title.trim().is_empty() => {
                let this = crate::tui::screens::clock::today(cx).month() as u8;
                let heading = fill(w.new_month_title, &[("item", &fit(&title, 60))]);
                return month_picker(&heading, this, ask(ClockAsk::NewMonth { title }), cx);
            }
            (ClockAsk::NewMonth { title }, Answer::Picked(i)) => {
                let m = i as u8 + 1;
                let draft = ItemDraft::new_in_month(&title, m);
                let mut added = None;
                if self.change(cx, |c| c.add(draft).map(|id| added = Some(id))) {
                    self.select_item(added.as_deref(), cx);
                    cx.info(fill(w.added, &[("item", title.trim())]));
                }
            }
            (
                question @ (ClockAsk::Title { item: Some(_) }
                | ClockAsk::Description { .. }
                | ClockAsk::StudentsPart { .. }),
                Answer::Text(text),
            ) => return self.text_answered(question, text, cx),
            (ClockAsk::Move { item }, Answer::Picked(i)) => {
                let year = self.year;
                let mut when = None;
                let moved = self.change(cx, |c| {
                    let to = c
                        .item(&item)
                        .ok_or_else(|| crate::model::clock::ClockError::NoSuchItem(item.clone()))?
                        .moved_to(year, i as u8 + 1);
                    when = Some(to);
                    c.move_to(&item, to)
                });
                if let (true, Some(when)) = (moved, when) {
                    self.select_item(Some(&item), cx);
                    let what = crate::i18n::clock::when(cx.lang, when);
                    let title = title_of(cx, &item);
                    cx.info(fill(w.moved, &[("item", &title), ("what", &what)]));
                }
            }
            (ClockAsk::Responsible { item, actors }, Answer::Picked(i)) => {
                let Some(actor) = actors.get(i).cloned() else {
                    return Next::Stay;
                };
                let toggled = self.edit_item(&item, cx, |d| {
                    let before = d.responsible.len();
                    d.responsible.retain(|r| !same_actor(r, &actor));
                    if d.responsible.len() == before {
                        d.responsible.push(actor);
                    }
                });
                // The picker comes back, so that several can be picked in a row.
                if let Some(current) = self.clock(cx).and_then(|c| c.item(&item)).cloned()
                    && toggled
                {
                    return self.responsible_picker(&current, i, cx);
                }
            }
            (ClockAsk::Remove { item }, Answer::Yes) => {
                let title = title_of(cx, &item);
                if self.change(cx, |c| c.remove(&item).map(|_| ())) {
                    cx.info(fill(w.removed, &[("item", &title)]));
                }
            }
            _ => {}
        }
        Next::Stay
    }

    /// An item's title, description or students' part was typed: saved, then on to the
    /// next of the three (an empty title is not taken).
    fn text_answered(&mut self, question: ClockAsk, text: String, cx: &mut Ctx) -> Next {
        let t = &cx.t().clock_edit;
        let (id, next) = match question {
            ClockAsk::Title { item: Some(id) } => {
                if text.trim().is_empty() || !self.edit_item(&id, cx, |d| d.title = text) {
                    return Next::Stay;
                }
                self.select_item(Some(&id), cx);
                let next = (
                    t.description_title,
                    t.description_hint,
                    ClockAsk::Description { item: id.clone() },
                );
                (id, Some(next))
            }
            ClockAsk::Description { item } => {
                if !self.edit_item(&item, cx, |d| d.description = text) {
                    return Next::Stay;
                }
                let next = (
                    t.students_title,
                    t.students_hint,
                    ClockAsk::StudentsPart { item: item.clone() },
                );
                (item, Some(next))
            }
            ClockAsk::StudentsPart { item } => {
                if !self.edit_item(&item, cx, |d| d.students_part = text) {
                    return Next::Stay;
                }
                (item, None)
            }
            _ => return Next::Stay,
        };
        let Some(item) = self.clock(cx).and_then(|c| c.item(&id)).cloned() else {
            return Next::Stay;
        };
        match next {
            Some((title, hint, question)) => {
                let value = match &question {
                    ClockAsk::Description { .. } => &item.description,
                    _ => &item.students_part,
                };
                Next::Open(Overlay::Prompt(Prompt::new(
                    title,
                    hint,
                    value,
                    ask(question),
                    crate::model::clock::MAX_TEXT_CHARS,
                )))
            }
            None => {
                cx.info(fill(t.saved, &[("item", &item.title)]));
                Next::Stay
            }
        }
    }

    /// Changes one part of item `id` and saves.
    fn edit_item(&self, id: &str, cx: &mut Ctx, part: impl FnOnce(&mut ItemDraft)) -> bool {
        self.change(cx, |c| {
            let item = c
                .item(id)
                .ok_or_else(|| crate::model::clock::ClockError::NoSuchItem(id.to_string()))?;
            let mut draft = draft_of(item);
            part(&mut draft);
            c.edit(id, draft)
        })
    }

    /// Selects item `id` in the list (the items are kept in the order of the year).
    fn select_item(&mut self, id: Option<&str>, cx: &Ctx) {
        if let Some(at) = self
            .clock(cx)
            .and_then(|c| c.items.iter().position(|i| Some(i.id.as_str()) == id))
        {
            self.selected = at;
            self.view = View::List;
        }
    }
}

/// The same person or role (a member by id, whatever their name was then).
fn same_actor(a: &Actor, b: &Actor) -> bool {
    match (a, b) {
        (Actor::Member { id: x, .. }, Actor::Member { id: y, .. }) => x == y,
        _ => a == b,
    }
}
