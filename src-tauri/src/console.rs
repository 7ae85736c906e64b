//! The terminal a Windows command line was started from.
//!
//! Windows release builds are GUI-subsystem programs (`main.rs`), so opening Plancast from the
//! Start menu shows its window without a console window beside it. The price is that such a
//! program starts with no console: run from `cmd` or PowerShell, `plancast quote …` would
//! print nothing. [`attach_parent_console`] gives the command line its parent's console back.
//!
//! When the caller redirected the output (`plancast quote a.json > quote.txt`, a pipe, a
//! script), the standard handles already exist and are left alone, so redirection and exit
//! codes work as on a console program. Elsewhere, and in debug builds (console programs),
//! this does nothing.

/// Attaches to the console of the process that started Plancast, when Plancast has no
/// standard output of its own. Does nothing when there is no parent console (a double-click).
#[cfg(all(windows, not(debug_assertions)))]
#[allow(unsafe_code)] // the two Win32 calls below; no other unsafe code in the workspace
pub fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{
        AttachConsole, GetStdHandle, ATTACH_PARENT_PROCESS, STD_OUTPUT_HANDLE,
    };
    // SAFETY: both are plain Win32 calls with integer arguments and no pointers passed in;
    // GetStdHandle's result is only compared with null, never dereferenced.
    unsafe {
        if GetStdHandle(STD_OUTPUT_HANDLE).is_null() {
            // Fails when the parent has no console (started from Explorer): nothing to show.
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

/// Console programs (every other platform, and debug builds on Windows) already have one.
#[cfg(not(all(windows, not(debug_assertions))))]
pub fn attach_parent_console() {}
