//! The command line against the public contract: golden outputs for every example, exit
//! codes, and nothing written on invalid input.
//!
//! Golden files live in tests/golden/; run `UPDATE_GOLDEN=1 cargo test --test cli` to rewrite
//! them after an intended change, and review the diff.

use std::path::{Path, PathBuf};

use plancast::cli::run_with;

const EXAMPLES: [&str; 3] = ["startup-intl", "catalogue-growth", "enterprise-cn"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
}

fn run(args: &[&str]) -> (i32, Vec<u8>, String) {
    run_with(args, today())
}

fn golden(name: &str, actual: &[u8]) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {} (UPDATE_GOLDEN=1 writes it)",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "{} differs from the golden file; if the change is intended, run UPDATE_GOLDEN=1 cargo test --test cli and review the diff.\n--- actual ---\n{}",
            path.display(),
            String::from_utf8_lossy(actual)
        );
    }
}

fn example(name: &str) -> String {
    root()
        .join("examples")
        .join(format!("{name}.json"))
        .display()
        .to_string()
}

#[test]
fn examples_quote_golden_json_table_csv() {
    for name in EXAMPLES {
        let file = example(name);
        for (format, ext) in [
            ("json", "quote.json"),
            ("table", "quote.txt"),
            ("csv", "quote.csv"),
        ] {
            let (code, out, err) = run(&["quote", &file, "--format", format]);
            assert_eq!(code, 0, "{name} {format}: {err}");
            golden(&format!("{name}.{ext}"), &out);
        }
        let (code, out, err) = run(&["compare", &file, "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        golden(&format!("{name}.compare.json"), &out);
        let (code, out, _) = run(&["compare", &file, "--format", "table"]);
        assert_eq!(code, 0);
        golden(&format!("{name}.compare.txt"), &out);
    }
}

#[test]
fn quote_json_has_exactly_the_contract_fields() {
    let (code, out, _) = run(&["quote", &example("startup-intl"), "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&v),
        ["complete", "currency", "months", "notes", "scenario", "total"]
    );
    let month = &v["months"][0];
    assert_eq!(keys(month), ["budgets", "lines", "month", "total"]);
    // The first line is TCR's: it also says whether its edition fits and what it lacks.
    assert_eq!(month["lines"][0]["product"], "tcr");
    assert_eq!(
        keys(&month["lines"][0]),
        [
            "amount",
            "converted",
            "currency",
            "feasible",
            "item",
            "notes",
            "plan",
            "price_missing",
            "product",
            "quantity",
            "rule",
            "shortfall",
            "source",
            "unit",
            "unit_price"
        ]
    );
    // Other products' lines carry notes but no fit.
    let other = month["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["product"] != "tcr")
        .expect("a TCSS or Image Search line");
    assert!(other["notes"].is_array());
    assert!(other.get("feasible").is_none() && other.get("shortfall").is_none());
    // Messages are {code, args, text} (revised 2026-12).
    for n in v["notes"].as_array().unwrap() {
        assert_eq!(keys(n), ["args", "code", "text"]);
        assert!(n["code"].as_str().unwrap().contains('.'));
    }
    assert_eq!(
        keys(&month["budgets"][0]),
        ["amount", "product", "spend", "status"]
    );
    // Decimals are strings holding exact values; budget amounts as the user wrote them.
    assert_eq!(month["budgets"][0]["amount"], "1800.00");
    assert!(month["lines"][0]["quantity"].is_string());
    // The month total is the exact sum of the converted lines (rule GEN-2).
    for m in v["months"].as_array().unwrap() {
        let sum: rust_decimal::Decimal = m["lines"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|l| l["converted"].as_str())
            .map(|s| s.parse::<rust_decimal::Decimal>().unwrap())
            .sum();
        assert_eq!(
            sum,
            m["total"]
                .as_str()
                .unwrap()
                .parse::<rust_decimal::Decimal>()
                .unwrap()
        );
    }
}

fn write_temp(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn invalid_input_exits_2_reports_every_problem_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("startup-intl")).unwrap();
    let bad = text
        .replace("\"months\": 12", "\"months\": 0")
        .replace("\"qps\": 1", "\"qps\": -3");
    let file = write_temp(dir.path(), "bad.json", &bad);
    let out = dir.path().join("out.csv");
    let (code, stdout, stderr) = run(&[
        "quote",
        &file,
        "--format",
        "csv",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(!out.exists(), "nothing is written on invalid input");
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with("months: must be a whole number from 1 to 120, got 0")),
        "{stderr}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with("image_search.qps: must be a whole number ≥ 0, got -3")),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["validate", &file]);
    assert_eq!(code, 2);
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
}

#[test]
fn dated_rule_violation_is_invalid_input() {
    // rule TCSS-PRO-5: a cap below the minimum in force is invalid input.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("enterprise-cn"))
        .unwrap()
        .replace("\"elastic_cap\": 5000", "\"elastic_cap\": 500");
    let file = write_temp(dir.path(), "cap.json", &text);
    let (code, _, stderr) = run(&["quote", &file]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("tcss.elastic_cap: must be at least 5000 cores/day"),
        "{stderr}"
    );
}

#[test]
fn newer_format_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("startup-intl"))
        .unwrap()
        .replace("\"plancast\": 1", "\"plancast\": 3");
    let file = write_temp(dir.path(), "new.json", &text);
    let (code, _, stderr) = run(&["validate", &file]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("format version 3, newer than this Plancast reads"),
        "{stderr}"
    );
}

#[test]
fn other_failures_exit_1() {
    let (code, _, stderr) = run(&["quote", "/nonexistent/plancast.json"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("cannot read"));
}

#[test]
fn validate_accepts_the_examples() {
    for name in EXAMPLES {
        let (code, out, err) = run(&["validate", &example(name)]);
        assert_eq!(code, 0, "{err}");
        assert!(String::from_utf8(out).unwrap().contains(": valid"));
    }
}

#[test]
fn chart_writes_svg_and_png_and_refuses_other_extensions() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["svg", "png"] {
        let out = dir.path().join(format!("spend.{ext}"));
        let (code, _, err) = run(&[
            "chart",
            &example("startup-intl"),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{err}");
        let bytes = std::fs::read(&out).unwrap();
        if ext == "png" {
            assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        } else {
            assert!(String::from_utf8(bytes).unwrap().contains("<svg"));
        }
    }
    let out = dir.path().join("spend.gif");
    let (code, _, _) = run(&[
        "chart",
        &example("startup-intl"),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(!out.exists());
}

#[test]
fn currency_override_needs_a_rate() {
    let (code, out, err) = run(&[
        "quote",
        &example("enterprise-cn"),
        "--currency",
        "USD",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["currency"], "USD");
    let (code, _, err) = run(&["quote", &example("catalogue-growth"), "--currency", "USD"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no exchange rate between CNY and USD"),
        "{err}"
    );
}

#[test]
fn prices_lists_entries_in_force_with_sources() {
    let (code, out, _) = run(&[
        "prices",
        "--product",
        "tcss",
        "--site",
        "tencent-intl",
        "--date",
        "2024-08-13",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let cap = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["item"] == "elastic_cap_min")
        .unwrap();
    assert_eq!(cap["amount"], "5000");
    assert_eq!(cap["source"], "P-TCSS-INTL");
    let (code, _, _) = run(&["prices", "--product", "nope"]);
    assert_eq!(code, 2);
}

#[test]
fn prices_golden_table_json_csv_with_quotas_and_regions() {
    // The `prices` row of the command table: entries with sources, and the TCR quota table
    // and regions in force, in every format (CSV was offered by --help but refused).
    for (args, name) in [
        (
            vec![
                "--product",
                "tcr",
                "--date",
                "2023-06-30",
                "--format",
                "table",
            ],
            "prices.tcr.2023-06-30.txt",
        ),
        (
            vec![
                "--product",
                "tcr",
                "--site",
                "tencent-cn",
                "--date",
                "2027-01-01",
                "--format",
                "table",
                "--lang",
                "zh-CN",
            ],
            "prices.tcr.tencent-cn.2027-01-01.zh-CN.txt",
        ),
        (
            vec!["--date", "2027-01-01", "--format", "json"],
            "prices.2027-01-01.json",
        ),
        (
            vec!["--date", "2027-01-01", "--format", "csv"],
            "prices.2027-01-01.csv",
        ),
        (
            vec![
                "--product",
                "tcss",
                "--date",
                "2027-01-01",
                "--format",
                "csv",
            ],
            "prices.tcss.2027-01-01.csv",
        ),
    ] {
        let mut full = vec!["prices"];
        full.extend(args);
        let (code, out, err) = run(&full);
        assert_eq!(code, 0, "{name}: {err}");
        golden(name, &out);
    }
    // Toronto is in force on the international site until 2023-06-29 only (rule TCR-B-3).
    let regions = |d: &str| {
        let (_, out, _) = run(&[
            "prices",
            "--product",
            "tcr",
            "--date",
            d,
            "--format",
            "json",
        ]);
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        v["regions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["region"].as_str().unwrap().to_string(),
                    r["priced_on"].clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    let toronto = |d: &str| regions(d).into_iter().find(|(r, _)| r == "na-toronto");
    assert_eq!(
        toronto("2023-06-29").map(|(_, s)| s),
        Some(serde_json::json!(["tencent-intl", "tencent-cn"]))
    );
    assert_eq!(
        toronto("2023-06-30").map(|(_, s)| s),
        Some(serde_json::json!(["tencent-cn"]))
    );
    // Image Search alone has no TCR tables.
    let (_, out, _) = run(&["prices", "--product", "image_search", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(v["quotas"].is_null() && v["regions"] == serde_json::json!([]));
}

#[test]
fn every_command_has_help_with_an_example() {
    for cmd in ["quote", "compare", "chart", "validate", "prices"] {
        let (code, out, _) = run(&[cmd, "--help"]);
        assert_eq!(code, 0);
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("Examples:") && text.contains(&format!("plancast {cmd}")),
            "{cmd}: {text}"
        );
    }
}

#[test]
fn pricing_crate_stays_pure() {
    // The pricing crate never depends on tauri, rusqlite or plotters (directly or not).
    let out = std::process::Command::new(env!("CARGO"))
        .args([
            "tree",
            "-p",
            "pricing",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--offline",
        ])
        .current_dir(root())
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8(out.stdout).unwrap();
    for forbidden in ["tauri", "rusqlite", "plotters"] {
        assert!(
            !tree.lines().any(|l| l.starts_with(&format!("{forbidden} "))
                || l.starts_with(&format!("{forbidden}-"))),
            "pricing depends on {forbidden}"
        );
    }
    assert!(
        tree.lines().any(|l| l.starts_with("rust_decimal ")),
        "the check sees the dependency tree"
    );
}

#[test]
fn lang_renders_texts_and_headings_in_chinese_with_the_same_codes() {
    let file = example("enterprise-cn");
    let (code, out, err) = run(&["quote", &file, "--format", "table", "--lang", "zh-CN"]);
    assert_eq!(code, 0, "{err}");
    golden("enterprise-cn.quote.zh-CN.txt", &out);
    let (code, out, _) = run(&["compare", &file, "--format", "table", "--lang", "zh-CN"]);
    assert_eq!(code, 0);
    golden("enterprise-cn.compare.zh-CN.txt", &out);
    let (code, out, _) = run(&["quote", &file, "--format", "csv", "--lang", "zh-CN"]);
    assert_eq!(code, 0);
    let csv = String::from_utf8(out).unwrap();
    assert!(
        csv.starts_with("\u{feff}月份,产品,项目,方案"),
        "{}",
        &csv[..80]
    );

    // JSON: the same codes, args, keys and figures; only `text` changes language.
    let json = |lang: &str| {
        let (code, out, _) = run(&["quote", &file, "--format", "json", "--lang", lang]);
        assert_eq!(code, 0);
        serde_json::from_slice::<serde_json::Value>(&out).unwrap()
    };
    let (en, zh) = (json("en"), json("zh-CN"));
    let strip = |mut v: serde_json::Value| {
        fn walk(v: &mut serde_json::Value) {
            match v {
                serde_json::Value::Object(map) => {
                    map.remove("text");
                    map.values_mut().for_each(walk);
                }
                serde_json::Value::Array(list) => list.iter_mut().for_each(walk),
                _ => {}
            }
        }
        walk(&mut v);
        v
    };
    assert_eq!(strip(en.clone()), strip(zh.clone()));
    let text = zh["notes"][0]["text"].as_str().unwrap();
    assert!(!text.is_ascii(), "{text}");
    assert_ne!(en["notes"][0]["text"], zh["notes"][0]["text"]);

    let (code, _, err) = run(&["quote", &file, "--lang", "fr"]);
    assert_eq!(code, 2);
    assert!(err.contains("--lang: must be en or zh-CN"), "{err}");
}

#[test]
fn out_files_are_replaced_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let names = || {
        let mut n: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    };
    let file = example("startup-intl");
    // A longer old file is replaced by the whole new report, not written over.
    let out = dir.path().join("quote.csv");
    std::fs::write(&out, "x".repeat(1_000_000)).unwrap();
    let (code, _, err) = run(&[
        "quote",
        &file,
        "--format",
        "csv",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("\u{feff}month,") && !written.contains("xxx"));
    // A write that fails (here the rename, onto a folder in the way) leaves what was there
    // and no temporary file.
    let blocked = dir.path().join("chart.svg");
    std::fs::create_dir(&blocked).unwrap();
    std::fs::write(blocked.join("keep"), "x").unwrap();
    let (code, _, err) = run(&["chart", &file, "--out", blocked.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("cannot write"), "{err}");
    assert_eq!(std::fs::read_to_string(blocked.join("keep")).unwrap(), "x");
    assert_eq!(names(), ["chart.svg", "quote.csv"]);
}

#[test]
fn a_deeply_nested_file_is_invalid_input_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("deep.json");
    std::fs::write(&file, "[".repeat(5_000)).unwrap();
    let (code, _, err) = run(&["validate", file.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("nested more than 32 deep"), "{err}");
}

/// The user price that made pricing panic (issue #9, "Money panics"): the largest decimal.
const HUGE: &str = "79228162514264337593543950335";

#[test]
fn amounts_beyond_the_bounds_are_invalid_input_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("startup-intl")).unwrap();
    let budget = text.replace(
        "\"amount\": \"1800.00\"",
        &format!("\"amount\": \"{HUGE}\""),
    );
    let price = text.replace(
        "\"budgets\": [",
        &format!("\"prices\": [{{\"product\": \"tcr\", \"site\": \"tencent-intl\", \"item\": \"cos_storage\", \"amount\": \"{HUGE}\", \"currency\": \"USD\"}}],\n  \"budgets\": ["),
    );
    for (name, bad, field) in [
        ("budget.json", budget, "budgets[0].amount"),
        ("price.json", price, "prices[0].amount"),
    ] {
        let file = write_temp(dir.path(), name, &bad);
        for command in ["quote", "compare", "validate"] {
            let (code, stdout, stderr) = run(&[command, &file]);
            assert_eq!(code, 2, "{command} {name}: {stderr}");
            assert!(stdout.is_empty());
            assert!(
                stderr.contains(&format!(
                    "{field}: must be an amount from 0 to 1000000000000 (10^12) with at most 10 decimals, got \"{HUGE}\""
                )),
                "{stderr}"
            );
        }
    }
}

/// Every figure within its bounds, and still more than a decimal holds once converted:
/// 10^12 GB at 10^12 USD a GB, reported in CNY at 10^6 to the dollar.
fn overflowing_in_bounds() -> String {
    std::fs::read_to_string(example("startup-intl"))
        .unwrap()
        .replace("\"currency\": \"USD\",\n  \"rates\"", "\"currency\": \"CNY\",\n  \"rates\"")
        .replace(
            "{ \"from\": \"CNY\", \"to\": \"USD\", \"rate\": \"0.1390\"",
            "{ \"from\": \"USD\", \"to\": \"CNY\", \"rate\": \"1000000\"",
        )
        .replace(
            "\"storage_gb\": { \"start\": \"250\", \"monthly_percent\": \"6\" }",
            "\"storage_gb\": \"1000000000000\"",
        )
        .replace(
            "\"budgets\": [",
            "\"prices\": [{\"product\": \"tcr\", \"site\": \"tencent-intl\", \"item\": \"cos_storage\", \"amount\": \"1000000000000\", \"currency\": \"USD\"}],\n  \"budgets\": [",
        )
}

#[test]
fn a_figure_too_large_to_compute_is_invalid_input_in_the_commands_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_temp(dir.path(), "big.json", &overflowing_in_bounds());
    let out = dir.path().join("out.json");
    let (code, stdout, stderr) = run(&["quote", &file, "--out", out.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty() && !out.exists());
    assert_eq!(
        stderr,
        format!("{file}: tcr.storage in 2027-01 is too large to compute: check the prices, amounts, rates and quantities it is made of")
    );
    let (code, _, stderr) = run(&["validate", &file, "--lang", "zh-CN"]);
    assert_eq!(code, 2);
    assert!(
        stderr.ends_with(
            "2027-01 的 tcr.storage 数值过大，无法计算：请检查构成它的价格、金额、汇率和用量"
        ),
        "{stderr}"
    );
    // The comparison is still made: the alternatives beyond a decimal say so.
    let (code, stdout, stderr) = run(&["compare", &file, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(String::from_utf8(stdout)
        .unwrap()
        .contains("\"quote.too_large\""));
}

#[test]
fn the_binary_exits_2_not_101_on_amounts_it_cannot_compute() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("startup-intl")).unwrap();
    let budget = text.replace(
        "\"amount\": \"1800.00\"",
        &format!("\"amount\": \"{HUGE}\""),
    );
    for (name, text) in [
        ("budget.json", budget),
        ("big.json", overflowing_in_bounds()),
    ] {
        let file = write_temp(dir.path(), name, &text);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_plancast"))
            .args(["quote", &file, "--format", "json", "--lang", "en"])
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn a_file_over_a_limit_is_invalid_input_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    // Over the size limit: refused after reading 1 MiB and one byte.
    let big = dir.path().join("big.json");
    std::fs::write(&big, " ".repeat(pricing::jsonread::MAX_FILE_BYTES + 1)).unwrap();
    let (code, _, err) = run(&["validate", big.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err,
        format!(
            "{}: the file is larger than 1,048,576 bytes (1 MiB), the most a scenario file may have",
            big.display()
        )
    );
    // A list over the item limit: its field path.
    let text = std::fs::read_to_string(example("startup-intl")).unwrap();
    let budgets = format!("[{}]", vec!["{}"; 1_001].join(","));
    let long = text.replacen(
        "\"budgets\": [",
        &format!("\"budgets\": {budgets}, \"x\": ["),
        1,
    );
    let file = write_temp(dir.path(), "long.json", &long);
    let (code, _, err) = run(&["quote", &file]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with(&format!(
            "{file}: budgets: too many items: a list may have at most 1,000 (line "
        )),
        "{err}"
    );
}

fn fixture(name: &str) -> String {
    root()
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn prices_import_round_trip_prices_shows_it_and_quote_uses_it() {
    // Issue section 4: a price-book update loaded from the command line is stored in the app's
    // database and used by every later command.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().display().to_string();
    let update = fixture("price-update-tcr-2027.json");
    let startup = example("startup-intl");
    let total = |extra: &[&str]| {
        let mut args = vec!["quote", startup.as_str(), "--format", "json"];
        args.extend(extra);
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        v["total"].as_str().unwrap().to_string()
    };
    let before = total(&["--data-dir", &data]);
    assert_eq!(before, total(&[]));

    // A dry run shows the update and stores nothing (not even a new database).
    let (code, out, err) = run(&[
        "prices",
        "import",
        &update,
        "--dry-run",
        "--data-dir",
        &data,
    ]);
    assert_eq!(code, 0, "{err}");
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("P-TCR-INTL-2027") && text.contains("Dry run"),
        "{text}"
    );
    assert!(!dir.path().join("plancast.sqlite3").exists());

    let (code, out, err) = run(&["prices", "import", &update, "--data-dir", &data]);
    assert_eq!(code, 0, "{err}");
    assert!(String::from_utf8(out).unwrap().contains("Stored in"));

    // `prices` shows the new entry, with its source.
    let (code, out, _) = run(&[
        "prices",
        "--product",
        "tcr",
        "--site",
        "tencent-intl",
        "--date",
        "2027-04-01",
        "--format",
        "json",
        "--data-dir",
        &data,
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let new = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == "P-TCR-INTL-2027")
        .expect("the update's entry is in force");
    assert_eq!(new["amount"], "0.4");
    assert!(new["source_title"].as_str().unwrap().contains("2027-04-01"));

    // `prices diff` lists the built-in entry ending and the update's starting.
    let (code, out, _) = run(&[
        "prices",
        "diff",
        "--from",
        "2027-03-31",
        "--to",
        "2027-04-01",
        "--format",
        "json",
        "--data-dir",
        &data,
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let changes: Vec<String> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {} {} {}",
                c["date"], c["change"], c["plan"], c["source"]
            )
        })
        .collect();
    assert!(
        changes.contains(&"\"2027-03-31\" \"ends\" \"standard\" \"P-TCR-INTL\"".to_string()),
        "{changes:?}"
    );
    assert!(
        changes.contains(&"\"2027-04-01\" \"starts\" \"standard\" \"P-TCR-INTL-2027\"".to_string()),
        "{changes:?}"
    );

    // The quote uses it: Standard in ap-singapore costs 0.40 an hour from April (the scenario
    // needs Standard from August).
    let (code, out, _) = run(&["quote", &startup, "--format", "json", "--data-dir", &data]);
    assert_eq!(code, 0);
    let q: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let august = q["months"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["month"] == "2027-08")
        .unwrap();
    let instance = august["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["item"] == "instance")
        .unwrap();
    assert_eq!(instance["unit_price"], "0.4");
    assert_eq!(instance["source"], "P-TCR-INTL-2027");
    assert_ne!(q["total"].as_str().unwrap(), before);
    // Without the database, the built-in book alone.
    assert_eq!(total(&[]), before);
}

#[test]
fn prices_import_refuses_an_invalid_update_with_paths_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().display().to_string();
    let file = fixture("price-update-invalid.json");
    let (code, out, err) = run(&["prices", "import", &file, "--data-dir", &data]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    for expected in [
        "sources.P-COS-INTL: this key is already a source",
        "entries[0].effective_from: 2027-02-01 is not a date the source P-NEW states",
        "entries[0].amount: must be an amount from 0",
        "entries[0].currency: prices on tencent-intl are in USD",
        "entries[0].regions[0]: ap-atlantis",
        "entries[1].source: names the source P-NOWHERE",
        "entries[2].item: the price book has no item \"pro_premium\"",
        "entries[4]: overlaps entries[3]",
        "entries[5].source: an update cannot use the source \"user\"",
    ] {
        assert!(
            err.lines().any(|l| l == format!("{file}: {expected}")
                || l.starts_with(&format!("{file}: {expected}"))),
            "missing {expected:?} in\n{err}"
        );
    }
    assert!(
        !dir.path().join("plancast.sqlite3").exists(),
        "nothing stored"
    );
    // In Chinese, the same paths.
    let (code, _, err) = run(&[
        "prices",
        "import",
        &file,
        "--data-dir",
        &data,
        "--lang",
        "zh-CN",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("entries[0].currency: tencent-intl 的价格以 USD 计"),
        "{err}"
    );
    // An existing database is left as it was.
    let (code, _, _) = run(&[
        "prices",
        "import",
        &fixture("price-update-tcr-2027.json"),
        "--data-dir",
        &data,
    ]);
    assert_eq!(code, 0);
    let (code, _, _) = run(&["prices", "import", &file, "--data-dir", &data]);
    assert_eq!(code, 2);
    let db = store::Store::open(&dir.path().join("plancast.sqlite3")).unwrap();
    assert_eq!(db.list_price_book_updates().unwrap().len(), 1);
}

#[test]
fn a_database_the_app_would_refuse_is_refused_untouched_by_the_command_line() {
    // A newer Plancast's database: every command that reads it fails (exit 1) and leaves it
    // byte for byte as it was; nothing is imported into it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plancast.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE scenarios (id INTEGER PRIMARY KEY); PRAGMA user_version = 99;",
        )
        .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let data = dir.path().display().to_string();
    let update = fixture("price-update-tcr-2027.json");
    for args in [
        vec!["prices", "--data-dir", &data],
        vec!["prices", "import", &update, "--data-dir", &data],
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains("cannot open the database"), "{err}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

fn bill(name: &str) -> String {
    root()
        .join("src-tauri/crates/bills/tests/data")
        .join(name)
        .display()
        .to_string()
}

/// A database in `dir` with the start-up example saved in it; its name.
fn database_with_startup(dir: &Path) -> String {
    let mut store = store::Store::open(&store::default_db_path(dir)).unwrap();
    let text = std::fs::read_to_string(example("startup-intl")).unwrap();
    let name = pricing::parse_scenario(&text).unwrap().name;
    store
        .create_scenario(&name, &text, chrono::Utc::now())
        .unwrap();
    name
}

fn listed(data: &str, scenario: &str) -> serde_json::Value {
    let (code, out, err) = run(&[
        "actuals",
        "list",
        "--scenario",
        scenario,
        "--data-dir",
        data,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn bud_4_actuals_import_previews_stores_and_a_second_import_changes_nothing() {
    // Issue: actual spend from bills, command line. A FOCUS bill with credits, in USD and CNY.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().display().to_string();
    let name = database_with_startup(dir.path());
    let focus = bill("focus-1.0-credits.csv");
    let import = |extra: &[&str]| {
        let mut args = vec![
            "actuals",
            "import",
            focus.as_str(),
            "--scenario",
            name.as_str(),
            "--data-dir",
            data.as_str(),
            "--format",
            "table",
        ];
        args.extend(extra);
        run(&args)
    };
    let (code, out, err) = import(&["--dry-run"]);
    assert_eq!(code, 0, "{err}");
    golden("actuals-import.focus.dry-run.txt", &out);
    assert_eq!(listed(&data, &name), serde_json::json!([]));
    let (code, out, err) = import(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(String::from_utf8_lossy(&out).contains("Stored 4 months and products"));
    let stored = listed(&data, &name);
    let rows: Vec<(String, String, String)> = stored
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["month"].as_str().unwrap().into(),
                a["product"].as_str().unwrap().into(),
                a["amount"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("2027-03".into(), "tcr".into(), "208.32".into()),
            ("2027-03".into(), "tcss".into(), "760.00".into()),
            // (6800 − 3000) CNY at the scenario's rate, 0.1390.
            ("2027-03".into(), "image_search".into(), "528.200000".into()),
            ("2027-04".into(), "tcr".into(), "201.60".into()),
        ]
    );
    assert_eq!(stored[0]["bill"], "focus-1.0-credits.csv");
    // The same bill again: every month unchanged, nothing written.
    let (code, out, err) = import(&[]);
    assert_eq!(code, 0, "{err}");
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("Stored 0 months and products"), "{text}");
    assert_eq!(listed(&data, &name), stored);
}

#[test]
fn bud_4_a_bill_with_unreadable_rows_is_refused_whole_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().display().to_string();
    let name = database_with_startup(dir.path());
    let bad = bill("malformed.csv");
    let args = |extra: &'static [&'static str]| {
        let mut v = vec![
            "actuals".to_string(),
            "import".into(),
            bad.clone(),
            "--scenario".into(),
            name.clone(),
            "--data-dir".into(),
            data.clone(),
            "--format".into(),
            "table".into(),
        ];
        v.extend(extra.iter().map(|s| s.to_string()));
        v
    };
    let refused = args(&[]);
    let (code, _, err) = run(&refused.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 2);
    assert!(err.contains("6 rows could not be read"), "{err}");
    assert!(err.contains("the amount \"abc\" is not a number"), "{err}");
    assert_eq!(listed(&data, &name), serde_json::json!([]));
    let skipping = args(&["--skip-unreadable"]);
    let (code, _, err) = run(&skipping.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{err}");
    assert_eq!(listed(&data, &name).as_array().unwrap().len(), 2);
}

#[test]
fn bud_4_any_csv_through_a_mapping_that_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().display().to_string();
    let name = database_with_startup(dir.path());
    let mapped = bill("mapped.csv");
    let base = [
        "actuals",
        "import",
        mapped.as_str(),
        "--scenario",
        name.as_str(),
        "--data-dir",
        data.as_str(),
    ];
    let (code, _, err) = run(&base);
    assert_eq!(code, 2);
    assert!(
        err.contains("columns: Invoice date | Line item | Net amount"),
        "{err}"
    );
    let mut with_map = base.to_vec();
    with_map.extend([
        "--map",
        "month=Invoice date",
        "--map",
        "product=Line item",
        "--map",
        "amount=Net amount",
        "--map",
        "currency-code=CNY",
    ]);
    let (code, _, err) = run(&with_map);
    assert_eq!(code, 0, "{err}");
    // Remembered for the header shape: the next bill of that kind needs no --map.
    let (code, out, err) = run(&base);
    assert_eq!(code, 0, "{err}");
    assert!(String::from_utf8_lossy(&out).contains("\"layout\": \"mapped\""));
    let (code, _, err) = run(&[
        "actuals",
        "import",
        mapped.as_str(),
        "--scenario",
        "No such plan",
        "--data-dir",
        &data,
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no scenario named \"No such plan\""), "{err}");
}
