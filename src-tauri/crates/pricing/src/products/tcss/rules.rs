//! Tencent Container Security Service: Pro licences, overage, the elastic cap, licence sizing,
//! trial, image scanning and log analysis (rules TCSS-T-1, TCSS-PRO-1…TCSS-PRO-6,
//! TCSS-SCAN-1…TCSS-SCAN-4, TCSS-LOG-1).

use rust_decimal::Decimal;
use serde::Serialize;

/// How the days of one month are spent, as a scenario describes them: `cores` on ordinary
/// days, `peak_cores` on `peak_days` days. Decision: peak days are the month's last days, so a
/// trial's free first week covers ordinary days first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthUsage {
    pub days: u32,
    pub cores: Decimal,
    pub peak_cores: Decimal,
    pub peak_days: u32,
    /// Free days at the start of the month (the trial, rule TCSS-T-1).
    pub free_days: u32,
}

impl MonthUsage {
    /// Charged ordinary days and charged peak days.
    pub fn charged_days(&self) -> (Decimal, Decimal) {
        let (ordinary, peak) = self.charged_day_counts();
        (Decimal::from(ordinary), Decimal::from(peak))
    }

    pub(crate) fn charged_day_counts(&self) -> (u32, u32) {
        let ordinary = self.days - self.peak_days;
        let free_ordinary = self.free_days.min(ordinary);
        let free_peak = (self.free_days - free_ordinary).min(self.peak_days);
        (ordinary - free_ordinary, self.peak_days - free_peak)
    }

    /// The most cores in use on any day.
    pub fn max_cores(&self) -> Decimal {
        if self.peak_days > 0 {
            self.cores.max(self.peak_cores)
        } else {
            self.cores
        }
    }

    /// Elastically billed core-days with `licensed` prepaid cores: Σ over charged days of
    /// min(max(0, cores that day − L), cap) (rules TCSS-PRO-2, TCSS-PRO-4, TCSS-PRO-5).
    pub fn elastic_core_days(&self, licensed: Decimal, cap: Option<Decimal>) -> Decimal {
        self.whole_elastic_core_days(licensed, cap)
            .unwrap_or_else(|| self.decimal_elastic_core_days(licensed, cap))
    }

    /// [`MonthUsage::elastic_core_days`] in integers when cores, licence and cap are whole
    /// numbers written without decimals, as counts are (rule GEN-7): then every step of the
    /// decimal sum is a whole number without decimals too, so this is the same decimal, for a
    /// fraction of the work. Licence sizing (rule TCSS-PRO-3) asks it of every candidate licence
    /// of every month. `None` when a figure has decimals; a test checks both ways agree.
    fn whole_elastic_core_days(&self, licensed: Decimal, cap: Option<Decimal>) -> Option<Decimal> {
        let whole = |d: Decimal| (d.scale() == 0).then(|| d.mantissa());
        let (cores, peak_cores, licensed) = (
            whole(self.cores)?,
            whole(self.peak_cores)?,
            whole(licensed)?,
        );
        let cap = match cap {
            Some(c) => Some(whole(c)?),
            None => None,
        };
        let excess = |n: i128| {
            let over = (n - licensed).max(0);
            cap.map_or(over, |c| over.min(c))
        };
        let (ordinary, peak) = self.charged_day_counts();
        let peak_part = if self.peak_days > 0 {
            i128::from(peak) * excess(peak_cores)
        } else {
            0
        };
        Decimal::try_from_i128_with_scale(i128::from(ordinary) * excess(cores) + peak_part, 0).ok()
    }

    fn decimal_elastic_core_days(&self, licensed: Decimal, cap: Option<Decimal>) -> Decimal {
        let excess = |n: Decimal| {
            let over = (n - licensed).max(Decimal::ZERO);
            cap.map_or(over, |c| over.min(c))
        };
        let (ordinary, peak) = self.charged_days();
        let peak_part = if self.peak_days > 0 {
            peak * excess(self.peak_cores)
        } else {
            Decimal::ZERO
        };
        ordinary * excess(self.cores) + peak_part
    }
}

/// Prices of the Pro edition in force for a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProPrices {
    /// Per licensed core per month (rule TCSS-PRO-1).
    pub prepaid: Decimal,
    /// Per core per day (rule TCSS-PRO-2).
    pub daily: Decimal,
}

impl ProPrices {
    /// Days of a month on which a core must run to be cheaper prepaid (rule TCSS-PRO-3):
    /// prepaid ÷ daily price (intl 27, cn 30).
    pub fn break_even_days(&self) -> Decimal {
        if self.daily.is_zero() {
            Decimal::ZERO
        } else {
            // A daily price so far below the prepaid one that the ratio is beyond a decimal:
            // prepaid never pays.
            self.prepaid.checked_div(self.daily).unwrap_or(Decimal::MAX)
        }
    }
}

/// The cost of one month with `licensed` prepaid cores: L × prepaid + overage
/// (rule TCSS-PRO-4). It ranks licence levels, so a cost beyond what a decimal holds
/// saturates at the largest one (never cheaper than another); the lines written for the
/// chosen level are computed with checks and a quote refuses one that overflows.
pub fn month_cost(
    usage: &MonthUsage,
    prices: ProPrices,
    licensed: Decimal,
    cap: Option<Decimal>,
) -> Decimal {
    licensed.saturating_mul(prices.prepaid).saturating_add(
        usage
            .elastic_core_days(licensed, cap)
            .saturating_mul(prices.daily),
    )
}

/// The licence levels worth trying: the cost is piecewise linear in L with corners only at 0,
/// at each day's core count and at each core count minus the cap, so the optimum is one of them.
/// Written into `out` (room for 1 + 4 per month), sorted and without repeats; returns how many.
fn candidates(
    block: &[(MonthUsage, ProPrices)],
    cap: Option<Decimal>,
    out: &mut [Decimal],
) -> usize {
    let mut n = 0;
    let mut push = |d: Decimal| {
        out[n] = d;
        n += 1;
    };
    push(Decimal::ZERO);
    for (m, _) in block {
        for c in [m.cores, m.peak_cores] {
            push(c);
            if let Some(cap) = cap {
                push((c - cap).max(Decimal::ZERO));
            }
        }
    }
    // A stable sort, then the first of each run of equal levels, as `Vec::dedup` keeps.
    let found = &mut out[..n];
    found.sort();
    let mut kept = 0;
    for i in 0..found.len() {
        if kept == 0 || found[i] != found[kept - 1] {
            found[kept] = found[i];
            kept += 1;
        }
    }
    kept
}

/// Chooses the licensed prepaid cores for a block of months that share one licence level
/// (one month, on a site without commitments): the L that minimises Σ L × prepaid +
/// overage(L); ties go to the smaller L (rule TCSS-PRO-3).
pub fn best_licence(block: &[(MonthUsage, ProPrices)], cap: Option<Decimal>) -> Decimal {
    let cost = |l: Decimal| {
        block
            .iter()
            .map(|(u, p)| month_cost(u, *p, l, cap))
            .fold(Decimal::ZERO, Decimal::saturating_add)
    };
    // Sizing runs every month: the candidates of up to three months stay on the stack.
    let room = 1 + 4 * block.len();
    let mut small = [Decimal::ZERO; 13];
    let mut large = Vec::new();
    let out: &mut [Decimal] = if room <= small.len() {
        &mut small[..room]
    } else {
        large.resize(room, Decimal::ZERO);
        &mut large
    };
    let n = candidates(block, cap, out);
    out[..n]
        .iter()
        .map(|&l| (cost(l), l))
        .min()
        .map(|(_, l)| l)
        .unwrap_or(Decimal::ZERO)
}

/// The longest commitment term, in months, that licence paths keep track of (rule TCSS-PRO-3:
/// 3 months on tencent-cn). A longer term in the price book is held to this one.
pub const MAX_TERM: usize = 3;

/// One month of a licence path on a site where every licence bought is committed for a term
/// (rule TCSS-PRO-3): the cores licensed, the cores added this month (committed for the term
/// and paid in full now), the cores bought in the last months and still inside their
/// commitment (already paid), and the cores renewed for this month alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LicenceMonth {
    /// Licensed cores in the month (L).
    pub level: Decimal,
    /// Cores added this month: committed for the term, charged term × price × cores now.
    pub bought: Decimal,
    /// Cores bought 1 and 2 months earlier that are still inside their commitment.
    pub covered: [Decimal; MAX_TERM - 1],
    /// Cores renewed for this month alone, charged price × cores: L − bought − covered.
    pub renewed: Decimal,
}

impl LicenceMonth {
    /// Cores of the month paid at an earlier purchase.
    pub fn covered_total(&self) -> Decimal {
        self.covered[0].saturating_add(self.covered[1])
    }

    /// The licence charge billed in the month: term × price × bought + price × renewed
    /// (rule TCSS-PRO-3, cash basis); `None` beyond what a decimal holds.
    pub fn charge(&self, term: usize, prepaid: Decimal) -> Option<Decimal> {
        Decimal::from(term)
            .checked_mul(prepaid)?
            .checked_mul(self.bought)?
            .checked_add(prepaid.checked_mul(self.renewed)?)
    }
}

/// The term as the licence paths use it: at least 1 month, at most [`MAX_TERM`].
pub fn commitment_term(months: usize) -> usize {
    months.clamp(1, MAX_TERM)
}

/// The cores still inside a commitment in a month, from the purchases of the months before it
/// (newest first): those bought within the last term − 1 months.
fn committed(recent: &[Decimal; MAX_TERM - 1], term: usize) -> [Decimal; MAX_TERM - 1] {
    let mut out = [Decimal::ZERO; MAX_TERM - 1];
    for (i, c) in out.iter_mut().enumerate().take(term - 1) {
        *c = recent[i];
    }
    out
}

/// A licence path month by month (rule TCSS-PRO-3): each increase is bought and committed for
/// `term` months; cores past their commitment renew monthly. `None` when the path lowers the
/// licence below the cores still inside a commitment.
pub fn licence_months(levels: &[Decimal], term: usize) -> Option<Vec<LicenceMonth>> {
    let term = commitment_term(term);
    let mut previous = Decimal::ZERO;
    let mut recent = [Decimal::ZERO; MAX_TERM - 1];
    let mut out = Vec::with_capacity(levels.len());
    for &level in levels {
        let covered = committed(&recent, term);
        let floor = covered[0].checked_add(covered[1])?;
        if level < floor || level < Decimal::ZERO {
            return None;
        }
        let bought = level.checked_sub(previous)?.max(Decimal::ZERO);
        // The level before an increase held every core still committed: nothing negative.
        let renewed = level.checked_sub(bought)?.checked_sub(floor)?;
        out.push(LicenceMonth {
            level,
            bought,
            covered,
            renewed,
        });
        recent = [bought, recent[0]];
        previous = level;
    }
    Some(out)
}

/// The licence of `billing = prepaid` under commitments (rule TCSS-PRO-3): it follows the
/// target of each month (the licensed cores, or the cores in use) but is held at the cores
/// still inside a commitment until that commitment ends.
pub fn held_levels(targets: &[Decimal], term: usize) -> Vec<Decimal> {
    let term = commitment_term(term);
    let mut previous = Decimal::ZERO;
    let mut recent = [Decimal::ZERO; MAX_TERM - 1];
    targets
        .iter()
        .map(|&target| {
            let covered = committed(&recent, term);
            let level = target
                .max(covered[0].saturating_add(covered[1]))
                .max(Decimal::ZERO);
            recent = [(level - previous).max(Decimal::ZERO), recent[0]];
            previous = level;
            level
        })
        .collect()
}

/// One month of the sizing: what it uses, and its Pro prices (`None` when a price is missing:
/// then the month buys nothing and keeps only the cores still committed).
pub type SizingMonth = (MonthUsage, Option<ProPrices>);

/// A licence path and what its months charge, as the sizing ranks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicencePath {
    pub levels: Vec<Decimal>,
    /// Each month's Pro charges: the licence billed that month plus overage or postpaid
    /// core-days (saturating: a path beyond what a decimal holds is never the cheapest).
    pub charges: Vec<Decimal>,
    pub total: Decimal,
}

/// The Pro charges of one month of a path: the licence billed (TCSS-PRO-3) plus the elastic
/// core-days at the daily price (TCSS-PRO-4), saturating; zero for a month without prices.
pub fn path_month_charge(
    month: &SizingMonth,
    licence: &LicenceMonth,
    term: usize,
    cap: Option<Decimal>,
) -> Decimal {
    let (usage, prices) = month;
    let Some(p) = prices else {
        return Decimal::ZERO;
    };
    let t = Decimal::from(commitment_term(term));
    t.saturating_mul(p.prepaid)
        .saturating_mul(licence.bought)
        .saturating_add(p.prepaid.saturating_mul(licence.renewed))
        .saturating_add(
            usage
                .elastic_core_days(licence.level, cap)
                .saturating_mul(p.daily),
        )
}

/// How two paths rank (rule TCSS-PRO-3): the smaller total; between equal totals the one
/// whose first differing month charges less; then the one whose first differing month
/// licenses fewer cores.
pub fn path_order(a: &LicencePath, b: &LicencePath) -> std::cmp::Ordering {
    a.total
        .cmp(&b.total)
        .then_with(|| a.charges.cmp(&b.charges))
        .then_with(|| a.levels.cmp(&b.levels))
}

/// Sizing under commitments (rule TCSS-PRO-3, `billing = auto` on tencent-cn): the licence
/// path that keeps its commitments and costs least over the horizon, ties broken as
/// [`path_order`] says; a month without prices buys nothing and keeps only the cores still
/// committed.
///
/// With a one-month term the months are independent: each takes [`best_licence`]. Under a
/// longer term the path is found exactly by `sizing::exact_levels`: the paths are the
/// circulations of a network (each block of cores bought, committed and renewed is a unit of
/// flow; a month's level is the flow back through it, its overage the arc's convex cost), so
/// the cheapest total is a minimum-cost flow in whole numbers; the ties are broken on the
/// face of the cheapest circulations, month by month (charges, then levels); and the two
/// things a circulation may do that a path may not (buy cores in a month that drops others;
/// under an elastic cap, an overage below the real one, which is not convex) are settled by
/// branch and bound, cheapest subproblem first. The brute force over every path agrees
/// (`tcss_pro_3_commitment_sizing_against_every_path`). Should the search stop at its bound
/// (or a figure not be a whole number), the best of the paths it saw, kept to their
/// commitments, is taken.
pub fn best_levels(months: &[SizingMonth], cap: Option<Decimal>, term: usize) -> Vec<Decimal> {
    let term = commitment_term(term);
    if term == 1 {
        return months
            .iter()
            .map(|(u, p)| match p {
                Some(p) => best_licence(&[(*u, *p)], cap),
                None => Decimal::ZERO,
            })
            .collect();
    }
    let mut tried = Vec::new();
    if let Some(levels) = super::sizing::exact_levels(months, cap, term, &mut tried) {
        return levels;
    }
    tried.push(vec![Decimal::ZERO; months.len()]);
    tried
        .iter()
        .filter_map(|levels| price_path(months, &kept(months, levels, term), cap, term))
        .min_by(path_order)
        .map(|p| p.levels)
        .unwrap_or_else(|| vec![Decimal::ZERO; months.len()])
}

/// Levels kept to their commitments: never below the cores still committed, and exactly
/// those in a month without prices.
fn kept(months: &[SizingMonth], levels: &[Decimal], term: usize) -> Vec<Decimal> {
    let mut previous = Decimal::ZERO;
    let mut recent = [Decimal::ZERO; MAX_TERM - 1];
    months
        .iter()
        .zip(levels)
        .map(|((_, p), &target)| {
            let covered = committed(&recent, term);
            let floor = covered[0].saturating_add(covered[1]);
            let level = if p.is_some() {
                target.max(floor)
            } else {
                floor
            };
            recent = [(level - previous).max(Decimal::ZERO), recent[0]];
            previous = level;
            level
        })
        .collect()
}

/// A licence path with its charges and total, as [`path_order`] ranks it; `None` when the
/// path breaks a commitment.
pub fn price_path(
    months: &[SizingMonth],
    levels: &[Decimal],
    cap: Option<Decimal>,
    term: usize,
) -> Option<LicencePath> {
    let licence = licence_months(levels, term)?;
    let charges: Vec<Decimal> = months
        .iter()
        .zip(&licence)
        .map(|(m, l)| path_month_charge(m, l, term, cap))
        .collect();
    let total = charges
        .iter()
        .fold(Decimal::ZERO, |a, c| a.saturating_add(*c));
    Some(LicencePath {
        levels: levels.to_vec(),
        charges,
        total,
    })
}

/// The scan quota a month needs: ceil((first + weight × repeat) / step) × step, where weight is
/// 0.1 on tencent-intl (rule TCSS-SCAN-2) and 1 on tencent-cn (rule TCSS-SCAN-4).
pub fn scan_quota(
    first: Decimal,
    repeat: Decimal,
    weight: Decimal,
    step: Decimal,
) -> (Decimal, Decimal) {
    let used = first + weight * repeat;
    if step.is_zero() {
        return (used, used);
    }
    ((used / step).ceil() * step, used)
}

/// One purchase cycle of scan quota, anchored to the purchase time (rule TCSS-SCAN-3): how
/// much a set of scans uses and how much is left to expire at the cycle's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ScanCycle {
    pub bought: Decimal,
    pub used: Decimal,
    pub expires_unused: Decimal,
}

/// Quota use within one cycle: each image's first scan uses 1, each repeat `weight`
/// (rules TCSS-SCAN-2, TCSS-SCAN-3). `scans_per_image` lists how often each image is scanned.
pub fn scan_cycle(bought: Decimal, scans_per_image: &[u32], weight: Decimal) -> ScanCycle {
    let used: Decimal = scans_per_image
        .iter()
        .filter(|&&n| n > 0)
        .map(|&n| Decimal::ONE + weight * Decimal::from(n - 1))
        .sum();
    ScanCycle {
        bought,
        used,
        expires_unused: (bought - used).max(Decimal::ZERO),
    }
}

/// The end of a scan cycle: one calendar month after the purchase time, same day and hour
/// (rule TCSS-SCAN-3).
pub fn scan_cycle_end(bought_at: chrono::NaiveDateTime) -> Option<chrono::NaiveDateTime> {
    bought_at.checked_add_months(chrono::Months::new(1))
}

/// Per-image authorizations: each image and each update (a new image ID) needs one
/// (rule TCSS-SCAN-1).
pub fn authorizations(new_images: Decimal, updates: Decimal) -> Decimal {
    new_images + updates
}

/// Log-analysis capacity to buy: from 10 GB in steps of 10 GB (rule TCSS-LOG-1).
pub fn log_capacity(need_gb: Decimal, min_gb: Decimal, step_gb: Decimal) -> Decimal {
    if step_gb.is_zero() {
        return need_gb.max(min_gb);
    }
    min_gb.max((need_gb / step_gb).ceil() * step_gb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::prelude::ToPrimitive;
    use rust_decimal_macros::dec;

    const INTL: ProPrices = ProPrices {
        prepaid: dec!(6.75),
        daily: dec!(0.25),
    };
    const CN: ProPrices = ProPrices {
        prepaid: dec!(30),
        daily: dec!(1),
    };

    fn usage(days: u32, cores: u32, peak: u32, peak_days: u32) -> MonthUsage {
        MonthUsage {
            days,
            cores: cores.into(),
            peak_cores: peak.into(),
            peak_days,
            free_days: 0,
        }
    }

    #[test]
    fn tcss_pro_1_prepaid_per_core_month() {
        // rule TCSS-PRO-1
        let u = usage(31, 100, 0, 0);
        assert_eq!(month_cost(&u, INTL, dec!(100), None), dec!(675));
        assert_eq!(month_cost(&u, CN, dec!(100), None), dec!(3000));
    }

    #[test]
    fn tcss_pro_2_postpaid_per_core_day() {
        // rule TCSS-PRO-2: Σ over days of cores × daily price.
        let u = usage(30, 100, 0, 0);
        assert_eq!(month_cost(&u, INTL, Decimal::ZERO, None), dec!(750));
        assert_eq!(month_cost(&u, CN, Decimal::ZERO, None), dec!(3000));
    }

    #[test]
    fn tcss_pro_3_break_even_and_sizing() {
        // rule TCSS-PRO-3: intl 6.75 / 0.25 = 27 days, cn 30 / 1 = 30 days.
        assert_eq!(INTL.break_even_days(), dec!(27));
        assert_eq!(CN.break_even_days(), dec!(30));
        // 120 cores every day, 160 on 6 days of a 31-day month: the peak runs 6 < 27 days, so
        // license 120 and pay the peak as overage.
        let u = usage(31, 120, 160, 6);
        assert_eq!(best_licence(&[(u, INTL)], None), dec!(120));
        // A peak on 28 days (≥ 27) is worth licensing.
        let u = usage(31, 120, 160, 28);
        assert_eq!(best_licence(&[(u, INTL)], None), dec!(160));
        // 30 days in a 30-day month on cn: exactly break-even → tie → the smaller L.
        let u = usage(30, 10, 0, 0);
        assert_eq!(
            month_cost(&u, CN, dec!(10), None),
            month_cost(&u, CN, Decimal::ZERO, None)
        );
        assert_eq!(best_licence(&[(u, CN)], None), Decimal::ZERO);
        // On cn, 31-day months make licensing worth it.
        assert_eq!(best_licence(&[(usage(31, 10, 0, 0), CN)], None), dec!(10));
    }

    #[test]
    fn tcss_pro_4_overage_on_cores_above_the_licence() {
        // rule TCSS-PRO-4: 100 licensed, 130 in use on 10 days of 30: 30 × 10 core-days.
        let u = usage(30, 100, 130, 10);
        assert_eq!(u.elastic_core_days(dec!(100), None), dec!(300));
        assert_eq!(month_cost(&u, INTL, dec!(100), None), dec!(675) + dec!(75));
    }

    #[test]
    fn tcss_pro_5_elastic_cap_limits_billed_cores() {
        // rule TCSS-PRO-5: at most `cap` elastically billed cores a day.
        let u = usage(30, 6000, 0, 0);
        assert_eq!(
            u.elastic_core_days(Decimal::ZERO, Some(dec!(5000))),
            dec!(150000)
        );
        assert_eq!(u.elastic_core_days(Decimal::ZERO, None), dec!(180000));
        // The cap makes overage cheaper than licensing: 5000 × 30 × 0.25 = 37,500 beats
        // licensing all 6000 (40,500), and licensing fewer only adds to the capped overage.
        assert_eq!(best_licence(&[(u, INTL)], Some(dec!(5000))), Decimal::ZERO);
        assert_eq!(
            month_cost(&u, INTL, dec!(6000), Some(dec!(5000))),
            dec!(40500)
        );
    }

    proptest::proptest! {
        /// The whole-number way gives the same decimal as the decimal way, scale included.
        #[test]
        fn elastic_core_days_in_whole_numbers_are_the_decimal_ones(
            days in 28u32..=31, peak_days in 0u32..=28, free_days in 0u32..=10,
            cores in 0i64..20_000, peak in 0i64..20_000, licensed in 0i64..20_000,
            cap in proptest::option::of(1i64..10_000),
            scales in proptest::array::uniform4(proptest::prop_oneof![3 => proptest::strategy::Just(0u32), 1 => 0u32..3]),
            fraction in 0i64..10,
        ) {
            // Mostly whole numbers without decimals; some written with decimals (5000.0) and
            // some with a fraction, which take the decimal way.
            let d = |v: i64, scale: u32| Decimal::new(v * 10i64.pow(scale) + if scale > 0 { fraction } else { 0 }, scale);
            let u = MonthUsage {
                days,
                cores: d(cores, scales[0]),
                peak_cores: d(peak, scales[1]),
                peak_days: peak_days.min(days),
                free_days,
            };
            let l = d(licensed, scales[2]);
            let c = cap.map(|c| d(c, scales[3]));
            let decimal = u.decimal_elastic_core_days(l, c);
            let fast = u.elastic_core_days(l, c);
            proptest::prop_assert_eq!(fast.to_string(), decimal.to_string());
        }
    }

    #[test]
    fn tcss_pro_3_cn_commitment_rule_book_example() {
        // rule TCSS-PRO-3 (revised 2026-12): billing = prepaid, cores [100, 50, 50, 50] at
        // CNY 30 pay 9,000 / 0 / 0 / 1,500: 100 cores committed for 3 months in the first
        // month, covered in the next two, then renewed monthly at the 50 in use.
        let cores = [dec!(100), dec!(50), dec!(50), dec!(50)];
        let levels = held_levels(&cores, 3);
        assert_eq!(levels, [dec!(100), dec!(100), dec!(100), dec!(50)]);
        let months = licence_months(&levels, 3).unwrap();
        let charges: Vec<Decimal> = months
            .iter()
            .map(|m| m.charge(3, CN.prepaid).unwrap())
            .collect();
        assert_eq!(charges, [dec!(9000), dec!(0), dec!(0), dec!(1500)]);
        assert_eq!(months[1].covered, [dec!(100), dec!(0)]);
        assert_eq!(months[2].covered, [dec!(0), dec!(100)]);
        assert_eq!(months[3].renewed, dec!(50));
        // Lowering inside the commitment is refused.
        assert_eq!(
            licence_months(&[dec!(100), dec!(50), dec!(50), dec!(50)], 3),
            None
        );
        // Every increase commits the added cores: 50 → 80 adds 30 for 3 months.
        let m = licence_months(&[dec!(50), dec!(50), dec!(50), dec!(50), dec!(80)], 3).unwrap();
        assert_eq!(m[3].renewed, dec!(50));
        assert_eq!((m[4].bought, m[4].renewed), (dec!(30), dec!(50)));
        assert_eq!(m[4].charge(3, CN.prepaid), Some(dec!(2700) + dec!(1500)));
        // A term of 1 month is today's month-by-month licence: price × L every month.
        let m = licence_months(&cores, 1).unwrap();
        let one: Vec<Decimal> = m.iter().map(|m| m.charge(1, CN.prepaid).unwrap()).collect();
        assert_eq!(one, [dec!(3000), dec!(1500), dec!(1500), dec!(1500)]);
    }

    #[test]
    fn tcss_pro_3_cn_prepaid_following_cores_can_cost_less_for_more_cores() {
        // rule TCSS-PRO-3: why "more usage never costs less" holds only for a fixed licence.
        // Following the cores, a dip to 50 and a rise back to 100 in the last month commits
        // 50 cores for 3 months, two of them past the end: 16,500 against 15,000 for keeping
        // 100 cores all along.
        let charges = |cores: &[Decimal]| -> Vec<Decimal> {
            licence_months(&held_levels(cores, 3), 3)
                .unwrap()
                .iter()
                .map(|m| m.charge(3, CN.prepaid).unwrap())
                .collect()
        };
        let dip = charges(&[dec!(100), dec!(100), dec!(100), dec!(50), dec!(100)]);
        let flat = charges(&[dec!(100); 5]);
        assert_eq!(dip, [dec!(9000), dec!(0), dec!(0), dec!(1500), dec!(6000)]);
        assert_eq!(flat, [dec!(9000), dec!(0), dec!(0), dec!(3000), dec!(3000)]);
        assert!(dip.iter().sum::<Decimal>() > flat.iter().sum::<Decimal>());
    }

    #[test]
    fn tcss_pro_3_cn_sizing_weighs_the_commitment() {
        // rule TCSS-PRO-3: 31-day months make a licence pay (31 > 30 days), but a one-month
        // need would commit 3 months: a single 31-day month of 100 cores stays postpaid
        // (3,100 < 9,000), three of them are licensed (9,000 < 9,300).
        let m = |days| (usage(days, 100, 0, 0), Some(CN));
        assert_eq!(best_levels(&[m(31)], None, 3), [dec!(0)]);
        assert_eq!(
            best_levels(&[m(31), m(31), m(31)], None, 3),
            [dec!(100), dec!(100), dec!(100)]
        );
        // Four months: licensed throughout; the fourth renews monthly.
        let path = best_levels(&[m(31), m(31), m(31), m(31)], None, 3);
        assert_eq!(path, [dec!(100); 4]);
        let priced = price_path(&[m(31), m(31), m(31), m(31)], &path, None, 3).unwrap();
        assert_eq!(priced.charges, [dec!(9000), dec!(0), dec!(0), dec!(3000)]);
    }

    /// Every licence path of levels 0..=max over the months (the brute force).
    fn every_path(n: usize, max: u32, mut visit: impl FnMut(&[Decimal])) {
        let mut levels = vec![0u32; n];
        loop {
            let path: Vec<Decimal> = levels.iter().map(|&l| Decimal::from(l)).collect();
            visit(&path);
            let mut i = 0;
            loop {
                if i == n {
                    return;
                }
                levels[i] += 1;
                if levels[i] <= max {
                    break;
                }
                levels[i] = 0;
                i += 1;
            }
        }
    }

    fn arb_sizing_month() -> impl proptest::strategy::Strategy<Value = SizingMonth> {
        use proptest::prelude::*;
        (
            28u32..=31,
            0u32..=6,
            0u32..=7,
            0u32..=31,
            0u32..=2,
            prop_oneof![3 => Just((30i64, 1i64)), 1 => (1i64..=40, 1i64..=2)],
            0u32..8,
        )
            .prop_map(
                |(days, cores, peak, peak_days, free, (pre, daily), priced)| {
                    let u = MonthUsage {
                        days,
                        cores: cores.into(),
                        peak_cores: peak.into(),
                        peak_days: peak_days.min(days),
                        free_days: free * 7 / 2,
                    };
                    let prices = (priced > 0).then(|| ProPrices {
                        prepaid: Decimal::from(pre),
                        daily: Decimal::from(daily),
                    });
                    (u, prices)
                },
            )
    }

    /// The brute force: the best of every licence path of levels 0..=most cores in use that
    /// keeps its commitments, ranked as [`path_order`] says; a month without prices buys
    /// nothing and keeps only its committed cores.
    fn cheapest_of_every_path(
        months: &[SizingMonth],
        cap: Option<Decimal>,
        term: usize,
    ) -> LicencePath {
        let max = months
            .iter()
            .map(|(u, _)| u.max_cores())
            .max()
            .unwrap_or_default()
            .to_u32()
            .unwrap_or(0);
        let mut best: Option<LicencePath> = None;
        every_path(months.len(), max, |levels| {
            if let Some(p) = price_path(months, levels, cap, term) {
                let licence = licence_months(levels, term).unwrap();
                let keeps_floor = months
                    .iter()
                    .zip(&licence)
                    .all(|((_, pr), l)| pr.is_some() || l.level == l.covered_total());
                if keeps_floor && best.as_ref().is_none_or(|b| path_order(&p, b).is_lt()) {
                    best = Some(p);
                }
            }
        });
        best.expect("all postpaid is a path")
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// rule TCSS-PRO-3: the sized path keeps its commitments and is never dearer than
        /// all prepaid (the most cores in use, held at the committed level) nor all postpaid,
        /// on 1–6 months, prices changing or not.
        #[test]
        fn tcss_pro_3_sizing_keeps_commitments_and_beats_the_fixed_plans(
            months in proptest::collection::vec(arb_sizing_month(), 1..=6),
            cap in proptest::option::of(1u32..=5),
            term in proptest::prop_oneof![4 => proptest::strategy::Just(3usize), 1 => 1usize..=2],
        ) {
            let cap = cap.map(Decimal::from);
            // Every month priced: a month without prices licenses only committed cores.
            let months: Vec<SizingMonth> =
                months.into_iter().map(|(u, p)| (u, Some(p.unwrap_or(CN)))).collect();
            let sized = best_levels(&months, cap, term);
            let priced = price_path(&months, &sized, cap, term);
            proptest::prop_assert!(priced.is_some(), "{:?} breaks a commitment", sized);
            let priced = priced.unwrap();
            let most: Vec<Decimal> = months.iter().map(|(u, _)| u.max_cores()).collect();
            let prepaid = price_path(&months, &held_levels(&most, term), cap, term).unwrap();
            let postpaid = price_path(&months, &vec![Decimal::ZERO; months.len()], cap, term).unwrap();
            proptest::prop_assert!(priced.total <= prepaid.total, "{:?} > {:?}", priced, prepaid);
            proptest::prop_assert!(priced.total <= postpaid.total, "{:?} > {:?}", priced, postpaid);
        }

        /// rule TCSS-PRO-3: with a term of one month (tencent-intl) the sized path is exactly
        /// the brute force's pick over every licence path.
        #[test]
        fn tcss_pro_3_monthly_sizing_is_the_cheapest_path(
            months in proptest::collection::vec(arb_sizing_month(), 1..=4),
            cap in proptest::option::of(1u32..=5),
        ) {
            let cap = cap.map(Decimal::from);
            let sized = best_levels(&months, cap, 1);
            let priced = price_path(&months, &sized, cap, 1).unwrap();
            proptest::prop_assert_eq!(priced, cheapest_of_every_path(&months, cap, 1));
        }
    }

    /// rule TCSS-PRO-3: the sized path is exactly the brute force's pick over every licence
    /// path (levels 0 to the most cores in use) on 1–4 months, with and without an elastic
    /// cap, some months without prices: 2,000 cases with one price list under the 3-month
    /// term, 2,000 with prices changing month to month under the 3-month term and 2,000 so
    /// under a 2-month term. Same total, same charges month by month, same levels.
    #[test]
    fn tcss_pro_3_commitment_sizing_against_every_path() {
        use proptest::strategy::{Strategy, ValueTree};
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let strategy = (
            proptest::collection::vec(arb_sizing_month(), 1..=4),
            proptest::option::of(1u32..=5),
        );
        let cases = 2000;
        for (one_list, term) in [(true, 3), (false, 3), (false, 2)] {
            let (mut worse, mut other_tie) = (0, 0);
            for _ in 0..cases {
                let (months, cap) = strategy.new_tree(&mut runner).unwrap().current();
                let prices = months[0].1.unwrap_or(CN);
                let months: Vec<SizingMonth> = months
                    .into_iter()
                    .map(|(u, p)| (u, if one_list { p.map(|_| prices) } else { p }))
                    .collect();
                let cap = cap.map(Decimal::from);
                let sized =
                    price_path(&months, &best_levels(&months, cap, term), cap, term).unwrap();
                let best = cheapest_of_every_path(&months, cap, term);
                if sized.total > best.total {
                    worse += 1;
                } else if sized != best {
                    other_tie += 1;
                }
            }
            assert_eq!(
                (worse, other_tie),
                (0, 0),
                "one price list {one_list}, term {term}: of {cases} cases, dearer than the \
                 cheapest path, another path of the same total"
            );
        }
    }

    /// rule TCSS-PRO-3: the sizing is bounded: 1,200 months (ten times a scenario's longest)
    /// of core counts up to 10^12 that rise and fall, with peaks, prices that change and
    /// months without prices, with and without an elastic cap, are sized in bounded time and
    /// memory (the network has a few nodes and arcs per month; every loop of the solver has
    /// a bound, past which the best path seen is taken), keep their commitments and cost no
    /// more than all postpaid.
    #[test]
    fn tcss_pro_3_sizing_is_bounded_on_huge_inputs() {
        let months: Vec<SizingMonth> = (0..1200u64)
            .map(|k| {
                let swing = [0u64, 3, 9, 14, 20, 26, 25, 19, 12, 6, 2, 1][(k % 12) as usize];
                let cores = 1_000_000_000_000 / 30 * swing + 7 * k * k;
                let u = MonthUsage {
                    days: [31, 28, 31, 30][(k % 4) as usize],
                    cores: Decimal::from(cores),
                    peak_cores: Decimal::from(cores + 999_999_999_999 / (1 + k % 7)),
                    peak_days: (k % 9) as u32,
                    free_days: 0,
                };
                let prices = (k % 97 != 50).then_some(if k < 600 {
                    CN
                } else {
                    ProPrices {
                        prepaid: dec!(31.5),
                        daily: dec!(1.05),
                    }
                });
                (u, prices)
            })
            .collect();
        for cap in [None, Some(dec!(5000)), Some(dec!(400_000_000_000))] {
            // 1,200 months take seconds in a release build (`cargo test --release`); a debug
            // build sizes the first 120.
            let lens: &[usize] = if cfg!(debug_assertions) {
                &[120]
            } else {
                &[120, 1200]
            };
            for &len in lens {
                let months = &months[..len];
                let start = std::time::Instant::now();
                let sized = best_levels(months, cap, 3);
                let took = start.elapsed();
                let priced = price_path(months, &sized, cap, 3).expect("keeps its commitments");
                let postpaid = price_path(months, &vec![Decimal::ZERO; len], cap, 3).unwrap();
                assert!(priced.total <= postpaid.total);
                // Bounded: seconds at most, even on a slow machine.
                assert!(took.as_secs() < 60, "{len} months, cap {cap:?}: {took:?}");
            }
        }
    }

    #[test]
    fn tcss_t_1_trial_week_is_free() {
        // rule TCSS-T-1: postpaid in the first month charges days − 7 days.
        let mut u = usage(31, 10, 0, 0);
        u.free_days = 7;
        assert_eq!(
            month_cost(&u, INTL, Decimal::ZERO, None),
            dec!(10) * dec!(24) * dec!(0.25)
        );
        // Prepaid is charged in full (the subscription starts on day 8).
        assert_eq!(month_cost(&u, INTL, dec!(10), None), dec!(67.5));
        // Free days cover ordinary days first; peak days are the month's last days.
        let mut u = usage(30, 10, 20, 25);
        u.free_days = 7;
        assert_eq!(u.charged_days(), (dec!(0), dec!(23)));
    }

    #[test]
    fn tcss_scan_1_per_image_authorizations() {
        // rule TCSS-SCAN-1: 10 images + 10 updates = 20 authorizations at USD 0.25.
        let n = authorizations(dec!(10), dec!(10));
        assert_eq!(n, dec!(20));
        assert_eq!(n * dec!(0.25), dec!(5));
    }

    #[test]
    fn tcss_scan_2_quota_in_steps_of_300() {
        // rule TCSS-SCAN-2: 250 first scans + 600 repeats = 310 quota → 600 bought.
        assert_eq!(
            scan_quota(dec!(250), dec!(600), dec!(0.1), dec!(300)),
            (dec!(600), dec!(310))
        );
        assert_eq!(
            scan_quota(dec!(300), dec!(0), dec!(0.1), dec!(300)),
            (dec!(300), dec!(300))
        );
        // A repeat costs 0.1 × 0.06 = 0.006.
        assert_eq!(dec!(0.1) * dec!(0.06), dec!(0.006));
    }

    #[test]
    fn tcss_scan_3_cycle_anchored_to_purchase_seed_example() {
        // rule TCSS-SCAN-3, seed S003: 300 bought 2024-03-15 14:00; 100 scans of one image use
        // 1 + 99 × 0.1 = 10.9 and leave 289.1 void; the quota resets 2024-04-15 14:00.
        let cycle = scan_cycle(dec!(300), &[100], dec!(0.1));
        assert_eq!(
            cycle,
            ScanCycle {
                bought: dec!(300),
                used: dec!(10.9),
                expires_unused: dec!(289.1)
            }
        );
        let bought = chrono::NaiveDate::from_ymd_opt(2024, 3, 15)
            .unwrap()
            .and_hms_opt(14, 0, 0)
            .unwrap();
        let reset = chrono::NaiveDate::from_ymd_opt(2024, 4, 15)
            .unwrap()
            .and_hms_opt(14, 0, 0)
            .unwrap();
        assert_eq!(scan_cycle_end(bought), Some(reset));
    }

    #[test]
    fn tcss_scan_4_every_scan_uses_one_quota_on_cn() {
        // rule TCSS-SCAN-4
        assert_eq!(
            scan_quota(dec!(250), dec!(600), dec!(1), dec!(300)),
            (dec!(900), dec!(850))
        );
        assert_eq!(scan_cycle(dec!(300), &[100], dec!(1)).used, dec!(100));
    }

    #[test]
    fn tcss_log_1_from_10_gb_in_steps_of_10() {
        // rule TCSS-LOG-1
        assert_eq!(log_capacity(dec!(11), dec!(10), dec!(10)), dec!(20));
        assert_eq!(log_capacity(dec!(3), dec!(10), dec!(10)), dec!(10));
        assert_eq!(log_capacity(dec!(40), dec!(10), dec!(10)), dec!(40));
        assert_eq!(
            log_capacity(dec!(20) * dec!(0.25), dec!(10), dec!(10)),
            dec!(10)
        );
    }
}
