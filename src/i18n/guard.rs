//! The strings of the guard before publishing (`export::guard`), in fi, sv and en: the words
//! of individual health and welfare matters it looks for, the personal pronouns that tie
//! such a word to a person, and what the command line and the app say about its hits.
//!
//! The word lists are stems matched at the start of a word, lower case, so that one stem
//! finds a Finnish word in every case and compound ("masennu" finds "masennuksesta",
//! "lastensuojel" finds "lastensuojeluilmoitus"). A term of two words ("mental health") is
//! two stems in a row. The guard checks every language's words whatever the language of the
//! text: a Finnish group may write "ADHD" or "self-harm".

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct GuardText {
    /// Stems of words for an individual's health or welfare matter (diagnoses, child
    /// protection, mental health, self-harm, substances, pregnancy, illness, medication,
    /// taking into care). Not in the catalogue's string checks: the lists differ in length.
    #[serde(skip)]
    pub health_words: &'static [&'static str],
    /// Personal pronouns and possessives, whole words: one in the sentence of a health word
    /// makes it a matter *with a person*.
    #[serde(skip)]
    pub pronouns: &'static [&'static str],

    // ---- where a hit is ----
    pub place_topic: &'static str,
    /// A turn note, `{n}` in the meeting's order.
    pub place_note: &'static str,
    /// An idea by its number `{n}`.
    pub place_idea: &'static str,
    pub place_theme: &'static str,
    /// An option `{n}` of vote `{vote}`.
    pub place_option: &'static str,
    pub place_decision: &'static str,
    /// An action agreed in this meeting, `{n}` as in the minutes' table.
    pub place_action: &'static str,
    /// An earlier action followed up, `{n}` in the follow-up's order.
    pub place_followup: &'static str,
    /// A year clock item `{title}`.
    pub place_clock: &'static str,

    // ---- what a hit is ----
    /// A name: `{name}` of the group or the meeting, their `{role}`.
    pub kind_name: &'static str,
    pub kind_health: &'static str,
    /// A health word with a name or a pronoun in the same sentence.
    pub kind_health_person: &'static str,

    // ---- the command line ----
    /// Before the hits: `{n}` places.
    pub cli_found: &'static str,
    /// After them: nothing was written, and how to publish anyway.
    pub cli_refused: &'static str,
    pub cli_hint: &'static str,
    pub help_arg_checked: &'static str,

    // ---- the app ----
    pub dialog_title: &'static str,
    /// Above the hits: `{n}` places.
    pub dialog_intro: &'static str,
    pub key_publish: &'static str,
    pub key_fix: &'static str,
    /// Said when the facilitator cancels.
    pub cancelled: &'static str,
}

pub const FI: GuardText = GuardText {
    health_words: &[
        "masennu",
        "masentu",
        "ahdistu",
        "paniikkihäiri",
        "diagnoo",
        "diagnos",
        "adhd",
        "autis",
        "asperger",
        "lukihäiri",
        "syömishäiri",
        "anoreksi",
        "bulimi",
        "lastensuojel",
        "huostaan",
        "mielenterv",
        "psykiatr",
        "psykoo",
        "terapi",
        "itsetuho",
        "itsemurh",
        "viiltel",
        "päihde",
        "päihte",
        "huume",
        "raskau",
        "raskaana",
        "sairau",
        "sairas",
        "lääkity",
        "kaltoinkohtel",
        "perheväkival",
    ],
    pronouns: &[
        "hän",
        "hänen",
        "häntä",
        "hänet",
        "hänelle",
        "hänellä",
        "häneltä",
        "hänestä",
        "häneen",
        "hänessä",
        "hänkin",
        "hänenkin",
        "hänellekin",
    ],
    place_topic: "aihe",
    place_note: "muistiinpano {n}",
    place_idea: "idea {n}",
    place_theme: "teema",
    place_option: "äänestys {vote}, vaihtoehto {n}",
    place_decision: "päätös {n}",
    place_action: "toimenpide {n}",
    place_followup: "aiempi toimenpide {n}",
    place_clock: "vuosikello: {title}",
    kind_name: "nimi: {name} ({role})",
    kind_health: "terveys tai hyvinvointi",
    kind_health_person: "terveys tai hyvinvointi, henkilöön liittyen",
    cli_found: "Julkaistavassa tekstissä on {n} kohtaa, jotka voivat nimetä opiskelijan tai kertoa yksittäisen ihmisen terveydestä tai hyvinvoinnista:",
    cli_refused: "Tiedostoa ei kirjoitettu. Yhteisöllinen hyvinvointiryhmä ei kirjaa yksittäisen opiskelijan asioita.",
    cli_hint: "Korjaa teksti kokouksen tietoihin. Jos olet katsonut kohdat ja teksti saa mennä sellaisenaan, aja sama komento valitsimella --checked.",
    help_arg_checked: "Katsoin julkaisun tarkistuksen kohdat: julkaise teksti sellaisenaan.",
    dialog_title: "Tarkista ennen julkaisua",
    dialog_intro: "Tekstissä on {n} kohtaa, jotka voivat nimetä opiskelijan tai kertoa yksittäisen ihmisen terveydestä tai hyvinvoinnista. Yhteisöllinen hyvinvointiryhmä ei kirjaa yksittäisen opiskelijan asioita.",
    key_publish: "julkaise silti",
    key_fix: "peruuta ja korjaa teksti kokouksen tietoihin",
    cancelled: "Ei julkaistu. Korjaa teksti kokouksen tietoihin ja vie sitten uudelleen.",
};

pub const SV: GuardText = GuardText {
    health_words: &[
        "depression",
        "deprimer",
        "ångest",
        "panikångest",
        "diagnos",
        "adhd",
        "autism",
        "asperger",
        "dyslexi",
        "ätstörning",
        "anorexi",
        "bulimi",
        "barnskydd",
        "omhändertag",
        "psykisk ohäls",
        "psykiatr",
        "psykos",
        "terapi",
        "självskad",
        "självmord",
        "missbruk",
        "narkotik",
        "gravid",
        "sjukdom",
        "medicinering",
    ],
    pronouns: &[
        "hon", "han", "hen", "henne", "honom", "henom", "hans", "hennes", "hens",
    ],
    place_topic: "ämne",
    place_note: "anteckning {n}",
    place_idea: "idé {n}",
    place_theme: "tema",
    place_option: "omröstning {vote}, alternativ {n}",
    place_decision: "beslut {n}",
    place_action: "åtgärd {n}",
    place_followup: "tidigare åtgärd {n}",
    place_clock: "årsklockan: {title}",
    kind_name: "namn: {name} ({role})",
    kind_health: "hälsa eller välmående",
    kind_health_person: "hälsa eller välmående, med en person",
    cli_found: "Texten som ska publiceras har {n} ställen som kan nämna en studerande eller berätta om en enskild persons hälsa eller välmående:",
    cli_refused: "Filen skrevs inte. En gemensam välmåendegrupp antecknar inte enskilda studerandes ärenden.",
    cli_hint: "Rätta texten i mötets uppgifter. Om du har gått igenom ställena och texten kan publiceras som den är, kör samma kommando med --checked.",
    help_arg_checked: "Jag har gått igenom kontrollens träffar: publicera texten som den är.",
    dialog_title: "Kontrollera före publicering",
    dialog_intro: "Texten har {n} ställen som kan nämna en studerande eller berätta om en enskild persons hälsa eller välmående. En gemensam välmåendegrupp antecknar inte enskilda studerandes ärenden.",
    key_publish: "publicera ändå",
    key_fix: "avbryt och rätta texten i mötets uppgifter",
    cancelled: "Inte publicerat. Rätta texten i mötets uppgifter och exportera sedan på nytt.",
};

pub const EN: GuardText = GuardText {
    health_words: &[
        "depressi",
        "depressed",
        "anxiety",
        "anxious",
        "panic disorder",
        "diagnos",
        "adhd",
        "autis",
        "asperger",
        "dyslexi",
        "eating disorder",
        "anorexi",
        "bulimi",
        "child protection",
        "child welfare",
        "taken into care",
        "mental health",
        "mental illness",
        "psychiatr",
        "psychos",
        "psychotic",
        "therap",
        "self-harm",
        "self harm",
        "suicid",
        "substance abuse",
        "addict",
        "pregnan",
        "illness",
        "medication",
    ],
    pronouns: &[
        "he", "she", "him", "her", "his", "hers", "herself", "himself",
    ],
    place_topic: "topic",
    place_note: "note {n}",
    place_idea: "idea {n}",
    place_theme: "theme",
    place_option: "vote {vote}, option {n}",
    place_decision: "decision {n}",
    place_action: "action {n}",
    place_followup: "earlier action {n}",
    place_clock: "year clock: {title}",
    kind_name: "name: {name} ({role})",
    kind_health: "health or welfare",
    kind_health_person: "health or welfare, with a person",
    cli_found: "The text to be published has {n} places that may name a student or tell of one person's health or welfare:",
    cli_refused: "No file was written. A community wellbeing group does not record an individual student's matters.",
    cli_hint: "Fix the text in the meeting's record. If you have looked at these places and the text may go out as it is, run the same command with --checked.",
    help_arg_checked: "I have looked at the guard's findings: publish the text as it is.",
    dialog_title: "Check before publishing",
    dialog_intro: "The text has {n} places that may name a student or tell of one person's health or welfare. A community wellbeing group does not record an individual student's matters.",
    key_publish: "publish anyway",
    key_fix: "cancel and fix the text in the meeting's record",
    cancelled: "Not published. Fix the text in the meeting's record, then export again.",
};
