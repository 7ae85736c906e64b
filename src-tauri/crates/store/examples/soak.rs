//! The writer and the checker of `scripts/soak` (docs/reliability.md): SIGKILL during real
//! writes, then reopen and check that every committed row is there and intact.
//!
//! ```text
//! soak write DB            write until killed; print "<n> <scenario id>" after each commit
//! soak check DB IDS        open as the app does, integrity_check, verify every line of IDS
//! soak make-v1 DB ROWS     a schema-version-1 database with ROWS scenarios (for upgrades)
//! soak upgrade DB          open (back up and migrate) as the app does, print "upgraded"
//! soak check-upgrade DB ROWS
//!                          after a kill during `upgrade`: every backup is a whole v1 copy,
//!                          opening finishes the upgrade with one backup and no leftovers
//! ```
//!
//! Each written unit is three transactions: a scenario (its document carries `n` and a
//! payload derived from it), its actual spend (an amount derived from `n`), and two settings
//! written together (`soak-<n>-a`, `soak-<n>-b`), which must be both present or both absent.
//! Exit status 0 when everything checks, 1 with one line per problem on stderr.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{TimeZone, Utc};
use pricing::{Currency, Product};
use rusqlite::{Connection, OpenFlags};
use rust_decimal::Decimal;
use store::Store;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["write", db] => write(Path::new(db)),
        ["check", db, ids] => check(Path::new(db), Path::new(ids)),
        ["make-v1", db, rows] => make_v1(Path::new(db), rows.parse().unwrap_or(0)),
        ["upgrade", db] => upgrade(Path::new(db)),
        ["check-upgrade", db, rows] => check_upgrade(Path::new(db), rows.parse().unwrap_or(0)),
        _ => Err(vec![
            "usage: soak write DB | check DB IDS | make-v1 DB ROWS | upgrade DB | check-upgrade DB ROWS"
                .to_owned(),
        ]),
    };
    match result {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in problems {
                eprintln!("soak: {problem}");
            }
            ExitCode::FAILURE
        }
    }
}

type Outcome = Result<String, Vec<String>>;

fn fail(message: impl std::fmt::Display) -> Vec<String> {
    vec![message.to_string()]
}

/// A payload whose length and content follow from `n` (100 to 2,000 bytes), so a torn or
/// mixed-up page shows as a mismatch.
fn payload(n: u64) -> String {
    let len = 100 + (n.wrapping_mul(7_919) % 1_900) as usize;
    let mut state = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            char::from(b'a' + (state % 26) as u8)
        })
        .collect()
}

fn document(n: u64) -> String {
    format!(
        r#"{{"format":1,"name":"soak-{n}","n":{n},"payload":"{}"}}"#,
        payload(n)
    )
}

fn amount(n: u64) -> Decimal {
    Decimal::new(i64::try_from(n % 1_000_000).unwrap_or(0) * 100 + 37, 2)
}

fn month() -> pricing::YearMonth {
    "2026-01".parse().expect("a valid month")
}

fn write(db: &Path) -> Outcome {
    let mut store = Store::open(db).map_err(fail)?;
    let now = Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .expect("time");
    // Continue the numbering after what an earlier (killed) writer committed.
    let mut n = store.scenario_count().map_err(fail)? + 1_000_000;
    let stdout = std::io::stdout();
    loop {
        n += 1;
        let scenario = store
            .create_scenario(&format!("soak-{n}"), &document(n), now)
            .map_err(fail)?;
        store
            .upsert_actual(scenario.id, Product::Tcr, month(), amount(n), Currency::Usd)
            .map_err(fail)?;
        let (a, b) = (format!("soak-{n}-a"), format!("soak-{n}-b"));
        store
            .set_settings(&[(a.as_str(), "1"), (b.as_str(), "2")])
            .map_err(fail)?;
        // One line, one write: a kill cannot leave half of it.
        let mut out = stdout.lock();
        out.write_all(format!("{n} {}\n", scenario.id).as_bytes())
            .and_then(|()| out.flush())
            .map_err(fail)?;
    }
}

fn integrity_check(db: &Path) -> Result<(), Vec<String>> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(fail)?;
    let result: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut stmt| {
            stmt.query_map([], |row| row.get(0))?
                .collect::<Result<Vec<String>, _>>()
        })
        .map_err(fail)?;
    if result == ["ok"] {
        Ok(())
    } else {
        Err(result
            .into_iter()
            .map(|r| format!("integrity_check: {r}"))
            .collect())
    }
}

fn check(db: &Path, ids: &Path) -> Outcome {
    // As the app opens it: inspection, quick_check, WAL recovery.
    let store = Store::open(db).map_err(|e| fail(format!("open after the kill: {e}")))?;
    integrity_check(db)?;
    let text = std::fs::read_to_string(ids).map_err(fail)?;
    let mut problems = Vec::new();
    let mut committed = 0;
    for line in text.lines() {
        let mut parts = line.split(' ');
        let (Some(Ok(n)), Some(Ok(id))) = (
            parts.next().map(str::parse::<u64>),
            parts.next().map(str::parse::<i64>),
        ) else {
            problems.push(format!("unreadable line {line:?}"));
            continue;
        };
        committed += 1;
        match store.get_scenario(id) {
            Ok(s) if s.name == format!("soak-{n}") && s.document == document(n) => {}
            Ok(s) => problems.push(format!("scenario {id} (n {n}) differs: name {}", s.name)),
            Err(e) => problems.push(format!("scenario {id} (n {n}) is missing: {e}")),
        }
        match store.list_actuals(id) {
            Ok(actuals) if actuals.len() == 1 && actuals[0].amount == amount(n) => {}
            Ok(actuals) => problems.push(format!("actuals of {id} (n {n}) differ: {actuals:?}")),
            Err(e) => problems.push(format!("actuals of {id} (n {n}): {e}")),
        }
        for (key, value) in [(format!("soak-{n}-a"), "1"), (format!("soak-{n}-b"), "2")] {
            if store.get_setting(&key).ok().flatten().as_deref() != Some(value) {
                problems.push(format!("setting {key} is missing or differs"));
            }
        }
    }
    // Settings written in one transaction: both or neither, committed or not.
    let settings = store.all_settings().map_err(fail)?;
    for key in settings.keys().filter(|k| k.ends_with("-a")) {
        let pair = format!("{}-b", key.trim_end_matches("-a"));
        if !settings.contains_key(&pair) {
            problems.push(format!(
                "{key} is present without {pair}: a transaction was torn"
            ));
        }
    }
    let rows = store.scenario_count().map_err(fail)?;
    if problems.is_empty() {
        Ok(format!("ok committed={committed} rows={rows}"))
    } else {
        Err(problems)
    }
}

fn make_v1(db: &Path, rows: u64) -> Outcome {
    let mut conn = Connection::open(db).map_err(fail)?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(fail)?;
    store::schema::migrations()
        .to_version(&mut conn, 1)
        .map_err(fail)?;
    let tx = conn.transaction().map_err(fail)?;
    for n in 1..=rows {
        tx.execute(
            "INSERT INTO scenarios (id, name, document, created_at, updated_at)
             VALUES (?1, ?2, ?3, '2025-12-01T00:00:00.000000000Z', '2025-12-01T00:00:00.000000000Z')",
            rusqlite::params![n, format!("soak-{n}"), document(n)],
        )
        .map_err(fail)?;
    }
    tx.commit().map_err(fail)?;
    Ok(format!("made a version-1 database with {rows} scenarios"))
}

fn upgrade(db: &Path) -> Outcome {
    let store = Store::open(db).map_err(fail)?;
    Ok(format!("upgraded, backup {:?}", store.migration_backup()))
}

fn files_starting_with(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(prefix))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// Checks a v1 backup: integrity, version 1, every row intact.
fn check_backup(path: &Path, rows: u64) -> Result<(), Vec<String>> {
    integrity_check(path).map_err(|p| vec![format!("{}: {p:?}", path.display())])?;
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(fail)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(fail)?;
    if version != 1 {
        return Err(fail(format!(
            "{} has schema version {version}",
            path.display()
        )));
    }
    check_rows(&conn, rows).map_err(|p| vec![format!("{}: {p:?}", path.display())])
}

fn check_rows(conn: &Connection, rows: u64) -> Result<(), Vec<String>> {
    let mut stmt = conn
        .prepare("SELECT id, name, document FROM scenarios ORDER BY id")
        .map_err(fail)?;
    let found: Vec<(u64, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .and_then(|rows| rows.collect())
        .map_err(fail)?;
    if found.len() as u64 != rows {
        return Err(fail(format!("{} scenarios, expected {rows}", found.len())));
    }
    for (i, (id, name, doc)) in found.into_iter().enumerate() {
        let n = i as u64 + 1;
        if id != n || name != format!("soak-{n}") || doc != document(n) {
            return Err(fail(format!("scenario {id} differs")));
        }
    }
    Ok(())
}

fn check_upgrade(db: &Path, rows: u64) -> Outcome {
    let dir = db.parent().unwrap_or(Path::new("."));
    let name = db
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("plancast.sqlite3")
        .to_owned();
    let backup_prefix = format!("{name}.backup-v1-");
    let leftovers_before = files_starting_with(dir, ".plancast-backup-").len();
    // Whatever the kill left under a backup's name must be a whole backup.
    let mut problems = Vec::new();
    let named_before = files_starting_with(dir, &backup_prefix);
    for backup in &named_before {
        if let Err(p) = check_backup(backup, rows) {
            problems.extend(p);
        }
    }
    // Opening again finishes the upgrade (the database was left at version 1 or 2).
    let store = Store::open(db).map_err(|e| fail(format!("open after the kill: {e}")))?;
    let version = store.schema_version().map_err(fail)?;
    drop(store);
    integrity_check(db)?;
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(fail)?;
    if let Err(p) = check_rows(&conn, rows) {
        problems.extend(p);
    }
    let named_after = files_starting_with(dir, &backup_prefix);
    if named_after.len() != 1 {
        problems.push(format!(
            "{} backups after the upgrade, expected 1",
            named_after.len()
        ));
    }
    for backup in &named_after {
        if let Err(p) = check_backup(backup, rows) {
            problems.extend(p);
        }
    }
    let leftovers_after = files_starting_with(dir, ".plancast-backup-");
    if !leftovers_after.is_empty() {
        problems.push(format!("leftovers after reopening: {leftovers_after:?}"));
    }
    if problems.is_empty() {
        Ok(format!(
            "ok version={version} named_before={} leftovers_before={leftovers_before}",
            named_before.len()
        ))
    } else {
        Err(problems)
    }
}
