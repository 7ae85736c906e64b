//! The benchmark's scenario, shared by `benches/pricing.rs` and `examples/profile.rs` so the
//! profile measures exactly what the benchmark times, and the generated scenarios of the
//! output snapshot (`examples/profile.rs snapshot`, `tests/snapshot.rs`).

#![allow(dead_code)] // each user takes what it needs

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

/// A scenario from a seed, turning the knobs that decide which lines exist. About a third of
/// the seeds give a scenario the reader refuses (a licence with a billing that takes none);
/// those are skipped.
pub fn varied(seed: u64) -> String {
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

/// A TCSS-only scenario on tencent-cn (the 3-month commitment of rule TCSS-PRO-3) with
/// `billing = auto`: cores that rise and fall month to month with peaks above them, with or
/// without an elastic cap.
pub fn tcss_cn(months: u32, cap: Option<u32>) -> Scenario {
    // A yearly swing on a slow rise, with a short dip every fifth month: whole cores.
    let swing = [0u32, 40, 90, 160, 220, 260, 250, 200, 130, 70, 20, 0];
    let cores: Vec<String> = (0..months)
        .map(|k| {
            let base = 4000 + 10 * k + 8 * swing[(k % 12) as usize];
            let dip = if k % 5 == 4 { base / 3 } else { 0 };
            (base - dip).to_string()
        })
        .collect();
    let peaks: Vec<String> = (0..months)
        .map(|k| (5600 + 12 * k + 10 * swing[((k + 3) % 12) as usize]).to_string())
        .collect();
    let cap = cap.map_or(String::new(), |c| format!(r#", "elastic_cap": {c}"#));
    let text = format!(
        r#"{{
        "plancast": 1, "name": "bench-cn", "start": "2027-01", "months": {months}, "currency": "CNY",
        "tcss": {{"site": "tencent-cn", "billing": "auto", "cores": [{cores}],
                  "peak_cores": [{peaks}], "peak_days": 9{cap}}}
    }}"#,
        cores = cores.join(", "),
        peaks = peaks.join(", "),
    );
    parse_scenario(&text).expect("bench scenario is valid")
}
