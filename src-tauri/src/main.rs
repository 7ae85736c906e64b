//! Entry point. With no arguments Plancast opens its window; with any argument it is the
//! command line, which is headless and needs no display.
//!
//! The Windows GUI subsystem is not set on purpose: it would detach the command line from
//! its console. Hiding the console for the GUI on Windows is left to the release work.

use std::process::ExitCode;

fn main() -> ExitCode {
    if std::env::args_os().len() > 1 {
        let code = plancast::cli::run();
        // Exit codes outside 0..=255 cannot be represented on Unix; report them as failure.
        return u8::try_from(code).map_or(ExitCode::FAILURE, ExitCode::from);
    }
    match plancast::app::run_app() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("plancast: could not start the window: {error}");
            ExitCode::FAILURE
        }
    }
}
