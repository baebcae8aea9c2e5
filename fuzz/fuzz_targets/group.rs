//! A group's file, as `Store::groups` reads it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parvi::store::group_from_bytes(data);
});
