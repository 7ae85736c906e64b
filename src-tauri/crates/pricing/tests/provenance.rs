//! Every figure of the built-in book is sourced (rules GEN-3, TCR-B-3): each entry's source key
//! resolves in sources.json, and each entry starts on a date its source states (or one the rule
//! book decides for that source and rule, the **Decision** lines of docs/pricing-rules.md).

use chrono::NaiveDate;
use pricing::book::{Key, PriceBook};
use pricing::{PriceItem, Product, Site};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn every_entry_starts_on_a_date_its_source_states() {
    let book = PriceBook::load_builtin().unwrap();
    let problems = book.provenance_problems();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_check_fails_on_a_date_no_source_states() {
    // The check above can fail: move one entry's start to a day its source does not state.
    let book = PriceBook::load_builtin().unwrap();
    let mut entries: Vec<_> = book.entries().cloned().collect();
    let i = entries
        .iter()
        .position(|e| e.source == "P-COS-INTL")
        .unwrap();
    entries[i].effective_from = date("2023-07-11");
    let moved = PriceBook::from_parts(
        entries,
        book.quota_versions().to_vec(),
        book.regions().to_vec(),
        book.sources().clone(),
    )
    .unwrap();
    let problems = moved.provenance_problems();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("P-COS-INTL") && problems[0].contains("2023-07-11"));
    // A decided date only serves the rules it names.
    let mut entries: Vec<_> = book.entries().cloned().collect();
    let i = entries.iter().position(|e| e.source == "P-COS-CN").unwrap();
    entries[i].rule = "TCR-B-6".into();
    let other_rule = PriceBook::from_parts(
        entries,
        book.quota_versions().to_vec(),
        book.regions().to_vec(),
        book.sources().clone(),
    )
    .unwrap();
    assert_eq!(other_rule.provenance_problems().len(), 1);
}

fn instance(book: &PriceBook, site: Site, region: &str, d: &str) -> Option<String> {
    book.lookup(
        Key {
            product: Product::Tcr,
            site,
            item: PriceItem::InstanceHourly,
            plan: Some("standard"),
            region: Some(region),
        },
        date(d),
    )
    .map(|e| format!("{} {}", e.amount, e.source))
}

fn cos(book: &PriceBook, site: Site, item: PriceItem, region: &str, d: &str) -> Option<String> {
    book.lookup(
        Key {
            product: Product::Tcr,
            site,
            item,
            plan: None,
            region: Some(region),
        },
        date(d),
    )
    .map(|e| e.amount.to_string())
}

#[test]
fn tcr_b_3_jakarta_has_no_china_site_price() {
    // rule TCR-B-3 (revised 2026-12): the China page's Asia-Pacific row lists no Jakarta.
    let book = PriceBook::builtin();
    for d in ["2020-06-01", "2020-12-01", "2023-07-01", "2027-01-01"] {
        assert_eq!(
            instance(book, Site::TencentCn, "ap-jakarta", d),
            None,
            "{d}"
        );
    }
    assert_eq!(
        instance(book, Site::TencentIntl, "ap-jakarta", "2027-01-01").as_deref(),
        Some("0.38 P-TCR-INTL")
    );
}

#[test]
fn tcr_b_3_toronto_is_priced_only_while_a_cited_version_lists_it() {
    // rule TCR-B-3: the 2021-08-13 version lists na-toronto, the 2023-06-30 one does not.
    let book = PriceBook::builtin();
    let toronto = |d| instance(book, Site::TencentIntl, "na-toronto", d);
    assert_eq!(toronto("2021-08-12"), None);
    assert_eq!(
        toronto("2021-08-13").as_deref(),
        Some("0.50 P-TCR-INTL-2021")
    );
    assert_eq!(
        toronto("2023-06-29").as_deref(),
        Some("0.50 P-TCR-INTL-2021")
    );
    assert_eq!(toronto("2023-06-30"), None);
    assert!(book.sources()["P-TCR-INTL-2021"].version == Some(date("2021-08-13")));
}

#[test]
fn tcr_b_3_international_finance_prices_start_with_the_version_that_lists_them() {
    let book = PriceBook::builtin();
    for r in ["ap-shenzhen-fsi", "ap-shanghai-fsi", "ap-beijing-fsi"] {
        assert_eq!(instance(book, Site::TencentIntl, r, "2023-06-29"), None);
        assert_eq!(
            instance(book, Site::TencentIntl, r, "2023-06-30").as_deref(),
            Some("0.42 P-TCR-INTL")
        );
    }
}

#[test]
fn tcr_b_2_public_beta_covers_only_the_regions_s000_lists() {
    let book = PriceBook::builtin();
    assert_eq!(
        instance(book, Site::TencentIntl, "ap-seoul", "2020-07-01").as_deref(),
        Some("0 S000")
    );
    assert_eq!(
        instance(book, Site::TencentIntl, "ap-singapore", "2020-07-01"),
        None
    );
}

#[test]
fn gen_5_regions_without_a_cos_row_have_no_storage_or_egress_price() {
    // rules TCR-B-7, GEN-5: an instance price but no COS row.
    let book = PriceBook::builtin();
    for (site, region) in [
        (Site::TencentCn, "ap-qingyuan"),
        (Site::TencentIntl, "ap-qingyuan"),
        (Site::TencentCn, "ap-taipei"),
        (Site::TencentIntl, "ap-taipei"),
        (Site::TencentIntl, "ap-jakarta"),
        (Site::TencentIntl, "ap-shenzhen-fsi"),
        (Site::TencentIntl, "ap-shanghai-fsi"),
        (Site::TencentIntl, "ap-beijing-fsi"),
    ] {
        for item in [PriceItem::CosStorage, PriceItem::CosEgress] {
            assert_eq!(
                cos(book, site, item, region, "2027-01-01"),
                None,
                "{site:?} {region} {item}"
            );
        }
    }
}

#[test]
fn tcr_b_7_china_cos_prices_start_with_the_revision_that_records_them() {
    // No dated version of the China COS page was found (sources.json, P-COS-CN).
    let book = PriceBook::builtin();
    let beijing = |d| {
        cos(
            book,
            Site::TencentCn,
            PriceItem::CosStorage,
            "ap-beijing",
            d,
        )
    };
    assert_eq!(beijing("2026-11-30"), None);
    assert_eq!(beijing("2026-12-01").as_deref(), Some("0.118"));
    assert_eq!(
        cos(
            book,
            Site::TencentIntl,
            PriceItem::CosStorage,
            "ap-beijing",
            "2023-07-10"
        )
        .as_deref(),
        Some("0.024")
    );
}

#[test]
fn tcss_pro_5_china_cap_minimum_starts_with_the_china_page() {
    let book = PriceBook::builtin();
    let cap = |d| {
        book.limit(
            Product::Tcss,
            Site::TencentCn,
            PriceItem::ElasticCapMin,
            date(d),
        )
        .map(|e| (e.amount.to_string(), e.source.clone()))
    };
    assert_eq!(cap("2024-09-25"), None);
    assert_eq!(
        cap("2024-09-26"),
        Some(("5000".to_string(), "P-TCSS-CN".to_string()))
    );
}

#[test]
fn trials_cite_a_source_of_their_own_site() {
    let book = PriceBook::builtin();
    // S001 quotes USD prices: the international site's guide. No China-site source states a
    // TCSS trial, so tencent-cn has none in the book.
    assert!(book
        .limit(
            Product::Tcss,
            Site::TencentCn,
            PriceItem::TrialDays,
            date("2027-01-01")
        )
        .is_none());
    let intl = book
        .lookup(
            Key {
                product: Product::ImageSearch,
                site: Site::AliyunIntl,
                item: PriceItem::TrialMonths,
                plan: Some("100000/1"),
                region: None,
            },
            date("2027-01-01"),
        )
        .unwrap();
    assert_eq!(intl.source, "P-IS-INTL");
}
