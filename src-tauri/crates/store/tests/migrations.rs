//! Migrations: valid, frozen once released, and upgrading a previous-version file keeps
//! its data and leaves a backup.

mod common;

use common::{at, files_starting_with, DOC};
use pricing::{Currency, Product};
use rusqlite::Connection;
use store::schema::{migration_sql, migrations, SCHEMA_VERSION};
use store::Store;

#[test]
fn migrations_validate() {
    assert_eq!(migrations().validate(), Ok(()));
}

/// FNV-1a, written out so the fingerprints do not depend on std's unspecified hasher.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A migration that has shipped must never change: users' databases already ran it.
/// Add a new migration instead. (When you add one, append its fingerprint here.)
#[test]
fn released_migrations_are_unchanged() {
    let released: [u64; 4] = [
        FINGERPRINT_V1,
        FINGERPRINT_V2,
        FINGERPRINT_V3,
        FINGERPRINT_V4,
    ];
    let actual: Vec<u64> = migration_sql().iter().map(|sql| fnv1a(sql)).collect();
    assert_eq!(actual.len(), SCHEMA_VERSION as usize);
    assert_eq!(
        &actual[..released.len()],
        &released[..],
        "a released migration was edited; add a new migration instead"
    );
}
const FINGERPRINT_V1: u64 = 3_774_353_169_182_129_983;
const FINGERPRINT_V2: u64 = 8_362_580_713_282_568_207;
const FINGERPRINT_V3: u64 = 11_077_023_292_060_120_899;
const FINGERPRINT_V4: u64 = 10_516_181_840_091_826_812;

#[test]
fn a_new_file_gets_the_latest_schema_wal_and_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join(store::DB_FILE_NAME);
    let store = Store::open_at(&path, at(1, 0)).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(
        store.migration_backup(),
        None,
        "nothing to back up in a new file"
    );
    drop(store);

    // Journal mode is persistent in the file; check it from a separate connection.
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert!(files_starting_with(
        dir.path().join("nested").as_path(),
        "plancast.sqlite3.backup"
    )
    .is_empty());
}

#[test]
fn default_db_path_is_inside_the_data_dir() {
    let p = store::default_db_path(std::path::Path::new("/data/app"));
    assert_eq!(p, std::path::Path::new("/data/app/plancast.sqlite3"));
}

/// Builds a database exactly as the previous release left it: only migration 1, with rows
/// written through plain SQL (the current Store API cannot write an old schema).
fn make_v1_database(path: &std::path::Path) {
    let mut conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    migrations().to_version(&mut conn, 1).unwrap();
    conn.execute_batch(&format!(
        "INSERT INTO scenarios (id, name, document, created_at, updated_at)
             VALUES (7, 'Old plan', '{DOC}', '2025-12-01T10:00:00.000000000Z',
                     '2025-12-02T10:00:00.000000000Z');
         INSERT INTO actuals (scenario_id, product, month, amount, currency)
             VALUES (7, 'tcr', '2025-11', '1234.56', 'CNY');
         INSERT INTO saved_quotes (scenario_id, created_at, scenario_document, quote,
                 price_entries, currency, total, complete)
             VALUES (7, '2025-12-02T11:00:00.000000000Z', '{DOC}', '{{\"lines\":[]}}', '[]',
                     'USD', '99.90', 1);
         INSERT INTO settings (key, value) VALUES ('language', 'zh-CN');
         INSERT INTO exchange_rates (from_currency, to_currency, rate, date)
             VALUES ('USD', 'CNY', '7.1234', '2025-12-01');"
    ))
    .unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
}

#[test]
fn opening_a_v1_database_migrates_it_keeps_the_data_and_backs_it_up() {
    let root = tempfile::tempdir().unwrap();
    // Characters that mean something in a SQLite URI, in case the data dir has them.
    let dir = root.path().join("my data #1 ?x=%20");
    std::fs::create_dir(&dir).unwrap();
    let path = dir.join(store::DB_FILE_NAME);
    make_v1_database(&path);

    let store = Store::open_at(&path, at(5, 14)).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);

    // The data survived.
    let scenario = store.get_scenario(7).unwrap();
    assert_eq!(scenario.name, "Old plan");
    assert_eq!(scenario.document, DOC);
    let actuals = store.list_actuals(7).unwrap();
    assert_eq!(actuals.len(), 1);
    assert_eq!(actuals[0].product, Product::Tcr);
    assert_eq!(actuals[0].month.to_string(), "2025-11");
    assert_eq!(actuals[0].amount.to_string(), "1234.56");
    let quotes = store.list_saved_quotes(7).unwrap();
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].total.to_string(), "99.90");
    assert_eq!(quotes[0].currency, Currency::Usd);
    assert!(quotes[0].complete);
    assert_eq!(
        store.get_setting("language").unwrap().as_deref(),
        Some("zh-CN")
    );
    assert_eq!(
        store.list_exchange_rates().unwrap()[0].rate.to_string(),
        "7.1234"
    );

    // Migration 2's indexes exist.
    let conn = Connection::open(&path).unwrap();
    let indexes: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        indexes,
        [
            "actuals_by_scenario_month",
            "saved_quotes_by_scenario_created"
        ]
    );

    // A backup of the v1 file sits next to it, named by old version and the given time,
    // and it still is the v1 database with the data.
    let expected = dir.join("plancast.sqlite3.backup-v1-20260305T140405Z");
    assert_eq!(store.migration_backup(), Some(expected.as_path()));
    // Written through a temporary file that is renamed into place: none is left behind.
    assert!(files_starting_with(&dir, ".plancast-backup-").is_empty());
    assert_eq!(
        files_starting_with(&dir, "plancast.sqlite3.backup"),
        vec![expected.clone()]
    );
    let backup = Connection::open(&expected).unwrap();
    let version: i64 = backup
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
    let name: String = backup
        .query_row("SELECT name FROM scenarios WHERE id = 7", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "Old plan");
}

#[test]
fn reopening_a_current_database_makes_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    {
        let mut store = Store::open_at(&path, at(1, 0)).unwrap();
        store.create_scenario("Kept", DOC, at(1, 0)).unwrap();
    }
    let store = Store::open_at(&path, at(2, 0)).unwrap();
    assert_eq!(store.migration_backup(), None);
    assert_eq!(store.scenario_count().unwrap(), 1);
    assert!(files_starting_with(dir.path(), "plancast.sqlite3.backup").is_empty());
}

#[test]
fn an_existing_backup_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    make_v1_database(&path);
    let taken = dir
        .path()
        .join("plancast.sqlite3.backup-v1-20260305T140405Z");
    std::fs::write(&taken, b"an earlier backup").unwrap();

    let store = Store::open_at(&path, at(5, 14)).unwrap();
    let made = store.migration_backup().unwrap().to_path_buf();
    assert_eq!(
        made,
        dir.path()
            .join("plancast.sqlite3.backup-v1-20260305T140405Z-2")
    );
    assert_eq!(std::fs::read(&taken).unwrap(), b"an earlier backup");
}

#[test]
fn an_empty_file_is_initialised_like_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    std::fs::write(&path, b"").unwrap();
    let store = Store::open_at(&path, at(1, 0)).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.migration_backup(), None);
}

/// After a crash the newest commits may exist only in the `-wal` file; opening must see them
/// (and must not call the file truncated just because the main file lags behind).
#[test]
fn a_database_left_with_an_uncheckpointed_wal_opens_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.sqlite3");
    let crashed_dir = dir.path().join("crashed");
    std::fs::create_dir(&crashed_dir).unwrap();
    let crashed = crashed_dir.join(store::DB_FILE_NAME);

    make_v1_database(&live);
    let conn = Connection::open(&live).unwrap();
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    conn.execute_batch(
        "INSERT INTO scenarios (id, name, document, created_at, updated_at)
         VALUES (8, 'Only in the WAL', '{}', '2026-01-01T00:00:00.000000000Z',
                 '2026-01-01T00:00:00.000000000Z');",
    )
    .unwrap();
    // Copy the files while the connection is still open: what a crash leaves behind.
    std::fs::copy(&live, &crashed).unwrap();
    let mut wal = crashed.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::copy(dir.path().join("live.sqlite3-wal"), &wal).unwrap();
    drop(conn);

    let store = Store::open_at(&crashed, at(5, 14)).unwrap();
    assert_eq!(store.get_scenario(8).unwrap().name, "Only in the WAL");
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let backup = Connection::open(store.migration_backup().unwrap()).unwrap();
    let n: i64 = backup
        .query_row("SELECT COUNT(*) FROM scenarios", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2, "the backup includes what was only in the WAL");
}

/// Version 3 adds the price-book updates table: a version-2 file (the previous release) is
/// backed up, keeps its data, and can then store updates in load order.
#[test]
fn a_version_2_file_is_upgraded_and_stores_price_book_updates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    {
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 2).unwrap();
        conn.execute_batch(
            "INSERT INTO scenarios (id, name, document, created_at, updated_at)
             VALUES (3, 'Kept', '{}', '2026-01-01T00:00:00.000000000Z',
                     '2026-01-01T00:00:00.000000000Z');",
        )
        .unwrap();
    }
    let mut store = Store::open_at(&path, at(6, 9)).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(store.migration_backup().is_some());
    assert_eq!(store.get_scenario(3).unwrap().name, "Kept");
    assert!(store.list_price_book_updates().unwrap().is_empty());
    store
        .add_price_book_update("first.json", r#"{"entries": []}"#, at(6, 10))
        .unwrap();
    store
        .add_price_book_update("second.json", r#"{"entries": [1]}"#, at(6, 11))
        .unwrap();
    let names: Vec<String> = store
        .list_price_book_updates()
        .unwrap()
        .into_iter()
        .map(|u| u.name)
        .collect();
    assert_eq!(names, ["first.json", "second.json"]);
    assert!(store
        .add_price_book_update("bad.json", "not json", at(6, 12))
        .is_err());
    assert_eq!(store.list_price_book_updates().unwrap().len(), 2);
    // An update can be removed; the others stay, in order.
    let first = store.list_price_book_updates().unwrap()[0].id;
    store.delete_price_book_update(first).unwrap();
    let left: Vec<String> = store
        .list_price_book_updates()
        .unwrap()
        .into_iter()
        .map(|u| u.name)
        .collect();
    assert_eq!(left, ["second.json"]);
    assert!(matches!(
        store.delete_price_book_update(first),
        Err(store::StoreError::NotFound { .. })
    ));
}

/// Version 3 to 4 (bills): a file of the previous release keeps its typed actuals, which
/// read as typed (no bill), and can then take imported ones.
#[test]
fn a_version_3_file_is_upgraded_and_its_actuals_read_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    {
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 3).unwrap();
        conn.execute_batch(&format!(
            "INSERT INTO scenarios (id, name, document, created_at, updated_at)
             VALUES (3, 'Kept', '{DOC}', '2026-01-01T00:00:00.000000000Z',
                     '2026-01-01T00:00:00.000000000Z');
             INSERT INTO actuals (scenario_id, product, month, amount, currency)
                 VALUES (3, 'tcss', '2026-11', '99.5', 'USD');"
        ))
        .unwrap();
    }
    let mut store = Store::open_at(&path, at(6, 9)).unwrap();
    assert_eq!(store.schema_version().unwrap(), 4);
    assert!(store.migration_backup().is_some());
    let actuals = store.list_actuals(3).unwrap();
    assert_eq!(actuals.len(), 1);
    assert_eq!(
        (actuals[0].amount.to_string(), actuals[0].bill.clone()),
        ("99.5".into(), None)
    );
    let figure = store::BillFigure {
        product: Product::Tcss,
        month: "2026-12".parse().unwrap(),
        amount: "-1".parse().unwrap(),
        currency: Currency::Usd,
    };
    store
        .import_actuals(3, &[figure], "bill.csv", at(6, 10))
        .unwrap();
    assert_eq!(store.list_actuals(3).unwrap().len(), 2);
}
