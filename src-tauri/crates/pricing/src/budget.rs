//! Budgets: monthly status, cumulative view and actuals (rules BUD-1…BUD-4).

use rust_decimal::{Decimal, MathematicalOps};
use serde::{Deserialize, Serialize};

use crate::calendar::YearMonth;
use crate::ids::Product;
use crate::money::{conversion_on, convert, Currency, MissingRate, Rate};
use crate::overflow::Overflow;
use crate::scenario::Budget;

/// A month's standing against a budget (rule BUD-2). The UI sees it as `BudgetStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "BudgetStatus"))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Below the warning threshold.
    Ok,
    /// From the warning threshold up to 100 %.
    Warning,
    /// Above 100 %.
    Over,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warning => "warning",
            Status::Over => "over",
        }
    }
}

/// The status of spend against a limit with a warning threshold (rule BUD-2): *ok* below
/// `warn_at`, *warning* from it, *over* above 100 %. A zero budget is over as soon as anything
/// is spent.
pub fn status(spend: Decimal, limit: Decimal, warn_at: Decimal) -> Status {
    if limit.is_zero() {
        return if spend > Decimal::ZERO {
            Status::Over
        } else {
            Status::Ok
        };
    }
    match spend.checked_div(limit) {
        Some(utilisation) => status_at(utilisation, warn_at),
        // Spend more than 7.9 × 10^28 times the limit is far over it (same sign: both ≥ 0).
        None => Status::Over,
    }
}

/// The status of a utilisation (spend ÷ a limit that is not zero), as [`status`] finds it.
fn status_at(utilisation: Decimal, warn_at: Decimal) -> Status {
    if utilisation > Decimal::ONE {
        Status::Over
    } else if utilisation >= warn_at {
        Status::Warning
    } else {
        Status::Ok
    }
}

/// One budget in one month (rules BUD-2, BUD-3). Amounts are in the budget's currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetMonth {
    pub product: Option<Product>,
    /// The monthly limit, or `None` in months outside the budget's start…end.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub amount: Option<Decimal>,
    pub currency: Currency,
    /// `amount` in the report currency (for charts beside spend).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub amount_converted: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str")]
    pub spend: Decimal,
    /// budget − spend
    #[serde(with = "rust_decimal::serde::str_option")]
    pub variance: Option<Decimal>,
    /// spend ÷ budget
    #[serde(with = "rust_decimal::serde::str_option")]
    pub utilisation: Option<Decimal>,
    pub status: Option<Status>,
    #[serde(with = "rust_decimal::serde::str")]
    pub cumulative_spend: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub cumulative_budget: Decimal,
    pub cumulative_status: Option<Status>,
}

/// A budget over the whole scenario (rule BUD-3).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetSummary {
    pub budget: Budget,
    #[serde(with = "rust_decimal::serde::str")]
    pub total_spend: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub total_budget: Decimal,
    /// The first month whose spend reaches the warning threshold.
    pub first_warning: Option<YearMonth>,
    /// The first month whose spend is above the budget.
    pub first_over: Option<YearMonth>,
    /// The first month whose cumulative spend is above the cumulative budget.
    pub first_cumulative_over: Option<YearMonth>,
}

/// Spend of one month, per product, in the report currency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthSpend {
    pub month: YearMonth,
    /// The date the month converts at (rules GEN-4, GEN-8): its price date.
    pub date: chrono::NaiveDate,
    /// Each product's spend, in [`Product::ALL`] order.
    pub by_product: [Decimal; Product::ALL.len()],
}

impl MonthSpend {
    /// One product's spend, or the whole month's (`None`). Within a quote it cannot
    /// overflow: the month's total, which the quote has computed with checks, is at least
    /// any of its non-negative parts (see [`MonthSpend::of_checked`] otherwise).
    pub fn of(&self, product: Option<Product>) -> Decimal {
        self.of_checked(product).unwrap_or(Decimal::MAX)
    }

    /// [`MonthSpend::of`], `None` when the sum is beyond what a decimal holds.
    pub fn of_checked(&self, product: Option<Product>) -> Option<Decimal> {
        match product {
            None => crate::money::checked_sum(self.by_product),
            Some(p) => Some(
                Product::ALL
                    .iter()
                    .zip(self.by_product)
                    .find(|(q, _)| **q == p)
                    .map_or(Decimal::ZERO, |(_, spend)| spend),
            ),
        }
    }
}

/// Why budgets or actuals cannot be evaluated: a currency with no rate, or a figure too large
/// to compute.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BudgetError {
    #[error(transparent)]
    MissingRate(#[from] MissingRate),
    #[error(transparent)]
    TooLarge(#[from] Overflow),
}

/// Evaluates every budget against monthly spend (rules BUD-1…BUD-3). Spend is converted from
/// the report currency to each budget's currency with the scenario's rates (rule GEN-8).
/// Returns, per month, one entry per budget in the scenario's order, and one summary per budget.
/// A figure too large to compute is an error naming the budget (`budgets[i]`) and the month.
pub fn evaluate(
    budgets: &[Budget],
    spend: &[MonthSpend],
    report: Currency,
    rates: &[Rate],
) -> Result<(Vec<Vec<BudgetMonth>>, Vec<BudgetSummary>), BudgetError> {
    let mut per_month: Vec<Vec<BudgetMonth>> = vec![Vec::with_capacity(budgets.len()); spend.len()];
    let mut summaries = Vec::with_capacity(budgets.len());
    for (i, b) in budgets.iter().enumerate() {
        let field = || format!("budgets[{i}]");
        let mut cumulative_spend = Decimal::ZERO;
        let mut cumulative_budget = Decimal::ZERO;
        let mut summary = BudgetSummary {
            budget: b.clone(),
            total_spend: Decimal::ZERO,
            total_budget: Decimal::ZERO,
            first_warning: None,
            first_over: None,
            first_cumulative_over: None,
        };
        for (k, m) in spend.iter().enumerate() {
            // rule BUD-1: a budget applies from its start month, optionally to its end month.
            let in_force =
                b.start.is_none_or(|s| m.month >= s) && b.end.is_none_or(|e| m.month <= e);
            let too_large = || Overflow::new(field(), Some(m.month));
            // rule GEN-8: each month converts at its own rate, both ways (none is needed for a
            // budget in the report currency).
            let (factor, back) = if b.currency == report {
                (Decimal::ONE, Decimal::ONE)
            } else {
                (
                    conversion_on(rates, report, b.currency, m.date)?.factor,
                    conversion_on(rates, b.currency, report, m.date)?.factor,
                )
            };
            let amount_converted = convert(b.amount, back)
                .ok_or_else(|| Overflow::new(format!("budgets[{i}].amount"), Some(m.month)))?;
            let month_spend = m
                .of_checked(b.product)
                .and_then(|s| convert(s, factor))
                .ok_or_else(too_large)?;
            let entry = if in_force {
                cumulative_spend = cumulative_spend
                    .checked_add(month_spend)
                    .ok_or_else(too_large)?;
                cumulative_budget = cumulative_budget
                    .checked_add(b.amount)
                    .ok_or_else(too_large)?;
                // The month's utilisation is also what its status is judged by: divide once.
                let utilisation = if b.amount.is_zero() {
                    None
                } else {
                    Some(month_spend.checked_div(b.amount).ok_or_else(too_large)?)
                };
                let variance = b.amount.checked_sub(month_spend).ok_or_else(too_large)?;
                let st = match utilisation {
                    Some(u) => status_at(u, b.warn_at),
                    None => status(month_spend, b.amount, b.warn_at),
                };
                let cumulative_st = status(cumulative_spend, cumulative_budget, b.warn_at);
                if st != Status::Ok && summary.first_warning.is_none() {
                    summary.first_warning = Some(m.month);
                }
                if st == Status::Over && summary.first_over.is_none() {
                    summary.first_over = Some(m.month);
                }
                if cumulative_st == Status::Over && summary.first_cumulative_over.is_none() {
                    summary.first_cumulative_over = Some(m.month);
                }
                BudgetMonth {
                    product: b.product,
                    amount: Some(b.amount),
                    currency: b.currency,
                    amount_converted: Some(amount_converted),
                    spend: month_spend,
                    variance: Some(variance),
                    utilisation,
                    status: Some(st),
                    cumulative_spend,
                    cumulative_budget,
                    cumulative_status: Some(cumulative_st),
                }
            } else {
                BudgetMonth {
                    product: b.product,
                    amount: None,
                    currency: b.currency,
                    amount_converted: None,
                    spend: month_spend,
                    variance: None,
                    utilisation: None,
                    status: None,
                    cumulative_spend,
                    cumulative_budget,
                    cumulative_status: None,
                }
            };
            per_month[k].push(entry);
        }
        summary.total_spend = cumulative_spend;
        summary.total_budget = cumulative_budget;
        summaries.push(summary);
    }
    Ok((per_month, summaries))
}

/// Actual spend a user recorded for a product and month (rule BUD-4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actual {
    pub product: Product,
    pub month: YearMonth,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub currency: Currency,
}

/// Projection and actual side by side (rule BUD-4), in the report currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActualRow {
    pub month: YearMonth,
    pub product: Product,
    #[serde(with = "rust_decimal::serde::str")]
    pub projected: Decimal,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub actual: Option<Decimal>,
    /// actual − projected, where both exist.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub error: Option<Decimal>,
    /// (actual − projected) ÷ projected, where both exist and the projection is not zero.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub error_ratio: Option<Decimal>,
}

/// "From the last N months of actuals, growth looks like X % a month" (rule BUD-4): the
/// compound monthly growth of the whole actual spend over the last run of consecutive months
/// that have actuals, at most [`GROWTH_MONTHS`] of them and at least three, each above zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GrowthSuggestion {
    pub from: YearMonth,
    pub to: YearMonth,
    pub months: u32,
    /// (last ÷ first)^(1 ÷ (months − 1)) − 1, as a percentage rounded to one decimal.
    #[serde(with = "rust_decimal::serde::str")]
    pub monthly_percent: Decimal,
}

/// The most months a growth suggestion looks back over.
pub const GROWTH_MONTHS: usize = 6;

/// The growth the actual spend of `rows` suggests; `None` with fewer than three consecutive
/// months of actuals above zero at the end.
pub fn suggest_growth(rows: &[ActualRow]) -> Option<GrowthSuggestion> {
    let mut months: Vec<(YearMonth, Decimal)> = Vec::new();
    for r in rows {
        let Some(a) = r.actual else { continue };
        match months.iter_mut().find(|(m, _)| *m == r.month) {
            Some((_, total)) => *total = total.checked_add(a)?,
            None => months.push((r.month, a)),
        }
    }
    months.sort_by_key(|(m, _)| *m);
    // The last run of consecutive months, each above zero.
    let mut run: Vec<(YearMonth, Decimal)> = Vec::new();
    for (m, total) in months {
        let follows = run.last().is_some_and(|(last, _)| last.plus(1) == m);
        if total <= Decimal::ZERO {
            run.clear();
            continue;
        }
        if !follows {
            run.clear();
        }
        run.push((m, total));
    }
    let run = &run[run.len().saturating_sub(GROWTH_MONTHS)..];
    if run.len() < 3 {
        return None;
    }
    let (first, last) = (run[0], run[run.len() - 1]);
    let steps = Decimal::from(run.len() as u64 - 1);
    let ratio = last.1.checked_div(first.1)?;
    let growth = ratio.checked_powd(Decimal::ONE.checked_div(steps)?)?;
    let percent = growth
        .checked_sub(Decimal::ONE)?
        .checked_mul(Decimal::ONE_HUNDRED)?
        .round_dp(1);
    Some(GrowthSuggestion {
        from: first.0,
        to: last.0,
        months: run.len() as u32,
        monthly_percent: percent.normalize(),
    })
}

/// Sets actual spend beside the projection with the forecast error (rule BUD-4). A figure too
/// large to compute is an error naming the product's actual spend and the month.
pub fn reconcile(
    spend: &[MonthSpend],
    products: &[Product],
    actuals: &[Actual],
    report: Currency,
    rates: &[Rate],
) -> Result<Vec<ActualRow>, BudgetError> {
    let mut rows = Vec::new();
    for m in spend {
        for &p in products {
            let projected = m.of(Some(p));
            let too_large = || Overflow::new(format!("actuals.{}", p.key()), Some(m.month));
            let actual = match actuals
                .iter()
                .find(|a| a.month == m.month && a.product == p)
            {
                Some(a) => Some(
                    convert(
                        a.amount,
                        conversion_on(rates, a.currency, report, m.date)?.factor,
                    )
                    .ok_or_else(too_large)?,
                ),
                None => None,
            };
            let error = match actual {
                Some(a) => Some(a.checked_sub(projected).ok_or_else(too_large)?),
                None => None,
            };
            let error_ratio = match error.filter(|_| !projected.is_zero()) {
                Some(e) => Some(e.checked_div(projected).ok_or_else(too_large)?),
                None => None,
            };
            rows.push(ActualRow {
                month: m.month,
                product: p,
                projected,
                actual,
                error,
                error_ratio,
            });
        }
    }
    Ok(rows)
}

/// One month's spend for judging budgets once actuals are known (rules BUD-2, BUD-4): each
/// product's recorded actual (in the report currency) where there is one, its projection
/// otherwise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BlendedMonth {
    /// The spend budgets are judged by: actual where recorded, projection elsewhere.
    pub spend: MonthSpend,
    /// Each product's projection, unchanged, in [`Product::ALL`] order.
    pub projected: [Decimal; Product::ALL.len()],
    /// Whether each product's figure in `spend` is an actual, in [`Product::ALL`] order.
    pub actual: [bool; Product::ALL.len()],
}

impl BlendedMonth {
    /// Whether an actual stands in `product`'s spend, or (`None`) in any product's.
    pub fn has_actual(&self, product: Option<Product>) -> bool {
        match product {
            None => self.actual.contains(&true),
            Some(p) => Product::ALL
                .iter()
                .zip(self.actual)
                .any(|(q, actual)| *q == p && actual),
        }
    }

    /// The sum of the recorded actuals of the month (report currency), `None` without any.
    /// `None` also when the sum overflows, which [`blend`] has ruled out.
    pub fn actual_total(&self) -> Option<Decimal> {
        if !self.has_actual(None) {
            return None;
        }
        crate::money::checked_sum(
            self.spend
                .by_product
                .iter()
                .zip(self.actual)
                .filter(|(_, actual)| *actual)
                .map(|(v, _)| *v),
        )
    }
}

/// Replaces the projection by the recorded actual, per month and product (rules BUD-4, BUD-2):
/// the result is what [`evaluate`] judges budget status and cumulative figures by in months
/// that have actuals. An actual is converted from its currency to the report currency with
/// `rates` (rule GEN-8); one for a month outside `spend` is left out; when a product and month
/// has several, the first counts (as in [`reconcile`]). The projection itself is unchanged.
///
/// A figure too large to compute is an error naming the product's actual spend and the month.
pub fn blend(
    spend: &[MonthSpend],
    actuals: &[Actual],
    report: Currency,
    rates: &[Rate],
) -> Result<Vec<BlendedMonth>, BudgetError> {
    let mut out = Vec::with_capacity(spend.len());
    for m in spend {
        let mut blended = BlendedMonth {
            spend: *m,
            projected: m.by_product,
            actual: [false; Product::ALL.len()],
        };
        for (k, p) in Product::ALL.iter().enumerate() {
            let Some(a) = actuals
                .iter()
                .find(|a| a.month == m.month && a.product == *p)
            else {
                continue;
            };
            let too_large = || Overflow::new(format!("actuals.{}", p.key()), Some(m.month));
            let converted = convert(
                a.amount,
                conversion_on(rates, a.currency, report, m.date)?.factor,
            )
            .ok_or_else(too_large)?;
            blended.spend.by_product[k] = converted;
            blended.actual[k] = true;
        }
        // The month's whole spend is summed by `evaluate`: refuse here one beyond a decimal.
        if blended.spend.of_checked(None).is_none() {
            return Err(Overflow::new("actuals", Some(m.month)).into());
        }
        out.push(blended);
    }
    Ok(out)
}

/// [`evaluate`] with actuals in place of the projection where recorded (rules BUD-2, BUD-4).
pub fn evaluate_blended(
    budgets: &[Budget],
    blended: &[BlendedMonth],
    report: Currency,
    rates: &[Rate],
) -> Result<(Vec<Vec<BudgetMonth>>, Vec<BudgetSummary>), BudgetError> {
    let spend: Vec<MonthSpend> = blended.iter().map(|b| b.spend).collect();
    evaluate(budgets, &spend, report, rates)
}

/// A calendar year's spend at the pace of its actuals (a display rule beside BUD-4; see
/// "Year at the pace of actuals" in docs/pricing-rules.md). Amounts are in the report
/// currency, exact; they are rounded only for display.
///
/// Over the scenario's months in `year`, each pair of a month and a product is either
/// *recorded* (it has an actual) or *remaining* (it has none):
///
/// - `actual` = Σ actual over the recorded pairs ("actuals so far");
/// - `actual_projected` = Σ projection over the same recorded pairs;
/// - `ratio` = `actual` ÷ `actual_projected`, the pace; `None` when `actual_projected` is zero
///   (no projection to measure the pace against);
/// - `remaining` = Σ projection over the remaining pairs;
/// - `at_pace` = `actual` + `remaining` × `ratio` (with no ratio, `actual` + `remaining`);
/// - `projected` = Σ projection over every pair: the year as projected.
///
/// Only the scenario's months count: a scenario starting in April has a nine-month 2027.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearPace {
    pub year: i32,
    /// Months of the year with at least one actual.
    pub months_with_actuals: u32,
    /// The scenario's months in the year.
    pub months: u32,
    pub actual: Decimal,
    pub actual_projected: Decimal,
    pub ratio: Option<Decimal>,
    pub remaining: Decimal,
    pub at_pace: Decimal,
    pub projected: Decimal,
}

/// [`YearPace`] for each calendar year with at least one actual, in calendar order. No
/// actuals: no years. A figure too large to compute is an error naming `actuals` (and the
/// month being added, for a sum).
pub fn year_pace(blended: &[BlendedMonth]) -> Result<Vec<YearPace>, BudgetError> {
    let mut years: Vec<YearPace> = Vec::new();
    for m in blended {
        let year = m.spend.month.year();
        let too_large = || Overflow::new("actuals", Some(m.spend.month));
        if years.last().is_none_or(|y| y.year != year) {
            years.push(YearPace {
                year,
                months_with_actuals: 0,
                months: 0,
                actual: Decimal::ZERO,
                actual_projected: Decimal::ZERO,
                ratio: None,
                remaining: Decimal::ZERO,
                at_pace: Decimal::ZERO,
                projected: Decimal::ZERO,
            });
        }
        let Some(y) = years.last_mut() else {
            continue;
        };
        y.months += 1;
        if m.has_actual(None) {
            y.months_with_actuals += 1;
        }
        for k in 0..Product::ALL.len() {
            let projected = m.projected[k];
            y.projected = y.projected.checked_add(projected).ok_or_else(too_large)?;
            if m.actual[k] {
                y.actual = y
                    .actual
                    .checked_add(m.spend.by_product[k])
                    .ok_or_else(too_large)?;
                y.actual_projected = y
                    .actual_projected
                    .checked_add(projected)
                    .ok_or_else(too_large)?;
            } else {
                y.remaining = y.remaining.checked_add(projected).ok_or_else(too_large)?;
            }
        }
    }
    years.retain(|y| y.months_with_actuals > 0);
    for y in &mut years {
        let too_large = || Overflow::new("actuals", None);
        y.ratio = if y.actual_projected.is_zero() {
            None
        } else {
            Some(
                y.actual
                    .checked_div(y.actual_projected)
                    .ok_or_else(too_large)?,
            )
        };
        let scaled = match y.ratio {
            Some(r) => y.remaining.checked_mul(r).ok_or_else(too_large)?,
            None => y.remaining,
        };
        y.at_pace = y.actual.checked_add(scaled).ok_or_else(too_large)?;
    }
    Ok(years)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn ym(s: &str) -> YearMonth {
        s.parse().unwrap()
    }

    fn budget(amount: Decimal, product: Option<Product>) -> Budget {
        Budget {
            name: None,
            amount,
            currency: Currency::Usd,
            product,
            warn_at: dec!(0.8),
            start: None,
            end: None,
        }
    }

    fn row(month: &str, product: Product, actual: Option<Decimal>) -> ActualRow {
        ActualRow {
            month: ym(month),
            product,
            projected: Decimal::ZERO,
            actual,
            error: None,
            error_ratio: None,
        }
    }

    #[test]
    fn bud_4_growth_suggested_from_the_last_months_of_actuals() {
        // rule BUD-4: 100, 110, 121 over three months is 10 % a month; both products count.
        let rows = vec![
            row("2027-01", Product::Tcr, Some(dec!(60))),
            row("2027-01", Product::Tcss, Some(dec!(40))),
            row("2027-02", Product::Tcr, Some(dec!(110))),
            row("2027-03", Product::Tcr, Some(dec!(121))),
            row("2027-04", Product::Tcr, None),
        ];
        let s = suggest_growth(&rows).unwrap();
        assert_eq!(
            (s.from, s.to, s.months, s.monthly_percent),
            (ym("2027-01"), ym("2027-03"), 3, dec!(10))
        );
        // Shrinking spend: a negative growth.
        let rows = vec![
            row("2027-01", Product::Tcr, Some(dec!(100))),
            row("2027-02", Product::Tcr, Some(dec!(90))),
            row("2027-03", Product::Tcr, Some(dec!(81))),
        ];
        assert_eq!(suggest_growth(&rows).unwrap().monthly_percent, dec!(-10));
        // Two months, a gap, or a month at zero or below: not enough to say.
        assert_eq!(suggest_growth(&rows[..2]), None);
        let gap = vec![
            row("2027-01", Product::Tcr, Some(dec!(100))),
            row("2027-02", Product::Tcr, Some(dec!(110))),
            row("2027-04", Product::Tcr, Some(dec!(121))),
        ];
        assert_eq!(suggest_growth(&gap), None);
        let credit = vec![
            row("2027-01", Product::Tcr, Some(dec!(100))),
            row("2027-02", Product::Tcr, Some(dec!(-5))),
            row("2027-03", Product::Tcr, Some(dec!(121))),
        ];
        assert_eq!(suggest_growth(&credit), None);
        // At most the last six months count.
        let long: Vec<ActualRow> = (1..=9)
            .map(|m| {
                let a = if m <= 3 { dec!(1) } else { dec!(100) };
                row(&format!("2027-{m:02}"), Product::Tcr, Some(a))
            })
            .collect();
        let s = suggest_growth(&long).unwrap();
        assert_eq!(
            (s.from, s.months, s.monthly_percent),
            (ym("2027-04"), 6, dec!(0))
        );
    }

    fn spend(month: &str, tcr: Decimal, tcss: Decimal) -> MonthSpend {
        MonthSpend {
            month: ym(month),
            date: ym(month).first_day(),
            by_product: Product::ALL.map(|p| match p {
                Product::Tcr => tcr,
                Product::Tcss => tcss,
                _ => Decimal::ZERO,
            }),
        }
    }

    #[test]
    fn bud_2_status_thresholds() {
        // rule BUD-2
        assert_eq!(status(dec!(79.99), dec!(100), dec!(0.8)), Status::Ok);
        assert_eq!(status(dec!(80), dec!(100), dec!(0.8)), Status::Warning);
        assert_eq!(status(dec!(100), dec!(100), dec!(0.8)), Status::Warning);
        assert_eq!(status(dec!(100.01), dec!(100), dec!(0.8)), Status::Over);
        assert_eq!(status(dec!(95), dec!(100), dec!(0.95)), Status::Warning);
        assert_eq!(status(dec!(0), dec!(0), dec!(0.8)), Status::Ok);
        assert_eq!(status(dec!(1), dec!(0), dec!(0.8)), Status::Over);
    }

    #[test]
    fn bud_1_bud_2_whole_scenario_and_per_product() {
        // rules BUD-1, BUD-2
        let spend = [
            spend("2027-01", dec!(50), dec!(30)),
            spend("2027-02", dec!(70), dec!(50)),
        ];
        let (months, _) = evaluate(
            &[
                budget(dec!(100), None),
                budget(dec!(40), Some(Product::Tcss)),
            ],
            &spend,
            Currency::Usd,
            &[],
        )
        .unwrap();
        assert_eq!(months[0][0].status, Some(Status::Warning));
        assert_eq!(months[0][0].variance, Some(dec!(20)));
        assert_eq!(months[0][0].utilisation, Some(dec!(0.8)));
        assert_eq!(months[0][1].status, Some(Status::Ok));
        assert_eq!(months[1][0].status, Some(Status::Over));
        assert_eq!(months[1][1].status, Some(Status::Over));
        assert_eq!(months[1][1].variance, Some(dec!(-10)));
    }

    #[test]
    fn bud_1_start_and_end_months() {
        // rule BUD-1
        let mut b = budget(dec!(100), None);
        b.start = Some(ym("2027-02"));
        b.end = Some(ym("2027-02"));
        let spend = [
            spend("2027-01", dec!(500), dec!(0)),
            spend("2027-02", dec!(10), dec!(0)),
            spend("2027-03", dec!(500), dec!(0)),
        ];
        let (months, summary) = evaluate(&[b], &spend, Currency::Usd, &[]).unwrap();
        assert_eq!(
            (
                months[0][0].status,
                months[1][0].status,
                months[2][0].status
            ),
            (None, Some(Status::Ok), None)
        );
        assert_eq!(summary[0].total_budget, dec!(100));
        assert_eq!(summary[0].first_over, None);
    }

    #[test]
    fn bud_3_cumulative_and_first_crossings() {
        // rule BUD-3
        let spend = [
            spend("2027-01", dec!(50), dec!(0)),
            spend("2027-02", dec!(85), dec!(0)),
            spend("2027-03", dec!(120), dec!(0)),
            spend("2027-04", dec!(90), dec!(0)),
        ];
        let (months, summary) =
            evaluate(&[budget(dec!(100), None)], &spend, Currency::Usd, &[]).unwrap();
        assert_eq!(summary[0].first_warning, Some(ym("2027-02")));
        assert_eq!(summary[0].first_over, Some(ym("2027-03")));
        // Cumulative: 50, 135, 255 vs 100, 200, 300 → 345 > 400? no; 255 ≤ 300; 345 ≤ 400.
        assert_eq!(summary[0].first_cumulative_over, None);
        assert_eq!(months[3][0].cumulative_spend, dec!(345));
        assert_eq!(months[3][0].cumulative_budget, dec!(400));
        assert_eq!(months[3][0].cumulative_status, Some(Status::Warning));
        assert_eq!(summary[0].total_spend, dec!(345));
    }

    #[test]
    fn bud_2_budget_in_another_currency_is_converted() {
        // rules BUD-2, GEN-8
        let rates = [Rate {
            from: Currency::Usd,
            to: Currency::Cny,
            rate: dec!(7),
            date: "2026-11-01".parse().unwrap(),
        }];
        let mut b = budget(dec!(700), None);
        b.currency = Currency::Cny;
        let (months, _) = evaluate(
            &[b.clone()],
            &[spend("2027-01", dec!(100), dec!(0))],
            Currency::Usd,
            &rates,
        )
        .unwrap();
        assert_eq!(
            (months[0][0].spend, months[0][0].status),
            (dec!(700), Some(Status::Warning))
        );
        assert!(evaluate(
            &[b],
            &[spend("2027-01", dec!(1), dec!(0))],
            Currency::Usd,
            &[]
        )
        .is_err());
    }

    #[test]
    fn bud_4_actuals_beside_projection() {
        // rule BUD-4
        let spend = [
            spend("2027-01", dec!(100), dec!(0)),
            spend("2027-02", dec!(100), dec!(0)),
        ];
        let actuals = [Actual {
            product: Product::Tcr,
            month: ym("2027-01"),
            amount: dec!(110),
            currency: Currency::Usd,
        }];
        let rows = reconcile(&spend, &[Product::Tcr], &actuals, Currency::Usd, &[]).unwrap();
        assert_eq!(rows[0].error, Some(dec!(10)));
        assert_eq!(rows[0].error_ratio, Some(dec!(0.1)));
        assert_eq!(rows[1].actual, None);
        assert_eq!(rows[1].error, None);
    }

    fn actual(product: Product, month: &str, amount: Decimal, currency: Currency) -> Actual {
        Actual {
            product,
            month: ym(month),
            amount,
            currency,
        }
    }

    #[test]
    fn bud_4_bud_2_no_actuals_blend_to_the_projection() {
        // rules BUD-2, BUD-4: without actuals, budgets are judged by the projection.
        let spend = [
            spend("2027-01", dec!(50), dec!(30)),
            spend("2027-02", dec!(70), dec!(50)),
        ];
        let blended = blend(&spend, &[], Currency::Usd, &[]).unwrap();
        assert!(blended.iter().all(|b| !b.has_actual(None)));
        assert!(blended.iter().all(|b| b.actual_total().is_none()));
        let budgets = [budget(dec!(100), None)];
        assert_eq!(
            evaluate_blended(&budgets, &blended, Currency::Usd, &[]).unwrap(),
            evaluate(&budgets, &spend, Currency::Usd, &[]).unwrap()
        );
        assert_eq!(year_pace(&blended).unwrap(), vec![]);
    }

    #[test]
    fn bud_4_bud_2_an_actual_replaces_the_projection_in_budget_status() {
        // rules BUD-2, BUD-3, BUD-4: January's TCR actual (95) stands in for its projection
        // (50); TCSS keeps its projection (30). Status and cumulative figures follow.
        let projection = [
            spend("2027-01", dec!(50), dec!(30)),
            spend("2027-02", dec!(50), dec!(30)),
        ];
        let actuals = [actual(Product::Tcr, "2027-01", dec!(95), Currency::Usd)];
        let blended = blend(&projection, &actuals, Currency::Usd, &[]).unwrap();
        assert_eq!(
            blended[0].spend.by_product,
            spend("2027-01", dec!(95), dec!(30)).by_product
        );
        assert_eq!(
            blended[0].projected,
            spend("2027-01", dec!(50), dec!(30)).by_product
        );
        assert!(blended[0].has_actual(None));
        assert!(blended[0].has_actual(Some(Product::Tcr)));
        assert!(!blended[0].has_actual(Some(Product::Tcss)));
        assert!(!blended[1].has_actual(None));
        assert_eq!(blended[0].actual_total(), Some(dec!(95)));
        let budgets = [
            budget(dec!(100), None),
            budget(dec!(40), Some(Product::Tcss)),
        ];
        let (months, summary) = evaluate_blended(&budgets, &blended, Currency::Usd, &[]).unwrap();
        assert_eq!(months[0][0].spend, dec!(125));
        assert_eq!(months[0][0].status, Some(Status::Over));
        assert_eq!(months[0][1].status, Some(Status::Ok));
        assert_eq!(months[1][0].status, Some(Status::Warning));
        assert_eq!(months[1][0].cumulative_spend, dec!(205));
        assert_eq!(summary[0].first_over, Some(ym("2027-01")));
        // The projection alone was never over.
        let (_, projected) = evaluate(&budgets, &projection, Currency::Usd, &[]).unwrap();
        assert_eq!(projected[0].first_over, None);
    }

    #[test]
    fn bud_4_actuals_in_another_currency_are_converted_before_blending() {
        // rules BUD-4, GEN-8: 800 CNY at 0.125 USD to the yuan is 100 USD.
        let rates = [Rate {
            from: Currency::Cny,
            to: Currency::Usd,
            rate: dec!(0.125),
            date: "2026-11-01".parse().unwrap(),
        }];
        let spend = [spend("2027-01", dec!(50), dec!(0))];
        let actuals = [actual(Product::Tcr, "2027-01", dec!(800), Currency::Cny)];
        let blended = blend(&spend, &actuals, Currency::Usd, &rates).unwrap();
        assert_eq!(blended[0].spend.by_product[0], dec!(100));
        assert!(matches!(
            blend(&spend, &actuals, Currency::Usd, &[]),
            Err(BudgetError::MissingRate(_))
        ));
        // An actual outside the scenario's months is left out.
        let later = [actual(Product::Tcr, "2030-01", dec!(1), Currency::Usd)];
        let blended = blend(&spend, &later, Currency::Usd, &[]).unwrap();
        assert!(!blended[0].has_actual(None));
    }

    #[test]
    fn bud_4_blending_beyond_a_decimal_is_an_overflow_not_a_panic() {
        // rule BUD-4: checked arithmetic; an overflow names the actuals and the month.
        let rates = [Rate {
            from: Currency::Cny,
            to: Currency::Usd,
            rate: dec!(1000),
            date: "2026-11-01".parse().unwrap(),
        }];
        let one = [spend("2027-01", dec!(1), dec!(1))];
        let huge = [actual(Product::Tcr, "2027-01", Decimal::MAX, Currency::Cny)];
        match blend(&one, &huge, Currency::Usd, &rates) {
            Err(BudgetError::TooLarge(o)) => {
                assert_eq!(o.field, "actuals.tcr");
                assert_eq!(o.month, Some(ym("2027-01")));
            }
            other => panic!("{other:?}"),
        }
        // Each actual fits, their month's sum does not.
        let two = [
            actual(Product::Tcr, "2027-01", Decimal::MAX, Currency::Usd),
            actual(Product::Tcss, "2027-01", Decimal::MAX, Currency::Usd),
        ];
        match blend(&one, &two, Currency::Usd, &[]) {
            Err(BudgetError::TooLarge(o)) => assert_eq!(o.field, "actuals"),
            other => panic!("{other:?}"),
        }
        // A year's sum beyond a decimal.
        let zero = [
            spend("2027-01", dec!(0), dec!(0)),
            spend("2027-02", dec!(0), dec!(0)),
        ];
        let each = [
            actual(Product::Tcr, "2027-01", Decimal::MAX, Currency::Usd),
            actual(Product::Tcr, "2027-02", Decimal::MAX, Currency::Usd),
        ];
        let blended = blend(&zero, &each, Currency::Usd, &[]).unwrap();
        assert!(matches!(year_pace(&blended), Err(BudgetError::TooLarge(_))));
    }

    #[test]
    fn bud_4_year_at_the_pace_of_actuals() {
        // rule BUD-4 (display rule "year at the pace of actuals"): January and February have
        // TCR actuals of 110 and 130 against a projection of 100 each (pace 240 ÷ 200 = 1.2);
        // the rest of the year — TCR March…December (10 × 100) and TCSS all year (12 × 10) —
        // is projected at 1,120 and scaled by 1.2 to 1,344: 240 + 1,344 = 1,584, projected
        // 1,320.
        let spend: Vec<MonthSpend> = (1..=12)
            .map(|m| spend(&format!("2027-{m:02}"), dec!(100), dec!(10)))
            .collect();
        let actuals = [
            actual(Product::Tcr, "2027-01", dec!(110), Currency::Usd),
            actual(Product::Tcr, "2027-02", dec!(130), Currency::Usd),
        ];
        let blended = blend(&spend, &actuals, Currency::Usd, &[]).unwrap();
        let pace = year_pace(&blended).unwrap();
        assert_eq!(pace.len(), 1);
        let y = &pace[0];
        assert_eq!((y.year, y.months_with_actuals, y.months), (2027, 2, 12));
        assert_eq!(y.actual, dec!(240));
        assert_eq!(y.actual_projected, dec!(200));
        assert_eq!(y.ratio, Some(dec!(1.2)));
        assert_eq!(y.remaining, dec!(1120));
        assert_eq!(y.at_pace, dec!(1584));
        assert_eq!(y.projected, dec!(1320));
    }

    #[test]
    fn bud_4_year_pace_is_per_calendar_year_and_exact() {
        // rule BUD-4: a scenario from November 2027 to February 2028 has two years; only the
        // one with actuals gets a pace. A pace of 1/3 stays exact (no rounding before display).
        let spend = [
            spend("2027-11", dec!(30), dec!(0)),
            spend("2027-12", dec!(30), dec!(0)),
            spend("2028-01", dec!(30), dec!(0)),
            spend("2028-02", dec!(30), dec!(0)),
        ];
        let actuals = [actual(Product::Tcr, "2028-01", dec!(10), Currency::Usd)];
        let blended = blend(&spend, &actuals, Currency::Usd, &[]).unwrap();
        let pace = year_pace(&blended).unwrap();
        assert_eq!(pace.len(), 1);
        let y = &pace[0];
        assert_eq!((y.year, y.months), (2028, 2));
        assert_eq!(y.at_pace, dec!(10) + dec!(30) * (dec!(10) / dec!(30)));
        assert_eq!(crate::money::cents_text(y.at_pace), "20.00");
        assert_eq!(y.projected, dec!(60));
    }

    #[test]
    fn bud_4_year_pace_with_a_zero_projection_adds_the_rest_unscaled() {
        // rule BUD-4: an actual where nothing was projected (a free trial month) gives no
        // pace to scale by: the year is the actuals plus the remaining projection.
        let spend = [
            spend("2027-01", dec!(0), dec!(0)),
            spend("2027-02", dec!(100), dec!(0)),
        ];
        let actuals = [actual(Product::Tcr, "2027-01", dec!(5), Currency::Usd)];
        let blended = blend(&spend, &actuals, Currency::Usd, &[]).unwrap();
        let y = &year_pace(&blended).unwrap()[0];
        assert_eq!(y.ratio, None);
        assert_eq!(y.at_pace, dec!(105));
        assert_eq!(y.projected, dec!(100));
    }
}
