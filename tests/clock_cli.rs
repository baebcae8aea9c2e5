//! `parvi clock` on real files: a group starts its year clock from the template or from
//! another group's, marks an item done, compares two sites, and exports the year as CSV and
//! as iCalendar that a real parser (Python's `icalendar`, from Debian) reads back; a broken
//! clock file is reported and left alone.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KOTKA: &str = "Kotkan hyvinvointiryhmä";
const PORI: &str = "Porin hyvinvointiryhmä";

fn parvi(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parvi"));
    cmd.arg("--data-dir").arg(dir).args(args);
    for var in ["LC_ALL", "LC_MESSAGES", "LANGUAGE", "PARVI_DATA_DIR"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "C.UTF-8").env("TZ", "Europe/Helsinki");
    cmd.output().expect("run parvi")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[track_caller]
fn expect(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "--- stdout\n{}\n--- stderr\n{}",
        out(o),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A data directory with the two sites' groups.
fn two_sites() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    for name in [KOTKA, PORI] {
        let o = parvi(
            &dir,
            &[
                "groups",
                "add",
                "--kind",
                "site_wellbeing",
                name,
                "--member",
                "Hanna Nurmi:nurse",
            ],
        );
        expect(&o, 0);
    }
    (tmp, dir)
}

fn clock_file(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(dir.join("clocks"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains("kotkan"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn a_site_starts_its_clock_marks_an_item_and_compares_with_another_site() {
    let (_tmp, dir) = two_sites();
    let none = parvi(&dir, &["clock", "show", "--group", KOTKA]);
    expect(&none, 1);
    assert!(String::from_utf8_lossy(&none.stderr).contains("parvi clock init"));

    expect(&parvi(&dir, &["clock", "init", "--group", KOTKA]), 0);
    let again = parvi(&dir, &["clock", "init", "--group", KOTKA]);
    expect(&again, 1);
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));

    let year = ["--year", "2026-2027"];
    let shown = out(&parvi(
        &dir,
        &[&["clock", "show", "--group", KOTKA][..], &year].concat(),
    ));
    for text in [
        "Hyvinvoinnin vuosikello: Kotkan hyvinvointiryhmä",
        "Lukuvuosi 2026-2027",
        "Elokuu",
        "Kouluterveyskysely · viikot 10–17 · parittomina vuosina · suunniteltu",
        "Vastuu: johto",
    ] {
        assert!(shown.contains(text), "{text:?} missing:\n{shown}");
    }
    // The theme week (week 40) is October's: its Thursday is in October.
    let october = out(&parvi(
        &dir,
        &[
            &["clock", "show", "--group", KOTKA, "--month", "10"][..],
            &year,
        ]
        .concat(),
    ));
    let week = october
        .lines()
        .find(|l| l.contains("teemaviikko"))
        .unwrap_or_else(|| panic!("{october}"));
    let id = week.split_whitespace().next().unwrap().to_string();

    let set = parvi(
        &dir,
        &[
            &["clock", "set", "--group", KOTKA, &id, "--status", "done"][..],
            &year,
        ]
        .concat(),
    );
    expect(&set, 0);
    assert!(out(&set).contains("tehty (2026-2027)"), "{}", out(&set));
    let october = out(&parvi(
        &dir,
        &[
            &["clock", "show", "--group", KOTKA, "--month", "10"][..],
            &year,
        ]
        .concat(),
    ));
    assert!(october.contains("joka vuosi · tehty"), "{october}");
    expect(
        &parvi(
            &dir,
            &["clock", "set", "--group", KOTKA, "k99", "--status", "done"],
        ),
        1,
    );
    expect(
        &parvi(
            &dir,
            &["clock", "set", "--group", KOTKA, &id, "--status", "valmis"],
        ),
        2,
    );
    expect(
        &parvi(
            &dir,
            &["clock", "show", "--group", KOTKA, "--year", "syksy"],
        ),
        2,
    );

    // Pori copies Kotka's clock: the same items, none of Kotka's statuses.
    expect(
        &parvi(&dir, &["clock", "init", "--group", PORI, "--from", KOTKA]),
        0,
    );
    let same = parvi(&dir, &["clock", "diff", "--group", KOTKA, "--with", PORI]);
    expect(&same, 0);
    assert!(
        out(&same).contains("Vuosikelloissa ei ole eroja."),
        "{}",
        out(&same)
    );
    let pori = out(&parvi(
        &dir,
        &[
            &["clock", "show", "--group", PORI, "--month", "10"][..],
            &year,
        ]
        .concat(),
    ));
    assert!(pori.contains("joka vuosi · suunniteltu"), "{pori}");

    // Kotka moves its theme week: the comparison names it and what differs.
    let path = clock_file(&dir);
    let text = std::fs::read_to_string(&path).unwrap();
    let moved = text.replacen(
        "\"from\": 40,\n        \"to\": 40",
        "\"from\": 38,\n        \"to\": 38",
        1,
    );
    assert_ne!(moved, text, "the week was in the file:\n{text}");
    std::fs::write(&path, moved).unwrap();
    let differ = out(&parvi(
        &dir,
        &["clock", "diff", "--group", KOTKA, "--with", PORI],
    ));
    assert!(differ.contains("Molemmissa, mutta eri tavoin:"), "{differ}");
    assert!(
        differ.contains(&format!("{id}  Syksyn hyvinvoinnin teemaviikko: ajankohta")),
        "{differ}"
    );
}

#[test]
fn the_year_exports_as_csv_and_as_calendar_events_a_real_parser_reads() {
    let (tmp, dir) = two_sites();
    expect(&parvi(&dir, &["clock", "init", "--group", KOTKA]), 0);
    let year = ["--year", "2026-2027"];
    let csv = parvi(
        &dir,
        &[
            &["clock", "export", "--group", KOTKA, "--format", "csv"][..],
            &year,
        ]
        .concat(),
    );
    expect(&csv, 0);
    let csv = out(&csv);
    assert!(csv.starts_with('\u{feff}'), "a BOM for Excel");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows.len(),
        14,
        "a header and the template's 13 items:\n{csv}"
    );
    assert!(
        rows[0].contains("Tila 2026-2027;Tänä lukuvuonna"),
        "{}",
        rows[0]
    );
    // The inspection is every three years from February 2026: not in 2026-2027.
    let inspection = rows
        .iter()
        .find(|r| r.contains("terveellisyyden ja turvallisuuden tarkastus"))
        .unwrap();
    assert!(
        inspection.contains(";joka 3. vuosi vuodesta 2026;"),
        "{inspection}"
    );
    assert!(inspection.contains(";suunniteltu;ei;"), "{inspection}");

    let ics = tmp.path().join("vuosikello.ics");
    let written = parvi(
        &dir,
        &[
            &["clock", "export", "--group", KOTKA, "--format", "ics", "-o"][..],
            &[ics.to_str().unwrap()],
            &year,
        ]
        .concat(),
    );
    expect(&written, 0);
    let refused = parvi(
        &dir,
        &[&[
            "clock",
            "export",
            "--group",
            KOTKA,
            "--format",
            "ics",
            "-o",
            ics.to_str().unwrap(),
        ][..]]
        .concat(),
    );
    expect(&refused, 1);
    let script = "import sys, icalendar\n\
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n\
        for e in cal.walk('VEVENT'):\n    \
            print(e['UID'], e['DTSTART'].dt, e['DTEND'].dt, e['SUMMARY'], sep='|')\n";
    let python = if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    let parsed = Command::new(python)
        .args(["-c", script, ics.to_str().unwrap()])
        .output()
        .expect("python3");
    assert!(
        parsed.status.success(),
        "Python's icalendar could not read it (apt-get install python3-icalendar): {}",
        String::from_utf8_lossy(&parsed.stderr)
    );
    let events = String::from_utf8(parsed.stdout).unwrap();
    let lines: Vec<&str> = events.lines().collect();
    // 13 items less the inspection and the odd-autumn survey results: 11 events.
    assert_eq!(lines.len(), 11, "{events}");
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with("|2027-03-08|2027-05-03|Kouluterveyskysely")),
        "the survey, weeks 10-17 of 2027, all days:\n{events}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("|2026-12-01|2027-01-01|Sanoitte, teimme")),
        "{events}"
    );
    assert!(!events.contains("tarkastus\n"), "{events}");
}

#[test]
fn a_broken_clock_file_is_reported_and_left_alone() {
    let (_tmp, dir) = two_sites();
    expect(&parvi(&dir, &["clock", "init", "--group", KOTKA]), 0);
    let path = clock_file(&dir);
    std::fs::write(&path, "{\"schema\": 1, \"group\":").unwrap();
    let shown = parvi(&dir, &["clock", "show", "--group", KOTKA]);
    expect(&shown, 3);
    let err = String::from_utf8_lossy(&shown.stderr);
    assert!(err.contains("Vuosikellon tiedosto on rikki"), "{err}");
    expect(
        &parvi(
            &dir,
            &["clock", "set", "--group", KOTKA, "k1", "--status", "done"],
        ),
        3,
    );
    // Replacing it is asked for by name.
    expect(&parvi(&dir, &["clock", "init", "--group", KOTKA]), 1);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "{\"schema\": 1, \"group\":"
    );
    expect(
        &parvi(&dir, &["clock", "init", "--group", KOTKA, "--force"]),
        0,
    );
    expect(&parvi(&dir, &["clock", "show", "--group", KOTKA]), 0);
}

/// `parvi clock edit` with `EDITOR` set to a command that changes the file as a person would.
fn edit_with(dir: &Path, editor: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parvi"));
    cmd.arg("--data-dir")
        .arg(dir)
        .args(["clock", "edit", "--group", KOTKA]);
    for var in [
        "LC_ALL",
        "LC_MESSAGES",
        "LANGUAGE",
        "PARVI_DATA_DIR",
        "VISUAL",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "C.UTF-8").env("EDITOR", editor);
    cmd.output().expect("run parvi")
}

#[test]
fn an_edit_in_the_editor_is_checked_and_a_broken_one_is_kept_to_go_on_from() {
    let (_tmp, dir) = two_sites();
    expect(&parvi(&dir, &["clock", "init", "--group", KOTKA]), 0);
    let path = clock_file(&dir);
    let show = || {
        out(&parvi(
            &dir,
            &["clock", "show", "--group", KOTKA, "--year", "2026-2027"],
        ))
    };

    expect(&edit_with(&dir, "true"), 0);
    let same = edit_with(&dir, "true");
    assert!(out(&same).contains("Ei muutoksia."), "{}", out(&same));

    let renamed = edit_with(&dir, "sed -i s/Kouluterveyskysely/Terveyskysely/");
    expect(&renamed, 0);
    assert!(
        out(&renamed).contains("Vuosikello tallennettu"),
        "{}",
        out(&renamed)
    );
    assert!(
        show().contains("k10  Terveyskysely · viikot 10–17"),
        "{}",
        show()
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("\"revision\": 2"),
        "one revision on:\n{saved}"
    );

    // A typo: refused with where it is, the clock untouched, the edit kept.
    let broken = edit_with(&dir, "sed -i s/Terveyskysely\\\",/Terveyskysely/");
    expect(&broken, 3);
    let err = String::from_utf8_lossy(&broken.stderr).into_owned();
    assert!(err.contains("Muokattu vuosikello ei kelpaa"), "{err}");
    assert!(err.contains("Muokkauksesi ovat tallessa"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), saved);
    // The next edit opens the kept draft (still broken if nothing is done)…
    expect(&edit_with(&dir, "true"), 3);
    // …and mending it there saves it, with the earlier change in it.
    let mended = edit_with(&dir, "sed -i s/Terveyskysely$/Terveyskysely\\\",/");
    expect(&mended, 0);
    assert!(show().contains("Terveyskysely"), "{}", show());
    let drafts: Vec<_> = std::fs::read_dir(dir.join("clocks"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".edit-"))
        .collect();
    assert!(drafts.is_empty(), "the draft is gone once saved");

    // An item's month out of range is refused by the clock's own checks.
    let month = edit_with(&dir, "sed -i 0,/\\\"from\\\":\\ 8/s//\\\"from\\\":\\ 13/");
    expect(&month, 3);
    assert!(
        String::from_utf8_lossy(&month.stderr).contains("13"),
        "{}",
        String::from_utf8_lossy(&month.stderr)
    );
}
