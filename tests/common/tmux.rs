//! A small harness for driving the real `parvi` binary in a real terminal: tmux.
//!
//! Every [`Tmux`] is its own tmux server (`tmux -L parvi-e2e-<unique> -f /dev/null`), so tests
//! never touch each other or a user's tmux. The pane has a fixed size, no status line and a
//! fixed environment (`TERM=xterm-256color`, `LANG=C.UTF-8`, `NO_COLOR` empty unless asked).
//! Nothing here sleeps to wait for a screen: [`Tmux::wait_for`] polls every 50 ms up to a
//! deadline and, on timeout, panics with the last screen. Dropping a [`Tmux`] kills its
//! server and, should parvi have outlived its terminal, the parvi process it started.
//!
//! Used by `tests/e2e.rs` and `benches/cpu.rs` through `#[path = ...] mod tmux;`.
#![allow(
    dead_code,
    reason = "the e2e tests and the CPU bench use different parts"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// How long any wait may take before the test fails (CI machines are slow).
pub const DEADLINE: Duration = Duration::from_secs(10);

/// How often screens, files and processes are polled.
pub const POLL: Duration = Duration::from_millis(50);

/// The binary under test: this build's, or the one `PARVI_BIN` names (to compare two
/// builds in one benchmark).
pub fn parvi_bin() -> PathBuf {
    std::env::var_os("PARVI_BIN")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_parvi")), PathBuf::from)
}

/// The language every run uses, so the strings the tests wait for are stable.
pub const LANG: &str = "fi";

/// Whether tmux can be run here. The tests that need it are `#[ignore]`d, so a plain
/// `cargo test` leaves them out; run with `--include-ignored` they fail, loudly, without it.
pub fn available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs `parvi --data-dir <data> --lang fi <args>` as a plain command (no terminal).
pub fn cli(data: &Path, args: &[&str]) -> Output {
    Command::new(parvi_bin())
        .arg("--data-dir")
        .arg(data)
        .args(["--lang", LANG])
        .args(args)
        .env_remove("PARVI_DATA_DIR")
        .stdin(Stdio::null())
        .output()
        .expect("run parvi")
}

/// How the pane runs parvi.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrap {
    /// parvi is the pane's process itself (and so the terminal's session leader).
    Direct,
    /// parvi runs as a child of `sh`, which prints `[parvi exit N]` when parvi ends and
    /// keeps the pane open a while; parvi's exit status and the terminal state it left
    /// behind can be read from the pane.
    Shell,
    /// parvi runs as a child of `sh` that ignores SIGHUP (`trap '' HUP`, like `nohup`):
    /// when the terminal closes, no SIGHUP reaches parvi, only its tty watchdog can notice.
    ShellIgnoringHup,
}

/// What to start.
#[derive(Debug, Clone)]
pub struct Launch {
    pub cols: u16,
    pub rows: u16,
    pub wrap: Wrap,
    /// Extra environment, e.g. `("NO_COLOR", "1")`.
    pub env: Vec<(String, String)>,
    /// Arguments after `--data-dir <data> --lang fi`.
    pub args: Vec<String>,
    /// The directory parvi starts in (where it writes exported minutes).
    pub cwd: Option<PathBuf>,
    /// Another program to run in parvi's place (a yardstick such as tty-clock), with `args`
    /// alone; its process is [`Tmux::pane_pid`].
    pub program: Option<String>,
}

impl Launch {
    /// parvi at 80x24, run directly, with `args`.
    pub fn new(args: &[&str]) -> Launch {
        Launch {
            cols: 80,
            rows: 24,
            wrap: Wrap::Direct,
            env: Vec::new(),
            args: args.iter().map(|s| (*s).to_string()).collect(),
            cwd: None,
            program: None,
        }
    }

    /// `program` with `args` in place of parvi.
    pub fn program(program: &str, args: &[&str]) -> Launch {
        Launch {
            program: Some(program.to_string()),
            ..Launch::new(args)
        }
    }

    pub fn size(mut self, cols: u16, rows: u16) -> Launch {
        self.cols = cols;
        self.rows = rows;
        self
    }

    pub fn wrap(mut self, wrap: Wrap) -> Launch {
        self.wrap = wrap;
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Launch {
        self.env.push((key.to_string(), value.to_string()));
        self
    }
}

/// One tmux server with one pane running parvi.
pub struct Tmux {
    socket: String,
    wrap: Wrap,
    /// The parvi process, once found.
    pid: std::cell::Cell<Option<u32>>,
    /// Where the shell wrappers write parvi's exit status.
    status_file: PathBuf,
    _scratch: tempfile::TempDir,
    /// The server's socket file, which tmux 3.3 leaves behind after `kill-server`.
    socket_path: std::cell::RefCell<Option<PathBuf>>,
}

fn unique_socket() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!("parvi-e2e-{}-{n}-{nanos:x}", std::process::id())
}

impl Tmux {
    /// Starts parvi in a new tmux server with `data` as its data directory.
    pub fn start(data: &Path, launch: Launch) -> Tmux {
        assert!(
            available(),
            "tmux is not installed here (apt-get install -y tmux): this test drives parvi in it"
        );
        let mut env = vec![
            "env".to_string(),
            "-u".into(),
            "PARVI_DATA_DIR".into(),
            "TERM=xterm-256color".into(),
            "LANG=C.UTF-8".into(),
            "LC_ALL=C.UTF-8".into(),
            "COLORTERM=truecolor".into(),
        ];
        let no_color = launch
            .env
            .iter()
            .find(|(k, _)| k == "NO_COLOR")
            .map_or("", |(_, v)| v.as_str());
        env.push(format!("NO_COLOR={no_color}"));
        for (k, v) in launch.env.iter().filter(|(k, _)| k != "NO_COLOR") {
            env.push(format!("{k}={v}"));
        }
        let mut program = env;
        if let Some(other) = &launch.program {
            program.push(other.clone());
        } else {
            program.push(parvi_bin().display().to_string());
            program.push("--data-dir".into());
            program.push(data.display().to_string());
            program.push("--lang".into());
            program.push(LANG.into());
        }
        program.extend(launch.args.iter().cloned());

        let scratch = tempfile::tempdir().expect("temp dir");
        let status_file = scratch.path().join("status");
        // tmux runs a command given as several arguments directly, without a shell. The
        // shell wrappers get the status file as `$0` and parvi's command line as `$@`.
        let script = match launch.wrap {
            Wrap::Direct => None,
            Wrap::Shell => {
                Some(r#""$@"; s=$?; echo "$s" > "$0"; echo "[parvi exit $s]"; exec sleep 60"#)
            }
            // Not `exec`: parvi must stay a child, so SIGHUP goes to the shell only.
            Wrap::ShellIgnoringHup => Some(r#"trap '' HUP; "$@"; echo "$?" > "$0""#),
        };
        let pane: Vec<String> = match script {
            None => program,
            Some(script) => {
                let mut v = vec![
                    "sh".to_string(),
                    "-c".into(),
                    script.into(),
                    status_file.display().to_string(),
                ];
                v.extend(program);
                v
            }
        };

        let tmux = Tmux {
            socket: unique_socket(),
            wrap: launch.wrap,
            pid: std::cell::Cell::new(None),
            status_file,
            _scratch: scratch,
            socket_path: std::cell::RefCell::new(None),
        };
        let mut args: Vec<String> = vec![
            "start-server".into(),
            ";".into(),
            "set-option".into(),
            "-g".into(),
            "status".into(),
            "off".into(),
            ";".into(),
        ];
        if launch.wrap == Wrap::Direct {
            // Keep the pane (and its last screen) when parvi ends, for the assertions and
            // for the message of a failing test.
            args.extend(
                ["set-option", "-g", "remain-on-exit", "on", ";"]
                    .iter()
                    .map(|s| (*s).to_string()),
            );
        }
        args.extend(
            [
                "new-session",
                "-d",
                "-s",
                "main",
                "-x",
                &launch.cols.to_string(),
                "-y",
                &launch.rows.to_string(),
            ]
            .iter()
            .map(|s| (*s).to_string()),
        );
        if let Some(cwd) = &launch.cwd {
            args.push("-c".into());
            args.push(cwd.display().to_string());
        }
        args.extend(pane);
        let out = tmux.command(&args);
        assert!(
            out.status.success(),
            "tmux could not start: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let socket = tmux.display("#{socket_path}");
        tmux.socket_path.replace(Some(PathBuf::from(socket)));
        tmux
    }

    fn command<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run tmux")
    }

    fn command_ok<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> String {
        let out = self.command(args);
        assert!(
            out.status.success(),
            "tmux {:?} failed: {}",
            args.iter()
                .map(|a| a.as_ref().to_string_lossy().into_owned())
                .collect::<Vec<_>>(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Presses keys, in tmux's names: `Space`, `Enter`, `Escape`, `Up`, `C-c`, or a letter.
    pub fn send_keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        self.command_ok(&args);
    }

    /// Types text literally (`send-keys -l`), Finnish letters included.
    pub fn send_text(&self, text: &str) {
        self.command_ok(&["send-keys", "-t", "main", "-l", text]);
    }

    /// Pastes the contents of `file` as the terminal would (`load-buffer`, then
    /// `paste-buffer -p`: bracketed, since parvi asks for bracketed paste).
    pub fn paste_file(&self, file: &Path) {
        let path = file.display().to_string();
        self.command_ok(&["load-buffer", "-b", "paste", &path]);
        self.command_ok(&["paste-buffer", "-p", "-d", "-b", "paste", "-t", "main"]);
    }

    /// The screen as text.
    pub fn screen(&self) -> String {
        self.command_ok(&["capture-pane", "-p", "-t", "main"])
    }

    /// The screen with its colours and attributes as escape sequences (`capture-pane -e`).
    pub fn screen_ansi(&self) -> String {
        self.command_ok(&["capture-pane", "-p", "-e", "-t", "main"])
    }

    /// A tmux format about the pane, e.g. `#{alternate_on} #{cursor_flag}`.
    pub fn display(&self, format: &str) -> String {
        self.command_ok(&["display-message", "-p", "-t", "main", format])
            .trim_end()
            .to_string()
    }

    /// Resizes the terminal.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.command_ok(&[
            "resize-window",
            "-t",
            "main",
            "-x",
            &cols.to_string(),
            "-y",
            &rows.to_string(),
        ]);
    }

    /// Waits until `text` is on the screen; returns that screen.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} on screen"), |s| s.contains(text))
    }

    /// Waits until `text` is no longer on the screen; returns that screen.
    pub fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} gone from the screen"), |s| {
            !s.contains(text)
        })
    }

    /// Waits until the screen satisfies `ok`; on timeout panics with the last screen.
    pub fn wait_until(&self, what: &str, mut ok: impl FnMut(&str) -> bool) -> String {
        let end = Instant::now() + DEADLINE;
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            if Instant::now() > end {
                panic!(
                    "waited {DEADLINE:?} for {what}; the screen was:\n{}",
                    frame(&screen)
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// The parvi process. Waits for it to appear (the pane may still be starting).
    pub fn pid(&self) -> u32 {
        if let Some(pid) = self.pid.get() {
            return pid;
        }
        let end = Instant::now() + DEADLINE;
        let pane: u32 = loop {
            if let Ok(pid) = self.display("#{pane_pid}").parse() {
                break pid;
            }
            assert!(Instant::now() < end, "tmux has no pane pid");
            std::thread::sleep(POLL);
        };
        loop {
            let found = if self.wrap == Wrap::Direct {
                (comm(pane).as_deref() == Some("parvi")).then_some(pane)
            } else {
                children(pane)
                    .into_iter()
                    .find(|c| comm(*c).as_deref() == Some("parvi"))
            };
            if let Some(pid) = found {
                self.pid.set(Some(pid));
                return pid;
            }
            assert!(
                Instant::now() < end,
                "no parvi process under pane {pane}; the screen was:\n{}",
                frame(&self.screen())
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// parvi's exit status as its shell wrapper saw it (128 + n for signal n), once known.
    /// Always `None` for [`Wrap::Direct`].
    pub fn exit_status(&self) -> Option<i32> {
        std::fs::read_to_string(&self.status_file)
            .ok()?
            .trim()
            .parse()
            .ok()
    }

    /// Waits for [`Tmux::exit_status`].
    pub fn wait_exit_status(&self) -> i32 {
        let end = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = self.exit_status() {
                return status;
            }
            assert!(
                Instant::now() < end,
                "no exit status from parvi's shell within {DEADLINE:?}"
            );
            std::thread::sleep(POLL);
        }
    }

    /// The pane's own process (parvi itself when [`Wrap::Direct`], else the shell).
    pub fn pane_pid(&self) -> u32 {
        self.display("#{pane_pid}").parse().expect("pane pid")
    }

    /// Kills the tmux server: the pane's terminal goes away, as when a window is closed.
    pub fn kill_server(&self) {
        let _ = self.command(&["kill-server"]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.kill_server();
        if let Some(socket) = self.socket_path.take() {
            let _ = std::fs::remove_file(socket);
        }
        // A parvi that outlives its terminal would spin or linger: end it, by its id.
        if let Some(pid) = self.pid.get()
            && !wait_exit(pid, Duration::from_secs(2))
            && comm(pid).as_deref() == Some("parvi")
        {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
    }
}

/// A screen framed for a failure message.
pub fn frame(screen: &str) -> String {
    let mut out = String::from("┌────\n");
    for line in screen.lines() {
        out.push('│');
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("└────");
    out
}

/// `/proc/<pid>/stat`, split after the command name: (comm, fields from `state` on).
fn stat(pid: u32) -> Option<(String, Vec<String>)> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let open = text.find('(')?;
    let close = text.rfind(')')?;
    let comm = text[open + 1..close].to_string();
    let rest = text[close + 1..]
        .split_whitespace()
        .map(str::to_string)
        .collect();
    Some((comm, rest))
}

/// The command name of a process.
pub fn comm(pid: u32) -> Option<String> {
    stat(pid).map(|(c, _)| c)
}

/// A field of `/proc/<pid>/stat` by its number in proc(5) (1 = pid, 3 = state, 14 = utime).
pub fn stat_field(pid: u32, field: usize) -> Option<String> {
    let (_, rest) = stat(pid)?;
    rest.get(field.checked_sub(3)?).cloned()
}

/// Whether a process is running (a zombie nobody has reaped yet counts as ended).
pub fn alive(pid: u32) -> bool {
    stat(pid).is_some_and(|(_, rest)| !matches!(rest.first().map(String::as_str), Some("Z" | "X")))
}

/// Waits up to `limit` for a process to end; whether it did.
pub fn wait_exit(pid: u32, limit: Duration) -> bool {
    let end = Instant::now() + limit;
    loop {
        if !alive(pid) {
            return true;
        }
        if Instant::now() > end {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The processes whose parent is `pid`.
pub fn children(pid: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|p| stat_field(*p, 4).and_then(|pp| pp.parse::<u32>().ok()) == Some(pid))
        .collect()
}

/// Sends a signal by name (`TERM`, `KILL`) to one process.
pub fn signal(pid: u32, name: &str) {
    let status = Command::new("kill")
        .args([format!("-{name}"), pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -{name} {pid} failed");
}
