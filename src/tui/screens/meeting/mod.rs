//! The meeting screen, the one projected on the wall: the agenda, the prompt, who is
//! speaking with their countdown, and the live balance of airtime between students, staff
//! and external members.
//!
//! This file holds the running meeting's state and its keys; `draw` lays the screen out,
//! `speaker` and `airtime` draw the turn-taking phases, `dialogs` are the meeting's own
//! pickers, and `ideas`, `vote` and `records` are the phases that produce something
//! (their common shape is described in `phase`).

use std::path::PathBuf;

use ratatui::layout::Rect;

use crate::i18n::{self, fill};
use crate::model::{
    Command, EventSource, Meeting, MeetingState, PhaseKind, Refusal, SessionRecord, Status,
};
use crate::tui::app::{Ctx, Effect, Next};
use crate::tui::keymap::{Action, KeyContext};
use crate::tui::overlay::{Answer, Overlay, Prompt, Purpose};

mod airtime;
mod audience;
mod dialogs;
mod draw;
pub mod ideas;
pub mod live;
mod phase;
pub mod records;
mod speaker;
pub mod vote;

pub use audience::WallView;
use dialogs::end_menu;
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
        // A clock change saved in the meeting but not yet in the clock file (parvi stopped
        // between the two writes) is carried over now.
        let events = view.meeting.record().events.iter().map(|e| &e.event);
        view.carry_clock_events(events, cx);
        if view.meeting.state().status == Status::NotStarted {
            view.run(Command::Start, cx);
        } else {
            view.run(Command::Reopen { gap_ms }, cx);
            view.reopened_gap = Some(gap_ms);
        }
        view
    }

    /// Opens a record to look at, running no command (the wall's view of a meeting).
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
            Some(PhaseKind::YearClock) => KeyContext::MeetingClock,
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
        match self.apply(command, None, cx) {
            Ok(()) => true,
            Err(refusal) => {
                cx.error(i18n::refusal(cx.lang, &refusal));
                false
            }
        }
    }

    /// Carries out a command from `source` (a phone; `None`: the keyboard) and saves the
    /// meeting; a refusal is the caller's to say.
    pub fn apply(
        &mut self,
        command: Command,
        source: Option<EventSource>,
        cx: &mut Ctx,
    ) -> Result<(), Refusal> {
        let now = cx.now();
        let seed = cx.random();
        let before = self.meeting.record().events.len();
        self.meeting.execute_from(command, now, seed, source)?;
        // A new phase starts with fresh screen state (no selection left over).
        self.sync_ui();
        if cx.data.access.is_writable() {
            self.save(cx);
            self.last_save_try_ms = now.mono_ms;
            let record = self.meeting.record();
            let events = record.events[before.min(record.events.len())..]
                .iter()
                .map(|e| &e.event);
            self.carry_clock_events(events, cx);
        }
        if !self.state().paused {
            self.reopened_gap = None;
        }
        Ok(())
    }

    /// Asks the loop to carry the clock events among `events` over to the group's clock file,
    /// after the meeting's own save (the log is written first: it is the record).
    fn carry_clock_events<'a>(
        &self,
        events: impl Iterator<Item = &'a crate::model::EventKind>,
        cx: &mut Ctx,
    ) {
        let events: Vec<_> = events.filter(|e| e.changes_clock()).cloned().collect();
        if !events.is_empty() && cx.data.access.is_writable() {
            cx.effect(Effect::ApplyClockEvents {
                group: self.meeting.record().group.id.clone(),
                events,
            });
        }
    }

    /// Asks the loop to save the meeting as it is now. Earlier saves still waiting in the same
    /// batch are dropped: the newest record holds everything they held.
    fn save(&self, cx: &mut Ctx) {
        cx.effects
            .retain(|e| !matches!(e, Effect::SaveMeeting { .. }));
        // Before any clock change still waiting: the log holds a change before the clock
        // file does, never the other way round.
        let at = cx
            .effects
            .iter()
            .position(|e| matches!(e, Effect::ApplyClockEvents { .. }))
            .unwrap_or(cx.effects.len());
        cx.effects.insert(
            at,
            Effect::SaveMeeting {
                path: self.path.clone(),
                record: Box::new(self.meeting.record().clone()),
            },
        );
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
            Some(
                PhaseKind::Decisions
                | PhaseKind::Actions
                | PhaseKind::ReviewActions
                | PhaseKind::YearClock,
            ) => records::keys(self.context())
                .iter()
                .any(|b| b.action == action)
                .then(|| records::offers(self, action, cx)),
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
            // go on, give the previous speaker a new turn): the engine's own rule says.
            Action::PreviousSpeaker => state.can_go_back(cx.now().mono_ms),
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
            Some(
                PhaseKind::Decisions
                | PhaseKind::Actions
                | PhaseKind::ReviewActions
                | PhaseKind::YearClock,
            ) => records::act(self, action, cx),
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
            Action::WallHow => {
                let wall = &cx.t().wall;
                cx.info(if cx.wall_following {
                    wall.how_open
                } else {
                    wall.how
                });
            }
            Action::Phones => {
                if cx.phones_wanted {
                    cx.phones_wanted = false;
                } else {
                    return self.phones_on(cx);
                }
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
            Action::GoToPhase => return Next::Open(self.go_to_phase_picker(cx)),
            Action::RaiseHand => return Next::Open(self.hands_picker(true, cx)),
            Action::GiveFloor => return Next::Open(self.hands_picker(false, cx)),
            Action::Attendance => return Next::Open(self.attendance_picker(cx)),
            Action::Note => return Next::Open(self.note_prompt(cx)),
            Action::EndMeeting | Action::Quit => return Next::Open(end_menu(cx)),
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
            (Purpose::PhoneAddress(addresses), Answer::Picked(i)) => {
                if let Some(ip) = addresses.get(i) {
                    cx.phones_address = Some(*ip);
                    cx.phones_wanted = true;
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
}
