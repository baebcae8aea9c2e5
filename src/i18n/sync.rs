//! The strings of sync conflicts (`store::conflicts`), in fi, sv and en: what
//! `parvi sessions conflicts` and `parvi groups conflicts` say, and the app's notice.

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct SyncText {
    // ---- the commands' help ----
    pub help_sessions: &'static str,
    pub help_groups: &'static str,
    pub help_arg_keep: &'static str,
    pub help_arg_settle: &'static str,

    // ---- listing ----
    pub none: &'static str,
    /// A meeting's conflict: `{title}`, `{time}`, `{id}`.
    pub session_header: &'static str,
    /// A group's conflict: `{name}`, `{id}`.
    pub group_header: &'static str,
    /// One meeting file: `{events}`, `{last}` event's time, `{status}`.
    pub session_file: &'static str,
    /// The meeting's own file is gone: `{file}`.
    pub original_missing: &'static str,
    /// `{n}` first events the same in every file.
    pub shared: &'static str,
    pub only_here: &'static str,
    /// After the first events listed: `{n}` more.
    pub more: &'static str,
    pub same: &'static str,
    /// `{file}` holds every event of the others.
    pub contains: &'static str,
    pub diverged: &'static str,
    pub different: &'static str,
    pub unreadable: &'static str,
    /// Group members missing from this file, only in it, changed: `{members}`.
    pub members_missing: &'static str,
    pub members_only_here: &'static str,
    pub members_changed: &'static str,
    /// Other ways a group's copy differs: `{fields}`.
    pub fields_differ: &'static str,
    /// Name, kind, site, seating order.
    pub field_names: [&'static str; 4],
    pub group_same: &'static str,
    pub group_choose: &'static str,

    // ---- settling ----
    pub kept: &'static str,
    pub removed: &'static str,
    /// A removed meeting file had `{n}` events the kept one lacks.
    pub removed_lost: &'static str,
    /// `{n}` conflicts left for the facilitator.
    pub left: &'static str,
    /// `{file}` given to `--keep` is in no conflict.
    pub not_in_conflict: &'static str,
    /// The command that lists them: `{command}`.
    pub hint_list: &'static str,

    // ---- the app ----
    /// `{n}` meetings with conflict copies.
    pub notice_sessions: &'static str,
    /// `{n}` groups with conflict copies.
    pub notice_groups: &'static str,
}

pub const FI: SyncText = SyncText {
    help_sessions: "Kokousten ristiriitakopiot synkronoinnista: mikä eroaa, ja yhden säilyttäminen.",
    help_groups: "Ryhmien ristiriitakopiot synkronoinnista: mikä eroaa, ja yhden säilyttäminen.",
    help_arg_keep: "Säilytä tämä tiedosto (nimi tai polku niin kuin luettelo sen näyttää) ja poista ristiriidan muut tiedostot.",
    help_arg_settle: "Ratkaise kaikki ristiriidat, joissa yhden tiedoston säilyttäminen ei hävitä mitään.",
    none: "Ei synkronoinnin ristiriitoja.",
    session_header: "Kokous {title}, {time} ({id}):",
    group_header: "Ryhmä {name} ({id}):",
    session_file: "tapahtumia {events}, viimeisin {last}, {status}",
    original_missing: "{file} puuttuu, joten kopio näytetään kokouksena.",
    shared: "Tiedostojen {n} ensimmäistä tapahtumaa ovat samat.",
    only_here: "vain tässä tiedostossa:",
    more: "… ja {n} muuta",
    same: "Tiedostot ovat samat: kumman tahansa säilyttäminen ei hävitä mitään (parvi sessions conflicts --settle).",
    contains: "{file} sisältää muiden kaikki tapahtumat: sen säilyttäminen ei hävitä mitään (parvi sessions conflicts --settle).",
    diverged: "Tiedostoissa on tapahtumia, joita muissa ei ole: mikään niistä ei sisällä koko kokousta. Säilytä se, johon luotat: --keep TIEDOSTO. Vain muissa olevat tapahtumat häviävät.",
    different: "Tiedostoissa on eri kokoukset (eri tunniste, ryhmä, esityslista tai läsnäolo). Säilytä yksi: --keep TIEDOSTO.",
    unreadable: "Jotakin tiedostoa ei voi lukea. Säilytä luettava: --keep TIEDOSTO.",
    members_missing: "tästä puuttuvat: {members}",
    members_only_here: "vain tässä: {members}",
    members_changed: "muuttuneet: {members}",
    fields_differ: "eroaa myös: {fields}",
    field_names: ["nimi", "tyyppi", "toimipaikka", "istumajärjestys"],
    group_same: "Tiedostot ovat samat: kumman tahansa säilyttäminen ei hävitä mitään (parvi groups conflicts --settle).",
    group_choose: "Säilytä yksi: --keep TIEDOSTO. Muiden muutokset häviävät; tee ne sen jälkeen uudelleen komennolla parvi groups edit.",
    kept: "Säilytetty: {file}",
    removed: "Poistettu: {file}",
    removed_lost: "Poistettu: {file} (tapahtumia, joita säilytetyssä ei ole: {n})",
    left: "Ratkaisematta: {n}. Valitse säilytettävä tiedosto: --keep TIEDOSTO.",
    not_in_conflict: "{file} ei ole minkään ristiriidan tiedosto.",
    hint_list: "Ristiriidat luettelee: {command}",
    notice_sessions: "Kokouksista on synkronoinnin ristiriitakopioita ({n}): parvi sessions conflicts",
    notice_groups: "Ryhmistä on synkronoinnin ristiriitakopioita ({n}): parvi groups conflicts",
};

pub const SV: SyncText = SyncText {
    help_sessions: "Mötenas konfliktkopior från synkroniseringen: vad som skiljer, och att behålla en.",
    help_groups: "Gruppernas konfliktkopior från synkroniseringen: vad som skiljer, och att behålla en.",
    help_arg_keep: "Behåll den här filen (namnet eller sökvägen som listan visar den) och ta bort konfliktens andra filer.",
    help_arg_settle: "Lös alla konflikter där det inte går förlorat något när en fil behålls.",
    none: "Inga synkroniseringskonflikter.",
    session_header: "Möte {title}, {time} ({id}):",
    group_header: "Grupp {name} ({id}):",
    session_file: "händelser {events}, senaste {last}, {status}",
    original_missing: "{file} saknas, så kopian visas som mötet.",
    shared: "Filernas {n} första händelser är desamma.",
    only_here: "bara i den här filen:",
    more: "… och {n} till",
    same: "Filerna är likadana: inget går förlorat vilken som än behålls (parvi sessions conflicts --settle).",
    contains: "{file} innehåller alla de andras händelser: inget går förlorat om den behålls (parvi sessions conflicts --settle).",
    diverged: "Filerna har händelser som de andra saknar: ingen av dem innehåller hela mötet. Behåll den du litar på: --keep FIL. Händelserna som bara finns i de andra går förlorade.",
    different: "Filerna innehåller olika möten (annat id, annan grupp, föredragningslista eller närvaro). Behåll en: --keep FIL.",
    unreadable: "En fil kan inte läsas. Behåll den läsbara: --keep FIL.",
    members_missing: "saknas här: {members}",
    members_only_here: "bara här: {members}",
    members_changed: "ändrade: {members}",
    fields_differ: "skiljer sig också: {fields}",
    field_names: ["namn", "typ", "verksamhetsställe", "sittordning"],
    group_same: "Filerna är likadana: inget går förlorat vilken som än behålls (parvi groups conflicts --settle).",
    group_choose: "Behåll en: --keep FIL. De andras ändringar går förlorade; gör dem sedan på nytt med parvi groups edit.",
    kept: "Behölls: {file}",
    removed: "Togs bort: {file}",
    removed_lost: "Togs bort: {file} (händelser som den behållna saknar: {n})",
    left: "Olösta: {n}. Välj filen som ska behållas: --keep FIL.",
    not_in_conflict: "{file} hör inte till någon konflikt.",
    hint_list: "Konflikterna listas av: {command}",
    notice_sessions: "Möten har konfliktkopior från synkroniseringen ({n}): parvi sessions conflicts",
    notice_groups: "Grupper har konfliktkopior från synkroniseringen ({n}): parvi groups conflicts",
};

pub const EN: SyncText = SyncText {
    help_sessions: "Meetings' conflict copies from syncing: what differs, and keeping one.",
    help_groups: "Groups' conflict copies from syncing: what differs, and keeping one.",
    help_arg_keep: "Keep this file (its name or path as the list shows it) and remove the other files of its conflict.",
    help_arg_settle: "Settle every conflict where keeping one file loses nothing.",
    none: "No sync conflicts.",
    session_header: "Meeting {title}, {time} ({id}):",
    group_header: "Group {name} ({id}):",
    session_file: "events {events}, last {last}, {status}",
    original_missing: "{file} is missing, so the copy is shown as the meeting.",
    shared: "The files' first {n} events are the same.",
    only_here: "only in this file:",
    more: "… and {n} more",
    same: "The files are the same: keeping either loses nothing (parvi sessions conflicts --settle).",
    contains: "{file} holds every event of the others: keeping it loses nothing (parvi sessions conflicts --settle).",
    diverged: "The files have events the others lack: none of them holds the whole meeting. Keep the one you trust: --keep FILE. The events only in the others are lost.",
    different: "The files hold different meetings (another id, group, agenda or attendance). Keep one: --keep FILE.",
    unreadable: "A file cannot be read. Keep the readable one: --keep FILE.",
    members_missing: "missing here: {members}",
    members_only_here: "only here: {members}",
    members_changed: "changed: {members}",
    fields_differ: "also differs: {fields}",
    field_names: ["name", "kind", "site", "seating order"],
    group_same: "The files are the same: keeping either loses nothing (parvi groups conflicts --settle).",
    group_choose: "Keep one: --keep FILE. The others' changes are lost; make them again with parvi groups edit.",
    kept: "Kept: {file}",
    removed: "Removed: {file}",
    removed_lost: "Removed: {file} (events the kept one lacks: {n})",
    left: "Left to settle: {n}. Choose the file to keep: --keep FILE.",
    not_in_conflict: "{file} is not a file of any conflict.",
    hint_list: "The conflicts are listed by: {command}",
    notice_sessions: "Meetings have conflict copies from syncing ({n}): parvi sessions conflicts",
    notice_groups: "Groups have conflict copies from syncing ({n}): parvi groups conflicts",
};
