//! Saved scenarios: list, read, create, update, rename, duplicate, delete, import.
//!
//! A document is checked whole (every field problem is returned) and quoted before anything
//! is written, so the database never holds a scenario that cannot be opened.

use std::path::Path;

use chrono::{DateTime, Utc};
use pricing::{PriceBook, Scenario};
use store::Store;

use crate::files::ReadError;

use super::dto::{dec, ScenarioDoc, ScenarioRow};
use super::error::ApiError;
use super::quotes::price_book;

/// The canonical document text of a scenario: pretty JSON, format version 1.
pub fn document_text(scenario: &Scenario) -> Result<String, ApiError> {
    serde_json::to_string_pretty(&scenario.to_json())
        .map_err(|e| ApiError::internal(format!("could not write the scenario as JSON: {e}")))
}

/// Reads and checks a document: every field problem, then the quote's own checks.
pub fn check_document(document: &str, book: &PriceBook) -> Result<Scenario, ApiError> {
    let scenario = pricing::parse_scenario(document).map_err(ApiError::invalid_fields)?;
    pricing::quote(&scenario, book)?;
    Ok(scenario)
}

/// The list row of a stored scenario, quoted against `book`.
/// Whether `document` is one of the bundled examples as it was loaded (documents are stored
/// as [`document_text`] writes them); an example the user edited is theirs.
fn is_example(document: &str) -> bool {
    static EXAMPLES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    EXAMPLES
        .get_or_init(|| {
            super::database::EXAMPLES
                .iter()
                .filter_map(|text| pricing::parse_scenario(text).ok())
                .filter_map(|scenario| document_text(&scenario).ok())
                .collect()
        })
        .iter()
        .any(|example| example == document)
}

pub fn scenario_row(scenario: &store::Scenario, book: &PriceBook) -> ScenarioRow {
    let mut row = ScenarioRow {
        id: scenario.id,
        name: scenario.name.clone(),
        start: None,
        months: None,
        currency: None,
        products: Vec::new(),
        total: None,
        complete: false,
        updated_at: scenario
            .updated_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        error: None,
        example: is_example(&scenario.document),
    };
    let parsed = match pricing::parse_scenario(&scenario.document) {
        Ok(parsed) => parsed,
        Err(errors) => {
            row.error = Some(ApiError::invalid_fields(errors).message);
            return row;
        }
    };
    row.start = Some(parsed.start.to_string());
    row.months = Some(parsed.months);
    row.currency = Some(parsed.currency);
    row.products = parsed.products();
    match pricing::quote(&parsed, book) {
        Ok(quote) => {
            row.total = Some(dec(quote.total));
            row.complete = quote.complete;
        }
        Err(error) => row.error = Some(ApiError::from(error).message),
    }
    row
}

pub fn list_scenarios(store: &Store) -> Result<Vec<ScenarioRow>, ApiError> {
    let book = price_book(store)?;
    store
        .list_scenarios()?
        .into_iter()
        .map(|summary| Ok(scenario_row(&store.get_scenario(summary.id)?, &book)))
        .collect()
}

pub fn get_scenario(store: &Store, id: i64) -> Result<ScenarioDoc, ApiError> {
    Ok(store.get_scenario(id)?.into())
}

pub fn create_scenario(
    store: &mut Store,
    document: &str,
    now: DateTime<Utc>,
) -> Result<ScenarioRow, ApiError> {
    let book = price_book(store)?;
    let scenario = check_document(document, &book)?;
    let saved = store.create_scenario(&scenario.name, &document_text(&scenario)?, now)?;
    Ok(scenario_row(&saved, &book))
}

pub fn update_scenario(
    store: &mut Store,
    id: i64,
    document: &str,
    now: DateTime<Utc>,
) -> Result<ScenarioRow, ApiError> {
    let book = price_book(store)?;
    let scenario = check_document(document, &book)?;
    let saved = store.update_scenario(id, &scenario.name, &document_text(&scenario)?, now)?;
    Ok(scenario_row(&saved, &book))
}

/// Renames a scenario and the `name` inside its document, so an export carries the new name.
pub fn rename_scenario(
    store: &mut Store,
    id: i64,
    name: &str,
    now: DateTime<Utc>,
) -> Result<ScenarioRow, ApiError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ApiError::invalid_field(
            "name",
            "the name must not be empty",
        ));
    }
    let current = store.get_scenario(id)?;
    // Edit the JSON rather than re-reading the scenario, so a stored document that no longer
    // reads can still be renamed.
    let mut json: serde_json::Value = serde_json::from_str(&current.document)
        .map_err(|e| ApiError::database(format!("the stored scenario is not JSON: {e}")))?;
    let document = match json.as_object_mut() {
        Some(object) => {
            object.insert("name".into(), serde_json::Value::String(name.to_owned()));
            serde_json::to_string_pretty(&json)
                .map_err(|e| ApiError::internal(format!("could not write JSON: {e}")))?
        }
        None => current.document,
    };
    let saved = store.update_scenario(id, name, &document, now)?;
    Ok(scenario_row(&saved, &*price_book(store)?))
}

/// Copies a scenario as "<name> (copy)", with the new name in its document too.
pub fn duplicate_scenario(
    store: &mut Store,
    id: i64,
    now: DateTime<Utc>,
) -> Result<ScenarioRow, ApiError> {
    let source = store.get_scenario(id)?;
    let name = format!("{} (copy)", source.name);
    let copy = store.duplicate_scenario(id, &name, now)?;
    rename_scenario(store, copy.id, &name, now)
}

/// Saves a copy of scenario `id` with what drives each product's bill growing `percent` a
/// month from its first month (rule BUD-4: the growth suggested by its actual spend), named
/// after the original and the growth. `InvalidInput` for a percentage that is not a decimal
/// within the growth bounds.
pub fn copy_with_growth(
    store: &mut Store,
    id: i64,
    percent: &str,
    lang: pricing::Lang,
    now: DateTime<Utc>,
) -> Result<ScenarioRow, ApiError> {
    let value: rust_decimal::Decimal = percent.trim().parse().map_err(|_| {
        ApiError::invalid_field(
            "percent",
            format!("must be a decimal percentage, got \"{percent}\""),
        )
    })?;
    if !pricing::read::bounds::growth_ok(value) {
        return Err(ApiError::invalid_field(
            "percent",
            format!(
                "must be {}, got {value}",
                pricing::read::bounds::GROWTH_TEXT
            ),
        ));
    }
    let source = store.get_scenario(id)?;
    let scenario = pricing::parse_scenario(&source.document).map_err(|_| {
        ApiError::invalid_field("id", "the scenario's saved file is not valid any more")
    })?;
    let name = lang.format(
        "report.table.growth_copy_name",
        &[
            ("name", &source.name),
            ("percent", &format!("{:+}", value.normalize())),
        ],
    );
    let mut grown = scenario.with_growth(value);
    grown.name = name.clone();
    let document = serde_json::to_string_pretty(&grown.to_json())
        .map_err(|e| ApiError::internal(e.to_string()))?;
    let row = store.create_scenario(&name, &document, now)?;
    rename_scenario(store, row.id, &name, now)
}

pub fn delete_scenario(store: &mut Store, id: i64) -> Result<(), ApiError> {
    Ok(store.delete_scenario(id)?)
}

/// Reads a scenario file the user picked (in the open dialog the app shows) and saves it as a
/// new scenario. An unreadable or invalid file writes nothing and returns every problem.
pub fn import_scenario(
    store: &mut Store,
    path: &Path,
    now: DateTime<Utc>,
) -> Result<ScenarioRow, ApiError> {
    super::exports::check_chosen_path(path)?;
    // Never more than a scenario file may hold is read (docs/scenario-format.md, "Limits").
    let text = crate::files::read_to_string_limited(path, pricing::jsonread::MAX_FILE_BYTES)
        .map_err(|e| match e {
            ReadError::Io(e) => {
                let mut error = ApiError::from(e);
                error.message = format!("could not read {}: {}", path.display(), error.message);
                error
            }
            ReadError::TooLarge => {
                ApiError::invalid_fields(vec![pricing::scenario::file_too_large()])
            }
            ReadError::NotUtf8 => {
                ApiError::invalid_field("path", format!("{} is not UTF-8 text", path.display()))
            }
        })?;
    create_scenario(store, &text, now)
}

/// A scenario's document as a file, named after the scenario.
pub fn scenario_json(store: &Store, id: i64) -> Result<super::exports::Export, ApiError> {
    let scenario = store.get_scenario(id)?;
    Ok(super::exports::Export {
        purpose: super::dialogs::Purpose::ScenarioJson,
        name: scenario.name,
        bytes: scenario.document.into_bytes(),
    })
}

/// Writes a scenario's document to `path` (the app asks the user for it in a save dialog).
pub fn export_scenario(store: &Store, id: i64, path: &Path) -> Result<(), ApiError> {
    super::exports::write_file(path, &scenario_json(store, id)?.bytes)
}
