//! Drawing the whole frame: the screen, the message line, the footer of keys, any dialog on
//! top, and the "too small" notice; and, on a timer's second, only the parts of it that time
//! changes. Rendering only reads the app: it changes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::app::{App, Screen};
use super::keymap::Action;
use super::overlay::{Overlay, draw};
use super::screens::meeting::live::LiveParts;
use super::widgets::{self, fit};
use crate::i18n::fill;

/// The smallest window parvi draws its screens in; smaller gets a notice.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Whether a frame of this size shows only the "too small" notice.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The app as one widget: `frame.render_widget(&app, area)`.
impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.render_frame(area, buf);
    }
}

/// What a whole frame drew that a timer's second may draw again alone: the meeting's parts
/// that time changes, and what the frame was drawn from, to know it still holds.
#[derive(Debug)]
pub struct Drawn {
    live: LiveParts,
    /// The footer's answers: whether each key it asked about was offered, in which body.
    offers: Vec<(Action, Rect, bool)>,
    looks: Looks,
}

impl Drawn {
    /// Where the parts are.
    pub fn areas(&self) -> Vec<Rect> {
        self.live.areas()
    }
}

/// What a frame shows that may change on a wake-up without a key or a phone: a save that
/// failed, a heartbeat or any other event in the log, a message, a wall opened or closed,
/// phone input started. A frame drawn from other looks is drawn whole.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Looks {
    events: Option<usize>,
    save_error: Option<String>,
    reopened_gap: Option<u64>,
    flash: Option<super::app::Flash>,
    dialog: bool,
    wall_following: bool,
    phones: Option<(String, String)>,
    writable: bool,
}

impl App {
    fn looks(&self) -> Looks {
        let meeting = match &self.screen {
            Screen::Meeting(view) => Some(view),
            _ => None,
        };
        Looks {
            events: meeting.map(|view| view.meeting.record().events.len()),
            save_error: meeting.and_then(|view| view.save_error.clone()),
            reopened_gap: meeting.and_then(|view| view.reopened_gap),
            flash: self.cx.flash.clone(),
            dialog: self.overlay.is_some() || self.help,
            wall_following: self.cx.wall_following,
            phones: self
                .cx
                .phones
                .as_ref()
                .map(|p| (p.url.clone(), p.code.clone())),
            writable: self.cx.data.access.is_writable(),
        }
    }

    /// Draws the parts of the frame on screen that time changes, at the time now, into
    /// their areas (cleared by the caller). Returns `false` when the frame no longer holds
    /// (something other than time changed, or a key's offer came or went with time): the
    /// frame must be drawn whole.
    pub fn render_live(&self, drawn: &Drawn, buf: &mut Buffer) -> bool {
        let Screen::Meeting(view) = &self.screen else {
            return false;
        };
        self.looks() == drawn.looks
            && drawn
                .offers
                .iter()
                .all(|(action, body, offered)| self.offers_in(*action, *body) == *offered)
            && view.render_live(&drawn.live.parts, buf, &self.cx)
    }

    /// Draws the whole frame into `buf`; returns what a timer's second may draw again
    /// alone, or `None` when every second draws the whole frame (a dialog open, a screen
    /// without clocks).
    pub fn render_frame(&self, area: Rect, buf: &mut Buffer) -> Option<Drawn> {
        let t = self.cx.t();
        let theme = self.cx.theme;
        if too_small(area) {
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
            return None;
        }
        let flash = self.cx.flash.as_ref();
        // The footer asks what each key can do, twice a frame (once to know its rows, once
        // to draw), and some answers run the engine: each is worked out once a frame.
        let answers = std::cell::RefCell::new(Vec::new());
        let offers = |action: Action, body: Rect| {
            let known = answers
                .borrow()
                .iter()
                .find(|(a, b, _)| *a == action && *b == body)
                .map(|(_, _, offered)| *offered);
            known.unwrap_or_else(|| {
                let offered = self.offers_in(action, body);
                answers.borrow_mut().push((action, body, offered));
                offered
            })
        };
        let Frame {
            body,
            flash: flash_area,
            footer,
        } = self.frame(area, &offers);
        let mut live = None;
        match &self.screen {
            Screen::Home(home) => home.render(body, buf, &self.cx),
            Screen::Setup(setup) => setup.render(body, buf, &self.cx),
            Screen::Meeting(view) => live = Some(view.render_parts(body, buf, &self.cx)),
            Screen::GroupEditor(editor) => editor.render(body, buf, &self.cx),
            Screen::Summary(summary) => summary.render(body, buf, &self.cx),
            Screen::Review(review) => review.render(body, buf, &self.cx),
            Screen::Clock(clock) => clock.render(body, buf, &self.cx),
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
            |action| offers(action, body),
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
        // A dialog covers the screen's parts: drawn whole, it stays on top.
        let live = live.filter(|live| !live.whole && self.overlay.is_none() && !self.help)?;
        Some(Drawn {
            live,
            offers: answers.into_inner(),
            looks: self.looks(),
        })
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
        self.frame(area, &|action, body| self.offers_in(action, body))
            .body
    }

    /// The layout of a frame of `area`: the body, the message line and the footer.
    fn frame(&self, area: Rect, offers: &dyn Fn(Action, Rect) -> bool) -> Frame {
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
                |a| offers(a, body),
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

    /// A dialog on top of the screen's area.
    fn render_overlay(&self, overlay: &Overlay, area: Rect, buf: &mut Buffer) {
        let t = self.cx.t();
        let theme = self.cx.theme;
        match overlay {
            Overlay::Help => draw::help(&self.help_bindings(), area, buf, t, theme),
            Overlay::Picker(picker) => picker.render(area, buf, theme),
            Overlay::Prompt(prompt) => prompt.render(area, buf, theme, self.cx.wall_following),
            Overlay::Confirm(confirm) => confirm.render(area, buf, t, theme),
            Overlay::Findings(findings) => findings.render(area, buf, t, theme),
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
