//! The home screen: the groups, the formats and the recent meetings, an unfinished meeting
//! to resume, and on an empty data directory a welcome with the sample group.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::i18n::{self, clock as clock_words, fill};
use crate::model::clock::SchoolYear;
use crate::model::{Group, GroupKind};
use crate::store::Summary;
use crate::tui::app::{Ctx, Effect, Next};
use crate::tui::keymap::{Action, KeyContext};
use crate::tui::overlay::{Answer, Overlay, Prompt, Purpose};
use crate::tui::widgets::fit;

/// The three lists of the home screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Groups = 0,
    Formats = 1,
    Sessions = 2,
}

/// The home screen's own state: which list has the focus and what is selected in each.
/// A list's rows: a label and its details.
type Rows = Vec<(String, String)>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Home {
    pub panel: Panel,
    pub selected: [usize; 3],
}

impl Home {
    pub fn new(cx: &Ctx) -> Home {
        let _ = cx;
        Home {
            panel: Panel::Groups,
            selected: [0; 3],
        }
    }

    fn len(&self, cx: &Ctx, panel: Panel) -> usize {
        match panel {
            Panel::Groups => cx.data.groups.len(),
            Panel::Formats => cx.data.formats.len(),
            Panel::Sessions => cx.data.sessions.len(),
        }
    }

    /// Keeps the selections inside their lists after the data changed.
    pub fn clamp(&mut self, cx: &Ctx) {
        for panel in [Panel::Groups, Panel::Formats, Panel::Sessions] {
            let len = self.len(cx, panel);
            self.selected[panel as usize] =
                self.selected[panel as usize].min(len.saturating_sub(1));
        }
    }

    /// Where the keyboard is: the welcome screen has keys of its own.
    pub fn context(cx: &Ctx) -> KeyContext {
        if Home::is_empty(cx) {
            KeyContext::HomeEmpty
        } else {
            KeyContext::Home
        }
    }

    fn is_empty(cx: &Ctx) -> bool {
        cx.data.groups.is_empty() && cx.data.sessions.is_empty()
    }

    /// The newest meeting that started and never ended.
    pub fn unfinished(cx: &Ctx) -> Option<&Summary> {
        cx.data.sessions.iter().find(|s| s.unfinished())
    }

    /// Whether `summary` is the meeting another parvi is running right now.
    fn runs_elsewhere(summary: &Summary, cx: &Ctx) -> bool {
        cx.data
            .running_elsewhere
            .as_ref()
            .is_some_and(|path| *path == cx.data.sessions_dir.join(&summary.file))
    }

    /// "This meeting is running in another window (process …)": what a read-only parvi says
    /// instead of offering to resume the meeting that window runs.
    fn running_elsewhere_text(summary: &Summary, cx: &Ctx) -> String {
        let pid = match cx.data.access {
            crate::tui::app::Access::ReadOnly {
                holder_pid: Some(pid),
            } => pid.to_string(),
            _ => "?".to_string(),
        };
        fill(
            cx.t().home_running_elsewhere,
            &[
                ("pid", &pid),
                ("group", &summary.group_name),
                ("topic", &summary.title(cx.lang)),
                ("time", &Home::started(summary, cx)),
            ],
        )
    }

    /// When a meeting started, as the notices show it: "7.12. 09:15".
    fn started(summary: &Summary, cx: &Ctx) -> String {
        let local = cx.local(summary.started_at);
        format!(
            "{}.{}. {:02}:{:02}",
            local.day(),
            local.month(),
            local.hour(),
            local.minute()
        )
    }

    fn selected_group(&self, cx: &Ctx) -> Option<usize> {
        (!cx.data.groups.is_empty()).then_some(self.selected[Panel::Groups as usize])
    }

    pub fn act(&mut self, action: Action, cx: &mut Ctx) -> Next {
        let t = cx.t();
        let i = self.panel as usize;
        match action {
            Action::Up => self.selected[i] = self.selected[i].saturating_sub(1),
            Action::Down => {
                self.selected[i] =
                    (self.selected[i] + 1).min(self.len(cx, self.panel).saturating_sub(1));
            }
            Action::NextPanel => {
                self.panel = match self.panel {
                    Panel::Groups => Panel::Formats,
                    Panel::Formats => Panel::Sessions,
                    Panel::Sessions => Panel::Groups,
                };
            }
            Action::Confirm => match self.panel {
                Panel::Groups | Panel::Formats => {
                    return self.new_meeting(cx);
                }
                Panel::Sessions => {
                    if let Some(summary) = cx.data.sessions.get(self.selected[i]) {
                        let path = cx.data.sessions_dir.join(&summary.file);
                        if summary.unfinished() && cx.data.access.is_writable() {
                            cx.effect(Effect::OpenMeeting(path));
                        } else {
                            cx.effect(Effect::ShowSession(path));
                        }
                    }
                }
            },
            Action::NewMeeting => return self.new_meeting(cx),
            Action::Review if !cx.data.sessions.is_empty() || cx.reading_sessions => {
                return Next::Review;
            }
            Action::Resume => match Home::unfinished(cx) {
                Some(summary) if cx.data.access.is_writable() => {
                    let path = cx.data.sessions_dir.join(&summary.file);
                    cx.effect(Effect::OpenMeeting(path));
                }
                Some(summary) if Home::runs_elsewhere(summary, cx) => {
                    let text = Home::running_elsewhere_text(summary, cx);
                    cx.error(text);
                }
                Some(_) => cx.error(t.meeting_read_only),
                None => {}
            },
            Action::NewGroup => {
                if !cx.data.access.is_writable() {
                    cx.error(t.meeting_read_only);
                } else {
                    return Next::Open(Overlay::Prompt(Prompt::new(
                        t.group_new_title,
                        t.group_name_prompt,
                        "",
                        Purpose::GroupName,
                        crate::model::group::MAX_NAME_CHARS,
                    )));
                }
            }
            Action::EditGroup => {
                if let Some(g) = self.selected_group(cx).and_then(|g| cx.data.groups.get(g)) {
                    return Next::EditGroup {
                        group: Box::new(g.clone()),
                        new: false,
                    };
                }
            }
            Action::OpenClock => return self.open_clock(cx),
            Action::LoadSample => {
                if !cx.data.access.is_writable() {
                    cx.error(t.meeting_read_only);
                } else {
                    cx.effect(Effect::LoadSample);
                    cx.info(t.home_sample_loaded);
                }
            }
            Action::Quit => cx.quit = true,
            _ => {}
        }
        Next::Stay
    }

    /// The year clock of the selected group; with the focus on another list, of the only
    /// group that has a clock. A group without one opens on the offer to start it from the
    /// template (a read-only copy is told how to start it instead).
    fn open_clock(&self, cx: &mut Ctx) -> Next {
        let Some(selected) = self.selected_group(cx) else {
            return Next::Stay;
        };
        let has_clock = |g: &Group| cx.data.clocks.iter().any(|c| c.group == g.id);
        let with_clocks: Vec<&Group> = cx.data.groups.iter().filter(|g| has_clock(g)).collect();
        let group = match (self.panel, with_clocks.as_slice()) {
            (Panel::Formats | Panel::Sessions, [only]) => {
                cx.data.groups.iter().position(|g| g.id == only.id)
            }
            _ => Some(selected),
        }
        .unwrap_or(selected);
        let chosen = &cx.data.groups[group];
        if !has_clock(chosen) && !cx.data.access.is_writable() {
            let text = fill(cx.t().clock.no_clock, &[("group", &chosen.name)]);
            cx.error(text);
            return Next::Stay;
        }
        Next::YearClock { group }
    }

    /// Starts setting up a meeting with what is selected.
    fn new_meeting(&mut self, cx: &mut Ctx) -> Next {
        let t = cx.t();
        if !cx.data.access.is_writable() {
            cx.error(t.meeting_read_only);
            return Next::Stay;
        }
        if cx.data.groups.is_empty() {
            cx.error(t.setup_no_groups);
            return Next::Stay;
        }
        let group = self.selected[Panel::Groups as usize];
        let format =
            (self.panel == Panel::Formats).then_some(self.selected[Panel::Formats as usize]);
        Next::NewMeeting { group, format }
    }

    pub fn answer(&mut self, purpose: Purpose, answer: Answer, cx: &mut Ctx) -> Next {
        if let (Purpose::GroupName, Answer::Text(name)) = (purpose, answer) {
            let suffix = format!("{:04x}", cx.random() & 0xffff);
            match Group::new(&name, GroupKind::SiteWellbeing, "", &suffix) {
                Ok(group) => {
                    cx.effect(Effect::SaveGroup(group.clone()));
                    return Next::EditGroup {
                        group: Box::new(group),
                        new: true,
                    };
                }
                Err(_) => cx.error(cx.t().err_empty_name),
            }
        }
        Next::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let t = cx.t();
        if Home::is_empty(cx) {
            self.render_welcome(area, buf, cx);
            return;
        }
        let notices = self.notices(area.width as usize, cx);
        let [notice_area, lists] = Layout::vertical([
            Constraint::Length(notices.len() as u16),
            Constraint::Fill(1),
        ])
        .areas(area);
        Paragraph::new(notices).render(notice_area, buf);

        let (groups, formats, sessions) = Home::rows(cx);
        let panels = [
            (Panel::Groups, t.home_groups, groups),
            (Panel::Formats, t.home_formats, formats),
            (Panel::Sessions, t.home_sessions, sessions),
        ];
        let areas: Vec<Rect> = if lists.width >= 120 {
            Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Fill(1),
                Constraint::Fill(1),
            ])
            .split(lists)
            .to_vec()
        } else {
            let [left, right] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(lists);
            let [top, bottom] =
                Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(left);
            vec![top, bottom, right]
        };
        for ((panel, title, rows), area) in panels.into_iter().zip(areas) {
            self.render_list(panel, title, &rows, area, buf, cx);
        }
    }

    /// The lines above the lists: read-only, an unfinished meeting to resume, files that
    /// could not be read.
    fn notices(&self, width: usize, cx: &Ctx) -> Vec<Line<'static>> {
        let t = cx.t();
        let theme = cx.theme;
        let mut notices: Vec<Line> = Vec::new();
        if let crate::tui::app::Access::ReadOnly { holder_pid } = cx.data.access {
            let pid = holder_pid.map_or_else(|| "?".to_string(), |p| p.to_string());
            notices.push(Line::from(Span::styled(
                fill(t.home_read_only, &[("pid", &pid)]),
                theme.error(),
            )));
        }
        // The directories inside were nearly always loose like the data directory: the
        // home screen names the loosest one only (the command line lists each).
        let loosest = cx
            .data
            .notices
            .iter()
            .filter_map(|n| match n {
                crate::store::Notice::ModeTightened { old, .. } => Some((old & 0o002, old & 0o077)),
                _ => None,
            })
            .max();
        let mut tightened_shown = false;
        for notice in &cx.data.notices {
            if let crate::store::Notice::ModeTightened { old, .. } = notice {
                if tightened_shown || Some((old & 0o002, old & 0o077)) != loosest {
                    continue;
                }
                tightened_shown = true;
            }
            let style = if matches!(notice, crate::store::Notice::Unwritable { .. }) {
                theme.error()
            } else {
                theme.warning()
            };
            // Wrapped, not cut: the path and what to do are at the end.
            notices.extend(
                crate::tui::widgets::wrap_words(&notice.describe(cx.lang), width.max(1))
                    .into_iter()
                    .map(|line| Line::from(Span::styled(line, style))),
            );
        }
        if let Some(summary) = Home::unfinished(cx)
            && Home::runs_elsewhere(summary, cx)
        {
            // Not offered: resuming it here would run one meeting in two windows.
            let text = Home::running_elsewhere_text(summary, cx);
            notices.push(Line::from(Span::styled(fit(&text, width), theme.banner())));
        } else if let Some(summary) = Home::unfinished(cx) {
            let time = Home::started(summary, cx);
            let key = cx.key_for(KeyContext::Home, Action::Resume);
            // The key first, so it stays on screen however long the topic; read-only, no key:
            // it would only be refused.
            let lead = if cx.data.access.is_writable() {
                format!("{key} {}  ", t.key_resume)
            } else {
                String::new()
            };
            let text = fill(
                t.home_unfinished,
                &[
                    ("group", &summary.group_name),
                    ("topic", &summary.title(cx.lang)),
                    ("time", &time),
                ],
            );
            let room = width.saturating_sub(unicode_width::UnicodeWidthStr::width(lead.as_str()));
            notices.push(Line::from(vec![
                Span::styled(lead, theme.key()),
                Span::styled(fit(&text, room), theme.banner()),
            ]));
        }
        notices.extend(Home::clock_lines(width, cx));
        // Copies a sync engine left: the figures count each meeting once meanwhile, but
        // only the facilitator can say which version of a meeting or group to keep.
        let conflicts = cx.data.conflicts;
        for (n, text) in [
            (conflicts.sessions, t.sync.notice_sessions),
            (conflicts.groups, t.sync.notice_groups),
        ] {
            if n > 0 {
                notices.push(Line::from(Span::styled(
                    fill(text, &[("n", &n.to_string())]),
                    theme.warning(),
                )));
            }
        }
        if !cx.data.problems.is_empty() {
            notices.push(Line::from(Span::styled(
                fill(
                    t.home_problems,
                    &[("count", &cx.data.problems.len().to_string())],
                ),
                theme.warning(),
            )));
        }
        notices
    }

    /// A line per group whose year clock has something this month or overdue: "Vuosikello,
    /// Kotkan kampus – marraskuu: Kiusaamisen vastaiset toimet (käynnissä) · myöhässä 1".
    fn clock_lines(width: usize, cx: &Ctx) -> Vec<Line<'static>> {
        let t = &cx.t().clock;
        let today = cx.local(cx.now().at).date();
        let year = SchoolYear::of(today);
        let mut lines = Vec::new();
        for group in &cx.data.groups {
            let Some(clock) = cx.data.clocks.iter().find(|c| c.group == group.id) else {
                continue;
            };
            let now = clock.this_month(today);
            let late = clock.overdue(today).len();
            if now.is_empty() && late == 0 {
                continue;
            }
            let items: Vec<String> = now
                .iter()
                .map(|i| {
                    format!(
                        "{} ({})",
                        i.title,
                        clock_words::status(cx.lang, i.status_in(year))
                    )
                })
                .collect();
            let items = if items.is_empty() {
                t.nothing.to_string()
            } else {
                items.join(" · ")
            };
            let template = if cx.data.clocks.len() == 1 {
                t.home_now_one
            } else {
                t.home_now
            };
            let mut text = fill(
                template,
                &[
                    ("group", &group.name),
                    ("month", clock_words::month(cx.lang, today.month() as u8)),
                    ("items", &items),
                ],
            );
            if late > 0 {
                text.push_str(" · ");
                text.push_str(&fill(t.home_overdue, &[("count", &late.to_string())]));
            }
            let style = if late > 0 {
                cx.theme.warning()
            } else {
                cx.theme.text()
            };
            lines.push(Line::from(Span::styled(fit(&text, width), style)));
        }
        lines
    }

    /// The rows of the three lists: groups, formats and meetings, each a label and its
    /// details.
    #[allow(clippy::type_complexity)]
    fn rows(
        cx: &Ctx,
    ) -> (
        Vec<(String, String)>,
        Vec<(String, String)>,
        Vec<(String, String)>,
    ) {
        let t = cx.t();
        let groups: Rows = cx
            .data
            .groups
            .iter()
            .map(|g| (g.name.clone(), i18n::member_count(cx.lang, g)))
            .collect();
        let formats: Rows = cx
            .data
            .formats
            .iter()
            .map(|f| {
                (
                    f.format.title.get(cx.lang).to_string(),
                    i18n::format_length(cx.lang, &f.format),
                )
            })
            .collect();
        let sessions: Rows = cx
            .data
            .sessions
            .iter()
            .map(|s| {
                let local = cx.local(s.started_at);
                let detail = if s.unfinished() {
                    format!("{} · {}", t.cli_session_status_open, s.group_name)
                } else {
                    s.group_name.clone()
                };
                let title = s.title(cx.lang);
                (
                    format!("{}.{}.{} {title}", local.day(), local.month(), local.year()),
                    detail,
                )
            })
            .collect();
        (groups, formats, sessions)
    }

    fn render_list(
        &self,
        panel: Panel,
        title: &str,
        rows: &[(String, String)],
        area: Rect,
        buf: &mut Buffer,
        cx: &Ctx,
    ) {
        let theme = cx.theme;
        let focused = self.panel == panel;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(if focused {
                theme.current()
            } else {
                theme.border()
            })
            .title(Span::styled(
                format!(" {title} "),
                if focused {
                    theme.current()
                } else {
                    theme.heading()
                },
            ));
        let inner = block.inner(area);
        let width = inner.width as usize;
        let per_row = 2usize;
        let visible = (inner.height as usize / per_row).max(1);
        let selected = self.selected[panel as usize];
        // Only the rows that fit are drawn, however long the list (10,000 meetings).
        let start = selected.saturating_sub(visible.saturating_sub(1));
        // A list longer than its box says so on the bottom edge: which rows show, of how
        // many, and an arrow towards the rest.
        let block = if rows.len() > visible {
            let end = (start + visible).min(rows.len());
            let up = if start > 0 { "↑" } else { "" };
            let down = if end < rows.len() { "↓" } else { "" };
            block.title_bottom(
                Line::from(Span::styled(
                    format!(" {up}{down} {}–{end}/{} ", start + 1, rows.len()),
                    theme.quiet(),
                ))
                .right_aligned(),
            )
        } else {
            block
        };
        block.render(area, buf);
        let mut lines = Vec::new();
        if rows.is_empty() && panel == Panel::Sessions {
            lines.push(Line::from(Span::styled(
                cx.t().home_no_sessions,
                theme.quiet(),
            )));
        }
        for (i, (label, detail)) in rows.iter().enumerate().skip(start).take(visible) {
            let style = if focused && i == selected {
                theme.selected()
            } else {
                theme.text()
            };
            lines.push(Line::from(Span::styled(
                fit(&format!(" {label}"), width),
                style,
            )));
            lines.push(Line::from(Span::styled(
                fit(&format!("   {detail}"), width),
                theme.quiet(),
            )));
        }
        Paragraph::new(lines).render(inner, buf);
    }

    fn render_welcome(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let box_area = crate::tui::widgets::centered(area, 72, 14);
        let inner = crate::tui::widgets::dialog(t.home_welcome_title, box_area, theme, buf);
        let inner = inner.inner(ratatui::layout::Margin::new(2, 1));
        let sample = cx.key_for(KeyContext::HomeEmpty, Action::LoadSample);
        let group = cx.key_for(KeyContext::HomeEmpty, Action::NewGroup);
        let lines = vec![
            Line::from(Span::styled(t.home_welcome_text, theme.text())),
            Line::default(),
            Line::from(vec![
                Span::styled(format!(" {sample}  "), theme.key()),
                Span::styled(t.home_welcome_sample, theme.heading()),
            ]),
            Line::default(),
            Line::from(vec![
                Span::styled(format!(" {group}  "), theme.key()),
                Span::styled(t.home_welcome_group, theme.heading()),
            ]),
        ];
        crate::tui::widgets::wrapped(lines, inner, buf);
    }
}
