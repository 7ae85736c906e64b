//! Build script of the app package. The package directory is the repository root, so
//! tauri-build reads `tauri.conf.json` from there; capabilities live under `src-tauri/`
//! next to the Rust code that they grant access to.

/// Every app command, by name. tauri-build generates an `allow-<command>` permission for
/// each, and a window may call only those its capability lists (without this list Tauri
/// would allow every app command to every window). A new command goes in three places:
/// `generate_handler!` in app.rs, this list, and `src-tauri/capabilities/main-window.json`.
const COMMANDS: &[&str] = &[
    "app_info",
    "list_scenarios",
    "get_scenario",
    "create_scenario",
    "update_scenario",
    "rename_scenario",
    "duplicate_scenario",
    "delete_scenario",
    "preview_quote",
    "quote_scenario",
    "compare_alternatives",
    "compare_scenarios",
    "save_quote",
    "list_saved_quotes",
    "get_saved_quote",
    "delete_saved_quote",
    "list_prices",
    "add_user_price",
    "update_user_price",
    "delete_user_price",
    "list_rates",
    "upsert_rate",
    "delete_rate",
    "get_settings",
    "set_setting",
    "get_draft",
    "put_draft",
    "delete_draft",
    "list_actuals",
    "upsert_actual",
    "delete_actual",
    "wizard_options",
    "export_quote_csv",
    "export_comparison_csv",
    "export_side_by_side_csv",
    "export_chart",
    "export_scenario",
    "import_scenario",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/*.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        // A build script reports failures by panicking; say what went wrong first.
        panic!("tauri-build failed: {error:#}");
    }
}
