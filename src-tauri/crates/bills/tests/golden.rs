//! Golden files: each bill in `tests/data/` read into its summary, written as JSON next to it
//! (`NAME.summary.json`). `UPDATE_GOLDEN=1 cargo test -p bills --test golden` rewrites them;
//! review the diff before committing.

use std::path::{Path, PathBuf};

use bills::{read_bill, BillError, Mapping, Options};
use pricing::{Currency, Lang, Message};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn check(name: &str, actual: &str) {
    let path = data(&format!("{name}.summary.json"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {} (UPDATE_GOLDEN=1 writes it)", path.display()));
    assert_eq!(
        actual, expected,
        "{name} differs from its golden file; if intended, run UPDATE_GOLDEN=1 and review the diff"
    );
}

/// The summary as JSON, with every message also rendered in English and Chinese.
fn summary_json(name: &str, options: &Options) -> String {
    let file = std::fs::File::open(data(name)).unwrap();
    let mut progress = Vec::new();
    let summary = read_bill(file, options, &mut |n| progress.push(n)).unwrap();
    // Progress ends at the whole file.
    let size = std::fs::metadata(data(name)).unwrap().len();
    assert_eq!(progress.last(), Some(&size), "{name}");
    let mut value = serde_json::to_value(&summary).unwrap();
    let rendered: Vec<serde_json::Value> = summary
        .problems
        .iter()
        .map(|p| {
            serde_json::json!({
                "line": p.line,
                "en": p.message.render(Lang::En),
                "zh-CN": p.message.render(Lang::ZhCn),
            })
        })
        .collect();
    value["problems_rendered"] = serde_json::Value::Array(rendered);
    serde_json::to_string_pretty(&value).unwrap() + "\n"
}

#[test]
fn focus_1_0_with_credits() {
    check(
        "focus-1.0-credits.csv",
        &summary_json("focus-1.0-credits.csv", &Options::default()),
    );
}

#[test]
fn focus_1_2() {
    check(
        "focus-1.2.csv",
        &summary_json("focus-1.2.csv", &Options::default()),
    );
}

#[test]
fn tencent_chinese_headers_utf8_with_bom() {
    check(
        "tencent-zh.csv",
        &summary_json("tencent-zh.csv", &Options::default()),
    );
}

#[test]
fn tencent_chinese_headers_gbk_reads_as_the_utf8_file_does() {
    let gbk = summary_json("tencent-gbk.csv", &Options::default());
    check("tencent-gbk.csv", &gbk);
    let utf8 = summary_json("tencent-zh.csv", &Options::default());
    // The same bill in two encodings: the same totals, rows and services.
    let strip = |s: &str| -> serde_json::Value {
        let mut v: serde_json::Value = serde_json::from_str(s).unwrap();
        v.as_object_mut().unwrap().remove("encoding");
        v
    };
    assert_eq!(strip(&gbk), strip(&utf8));
    assert!(gbk.contains("\"encoding\": \"GB18030\""));
}

#[test]
fn tencent_english_headers_tab_separated() {
    check(
        "tencent-en.tsv",
        &summary_json("tencent-en.tsv", &Options::default()),
    );
}

#[test]
fn aliyun_chinese_headers() {
    check(
        "aliyun-zh.csv",
        &summary_json("aliyun-zh.csv", &Options::default()),
    );
}

#[test]
fn any_csv_through_a_mapping() {
    let file = std::fs::File::open(data("mapped.csv")).unwrap();
    let needs = read_bill(file, &Options::default(), &mut |_| {}).unwrap_err();
    match &needs {
        BillError::NeedsMapping { headers } => {
            assert_eq!(headers, &["Invoice date", "Line item", "Net amount"]);
        }
        other => panic!("{other:?}"),
    }
    let options = Options {
        mapping: Some(Mapping {
            month: "Invoice date".into(),
            product: "Line item".into(),
            amount: "Net amount".into(),
            currency_column: None,
            currency: Some(Currency::Cny),
        }),
    };
    check("mapped.csv", &summary_json("mapped.csv", &options));
}

#[test]
fn a_malformed_bill_names_each_bad_row() {
    check(
        "malformed.csv",
        &summary_json("malformed.csv", &Options::default()),
    );
}

#[test]
fn whole_file_errors_are_messages_in_both_languages() {
    let empty = read_bill(&b""[..], &Options::default(), &mut |_| {}).unwrap_err();
    assert_eq!(empty.message().render(Lang::En), "the file is empty");
    let header_only =
        read_bill(&b"\xEF\xBB\xBF"[..], &Options::default(), &mut |_| {}).unwrap_err();
    assert!(matches!(header_only, BillError::Empty), "{header_only:?}");
    let unknown = read_bill(&b"a,b\n1,2\n"[..], &Options::default(), &mut |_| {}).unwrap_err();
    let m: Message = unknown.message();
    assert!(m.render(Lang::ZhCn).contains("请选择月份"));
    // An unterminated quote is not a reason to stop: csv reads to the end of the file.
    let quoted = read_bill(
        &b"BillingPeriodStart,BilledCost,BillingCurrency,ServiceName\n2027-03-01,\"1.00,USD,TCR\n"
            [..],
        &Options::default(),
        &mut |_| {},
    );
    assert!(quoted.is_ok());
}
