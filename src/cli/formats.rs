//! `parvi formats …`: list, show and check meeting formats.

use super::{Context, FormatsCommand};

pub fn run(cx: &Context, command: FormatsCommand) -> u8 {
    let _ = (cx, command);
    0
}
