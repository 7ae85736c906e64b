//! Key-value settings (language, theme, default currency, …) and wizard drafts.
//!
//! Settings values are plain strings: the app owns their meaning and validation, so adding a
//! setting never needs a migration. Drafts hold the wizard's in-progress state, keyed by
//! wizard, so closing the window does not lose work; like scenario documents they are
//! opaque text.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::column::{self, timestamp_text};
use crate::values::require_text;
use crate::{Store, StoreError};

/// A saved wizard draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Which draft (e.g. the wizard's name).
    pub key: String,
    /// The draft's state, opaque to the store.
    pub document: String,
    /// When it was last saved.
    pub updated_at: DateTime<Utc>,
}

impl Store {
    /// One setting, or `None` if it was never set.
    pub fn get_setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    /// Sets one setting, replacing its old value. `Invalid` for an empty key.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.set_settings(&[(key, value)])
    }

    /// Sets several settings at once, all or nothing (e.g. a settings form's "save").
    pub fn set_settings(&mut self, entries: &[(&str, &str)]) -> Result<(), StoreError> {
        for (key, _) in entries {
            require_text("key", key)?;
        }
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?;
            for (key, value) in entries {
                stmt.execute(params![key, value])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Every setting, sorted by key.
    pub fn all_settings(&self) -> Result<BTreeMap<String, String>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT key, value FROM settings")?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A saved draft, or `None`.
    pub fn get_draft(&self, key: &str) -> Result<Option<Draft>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT key, document, updated_at FROM drafts WHERE key = ?1",
                [key],
                |row| {
                    Ok(Draft {
                        key: row.get("key")?,
                        document: row.get("document")?,
                        updated_at: column::timestamp(row, "updated_at")?,
                    })
                },
            )
            .optional()?)
    }

    /// Saves a draft, replacing the previous one under the same key. `Invalid` for an
    /// empty key.
    pub fn put_draft(
        &mut self,
        key: &str,
        document: &str,
        now: DateTime<Utc>,
    ) -> Result<Draft, StoreError> {
        require_text("key", key)?;
        self.conn.execute(
            "INSERT INTO drafts (key, document, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET document = excluded.document,
                 updated_at = excluded.updated_at",
            params![key, document, timestamp_text(now)],
        )?;
        Ok(Draft {
            key: key.to_owned(),
            document: document.to_owned(),
            updated_at: now,
        })
    }

    /// Deletes a draft (e.g. when the wizard finishes). Returns whether there was one;
    /// deleting a missing draft is not an error because the wizard may finish twice.
    pub fn delete_draft(&mut self, key: &str) -> Result<bool, StoreError> {
        let changed = self
            .conn
            .execute("DELETE FROM drafts WHERE key = ?1", [key])?;
        Ok(changed > 0)
    }
}
