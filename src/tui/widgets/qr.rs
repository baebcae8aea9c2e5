//! A QR code drawn in terminal cells, for the wall: phones in the room scan it to join
//! (issue 13). Drawn with half blocks so that a module is about square on a terminal.
//!
//! Terminal cells are about twice as tall as wide, so a cell holds two modules, one above
//! the other: `▀`, `▄`, `█` or a space. At scale `k` every module is `k` columns wide and `k`
//! half rows tall, which keeps it square: scale 2 is two columns by one row (full blocks only),
//! scale 3 three columns by a row and a half.

use qrcode::{EcLevel, QrCode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;

/// The margin of light modules the QR standard asks for around the code.
pub const QUIET_ZONE: u16 = 4;

/// The narrowest margin drawn when the full one does not fit: readers in practice (zbar,
/// phone cameras) still find the code with two modules of light around it.
pub const MIN_QUIET_ZONE: u16 = 2;

/// An encoded text, ready to draw at any size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    /// Modules per side, without the quiet zone.
    side: u16,
    /// Whether each module is dark, row by row.
    dark: Vec<bool>,
}

/// How a code is laid out in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// Columns (and half rows) per module.
    pub scale: u16,
    /// Light modules around the code on each side.
    pub quiet_zone: u16,
}

impl Qr {
    /// The code for `text`, or `None` when it is too long for any QR version.
    ///
    /// The error correction level is Q (a quarter of the code can be lost) when that fits in
    /// the same version as M (15 %), otherwise M. The wall is seen from the back row at an
    /// angle, with a projector's glare and keystone, so the spare redundancy is worth having;
    /// but a bigger version means smaller modules in the same area, and from far away module
    /// size is what decides whether a phone reads the code at all, so Q never costs a version.
    /// A 45-character join URL is version 4 either way (33 modules), so it gets Q.
    pub fn new(text: &str) -> Option<Qr> {
        let medium = QrCode::with_error_correction_level(text, EcLevel::M).ok()?;
        let code = match QrCode::with_error_correction_level(text, EcLevel::Q) {
            Ok(quartile) if quartile.version() == medium.version() => quartile,
            _ => medium,
        };
        let side = u16::try_from(code.width()).ok()?;
        let dark = code
            .into_colors()
            .into_iter()
            .map(|colour| colour == qrcode::Color::Dark)
            .collect();
        Some(Qr { side, dark })
    }

    /// Modules per side of the code itself, without the quiet zone.
    pub fn modules(&self) -> u16 {
        self.side
    }

    /// Columns and rows the code needs at scale 1 with the full quiet zone (the size to plan
    /// a layout with; [`Qr::render`] also draws in a little less, see [`Qr::fit`]).
    pub fn size(&self) -> (u16, u16) {
        self.size_at(Fit {
            scale: 1,
            quiet_zone: QUIET_ZONE,
        })
    }

    /// Columns and rows the code takes laid out as `fit`. An odd number of half rows leaves
    /// the last row's lower half light: one more module of quiet zone at the bottom.
    pub fn size_at(&self, fit: Fit) -> (u16, u16) {
        let span = self.span(fit);
        (span, span.div_ceil(2))
    }

    /// Columns, and half rows, from one side of the quiet zone to the other.
    fn span(&self, fit: Fit) -> u16 {
        (self.side + 2 * fit.quiet_zone).saturating_mul(fit.scale)
    }

    /// The layout that fits `area` with modules of at most `max_scale`: the largest scale,
    /// then the widest quiet zone from [`QUIET_ZONE`] down to [`MIN_QUIET_ZONE`]. A larger
    /// module beats a wider margin, since from the back row module size is what limits
    /// reading and two modules of margin are enough for readers in practice. `None` when not
    /// even scale 1 with the narrowest margin fits.
    pub fn fit(&self, area: Rect, max_scale: u16) -> Option<Fit> {
        // A module at scale 1 is a column wide and a half row tall: the room is the fewer of
        // the columns and the half rows.
        let room = area.width.min(area.height.saturating_mul(2));
        (MIN_QUIET_ZONE..=QUIET_ZONE)
            .rev()
            .map(|quiet_zone| Fit {
                scale: (room / (self.side + 2 * quiet_zone)).min(max_scale),
                quiet_zone,
            })
            .filter(|fit| fit.scale >= 1)
            // The first of equals wins: the widest quiet zone at the largest scale.
            .reduce(|best, fit| if fit.scale > best.scale { fit } else { best })
    }

    /// Draws the code with half blocks (scale 1) centred in `area`; `false`, drawing nothing,
    /// when it does not fit even with the narrow quiet zone.
    ///
    /// With colours every cell is white on black, and the glyph lights the light modules:
    /// the code then reads the same on a dark or a light terminal theme, and it is drawn with
    /// the very glyphs of the `no_color` case. They are two of the 16 ANSI colours, which
    /// every colour terminal has (a theme's black may be a dark grey: still dark enough).
    /// With `no_color` (`NO_COLOR` set) no colour is set at all and the light modules are the
    /// terminal's lit foreground: this assumes the usual light text on a dark background; on
    /// a light theme the code shows inverted, which not every reader decodes (zbar does not).
    pub fn render(&self, area: Rect, buf: &mut Buffer, no_color: bool) -> bool {
        // A code cut by the buffer's edge is no code: only what is inside counts as room.
        let area = area.intersection(buf.area);
        match self.fit(area, 1) {
            Some(fit) => {
                self.draw(fit, area, buf, no_color);
                true
            }
            None => false,
        }
    }

    /// Draws the code centred in `area` with a layout from [`Qr::fit`] (so a caller can
    /// cap the scale and place text around it).
    pub fn render_fit(&self, fit: Fit, area: Rect, buf: &mut Buffer, no_color: bool) {
        let area = area.intersection(buf.area);
        let (width, height) = self.size_at(fit);
        if width <= area.width && height <= area.height {
            self.draw(fit, area, buf, no_color);
        }
    }

    /// Draws the code centred in `area` at the largest scale that fits (see [`Qr::fit`]), for
    /// projector-sized walls; returns the layout used, or `None`, drawing nothing, when it
    /// does not fit at all. Colours as in [`Qr::render`].
    pub fn render_scaled(&self, area: Rect, buf: &mut Buffer, no_color: bool) -> Option<Fit> {
        let area = area.intersection(buf.area);
        let fit = self.fit(area, u16::MAX)?;
        self.draw(fit, area, buf, no_color);
        Some(fit)
    }

    /// Draws the code laid out as `fit` centred in `area` (inside the buffer, and the code
    /// fits in it), every cell written so that nothing under it shows through.
    fn draw(&self, fit: Fit, area: Rect, buf: &mut Buffer, no_color: bool) {
        let (width, height) = self.size_at(fit);
        let left = area.x + (area.width - width) / 2;
        let top = area.y + (area.height - height) / 2;
        for row in 0..height {
            for column in 0..width {
                let upper = self.light_at(fit, column, 2 * row);
                let lower = self.light_at(fit, column, 2 * row + 1);
                let cell = &mut buf[(left + column, top + row)];
                cell.reset();
                cell.set_symbol(glyph(upper, lower));
                if !no_color {
                    cell.set_fg(Color::White).set_bg(Color::Black);
                }
            }
        }
    }

    /// Whether the module under column `x`, half row `y` of the laid-out code is light (the
    /// quiet zone and the padding below an odd last half row are).
    fn light_at(&self, fit: Fit, x: u16, y: u16) -> bool {
        let module = |at: u16| (at / fit.scale).checked_sub(fit.quiet_zone);
        match (module(x), module(y)) {
            (Some(mx), Some(my)) if mx < self.side && my < self.side => {
                !self.dark[usize::from(my) * usize::from(self.side) + usize::from(mx)]
            }
            _ => true,
        }
    }
}

/// The half-block glyph that lights the light modules of a cell's upper and lower halves.
fn glyph(upper_light: bool, lower_light: bool) -> &'static str {
    match (upper_light, lower_light) {
        (true, true) => "█",
        (true, false) => "▀",
        (false, true) => "▄",
        (false, false) => " ",
    }
}
