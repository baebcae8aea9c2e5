//! Finnish inflection of personal names, so that a public export finds a name however it is
//! written ("Antille", "VIRTASELLEKIN", "sofia") and knows the case it stood in.
//!
//! The forms of a name are generated, not guessed from a prefix: a word is a name only if it
//! is one of them, perhaps with clitics or a possessive suffix after it. So "ainoastaan"
//! ("only") is no form of *Aino*; "ainoa" is (Aino's partitive), and is also an ordinary word:
//! [`is_common_word`] tells the caller to look at how it is written. The rules cover the
//! name types of Finnish given names and surnames: vowel stems with consonant gradation
//! (Antti → Antin, Riikka → Riikan), i-stems that inflect with -e- (Lahti → Lahden, Lahteen),
//! -e names of both kinds (Kalle → Kallen; Laine → Laineen, Rinne → Rinteen), -nen surnames
//! (Virtanen → Virtasen), -s names (Markus → Markuksen; Kangas → Kankaan) and names ending in
//! a consonant (Kevin → Keviniä). Where the rules cannot know which type a name is, every
//! type's forms are made: a spare form only hides a word that is no Finnish word anyway.

use std::collections::HashSet;
use std::sync::LazyLock;

/// A case a name was found in. All are singular but [`Case::Plural`] (the nominative plural,
/// "Virtaset", the Virtanen family); `SvGenitive` is the Swedish genitive "Ainos".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Nominative,
    Genitive,
    Partitive,
    Essive,
    Translative,
    Inessive,
    Elative,
    Illative,
    Adessive,
    Ablative,
    Allative,
    Abessive,
    Comitative,
    Instructive,
    Plural,
    SvGenitive,
}

/// The case endings taken after the weak stem, with `A` for the harmony vowel.
const WEAK_ENDINGS: [(&str, Case); 8] = [
    ("n", Case::Genitive),
    ("ksi", Case::Translative),
    ("ssA", Case::Inessive),
    ("stA", Case::Elative),
    ("llA", Case::Adessive),
    ("ltA", Case::Ablative),
    ("lle", Case::Allative),
    ("ttA", Case::Abessive),
];

/// Clitics a name may take, longest first so "kaan" is tried before "ko" would not match.
const CLITICS: [&str; 9] = ["kään", "kaan", "kin", "hän", "han", "pä", "pa", "kö", "ko"];

/// Possessive suffixes ("Ainoni", "Antillesi").
const POSSESSIVES: [&str; 6] = ["nsä", "nsa", "mme", "nne", "ni", "si"];

fn is_vowel(c: char) -> bool {
    "aeiouyäö".contains(c)
}

/// Back-vowel words take `a`, front-vowel words `ä` (vowel harmony).
fn harmonise(word: &str, ending: &str) -> String {
    let back = word.chars().any(|c| "aou".contains(c));
    ending
        .chars()
        .map(|c| match c {
            'A' if back => 'a',
            'A' => 'ä',
            'O' if back => 'o',
            'O' => 'ö',
            c => c,
        })
        .collect()
}

/// A clitic as it reads after `word`: `kaan` after a back-vowel word, `kään` after a front one.
pub fn clitic_after(word: &str, clitic: &str) -> String {
    let neutral: String = clitic
        .chars()
        .map(|c| match c {
            'a' | 'ä' => 'A',
            'o' | 'ö' => 'O',
            c => c,
        })
        .collect();
    harmonise(word, &neutral)
}

/// Drops the last `n` characters.
fn cut(word: &str, n: usize) -> String {
    let keep = word.chars().count().saturating_sub(n);
    word.chars().take(keep).collect()
}

/// The weak grades of a stem ending in one short vowel: `antti` → `anti`, `lahti` → `lahdi`.
/// A double stop always weakens; a single one weakens in common nouns (Lahti → Lahden) but
/// mostly not in given names (Outi → Outin), so both are given. Too short a stem (`Aki` →
/// `ai`) is not given: it would hide short words.
fn weak_stems(stem: &str) -> Vec<String> {
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    if n < 3 || !is_vowel(chars[n - 1]) || is_vowel(chars[n - 2]) {
        return vec![stem.to_string()];
    }
    let (head, last) = (&chars[..n - 1], chars[n - 1]);
    let ends = |s: &str| {
        let s: Vec<char> = s.chars().collect();
        head.ends_with(&s)
    };
    let swap = |drop: usize, add: &str| -> String {
        let mut s: String = head[..head.len() - drop].iter().collect();
        s.push_str(add);
        s.push(last);
        s
    };
    let weak: Vec<String> = if ends("kk") || ends("pp") || ends("tt") {
        return vec![swap(1, "")];
    } else if ends("nk") {
        vec![swap(1, "g")]
    } else if ends("mp") {
        vec![swap(1, "m")]
    } else if ends("nt") {
        vec![swap(1, "n")]
    } else if ends("lt") {
        vec![swap(1, "l")]
    } else if ends("rt") {
        vec![swap(1, "r")]
    } else if ends("ht") {
        vec![swap(1, "d")]
    } else if ends("lk") || ends("rk") {
        vec![swap(1, ""), swap(1, "j")]
    } else if ends("hk") {
        vec![swap(1, "")]
    } else if ends("lp") || ends("rp") {
        vec![swap(1, "v")]
    } else if head.len() >= 2 && is_vowel(head[head.len() - 2]) {
        match head[head.len() - 1] {
            't' => vec![swap(1, "d")],
            'k' => vec![swap(1, "")],
            'p' => vec![swap(1, "v")],
            _ => vec![],
        }
    } else {
        vec![]
    };
    let mut out = vec![stem.to_string()];
    out.extend(weak.into_iter().filter(|s| s.chars().count() >= 3));
    out
}

/// The strong grades of the consonants that end `pre` (a weak nominative's stem: `kang` of
/// Kangas → `kank`, `rinn` of Rinne → `rint`), the unchanged one first.
fn strong_stems(pre: &str) -> Vec<String> {
    let mut out = vec![pre.to_string()];
    let pairs = [
        ("ng", "nk"),
        ("mm", "mp"),
        ("nn", "nt"),
        ("ll", "lt"),
        ("rr", "rt"),
        ("hd", "ht"),
        ("lj", "lk"),
        ("rj", "rk"),
    ];
    if let Some((weak, strong)) = pairs.iter().find(|(w, _)| pre.ends_with(w)) {
        out.push(format!("{}{strong}", cut(pre, weak.chars().count())));
        return out;
    }
    let chars: Vec<char> = pre.chars().collect();
    if chars.len() >= 2 && is_vowel(chars[chars.len() - 2]) {
        let strong = match chars[chars.len() - 1] {
            'd' => Some("t"),
            'v' => Some("p"),
            'k' => Some("kk"),
            'p' => Some("pp"),
            't' => Some("tt"),
            _ => None,
        };
        if let Some(strong) = strong {
            out.push(format!("{}{strong}", cut(pre, 1)));
        }
    }
    out
}

/// The forms being collected for one name, lowercase, each once.
struct Forms {
    name: String,
    out: Vec<(String, Case)>,
}

impl Forms {
    fn add(&mut self, stem: &str, ending: &str, case: Case) {
        let form = format!("{stem}{}", harmonise(&self.name, ending));
        if !self.out.iter().any(|(f, _)| *f == form) {
            self.out.push((form, case));
        }
    }

    /// The cases taken after the weak stem.
    fn weak(&mut self, stem: &str) {
        for (ending, case) in WEAK_ENDINGS {
            self.add(stem, ending, case);
        }
    }

    /// Comitative (`-ineen`) and instructive (`-in`) after a plural stem ending in `i`.
    fn plural_stem(&mut self, stem: &str) {
        self.add(stem, "neen", Case::Comitative);
        self.add(stem, "n", Case::Instructive);
    }

    /// Names ending in a vowel: Aino, Antti, Riikka, Sofia, Kalle.
    fn vowel(&mut self, w: &str) {
        let last = w.chars().last().unwrap_or('a');
        let long = w.chars().rev().nth(1).is_some_and(is_vowel);
        for weak in weak_stems(w) {
            self.weak(&weak);
            self.add(&weak, "t", Case::Plural);
        }
        self.add(w, "A", Case::Partitive);
        if long {
            self.add(w, "tA", Case::Partitive);
            self.add(w, &format!("h{last}n"), Case::Illative);
        }
        self.add(w, "nA", Case::Essive);
        self.add(w, &format!("{last}n"), Case::Illative);
        let base = cut(w, 1);
        let plurals: Vec<String> = match last {
            'o' | 'u' | 'y' | 'ö' => vec![format!("{w}i")],
            'i' | 'e' => vec![format!("{base}ei")],
            'a' => vec![format!("{base}oi"), format!("{base}i")],
            _ => vec![format!("{base}i")],
        };
        for plural in plurals {
            self.plural_stem(&plural);
        }
    }

    /// Old Finnish words in -i inflect with -e-: Lahti, Lahden, Lahtea, Lahteen.
    fn e_stem(&mut self, w: &str) {
        let strong = format!("{}e", cut(w, 1));
        for weak in weak_stems(w) {
            let weak_e = format!("{}e", cut(&weak, 1));
            self.weak(&weak_e);
            self.add(&weak_e, "t", Case::Plural);
            self.add(&weak, "n", Case::Instructive);
        }
        self.add(&strong, "A", Case::Partitive);
        self.add(&strong, "nA", Case::Essive);
        self.add(&strong, "en", Case::Illative);
        self.add(w, "neen", Case::Comitative);
    }

    /// -e names with a long -ee- stem: Laine, Laineen, Lainetta; Rinne, Rinteen.
    fn long_e(&mut self, w: &str) {
        let pre = cut(w, 1);
        self.add(w, "ttA", Case::Partitive);
        for strong in strong_stems(&pre) {
            let stem = format!("{strong}ee");
            self.weak(&stem);
            self.add(&stem, "nA", Case::Essive);
            self.add(&stem, "seen", Case::Illative);
            self.add(&stem, "t", Case::Plural);
            self.plural_stem(&format!("{strong}ei"));
        }
    }

    /// -nen surnames: Virtanen, Virtasen, Virtasta, Virtaseen.
    fn nen(&mut self, w: &str) {
        let base = cut(w, 3);
        let stem = format!("{base}se");
        self.weak(&stem);
        self.add(&base, "stA", Case::Partitive);
        self.add(&stem, "nA", Case::Essive);
        self.add(&stem, "en", Case::Illative);
        self.add(&stem, "t", Case::Plural);
        self.plural_stem(&format!("{base}si"));
    }

    /// -s names with a -kse- stem: Markus, Markuksen, Markusta, Markukseen.
    fn kse(&mut self, w: &str) {
        let base = cut(w, 1);
        let stem = format!("{base}kse");
        self.weak(&stem);
        self.add(w, "tA", Case::Partitive);
        self.add(&stem, "nA", Case::Essive);
        self.add(&stem, "en", Case::Illative);
        self.add(&stem, "t", Case::Plural);
        self.plural_stem(&format!("{base}ksi"));
    }

    /// -Vs names with a long vowel stem: Kangas, Kankaan, Kangasta, Kankaaseen.
    fn long_s(&mut self, w: &str) {
        let chars: Vec<char> = w.chars().collect();
        let n = chars.len();
        if n < 4 || !is_vowel(chars[n - 2]) || is_vowel(chars[n - 3]) {
            return;
        }
        let v = chars[n - 2];
        self.add(w, "tA", Case::Partitive);
        for strong in strong_stems(&cut(w, 2)) {
            let stem = format!("{strong}{v}{v}");
            self.weak(&stem);
            self.add(&stem, "nA", Case::Essive);
            self.add(&stem, "seen", Case::Illative);
            self.add(&stem, "t", Case::Plural);
            self.plural_stem(&format!("{strong}{v}i"));
        }
    }

    /// Names ending in another consonant take -i-: Kevin, Kevinin, Keviniä, Keviniin.
    fn consonant(&mut self, w: &str) {
        let stem = format!("{w}i");
        self.weak(&stem);
        self.add(&stem, "A", Case::Partitive);
        self.add(&stem, "nA", Case::Essive);
        self.add(&stem, "in", Case::Illative);
        self.add(&stem, "t", Case::Plural);
    }
}

/// Every form of one word of a name, lowercase, the nominative first. A form that two
/// rules give is listed once, with the case of the first.
pub fn declension(name: &str) -> Vec<(String, Case)> {
    let w = name.to_lowercase();
    let mut forms = Forms {
        name: w.clone(),
        out: vec![(w.clone(), Case::Nominative)],
    };
    let last = w.chars().last().unwrap_or(' ');
    if w.chars().count() >= 5 && w.ends_with("nen") {
        forms.nen(&w);
    } else if last == 's' {
        forms.kse(&w);
        forms.long_s(&w);
        forms.consonant(&w);
    } else if is_vowel(last) {
        // Laine's "laineen" is a genitive, Kalle's "kalleen" an illative: the genitive,
        // by far the commoner, goes first.
        if last == 'e' {
            forms.long_e(&w);
        }
        forms.vowel(&w);
        if last == 'i' {
            forms.e_stem(&w);
        }
    } else if last.is_alphabetic() {
        forms.consonant(&w);
    }
    if last != 's' {
        forms.add(&w, "s", Case::SvGenitive);
    }
    forms.out
}

/// One way to read a word as a form followed by clitics and a possessive suffix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// What should be a form of the name.
    pub base: String,
    /// The clitics after it, as written (`kin`, `kohan`), or empty.
    pub clitic: String,
}

/// The ways `word` (lowercase) may be a form with clitics (at most two) and a possessive
/// suffix after it, the word as it is first. A possessive takes the place of a final `-n`
/// ("Ainoni" for *Ainon* + *ni*) and turns `-ksi` into `-kse-` ("Ainokseni").
pub fn splits(word: &str) -> Vec<Split> {
    let mut bases: Vec<(String, String)> = vec![(word.to_string(), String::new())];
    for _ in 0..2 {
        let more: Vec<(String, String)> = bases
            .iter()
            .flat_map(|(base, clitic)| {
                CLITICS.iter().filter_map(move |c| {
                    base.strip_suffix(c)
                        .filter(|b| b.chars().count() >= 2)
                        .map(|b| (b.to_string(), format!("{c}{clitic}")))
                })
            })
            .collect();
        for m in more {
            if !bases.contains(&m) {
                bases.push(m);
            }
        }
    }
    let mut out = Vec::new();
    for (base, clitic) in bases {
        out.push(Split {
            base: base.clone(),
            clitic: clitic.clone(),
        });
        for p in POSSESSIVES {
            let Some(stem) = base.strip_suffix(p).filter(|b| b.chars().count() >= 2) else {
                continue;
            };
            let mut stems = vec![stem.to_string(), format!("{stem}n")];
            if let Some(b) = stem.strip_suffix("kse") {
                stems.push(format!("{b}ksi"));
            }
            for s in stems {
                out.push(Split {
                    base: s,
                    clitic: clitic.clone(),
                });
            }
        }
    }
    out
}

/// Ordinary words that names are made of, frequent in what a meeting writes: their forms
/// are name forms only where they are written as names (see [`is_common_word`]).
const COMMON_WORDS: [&str; 17] = [
    "ainoa", "anna", "toivo", "usko", "onni", "into", "ilo", "valo", "satu", "tuuli", "lumi",
    "päivä", "aamu", "kai", "veli", "kari", "helmi",
];

static COMMON_FORMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    COMMON_WORDS
        .iter()
        .flat_map(|w| declension(w))
        // Their comitative and instructive ("ainoineen") are too rare to spare a name's.
        .filter(|(_, case)| !matches!(case, Case::Comitative | Case::Instructive))
        .map(|(form, _)| form)
        .collect()
});

/// Whether a form of a name is also an ordinary word: "ainoa" ("only") is Aino's partitive,
/// "toivon" ("I hope") Toivo's genitive. The caller hides such a word only where it is
/// written as a name.
pub fn is_common_word(form: &str) -> bool {
    COMMON_FORMS.contains(&form.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(name: &str, form: &str, case: Case) -> bool {
        declension(name)
            .iter()
            .any(|(f, c)| f == form && *c == case)
    }

    #[test]
    fn gradation_and_stem_types_give_the_forms_a_finn_writes() {
        assert!(has("Antti", "antin", Case::Genitive));
        assert!(has("Antti", "antille", Case::Allative));
        assert!(has("Antti", "anttia", Case::Partitive));
        assert!(has("Antti", "anttiin", Case::Illative));
        assert!(has("Riikka", "riikan", Case::Genitive));
        assert!(has("Riikka", "riikkaa", Case::Partitive));
        assert!(has("Lahti", "lahden", Case::Genitive));
        assert!(has("Lahti", "lahteen", Case::Illative));
        assert!(has("Lahti", "lahtea", Case::Partitive));
        assert!(has("Kangas", "kankaan", Case::Genitive));
        assert!(has("Kangas", "kangasta", Case::Partitive));
        assert!(has("Kangas", "kankaaseen", Case::Illative));
        assert!(has("Virtanen", "virtasen", Case::Genitive));
        assert!(has("Virtanen", "virtasta", Case::Partitive));
        assert!(has("Virtanen", "virtaseen", Case::Illative));
        assert!(has("Laine", "laineen", Case::Genitive));
        assert!(has("Laine", "lainetta", Case::Partitive));
        assert!(has("Rinne", "rinteen", Case::Genitive));
        assert!(has("Markus", "markuksen", Case::Genitive));
        assert!(has("Päivi", "päiviä", Case::Partitive));
        assert!(has("Aino", "ainoineen", Case::Comitative));
        assert!(has("Kevin", "keviniä", Case::Partitive));
    }

    #[test]
    fn clitics_and_possessives_come_off_before_the_form_is_looked_up() {
        let bases: Vec<(String, String)> = splits("ainollenikin")
            .into_iter()
            .map(|s| (s.base, s.clitic))
            .collect();
        assert!(bases.contains(&("ainolle".to_string(), "kin".to_string())));
        assert!(splits("ainokseni").iter().any(|s| s.base == "ainoksi"));
        assert!(
            splits("eetukohan")
                .iter()
                .any(|s| s.base == "eetu" && s.clitic == "kohan")
        );
        assert_eq!(clitic_after("henkilö", "kaan"), "kään");
    }

    #[test]
    fn ordinary_words_that_begin_like_a_name_are_no_form_of_it() {
        let aino: Vec<String> = declension("Aino").into_iter().map(|(f, _)| f).collect();
        for word in ["ainoastaan", "ainoat", "ainoana", "ainoaan"] {
            assert!(!aino.contains(&word.to_string()), "{word}");
        }
        assert!(aino.contains(&"ainoa".to_string()));
        assert!(is_common_word("Ainoa"));
        assert!(!is_common_word("Ainolle"));
    }
}
