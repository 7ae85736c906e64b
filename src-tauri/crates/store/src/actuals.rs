//! Actual spend: what a product really cost in a month, per scenario, for budget tracking.
//! One row per (scenario, product, month); entering a month again replaces it.

use rusqlite::{params, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use pricing::{Currency, Product, YearMonth};

use crate::column;
use crate::values::{product_order_sql, require_amount};
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
}

fn actual_from_row(row: &Row<'_>) -> rusqlite::Result<Actual> {
    Ok(Actual {
        id: row.get("id")?,
        scenario_id: row.get("scenario_id")?,
        product: column::product(row, "product")?,
        month: column::year_month(row, "month")?,
        amount: column::decimal(row, "amount")?,
        currency: column::currency(row, "currency")?,
    })
}

impl Store {
    /// A scenario's actuals, by month then product (in `Product` order). `NotFound` if the scenario does not
    /// exist (an empty list means it exists but has none).
    pub fn list_actuals(&self, scenario_id: i64) -> Result<Vec<Actual>, StoreError> {
        self.require_scenario(scenario_id)?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id, scenario_id, product, month, amount, currency FROM actuals
             WHERE scenario_id = ?1 ORDER BY month, {}",
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
        let stored = tx.query_row(
            "INSERT INTO actuals (scenario_id, product, month, amount, currency)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (scenario_id, product, month)
             DO UPDATE SET amount = excluded.amount, currency = excluded.currency
             RETURNING id, scenario_id, product, month, amount, currency",
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
