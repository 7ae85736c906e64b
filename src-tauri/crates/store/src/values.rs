//! Small value types the store validates: product, currency, calendar month, amounts.
//!
//! The store does not depend on the pricing crate (it must stay usable without it), so it
//! has its own tiny copies of these vocabularies. Their text forms are what is stored in
//! SQLite and what crosses IPC, so they are the contract with the app's conversions.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::StoreError;

/// The three products Plancast plans for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Product {
    /// Tencent Cloud Container Registry.
    Tcr,
    /// Tencent Cloud Container Security Service.
    Tcss,
    /// Alibaba Cloud Image Search.
    ImageSearch,
}

impl Product {
    /// Every product, in display order.
    pub const ALL: [Product; 3] = [Product::Tcr, Product::Tcss, Product::ImageSearch];

    /// The stored and serialized name: `tcr`, `tcss` or `image_search`.
    pub fn as_str(self) -> &'static str {
        match self {
            Product::Tcr => "tcr",
            Product::Tcss => "tcss",
            Product::ImageSearch => "image_search",
        }
    }
}

/// SQL expression ordering the `product` column like [`Product::ALL`] (and `Product`'s
/// `Ord`), rather than alphabetically, so lists read in the UI's product order.
pub(crate) const PRODUCT_ORDER_SQL: &str =
    "CASE product WHEN 'tcr' THEN 0 WHEN 'tcss' THEN 1 WHEN 'image_search' THEN 2 ELSE 3 END";

impl fmt::Display for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Product {
    type Err = StoreError;

    /// Exact, case-sensitive match on the stored names; anything else is `Invalid`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Product::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| {
                StoreError::invalid(
                    "product",
                    format!("{s:?} is not one of tcr, tcss, image_search"),
                )
            })
    }
}

/// The currencies prices and spend are recorded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    /// US dollar.
    Usd,
    /// Chinese yuan (renminbi).
    Cny,
}

impl Currency {
    /// Every currency.
    pub const ALL: [Currency; 2] = [Currency::Usd, Currency::Cny];

    /// The ISO 4217 code: `USD` or `CNY`.
    pub fn as_str(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Cny => "CNY",
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Currency {
    type Err = StoreError;

    /// Exact ISO code in upper case; anything else is `Invalid`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| StoreError::invalid("currency", format!("{s:?} is not one of USD, CNY")))
    }
}

/// A calendar month, written `YYYY-MM` (the key of monthly actuals).
///
/// chrono has no year-month type, and a `NaiveDate` pinned to day 1 would let a caller pass
/// a day that is silently ignored; this type makes the month the whole value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: u16,
    month: u8,
}

impl YearMonth {
    /// A month from its parts; `Invalid` unless year is 1000–9999 and month 1–12 (four-digit
    /// years keep the text form fixed-width, so text order is date order).
    pub fn new(year: u16, month: u8) -> Result<Self, StoreError> {
        if !(1000..=9999).contains(&year) {
            return Err(StoreError::invalid(
                "month",
                format!("year {year} is not a four-digit year"),
            ));
        }
        if !(1..=12).contains(&month) {
            return Err(StoreError::invalid(
                "month",
                format!("month {month} is not between 1 and 12"),
            ));
        }
        Ok(YearMonth { year, month })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = StoreError;

    /// Exactly `YYYY-MM` (seven characters, zero-padded month); anything else is `Invalid`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || StoreError::invalid("month", format!("{s:?} is not a month like 2025-03"));
        let bytes = s.as_bytes();
        if bytes.len() != 7 || bytes[4] != b'-' {
            return Err(bad());
        }
        let digits = |part: &str| -> Option<u16> {
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let year = s.get(0..4).and_then(digits).ok_or_else(bad)?;
        let month = s.get(5..7).and_then(digits).ok_or_else(bad)?;
        let month = u8::try_from(month).map_err(|_| bad())?;
        YearMonth::new(year, month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Parses user-typed text as an exact decimal, for adapters that receive amounts as
/// strings. Rejects anything `Decimal` would have to round (too many digits) rather than
/// silently changing the amount; `field` names the input in the error.
pub fn parse_decimal(field: &'static str, text: &str) -> Result<Decimal, StoreError> {
    Decimal::from_str_exact(text.trim())
        .map_err(|e| StoreError::invalid(field, format!("{text:?} is not a decimal number: {e}")))
}

pub(crate) fn require_non_negative(field: &'static str, value: Decimal) -> Result<(), StoreError> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(StoreError::invalid(
            field,
            format!("{value} must not be negative"),
        ));
    }
    Ok(())
}

pub(crate) fn require_text(field: &'static str, value: &str) -> Result<(), StoreError> {
    if value.trim().is_empty() {
        return Err(StoreError::invalid(field, "must not be empty"));
    }
    Ok(())
}

/// Checks that text is well-formed JSON. The store treats documents as opaque, but a
/// document that is not even JSON is a bug upstream, best caught before it is saved.
pub(crate) fn require_json(
    field: &'static str,
    value: &str,
) -> Result<serde_json::Value, StoreError> {
    serde_json::from_str(value)
        .map_err(|e| StoreError::invalid(field, format!("is not well-formed JSON: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_text_round_trips_and_rejects_others() {
        for p in Product::ALL {
            assert_eq!(p.as_str().parse::<Product>().ok(), Some(p));
        }
        assert!(matches!(
            "TCR".parse::<Product>(),
            Err(StoreError::Invalid {
                field: "product",
                ..
            })
        ));
        assert!("imagesearch".parse::<Product>().is_err());
    }

    #[test]
    fn currency_text_round_trips_and_rejects_others() {
        assert_eq!("USD".parse::<Currency>().ok(), Some(Currency::Usd));
        assert_eq!("CNY".parse::<Currency>().ok(), Some(Currency::Cny));
        assert!(matches!(
            "usd".parse::<Currency>(),
            Err(StoreError::Invalid {
                field: "currency",
                ..
            })
        ));
        assert!("EUR".parse::<Currency>().is_err());
    }

    #[test]
    fn year_month_accepts_only_yyyy_mm() {
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
            "２０２５-03",
        ] {
            assert!(
                matches!(
                    bad.parse::<YearMonth>(),
                    Err(StoreError::Invalid { field: "month", .. })
                ),
                "{bad} should be rejected"
            );
        }
    }

    #[test]
    fn year_month_orders_by_date() {
        let a: YearMonth = "2024-12".parse().unwrap();
        let b: YearMonth = "2025-01".parse().unwrap();
        assert!(a < b);
    }

    #[test]
    fn year_month_serializes_as_text() {
        let m: YearMonth = "2025-11".parse().unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"2025-11\"");
        assert_eq!(serde_json::from_str::<YearMonth>("\"2025-11\"").unwrap(), m);
        assert!(serde_json::from_str::<YearMonth>("\"2025-1\"").is_err());
    }

    #[test]
    fn parse_decimal_is_exact() {
        assert_eq!(
            parse_decimal("amount", "12.50").unwrap().to_string(),
            "12.50"
        );
        assert!(matches!(
            parse_decimal("amount", "12,5"),
            Err(StoreError::Invalid {
                field: "amount",
                ..
            })
        ));
        // More digits than a Decimal holds must be refused, not rounded.
        assert!(parse_decimal("amount", "0.12345678901234567890123456789").is_err());
    }
}
