//! Saved quotes: a frozen copy of a quote together with the scenario and the price-book
//! entries it was computed from (rule GEN-4), so it can be shown again exactly even after
//! the scenario or the prices change. The JSON is opaque to the store.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use pricing::Currency;

use crate::column::{self, timestamp_text};
use crate::values::{require_json, require_non_negative};
use crate::{Store, StoreError};

/// What `save_quote` stores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSavedQuote {
    /// The scenario file JSON as it was quoted.
    pub scenario_document: String,
    /// The quote JSON.
    pub quote: String,
    /// JSON array of the price-book entries the quote used (GEN-4).
    pub price_entries: String,
    /// Currency of `total`.
    pub currency: Currency,
    /// The quote's total; never negative.
    #[serde(with = "rust_decimal::serde::str")]
    pub total: Decimal,
    /// False when some line had no known price, so `total` is a lower bound.
    pub complete: bool,
}

/// A saved quote without its (large) JSON documents, for lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedQuoteSummary {
    /// Row id.
    pub id: i64,
    /// The scenario it was quoted from.
    pub scenario_id: i64,
    /// When it was saved.
    pub created_at: DateTime<Utc>,
    /// Currency of `total`.
    pub currency: Currency,
    /// The quote's total.
    #[serde(with = "rust_decimal::serde::str")]
    pub total: Decimal,
    /// False when some line had no known price.
    pub complete: bool,
}

/// A saved quote in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedQuote {
    /// Row id.
    pub id: i64,
    /// The scenario it was quoted from.
    pub scenario_id: i64,
    /// When it was saved.
    pub created_at: DateTime<Utc>,
    /// What was saved.
    pub quote: NewSavedQuote,
}

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<SavedQuoteSummary> {
    Ok(SavedQuoteSummary {
        id: row.get("id")?,
        scenario_id: row.get("scenario_id")?,
        created_at: column::timestamp(row, "created_at")?,
        currency: column::currency(row, "currency")?,
        total: column::decimal(row, "total")?,
        complete: column::boolean(row, "complete")?,
    })
}

fn quote_from_row(row: &Row<'_>) -> rusqlite::Result<SavedQuote> {
    Ok(SavedQuote {
        id: row.get("id")?,
        scenario_id: row.get("scenario_id")?,
        created_at: column::timestamp(row, "created_at")?,
        quote: NewSavedQuote {
            scenario_document: row.get("scenario_document")?,
            quote: row.get("quote")?,
            price_entries: row.get("price_entries")?,
            currency: column::currency(row, "currency")?,
            total: column::decimal(row, "total")?,
            complete: column::boolean(row, "complete")?,
        },
    })
}

impl Store {
    /// Saves a quote for a scenario. `Invalid` if a JSON field is not well-formed JSON, if
    /// `price_entries` is not a JSON array, or if `total` is negative; `NotFound` if the
    /// scenario does not exist.
    pub fn save_quote(
        &mut self,
        scenario_id: i64,
        quote: &NewSavedQuote,
        now: DateTime<Utc>,
    ) -> Result<SavedQuote, StoreError> {
        require_json("scenario_document", &quote.scenario_document)?;
        require_json("quote", &quote.quote)?;
        if !require_json("price_entries", &quote.price_entries)?.is_array() {
            return Err(StoreError::invalid(
                "price_entries",
                "must be a JSON array of price-book entries",
            ));
        }
        require_non_negative("total", quote.total)?;

        let tx = self.conn.transaction()?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM scenarios WHERE id = ?1)",
            [scenario_id],
            |row| row.get(0),
        )?;
        if !exists {
            return Err(StoreError::NotFound {
                what: "scenario",
                id: scenario_id,
            });
        }
        let saved = tx.query_row(
            "INSERT INTO saved_quotes (scenario_id, created_at, scenario_document, quote,
                 price_entries, currency, total, complete)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             RETURNING id, scenario_id, created_at, scenario_document, quote, price_entries,
                 currency, total, complete",
            params![
                scenario_id,
                timestamp_text(now),
                quote.scenario_document,
                quote.quote,
                quote.price_entries,
                quote.currency.code(),
                quote.total.to_string(),
                quote.complete,
            ],
            quote_from_row,
        )?;
        tx.commit()?;
        Ok(saved)
    }

    /// A scenario's saved quotes, newest first. `NotFound` if the scenario does not exist.
    pub fn list_saved_quotes(
        &self,
        scenario_id: i64,
    ) -> Result<Vec<SavedQuoteSummary>, StoreError> {
        self.require_scenario(scenario_id)?;
        let mut stmt = self.conn.prepare(
            "SELECT id, scenario_id, created_at, currency, total, complete FROM saved_quotes
             WHERE scenario_id = ?1 ORDER BY created_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([scenario_id], summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One saved quote in full. `NotFound` if there is no such id.
    pub fn get_saved_quote(&self, id: i64) -> Result<SavedQuote, StoreError> {
        self.conn
            .query_row(
                "SELECT id, scenario_id, created_at, scenario_document, quote, price_entries,
                     currency, total, complete
                 FROM saved_quotes WHERE id = ?1",
                [id],
                quote_from_row,
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "saved quote",
                id,
            })
    }

    /// Deletes one saved quote; its scenario and the other quotes stay. `NotFound` if there
    /// is no such id (so deleting twice says so rather than succeeding silently).
    pub fn delete_saved_quote(&mut self, id: i64) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute("DELETE FROM saved_quotes WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "saved quote",
                id,
            });
        }
        Ok(())
    }
}
