//! Plancast reports: CSV exports of quotes and comparisons, and projected-spend charts.
//!
//! Money stays exact (`rust_decimal`) all the way into the CSV text; amounts are rounded to
//! cents only in the cells a person reads (rule GEN-2). The charts are the one place a float
//! appears: pixel coordinates, converted by [`chart`]'s clearly named lossy function.
//!
//! The crate is a plain library: no Tauri, no database. Every function returns a
//! [`ReportError`] instead of panicking.

pub mod chart;
pub mod csv;
mod fonts;

pub use chart::{
    overlay_chart_svg, spend_chart_png, spend_chart_svg, ChartLabels, ChartOptions, Theme,
};
pub use csv::{comparison_csv, prices_csv, quote_csv, side_by_side_csv, CsvOptions};

/// Why a report could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("could not write the CSV: {0}")]
    Csv(#[from] ::csv::Error),
    /// Side-by-side reports and overlay charts compare 2 to 4 scenarios.
    #[error("a comparison needs 2 to 4 scenarios, got {0}")]
    ScenarioCount(usize),
    /// Differences between scenarios are only meaningful in one currency.
    #[error("the scenarios report in different currencies ({first} and {other}): give them the same report currency to compare them")]
    CurrencyMismatch {
        first: pricing::Currency,
        other: pricing::Currency,
    },
    /// Width or height outside what a chart can be drawn at.
    #[error("a chart must be {min}–{max} pixels wide and high, got {width}×{height}")]
    ChartSize {
        width: u32,
        height: u32,
        min: u32,
        max: u32,
    },
    /// The quote has no months to draw.
    #[error("the quote has no months to draw")]
    NoMonths,
    #[error("could not load the embedded chart font")]
    Font,
    #[error("could not draw the chart: {0}")]
    Draw(String),
    #[error("could not encode the PNG: {0}")]
    Png(String),
}
