//! `parvi __save-stress --dir DIR`: saves a growing meeting over and over until killed.
//!
//! It opens the store on `DIR` (taking the instance lock, as the app does), starts a meeting
//! of the built-in quick-round format with a small made-up group, and then loops forever:
//! carry out one command on the [`Meeting`] (the next speaker, a note on the turn, and the
//! round again when it is complete), save the whole session with
//! [`Store::save_session`], and only then print the number of events in the saved file on
//! its own line and flush stdout. A printed number is therefore an acknowledgement: the file
//! on disk holds at least that many events.
//!
//! `tests/crash_kill.rs` kills this process with SIGKILL at random moments and checks that
//! every acknowledged event survived; `tests/lock.rs` uses it as a live second parvi that
//! holds the data directory. The stamps are synthetic (one second apart), so the run is
//! deterministic apart from where the kill lands. It stops by itself only when stdout is
//! closed or a save fails.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::model::{
    Command, Format, Group, GroupKind, Meeting, PhaseKind, Role, SCHEMA_VERSION, SessionRecord,
    Stamp,
};
use crate::store::{Origin, Paths, Store, formats};

/// Arguments of the hidden stress command.
#[derive(Debug, Args)]
pub struct StressArgs {
    /// The data directory to save into.
    #[arg(long)]
    pub dir: PathBuf,
}

/// Runs until killed; returns an exit code only when it cannot go on.
pub fn run(args: &StressArgs) -> u8 {
    let store = match Store::open(Paths::at(&args.dir, Origin::Flag)) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("parvi __save-stress: {e}");
            return super::EXIT_FAILED;
        }
    };
    if !store.writable() {
        eprintln!("parvi __save-stress: the data directory is in use");
        return super::EXIT_LOCKED;
    }
    let Some(format) = formats::builtin().into_iter().find(|f| f.name == "kierros") else {
        eprintln!("parvi __save-stress: the built-in format is missing");
        return super::EXIT_FAILED;
    };
    let Some(round) = format
        .phases
        .iter()
        .position(|p| p.kind == PhaseKind::Round)
    else {
        eprintln!("parvi __save-stress: the built-in format has no round");
        return super::EXIT_FAILED;
    };
    let record = record(format);
    let path = store.new_session_path(&record);
    let start = record.created_at;
    let mut meeting = Meeting::new(record);
    let mut stdout = std::io::stdout().lock();
    let mut mono_ms = 0_u64;
    for step in 0_u64.. {
        let stamp = Stamp {
            at: start + jiff::SignedDuration::from_millis(mono_ms as i64),
            mono_ms,
        };
        mono_ms += 1000;
        let command = match step {
            0 => Command::Start,
            1 => Command::GoToPhase(round),
            s if s % 2 == 0 => Command::Next,
            s => Command::Note(format!("muistiinpano {s}: sää on hyvä 🙂")),
        };
        // A complete round is started again, so there is always something to save.
        if meeting.execute(command, stamp, step).is_err()
            && meeting
                .execute(Command::GoToPhase(round), stamp, step)
                .is_err()
        {
            eprintln!("parvi __save-stress: the meeting refused to go on");
            return super::EXIT_FAILED;
        }
        if let Err(e) = store.save_session(&path, meeting.record()) {
            eprintln!("parvi __save-stress: {e}");
            return super::EXIT_FAILED;
        }
        let saved = meeting.record().events.len();
        if writeln!(stdout, "{saved}")
            .and_then(|()| stdout.flush())
            .is_err()
        {
            return 0; // nobody is listening any more
        }
    }
    0
}

/// A fresh meeting record of `format` for a five-person group.
fn record(format: Format) -> SessionRecord {
    let mut group = Group {
        schema: SCHEMA_VERSION,
        id: "stress".into(),
        name: "Stress".into(),
        kind: GroupKind::Other,
        site: String::new(),
        members: Vec::new(),
        next_member: 1,
    };
    for (name, role) in [
        ("Aino Virtanen", Role::Student),
        ("Mikko Korhonen", Role::Teacher),
        ("Leena Mäkinen", Role::GuidanceCounsellor),
        ("Päivi Äijälä", Role::Nurse),
        ("Jukka Heikkinen", Role::Management),
    ] {
        // The names are distinct and short, so adding cannot fail.
        let _ = group.add_member(name, role);
    }
    SessionRecord::new(
        uuid::Uuid::new_v4(),
        jiff::Timestamp::now(),
        "stress",
        &group,
        &format,
        |_| false,
    )
}
