//! Odd database states met in the field (issue #9, part 5 and 6): an upgrade that keeps
//! failing, a backup interrupted by a kill, a read-only file or folder, a database another
//! program has locked, and two processes starting on one new database.

mod common;

use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use common::{at, bytes, files_starting_with, DOC};
use rusqlite::Connection;
use store::schema::{migrations, SCHEMA_VERSION};
use store::{Access, Store, StoreError};

const BACKUP_PREFIX: &str = "plancast.sqlite3.backup-v1-";

/// A database as the previous release left it (schema version 1), with one scenario.
fn make_v1_database(path: &Path) {
    let mut conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    migrations().to_version(&mut conn, 1).unwrap();
    conn.execute(
        "INSERT INTO scenarios (id, name, document, created_at, updated_at)
         VALUES (7, 'Old plan', ?1, '2025-12-01T10:00:00.000000000Z',
                 '2025-12-02T10:00:00.000000000Z')",
        [DOC],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO settings (key, value) VALUES ('language', 'zh-CN')",
        [],
    )
    .unwrap();
}

/// A version-1 database that migration 2 cannot upgrade: an index already has the name
/// migration 2 wants to create.
fn make_unupgradable_database(path: &Path) {
    make_v1_database(path);
    let conn = Connection::open(path).unwrap();
    conn.execute_batch("CREATE INDEX actuals_by_scenario_month ON scenarios (name);")
        .unwrap();
}

fn backups(dir: &Path) -> Vec<PathBuf> {
    files_starting_with(dir, BACKUP_PREFIX)
}

fn scenario_names(path: &Path) -> Vec<String> {
    let conn =
        Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let names = conn
        .prepare("SELECT name FROM scenarios ORDER BY id")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    names
}

#[test]
fn a_database_that_cannot_be_upgraded_is_backed_up_once_not_at_every_launch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    make_unupgradable_database(&path);

    for launch in 0..5 {
        let error = Store::open_at(&path, at(5, 10 + launch)).expect_err("cannot be upgraded");
        assert!(error.to_string().contains("already exists"), "{error}");
    }
    let made = backups(dir.path());
    assert_eq!(made.len(), 1, "one backup for five launches: {made:?}");
    assert_eq!(scenario_names(&made[0]), ["Old plan"]);

    // Once the data changes (an older Plancast saved something), the next launch backs up
    // the new content too.
    let conn = Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE scenarios SET name = 'Renamed by the old version' WHERE id = 7",
        [],
    )
    .unwrap();
    drop(conn);
    Store::open_at(&path, at(6, 10)).expect_err("still cannot be upgraded");
    Store::open_at(&path, at(6, 11)).expect_err("still cannot be upgraded");
    let made = backups(dir.path());
    assert_eq!(made.len(), 2, "{made:?}");
    assert_eq!(scenario_names(&made[1]), ["Renamed by the old version"]);
}

/// What a kill during the backup can leave: the temporary file (empty or half written) with
/// a journal, and — from versions that wrote the backup in place — an empty or truncated file
/// under a backup's name, with or without a journal.
#[test]
fn leftovers_of_an_interrupted_backup_are_removed_and_never_taken_for_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    make_v1_database(&path);

    // A complete copy with the same content, to make partial ones from.
    let copy = dir.path().join("copy.sqlite3");
    Connection::open(&path)
        .unwrap()
        .execute("VACUUM INTO ?1", [copy.to_str().unwrap()])
        .unwrap();
    let whole = bytes(&copy);
    std::fs::remove_file(&copy).unwrap();
    let write = |name: &str, content: &[u8]| std::fs::write(dir.path().join(name), content);
    write(".plancast-backup-Ab12Cd.tmp", &whole[..whole.len() / 2]).unwrap();
    write(".plancast-backup-Ab12Cd.tmp-journal", b"partial journal").unwrap();
    write(".plancast-backup-Ef34Gh.tmp", b"").unwrap();
    write("plancast.sqlite3.backup-v1-20260101T000000Z", b"").unwrap();
    write(
        "plancast.sqlite3.backup-v1-20260102T000000Z",
        &whole[..whole.len() - 4096],
    )
    .unwrap();
    // Whole, but with a hot journal beside it: a write to it was interrupted.
    write("plancast.sqlite3.backup-v1-20260103T000000Z", &whole).unwrap();
    write(
        "plancast.sqlite3.backup-v1-20260103T000000Z-journal",
        b"hot journal",
    )
    .unwrap();

    let store = Store::open_at(&path, at(5, 14)).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let expected = dir
        .path()
        .join("plancast.sqlite3.backup-v1-20260305T140405Z");
    assert_eq!(
        store.migration_backup(),
        Some(expected.as_path()),
        "a new backup, not one of the unusable files"
    );
    assert_eq!(scenario_names(&expected), ["Old plan"]);
    assert!(
        files_starting_with(dir.path(), ".plancast-backup-").is_empty(),
        "temporary files of the interrupted backup are removed"
    );
}

#[test]
fn a_finished_backup_with_the_same_content_is_reused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    make_v1_database(&path);
    let earlier = dir
        .path()
        .join("plancast.sqlite3.backup-v1-20260101T000000Z");
    Connection::open(&path)
        .unwrap()
        .execute("VACUUM INTO ?1", [earlier.to_str().unwrap()])
        .unwrap();
    let store = Store::open_at(&path, at(5, 14)).unwrap();
    assert_eq!(store.migration_backup(), Some(earlier.as_path()));
    assert_eq!(backups(dir.path()), vec![earlier]);
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
fn current_database(path: &Path) {
    let mut store = Store::open_at(path, at(1, 0)).unwrap();
    store.create_scenario("Kept", DOC, at(1, 0)).unwrap();
}

#[cfg(unix)]
fn assert_read_only(store: &mut Store, what: &str) {
    match store.access() {
        Access::ReadOnly { reason } => assert!(
            reason.contains(what) && reason.contains("read-only"),
            "{reason}"
        ),
        other => panic!("expected read-only access, got {other:?}"),
    }
    assert!(!store.access().can_save());
    let error = store
        .create_scenario("Not saved", DOC, at(2, 0))
        .expect_err("a read-only database refuses writes");
    assert!(matches!(error, StoreError::ReadOnly { .. }), "{error:?}");
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_opened_read_only_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    current_database(&path);
    set_mode(&path, 0o444);
    let before = bytes(&path);

    let mut store = Store::open_at(&path, at(2, 0)).unwrap();
    assert_eq!(store.list_scenarios().unwrap()[0].name, "Kept");
    assert_read_only(&mut store, &path.display().to_string());
    drop(store);
    assert_eq!(bytes(&path), before, "the file was not written");
    set_mode(&path, 0o644);
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_opened_read_only_with_the_reason() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("data");
    std::fs::create_dir(&dir).unwrap();
    let path = dir.join(store::DB_FILE_NAME);
    current_database(&path);
    set_mode(&dir, 0o555);

    let mut store = Store::open_at(&path, at(2, 0)).unwrap();
    assert_eq!(store.scenario_count().unwrap(), 1);
    assert_read_only(&mut store, &dir.display().to_string());
    drop(store);
    assert_eq!(
        files_starting_with(&dir, ""),
        vec![path.clone()],
        "nothing was created in the folder"
    );

    // No database yet in a read-only folder: an empty one, read-only, and no file.
    let empty = root.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    set_mode(&empty, 0o555);
    let mut store = Store::open_at(&empty.join(store::DB_FILE_NAME), at(2, 0)).unwrap();
    assert_eq!(store.scenario_count().unwrap(), 0);
    assert_read_only(&mut store, &empty.display().to_string());
    assert!(files_starting_with(&empty, "").is_empty());

    set_mode(&dir, 0o755);
    set_mode(&empty, 0o755);
}

#[cfg(unix)]
#[test]
fn a_read_only_database_that_needs_upgrading_is_refused_without_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    make_v1_database(&path);
    set_mode(&path, 0o444);
    let error = Store::open_at(&path, at(2, 0)).expect_err("cannot be upgraded read-only");
    match &error {
        StoreError::ReadOnly { reason } => {
            assert!(reason.contains("schema version 1"), "{reason}")
        }
        other => panic!("expected ReadOnly, got {other:?}"),
    }
    assert!(backups(dir.path()).is_empty());
    set_mode(&path, 0o644);
}

/// Another program holds the write lock (a transaction left open) while Plancast opens.
#[test]
fn a_lock_held_by_another_program_is_reported_at_open_and_retry_succeeds_after_release() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    drop(Store::open_at(&path, at(1, 0)).unwrap());

    let (locked_tx, locked_rx) = mpsc::channel();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let lock_path = path.clone();
    let holder = thread::spawn(move || {
        let conn = Connection::open(&lock_path).unwrap();
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('other', 'program')",
            [],
        )
        .unwrap();
        locked_tx.send(()).unwrap();
        release_rx.recv().unwrap();
        conn.execute_batch("COMMIT").unwrap();
    });
    locked_rx.recv().unwrap();

    let started = Instant::now();
    let mut store = Store::open_at(&path, at(2, 0)).unwrap();
    let took = started.elapsed();
    assert_eq!(store.access(), &Access::Locked);
    assert!(
        took < store::BUSY_TIMEOUT / 2,
        "the lock is reported after a short check, took {took:?}"
    );
    // Reads still work.
    assert_eq!(store.scenario_count().unwrap(), 0);
    // Still held: a retry says so again.
    assert_eq!(store.check_lock().unwrap(), &Access::Locked);

    release_tx.send(()).unwrap();
    holder.join().unwrap();
    assert_eq!(store.check_lock().unwrap(), &Access::ReadWrite);
    store
        .create_scenario("Saved after retry", DOC, at(2, 0))
        .unwrap();
    assert_eq!(
        store.get_setting("other").unwrap().as_deref(),
        Some("program")
    );
}

/// A program that keeps even readers out (exclusive locking mode): opening fails at once with
/// `Locked`, and opening again after it lets go works.
#[test]
fn an_exclusive_lock_refuses_the_open_as_locked_until_released() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    drop(Store::open_at(&path, at(1, 0)).unwrap());

    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "PRAGMA locking_mode = EXCLUSIVE;
         BEGIN EXCLUSIVE;
         INSERT INTO settings (key, value) VALUES ('other', 'program');
         COMMIT;",
    )
    .unwrap();
    let started = Instant::now();
    let error = Store::open_at(&path, at(2, 0)).expect_err("locked out");
    assert!(matches!(error, StoreError::Locked), "{error:?}");
    assert!(started.elapsed() < Duration::from_secs(3));
    drop(conn);

    let store = Store::open_at(&path, at(2, 0)).unwrap();
    assert_eq!(store.access(), &Access::ReadWrite);
    assert_eq!(
        store.get_setting("other").unwrap().as_deref(),
        Some("program")
    );
}

/// Two launches on one new data folder at the same moment, each opening the database and
/// loading the first-run scenarios: they are loaded once, and both opens succeed.
#[test]
fn two_processes_seeding_one_new_database_seed_it_once() {
    let seed: Vec<(String, String)> = (1..=3)
        .map(|i| (format!("Example {i}"), DOC.to_owned()))
        .collect();
    for _ in 0..10 {
        let dir = tempfile::tempdir().unwrap();
        let path = Arc::new(dir.path().join("new").join(store::DB_FILE_NAME));
        let start = Arc::new(Barrier::new(2));
        let launches: Vec<_> = (0..2)
            .map(|_| {
                let (path, start, seed) = (Arc::clone(&path), Arc::clone(&start), seed.clone());
                thread::spawn(move || {
                    start.wait();
                    let mut store = Store::open_at(&path, at(1, 0)).unwrap();
                    store
                        .create_scenarios_once("examples_loaded", &seed, at(1, 0))
                        .unwrap()
                })
            })
            .collect();
        let added: Vec<usize> = launches.into_iter().map(|l| l.join().unwrap()).collect();
        assert_eq!(added.iter().sum::<usize>(), 3, "{added:?}");
        let store = Store::open_at(&path, at(1, 0)).unwrap();
        assert_eq!(store.scenario_count().unwrap(), 3);
    }
}

#[test]
fn seeding_is_skipped_when_marked_or_when_there_are_scenarios() {
    let mut store = Store::open_in_memory().unwrap();
    let seed = vec![("Example".to_owned(), DOC.to_owned())];
    assert_eq!(
        store
            .create_scenarios_once("seeded", &seed, at(1, 0))
            .unwrap(),
        1
    );
    assert_eq!(
        store
            .create_scenarios_once("seeded", &seed, at(1, 0))
            .unwrap(),
        0
    );
    // Deleting them all does not bring them back.
    let id = store.list_scenarios().unwrap()[0].id;
    store.delete_scenario(id).unwrap();
    assert_eq!(
        store
            .create_scenarios_once("seeded", &seed, at(1, 0))
            .unwrap(),
        0
    );

    let mut other = Store::open_in_memory().unwrap();
    other.create_scenario("Mine", DOC, at(1, 0)).unwrap();
    assert_eq!(
        other
            .create_scenarios_once("seeded", &seed, at(1, 0))
            .unwrap(),
        0
    );
    assert_eq!(other.get_setting("seeded").unwrap(), None);
}
