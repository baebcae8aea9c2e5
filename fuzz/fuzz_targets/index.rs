//! The index of meetings (`index.json`), as `index::read_index` reads it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parvi::store::{Index, read};

fuzz_target!(|data: &[u8]| {
    let _ = read::from_bytes::<Index>(data, |i| i.schema);
});
