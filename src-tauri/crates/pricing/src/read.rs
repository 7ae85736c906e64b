//! Reading a scenario's fields with their paths: every problem is collected with the path of
//! the field, the value and what is allowed, and reading goes on (docs/scenario-format.md).
//! The scenario's own fields and each product's part are read through [`Reader`].

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};

use crate::calendar::YearMonth;
use crate::ids::{Product, Site};
use crate::jsonread::{Json, SyntaxError};
use crate::message::{Lang, Message};
use crate::quantity::{Quantity, SeriesError};

/// One problem with an input, with the path of the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// `tcss.cores[3]`, `budgets[0].amount`, or empty for the whole file.
    pub path: String,
    /// The problem in English, as the command line prints it by default.
    pub message: String,
    /// The problem as a code with arguments (`field.required`, `field.bounded` …), which the
    /// UI and the command line put into the user's language.
    #[serde(skip)]
    pub detail: Message,
}

impl FieldError {
    /// A problem given as a code with arguments (catalogue section `messages.field`).
    pub fn coded(path: impl Into<String>, detail: Message) -> Self {
        Self {
            path: path.into(),
            message: detail.render(Lang::En),
            detail,
        }
    }

    /// Text that is not JSON, or passes a reader limit: at the value's path with its line and
    /// column when it has one, else for the whole file.
    pub fn not_json(e: SyntaxError) -> Self {
        match e.path {
            Some(path) => FieldError::coded(
                path,
                Message::new("field.at_position")
                    .text("text", e.message.as_str())
                    .text("line", e.line)
                    .text("column", e.column),
            ),
            None => FieldError::coded(
                "",
                Message::new("field.not_json").text("error", e.to_string()),
            ),
        }
    }

    /// A problem in plain words, the same in every language (for text that has no code, such
    /// as a parser's own description of a syntax error).
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            path: path.into(),
            detail: Message::new("field.text").text("text", message.as_str()),
            message,
        }
    }

    /// The problem in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.detail.render(lang)
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

/// The bounds every figure a person gives must keep to (docs/scenario-format.md, "Bounds"):
/// in a scenario file, a user price in the app and a recorded spend alike.
///
/// They are far beyond any real price or workload and far enough below the largest decimal
/// (about 7.9 × 10^28) that one month's arithmetic on in-bounds figures stays exact: a unit
/// price of at most 10^12 times a quantity of at most 10^12 (times 744 hours or 31 days) is
/// below 10^27. Sums over 120 months, conversions and a growth rule at its limit can still go
/// past what a decimal holds; that is caught where it happens and reported with the field
/// and the month (`overflow::Overflow`), never a panic.
pub mod bounds {
    use rust_decimal::Decimal;

    /// 10^12: the largest amount (a unit price, a monthly budget, a month's actual spend) —
    /// a trillion in any currency.
    pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);
    /// The most decimals an amount or a rate may have: a tenth of a billionth of a cent is
    /// finer than any list price is written.
    pub const MAX_DECIMALS: u32 = 10;
    /// 10^12: the largest usage quantity in any month (cores, GB, images, hours, counts).
    pub const MAX_QUANTITY: Decimal = MAX_AMOUNT;
    /// Exchange rates from 0.000001 to 1,000,000: so the derived inverse rate stays in the
    /// same range (rule GEN-8).
    pub const MIN_RATE: Decimal = Decimal::from_parts(1, 0, 0, false, 6);
    pub const MAX_RATE: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);
    /// Growth per month, in percent: from -100 (down to nothing) to +1000 (elevenfold a month).
    pub const MIN_GROWTH: Decimal = Decimal::from_parts(100, 0, 0, true, 0);
    pub const MAX_GROWTH: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

    /// The largest quantity, as the messages say it.
    pub const QUANTITY_TEXT: &str = "1000000000000 (10^12)";
    /// What an amount must be, as the messages say it.
    pub const AMOUNT_TEXT: &str =
        "an amount from 0 to 1000000000000 (10^12) with at most 10 decimals";
    /// What an exchange rate must be, as the messages say it.
    pub const RATE_TEXT: &str = "a rate from 0.000001 to 1000000 with at most 10 decimals";
    /// What a growth percentage must be, as the messages say it.
    pub const GROWTH_TEXT: &str = "a percentage from -100 to 1000";
    /// What a monthly addition must be, as the messages say it.
    pub const ADD_TEXT: &str = "a number from -1000000000000 to 1000000000000 (10^12)";

    /// An amount (a price, a budget, a spend): 0 ≤ amount ≤ 10^12, at most 10 decimals.
    pub fn amount_ok(d: Decimal) -> bool {
        (!d.is_sign_negative() || d.is_zero()) && d <= MAX_AMOUNT && decimals(d) <= MAX_DECIMALS
    }

    /// An exchange rate: 0.000001 ≤ rate ≤ 1,000,000, at most 10 decimals.
    pub fn rate_ok(d: Decimal) -> bool {
        d >= MIN_RATE && d <= MAX_RATE && decimals(d) <= MAX_DECIMALS
    }

    /// A growth percentage per month: -100 ≤ p ≤ 1000.
    pub fn growth_ok(d: Decimal) -> bool {
        d >= MIN_GROWTH && d <= MAX_GROWTH
    }

    /// A usage quantity's size: |q| ≤ 10^12 (the sign is checked on its own).
    pub fn quantity_ok(d: Decimal) -> bool {
        d.abs() <= MAX_QUANTITY
    }

    /// The decimals a figure really has (`1.50` has one).
    fn decimals(d: Decimal) -> u32 {
        if d.scale() <= MAX_DECIMALS {
            d.scale()
        } else {
            d.normalize().scale()
        }
    }
}

pub(crate) type Members<'a> = &'a [(String, Json)];

/// Reads fields, collecting every problem with its path.
#[derive(Default)]
pub(crate) struct Reader {
    pub(crate) errors: Vec<FieldError>,
}

pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

pub(crate) fn get<'a>(members: Members<'a>, key: &str) -> Option<&'a Json> {
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
    pub(crate) fn err(&mut self, path: &str, detail: Message) {
        self.errors.push(FieldError::coded(path, detail));
    }

    /// An object with only the allowed keys; reports unknown keys and a wrong type.
    pub(crate) fn object<'a>(
        &mut self,
        v: &'a Json,
        path: &str,
        allowed: &[&str],
    ) -> Option<Members<'a>> {
        match v {
            Json::Object(members) => {
                for (k, _) in members {
                    if !allowed.contains(&k.as_str()) {
                        self.err(
                            &join(path, k),
                            Message::new("field.unknown").text("allowed", allowed.join(", ")),
                        );
                    }
                }
                Some(members)
            }
            other => {
                self.err(
                    path,
                    Message::new("field.not_object").text("got", other.kind()),
                );
                None
            }
        }
    }

    pub(crate) fn required<'a>(
        &mut self,
        m: Members<'a>,
        path: &str,
        key: &str,
    ) -> Option<&'a Json> {
        let found = get(m, key);
        if found.is_none() {
            self.err(&join(path, key), Message::new("field.required"));
        }
        found
    }

    pub(crate) fn string(&mut self, v: &Json, path: &str) -> Option<String> {
        match v {
            Json::String(s) => Some(s.clone()),
            other => {
                self.err(path, got("field.not_string", other));
                None
            }
        }
    }

    pub(crate) fn boolean(&mut self, v: Option<&Json>, path: &str) -> bool {
        match v {
            None => false,
            Some(Json::Bool(b)) => *b,
            Some(other) => {
                self.err(path, got("field.not_boolean", other));
                false
            }
        }
    }

    pub(crate) fn choice<T>(
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
                Message::new("field.choice")
                    .text("options", options.join(", "))
                    .text("got", s.as_str()),
            );
        }
        found
    }

    pub(crate) fn decimal(&mut self, v: &Json, path: &str) -> Option<Decimal> {
        let text = match v {
            Json::Number(n) => n.as_str(),
            Json::String(s) => s.as_str(),
            other => {
                self.err(path, got("field.not_number", other));
                return None;
            }
        };
        let parsed = parse_decimal_text(text);
        if parsed.is_none() {
            let detail = if text.trim().is_empty() {
                Message::new("field.empty")
            } else {
                got("field.not_decimal", v)
            };
            self.err(path, detail);
        }
        parsed
    }

    /// A decimal that satisfies `ok`, described by `allowed`: the key of its words in the
    /// catalogue (`field.allowed.whole`: "a whole number ≥ 0"; tests/messages.rs lists them).
    pub(crate) fn bounded(
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
            let allowed = Message::new(&format!("field.allowed.{allowed}"));
            self.err(path, got("field.bounded", v).msg("allowed", allowed));
            None
        }
    }

    /// An amount: a price, a budget (docs/scenario-format.md, "Bounds").
    pub(crate) fn amount(&mut self, v: &Json, path: &str) -> Option<Decimal> {
        self.bounded(v, path, "amount", bounds::amount_ok)
    }

    /// An exchange rate (docs/scenario-format.md, "Bounds").
    pub(crate) fn rate(&mut self, v: &Json, path: &str) -> Option<Decimal> {
        self.bounded(v, path, "rate", bounds::rate_ok)
    }

    pub(crate) fn date(&mut self, v: &Json, path: &str) -> Option<NaiveDate> {
        let s = self.string(v, path)?;
        let parsed = (s.len() == 10)
            .then(|| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
            .flatten();
        if parsed.is_none() {
            self.err(path, Message::new("field.date").text("got", s.as_str()));
        }
        parsed
    }

    pub(crate) fn month(&mut self, v: &Json, path: &str) -> Option<YearMonth> {
        let s = self.string(v, path)?;
        let parsed = YearMonth::from_str(&s).ok();
        if parsed.is_none() {
            self.err(path, Message::new("field.month").text("got", s.as_str()));
        }
        parsed
    }

    pub(crate) fn list<'a>(&mut self, v: &'a Json, path: &str) -> Option<&'a [Json]> {
        match v {
            Json::Array(items) => Some(items),
            other => {
                self.err(path, got("field.not_list", other));
                None
            }
        }
    }

    /// The member `key` of `m`, which must be there, read by `read` at its path.
    pub(crate) fn field<T>(
        &mut self,
        m: Members<'_>,
        path: &str,
        key: &str,
        read: impl FnOnce(&mut Reader, &Json, &str) -> Option<T>,
    ) -> Option<T> {
        let v = self.required(m, path, key)?;
        read(self, v, &join(path, key))
    }

    /// The member `key` of `m` when it is there and not null, read by `read` at its path:
    /// `Some(None)` when absent, `None` when it has a problem (reported).
    pub(crate) fn optional<T>(
        &mut self,
        m: Members<'_>,
        path: &str,
        key: &str,
        read: impl FnOnce(&mut Reader, &Json, &str) -> Option<T>,
    ) -> Option<Option<T>> {
        match get(m, key) {
            None | Some(Json::Null) => Some(None),
            Some(v) => read(self, v, &join(path, key)).map(Some),
        }
    }

    /// A list whose every element `read` reads at its own path (`path[i]`); `None` when the
    /// value is not a list or any element has a problem, each reported.
    pub(crate) fn list_of<T>(
        &mut self,
        v: &Json,
        path: &str,
        mut read: impl FnMut(&mut Reader, &Json, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let list = self.list(v, path)?;
        let before = self.errors.len();
        let read: Vec<T> = list
            .iter()
            .enumerate()
            .filter_map(|(i, v)| read(self, v, &format!("{path}[{i}]")))
            .collect();
        (self.errors.len() == before).then_some(read)
    }

    /// A usage quantity (constant, per-month list or growth rule). `count` quantities must be
    /// whole numbers ≥ 0 (rule GEN-7); others decimals ≥ 0.
    pub(crate) fn quantity(
        &mut self,
        v: &Json,
        path: &str,
        months: Option<u32>,
        count: bool,
    ) -> Option<Quantity> {
        let q = match v {
            Json::Number(_) | Json::String(_) => {
                Quantity::Constant(self.usage_value(v, path, count)?)
            }
            Json::Array(items) => {
                if let Some(m) = months {
                    if items.len() != m as usize {
                        self.err(
                            path,
                            Message::new("field.list_length")
                                .text("months", m)
                                .text("count", items.len()),
                        );
                    }
                }
                let before = self.errors.len();
                let values: Vec<Decimal> = items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| self.usage_value(item, &format!("{path}[{i}]"), count))
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
                    .and_then(|s| self.usage_value(s, &join(path, "start"), count));
                if has_percent && has_add {
                    self.err(path, Message::new("field.growth_both"));
                    return None;
                }
                if has_percent {
                    let p = get(members, "monthly_percent")?;
                    let percent = self.bounded(
                        p,
                        &join(path, "monthly_percent"),
                        "growth",
                        bounds::growth_ok,
                    );
                    Quantity::Percent {
                        start: start?,
                        percent: percent?,
                    }
                } else if has_add {
                    let add = self.bounded(
                        get(members, "monthly_add")?,
                        &join(path, "monthly_add"),
                        "add",
                        bounds::quantity_ok,
                    );
                    Quantity::Add {
                        start: start?,
                        add: add?,
                    }
                } else {
                    self.err(path, Message::new("field.growth_neither"));
                    return None;
                }
            }
            other => {
                self.err(path, got("field.quantity_shape", other));
                return None;
            }
        };
        if let Some(m) = months {
            match q.series(m, count) {
                Ok(_) => {}
                Err(SeriesError::Negative(k)) => self.err(
                    path,
                    Message::new("field.growth_negative").text("month", k + 1),
                ),
                Err(SeriesError::TooLarge(k)) => self.err(
                    path,
                    Message::new("field.growth_too_large").text("month", k + 1),
                ),
            }
        }
        Some(q)
    }

    /// One month's usage value: a whole number ≥ 0 for a count (rule GEN-7), else a number
    /// ≥ 0; at most 10^12 either way (docs/scenario-format.md, "Bounds").
    fn usage_value(&mut self, v: &Json, path: &str, count: bool) -> Option<Decimal> {
        let allowed = if count { "whole" } else { "number" };
        let d = self.bounded(v, path, allowed, |d| {
            (!d.is_sign_negative() || d.is_zero()) && (!count || d.fract().is_zero())
        })?;
        if bounds::quantity_ok(d) {
            Some(d)
        } else {
            self.err(
                path,
                got("field.at_most", v).text("max", bounds::QUANTITY_TEXT),
            );
            None
        }
    }

    pub(crate) fn opt_quantity(
        &mut self,
        m: Members<'_>,
        path: &str,
        key: &str,
        months: Option<u32>,
        count: bool,
    ) -> Option<Quantity> {
        get(m, key).and_then(|v| self.quantity(v, &join(path, key), months, count))
    }

    pub(crate) fn site(&mut self, m: Members<'_>, path: &str, product: Product) -> Option<Site> {
        let v = self.required(m, path, "site")?;
        let options: Vec<&str> = product.sites().iter().map(|s| s.key()).collect();
        self.choice(v, &join(path, "site"), &options, |s| {
            Site::from_key(s).filter(|site| product.sites().contains(site))
        })
    }
}

pub(crate) fn dec_text(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Whole numbers as JSON numbers, everything else as exact decimal strings.
pub(crate) fn number_json(d: Decimal) -> Value {
    let n = d.normalize();
    if n.scale() == 0 {
        if let Some(i) = n.to_i64() {
            return json!(i);
        }
    }
    json!(n.to_string())
}

pub(crate) fn quantity_json(q: &Quantity) -> Value {
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

/// A problem whose message shows the value that was given (`got`).
fn got(code: &str, v: &Json) -> Message {
    Message::new(code).text("got", v.brief())
}
