//! The strings of ideas on the wall: silent writing, the numbered list, merging and themes, in fi, sv and en.
//!
//! A struct of its own so the catalogue grows in parts; `Text` holds one per language.

use serde::Serialize;

/// Every string of this part of the app.
#[derive(Debug, Serialize)]
pub struct IdeasText {
    pub count: &'static str,
}

pub const FI: IdeasText = IdeasText {
    count: "{count} ideaa kirjoitettu",
};

pub const SV: IdeasText = IdeasText {
    count: "{count} idéer skrivna",
};

pub const EN: IdeasText = IdeasText {
    count: "{count} ideas written",
};
