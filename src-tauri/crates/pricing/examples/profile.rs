//! Two tools for working on the speed of the pricing core.
//!
//! Instruction counts are stable on a shared machine where wall-clock times are not, so profile
//! the benchmark's scenario under callgrind (a build with symbols: the release profile strips
//! them):
//!
//! ```text
//! CARGO_PROFILE_RELEASE_STRIP=false CARGO_PROFILE_RELEASE_DEBUG=line-tables-only \
//!     cargo build --release -p pricing --examples
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out \
//!     target/release/examples/profile 10 both      # or: quote, compare
//! callgrind_annotate /tmp/cg.out | head -60
//! ```
//!
//! Subtract a run of 1 from a run of 11 and divide by 10 for one iteration without the
//! one-off loading of the price book.
//!
//! A faster path must not change a result. `profile snapshot [scenario files…]` prints every
//! quote and comparison, exactly as serialised, of the given files, the benchmark's scenarios
//! and about 2,000 generated ones (sites, editions, billings, licences, caps, scans, logs,
//! trials, price dates): run it before and after a change and compare the outputs.

use pricing::{compare, parse_scenario, quote, PriceBook, Scenario};

#[path = "../benches/common/mod.rs"]
mod common;
use common::three_products;

/// A scenario from a seed, turning the knobs that decide which lines exist. About a third of
/// the seeds give a scenario the reader refuses (a licence with a billing that takes none);
/// those are skipped.
fn varied(seed: u64) -> String {
    let mut x = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    let mut next = |m: u64| {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (x >> 33) % m
    };
    let (sm, months, ns, repos) = (1 + next(12), 1 + next(30), next(700), next(6000));
    let (storage, egress, cores, peak) = (next(5000), next(3000), next(8000), next(9000));
    let (pd, images, qps) = (next(29), next(60_000_000), 1 + next(12));
    let tcss_site = ["tencent-cn", "tencent-intl"][next(2) as usize];
    let tcr_site = ["tencent-cn", "tencent-intl"][next(2) as usize];
    let is_site = ["aliyun-cn", "aliyun-intl"][next(2) as usize];
    let billing = ["auto", "prepaid", "postpaid"][next(3) as usize];
    let tcr_billing = ["payg", "monthly"][next(2) as usize];
    let edition = ["auto", "personal", "basic", "standard", "premium"][next(5) as usize];
    let region = [
        "ap-guangzhou",
        "ap-qingyuan",
        "ap-shanghai-fsi",
        "eu-frankfurt",
        "ap-nowhere",
    ][next(5) as usize];
    let (trial, is_trial) = (next(2) == 1, next(2) == 1);
    let year = [2020, 2023, 2024, 2027][next(4) as usize];
    let cap = ["", r#", "elastic_cap": 5000"#, r#", "elastic_cap": 9000"#][next(3) as usize];
    let lic = if next(2) == 1 {
        format!(r#", "licensed_cores": {}"#, next(5000))
    } else {
        String::new()
    };
    let scan = match next(3) {
        0 => String::new(),
        1 => format!(
            r#", "image_scan": {{"first_scans": {}, "repeat_scans": {}}}"#,
            next(900),
            next(3000)
        ),
        _ => format!(
            r#", "image_scan": {{"model": "per_image", "images": {}, "updates": {}}}"#,
            next(50),
            next(20)
        ),
    };
    let log = if next(2) == 1 {
        format!(r#", "log_gb": "{}.5""#, next(60))
    } else {
        String::new()
    };
    let peak_q = if next(2) == 1 {
        format!(r#"{{"start": {peak}, "monthly_percent": "3"}}"#)
    } else {
        peak.to_string()
    };
    format!(
        r#"{{
        "plancast": 1, "name": "generated", "start": "{year}-{sm:02}", "months": {months}, "currency": "USD",
        "rates": [{{"from": "CNY", "to": "USD", "rate": "0.139", "date": "2026-11-01"}}],
        "budgets": [{{"amount": "5000", "currency": "USD"}}],
        "tcr": {{"site": "{tcr_site}", "region": "{region}", "edition": "{edition}", "billing": "{tcr_billing}",
                 "needs": {{"namespaces": {{"start": {ns}, "monthly_add": 7}}, "image_repos": {repos}}},
                 "storage_gb": "{storage}.5", "egress_gb": {{"start": "{egress}", "monthly_percent": "3.5"}}}},
        "tcss": {{"site": "{tcss_site}", "billing": "{billing}", "cores": {{"start": {cores}, "monthly_percent": "7"}},
                  "peak_cores": {peak_q}, "peak_days": {pd}, "trial": {trial}{cap}{lic}{scan}{log}}},
        "image_search": {{"site": "{is_site}", "images": {{"start": {images}, "monthly_add": 90000}}, "qps": {qps}, "trial": {is_trial}}}
    }}"#
    )
}

fn snapshot(files: &[String]) {
    let book = PriceBook::builtin();
    let mut scenarios: Vec<Scenario> = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).expect("readable scenario file");
            parse_scenario(&text).expect("valid scenario file")
        })
        .collect();
    scenarios.push(three_products(120, 120, 2_000_000));
    scenarios.extend(
        (0..40u32).map(|i| three_products(12 + i, 20 + i * 37, 100_000 + u64::from(i) * 1_400_000)),
    );
    scenarios.extend((0..3000u64).filter_map(|seed| parse_scenario(&varied(seed)).ok()));
    for s in &scenarios {
        let q = quote(s, book).map(|q| serde_json::to_string_pretty(&q).expect("serialises"));
        let c = compare(s, book).map(|c| serde_json::to_string_pretty(&c).expect("serialises"));
        println!("{q:?}\n{c:?}");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("snapshot") {
        return snapshot(&args[1..]);
    }
    let n: u32 = args.first().and_then(|a| a.parse().ok()).unwrap_or(1);
    let what = args.get(1).map(String::as_str).unwrap_or("both");
    let book = PriceBook::builtin();
    let long = three_products(120, 120, 2_000_000);
    let mut made = 0usize;
    for _ in 0..n {
        if what != "compare" {
            made += quote(std::hint::black_box(&long), book)
                .unwrap()
                .months
                .len();
        }
        if what != "quote" {
            made += compare(std::hint::black_box(&long), book)
                .unwrap()
                .products
                .len();
        }
    }
    println!("{made}");
}
