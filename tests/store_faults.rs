//! File-system faults (issue 16, items 2–5): what sits in the data directory in place of a
//! file (a FIFO, a link, garbage, a directory, a 600 MB file), the data directory itself as
//! a link, open to everyone, owned by another user or read-only, temporary files left by a
//! kill, and the command line keeping the index. Every case runs under a deadline, so a
//! parvi that blocks fails instead of hanging the suite.
#![cfg(unix)]

use crate::app_fixture;
use crate::tmux;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use parvi::i18n::Lang;
use parvi::store::{Notice, Origin, Paths, Reason, Store, StoreError, lock};

/// How long any command may take here (CI machines are slow).
const DEADLINE: Duration = Duration::from_secs(20);

/// A copy of the sample data directory (3 meetings, their group and its clock), without
/// any cache, in `<tmp>/data`.
fn sample() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_dir(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sessions/sample")
            .as_path(),
        &data,
    );
    // Private as parvi makes its own, so a test sees only the notices it causes.
    for dir in [data.clone(), data.join("groups"), data.join("sessions")] {
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    }
    (tmp, data)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn paths(data: &Path) -> Paths {
    Paths::at(data, Origin::Flag)
}

fn mkfifo(path: &Path) {
    rustix::fs::mknodat(
        rustix::fs::CWD,
        path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .unwrap();
}

/// `parvi --data-dir <data> --lang fi <args>`, run through `prefix` (e.g. `prlimit`), killed
/// and failed when it runs past the deadline.
fn parvi_within(prefix: &[&str], data: &Path, args: &[&str]) -> Output {
    let bin = env!("CARGO_BIN_EXE_parvi");
    let mut command = match prefix.split_first() {
        Some((program, rest)) => {
            let mut c = Command::new(program);
            c.args(rest).arg(bin);
            c
        }
        None => Command::new(bin),
    };
    let mut child = command
        .arg("--data-dir")
        .arg(data)
        .args(["--lang", "fi"])
        .args(args)
        .env_remove("PARVI_DATA_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("parvi {args:?} still ran after {DEADLINE:?}: it blocked");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn parvi(data: &Path, args: &[&str]) -> Output {
    parvi_within(&[], data, args)
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Runs `f` on another thread and fails if it does not return before the deadline.
fn within<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(DEADLINE)
        .unwrap_or_else(|_| panic!("{what} still ran after {DEADLINE:?}: it blocked"))
}

fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

// ---- non-regular files and the size cap ----------------------------------------------------

#[test]
fn a_fifo_in_place_of_the_caches_never_hangs_a_command() {
    let (_tmp, data) = sample();
    for cache in ["index.json", "search.txt", "figures.jsonl"] {
        mkfifo(&data.join(cache));
    }
    let listed = parvi(&data, &["sessions", "list"]);
    assert!(listed.status.success(), "{}", text(&listed));
    assert!(text(&listed).contains("Milloin sinua on viimeksi kuunneltu"));
    // The FIFOs were caches, so they were rebuilt as plain files.
    for cache in ["index.json", "search.txt", "figures.jsonl"] {
        mkfifo_again_if_replaced(&data.join(cache));
    }
    let found = parvi(&data, &["sessions", "search", "kuunneltu"]);
    assert_eq!(found.status.code(), Some(0), "{}", text(&found));
    assert!(text(&found).contains("Milloin sinua"), "{}", text(&found));
}

/// Puts a FIFO back where a command replaced one by a rebuilt cache, so the next command
/// meets a FIFO too.
fn mkfifo_again_if_replaced(path: &Path) {
    let meta = fs::symlink_metadata(path).unwrap();
    assert!(meta.is_file(), "{} was not rebuilt", path.display());
    fs::remove_file(path).unwrap();
    mkfifo(path);
}

#[test]
fn the_first_frame_never_waits_on_a_fifo_index() {
    let (_tmp, data) = sample();
    mkfifo(&data.join("index.json"));
    let store = Store::open_read_only(paths(&data));
    let head = within("reading the head of the index", move || {
        store.recent_sessions(10)
    });
    assert!(head.is_empty());
}

#[test]
fn fifos_and_devices_in_place_of_every_small_file_are_reported() {
    let (_tmp, data) = sample();
    let group = fs::read_dir(data.join("groups"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    fs::remove_file(&group).unwrap();
    mkfifo(&group);
    mkfifo(&data.join("config.json"));
    mkfifo(&data.join("live.json"));
    let store = Store::open_read_only(paths(&data));
    let (groups, config, live) = within("reading groups, settings and pointer", move || {
        (
            store.groups(),
            store.config(),
            parvi::store::live_session(&store.paths),
        )
    });
    assert_eq!(groups.problems.len(), 1);
    assert!(matches!(groups.problems[0].reason, Reason::NotAFile(_)));
    assert!(matches!(config.unwrap_err().reason, Reason::NotAFile(_)));
    assert!(live.is_none());
}

/// Runs parvi under GNU time and returns its output and its peak memory in KB.
fn parvi_measured(data: &Path, args: &[&str]) -> (Output, u64) {
    let rss = tempfile::NamedTempFile::new().unwrap();
    let rss_path = rss.path().display().to_string();
    let prefix = ["/usr/bin/time", "-f", "%M", "-o", rss_path.as_str()];
    let output = parvi_within(&prefix, data, args);
    let kb = fs::read_to_string(rss.path()).unwrap();
    let kb = kb
        .lines()
        .last()
        .unwrap_or("")
        .trim()
        .parse()
        .unwrap_or_else(|_| {
            panic!("no peak memory from /usr/bin/time (apt-get install time): {kb:?}")
        });
    (output, kb)
}

/// Garbage caches of 600 MB (sparse: no disk used) must cost no memory: reading one whole
/// took 620 MB and 10 s before the cap held for every read.
#[test]
fn garbage_caches_of_600_mb_are_never_read_whole() {
    let (_tmp, data) = sample();
    for cache in ["index.json", "search.txt", "figures.jsonl"] {
        fs::File::create(data.join(cache))
            .unwrap()
            .set_len(600 << 20)
            .unwrap();
    }
    let (found, kb) = parvi_measured(&data, &["sessions", "search", "kuunneltu"]);
    assert_eq!(found.status.code(), Some(0), "{}", text(&found));
    assert!(kb < 100_000, "sessions search took {kb} KB at its peak");
    assert!(text(&found).contains("Milloin sinua"), "{}", text(&found));
    // And they were rebuilt, small.
    for cache in ["index.json", "search.txt"] {
        let size = fs::metadata(data.join(cache)).unwrap().len();
        assert!(size < 100_000, "{cache} is still {size} bytes");
    }
}

#[test]
fn a_session_file_of_200_mb_is_refused_with_a_message_without_reading_it() {
    let (_tmp, data) = sample();
    let huge = data
        .join("sessions")
        .join("2026-12-01_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0aff.json");
    fs::File::create(&huge).unwrap().set_len(200 << 20).unwrap();
    let (listed, kb) = parvi_measured(&data, &["sessions", "list"]);
    assert!(listed.status.success(), "{}", text(&listed));
    assert!(kb < 100_000, "sessions list took {kb} KB at its peak");
    let out = text(&listed);
    assert!(
        out.contains("tiedosto on liian suuri (209715200 tavua"),
        "{out}"
    );
    assert!(out.contains("Milloin sinua"), "{out}");
}

#[test]
fn garbage_or_a_directory_in_place_of_the_caches_is_rebuilt_or_left() {
    let (_tmp, data) = sample();
    fs::write(
        data.join("index.json"),
        b"{\"schema\":1,\"count\":9,\"sessions\":[\n\x01\x02",
    )
    .unwrap();
    fs::create_dir(data.join("search.txt")).unwrap();
    fs::write(data.join("search.txt/inside"), b"x").unwrap();
    let store = Store::open(paths(&data)).unwrap();
    assert_eq!(store.sessions().summaries.len(), 3);
    let search = store.search_index(&store.sessions().summaries);
    assert_eq!(search.len(), 3);
    // The garbage index was rebuilt; the directory (not parvi's to remove) was left.
    let index: parvi::store::Index =
        serde_json::from_slice(&fs::read(data.join("index.json")).unwrap()).unwrap();
    assert_eq!(index.sessions.len(), 3);
    assert!(data.join("search.txt/inside").exists());
}

// ---- links ------------------------------------------------------------------------------

#[test]
fn a_link_planted_as_the_lock_is_never_written_through() {
    let (tmp, data) = sample();
    let victim = tmp.path().join("victim.txt");
    fs::write(&victim, b"precious").unwrap();
    symlink(&victim, data.join("parvi.lock")).unwrap();

    match Store::open(paths(&data)) {
        Err(StoreError::Refused { path, reason }) => {
            assert_eq!(path, data.join("parvi.lock"));
            assert_eq!(reason, Reason::Symlink);
        }
        other => panic!("the linked lock was not refused: {other:?}"),
    }
    let app = parvi(
        &data,
        &["groups", "add", "--kind", "site_wellbeing", "Uusi ryhmä"],
    );
    assert!(!app.status.success());
    let said = text(&app);
    assert!(said.contains("ei voitu avata"), "{said}");
    assert!(
        said.contains("parvi.lock: tämä on symbolinen linkki"),
        "{said}"
    );
    // A reading command still reads, without the lock.
    let listed = parvi(&data, &["sessions", "list"]);
    assert!(listed.status.success(), "{}", text(&listed));
    assert_eq!(fs::read(&victim).unwrap(), b"precious");
}

#[test]
fn a_dangling_link_as_the_walls_lock_creates_nothing() {
    let (tmp, data) = sample();
    let elsewhere = tmp.path().join("made-through-the-link");
    symlink(&elsewhere, data.join("wall.lock")).unwrap();
    assert!(lock::try_lock_shared(&data.join("wall.lock")).is_err());
    assert!(
        !elsewhere.exists(),
        "the wall's lock was created through the link"
    );
    let mut probe = lock::LockProbe::new(data.join("wall.lock"));
    assert!(probe.held().is_err() || !elsewhere.exists());
}

#[test]
fn links_planted_as_caches_pointer_and_settings_are_replaced_not_written_through() {
    let (tmp, data) = sample();
    let names = [
        "index.json",
        "search.txt",
        "figures.jsonl",
        "live.json",
        "config.json",
    ];
    for name in names {
        let victim = tmp.path().join(format!("victim-{name}"));
        fs::write(&victim, b"precious").unwrap();
        symlink(&victim, data.join(name)).unwrap();
    }
    let store = Store::open(paths(&data)).unwrap();
    let sessions = store.sessions();
    store.search_index(&sessions.summaries);
    store.save_config(&parvi::store::Config::default()).unwrap();
    let session = store.paths.sessions().join(&sessions.summaries[0].file);
    store.set_live(Some(&session), None).unwrap();
    for name in names {
        let victim = tmp.path().join(format!("victim-{name}"));
        assert_eq!(fs::read(&victim).unwrap(), b"precious", "{name}");
        assert!(!fs::symlink_metadata(data.join(name)).unwrap().is_symlink());
    }
}

#[test]
fn a_link_in_place_of_a_directory_inside_is_refused() {
    let (tmp, data) = sample();
    let elsewhere = tmp.path().join("elsewhere");
    fs::rename(data.join("groups"), &elsewhere).unwrap();
    symlink(&elsewhere, data.join("groups")).unwrap();
    match Store::open(paths(&data)) {
        Err(StoreError::Refused { path, reason }) => {
            assert_eq!((path, reason), (data.join("groups"), Reason::Symlink));
        }
        other => panic!("the linked groups/ was not refused: {other:?}"),
    }
}

#[test]
fn a_data_directory_that_is_a_link_is_accepted() {
    let (tmp, data) = sample();
    let link = tmp.path().join("synced");
    symlink(&data, &link).unwrap();
    let store = Store::open(paths(&link)).unwrap();
    assert!(store.writable());
    assert_eq!(store.sessions().summaries.len(), 3);
    assert!(data.join("index.json").is_file());
    let listed = parvi(&link, &["sessions", "list"]);
    assert!(listed.status.success(), "{}", text(&listed));
}

// ---- who may write the data directory ---------------------------------------------------

#[test]
fn a_data_directory_open_to_everyone_is_made_private_and_said_so() {
    let (_tmp, data) = sample();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o777)).unwrap();
    let store = Store::open(paths(&data)).unwrap();
    let notice = Notice::ModeTightened {
        path: data.clone(),
        old: 0o777,
    };
    assert_eq!(store.notices, std::slice::from_ref(&notice));
    assert_eq!(fs::metadata(&data).unwrap().mode() & 0o777, 0o700);
    assert!(
        notice
            .describe(Lang::Fi)
            .contains("kaikki tämän tietokoneen käyttäjät")
    );
    assert!(notice.describe(Lang::En).contains("0777"));
    // The app shows it on the home screen.
    let first = parvi::tui::load_first_data(&store);
    assert_eq!(first.notices, [notice]);
    let (app, _) = app_fixture::app_with(Lang::Fi, first);
    let screen = app_fixture::screen_text(&app, 100, 30);
    assert!(screen.contains("Varoitus: hakemistoa"), "{screen}");
    drop(store);
    // A command says it on stderr.
    fs::set_permissions(&data, fs::Permissions::from_mode(0o777)).unwrap();
    let added = parvi(
        &data,
        &["groups", "add", "--kind", "site_wellbeing", "Uusi ryhmä"],
    );
    assert!(added.status.success(), "{}", text(&added));
    let said = String::from_utf8_lossy(&added.stderr);
    assert!(said.contains("Varoitus: hakemistoa"), "{said}");
}

/// A copied data directory is loose in every folder: the command line lists each, the home
/// screen names the loosest once, so the screen is not a wall of warnings.
#[test]
fn the_home_screen_names_the_loosest_directory_once() {
    let (_tmp, data) = sample();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(data.join("groups"), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(data.join("sessions"), fs::Permissions::from_mode(0o777)).unwrap();
    let store = Store::open(paths(&data)).unwrap();
    assert_eq!(store.notices.len(), 3, "{:?}", store.notices);
    let (app, _) = app_fixture::app_with(Lang::Fi, parvi::tui::load_first_data(&store));
    let screen = app_fixture::screen_text(&app, 200, 40);
    assert_eq!(screen.matches("Varoitus:").count(), 1, "{screen}");
    assert!(
        screen.contains("sessions saattoivat lukea ja muuttaa kaikki"),
        "{screen}"
    );
}

#[test]
fn a_data_directory_of_another_user_is_left_alone_and_said_so() {
    if !is_root() {
        eprintln!("skipped: making a directory another user's takes root (chown)");
        return;
    }
    let (_tmp, data) = sample();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).unwrap();
    std::os::unix::fs::chown(&data, Some(65534), Some(65534)).unwrap();
    let store = Store::open(paths(&data)).unwrap();
    assert_eq!(
        store.notices,
        [Notice::NotOwned {
            path: data.clone(),
            owner: 65534
        }]
    );
    // Left as it is: not ours to change.
    assert_eq!(fs::metadata(&data).unwrap().mode() & 0o777, 0o755);
    let said = store.notices[0].describe(Lang::Fi);
    assert!(
        said.contains("kuuluu toiselle käyttäjälle (käyttäjätunnus 65534)"),
        "{said}"
    );
}

/// Root writes anywhere, so as root the directory is made unwritable for the user `nobody`
/// and parvi runs as that user.
fn read_only_data() -> (tempfile::TempDir, PathBuf, Vec<String>) {
    let (tmp, data) = sample();
    if is_root() {
        // nobody may look but not write.
        fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).unwrap();
        for entry in walk(&data) {
            let mode = if entry.is_dir() { 0o755 } else { 0o644 };
            fs::set_permissions(&entry, fs::Permissions::from_mode(mode)).unwrap();
        }
        let prefix = [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
        ];
        (tmp, data, prefix.iter().map(|s| s.to_string()).collect())
    } else {
        for entry in walk(&data) {
            if entry.is_dir() {
                fs::set_permissions(&entry, fs::Permissions::from_mode(0o500)).unwrap();
            }
        }
        (tmp, data, Vec::new())
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn a_read_only_data_directory_opens_read_only_with_a_message() {
    if is_root() {
        eprintln!("skipped in-process as root (root writes anywhere): see the tmux test");
        return;
    }
    let (_tmp, data, _) = read_only_data();
    let store = Store::open(paths(&data)).unwrap();
    assert!(!store.writable());
    assert!(
        store
            .notices
            .iter()
            .any(|n| matches!(n, Notice::Unwritable { .. })),
        "{:?}",
        store.notices
    );
    assert_eq!(store.sessions().summaries.len(), 3);
    let first = parvi::tui::load_first_data(&store);
    assert_eq!(first.access, parvi::tui::app::Access::Unwritable);
}

#[test]
#[ignore = "tmux end-to-end: run with --include-ignored"]
fn the_app_on_a_read_only_data_directory_opens_read_only_with_a_message() {
    use tmux::{Launch, Tmux, parvi_bin};
    let (_tmp, data, prefix) = read_only_data();
    let launch = match prefix.split_first() {
        Some((program, rest)) => {
            let mut args: Vec<String> = rest.to_vec();
            args.push(parvi_bin().display().to_string());
            args.extend(["--data-dir".into(), data.display().to_string()]);
            args.extend(["--lang".into(), "fi".into()]);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            Launch::program(program, &args)
        }
        None => Launch::new(&[]),
    }
    .size(100, 30);
    let tmux = Tmux::start(&data, launch);
    let screen = tmux.wait_for("Vain luku");
    assert!(screen.contains("ei voi kirjoittaa"), "{screen}");
    tmux.send_keys(&["q"]);
}

// ---- temporary files and the index kept by the command line ------------------------------

#[test]
fn temp_files_left_beside_every_saved_file_are_swept() {
    let (_tmp, data) = sample();
    fs::create_dir_all(data.join("formats")).unwrap();
    let dirs = ["", "groups", "sessions", "clocks", "formats"];
    for dir in dirs {
        fs::write(data.join(dir).join(".parvi-killed.tmp"), b"half").unwrap();
    }
    // Even a command that only reads sweeps them, when it can take the lock.
    let listed = parvi(&data, &["sessions", "list"]);
    assert!(listed.status.success(), "{}", text(&listed));
    for dir in dirs {
        let left = data.join(dir).join(".parvi-killed.tmp");
        assert!(!left.exists(), "{} was left", left.display());
    }
}

#[test]
fn the_command_line_keeps_the_index_and_the_search_cache() {
    let (_tmp, data) = sample();
    let first = parvi(&data, &["sessions", "list"]);
    assert!(first.status.success(), "{}", text(&first));
    let index_path = data.join("index.json");
    assert!(index_path.is_file(), "sessions list wrote no index");
    assert!(
        data.join("search.txt").is_file(),
        "sessions list wrote no search cache"
    );
    // Mark one meeting's topic in the index only: a second listing that shows the mark
    // used the index instead of reading the logs again.
    let index = fs::read_to_string(&index_path).unwrap();
    let marked = index.replace("Milloin sinua on viimeksi", "MERKKI sinua on viimeksi");
    assert_ne!(index, marked);
    fs::write(&index_path, marked).unwrap();
    let second = parvi(&data, &["sessions", "list"]);
    assert!(text(&second).contains("MERKKI"), "{}", text(&second));
}

#[test]
fn stats_report_and_export_keep_the_caches_too() {
    let group = "hyvinvointiryhma-kotkan-kampus-7c1e";
    let out_dir = tempfile::tempdir().unwrap();
    let report = out_dir.path().join("report.html");
    let report = report.to_str().unwrap();
    for (args, caches) in [
        (
            vec!["stats", "--group", group],
            &["index.json", "figures.jsonl"][..],
        ),
        (
            vec!["report", "--group", group, "--output", report],
            &["index.json", "figures.jsonl"][..],
        ),
        (
            vec![
                "export",
                "5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a03",
                "--format",
                "md",
            ],
            &["index.json"][..],
        ),
    ] {
        let (_tmp, data) = sample();
        let out = parvi(&data, &args);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
        for cache in caches {
            assert!(data.join(cache).is_file(), "{args:?} wrote no {cache}");
        }
    }
}

#[test]
fn a_command_beside_a_running_parvi_leaves_the_caches_to_it() {
    let (_tmp, data) = sample();
    let held = lock::try_lock(&data.join("parvi.lock")).unwrap().unwrap();
    let listed = parvi(&data, &["sessions", "list"]);
    assert!(listed.status.success(), "{}", text(&listed));
    assert!(!data.join("index.json").exists());
    drop(held);
}
