//! The desktop window: the Tauri builder, its plugins, the managed state and the command list.
//!
//! Nothing here computes prices or touches the database directly; commands delegate to the
//! workspace crates through [`crate::commands`].

use std::path::PathBuf;

use tauri::Manager;

use crate::commands::{self, ApiError, Database};
use crate::data_dir::default_data_dir;

/// State shared by every command of one running app.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Where this user's database and settings live (created at start-up).
    pub data_dir: PathBuf,
    /// The database, opened once at start-up in the background (commands wait for it); if
    /// the store refused the file, every command that needs it returns that refusal as a
    /// `database` error and the window still opens.
    pub database: Database,
}

/// Opens the main window and runs until it is closed.
///
/// # Errors
/// Fails when the webview cannot be created (for example, no display) or the system reports
/// no per-user data directory. A data directory that cannot be created, or a database the
/// store refuses, does not stop the window: the commands report it (code `database`).
pub fn run_app() -> tauri::Result<()> {
    prefer_webkit_legacy_renderer();
    tauri::Builder::default()
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
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_scenarios,
            commands::get_scenario,
            commands::create_scenario,
            commands::update_scenario,
            commands::rename_scenario,
            commands::duplicate_scenario,
            commands::delete_scenario,
            commands::preview_quote,
            commands::quote_scenario,
            commands::compare_alternatives,
            commands::compare_scenarios,
            commands::save_quote,
            commands::list_saved_quotes,
            commands::get_saved_quote,
            commands::delete_saved_quote,
            commands::list_prices,
            commands::add_user_price,
            commands::update_user_price,
            commands::delete_user_price,
            commands::list_rates,
            commands::upsert_rate,
            commands::delete_rate,
            commands::get_settings,
            commands::set_setting,
            commands::get_draft,
            commands::put_draft,
            commands::delete_draft,
            commands::list_actuals,
            commands::upsert_actual,
            commands::delete_actual,
            commands::wizard_options,
            commands::export_quote_csv,
            commands::export_comparison_csv,
            commands::export_side_by_side_csv,
            commands::export_chart,
            commands::export_scenario,
            commands::import_scenario,
        ])
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
