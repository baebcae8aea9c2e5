//! The command line end to end: the real binary, a temporary data directory, and the
//! Finnish a user in a `C.UTF-8` terminal gets.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{Sim, format, record_with};
use parvi::model::{Command as Cmd, Group, Role};
use parvi::store::{Origin, Paths};

fn parvi_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parvi"));
    cmd.arg("--data-dir").arg(dir).args(args);
    for var in ["LC_ALL", "LC_MESSAGES", "LANGUAGE", "PARVI_DATA_DIR"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "C.UTF-8").env("TZ", "Europe/Helsinki");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run parvi")
}

fn parvi(dir: &Path, args: &[&str]) -> Output {
    parvi_env(dir, args, &[])
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[track_caller]
fn expect(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "exit code\n--- stdout\n{}\n--- stderr\n{}",
        stdout(o),
        stderr(o)
    );
}

fn data_dir() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    (tmp, dir)
}

fn group_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("groups"))
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn read_group(path: &Path) -> Group {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Adds the Kotka group with three members and returns its id.
fn add_kotka(dir: &Path) -> String {
    let o = parvi(
        dir,
        &[
            "groups",
            "add",
            "Hyvinvointiryhmä Kotka",
            "--kind",
            "site_wellbeing",
            "--site",
            "Kotka",
            "--member",
            "Aino Virtanen:student",
            "--member",
            "Mikko Korhonen:teacher",
            "--member",
            "Leena Mäkinen:guidance_counsellor",
        ],
    );
    expect(&o, 0);
    let files = group_files(dir);
    assert_eq!(files.len(), 1);
    let group = read_group(&files[0]);
    assert!(
        stdout(&o).contains(&format!(
            "Ryhmä Hyvinvointiryhmä Kotka luotu, tunnus {}.",
            group.id
        )),
        "{}",
        stdout(&o)
    );
    group.id
}

/// The words of the line of `text` that starts with `first`.
fn row(text: &str, first: &str) -> Vec<String> {
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with(first))
        .unwrap_or_else(|| panic!("no line starting with {first:?} in\n{text}"));
    line.split_whitespace().map(str::to_string).collect()
}

#[test]
fn a_group_is_added_edited_and_shown_again_by_a_new_process() {
    let (_tmp, dir) = data_dir();
    let id = add_kotka(&dir);
    assert!(id.starts_with("hyvinvointiryhma-kotka-"), "{id}");
    let suffix = id.rsplit('-').next().unwrap();
    assert!(
        suffix.len() == 4 && suffix.chars().all(|c| c.is_ascii_hexdigit()),
        "{id}"
    );

    let o = parvi(
        &dir,
        &[
            "groups",
            "edit",
            "hyvinvointiryhmä kotka",
            "--rename",
            "Mikko=Mikael Korhonen",
            "--role",
            "Mikko Korhonen=nurse",
            "--add",
            "Eetu Nieminen:student_union_rep",
            "--remove",
            "m1",
            "--move",
            "Eetu Nieminen=-1",
            "--site",
            "Kotkan toimipaikka",
        ],
    );
    expect(&o, 0);
    let out = stdout(&o);
    assert!(out.contains("Aino Virtanen poistettu ryhmästä."), "{out}");
    assert!(
        out.contains("Mikko Korhonen on nyt Mikael Korhonen."),
        "{out}"
    );
    assert!(
        out.contains("Mikael Korhonen: rooli on nyt terveydenhoitaja."),
        "{out}"
    );
    assert!(
        out.contains("Eetu Nieminen (opiskelijakunnan edustaja) lisätty."),
        "{out}"
    );
    assert!(out.contains("Eetu Nieminen on nyt paikalla 2."), "{out}");

    // What is on disk.
    let group = read_group(&dir.join("groups").join(format!("{id}.json")));
    let members: Vec<(&str, &str, Role)> = group
        .members
        .iter()
        .map(|m| (m.id.as_str(), m.name.as_str(), m.role))
        .collect();
    assert_eq!(
        members,
        [
            ("m2", "Mikael Korhonen", Role::Nurse),
            ("m4", "Eetu Nieminen", Role::StudentUnionRep),
            ("m3", "Leena Mäkinen", Role::GuidanceCounsellor),
        ]
    );
    assert_eq!(group.site, "Kotkan toimipaikka");

    // And what a new process shows.
    let o = parvi(&dir, &["groups", "show", &id.to_uppercase()]);
    expect(&o, 0);
    let out = stdout(&o);
    assert_eq!(out.lines().next(), Some("Hyvinvointiryhmä Kotka"));
    assert_eq!(
        row(&out, "Tyyppi")[1..],
        ["toimipaikan", "hyvinvointiryhmä"]
    );
    assert_eq!(row(&out, "Toimipaikka")[1..], ["Kotkan", "toimipaikka"]);
    assert_eq!(
        row(&out, "Kokoonpano")[1..].join(" "),
        "opiskelijat 1 · henkilöstö 2 · ulkopuoliset 0"
    );
    assert!(out.contains("Jäsenet (3)"), "{out}");
    assert_eq!(
        row(&out, "1.")[1..],
        ["m2", "Mikael", "Korhonen", "terveydenhoitaja"]
    );
    assert_eq!(
        row(&out, "2.")[1..],
        ["m4", "Eetu", "Nieminen", "opiskelijakunnan", "edustaja"]
    );
    assert_eq!(
        row(&out, "3.")[1..],
        ["m3", "Leena", "Mäkinen", "opinto-ohjaaja"]
    );

    let o = parvi(&dir, &["groups", "list"]);
    expect(&o, 0);
    assert_eq!(
        row(&stdout(&o), &id),
        [
            id.as_str(),
            "Hyvinvointiryhmä",
            "Kotka",
            "toimipaikan",
            "hyvinvointiryhmä",
            "3"
        ]
    );
}

#[cfg(unix)]
#[test]
fn the_data_directory_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, dir) = data_dir();
    let id = add_kotka(&dir);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("groups")), 0o700);
    let file = dir.join("groups").join(format!("{id}.json"));
    assert_eq!(mode(&file), 0o600);
    expect(
        &parvi(
            &dir,
            &["groups", "edit", &id, "--name", "Hyvinvointiryhmä Kotka 2"],
        ),
        0,
    );
    assert_eq!(mode(&file), 0o600);
}

#[test]
fn a_bad_role_or_kind_lists_the_valid_ones_and_writes_nothing() {
    let (_tmp, dir) = data_dir();
    let o = parvi(&dir, &["groups", "add", "Ryhmä", "--kind", "wizards"]);
    expect(&o, 2);
    let err = stderr(&o);
    assert!(
        err.starts_with("virhe: Tuntematon ryhmätyyppi wizards."),
        "{err}"
    );
    assert_eq!(
        row(&err, "site_wellbeing")[1..],
        ["toimipaikan", "hyvinvointiryhmä"]
    );
    assert!(
        err.contains("\nvinkki: Esimerkiksi --kind site_wellbeing."),
        "{err}"
    );

    let o = parvi(
        &dir,
        &[
            "groups",
            "add",
            "Ryhmä",
            "--kind",
            "steering",
            "--member",
            "Aino:velho",
        ],
    );
    expect(&o, 2);
    let err = stderr(&o);
    assert!(err.starts_with("virhe: Tuntematon rooli velho."), "{err}");
    assert_eq!(row(&err, "guidance_counsellor")[1..], ["opinto-ohjaaja"]);
    assert_eq!(
        row(&err, "student_union_rep")[1..],
        ["opiskelijakunnan", "edustaja"]
    );
    assert!(err.contains("vinkki: "), "{err}");

    let o = parvi(
        &dir,
        &[
            "groups", "add", "Ryhmä", "--kind", "steering", "--member", "Aino",
        ],
    );
    expect(&o, 2);
    assert!(stderr(&o).contains("\"Nimi:rooli\""), "{}", stderr(&o));
    assert!(group_files(&dir).is_empty());

    // Roles by their name work too, in any language.
    let o = parvi(
        &dir,
        &[
            "groups",
            "add",
            "Ryhmä",
            "--kind",
            "steering",
            "--member",
            "Aino:kuraattori",
        ],
    );
    expect(&o, 0);
    assert_eq!(
        read_group(&group_files(&dir)[0]).members[0].role,
        Role::SchoolSocialWorker
    );

    // In English, the prefixes are English.
    let o = parvi(
        &dir,
        &[
            "--lang",
            "en",
            "groups",
            "edit",
            "Ryhmä",
            "--role",
            "Aino=wizard",
        ],
    );
    expect(&o, 2);
    let err = stderr(&o);
    assert!(err.starts_with("error: Unknown role wizard."), "{err}");
    assert!(err.contains("\nhint: "), "{err}");
}

#[test]
fn groups_are_found_by_id_or_name_and_an_ambiguous_name_is_refused() {
    let (_tmp, dir) = data_dir();
    let id = add_kotka(&dir);
    // Another laptop synced in a group of the same name.
    let mut twin = read_group(&group_files(&dir)[0]);
    twin.id = "hyvinvointiryhma-kotka-0000".into();
    std::fs::write(
        dir.join("groups/hyvinvointiryhma-kotka-0000.json"),
        serde_json::to_vec_pretty(&twin).unwrap(),
    )
    .unwrap();

    let o = parvi(&dir, &["groups", "show", "Hyvinvointiryhmä Kotka"]);
    expect(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("sopii usealle ryhmälle"), "{err}");
    assert!(
        err.contains(&id) && err.contains("hyvinvointiryhma-kotka-0000"),
        "{err}"
    );
    expect(&parvi(&dir, &["groups", "show", &id]), 0);

    let o = parvi(&dir, &["groups", "show", "Oulu"]);
    expect(&o, 1);
    assert!(
        stderr(&o).starts_with("virhe: Ryhmää Oulu ei löydy."),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("vinkki: Ryhmät tunnuksineen näet komennolla: parvi groups list"));

    // Part of a name is suggested, never guessed.
    let o = parvi(&dir, &["groups", "edit", "kotka", "--site", "X"]);
    expect(&o, 1);
    assert!(
        stderr(&o).contains("vinkki: Tarkoititko: "),
        "{}",
        stderr(&o)
    );

    // A second group of the same name is refused here.
    let o = parvi(
        &dir,
        &["groups", "add", "hyvinvointiryhmä kotka", "--kind", "other"],
    );
    expect(&o, 1);
    assert!(stderr(&o).contains("on jo olemassa"), "{}", stderr(&o));

    // A member that is not there.
    let o = parvi(&dir, &["groups", "edit", &id, "--remove", "Matti"]);
    expect(&o, 1);
    assert!(
        stderr(&o).contains("Ryhmässä ei ole jäsentä Matti."),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_broken_group_file_is_listed_after_the_groups_and_left_alone() {
    let (_tmp, dir) = data_dir();
    let id = add_kotka(&dir);
    let broken = dir.join("groups").join("rikki-0000.json");
    std::fs::write(&broken, "").unwrap();
    let o = parvi(&dir, &["groups", "list"]);
    expect(&o, 0);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[1].starts_with(&id), "{out}");
    assert!(
        out.contains("Näitä tiedostoja ei voitu lukea (1):"),
        "{out}"
    );
    assert!(
        out.contains(&format!("  {}: tiedosto on tyhjä", broken.display())),
        "{out}"
    );
    assert!(broken.exists());
}

#[test]
fn removing_a_group_needs_yes_and_its_meetings_stay() {
    let (_tmp, dir) = data_dir();
    let id = add_kotka(&dir);
    let file = dir.join("groups").join(format!("{id}.json"));
    save_meeting(&dir, &id);

    let o = parvi(&dir, &["groups", "remove", &id]);
    expect(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("Vahvista lisäämällä --yes"), "{err}");
    assert!(err.contains("tallennetut kokoukset (1) säilyvät"), "{err}");
    assert!(
        err.contains(&format!("parvi groups remove {id} --yes")),
        "{err}"
    );
    assert!(file.exists());

    let o = parvi(&dir, &["groups", "remove", &id, "--yes"]);
    expect(&o, 0);
    assert!(
        stdout(&o).contains("Ryhmä Hyvinvointiryhmä Kotka poistettu."),
        "{}",
        stdout(&o)
    );
    assert!(!file.exists());
    // The meeting is still listed, and can be found by the group's old id.
    let o = parvi(&dir, &["sessions", "list", "--group", &id]);
    expect(&o, 0);
    assert!(
        stdout(&o).contains("Opiskelijoiden osallisuus"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn writing_while_another_parvi_holds_the_directory_exits_4() {
    let (_tmp, dir) = data_dir();
    add_kotka(&dir);
    let held = common::open_writable(Paths::at(&dir, Origin::Flag));
    assert!(held.writable());
    let o = parvi(&dir, &["groups", "add", "Toinen", "--kind", "other"]);
    expect(&o, 4);
    let err = stderr(&o);
    let pid = std::process::id().to_string();
    assert!(
        err.contains(&format!("Toinen parvi (prosessi {pid})")),
        "{err}"
    );
    assert!(err.contains("vinkki: Muutoksia voi tehdä"), "{err}");
    // Reading still works.
    expect(&parvi(&dir, &["groups", "list"]), 0);
    drop(held);
    // The lock is free once no starting child still holds a copy of it.
    drop(common::open_writable(Paths::at(&dir, Origin::Flag)));
    expect(
        &parvi(&dir, &["groups", "add", "Toinen", "--kind", "other"]),
        0,
    );
}

#[test]
fn formats_list_shows_the_built_in_formats() {
    let (_tmp, dir) = data_dir();
    let o = parvi(&dir, &["formats", "list"]);
    expect(&o, 0);
    let out = stdout(&o);
    for name in [
        "hyvinvointiryhma",
        "kierros",
        "eratauko",
        "tulevaisuuden-muistelu",
    ] {
        assert_eq!(
            row(&out, name).last().map(String::as_str),
            Some("sisäänrakennettu"),
            "{out}"
        );
    }
    assert_eq!(
        row(&out, "kierros"),
        ["kierros", "Kierros", "2", "11", "min", "sisäänrakennettu"]
    );

    let o = parvi(&dir, &["formats", "show", "kierros"]);
    expect(&o, 0);
    let out = stdout(&o);
    assert!(out.contains("Mitä kuuluu juuri nyt"), "{out}");
    assert!(out.contains("60 s/puheenvuoro, istumajärjestys"), "{out}");
    assert!(out.contains("CC BY-SA 4.0"), "{out}");

    let o = parvi(&dir, &["formats", "show", "nope"]);
    expect(&o, 1);
    assert!(stderr(&o).contains("parvi formats list"));
}

const GOOD_FORMAT: &str = r#"{
  "schema": 1,
  "name": "oma",
  "title": { "fi": "Oma kierros" },
  "phases": [
    { "id": "r", "kind": "round", "title": { "fi": "Kierros" }, "minutes": 5, "turn_seconds": 60 }
  ]
}
"#;

const BAD_FORMAT: &str = r#"{
  "schema": 1,
  "name": "Oma Pohja",
  "title": { "fi": "Oma" },
  "phases": [
    {
      "id": "a",
      "kind": "round",
      "title": { "fi": "Kierros" },
      "minutes": 5
    },
    {
      "id": "b",
      "kind": "break",
      "title": { "fi": "Tauko" },
      "minutes": 5,
      "turn_seconds": 30
    }
  ]
}
"#;

#[test]
fn formats_check_points_at_each_mistake_by_line() {
    let (tmp, dir) = data_dir();
    let good = tmp.path().join("good.json");
    let bad = tmp.path().join("bad.json");
    let broken = tmp.path().join("broken.json");
    std::fs::write(&good, GOOD_FORMAT).unwrap();
    std::fs::write(&bad, BAD_FORMAT).unwrap();
    std::fs::write(
        &broken,
        "{\n  \"schema\": 1,\n  \"name\": \"x\",\n  oops\n}\n",
    )
    .unwrap();

    let o = parvi(&dir, &["formats", "check", good.to_str().unwrap()]);
    expect(&o, 0);
    assert_eq!(
        stdout(&o).trim(),
        format!(
            "{}: kunnossa. oma: vaiheita 1, kesto 5 min.",
            good.display()
        )
    );

    let o = parvi(
        &dir,
        &[
            "formats",
            "check",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
        ],
    );
    expect(&o, 3);
    let out = stdout(&o);
    let b = bad.display();
    assert!(out.contains(&format!("{b}:3: name: name must be")), "{out}");
    assert!(
        out.contains(&format!("{b}:17: phases[1].turn_seconds: ")),
        "{out}"
    );
    assert!(
        out.contains(&format!("{b}: korjattavaa 2 kohdassa.")),
        "{out}"
    );
    assert!(
        out.contains(&format!("{}: kunnossa.", good.display())),
        "{out}"
    );

    let o = parvi(&dir, &["formats", "check", broken.to_str().unwrap()]);
    expect(&o, 3);
    assert!(
        stdout(&o).starts_with(&format!("{}:4: ", broken.display())),
        "{}",
        stdout(&o)
    );

    let missing = tmp.path().join("missing.json");
    let o = parvi(&dir, &["formats", "check", missing.to_str().unwrap()]);
    expect(&o, 3);
    assert!(stdout(&o).starts_with(&format!("{}: ", missing.display())));
}

#[test]
fn formats_check_asks_did_you_mean_for_a_typo_of_a_format_name() {
    let (_tmp, dir) = data_dir();
    let o = parvi(&dir, &["formats", "check", "hyvinvontiryhma"]);
    expect(&o, 3);
    let out = stdout(&o);
    assert!(
        out.contains("vinkki: Tarkoititko: hyvinvointiryhma?"),
        "{out}"
    );

    let o = parvi(&dir, &["--lang", "sv", "formats", "check", "kieros.json"]);
    expect(&o, 3);
    assert!(
        stdout(&o).contains("tips: Menade du: kierros?"),
        "{}",
        stdout(&o)
    );

    // The name the hint offers is accepted: a built-in format is checked like a file.
    let o = parvi(&dir, &["formats", "check", "hyvinvointiryhma"]);
    expect(&o, 0);
    assert!(
        stdout(&o).starts_with("hyvinvointiryhma (sisäänrakennettu): kunnossa."),
        "{}",
        stdout(&o)
    );

    // Nothing near: no guess.
    let o = parvi(&dir, &["formats", "check", "zzzqqq"]);
    expect(&o, 3);
    assert!(!stdout(&o).contains("Tarkoititko"), "{}", stdout(&o));
}

#[test]
fn formats_show_credits_its_sources_in_the_users_language() {
    let (_tmp, dir) = data_dir();
    for (lang, own, english) in [
        (
            "fi",
            "Parvessa parempi 2 (Sataedu, Opetushallituksen rahoittama)",
            "funded by",
        ),
        (
            "sv",
            "Parvessa parempi 2 (Sataedu, finansierat av Utbildningsstyrelsen)",
            "funded by",
        ),
    ] {
        let o = parvi(
            &dir,
            &["--lang", lang, "formats", "show", "hyvinvointiryhma"],
        );
        expect(&o, 0);
        let out = stdout(&o);
        assert!(out.contains(own), "{out}");
        assert!(!out.contains(english), "{out}");
        for (name, _) in parvi::store::formats::BUILTIN {
            let out = stdout(&parvi(&dir, &["--lang", lang, "formats", "show", name]));
            for phrase in ["parvi's", "paraphrased", "translated by", " the "] {
                assert!(!out.contains(phrase), "{lang} {name}: {phrase:?} in\n{out}");
            }
        }
    }
}

/// Saves a meeting of the Kotka group (with the given group id) and returns its id.
///
/// Timeline: the rules for 10 s, then a seating round: Aino (student) 60 s, Mikko 20 s,
/// Eetu (student union) 30 s, Leena passes after 10 s, Sari 10 s, Päivi 10 s, Jukka 20 s.
/// Students 90 s, staff 70 s of 160 s.
fn save_meeting(dir: &Path, group_id: &str) -> uuid::Uuid {
    let mut record = record_with(format());
    record.group.id = group_id.to_string();
    let mut sim = Sim::new(record);
    sim.ok(Cmd::Start);
    sim.at(10).ok(Cmd::GoToPhase(1));
    sim.at(10).ok(Cmd::Next);
    sim.at(70).ok(Cmd::Next);
    sim.at(90).ok(Cmd::Next);
    sim.at(120).ok(Cmd::Next);
    sim.at(130).ok(Cmd::Pass);
    sim.at(140).ok(Cmd::Next);
    sim.at(150).ok(Cmd::Next);
    sim.at(170).ok(Cmd::End);
    let record = sim.meeting.into_record();
    let store = common::open_writable(Paths::at(dir, Origin::Flag));
    let path = store.new_session_path(&record);
    store.save_session(&path, &record).unwrap();
    record.id
}

#[test]
fn sessions_list_and_show_a_saved_meeting_with_the_airtime_split() {
    let (_tmp, dir) = data_dir();
    let id = save_meeting(&dir, "hyvinvointiryhma-kotka-3f9a");
    let short = &id.to_string()[..8];

    let o = parvi(&dir, &["sessions", "list"]);
    expect(&o, 0);
    let out = stdout(&o);
    assert_eq!(
        row(&out, short).join(" "),
        format!(
            "{short} 12.3.2026 klo 14.00 Hyvinvointiryhmä Kotka Test Opiskelijoiden osallisuus päättynyt"
        ),
        "{out}"
    );
    // Filtered by a group that has no meetings, or does not exist.
    let o = parvi(
        &dir,
        &["sessions", "list", "--group", "Hyvinvointiryhmä Kotka"],
    );
    expect(&o, 0);
    assert!(stdout(&o).contains(short));
    expect(&parvi(&dir, &["sessions", "list", "--group", "Oulu"]), 1);

    let o = parvi(&dir, &["sessions", "show", short]);
    expect(&o, 0);
    let out = stdout(&o);
    assert!(
        out.starts_with("Hyvinvointiryhmä Kotka – 12.3.2026 klo 14.00\n"),
        "{out}"
    );
    assert_eq!(row(&out, "Päättyi")[1..], ["12.3.2026", "klo", "14.02"]);
    assert!(out.contains("Läsnäolo (7/7)"), "{out}");
    assert_eq!(row(&out, "Leena Mäkinen")[2..], ["opinto-ohjaaja", "läsnä"]);
    assert_eq!(
        row(&out, "1.")[1..],
        ["rules", "tietoa", "2", "min", "0:10"]
    );
    assert_eq!(
        row(&out, "2.")[1..],
        ["check_in", "kierros", "10", "min", "2:40"]
    );
    assert_eq!(
        row(&out, "3.")[1..],
        ["talk", "vapaa", "keskustelu", "15", "min", "–"]
    );
    assert!(
        out.contains("Puheenvuoroja: 7, joista ohituksia 1."),
        "{out}"
    );
    assert_eq!(
        row(&out, "opiskelijat"),
        ["opiskelijat", "2", "2", "1:30", "56", "%"]
    );
    assert_eq!(
        row(&out, "henkilöstö"),
        ["henkilöstö", "5", "5", "1:10", "44", "%"]
    );
    assert_eq!(
        row(&out, "ulkopuoliset"),
        ["ulkopuoliset", "0", "0", "0:00", "0", "%"]
    );

    let o = parvi(&dir, &["sessions", "show", "ffffffff"]);
    expect(&o, 1);
    assert!(
        stderr(&o).contains("Kokousta ffffffff ei löydy."),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_broken_session_file_is_listed_after_the_others_and_showing_it_exits_3() {
    let (_tmp, dir) = data_dir();
    save_meeting(&dir, "hyvinvointiryhma-kotka-3f9a");
    let broken = dir
        .join("sessions")
        .join("2026-03-13_00000000-0000-0000-0000-0000000000aa.json");
    std::fs::write(&broken, b"{\"schema\": 1, \"id\": ").unwrap();

    let o = parvi(&dir, &["sessions", "list"]);
    expect(&o, 0);
    let out = stdout(&o);
    assert!(out.contains("Opiskelijoiden osallisuus"), "{out}");
    assert!(
        out.contains("Näitä tiedostoja ei voitu lukea (1):"),
        "{out}"
    );
    assert!(
        out.contains(&format!("  {}: rivi 1", broken.display())),
        "{out}"
    );
    assert!(std::fs::read(&broken).unwrap().starts_with(b"{\"schema\""));

    let o = parvi(&dir, &["sessions", "show", "00000000"]);
    expect(&o, 3);
    assert!(
        stderr(&o).contains(&broken.display().to_string()),
        "{}",
        stderr(&o)
    );
}

#[test]
fn paths_shows_the_directory_and_where_it_came_from() {
    let (tmp, dir) = data_dir();
    let o = parvi(&dir, &["paths"]);
    expect(&o, 0);
    let out = stdout(&o);
    assert_eq!(
        row(&out, "Datahakemisto")[1],
        dir.display().to_string(),
        "{out}"
    );
    assert_eq!(
        row(&out, "Ryhmät")[1],
        dir.join("groups").display().to_string()
    );
    assert!(
        out.contains("Datahakemisto tulee valitsimesta --data-dir."),
        "{out}"
    );

    let env_dir = tmp.path().join("env");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parvi"));
    let o = cmd
        .args(["paths", "--lang", "en"])
        .env("PARVI_DATA_DIR", &env_dir)
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    expect(&o, 0);
    let out = stdout(&o);
    assert_eq!(
        row(&out, "Data directory")[2],
        env_dir.display().to_string(),
        "{out}"
    );
    assert!(
        out.contains("from the PARVI_DATA_DIR environment variable"),
        "{out}"
    );
}

#[test]
fn help_speaks_finnish_in_a_neutral_locale_and_swedish_when_asked() {
    let (_tmp, dir) = data_dir();
    let o = parvi(&dir, &["--help"]);
    expect(&o, 0);
    let out = stdout(&o);
    for text in [
        "Käyttö: parvi",
        "Komennot:",
        "Ryhmät ja niiden jäsenet.",
        "Valitsimet:",
        "Näytä ohje",
        "Paluuarvot:",
        "4  toinen parvi käyttää datahakemistoa",
    ] {
        assert!(out.contains(text), "{text:?} missing from\n{out}");
    }
    let o = parvi(&dir, &["groups", "add", "--help"]);
    expect(&o, 0);
    let out = stdout(&o);
    assert!(out.contains("Jäsen muodossa \"Nimi:rooli\""), "{out}");
    assert_eq!(row(&out, "guidance_counsellor")[1..], ["opinto-ohjaaja"]);

    let o = parvi(&dir, &["--lang", "sv", "sessions", "--help"]);
    expect(&o, 0);
    assert!(
        stdout(&o).contains("Användning: parvi sessions"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("Sparade möten."), "{}", stdout(&o));

    // Placeholders and defaults in the user's language too.
    let o = parvi(&dir, &["export", "--help"]);
    expect(&o, 0);
    let out = stdout(&o);
    assert!(
        out.contains("--format <TIEDOSTOMUOTO>") && out.contains("(oletus: md)"),
        "{out}"
    );
    assert!(
        !out.contains("[default") && !out.contains("<SESSION>"),
        "{out}"
    );

    // Usage errors are exit code 2.
    expect(&parvi(&dir, &["groups", "add", "X"]), 2);
    expect(&parvi(&dir, &["groups", "edit", "X"]), 2);
}

#[test]
fn usage_errors_speak_the_users_language_and_exit_2() {
    let (_tmp, dir) = data_dir();
    let cases: [(&[&str], &[&str]); 6] = [
        (
            &["--bogus"],
            &[
                "virhe: tuntematon valitsin tai argumentti ”--bogus”",
                "Käyttö: parvi ",
                "Lisätietoja: --help",
            ],
        ),
        (
            &["grups"],
            &[
                "virhe: tuntematon komento ”grups”",
                "vinkki: tarkoititko ”groups”?",
            ],
        ),
        (
            &["groups", "show"],
            &[
                "virhe: pakollinen argumentti puuttuu: <RYHMÄ>",
                "Käyttö: parvi groups show <RYHMÄ>",
            ],
        ),
        (
            &["export", "x", "--format", "pdf"],
            &[
                "virhe: --format <TIEDOSTOMUOTO> ei voi olla ”pdf”. Sallitut arvot: md, html, csv, json",
            ],
        ),
        (
            &["--lang", "sv", "stats", "--group"],
            &[
                "fel: --group <GRUPP> behöver ett värde",
                "Mer information: --help",
            ],
        ),
        (
            &["--lang", "en", "groups", "shw"],
            &[
                "error: unknown command “shw”",
                "hint: did you mean “show”?",
                "Usage: parvi groups [OPTIONS] <COMMAND>",
            ],
        ),
    ];
    for (args, expected) in cases {
        let o = parvi(&dir, args);
        expect(&o, 2);
        let err = stderr(&o);
        for text in expected {
            assert!(err.contains(text), "{args:?}: {text:?} missing from\n{err}");
        }
        assert!(!err.contains("Usage: Usage"), "{err}");
        assert!(stdout(&o).is_empty(), "errors go to stderr: {}", stdout(&o));
    }
}

#[test]
fn parvi_alone_gives_an_overview() {
    let (_tmp, dir) = data_dir();
    let o = parvi(&dir, &[]);
    expect(&o, 0);
    assert!(
        stdout(&o).contains("Ryhmiä ei ole vielä."),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("Näin pääset alkuun:"));

    let id = add_kotka(&dir);
    save_meeting(&dir, &id);
    let o = parvi(&dir, &[]);
    expect(&o, 0);
    let out = stdout(&o);
    assert!(out.contains("Uusimmat kokoukset"), "{out}");
    assert!(row(&out, &id).contains(&"3".to_string()), "{out}");
    assert!(out.contains("Opiskelijoiden osallisuus"), "{out}");
}

#[test]
fn a_reader_that_goes_away_ends_parvi_quietly() {
    // `parvi formats list | head -0`: the reading end is closed before parvi writes a line.
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_parvi"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["formats", "list"])
        .env("LANG", "C.UTF-8")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run parvi");
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}
