//! The request and response types of the commands: what crosses IPC, and nothing else.
//!
//! Each response type is built from the crate types by a conversion that destructures them
//! exhaustively, so a field added to a crate type does not compile until it is handled here
//! (practice 3). Decimals are strings holding the exact value (rule GEN-2); dates and months
//! are ISO strings; ids are JSON numbers (`#[ts(type = "number")]`: ts-rs would say `bigint`).
//! Products, sites, editions and currencies are the pricing crate's enums, which serialise as
//! their keys and reach TypeScript as string-literal unions (its `ts` feature).

//!
//! The types are kept by area, one file each, and all re-exported here, so `dto::X` names each.

mod actuals;
mod bills;
mod budgets;
mod comparison;
mod message;
mod prices;
mod quote;
mod saved_quotes;
mod scenarios;
mod sizing;
mod wizard;

use std::collections::BTreeMap;

use pricing::money::exact_text;
use rust_decimal::Decimal;

pub use super::error::FieldErrorDto;
pub use actuals::{ActualRowView, ActualView, YearPaceView};
pub use bills::{
    BillAmount, BillChange, BillMappingInput, BillOpened, BillPreview, BillProblem, BillTotal,
    GrowthView, UnmatchedService,
};
pub use budgets::{BudgetMonthView, BudgetStatus, BudgetSummaryView};
pub use comparison::{
    AlternativeView, ComparedMonth, ComparedScenario, ComparisonView, ProductComparisonView,
    ScenarioComparison,
};
pub use message::{views as message_views, MessageView};
pub use prices::{
    PriceItemOption, PriceRow, PriceUpdatePreview, PriceUpdateRow, RateRow, ScenarioChangeRow,
    UpdateSourceRow, UserPriceInput,
};
pub use quote::{LineView, MonthTotal, MonthView, NoteView, Preview, QuoteView};
pub(crate) use saved_quotes::difference;
pub use saved_quotes::{SavedQuoteRow, SavedQuoteView, TodayTotal};
pub use scenarios::{ScenarioDoc, ScenarioRow};
pub use sizing::{
    EditionOptionView, ImageSearchMonthView, ImageSearchView, PackageChangeView, ShortfallView,
    TcrMonthView, TcssMonthView, TcssView,
};
pub use wizard::{ProductSites, SiteOption, WizardOptions};

pub(crate) fn dec(value: Decimal) -> String {
    exact_text(value)
}

pub(crate) fn opt_dec(value: Option<Decimal>) -> Option<String> {
    value.map(exact_text)
}

pub(crate) fn stamp(time: chrono::DateTime<chrono::Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The title of a price-book source by its key (`S001`), absent for a key the book lacks.
pub(crate) fn source_title(
    sources: &BTreeMap<String, pricing::book::Source>,
    key: &str,
) -> Option<String> {
    sources.get(key).map(|s| s.title.clone())
}
