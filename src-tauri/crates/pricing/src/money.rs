//! Money: exact decimals with a currency (rule GEN-2) and exchange rates (rule GEN-8).

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
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

/// How a month converts one currency into another (rule GEN-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conversion {
    /// One unit of `from` is worth `factor` units of `to`.
    pub factor: Decimal,
    /// The date of the rate used; `None` when no rate is needed (the same currency).
    pub rate_date: Option<NaiveDate>,
    /// The month is before the pair's earliest rate, which it uses (the report says so).
    pub before_earliest: bool,
}

/// Finds how a month priced on `date` converts `from` into `to` (rule GEN-8, revised
/// 2026-12): at the latest rate dated on or before `date`; before the pair's earliest rate, at
/// the earliest. Only when the scenario has no rate at all in that direction are the other
/// direction's rates used, the same way, as 1 ÷ rate.
pub fn conversion_on(
    rates: &[Rate],
    from: Currency,
    to: Currency,
    date: NaiveDate,
) -> Result<Conversion, MissingRate> {
    if from == to {
        return Ok(Conversion {
            factor: Decimal::ONE,
            rate_date: None,
            before_earliest: false,
        });
    }
    let pick = |f: Currency, t: Currency| {
        let pair = || rates.iter().filter(move |r| r.from == f && r.to == t);
        // The latest on or before the date; else the earliest. Between two rates of one date,
        // the later in the list (the one entered last).
        match pair().filter(|r| r.date <= date).max_by_key(|r| r.date) {
            Some(r) => Some((r, false)),
            None => pair().min_by_key(|r| r.date).map(|r| (r, true)),
        }
    };
    if let Some((r, before_earliest)) = pick(from, to) {
        return Ok(Conversion {
            factor: r.rate,
            rate_date: Some(r.date),
            before_earliest,
        });
    }
    if let Some((r, before_earliest)) = pick(to, from) {
        // A zero rate has no inverse (the readers bound rates to 0.000001…1,000,000).
        if let Some(inverse) = Decimal::ONE.checked_div(r.rate) {
            return Ok(Conversion {
                factor: inverse,
                rate_date: Some(r.date),
                before_earliest,
            });
        }
    }
    Err(MissingRate { from, to })
}

/// Finds the factor that converts `from` into `to` at the latest rate of the pair (rule
/// GEN-8): [`conversion_on`] for a date after every rate. Whether a conversion is possible at
/// all does not depend on the date.
pub fn conversion_factor(
    rates: &[Rate],
    from: Currency,
    to: Currency,
) -> Result<Decimal, MissingRate> {
    conversion_on(rates, from, to, NaiveDate::MAX).map(|c| c.factor)
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
    fn gen_8_dated_rates_each_month_its_own() {
        // rule GEN-8 (revised 2026-12)
        let rate = |from, to, rate, date: &str| Rate {
            from,
            to,
            rate,
            date: date.parse().unwrap(),
        };
        let (usd, cny) = (Currency::Usd, Currency::Cny);
        let rates = vec![
            rate(cny, usd, dec!(0.15), "2027-03-01"),
            rate(cny, usd, dec!(0.14), "2027-01-15"),
            rate(usd, cny, dec!(7), "2026-01-01"),
        ];
        let on = |from, to, d: &str| conversion_on(&rates, from, to, d.parse().unwrap()).unwrap();
        // Before the earliest: the earliest, and says so.
        let c = on(cny, usd, "2027-01-01");
        assert_eq!((c.factor, c.before_earliest), (dec!(0.14), true));
        assert_eq!(c.rate_date, Some("2027-01-15".parse().unwrap()));
        // On or after a rate's date: the latest such.
        assert_eq!(on(cny, usd, "2027-01-15").factor, dec!(0.14));
        assert_eq!(on(cny, usd, "2027-02-28").factor, dec!(0.14));
        assert_eq!(on(cny, usd, "2027-03-01").factor, dec!(0.15));
        assert!(!on(cny, usd, "2030-01-01").before_earliest);
        // The direction asked for has rates of its own: the other direction is not used.
        assert_eq!(on(usd, cny, "2027-06-01").factor, dec!(7));
        // Only the other direction: 1 ÷ rate, dated the same way.
        let only_usd_cny = vec![
            rate(usd, cny, dec!(8), "2027-01-01"),
            rate(usd, cny, dec!(5), "2027-06-01"),
        ];
        let c = conversion_on(&only_usd_cny, cny, usd, "2027-07-01".parse().unwrap()).unwrap();
        assert_eq!(c.factor, dec!(0.2));
        let c = conversion_on(&only_usd_cny, cny, usd, "2026-12-01".parse().unwrap()).unwrap();
        assert_eq!(
            (c.factor, c.before_earliest),
            (Decimal::ONE / dec!(8), true)
        );
        // The same currency needs no rate.
        assert_eq!(on(usd, usd, "2000-01-01").factor, Decimal::ONE);
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
