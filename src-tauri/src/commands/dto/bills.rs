//! Bill import (docs/bills.md): the preview of a bill read for a scenario, and the columns
//! the user picks for a CSV Plancast does not recognise.

use pricing::{Currency, Product};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{dec, MessageView};

/// A bill the user chose, read for one scenario: its preview, or the columns to map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BillOpened {
    /// Names this bill in `map_bill`, `confirm_bill` and `cancel_bill` (never a path).
    #[ts(type = "number")]
    pub token: u64,
    pub file_name: String,
    /// The preview, when the bill could be read.
    pub preview: Option<BillPreview>,
    /// The bill's columns, when Plancast does not recognise it: the user picks which hold the
    /// month, the product, the amount and the currency.
    pub headers: Option<Vec<String>>,
    /// Why the bill cannot be imported as it is (a mapped column missing, no rate…).
    pub error: Option<MessageView>,
}

/// What a bill holds and what importing it changes (nothing is stored yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BillPreview {
    pub scenario: String,
    /// The scenario's currency, which the changes are in.
    pub currency: Currency,
    /// `focus_1_0`, `focus_1_2`, `tencent`, `aliyun` or `mapped`.
    pub layout: String,
    pub encoding: String,
    #[ts(type = "number")]
    pub rows: u64,
    #[ts(type = "number")]
    pub matched: u64,
    #[ts(type = "number")]
    pub unmatched: u64,
    #[ts(type = "number")]
    pub unreadable: u64,
    /// The bill has no currency column; its amounts were read in this currency.
    pub assumed_currency: Option<Currency>,
    /// The first unreadable rows, with their line numbers.
    pub problems: Vec<BillProblem>,
    pub totals: Vec<BillTotal>,
    pub unmatched_services: Vec<UnmatchedService>,
    pub changes: Vec<BillChange>,
    pub outside_months: Vec<String>,
    pub other_products: Vec<Product>,
    /// Months and products the import writes (new or replaced).
    #[ts(type = "number")]
    pub writes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BillProblem {
    #[ts(type = "number")]
    pub line: u64,
    pub message: MessageView,
}

/// A month and product as billed, in the bill's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BillTotal {
    pub month: String,
    pub product: Product,
    pub currency: Currency,
    pub amount: String,
    pub credits: String,
    #[ts(type = "number")]
    pub rows: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UnmatchedService {
    pub service: String,
    #[ts(type = "number")]
    pub rows: u64,
    pub amounts: Vec<BillAmount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BillAmount {
    pub currency: Currency,
    pub amount: String,
}

/// One month and product of the import, in the scenario's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BillChange {
    pub month: String,
    pub product: Product,
    /// `new`, `replace` or `same`.
    pub kind: String,
    pub before: Option<String>,
    pub before_currency: Option<Currency>,
    pub after: String,
    pub credits: String,
}

/// The columns of a CSV Plancast does not recognise, by header text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct BillMappingInput {
    pub month: String,
    pub product: String,
    pub amount: String,
    /// The column with the currency code, or null when every amount is in `currency`.
    pub currency_column: Option<String>,
    pub currency: Option<Currency>,
}

/// A growth the actual spend suggests (rule BUD-4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GrowthView {
    pub from: String,
    pub to: String,
    pub months: u32,
    /// A percentage a month, one decimal.
    pub monthly_percent: String,
}

impl From<&pricing::budget::GrowthSuggestion> for GrowthView {
    fn from(g: &pricing::budget::GrowthSuggestion) -> Self {
        let pricing::budget::GrowthSuggestion {
            from,
            to,
            months,
            monthly_percent,
        } = g;
        Self {
            from: from.to_string(),
            to: to.to_string(),
            months: *months,
            monthly_percent: dec(*monthly_percent),
        }
    }
}

impl BillPreview {
    pub fn of(p: &crate::bill_import::Prepared) -> Self {
        let s = &p.summary;
        Self {
            scenario: p.scenario_name.clone(),
            currency: p.plan.currency,
            layout: s.layout.key().to_string(),
            encoding: s.encoding.to_string(),
            rows: s.rows,
            matched: s.matched,
            unmatched: s.unmatched,
            unreadable: s.unreadable,
            assumed_currency: s.assumed_currency,
            problems: s
                .problems
                .iter()
                .map(|r| BillProblem {
                    line: r.line,
                    message: MessageView::from(&r.message),
                })
                .collect(),
            totals: s
                .totals
                .iter()
                .map(|t| BillTotal {
                    month: t.month.to_string(),
                    product: t.product,
                    currency: t.currency,
                    amount: dec(t.amount),
                    credits: dec(t.credits),
                    rows: t.rows,
                })
                .collect(),
            unmatched_services: s
                .unmatched_services
                .iter()
                .map(|u| UnmatchedService {
                    service: u.service.clone(),
                    rows: u.rows,
                    amounts: u
                        .amounts
                        .iter()
                        .map(|(c, a)| BillAmount {
                            currency: *c,
                            amount: dec(*a),
                        })
                        .collect(),
                })
                .collect(),
            changes: p
                .plan
                .changes
                .iter()
                .map(|c| BillChange {
                    month: c.month.to_string(),
                    product: c.product,
                    kind: match c.kind {
                        bills::plan::ChangeKind::New => "new",
                        bills::plan::ChangeKind::Replace => "replace",
                        bills::plan::ChangeKind::Same => "same",
                    }
                    .to_string(),
                    before: c.before.map(dec),
                    before_currency: c.before_currency,
                    after: dec(c.after),
                    credits: dec(c.credits),
                })
                .collect(),
            outside_months: p
                .plan
                .outside_months
                .iter()
                .map(ToString::to_string)
                .collect(),
            other_products: p.plan.other_products.clone(),
            writes: p.plan.writes().count() as u64,
        }
    }
}
