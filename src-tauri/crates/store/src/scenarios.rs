//! Scenarios: a name plus the scenario file JSON (format v1), which the store keeps as
//! opaque text — only the pricing crate and the app know its shape.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::column::{self, timestamp_text};
use crate::values::{require_json, require_text};
use crate::{Store, StoreError};

/// One line of the scenario list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioSummary {
    /// Row id.
    pub id: i64,
    /// Display name (not unique: two scenarios may share a name).
    pub name: String,
    /// Last change to the name or the document.
    pub updated_at: DateTime<Utc>,
}

/// A stored scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    /// Row id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// The scenario file JSON, exactly as saved.
    pub document: String,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// Last change to the name or the document.
    pub updated_at: DateTime<Utc>,
}

const SCENARIO_COLUMNS: &str = "id, name, document, created_at, updated_at";

fn scenario_from_row(row: &Row<'_>) -> rusqlite::Result<Scenario> {
    Ok(Scenario {
        id: row.get("id")?,
        name: row.get("name")?,
        document: row.get("document")?,
        created_at: column::timestamp(row, "created_at")?,
        updated_at: column::timestamp(row, "updated_at")?,
    })
}

fn not_found(id: i64) -> StoreError {
    StoreError::NotFound {
        what: "scenario",
        id,
    }
}

impl Store {
    /// All scenarios, most recently changed first (ties by id, newest first).
    pub fn list_scenarios(&self) -> Result<Vec<ScenarioSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, updated_at FROM scenarios ORDER BY updated_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(ScenarioSummary {
                id: row.get("id")?,
                name: row.get("name")?,
                updated_at: column::timestamp(row, "updated_at")?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One scenario with its document. `NotFound` if there is no such id.
    pub fn get_scenario(&self, id: i64) -> Result<Scenario, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {SCENARIO_COLUMNS} FROM scenarios WHERE id = ?1"),
                [id],
                scenario_from_row,
            )
            .optional()?
            .ok_or_else(|| not_found(id))
    }

    /// Saves a new scenario. `Invalid` for an empty name or a document that is not JSON.
    pub fn create_scenario(
        &mut self,
        name: &str,
        document: &str,
        now: DateTime<Utc>,
    ) -> Result<Scenario, StoreError> {
        require_text("name", name)?;
        require_json("document", document)?;
        let stamp = timestamp_text(now);
        self.conn.execute(
            "INSERT INTO scenarios (name, document, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?3)",
            params![name, document, stamp],
        )?;
        self.get_scenario(self.conn.last_insert_rowid())
    }

    /// Saves `scenarios` (name, document) and sets the setting `marker` to `"1"`, all in one
    /// write transaction, unless the marker is already set or there already are scenarios.
    /// Returns how many it saved (0 when it did nothing).
    ///
    /// For a first-run seed such as the examples: the write lock is taken before the check,
    /// so two processes starting on one new database at the same moment cannot both seed it,
    /// and a crash leaves either everything with the marker or nothing.
    pub fn create_scenarios_once(
        &mut self,
        marker: &str,
        scenarios: &[(String, String)],
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        require_text("key", marker)?;
        for (name, document) in scenarios {
            require_text("name", name)?;
            require_json("document", document)?;
        }
        let stamp = timestamp_text(now);
        // IMMEDIATE (see `configure` in open.rs): the check below runs under the write lock.
        let tx = self.conn.transaction()?;
        let seeded: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM settings WHERE key = ?1)
                 OR EXISTS (SELECT 1 FROM scenarios)",
            [marker],
            |row| row.get(0),
        )?;
        if seeded {
            return Ok(0);
        }
        {
            let mut insert = tx.prepare(
                "INSERT INTO scenarios (name, document, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?3)",
            )?;
            for (name, document) in scenarios {
                insert.execute(params![name, document, stamp])?;
            }
        }
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, '1')
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [marker],
        )?;
        tx.commit()?;
        Ok(scenarios.len())
    }

    /// Replaces a scenario's name and document (the editor's "save").
    pub fn update_scenario(
        &mut self,
        id: i64,
        name: &str,
        document: &str,
        now: DateTime<Utc>,
    ) -> Result<Scenario, StoreError> {
        require_text("name", name)?;
        require_json("document", document)?;
        let changed = self.conn.execute(
            "UPDATE scenarios SET name = ?2, document = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, name, document, timestamp_text(now)],
        )?;
        if changed == 0 {
            return Err(not_found(id));
        }
        self.get_scenario(id)
    }

    /// Replaces only the document, keeping the name.
    pub fn update_scenario_document(
        &mut self,
        id: i64,
        document: &str,
        now: DateTime<Utc>,
    ) -> Result<Scenario, StoreError> {
        require_json("document", document)?;
        let changed = self.conn.execute(
            "UPDATE scenarios SET document = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, document, timestamp_text(now)],
        )?;
        if changed == 0 {
            return Err(not_found(id));
        }
        self.get_scenario(id)
    }

    /// Changes only the name.
    pub fn rename_scenario(
        &mut self,
        id: i64,
        name: &str,
        now: DateTime<Utc>,
    ) -> Result<Scenario, StoreError> {
        require_text("name", name)?;
        let changed = self.conn.execute(
            "UPDATE scenarios SET name = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, name, timestamp_text(now)],
        )?;
        if changed == 0 {
            return Err(not_found(id));
        }
        self.get_scenario(id)
    }

    /// Copies a scenario's document under a new name (the caller picks it, e.g. "Copy of
    /// …", so wording stays in the UI's language). Actuals and saved quotes stay with the
    /// original: they record what happened to that plan, not to the copy.
    pub fn duplicate_scenario(
        &mut self,
        id: i64,
        new_name: &str,
        now: DateTime<Utc>,
    ) -> Result<Scenario, StoreError> {
        require_text("name", new_name)?;
        let stamp = timestamp_text(now);
        let changed = self.conn.execute(
            "INSERT INTO scenarios (name, document, created_at, updated_at)
             SELECT ?2, document, ?3, ?3 FROM scenarios WHERE id = ?1",
            params![id, new_name, stamp],
        )?;
        if changed == 0 {
            return Err(not_found(id));
        }
        self.get_scenario(self.conn.last_insert_rowid())
    }

    /// Deletes a scenario; its actuals and saved quotes go with it (ON DELETE CASCADE).
    pub fn delete_scenario(&mut self, id: i64) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute("DELETE FROM scenarios WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(not_found(id));
        }
        Ok(())
    }

    /// How many scenarios exist.
    pub fn scenario_count(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM scenarios", [], |row| row.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// True when the user has stored nothing at all — no scenarios, prices, rates, settings
    /// or drafts — which is how the app recognises a first launch and preloads the examples.
    /// Deleting every scenario does not make a store "empty" again as long as anything else
    /// was saved; if the app wants "never preload twice" regardless, it should also record a
    /// setting once the examples are loaded.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        let any: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM scenarios)
                 OR EXISTS (SELECT 1 FROM user_prices)
                 OR EXISTS (SELECT 1 FROM exchange_rates)
                 OR EXISTS (SELECT 1 FROM settings)
                 OR EXISTS (SELECT 1 FROM drafts)",
            [],
            |row| row.get(0),
        )?;
        Ok(!any)
    }
}
