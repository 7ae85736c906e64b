//! The desktop window: the Tauri builder, its plugins and the managed state.
//!
//! Nothing here computes prices or touches the database directly; commands delegate to the
//! workspace crates through [`crate::commands`], which also owns the command list
//! ([`commands::list`]) and the state the commands share ([`AppState`]). This module depends
//! on the commands, never the other way round.

use tauri::Manager;

use crate::commands::{self, ApiError, AppState, Database};
use crate::data_dir::default_data_dir;
use crate::first_page::{FirstAnswers, FirstPage};

/// Opens the main window and runs until it is closed.
///
/// # Errors
/// Fails when the webview cannot be created (for example, no display) or the system reports
/// no per-user data directory. A data directory that cannot be created, or a database the
/// store refuses, does not stop the window: the commands report it (code `database`).
pub fn run_app() -> tauri::Result<()> {
    prefer_webkit_legacy_renderer();
    // The same directory as the command line's; it follows XDG_DATA_HOME on Linux, which is
    // also what lets each E2E test run on its own empty directory.
    let data_dir = default_data_dir();
    let mut context = tauri::generate_context!();
    let first_answers = FirstAnswers::default();
    FirstPage::install(&mut context, first_answers.clone());
    tauri::Builder::default()
        // First, so a second launch is found before anything else starts.
        .plugin(single_instance(data_dir.as_deref()))
        // The file dialogs are opened by the export and import commands, in Rust
        // (commands/dialogs.rs); the window is granted none of the plugin's own commands.
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            let data_dir = data_dir.ok_or("the system reports no per-user data directory")?;
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
            first_answers.compute_in_background(database.clone());
            app.manage(AppState { data_dir, database });
            Ok(())
        })
        .invoke_handler(commands::invoke_handler())
        .run(context)
}

/// One window per data folder: a second launch hands over to the first, which brings its
/// window to the front, and exits. Only the window starts this; the command line never does,
/// so `plancast quote …` runs while the window is open.
///
/// Windows and macOS key the running instance on the app identifier. On Linux the plugin
/// owns a D-Bus name on the session bus; Plancast puts a hash of the data folder in it, so a
/// launch with another `XDG_DATA_HOME` (another profile, each E2E test) is a separate
/// instance, as its database is. Without a session bus the plugin lets every launch open a
/// window; the database stays consistent then too (it is opened and seeded under SQLite's
/// locks).
fn single_instance<R: tauri::Runtime>(
    data_dir: Option<&std::path::Path>,
) -> tauri::plugin::TauriPlugin<R> {
    let builder = tauri_plugin_single_instance::Builder::new().callback(|app, _args, _cwd| {
        if let Some(window) = app.get_webview_window("main") {
            // Best effort: a window manager may refuse to raise or focus it.
            let _ = window.unminimize();
            let _ = window.show();
            let _ = window.set_focus();
        }
    });
    let builder = match data_dir {
        Some(dir) => builder.dbus_id(instance_id(dir)),
        None => builder,
    };
    builder.build()
}

/// `com.plancast.desktop.d<16 hex digits>`: the app identifier and a hash of the data folder,
/// a valid D-Bus name (the plugin appends `.SingleInstance`). FNV-1a, written out so the name
/// does not change with Rust's unspecified default hasher.
fn instance_id(data_dir: &std::path::Path) -> String {
    let hash = data_dir
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    format!("{}.d{hash:016x}", crate::data_dir::APP_IDENTIFIER)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_instance_id_is_a_d_bus_name_that_depends_on_the_data_folder() {
        let a = instance_id(std::path::Path::new(
            "/home/a/.local/share/com.plancast.desktop",
        ));
        let b = instance_id(std::path::Path::new("/tmp/e2e/data/com.plancast.desktop"));
        assert_ne!(a, b);
        assert_eq!(
            a,
            instance_id(std::path::Path::new(
                "/home/a/.local/share/com.plancast.desktop"
            ))
        );
        // D-Bus: elements of [A-Za-z0-9_-], none starting with a digit, at most 255 bytes.
        let name = format!("{a}.SingleInstance");
        assert!(name.len() <= 255);
        for element in name.split('.') {
            assert!(!element.is_empty() && !element.starts_with(|c: char| c.is_ascii_digit()));
            assert!(element
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
        }
    }
}
