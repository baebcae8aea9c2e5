//! End to end in a real terminal (tmux): open the archive of past meetings, find one by a
//! word from one of its ideas, open it and export its minutes. Skipped without tmux.

use crate::tmux;

use std::path::{Path, PathBuf};

use parvi::model::MeetingState;
use parvi::store::{Origin, Paths, Store};
use tmux::{Launch, Tmux};

/// A word of one idea that no other sample meeting mentions anywhere (so the search must find
/// exactly that meeting), with that meeting's topic.
fn unique_idea_word() -> (String, String) {
    let meetings = parvi::simulator::meetings();
    let texts: Vec<String> = meetings
        .iter()
        .map(|m| serde_json::to_string(m).unwrap().to_lowercase())
        .collect();
    for (n, meeting) in meetings.iter().enumerate() {
        for idea in MeetingState::replay(meeting).live_ideas() {
            for word in idea
                .text
                .split_whitespace()
                .filter(|w| w.chars().count() >= 7)
            {
                let word = word
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                let elsewhere = texts
                    .iter()
                    .enumerate()
                    .any(|(i, text)| i != n && text.contains(&word));
                if !elsewhere {
                    return (word, meeting.topic.clone());
                }
            }
        }
    }
    panic!("every idea word of the sample appears in more than one meeting")
}

fn exported(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "html"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
#[ignore = "needs tmux: run with `cargo test --release -- --include-ignored`, as .ci/run does"]
fn the_archive_finds_a_meeting_by_a_word_of_its_ideas_and_exports_its_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let store = Store::open(Paths::at(&data, Origin::Flag)).unwrap();
    parvi::store::sample::install(&store).unwrap();
    drop(store);
    let (word, topic) = unique_idea_word();

    let mut launch = Launch::new(&[]);
    launch.cwd = Some(out.clone());
    let tmux = Tmux::start(&data, launch);
    // The home screen is up.
    tmux.wait_for("v arkisto");
    tmux.send_keys(&["v"]);
    tmux.wait_for("3 kokousta");
    // The search narrows the list as the word is typed; Enter keeps it.
    tmux.send_keys(&["/"]);
    tmux.send_text(&word);
    tmux.wait_for("1/3 kokousta");
    tmux.send_keys(&["Enter"]);
    // The list row may cut a long topic short.
    let topic_start: String = topic.chars().take(20).collect();
    tmux.wait_until("the one match is the meeting with the idea", |s| {
        s.contains("1/3 kokousta") && s.contains(&topic_start)
    });
    // Open it: its view shows the idea.
    tmux.send_keys(&["Enter"]);
    tmux.wait_for("Kokouksen kulku");
    // e asks what to export; the first choice is the minutes to print.
    tmux.send_keys(&["e"]);
    tmux.wait_for("Muistio tulostettavaksi");
    tmux.send_keys(&["Enter"]);
    tmux.wait_for("Tallennettu 20");

    let files = exported(&out);
    assert_eq!(
        files.len(),
        1,
        "one HTML file in the directory parvi started in"
    );
    let html = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        html.contains(&topic),
        "the minutes are of the meeting found"
    );
    assert!(
        html.to_lowercase().contains(&word),
        "the minutes contain the idea searched for"
    );
    assert!(html.contains("<html") && !html.contains("<script"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // A second export asks before it replaces the first: no keeps the file as it is.
    let exported_html = std::fs::read(&files[0]).unwrap();
    std::fs::write(&files[0], b"an older version").unwrap();
    tmux.send_keys(&["e"]);
    tmux.wait_for("Muistio tulostettavaksi");
    tmux.send_keys(&["Enter"]);
    tmux.wait_for("Korvataanko se?");
    tmux.send_keys(&["n"]);
    tmux.wait_gone("Korvataanko se?");
    assert_eq!(std::fs::read(&files[0]).unwrap(), b"an older version");
    assert_eq!(exported(&out).len(), 1);
    // Yes replaces it with the new export.
    tmux.send_keys(&["e"]);
    tmux.wait_for("Muistio tulostettavaksi");
    tmux.send_keys(&["Enter"]);
    tmux.wait_for("Korvataanko se?");
    tmux.send_keys(&["k"]);
    tmux.wait_for("Tallennettu 20");
    assert_eq!(std::fs::read(&files[0]).unwrap(), exported_html);
    assert_eq!(exported(&out).len(), 1);
}
