//! Checking a format: every mistake in a format file, each with the JSON path of its
//! field, so a hand-written format is reported precisely instead of half-loaded.

use super::{AGENDA_MARK, AGENDA_NEXT_MARK, Format, Localized, Phase, PhaseKind};
use crate::lang::Lang;
use crate::model::SCHEMA_VERSION;

/// One mistake found in a format, with the JSON path of the field (`phases[2].minutes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

/// The longest timebox accepted for one phase (a whole day).
pub const MAX_PHASE_MINUTES: u32 = 8 * 60;
/// The longest format name: it names a file and shows in one line of a list.
pub const MAX_NAME_CHARS: usize = 64;
/// The longest turn accepted, in seconds.
pub const MAX_TURN_SECONDS: u32 = 60 * 60;

impl Format {
    /// Every mistake in the format. `strict` also asks for all three languages, which the
    /// built-in formats must have; users may write formats in one language.
    pub fn problems(&self, strict: bool) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut add = |path: String, message: String| out.push(Problem { path, message });
        self.header_problems(strict, &mut add);
        if let Err(too_many) = crate::model::limits::check_format(self) {
            // Refused whole: checking (and locating) each of thousands of phases took
            // seconds, and such a format could never be run.
            add(
                "phases".into(),
                format!(
                    "{} phases is too many (at most {})",
                    too_many.found, too_many.max
                ),
            );
            return out;
        }
        let mut seen = std::collections::HashSet::new();
        for (i, phase) in self.phases.iter().enumerate() {
            let at = |field: &str| format!("phases[{i}].{field}");
            if phase.id.trim().is_empty() {
                add(at("id"), "every phase needs an id".into());
            } else if !seen.insert(phase.id.as_str()) {
                let id = crate::lang::shown::quoted(&phase.id);
                add(at("id"), format!("the id \"{id}\" is used twice"));
            }
            phase.problems(&at, strict, &mut add);
        }
        out
    }

    /// Mistakes outside the phases: the version, the name, the title, an empty agenda.
    fn header_problems(&self, strict: bool, add: &mut impl FnMut(String, String)) {
        if self.schema != SCHEMA_VERSION {
            add(
                "schema".into(),
                format!(
                    "schema must be {} (this parvi reads version {})",
                    SCHEMA_VERSION, SCHEMA_VERSION
                ),
            );
        }
        if self.name.is_empty()
            || self.name.len() > MAX_NAME_CHARS
            || !self
                .name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            add(
                "name".into(),
                format!(
                    "name must be 1 to {MAX_NAME_CHARS} lower-case letters a-z, digits, '-' or '_' (it names the file)"
                ),
            );
        }
        check_text(&self.title, "title", strict, add);
        if self.phases.is_empty() {
            add("phases".into(), "a format needs at least one phase".into());
        }
    }
}

/// The checks of one phase of a format, in the order its fields are usually written; `at`
/// makes a field's path (`phases[2].minutes`).
impl Phase {
    fn problems(
        &self,
        at: &dyn Fn(&str) -> String,
        strict: bool,
        add: &mut impl FnMut(String, String),
    ) {
        check_text(&self.title, &at("title"), strict, add);
        if strict && !self.prompt.is_empty() && !self.prompt.has_all() {
            add(at("prompt"), "give the prompt in fi, sv and en".into());
        }
        self.timing_problems(at, add);
        self.turn_problems(at, add);
        self.vote_problems(at, add);
        if (self.attributed || self.private.is_some()) && !self.takes_ideas() {
            add(
                at("attributed"),
                "attributed and private only apply to writing, ideas and grouping phases".into(),
            );
        }
        self.text_problems(at, add);
    }

    /// The timebox and the turn length.
    fn timing_problems(&self, at: &dyn Fn(&str) -> String, add: &mut impl FnMut(String, String)) {
        if self.minutes > MAX_PHASE_MINUTES {
            add(
                at("minutes"),
                format!(
                    "{} minutes is too long (at most {MAX_PHASE_MINUTES})",
                    self.minutes
                ),
            );
        }
        if let Some(turn) = self.turn_seconds {
            if !self.kind.has_turns() {
                add(
                    at("turn_seconds"),
                    "turn_seconds only applies to round and open phases".into(),
                );
            } else if turn == 0 || turn > MAX_TURN_SECONDS {
                add(
                    at("turn_seconds"),
                    format!("turn_seconds must be between 1 and {MAX_TURN_SECONDS}"),
                );
            }
        }
    }

    /// Who speaks and in what order, which only rounds (and open phases) have.
    fn turn_problems(&self, at: &dyn Fn(&str) -> String, add: &mut impl FnMut(String, String)) {
        if self.speakers.is_some() && self.kind != PhaseKind::Round {
            add(
                at("speakers"),
                "speakers only applies to round phases".into(),
            );
        }
        if self.order.is_some() && self.kind != PhaseKind::Round && self.kind != PhaseKind::Open {
            add(
                at("order"),
                "order only applies to round and open phases".into(),
            );
        }
    }

    /// A vote phase's vote, and no vote anywhere else.
    fn vote_problems(&self, at: &dyn Fn(&str) -> String, add: &mut impl FnMut(String, String)) {
        use crate::model::vote::{Entry, VoteKind};
        match (&self.vote, self.kind) {
            (None, PhaseKind::Vote) => {
                add(
                    at("vote"),
                    "a vote phase needs a vote: {\"kind\": \"dots\"} or another kind".into(),
                );
            }
            (Some(_), kind) if kind != PhaseKind::Vote => {
                add(at("vote"), "vote only applies to vote phases".into());
            }
            (Some(spec), _) => {
                if spec.budget == Some(0) {
                    add(at("vote.budget"), "the budget must be at least 1".into());
                }
                if spec.entry == Entry::Hands
                    && matches!(spec.kind, VoteKind::Score | VoteKind::Ranking)
                {
                    add(
                        at("vote.entry"),
                        "scores and rankings are entered voter by voter, not as counted hands"
                            .into(),
                    );
                }
                if spec.kind != VoteKind::Dots && (spec.budget.is_some() || spec.cap.is_some()) {
                    add(
                        at("vote.budget"),
                        "budget and cap only apply to dot voting".into(),
                    );
                }
            }
            (None, _) => {}
        }
    }

    /// The marks an info text may hold, and that an info phase has something to show.
    fn text_problems(&self, at: &dyn Fn(&str) -> String, add: &mut impl FnMut(String, String)) {
        for lang in [Lang::Fi, Lang::Sv, Lang::En] {
            let text = self.text.get(lang);
            let rest = text.replace(AGENDA_NEXT_MARK, "").replace(AGENDA_MARK, "");
            if rest.contains('{') {
                add(
                    at("text"),
                    format!(
                        "the only marks a text may hold are {AGENDA_MARK} and {AGENDA_NEXT_MARK}"
                    ),
                );
                break;
            }
        }
        if self.kind == PhaseKind::Info && self.text.is_empty() && self.prompt.is_empty() {
            add(
                at("text"),
                "an info phase needs a text or a prompt to show".into(),
            );
        }
    }
}

fn check_text(text: &Localized, path: &str, strict: bool, add: &mut impl FnMut(String, String)) {
    if text.is_empty() {
        add(
            path.to_string(),
            "give a text in at least one of fi, sv, en".into(),
        );
    } else if strict && !text.has_all() {
        add(path.to_string(), "give the text in fi, sv and en".into());
    }
}
