//! Two laptops on one synced folder: a sync engine's conflict copies are never a second
//! meeting or group, they are listed with what differs and settled by keeping one, and the
//! caches synced from the other laptop are rebuilt. The last test runs two real Syncthing
//! instances on the loopback interface (the long suite: `--include-ignored`).

use crate::app_fixture;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const GROUP: &str = "hyvinvointiryhma-kotkan-kampus-7c1e";
const MEETING: &str = "2026-09-08_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a01";
const MEETING_ID: &str = "5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a01";

fn parvi(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parvi"));
    cmd.arg("--data-dir")
        .arg(dir)
        .arg("--lang")
        .arg("en")
        .args(args);
    for var in ["LC_ALL", "LC_MESSAGES", "LANGUAGE", "PARVI_DATA_DIR"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "C.UTF-8").env("TZ", "Europe/Helsinki");
    cmd.output().expect("run parvi")
}

/// Runs parvi and returns its standard output, failing unless it exits 0.
#[track_caller]
fn ok(dir: &Path, args: &[&str]) -> String {
    let out = parvi(dir, args);
    assert!(
        out.status.success(),
        "parvi {args:?}: {:?}\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// A copy of the bundled sample: one group, three meetings.
fn sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/sample");
    for sub in ["groups", "sessions", "clocks"] {
        fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in fs::read_dir(from.join(sub)).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name())).unwrap();
        }
    }
    dir
}

fn meeting_path(dir: &Path, name: &str) -> PathBuf {
    dir.join("sessions").join(format!("{name}.json"))
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

fn write_json(path: &Path, value: &Value) {
    fs::write(path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
}

/// The sample meeting with only its first `n` events.
fn truncated(dir: &Path, n: usize) -> Value {
    let mut record = read_json(&meeting_path(dir, MEETING));
    record["events"].as_array_mut().unwrap().truncate(n);
    record
}

fn events(path: &Path) -> usize {
    read_json(path)["events"].as_array().unwrap().len()
}

/// "Totals (N meetings)" of `parvi stats`: how many meetings the figures counted.
fn meetings_counted(dir: &Path) -> usize {
    let out = ok(dir, &["stats", "--group", GROUP]);
    let line = out
        .lines()
        .find(|l| l.starts_with("Totals ("))
        .unwrap_or_else(|| panic!("no totals in {out}"));
    line["Totals (".len()..]
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{line}"))
}

#[test]
fn a_conflict_copy_of_a_meeting_is_never_a_second_meeting() {
    let dir = sample();
    let original = meeting_path(dir.path(), MEETING);
    // Every engine's copy of one meeting, and one of them an older version of it.
    for copy in [
        format!("{MEETING}.sync-conflict-20261207-101112-ABCDEF7.json"),
        format!("{MEETING} (conflicted copy 2026-12-07 101112).json"),
        format!("{MEETING}-OPETTAJAN-LAPTOP.json"),
    ] {
        fs::copy(&original, dir.path().join("sessions").join(copy)).unwrap();
    }
    let older = dir.path().join(format!(
        "sessions/{MEETING}.sync-conflict-20261207-090000-XYZ1234.json"
    ));
    write_json(&older, &truncated(dir.path(), 40));

    assert_eq!(meetings_counted(dir.path()), 3, "each meeting counted once");
    let list = ok(dir.path(), &["sessions", "list"]);
    assert_eq!(list.matches(MEETING_ID).count(), 1, "{list}");
    let show = ok(dir.path(), &["sessions", "show", MEETING_ID]);
    assert!(show.contains(MEETING_ID), "{show}");

    let conflicts = ok(dir.path(), &["sessions", "conflicts"]);
    assert_eq!(conflicts.matches("Meeting ").count(), 1, "{conflicts}");
    for copy in [
        "sync-conflict-20261207-101112",
        "conflicted copy",
        "OPETTAJAN-LAPTOP",
    ] {
        assert!(conflicts.contains(copy), "{copy} in {conflicts}");
    }
    assert!(conflicts.contains("events 40,"), "{conflicts}");
    assert!(
        conflicts.contains(&format!("{MEETING}.json holds every event of the others")),
        "{conflicts}"
    );
    assert!(
        fs::read_dir(dir.path().join("sessions")).unwrap().count() >= 7,
        "listing touched nothing"
    );
}

#[test]
fn settling_keeps_the_longer_log_and_leaves_a_diverged_meeting_to_the_facilitator() {
    let dir = sample();
    let original = meeting_path(dir.path(), MEETING);
    let full = events(&original);
    // The copy went further than the file under the meeting's name: keeping it loses nothing.
    let copy = dir.path().join(format!(
        "sessions/{MEETING}.sync-conflict-20261207-101112-ABCDEF7.json"
    ));
    fs::copy(&original, &copy).unwrap();
    write_json(&original, &truncated(dir.path(), 30));
    // Another meeting went on on both laptops: each file has an event the other lacks.
    let other = "2026-10-06_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a02";
    let other_path = meeting_path(dir.path(), other);
    let mut diverged = read_json(&other_path);
    let events_of = diverged["events"].as_array_mut().unwrap();
    let last = events_of.len() - 1;
    events_of[last]["at"] = Value::from("2026-10-06T10:59:59Z");
    let other_copy = dir.path().join(format!(
        "sessions/{other}.sync-conflict-20261207-101112-ABCDEF7.json"
    ));
    write_json(&other_copy, &diverged);
    let other_before = fs::read(&other_path).unwrap();

    let listed = ok(dir.path(), &["sessions", "conflicts"]);
    assert!(
        listed.contains("none of them holds the whole meeting"),
        "{listed}"
    );
    assert!(listed.contains("only in this file:"), "{listed}");

    let settled = ok(dir.path(), &["sessions", "conflicts", "--settle"]);
    assert!(settled.contains("Left to settle: 1"), "{settled}");
    assert_eq!(events(&original), full, "the longer log is the meeting now");
    assert!(!copy.exists());
    assert_eq!(fs::read(&other_path).unwrap(), other_before, "not guessed");
    assert!(other_copy.exists(), "not guessed");

    // The facilitator's choice: the copy, and the parvi says the event it had not.
    let name = other_copy
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let kept = ok(dir.path(), &["sessions", "conflicts", "--keep", &name]);
    assert!(kept.contains("events the kept one lacks: 1"), "{kept}");
    assert_eq!(read_json(&other_path), diverged);
    assert!(!other_copy.exists());
    assert!(ok(dir.path(), &["sessions", "conflicts"]).contains("No sync conflicts."));
    assert_eq!(meetings_counted(dir.path()), 3);
}

#[test]
fn keeping_a_file_that_is_in_no_conflict_is_refused() {
    let dir = sample();
    let out = parvi(
        dir.path(),
        &[
            "sessions",
            "conflicts",
            "--keep",
            &format!("{MEETING}.json"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is not a file of any conflict"), "{err}");
    assert!(meeting_path(dir.path(), MEETING).exists());
}

#[test]
fn a_group_edited_on_two_laptops_is_surfaced_with_the_members_that_differ() {
    let dir = sample();
    let group = dir.path().join(format!("groups/{GROUP}.json"));
    let copy = dir.path().join(format!(
        "groups/{GROUP}.sync-conflict-20261207-101112-ABCDEF7.json"
    ));
    // This laptop added Ville; the other one added Kalle (the same next id) and removed Sofia.
    ok(
        dir.path(),
        &["groups", "edit", GROUP, "--add", "Ville Koski:student"],
    );
    let mut other = read_json(&group);
    let members = other["members"].as_array_mut().unwrap();
    members.retain(|m| m["name"] != "Sofia Laine");
    let last = members.len() - 1;
    members[last]["name"] = Value::from("Kalle Kivi");
    write_json(&copy, &other);

    let groups = ok(dir.path(), &["groups", "list"]);
    assert_eq!(groups.matches("Kotkan kampus").count(), 1, "{groups}");
    assert!(!groups.contains("could not be read"), "{groups}");
    let listed = ok(dir.path(), &["groups", "conflicts"]);
    assert!(
        listed.contains("missing here: Sofia Laine (student)"),
        "{listed}"
    );
    assert!(
        listed.contains("changed: Ville Koski (student) → Kalle Kivi (student)"),
        "{listed}"
    );
    assert!(listed.contains("Keep one: --keep FILE"), "{listed}");
    // Settling never picks between two edits.
    ok(dir.path(), &["groups", "conflicts", "--settle"]);
    assert!(copy.exists());

    let name = copy.file_name().unwrap().to_str().unwrap().to_string();
    ok(dir.path(), &["groups", "conflicts", "--keep", &name]);
    assert_eq!(read_json(&group), other);
    assert!(!copy.exists());
    let shown = ok(dir.path(), &["groups", "show", GROUP]);
    assert!(
        shown.contains("Kalle Kivi") && !shown.contains("Sofia Laine"),
        "{shown}"
    );
}

#[test]
fn the_home_screen_says_conflict_copies_wait_and_which_command_settles_them() {
    let dir = sample();
    let home = |dir: &Path| {
        let store = parvi::store::Store::open_read_only(parvi::store::Paths::at(
            dir,
            parvi::store::Origin::Flag,
        ));
        let data = parvi::tui::load_first_data(&store);
        let (app, _) = app_fixture::app_with(parvi::i18n::Lang::Fi, data);
        app_fixture::screen_text(&app, 80, 24)
    };
    assert!(!home(dir.path()).contains("ristiriitakopioita"));
    let copy = |path: PathBuf| {
        let name = path
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .replace(".json", ".sync-conflict-20261207-101112-ABCDEF7.json");
        fs::copy(&path, path.with_file_name(name)).unwrap();
    };
    copy(meeting_path(dir.path(), MEETING));
    copy(dir.path().join(format!("groups/{GROUP}.json")));
    let text = home(dir.path());
    assert!(
        text.contains(
            "Kokouksista on synkronoinnin ristiriitakopioita (1): parvi sessions conflicts"
        ),
        "{text}"
    );
    assert!(
        text.contains("Ryhmistä on synkronoinnin ristiriitakopioita (1): parvi groups conflicts"),
        "{text}"
    );
}

#[test]
fn a_meeting_copied_under_another_name_still_counts_once() {
    let dir = sample();
    fs::copy(
        meeting_path(dir.path(), MEETING),
        dir.path().join("sessions/varmuuskopio.json"),
    )
    .unwrap();
    assert_eq!(meetings_counted(dir.path()), 3);
    let out = ok(dir.path(), &["sessions", "list"]);
    let (list, problems) = out
        .split_once("could not be read")
        .expect("a problem reported");
    assert_eq!(list.matches(MEETING_ID).count(), 1, "{out}");
    assert!(
        problems.contains("varmuuskopio.json"),
        "reported, not dropped silently: {out}"
    );
}

#[test]
fn a_copy_whose_meeting_file_is_gone_is_the_meeting() {
    let dir = sample();
    let original = meeting_path(dir.path(), MEETING);
    let copy = dir.path().join(format!(
        "sessions/{MEETING}.sync-conflict-20261207-101112-ABCDEF7.json"
    ));
    fs::rename(&original, &copy).unwrap();
    assert_eq!(meetings_counted(dir.path()), 3, "no meeting lost");
    assert!(ok(dir.path(), &["sessions", "conflicts"]).contains("is missing"));
    ok(dir.path(), &["sessions", "conflicts", "--settle"]);
    assert!(original.exists() && !copy.exists());
}

#[test]
fn an_index_synced_from_the_other_laptop_is_checked_against_the_files() {
    // Laptop A has the three sample meetings; laptop B has two of them and one of its own.
    let a = sample();
    ok(a.path(), &["sessions", "list"]);
    let b = sample();
    fs::remove_file(meeting_path(b.path(), MEETING)).unwrap();
    let own = "2026-12-01_00000000-0000-4000-8000-00000000000b";
    let mut record = read_json(&meeting_path(
        b.path(),
        "2026-11-03_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a03",
    ));
    record["id"] = Value::from(&own[11..]);
    write_json(&meeting_path(b.path(), own), &record);
    // A's caches arrive on B (a folder synced without parvi's `.stignore`).
    for cache in ["index.json", "search.txt", "figures.jsonl"] {
        if a.path().join(cache).exists() {
            fs::copy(a.path().join(cache), b.path().join(cache)).unwrap();
        }
    }
    let list = ok(b.path(), &["sessions", "list"]);
    assert!(
        !list.contains(MEETING_ID),
        "a meeting B lacks is not listed: {list}"
    );
    assert!(
        list.contains(&own[11..19]),
        "B's own meeting is listed: {list}"
    );
    assert_eq!(list.lines().count(), 4, "{list}");
    assert_eq!(meetings_counted(b.path()), 3);
}

#[test]
fn the_data_directory_gets_a_stignore_once_and_a_users_own_is_kept() {
    let dir = sample();
    ok(dir.path(), &["groups", "edit", GROUP, "--site", "Kotka"]);
    let stignore = dir.path().join(".stignore");
    let text = fs::read_to_string(&stignore).unwrap();
    for line in [
        "/index.json",
        "/search.txt",
        "/figures.jsonl",
        "/parvi.lock",
        "/live.json",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} in {text}");
    }
    fs::write(&stignore, "// mine\n").unwrap();
    ok(
        dir.path(),
        &["groups", "edit", GROUP, "--site", "Kotkan kampus"],
    );
    assert_eq!(fs::read_to_string(&stignore).unwrap(), "// mine\n");
}

/// Two Syncthing instances on 127.0.0.1 only, each syncing its own laptop's data directory.
#[cfg(unix)]
mod syncthing {
    use std::fs;
    use std::net::TcpListener;
    use std::os::unix::process::CommandExt;
    use std::path::{Path, PathBuf};
    use std::process::{Child, Command, Stdio};
    use std::time::{Duration, Instant};

    /// One laptop: Syncthing's home, the parvi data directory it syncs, its port.
    pub struct Laptop {
        pub name: &'static str,
        pub home: PathBuf,
        pub data: PathBuf,
        pub port: u16,
        pub id: String,
        child: Option<Child>,
    }

    /// Fails with a clear message when Syncthing is missing: CI installs it, so a missing
    /// one must not let this test pass unrun.
    pub fn require() {
        let found = Command::new("syncthing")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            found,
            "Syncthing is not installed: `apt-get install syncthing` (.ci/run does); \
             the two-laptop sync test cannot run without it"
        );
    }

    /// A free loopback port (taken for a moment, then let go for Syncthing).
    fn free_port() -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        listener.local_addr().unwrap().port()
    }

    impl Laptop {
        pub fn new(root: &Path, name: &'static str) -> Laptop {
            let home = root.join(format!("syncthing-{name}"));
            let data = root.join(format!("parvi-{name}"));
            fs::create_dir_all(&data).unwrap();
            // Syncthing's folder marker, so it syncs a folder it did not create.
            fs::create_dir_all(data.join(".stfolder")).unwrap();
            let out = Command::new("syncthing")
                .args(["generate", "--no-default-folder", "--skip-port-probing"])
                .arg(format!("--home={}", home.display()))
                .env("STNOUPGRADE", "1")
                .output()
                .expect("syncthing generate");
            assert!(out.status.success(), "{out:?}");
            let out = Command::new("syncthing")
                .args(["serve", "--device-id"])
                .arg(format!("--home={}", home.display()))
                .output()
                .expect("syncthing --device-id");
            let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
            assert_eq!(id.len(), 63, "a device id: {id:?}");
            Laptop {
                name,
                home,
                data,
                port: free_port(),
                id,
                child: None,
            }
        }

        /// Writes the configuration: one folder shared with `other`, reached at its loopback
        /// address only; no discovery, relays, NAT, STUN, reports, upgrades, nor a GUI.
        pub fn configure(&self, other: &Laptop) {
            let device = |l: &Laptop| {
                format!(
                    "    <device id=\"{}\" name=\"{}\" compression=\"metadata\" introducer=\"false\">\n        <address>tcp://127.0.0.1:{}</address>\n        <autoAcceptFolders>false</autoAcceptFolders>\n    </device>\n",
                    l.id, l.name, l.port
                )
            };
            let config = format!(
                r#"<configuration version="36">
    <folder id="parvi" label="parvi" path="{data}" type="sendreceive" rescanIntervalS="3600" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="{a}"></device>
        <device id="{b}"></device>
        <minDiskFree unit="%">0</minDiskFree>
        <maxConflicts>10</maxConflicts>
    </folder>
{dev_self}{dev_other}    <gui enabled="false" tls="false">
        <address>127.0.0.1:0</address>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <startBrowser>false</startBrowser>
        <crashReportingEnabled>false</crashReportingEnabled>
        <stunKeepaliveStartS>0</stunKeepaliveStartS>
        <stunServer></stunServer>
        <announceLANAddresses>false</announceLANAddresses>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
    </options>
</configuration>
"#,
                data = self.data.display(),
                a = self.id,
                b = other.id,
                dev_self = device(self),
                dev_other = device(other),
                port = self.port,
            );
            fs::write(self.home.join("config.xml"), config).unwrap();
        }

        pub fn start(&mut self) {
            let log = fs::File::create(self.home.join("log.txt")).unwrap();
            // Syncthing runs as a monitor and a child: a process group of its own lets
            // `stop` end both.
            let child = Command::new("syncthing")
                .process_group(0)
                .args(["serve", "--no-browser", "--no-restart", "--no-upgrade"])
                .arg(format!("--home={}", self.home.display()))
                .env("STNORESTART", "1")
                .env("STNOUPGRADE", "1")
                .env("STNODEFAULTFOLDER", "1")
                .stdin(Stdio::null())
                .stdout(log.try_clone().unwrap())
                .stderr(log)
                .spawn()
                .expect("start syncthing");
            self.child = Some(child);
        }

        /// Stops Syncthing (SIGTERM to its process group, as a laptop shutting down would),
        /// waiting for it; SIGKILL if it has not gone in 20 s.
        pub fn stop(&mut self) {
            let Some(mut child) = self.child.take() else {
                return;
            };
            let group = format!("-{}", child.id());
            let signal = |name: &str| {
                let _ = Command::new("kill").args([name, "--", &group]).status();
            };
            signal("-TERM");
            let deadline = Instant::now() + Duration::from_secs(20);
            while Instant::now() < deadline {
                if child.try_wait().ok().flatten().is_some() {
                    // The monitor has gone; its child goes with the group's signal.
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            signal("-KILL");
            let _ = child.wait();
        }

        pub fn log(&self) -> String {
            fs::read_to_string(self.home.join("log.txt")).unwrap_or_default()
        }
    }

    impl Drop for Laptop {
        fn drop(&mut self) {
            self.stop();
        }
    }

    /// Polls `done` every 100 ms until it holds or `limit` passes; says what it waited for.
    pub fn wait_for(what: &str, limit: Duration, laptops: &[&Laptop], done: impl Fn() -> bool) {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if done() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let logs: Vec<String> = laptops
            .iter()
            .map(|l| format!("--- {} ---\n{}", l.name, l.log()))
            .collect();
        panic!("timed out waiting for {what}\n{}", logs.join("\n"));
    }
}

/// A meeting simulated and saved with the real store, as the app saves one.
#[cfg(unix)]
fn save_meeting(data: &Path, seed: u64, keep_events: Option<usize>) -> (PathBuf, Vec<u8>) {
    use parvi::simulator::{Plan, Style, group, simulate};
    use parvi::store::{Origin, Paths, Store};
    let format = parvi::store::formats::builtin()
        .into_iter()
        .find(|f| f.name == "kierros")
        .expect("the quick round");
    let group = group();
    let start: jiff::Timestamp = "2026-12-01T08:00:00Z".parse().unwrap();
    let mut record = simulate(&Plan {
        carried: &[],
        clock: None,
        id: uuid::Uuid::from_u128(0x5a3f_0000 + u128::from(seed)),
        group: &group,
        format: &format,
        topic: "Synkronointi",
        start: start + jiff::SignedDuration::from_hours(i64::try_from(seed).unwrap()),
        absent: &[],
        style: Style::BALANCED,
        seed,
    });
    if let Some(n) = keep_events {
        record.events.truncate(n);
    }
    let store = Store::open(Paths::at(data, Origin::Flag)).unwrap();
    assert!(store.writable());
    let path = store.new_session_path(&record);
    store.save_session(&path, &record).unwrap();
    (path.clone(), fs::read(&path).unwrap())
}

/// Every regular file under `sessions/` and `groups/`, by name, with its bytes.
#[cfg(unix)]
fn synced_files(data: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    for sub in ["groups", "sessions"] {
        let Ok(entries) = fs::read_dir(data.join(sub)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            if let Ok(bytes) = fs::read(entry.path()) {
                out.insert(format!("{sub}/{name}"), bytes);
            }
        }
    }
    out
}

#[cfg(unix)]
#[test]
#[ignore = "long suite: two real Syncthing instances on loopback (run with --include-ignored)"]
fn two_laptops_on_syncthing_lose_no_meeting_and_surface_the_group_conflict() {
    use std::time::Duration;
    use syncthing::{Laptop, wait_for};
    syncthing::require();
    let root = tempfile::tempdir().unwrap();
    let mut a = Laptop::new(root.path(), "a");
    let mut b = Laptop::new(root.path(), "b");
    a.configure(&b);
    b.configure(&a);

    // Laptop A has the group and a meeting that stopped halfway; both reach laptop B.
    let group = parvi::simulator::group();
    let store =
        parvi::store::Store::open(parvi::store::Paths::at(&a.data, parvi::store::Origin::Flag))
            .unwrap();
    store.save_group(&group).unwrap();
    drop(store);
    let (halfway, _) = save_meeting(&a.data, 1, Some(20));
    a.start();
    b.start();
    let first = synced_files(&a.data);
    wait_for(
        "the group and the meeting on laptop B",
        Duration::from_secs(90),
        &[&a, &b],
        || synced_files(&b.data) == first,
    );
    a.stop();
    b.stop();

    // Apart: each laptop adds a member to the group, runs a meeting of its own, and (what
    // the README says not to do) both go on with the unfinished meeting.
    ok(
        &a.data,
        &["groups", "edit", GROUP, "--add", "Ville Koski:student"],
    );
    ok(
        &b.data,
        &["groups", "edit", GROUP, "--add", "Kalle Kivi:student"],
    );
    let (_, meeting_a) = save_meeting(&a.data, 2, None);
    let (_, meeting_b) = save_meeting(&b.data, 3, None);
    let (_, resumed_a) = save_meeting(&a.data, 1, Some(30));
    let (_, resumed_b) = save_meeting(&b.data, 1, Some(25));
    let mut resumed_b_value: Value = serde_json::from_slice(&resumed_b).unwrap();
    let events = resumed_b_value["events"].as_array_mut().unwrap();
    events[24]["at"] = Value::from("2026-12-01T09:59:59Z");
    write_json(
        &b.data.join("sessions").join(halfway.file_name().unwrap()),
        &resumed_b_value,
    );
    let resumed_b = fs::read(b.data.join("sessions").join(halfway.file_name().unwrap())).unwrap();

    // Together again.
    a.start();
    b.start();
    wait_for(
        "both laptops to hold the same files, the conflict copies among them",
        Duration::from_secs(120),
        &[&a, &b],
        || {
            let (fa, fb) = (synced_files(&a.data), synced_files(&b.data));
            fa == fb
                && fa.keys().filter(|k| k.contains(".sync-conflict-")).count() == 2
                && fa.len() == 6
        },
    );
    a.stop();
    b.stop();

    for laptop in [&a, &b] {
        let data = &laptop.data;
        let files = synced_files(data);
        // No meeting lost: every version of every meeting is there, byte for byte.
        for (what, bytes) in [
            ("A's meeting", &meeting_a),
            ("B's meeting", &meeting_b),
            ("the meeting A went on with", &resumed_a),
            ("the meeting B went on with", &resumed_b),
        ] {
            assert!(
                files.values().any(|v| v == bytes),
                "{what} on laptop {}",
                laptop.name
            );
        }
        // Counted once each: the halfway meeting, A's and B's.
        assert_eq!(meetings_counted(data), 3, "laptop {}", laptop.name);
        let list = ok(data, &["sessions", "list"]);
        assert_eq!(list.lines().count(), 4, "laptop {}: {list}", laptop.name);
        let halfway_id = "00000000-0000-0000-0000-00005a3f0001";
        ok(data, &["sessions", "show", halfway_id]);
        let sessions = ok(data, &["sessions", "conflicts"]);
        assert!(
            sessions.contains("none of them holds the whole meeting"),
            "{sessions}"
        );
        // The group's edit conflict is surfaced with the member each laptop added.
        let groups = ok(data, &["groups", "conflicts"]);
        assert!(
            groups.contains("Ville Koski") && groups.contains("Kalle Kivi"),
            "laptop {}: {groups}",
            laptop.name
        );
        assert!(groups.contains("changed:"), "{groups}");
    }
    // Syncthing listened on loopback only and started nothing that reaches further.
    for laptop in [&a, &b] {
        let log = laptop.log();
        for line in log.lines() {
            let lower = line.to_lowercase();
            if lower.contains("listener (") {
                assert!(line.contains("127.0.0.1"), "laptop {}: {line}", laptop.name);
            }
            for outside in [
                "relay",
                "discover",
                "stun",
                "upnp",
                "nat-pmp",
                "usage report",
            ] {
                assert!(!lower.contains(outside), "laptop {}: {line}", laptop.name);
            }
        }
        assert!(log.contains("TCP listener (127.0.0.1:"), "{log}");
    }
}
