//! Carrying out the app's effects at the edge: saving, reading, the bell, the background
//! reads and the export of minutes, each result reported back to the app.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::app::{App, Effect};
use super::background::Background;
use super::load_data;
use super::terminal::LastSaved;
use crate::i18n::{Text, fill};
use crate::model::{Group, SessionRecord};
use crate::store::Store;
use crate::store::exports::{self, WriteError};

/// Carries out the effects the app asked for, reporting results back to it.
pub fn carry_out(
    app: &mut App,
    effects: Vec<Effect>,
    store: &Store,
    last_saved: &LastSaved,
    background: &mut Background,
) {
    for effect in effects {
        match effect {
            Effect::SaveMeeting { path, record } => {
                save_meeting(app, store, last_saved, path, *record);
            }
            Effect::SaveGroup(group) => save_group(app, store, &group),
            Effect::SaveClock(clock) => save_clock(app, store, *clock),
            Effect::ApplyClockEvents { group, events } => {
                apply_clock_events(app, store, &group, &events);
            }
            Effect::LoadSample => {
                if let Err(e) = crate::store::sample::install(store) {
                    app.report(e.to_string());
                }
                app.set_data(load_data(store));
            }
            Effect::Reload => app.set_data(load_data(store)),
            Effect::OpenMeeting(path) => match store.load_session(&path) {
                Ok((record, _)) => {
                    app.resume(record, path);
                    // The reopened meeting is saved at once (its Start or Reopen event).
                    let effects = std::mem::take(&mut app.cx.effects);
                    carry_out(app, effects, store, last_saved, background);
                }
                Err(problem) => app.report(problem.describe(app.cx.lang)),
            },
            Effect::ShowSession(path) => match store.load_session(&path) {
                Ok((record, _)) => app.show_session(record),
                Err(problem) => app.report(problem.describe(app.cx.lang)),
            },
            Effect::LoadOpenActions(group) => {
                let actions = store.open_actions(&group);
                app.set_open_actions(&group, actions);
            }
            Effect::Bell => ring_bell(),
            Effect::LoadSearch => {
                let index = store.search_index(&app.cx.data.sessions);
                app.set_search(index);
            }
            Effect::LoadGroup(group) => read_group(app, store, background, group),
            Effect::ExportMinutes {
                path,
                format,
                public,
                replace,
            } => export_minutes(app, store, &path, format, public, replace),
        }
    }
}

/// Saves the meeting and tells the app whether that worked.
fn save_meeting(
    app: &mut App,
    store: &Store,
    last_saved: &LastSaved,
    path: PathBuf,
    record: SessionRecord,
) {
    // Hold the slot while saving so the signal thread never writes an older copy over this
    // one.
    let mut slot = last_saved.lock().unwrap_or_else(|e| e.into_inner());
    match store.save_session(&path, &record) {
        Ok(()) => {
            *slot = Some((path, record));
            drop(slot);
            app.saved(None);
        }
        Err(e) => {
            drop(slot);
            app.saved(Some(save_reason(&e)));
        }
    }
}

/// Saves a group; only a failure is said.
fn save_group(app: &mut App, store: &Store, group: &Group) {
    if let Err(e) = store.save_group(group) {
        let text = save_failed(app.cx.t(), &store.paths.group(&group.id), &save_reason(&e));
        app.report(text);
    }
}

/// Saves a clock edited on the clock screen; the screens show it as saved. A failure is said
/// and the clock is read back from its file, so the screen never shows an unsaved change.
fn save_clock(app: &mut App, store: &Store, mut clock: crate::model::clock::YearClock) {
    // One revision on from the file's, whatever the screen's copy says.
    if let Ok(Some((on_disk, _))) = store.clock(&clock.group) {
        clock.revision = on_disk.revision;
    }
    let group = clock.group.clone();
    let clocks = &mut app.cx.data.clocks;
    match store.save_clock(&mut clock) {
        Ok(_) => {
            clocks.retain(|c| c.group != group);
            clocks.push(clock);
        }
        Err(e) => {
            clocks.retain(|c| c.group != group);
            if let Ok(Some((on_disk, _))) = store.clock(&group) {
                app.cx.data.clocks.push(on_disk);
            }
            let text = save_failed(app.cx.t(), &store.paths.clock(&group), &save_reason(&e));
            app.report(text);
        }
    }
}

/// Changes group `group`'s clock file as a meeting's clock events did, and the clock the
/// screens show with it. A broken clock file is reported and left as it is; an unchanged
/// clock is not written again.
fn apply_clock_events(
    app: &mut App,
    store: &Store,
    group: &str,
    events: &[crate::model::EventKind],
) {
    let (mut clock, _) = match store.clock(group) {
        Ok(Some(found)) => found,
        // The clock file is gone (removed by hand mid-meeting): the meeting's log still
        // holds every change.
        Ok(None) => return,
        Err(problem) => return app.report(problem.describe(app.cx.lang)),
    };
    let before = clock.clone();
    for event in events {
        event.apply_to_clock(&mut clock);
    }
    if clock == before {
        return;
    }
    match store.save_clock(&mut clock) {
        Ok(_) => {
            let clocks = &mut app.cx.data.clocks;
            clocks.retain(|c| c.group != group);
            clocks.push(clock);
        }
        Err(e) => {
            let text = save_failed(app.cx.t(), &store.paths.clock(group), &save_reason(&e));
            app.report(text);
        }
    }
}

/// Starts reading a group's meetings, newest first, on the background thread.
fn read_group(app: &App, store: &Store, background: &mut Background, group: String) {
    let files = app
        .cx
        .data
        .sessions
        .iter()
        .rev()
        .filter(|s| s.group_id == group)
        .map(|s| store.paths.sessions().join(&s.file))
        .collect();
    background.read_group(store.paths.clone(), group, files);
}

fn ring_bell() {
    let mut out = io::stdout();
    let _ = out.write_all(b"\x07");
    let _ = out.flush();
}

/// Writes a meeting's minutes (or tables, or log) into the directory parvi was started in
/// (where the facilitator will look for them); over an existing file only when `replace`,
/// that is after the facilitator was asked and said yes.
fn export_minutes(
    app: &mut App,
    store: &Store,
    path: &Path,
    format: crate::export::Format,
    public: bool,
    replace: bool,
) {
    let record = match store.load_session(path) {
        Ok((record, _)) => record,
        Err(problem) => return app.report(problem.describe(app.cx.lang)),
    };
    let zone = exports::zone();
    let options = crate::export::Options {
        number: Some(exports::number(&record, &app.cx.data.sessions, &zone)),
        zone,
        public,
        ..crate::export::Options::new(format, app.cx.lang)
    };
    let export = crate::export::minutes(&record, &options);
    let dir = std::env::current_dir().unwrap_or_else(|_| store.paths.root.clone());
    let files = export.files_in(&dir, false);
    let t = app.cx.t();
    match exports::write_all(&files, replace) {
        Ok(()) => {
            let paths: Vec<&Path> = files.iter().map(|(p, _)| p.as_path()).collect();
            app.cx.info(exported(t, &paths, &dir));
        }
        Err(WriteError::Exists(existing)) => {
            let question = fill(
                t.review.export_exists,
                &[
                    ("file", &file_name(&existing)),
                    ("dir", &dir.display().to_string()),
                ],
            );
            app.overlay = Some(super::overlay::Overlay::confirm(
                question,
                super::screens::review::ask_replace(path.to_path_buf(), format, public),
            ));
        }
        Err(WriteError::Io { path, source }) => {
            app.report(save_failed(t, &path, &source.to_string()));
        }
    }
}

/// Where the export went: the (first) file's name first and its directory last, because
/// on a narrow screen the line is cut at the end, and the name is what the facilitator
/// looks for.
fn exported(t: &Text, paths: &[&Path], dir: &Path) -> String {
    let file = paths.first().map(|p| file_name(p)).unwrap_or_default();
    let folder = dir.display().to_string();
    if paths.len() > 1 {
        fill(
            t.review.export_done_many,
            &[
                ("count", &paths.len().to_string()),
                ("file", &file),
                ("dir", &folder),
            ],
        )
    } else {
        fill(t.review.export_done, &[("file", &file), ("dir", &folder)])
    }
}

/// A path's file name, for a message.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// "Could not save `path`: `reason`".
fn save_failed(t: &Text, path: &Path, reason: &str) -> String {
    fill(
        t.err_save_failed,
        &[("path", &path.display().to_string()), ("reason", reason)],
    )
}

/// A short reason for a failed save, for the banner (the OS's words: "No space left").
fn save_reason(e: &crate::store::StoreError) -> String {
    match e {
        crate::store::StoreError::Io { source, .. } => source.to_string(),
        other => other.to_string(),
    }
}
