//! The strings of the "you said, we did" notice to students (*Sanoitte, teimme*), in fi, sv
//! and en: plain words, short enough for a Wilma or Teams notice.

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct NoticeText {
    /// The first line: `{group}` and the meeting's `{date}`.
    pub title: &'static str,
    /// Who was there: `{present}` people, `{students}` of them students, who had `{share}`
    /// of the speaking time.
    pub voice: &'static str,
    /// Who was there when nobody spoke yet, or no student was there.
    pub voice_count: &'static str,
    pub decided: &'static str,
    pub agreed: &'static str,
    /// Before the earlier actions this meeting followed up.
    pub followed: &'static str,
    /// A meeting with no decision, action or follow-up.
    pub nothing: &'static str,
    /// When the notice was cut to its length: `{n}` more lines are in the minutes.
    pub more: &'static str,
    pub closing: &'static str,

    // The notice of a term (`parvi notice --group GROUP --from DATE --to DATE`).
    /// The first line: `{group}` and the period `{from}`–`{to}`.
    pub term_title: &'static str,
    /// How many `{meetings}`, how many `{students}` took part on average and their `{share}`
    /// of the speaking time over the period: for one meeting, then for several.
    pub term_voice: [&'static str; 2],
    /// The same when nobody spoke or no student was there.
    pub term_voice_count: [&'static str; 2],
    /// Before the actions that were dropped or are late.
    pub not_done: &'static str,
    /// After them, when one was dropped: the log keeps no reason.
    pub dropped_note: &'static str,
    /// An action's latest status.
    pub done: &'static str,
    pub in_progress: &'static str,
    pub dropped: &'static str,
    /// An open action past its `{due}`.
    pub late: &'static str,
    /// A term with no decision or action.
    pub term_nothing: &'static str,

    // `parvi notice`: help and messages.
    pub help_notice: &'static str,
    pub help_arg_group: &'static str,
    pub help_arg_from: &'static str,
    pub help_arg_to: &'static str,
    pub help_arg_format: &'static str,
    pub help_arg_public: &'static str,
    pub help_arg_output: &'static str,
    pub help_arg_force: &'static str,
    /// `{arg}` was given `{value}`, which is no date.
    pub err_date: &'static str,
    /// `--from` `{from}` is after `--to` `{to}`.
    pub err_order: &'static str,
    /// `{group}` held no meeting from `{from}` to `{to}`.
    pub err_empty: &'static str,
    /// `--format {value}` is not a notice.
    pub err_format: &'static str,
}

pub const FI: NoticeText = NoticeText {
    title: "Sanoitte, teimme: {group}, {date}",
    voice: "Kokouksessa oli {present} osallistujaa, heistä {students} opiskelijaa. Opiskelijat puhuivat {share} ajasta.",
    voice_count: "Kokouksessa oli {present} osallistujaa, heistä {students} opiskelijaa.",
    decided: "Päätettiin:",
    agreed: "Sovittiin tehtäväksi:",
    followed: "Aiemmin sovitut asiat:",
    nothing: "Tässä kokouksessa ei tehty päätöksiä eikä sovittu uusia tehtäviä.",
    more: "…ja {n} muuta asiaa. Koko muistion saat hyvinvointiryhmältä.",
    closing: "Kysyttävää tai ehdotuksia? Kerro opiskelijakunnan edustajalle tai ryhmänohjaajallesi.",
    term_title: "Sanoitte, teimme: {group}, {from}–{to}",
    term_voice: [
        "Ryhmä kokoontui kerran. Kokouksessa oli {students} opiskelijaa, ja opiskelijat puhuivat {share} ajasta.",
        "Ryhmä kokoontui {meetings} kertaa. Kokouksissa oli keskimäärin {students} opiskelijaa, ja opiskelijat puhuivat {share} ajasta.",
    ],
    term_voice_count: [
        "Ryhmä kokoontui kerran. Kokouksessa oli {students} opiskelijaa.",
        "Ryhmä kokoontui {meetings} kertaa. Kokouksissa oli keskimäärin {students} opiskelijaa.",
    ],
    not_done: "Mikä jäi tekemättä:",
    dropped_note: "Syytä luopumiseen ei ole kirjattu tähän. Ryhmän muistioista saat lisätietoa.",
    done: "tehty",
    in_progress: "kesken",
    dropped: "luovuttiin",
    late: "myöhässä, piti olla valmis {due}",
    term_nothing: "Tällä jaksolla ei tehty päätöksiä eikä sovittu tehtäviä.",
    help_notice: "Sanoitte, teimme -tiedote opiskelijoille ryhmän kokouksista ajalta: päätökset, sovitut tehtävät ja niiden tilanne nyt, ilman nimiä, enintään 1 500 merkkiä.",
    help_arg_group: "Ryhmä (tunniste tai nimi).",
    help_arg_from: "Jakson ensimmäinen päivä: 1.8.2026 tai 2026-08-01.",
    help_arg_to: "Jakson viimeinen päivä: 31.12.2026 tai 2026-12-31.",
    help_arg_format: "Muoto: notice (teksti Wilmaan tai Teamsiin, enintään 1 500 merkkiä) tai notice-html (sama verkkosivuna).",
    help_arg_public: "Tiedote on aina julkinen: opiskelijoiden nimet jätetään pois.",
    help_arg_output: "Tiedosto, johon kirjoitetaan (tai hakemisto); muuten tulostetaan.",
    help_arg_force: "Korvaa olemassa oleva tiedosto.",
    err_date: "{arg}: ”{value}” ei ole päivämäärä. Kirjoita se muodossa 1.8.2026 tai 2026-08-01.",
    err_order: "Jakson alku {from} on sen lopun {to} jälkeen.",
    err_empty: "Ryhmällä {group} ei ole kokouksia ajalla {from}–{to}.",
    err_format: "Tiedotteen muoto ei voi olla ”{value}”. Sallitut: notice, notice-html.",
};

pub const SV: NoticeText = NoticeText {
    title: "Ni sade, vi gjorde: {group}, {date}",
    voice: "På mötet deltog {present} personer, varav {students} studerande. De studerande talade {share} av tiden.",
    voice_count: "På mötet deltog {present} personer, varav {students} studerande.",
    decided: "Vi beslutade:",
    agreed: "Vi kom överens om att göra:",
    followed: "Det som vi tidigare kommit överens om:",
    nothing: "På det här mötet fattades inga beslut och inga nya uppgifter avtalades.",
    more: "…och {n} saker till. Hela promemorian får du av välmåendegruppen.",
    closing: "Frågor eller förslag? Berätta för studerandekårens representant eller din grupphandledare.",
    term_title: "Ni sade, vi gjorde: {group}, {from}–{to}",
    term_voice: [
        "Gruppen träffades en gång. På mötet deltog {students} studerande, och de studerande talade {share} av tiden.",
        "Gruppen träffades {meetings} gånger. På mötena deltog i genomsnitt {students} studerande, och de studerande talade {share} av tiden.",
    ],
    term_voice_count: [
        "Gruppen träffades en gång. På mötet deltog {students} studerande.",
        "Gruppen träffades {meetings} gånger. På mötena deltog i genomsnitt {students} studerande.",
    ],
    not_done: "Det som inte blev gjort:",
    dropped_note: "Varför en uppgift slopades står inte här. Gruppens promemorior berättar mer.",
    done: "gjort",
    in_progress: "pågår",
    dropped: "slopat",
    late: "försenat, skulle vara klart {due}",
    term_nothing: "Under den här perioden fattades inga beslut och inga uppgifter avtalades.",
    help_notice: "Meddelandet Ni sade, vi gjorde till de studerande om gruppens möten under en period: besluten, de avtalade uppgifterna och hur de står nu, utan namn, högst 1 500 tecken.",
    help_arg_group: "Gruppen (id eller namn).",
    help_arg_from: "Periodens första dag: 1.8.2026 eller 2026-08-01.",
    help_arg_to: "Periodens sista dag: 31.12.2026 eller 2026-12-31.",
    help_arg_format: "Format: notice (text för Wilma eller Teams, högst 1 500 tecken) eller notice-html (samma som webbsida).",
    help_arg_public: "Meddelandet är alltid offentligt: de studerandes namn lämnas bort.",
    help_arg_output: "Filen att skriva (eller en katalog); annars skrivs det ut.",
    help_arg_force: "Skriv över en befintlig fil.",
    err_date: "{arg}: ”{value}” är inget datum. Skriv det som 1.8.2026 eller 2026-08-01.",
    err_order: "Periodens början {from} är efter dess slut {to}.",
    err_empty: "Gruppen {group} har inga möten mellan {from} och {to}.",
    err_format: "Meddelandets format kan inte vara ”{value}”. Tillåtna: notice, notice-html.",
};

pub const EN: NoticeText = NoticeText {
    title: "You said, we did: {group}, {date}",
    voice: "{present} people took part in the meeting, {students} of them students. Students spoke for {share} of the time.",
    voice_count: "{present} people took part in the meeting, {students} of them students.",
    decided: "We decided:",
    agreed: "We agreed to do:",
    followed: "What we agreed earlier:",
    nothing: "No decisions were made and no new tasks agreed at this meeting.",
    more: "…and {n} more. The wellbeing group can give you the full minutes.",
    closing: "Questions or ideas? Tell the student union representative or your group tutor.",
    term_title: "You said, we did: {group}, {from}–{to}",
    term_voice: [
        "The group met once. {students} students took part, and students spoke for {share} of the time.",
        "The group met {meetings} times. On average {students} students took part, and students spoke for {share} of the time.",
    ],
    term_voice_count: [
        "The group met once. {students} students took part.",
        "The group met {meetings} times. On average {students} students took part.",
    ],
    not_done: "What was not done:",
    dropped_note: "Why a task was dropped is not written here. The group's minutes tell more.",
    done: "done",
    in_progress: "in progress",
    dropped: "dropped",
    late: "late, was due {due}",
    term_nothing: "No decisions were made and no tasks agreed in this period.",
    help_notice: "The You said, we did notice to students on a group's meetings in a period: the decisions, the tasks agreed and how they stand now, with no names, at most 1,500 characters.",
    help_arg_group: "The group (id or name).",
    help_arg_from: "The first day of the period: 1.8.2026 or 2026-08-01.",
    help_arg_to: "The last day of the period: 31.12.2026 or 2026-12-31.",
    help_arg_format: "Format: notice (text for Wilma or Teams, at most 1,500 characters) or notice-html (the same as a web page).",
    help_arg_public: "The notice is always public: students' names are left out.",
    help_arg_output: "The file to write (or a directory); else it is printed.",
    help_arg_force: "Overwrite an existing file.",
    err_date: "{arg}: “{value}” is not a date. Write it as 1.8.2026 or 2026-08-01.",
    err_order: "The period starts on {from}, after its end on {to}.",
    err_empty: "{group} held no meetings from {from} to {to}.",
    err_format: "A notice cannot be “{value}”. Allowed: notice, notice-html.",
};
