//! Money: exact decimals with a currency (rule GEN-2) and exchange rates (rule GEN-8).

use std::fmt;
use std::str::FromStr;

use compact_str::{CompactString, ToCompactString};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// A currency the price book and reports use (rule GEN-1), and that prices and spend are
/// recorded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Currency {
    /// US dollar.
    #[serde(rename = "USD")]
    Usd,
    /// Chinese yuan (renminbi).
    #[serde(rename = "CNY")]
    Cny,
}

impl Currency {
    /// Every currency.
    pub const ALL: [Currency; 2] = [Currency::Usd, Currency::Cny];

    /// The ISO 4217 code, the stored and serialized form: `USD` or `CNY`.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Cny => "CNY",
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = ();

    /// The exact ISO code in upper case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|c| c.code() == s).ok_or(())
    }
}

/// Rounds a money amount for a person to read: 2 decimals, half away from zero (rule GEN-2).
/// Only the edges (screen, tables, CSV amount columns) call this; computation never does.
pub fn round_cents(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Formats an amount rounded to cents with exactly two decimals (rule GEN-2).
pub fn cents_text(amount: Decimal) -> String {
    let mut r = round_cents(amount);
    r.rescale(2);
    r.to_string()
}

/// Writes an exact decimal without trailing zeros (`208.3200` → `208.32`, `744.0` → `744`).
pub fn exact_text(value: Decimal) -> String {
    value.normalize().to_string()
}

/// Writes a decimal exactly as its own `Display` does, whole numbers faster: notes and
/// shortfalls write figures for every month of a projection, and most are counts (rule GEN-7).
/// A whole non-negative number with no precision asked for is its digits, which the integer
/// formatter writes in a fraction of the time.
#[derive(Debug, Clone, Copy)]
pub struct Figure(pub Decimal);

impl Figure {
    /// The figure as a short string kept inline, without the formatting machinery for whole
    /// numbers (shortfalls write two for every edition that misses a quota, every month).
    pub fn to_compact(self) -> CompactString {
        let value = self.0;
        match u64::try_from(value.mantissa()) {
            Ok(n) if value.scale() == 0 && value.is_sign_positive() => n.to_compact_string(),
            _ => value.to_compact_string(),
        }
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        match u64::try_from(value.mantissa()) {
            Ok(n) if value.scale() == 0 && value.is_sign_positive() && f.precision().is_none() => {
                fmt::Display::fmt(&n, f)
            }
            _ => fmt::Display::fmt(&value, f),
        }
    }
}

/// `amount × factor`, the conversion of an amount to the report currency (rule GEN-8);
/// `None` when the result is beyond what a decimal holds.
#[inline]
pub fn convert(amount: Decimal, factor: Decimal) -> Option<Decimal> {
    amount.checked_mul(factor)
}

/// Adds `values` in order from zero, as `Iterator::sum` does, or `None` on overflow.
pub fn checked_sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v))
}

/// An exchange rate: one unit of `from` is worth `rate` units of `to` (rule GEN-8).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rate {
    pub from: Currency,
    pub to: Currency,
    #[serde(with = "rust_decimal::serde::str")]
    pub rate: Decimal,
    pub date: chrono::NaiveDate,
}

/// A conversion asked for a currency pair the scenario has no rate for (rule GEN-8).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no exchange rate from {from} to {to}: add one to the scenario's rates")]
pub struct MissingRate {
    pub from: Currency,
    pub to: Currency,
}

/// Finds the factor that converts `from` into `to` (rule GEN-8). A direct rate wins; the
/// inverse pair is derived when only the other direction is given. When several rates for the
/// same pair exist, the latest dated one is used.
pub fn conversion_factor(
    rates: &[Rate],
    from: Currency,
    to: Currency,
) -> Result<Decimal, MissingRate> {
    if from == to {
        return Ok(Decimal::ONE);
    }
    let latest = |f: Currency, t: Currency| {
        rates
            .iter()
            .filter(|r| r.from == f && r.to == t)
            .max_by_key(|r| r.date)
            .map(|r| r.rate)
    };
    if let Some(rate) = latest(from, to) {
        return Ok(rate);
    }
    if let Some(rate) = latest(to, from) {
        // A zero rate has no inverse (the readers bound rates to 0.000001…1,000,000).
        if let Some(inverse) = Decimal::ONE.checked_div(rate) {
            return Ok(inverse);
        }
    }
    Err(MissingRate { from, to })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn gen_2_rounds_half_away_from_zero_only_at_the_edge() {
        // rule GEN-2
        assert_eq!(round_cents(dec!(0.005)), dec!(0.01));
        assert_eq!(round_cents(dec!(-0.005)), dec!(-0.01));
        assert_eq!(round_cents(dec!(2.344999)), dec!(2.34));
        assert_eq!(cents_text(dec!(208.32)), "208.32");
        assert_eq!(cents_text(dec!(7)), "7.00");
        // A rounded total is the rounded exact sum, not the sum of rounded lines.
        let lines = [dec!(0.004), dec!(0.004), dec!(0.004)];
        let exact: Decimal = lines.iter().sum();
        assert_eq!(round_cents(exact), dec!(0.01));
        let summed_rounded: Decimal = lines.iter().map(|l| round_cents(*l)).sum();
        assert_eq!(summed_rounded, dec!(0.00));
        // Unit prices keep their decimals.
        assert_eq!(exact_text(dec!(0.0060)), "0.006");
    }

    #[test]
    fn figures_are_written_as_decimals_are() {
        let mut values = vec![
            Decimal::ZERO,
            -Decimal::ZERO,
            Decimal::ONE,
            dec!(744),
            dec!(-5),
            dec!(7.0),
            dec!(0.006),
            dec!(310.0).normalize(),
            dec!(18446744073709551615),
            dec!(18446744073709551616),
            Decimal::MAX,
            Decimal::MIN,
        ];
        values.extend((0..200u64).map(|i| Decimal::from(i * i * 7919)));
        values.extend((0..50i64).map(|i| Decimal::new(i * 12345 - 300_000, (i % 5) as u32)));
        for v in values {
            assert_eq!(Figure(v).to_string(), v.to_string(), "{v:?}");
            assert_eq!(Figure(v).to_compact(), v.to_string(), "{v:?}");
            assert_eq!(format!("{:>12}", Figure(v)), format!("{v:>12}"), "{v:?}");
            assert_eq!(format!("{:+}", Figure(v)), format!("{v:+}"), "{v:?}");
            assert_eq!(format!("{:.2}", Figure(v)), format!("{v:.2}"), "{v:?}");
        }
    }

    #[test]
    fn gen_8_direct_inverse_and_missing_rates() {
        // rule GEN-8
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let rates = vec![Rate {
            from: Currency::Cny,
            to: Currency::Usd,
            rate: dec!(0.125),
            date,
        }];
        assert_eq!(
            conversion_factor(&rates, Currency::Cny, Currency::Usd),
            Ok(dec!(0.125))
        );
        assert_eq!(
            conversion_factor(&rates, Currency::Usd, Currency::Cny),
            Ok(dec!(8))
        );
        assert_eq!(
            conversion_factor(&rates, Currency::Usd, Currency::Usd),
            Ok(Decimal::ONE)
        );
        let err = conversion_factor(&[], Currency::Cny, Currency::Usd).unwrap_err();
        assert_eq!(
            err.to_string(),
            "no exchange rate from CNY to USD: add one to the scenario's rates"
        );
    }
}
