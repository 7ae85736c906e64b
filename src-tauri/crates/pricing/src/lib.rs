//! The Plancast pricing core.
//!
//! Prices a scenario month by month for Tencent Container Registry (TCR), Tencent Container
//! Security Service (TCSS) and Alibaba Cloud Image Search, compares every plan alternative and
//! evaluates budgets. Every rule cites its ID in `docs/pricing-rules.md`.
//!
//! The crate is pure: no clock, no files, no database, no floating point. Dates come in as
//! arguments; the built-in price book is data embedded at compile time.

// Money is exact: no floating-point arithmetic anywhere in pricing (rule GEN-2).
#![deny(
    clippy::float_arithmetic,
    clippy::float_cmp,
    clippy::cast_precision_loss
)]

pub mod alternative;
pub mod book;
pub mod budget;
pub mod calendar;
pub mod compare;
pub mod form;
pub mod fuzz;
pub mod horizon;
pub mod ids;
pub mod jsonread;
pub mod line;
pub mod message;
pub mod money;
pub mod overflow;
pub mod products;
pub mod quantity;
pub mod quote;
pub mod read;
pub mod scenario;
pub mod update;

pub use book::{PriceBook, PriceEntry};
pub use calendar::YearMonth;
pub use compare::{compare, Comparison};
pub use ids::{Cloud, Edition, PriceItem, Product, Site};
pub use line::{Line, Note};
pub use message::{Lang, Message};
pub use money::Currency;
pub use products::{ProductDetail, ProductSpec};
pub use quote::{quote, MonthQuote, Quote, QuoteError};
pub use read::FieldError;
pub use scenario::{parse_scenario, Scenario};
