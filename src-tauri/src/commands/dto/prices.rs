//! The price book as the Prices screen shows it, user prices and exchange rates.

use std::collections::BTreeMap;

use pricing::{Currency, PriceItem, Product, Site};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{source_title, MessageView};

/// A price-book entry: one in force (the Prices screen) or one a saved quote used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PriceRow {
    /// The database id of a user entry in force. Absent for built-in entries and for every
    /// entry of a saved quote: the user's price may have been changed or removed since.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub product: Product,
    pub site: Site,
    pub item: PriceItem,
    pub plan: Option<String>,
    pub regions: Vec<String>,
    pub unit: String,
    pub amount: String,
    /// Absent for quotas and limits (counts, not money).
    pub currency: Option<Currency>,
    /// Absent for a user price entered without a start date: it is in force from any date.
    pub effective_from: Option<String>,
    pub effective_to: Option<String>,
    pub source: String,
    pub source_title: Option<String>,
    pub rule: String,
    /// The note as stored: a user price's own words (what its edit form shows).
    pub note: Option<String>,
    /// The note to show: a built-in entry's is a catalogue message, a user price's its text.
    pub note_message: Option<MessageView>,
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
            product: *product,
            site: *site,
            item: *item,
            plan: plan.clone(),
            regions: regions.clone(),
            unit: unit.clone(),
            amount: amount.to_string(),
            currency: *currency,
            effective_from: (source != pricing::book::USER_SOURCE
                || *effective_from != pricing::scenario::user_price_epoch())
            .then(|| effective_from.to_string()),
            effective_to: effective_to.map(|d| d.to_string()),
            source_title: source_title(sources, source),
            user: source == pricing::book::USER_SOURCE,
            source: source.clone(),
            rule: rule.clone(),
            note: note.clone(),
            note_message: entry.note_message().as_ref().map(MessageView::from),
        }
    }
}

/// A user price as the Prices screen submits it. `plan` is the TCR edition or the Image Search
/// package (`CAPACITY/QPS`); dates are `YYYY-MM-DD`; `amount` a decimal string. `product`,
/// `site`, `item` and `currency` are typed for the UI but read as text here, so a wrong one is
/// an error on its own field (with every other problem of the price), not a failed call. An
/// item not chosen yet is `null`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UserPriceInput {
    #[ts(as = "Product")]
    pub product: String,
    #[ts(as = "Site")]
    pub site: String,
    #[ts(as = "Option<PriceItem>")]
    pub item: Option<String>,
    pub plan: Option<String>,
    pub region: Option<String>,
    pub unit: String,
    pub amount: String,
    #[ts(as = "Currency")]
    pub currency: String,
    pub effective_from: Option<String>,
    pub effective_to: Option<String>,
    pub note: Option<String>,
}

/// An item a user price may set, with its product and the unit it is priced in unless the user
/// says otherwise: the Prices screen's list (`USER_PRICE_ITEMS` of the bindings, from
/// [`PriceItem::USER`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PriceItemOption {
    pub product: Product,
    pub item: PriceItem,
    pub unit: String,
}

impl PriceItemOption {
    /// Every item a user price may set, in the Prices screen's order.
    pub fn user_items() -> Vec<PriceItemOption> {
        PriceItem::USER
            .into_iter()
            .map(|item| PriceItemOption {
                product: item.product(),
                item,
                unit: item.unit().unwrap_or_default().to_owned(),
            })
            .collect()
    }
}

/// A stored exchange rate: one unit of `from` is `rate` units of `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RateRow {
    #[ts(type = "number")]
    pub id: i64,
    pub from: Currency,
    pub to: Currency,
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
            from,
            to,
            rate: rate.to_string(),
            date: date.to_string(),
        }
    }
}

/// A source a price-book update adds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UpdateSourceRow {
    pub key: String,
    pub title: String,
    pub url: Option<String>,
}

/// A saved scenario whose quote a price-book update changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScenarioChangeRow {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub currency: Currency,
    /// Exact decimals, as strings (the screen rounds them to cents).
    pub total_before: String,
    pub total_after: String,
    pub complete_before: bool,
    pub complete_after: bool,
    /// The first month (`YYYY-MM`) whose figures differ.
    pub first_month: String,
}

/// What loading a price-book update would do, shown before the user confirms it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PriceUpdatePreview {
    /// Names this preview when the user confirms it (`confirm_price_update`).
    #[ts(type = "number")]
    pub token: u64,
    /// The file name.
    pub name: String,
    pub entries: Vec<PriceRow>,
    pub sources: Vec<UpdateSourceRow>,
    pub changed: Vec<ScenarioChangeRow>,
    #[ts(type = "number")]
    pub unchanged: u64,
    #[ts(type = "number")]
    pub not_quoted: u64,
    /// Saved quotes keep the prices they were made with (rule GEN-4).
    #[ts(type = "number")]
    pub saved_quotes: u64,
}

/// A price-book update the user loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PriceUpdateRow {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub imported_at: String,
}
