//! The `parvi` binary: everything is in the library; this only hands over the arguments.

fn main() -> std::process::ExitCode {
    parvi::cli::main()
}
