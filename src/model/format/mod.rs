//! Meeting formats: ordered phases with timeboxes, turn rules and prompts in three languages.
//!
//! Formats are data. The built-in ones are JSON files embedded in the binary (see
//! `store::formats`); users add their own as JSON files of the same shape. [`Format::problems`]
//! lists every mistake in a format with the path of the field, so `parvi formats check` can
//! point at the line.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::lang::Lang;

mod problems;

pub use problems::{MAX_PHASE_MINUTES, MAX_TURN_SECONDS, Problem};

/// A text in Finnish, Swedish and English. At least one must be given; the others fall back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Localized {
    /// The same text in every language (for user input such as a topic).
    pub fn all(text: &str) -> Localized {
        Localized {
            fi: Some(text.to_string()),
            sv: Some(text.to_string()),
            en: Some(text.to_string()),
        }
    }

    /// The text in `lang`, else English, else Finnish, else Swedish, else "".
    pub fn get(&self, lang: Lang) -> &str {
        let first = match lang {
            Lang::Fi => &self.fi,
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        };
        first
            .as_deref()
            .or(self.en.as_deref())
            .or(self.fi.as_deref())
            .or(self.sv.as_deref())
            .unwrap_or("")
    }

    fn is_empty(&self) -> bool {
        [&self.fi, &self.sv, &self.en]
            .iter()
            .all(|t| t.as_deref().is_none_or(|t| t.trim().is_empty()))
    }

    fn has_all(&self) -> bool {
        [&self.fi, &self.sv, &self.en]
            .iter()
            .all(|t| t.as_deref().is_some_and(|t| !t.trim().is_empty()))
    }
}

/// What happens in a phase. Each kind has its own screen and its own events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PhaseKind {
    /// Rules or a stimulus on screen.
    Info,
    /// Everyone speaks in turn.
    Round,
    /// A free floor with a queue of raised hands.
    Open,
    /// Silent, private idea writing.
    Writing,
    /// Capturing and showing ideas.
    Ideas,
    /// Putting ideas into themes.
    Grouping,
    /// A vote of one of the supported kinds.
    Vote,
    /// Recording decisions.
    Decisions,
    /// Recording action items.
    Actions,
    /// Going through the open actions of earlier meetings.
    ReviewActions,
    /// A break.
    Break,
    /// Going through the group's wellbeing year clock: this month's and next month's items
    /// (or the whole year, for the yearly review), marking them, moving them and agreeing
    /// actions on them.
    YearClock,
}

impl PhaseKind {
    pub const ALL: [PhaseKind; 12] = [
        PhaseKind::Info,
        PhaseKind::Round,
        PhaseKind::Open,
        PhaseKind::Writing,
        PhaseKind::Ideas,
        PhaseKind::Grouping,
        PhaseKind::Vote,
        PhaseKind::Decisions,
        PhaseKind::Actions,
        PhaseKind::ReviewActions,
        PhaseKind::Break,
        PhaseKind::YearClock,
    ];

    /// Whether people take timed turns in this phase.
    pub fn has_turns(self) -> bool {
        matches!(self, PhaseKind::Round | PhaseKind::Open)
    }
}

/// The order in which a round goes through the people present.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrderRule {
    /// In seating order (the group's member order), starting from the first.
    #[default]
    Seating,
    /// A fresh random order.
    Random,
    /// Students first (in seating order), then everyone else.
    StudentsFirst,
    /// Least airtime so far in this meeting first; ties keep seating order.
    FairStack,
}

impl OrderRule {
    pub const ALL: [OrderRule; 4] = [
        OrderRule::Seating,
        OrderRule::Random,
        OrderRule::StudentsFirst,
        OrderRule::FairStack,
    ];
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// One step of a format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// A short id, unique in the format (`check_in`).
    pub id: String,
    pub kind: PhaseKind,
    pub title: Localized,
    /// The question or instruction shown large on screen.
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub prompt: Localized,
    /// Longer text for `info` phases, e.g. the ground rules, one item per line.
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub text: Localized,
    /// The timebox in minutes; 0 means untimed.
    pub minutes: u32,
    /// Time per speaker in `round` and `open` phases, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn_seconds: Option<u32>,
    /// Speaking order of a `round`; defaults to seating order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<OrderRule>,
    /// Only this side speaks in a `round` (the anticipation dialogue asks students first,
    /// then staff); everyone present when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speakers: Option<super::role::Side>,
    /// Whether a speaker may pass (and get another chance at the end of the round).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub pass_allowed: bool,
    /// Ideas in this phase are recorded with their writer's name (anonymous by default).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub attributed: bool,
    /// Ideas in this phase stay hidden (shown only as a count) until revealed. Writing
    /// phases are private unless this says `false`; other phases are not unless `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private: Option<bool>,
    /// The vote of a `vote` phase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<super::vote::VoteSpec>,
    /// A `year_clock` phase goes through the whole school year (the yearly review of the
    /// clock) instead of this month's and next month's items.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub whole_year: bool,
}

/// Stands, in a phase's text, for this meeting's other agenda items, so a line such as
/// "Today: {agenda}" names what is really on the agenda after items were dropped, moved or
/// added (the format's fixed list would not).
pub const AGENDA_MARK: &str = "{agenda}";
/// Stands for the agenda items after this one ("Order: {agenda_next}").
pub const AGENDA_NEXT_MARK: &str = "{agenda_next}";

/// The text of agenda item `index` as shown in the meeting, with the agenda marks replaced
/// by the titles of this meeting's items, in their order, joined with " · " (titles may
/// hold dashes themselves).
pub fn phase_text(agenda: &[Phase], index: usize, lang: Lang) -> String {
    let Some(phase) = agenda.get(index) else {
        return String::new();
    };
    let text = phase.text.get(lang);
    if !text.contains('{') {
        return text.to_string();
    }
    let titles = |from: usize| -> String {
        agenda
            .iter()
            .enumerate()
            .filter(|(i, _)| *i >= from && *i != index)
            .map(|(_, p)| p.title.get(lang).trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    text.replace(AGENDA_NEXT_MARK, &titles(index + 1))
        .replace(AGENDA_MARK, &titles(0))
}

impl Phase {
    /// A new agenda item of `kind` added in the agenda step, with the timings a facilitator
    /// would most often give it; `id` must be unique in the agenda.
    pub fn added(id: String, kind: PhaseKind, title: Localized) -> Phase {
        let (minutes, turn_seconds) = match kind {
            PhaseKind::Round => (10, Some(60)),
            PhaseKind::Open => (10, Some(120)),
            PhaseKind::Info => (3, None),
            PhaseKind::Writing => (5, None),
            PhaseKind::Break | PhaseKind::Decisions => (5, None),
            PhaseKind::Vote => (6, None),
            PhaseKind::Ideas | PhaseKind::Grouping => (8, None),
            PhaseKind::Actions | PhaseKind::ReviewActions => (7, None),
            PhaseKind::YearClock => (10, None),
        };
        Phase {
            id,
            kind,
            title,
            prompt: Localized::default(),
            text: Localized::default(),
            minutes,
            turn_seconds,
            order: None,
            speakers: None,
            pass_allowed: true,
            attributed: false,
            private: None,
            vote: (kind == PhaseKind::Vote).then(|| super::vote::VoteSpec {
                kind: super::vote::VoteKind::Dots,
                budget: None,
                cap: None,
                entry: Default::default(),
                rule: Default::default(),
            }),
            whole_year: false,
        }
    }
    /// The timebox in milliseconds.
    pub fn timebox_ms(&self) -> u64 {
        u64::from(self.minutes) * 60_000
    }

    /// Whether ideas written in this phase are hidden until revealed.
    pub fn is_private(&self) -> bool {
        self.private.unwrap_or(self.kind == PhaseKind::Writing)
    }

    /// Whether ideas can be written in this phase.
    pub fn takes_ideas(&self) -> bool {
        matches!(
            self.kind,
            PhaseKind::Writing | PhaseKind::Ideas | PhaseKind::Grouping
        )
    }

    /// The per-turn time in milliseconds, if turns are timed.
    pub fn turn_ms(&self) -> Option<u64> {
        self.turn_seconds
            .filter(|s| *s > 0)
            .map(|s| u64::from(s) * 1000)
    }
}

/// Where a format's method comes from, with its licence: formats based on Liberating
/// Structures are CC BY-SA 4.0 and must credit it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The work's title: once for all languages (a proper name), or in each language when
    /// it says more than a name ("funded by …").
    #[serde(
        deserialize_with = "once_or_localized",
        serialize_with = "once_if_same"
    )]
    #[schemars(with = "OnceOrLocalized")]
    pub title: Localized,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub license: String,
    /// What parvi changed or added, in a sentence, in each language (`formats show` in
    /// Finnish must not fall back to English); a single string is kept for older files.
    #[serde(
        default,
        skip_serializing_if = "Localized::is_empty",
        deserialize_with = "once_or_localized",
        serialize_with = "once_if_same"
    )]
    #[schemars(with = "OnceOrLocalized")]
    pub note: Localized,
}

/// A text given once for every language, or in each language.
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
enum OnceOrLocalized {
    Once(String),
    Localized(Localized),
}

/// Writes a text that is the same in every language once, as it was most likely given.
fn once_if_same<S: serde::Serializer>(text: &Localized, s: S) -> Result<S::Ok, S::Error> {
    match (&text.fi, &text.sv, &text.en) {
        (Some(fi), Some(sv), Some(en)) if fi == sv && sv == en => s.serialize_str(fi),
        _ => text.serialize(s),
    }
}

fn once_or_localized<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Localized, D::Error> {
    Ok(match OnceOrLocalized::deserialize(d)? {
        OnceOrLocalized::Once(text) => Localized::all(&text),
        OnceOrLocalized::Localized(text) => text,
    })
}

/// A meeting format: a named, ordered list of phases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Format {
    /// File format version; see [`crate::model::SCHEMA_VERSION`].
    pub schema: u32,
    /// The machine name, also the file name: `kierros`, `eratauko`.
    pub name: String,
    pub title: Localized,
    #[serde(default, skip_serializing_if = "Localized::is_empty")]
    pub description: Localized,
    #[serde(default)]
    pub sources: Vec<Source>,
    pub phases: Vec<Phase>,
}

impl Format {
    /// Total planned minutes.
    pub fn total_minutes(&self) -> u32 {
        self.phases.iter().map(|p| p.minutes).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phase(id: &str, kind: PhaseKind) -> Phase {
        Phase {
            id: id.into(),
            kind,
            title: Localized::all("T"),
            prompt: Localized::default(),
            text: Localized::default(),
            minutes: 5,
            turn_seconds: None,
            order: None,
            speakers: None,
            pass_allowed: true,
            attributed: false,
            private: None,
            vote: None,
            whole_year: false,
        }
    }

    #[test]
    fn localized_falls_back_to_english_then_finnish() {
        let only_fi = Localized {
            fi: Some("Hei".into()),
            ..Default::default()
        };
        assert_eq!(only_fi.get(Lang::Sv), "Hei");
        let fi_en = Localized {
            fi: Some("Hei".into()),
            en: Some("Hi".into()),
            sv: None,
        };
        assert_eq!(fi_en.get(Lang::Sv), "Hi");
        assert_eq!(fi_en.get(Lang::Fi), "Hei");
    }

    #[test]
    fn problems_name_the_field() {
        let mut f = Format {
            schema: crate::model::SCHEMA_VERSION,
            name: "Bad Name".into(),
            title: Localized::default(),
            description: Localized::default(),
            sources: vec![],
            phases: vec![phase("a", PhaseKind::Round), phase("a", PhaseKind::Info)],
        };
        f.phases[0].turn_seconds = Some(0);
        f.phases[1].turn_seconds = Some(60);
        let paths: Vec<String> = f.problems(false).into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            [
                "name",
                "title",
                "phases[0].turn_seconds",
                "phases[1].id",
                "phases[1].turn_seconds",
                "phases[1].text"
            ]
        );
    }

    #[test]
    fn pass_allowed_defaults_to_true_and_is_omitted() {
        let json = r#"{"id":"r","kind":"round","title":{"fi":"Kierros"},"minutes":5}"#;
        let p: Phase = serde_json::from_str(json).unwrap();
        assert!(p.pass_allowed);
        assert_eq!(serde_json::to_string(&p).unwrap(), json);
    }
}
