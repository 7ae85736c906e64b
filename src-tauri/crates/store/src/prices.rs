//! User-entered prices (overrides and additions to the shipped price book) and exchange
//! rates. Amounts and rates are exact decimals stored as TEXT.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use pricing::{Currency, PriceItem, Product, Site};

use crate::column::{self, date_text, timestamp_text};
use crate::values::{product_order_sql, require_amount, require_text};
use crate::{Store, StoreError};

/// The editable fields of a user price: what `add_user_price` and `update_user_price` take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserPriceFields {
    /// Which product the price is for.
    pub product: Product,
    /// Which site of the provider (China or international): the price list the price is on.
    pub site: Site,
    /// The billed item, stored by its key.
    pub item: PriceItem,
    /// TCR edition, Image Search package or TCSS billing mode, when the price depends on it.
    pub plan: Option<String>,
    /// Region, when the price depends on it.
    pub region: Option<String>,
    /// The unit the amount is per (e.g. `instance-month`).
    pub unit: String,
    /// Price per unit; never negative.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// Currency of `amount`.
    pub currency: Currency,
    /// First day the price applies, inclusive; `None` = always has.
    pub effective_from: Option<NaiveDate>,
    /// Last day the price applies, inclusive; `None` = still applies.
    pub effective_to: Option<NaiveDate>,
    /// Free text, e.g. where the price came from.
    pub note: Option<String>,
}

/// A stored user price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserPrice {
    /// Row id.
    pub id: i64,
    /// The price itself.
    pub fields: UserPriceFields,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

fn validate_price(fields: &UserPriceFields) -> Result<(), StoreError> {
    require_text("unit", &fields.unit)?;
    require_amount("amount", fields.amount)?;
    if let (Some(from), Some(to)) = (fields.effective_from, fields.effective_to) {
        if from > to {
            return Err(StoreError::invalid(
                "effective_to",
                format!("{to} is before effective_from {from}"),
            ));
        }
    }
    Ok(())
}

const PRICE_COLUMNS: &str = "id, product, site, item, plan, region, unit, amount, currency,
     effective_from, effective_to, note, created_at, updated_at";

fn price_from_row(row: &Row<'_>) -> rusqlite::Result<UserPrice> {
    Ok(UserPrice {
        id: row.get("id")?,
        fields: UserPriceFields {
            product: column::product(row, "product")?,
            site: column::site(row, "site")?,
            item: column::price_item(row, "item")?,
            plan: row.get("plan")?,
            region: row.get("region")?,
            unit: row.get("unit")?,
            amount: column::decimal(row, "amount")?,
            currency: column::currency(row, "currency")?,
            effective_from: column::optional_date(row, "effective_from")?,
            effective_to: column::optional_date(row, "effective_to")?,
            note: row.get("note")?,
        },
        created_at: column::timestamp(row, "created_at")?,
        updated_at: column::timestamp(row, "updated_at")?,
    })
}

/// An exchange rate: one unit of `from` is worth `rate` units of `to` on `date`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeRate {
    /// Row id.
    pub id: i64,
    /// Currency converted from.
    pub from: Currency,
    /// Currency converted to.
    pub to: Currency,
    /// Units of `to` per unit of `from`; always positive.
    #[serde(with = "rust_decimal::serde::str")]
    pub rate: Decimal,
    /// The day the rate is for.
    pub date: NaiveDate,
}

fn rate_from_row(row: &Row<'_>) -> rusqlite::Result<ExchangeRate> {
    Ok(ExchangeRate {
        id: row.get("id")?,
        from: column::currency(row, "from_currency")?,
        to: column::currency(row, "to_currency")?,
        rate: column::decimal(row, "rate")?,
        date: column::date(row, "date")?,
    })
}

impl Store {
    /// All user prices, grouped by product (in `Product` order), site, item, plan and region, then by start date.
    pub fn list_user_prices(&self) -> Result<Vec<UserPrice>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {PRICE_COLUMNS} FROM user_prices
             ORDER BY {}, site, item, plan, region, effective_from, id",
            product_order_sql()
        ))?;
        let rows = stmt.query_map([], price_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One user price. `NotFound` if there is no such id.
    pub fn get_user_price(&self, id: i64) -> Result<UserPrice, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {PRICE_COLUMNS} FROM user_prices WHERE id = ?1"),
                [id],
                price_from_row,
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "user price",
                id,
            })
    }

    /// Adds a user price. `Invalid` for an empty unit, a negative amount or an
    /// effective range that ends before it starts.
    pub fn add_user_price(
        &mut self,
        fields: &UserPriceFields,
        now: DateTime<Utc>,
    ) -> Result<UserPrice, StoreError> {
        validate_price(fields)?;
        self.conn.execute(
            "INSERT INTO user_prices (product, site, item, plan, region, unit, amount, currency,
                 effective_from, effective_to, note, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
            params![
                fields.product.key(),
                fields.site.key(),
                fields.item.key(),
                fields.plan,
                fields.region,
                fields.unit,
                fields.amount.to_string(),
                fields.currency.code(),
                fields.effective_from.map(date_text),
                fields.effective_to.map(date_text),
                fields.note,
                timestamp_text(now),
            ],
        )?;
        self.get_user_price(self.conn.last_insert_rowid())
    }

    /// Replaces every field of a user price (same validation as `add_user_price`).
    pub fn update_user_price(
        &mut self,
        id: i64,
        fields: &UserPriceFields,
        now: DateTime<Utc>,
    ) -> Result<UserPrice, StoreError> {
        validate_price(fields)?;
        let changed = self.conn.execute(
            "UPDATE user_prices SET product = ?2, site = ?3, item = ?4, plan = ?5, region = ?6,
                 unit = ?7, amount = ?8, currency = ?9, effective_from = ?10,
                 effective_to = ?11, note = ?12, updated_at = ?13
             WHERE id = ?1",
            params![
                id,
                fields.product.key(),
                fields.site.key(),
                fields.item.key(),
                fields.plan,
                fields.region,
                fields.unit,
                fields.amount.to_string(),
                fields.currency.code(),
                fields.effective_from.map(date_text),
                fields.effective_to.map(date_text),
                fields.note,
                timestamp_text(now),
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "user price",
                id,
            });
        }
        self.get_user_price(id)
    }

    /// Deletes a user price. `NotFound` if there is no such id.
    pub fn delete_user_price(&mut self, id: i64) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute("DELETE FROM user_prices WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "user price",
                id,
            });
        }
        Ok(())
    }

    /// All exchange rates, newest date first.
    pub fn list_exchange_rates(&self) -> Result<Vec<ExchangeRate>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, from_currency, to_currency, rate, date FROM exchange_rates
             ORDER BY date DESC, from_currency, to_currency",
        )?;
        let rows = stmt.query_map([], rate_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Sets the rate for `from`→`to` on `date`, replacing any rate already stored for that
    /// pair and day (the row keeps its id). `Invalid` unless `rate > 0` and `from != to`.
    pub fn upsert_exchange_rate(
        &mut self,
        from: Currency,
        to: Currency,
        rate: Decimal,
        date: NaiveDate,
    ) -> Result<ExchangeRate, StoreError> {
        if from == to {
            return Err(StoreError::invalid(
                "to",
                format!("a rate from {from} to itself is always 1"),
            ));
        }
        if rate <= Decimal::ZERO {
            return Err(StoreError::invalid(
                "rate",
                format!("{rate} must be greater than zero"),
            ));
        }
        if !pricing::read::bounds::rate_ok(rate) {
            return Err(StoreError::invalid(
                "rate",
                format!("must be {}, got {rate}", pricing::read::bounds::RATE_TEXT),
            ));
        }
        let stored = self.conn.query_row(
            "INSERT INTO exchange_rates (from_currency, to_currency, rate, date)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (from_currency, to_currency, date) DO UPDATE SET rate = excluded.rate
             RETURNING id, from_currency, to_currency, rate, date",
            params![from.code(), to.code(), rate.to_string(), date_text(date)],
            rate_from_row,
        )?;
        Ok(stored)
    }

    /// Deletes an exchange rate. `NotFound` if there is no such id.
    pub fn delete_exchange_rate(&mut self, id: i64) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute("DELETE FROM exchange_rates WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "exchange rate",
                id,
            });
        }
        Ok(())
    }
}
