//! Opening a database: the one place a connection is made (practice 10).
//!
//! Opening an existing file happens in two phases so that a file we must refuse is never
//! modified — not even by switching it to WAL, which rewrites the header:
//!
//! 1. **Inspect, read-only.** Read the 100-byte header with plain file I/O (magic string,
//!    `user_version`, size). A newer schema or a file that is not SQLite is refused here
//!    without SQLite ever opening it. Then open a `SQLITE_OPEN_READ_ONLY` connection, run
//!    `PRAGMA quick_check` and compare `sqlite_master` with the objects the version promises.
//!    If migrations are pending, the file is copied aside first (see 2).
//! 2. **Open read-write**. If migrations are pending, take the write lock, then — unless an
//!    identical backup of this version already exists — copy the untouched file aside with
//!    `VACUUM INTO` a temporary file, flush it and rename it into place. Then set
//!    `busy_timeout`, WAL and `foreign_keys`, and migrate to the latest schema in one
//!    transaction. Last, check (with a short timeout) that no other program holds the write
//!    lock, so a lock is reported at open instead of every save failing later.
//!
//! A file or folder Plancast may not write is opened **read-only** instead
//! ([`Access::ReadOnly`]): the data can be read, nothing can be saved, and the reason is kept
//! for the app to show.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Read};
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

/// How long opening waits for another program's lock before it reports the database as
/// locked ([`Access::Locked`], [`StoreError::Locked`]). Short: a Plancast write holds the lock
/// for milliseconds, so a lock still held after this is another program's.
pub const LOCK_CHECK_TIMEOUT: Duration = Duration::from_millis(500);

/// Whether changes can be saved to an open database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// Reads and writes work.
    ReadWrite,
    /// The file or its folder cannot be written (permissions, a read-only disk): the database
    /// was opened read-only and every write fails with [`StoreError::ReadOnly`].
    ReadOnly {
        /// Which of them, with its path, for people.
        reason: String,
    },
    /// Another program held the write lock when the database was opened (or last checked,
    /// [`Store::check_lock`]): reads work, but a save would wait [`BUSY_TIMEOUT`] and fail.
    Locked,
}

impl Access {
    /// Whether a save can be expected to succeed.
    pub fn can_save(&self) -> bool {
        matches!(self, Access::ReadWrite)
    }
}

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
    access: Access,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.conn.path())
            .field("backup", &self.backup)
            .field("access", &self.access)
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
        // While another process creates the file or switches it to WAL, SQLite answers
        // "busy" at once, without waiting: try again for a moment before calling it locked.
        let started = std::time::Instant::now();
        loop {
            match Store::open_once(path, now) {
                Err(StoreError::Locked) if started.elapsed() < LOCK_CHECK_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                result => return result,
            }
        }
    }

    fn open_once(path: &Path, now: DateTime<Utc>) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let read_only = read_only_reason(path)?;
        let inspection = inspect_existing(path)?;
        if let Some(reason) = read_only {
            return open_read_only_store(inspection, reason);
        }
        let from_version = match inspection {
            Inspection::Fresh | Inspection::Current(_) => None,
            Inspection::NeedsMigration { from_version, .. } => Some(from_version),
        };

        let mut conn = Connection::open(path).map_err(locked_if_busy)?;
        let backup = match from_version {
            Some(from_version) => backup_before_migration(&conn, path, from_version, now)?,
            None => None,
        };
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(locked_if_busy)?;
        if !mode.eq_ignore_ascii_case("wal") {
            // e.g. a file system without shared memory; better to say so than to run
            // without the concurrency the app relies on.
            return Err(StoreError::Io(std::io::Error::other(format!(
                "could not switch the database to WAL (journal mode is {mode})"
            ))));
        }
        configure(&mut conn)?;
        migrate(&mut conn)?;
        let mut store = Store {
            conn,
            backup,
            access: Access::ReadWrite,
        };
        store.check_lock()?;
        Ok(store)
    }

    /// Whether changes can be saved, as known at open or at the last [`Store::check_lock`].
    pub fn access(&self) -> &Access {
        &self.access
    }

    /// Checks again, waiting at most [`LOCK_CHECK_TIMEOUT`], whether another program holds
    /// the write lock, and records the answer ([`Access::Locked`] or [`Access::ReadWrite`]).
    /// The app's "try again" after a lock was reported. A read-only database stays so.
    pub fn check_lock(&mut self) -> Result<&Access, StoreError> {
        if !matches!(self.access, Access::ReadOnly { .. }) {
            self.access = if write_lock_free(&self.conn)? {
                Access::ReadWrite
            } else {
                Access::Locked
            };
        }
        Ok(&self.access)
    }

    /// A private in-memory database at the latest schema, for tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        check_sqlite_version(rusqlite::version_number(), rusqlite::version())?;
        let mut conn = Connection::open_in_memory()?;
        configure(&mut conn)?;
        schema::migrations().to_latest(&mut conn)?;
        Ok(Store {
            conn,
            backup: None,
            access: Access::ReadWrite,
        })
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

/// Migrates to the latest schema. rusqlite_migration reads `user_version` before it opens
/// its transaction, so when two processes open a new (or old) database at the same moment the
/// second one, once it has the lock, applies migrations the first one already applied and
/// fails ("table … already exists"). The database is then current: that is success.
fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    match schema::migrations().to_latest(conn) {
        Ok(()) => Ok(()),
        Err(error) => {
            let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
            if version == i64::from(SCHEMA_VERSION) {
                check_expected_objects(conn, SCHEMA_VERSION)
            } else {
                Err(locked_if_busy(error))
            }
        }
    }
}

/// Whether the write lock can be taken within [`LOCK_CHECK_TIMEOUT`] (taken and released at
/// once; nothing is written).
fn write_lock_free(conn: &Connection) -> Result<bool, StoreError> {
    conn.busy_timeout(LOCK_CHECK_TIMEOUT)?;
    let result = conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;");
    conn.busy_timeout(BUSY_TIMEOUT)?;
    match result {
        Ok(()) => Ok(true),
        Err(error) if is_busy(&error) => Ok(false),
        Err(error) => Err(error.into()),
    }
}

fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// A lock that outlasted the wait while opening is [`StoreError::Locked`].
fn locked_if_busy(error: impl Into<StoreError>) -> StoreError {
    match error.into() {
        StoreError::Sqlite(e) if is_busy(&e) => StoreError::Locked,
        other => other,
    }
}

/// Why the database must be opened read-only, if it must: the file or its folder cannot be
/// written. Permission bits count even where they do not bind (root on Unix): a file the user
/// marked read-only is treated as such. Other errors are left to the inspection to report.
fn read_only_reason(path: &Path) -> Result<Option<String>, StoreError> {
    let denied = |e: &std::io::Error| {
        matches!(
            e.kind(),
            ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem
        )
    };
    if let Ok(metadata) = std::fs::metadata(path) {
        if metadata.is_file() {
            let refused = metadata.permissions().readonly()
                || OpenOptions::new()
                    .read(true)
                    .write(true)
                    .open(path)
                    .is_err_and(|e| denied(&e));
            if refused {
                return Ok(Some(format!("the file {} is read-only", path.display())));
            }
        }
    }
    // SQLite writes its -wal and -shm files beside the database, so the folder must be
    // writable too.
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // On Windows the read-only attribute of a folder means nothing (and is often set).
    let marked = cfg!(unix) && std::fs::metadata(dir)?.permissions().readonly();
    if marked || tempfile::tempfile_in(dir).is_err_and(|e| denied(&e)) {
        return Ok(Some(format!("the folder {} is read-only", dir.display())));
    }
    Ok(None)
}

/// The store for a database that must not be written: the inspection's read-only connection
/// with `query_only` on, or, when there is no database yet, an empty one in memory (nothing
/// can be saved either way). A database that needs upgrading cannot be used read-only.
fn open_read_only_store(inspection: Inspection, reason: String) -> Result<Store, StoreError> {
    let mut conn = match inspection {
        Inspection::Fresh => {
            let mut conn = Connection::open_in_memory()?;
            schema::migrations().to_latest(&mut conn)?;
            conn
        }
        Inspection::Current(conn) => conn,
        Inspection::NeedsMigration { from_version, .. } => {
            return Err(StoreError::ReadOnly {
                reason: format!(
                    "{reason}, and it has schema version {from_version}: it must be upgraded \
                     to version {SCHEMA_VERSION} before this version of Plancast can use it"
                ),
            })
        }
    };
    configure(&mut conn)?;
    conn.pragma_update(None, "query_only", true)?;
    // Reads need no write lock; an IMMEDIATE transaction would ask for one.
    conn.set_transaction_behavior(TransactionBehavior::Deferred);
    Ok(Store {
        conn,
        backup: None,
        access: Access::ReadOnly { reason },
    })
}

enum Inspection {
    /// No file, or an empty one: SQLite will create the schema from scratch.
    Fresh,
    /// A healthy database at the latest schema, with the read-only connection that checked it.
    Current(Connection),
    /// A healthy database at an older schema.
    NeedsMigration { from_version: u32 },
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
    // Short: a lock that keeps even readers out this long is another program's.
    conn.busy_timeout(LOCK_CHECK_TIMEOUT)?;

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
        Ok(Inspection::Current(conn))
    } else if version == 0 {
        // Empty (checked above: no tables), nothing worth a backup.
        Ok(Inspection::Fresh)
    } else {
        Ok(Inspection::NeedsMigration {
            from_version: version,
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

/// While inspecting, SQLite errors mean "this is not a database we can use", except a lock,
/// which means another program is using it.
fn as_damage(err: rusqlite::Error) -> StoreError {
    match StoreError::from(err) {
        StoreError::Sqlite(e) if is_busy(&e) => StoreError::Locked,
        StoreError::Sqlite(e) => StoreError::damaged(e.to_string()),
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

/// The prefix of the temporary file a backup is written to before it is renamed into place.
const BACKUP_TEMP_PREFIX: &str = ".plancast-backup-";

/// Copies the untouched database next to itself as `<name>.backup-v<old>-<timestamp>`
/// before a migration, so an upgrade that goes wrong (or a downgrade of the app) never
/// costs the user their data. Returns the backup, or `None` when another process upgraded
/// the database meanwhile.
///
/// - It runs under the write lock (`conn` is a read-write connection that has written
///   nothing), so two processes never back up or migrate at once, and leftovers of an earlier
///   interrupted backup can be removed safely: no one else can be writing one.
/// - A database that cannot be upgraded is backed up once, not at every launch: when a
///   finished backup of this version with the same content exists, it is reused. A partial or
///   empty file under a backup's name (an older version of Plancast, killed mid-copy) does not
///   count.
/// - `VACUUM INTO` writes a consistent, compact copy — including anything still in a WAL
///   file — without writing to the source, into an empty temporary file beside it, which is
///   flushed to disk and renamed into place: a kill or a full disk leaves no file under a
///   backup's name, only a temporary one that the next open removes.
fn backup_before_migration(
    conn: &Connection,
    path: &Path,
    from_version: u32,
    now: DateTime<Utc>,
) -> Result<Option<PathBuf>, StoreError> {
    conn.busy_timeout(LOCK_CHECK_TIMEOUT)?;
    conn.execute_batch("BEGIN IMMEDIATE")
        .map_err(locked_if_busy)?;
    let result = backup_under_lock(conn, path, from_version, now);
    // Nothing was written in this transaction; ending it releases the lock.
    let ended = conn.execute_batch("ROLLBACK");
    let backup = result?;
    ended?;
    Ok(backup)
}

fn backup_under_lock(
    conn: &Connection,
    path: &Path,
    from_version: u32,
    now: DateTime<Utc>,
) -> Result<Option<PathBuf>, StoreError> {
    // The version may have changed since the inspection, before we had the lock.
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if version != i64::from(from_version) {
        return Ok(None);
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    remove_backup_leftovers(dir);
    // A fresh read-only connection, opened under the lock, so it sees the latest commit.
    let source = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    source.busy_timeout(BUSY_TIMEOUT)?;

    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| DB_FILE_NAME.to_owned());
    let prefix = format!("{file_name}.backup-v{from_version}-");
    if let Some(existing) = existing_backup(&source, dir, &prefix, from_version)? {
        return Ok(Some(existing));
    }

    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let base = format!("{prefix}{stamp}");
    let mut target = path.with_file_name(&base);
    // Never overwrite an earlier backup (VACUUM INTO refuses a non-empty target anyway).
    let mut n = 2;
    while target.exists() {
        target = path.with_file_name(format!("{base}-{n}"));
        n += 1;
    }
    // The temporary file is removed on drop if anything below fails.
    let temp = tempfile::Builder::new()
        .prefix(BACKUP_TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)?
        .into_temp_path();
    let temp_text = temp.to_str().ok_or_else(|| {
        StoreError::Io(std::io::Error::new(
            ErrorKind::InvalidInput,
            format!("backup path {} is not valid UTF-8", temp.display()),
        ))
    })?;
    source.execute("VACUUM INTO ?1", [temp_text])?;
    // On disk before it gets its name, so a power cut cannot leave a named, empty backup.
    File::open(&temp)?.sync_all()?;
    temp.persist_noclobber(&target)
        .map_err(|e| StoreError::Io(e.error))?;
    sync_dir(dir);
    Ok(Some(target))
}

/// Removes what an interrupted backup left: its temporary file and any SQLite side file of
/// it. Only called under the write lock, when no backup can be in progress.
fn remove_backup_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let is_leftover = entry
            .file_name()
            .to_str()
            .is_some_and(|name| name.starts_with(BACKUP_TEMP_PREFIX));
        if is_leftover && entry.file_type().is_ok_and(|t| t.is_file()) {
            // Best effort: a leftover that cannot be removed is only untidy.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Makes a rename in `dir` durable (Unix; elsewhere the rename itself is).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = File::open(dir) {
        // Best effort: the backup is complete either way; this only orders it before a crash.
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A finished backup named `<prefix>…` in `dir` that holds exactly what `source` holds, if
/// there is one (newest name first).
fn existing_backup(
    source: &Connection,
    dir: &Path,
    prefix: &str,
    version: u32,
) -> Result<Option<PathBuf>, StoreError> {
    let mut candidates: Vec<PathBuf> = std::fs::read_dir(dir)?
        .flatten()
        .filter(|entry| {
            entry.file_name().to_str().is_some_and(|name| {
                name.starts_with(prefix)
                    && !["-journal", "-wal", "-shm"]
                        .iter()
                        .any(|side| name.ends_with(side))
            })
        })
        .map(|entry| entry.path())
        .collect();
    candidates.sort();
    for candidate in candidates.into_iter().rev() {
        if is_finished_copy(source, &candidate, version) {
            return Ok(Some(candidate));
        }
    }
    Ok(None)
}

/// Whether `candidate` is a complete, healthy database at `version` with the same schema and
/// rows as `source`. Any doubt (unreadable, truncated, an interrupted write's journal beside
/// it) means no.
fn is_finished_copy(source: &Connection, candidate: &Path, version: u32) -> bool {
    let Ok(metadata) = std::fs::metadata(candidate) else {
        return false;
    };
    if !metadata.is_file()
        || metadata.len() < HEADER_LEN as u64
        || ["-journal", "-wal"]
            .iter()
            .any(|side| side_file(candidate, side).exists())
    {
        return false;
    }
    let Ok(header) = read_header(candidate) else {
        return false;
    };
    if check_header(&header, metadata.len(), false).is_err() {
        return false;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    // Immutable: a backup is never written, and this leaves no side files beside it.
    let Ok(copy) =
        Connection::open_with_flags(format!("{}?immutable=1", file_uri(candidate)), flags)
    else {
        return false;
    };
    let copy_version = copy.query_row("PRAGMA user_version", [], |row| row.get::<_, i64>(0));
    copy_version.is_ok_and(|v| v == i64::from(version))
        && quick_check(&copy).is_ok()
        && same_content(source, &copy).unwrap_or(false)
}

/// Same schema objects and, table by table, the same rows (compared in a total order of all
/// columns: `VACUUM INTO` may renumber the rowids of tables without an INTEGER PRIMARY KEY).
fn same_content(a: &Connection, b: &Connection) -> rusqlite::Result<bool> {
    type Object = (String, String, Option<String>);
    let schema = |conn: &Connection| -> rusqlite::Result<Vec<Object>> {
        conn.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect()
    };
    let objects = schema(a)?;
    if objects != schema(b)? {
        return Ok(false);
    }
    for (kind, name, _) in &objects {
        if kind != "table" || name.starts_with("sqlite_") {
            continue;
        }
        let table = format!("\"{}\"", name.replace('"', "\"\""));
        let columns = a.prepare(&format!("SELECT * FROM {table}"))?.column_count();
        let order: Vec<String> = (1..=columns).map(|i| i.to_string()).collect();
        let sql = format!("SELECT * FROM {table} ORDER BY {}", order.join(", "));
        let mut left = a.prepare(&sql)?;
        let mut right = b.prepare(&sql)?;
        let mut left_rows = left.query([])?;
        let mut right_rows = right.query([])?;
        loop {
            match (left_rows.next()?, right_rows.next()?) {
                (None, None) => break,
                (Some(l), Some(r)) => {
                    for i in 0..columns {
                        if l.get_ref(i)? != r.get_ref(i)? {
                            return Ok(false);
                        }
                    }
                }
                _ => return Ok(false),
            }
        }
    }
    Ok(true)
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
