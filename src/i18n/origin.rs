//! The strings of where a decision or an action came from and of the students' level of
//! participation in it (a short ladder after Hart and Shier), in fi, sv and en.

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct OriginText {
    /// The picker's title after a decision is recorded: whose input it came from.
    pub source_title: &'static str,
    /// The picker's title after that: how far students took part.
    pub level_title: &'static str,
    /// The first item of both pickers: leave it unsaid.
    pub unsaid: &'static str,
    /// In the order of `Source::ALL`: students, staff, external, student union, survey.
    pub sources: [&'static str; 5],
    /// In the order of `Level::ALL`: informed, consulted, prepared, decided together,
    /// student-initiated.
    pub levels: [&'static str; 5],
    /// The same as names, for tables and charts: in the order of `sources` and `levels`.
    pub source_names: [&'static str; 5],
    pub level_names: [&'static str; 5],
    /// A table's columns of the two.
    pub columns: [&'static str; 2],
    /// A line of the minutes: `{source}`, `{level}` or both joined by " · ".
    pub from: &'static str,
    pub level: &'static str,
    /// The key on the lists of decisions and actions that sets it again.
    pub key: &'static str,
}

pub const FI: OriginText = OriginText {
    source_title: "Keneltä asia lähti liikkeelle?",
    level_title: "Miten opiskelijat olivat mukana?",
    unsaid: "ei merkitä",
    sources: [
        "opiskelijoilta",
        "henkilöstöltä",
        "koulun ulkopuolelta",
        "opiskelijakunnan aloitteesta",
        "kyselystä",
    ],
    levels: [
        "opiskelijoille tiedotettiin",
        "opiskelijoita kuultiin",
        "opiskelijat valmistelivat mukana",
        "opiskelijat olivat päättämässä",
        "opiskelijoiden oma aloite",
    ],
    source_names: [
        "opiskelijat",
        "henkilöstö",
        "ulkopuoliset",
        "opiskelijakunta",
        "kysely",
    ],
    level_names: [
        "tiedottaminen",
        "kuuleminen",
        "valmistelu yhdessä",
        "päätös yhdessä",
        "opiskelijoiden aloite",
    ],
    columns: ["Alkuperä", "Osallisuus"],
    from: "Lähti liikkeelle {source}",
    level: "Osallisuus: {level}",
    key: "alkuperä",
};

pub const SV: OriginText = OriginText {
    source_title: "Vem kom förslaget från?",
    level_title: "Hur var de studerande med?",
    unsaid: "anges inte",
    sources: [
        "från de studerande",
        "från personalen",
        "från utanför skolan",
        "på studerandekårens initiativ",
        "från en enkät",
    ],
    levels: [
        "de studerande informerades",
        "de studerande hördes",
        "de studerande var med och beredde",
        "de studerande var med och beslöt",
        "de studerandes eget initiativ",
    ],
    source_names: [
        "studerande",
        "personal",
        "utomstående",
        "studerandekåren",
        "enkät",
    ],
    level_names: [
        "information",
        "hörande",
        "beredning tillsammans",
        "beslut tillsammans",
        "studerandes initiativ",
    ],
    columns: ["Ursprung", "Deltagande"],
    from: "Kom {source}",
    level: "Deltagande: {level}",
    key: "ursprung",
};

pub const EN: OriginText = OriginText {
    source_title: "Whose input did it come from?",
    level_title: "How were students involved?",
    unsaid: "not recorded",
    sources: [
        "from students",
        "from staff",
        "from outside the school",
        "from a student union initiative",
        "from a survey",
    ],
    levels: [
        "students were informed",
        "students were consulted",
        "students helped prepare it",
        "decided together with students",
        "students' own initiative",
    ],
    source_names: ["students", "staff", "external", "student union", "survey"],
    level_names: [
        "informed",
        "consulted",
        "prepared together",
        "decided together",
        "student-initiated",
    ],
    columns: ["Source", "Participation"],
    from: "Came {source}",
    level: "Participation: {level}",
    key: "origin",
};
