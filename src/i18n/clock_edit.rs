//! The strings of the year clock's editor on the clock screen (outside a meeting), in fi,
//! sv and en. The dialogs it shares with a meeting's walk through the clock (moving, adding,
//! removing, marking) use `clock_walk`'s strings.

use serde::Serialize;

/// Every string of the clock editor.
#[derive(Debug, Serialize)]
pub struct ClockEditText {
    pub key_mark: &'static str,
    pub key_edit: &'static str,
    pub key_move: &'static str,
    pub key_responsible: &'static str,
    pub key_new: &'static str,
    pub key_remove: &'static str,
    pub key_start: &'static str,
    /// Asks before starting group `{group}`'s clock from the template.
    pub start_confirm: &'static str,
    /// Said when the clock was started (`{count}` items).
    pub started: &'static str,
    /// Under "no clock yet": the key that starts one (`{key}`).
    pub start_hint: &'static str,
    pub title_title: &'static str,
    pub title_hint: &'static str,
    pub description_title: &'static str,
    pub description_hint: &'static str,
    pub students_title: &'static str,
    pub students_hint: &'static str,
    /// The picker of who answers for `{item}`: picking one adds or removes it.
    pub responsible_title: &'static str,
    /// Beside those already responsible in that picker.
    pub responsible_on: &'static str,
    /// Said when an item's texts were saved.
    pub saved: &'static str,
    /// The clock screen is read-only: another parvi holds the data.
    pub read_only: &'static str,
}

pub const FI: ClockEditText = ClockEditText {
    key_mark: "merkitse",
    key_edit: "muokkaa",
    key_move: "siirrä",
    key_responsible: "vastuu",
    key_new: "uusi kohta",
    key_remove: "poista",
    key_start: "aloita mallista",
    start_confirm: "Aloitetaanko ryhmän {group} vuosikello parvin mallista? Mallia voi muokata vapaasti.",
    started: "Vuosikello aloitettiin mallista: {count} kohtaa.",
    start_hint: "Aloita vuosikello mallista: {key}",
    title_title: "Kohdan otsikko",
    title_hint: "Lyhyt nimi, joka näkyy kellossa",
    description_title: "Mitä tehdään?",
    description_hint: "Kuvaus kohdasta. Tyhjä: ei kuvausta.",
    students_title: "Opiskelijoiden osuus",
    students_hint: "Mitä opiskelijat tekevät? Tyhjä: ei erikseen mitään.",
    responsible_title: "Kuka vastaa: {item}",
    responsible_on: "✓ vastuussa",
    saved: "Tallennettu: {item}",
    read_only: "Vuosikelloa voi vain katsella: toinen parvi käyttää samaa dataa.",
};

pub const SV: ClockEditText = ClockEditText {
    key_mark: "markera",
    key_edit: "redigera",
    key_move: "flytta",
    key_responsible: "ansvar",
    key_new: "ny punkt",
    key_remove: "ta bort",
    key_start: "starta från mallen",
    start_confirm: "Starta gruppen {group}s årsklocka från parvis mall? Mallen kan ändras fritt.",
    started: "Årsklockan startades från mallen: {count} punkter.",
    start_hint: "Starta årsklockan från mallen: {key}",
    title_title: "Punktens rubrik",
    title_hint: "Ett kort namn som syns i klockan",
    description_title: "Vad görs?",
    description_hint: "En beskrivning av punkten. Tom: ingen beskrivning.",
    students_title: "De studerandes del",
    students_hint: "Vad gör de studerande? Tom: inget särskilt.",
    responsible_title: "Vem ansvarar: {item}",
    responsible_on: "✓ ansvarig",
    saved: "Sparat: {item}",
    read_only: "Årsklockan kan bara läsas: en annan parvi använder samma data.",
};

pub const EN: ClockEditText = ClockEditText {
    key_mark: "mark",
    key_edit: "edit",
    key_move: "move",
    key_responsible: "responsible",
    key_new: "new item",
    key_remove: "remove",
    key_start: "start from the template",
    start_confirm: "Start the year clock of {group} from parvi's template? The template can be changed freely.",
    started: "The year clock was started from the template: {count} items.",
    start_hint: "Start the year clock from the template: {key}",
    title_title: "The item's title",
    title_hint: "A short name shown on the clock",
    description_title: "What is done?",
    description_hint: "A description of the item. Empty: none.",
    students_title: "The students' part",
    students_hint: "What do the students do? Empty: nothing in particular.",
    responsible_title: "Who is responsible: {item}",
    responsible_on: "✓ responsible",
    saved: "Saved: {item}",
    read_only: "The year clock can only be looked at: another parvi is using the same data.",
};
