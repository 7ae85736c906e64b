//! TCR's alternatives: every edition under every billing the site sells, and the cheapest
//! feasible edition each month (rules TCR-FIT-1, TCR-FIT-2).

use rust_decimal::Decimal;

use crate::alternative::{summarise, Alternative, LineTotal, Summary};
use crate::book::PriceBook;
use crate::horizon::Horizon;
use crate::ids::{Edition, PriceItem, Product, Site};
use crate::line::{Line, Note};
use crate::message::Message;

use super::fit::{self};
use super::lines::{self};
use super::spec::{EditionChoice, TcrBilling, TcrSpec};

/// Every TCR alternative of the scenario, in the report currency.
pub(crate) fn alternatives(
    spec: &TcrSpec,
    book: &PriceBook,
    sum: &Summary,
    scratch: &mut Vec<Note>,
) -> Vec<Alternative> {
    let h = &sum.horizon;
    let n = h.months as usize;
    let mut alts = Vec::new();
    let billings: &[TcrBilling] = if spec.site == Site::TencentCn {
        &[TcrBilling::Payg, TcrBilling::Monthly]
    } else {
        &[TcrBilling::Payg]
    };
    let series = fit::Series::of(spec, h.months);
    // Every edition's months under each billing, made once for all the alternatives.
    let tables: Vec<(TcrBilling, TcrMonths)> = billings
        .iter()
        .chain((!billings.contains(&spec.billing)).then_some(&spec.billing))
        .map(|&b| (b, TcrMonths::of(h, book, spec, &series, b)))
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
                        .quota_version(h.price_date_of(k))
                        .expect("a month found infeasible has a quota table");
                    let fit = fit::fit(
                        quotas,
                        edition,
                        spec.site,
                        &spec.region,
                        &series.requirements[k as usize],
                    );
                    let mut line = Line::priced(
                        Product::Tcr,
                        PriceItem::Instance,
                        edition.key(),
                        Decimal::ZERO,
                        "hour",
                        None,
                        "TCR-FIT-1",
                        spec.site.currency(),
                    );
                    line.infeasible = true;
                    line.note = Some(fit::edition_unmet(&fit, spec.site));
                    let mut lines = vec![Vec::new(); k as usize];
                    lines.push(vec![line]);
                    summarise(
                        Product::Tcr,
                        plan,
                        label,
                        &lines,
                        &sum.factors,
                        h,
                        sum.currency,
                    )
                }
                None => sum.alternative(
                    Product::Tcr,
                    plan,
                    label,
                    || months.total(EditionChoice::Fixed(edition), sum.factor),
                    || {
                        let fixed = Some((edition, billing));
                        let mut lines = vec![Vec::new(); n];
                        lines::price_tcr(h, book, spec, fixed, scratch, &mut lines);
                        lines
                    },
                ),
            };
            alt.current = spec.edition == EditionChoice::Fixed(edition) && spec.billing == billing;
            say_ticket(
                &mut alt,
                months,
                EditionChoice::Fixed(edition),
                book,
                spec,
                &series,
                h,
            );
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
            lines::price_tcr(h, book, spec, None, scratch, &mut lines);
            lines
        },
    );
    auto.current = spec.edition == EditionChoice::Auto;
    say_ticket(&mut auto, months, spec.edition, book, spec, &series, h);
    alts.push(auto);
    alts
}

/// rule TCR-Q-3: a feasible alternative that fits only with a quota raised by ticket says so,
/// from the first month it does, as the quote does ("needs a ticket").
fn say_ticket(
    alt: &mut Alternative,
    months: &TcrMonths,
    choice: EditionChoice,
    book: &PriceBook,
    spec: &TcrSpec,
    series: &fit::Series,
    h: &Horizon,
) {
    if !alt.feasible {
        return;
    }
    let Some((k, edition)) = months.first_ticket(choice) else {
        return;
    };
    let Some(quotas) = book.quota_version(h.price_date_of(k)) else {
        return;
    };
    let f = fit::fit(
        quotas,
        edition,
        spec.site,
        &spec.region,
        &series.requirements[k as usize],
    );
    let all: Vec<Message> = f.shortfalls.iter().map(|s| s.message()).collect();
    let why = Message::new("tcr.needs_ticket").list("shortfalls", all);
    alt.reasons
        .insert(0, crate::alternative::reason(h, k as usize, why));
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
    /// It fits only with a quota raised by ticket (rule TCR-Q-3).
    ticket: bool,
    /// What choosing among editions weighs (`Charges::cost`), when it and another fit.
    cost: Option<Decimal>,
    /// The amounts of its lines if feasible; `None` when a price is missing.
    amounts: Option<lines::LineAmounts>,
}

impl TcrMonths {
    pub(crate) fn of(
        h: &Horizon,
        book: &PriceBook,
        spec: &TcrSpec,
        series: &fit::Series,
        billing: TcrBilling,
    ) -> TcrMonths {
        let mut last: Option<lines::MonthEntries> = None;
        let months = h
            .month_list()
            .enumerate()
            .map(|(k, month)| {
                let date = h.price_date_of(k as u32);
                let quotas = book.quota_version(date)?;
                let entries = lines::MonthEntries::after(last.as_ref(), book, spec, billing, date);
                last = Some(entries);
                let req = &series.requirements[k];
                // Whether a ticket is needed is asked only of an edition whose quotas a ticket
                // can raise (rule TCR-Q-3: Premium).
                let standing = Edition::ALL.map(|e| {
                    if quotas.raisable_by_ticket.iter().any(|t| t.edition == e) {
                        fit::standing(quotas, e, &spec.region, req)
                    } else {
                        (fit::feasible(quotas, e, &spec.region, req), false)
                    }
                });
                let feasible = standing.map(|(f, _)| f);
                // Costs decide only between two or more editions that fit: the one that fits
                // alone is chosen whatever it costs.
                let choosing = feasible.iter().filter(|f| **f).count() > 1;
                Some(std::array::from_fn(|i| {
                    let (edition, feasible) = (Edition::ALL[i], feasible[i]);
                    // The edition's charges, priced once: its cost and its line amounts.
                    let charges = feasible.then(|| entries.charges(edition, month, series, k));
                    EditionMonth {
                        feasible,
                        ticket: standing[i].1,
                        cost: charges.filter(|_| choosing).and_then(|c| c.cost()),
                        amounts: charges.and_then(|c| c.amounts()),
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

    /// The first month the edition `choice` buys in needs a ticket, and that edition (rule
    /// TCR-Q-3); for `auto`, the edition chosen each month.
    pub(crate) fn first_ticket(&self, choice: EditionChoice) -> Option<(u32, Edition)> {
        (0u32..).zip(&self.months).find_map(|(k, month)| {
            let month = month.as_ref()?;
            if !month.iter().any(|m| m.ticket) {
                return None;
            }
            let editions = Edition::ALL.into_iter().zip(month);
            let e = match choice {
                EditionChoice::Fixed(e) => e,
                EditionChoice::Auto => lines::cheapest_feasible(
                    editions.clone().map(|(e, m)| (e, m.feasible, m.cost)),
                )?,
            };
            let (_, m) = editions.clone().find(|(x, _)| *x == e)?;
            (m.feasible && m.ticket).then_some((k, e))
        })
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
                    let e = lines::cheapest_feasible(
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
        total.sum()
    }
}

#[cfg(test)]
mod tests {
    use crate::book::PriceBook;
    use crate::compare::compare;
    use crate::message::Lang;
    use crate::scenario::parse_scenario;

    #[test]
    fn tcr_q_3_compare_says_premium_needs_a_ticket() {
        // rule TCR-Q-3: 600 namespaces fit Premium (Advanced) only by ticket; compare says so
        // on Premium and on auto, which buys Premium, and on no other edition.
        let text = r#"{"plancast": 1, "name": "n", "start": "2027-01", "months": 3, "currency": "USD",
            "tcr": {"site": "tencent-intl", "region": "ap-guangzhou", "edition": "auto",
                    "needs": {"namespaces": [10, 600, 600]}}}"#;
        let c = compare(&parse_scenario(text).unwrap(), PriceBook::builtin()).unwrap();
        let alts = &c.products[0].alternatives;
        let said = |plan: &str| {
            let a = alts.iter().find(|a| a.plan == plan).unwrap();
            (
                a.feasible,
                a.reasons
                    .iter()
                    .map(|r| r.render(Lang::En))
                    .collect::<Vec<_>>(),
            )
        };
        let (feasible, reasons) = said("premium/payg");
        assert!(feasible);
        assert_eq!(reasons.len(), 1, "{reasons:?}");
        assert!(reasons[0].starts_with("2027-02"), "{reasons:?}");
        assert!(reasons[0].contains("ticket"), "{reasons:?}");
        let (feasible, reasons) = said("auto/payg");
        assert!(feasible && reasons[0].contains("ticket"), "{reasons:?}");
        let (feasible, reasons) = said("standard/payg");
        assert!(!feasible && !reasons.iter().any(|r| r.contains("ticket")));
        // Without the ticket need, nothing is said.
        let c = compare(
            &parse_scenario(&text.replace("[10, 600, 600]", "10")).unwrap(),
            PriceBook::builtin(),
        )
        .unwrap();
        assert!(c.products[0]
            .alternatives
            .iter()
            .filter(|a| a.feasible)
            .all(|a| a.reasons.is_empty()));
    }
}

#[cfg(test)]
mod known {
    use crate::book::PriceBook;
    use crate::compare::compare;
    use crate::message::Lang;
    use crate::scenario::parse_scenario;
    use rust_decimal_macros::dec;

    #[test]
    fn gen_5_before_cos_prices_compare_on_what_is_known() {
        // rule GEN-5 (revised 2026-12): before COS's dated prices (2023-07-10), 500 GB of
        // storage has no price in any Enterprise edition. The comparison still totals the
        // priced lines, recommends the cheapest feasible edition on them, and says what is not
        // known. Standard is 0.28 × (744 + 672) = 396.48.
        let text = r#"{"plancast": 1, "name": "old", "start": "2023-01", "months": 2, "currency": "USD",
            "tcr": {"site": "tencent-intl", "region": "ap-guangzhou", "edition": "auto",
                    "needs": {"namespaces": 60}, "storage_gb": "500"}}"#;
        let c = compare(&parse_scenario(text).unwrap(), PriceBook::builtin()).unwrap();
        let alts = &c.products[0].alternatives;
        let best = alts.iter().find(|a| a.recommended).unwrap();
        assert_eq!(best.plan, "standard/payg");
        assert_eq!(best.total, Some(dec!(396.48)));
        assert!(best.feasible && !best.complete);
        assert!(best.reasons[0]
            .render(Lang::En)
            .starts_with("2023-01: no price for storage"));
        let premium = alts.iter().find(|a| a.plan == "premium/payg").unwrap();
        assert_eq!(premium.total, Some(dec!(0.54) * dec!(1416)));
        // Like with like: the saving of Premium against the current (auto, also incomplete).
        assert_eq!(premium.saving, Some(dec!(396.48) - dec!(0.54) * dec!(1416)));
        // With zero GB, every month prices fully (rule GEN-5) and the choice is complete.
        let c = compare(
            &parse_scenario(&text.replace(r#""storage_gb": "500""#, r#""storage_gb": "0""#))
                .unwrap(),
            PriceBook::builtin(),
        )
        .unwrap();
        let best = c.products[0]
            .alternatives
            .iter()
            .find(|a| a.recommended)
            .unwrap();
        assert!(best.complete && best.reasons.is_empty());
        assert_eq!(best.total, Some(dec!(396.48)));
    }
}
