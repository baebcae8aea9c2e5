//! The strings of the limits on what a file may hold (`model::limits`), in fi, sv and en:
//! why a file with absurd contents is refused.

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct LimitsText {
    /// Arrays and objects nested deeper than `{max}` levels.
    pub too_deep: &'static str,
    /// A text longer than `{max}` characters.
    pub text_too_long: &'static str,
    /// `{found}` phases, at most `{max}`.
    pub too_many_phases: &'static str,
    /// `{found}` members or participants, at most `{max}`.
    pub too_many_people: &'static str,
}

pub const FI: LimitsText = LimitsText {
    too_deep: "tiedoston rakenne on liian syvä (enintään {max} sisäkkäistä tasoa)",
    text_too_long: "tiedostossa on liian pitkä teksti (enintään {max} merkkiä)",
    too_many_phases: "kokouspohjassa on liikaa vaiheita: {found} (enintään {max})",
    too_many_people: "jäseniä tai osallistujia on liikaa: {found} (enintään {max})",
};

pub const SV: LimitsText = LimitsText {
    too_deep: "filens struktur är för djup (högst {max} nivåer i varandra)",
    text_too_long: "filen innehåller en för lång text (högst {max} tecken)",
    too_many_phases: "mötesmallen har för många faser: {found} (högst {max})",
    too_many_people: "för många medlemmar eller deltagare: {found} (högst {max})",
};

pub const EN: LimitsText = LimitsText {
    too_deep: "the file nests too deep (at most {max} levels)",
    text_too_long: "the file holds a text that is too long (at most {max} characters)",
    too_many_phases: "too many phases: {found} (at most {max})",
    too_many_people: "too many members or participants: {found} (at most {max})",
};
