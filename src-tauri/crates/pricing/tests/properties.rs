//! Invariants of the pricing core, checked on generated scenarios.

use proptest::prelude::*;
use rust_decimal::Decimal;

use pricing::{compare, parse_scenario, quote, PriceBook, Product};

/// A generated scenario over all three products with random usage.
#[allow(clippy::too_many_arguments)]
fn scenario_text(
    start_month: u32,
    months: u32,
    ns: u32,
    repos: u32,
    storage: u32,
    egress: u32,
    cores: u32,
    peak: u32,
    peak_days: u32,
    images: u64,
    qps: u32,
    tcss_site: &str,
    is_site: &str,
    billing: &str,
) -> String {
    format!(
        r#"{{
        "plancast": 1, "name": "generated", "start": "2027-{start_month:02}", "months": {months}, "currency": "USD",
        "rates": [{{"from": "CNY", "to": "USD", "rate": "0.139", "date": "2026-11-01"}}],
        "budgets": [{{"amount": "5000", "currency": "USD"}}],
        "tcr": {{"site": "tencent-intl", "region": "ap-guangzhou", "edition": "auto",
                 "needs": {{"namespaces": {ns}, "image_repos": {repos}}},
                 "storage_gb": "{storage}.5", "egress_gb": {{"start": "{egress}", "monthly_percent": "3.5"}}}},
        "tcss": {{"site": "{tcss_site}", "billing": "{billing}", "cores": {{"start": {cores}, "monthly_percent": "7"}},
                  "peak_cores": {peak}, "peak_days": {peak_days}, "trial": true}},
        "image_search": {{"site": "{is_site}", "images": {{"start": {images}, "monthly_add": 90000}}, "qps": {qps}}}
    }}"#
    )
}

fn arb_scenario() -> impl Strategy<Value = String> {
    (
        (
            1u32..=12,
            1u32..=14,
            0u32..700,
            0u32..6000,
            0u32..5000,
            0u32..3000,
        ),
        (0u32..400, 0u32..600, 0u32..=28, 0u64..60_000_000, 1u32..=12),
        (prop::bool::ANY, prop::bool::ANY, 0usize..3),
    )
        .prop_map(
            |(
                (sm, m, ns, repos, storage, egress),
                (cores, peak, pd, images, qps),
                (cn, alicn, b),
            )| {
                scenario_text(
                    sm,
                    m,
                    ns,
                    repos,
                    storage,
                    egress,
                    cores,
                    peak,
                    pd,
                    images,
                    qps,
                    if cn { "tencent-cn" } else { "tencent-intl" },
                    if alicn { "aliyun-cn" } else { "aliyun-intl" },
                    ["auto", "prepaid", "postpaid"][b],
                )
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A month total is the exact sum of its lines; the quote total is the sum of its months.
    #[test]
    fn totals_are_exact_sums(text in arb_scenario()) {
        let s = parse_scenario(&text).expect("generated scenarios are valid");
        let q = quote(&s, PriceBook::builtin()).expect("quotes");
        for m in &q.months {
            let sum: Decimal = m.lines.iter().filter_map(|l| l.converted).sum();
            prop_assert_eq!(m.total, sum);
            for l in &m.lines {
                if let (Some(a), Some(p)) = (l.amount, l.unit_price) {
                    // Only trial lines are free on purpose.
                    prop_assert!(a == l.quantity * p || a.is_zero());
                }
            }
        }
        prop_assert_eq!(q.total, q.months.iter().map(|m| m.total).sum::<Decimal>());
    }

    /// The recommended TCR edition (rule TCR-FIT-2) and Image Search package (rule IS-3) are
    /// never dearer than a feasible alternative; the sized TCSS licence (rule TCSS-PRO-3) is
    /// never dearer than all-prepaid or all-postpaid.
    #[test]
    fn recommendations_are_never_dearer(text in arb_scenario()) {
        let s = parse_scenario(&text).unwrap();
        let q = quote(&s, PriceBook::builtin()).unwrap();
        for tm in q.tcr().unwrap() {
            if let Some(chosen) = tm.edition {
                let cost = tm.options.iter().find(|o| o.edition == chosen).and_then(|o| o.cost).unwrap();
                for o in tm.options.iter().filter(|o| o.fit.feasible()) {
                    if let Some(c) = o.cost { prop_assert!(cost <= c, "{:?} {} > {:?} {}", chosen, cost, o.edition, c); }
                }
            }
        }
        let tcss = q.tcss().unwrap();
        if s.tcss().unwrap().billing == pricing::products::tcss::TcssBilling::Auto {
            if let (Some(t), Some(pre), Some(post)) = (tcss.total, tcss.all_prepaid, tcss.all_postpaid) {
                prop_assert!(t <= pre && t <= post, "auto {} prepaid {} postpaid {}", t, pre, post);
            }
        }
        let cmp = compare(&s, PriceBook::builtin()).unwrap();
        for p in &cmp.products {
            if let Some(best) = p.alternatives.iter().find(|a| a.recommended) {
                prop_assert!(best.feasible);
                for a in p.alternatives.iter().filter(|a| a.feasible && a.complete) {
                    prop_assert!(best.complete);
                    prop_assert!(best.total.unwrap() <= a.total.unwrap());
                }
                // With no complete alternative, the recommendation is on what is known: never
                // dearer than another feasible alternative's known part.
                if !best.complete {
                    for a in p.alternatives.iter().filter(|a| a.feasible) {
                        prop_assert!(best.total.unwrap() <= a.total.unwrap());
                    }
                }
            } else {
                // Nothing recommended: nothing feasible has a total.
                prop_assert!(p.alternatives.iter().all(|a| !a.feasible || a.total.is_none()));
            }
            // The per-month choice is never dearer than any single fixed alternative.
            let auto = p.alternatives.iter().find(|a| a.plan.starts_with("auto")).unwrap();
            if p.product != Product::Tcss && auto.complete {
                if let Some(t) = auto.total {
                    for a in p.alternatives.iter().filter(|a| a.complete).filter_map(|a| a.total) { prop_assert!(t <= a); }
                }
            }
        }
        for m in &q.months {
            for l in m.lines.iter().filter(|l| l.product == Product::ImageSearch && l.unit_price.is_some()) {
                let k = q.months.iter().position(|x| x.month == m.month).unwrap();
                let is = &q.image_search().unwrap().months[k];
                let site = s.image_search().unwrap().site;
                for (p, e) in pricing::products::image_search::packages::packages(PriceBook::builtin(), site, m.month.first_day()) {
                    if p.fits(is.images, is.qps) { prop_assert!(l.unit_price.unwrap() <= e.amount); }
                }
            }
        }
    }

    /// More usage never costs less on a fixed plan.
    #[test]
    fn more_usage_never_costs_less_on_a_fixed_plan(
        storage in 0u32..5000, extra in 1u32..5000, cores in 0u32..500, more in 1u32..500,
        edition in 1usize..4, licensed in 0u32..400, cn in prop::bool::ANY,
    ) {
        let ed = ["personal", "basic", "standard", "premium"][edition];
        let site = if cn { "tencent-cn" } else { "tencent-intl" };
        let text = |st: u32, c: u32| format!(
            r#"{{"plancast": 1, "name": "m", "start": "2027-01", "months": 3, "currency": "USD",
                "rates": [{{"from": "CNY", "to": "USD", "rate": "0.139", "date": "2026-11-01"}}],
                "tcr": {{"site": "{site}", "region": "ap-beijing", "edition": "{ed}", "storage_gb": {st}, "egress_gb": {st}}},
                "tcss": {{"site": "{site}", "billing": "prepaid", "licensed_cores": {licensed}, "cores": {c}}}}}"#);
        let q1 = quote(&parse_scenario(&text(storage, cores)).unwrap(), PriceBook::builtin()).unwrap();
        let q2 = quote(&parse_scenario(&text(storage + extra, cores + more)).unwrap(), PriceBook::builtin()).unwrap();
        prop_assert!(q2.product_total(Product::Tcr) >= q1.product_total(Product::Tcr));
        prop_assert!(q2.product_total(Product::Tcss) >= q1.product_total(Product::Tcss));
        let text_pp = |c: u32| text(storage, c).replace(r#""billing": "prepaid", "licensed_cores""#, r#""billing": "postpaid", "x""#).replace(r#", "x": "#, r#", "peak_days": 0, "peak_cores": "#);
        let p1 = quote(&parse_scenario(&text_pp(cores)).unwrap(), PriceBook::builtin()).unwrap();
        let p2 = quote(&parse_scenario(&text_pp(cores + more)).unwrap(), PriceBook::builtin()).unwrap();
        prop_assert!(p2.product_total(Product::Tcss) >= p1.product_total(Product::Tcss));
    }

    /// The scenario reader never panics: it returns errors.
    #[test]
    fn reader_never_panics_on_arbitrary_text(text in ".{0,400}") {
        let _ = parse_scenario(&text);
    }

    /// Nor on a valid file with a random cut or a random byte changed.
    #[test]
    fn reader_never_panics_on_damaged_files(base in arb_scenario(), cut in 0usize..1200, at in 0usize..1200, ch in any::<char>()) {
        let cut_text: String = base.chars().take(cut).collect();
        let _ = parse_scenario(&cut_text);
        let mut chars: Vec<char> = base.chars().collect();
        if !chars.is_empty() { let i = at % chars.len(); chars[i] = ch; }
        let changed: String = chars.into_iter().collect();
        if let Ok(s) = parse_scenario(&changed) {
            let _ = quote(&s, PriceBook::builtin());
        }
    }
}
