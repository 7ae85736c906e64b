//! CSV reports of real quotes: golden files, round trips and formula-injection checks.
//!
//! Golden files: each scenario in `tests/fixtures/*.json` is quoted with the built-in price
//! book and its CSVs are compared byte for byte with `tests/golden/`. When a change to the
//! report (or to the prices) is intended, rewrite them with
//!
//! ```text
//! UPDATE_GOLDEN=1 cargo test -p report
//! ```
//!
//! and review the diff of `tests/golden/` like any other change.

use std::path::PathBuf;
use std::str::FromStr;

use pricing::money::cents_text;
use pricing::{Comparison, Quote};
use report::{comparison_csv, quote_csv, side_by_side_csv, CsvOptions, ReportError};
use rust_decimal::Decimal;

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> String {
    let path = crate_dir()
        .join("tests/fixtures")
        .join(format!("{name}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn scenario(text: &str) -> pricing::Scenario {
    pricing::parse_scenario(text).unwrap_or_else(|e| panic!("scenario: {e:?}"))
}

fn quote_of(text: &str) -> Quote {
    pricing::quote(&scenario(text), pricing::PriceBook::builtin()).expect("quote")
}

fn compare_of(text: &str) -> Comparison {
    pricing::compare(&scenario(text), pricing::PriceBook::builtin()).expect("comparison")
}

/// Compares `actual` with the golden file, or rewrites it under `UPDATE_GOLDEN=1`.
fn golden(name: &str, actual: &[u8]) {
    let path = crate_dir().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run UPDATE_GOLDEN=1 cargo test -p report)",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "{} differs; if the change is intended, run UPDATE_GOLDEN=1 cargo test -p report\n--- expected\n{}\n--- actual\n{}",
            path.display(),
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(actual)
        );
    }
}

fn opts() -> CsvOptions {
    CsvOptions::default()
}

/// Reads a CSV back: every row as strings (the two sections of a quote report included).
fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    reader
        .records()
        .map(|r| r.expect("csv record").iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn golden_quote_reports() {
    for name in ["registry_security", "image_search_cny", "incomplete"] {
        let q = quote_of(&fixture(name));
        golden(
            &format!("{name}.quote.csv"),
            &quote_csv(&q, &opts()).expect("csv"),
        );
    }
}

#[test]
fn golden_comparison_reports() {
    for name in ["registry_security", "image_search_cny"] {
        let c = compare_of(&fixture(name));
        golden(
            &format!("{name}.comparison.csv"),
            &comparison_csv(&c, &opts()).expect("csv"),
        );
    }
}

#[test]
fn golden_side_by_side_report() {
    let a = quote_of(&fixture("registry_security"));
    let b = quote_of(&fixture("incomplete"));
    golden(
        "side_by_side.csv",
        &side_by_side_csv(&[&a, &b], &opts()).expect("csv"),
    );
}

#[test]
fn line_amounts_add_up_to_the_month_total_row() {
    // rule GEN-2: a rounded total is the rounded exact sum of the lines, not the sum of the
    // rounded cells. Each line cell is checked against its exact amount, and the total row
    // against the rounded exact sum.
    for name in ["registry_security", "image_search_cny", "incomplete"] {
        let q = quote_of(&fixture(name));
        let csv = quote_csv(&q, &opts()).expect("csv");
        let rows = rows(&csv);
        assert_eq!(rows[0][0], "month");
        let converted = rows[0]
            .iter()
            .position(|h| h == "converted")
            .expect("column");
        let mut r = 1;
        let mut grand = Decimal::ZERO;
        for m in &q.months {
            let mut exact = Decimal::ZERO;
            let mut rounded_cells = Decimal::ZERO;
            for line in &m.lines {
                let row = &rows[r];
                assert_eq!(row[0], m.month.to_string());
                assert_eq!(
                    row[converted],
                    line.converted.map(cents_text).unwrap_or_default()
                );
                if let Some(c) = line.converted {
                    exact += c;
                    rounded_cells += Decimal::from_str(&row[converted]).expect("number");
                }
                r += 1;
            }
            let total = &rows[r];
            assert_eq!(
                (total[0].as_str(), total[1].as_str()),
                (m.month.to_string().as_str(), "total")
            );
            assert_eq!(total[converted], cents_text(exact), "{name} {}", m.month);
            // The rounded cells may differ from the total by at most half a cent a line.
            let drift =
                (Decimal::from_str(&total[converted]).expect("number") - rounded_cells).abs();
            assert!(
                drift <= Decimal::new(5, 3) * Decimal::from(m.lines.len()) + Decimal::new(5, 3)
            );
            grand += exact;
            r += 1;
        }
        assert_eq!(rows[r][1], "grand total");
        assert_eq!(rows[r][converted], cents_text(grand));
        assert_eq!(rows[r][converted], cents_text(q.total));
    }
}

#[test]
fn quote_report_has_a_budget_section_and_statuses() {
    let q = quote_of(&fixture("registry_security"));
    let rows = rows(&quote_csv(&q, &opts()).expect("csv"));
    let start = rows
        .iter()
        .position(|r| r[0] == "month" && r[1] == "budget")
        .expect("budget header");
    // Two budgets × three months.
    assert_eq!(rows.len() - start - 1, 6);
    let security_january = &rows[start + 2];
    assert_eq!(security_january[1], "security");
    assert_eq!(
        security_january[3], "",
        "not in force before its start month"
    );
    let incomplete = rows_of("incomplete");
    assert!(incomplete
        .iter()
        .any(|r| r.get(13).is_some_and(|s| s == "custom quote")));
    assert!(incomplete
        .iter()
        .any(|r| r.get(13).is_some_and(|s| s == "incomplete")));
}

fn rows_of(name: &str) -> Vec<Vec<String>> {
    rows(&quote_csv(&quote_of(&fixture(name)), &opts()).expect("csv"))
}

#[test]
fn bom_is_optional() {
    let q = quote_of(&fixture("image_search_cny"));
    let with = quote_csv(&q, &CsvOptions::default()).expect("csv");
    let without = quote_csv(
        &q,
        &CsvOptions {
            bom: false,
            ..CsvOptions::default()
        },
    )
    .expect("csv");
    assert!(with.starts_with(BOM));
    assert!(without.starts_with(b"month,"));
    assert_eq!(&with[3..], &without[..]);
    // Chinese text is plain UTF-8.
    assert!(String::from_utf8(without)
        .expect("utf-8")
        .contains("图像搜索预算"));
}

#[test]
fn formula_like_names_are_neutralised_and_negative_numbers_are_not() {
    let base = fixture("image_search_cny");
    let mut quotes = Vec::new();
    for name in ["=HYPERLINK(\\\"http://x\\\")", "+1", "@x", "-cmd"] {
        let text = base.replace(
            "\"name\": \"图像搜索 2027\"",
            &format!("\"name\": \"{name}\""),
        );
        quotes.push(quote_of(&text));
    }
    // The second scenario is cheaper, so its difference to the first is negative.
    let cheaper = base.replace("\"monthly_add\": 1500000", "\"monthly_add\": 0");
    let mut cheap = quote_of(&cheaper);
    cheap.scenario = "-cmd".into();
    let csv =
        side_by_side_csv(&[&quotes[0], &cheap, &quotes[1], &quotes[2]], &opts()).expect("csv");
    let rows = rows(&csv);
    assert_eq!(
        rows[0],
        [
            "month",
            "currency",
            "'=HYPERLINK(\"http://x\")",
            "'-cmd",
            "'-cmd vs =HYPERLINK(\"http://x\")",
            "'+1",
            "'+1 vs =HYPERLINK(\"http://x\")",
            "'@x",
            "'@x vs =HYPERLINK(\"http://x\")",
            "note",
        ]
    );
    let total = rows.last().expect("total row");
    assert_eq!(total[0], "total");
    let diff = Decimal::from_str(&total[4]).expect("a plain number");
    assert!(diff < Decimal::ZERO, "{total:?}");
    assert!(total[4].starts_with('-') && !total[4].starts_with("'"));
    assert_eq!(total[4], cents_text(cheap.total - quotes[0].total));

    // Budget names are text too.
    let named = base.replace("\"name\": \"图像搜索预算\"", "\"name\": \"@SUM(A1:A9)\"");
    let rows = rows_of_text(&named);
    assert!(rows.iter().any(|r| r[1] == "'@SUM(A1:A9)"));
    // A negative variance in the budget section stays a number.
    assert!(rows
        .iter()
        .any(|r| r.len() == 14 && r[8].starts_with('-') && Decimal::from_str(&r[8]).is_ok()));
}

fn rows_of_text(text: &str) -> Vec<Vec<String>> {
    rows(&quote_csv(&quote_of(text), &opts()).expect("csv"))
}

#[test]
fn comparison_saving_can_be_negative_and_stays_a_number() {
    let c = compare_of(&fixture("registry_security"));
    let rows = rows(&comparison_csv(&c, &opts()).expect("csv"));
    assert_eq!(rows[0][9], "saving");
    let negative: Vec<&Vec<String>> = rows.iter().filter(|r| r[9].starts_with('-')).collect();
    assert!(
        !negative.is_empty(),
        "some alternative costs more than the current choice"
    );
    for r in negative {
        assert!(Decimal::from_str(&r[9]).is_ok(), "{r:?}");
    }
    assert!(
        rows.iter().any(|r| r[7] == "yes"),
        "one alternative is recommended"
    );
}

#[test]
fn side_by_side_aligns_calendar_months() {
    let a = quote_of(&fixture("registry_security")); // 2027-01 … 2027-03
    let b = quote_of(&fixture("incomplete")); // 2027-11 … 2028-01
    let rows = rows(&side_by_side_csv(&[&a, &b], &opts()).expect("csv"));
    let months: Vec<&str> = rows[1..rows.len() - 1]
        .iter()
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(
        months,
        ["2027-01", "2027-02", "2027-03", "2027-11", "2027-12", "2028-01"]
    );
    assert_eq!(rows[1][3], "", "the second scenario has no 2027-01");
    assert_eq!(rows[1][4], "", "so no difference either");
    assert_eq!(rows[4][2], "", "the first has no 2027-11");
}

#[test]
fn side_by_side_refuses_bad_input() {
    let a = quote_of(&fixture("registry_security"));
    let cny = quote_of(&fixture("image_search_cny"));
    assert!(matches!(
        side_by_side_csv(&[&a], &opts()),
        Err(ReportError::ScenarioCount(1))
    ));
    assert!(matches!(
        side_by_side_csv(&[&a, &a, &a, &a, &a], &opts()),
        Err(ReportError::ScenarioCount(5))
    ));
    assert!(matches!(
        side_by_side_csv(&[&a, &cny], &opts()),
        Err(ReportError::CurrencyMismatch { .. })
    ));
}
