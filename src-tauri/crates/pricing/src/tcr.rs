//! Tencent Container Registry: edition feasibility, recommendation and billing
//! (rules TCR-Q-1…TCR-Q-3, TCR-FIT-1, TCR-FIT-2, TCR-B-1…TCR-B-7).

use chrono::NaiveDate;
use compact_str::{CompactString, ToCompactString};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::book::{Key, PriceBook, PriceEntry, QuotaVersion};
use crate::calendar::YearMonth;
use crate::ids::{Edition, Product, Site};
use crate::message::Message;
use crate::money::Figure;
use crate::quote::Line;
use crate::scenario::{Quantity, TcrBilling, TcrSpec};

/// One month's TCR requirements, as exact values (counts already rounded up, rule GEN-7).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Requirements {
    pub namespaces: Decimal,
    pub image_repos: Decimal,
    pub helm_repos: Decimal,
    pub vpc_links: Decimal,
    pub log_retention_days: Decimal,
    pub cross_region_sync: bool,
    pub webhooks: Vec<String>,
    pub delivery_workflow: bool,
    pub vulnerability_scan: bool,
    pub block_vulnerable_images: bool,
}

/// A requirement an edition does not meet (rule TCR-FIT-1).
///
/// Kept as data; its [`Shortfall::message`] is made when asked for: a quote finds the
/// shortfalls of every edition in every month and most are never read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortfall {
    /// The requirement's field name in `tcr.needs`.
    pub requirement: CompactString,
    pub needed: CompactString,
    pub allowed: CompactString,
    /// Premium can raise this quota by ticket (rule TCR-Q-3).
    pub by_ticket: bool,
    /// Which sentence says it.
    kind: MissKind,
    /// The edition and site, which name the edition (rule TCR-ED-1).
    edition: Edition,
    site: Site,
}

/// Which message a [`Shortfall`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MissKind {
    /// More than the quota allows, for example namespaces.
    Count,
    /// A feature the edition does not offer, for example vulnerability blocking.
    Feature,
    /// Webhook triggers the edition does not offer.
    Webhooks,
}

impl Shortfall {
    /// `tcr.requirement_unmet` ("needs 60 namespaces; Basic allows 50"), `tcr.feature_missing`
    /// or `tcr.webhooks_missing`, with the requirement, what is needed and what is allowed.
    pub fn message(&self) -> Message {
        let code = match self.kind {
            MissKind::Count => "tcr.requirement_unmet",
            MissKind::Feature => "tcr.feature_missing",
            MissKind::Webhooks => "tcr.webhooks_missing",
        };
        let m = Message::new(code)
            .text("requirement", &self.requirement)
            .text("needed", &self.needed)
            .text("allowed", &self.allowed)
            .text("edition", self.edition.key())
            .text("site", self.site.key());
        match self.kind {
            MissKind::Count => m.flag("ticket", self.by_ticket),
            MissKind::Webhooks => m.flag("none_offered", self.allowed == "none"),
            MissKind::Feature => m,
        }
    }

    /// The message in English.
    pub fn text(&self) -> String {
        self.message().render(crate::message::Lang::En)
    }
}

impl Serialize for Shortfall {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Shortfall", 5)?;
        s.serialize_field("requirement", &self.requirement)?;
        s.serialize_field("needed", &self.needed)?;
        s.serialize_field("allowed", &self.allowed)?;
        s.serialize_field("by_ticket", &self.by_ticket)?;
        s.serialize_field("message", &self.message())?;
        s.end()
    }
}

/// "Basic does not meet the requirements: …": the shortfalls that no ticket lifts.
pub fn edition_unmet(fit: &Fit, site: Site) -> Message {
    let binding: Vec<Message> = fit
        .shortfalls
        .iter()
        .filter(|s| !s.by_ticket)
        .map(Shortfall::message)
        .collect();
    Message::new("tcr.edition_unmet")
        .text("edition", fit.edition.key())
        .text("site", site.key())
        .list("shortfalls", binding)
}

/// Whether an edition meets a month's requirements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fit {
    pub edition: Edition,
    pub shortfalls: Vec<Shortfall>,
}

impl Fit {
    /// Every requirement is within quota, or only needs a ticket (rule TCR-FIT-2).
    pub fn feasible(&self) -> bool {
        self.shortfalls.iter().all(|s| s.by_ticket)
    }

    pub fn needs_ticket(&self) -> bool {
        !self.shortfalls.is_empty() && self.feasible()
    }
}

/// Per-month requirement series of a scenario.
#[derive(Debug, Clone)]
pub struct Series {
    pub requirements: Vec<Requirements>,
    pub storage_gb: Vec<Decimal>,
    pub egress_gb: Vec<Decimal>,
    pub hours: Option<Vec<Decimal>>,
}

fn series_or_zero(q: &Option<Quantity>, months: u32) -> Vec<Decimal> {
    q.as_ref()
        .and_then(|q| q.series(months, true).ok())
        .unwrap_or_else(|| vec![Decimal::ZERO; months as usize])
}

impl Series {
    /// Expands the scenario's quantities (already validated, so growth cannot fail here).
    pub fn of(spec: &TcrSpec, months: u32) -> Series {
        let n = &spec.needs;
        let [ns, repos, helm, vpc, logd] = [
            &n.namespaces,
            &n.image_repos,
            &n.helm_repos,
            &n.vpc_links,
            &n.log_retention_days,
        ]
        .map(|q| series_or_zero(q, months));
        let requirements = (0..months as usize)
            .map(|k| Requirements {
                namespaces: ns[k],
                image_repos: repos[k],
                helm_repos: helm[k],
                vpc_links: vpc[k],
                log_retention_days: logd[k],
                cross_region_sync: n.cross_region_sync,
                webhooks: n.webhooks.clone(),
                delivery_workflow: n.delivery_workflow,
                vulnerability_scan: n.vulnerability_scan,
                block_vulnerable_images: n.block_vulnerable_images,
            })
            .collect();
        let decimal = |q: &Quantity| {
            q.series(months, false)
                .unwrap_or_else(|_| vec![Decimal::ZERO; months as usize])
        };
        Series {
            requirements,
            storage_gb: decimal(&spec.storage_gb),
            egress_gb: decimal(&spec.egress_gb),
            hours: spec.hours.as_ref().map(decimal),
        }
    }
}

/// A requirement an edition does not meet, before it is written as a [`Shortfall`].
enum Miss<'a> {
    /// More than the quota allows.
    Count {
        requirement: &'static str,
        needed: Decimal,
        allowed: u32,
    },
    /// A feature the edition does not offer.
    Feature { requirement: &'static str },
    /// Webhook triggers the edition does not offer.
    Webhooks {
        missing: Vec<&'a str>,
        offered: &'a [String],
    },
}

/// Walks the requirements an edition does not meet, in the order a [`Fit`] lists them
/// (rule TCR-FIT-1). [`fit`] writes each one; [`feasible`] only asks whether one is binding.
fn each_miss<'a>(
    quotas: &'a QuotaVersion,
    edition: Edition,
    region: &str,
    req: &'a Requirements,
    mut miss: impl FnMut(Miss<'a>),
) {
    let q = &quotas.editions[&edition];
    // The requirements' names are in the message catalogue (`messages.tcr.requirements`).
    let counts = [
        ("namespaces", req.namespaces, q.namespaces),
        (
            "image_repos",
            req.image_repos,
            quotas.image_repos(edition, region),
        ),
        ("helm_repos", req.helm_repos, q.helm_repos),
        ("vpc_links", req.vpc_links, q.vpc_links),
        (
            "log_retention_days",
            req.log_retention_days,
            q.log_retention_days,
        ),
    ];
    for (requirement, needed, allowed) in counts {
        if exceeds(needed, allowed) {
            miss(Miss::Count {
                requirement,
                needed,
                allowed,
            });
        }
    }
    let features = [
        (
            "cross_region_sync",
            req.cross_region_sync,
            q.cross_region_sync,
        ),
        (
            "delivery_workflow",
            req.delivery_workflow,
            q.delivery_workflow,
        ),
        (
            "vulnerability_scan",
            req.vulnerability_scan,
            q.vulnerability_scan,
        ),
        (
            "block_vulnerable_images",
            req.block_vulnerable_images,
            q.block_vulnerable_images,
        ),
    ];
    for (requirement, needed, offered) in features {
        if needed && !offered {
            miss(Miss::Feature { requirement });
        }
    }
    if req.webhooks.iter().any(|w| !q.webhooks.contains(w)) {
        miss(Miss::Webhooks {
            missing: req
                .webhooks
                .iter()
                .filter(|w| !q.webhooks.contains(w))
                .map(String::as_str)
                .collect(),
            offered: &q.webhooks,
        });
    }
}

/// `needed > allowed`. Requirements are counts, whole and written without decimals (rule
/// GEN-7), so their mantissa is the number itself; any other is compared as a decimal.
fn exceeds(needed: Decimal, allowed: u32) -> bool {
    if needed.scale() == 0 {
        needed.mantissa() > i128::from(allowed)
    } else {
        needed > Decimal::from(allowed)
    }
}

/// Checks an edition against the quota version in force (rule TCR-FIT-1).
pub fn fit(
    quotas: &QuotaVersion,
    edition: Edition,
    site: Site,
    region: &str,
    req: &Requirements,
) -> Fit {
    let mut shortfalls = Vec::new();
    each_miss(quotas, edition, region, req, |m| {
        shortfalls.push(match m {
            Miss::Count {
                requirement,
                needed,
                allowed,
            } => Shortfall {
                requirement: requirement.into(),
                needed: Figure(needed).to_compact(),
                allowed: allowed.to_compact_string(),
                by_ticket: quotas.raisable(edition, requirement),
                kind: MissKind::Count,
                edition,
                site,
            },
            Miss::Feature { requirement } => Shortfall {
                requirement: requirement.into(),
                needed: "yes".into(),
                allowed: "no".into(),
                by_ticket: false,
                kind: MissKind::Feature,
                edition,
                site,
            },
            Miss::Webhooks { missing, offered } => Shortfall {
                requirement: "webhooks".into(),
                needed: missing.join(", ").into(),
                allowed: if offered.is_empty() {
                    "none".into()
                } else {
                    offered.join(", ").into()
                },
                by_ticket: false,
                kind: MissKind::Webhooks,
                edition,
                site,
            },
        })
    });
    Fit {
        edition,
        shortfalls,
    }
}

/// Whether an edition meets a month's requirements, raising quotas by ticket where the quota
/// version allows it: `fit(..).feasible()` without writing the shortfalls, for the comparison,
/// which asks it of every edition in every month (rules TCR-FIT-1, TCR-FIT-2).
pub fn feasible(quotas: &QuotaVersion, edition: Edition, region: &str, req: &Requirements) -> bool {
    let mut feasible = true;
    each_miss(quotas, edition, region, req, |m| {
        feasible &=
            matches!(m, Miss::Count { requirement, .. } if quotas.raisable(edition, requirement));
    });
    feasible
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
            hourly: per_edition("instance_hourly", previous.map(|p| p.hourly)),
            monthly: match billing {
                TcrBilling::Monthly => per_edition("instance_monthly", previous.map(|p| p.monthly)),
                TcrBilling::Payg => [None; 4],
            },
            storage: book.lookup_after(
                key("cos_storage", None),
                date,
                previous.and_then(|p| p.storage),
            ),
            egress: book.lookup_after(
                key("cos_egress", None),
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

    /// The instance, storage and traffic lines of one edition (rules TCR-B-1…TCR-B-7).
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
        let (date, billing) = (self.date, self.billing);
        let site = spec.site;
        let currency = site.currency();
        let region = spec.region.as_str();
        let plan = edition.key();

        // Personal edition: free, storage not billed to the user (rule TCR-B-1). The hourly entry
        // for Personal has amount 0 and applies to either billing choice.
        let hours = hours_of(month, series, k);
        let (hourly, free_entry) = self.hourly(edition);
        let instance = match (free_entry, billing) {
            // rule TCR-B-1 / TCR-B-2: Personal is free; Enterprise rental is free in the public beta.
            (Some(e), _) => Line::priced(
                Product::Tcr,
                "instance",
                plan,
                hours,
                "hour",
                Some(e),
                &e.rule,
                currency,
            ),
            // rule TCR-B-3: pay-as-you-go = hourly price × hours in month (or the scenario's hours).
            (None, TcrBilling::Payg) => {
                let mut l = Line::priced(
                    Product::Tcr,
                    "instance",
                    plan,
                    hours,
                    "hour",
                    hourly,
                    "TCR-B-3",
                    currency,
                );
                if hourly.is_none() {
                    l.note = Some(match book.region(region) {
                        Some(_) => Message::new("tcr.no_hourly_price")
                            .text("edition", edition.key())
                            .text("site", site.key())
                            .text("region", region)
                            .text("date", date),
                        None => Message::new("tcr.region_not_in_table").text("region", region),
                    });
                }
                l
            }
            // rule TCR-B-4: monthly subscription has no published price; the user enters it.
            (None, TcrBilling::Monthly) => {
                let monthly = self.monthly[slot(edition)];
                let offered = book
                    .limit(Product::Tcr, site, "instance_monthly_offered", date)
                    .is_some();
                let mut l = Line::priced(
                    Product::Tcr,
                    "instance",
                    plan,
                    Decimal::ONE,
                    "month",
                    monthly,
                    "TCR-B-4",
                    currency,
                );
                if monthly.is_none() {
                    l.note = Some(if offered {
                        Message::new("tcr.monthly_unpublished")
                    } else {
                        Message::new("tcr.monthly_not_sold")
                            .text("site", site)
                            .text("date", date)
                    });
                }
                l
            }
        };
        lines.push(instance);

        if edition == Edition::Personal {
            // rule TCR-B-1: the Personal edition's storage is not billed to the user; it has no COS
            // bucket of the user's, so public traffic is not billed through COS either (decision).
            for (item, qty, unit) in [
                ("storage", series.storage_gb[k], "GB-month"),
                ("egress", series.egress_gb[k], "GB"),
            ] {
                if !qty.is_zero() {
                    let mut l = Line::priced(
                        Product::Tcr,
                        item,
                        plan,
                        qty,
                        unit,
                        free_entry,
                        "TCR-B-1",
                        currency,
                    );
                    l.unit_price = Some(Decimal::ZERO);
                    l.amount = Some(Decimal::ZERO);
                    l.price_missing = false;
                    l.note = Some(Message::new("tcr.personal_not_billed"));
                    lines.push(l);
                }
            }
            return;
        }

        // rule TCR-B-5: storage = stored GB × COS standard storage price of the region.
        let storage_entry = self.storage;
        lines.push(Line::priced(
            Product::Tcr,
            "storage",
            plan,
            series.storage_gb[k],
            "GB-month",
            storage_entry,
            "TCR-B-5",
            currency,
        ));
        // rule TCR-B-6: public pull/push traffic at the COS public downstream price.
        let egress_entry = self.egress;
        lines.push(Line::priced(
            Product::Tcr,
            "egress",
            plan,
            series.egress_gb[k],
            "GB",
            egress_entry,
            "TCR-B-6",
            currency,
        ));
    }

    /// The amounts of the lines [`MonthEntries::lines`] writes, in the same order, without
    /// writing them; `None` when a line's price is missing (rule GEN-5).
    pub fn amounts(
        &self,
        edition: Edition,
        month: YearMonth,
        series: &Series,
        k: usize,
    ) -> Option<LineAmounts> {
        let hours = hours_of(month, series, k);
        let (hourly, free) = self.hourly(edition);
        let instance = match (free, self.billing) {
            (Some(e), _) => hours * e.amount,
            (None, TcrBilling::Payg) => hours * hourly?.amount,
            (None, TcrBilling::Monthly) => Decimal::ONE * self.monthly[slot(edition)]?.amount,
        };
        let mut amounts = LineAmounts::of(instance);
        if edition == Edition::Personal {
            // rule TCR-B-1: storage and traffic lines, when there is any, are not billed.
            for qty in [series.storage_gb[k], series.egress_gb[k]] {
                if !qty.is_zero() {
                    amounts.push(Decimal::ZERO);
                }
            }
            return Some(amounts);
        }
        amounts.push(series.storage_gb[k] * self.storage?.amount);
        amounts.push(series.egress_gb[k] * self.egress?.amount);
        Some(amounts)
    }

    /// The cost of an edition's lines without writing them, for choosing among editions
    /// (rule TCR-FIT-2); see [`edition_cost`].
    pub fn cost(
        &self,
        edition: Edition,
        month: YearMonth,
        series: &Series,
        k: usize,
    ) -> Option<Decimal> {
        let storage = || self.storage.map(|e| e.amount * series.storage_gb[k]);
        let egress = || self.egress.map(|e| e.amount * series.egress_gb[k]);
        self.cost_with(edition, hours_of(month, series, k), storage, egress)
    }

    /// Every edition's [`MonthEntries::cost`], in [`Edition::ALL`] order. Storage and traffic
    /// cost the same whatever the (Enterprise) edition, so they are worked out once.
    pub fn costs(&self, month: YearMonth, series: &Series, k: usize) -> [Option<Decimal>; 4] {
        let hours = hours_of(month, series, k);
        let storage = self.storage.map(|e| e.amount * series.storage_gb[k]);
        let egress = self.egress.map(|e| e.amount * series.egress_gb[k]);
        Edition::ALL.map(|edition| self.cost_with(edition, hours, || storage, || egress))
    }

    fn cost_with(
        &self,
        edition: Edition,
        hours: Decimal,
        storage: impl FnOnce() -> Option<Decimal>,
        egress: impl FnOnce() -> Option<Decimal>,
    ) -> Option<Decimal> {
        let (hourly, free) = self.hourly(edition);
        let instance = match (free, self.billing) {
            (Some(e), _) => hours * e.amount,
            (None, TcrBilling::Payg) => hours * hourly?.amount,
            (None, TcrBilling::Monthly) => self.monthly[slot(edition)]?.amount,
        };
        if edition == Edition::Personal {
            return Some(instance);
        }
        Some(instance + storage()? + egress()?)
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

/// The instance, storage and traffic lines of one edition in one month
/// (rules TCR-B-1…TCR-B-7). Missing prices give `price_missing` lines (rule GEN-5).
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

/// The amounts of the lines [`edition_lines`] writes for an edition in a month, in the same
/// order, without writing them (rules TCR-B-1…TCR-B-7); `None` when a line's price is missing
/// (rule GEN-5). For the comparison's totals; a test checks it against the lines across
/// sites, regions, dates and billings.
#[allow(clippy::too_many_arguments)]
pub fn edition_amounts(
    book: &PriceBook,
    spec: &TcrSpec,
    edition: Edition,
    billing: TcrBilling,
    month: YearMonth,
    date: NaiveDate,
    series: &Series,
    k: usize,
) -> Option<LineAmounts> {
    MonthEntries::of(book, spec, billing, date).amounts(edition, month, series, k)
}

/// The amounts of an edition's lines in one month, in line order (at most three: instance,
/// storage, traffic).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineAmounts {
    values: [Decimal; 3],
    len: usize,
}

impl LineAmounts {
    fn of(first: Decimal) -> LineAmounts {
        LineAmounts {
            values: [first, Decimal::ZERO, Decimal::ZERO],
            len: 1,
        }
    }

    fn push(&mut self, amount: Decimal) {
        self.values[self.len] = amount;
        self.len += 1;
    }

    pub fn as_slice(&self) -> &[Decimal] {
        &self.values[..self.len]
    }
}

/// The cost of an edition's lines in a month without building them, for choosing among
/// editions (rule TCR-FIT-2) on every month and every alternative. Must equal
/// `lines_cost(&edition_lines(..))`; a test checks that across sites, regions, dates and
/// billings. (It is not the sum of [`edition_amounts`]: a monthly price is taken as it is,
/// where a line multiplies it by one month, which writes a zero price `0.00` as `0`.)
#[allow(clippy::too_many_arguments)]
pub fn edition_cost(
    book: &PriceBook,
    spec: &TcrSpec,
    edition: Edition,
    billing: TcrBilling,
    month: YearMonth,
    date: NaiveDate,
    series: &Series,
    k: usize,
) -> Option<Decimal> {
    MonthEntries::of(book, spec, billing, date).cost(edition, month, series, k)
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
        .try_fold(Decimal::ZERO, |acc, l| l.amount.map(|a| acc + a))
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
            let fit = fit(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{EditionChoice, Needs};
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
        // Nothing feasible → None (the quote marks the month infeasible).
        series.requirements[0] = req(10_000, 50);
        series.requirements[0].helm_repos = dec!(9999);
        let opts = options(book, &s, TcrBilling::Payg, m, m.first_day(), &series, 0).unwrap();
        assert_eq!(recommend(&opts), None);
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
                            let cost = edition_cost(
                                book,
                                &s,
                                edition,
                                billing,
                                m,
                                m.first_day(),
                                &series,
                                0,
                            );
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
                                let amounts =
                                    edition_amounts(book, &s, edition, billing, m, d, &series, 0);
                                let amounts = amounts
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
            item: "instance_monthly".into(),
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
            (lines[1].item.as_str(), lines[1].amount),
            ("storage", Some(dec!(500) * dec!(0.022)))
        );
        assert_eq!(
            (lines[2].item.as_str(), lines[2].amount),
            ("egress", Some(dec!(100) * dec!(0.072)))
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
