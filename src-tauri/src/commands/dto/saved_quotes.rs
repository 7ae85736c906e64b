//! Saved quotes (rule GEN-4) and today's quote beside them.

use pricing::Currency;
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use super::{dec, stamp, MonthTotal, PriceRow};

/// A quote saved with the prices it used (rule GEN-4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SavedQuoteRow {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub scenario_id: i64,
    pub created_at: String,
    pub currency: Currency,
    pub total: String,
    pub complete: bool,
    /// Today's total of the scenario minus `total`, in `currency`; absent when the scenario
    /// cannot be quoted now or reports in another currency now.
    pub difference: Option<String>,
}

impl SavedQuoteRow {
    /// `today` is the scenario's quote with the current price book, when it can be quoted.
    pub fn new(s: store::SavedQuoteSummary, today: Option<&pricing::Quote>) -> Self {
        let store::SavedQuoteSummary {
            id,
            scenario_id,
            created_at,
            currency,
            total,
            complete,
        } = s;
        Self {
            id,
            scenario_id,
            created_at: stamp(created_at),
            difference: today.and_then(|q| difference(q, currency, total)),
            currency,
            total: dec(total),
            complete,
        }
    }
}

/// `today.total − total` when today's quote is in `currency`: a difference across
/// currencies would need a rate the saved quote did not use, so there is none.
pub(crate) fn difference(
    today: &pricing::Quote,
    currency: Currency,
    total: Decimal,
) -> Option<String> {
    (today.currency == currency).then(|| dec(today.total - total))
}

/// A scenario's total quoted now, with the current price book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TodayTotal {
    pub currency: Currency,
    pub total: String,
    /// False when a line has no price now (rule GEN-5).
    pub complete: bool,
}

impl From<&pricing::Quote> for TodayTotal {
    fn from(q: &pricing::Quote) -> Self {
        Self {
            currency: q.currency,
            total: dec(q.total),
            complete: q.complete,
        }
    }
}

/// A saved quote in full: its figures and the price-book entries exactly as they were saved
/// (rule GEN-4: never repriced), beside today's quote of the same scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SavedQuoteView {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub scenario_id: i64,
    pub created_at: String,
    pub currency: Currency,
    pub total: String,
    pub complete: bool,
    /// Each month's total as saved, in `currency`.
    pub months: Vec<MonthTotal>,
    /// The price-book entries the quote used, as saved. Their `source_title` is looked up in
    /// this build's price book (the quote keeps the source key); absent for a retired key.
    pub entries: Vec<PriceRow>,
    /// The scenario quoted now; absent when it cannot be (`today_error` says why).
    pub today: Option<TodayTotal>,
    pub today_error: Option<String>,
    /// `today.total − total` when both are in `currency`.
    pub difference: Option<String>,
    /// True when the scenario was edited after the quote was saved. A rename alone does not
    /// count: it changes no figure.
    pub scenario_changed: bool,
}
