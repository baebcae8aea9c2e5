//! Every integration test, in one test binary: each file under `tests/` is a module of it.
//! Forty-three binaries, each linking the whole of parvi, made a third of the build of
//! `cargo test --release`; one builds in a fraction of that, and its tests share the cores
//! instead of one file's tests waiting for another's. Run one file's tests with
//! `cargo test --release --test all screens::`.

// The shared fixtures, each once (a file uses what it needs with `use crate::...`).
#[path = "common/app.rs"]
mod app_fixture;
mod common;
#[path = "common/files.rs"]
mod files;
#[path = "common/phone.rs"]
mod phone;
#[cfg(target_os = "linux")]
#[path = "common/pty.rs"]
mod pty;
#[path = "common/tmux.rs"]
mod tmux;
#[path = "common/webdriver.rs"]
mod webdriver;

// One module per file under tests/.
mod absurd_input;
mod app_keys;
mod background;
mod cli;
mod clock_cli;
mod clock_page;
mod clock_screen;
mod crash_kill;
mod disk_full;
mod e2e;
mod e2e_faults;
mod e2e_outcomes;
mod e2e_phones;
mod e2e_review;
mod e2e_wall;
mod engine;
mod escapes;
mod export;
mod figures;
mod guard;
mod ideas_screen;
mod kill_restart;
mod layering;
mod lock;
mod metrics;
mod notice_term;
mod outcomes;
mod phone_server;
mod qr;
mod records_screen;
mod replay_property;
mod report;
mod report_screen;
mod review_screen;
mod schema;
mod screens;
mod search;
mod store;
mod store_bad_inputs;
mod store_faults;
mod sync;
mod vote_screen;
mod wall_screen;
