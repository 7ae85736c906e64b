//! Where Plancast keeps its data. The window and the command line use the same directory, so
//! a scenario saved in the app can be quoted from the command line and the other way round.

use std::path::PathBuf;

/// The app identifier; it must equal `identifier` in tauri.conf.json (a test checks), because
/// installers and the OS key app data on it.
pub const APP_IDENTIFIER: &str = "com.plancast.desktop";

/// The per-user data directory: `$XDG_DATA_HOME/com.plancast.desktop` on Linux (by default
/// `~/.local/share/…`), `~/Library/Application Support/…` on macOS, `%APPDATA%\…` on Windows.
/// It is the directory Tauri calls `app_data_dir`. `None` when the OS reports no home.
/// The directory may not exist yet; callers create it.
pub fn default_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_matches_tauri_conf() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).expect("valid JSON");
        assert_eq!(conf["identifier"], APP_IDENTIFIER);
    }

    #[test]
    fn data_dir_ends_with_the_identifier() {
        if let Some(dir) = default_data_dir() {
            assert!(dir.ends_with(APP_IDENTIFIER));
        }
    }
}
