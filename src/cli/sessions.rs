//! `parvi sessions …` and `parvi paths`: saved meetings and where the files are.

use clap::Args;

use super::{Context, SessionsCommand};

/// Arguments of `parvi sessions list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this group's meetings (id or name).
    #[arg(long)]
    pub group: Option<String>,
}

pub fn run(cx: &Context, command: SessionsCommand) -> u8 {
    let _ = (cx, command);
    0
}

/// `parvi` with no command (until the app arrives): a short overview.
pub fn overview(cx: &Context) -> u8 {
    let _ = cx;
    0
}

/// `parvi paths`.
pub fn paths(cx: &Context) -> u8 {
    let _ = cx;
    0
}
