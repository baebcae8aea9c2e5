//! The search cache (`search.txt`), as `search::read` reads it, then searched and each
//! meeting's snippet cut (which slices the cached text).
#![no_main]

use libfuzzer_sys::fuzz_target;
use parvi::store::search::{self, Query};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let index = search::parse(text);
    let query = Query::new("ää a");
    for line in text.lines().skip(1) {
        let file = line.split('\t').next().unwrap_or("");
        if let Some(cached) = index.text(file) {
            let _ = query.matches(cached);
            let _ = search::snippet(cached, &query, 40);
        }
    }
});
