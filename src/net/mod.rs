//! Phones over the room's network: a small HTTP server at the edge, off unless the
//! facilitator turns it on.
//!
//! The server only carries requests: it checks who may ask ([`guard`]), reads and writes
//! HTTP with hard limits ([`http`]), and hands each request of a joined phone to a
//! [`Handler`], which the app provides: it turns a request into the same engine command a
//! key would give, applies and saves it, and only then answers. The server knows nothing of
//! meetings, and nothing below `tui`/`cli` knows of the network (DESIGN §11).
//!
//! Why this shape: a synchronous server on its own few threads, `httparse` for the parsing.
//! Nothing starts (no runtime, no thread) while phones are off, the binary grows by two
//! small crates, and every limit (sizes, time, requests per address) is ours to see.

pub mod address;
pub mod guard;
pub mod http;
mod server;

pub use server::{Handler, PhoneId, PhoneRequest, PhoneServer};

/// The name of the server's threads, so the panic hook leaves the terminal alone when one
/// of them fails (the meeting goes on; that phone's request gets no answer).
pub const THREAD_NAME: &str = "parvi-phones";
