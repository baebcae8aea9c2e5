//! Drawing the meeting screen: the header and its banner, the agenda column, and the main
//! column with the item's title, prompt and body; the speaker block and the airtime panel
//! have files of their own.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::live::{Live, LiveParts};
use super::{MeetingView, ideas, records, vote};
use crate::i18n::{self, fill};
use crate::model::{PhaseKind, Status};
use crate::tui::app::Ctx;
use crate::tui::keymap::{Action, KeyContext};
use crate::tui::widgets::qr::Qr;
use crate::tui::widgets::{self, fit, timer};

/// The rows the item's title and kind take at the top of the main column, with the blank
/// under them; drawing and the phase's layout both start below them.
const TITLE_ROWS: u16 = 3;

/// The rows of `area` from `y`, at most `height` of them and never below its bottom.
pub(super) fn rows(area: Rect, y: u16, height: u16) -> Rect {
    Rect {
        x: area.x,
        y,
        width: area.width,
        height: height.min(area.bottom().saturating_sub(y)),
    }
}

impl MeetingView {
    /// Draws the meeting into `area`.
    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        self.render_parts(area, buf, cx);
    }

    /// Draws the meeting into `area`; returns the parts that time changes, for a timer's
    /// second to draw alone ([`MeetingView::render_live`]).
    pub fn render_parts(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) -> LiveParts {
        let now = cx.now().mono_ms;
        let mut live = LiveParts::default();
        let [header, banner_area, agenda, main, side] = self.layout(area, cx);
        self.render_header(header, buf, cx);
        live.add(header, Live::Header);
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
        self.render_main(main, buf, cx, now, &mut live);
        if side.width > 0 {
            self.render_side(side, buf, cx, now, &mut live);
        }
        live
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
        let (agenda_width, side_width) = self.column_widths(body.width, cx);
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

    /// The widths of the agenda column and the airtime panel beside the main column, 0
    /// where there is no room for one or it has nothing to say now.
    fn column_widths(&self, width: u16, cx: &Ctx) -> (u16, u16) {
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
        let side_width = if width >= 72 && !alone && !producing {
            (width / 4).clamp(28, 46)
        } else {
            0
        };
        // The agenda column is as wide as its longest title needs, within a quarter of the
        // screen, and only where the main column keeps room for the big digits.
        let longest = self
            .state()
            .agenda
            .iter()
            .map(|p| p.title.get(cx.lang).width())
            .max()
            .unwrap_or(0) as u16;
        let agenda_width = if width >= 110 && !alone {
            (longest + 9).clamp(24, width / 4)
        } else {
            0
        };
        (agenda_width, side_width)
    }

    /// A line that must not be missed: not saved, paused, reopened, read-only.
    fn banner(&self, cx: &Ctx) -> Option<(String, Style)> {
        let t = cx.t();
        let theme = cx.theme;
        if cx.audience {
            // The room needs to know the meeting stands still, not how to go on.
            let state = self.state();
            return if state.interrupted {
                Some((t.wall.interrupted.to_string(), theme.banner()))
            } else if state.paused {
                Some((t.wall.paused.to_string(), theme.banner()))
            } else {
                None
            };
        }
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

    /// The group and topic on the left; "saved" and the time of day on the right.
    pub(super) fn render_header(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let t = cx.t();
        let record = self.meeting.record();
        let local = cx.local(cx.now().at);
        let saved = if cx.audience || self.save_error.is_some() || !cx.data.access.is_writable() {
            String::new()
        } else {
            format!("✓ {}  ", t.meeting_saved)
        };
        // The facilitator sees that a wall follows (and so their screen shows more).
        let wall = if cx.wall_following && !cx.audience {
            format!("▣ {}  ", t.wall.open_mark)
        } else {
            String::new()
        };
        // How many phones have joined, while phone input is on.
        let phones = match cx.phones.as_ref().filter(|_| !cx.audience) {
            Some(phones) => format!(
                "☎ {}  ",
                fill(t.phones.mark, &[("count", &phones.joined.to_string())])
            ),
            None => String::new(),
        };
        let right = format!(
            "{phones}{wall}{saved}{:02}:{:02}",
            local.hour(),
            local.minute()
        );
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

    /// The agenda: each item with its number and minutes, the current one marked.
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
            let pad = title_width.saturating_sub(title.width());
            lines.push(Line::from(vec![
                Span::styled(format!("{mark} {:>2} ", i + 1), style),
                Span::styled(title, style),
                Span::raw(" ".repeat(pad)),
                Span::styled(minutes, theme.quiet()),
            ]));
        }
        Paragraph::new(lines).render(area, buf);
    }

    /// The main column: the item's title and prompt, then its body.
    fn render_main(&self, area: Rect, buf: &mut Buffer, cx: &Ctx, now: u64, live: &mut LiveParts) {
        let state = self.state();
        let Some(index) = state.phase else {
            self.render_between_items(area, buf, cx);
            return;
        };
        let y = self.render_title(index, area, buf, cx);
        // The prompt, large enough to read from the back: bold, wrapped.
        let (prompt_rows, body) = self.phase_rows(area, cx);
        if let Some(h) = prompt_rows {
            let prompt = state.agenda[index].prompt.get(cx.lang);
            widgets::wrapped(
                vec![Line::from(Span::styled(prompt, cx.theme.current()))],
                rows(area, y, h),
                buf,
            );
        }
        let body = self.render_phones_panel(body, buf, cx);
        // The phases that produce something draw their clock among their own lines (and
        // the wall turns pages of ideas by time): they are drawn whole every second.
        match state.agenda[index].kind {
            PhaseKind::Round | PhaseKind::Open => self.render_turn(body, buf, cx, now, live),
            PhaseKind::Writing | PhaseKind::Ideas | PhaseKind::Grouping => {
                live.whole = true;
                ideas::render(self, body, buf, cx)
            }
            PhaseKind::Vote => {
                live.whole = true;
                vote::render(self, body, buf, cx)
            }
            PhaseKind::Decisions
            | PhaseKind::Actions
            | PhaseKind::ReviewActions
            | PhaseKind::YearClock => {
                live.whole = true;
                records::render(self, body, buf, cx)
            }
            _ => self.render_info(index, body, buf, cx, now, live),
        }
    }

    /// On the room's screen, while phones are on and the item takes ideas or ballots (a
    /// vote is open, the pulse among them: latecomers join then): the QR code
    /// phones join by, with the address and room code spelled out under it, beside the item's body when
    /// both fit, else in its place. Returns what is left for the body.
    fn render_phones_panel(&self, body: Rect, buf: &mut Buffer, cx: &Ctx) -> Rect {
        // The room's screen draws it: the wall, or the facilitator's when no wall runs.
        let Some(phones) = cx
            .phones
            .as_ref()
            .filter(|_| cx.audience || !cx.wall_following)
        else {
            return body;
        };
        let state = self.state();
        let takes_ideas = state
            .current_phase()
            .is_some_and(|p| matches!(p.kind, PhaseKind::Writing | PhaseKind::Ideas));
        let takes_ballots = state.current_vote().is_some_and(|v| !v.closed);
        let wanted = takes_ideas || takes_ballots;
        let Some(qr) = wanted.then(|| Qr::new(&phones.url)).flatten() else {
            return body;
        };
        // Under the code: the invitation, and the address and code for typing.
        const TEXT_ROWS: u16 = 4;
        let half = body.width / 2;
        let right = Rect {
            x: body.x + half,
            width: body.width - half,
            ..body
        };
        let code_room = |panel: Rect| Rect {
            height: panel.height.saturating_sub(TEXT_ROWS),
            ..panel
        };
        let t = &cx.t().phones;
        // The address to type leads to the room code's form: the token is for the QR code.
        let typed = phones.url.split("/j/").next().unwrap_or(&phones.url);
        let (panel, rest) = if qr.fit(code_room(right), 2).is_some() {
            (
                right,
                Rect {
                    width: half,
                    ..body
                },
            )
        } else if qr.fit(code_room(body), 2).is_some() {
            (body, Rect { width: 0, ..body })
        } else {
            // Too small a window for the code: the address and code on the last rows.
            let text = fill(t.wall_line, &[("url", typed), ("code", &phones.code)]);
            let rows_needed = widgets::wrapped_height(&text, body.width).min(body.height);
            let bottom = rows(body, body.bottom() - rows_needed, rows_needed);
            widgets::wrapped(
                vec![Line::from(Span::styled(text, cx.theme.heading()))],
                bottom,
                buf,
            );
            return Rect {
                height: body.height - rows_needed,
                ..body
            };
        };
        let room = code_room(panel);
        let Some(fit) = qr.fit(room, 2) else {
            return body;
        };
        let (_, code_rows) = qr.size_at(fit);
        let code_area = Rect {
            y: room.y,
            height: code_rows.min(room.height),
            ..room
        };
        qr.render_fit(fit, code_area, buf, !cx.theme.colour);
        let under = vec![
            Line::from(Span::styled(t.wall_join, cx.theme.heading())),
            Line::from(Span::styled(
                fill(t.wall_code, &[("url", typed), ("code", &phones.code)]),
                cx.theme.text(),
            )),
        ];
        let text_area = Rect {
            y: code_area.bottom(),
            height: panel.bottom().saturating_sub(code_area.bottom()),
            ..panel
        };
        Paragraph::new(under)
            .alignment(Alignment::Center)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(text_area, buf);
        rest
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
        let mut y = area.y + TITLE_ROWS;
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

    /// Before the first item, between items and at the end: what the way on is.
    fn render_between_items(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let t = cx.t();
        let state = self.state();
        let text = if state.status == Status::Ended {
            t.meeting_summary_title.to_string()
        } else if cx.audience {
            match state.progress.iter().position(|p| !p.done) {
                Some(next) => fill(
                    t.wall.next_item,
                    &[("title", state.agenda[next].title.get(cx.lang))],
                ),
                None => t.wall.agenda_done.to_string(),
            }
        } else if state.progress.iter().all(|p| p.done) {
            let key = cx.key_for(KeyContext::MeetingIdle, Action::EndMeeting);
            fill(t.meeting_agenda_done, &[("key", &key)])
        } else {
            let key = cx.key_for(KeyContext::MeetingIdle, Action::NextPhase);
            format!("{}: {key}", t.key_next_phase)
        };
        widgets::wrapped(
            vec![Line::from(Span::styled(text, cx.theme.heading()))],
            rows(area, area.y + 1, 3),
            buf,
        );
    }

    /// The title line ("3/7 · Päivän teema") and the kind of the item; returns the row
    /// under them and a blank.
    fn render_title(&self, index: usize, area: Rect, buf: &mut Buffer, cx: &Ctx) -> u16 {
        let t = cx.t();
        let theme = cx.theme;
        let state = self.state();
        let phase = &state.agenda[index];
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
        .render(rows(area, area.y, 2), buf);
        area.y + TITLE_ROWS
    }

    /// Information items and breaks: the item's text, one point per line, and the
    /// item's clock in big digits.
    fn render_info(
        &self,
        index: usize,
        area: Rect,
        buf: &mut Buffer,
        cx: &Ctx,
        now: u64,
        live: &mut LiveParts,
    ) {
        let theme = cx.theme;
        let state = self.state();
        let bottom = area.bottom();
        let mut y = area.y;
        let text = crate::model::format::phase_text(&state.agenda, index, cx.lang);
        if !text.is_empty() && y < bottom {
            // One item per line, wrapped with a hanging indent under its bullet.
            let mut lines = Vec::new();
            for item in text.lines().filter(|l| !l.trim().is_empty()) {
                let wrapped = widgets::wrap_words(item, (area.width as usize).saturating_sub(2));
                for (n, part) in wrapped.into_iter().enumerate() {
                    let bullet = if n == 0 { "• " } else { "  " };
                    lines.push(Line::from(vec![
                        Span::styled(bullet, theme.current()),
                        Span::styled(part, theme.heading()),
                    ]));
                }
            }
            let h = (lines.len() as u16).min(bottom.saturating_sub(y));
            Paragraph::new(lines).render(rows(area, y, h), buf);
            y += h + 1;
        }
        let clock = rows(area, y, bottom.saturating_sub(y).min(timer::BIG_ROWS));
        self.render_phase_clock(clock, buf, cx, now, true);
        live.add(clock, Live::PhaseClock { big: true });
    }

    /// The item's clock, big when `big`, else on one line; returns the rows used.
    pub(super) fn render_phase_clock(
        &self,
        area: Rect,
        buf: &mut Buffer,
        cx: &Ctx,
        now: u64,
        big: bool,
    ) -> u16 {
        let clock = timer::phase(self.state(), now, cx.t(), cx.theme);
        timer::render(&clock, big, cx.theme, area, buf)
    }
}
