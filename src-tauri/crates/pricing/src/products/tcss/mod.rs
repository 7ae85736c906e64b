//! Tencent Container Security Service (TCSS): its part of a scenario, how it is read and
//! written back, its month-by-month pricing and its alternatives (rules TCSS-PRO-1…TCSS-L-1).

mod compare;
mod form;
pub mod lines;
mod read;
pub mod rules;
mod sizing;
mod spec;

pub(crate) use compare::alternatives;
pub use form::form;
pub use lines::{TcssMonth, TcssSummary};
pub(crate) use read::read;
pub use spec::*;
