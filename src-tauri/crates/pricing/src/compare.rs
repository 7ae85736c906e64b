//! Every alternative per product with its cost or why it is infeasible, cheapest first.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::alternative::{Alternative, Summary, Totals};
use crate::book::PriceBook;
use crate::ids::{Product, Site};
use crate::money::Currency;
use crate::quote::{self, QuoteError};
use crate::scenario::Scenario;

/// The alternatives of one product, cheapest first, infeasible and unknown last.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProductComparison {
    pub product: Product,
    pub alternatives: Vec<Alternative>,
}

/// A comparison of every product of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub scenario: String,
    pub currency: Currency,
    pub products: Vec<ProductComparison>,
}

/// Compares every alternative of every product in the scenario (edition × billing for TCR,
/// licence strategy for TCSS, package for Image Search).
pub fn compare(scenario: &Scenario, book: &PriceBook) -> Result<Comparison, QuoteError> {
    compare_with(scenario, book, Totals::Amounts)
}

fn compare_with(
    scenario: &Scenario,
    book: &PriceBook,
    totals: Totals,
) -> Result<Comparison, QuoteError> {
    let owned;
    let book = if scenario.prices.is_empty() {
        book
    } else {
        owned = book.with_user_entries(scenario.prices.clone())?;
        &owned
    };
    // The quote's own checks (elastic cap minimum), so compare refuses the same input.
    quote::check_against_book(scenario, book)?;
    let mut products = Vec::new();
    let mut scratch = Vec::new();
    let summary = |site: Site| {
        Summary::new(
            scenario.horizon(),
            scenario.currency,
            site.currency(),
            &scenario.rates,
            totals,
        )
    };
    for spec in &scenario.products {
        let sum = summary(spec.site());
        let alts = spec.alternatives(book, &sum, &mut scratch);
        products.push(finish(spec.product(), alts));
    }
    Ok(Comparison {
        scenario: scenario.name.clone(),
        currency: scenario.currency,
        products,
    })
}

/// Orders alternatives (cheapest known first, then incomplete, then infeasible), marks the
/// recommendation and the saving of each against the current choice.
fn finish(product: Product, mut alts: Vec<Alternative>) -> ProductComparison {
    alts.sort_by(|a, b| {
        let rank = |x: &Alternative| {
            (
                if x.feasible {
                    if x.complete {
                        0
                    } else {
                        1
                    }
                } else {
                    2
                },
                x.total.unwrap_or(Decimal::MAX),
            )
        };
        rank(a).cmp(&rank(b))
    });
    // The cheapest feasible, complete alternative. When none is complete (every month before
    // a price is published lacks the same price), the cheapest on what is known: the quote
    // compares on what is known and says what is not.
    if let Some(best) = alts.iter_mut().find(|a| a.feasible && a.total.is_some()) {
        best.recommended = true;
    }
    let current = alts
        .iter()
        .find(|a| a.current)
        .and_then(|a| a.total.map(|t| (t, a.complete)));
    for a in &mut alts {
        // A saving compares like with like: two complete totals, or two known parts.
        // Both totals are ≥ 0, so their difference is a decimal; checked all the same.
        a.saving = current
            .filter(|(_, complete)| *complete == a.complete)
            .zip(a.total)
            .and_then(|((c, _), t)| c.checked_sub(t));
    }
    ProductComparison {
        product,
        alternatives: alts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::parse_scenario;
    use proptest::prelude::{
        any, prop, prop_oneof, proptest, Just, ProptestConfig, Strategy as Generator,
    };
    use proptest::prop_assert_eq;

    /// A scenario over all three products, with the knobs that decide which lines exist:
    /// sites, editions and billings, dated user prices (some zero, some ending mid-scenario),
    /// elastic caps, licences, scans, logs and trials.
    fn scenario_text(
        (year, month, months): (u32, u32, u32),
        (tcr_cn, region, edition, monthly, ns, repos, storage): (
            bool,
            usize,
            usize,
            bool,
            u32,
            u32,
            u32,
        ),
        (tcss_cn, billing, cores, peak, peak_days, cap, licensed): (
            bool,
            usize,
            u32,
            u32,
            u32,
            usize,
            Option<u32>,
        ),
        (scan, log, trial, is_cn, images, qps, prices): (usize, u32, bool, bool, u64, u32, usize),
    ) -> String {
        let tcr_site = if tcr_cn { "tencent-cn" } else { "tencent-intl" };
        let tcss_site = if tcss_cn {
            "tencent-cn"
        } else {
            "tencent-intl"
        };
        let region = [
            "ap-guangzhou",
            "ap-qingyuan",
            "ap-shanghai-fsi",
            "eu-frankfurt",
            "sa-saopaulo",
        ][region];
        let edition = ["auto", "personal", "basic", "standard", "premium"][edition];
        let tcr_billing = if monthly && tcr_cn { "monthly" } else { "payg" };
        let billing = ["auto", "prepaid", "postpaid"][billing];
        let cap = ["", r#", "elastic_cap": 5000"#, r#", "elastic_cap": 20000"#][cap];
        let licensed = match licensed {
            Some(l) if billing == "prepaid" => format!(r#", "licensed_cores": {l}"#),
            _ => String::new(),
        };
        // Image scanning needs Pro cores (rule TCSS-SCAN-2): a scenario of no cores buys none,
        // or the reader refuses it.
        let scan = if cores == 0 { 0 } else { scan };
        let scan = [
            String::new(),
            format!(r#", "image_scan": {{"first_scans": {}, "repeat_scans": {{"start": {}, "monthly_add": 40}}}}"#, cores % 400, peak % 900),
            format!(r#", "image_scan": {{"model": "per_image", "images": {{"start": {}, "monthly_add": 3}}, "updates": {}}}"#, cores % 30, peak % 7),
        ][scan]
            .clone();
        let log = if log > 0 {
            format!(r#", "log_gb": "{log}.5""#)
        } else {
            String::new()
        };
        let is_site = if is_cn { "aliyun-cn" } else { "aliyun-intl" };
        let prices = [
            "",
            r#"{"product": "tcr", "site": "tencent-cn", "item": "instance_monthly", "edition": "premium", "region": "ap-guangzhou", "amount": "2350", "currency": "CNY"},
               {"product": "tcr", "site": "tencent-cn", "item": "instance_monthly", "edition": "standard", "region": "ap-guangzhou", "amount": "0.00", "currency": "CNY", "effective_to": "2027-06-30"}"#,
            r#"{"product": "tcss", "site": "tencent-cn", "item": "log_analysis", "amount": "1.5", "currency": "CNY"},
               {"product": "tcss", "site": "tencent-intl", "item": "pro_prepaid", "amount": "6.00", "currency": "USD", "effective_from": "2027-03-01", "effective_to": "2027-08-31"}"#,
            r#"{"product": "image_search", "site": "aliyun-cn", "item": "package", "plan": "+5000000/10", "amount": "9000", "currency": "CNY"},
               {"product": "image_search", "site": "aliyun-intl", "item": "package", "plan": "2500000/5", "amount": "0", "currency": "USD", "effective_from": "2027-02-01"}"#,
        ][prices];
        format!(
            r#"{{
            "plancast": 1, "name": "generated", "start": "{year}-{month:02}", "months": {months}, "currency": "USD",
            "rates": [{{"from": "CNY", "to": "USD", "rate": "0.139", "date": "2026-11-01"}}],
            "prices": [{prices}],
            "tcr": {{"site": "{tcr_site}", "region": "{region}", "edition": "{edition}", "billing": "{tcr_billing}",
                     "needs": {{"namespaces": {{"start": {ns}, "monthly_add": 9}}, "image_repos": {repos}}},
                     "storage_gb": "{storage}", "egress_gb": {{"start": "{storage}", "monthly_percent": "3.5"}}}},
            "tcss": {{"site": "{tcss_site}", "billing": "{billing}", "cores": {{"start": {cores}, "monthly_percent": "7"}},
                      "peak_cores": {peak}, "peak_days": {peak_days}, "trial": {trial}{cap}{licensed}{scan}{log}}},
            "image_search": {{"site": "{is_site}", "images": {{"start": {images}, "monthly_add": 900000}}, "qps": {qps}, "trial": {trial}}}
        }}"#
        )
    }

    fn arb_scenario() -> impl Generator<Value = String> {
        (
            (
                prop::sample::select(vec![2020u32, 2023, 2024, 2027]),
                1u32..=12,
                1u32..=20,
            ),
            (
                any::<bool>(),
                0usize..5,
                0usize..5,
                any::<bool>(),
                0u32..700,
                0u32..6000,
                0u32..3000,
            ),
            (
                any::<bool>(),
                0usize..3,
                0u32..9000,
                0u32..12000,
                0u32..=28,
                0usize..3,
                prop::option::of(0u32..9000),
            ),
            (
                0usize..3,
                0u32..30,
                any::<bool>(),
                any::<bool>(),
                // Small catalogues too, where the trial package (100,000 / QPS 1) fits.
                prop_oneof![0u64..120_000, 0u64..60_000_000],
                prop_oneof![Just(1u32), 1u32..=12],
                0usize..4,
            ),
        )
            .prop_map(|(a, b, c, d)| scenario_text(a, b, c, d))
    }

    fn outcome(s: &Scenario, totals: Totals) -> String {
        match compare_with(s, PriceBook::builtin(), totals) {
            Ok(c) => serde_json::to_string_pretty(&c).expect("serialises"),
            Err(e) => format!("error: {e}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

        /// Totals from line amounts are the totals of the written lines: the same figures,
        /// written the same way (scale included), with the same reasons, order and savings.
        #[test]
        fn totals_from_amounts_equal_totals_from_lines(text in arb_scenario()) {
            let s = parse_scenario(&text).expect("generated scenarios are valid");
            prop_assert_eq!(outcome(&s, Totals::Amounts), outcome(&s, Totals::Lines));
        }
    }

    #[test]
    fn a_fully_priced_scenario_is_totalled_from_amounts() {
        // The property above only means something if the amounts path answers: it does for
        // every alternative of a scenario whose lines are all priced and feasible.
        let text = scenario_text(
            (2027, 1, 14),
            (false, 0, 0, false, 40, 600, 500),
            (false, 0, 120, 160, 6, 1, None),
            (1, 11, true, true, 2_000_000, 8, 0),
        );
        let s = parse_scenario(&text).unwrap();
        let c = compare_with(&s, PriceBook::builtin(), Totals::Amounts).unwrap();
        let written: Vec<&str> = c
            .products
            .iter()
            .flat_map(|p| &p.alternatives)
            .filter(|a| a.from_lines && a.feasible && a.complete)
            .map(|a| a.plan.as_str())
            .collect();
        // An infeasible alternative is written out to name what it fails; every feasible,
        // fully priced one is totalled from its amounts.
        assert!(c.products.iter().all(|p| !p.alternatives.is_empty()));
        assert!(
            written.is_empty(),
            "totalled from written lines: {written:?}"
        );
        // And the comparison agrees with its lines there too.
        assert_eq!(outcome(&s, Totals::Amounts), outcome(&s, Totals::Lines));
    }
}
