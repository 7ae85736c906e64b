//! The one database of a running app, opened once at start-up.
//!
//! If the store refuses the file (written by a newer Plancast, damaged, unreadable), the app
//! still opens: the refusal is kept and every command that needs the database returns it as a
//! `database` error, so the UI can show the store's message. The file is never touched then.

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Utc};
use store::Store;

use super::error::ApiError;

/// The setting that records that the examples were offered once; deleting them all must not
/// bring them back.
pub const EXAMPLES_LOADED: &str = "examples_loaded";

/// The scenarios a new user starts with, embedded so they need no files at run time.
pub const EXAMPLES: [&str; 3] = [
    include_str!("../../../examples/startup-intl.json"),
    include_str!("../../../examples/enterprise-cn.json"),
    include_str!("../../../examples/catalogue-growth.json"),
];

/// The opened store, or why it could not be opened. Cheap to clone into a blocking task.
#[derive(Clone)]
pub struct Database {
    inner: Arc<Result<Mutex<Store>, ApiError>>,
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.inner.as_ref() {
            Ok(_) => f.write_str("Database(open)"),
            Err(error) => write!(f, "Database(refused: {})", error.message),
        }
    }
}

impl Database {
    /// Opens (creating or migrating) the database at `path` and, on a new database, loads the
    /// examples. A refused database is kept as the error every command returns.
    pub fn open(path: &Path, now: DateTime<Utc>) -> Self {
        match Store::open(path) {
            Ok(mut store) => {
                // Examples are a convenience: failing to add them must not lock the user out.
                if let Err(error) = load_examples_once(&mut store, now) {
                    eprintln!("plancast: could not load the example scenarios: {error}");
                }
                Self::from_store(store)
            }
            Err(error) => Self::refused(ApiError::from(error)),
        }
    }

    pub fn from_store(store: Store) -> Self {
        Self {
            inner: Arc::new(Ok(Mutex::new(store))),
        }
    }

    pub fn refused(error: ApiError) -> Self {
        Self {
            inner: Arc::new(Err(error)),
        }
    }

    /// Runs `work` with the store locked. Call it inside [`super::blocking`]: it blocks.
    pub fn run<T>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        match self.inner.as_ref() {
            Ok(mutex) => {
                // A panic in an earlier command poisons the lock; SQLite rolled back whatever
                // that command had not committed, so the store itself is still consistent.
                let mut store = mutex.lock().unwrap_or_else(PoisonError::into_inner);
                work(&mut store)
            }
            Err(error) => Err(error.clone()),
        }
    }
}

/// On a database with no scenarios where the examples were never loaded, adds the three
/// examples and records that it did. Returns how many it added.
pub fn load_examples_once(store: &mut Store, now: DateTime<Utc>) -> Result<usize, ApiError> {
    if store.scenario_count()? > 0 || store.get_setting(EXAMPLES_LOADED)?.is_some() {
        return Ok(0);
    }
    let mut added = 0;
    for text in EXAMPLES {
        let scenario = pricing::parse_scenario(text).map_err(ApiError::invalid_fields)?;
        let document = super::scenarios::document_text(&scenario)?;
        store.create_scenario(&scenario.name, &document, now)?;
        added += 1;
    }
    store.set_setting(EXAMPLES_LOADED, "1")?;
    Ok(added)
}
