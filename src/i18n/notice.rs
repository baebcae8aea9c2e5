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
};
