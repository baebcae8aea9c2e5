//! The year clock's print-ready HTML page (issue 14): self-contained and escaped, the ring
//! of twelve months with the current month marked, the year's items in and out of the year
//! shown, the responsibilities matrix, in fi, sv and en.

use jiff::civil::{Date, date};
use parvi::export::clock_page::html;
use parvi::lang::Lang;
use parvi::model::clock::{Actor, ItemDraft, Recurrence, SchoolYear, When, YearClock};
use parvi::model::group::{Group, GroupKind};
use parvi::model::role::Role;

const Y2026: SchoolYear = SchoolYear { start: 2026 };
const Y2027: SchoolYear = SchoolYear { start: 2027 };

fn kotka() -> Group {
    let mut group = Group::new(
        "Hyvinvointiryhmä Kotka",
        GroupKind::SiteWellbeing,
        "Kotkan toimipaikka",
        "3f9a",
    )
    .unwrap();
    group.add_member("Aino Virtanen", Role::Nurse).unwrap();
    group
}

fn template_clock(lang: Lang) -> YearClock {
    parvi::store::clocks::template().clock_for(&kotka(), lang)
}

fn october() -> Date {
    date(2026, 10, 14)
}

fn draft(title: &str, when: When, responsible: Vec<Actor>) -> ItemDraft {
    ItemDraft {
        when,
        recurrence: Recurrence::Year,
        title: title.to_string(),
        description: String::new(),
        responsible,
        co_actors: Vec::new(),
        students_part: String::new(),
    }
}

fn months(from: u8, to: u8) -> When {
    When::Months { from, to }
}

/// The inline SVG of the ring.
fn svg(page: &str) -> &str {
    let start = page.find("<svg").expect("the page has an SVG ring");
    let end = page.find("</svg>").expect("the SVG ends");
    &page[start..end]
}

/// The item titles written beside `month` on the ring (empty when there are none).
fn beside(page: &str, month: u8) -> &str {
    let ring = svg(page);
    let marker = format!("class=\"items\" data-month=\"{month}\"");
    let marker_now = format!("class=\"items now\" data-month=\"{month}\"");
    let Some(start) = ring.find(&marker).or_else(|| ring.find(&marker_now)) else {
        return "";
    };
    let end = ring[start..].find("</g>").unwrap();
    &ring[start..start + end]
}

/// The month's sector group on the ring.
fn sector(page: &str, month: u8) -> &str {
    let ring = svg(page);
    let start = ring
        .find(&format!("class=\"month-sector\" data-month=\"{month}\""))
        .unwrap_or_else(|| panic!("no sector for month {month}"));
    let end = ring[start..].find("</g>").unwrap();
    &ring[start..start + end]
}

/// The responsibilities matrix.
fn matrix(page: &str) -> &str {
    let start = page.find("<section class=\"matrix\">").expect("a matrix");
    let end = page[start..].find("</section>").unwrap();
    &page[start..start + end]
}

/// The twelve cells (August … July) of the matrix row headed `who`.
fn matrix_row(page: &str, who: &str) -> Vec<String> {
    let matrix = matrix(page);
    let head = format!("<th scope=\"row\">{who}</th>");
    let start = matrix
        .find(&head)
        .unwrap_or_else(|| panic!("no matrix row for {who}"));
    let end = matrix[start..].find("</tr>").unwrap();
    let cells: Vec<String> = matrix[start..start + end]
        .split("<td")
        .skip(1)
        .map(str::to_string)
        .collect();
    assert_eq!(cells.len(), 12, "{who}: a cell per month");
    cells
}

/// Which of the row's months (1–12) have a mark, in the order of the school year.
fn marked(cells: &[String]) -> Vec<u8> {
    const YEAR_MONTHS: [u8; 12] = [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7];
    cells
        .iter()
        .zip(YEAR_MONTHS)
        .filter(|(cell, _)| cell.contains('●'))
        .map(|(_, month)| month)
        .collect()
}

/// The coordinates of the month's name in its sector.
fn name_position(page: &str, month: u8) -> (f64, f64) {
    let sector = sector(page, month);
    let text = &sector[sector.find("<text").unwrap()..];
    let number = |attr: &str| -> f64 {
        let at = text.find(&format!(" {attr}=\"")).unwrap() + attr.len() + 3;
        let end = text[at..].find('"').unwrap();
        text[at..at + end].parse().unwrap()
    };
    (number("x"), number("y"))
}

#[test]
fn the_page_is_self_contained_and_laid_out_for_a4_landscape() {
    for lang in Lang::ALL {
        let page = html(&template_clock(lang), &kotka(), Y2026, october(), lang);
        for banned in [
            "http://", "https://", "src=", "<script", "url(", "@import", "<link",
        ] {
            assert!(
                !page.to_lowercase().contains(banned),
                "{}: {banned}",
                lang.code()
            );
        }
        assert!(page.contains("@page { size: A4 landscape; margin: 12mm; }"));
        assert_eq!(page.matches("<svg").count(), 1, "one inline ring");
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains(&format!("<html lang=\"{}\">", lang.code())));
        assert!(page.trim_end().ends_with("</html>"));
    }
}

#[test]
fn a_title_with_markup_is_escaped_everywhere() {
    let mut group = kotka();
    group.name = "Kotka <i>".to_string();
    let mut clock = YearClock::new(&group, Lang::Fi);
    let nurse = vec![Actor::Role { role: Role::Nurse }];
    let mut item = draft("<b>&\"", months(9, 9), nurse);
    item.description = "<script>alert(1)</script>".to_string();
    clock.add(item).unwrap();
    let page = html(&clock, &group, Y2026, october(), Lang::Fi);
    assert!(!page.contains("<b>"), "raw markup in the page");
    assert!(!page.contains("<i>"));
    assert!(!page.contains("<script"));
    assert!(page.contains("&lt;b&gt;&amp;&quot;"));
    assert!(page.contains("Kotka &lt;i&gt;"));
    assert!(
        beside(&page, 9).contains("&lt;b&gt;&amp;&quot;"),
        "escaped on the ring too"
    );
}

#[test]
fn the_ring_names_all_twelve_months_august_at_the_top_going_clockwise() {
    let page = html(
        &template_clock(Lang::Fi),
        &kotka(),
        Y2026,
        october(),
        Lang::Fi,
    );
    let names = [
        "tammikuu",
        "helmikuu",
        "maaliskuu",
        "huhtikuu",
        "toukokuu",
        "kesäkuu",
        "heinäkuu",
        "elokuu",
        "syyskuu",
        "lokakuu",
        "marraskuu",
        "joulukuu",
    ];
    for (month, name) in (1..=12).zip(names) {
        assert!(sector(&page, month).contains(name), "{name} on its sector");
    }
    let (cx, cy) = name_position(&page, 8);
    let close = |a: f64, b: f64| (a - b).abs() < 1.0;
    // August straight above the centre, then November to the right, February below and
    // May to the left: clockwise.
    let (nov_x, nov_y) = name_position(&page, 11);
    let (feb_x, feb_y) = name_position(&page, 2);
    let (may_x, may_y) = name_position(&page, 5);
    assert!(close(cx, feb_x) && feb_y > cy, "February below August");
    assert!(nov_x > cx && may_x < cx, "November right, May left");
    assert!(nov_y > cy && nov_y < feb_y && close(nov_y, may_y));
    let (sep_x, _) = name_position(&page, 9);
    assert!(sep_x > cx, "September follows August to the right");
}

#[test]
fn the_current_month_is_marked_only_when_today_is_in_the_year_shown() {
    let clock = template_clock(Lang::Fi);
    let page = html(&clock, &kotka(), Y2026, october(), Lang::Fi);
    assert_eq!(page.matches("data-now=\"true\"").count(), 1);
    assert!(sector(&page, 10).contains("data-now=\"true\""));
    assert!(sector(&page, 10).contains("class=\"sector now\""));
    assert!(sector(&page, 10).contains("NYT"));
    assert!(!sector(&page, 9).contains("now"));
    assert_eq!(
        matrix(&page).matches("<th class=\"now\">").count(),
        1,
        "the matrix marks the month's column too"
    );
    // The last day of the school year is still in it.
    let july = html(&clock, &kotka(), Y2026, date(2027, 7, 31), Lang::Fi);
    assert!(sector(&july, 7).contains("data-now=\"true\""));
    // Another year's page marks nothing.
    for (year, today) in [(Y2027, october()), (Y2026, date(2027, 8, 1))] {
        let page = html(&clock, &kotka(), year, today, Lang::Fi);
        assert!(!page.contains("data-now"), "{year} on {today}");
        assert!(!page.contains("sector now"));
        assert!(!page.contains("NYT"));
        assert!(!matrix(&page).contains("class=\"now\""));
    }
}

#[test]
fn an_odd_year_item_is_on_the_ring_in_2026_2027_and_not_this_year_in_2027_2028() {
    let clock = template_clock(Lang::Fi);
    // Its results (in the autumn of odd years) have a longer title that starts the same.
    let survey = "Kouluterveyskysely";
    let on_ring = format!("{survey}</text>");
    let in_list = format!("<strong>{survey}</strong>");
    let odd = html(&clock, &kotka(), Y2026, october(), Lang::Fi);
    assert!(beside(&odd, 3).contains(&on_ring), "March 2027 is odd");
    let list = &odd[odd.find("<section class=\"list\">").unwrap()
        ..odd.find("<section class=\"matrix\">").unwrap()];
    let row = list.split("<tr").find(|r| r.contains(&in_list)).unwrap();
    assert!(!row.contains("class=\"off\""), "{row}");
    assert!(row.contains("suunniteltu"));

    let even = html(&clock, &kotka(), Y2027, october(), Lang::Fi);
    assert!(!beside(&even, 3).contains(&on_ring), "March 2028 is even");
    assert!(!svg(&even).contains(&on_ring), "not anywhere on the ring");
    let list = &even[even.find("<section class=\"list\">").unwrap()
        ..even.find("<section class=\"matrix\">").unwrap()];
    let row = list.split("<tr").find(|r| r.contains(&in_list)).unwrap();
    assert!(row.contains("class=\"off\""), "{row}");
    assert!(row.contains("ei tänä lukuvuonna"));
    assert!(
        list.find("Ei tänä lukuvuonna").unwrap() < list.find(&in_list).unwrap(),
        "listed apart, under its own heading"
    );
}

#[test]
fn every_responsible_actor_has_a_matrix_row_marked_in_its_months() {
    let group = kotka();
    let aino = group.members[0].clone();
    let nurse = Actor::Role { role: Role::Nurse };
    let member = Actor::Member {
        id: aino.id.clone(),
        name: aino.name.clone(),
        role: aino.role,
    };
    let union = Actor::Other {
        name: "Opiskelijakunta".to_string(),
    };
    let mut clock = YearClock::new(&group, Lang::Fi);
    let both = vec![nurse.clone(), member.clone()];
    clock
        .add(draft("Syksyn tarkastus", months(9, 10), both))
        .unwrap();
    let over_new_year = vec![union.clone(), nurse.clone()];
    clock
        .add(draft("Talven teema", months(12, 1), over_new_year))
        .unwrap();
    let mut survey = draft("Kysely", months(3, 3), vec![union.clone()]);
    survey.recurrence = Recurrence::OddYears;
    clock.add(survey).unwrap();
    // Taking part is not being responsible: no row of its own.
    let mut helped = draft("Kevätjuhla", months(5, 5), vec![nurse.clone()]);
    helped.co_actors = vec![Actor::Role {
        role: Role::Psychologist,
    }];
    clock.add(helped).unwrap();

    let page = html(&clock, &group, Y2026, october(), Lang::Fi);
    assert_eq!(
        marked(&matrix_row(&page, "Terveydenhoitaja")),
        [9, 10, 12, 1, 5]
    );
    assert_eq!(
        marked(&matrix_row(&page, "Aino Virtanen (terveydenhoitaja)")),
        [9, 10]
    );
    assert_eq!(marked(&matrix_row(&page, "Opiskelijakunta")), [12, 1, 3]);
    assert!(!matrix(&page).contains("Psykologi"));
    assert_eq!(matrix(&page).matches("scope=\"row\"").count(), 3);
    // Two of the nurse's items in no month: one mark each, the count says 1.
    assert!(matrix_row(&page, "Terveydenhoitaja")[1].contains("● 1"));

    // In an even year the survey's month is empty, but the union keeps its row.
    let even = html(&clock, &group, Y2027, october(), Lang::Fi);
    assert_eq!(marked(&matrix_row(&even, "Opiskelijakunta")), [12, 1]);
}

#[test]
fn two_items_of_one_actor_in_a_month_count_two() {
    let group = kotka();
    let nurse = Actor::Role { role: Role::Nurse };
    let mut clock = YearClock::new(&group, Lang::Fi);
    clock
        .add(draft("A", months(9, 9), vec![nurse.clone()]))
        .unwrap();
    clock.add(draft("B", months(8, 9), vec![nurse])).unwrap();
    let page = html(&clock, &group, Y2026, october(), Lang::Fi);
    let row = matrix_row(&page, "Terveydenhoitaja");
    assert!(row[0].contains("● 1"), "{}", row[0]);
    assert!(row[1].contains("● 2"), "{}", row[1]);
}

#[test]
fn the_template_s_responsible_roles_all_have_rows() {
    let clock = template_clock(Lang::Fi);
    let page = html(&clock, &kotka(), Y2026, october(), Lang::Fi);
    let mut actors: Vec<&Actor> = clock.items.iter().flat_map(|i| &i.responsible).collect();
    actors.sort_by_key(|a| format!("{a:?}"));
    actors.dedup();
    assert_eq!(matrix(&page).matches("scope=\"row\"").count(), actors.len());
    // Management answers for the informing in August and September.
    assert!(marked(&matrix_row(&page, "Johto")).starts_with(&[8, 9]));
}

#[test]
fn a_crowded_month_shows_its_first_items_and_how_many_more() {
    let group = kotka();
    let mut clock = YearClock::new(&group, Lang::Fi);
    for n in 1..=6 {
        let title = format!(
            "Kohta {n} jolla on hyvin pitkä otsikko joka ei mahdu renkaan viereen mitenkään"
        );
        clock
            .add(draft(&title, months(11, 11), Vec::new()))
            .unwrap();
    }
    let page = html(&clock, &group, Y2026, october(), Lang::Fi);
    let november = beside(&page, 11);
    assert!(november.contains("+3"), "{november}");
    assert!(november.contains('…'), "long titles are cut");
    assert_eq!(november.matches("<text").count(), 4);
    // The list still has them all, in full.
    assert_eq!(page.matches("mitenkään</strong>").count(), 6);
}

#[test]
fn the_sources_and_where_the_clock_came_from_close_the_page() {
    let clock = template_clock(Lang::Fi);
    assert!(!clock.sources.is_empty());
    let page = html(&clock, &kotka(), Y2026, october(), Lang::Fi);
    let footer = &page[page.find("<footer>").unwrap()..];
    assert!(page.find("<footer>").unwrap() > page.find("<section class=\"matrix\">").unwrap());
    for source in &clock.sources {
        let escaped = parvi::export::escape_html(source);
        assert!(footer.contains(&escaped), "{source}");
    }
    assert!(
        footer.contains("Pohjana parvin malli: Ammatillisen oppilaitoksen hyvinvoinnin vuosikello")
    );
    // The page names the template from the catalogue (export does not read the store):
    // the catalogue must say what the template says.
    let template = parvi::store::clocks::template();
    for lang in Lang::ALL {
        assert_eq!(lang.text().clock.template_name, template.title.get(lang));
    }
    let mut copy = clock.clone();
    copy.based_on = Some("hyvinvointiryhma-pori-1a2b".to_string());
    let page = html(&copy, &kotka(), Y2026, october(), Lang::Fi);
    assert!(page.contains("Pohjana ryhmän hyvinvointiryhma-pori-1a2b vuosikello"));
}

#[test]
fn the_page_speaks_swedish_and_english() {
    let cases = [
        (
            Lang::Sv,
            [
                "Årsklocka för välbefinnande: Hyvinvointiryhmä Kotka",
                "Läsåret 2026-2027",
                "Ansvar månad för månad",
                "Årets punkter",
                "NU",
            ],
            ["september", "februari"],
        ),
        (
            Lang::En,
            [
                "Wellbeing year clock: Hyvinvointiryhmä Kotka",
                "School year 2026-2027",
                "Responsibilities by month",
                "The year&#39;s items",
                "NOW",
            ],
            ["September", "February"],
        ),
    ];
    for (lang, words, months) in cases {
        let page = html(&template_clock(lang), &kotka(), Y2026, october(), lang);
        for word in words {
            assert!(page.contains(word), "{}: {word}", lang.code());
        }
        assert!(sector(&page, 9).contains(months[0]));
        assert!(sector(&page, 2).contains(months[1]));
        for finnish in [
            "Lukuvuosi",
            "Vastuut kuukausittain",
            "syyskuu",
            "NYT",
            "Vuoden kohdat",
        ] {
            assert!(!page.contains(finnish), "{}: {finnish}", lang.code());
        }
        // The survey is on the ring in its own language.
        let title = &template_clock(lang)
            .items
            .iter()
            .find(|i| i.origin.as_deref() == Some("survey"))
            .unwrap()
            .title
            .clone();
        let short: String = title.chars().take(12).collect();
        assert!(
            beside(&page, 3).contains(&short),
            "{}: {title}",
            lang.code()
        );
    }
}

#[test]
fn an_empty_clock_still_prints_its_ring_and_says_it_has_nothing() {
    let group = kotka();
    let clock = YearClock::new(&group, Lang::Fi);
    let page = html(&clock, &group, Y2026, october(), Lang::Fi);
    for month in 1..=12 {
        assert!(beside(&page, month).is_empty());
        sector(&page, month);
    }
    assert!(page.contains("Ei kohtia."));
    assert_eq!(matrix(&page).matches("scope=\"row\"").count(), 0);
    assert!(
        !page.contains("<footer>\n<h2>"),
        "no sources heading without sources"
    );
}
