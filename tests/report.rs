//! The yearly participation report: its figures against hand-computed ones on a small
//! fixture, its golden files (Markdown, HTML and CSV; fi, sv, en; public and not), the CSV
//! read back by a real CSV parser, and `parvi report` on a data directory.

use std::path::{Path, PathBuf};

use jiff::civil::{Date, date};
use parvi::export::report::{ReportFormat, ReportOptions, render};
use parvi::i18n::Lang;
use parvi::model::clock::{ItemStatus, SchoolYear, YearClock};
use parvi::model::figures::MeetingFigures;
use parvi::model::metrics::{Figures, Participation};
use parvi::model::outcomes::{ActionItem, ActionStatus, Due, Level, Origin, Owner, Source};
use parvi::model::report::{ActionCounts, GroupReport};
use parvi::model::{Role, Side};

use crate::common;

fn updating() -> bool {
    std::env::var_os("PARVI_UPDATE_FILES").is_some()
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/report")
}

/// A meeting's figures: `students` and `staff` as (seats, airtime in seconds, turns, passes).
fn meeting(
    n: u128,
    day: Date,
    students: (usize, u64, u32, u32),
    staff: (usize, u64, u32, u32),
    equity: f64,
) -> MeetingFigures {
    let side = |(seats, secs, turns, passes): (usize, u64, u32, u32)| Figures {
        seats,
        airtime_ms: secs * 1000,
        turns,
        passes,
        contributions: turns,
    };
    let sides = [side(students), side(staff), Figures::default()];
    let mut total = Figures::default();
    for s in &sides {
        total.add(s);
    }
    let started_at = day
        .at(13, 0, 0, 0)
        .to_zoned_datetime(parvi::model::helsinki())
        .unwrap()
        .timestamp();
    MeetingFigures {
        id: uuid::Uuid::from_u128(n),
        group_id: "g".into(),
        group_name: "Hyvinvointiryhmä, Testikampus".into(),
        topic: format!("Kokous {n}"),
        format_title: None,
        started_at,
        ended_at: Some(started_at + jiff::SignedDuration::from_hours(1)),
        participation: Participation {
            sides,
            roles: Vec::new(),
            roles_folded: false,
            total,
            equity: Some(equity),
        },
        present: [students.0 as u32, staff.0 as u32, 0],
        ideas_shown: 2,
        decisions: 0,
        decision_origins: Vec::new(),
        pulse: [[0; 5]; 4],
        carried: Vec::new(),
        actions: Vec::new(),
    }
}

fn action(meeting: u128, n: u32, due: Due, agreed: Date) -> ActionItem {
    ActionItem {
        id: format!("{meeting}-{n}"),
        text: format!("Toimenpide {n}"),
        owner: Owner::Role { role: Role::Nurse },
        due,
        status: ActionStatus::Open,
        session: uuid::Uuid::from_u128(meeting),
        agreed,
        clock_item: None,
        origin: Origin::default(),
    }
}

fn with(a: &ActionItem, status: ActionStatus, due: Option<Due>) -> ActionItem {
    ActionItem {
        status,
        due: due.unwrap_or(a.due),
        ..a.clone()
    }
}

/// Four meetings of 2026–2027, one of the school year before and one left unfinished.
///
/// - A1 (due 1 Oct) is reported done on 15 Oct, at the first follow-up: on time.
/// - A2 (due November) is continued to 1 Dec, still open on 3 Dec, done on 14 Jan: late.
/// - A3 (no due) is dropped on 14 Jan.
/// - A4 (due 10 Jan, agreed 3 Dec) is still open on 14 Jan and on the report's day: overdue.
/// - A5 (due 1 Mar, agreed 14 Jan) is open and not yet due.
/// - A0 of the year before is not the year's.
fn fixture() -> Vec<MeetingFigures> {
    let d0 = date(2026, 5, 20);
    let (d1, d2, d3, d4) = (
        date(2026, 9, 10),
        date(2026, 10, 15),
        date(2026, 12, 3),
        date(2027, 1, 14),
    );
    let mut m0 = meeting(9, d0, (1, 10, 1, 0), (4, 990, 9, 0), 0.2);
    m0.actions = vec![action(9, 0, Due::None, d0)];

    let mut m1 = meeting(1, d1, (2, 60, 4, 1), (3, 140, 6, 0), 0.8);
    let a1 = action(
        1,
        1,
        Due::Date {
            date: date(2026, 10, 1),
        },
        d1,
    );
    let a2 = action(1, 2, Due::Month { month: 11 }, d1);
    let mut a3 = action(1, 3, Due::None, d1);
    a3.origin = Origin {
        source: Some(Source::Students),
        level: None,
    };
    m1.actions = vec![a1.clone(), a2.clone(), a3.clone()];
    m1.decisions = 2;
    m1.decision_origins = vec![
        Origin {
            source: Some(Source::Students),
            level: Some(Level::Consulted),
        },
        Origin::default(),
    ];
    // Three students answered the pulse, two staff (withheld), two by hands.
    m1.pulse = [[0, 0, 1, 1, 1], [0, 1, 1, 0, 0], [0; 5], [0, 0, 0, 2, 0]];

    let mut m2 = meeting(2, d2, (3, 100, 5, 0), (3, 100, 5, 0), 0.9);
    let to_dec = Some(Due::Date {
        date: date(2026, 12, 1),
    });
    m2.carried = vec![
        with(&a1, ActionStatus::Done, None),
        with(&a2, ActionStatus::Continued, to_dec),
        with(&a3, ActionStatus::Open, None),
    ];

    let mut m3 = meeting(3, d3, (2, 60, 4, 1), (3, 140, 6, 0), 0.8);
    let a4 = action(
        3,
        4,
        Due::Date {
            date: date(2027, 1, 10),
        },
        d3,
    );
    m3.carried = vec![
        with(&a2, ActionStatus::Continued, to_dec),
        with(&a3, ActionStatus::Open, None),
    ];
    m3.actions = vec![a4.clone()];
    m3.decisions = 1;
    m3.decision_origins = vec![Origin {
        source: Some(Source::StudentUnion),
        level: Some(Level::StudentInitiated),
    }];

    let mut m4 = meeting(4, d4, (2, 60, 4, 1), (3, 140, 6, 0), 0.8);
    m4.carried = vec![
        with(&a2, ActionStatus::Done, to_dec),
        with(&a3, ActionStatus::Dropped, None),
        with(&a4, ActionStatus::Open, None),
    ];
    m4.actions = vec![action(
        4,
        5,
        Due::Date {
            date: date(2027, 3, 1),
        },
        d4,
    )];

    let mut unfinished = meeting(5, date(2027, 1, 20), (2, 30, 2, 0), (2, 30, 2, 0), 1.0);
    unfinished.ended_at = None;
    // In any order: the report sorts them.
    vec![m4, unfinished, m2, m0, m3, m1]
}

fn today() -> Date {
    date(2027, 2, 1)
}

fn report(clock: Option<&YearClock>) -> GroupReport {
    GroupReport::of(
        &fixture(),
        clock,
        SchoolYear { start: 2026 },
        today(),
        &parvi::model::helsinki(),
    )
}

#[test]
fn the_figures_match_the_hand_computed_ones() {
    let r = report(None);
    assert_eq!(
        r.meetings.len(),
        4,
        "the year before and the unfinished one are out"
    );
    assert_eq!(r.unfinished, 1);
    let dates: Vec<Date> = r.meetings.iter().map(|m| m.date).collect();
    assert_eq!(
        dates,
        [
            date(2026, 9, 10),
            date(2026, 10, 15),
            date(2026, 12, 3),
            date(2027, 1, 14)
        ]
    );
    // Students spoke 60 + 100 + 60 + 60 = 280 s of 800 s; they had 9 of 21 seats.
    let (airtime, seats) = r.student_shares();
    assert!((airtime.unwrap() - 0.35).abs() < 1e-9, "{airtime:?}");
    assert!((seats.unwrap() - 9.0 / 21.0).abs() < 1e-9, "{seats:?}");
    assert_eq!(r.meetings[1].student_airtime, Some(0.5));
    assert_eq!(r.meetings[1].student_seats, Some(0.5));
    // (0.8 + 0.9 + 0.8 + 0.8) / 4
    assert!((r.mean_equity().unwrap() - 0.825).abs() < 1e-9);
    assert_eq!(r.attendance(), [9, 12, 0]);
    assert_eq!(r.totals.total.turns, 4 + 6 + 10 + 10 + 10);
    assert_eq!(r.totals.sides[0].passes, 3);
    assert_eq!(r.ideas, 8);
    assert_eq!(r.decisions, 3);
    // Students, student union, not said; consulted, student-initiated, not said.
    assert_eq!(r.decisions_by_source, [1, 0, 0, 1, 0, 1]);
    assert_eq!(r.decisions_by_level, [0, 1, 0, 0, 1, 1]);
    assert_eq!(r.actions_by_source, [1, 0, 0, 0, 0, 4]);
    assert_eq!(
        r.actions,
        ActionCounts {
            agreed: 5,
            done_on_time: 1,
            done_late: 1,
            dropped: 1,
            open_overdue: 1,
            open: 1,
        }
    );
    // The pulse: students shown (3 answers, mean 4), staff withheld (2), hands apart.
    assert_eq!(r.pulse_of(Side::Student), Some([0, 0, 1, 1, 1]));
    assert_eq!(r.pulse_of(Side::Staff), None);
    assert_eq!(r.pulse_all(), [0, 1, 2, 3, 1]);
    assert_eq!(
        parvi::model::report::pulse_mean(&[0, 0, 1, 1, 1]),
        Some(4.0)
    );
    assert_eq!(r.clock, None);
}

#[test]
fn the_year_clock_counts_its_items_of_the_year_by_status() {
    // The sample's clock, every item of the year set back to planned first.
    let mut clock = parvi::simulator::clock();
    let year = SchoolYear { start: 2026 };
    let ids: Vec<String> = clock.items.iter().map(|i| i.id.clone()).collect();
    for id in &ids {
        clock.set_status(id, year, ItemStatus::Planned).unwrap();
    }
    let of_year: Vec<String> = clock
        .items
        .iter()
        .filter(|i| i.occurs_in(year))
        .map(|i| i.id.clone())
        .collect();
    assert!(of_year.len() >= 3, "the template has items");
    clock
        .set_status(&of_year[0], year, ItemStatus::Done)
        .unwrap();
    clock
        .set_status(&of_year[1], year, ItemStatus::Skipped)
        .unwrap();
    clock
        .set_status(&of_year[2], year, ItemStatus::Underway)
        .unwrap();
    // Another year's status is not this year's.
    clock
        .set_status(&of_year[0], year.next(), ItemStatus::Skipped)
        .unwrap();
    let counts = report(Some(&clock)).clock.unwrap();
    assert_eq!(counts.items as usize, of_year.len());
    assert_eq!((counts.done, counts.skipped, counts.underway), (1, 1, 1));
    assert_eq!(counts.planned as usize, of_year.len() - 3);
    // On 1 February, every planned or underway item that ended before it is overdue.
    let overdue = clock
        .items
        .iter()
        .filter(|i| i.occurs_in(year) && !i.status_in(year).is_closed())
        .filter(|i| i.ends(year).is_some_and(|end| end < today()))
        .count();
    assert!(overdue > 0, "the fixture has some");
    assert_eq!(counts.overdue as usize, overdue);
}

fn options(format: ReportFormat, lang: Lang, public: bool) -> ReportOptions {
    ReportOptions {
        format,
        lang,
        public,
        today: today(),
    }
}

/// The sample group's report of 2026–2027 and a second site, for the comparison.
fn sample_reports() -> Vec<GroupReport> {
    let figures: Vec<MeetingFigures> = parvi::simulator::meetings()
        .iter()
        .map(MeetingFigures::of)
        .collect();
    let year = SchoolYear { start: 2026 };
    let zone = parvi::model::helsinki();
    let sample = GroupReport::of(
        &figures,
        Some(&parvi::simulator::clock()),
        year,
        today(),
        &zone,
    );
    vec![sample, report(None)]
}

fn check(path: &Path, bytes: &[u8]) {
    if updating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        return;
    }
    let expected = std::fs::read(path).unwrap_or_default();
    assert!(
        expected == bytes,
        "{} differs; run `PARVI_UPDATE_FILES=1 cargo test --test all report::` and review the diff",
        path.display()
    );
}

/// Golden files: one group's report in every format and language; the sites side by side
/// as Markdown (and as CSV in Finnish); the public versions as Markdown. The public HTML and
/// CSV are asserted against the others instead of stored again.
#[test]
fn the_report_matches_its_golden_files_in_every_language_public_and_not() {
    use ReportFormat::{Csv, Html, Markdown};
    let reports = sample_reports();
    let one = &reports[..1];
    for lang in [Lang::Fi, Lang::Sv, Lang::En] {
        let dir = golden_dir().join(lang.code());
        let mut cases = vec![
            ("one", one, Markdown, false),
            ("one", one, Html, false),
            ("one", one, Csv, false),
            ("one", one, Markdown, true),
            ("sites", &reports[..], Markdown, false),
        ];
        if lang == Lang::Fi {
            cases.push(("sites", &reports[..], Csv, false));
        }
        for (which, reports, format, public) in cases {
            let export = render(reports, &options(format, lang, public));
            for file in &export.files {
                check(&dir.join(which).join(&file.short_name), &file.contents);
            }
        }
        // The public page is the same page with its note; the public tables the same tables.
        let page = |public| {
            render(one, &options(Html, lang, public)).files[0]
                .contents
                .clone()
        };
        let note = format!("<p class=\"note\">{}</p>\n", lang.text().report.public_note);
        let private = String::from_utf8(page(false)).unwrap();
        let public = String::from_utf8(page(true)).unwrap();
        let at = private.find("<p class=\"note\">").unwrap();
        let at = at + private[at..].find('\n').unwrap() + 1;
        assert_eq!(
            public,
            format!("{}{note}{}", &private[..at], &private[at..])
        );
        let tables = |public| -> Vec<Vec<u8>> {
            render(one, &options(Csv, lang, public))
                .files
                .into_iter()
                .map(|f| f.contents)
                .collect()
        };
        assert_eq!(tables(true), tables(false));
    }
}

#[test]
fn the_csv_tables_read_back_with_a_csv_parser_one_tidy_table_per_figure() {
    let reports = sample_reports();
    let export = render(&reports, &options(ReportFormat::Csv, Lang::Fi, false));
    let names: Vec<&str> = export.files.iter().map(|f| f.short_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "sites.csv",
            "summary.csv",
            "meetings.csv",
            "equity.csv",
            "sides.csv",
            "origins.csv",
            "levels.csv",
            "actions.csv",
            "pulse.csv",
            "clock.csv"
        ]
    );
    for file in &export.files {
        let text = std::str::from_utf8(&file.contents).unwrap();
        let text = text.strip_prefix('\u{feff}').expect("a BOM for Excel");
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(text.as_bytes());
        let head = reader.headers().unwrap().clone();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert!(
            rows.iter().all(|r| r.len() == head.len()),
            "{}: every row as long as the head",
            file.short_name
        );
        if file.short_name != "sites.csv" {
            assert_eq!(&head[0], "Ryhmä", "{}: the group first", file.short_name);
        }
    }
    // The meetings table: a row per meeting of each group, shares as decimals.
    let meetings = &export.files[2];
    let text = std::str::from_utf8(&meetings.contents).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), reports[0].meetings.len() + 4);
    let second = rows
        .iter()
        .find(|r| &r[0] == "Hyvinvointiryhmä, Testikampus" && &r[1] == "15.10.2026")
        .expect("the fixture's second meeting");
    assert_eq!(&second[5], "0,500", "students' airtime share");
    assert_eq!(&second[7], "0,90", "equity");
}

#[test]
fn parvi_report_writes_html_and_csv_from_a_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = common::open_writable(parvi::store::Paths::at(&data, parvi::store::Origin::Flag));
    parvi::store::sample::install(&store).unwrap();
    drop(store);
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_parvi"))
            .arg("--data-dir")
            .arg(&data)
            .arg("--lang")
            .arg("fi")
            .args(args)
            .output()
            .unwrap()
    };
    let html = dir.path().join("r.html");
    let out = run(&[
        "report",
        "--group",
        "hyvinvointiryhma-kotkan-kampus-7c1e",
        "--year",
        "2026-2027",
        "-o",
        html.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<svg"), "charts inline");
    assert!(
        page.contains("Osallisuusraportti: Hyvinvointiryhmä, Kotkan kampus, lukuvuosi 2026–2027")
    );
    // Nothing from elsewhere: the only address is the SVG namespace.
    assert_eq!(
        page.matches("http://").count() + page.matches("https://").count(),
        page.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
    assert!(!page.contains("<script"), "nothing runs");
    assert!(!page.contains("Aino"), "no names of people");

    let csv_dir = dir.path().join("csv");
    let out = run(&[
        "report",
        "--all",
        "--format",
        "csv",
        "-o",
        csv_dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(csv_dir.join("meetings.csv").is_file());

    // Bad input: a year that is none, no group at all, a group that is not there.
    let out = run(&[
        "report",
        "--group",
        "hyvinvointiryhma-kotkan-kampus-7c1e",
        "--year",
        "ensi vuonna",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ei ole lukuvuosi"));
    let out = run(&["report"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--group"));
    let out = run(&["report", "--group", "ei-tällaista"]);
    assert!(!out.status.success());
}
