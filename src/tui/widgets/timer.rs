//! The phase and turn clocks as the room reads them: time left, time over, or time spent
//! when the item has no timebox, in the colour that says which.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{big_text, clock, countdown};
use crate::i18n::Text;
use crate::model::MeetingState;
use crate::tui::theme::Theme;

/// A clock to show: its digits, the words beside them and the style of both.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub digits: String,
    pub label: &'static str,
    pub style: Style,
}

/// The agenda item's clock; its last minute is a warning.
pub fn phase(state: &MeetingState, now: u64, t: &Text, theme: Theme) -> Reading {
    let labels = Labels {
        left: t.meeting_phase_left,
        over: t.meeting_phase_over,
        spent: t.meeting_phase_time,
    };
    reading(
        state.phase_remaining(now),
        state.phase_elapsed(now),
        60_000,
        labels,
        theme,
    )
}

/// The speaker's clock; the last ten seconds of a turn are a warning.
pub fn turn(state: &MeetingState, now: u64, t: &Text, theme: Theme) -> Reading {
    let labels = Labels {
        left: t.meeting_turn_left,
        over: t.meeting_turn_over,
        spent: t.meeting_turn_time,
    };
    reading(
        state.turn_remaining(now),
        state.turn_elapsed(now),
        10_000,
        labels,
        theme,
    )
}

/// The words for time left, time over and time spent.
struct Labels {
    left: &'static str,
    over: &'static str,
    spent: &'static str,
}

fn reading(
    remaining: Option<i64>,
    elapsed: u64,
    warn_ms: i64,
    labels: Labels,
    theme: Theme,
) -> Reading {
    let (digits, label, style) = match remaining {
        Some(r) if r <= 0 => (countdown(r), labels.over, theme.overrun()),
        Some(r) if r <= warn_ms => (countdown(r), labels.left, theme.warning()),
        Some(r) => (countdown(r), labels.left, theme.text()),
        None => (clock(elapsed), labels.spent, theme.text()),
    };
    Reading {
        digits,
        label,
        style,
    }
}

/// The most rows a big clock takes: digits of at most 16 rows and the label under them.
pub const BIG_ROWS: u16 = 17;

/// Draws a clock big (the digits, the label centred under them) or, when not `big`, on
/// one centred line with the label first; returns the rows used.
pub fn render(reading: &Reading, big: bool, theme: Theme, area: Rect, buf: &mut Buffer) -> u16 {
    if area.height == 0 {
        return 0;
    }
    let Reading {
        digits,
        label,
        style,
    } = reading;
    if big {
        let rows = area.height.saturating_sub(1).min(BIG_ROWS - 1);
        let used = big_text(digits, *style, area, rows, buf);
        let label_area = Rect {
            y: area.y + used,
            height: 1,
            ..area
        }
        .intersection(area);
        Paragraph::new(Line::from(Span::styled(*label, *style)))
            .alignment(Alignment::Center)
            .render(label_area, buf);
        used + 1
    } else {
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{label}  "), theme.quiet()),
            Span::styled(digits.as_str(), *style),
        ]))
        .alignment(Alignment::Center)
        .render(Rect { height: 1, ..area }, buf);
        1
    }
}
