//! The layering rule of `src/lib.rs`: the pure layers (`model`, `export`, `i18n`) never
//! touch a terminal, a file or a clock, and each layer imports only the layers below it
//! (no screen imports another feature's screen). A text scan is enough, and it fails loudly.

use std::path::Path;

const FORBIDDEN: &[&str] = &[
    "ratatui",
    "crossterm",
    "std::fs",
    "std::io::stdin",
    "std::env",
    "Instant::now",
    "SystemTime::now",
    "Timestamp::now",
    "Zoned::now",
    "ZonedDateTime::now",
];

fn scan(dir: &Path, offences: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            scan(&path, offences);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for word in FORBIDDEN {
                    if code.contains(word) {
                        offences.push(format!("{}:{}: {word}", path.display(), n + 1));
                    }
                }
            }
        }
    }
}

#[test]
fn the_pure_layers_import_no_terminal_file_or_clock() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offences = Vec::new();
    for layer in ["model", "export", "i18n"] {
        scan(&src.join(layer), &mut offences);
    }
    assert!(
        offences.is_empty(),
        "pure layers must stay pure:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_scan_finds_what_it_looks_for() {
    // Guard against a scan that silently checks nothing.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("x.rs"),
        "use std::fs;\nlet t = Instant::now();\n",
    )
    .unwrap();
    let mut offences = Vec::new();
    scan(dir.path(), &mut offences);
    assert_eq!(offences.len(), 2);
}

/// Exports written while trying the app in the repository's own folder (the in-app export
/// writes into the directory parvi was started in) must never be committed: `.gitignore`
/// keeps `/*.csv`, `/*.html` and `/*.md` (but the README) out, and this checks what git
/// tracks at the root. Without git (a source tarball) there is nothing to check.
#[test]
fn no_exported_minutes_are_tracked_at_the_repository_root() {
    let root = env!("CARGO_MANIFEST_DIR");
    let Ok(out) = std::process::Command::new("git")
        .args(["ls-files", "--", "*.csv", "*.html", "*.md"])
        .current_dir(root)
        .output()
    else {
        return;
    };
    if !out.status.success() {
        return;
    }
    let tracked = String::from_utf8_lossy(&out.stdout);
    let strays: Vec<&str> = tracked
        .lines()
        .filter(|path| !path.contains('/') && *path != "README.md")
        .collect();
    assert!(
        strays.is_empty(),
        "exports committed at the root: {strays:?}"
    );
}

// ---- imports between layers ------------------------------------------------------------

/// The feature a file of `src/` belongs to, for the import rules: its layer, or for a
/// screen its feature, which is its file or its folder under `tui/screens/` (the meeting
/// with its phases, the review with its pages).
fn feature(rel: &str) -> String {
    let parts: Vec<&str> = rel.trim_end_matches(".rs").split('/').collect();
    match parts.as_slice() {
        ["tui", "screens", "mod"] => "tui".into(),
        ["tui", "screens", name, ..] => format!("screen:{name}"),
        [layer, ..] => layer.to_string(),
        [] => String::new(),
    }
}

/// What a layer may import of the crate (besides itself).
fn allowed(from: &str, to: &str) -> bool {
    let layer = from.split(':').next().unwrap_or(from);
    match (layer, to) {
        (_, "lang") => true,
        ("model", t) => t == "model",
        ("i18n", t) => matches!(t, "i18n" | "model"),
        ("store", t) => matches!(t, "store" | "model" | "i18n" | "export"),
        ("export", t) => matches!(t, "export" | "model" | "i18n"),
        ("simulator", t) => matches!(t, "model" | "store"),
        // The phone server only carries requests: it knows no meeting (DESIGN §11).
        ("net", t) => t == "net",
        ("tui" | "screen", t) if t.starts_with("screen:") => {
            from == t || !from.starts_with("screen:")
        }
        ("tui" | "screen", t) => {
            matches!(t, "tui" | "model" | "i18n" | "store" | "export" | "net")
        }
        ("cli", t) => !t.starts_with("screen:"),
        ("lib" | "main", _) => true,
        _ => false,
    }
}

/// Where a path after `crate::` (or `super::` inside the screens) leads: the feature it
/// names, as [`feature`] names files.
fn target(path: &str) -> String {
    let parts: Vec<&str> = path.split("::").collect();
    match parts.as_slice() {
        ["tui", "screens", name, ..]
            if name.chars().all(|c| c.is_ascii_lowercase() || c == '_') =>
        {
            format!("screen:{name}")
        }
        [first, ..] => first.to_string(),
        [] => String::new(),
    }
}

/// The module path of a file of `src/`: `tui/screens/meeting/mod.rs` is
/// `tui::screens::meeting`.
fn module_of(rel: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = rel.trim_end_matches(".rs").split('/').collect();
    if matches!(parts.last(), Some(&"mod" | &"lib" | &"main")) {
        parts.pop();
    }
    parts
}

/// Every `crate::…` path in the code of `text`, and every `super::…` path read as the
/// crate path it leads to, with its line number.
fn imports(rel: &str, text: &str) -> Vec<(usize, String)> {
    let module = module_of(rel);
    let mut out = Vec::new();
    let mut in_tests = false;
    for (n, line) in text.lines().enumerate() {
        // Unit tests may reach anywhere to build their fixtures.
        if line.trim_start().starts_with("#[cfg(test)]") {
            in_tests = true;
        }
        if in_tests {
            continue;
        }
        let code = line.split("//").next().unwrap_or("");
        for (prefix, from_root) in [("crate::", true), ("super::", false)] {
            let mut rest = code;
            while let Some(at) = rest.find(prefix) {
                // `super::super::x` is one path, read from its first `super::`.
                let preceded_by_super = !from_root && rest[..at].ends_with("super::");
                let after = &rest[at + prefix.len()..];
                rest = after;
                if preceded_by_super {
                    continue;
                }
                let mut path: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                if !from_root {
                    let mut base = module.clone();
                    base.pop();
                    while let Some(deeper) = path.strip_prefix("super::") {
                        base.pop();
                        path = deeper.to_string();
                    }
                    base.push(&path);
                    path = base.join("::");
                }
                out.push((n + 1, path));
            }
        }
    }
    out
}

/// The imports of the files under `dir` (as paths relative to `src/`) that break the rules.
fn layering_offences(src: &Path, dir: &Path, offences: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            layering_offences(src, &path, offences);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path
                .strip_prefix(src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let from = feature(&rel);
            let text = std::fs::read_to_string(&path).unwrap();
            for (line, import) in imports(&rel, &text) {
                let to = target(&import);
                if to != from.split(':').next().unwrap_or("") && to != from && !allowed(&from, &to)
                {
                    offences.push(format!("{rel}:{line}: {from} imports {to} ({import})"));
                }
            }
        }
    }
}

#[test]
fn each_layer_imports_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offences = Vec::new();
    layering_offences(&src, &src, &mut offences);
    assert!(
        offences.is_empty(),
        "imports against the layering of src/lib.rs:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_layering_scan_catches_a_forbidden_import() {
    // Guard against a scan that silently checks nothing: a model file that imports the
    // terminal layer, a screen that imports another feature's screen, and the CLI reaching
    // into a screen.
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    for (file, text) in [
        (
            "model/x.rs",
            "use crate::tui::app::Ctx;\nuse crate::model::Role;\n",
        ),
        ("model/y.rs", "fn f() -> crate::i18n::Lang { todo!() }\n"),
        ("tui/screens/home.rs", "use super::meeting::MeetingView;\n"),
        (
            "tui/screens/meeting/vote.rs",
            "use crate::tui::screens::meeting::MeetingView;\nuse super::PhaseUi;\n",
        ),
        (
            "tui/screens/review/trend.rs",
            "use super::super::meeting::vote::x;\nuse super::session::y;\n",
        ),
        ("tui/screens/meeting/mod.rs", "use super::home::HomeView;\n"),
        (
            "cli/stats.rs",
            "use crate::tui::screens::meeting::records::x;\n",
        ),
        ("tui/app.rs", "use crate::cli::export;\n"),
    ] {
        std::fs::create_dir_all(src.join(file).parent().unwrap()).unwrap();
        std::fs::write(src.join(file), text).unwrap();
    }
    let mut offences = Vec::new();
    layering_offences(src, src, &mut offences);
    offences.sort();
    assert_eq!(
        offences,
        [
            "cli/stats.rs:1: cli imports screen:meeting (tui::screens::meeting::records::x)",
            "model/x.rs:1: model imports tui (tui::app::Ctx)",
            "model/y.rs:1: model imports i18n (i18n::Lang)",
            "tui/app.rs:1: tui imports cli (cli::export)",
            "tui/screens/home.rs:1: screen:home imports screen:meeting (tui::screens::meeting::MeetingView)",
            "tui/screens/meeting/mod.rs:1: screen:meeting imports screen:home (tui::screens::home::HomeView)",
            "tui/screens/review/trend.rs:1: screen:review imports screen:meeting (tui::screens::meeting::vote::x)",
        ]
    );
}
