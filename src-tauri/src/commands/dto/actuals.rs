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
        } = a;
        Self {
            id,
            scenario_id,
            product,
            month: month.to_string(),
            amount: amount.to_string(),
            currency,
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
