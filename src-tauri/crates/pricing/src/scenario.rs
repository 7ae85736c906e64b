//! Scenario files, format version 1 (`../shared/spec/scenario-format.md`).
//!
//! Reading is strict and exhaustive: every problem in a file is reported at once with its field
//! path, the value and what is allowed; unknown fields are refused; numbers are read exactly as
//! written (see [`crate::jsonread`]). A file of a newer format version is refused before any
//! other field is read.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::prelude::*;
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::book::{PriceEntry, USER_SOURCE};
use crate::calendar::YearMonth;
use crate::ids::{Edition, Product, Site};
use crate::jsonread::{self, Json};
use crate::money::{Currency, Rate};

/// The format version this Plancast reads and writes.
pub const FORMAT_VERSION: u32 = 1;
/// The longest projection, in months.
pub const MAX_MONTHS: u32 = 120;

/// One problem with an input, with the path of the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// `tcss.cores[3]`, `budgets[0].amount`, or empty for the whole file.
    pub path: String,
    pub message: String,
}

impl FieldError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// A usage quantity: constant, one value per month, or a growth rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Quantity {
    Constant(Decimal),
    PerMonth(Vec<Decimal>),
    /// Month k is `start × (1 + percent/100)^k`, compounding on the exact value.
    Percent {
        start: Decimal,
        percent: Decimal,
    },
    /// Month k is `start + k × add`.
    Add {
        start: Decimal,
        add: Decimal,
    },
}

impl Quantity {
    pub fn constant(value: impl Into<Decimal>) -> Self {
        Quantity::Constant(value.into())
    }

    /// The exact values of the first `months` months; counts round up month by month after
    /// growth (rule GEN-7). `Err` names the first month whose value is negative or too large.
    pub fn series(&self, months: u32, count: bool) -> Result<Vec<Decimal>, SeriesError> {
        if let (Quantity::Constant(_), 2..) = (self, months) {
            // Every month is the first: checked and rounded once, then repeated.
            let first = self.series(1, count)?;
            return Ok(vec![first[0]; months as usize]);
        }
        let mut out = Vec::with_capacity(months as usize);
        let mut exact = match self {
            Quantity::Constant(v) => *v,
            Quantity::PerMonth(values) => values.first().copied().unwrap_or_default(),
            Quantity::Percent { start, .. } | Quantity::Add { start, .. } => *start,
        };
        let factor = match self {
            Quantity::Percent { percent, .. } => Some(
                Decimal::ONE
                    + percent
                        .checked_div(Decimal::ONE_HUNDRED)
                        .ok_or(SeriesError::TooLarge(0))?,
            ),
            _ => None,
        };
        for k in 0..months {
            if k > 0 {
                exact = match self {
                    Quantity::Constant(v) => *v,
                    Quantity::PerMonth(values) => {
                        values.get(k as usize).copied().unwrap_or_default()
                    }
                    Quantity::Percent { .. } => exact
                        .checked_mul(factor.unwrap_or(Decimal::ONE))
                        .ok_or(SeriesError::TooLarge(k))?,
                    Quantity::Add { add, .. } => {
                        exact.checked_add(*add).ok_or(SeriesError::TooLarge(k))?
                    }
                };
            }
            if exact.is_sign_negative() && !exact.is_zero() {
                return Err(SeriesError::Negative(k));
            }
            if too_large(exact) {
                return Err(SeriesError::TooLarge(k));
            }
            // rule GEN-7: counts round up after growth; storage and traffic stay decimal.
            out.push(if count {
                round_up(exact)
            } else {
                exact.normalize()
            });
        }
        Ok(out)
    }
}

/// The largest usage value accepted is 10^15: far above any real workload, far below where
/// decimal arithmetic on prices could overflow.
const LIMIT_DIGITS: u32 = 15;

/// Whether a value is above 10^15, asked of every month of every series. A decimal is its
/// mantissa m over 10^scale, so it exceeds 10^15 exactly when m exceeds 10^(15 + scale); this
/// compares integers instead of aligning a grown value's 28 decimals with the limit's none.
fn too_large(value: Decimal) -> bool {
    match 10i128.checked_pow(LIMIT_DIGITS + value.scale()) {
        Some(bound) => value.mantissa() > bound,
        // 10^39 and more: above any mantissa (< 2^96), so the value is below 10^15.
        None => false,
    }
}

/// `value.ceil().normalize()`, the count a grown value rounds up to (rule GEN-7), in integers
/// for the values series have (not negative): the quotient of the mantissa by 10^scale, plus
/// one when there is a remainder, written without decimals.
fn round_up(value: Decimal) -> Decimal {
    if value.is_sign_negative() {
        return value.ceil().normalize();
    }
    let unit = 10i128.pow(value.scale());
    let (m, r) = (value.mantissa() / unit, value.mantissa() % unit);
    Decimal::from_i128_with_scale(m + i128::from(r != 0), 0)
}

/// Why a quantity series cannot be used; the number is the month index (0 = first month).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesError {
    Negative(u32),
    TooLarge(u32),
}

/// TCR webhook trigger types (rules TCR-Q-1, TCR-Q-2).
pub const WEBHOOKS: [&str; 4] = ["push_image", "pull_image", "delete_image", "helm_chart"];

/// What a TCR instance must offer (rule TCR-FIT-1).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Needs {
    pub namespaces: Option<Quantity>,
    pub image_repos: Option<Quantity>,
    pub helm_repos: Option<Quantity>,
    pub vpc_links: Option<Quantity>,
    pub log_retention_days: Option<Quantity>,
    pub cross_region_sync: bool,
    pub webhooks: Vec<String>,
    pub delivery_workflow: bool,
    pub vulnerability_scan: bool,
    pub block_vulnerable_images: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditionChoice {
    Auto,
    Fixed(Edition),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TcrBilling {
    Payg,
    Monthly,
}

impl TcrBilling {
    pub fn key(self) -> &'static str {
        match self {
            TcrBilling::Payg => "payg",
            TcrBilling::Monthly => "monthly",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TcrSpec {
    pub site: Site,
    pub region: String,
    pub edition: EditionChoice,
    pub billing: TcrBilling,
    pub hours: Option<Quantity>,
    pub needs: Needs,
    pub storage_gb: Quantity,
    pub egress_gb: Quantity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TcssBilling {
    Auto,
    Prepaid,
    Postpaid,
}

impl TcssBilling {
    pub fn key(self) -> &'static str {
        match self {
            TcssBilling::Auto => "auto",
            TcssBilling::Prepaid => "prepaid",
            TcssBilling::Postpaid => "postpaid",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImageScan {
    /// Monthly quota model (rules TCSS-SCAN-2, TCSS-SCAN-4).
    Quota {
        first_scans: Quantity,
        repeat_scans: Quantity,
    },
    /// Per-image authorizations (rule TCSS-SCAN-1): `images` distinct images in use, `updates`
    /// image updates in the month.
    PerImage { images: Quantity, updates: Quantity },
}

#[derive(Debug, Clone, PartialEq)]
pub struct TcssSpec {
    pub site: Site,
    pub billing: TcssBilling,
    pub cores: Quantity,
    pub licensed_cores: Option<Quantity>,
    pub peak_cores: Option<Quantity>,
    pub peak_days: Option<Quantity>,
    pub elastic_cap: Option<Decimal>,
    pub trial: bool,
    pub image_scan: Option<ImageScan>,
    pub log_gb: Option<Quantity>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImageSearchSpec {
    pub site: Site,
    pub images: Quantity,
    pub qps: Quantity,
    pub trial: bool,
}

/// A monthly budget (rule BUD-1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Budget {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub currency: Currency,
    pub product: Option<Product>,
    #[serde(with = "rust_decimal::serde::str")]
    pub warn_at: Decimal,
    pub start: Option<YearMonth>,
    pub end: Option<YearMonth>,
}

/// A scenario: a workload over a number of months, with budgets and exchange rates.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub name: String,
    pub start: YearMonth,
    pub months: u32,
    pub currency: Currency,
    pub rates: Vec<Rate>,
    pub price_date: Option<NaiveDate>,
    pub budgets: Vec<Budget>,
    pub prices: Vec<PriceEntry>,
    pub tcr: Option<TcrSpec>,
    pub tcss: Option<TcssSpec>,
    pub image_search: Option<ImageSearchSpec>,
}

impl Scenario {
    /// The scenario's months in order.
    pub fn month_list(&self) -> impl Iterator<Item = YearMonth> + '_ {
        (0..self.months).map(|k| self.start.plus(k))
    }

    /// The date month `k` is priced at: the pinned price date, or the month's first day
    /// (rule GEN-4).
    pub fn price_date_of(&self, k: u32) -> NaiveDate {
        self.price_date
            .unwrap_or_else(|| self.start.plus(k).first_day())
    }

    pub fn products(&self) -> Vec<Product> {
        let mut out = Vec::new();
        if self.tcr.is_some() {
            out.push(Product::Tcr);
        }
        if self.tcss.is_some() {
            out.push(Product::Tcss);
        }
        if self.image_search.is_some() {
            out.push(Product::ImageSearch);
        }
        out
    }

    /// The scenario as a format-v1 JSON document. Decimals are written as strings so they
    /// survive any JSON reader exactly; whole numbers as JSON numbers.
    pub fn to_json(&self) -> Value {
        let mut root = Map::new();
        root.insert("plancast".into(), json!(FORMAT_VERSION));
        root.insert("name".into(), json!(self.name));
        root.insert("start".into(), json!(self.start.to_string()));
        root.insert("months".into(), json!(self.months));
        root.insert("currency".into(), json!(self.currency.code()));
        if !self.rates.is_empty() {
            let rates: Vec<Value> = self
                .rates
                .iter()
                .map(|r| json!({"from": r.from.code(), "to": r.to.code(), "rate": dec_text(r.rate), "date": r.date.to_string()}))
                .collect();
            root.insert("rates".into(), Value::Array(rates));
        }
        if let Some(d) = self.price_date {
            root.insert("price_date".into(), json!(d.to_string()));
        }
        if !self.budgets.is_empty() {
            let budgets = self
                .budgets
                .iter()
                .map(|b| {
                    let mut m = Map::new();
                    if let Some(n) = &b.name {
                        m.insert("name".into(), json!(n));
                    }
                    m.insert("amount".into(), json!(dec_text(b.amount)));
                    m.insert("currency".into(), json!(b.currency.code()));
                    if let Some(p) = b.product {
                        m.insert("product".into(), json!(p.key()));
                    }
                    m.insert("warn_at".into(), json!(dec_text(b.warn_at)));
                    if let Some(s) = b.start {
                        m.insert("start".into(), json!(s.to_string()));
                    }
                    if let Some(e) = b.end {
                        m.insert("end".into(), json!(e.to_string()));
                    }
                    Value::Object(m)
                })
                .collect();
            root.insert("budgets".into(), Value::Array(budgets));
        }
        if !self.prices.is_empty() {
            let prices = self
                .prices
                .iter()
                .map(|p| {
                    let mut m = Map::new();
                    m.insert("product".into(), json!(p.product.key()));
                    m.insert("site".into(), json!(p.site.key()));
                    m.insert("item".into(), json!(p.item));
                    if let Some(plan) = &p.plan {
                        m.insert("plan".into(), json!(plan));
                    }
                    if let Some(r) = p.regions.first() {
                        m.insert("region".into(), json!(r));
                    }
                    m.insert("amount".into(), json!(dec_text(p.amount)));
                    if let Some(c) = p.currency {
                        m.insert("currency".into(), json!(c.code()));
                    }
                    m.insert("unit".into(), json!(p.unit));
                    if p.effective_from != user_price_epoch() {
                        m.insert("effective_from".into(), json!(p.effective_from.to_string()));
                    }
                    if let Some(to) = p.effective_to {
                        m.insert("effective_to".into(), json!(to.to_string()));
                    }
                    if let Some(n) = &p.note {
                        m.insert("note".into(), json!(n));
                    }
                    Value::Object(m)
                })
                .collect();
            root.insert("prices".into(), Value::Array(prices));
        }
        if let Some(t) = &self.tcr {
            let mut m = Map::new();
            m.insert("site".into(), json!(t.site.key()));
            m.insert("region".into(), json!(t.region));
            m.insert(
                "edition".into(),
                json!(match t.edition {
                    EditionChoice::Auto => "auto",
                    EditionChoice::Fixed(e) => e.key(),
                }),
            );
            m.insert("billing".into(), json!(t.billing.key()));
            if let Some(h) = &t.hours {
                m.insert("hours".into(), quantity_json(h));
            }
            let n = &t.needs;
            let mut needs = Map::new();
            for (key, q) in [
                ("namespaces", &n.namespaces),
                ("image_repos", &n.image_repos),
                ("helm_repos", &n.helm_repos),
                ("vpc_links", &n.vpc_links),
                ("log_retention_days", &n.log_retention_days),
            ] {
                if let Some(q) = q {
                    needs.insert(key.into(), quantity_json(q));
                }
            }
            for (key, flag) in [
                ("cross_region_sync", n.cross_region_sync),
                ("delivery_workflow", n.delivery_workflow),
                ("vulnerability_scan", n.vulnerability_scan),
                ("block_vulnerable_images", n.block_vulnerable_images),
            ] {
                if flag {
                    needs.insert(key.into(), json!(true));
                }
            }
            if !n.webhooks.is_empty() {
                needs.insert("webhooks".into(), json!(n.webhooks));
            }
            m.insert("needs".into(), Value::Object(needs));
            m.insert("storage_gb".into(), quantity_json(&t.storage_gb));
            m.insert("egress_gb".into(), quantity_json(&t.egress_gb));
            root.insert("tcr".into(), Value::Object(m));
        }
        if let Some(t) = &self.tcss {
            let mut m = Map::new();
            m.insert("site".into(), json!(t.site.key()));
            m.insert("billing".into(), json!(t.billing.key()));
            m.insert("cores".into(), quantity_json(&t.cores));
            if let Some(q) = &t.licensed_cores {
                m.insert("licensed_cores".into(), quantity_json(q));
            }
            if let Some(q) = &t.peak_cores {
                m.insert("peak_cores".into(), quantity_json(q));
            }
            if let Some(q) = &t.peak_days {
                m.insert("peak_days".into(), quantity_json(q));
            }
            if let Some(c) = t.elastic_cap {
                m.insert("elastic_cap".into(), number_json(c));
            }
            m.insert("trial".into(), json!(t.trial));
            match &t.image_scan {
                Some(ImageScan::Quota {
                    first_scans,
                    repeat_scans,
                }) => {
                    m.insert(
                        "image_scan".into(),
                        json!({"first_scans": quantity_json(first_scans), "repeat_scans": quantity_json(repeat_scans)}),
                    );
                }
                Some(ImageScan::PerImage { images, updates }) => {
                    m.insert(
                        "image_scan".into(),
                        json!({"model": "per_image", "images": quantity_json(images), "updates": quantity_json(updates)}),
                    );
                }
                None => {}
            }
            if let Some(q) = &t.log_gb {
                m.insert("log_gb".into(), quantity_json(q));
            }
            root.insert("tcss".into(), Value::Object(m));
        }
        if let Some(s) = &self.image_search {
            root.insert(
                "image_search".into(),
                json!({"site": s.site.key(), "images": quantity_json(&s.images), "qps": quantity_json(&s.qps), "trial": s.trial}),
            );
        }
        Value::Object(root)
    }
}

fn dec_text(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Whole numbers as JSON numbers, everything else as exact decimal strings.
fn number_json(d: Decimal) -> Value {
    let n = d.normalize();
    if n.scale() == 0 {
        if let Some(i) = n.to_i64() {
            return json!(i);
        }
    }
    json!(n.to_string())
}

fn quantity_json(q: &Quantity) -> Value {
    match q {
        Quantity::Constant(v) => number_json(*v),
        Quantity::PerMonth(values) => {
            Value::Array(values.iter().map(|v| number_json(*v)).collect())
        }
        Quantity::Percent { start, percent } => {
            json!({"start": number_json(*start), "monthly_percent": number_json(*percent)})
        }
        Quantity::Add { start, add } => {
            json!({"start": number_json(*start), "monthly_add": number_json(*add)})
        }
    }
}

/// User prices without a start date are in force from this date, long before any price book.
pub fn user_price_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date")
}

/// The items a user price may set, per product, with their default unit.
pub const USER_PRICE_ITEMS: [(Product, &str, &str); 9] = [
    (Product::Tcr, "instance_hourly", "hour"),
    (Product::Tcr, "instance_monthly", "month"),
    (Product::Tcr, "cos_storage", "GB-month"),
    (Product::Tcr, "cos_egress", "GB"),
    (Product::Tcss, "pro_prepaid", "core-month"),
    (Product::Tcss, "pro_postpaid", "core-day"),
    (Product::Tcss, "image_scan_quota", "quota-month"),
    (Product::Tcss, "log_analysis", "GB-month"),
    (Product::ImageSearch, "package", "month"),
];

/// Reads a scenario file. All problems are returned at once.
pub fn parse_scenario(text: &str) -> Result<Scenario, Vec<FieldError>> {
    let json = jsonread::parse(text)
        .map_err(|e| vec![FieldError::new("", format!("not valid JSON: {e}"))])?;
    read_scenario(&json)
}

/// Reads a scenario from an already parsed JSON value.
pub fn read_scenario(json: &Json) -> Result<Scenario, Vec<FieldError>> {
    let mut r = Reader::default();
    let scenario = r.scenario(json);
    match scenario {
        Some(s) if r.errors.is_empty() => Ok(s),
        _ => Err(r.errors),
    }
}

type Members<'a> = &'a [(String, Json)];

#[derive(Default)]
struct Reader {
    errors: Vec<FieldError>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn get<'a>(members: Members<'a>, key: &str) -> Option<&'a Json> {
    members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Parses a decimal written as a JSON number or a decimal string, exactly.
pub fn parse_decimal_text(text: &str) -> Option<Decimal> {
    let t = text.trim();
    if t.is_empty() || t != text {
        return None;
    }
    let valid = t
        .bytes()
        .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'-' | b'+' | b'e' | b'E'));
    if !valid {
        return None;
    }
    if t.contains(['e', 'E']) {
        Decimal::from_scientific(t).ok()
    } else {
        Decimal::from_str_exact(t).ok()
    }
}

impl Reader {
    fn err(&mut self, path: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(path, message));
    }

    /// An object with only the allowed keys; reports unknown keys and a wrong type.
    fn object<'a>(&mut self, v: &'a Json, path: &str, allowed: &[&str]) -> Option<Members<'a>> {
        match v {
            Json::Object(members) => {
                for (k, _) in members {
                    if !allowed.contains(&k.as_str()) {
                        self.err(
                            &join(path, k),
                            format!("unknown field; allowed here: {}", allowed.join(", ")),
                        );
                    }
                }
                Some(members)
            }
            other => {
                self.err(path, format!("must be an object, got {}", other.kind()));
                None
            }
        }
    }

    fn required<'a>(&mut self, m: Members<'a>, path: &str, key: &str) -> Option<&'a Json> {
        let found = get(m, key);
        if found.is_none() {
            self.err(&join(path, key), "is required");
        }
        found
    }

    fn string(&mut self, v: &Json, path: &str) -> Option<String> {
        match v {
            Json::String(s) => Some(s.clone()),
            other => {
                self.err(path, format!("must be a string, got {}", other.brief()));
                None
            }
        }
    }

    fn boolean(&mut self, v: Option<&Json>, path: &str) -> bool {
        match v {
            None => false,
            Some(Json::Bool(b)) => *b,
            Some(other) => {
                self.err(
                    path,
                    format!("must be true or false, got {}", other.brief()),
                );
                false
            }
        }
    }

    fn choice<T>(
        &mut self,
        v: &Json,
        path: &str,
        options: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let s = self.string(v, path)?;
        let found = parse(&s);
        if found.is_none() {
            self.err(
                path,
                format!("must be one of {}, got \"{s}\"", options.join(", ")),
            );
        }
        found
    }

    fn decimal(&mut self, v: &Json, path: &str) -> Option<Decimal> {
        let text = match v {
            Json::Number(n) => n.as_str(),
            Json::String(s) => s.as_str(),
            other => {
                self.err(
                    path,
                    format!(
                        "must be a number or a decimal string, got {}",
                        other.brief()
                    ),
                );
                return None;
            }
        };
        let parsed = parse_decimal_text(text);
        if parsed.is_none() {
            self.err(path, format!("must be a decimal number, got {}", v.brief()));
        }
        parsed
    }

    /// A decimal that satisfies `ok`, described by `allowed` ("a whole number ≥ 0").
    fn bounded(
        &mut self,
        v: &Json,
        path: &str,
        allowed: &str,
        ok: impl Fn(Decimal) -> bool,
    ) -> Option<Decimal> {
        let d = self.decimal(v, path)?;
        if ok(d) {
            Some(d)
        } else {
            self.err(path, format!("must be {allowed}, got {}", v.brief()));
            None
        }
    }

    fn date(&mut self, v: &Json, path: &str) -> Option<NaiveDate> {
        let s = self.string(v, path)?;
        let parsed = (s.len() == 10)
            .then(|| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
            .flatten();
        if parsed.is_none() {
            self.err(path, format!("must be a date YYYY-MM-DD, got \"{s}\""));
        }
        parsed
    }

    fn month(&mut self, v: &Json, path: &str) -> Option<YearMonth> {
        let s = self.string(v, path)?;
        let parsed = YearMonth::from_str(&s).ok();
        if parsed.is_none() {
            self.err(path, format!("must be a month YYYY-MM, got \"{s}\""));
        }
        parsed
    }

    fn list<'a>(&mut self, v: &'a Json, path: &str) -> Option<&'a [Json]> {
        match v {
            Json::Array(items) => Some(items),
            other => {
                self.err(path, format!("must be a list, got {}", other.brief()));
                None
            }
        }
    }

    /// A usage quantity (constant, per-month list or growth rule). `count` quantities must be
    /// whole numbers ≥ 0 (rule GEN-7); others decimals ≥ 0.
    fn quantity(
        &mut self,
        v: &Json,
        path: &str,
        months: Option<u32>,
        count: bool,
    ) -> Option<Quantity> {
        let allowed = if count {
            "a whole number ≥ 0"
        } else {
            "a number ≥ 0"
        };
        let value_ok = move |d: Decimal| !d.is_sign_negative() || d.is_zero();
        let whole_ok = move |d: Decimal| value_ok(d) && (!count || d.fract().is_zero());
        let q = match v {
            Json::Number(_) | Json::String(_) => {
                Quantity::Constant(self.bounded(v, path, allowed, whole_ok)?)
            }
            Json::Array(items) => {
                if let Some(m) = months {
                    if items.len() != m as usize {
                        self.err(
                            path,
                            format!(
                                "must have one value per month ({m}), got {} values",
                                items.len()
                            ),
                        );
                    }
                }
                let before = self.errors.len();
                let values: Vec<Decimal> = items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| {
                        self.bounded(item, &format!("{path}[{i}]"), allowed, whole_ok)
                    })
                    .collect();
                if self.errors.len() != before {
                    return None;
                }
                Quantity::PerMonth(values)
            }
            Json::Object(members) => {
                let has_percent = get(members, "monthly_percent").is_some();
                let has_add = get(members, "monthly_add").is_some();
                let allowed_keys: &[&str] = if has_percent {
                    &["start", "monthly_percent"]
                } else {
                    &["start", "monthly_add"]
                };
                self.object(v, path, allowed_keys)?;
                let start = self
                    .required(members, path, "start")
                    .and_then(|s| self.bounded(s, &join(path, "start"), allowed, whole_ok));
                if has_percent && has_add {
                    self.err(
                        path,
                        "a growth rule has either monthly_percent or monthly_add, not both",
                    );
                    return None;
                }
                if has_percent {
                    let p = get(members, "monthly_percent")?;
                    let percent = self.bounded(
                        p,
                        &join(path, "monthly_percent"),
                        "a percentage ≥ -100",
                        |d| d >= -Decimal::ONE_HUNDRED,
                    );
                    Quantity::Percent {
                        start: start?,
                        percent: percent?,
                    }
                } else if has_add {
                    let add =
                        self.decimal(get(members, "monthly_add")?, &join(path, "monthly_add"));
                    Quantity::Add {
                        start: start?,
                        add: add?,
                    }
                } else {
                    self.err(path, "a growth rule needs monthly_percent or monthly_add");
                    return None;
                }
            }
            other => {
                self.err(path, format!("must be a number, a list with one value per month, or a growth rule {{\"start\", \"monthly_percent\" | \"monthly_add\"}}; got {}", other.brief()));
                return None;
            }
        };
        if let Some(m) = months {
            match q.series(m, count) {
                Ok(_) => {}
                Err(SeriesError::Negative(k)) => self.err(
                    path,
                    format!("the growth rule goes below 0 in month {}", k + 1),
                ),
                Err(SeriesError::TooLarge(k)) => self.err(
                    path,
                    format!(
                        "the growth rule grows too large to price in month {}",
                        k + 1
                    ),
                ),
            }
        }
        Some(q)
    }

    fn opt_quantity(
        &mut self,
        m: Members<'_>,
        path: &str,
        key: &str,
        months: Option<u32>,
        count: bool,
    ) -> Option<Quantity> {
        get(m, key).and_then(|v| self.quantity(v, &join(path, key), months, count))
    }

    fn site(&mut self, m: Members<'_>, path: &str, product: Product) -> Option<Site> {
        let v = self.required(m, path, "site")?;
        let options: Vec<&str> = product.sites().iter().map(|s| s.key()).collect();
        self.choice(v, &join(path, "site"), &options, |s| {
            Site::from_key(s).filter(|site| product.sites().contains(site))
        })
    }

    fn scenario(&mut self, json: &Json) -> Option<Scenario> {
        const TOP: [&str; 12] = [
            "plancast",
            "name",
            "start",
            "months",
            "currency",
            "rates",
            "price_date",
            "budgets",
            "prices",
            "tcr",
            "tcss",
            "image_search",
        ];
        let Json::Object(m) = json else {
            self.err(
                "",
                format!("a scenario file is a JSON object, got {}", json.kind()),
            );
            return None;
        };
        // The version comes first: a newer file is refused before anything else is read.
        match get(m, "plancast") {
            None => {
                self.err("plancast", "is required: the format version, 1");
                return None;
            }
            Some(Json::Number(n)) if n == "1" => {}
            Some(v @ Json::Number(n)) => {
                match n.parse::<u64>() {
                    Ok(newer) if newer > FORMAT_VERSION as u64 => self.err(
                        "plancast",
                        format!("this file is format version {newer}, newer than this Plancast reads (version {FORMAT_VERSION}); update Plancast to open it"),
                    ),
                    _ => self.err("plancast", format!("must be the format version 1, got {}", v.brief())),
                }
                return None;
            }
            Some(v) => {
                self.err(
                    "plancast",
                    format!("must be the format version 1, got {}", v.brief()),
                );
                return None;
            }
        }
        self.object(json, "", &TOP);
        let name = self
            .required(m, "", "name")
            .and_then(|v| self.string(v, "name"));
        let name = name.and_then(|n| {
            if n.trim().is_empty() || n.chars().count() > 200 {
                self.err("name", "must be 1 to 200 characters");
                None
            } else {
                Some(n)
            }
        });
        let start = self
            .required(m, "", "start")
            .and_then(|v| self.month(v, "start"));
        let months = self.required(m, "", "months").and_then(|v| {
            self.bounded(v, "months", "a whole number from 1 to 120", |d| {
                d.fract().is_zero() && d >= Decimal::ONE && d <= Decimal::from(MAX_MONTHS)
            })
        });
        let months = months.and_then(|d| d.to_u32());
        let currency = self
            .required(m, "", "currency")
            .and_then(|v| self.choice(v, "currency", &["USD", "CNY"], |s| s.parse().ok()));
        let rates = get(m, "rates").map(|v| self.rates(v)).unwrap_or_default();
        let price_date = get(m, "price_date").and_then(|v| self.date(v, "price_date"));
        let budgets = get(m, "budgets")
            .map(|v| self.budgets(v))
            .unwrap_or_default();
        let prices = get(m, "prices").map(|v| self.prices(v)).unwrap_or_default();
        let tcr = get(m, "tcr").and_then(|v| self.tcr(v, months));
        let tcss = get(m, "tcss").and_then(|v| self.tcss(v, months, start));
        let image_search = get(m, "image_search").and_then(|v| self.image_search(v, months));
        if ["tcr", "tcss", "image_search"]
            .iter()
            .all(|k| get(m, k).is_none())
        {
            self.err(
                "",
                "a scenario prices at least one product: add tcr, tcss or image_search",
            );
        }
        let scenario = Scenario {
            name: name?,
            start: start?,
            months: months?,
            currency: currency?,
            rates,
            price_date,
            budgets,
            prices,
            tcr,
            tcss,
            image_search,
        };
        // Checks across fields need every part read; with errors already found they would only
        // repeat them in other words.
        if self.errors.is_empty() {
            self.cross_checks(&scenario);
        }
        Some(scenario)
    }

    fn rates(&mut self, v: &Json) -> Vec<Rate> {
        let Some(items) = self.list(v, "rates") else {
            return vec![];
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("rates[{i}]");
            let Some(m) = self.object(item, &path, &["from", "to", "rate", "date"]) else {
                continue;
            };
            let cur = |r: &mut Self, key: &str| {
                r.required(m, &path, key).and_then(|v| {
                    r.choice(v, &join(&path, key), &["USD", "CNY"], |s| s.parse().ok())
                })
            };
            let from = cur(self, "from");
            let to = cur(self, "to");
            let rate = self.required(m, &path, "rate").and_then(|v| {
                self.bounded(v, &join(&path, "rate"), "a number > 0", |d| {
                    d > Decimal::ZERO
                })
            });
            let date = self
                .required(m, &path, "date")
                .and_then(|v| self.date(v, &join(&path, "date")));
            if let (Some(from), Some(to), Some(rate), Some(date)) = (from, to, rate, date) {
                if from == to {
                    self.err(
                        &join(&path, "to"),
                        format!("must differ from \"from\" ({from})"),
                    );
                } else {
                    out.push(Rate {
                        from,
                        to,
                        rate,
                        date,
                    });
                }
            }
        }
        out
    }

    fn budgets(&mut self, v: &Json) -> Vec<Budget> {
        let Some(items) = self.list(v, "budgets") else {
            return vec![];
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("budgets[{i}]");
            let Some(m) = self.object(
                item,
                &path,
                &[
                    "name", "amount", "currency", "product", "warn_at", "start", "end",
                ],
            ) else {
                continue;
            };
            let name = get(m, "name").and_then(|v| self.string(v, &join(&path, "name")));
            let amount = self.required(m, &path, "amount").and_then(|v| {
                self.bounded(v, &join(&path, "amount"), "an amount ≥ 0", |d| {
                    !d.is_sign_negative() || d.is_zero()
                })
            });
            let currency = self.required(m, &path, "currency").and_then(|v| {
                self.choice(v, &join(&path, "currency"), &["USD", "CNY"], |s| {
                    s.parse().ok()
                })
            });
            let product = match get(m, "product") {
                None | Some(Json::Null) => Some(None),
                Some(v) => self
                    .choice(
                        v,
                        &join(&path, "product"),
                        &["tcr", "tcss", "image_search"],
                        Product::from_key,
                    )
                    .map(Some),
            };
            let warn_at = match get(m, "warn_at") {
                None => Some(Decimal::new(8, 1)),
                Some(v) => self.bounded(
                    v,
                    &join(&path, "warn_at"),
                    "a fraction above 0 and at most 1 (0.8 = 80 %)",
                    |d| d > Decimal::ZERO && d <= Decimal::ONE,
                ),
            };
            let start = get(m, "start").and_then(|v| self.month(v, &join(&path, "start")));
            let end = get(m, "end").and_then(|v| self.month(v, &join(&path, "end")));
            if let (Some(s), Some(e)) = (start, end) {
                if e < s {
                    self.err(
                        &join(&path, "end"),
                        format!("must not be before start ({s}), got \"{e}\""),
                    );
                }
            }
            if let (Some(amount), Some(currency), Some(product), Some(warn_at)) =
                (amount, currency, product, warn_at)
            {
                out.push(Budget {
                    name,
                    amount,
                    currency,
                    product,
                    warn_at,
                    start,
                    end,
                });
            }
        }
        out
    }

    fn prices(&mut self, v: &Json) -> Vec<PriceEntry> {
        let Some(items) = self.list(v, "prices") else {
            return vec![];
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("prices[{i}]");
            let allowed = [
                "product",
                "site",
                "item",
                "edition",
                "plan",
                "region",
                "amount",
                "currency",
                "unit",
                "effective_from",
                "effective_to",
                "note",
            ];
            let Some(m) = self.object(item, &path, &allowed) else {
                continue;
            };
            let product = self.required(m, &path, "product").and_then(|v| {
                self.choice(
                    v,
                    &join(&path, "product"),
                    &["tcr", "tcss", "image_search"],
                    Product::from_key,
                )
            });
            let site = product.and_then(|p| self.site(m, &path, p));
            let items_for: Vec<&str> = USER_PRICE_ITEMS
                .iter()
                .filter(|(p, _, _)| Some(*p) == product)
                .map(|(_, i, _)| *i)
                .collect();
            let item_name = self.required(m, &path, "item").and_then(|v| {
                if product.is_some() {
                    self.choice(v, &join(&path, "item"), &items_for, |s| {
                        items_for.contains(&s).then(|| s.to_string())
                    })
                } else {
                    None
                }
            });
            let plan = match (get(m, "edition"), get(m, "plan")) {
                (Some(_), Some(_)) => {
                    self.err(&path, "give either edition or plan, not both");
                    None
                }
                (Some(v), None) => self.choice(
                    v,
                    &join(&path, "edition"),
                    &["personal", "basic", "standard", "premium"],
                    |s| Edition::from_key(s).map(|e| e.key().to_string()),
                ),
                (None, Some(v)) => self.string(v, &join(&path, "plan")),
                (None, None) => None,
            };
            if product == Some(Product::Tcr)
                && item_name
                    .as_deref()
                    .is_some_and(|i| i.starts_with("instance"))
                && plan.is_none()
            {
                self.err(
                    &join(&path, "edition"),
                    "is required for a TCR instance price",
                );
            }
            if product == Some(Product::ImageSearch) {
                match &plan {
                    Some(p) if crate::image_search::Package::parse(p).is_some() => {}
                    Some(p) => self.err(
                        &join(&path, "plan"),
                        format!("must be a package CAPACITY/QPS such as 5000000/10, got \"{p}\""),
                    ),
                    None => self.err(
                        &join(&path, "plan"),
                        "is required: the package CAPACITY/QPS",
                    ),
                }
            }
            let region = get(m, "region").and_then(|v| self.string(v, &join(&path, "region")));
            let amount = self.required(m, &path, "amount").and_then(|v| {
                self.bounded(v, &join(&path, "amount"), "an amount ≥ 0", |d| {
                    !d.is_sign_negative() || d.is_zero()
                })
            });
            let currency = self.required(m, &path, "currency").and_then(|v| {
                self.choice(v, &join(&path, "currency"), &["USD", "CNY"], |s| {
                    s.parse::<Currency>().ok()
                })
            });
            if let (Some(site), Some(c)) = (site, currency) {
                if site.currency() != c {
                    // rule GEN-1: each site's list is in its own currency.
                    self.err(
                        &join(&path, "currency"),
                        format!("must be {} for site {site}, got \"{c}\"", site.currency()),
                    );
                }
            }
            let default_unit = USER_PRICE_ITEMS
                .iter()
                .find(|(p, i, _)| Some(*p) == product && Some(*i) == item_name.as_deref())
                .map(|(_, _, u)| u.to_string());
            let unit = match get(m, "unit") {
                Some(v) => self.string(v, &join(&path, "unit")),
                None => default_unit,
            };
            let from =
                get(m, "effective_from").and_then(|v| self.date(v, &join(&path, "effective_from")));
            let to =
                get(m, "effective_to").and_then(|v| self.date(v, &join(&path, "effective_to")));
            let note = get(m, "note").and_then(|v| self.string(v, &join(&path, "note")));
            if let (
                Some(product),
                Some(site),
                Some(item),
                Some(amount),
                Some(currency),
                Some(unit),
            ) = (product, site, item_name, amount, currency, unit)
            {
                let entry = PriceEntry {
                    product,
                    site,
                    item,
                    plan,
                    regions: region.into_iter().collect(),
                    unit,
                    amount,
                    currency: Some(currency),
                    effective_from: from.unwrap_or_else(user_price_epoch),
                    effective_to: to,
                    source: USER_SOURCE.into(),
                    rule: "GEN-3".into(),
                    note,
                };
                if entry.effective_to.is_some_and(|t| t < entry.effective_from) {
                    self.err(
                        &join(&path, "effective_to"),
                        "must not be before effective_from",
                    );
                } else {
                    out.push(entry);
                }
            }
        }
        out
    }

    fn tcr(&mut self, v: &Json, months: Option<u32>) -> Option<TcrSpec> {
        let path = "tcr";
        let m = self.object(
            v,
            path,
            &[
                "site",
                "region",
                "edition",
                "billing",
                "hours",
                "needs",
                "storage_gb",
                "egress_gb",
            ],
        )?;
        let site = self.site(m, path, Product::Tcr);
        let region = self
            .required(m, path, "region")
            .and_then(|v| self.string(v, "tcr.region"));
        let region = region.and_then(|r| {
            let ok = r.len() <= 40
                && r.contains('-')
                && r.bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-');
            if ok {
                Some(r)
            } else {
                self.err(
                    "tcr.region",
                    format!("must be a Tencent Cloud region such as ap-guangzhou, got \"{r}\""),
                );
                None
            }
        });
        let edition = match get(m, "edition") {
            None => Some(EditionChoice::Auto),
            Some(v) => self.choice(
                v,
                "tcr.edition",
                &["auto", "personal", "basic", "standard", "premium"],
                |s| {
                    if s == "auto" {
                        Some(EditionChoice::Auto)
                    } else {
                        Edition::from_key(s).map(EditionChoice::Fixed)
                    }
                },
            ),
        };
        let billing = match get(m, "billing") {
            None => Some(TcrBilling::Payg),
            Some(v) => self.choice(v, "tcr.billing", &["payg", "monthly"], |s| match s {
                "payg" => Some(TcrBilling::Payg),
                "monthly" => Some(TcrBilling::Monthly),
                _ => None,
            }),
        };
        let hours = self.opt_quantity(m, path, "hours", months, false);
        let needs = match get(m, "needs") {
            None => Some(Needs::default()),
            Some(v) => self.needs(v, months),
        };
        let storage_gb = self
            .opt_quantity(m, path, "storage_gb", months, false)
            .unwrap_or(Quantity::Constant(Decimal::ZERO));
        let egress_gb = self
            .opt_quantity(m, path, "egress_gb", months, false)
            .unwrap_or(Quantity::Constant(Decimal::ZERO));
        Some(TcrSpec {
            site: site?,
            region: region?,
            edition: edition?,
            billing: billing?,
            hours,
            needs: needs?,
            storage_gb,
            egress_gb,
        })
    }

    fn needs(&mut self, v: &Json, months: Option<u32>) -> Option<Needs> {
        let path = "tcr.needs";
        let keys = [
            "namespaces",
            "image_repos",
            "helm_repos",
            "vpc_links",
            "log_retention_days",
            "cross_region_sync",
            "webhooks",
            "delivery_workflow",
            "vulnerability_scan",
            "block_vulnerable_images",
        ];
        let m = self.object(v, path, &keys)?;
        let mut n = Needs {
            namespaces: self.opt_quantity(m, path, "namespaces", months, true),
            image_repos: self.opt_quantity(m, path, "image_repos", months, true),
            helm_repos: self.opt_quantity(m, path, "helm_repos", months, true),
            vpc_links: self.opt_quantity(m, path, "vpc_links", months, true),
            log_retention_days: self.opt_quantity(m, path, "log_retention_days", months, true),
            cross_region_sync: self
                .boolean(get(m, "cross_region_sync"), "tcr.needs.cross_region_sync"),
            delivery_workflow: self
                .boolean(get(m, "delivery_workflow"), "tcr.needs.delivery_workflow"),
            vulnerability_scan: self
                .boolean(get(m, "vulnerability_scan"), "tcr.needs.vulnerability_scan"),
            block_vulnerable_images: self.boolean(
                get(m, "block_vulnerable_images"),
                "tcr.needs.block_vulnerable_images",
            ),
            webhooks: Vec::new(),
        };
        if let Some(v) = get(m, "webhooks") {
            if let Some(items) = self.list(v, "tcr.needs.webhooks") {
                for (i, item) in items.iter().enumerate() {
                    let p = format!("tcr.needs.webhooks[{i}]");
                    if let Some(w) = self.choice(item, &p, &WEBHOOKS, |s| {
                        WEBHOOKS.contains(&s).then(|| s.to_string())
                    }) {
                        if n.webhooks.contains(&w) {
                            self.err(&p, format!("\"{w}\" is listed twice"));
                        } else {
                            n.webhooks.push(w);
                        }
                    }
                }
            }
        }
        Some(n)
    }

    fn tcss(
        &mut self,
        v: &Json,
        months: Option<u32>,
        start: Option<YearMonth>,
    ) -> Option<TcssSpec> {
        let path = "tcss";
        let keys = [
            "site",
            "billing",
            "cores",
            "licensed_cores",
            "peak_cores",
            "peak_days",
            "elastic_cap",
            "trial",
            "image_scan",
            "log_gb",
        ];
        let m = self.object(v, path, &keys)?;
        let site = self.site(m, path, Product::Tcss);
        let billing = match get(m, "billing") {
            None => Some(TcssBilling::Auto),
            Some(v) => self.choice(
                v,
                "tcss.billing",
                &["auto", "prepaid", "postpaid"],
                |s| match s {
                    "auto" => Some(TcssBilling::Auto),
                    "prepaid" => Some(TcssBilling::Prepaid),
                    "postpaid" => Some(TcssBilling::Postpaid),
                    _ => None,
                },
            ),
        };
        let cores = self
            .required(m, path, "cores")
            .and_then(|v| self.quantity(v, "tcss.cores", months, true));
        let licensed_cores = self.opt_quantity(m, path, "licensed_cores", months, true);
        if licensed_cores.is_some() && billing.is_some_and(|b| b != TcssBilling::Prepaid) {
            self.err("tcss.licensed_cores", "is only used with billing \"prepaid\" (auto sizes the licence itself, postpaid has none)");
        }
        let peak_cores = self.opt_quantity(m, path, "peak_cores", months, true);
        let peak_days = self.opt_quantity(m, path, "peak_days", months, true);
        match (
            &peak_cores,
            &peak_days,
            get(m, "peak_cores"),
            get(m, "peak_days"),
        ) {
            (_, _, Some(_), None) => self.err(
                "tcss.peak_days",
                "is required with peak_cores: on how many days of each month the peak runs",
            ),
            (_, _, None, Some(_)) => self.err(
                "tcss.peak_cores",
                "is required with peak_days: how many cores run on peak days",
            ),
            _ => {}
        }
        if let (Some(days), Some(months), Some(start)) = (&peak_days, months, start) {
            if let Ok(series) = days.series(months, true) {
                for (k, d) in series.iter().enumerate() {
                    let month = start.plus(k as u32);
                    if *d > Decimal::from(month.days()) {
                        self.err(
                            "tcss.peak_days",
                            format!(
                                "must be at most the {} days of {month}, got {d}",
                                month.days()
                            ),
                        );
                        break;
                    }
                }
            }
        }
        let elastic_cap = get(m, "elastic_cap").and_then(|v| {
            self.bounded(
                v,
                "tcss.elastic_cap",
                "a whole number of cores per day ≥ 1",
                |d| d.fract().is_zero() && d >= Decimal::ONE,
            )
        });
        let trial = self.boolean(get(m, "trial"), "tcss.trial");
        let image_scan = get(m, "image_scan").and_then(|v| self.image_scan(v, months));
        let log_gb = self.opt_quantity(m, path, "log_gb", months, false);
        Some(TcssSpec {
            site: site?,
            billing: billing?,
            cores: cores?,
            licensed_cores,
            peak_cores,
            peak_days,
            elastic_cap,
            trial,
            image_scan,
            log_gb,
        })
    }

    fn image_scan(&mut self, v: &Json, months: Option<u32>) -> Option<ImageScan> {
        let path = "tcss.image_scan";
        let model = match v {
            Json::Object(m) => get(m, "model"),
            _ => None,
        };
        let model = match model {
            None => "quota".to_string(),
            Some(mv) => self.choice(mv, "tcss.image_scan.model", &["quota", "per_image"], |s| {
                ["quota", "per_image"].contains(&s).then(|| s.to_string())
            })?,
        };
        if model == "per_image" {
            let m = self.object(v, path, &["model", "images", "updates"])?;
            let images = self
                .required(m, path, "images")
                .and_then(|v| self.quantity(v, "tcss.image_scan.images", months, true));
            let updates = self
                .opt_quantity(m, path, "updates", months, true)
                .unwrap_or(Quantity::Constant(Decimal::ZERO));
            Some(ImageScan::PerImage {
                images: images?,
                updates,
            })
        } else {
            let m = self.object(v, path, &["model", "first_scans", "repeat_scans"])?;
            let first = self
                .required(m, path, "first_scans")
                .and_then(|v| self.quantity(v, "tcss.image_scan.first_scans", months, true));
            let repeat = self
                .opt_quantity(m, path, "repeat_scans", months, true)
                .unwrap_or(Quantity::Constant(Decimal::ZERO));
            Some(ImageScan::Quota {
                first_scans: first?,
                repeat_scans: repeat,
            })
        }
    }

    fn image_search(&mut self, v: &Json, months: Option<u32>) -> Option<ImageSearchSpec> {
        let path = "image_search";
        let m = self.object(v, path, &["site", "images", "qps", "trial"])?;
        let site = self.site(m, path, Product::ImageSearch);
        let images = self
            .required(m, path, "images")
            .and_then(|v| self.quantity(v, "image_search.images", months, true));
        let qps = self
            .required(m, path, "qps")
            .and_then(|v| self.quantity(v, "image_search.qps", months, true));
        let trial = self.boolean(get(m, "trial"), "image_search.trial");
        Some(ImageSearchSpec {
            site: site?,
            images: images?,
            qps: qps?,
            trial,
        })
    }

    /// Checks that span several fields.
    fn cross_checks(&mut self, s: &Scenario) {
        // rule GEN-8: every currency that must be converted needs a rate.
        let mut needed: Vec<(Currency, &str)> = Vec::new();
        if let Some(t) = &s.tcr {
            needed.push((t.site.currency(), "tcr.site"));
        }
        if let Some(t) = &s.tcss {
            needed.push((t.site.currency(), "tcss.site"));
        }
        if let Some(t) = &s.image_search {
            needed.push((t.site.currency(), "image_search.site"));
        }
        let budget_paths: Vec<String> = (0..s.budgets.len())
            .map(|i| format!("budgets[{i}].currency"))
            .collect();
        for (b, path) in s.budgets.iter().zip(&budget_paths) {
            needed.push((b.currency, path));
        }
        for (currency, path) in needed {
            if crate::money::conversion_factor(&s.rates, currency, s.currency).is_err() {
                self.err(
                    "rates",
                    format!("no exchange rate between {currency} and {} ({path} is in {currency}, the report in {}): add one", s.currency, s.currency),
                );
            }
        }
        // rule TCSS-SCAN-2: image scanning is sold only to Pro users, for the Pro term.
        if let Some(t) = &s.tcss {
            if t.image_scan.is_some() {
                if let Ok(cores) = t.cores.series(s.months, true) {
                    if let Some(k) = cores.iter().position(|c| c.is_zero()) {
                        self.err(
                            "tcss.image_scan",
                            format!(
                                "image scanning needs TCSS Pro cores, but tcss.cores is 0 in {}",
                                s.start.plus(k as u32)
                            ),
                        );
                    }
                }
            }
        }
        for (i, b) in s.budgets.iter().enumerate() {
            if let Some(p) = b.product {
                if !s.products().contains(&p) {
                    self.err(
                        &format!("budgets[{i}].product"),
                        format!("the scenario does not price {p}"),
                    );
                }
            }
        }
        // Dedupe identical rate messages.
        let mut seen = std::collections::HashSet::new();
        self.errors
            .retain(|e| seen.insert((e.path.clone(), e.message.clone())));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_constant_series_is_its_first_month_repeated() {
        use rust_decimal_macros::dec;
        for v in [
            dec!(0),
            dec!(3),
            dec!(2.50),
            dec!(7.0),
            dec!(-1),
            dec!(1000000000000001),
        ] {
            for count in [false, true] {
                let q = Quantity::Constant(v);
                let one = q.series(1, count);
                let many = q.series(5, count);
                match (one, many) {
                    (Ok(one), Ok(many)) => {
                        let text: Vec<String> = many.iter().map(|d| format!("{d:?}")).collect();
                        assert_eq!(text, vec![format!("{:?}", one[0]); 5], "{v} {count}");
                    }
                    (Err(a), Err(b)) => assert_eq!(a, b, "{v} {count}"),
                    (a, b) => panic!("{v} {count}: {a:?} / {b:?}"),
                }
                assert_eq!(q.series(0, count), Ok(vec![]));
            }
        }
    }

    #[test]
    fn too_large_and_round_up_are_the_decimal_operations() {
        use rust_decimal_macros::dec;
        let mut values = vec![
            Decimal::ZERO,
            -Decimal::ZERO,
            dec!(0.000),
            dec!(1),
            dec!(0.5),
            dec!(7.0),
            dec!(9.2575),
            dec!(-3.5),
            dec!(1000000000000000),
            dec!(1000000000000000.0000000001),
            dec!(999999999999999.9999999999),
            dec!(1000000000000001),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
        ];
        // Grown values: 28 significant digits at every scale, as compounding leaves them.
        let mut grown = dec!(7);
        for _ in 0..400 {
            grown = grown.checked_mul(dec!(1.15)).unwrap_or(dec!(7));
            values.push(grown);
        }
        for scale in 0..=28u32 {
            for m in [
                1i128,
                5,
                10,
                999_999,
                (1i128 << 95) + 12_345,
                (1i128 << 96) - 1,
            ] {
                values.push(Decimal::from_i128_with_scale(m, scale));
            }
        }
        for v in values {
            let limit = Decimal::from(10u64.pow(LIMIT_DIGITS));
            assert_eq!(too_large(v), v > limit, "{v:?}");
            let (a, b) = (round_up(v), v.ceil().normalize());
            assert_eq!(
                (a.to_string(), a.scale()),
                (b.to_string(), b.scale()),
                "{v:?}"
            );
            assert_eq!(a.is_sign_negative(), b.is_sign_negative(), "{v:?}");
        }
    }

    use super::*;
    use rust_decimal_macros::dec;

    const EXAMPLE: &str = r#"{
      "plancast": 1,
      "name": "Registry + security, 2027",
      "start": "2027-01",
      "months": 12,
      "currency": "USD",
      "rates": [{ "from": "CNY", "to": "USD", "rate": "0.1390", "date": "2026-11-01" }],
      "budgets": [{ "amount": "1500.00", "currency": "USD", "warn_at": "0.8" },
                  { "amount": "400", "currency": "USD", "product": "tcss" }],
      "tcr": {
        "site": "tencent-intl", "region": "ap-guangzhou", "edition": "auto", "billing": "payg",
        "needs": { "namespaces": 60, "image_repos": 800, "helm_repos": 0, "vpc_links": 2,
                   "log_retention_days": 7, "cross_region_sync": false, "webhooks": ["push_image"] },
        "storage_gb": "500",
        "egress_gb": { "start": "100", "monthly_percent": "10" }
      },
      "tcss": {
        "site": "tencent-intl", "billing": "auto", "cores": 120, "peak_cores": 160, "peak_days": 6,
        "elastic_cap": 500, "trial": false,
        "image_scan": { "first_scans": 250, "repeat_scans": 600 }, "log_gb": "11"
      },
      "image_search": { "site": "aliyun-cn", "images": { "start": 2000000, "monthly_add": 250000 }, "qps": 8, "trial": false }
    }"#;

    #[test]
    fn reads_the_contract_example() {
        let s = parse_scenario(EXAMPLE).unwrap();
        assert_eq!(s.months, 12);
        assert_eq!(s.rates[0].rate, dec!(0.1390));
        assert_eq!(s.budgets[0].warn_at, dec!(0.8));
        assert_eq!(s.budgets[1].warn_at, dec!(0.8));
        let egress = s.tcr.as_ref().unwrap().egress_gb.series(3, false).unwrap();
        assert_eq!(egress, vec![dec!(100), dec!(110), dec!(121)]);
        let round_trip = parse_scenario(&s.to_json().to_string()).unwrap();
        assert_eq!(round_trip, s);
    }

    #[test]
    fn gen_7_counts_round_up_after_growth_month_by_month() {
        // rule GEN-7: start 7 growing 15 % gives 7, 9 (8.05), 10 (9.2575).
        let q = Quantity::Percent {
            start: dec!(7),
            percent: dec!(15),
        };
        assert_eq!(q.series(3, true).unwrap(), vec![dec!(7), dec!(9), dec!(10)]);
        assert_eq!(
            q.series(3, false).unwrap(),
            vec![dec!(7), dec!(8.05), dec!(9.2575)]
        );
        assert_eq!(
            Quantity::Add {
                start: dec!(5),
                add: dec!(-2)
            }
            .series(4, true),
            Err(SeriesError::Negative(3))
        );
    }

    #[test]
    fn numbers_are_exact() {
        let s = parse_scenario(&EXAMPLE.replace("\"500\"", "0.1")).unwrap();
        assert_eq!(s.tcr.unwrap().storage_gb, Quantity::Constant(dec!(0.1)));
    }

    fn errors(text: &str) -> Vec<String> {
        parse_scenario(text)
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect()
    }

    #[test]
    fn reports_every_problem_with_its_path() {
        let bad = EXAMPLE
            .replace(
                "\"cores\": 120",
                "\"cores\": [120, 120, 120, -5, 1, 1, 1, 1, 1, 1, 1, 1]",
            )
            .replace("\"months\": 12", "\"months\": 12, \"colour\": \"red\"")
            .replace("\"edition\": \"auto\"", "\"edition\": \"gold\"");
        let errs = errors(&bad);
        assert!(
            errs.contains(&"tcss.cores[3]: must be a whole number ≥ 0, got -5".to_string()),
            "{errs:?}"
        );
        assert!(
            errs.iter().any(|e| e.starts_with("colour: unknown field")),
            "{errs:?}"
        );
        assert!(errs.contains(&"tcr.edition: must be one of auto, personal, basic, standard, premium, got \"gold\"".to_string()), "{errs:?}");
        assert_eq!(errs.len(), 3, "{errs:?}");
    }

    #[test]
    fn newer_format_is_refused_and_nothing_else_is_read() {
        let errs = errors(
            &EXAMPLE
                .replace("\"plancast\": 1", "\"plancast\": 2")
                .replace("\"months\": 12", "\"months\": 0"),
        );
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].contains("format version 2, newer than this Plancast reads"));
    }

    #[test]
    fn list_length_must_match_months() {
        let errs = errors(&EXAMPLE.replace("\"cores\": 120", "\"cores\": [1, 2]"));
        assert_eq!(
            errs,
            vec!["tcss.cores: must have one value per month (12), got 2 values"]
        );
    }

    #[test]
    fn gen_8_missing_rate_is_named() {
        // rule GEN-8
        let errs = errors(&EXAMPLE.replace("\"rates\": [{ \"from\": \"CNY\", \"to\": \"USD\", \"rate\": \"0.1390\", \"date\": \"2026-11-01\" }],", ""));
        assert_eq!(errs, vec!["rates: no exchange rate between CNY and USD (image_search.site is in CNY, the report in USD): add one"]);
    }

    #[test]
    fn tcss_scan_2_scanning_needs_pro_cores() {
        // rule TCSS-SCAN-2
        let errs = errors(&EXAMPLE.replace(
            "\"cores\": 120",
            "\"cores\": [120, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]",
        ));
        assert_eq!(errs, vec!["tcss.image_scan: image scanning needs TCSS Pro cores, but tcss.cores is 0 in 2027-02"]);
    }

    #[test]
    fn product_site_must_match() {
        let errs = errors(&EXAMPLE.replace("\"site\": \"aliyun-cn\"", "\"site\": \"tencent-cn\""));
        assert_eq!(
            errs,
            vec!["image_search.site: must be one of aliyun-cn, aliyun-intl, got \"tencent-cn\""]
        );
    }
}
