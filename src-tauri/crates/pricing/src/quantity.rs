//! Usage quantities: a constant, one value per month, or a growth rule (docs/scenario-format.md,
//! "Quantities"), and the month-by-month series they give (rule GEN-7).

use rust_decimal::prelude::*;

/// A usage quantity: constant, one value per month, or a growth rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Quantity {
    Constant(Decimal),
    PerMonth(Vec<Decimal>),
    /// Month k is `start × (1 + percent/100)^k`, compounding on the exact value.
    Percent {
        start: Decimal,
        percent: Decimal,
    },
    /// Month k is `start + k × add`.
    Add {
        start: Decimal,
        add: Decimal,
    },
}

impl Quantity {
    pub fn constant(value: impl Into<Decimal>) -> Self {
        Quantity::Constant(value.into())
    }

    /// The exact values of the first `months` months; counts round up month by month after
    /// growth (rule GEN-7). `Err` names the first month whose value is negative or too large.
    pub fn series(&self, months: u32, count: bool) -> Result<Vec<Decimal>, SeriesError> {
        if let (Quantity::Constant(_), 2..) = (self, months) {
            // Every month is the first: checked and rounded once, then repeated.
            let first = self.series(1, count)?;
            return Ok(vec![first[0]; months as usize]);
        }
        let mut out = Vec::with_capacity(months as usize);
        let mut exact = match self {
            Quantity::Constant(v) => *v,
            Quantity::PerMonth(values) => values.first().copied().unwrap_or_default(),
            Quantity::Percent { start, .. } | Quantity::Add { start, .. } => *start,
        };
        let factor = match self {
            Quantity::Percent { percent, .. } => Some(
                Decimal::ONE
                    + percent
                        .checked_div(Decimal::ONE_HUNDRED)
                        .ok_or(SeriesError::TooLarge(0))?,
            ),
            _ => None,
        };
        for k in 0..months {
            if k > 0 {
                exact = match self {
                    Quantity::Constant(v) => *v,
                    Quantity::PerMonth(values) => {
                        values.get(k as usize).copied().unwrap_or_default()
                    }
                    Quantity::Percent { .. } => exact
                        .checked_mul(factor.unwrap_or(Decimal::ONE))
                        .ok_or(SeriesError::TooLarge(k))?,
                    Quantity::Add { add, .. } => {
                        exact.checked_add(*add).ok_or(SeriesError::TooLarge(k))?
                    }
                };
            }
            if exact.is_sign_negative() && !exact.is_zero() {
                return Err(SeriesError::Negative(k));
            }
            if too_large(exact) {
                return Err(SeriesError::TooLarge(k));
            }
            // rule GEN-7: counts round up after growth; storage and traffic stay decimal.
            out.push(if count {
                round_up(exact)
            } else {
                exact.normalize()
            });
        }
        Ok(out)
    }
}

/// The largest usage value accepted is 10^12 (`read::bounds::MAX_QUANTITY`): far above any
/// real workload, far below where decimal arithmetic on prices could overflow.
const LIMIT_DIGITS: u32 = 12;

/// Whether a value is above 10^12, asked of every month of every series. A decimal is its
/// mantissa m over 10^scale, so it exceeds 10^12 exactly when m exceeds 10^(12 + scale); this
/// compares integers instead of aligning a grown value's 28 decimals with the limit's none.
fn too_large(value: Decimal) -> bool {
    match 10i128.checked_pow(LIMIT_DIGITS + value.scale()) {
        Some(bound) => value.mantissa() > bound,
        // 10^39 and more: above any mantissa (< 2^96), so the value is below 10^12.
        None => false,
    }
}

/// The count a grown value rounds up to (rule GEN-7), written without decimals.
fn round_up(value: Decimal) -> Decimal {
    value.ceil().normalize()
}

/// Why a quantity series cannot be used; the number is the month index (0 = first month).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesError {
    Negative(u32),
    TooLarge(u32),
}

impl Quantity {
    /// The quantity from its first month on, growing `percent` a month (compounding): how a
    /// growth suggested from actual spend is applied to a copy of a scenario.
    pub fn growing(&self, percent: Decimal) -> Quantity {
        let start = match self {
            Quantity::Constant(v) => *v,
            Quantity::PerMonth(values) => values.first().copied().unwrap_or_default(),
            Quantity::Percent { start, .. } | Quantity::Add { start, .. } => *start,
        };
        Quantity::Percent { start, percent }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_constant_series_is_its_first_month_repeated() {
        use rust_decimal_macros::dec;
        for v in [
            dec!(0),
            dec!(3),
            dec!(2.50),
            dec!(7.0),
            dec!(-1),
            dec!(1000000000000001),
        ] {
            for count in [false, true] {
                let q = Quantity::Constant(v);
                let one = q.series(1, count);
                let many = q.series(5, count);
                match (one, many) {
                    (Ok(one), Ok(many)) => {
                        let text: Vec<String> = many.iter().map(|d| format!("{d:?}")).collect();
                        assert_eq!(text, vec![format!("{:?}", one[0]); 5], "{v} {count}");
                    }
                    (Err(a), Err(b)) => assert_eq!(a, b, "{v} {count}"),
                    (a, b) => panic!("{v} {count}: {a:?} / {b:?}"),
                }
                assert_eq!(q.series(0, count), Ok(vec![]));
            }
        }
    }

    #[test]
    fn too_large_is_the_decimal_comparison() {
        use rust_decimal_macros::dec;
        let mut values = vec![
            Decimal::ZERO,
            -Decimal::ZERO,
            dec!(0.000),
            dec!(1),
            dec!(0.5),
            dec!(7.0),
            dec!(9.2575),
            dec!(-3.5),
            dec!(1000000000000000),
            dec!(1000000000000000.0000000001),
            dec!(999999999999999.9999999999),
            dec!(1000000000000001),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
        ];
        // Grown values: 28 significant digits at every scale, as compounding leaves them.
        let mut grown = dec!(7);
        for _ in 0..400 {
            grown = grown.checked_mul(dec!(1.15)).unwrap_or(dec!(7));
            values.push(grown);
        }
        for scale in 0..=28u32 {
            for m in [
                1i128,
                5,
                10,
                999_999,
                (1i128 << 95) + 12_345,
                (1i128 << 96) - 1,
            ] {
                values.push(Decimal::from_i128_with_scale(m, scale));
            }
        }
        for v in values {
            let limit = Decimal::from(10u64.pow(LIMIT_DIGITS));
            assert_eq!(too_large(v), v > limit, "{v:?}");
        }
    }
}
