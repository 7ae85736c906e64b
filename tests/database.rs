//! The app's database at start-up in odd states: two launches on one new data folder, a
//! read-only database, another program's lock (issue #9, parts 5 and 6).

use std::sync::{mpsc, Arc, Barrier};
use std::thread;

use chrono::{DateTime, TimeZone, Utc};
use plancast::commands::database::{EXAMPLES, EXAMPLES_LOADED};
use plancast::commands::{scenarios, Database, DatabaseState, ErrorCode};
use store::Store;

const STARTUP: &str = include_str!("../examples/startup-intl.json");

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
        .single()
        .expect("valid time")
}

#[test]
fn two_launches_on_a_new_data_folder_load_the_examples_once() {
    for attempt in 0..10 {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = Arc::new(store::default_db_path(&dir.path().join("data")));
        let start = Arc::new(Barrier::new(2));
        let launches: Vec<_> = (0..2)
            .map(|_| {
                let (path, start) = (Arc::clone(&path), Arc::clone(&start));
                thread::spawn(move || {
                    start.wait();
                    let database = Database::open(&path, now());
                    database.run(|s| Ok(s.scenario_count()?))
                })
            })
            .collect();
        for launch in launches {
            let count = launch.join().expect("no panic").expect("opened");
            assert!(count == 0 || count == EXAMPLES.len() as u64, "{count}");
        }
        let store = Store::open(&path).expect("open");
        assert_eq!(
            store.scenario_count().expect("count"),
            EXAMPLES.len() as u64,
            "attempt {attempt}: the examples were loaded once"
        );
        assert!(store
            .get_setting(EXAMPLES_LOADED)
            .expect("setting")
            .is_some());
    }
}

#[test]
fn a_ready_database_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database = Database::open(&store::default_db_path(dir.path()), now());
    let status = database.status();
    assert_eq!(status.state, DatabaseState::Ready);
    assert_eq!(status.reason, None);
    assert!(!status.can_retry);
}

#[cfg(unix)]
#[test]
fn a_read_only_database_says_why_loads_no_examples_and_refuses_saves() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = store::default_db_path(dir.path());
    drop(Store::open(&path).expect("create an empty database"));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");

    let database = Database::open(&path, now());
    let status = database.status();
    assert_eq!(status.state, DatabaseState::ReadOnly);
    let reason = status.reason.expect("a reason");
    assert!(
        reason.contains("read-only") && reason.contains(&path.display().to_string()),
        "{reason}"
    );
    assert!(!status.can_retry);
    assert_eq!(database.run(|s| Ok(s.scenario_count()?)).expect("reads"), 0);
    let error = database
        .run(|s| scenarios::create_scenario(s, STARTUP, now()))
        .expect_err("nothing can be saved");
    assert_eq!(error.code, ErrorCode::Database);
    assert!(error.message.contains("read-only"), "{}", error.message);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
}

#[test]
fn a_lock_held_by_another_program_is_reported_and_retry_succeeds_after_release() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = store::default_db_path(dir.path());
    drop(Store::open(&path).expect("create"));

    let (locked_tx, locked_rx) = mpsc::channel();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let lock_path = path.clone();
    let holder = thread::spawn(move || {
        let conn = rusqlite::Connection::open(&lock_path).expect("open");
        conn.execute_batch("BEGIN IMMEDIATE").expect("lock");
        locked_tx.send(()).expect("send");
        release_rx.recv().expect("recv");
        conn.execute_batch("ROLLBACK").expect("unlock");
    });
    locked_rx.recv().expect("locked");

    let database = Database::open(&path, now());
    let status = database.status();
    assert_eq!(status.state, DatabaseState::Locked);
    assert!(status.can_retry);
    assert_eq!(
        status.reason,
        Some(format!(
            "another program holds the lock on {}",
            path.display()
        )),
    );
    assert_eq!(
        database.retry(now()).expect("retry").state,
        DatabaseState::Locked
    );

    release_tx.send(()).expect("release");
    holder.join().expect("holder");
    assert_eq!(
        database.retry(now()).expect("retry").state,
        DatabaseState::Ready
    );
    database
        .run(|s| scenarios::create_scenario(s, STARTUP, now()))
        .expect("saves after the retry");
}
