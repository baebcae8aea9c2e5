//! The wall's QR code (issue 13): the drawn cells are exactly the code with its quiet zone,
//! it is centred or not drawn at all, and zbar (a decoder of a phone camera's kind) reads
//! both the module matrix and the cells as a terminal would show them on a projector.
//!
//! The decoding tests need `zbarimg` (Debian's zbar-tools, installed by `.ci/run`); without
//! it they say so and pass.

use std::io::ErrorKind;
use std::process::Command;

use parvi::tui::widgets::qr::{Fit, Qr};
use qrcode::{EcLevel, QrCode};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;

/// A join URL as the wall will show it: raw IP, port and a 16-character token; 45 characters.
const URL: &str = "http://192.168.100.23:8127/j/Xk3f9QmZ2pL7aB1c";

/// What a cell holds before the widget draws: any cell still holding it was not drawn.
const UNTOUCHED: &str = "x";

/// Modules row by row; `true` is dark.
type Modules = Vec<Vec<bool>>;

/// The code the `qrcode` crate makes for `text` at `level`, with `quiet` light modules around.
fn expected(text: &str, level: EcLevel, quiet: usize) -> Modules {
    let code = QrCode::with_error_correction_level(text, level).unwrap();
    let side = code.width() + 2 * quiet;
    (0..side)
        .map(|y| {
            (0..side)
                .map(|x| {
                    let inside = |at: usize| at.checked_sub(quiet).filter(|&m| m < code.width());
                    match (inside(x), inside(y)) {
                        (Some(mx), Some(my)) => code[(mx, my)] == qrcode::Color::Dark,
                        _ => false,
                    }
                })
                .collect()
        })
        .collect()
}

/// A buffer of `width` × `height` with every cell marked untouched.
fn marked(width: u16, height: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    for cell in buf.content.iter_mut() {
        cell.set_symbol(UNTOUCHED);
    }
    buf
}

/// The smallest rectangle holding every drawn cell, found in the buffer, not computed.
fn drawn(buf: &Buffer) -> Option<Rect> {
    let cells: Vec<(u16, u16)> = buf
        .area
        .positions()
        .filter(|p| buf[*p].symbol() != UNTOUCHED)
        .map(|p| (p.x, p.y))
        .collect();
    let left = cells.iter().map(|c| c.0).min()?;
    let top = cells.iter().map(|c| c.1).min()?;
    let right = cells.iter().map(|c| c.0).max()?;
    let bottom = cells.iter().map(|c| c.1).max()?;
    Some(Rect::new(left, top, right - left + 1, bottom - top + 1))
}

/// The half rows of `rect` as a terminal lights them: per column, upper and lower half of each
/// cell; `true` is lit. Any glyph other than the four half-block ones fails the test.
fn lit_halves(buf: &Buffer, rect: Rect) -> Vec<Vec<bool>> {
    let mut halves = Vec::new();
    for y in rect.top()..rect.bottom() {
        let (mut upper, mut lower) = (Vec::new(), Vec::new());
        for x in rect.left()..rect.right() {
            let (u, l) = match buf[(x, y)].symbol() {
                "█" => (true, true),
                "▀" => (true, false),
                "▄" => (false, true),
                " " => (false, false),
                other => panic!("cell ({x}, {y}) holds {other:?}, not a half block"),
            };
            upper.push(u);
            lower.push(l);
        }
        halves.push(upper);
        halves.push(lower);
    }
    halves
}

/// Reads the drawn code in `rect` back into modules of `scale` columns by `scale` half rows:
/// a lit half is a light module. Every half of a module must agree, and the half row left
/// over below an odd code must be light.
fn read_back(buf: &Buffer, rect: Rect, scale: usize) -> Modules {
    let halves = lit_halves(buf, rect);
    let side = rect.width as usize / scale;
    assert_eq!(
        side * scale,
        rect.width as usize,
        "not a whole number of modules"
    );
    for padding in &halves[side * scale..] {
        assert!(
            padding.iter().all(|&lit| lit),
            "the padding half row is not light"
        );
    }
    (0..side)
        .map(|my| {
            (0..side)
                .map(|mx| {
                    let lit = halves[my * scale][mx * scale];
                    for row in &halves[my * scale..(my + 1) * scale] {
                        let block = &row[mx * scale..(mx + 1) * scale];
                        assert!(
                            block.iter().all(|&l| l == lit),
                            "module ({mx}, {my}) is split"
                        );
                    }
                    !lit
                })
                .collect()
        })
        .collect()
}

/// Whether every cell of `rect` has the colours the widget promises: white on black, or
/// none at all (the terminal's own) with `no_color`.
fn coloured(buf: &Buffer, rect: Rect, no_color: bool) -> bool {
    let (fg, bg) = if no_color {
        (Color::Reset, Color::Reset)
    } else {
        (Color::White, Color::Black)
    };
    rect.positions().all(|p| buf[p].fg == fg && buf[p].bg == bg)
}

#[test]
fn the_drawn_cells_are_the_code_with_its_quiet_zone() {
    let qr = Qr::new(URL).unwrap();
    // Q costs no version over M for a join URL, so Q it is (and the two codes differ).
    let medium = QrCode::with_error_correction_level(URL, EcLevel::M).unwrap();
    let quartile = QrCode::with_error_correction_level(URL, EcLevel::Q).unwrap();
    assert_eq!(medium.version(), quartile.version());
    assert_eq!(qr.modules(), 33, "version 4");
    assert_eq!(
        qr.size(),
        (41, 21),
        "33 modules and 2 × 4 of quiet zone, two per row"
    );
    let want = expected(URL, EcLevel::Q, 4);
    assert_ne!(want, expected(URL, EcLevel::M, 4));
    for no_color in [false, true] {
        let mut buf = marked(60, 30);
        assert!(qr.render(buf.area, &mut buf, no_color));
        let rect = drawn(&buf).unwrap();
        assert_eq!((rect.width, rect.height), qr.size());
        assert_eq!(read_back(&buf, rect, 1), want, "no_color {no_color}");
        assert!(coloured(&buf, rect, no_color), "no_color {no_color}");
    }
}

#[test]
fn too_small_an_area_gets_nothing_and_a_tight_one_a_narrower_quiet_zone() {
    let qr = Qr::new(URL).unwrap();
    // The narrowest quiet zone (2) needs 37 × 19; one cell less either way is too small.
    for area in [Rect::new(5, 3, 36, 40), Rect::new(5, 3, 80, 18)] {
        let mut buf = marked(100, 50);
        assert!(!qr.render(area, &mut buf, false), "{area:?}");
        assert_eq!(qr.render_scaled(area, &mut buf, false), None, "{area:?}");
        assert_eq!(drawn(&buf), None, "{area:?}");
    }
    // An area reaching past the buffer counts only where it is inside it.
    let mut buf = marked(40, 20);
    assert!(!qr.render(Rect::new(4, 0, 40, 20), &mut buf, false));
    assert_eq!(drawn(&buf), None);
    for (width, height, quiet) in [(37, 19, 2), (39, 20, 3), (40, 40, 3), (41, 21, 4)] {
        let mut buf = marked(width, height);
        assert!(qr.render(buf.area, &mut buf, false), "{width}x{height}");
        let rect = drawn(&buf).unwrap();
        let fit = Fit {
            scale: 1,
            quiet_zone: quiet,
        };
        assert_eq!(
            (rect.width, rect.height),
            qr.size_at(fit),
            "{width}x{height}"
        );
        let modules = read_back(&buf, rect, 1);
        assert_eq!(modules, expected(URL, EcLevel::Q, quiet as usize));
    }
}

#[test]
fn the_code_is_centred_in_its_area() {
    let qr = Qr::new(URL).unwrap();
    let area = Rect::new(3, 2, 70, 30);
    let mut buf = marked(80, 40);
    assert!(qr.render(area, &mut buf, false));
    let rect = drawn(&buf).unwrap();
    let (left, right) = (rect.x - area.x, area.right() - rect.right());
    let (above, below) = (rect.y - area.y, area.bottom() - rect.bottom());
    assert_eq!((left, right, above, below), (14, 15, 4, 5), "{rect:?}");
}

#[test]
fn a_bigger_area_gets_the_largest_square_modules_that_fit() {
    let qr = Qr::new(URL).unwrap();
    // (area, scale, quiet zone, columns × rows drawn)
    let cases = [
        ((60, 30), 1, 4, (41, 21)),
        ((73, 41), 1, 4, (41, 21)),
        // A larger module wins over a wider margin.
        ((74, 37), 2, 2, (74, 37)),
        ((81, 41), 2, 3, (78, 39)),
        ((82, 41), 2, 4, (82, 41)),
        ((160, 45), 2, 4, (82, 41)),
        ((123, 62), 3, 4, (123, 62)),
        ((250, 70), 3, 4, (123, 62)),
    ];
    for ((width, height), scale, quiet, size) in cases {
        let mut buf = marked(width, height);
        let fit = qr.render_scaled(buf.area, &mut buf, false);
        let want = Fit {
            scale,
            quiet_zone: quiet,
        };
        assert_eq!(fit, Some(want), "{width}x{height}");
        let rect = drawn(&buf).unwrap();
        assert_eq!((rect.width, rect.height), size, "{width}x{height}");
        assert_eq!(qr.size_at(want), size);
        let modules = read_back(&buf, rect, scale as usize);
        assert_eq!(modules, expected(URL, EcLevel::Q, quiet as usize));
        assert!(coloured(&buf, rect, false));
        if scale == 2 {
            // Two columns by one row: whole cells, no half blocks at all.
            let whole = rect
                .positions()
                .all(|p| ["█", " "].contains(&buf[p].symbol()));
            assert!(whole, "{width}x{height}");
        }
    }
}

/// A grey image, row by row, 0 black and 255 white.
struct Grey {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Grey {
    /// The image as a binary PGM file, which zbarimg reads.
    fn pgm(&self) -> Vec<u8> {
        let mut file = format!("P5\n{} {}\n255\n", self.width, self.height).into_bytes();
        file.extend_from_slice(&self.pixels);
        file
    }
}

/// `modules` as an image of `px` pixels per module, dark black and light white.
fn modules_image(modules: &Modules, px: usize) -> Grey {
    let side = modules.len() * px;
    let pixels = (0..side * side)
        .map(|i| {
            if modules[i / side / px][i % side / px] {
                0
            } else {
                255
            }
        })
        .collect();
    Grey {
        width: side,
        height: side,
        pixels,
    }
}

/// A terminal theme's own colours, for cells that set none: (foreground, background).
const DARK_THEME: (u8, u8) = (220, 30);
const LIGHT_THEME: (u8, u8) = (40, 245);

/// The buffer as a terminal shows it in `theme`, each cell 8 × 16 pixels: a half block lights
/// its half in the foreground colour, the rest of the cell is the background colour.
fn cells_image(buf: &Buffer, theme: (u8, u8)) -> Grey {
    let (cell_w, cell_h) = (8, 16);
    let width = buf.area.width as usize * cell_w;
    let height = buf.area.height as usize * cell_h;
    let shade = |colour: Color, own: u8| match colour {
        Color::Reset => own,
        Color::Black => 0,
        Color::White => 255,
        other => panic!("a colour the widget does not use: {other:?}"),
    };
    let mut pixels = vec![0; width * height];
    for p in buf.area.positions() {
        let cell = &buf[p];
        let (fg, bg) = (shade(cell.fg, theme.0), shade(cell.bg, theme.1));
        let (upper, lower) = match cell.symbol() {
            "█" => (fg, fg),
            "▀" => (fg, bg),
            "▄" => (bg, fg),
            _ => (bg, bg),
        };
        for dy in 0..cell_h {
            let value = if dy < cell_h / 2 { upper } else { lower };
            let row = (p.y as usize * cell_h + dy) * width;
            let start = row + p.x as usize * cell_w;
            pixels[start..start + cell_w].fill(value);
        }
    }
    Grey {
        width,
        height,
        pixels,
    }
}

/// What `zbarimg --raw -q` reads in `image`; `None`, after saying so, when zbar-tools is
/// not installed.
fn zbar(image: &Grey) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("code.pgm");
    std::fs::write(&path, image.pgm()).unwrap();
    match Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(&path)
        .output()
    {
        Ok(out) => Some(
            String::from_utf8(out.stdout)
                .unwrap()
                .trim_end()
                .to_string(),
        ),
        Err(e) if e.kind() == ErrorKind::NotFound => {
            println!("skipped: zbar-tools not installed (no zbarimg)");
            None
        }
        Err(e) => panic!("zbarimg: {e}"),
    }
}

#[test]
fn zbar_reads_the_drawn_modules() {
    let qr = Qr::new(URL).unwrap();
    // The full quiet zone, and the narrowest one a tight area gets.
    for (width, height) in [(41, 21), (37, 19)] {
        let mut buf = marked(width, height);
        assert!(qr.render(buf.area, &mut buf, false));
        let modules = read_back(&buf, buf.area, 1);
        let Some(text) = zbar(&modules_image(&modules, 8)) else {
            return;
        };
        assert_eq!(text, URL, "{width}x{height}");
    }
}

/// The 160x45 wall with the code drawn in its middle, at scale 1 (half blocks) or scaled.
fn wall(qr: &Qr, scaled: bool, no_color: bool) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
    terminal
        .draw(|frame| {
            let area = frame.area();
            let drawn = if scaled {
                qr.render_scaled(area, frame.buffer_mut(), no_color)
                    .is_some()
            } else {
                qr.render(area, frame.buffer_mut(), no_color)
            };
            assert!(drawn);
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

#[test]
fn zbar_reads_the_cells_as_a_terminal_shows_them_at_photo_size() {
    let qr = Qr::new(URL).unwrap();
    // Colours read the same on either theme; without them the code assumes a dark one.
    let cases = [
        (false, false, DARK_THEME),
        (false, false, LIGHT_THEME),
        (false, true, DARK_THEME),
        (true, false, DARK_THEME),
        (true, false, LIGHT_THEME),
        (true, true, DARK_THEME),
    ];
    for (scaled, no_color, theme) in cases {
        let buf = wall(&qr, scaled, no_color);
        let image = cells_image(&buf, theme);
        assert_eq!((image.width, image.height), (1280, 720));
        let Some(text) = zbar(&image) else {
            return;
        };
        assert_eq!(
            text, URL,
            "scaled {scaled}, no_color {no_color}, theme {theme:?}"
        );
    }
}

#[test]
fn text_too_long_for_any_version_has_no_code() {
    assert!(Qr::new(&"x".repeat(2400)).is_none());
    assert!(Qr::new(&"x".repeat(2300)).is_some());
}
