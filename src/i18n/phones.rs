//! The strings of phone input (issue 13), in fi, sv and en: the page a participant's phone
//! shows, and what the facilitator's screen and the wall say about phones.
//!
//! A struct of its own so the catalogue grows in parts; `Text` holds one per language.

use serde::Serialize;

/// Every string of phone input.
#[derive(Debug, Serialize)]
pub struct PhonesText {
    // ---- the facilitator's screen ----
    /// The meeting's key that turns phones on or off.
    pub key: &'static str,
    /// Phones are on: where they join.
    pub on: &'static str,
    pub off: &'static str,
    /// Phones could not be turned on.
    pub failed: &'static str,
    /// The laptop has several addresses: which one phones should use.
    pub pick_address: &'static str,
    /// This computer has no address on a local network.
    pub no_address: &'static str,
    /// The mark in the meeting's header: how many phones have joined.
    pub mark: &'static str,
    /// `parvi run --phones`'s help.
    pub help_arg: &'static str,
    /// `parvi run --phones` with something that is not an address.
    pub bad_address: &'static str,

    // ---- the wall ----
    pub wall_join: &'static str,
    /// Under the QR code: the address to type (without the token) and the room code.
    pub wall_code: &'static str,
    /// The same in one line, where the window is too small for the code.
    pub wall_line: &'static str,

    // ---- the phone's page ----
    /// The language's own name, for the switch.
    pub language: &'static str,
    pub join_title: &'static str,
    pub join_hint: &'static str,
    pub code_label: &'static str,
    pub join_button: &'static str,
    pub wrong_code: &'static str,
    pub nothing_open: &'static str,
    pub idea_label: &'static str,
    pub idea_hint_private: &'static str,
    pub idea_hint_open: &'static str,
    pub send: &'static str,
    pub yours: &'static str,
    pub save: &'static str,
    pub withdraw: &'static str,
    pub received: &'static str,
    pub withdrawn: &'static str,
    pub refused: &'static str,
    pub not_saved: &'static str,
    pub unavailable: &'static str,
    pub updates: &'static str,
    // ---- a vote ----
    pub vote_title: &'static str,
    /// The voter's side: student, staff, someone else (as `Side` orders them), then "rather
    /// not say".
    pub side_label: &'static str,
    pub sides: [&'static str; 4],
    pub dots_hint: &'static str,
    pub score_hint: &'static str,
    pub ranking_hint: &'static str,
    pub cast: &'static str,
    pub change: &'static str,
    pub abstain: &'static str,
    pub voted: &'static str,
    pub voted_hint: &'static str,
    /// The pulse's buttons and what the page says once it is answered.
    pub answer: &'static str,
    pub change_answer: &'static str,
    pub answered: &'static str,
    pub answered_hint: &'static str,
    /// Why a ballot was refused, where the voter can mend it.
    pub over_budget: &'static str,
    pub over_cap: &'static str,
    pub bad_ballot: &'static str,
    pub everyone_voted: &'static str,
}

pub const FI: PhonesText = PhonesText {
    key: "puhelimet",
    on: "Puhelimet päällä: {url} · koodi {code}",
    off: "Puhelimet pois päältä.",
    failed: "Puhelimia ei saatu päälle: {reason}",
    pick_address: "Missä verkossa puhelimet ovat?",
    no_address: "Koneella ei ole osoitetta lähiverkossa. Kytke se verkkoon tai avaa koneen oma \
                 hotspot.",
    mark: "puhelimia {count}",
    help_arg: "Puhelimet päälle heti: koneen osoitteessa lähiverkossa tai osoitteessa \
               OSOITE (IP-osoite, portin kanssa tai ilman).",
    bad_address: "--phones: {value} ei ole IP-osoite (esimerkiksi 192.168.1.23 tai \
                  192.168.1.23:8127).",
    wall_join: "Liity puhelimella",
    wall_code: "tai avaa {url} ja kirjoita koodi {code}",
    wall_line: "Liity puhelimella: avaa {url} ja kirjoita koodi {code}",
    language: "Suomi",
    join_title: "Liity kokoukseen",
    join_hint: "Skannaa seinällä näkyvä QR-koodi tai kirjoita huoneen koodi.",
    code_label: "Huoneen koodi",
    join_button: "Liity",
    wrong_code: "Koodi ei täsmää. Tarkista se seinältä.",
    nothing_open: "Nyt ei ole mitään avoinna. Sivu päivittyy itsestään, kun on sinun vuorosi.",
    idea_label: "Sinun ideasi",
    idea_hint_private: "Ideat näkyvät seinällä vasta, kun vetäjä paljastaa ne. Nimeäsi ei \
                        tallenneta.",
    idea_hint_open: "Idea näkyy seinällä heti. Nimeäsi ei tallenneta.",
    send: "Lähetä",
    yours: "Lähettämäsi ideat",
    save: "Tallenna muutos",
    withdraw: "Peru",
    received: "Vastaanotettu ✓",
    withdrawn: "Idea peruttu.",
    refused: "Ei onnistunut juuri nyt. Sivu näyttää nyt, mikä on avoinna.",
    not_saved: "Tallennus ei onnistunut. Yritä hetken päästä uudelleen.",
    unavailable: "Kokous ei ota nyt vastaan. Yritä hetken päästä uudelleen.",
    updates: "Sivu päivittyy itsestään.",
    vote_title: "Äänestys",
    side_label: "Olen",
    sides: ["opiskelija", "henkilöstöä", "joku muu", "en halua sanoa"],
    dots_hint: "Jaa {budget} pistettä. Yhdelle vaihtoehdolle enintään {cap}.",
    score_hint: "Anna kullekin 1–5. Tyhjä tarkoittaa, ettet arvioi sitä.",
    ranking_hint: "Numeroi mieluisin 1, seuraava 2 ja niin edelleen.",
    cast: "Anna ääni",
    change: "Muuta ääntäsi",
    abstain: "Äänestä tyhjää",
    voted: "Äänesi on tallennettu ✓",
    voted_hint: "Voit muuttaa ääntäsi, kunnes äänestys suljetaan. Kukaan ei näe, miten äänestit.",
    answer: "Vastaa",
    change_answer: "Muuta vastaustasi",
    answered: "Vastauksesi on tallennettu ✓",
    answered_hint: "Voit muuttaa vastaustasi, kunnes vetäjä sulkee kyselyn. Vastauksista tallennetaan vain määrät, ei sitä, kuka vastasi.",
    over_budget: "Pisteitä oli enemmän kuin {budget}. Vähennä jostakin ja lähetä uudelleen.",
    over_cap: "Yhdelle vaihtoehdolle saa antaa enintään {cap} pistettä. Korjaa ja lähetä uudelleen.",
    bad_ballot: "Ääni ei sopinut tähän äänestykseen. Tarkista valintasi ja lähetä uudelleen.",
    everyone_voted: "Yhtä monta ääntä kuin paikalla on ihmisiä on jo annettu. Jos et ole vielä äänestänyt, kerro vetäjälle.",
};

pub const SV: PhonesText = PhonesText {
    key: "telefoner",
    on: "Telefonerna på: {url} · kod {code}",
    off: "Telefonerna av.",
    failed: "Telefonerna kunde inte sättas på: {reason}",
    pick_address: "I vilket nätverk är telefonerna?",
    no_address: "Datorn har ingen adress i ett lokalt nätverk. Anslut den till nätverket eller \
                 öppna datorns egen hotspot.",
    mark: "telefoner {count}",
    help_arg: "Telefonerna på från början: på datorns adress i det lokala nätverket eller \
               på ADRESS (en IP-adress, med eller utan port).",
    bad_address: "--phones: {value} är ingen IP-adress (till exempel 192.168.1.23 eller \
                  192.168.1.23:8127).",
    wall_join: "Delta med telefonen",
    wall_code: "eller öppna {url} och skriv koden {code}",
    wall_line: "Delta med telefonen: öppna {url} och skriv koden {code}",
    language: "Svenska",
    join_title: "Delta i mötet",
    join_hint: "Skanna QR-koden på väggen eller skriv rummets kod.",
    code_label: "Rummets kod",
    join_button: "Delta",
    wrong_code: "Koden stämmer inte. Kontrollera den på väggen.",
    nothing_open: "Just nu är inget öppet. Sidan uppdateras av sig själv när det är din tur.",
    idea_label: "Din idé",
    idea_hint_private: "Idéerna syns på väggen först när ledaren visar dem. Ditt namn sparas \
                        inte.",
    idea_hint_open: "Idén syns genast på väggen. Ditt namn sparas inte.",
    send: "Skicka",
    yours: "Idéer du har skickat",
    save: "Spara ändringen",
    withdraw: "Ta tillbaka",
    received: "Mottaget ✓",
    withdrawn: "Idén togs tillbaka.",
    refused: "Det gick inte just nu. Sidan visar nu vad som är öppet.",
    not_saved: "Det gick inte att spara. Försök igen om en stund.",
    unavailable: "Mötet tar inte emot just nu. Försök igen om en stund.",
    updates: "Sidan uppdateras av sig själv.",
    vote_title: "Omröstning",
    side_label: "Jag är",
    sides: ["studerande", "personal", "någon annan", "vill inte säga"],
    dots_hint: "Fördela {budget} poäng. Högst {cap} på ett alternativ.",
    score_hint: "Ge vart och ett 1–5. Tomt betyder att du inte bedömer det.",
    ranking_hint: "Numrera det bästa 1, nästa 2 och så vidare.",
    cast: "Rösta",
    change: "Ändra din röst",
    abstain: "Rösta blankt",
    voted: "Din röst är sparad ✓",
    voted_hint: "Du kan ändra din röst tills omröstningen stängs. Ingen ser hur du röstade.",
    answer: "Svara",
    change_answer: "Ändra ditt svar",
    answered: "Ditt svar är sparat ✓",
    answered_hint: "Du kan ändra ditt svar tills ledaren stänger frågan. Bara antalet svar sparas, inte vem som svarade.",
    over_budget: "Du gav fler än {budget} poäng. Ta bort några och skicka igen.",
    over_cap: "Högst {cap} poäng på samma alternativ. Rätta och skicka igen.",
    bad_ballot: "Rösten passade inte den här omröstningen. Kontrollera ditt val och skicka igen.",
    everyone_voted: "Lika många röster som det finns närvarande har redan getts. Säg till ledaren om du inte har röstat än.",
};

pub const EN: PhonesText = PhonesText {
    key: "phones",
    on: "Phones on: {url} · code {code}",
    off: "Phones off.",
    failed: "Phones could not be turned on: {reason}",
    pick_address: "Which network are the phones on?",
    no_address: "This computer has no address on a local network. Connect it, or open the \
                 computer's own hotspot.",
    mark: "phones {count}",
    help_arg: "Phone input on from the start: on this computer's local network address, or \
               on ADDR (an IP address, with or without a port).",
    bad_address: "--phones: {value} is not an IP address (for example 192.168.1.23 or \
                  192.168.1.23:8127).",
    wall_join: "Join with your phone",
    wall_code: "or open {url} and type the code {code}",
    wall_line: "Join with your phone: open {url} and type the code {code}",
    language: "English",
    join_title: "Join the meeting",
    join_hint: "Scan the QR code on the wall, or type the room's code.",
    code_label: "Room code",
    join_button: "Join",
    wrong_code: "That code does not match. Check it on the wall.",
    nothing_open: "Nothing is open right now. This page updates by itself when it is your turn.",
    idea_label: "Your idea",
    idea_hint_private: "Ideas show on the wall only when the facilitator reveals them. Your \
                        name is not saved.",
    idea_hint_open: "The idea shows on the wall at once. Your name is not saved.",
    send: "Send",
    yours: "Ideas you sent",
    save: "Save the change",
    withdraw: "Withdraw",
    received: "Received ✓",
    withdrawn: "Idea withdrawn.",
    refused: "That did not work just now. The page now shows what is open.",
    not_saved: "It could not be saved. Try again in a moment.",
    unavailable: "The meeting is not taking input right now. Try again in a moment.",
    updates: "This page updates by itself.",
    vote_title: "Vote",
    side_label: "I am",
    sides: ["a student", "staff", "someone else", "rather not say"],
    dots_hint: "Share out {budget} points, at most {cap} on one option.",
    score_hint: "Give each one 1–5. Left empty, you do not score it.",
    ranking_hint: "Number your favourite 1, the next 2, and so on.",
    cast: "Vote",
    change: "Change your vote",
    abstain: "Abstain",
    voted: "Your vote is saved ✓",
    voted_hint: "You can change your vote until the vote closes. Nobody sees how you voted.",
    answer: "Answer",
    change_answer: "Change your answer",
    answered: "Your answer is saved ✓",
    answered_hint: "You can change your answer until the facilitator closes it. Only the counts are kept, not who answered.",
    over_budget: "That was more than {budget} points. Take some off and send again.",
    over_cap: "At most {cap} points on one option. Correct it and send again.",
    bad_ballot: "The ballot did not fit this vote. Check your choice and send again.",
    everyone_voted: "As many ballots as people present have been cast. If you have not voted yet, tell the facilitator.",
};
