//! Speed of the pricing core: `cargo bench -p pricing`.
//!
//! - `quote_and_compare_120_months`: quote + compare of a 120-month, three-product scenario.
//! - `sweep_10000_scenarios`: quote 10,000 variants of a 12-month scenario on one core.
//! - `tcss_cn_120_months` / `tcss_cn_120_months_capped`: quote + compare of a 120-month
//!   tencent-cn TCSS scenario with `billing = auto` (licence sizing under the 3-month
//!   commitment, rule TCSS-PRO-3), cores rising and falling with peaks, without and with an
//!   elastic cap.

use criterion::{criterion_group, criterion_main, Criterion};
use pricing::{compare, quote, PriceBook, Scenario};

mod common;
use common::{tcss_cn, three_products};

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
    for (name, cap) in [
        ("tcss_cn_120_months", None),
        ("tcss_cn_120_months_capped", Some(5000)),
    ] {
        let cn = tcss_cn(120, cap);
        c.bench_function(name, |b| {
            b.iter(|| {
                let q = quote(std::hint::black_box(&cn), book).unwrap();
                let cmp = compare(&cn, book).unwrap();
                (q.total, cmp.products.len())
            })
        });
    }
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
