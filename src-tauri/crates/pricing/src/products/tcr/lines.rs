//! TCR month by month: the entries in force, each edition's lines, amounts and cost, and the
//! edition chosen (rules TCR-B-1…TCR-B-7, TCR-FIT-2).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::fit::{self, Fit, Series};
use super::spec::{EditionChoice, TcrBilling, TcrSpec};
use crate::book::{Key, PriceBook, PriceEntry, QuotaVersion};
use crate::calendar::YearMonth;
use crate::horizon::Horizon;
use crate::ids::{Edition, PriceItem, Product};
use crate::line::{note, Line, Note};
use crate::message::Message;

/// The region no price page lists, priced with the mainland group (rule TCR-B-3).
const QINGYUAN: &str = "ap-qingyuan";
/// The note of the mainland entries that says so, for ap-qingyuan's lines only.
const QINGYUAN_ASSUMPTION: &str = "book.tcr_qingyuan_assumption";

/// TCR in one month: the edition priced and every edition's fit and cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TcrMonth {
    pub month: YearMonth,
    pub edition: Option<Edition>,
    pub billing: &'static str,
    pub options: Vec<EditionOption>,
    pub needs_ticket: bool,
}

/// The entries a TCR month is priced with at the scenario's site and region, for one billing.
/// Choosing an edition (rule TCR-FIT-2) prices all four every month, and the storage and
/// traffic prices do not depend on the edition, so each is looked up once per month.
#[derive(Debug, Clone, Copy)]
pub struct MonthEntries<'b> {
    date: NaiveDate,
    billing: TcrBilling,
    /// `instance_hourly` of each edition, in [`Edition::ALL`] order.
    hourly: [Option<&'b PriceEntry>; 4],
    /// `instance_monthly` of each edition; looked up for monthly billing only.
    monthly: [Option<&'b PriceEntry>; 4],
    storage: Option<&'b PriceEntry>,
    egress: Option<&'b PriceEntry>,
}

/// An edition's place in [`Edition::ALL`].
fn slot(edition: Edition) -> usize {
    match edition {
        Edition::Personal => 0,
        Edition::Basic => 1,
        Edition::Standard => 2,
        Edition::Premium => 3,
    }
}

impl<'b> MonthEntries<'b> {
    /// Looks the month's entries up (rule GEN-4); `None` entries are missing prices (GEN-5).
    pub fn of(
        book: &'b PriceBook,
        spec: &TcrSpec,
        billing: TcrBilling,
        date: NaiveDate,
    ) -> MonthEntries<'b> {
        Self::after(None, book, spec, billing, date)
    }

    /// [`MonthEntries::of`] for a month after `previous`, the entries of an earlier month of the
    /// same scenario and billing, reusing those still in force ([`PriceBook::lookup_after`]).
    pub fn after(
        previous: Option<&MonthEntries<'b>>,
        book: &'b PriceBook,
        spec: &TcrSpec,
        billing: TcrBilling,
        date: NaiveDate,
    ) -> MonthEntries<'b> {
        let key = |item, plan| Key {
            product: Product::Tcr,
            site: spec.site,
            item,
            plan,
            region: Some(spec.region.as_str()),
        };
        let per_edition = |item, before: Option<[Option<&'b PriceEntry>; 4]>| {
            std::array::from_fn(|i| {
                let plan = Some(Edition::ALL[i].key());
                book.lookup_after(key(item, plan), date, before.and_then(|b| b[i]))
            })
        };
        MonthEntries {
            date,
            billing,
            hourly: per_edition(PriceItem::InstanceHourly, previous.map(|p| p.hourly)),
            monthly: match billing {
                TcrBilling::Monthly => {
                    per_edition(PriceItem::InstanceMonthly, previous.map(|p| p.monthly))
                }
                TcrBilling::Payg => [None; 4],
            },
            storage: book.lookup_after(
                key(PriceItem::CosStorage, None),
                date,
                previous.and_then(|p| p.storage),
            ),
            egress: book.lookup_after(
                key(PriceItem::CosEgress, None),
                date,
                previous.and_then(|p| p.egress),
            ),
        }
    }

    /// The hourly entry, and that entry again when it makes the instance free: Personal
    /// (rule TCR-B-1) or Enterprise in the public beta (rule TCR-B-2).
    fn hourly(&self, edition: Edition) -> (Option<&'b PriceEntry>, Option<&'b PriceEntry>) {
        let hourly = self.hourly[slot(edition)];
        let free = hourly.filter(|e| e.rule == "TCR-B-1" || e.rule == "TCR-B-2");
        (hourly, free)
    }

    /// The instance, storage and traffic charges of one edition in one month (rules
    /// TCR-B-1…TCR-B-7): the one pricing of a TCR month. Its lines are written from them
    /// ([`MonthEntries::push_lines`]); choosing an edition and the comparison add up their
    /// amounts ([`Charges::cost`], [`Charges::amounts`]) without writing any text.
    pub fn charges(
        &self,
        edition: Edition,
        month: YearMonth,
        series: &Series,
        k: usize,
    ) -> Charges<'b> {
        let mut charges = Charges::default();
        charges.push(self.instance(edition, hours_of(month, series, k)));
        match edition {
            Edition::Personal => {
                for c in self.personal_cos(series, k).into_iter().flatten() {
                    charges.push(c);
                }
            }
            _ => {
                for c in self.cos(series, k) {
                    charges.push(c);
                }
            }
        }
        charges
    }

    /// The instance charge of an edition for `hours` (rules TCR-B-1…TCR-B-4).
    fn instance(&self, edition: Edition, hours: Decimal) -> Charge<'b> {
        let (hourly, free_entry) = self.hourly(edition);
        match (free_entry, self.billing) {
            // rule TCR-B-1 / TCR-B-2: Personal is free; Enterprise rental is free in the public beta.
            (Some(e), _) => Charge::priced(PriceItem::Instance, hours, "hour", Some(e), &e.rule),
            // rule TCR-B-3: pay-as-you-go = hourly price × hours in month (or the scenario's hours).
            (None, TcrBilling::Payg) => {
                Charge::priced(PriceItem::Instance, hours, "hour", hourly, "TCR-B-3")
            }
            // rule TCR-B-4: monthly subscription has no published price; the user enters it.
            (None, TcrBilling::Monthly) => {
                let monthly = self.monthly[slot(edition)];
                Charge::priced(
                    PriceItem::Instance,
                    Decimal::ONE,
                    "month",
                    monthly,
                    "TCR-B-4",
                )
            }
        }
    }

    /// An Enterprise edition's storage and traffic, the same for every Enterprise edition.
    /// rule TCR-B-5: storage = stored GB × COS standard storage price of the region.
    /// rule TCR-B-6: public pull/push traffic at the COS public downstream price.
    fn cos(&self, series: &Series, k: usize) -> [Charge<'b>; 2] {
        [
            Charge::priced(
                PriceItem::Storage,
                series.storage_gb[k],
                "GB-month",
                self.storage,
                "TCR-B-5",
            ),
            Charge::priced(
                PriceItem::Egress,
                series.egress_gb[k],
                "GB",
                self.egress,
                "TCR-B-6",
            ),
        ]
    }

    /// rule TCR-B-1: the Personal edition's storage is not billed to the user; it has no COS
    /// bucket of the user's, so public traffic is not billed through COS either (decision).
    /// A line only where there is some.
    fn personal_cos(&self, series: &Series, k: usize) -> [Option<Charge<'b>>; 2] {
        let (_, free_entry) = self.hourly(Edition::Personal);
        [
            (PriceItem::Storage, series.storage_gb[k], "GB-month"),
            (PriceItem::Egress, series.egress_gb[k], "GB"),
        ]
        .map(|(item, quantity, unit)| {
            (!quantity.is_zero()).then_some(Charge {
                item,
                quantity,
                unit,
                entry: free_entry,
                rule: "TCR-B-1",
                amount: Some(Decimal::ZERO),
                not_billed: true,
            })
        })
    }

    /// The lines of one edition in a month, written from its [`MonthEntries::charges`].
    /// `book` is asked only for what a missing price's note says.
    #[allow(clippy::too_many_arguments)]
    pub fn lines(
        &self,
        book: &PriceBook,
        spec: &TcrSpec,
        edition: Edition,
        month: YearMonth,
        series: &Series,
        k: usize,
    ) -> Vec<Line> {
        let mut lines = Vec::with_capacity(3);
        self.push_lines(&mut lines, book, spec, edition, month, series, k);
        lines
    }

    /// [`MonthEntries::lines`], appended to a month's list.
    #[allow(clippy::too_many_arguments)]
    pub fn push_lines(
        &self,
        lines: &mut Vec<Line>,
        book: &PriceBook,
        spec: &TcrSpec,
        edition: Edition,
        month: YearMonth,
        series: &Series,
        k: usize,
    ) {
        let currency = spec.site.currency();
        let plan = edition.key();
        for c in self.charges(edition, month, series, k).as_slice() {
            let mut line = Line::priced(
                Product::Tcr,
                c.item,
                plan,
                c.quantity,
                c.unit,
                c.entry,
                c.rule,
                currency,
            );
            if c.not_billed {
                line.unit_price = Some(Decimal::ZERO);
                line.amount = c.amount;
                line.price_missing = false;
                line.note = Some(Message::new("tcr.personal_not_billed"));
            } else if c.item == PriceItem::Instance && c.entry.is_none() && !c.quantity.is_zero() {
                line.note = Some(self.missing_instance_price(book, spec, edition));
            }
            // rule TCR-B-3 (revised 2026-12): the mainland group's entry prices ap-qingyuan by
            // assumption, and says so on ap-qingyuan's lines only.
            if line.entry_note.as_deref() == Some(QINGYUAN_ASSUMPTION) && spec.region != QINGYUAN {
                line.entry_note = None;
            }
            lines.push(line);
        }
    }

    /// Why an edition's instance has no price this month.
    fn missing_instance_price(
        &self,
        book: &PriceBook,
        spec: &TcrSpec,
        edition: Edition,
    ) -> Message {
        let (site, region, date) = (spec.site, spec.region.as_str(), self.date);
        match self.billing {
            TcrBilling::Payg => match book.region(region) {
                Some(_) => Message::new("tcr.no_hourly_price")
                    .text("edition", edition.key())
                    .text("site", site.key())
                    .text("region", region)
                    .text("date", date),
                None => Message::new("tcr.region_not_in_table").text("region", region),
            },
            TcrBilling::Monthly => {
                let offered = book
                    .limit(Product::Tcr, site, PriceItem::InstanceMonthlyOffered, date)
                    .is_some();
                if offered {
                    Message::new("tcr.monthly_unpublished")
                } else {
                    Message::new("tcr.monthly_not_sold")
                        .text("site", site)
                        .text("date", date)
                }
            }
        }
    }

    /// The cost of every edition in [`Edition::ALL`] order, for choosing among them
    /// (rule TCR-FIT-2): each is [`Charges::cost`] of its [`MonthEntries::charges`], with the
    /// storage and traffic charges, which every Enterprise edition shares, made once.
    pub fn costs(&self, month: YearMonth, series: &Series, k: usize) -> [Option<Decimal>; 4] {
        let hours = hours_of(month, series, k);
        let cos = self.cos(series, k);
        let personal = self.personal_cos(series, k);
        Edition::ALL.map(|edition| {
            let instance = self.instance(edition, hours).amount?;
            match edition {
                Edition::Personal => personal
                    .iter()
                    .flatten()
                    .try_fold(instance, |sum, c| sum.checked_add(c.amount?)),
                _ => cos
                    .iter()
                    .try_fold(instance, |sum, c| sum.checked_add(c.amount?)),
            }
        })
    }
}

/// One line of a TCR month before it is written: what it charges and by which rule, without
/// any text. Totals are sums of these; lines are written from them.
#[derive(Debug, Clone, Copy)]
pub struct Charge<'b> {
    pub item: PriceItem,
    pub quantity: Decimal,
    pub unit: &'static str,
    pub entry: Option<&'b PriceEntry>,
    pub rule: &'b str,
    /// quantity × the entry's price; zero when not billed to the user; `None` when the price
    /// is missing (rule GEN-5).
    pub amount: Option<Decimal>,
    /// Not billed to the user (the Personal edition's storage and traffic, rule TCR-B-1).
    pub not_billed: bool,
}

impl<'b> Charge<'b> {
    fn priced(
        item: PriceItem,
        quantity: Decimal,
        unit: &'static str,
        entry: Option<&'b PriceEntry>,
        rule: &'b str,
    ) -> Charge<'b> {
        Charge {
            item,
            quantity,
            unit,
            entry,
            rule,
            // Beyond what a decimal holds: no amount; the written line says so (`Line::priced`).
            // rule GEN-5: zero GB costs zero even before COS has a price.
            amount: crate::line::amount_of(quantity, entry),
            not_billed: false,
        }
    }
}

/// An edition's charges in a month, in line order: the instance, then storage and traffic
/// when there are any (at most three).
#[derive(Debug, Clone, Copy, Default)]
pub struct Charges<'b> {
    list: [Option<Charge<'b>>; 3],
    len: usize,
}

impl<'b> Charges<'b> {
    fn push(&mut self, charge: Charge<'b>) {
        self.list[self.len] = Some(charge);
        self.len += 1;
    }

    pub fn as_slice(&self) -> impl Iterator<Item = &Charge<'b>> {
        self.list[..self.len].iter().flatten()
    }

    /// The amounts in line order; `None` when a price is missing.
    pub fn amounts(&self) -> Option<LineAmounts> {
        let mut amounts = LineAmounts::default();
        for c in self.as_slice() {
            amounts.push(c.amount?);
        }
        Some(amounts)
    }

    /// What the edition costs in the month, in the site currency: the sum of its amounts;
    /// `None` when a price is missing.
    pub fn cost(&self) -> Option<Decimal> {
        let mut charges = self.as_slice();
        let first = charges.next()?.amount?;
        charges.try_fold(first, |sum, c| sum.checked_add(c.amount?))
    }
}

/// The hours a month is billed for: the scenario's, or days × 24 (rule GEN-6).
fn hours_of(month: YearMonth, series: &Series, k: usize) -> Decimal {
    series
        .hours
        .as_ref()
        .map(|h| h[k])
        .unwrap_or_else(|| month.hours())
}

/// The lines of one edition in one month (rules TCR-B-1…TCR-B-7). Missing prices give
/// `price_missing` lines (rule GEN-5).
#[allow(clippy::too_many_arguments)]
pub fn edition_lines(
    book: &PriceBook,
    spec: &TcrSpec,
    edition: Edition,
    billing: TcrBilling,
    month: YearMonth,
    date: NaiveDate,
    series: &Series,
    k: usize,
) -> Vec<Line> {
    MonthEntries::of(book, spec, billing, date).lines(book, spec, edition, month, series, k)
}

/// The charges of one edition in one month, looked up on `date` (rule GEN-4).
#[allow(clippy::too_many_arguments)]
pub fn edition_charges<'b>(
    book: &'b PriceBook,
    spec: &TcrSpec,
    edition: Edition,
    billing: TcrBilling,
    month: YearMonth,
    date: NaiveDate,
    series: &Series,
    k: usize,
) -> Charges<'b> {
    MonthEntries::of(book, spec, billing, date).charges(edition, month, series, k)
}

/// The amounts of an edition's lines in one month, in line order (at most three: instance,
/// storage, traffic), for totals kept across months.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LineAmounts {
    values: [Decimal; 3],
    len: usize,
}

impl LineAmounts {
    fn push(&mut self, amount: Decimal) {
        self.values[self.len] = amount;
        self.len += 1;
    }

    pub fn as_slice(&self) -> &[Decimal] {
        &self.values[..self.len]
    }
}

/// Converts terabytes to gigabytes: 1 TB = 1024 GB (rule TCR-B-5).
pub fn tb_to_gb(tb: Decimal) -> Decimal {
    tb * Decimal::from(1024)
}

/// One edition's standing in a month: its fit and its cost (None when a price is missing).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EditionOption {
    pub edition: Edition,
    pub fit: Fit,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub cost: Option<Decimal>,
}

/// The edition `edition = auto` picks for a month: the cheapest feasible, ties to the lower
/// edition (rule TCR-FIT-2). Editions without a price are passed over while a priced feasible
/// one exists (an unknown price is not zero, rule GEN-5). `None` when no edition is feasible.
pub fn recommend(options: &[EditionOption]) -> Option<Edition> {
    cheapest_feasible(
        options
            .iter()
            .map(|o| (o.edition, o.fit.feasible(), o.cost)),
    )
}

/// [`recommend`] over (edition, feasible, cost) in edition order, for callers that have not
/// written the shortfalls (rule TCR-FIT-2).
pub fn cheapest_feasible(
    options: impl Iterator<Item = (Edition, bool, Option<Decimal>)> + Clone,
) -> Option<Edition> {
    let feasible = options.filter(|(_, f, _)| *f);
    let priced = feasible
        .clone()
        .filter_map(|(e, _, c)| c.map(|c| (c, e)))
        .min();
    priced
        .map(|(_, e)| e)
        .or_else(|| feasible.map(|(e, _, _)| e).min())
}

/// The cost of an edition's lines in the site currency, `None` if any price is missing.
pub fn lines_cost(lines: &[Line]) -> Option<Decimal> {
    lines
        .iter()
        .try_fold(Decimal::ZERO, |acc, l| acc.checked_add(l.amount?))
}

/// Every edition's fit and cost in a month, in edition order.
pub fn options(
    book: &PriceBook,
    spec: &TcrSpec,
    billing: TcrBilling,
    month: YearMonth,
    date: NaiveDate,
    series: &Series,
    k: usize,
) -> Option<Vec<EditionOption>> {
    let quotas = book.quota_version(date)?;
    let entries = MonthEntries::of(book, spec, billing, date);
    Some(options_with(quotas, &entries, spec, month, series, k))
}

/// [`options`] from the quota version and entries in force.
pub fn options_with(
    quotas: &QuotaVersion,
    entries: &MonthEntries<'_>,
    spec: &TcrSpec,
    month: YearMonth,
    series: &Series,
    k: usize,
) -> Vec<EditionOption> {
    let costs = entries.costs(month, series, k);
    Edition::ALL
        .iter()
        .zip(costs)
        .map(|(&edition, cost)| {
            let fit = fit::fit(
                quotas,
                edition,
                spec.site,
                &spec.region,
                &series.requirements[k],
            );
            EditionOption { edition, fit, cost }
        })
        .collect()
}

/// Prices TCR per month, appending each month's lines to `out[k]`. `fixed` overrides the
/// scenario's edition and billing (comparison).
pub(crate) fn price_tcr(
    h: &Horizon,
    book: &PriceBook,
    spec: &TcrSpec,
    fixed: Option<(Edition, TcrBilling)>,
    notes: &mut Vec<Note>,
    out: &mut [Vec<Line>],
) -> Vec<TcrMonth> {
    let series = fit::Series::of(spec, h.months);
    let billing = fixed.map(|(_, b)| b).unwrap_or(spec.billing);
    let choice = fixed
        .map(|(e, _)| EditionChoice::Fixed(e))
        .unwrap_or(spec.edition);
    let mut per_month = Vec::new();
    let mut ticket_noted = false;
    let mut last_entries: Option<MonthEntries> = None;
    for (k, month) in h.month_list().enumerate() {
        let date = h.price_date_of(k as u32);
        // Every edition's cost is needed only to choose one (auto); a fixed edition needs its
        // own fit alone.
        let entries = MonthEntries::after(last_entries.as_ref(), book, spec, billing, date);
        last_entries = Some(entries);
        let options = match choice {
            EditionChoice::Auto => book
                .quota_version(date)
                .map(|q| options_with(q, &entries, spec, month, &series, k)),
            EditionChoice::Fixed(e) => book.quota_version(date).map(|q| {
                vec![EditionOption {
                    edition: e,
                    fit: fit::fit(q, e, spec.site, &spec.region, &series.requirements[k]),
                    cost: None,
                }]
            }),
        };
        let Some(mut options) = options else {
            let line = Line::priced(
                Product::Tcr,
                PriceItem::Instance,
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
            EditionChoice::Auto => recommend(&options), // rule TCR-FIT-2
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
                    PriceItem::Instance,
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
            o.cost = lines_cost(lines);
        }
        let fit = edition
            .and_then(|e| options.iter().find(|o| o.edition == e))
            .map(|o| &o.fit);
        let needs_ticket = fit.is_some_and(|f| f.needs_ticket());
        if let Some(f) = fit {
            if !f.feasible() {
                // A fixed edition that does not meet the requirements.
                lines[0].infeasible = true;
                lines[0].note = Some(fit::edition_unmet(f, spec.site));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::Site;
    use crate::products::tcr::fit::{exceeds, feasible, fit, Requirements, Shortfall};
    use crate::products::tcr::Needs;
    use crate::quantity::Quantity;
    use rust_decimal_macros::dec;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn spec(site: Site, region: &str) -> TcrSpec {
        TcrSpec {
            site,
            region: region.into(),
            edition: EditionChoice::Auto,
            billing: TcrBilling::Payg,
            hours: None,
            needs: Needs::default(),
            storage_gb: Quantity::constant(500),
            egress_gb: Quantity::constant(100),
        }
    }

    fn req(ns: u32, repos: u32) -> Requirements {
        Requirements {
            namespaces: ns.into(),
            image_repos: repos.into(),
            ..Default::default()
        }
    }

    fn quotas(d: &str) -> &'static QuotaVersion {
        PriceBook::builtin().quota_version(date(d)).unwrap()
    }

    #[test]
    fn tcr_q_1_quota_table_2020() {
        // rule TCR-Q-1
        let q = quotas("2021-01-01");
        let ns: Vec<u32> = Edition::ALL
            .iter()
            .map(|e| q.editions[e].namespaces)
            .collect();
        assert_eq!(ns, vec![10, 50, 100, 500]);
        let vpc: Vec<u32> = Edition::ALL
            .iter()
            .map(|e| q.editions[e].vpc_links)
            .collect();
        assert_eq!(vpc, vec![0, 3, 5, 10]);
        assert!(
            !q.editions[&Edition::Basic].cross_region_sync
                && q.editions[&Edition::Standard].cross_region_sync
        );
        assert_eq!(q.editions[&Edition::Premium].webhooks.len(), 4);
    }

    #[test]
    fn tcr_q_2_public_beta_overrides() {
        // rule TCR-Q-2
        let q = quotas("2020-09-01");
        for e in [Edition::Basic, Edition::Standard, Edition::Premium] {
            assert_eq!(q.editions[&e].vpc_links, 1);
            assert_eq!(q.editions[&e].webhooks, vec!["push_image", "delete_image"]);
            assert!(q.editions[&e].delivery_workflow);
        }
        let r = Requirements {
            vpc_links: dec!(2),
            ..Default::default()
        };
        assert!(!fit(q, Edition::Premium, Site::TencentCn, "ap-guangzhou", &r).feasible());
    }

    #[test]
    fn tcr_q_3_quota_table_2023() {
        // rule TCR-Q-3
        let q = quotas("2024-01-01");
        let vpc: Vec<u32> = Edition::ALL
            .iter()
            .map(|e| q.editions[e].vpc_links)
            .collect();
        assert_eq!(vpc, vec![0, 5, 10, 20]);
        assert_eq!(q.image_repos(Edition::Personal, "ap-guangzhou"), 500);
        assert_eq!(q.image_repos(Edition::Personal, "ap-shanghai"), 100);
        assert!(q.editions[&Edition::Personal].delivery_workflow);
        assert!(!q.editions[&Edition::Basic].block_vulnerable_images);
        let f = fit(
            q,
            Edition::Premium,
            Site::TencentIntl,
            "ap-guangzhou",
            &req(600, 100),
        );
        assert!(f.feasible() && f.needs_ticket());
        assert_eq!(
            f.shortfalls[0].text(),
            "needs 600 namespaces; Advanced allows 500 (can be raised by ticket)"
        );
        // rule TCR-Q-3 (revised 2026-12): Premium's Helm repository quota is raised by ticket
        // too; Standard's is not.
        let helm = Requirements {
            helm_repos: 6000.into(),
            ..req(10, 10)
        };
        let f = fit(
            q,
            Edition::Premium,
            Site::TencentIntl,
            "ap-guangzhou",
            &helm,
        );
        assert!(f.feasible() && f.needs_ticket());
        assert!(f.shortfalls[0].text().contains("(can be raised by ticket)"));
        let f = fit(
            q,
            Edition::Standard,
            Site::TencentIntl,
            "ap-guangzhou",
            &helm,
        );
        assert!(!f.feasible());
        let before = quotas("2023-06-29");
        assert!(!fit(
            before,
            Edition::Premium,
            Site::TencentIntl,
            "ap-guangzhou",
            &req(600, 100)
        )
        .feasible());
    }

    #[test]
    fn tcr_fit_1_names_the_failing_requirement() {
        // rule TCR-FIT-1
        let q = quotas("2027-01-01");
        let f = fit(
            q,
            Edition::Basic,
            Site::TencentIntl,
            "ap-guangzhou",
            &req(60, 800),
        );
        assert!(!f.feasible());
        assert_eq!(f.shortfalls.len(), 1);
        assert_eq!(
            f.shortfalls[0].text(),
            "needs 60 namespaces; Basic allows 50"
        );
        let r = Requirements {
            webhooks: vec!["pull_image".into()],
            cross_region_sync: true,
            ..Default::default()
        };
        let f = fit(q, Edition::Basic, Site::TencentIntl, "ap-guangzhou", &r);
        let texts: Vec<String> = f.shortfalls.iter().map(Shortfall::text).collect();
        assert_eq!(
            texts,
            vec![
                "needs cross-instance / cross-region sync; Basic does not offer it",
                "needs pull_image webhook triggers; Basic offers push_image",
            ]
        );
    }

    #[test]
    fn tcr_fit_2_cheapest_feasible_ties_to_lower() {
        // rule TCR-FIT-2
        let book = PriceBook::builtin();
        let s = spec(Site::TencentIntl, "ap-guangzhou");
        let mut series = Series::of(&s, 1);
        series.requirements[0] = req(60, 800);
        let m: YearMonth = "2027-01".parse().unwrap();
        let opts = options(book, &s, TcrBilling::Payg, m, m.first_day(), &series, 0).unwrap();
        assert_eq!(recommend(&opts), Some(Edition::Standard));
        series.requirements[0] = req(5, 50);
        let opts = options(book, &s, TcrBilling::Payg, m, m.first_day(), &series, 0).unwrap();
        assert_eq!(recommend(&opts), Some(Edition::Personal));
        // A tie: two feasible editions with the same cost → the lower one.
        let tie = |e, c| EditionOption {
            edition: e,
            fit: Fit {
                edition: e,
                shortfalls: vec![],
            },
            cost: Some(c),
        };
        assert_eq!(
            recommend(&[
                tie(Edition::Standard, dec!(5)),
                tie(Edition::Basic, dec!(5))
            ]),
            Some(Edition::Basic)
        );
        // Nothing feasible → None (the quote marks the month infeasible): 30 VPC links is
        // beyond Premium's 20, and no ticket raises that quota (rule TCR-Q-3).
        series.requirements[0] = req(10_000, 50);
        series.requirements[0].vpc_links = dec!(30);
        let opts = options(book, &s, TcrBilling::Payg, m, m.first_day(), &series, 0).unwrap();
        assert_eq!(recommend(&opts), None);
    }

    #[test]
    fn costs_are_each_editions_charges_added_up() {
        // `costs` shares the storage and traffic charges among the editions; it must give
        // what each edition's own charges add up to, scale included.
        let book = PriceBook::builtin();
        for site in [Site::TencentIntl, Site::TencentCn] {
            for region in [
                "ap-guangzhou",
                "ap-qingyuan",
                "ap-beijing-fsi",
                "sa-saopaulo",
            ] {
                for m in ["2020-07", "2020-12", "2023-06", "2027-02"] {
                    for billing in [TcrBilling::Payg, TcrBilling::Monthly] {
                        for (storage, egress) in [(500, 100), (0, 0), (0, 7)] {
                            let mut s = spec(site, region);
                            s.storage_gb = Quantity::constant(storage);
                            s.egress_gb = Quantity::constant(egress);
                            let series = Series::of(&s, 1);
                            let m: YearMonth = m.parse().unwrap();
                            let entries = MonthEntries::of(book, &s, billing, m.first_day());
                            let text = |c: Option<Decimal>| c.map(|c| c.to_string());
                            let costs = entries.costs(m, &series, 0).map(text);
                            let each = Edition::ALL
                                .map(|e| text(entries.charges(e, m, &series, 0).cost()));
                            assert_eq!(costs, each, "{site} {region} {m} {billing:?} {storage}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn edition_cost_equals_the_sum_of_edition_lines() {
        let book = PriceBook::builtin();
        for site in [Site::TencentIntl, Site::TencentCn] {
            for region in [
                "ap-guangzhou",
                "ap-qingyuan",
                "ap-beijing-fsi",
                "eu-moscow",
                "sa-saopaulo",
            ] {
                for m in ["2020-07", "2020-12", "2023-06", "2027-02"] {
                    for billing in [TcrBilling::Payg, TcrBilling::Monthly] {
                        for edition in Edition::ALL {
                            let s = spec(site, region);
                            let series = Series::of(&s, 1);
                            let m: YearMonth = m.parse().unwrap();
                            let lines = edition_lines(
                                book,
                                &s,
                                edition,
                                billing,
                                m,
                                m.first_day(),
                                &series,
                                0,
                            );
                            let cost = edition_charges(
                                book,
                                &s,
                                edition,
                                billing,
                                m,
                                m.first_day(),
                                &series,
                                0,
                            )
                            .cost();
                            assert_eq!(
                                cost,
                                lines_cost(&lines),
                                "{site} {region} {m} {billing:?} {edition}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn edition_amounts_are_the_amounts_of_edition_lines() {
        // Written as text, so a different scale (0.00 against 0) would show.
        let book = PriceBook::builtin();
        for site in [Site::TencentIntl, Site::TencentCn] {
            for region in [
                "ap-guangzhou",
                "ap-qingyuan",
                "ap-beijing-fsi",
                "sa-saopaulo",
            ] {
                for m in ["2020-07", "2020-12", "2023-06", "2027-02"] {
                    for billing in [TcrBilling::Payg, TcrBilling::Monthly] {
                        for (storage, hours) in [(500, None), (0, Some(100))] {
                            for edition in Edition::ALL {
                                let mut s = spec(site, region);
                                s.storage_gb = Quantity::constant(storage);
                                s.hours = hours.map(Quantity::constant);
                                let series = Series::of(&s, 1);
                                let m: YearMonth = m.parse().unwrap();
                                let d = m.first_day();
                                let lines =
                                    edition_lines(book, &s, edition, billing, m, d, &series, 0);
                                let from_lines: Option<Vec<String>> = lines
                                    .iter()
                                    .map(|l| l.amount.map(|a| a.to_string()))
                                    .collect();
                                let charges =
                                    edition_charges(book, &s, edition, billing, m, d, &series, 0);
                                let amounts = charges
                                    .amounts()
                                    .map(|a| a.as_slice().iter().map(|a| a.to_string()).collect());
                                assert_eq!(
                                    amounts, from_lines,
                                    "{site} {region} {m} {billing:?} {edition} {storage}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn exceeds_is_the_decimal_comparison() {
        let allowed = [0u32, 1, 10, 500, 5000, u32::MAX];
        let mut needed = vec![
            Decimal::ZERO,
            -Decimal::ZERO,
            dec!(0.0),
            dec!(-1),
            dec!(10),
            dec!(10.0),
            dec!(10.5),
            dec!(500),
            dec!(501),
            dec!(4294967295),
            dec!(4294967296),
            Decimal::MAX,
            Decimal::MIN,
        ];
        needed.extend((0..40i64).map(|i| Decimal::new(i * 137 - 100, (i % 3) as u32)));
        for n in needed {
            for a in allowed {
                assert_eq!(exceeds(n, a), n > Decimal::from(a), "{n:?} {a}");
            }
        }
    }

    #[test]
    fn feasible_is_fit_without_the_texts() {
        // rules TCR-FIT-1, TCR-FIT-2: the same answer, tickets included.
        let needs = [
            req(0, 0),
            req(60, 100),
            req(600, 100),
            req(90, 6000),
            Requirements {
                helm_repos: dec!(6000),
                ..Default::default()
            },
            Requirements {
                vpc_links: dec!(4),
                log_retention_days: dec!(20),
                ..Default::default()
            },
            Requirements {
                cross_region_sync: true,
                delivery_workflow: true,
                ..req(20, 20)
            },
            Requirements {
                vulnerability_scan: true,
                block_vulnerable_images: true,
                ..Default::default()
            },
            Requirements {
                webhooks: vec!["pull_image".into(), "helm_chart".into()],
                ..Default::default()
            },
        ];
        for d in ["2020-09-01", "2021-01-01", "2024-01-01"] {
            for region in ["ap-guangzhou", "ap-shanghai"] {
                for r in &needs {
                    for e in Edition::ALL {
                        let f = fit(quotas(d), e, Site::TencentIntl, region, r);
                        assert_eq!(
                            feasible(quotas(d), e, region, r),
                            f.feasible(),
                            "{d} {region} {e} {r:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn tcr_b_3_payg_hourly_times_hours_in_month() {
        // rule TCR-B-3: Standard in ap-guangzhou, intl, January: 0.28 × 744 = 208.32
        let book = PriceBook::builtin();
        let s = spec(Site::TencentIntl, "ap-guangzhou");
        let series = Series::of(&s, 1);
        let m: YearMonth = "2027-01".parse().unwrap();
        let lines = edition_lines(
            book,
            &s,
            Edition::Standard,
            TcrBilling::Payg,
            m,
            m.first_day(),
            &series,
            0,
        );
        assert_eq!(
            (lines[0].quantity, lines[0].unit_price, lines[0].amount),
            (dec!(744), Some(dec!(0.28)), Some(dec!(208.32)))
        );
        assert_eq!(lines[0].source.as_deref(), Some("P-TCR-INTL"));
        // China site, Premium, finance region, February 2027: 5.22 × 672
        let s = spec(Site::TencentCn, "ap-shenzhen-fsi");
        let m: YearMonth = "2027-02".parse().unwrap();
        let lines = edition_lines(
            book,
            &s,
            Edition::Premium,
            TcrBilling::Payg,
            m,
            m.first_day(),
            &series,
            0,
        );
        assert_eq!(lines[0].amount, Some(dec!(5.22) * dec!(672)));
        // ap-qingyuan is priced with the mainland group, and says so.
        let s = spec(Site::TencentIntl, "ap-qingyuan");
        let lines = edition_lines(
            book,
            &s,
            Edition::Basic,
            TcrBilling::Payg,
            m,
            m.first_day(),
            &series,
            0,
        );
        assert_eq!(lines[0].unit_price, Some(dec!(0.14)));
        let note = lines[0].entry_message().expect("the entry's note");
        assert!(note.render(crate::message::Lang::En).contains("mainland"));
        // rule TCR-B-3 (revised 2026-12): the same entry prices ap-shanghai with no such note.
        for site in [Site::TencentIntl, Site::TencentCn] {
            let s = spec(site, "ap-shanghai");
            let lines = edition_lines(
                book,
                &s,
                Edition::Basic,
                TcrBilling::Payg,
                m,
                m.first_day(),
                &series,
                0,
            );
            assert!(lines[0].unit_price.is_some());
            assert!(lines.iter().all(|l| l.notes().is_empty()), "{lines:?}");
        }
        // A region outside the table has no price (rule GEN-5).
        let s = spec(Site::TencentIntl, "sa-saopaulo");
        let lines = edition_lines(
            book,
            &s,
            Edition::Basic,
            TcrBilling::Payg,
            m,
            m.first_day(),
            &series,
            0,
        );
        assert!(lines[0].price_missing && lines[0].amount.is_none());
    }

    #[test]
    fn gen_5_zero_quantities_cost_zero_without_a_price() {
        // rule GEN-5 (revised 2026-12): before COS's dated prices, zero GB of storage and
        // traffic cost zero and are not missing prices; 500 GB is.
        let book = PriceBook::builtin();
        let m: YearMonth = "2023-06".parse().unwrap();
        let mut s = spec(Site::TencentIntl, "ap-guangzhou");
        s.storage_gb = Quantity::constant(0);
        s.egress_gb = Quantity::constant(0);
        let series = Series::of(&s, 1);
        let lines = edition_lines(
            book,
            &s,
            Edition::Basic,
            TcrBilling::Payg,
            m,
            m.first_day(),
            &series,
            0,
        );
        assert_eq!(lines.len(), 3);
        for l in &lines[1..] {
            assert!(l.unit_price.is_none() && l.amount == Some(Decimal::ZERO));
            assert!(!l.price_missing && l.is_complete() && l.is_zero_unpriced());
        }
        let entries = MonthEntries::of(book, &s, TcrBilling::Payg, m.first_day());
        assert_eq!(
            entries.charges(Edition::Basic, m, &series, 0).cost(),
            Some(dec!(0.14) * dec!(720))
        );
        s.storage_gb = Quantity::constant(500);
        let series = Series::of(&s, 1);
        let entries = MonthEntries::of(book, &s, TcrBilling::Payg, m.first_day());
        assert_eq!(entries.charges(Edition::Basic, m, &series, 0).cost(), None);
    }

    #[test]
    fn tcr_b_3_scenario_hours_override() {
        // rule TCR-B-3 with tcr.hours
        let book = PriceBook::builtin();
        let mut s = spec(Site::TencentIntl, "ap-guangzhou");
        s.hours = Some(Quantity::constant(100));
        let series = Series::of(&s, 1);
        let m: YearMonth = "2027-01".parse().unwrap();
        let lines = edition_lines(
            book,
            &s,
            Edition::Basic,
            TcrBilling::Payg,
            m,
            m.first_day(),
            &series,
            0,
        );
        assert_eq!(lines[0].amount, Some(dec!(14)));
    }

    #[test]
    fn tcr_b_1_personal_is_free_including_storage() {
        // rule TCR-B-1
        let book = PriceBook::builtin();
        let s = spec(Site::TencentIntl, "ap-guangzhou");
        let series = Series::of(&s, 1);
        let m: YearMonth = "2027-01".parse().unwrap();
        let lines = edition_lines(
            book,
            &s,
            Edition::Personal,
            TcrBilling::Payg,
            m,
            m.first_day(),
            &series,
            0,
        );
        assert_eq!(lines_cost(&lines), Some(Decimal::ZERO));
        assert!(lines
            .iter()
            .all(|l| l.rule == "TCR-B-1" && !l.price_missing));
    }

    #[test]
    fn tcr_b_2_enterprise_rental_free_in_public_beta() {
        // rule TCR-B-2
        let book = PriceBook::builtin();
        let s = spec(Site::TencentCn, "ap-guangzhou");
        let series = Series::of(&s, 1);
        let m: YearMonth = "2020-11".parse().unwrap();
        let lines = edition_lines(
            book,
            &s,
            Edition::Premium,
            TcrBilling::Payg,
            m,
            m.first_day(),
            &series,
            0,
        );
        assert_eq!(
            (lines[0].amount, lines[0].rule.as_str()),
            (Some(Decimal::ZERO), "TCR-B-2")
        );
        let m: YearMonth = "2020-12".parse().unwrap();
        let lines = edition_lines(
            book,
            &s,
            Edition::Premium,
            TcrBilling::Payg,
            m,
            m.first_day(),
            &series,
            0,
        );
        assert_eq!(lines[0].amount, Some(dec!(3.86) * dec!(744)));
    }

    #[test]
    fn tcr_b_4_monthly_has_no_published_price() {
        // rule TCR-B-4
        let book = PriceBook::builtin();
        let mut s = spec(Site::TencentCn, "ap-guangzhou");
        s.billing = TcrBilling::Monthly;
        let series = Series::of(&s, 1);
        let m: YearMonth = "2027-01".parse().unwrap();
        let lines = edition_lines(
            book,
            &s,
            Edition::Standard,
            TcrBilling::Monthly,
            m,
            m.first_day(),
            &series,
            0,
        );
        assert!(lines[0].price_missing);
        assert!(lines[0]
            .note_text()
            .as_deref()
            .unwrap()
            .contains("enter your price"));
        let mine = crate::PriceEntry {
            product: Product::Tcr,
            site: Site::TencentCn,
            item: PriceItem::InstanceMonthly,
            plan: Some("standard".into()),
            regions: vec!["ap-guangzhou".into()],
            unit: "month".into(),
            amount: dec!(1435),
            currency: Some(crate::Currency::Cny),
            effective_from: date("2000-01-01"),
            effective_to: None,
            source: "user".into(),
            rule: "GEN-3".into(),
            note: None,
        };
        let book = book.with_user_entries(vec![mine]).unwrap();
        let lines = edition_lines(
            &book,
            &s,
            Edition::Standard,
            TcrBilling::Monthly,
            m,
            m.first_day(),
            &series,
            0,
        );
        assert_eq!(
            (lines[0].amount, lines[0].source.as_deref()),
            (Some(dec!(1435)), Some("user"))
        );
    }

    #[test]
    fn tcr_b_5_b_6_b_7_storage_and_traffic_from_cos() {
        // rules TCR-B-5, TCR-B-6, TCR-B-7
        let book = PriceBook::builtin();
        let s = spec(Site::TencentIntl, "ap-singapore");
        let series = Series::of(&s, 1);
        let m: YearMonth = "2027-01".parse().unwrap();
        let lines = edition_lines(
            book,
            &s,
            Edition::Basic,
            TcrBilling::Payg,
            m,
            m.first_day(),
            &series,
            0,
        );
        assert_eq!(
            (lines[1].item, lines[1].amount),
            (PriceItem::Storage, Some(dec!(500) * dec!(0.022)))
        );
        assert_eq!(
            (lines[2].item, lines[2].amount),
            (PriceItem::Egress, Some(dec!(100) * dec!(0.072)))
        );
        assert_eq!(tb_to_gb(dec!(1.5)), dec!(1536));
        // Before COS's dated prices, storage is a missing price, not zero.
        let m: YearMonth = "2023-06".parse().unwrap();
        let lines = edition_lines(
            book,
            &s,
            Edition::Basic,
            TcrBilling::Payg,
            m,
            m.first_day(),
            &series,
            0,
        );
        assert!(lines[1].price_missing);
        // Finance regions have no international COS price.
        let s = spec(Site::TencentCn, "ap-beijing-fsi");
        let m: YearMonth = "2027-01".parse().unwrap();
        let lines = edition_lines(
            book,
            &s,
            Edition::Basic,
            TcrBilling::Payg,
            m,
            m.first_day(),
            &series,
            0,
        );
        assert_eq!(lines[1].unit_price, Some(dec!(0.300)));
    }

    #[test]
    fn tcr_r_1_regions_with_availability_notes() {
        // rule TCR-R-1
        let book = PriceBook::builtin();
        assert_eq!(
            book.region("ap-shenzhen-fsi")
                .unwrap()
                .availability
                .as_deref(),
            Some("by_ticket")
        );
        assert_eq!(
            book.region("ap-seoul").unwrap().availability.as_deref(),
            Some("from_2020_07")
        );
        assert_eq!(
            book.regions().iter().filter(|r| r.listed_by_s000).count(),
            10
        );
    }
}
