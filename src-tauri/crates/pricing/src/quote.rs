//! Month-by-month quotes: line items with rule and source, totals, completeness and budgets.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::book::{BookError, PriceBook, PriceEntry};
use crate::budget::{self, BudgetError, BudgetMonth, BudgetSummary, MonthSpend};
use crate::calendar::YearMonth;
use crate::ids::{Edition, Product};
use crate::line::{note, Line, Note};
use crate::message::Message;
use crate::money::{checked_sum, conversion_on, convert, Conversion, Currency};
use crate::overflow::Overflow;
use crate::products::image_search::ImageSearchSummary;
use crate::products::tcr::{Shortfall, TcrMonth};
use crate::products::tcss::TcssSummary;
use crate::products::ProductDetail;
use crate::read::FieldError;
use crate::scenario::Scenario;

/// One month of a quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthQuote {
    pub month: YearMonth,
    pub lines: Vec<Line>,
    /// Σ converted amounts of known lines, in the report currency.
    #[serde(with = "rust_decimal::serde::str")]
    pub total: Decimal,
    pub complete: bool,
    pub budgets: Vec<BudgetMonth>,
    /// The date the month is priced and converted at (rules GEN-4, GEN-8).
    #[serde(skip)]
    pub price_date: NaiveDate,
}

impl MonthQuote {
    /// The month's spend on one product in the report currency. The sums of a quote cannot
    /// overflow: each is part of the month's or the quote's total, which [`quote`] computed
    /// with checks, and every converted amount is ≥ 0.
    pub fn product_total(&self, product: Product) -> Decimal {
        self.lines
            .iter()
            .filter(|l| l.product == product)
            .filter_map(|l| l.converted)
            .sum()
    }
}

/// A whole quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub scenario: String,
    pub currency: Currency,
    /// False when any line has a missing price, is a custom quote or is infeasible (GEN-5).
    pub complete: bool,
    pub months: Vec<MonthQuote>,
    #[serde(with = "rust_decimal::serde::str")]
    pub total: Decimal,
    pub notes: Vec<Note>,
    /// What each product's pricing reports besides its lines, in the scenario's product order.
    pub details: Vec<ProductDetail>,
    pub budgets: Vec<BudgetSummary>,
    /// The price-book entries the quote used (rule GEN-4), so it can be kept and explained.
    pub entries: Vec<PriceEntry>,
}

impl Quote {
    /// Spend per month and product in the report currency.
    pub fn spend(&self) -> Vec<MonthSpend> {
        self.months
            .iter()
            .map(|m| MonthSpend {
                month: m.month,
                date: m.price_date,
                by_product: Product::ALL.map(|p| m.product_total(p)),
            })
            .collect()
    }

    /// TCR's edition each month, when the scenario prices TCR.
    pub fn tcr(&self) -> Option<&Vec<TcrMonth>> {
        self.details.iter().find_map(|d| match d {
            ProductDetail::Tcr(t) => Some(t),
            _ => None,
        })
    }

    /// TCSS's licence sizing, when the scenario prices TCSS.
    pub fn tcss(&self) -> Option<&TcssSummary> {
        self.details.iter().find_map(|d| match d {
            ProductDetail::Tcss(t) => Some(t),
            _ => None,
        })
    }

    /// Image Search's packages and changes, when the scenario prices it.
    pub fn image_search(&self) -> Option<&ImageSearchSummary> {
        self.details.iter().find_map(|d| match d {
            ProductDetail::ImageSearch(t) => Some(t),
            _ => None,
        })
    }

    /// What a TCR line's edition lacks in month `k`, one message per failing requirement
    /// (rule TCR-FIT-2), those a ticket lifts included with `ticket: true` (rule TCR-Q-3). A
    /// line with no edition (none meets the requirements) names what Premium lacks. Empty for
    /// other products and for months the edition fits.
    pub fn tcr_shortfall(&self, k: usize, line: &Line) -> Vec<Message> {
        if line.product != Product::Tcr {
            return Vec::new();
        }
        let Some(month) = self.tcr().and_then(|t| t.get(k)) else {
            return Vec::new();
        };
        let edition = month.edition.unwrap_or(Edition::Premium);
        month
            .options
            .iter()
            .find(|o| o.edition == edition)
            .map(|o| o.fit.shortfalls.iter().map(Shortfall::message).collect())
            .unwrap_or_default()
    }

    /// The total of one product over the scenario, in the report currency.
    pub fn product_total(&self, product: Product) -> Decimal {
        self.months.iter().map(|m| m.product_total(product)).sum()
    }
}

/// Why a scenario cannot be quoted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum QuoteError {
    /// Input that is well-formed but breaks a dated rule (for example an elastic cap below the
    /// minimum in force); reported like any other invalid input.
    #[error("invalid scenario: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Book(#[from] BookError),
    /// A figure too large to compute, with the field and the month (`overflow::Overflow`):
    /// invalid input like the others, never a panic.
    #[error(transparent)]
    TooLarge(#[from] Overflow),
}

impl From<BudgetError> for QuoteError {
    fn from(e: BudgetError) -> Self {
        match e {
            BudgetError::MissingRate(e) => QuoteError::Invalid(vec![FieldError::coded(
                "rates",
                Message::new("field.missing_rate")
                    .text("from", e.from.code())
                    .text("to", e.to.code()),
            )]),
            BudgetError::TooLarge(o) => QuoteError::TooLarge(o),
        }
    }
}

/// Quotes a scenario against a price book (the built-in one, or one with the user's entries).
/// The scenario's own `prices` are added on top (rule GEN-3).
pub fn quote(scenario: &Scenario, book: &PriceBook) -> Result<Quote, QuoteError> {
    let owned;
    let book = if scenario.prices.is_empty() {
        book
    } else {
        owned = book.with_user_entries(scenario.prices.clone())?;
        &owned
    };
    check_against_book(scenario, book)?;
    let h = scenario.horizon();
    let n = scenario.months as usize;
    // Each product appends its lines to the month's. Sized once for the most a month can have:
    // lines are large, and growing every month's list was a good part of the cost.
    let most = scenario.products.iter().map(|p| p.most_lines()).sum();
    let mut lines: Vec<Vec<Line>> = (0..n).map(|_| Vec::with_capacity(most)).collect();
    let mut notes = Vec::new();
    let details: Vec<ProductDetail> = scenario
        .products
        .iter()
        .map(|p| p.price(&h, book, &mut notes, &mut lines))
        .collect();
    let mut months: Vec<MonthQuote> = scenario
        .month_list()
        .zip(lines)
        .enumerate()
        .map(|(k, (month, lines))| MonthQuote {
            month,
            lines,
            total: Decimal::ZERO,
            complete: true,
            budgets: Vec::new(),
            price_date: h.price_date_of(k as u32),
        })
        .collect();

    // rule GEN-8: convert each line from its currency to the report currency, each month at
    // the rate in force on its price date.
    let mut early = EarlyRates::default();
    // Every figure a quote adds up is checked: a line, a conversion or a sum beyond what a
    // decimal holds is an error naming it and its month, never a panic. Sums are added in
    // line order from zero, as `Iterator::sum` adds them.
    for m in &mut months {
        let factors = Currency::ALL.map(|c| {
            let found = conversion_on(&scenario.rates, c, scenario.currency, m.price_date).ok();
            if let Some(conversion) = found {
                if conversion.before_earliest && m.lines.iter().any(|l| l.currency == c) {
                    early.note(c, scenario.currency, m.month, conversion);
                }
            }
            found.map(|conversion| conversion.factor)
        });
        let mut total = Decimal::ZERO;
        for l in &mut m.lines {
            if l.overflowed() {
                return Err(Overflow::new(l.field(), Some(m.month)).into());
            }
            let factor = Currency::ALL
                .iter()
                .position(|c| *c == l.currency)
                .and_then(|i| factors[i]);
            l.converted = match l.amount.zip(factor) {
                Some((a, f)) => {
                    let c = convert(a, f).ok_or_else(|| Overflow::new(l.field(), Some(m.month)))?;
                    total = total
                        .checked_add(c)
                        .ok_or_else(|| Overflow::new("total", Some(m.month)))?;
                    Some(c)
                }
                None => None,
            };
        }
        m.total = total;
        m.complete = m.lines.iter().all(Line::is_complete);
    }
    notes.extend(early.notes());
    let complete = months.iter().all(|m| m.complete);
    if !complete {
        notes.push(note(None, Message::new("quote.incomplete")));
    }
    let total =
        checked_sum(months.iter().map(|m| m.total)).ok_or_else(|| Overflow::new("total", None))?;

    let mut quote = Quote {
        scenario: scenario.name.clone(),
        currency: scenario.currency,
        complete,
        months,
        total,
        notes,
        details,
        budgets: Vec::new(),
        entries: Vec::new(),
    };
    let (per_month, summaries) = budget::evaluate(
        &scenario.budgets,
        &quote.spend(),
        scenario.currency,
        &scenario.rates,
    )?;
    for (m, b) in quote.months.iter_mut().zip(per_month) {
        m.budgets = b;
    }
    quote.budgets = summaries;
    debug_assert_eq!(quote.months.len(), n);

    // rule GEN-4: record the entries used, and name each line's entry.
    let used: BTreeSet<usize> = quote
        .months
        .iter()
        .flat_map(|m| &m.lines)
        .map(|l| l.entry_address)
        .filter(|a| *a != 0)
        .collect();
    let mut ids: Vec<(usize, String)> = Vec::with_capacity(used.len());
    for e in book.entries() {
        let address = e as *const PriceEntry as usize;
        if used.contains(&address) {
            ids.push((address, e.id()));
            quote.entries.push(e.clone());
        }
    }
    for l in quote.months.iter_mut().flat_map(|m| &mut m.lines) {
        l.entry_id = ids
            .iter()
            .find(|(a, _)| *a == l.entry_address)
            .map(|(_, id)| id.clone());
    }
    Ok(quote)
}

/// The months converted at a pair's earliest rate because they come before it (rule GEN-8):
/// per pair, the last such month and the rate used, for one note each.
#[derive(Default)]
struct EarlyRates {
    pairs: Vec<(Currency, Currency, YearMonth, Conversion)>,
}

impl EarlyRates {
    fn note(&mut self, from: Currency, to: Currency, month: YearMonth, c: Conversion) {
        match self.pairs.iter_mut().find(|p| p.0 == from && p.1 == to) {
            Some(p) => p.2 = month,
            None => self.pairs.push((from, to, month, c)),
        }
    }

    fn notes(&self) -> impl Iterator<Item = Note> + '_ {
        self.pairs.iter().map(|(from, to, until, c)| {
            note(
                None,
                Message::new("quote.rate_before_earliest")
                    .text("from", from.code())
                    .text("to", to.code())
                    .text("until", until)
                    .num("rate", c.factor)
                    .text(
                        "date",
                        c.rate_date.map(|d| d.to_string()).unwrap_or_default(),
                    ),
            )
        })
    }
}

/// Checks that need the price book, each product's own (rule TCSS-PRO-5's dated minimum, for
/// example): the same input is refused by quote and compare alike.
pub(crate) fn check_against_book(scenario: &Scenario, book: &PriceBook) -> Result<(), QuoteError> {
    let mut errors = Vec::new();
    let h = scenario.horizon();
    for p in &scenario.products {
        p.check_against_book(&h, book, &mut errors);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(QuoteError::Invalid(errors))
    }
}

/// The date a scenario month is priced at (rule GEN-4); re-exported for adapters.
pub fn price_date(scenario: &Scenario, k: u32) -> NaiveDate {
    scenario.price_date_of(k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::PriceItem;
    use crate::scenario::parse_scenario;
    use rust_decimal_macros::dec;

    fn quote_of(json: &str) -> Quote {
        quote(&parse_scenario(json).expect("valid"), PriceBook::builtin()).expect("quotes")
    }

    fn codes(q: &Quote) -> Vec<&str> {
        q.notes.iter().map(Note::code).collect()
    }

    const ALL: &str = r#"{"plancast": 1, "name": "n", "start": "2027-01", "months": 2, "currency": "USD",
        "rates": [{"from": "CNY", "to": "USD", "rate": "0.14", "date": "2026-11-01"}],
        "tcr": {"site": "tencent-intl", "region": "ap-guangzhou", "edition": "basic"},
        "tcss": {"site": "tencent-intl", "billing": "postpaid", "cores": 10},
        "image_search": {"site": "aliyun-cn", "images": 1000, "qps": 1}}"#;

    #[test]
    fn lifecycle_facts_are_shown_as_notes() {
        // rules TCR-L-1, TCSS-L-1, TCSS-PRO-6, IS-1, IS-7
        let q = quote_of(ALL);
        for code in [
            "tcr.lifecycle",
            "tcss.lifecycle",
            "tcss.counted_hosts",
            "is.package",
            "is.expiry",
        ] {
            assert!(
                codes(&q).contains(&code),
                "{code} missing from {:?}",
                codes(&q)
            );
        }
        let text = |code: &str| {
            q.notes
                .iter()
                .find(|n| n.code() == code)
                .unwrap()
                .text()
                .clone()
        };
        assert!(text("tcr.lifecycle").contains("region cannot change"));
        assert!(text("tcss.lifecycle").contains("5 days after expiry"));
        assert!(text("tcss.counted_hosts").contains("online cloud hosts running containers"));
        assert!(text("is.package").contains("delete QPS is fixed at 20"));
        assert!(text("is.expiry").contains("7 calendar days"));
    }

    #[test]
    fn is_1_packages_do_not_stack() {
        // rule IS-1: 60,000,000 images is not two 50M/30M packages; it is a custom quote (IS-4).
        let q = quote_of(&ALL.replace("\"images\": 1000", "\"images\": 60000000"));
        let line = q.months[0]
            .lines
            .iter()
            .find(|l| l.product == Product::ImageSearch)
            .unwrap();
        assert!(line.custom_quote && line.amount.is_none());
        assert!(line
            .note_text()
            .as_deref()
            .unwrap()
            .contains("imagesearch-support@alibaba-inc.com"));
        assert!(!q.complete);
    }

    #[test]
    fn is_5_trial_makes_the_first_month_of_the_small_package_free_once() {
        // rule IS-5
        let q = quote_of(&ALL.replace("\"qps\": 1}", "\"qps\": 1, \"trial\": true}"));
        let amounts: Vec<Option<Decimal>> = q
            .months
            .iter()
            .map(|m| {
                m.lines
                    .iter()
                    .find(|l| l.product == Product::ImageSearch)
                    .unwrap()
                    .amount
            })
            .collect();
        assert_eq!(amounts, vec![Some(Decimal::ZERO), Some(dec!(980))]);
        // Not for any other package.
        let q = quote_of(&ALL.replace("\"qps\": 1}", "\"qps\": 5, \"trial\": true}"));
        assert_eq!(
            q.months[0]
                .lines
                .iter()
                .find(|l| l.product == Product::ImageSearch)
                .unwrap()
                .amount,
            Some(dec!(3800))
        );
    }

    /// The Image Search line of each month.
    fn is_lines(q: &Quote) -> Vec<&Line> {
        q.months
            .iter()
            .map(|m| {
                m.lines
                    .iter()
                    .find(|l| l.product == Product::ImageSearch)
                    .unwrap()
            })
            .collect()
    }

    #[test]
    fn is_5_no_trial_when_the_small_package_is_not_the_first() {
        // rule IS-5 (revised 2026-12): the trial is for new buyers. A scenario that starts on
        // the 2,500,000 package and later downgrades to 100,000 gets no free month.
        let q = quote_of(
            &ALL.replace("\"images\": 1000", "\"images\": [2000000, 1000]")
                .replace("\"qps\": 1}", "\"qps\": 1, \"trial\": true}"),
        );
        let amounts: Vec<Option<Decimal>> = is_lines(&q).iter().map(|l| l.amount).collect();
        assert_eq!(amounts, vec![Some(dec!(3800)), Some(dec!(980))]);
        assert!(is_lines(&q).iter().all(|l| l.rule != "IS-5"));
        // A custom quote first is a first package too.
        let q = quote_of(
            &ALL.replace("\"images\": 1000", "\"images\": [60000000, 1000]")
                .replace("\"qps\": 1}", "\"qps\": 1, \"trial\": true}"),
        );
        assert_eq!(is_lines(&q)[1].amount, Some(dec!(980)));
    }

    #[test]
    fn gen_5_image_search_before_its_list_date_is_a_missing_price_not_a_custom_quote() {
        // rule GEN-5, IS-4: the aliyun-cn list is dated 2020-09-30; 2020-08 has no price.
        let q = quote_of(&ALL.replace("2027-01", "2020-08"));
        let lines = is_lines(&q);
        assert!(lines[0].price_missing && !lines[0].custom_quote && lines[0].amount.is_none());
        assert_eq!(lines[0].note.as_ref().unwrap().code, "is.no_price");
        assert!(!lines[0].note_text().unwrap().contains("50,000,000"));
        // 2020-09 is priced on 2020-09-01, still before the list: missing too.
        assert!(lines[1].price_missing && !lines[1].custom_quote);
        assert!(!q.complete);
        // From the list's first full month, the package is priced.
        let q = quote_of(&ALL.replace("2027-01", "2020-10"));
        assert_eq!(is_lines(&q)[0].amount, Some(dec!(980)));
    }

    #[test]
    fn is_6_a_downgrade_refunds_old_minus_new() {
        // rule IS-6: the refund is old − new price, and the note says so.
        let q = quote_of(
            &ALL.replace("\"images\": 1000", "\"images\": [3000000, 2000000]")
                .replace("\"qps\": 1", "\"qps\": 5"),
        );
        let text = q
            .notes
            .iter()
            .find(|n| n.code() == "is.package_downgrade")
            .unwrap()
            .text();
        assert!(
            text.contains("refunds 2900.00 CNY (old − new price"),
            "{text}"
        );
    }

    #[test]
    fn is_6_package_changes_are_listed_with_charge_or_refund() {
        // rule IS-6
        let q = quote_of(
            &ALL.replace("\"months\": 2", "\"months\": 3")
                .replace(
                    "\"images\": 1000",
                    "\"images\": [2000000, 3000000, 2000000]",
                )
                .replace("\"qps\": 1", "\"qps\": 5"),
        );
        let changes = &q.image_search().unwrap().changes;
        assert_eq!(changes.len(), 2);
        assert_eq!(
            (changes[0].kind, changes[0].amount),
            ("upgrade", dec!(2900))
        );
        assert_eq!(
            (changes[1].kind, changes[1].amount),
            ("downgrade", dec!(2900))
        );
        // Each month is billed at its own package; the change amounts are not added.
        let totals: Vec<Decimal> = q
            .months
            .iter()
            .map(|m| m.product_total(Product::ImageSearch))
            .collect();
        assert_eq!(
            totals,
            vec![
                dec!(3800) * dec!(0.14),
                dec!(6700) * dec!(0.14),
                dec!(3800) * dec!(0.14)
            ]
        );
    }

    #[test]
    fn tcss_t_1_no_trial_where_none_is_published() {
        // rule TCSS-T-1: the China site publishes no trial; asking for one applies none and
        // says so, instead of silently charging every day.
        let text = r#"{"plancast": 1, "name": "n", "start": "2027-01", "months": 1, "currency": "CNY",
            "tcss": {"site": "tencent-cn", "billing": "postpaid", "cores": 10, "trial": true}}"#;
        let q = quote_of(text);
        assert!(
            codes(&q).contains(&"tcss.trial_unpublished"),
            "{:?}",
            codes(&q)
        );
        assert!(!codes(&q).contains(&"tcss.trial_once"));
        let line = &q.months[0].lines[0];
        assert_eq!(line.amount, Some(dec!(10) * dec!(31) * dec!(1)));
        // The international site has one: applied, and said once.
        let q = quote_of(
            &text
                .replace("tencent-cn", "tencent-intl")
                .replace("CNY", "USD"),
        );
        assert!(codes(&q).contains(&"tcss.trial_once"));
    }

    #[test]
    fn tcss_t_1_prepaid_trial_charges_the_subscription_in_full() {
        // rule TCSS-T-1
        let q = quote_of(&ALL.replace(
            "\"billing\": \"postpaid\", \"cores\": 10",
            "\"billing\": \"prepaid\", \"cores\": 10, \"trial\": true",
        ));
        let pro = q.months[0]
            .lines
            .iter()
            .find(|l| l.item == PriceItem::ProPrepaid)
            .unwrap();
        assert_eq!(pro.amount, Some(dec!(67.5)));
        assert!(pro
            .note_text()
            .as_deref()
            .unwrap()
            .contains("starts on day 8"));
        let q = quote_of(&ALL.replace("\"cores\": 10", "\"cores\": 10, \"trial\": true"));
        let post = q.months[0]
            .lines
            .iter()
            .find(|l| l.item == PriceItem::ProPostpaid)
            .unwrap();
        assert_eq!((post.quantity, post.amount), (dec!(240), Some(dec!(60))));
        assert!(codes(&q).contains(&"tcss.trial_once"));
    }

    #[test]
    fn tcss_pro_3_cn_commitment_is_charged_at_purchase_when_the_scenario_ends_early() {
        // rule TCSS-PRO-3 (revised 2026-12): on tencent-cn 10 cores bought are committed for
        // 3 months and charged in full in the month of purchase; a 2-month scenario pays the
        // 3 months in its first month, names the month past its end, and its second month is
        // covered.
        let cn = ALL.replace(
            "\"site\": \"tencent-intl\", \"billing\": \"postpaid\", \"cores\": 10",
            "\"site\": \"tencent-cn\", \"billing\": \"prepaid\", \"cores\": 10",
        );
        let q = quote_of(&cn);
        let pro = |k: usize| -> Vec<(Decimal, Option<Decimal>, String)> {
            q.months[k]
                .lines
                .iter()
                .filter(|l| l.item == PriceItem::ProPrepaid)
                .map(|l| (l.quantity, l.amount, l.note_text().unwrap_or_default()))
                .collect()
        };
        let first = pro(0);
        assert_eq!(first.len(), 1);
        assert_eq!((first[0].0, first[0].1), (dec!(30), Some(dec!(900))));
        assert!(
            first[0].2.contains("falls after the scenario ends"),
            "{}",
            first[0].2
        );
        let second = pro(1);
        assert_eq!(second.len(), 1);
        assert_eq!((second[0].0, second[0].1), (dec!(10), Some(dec!(0))));
        assert!(second[0].2.contains("nothing to pay"), "{}", second[0].2);
    }

    #[test]
    fn tcss_pro_3_cn_prepaid_rule_book_example_quoted() {
        // rule TCSS-PRO-3 (revised 2026-12): billing = prepaid on tencent-cn, cores
        // [100, 50, 50, 50] at CNY 30 pay 9,000 / 0 / 0 / 1,500, quoted whole.
        let cn = r#"{"plancast": 1, "name": "n", "start": "2027-01", "months": 4, "currency": "CNY",
            "tcss": {"site": "tencent-cn", "billing": "prepaid", "cores": [100, 50, 50, 50]}}"#;
        let q = quote_of(cn);
        let s = q.tcss().unwrap();
        let costs: Vec<Option<Decimal>> = s.months.iter().map(|m| m.cost).collect();
        assert_eq!(
            costs,
            [
                Some(dec!(9000)),
                Some(dec!(0)),
                Some(dec!(0)),
                Some(dec!(1500))
            ]
        );
        let licensed: Vec<Decimal> = s.months.iter().map(|m| m.licensed).collect();
        assert_eq!(licensed, [dec!(100), dec!(100), dec!(100), dec!(50)]);
        let totals: Vec<Decimal> = q.months.iter().map(|m| m.total).collect();
        assert_eq!(totals, [dec!(9000), dec!(0), dec!(0), dec!(1500)]);
    }

    #[test]
    fn tcss_pro_3_report_states_licence_break_even_and_savings() {
        // rule TCSS-PRO-3
        let q = quote_of(&ALL.replace(
            "\"billing\": \"postpaid\", \"cores\": 10",
            "\"billing\": \"auto\", \"cores\": 100, \"peak_cores\": 150, \"peak_days\": 5",
        ));
        let s = q.tcss().unwrap();
        assert_eq!(s.months[0].licensed, dec!(100));
        assert_eq!(s.months[0].break_even_days, Some(dec!(27)));
        // Jan: 100 × 6.75 + 50 × 5 × 0.25 = 737.5; all prepaid 150 × 6.75 = 1012.5; all
        // postpaid (100 × 26 + 150 × 5) × 0.25 = 837.5.
        assert_eq!(
            (
                s.months[0].cost,
                s.months[0].all_prepaid,
                s.months[0].all_postpaid
            ),
            (Some(dec!(737.5)), Some(dec!(1012.5)), Some(dec!(837.5)))
        );
        let note = q.notes.iter().find(|n| n.code() == "tcss.sizing").unwrap();
        assert!(
            note.text().contains("27 days") && note.text().contains("against all-prepaid"),
            "{}",
            note.text()
        );
    }

    #[test]
    fn tcss_scan_1_per_image_authorizations_in_a_scenario() {
        // rule TCSS-SCAN-1, seed S001: 10 images + 10 updates = 20 authorizations = USD 5.
        let text = ALL.replace("\"start\": \"2027-01\"", "\"start\": \"2023-08\"")
            .replace("\"cores\": 10}", "\"cores\": 10, \"image_scan\": {\"model\": \"per_image\", \"images\": 10, \"updates\": [10, 0]}}");
        let q = quote_of(&text);
        let scan = q.months[0]
            .lines
            .iter()
            .find(|l| l.item == PriceItem::ImageScan)
            .unwrap();
        assert_eq!((scan.quantity, scan.amount), (dec!(20), Some(dec!(5))));
        // The same 10 images next month need no new authorization.
        assert!(!q.months[1]
            .lines
            .iter()
            .any(|l| l.item == PriceItem::ImageScan));
        // After 2023-12-28 new purchases are paused: the price is missing, not zero.
        let q = quote_of(&text.replace("2023-08", "2024-02"));
        let scan = q.months[0]
            .lines
            .iter()
            .find(|l| l.item == PriceItem::ImageScan)
            .unwrap();
        assert!(scan.price_missing);
    }

    #[test]
    fn gen_4_pinned_price_date_and_recorded_entries() {
        // rule GEN-4: price_date pins every month's prices; the quote records its entries.
        let q = quote_of(&ALL.replace(
            "\"currency\": \"USD\",",
            "\"currency\": \"USD\", \"price_date\": \"2020-11-01\",",
        ));
        let instance = q.months[0]
            .lines
            .iter()
            .find(|l| l.item == PriceItem::Instance)
            .unwrap();
        assert_eq!(
            (instance.amount, instance.rule.as_str()),
            (Some(Decimal::ZERO), "TCR-B-2")
        );
        let q = quote_of(ALL);
        let instance = q.months[0]
            .lines
            .iter()
            .find(|l| l.item == PriceItem::Instance)
            .unwrap();
        let id = instance.entry_id.as_deref().unwrap();
        assert!(q.entries.iter().any(|e| e.id() == id));
        assert!(q
            .months
            .iter()
            .flat_map(|m| &m.lines)
            .filter_map(|l| l.entry_id.as_deref())
            .all(|id| q.entries.iter().any(|e| e.id() == id)));
    }

    #[test]
    fn tcr_fit_2_infeasible_month_names_the_binding_requirement() {
        // rule TCR-FIT-2: more VPC links than Premium allows (no ticket raises that quota).
        let q = quote_of(&ALL.replace(
            "\"edition\": \"basic\"",
            "\"edition\": \"auto\", \"needs\": {\"vpc_links\": 30}",
        ));
        let line = &q.months[0].lines[0];
        assert!(line.infeasible && !q.complete);
        assert!(line
            .note_text()
            .as_deref()
            .unwrap()
            .contains("needs 30 VPC access links; Advanced allows 20"));
    }

    #[test]
    fn gen_8_each_month_converts_at_its_own_rate() {
        // rule GEN-8 (revised 2026-12): two dated CNY→USD rates; Image Search in CNY (980 a
        // month). 2027-01 is before the earliest rate (2027-02-01) and uses it, and says so;
        // 2027-02 uses it; 2027-03 uses the rate of 2027-03-01.
        let text = ALL.replace("\"months\": 2", "\"months\": 3").replace(
            r#"[{"from": "CNY", "to": "USD", "rate": "0.14", "date": "2026-11-01"}]"#,
            r#"[{"from": "CNY", "to": "USD", "rate": "0.15", "date": "2027-03-01"},
                    {"from": "CNY", "to": "USD", "rate": "0.14", "date": "2027-02-01"}]"#,
        );
        let q = quote_of(&text);
        let converted: Vec<Option<Decimal>> = is_lines(&q).iter().map(|l| l.converted).collect();
        assert_eq!(
            converted,
            vec![
                Some(dec!(980) * dec!(0.14)),
                Some(dec!(980) * dec!(0.14)),
                Some(dec!(980) * dec!(0.15))
            ]
        );
        let early: Vec<String> = q
            .notes
            .iter()
            .filter(|n| n.code() == "quote.rate_before_earliest")
            .map(Note::text)
            .collect();
        assert_eq!(
            early,
            vec!["Months up to 2027-01 come before the earliest CNY→USD exchange rate; they convert at that rate, 0.14 of 2027-02-01 (rule GEN-8)."]
        );
        // The comparison totals the same way: its current alternative is the quote's total.
        let c =
            crate::compare::compare(&parse_scenario(&text).unwrap(), PriceBook::builtin()).unwrap();
        let is = c
            .products
            .iter()
            .find(|p| p.product == Product::ImageSearch)
            .unwrap();
        let current = is.alternatives.iter().find(|a| a.current).unwrap();
        assert_eq!(current.total, Some(q.product_total(Product::ImageSearch)));
        // The inverse pair: USD→CNY rates convert CNY lines at 1 ÷ rate, month by month.
        let inverse = ALL.replace("\"months\": 2", "\"months\": 3").replace(
            r#"[{"from": "CNY", "to": "USD", "rate": "0.14", "date": "2026-11-01"}]"#,
            r#"[{"from": "USD", "to": "CNY", "rate": "8", "date": "2027-01-01"},
                {"from": "USD", "to": "CNY", "rate": "5", "date": "2027-03-01"}]"#,
        );
        let q = quote_of(&inverse);
        let converted: Vec<Option<Decimal>> = is_lines(&q).iter().map(|l| l.converted).collect();
        assert_eq!(
            converted,
            vec![
                Some(dec!(980) * (Decimal::ONE / dec!(8))),
                Some(dec!(980) * (Decimal::ONE / dec!(8))),
                Some(dec!(980) * dec!(0.2))
            ]
        );
        assert!(!codes(&q).contains(&"quote.rate_before_earliest"));
    }

    #[test]
    fn tcr_q_3_premium_helm_repositories_are_raised_by_ticket() {
        // rule TCR-Q-3 (revised 2026-12): 6,000 Helm repositories is beyond Premium's 5,000, but
        // a ticket raises it: Premium is priced, feasible, with a "needs a ticket" note.
        let q = quote_of(&ALL.replace(
            "\"edition\": \"basic\"",
            "\"edition\": \"auto\", \"needs\": {\"helm_repos\": 6000}",
        ));
        let line = &q.months[0].lines[0];
        assert!(!line.infeasible && line.amount.is_some());
        assert_eq!(line.plan.as_deref(), Some("premium"));
        let shortfall = q.tcr_shortfall(0, line);
        assert_eq!(shortfall.len(), 1);
        assert_eq!(
            shortfall[0].arg("ticket"),
            Some(&crate::message::Arg::Flag(true))
        );
        assert!(q.tcr().unwrap()[0].needs_ticket);
    }
}
