//! Meeting formats on disk: the built-in ones embedded in the binary, the user's own from
//! `<data>/formats/*.json`, and the check that explains each mistake by line and field.

use std::fs;
use std::path::{Path, PathBuf};

use super::read::{self, Problem, Reason};
use crate::model::Format;

/// The built-in formats, as shipped in `formats/` of the source tree.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "hyvinvointiryhma",
        include_str!("../../formats/hyvinvointiryhma.json"),
    ),
    ("kierros", include_str!("../../formats/kierros.json")),
    ("eratauko", include_str!("../../formats/eratauko.json")),
    (
        "tulevaisuuden-muistelu",
        include_str!("../../formats/tulevaisuuden-muistelu.json"),
    ),
    (
        "yksi-kaksi-nelja-kaikki",
        include_str!("../../formats/yksi-kaksi-nelja-kaikki.json"),
    ),
    (
        "mita-entas-mita-nyt",
        include_str!("../../formats/mita-entas-mita-nyt.json"),
    ),
    (
        "vertaispalaute",
        include_str!("../../formats/vertaispalaute.json"),
    ),
    (
        "oppimiskahvila",
        include_str!("../../formats/oppimiskahvila.json"),
    ),
    (
        "suostumuspaatos",
        include_str!("../../formats/suostumuspaatos.json"),
    ),
    (
        "vuosikellon-katselmus",
        include_str!("../../formats/vuosikellon-katselmus.json"),
    ),
];

/// Where a format comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatOrigin {
    Builtin,
    /// The user's own file; it replaces a built-in one of the same name.
    File(PathBuf),
}

/// A format and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatEntry {
    pub format: Format,
    pub origin: FormatOrigin,
}

/// The built-in formats, parsed.
pub fn builtin() -> Vec<Format> {
    BUILTIN
        .iter()
        // A broken built-in is caught by the tests; in the binary it is skipped, not fatal.
        .filter_map(|(_, text)| serde_json::from_str(text).ok())
        .collect()
}

/// Every format: the built-in ones, then the user's, a user's format replacing a built-in
/// one with the same name. Broken user files are returned as problems.
pub fn all(dir: &Path) -> (Vec<FormatEntry>, Vec<Problem>) {
    let mut entries: Vec<FormatEntry> = builtin()
        .into_iter()
        .map(|format| FormatEntry {
            format,
            origin: FormatOrigin::Builtin,
        })
        .collect();
    let mut problems = Vec::new();
    let mut files: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(read) => read
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "json")
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    for path in files {
        match load_user_format(&path) {
            Ok(format) => {
                entries.retain(|e| e.format.name != format.name);
                entries.push(FormatEntry {
                    format,
                    origin: FormatOrigin::File(path),
                });
            }
            Err(problem) => problems.push(problem),
        }
    }
    (entries, problems)
}

/// Loads a user's format, refusing one with mistakes (the first mistake is the reason).
pub fn load_user_format(path: &Path) -> Result<Format, Problem> {
    let report = check_file(path);
    match (report.format, report.mistakes.into_iter().next()) {
        (Some(format), None) => Ok(format),
        (_, Some(mistake)) => Err(Problem {
            path: path.to_path_buf(),
            reason: Reason::Json {
                line: mistake.line,
                column: 1,
                detail: mistake.message,
            },
        }),
        (None, None) => Err(Problem {
            path: path.to_path_buf(),
            reason: Reason::Empty,
        }),
    }
}

/// One mistake in a format file, located by line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    /// 1-based line, 0 when the place is not known.
    pub line: usize,
    /// The JSON path of the field, when known (`phases[2].minutes`).
    pub field: String,
    pub message: String,
}

/// The outcome of checking a format file.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// The format, when it parsed (it may still have mistakes).
    pub format: Option<Format>,
    pub mistakes: Vec<Mistake>,
    /// A file that could not even be read.
    pub unreadable: Option<Reason>,
}

/// Checks a format file and explains every mistake by line and field.
pub fn check_file(path: &Path) -> CheckReport {
    match read::read_capped(path, read::MAX_SMALL_BYTES) {
        Ok(bytes) => check_bytes(&bytes),
        Err(reason) => CheckReport {
            unreadable: Some(reason),
            ..Default::default()
        },
    }
}

/// Checks the bytes of a format file.
pub fn check_bytes(bytes: &[u8]) -> CheckReport {
    let text = match read::check_text(bytes) {
        Ok((text, _)) => text,
        Err(reason) => {
            return CheckReport {
                unreadable: Some(reason),
                ..Default::default()
            };
        }
    };
    check_text(text)
}

/// Checks the text of a format.
pub fn check_text(text: &str) -> CheckReport {
    match serde_json::from_str::<Format>(text) {
        Err(e) => CheckReport {
            mistakes: vec![Mistake {
                line: e.line(),
                field: String::new(),
                message: read::serde_words(&e),
            }],
            ..Default::default()
        },
        Ok(format) => {
            let problems = format.problems(false);
            // One scan for all the lines: one scan per mistake was quadratic.
            let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
            let lines = super::locate::lines_of(text, &paths);
            let mistakes = problems
                .into_iter()
                .zip(lines)
                .map(|(p, line)| Mistake {
                    line: line.unwrap_or(0),
                    field: p.path,
                    message: p.message,
                })
                .collect();
            CheckReport {
                format: Some(format),
                mistakes,
                unreadable: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_format_parses_and_has_no_mistakes_in_any_language() {
        for (name, text) in BUILTIN {
            let format: Format = serde_json::from_str(text)
                .unwrap_or_else(|e| panic!("built-in format {name} does not parse: {e}"));
            assert_eq!(
                &format.name, name,
                "the file name must match the format name"
            );
            let problems = format.problems(true);
            assert!(problems.is_empty(), "{name}: {problems:?}");
            assert!(!format.sources.is_empty(), "{name} must credit its sources");
        }
        assert_eq!(builtin().len(), BUILTIN.len());
    }

    /// `formats show` in Finnish or Swedish must not print an English note about a source.
    #[test]
    fn every_builtin_source_note_is_written_in_each_language() {
        for (name, text) in BUILTIN {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            for (i, source) in value["sources"].as_array().unwrap().iter().enumerate() {
                for lang in ["fi", "sv", "en"] {
                    assert!(
                        source["note"][lang].as_str().is_some_and(|t| !t.is_empty()),
                        "{name} sources[{i}].note has no {lang}"
                    );
                }
            }
        }
    }
}
