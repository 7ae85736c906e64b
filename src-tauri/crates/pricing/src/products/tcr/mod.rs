//! Tencent Container Registry (TCR): its part of a scenario, how it is read and written back,
//! its month-by-month pricing and its alternatives (rules TCR-ED-1…TCR-L-1).

mod compare;
pub mod fit;
mod form;
pub mod lines;
mod read;
mod spec;

pub(crate) use compare::alternatives;
pub use fit::{Fit, Requirements, Series, Shortfall};
pub use form::{form, WEBHOOKS};
pub use lines::{EditionOption, MonthEntries, TcrMonth};
pub(crate) use read::read;
pub use spec::*;
