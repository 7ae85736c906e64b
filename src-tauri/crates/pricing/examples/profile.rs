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
//! `profile 10 both cn` (or `cn-capped`) runs the tencent-cn TCSS scenario of the benchmark
//! instead of the three-product one.
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
use common::{tcss_cn, three_products, varied};

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
    // A third argument profiles the benchmark's tencent-cn TCSS scenario instead: `cn` or
    // `cn-capped` (rule TCSS-PRO-3 sizing under the 3-month commitment).
    let long = match args.get(2).map(String::as_str) {
        Some("cn") => tcss_cn(120, None),
        Some("cn-capped") => tcss_cn(120, Some(5000)),
        _ => three_products(120, 120, 2_000_000),
    };
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
