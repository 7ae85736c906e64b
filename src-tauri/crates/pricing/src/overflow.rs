//! A figure too large to compute: what pricing reports instead of panicking when arithmetic on
//! a scenario's or a price's values goes beyond what a decimal holds (docs/scenario-format.md,
//! "Bounds"). Every sum, product and conversion on user values is checked (`checked_add`,
//! `checked_mul`, `money::convert`, `money::checked_sum`) and an overflow becomes this.

use crate::calendar::YearMonth;
use crate::message::Message;

/// A figure too large to compute: the arithmetic on a scenario's or a price's values went
/// beyond what a decimal holds (about 7.9 × 10^28). It names what was being computed — a line
/// (`tcr.storage`), a month's `total`, a budget (`budgets[0]`) — and the month, when the
/// figure is one month's. Values within the bounds (`read::bounds`) reach it only through
/// long growth or large sums; a price stored before the bounds existed, directly.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message().render(crate::message::Lang::En))]
pub struct Overflow {
    pub field: String,
    pub month: Option<YearMonth>,
}

impl Overflow {
    pub fn new(field: impl Into<String>, month: Option<YearMonth>) -> Overflow {
        Overflow {
            field: field.into(),
            month,
        }
    }

    /// `quote.too_large` with `{field, month}`, or `quote.too_large_total` with `{field}` for
    /// a figure of the whole scenario.
    pub fn message(&self) -> Message {
        match self.month {
            Some(month) => Message::new("quote.too_large")
                .text("field", self.field.as_str())
                .text("month", month),
            None => Message::new("quote.too_large_total").text("field", self.field.as_str()),
        }
    }
}
