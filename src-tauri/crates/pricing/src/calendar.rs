//! Calendar months (rule GEN-6).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar month, written `YYYY-MM`: a scenario's months, and the month the store keeps
/// actual spend by (the same text in SQLite).
///
/// chrono has no year-month type, and a `NaiveDate` pinned to day 1 would let a caller pass a
/// day that is silently ignored; this type makes the month the whole value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    /// A month; `None` when `month` is not 1–12 or the year is outside 1900–9999.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        ((1..=12).contains(&month) && (1900..=9999).contains(&year)).then_some(Self { year, month })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    /// The month's first day: the date a month is priced at (rule GEN-4).
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("validated year and month")
    }

    /// The month `k` months later.
    pub fn plus(self, k: u32) -> Self {
        let index = self.year as i64 * 12 + (self.month as i64 - 1) + k as i64;
        Self {
            year: (index / 12) as i32,
            month: (index % 12) as u32 + 1,
        }
    }

    /// Months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i64 {
        (later.year as i64 * 12 + later.month as i64) - (self.year as i64 * 12 + self.month as i64)
    }

    /// The real number of days, 28–31 (rule GEN-6), by the Gregorian calendar's rule (chrono's
    /// too): asked for every month of every alternative, so no dates are built for it.
    pub fn days(self) -> u32 {
        let leap = self.year % 4 == 0 && (self.year % 100 != 0 || self.year % 400 == 0);
        match self.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// Hours in the month: days × 24 (rule GEN-6).
    pub fn hours(self) -> Decimal {
        Decimal::from(self.days() * 24)
    }

    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        let b = s.as_bytes();
        if b.len() != 7
            || b[4] != b'-'
            || !b
                .iter()
                .enumerate()
                .all(|(i, c)| i == 4 || c.is_ascii_digit())
        {
            return Err(());
        }
        let year = s[..4].parse().map_err(|_| ())?;
        let month = s[5..].parse().map_err(|_| ())?;
        YearMonth::new(year, month).ok_or(())
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse()
            .map_err(|_| serde::de::Error::custom(format!("expected YYYY-MM, got {text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gen_6_days_and_hours_are_real() {
        // rule GEN-6
        let ym = |s: &str| s.parse::<YearMonth>().unwrap();
        assert_eq!(ym("2027-01").days(), 31);
        assert_eq!(ym("2027-02").days(), 28);
        assert_eq!(ym("2028-02").days(), 29);
        assert_eq!(ym("2027-04").days(), 30);
        assert_eq!(ym("2027-01").hours(), Decimal::from(744));
        assert_eq!(ym("2027-02").hours(), Decimal::from(672));
        assert_eq!(ym("2027-11").plus(3).to_string(), "2028-02");
        assert_eq!(ym("2027-11").months_until(ym("2028-02")), 3);
        assert!("2027-13".parse::<YearMonth>().is_err());
        assert!("2027-1".parse::<YearMonth>().is_err());
        assert!("２027-01".parse::<YearMonth>().is_err());
    }

    #[test]
    fn only_yyyy_mm_reads_and_text_round_trips() {
        let m: YearMonth = "2025-03".parse().unwrap();
        assert_eq!((m.year(), m.month()), (2025, 3));
        assert_eq!(m.to_string(), "2025-03");
        for bad in [
            "2025-3",
            "2025-13",
            "2025-00",
            "25-03",
            "2025/03",
            "2025-03-01",
            "+025-03",
            "2025--3",
            "1899-12",
        ] {
            assert!(
                bad.parse::<YearMonth>().is_err(),
                "{bad} should be rejected"
            );
        }
        assert!("2024-12".parse::<YearMonth>().unwrap() < m);
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"2025-03\"");
        assert_eq!(serde_json::from_str::<YearMonth>("\"2025-03\"").unwrap(), m);
        assert!(serde_json::from_str::<YearMonth>("\"2025-3\"").is_err());
    }

    #[test]
    fn gen_6_days_agree_with_the_calendar() {
        // rule GEN-6: every month a scenario can name, against chrono's dates.
        for year in 1900..=9999 {
            for month in 1..=12 {
                let m = YearMonth::new(year, month).unwrap();
                let next = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap()
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1).unwrap()
                };
                assert_eq!(
                    i64::from(m.days()),
                    (next - m.first_day()).num_days(),
                    "{m}"
                );
            }
        }
    }
}
