//! A meeting's file: parsed and checked as every session loader does, then replayed, its
//! figures and searchable text made, and its public minutes written (what `sessions list`,
//! the review and `export` do with a file that loaded).
#![no_main]

use libfuzzer_sys::fuzz_target;
use parvi::export::{self, Options};
use parvi::i18n::Lang;
use parvi::model::MeetingState;
use parvi::model::figures::MeetingFigures;
use parvi::store::{index, search};

fuzz_target!(|data: &[u8]| {
    let Ok((record, _)) = index::session_from_bytes(data) else {
        return;
    };
    let _ = record.oddities();
    let state = MeetingState::replay(&record);
    let _ = MeetingFigures::of_state(&record, &state);
    let _ = search::text_of_state(&record, &state);
    let mut options = Options::new(export::Format::Markdown, Lang::Fi);
    options.public = true;
    let _ = export::minutes(&record, &options);
});
