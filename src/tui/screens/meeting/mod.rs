//! The meeting screen, the one projected on the wall: the agenda, the prompt, who is
//! speaking with their countdown, and the live balance of airtime between students, staff
//! and external members.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::i18n::{self, fill};
use crate::model::{
    Command, Meeting, MeetingState, MemberId, PhaseKind, SessionRecord, Side, Status,
};
use crate::tui::app::{Ctx, Effect, Next};
use crate::tui::keymap::{Action, KeyContext};
use crate::tui::overlay::{Answer, Item, Overlay, Prompt, Purpose};
use crate::tui::widgets::{self, big_text, countdown, fit};

pub mod ideas;
mod phase;
pub mod records;
pub mod vote;

pub use phase::{PhaseAsk, PhaseUi};

/// How often a failed save is tried again without input, in milliseconds.
const SAVE_RETRY_MS: u64 = 5_000;

/// A running meeting and what the screen remembers about it.
#[derive(Debug)]
pub struct MeetingView {
    pub meeting: Meeting,
    /// The session file.
    pub path: PathBuf,
    /// The last save failed with this reason; cleared by the next good save.
    pub save_error: Option<String>,
    last_save_try_ms: u64,
    /// The wall-clock gap before this meeting was reopened, shown until the timers resume.
    pub reopened_gap: Option<u64>,
    /// The countdowns that have already rung, so the bell rings once at zero.
    rung_phase: Option<(usize, u32)>,
    rung_turn: Option<usize>,
    /// Screen-only state of the running phase (a selection, a ballot being filled in),
    /// and the phase (and visit) it belongs to.
    pub phase_ui: PhaseUi,
    ui_for: Option<(usize, u32)>,
}

impl MeetingView {
    /// Starts a new meeting from its record (no events yet).
    pub fn start(record: SessionRecord, path: PathBuf, cx: &mut Ctx) -> MeetingView {
        cx.clock.continue_from(0);
        let mut view = MeetingView::open(record, path);
        view.run(Command::Start, cx);
        view
    }

    /// Opens an unfinished meeting again after parvi stopped. The meeting clock continues
    /// from the last saved event and the wall-clock gap is recorded, counted as paused.
    pub fn resume(record: SessionRecord, path: PathBuf, cx: &mut Ctx) -> MeetingView {
        let last = record.events.last().map(|e| (e.at, e.mono_ms));
        cx.clock.continue_from(last.map_or(0, |(_, mono)| mono));
        let gap_ms = last.map_or(0, |(at, _)| {
            cx.now().at.duration_since(at).as_millis().max(0) as u64
        });
        let mut view = MeetingView::open(record, path);
        if view.meeting.state().status == Status::NotStarted {
            view.run(Command::Start, cx);
        } else {
            view.run(Command::Reopen { gap_ms }, cx);
            view.reopened_gap = Some(gap_ms);
        }
        view
    }

    fn open(record: SessionRecord, path: PathBuf) -> MeetingView {
        MeetingView {
            meeting: Meeting::new(record),
            path,
            save_error: None,
            last_save_try_ms: 0,
            reopened_gap: None,
            rung_phase: None,
            rung_turn: None,
            phase_ui: PhaseUi::None,
            ui_for: None,
        }
    }

    /// The meeting's live state.
    pub fn state(&self) -> &MeetingState {
        self.meeting.state()
    }

    /// Forgets the screen-only state of a phase that is no longer running.
    fn sync_ui(&mut self) {
        let now = self
            .state()
            .phase
            .map(|p| (p, self.state().progress[p].visits));
        if now != self.ui_for {
            self.ui_for = now;
            self.phase_ui = PhaseUi::None;
        }
    }

    /// Where the keyboard is.
    pub fn context(&self) -> KeyContext {
        match self.state().current_phase().map(|p| p.kind) {
            Some(PhaseKind::Round) => KeyContext::MeetingRound,
            Some(PhaseKind::Open) => KeyContext::MeetingOpen,
            Some(PhaseKind::Writing) => KeyContext::MeetingWriting,
            Some(PhaseKind::Ideas) => KeyContext::MeetingIdeas,
            Some(PhaseKind::Grouping) => KeyContext::MeetingGrouping,
            Some(PhaseKind::Vote) if vote::takes_keys(self) => KeyContext::MeetingBallot,
            Some(PhaseKind::Vote) => KeyContext::MeetingVote,
            Some(PhaseKind::Decisions) => KeyContext::MeetingDecisions,
            Some(PhaseKind::Actions) => KeyContext::MeetingActions,
            Some(PhaseKind::ReviewActions) => KeyContext::MeetingReview,
            Some(_) => KeyContext::MeetingOther,
            None => KeyContext::MeetingIdle,
        }
    }

    /// Whether a phase module reads the keys itself (a voter filling in a ballot).
    pub fn takes_keys(&self) -> bool {
        self.state().current_phase().map(|p| p.kind) == Some(PhaseKind::Vote)
            && vote::takes_keys(self)
    }

    /// A key for a phase module that reads keys itself; `None` lets the keymap have it.
    pub fn type_key(&mut self, key: &crossterm::event::KeyEvent, cx: &mut Ctx) -> Option<Next> {
        self.sync_ui();
        vote::type_key(self, key, cx)
    }

    /// Runs a command now and asks for a save; explains a refusal.
    pub fn run(&mut self, command: Command, cx: &mut Ctx) -> bool {
        let now = cx.now();
        let seed = cx.random();
        match self.meeting.execute(command, now, seed) {
            Ok(_) => {
                // A new phase starts with fresh screen state (no selection left over).
                self.sync_ui();
                if cx.data.access.is_writable() {
                    self.save(cx);
                    self.last_save_try_ms = now.mono_ms;
                }
                if !self.state().paused {
                    self.reopened_gap = None;
                }
                true
            }
            Err(refusal) => {
                cx.error(i18n::refusal(cx.lang, &refusal));
                false
            }
        }
    }

    /// Asks the loop to save the meeting as it is now. Earlier saves still waiting in the same
    /// batch are dropped: the newest record holds everything they held.
    fn save(&self, cx: &mut Ctx) {
        cx.effects
            .retain(|e| !matches!(e, Effect::SaveMeeting { .. }));
        cx.effect(Effect::SaveMeeting {
            path: self.path.clone(),
            record: Box::new(self.meeting.record().clone()),
        });
    }

    /// Whether an action can do something now (for the footer), the meeting being drawn in
    /// `area`.
    pub fn offers(&self, action: Action, area: Rect, cx: &Ctx) -> bool {
        let state = self.state();
        let phase = state.current_phase();
        let mine = match phase.map(|p| p.kind) {
            Some(PhaseKind::Writing | PhaseKind::Ideas | PhaseKind::Grouping) => {
                ideas::keys(self.context())
                    .iter()
                    .any(|b| b.action == action)
                    .then(|| ideas::offers(self, action, area, cx))
            }
            Some(PhaseKind::Vote) => vote::KEYS
                .iter()
                .chain(vote::BALLOT_KEYS)
                .any(|b| b.action == action)
                .then(|| vote::offers(self, action, cx)),
            Some(PhaseKind::Decisions | PhaseKind::Actions | PhaseKind::ReviewActions) => {
                records::keys(self.context())
                    .iter()
                    .any(|b| b.action == action)
                    .then(|| records::offers(self, action, cx))
            }
            _ => None,
        };
        if let Some(offered) = mine {
            return offered;
        }
        match action {
            Action::NextSpeaker => {
                state.turn.is_some()
                    || match phase.map(|p| p.kind) {
                        Some(PhaseKind::Round) => !state.round_complete(),
                        Some(PhaseKind::Open) => !state.queue().is_empty(),
                        _ => false,
                    }
            }
            Action::Pass => {
                phase.is_some_and(|p| p.pass_allowed)
                    && (state.turn.is_some() || state.next_up().is_some())
            }
            // Going back has several cases (take back a turn just begun, let one just ended
            // go on, give the previous speaker a new turn): ask the engine itself.
            Action::PreviousSpeaker => {
                state.round.is_some() && state.decide(Command::Back, cx.now(), 0).is_ok()
            }
            Action::EndTurn | Action::Note => {
                state.turn.is_some() || (action == Action::Note && !state.turns.is_empty())
            }
            Action::NextPhase => state.phase.is_some() || state.progress.iter().any(|p| !p.done),
            Action::AddMinute | Action::RemoveMinute => state.phase.is_some(),
            Action::TogglePause => state.status == Status::Running,
            _ => cx.data.access.is_writable() || action == Action::EndMeeting,
        }
    }

    /// The loop's report on the last save.
    pub fn saved(&mut self, error: Option<String>) {
        self.save_error = error;
    }

    /// Handles an action on this screen, drawn in `area`.
    pub fn act(&mut self, action: Action, area: Rect, cx: &mut Ctx) -> Next {
        self.sync_ui();
        let handled = match self.state().current_phase().map(|p| p.kind) {
            Some(PhaseKind::Writing | PhaseKind::Ideas | PhaseKind::Grouping) => {
                ideas::act(self, action, area, cx)
            }
            Some(PhaseKind::Vote) => vote::act(self, action, cx),
            Some(PhaseKind::Decisions | PhaseKind::Actions | PhaseKind::ReviewActions) => {
                records::act(self, action, cx)
            }
            _ => None,
        };
        if let Some(next) = handled {
            self.sync_ui();
            return next;
        }
        let t = cx.t();
        match action {
            Action::NextSpeaker => {
                self.run(Command::Next, cx);
            }
            Action::Pass => {
                self.run(Command::Pass, cx);
            }
            Action::PreviousSpeaker => {
                self.run(Command::Back, cx);
            }
            Action::EndTurn => {
                self.run(Command::EndTurn, cx);
            }
            Action::TogglePause => {
                let command = if self.state().paused {
                    Command::Resume
                } else {
                    Command::Pause
                };
                self.run(command, cx);
            }
            Action::AddMinute => {
                self.run(Command::Extend { delta_ms: 60_000 }, cx);
            }
            Action::RemoveMinute => {
                self.run(Command::Extend { delta_ms: -60_000 }, cx);
            }
            Action::NextPhase => {
                if self.state().phase.is_none() && self.state().progress.iter().all(|p| p.done) {
                    let key = cx.key_for(KeyContext::MeetingIdle, Action::EndMeeting);
                    cx.info(fill(t.meeting_agenda_done, &[("key", &key)]));
                } else {
                    self.run(Command::NextPhase, cx);
                }
            }
            Action::GoToPhase => {
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
                return Next::Open(Overlay::picker(
                    t.meeting_go_to_prompt,
                    items,
                    selected,
                    Purpose::GoToPhase,
                ));
            }
            Action::RaiseHand | Action::GiveFloor => {
                let people: Vec<(MemberId, String, bool)> = self
                    .state()
                    .present()
                    .map(|p| {
                        (
                            p.id.clone(),
                            p.name.clone(),
                            self.state().hands.contains(&p.id),
                        )
                    })
                    .collect();
                let raising = action == Action::RaiseHand;
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
                return Next::Open(Overlay::picker(title, items, 0, purpose));
            }
            Action::Attendance => {
                let mut items: Vec<Item> = self
                    .state()
                    .people
                    .iter()
                    .map(|p| Item {
                        label: p.name.clone(),
                        detail: i18n::role(cx.lang, p.role).to_string(),
                        mark: Some(p.present),
                    })
                    .collect();
                items.push(Item::new(t.meeting_add_guest_item, ""));
                let ids = self.state().people.iter().map(|p| p.id.clone()).collect();
                return Next::Open(Overlay::picker(
                    t.meeting_attendance_prompt,
                    items,
                    0,
                    Purpose::Attendance(ids),
                ));
            }
            Action::Note => {
                let current = self
                    .state()
                    .turn
                    .as_ref()
                    .and_then(|turn| turn.note.clone())
                    .unwrap_or_default();
                return Next::Open(Overlay::Prompt(Prompt::new(
                    t.meeting_note_title,
                    t.meeting_note_prompt,
                    &current,
                    Purpose::Note,
                    crate::model::engine::MAX_NOTE_CHARS,
                )));
            }
            Action::EndMeeting | Action::Quit => {
                let items = vec![
                    Item::new(t.meeting_end_now, ""),
                    Item::new(t.meeting_end_later, ""),
                    Item::new(t.meeting_end_cancel, ""),
                ];
                return Next::Open(Overlay::picker(
                    t.meeting_end_title,
                    items,
                    0,
                    Purpose::EndMenu,
                ));
            }
            _ => {}
        }
        Next::Stay
    }

    /// A dialog this screen opened has been answered.
    pub fn answer(&mut self, purpose: Purpose, answer: Answer, cx: &mut Ctx) -> Next {
        let t = cx.t();
        self.sync_ui();
        match (purpose, answer) {
            (Purpose::Phase(PhaseAsk::Ideas(ask)), answer) => {
                return ideas::answer(self, ask, answer, cx);
            }
            (Purpose::Phase(PhaseAsk::Vote(ask)), answer) => {
                return vote::answer(self, ask, answer, cx);
            }
            (Purpose::Phase(PhaseAsk::Records(ask)), answer) => {
                return records::answer(self, ask, answer, cx);
            }
            (Purpose::RaiseHand(ids), Answer::Picked(i)) => {
                if let Some(id) = ids.get(i).cloned() {
                    let command = if self.state().hands.contains(&id) {
                        Command::LowerHand(id)
                    } else {
                        Command::RaiseHand(id)
                    };
                    self.run(command, cx);
                }
            }
            (Purpose::GiveFloor(ids), Answer::Picked(i)) => {
                if let Some(id) = ids.get(i).cloned() {
                    self.run(Command::GiveFloor(id), cx);
                }
            }
            (Purpose::Attendance(ids), Answer::Picked(i)) => match ids.get(i).cloned() {
                Some(who) => {
                    let present = !self.state().is_present(&who);
                    self.run(Command::SetPresent { who, present }, cx);
                }
                None => {
                    return Next::Open(Overlay::Prompt(Prompt::new(
                        t.meeting_guest_name,
                        "",
                        "",
                        Purpose::GuestName,
                        crate::model::group::MAX_NAME_CHARS,
                    )));
                }
            },
            (Purpose::GuestName, Answer::Text(name)) if !name.is_empty() => {
                return Next::Open(Overlay::roles(
                    cx,
                    t.meeting_guest_role,
                    None,
                    Purpose::GuestRole(name),
                ));
            }
            (Purpose::GuestRole(name), Answer::Picked(i)) => {
                if let Some(role) = crate::model::Role::ALL.get(i).copied() {
                    self.run(Command::AddGuest { name, role }, cx);
                }
            }
            (Purpose::GoToPhase, Answer::Picked(i)) => {
                self.run(Command::GoToPhase(i), cx);
            }
            (Purpose::Note, Answer::Text(text)) if !text.is_empty() => {
                self.run(Command::Note(text), cx);
            }
            (Purpose::EndMenu, Answer::Picked(0)) if self.run(Command::End, cx) => {
                return Next::Summary(Box::new(self.meeting.record().clone()));
            }
            (Purpose::EndMenu, Answer::Picked(1)) => {
                // Leaving for later: stop the clocks now, so the time away is not counted.
                if !self.state().paused && self.state().status == Status::Running {
                    self.run(Command::Pause, cx);
                }
                cx.effect(Effect::Reload);
                return Next::Home;
            }
            _ => {}
        }
        Next::Stay
    }

    /// Rings the bell when a countdown reaches zero; retries a failed save.
    pub fn tick(&mut self, cx: &mut Ctx) {
        let now = cx.now().mono_ms;
        let state = self.meeting.state();
        if let Some(phase) = state.phase
            && state.phase_remaining(now).is_some_and(|r| r <= 0)
        {
            let key = (phase, state.progress[phase].visits);
            if self.rung_phase != Some(key) {
                self.rung_phase = Some(key);
                cx.effect(Effect::Bell);
            }
        }
        if state.turn_remaining(now).is_some_and(|r| r <= 0) {
            let key = state.turns.len();
            if self.rung_turn != Some(key) {
                self.rung_turn = Some(key);
                cx.effect(Effect::Bell);
            }
        }
        if self.save_error.is_some() && now.saturating_sub(self.last_save_try_ms) >= SAVE_RETRY_MS {
            self.last_save_try_ms = now;
            self.save(cx);
        }
        self.heartbeat(cx);
    }

    /// While timers run, notes every [`crate::model::engine::HEARTBEAT_MS`] that the meeting still runs and saves
    /// it, on a wake-up that happens anyway (the timer's second), so a crash turns at most
    /// that much spoken time into pause. Read-only copies write nothing.
    pub fn heartbeat(&mut self, cx: &mut Ctx) {
        if cx.data.access.is_writable() && self.meeting.heartbeat(cx.now()) {
            self.save(cx);
        }
    }

    /// Milliseconds until the next whole second of a running timer, or until the next
    /// minute of the wall clock in the header; at most one wake-up a second.
    pub fn next_wakeup_ms(&self, now: crate::model::Stamp) -> Option<u64> {
        let state = self.state();
        // The header's clock changes at the next minute; while a timer runs, its beat redraws
        // the header too (at most a second late), so the minute adds no wake-up of its own.
        let to_minute = 60_000 - (now.at.as_millisecond().rem_euclid(60_000)) as u64;
        let mut next = to_minute;
        if state.running() && (state.turn.is_some() || state.phase.is_some()) {
            next = 1000;
        }
        if state.running() {
            // One timer sets the pace: the turn when someone speaks, else the phase. The
            // other is redrawn on the same beat, so the loop wakes once a second, not twice.
            let elapsed = if state.turn.is_some() {
                Some(state.turn_elapsed(now.mono_ms))
            } else if state.phase.is_some() {
                Some(state.phase_elapsed(now.mono_ms))
            } else {
                None
            };
            if let Some(elapsed) = elapsed {
                next = next.min(1000 - elapsed % 1000);
            }
        }
        if self.save_error.is_some() {
            next = next.min(SAVE_RETRY_MS);
        }
        Some(next)
    }

    // ---- drawing -----------------------------------------------------------------------

    /// Draws the meeting into `area`.
    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let now = cx.now().mono_ms;
        let [header, banner_area, agenda, main, side] = self.layout(area, cx);
        self.render_header(header, buf, cx);
        if let Some((text, style)) = self.banner(cx) {
            Paragraph::new(Line::from(Span::styled(
                fit(&text, banner_area.width as usize),
                style,
            )))
            .style(style)
            .alignment(Alignment::Center)
            .render(banner_area, buf);
        }
        if agenda.width > 0 {
            self.render_agenda(agenda, buf, cx);
        }
        self.render_main(main, buf, cx, now);
        if side.width > 0 {
            self.render_side(side, buf, cx, now);
        }
    }

    /// Where the running phase draws its own part when the meeting is drawn in `area`
    /// (what its keys lay out, as its drawing does).
    pub fn phase_area(&self, area: Rect, cx: &Ctx) -> Rect {
        let [_, _, _, main, _] = self.layout(area, cx);
        self.phase_rows(main, cx).1
    }

    /// The meeting's parts in `area`: header, banner, and the agenda, main and side columns
    /// (the banner, agenda and side no wider or higher than 0 where they are not shown).
    fn layout(&self, area: Rect, cx: &Ctx) -> [Rect; 5] {
        let [header, banner_area, body] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(u16::from(self.banner(cx).is_some())),
            Constraint::Fill(1),
        ])
        .areas(area);
        // A voter at the keyboard (and the blank screen after) has the whole width; the
        // phases that produce something need the width more than the airtime panel, which
        // belongs to the phases where people take turns.
        let alone = self.takes_keys();
        let producing = self.state().current_phase().is_some_and(|p| {
            !matches!(
                p.kind,
                PhaseKind::Round | PhaseKind::Open | PhaseKind::Info | PhaseKind::Break
            )
        });
        let side_width = if body.width >= 72 && !alone && !producing {
            (body.width / 4).clamp(28, 46)
        } else {
            0
        };
        // The agenda column is as wide as its longest title needs, within a quarter of the
        // screen, and only where the main column keeps room for the big digits.
        let longest = self
            .state()
            .agenda
            .iter()
            .map(|p| unicode_width::UnicodeWidthStr::width(p.title.get(cx.lang)))
            .max()
            .unwrap_or(0) as u16;
        let agenda_width = if body.width >= 110 && !alone {
            (longest + 9).clamp(24, body.width / 4)
        } else {
            0
        };
        let [agenda, _, main, _, side] = Layout::horizontal([
            Constraint::Length(agenda_width),
            Constraint::Length(u16::from(agenda_width > 0) * 2),
            Constraint::Fill(1),
            Constraint::Length(u16::from(side_width > 0) * 2),
            Constraint::Length(side_width),
        ])
        .areas(body);
        [header, banner_area, agenda, main, side]
    }

    /// A line that must not be missed: not saved, paused, reopened, read-only.
    fn banner(&self, cx: &Ctx) -> Option<(String, Style)> {
        let t = cx.t();
        let theme = cx.theme;
        if let Some(reason) = &self.save_error {
            return Some((
                fill(t.meeting_not_saved, &[("reason", reason)]),
                theme.error(),
            ));
        }
        if !cx.data.access.is_writable() {
            return Some((t.meeting_read_only.to_string(), theme.error()));
        }
        if let Some(gap) = self.reopened_gap {
            let key = cx.key_for(KeyContext::MeetingOther, Action::TogglePause);
            return Some((
                fill(
                    t.meeting_reopened,
                    &[("gap", &widgets::duration_short(gap)), ("key", &key)],
                ),
                theme.banner(),
            ));
        }
        if self.state().paused {
            let key = cx.key_for(KeyContext::MeetingOther, Action::TogglePause);
            return Some((fill(t.meeting_paused, &[("key", &key)]), theme.banner()));
        }
        None
    }

    fn render_header(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let t = cx.t();
        let record = self.meeting.record();
        let local = cx.local(cx.now().at);
        let saved = if self.save_error.is_some() || !cx.data.access.is_writable() {
            String::new()
        } else {
            format!("✓ {}  ", t.meeting_saved)
        };
        let right = format!("{saved}{:02}:{:02}", local.hour(), local.minute());
        let mut left = record.group.name.clone();
        if !record.topic.is_empty() {
            left.push_str(" · ");
            left.push_str(&record.topic);
        }
        let room = (area.width as usize).saturating_sub(right.chars().count() + 2);
        Paragraph::new(Line::from(Span::styled(
            fit(&left, room),
            cx.theme.heading(),
        )))
        .render(area, buf);
        Paragraph::new(Line::from(Span::styled(right, cx.theme.quiet())))
            .alignment(Alignment::Right)
            .render(area, buf);
    }

    fn render_agenda(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let state = self.state();
        let mut lines = vec![
            Line::from(Span::styled(t.meeting_agenda, theme.heading())),
            Line::default(),
        ];
        let width = area.width as usize;
        for (i, phase) in state.agenda.iter().enumerate() {
            let current = state.phase == Some(i);
            let (mark, style) = if current {
                ("▶", theme.current())
            } else if state.progress[i].done {
                ("✓", theme.done())
            } else {
                (" ", theme.text())
            };
            let minutes = format!("{:>3}", phase.minutes);
            let title_width = width.saturating_sub(minutes.len() + 5);
            let title = fit(phase.title.get(cx.lang), title_width);
            let pad =
                title_width.saturating_sub(unicode_width::UnicodeWidthStr::width(title.as_str()));
            lines.push(Line::from(vec![
                Span::styled(format!("{mark} {:>2} ", i + 1), style),
                Span::styled(title, style),
                Span::raw(" ".repeat(pad)),
                Span::styled(minutes, theme.quiet()),
            ]));
        }
        Paragraph::new(lines).render(area, buf);
    }

    fn render_main(&self, area: Rect, buf: &mut Buffer, cx: &Ctx, now: u64) {
        let t = cx.t();
        let theme = cx.theme;
        let state = self.state();
        let mut y = area.y;
        let bottom = area.bottom();
        let row = |y: u16, h: u16| Rect {
            x: area.x,
            y,
            width: area.width,
            height: h.min(bottom.saturating_sub(y)),
        };
        let Some(index) = state.phase else {
            let text = if state.status == Status::Ended {
                t.meeting_summary_title.to_string()
            } else if state.progress.iter().all(|p| p.done) {
                let key = cx.key_for(KeyContext::MeetingIdle, Action::EndMeeting);
                fill(t.meeting_agenda_done, &[("key", &key)])
            } else {
                let key = cx.key_for(KeyContext::MeetingIdle, Action::NextPhase);
                format!("{}: {key}", t.key_next_phase)
            };
            widgets::wrapped(
                vec![Line::from(Span::styled(text, theme.heading()))],
                row(y + 1, 3),
                buf,
            );
            return;
        };
        let phase = &state.agenda[index];
        // Title line: "3/7 · Päivän teema" and the kind.
        let title = format!(
            "{} · {}",
            fill(
                t.meeting_item,
                &[
                    ("n", &(index + 1).to_string()),
                    ("total", &state.agenda.len().to_string())
                ]
            ),
            phase.title.get(cx.lang)
        );
        let mut kind = i18n::phase_kind(cx.lang, phase.kind).to_string();
        if phase.kind == PhaseKind::Round
            && let Some(round) = &state.round
        {
            kind = format!("{kind} · {}", i18n::order_rule(cx.lang, round.rule));
        }
        Paragraph::new(vec![
            Line::from(Span::styled(
                fit(&title, area.width as usize),
                theme.heading(),
            )),
            Line::from(Span::styled(fit(&kind, area.width as usize), theme.quiet())),
        ])
        .render(row(y, 2), buf);
        y += 3;

        // The prompt, large enough to read from the back: bold, wrapped.
        let (prompt_rows, body) = self.phase_rows(area, cx);
        if let Some(h) = prompt_rows {
            widgets::wrapped(
                vec![Line::from(Span::styled(
                    phase.prompt.get(cx.lang),
                    theme.current(),
                ))],
                row(y, h),
                buf,
            );
        }
        y = body.y;
        match phase.kind {
            PhaseKind::Round | PhaseKind::Open => self.render_turn(body, buf, cx, now),
            PhaseKind::Writing | PhaseKind::Ideas | PhaseKind::Grouping => {
                ideas::render(self, body, buf, cx)
            }
            PhaseKind::Vote => vote::render(self, body, buf, cx),
            PhaseKind::Decisions | PhaseKind::Actions | PhaseKind::ReviewActions => {
                records::render(self, body, buf, cx)
            }
            _ => {
                // Info: the text, one item per line; every phase: the phase countdown big.
                let text = crate::model::format::phase_text(&state.agenda, index, cx.lang);
                if !text.is_empty() && y < bottom {
                    // One item per line, wrapped with a hanging indent under its bullet.
                    let mut lines = Vec::new();
                    for item in text.lines().filter(|l| !l.trim().is_empty()) {
                        let wrapped =
                            widgets::wrap_words(item, (area.width as usize).saturating_sub(2));
                        for (n, part) in wrapped.into_iter().enumerate() {
                            let bullet = if n == 0 { "• " } else { "  " };
                            lines.push(Line::from(vec![
                                Span::styled(bullet, theme.current()),
                                Span::styled(part, theme.heading()),
                            ]));
                        }
                    }
                    let h = (lines.len() as u16).min(bottom.saturating_sub(y));
                    Paragraph::new(lines).render(row(y, h), buf);
                    y += h + 1;
                }
                self.render_phase_clock(row(y, bottom.saturating_sub(y)), buf, cx, now, true);
            }
        }
    }

    /// In the main column `area`, the rows of the running phase's prompt (if it has one and
    /// there is room) and the phase's own part: under the title and kind (two rows and a
    /// blank) and the prompt (and a blank).
    fn phase_rows(&self, area: Rect, cx: &Ctx) -> (Option<u16>, Rect) {
        let state = self.state();
        let prompt = state
            .phase
            .map_or("", |index| state.agenda[index].prompt.get(cx.lang));
        let bottom = area.bottom();
        let mut y = area.y + 3;
        let prompt_rows = (!prompt.is_empty() && y < bottom)
            .then(|| widgets::wrapped_height(prompt, area.width).min(6));
        if let Some(h) = prompt_rows {
            y += h + 1;
        }
        let body = Rect {
            x: area.x,
            y,
            width: area.width,
            height: bottom.saturating_sub(y),
        };
        (prompt_rows, body)
    }

    /// The phase countdown, big when `big`, else one line.
    fn render_phase_clock(
        &self,
        area: Rect,
        buf: &mut Buffer,
        cx: &Ctx,
        now: u64,
        big: bool,
    ) -> u16 {
        if area.height == 0 {
            return 0;
        }
        let t = cx.t();
        let theme = cx.theme;
        let state = self.state();
        let (text, label, style) = match state.phase_remaining(now) {
            Some(r) if r <= 0 => (
                countdown(r),
                t.meeting_phase_over.to_string(),
                theme.overrun(),
            ),
            Some(r) if r <= 60_000 => (
                countdown(r),
                t.meeting_phase_left.to_string(),
                theme.warning(),
            ),
            Some(r) => (countdown(r), t.meeting_phase_left.to_string(), theme.text()),
            None => (
                widgets::clock(state.phase_elapsed(now)),
                t.meeting_phase_time.to_string(),
                theme.text(),
            ),
        };
        if big {
            let rows = area.height.saturating_sub(1).min(16);
            let used = big_text(&text, style, area, rows, buf);
            let label_area = Rect {
                y: area.y + used,
                height: 1,
                ..area
            }
            .intersection(area);
            Paragraph::new(Line::from(Span::styled(label, style)))
                .alignment(Alignment::Center)
                .render(label_area, buf);
            used + 1
        } else {
            Paragraph::new(Line::from(vec![
                Span::styled(format!("{label}  "), theme.quiet()),
                Span::styled(text, style),
            ]))
            .alignment(Alignment::Center)
            .render(Rect { height: 1, ..area }, buf);
            1
        }
    }

    /// The speaker block of rounds and open discussions.
    fn render_turn(&self, area: Rect, buf: &mut Buffer, cx: &Ctx, now: u64) {
        let t = cx.t();
        let theme = cx.theme;
        let state = self.state();
        let mut y = area.y;
        let bottom = area.bottom();
        let row = |y: u16, h: u16| Rect {
            x: area.x,
            y,
            width: area.width,
            height: h.min(bottom.saturating_sub(y)),
        };
        let line = |y: u16, text: String, style: Style, buf: &mut Buffer| {
            Paragraph::new(Line::from(Span::styled(
                fit(&text, area.width as usize),
                style,
            )))
            .alignment(Alignment::Center)
            .render(row(y, 1), buf);
        };
        match &state.turn {
            Some(turn) => {
                let name = state.person(&turn.speaker).map_or("?", |p| p.name.as_str());
                let role = state
                    .person(&turn.speaker)
                    .map_or("", |p| i18n::role(cx.lang, p.role));
                let (text, label, style) = match state.turn_remaining(now) {
                    Some(r) if r <= 0 => (
                        countdown(r),
                        t.meeting_turn_over.to_string(),
                        theme.overrun(),
                    ),
                    Some(r) if r <= 10_000 => (
                        countdown(r),
                        t.meeting_turn_left.to_string(),
                        theme.warning(),
                    ),
                    Some(r) => (countdown(r), t.meeting_turn_left.to_string(), theme.text()),
                    None => (
                        widgets::clock(state.turn_elapsed(now)),
                        t.meeting_turn_time.to_string(),
                        theme.text(),
                    ),
                };
                let upper = name.to_uppercase();
                // Everything but the name and the clock takes 6 rows; give the clock the
                // room first (it is what the speaker watches), then the name, and centre the
                // block in what is left. The clock is sized for its widest text ("+10:00").
                let left = bottom.saturating_sub(y);
                let clock_rows = [16, 8, 4]
                    .into_iter()
                    .find(|rows| left >= 6 + rows + 4)
                    .unwrap_or(1);
                let clock_rows = widgets::big_rows("+00:00", area, clock_rows);
                let name_rows = if left >= 6 + clock_rows + 4 { 4 } else { 1 };
                let name_rows = widgets::big_rows(&upper, area, name_rows);
                let block = 6 + name_rows + clock_rows;
                y += left.saturating_sub(block) / 3;
                line(y, t.meeting_speaking.to_string(), theme.quiet(), buf);
                y += 1;
                y += big_text(&upper, theme.current(), row(y, name_rows), name_rows, buf);
                line(y, role.to_string(), theme.quiet(), buf);
                y += 1;
                if y < bottom {
                    let used = big_text(&text, style, row(y, clock_rows), clock_rows, buf);
                    y += used;
                    line(y, label, style, buf);
                    y += 2;
                }
                if y < bottom {
                    self.render_phase_clock(row(y, 1), buf, cx, now, false);
                    y += 1;
                }
                if let Some(next) = self.next_name(cx) {
                    line(
                        y,
                        format!("{}: {next}", t.meeting_next_up),
                        theme.text(),
                        buf,
                    );
                }
            }
            None => {
                let (text, style) =
                    match (state.current_phase().map(|p| p.kind), self.next_name(cx)) {
                        (Some(PhaseKind::Round), _) if state.round_complete() => {
                            // On the last item the way on is to end the meeting, not "next".
                            let last = state.phase.is_none_or(|p| p + 1 >= state.agenda.len());
                            let (text, action) = if last {
                                (t.meeting_round_done_last, Action::EndMeeting)
                            } else {
                                (t.meeting_round_done_next, Action::NextPhase)
                            };
                            let key = cx.key_for(KeyContext::MeetingRound, action);
                            (fill(text, &[("key", &key)]), theme.done())
                        }
                        (_, Some(next)) => {
                            let key = cx.key_for(self.context(), Action::NextSpeaker);
                            line(y, t.meeting_next_up.to_string(), theme.quiet(), buf);
                            y += 1;
                            let rows = if bottom.saturating_sub(y) >= 14 { 4 } else { 1 };
                            y += big_text(
                                &next.to_uppercase(),
                                theme.current(),
                                row(y, rows),
                                rows,
                                buf,
                            );
                            // "the first turn" only while this item has had none.
                            let phase = state.phase;
                            let started = state.turns.iter().any(|turn| Some(turn.phase) == phase);
                            let text = if started {
                                t.meeting_press_to_start_next
                            } else {
                                t.meeting_press_to_start
                            };
                            (fill(text, &[("key", &key)]), theme.key())
                        }
                        (Some(PhaseKind::Open), None) => {
                            (t.meeting_queue_empty.to_string(), theme.quiet())
                        }
                        _ => (t.meeting_round_complete.to_string(), theme.done()),
                    };
                line(y, text, style, buf);
                y += 2;
                self.render_phase_clock(row(y, bottom.saturating_sub(y)), buf, cx, now, true);
            }
        }
    }

    /// Who speaks next: the next in the round (or the first who passed), or the first hand.
    fn next_name(&self, _cx: &Ctx) -> Option<String> {
        let state = self.state();
        let id = match state.current_phase()?.kind {
            PhaseKind::Round => match state.next_up() {
                Some((_, id)) => Some(id),
                None if state.round.as_ref().is_some_and(|r| !r.returned) => {
                    state.passers().first().cloned()
                }
                None => None,
            },
            PhaseKind::Open => state.queue().first().cloned(),
            _ => None,
        }?;
        state.person(&id).map(|p| p.name.clone())
    }

    fn render_side(&self, area: Rect, buf: &mut Buffer, cx: &Ctx, now: u64) {
        let t = cx.t();
        let theme = cx.theme;
        let state = self.state();
        let width = area.width as usize;
        let mut lines: Vec<Line> = Vec::new();

        // Airtime against seats, per side.
        lines.push(Line::from(Span::styled(t.meeting_airtime, theme.heading())));
        let label_width = Side::ALL
            .iter()
            .map(|s| i18n::side(cx.lang, *s).chars().count())
            .max()
            .unwrap_or(0);
        for row in state.side_shares(now) {
            let side = row.side;
            let share = row.airtime_share();
            let name = i18n::side(cx.lang, side);
            let air = widgets::percent(row.airtime_ms, row.total_airtime_ms);
            let bar_width = width.saturating_sub(label_width + 2 + 6);
            lines.push(Line::from(vec![
                Span::styled(format!("{name:<label_width$} "), theme.text()),
                Span::styled(widgets::bar(share, bar_width), theme.side(side)),
                Span::styled(format!(" {air:>5}"), theme.heading()),
            ]));
            let seats_share = fill(
                t.meeting_seats_share,
                &[(
                    "seats",
                    &widgets::percent(row.seats as u64, row.total_seats as u64),
                )],
            );
            // Under the bar when it fits; else from the left edge, so the words stay whole.
            let indent = if label_width + 1 + seats_share.chars().count() <= width {
                label_width + 1
            } else {
                0
            };
            lines.push(Line::from(Span::styled(
                fit(&format!("{:indent$}{seats_share}", ""), width),
                theme.quiet(),
            )));
        }
        lines.push(Line::default());

        let kind = state.current_phase().map(|p| p.kind);
        if kind == Some(PhaseKind::Round)
            && let Some(round) = &state.round
        {
            let title = if round.returned
                && round.next_slot > round.first_pass_len
                && !state.round_complete()
            {
                t.meeting_returning
            } else {
                t.meeting_order
            };
            lines.push(Line::from(Span::styled(title, theme.heading())));
            let current_slot = state.turn.as_ref().and_then(|turn| turn.slot);
            let outcome = |slot: usize| {
                state.turns[round.first_turn..]
                    .iter()
                    .rev()
                    .find(|turn| turn.slot == Some(slot))
                    .map(|turn| turn.passed)
            };
            // The last two rows are kept for the "not heard yet" count: of everything in
            // this panel it is the last to go on a small screen.
            let rows_left = (area.height as usize).saturating_sub(lines.len() + 2);
            // Keep the current speaker in view when the order is longer than the panel.
            let focus = current_slot.unwrap_or(round.next_slot);
            let start = focus
                .saturating_sub(rows_left.saturating_sub(2) / 2)
                .min(round.lineup.len().saturating_sub(rows_left));
            for (slot, id) in round.lineup.iter().enumerate().skip(start).take(rows_left) {
                let name = state.person(id).map_or("?", |p| p.name.as_str());
                let present = state.is_present(id);
                let (mark, style, note) = if current_slot == Some(slot) {
                    ("▶", theme.current(), "")
                } else {
                    match outcome(slot) {
                        Some(false) => ("✓", theme.done(), ""),
                        Some(true) => ("↷", theme.quiet(), t.meeting_passed),
                        None if !present => ("–", theme.quiet(), t.absent),
                        None => ("·", theme.text(), ""),
                    }
                };
                let text = if note.is_empty() {
                    name.to_string()
                } else {
                    format!("{name} ({note})")
                };
                lines.push(Line::from(vec![
                    Span::styled(format!("{mark} "), style),
                    Span::styled(fit(&text, width.saturating_sub(2)), style),
                ]));
            }
            let silent = state.not_spoken_yet().len();
            let count = if silent == 0 {
                Line::from(Span::styled(t.meeting_everyone_spoken, theme.done()))
            } else {
                Line::from(Span::styled(
                    format!("{} ({silent})", t.meeting_not_spoken),
                    theme.heading(),
                ))
            };
            // On a panel too short for everything the rows above give way, not the count.
            lines.truncate((area.height as usize).saturating_sub(2));
            if area.height >= 2 {
                lines.push(Line::default());
            }
            lines.push(count);
        } else {
            if kind == Some(PhaseKind::Open) {
                lines.push(Line::from(Span::styled(t.meeting_queue, theme.heading())));
                let queue = state.queue();
                if queue.is_empty() {
                    lines.push(Line::from(Span::styled(
                        fit(t.meeting_queue_empty, width),
                        theme.quiet(),
                    )));
                }
                for (n, id) in queue.iter().enumerate() {
                    let name = state.person(id).map_or("?", |p| p.name.as_str());
                    lines.push(Line::from(Span::styled(
                        fit(&format!("{}. {name}", n + 1), width),
                        theme.text(),
                    )));
                }
                lines.push(Line::default());
            }
            let silent = state.not_spoken_yet();
            // Said once: either who is still to be heard, or that everyone has been.
            lines.push(if silent.is_empty() {
                Line::from(Span::styled(
                    fit(t.meeting_everyone_spoken, width),
                    theme.done(),
                ))
            } else {
                Line::from(Span::styled(
                    format!("{} ({})", t.meeting_not_spoken, silent.len()),
                    theme.heading(),
                ))
            });
            for p in silent {
                lines.push(Line::from(Span::styled(
                    fit(&format!("· {}", p.name), width),
                    theme.text(),
                )));
            }
        }
        Paragraph::new(lines).render(area, buf);
    }
}
