//! The settings (`config.json`), as `Store::config` reads them.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parvi::store::config_from_bytes(data);
});
