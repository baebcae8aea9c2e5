//! parvi: a terminal app for facilitating participatory meetings.
//!
//! # Layers
//!
//! Four layers, each knowing only the ones below it:
//!
//! ```text
//! cli, tui    input, screens, the event loop, effects (the only code that touches a terminal)
//! export      session -> minutes text (pure)
//! store       files: data dir, atomic saves, index, loading with clear errors
//! model       the pure core: groups, formats, the meeting engine, metrics
//! ```
//!
//! `i18n` (the string catalogue) is pure and may be used by every layer but `model`, which
//! names a language through the leaf `lang` only (the catalogue knows the model's types).
//!
//! `tests/layering.rs` checks that `model` (and `export`, `i18n`) never import `ratatui`,
//! `crossterm`, `std::fs` or read a clock, that each layer's `crate::` imports go only to the
//! layers it may use, that `tui` never imports `cli`, and that no screen imports another
//! feature's screen: a screen that leads to another returns a `Next` the App resolves.

#[cfg(feature = "app")]
pub mod cli;
pub mod export;
pub mod i18n;
pub mod lang;
pub mod model;
#[cfg(feature = "app")]
pub mod net;
#[cfg(any(test, feature = "simulator"))]
pub mod simulator;
pub mod store;
#[cfg(feature = "app")]
pub mod tui;
