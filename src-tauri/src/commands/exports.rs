//! Files the user asked for. The UI picks the path with the native save dialog; Rust writes
//! only that file, and only after the whole content is ready (nothing on invalid input).

use std::path::Path;

use report::CsvOptions;
use store::Store;

use super::error::ApiError;
use super::quotes::{chart_options, load_and_quote, price_book, quote_several};

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
pub fn export_quote_csv(store: &Store, id: i64, path: &Path, bom: bool) -> Result<(), ApiError> {
    let (_, _, quote) = load_and_quote(store, id)?;
    let bytes = report::quote_csv(
        &quote,
        &CsvOptions {
            bom,
            lang: pricing::Lang::En,
        },
    )?;
    write_file(path, &bytes)
}

/// Every alternative per product as CSV.
pub fn export_comparison_csv(store: &Store, id: i64, path: &Path) -> Result<(), ApiError> {
    let stored = store.get_scenario(id)?;
    let scenario = pricing::parse_scenario(&stored.document).map_err(ApiError::invalid_fields)?;
    let comparison = pricing::compare(&scenario, &*price_book(store)?)?;
    let bytes = report::comparison_csv(&comparison, &CsvOptions::default())?;
    write_file(path, &bytes)
}

/// 2–4 scenarios' monthly totals side by side as CSV.
pub fn export_side_by_side_csv(store: &Store, ids: &[i64], path: &Path) -> Result<(), ApiError> {
    let quotes = quote_several(store, ids)?;
    let refs: Vec<&pricing::Quote> = quotes.iter().map(|(_, _, q)| q).collect();
    let bytes = report::side_by_side_csv(&refs, &CsvOptions::default())?;
    write_file(path, &bytes)
}

/// The projected-spend chart as `svg` or `png`.
pub fn export_chart(
    store: &Store,
    id: i64,
    path: &Path,
    format: &str,
    theme: &str,
    lang: &str,
) -> Result<(), ApiError> {
    let png = match format {
        "svg" => false,
        "png" => true,
        other => {
            return Err(ApiError::invalid_field(
                "format",
                format!("must be svg or png, got {other:?}"),
            ))
        }
    };
    let opts = chart_options(theme, lang);
    let (_, _, quote) = load_and_quote(store, id)?;
    let bytes = if png {
        report::spend_chart_png(&quote, &opts)?
    } else {
        report::spend_chart_svg(&quote, &opts)?.into_bytes()
    };
    write_file(path, &bytes)
}
