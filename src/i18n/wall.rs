//! The strings of the room's wall (`parvi wall`), in fi, sv and en: what the projected
//! window says instead of the facilitator's keys, and its own screens (waiting, the end).
//!
//! A struct of its own so the catalogue grows in parts; `Text` holds one per language.

use serde::Serialize;

/// Every string of the wall.
#[derive(Debug, Serialize)]
pub struct WallText {
    /// `parvi wall --help`.
    pub help: &'static str,
    /// The meeting's key that says how to open the wall, and what it says.
    pub key_how: &'static str,
    pub how: &'static str,
    /// What that key says when a wall already follows, and the mark in the meeting's header.
    pub how_open: &'static str,
    pub open_mark: &'static str,

    // ---- its own screens ----
    /// No meeting is running in the data directory.
    pub waiting: &'static str,
    pub waiting_hint: &'static str,
    /// How to close the wall, on its own screens only.
    pub quit_hint: &'static str,
    /// Under the meeting's end (the summary's own title): the counts of what it produced.
    pub ended_counts: &'static str,
    pub thanks: &'static str,
    /// The facilitator's parvi stopped without ending the meeting.
    pub interrupted: &'static str,
    /// The meeting is paused.
    pub paused: &'static str,

    // ---- in place of the facilitator's keys ----
    /// Between items: the next one, or that the agenda is done.
    pub next_item: &'static str,
    pub agenda_done: &'static str,
    pub ideas_private: &'static str,
    pub ideas_hidden: &'static str,
    pub ideas_empty: &'static str,
    pub no_themes: &'static str,
    pub vote_coming: &'static str,
    pub everyone_voted: &'static str,
}

pub const FI: WallText = WallText {
    key_how: "seinänäkymä",
    how: "Seinänäkymä: avaa toinen pääte, kirjoita parvi wall ja vedä se projektorille.",
    how_open: "Seinä on auki. Pidä tämä näyttö poissa projektorilta: idean teksti näkyy tässä.",
    open_mark: "seinä auki",
    help: "Avaa seinänäkymä projektorille: toinen ikkuna, joka näyttää käynnissä olevan \
           kokouksen huoneelle ilman vetäjän näppäimiä, valikoita ja keskeneräisiä ääniä.",
    waiting: "Odotetaan kokousta",
    waiting_hint: "Kokous näkyy tässä, kun se alkaa parvissa. Tämä ikkuna vain näyttää: \
                   kokousta ohjataan toisesta ikkunasta.",
    quit_hint: "q sulkee tämän ikkunan",
    ended_counts: "Päätöksiä {decisions} · toimenpiteitä {actions}",
    thanks: "Kiitos kaikille!",
    interrupted: "Kokous keskeytyi. Se jatkuu, kun vetäjä avaa sen uudelleen.",
    paused: "Tauko",
    next_item: "Seuraavaksi: {title}",
    agenda_done: "Esityslista on käyty läpi.",
    ideas_private: "Ideat tulevat näkyviin, kun ne paljastetaan.",
    ideas_hidden: "{count} vielä piilossa",
    ideas_empty: "Ideoita ei ole vielä.",
    no_themes: "Teemoja ei ole vielä.",
    vote_coming: "Äänestystä valmistellaan.",
    everyone_voted: "Kaikki ovat äänestäneet.",
};

pub const SV: WallText = WallText {
    key_how: "väggvy",
    how: "Väggvy: öppna en andra terminal, skriv parvi wall och dra den till projektorn.",
    how_open: "Väggen är öppen. Visa inte den här skärmen på projektorn: idéns text syns här.",
    open_mark: "väggen öppen",
    help: "Öppna väggvyn för projektorn: ett andra fönster som visar det pågående mötet för \
           rummet utan ledarens tangenter, menyer och röster som fylls i.",
    waiting: "Väntar på ett möte",
    waiting_hint: "Mötet syns här när det börjar i parvi. Det här fönstret bara visar: \
                   mötet leds från det andra fönstret.",
    quit_hint: "q stänger det här fönstret",
    ended_counts: "Beslut {decisions} · åtgärder {actions}",
    thanks: "Tack alla!",
    interrupted: "Mötet avbröts. Det fortsätter när ledaren öppnar det igen.",
    paused: "Paus",
    next_item: "Härnäst: {title}",
    agenda_done: "Föredragningslistan är genomgången.",
    ideas_private: "Idéerna syns när de visas.",
    ideas_hidden: "{count} ännu dolda",
    ideas_empty: "Inga idéer ännu.",
    no_themes: "Inga teman ännu.",
    vote_coming: "Omröstningen förbereds.",
    everyone_voted: "Alla har röstat.",
};

pub const EN: WallText = WallText {
    key_how: "wall view",
    how: "Wall view: open a second terminal, type parvi wall, drag it to the projector.",
    how_open: "The wall is open. Keep this screen off the projector: typed ideas show here.",
    open_mark: "wall open",
    help: "Open the wall view for the projector: a second window that shows the running \
           meeting to the room, without the facilitator's keys, menus and ballots being filled.",
    waiting: "Waiting for a meeting",
    waiting_hint: "The meeting shows here once it starts in parvi. This window only shows \
                   it: the meeting is run from the other window.",
    quit_hint: "q closes this window",
    ended_counts: "Decisions {decisions} · actions {actions}",
    thanks: "Thank you, everyone!",
    interrupted: "The meeting was interrupted. It goes on when the facilitator opens it again.",
    paused: "Paused",
    next_item: "Next: {title}",
    agenda_done: "The agenda is done.",
    ideas_private: "The ideas show here once they are revealed.",
    ideas_hidden: "{count} still hidden",
    ideas_empty: "No ideas yet.",
    no_themes: "No themes yet.",
    vote_coming: "A vote is being prepared.",
    everyone_voted: "Everyone has voted.",
};
