//! Actual spend: as recorded, and beside the projection (rule BUD-4).

use pricing::{Currency, Product};
use serde::Serialize;
use ts_rs::TS;

use super::{dec, opt_dec};

/// Actual spend recorded for one product and month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ActualView {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub scenario_id: i64,
    pub product: Product,
    pub month: String,
    pub amount: String,
    pub currency: Currency,
    /// The bill it was imported from; null when typed by hand.
    pub bill: Option<String>,
    /// When it was imported (RFC 3339).
    pub imported_at: Option<String>,
}

impl From<store::Actual> for ActualView {
    fn from(a: store::Actual) -> Self {
        let store::Actual {
            id,
            scenario_id,
            product,
            month,
            amount,
            currency,
            bill,
            imported_at,
        } = a;
        Self {
            id,
            scenario_id,
            product,
            month: month.to_string(),
            amount: amount.to_string(),
            currency,
            bill,
            imported_at: imported_at.map(|t| t.to_rfc3339()),
        }
    }
}

/// Actual spend beside the projection (rule BUD-4), in the report currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ActualRowView {
    pub month: String,
    pub product: Product,
    pub projected: String,
    pub actual: Option<String>,
    pub error: Option<String>,
    pub error_ratio: Option<String>,
}

impl From<&pricing::budget::ActualRow> for ActualRowView {
    fn from(r: &pricing::budget::ActualRow) -> Self {
        let pricing::budget::ActualRow {
            month,
            product,
            projected,
            actual,
            error,
            error_ratio,
        } = r;
        Self {
            month: month.to_string(),
            product: *product,
            projected: dec(*projected),
            actual: opt_dec(*actual),
            error: opt_dec(*error),
            error_ratio: opt_dec(*error_ratio),
        }
    }
}

/// A calendar year's spend at the pace of its actuals beside its projection (rule BUD-4;
/// "Year at the pace of actuals" in docs/pricing-rules.md), in the report currency. Exact
/// decimals: the UI rounds them to cents for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct YearPaceView {
    pub year: i32,
    /// Months of the year with at least one actual.
    pub months_with_actuals: u32,
    /// The scenario's months in the year.
    pub months: u32,
    /// The actuals recorded in the year.
    pub actual: String,
    /// The projection of the same months and products as the actuals.
    pub actual_projected: String,
    /// actual ÷ actual_projected; absent when that projection is zero.
    pub ratio: Option<String>,
    /// The year's spend at the pace of the actuals.
    pub at_pace: String,
    /// The year as projected.
    pub projected: String,
}

impl From<&pricing::budget::YearPace> for YearPaceView {
    fn from(y: &pricing::budget::YearPace) -> Self {
        let pricing::budget::YearPace {
            year,
            months_with_actuals,
            months,
            actual,
            actual_projected,
            ratio,
            remaining: _,
            at_pace,
            projected,
        } = y;
        Self {
            year: *year,
            months_with_actuals: *months_with_actuals,
            months: *months,
            actual: dec(*actual),
            actual_projected: dec(*actual_projected),
            ratio: opt_dec(*ratio),
            at_pace: dec(*at_pace),
            projected: dec(*projected),
        }
    }
}
