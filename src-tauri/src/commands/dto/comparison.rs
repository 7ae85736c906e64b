//! Alternatives of one scenario, and several scenarios side by side.

use pricing::{Currency, Product};
use serde::Serialize;
use ts_rs::TS;

use super::{message_views, opt_dec, MessageView};

/// One alternative for one product (edition, billing or package), cheapest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AlternativeView {
    pub product: Product,
    pub plan: String,
    pub label: MessageView,
    pub total: Option<String>,
    pub currency: Currency,
    pub feasible: bool,
    pub complete: bool,
    pub reasons: Vec<MessageView>,
    pub current: bool,
    pub recommended: bool,
    pub saving: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProductComparisonView {
    pub product: Product,
    pub alternatives: Vec<AlternativeView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ComparisonView {
    pub scenario: String,
    pub currency: Currency,
    pub products: Vec<ProductComparisonView>,
}

impl From<&pricing::Comparison> for ComparisonView {
    fn from(c: &pricing::Comparison) -> Self {
        let pricing::Comparison {
            scenario,
            currency,
            products,
        } = c;
        Self {
            scenario: scenario.clone(),
            currency: *currency,
            products: products
                .iter()
                .map(|p| {
                    let pricing::compare::ProductComparison {
                        product,
                        alternatives,
                    } = p;
                    ProductComparisonView {
                        product: *product,
                        alternatives: alternatives
                            .iter()
                            .map(|a| {
                                let pricing::alternative::Alternative {
                                    product,
                                    plan,
                                    label,
                                    total,
                                    currency,
                                    feasible,
                                    complete,
                                    reasons,
                                    current,
                                    recommended,
                                    saving,
                                    from_lines: _,
                                } = a;
                                AlternativeView {
                                    product: *product,
                                    plan: plan.clone(),
                                    label: label.into(),
                                    total: opt_dec(*total),
                                    currency: *currency,
                                    feasible: *feasible,
                                    complete: *complete,
                                    reasons: message_views(reasons),
                                    current: *current,
                                    recommended: *recommended,
                                    saving: opt_dec(*saving),
                                }
                            })
                            .collect(),
                    }
                })
                .collect(),
        }
    }
}

/// One scenario of a side-by-side comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ComparedScenario {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub currency: Currency,
    pub total: String,
    pub complete: bool,
}

/// One calendar month across the compared scenarios: `totals[i]` is scenario i's total (absent
/// when it has no such month), `differences[i]` is totals[i] − totals[0].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ComparedMonth {
    pub month: String,
    pub totals: Vec<Option<String>>,
    pub differences: Vec<Option<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScenarioComparison {
    pub scenarios: Vec<ComparedScenario>,
    pub months: Vec<ComparedMonth>,
    pub overlay_svg: Option<String>,
}
