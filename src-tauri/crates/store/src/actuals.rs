//! Actual spend: what a product really cost in a month, per scenario, for budget tracking.
//! One row per (scenario, product, month); entering a month again replaces it.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use pricing::{Currency, Product, YearMonth};

use crate::column::{self, timestamp_text};
use crate::values::{product_order_sql, require_amount, require_json, require_text};
use crate::{Store, StoreError};

/// Spend recorded for one product in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actual {
    /// Row id.
    pub id: i64,
    /// The scenario (budget) the spend is tracked against.
    pub scenario_id: i64,
    /// Which product.
    pub product: Product,
    /// Which month.
    pub month: YearMonth,
    /// What was spent; never negative.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// Currency of `amount`.
    pub currency: Currency,
    /// The bill it was imported from (its file name); `None` when typed by hand.
    pub bill: Option<String>,
    /// When it was imported from `bill`.
    pub imported_at: Option<DateTime<Utc>>,
}

/// One month and product of a bill, as it is stored (schema version 4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillFigure {
    pub product: Product,
    pub month: YearMonth,
    /// In the scenario's currency; below zero for a month of credits and refunds.
    pub amount: Decimal,
    pub currency: Currency,
}

/// `NotFound` unless scenario `id` exists, asked inside the transaction that then writes, so
/// the answer cannot go stale.
fn scenario_exists(tx: &rusqlite::Transaction<'_>, id: i64) -> Result<(), StoreError> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM scenarios WHERE id = ?1)",
        [id],
        |row| row.get(0),
    )?;
    if exists {
        Ok(())
    } else {
        Err(StoreError::NotFound {
            what: "scenario",
            id,
        })
    }
}

/// A stored actual as the pricing core reads it (rule BUD-4).
impl From<&Actual> for pricing::budget::Actual {
    fn from(a: &Actual) -> Self {
        pricing::budget::Actual {
            product: a.product,
            month: a.month,
            amount: a.amount,
            currency: a.currency,
        }
    }
}

const COLUMNS: &str = "id, scenario_id, product, month, amount, currency, bill, imported_at";

fn actual_from_row(row: &Row<'_>) -> rusqlite::Result<Actual> {
    let imported: Option<String> = row.get("imported_at")?;
    Ok(Actual {
        id: row.get("id")?,
        scenario_id: row.get("scenario_id")?,
        product: column::product(row, "product")?,
        month: column::year_month(row, "month")?,
        amount: column::decimal(row, "amount")?,
        currency: column::currency(row, "currency")?,
        bill: row.get("bill")?,
        imported_at: match imported {
            Some(_) => Some(column::timestamp(row, "imported_at")?),
            None => None,
        },
    })
}

impl Store {
    /// A scenario's actuals, by month then product (in `Product` order). `NotFound` if the scenario does not
    /// exist (an empty list means it exists but has none).
    pub fn list_actuals(&self, scenario_id: i64) -> Result<Vec<Actual>, StoreError> {
        self.require_scenario(scenario_id)?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM actuals WHERE scenario_id = ?1 ORDER BY month, {}",
            product_order_sql()
        ))?;
        let rows = stmt.query_map([scenario_id], actual_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records the spend for a product and month, replacing what was recorded before for
    /// the same scenario, product and month. `Invalid` for an amount out of bounds (negative, above 10^12, more than 10 decimals), `NotFound` if
    /// the scenario does not exist.
    pub fn upsert_actual(
        &mut self,
        scenario_id: i64,
        product: Product,
        month: YearMonth,
        amount: Decimal,
        currency: Currency,
    ) -> Result<Actual, StoreError> {
        require_amount("amount", amount)?;
        // Existence check and write in one transaction, so the answer cannot go stale.
        let tx = self.conn.transaction()?;
        scenario_exists(&tx, scenario_id)?;
        let stored = tx.query_row(
            "INSERT INTO actuals (scenario_id, product, month, amount, currency)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (scenario_id, product, month)
             DO UPDATE SET amount = excluded.amount, currency = excluded.currency,
                           source = 'typed', bill = NULL, imported_at = NULL
             RETURNING id, scenario_id, product, month, amount, currency, bill, imported_at",
            params![
                scenario_id,
                product.key(),
                month.to_string(),
                amount.to_string(),
                currency.code()
            ],
            actual_from_row,
        )?;
        tx.commit()?;
        Ok(stored)
    }

    /// Stores the figures of a bill for a scenario, all or none in one transaction: each
    /// replaces what was stored for its product and month (typed or from an earlier bill), so
    /// importing the same bill twice leaves the same rows. A figure may be below zero (credits
    /// and refunds); its size is bounded like any amount. `NotFound` if the scenario does not
    /// exist, `Invalid` for an empty bill name or an amount out of bounds (nothing written).
    pub fn import_actuals(
        &mut self,
        scenario_id: i64,
        figures: &[BillFigure],
        bill: &str,
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        require_text("bill", bill)?;
        for f in figures {
            require_amount("amount", f.amount.abs())?;
        }
        let tx = self.conn.transaction()?;
        scenario_exists(&tx, scenario_id)?;
        let at = timestamp_text(now);
        {
            let mut insert = tx.prepare(
                "INSERT INTO actuals (scenario_id, product, month, amount, currency, source,
                                      bill, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'bill', ?6, ?7)
                 ON CONFLICT (scenario_id, product, month)
                 DO UPDATE SET amount = excluded.amount, currency = excluded.currency,
                               source = 'bill', bill = excluded.bill,
                               imported_at = excluded.imported_at",
            )?;
            for f in figures {
                insert.execute(params![
                    scenario_id,
                    f.product.key(),
                    f.month.to_string(),
                    f.amount.to_string(),
                    f.currency.code(),
                    bill,
                    at
                ])?;
            }
        }
        tx.commit()?;
        Ok(figures.len())
    }

    /// The column mapping remembered for a header shape (`bills::header_shape`), as the JSON
    /// text it was saved with.
    pub fn bill_mapping(&self, header_shape: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT mapping FROM bill_mappings WHERE header_shape = ?1",
                [header_shape],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Remembers the column mapping for a header shape, replacing an earlier one. `Invalid`
    /// for a mapping that is not JSON.
    pub fn save_bill_mapping(
        &mut self,
        header_shape: &str,
        mapping: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        require_text("header_shape", header_shape)?;
        require_json("mapping", mapping)?;
        self.conn.execute(
            "INSERT INTO bill_mappings (header_shape, mapping, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (header_shape) DO UPDATE SET mapping = excluded.mapping,
                                                      updated_at = excluded.updated_at",
            params![header_shape, mapping, timestamp_text(now)],
        )?;
        Ok(())
    }

    /// Deletes one actual by id. `NotFound` if there is no such id.
    pub fn delete_actual(&mut self, id: i64) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute("DELETE FROM actuals WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(StoreError::NotFound { what: "actual", id });
        }
        Ok(())
    }

    pub(crate) fn require_scenario(&self, id: i64) -> Result<(), StoreError> {
        self.conn
            .query_row("SELECT 1 FROM scenarios WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "scenario",
                id,
            })
    }
}
