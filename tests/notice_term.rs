//! `parvi notice --group GROUP --from DATE --to DATE`: "Sanoitte, teimme" for a term, end to
//! end on the sample group (`parvi::simulator`) written into a temporary data directory.
//!
//! The fixture is the sample with one change: the November meeting drops the September
//! action on the info screens instead of continuing it. The golden files are the notice of
//! August to October (the September and October meetings, the November one after the
//! period) under `tests/golden/notice-term/<lang>/`; run with `PARVI_UPDATE_FILES=1` to write
//! new ones after a deliberate change, then read the diff.

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

use parvi::export::notice::MAX_CHARS;
use parvi::i18n::Lang;
use parvi::model::outcomes::{ActionStatus, Decision, Due};
use parvi::model::{EventKind, SessionRecord};

const GROUP: &str = "hyvinvointiryhma-kotkan-kampus-7c1e";
/// The September action the November meeting marks done.
const DONE_LATER: &str = "5a3f0c2e8d414c6b9f2a1b7e6d9c0a01-1";
/// The September action the fixture's November meeting drops.
const DROPPED: &str = "5a3f0c2e8d414c6b9f2a1b7e6d9c0a01-2";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn updating() -> bool {
    std::env::var_os("PARVI_UPDATE_FILES").is_some()
}

/// The sample meetings, the November one dropping [`DROPPED`].
fn meetings() -> Vec<SessionRecord> {
    let mut meetings = parvi::simulator::meetings();
    let november = &mut meetings[2];
    let mut found = false;
    for e in &mut november.events {
        if let EventKind::ActionReviewed { id, status, due } = &mut e.event
            && id == DROPPED
        {
            *status = ActionStatus::Dropped;
            *due = None;
            found = true;
        }
    }
    assert!(found, "the November meeting follows up {DROPPED}");
    meetings
}

/// A data directory holding the sample group and `meetings`.
fn data_dir(meetings: &[SessionRecord]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir_all(data.join("groups")).unwrap();
    std::fs::create_dir_all(data.join("sessions")).unwrap();
    let group = parvi::simulator::group();
    std::fs::write(
        data.join(format!("groups/{}.json", group.id)),
        serde_json::to_vec_pretty(&group).unwrap(),
    )
    .unwrap();
    for record in meetings {
        let day = record.started_at().to_string()[..10].to_string();
        std::fs::write(
            data.join("sessions")
                .join(format!("{day}_{}.json", record.id)),
            serde_json::to_vec_pretty(record).unwrap(),
        )
        .unwrap();
    }
    (tmp, data)
}

fn parvi(data: &Path, args: &[&str]) -> Output {
    let mut cmd = Process::new(env!("CARGO_BIN_EXE_parvi"));
    cmd.arg("--data-dir").arg(data).args(args);
    cmd.current_dir(data.parent().unwrap());
    for var in ["LC_ALL", "LC_MESSAGES", "LANGUAGE", "PARVI_DATA_DIR"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "C.UTF-8").env("TZ", "Europe/Helsinki");
    cmd.output().expect("run parvi")
}

#[track_caller]
fn expect(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "exit code\n--- stdout\n{}\n--- stderr\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// `parvi notice` for `group` from `from` to `to`, with `extra` arguments.
fn run_notice(data: &Path, group: &str, from: &str, to: &str, extra: &[&str]) -> Output {
    let mut args = vec!["notice", "--group", group, "--from", from, "--to", to];
    args.extend(extra);
    parvi(data, &args)
}

/// The notice of `from`–`to` in `lang` as plain text, expecting success.
fn notice(data: &Path, from: &str, to: &str, lang: Lang) -> String {
    let o = run_notice(data, GROUP, from, to, &["--lang", lang.code()]);
    expect(&o, 0);
    stdout(&o)
}

/// The lines under `heading`, up to the next blank line.
fn section(text: &str, heading: &str) -> Vec<String> {
    text.lines()
        .skip_while(|l| *l != heading)
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Compares `bytes` with the committed golden file, or writes it when updating.
fn check_golden(path: &Path, bytes: &str) {
    if updating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == bytes,
        "{} differs from the notice:\n--- golden\n{committed}\n--- now\n{bytes}\n\
         Run `PARVI_UPDATE_FILES=1 cargo test --release --test all notice_term::` and review the diff.",
        path.display()
    );
}

#[test]
fn the_term_notice_matches_its_golden_files_in_every_language() {
    let (_tmp, data) = data_dir(&meetings());
    for lang in Lang::ALL {
        let dir = root().join("tests/golden/notice-term").join(lang.code());
        let text = notice(&data, "1.8.2026", "2026-10-31", lang);
        check_golden(&dir.join("notice.txt"), &text);
        let o = run_notice(
            &data,
            "Hyvinvointiryhmä, Kotkan kampus",
            "2026-08-01",
            "31.10.2026",
            &["--format", "notice-html", "--lang", lang.code()],
        );
        expect(&o, 0);
        let html = stdout(&o);
        check_golden(&dir.join("notice.html"), &html);

        // What the golden files hold, said outright: two meetings, the September decision
        // from the student union, no name, within the length.
        let t = &lang.text().notice;
        assert!(text.chars().count() <= MAX_CHARS);
        let met = t.term_voice[1].replace("{meetings}", "2");
        assert!(text.contains(met.split('.').next().unwrap()), "{text}");
        for name in ["Aino", "Mikko", "Korhonen", "Eetu", "Sofia", "Leena"] {
            assert!(!text.contains(name), "{name} in\n{text}");
            assert!(!html.contains(name), "{name} in\n{html}");
        }
        assert!(
            html.contains("<h2>")
                && !html.contains("<script")
                && !html.contains("http://")
                && !html.contains("https://")
        );
    }
}

#[test]
fn an_action_done_at_a_meeting_after_the_period_shows_as_done() {
    let agreed_fi = "Päätettiin:";
    let line = "Selvitetään, voiko ruokailuajat porrastaa (opettaja, tehty)";
    let (_tmp, data) = data_dir(&meetings());
    let text = notice(&data, "1.8.2026", "31.10.2026", Lang::Fi);
    assert!(
        section(&text, "Sovittiin tehtäväksi:").contains(&format!("- {line}")),
        "{text}"
    );
    // November's decision is after the period: not in it.
    assert_eq!(section(&text, agreed_fi).len(), 1, "{text}");

    // Without the November meeting nobody has said it is done: still in progress.
    let mut two = meetings();
    two.truncate(2);
    let (_tmp2, data2) = data_dir(&two);
    let text = notice(&data2, "1.8.2026", "31.10.2026", Lang::Fi);
    assert!(
        section(&text, "Sovittiin tehtäväksi:")
            .contains(&"- Selvitetään, voiko ruokailuajat porrastaa (opettaja, kesken)".into()),
        "{text}"
    );
    let _ = DONE_LATER;
}

#[test]
fn a_dropped_action_is_under_what_was_not_done_with_the_minutes_for_the_reason() {
    let (_tmp, data) = data_dir(&meetings());
    for lang in Lang::ALL {
        let t = &lang.text().notice;
        let text = notice(&data, "1.8.2026", "31.10.2026", lang);
        let not_done = section(&text, t.not_done);
        assert_eq!(not_done.len(), 2, "{text}");
        assert!(
            not_done[0].starts_with("- Kerrotaan opiskelijoille kokeilusta infonäytöillä (")
                && not_done[0].ends_with(&format!("): {}", t.dropped)),
            "{text}"
        );
        assert_eq!(not_done[1], t.dropped_note);
        // In the list of what was agreed it stands as dropped too.
        assert!(
            section(&text, t.agreed)
                .iter()
                .any(|l| l.starts_with("- Kerrotaan") && l.ends_with(&format!(", {})", t.dropped))),
            "{text}"
        );
    }

    // The sample as it is continues it: nothing is left undone.
    let (_tmp2, data2) = data_dir(&parvi::simulator::meetings());
    let text = notice(&data2, "1.8.2026", "31.12.2026", Lang::Fi);
    assert!(!text.contains("Mikä jäi tekemättä:"), "{text}");
    assert!(text.contains("infonäytöillä (opiskelijakunnan edustaja, kesken)"));
}

#[test]
fn an_open_action_late_on_the_day_of_the_last_meeting_is_under_not_done() {
    // September and October only; September's first action was due on 20.9.
    let mut two = meetings();
    two.truncate(2);
    for e in &mut two[0].events {
        if let EventKind::ActionAdded { action } = &mut e.event
            && action.id == DONE_LATER
        {
            action.due = Due::Date {
                date: jiff::civil::date(2026, 9, 20),
            };
        }
    }
    // October carried it over as September left it.
    for a in &mut two[1].carried_actions {
        if a.id == DONE_LATER {
            a.due = Due::Date {
                date: jiff::civil::date(2026, 9, 20),
            };
        }
    }
    let (_tmp, data) = data_dir(&two);
    let text = notice(&data, "1.8.2026", "30.9.2026", Lang::Fi);
    let not_done = section(&text, "Mikä jäi tekemättä:");
    assert_eq!(
        not_done,
        [
            "- Selvitetään, voiko ruokailuajat porrastaa (opettaja): kesken, myöhässä, piti olla valmis 20.9.2026"
        ],
        "{text}"
    );
    // Nothing was dropped: no word about a reason.
    assert!(!text.contains(Lang::Fi.text().notice.dropped_note));
}

#[test]
fn a_long_term_is_cut_to_its_length_and_counts_what_was_cut() {
    let mut long = meetings();
    let september = &mut long[0];
    let end = september.events.pop().expect("the meeting ended");
    for n in 0..40 {
        let mut event = end.clone();
        event.event = EventKind::DecisionRecorded {
            decision: Decision {
                id: 100 + n,
                text: format!("Päätös numero {n}, jossa on tarpeeksi sanoja täyttämään rivin"),
                basis: Vec::new(),
                review: None,
                origin: Default::default(),
            },
        };
        september.events.push(event);
    }
    september.events.push(end);
    for (i, e) in september.events.iter_mut().enumerate() {
        e.seq = i as u64 + 1;
    }
    let (_tmp, data) = data_dir(&long);
    for lang in Lang::ALL {
        let t = &lang.text().notice;
        let text = notice(&data, "1.8.2026", "31.10.2026", lang);
        assert!(text.chars().count() <= MAX_CHARS, "{text}");
        // 41 decisions, 2 actions and 1 not done: what is shown and what is counted add up.
        let shown = text.lines().filter(|l| l.starts_with("- ")).count();
        let cut = 44 - shown;
        assert!(cut > 0, "{text}");
        let more = t.more.replace("{n}", &cut.to_string());
        assert!(text.contains(&more), "{more:?} in\n{text}");
        // The actions go first; what was not done stays.
        assert!(section(&text, t.agreed).is_empty(), "{text}");
        assert_eq!(section(&text, t.not_done).len(), 2, "{text}");
        assert!(text.contains("Päätös numero 0,"), "{text}");
        assert!(text.ends_with(&format!("{}\n", t.closing)));

        let o = run_notice(
            &data,
            GROUP,
            "1.8.2026",
            "31.10.2026",
            &["--format", "notice-html", "--lang", lang.code()],
        );
        expect(&o, 0);
        assert!(stdout(&o).contains(&parvi::export::escape_html(&more)));
    }
}

#[test]
fn the_guard_refuses_a_term_notice_that_names_a_student_until_checked() {
    let mut named = meetings();
    for e in &mut named[0].events {
        if let EventKind::DecisionRecorded { decision } = &mut e.event {
            decision.text =
                "Sofialle tehdään lastensuojeluilmoitus, ryhmänohjaaja soittaa kotiin".into();
        }
    }
    let (_tmp, data) = data_dir(&named);
    let out = data.parent().unwrap().join("tiedote.txt");
    let out_arg = out.display().to_string();
    let run = |extra: &[&str]| {
        let mut args = vec!["-o", out_arg.as_str()];
        args.extend(extra);
        run_notice(&data, GROUP, "1.8.2026", "31.12.2026", &args)
    };

    let o = run(&[]);
    expect(&o, 1);
    assert!(!out.exists());
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    for line in [
        "Julkaistavassa tekstissä on 2 kohtaa",
        "  8.9.2026 · päätös 1 · nimi: Sofia Laine (opiskelija)",
        "    »Sofialle« tehdään lastensuojeluilmoitus, ryhmänoh…",
        "  8.9.2026 · päätös 1 · terveys tai hyvinvointi, henkilöön liittyen",
        "valitsimella --checked.",
    ] {
        assert!(err.contains(line), "{line:?} in\n{err}");
    }
    // --public changes nothing: the notice is public anyway.
    expect(&run(&["--public"]), 1);
    assert!(!out.exists());

    let o = run(&["--checked"]);
    expect(&o, 0);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("[Opiskelijalle] tehdään lastensuojeluilmoitus"),
        "{text}"
    );
    assert!(!text.contains("Sofia"), "{text}");
    // Written once: not again without --force.
    expect(&run(&["--checked"]), 1);
    expect(&run(&["--checked", "--force"]), 0);
}

#[test]
fn bad_dates_a_reversed_or_empty_period_and_an_unknown_group_are_refused_clearly() {
    let (_tmp, data) = data_dir(&meetings());
    let run = |group: &str, from: &str, to: &str| run_notice(&data, group, from, to, &[]);
    for (from, to, arg, value) in [
        ("32.1.2026", "2026-12-31", "--from", "32.1.2026"),
        ("1.8.2026", "2026-13-01", "--to", "2026-13-01"),
        ("1.8.", "31.12.2026", "--from", "1.8."),
        ("elokuu", "31.12.2026", "--from", "elokuu"),
    ] {
        let o = run(GROUP, from, to);
        expect(&o, 2);
        assert!(o.stdout.is_empty());
        assert!(
            stderr(&o).contains(&format!(
                "{arg}: ”{value}” ei ole päivämäärä. Kirjoita se muodossa 1.8.2026 tai 2026-08-01."
            )),
            "{}",
            stderr(&o)
        );
    }
    let o = run(GROUP, "1.12.2026", "1.8.2026");
    expect(&o, 2);
    assert!(
        stderr(&o).contains("Jakson alku 1.12.2026 on sen lopun 1.8.2026 jälkeen."),
        "{}",
        stderr(&o)
    );
    let o = run(GROUP, "1.1.2026", "31.7.2026");
    expect(&o, 1);
    assert!(o.stdout.is_empty());
    assert!(
        stderr(&o).contains(
            "Ryhmällä Hyvinvointiryhmä, Kotkan kampus ei ole kokouksia ajalla 1.1.2026–31.7.2026."
        ),
        "{}",
        stderr(&o)
    );
    let o = run("ei-tällaista", "1.8.2026", "31.12.2026");
    expect(&o, 1);
    assert!(stderr(&o).contains("ei-tällaista"), "{}", stderr(&o));
    // The first and last days are in the period: 8.9. alone is one meeting.
    let text = notice(&data, "8.9.2026", "2026-09-08", Lang::En);
    assert!(text.contains("The group met once."), "{text}");
    let o = run_notice(&data, GROUP, "1.8.2026", "31.12.2026", &["--format", "md"]);
    expect(&o, 2);
    assert!(stderr(&o).contains("notice, notice-html"), "{}", stderr(&o));
}

#[test]
fn the_help_of_parvi_notice_is_in_the_catalogue() {
    let (_tmp, data) = data_dir(&[]);
    for lang in Lang::ALL {
        let t = &lang.text().notice;
        // clap wraps long lines: compare the words.
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let o = parvi(&data, &["--lang", lang.code(), "--help"]);
        expect(&o, 0);
        assert!(words(&stdout(&o)).contains(t.help_notice), "{}", stdout(&o));
        let o = parvi(&data, &["--lang", lang.code(), "notice", "--help"]);
        expect(&o, 0);
        for help in [t.help_arg_from, t.help_arg_to, t.help_arg_format] {
            assert!(words(&stdout(&o)).contains(help), "{}", stdout(&o));
        }
    }
}
