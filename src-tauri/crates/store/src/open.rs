//! Opening a database: the one place a connection is made (practice 10).
//!
//! Opening an existing file happens in two phases so that a file we must refuse is never
//! modified — not even by switching it to WAL, which rewrites the header:
//!
//! 1. **Inspect, read-only.** Read the 100-byte header with plain file I/O (magic string,
//!    `user_version`, size). A newer schema or a file that is not SQLite is refused here
//!    without SQLite ever opening it. Then open a `SQLITE_OPEN_READ_ONLY` connection, run
//!    `PRAGMA quick_check` and compare `sqlite_master` with the objects the version promises.
//!    If migrations are pending, copy the untouched file aside with `VACUUM INTO` from this
//!    same read-only connection.
//! 2. **Open read-write**, set `busy_timeout`, WAL and `foreign_keys`, and migrate to the
//!    latest schema in one transaction.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::schema::{self, SCHEMA_VERSION};
use crate::StoreError;

/// The oldest SQLite the schema works with: `STRICT` tables arrived in 3.37.0. The Linux
/// packages use the system's library (the one WebKitGTK already loads); Windows and macOS
/// builds compile SQLite in (the `bundled` feature), so this only bites on an old distribution.
pub const MIN_SQLITE: (i32, &str) = (3_037_000, "3.37.0");

/// Refuses to open anything with a SQLite older than [`MIN_SQLITE`], before a file is touched.
fn check_sqlite_version(number: i32, version: &str) -> Result<(), StoreError> {
    if number < MIN_SQLITE.0 {
        return Err(StoreError::SqliteTooOld {
            found: version.to_owned(),
            needed: MIN_SQLITE.1,
        });
    }
    Ok(())
}

/// The database file name inside the app's data directory.
pub const DB_FILE_NAME: &str = "plancast.sqlite3";

/// How long a connection waits for another connection's lock before giving up with
/// `SQLITE_BUSY`. Five seconds covers any write Plancast makes, with room for a slow disk.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Where the database lives in the app's data directory (Tauri's `app_data_dir`, passed in
/// by the app so this crate needs no Tauri).
pub fn default_db_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DB_FILE_NAME)
}

/// An open Plancast database. Not `Sync`: the app keeps it behind a mutex and calls it from
/// blocking tasks, off the UI thread (practice 11).
pub struct Store {
    pub(crate) conn: Connection,
    backup: Option<PathBuf>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.conn.path())
            .field("backup", &self.backup)
            .finish()
    }
}

impl Store {
    /// Opens (creating if needed, along with its directory) the database at `path`,
    /// refusing newer or damaged files and migrating older ones after backing them up.
    ///
    /// This is the one place the store reads the clock: the time only names the backup file.
    ///
    /// # Errors
    /// `NewerSchema` or `Damaged` for a refused file (left byte-for-byte unchanged), `Io` for
    /// file-system failures, `Sqlite` for anything else.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        #[allow(clippy::disallowed_methods)] // the single sanctioned clock read, see above
        let now = Utc::now();
        Store::open_at(path, now)
    }

    /// [`Store::open`] with the time passed in, so tests can predict the backup's name.
    pub fn open_at(path: &Path, now: DateTime<Utc>) -> Result<Store, StoreError> {
        check_sqlite_version(rusqlite::version_number(), rusqlite::version())?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let backup = match inspect_existing(path)? {
            Inspection::Fresh => None,
            Inspection::Current => None,
            Inspection::NeedsMigration { from_version, conn } => {
                Some(backup_before_migration(&conn, path, from_version, now)?)
            }
        };

        let mut conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            // e.g. a file system without shared memory; better to say so than to run
            // without the concurrency the app relies on.
            return Err(StoreError::Io(std::io::Error::other(format!(
                "could not switch the database to WAL (journal mode is {mode})"
            ))));
        }
        configure(&mut conn)?;
        schema::migrations().to_latest(&mut conn)?;
        Ok(Store { conn, backup })
    }

    /// A private in-memory database at the latest schema, for tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        check_sqlite_version(rusqlite::version_number(), rusqlite::version())?;
        let mut conn = Connection::open_in_memory()?;
        configure(&mut conn)?;
        schema::migrations().to_latest(&mut conn)?;
        Ok(Store { conn, backup: None })
    }

    /// The copy made before migrating this database at open, if one was made, so the app
    /// can tell the user where their pre-upgrade data is.
    pub fn migration_backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    /// The schema version (`user_version`) of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))?;
        u32::try_from(version)
            .map_err(|_| StoreError::damaged(format!("schema version {version} is negative")))
    }
}

/// Settings every connection needs. `foreign_keys` is per connection and off by default in
/// SQLite, so without this the ON DELETE CASCADE clauses would silently do nothing.
/// Transactions are IMMEDIATE so a writer waits (busy_timeout) for the write lock up front
/// instead of failing with SQLITE_BUSY when a read transaction tries to upgrade.
fn configure(conn: &mut Connection) -> Result<(), StoreError> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    let on: bool = conn.query_row("PRAGMA foreign_keys", [], |row| row.get(0))?;
    if !on {
        return Err(StoreError::Io(std::io::Error::other(
            "SQLite refused to enable foreign keys",
        )));
    }
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    Ok(())
}

enum Inspection {
    /// No file, or an empty one: SQLite will create the schema from scratch.
    Fresh,
    /// A healthy database at the latest schema.
    Current,
    /// A healthy database at an older schema; the read-only connection is kept for the backup.
    NeedsMigration { from_version: u32, conn: Connection },
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LEN: usize = 100;

/// Checks an existing file without writing to it. See the module docs for the order.
fn inspect_existing(path: &Path) -> Result<Inspection, StoreError> {
    let metadata = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Inspection::Fresh),
        Err(e) => return Err(e.into()),
    };
    if !metadata.is_file() {
        return Err(StoreError::damaged(format!(
            "{} is not a regular file",
            path.display()
        )));
    }
    // SQLite treats a zero-length file as an empty database; there is nothing to protect.
    if metadata.len() == 0 {
        return Ok(Inspection::Fresh);
    }

    let header = read_header(path)?;
    check_header(&header, metadata.len(), has_wal_file(path))?;

    let conn = open_read_only(path, &header).map_err(as_damage)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;

    // The header can lag behind a WAL file left by a crash; SQLite's view is authoritative.
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(as_damage)?;
    let version = u32::try_from(version)
        .map_err(|_| StoreError::damaged(format!("schema version {version} is negative")))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    quick_check(&conn)?;
    check_expected_objects(&conn, version)?;

    if version == SCHEMA_VERSION {
        Ok(Inspection::Current)
    } else if version == 0 {
        // Empty (checked above: no tables), nothing worth a backup.
        Ok(Inspection::Fresh)
    } else {
        Ok(Inspection::NeedsMigration {
            from_version: version,
            conn,
        })
    }
}

/// A read-only connection for inspection that leaves no trace on disk.
///
/// Even a read-only connection to a WAL-mode database creates `-wal` and `-shm` files (and
/// cannot remove them), so when the file is in WAL mode and neither side file exists —
/// nobody has it open and everything is in the main file — open it `immutable`, which makes
/// SQLite read the main file alone, without locks or side files. Otherwise use a normal
/// read-only connection, which sees the WAL's pages and respects other connections' locks.
fn open_read_only(path: &Path, header: &[u8; HEADER_LEN]) -> rusqlite::Result<Connection> {
    let wal_mode = header[18] == 2 && header[19] == 2;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    // Any connection that has the file open in WAL mode keeps both side files in
    // existence, so their absence means no one can be writing while we read.
    if wal_mode && !side_file(path, "-wal").exists() && !side_file(path, "-shm").exists() {
        Connection::open_with_flags(format!("{}?immutable=1", file_uri(path)), flags)
    } else {
        Connection::open_with_flags(path, flags)
    }
}

/// `file:` URI for a path, percent-encoding everything but unreserved characters so that
/// `?`, `#`, `%` or spaces in a user's data directory cannot change the URI's meaning.
fn file_uri(path: &Path) -> String {
    // Raw bytes, so a non-UTF-8 Unix path survives; percent-encoding makes them ASCII.
    let mut bytes: Vec<u8> = path.as_os_str().as_encoded_bytes().to_vec();
    if cfg!(windows) {
        // SQLite wants forward slashes and, for a drive path, `file:/C:/...`.
        for b in &mut bytes {
            if *b == b'\\' {
                *b = b'/';
            }
        }
        if bytes.first() != Some(&b'/') {
            bytes.insert(0, b'/');
        }
    }
    let mut uri = String::from("file:");
    for byte in bytes {
        if byte.is_ascii_alphanumeric() || b"-._~/:".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

fn read_header(path: &Path) -> Result<[u8; HEADER_LEN], StoreError> {
    let mut header = [0u8; HEADER_LEN];
    let mut file = File::open(path)?;
    let mut filled = 0;
    while filled < HEADER_LEN {
        let n = file.read(&mut header[filled..])?;
        if n == 0 {
            return Err(StoreError::damaged(format!(
                "the file is {filled} bytes long, too short to be a SQLite database"
            )));
        }
        filled += n;
    }
    Ok(header)
}

fn be_u32(header: &[u8; HEADER_LEN], offset: usize) -> u32 {
    u32::from_be_bytes([
        header[offset],
        header[offset + 1],
        header[offset + 2],
        header[offset + 3],
    ])
}

/// Validates the file header (format: <https://www.sqlite.org/fileformat.html>). Refusing a newer schema here means SQLite never touches the file.
fn check_header(header: &[u8; HEADER_LEN], file_len: u64, has_wal: bool) -> Result<(), StoreError> {
    if &header[..16] != SQLITE_MAGIC {
        return Err(StoreError::damaged("the file is not a SQLite database"));
    }
    let raw_version = be_u32(header, 60);
    // SQLite reads user_version as a signed 32-bit integer.
    if raw_version > i32::MAX as u32 {
        return Err(StoreError::damaged(format!(
            "schema version {} is negative",
            raw_version as i32
        )));
    }
    if raw_version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: raw_version,
            supported: SCHEMA_VERSION,
        });
    }

    // A truncated copy is common (interrupted sync, full disk) and not always caught by
    // quick_check, so compare the size the header promises with the real size. The header's
    // page count is only trustworthy when its "version-valid-for" matches the change
    // counter, and a WAL file may legitimately hold pages the main file lacks.
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let change_counter = be_u32(header, 24);
    let page_count = u64::from(be_u32(header, 28));
    let valid_for = be_u32(header, 92);
    if !has_wal && valid_for == change_counter && page_count > 0 {
        let expected = page_count * page_size;
        if file_len < expected {
            return Err(StoreError::damaged(format!(
                "the file is truncated: {file_len} bytes, but its header says {expected}"
            )));
        }
    }
    Ok(())
}

fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether a WAL file with content sits beside the database (pages the main file lacks).
fn has_wal_file(path: &Path) -> bool {
    std::fs::metadata(side_file(path, "-wal"))
        .map(|m| m.len() > 0)
        .unwrap_or(false)
}

/// While inspecting, SQLite errors mean "this is not a database we can use".
fn as_damage(err: rusqlite::Error) -> StoreError {
    match StoreError::from(err) {
        StoreError::Sqlite(e) => match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Sqlite(e)
            }
            _ => StoreError::damaged(e.to_string()),
        },
        other => other,
    }
}

fn quick_check(conn: &Connection) -> Result<(), StoreError> {
    let mut stmt = conn.prepare("PRAGMA quick_check").map_err(as_damage)?;
    let problems = stmt
        .query_map([], |row| row.get::<_, String>(0))
        .map_err(as_damage)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(as_damage)?;
    if problems.len() == 1 && problems[0] == "ok" {
        return Ok(());
    }
    let shown: Vec<&str> = problems.iter().take(3).map(String::as_str).collect();
    Err(StoreError::damaged(format!(
        "integrity check failed: {}",
        shown.join("; ")
    )))
}

fn check_expected_objects(conn: &Connection, version: u32) -> Result<(), StoreError> {
    let mut stmt = conn
        .prepare(
            "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        )
        .map_err(as_damage)?;
    let present = stmt
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })
        .map_err(as_damage)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(as_damage)?;

    if version == 0 {
        // Version 0 with tables is some other program's database; migrating it would mix
        // our tables into theirs.
        if let Some((_, name)) = present.first() {
            return Err(StoreError::damaged(format!(
                "the file has tables (e.g. `{name}`) but no Plancast schema version; \
                 it is not a Plancast database"
            )));
        }
        return Ok(());
    }
    let missing: Vec<String> = schema::expected_objects(version)
        .into_iter()
        .filter(|(kind, name)| !present.iter().any(|(k, n)| k == kind && n == name))
        .map(|(kind, name)| format!("{kind} `{name}`"))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(StoreError::damaged(format!(
            "schema version {version} should have {}, which {} missing",
            missing.join(", "),
            if missing.len() == 1 { "is" } else { "are" }
        )))
    }
}

/// Copies the untouched database next to itself as `<name>.backup-v<old>-<timestamp>`
/// before a migration, so an upgrade that goes wrong (or a downgrade of the app) never
/// costs the user their data. `VACUUM INTO` writes a consistent, compact copy — including
/// anything still in a WAL file — without writing to the source.
fn backup_before_migration(
    conn: &Connection,
    path: &Path,
    from_version: u32,
    now: DateTime<Utc>,
) -> Result<PathBuf, StoreError> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| DB_FILE_NAME.to_owned());
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let base = format!("{file_name}.backup-v{from_version}-{stamp}");
    let mut target = path.with_file_name(&base);
    // Never overwrite an earlier backup (VACUUM INTO refuses a non-empty target anyway).
    let mut n = 2;
    while target.exists() {
        target = path.with_file_name(format!("{base}-{n}"));
        n += 1;
    }
    // Written to an empty temporary file beside it, then renamed into place: a failure (a
    // full disk) leaves no half-written backup, and the temporary file is removed on drop.
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let temp = tempfile::Builder::new()
        .prefix(".plancast-backup-")
        .suffix(".tmp")
        .tempfile_in(dir)?
        .into_temp_path();
    let temp_text = temp.to_str().ok_or_else(|| {
        StoreError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("backup path {} is not valid UTF-8", temp.display()),
        ))
    })?;
    conn.execute("VACUUM INTO ?1", [temp_text])?;
    temp.persist_noclobber(&target)
        .map_err(|e| StoreError::Io(e.error))?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_sqlite_is_refused_with_both_versions_named() {
        let error = check_sqlite_version(3_034_001, "3.34.1").err();
        let message = error.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.contains("3.34.1") && message.contains("3.37.0"),
            "{message}"
        );
        assert!(check_sqlite_version(3_037_000, "3.37.0").is_ok());
        // The library this build runs with is new enough.
        assert!(check_sqlite_version(rusqlite::version_number(), rusqlite::version()).is_ok());
    }
}
