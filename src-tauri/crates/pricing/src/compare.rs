//! Every alternative per product with its cost or why it is infeasible, cheapest first.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::book::PriceBook;
use crate::ids::{Edition, Product, Site};
use crate::image_search;
use crate::message::Message;
use crate::money::{conversion_factor, Currency};
use crate::quote::{self, Line, QuoteError, Strategy};
use crate::scenario::{EditionChoice, Scenario, TcrBilling, TcssBilling};
use crate::tcr;
use crate::totals::{self, LineTotal};

/// One way to buy a product for the whole scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alternative {
    pub product: Product,
    /// Machine key: `standard/payg`, `auto`, `5000000/10`, `all_prepaid` …
    pub plan: String,
    /// How a person says it.
    pub label: Message,
    /// Total over the scenario in the report currency; `None` when unknown or infeasible.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub total: Option<Decimal>,
    pub currency: Currency,
    /// Every month is feasible.
    pub feasible: bool,
    /// Every price is known.
    pub complete: bool,
    /// Why it is infeasible or incomplete: the first month and the requirements it fails.
    pub reasons: Vec<Message>,
    /// This is what the scenario uses now.
    pub current: bool,
    /// The cheapest feasible, complete alternative.
    pub recommended: bool,
    /// What choosing this instead of the current choice saves (positive) or costs (negative).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub saving: Option<Decimal>,
}

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

/// "2027-03: …": what a month says about an alternative.
fn reason(scenario: &Scenario, k: usize, message: Message) -> Message {
    Message::new("compare.reason")
        .text("month", scenario.start.plus(k as u32))
        .msg("message", message)
}

fn summarise(
    product: Product,
    plan: String,
    label: Message,
    lines: &[Vec<Line>],
    factor: Decimal,
    scenario: &Scenario,
) -> Alternative {
    let mut total = LineTotal::new(factor);
    let mut feasible = true;
    let mut complete = true;
    let mut reasons = Vec::new();
    for (k, month_lines) in lines.iter().enumerate() {
        for l in month_lines {
            match l.amount {
                Some(a) => total.add(a),
                None if !l.infeasible => complete = false,
                None => {}
            }
            if l.infeasible {
                if feasible {
                    let why = l
                        .note
                        .clone()
                        .unwrap_or_else(|| Message::new("tcr.no_edition_fits"));
                    reasons.push(reason(scenario, k, why));
                }
                feasible = false;
            } else if l.price_missing || l.custom_quote {
                if complete_reason_missing(&reasons) {
                    let why = l
                        .note
                        .clone()
                        .unwrap_or_else(|| Message::new("compare.no_price").text("item", &l.item));
                    reasons.push(reason(scenario, k, why));
                }
                complete = false;
            }
        }
    }
    Alternative {
        product,
        plan,
        label,
        total: (feasible && complete).then_some(total.sum()),
        currency: scenario.currency,
        feasible,
        complete,
        reasons,
        current: false,
        recommended: false,
        saving: None,
    }
}

fn complete_reason_missing(reasons: &[Message]) -> bool {
    reasons.len() < 2
}

/// How the comparison totals an alternative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Totals {
    /// From the amounts its lines would have (module `totals`) when every line is priced and
    /// feasible; from its written lines otherwise, so the reasons can name what is missing.
    Amounts,
    /// Always from its written lines: the straightforward way, which tests compare against.
    #[cfg_attr(not(test), allow(dead_code))]
    Lines,
}

/// Makes the alternatives of one product in the report currency.
struct Summary<'a> {
    scenario: &'a Scenario,
    factor: Decimal,
    totals: Totals,
}

impl Summary<'_> {
    /// An alternative from `total` when it has one (every line priced and feasible), else from
    /// its `lines`.
    fn alternative(
        &self,
        product: Product,
        plan: String,
        label: Message,
        total: impl FnOnce() -> Option<Decimal>,
        lines: impl FnOnce() -> Vec<Vec<Line>>,
    ) -> Alternative {
        let total = match self.totals {
            Totals::Amounts => total(),
            Totals::Lines => None,
        };
        match total {
            Some(total) => Alternative {
                product,
                plan,
                label,
                total: Some(total),
                currency: self.scenario.currency,
                feasible: true,
                complete: true,
                reasons: Vec::new(),
                current: false,
                recommended: false,
                saving: None,
            },
            None => summarise(product, plan, label, &lines(), self.factor, self.scenario),
        }
    }
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
    let n = scenario.months as usize;
    let summary = |site: Site| Summary {
        scenario,
        factor: conversion_factor(&scenario.rates, site.currency(), scenario.currency)
            .unwrap_or(Decimal::ONE),
        totals,
    };

    if let Some(spec) = &scenario.tcr {
        let sum = summary(spec.site);
        let mut alts = Vec::new();
        let billings: &[TcrBilling] = if spec.site == Site::TencentCn {
            &[TcrBilling::Payg, TcrBilling::Monthly]
        } else {
            &[TcrBilling::Payg]
        };
        let series = tcr::Series::of(spec, scenario.months);
        // Every edition's months under each billing, made once for all the alternatives.
        let tables: Vec<(TcrBilling, totals::TcrMonths)> = billings
            .iter()
            .chain((!billings.contains(&spec.billing)).then_some(&spec.billing))
            .map(|&b| (b, totals::TcrMonths::of(scenario, book, spec, &series, b)))
            .collect();
        let months_of = |billing: TcrBilling| {
            let found = tables.iter().find(|(b, _)| *b == billing);
            &found.expect("a table for every billing compared").1
        };
        for &billing in billings {
            let months = months_of(billing);
            for edition in Edition::ALL {
                let label = Message::new("compare.tcr_edition")
                    .text("edition", edition.key())
                    .text("site", spec.site.key())
                    .text("billing", billing.key());
                let plan = format!("{}/{}", edition.key(), billing.key());
                // An edition that fails a month is infeasible whatever it costs: name the first
                // failing month and skip pricing it (rule TCR-FIT-1).
                let failing = months.first_infeasible(edition);
                let mut alt = match failing {
                    Some(k) => {
                        let quotas = book
                            .quota_version(scenario.price_date_of(k))
                            .expect("a month found infeasible has a quota table");
                        let fit = tcr::fit(
                            quotas,
                            edition,
                            spec.site,
                            &spec.region,
                            &series.requirements[k as usize],
                        );
                        let mut line = Line::priced(
                            Product::Tcr,
                            "instance",
                            edition.key(),
                            Decimal::ZERO,
                            "hour",
                            None,
                            "TCR-FIT-1",
                            spec.site.currency(),
                        );
                        line.infeasible = true;
                        line.note = Some(tcr::edition_unmet(&fit, spec.site));
                        let mut lines = vec![Vec::new(); k as usize];
                        lines.push(vec![line]);
                        summarise(Product::Tcr, plan, label, &lines, sum.factor, scenario)
                    }
                    None => sum.alternative(
                        Product::Tcr,
                        plan,
                        label,
                        || months.total(EditionChoice::Fixed(edition), sum.factor),
                        || {
                            let fixed = Some((edition, billing));
                            let mut lines = vec![Vec::new(); n];
                            quote::price_tcr(scenario, book, spec, fixed, &mut scratch, &mut lines);
                            lines
                        },
                    ),
                };
                alt.current =
                    spec.edition == EditionChoice::Fixed(edition) && spec.billing == billing;
                alts.push(alt);
            }
        }
        // The scenario's own edition choice and billing: what `quote` prices.
        let months = months_of(spec.billing);
        let mut auto = sum.alternative(
            Product::Tcr,
            format!("auto/{}", spec.billing.key()),
            Message::new("compare.tcr_auto"),
            || months.total(spec.edition, sum.factor),
            || {
                let mut lines = vec![Vec::new(); n];
                quote::price_tcr(scenario, book, spec, None, &mut scratch, &mut lines);
                lines
            },
        );
        auto.current = spec.edition == EditionChoice::Auto;
        alts.push(auto);
        products.push(finish(Product::Tcr, alts));
    }

    if let Some(spec) = &scenario.tcss {
        let sum = summary(spec.site);
        let mut alts = Vec::new();
        let inputs = quote::tcss_inputs(scenario, book, spec);
        let mut alternative = |strategy: Strategy, key: &str, label: &str| {
            sum.alternative(
                Product::Tcss,
                key.into(),
                Message::new(label),
                || totals::tcss(&inputs, spec, scenario.months, strategy, sum.factor),
                || {
                    let mut lines = vec![Vec::new(); n];
                    quote::price_tcss(scenario, spec, &inputs, strategy, &mut scratch, &mut lines);
                    lines
                },
            )
        };
        let strategies = [
            (Strategy::Optimal, "auto", "compare.tcss_auto"),
            (
                Strategy::AllPrepaid,
                "all_prepaid",
                "compare.tcss_all_prepaid",
            ),
            (
                Strategy::AllPostpaid,
                "all_postpaid",
                "compare.tcss_all_postpaid",
            ),
        ];
        for (strategy, key, label) in strategies {
            let mut alt = alternative(strategy, key, label);
            alt.current = matches!(
                (strategy, spec.billing),
                (Strategy::Optimal, TcssBilling::Auto)
                    | (Strategy::AllPostpaid, TcssBilling::Postpaid)
            ) || (strategy == Strategy::AllPrepaid
                && spec.billing == TcssBilling::Prepaid
                && spec.licensed_cores.is_none()
                && spec.peak_cores.is_none());
            alts.push(alt);
        }
        if spec.billing == TcssBilling::Prepaid && !alts.iter().any(|a| a.current) {
            let mut alt = alternative(Strategy::Scenario, "prepaid", "compare.tcss_prepaid");
            alt.current = true;
            alts.push(alt);
        }
        products.push(finish(Product::Tcss, alts));
    }

    if let Some(spec) = &scenario.image_search {
        let sum = summary(spec.site);
        let mut alts = Vec::new();
        let date = scenario.price_date_of(0);
        let images = spec
            .images
            .series(scenario.months, true)
            .unwrap_or_default();
        let qps = spec.qps.series(scenario.months, true).unwrap_or_default();
        let needs: Vec<image_search::Need> = (0..images.len())
            .map(|k| image_search::Need::of(images[k], qps[k]))
            .collect();
        let catalogue = image_search::Catalogue::of(book, spec.site);
        let inputs = totals::ImageSearchInputs {
            scenario,
            book,
            site: spec.site,
            catalogue: &catalogue,
            images: &images,
            qps: &qps,
            trial: spec.trial,
        };
        // The lines of a fixed package (or of the cheapest each month), written out.
        let written = |package: Option<image_search::Package>, scratch: &mut Vec<quote::Note>| {
            let mut lines = vec![Vec::new(); n];
            quote::price_image_search(
                scenario,
                book,
                spec.site,
                &spec.images,
                &spec.qps,
                spec.trial,
                package,
                scratch,
                &mut lines,
            );
            lines
        };
        for (package, _) in catalogue.on(date) {
            let label = Message::new("compare.is_package")
                .text("capacity", group_thousands(package.capacity))
                .text("qps", package.qps);
            // A package too small for some month is infeasible: name the first such month and
            // skip pricing it (rule IS-3).
            if let Some(k) = (0..images.len()).find(|&k| !needs[k].met_by(package)) {
                let note = image_search::too_small(package, images[k], qps[k]);
                alts.push(Alternative {
                    product: Product::ImageSearch,
                    plan: package.to_string(),
                    label,
                    total: None,
                    currency: scenario.currency,
                    feasible: false,
                    complete: true,
                    reasons: vec![reason(scenario, k, note)],
                    current: false,
                    recommended: false,
                    saving: None,
                });
                continue;
            }
            let plan = package.to_string();
            let alt = sum.alternative(
                Product::ImageSearch,
                plan.clone(),
                label,
                || totals::image_search(&inputs, Some((package, &plan)), sum.factor),
                || written(Some(package), &mut scratch),
            );
            alts.push(alt);
        }
        let mut auto = sum.alternative(
            Product::ImageSearch,
            "auto".into(),
            Message::new("compare.is_auto"),
            || totals::image_search(&inputs, None, sum.factor),
            || written(None, &mut scratch),
        );
        auto.current = true;
        alts.push(auto);
        products.push(finish(Product::ImageSearch, alts));
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
    if let Some(best) = alts.iter_mut().find(|a| a.total.is_some()) {
        best.recommended = true;
    }
    let current_total = alts.iter().find(|a| a.current).and_then(|a| a.total);
    for a in &mut alts {
        a.saving = current_total.zip(a.total).map(|(c, t)| c - t);
    }
    ProductComparison {
        product,
        alternatives: alts,
    }
}

fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::image_search::Package;
    use crate::quote::Strategy;
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
        let book = PriceBook::builtin();
        let factor = |site: Site| conversion_factor(&s.rates, site.currency(), s.currency).unwrap();
        let tcr_spec = s.tcr.as_ref().unwrap();
        let series = tcr::Series::of(tcr_spec, s.months);
        let f = factor(tcr_spec.site);
        let months = totals::TcrMonths::of(&s, book, tcr_spec, &series, TcrBilling::Payg);
        for choice in [EditionChoice::Auto, EditionChoice::Fixed(Edition::Premium)] {
            assert!(months.total(choice, f).is_some(), "{choice:?}");
        }
        let tcss_spec = s.tcss.as_ref().unwrap();
        let inputs = quote::tcss_inputs(&s, book, tcss_spec);
        for strategy in [
            Strategy::Optimal,
            Strategy::AllPrepaid,
            Strategy::AllPostpaid,
        ] {
            let total = totals::tcss(
                &inputs,
                tcss_spec,
                s.months,
                strategy,
                factor(tcss_spec.site),
            );
            assert!(total.is_some(), "{strategy:?}");
        }
        let is_spec = s.image_search.as_ref().unwrap();
        let images = is_spec.images.series(s.months, true).unwrap();
        let qps = is_spec.qps.series(s.months, true).unwrap();
        let catalogue = image_search::Catalogue::of(book, is_spec.site);
        let inputs = totals::ImageSearchInputs {
            scenario: &s,
            book,
            site: is_spec.site,
            catalogue: &catalogue,
            images: &images,
            qps: &qps,
            trial: is_spec.trial,
        };
        assert!(totals::image_search(&inputs, None, factor(is_spec.site)).is_some());
        let big = Package::parse("50000000/10").unwrap();
        assert!(
            totals::image_search(&inputs, Some((big, "50000000/10")), factor(is_spec.site))
                .is_some()
        );
        // And the comparison agrees with its lines there too.
        assert_eq!(outcome(&s, Totals::Amounts), outcome(&s, Totals::Lines));
    }
}
