//! Scenario files, format version 1 (docs/scenario-format.md).
//!
//! Reading is strict and exhaustive: every problem in a file is reported at once with its field
//! path, the value and what is allowed; unknown fields are refused; numbers are read exactly as
//! written (see [`crate::jsonread`]). A file of a newer format version is refused before any
//! other field is read.

use chrono::NaiveDate;
use rust_decimal::prelude::*;
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::book::{PriceEntry, USER_SOURCE};
use crate::calendar::YearMonth;
use crate::horizon::Horizon;
use crate::ids::{Edition, PriceItem, Product};
use crate::jsonread::{self, Json};
use crate::message::Message;
use crate::money::{Currency, Rate};
use crate::products::{self, ProductSpec};
use crate::read::{dec_text, get, join, FieldError, Reader};

/// The format version this Plancast reads and writes.
pub const FORMAT_VERSION: u32 = 1;
/// The longest projection, in months.
pub const MAX_MONTHS: u32 = 120;

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
    /// The products it prices, at most one of each, in [`Product::ALL`] order.
    pub products: Vec<ProductSpec>,
}

impl Scenario {
    /// The months the scenario spans and the date each is priced at.
    pub fn horizon(&self) -> Horizon {
        Horizon {
            start: self.start,
            months: self.months,
            price_date: self.price_date,
        }
    }

    /// The scenario's months in order.
    pub fn month_list(&self) -> impl Iterator<Item = YearMonth> + '_ {
        (0..self.months).map(|k| self.start.plus(k))
    }

    /// The date month `k` is priced at: the pinned price date, or the month's first day
    /// (rule GEN-4).
    pub fn price_date_of(&self, k: u32) -> NaiveDate {
        self.horizon().price_date_of(k)
    }

    /// The products it prices, in [`Product::ALL`] order.
    pub fn products(&self) -> Vec<Product> {
        self.products.iter().map(ProductSpec::product).collect()
    }

    /// Its part for one product, if it prices that product.
    pub fn product(&self, product: Product) -> Option<&ProductSpec> {
        self.products.iter().find(|p| p.product() == product)
    }

    /// TCR's part, if it prices TCR.
    pub fn tcr(&self) -> Option<&products::tcr::TcrSpec> {
        self.products.iter().find_map(ProductSpec::as_tcr)
    }

    /// TCSS's part, if it prices TCSS.
    pub fn tcss(&self) -> Option<&products::tcss::TcssSpec> {
        self.products.iter().find_map(ProductSpec::as_tcss)
    }

    /// Image Search's part, if it prices Image Search.
    pub fn image_search(&self) -> Option<&products::image_search::ImageSearchSpec> {
        self.products.iter().find_map(ProductSpec::as_image_search)
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
        for p in &self.products {
            root.insert(p.product().key().into(), p.to_json());
        }
        Value::Object(root)
    }
}

/// User prices without a start date are in force from this date, long before any price book.
pub fn user_price_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date")
}

/// The error for a scenario file larger than [`jsonread::MAX_FILE_BYTES`], for the whole file.
/// Whoever reads a file should stop reading there (and give this error) rather than read it
/// all first.
pub fn file_too_large() -> FieldError {
    FieldError::new(
        "",
        format!(
            "the file is larger than {} bytes (1 MiB), the most a scenario file may have",
            jsonread::grouped(jsonread::MAX_FILE_BYTES)
        ),
    )
}

/// Reads a scenario file. All problems are returned at once.
///
/// The text is held to the limits of [`jsonread::LIMITS`] (docs/scenario-format.md, "Limits")
/// before anything is built from it; a limit passed is one error with the field path of the
/// value that passes it.
pub fn parse_scenario(text: &str) -> Result<Scenario, Vec<FieldError>> {
    // Text may come from elsewhere than a file read with the limit (the app's import, the
    // database): the size is checked here too.
    if text.len() > jsonread::MAX_FILE_BYTES {
        return Err(vec![file_too_large()]);
    }
    let json = jsonread::parse(text).map_err(|e| vec![FieldError::not_json(e)])?;
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

impl Reader {
    pub(crate) fn scenario(&mut self, json: &Json) -> Option<Scenario> {
        const FIELDS: [&str; 9] = [
            "plancast",
            "name",
            "start",
            "months",
            "currency",
            "rates",
            "price_date",
            "budgets",
            "prices",
        ];
        let top: Vec<&str> = FIELDS.iter().chain(&products::KEYS).copied().collect();
        let Json::Object(m) = json else {
            self.err(
                "",
                Message::new("field.not_scenario").text("got", json.kind()),
            );
            return None;
        };
        // The version comes first: a newer file is refused before anything else is read.
        match get(m, "plancast") {
            None => {
                self.err("plancast", Message::new("field.version_required"));
                return None;
            }
            Some(Json::Number(n)) if n == "1" => {}
            Some(v @ Json::Number(n)) => {
                match n.parse::<u64>() {
                    Ok(newer) if newer > FORMAT_VERSION as u64 => self.err(
                        "plancast",
                        Message::new("field.version_newer")
                            .text("version", newer)
                            .text("supported", FORMAT_VERSION),
                    ),
                    _ => self.err(
                        "plancast",
                        Message::new("field.version").text("got", v.brief()),
                    ),
                }
                return None;
            }
            Some(v) => {
                self.err(
                    "plancast",
                    Message::new("field.version").text("got", v.brief()),
                );
                return None;
            }
        }
        self.object(json, "", &top);
        let name = self
            .required(m, "", "name")
            .and_then(|v| self.string(v, "name"));
        let name = name.and_then(|n| {
            if n.trim().is_empty() || n.chars().count() > 200 {
                self.err("name", Message::new("field.name_length"));
                None
            } else {
                Some(n)
            }
        });
        let start = self
            .required(m, "", "start")
            .and_then(|v| self.month(v, "start"));
        let months = self.required(m, "", "months").and_then(|v| {
            self.bounded(v, "months", "months", |d| {
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
        let specs: Vec<ProductSpec> = Product::ALL
            .iter()
            .zip(products::KEYS)
            .filter_map(|(&p, key)| {
                get(m, key).and_then(|v| products::read(self, p, v, months, start))
            })
            .collect();
        if products::KEYS.iter().all(|k| get(m, k).is_none()) {
            self.err(
                "",
                Message::new("field.no_product").text("products", products::KEYS.join(", ")),
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
            products: specs,
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
                    r.choice(v, &join(&path, key), &["USD", "CNY"], |s| {
                        s.parse::<Currency>().ok()
                    })
                })
            };
            let from = cur(self, "from");
            let to = cur(self, "to");
            let rate = self
                .required(m, &path, "rate")
                .and_then(|v| self.rate(v, &join(&path, "rate")));
            let date = self
                .required(m, &path, "date")
                .and_then(|v| self.date(v, &join(&path, "date")));
            if let (Some(from), Some(to), Some(rate), Some(date)) = (from, to, rate, date) {
                if from == to {
                    self.err(
                        &join(&path, "to"),
                        Message::new("field.rate_same").text("from", from.code()),
                    );
                } else if let Some(j) = out
                    .iter()
                    .position(|r: &Rate| r.from == from && r.to == to && r.date == date)
                {
                    // rule GEN-8: one rate per pair and date, or the month's rate is ambiguous.
                    self.err(
                        &join(&path, "date"),
                        Message::new("field.rate_duplicate")
                            .text("from", from.code())
                            .text("to", to.code())
                            .text("date", date)
                            .text("other", format!("rates[{j}]")),
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
            let amount = self
                .required(m, &path, "amount")
                .and_then(|v| self.amount(v, &join(&path, "amount")));
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
                        &products::KEYS,
                        Product::from_key,
                    )
                    .map(Some),
            };
            let warn_at = match get(m, "warn_at") {
                None => Some(Decimal::new(8, 1)),
                Some(v) => self.bounded(v, &join(&path, "warn_at"), "warn_at", |d| {
                    d > Decimal::ZERO && d <= Decimal::ONE
                }),
            };
            let start = get(m, "start").and_then(|v| self.month(v, &join(&path, "start")));
            let end = get(m, "end").and_then(|v| self.month(v, &join(&path, "end")));
            if let (Some(s), Some(e)) = (start, end) {
                if e < s {
                    self.err(
                        &join(&path, "end"),
                        Message::new("field.end_before_start")
                            .text("start", s.to_string())
                            .text("got", e.to_string()),
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
                    &products::KEYS,
                    Product::from_key,
                )
            });
            let site = product.and_then(|p| self.site(m, &path, p));
            // The items a user price may set for the product (rule GEN-3).
            let items_for: Vec<PriceItem> = PriceItem::USER
                .into_iter()
                .filter(|i| Some(i.product()) == product)
                .collect();
            let item = self.required(m, &path, "item").and_then(|v| {
                let keys: Vec<&str> = items_for.iter().map(|i| i.key()).collect();
                product?;
                self.choice(v, &join(&path, "item"), &keys, |s| {
                    PriceItem::from_key(s).filter(|i| items_for.contains(i))
                })
            });
            let plan = match (get(m, "edition"), get(m, "plan")) {
                (Some(_), Some(_)) => {
                    self.err(&path, Message::new("field.edition_or_plan"));
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
            if matches!(
                item,
                Some(PriceItem::InstanceHourly | PriceItem::InstanceMonthly)
            ) && plan.is_none()
            {
                self.err(
                    &join(&path, "edition"),
                    Message::new("field.edition_required"),
                );
            }
            if product == Some(Product::ImageSearch) {
                match &plan {
                    Some(p) if crate::products::image_search::Package::parse(p).is_some() => {}
                    Some(p) => self.err(
                        &join(&path, "plan"),
                        Message::new("field.package_plan").text("got", p.as_str()),
                    ),
                    None => self.err(&join(&path, "plan"), Message::new("field.package_required")),
                }
            }
            let region = get(m, "region").and_then(|v| self.string(v, &join(&path, "region")));
            let amount = self
                .required(m, &path, "amount")
                .and_then(|v| self.amount(v, &join(&path, "amount")));
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
                        Message::new("field.site_currency")
                            .text("currency", site.currency().code())
                            .text("site", site.key())
                            .text("got", c.code()),
                    );
                }
            }
            let unit = match get(m, "unit") {
                Some(v) => self.string(v, &join(&path, "unit")),
                None => item.and_then(PriceItem::unit).map(str::to_owned),
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
            ) = (product, site, item, amount, currency, unit)
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
                        Message::new("field.effective_order"),
                    );
                } else {
                    out.push(entry);
                }
            }
        }
        out
    }

    fn cross_checks(&mut self, s: &Scenario) {
        // rule GEN-8: every currency that must be converted needs a rate.
        let mut needed: Vec<(Currency, String)> = s
            .products
            .iter()
            .map(|p| (p.site().currency(), format!("{}.site", p.product().key())))
            .collect();
        for (i, b) in s.budgets.iter().enumerate() {
            needed.push((b.currency, format!("budgets[{i}].currency")));
        }
        for (currency, path) in needed {
            if crate::money::conversion_factor(&s.rates, currency, s.currency).is_err() {
                self.err(
                    "rates",
                    Message::new("field.no_rate")
                        .text("from", currency.code())
                        .text("to", s.currency.code())
                        .text("field", path.as_str()),
                );
            }
        }
        let h = s.horizon();
        for p in &s.products {
            p.cross_check(&h, &mut self.errors);
        }
        for (i, b) in s.budgets.iter().enumerate() {
            if let Some(p) = b.product {
                if !s.products().contains(&p) {
                    self.err(
                        &format!("budgets[{i}].product"),
                        Message::new("field.budget_product").text("product", p.key()),
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

impl Scenario {
    /// A copy of the scenario with what drives each product's bill growing `percent` a month
    /// from its first month: a growth suggested from actual spend, applied to a copy so the
    /// original stays as it was ([`crate::budget::suggest_growth`]).
    pub fn with_growth(&self, percent: Decimal) -> Scenario {
        Scenario {
            products: self
                .products
                .iter()
                .map(|p| p.with_growth(percent))
                .collect(),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::{Quantity, SeriesError};
    use rust_decimal_macros::dec;

    #[test]
    fn gen_3_a_user_price_sets_an_item_a_user_may_price_for_its_product() {
        // rule GEN-3: the items of PriceItem::USER, each with its default unit.
        let with_price = |price: &str| {
            parse_scenario(&format!(
                r#"{{"plancast": 1, "name": "n", "start": "2027-01", "months": 1,
                    "currency": "USD", "prices": [{price}],
                    "tcss": {{"site": "tencent-intl", "billing": "postpaid", "cores": 1}}}}"#
            ))
        };
        let s = with_price(
            r#"{"product": "tcss", "site": "tencent-intl", "item": "log_analysis",
                "amount": "1", "currency": "USD"}"#,
        )
        .expect("valid");
        assert_eq!(
            (s.prices[0].item, s.prices[0].unit.as_str()),
            (PriceItem::LogAnalysis, "GB-month")
        );
        for item in ["cos_storage", "image_scan_step", "pro_premium"] {
            let errors = with_price(&format!(
                r#"{{"product": "tcss", "site": "tencent-intl", "item": "{item}",
                    "amount": "1", "currency": "USD"}}"#
            ))
            .unwrap_err();
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            assert_eq!(
                lines,
                [format!(
                    "prices[0].item: must be one of pro_prepaid, pro_postpaid, \
                     image_scan_quota, log_analysis, got \"{item}\""
                )]
            );
        }
    }

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
        let egress = s.tcr().unwrap().egress_gb.series(3, false).unwrap();
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
        assert_eq!(s.tcr().unwrap().storage_gb, Quantity::Constant(dec!(0.1)));
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
    fn gen_6_running_hours_beyond_the_month_are_refused_like_peak_days() {
        // rule GEN-6: February 2027 has 28 × 24 = 672 hours.
        let feb = EXAMPLE.replace("\"start\": \"2027-01\"", "\"start\": \"2027-02\"");
        let errs = errors(&feb.replace(
            "\"billing\": \"payg\",",
            "\"billing\": \"payg\", \"hours\": 800,",
        ));
        assert_eq!(
            errs,
            vec!["tcr.hours: must be at most the 672 hours of 2027-02, got 800"]
        );
        let errs = errors(&feb.replace("\"peak_days\": 6", "\"peak_days\": 29"));
        assert_eq!(
            errs,
            vec!["tcss.peak_days: must be at most the 28 days of 2027-02, got 29"]
        );
        // 672 is the whole month, and fine; a list names the first month over.
        assert!(parse_scenario(&feb.replace(
            "\"billing\": \"payg\",",
            "\"billing\": \"payg\", \"hours\": 672,"
        ))
        .is_ok());
        let errs = errors(&feb.replace(
            "\"billing\": \"payg\",",
            "\"billing\": \"payg\", \"hours\": [672, 744, 721, 1, 1, 1, 1, 1, 1, 1, 1, 1],",
        ));
        assert_eq!(
            errs,
            vec!["tcr.hours: must be at most the 720 hours of 2027-04, got 721"]
        );
    }

    #[test]
    fn gen_8_several_dated_rates_per_pair_but_one_per_date() {
        // rule GEN-8 (revised 2026-12)
        let two = EXAMPLE.replace(
            r#""date": "2026-11-01" }]"#,
            r#""date": "2026-11-01" }, { "from": "CNY", "to": "USD", "rate": "0.14", "date": "2027-03-01" }]"#,
        );
        assert_eq!(parse_scenario(&two).unwrap().rates.len(), 2);
        let same = two.replace("2027-03-01", "2026-11-01");
        assert_eq!(
            errors(&same),
            vec!["rates[1].date: CNY→USD already has a rate dated 2026-11-01 (rates[0]): keep one rate per date"]
        );
    }

    #[test]
    fn bud_4_a_suggested_growth_applies_to_a_copy() {
        // rule BUD-4: what drives each product's bill grows from its first month's value.
        let s = parse_scenario(EXAMPLE).unwrap();
        let grown = s.with_growth(dec!(5));
        let percent = |start: Decimal| Quantity::Percent {
            start,
            percent: dec!(5),
        };
        assert_eq!(grown.tcss().unwrap().cores, percent(dec!(120)));
        assert_eq!(grown.tcss().unwrap().peak_cores, Some(percent(dec!(160))));
        assert_eq!(grown.tcr().unwrap().storage_gb, percent(dec!(500)));
        assert_eq!(grown.tcr().unwrap().egress_gb, percent(dec!(100)));
        assert_eq!(grown.image_search().unwrap().images, percent(dec!(2000000)));
        // The rest, and the original, stay as they were.
        assert_eq!(grown.tcss().unwrap().peak_days, s.tcss().unwrap().peak_days);
        assert_eq!(s, parse_scenario(EXAMPLE).unwrap());
        // The copy is a valid scenario file.
        assert_eq!(parse_scenario(&grown.to_json().to_string()).unwrap(), grown);
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
