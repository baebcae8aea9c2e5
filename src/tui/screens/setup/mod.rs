//! Setting up a meeting, one step at a time: the group, the format, who is here (guests
//! too), the topic, and this meeting's agenda (reorder, drop, change timeboxes).

use crossterm::event::{KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use crate::i18n;
use crate::i18n::Lang;
use crate::model::format::Localized;
use crate::model::format::MAX_PHASE_MINUTES;
use crate::model::{MemberId, Participant, Phase, PhaseKind, Role, SessionRecord};
use crate::store::Paths;
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{Action, KeyContext};
use crate::tui::overlay::{Answer, Item, Overlay, Prompt, Purpose};

mod draw;

/// The steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Group,
    Format,
    Attendance,
    Topic,
    Agenda,
}

const STEPS: [Step; 5] = [
    Step::Group,
    Step::Format,
    Step::Attendance,
    Step::Topic,
    Step::Agenda,
];

/// The longest topic accepted, in characters.
const MAX_TOPIC_CHARS: usize = 120;

/// The setup wizard's state.
#[derive(Debug, Clone)]
pub struct Setup {
    pub step: Step,
    /// Index into the data's groups.
    pub group: usize,
    /// Index into the data's formats.
    pub format: usize,
    /// The selected row of the step's list.
    pub cursor: usize,
    /// Everyone who could be here, with attendance; guests at the end.
    pub people: Vec<Participant>,
    pub topic: Input,
    pub agenda: Vec<Phase>,
    /// The group's open actions from earlier meetings (read by the loop when the group is
    /// chosen), followed up in the meeting's `review_actions` phase.
    pub carried: Vec<crate::model::outcomes::ActionItem>,
}

impl Setup {
    /// A new setup; with a group (and a format) already chosen it starts further on.
    pub fn new(cx: &mut Ctx, group: Option<usize>, format: Option<usize>) -> Setup {
        let mut setup = Setup {
            step: Step::Group,
            group: group
                .unwrap_or(0)
                .min(cx.data.groups.len().saturating_sub(1)),
            format: format
                .unwrap_or(0)
                .min(cx.data.formats.len().saturating_sub(1)),
            cursor: 0,
            people: Vec::new(),
            topic: Input::default(),
            agenda: Vec::new(),
            carried: Vec::new(),
        };
        setup.cursor = setup.group;
        if group.is_some() {
            setup.enter(Step::Format, cx);
            if format.is_some() {
                setup.enter(Step::Attendance, cx);
            }
        }
        setup
    }

    /// Where the keyboard is.
    pub fn context(&self) -> KeyContext {
        match self.step {
            Step::Attendance => KeyContext::SetupAttendance,
            Step::Agenda => KeyContext::SetupAgenda,
            Step::Topic => KeyContext::SetupText,
            _ => KeyContext::SetupList,
        }
    }

    /// Whether an action can do something now (for the footer).
    pub fn offers(&self, action: Action) -> bool {
        match action {
            Action::CycleOrder => self
                .agenda
                .get(self.cursor)
                .is_some_and(|p| self.step == Step::Agenda && p.kind.has_turns()),
            Action::Remove => self.step == Step::Agenda && self.agenda.len() > 1,
            Action::Toggle if self.step == Step::Agenda => self
                .agenda
                .get(self.cursor)
                .is_some_and(|p| p.takes_ideas()),
            _ => true,
        }
    }

    /// Whether a text field has the keyboard.
    pub fn takes_text(&self) -> bool {
        self.step == Step::Topic
    }

    /// Types a key into the topic; returns whether it was used. Enter and Esc go on to the
    /// keymap (next and previous step).
    pub fn type_key(&mut self, key: &KeyEvent) -> bool {
        if key
            .modifiers
            .contains(crossterm::event::KeyModifiers::CONTROL)
            && key.code == KeyCode::Char('c')
        {
            return false;
        }
        match key.code {
            KeyCode::Enter | KeyCode::Esc | KeyCode::Tab => false,
            KeyCode::Char(_) if self.topic.value().chars().count() >= MAX_TOPIC_CHARS => true,
            _ => {
                self.topic.handle_event(&crossterm::event::Event::Key(*key));
                true
            }
        }
    }

    /// Pasted text goes into the topic.
    pub fn paste(&mut self, text: &str) {
        if self.step == Step::Topic {
            for c in text.chars().filter(|c| !c.is_control()) {
                if self.topic.value().chars().count() < MAX_TOPIC_CHARS {
                    self.topic.handle(tui_input::InputRequest::InsertChar(c));
                }
            }
        }
    }

    /// Moves to a step, preparing what it shows.
    fn enter(&mut self, step: Step, cx: &mut Ctx) {
        match step {
            Step::Group => self.cursor = self.group,
            Step::Format => {
                self.cursor = self.format;
                if let Some(group) = cx.data.groups.get(self.group) {
                    cx.effect(crate::tui::app::Effect::LoadOpenActions(group.id.clone()));
                }
            }
            Step::Attendance => {
                let group = &cx.data.groups[self.group];
                // Keep choices made earlier if the group did not change.
                let same = self
                    .people
                    .iter()
                    .filter(|p| !p.guest)
                    .map(|p| &p.id)
                    .eq(group.members.iter().map(|m| &m.id));
                if !same {
                    self.people = SessionRecord::new(
                        uuid::Uuid::nil(),
                        cx.now().at,
                        "",
                        group,
                        &cx.data.formats[self.format].format,
                        |_| false,
                    )
                    .participants;
                }
                self.cursor = 0;
            }
            Step::Topic => {}
            Step::Agenda => {
                if self.agenda.is_empty() || step > self.step {
                    self.agenda = cx.data.formats[self.format].format.phases.clone();
                }
                self.cursor = 0;
            }
        }
        self.step = step;
    }

    fn list_len(&self, cx: &Ctx) -> usize {
        match self.step {
            Step::Group => cx.data.groups.len(),
            Step::Format => cx.data.formats.len(),
            Step::Attendance => self.people.len(),
            Step::Topic => 0,
            Step::Agenda => self.agenda.len(),
        }
    }

    pub fn act(&mut self, action: Action, cx: &mut Ctx) -> Next {
        let t = cx.t();
        let len = self.list_len(cx);
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(len.saturating_sub(1)),
            Action::Back => {
                let index = STEPS.iter().position(|s| *s == self.step).unwrap_or(0);
                if index == 0 {
                    return Next::Home;
                }
                self.enter(STEPS[index - 1], cx);
            }
            Action::Confirm => return self.confirm(cx),
            Action::Toggle if self.step == Step::Attendance => {
                if let Some(p) = self.people.get_mut(self.cursor) {
                    p.present = !p.present;
                }
            }
            Action::Add if self.step == Step::Attendance => {
                return Next::Open(Overlay::Prompt(Prompt::new(
                    t.meeting_guest_name,
                    "",
                    "",
                    Purpose::SetupGuestName,
                    crate::model::group::MAX_NAME_CHARS,
                )));
            }
            _ if self.step == Step::Agenda => return self.edit_agenda(action, cx),
            _ => {}
        }
        Next::Stay
    }

    /// The step's choice is made: on to the next step, or the meeting starts.
    fn confirm(&mut self, cx: &mut Ctx) -> Next {
        let t = cx.t();
        match self.step {
            Step::Group => {
                self.group = self.cursor;
                self.enter(Step::Format, cx);
            }
            Step::Format => {
                if self.format != self.cursor {
                    self.agenda.clear();
                }
                self.format = self.cursor;
                self.enter(Step::Attendance, cx);
            }
            Step::Attendance => {
                if self.people.iter().any(|p| p.present) {
                    self.enter(Step::Topic, cx);
                } else {
                    cx.error(t.setup_need_someone);
                }
            }
            Step::Topic => self.enter(Step::Agenda, cx),
            Step::Agenda => return self.start(cx),
        }
        Next::Stay
    }

    /// Changing this meeting's agenda: timeboxes, naming, order rules, moving, adding and
    /// dropping items.
    fn edit_agenda(&mut self, action: Action, cx: &mut Ctx) -> Next {
        let t = cx.t();
        match action {
            Action::MoreTime | Action::LessTime => {
                if let Some(phase) = self.agenda.get_mut(self.cursor) {
                    phase.minutes = if action == Action::MoreTime {
                        (phase.minutes + 1).min(MAX_PHASE_MINUTES)
                    } else {
                        phase.minutes.saturating_sub(1)
                    };
                }
            }
            Action::Toggle => {
                // The facilitator decides, for this meeting, whether ideas carry names.
                if let Some(phase) = self.agenda.get_mut(self.cursor)
                    && phase.takes_ideas()
                {
                    phase.attributed = !phase.attributed;
                }
            }
            Action::CycleOrder => {
                if let Some(phase) = self.agenda.get_mut(self.cursor)
                    && phase.kind.has_turns()
                {
                    let rules = crate::model::OrderRule::ALL;
                    let current = phase.order.unwrap_or_default();
                    let at = rules.iter().position(|r| *r == current).unwrap_or(0);
                    phase.order = Some(rules[(at + 1) % rules.len()]);
                }
            }
            Action::MoveUp | Action::MoveDown => {
                let to = if action == Action::MoveUp {
                    self.cursor.checked_sub(1)
                } else {
                    Some(self.cursor + 1).filter(|i| *i < self.agenda.len())
                };
                if let Some(to) = to {
                    self.agenda.swap(self.cursor, to);
                    self.cursor = to;
                }
            }
            Action::Add => {
                let items = PhaseKind::ALL
                    .iter()
                    .map(|kind| {
                        Item::new(
                            crate::i18n::capitalise(i18n::phase_kind(cx.lang, *kind)),
                            "",
                        )
                    })
                    .collect();
                return Next::Open(Overlay::picker(
                    t.setup_add_phase,
                    items,
                    0,
                    Purpose::SetupAddPhase,
                ));
            }
            Action::Remove => {
                if self.agenda.len() > 1 {
                    self.agenda.remove(self.cursor);
                    self.cursor = self.cursor.min(self.agenda.len() - 1);
                } else {
                    cx.error(t.setup_keep_one_phase);
                }
            }
            _ => {}
        }
        Next::Stay
    }

    pub fn answer(&mut self, purpose: Purpose, answer: Answer, cx: &mut Ctx) -> Next {
        match (purpose, answer) {
            (Purpose::SetupGuestName, Answer::Text(name)) if !name.is_empty() => {
                return Next::Open(Overlay::roles(
                    cx,
                    cx.t().meeting_guest_role,
                    None,
                    Purpose::SetupGuestRole(name),
                ));
            }
            (Purpose::SetupAddPhase, Answer::Picked(i)) => {
                if let Some(kind) = PhaseKind::ALL.get(i).copied() {
                    self.add_phase(kind);
                }
            }
            (Purpose::SetupGuestRole(name), Answer::Picked(i)) => {
                let role = Role::ALL.get(i).copied().unwrap_or(Role::ExternalExpert);
                if let Ok(name) = crate::model::group::clean_name(&name) {
                    let n = self.people.iter().filter(|p| p.guest).count() + 1;
                    self.people.push(Participant {
                        id: MemberId(format!("g{n}")),
                        name,
                        role,
                        guest: true,
                        present: true,
                    });
                    self.cursor = self.people.len() - 1;
                }
            }
            _ => {}
        }
        Next::Stay
    }

    /// Puts a new item of `kind` after the selected one, titled with the kind's name in each
    /// language, and selects it so its minutes can be set at once.
    fn add_phase(&mut self, kind: PhaseKind) {
        let title = Localized {
            fi: Some(crate::i18n::capitalise(i18n::phase_kind(Lang::Fi, kind))),
            sv: Some(crate::i18n::capitalise(i18n::phase_kind(Lang::Sv, kind))),
            en: Some(crate::i18n::capitalise(i18n::phase_kind(Lang::En, kind))),
        };
        let id = (1..)
            .map(|n| format!("added_{n}"))
            .find(|id| !self.agenda.iter().any(|p| &p.id == id))
            .unwrap_or_default();
        let at = (self.cursor + 1).min(self.agenda.len());
        self.agenda.insert(at, Phase::added(id, kind, title));
        self.cursor = at;
    }

    /// Starts a meeting at once: everyone present, the format's own agenda.
    pub fn straight(
        cx: &mut Ctx,
        group: usize,
        format: usize,
        topic: &str,
        carried: Vec<crate::model::outcomes::ActionItem>,
    ) -> Next {
        let mut setup = Setup::new(cx, Some(group), Some(format));
        setup.carried = carried;
        setup.topic = Input::new(topic.to_string());
        setup.agenda = cx.data.formats[setup.format].format.phases.clone();
        setup.start(cx)
    }

    /// Creates the meeting and starts it.
    fn start(&mut self, cx: &mut Ctx) -> Next {
        let now = cx.now();
        let mut format = cx.data.formats[self.format].format.clone();
        format.phases = self.agenda.clone();
        let id = cx.new_id();
        let mut record = SessionRecord::new(
            id,
            now.at,
            self.topic.value().trim(),
            &cx.data.groups[self.group],
            &format,
            |_| false,
        );
        record.participants = self.people.clone();
        record.carried_actions = self.carried.clone();
        let group_id = &cx.data.groups[self.group].id;
        record.clock = cx
            .data
            .clocks
            .iter()
            .find(|c| &c.group == group_id)
            .cloned();
        record.utc_offset_s = cx.tz.to_offset(now.at).seconds();
        let date = now.at.to_zoned_datetime(cx.tz.clone()).date();
        let path = cx
            .data
            .sessions_dir
            .join(Paths::session_file_name(date, &id));
        Next::StartMeeting {
            record: Box::new(record),
            path,
        }
    }
}
