//! Drawing the dialogs: the key help, a picker, a text prompt and a yes/no question, each in
//! a box centred on the screen's area. Drawing only reads the dialog: it changes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::{Confirm, Findings, Item, Picker, Prompt};
use crate::i18n::Text;
use crate::tui::keymap::{self, Action, Binding, KeyContext};
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, fit};

/// The list of keys: each binding's keys, right-aligned, and what they do.
pub fn help(bindings: &[&Binding], area: Rect, buf: &mut Buffer, t: &Text, theme: Theme) {
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

/// How wide a picker's columns need to be: its row numbers, labels (with their tick boxes)
/// and details.
struct Columns {
    number: usize,
    longest_label: usize,
    longest_detail: usize,
}

impl Columns {
    fn of(picker: &Picker) -> Columns {
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
        // The items' own numbers may be longer than the one digit of a row number.
        let number = (0..picker.items.len())
            .map(|i| picker.number_label(i).len())
            .max()
            .unwrap_or(1)
            .max(1);
        Columns {
            number,
            longest_label,
            longest_detail: longest_detail.unwrap_or(0),
        }
    }

    /// The columns a row number takes beyond the usual one digit.
    fn extra(&self) -> usize {
        self.number - 1
    }

    /// The dialog's width in `area`: wide enough for the longest item where the window
    /// allows it.
    fn dialog_width(&self, area: Rect) -> u16 {
        let needed = (self.longest_label + self.longest_detail + 5 + self.extra()).min(100) as u16;
        (area.width * 2 / 3)
            .clamp(40, 72)
            .max(needed.min(area.width.saturating_sub(4)))
    }

    /// The labels' column in a dialog whose inside is `inner` wide.
    fn label_width(&self, inner: Rect) -> usize {
        let inner_width = (inner.width as usize).saturating_sub(self.extra());
        let label_width = (inner_width * 3 / 5).max(16);
        if self.longest_label > label_width {
            self.longest_label.min(inner_width.saturating_sub(11))
        } else if label_width + 3 + self.longest_detail > inner_width {
            // Less padding after the labels, so the details are not cut.
            self.longest_label
                .max(inner_width.saturating_sub(3 + self.longest_detail))
        } else {
            label_width
        }
    }
}

impl Picker {
    /// The list, scrolled so that the selected item shows.
    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let columns = Columns::of(self);
        let visible = (area.height.saturating_sub(4) as usize)
            .min(self.items.len())
            .max(1);
        let inner = widgets::dialog(
            &self.title,
            widgets::centered(area, columns.dialog_width(area), visible as u16 + 2),
            theme,
            buf,
        );
        let start = self.selected.saturating_sub(visible - 1);
        let label_width = columns.label_width(inner);
        let lines: Vec<Line> = self
            .items
            .iter()
            .enumerate()
            .skip(start)
            .take(visible)
            .map(|(i, item)| self.row(i, item, columns.number, label_width, theme))
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }

    /// Row `i`: its number, its label (with a tick box) padded to `label_width`, its detail.
    fn row(
        &self,
        i: usize,
        item: &Item,
        number_width: usize,
        label_width: usize,
        theme: Theme,
    ) -> Line<'static> {
        let number = format!("{:>number_width$} ", self.number_label(i));
        let mark = match item.mark {
            Some(true) => "[x] ",
            Some(false) => "[ ] ",
            None => "",
        };
        let style = if i == self.selected {
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
    }
}

impl Prompt {
    /// The field with its cursor, and the hint under it. `wall_following`: the screen is
    /// the facilitator's own (see [`Prompt::secret`]).
    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: Theme, wall_following: bool) {
        let width = (area.width * 3 / 4).clamp(40, 90);
        let hint = match &self.secret {
            Some(wall_hint) if wall_following => wall_hint,
            _ => &self.hint,
        };
        // The hint wraps (up to three lines) rather than lose its end on a small screen.
        let hint_lines = widgets::wrap_words(hint, usize::from(width.saturating_sub(2)));
        let hint_rows = hint_lines.len().clamp(1, 3);
        let height = 4 + hint_rows as u16;
        let inner = widgets::dialog(
            &self.title,
            widgets::centered(area, width, height),
            theme,
            buf,
        );
        let masked = self.secret.is_some() && !wall_following;
        let (before, after) = self.shown(inner.width.saturating_sub(3) as usize, masked);
        let mut lines = vec![
            Line::from(vec![
                Span::styled("› ", theme.key()),
                Span::styled(before, theme.current()),
                Span::styled("▏", theme.key()),
                Span::styled(after, theme.current()),
            ]),
            Line::default(),
        ];
        let last = hint_lines.len().min(hint_rows).saturating_sub(1);
        for (i, line) in hint_lines.iter().take(hint_rows).enumerate() {
            // A hint longer than three lines keeps its "…" at the end of the third.
            let line = if i == last && hint_lines.len() > hint_rows {
                fit(&format!("{line} …"), inner.width as usize)
            } else {
                fit(line, inner.width as usize)
            };
            lines.push(Line::from(Span::styled(line, theme.quiet())));
        }
        Paragraph::new(lines).render(inner, buf);
    }

    /// The text shown in a field `field_width` wide, scrolled to the cursor (bullets when
    /// `masked`): what is before the cursor and what is after it.
    fn shown(&self, field_width: usize, masked: bool) -> (String, String) {
        let scroll = self.input.visual_scroll(field_width);
        let value: String = self.input.value().chars().skip(scroll).collect();
        let cursor = self.input.visual_cursor().saturating_sub(scroll);
        let mut chars: Vec<char> = value.chars().collect();
        if masked {
            chars.fill('•');
        }
        let split = cursor.min(chars.len());
        (
            chars[..split].iter().collect(),
            chars[split..].iter().collect(),
        )
    }
}

impl Confirm {
    /// The question, wrapped.
    pub fn render(&self, area: Rect, buf: &mut Buffer, t: &Text, theme: Theme) {
        let width = (area.width * 2 / 3).clamp(40, 70);
        let height = widgets::wrapped_height(&self.question, width - 4) + 2;
        let inner = widgets::dialog(
            t.confirm_title,
            widgets::centered(area, width, height),
            theme,
            buf,
        );
        widgets::wrapped(
            vec![Line::from(Span::styled(
                self.question.clone(),
                theme.heading(),
            ))],
            inner,
            buf,
        );
    }
}

impl Findings {
    /// The intro, as many hits as fit from the first shown (where and what, then the
    /// context wrapped with the word marked), and the two choices with their keys. The
    /// title says which hits show when not all fit.
    pub fn render(&self, area: Rect, buf: &mut Buffer, t: &Text, theme: Theme) {
        let width = area.width.saturating_sub(4).clamp(20, 100);
        let w = usize::from(width.saturating_sub(2));
        let max_rows = usize::from(area.height.saturating_sub(2)).max(6);
        let mut lines: Vec<Line> = widgets::wrap_words(&self.intro, w)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme.text())))
            .collect();
        lines.push(Line::default());
        let choices = self.choices(t, w, theme);
        // The inside's rows: the border takes two, the choices theirs and a blank line.
        let room = max_rows
            .saturating_sub(2 + choices.len() + 1)
            .saturating_sub(lines.len());
        let mut used = 0;
        let mut last = self.first;
        for (i, (what, context)) in self.hits.iter().enumerate().skip(self.first) {
            let mut block = vec![Line::from(Span::styled(fit(what, w), theme.heading()))];
            block.extend(marked_lines(context, w.saturating_sub(2), theme));
            let gap = usize::from(i > self.first);
            // The first hit shown always shows, cut if it must be.
            if i > self.first && used + gap + block.len() > room {
                break;
            }
            if gap == 1 {
                lines.push(Line::default());
            }
            block.truncate(room.saturating_sub(used + gap).max(2));
            used += gap + block.len();
            lines.extend(block);
            last = i + 1;
        }
        lines.push(Line::default());
        lines.extend(choices);
        let title = if self.first == 0 && last == self.hits.len() {
            self.title.clone()
        } else {
            // Which show, and the keys that show the others.
            format!(
                "{} ({}–{}/{}) ↑↓",
                self.title,
                self.first + 1,
                last,
                self.hits.len()
            )
        };
        let height = (lines.len() + 2).min(max_rows + 2) as u16;
        let inner = widgets::dialog(
            &title,
            widgets::centered(area, width, height.min(area.height)),
            theme,
            buf,
        );
        Paragraph::new(lines).render(inner, buf);
    }

    /// The two choices, with the keys the keymap binds to them, wrapped to `w`.
    fn choices(&self, t: &Text, w: usize, theme: Theme) -> Vec<Line<'static>> {
        let bindings = keymap::bindings(KeyContext::Findings);
        let key = |action: Action| {
            bindings
                .iter()
                .find(|b| b.action == action)
                .map(|b| (b.keys[0].label(), (b.label)(t)))
        };
        let parts: Vec<(String, &str)> = [Action::Confirm, Action::Back]
            .into_iter()
            .filter_map(key)
            .collect();
        let mut out: Vec<Line> = Vec::new();
        let mut line: Vec<Span> = Vec::new();
        let mut used = 0;
        for (k, label) in parts {
            let width = k.width() + 1 + label.width() + 3;
            if used > 0 && used + width > w {
                out.push(Line::from(std::mem::take(&mut line)));
                used = 0;
            }
            line.push(Span::styled(k, theme.key()));
            line.push(Span::styled(format!(" {label}   "), theme.text()));
            used += width;
        }
        out.push(Line::from(line));
        out
    }
}

/// A hit's context wrapped to `w`, indented two columns, the word between » and « in the
/// heading style (the marks say it without colour).
fn marked_lines(context: &str, w: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut inside = false;
    widgets::wrap_words(context, w.max(1))
        .into_iter()
        .map(|row| {
            let mut spans = vec![Span::raw("  ")];
            let mut part = String::new();
            let style = |inside: bool| {
                if inside {
                    theme.heading()
                } else {
                    theme.text()
                }
            };
            for c in row.chars() {
                part.push(c);
                if c == '»' || c == '«' {
                    if c == '«' {
                        spans.push(Span::styled(std::mem::take(&mut part), style(inside)));
                        inside = false;
                    } else {
                        part.pop();
                        spans.push(Span::styled(std::mem::take(&mut part), style(inside)));
                        part.push(c);
                        inside = true;
                    }
                }
            }
            spans.push(Span::styled(part, style(inside)));
            Line::from(spans)
        })
        .collect()
}
