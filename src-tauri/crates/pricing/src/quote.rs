//! Month-by-month quotes: line items with rule and source, totals, completeness and budgets.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use compact_str::CompactString;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::book::{BookError, MonthByMonth, PriceBook, PriceEntry};
use crate::budget::{self, BudgetMonth, BudgetSummary, MonthSpend};
use crate::calendar::YearMonth;
use crate::ids::{Edition, Product, Site};
use crate::image_search::{self, Package, PackageChange, Selection};
use crate::message::Message;
use crate::money::{conversion_factor, convert, Currency};
use crate::scenario::{
    EditionChoice, FieldError, ImageScan, Quantity, Scenario, TcrBilling, TcssBilling, TcssSpec,
};
use crate::tcr::{self, EditionOption};
use crate::tcss::{self, MonthUsage, ProPrices};

/// One priced line of a month: a quantity at a unit price, with the rule and the source that
/// explain it. An unknown price is `None`, never zero (rule GEN-5).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub product: Product,
    pub item: CompactString,
    pub plan: Option<CompactString>,
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    pub unit: CompactString,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub unit_price: Option<Decimal>,
    /// quantity × unit price, exact, in `currency`.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub amount: Option<Decimal>,
    pub currency: Currency,
    /// `amount` in the report currency (rule GEN-8).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub converted: Option<Decimal>,
    pub rule: CompactString,
    pub source: Option<CompactString>,
    pub price_missing: bool,
    /// No list price exists; sales quote it (rule IS-4).
    pub custom_quote: bool,
    /// No plan meets the requirements (rule TCR-FIT-2).
    pub infeasible: bool,
    /// The price-book entry used (rule GEN-4), see [`PriceEntry::id`].
    pub entry_id: Option<String>,
    /// Which entry of the book the line used, by address: ids are formatted once per quote
    /// for the entries actually used rather than once per line.
    #[serde(skip)]
    entry_address: usize,
    /// The price-book entry's own note: a message code for a built-in entry (assumptions
    /// such as ap-qingyuan's region group), the user's own words for a user price.
    pub entry_note: Option<CompactString>,
    /// Why the line is what it is (trial, ticket, missing price…).
    pub note: Option<Message>,
}

impl Line {
    /// A line priced from a price-book entry, or marked *price missing* when there is none.
    #[allow(clippy::too_many_arguments)]
    pub fn priced(
        product: Product,
        item: &str,
        plan: &str,
        quantity: Decimal,
        unit: &str,
        entry: Option<&PriceEntry>,
        rule: &str,
        currency: Currency,
    ) -> Line {
        Line {
            product,
            item: item.into(),
            plan: Some(plan.into()),
            quantity,
            unit: unit.into(),
            unit_price: entry.map(|e| e.amount),
            amount: entry.map(|e| quantity * e.amount),
            currency,
            converted: None,
            rule: rule.into(),
            source: entry.map(|e| e.source.as_str().into()),
            price_missing: entry.is_none(),
            custom_quote: false,
            infeasible: false,
            entry_id: None,
            entry_address: entry.map_or(0, |e| e as *const PriceEntry as usize),
            entry_note: entry.and_then(|e| e.note.as_deref().map(Into::into)),
            note: None,
        }
    }

    pub(crate) fn with_note(mut self, note: Message) -> Line {
        self.note = Some(note);
        self
    }

    /// Makes the line free (trial), keeping its list price visible.
    fn free(mut self, note: Message) -> Line {
        if self.amount.is_some() {
            self.amount = Some(Decimal::ZERO);
        }
        self.note = Some(note);
        self
    }

    /// The price-book entry's note as a message: a built-in entry's note is a code of the
    /// catalogue, a user price's is the user's own text.
    pub fn entry_message(&self) -> Option<Message> {
        let note = self.entry_note.as_deref()?;
        Some(
            if self.source.as_deref() == Some(crate::book::USER_SOURCE) {
                Message::user_note(note)
            } else {
                Message::new(note)
            },
        )
    }

    /// The line's own note in English.
    pub fn note_text(&self) -> Option<String> {
        self.note
            .as_ref()
            .map(|m| m.render(crate::message::Lang::En))
    }

    /// Everything said about the line: its own note, then its price entry's.
    pub fn notes(&self) -> Vec<Message> {
        self.note
            .iter()
            .cloned()
            .chain(self.entry_message())
            .collect()
    }

    /// "0.28 USD/hour × 744 hour = 208.32 USD" — the calculation behind the line.
    pub fn calculation(&self) -> String {
        match (self.unit_price, self.amount) {
            (Some(p), Some(a)) => format!(
                "{} {}/{} × {} {} = {} {}",
                p.normalize(),
                self.currency,
                self.unit,
                self.quantity.normalize(),
                self.unit,
                a.normalize(),
                self.currency
            ),
            _ if self.custom_quote => "custom quote: no list price".into(),
            _ if self.infeasible => "no plan meets the requirements".into(),
            _ => format!(
                "{} {} × price missing",
                self.quantity.normalize(),
                self.unit
            ),
        }
    }

    /// The line has a known amount and a feasible plan.
    pub fn is_complete(&self) -> bool {
        self.amount.is_some() && !self.price_missing && !self.custom_quote && !self.infeasible
    }
}

/// A remark on a quote: a message, and the product it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub product: Option<Product>,
    pub message: Message,
}

impl Note {
    pub fn code(&self) -> &str {
        &self.message.code
    }

    /// The note in English.
    pub fn text(&self) -> String {
        self.message.render(crate::message::Lang::En)
    }
}

pub(crate) fn note(product: Option<Product>, message: Message) -> Note {
    Note { product, message }
}

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
}

impl MonthQuote {
    /// The month's spend on one product in the report currency.
    pub fn product_total(&self, product: Product) -> Decimal {
        self.lines
            .iter()
            .filter(|l| l.product == product)
            .filter_map(|l| l.converted)
            .sum()
    }
}

/// TCR in one month: the edition priced and every edition's fit and cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TcrMonth {
    pub month: YearMonth,
    pub edition: Option<Edition>,
    pub billing: &'static str,
    pub options: Vec<EditionOption>,
    pub needs_ticket: bool,
}

/// TCSS licence sizing in one month (rule TCSS-PRO-3), in the site currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TcssMonth {
    pub month: YearMonth,
    #[serde(with = "rust_decimal::serde::str")]
    pub licensed: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub max_cores: Decimal,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub break_even_days: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub cost: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub all_prepaid: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub all_postpaid: Option<Decimal>,
}

/// TCSS over the scenario: the Pro part of the chosen billing against all-prepaid and
/// all-postpaid (rule TCSS-PRO-3), in the site currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TcssSummary {
    pub site: Site,
    pub billing: &'static str,
    pub months: Vec<TcssMonth>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub total: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub all_prepaid: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub all_postpaid: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub saving_vs_prepaid: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub saving_vs_postpaid: Option<Decimal>,
}

/// Image Search in one month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImageSearchMonth {
    pub month: YearMonth,
    pub package: Option<Package>,
    #[serde(with = "rust_decimal::serde::str")]
    pub images: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub qps: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImageSearchSummary {
    pub months: Vec<ImageSearchMonth>,
    pub changes: Vec<PackageChange>,
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
    pub tcr: Option<Vec<TcrMonth>>,
    pub tcss: Option<TcssSummary>,
    pub image_search: Option<ImageSearchSummary>,
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
                tcr: m.product_total(Product::Tcr),
                tcss: m.product_total(Product::Tcss),
                image_search: m.product_total(Product::ImageSearch),
            })
            .collect()
    }

    /// What a TCR line's edition lacks in month `k`, one message per failing requirement
    /// (rule TCR-FIT-2), those a ticket lifts included with `ticket: true` (rule TCR-Q-3). A
    /// line with no edition (none meets the requirements) names what Premium lacks. Empty for
    /// other products and for months the edition fits.
    pub fn tcr_shortfall(&self, k: usize, line: &Line) -> Vec<Message> {
        if line.product != Product::Tcr {
            return Vec::new();
        }
        let Some(month) = self.tcr.as_ref().and_then(|t| t.get(k)) else {
            return Vec::new();
        };
        let edition = month.edition.unwrap_or(Edition::Premium);
        month
            .options
            .iter()
            .find(|o| o.edition == edition)
            .map(|o| {
                o.fit
                    .shortfalls
                    .iter()
                    .map(tcr::Shortfall::message)
                    .collect()
            })
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
    let n = scenario.months as usize;
    // Each product appends its lines to the month's. Sized once for the most a month can have
    // (TCR instance, storage, traffic; TCSS licence, top-up, overage, scanning, logs; one
    // package): lines are large, and growing every month's list was a good part of the cost.
    let most = [
        (scenario.tcr.is_some(), 3),
        (scenario.tcss.is_some(), 5),
        (scenario.image_search.is_some(), 1),
    ]
    .iter()
    .filter(|(used, _)| *used)
    .map(|(_, most)| most)
    .sum();
    let mut lines: Vec<Vec<Line>> = (0..n).map(|_| Vec::with_capacity(most)).collect();
    let mut notes = Vec::new();

    let tcr = scenario
        .tcr
        .as_ref()
        .map(|spec| price_tcr(scenario, book, spec, None, &mut notes, &mut lines));
    let tcss = scenario.tcss.as_ref().map(|spec| {
        let inputs = tcss_inputs(scenario, book, spec);
        price_tcss(
            scenario,
            spec,
            &inputs,
            Strategy::Scenario,
            &mut notes,
            &mut lines,
        )
    });
    let image_search = scenario.image_search.as_ref().map(|spec| {
        price_image_search(
            scenario,
            book,
            spec.site,
            &spec.images,
            &spec.qps,
            spec.trial,
            None,
            &mut notes,
            &mut lines,
        )
    });
    let mut months: Vec<MonthQuote> = scenario
        .month_list()
        .zip(lines)
        .map(|(month, lines)| MonthQuote {
            month,
            lines,
            total: Decimal::ZERO,
            complete: true,
            budgets: Vec::new(),
        })
        .collect();

    // rule GEN-8: convert each line from its currency to the report currency.
    let factors: Vec<(Currency, Decimal)> = Currency::ALL
        .iter()
        .filter_map(|&c| {
            conversion_factor(&scenario.rates, c, scenario.currency)
                .ok()
                .map(|f| (c, f))
        })
        .collect();
    for m in &mut months {
        for l in &mut m.lines {
            let factor = factors
                .iter()
                .find(|(c, _)| *c == l.currency)
                .map(|(_, f)| *f);
            l.converted = l.amount.zip(factor).map(|(a, f)| convert(a, f));
        }
        m.total = m.lines.iter().filter_map(|l| l.converted).sum();
        m.complete = m.lines.iter().all(Line::is_complete);
    }
    let complete = months.iter().all(|m| m.complete);
    if !complete {
        notes.push(note(None, Message::new("quote.incomplete")));
    }
    let total = months.iter().map(|m| m.total).sum();

    let mut quote = Quote {
        scenario: scenario.name.clone(),
        currency: scenario.currency,
        complete,
        months,
        total,
        notes,
        tcr,
        tcss,
        image_search,
        budgets: Vec::new(),
        entries: Vec::new(),
    };
    let (per_month, summaries) = budget::evaluate(
        &scenario.budgets,
        &quote.spend(),
        scenario.currency,
        &scenario.rates,
    )
    .map_err(|e| QuoteError::Invalid(vec![FieldError::new("rates", e.to_string())]))?;
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

/// Checks that need the price book: the elastic cap minimum (rule TCSS-PRO-5).
pub(crate) fn check_against_book(scenario: &Scenario, book: &PriceBook) -> Result<(), QuoteError> {
    let mut errors = Vec::new();
    if let Some(t) = &scenario.tcss {
        if let Some(cap) = t.elastic_cap {
            let mut minimum = MonthByMonth::new(book, Product::Tcss, t.site, "elastic_cap_min");
            for k in 0..scenario.months {
                let date = scenario.price_date_of(k);
                if let Some(min) = minimum.on(date) {
                    if cap < min.amount {
                        errors.push(FieldError::new(
                            "tcss.elastic_cap",
                            format!(
                                "must be at least {} cores/day from {} on {} (rule TCSS-PRO-5, source {}), got {}",
                                min.amount, min.effective_from, t.site, min.source, cap
                            ),
                        ));
                        break;
                    }
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(QuoteError::Invalid(errors))
    }
}

/// Prices TCR per month, appending each month's lines to `out[k]`. `fixed` overrides the
/// scenario's edition and billing (comparison).
pub(crate) fn price_tcr(
    scenario: &Scenario,
    book: &PriceBook,
    spec: &crate::scenario::TcrSpec,
    fixed: Option<(Edition, TcrBilling)>,
    notes: &mut Vec<Note>,
    out: &mut [Vec<Line>],
) -> Vec<TcrMonth> {
    let series = tcr::Series::of(spec, scenario.months);
    let billing = fixed.map(|(_, b)| b).unwrap_or(spec.billing);
    let choice = fixed
        .map(|(e, _)| EditionChoice::Fixed(e))
        .unwrap_or(spec.edition);
    let mut per_month = Vec::new();
    let mut ticket_noted = false;
    let mut last_entries: Option<tcr::MonthEntries> = None;
    for (k, month) in scenario.month_list().enumerate() {
        let date = scenario.price_date_of(k as u32);
        // Every edition's cost is needed only to choose one (auto); a fixed edition needs its
        // own fit alone.
        let entries = tcr::MonthEntries::after(last_entries.as_ref(), book, spec, billing, date);
        last_entries = Some(entries);
        let options = match choice {
            EditionChoice::Auto => book
                .quota_version(date)
                .map(|q| tcr::options_with(q, &entries, spec, month, &series, k)),
            EditionChoice::Fixed(e) => book.quota_version(date).map(|q| {
                vec![EditionOption {
                    edition: e,
                    fit: tcr::fit(q, e, spec.site, &spec.region, &series.requirements[k]),
                    cost: None,
                }]
            }),
        };
        let Some(mut options) = options else {
            let line = Line::priced(
                Product::Tcr,
                "instance",
                "none",
                Decimal::ZERO,
                "hour",
                None,
                "TCR-Q-1",
                spec.site.currency(),
            )
            .with_note(Message::new("tcr.no_quota_table").text("date", date));
            out[k].push(line);
            per_month.push(TcrMonth {
                month,
                edition: None,
                billing: billing.key(),
                options: vec![],
                needs_ticket: false,
            });
            continue;
        };
        let edition = match choice {
            EditionChoice::Auto => tcr::recommend(&options), // rule TCR-FIT-2
            EditionChoice::Fixed(e) => Some(e),
        };
        // This product's lines of the month: written into the month's list, then completed.
        let month_lines = &mut out[k];
        let first = month_lines.len();
        match edition {
            Some(e) => entries.push_lines(month_lines, book, spec, e, month, &series, k),
            None => {
                // rule TCR-FIT-2: no edition meets the requirements; name the binding one.
                let premium = options.iter().find(|o| o.edition == Edition::Premium);
                let binding = premium
                    .and_then(|o| o.fit.shortfalls.iter().find(|s| !s.by_ticket))
                    .map(|s| s.message())
                    .unwrap_or_else(|| Message::new("tcr.no_edition_fits"));
                let mut line = Line::priced(
                    Product::Tcr,
                    "instance",
                    "none",
                    Decimal::ZERO,
                    "hour",
                    None,
                    "TCR-FIT-2",
                    spec.site.currency(),
                );
                line.plan = None;
                line.infeasible = true;
                line.price_missing = true;
                line.note = Some(Message::new("tcr.no_edition").msg("binding", binding));
                month_lines.push(line);
            }
        }
        let lines = &mut month_lines[first..];
        if let (EditionChoice::Fixed(_), Some(o)) = (choice, options.first_mut()) {
            o.cost = tcr::lines_cost(lines);
        }
        let fit = edition
            .and_then(|e| options.iter().find(|o| o.edition == e))
            .map(|o| &o.fit);
        let needs_ticket = fit.is_some_and(|f| f.needs_ticket());
        if let Some(f) = fit {
            if !f.feasible() {
                // A fixed edition that does not meet the requirements.
                lines[0].infeasible = true;
                lines[0].note = Some(tcr::edition_unmet(f, spec.site));
            } else if needs_ticket {
                let all: Vec<Message> = f.shortfalls.iter().map(|s| s.message()).collect();
                if !ticket_noted {
                    ticket_noted = true;
                    notes.push(note(
                        Some(Product::Tcr),
                        Message::new("tcr.ticket_from")
                            .text("month", month)
                            .list("shortfalls", all.clone()),
                    ));
                }
                lines[0].note = Some(Message::new("tcr.needs_ticket").list("shortfalls", all));
            }
        }
        per_month.push(TcrMonth {
            month,
            edition,
            billing: billing.key(),
            options,
            needs_ticket,
        });
    }
    if fixed.is_none() {
        if let Some(r) = book.region(&spec.region) {
            if r.priced_by_assumption {
                let m = Message::new("tcr.region_assumption").text("region", &r.region);
                notes.push(note(Some(Product::Tcr), m));
            }
            let availability = match r.availability.as_deref() {
                Some("by_ticket") => Some("tcr.region_by_ticket"),
                Some("from_2020_07") => Some("tcr.region_from_2020_07"),
                _ => None,
            };
            if let Some(code) = availability {
                let m = Message::new(code).text("region", &r.region);
                notes.push(note(Some(Product::Tcr), m));
            }
        } else {
            let m = Message::new("tcr.region_unknown").text("region", &spec.region);
            notes.push(note(Some(Product::Tcr), m));
        }
        for code in ["tcr.traffic", "tcr.lifecycle"] {
            notes.push(note(Some(Product::Tcr), Message::new(code)));
        }
    }
    per_month
}

/// How the TCSS licence is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strategy {
    /// What the scenario says (`billing`, `licensed_cores`).
    Scenario,
    /// Licence the most cores in use every month (no overage).
    AllPrepaid,
    /// No licence: everything postpaid.
    AllPostpaid,
    /// The cost-minimising licence (`billing = auto`).
    Optimal,
}

/// What every TCSS strategy is priced from: each month's usage, Pro prices and entries, and
/// the purchases that do not depend on the licence (image scanning, log analysis). Quoting
/// needs one strategy; the comparison prices three from the same inputs.
pub(crate) struct TcssInputs<'b> {
    pub(crate) usage: Vec<MonthUsage>,
    prices: Vec<Option<ProPrices>>,
    /// The `pro_prepaid` and `pro_postpaid` entries of each month.
    pub(crate) entries: Vec<(Option<&'b PriceEntry>, Option<&'b PriceEntry>)>,
    pub(crate) scans: Vec<Option<ScanBuy<'b>>>,
    pub(crate) logs: Vec<Option<LogBuy<'b>>>,
    block: usize,
    min_months: usize,
}

/// The image scanning one month buys, before its line is written (rules TCSS-SCAN-1…4).
#[derive(Debug, Clone, Copy)]
pub(crate) enum ScanBuy<'b> {
    /// Quota model: `bought` quota for the `used` quota of `first` and `repeat` scans.
    Quota {
        first: Decimal,
        repeat: Decimal,
        bought: Decimal,
        used: Decimal,
        price: Option<&'b PriceEntry>,
    },
    /// The quota model is not sold at the site on the date: the scans have no price.
    QuotaNotSold { scans: Decimal },
    /// Per-image authorizations: one per new image and per update (rule TCSS-SCAN-1).
    PerImage {
        new_images: Decimal,
        updates: Decimal,
        count: Decimal,
        price: Option<&'b PriceEntry>,
    },
}

impl ScanBuy<'_> {
    /// The amount of the month's scan line; `None` when its price is missing.
    pub(crate) fn amount(&self) -> Option<Decimal> {
        match *self {
            ScanBuy::Quota { bought, price, .. } => price.map(|p| bought * p.amount),
            ScanBuy::QuotaNotSold { .. } => None,
            ScanBuy::PerImage { count, price, .. } => price.map(|p| count * p.amount),
        }
    }
}

/// The log-analysis capacity one month buys (rule TCSS-LOG-1).
#[derive(Debug, Clone, Copy)]
pub(crate) struct LogBuy<'b> {
    need: Decimal,
    capacity: Decimal,
    price: Option<&'b PriceEntry>,
}

impl LogBuy<'_> {
    /// The amount of the month's log line; `None` when its price is missing.
    pub(crate) fn amount(&self) -> Option<Decimal> {
        self.price.map(|p| self.capacity * p.amount)
    }
}

pub(crate) fn tcss_inputs<'b>(
    scenario: &Scenario,
    book: &'b PriceBook,
    spec: &TcssSpec,
) -> TcssInputs<'b> {
    let months = scenario.months;
    let cores = spec.cores.series(months, true).unwrap_or_default();
    let zero = vec![Decimal::ZERO; months as usize];
    let peak = spec
        .peak_cores
        .as_ref()
        .and_then(|q| q.series(months, true).ok())
        .unwrap_or_else(|| zero.clone());
    let peak_days = spec
        .peak_days
        .as_ref()
        .and_then(|q| q.series(months, true).ok())
        .unwrap_or(zero);
    let mut usage = Vec::new();
    let mut prices = Vec::new();
    let mut entries = Vec::new();
    let mut prepaid_price = MonthByMonth::new(book, Product::Tcss, spec.site, "pro_prepaid");
    let mut daily_price = MonthByMonth::new(book, Product::Tcss, spec.site, "pro_postpaid");
    for (k, month) in scenario.month_list().enumerate() {
        let date = scenario.price_date_of(k as u32);
        // rule TCSS-T-1: the trial makes the first 7 days of the first month free.
        let free_days = if spec.trial && k == 0 {
            let trial_days = book
                .limit(Product::Tcss, spec.site, "trial_days", date)
                .map(|e| e.amount)
                .unwrap_or(Decimal::ZERO);
            trial_days.to_string().parse().unwrap_or(0u32)
        } else {
            0
        };
        usage.push(MonthUsage {
            days: month.days(),
            cores: cores[k],
            peak_cores: peak[k],
            peak_days: whole_days(peak_days[k]).min(month.days()),
            free_days: free_days.min(month.days()),
        });
        let prepaid = prepaid_price.on(date);
        let daily = daily_price.on(date);
        prices.push(prepaid.zip(daily).map(|(p, d)| ProPrices {
            prepaid: p.amount,
            daily: d.amount,
        }));
        entries.push((prepaid, daily));
    }
    // rule TCSS-PRO-1 / TCSS-PRO-3: on tencent-cn a licence level is bought for at least 3 months.
    let min_months = book
        .limit(
            Product::Tcss,
            spec.site,
            "pro_prepaid_min_months",
            scenario.price_date_of(0),
        )
        .and_then(|e| e.amount.to_string().parse().ok())
        .unwrap_or(1usize)
        .max(1);
    TcssInputs {
        usage,
        prices,
        entries,
        scans: scan_buys(scenario, book, spec),
        logs: log_buys(scenario, book, spec),
        block: min_months,
        min_months,
    }
}

/// A day count from a count series: series values are whole and normalised (rule GEN-7), so
/// this is the number as written; one too large for a day count reads as 0, as when it was
/// parsed from its text.
fn whole_days(count: Decimal) -> u32 {
    if count.scale() == 0 {
        count.to_u32().unwrap_or(0)
    } else {
        count.to_string().parse().unwrap_or(0)
    }
}

/// The answer for the last inputs, given again when a month repeats them exactly (bit for bit,
/// so `5` and `5.0` are different inputs). Usage is often the same month after month, and the
/// answers kept this way divide decimals, which is slow.
struct Repeat<K, V> {
    last: Option<(K, V)>,
}

impl<K, V> Default for Repeat<K, V> {
    fn default() -> Self {
        Repeat { last: None }
    }
}

impl<K: PartialEq, V: Copy> Repeat<K, V> {
    fn get(&mut self, inputs: K, answer: impl FnOnce() -> V) -> V {
        match &self.last {
            Some((last, value)) if *last == inputs => *value,
            _ => {
                let value = answer();
                self.last = Some((inputs, value));
                value
            }
        }
    }
}

/// The image scanning of each month; `None` in a month that buys none.
fn scan_buys<'b>(
    scenario: &Scenario,
    book: &'b PriceBook,
    spec: &TcssSpec,
) -> Vec<Option<ScanBuy<'b>>> {
    let n = scenario.months;
    let limit = |item| MonthByMonth::new(book, Product::Tcss, spec.site, item);
    let date = |k: usize| scenario.price_date_of(k as u32);
    match &spec.image_scan {
        None => vec![None; n as usize],
        Some(ImageScan::Quota {
            first_scans,
            repeat_scans,
        }) => {
            let first = first_scans.series(n, true).unwrap_or_default();
            let repeat = repeat_scans.series(n, true).unwrap_or_default();
            let mut quota = Repeat::default();
            let mut weight = limit("image_scan_repeat_weight");
            let mut step = limit("image_scan_step");
            let mut price = limit("image_scan_quota");
            (0..n as usize)
                .map(|k| {
                    if first[k].is_zero() && repeat[k].is_zero() {
                        return None;
                    }
                    let weight = weight.on(date(k)).map(|e| e.amount);
                    let step = step.on(date(k)).map(|e| e.amount);
                    let price = price.on(date(k));
                    Some(match weight.zip(step) {
                        Some((w, s)) => {
                            let inputs = [first[k], repeat[k], w, s].map(|d| d.serialize());
                            let (bought, used) =
                                quota.get(inputs, || tcss::scan_quota(first[k], repeat[k], w, s));
                            ScanBuy::Quota {
                                first: first[k],
                                repeat: repeat[k],
                                bought,
                                used,
                                price,
                            }
                        }
                        None => ScanBuy::QuotaNotSold {
                            scans: first[k] + repeat[k],
                        },
                    })
                })
                .collect()
        }
        Some(ImageScan::PerImage { images, updates }) => {
            let images = images.series(n, true).unwrap_or_default();
            let updates = updates.series(n, true).unwrap_or_default();
            let mut seen_images = Decimal::ZERO;
            let mut price = limit("image_scan_auth");
            (0..n as usize)
                .map(|k| {
                    // rule TCSS-SCAN-1: one authorization per new image ID, bought in that month.
                    let new_images = (images[k] - seen_images).max(Decimal::ZERO);
                    seen_images = seen_images.max(images[k]);
                    let count = tcss::authorizations(new_images, updates[k]);
                    (!count.is_zero()).then(|| ScanBuy::PerImage {
                        new_images,
                        updates: updates[k],
                        count,
                        price: price.on(date(k)),
                    })
                })
                .collect()
        }
    }
}

/// The log-analysis capacity of each month; `None` in a month that needs none.
fn log_buys<'b>(
    scenario: &Scenario,
    book: &'b PriceBook,
    spec: &TcssSpec,
) -> Vec<Option<LogBuy<'b>>> {
    let log_series = spec
        .log_gb
        .as_ref()
        .and_then(|q| q.series(scenario.months, false).ok());
    let limit = |item| MonthByMonth::new(book, Product::Tcss, spec.site, item);
    let mut sized = Repeat::default();
    let (mut min, mut step, mut price) = (
        limit("log_analysis_min_gb"),
        limit("log_analysis_step_gb"),
        limit("log_analysis"),
    );
    (0..scenario.months as usize)
        .map(|k| {
            let need = log_series.as_ref().map(|s| s[k]).filter(|n| !n.is_zero())?;
            let date = scenario.price_date_of(k as u32);
            // rule TCSS-LOG-1: log analysis from 10 GB in steps of 10 GB.
            let min = min.on(date).map(|e| e.amount);
            let step = step.on(date).map(|e| e.amount);
            let capacity = match min.zip(step) {
                Some((mn, st)) => {
                    let inputs = [need, mn, st].map(|d| d.serialize());
                    sized.get(inputs, || tcss::log_capacity(need, mn, st))
                }
                None => need,
            };
            Some(LogBuy {
                need,
                capacity,
                price: price.on(date),
            })
        })
        .collect()
}

/// The licence per month under a strategy.
pub(crate) fn licences(
    inputs: &TcssInputs,
    spec: &TcssSpec,
    months: u32,
    strategy: Strategy,
) -> Vec<Decimal> {
    let n = months as usize;
    let strategy = match (strategy, spec.billing) {
        (Strategy::Scenario, TcssBilling::Auto) => Strategy::Optimal,
        (Strategy::Scenario, TcssBilling::Postpaid) => Strategy::AllPostpaid,
        (s, _) => s,
    };
    let mut out = vec![Decimal::ZERO; n];
    match strategy {
        Strategy::AllPostpaid => {}
        Strategy::Scenario => {
            // billing = prepaid: the licence is licensed_cores (default: cores).
            let q = spec.licensed_cores.as_ref().unwrap_or(&spec.cores);
            out = q.series(months, true).unwrap_or(out);
            // A licence level is held for a whole block on sites with a minimum term.
            for start in (0..n).step_by(inputs.block) {
                let end = (start + inputs.block).min(n);
                let level = out[start..end].iter().copied().max().unwrap_or_default();
                out[start..end].iter_mut().for_each(|l| *l = level);
            }
        }
        Strategy::AllPrepaid => {
            for start in (0..n).step_by(inputs.block) {
                let end = (start + inputs.block).min(n);
                let level = inputs.usage[start..end]
                    .iter()
                    .map(MonthUsage::max_cores)
                    .max()
                    .unwrap_or_default();
                out[start..end].iter_mut().for_each(|l| *l = level);
            }
        }
        Strategy::Optimal => {
            // rule TCSS-PRO-3: minimise L × prepaid + overage(L) per month (per 3-month block
            // on tencent-cn); months without prices stay unlicensed.
            let mut priced: Vec<(MonthUsage, ProPrices)> =
                Vec::with_capacity(inputs.block.max(inputs.min_months));
            for start in (0..n).step_by(inputs.block) {
                let end = (start + inputs.block).min(n);
                priced.clear();
                priced.extend(
                    (start..end).filter_map(|k| inputs.prices[k].map(|p| (inputs.usage[k], p))),
                );
                if priced.len() != end - start {
                    continue;
                }
                // A short last block still pays the minimum term: weigh it in.
                let short = inputs.min_months.saturating_sub(end - start);
                if short > 0 {
                    let last = priced[priced.len() - 1];
                    for _ in 0..short {
                        let idle = MonthUsage {
                            cores: Decimal::ZERO,
                            peak_cores: Decimal::ZERO,
                            peak_days: 0,
                            ..last.0
                        };
                        priced.push((idle, last.1));
                    }
                }
                let level = tcss::best_licence(&priced, spec.elastic_cap);
                out[start..end].iter_mut().for_each(|l| *l = level);
            }
        }
    }
    out
}

/// The Pro cost of each month under a licence plan; `None` when a price is missing.
fn pro_costs(
    inputs: &TcssInputs,
    licensed: &[Decimal],
    cap: Option<Decimal>,
) -> Vec<Option<Decimal>> {
    let n = licensed.len();
    let mut costs: Vec<Option<Decimal>> = (0..n)
        .map(|k| inputs.prices[k].map(|p| tcss::month_cost(&inputs.usage[k], p, licensed[k], cap)))
        .collect();
    if let Some((k, extra)) = minimum_term_topup(inputs, licensed) {
        if let (Some(c), Some(p)) = (costs[k], inputs.prices[k]) {
            costs[k] = Some(c + extra * p.prepaid);
        }
    }
    costs
}

/// The last month and the licensed core-months still owed when the scenario ends inside a
/// minimum term (rule TCSS-PRO-1: 3 months on tencent-cn).
pub(crate) fn minimum_term_topup(
    inputs: &TcssInputs,
    licensed: &[Decimal],
) -> Option<(usize, Decimal)> {
    let n = licensed.len();
    if inputs.min_months <= 1 || n == 0 {
        return None;
    }
    let last_block_len = match n % inputs.block {
        0 => inputs.block,
        r => r,
    };
    let short = inputs.min_months.saturating_sub(last_block_len);
    let level = licensed[n - 1];
    (short > 0 && level > Decimal::ZERO).then(|| (n - 1, level * Decimal::from(short)))
}

/// Prices TCSS per month under a strategy, from [`tcss_inputs`], appending each month's lines
/// to `out[k]`.
pub(crate) fn price_tcss(
    scenario: &Scenario,
    spec: &TcssSpec,
    inputs: &TcssInputs<'_>,
    strategy: Strategy,
    notes: &mut Vec<Note>,
    out: &mut [Vec<Line>],
) -> TcssSummary {
    let cap = spec.elastic_cap;
    let licensed = licences(inputs, spec, scenario.months, strategy);
    let prepaid_plan = licences(inputs, spec, scenario.months, Strategy::AllPrepaid);
    let postpaid_plan = vec![Decimal::ZERO; licensed.len()];
    let chosen = pro_costs(inputs, &licensed, cap);
    let all_prepaid = pro_costs(inputs, &prepaid_plan, cap);
    let all_postpaid = pro_costs(inputs, &postpaid_plan, cap);
    let billing_key = match strategy {
        Strategy::Scenario => spec.billing.key(),
        Strategy::AllPrepaid => "prepaid",
        Strategy::AllPostpaid => "postpaid",
        Strategy::Optimal => "auto",
    };
    let currency = spec.site.currency();
    let topup = minimum_term_topup(inputs, &licensed);
    let mut months = Vec::new();
    let mut log_warned = false;
    let mut break_even = Repeat::default();
    for (k, month) in scenario.month_list().enumerate() {
        let date = scenario.price_date_of(k as u32);
        let usage = inputs.usage[k];
        let l = licensed[k];
        let (prepaid_entry, daily_entry) = inputs.entries[k];
        let elastic = usage.elastic_core_days(l, cap);
        let lines = &mut out[k];
        let trial_days = (usage.free_days > 0).then_some(usage.free_days);
        if l > Decimal::ZERO {
            let rule = if billing_key == "auto" {
                "TCSS-PRO-3"
            } else {
                "TCSS-PRO-1"
            };
            let mut line = Line::priced(
                Product::Tcss,
                "pro_prepaid",
                billing_key,
                l,
                "core-month",
                prepaid_entry,
                rule,
                currency,
            );
            if let Some(days) = trial_days {
                line.note = Some(
                    Message::new("tcss.trial_subscription")
                        .text("days", days)
                        .text("start_day", days + 1),
                );
            }
            lines.push(line);
            if topup.is_some_and(|(tk, _)| tk == k) {
                let (_, extra) = topup.unwrap_or_default();
                lines.push(
                    Line::priced(
                        Product::Tcss,
                        "pro_prepaid",
                        billing_key,
                        extra,
                        "core-month",
                        prepaid_entry,
                        "TCSS-PRO-1",
                        currency,
                    )
                    .with_note(Message::new("tcss.minimum_term")),
                );
            }
            if elastic > Decimal::ZERO {
                let mut line = Line::priced(
                    Product::Tcss,
                    "overage",
                    billing_key,
                    elastic,
                    "core-day",
                    daily_entry,
                    "TCSS-PRO-4",
                    currency,
                );
                line.note = Some(match cap {
                    Some(c) => Message::new("tcss.overage_capped")
                        .num("licensed", l)
                        .num("cap", c),
                    None => Message::new("tcss.overage").num("licensed", l),
                });
                lines.push(line);
            }
        } else {
            let mut line = Line::priced(
                Product::Tcss,
                "pro_postpaid",
                billing_key,
                elastic,
                "core-day",
                daily_entry,
                "TCSS-PRO-2",
                currency,
            );
            line.note = match (trial_days, cap) {
                (Some(days), _) => Some(Message::new("tcss.trial_days").text("days", days)),
                (None, Some(c)) => Some(Message::new("tcss.postpaid_capped").num("cap", c)),
                (None, None) => None,
            };
            lines.push(line);
        }
        // Image scanning (rules TCSS-SCAN-1…TCSS-SCAN-4).
        let scan_rule = if spec.site == Site::TencentCn {
            "TCSS-SCAN-4"
        } else {
            "TCSS-SCAN-2"
        };
        match inputs.scans[k] {
            Some(ScanBuy::Quota {
                first,
                repeat,
                bought,
                used,
                price,
            }) => lines.push(
                Line::priced(
                    Product::Tcss,
                    "image_scan",
                    "quota",
                    bought,
                    "quota-month",
                    price,
                    scan_rule,
                    currency,
                )
                .with_note(
                    Message::new("tcss.scan_quota")
                        .num("first", first)
                        .num("repeat", repeat)
                        .num("used", used.normalize())
                        .num("unused", (bought - used).normalize()),
                ),
            ),
            Some(ScanBuy::QuotaNotSold { scans }) => lines.push(
                Line::priced(
                    Product::Tcss,
                    "image_scan",
                    "quota",
                    scans,
                    "scan",
                    None,
                    scan_rule,
                    currency,
                )
                .with_note(
                    Message::new("tcss.scan_quota_not_sold")
                        .text("site", spec.site)
                        .text("date", date),
                ),
            ),
            Some(ScanBuy::PerImage {
                new_images,
                updates,
                count,
                price,
            }) => {
                let mut line = Line::priced(
                    Product::Tcss,
                    "image_scan",
                    "per_image",
                    count,
                    "authorization",
                    price,
                    "TCSS-SCAN-1",
                    currency,
                );
                line.note = Some(if price.is_some() {
                    Message::new("tcss.scan_per_image")
                        .num("new_images", new_images)
                        .num("updates", updates)
                } else {
                    Message::new("tcss.scan_per_image_paused")
                });
                lines.push(line);
            }
            None => {}
        }
        // rule TCSS-LOG-1: log analysis from 10 GB in steps of 10 GB.
        if let Some(LogBuy {
            need,
            capacity,
            price,
        }) = inputs.logs[k]
        {
            let mut line = Line::priced(
                Product::Tcss,
                "log_analysis",
                "prepaid",
                capacity,
                "GB-month",
                price,
                "TCSS-LOG-1",
                currency,
            );
            if price.is_none() {
                line.note = Some(Message::new("tcss.log_unpriced").text("site", spec.site));
            } else if capacity > need {
                line.note = Some(Message::new("tcss.log_rounded").num("need", need.normalize()));
            }
            if !log_warned && strategy == Strategy::Scenario {
                log_warned = true;
                notes.push(note(Some(Product::Tcss), Message::new("tcss.log_full")));
            }
            lines.push(line);
        }
        months.push(TcssMonth {
            month,
            licensed: l,
            max_cores: usage.max_cores(),
            break_even_days: inputs.prices[k].map(|p| {
                let prices = [p.prepaid, p.daily].map(|d| d.serialize());
                break_even.get(prices, || p.break_even_days())
            }),
            cost: chosen[k],
            all_prepaid: all_prepaid[k],
            all_postpaid: all_postpaid[k],
        });
    }
    let sum = |v: &[Option<Decimal>]| {
        v.iter()
            .try_fold(Decimal::ZERO, |acc, c| c.map(|c| acc + c))
    };
    let total = sum(&chosen);
    let prepaid_total = sum(&all_prepaid);
    let postpaid_total = sum(&all_postpaid);
    if strategy == Strategy::Scenario {
        if let (Some(t), Some(pre), Some(post)) = (total, prepaid_total, postpaid_total) {
            let be = inputs
                .prices
                .iter()
                .flatten()
                .next()
                .map(|p| p.break_even_days().normalize().to_string())
                .unwrap_or_default();
            let first = &months[0];
            let cents = crate::money::cents_text;
            notes.push(note(
                Some(Product::Tcss),
                Message::new("tcss.sizing")
                    .text("billing", billing_key)
                    .num("licensed", first.licensed)
                    .text("month", first.month)
                    .text("break_even", be)
                    .text("total", cents(t))
                    .text("currency", currency)
                    .text("saving_prepaid", cents(pre - t))
                    .text("prepaid", cents(pre))
                    .text("saving_postpaid", cents(post - t))
                    .text("postpaid", cents(post)),
            ));
        }
        for code in ["tcss.counted_hosts", "tcss.lifecycle"] {
            notes.push(note(Some(Product::Tcss), Message::new(code)));
        }
        if spec.trial {
            notes.push(note(Some(Product::Tcss), Message::new("tcss.trial_once")));
        }
    }
    TcssSummary {
        site: spec.site,
        billing: billing_key,
        months,
        total,
        all_prepaid: prepaid_total,
        all_postpaid: postpaid_total,
        saving_vs_prepaid: total.zip(prepaid_total).map(|(t, p)| p - t),
        saving_vs_postpaid: total.zip(postpaid_total).map(|(t, p)| p - t),
    }
}

/// Prices Image Search per month, appending each month's line to `out[k]`; `fixed` prices one
/// package for every month (comparison).
#[allow(clippy::too_many_arguments)]
pub(crate) fn price_image_search(
    scenario: &Scenario,
    book: &PriceBook,
    site: Site,
    images: &Quantity,
    qps: &Quantity,
    trial: bool,
    fixed: Option<Package>,
    notes: &mut Vec<Note>,
    out: &mut [Vec<Line>],
) -> ImageSearchSummary {
    let images = images.series(scenario.months, true).unwrap_or_default();
    let qps = qps.series(scenario.months, true).unwrap_or_default();
    let currency = site.currency();
    let mut trial_used = false;
    let mut months = Vec::new();
    let mut changes = Vec::new();
    let mut previous: Option<(Package, Decimal)> = None;
    // A fixed package is looked up by its plan month after month; otherwise each month chooses
    // from the site's packages (rule IS-3).
    let fixed_plan = fixed.map(|p| (p, p.to_string()));
    let catalogue = image_search::Catalogue::of(book, site);
    let mut last_entry = None;
    let mut plan_text: Option<(Package, String)> = None;
    for (k, month) in scenario.month_list().enumerate() {
        let date = scenario.price_date_of(k as u32);
        let selection = match &fixed_plan {
            Some((p, plan)) => {
                last_entry = image_search::plan_entry(book, site, plan, date, last_entry);
                match last_entry {
                    Some(e) => Selection::Package(*p, e),
                    None => Selection::CustomQuote,
                }
            }
            None => catalogue.select(date, images[k], qps[k]),
        };
        let (package, line) = match selection {
            Selection::Package(p, entry) => {
                // The package's plan text, written again only when the package changes.
                if plan_text.as_ref().is_none_or(|(q, _)| *q != p) {
                    plan_text = Some((p, p.to_string()));
                }
                let plan = plan_text.as_ref().map_or("", |(_, text)| text.as_str());
                let mut line = Line::priced(
                    Product::ImageSearch,
                    "package",
                    plan,
                    Decimal::ONE,
                    "month",
                    Some(entry),
                    "IS-3",
                    currency,
                );
                if fixed.is_some() && !p.fits(images[k], qps[k]) {
                    line.infeasible = true;
                    line.note = Some(image_search::too_small(p, images[k], qps[k]));
                }
                // rule IS-5: the 100,000/1 package has one free month, once per user.
                if trial && !trial_used && p == image_search::TRIAL_PACKAGE {
                    trial_used = true;
                    line = line.free(Message::new("is.trial"));
                    line.rule = "IS-5".into();
                }
                (Some(p), line)
            }
            Selection::CustomQuote => {
                // rule IS-4: no list price; the line is a custom quote.
                let mut line = Line::priced(
                    Product::ImageSearch,
                    "package",
                    "custom",
                    Decimal::ONE,
                    "month",
                    None,
                    "IS-4",
                    currency,
                );
                line.custom_quote = true;
                line.note = Some(
                    Message::new("is.custom_quote")
                        .num("images", images[k])
                        .num("qps", qps[k]),
                );
                (None, line)
            }
        };
        // rule IS-6: a change keeps the billing start; upgrade charges new − old, downgrade
        // refunds old − new, not pro-rated. Listed, not added: each month is billed at its package.
        if let (Some((old, old_price)), Some(new), Some(new_price)) =
            (previous, package, line.unit_price)
        {
            if old != new {
                let (kind, amount) = image_search::change_amount(old_price, new_price);
                changes.push(PackageChange {
                    month,
                    from: old,
                    to: new,
                    kind,
                    amount,
                    currency,
                });
            }
        }
        previous = package.zip(line.unit_price);
        months.push(ImageSearchMonth {
            month,
            package,
            images: images[k],
            qps: qps[k],
        });
        out[k].push(line);
    }
    if fixed.is_none() {
        for c in &changes {
            let code = if c.kind == "upgrade" {
                "is.package_upgrade"
            } else {
                "is.package_downgrade"
            };
            let m = Message::new(code)
                .text("month", c.month)
                .text("from", c.from)
                .text("to", c.to)
                .text("amount", crate::money::cents_text(c.amount))
                .text("currency", c.currency);
            notes.push(note(Some(Product::ImageSearch), m));
        }
        for code in ["is.package", "is.expiry"] {
            notes.push(note(Some(Product::ImageSearch), Message::new(code)));
        }
    }
    ImageSearchSummary { months, changes }
}

/// The date a scenario month is priced at (rule GEN-4); re-exported for adapters.
pub fn price_date(scenario: &Scenario, k: u32) -> NaiveDate {
    scenario.price_date_of(k)
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn repeat_gives_the_last_answer_only_for_the_same_bits() {
        let mut asked = 0;
        let mut repeat = Repeat::default();
        let mut get = |d: Decimal| {
            repeat.get([d.serialize()], || {
                asked += 1;
                d * dec!(2)
            })
        };
        assert_eq!(get(dec!(5)).to_string(), "10");
        assert_eq!(get(dec!(5)).to_string(), "10");
        // Equal in value, written differently: asked again, answered in its own scale.
        assert_eq!(get(dec!(5.0)).to_string(), "10.0");
        assert_eq!(get(dec!(5)).to_string(), "10");
        assert_eq!(asked, 3);
    }

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
        let changes = &q.image_search.as_ref().unwrap().changes;
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
    fn tcss_t_1_prepaid_trial_charges_the_subscription_in_full() {
        // rule TCSS-T-1
        let q = quote_of(&ALL.replace(
            "\"billing\": \"postpaid\", \"cores\": 10",
            "\"billing\": \"prepaid\", \"cores\": 10, \"trial\": true",
        ));
        let pro = q.months[0]
            .lines
            .iter()
            .find(|l| l.item == "pro_prepaid")
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
            .find(|l| l.item == "pro_postpaid")
            .unwrap();
        assert_eq!((post.quantity, post.amount), (dec!(240), Some(dec!(60))));
        assert!(codes(&q).contains(&"tcss.trial_once"));
    }

    #[test]
    fn tcss_pro_1_cn_licence_minimum_term_is_charged_when_the_scenario_ends_early() {
        // rule TCSS-PRO-1: 3-month minimum on tencent-cn; a 2-month scenario still pays 3.
        let cn = ALL.replace(
            "\"site\": \"tencent-intl\", \"billing\": \"postpaid\", \"cores\": 10",
            "\"site\": \"tencent-cn\", \"billing\": \"prepaid\", \"cores\": 10",
        );
        let q = quote_of(&cn);
        let last = &q.months[1].lines;
        let pro: Vec<Decimal> = last
            .iter()
            .filter(|l| l.item == "pro_prepaid")
            .map(|l| l.quantity)
            .collect();
        assert_eq!(pro, vec![dec!(10), dec!(10)]);
        assert!(last.iter().any(|l| l
            .note_text()
            .as_deref()
            .is_some_and(|n| n.contains("minimum term"))));
    }

    #[test]
    fn tcss_pro_3_report_states_licence_break_even_and_savings() {
        // rule TCSS-PRO-3
        let q = quote_of(&ALL.replace(
            "\"billing\": \"postpaid\", \"cores\": 10",
            "\"billing\": \"auto\", \"cores\": 100, \"peak_cores\": 150, \"peak_days\": 5",
        ));
        let s = q.tcss.as_ref().unwrap();
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
            .find(|l| l.item == "image_scan")
            .unwrap();
        assert_eq!((scan.quantity, scan.amount), (dec!(20), Some(dec!(5))));
        // The same 10 images next month need no new authorization.
        assert!(!q.months[1].lines.iter().any(|l| l.item == "image_scan"));
        // After 2023-12-28 new purchases are paused: the price is missing, not zero.
        let q = quote_of(&text.replace("2023-08", "2024-02"));
        let scan = q.months[0]
            .lines
            .iter()
            .find(|l| l.item == "image_scan")
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
            .find(|l| l.item == "instance")
            .unwrap();
        assert_eq!(
            (instance.amount, instance.rule.as_str()),
            (Some(Decimal::ZERO), "TCR-B-2")
        );
        let q = quote_of(ALL);
        let instance = q.months[0]
            .lines
            .iter()
            .find(|l| l.item == "instance")
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
        // rule TCR-FIT-2: more Helm repositories than Premium allows (not raisable by ticket).
        let q = quote_of(&ALL.replace(
            "\"edition\": \"basic\"",
            "\"edition\": \"auto\", \"needs\": {\"helm_repos\": 6000}",
        ));
        let line = &q.months[0].lines[0];
        assert!(line.infeasible && !q.complete);
        assert!(line
            .note_text()
            .as_deref()
            .unwrap()
            .contains("needs 6000 Helm repositories; Advanced allows 5000"));
    }
}
