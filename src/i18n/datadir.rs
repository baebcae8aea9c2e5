//! The strings about the data directory itself, in fi, sv and en: a directory open to other
//! users, one owned by someone else, one that cannot be written (see `store::datadir`).

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct DataDirText {
    /// Every user could read and change `{path}` (its mode `{old}`); parvi made it private.
    pub open_to_all: &'static str,
    /// Other users could read `{path}` (its mode `{old}`); parvi made it private.
    pub open_to_others: &'static str,
    /// `{path}` belongs to the user with the id `{owner}`; left as it is.
    pub not_owned: &'static str,
    /// `{path}` cannot be written (`{reason}`, the system's words): read-only.
    pub unwritable: &'static str,
}

pub const FI: DataDirText = DataDirText {
    open_to_all: "Varoitus: hakemistoa {path} saattoivat lukea ja muuttaa kaikki tämän tietokoneen käyttäjät (oikeudet {old}). parvi rajasi sen vain sinulle (0700), koska kokousten tiedot ovat henkilötietoja.",
    open_to_others: "Varoitus: hakemisto {path} oli muidenkin käyttäjien luettavissa (oikeudet {old}). parvi rajasi sen vain sinulle (0700), koska kokousten tiedot ovat henkilötietoja.",
    not_owned: "Varoitus: hakemisto {path} kuuluu toiselle käyttäjälle (käyttäjätunnus {owner}), joten parvi ei ehkä voi tallentaa siihen. Vaihda hakemiston omistaja (chown) tai valitse toinen datahakemisto (--data-dir).",
    unwritable: "Vain luku: hakemistoon {path} ei voi kirjoittaa ({reason}). Kokouksia voi katsella, mutta uutta ei voi aloittaa.",
};

pub const SV: DataDirText = DataDirText {
    open_to_all: "Varning: alla användare på den här datorn kunde läsa och ändra mappen {path} (behörighet {old}). parvi gjorde den privat (0700), eftersom mötesuppgifter är personuppgifter.",
    open_to_others: "Varning: andra användare kunde läsa mappen {path} (behörighet {old}). parvi gjorde den privat (0700), eftersom mötesuppgifter är personuppgifter.",
    not_owned: "Varning: mappen {path} tillhör en annan användare (användar-id {owner}), så parvi kan kanske inte spara i den. Byt ägare till mappen (chown) eller välj en annan datamapp (--data-dir).",
    unwritable: "Endast läsning: det går inte att skriva i mappen {path} ({reason}). Möten kan visas, men inga nya kan startas.",
};

pub const EN: DataDirText = DataDirText {
    open_to_all: "Warning: every user of this computer could read and change the directory {path} (mode {old}). parvi made it private (0700): meeting records are personal data.",
    open_to_others: "Warning: other users could read the directory {path} (mode {old}). parvi made it private (0700): meeting records are personal data.",
    not_owned: "Warning: the directory {path} belongs to another user (user id {owner}), so parvi may be unable to save in it. Change its owner (chown) or choose another data directory (--data-dir).",
    unwritable: "Read-only: the directory {path} cannot be written ({reason}). Meetings can be viewed, but none can be started.",
};
