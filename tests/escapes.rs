//! No terminal escapes from files (issue 16, item 7), and short error messages (item 2):
//! the real binary, fed a data directory whose every printed or quoted field holds C0 and
//! C1 controls, OSC and CSI sequences and bidi overrides, must send none of them to the
//! terminal, and an error about a 100 KB bad field must stay short.

use crate::app_fixture;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use parvi::i18n::Lang;
use parvi::store::{Problem, Reason};
use parvi::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// OSC 52 (writes the clipboard) ended by BEL, CSI 2 J (clears the screen), the C1 CSI,
/// DEL, another C0, a carriage return, and the bidi override and isolate.
const BAD: &str = "\u{1b}]52;c;cGFydmk=\u{7}\u{1b}[2J\u{9b}31m\u{7f}\u{1}\r\u{202e}\u{2067}";

/// A bad field nearly as long as the trial's 100 KB, just under the longest text a file may
/// hold (`model::limits`), so that it is read and quoted rather than refused for its length.
fn huge() -> String {
    format!("{BAD}{}", "x".repeat(99_000))
}

const SAMPLE_SESSION: &str = "2026-11-03_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a03.json";
const SAMPLE_ID: &str = "5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a03";
const GROUP_ID: &str = "hyvinvointiryhma-kotkan-kampus-7c1e";

/// The fields people write (titles, names, topics, texts in each language, notes):
/// everything a listing, a show or minutes print.
const TEXT_KEYS: &[&str] = &[
    "topic",
    "name",
    "site",
    "fi",
    "sv",
    "en",
    "title",
    "text",
    "label",
    "description",
    "students_part",
    "source",
    "note",
];

/// Appends [`BAD`] to every free-text field of a JSON document.
fn poison(value: &mut Value, key: Option<&str>) {
    match value {
        // A decision's origin has a `source` that is a kind, not a text.
        Value::Object(_) if key == Some("origin") => {}
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                poison(v, Some(k.as_str()));
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| poison(v, key)),
        Value::String(s) if key.is_some_and(|k| TEXT_KEYS.contains(&k)) => s.push_str(BAD),
        _ => {}
    }
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn write_json(path: &Path, value: &Value) {
    std::fs::write(path, serde_json::to_string_pretty(value).unwrap()).unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The sample data with every text poisoned, plus broken files whose errors quote a bad
/// value: an unknown event type, an unknown phase kind, a member id, a duplicated phase id,
/// and a file name with escapes in it.
fn poisoned_data_dir() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/sample"),
        &dir,
    );
    for sub in ["sessions", "groups", "clocks"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap().flatten() {
            let mut value = read_json(&entry.path());
            poison(&mut value, None);
            write_json(&entry.path(), &value);
        }
    }
    let sample = dir.join("sessions").join(SAMPLE_SESSION);
    let mut session = read_json(&sample);

    // A meeting whose first event has an unknown type: serde quotes it.
    let mut broken = session.clone();
    let other = "5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0aff";
    broken["id"] = other.into();
    broken["events"][0]["event"]["type"] = huge().into();
    write_json(
        &dir.join("sessions")
            .join(format!("2026-11-04_{other}.json")),
        &broken,
    );
    // In the meeting that loads, a turn by a member id nobody has: the oddity quotes it.
    let turn = session["events"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["event"]["speaker"].is_string())
        .expect("the sample has a turn");
    turn["event"]["speaker"] = huge().into();
    write_json(&sample, &session);
    // A file whose very name holds escapes (every listing of problems prints the path).
    std::fs::write(
        dir.join("sessions").join(format!("2026-11-06_{BAD}.json")),
        "{",
    )
    .unwrap();

    // A group with a bad member id and an unknown kind.
    let mut group = read_json(&dir.join("groups").join(format!("{GROUP_ID}.json")));
    group["id"] = "toinen-ryhma-0001".into();
    group["members"][0]["id"] = huge().into();
    group["kind"] = huge().into();
    write_json(&dir.join("groups").join("toinen-ryhma-0001.json"), &group);

    // Formats: one poisoned but valid, one with an unknown phase kind, one whose phase ids
    // repeat a bad id.
    let formats = dir.join("formats");
    std::fs::create_dir_all(&formats).unwrap();
    let mut format = session["format"].clone();
    format["name"] = "myrkky".into();
    write_json(&formats.join("myrkky.json"), &format);
    let mut kind = format.clone();
    kind["name"] = "laji".into();
    kind["phases"][0]["kind"] = huge().into();
    write_json(&formats.join("laji.json"), &kind);
    let mut twice = format.clone();
    twice["name"] = "kahdesti".into();
    // Two phases with the same huge id: a format file stays under its 1 MiB cap.
    let id = huge();
    for phase in twice["phases"].as_array_mut().unwrap().iter_mut().take(2) {
        phase["id"] = id.clone().into();
    }
    write_json(&formats.join("kahdesti.json"), &twice);
    (tmp, dir)
}

fn parvi(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parvi"));
    cmd.arg("--data-dir").arg(dir).args(args);
    for var in ["LC_ALL", "LC_MESSAGES", "LANGUAGE", "PARVI_DATA_DIR"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "C.UTF-8")
        .env("TZ", "Europe/Helsinki")
        .env("EDITOR", "true");
    cmd.output().expect("run parvi")
}

/// Whether a character would act on a terminal: the test's own list, not the library's.
/// A carriage return is allowed only as the CRLF line end iCalendar requires.
fn acts(c: char, next: Option<char>) -> bool {
    let code = u32::from(c);
    (code < 0x20 && c != '\n' && c != '\t' && !(c == '\r' && next == Some('\n')))
        || (0x7f..=0x9f).contains(&code)
        || (0x202a..=0x202e).contains(&code)
        || (0x2066..=0x2069).contains(&code)
}

/// Where the first byte or character that would act on a terminal is, with some context.
fn first_escape(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let (at, c) = text
        .char_indices()
        .find(|&(i, c)| acts(c, text[i + c.len_utf8()..].chars().next()))?;
    let context: String = text[..at]
        .chars()
        .rev()
        .take(60)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .chain(text[at..].chars().take(20))
        .collect();
    Some(format!("{c:?} at byte {at}: {context:?}"))
}

/// Every command that prints text from a file, or quotes it in an error.
fn commands(dir: &Path) -> Vec<Vec<String>> {
    let format_file = dir.join("formats").join("myrkky.json");
    let kind_file = dir.join("formats").join("laji.json");
    let twice_file = dir.join("formats").join("kahdesti.json");
    let formats = dir.join("formats");
    let mut out: Vec<Vec<&str>> = vec![
        vec!["sessions", "list"],
        vec!["sessions", "show", SAMPLE_ID],
        vec!["sessions", "search", "Ruokala"],
        vec!["sessions", "search", "x"],
        vec!["sessions", "show", BAD],
        vec!["formats", "list"],
        vec!["formats", "show", "myrkky"],
        vec!["formats", "show", "laji"],
        vec!["formats", "show", BAD],
        vec!["formats", "check"],
        vec!["groups", "list"],
        vec!["groups", "show", GROUP_ID],
        vec!["groups", "show", BAD],
        vec!["stats", "--group", GROUP_ID],
        vec!["stats", "--group", BAD],
        vec!["clock", "show", "--group", GROUP_ID],
        vec!["clock", "show", "--group", GROUP_ID, "--year", "2026-2027"],
        vec!["clock", "export", "--group", GROUP_ID, "--format", "html"],
        vec!["clock", "export", "--group", GROUP_ID, "--format", "ics"],
        vec![
            "report",
            "--group",
            GROUP_ID,
            "--format",
            "md",
            "--year",
            "2026-2027",
        ],
        vec![
            "report",
            "--group",
            GROUP_ID,
            "--format",
            "html",
            "--year",
            "2026-2027",
        ],
        vec![
            "notice",
            "--group",
            GROUP_ID,
            "--from",
            "2026-08-01",
            "--to",
            "2026-12-31",
            "--checked",
        ],
        vec!["--lang", BAD, "paths"],
        vec!["sessions", "list", BAD],
    ];
    for format in ["md", "html", "json", "notice", "notice-html"] {
        out.push(vec!["export", SAMPLE_ID, "--format", format, "--checked"]);
    }
    let mut out: Vec<Vec<String>> = out
        .into_iter()
        .map(|args| args.into_iter().map(str::to_string).collect())
        .collect();
    for file in [&format_file, &kind_file, &twice_file, &formats] {
        out.push(vec![
            "formats".into(),
            "check".into(),
            file.display().to_string(),
        ]);
    }
    out
}

#[test]
fn no_command_sends_a_control_character_from_a_file_to_the_terminal() {
    let (_tmp, dir) = poisoned_data_dir();
    let mut leaks = Vec::new();
    let mut shown = 0;
    for args in commands(&dir) {
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = parvi(&dir, &argv);
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            if let Some(leak) = first_escape(bytes) {
                leaks.push(format!("parvi {argv:?} {stream}: {leak}"));
            }
            // The bad text did reach the printer (as `\u{1b}`), so the check is not empty.
            if String::from_utf8_lossy(bytes).contains("\\u{1b}") {
                shown += 1;
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "{} commands leak:\n{}",
        leaks.len(),
        leaks.join("\n")
    );
    assert!(shown >= 20, "the bad text was shown only {shown} times");
}

#[test]
fn an_error_about_a_huge_bad_field_stays_short() {
    let (_tmp, dir) = poisoned_data_dir();
    let formats = dir.join("formats");
    for args in [
        vec!["sessions".to_string(), "list".to_string()],
        vec![
            "sessions".to_string(),
            "show".to_string(),
            SAMPLE_ID.to_string(),
        ],
        vec!["groups".to_string(), "list".to_string()],
        vec![
            "formats".to_string(),
            "check".to_string(),
            formats.join("laji.json").display().to_string(),
        ],
        vec![
            "formats".to_string(),
            "check".to_string(),
            formats.join("kahdesti.json").display().to_string(),
        ],
    ] {
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = parvi(&dir, &argv);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // The message names the bad value (its start), but not 100 KB of it. (Whether it is
        // escaped is the other test's business.)
        assert!(
            text.contains("]52;c;cGFydmk="),
            "{argv:?} does not quote: {text}"
        );
        let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        assert!(
            longest <= 600,
            "{argv:?}: a line of {longest} characters:\n{}",
            text.chars().take(2000).collect::<String>()
        );
    }
}

// ---- the app ---------------------------------------------------------------------------

/// `value` with [`BAD`] after every free text, through its JSON form.
fn poisoned<T: Serialize + DeserializeOwned>(value: &T) -> T {
    let mut json = serde_json::to_value(value).unwrap();
    poison(&mut json, None);
    serde_json::from_value(json).unwrap()
}

/// The bytes a real terminal would get for one frame of `app`: ratatui's crossterm backend
/// writing into memory, not a test double of the drawing.
fn frame_bytes(app: &App, width: u16, height: u16) -> Vec<u8> {
    /// A terminal's input kept for reading afterwards (ratatui keeps its writer private).
    #[derive(Clone, Default)]
    struct Sent(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);
    impl std::io::Write for Sent {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let sent = Sent::default();
    let backend = CrosstermBackend::new(sent.clone());
    let options = ratatui::TerminalOptions {
        viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, width, height)),
    };
    let mut terminal = Terminal::with_options(backend, options).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    drop(terminal);
    sent.0.take()
}

/// What in a frame's bytes did not come from ratatui itself: ratatui moves the cursor and
/// sets colours with CSI sequences ending in `H` or `m` and holding only digits and `;`,
/// and hides and shows the cursor (`ESC[?25l`, `ESC[?25h`).
/// Any other escape, control or bidi character came from the text drawn.
fn foreign_controls(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut found = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\u{1b}' && chars.peek().is_some_and(|&(_, n)| n == '[') {
            chars.next();
            let mut params = String::new();
            let end = loop {
                match chars.next() {
                    Some((_, p)) if p.is_ascii_digit() || p == ';' || p == '?' => params.push(p),
                    other => break other.map(|(_, e)| e),
                }
            };
            let cursor_shown = params == "?25" && matches!(end, Some('h' | 'l'));
            if !matches!(end, Some('H' | 'm')) && !cursor_shown {
                found.push(format!("ESC[{params}{end:?} at {at}"));
            }
        } else if acts(c, None) {
            found.push(format!("{c:?} at {at}"));
        }
    }
    found
}

/// Every screen and size of one app state: the drawn cells and the bytes sent.
fn check_frames(what: &str, app: &App, leaks: &mut Vec<String>, shown: &mut usize) {
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        let terminal = app_fixture::render(app, width, height);
        let cells = app_fixture::rows(terminal.backend().buffer()).join("\n");
        if let Some(leak) = first_escape(cells.as_bytes()) {
            leaks.push(format!("{what} {width}x{height} cells: {leak}"));
        }
        for leak in foreign_controls(&frame_bytes(app, width, height)) {
            leaks.push(format!("{what} {width}x{height} bytes: {leak}"));
        }
        // The poisoned text is on the screen (what is left of it), so the check has teeth.
        if cells.contains("]52;c;cGFydmk=") {
            *shown += 1;
        }
    }
}

#[test]
fn the_app_draws_no_control_character_from_a_file() {
    let mut data = app_fixture::data_sample();
    data.groups = data.groups.iter().map(poisoned).collect();
    data.sessions = data.sessions.iter().map(poisoned).collect();
    for entry in &mut data.formats {
        entry.format = poisoned(&entry.format);
    }
    data.problems.push(Problem {
        path: PathBuf::from(format!("/data/sessions/2026-11-06_{BAD}.json")),
        reason: Reason::Json {
            line: 1,
            column: 2,
            detail: format!("unknown variant `{BAD}`"),
        },
    });
    let (mut app, _clock) = app_fixture::app_with(Lang::Fi, data);
    let mut leaks = Vec::new();
    let mut shown = 0;
    check_frames("home", &app, &mut leaks, &mut shown);
    let format = app_fixture::format_index("hyvinvointiryhma");
    app.start_meeting(0, format, &format!("Ruokala{BAD}"), Vec::new());
    check_frames("meeting", &app, &mut leaks, &mut shown);
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
    assert!(shown >= 3, "the bad text was drawn only {shown} times");
}

#[test]
fn the_checks_find_what_they_look_for() {
    // Guard against checks that silently pass: ratatui's own sequences are allowed, the
    // sequences of BAD are not.
    let frame = format!("\u{1b}[?25l\u{1b}[1;1H\u{1b}[38;5;2mok{BAD}\u{1b}[?25h");
    let found = foreign_controls(frame.as_bytes());
    assert_eq!(found.len(), 9, "{found:?}");
    assert!(first_escape(b"ok\r\nok").is_none());
    assert!(first_escape(b"ok\rok").is_some());
    assert!(first_escape("ok\u{2066}".as_bytes()).is_some());
}
