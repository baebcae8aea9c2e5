//! `parvi groups …`: list, show, add, edit and remove groups and their members.

use clap::Args;

use super::{Context, GroupsCommand};

/// Arguments of `parvi groups add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The group's name.
    pub name: String,
}

/// Arguments of `parvi groups edit`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The group's id or name.
    pub group: String,
}

pub fn run(cx: &Context, command: GroupsCommand) -> u8 {
    let _ = (cx, command);
    0
}
