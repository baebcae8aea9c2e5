//! The strings of decisions, actions and the follow-up of earlier actions, in fi, sv and en.
//!
//! A struct of its own so the catalogue grows in parts; `Text` holds one per language.

use serde::Serialize;

/// Every string of this part of the app.
#[derive(Debug, Serialize)]
pub struct RecordsText {
    pub no_decisions: &'static str,
}

pub const FI: RecordsText = RecordsText {
    no_decisions: "Päätöksiä ei ole vielä kirjattu.",
};

pub const SV: RecordsText = RecordsText {
    no_decisions: "Inga beslut har antecknats ännu.",
};

pub const EN: RecordsText = RecordsText {
    no_decisions: "No decisions recorded yet.",
};
