//! The quote as the scenario view and the wizard's live panel show it: months, lines, notes.

use std::collections::BTreeMap;

use pricing::{Currency, PriceItem, Product};
use serde::Serialize;
use ts_rs::TS;

use super::{
    dec, message_views, opt_dec, source_title, ActualRowView, BudgetMonthView, BudgetSummaryView,
    FieldErrorDto, ImageSearchView, MessageView, TcrMonthView, TcssView, YearPaceView,
};

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
    pub currency: Option<Currency>,
    pub complete: bool,
    pub months: Vec<MonthTotal>,
    pub chart_svg: Option<String>,
}

/// One line of a month's quote (spec "Quote as JSON", plus what "show the calculation" needs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LineView {
    pub product: Product,
    pub item: PriceItem,
    pub plan: Option<String>,
    pub quantity: String,
    pub unit: String,
    pub unit_price: Option<String>,
    pub amount: Option<String>,
    pub currency: Currency,
    pub converted: Option<String>,
    pub rule: String,
    pub source: Option<String>,
    pub source_title: Option<String>,
    /// The item a user price sets to price this line (the Prices screen's item), if one does.
    pub user_item: Option<PriceItem>,
    /// No known amount: a missing price, a custom quote or an infeasible plan (rule GEN-5).
    pub price_missing: bool,
    pub custom_quote: bool,
    pub infeasible: bool,
    /// The line's own note, then its price entry's (a user price's note in the user's words).
    pub notes: Vec<MessageView>,
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
            entry_note: _,
            note: _,
            // The rest is the crate's own bookkeeping (where the entry sits in the book).
            ..
        } = line;
        Self {
            product: *product,
            item: *item,
            plan: plan.as_ref().map(ToString::to_string),
            quantity: dec(*quantity),
            unit: unit.to_string(),
            unit_price: opt_dec(*unit_price),
            amount: opt_dec(*amount),
            currency: *currency,
            converted: opt_dec(*converted),
            rule: rule.to_string(),
            source_title: source.as_ref().and_then(|s| source_title(sources, s)),
            source: source.as_ref().map(ToString::to_string),
            user_item: item.user_item_for(unit),
            price_missing: !line.is_complete(),
            custom_quote: *custom_quote,
            infeasible: *infeasible,
            notes: message_views(&line.notes()),
            calculation: line.calculation(),
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

/// A note on the quote (trials, minimum terms, assumptions): the product it is about and
/// the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct NoteView {
    pub product: Option<Product>,
    pub message: MessageView,
}

impl From<&pricing::Note> for NoteView {
    fn from(n: &pricing::Note) -> Self {
        let pricing::Note { product, message } = n;
        Self {
            product: *product,
            message: message.into(),
        }
    }
}

/// Everything the scenario view shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QuoteView {
    #[ts(type = "number")]
    pub scenario_id: i64,
    pub name: String,
    pub currency: Currency,
    pub start: String,
    pub total: String,
    pub complete: bool,
    /// `tcr`, `tcss`, `image_search` present in the scenario.
    pub products: Vec<Product>,
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
    /// The latest calendar year with actuals at their pace (rule BUD-4); absent without
    /// actuals.
    pub year_pace: Option<YearPaceView>,
    /// "From the last N months of actuals, growth looks like X % a month" (rule BUD-4);
    /// absent with fewer than three consecutive months of actuals.
    pub growth: Option<super::GrowthView>,
    pub chart_svg: Option<String>,
}
