//! What an alternative costs over the scenario, without writing its lines.
//!
//! The comparison prices every alternative of every product (each TCR edition and billing,
//! the TCSS licence strategies, every Image Search package that fits) but shows only each
//! one's total, or why it has none. Writing every month's lines, with their texts, only to
//! add them up was most of its cost. These functions take the same quantities and price-book
//! entries as `price_tcr`, `price_tcss` and `price_image_search` and add the same amounts in
//! the same order as the comparison adds written lines (each amount × factor, line by line,
//! month by month), so the total is the same decimal, scale included.
//!
//! They answer only for alternatives whose every line is priced and feasible. Otherwise they
//! return `None` and the comparison writes the lines, whose notes say what is missing or
//! infeasible. A test checks that both ways give the same comparison.

use rust_decimal::Decimal;

use crate::book::{PriceBook, PriceEntry};
use crate::ids::{Edition, Site};
use crate::image_search::{self, Catalogue, Package, Selection};
use crate::quote::{self, Strategy, TcssInputs};
use crate::scenario::{EditionChoice, Scenario, TcrBilling, TcrSpec, TcssSpec};
use crate::tcr;

/// A sum of line amounts in the report currency, added as the comparison adds lines: each
/// amount × the site's conversion factor (rule GEN-8, `money::convert`), in line order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineTotal {
    factor: Decimal,
    sum: Decimal,
}

impl LineTotal {
    pub(crate) fn new(factor: Decimal) -> LineTotal {
        LineTotal {
            factor,
            sum: Decimal::ZERO,
        }
    }

    /// Adds a line's amount in its site currency.
    pub(crate) fn add(&mut self, amount: Decimal) {
        self.sum += crate::money::convert(amount, self.factor);
    }

    /// Adds a line of `quantity` at `entry`'s price, as [`crate::quote::Line::priced`] computes
    /// its amount; `None` when there is no entry (the price is missing, rule GEN-5).
    fn priced(&mut self, quantity: Decimal, entry: Option<&PriceEntry>) -> Option<()> {
        self.add(quantity * entry?.amount);
        Some(())
    }

    pub(crate) fn sum(&self) -> Decimal {
        self.sum
    }
}

/// Every edition's standing in every month under one billing, from which the comparison makes
/// all its TCR alternatives: each edition for the whole scenario, and the cheapest feasible
/// edition each month (rules TCR-FIT-1, TCR-FIT-2).
pub(crate) struct TcrMonths {
    /// Per month, each edition in [`Edition::ALL`] order; `None` when no quota table covers the
    /// month (its line has no price).
    months: Vec<Option<[EditionMonth; 4]>>,
}

/// One edition in one month. Cost and amounts are asked only of a feasible edition: only
/// feasible editions are chosen among, and a fixed edition that does not fit a month has no
/// total.
#[derive(Debug, Clone, Copy)]
struct EditionMonth {
    feasible: bool,
    /// What choosing among editions weighs (`tcr::edition_cost`), when it and another fit.
    cost: Option<Decimal>,
    /// The amounts of its lines if feasible; `None` when a price is missing.
    amounts: Option<tcr::LineAmounts>,
}

impl TcrMonths {
    pub(crate) fn of(
        scenario: &Scenario,
        book: &PriceBook,
        spec: &TcrSpec,
        series: &tcr::Series,
        billing: TcrBilling,
    ) -> TcrMonths {
        let mut last: Option<tcr::MonthEntries> = None;
        let months = scenario
            .month_list()
            .enumerate()
            .map(|(k, month)| {
                let date = scenario.price_date_of(k as u32);
                let quotas = book.quota_version(date)?;
                let entries = tcr::MonthEntries::after(last.as_ref(), book, spec, billing, date);
                last = Some(entries);
                let req = &series.requirements[k];
                let feasible = Edition::ALL.map(|e| tcr::feasible(quotas, e, &spec.region, req));
                // Costs decide only between two or more editions that fit: the one that fits
                // alone is chosen whatever it costs.
                let choosing = feasible.iter().filter(|f| **f).count() > 1;
                Some(std::array::from_fn(|i| {
                    let (edition, feasible) = (Edition::ALL[i], feasible[i]);
                    EditionMonth {
                        feasible,
                        cost: (feasible && choosing)
                            .then(|| entries.cost(edition, month, series, k))
                            .flatten(),
                        amounts: feasible
                            .then(|| entries.amounts(edition, month, series, k))
                            .flatten(),
                    }
                }))
            })
            .collect();
        TcrMonths { months }
    }

    /// The first month an edition does not meet the requirements in (rule TCR-FIT-1); a month
    /// without a quota table does not count.
    pub(crate) fn first_infeasible(&self, edition: Edition) -> Option<u32> {
        let i = Edition::ALL.iter().position(|e| *e == edition)?;
        (0u32..)
            .zip(&self.months)
            .find(|(_, m)| m.is_some_and(|m| !m[i].feasible))
            .map(|(k, _)| k)
    }

    /// The total of the lines `price_tcr` writes for `choice`; `None` when a month has no
    /// quota table, no feasible edition, a fixed edition that does not fit, or a missing price
    /// (rules TCR-FIT-1, TCR-FIT-2, GEN-5).
    pub(crate) fn total(&self, choice: EditionChoice, factor: Decimal) -> Option<Decimal> {
        let mut total = LineTotal::new(factor);
        for month in &self.months {
            let editions = Edition::ALL.into_iter().zip(month.as_ref()?);
            let chosen = match choice {
                EditionChoice::Fixed(e) => editions
                    .clone()
                    .find(|(x, _)| *x == e)
                    .filter(|(_, m)| m.feasible),
                EditionChoice::Auto => {
                    let e = tcr::cheapest_feasible(
                        editions.clone().map(|(e, m)| (e, m.feasible, m.cost)),
                    )?;
                    editions.clone().find(|(x, _)| *x == e)
                }
            };
            let (_, m) = chosen?;
            for &a in m.amounts?.as_slice() {
                total.add(a);
            }
        }
        Some(total.sum())
    }
}

/// The total of the lines `price_tcss` writes under a strategy: the Pro lines of the licence
/// (rules TCSS-PRO-1…TCSS-PRO-4), then image scanning and log analysis; `None` when a line's
/// price is missing.
pub(crate) fn tcss(
    inputs: &TcssInputs<'_>,
    spec: &TcssSpec,
    months: u32,
    strategy: Strategy,
    factor: Decimal,
) -> Option<Decimal> {
    let licensed = quote::licences(inputs, spec, months, strategy);
    let topup = quote::minimum_term_topup(inputs, &licensed);
    let mut total = LineTotal::new(factor);
    for (k, &l) in licensed.iter().enumerate() {
        let (prepaid, daily) = inputs.entries[k];
        let elastic = inputs.usage[k].elastic_core_days(l, spec.elastic_cap);
        if l > Decimal::ZERO {
            total.priced(l, prepaid)?;
            if let Some((_, extra)) = topup.filter(|(last, _)| *last == k) {
                total.priced(extra, prepaid)?;
            }
            if elastic > Decimal::ZERO {
                total.priced(elastic, daily)?;
            }
        } else {
            total.priced(elastic, daily)?;
        }
        if let Some(scan) = &inputs.scans[k] {
            total.add(scan.amount()?);
        }
        if let Some(log) = &inputs.logs[k] {
            total.add(log.amount()?);
        }
    }
    Some(total.sum())
}

/// What Image Search is priced from in every alternative: the site's packages and each
/// month's images and QPS.
pub(crate) struct ImageSearchInputs<'a, 'b> {
    pub(crate) scenario: &'a Scenario,
    pub(crate) book: &'b PriceBook,
    pub(crate) site: Site,
    pub(crate) catalogue: &'a Catalogue<'b>,
    pub(crate) images: &'a [Decimal],
    pub(crate) qps: &'a [Decimal],
    pub(crate) trial: bool,
}

/// The total of the lines `price_image_search` writes for one package every month (`fixed`,
/// with its plan text) or the cheapest that fits each month; `None` when a month is a custom
/// quote (rule IS-4) or a fixed package is too small for it (rule IS-3).
pub(crate) fn image_search(
    inputs: &ImageSearchInputs<'_, '_>,
    fixed: Option<(Package, &str)>,
    factor: Decimal,
) -> Option<Decimal> {
    let mut total = LineTotal::new(factor);
    let mut trial_used = false;
    let mut last = None;
    for k in 0..inputs.scenario.months as usize {
        let date = inputs.scenario.price_date_of(k as u32);
        let (images, qps) = (inputs.images[k], inputs.qps[k]);
        let (package, entry) = match fixed {
            Some((p, plan)) => {
                let entry = image_search::plan_entry(inputs.book, inputs.site, plan, date, last)?;
                last = Some(entry);
                (p.fits(images, qps).then_some(p)?, entry)
            }
            None => match inputs.catalogue.select(date, images, qps) {
                Selection::Package(p, e) => (p, e),
                Selection::CustomQuote => return None,
            },
        };
        // A package line is one month of the package (rule IS-3), free in the trial month
        // (rule IS-5).
        let mut amount = Decimal::ONE * entry.amount;
        if inputs.trial && !trial_used && package == image_search::TRIAL_PACKAGE {
            trial_used = true;
            amount = Decimal::ZERO;
        }
        total.add(amount);
    }
    Some(total.sum())
}
