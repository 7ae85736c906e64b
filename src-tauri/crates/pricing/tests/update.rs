//! Price-book updates (rule GEN-3): checked like the built-in book, every problem with its
//! path, and applied entries supersede the book's for the same key and days.

use chrono::NaiveDate;
use pricing::book::{Key, PriceBook};
use pricing::update::{changes_between, parse_update, quote_change, Change};
use pricing::{PriceItem, Product, Site};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn fixture(name: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../tests/fixtures/");
    std::fs::read_to_string(format!("{path}{name}")).unwrap()
}

fn standard(book: &PriceBook, region: &str, d: &str) -> Option<String> {
    book.lookup(
        Key {
            product: Product::Tcr,
            site: Site::TencentIntl,
            item: PriceItem::InstanceHourly,
            plan: Some("standard"),
            region: Some(region),
        },
        date(d),
    )
    .map(|e| format!("{} {}", e.amount, e.source))
}

#[test]
fn an_update_supersedes_the_book_for_its_regions_and_days() {
    let base = PriceBook::builtin();
    let update = parse_update(&fixture("price-update-tcr-2027.json"), base).unwrap();
    let book = base.with_update(&update).unwrap();
    assert_eq!(
        standard(&book, "ap-singapore", "2027-03-31").as_deref(),
        Some("0.38 P-TCR-INTL")
    );
    assert_eq!(
        standard(&book, "ap-singapore", "2027-04-01").as_deref(),
        Some("0.40 P-TCR-INTL-2027")
    );
    // Other regions and other editions keep the book's price.
    assert_eq!(
        standard(&book, "ap-guangzhou", "2027-04-01").as_deref(),
        Some("0.28 P-TCR-INTL")
    );
    // Month after month, the shortcut of lookup_after still gives what lookup gives: the
    // book keeps one entry per key, region and day.
    let key = Key {
        product: Product::Tcr,
        site: Site::TencentIntl,
        item: PriceItem::InstanceHourly,
        plan: Some("standard"),
        region: Some("ap-tokyo"),
    };
    let mut previous = None;
    for d in ["2027-01-01", "2027-03-01", "2027-04-01", "2027-05-01"] {
        let found = book.lookup_after(key, date(d), previous);
        assert_eq!(
            found.map(|e| e as *const _),
            book.lookup(key, date(d)).map(|e| e as *const _)
        );
        previous = found;
    }
    assert!(book.sources().contains_key("P-TCR-INTL-2027"));
}

#[test]
fn an_update_with_an_end_gives_the_days_after_back_to_the_book() {
    let base = PriceBook::builtin();
    let text = fixture("price-update-tcr-2027.json").replace(
        "\"effective_from\": \"2027-04-01\",",
        "\"effective_from\": \"2027-04-01\", \"effective_to\": \"2027-06-30\",",
    );
    let book = base
        .with_update(&parse_update(&text, base).unwrap())
        .unwrap();
    assert_eq!(
        standard(&book, "ap-seoul", "2027-06-30").as_deref(),
        Some("0.40 P-TCR-INTL-2027")
    );
    assert_eq!(
        standard(&book, "ap-seoul", "2027-07-01").as_deref(),
        Some("0.38 P-TCR-INTL")
    );
}

#[test]
fn every_problem_is_reported_with_its_path() {
    let errors =
        parse_update(&fixture("price-update-invalid.json"), PriceBook::builtin()).unwrap_err();
    let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    let has = |path: &str, words: &str| {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("{path}: ")) && l.contains(words)),
            "no problem at {path} saying {words:?} in {lines:#?}"
        );
    };
    has("sources.P-COS-INTL", "already a source");
    has("entries[0].regions[0]", "ap-atlantis");
    has("entries[0].amount", "an amount from 0");
    has("entries[0].currency", "USD");
    has(
        "entries[0].effective_from",
        "2027-02-01 is not a date the source P-NEW states",
    );
    has("entries[1].source", "P-NOWHERE");
    has("entries[2].item", "pro_premium");
    // With the items the book has for the product, in the order of their keys.
    has(
        "entries[2].item",
        "(one of elastic_cap_min, image_scan_auth, image_scan_quota, image_scan_repeat_weight, \
         image_scan_step, log_analysis, log_analysis_min_gb, log_analysis_step_gb, pro_postpaid, \
         pro_prepaid, pro_prepaid_min_months, trial_days)",
    );
    has("entries[4]", "overlaps entries[3]");
    has("entries[5].source", "\"user\"");
    has("entries[6].amount", "must be written as text, \"0.3\""); // an amount as a JSON number
                                                                  // In Chinese too, with the same paths.
    let zh = errors[0].text(pricing::Lang::ZhCn);
    assert!(zh.contains("来源"), "{zh}");
    for bad in ["[]", "{\"format\": \"x\", \"version\": 2, \"entries\": []}"] {
        let errors = parse_update(bad, PriceBook::builtin()).unwrap_err();
        assert!(!errors.is_empty());
    }
}

/// A malformed entry or source is read field by field: each wrong field is reported at its own
/// path, in the reader's language, and none in the words of the JSON library.
#[test]
fn a_malformed_entry_names_each_wrong_field_in_both_languages() {
    let update = r#"{ "format": "plancast-price-book-update", "version": 1,
      "sources": { "P-NEW": { "title": "A page", "kind": 7,
                              "dates": { "2027-13-01": "a month too many" },
                              "decided": [ { "date": "2027-01-01", "rules": ["TCR-B-3", 3] } ],
                              "colour": "red" } },
      "entries": [ { "product": "tcr", "site": "aliyun-cn", "item": "instance_hourly",
                     "regions": "ap-guangzhou", "amount": "cheap", "currency": "EUR",
                     "effective_from": "2027-01-1", "source": "P-NEW", "mood": "good" } ] }"#;
    let errors = parse_update(update, PriceBook::builtin()).unwrap_err();
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    for path in [
        "sources.P-NEW.kind",
        "sources.P-NEW.dates.2027-13-01",
        "sources.P-NEW.decided[0].rules[1]",
        "sources.P-NEW.decided[0].why",
        "sources.P-NEW.colour",
        "entries[0].site",
        "entries[0].regions",
        "entries[0].unit",
        "entries[0].amount",
        "entries[0].currency",
        "entries[0].effective_from",
        "entries[0].mood",
    ] {
        assert!(paths.contains(&path), "no problem at {path} in {paths:#?}");
    }
    for e in &errors {
        let en = e.text(pricing::Lang::En);
        let zh = e.text(pricing::Lang::ZhCn);
        assert_ne!(en, zh, "{}: {en}", e.path);
        for serde_words in ["invalid type", "unknown field", "expected", "missing field"] {
            assert!(!zh.contains(serde_words), "{}: {zh}", e.path);
        }
    }
    let site = errors.iter().find(|e| e.path == "entries[0].site").unwrap();
    assert!(
        site.to_string().contains("tencent-intl, tencent-cn"),
        "{site}"
    );
}

#[test]
fn the_reader_limits_hold_for_updates() {
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let errors = parse_update(&deep, PriceBook::builtin()).unwrap_err();
    assert_eq!(errors.len(), 1);
}

#[test]
fn changes_between_lists_starts_and_ends() {
    let book = PriceBook::builtin();
    let changes = changes_between(book, date("2023-06-29"), date("2023-06-30"));
    let described: Vec<String> = changes
        .iter()
        .map(|(d, c, e)| format!("{d} {} {}", c.key(), e.id()))
        .collect();
    assert!(described.contains(
        &"2023-06-29 ends tcr/tencent-intl/instance_hourly/standard/na-toronto/2021-08-13/P-TCR-INTL-2021"
            .to_string()
    ));
    assert!(described.contains(
        &"2023-06-30 starts tcr/tencent-intl/instance_hourly/standard/ap-shenzhen-fsi/2023-06-30/P-TCR-INTL"
            .to_string()
    ));
    assert!(changes
        .iter()
        .all(|(_, c, _)| matches!(c, Change::Starts | Change::Ends)));
}

#[test]
fn quote_change_names_the_first_month_that_differs() {
    let base = PriceBook::builtin();
    let book = base
        .with_update(&parse_update(&fixture("price-update-tcr-2027.json"), base).unwrap())
        .unwrap();
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../examples/startup-intl.json"
    );
    let scenario = pricing::parse_scenario(&std::fs::read_to_string(file).unwrap()).unwrap();
    let before = pricing::quote(&scenario, base).unwrap();
    let after = pricing::quote(&scenario, &book).unwrap();
    // The update prices Standard from April, but `edition = auto` needs Standard only from
    // August (the image repositories outgrow Basic): the quote first differs then.
    let change = quote_change(&before, &after).expect("ap-singapore Standard changes");
    assert_eq!(change.first_month.to_string(), "2027-08");
    assert!(change.total_after > change.total_before);
    assert_eq!(quote_change(&before, &before), None);
}

#[test]
fn an_update_can_give_a_site_an_item_the_book_has_no_source_for() {
    // No China-site source states a TCSS trial (the built-in book has none for tencent-cn);
    // an update with one is how it gets one.
    let base = PriceBook::builtin();
    let text = r#"{ "format": "plancast-price-book-update", "version": 1,
      "sources": { "P-TCSS-CN-TRIAL": { "title": "Example: 容器安全服务 试用申请, 2027-01-05",
        "kind": "public", "version": "2027-01-05", "dates": { "2027-01-05": "this version" } } },
      "entries": [ { "product": "tcss", "site": "tencent-cn", "item": "trial_days", "unit": "day",
        "amount": "7", "effective_from": "2027-01-05", "source": "P-TCSS-CN-TRIAL",
        "rule": "TCSS-T-1" } ] }"#;
    let book = base
        .with_update(&parse_update(text, base).unwrap())
        .unwrap();
    let trial = book
        .limit(
            Product::Tcss,
            Site::TencentCn,
            PriceItem::TrialDays,
            date("2027-02-01"),
        )
        .unwrap();
    assert_eq!(
        (trial.amount.to_string(), trial.source.as_str()),
        ("7".into(), "P-TCSS-CN-TRIAL")
    );
}
