//! Two handles on one file, as when the app's command pool and a second window (or the
//! command-line tool) use the database at the same time: WAL lets readers run during a
//! write, and the busy timeout makes a second writer wait instead of failing.

mod common;

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use common::{at, DOC};
use store::Store;

#[test]
fn one_handle_writes_while_another_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    let mut writer = Store::open_at(&path, at(1, 0)).unwrap();
    let reader = Store::open_at(&path, at(1, 0)).unwrap();
    const N: usize = 150;

    let handle = thread::spawn(move || {
        for i in 0..N {
            writer
                .create_scenario(&format!("Scenario {i}"), DOC, at(1, 1))
                .unwrap();
        }
    });

    let mut seen = Vec::new();
    while !handle.is_finished() {
        // Every read succeeds and sees a consistent, growing prefix of the writes.
        let count = reader.scenario_count().unwrap() as usize;
        let listed = reader.list_scenarios().unwrap().len();
        assert!(listed >= count, "a later snapshot cannot have fewer rows");
        seen.push(count);
    }
    handle.join().unwrap();
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]),
        "counts never go backwards"
    );
    assert_eq!(reader.scenario_count().unwrap() as usize, N);
    let names: Vec<String> = reader
        .list_scenarios()
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert!(
        names.contains(&"Scenario 0".to_owned()) && names.contains(&format!("Scenario {}", N - 1))
    );
}

#[test]
fn a_writer_waits_for_another_writers_lock_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    let mut store = Store::open_at(&path, at(1, 0)).unwrap();

    // Another connection takes the write lock and holds it for a while.
    let (locked_tx, locked_rx) = mpsc::channel();
    let lock_path = path.clone();
    let holder = thread::spawn(move || {
        let conn = rusqlite::Connection::open(&lock_path).unwrap();
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('held', 'yes')",
            [],
        )
        .unwrap();
        locked_tx.send(()).unwrap();
        // Longer than the lock check at open (below), so the write still has to wait.
        thread::sleep(Duration::from_millis(1_200));
        conn.execute_batch("COMMIT").unwrap();
    });
    locked_rx.recv().unwrap();

    // Reads are not blocked by the writer (WAL) and do not see its uncommitted row.
    assert_eq!(store.get_setting("held").unwrap(), None);
    // Opening another handle (inspection, quick_check, migration check) is not blocked either;
    // it reports the lock instead of letting every save wait and fail.
    let second = Store::open_at(&path, at(1, 0)).unwrap();
    assert_eq!(second.migration_backup(), None);
    assert_eq!(second.access(), &store::Access::Locked);
    assert_eq!(second.get_setting("held").unwrap(), None);

    let started = Instant::now();
    store
        .create_scenario("After the lock", DOC, at(1, 0))
        .unwrap();
    let waited = started.elapsed();
    holder.join().unwrap();

    assert!(
        waited >= Duration::from_millis(200),
        "the write should have waited, took {waited:?}"
    );
    assert!(
        waited < store::BUSY_TIMEOUT,
        "and then succeeded within the busy timeout"
    );
    assert_eq!(store.scenario_count().unwrap(), 1);
    assert_eq!(store.get_setting("held").unwrap().as_deref(), Some("yes"));
}
