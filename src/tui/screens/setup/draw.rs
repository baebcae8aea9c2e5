//! Drawing the setup wizard: where we are (the step and what is chosen so far), the step's
//! question, and its list (or the topic's input line).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::{STEPS, Setup, Step};
use crate::i18n::{self, fill};
use crate::tui::app::Ctx;
use crate::tui::widgets::{self, fit};

/// A row of a step's list: its label, the details beside it, and a checkbox where the
/// row can be ticked.
struct Row {
    label: String,
    detail: String,
    mark: Option<bool>,
}

impl Setup {
    /// Draws the step into `area`.
    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let [head, _, body] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        self.render_head(head, buf, cx);
        if self.step == Step::Topic {
            self.render_topic(body, buf, cx);
        } else {
            self.render_list(&self.rows(cx), body, buf, cx);
        }
    }

    /// "New meeting · step 3/5 · the group · the format", and the step's question.
    fn render_head(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let t = cx.t();
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
            let format = &cx.data.formats[self.format].format;
            context.push(format.title.get(cx.lang).to_string());
        }
        Paragraph::new(vec![
            Line::from(Span::styled(
                fit(&context.join(" · "), area.width as usize),
                cx.theme.quiet(),
            )),
            Line::default(),
            Line::from(Span::styled(question, cx.theme.heading())),
        ])
        .render(area, buf);
    }

    /// The topic's input line, a hint, and what the record keeps private.
    fn render_topic(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let [input, _, hint, _, privacy] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        let value = self.topic.value();
        Paragraph::new(Line::from(vec![
            Span::styled("› ", theme.key()),
            Span::styled(format!("{value}▏"), theme.current()),
        ]))
        .render(input, buf);
        widgets::wrapped(
            vec![Line::from(Span::styled(t.setup_topic_hint, theme.quiet()))],
            hint,
            buf,
        );
        widgets::wrapped(
            vec![Line::from(Span::styled(t.setup_privacy, theme.text()))],
            privacy,
            buf,
        );
    }

    /// The rows of the step's list.
    fn rows(&self, cx: &Ctx) -> Vec<Row> {
        let t = cx.t();
        match self.step {
            Step::Group => cx
                .data
                .groups
                .iter()
                .map(|g| Row {
                    label: g.name.clone(),
                    detail: i18n::member_count(cx.lang, g),
                    mark: None,
                })
                .collect(),
            Step::Format => cx
                .data
                .formats
                .iter()
                .map(|f| Row {
                    label: f.format.title.get(cx.lang).to_string(),
                    detail: i18n::format_length(cx.lang, &f.format),
                    mark: None,
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
                    Row {
                        label: p.name.clone(),
                        detail,
                        mark: Some(p.present),
                    }
                })
                .collect(),
            Step::Topic => Vec::new(),
            Step::Agenda => self.agenda_rows(cx),
        }
    }

    /// The agenda's items with their minutes, kind, turn length, naming and order.
    fn agenda_rows(&self, cx: &Ctx) -> Vec<Row> {
        let t = cx.t();
        self.agenda
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
                Row {
                    label: format!("{:>2}. {}", i + 1, p.title.get(cx.lang)),
                    detail: format!("{:>3} {}  {detail}", p.minutes, t.minutes_short),
                    mark: None,
                }
            })
            .collect()
    }

    /// The list, scrolled to keep the cursor in view, and the step's total under it.
    fn render_list(&self, rows: &[Row], area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let theme = cx.theme;
        let width = area.width as usize;
        let mut lines = Vec::new();
        let visible = area.height.saturating_sub(2) as usize;
        let start = self.cursor.saturating_sub(visible.saturating_sub(1));
        // Labels as wide as the longest needs (within 3/5 of the screen), so each row's
        // details sit right next to it even on a wide projector.
        let longest = rows
            .iter()
            .map(|row| row.label.width() + if row.mark.is_some() { 4 } else { 0 })
            .max()
            .unwrap_or(0);
        let label_width = (longest + 2).clamp(20, (width * 3 / 5).max(20));
        for (i, row) in rows.iter().enumerate().skip(start).take(visible) {
            let style = if i == self.cursor {
                theme.selected()
            } else {
                theme.text()
            };
            let boxed = match row.mark {
                Some(true) => "[x] ",
                Some(false) => "[ ] ",
                None => "",
            };
            let label = fit(&format!("{boxed}{}", row.label), label_width);
            let pad = label_width.saturating_sub(label.width());
            lines.push(Line::from(vec![
                Span::styled(format!("{label}{}", " ".repeat(pad)), style),
                Span::styled(
                    fit(
                        &format!("  {}", row.detail),
                        width.saturating_sub(label_width),
                    ),
                    theme.quiet(),
                ),
            ]));
        }
        lines.push(Line::default());
        if let Some(total) = self.total(cx) {
            lines.push(Line::from(Span::styled(total, theme.heading())));
        }
        Paragraph::new(lines).render(area, buf);
    }

    /// Under the list: how many are present, or the agenda's minutes in all.
    fn total(&self, cx: &Ctx) -> Option<String> {
        let t = cx.t();
        match self.step {
            Step::Attendance => {
                let present = self.people.iter().filter(|p| p.present).count();
                Some(fill(
                    t.setup_present_count,
                    &[
                        ("present", &present.to_string()),
                        ("total", &self.people.len().to_string()),
                    ],
                ))
            }
            Step::Agenda => {
                let minutes: u32 = self.agenda.iter().map(|p| p.minutes).sum();
                Some(fill(t.setup_total, &[("minutes", &minutes.to_string())]))
            }
            _ => None,
        }
    }
}
