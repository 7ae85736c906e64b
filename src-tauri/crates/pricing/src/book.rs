//! The dated price book (rules GEN-3, GEN-4, GEN-5).
//!
//! Every price, quota and limit is data: the built-in book is a set of JSON files under
//! `data/`, embedded at compile time and checked when loaded. Entries a user adds (scenario
//! `prices`, or user prices saved in the app) carry the source `user` and win over built-in
//! entries for the same item, plan and region.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{Edition, PriceItem, Product, Site};
use crate::money::Currency;

/// The source key of entries a user enters (rule GEN-3).
pub const USER_SOURCE: &str = "user";

/// One price, quota or limit, in force from `effective_from` to `effective_to` (inclusive).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceEntry {
    pub product: Product,
    pub site: Site,
    /// What is priced: `instance_hourly`, `cos_storage`, `pro_prepaid`, `package`, …
    pub item: PriceItem,
    /// TCR edition, Image Search package (`CAPACITY/QPS`), or none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// The regions the entry covers; empty means every region.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
    pub unit: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// Absent for quotas and limits, which are counts rather than money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    pub effective_from: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<NaiveDate>,
    /// Source key: `S000`…`S004`, `P-…`, or `user`.
    pub source: String,
    /// The rule the entry serves (for "show the calculation").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A price-book note as a message: in a built-in entry it is a catalogue code, in a user
/// price (source [`USER_SOURCE`]) the user's own words.
pub fn note_message(note: &str, source: &str) -> crate::message::Message {
    if source == USER_SOURCE {
        crate::message::Message::user_note(note)
    } else {
        crate::message::Message::new(note)
    }
}

impl PriceEntry {
    /// The entry's note as a message: a built-in entry's note is a catalogue code, a user
    /// price's is the user's own text.
    pub fn note_message(&self) -> Option<crate::message::Message> {
        Some(note_message(self.note.as_deref()?, &self.source))
    }

    /// A stable identifier: product/site/item/plan/first region/effective_from/source.
    pub fn id(&self) -> String {
        format!(
            "{}/{}/{}/{}/{}/{}/{}",
            self.product,
            self.site,
            self.item,
            self.plan.as_deref().unwrap_or("-"),
            self.regions.first().map(String::as_str).unwrap_or("*"),
            self.effective_from,
            self.source
        )
    }

    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.effective_from <= date && self.effective_to.is_none_or(|to| date <= to)
    }

    pub fn covers_region(&self, region: Option<&str>) -> bool {
        match region {
            _ if self.regions.is_empty() => true,
            Some(r) => self.regions.iter().any(|x| x == r),
            None => false,
        }
    }

    pub(crate) fn overlaps(&self, other: &PriceEntry) -> bool {
        let same_key = self.product == other.product
            && self.site == other.site
            && self.item == other.item
            && self.plan == other.plan;
        let regions_meet = self.regions.is_empty()
            || other.regions.is_empty()
            || self.regions.iter().any(|r| other.regions.contains(r));
        let dates_meet = self
            .effective_to
            .is_none_or(|to| other.effective_from <= to)
            && other
                .effective_to
                .is_none_or(|to| self.effective_from <= to);
        same_key && regions_meet && dates_meet
    }
}

/// One limit of a product and site looked up month after month, reusing the last answer while
/// it stands ([`PriceBook::lookup_after`]).
#[derive(Debug, Clone, Copy)]
pub struct MonthByMonth<'b> {
    book: &'b PriceBook,
    product: Product,
    site: Site,
    item: PriceItem,
    last: Option<&'b PriceEntry>,
}

impl<'b> MonthByMonth<'b> {
    pub fn new(book: &'b PriceBook, product: Product, site: Site, item: PriceItem) -> Self {
        MonthByMonth {
            book,
            product,
            site,
            item,
            last: None,
        }
    }

    /// The entry in force on `date`, a date after those asked before.
    pub fn on(&mut self, date: NaiveDate) -> Option<&'b PriceEntry> {
        self.last = self
            .book
            .limit_after(self.product, self.site, self.item, date, self.last);
        self.last
    }
}

/// What a lookup asks for.
#[derive(Debug, Clone, Copy)]
pub struct Key<'a> {
    pub product: Product,
    pub site: Site,
    pub item: PriceItem,
    pub plan: Option<&'a str>,
    pub region: Option<&'a str>,
}

/// A problem with price-book data, found when the book is loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BookError {
    #[error("price book file {file} cannot be read: {message}")]
    Malformed { file: String, message: String },
    #[error("price book entry {id} has no source")]
    NoSource { id: String },
    #[error("price book entry {id} names the unknown source {source_key}")]
    UnknownSource { id: String, source_key: String },
    #[error("price book entry {id} ends before it starts")]
    BackwardsDates { id: String },
    #[error("price book entries {a} and {b} overlap: the same item, plan and region in force on the same dates")]
    Overlap { a: String, b: String },
    #[error("price book entry {id} has a negative amount")]
    Negative { id: String },
    #[error("price book entry {id}: {message}")]
    Invalid { id: String, message: String },
}

/// A source document a price comes from: one version of a page (a page's other versions are
/// other sources), with the dates it states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The version of the page this source is, where the page gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<NaiveDate>,
    /// Each date the document states, with what it says of it. An entry citing this source
    /// starts on one of these dates (rule TCR-B-3: a price is in force only while a cited
    /// version of its page lists it), or on a date of [`Source::decided`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dates: BTreeMap<NaiveDate, String>,
    /// Dates the rule book decides for entries citing this source where the document states
    /// none (the **Decision** lines of docs/pricing-rules.md), each for the rules named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decided: Vec<DecidedDate>,
}

/// A start date the rule book decides for a source that states none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecidedDate {
    pub date: NaiveDate,
    /// The rules whose entries may start on this date.
    pub rules: Vec<String>,
    pub why: String,
}

impl Source {
    /// Whether an entry serving `rule` may start on `date` citing this source: the document
    /// states the date, or the rule book decides it for that rule.
    pub fn supports_start(&self, date: NaiveDate, rule: &str) -> bool {
        self.dates.contains_key(&date)
            || self
                .decided
                .iter()
                .any(|d| d.date == date && d.rules.iter().any(|r| r == rule))
    }
}

/// One edition's TCR quotas in a quota version (rules TCR-Q-1…TCR-Q-3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionQuota {
    pub namespaces: u32,
    pub image_repos: u32,
    pub helm_repos: u32,
    pub vpc_links: u32,
    pub log_retention_days: u32,
    pub cross_region_sync: bool,
    pub delivery_workflow: bool,
    pub vulnerability_scan: bool,
    pub block_vulnerable_images: bool,
    pub webhooks: Vec<String>,
}

/// A requirement that Premium can raise by ticket (rule TCR-Q-3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TicketRaise {
    pub edition: Edition,
    pub requirement: String,
}

/// A dated TCR quota table (rules TCR-Q-1, TCR-Q-2, TCR-Q-3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotaVersion {
    pub version: String,
    pub effective_from: NaiveDate,
    #[serde(default)]
    pub effective_to: Option<NaiveDate>,
    pub source: String,
    pub rule: String,
    #[serde(default)]
    pub note: Option<String>,
    pub editions: BTreeMap<Edition, EditionQuota>,
    /// Region-dependent image-repository quotas: edition → region (or `default`) → quota.
    #[serde(default)]
    pub image_repos_by_region: BTreeMap<Edition, BTreeMap<String, u32>>,
    #[serde(default)]
    pub raisable_by_ticket: Vec<TicketRaise>,
}

impl QuotaVersion {
    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.effective_from <= date && self.effective_to.is_none_or(|to| date <= to)
    }

    /// The image-repository quota of an edition in a region (rule TCR-Q-3).
    pub fn image_repos(&self, edition: Edition, region: &str) -> u32 {
        match self.image_repos_by_region.get(&edition) {
            Some(by_region) => by_region
                .get(region)
                .or_else(|| by_region.get("default"))
                .copied()
                .unwrap_or(self.editions[&edition].image_repos),
            None => self.editions[&edition].image_repos,
        }
    }

    pub fn raisable(&self, edition: Edition, requirement: &str) -> bool {
        self.raisable_by_ticket
            .iter()
            .any(|t| t.edition == edition && t.requirement == requirement)
    }
}

/// A TCR region with its availability note (rules TCR-R-1, TCR-B-3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub region: String,
    pub name: String,
    pub name_zh: String,
    pub group: String,
    /// `by_ticket`, `from_2020_07`, or none.
    pub availability: Option<String>,
    pub listed_by_s000: bool,
    pub priced_by_assumption: bool,
}

/// A TCR region priced on a date, and the sites that price it ([`PriceBook::regions_in_force`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionInForce<'b> {
    pub region: &'b Region,
    pub priced_on: Vec<Site>,
}

/// What `plancast prices` shows for a date: the entries in force, and for TCR the quota table
/// and the regions with an instance price (docs/scenario-format.md, the `prices` command).
#[derive(Debug, Clone)]
pub struct PricesView<'b> {
    pub book: &'b PriceBook,
    pub date: NaiveDate,
    pub entries: Vec<&'b PriceEntry>,
    /// Whether the TCR quota table and regions are shown (no product filter, or `tcr`; and no
    /// site filter, or a Tencent site).
    pub show_tcr: bool,
    pub quotas: Option<&'b QuotaVersion>,
    /// The Tencent sites whose region prices are shown.
    pub region_sites: Vec<Site>,
    pub regions: Vec<RegionInForce<'b>>,
}

impl PriceBook {
    /// The view of `plancast prices` on `date`, optionally for one product and one site.
    pub fn view(
        &self,
        date: NaiveDate,
        product: Option<Product>,
        site: Option<Site>,
    ) -> PricesView<'_> {
        let tencent = [Site::TencentIntl, Site::TencentCn];
        let region_sites: Vec<Site> = tencent
            .into_iter()
            .filter(|s| site.is_none_or(|x| x == *s))
            .collect();
        let show_tcr = product.is_none_or(|p| p == Product::Tcr) && !region_sites.is_empty();
        PricesView {
            book: self,
            date,
            entries: self.in_force(date, product, site),
            show_tcr,
            quotas: self.quota_version(date),
            regions: if show_tcr {
                self.regions_in_force(date, &region_sites)
            } else {
                Vec::new()
            },
            region_sites,
        }
    }
}

/// One value of a TCR quota table, put into words by [`QuotaValue::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuotaValue {
    Count(u32),
    /// A count that depends on the region: the named regions, then every other (TCR-Q-3).
    ByRegion {
        regions: Vec<(String, u32)>,
        elsewhere: Option<u32>,
    },
    Feature(bool),
    Webhooks(Vec<String>),
}

impl QuotaValue {
    pub fn text(&self, lang: crate::message::Lang) -> String {
        let word = |k: &str| lang.text(&format!("report.table.{k}")).to_string();
        match self {
            QuotaValue::Count(n) => n.to_string(),
            QuotaValue::ByRegion { regions, elsewhere } => {
                let mut parts: Vec<String> = regions
                    .iter()
                    .map(|(r, n)| {
                        lang.format(
                            "report.table.by_region",
                            &[("region", r), ("value", &n.to_string())],
                        )
                    })
                    .collect();
                if let Some(n) = elsewhere {
                    parts.push(lang.format("report.table.elsewhere", &[("value", &n.to_string())]));
                }
                parts.join(lang.text("report.table.value_separator"))
            }
            QuotaValue::Feature(true) => word("yes"),
            QuotaValue::Feature(false) => word("no"),
            QuotaValue::Webhooks(w) if w.is_empty() => word("none"),
            QuotaValue::Webhooks(w) => w.join(" "),
        }
    }
}

/// One row of a quota table: a requirement key (`namespaces`, …) and each edition's value,
/// Personal to Premium, with whether it can be raised by ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaRow {
    pub key: &'static str,
    pub values: Vec<QuotaValue>,
    pub raisable: Vec<bool>,
}

/// The rows of a quota version, in the rule book's order (rules TCR-Q-1…TCR-Q-3).
pub fn quota_rows(q: &QuotaVersion) -> Vec<QuotaRow> {
    type Get = fn(&EditionQuota) -> QuotaValue;
    let rows: [(&'static str, Get); 10] = [
        ("namespaces", |e| QuotaValue::Count(e.namespaces)),
        ("image_repos", |e| QuotaValue::Count(e.image_repos)),
        ("helm_repos", |e| QuotaValue::Count(e.helm_repos)),
        ("vpc_links", |e| QuotaValue::Count(e.vpc_links)),
        ("log_retention_days", |e| {
            QuotaValue::Count(e.log_retention_days)
        }),
        ("cross_region_sync", |e| {
            QuotaValue::Feature(e.cross_region_sync)
        }),
        ("delivery_workflow", |e| {
            QuotaValue::Feature(e.delivery_workflow)
        }),
        ("vulnerability_scan", |e| {
            QuotaValue::Feature(e.vulnerability_scan)
        }),
        ("block_vulnerable_images", |e| {
            QuotaValue::Feature(e.block_vulnerable_images)
        }),
        ("webhooks", |e| QuotaValue::Webhooks(e.webhooks.clone())),
    ];
    rows.iter()
        .map(|(key, get)| QuotaRow {
            key,
            values: Edition::ALL
                .iter()
                .map(|ed| match (*key, q.image_repos_by_region.get(ed)) {
                    ("image_repos", Some(by_region)) => QuotaValue::ByRegion {
                        regions: by_region
                            .iter()
                            .filter(|(r, _)| r.as_str() != "default")
                            .map(|(r, n)| (r.clone(), *n))
                            .collect(),
                        elsewhere: by_region.get("default").copied(),
                    },
                    _ => get(&q.editions[ed]),
                })
                .collect(),
            raisable: Edition::ALL.iter().map(|ed| q.raisable(*ed, key)).collect(),
        })
        .collect()
}

/// The price book: built-in entries, user entries that win over them, TCR quota versions,
/// regions and sources.
#[derive(Debug, Clone)]
pub struct PriceBook {
    entries: Vec<PriceEntry>,
    user: Vec<PriceEntry>,
    index: Index,
    quotas: Vec<QuotaVersion>,
    regions: Vec<Region>,
    sources: BTreeMap<String, Source>,
}

/// Built-in entries grouped by what lookups ask for. A quote looks prices up for every month
/// of every alternative (thousands of lookups), so finding a group costs no string hashing and
/// few string comparisons: a product, site and item are a place in a table, and a plan is
/// found by a binary search on a cheap fingerprint of the key, the key itself compared once,
/// on the group found. Each group keeps the book's order.
#[derive(Debug, Clone, Default)]
struct Index {
    /// Product, site, item and plan: what [`PriceBook::lookup`] asks for.
    by_plan: Groups,
    /// Product, site and item, every plan together, at its [`slot`]: what
    /// [`PriceBook::item_entries`] asks for.
    by_item: Vec<Vec<usize>>,
}

/// The place of a product, site and item in [`Index::by_item`].
fn slot(product: Product, site: Site, item: PriceItem) -> usize {
    (product as usize * Site::ALL.len() + site as usize) * PriceItem::ALL.len() + item as usize
}

/// The number of places in [`Index::by_item`].
const SLOTS: usize = Product::ALL.len() * Site::ALL.len() * PriceItem::ALL.len();

type GroupKey = (Product, Site, PriceItem, Option<String>);

/// Entry indices by key, sorted by (fingerprint, key).
#[derive(Debug, Clone, Default)]
struct Groups(Vec<(u64, GroupKey, Vec<usize>)>);

/// A hash of a lookup key from the plan's length and its first and last eight bytes, so it
/// costs a few instructions whatever the length. Different keys may share a fingerprint: the
/// key is compared too, so a collision costs time, never a wrong entry.
fn fingerprint(product: Product, site: Site, item: PriceItem, plan: Option<&str>) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mix = |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(K);
    let word = |bytes: &[u8]| {
        let mut w = [0u8; 8];
        w.copy_from_slice(bytes);
        u64::from_le_bytes(w)
    };
    let h = mix(mix(product as u64, site as u64), item as u64);
    match plan.map(str::as_bytes) {
        None => mix(h, u64::MAX),
        Some(b) if b.len() >= 8 => mix(
            mix(mix(h, b.len() as u64), word(&b[..8])),
            word(&b[b.len() - 8..]),
        ),
        Some(b) => mix(
            mix(h, b.len() as u64),
            b.iter().fold(0u64, |w, &c| (w << 8) | u64::from(c)),
        ),
    }
}

impl Groups {
    fn of(keyed: impl Iterator<Item = (GroupKey, usize)>) -> Groups {
        let mut groups: BTreeMap<GroupKey, Vec<usize>> = BTreeMap::new();
        for (key, i) in keyed {
            groups.entry(key).or_default().push(i);
        }
        let mut out: Vec<(u64, GroupKey, Vec<usize>)> = groups
            .into_iter()
            .map(|(key, entries)| {
                let f = fingerprint(key.0, key.1, key.2, key.3.as_deref());
                (f, key, entries)
            })
            .collect();
        out.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        Groups(out)
    }

    fn entries(
        &self,
        product: Product,
        site: Site,
        item: PriceItem,
        plan: Option<&str>,
    ) -> &[usize] {
        let f = fingerprint(product, site, item, plan);
        let first = self.0.partition_point(|(g, _, _)| *g < f);
        self.0[first..]
            .iter()
            .take_while(|(g, _, _)| *g == f)
            .find(|(_, (p, s, i, pl), _)| {
                *p == product && *s == site && *i == item && pl.as_deref() == plan
            })
            .map_or(&[], |(_, _, entries)| entries.as_slice())
    }
}

impl Index {
    fn of(entries: &[PriceEntry]) -> Index {
        let mut by_item = vec![Vec::new(); SLOTS];
        for (i, e) in entries.iter().enumerate() {
            by_item[slot(e.product, e.site, e.item)].push(i);
        }
        Index {
            by_plan: Groups::of(
                entries
                    .iter()
                    .enumerate()
                    .map(|(i, e)| ((e.product, e.site, e.item, e.plan.clone()), i)),
            ),
            by_item,
        }
    }
}

const DATA: &[(&str, &str)] = &[
    ("tcr_prices.json", include_str!("../data/tcr_prices.json")),
    ("tcss_prices.json", include_str!("../data/tcss_prices.json")),
    (
        "image_search_prices.json",
        include_str!("../data/image_search_prices.json"),
    ),
];

fn read<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<T, BookError> {
    serde_json::from_str(text).map_err(|e| BookError::Malformed {
        file: file.into(),
        message: e.to_string(),
    })
}

impl PriceBook {
    /// The built-in book, loaded and checked once per process.
    pub fn builtin() -> &'static PriceBook {
        static BOOK: OnceLock<PriceBook> = OnceLock::new();
        BOOK.get_or_init(|| {
            Self::load_builtin()
                .unwrap_or_else(|e| panic!("the built-in price book is invalid: {e}"))
        })
    }

    /// Loads and checks the embedded data files (a test proves they load).
    pub fn load_builtin() -> Result<PriceBook, BookError> {
        let mut entries = Vec::new();
        for (file, text) in DATA {
            entries.extend(read::<Vec<PriceEntry>>(file, text)?);
        }
        let quotas = read("tcr_quotas.json", include_str!("../data/tcr_quotas.json"))?;
        let regions = read("tcr_regions.json", include_str!("../data/tcr_regions.json"))?;
        let sources = read("sources.json", include_str!("../data/sources.json"))?;
        Self::from_parts(entries, quotas, regions, sources)
    }

    /// Builds a book from parts and runs the load-time checks (rule GEN-3): every entry has a
    /// known source, sane dates and a non-negative amount, and no two entries for the same item,
    /// plan and region are in force on the same day.
    pub fn from_parts(
        entries: Vec<PriceEntry>,
        quotas: Vec<QuotaVersion>,
        regions: Vec<Region>,
        sources: BTreeMap<String, Source>,
    ) -> Result<PriceBook, BookError> {
        check_entries(&entries, &sources)?;
        let mut sorted_quotas: Vec<QuotaVersion> = quotas;
        sorted_quotas.sort_by_key(|q| q.effective_from);
        for pair in sorted_quotas.windows(2) {
            if pair[0]
                .effective_to
                .is_none_or(|to| to >= pair[1].effective_from)
            {
                return Err(BookError::Overlap {
                    a: format!("quota version {}", pair[0].version),
                    b: format!("quota version {}", pair[1].version),
                });
            }
        }
        for q in &sorted_quotas {
            if !sources.contains_key(&q.source) {
                return Err(BookError::UnknownSource {
                    id: q.version.clone(),
                    source_key: q.source.clone(),
                });
            }
            if Edition::ALL.iter().any(|e| !q.editions.contains_key(e)) {
                return Err(BookError::Invalid {
                    id: format!("quota version {}", q.version),
                    message: "every edition needs its quotas".into(),
                });
            }
        }
        let mut book = PriceBook {
            entries,
            user: Vec::new(),
            index: Index::default(),
            quotas: sorted_quotas,
            regions,
            sources,
        };
        book.reindex();
        Ok(book)
    }

    fn reindex(&mut self) {
        self.index = Index::of(&self.entries);
    }

    /// A copy of this book with user entries added (rule GEN-3). User entries must have the
    /// source `user`; they are checked for overlaps among themselves, not against the built-in
    /// book, because winning over it is their purpose. Added to a book that has user entries
    /// already (the app's own prices, then a scenario's `prices`), the new ones come first and
    /// win where both price the same thing; the others still apply.
    pub fn with_user_entries(&self, user: Vec<PriceEntry>) -> Result<PriceBook, BookError> {
        for e in &user {
            if e.source != USER_SOURCE {
                return Err(BookError::Invalid {
                    id: e.id(),
                    message: "user entries have the source \"user\"".into(),
                });
            }
        }
        check_entries(&user, &self.sources)?;
        let mut book = self.clone();
        book.user = user.into_iter().chain(self.user.iter().cloned()).collect();
        Ok(book)
    }

    /// The entry in force on `date` for `key` (rule GEN-4): a user entry wins over a built-in
    /// one; among built-in entries the load-time check guarantees there is at most one. `None`
    /// means the price is missing (rule GEN-5).
    pub fn lookup(&self, key: Key<'_>, date: NaiveDate) -> Option<&PriceEntry> {
        let matches = |e: &&PriceEntry| {
            e.product == key.product
                && e.site == key.site
                && e.item == key.item
                && e.plan.as_deref() == key.plan
                && e.covers_region(key.region)
                && e.in_force(date)
        };
        if let Some(found) = self.user.iter().find(matches) {
            return Some(found);
        }
        // A group holds exactly the entries of this product, site, item and plan.
        self.index
            .by_plan
            .entries(key.product, key.site, key.item, key.plan)
            .iter()
            .map(|&i| &self.entries[i])
            .find(|e| e.covers_region(key.region) && e.in_force(date))
    }

    /// [`PriceBook::lookup`] for `key` on a later month, given what `key` found before
    /// (`previous`, from this book). A projection asks for the same key month after month and
    /// the answer rarely changes: with no user entries, an entry still in force is still the
    /// answer, because the load-time check allows at most one built-in entry per key, region and
    /// day. So the entry's dates are checked instead of looking it up again.
    pub fn lookup_after<'b>(
        &'b self,
        key: Key<'_>,
        date: NaiveDate,
        previous: Option<&'b PriceEntry>,
    ) -> Option<&'b PriceEntry> {
        match previous {
            Some(e) if self.user.is_empty() && e.in_force(date) => {
                debug_assert!(
                    e.product == key.product
                        && e.site == key.site
                        && e.item == key.item
                        && e.plan.as_deref() == key.plan
                        && e.covers_region(key.region),
                    "previous is an answer for another key"
                );
                Some(e)
            }
            _ => self.lookup(key, date),
        }
    }

    /// [`PriceBook::limit`] for a later month, as [`PriceBook::lookup_after`].
    pub fn limit_after<'b>(
        &'b self,
        product: Product,
        site: Site,
        item: PriceItem,
        date: NaiveDate,
        previous: Option<&'b PriceEntry>,
    ) -> Option<&'b PriceEntry> {
        let key = Key {
            product,
            site,
            item,
            plan: None,
            region: None,
        };
        self.lookup_after(key, date, previous)
    }

    /// A limit or count from the book (elastic cap minimum, quota step, …) as a plain number.
    pub fn limit(
        &self,
        product: Product,
        site: Site,
        item: PriceItem,
        date: NaiveDate,
    ) -> Option<&PriceEntry> {
        self.lookup(
            Key {
                product,
                site,
                item,
                plan: None,
                region: None,
            },
            date,
        )
    }

    /// Every entry in force on `date`, user entries first, optionally filtered.
    pub fn in_force(
        &self,
        date: NaiveDate,
        product: Option<Product>,
        site: Option<Site>,
    ) -> Vec<&PriceEntry> {
        self.user
            .iter()
            .chain(self.entries.iter())
            .filter(|e| e.in_force(date))
            .filter(|e| product.is_none_or(|p| e.product == p))
            .filter(|e| site.is_none_or(|s| e.site == s))
            .collect()
    }

    /// The entries for one item in force on `date`, user entries first (several plans).
    pub fn item_entries(
        &self,
        product: Product,
        site: Site,
        item: PriceItem,
        date: NaiveDate,
    ) -> impl Iterator<Item = &PriceEntry> {
        self.item_entries_any_date(product, site, item)
            .filter(move |e| e.in_force(date))
    }

    /// The entries for one item whatever their dates, user entries first, then the built-in
    /// ones in the book's order.
    pub fn item_entries_any_date(
        &self,
        product: Product,
        site: Site,
        item: PriceItem,
    ) -> impl Iterator<Item = &PriceEntry> {
        let builtin = self
            .index
            .by_item
            .get(slot(product, site, item))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| &self.entries[i]);
        self.user
            .iter()
            .filter(move |e| e.product == product && e.site == site && e.item == item)
            .chain(builtin)
    }

    /// The book's own entries (built-in, and any loaded updates), without the user's.
    pub fn builtin_entries(&self) -> &[PriceEntry] {
        &self.entries
    }

    /// The user's entries, which win over the book's own.
    pub fn user_entries(&self) -> &[PriceEntry] {
        &self.user
    }

    /// Every built-in and user entry.
    pub fn entries(&self) -> impl Iterator<Item = &PriceEntry> {
        self.user.iter().chain(self.entries.iter())
    }

    /// The TCR quota version in force on `date` (rules TCR-Q-1…TCR-Q-3).
    pub fn quota_version(&self, date: NaiveDate) -> Option<&QuotaVersion> {
        self.quotas.iter().find(|q| q.in_force(date))
    }

    pub fn quota_versions(&self) -> &[QuotaVersion] {
        &self.quotas
    }

    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    pub fn region(&self, region: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.region == region)
    }

    pub fn sources(&self) -> &BTreeMap<String, Source> {
        &self.sources
    }

    /// The TCR regions with an Enterprise instance price in force on `date` on at least one of
    /// `sites` (rule TCR-B-3: a region outside the price table has no price), each with the
    /// sites that price it. Regions in the order of tcr_regions.json.
    pub fn regions_in_force(&self, date: NaiveDate, sites: &[Site]) -> Vec<RegionInForce<'_>> {
        self.regions
            .iter()
            .filter_map(|region| {
                let priced_on: Vec<Site> = sites
                    .iter()
                    .copied()
                    .filter(|&site| {
                        self.item_entries(Product::Tcr, site, PriceItem::InstanceHourly, date)
                            .any(|e| e.regions.contains(&region.region))
                    })
                    .collect();
                (!priced_on.is_empty()).then_some(RegionInForce { region, priced_on })
            })
            .collect()
    }

    /// Entries and quota versions whose start is not a date their source states (or one the
    /// rule book decides for that source and rule), one line each (rules GEN-3, TCR-B-3).
    /// User entries are the user's own and are not held to it.
    pub fn provenance_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut check = |id: String, source: &str, from: NaiveDate, rule: &str| {
            if source == USER_SOURCE {
                return;
            }
            match self.sources.get(source) {
                None => problems.push(format!("{id}: the source {source} is not in sources.json")),
                Some(s) if !s.supports_start(from, rule) => problems.push(format!(
                    "{id}: starts {from}, a date the source {source} does not state (rule {rule})"
                )),
                Some(_) => {}
            }
        };
        for e in &self.entries {
            check(e.id(), &e.source, e.effective_from, &e.rule);
        }
        for q in &self.quotas {
            check(
                format!("quota version {}", q.version),
                &q.source,
                q.effective_from,
                &q.rule,
            );
        }
        problems
    }
}

fn check_entries(
    entries: &[PriceEntry],
    sources: &BTreeMap<String, Source>,
) -> Result<(), BookError> {
    for e in entries {
        if e.source.trim().is_empty() {
            return Err(BookError::NoSource { id: e.id() });
        }
        if !sources.contains_key(&e.source) {
            return Err(BookError::UnknownSource {
                id: e.id(),
                source_key: e.source.clone(),
            });
        }
        if e.effective_to.is_some_and(|to| to < e.effective_from) {
            return Err(BookError::BackwardsDates { id: e.id() });
        }
        if e.amount.is_sign_negative() && !e.amount.is_zero() {
            return Err(BookError::Negative { id: e.id() });
        }
    }
    // Entries are few (hundreds); a pairwise check per (product, site, item) group is cheap and
    // runs once per process.
    let mut groups: HashMap<(Product, Site, PriceItem), Vec<&PriceEntry>> = HashMap::new();
    for e in entries {
        groups
            .entry((e.product, e.site, e.item))
            .or_default()
            .push(e);
    }
    for group in groups.values() {
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                if a.overlaps(b) {
                    return Err(BookError::Overlap {
                        a: a.id(),
                        b: b.id(),
                    });
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn entry(from: &str, to: Option<&str>, source: &str) -> PriceEntry {
        PriceEntry {
            product: Product::Tcss,
            site: Site::TencentIntl,
            item: PriceItem::ProPrepaid,
            plan: None,
            regions: vec![],
            unit: "core-month".into(),
            amount: dec!(6.75),
            currency: Some(Currency::Usd),
            effective_from: date(from),
            effective_to: to.map(date),
            source: source.into(),
            rule: "TCSS-PRO-1".into(),
            note: None,
        }
    }

    #[test]
    fn gen_3_builtin_book_loads_and_every_entry_names_a_source() {
        // rule GEN-3
        let book = PriceBook::load_builtin().expect("built-in book is valid");
        assert!(book.entries().count() > 100);
        assert!(book
            .entries()
            .all(|e| book.sources().contains_key(&e.source) && !e.rule.is_empty()));
    }

    /// Every item the built-in data files name is a price item of the entry's product, in the
    /// item's own unit (read from the files' text, not through `PriceEntry`).
    #[test]
    fn every_builtin_item_is_a_price_item_of_its_product_in_its_unit() {
        for (file, text) in DATA {
            let entries: Vec<serde_json::Value> = serde_json::from_str(text).unwrap();
            for e in &entries {
                let key = e["item"].as_str().unwrap();
                let item = PriceItem::from_key(key)
                    .unwrap_or_else(|| panic!("{file}: {key} is not a price item"));
                assert_eq!(Some(item.product().key()), e["product"].as_str(), "{key}");
                assert_eq!(item.unit(), e["unit"].as_str(), "{file}: {key}");
            }
        }
    }

    /// The items a user may price that the built-in book has no price for (each variant's
    /// documentation says so): no monthly TCR price is published (rules TCR-B-4, GEN-5).
    const USER_ONLY: [PriceItem; 1] = [PriceItem::InstanceMonthly];

    #[test]
    fn every_user_item_is_priced_by_the_builtin_book_or_documented_as_not() {
        // rule GEN-3
        let book = PriceBook::builtin();
        for item in PriceItem::USER {
            let priced = book
                .builtin_entries()
                .iter()
                .any(|e| e.item == item && e.currency.is_some());
            assert_eq!(priced, !USER_ONLY.contains(&item), "{item}");
        }
    }

    #[test]
    fn gen_3_load_time_check_refuses_overlaps_and_missing_sources() {
        // rule GEN-3
        let sources = PriceBook::builtin().sources().clone();
        let overlapping = vec![
            entry("2023-07-21", None, "S001"),
            entry("2024-01-01", None, "S001"),
        ];
        assert!(matches!(
            PriceBook::from_parts(overlapping, vec![], vec![], sources.clone()),
            Err(BookError::Overlap { .. })
        ));
        let consecutive = vec![
            entry("2023-07-21", Some("2023-12-31"), "S001"),
            entry("2024-01-01", None, "S001"),
        ];
        assert!(PriceBook::from_parts(consecutive, vec![], vec![], sources.clone()).is_ok());
        assert!(matches!(
            PriceBook::from_parts(
                vec![entry("2023-07-21", None, "")],
                vec![],
                vec![],
                sources.clone()
            ),
            Err(BookError::NoSource { .. })
        ));
        assert!(matches!(
            PriceBook::from_parts(
                vec![entry("2023-07-21", None, "S999")],
                vec![],
                vec![],
                sources
            ),
            Err(BookError::UnknownSource { .. })
        ));
    }

    #[test]
    fn gen_4_lookup_uses_the_entry_in_force_on_the_date() {
        // rule GEN-4 (and TCSS-PRO-5's dated minimum)
        let book = PriceBook::builtin();
        let cap = |d| {
            book.limit(
                Product::Tcss,
                Site::TencentIntl,
                PriceItem::ElasticCapMin,
                date(d),
            )
            .map(|e| e.amount)
        };
        assert_eq!(cap("2024-08-12"), Some(dec!(500)));
        assert_eq!(cap("2024-08-13"), Some(dec!(5000)));
        assert_eq!(cap("2023-07-20"), None);
    }

    #[test]
    fn gen_5_missing_price_is_none_not_zero() {
        // rule GEN-5: no monthly TCR price is published.
        let book = PriceBook::builtin();
        let key = Key {
            product: Product::Tcr,
            site: Site::TencentCn,
            item: PriceItem::InstanceMonthly,
            plan: Some("standard"),
            region: Some("ap-guangzhou"),
        };
        assert!(book.lookup(key, date("2027-01-01")).is_none());
    }

    #[test]
    fn gen_3_user_entries_win_over_builtin() {
        // rule GEN-3
        let mut mine = entry("2020-01-01", None, USER_SOURCE);
        mine.amount = dec!(5);
        let book = PriceBook::builtin().with_user_entries(vec![mine]).unwrap();
        let key = Key {
            product: Product::Tcss,
            site: Site::TencentIntl,
            item: PriceItem::ProPrepaid,
            plan: None,
            region: None,
        };
        let found = book.lookup(key, date("2027-01-01")).unwrap();
        assert_eq!(
            (found.amount, found.source.as_str()),
            (dec!(5), USER_SOURCE)
        );
        assert!(PriceBook::builtin()
            .with_user_entries(vec![entry("2020-01-01", None, "S001")])
            .is_err());
    }

    /// Rule GEN-3: the app's own prices and a scenario's `prices` both apply; where both price
    /// the same thing, the scenario's (added last) wins.
    #[test]
    fn gen_3_user_entries_added_later_win_and_the_earlier_ones_stay() {
        let key = |item| Key {
            product: Product::Tcss,
            site: Site::TencentIntl,
            item,
            plan: None,
            region: None,
        };
        let mut app_prepaid = entry("2020-01-01", None, USER_SOURCE);
        app_prepaid.amount = dec!(5);
        let mut app_postpaid = entry("2020-01-01", None, USER_SOURCE);
        app_postpaid.item = PriceItem::ProPostpaid;
        app_postpaid.unit = "core-day".into();
        app_postpaid.amount = dec!(0.3);
        let mut scenario_prepaid = entry("2020-01-01", None, USER_SOURCE);
        scenario_prepaid.amount = dec!(4);
        let app = PriceBook::builtin()
            .with_user_entries(vec![app_prepaid, app_postpaid])
            .unwrap();
        let book = app.with_user_entries(vec![scenario_prepaid]).unwrap();
        let on = date("2027-01-01");
        assert_eq!(
            book.lookup(key(PriceItem::ProPrepaid), on).unwrap().amount,
            dec!(4)
        );
        assert_eq!(
            book.lookup(key(PriceItem::ProPostpaid), on).unwrap().amount,
            dec!(0.3)
        );
        // The book it was made from keeps its own.
        assert_eq!(
            app.lookup(key(PriceItem::ProPrepaid), on).unwrap().amount,
            dec!(5)
        );
    }

    #[test]
    fn index_finds_what_a_scan_of_the_book_finds() {
        // The index is only a faster way to the same entry (rules GEN-3, GEN-4).
        let book = PriceBook::builtin();
        let scan = |key: Key<'_>, d: NaiveDate| {
            book.entries().find(|e| {
                e.product == key.product
                    && e.site == key.site
                    && e.item == key.item
                    && e.plan.as_deref() == key.plan
                    && e.covers_region(key.region)
                    && e.in_force(d)
            })
        };
        let mut regions: Vec<Option<&str>> = vec![None, Some("nowhere")];
        regions.extend(
            book.entries()
                .flat_map(|e| &e.regions)
                .map(|r| Some(r.as_str())),
        );
        regions.sort();
        regions.dedup();
        let mut found = 0;
        for e in book.entries() {
            for plan in [e.plan.as_deref(), None, Some("no-such-plan")] {
                for &region in &regions {
                    for d in [
                        "2020-06-01",
                        "2020-11-30",
                        "2023-07-21",
                        "2024-09-26",
                        "2027-01-01",
                    ] {
                        let key = Key {
                            product: e.product,
                            site: e.site,
                            item: e.item,
                            plan,
                            region,
                        };
                        let got = book.lookup(key, date(d));
                        assert!(
                            std::ptr::eq(
                                got.map_or(std::ptr::null(), |x| x),
                                scan(key, date(d)).map_or(std::ptr::null(), |x| x)
                            ),
                            "{} {plan:?} {region:?} {d}",
                            e.id()
                        );
                        found += usize::from(got.is_some());
                    }
                }
            }
        }
        assert!(found > 1000, "only {found} lookups found an entry");
        // Items of a product and site, every plan, in the book's order.
        for e in book.entries() {
            let d = e.effective_from;
            let via_index: Vec<*const PriceEntry> = book
                .item_entries(e.product, e.site, e.item, d)
                .map(|x| x as *const PriceEntry)
                .collect();
            let via_scan: Vec<*const PriceEntry> = book
                .entries()
                .filter(|x| x.product == e.product && x.site == e.site && x.item == e.item)
                .filter(|x| x.in_force(d))
                .map(|x| x as *const PriceEntry)
                .collect();
            assert_eq!(via_index, via_scan, "{}", e.id());
        }
    }

    #[test]
    fn lookup_after_finds_what_lookup_finds() {
        // Month after month, with and without user entries (which are looked up each time).
        let mut user = entry("2024-01-01", Some("2024-06-30"), USER_SOURCE);
        user.amount = dec!(5);
        let books = [
            PriceBook::builtin().clone(),
            PriceBook::builtin().with_user_entries(vec![user]).unwrap(),
        ];
        for book in &books {
            for e in book.entries() {
                for region in [None, e.regions.first().map(String::as_str)] {
                    let key = Key {
                        product: e.product,
                        site: e.site,
                        item: e.item,
                        plan: e.plan.as_deref(),
                        region,
                    };
                    let mut previous = None;
                    let mut month: crate::calendar::YearMonth = "2020-01".parse().unwrap();
                    for _ in 0..120 {
                        let d = month.first_day();
                        let found = book.lookup_after(key, d, previous);
                        let expected = book.lookup(key, d);
                        assert_eq!(
                            found.map(|x| x as *const PriceEntry),
                            expected.map(|x| x as *const PriceEntry),
                            "{} {region:?} {d}",
                            e.id()
                        );
                        previous = found;
                        month = month.plus(1);
                    }
                }
            }
        }
    }

    #[test]
    fn tcr_q_versions_do_not_overlap_and_cover_from_2020_06() {
        // rules TCR-Q-1, TCR-Q-2, TCR-Q-3
        let book = PriceBook::builtin();
        let v = |d| book.quota_version(date(d)).map(|q| q.version.as_str());
        assert_eq!(v("2020-06-01"), Some("2020-beta"));
        assert_eq!(v("2020-12-01"), Some("2020"));
        assert_eq!(v("2023-06-30"), Some("2023"));
        assert_eq!(v("2020-05-31"), None);
    }
}
