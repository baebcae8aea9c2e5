//! The real `parvi` on a pseudo-terminal this test opens itself, and a small screen that
//! reads what it draws: for tests that start the app hundreds of times, where a tmux server
//! per start would cost too much.
//!
//! parvi runs under `setsid -c` (util-linux), so the pseudo-terminal is its controlling
//! terminal and `/dev/tty` works, as in a real window. [`Screen`] understands the escapes
//! ratatui and crossterm write (cursor moves, clearing, the alternate screen, the cursor
//! shown or hidden) and ignores colours: enough to read the words of a frame.
#![allow(dead_code, reason = "each test file uses a different part")]

use std::io::Read;
use std::os::fd::OwnedFd;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use rustix::fs::{Mode, OFlags};
use rustix::pty::OpenptFlags;

/// parvi started on a fresh pseudo-terminal, with what it drew so far.
pub struct Running {
    pub child: Child,
    master: std::fs::File,
    output: Receiver<Vec<u8>>,
    reader: Option<std::thread::JoinHandle<()>>,
    pub screen: Screen,
}

/// Opens a pseudo-terminal of `cols`x`rows`: (our side, the side parvi gets).
fn open_pty(cols: u16, rows: u16) -> std::io::Result<(OwnedFd, OwnedFd)> {
    let master = rustix::pty::openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY)?;
    rustix::pty::grantpt(&master)?;
    rustix::pty::unlockpt(&master)?;
    let name = rustix::pty::ptsname(&master, Vec::new())?;
    let slave = rustix::fs::open(
        name.as_c_str(),
        OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC,
        Mode::empty(),
    )?;
    let size = rustix::termios::Winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    rustix::termios::tcsetwinsize(&slave, size)?;
    Ok((master, slave))
}

impl Running {
    /// Starts `parvi --data-dir <data> --lang fi <args>` on a new `cols`x`rows` terminal.
    pub fn start(data: &Path, args: &[&str], cols: u16, rows: u16) -> Running {
        let (master, slave) = open_pty(cols, rows).expect("open a pseudo-terminal");
        let stdio = || Stdio::from(slave.try_clone().expect("dup the terminal"));
        let child = Command::new("setsid")
            .arg("-c")
            .arg(env!("CARGO_BIN_EXE_parvi"))
            .arg("--data-dir")
            .arg(data)
            .args(["--lang", "fi"])
            .args(args)
            .env_remove("PARVI_DATA_DIR")
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .env("NO_COLOR", "1")
            .stdin(stdio())
            .stdout(stdio())
            .stderr(stdio())
            .spawn()
            .expect("start parvi under setsid");
        // Only parvi holds the terminal now: when it dies, reading our side ends.
        drop(slave);
        let master = std::fs::File::from(master);
        let mut reading = master.try_clone().expect("dup our side");
        let (tx, output) = channel();
        let reader = std::thread::spawn(move || {
            let mut buf = vec![0u8; 65536];
            while let Ok(n) = reading.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Running {
            child,
            master,
            output,
            reader: Some(reader),
            screen: Screen::new(cols, rows),
        }
    }

    /// Types `bytes` as keys.
    pub fn keys(&mut self, bytes: &[u8]) {
        use std::io::Write;
        self.master
            .write_all(bytes)
            .expect("type into the terminal");
    }

    /// Reads what parvi drew until the screen satisfies `ok` or `limit` passes: whether it
    /// did. Never sleeps: it blocks on the output until the deadline.
    pub fn wait(&mut self, limit: Duration, mut ok: impl FnMut(&Screen) -> bool) -> bool {
        let end = Instant::now() + limit;
        loop {
            if ok(&self.screen) {
                return true;
            }
            let left = end.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.screen.feed(&bytes),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                    return ok(&self.screen);
                }
            }
        }
    }

    /// `kill -9`, then waits for the process and for the end of its output.
    pub fn kill(mut self) -> std::process::ExitStatus {
        let _ = self.child.kill();
        let status = self.child.wait().expect("wait for parvi");
        drop(self.master);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        status
    }
}

/// A terminal screen as text, fed the bytes an app writes.
pub struct Screen {
    cols: usize,
    rows: usize,
    cells: Vec<Vec<char>>,
    row: usize,
    col: usize,
    pub alternate: bool,
    pub cursor_shown: bool,
    state: State,
    /// Bytes of a character split between two reads.
    partial: Vec<u8>,
}

enum State {
    Ground,
    Escape,
    Csi(Vec<u8>),
    Osc,
}

impl Screen {
    pub fn new(cols: u16, rows: u16) -> Screen {
        let (cols, rows) = (usize::from(cols), usize::from(rows));
        Screen {
            cols,
            rows,
            cells: vec![vec![' '; cols]; rows],
            row: 0,
            col: 0,
            alternate: false,
            cursor_shown: true,
            state: State::Ground,
            partial: Vec::new(),
        }
    }

    /// The screen's rows, joined by newlines.
    pub fn text(&self) -> String {
        let lines: Vec<String> = self
            .cells
            .iter()
            .map(|r| r.iter().filter(|c| **c != '\0').collect())
            .collect();
        lines.join("\n")
    }

    pub fn contains(&self, text: &str) -> bool {
        self.text().contains(text)
    }

    fn clear(&mut self) {
        self.cells = vec![vec![' '; self.cols]; self.rows];
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        let mut data = std::mem::take(&mut self.partial);
        data.extend_from_slice(bytes);
        let (text, rest) = match std::str::from_utf8(&data) {
            Ok(text) => (text, &[][..]),
            Err(e) => {
                let (good, rest) = data.split_at(e.valid_up_to());
                // An incomplete character waits for the next read; a broken one is skipped.
                let rest = if e.error_len().is_none() {
                    rest
                } else {
                    &rest[e.error_len().unwrap_or(1)..]
                };
                (std::str::from_utf8(good).unwrap_or_default(), rest)
            }
        };
        let rest = rest.to_vec();
        for c in text.chars() {
            self.char(c);
        }
        self.partial = rest;
    }

    fn char(&mut self, c: char) {
        match std::mem::replace(&mut self.state, State::Ground) {
            State::Ground => match c {
                '\x1b' => self.state = State::Escape,
                '\r' => self.col = 0,
                '\n' => self.row = (self.row + 1).min(self.rows.saturating_sub(1)),
                '\x08' => self.col = self.col.saturating_sub(1),
                c if c.is_control() => {}
                c => self.print(c),
            },
            State::Escape => match c {
                '[' => self.state = State::Csi(Vec::new()),
                ']' => self.state = State::Osc,
                _ => {}
            },
            State::Csi(mut params) => {
                if ('\x40'..='\x7e').contains(&c) {
                    self.csi(&params, c);
                } else {
                    params.extend(c.to_string().bytes());
                    self.state = State::Csi(params);
                }
            }
            State::Osc => {
                if c != '\x07' && c != '\x1b' {
                    self.state = State::Osc;
                }
            }
        }
    }

    fn print(&mut self, c: char) {
        let width = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if width == 0 || self.row >= self.rows {
            return;
        }
        if self.col + width > self.cols {
            return;
        }
        self.cells[self.row][self.col] = c;
        if width == 2 {
            self.cells[self.row][self.col + 1] = '\0';
        }
        self.col += width;
    }

    fn csi(&mut self, params: &[u8], fin: char) {
        let text = String::from_utf8_lossy(params);
        let private = text.starts_with('?');
        let numbers: Vec<usize> = text
            .trim_start_matches('?')
            .split(';')
            .map(|n| n.parse().unwrap_or(0))
            .collect();
        let n = |i: usize| numbers.get(i).copied().filter(|v| *v > 0).unwrap_or(1);
        match (private, fin) {
            (false, 'H' | 'f') => {
                self.row = (n(0) - 1).min(self.rows.saturating_sub(1));
                self.col = (n(1) - 1).min(self.cols.saturating_sub(1));
            }
            (false, 'J') if numbers.first() == Some(&2) => self.clear(),
            (false, 'K') => {
                if let Some(row) = self.cells.get_mut(self.row) {
                    row[self.col.min(self.cols)..].fill(' ');
                }
            }
            (false, 'A') => self.row = self.row.saturating_sub(n(0)),
            (false, 'B') => self.row = (self.row + n(0)).min(self.rows.saturating_sub(1)),
            (false, 'C') => self.col = (self.col + n(0)).min(self.cols.saturating_sub(1)),
            (false, 'D') => self.col = self.col.saturating_sub(n(0)),
            (true, 'h' | 'l') => {
                let on = fin == 'h';
                for mode in &numbers {
                    match mode {
                        1049 => {
                            self.alternate = on;
                            self.clear();
                        }
                        25 => self.cursor_shown = on,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}
