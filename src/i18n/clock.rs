//! The strings of the wellbeing year clock (issue 14), in fi, sv and en: its words (how
//! often, which weeks, the statuses), its labels, and the `parvi clock` command's help
//! and messages.
//!
//! A struct of its own so the catalogue grows in parts; `Text` holds one per language.

use serde::Serialize;

use crate::i18n::{Lang, fill, role};
use crate::model::clock::compare::Part;
use crate::model::clock::{Actor, ItemStatus, Recurrence, When};

/// Every string of the year clock.
#[derive(Debug, Serialize)]
pub struct ClockText {
    /// The clock's heading: "Hyvinvoinnin vuosikello: {group}".
    pub title: &'static str,
    /// A school year.
    pub school_year: &'static str,
    /// Recurrence: every year.
    pub every_year: &'static str,
    pub odd_years: &'static str,
    pub even_years: &'static str,
    /// Every `n` years counted from `from`.
    pub n_years: &'static str,
    /// Once, in `year`.
    pub once: &'static str,
    /// A range of ISO weeks.
    pub weeks: &'static str,
    /// One ISO week.
    pub week: &'static str,
    /// Status: planned.
    pub planned: &'static str,
    pub underway: &'static str,
    pub done: &'static str,
    pub skipped: &'static str,
    /// Label: who answers for an item.
    pub responsible: &'static str,
    /// Label: who else takes part.
    pub co_actors: &'static str,
    /// Label: what the students do.
    pub students_part: &'static str,
    /// Label: how far the item got this school year.
    pub status: &'static str,
    /// Label: where the item comes from.
    pub source: &'static str,
    /// Heading: every source of the clock.
    pub sources: &'static str,
    /// Where the clock started: the built-in template.
    pub based_on_template: &'static str,
    /// Where the clock started: another group's clock.
    pub based_on_group: &'static str,
    /// Heading: this month's items.
    pub this_month: &'static str,
    /// Heading: items over and not done.
    pub overdue: &'static str,
    /// A month with nothing on the clock.
    pub nothing: &'static str,
    /// Heading: the responsibilities matrix.
    pub matrix: &'static str,
    /// The matrix's first column.
    pub role_col: &'static str,
    /// An item that does not come round in the year shown.
    pub not_this_year: &'static str,
    /// The CSV column that says whether an item comes round in the year exported.
    pub in_year: &'static str,
    /// The home screen's line for a group's clock: this month's items.
    /// `parvi clock edit`'s help.
    pub help_edit: &'static str,
    pub edit_unchanged: &'static str,
    pub edit_saved: &'static str,
    /// The edited clock did not check: the draft is kept.
    pub edit_invalid: &'static str,
    pub edit_kept: &'static str,
    pub edit_other_group: &'static str,
    pub edit_no_editor: &'static str,
    pub home_now: &'static str,
    /// The same when only one group has a clock: no need to name it.
    pub home_now_one: &'static str,
    /// Added to it: how many items are overdue.
    pub home_overdue: &'static str,
    /// Heading of the printed clock's list of items.
    pub items_heading: &'static str,
    /// Column of the printed list: the item's title and description.
    pub item_col: &'static str,
    /// The mark on the ring's current month.
    pub now: &'static str,
    /// What the marks of the responsibilities matrix mean.
    pub matrix_key: &'static str,
    /// The day a printed clock shows the statuses of.
    pub as_of: &'static str,
    /// The built-in template's name where the template itself is out of reach (the export
    /// layer does not read the store); the same words as the title in `clocks/template.json`.
    pub template_name: &'static str,
    /// `parvi clock`'s help.
    pub help_clock: &'static str,
    pub help_show: &'static str,
    pub help_init: &'static str,
    pub help_diff: &'static str,
    pub help_set: &'static str,
    pub help_export: &'static str,
    pub help_arg_group: &'static str,
    pub help_arg_year: &'static str,
    pub help_arg_month: &'static str,
    pub help_arg_from: &'static str,
    pub help_arg_with: &'static str,
    pub help_arg_item: &'static str,
    pub help_arg_status: &'static str,
    pub help_arg_format: &'static str,
    pub help_arg_output: &'static str,
    pub help_arg_force: &'static str,
    /// The group has no clock yet.
    pub no_clock: &'static str,
    /// The group already has a clock.
    pub exists: &'static str,
    /// A clock was started.
    pub created: &'static str,
    /// No such item.
    pub no_item: &'static str,
    pub bad_status: &'static str,
    pub bad_year: &'static str,
    pub bad_month: &'static str,
    pub bad_format: &'static str,
    /// A status was set.
    pub status_set: &'static str,
    /// Two clocks that do not differ.
    pub same: &'static str,
    /// Items only one clock has.
    pub only_in: &'static str,
    /// Items both have, held differently.
    pub differ: &'static str,
    pub part_when: &'static str,
    pub part_recurrence: &'static str,
    pub part_title: &'static str,
    pub part_description: &'static str,
    pub part_responsible: &'static str,
    pub part_co_actors: &'static str,
    pub part_students: &'static str,
    /// A file was written.
    pub written: &'static str,
    pub file_exists: &'static str,
    /// The clock's file is broken.
    pub broken: &'static str,
    /// The home screen's key that opens the year-clock screen.
    pub key_open: &'static str,
    /// The year-clock screen's key that turns between the ring and the list.
    pub key_view: &'static str,
    /// The key that shows the previous school year.
    pub key_prev_year: &'static str,
    /// The key that shows the next school year.
    pub key_next_year: &'static str,
    /// The list's column: when in the year.
    pub col_when: &'static str,
    /// The list's column: how often.
    pub col_often: &'static str,
    /// The list's column: the status in the school year shown.
    pub col_status: &'static str,
    /// Label: what the item is about.
    pub description: &'static str,
    /// An item over and not done (beside its status).
    pub late: &'static str,
    /// A month's items that did not fit beside the ring.
    pub more: &'static str,
}

pub const FI: ClockText = ClockText {
    title: "Hyvinvoinnin vuosikello: {group}",
    school_year: "Lukuvuosi {year}",
    every_year: "joka vuosi",
    odd_years: "parittomina vuosina",
    even_years: "parillisina vuosina",
    n_years: "joka {n}. vuosi vuodesta {from}",
    once: "kerran, vuonna {year}",
    weeks: "viikot {from}–{to}",
    week: "viikko {week}",
    planned: "suunniteltu",
    underway: "käynnissä",
    done: "tehty",
    skipped: "jäi pois",
    responsible: "Vastuu",
    co_actors: "Mukana",
    students_part: "Opiskelijoiden osuus",
    status: "Tila {year}",
    source: "Lähde",
    sources: "Lähteet",
    based_on_template: "Pohjana parvin malli: {template}",
    based_on_group: "Pohjana ryhmän {group} vuosikello",
    this_month: "Tässä kuussa vuosikellossa",
    overdue: "Myöhässä",
    nothing: "Ei kohtia.",
    matrix: "Vastuut kuukausittain",
    role_col: "Vastuussa",
    not_this_year: "ei tänä lukuvuonna",
    in_year: "Tänä lukuvuonna",
    help_edit: "Muokkaa vuosikelloa tekstieditorissa (EDITOR); tarkistetaan ennen tallennusta.",
    edit_unchanged: "Ei muutoksia.",
    edit_saved: "Vuosikello tallennettu: {path} (kohtia {count}).",
    edit_invalid: "Muokattu vuosikello ei kelpaa: {problem}",
    edit_kept: "Muokkauksesi ovat tallessa tiedostossa {path}. Aja sama komento uudelleen, niin jatkat siitä.",
    edit_other_group: "Tiedosto on ryhmän {id} vuosikello, ei tämän ryhmän.",
    edit_no_editor: "Editoria {editor} ei voitu käyttää: {reason}. Aseta EDITOR-ympäristömuuttuja.",
    home_now: "Vuosikello, {group} – {month}: {items}",
    home_now_one: "Vuosikello, {month}: {items}",
    home_overdue: "myöhässä {count}",
    items_heading: "Vuoden kohdat",
    item_col: "Kohta",
    now: "nyt",
    matrix_key: "● ja luku: montako kohtaa tahon vastuulla on kuukauden aikana; pienellä kohtien numerot.",
    as_of: "Tilanne {date}",
    template_name: "Ammatillisen oppilaitoksen hyvinvoinnin vuosikello",
    help_clock: "Ryhmän hyvinvoinnin vuosikello: näytä, aloita, vertaa, merkitse ja vie.",
    help_show: "Näytä vuosikello kuukausittain: kohdat, vastuut ja tila.",
    help_init: "Aloita ryhmän vuosikello parvin mallista tai toisen ryhmän vuosikellosta.",
    help_diff: "Vertaa kahden ryhmän vuosikelloja: mikä on vain toisessa ja mikä eroaa.",
    help_set: "Merkitse kohdan tila lukuvuodelle: planned, underway, done tai skipped.",
    help_export: "Vie vuosikello: html (tulostettava A4), csv tai ics (kalentereihin).",
    help_arg_group: "Ryhmän tunnus tai nimi.",
    help_arg_year: "Lukuvuosi, esim. 2026-2027 (oletus: nykyinen).",
    help_arg_month: "Vain tämä kuukausi (1–12).",
    help_arg_from: "Kopioi tämän ryhmän vuosikello (ilman tätä: parvin malli).",
    help_arg_with: "Ryhmä, johon verrataan.",
    help_arg_item: "Kohdan tunnus (k1, k2…), näkyy komennolla parvi clock show.",
    help_arg_status: "Uusi tila: planned, underway, done tai skipped.",
    help_arg_format: "Muoto: html, csv tai ics.",
    help_arg_output: "Tiedosto, johon kirjoitetaan (ilman tätä tulostetaan).",
    help_arg_force: "Korvaa olemassa oleva vuosikello tai tiedosto.",
    no_clock: "Ryhmällä {group} ei ole vielä vuosikelloa. Aloita se: parvi clock init --group \"{group}\"",
    exists: "Ryhmällä {group} on jo vuosikello. Korvaa se lisäämällä --force.",
    created: "Vuosikello aloitettu: {path} (kohtia {count}).",
    no_item: "Vuosikellossa ei ole kohtaa {item}. Kohdat näkyvät komennolla parvi clock show.",
    bad_status: "Tuntematon tila {value}. Tilat: {list}.",
    bad_year: "{value} ei ole lukuvuosi (esim. 2026-2027).",
    bad_month: "{value} ei ole kuukausi 1–12.",
    bad_format: "Tuntematon muoto {value}. Muodot: html, csv, ics.",
    status_set: "{item} {title}: {status} ({year}).",
    same: "Vuosikelloissa ei ole eroja.",
    only_in: "Vain ryhmän {group} vuosikellossa:",
    differ: "Molemmissa, mutta eri tavoin:",
    part_when: "ajankohta",
    part_recurrence: "toistuvuus",
    part_title: "otsikko",
    part_description: "kuvaus",
    part_responsible: "vastuu",
    part_co_actors: "mukana",
    part_students: "opiskelijoiden osuus",
    written: "Kirjoitettu: {path}",
    file_exists: "{path} on jo olemassa. Korvaa se lisäämällä --force.",
    broken: "Vuosikellon tiedosto on rikki: {problem}",
    key_open: "vuosikello",
    key_view: "lista / kello",
    key_prev_year: "edellinen lukuvuosi",
    key_next_year: "seuraava lukuvuosi",
    col_when: "Milloin",
    col_often: "Kuinka usein",
    col_status: "Tila",
    description: "Kuvaus",
    late: "myöhässä",
    more: "+{count} muuta",
};

pub const SV: ClockText = ClockText {
    title: "Årsklocka för välbefinnande: {group}",
    school_year: "Läsåret {year}",
    every_year: "varje år",
    odd_years: "udda år",
    even_years: "jämna år",
    n_years: "vart {n}:e år från {from}",
    once: "en gång, år {year}",
    weeks: "veckorna {from}–{to}",
    week: "vecka {week}",
    planned: "planerad",
    underway: "pågår",
    done: "gjord",
    skipped: "blev inte av",
    responsible: "Ansvar",
    co_actors: "Med",
    students_part: "De studerandes del",
    status: "Läge {year}",
    source: "Källa",
    sources: "Källor",
    based_on_template: "Grundad på parvis mall: {template}",
    based_on_group: "Grundad på gruppens {group} årsklocka",
    this_month: "Den här månaden på årsklockan",
    overdue: "Försenade",
    nothing: "Inget.",
    matrix: "Ansvar månad för månad",
    role_col: "Ansvarig",
    not_this_year: "inte detta läsår",
    in_year: "Detta läsår",
    help_edit: "Redigera årsklockan i en textredigerare (EDITOR); kontrolleras innan den sparas.",
    edit_unchanged: "Inga ändringar.",
    edit_saved: "Årsklockan sparad: {path} ({count} punkter).",
    edit_invalid: "Den redigerade årsklockan godtas inte: {problem}",
    edit_kept: "Dina ändringar finns kvar i {path}. Kör samma kommando igen för att fortsätta därifrån.",
    edit_other_group: "Filen är gruppens {id} årsklocka, inte den här gruppens.",
    edit_no_editor: "Redigeraren {editor} kunde inte användas: {reason}. Ange miljövariabeln EDITOR.",
    home_now: "Årsklockan, {group} – {month}: {items}",
    home_now_one: "Årsklockan, {month}: {items}",
    home_overdue: "försenade {count}",
    items_heading: "Årets punkter",
    item_col: "Punkt",
    now: "nu",
    matrix_key: "● och ett tal: hur många punkter den ansvarige har under månaden; med liten stil punkternas nummer.",
    as_of: "Läget {date}",
    template_name: "Årsklocka för välbefinnande vid en yrkesläroanstalt",
    help_clock: "Gruppens årsklocka för välbefinnande: visa, börja, jämför, markera och exportera.",
    help_show: "Visa årsklockan månad för månad: punkter, ansvar och läge.",
    help_init: "Börja gruppens årsklocka från parvis mall eller från en annan grupps årsklocka.",
    help_diff: "Jämför två gruppers årsklockor: vad som bara finns i den ena och vad som skiljer sig.",
    help_set: "Markera en punkts läge för ett läsår: planned, underway, done eller skipped.",
    help_export: "Exportera årsklockan: html (utskrivbar A4), csv eller ics (till kalendrar).",
    help_arg_group: "Gruppens id eller namn.",
    help_arg_year: "Läsåret, t.ex. 2026-2027 (standard: det nuvarande).",
    help_arg_month: "Bara den här månaden (1–12).",
    help_arg_from: "Kopiera den här gruppens årsklocka (utan detta: parvis mall).",
    help_arg_with: "Gruppen att jämföra med.",
    help_arg_item: "Punktens id (k1, k2…), syns med parvi clock show.",
    help_arg_status: "Nytt läge: planned, underway, done eller skipped.",
    help_arg_format: "Format: html, csv eller ics.",
    help_arg_output: "Filen att skriva till (utan detta skrivs den ut).",
    help_arg_force: "Ersätt en befintlig årsklocka eller fil.",
    no_clock: "Gruppen {group} har ingen årsklocka än. Börja den: parvi clock init --group \"{group}\"",
    exists: "Gruppen {group} har redan en årsklocka. Ersätt den med --force.",
    created: "Årsklockan påbörjad: {path} ({count} punkter).",
    no_item: "Årsklockan har ingen punkt {item}. Punkterna syns med parvi clock show.",
    bad_status: "Okänt läge {value}. Lägen: {list}.",
    bad_year: "{value} är inget läsår (t.ex. 2026-2027).",
    bad_month: "{value} är ingen månad 1–12.",
    bad_format: "Okänt format {value}. Format: html, csv, ics.",
    status_set: "{item} {title}: {status} ({year}).",
    same: "Årsklockorna skiljer sig inte.",
    only_in: "Bara i gruppens {group} årsklocka:",
    differ: "I båda, men olika:",
    part_when: "tidpunkt",
    part_recurrence: "återkommande",
    part_title: "rubrik",
    part_description: "beskrivning",
    part_responsible: "ansvar",
    part_co_actors: "med",
    part_students: "de studerandes del",
    written: "Skrivet: {path}",
    file_exists: "{path} finns redan. Ersätt den med --force.",
    broken: "Årsklockans fil är trasig: {problem}",
    key_open: "årsklocka",
    key_view: "lista / klocka",
    key_prev_year: "föregående läsår",
    key_next_year: "nästa läsår",
    col_when: "När",
    col_often: "Hur ofta",
    col_status: "Läge",
    description: "Beskrivning",
    late: "försenad",
    more: "+{count} till",
};

pub const EN: ClockText = ClockText {
    title: "Wellbeing year clock: {group}",
    school_year: "School year {year}",
    every_year: "every year",
    odd_years: "in odd years",
    even_years: "in even years",
    n_years: "every {n} years from {from}",
    once: "once, in {year}",
    weeks: "weeks {from}–{to}",
    week: "week {week}",
    planned: "planned",
    underway: "underway",
    done: "done",
    skipped: "skipped",
    responsible: "Responsible",
    co_actors: "Taking part",
    students_part: "The students' part",
    status: "Status {year}",
    source: "Source",
    sources: "Sources",
    based_on_template: "Based on parvi's template: {template}",
    based_on_group: "Based on the year clock of {group}",
    this_month: "This month on the clock",
    overdue: "Overdue",
    nothing: "Nothing.",
    matrix: "Responsibilities by month",
    role_col: "Responsible",
    not_this_year: "not this school year",
    in_year: "This school year",
    help_edit: "Edit the clock in a text editor (EDITOR); it is checked before it is saved.",
    edit_unchanged: "No changes.",
    edit_saved: "Year clock saved: {path} ({count} items).",
    edit_invalid: "The edited clock is not valid: {problem}",
    edit_kept: "Your edits are kept in {path}. Run the same command again to go on from there.",
    edit_other_group: "The file is the year clock of group {id}, not this one.",
    edit_no_editor: "The editor {editor} could not be used: {reason}. Set the EDITOR environment variable.",
    home_now: "Year clock, {group} – {month}: {items}",
    home_now_one: "Year clock, {month}: {items}",
    home_overdue: "{count} overdue",
    items_heading: "The year's items",
    item_col: "Item",
    now: "now",
    matrix_key: "● and a number: how many items are someone's responsibility that month; in small print, the items' numbers.",
    as_of: "As of {date}",
    template_name: "A vocational school's wellbeing year clock",
    help_clock: "A group's wellbeing year clock: show, start, compare, mark and export.",
    help_show: "Show the clock month by month: items, responsibilities and status.",
    help_init: "Start the group's clock from parvi's template or from another group's clock.",
    help_diff: "Compare two groups' clocks: what only one has and what differs.",
    help_set: "Mark an item's status for a school year: planned, underway, done or skipped.",
    help_export: "Export the clock: html (printable A4), csv or ics (for calendars).",
    help_arg_group: "The group's id or name.",
    help_arg_year: "The school year, e.g. 2026-2027 (default: the current one).",
    help_arg_month: "Only this month (1–12).",
    help_arg_from: "Copy this group's clock (without it: parvi's template).",
    help_arg_with: "The group to compare with.",
    help_arg_item: "The item's id (k1, k2…), as parvi clock show lists them.",
    help_arg_status: "The new status: planned, underway, done or skipped.",
    help_arg_format: "Format: html, csv or ics.",
    help_arg_output: "The file to write (without it, printed).",
    help_arg_force: "Replace an existing clock or file.",
    no_clock: "{group} has no year clock yet. Start one: parvi clock init --group \"{group}\"",
    exists: "{group} already has a year clock. Add --force to replace it.",
    created: "Year clock started: {path} ({count} items).",
    no_item: "The clock has no item {item}. parvi clock show lists them.",
    bad_status: "Unknown status {value}. Statuses: {list}.",
    bad_year: "{value} is not a school year (e.g. 2026-2027).",
    bad_month: "{value} is not a month 1–12.",
    bad_format: "Unknown format {value}. Formats: html, csv, ics.",
    status_set: "{item} {title}: {status} ({year}).",
    same: "The clocks do not differ.",
    only_in: "Only on {group}'s clock:",
    differ: "On both, but different:",
    part_when: "when",
    part_recurrence: "how often",
    part_title: "title",
    part_description: "description",
    part_responsible: "responsible",
    part_co_actors: "taking part",
    part_students: "the students' part",
    written: "Written: {path}",
    file_exists: "{path} already exists. Add --force to replace it.",
    broken: "The year clock's file is broken: {problem}",
    key_open: "year clock",
    key_view: "list / clock",
    key_prev_year: "previous school year",
    key_next_year: "next school year",
    col_when: "When",
    col_often: "How often",
    col_status: "Status",
    description: "Description",
    late: "overdue",
    more: "+{count} more",
};

/// The month's name: `lokakuu`, `oktober`, `October`.
pub fn month(lang: Lang, month: u8) -> &'static str {
    let months = &lang.text().records.months;
    months[usize::from(month.clamp(1, 12)) - 1]
}

/// When an item is: `lokakuu–marraskuu`, `syyskuu`, `viikot 10–17`.
pub fn when(lang: Lang, when: When) -> String {
    let t = &lang.text().clock;
    match when {
        When::Months { from, to } if from == to => month(lang, from).to_string(),
        When::Months { from, to } => format!("{}–{}", month(lang, from), month(lang, to)),
        When::Weeks { from, to } if from == to => fill(t.week, &[("week", &from.to_string())]),
        When::Weeks { from, to } => fill(
            t.weeks,
            &[("from", &from.to_string()), ("to", &to.to_string())],
        ),
    }
}

/// How often: `joka vuosi`, `parittomina vuosina`, `joka 3. vuosi vuodesta 2026`.
pub fn recurrence(lang: Lang, recurrence: Recurrence) -> String {
    let t = &lang.text().clock;
    match recurrence {
        Recurrence::Year => t.every_year.to_string(),
        Recurrence::OddYears => t.odd_years.to_string(),
        Recurrence::EvenYears => t.even_years.to_string(),
        Recurrence::NYears { n, from } => fill(
            t.n_years,
            &[("n", &n.to_string()), ("from", &from.to_string())],
        ),
        Recurrence::Once { year } => fill(t.once, &[("year", &year.to_string())]),
    }
}

/// A status's name.
pub fn status(lang: Lang, status: ItemStatus) -> &'static str {
    let t = &lang.text().clock;
    match status {
        ItemStatus::Planned => t.planned,
        ItemStatus::Underway => t.underway,
        ItemStatus::Done => t.done,
        ItemStatus::Skipped => t.skipped,
    }
}

/// Who: a role's name, a member's name (with the role), or the name given.
pub fn actor(lang: Lang, actor: &Actor) -> String {
    match actor {
        Actor::Role { role: r } => role(lang, *r).to_string(),
        Actor::Member { name, role: r, .. } => format!("{name} ({})", role(lang, *r)),
        Actor::Other { name } => name.clone(),
    }
}

/// Several actors, joined with commas.
pub fn actors(lang: Lang, actors: &[Actor]) -> String {
    actors
        .iter()
        .map(|a| actor(lang, a))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The name of a part two clocks hold differently.
pub fn part(lang: Lang, part: Part) -> &'static str {
    let t = &lang.text().clock;
    match part {
        Part::When => t.part_when,
        Part::Recurrence => t.part_recurrence,
        Part::Title => t.part_title,
        Part::Description => t.part_description,
        Part::Responsible => t.part_responsible,
        Part::CoActors => t.part_co_actors,
        Part::StudentsPart => t.part_students,
    }
}
