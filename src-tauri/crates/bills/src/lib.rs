//! Bill import: reads FOCUS exports, the bill-detail CSV exports of Tencent Cloud and Alibaba
//! Cloud, or any CSV through a column mapping, and totals the spend on Plancast's products
//! per month, exactly (rule BUD-4: actual spend). Nothing here writes anything: the caller
//! shows [`BillSummary`] as a preview and stores its totals only when the user confirms.
//!
//! - Encodings: UTF-8 with or without a byte-order mark, and GBK/GB18030 (what Chinese Excel
//!   saves), told apart by the first 64 KiB.
//! - Separators: comma or tab, told apart by the header line.
//! - Streaming: rows are read one at a time into month × product totals, so a bill of any
//!   size up to [`MAX_BYTES`] uses memory in proportion to its months and services only.
//! - Every row is accounted for: matched (to TCR, TCSS or Image Search), unmatched (listed
//!   by service with its amounts) or unreadable (with its line number and the reason).

pub mod columns;
pub mod plan;
pub mod values;

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Read};

use pricing::{Currency, Message, Product, YearMonth};
use rust_decimal::Decimal;
use serde::Serialize;

pub use columns::{header_shape, Layout, Mapping};

/// The largest bill read: 512 MiB. A bill of the providers' monthly detail for a team is far
/// smaller; a larger file is refused before anything is totalled.
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// At most this many unreadable rows are listed one by one; the rest are counted.
pub const MAX_LISTED_PROBLEMS: usize = 100;

/// At most this many unmatched services are listed; the rest are counted together.
pub const MAX_LISTED_SERVICES: usize = 200;

/// A bill that cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum BillError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than {} MiB", MAX_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("not a bill Plancast recognises: choose its month, product and amount columns")]
    NeedsMapping { headers: Vec<String> },
    #[error("the mapping names the column \"{column}\", which the file does not have")]
    MappedColumnMissing {
        column: String,
        headers: Vec<String>,
    },
    #[error("the mapping needs a currency column or a currency")]
    MappingCurrency,
    #[error("line {line}: {message}")]
    Csv { line: u64, message: String },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl BillError {
    /// The error as a message of the catalogue (`messages.bills.*`).
    pub fn message(&self) -> Message {
        match self {
            BillError::Empty => Message::new("bills.empty"),
            BillError::TooLarge => {
                Message::new("bills.too_large").text("mib", MAX_BYTES / 1024 / 1024)
            }
            BillError::NeedsMapping { .. } => Message::new("bills.needs_mapping"),
            BillError::MappedColumnMissing { column, .. } => {
                Message::new("bills.mapped_column_missing").text("column", column)
            }
            BillError::MappingCurrency => Message::new("bills.mapping_currency"),
            BillError::Csv { line, message } => Message::new("bills.csv")
                .text("line", line)
                .text("detail", message),
            BillError::Io(e) => Message::new("bills.io").text("detail", e.to_string()),
        }
    }
}

/// A row that could not be read, with its line in the file (the header is line 1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowProblem {
    pub line: u64,
    pub message: Message,
}

/// The spend of one product in one month, in one currency, from the bill's rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthTotal {
    pub month: YearMonth,
    pub product: Product,
    pub currency: Currency,
    /// The sum of the rows, credits included, exactly.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// The part of `amount` from refunds and credits (rows below zero).
    #[serde(with = "rust_decimal::serde::str")]
    pub credits: Decimal,
    pub rows: u64,
}

/// Rows of one service that match none of Plancast's products.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnmatchedService {
    /// The service as the bill names it.
    pub service: String,
    pub rows: u64,
    /// Its amounts by currency.
    pub amounts: Vec<(Currency, Decimal)>,
}

/// What a bill holds, before anything is stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BillSummary {
    pub layout: Layout,
    /// `UTF-8` or `GB18030`.
    pub encoding: &'static str,
    /// `,` or `\t`.
    pub delimiter: char,
    pub headers: Vec<String>,
    /// The name the header's shape is remembered under, for a column mapping.
    pub header_shape: String,
    /// Data rows read (the header not counted; empty lines skipped).
    pub rows: u64,
    pub matched: u64,
    pub unmatched: u64,
    pub unreadable: u64,
    /// The first [`MAX_LISTED_PROBLEMS`] unreadable rows.
    pub problems: Vec<RowProblem>,
    /// Per month, product and currency, in that order.
    pub totals: Vec<MonthTotal>,
    /// By service, the most rows first; at most [`MAX_LISTED_SERVICES`].
    pub unmatched_services: Vec<UnmatchedService>,
    /// The bill has no currency column; its amounts are read in this currency (a
    /// Chinese-headed provider bill is in CNY).
    pub assumed_currency: Option<Currency>,
}

/// How to read a bill.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The user's columns, for a CSV Plancast does not recognise.
    pub mapping: Option<Mapping>,
}

/// Counts the bytes read and refuses more than [`MAX_BYTES`]; reports progress each MiB.
struct Counted<'p, R> {
    inner: R,
    read: u64,
    reported: u64,
    max_bytes: u64,
    progress: &'p mut dyn FnMut(u64),
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.max_bytes {
            return Err(std::io::Error::other(TooLargeMarker));
        }
        if self.read - self.reported >= 1 << 20 || n == 0 {
            self.reported = self.read;
            (self.progress)(self.read);
        }
        Ok(n)
    }
}

#[derive(Debug)]
struct TooLargeMarker;

impl std::fmt::Display for TooLargeMarker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("too large")
    }
}

impl std::error::Error for TooLargeMarker {}

fn io_error(e: std::io::Error) -> BillError {
    if e.get_ref()
        .is_some_and(|inner| inner.is::<TooLargeMarker>())
    {
        BillError::TooLarge
    } else {
        BillError::Io(e)
    }
}

fn csv_error(e: csv::Error) -> BillError {
    let line = e.position().map_or(0, csv::Position::line);
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io_error(io),
        other => BillError::Csv {
            line,
            message: format!("{other:?}"),
        },
    }
}

/// Reads a bill from `source` and totals it; `progress` is told the bytes read so far.
pub fn read_bill<R: Read>(
    source: R,
    options: &Options,
    progress: &mut dyn FnMut(u64),
) -> Result<BillSummary, BillError> {
    read_bill_within(source, options, progress, MAX_BYTES)
}

/// [`read_bill`] refusing more than `max_bytes`.
fn read_bill_within<R: Read>(
    source: R,
    options: &Options,
    progress: &mut dyn FnMut(u64),
    max_bytes: u64,
) -> Result<BillSummary, BillError> {
    let mut counted = BufReader::with_capacity(
        1 << 16,
        Counted {
            inner: source,
            read: 0,
            reported: 0,
            max_bytes,
            progress,
        },
    );
    // Sniff the encoding and the separator from the start of the file.
    let head = counted.fill_buf().map_err(io_error)?.to_vec();
    if head.is_empty() {
        return Err(BillError::Empty);
    }
    let utf8 = looks_utf8(&head);
    let delimiter = sniff_delimiter(&head);
    if utf8 {
        // A UTF-8 byte-order mark is not part of the first header.
        if head.starts_with(b"\xEF\xBB\xBF") {
            counted.consume(3);
        }
        totals(counted, "UTF-8", delimiter, options)
    } else {
        let decoded = encoding_rs_io::DecodeReaderBytesBuilder::new()
            .encoding(Some(encoding_rs::GB18030))
            .build(counted);
        totals(decoded, "GB18030", delimiter, options)
    }
}

/// True when the bytes are UTF-8, allowing a character cut at the end of the sample.
fn looks_utf8(head: &[u8]) -> bool {
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && head.len() - e.valid_up_to() < 4,
    }
}

/// Tab when the first line has more tabs than commas, else comma.
fn sniff_delimiter(head: &[u8]) -> u8 {
    let line = head.split(|b| *b == b'\n').next().unwrap_or(head);
    let count = |c: u8| line.iter().filter(|b| **b == c).count();
    if count(b'\t') > count(b',') {
        b'\t'
    } else {
        b','
    }
}

#[derive(Default)]
struct Sums {
    amount: Decimal,
    credits: Decimal,
    rows: u64,
}

fn totals<R: Read>(
    source: R,
    encoding: &'static str,
    delimiter: u8,
    options: &Options,
) -> Result<BillSummary, BillError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .buffer_capacity(1 << 16)
        .from_reader(source);
    let mut record = csv::ByteRecord::new();
    if !reader.read_byte_record(&mut record).map_err(csv_error)? {
        return Err(BillError::Empty);
    }
    let headers: Vec<String> = record
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_owned())
        .collect();
    let columns = columns::detect(&headers, options.mapping.as_ref()).map_err(|m| match m {
        columns::Missing::Layout => BillError::NeedsMapping {
            headers: headers.clone(),
        },
        columns::Missing::Column(column) => BillError::MappedColumnMissing {
            column,
            headers: headers.clone(),
        },
        columns::Missing::Currency => BillError::MappingCurrency,
    })?;
    let mut summary = BillSummary {
        layout: columns.layout,
        encoding,
        delimiter: char::from(delimiter),
        header_shape: header_shape(&headers),
        headers,
        rows: 0,
        matched: 0,
        unmatched: 0,
        unreadable: 0,
        problems: Vec::new(),
        totals: Vec::new(),
        unmatched_services: Vec::new(),
        // A provider bill without a currency column is read in CNY by assumption; a mapping's
        // currency is the user's own choice, not an assumption.
        assumed_currency: columns
            .fixed_currency
            .filter(|_| columns.currency.is_none() && columns.layout != Layout::Mapped),
    };
    let mut sums: BTreeMap<(YearMonth, Product, Currency), Sums> = BTreeMap::new();
    let mut unmatched: BTreeMap<String, (u64, BTreeMap<Currency, Decimal>)> = BTreeMap::new();
    // A row's product is looked up once per text of its product columns (service, SKU,
    // provider): bills repeat a few of them many times.
    let mut known: HashMap<Vec<u8>, Option<Product>> = HashMap::new();
    let mut key: Vec<u8> = Vec::new();

    while reader.read_byte_record(&mut record).map_err(csv_error)? {
        let line = record.position().map_or(0, csv::Position::line);
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        summary.rows += 1;
        let field = |i: usize| record.get(i).map(std::str::from_utf8);
        let problem = |summary: &mut BillSummary, message: Message| {
            summary.unreadable += 1;
            if summary.problems.len() < MAX_LISTED_PROBLEMS {
                summary.problems.push(RowProblem { line, message });
            }
        };
        // Every field read must be text in the file's encoding.
        let Some(Ok(amount_text)) = field(columns.amount) else {
            problem(
                &mut summary,
                missing_or_not_text(field(columns.amount).is_some(), "amount"),
            );
            continue;
        };
        let Some(amount) = values::amount(amount_text) else {
            problem(
                &mut summary,
                Message::new("bills.row_amount").text("got", clip(amount_text)),
            );
            continue;
        };
        let month = columns
            .month
            .iter()
            .filter_map(|&i| field(i).and_then(Result::ok))
            .find(|t| !t.trim().is_empty());
        let Some(month_text) = month else {
            problem(&mut summary, Message::new("bills.row_no_month"));
            continue;
        };
        let Some(month) = values::month(month_text) else {
            problem(
                &mut summary,
                Message::new("bills.row_month").text("got", clip(month_text)),
            );
            continue;
        };
        let currency = match columns.currency {
            Some(i) => match field(i) {
                Some(Ok(t)) => {
                    let code = t.trim().to_ascii_uppercase();
                    match code.as_str() {
                        "USD" => Currency::Usd,
                        "CNY" | "RMB" | "CNH" => Currency::Cny,
                        "" if columns.fixed_currency.is_some() => {
                            columns.fixed_currency.unwrap_or(Currency::Usd)
                        }
                        _ => {
                            problem(
                                &mut summary,
                                Message::new("bills.row_currency").text("got", clip(t)),
                            );
                            continue;
                        }
                    }
                }
                other => {
                    problem(
                        &mut summary,
                        missing_or_not_text(other.is_some(), "currency"),
                    );
                    continue;
                }
            },
            None => columns.fixed_currency.unwrap_or(Currency::Usd),
        };
        key.clear();
        for &i in &columns.product {
            let text = record.get(i).unwrap_or_default();
            // Each text after its length, so no two rows' columns make the same key.
            key.extend_from_slice(&text.len().to_le_bytes());
            key.extend_from_slice(text);
        }
        let product = match known.get(key.as_slice()) {
            Some(p) => *p,
            None => {
                let mut texts: Vec<&str> = Vec::with_capacity(columns.product.len());
                for &i in &columns.product {
                    if let Some(Ok(t)) = field(i) {
                        texts.push(t);
                    }
                }
                let p = values::product(&texts, columns.layout.cloud());
                if known.len() < 1024 {
                    known.insert(key.clone(), p);
                }
                p
            }
        };
        match product {
            Some(p) => {
                let s = sums.entry((month, p, currency)).or_default();
                let Some(sum) = s.amount.checked_add(amount) else {
                    problem(&mut summary, Message::new("bills.row_too_large"));
                    continue;
                };
                s.amount = sum;
                if amount.is_sign_negative() && !amount.is_zero() {
                    s.credits = s.credits.checked_add(amount).unwrap_or(s.credits);
                }
                s.rows += 1;
                summary.matched += 1;
            }
            None => {
                let service = match field(columns.label) {
                    Some(Ok(t)) if !t.trim().is_empty() => t.trim().to_owned(),
                    _ => String::new(),
                };
                let entry = unmatched.entry(service).or_default();
                entry.0 += 1;
                let a = entry.1.entry(currency).or_default();
                *a = a.checked_add(amount).unwrap_or(*a);
                summary.unmatched += 1;
            }
        }
    }
    summary.totals = sums
        .into_iter()
        .map(|((month, product, currency), s)| MonthTotal {
            month,
            product,
            currency,
            amount: s.amount,
            credits: s.credits,
            rows: s.rows,
        })
        .collect();
    let mut services: Vec<UnmatchedService> = unmatched
        .into_iter()
        .map(|(service, (rows, amounts))| UnmatchedService {
            service,
            rows,
            amounts: amounts.into_iter().collect(),
        })
        .collect();
    services.sort_by(|a, b| b.rows.cmp(&a.rows).then_with(|| a.service.cmp(&b.service)));
    services.truncate(MAX_LISTED_SERVICES);
    summary.unmatched_services = services;
    Ok(summary)
}

fn missing_or_not_text(present: bool, what: &'static str) -> Message {
    if present {
        Message::new("bills.row_not_text").text("column", what)
    } else {
        Message::new("bills.row_missing").text("column", what)
    }
}

/// A value as a message quotes it: at most 40 characters.
fn clip(text: &str) -> String {
    let t = text.trim();
    match t.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &t[..i]),
        None => t.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bill_beyond_the_size_limit_is_refused_whole() {
        // The limit is checked while streaming, so a bill larger than it is refused even when
        // its size is not known in advance (a pipe); nothing is totalled.
        let mut bill = b"BillingPeriodStart,BilledCost,BillingCurrency,ServiceName\n".to_vec();
        for _ in 0..20_000 {
            bill.extend_from_slice(b"2027-03-01,1.00,USD,Tencent Container Registry\n");
        }
        let limit = bill.len() as u64 - 1;
        let refused = read_bill_within(&bill[..], &Options::default(), &mut |_| {}, limit);
        assert!(matches!(refused, Err(BillError::TooLarge)), "{refused:?}");
        let read =
            read_bill_within(&bill[..], &Options::default(), &mut |_| {}, limit + 1).unwrap();
        assert_eq!(read.matched, 20_000);
        assert_eq!(
            BillError::TooLarge.message().render(pricing::Lang::En),
            "the file is larger than 512 MiB: split the bill by month and import each part"
        );
    }
}
