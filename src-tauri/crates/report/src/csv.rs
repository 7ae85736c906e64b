//! CSV reports of a quote, a comparison and scenarios side by side.
//!
//! Written for a FinOps person who opens the file in Excel:
//!
//! - UTF-8 with a byte-order mark by default, so Excel shows Chinese text correctly
//!   ([`CsvOptions::bom`]); CRLF line ends (RFC 4180).
//! - Money columns (`amount`, `converted`, `total`, `saving`, differences) are rounded to cents,
//!   half away from zero, and a total is the rounded *exact* sum, never the sum of rounded
//!   cells (rule GEN-2). Quantities and unit prices are written exactly, never rounded.
//!   No value passes through a float.
//!
//! ## Formula injection
//!
//! Every cell is one of two kinds, and the kind is decided by the code that writes it, never by
//! looking at the text:
//!
//! - **text** (names, plans, notes, reasons…): when it begins with `=`, `+`, `-`, `@`, a tab or
//!   a carriage return, it is prefixed with a single quote `'` so a spreadsheet shows it as text
//!   instead of evaluating it (the OWASP "CSV injection" advice). A plan note "-5 cores" is
//!   therefore written `'-5 cores`: a small cost for text that can never become a formula.
//! - **number**: written from a `Decimal` by `pricing::money::cents_text` or `exact_text`.
//!   Such text is only digits, one `.`, and for a negative value a leading `-`; a spreadsheet
//!   reads it as a number, so it is left alone and a negative saving stays `-12.50`.

use pricing::budget::Status;
use pricing::compare::Comparison;
use pricing::money::{cents_text, exact_text};
use pricing::{Lang, Line, Message, Quote, YearMonth};
use rust_decimal::Decimal;

use crate::ReportError;

/// How CSV files are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// Start the file with a UTF-8 byte-order mark (default), which Excel needs to read the
    /// file as UTF-8. Turn it off for tools that treat the mark as part of the first header.
    pub bom: bool,
    /// The language of headings, notes and reasons. Keys (product, item, plan, rule, status)
    /// never change with it, so a script can read either.
    pub lang: Lang,
}

impl Default for CsvOptions {
    fn default() -> Self {
        Self {
            bom: true,
            lang: Lang::En,
        }
    }
}

/// A header row in `lang`: each column's heading from the catalogue (`report.csv.<key>`).
fn header(keys: &[&str], lang: Lang) -> Vec<String> {
    keys.iter()
        .map(|k| lang.text(&format!("report.csv.{k}")).to_string())
        .collect()
}

/// A line's notes and its entry's, in `lang`.
fn line_note(line: &Line, lang: Lang) -> String {
    let entry = line.entry_message();
    let mut note = String::new();
    for m in line.note.iter().chain(&entry) {
        if !note.is_empty() {
            note.push_str(lang.text("messages.list_separator"));
        }
        m.render_into(lang, &mut note);
    }
    note
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The characters that make a spreadsheet read a cell as a formula (or that some spreadsheets
/// strip before doing so).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell, neutralised against formula injection (see the module doc).
fn text(value: &str) -> String {
    if value.starts_with(FORMULA_STARTS) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

/// [`text`] of a cell already written, without copying it again.
fn text_owned(value: String) -> String {
    if value.starts_with(FORMULA_STARTS) {
        format!("'{value}")
    } else {
        value
    }
}

/// A money cell: rounded to cents (rule GEN-2). Numbers are never neutralised.
fn money(value: Decimal) -> String {
    cents_text(value)
}

fn money_opt(value: Option<Decimal>) -> String {
    value.map(money).unwrap_or_default()
}

/// A quantity or unit price: exact, never rounded (rule GEN-2).
fn exact_opt(value: Option<Decimal>) -> String {
    value.map(exact_text).unwrap_or_default()
}

fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.to_string()
}

fn writer() -> ::csv::Writer<Vec<u8>> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

fn finish(w: ::csv::Writer<Vec<u8>>) -> Result<Vec<u8>, ReportError> {
    w.into_inner()
        .map_err(|e| ReportError::Csv(e.into_error().into()))
}

fn with_bom(sections: Vec<Vec<u8>>, opts: &CsvOptions) -> Vec<u8> {
    let mut out = Vec::new();
    if opts.bom {
        out.extend_from_slice(BOM);
    }
    for (k, section) in sections.into_iter().enumerate() {
        if k > 0 {
            // A blank line between sections; CSV readers (and Excel) skip it.
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(&section);
    }
    out
}

/// The status of a line as a person reads it.
fn line_status(line: &Line) -> &'static str {
    if line.infeasible {
        "infeasible"
    } else if line.custom_quote {
        "custom quote"
    } else if line.price_missing || line.amount.is_none() {
        "price missing"
    } else {
        "ok"
    }
}

fn budget_status(status: Option<Status>) -> String {
    status.map(|s| s.key().to_string()).unwrap_or_default()
}

/// The header of the line section of [`quote_csv`].
pub const QUOTE_HEADER: [&str; 15] = [
    "month",
    "product",
    "item",
    "plan",
    "quantity",
    "unit",
    "unit_price",
    "amount",
    "currency",
    "converted",
    "report_currency",
    "rule",
    "source",
    "status",
    "note",
];

/// The header of the budget section of [`quote_csv`].
pub const BUDGET_HEADER: [&str; 14] = [
    "month",
    "budget",
    "product",
    "budget_amount",
    "budget_currency",
    "budget_converted",
    "report_currency",
    "spend",
    "variance",
    "utilisation",
    "status",
    "cumulative_spend",
    "cumulative_budget",
    "cumulative_status",
];

/// A month-by-month report of a quote.
///
/// **Section 1, lines** ([`QUOTE_HEADER`]): one row per month and line; `amount` is in the
/// line's `currency`, `converted` in the report currency. After each month a row with product
/// `total` carries the month's total in the `converted` column (the rounded exact sum of the
/// month's known lines) and `ok` or `incomplete` as its status. The section ends with a row
/// with product `grand total`.
///
/// **Section 2, budgets** ([`BUDGET_HEADER`]), after a blank line, only when the scenario has
/// budgets: one row per month and budget. Budget amounts are in the budget's currency, with
/// `budget_converted` in the report currency; spend, variance and cumulative amounts are in
/// the budget's currency (rules BUD-2, BUD-3). Months where a budget is not in force have empty
/// budget cells. `utilisation` is spend ÷ budget as a ratio (1 = 100 %) to 6 decimals: it is
/// neither money nor a quantity, and a division can have 28 digits.
pub fn quote_csv(quote: &Quote, opts: &CsvOptions) -> Result<Vec<u8>, ReportError> {
    let report_currency = quote.currency.code();
    let lang = opts.lang;
    let mut w = writer();
    w.write_record(header(&QUOTE_HEADER, lang))?;
    for m in &quote.months {
        let month = m.month.to_string();
        for l in &m.lines {
            w.write_record([
                month.clone(),
                text(l.product.key()),
                text(l.item.key()),
                text(l.plan.as_deref().unwrap_or_default()),
                exact_text(l.quantity),
                text(&l.unit),
                exact_opt(l.unit_price),
                money_opt(l.amount),
                l.currency.code().to_string(),
                money_opt(l.converted),
                report_currency.to_string(),
                text(&l.rule),
                text(l.source.as_deref().unwrap_or_default()),
                line_status(l).to_string(),
                text_owned(line_note(l, lang)),
            ])?;
        }
        let (status, note) = if m.complete {
            ("ok", "")
        } else {
            ("incomplete", lang.text("report.csv_note.month_incomplete"))
        };
        w.write_record(total_row(
            &month,
            lang.text("report.csv.total_row"),
            m.total,
            report_currency,
            status,
            note,
        ))?;
    }
    let (status, note) = if quote.complete {
        ("ok", "")
    } else {
        ("incomplete", lang.text("report.csv_note.quote_incomplete"))
    };
    w.write_record(total_row(
        "",
        lang.text("report.csv.grand_total_row"),
        quote.total,
        report_currency,
        status,
        note,
    ))?;
    let lines = finish(w)?;

    let mut sections = vec![lines];
    if !quote.budgets.is_empty() {
        sections.push(budget_section(quote, lang)?);
    }
    Ok(with_bom(sections, opts))
}

fn total_row(
    month: &str,
    label: &str,
    total: Decimal,
    report_currency: &str,
    status: &str,
    note: &str,
) -> [String; 15] {
    [
        month.to_string(),
        label.to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        money(total),
        report_currency.to_string(),
        String::new(),
        String::new(),
        status.to_string(),
        text(note),
    ]
}

fn budget_section(quote: &Quote, lang: Lang) -> Result<Vec<u8>, ReportError> {
    let mut w = writer();
    w.write_record(header(&BUDGET_HEADER, lang))?;
    for m in &quote.months {
        // `MonthQuote::budgets` holds one entry per budget, in the scenario's order, the same
        // order as `Quote::budgets`.
        for (k, b) in m.budgets.iter().enumerate() {
            let name = quote
                .budgets
                .get(k)
                .and_then(|s| s.budget.name.clone())
                .unwrap_or_else(|| {
                    lang.format("report.csv_note.budget_n", &[("n", &(k + 1).to_string())])
                });
            w.write_record([
                m.month.to_string(),
                text(&name),
                b.product.map(|p| p.key()).unwrap_or("all").to_string(),
                money_opt(b.amount),
                b.currency.code().to_string(),
                money_opt(b.amount_converted),
                quote.currency.code().to_string(),
                money(b.spend),
                money_opt(b.variance),
                exact_opt(b.utilisation.map(|u| u.round_dp(6))),
                budget_status(b.status),
                money(b.cumulative_spend),
                money(b.cumulative_budget),
                budget_status(b.cumulative_status),
            ])?;
        }
    }
    finish(w)
}

/// The header of [`comparison_csv`].
pub const COMPARISON_HEADER: [&str; 11] = [
    "product",
    "plan",
    "label",
    "total",
    "currency",
    "feasible",
    "complete",
    "recommended",
    "current",
    "saving",
    "reasons",
];

/// One row per alternative of every product, in the comparison's order (cheapest first).
/// `total` and `saving` are rounded to cents and empty when unknown; `saving` is what choosing
/// the row instead of the current choice saves (negative: costs more). Booleans are `yes`/`no`.
pub fn comparison_csv(cmp: &Comparison, opts: &CsvOptions) -> Result<Vec<u8>, ReportError> {
    let lang = opts.lang;
    let mut w = writer();
    w.write_record(header(&COMPARISON_HEADER, lang))?;
    for p in &cmp.products {
        for a in &p.alternatives {
            w.write_record([
                a.product.key().to_string(),
                text(&a.plan),
                text(&a.label.render(lang)),
                money_opt(a.total),
                a.currency.code().to_string(),
                yes_no(a.feasible),
                yes_no(a.complete),
                yes_no(a.recommended),
                yes_no(a.current),
                money_opt(a.saving),
                text(&Message::render_list(&a.reasons, lang)),
            ])?;
        }
    }
    Ok(with_bom(vec![finish(w)?], opts))
}

/// Checks that 2–4 quotes share one report currency; returns that currency.
pub(crate) fn check_comparable<'a>(
    currencies: impl ExactSizeIterator<Item = &'a Quote>,
) -> Result<pricing::Currency, ReportError> {
    let n = currencies.len();
    if !(2..=4).contains(&n) {
        return Err(ReportError::ScenarioCount(n));
    }
    let mut first = None;
    for q in currencies {
        match first {
            None => first = Some(q.currency),
            Some(f) if f != q.currency => {
                return Err(ReportError::CurrencyMismatch {
                    first: f,
                    other: q.currency,
                })
            }
            Some(_) => {}
        }
    }
    first.ok_or(ReportError::ScenarioCount(0))
}

/// Every calendar month any of the quotes has, in order.
pub(crate) fn calendar_months<'a>(quotes: impl Iterator<Item = &'a Quote>) -> Vec<YearMonth> {
    let mut months: Vec<YearMonth> = quotes
        .flat_map(|q| q.months.iter().map(|m| m.month))
        .collect();
    months.sort();
    months.dedup();
    months
}

pub(crate) fn month_total(quote: &Quote, month: YearMonth) -> Option<Decimal> {
    quote
        .months
        .iter()
        .find(|m| m.month == month)
        .map(|m| m.total)
}

/// 2–4 scenarios month by month, aligned by calendar month.
///
/// Columns: `month`, `currency`, then for the first scenario its monthly total, and for each
/// other scenario its monthly total followed by its difference to the first (`this − first`,
/// negative when it is cheaper), and last a `note` naming the scenarios whose total leaves out
/// lines without a price. A cell is empty where a scenario has no such month (and so is the
/// difference). The last row, `total`, has each scenario's total over all its months.
///
/// All scenarios must report in one currency ([`ReportError::CurrencyMismatch`] otherwise): a
/// difference across currencies would mean nothing.
pub fn side_by_side_csv(quotes: &[&Quote], opts: &CsvOptions) -> Result<Vec<u8>, ReportError> {
    let currency = check_comparable(quotes.iter().copied())?;
    let lang = opts.lang;
    let first = quotes[0];
    let mut columns = header(&["month", "currency"], lang);
    columns.push(text(&first.scenario));
    for q in &quotes[1..] {
        columns.push(text(&q.scenario));
        let versus = lang.format(
            "report.csv_note.versus",
            &[("this", &q.scenario), ("first", &first.scenario)],
        );
        columns.push(text(&versus));
    }
    columns.extend(header(&["note"], lang));
    let mut w = writer();
    w.write_record(&columns)?;
    for month in calendar_months(quotes.iter().copied()) {
        let base = month_total(first, month);
        let mut row = vec![
            month.to_string(),
            currency.code().to_string(),
            money_opt(base),
        ];
        for q in &quotes[1..] {
            let this = month_total(q, month);
            row.push(money_opt(this));
            row.push(money_opt(this.zip(base).map(|(t, b)| t - b)));
        }
        let incomplete = quotes
            .iter()
            .filter(|q| q.months.iter().any(|m| m.month == month && !m.complete));
        row.push(incomplete_note(incomplete, lang));
        w.write_record(&row)?;
    }
    let mut row = vec![
        lang.text("report.csv.total_row").to_string(),
        currency.code().to_string(),
        money(first.total),
    ];
    for q in &quotes[1..] {
        row.push(money(q.total));
        row.push(money(q.total - first.total));
    }
    row.push(incomplete_note(quotes.iter().filter(|q| !q.complete), lang));
    w.write_record(&row)?;
    Ok(with_bom(vec![finish(w)?], opts))
}

/// "incomplete: A; B" for the scenarios given, or nothing.
fn incomplete_note<'a>(quotes: impl Iterator<Item = &'a &'a Quote>, lang: Lang) -> String {
    let names: Vec<&str> = quotes.map(|q| q.scenario.as_str()).collect();
    if names.is_empty() {
        String::new()
    } else {
        let list = names.join(lang.text("messages.list_separator"));
        text(&lang.format("report.csv_note.incomplete_scenarios", &[("names", &list)]))
    }
}

/// The price book on a date, as `plancast prices --format csv` writes it: the entries in force
/// with their sources, then (when shown) the TCR quota table in force and the TCR regions with
/// an instance price, each section with its own header row, a blank line between them.
pub fn prices_csv(
    view: &pricing::book::PricesView<'_>,
    opts: &CsvOptions,
) -> Result<Vec<u8>, ReportError> {
    let lang = opts.lang;
    let mut sections = Vec::new();
    let mut w = writer();
    w.write_record(header(
        &[
            "product",
            "site",
            "item",
            "plan",
            "regions",
            "amount",
            "currency",
            "unit",
            "effective_from",
            "effective_to",
            "rule",
            "source",
            "source_title",
            "note",
        ],
        lang,
    ))?;
    for e in &view.entries {
        w.write_record([
            text(e.product.key()),
            text(e.site.key()),
            text(e.item.key()),
            text(e.plan.as_deref().unwrap_or("")),
            text_owned(e.regions.join(" ")),
            exact_text(e.amount),
            e.currency.map(|c| c.code().to_string()).unwrap_or_default(),
            text(&e.unit),
            e.effective_from.to_string(),
            e.effective_to.map(|d| d.to_string()).unwrap_or_default(),
            text(&e.rule),
            text(&e.source),
            text_owned(
                view.book
                    .sources()
                    .get(&e.source)
                    .map(|s| s.title.clone())
                    .unwrap_or_default(),
            ),
            text_owned(e.note_message().map(|m| m.render(lang)).unwrap_or_default()),
        ])?;
    }
    sections.push(finish(w)?);
    if view.show_tcr {
        if let Some(q) = view.quotas {
            let mut w = writer();
            w.write_record(header(
                &[
                    "quota_version",
                    "quota",
                    "personal",
                    "basic",
                    "standard",
                    "premium",
                    "raisable_by_ticket",
                ],
                lang,
            ))?;
            for row in pricing::book::quota_rows(q) {
                let mut record = vec![text(&q.version), text(row.key)];
                record.extend(row.values.iter().map(|v| text_owned(v.text(lang))));
                let raisable: Vec<&str> = pricing::Edition::ALL
                    .iter()
                    .zip(&row.raisable)
                    .filter(|(_, r)| **r)
                    .map(|(e, _)| e.key())
                    .collect();
                record.push(text_owned(raisable.join(" ")));
                w.write_record(record)?;
            }
            sections.push(finish(w)?);
        }
        let mut w = writer();
        // Site columns are headed by their keys, which do not change with the language.
        let mut head = header(&["region", "name", "group", "availability"], lang);
        head.extend(view.region_sites.iter().map(|s| s.key().to_string()));
        w.write_record(head)?;
        for r in &view.regions {
            let mut record = vec![
                text(&r.region.region),
                text(match lang {
                    Lang::ZhCn => &r.region.name_zh,
                    Lang::En => &r.region.name,
                }),
                text(&r.region.group),
                text(r.region.availability.as_deref().unwrap_or("")),
            ];
            record.extend(
                view.region_sites
                    .iter()
                    .map(|s| yes_no(r.priced_on.contains(s))),
            );
            w.write_record(record)?;
        }
        sections.push(finish(w)?);
    }
    Ok(with_bom(sections, opts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cells_that_look_like_formulas_are_neutralised() {
        assert_eq!(
            text("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(text("+1"), "'+1");
        assert_eq!(text("@x"), "'@x");
        assert_eq!(text("-cmd"), "'-cmd");
        assert_eq!(text("\tx"), "'\tx");
        assert_eq!(text("\rx"), "'\rx");
        assert_eq!(text("腾讯云"), "腾讯云");
        assert_eq!(text("a=b"), "a=b");
        assert_eq!(text(""), "");
    }

    #[test]
    fn prices_csv_neutralises_text_that_looks_like_a_formula() {
        use pricing::book::{PriceEntry, USER_SOURCE};
        use pricing::{PriceBook, Product, Site};
        let date = pricing::YearMonth::new(2027, 1)
            .map(|m| m.first_day())
            .unwrap_or_default();
        let mine = PriceEntry {
            product: Product::Tcss,
            site: Site::TencentIntl,
            item: pricing::PriceItem::ProPrepaid,
            plan: Some("-plan".into()),
            regions: vec![],
            unit: "@unit".into(),
            amount: Decimal::from(5),
            currency: Some(pricing::Currency::Usd),
            effective_from: date,
            effective_to: None,
            source: USER_SOURCE.into(),
            rule: "+rule".into(),
            note: Some("=HYPERLINK(\"http://x\")".into()),
        };
        let Ok(book) = PriceBook::builtin().with_user_entries(vec![mine]) else {
            panic!("a user entry is accepted");
        };
        let view = book.view(date, Some(Product::Tcss), Some(Site::TencentIntl));
        let opts = CsvOptions {
            bom: false,
            lang: Lang::En,
        };
        let Ok(bytes) = prices_csv(&view, &opts) else {
            panic!("the CSV is written");
        };
        let csv = String::from_utf8(bytes).unwrap_or_default();
        let row = csv.lines().nth(1).unwrap_or_default();
        assert_eq!(
            row,
            "tcss,tencent-intl,pro_prepaid,'-plan,,5,USD,'@unit,2027-01-01,,'+rule,user,Entered by the user,\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        // No TCR tables for TCSS alone.
        assert_eq!(csv.split("\r\n\r\n").count(), 1);
    }

    #[test]
    fn numbers_stay_numbers() {
        use std::str::FromStr;
        let d = |s: &str| Decimal::from_str(s).unwrap_or_default();
        assert_eq!(money(d("-12.5")), "-12.50");
        assert_eq!(money(d("0.005")), "0.01");
        assert_eq!(money(d("-0.005")), "-0.01");
        assert_eq!(exact_opt(Some(d("0.0060"))), "0.006");
        assert_eq!(exact_opt(None), "");
    }
}
