//! Budgets month by month and over the whole scenario (rules BUD-2, BUD-3), judged by actual
//! spend where recorded (rule BUD-4).

use pricing::{Currency, Product};
use serde::Serialize;
use ts_rs::TS;

use super::{dec, opt_dec};

pub use pricing::budget::Status as BudgetStatus;

/// A budget's standing in one month (rules BUD-2, BUD-3); amounts in the budget's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BudgetMonthView {
    pub name: Option<String>,
    pub product: Option<Product>,
    pub amount: Option<String>,
    pub currency: Currency,
    pub amount_converted: Option<String>,
    pub spend: String,
    pub variance: Option<String>,
    pub utilisation: Option<String>,
    /// `ok`, `warning`, `over`; absent outside the budget's months.
    pub status: Option<BudgetStatus>,
    pub cumulative_spend: String,
    pub cumulative_budget: String,
    pub cumulative_status: Option<BudgetStatus>,
    /// `spend` includes actual spend recorded for the month (rules BUD-2, BUD-4): for a
    /// product budget, its product's actual; for a whole-scenario budget, any product's.
    pub actual: bool,
}

impl BudgetMonthView {
    pub fn new(b: &pricing::budget::BudgetMonth, name: Option<String>, actual: bool) -> Self {
        let pricing::budget::BudgetMonth {
            product,
            amount,
            currency,
            amount_converted,
            spend,
            variance,
            utilisation,
            status,
            cumulative_spend,
            cumulative_budget,
            cumulative_status,
        } = b;
        Self {
            name,
            product: *product,
            amount: amount.map(|a| a.to_string()),
            currency: *currency,
            amount_converted: opt_dec(*amount_converted),
            spend: dec(*spend),
            variance: opt_dec(*variance),
            utilisation: opt_dec(*utilisation),
            status: *status,
            cumulative_spend: dec(*cumulative_spend),
            cumulative_budget: dec(*cumulative_budget),
            cumulative_status: *cumulative_status,
            actual,
        }
    }
}

/// A budget over the whole scenario (rule BUD-3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BudgetSummaryView {
    pub name: Option<String>,
    pub product: Option<Product>,
    pub amount: String,
    pub currency: Currency,
    pub warn_at: String,
    pub start: Option<String>,
    pub end: Option<String>,
    pub total_spend: String,
    pub total_budget: String,
    pub first_warning: Option<String>,
    pub first_over: Option<String>,
    pub first_cumulative_over: Option<String>,
}

impl From<&pricing::budget::BudgetSummary> for BudgetSummaryView {
    fn from(s: &pricing::budget::BudgetSummary) -> Self {
        let pricing::budget::BudgetSummary {
            budget,
            total_spend,
            total_budget,
            first_warning,
            first_over,
            first_cumulative_over,
        } = s;
        let pricing::scenario::Budget {
            name,
            amount,
            currency,
            product,
            warn_at,
            start,
            end,
        } = budget;
        Self {
            name: name.clone(),
            product: *product,
            amount: amount.to_string(),
            currency: *currency,
            warn_at: warn_at.to_string(),
            start: start.map(|m| m.to_string()),
            end: end.map(|m| m.to_string()),
            total_spend: dec(*total_spend),
            total_budget: dec(*total_budget),
            first_warning: first_warning.map(|m| m.to_string()),
            first_over: first_over.map(|m| m.to_string()),
            first_cumulative_over: first_cumulative_over.map(|m| m.to_string()),
        }
    }
}
