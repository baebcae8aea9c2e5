//! Drawing the whole frame: the screen, the message line, the footer of keys, any dialog on
//! top, and the "too small" notice. Rendering only reads the app: it changes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::app::{App, Screen};
use super::overlay::Overlay;
use super::widgets::{self, fit};
use crate::i18n::fill;

/// The smallest window parvi draws its screens in; smaller gets a notice.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// The app as one widget: `frame.render_widget(&app, area)`.
impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.cx.t();
        let theme = self.cx.theme;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let text = fill(
                t.too_small,
                &[
                    ("cols", &MIN_WIDTH.to_string()),
                    ("rows", &MIN_HEIGHT.to_string()),
                ],
            );
            let rows = widgets::wrapped_height(&text, area.width);
            let middle = Rect {
                y: area.y + area.height.saturating_sub(rows) / 2,
                height: rows.min(area.height),
                ..area
            };
            Paragraph::new(Line::from(Span::styled(text, theme.heading())))
                .alignment(Alignment::Center)
                .wrap(ratatui::widgets::Wrap { trim: true })
                .render(middle, buf);
            return;
        }
        let flash = self.cx.flash.as_ref();
        let Frame {
            body,
            flash: flash_area,
            footer,
        } = self.frame(area);
        match &self.screen {
            Screen::Home(home) => home.render(body, buf, &self.cx),
            Screen::Setup(setup) => setup.render(body, buf, &self.cx),
            Screen::Meeting(view) => view.render(body, buf, &self.cx),
            Screen::GroupEditor(editor) => editor.render(body, buf, &self.cx),
            Screen::Summary(summary) => summary.render(body, buf, &self.cx),
            Screen::Review(review) => review.render(body, buf, &self.cx),
        }
        if let Some(flash) = flash {
            let style = if flash.error {
                theme.error()
            } else {
                theme.banner()
            };
            Paragraph::new(Line::from(Span::styled(
                fit(&flash.text, flash_area.width as usize),
                style,
            )))
            .style(style)
            .render(flash_area, buf);
        }
        widgets::footer(
            self.context(),
            |action| self.offers_in(action, body),
            t,
            theme,
            footer,
            buf,
        );
        if let Some(overlay) = &self.overlay {
            self.render_overlay(overlay, body, buf);
        }
        if self.help {
            self.render_overlay(&Overlay::Help, body, buf);
        }
    }
}

/// Where the parts of a frame go.
struct Frame {
    /// The screen's own area.
    body: Rect,
    /// The message line (no rows without a message).
    flash: Rect,
    footer: Rect,
}

impl App {
    /// The area the screen is drawn in, in a frame of `area`: what its drawing and its keys
    /// lay out (the paging keys turn the pages the frame shows).
    pub fn body_area(&self, area: Rect) -> Rect {
        self.frame(area).body
    }

    /// The layout of a frame of `area`: the body, the message line and the footer.
    fn frame(&self, area: Rect) -> Frame {
        // A margin on big screens keeps text off the projector's edge.
        let margin = if area.width >= 120 { 2 } else { 1 };
        let most_rows: u16 = if area.height >= 24 { 2 } else { 1 };
        let flash = self.cx.flash.is_some();
        // The footer takes a second row when its keys do not fit on one (80 columns), at
        // the width it is drawn in (inside the margin). Which keys it offers may depend on
        // the body's size (a page to turn to), and the body's size on the footer's rows: it
        // takes the fewest rows that hold the keys offered in the body those rows leave
        // (a page that fits once the footer is one row shorter needs no scroll key).
        let rows_needed = |rows: u16| {
            let body = split(area, margin, flash, rows).body;
            widgets::footer_lines(
                self.context(),
                |a| self.offers_in(a, body),
                self.cx.t(),
                self.cx.theme,
                area.width.saturating_sub(margin) as usize,
                usize::MAX,
            )
            .len()
        };
        let footer_rows = (1..most_rows)
            .find(|&rows| rows_needed(rows) <= usize::from(rows))
            .unwrap_or(most_rows);
        split(area, margin, flash, footer_rows)
    }

    fn render_overlay(&self, overlay: &Overlay, area: Rect, buf: &mut Buffer) {
        let t = self.cx.t();
        let theme = self.cx.theme;
        match overlay {
            Overlay::Help => {
                let bindings = self.help_bindings();
                let height = bindings.len() as u16 + 2;
                let width = (area.width * 3 / 4).clamp(40, 80);
                let inner = widgets::dialog(
                    t.help_title,
                    widgets::centered(area, width, height),
                    theme,
                    buf,
                );
                let lines: Vec<Line> = bindings
                    .iter()
                    .map(|b| {
                        let keys = b
                            .keys
                            .iter()
                            .map(|k| k.label())
                            .collect::<Vec<_>>()
                            .join(" / ");
                        Line::from(vec![
                            Span::styled(format!("{keys:>14}  "), theme.key()),
                            Span::styled((b.label)(t), theme.text()),
                        ])
                    })
                    .collect();
                Paragraph::new(lines).render(inner, buf);
            }
            Overlay::Picker(picker) => {
                use unicode_width::UnicodeWidthStr;
                let mark_width = if picker.items.iter().any(|i| i.mark.is_some()) {
                    4
                } else {
                    0
                };
                let longest_label = picker
                    .items
                    .iter()
                    .map(|i| i.label.width() + mark_width)
                    .max()
                    .unwrap_or(0);
                let longest_detail = picker.items.iter().map(|i| i.detail.width()).max();
                let longest_detail = longest_detail.unwrap_or(0);
                // The items' own numbers may be longer than the one digit of a row number.
                let number_width = (0..picker.items.len())
                    .map(|i| picker.number_label(i).len())
                    .max()
                    .unwrap_or(1)
                    .max(1);
                let extra = number_width - 1;
                // Wide enough for the longest item where the window allows it.
                let needed = (longest_label + longest_detail + 5 + extra).min(100) as u16;
                let width = (area.width * 2 / 3)
                    .clamp(40, 72)
                    .max(needed.min(area.width.saturating_sub(4)));
                let visible = (area.height.saturating_sub(4) as usize)
                    .min(picker.items.len())
                    .max(1);
                let inner = widgets::dialog(
                    &picker.title,
                    widgets::centered(area, width, visible as u16 + 2),
                    theme,
                    buf,
                );
                let start = picker.selected.saturating_sub(visible - 1);
                let inner_width = (inner.width as usize).saturating_sub(extra);
                let mut label_width = (inner_width * 3 / 5).max(16);
                if longest_label > label_width {
                    label_width = longest_label.min(inner_width.saturating_sub(11));
                } else if label_width + 3 + longest_detail > inner_width {
                    // Less padding after the labels, so the details are not cut.
                    label_width = longest_label.max(inner_width.saturating_sub(3 + longest_detail));
                }
                let lines: Vec<Line> = picker
                    .items
                    .iter()
                    .enumerate()
                    .skip(start)
                    .take(visible)
                    .map(|(i, item)| {
                        let number = format!("{:>number_width$} ", picker.number_label(i));
                        let mark = match item.mark {
                            Some(true) => "[x] ",
                            Some(false) => "[ ] ",
                            None => "",
                        };
                        let style = if i == picker.selected {
                            theme.selected()
                        } else {
                            theme.text()
                        };
                        let label = fit(&format!("{mark}{}", item.label), label_width);
                        let pad = label_width.saturating_sub(label.width());
                        Line::from(vec![
                            Span::styled(number, theme.key()),
                            Span::styled(format!("{label}{}", " ".repeat(pad)), style),
                            Span::styled(format!(" {}", item.detail), theme.quiet()),
                        ])
                    })
                    .collect();
                Paragraph::new(lines).render(inner, buf);
            }
            Overlay::Prompt(prompt) => {
                let width = (area.width * 3 / 4).clamp(40, 90);
                let inner =
                    widgets::dialog(&prompt.title, widgets::centered(area, width, 5), theme, buf);
                let field_width = inner.width.saturating_sub(3) as usize;
                let scroll = prompt.input.visual_scroll(field_width);
                let value: String = prompt.input.value().chars().skip(scroll).collect();
                let cursor = prompt.input.visual_cursor().saturating_sub(scroll);
                let (before, after): (String, String) = {
                    let mut chars: Vec<char> = value.chars().collect();
                    if prompt.secret {
                        chars.fill('•');
                    }
                    let split = cursor.min(chars.len());
                    (
                        chars[..split].iter().collect(),
                        chars[split..].iter().collect(),
                    )
                };
                Paragraph::new(vec![
                    Line::from(vec![
                        Span::styled("› ", theme.key()),
                        Span::styled(before, theme.current()),
                        Span::styled("▏", theme.key()),
                        Span::styled(after, theme.current()),
                    ]),
                    Line::default(),
                    Line::from(Span::styled(
                        fit(&prompt.hint, inner.width as usize),
                        theme.quiet(),
                    )),
                ])
                .render(inner, buf);
            }
            Overlay::Confirm(confirm) => {
                let width = (area.width * 2 / 3).clamp(40, 70);
                let height = widgets::wrapped_height(&confirm.question, width - 4) + 2;
                let inner = widgets::dialog(
                    t.confirm_title,
                    widgets::centered(area, width, height),
                    theme,
                    buf,
                );
                widgets::wrapped(
                    vec![Line::from(Span::styled(
                        confirm.question.clone(),
                        theme.heading(),
                    ))],
                    inner,
                    buf,
                );
            }
        }
    }
}

/// A frame of `area` cut into the body, the message line (a row when there is a message) and
/// a footer of `footer_rows`, the body and the footer inside the side margin.
fn split(area: Rect, margin: u16, flash: bool, footer_rows: u16) -> Frame {
    let [body, flash, footer] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(flash)),
        Constraint::Length(footer_rows),
    ])
    .areas(area);
    Frame {
        body: Rect {
            x: body.x + margin,
            width: body.width.saturating_sub(2 * margin),
            ..body
        },
        flash,
        footer: Rect {
            x: footer.x + margin,
            width: footer.width.saturating_sub(margin),
            ..footer
        },
    }
}
