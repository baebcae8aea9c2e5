//! Unit tests of the year clock: school years, recurrence, the months an item covers, what
//! is overdue, copying and comparing clocks, and the built-in template.

use jiff::civil::date;

use super::compare::{Difference, Part, copy_for, diff};
use super::template::Template;
use super::*;
use crate::model::group::GroupKind;

fn group(name: &str) -> Group {
    let mut g = Group::new(name, GroupKind::SiteWellbeing, "Kotka", "3f9a").unwrap();
    g.add_member("Hanna Nurmi", Role::Nurse).unwrap();
    g
}

fn draft(title: &str, when: When, recurrence: Recurrence) -> ItemDraft {
    ItemDraft {
        when,
        recurrence,
        title: title.into(),
        description: String::new(),
        responsible: vec![Actor::Role {
            role: Role::Management,
        }],
        co_actors: Vec::new(),
        students_part: String::new(),
    }
}

fn months(from: u8, to: u8) -> When {
    When::Months { from, to }
}

fn year(start: i16) -> SchoolYear {
    SchoolYear { start }
}

fn template() -> Template {
    serde_json::from_str(include_str!("../../../clocks/template.json")).expect("the template")
}

#[test]
fn a_school_year_runs_from_august_to_july_and_reads_back_as_written() {
    assert_eq!(SchoolYear::of(date(2026, 8, 1)), year(2026));
    assert_eq!(SchoolYear::of(date(2026, 7, 31)), year(2025));
    assert_eq!(SchoolYear::of(date(2027, 3, 15)), year(2026));
    assert_eq!(year(2026).to_string(), "2026-2027");
    assert_eq!(SchoolYear::parse("2026–2027"), Some(year(2026)));
    assert_eq!(SchoolYear::parse("2026"), Some(year(2026)));
    assert_eq!(SchoolYear::parse("2026-2028"), None, "not one year apart");
    assert_eq!(SchoolYear::parse("syksy"), None);
    let json = serde_json::to_string(&year(2026)).unwrap();
    assert_eq!(json, "\"2026-2027\"");
    assert!(serde_json::from_str::<SchoolYear>("\"26-27\"").is_err());
}

#[test]
fn an_odd_year_item_comes_round_by_the_calendar_year_of_its_months() {
    let mut clock = YearClock::new(&group("Testi"), Lang::Fi);
    // March–April of odd years: school year 2026–2027 holds March 2027.
    let survey = clock
        .add(draft("Kysely", months(3, 4), Recurrence::OddYears))
        .unwrap();
    // October of odd years: school year 2027–2028 holds October 2027.
    let results = clock
        .add(draft("Tulokset", months(10, 11), Recurrence::OddYears))
        .unwrap();
    let item = |id: &str| clock.item(id).unwrap().clone();
    let occurs = |id: &str, start| item(id).occurs_in(year(start));
    assert!(occurs(&survey, 2026) && !occurs(&survey, 2027) && occurs(&survey, 2028));
    assert!(!occurs(&results, 2026) && occurs(&results, 2027) && !occurs(&results, 2028));
    assert!(clock.in_month(year(2026), 3).iter().any(|i| i.id == survey));
    assert!(clock.in_month(year(2026), 10).is_empty());
    assert_eq!(clock.in_month(year(2027), 11)[0].id, results);
}

#[test]
fn every_n_years_once_and_even_years_count_from_their_year() {
    let mut clock = YearClock::new(&group("Testi"), Lang::Fi);
    let every3 = clock
        .add(draft(
            "Tarkastus",
            months(2, 2),
            Recurrence::NYears { n: 3, from: 2026 },
        ))
        .unwrap();
    let once = clock
        .add(draft(
            "Juhla",
            months(12, 12),
            Recurrence::Once { year: 2026 },
        ))
        .unwrap();
    let even = clock
        .add(draft("Joka toinen", months(9, 9), Recurrence::EvenYears))
        .unwrap();
    let on = |id: &str| -> Vec<i16> {
        (2024..2032)
            .filter(|s| clock.item(id).unwrap().occurs_in(year(*s)))
            .collect()
    };
    // February 2026 is in 2025–2026; then 2029 (2028–2029).
    assert_eq!(on(&every3), [2025, 2028, 2031]);
    assert_eq!(on(&once), [2026]);
    assert_eq!(on(&even), [2024, 2026, 2028, 2030]);
    assert_eq!(
        clock.add(draft(
            "x",
            months(1, 1),
            Recurrence::NYears { n: 1, from: 2026 }
        )),
        Err(ClockError::BadPeriod(1))
    );
}

#[test]
fn ranges_run_over_the_new_year_and_weeks_fall_in_their_months() {
    let mut clock = YearClock::new(&group("Testi"), Lang::Fi);
    let winter = clock
        .add(draft("Talvi", months(11, 1), Recurrence::Year))
        .unwrap();
    let weeks = clock
        .add(draft(
            "Kysely",
            When::Weeks { from: 10, to: 17 },
            Recurrence::Year,
        ))
        .unwrap();
    let item = |id: &str| clock.item(id).unwrap().clone();
    assert_eq!(item(&winter).months(year(2026)), [11, 12, 1]);
    assert_eq!(item(&winter).ends(year(2026)), Some(date(2027, 1, 31)));
    // Weeks 10–17 of 2027: Monday 8 March to Sunday 2 May.
    assert_eq!(item(&weeks).months(year(2026)), [3, 4]);
    assert_eq!(item(&weeks).starts(year(2026)), Some(date(2027, 3, 8)));
    assert_eq!(item(&weeks).ends(year(2026)), Some(date(2027, 5, 2)));
    // In the order of the school year: November before March.
    let order: Vec<&str> = clock.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(order, ["Talvi", "Kysely"]);
    assert_eq!(
        clock.add(draft("x", months(0, 2), Recurrence::Year)),
        Err(ClockError::BadMonth(0))
    );
    assert_eq!(
        clock.add(draft(
            "x",
            When::Weeks { from: 1, to: 54 },
            Recurrence::Year
        )),
        Err(ClockError::BadWeek(54))
    );
}

#[test]
fn an_item_is_overdue_once_over_until_done_or_skipped_that_year() {
    let mut clock = YearClock::new(&group("Testi"), Lang::Fi);
    let october = clock
        .add(draft("Teemaviikko", months(10, 10), Recurrence::Year))
        .unwrap();
    let december = clock
        .add(draft("Palaute", months(12, 12), Recurrence::Year))
        .unwrap();
    let ids = |items: Vec<&ClockItem>| items.iter().map(|i| i.id.clone()).collect::<Vec<String>>();
    let today = date(2026, 12, 3);
    assert_eq!(ids(clock.overdue(today)), [october.as_str()]);
    assert_eq!(ids(clock.this_month(today)), [december.as_str()]);
    // The last day of October is not yet overdue.
    assert!(clock.overdue(date(2026, 10, 31)).is_empty());
    clock
        .set_status(&october, year(2026), ItemStatus::Done)
        .unwrap();
    assert!(clock.overdue(today).is_empty());
    // Next school year starts it again.
    assert_eq!(ids(clock.overdue(date(2027, 11, 1))), [october.as_str()]);
    // Planned is the default: setting it stores nothing.
    clock
        .set_status(&october, year(2026), ItemStatus::Planned)
        .unwrap();
    assert!(clock.item(&october).unwrap().status.is_empty());
    assert_eq!(
        clock.set_status("k99", year(2026), ItemStatus::Done),
        Err(ClockError::NoSuchItem("k99".into()))
    );
}

#[test]
fn editing_keeps_the_status_and_an_empty_title_is_refused() {
    let mut clock = YearClock::new(&group("Testi"), Lang::Fi);
    let id = clock
        .add(draft("Vanha", months(9, 9), Recurrence::Year))
        .unwrap();
    clock
        .set_status(&id, year(2026), ItemStatus::Underway)
        .unwrap();
    clock
        .edit(&id, draft("  Uusi  ", months(10, 10), Recurrence::Year))
        .unwrap();
    let item = clock.item(&id).unwrap();
    assert_eq!(item.title, "Uusi");
    assert_eq!(item.status_in(year(2026)), ItemStatus::Underway);
    assert_eq!(
        clock.edit(&id, draft(" ", months(10, 10), Recurrence::Year)),
        Err(ClockError::EmptyTitle)
    );
    clock.remove(&id).unwrap();
    let again = clock
        .add(draft("Toinen", months(9, 9), Recurrence::Year))
        .unwrap();
    assert_ne!(again, id, "ids are never reused");
}

#[test]
fn the_template_gives_a_clock_in_each_language_with_its_sources() {
    let template = template();
    assert!(template.items.len() >= 12, "a year's worth");
    let g = group("Testi");
    for lang in Lang::ALL {
        let clock = template.clock_for(&g, lang);
        assert_eq!(clock.items.len(), template.items.len());
        assert_eq!(clock.based_on.as_deref(), Some("template"));
        assert!(!clock.sources.is_empty());
        for item in &clock.items {
            assert!(item.when.check().is_ok(), "{}", item.title);
            assert!(item.recurrence.check().is_ok(), "{}", item.title);
            assert!(
                item.origin.is_some() && item.source.is_some(),
                "{}",
                item.title
            );
            assert!(!item.title.is_empty() && !item.responsible.is_empty());
        }
        // The school health survey: March–April of odd years, in the language asked.
        let survey = clock
            .items
            .iter()
            .find(|i| i.origin.as_deref() == Some("survey"))
            .expect("the survey");
        assert_eq!(survey.recurrence, Recurrence::OddYears);
        assert_eq!(survey.months(year(2026)), [3, 4]);
        let title = match lang {
            Lang::Fi => "Kouluterveyskysely",
            Lang::Sv => "Enkäten Hälsa i skolan",
            Lang::En => "The national school health survey",
        };
        assert_eq!(survey.title, title);
    }
    // Every month of the school year has something on a template clock, in some year.
    let clock = template.clock_for(&g, Lang::Fi);
    for month in [8, 9, 10, 11, 12, 1, 2, 4, 5] {
        let any = (2026..2029).any(|s| !clock.in_month(year(s), month).is_empty());
        assert!(any, "month {month} is empty");
    }
}

#[test]
fn a_copy_starts_its_own_years_with_roles_for_the_other_sites_people() {
    let mut kotka = template().clock_for(&group("Kotka"), Lang::Fi);
    let nurse = Actor::Member {
        id: MemberId("m1".into()),
        name: "Hanna Nurmi".into(),
        role: Role::Nurse,
    };
    let first = kotka.items[0].id.clone();
    kotka.items[0].responsible = vec![nurse];
    kotka
        .set_status(&first, year(2026), ItemStatus::Done)
        .unwrap();
    let pori = copy_for(&group("Pori"), &kotka);
    assert_eq!(pori.based_on.as_deref(), Some(kotka.group.as_str()));
    assert_eq!(pori.items.len(), kotka.items.len());
    assert!(pori.items.iter().all(|i| i.status.is_empty()));
    assert_eq!(
        pori.items[0].responsible,
        [Actor::Role { role: Role::Nurse }],
        "Kotka's nurse by name becomes the role"
    );
    // The copy differs from the original in nothing that counts: names count by role.
    assert!(diff(&pori, &kotka).is_empty(), "{:?}", diff(&pori, &kotka));
}

#[test]
fn comparing_two_clocks_names_what_only_one_has_and_what_changed() {
    let template = template();
    let mut here = template.clock_for(&group("Kotka"), Lang::Fi);
    let there = template.clock_for(&group("Pori"), Lang::Fi);
    let week = here.items[0].id.clone();
    here.move_to(&week, When::Weeks { from: 33, to: 36 })
        .unwrap();
    let ours = here
        .add(draft("Oma juttu", months(3, 3), Recurrence::Year))
        .unwrap();
    let gone = here
        .items
        .iter()
        .find(|i| i.origin.as_deref() == Some("anti_bullying"))
        .unwrap()
        .id
        .clone();
    here.remove(&gone).unwrap();
    let differences = diff(&here, &there);
    assert_eq!(differences.len(), 3, "{differences:?}");
    assert!(differences.iter().any(|d| matches!(
        d,
        Difference::Changed { here, parts, .. } if here.id == week && *parts == [Part::When]
    )));
    assert!(
        differences
            .iter()
            .any(|d| matches!(d, Difference::OnlyHere(i) if i.id == ours))
    );
    assert!(differences.iter().any(
        |d| matches!(d, Difference::OnlyThere(i) if i.origin.as_deref() == Some("anti_bullying"))
    ));
}

#[test]
fn a_hand_edited_clock_is_checked_and_its_next_id_moved_past_every_id() {
    let mut clock = template().clock_for(&group("Testi"), Lang::Fi);
    clock.items[0].id = "k40".into();
    clock.next_item = 3;
    clock.check().unwrap();
    assert_eq!(clock.next_item, 41);
    let mut twice = clock.clone();
    twice.items[1].id = twice.items[2].id.clone();
    assert!(matches!(twice.check(), Err(ClockError::DuplicateId(_))));
    let mut blank = clock.clone();
    blank.items[0].title = "  ".into();
    assert_eq!(blank.check(), Err(ClockError::EmptyTitle));
    let mut month = clock.clone();
    month.items[0].when = When::Months { from: 13, to: 1 };
    assert_eq!(month.check(), Err(ClockError::BadMonth(13)));
}
