//! The one database of a running app, opened once at start-up.
//!
//! If the store refuses the file (written by a newer Plancast, damaged, unreadable), the app
//! still opens: the refusal is kept and every command that needs the database returns it as a
//! `database` error, so the UI can show the store's message. The file is never touched then.
//!
//! A database that opens but cannot be saved to — read-only, or locked by another program —
//! is used as it is; [`DatabaseStatus`] (command `database_status`) tells the UI so it can
//! say why at once and disable saving, instead of every save failing. A lock may go away:
//! `retry_database` checks again (and re-opens a database whose open was refused because of
//! a lock).
//!
//! The window opens it in the background ([`Database::open_in_background`]): creating and
//! migrating the file and loading the examples must not hold up the first paint, which waits
//! for the main thread. Commands run on blocking threads and wait there until it is open.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

use chrono::{DateTime, Utc};
use serde::Serialize;
use store::{Access, Store, StoreError};
use ts_rs::TS;

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

/// Whether the database can be used and saved to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DatabaseState {
    /// Open; everything can be saved.
    Ready,
    /// Open read-only (the file or its folder cannot be written): nothing can be saved.
    ReadOnly,
    /// Another program holds the database's lock: saving would fail until it lets go.
    Locked,
    /// Not open (refused: newer, damaged, unreadable): nothing can be read or saved.
    Unavailable,
}

/// What the app shell shows about the database: a banner unless `ready`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DatabaseStatus {
    pub state: DatabaseState,
    /// Why saving is not possible, for people (with the file or folder concerned); `null`
    /// when ready.
    pub reason: Option<String>,
    /// Whether "Try again" may help (a lock another program may release).
    pub can_retry: bool,
}

impl DatabaseStatus {
    fn of_store(store: &Store, path: Option<&Path>) -> Self {
        match store.access() {
            Access::ReadWrite => Self {
                state: DatabaseState::Ready,
                reason: None,
                can_retry: false,
            },
            Access::ReadOnly { reason } => Self {
                state: DatabaseState::ReadOnly,
                reason: Some(reason.clone()),
                can_retry: false,
            },
            Access::Locked => Self::locked(path),
        }
    }

    fn of_refusal(refusal: &Refusal, path: Option<&Path>) -> Self {
        if refusal.locked {
            return Self::locked(path);
        }
        Self {
            state: DatabaseState::Unavailable,
            reason: Some(refusal.error.message.clone()),
            can_retry: false,
        }
    }

    /// The banner already says what a lock means; the reason names the file.
    fn locked(path: Option<&Path>) -> Self {
        Self {
            state: DatabaseState::Locked,
            reason: Some(match path {
                Some(path) => format!("another program holds the lock on {}", path.display()),
                None => StoreError::Locked.to_string(),
            }),
            can_retry: true,
        }
    }
}

/// Why the database is not open; `locked` when another program's lock was the reason, which
/// a retry may get past.
#[derive(Debug, Clone)]
struct Refusal {
    error: ApiError,
    locked: bool,
}

type Opened = Result<Store, Refusal>;

/// The opened store, or why it could not be opened, once known. Cheap to clone into a
/// blocking task.
#[derive(Clone)]
pub struct Database {
    inner: Arc<OnceLock<Mutex<Opened>>>,
    /// The file, to open it again after a lock is released (none for a refused directory).
    path: Option<PathBuf>,
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.inner.get() {
            None => f.write_str("Database(opening)"),
            Some(slot) => match &*lock(slot) {
                Ok(_) => f.write_str("Database(open)"),
                Err(refusal) => write!(f, "Database(refused: {})", refusal.error.message),
            },
        }
    }
}

/// A panic in an earlier command poisons the lock; SQLite rolled back whatever that command
/// had not committed, so the store itself is still consistent.
fn lock(slot: &Mutex<Opened>) -> MutexGuard<'_, Opened> {
    slot.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Database {
    /// Opens (creating or migrating) the database at `path` and, on a new database, loads the
    /// examples. A refused database is kept as the error every command returns.
    pub fn open(path: &Path, now: DateTime<Utc>) -> Self {
        Self::ready(open_store(path, now), Some(path.to_path_buf()))
    }

    /// [`Database::open`] on a thread of its own; [`Database::run`] waits for it. A panic
    /// while opening becomes the error every command returns, so no command waits forever.
    pub fn open_in_background(path: PathBuf, now: DateTime<Utc>) -> Self {
        let database = Self {
            inner: Arc::new(OnceLock::new()),
            path: Some(path.clone()),
        };
        let slot = Arc::clone(&database.inner);
        let spawned = std::thread::Builder::new()
            .name("open-database".into())
            .spawn(move || {
                let opened =
                    std::panic::catch_unwind(|| open_store(&path, now)).unwrap_or_else(|_| {
                        Err(Refusal {
                            error: ApiError::internal(
                                "opening the database failed unexpectedly; restart Plancast",
                            ),
                            locked: false,
                        })
                    });
                let _ = slot.set(Mutex::new(opened));
            });
        if let Err(error) = spawned {
            let _ = database.inner.set(Mutex::new(Err(Refusal {
                error: ApiError::internal(format!("could not start opening the database: {error}")),
                locked: false,
            })));
        }
        database
    }

    pub fn from_store(store: Store) -> Self {
        Self::ready(Ok(store), None)
    }

    pub fn refused(error: ApiError) -> Self {
        Self::ready(
            Err(Refusal {
                error,
                locked: false,
            }),
            None,
        )
    }

    fn ready(opened: Opened, path: Option<PathBuf>) -> Self {
        Self {
            inner: Arc::new(OnceLock::from(Mutex::new(opened))),
            path,
        }
    }

    /// Runs `work` with the store locked, once it is open. Call it inside
    /// [`super::blocking`]: it blocks.
    pub fn run<T>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        match &mut *lock(self.inner.wait()) {
            Ok(store) => work(store),
            Err(refusal) => Err(refusal.error.clone()),
        }
    }

    /// Whether the database is open and can be saved to, once it is open (blocks).
    pub fn status(&self) -> DatabaseStatus {
        match &*lock(self.inner.wait()) {
            Ok(store) => DatabaseStatus::of_store(store, self.path.as_deref()),
            Err(refusal) => DatabaseStatus::of_refusal(refusal, self.path.as_deref()),
        }
    }

    /// "Try again" after a lock: checks the lock again, or opens the database again when its
    /// open was refused because of a lock. Anything else is left as it is. Blocks.
    pub fn retry(&self, now: DateTime<Utc>) -> Result<DatabaseStatus, ApiError> {
        let mut opened = lock(self.inner.wait());
        match &mut *opened {
            Ok(store) => {
                store.check_lock()?;
                Ok(DatabaseStatus::of_store(store, self.path.as_deref()))
            }
            Err(refusal) => {
                if let (true, Some(path)) = (refusal.locked, &self.path) {
                    *opened = open_store(path, now);
                }
                Ok(match &*opened {
                    Ok(store) => DatabaseStatus::of_store(store, self.path.as_deref()),
                    Err(refusal) => DatabaseStatus::of_refusal(refusal, self.path.as_deref()),
                })
            }
        }
    }
}

fn open_store(path: &Path, now: DateTime<Utc>) -> Opened {
    match Store::open(path) {
        Ok(mut store) => {
            // Examples are a convenience: failing to add them must not lock the user out.
            // Nothing can be added to a database that cannot be saved to.
            if store.access().can_save() {
                if let Err(error) = load_examples_once(&mut store, now) {
                    eprintln!("plancast: could not load the example scenarios: {error}");
                }
            }
            Ok(store)
        }
        Err(error) => Err(Refusal {
            locked: matches!(error, StoreError::Locked),
            error: ApiError::from(error),
        }),
    }
}

/// On a database with no scenarios where the examples were never loaded, adds the three
/// examples and records that it did, in one transaction: two launches at the same moment on
/// one new data folder load them once, and a crash leaves all three with the record or none.
/// Returns how many it added.
pub fn load_examples_once(store: &mut Store, now: DateTime<Utc>) -> Result<usize, ApiError> {
    if store.scenario_count()? > 0 || store.get_setting(EXAMPLES_LOADED)?.is_some() {
        return Ok(0);
    }
    let mut examples = Vec::with_capacity(EXAMPLES.len());
    for text in EXAMPLES {
        let scenario = pricing::parse_scenario(text).map_err(ApiError::invalid_fields)?;
        let document = super::scenarios::document_text(&scenario)?;
        examples.push((scenario.name.clone(), document));
    }
    Ok(store.create_scenarios_once(EXAMPLES_LOADED, &examples, now)?)
}
