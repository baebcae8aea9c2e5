//! CPU and wake-ups of the real binary while a meeting runs (DESIGN §8: with a timer running
//! and nothing else happening, at most 30 ms of CPU per minute and one wake-up per second).
//!
//! `cargo bench --bench cpu` starts the release binary in tmux on a running turn (a round
//! whose turns are an hour long, so nothing ends during the measurement), at 80x24, 160x45
//! and 200x60. Beside it, each in its own tmux of the same size and measured in the same
//! window: `parvi wall` following that meeting, and `tty-clock -s -c` (a C clock that redraws
//! every second: the yardstick) when it is installed. Each window is 60 s
//! (`PARVI_CPU_SECS` changes it):
//! - CPU: utime + stime from `/proc/<pid>/stat` (clock ticks, as `top` sees it) and, more
//!   precisely, the nanoseconds on CPU from `/proc/<pid>/task/*/schedstat`;
//! - wake-ups: voluntary context switches of every thread (`/proc/<pid>/task/*/status`),
//!   i.e. how often a thread went to sleep and had to be woken, over the same window;
//! - at 80x24, when `strace` is installed, a further window per parvi with `strace -f`
//!   counting the returns of each blocking call per thread (a separate window, because
//!   tracing itself costs the traced process CPU).
//!
//! Then the same at 80x24 for a paused meeting, where nothing on screen changes. The figures
//! and their ratios are printed; nothing fails, because budgets are for benchmarks to
//! report, not timed tests.

#[path = "../tests/common/tmux.rs"]
mod tmux;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use parvi::model::{EventKind, Format, MeetingState, PhaseKind, SessionRecord};
use tmux::{Launch, Tmux};

const GROUP: &str = "Suoritinryhmä";
const BUDGET_CPU_MS_PER_MIN: f64 = 30.0;
const BUDGET_WAKEUPS_PER_S: f64 = 1.0;

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this too: stay quick then.
    if !std::env::args().any(|a| a == "--bench") {
        println!("cpu: run with `cargo bench --bench cpu`");
        return;
    }
    if !tmux::available() {
        println!("cpu: skipped, tmux is not installed (apt-get install -y tmux)");
        return;
    }
    let secs: u64 = std::env::var("PARVI_CPU_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let window = Duration::from_secs(secs);
    let strace = Command::new("strace")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let tick = clock_ticks_per_second();

    println!(
        "parvi CPU benchmark: release binary in tmux, {secs} s windows, CLK_TCK {tick}, \
         budget {BUDGET_CPU_MS_PER_MIN} ms CPU/min and {BUDGET_WAKEUPS_PER_S} wake-up/s"
    );
    let tty_clock = Command::new("sh")
        .args(["-c", "command -v tty-clock"])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !tty_clock {
        println!("(tty-clock is not installed: apt-get install -y tty-clock for the yardstick)");
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    for (cols, rows) in [(80u16, 24u16), (160, 45), (200, 60)] {
        let data = tmp.path().join(format!("data-{cols}x{rows}"));
        prepare(&data);
        let tmux = Tmux::start(
            &data,
            Launch::new(&["run", "--group", GROUP, "--format", "cpu-bench"]).size(cols, rows),
        );
        let pid = tmux.pid();
        start_turn(&data, &tmux);
        // The room's wall on the same meeting, and a C clock that redraws every second, each
        // in its own terminal of the same size, measured in the same window.
        let wall = Tmux::start(&data, Launch::new(&["wall"]).size(cols, rows));
        wall.wait_for("Aino Virtanen");
        let clock = tty_clock.then(|| {
            Tmux::start(
                &data,
                Launch::program("tty-clock", &["-s", "-c"]).size(cols, rows),
            )
        });
        let mut processes = vec![("meeting screen", pid), ("wall", wall.pid())];
        if let Some(clock) = &clock {
            processes.push(("tty-clock -s -c", clock.pane_pid()));
        }
        settle();
        let measured = measure_together(&processes, window, tick);
        let first = cols == 80;
        for ((name, pid), m) in processes.iter().zip(&measured) {
            let traced =
                (strace && first && *name != "tty-clock -s -c").then(|| trace(*pid, window));
            report(&format!("{name}, running turn, {cols}x{rows}"), m, traced);
        }
        compare(&processes, &measured);
        if first {
            tmux.send_keys(&["p"]);
            wait_record(&data, "the pause", |r| {
                r.events.last().map(|e| &e.event) == Some(&EventKind::Paused)
            });
            tmux.wait_for("PYSÄYTETTY");
            wall.wait_until("the pause on the wall", |s| {
                s.to_lowercase().contains("tauko")
            });
            settle();
            let both = &processes[..2];
            let measured = measure_together(both, window, tick);
            for ((name, pid), m) in both.iter().zip(&measured) {
                let traced = strace.then(|| trace(*pid, window));
                report(&format!("{name}, paused meeting, {cols}x{rows}"), m, traced);
            }
        }
    }
}

/// The CPU of each process against the meeting screen's and tty-clock's, in one line.
fn compare(processes: &[(&str, u32)], measured: &[Measured]) {
    let cpu: Vec<f64> = measured
        .iter()
        .map(|m| m.cpu_ms_exact * 60.0 / m.secs)
        .collect();
    println!();
    print!("   side by side, ms CPU per minute:");
    for ((name, _), ms) in processes.iter().zip(&cpu) {
        print!("  {name} {ms:.1}");
    }
    println!();
    if cpu[0] > 0.0 {
        println!("   wall / meeting screen: {:.2}x", cpu[1] / cpu[0]);
    }
    if let Some(clock) = cpu.get(2).filter(|c| **c > 0.0) {
        println!(
            "   against tty-clock: meeting screen {:.2}x, wall {:.2}x",
            cpu[0] / clock,
            cpu[1] / clock
        );
    }
}

/// A data directory with a group of four and the bench's format: the quick round with a
/// two-hour phase and hour-long turns.
fn prepare(data: &Path) {
    let out = tmux::cli(
        data,
        &[
            "groups",
            "add",
            "--kind",
            "other",
            GROUP,
            "--member",
            "Aino Virtanen:student",
            "--member",
            "Bertta Koski:teacher",
            "--member",
            "Cecilia Öberg:nurse",
            "--member",
            "Daniel Äijälä:student",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("formats/kierros.json"))
            .expect("formats/kierros.json");
    let mut format: Format = serde_json::from_str(&text).expect("the kierros format");
    format.name = "cpu-bench".into();
    for phase in &mut format.phases {
        if phase.kind == PhaseKind::Round {
            phase.minutes = 120;
            phase.turn_seconds = Some(3600);
        }
    }
    std::fs::create_dir_all(data.join("formats")).unwrap();
    std::fs::write(
        data.join("formats/cpu-bench.json"),
        serde_json::to_vec_pretty(&format).unwrap(),
    )
    .unwrap();
}

fn session(data: &Path) -> Option<SessionRecord> {
    let dir = std::fs::read_dir(data.join("sessions")).ok()?;
    let path: PathBuf = dir.flatten().map(|e| e.path()).find(|p| {
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        name.ends_with(".json") && !name.starts_with('.')
    })?;
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

fn wait_record(data: &Path, what: &str, ok: impl Fn(&SessionRecord) -> bool) {
    let end = Instant::now() + tmux::DEADLINE;
    while !session(data).is_some_and(|r| ok(&r)) {
        assert!(Instant::now() < end, "no {what} in the meeting file");
        std::thread::sleep(tmux::POLL);
    }
}

/// Past the info item into the round, and the first turn running.
fn start_turn(data: &Path, tmux: &Tmux) {
    wait_record(data, "meeting", |r| !r.events.is_empty());
    tmux.send_keys(&["n"]);
    wait_record(data, "round", |r| MeetingState::replay(r).round.is_some());
    tmux.send_keys(&["Space"]);
    wait_record(data, "turn", |r| MeetingState::replay(r).turn.is_some());
    tmux.wait_for("Aino Virtanen");
}

/// Lets the first redraws after the last key pass before measuring.
fn settle() {
    std::thread::sleep(Duration::from_millis(1500));
}

fn clock_ticks_per_second() -> u64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100)
}

/// One thread's counters.
#[derive(Debug, Clone, Default)]
struct Thread {
    /// What it is blocked in, from `/proc/<pid>/task/<tid>/syscall`.
    role: String,
    cpu_ns: u64,
    voluntary: u64,
    involuntary: u64,
}

/// A snapshot of the process's counters.
#[derive(Debug, Clone, Default)]
struct Sample {
    ticks: u64,
    threads: BTreeMap<u32, Thread>,
}

fn sample(pid: u32) -> Sample {
    let ticks = ["14", "15"]
        .iter()
        .map(|f| {
            tmux::stat_field(pid, f.parse().unwrap())
                .and_then(|v| v.parse::<u64>().ok())
                .expect("utime/stime")
        })
        .sum();
    let mut threads = BTreeMap::new();
    for entry in std::fs::read_dir(format!("/proc/{pid}/task"))
        .expect("tasks")
        .flatten()
    {
        let Ok(tid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let dir = entry.path();
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        let status = read("status");
        let field = |key: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.trim().parse::<u64>().ok())
                .unwrap_or(0)
        };
        let cpu_ns = read("schedstat")
            .split_whitespace()
            .next()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let role = role_of(pid, tid);
        threads.insert(
            tid,
            Thread {
                role,
                cpu_ns,
                voluntary: field("voluntary_ctxt_switches:"),
                involuntary: field("nonvoluntary_ctxt_switches:"),
            },
        );
    }
    Sample { ticks, threads }
}

/// What a thread is, from the call it blocks in (`/proc/<pid>/task/<tid>/syscall`, x86_64
/// numbers). Read a few times, as a thread may be caught running.
fn role_of(pid: u32, tid: u32) -> String {
    if tid == pid {
        return "main (event loop)".into();
    }
    for _ in 0..50 {
        let text =
            std::fs::read_to_string(format!("/proc/{pid}/task/{tid}/syscall")).unwrap_or_default();
        match text.split_whitespace().next() {
            Some("230" | "35") => return "tty watchdog (sleep)".into(),
            Some("45" | "7" | "271" | "0") => return "signal thread".into(),
            Some("running") | None => std::thread::sleep(Duration::from_millis(3)),
            Some(other) => return format!("blocked in syscall {other}"),
        }
    }
    "?".into()
}

/// What a window measured.
struct Measured {
    secs: f64,
    cpu_ms_ticks: f64,
    cpu_ms_exact: f64,
    /// (tid, role, cpu ms, voluntary switches, involuntary switches)
    threads: Vec<(u32, String, f64, u64, u64)>,
    tick: u64,
}

/// Measures each of `processes` over the same window.
fn measure_together(processes: &[(&str, u32)], window: Duration, tick: u64) -> Vec<Measured> {
    let before: Vec<Sample> = processes.iter().map(|(_, pid)| sample(*pid)).collect();
    let started = Instant::now();
    std::thread::sleep(window);
    let after: Vec<Sample> = processes.iter().map(|(_, pid)| sample(*pid)).collect();
    let secs = started.elapsed().as_secs_f64();
    processes
        .iter()
        .zip(before.into_iter().zip(after))
        .map(|((name, pid), (before, after))| {
            assert!(tmux::alive(*pid), "{name} ended during the measurement");
            difference(&before, &after, secs, tick)
        })
        .collect()
}

fn difference(before: &Sample, after: &Sample, secs: f64, tick: u64) -> Measured {
    let mut threads = Vec::new();
    let mut cpu_ns = 0;
    for (tid, a) in &after.threads {
        let b = before.threads.get(tid).cloned().unwrap_or_default();
        let ns = a.cpu_ns - b.cpu_ns;
        cpu_ns += ns;
        threads.push((
            *tid,
            a.role.clone(),
            ns as f64 / 1e6,
            a.voluntary - b.voluntary,
            a.involuntary - b.involuntary,
        ));
    }
    Measured {
        secs,
        cpu_ms_ticks: (after.ticks - before.ticks) as f64 * 1000.0 / tick as f64,
        cpu_ms_exact: cpu_ns as f64 / 1e6,
        threads,
        tick,
    }
}

/// Returns of blocking calls per (thread, call), over a window of this many seconds.
type Traced = (f64, BTreeMap<(u32, String), u64>);

/// Blocking calls that returned during a window, per thread and call, counted by strace.
fn trace(pid: u32, window: Duration) -> Traced {
    let out = tempfile::NamedTempFile::new().unwrap();
    let mut child = Command::new("strace")
        .args(["-f", "-qq", "-p", &pid.to_string(), "-o"])
        .arg(out.path())
        .args([
            "-e",
            "trace=poll,ppoll,epoll_wait,epoll_pwait,epoll_pwait2,select,pselect6,\
             nanosleep,clock_nanosleep,read",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("strace");
    std::thread::sleep(Duration::from_millis(300)); // attached
    let started = Instant::now();
    std::thread::sleep(window);
    let secs = started.elapsed().as_secs_f64();
    let _ = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let _ = child.wait();
    let text = std::fs::read_to_string(out.path()).unwrap_or_default();
    let mut counts: BTreeMap<(u32, String), u64> = BTreeMap::new();
    for line in text.lines() {
        // "TID call(args) = ret", or "TID <... call resumed>...) = ret"; the return is what
        // counts: each one is the thread waking up.
        let (tid, rest) = line.split_once(' ').unwrap_or(("0", line));
        let Ok(tid) = tid.parse::<u32>() else {
            continue;
        };
        let rest = rest.trim_start();
        if rest.ends_with("<unfinished ...>") || !rest.contains(" = ") {
            continue;
        }
        let call = rest
            .strip_prefix("<... ")
            .map_or_else(|| rest.split('(').next(), |r| r.split(' ').next())
            .unwrap_or("?")
            .to_string();
        *counts.entry((tid, call)).or_default() += 1;
    }
    (secs, counts)
}

fn report(case: &str, m: &Measured, traced: Option<Traced>) {
    let per_min = 60.0 / m.secs;
    let wakeups: u64 = m.threads.iter().map(|t| t.3).sum();
    let wake_rate = wakeups as f64 / m.secs;
    let cpu = m.cpu_ms_exact * per_min;
    let verdict = |ok: bool| if ok { "within budget" } else { "OVER BUDGET" };
    println!();
    println!("== {case} ({:.1} s)", m.secs);
    println!(
        "   CPU: {cpu:.1} ms per minute (schedstat; utime+stime {:.0} ms/min in {} ms ticks) — {}",
        m.cpu_ms_ticks * per_min,
        1000 / m.tick,
        verdict(cpu <= BUDGET_CPU_MS_PER_MIN)
    );
    println!(
        "   wake-ups: {wake_rate:.2} per second, all threads (voluntary context switches) — {}",
        verdict(wake_rate <= BUDGET_WAKEUPS_PER_S)
    );
    for (tid, role, ms, vol, invol) in &m.threads {
        println!(
            "     tid {tid:>7} {role:<24} {:>7.2} ms/min CPU  {:>6.2} wake-ups/s  ({vol} voluntary, {invol} involuntary)",
            ms * per_min,
            *vol as f64 / m.secs
        );
    }
    if let Some((secs, counts)) = traced {
        println!("   strace, a second window of {secs:.1} s (returns of blocking calls):");
        if counts.is_empty() {
            println!("     none");
        }
        for ((tid, call), n) in counts {
            println!(
                "     tid {tid:>7} {call:<16} {n:>5}  {:>6.2} per second",
                n as f64 / secs
            );
        }
    }
}
