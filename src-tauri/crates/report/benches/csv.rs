//! Speed of the CSV report: `cargo bench -p report` — a month-by-month CSV of 100,000 lines.

use criterion::{criterion_group, criterion_main, Criterion};
use pricing::{parse_scenario, quote, PriceBook};
use report::{quote_csv, CsvOptions};

fn benches(c: &mut Criterion) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../examples/startup-intl.json"
    ))
    .expect("the example exists")
    .replace("\"months\": 12", "\"months\": 120");
    let scenario = parse_scenario(&text).expect("valid");
    let mut q = quote(&scenario, PriceBook::builtin()).expect("quotes");
    // Repeat each month's lines until the report has 100,000 lines (120 months × 834).
    for m in &mut q.months {
        let base = m.lines.clone();
        while m.lines.len() < 834 {
            m.lines.extend(base.iter().cloned());
        }
        m.lines.truncate(834);
    }
    let lines: usize = q.months.iter().map(|m| m.lines.len()).sum();
    assert!(lines >= 100_000);
    let opts = CsvOptions::default();
    let mut group = c.benchmark_group("csv");
    group.sample_size(20);
    group.bench_function("quote_csv_100000_lines", |b| {
        b.iter(|| quote_csv(std::hint::black_box(&q), &opts).unwrap().len())
    });
    group.finish();
}

criterion_group!(csv_benches, benches);
criterion_main!(csv_benches);
