//! Converting typed values to and from their TEXT columns.
//!
//! Reading never panics: a value that does not parse (a corrupt TEXT decimal, an unknown
//! product) becomes `rusqlite::Error::FromSqlConversionFailure` carrying the column and the
//! offending text, which `StoreError::from` turns into `Damaged`.

use std::fmt;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use pricing::{Currency, PriceItem, Product, Site, YearMonth};
use rusqlite::types::Type;
use rusqlite::Row;
use rust_decimal::Decimal;

const DATE_FORMAT: &str = "%Y-%m-%d";

/// Fixed-width RFC 3339 in UTC with nanoseconds: sorts as text, round-trips exactly.
pub(crate) fn timestamp_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Nanos, true)
}

pub(crate) fn date_text(d: NaiveDate) -> String {
    d.format(DATE_FORMAT).to_string()
}

/// A stored value that is not what its column promises.
#[derive(Debug)]
struct BadValue {
    column: &'static str,
    value: String,
    expected: &'static str,
}

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "column `{}` holds {:?}, which is not {}",
            self.column, self.value, self.expected
        )
    }
}

impl std::error::Error for BadValue {}

fn parsed<T>(
    row: &Row<'_>,
    column: &'static str,
    expected: &'static str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = row.get(column)?;
    parse(&text).ok_or_else(|| {
        let index = row.as_ref().column_index(column).unwrap_or(usize::MAX);
        rusqlite::Error::FromSqlConversionFailure(
            index,
            Type::Text,
            Box::new(BadValue {
                column,
                value: text,
                expected,
            }),
        )
    })
}

fn parsed_opt<T>(
    row: &Row<'_>,
    column: &'static str,
    expected: &'static str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> rusqlite::Result<Option<T>> {
    let text: Option<String> = row.get(column)?;
    match text {
        None => Ok(None),
        Some(text) => match parse(&text) {
            Some(value) => Ok(Some(value)),
            None => {
                let index = row.as_ref().column_index(column).unwrap_or(usize::MAX);
                Err(rusqlite::Error::FromSqlConversionFailure(
                    index,
                    Type::Text,
                    Box::new(BadValue {
                        column,
                        value: text,
                        expected,
                    }),
                ))
            }
        },
    }
}

pub(crate) fn decimal(row: &Row<'_>, column: &'static str) -> rusqlite::Result<Decimal> {
    parsed(row, column, "an exact decimal", |s| {
        Decimal::from_str_exact(s).ok()
    })
}

pub(crate) fn timestamp(row: &Row<'_>, column: &'static str) -> rusqlite::Result<DateTime<Utc>> {
    parsed(row, column, "an RFC 3339 timestamp", |s| {
        DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    })
}

pub(crate) fn date(row: &Row<'_>, column: &'static str) -> rusqlite::Result<NaiveDate> {
    parsed(row, column, "a YYYY-MM-DD date", |s| {
        NaiveDate::parse_from_str(s, DATE_FORMAT).ok()
    })
}

pub(crate) fn optional_date(
    row: &Row<'_>,
    column: &'static str,
) -> rusqlite::Result<Option<NaiveDate>> {
    parsed_opt(row, column, "a YYYY-MM-DD date", |s| {
        NaiveDate::parse_from_str(s, DATE_FORMAT).ok()
    })
}

pub(crate) fn product(row: &Row<'_>, column: &'static str) -> rusqlite::Result<Product> {
    parsed(row, column, "a known product", Product::from_key)
}

pub(crate) fn price_item(row: &Row<'_>, column: &'static str) -> rusqlite::Result<PriceItem> {
    parsed(row, column, "a known price item", PriceItem::from_key)
}

pub(crate) fn site(row: &Row<'_>, column: &'static str) -> rusqlite::Result<Site> {
    parsed(row, column, "a known site", Site::from_key)
}

pub(crate) fn currency(row: &Row<'_>, column: &'static str) -> rusqlite::Result<Currency> {
    parsed(row, column, "a known currency", |s| s.parse().ok())
}

pub(crate) fn year_month(row: &Row<'_>, column: &'static str) -> rusqlite::Result<YearMonth> {
    parsed(row, column, "a YYYY-MM month", |s| s.parse().ok())
}

/// SQLite has no boolean; the column holds 0 or 1 and anything else is damage.
pub(crate) fn boolean(row: &Row<'_>, column: &'static str) -> rusqlite::Result<bool> {
    let value: i64 = row.get(column)?;
    match value {
        0 => Ok(false),
        1 => Ok(true),
        other => {
            let index = row.as_ref().column_index(column).unwrap_or(usize::MAX);
            Err(rusqlite::Error::FromSqlConversionFailure(
                index,
                Type::Integer,
                Box::new(BadValue {
                    column,
                    value: other.to_string(),
                    expected: "0 or 1",
                }),
            ))
        }
    }
}
