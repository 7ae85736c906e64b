//! A quote's line items and notes: what every product writes and every report reads.
//!
//! A leaf of the crate: it depends on the vocabulary, money, messages and the price book's
//! entries, never on a product or on the quote.

use compact_str::CompactString;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::book::PriceEntry;
use crate::ids::{PriceItem, Product};
use crate::message::Message;
use crate::money::Currency;

/// One priced line of a month: a quantity at a unit price, with the rule and the source that
/// explain it. An unknown price is `None`, never zero (rule GEN-5).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub product: Product,
    pub item: PriceItem,
    pub plan: Option<CompactString>,
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    pub unit: CompactString,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub unit_price: Option<Decimal>,
    /// quantity × unit price, exact, in `currency`.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub amount: Option<Decimal>,
    pub currency: Currency,
    /// `amount` in the report currency (rule GEN-8).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub converted: Option<Decimal>,
    pub rule: CompactString,
    pub source: Option<CompactString>,
    pub price_missing: bool,
    /// No list price exists; sales quote it (rule IS-4).
    pub custom_quote: bool,
    /// No plan meets the requirements (rule TCR-FIT-2).
    pub infeasible: bool,
    /// The price-book entry used (rule GEN-4), see [`PriceEntry::id`].
    pub entry_id: Option<String>,
    /// Which entry of the book the line used, by address: ids are formatted once per quote
    /// for the entries actually used rather than once per line.
    #[serde(skip)]
    pub(crate) entry_address: usize,
    /// The price-book entry's own note: a message code for a built-in entry (assumptions
    /// such as ap-qingyuan's region group), the user's own words for a user price.
    pub entry_note: Option<CompactString>,
    /// Why the line is what it is (trial, ticket, missing price…).
    pub note: Option<Message>,
}

impl Line {
    /// A line priced from a price-book entry, or marked *price missing* when there is none.
    #[allow(clippy::too_many_arguments)]
    pub fn priced(
        product: Product,
        item: PriceItem,
        plan: &str,
        quantity: Decimal,
        unit: &str,
        entry: Option<&PriceEntry>,
        rule: &str,
        currency: Currency,
    ) -> Line {
        Line {
            product,
            item,
            plan: Some(plan.into()),
            quantity,
            unit: unit.into(),
            unit_price: entry.map(|e| e.amount),
            // Beyond what a decimal holds: no amount, though there is a price (`overflowed`).
            amount: amount_of(quantity, entry),
            currency,
            converted: None,
            rule: rule.into(),
            source: entry.map(|e| e.source.as_str().into()),
            // rule GEN-5: a quantity of exactly zero costs zero even with no price.
            price_missing: entry.is_none() && !quantity.is_zero(),
            custom_quote: false,
            infeasible: false,
            entry_id: None,
            entry_address: entry.map_or(0, |e| e as *const PriceEntry as usize),
            entry_note: entry.and_then(|e| e.note.as_deref().map(Into::into)),
            note: None,
        }
    }

    /// Nothing was bought, and nothing is priced (rule GEN-5): a zero quantity with no entry.
    pub fn is_zero_unpriced(&self) -> bool {
        self.unit_price.is_none() && self.quantity.is_zero() && self.amount == Some(Decimal::ZERO)
    }

    pub(crate) fn with_note(mut self, note: Message) -> Line {
        self.note = Some(note);
        self
    }

    /// Makes the line free (trial), keeping its list price visible.
    pub(crate) fn free(mut self, note: Message) -> Line {
        if self.amount.is_some() {
            self.amount = Some(Decimal::ZERO);
        }
        self.note = Some(note);
        self
    }

    /// The price-book entry's note as a message: a built-in entry's note is a code of the
    /// catalogue, a user price's is the user's own text.
    pub fn entry_message(&self) -> Option<Message> {
        let note = self.entry_note.as_deref()?;
        Some(crate::book::note_message(
            note,
            self.source.as_deref().unwrap_or_default(),
        ))
    }

    /// The line's own note in English.
    pub fn note_text(&self) -> Option<String> {
        self.note
            .as_ref()
            .map(|m| m.render(crate::message::Lang::En))
    }

    /// Everything said about the line: its own note, then its price entry's.
    pub fn notes(&self) -> Vec<Message> {
        self.note
            .iter()
            .cloned()
            .chain(self.entry_message())
            .collect()
    }

    /// "0.28 USD/hour × 744 hour = 208.32 USD" — the calculation behind the line.
    pub fn calculation(&self) -> String {
        match (self.unit_price, self.amount) {
            (Some(p), Some(a)) => format!(
                "{} {}/{} × {} {} = {} {}",
                p.normalize(),
                self.currency,
                self.unit,
                self.quantity.normalize(),
                self.unit,
                a.normalize(),
                self.currency
            ),
            _ if self.custom_quote => "custom quote: no list price".into(),
            (None, Some(_)) if self.quantity.is_zero() => {
                format!("0 {} (nothing to price)", self.unit)
            }
            _ if self.infeasible => "no plan meets the requirements".into(),
            _ => format!(
                "{} {} × price missing",
                self.quantity.normalize(),
                self.unit
            ),
        }
    }

    /// The line has a price but its amount (quantity × unit price) is beyond what a decimal
    /// holds: the quote refuses it with the line and the month (`overflow::Overflow`).
    pub fn overflowed(&self) -> bool {
        self.amount.is_none()
            && self.unit_price.is_some()
            && !self.price_missing
            && !self.custom_quote
            && !self.infeasible
    }

    /// The line's field as an overflow names it: `tcr.storage`.
    pub fn field(&self) -> String {
        format!("{}.{}", self.product.key(), self.item)
    }

    /// The line has a known amount and a feasible plan.
    pub fn is_complete(&self) -> bool {
        self.amount.is_some() && !self.price_missing && !self.custom_quote && !self.infeasible
    }
}

/// quantity × the entry's price (rule GEN-2); zero for a quantity of exactly zero even with no
/// entry (rule GEN-5, revised 2026-12); `None` when the price is missing, or when the product is
/// beyond what a decimal holds (`Line::overflowed`).
#[inline]
pub fn amount_of(quantity: Decimal, entry: Option<&PriceEntry>) -> Option<Decimal> {
    match entry {
        Some(e) => quantity.checked_mul(e.amount),
        None if quantity.is_zero() => Some(Decimal::ZERO),
        None => None,
    }
}

/// A remark on a quote: a message, and the product it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub product: Option<Product>,
    pub message: Message,
}

impl Note {
    pub fn code(&self) -> &str {
        &self.message.code
    }

    /// The note in English.
    pub fn text(&self) -> String {
        self.message.render(crate::message::Lang::En)
    }
}

pub(crate) fn note(product: Option<Product>, message: Message) -> Note {
    Note { product, message }
}
