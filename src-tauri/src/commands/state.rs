//! The state every command of one running app shares. It lives with the commands that read
//! it, so the window (`crate::app`) depends on the commands and never the other way round.

use std::path::PathBuf;

use super::database::Database;

/// State shared by every command of one running app.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Where this user's database and settings live (created at start-up).
    pub data_dir: PathBuf,
    /// The database, opened once at start-up in the background (commands wait for it); if
    /// the store refused the file, every command that needs it returns that refusal as a
    /// `database` error and the window still opens.
    pub database: Database,
}
