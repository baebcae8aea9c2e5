//! The strings of a meeting's walk through the year clock (a `year_clock` agenda item) and
//! of the clock in the minutes, in fi, sv and en.

use serde::Serialize;

/// Every string of the year clock in a meeting.
#[derive(Debug, Serialize)]
pub struct ClockWalkText {
    /// The item's summary: this month's and next month's items (`{this}`, `{next}`: months).
    pub summary_months: &'static str,
    /// The yearly review's summary: the whole school year `{year}`.
    pub summary_year: &'static str,
    /// `[one, many]`: how many items the walk has.
    pub count_items: [&'static str; 2],
    /// Nothing on the clock this month or next.
    pub empty: &'static str,
    /// The group has no clock: how to start one (`{group}`: its id).
    pub no_clock: &'static str,
    /// Column headers: when, the item, who answers for it, its status this year.
    pub columns: [&'static str; 4],
    /// Marks an item that is over and not done.
    pub overdue: &'static str,
    /// Before the students' part of the selected item.
    pub students: &'static str,
    /// Before the actions agreed on an item in this meeting.
    pub actions: &'static str,
    pub key_mark: &'static str,
    pub key_action: &'static str,
    pub key_move: &'static str,
    pub key_new: &'static str,
    pub key_remove: &'static str,
    /// The status picker's title: how far `{item}` got in school year `{year}`.
    pub mark_title: &'static str,
    /// The prompt for an action's text, agreed on item `{item}`.
    pub action_title: &'static str,
    pub action_hint: &'static str,
    /// The owner picker's hint beside those the clock names as responsible.
    pub responsible_hint: &'static str,
    /// The picker of the month an item moves to.
    pub move_title: &'static str,
    /// The prompt for a new item's title.
    pub new_title: &'static str,
    pub new_hint: &'static str,
    /// The picker of a new item's month.
    pub new_month_title: &'static str,
    /// Asks before taking `{item}` off the clock.
    pub remove_confirm: &'static str,
    /// Said when an item was marked, moved, added or removed (`{item}`, and `{what}`).
    pub marked: &'static str,
    pub moved: &'static str,
    pub added: &'static str,
    pub removed: &'static str,
    /// The minutes' heading of the clock items the meeting handled.
    pub minutes_heading: &'static str,
    /// The minutes: the year clock was gone through and nothing changed.
    pub minutes_none: &'static str,
    /// The minutes: an item was added to the clock.
    pub minutes_added: &'static str,
    /// The minutes: an item was taken off the clock.
    pub minutes_removed: &'static str,
    /// The minutes: an item was moved (`{when}`).
    pub minutes_moved: &'static str,
    /// The minutes: an item's status in a school year (`{status}`, `{year}`).
    pub minutes_marked: &'static str,
    /// The minutes: an action agreed on the item (`{text}`, `{owner}`).
    pub minutes_action: &'static str,
}

pub const FI: ClockWalkText = ClockWalkText {
    summary_months: "Vuosikello: {this} ja {next}",
    summary_year: "Vuosikello: lukuvuosi {year}",
    count_items: ["{n} kohta", "{n} kohtaa"],
    empty: "Vuosikellossa ei ole tälle eikä ensi kuulle mitään.",
    no_clock: "Ryhmällä ei ole vielä vuosikelloa. Sen voi aloittaa mallista komennolla parvi clock init --group {group}",
    columns: ["Kohta", "Milloin", "Vastuu", "Tila"],
    overdue: "myöhässä",
    students: "Opiskelijat",
    actions: "Toimenpiteet",
    key_mark: "merkitse",
    key_action: "toimenpide",
    key_move: "siirrä",
    key_new: "uusi kohta",
    key_remove: "poista kohta",
    mark_title: "Tilanne {year}: {item}",
    action_title: "Toimenpide: {item}",
    action_hint: "Mitä tehdään? Vastuuhenkilö valitaan seuraavaksi.",
    responsible_hint: "vastuussa vuosikellossa",
    move_title: "Mihin kuukauteen {item} siirretään?",
    new_title: "Uusi kohta vuosikelloon",
    new_hint: "Otsikko, esimerkiksi Hyvinvointikyselyn tulokset opiskelijoille",
    new_month_title: "Minä kuukautena {item} on?",
    remove_confirm: "Poistetaanko vuosikellosta {item}?",
    marked: "{item}: {what}",
    moved: "{item} siirrettiin: {what}",
    added: "Vuosikelloon lisättiin {item}",
    removed: "Vuosikellosta poistettiin {item}",
    minutes_heading: "Vuosikello",
    minutes_none: "Vuosikelloon ei tehty muutoksia.",
    minutes_added: "lisättiin vuosikelloon",
    minutes_removed: "poistettiin vuosikellosta",
    minutes_moved: "siirrettiin: {when}",
    minutes_marked: "{status} (lukuvuosi {year})",
    minutes_action: "toimenpide: {text} ({owner})",
};

pub const SV: ClockWalkText = ClockWalkText {
    summary_months: "Årsklockan: {this} och {next}",
    summary_year: "Årsklockan: läsåret {year}",
    count_items: ["{n} punkt", "{n} punkter"],
    empty: "Årsklockan har ingenting för den här eller nästa månad.",
    no_clock: "Gruppen har ingen årsklocka ännu. Den kan startas från mallen med parvi clock init --group {group}",
    columns: ["Punkt", "När", "Ansvar", "Läge"],
    overdue: "försenad",
    students: "Studerande",
    actions: "Åtgärder",
    key_mark: "markera",
    key_action: "åtgärd",
    key_move: "flytta",
    key_new: "ny punkt",
    key_remove: "ta bort punkten",
    mark_title: "Läget {year}: {item}",
    action_title: "Åtgärd: {item}",
    action_hint: "Vad görs? Den ansvariga väljs härnäst.",
    responsible_hint: "ansvarig i årsklockan",
    move_title: "Till vilken månad flyttas {item}?",
    new_title: "Ny punkt i årsklockan",
    new_hint: "Rubrik, till exempel Enkätresultaten till de studerande",
    new_month_title: "Vilken månad gäller {item}?",
    remove_confirm: "Ta bort {item} ur årsklockan?",
    marked: "{item}: {what}",
    moved: "{item} flyttades: {what}",
    added: "{item} lades till i årsklockan",
    removed: "{item} togs bort ur årsklockan",
    minutes_heading: "Årsklockan",
    minutes_none: "Inga ändringar gjordes i årsklockan.",
    minutes_added: "lades till i årsklockan",
    minutes_removed: "togs bort ur årsklockan",
    minutes_moved: "flyttades: {when}",
    minutes_marked: "{status} (läsåret {year})",
    minutes_action: "åtgärd: {text} ({owner})",
};

pub const EN: ClockWalkText = ClockWalkText {
    summary_months: "Year clock: {this} and {next}",
    summary_year: "Year clock: school year {year}",
    count_items: ["{n} item", "{n} items"],
    empty: "The year clock has nothing for this month or next.",
    no_clock: "The group has no year clock yet. Start one from the template with parvi clock init --group {group}",
    columns: ["Item", "When", "Responsible", "Status"],
    overdue: "overdue",
    students: "Students",
    actions: "Actions",
    key_mark: "mark",
    key_action: "action",
    key_move: "move",
    key_new: "new item",
    key_remove: "remove item",
    mark_title: "Status {year}: {item}",
    action_title: "Action: {item}",
    action_hint: "What will be done? The owner is chosen next.",
    responsible_hint: "responsible on the clock",
    move_title: "Which month does {item} move to?",
    new_title: "New item on the year clock",
    new_hint: "A title, for example Survey results to the students",
    new_month_title: "Which month is {item} in?",
    remove_confirm: "Take {item} off the year clock?",
    marked: "{item}: {what}",
    moved: "{item} moved: {what}",
    added: "{item} was added to the year clock",
    removed: "{item} was taken off the year clock",
    minutes_heading: "Year clock",
    minutes_none: "No changes were made to the year clock.",
    minutes_added: "added to the year clock",
    minutes_removed: "taken off the year clock",
    minutes_moved: "moved: {when}",
    minutes_marked: "{status} (school year {year})",
    minutes_action: "action: {text} ({owner})",
};
