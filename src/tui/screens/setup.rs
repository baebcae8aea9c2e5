//! Setting up a meeting, one step at a time: the group, the format, who is here (guests
//! too), the topic, and this meeting's agenda (reorder, drop, change timeboxes).

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use crate::i18n::Lang;
use crate::i18n::{self, fill};
use crate::model::format::Localized;
use crate::model::format::MAX_PHASE_MINUTES;
use crate::model::{MemberId, Participant, Phase, PhaseKind, Role, SessionRecord};
use crate::store::Paths;
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{Action, KeyContext};
use crate::tui::overlay::{Answer, Item, Overlay, Prompt, Purpose};
use crate::tui::widgets::fit;

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
            Action::Confirm => match self.step {
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
            },
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
            Action::MoreTime | Action::LessTime if self.step == Step::Agenda => {
                if let Some(phase) = self.agenda.get_mut(self.cursor) {
                    phase.minutes = if action == Action::MoreTime {
                        (phase.minutes + 1).min(MAX_PHASE_MINUTES)
                    } else {
                        phase.minutes.saturating_sub(1)
                    };
                }
            }
            Action::Toggle if self.step == Step::Agenda => {
                // The facilitator decides, for this meeting, whether ideas carry names.
                if let Some(phase) = self.agenda.get_mut(self.cursor)
                    && phase.takes_ideas()
                {
                    phase.attributed = !phase.attributed;
                }
            }
            Action::CycleOrder if self.step == Step::Agenda => {
                if let Some(phase) = self.agenda.get_mut(self.cursor)
                    && phase.kind.has_turns()
                {
                    let rules = crate::model::OrderRule::ALL;
                    let current = phase.order.unwrap_or_default();
                    let at = rules.iter().position(|r| *r == current).unwrap_or(0);
                    phase.order = Some(rules[(at + 1) % rules.len()]);
                }
            }
            Action::MoveUp | Action::MoveDown if self.step == Step::Agenda => {
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
            Action::Add if self.step == Step::Agenda => {
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
            Action::Remove if self.step == Step::Agenda => {
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

    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let index = STEPS.iter().position(|s| *s == self.step).unwrap_or(0);
        let question = match self.step {
            Step::Group => t.setup_pick_group,
            Step::Format => t.setup_pick_format,
            Step::Attendance => t.setup_attendance,
            Step::Topic => t.setup_topic,
            Step::Agenda => t.setup_agenda,
        };
        let step = fill(
            t.setup_step,
            &[
                ("n", &(index + 1).to_string()),
                ("total", &STEPS.len().to_string()),
            ],
        );
        let mut context = vec![t.setup_title.to_string(), step];
        if self.step > Step::Group {
            context.push(cx.data.groups[self.group].name.clone());
        }
        if self.step > Step::Format {
            context.push(
                cx.data.formats[self.format]
                    .format
                    .title
                    .get(cx.lang)
                    .to_string(),
            );
        }
        let [head, _, body] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        Paragraph::new(vec![
            Line::from(Span::styled(
                fit(&context.join(" · "), head.width as usize),
                theme.quiet(),
            )),
            Line::default(),
            Line::from(Span::styled(question, theme.heading())),
        ])
        .render(head, buf);
        let width = body.width as usize;
        let rows: Vec<(String, String, Option<bool>)> = match self.step {
            Step::Group => cx
                .data
                .groups
                .iter()
                .map(|g| {
                    (
                        g.name.clone(),
                        fill(
                            i18n::plural(&t.home_members, g.members.len()),
                            &[("count", &g.members.len().to_string())],
                        ),
                        None,
                    )
                })
                .collect(),
            Step::Format => cx
                .data
                .formats
                .iter()
                .map(|f| {
                    (
                        f.format.title.get(cx.lang).to_string(),
                        fill(
                            i18n::plural(&t.home_phases, f.format.phases.len()),
                            &[
                                ("count", &f.format.phases.len().to_string()),
                                ("minutes", &f.format.total_minutes().to_string()),
                            ],
                        ),
                        None,
                    )
                })
                .collect(),
            Step::Attendance => self
                .people
                .iter()
                .map(|p| {
                    let mut detail = i18n::role(cx.lang, p.role).to_string();
                    if p.guest {
                        detail = format!("{detail} · {}", t.guest);
                    }
                    (p.name.clone(), detail, Some(p.present))
                })
                .collect(),
            Step::Topic => Vec::new(),
            Step::Agenda => self
                .agenda
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let mut detail = i18n::phase_kind(cx.lang, p.kind).to_string();
                    if let Some(turn) = p.turn_seconds {
                        detail = format!("{detail} · {turn} {}", t.seconds_short);
                    }
                    if p.takes_ideas() && p.attributed {
                        detail = format!("{detail} · {}", t.setup_named);
                    }
                    if p.kind.has_turns() {
                        let rule = p.order.unwrap_or_default();
                        detail = format!("{detail} · {}", i18n::order_rule(cx.lang, rule));
                    }
                    (
                        format!("{:>2}. {}", i + 1, p.title.get(cx.lang)),
                        format!("{:>3} {}  {detail}", p.minutes, t.minutes_short),
                        None,
                    )
                })
                .collect(),
        };
        if self.step == Step::Topic {
            let [input, _, hint, _, privacy] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(2),
                Constraint::Length(1),
                Constraint::Fill(1),
            ])
            .areas(body);
            let value = self.topic.value();
            Paragraph::new(Line::from(vec![
                Span::styled("› ", theme.key()),
                Span::styled(format!("{value}▏"), theme.current()),
            ]))
            .render(input, buf);
            crate::tui::widgets::wrapped(
                vec![Line::from(Span::styled(t.setup_topic_hint, theme.quiet()))],
                hint,
                buf,
            );
            crate::tui::widgets::wrapped(
                vec![Line::from(Span::styled(t.setup_privacy, theme.text()))],
                privacy,
                buf,
            );
            return;
        }
        let mut lines = Vec::new();
        let visible = body.height.saturating_sub(2) as usize;
        let start = self.cursor.saturating_sub(visible.saturating_sub(1));
        // Labels as wide as the longest needs (within 3/5 of the screen), so each row's
        // details sit right next to it even on a wide projector.
        let longest = rows
            .iter()
            .map(|(label, _, mark)| {
                unicode_width::UnicodeWidthStr::width(label.as_str())
                    + if mark.is_some() { 4 } else { 0 }
            })
            .max()
            .unwrap_or(0);
        let label_width = (longest + 2).clamp(20, (width * 3 / 5).max(20));
        for (i, (label, detail, mark)) in rows.iter().enumerate().skip(start).take(visible) {
            let style = if i == self.cursor {
                theme.selected()
            } else {
                theme.text()
            };
            let boxed = match mark {
                Some(true) => "[x] ",
                Some(false) => "[ ] ",
                None => "",
            };
            let label = fit(&format!("{boxed}{label}"), label_width);
            let pad =
                label_width.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()));
            lines.push(Line::from(vec![
                Span::styled(format!("{label}{}", " ".repeat(pad)), style),
                Span::styled(
                    fit(&format!("  {detail}"), width.saturating_sub(label_width)),
                    theme.quiet(),
                ),
            ]));
        }
        lines.push(Line::default());
        match self.step {
            Step::Attendance => {
                let present = self.people.iter().filter(|p| p.present).count();
                lines.push(Line::from(Span::styled(
                    fill(
                        t.setup_present_count,
                        &[
                            ("present", &present.to_string()),
                            ("total", &self.people.len().to_string()),
                        ],
                    ),
                    theme.heading(),
                )));
            }
            Step::Agenda => {
                let minutes: u32 = self.agenda.iter().map(|p| p.minutes).sum();
                lines.push(Line::from(Span::styled(
                    fill(t.setup_total, &[("minutes", &minutes.to_string())]),
                    theme.heading(),
                )));
            }
            _ => {}
        }
        Paragraph::new(lines).render(body, buf);
    }
}
