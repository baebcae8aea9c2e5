//! Drawing the dialogs: the key help, a picker, a text prompt and a yes/no question, each in
//! a box centred on the screen's area. Drawing only reads the dialog: it changes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::{Confirm, Item, Picker, Prompt};
use crate::i18n::Text;
use crate::tui::keymap::Binding;
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
