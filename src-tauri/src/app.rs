//! The desktop window: the Tauri builder, its plugins and the managed state.
//!
//! Nothing here computes prices or touches the database directly; commands delegate to the
//! workspace crates through [`crate::commands`], which also owns the command list
//! ([`commands::list`]) and the state the commands share ([`AppState`]). This module depends
//! on the commands, never the other way round.

use tauri::Manager;

use crate::commands::{self, ApiError, AppState, Database};
use crate::data_dir::default_data_dir;

/// Opens the main window and runs until it is closed.
///
/// # Errors
/// Fails when the webview cannot be created (for example, no display) or the system reports
/// no per-user data directory. A data directory that cannot be created, or a database the
/// store refuses, does not stop the window: the commands report it (code `database`).
pub fn run_app() -> tauri::Result<()> {
    prefer_webkit_legacy_renderer();
    tauri::Builder::default()
        // The file dialogs are opened by the export and import commands, in Rust
        // (commands/dialogs.rs); the window is granted none of the plugin's own commands.
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            // The same directory as the command line's; it follows XDG_DATA_HOME on Linux,
            // which is also what lets each E2E test run on its own empty directory.
            let data_dir =
                default_data_dir().ok_or("the system reports no per-user data directory")?;
            let database = match std::fs::create_dir_all(&data_dir) {
                Ok(()) => Database::open_in_background(
                    store::default_db_path(&data_dir),
                    chrono::Utc::now(),
                ),
                Err(error) => Database::refused(ApiError::database(format!(
                    "could not create the data directory {}: {error}",
                    data_dir.display()
                ))),
            };
            app.manage(AppState { data_dir, database });
            Ok(())
        })
        .invoke_handler(commands::invoke_handler())
        .run(tauri::generate_context!())
}

/// On Linux, asks WebKitGTK for its long-standing renderer instead of the DMA-BUF one (the
/// default since 2.42) unless the user chose: `WEBKIT_DISABLE_DMABUF_RENDERER=0` keeps it.
///
/// The DMA-BUF renderer leaves the window blank on many NVIDIA, Wayland and Mesa set-ups
/// (tauri-apps/tauri#9304, #13498), and where the GPU is emulated (llvmpipe, as on virtual
/// machines and remote desktops) it delayed Plancast's first paint from about 0.7 s to 2 s
/// (docs/footprint.md). Plancast draws tables and charts, not animation: the other renderer
/// costs it nothing visible.
fn prefer_webkit_legacy_renderer() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // Called first thing in `run_app`, before GTK, WebKit or any other thread starts.
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
}
