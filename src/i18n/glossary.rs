//! The glossary: for each idea the one accepted term per language and the variants that must not appear, checked against every catalogue string and every built-in format.
//!
//! A facilitator reads "esityslista" on the wall and "asialista" in the minutes and wonders
//! whether they are two things; so each idea gets one word in each language. A pattern is a
//! word or a phrase, matched word by word without regard to case; a trailing `*` lets the last
//! word take any ending (Finnish and Swedish inflect: *esityslista*, *esityslistan*,
//! *esityslistalla*).

/// One idea and its words.
#[derive(Debug, Clone, Copy)]
pub struct Concept {
    /// What the idea is, in English, for the test's message.
    pub idea: &'static str,
    /// The accepted term in fi, sv and en (a pattern).
    pub terms: [&'static str; 3],
    /// Variants that must not appear, in fi, sv and en (patterns).
    pub rejected: [&'static [&'static str]; 3],
    /// Where the rejected variants are looked for: catalogue keys containing one of these
    /// (e.g. `.key_` for the footer keys). Empty: everywhere, built-in formats included.
    pub only_in: &'static [&'static str],
    /// Catalogue keys that name this idea and so must use the accepted term.
    pub used_in: &'static [&'static str],
}

/// Every idea with one word per language.
pub const GLOSSARY: &[Concept] = &[
    Concept {
        idea: "agenda",
        terms: ["esityslist*", "föredragningslist*", "agenda*"],
        rejected: [&["asialist*"], &["dagordning*"], &[]],
        only_in: &[],
        used_in: &[
            ".meeting_agenda",
            ".setup_agenda",
            ".cli_session_agenda",
            ".setup_keep_one_phase",
            ".meeting_agenda_done",
            ".refusals[3]",
            ".refusals[5]",
            ".help_run",
        ],
    },
    Concept {
        idea: "equity index (1 − Gini of airtime)",
        terms: ["tasapuolisuusindeks*", "jämlikhetsindex*", "equity index*"],
        rejected: [
            &["tasaisuus*", "tasapuolisuus"],
            &["jämlikhet", "jämställdhetsindex*"],
            &["equity", "evenness*"],
        ],
        only_in: &[],
        used_in: &[
            ".minutes.equity",
            ".review.equity",
            ".review.equity_none",
            ".review.equity_title",
            ".review.totals",
            ".review.cli_stats_columns[3]",
            ".review.cli_equity_mean",
        ],
    },
    Concept {
        idea: "share of those present (share of seats)",
        terms: ["läsnäolijoista", "av de närvarande", "of those present"],
        rejected: [
            &["paikoista", "paikat"],
            &["platserna", "platser"],
            &["seats"],
        ],
        only_in: &[],
        used_in: &[
            ".meeting_seats_share",
            ".meeting_share",
            ".review.share_line",
            ".review.seat_share",
            ".review.student_share_title",
            ".review.totals",
            ".review.cli_stats_columns[2]",
            ".review.cli_side_columns[6]",
            ".minutes.participation_columns[2]",
            ".minutes.student_share",
        ],
    },
    Concept {
        idea: "side (students, staff, external); never the group, which is the meeting's body",
        terms: ["osapuol*", "part*", "side*"],
        // "ryhmä" itself stays: it is the group that meets, and the small groups of 1-2-4-All.
        rejected: [&["ryhmittäi*"], &[], &[]],
        only_in: &[],
        used_in: &[
            ".cli_col_side",
            ".review.cli_side_columns[0]",
            ".minutes.participation_columns[0]",
            ".minutes.participation_intro",
            ".minutes.csv_attendance[2]",
            ".minutes.csv_turns[5]",
            ".minutes.by_side_withheld",
            ".minutes.footer_public",
            ".minutes.help_arg_public",
            ".vote.by_side_title",
            ".vote.by_side_withheld",
        ],
    },
    Concept {
        idea: "time left for the agenda item",
        terms: [
            "kohdan aikaa jäljellä",
            "tid kvar för punkten",
            "time left for the item",
        ],
        rejected: [
            &["kohtaa jäljellä"],
            &["kvar av punkten"],
            &["left in this item"],
        ],
        only_in: &[],
        used_in: &[".meeting_phase_left"],
    },
    Concept {
        idea: "speaking time left in a turn",
        terms: ["puheaikaa jäljellä", "taltid kvar", "speaking time left"],
        rejected: [
            &["puheenvuoroa jäljellä"],
            &["kvar av inlägget"],
            &["left in this turn"],
        ],
        only_in: &[],
        used_in: &[".meeting_turn_left"],
    },
    Concept {
        idea: "timers stopped by the facilitator (not the agenda item Break)",
        terms: ["pysäyt*", "stopp*", "pause*"],
        rejected: [&["tauko*"], &["paus*"], &["break*"]],
        only_in: &[
            ".meeting_paused",
            ".key_pause",
            ".refusals[20]",
            ".refusals[21]",
        ],
        used_in: &[
            ".meeting_paused",
            ".key_pause",
            ".refusals[20]",
            ".refusals[21]",
        ],
    },
    Concept {
        idea: "consent decision (sociocracy), apart from a person's legal consent",
        terms: ["konsent*", "konsent*", "consent*"],
        rejected: [&["suostumuspäätö*"], &["samtyckesbeslut*"], &[]],
        only_in: &[],
        used_in: &[".vote.consent_rule", ".minutes.consent_rule"],
    },
    Concept {
        idea: "meeting format",
        terms: ["kokouspohj*", "mötesmall*", "format*"],
        rejected: [
            &["kokousmuoto*", "työtapa*"],
            &["mötesformat*", "arbetssätt*"],
            &[],
        ],
        only_in: &[],
        used_in: &[
            ".home_formats",
            ".cli_session_format",
            ".review.key_format",
            ".review.format_label",
            ".review.all_formats",
            ".review.format_picker",
            ".minutes.label_format",
        ],
    },
    Concept {
        idea: "airtime (speaking time)",
        terms: ["puheai*", "taltid*", "speaking time"],
        rejected: [&[], &[], &["airtime"]],
        only_in: &[],
        used_in: &[
            ".meeting_airtime",
            ".cli_session_airtime",
            ".review.role_columns[2]",
            ".review.cli_side_columns[4]",
            ".minutes.participation_columns[3]",
        ],
    },
    Concept {
        idea: "turn (a count of them)",
        terms: ["puheenvuor*", "inlägg*", "turn*"],
        rejected: [&["vuoroja"], &[], &[]],
        only_in: &[],
        used_in: &[
            ".cli_col_turns",
            ".review.role_columns[4]",
            ".review.cli_side_columns[2]",
            ".minutes.participation_columns[5]",
        ],
    },
    Concept {
        idea: "participation",
        terms: ["osallistumi*", "deltagande*", "participation"],
        rejected: [&[], &["delaktighet*"], &[]],
        only_in: &[],
        used_in: &[".minutes.participation_title", ".review.participation"],
    },
    Concept {
        idea: "the student welfare record (Finland-Swedish, not Sweden's elevhälsa)",
        terms: [
            "opiskeluhuoltokertomu*",
            "studerandevårdsjournal*",
            "student welfare record",
        ],
        rejected: [&[], &["elevhälso*"], &[]],
        only_in: &[],
        used_in: &[".minutes.footer_privacy"],
    },
    Concept {
        idea: "footer keys say what to do (imperative), e.g. pass",
        terms: ["ohita", "stå över", "pass"],
        rejected: [&["ohittaa"], &["står", "räcker", "avstår"], &["passes"]],
        only_in: &[".key_pass", ".key_raise_hand", ".vote.key_abstain"],
        used_in: &[".key_pass"],
    },
    Concept {
        idea: "all dots may go to one option",
        terms: ["kaikki pisteet", "alla prickar", "all may go"],
        rejected: [&["kaikki saa antaa"], &[], &[]],
        only_in: &[],
        used_in: &[".vote.dots_rules_no_cap"],
    },
];

/// The words of a text, lower-cased: runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    // Placeholders (`{seats}`) are filled by the code, not read by anyone.
    let mut plain = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `pattern` matches the words of `text` starting at word `at`.
fn matches_at(pattern: &str, text: &[String], at: usize) -> bool {
    let parts: Vec<&str> = pattern.split_whitespace().collect();
    if parts.is_empty() || at + parts.len() > text.len() {
        return false;
    }
    parts.iter().enumerate().all(|(i, part)| {
        let word = &text[at + i];
        let part = part.to_lowercase();
        match part.strip_suffix('*') {
            Some(stem) if i + 1 == parts.len() => word.starts_with(stem),
            _ => *word == part,
        }
    })
}

/// Whether `pattern` occurs anywhere in `text`.
pub fn contains(text: &str, pattern: &str) -> bool {
    let text = words(text);
    (0..text.len()).any(|at| matches_at(pattern, &text, at))
}

/// The rejected variant of `concept` in `lang` that `text` uses, if any. A variant that is
/// only the start of the accepted term ("equity" in "equity index") is not a mistake.
pub fn rejected_in(concept: &Concept, lang: usize, text: &str) -> Option<&'static str> {
    let text = words(text);
    concept.rejected[lang].iter().copied().find(|variant| {
        (0..text.len())
            .any(|at| matches_at(variant, &text, at) && !matches_at(concept.terms[lang], &text, at))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Every user-facing string in `lang`: the catalogue, then the built-in formats.
    fn everything(lang: Lang) -> Vec<(String, String)> {
        fn localized(
            path: &str,
            v: &serde_json::Value,
            code: &str,
            out: &mut Vec<(String, String)>,
        ) {
            match v {
                serde_json::Value::Object(fields) => {
                    for (key, item) in fields {
                        match item {
                            serde_json::Value::String(s) if key == code => {
                                out.push((path.to_string(), s.clone()));
                            }
                            _ => localized(&format!("{path}.{key}"), item, code, out),
                        }
                    }
                }
                serde_json::Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        localized(&format!("{path}[{i}]"), item, code, out);
                    }
                }
                _ => {}
            }
        }
        let mut out = crate::i18n::catalogue_strings(lang);
        for format in crate::store::formats::builtin() {
            let value = serde_json::to_value(&format).unwrap();
            localized(
                &format!("formats/{}", format.name),
                &value,
                lang.code(),
                &mut out,
            );
        }
        out
    }

    fn mistakes() -> Vec<String> {
        let mut out = Vec::new();
        for (index, lang) in Lang::ALL.into_iter().enumerate() {
            let strings = everything(lang);
            for concept in GLOSSARY {
                for (key, text) in &strings {
                    let looked_at = concept.only_in.is_empty()
                        || concept.only_in.iter().any(|k| key.contains(k));
                    if let Some(variant) = rejected_in(concept, index, text).filter(|_| looked_at) {
                        out.push(format!(
                            "{} {key}: {:?} says {variant:?} for the {}; say {:?}",
                            lang.code(),
                            text,
                            concept.idea,
                            concept.terms[index]
                        ));
                    }
                }
                for key in concept.used_in {
                    match strings.iter().find(|(k, _)| k == key) {
                        Some((_, text)) if contains(text, concept.terms[index]) => {}
                        Some((_, text)) => out.push(format!(
                            "{} {key}: {text:?} names the {} without {:?}",
                            lang.code(),
                            concept.idea,
                            concept.terms[index]
                        )),
                        None => out.push(format!(
                            "the glossary names {key}, which is not in the catalogue"
                        )),
                    }
                }
            }
        }
        out
    }

    #[test]
    fn every_catalogue_and_format_uses_one_term_per_idea() {
        let mistakes = mistakes();
        assert!(mistakes.is_empty(), "{}", mistakes.join("\n"));
    }

    #[test]
    fn patterns_match_words_and_inflected_stems() {
        assert!(contains("Asialistalla on oltava kohta", "asialist*"));
        assert!(contains("Kohtaa jäljellä", "kohtaa jäljellä"));
        assert!(!contains("Kohdan aikaa jäljellä", "kohtaa jäljellä"));
        assert!(!contains("tasapuolisuusindeksi", "tasapuolisuus"));
        let equity = GLOSSARY
            .iter()
            .find(|c| c.idea.starts_with("equity"))
            .unwrap();
        assert_eq!(rejected_in(equity, 2, "Mean equity index: 0.8"), None);
        assert_eq!(rejected_in(equity, 2, "Equity"), Some("equity"));
    }
}
