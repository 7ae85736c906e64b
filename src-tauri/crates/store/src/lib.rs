//! Plancast's storage: everything SQLite.
//!
//! [`Store::open`] is the one place a database file is opened (WAL, busy timeout, foreign
//! keys), checked and migrated; the repository methods on [`Store`] are plain synchronous
//! Rust over typed rows. The crate knows nothing of Tauri or of the pricing rules: scenario
//! and quote documents are opaque JSON text here, and money is `rust_decimal::Decimal`
//! stored as its exact decimal string. Product, site, currency and month are the pricing
//! crate's vocabulary ([`pricing::Product`], [`pricing::Site`], [`pricing::Currency`],
//! [`pricing::YearMonth`]), stored by their keys; nothing else of pricing is used here.
//!
//! Time is always passed in (`now: DateTime<Utc>`); the store reads the clock only in
//! [`Store::open`], to name the pre-migration backup.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod actuals;
mod column;
mod error;
mod open;
mod prices;
mod quotes;
mod scenarios;
pub mod schema;
mod settings;
mod updates;
mod values;

pub use actuals::{Actual, BillFigure};
pub use error::StoreError;
pub use open::{default_db_path, Access, Store, BUSY_TIMEOUT, DB_FILE_NAME, LOCK_CHECK_TIMEOUT};
pub use prices::{ExchangeRate, UserPrice, UserPriceFields};
pub use quotes::{NewSavedQuote, SavedQuote, SavedQuoteSummary};
pub use scenarios::{Scenario, ScenarioSummary};
pub use settings::Draft;
pub use updates::PriceBookUpdate;
pub use values::{parse_currency, parse_decimal, parse_month, parse_product, parse_site};

#[cfg(test)]
mod tests {
    /// The app moves the store into `spawn_blocking` behind a mutex; that needs `Send`.
    #[test]
    fn store_is_send() {
        fn assert_send<T: Send>() {}
        assert_send::<crate::Store>();
        assert_send::<crate::StoreError>();
    }
}
