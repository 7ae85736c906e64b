//! Alibaba Cloud Image Search: its part of a scenario, how it is read and written back, its
//! month-by-month pricing and its alternatives (rules IS-1…IS-7).

mod compare;
mod form;
pub mod lines;
pub mod packages;
mod read;
mod spec;

pub(crate) use compare::alternatives;
pub use form::form;
pub use lines::{ImageSearchMonth, ImageSearchSummary};
pub use packages::{Package, PackageChange};
pub(crate) use read::read;
pub use spec::*;
