//! The months a scenario spans and the date each is priced at: all that a product's pricing
//! needs to know of the scenario beyond its own part.

use chrono::NaiveDate;

use crate::calendar::YearMonth;

/// The scenario's months: from `start`, `months` long, each priced as of its first day or of
/// the pinned `price_date` (rule GEN-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Horizon {
    pub start: YearMonth,
    pub months: u32,
    pub price_date: Option<NaiveDate>,
}

impl Horizon {
    /// The months in order.
    pub fn month_list(&self) -> impl Iterator<Item = YearMonth> + '_ {
        (0..self.months).map(|k| self.start.plus(k))
    }

    /// The date month `k` is priced at: the pinned price date, or the month's first day
    /// (rule GEN-4).
    pub fn price_date_of(&self, k: u32) -> NaiveDate {
        self.price_date
            .unwrap_or_else(|| self.start.plus(k).first_day())
    }
}
