//! Files the user asked for. The command builds the whole content first (nothing is asked or
//! written on invalid input), then Rust opens the native save dialog itself
//! ([`super::dialogs`]) and writes only the file the user picked there. The page never names a
//! path: the commands take none and return the chosen one, or null when the user cancelled.

use std::path::Path;

use report::CsvOptions;
use store::Store;

use super::dialogs::Purpose;
use super::error::ApiError;
use super::quotes::{
    chart_actuals, chart_options, load_and_quote, price_book, quote_several, scenario_actuals,
};

/// The content of an export, ready to be written: what it is (the dialog's title and filter)
/// and the name the save dialog suggests (without extension).
#[derive(Debug, Clone)]
pub struct Export {
    pub purpose: Purpose,
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A path from a native dialog is absolute; anything else would land in whatever directory the
/// app happens to run in, so it is refused.
pub fn check_chosen_path(path: &Path) -> Result<(), ApiError> {
    if path.as_os_str().is_empty() {
        return Err(ApiError::invalid_field("path", "no file was chosen"));
    }
    if !path.is_absolute() {
        return Err(ApiError::invalid_field(
            "path",
            format!("{} is not a full path to a file", path.display()),
        ));
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically (a failure leaves the old file), naming the path in
/// the error.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    check_chosen_path(path)?;
    crate::files::write_atomically(path, bytes).map_err(|e| {
        let mut error = ApiError::from(e);
        error.message = format!("could not write {}: {}", path.display(), error.message);
        error
    })
}

/// The month-by-month quote as CSV; `bom` starts it with the byte-order mark Excel needs.
pub fn quote_csv(store: &Store, id: i64, bom: bool) -> Result<Export, ApiError> {
    let (name, _, quote) = load_and_quote(store, id)?;
    let bytes = report::quote_csv(
        &quote,
        &CsvOptions {
            bom,
            lang: pricing::Lang::En,
        },
    )?;
    Ok(Export {
        purpose: Purpose::QuoteCsv,
        name,
        bytes,
    })
}

/// Every alternative per product as CSV.
pub fn comparison_csv(store: &Store, id: i64) -> Result<Export, ApiError> {
    let stored = store.get_scenario(id)?;
    let scenario = pricing::parse_scenario(&stored.document).map_err(ApiError::invalid_fields)?;
    let comparison = pricing::compare(&scenario, &*price_book(store)?)?;
    let bytes = report::comparison_csv(&comparison, &CsvOptions::default())?;
    Ok(Export {
        purpose: Purpose::ComparisonCsv,
        name: format!("{} - alternatives", stored.name),
        bytes,
    })
}

/// 2–4 scenarios' monthly totals side by side as CSV.
pub fn side_by_side_csv(store: &Store, ids: &[i64]) -> Result<Export, ApiError> {
    let quotes = quote_several(store, ids)?;
    let refs: Vec<&pricing::Quote> = quotes.iter().map(|(_, _, q)| q).collect();
    let bytes = report::side_by_side_csv(&refs, &CsvOptions::default())?;
    Ok(Export {
        purpose: Purpose::SideBySideCsv,
        name: "comparison".to_owned(),
        bytes,
    })
}

/// The projected-spend chart as `svg` or `png`, with the actual spend recorded for the
/// scenario (rule BUD-4).
pub fn chart(
    store: &Store,
    id: i64,
    format: &str,
    theme: &str,
    lang: &str,
) -> Result<Export, ApiError> {
    let purpose = chart_purpose(format)?;
    let mut opts = chart_options(theme, lang);
    let (name, scenario, quote) = load_and_quote(store, id)?;
    // The actual spend the scenario view draws, drawn in the exported chart too (rule BUD-4).
    let products = scenario.products();
    let actuals = scenario_actuals(store, id, &scenario, &quote, &products)?;
    opts.actuals = chart_actuals(&actuals.blended, &products);
    let bytes = if purpose == Purpose::ChartPng {
        report::spend_chart_png(&quote, &opts)?
    } else {
        report::spend_chart_svg(&quote, &opts)?.into_bytes()
    };
    Ok(Export {
        purpose,
        name,
        bytes,
    })
}

/// `svg` or `png`; anything else is refused on the field `format`.
pub fn chart_purpose(format: &str) -> Result<Purpose, ApiError> {
    match format {
        "svg" => Ok(Purpose::ChartSvg),
        "png" => Ok(Purpose::ChartPng),
        other => Err(ApiError::invalid_field(
            "format",
            format!("must be svg or png, got {other:?}"),
        )),
    }
}

// The same exports written straight to a path, for the tests and callers that have one.

/// [`quote_csv`] written to `path`.
pub fn export_quote_csv(store: &Store, id: i64, path: &Path, bom: bool) -> Result<(), ApiError> {
    write_file(path, &quote_csv(store, id, bom)?.bytes)
}

/// [`comparison_csv`] written to `path`.
pub fn export_comparison_csv(store: &Store, id: i64, path: &Path) -> Result<(), ApiError> {
    write_file(path, &comparison_csv(store, id)?.bytes)
}

/// [`side_by_side_csv`] written to `path`.
pub fn export_side_by_side_csv(store: &Store, ids: &[i64], path: &Path) -> Result<(), ApiError> {
    write_file(path, &side_by_side_csv(store, ids)?.bytes)
}

/// [`chart`] written to `path`.
pub fn export_chart(
    store: &Store,
    id: i64,
    path: &Path,
    format: &str,
    theme: &str,
    lang: &str,
) -> Result<(), ApiError> {
    write_file(path, &chart(store, id, format, theme, lang)?.bytes)
}
