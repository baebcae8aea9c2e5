//! The layering rule of `src/lib.rs`: the pure layers (`model`, `export`, `i18n`) never
//! touch a terminal, a file or a clock. A text scan is enough, and it fails loudly.

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
