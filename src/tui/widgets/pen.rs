//! A pen for screens that write rows top-down into an area, never past its bottom (the
//! vote screens draw with it).

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::tui::theme::Theme;
use crate::tui::widgets::{self, big_text, fit};

/// Writes rows top-down into an area, never past its bottom.
pub struct Pen<'b> {
    pub area: Rect,
    pub y: u16,
    pub buf: &'b mut Buffer,
}

impl Pen<'_> {
    /// The rows left below the pen.
    pub fn left(&self) -> u16 {
        self.area.bottom().saturating_sub(self.y)
    }

    /// The columns of a row.
    pub fn width(&self) -> usize {
        self.area.width as usize
    }

    /// The row the pen is on.
    pub fn row(&self) -> Rect {
        Rect {
            y: self.y,
            height: 1,
            ..self.area
        }
    }

    /// A line on the current row, then the next row.
    pub fn line(&mut self, line: Line) {
        if self.left() > 0 {
            Paragraph::new(line).render(self.row(), self.buf);
            self.y += 1;
        }
    }

    /// Text in one style, cut to the row.
    pub fn text(&mut self, text: &str, style: Style) {
        let text = fit(text, self.width());
        self.line(Line::from(Span::styled(text, style)));
    }

    /// A row of a list: the selected one in the selected style and padded to the full
    /// width, so that its highlight spans the row.
    pub fn choice(&mut self, text: &str, current: bool, theme: Theme) {
        if current {
            let pad = " ".repeat(self.width().saturating_sub(text.width()));
            self.line(Line::from(Span::styled(
                format!("{text}{pad}"),
                theme.selected(),
            )));
        } else {
            self.line(Line::from(Span::styled(text.to_string(), theme.text())));
        }
    }

    /// Centred text, wrapped at spaces onto at most two rows.
    pub fn center(&mut self, text: &str, style: Style) {
        let lines = widgets::wrap_words(text, self.width());
        let shown = lines.len().min(2);
        for (i, line) in lines.iter().take(shown).enumerate() {
            if self.left() == 0 {
                return;
            }
            let line = if i + 1 == shown && shown < lines.len() {
                fit(&format!("{line} …"), self.width())
            } else {
                line.clone()
            };
            Paragraph::new(Line::from(Span::styled(line, style)))
                .alignment(Alignment::Center)
                .render(self.row(), self.buf);
            self.y += 1;
        }
    }

    /// Text wrapped at spaces, at most `max` rows (the last one cut with `…`).
    pub fn wrapped(&mut self, text: &str, style: Style, max: usize) {
        let lines = widgets::wrap_words(text, self.width());
        let shown = lines.len().min(max);
        for (i, line) in lines.iter().take(shown).enumerate() {
            if i + 1 == shown && shown < lines.len() {
                let cut = fit(&format!("{line} …"), self.width());
                self.text(&cut, style);
            } else {
                self.text(line, style);
            }
        }
    }

    /// Big letters at most `rows` high; returns whether they were big.
    pub fn big(&mut self, text: &str, style: Style, rows: u16) -> bool {
        if self.left() == 0 {
            return false;
        }
        let area = Rect {
            y: self.y,
            height: self.left(),
            ..self.area
        };
        let used = big_text(text, style, area, rows.min(self.left()), self.buf);
        self.y += used;
        used > 1
    }

    /// An empty row.
    pub fn gap(&mut self) {
        self.y = (self.y + 1).min(self.area.bottom());
    }
}
