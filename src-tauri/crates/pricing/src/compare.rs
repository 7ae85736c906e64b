//! Every alternative per product with its cost or why it is infeasible, cheapest first.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::book::PriceBook;
use crate::ids::{Edition, Product, Site};
use crate::image_search;
use crate::money::{conversion_factor, Currency};
use crate::quote::{self, Line, QuoteError, Strategy};
use crate::scenario::{EditionChoice, Scenario, TcrBilling, TcssBilling};
use crate::tcr;

/// One way to buy a product for the whole scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alternative {
    pub product: Product,
    /// Machine key: `standard/payg`, `auto`, `5000000/10`, `all_prepaid` …
    pub plan: String,
    /// How a person says it.
    pub label: String,
    /// Total over the scenario in the report currency; `None` when unknown or infeasible.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub total: Option<Decimal>,
    pub currency: Currency,
    /// Every month is feasible.
    pub feasible: bool,
    /// Every price is known.
    pub complete: bool,
    /// Why it is infeasible or incomplete: the first month and the requirements it fails.
    pub reasons: Vec<String>,
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

fn summarise(
    product: Product,
    plan: String,
    label: String,
    lines: &[Vec<Line>],
    factor: Decimal,
    scenario: &Scenario,
) -> Alternative {
    let mut total = Decimal::ZERO;
    let mut feasible = true;
    let mut complete = true;
    let mut reasons = Vec::new();
    for (k, month_lines) in lines.iter().enumerate() {
        for l in month_lines {
            match l.amount {
                Some(a) => total += a * factor,
                None if !l.infeasible => complete = false,
                None => {}
            }
            if l.infeasible {
                if feasible {
                    reasons.push(format!(
                        "{}: {}",
                        scenario.start.plus(k as u32),
                        l.note.clone().unwrap_or_default()
                    ));
                }
                feasible = false;
            } else if l.price_missing || l.custom_quote {
                if complete_reason_missing(&reasons) {
                    let why = l
                        .note
                        .clone()
                        .unwrap_or_else(|| format!("no price for {}", l.item));
                    reasons.push(format!("{}: {}", scenario.start.plus(k as u32), why));
                }
                complete = false;
            }
        }
    }
    Alternative {
        product,
        plan,
        label,
        total: (feasible && complete).then_some(total),
        currency: scenario.currency,
        feasible,
        complete,
        reasons,
        current: false,
        recommended: false,
        saving: None,
    }
}

fn complete_reason_missing(reasons: &[String]) -> bool {
    reasons.len() < 2
}

/// Compares every alternative of every product in the scenario (edition × billing for TCR,
/// licence strategy for TCSS, package for Image Search).
pub fn compare(scenario: &Scenario, book: &PriceBook) -> Result<Comparison, QuoteError> {
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
    let factor = |site: Site| {
        conversion_factor(&scenario.rates, site.currency(), scenario.currency)
            .unwrap_or(Decimal::ONE)
    };

    if let Some(spec) = &scenario.tcr {
        let f = factor(spec.site);
        let mut alts = Vec::new();
        let billings: &[TcrBilling] = if spec.site == Site::TencentCn {
            &[TcrBilling::Payg, TcrBilling::Monthly]
        } else {
            &[TcrBilling::Payg]
        };
        let series = tcr::Series::of(spec, scenario.months);
        for &billing in billings {
            for edition in Edition::ALL {
                // An edition that fails a month is infeasible whatever it costs: name the first
                // failing month and skip pricing it (rule TCR-FIT-1).
                let failing = (0..scenario.months).find_map(|k| {
                    let quotas = book.quota_version(scenario.price_date_of(k))?;
                    let fit = tcr::fit(
                        quotas,
                        edition,
                        spec.site,
                        &spec.region,
                        &series.requirements[k as usize],
                    );
                    (!fit.feasible()).then_some((k, fit))
                });
                let lines = match failing {
                    Some((k, fit)) => {
                        let texts: Vec<&str> = fit
                            .shortfalls
                            .iter()
                            .filter(|s| !s.by_ticket)
                            .map(|s| s.text.as_str())
                            .collect();
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
                        line.note = Some(format!(
                            "{} does not meet the requirements: {}",
                            edition.title(spec.site),
                            texts.join("; ")
                        ));
                        let mut lines = vec![Vec::new(); k as usize];
                        lines.push(vec![line]);
                        lines
                    }
                    None => {
                        quote::price_tcr(
                            scenario,
                            book,
                            spec,
                            Some((edition, billing)),
                            &mut scratch,
                        )
                        .1
                    }
                };
                let label = format!(
                    "{} ({})",
                    edition.title(spec.site),
                    if billing == TcrBilling::Payg {
                        "pay-as-you-go"
                    } else {
                        "monthly"
                    }
                );
                let mut alt = summarise(
                    Product::Tcr,
                    format!("{}/{}", edition.key(), billing.key()),
                    label,
                    &lines,
                    f,
                    scenario,
                );
                alt.current =
                    spec.edition == EditionChoice::Fixed(edition) && spec.billing == billing;
                alts.push(alt);
            }
        }
        let (_, lines) = quote::price_tcr(scenario, book, spec, None, &mut scratch);
        let mut auto = summarise(
            Product::Tcr,
            format!("auto/{}", spec.billing.key()),
            "Cheapest feasible edition each month".into(),
            &lines,
            f,
            scenario,
        );
        auto.current = spec.edition == EditionChoice::Auto;
        alts.push(auto);
        products.push(finish(Product::Tcr, alts));
    }

    if let Some(spec) = &scenario.tcss {
        let f = factor(spec.site);
        let mut alts = Vec::new();
        let strategies = [
            (
                Strategy::Optimal,
                "auto",
                "Sized licence (auto): prepaid cores where they pay, the rest postpaid",
            ),
            (
                Strategy::AllPrepaid,
                "all_prepaid",
                "All prepaid: license the most cores in use",
            ),
            (
                Strategy::AllPostpaid,
                "all_postpaid",
                "All postpaid: pay per core per day",
            ),
        ];
        for (strategy, key, label) in strategies {
            let (_, lines) = quote::price_tcss(scenario, book, spec, strategy, &mut scratch);
            let mut alt = summarise(Product::Tcss, key.into(), label.into(), &lines, f, scenario);
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
            let (_, lines) =
                quote::price_tcss(scenario, book, spec, Strategy::Scenario, &mut scratch);
            let mut alt = summarise(
                Product::Tcss,
                "prepaid".into(),
                "Prepaid with the scenario's licence".into(),
                &lines,
                f,
                scenario,
            );
            alt.current = true;
            alts.push(alt);
        }
        products.push(finish(Product::Tcss, alts));
    }

    if let Some(spec) = &scenario.image_search {
        let f = factor(spec.site);
        let mut alts = Vec::new();
        let date = scenario.price_date_of(0);
        let images = spec
            .images
            .series(scenario.months, true)
            .unwrap_or_default();
        let qps = spec.qps.series(scenario.months, true).unwrap_or_default();
        for (package, _) in image_search::packages(book, spec.site, date) {
            let label = format!(
                "{} images, {} QPS",
                group_thousands(package.capacity),
                package.qps
            );
            // A package too small for some month is infeasible: name the first such month and
            // skip pricing it (rule IS-3).
            if let Some(k) = (0..images.len()).find(|&k| !package.fits(images[k], qps[k])) {
                let note = format!(
                    "{package} holds {} images at {} QPS; the month needs {} images at {} QPS",
                    package.capacity, package.qps, images[k], qps[k]
                );
                alts.push(Alternative {
                    product: Product::ImageSearch,
                    plan: package.to_string(),
                    label,
                    total: None,
                    currency: scenario.currency,
                    feasible: false,
                    complete: true,
                    reasons: vec![format!("{}: {note}", scenario.start.plus(k as u32))],
                    current: false,
                    recommended: false,
                    saving: None,
                });
                continue;
            }
            let (_, line) = quote::price_image_search(
                scenario,
                book,
                spec.site,
                &spec.images,
                &spec.qps,
                spec.trial,
                Some(package),
                &mut scratch,
            );
            let lines: Vec<Vec<Line>> = line.into_iter().map(|l| vec![l]).collect();
            alts.push(summarise(
                Product::ImageSearch,
                package.to_string(),
                label,
                &lines,
                f,
                scenario,
            ));
        }
        let (_, line) = quote::price_image_search(
            scenario,
            book,
            spec.site,
            &spec.images,
            &spec.qps,
            spec.trial,
            None,
            &mut scratch,
        );
        let lines: Vec<Vec<Line>> = line.into_iter().map(|l| vec![l]).collect();
        let mut auto = summarise(
            Product::ImageSearch,
            "auto".into(),
            "Cheapest package each month".into(),
            &lines,
            f,
            scenario,
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
