//! The schema, as an ordered list of embedded migrations.
//!
//! Rules for this file (practice 9):
//! - A migration that has shipped is never edited; change the schema by appending one.
//!   `tests/migrations.rs` pins a fingerprint of every released migration so an edit fails CI.
//! - Each `to_latest` run applies all pending migrations and the new `user_version` in one
//!   transaction (rusqlite_migration does this), so a failure leaves the old schema intact.
//! - Money and rates are TEXT holding the exact decimal string; dates are TEXT `YYYY-MM-DD`;
//!   months are TEXT `YYYY-MM`; timestamps are TEXT RFC 3339 in UTC with nanoseconds, which
//!   sorts correctly as text and round-trips `DateTime<Utc>` losslessly.
//! - Tables are `STRICT` so SQLite itself refuses a REAL or BLOB in a TEXT column. Product and
//!   currency are *not* constrained with CHECK: changing a CHECK in SQLite means rebuilding
//!   the table, and the Rust types already validate on the way in and on the way out.

use rusqlite_migration::{Migrations, M};

/// Version 1: every table of the first release.
const V1_INITIAL: &str = "
CREATE TABLE scenarios (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    document    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE user_prices (
    id              INTEGER PRIMARY KEY,
    product         TEXT NOT NULL,
    site            TEXT NOT NULL,
    item            TEXT NOT NULL,
    plan            TEXT,
    region          TEXT,
    unit            TEXT NOT NULL,
    amount          TEXT NOT NULL,
    currency        TEXT NOT NULL,
    effective_from  TEXT,
    effective_to    TEXT,
    note            TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE exchange_rates (
    id             INTEGER PRIMARY KEY,
    from_currency  TEXT NOT NULL,
    to_currency    TEXT NOT NULL,
    rate           TEXT NOT NULL,
    date           TEXT NOT NULL,
    UNIQUE (from_currency, to_currency, date)
) STRICT;

CREATE TABLE actuals (
    id           INTEGER PRIMARY KEY,
    scenario_id  INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    product      TEXT NOT NULL,
    month        TEXT NOT NULL,
    amount       TEXT NOT NULL,
    currency     TEXT NOT NULL,
    UNIQUE (scenario_id, product, month)
) STRICT;

CREATE TABLE saved_quotes (
    id                 INTEGER PRIMARY KEY,
    scenario_id        INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    created_at         TEXT NOT NULL,
    scenario_document  TEXT NOT NULL,
    quote              TEXT NOT NULL,
    price_entries      TEXT NOT NULL,
    currency           TEXT NOT NULL,
    total              TEXT NOT NULL,
    complete           INTEGER NOT NULL
) STRICT;

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;

CREATE TABLE drafts (
    key         TEXT PRIMARY KEY,
    document    TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
";

/// Version 2: indexes for the two per-scenario lists (actuals by month, quotes newest
/// first). Small on purpose: it exists so upgrading from the previous schema is exercised
/// by a real test, not just the happy path of a fresh file.
const V2_INDEXES: &str = "
CREATE INDEX actuals_by_scenario_month ON actuals (scenario_id, month);
CREATE INDEX saved_quotes_by_scenario_created ON saved_quotes (scenario_id, created_at);
";

/// Version 3: price-book updates the user loaded (a file in the built-in book's format, with
/// its sources). Each is kept whole, as checked when loaded, in load order: the pricing crate
/// applies them on top of the built-in book, a later one superseding an earlier one.
const V3_PRICE_BOOK_UPDATES: &str = "
CREATE TABLE price_book_updates (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    document     TEXT NOT NULL,
    imported_at  TEXT NOT NULL
) STRICT;
";

/// Version 4: actual spend imported from bills. Each actual says where it came from (`typed`
/// by hand, or `bill` with the bill's name and when it was imported); a bill's figure may be
/// below zero (a month of credits and refunds). The column mapping a user chose for a CSV
/// Plancast does not recognise is remembered by the shape of its header.
const V4_BILLS: &str = "
ALTER TABLE actuals ADD COLUMN source TEXT NOT NULL DEFAULT 'typed';
ALTER TABLE actuals ADD COLUMN bill TEXT;
ALTER TABLE actuals ADD COLUMN imported_at TEXT;

CREATE TABLE bill_mappings (
    header_shape  TEXT PRIMARY KEY,
    mapping       TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
";

const MIGRATION_SLICE: &[M<'static>] = &[
    M::up(V1_INITIAL),
    M::up(V2_INDEXES),
    M::up(V3_PRICE_BOOK_UPDATES),
    M::up(V4_BILLS),
];

/// The newest schema version this build knows (the number of migrations).
pub const SCHEMA_VERSION: u32 = 4;

/// The embedded migrations, oldest first. Public for tests and tooling (for example to
/// build a database at an older version with `to_version`); the app only needs
/// [`crate::Store::open`].
pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATION_SLICE)
}

/// The SQL of each migration, oldest first, so a test can fingerprint released ones.
pub fn migration_sql() -> [&'static str; SCHEMA_VERSION as usize] {
    [V1_INITIAL, V2_INDEXES, V3_PRICE_BOOK_UPDATES, V4_BILLS]
}

/// Tables and indexes a database at `version` must contain, as `(type, name)` pairs of
/// `sqlite_master`. Used to refuse a file whose `user_version` claims a schema it does not
/// have (hand-edited, or a different program's file).
pub(crate) fn expected_objects(version: u32) -> Vec<(&'static str, &'static str)> {
    let mut objects = Vec::new();
    if version >= 1 {
        objects.extend(
            [
                "scenarios",
                "user_prices",
                "exchange_rates",
                "actuals",
                "saved_quotes",
                "settings",
                "drafts",
            ]
            .map(|name| ("table", name)),
        );
    }
    if version >= 2 {
        objects.push(("index", "actuals_by_scenario_month"));
        objects.push(("index", "saved_quotes_by_scenario_created"));
    }
    if version >= 3 {
        objects.push(("table", "price_book_updates"));
    }
    if version >= 4 {
        objects.push(("table", "bill_mappings"));
    }
    objects
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_validate() {
        assert_eq!(migrations().validate(), Ok(()));
    }

    #[test]
    fn schema_version_matches_the_number_of_migrations() {
        assert_eq!(MIGRATION_SLICE.len(), SCHEMA_VERSION as usize);
    }
}
