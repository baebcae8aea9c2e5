//! The dialogs the meeting opens for itself: going to another item, raising a hand or
//! giving the floor, attendance, the note on a turn, and ending the meeting.

use super::MeetingView;
use crate::i18n;
use crate::model::MemberId;
use crate::tui::app::{Ctx, Next};
use crate::tui::overlay::{Item, Overlay, Prompt, Purpose};

impl MeetingView {
    /// The agenda to pick the item to go to, the current one selected.
    pub(super) fn go_to_phase_picker(&self, cx: &Ctx) -> Overlay {
        let t = cx.t();
        let items = self
            .state()
            .agenda
            .iter()
            .map(|p| {
                Item::new(
                    p.title.get(cx.lang),
                    format!("{} {}", p.minutes, t.minutes_short),
                )
            })
            .collect();
        let selected = self.state().phase.map_or(0, |p| p + 1);
        Overlay::picker(t.meeting_go_to_prompt, items, selected, Purpose::GoToPhase)
    }

    /// Phone input on: at once where the laptop has one address on a local network (or
    /// none: the loop says so), else a choice of them, each with its interface's name.
    pub(super) fn phones_on(&self, cx: &mut Ctx) -> Next {
        let candidates = crate::net::address::candidates();
        if candidates.len() < 2 {
            cx.phones_wanted = true;
            return Next::Stay;
        }
        let items = candidates
            .iter()
            .map(|(name, ip)| Item::new(ip.to_string(), name.clone()))
            .collect();
        let addresses = candidates.into_iter().map(|(_, ip)| ip).collect();
        Next::Open(Overlay::picker(
            cx.t().phones.pick_address,
            items,
            0,
            Purpose::PhoneAddress(addresses),
        ))
    }

    /// Those present, to raise (or lower) a hand for, marked when it is up; or, when not
    /// `raising`, to give the floor to.
    pub(super) fn hands_picker(&self, raising: bool, cx: &Ctx) -> Overlay {
        let t = cx.t();
        let state = self.state();
        let people: Vec<(MemberId, String, bool)> = state
            .present()
            .map(|p| (p.id.clone(), p.name.clone(), state.hands.contains(&p.id)))
            .collect();
        let items = people
            .iter()
            .map(|(_, name, up)| Item {
                label: name.clone(),
                detail: String::new(),
                mark: raising.then_some(*up),
            })
            .collect();
        let ids = people.into_iter().map(|(id, _, _)| id).collect();
        let (title, purpose) = if raising {
            (t.meeting_hand_prompt, Purpose::RaiseHand(ids))
        } else {
            (t.meeting_floor_prompt, Purpose::GiveFloor(ids))
        };
        Overlay::picker(title, items, 0, purpose)
    }

    /// Everyone on the list, marked when present, and a last line to add a guest.
    pub(super) fn attendance_picker(&self, cx: &Ctx) -> Overlay {
        let t = cx.t();
        let people = &self.state().people;
        let mut items: Vec<Item> = people
            .iter()
            .map(|p| Item {
                label: p.name.clone(),
                detail: i18n::role(cx.lang, p.role).to_string(),
                mark: Some(p.present),
            })
            .collect();
        items.push(Item::new(t.meeting_add_guest_item, ""));
        let ids = people.iter().map(|p| p.id.clone()).collect();
        Overlay::picker(
            t.meeting_attendance_prompt,
            items,
            0,
            Purpose::Attendance(ids),
        )
    }

    /// The note on the current turn, to write or change.
    pub(super) fn note_prompt(&self, cx: &Ctx) -> Overlay {
        let t = cx.t();
        let current = self
            .state()
            .turn
            .as_ref()
            .and_then(|turn| turn.note.clone())
            .unwrap_or_default();
        Overlay::Prompt(Prompt::new(
            t.meeting_note_title,
            t.meeting_note_prompt,
            &current,
            Purpose::Note,
            crate::model::engine::MAX_NOTE_CHARS,
        ))
    }
}

/// End the meeting now, later (it stays open to resume), or not after all.
pub(super) fn end_menu(cx: &Ctx) -> Overlay {
    let t = cx.t();
    let items = vec![
        Item::new(t.meeting_end_now, ""),
        Item::new(t.meeting_end_later, ""),
        Item::new(t.meeting_end_cancel, ""),
    ];
    Overlay::picker(t.meeting_end_title, items, 0, Purpose::EndMenu)
}
