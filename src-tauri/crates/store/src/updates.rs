//! Price-book updates the user loaded (schema version 3). The store keeps each update's file
//! text as it was checked; what it means is the pricing crate's business
//! (`pricing::update`), so the text is opaque here.

use chrono::{DateTime, Utc};
use rusqlite::{params, Row};
use serde::{Deserialize, Serialize};

use crate::column::{self, timestamp_text};
use crate::values::{require_json, require_text};
use crate::{Store, StoreError};

/// A stored price-book update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceBookUpdate {
    /// Row id; updates apply in id order.
    pub id: i64,
    /// The file name it was loaded from, for people.
    pub name: String,
    /// The update file's JSON text.
    pub document: String,
    /// When it was loaded.
    pub imported_at: DateTime<Utc>,
}

fn update_from_row(row: &Row<'_>) -> rusqlite::Result<PriceBookUpdate> {
    Ok(PriceBookUpdate {
        id: row.get("id")?,
        name: row.get("name")?,
        document: row.get("document")?,
        imported_at: column::timestamp(row, "imported_at")?,
    })
}

impl Store {
    /// Every stored update, oldest first (the order they apply in).
    pub fn list_price_book_updates(&self) -> Result<Vec<PriceBookUpdate>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, document, imported_at FROM price_book_updates ORDER BY id",
        )?;
        let rows = stmt.query_map([], update_from_row)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Stores an update the caller has checked. `Invalid` for an empty name or a document
    /// that is not JSON.
    pub fn add_price_book_update(
        &mut self,
        name: &str,
        document: &str,
        now: DateTime<Utc>,
    ) -> Result<PriceBookUpdate, StoreError> {
        require_text("name", name)?;
        require_json("document", document)?;
        self.conn.execute(
            "INSERT INTO price_book_updates (name, document, imported_at) VALUES (?1, ?2, ?3)",
            params![name, document, timestamp_text(now)],
        )?;
        let id = self.conn.last_insert_rowid();
        Ok(PriceBookUpdate {
            id,
            name: name.to_string(),
            document: document.to_string(),
            imported_at: now,
        })
    }

    /// Removes the update `id`; the others keep their order. `NotFound` when there is none.
    pub fn delete_price_book_update(&mut self, id: i64) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute("DELETE FROM price_book_updates WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "price-book update",
                id,
            });
        }
        Ok(())
    }
}
