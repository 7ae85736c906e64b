//! Price-book updates: new or changed prices without a new release (rule GEN-3).
//!
//! An update is a file in the built-in book's format: the entries, each with its source key
//! and dates, and the sources they cite (those the built-in book does not already have):
//!
//! ```json
//! { "format": "plancast-price-book-update", "version": 1,
//!   "sources": { "P-TCR-INTL-2027": { "title": "…", "kind": "public", "url": "…",
//!                "version": "2027-01-01", "dates": { "2027-01-01": "this version" } } },
//!   "entries": [ { "product": "tcr", "site": "tencent-intl", "item": "instance_hourly",
//!                  "plan": "standard", "regions": ["ap-guangzhou"], "unit": "hour",
//!                  "amount": "0.30", "currency": "USD", "effective_from": "2027-01-01",
//!                  "source": "P-TCR-INTL-2027", "rule": "TCR-B-3" } ] }
//! ```
//!
//! It is checked like the built-in book, and more strictly, because it comes from outside:
//! the reader's limits ([`crate::jsonread`]), every entry sourced and starting on a date its
//! source states, no two entries for the same item, plan and region on the same day, amounts
//! within the bounds of every figure a person gives, the site's currency, known items and
//! regions. Every problem is reported with its path, and nothing is applied when there is one.
//!
//! Applied, an update's entries supersede the book's entries for the same product, site, item,
//! plan and region on the days they cover: those entries are cut to the days and regions the
//! update leaves them, so the book keeps at most one entry per key, region and day and every
//! lookup stays a plain lookup. Several updates apply in the order they were loaded.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use crate::book::{BookError, DecidedDate, PriceBook, PriceEntry, Source, USER_SOURCE};
use crate::calendar::YearMonth;
use crate::ids::{PriceItem, Product, Site};
use crate::jsonread::{self, Json};
use crate::message::{Lang, Message};
use crate::money::Currency;
use crate::quote::Quote;
use crate::read::{bounds, get, join, FieldError, Reader};

/// The value of an update file's `format` field.
pub const FORMAT: &str = "plancast-price-book-update";
/// The update format version this build reads.
pub const VERSION: u32 = 1;

/// A checked price-book update.
#[derive(Debug, Clone, PartialEq)]
pub struct BookUpdate {
    /// Sources the update adds to the book.
    pub sources: BTreeMap<String, Source>,
    pub entries: Vec<PriceEntry>,
}

fn problem(path: impl Into<String>, code: &str) -> FieldError {
    FieldError::coded(path, Message::new(code))
}

/// The first and last days an update may name: far beyond any real price list, and inside
/// the calendar every part of Plancast handles.
fn date_ok(d: NaiveDate) -> bool {
    let first = NaiveDate::from_ymd_opt(2000, 1, 1);
    let last = NaiveDate::from_ymd_opt(2100, 12, 31);
    first.is_some_and(|f| d >= f) && last.is_some_and(|l| d <= l)
}

/// Reads and checks an update file against `book` (the book it would apply to). Every
/// problem comes back with its path; `Ok` only when there is none.
pub fn parse_update(text: &str, book: &PriceBook) -> Result<BookUpdate, Vec<FieldError>> {
    apply_update(text, book).map(|(update, _)| update)
}

/// [`parse_update`], and `book` with the update applied ([`PriceBook::with_update`]), which
/// the last check builds anyway.
pub fn apply_update(
    text: &str,
    book: &PriceBook,
) -> Result<(BookUpdate, PriceBook), Vec<FieldError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let json = jsonread::parse(text).map_err(|e| vec![FieldError::not_json(e)])?;
    let Json::Object(members) = &json else {
        return Err(vec![FieldError::coded(
            "",
            Message::new("field.not_object").text("got", json.brief()),
        )]);
    };
    let mut errors = Vec::new();
    for (key, _) in members {
        if !matches!(key.as_str(), "format" | "version" | "sources" | "entries") {
            errors.push(FieldError::coded(
                key.as_str(),
                Message::new("field.unknown").text("allowed", "format, version, sources, entries"),
            ));
        }
    }
    let get = |key: &str| members.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    match get("format") {
        Some(Json::String(f)) if f == FORMAT => {}
        _ => errors.push(FieldError::coded(
            "format",
            Message::new("book_update.format").text("format", FORMAT),
        )),
    }
    match get("version") {
        Some(Json::Number(n)) if n == "1" => {}
        _ => errors.push(FieldError::coded(
            "version",
            Message::new("book_update.version").num("version", VERSION.into()),
        )),
    }

    // Sources: new keys, or exactly the book's own definition of an existing key (a page's
    // other version is another source with its own key).
    let mut sources = BTreeMap::new();
    match get("sources") {
        None => {}
        Some(Json::Object(list)) => {
            for (key, value) in list {
                let path = format!("sources.{key}");
                if key.trim().is_empty() || key == USER_SOURCE {
                    errors.push(problem(path.as_str(), "book_update.source_key"));
                    continue;
                }
                let mut r = Reader::default();
                let read = read_source(&mut r, value, &path);
                errors.append(&mut r.errors);
                match read {
                    None => {}
                    Some(s) => {
                        if book.sources().get(key).is_some_and(|old| *old != s) {
                            errors.push(problem(path.as_str(), "book_update.source_redefined"));
                        } else if s.title.trim().is_empty() {
                            errors.push(problem(format!("{path}.title"), "field.required"));
                        } else if s.kind == USER_SOURCE {
                            errors.push(problem(format!("{path}.kind"), "book_update.source_key"));
                        } else {
                            sources.insert(key.clone(), s);
                        }
                    }
                }
            }
        }
        Some(other) => errors.push(FieldError::coded(
            "sources",
            Message::new("field.not_object").text("got", other.brief()),
        )),
    }
    let source = |key: &str| sources.get(key).or_else(|| book.sources().get(key));

    let mut entries: Vec<(usize, PriceEntry)> = Vec::new();
    match get("entries") {
        Some(Json::Array(list)) if !list.is_empty() => {
            for (i, value) in list.iter().enumerate() {
                let path = format!("entries[{i}]");
                if let Some((item, product)) = unknown_item_text(value) {
                    errors.push(unknown_item(&path, item, product, book));
                    continue;
                }
                // Money is read exactly from text; a JSON number is named as what it is, in the
                // reader's language, rather than by the decimal library's own English.
                if let Json::Object(members) = value {
                    if let Some((_, Json::Number(n))) = members.iter().find(|(k, _)| k == "amount")
                    {
                        errors.push(FieldError::coded(
                            format!("{path}.amount"),
                            Message::new("book_update.amount_as_text").text("got", n.as_str()),
                        ));
                        continue;
                    }
                }
                let mut r = Reader::default();
                let read = read_entry(&mut r, value, &path);
                errors.append(&mut r.errors);
                let Some(e) = read else { continue };
                let before = errors.len();
                check_entry(&e, &path, book, &source, &mut errors);
                if errors.len() == before {
                    entries.push((i, e));
                }
            }
        }
        Some(Json::Array(_)) | None => errors.push(problem("entries", "book_update.no_entries")),
        Some(other) => errors.push(FieldError::coded(
            "entries",
            Message::new("field.not_list").text("got", other.brief()),
        )),
    }
    for (k, (i, a)) in entries.iter().enumerate() {
        for (j, b) in &entries[k + 1..] {
            if a.overlaps(b) {
                errors.push(FieldError::coded(
                    format!("entries[{j}]"),
                    Message::new("book_update.overlap").text("other", format!("entries[{i}]")),
                ));
            }
        }
    }
    let update = BookUpdate {
        sources,
        entries: entries.into_iter().map(|(_, e)| e).collect(),
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    // The cut of the book's entries can still refuse one (an entry for every region against
    // regional entries).
    match book.with_update(&update) {
        Ok(applied) => Ok((update, applied)),
        Err(e) => Err(vec![FieldError::new("entries", e.to_string())]),
    }
}

/// An item the book has for this product on any site: a site may lack one the book has no
/// source for yet (the China-site TCSS trial), and an update is how it gets one.
fn book_has_item(book: &PriceBook, product: Product, item: PriceItem) -> bool {
    Site::ALL.iter().any(|&site| {
        book.item_entries_any_date(product, site, item)
            .next()
            .is_some()
    })
}

/// An entry's item that is no price item at all, with the entry's product: read from the
/// file's text before the entry is, so the problem is the item's own, not a failed entry.
fn unknown_item_text(value: &Json) -> Option<(&str, Product)> {
    let Json::Object(members) = value else {
        return None;
    };
    let text = |key: &str| match get(members, key) {
        Some(Json::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let product = Product::from_key(text("product")?)?;
    let item = text("item")?;
    PriceItem::from_key(item)
        .is_none()
        .then_some((item, product))
}

/// Every field an entry may have, in the order the format lists them.
const ENTRY_FIELDS: [&str; 13] = [
    "product",
    "site",
    "item",
    "plan",
    "regions",
    "unit",
    "amount",
    "currency",
    "effective_from",
    "effective_to",
    "source",
    "rule",
    "note",
];

/// Reads one entry of an update field by field, every problem with its path and in the
/// reader's language (an unknown item and an amount written as a number are reported before).
fn read_entry(r: &mut Reader, value: &Json, path: &str) -> Option<PriceEntry> {
    let m = r.object(value, path, &ENTRY_FIELDS)?;
    let product = r.field(m, path, "product", |r, v, at| {
        let keys = Product::ALL.map(Product::key);
        r.choice(v, at, &keys, Product::from_key)
    });
    let site = match product {
        Some(p) => r.site(m, path, p),
        None => r.field(m, path, "site", |r, v, at| {
            r.choice(v, at, &Site::ALL.map(Site::key), Site::from_key)
        }),
    };
    let item = r.field(m, path, "item", |r, v, at| {
        r.choice(
            v,
            at,
            &PriceItem::ALL.map(PriceItem::key),
            PriceItem::from_key,
        )
    });
    let plan = r.optional(m, path, "plan", Reader::string);
    let regions = r.optional(m, path, "regions", |r, v, at| {
        r.list_of(v, at, Reader::string)
    });
    let unit = r.field(m, path, "unit", Reader::string);
    let amount = r.field(m, path, "amount", Reader::decimal);
    let currency = r.optional(m, path, "currency", |r, v, at| {
        let codes = Currency::ALL.map(Currency::code);
        r.choice(v, at, &codes, |c| c.parse().ok())
    });
    let effective_from = r.field(m, path, "effective_from", Reader::date);
    let effective_to = r.optional(m, path, "effective_to", Reader::date);
    let source = r.field(m, path, "source", Reader::string);
    let rule = r.optional(m, path, "rule", Reader::string);
    let note = r.optional(m, path, "note", Reader::string);
    Some(PriceEntry {
        product: product?,
        site: site?,
        item: item?,
        plan: plan?,
        regions: regions?.unwrap_or_default(),
        unit: unit?,
        amount: amount?,
        currency: currency?,
        effective_from: effective_from?,
        effective_to: effective_to?,
        source: source?,
        rule: rule?.unwrap_or_default(),
        note: note?,
    })
}

/// Reads one source of an update field by field, like [`read_entry`].
fn read_source(r: &mut Reader, value: &Json, path: &str) -> Option<Source> {
    let m = r.object(
        value,
        path,
        &["title", "kind", "url", "version", "dates", "decided"],
    )?;
    let title = r.field(m, path, "title", Reader::string);
    let kind = r.field(m, path, "kind", Reader::string);
    let url = r.optional(m, path, "url", Reader::string);
    let version = r.optional(m, path, "version", Reader::date);
    let dates = r.optional(m, path, "dates", read_dates);
    let decided = r.optional(m, path, "decided", |r, v, at| {
        r.list_of(v, at, read_decided)
    });
    Some(Source {
        title: title?,
        kind: kind?,
        url: url?,
        version: version?,
        dates: dates?.unwrap_or_default(),
        decided: decided?.unwrap_or_default(),
    })
}

/// A source's dates: `{ "2027-01-01": "what the document says of the date" }`.
fn read_dates(r: &mut Reader, value: &Json, path: &str) -> Option<BTreeMap<NaiveDate, String>> {
    let Json::Object(members) = value else {
        r.err(
            path,
            Message::new("field.not_object").text("got", value.kind()),
        );
        return None;
    };
    let before = r.errors.len();
    let mut dates = BTreeMap::new();
    for (key, said) in members {
        let at = join(path, key);
        let date = r.date(&Json::String(key.clone()), &at);
        if let (Some(date), Some(said)) = (date, r.string(said, &at)) {
            dates.insert(date, said);
        }
    }
    (r.errors.len() == before).then_some(dates)
}

/// One of a source's decided dates:
/// `{ "date": "2026-12-01", "rules": ["TCR-B-3"], "why": "…" }`.
fn read_decided(r: &mut Reader, value: &Json, path: &str) -> Option<DecidedDate> {
    let m = r.object(value, path, &["date", "rules", "why"])?;
    let date = r.field(m, path, "date", Reader::date);
    let rules = r.field(m, path, "rules", |r, v, at| {
        r.list_of(v, at, Reader::string)
    });
    let why = r.field(m, path, "why", Reader::string);
    Some(DecidedDate {
        date: date?,
        rules: rules?,
        why: why?,
    })
}

/// The problem of an item the book does not have for the product, at `{path}.item`, with the
/// items it has, which an update may price.
fn unknown_item(path: &str, item: &str, product: Product, book: &PriceBook) -> FieldError {
    let allowed: Vec<&str> = PriceItem::ALL
        .into_iter()
        .filter(|&i| i.product() == product && book_has_item(book, product, i))
        .map(PriceItem::key)
        .collect();
    FieldError::coded(
        format!("{path}.item"),
        Message::new("book_update.unknown_item")
            .text("item", item)
            .text("product", product.key())
            .text("allowed", allowed.join(", ")),
    )
}

fn check_entry<'s>(
    e: &PriceEntry,
    path: &str,
    book: &PriceBook,
    source: &impl Fn(&str) -> Option<&'s Source>,
    errors: &mut Vec<FieldError>,
) {
    let at = |field: &str| format!("{path}.{field}");
    if e.source == USER_SOURCE {
        errors.push(problem(at("source"), "book_update.user_source"));
    } else {
        match source(&e.source) {
            None => errors.push(FieldError::coded(
                at("source"),
                Message::new("book_update.unknown_source").text("source", e.source.as_str()),
            )),
            Some(s) if !s.supports_start(e.effective_from, &e.rule) => {
                let stated: Vec<String> = s.dates.keys().map(|d| d.to_string()).collect();
                errors.push(FieldError::coded(
                    at("effective_from"),
                    Message::new("book_update.date_not_stated")
                        .text("date", e.effective_from.to_string())
                        .text("source", e.source.as_str())
                        .text("dates", stated.join(", ")),
                ));
            }
            Some(_) => {}
        }
    }
    if e.rule.trim().is_empty() {
        errors.push(problem(at("rule"), "field.required"));
    }
    if e.unit.trim().is_empty() {
        errors.push(problem(at("unit"), "field.required"));
    }
    if !bounds::amount_ok(e.amount) {
        errors.push(FieldError::coded(
            at("amount"),
            Message::new("field.bounded")
                .msg("allowed", Message::new("field.allowed.amount"))
                .text("got", e.amount.to_string()),
        ));
    }
    if let Some(c) = e.currency {
        if c != e.site.currency() {
            errors.push(FieldError::coded(
                at("currency"),
                Message::new("book_update.currency")
                    .text("site", e.site.key())
                    .text("currency", e.site.currency().code()),
            ));
        }
    }
    for (field, d) in [
        ("effective_from", Some(e.effective_from)),
        ("effective_to", e.effective_to),
    ] {
        if let Some(d) = d.filter(|d| !date_ok(*d)) {
            errors.push(FieldError::coded(
                at(field),
                Message::new("book_update.date_range").text("got", d.to_string()),
            ));
        }
    }
    if e.effective_to.is_some_and(|to| to < e.effective_from) {
        errors.push(problem(at("effective_to"), "book_update.backwards"));
    }
    if !book_has_item(book, e.product, e.item) {
        errors.push(unknown_item(path, e.item.key(), e.product, book));
    }
    for (j, r) in e.regions.iter().enumerate() {
        if book.region(r).is_none() {
            errors.push(FieldError::coded(
                format!("{path}.regions[{j}]"),
                Message::new("book_update.unknown_region").text("region", r.as_str()),
            ));
        }
    }
    if let Some(note) = &e.note {
        if Lang::En.lookup(&format!("messages.{note}")).is_none() {
            errors.push(problem(at("note"), "book_update.note"));
        }
    }
}

/// What an entry of the book keeps of its days and regions once `by` covers some of them:
/// none, one or more pieces (the regions `by` does not cover on every day; the covered regions
/// before and after `by`'s days).
fn cut(entry: &PriceEntry, by: &PriceEntry) -> Result<Vec<PriceEntry>, BookError> {
    if !entry.overlaps(by) {
        return Ok(vec![entry.clone()]);
    }
    let mut pieces = Vec::new();
    let covered: Vec<String> = if by.regions.is_empty() {
        entry.regions.clone()
    } else if entry.regions.is_empty() {
        return Err(BookError::Invalid {
            id: by.id(),
            message: format!(
                "{} is priced for every region at once; an update must cover every region too",
                entry.id()
            ),
        });
    } else {
        let rest: Vec<String> = entry
            .regions
            .iter()
            .filter(|r| !by.regions.contains(r))
            .cloned()
            .collect();
        if !rest.is_empty() {
            let mut keep = entry.clone();
            keep.regions = rest;
            pieces.push(keep);
        }
        entry
            .regions
            .iter()
            .filter(|r| by.regions.contains(r))
            .cloned()
            .collect()
    };
    if entry.effective_from < by.effective_from {
        let mut before = entry.clone();
        before.regions = covered.clone();
        before.effective_to = by.effective_from.checked_sub_days(Days::new(1));
        pieces.push(before);
    }
    if let Some(to) = by.effective_to {
        if entry.effective_to.is_none_or(|end| end > to) {
            if let Some(next) = to.checked_add_days(Days::new(1)) {
                let mut after = entry.clone();
                after.regions = covered;
                after.effective_from = next;
                pieces.push(after);
            }
        }
    }
    Ok(pieces)
}

impl PriceBook {
    /// This book with `update` applied: its sources added, its entries in force, and the
    /// book's entries for the same keys cut to the days and regions the update leaves them.
    /// User entries stay on top, as they were.
    pub fn with_update(&self, update: &BookUpdate) -> Result<PriceBook, BookError> {
        let mut sources = self.sources().clone();
        sources.extend(update.sources.clone());
        let mut entries: Vec<PriceEntry> = update.entries.clone();
        for e in self.builtin_entries() {
            let mut pieces = vec![e.clone()];
            for by in update.entries.iter().filter(|u| {
                u.product == e.product && u.site == e.site && u.item == e.item && u.plan == e.plan
            }) {
                let mut next = Vec::new();
                for p in &pieces {
                    next.extend(cut(p, by)?);
                }
                pieces = next;
            }
            entries.extend(pieces);
        }
        let book = PriceBook::from_parts(
            entries,
            self.quota_versions().to_vec(),
            self.regions().to_vec(),
            sources,
        )?;
        book.with_user_entries(self.user_entries().to_vec())
    }

    /// This book with every update applied in order (the order they were loaded).
    pub fn with_updates<'u>(
        &self,
        updates: impl IntoIterator<Item = &'u BookUpdate>,
    ) -> Result<PriceBook, BookError> {
        let mut book = self.clone();
        for u in updates {
            book = book.with_update(u)?;
        }
        Ok(book)
    }
}

/// Whether a change starts or ends an entry ([`changes_between`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Starts,
    Ends,
}

impl Change {
    pub fn key(self) -> &'static str {
        match self {
            Change::Starts => "starts",
            Change::Ends => "ends",
        }
    }
}

/// The entries that start or end between `from` and `to` (both included), by date, then
/// starts before ends (`plancast prices diff`).
pub fn changes_between(
    book: &PriceBook,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(NaiveDate, Change, &PriceEntry)> {
    let within = |d: NaiveDate| from <= d && d <= to;
    let mut out: Vec<(NaiveDate, Change, &PriceEntry)> = Vec::new();
    for e in book.entries() {
        if within(e.effective_from) {
            out.push((e.effective_from, Change::Starts, e));
        }
        if let Some(end) = e.effective_to.filter(|d| within(*d)) {
            out.push((end, Change::Ends, e));
        }
    }
    out.sort_by(|a, b| {
        (a.0, a.1 == Change::Ends, a.2.id()).cmp(&(b.0, b.1 == Change::Ends, b.2.id()))
    });
    out
}

/// What an update does to one scenario's quote: its total before and after, and the first
/// month whose figures differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteChange {
    pub total_before: rust_decimal::Decimal,
    pub total_after: rust_decimal::Decimal,
    pub complete_before: bool,
    pub complete_after: bool,
    pub first_month: YearMonth,
}

/// The difference between the same scenario quoted on two books, `None` when every month is
/// the same (total, completeness and each line's amount).
pub fn quote_change(before: &Quote, after: &Quote) -> Option<QuoteChange> {
    let differs = |a: &crate::quote::MonthQuote, b: &crate::quote::MonthQuote| {
        a.total != b.total
            || a.complete != b.complete
            || a.lines.len() != b.lines.len()
            || a.lines
                .iter()
                .zip(&b.lines)
                .any(|(x, y)| x.amount != y.amount || x.unit_price != y.unit_price)
    };
    let first = before
        .months
        .iter()
        .zip(&after.months)
        .find(|(a, b)| differs(a, b))
        .map(|(a, _)| a.month)?;
    Some(QuoteChange {
        total_before: before.total,
        total_after: after.total,
        complete_before: before.complete,
        complete_after: after.complete,
        first_month: first,
    })
}
