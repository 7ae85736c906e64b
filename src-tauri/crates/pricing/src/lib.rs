//! The Plancast pricing core.
//!
//! Prices a scenario month by month for Tencent Container Registry (TCR), Tencent Container
//! Security Service (TCSS) and Alibaba Cloud Image Search, compares every plan alternative and
//! evaluates budgets. Every rule cites its ID in `../shared/spec/pricing-rules.md`.
//!
//! The crate is pure: no clock, no files, no database, no floating point. Dates come in as
//! arguments; the built-in price book is data embedded at compile time.

// Money is exact: no floating-point arithmetic anywhere in pricing (rule GEN-2).
#![deny(
    clippy::float_arithmetic,
    clippy::float_cmp,
    clippy::cast_precision_loss
)]

pub mod book;
pub mod budget;
pub mod calendar;
pub mod compare;
pub mod ids;
pub mod image_search;
pub mod jsonread;
pub mod message;
pub mod money;
pub mod quote;
pub mod scenario;
pub mod tcr;
pub mod tcss;
mod totals;

pub use book::{PriceBook, PriceEntry};
pub use calendar::YearMonth;
pub use compare::{compare, Comparison};
pub use ids::{Edition, Product, Site};
pub use message::{Lang, Message};
pub use money::Currency;
pub use quote::{quote, Line, MonthQuote, Quote, QuoteError};
pub use scenario::{parse_scenario, FieldError, Scenario};
