//! Speed of the pricing core: `cargo bench -p pricing`.
//!
//! - `quote_and_compare_120_months`: quote + compare of a 120-month, three-product scenario.
//! - `sweep_10000_scenarios`: quote 10,000 variants of a 12-month scenario on one core.

use criterion::{criterion_group, criterion_main, Criterion};
use pricing::{compare, parse_scenario, quote, PriceBook, Scenario};

fn three_products(months: u32, cores: u32, images: u64) -> Scenario {
    let text = format!(
        r#"{{
        "plancast": 1, "name": "bench", "start": "2027-01", "months": {months}, "currency": "USD",
        "rates": [{{"from": "CNY", "to": "USD", "rate": "0.139", "date": "2026-11-01"}}],
        "budgets": [{{"amount": "20000", "currency": "USD"}}, {{"amount": "3000", "currency": "USD", "product": "tcss"}}],
        "tcr": {{"site": "tencent-intl", "region": "ap-singapore", "edition": "auto",
                 "needs": {{"namespaces": {{"start": 40, "monthly_add": 4}}, "image_repos": {{"start": 600, "monthly_percent": "2"}}, "vpc_links": 3}},
                 "storage_gb": {{"start": "500", "monthly_percent": "2"}}, "egress_gb": {{"start": "100", "monthly_percent": "1.5"}}}},
        "tcss": {{"site": "tencent-intl", "billing": "auto", "cores": {{"start": {cores}, "monthly_percent": "1"}},
                  "peak_cores": {{"start": {peak}, "monthly_percent": "1"}}, "peak_days": 6, "elastic_cap": 5000,
                  "image_scan": {{"first_scans": 250, "repeat_scans": 600}}, "log_gb": "11"}},
        "image_search": {{"site": "aliyun-cn", "images": {{"start": {images}, "monthly_add": 150000}}, "qps": 8}}
    }}"#,
        peak = cores + cores / 3
    );
    parse_scenario(&text).expect("bench scenario is valid")
}

fn benches(c: &mut Criterion) {
    let book = PriceBook::builtin();
    let long = three_products(120, 120, 2_000_000);
    c.bench_function("quote_and_compare_120_months", |b| {
        b.iter(|| {
            let q = quote(std::hint::black_box(&long), book).unwrap();
            let cmp = compare(&long, book).unwrap();
            (q.total, cmp.products.len())
        })
    });
    c.bench_function("quote_120_months", |b| {
        b.iter(|| quote(std::hint::black_box(&long), book).unwrap().total)
    });
    let sweep: Vec<Scenario> = (0..10_000u32)
        .map(|i| three_products(12, 20 + i % 500, 100_000 + u64::from(i) * 4_000))
        .collect();
    let mut group = c.benchmark_group("sweep");
    group.sample_size(10);
    group.bench_function("sweep_10000_scenarios", |b| {
        b.iter(|| {
            sweep
                .iter()
                .map(|s| quote(s, book).unwrap().total)
                .sum::<rust_decimal::Decimal>()
        })
    });
    group.finish();
}

criterion_group!(pricing_benches, benches);
criterion_main!(pricing_benches);
