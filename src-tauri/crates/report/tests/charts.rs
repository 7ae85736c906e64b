//! Charts of real quotes. Every chart drawn here is also written to /tmp/report-charts/ so a
//! person can look at it (PNG directly; SVG through `rsvg-convert` or `convert`).

use std::path::PathBuf;

use rust_decimal::Decimal;

use pricing::Quote;
use report::chart::ActualPoint;
use report::{
    overlay_chart_svg, spend_chart_png, spend_chart_svg, ChartLabels, ChartOptions, ReportError,
    Theme,
};

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{name}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn quote_of(text: &str) -> Quote {
    let s = pricing::parse_scenario(text).unwrap_or_else(|e| panic!("scenario: {e:?}"));
    pricing::quote(&s, pricing::PriceBook::builtin()).expect("quote")
}

/// Ten years of all three products with a whole budget and a product budget.
fn long_quote() -> Quote {
    quote_of(
        r#"{
      "plancast": 1, "name": "Ten years", "start": "2027-01", "months": 120, "currency": "USD",
      "rates": [{ "from": "CNY", "to": "USD", "rate": "0.1390", "date": "2026-11-01" }],
      "budgets": [{ "amount": "2500", "currency": "USD" },
                  { "amount": "1000", "currency": "USD", "product": "tcss", "start": "2029-01", "end": "2032-12" }],
      "tcr": { "site": "tencent-intl", "region": "ap-guangzhou", "edition": "auto", "billing": "payg",
               "needs": { "namespaces": 60, "image_repos": 800, "helm_repos": 0, "vpc_links": 2,
                          "log_retention_days": 7, "cross_region_sync": false, "webhooks": [] },
               "storage_gb": { "start": "500", "monthly_percent": "2" }, "egress_gb": "100" },
      "tcss": { "site": "tencent-intl", "billing": "auto", "cores": 120 },
      "image_search": { "site": "aliyun-cn", "images": { "start": 100000, "monthly_add": 40000 }, "qps": 5, "trial": false }
    }"#,
    )
}

fn out_dir() -> PathBuf {
    let dir = std::env::temp_dir().join("report-charts");
    std::fs::create_dir_all(&dir).expect("chart output folder");
    dir
}

fn opts(theme: Theme, labels: ChartLabels) -> ChartOptions {
    ChartOptions {
        width: 960,
        height: 540,
        theme,
        labels,
        actuals: Vec::new(),
    }
}

/// The PNG signature and the IHDR width and height.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

#[test]
fn spend_chart_svg_has_legend_months_and_total() {
    let q = quote_of(&fixture("registry_security"));
    let svg = spend_chart_svg(&q, &opts(Theme::Light, ChartLabels::english())).expect("svg");
    std::fs::write(out_dir().join("spend-light.svg"), &svg).expect("write");
    for text in [
        "Tencent TCR",
        "Tencent TCSS",
        "Budget (Tencent TCSS): security",
        "\nBudget\n",
        "2027-01",
        "2027-02",
        "2027-03",
        "Spend (USD)",
        "Total: 3,406.90 USD",
        "Month",
        "font-family=\"sans-serif\"",
    ] {
        assert!(svg.contains(text), "{text} missing");
    }
    // No Image Search in this scenario, so no legend entry for it.
    assert!(!svg.contains("Alibaba Image Search"));
    assert!(svg.contains("fill=\"#FFFFFF\""), "light background");
}

#[test]
fn dark_theme_draws_on_a_dark_background() {
    let q = quote_of(&fixture("registry_security"));
    let svg = spend_chart_svg(&q, &opts(Theme::Dark, ChartLabels::chinese())).expect("svg");
    std::fs::write(out_dir().join("spend-dark-zh.svg"), &svg).expect("write");
    assert!(svg.contains("fill=\"#1C1E24\""), "dark background");
    assert!(svg.contains("腾讯云 TCR") && svg.contains("支出 (USD)") && svg.contains("合计"));
    let png = spend_chart_png(&q, &opts(Theme::Dark, ChartLabels::chinese())).expect("png");
    std::fs::write(out_dir().join("spend-dark-zh.png"), &png).expect("write");
    assert_eq!(png_size(&png), (960, 540));
}

#[test]
fn png_has_the_requested_size_in_both_themes() {
    let q = quote_of(&fixture("image_search_cny"));
    for (theme, name) in [(Theme::Light, "light"), (Theme::Dark, "dark")] {
        let o = ChartOptions {
            width: 800,
            height: 450,
            theme,
            labels: ChartLabels::english(),
            actuals: Vec::new(),
        };
        let png = spend_chart_png(&q, &o).expect("png");
        std::fs::write(out_dir().join(format!("image-search-{name}.png")), &png).expect("write");
        assert_eq!(png_size(&png), (800, 450));
    }
    // Months with a missing price get a hatched band labelled in words and a legend entry,
    // in Chinese too (rule GEN-5).
    let incomplete = quote_of(&fixture("incomplete"));
    let o = opts(Theme::Light, ChartLabels::chinese());
    let png = spend_chart_png(&incomplete, &o).expect("png");
    std::fs::write(out_dir().join("incomplete-zh.png"), &png).expect("write");
    let svg = spend_chart_svg(&incomplete, &o).expect("svg");
    assert!(svg.contains("不完整：缺少价格") && svg.contains("\n无价格\n"));
}

/// Actual spend for the first two months of a quote: the first covers every product, the
/// second only some (rule BUD-4).
fn some_actuals(q: &Quote) -> Vec<ActualPoint> {
    q.months
        .iter()
        .take(2)
        .enumerate()
        .map(|(i, m)| ActualPoint {
            month: m.month,
            amount: m.total * Decimal::new(11, 1),
            partial: i == 1,
        })
        .collect()
}

#[test]
fn actual_spend_is_drawn_beside_the_projection_only_when_there_is_some() {
    // rule BUD-4: the actual series and its legend entries appear with actuals, not without.
    let q = quote_of(&fixture("registry_security"));
    let plain = spend_chart_svg(&q, &opts(Theme::Light, ChartLabels::english())).expect("svg");
    assert!(!plain.contains("Actual spend"));
    assert!(
        !plain.contains("#783CBE"),
        "no actual colour without actuals"
    );
    for (theme, labels, name, colour) in [
        (Theme::Light, ChartLabels::english(), "light-en", "#783CBE"),
        (Theme::Dark, ChartLabels::chinese(), "dark-zh", "#C4A0FF"),
    ] {
        let o = ChartOptions {
            actuals: some_actuals(&q),
            ..opts(theme, labels)
        };
        let svg = spend_chart_svg(&q, &o).expect("svg");
        std::fs::write(out_dir().join(format!("actuals-{name}.svg")), &svg).expect("write");
        assert!(svg.contains(colour), "{name}: the actual series is drawn");
        let (full, partial) = (&o.labels.actual, &o.labels.actual_partial);
        assert!(svg.contains(&format!("\n{full}\n")), "{name}: {full}");
        assert!(svg.contains(&format!("\n{partial}\n")), "{name}: {partial}");
        let png = spend_chart_png(&q, &o).expect("png");
        std::fs::write(out_dir().join(format!("actuals-{name}.png")), &png).expect("write");
        assert_eq!(png_size(&png), (960, 540));
    }
    // Every month recorded in full: no "some products" entry.
    let full: Vec<ActualPoint> = some_actuals(&q)
        .into_iter()
        .map(|a| ActualPoint {
            partial: false,
            ..a
        })
        .collect();
    let o = ChartOptions {
        actuals: full,
        ..opts(Theme::Light, ChartLabels::english())
    };
    let svg = spend_chart_svg(&q, &o).expect("svg");
    assert!(svg.contains("\nActual spend\n") && !svg.contains("some products"));
}

#[test]
fn each_budget_has_a_warning_line_and_months_without_a_price_are_named() {
    // rule BUD-2: a budget's warning level (amount × warn_at) is drawn and in the legend.
    let q = quote_of(&fixture("registry_security"));
    let svg = spend_chart_svg(&q, &opts(Theme::Light, ChartLabels::english())).expect("svg");
    assert!(svg.contains("\nWarning level (80 %)\n"), "warning legend");
    assert!(!svg.contains("no price"), "every month has its prices");
    // rule GEN-5: a month without a price is labelled in words, not only with a `?`.
    let incomplete = quote_of(&fixture("incomplete"));
    let svg =
        spend_chart_svg(&incomplete, &opts(Theme::Light, ChartLabels::english())).expect("svg");
    std::fs::write(out_dir().join("incomplete-en.svg"), &svg).expect("write");
    assert!(svg.contains("\nno price\n") && svg.contains("incomplete: prices missing"));
    let png =
        spend_chart_png(&incomplete, &opts(Theme::Dark, ChartLabels::english())).expect("png");
    std::fs::write(out_dir().join("incomplete-dark.png"), &png).expect("write");
    // No budget: no warning line.
    assert!(!svg.contains("Warning level"));
}

#[test]
fn a_120_month_chart_renders_with_thinned_labels() {
    let q = long_quote();
    let o = opts(Theme::Light, ChartLabels::english());
    let svg = spend_chart_svg(&q, &o).expect("svg");
    std::fs::write(out_dir().join("long-light.svg"), &svg).expect("write");
    let png = spend_chart_png(&q, &o).expect("png");
    std::fs::write(out_dir().join("long-light.png"), &png).expect("write");
    assert_eq!(png_size(&png), (960, 540));
    assert!(svg.contains("2027-01") && svg.contains("2036-01"));
    assert!(!svg.contains("\n2027-02\n"), "labels are thinned");
    let dark = spend_chart_png(&q, &opts(Theme::Dark, ChartLabels::english())).expect("png");
    std::fs::write(out_dir().join("long-dark.png"), &dark).expect("write");
}

#[test]
fn overlay_chart_names_every_scenario_and_escapes_them() {
    let a = quote_of(&fixture("registry_security"));
    let b = quote_of(&fixture("incomplete"));
    let c = long_quote();
    let quotes = [
        ("Registry + security", &a),
        ("<script>alert(1)</script>", &b),
        ("Ten years & more", &c),
    ];
    for (theme, name) in [(Theme::Light, "light"), (Theme::Dark, "dark")] {
        let svg = overlay_chart_svg(&quotes, &opts(theme, ChartLabels::english())).expect("svg");
        std::fs::write(out_dir().join(format!("overlay-{name}.svg")), &svg).expect("write");
        assert!(svg.contains("Registry + security"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!svg.contains("<script"), "no markup from a name");
        assert!(svg.contains("Ten years &amp; more"));
    }
}

#[test]
fn spend_chart_escapes_budget_names() {
    let text = fixture("image_search_cny").replace("图像搜索预算", "<img src=x onerror=alert(1)>");
    let svg = spend_chart_svg(&quote_of(&text), &ChartOptions::default()).expect("svg");
    assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!svg.contains("<img"));
}

#[test]
fn bad_requests_are_errors_not_panics() {
    let a = quote_of(&fixture("registry_security"));
    let cny = quote_of(&fixture("image_search_cny"));
    let tiny = ChartOptions {
        width: 10,
        ..ChartOptions::default()
    };
    assert!(matches!(
        spend_chart_svg(&a, &tiny),
        Err(ReportError::ChartSize { .. })
    ));
    assert!(matches!(
        spend_chart_png(&a, &tiny),
        Err(ReportError::ChartSize { .. })
    ));
    let o = ChartOptions::default();
    assert!(matches!(
        overlay_chart_svg(&[("a", &a)], &o),
        Err(ReportError::ScenarioCount(1))
    ));
    assert!(matches!(
        overlay_chart_svg(&[("a", &a), ("b", &cny)], &o),
        Err(ReportError::CurrencyMismatch { .. })
    ));
}
