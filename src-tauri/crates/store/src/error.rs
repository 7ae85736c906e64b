//! The one error type of the store.
//!
//! The variants are deliberately few and stable so the app can map each to an error code
//! the UI acts on (practice 2): "not found", "newer schema", "damaged", "invalid input",
//! and two catch-alls for the file system and SQLite. The UI never needs to read the
//! message text to decide what to do.

use rusqlite::ErrorCode;

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A row looked up by id does not exist (or was deleted meanwhile).
    #[error("{what} {id} does not exist")]
    NotFound {
        /// What kind of row, e.g. `"scenario"`.
        what: &'static str,
        /// The id that was asked for.
        id: i64,
    },

    /// The database was written by a newer Plancast. It is left untouched so the newer
    /// version can still open it.
    #[error(
        "the database has schema version {found}, but this version of Plancast only knows \
         up to {supported}; it was left unchanged — open it with a newer Plancast"
    )]
    NewerSchema {
        /// `user_version` found in the file.
        found: u32,
        /// The newest schema version this build can migrate to.
        supported: u32,
    },

    /// The file is not a usable Plancast database (not SQLite, fails `quick_check`, misses
    /// tables for its version), or a stored value cannot be read back (a TEXT decimal that
    /// does not parse, an unknown product). Refused files are left unchanged.
    #[error("the database is damaged: {reason}")]
    Damaged {
        /// Human-readable explanation, for the log and the error dialog.
        reason: String,
    },

    /// Input rejected before it reached the database.
    #[error("invalid {field}: {message}")]
    Invalid {
        /// The offending field, e.g. `"month"`.
        field: &'static str,
        /// What is wrong with it.
        message: String,
    },

    /// The SQLite library Plancast runs with is older than the schema needs (`STRICT`
    /// tables). Only possible where the system's SQLite is used (the Linux packages).
    #[error(
        "this system's SQLite is version {found}, but Plancast needs {needed} or newer; \
         the database was not opened — update the system's SQLite (libsqlite3) package"
    )]
    SqliteTooOld {
        /// The version of the loaded library, e.g. `3.34.1`.
        found: String,
        /// The oldest version that works.
        needed: &'static str,
    },

    /// The database cannot be changed: it (or its folder) is read-only. Raised by a write on
    /// a database opened read-only, and at open when a read-only database needs upgrading.
    #[error("the database cannot be changed: {reason}")]
    ReadOnly {
        /// Why, e.g. "the file … is read-only".
        reason: String,
    },

    /// Another program holds the database's lock, so it cannot be upgraded (or even read)
    /// now. Transient: opening again after that program lets go succeeds.
    #[error(
        "another program is using the database and holds its lock; close that program (or \
         wait for it to finish) and try again"
    )]
    Locked,

    /// A file-system operation (creating the data directory, reading the header) failed.
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),

    /// Any other SQLite failure (disk full, locked beyond the busy timeout, …).
    #[error("database error: {0}")]
    Sqlite(#[source] rusqlite::Error),
}

impl StoreError {
    pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        StoreError::Invalid {
            field,
            message: message.into(),
        }
    }

    pub(crate) fn damaged(reason: impl Into<String>) -> Self {
        StoreError::Damaged {
            reason: reason.into(),
        }
    }
}

/// Values that do not convert on the way out of SQLite, and SQLite's own corruption codes,
/// mean the data is damaged — not that the app has a bug — so they become `Damaged`.
/// Everything else stays a plain SQLite error.
impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> Self {
        match &err {
            rusqlite::Error::FromSqlConversionFailure(_, _, inner) => {
                StoreError::damaged(format!("unreadable stored value: {inner}"))
            }
            rusqlite::Error::InvalidColumnType(_, name, ty) => StoreError::damaged(format!(
                "column `{name}` holds a value of SQL type {ty}, which this version does not expect"
            )),
            rusqlite::Error::IntegralValueOutOfRange(_, value) => {
                StoreError::damaged(format!("stored integer {value} is out of range"))
            }
            rusqlite::Error::SqliteFailure(e, _)
                if matches!(e.code, ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) =>
            {
                StoreError::damaged(err.to_string())
            }
            rusqlite::Error::SqliteFailure(e, _) if e.code == ErrorCode::ReadOnly => {
                StoreError::ReadOnly {
                    reason: "it was opened read-only, so nothing can be saved".to_owned(),
                }
            }
            _ => StoreError::Sqlite(err),
        }
    }
}

impl From<rusqlite_migration::Error> for StoreError {
    fn from(err: rusqlite_migration::Error) -> Self {
        match err {
            rusqlite_migration::Error::RusqliteError { err, .. } => StoreError::from(err),
            rusqlite_migration::Error::InvalidUserVersion => {
                StoreError::damaged("the schema version (user_version) is negative")
            }
            other => StoreError::damaged(format!("migration failed: {other}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite_failure(code: std::ffi::c_int) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn corruption_codes_become_damaged() {
        for code in [rusqlite::ffi::SQLITE_CORRUPT, rusqlite::ffi::SQLITE_NOTADB] {
            assert!(matches!(
                StoreError::from(sqlite_failure(code)),
                StoreError::Damaged { .. }
            ));
        }
    }

    #[test]
    fn busy_and_other_failures_stay_sqlite_errors() {
        // A lock held past the busy timeout is transient, not damage: the app may retry.
        for code in [rusqlite::ffi::SQLITE_BUSY, rusqlite::ffi::SQLITE_FULL] {
            assert!(matches!(
                StoreError::from(sqlite_failure(code)),
                StoreError::Sqlite(_)
            ));
        }
    }

    #[test]
    fn a_write_refused_as_read_only_says_so() {
        let err = StoreError::from(sqlite_failure(rusqlite::ffi::SQLITE_READONLY));
        assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
        assert!(err.to_string().contains("read-only"));
    }

    #[test]
    fn messages_name_the_problem() {
        let err = StoreError::NewerSchema {
            found: 5,
            supported: 2,
        };
        assert!(err.to_string().contains("schema version 5"));
        let err = StoreError::NotFound {
            what: "scenario",
            id: 3,
        };
        assert_eq!(err.to_string(), "scenario 3 does not exist");
    }
}
