//! Tauri commands: thin `async` adapters over plain functions.
//!
//! Each adapter takes what it needs from the managed state, runs the plain function (off the
//! main thread when it blocks, see [`blocking`]) and returns `Result<_, ApiError>`. The plain
//! functions are public so `tests/` can call them with no window.
//!
//! Adding a command: write the plain function and the adapter here, register the adapter in
//! `generate_handler!` (app.rs), add its name to `COMMANDS` in src-tauri/build.rs and
//! `allow-<name>` to src-tauri/capabilities/main-window.json, derive `TS` on its request and
//! response types and list them in [`typescript_bindings`], then call it from ui/src/api.ts.
//! Money and other decimals cross IPC as strings: `rust_decimal` serialises a `Decimal` as a
//! string (never enable its `serde-float` feature), and a `Decimal` field takes
//! `#[ts(type = "string")]` so the TypeScript side sees `string`, not `number`.

mod error;

use std::path::Path;

use serde::Serialize;
use tauri::State;
use ts_rs::TS;

pub use error::{ApiError, ErrorCode};

use crate::app::AppState;

/// What the About section of Settings shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppInfo {
    /// The app's version (from Cargo.toml).
    pub version: String,
    /// The directory holding this user's database, as a displayable path.
    pub data_dir: String,
}

/// Describes this build and where it keeps its data.
pub fn describe_app(data_dir: &Path) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: data_dir.display().to_string(),
    }
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ApiError> {
    Ok(describe_app(&state.data_dir))
}

/// Runs blocking work (SQLite, files) on Tokio's blocking pool, never on the main thread, and
/// turns a panic in it into an `internal` error instead of letting it cross IPC.
pub async fn blocking<T, F>(work: F) -> Result<T, ApiError>
where
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
    T: Send + 'static,
{
    match tauri::async_runtime::spawn_blocking(work).await {
        Ok(result) => result,
        Err(error) => Err(ApiError::internal(format!(
            "background task failed: {error}"
        ))),
    }
}

/// The TypeScript declarations of every type that crosses IPC, in dependency order.
///
/// `tests/bindings.rs` writes this to `ui/src/bindings.ts`; CI fails when the committed file
/// differs, so the UI cannot drift from the Rust types.
pub fn typescript_bindings() -> String {
    let declarations = [ErrorCode::decl(), ApiError::decl(), AppInfo::decl()];
    let mut out = String::from(
        "// Generated from the Rust command types by `cargo test --test bindings`. Do not edit.\n",
    );
    for declaration in declarations {
        out.push_str("\nexport ");
        out.push_str(&declaration);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_app_reports_version_and_data_dir() {
        let info = describe_app(Path::new("/tmp/plancast-data"));
        assert_eq!(info.version, env!("CARGO_PKG_VERSION"));
        assert_eq!(info.data_dir, "/tmp/plancast-data");
    }

    #[test]
    fn blocking_turns_a_panic_into_an_internal_error() {
        let result = tauri::async_runtime::block_on(blocking(|| -> Result<(), ApiError> {
            panic!("deliberate");
        }));
        assert_eq!(result.map_err(|e| e.code), Err(ErrorCode::Internal));
    }
}
