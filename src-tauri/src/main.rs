//! Entry point. With no arguments Plancast opens its window; with any argument it is the
//! command line, which is headless and needs no display.
//!
//! Windows release builds are GUI-subsystem programs, so the window opens without a console
//! window beside it; the command line then attaches to the console it was started from
//! ([`plancast::console`]). Debug builds stay console programs, for their panics and logs.

#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    if std::env::args_os().len() > 1 {
        plancast::console::attach_parent_console();
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
