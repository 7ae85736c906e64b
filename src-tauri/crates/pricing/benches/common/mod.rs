//! The benchmark's scenario, shared by `benches/pricing.rs` and `examples/profile.rs` so the
//! profile measures exactly what the benchmark times.

use pricing::{parse_scenario, Scenario};

/// A three-product scenario (TCR auto edition, TCSS auto billing with scans and logs, Image
/// Search) of `months` months, growing every month.
pub fn three_products(months: u32, cores: u32, images: u64) -> Scenario {
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
