// The app's commands, listed once. Everything that has to name every command is generated
// from this list:
//
// - the invoke handler (`tauri::generate_handler!`, in commands/mod.rs), so the window can
//   call the command;
// - `COMMANDS`, which src-tauri/build.rs hands to tauri-build (it `include!`s this file): an
//   `allow-<command>` permission for each, and the `commands` permission set of all of them
//   that src-tauri/capabilities/main-window.json grants to the window;
// - the `CommandName` union in ui/src/bindings.ts, the only names ui/src/api.ts can invoke.
//
// Adding a command:
// 1. write the plain function and its `#[tauri::command]` adapter in src-tauri/src/commands/;
// 2. add its name to `for_each_command!` below (tests/commands.rs fails on a command missing
//    here, and the build fails on a name here that is not a command);
// 3. derive `TS` on its request and response types, list them in `typescript_bindings`
//    (commands/mod.rs) and run `UPDATE_BINDINGS=1 cargo test -p plancast --test bindings`;
// 4. call it from ui/src/api.ts.
//
// This file is also compiled into the build script, so it holds plain `macro_rules!` and
// constants only (plain comments, no inner attributes, nothing from the app crate).

/// Expands `$callback! { app_info, list_scenarios, … }`: every command, once, in the order
/// the UI groups them.
macro_rules! for_each_command {
    ($($callback:tt)+) => {
        $($callback)+! {
            app_info,
            database_status,
            retry_database,
            list_scenarios,
            get_scenario,
            create_scenario,
            update_scenario,
            rename_scenario,
            duplicate_scenario,
            delete_scenario,
            preview_quote,
            quote_scenario,
            compare_alternatives,
            compare_scenarios,
            save_quote,
            list_saved_quotes,
            get_saved_quote,
            delete_saved_quote,
            list_prices,
            add_user_price,
            update_user_price,
            delete_user_price,
            list_rates,
            upsert_rate,
            delete_rate,
            get_settings,
            set_setting,
            get_draft,
            put_draft,
            delete_draft,
            list_actuals,
            upsert_actual,
            delete_actual,
            wizard_options,
            export_quote_csv,
            export_comparison_csv,
            export_side_by_side_csv,
            export_chart,
            export_scenario,
            import_scenario,
            open_price_update,
            confirm_price_update,
            list_price_updates,
            remove_price_update,
            open_bill,
            map_bill,
            confirm_bill,
            cancel_bill,
            apply_growth,
            open_saved_folder,
        }
    };
}

/// Every command's name, in the order of `for_each_command!`.
pub const COMMANDS: &[&str] = {
    macro_rules! names {
        ($($command:ident,)*) => {
            &[$(stringify!($command)),*]
        };
    }
    for_each_command!(names)
};
