//! The catalogue's own checks: every language complete and consistent, placeholders filled,
//! and the language chosen as the user asked.

use super::*;
use std::collections::BTreeSet;

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.insert(after[..close].to_string());
        rest = &after[close + 1..];
    }
    out
}

#[test]
fn every_language_uses_the_same_placeholders_and_no_text_is_blank() {
    let fi = catalogue_strings(Lang::Fi);
    for lang in [Lang::Sv, Lang::En] {
        let other = catalogue_strings(lang);
        assert_eq!(fi.len(), other.len());
        for ((key, a), (key2, b)) in fi.iter().zip(&other) {
            assert_eq!(key, key2);
            assert_eq!(
                placeholders(a),
                placeholders(b),
                "{key}: fi {a:?} vs {} {b:?}",
                lang.code()
            );
        }
    }
    for lang in Lang::ALL {
        for (key, s) in catalogue_strings(lang) {
            assert!(!s.trim().is_empty(), "{} {key} is blank", lang.code());
        }
    }
}

#[test]
fn fill_replaces_known_placeholders_and_keeps_others() {
    assert_eq!(
        fill("{a} ja {b}, {c}", &[("a", "Aino"), ("b", "Mikko")]),
        "Aino ja Mikko, {c}"
    );
    assert_eq!(fill("no braces {", &[]), "no braces {");
}

#[test]
fn language_is_chosen_by_flag_then_config_then_locale() {
    let locale = |v: &str| vec![None, None, Some(v.to_string())];
    assert_eq!(
        Lang::choose(Some(Lang::Sv), Some(Lang::En), &locale("fi_FI")),
        Lang::Sv
    );
    assert_eq!(
        Lang::choose(None, Some(Lang::En), &locale("fi_FI")),
        Lang::En
    );
    assert_eq!(Lang::choose(None, None, &locale("sv_FI.UTF-8")), Lang::Sv);
    assert_eq!(Lang::choose(None, None, &locale("de_DE.UTF-8")), Lang::En);
    assert_eq!(Lang::choose(None, None, &locale("C.UTF-8")), Lang::Fi);
    assert_eq!(Lang::choose(None, None, &[None, None, None]), Lang::Fi);
    // LC_ALL wins over LANG.
    let both = vec![
        Some("en_GB.UTF-8".to_string()),
        None,
        Some("fi_FI".to_string()),
    ];
    assert_eq!(Lang::choose(None, None, &both), Lang::En);
}
