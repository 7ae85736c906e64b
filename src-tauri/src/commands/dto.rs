//! The request and response types of the commands: what crosses IPC, and nothing else.
//!
//! Each response type is built from the crate types by a conversion that destructures them
//! exhaustively, so a field added to a crate type does not compile until it is handled here
//! (practice 3). Decimals are strings holding the exact value (rule GEN-2); dates and months
//! are ISO strings; ids are JSON numbers (`#[ts(type = "number")]`: ts-rs would say `bigint`).

use std::collections::BTreeMap;

use pricing::money::exact_text;
use pricing::{Currency, Product};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use super::error::FieldErrorDto;

pub(crate) fn dec(value: Decimal) -> String {
    exact_text(value)
}

pub(crate) fn opt_dec(value: Option<Decimal>) -> Option<String> {
    value.map(exact_text)
}

pub(crate) fn stamp(time: chrono::DateTime<chrono::Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A row of the scenario list. `start`, `months` and `currency` are absent, and `error` says
/// why, when the stored document no longer reads (for example after a format change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScenarioRow {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub start: Option<String>,
    pub months: Option<u32>,
    pub currency: Option<String>,
    /// `tcr`, `tcss`, `image_search`, in that order.
    pub products: Vec<String>,
    /// The quoted total in `currency`; absent when the scenario cannot be quoted.
    pub total: Option<String>,
    /// False when any line has no price (rule GEN-5) or the scenario cannot be quoted.
    pub complete: bool,
    pub updated_at: String,
    pub error: Option<String>,
}

/// A saved scenario with its document (pretty JSON, format version 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScenarioDoc {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub document: String,
    pub created_at: String,
    pub updated_at: String,
}

impl From<store::Scenario> for ScenarioDoc {
    fn from(s: store::Scenario) -> Self {
        let store::Scenario {
            id,
            name,
            document,
            created_at,
            updated_at,
        } = s;
        Self {
            id,
            name,
            document,
            created_at: stamp(created_at),
            updated_at: stamp(updated_at),
        }
    }
}

/// One month's total in the report currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MonthTotal {
    pub month: String,
    pub total: String,
}

/// The wizard's live cost panel. Invalid input is not an error here: `ok` is false and
/// `errors` lists every problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Preview {
    pub ok: bool,
    pub errors: Vec<FieldErrorDto>,
    pub total: Option<String>,
    pub currency: Option<String>,
    pub complete: bool,
    pub months: Vec<MonthTotal>,
    pub chart_svg: Option<String>,
}

/// One line of a month's quote (spec "Quote as JSON", plus what "show the calculation" needs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LineView {
    pub product: String,
    pub item: String,
    pub plan: Option<String>,
    pub quantity: String,
    pub unit: String,
    pub unit_price: Option<String>,
    pub amount: Option<String>,
    pub currency: String,
    pub converted: Option<String>,
    pub rule: String,
    pub source: Option<String>,
    pub source_title: Option<String>,
    /// No known amount: a missing price, a custom quote or an infeasible plan (rule GEN-5).
    pub price_missing: bool,
    pub custom_quote: bool,
    pub infeasible: bool,
    pub note: Option<String>,
    pub entry_note: Option<String>,
    /// "0.28 USD/hour × 744 hour = 208.32 USD".
    pub calculation: String,
}

impl LineView {
    pub fn new(line: &pricing::Line, sources: &BTreeMap<String, pricing::book::Source>) -> Self {
        let pricing::Line {
            product,
            item,
            plan,
            quantity,
            unit,
            unit_price,
            amount,
            currency,
            converted,
            rule,
            source,
            price_missing: _,
            custom_quote,
            infeasible,
            entry_id: _,
            entry_note,
            note,
            // The rest is the crate's own bookkeeping (where the entry sits in the book).
            ..
        } = line;
        Self {
            product: product.key().to_owned(),
            item: item.to_string(),
            plan: plan.as_ref().map(ToString::to_string),
            quantity: dec(*quantity),
            unit: unit.to_string(),
            unit_price: opt_dec(*unit_price),
            amount: opt_dec(*amount),
            currency: currency.code().to_owned(),
            converted: opt_dec(*converted),
            rule: rule.to_string(),
            source_title: source.as_ref().and_then(|s| source_title(sources, s)),
            source: source.as_ref().map(ToString::to_string),
            price_missing: !line.is_complete(),
            custom_quote: *custom_quote,
            infeasible: *infeasible,
            note: note.clone(),
            entry_note: entry_note.as_ref().map(ToString::to_string),
            calculation: line.calculation(),
        }
    }
}

pub(crate) fn source_title(
    sources: &BTreeMap<String, pricing::book::Source>,
    key: &str,
) -> Option<String> {
    sources.get(key).map(|s| s.title.clone())
}

/// A budget's standing in one month (rules BUD-2, BUD-3); amounts in the budget's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BudgetMonthView {
    pub name: Option<String>,
    pub product: Option<String>,
    pub amount: Option<String>,
    pub currency: String,
    pub amount_converted: Option<String>,
    pub spend: String,
    pub variance: Option<String>,
    pub utilisation: Option<String>,
    /// `ok`, `warning`, `over`; absent outside the budget's months.
    pub status: Option<String>,
    pub cumulative_spend: String,
    pub cumulative_budget: String,
    pub cumulative_status: Option<String>,
}

impl BudgetMonthView {
    pub fn new(b: &pricing::budget::BudgetMonth, name: Option<String>) -> Self {
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
            product: product.map(|p| p.key().to_owned()),
            amount: amount.map(|a| a.to_string()),
            currency: currency.code().to_owned(),
            amount_converted: opt_dec(*amount_converted),
            spend: dec(*spend),
            variance: opt_dec(*variance),
            utilisation: opt_dec(*utilisation),
            status: status.map(|s| s.key().to_owned()),
            cumulative_spend: dec(*cumulative_spend),
            cumulative_budget: dec(*cumulative_budget),
            cumulative_status: cumulative_status.map(|s| s.key().to_owned()),
        }
    }
}

/// One month of the quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MonthView {
    pub month: String,
    pub lines: Vec<LineView>,
    pub total: String,
    pub complete: bool,
    /// One per scenario budget, in the scenario's order.
    pub budgets: Vec<BudgetMonthView>,
}

/// A budget over the whole scenario (rule BUD-3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BudgetSummaryView {
    pub name: Option<String>,
    pub product: Option<String>,
    pub amount: String,
    pub currency: String,
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
            product: product.map(|p| p.key().to_owned()),
            amount: amount.to_string(),
            currency: currency.code().to_owned(),
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

/// A requirement an edition does not meet (rule TCR-FIT-1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ShortfallView {
    pub requirement: String,
    pub needed: String,
    pub allowed: String,
    pub by_ticket: bool,
    pub text: String,
}

/// One TCR edition in one month: whether it fits and what it costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EditionOptionView {
    pub edition: String,
    pub feasible: bool,
    pub needs_ticket: bool,
    /// In the site currency; absent when a price is missing.
    pub cost: Option<String>,
    pub shortfalls: Vec<ShortfallView>,
}

impl From<&pricing::tcr::EditionOption> for EditionOptionView {
    fn from(o: &pricing::tcr::EditionOption) -> Self {
        let pricing::tcr::EditionOption { edition, fit, cost } = o;
        let pricing::tcr::Fit {
            edition: _,
            shortfalls,
        } = fit;
        Self {
            edition: edition.key().to_owned(),
            feasible: fit.feasible(),
            needs_ticket: fit.needs_ticket(),
            cost: opt_dec(*cost),
            shortfalls: shortfalls
                .iter()
                .map(|s| {
                    let pricing::tcr::Shortfall {
                        requirement,
                        needed,
                        allowed,
                        by_ticket,
                        // The rest is what the text is written from.
                        ..
                    } = s;
                    ShortfallView {
                        requirement: requirement.to_string(),
                        needed: needed.to_string(),
                        allowed: allowed.to_string(),
                        by_ticket: *by_ticket,
                        text: s.text(),
                    }
                })
                .collect(),
        }
    }
}

/// TCR in one month: the edition priced and every edition's fit and cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TcrMonthView {
    pub month: String,
    /// Absent when no edition meets the requirements.
    pub edition: Option<String>,
    pub billing: String,
    pub needs_ticket: bool,
    pub options: Vec<EditionOptionView>,
}

impl From<&pricing::quote::TcrMonth> for TcrMonthView {
    fn from(m: &pricing::quote::TcrMonth) -> Self {
        let pricing::quote::TcrMonth {
            month,
            edition,
            billing,
            options,
            needs_ticket,
        } = m;
        Self {
            month: month.to_string(),
            edition: edition.map(|e| e.key().to_owned()),
            billing: (*billing).to_owned(),
            needs_ticket: *needs_ticket,
            options: options.iter().map(EditionOptionView::from).collect(),
        }
    }
}

/// TCSS licence sizing in one month (rule TCSS-PRO-3), in the site currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TcssMonthView {
    pub month: String,
    pub licensed: String,
    pub max_cores: String,
    pub break_even_days: Option<String>,
    pub cost: Option<String>,
    pub all_prepaid: Option<String>,
    pub all_postpaid: Option<String>,
}

/// TCSS sizing over the scenario, in the site currency (`currency`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TcssView {
    pub site: String,
    pub currency: String,
    pub billing: String,
    pub months: Vec<TcssMonthView>,
    pub total: Option<String>,
    pub all_prepaid: Option<String>,
    pub all_postpaid: Option<String>,
    pub saving_vs_prepaid: Option<String>,
    pub saving_vs_postpaid: Option<String>,
}

impl From<&pricing::quote::TcssSummary> for TcssView {
    fn from(s: &pricing::quote::TcssSummary) -> Self {
        let pricing::quote::TcssSummary {
            site,
            billing,
            months,
            total,
            all_prepaid,
            all_postpaid,
            saving_vs_prepaid,
            saving_vs_postpaid,
        } = s;
        Self {
            site: site.key().to_owned(),
            currency: site.currency().code().to_owned(),
            billing: (*billing).to_owned(),
            months: months
                .iter()
                .map(|m| {
                    let pricing::quote::TcssMonth {
                        month,
                        licensed,
                        max_cores,
                        break_even_days,
                        cost,
                        all_prepaid,
                        all_postpaid,
                    } = m;
                    TcssMonthView {
                        month: month.to_string(),
                        licensed: dec(*licensed),
                        max_cores: dec(*max_cores),
                        break_even_days: opt_dec(*break_even_days),
                        cost: opt_dec(*cost),
                        all_prepaid: opt_dec(*all_prepaid),
                        all_postpaid: opt_dec(*all_postpaid),
                    }
                })
                .collect(),
            total: opt_dec(*total),
            all_prepaid: opt_dec(*all_prepaid),
            all_postpaid: opt_dec(*all_postpaid),
            saving_vs_prepaid: opt_dec(*saving_vs_prepaid),
            saving_vs_postpaid: opt_dec(*saving_vs_postpaid),
        }
    }
}

/// The Image Search package of one month (`CAPACITY/QPS`), with the usage it must hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImageSearchMonthView {
    pub month: String,
    /// Absent when no package holds the month's images and QPS.
    pub package: Option<String>,
    pub images: String,
    pub qps: String,
}

/// A mid-cycle package change (rule IS-6); `amount` in `currency`, `kind` upgrade|downgrade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PackageChangeView {
    pub month: String,
    pub from: String,
    pub to: String,
    pub kind: String,
    pub amount: String,
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImageSearchView {
    pub months: Vec<ImageSearchMonthView>,
    pub changes: Vec<PackageChangeView>,
}

impl From<&pricing::quote::ImageSearchSummary> for ImageSearchView {
    fn from(s: &pricing::quote::ImageSearchSummary) -> Self {
        let pricing::quote::ImageSearchSummary { months, changes } = s;
        Self {
            months: months
                .iter()
                .map(|m| {
                    let pricing::quote::ImageSearchMonth {
                        month,
                        package,
                        images,
                        qps,
                    } = m;
                    ImageSearchMonthView {
                        month: month.to_string(),
                        package: package.map(|p| p.to_string()),
                        images: dec(*images),
                        qps: dec(*qps),
                    }
                })
                .collect(),
            changes: changes
                .iter()
                .map(|c| {
                    let pricing::image_search::PackageChange {
                        month,
                        from,
                        to,
                        kind,
                        amount,
                        currency,
                    } = c;
                    PackageChangeView {
                        month: month.to_string(),
                        from: from.to_string(),
                        to: to.to_string(),
                        kind: (*kind).to_owned(),
                        amount: dec(*amount),
                        currency: currency.code().to_owned(),
                    }
                })
                .collect(),
        }
    }
}

/// A note on the quote (trials, minimum terms, assumptions), with its stable code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct NoteView {
    pub code: String,
    pub product: Option<String>,
    pub text: String,
}

impl From<&pricing::quote::Note> for NoteView {
    fn from(n: &pricing::quote::Note) -> Self {
        let pricing::quote::Note {
            code,
            product,
            text,
        } = n;
        Self {
            code: code.clone(),
            product: product.map(|p| p.key().to_owned()),
            text: text.clone(),
        }
    }
}

/// Actual spend beside the projection (rule BUD-4), in the report currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ActualRowView {
    pub month: String,
    pub product: String,
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
            product: product.key().to_owned(),
            projected: dec(*projected),
            actual: opt_dec(*actual),
            error: opt_dec(*error),
            error_ratio: opt_dec(*error_ratio),
        }
    }
}

/// Everything the scenario view shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QuoteView {
    #[ts(type = "number")]
    pub scenario_id: i64,
    pub name: String,
    pub currency: String,
    pub start: String,
    pub total: String,
    pub complete: bool,
    /// `tcr`, `tcss`, `image_search` present in the scenario.
    pub products: Vec<String>,
    pub months: Vec<MonthView>,
    pub budgets: Vec<BudgetSummaryView>,
    pub tcr: Option<Vec<TcrMonthView>>,
    pub tcss: Option<TcssView>,
    pub image_search: Option<ImageSearchView>,
    pub notes: Vec<NoteView>,
    /// One row per month and product; empty when no actuals are recorded.
    pub actuals: Vec<ActualRowView>,
    /// Why actuals could not be set beside the projection (a missing exchange rate).
    pub actuals_error: Option<String>,
    pub chart_svg: Option<String>,
}

/// One alternative for one product (edition, billing or package), cheapest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AlternativeView {
    pub product: String,
    pub plan: String,
    pub label: String,
    pub total: Option<String>,
    pub currency: String,
    pub feasible: bool,
    pub complete: bool,
    pub reasons: Vec<String>,
    pub current: bool,
    pub recommended: bool,
    pub saving: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProductComparisonView {
    pub product: String,
    pub alternatives: Vec<AlternativeView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ComparisonView {
    pub scenario: String,
    pub currency: String,
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
            currency: currency.code().to_owned(),
            products: products
                .iter()
                .map(|p| {
                    let pricing::compare::ProductComparison {
                        product,
                        alternatives,
                    } = p;
                    ProductComparisonView {
                        product: product.key().to_owned(),
                        alternatives: alternatives
                            .iter()
                            .map(|a| {
                                let pricing::compare::Alternative {
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
                                } = a;
                                AlternativeView {
                                    product: product.key().to_owned(),
                                    plan: plan.clone(),
                                    label: label.clone(),
                                    total: opt_dec(*total),
                                    currency: currency.code().to_owned(),
                                    feasible: *feasible,
                                    complete: *complete,
                                    reasons: reasons.clone(),
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
    pub currency: String,
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

/// A price-book entry: one in force (the Prices screen) or one a saved quote used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PriceRow {
    /// The database id of a user entry in force. Absent for built-in entries and for every
    /// entry of a saved quote: the user's price may have been changed or removed since.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub product: String,
    pub site: String,
    pub item: String,
    pub plan: Option<String>,
    pub regions: Vec<String>,
    pub unit: String,
    pub amount: String,
    /// Absent for quotas and limits (counts, not money).
    pub currency: Option<String>,
    /// Absent for a user price entered without a start date: it is in force from any date.
    pub effective_from: Option<String>,
    pub effective_to: Option<String>,
    pub source: String,
    pub source_title: Option<String>,
    pub rule: String,
    pub note: Option<String>,
    pub user: bool,
}

impl PriceRow {
    pub fn new(
        entry: &pricing::PriceEntry,
        id: Option<i64>,
        sources: &BTreeMap<String, pricing::book::Source>,
    ) -> Self {
        let pricing::PriceEntry {
            product,
            site,
            item,
            plan,
            regions,
            unit,
            amount,
            currency,
            effective_from,
            effective_to,
            source,
            rule,
            note,
        } = entry;
        Self {
            id,
            product: product.key().to_owned(),
            site: site.key().to_owned(),
            item: item.clone(),
            plan: plan.clone(),
            regions: regions.clone(),
            unit: unit.clone(),
            amount: amount.to_string(),
            currency: currency.map(|c| c.code().to_owned()),
            effective_from: (source != pricing::book::USER_SOURCE
                || *effective_from != pricing::scenario::user_price_epoch())
            .then(|| effective_from.to_string()),
            effective_to: effective_to.map(|d| d.to_string()),
            source_title: source_title(sources, source),
            user: source == pricing::book::USER_SOURCE,
            source: source.clone(),
            rule: rule.clone(),
            note: note.clone(),
        }
    }
}

/// A user price as the Prices screen submits it. `plan` is the TCR edition or the Image Search
/// package (`CAPACITY/QPS`); dates are `YYYY-MM-DD`; `amount` a decimal string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UserPriceInput {
    pub product: String,
    pub site: String,
    pub item: String,
    pub plan: Option<String>,
    pub region: Option<String>,
    pub unit: String,
    pub amount: String,
    pub currency: String,
    pub effective_from: Option<String>,
    pub effective_to: Option<String>,
    pub note: Option<String>,
}

/// A stored exchange rate: one unit of `from` is `rate` units of `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RateRow {
    #[ts(type = "number")]
    pub id: i64,
    pub from: String,
    pub to: String,
    pub rate: String,
    pub date: String,
}

impl From<store::ExchangeRate> for RateRow {
    fn from(r: store::ExchangeRate) -> Self {
        let store::ExchangeRate {
            id,
            from,
            to,
            rate,
            date,
        } = r;
        Self {
            id,
            from: from.as_str().to_owned(),
            to: to.as_str().to_owned(),
            rate: rate.to_string(),
            date: date.to_string(),
        }
    }
}

/// Actual spend recorded for one product and month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ActualView {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub scenario_id: i64,
    pub product: String,
    pub month: String,
    pub amount: String,
    pub currency: String,
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
            product: product.as_str().to_owned(),
            month: month.to_string(),
            amount: amount.to_string(),
            currency: currency.as_str().to_owned(),
        }
    }
}

/// A quote saved with the prices it used (rule GEN-4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SavedQuoteRow {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub scenario_id: i64,
    pub created_at: String,
    pub currency: String,
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
            currency: currency.as_str().to_owned(),
            total: dec(total),
            complete,
        }
    }
}

/// `today.total − total` when today's quote is in `currency`: a difference across
/// currencies would need a rate the saved quote did not use, so there is none.
pub(crate) fn difference(
    today: &pricing::Quote,
    currency: store::Currency,
    total: Decimal,
) -> Option<String> {
    (today.currency.code() == currency.as_str()).then(|| dec(today.total - total))
}

/// A scenario's total quoted now, with the current price book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TodayTotal {
    pub currency: String,
    pub total: String,
    /// False when a line has no price now (rule GEN-5).
    pub complete: bool,
}

impl From<&pricing::Quote> for TodayTotal {
    fn from(q: &pricing::Quote) -> Self {
        Self {
            currency: currency_code(q.currency),
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
    pub currency: String,
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

/// A TCR region as the wizard offers it; `priced` is false where prices are assumed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RegionOption {
    pub region: String,
    pub name: String,
    pub name_zh: String,
    pub group: String,
    pub availability: Option<String>,
    pub priced: bool,
}

impl From<&pricing::book::Region> for RegionOption {
    fn from(r: &pricing::book::Region) -> Self {
        let pricing::book::Region {
            region,
            name,
            name_zh,
            group,
            availability,
            listed_by_s000: _,
            priced_by_assumption,
        } = r;
        Self {
            region: region.clone(),
            name: name.clone(),
            name_zh: name_zh.clone(),
            group: group.clone(),
            availability: availability.clone(),
            priced: !priced_by_assumption,
        }
    }
}

/// A TCR edition with its name on each Tencent site (Premium is "Advanced" internationally).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EditionOptionInfo {
    pub edition: String,
    pub title_intl: String,
    pub title_cn: String,
}

/// A site and its currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SiteOption {
    pub site: String,
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProductSites {
    pub product: String,
    pub sites: Vec<SiteOption>,
}

/// The Image Search packages (`CAPACITY/QPS`) sold on one site, smallest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SitePackages {
    pub site: String,
    pub packages: Vec<String>,
}

/// The choices the wizard offers, from the price book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WizardOptions {
    pub regions: Vec<RegionOption>,
    pub editions: Vec<EditionOptionInfo>,
    pub sites: Vec<ProductSites>,
    pub packages: Vec<SitePackages>,
    /// What a user price may set, product by product, in the Prices screen's order.
    pub price_items: Vec<PriceItemOption>,
}

/// An item a user price may set, with the unit it is priced in unless the user says otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PriceItemOption {
    pub product: String,
    pub item: String,
    pub unit: String,
}

pub(crate) fn product_key(product: Product) -> String {
    product.key().to_owned()
}

pub(crate) fn currency_code(currency: Currency) -> String {
    currency.code().to_owned()
}
