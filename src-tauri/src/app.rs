//! The desktop window: the Tauri builder, its plugins, the managed state and the command list.
//!
//! Nothing here computes prices or touches the database directly; commands delegate to the
//! workspace crates through [`crate::commands`].

use std::path::PathBuf;

use tauri::Manager;

use crate::commands;
use crate::data_dir::default_data_dir;

/// State shared by every command of one running app.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Where this user's database and settings live (created at start-up).
    pub data_dir: PathBuf,
}

/// Opens the main window and runs until it is closed.
///
/// # Errors
/// Fails when the webview cannot be created (for example, no display) or the data
/// directory cannot be created.
pub fn run_app() -> tauri::Result<()> {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            // The same directory as the command line's; it follows XDG_DATA_HOME on Linux,
            // which is also what lets each E2E test run on its own empty directory.
            let data_dir =
                default_data_dir().ok_or("the system reports no per-user data directory")?;
            std::fs::create_dir_all(&data_dir)?;
            app.manage(AppState { data_dir });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![commands::app_info])
        .run(tauri::generate_context!())
}
