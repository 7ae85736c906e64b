//! Tauri commands: thin `async` adapters over plain functions.
//!
//! Each adapter takes what it needs from the managed state, runs the plain function (off the
//! main thread when it blocks, see [`blocking`]) and returns `Result<_, ApiError>`. The plain
//! functions are public so `tests/` can call them with no window.
//!
//! Adding a command: see [`list`], the one list of commands; everything that names every
//! command (the invoke handler, the permissions, the UI's `CommandName`) comes from it.
//! Arguments keep their Rust names on the JavaScript side (`rename_all = "snake_case"`), so
//! `invoke('list_actuals', { scenario_id })` reads like the command list.
//! Money and other decimals cross IPC as strings: `rust_decimal` serialises a `Decimal` as a
//! string (never enable its `serde-float` feature), and a `Decimal` field takes
//! `#[ts(type = "string")]` so the TypeScript side sees `string`, not `number`.

/// The one list of commands, and what adding a command takes (see the comment at the top of
/// src-tauri/src/commands/list.rs, which the build script compiles too).
#[macro_use]
pub mod list;
pub mod bills;
pub mod database;
pub mod dialogs;
pub mod dto;
mod error;
pub mod exports;
pub mod prices;
pub mod quotes;
pub mod scenarios;
pub mod settings;
mod state;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::Utc;
use pricing::form::{FormChoice, FormCondition, FormField, FormInput, FormNote, ProductForm};
use pricing::{Currency, Edition, PriceBook, PriceItem, Product, Site};
use serde::Serialize;
use store::Store;
use tauri::{Runtime, State, Window};
use ts_rs::TS;

pub use database::{Database, DatabaseState, DatabaseStatus};
use dto::*;
pub use error::{ApiError, ErrorCode, FieldErrorDto};
pub use list::COMMANDS;
pub use state::AppState;

/// The invoke handler of every command in [`list`], for `tauri::Builder::invoke_handler`.
pub fn invoke_handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync {
    macro_rules! handler {
        ($($command:ident,)*) => {
            tauri::generate_handler![$($command),*]
        };
    }
    for_each_command!(handler)
}

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

/// Whether the database is open and can be saved to (read-only, locked by another program,
/// refused), so the window can say so at once and disable saving. Waits for the open.
#[tauri::command(rename_all = "snake_case")]
pub async fn database_status(state: State<'_, AppState>) -> Result<DatabaseStatus, ApiError> {
    let database = state.database.clone();
    blocking(move || Ok(database.status())).await
}

/// "Try again" after another program's lock: checks (or opens) the database again.
#[tauri::command(rename_all = "snake_case")]
pub async fn retry_database(state: State<'_, AppState>) -> Result<DatabaseStatus, ApiError> {
    let database = state.database.clone();
    blocking(move || database.retry(Utc::now())).await
}

/// Runs `work` on the app's database off the main thread.
async fn with_store<T, F>(state: &AppState, work: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    T: Send + 'static,
{
    let database = state.database.clone();
    blocking(move || database.run(work)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_scenarios(state: State<'_, AppState>) -> Result<Vec<ScenarioRow>, ApiError> {
    with_store(&state, |s| scenarios::list_scenarios(s)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_scenario(state: State<'_, AppState>, id: i64) -> Result<ScenarioDoc, ApiError> {
    with_store(&state, move |s| scenarios::get_scenario(s, id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_scenario(
    state: State<'_, AppState>,
    document: String,
) -> Result<ScenarioRow, ApiError> {
    with_store(&state, move |s| {
        scenarios::create_scenario(s, &document, Utc::now())
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_scenario(
    state: State<'_, AppState>,
    id: i64,
    document: String,
) -> Result<ScenarioRow, ApiError> {
    with_store(&state, move |s| {
        scenarios::update_scenario(s, id, &document, Utc::now())
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn rename_scenario(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Result<ScenarioRow, ApiError> {
    with_store(&state, move |s| {
        scenarios::rename_scenario(s, id, &name, Utc::now())
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn duplicate_scenario(
    state: State<'_, AppState>,
    id: i64,
) -> Result<ScenarioRow, ApiError> {
    with_store(&state, move |s| {
        scenarios::duplicate_scenario(s, id, Utc::now())
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_scenario(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    with_store(&state, move |s| scenarios::delete_scenario(s, id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn preview_quote(
    state: State<'_, AppState>,
    document: String,
    theme: String,
    lang: String,
) -> Result<Preview, ApiError> {
    with_store(&state, move |s| {
        quotes::preview_quote(s, &document, &theme, &lang)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn quote_scenario(
    state: State<'_, AppState>,
    id: i64,
    theme: String,
    lang: String,
) -> Result<QuoteView, ApiError> {
    with_store(&state, move |s| {
        quotes::quote_scenario(s, id, &theme, &lang)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn compare_alternatives(
    state: State<'_, AppState>,
    id: i64,
) -> Result<ComparisonView, ApiError> {
    with_store(&state, move |s| quotes::compare_alternatives(s, id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn compare_scenarios(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    theme: String,
    lang: String,
) -> Result<ScenarioComparison, ApiError> {
    with_store(&state, move |s| {
        quotes::compare_scenarios(s, &ids, &theme, &lang)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn save_quote(
    state: State<'_, AppState>,
    scenario_id: i64,
) -> Result<SavedQuoteRow, ApiError> {
    with_store(&state, move |s| {
        quotes::save_quote(s, scenario_id, Utc::now())
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_saved_quotes(
    state: State<'_, AppState>,
    scenario_id: i64,
) -> Result<Vec<SavedQuoteRow>, ApiError> {
    with_store(&state, move |s| quotes::list_saved_quotes(s, scenario_id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_saved_quote(
    state: State<'_, AppState>,
    id: i64,
) -> Result<SavedQuoteView, ApiError> {
    with_store(&state, move |s| quotes::get_saved_quote(s, id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_saved_quote(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    with_store(&state, move |s| quotes::delete_saved_quote(s, id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_prices(
    state: State<'_, AppState>,
    date: String,
    product: Option<String>,
    site: Option<String>,
) -> Result<Vec<PriceRow>, ApiError> {
    with_store(&state, move |s| {
        prices::list_prices(s, &date, product.as_deref(), site.as_deref())
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_user_price(
    state: State<'_, AppState>,
    price: UserPriceInput,
) -> Result<PriceRow, ApiError> {
    with_store(&state, move |s| {
        prices::add_user_price(s, &price, Utc::now())
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_user_price(
    state: State<'_, AppState>,
    id: i64,
    price: UserPriceInput,
) -> Result<PriceRow, ApiError> {
    with_store(&state, move |s| {
        prices::update_user_price(s, id, &price, Utc::now())
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_user_price(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    with_store(&state, move |s| prices::delete_user_price(s, id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_rates(state: State<'_, AppState>) -> Result<Vec<RateRow>, ApiError> {
    with_store(&state, |s| prices::list_rates(s)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn upsert_rate(
    state: State<'_, AppState>,
    from: String,
    to: String,
    rate: String,
    date: String,
) -> Result<RateRow, ApiError> {
    with_store(&state, move |s| {
        prices::upsert_rate(s, &from, &to, &rate, &date)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_rate(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    with_store(&state, move |s| prices::delete_rate(s, id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_settings(
    state: State<'_, AppState>,
) -> Result<BTreeMap<String, String>, ApiError> {
    with_store(&state, |s| settings::get_settings(s)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_setting(
    state: State<'_, AppState>,
    key: String,
    value: String,
) -> Result<(), ApiError> {
    with_store(&state, move |s| settings::set_setting(s, &key, &value)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_draft(
    state: State<'_, AppState>,
    key: String,
) -> Result<Option<String>, ApiError> {
    with_store(&state, move |s| settings::get_draft(s, &key)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn put_draft(
    state: State<'_, AppState>,
    key: String,
    document: String,
) -> Result<(), ApiError> {
    with_store(&state, move |s| {
        settings::put_draft(s, &key, &document, Utc::now())
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_draft(state: State<'_, AppState>, key: String) -> Result<(), ApiError> {
    with_store(&state, move |s| settings::delete_draft(s, &key)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_actuals(
    state: State<'_, AppState>,
    scenario_id: i64,
) -> Result<Vec<ActualView>, ApiError> {
    with_store(&state, move |s| settings::list_actuals(s, scenario_id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn upsert_actual(
    state: State<'_, AppState>,
    scenario_id: i64,
    product: String,
    month: String,
    amount: String,
    currency: String,
) -> Result<ActualView, ApiError> {
    with_store(&state, move |s| {
        settings::upsert_actual(s, scenario_id, &product, &month, &amount, &currency)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_actual(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    with_store(&state, move |s| settings::delete_actual(s, id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn wizard_options() -> Result<WizardOptions, ApiError> {
    Ok(prices::wizard_options())
}

// Exports and imports: the page names no path. Each command builds its content, opens the
// native dialog itself (commands/dialogs.rs) and writes or reads only the file the user picked
// there; it returns that path for the UI's "saved to" message, or null when the user cancelled.

#[tauri::command(rename_all = "snake_case")]
pub async fn export_quote_csv<R: Runtime>(
    window: Window<R>,
    state: State<'_, AppState>,
    id: i64,
    bom: bool,
    lang: String,
) -> Result<Option<String>, ApiError> {
    let export = with_store(&state, move |s| exports::quote_csv(s, id, bom)).await?;
    save_with_dialog(&window, export, &lang).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn export_comparison_csv<R: Runtime>(
    window: Window<R>,
    state: State<'_, AppState>,
    id: i64,
    lang: String,
) -> Result<Option<String>, ApiError> {
    let export = with_store(&state, move |s| exports::comparison_csv(s, id)).await?;
    save_with_dialog(&window, export, &lang).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn export_side_by_side_csv<R: Runtime>(
    window: Window<R>,
    state: State<'_, AppState>,
    ids: Vec<i64>,
    lang: String,
) -> Result<Option<String>, ApiError> {
    let export = with_store(&state, move |s| exports::side_by_side_csv(s, &ids)).await?;
    save_with_dialog(&window, export, &lang).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn export_chart<R: Runtime>(
    window: Window<R>,
    state: State<'_, AppState>,
    id: i64,
    format: String,
    theme: String,
    lang: String,
) -> Result<Option<String>, ApiError> {
    let chart_lang = lang.clone();
    let export = with_store(&state, move |s| {
        exports::chart(s, id, &format, &theme, &chart_lang)
    })
    .await?;
    save_with_dialog(&window, export, &lang).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn export_scenario<R: Runtime>(
    window: Window<R>,
    state: State<'_, AppState>,
    id: i64,
    lang: String,
) -> Result<Option<String>, ApiError> {
    let export = with_store(&state, move |s| scenarios::scenario_json(s, id)).await?;
    save_with_dialog(&window, export, &lang).await
}

/// Imports the scenario file the user picks in the open dialog; null when the user cancelled
/// (nothing is read).
#[tauri::command(rename_all = "snake_case")]
pub async fn import_scenario<R: Runtime>(
    window: Window<R>,
    state: State<'_, AppState>,
    lang: String,
) -> Result<Option<ScenarioRow>, ApiError> {
    let purpose = dialogs::Purpose::ImportScenario;
    let Some(path) = dialogs::choose_open_path(&window, purpose, dialogs::lang_of(&lang)).await?
    else {
        return Ok(None);
    };
    with_store(&state, move |s| {
        scenarios::import_scenario(s, &path, Utc::now())
    })
    .await
    .map(Some)
}

/// The price-book update the user chose and saw previewed, waiting for "Load" (the page names
/// it by its preview's token, never by a path).
static PENDING_UPDATE: std::sync::Mutex<Option<(u64, std::path::PathBuf)>> =
    std::sync::Mutex::new(None);
static NEXT_TOKEN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Opens the open dialog for a price-book update, checks the file the user picks and previews
/// what it changes (every saved scenario's total before and after); null when the user
/// cancelled. Nothing is stored: `confirm_price_update` does that.
#[tauri::command(rename_all = "snake_case")]
pub async fn open_price_update<R: Runtime>(
    window: Window<R>,
    state: State<'_, AppState>,
    lang: String,
) -> Result<Option<PriceUpdatePreview>, ApiError> {
    let purpose = dialogs::Purpose::ImportPriceUpdate;
    let Some(path) = dialogs::choose_open_path(&window, purpose, dialogs::lang_of(&lang)).await?
    else {
        return Ok(None);
    };
    let token = NEXT_TOKEN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let chosen = path.clone();
    let preview = with_store(&state, move |s| {
        prices::preview_price_update(s, &chosen, token)
    })
    .await?;
    if let Ok(mut pending) = PENDING_UPDATE.lock() {
        *pending = Some((token, path));
    }
    Ok(Some(preview))
}

/// Loads the previewed update `token` names: checked again, then stored; every quote uses it
/// from then on.
#[tauri::command(rename_all = "snake_case")]
pub async fn confirm_price_update(
    state: State<'_, AppState>,
    token: u64,
) -> Result<PriceUpdateRow, ApiError> {
    let path = PENDING_UPDATE
        .lock()
        .ok()
        .and_then(|mut pending| match pending.take() {
            Some((t, path)) if t == token => Some(path),
            other => {
                *pending = other;
                None
            }
        })
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                "no price-book update is waiting to be loaded: choose the file again",
            )
        })?;
    with_store(&state, move |s| {
        prices::load_price_update(s, &path, Utc::now())
    })
    .await
}

/// Opens the open dialog for a bill, reads the bill the user picks for scenario `id` and
/// previews what importing it changes; null when the user cancelled. Progress is sent to the
/// window as `bill-progress` events ({ read, total } bytes). Nothing is stored:
/// `confirm_bill` does that.
#[tauri::command(rename_all = "snake_case")]
pub async fn open_bill<R: Runtime>(
    window: Window<R>,
    state: State<'_, AppState>,
    id: i64,
    lang: String,
) -> Result<Option<BillOpened>, ApiError> {
    let purpose = dialogs::Purpose::ImportBill;
    let Some(path) = dialogs::choose_open_path(&window, purpose, dialogs::lang_of(&lang)).await?
    else {
        return Ok(None);
    };
    read_bill(window, &state, id, path, None).await.map(Some)
}

/// Reads the waiting bill `token` again with the columns the user picked.
#[tauri::command(rename_all = "snake_case")]
pub async fn map_bill<R: Runtime>(
    window: Window<R>,
    state: State<'_, AppState>,
    token: u64,
    mapping: BillMappingInput,
) -> Result<BillOpened, ApiError> {
    let (path, _) = bills::waiting(token)?;
    let total = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    with_store(&state, move |s| {
        bills::remap(s, token, mapping, &mut bill_progress(&window, total))
    })
    .await
}

/// Reports reading a bill of `total` bytes to the window (`bill-progress`).
fn bill_progress<R: Runtime>(window: &Window<R>, total: u64) -> impl FnMut(u64) + '_ {
    use tauri::Emitter;
    move |read: u64| {
        let _ = window.emit(
            "bill-progress",
            serde_json::json!({ "read": read, "total": total }),
        );
    }
}

async fn read_bill<R: Runtime>(
    window: Window<R>,
    state: &AppState,
    id: i64,
    path: std::path::PathBuf,
    mapping: Option<BillMappingInput>,
) -> Result<BillOpened, ApiError> {
    let total = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    with_store(state, move |s| {
        bills::open(s, id, path, mapping, &mut bill_progress(&window, total))
    })
    .await
}

/// Stores what the waiting bill `token` previewed; the months and products written.
#[tauri::command(rename_all = "snake_case")]
pub async fn confirm_bill(state: State<'_, AppState>, token: u64) -> Result<u64, ApiError> {
    with_store(&state, move |s| bills::confirm(s, token)).await
}

/// Forgets the waiting bill `token`; nothing is stored.
#[tauri::command(rename_all = "snake_case")]
pub async fn cancel_bill(token: u64) -> Result<(), ApiError> {
    bills::cancel(token);
    Ok(())
}

/// Saves a copy of scenario `id` with what drives each product's bill growing `percent` a
/// month (the growth its actual spend suggests, rule BUD-4); the copy's row.
#[tauri::command(rename_all = "snake_case")]
pub async fn apply_growth(
    state: State<'_, AppState>,
    id: i64,
    percent: String,
    lang: String,
) -> Result<ScenarioRow, ApiError> {
    let lang = dialogs::lang_of(&lang);
    with_store(&state, move |s| {
        scenarios::copy_with_growth(s, id, &percent, lang, Utc::now())
    })
    .await
}

/// Removes the loaded price-book update `id`: quotes use the book without it from then on
/// (saved quotes stay as they were); the updates left.
#[tauri::command(rename_all = "snake_case")]
pub async fn remove_price_update(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<PriceUpdateRow>, ApiError> {
    with_store(&state, move |s| prices::remove_price_update(s, id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_price_updates(
    state: State<'_, AppState>,
) -> Result<Vec<PriceUpdateRow>, ApiError> {
    with_store(&state, |s| prices::list_price_updates(s)).await
}

/// Asks where to save `export` and writes it there; the chosen path, or `None` when the user
/// cancelled (nothing is written).
async fn save_with_dialog<R: Runtime>(
    window: &Window<R>,
    export: exports::Export,
    lang: &str,
) -> Result<Option<String>, ApiError> {
    let lang = dialogs::lang_of(lang);
    let Some(path) = dialogs::choose_save_path(window, export.purpose, &export.name, lang).await?
    else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    blocking(move || {
        exports::write_file(&path, &export.bytes)?;
        dialogs::remember_saved(&path);
        Ok(())
    })
    .await?;
    Ok(Some(shown))
}

/// Opens, in the system's file manager, the folder of a file saved through a dialog in this
/// session ("Open folder" beside "Saved to …"). Any other path is refused.
#[tauri::command(rename_all = "snake_case")]
pub async fn open_saved_folder(path: String) -> Result<(), ApiError> {
    blocking(move || dialogs::open_saved_folder(Path::new(&path))).await
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

/// The TypeScript declarations of every type that crosses IPC, in dependency order, the
/// vocabulary's values in order (`PRODUCTS`, …) for the UI's lists, and `CommandName`, the
/// names of the commands (from [`COMMANDS`]).
///
/// `tests/bindings.rs` fails when `ui/src/bindings.ts` differs from this and rewrites it with
/// `UPDATE_BINDINGS=1`, so the UI cannot drift from the Rust types.
pub fn typescript_bindings() -> String {
    let declarations = [
        Product::decl(),
        Site::decl(),
        Edition::decl(),
        Currency::decl(),
        PriceItem::decl(),
        BudgetStatus::decl(),
        ErrorCode::decl(),
        FieldErrorDto::decl(),
        ApiError::decl(),
        AppInfo::decl(),
        DatabaseState::decl(),
        DatabaseStatus::decl(),
        MessageView::decl(),
        ScenarioRow::decl(),
        ScenarioDoc::decl(),
        MonthTotal::decl(),
        Preview::decl(),
        LineView::decl(),
        BudgetMonthView::decl(),
        MonthView::decl(),
        BudgetSummaryView::decl(),
        ShortfallView::decl(),
        EditionOptionView::decl(),
        TcrMonthView::decl(),
        TcssMonthView::decl(),
        TcssView::decl(),
        ImageSearchMonthView::decl(),
        PackageChangeView::decl(),
        ImageSearchView::decl(),
        NoteView::decl(),
        ActualRowView::decl(),
        QuoteView::decl(),
        AlternativeView::decl(),
        ProductComparisonView::decl(),
        ComparisonView::decl(),
        ComparedScenario::decl(),
        ComparedMonth::decl(),
        ScenarioComparison::decl(),
        PriceItemOption::decl(),
        PriceRow::decl(),
        UpdateSourceRow::decl(),
        ScenarioChangeRow::decl(),
        PriceUpdatePreview::decl(),
        PriceUpdateRow::decl(),
        UserPriceInput::decl(),
        RateRow::decl(),
        ActualView::decl(),
        BillOpened::decl(),
        BillPreview::decl(),
        BillProblem::decl(),
        BillTotal::decl(),
        UnmatchedService::decl(),
        BillAmount::decl(),
        BillChange::decl(),
        BillMappingInput::decl(),
        GrowthView::decl(),
        YearPaceView::decl(),
        SavedQuoteRow::decl(),
        TodayTotal::decl(),
        SavedQuoteView::decl(),
        SiteOption::decl(),
        ProductSites::decl(),
        WizardOptions::decl(),
        ProductForm::decl(),
        FormField::decl(),
        FormInput::decl(),
        FormChoice::decl(),
        FormCondition::decl(),
        FormNote::decl(),
    ];
    let lists = [
        every("PRODUCTS", &Product::ALL),
        every("SITES", &Site::ALL),
        every("CURRENCIES", &Currency::ALL),
        every("PRICE_ITEMS", &PriceItem::ALL),
        (
            "USER_PRICE_ITEMS",
            PriceItemOption::name(),
            json_list(&PriceItemOption::user_items()),
            "The items a user price may set, with their products and default units, in the \
             Prices screen's order (`PriceItem::USER`)."
                .to_owned(),
        ),
        (
            "PRODUCT_SITES",
            ProductSites::name(),
            json_list(&prices::wizard_options().sites),
            "Each product's sites with their currencies (`Product::sites`), as `wizard_options` \
             answers."
                .to_owned(),
        ),
    ];
    let mut out = String::from(
        "// Generated from the Rust command types by \
         `UPDATE_BINDINGS=1 cargo test -p plancast --test bindings`. Do not edit.\n",
    );
    for declaration in declarations {
        out.push_str("\nexport ");
        out.push_str(&declaration);
        out.push('\n');
    }
    for (name, type_name, values, doc) in lists {
        out.push_str(&format!(
            "\n/** {doc} */\nexport const {name}: readonly {type_name}[] = {values};\n"
        ));
    }
    out.push_str(
        "\n/** Every command the window may invoke (src-tauri/src/commands/list.rs). */\n\
         export type CommandName =",
    );
    for command in COMMANDS {
        out.push_str(&format!("\n  | \"{command}\""));
    }
    out.push_str(";\n");
    out
}

/// `ui/src/forms.ts`: each product's step of the wizard (`pricing::products::form`, with the
/// built-in book's choices), for the wizard's chunk alone (the bindings are in every chunk).
pub fn typescript_forms() -> String {
    let forms: Vec<ProductForm> = Product::ALL
        .iter()
        .map(|p| pricing::products::form(*p, PriceBook::builtin()))
        .collect();
    format!(
        "// Generated from the products' forms (src-tauri/crates/pricing/src/products/*/form.rs) by \
         `UPDATE_BINDINGS=1 cargo test -p plancast --test bindings`. Do not edit.\n\n\
         import type {{ ProductForm }} from './bindings';\n\n\
         /** Each product's step of the wizard, in `Product::ALL` order. */\n\
         export const PRODUCT_FORMS: readonly ProductForm[] = {};\n",
        serde_json::to_string_pretty(&forms).expect("a form serialises")
    )
}

/// A vocabulary's list for the bindings: its name there, its type, every value (`T::ALL`) and
/// what the list is.
fn every<T: TS + Serialize>(
    list: &'static str,
    all: &[T],
) -> (&'static str, String, String, String) {
    let type_name = T::name();
    let doc = format!("Every `{type_name}`, in the order Rust lists them (`{type_name}::ALL`).");
    (list, type_name, json_list(all), doc)
}

/// A list of values as a JSON array: `["tcr","tcss","image_search"]`.
fn json_list<T: Serialize>(values: &[T]) -> String {
    serde_json::to_string(values).expect("the vocabulary serialises as strings")
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
