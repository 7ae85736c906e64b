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

    fn charged_day_counts(&self) -> (u32, u32) {
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
/// (one month on tencent-intl, 3 months on tencent-cn): the L that minimises Σ L × prepaid +
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
    fn tcss_pro_3_cn_blocks_share_one_licence() {
        // rule TCSS-PRO-3: a licence level is held 3 months on tencent-cn.
        let block = [
            (usage(31, 100, 0, 0), CN),
            (usage(28, 100, 0, 0), CN),
            (usage(31, 100, 0, 0), CN),
        ];
        // 31+28+31 = 90 core-days a core vs 3 × 30 = 90 prepaid: a tie → L = 0.
        assert_eq!(best_licence(&block, None), Decimal::ZERO);
        let block = [
            (usage(31, 100, 0, 0), CN),
            (usage(30, 100, 0, 0), CN),
            (usage(31, 100, 0, 0), CN),
        ];
        assert_eq!(best_licence(&block, None), dec!(100));
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
