//! The one database of a running app, opened once at start-up.
//!
//! If the store refuses the file (written by a newer Plancast, damaged, unreadable), the app
//! still opens: the refusal is kept and every command that needs the database returns it as a
//! `database` error, so the UI can show the store's message. The file is never touched then.
//!
//! The window opens it in the background ([`Database::open_in_background`]): creating and
//! migrating the file and loading the examples must not hold up the first paint, which waits
//! for the main thread. Commands run on blocking threads and wait there until it is open.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

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

type Opened = Result<Mutex<Store>, ApiError>;

/// The opened store, or why it could not be opened, once known. Cheap to clone into a
/// blocking task.
#[derive(Clone)]
pub struct Database {
    inner: Arc<OnceLock<Opened>>,
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.inner.get() {
            None => f.write_str("Database(opening)"),
            Some(Ok(_)) => f.write_str("Database(open)"),
            Some(Err(error)) => write!(f, "Database(refused: {})", error.message),
        }
    }
}

impl Database {
    /// Opens (creating or migrating) the database at `path` and, on a new database, loads the
    /// examples. A refused database is kept as the error every command returns.
    pub fn open(path: &Path, now: DateTime<Utc>) -> Self {
        Self::ready(open_store(path, now))
    }

    /// [`Database::open`] on a thread of its own; [`Database::run`] waits for it. A panic
    /// while opening becomes the error every command returns, so no command waits forever.
    pub fn open_in_background(path: PathBuf, now: DateTime<Utc>) -> Self {
        let database = Self {
            inner: Arc::new(OnceLock::new()),
        };
        let slot = Arc::clone(&database.inner);
        let spawned = std::thread::Builder::new()
            .name("open-database".into())
            .spawn(move || {
                let opened =
                    std::panic::catch_unwind(|| open_store(&path, now)).unwrap_or_else(|_| {
                        Err(ApiError::internal(
                            "opening the database failed unexpectedly; restart Plancast",
                        ))
                    });
                let _ = slot.set(opened);
            });
        if let Err(error) = spawned {
            let _ = database.inner.set(Err(ApiError::internal(format!(
                "could not start opening the database: {error}"
            ))));
        }
        database
    }

    pub fn from_store(store: Store) -> Self {
        Self::ready(Ok(Mutex::new(store)))
    }

    pub fn refused(error: ApiError) -> Self {
        Self::ready(Err(error))
    }

    fn ready(opened: Opened) -> Self {
        Self {
            inner: Arc::new(OnceLock::from(opened)),
        }
    }

    /// Runs `work` with the store locked, once it is open. Call it inside
    /// [`super::blocking`]: it blocks.
    pub fn run<T>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        match self.inner.wait() {
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

fn open_store(path: &Path, now: DateTime<Utc>) -> Opened {
    match Store::open(path) {
        Ok(mut store) => {
            // Examples are a convenience: failing to add them must not lock the user out.
            if let Err(error) = load_examples_once(&mut store, now) {
                eprintln!("plancast: could not load the example scenarios: {error}");
            }
            Ok(Mutex::new(store))
        }
        Err(error) => Err(ApiError::from(error)),
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
