//! Styles for the room: high contrast by default, never colour alone, and plain when
//! `NO_COLOR` is set (bold, reverse and underline still carry the meaning then).

use ratatui::style::{Color, Modifier, Style};

use crate::model::Side;

/// Every style a screen uses, chosen once at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub colour: bool,
}

impl Theme {
    /// The theme for this terminal: colour unless `no_color` (the `NO_COLOR` convention).
    pub fn new(no_color: bool) -> Theme {
        Theme { colour: !no_color }
    }

    fn fg(self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
    }

    /// Ordinary text: the terminal's own colours, which are the most readable on a projector.
    pub fn text(self) -> Style {
        Style::new()
    }

    /// Headings and the current item's title.
    pub fn heading(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Secondary information; still full brightness (nothing important in dim grey).
    pub fn quiet(self) -> Style {
        self.fg(Color::Gray)
    }

    /// What is happening now: the speaker, the current phase.
    pub fn current(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// A selected row in a list.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// Time is up: a timer past zero. Always paired with text saying so.
    pub fn overrun(self) -> Style {
        if self.colour {
            Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// The last minute (or the last 10 seconds of a turn).
    pub fn warning(self) -> Style {
        self.fg(Color::LightYellow).add_modifier(Modifier::BOLD)
    }

    /// Something done: a finished phase, someone who has spoken.
    pub fn done(self) -> Style {
        self.fg(Color::Green)
    }

    /// A banner that must not be missed (paused, not saved, read-only).
    pub fn banner(self) -> Style {
        if self.colour {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// An error banner.
    pub fn error(self) -> Style {
        if self.colour {
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// A key in the footer or the help.
    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// Frames around panels.
    pub fn border(self) -> Style {
        self.fg(Color::Gray)
    }

    /// The colour of a side's bar in the airtime chart.
    pub fn side(self, side: Side) -> Style {
        match side {
            Side::Student => self.fg(Color::LightMagenta),
            Side::Staff => self.fg(Color::LightBlue),
            Side::External => self.fg(Color::LightGreen),
        }
    }
}
