//! Files Plancast must refuse — a newer schema, damaged or foreign files — are refused with
//! the right error and left byte-for-byte unchanged (no WAL switch, no migration, no backup).

mod common;

use std::path::Path;

use common::{at, bytes, files_starting_with, sidecars, DOC};
use rusqlite::Connection;
use store::schema::SCHEMA_VERSION;
use store::{Store, StoreError};

/// Opens `path`, expecting a refusal, and checks nothing on disk changed.
fn refuse(path: &Path) -> StoreError {
    let dir = path.parent().unwrap();
    let before = bytes(path);
    let sidecars_before = sidecars(path);
    let listing_before = files_starting_with(dir, "");

    let err = Store::open_at(path, at(9, 9)).expect_err("the file must be refused");

    assert!(bytes(path) == before, "refused file was modified");
    assert_eq!(
        sidecars(path),
        sidecars_before,
        "refusal created SQLite side files"
    );
    assert_eq!(
        files_starting_with(dir, ""),
        listing_before,
        "refusal wrote files"
    );
    err
}

fn healthy_database(path: &Path) {
    let mut store = Store::open_at(path, at(1, 0)).unwrap();
    let s = store.create_scenario("Plan", DOC, at(1, 0)).unwrap();
    for i in 0..200 {
        store
            .set_setting(&format!("key-{i}"), &"x".repeat(200))
            .unwrap();
    }
    store
        .upsert_actual(
            s.id,
            pricing::Product::Tcss,
            "2026-01".parse().unwrap(),
            rust_decimal_macros::dec!(10),
            pricing::Currency::Usd,
        )
        .unwrap();
    // Dropping the last connection checkpoints the WAL into the main file and deletes it.
}

#[test]
fn a_newer_schema_is_refused_without_touching_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    {
        // As a future Plancast would leave it: WAL mode, our tables, a higher user_version.
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.execute_batch(&format!(
            "CREATE TABLE scenarios (id INTEGER PRIMARY KEY); PRAGMA user_version = {};",
            SCHEMA_VERSION + 1
        ))
        .unwrap();
    }
    assert!(sidecars(&path).is_empty());
    match refuse(&path) {
        StoreError::NewerSchema { found, supported } => {
            assert_eq!(found, SCHEMA_VERSION + 1);
            assert_eq!(supported, SCHEMA_VERSION);
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
}

#[test]
fn a_newer_schema_in_rollback_journal_mode_is_refused_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE t (x); PRAGMA user_version = 40;")
            .unwrap();
    }
    assert!(matches!(
        refuse(&path),
        StoreError::NewerSchema { found: 40, .. }
    ));
}

#[test]
fn random_bytes_are_refused_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    // Deterministic pseudo-random bytes (xorshift), 8 KiB.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: Vec<u8> = (0..8192)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(&path, &noise).unwrap();
    let err = refuse(&path);
    assert!(
        matches!(&err, StoreError::Damaged { reason } if reason.contains("not a SQLite database")),
        "{err:?}"
    );
}

#[test]
fn a_file_shorter_than_a_header_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    std::fs::write(&path, b"SQLite format 3\0 and then nothing").unwrap();
    assert!(matches!(refuse(&path), StoreError::Damaged { .. }));
}

#[test]
fn a_truncated_real_database_is_refused_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    healthy_database(&path);
    assert!(
        sidecars(&path).is_empty(),
        "the WAL should be checkpointed on close"
    );
    let full = bytes(&path);
    assert!(
        full.len() > 8 * 4096,
        "fixture too small to truncate meaningfully"
    );
    std::fs::write(&path, &full[..full.len() / 2]).unwrap();

    let err = refuse(&path);
    assert!(
        matches!(&err, StoreError::Damaged { reason } if reason.contains("truncated")),
        "{err:?}"
    );
}

#[test]
fn a_database_with_a_corrupt_page_fails_quick_check_and_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    healthy_database(&path);
    let mut data = bytes(&path);
    // Scribble over the middle of the file (table b-tree pages), keeping size and header.
    let page = 4096;
    let start = (data.len() / page / 2) * page;
    for b in &mut data[start..start + page] {
        *b = 0xA5;
    }
    std::fs::write(&path, &data).unwrap();

    assert!(matches!(refuse(&path), StoreError::Damaged { .. }));
}

#[test]
fn a_version_that_lacks_its_tables_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE scenarios (id INTEGER PRIMARY KEY); PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let err = refuse(&path);
    assert!(
        matches!(&err, StoreError::Damaged { reason } if reason.contains("user_prices")),
        "{err:?}"
    );
}

#[test]
fn another_programs_database_is_not_adopted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann');",
        )
        .unwrap();
    }
    let err = refuse(&path);
    assert!(
        matches!(&err, StoreError::Damaged { reason } if reason.contains("contacts")),
        "{err:?}"
    );
}

#[test]
fn a_directory_in_place_of_the_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    std::fs::create_dir(&path).unwrap();
    assert!(matches!(
        Store::open_at(&path, at(1, 0)),
        Err(StoreError::Damaged { .. })
    ));
}
