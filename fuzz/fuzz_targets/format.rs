//! A user's format file, as `formats check` and the app's format list read it: parsed,
//! checked and each mistake located by line.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parvi::store::formats::check_bytes(data);
});
