//! The languages of the interface and of the minutes: a leaf every layer may use, so the
//! model can name a language without knowing the string catalogue (which knows the model).
//! The catalogue of each language is `Lang::text`, in `crate::i18n`.
//!
//! Its one submodule, [`shown`], makes text from files and users safe for a terminal: it
//! lives here because every layer that shows or quotes such text (the model's format
//! checks, the store's load errors, the CLI, the app) may use this leaf.

pub mod shown;

/// A language of the interface (and of minutes).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    serde::Deserialize,
    serde::Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fi,
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    /// The two-letter code: `fi`, `sv`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Parses `fi`, `sv`, `en`, or a locale such as `fi_FI.UTF-8` or `sv-FI`.
    pub fn parse(value: &str) -> Option<Lang> {
        let code: String = value
            .trim()
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        match code.as_str() {
            "fi" | "fin" | "finnish" | "suomi" => Some(Lang::Fi),
            "sv" | "swe" | "swedish" | "svenska" => Some(Lang::Sv),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the language: the `--lang` flag, else the config file, else the locale
    /// variables (`LC_ALL`, `LC_MESSAGES`, `LANG`, passed in by the caller), else Finnish,
    /// the first language of most users. A locale parvi does not speak (`de_DE`) gives
    /// English, which more people in the room will read than Finnish.
    pub fn choose(flag: Option<Lang>, config: Option<Lang>, locale: &[Option<String>]) -> Lang {
        if let Some(lang) = flag.or(config) {
            return lang;
        }
        for value in locale.iter().flatten() {
            if value.is_empty() {
                continue;
            }
            if value == "C" || value == "POSIX" || value.starts_with("C.") {
                // The neutral locale of servers and containers says nothing of the user.
                return Lang::Fi;
            }
            return Lang::parse(value).unwrap_or(Lang::En);
        }
        Lang::Fi
    }
}
