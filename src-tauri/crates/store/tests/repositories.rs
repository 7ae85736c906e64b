//! Round trips for every table, validation, cascades, and bad data read back.

mod common;

use common::{at, tcr_price, DOC};
use pricing::{Currency, Product, YearMonth};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use store::{NewSavedQuote, Store, StoreError};

fn month(text: &str) -> YearMonth {
    text.parse().unwrap()
}

fn store() -> Store {
    Store::open_in_memory().unwrap()
}

#[test]
fn in_memory_store_has_the_latest_schema_and_foreign_keys() {
    let s = store();
    assert_eq!(s.schema_version().unwrap(), store::schema::SCHEMA_VERSION);
    assert!(s.is_empty().unwrap());
    assert_eq!(s.scenario_count().unwrap(), 0);
}

#[test]
fn scenarios_round_trip() {
    let mut s = store();
    let created = s.create_scenario("Team A registry", DOC, at(1, 8)).unwrap();
    assert_eq!(created.name, "Team A registry");
    assert_eq!(created.document, DOC);
    assert_eq!(created.created_at, at(1, 8), "timestamps keep nanoseconds");
    assert_eq!(created.updated_at, at(1, 8));
    assert_eq!(s.get_scenario(created.id).unwrap(), created);
    assert!(!s.is_empty().unwrap());
    assert_eq!(s.scenario_count().unwrap(), 1);

    let other_doc = r#"{"format":1,"products":{}}"#;
    let updated = s
        .update_scenario(created.id, "Team A (v2)", other_doc, at(2, 9))
        .unwrap();
    assert_eq!(updated.name, "Team A (v2)");
    assert_eq!(updated.document, other_doc);
    assert_eq!(updated.created_at, at(1, 8));
    assert_eq!(updated.updated_at, at(2, 9));

    let doc_only = s
        .update_scenario_document(created.id, DOC, at(3, 9))
        .unwrap();
    assert_eq!(
        (doc_only.name.as_str(), doc_only.document.as_str()),
        ("Team A (v2)", DOC)
    );

    let renamed = s.rename_scenario(created.id, "Team A", at(4, 9)).unwrap();
    assert_eq!(renamed.name, "Team A");
    assert_eq!(renamed.document, DOC);
    assert_eq!(renamed.updated_at, at(4, 9));

    let second = s.create_scenario("Team B", "{}", at(5, 0)).unwrap();
    // Names need not be unique.
    let third = s.create_scenario("Team A", "{}", at(3, 0)).unwrap();
    let list = s.list_scenarios().unwrap();
    let ids: Vec<i64> = list.iter().map(|x| x.id).collect();
    assert_eq!(
        ids,
        [second.id, created.id, third.id],
        "most recently updated first"
    );
    assert_eq!(list[1].name, "Team A");
    assert_eq!(list[1].updated_at, at(4, 9));

    s.delete_scenario(second.id).unwrap();
    assert!(matches!(
        s.get_scenario(second.id),
        Err(StoreError::NotFound { what: "scenario", id }) if id == second.id
    ));
    assert_eq!(s.scenario_count().unwrap(), 2);
}

#[test]
fn scenario_writes_report_missing_ids_and_bad_input() {
    let mut s = store();
    assert!(matches!(
        s.get_scenario(42),
        Err(StoreError::NotFound { id: 42, .. })
    ));
    assert!(matches!(
        s.update_scenario(42, "x", "{}", at(1, 0)),
        Err(StoreError::NotFound { id: 42, .. })
    ));
    assert!(matches!(
        s.rename_scenario(42, "x", at(1, 0)),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        s.update_scenario_document(42, "{}", at(1, 0)),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        s.delete_scenario(42),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        s.duplicate_scenario(42, "copy", at(1, 0)),
        Err(StoreError::NotFound { id: 42, .. })
    ));
    assert!(matches!(
        s.create_scenario("  ", DOC, at(1, 0)),
        Err(StoreError::Invalid { field: "name", .. })
    ));
    assert!(matches!(
        s.create_scenario("ok", "{not json", at(1, 0)),
        Err(StoreError::Invalid {
            field: "document",
            ..
        })
    ));
    assert_eq!(
        s.scenario_count().unwrap(),
        0,
        "rejected writes stored nothing"
    );
}

#[test]
fn duplicate_copies_the_document_but_not_actuals_or_quotes() {
    let mut s = store();
    let original = s.create_scenario("Plan", DOC, at(1, 0)).unwrap();
    s.upsert_actual(
        original.id,
        Product::Tcr,
        month("2026-01"),
        dec!(5),
        Currency::Cny,
    )
    .unwrap();
    s.save_quote(original.id, &sample_quote(), at(1, 1))
        .unwrap();

    let copy = s
        .duplicate_scenario(original.id, "Plan (copy)", at(2, 0))
        .unwrap();
    assert_ne!(copy.id, original.id);
    assert_eq!(copy.name, "Plan (copy)");
    assert_eq!(copy.document, original.document);
    assert_eq!(copy.created_at, at(2, 0));
    assert_eq!(copy.updated_at, at(2, 0));
    assert!(s.list_actuals(copy.id).unwrap().is_empty());
    assert!(s.list_saved_quotes(copy.id).unwrap().is_empty());
    // The original is untouched.
    assert_eq!(s.get_scenario(original.id).unwrap(), original);
    assert_eq!(s.list_actuals(original.id).unwrap().len(), 1);
}

#[test]
fn deleting_a_scenario_cascades_to_its_actuals_and_quotes_only() {
    let mut s = store();
    let doomed = s.create_scenario("Doomed", DOC, at(1, 0)).unwrap();
    let kept = s.create_scenario("Kept", DOC, at(1, 0)).unwrap();
    for id in [doomed.id, kept.id] {
        s.upsert_actual(id, Product::Tcss, month("2026-02"), dec!(1), Currency::Usd)
            .unwrap();
        s.save_quote(id, &sample_quote(), at(1, 2)).unwrap();
    }
    let doomed_quote = s.list_saved_quotes(doomed.id).unwrap()[0].id;

    s.delete_scenario(doomed.id).unwrap();

    assert!(matches!(
        s.list_actuals(doomed.id),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        s.get_saved_quote(doomed_quote),
        Err(StoreError::NotFound {
            what: "saved quote",
            ..
        })
    ));
    assert_eq!(s.list_actuals(kept.id).unwrap().len(), 1);
    assert_eq!(s.list_saved_quotes(kept.id).unwrap().len(), 1);
}

#[test]
fn user_prices_round_trip() {
    let mut s = store();
    let added = s.add_user_price(&tcr_price(), at(1, 0)).unwrap();
    assert_eq!(added.fields, tcr_price());
    assert_eq!(
        added.fields.amount.to_string(),
        "6.40",
        "scale is kept exactly"
    );
    assert_eq!((added.created_at, added.updated_at), (at(1, 0), at(1, 0)));
    assert_eq!(s.list_user_prices().unwrap(), vec![added.clone()]);

    let mut changed = tcr_price();
    changed.amount = dec!(0.0000001);
    changed.currency = Currency::Usd;
    changed.plan = None;
    changed.region = None;
    changed.note = None;
    changed.effective_to = chrono::NaiveDate::from_ymd_opt(2026, 12, 31);
    let updated = s.update_user_price(added.id, &changed, at(2, 0)).unwrap();
    assert_eq!(updated.fields, changed);
    assert_eq!(
        (updated.created_at, updated.updated_at),
        (at(1, 0), at(2, 0))
    );
    assert_eq!(s.get_user_price(added.id).unwrap(), updated);

    let mut image = tcr_price();
    image.product = Product::ImageSearch;
    image.plan = Some("basic".to_owned());
    let second = s.add_user_price(&image, at(3, 0)).unwrap();
    let products: Vec<Product> = s
        .list_user_prices()
        .unwrap()
        .iter()
        .map(|p| p.fields.product)
        .collect();
    assert_eq!(products, [Product::Tcr, Product::ImageSearch]);

    s.delete_user_price(added.id).unwrap();
    assert_eq!(s.list_user_prices().unwrap(), vec![second]);
    assert!(matches!(
        s.delete_user_price(added.id),
        Err(StoreError::NotFound {
            what: "user price",
            ..
        })
    ));
    assert!(matches!(
        s.update_user_price(added.id, &changed, at(2, 0)),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn user_prices_are_validated() {
    let mut s = store();
    let mut negative = tcr_price();
    negative.amount = dec!(-0.01);
    assert!(matches!(
        s.add_user_price(&negative, at(1, 0)),
        Err(StoreError::Invalid {
            field: "amount",
            ..
        })
    ));
    let mut backwards = tcr_price();
    backwards.effective_from = chrono::NaiveDate::from_ymd_opt(2026, 6, 1);
    backwards.effective_to = chrono::NaiveDate::from_ymd_opt(2026, 5, 31);
    assert!(matches!(
        s.add_user_price(&backwards, at(1, 0)),
        Err(StoreError::Invalid {
            field: "effective_to",
            ..
        })
    ));
    let mut free = tcr_price();
    free.amount = dec!(0);
    assert!(
        s.add_user_price(&free, at(1, 0)).is_ok(),
        "a zero price is allowed"
    );
}

#[test]
fn exchange_rates_upsert_by_pair_and_date() {
    let mut s = store();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let next = day.succ_opt().unwrap();
    let first = s
        .upsert_exchange_rate(Currency::Usd, Currency::Cny, dec!(7.1000), day)
        .unwrap();
    assert_eq!(
        (first.from, first.to, first.date),
        (Currency::Usd, Currency::Cny, day)
    );
    assert_eq!(first.rate.to_string(), "7.1000");

    let replaced = s
        .upsert_exchange_rate(Currency::Usd, Currency::Cny, dec!(7.2345), day)
        .unwrap();
    assert_eq!(replaced.id, first.id, "same pair and day updates in place");
    assert_eq!(replaced.rate, dec!(7.2345));

    let later = s
        .upsert_exchange_rate(Currency::Usd, Currency::Cny, dec!(7.3), next)
        .unwrap();
    let reverse = s
        .upsert_exchange_rate(Currency::Cny, Currency::Usd, dec!(0.1366), day)
        .unwrap();
    let list = s.list_exchange_rates().unwrap();
    assert_eq!(list, vec![later.clone(), reverse.clone(), replaced]);

    s.delete_exchange_rate(later.id).unwrap();
    assert_eq!(s.list_exchange_rates().unwrap().len(), 2);
    assert!(matches!(
        s.delete_exchange_rate(later.id),
        Err(StoreError::NotFound {
            what: "exchange rate",
            ..
        })
    ));

    for bad in [dec!(0), dec!(-1)] {
        assert!(matches!(
            s.upsert_exchange_rate(Currency::Usd, Currency::Cny, bad, day),
            Err(StoreError::Invalid { field: "rate", .. })
        ));
    }
    assert!(matches!(
        s.upsert_exchange_rate(Currency::Usd, Currency::Usd, dec!(1), day),
        Err(StoreError::Invalid { field: "to", .. })
    ));
}

#[test]
fn actuals_upsert_per_scenario_product_and_month() {
    let mut s = store();
    let plan = s.create_scenario("Plan", DOC, at(1, 0)).unwrap();
    let feb = s
        .upsert_actual(
            plan.id,
            Product::Tcr,
            month("2026-02"),
            dec!(100.10),
            Currency::Cny,
        )
        .unwrap();
    let jan_search = s
        .upsert_actual(
            plan.id,
            Product::ImageSearch,
            month("2026-01"),
            dec!(3),
            Currency::Usd,
        )
        .unwrap();
    let jan_tcr = s
        .upsert_actual(
            plan.id,
            Product::Tcr,
            month("2026-01"),
            dec!(90),
            Currency::Cny,
        )
        .unwrap();
    assert_eq!(feb.amount.to_string(), "100.10");

    // Same key again: replaced, same row.
    let feb2 = s
        .upsert_actual(
            plan.id,
            Product::Tcr,
            month("2026-02"),
            dec!(120.00),
            Currency::Usd,
        )
        .unwrap();
    assert_eq!(feb2.id, feb.id);
    assert_eq!((feb2.amount, feb2.currency), (dec!(120.00), Currency::Usd));

    let list = s.list_actuals(plan.id).unwrap();
    assert_eq!(
        list,
        vec![jan_tcr, jan_search.clone(), feb2],
        "by month, then product"
    );

    s.delete_actual(jan_search.id).unwrap();
    assert_eq!(s.list_actuals(plan.id).unwrap().len(), 2);
    assert!(matches!(
        s.delete_actual(jan_search.id),
        Err(StoreError::NotFound { what: "actual", .. })
    ));
}

#[test]
fn actuals_are_validated() {
    let mut s = store();
    let plan = s.create_scenario("Plan", DOC, at(1, 0)).unwrap();
    assert!(matches!(
        s.upsert_actual(
            plan.id,
            Product::Tcr,
            month("2026-02"),
            dec!(-5),
            Currency::Cny
        ),
        Err(StoreError::Invalid {
            field: "amount",
            ..
        })
    ));
    assert!(matches!(
        s.upsert_actual(999, Product::Tcr, month("2026-02"), dec!(5), Currency::Cny),
        Err(StoreError::NotFound {
            what: "scenario",
            id: 999
        })
    ));
    // Text inputs from the UI are validated by parsing into the vocabulary's types.
    assert!(matches!(
        store::parse_month("2026-2"),
        Err(StoreError::Invalid { field: "month", .. })
    ));
    assert!(matches!(
        store::parse_product("tke"),
        Err(StoreError::Invalid {
            field: "product",
            ..
        })
    ));
    assert!(matches!(
        store::parse_site("china"),
        Err(StoreError::Invalid { field: "site", .. })
    ));
    assert!(matches!(
        store::parse_currency("EUR"),
        Err(StoreError::Invalid {
            field: "currency",
            ..
        })
    ));
    assert!(matches!(
        store::parse_decimal("amount", "1e3x"),
        Err(StoreError::Invalid {
            field: "amount",
            ..
        })
    ));
    assert!(s.list_actuals(plan.id).unwrap().is_empty());
}

fn sample_quote() -> NewSavedQuote {
    NewSavedQuote {
        scenario_document: DOC.to_owned(),
        quote: r#"{"lines":[{"rule":"TCR-1","total":"1234.50"}]}"#.to_owned(),
        price_entries: r#"[{"id":"tcr.standard.instance","amount":"6.40"}]"#.to_owned(),
        currency: Currency::Cny,
        total: dec!(1234.50),
        complete: false,
    }
}

#[test]
fn saved_quotes_round_trip() {
    let mut s = store();
    let plan = s.create_scenario("Plan", DOC, at(1, 0)).unwrap();
    let older = s.save_quote(plan.id, &sample_quote(), at(2, 0)).unwrap();
    assert_eq!(older.quote, sample_quote());
    assert_eq!(older.created_at, at(2, 0));
    assert_eq!(older.scenario_id, plan.id);
    assert_eq!(s.get_saved_quote(older.id).unwrap(), older);

    let mut complete = sample_quote();
    complete.complete = true;
    complete.total = dec!(0.00);
    let newer = s.save_quote(plan.id, &complete, at(3, 0)).unwrap();

    let list = s.list_saved_quotes(plan.id).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].id, newer.id, "newest first");
    assert!(list[0].complete);
    assert_eq!(list[0].total.to_string(), "0.00");
    assert_eq!(list[1].id, older.id);
    assert!(!list[1].complete);
    assert_eq!(list[1].total, dec!(1234.50));
    assert_eq!(list[1].currency, Currency::Cny);

    assert!(matches!(
        s.get_saved_quote(12345),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn deleting_a_saved_quote_keeps_the_scenario_and_the_other_quotes() {
    let mut s = store();
    let plan = s.create_scenario("Plan", DOC, at(1, 0)).unwrap();
    let doomed = s.save_quote(plan.id, &sample_quote(), at(2, 0)).unwrap();
    let kept = s.save_quote(plan.id, &sample_quote(), at(3, 0)).unwrap();

    s.delete_saved_quote(doomed.id).unwrap();

    assert!(matches!(
        s.get_saved_quote(doomed.id),
        Err(StoreError::NotFound {
            what: "saved quote",
            ..
        })
    ));
    assert_eq!(s.get_saved_quote(kept.id).unwrap(), kept);
    let list = s.list_saved_quotes(plan.id).unwrap();
    assert_eq!(list.iter().map(|q| q.id).collect::<Vec<_>>(), [kept.id]);
    assert!(s.get_scenario(plan.id).is_ok());
    assert!(matches!(
        s.delete_saved_quote(doomed.id),
        Err(StoreError::NotFound {
            what: "saved quote",
            id
        }) if id == doomed.id
    ));
}

#[test]
fn saved_quotes_are_validated() {
    let mut s = store();
    let plan = s.create_scenario("Plan", DOC, at(1, 0)).unwrap();
    let mut not_array = sample_quote();
    not_array.price_entries = r#"{"id":"x"}"#.to_owned();
    assert!(matches!(
        s.save_quote(plan.id, &not_array, at(1, 0)),
        Err(StoreError::Invalid {
            field: "price_entries",
            ..
        })
    ));
    let mut broken = sample_quote();
    broken.quote = "{".to_owned();
    assert!(matches!(
        s.save_quote(plan.id, &broken, at(1, 0)),
        Err(StoreError::Invalid { field: "quote", .. })
    ));
    let mut negative = sample_quote();
    negative.total = dec!(-1);
    assert!(matches!(
        s.save_quote(plan.id, &negative, at(1, 0)),
        Err(StoreError::Invalid { field: "total", .. })
    ));
    assert!(matches!(
        s.save_quote(77, &sample_quote(), at(1, 0)),
        Err(StoreError::NotFound {
            what: "scenario",
            id: 77
        })
    ));
    assert!(s.list_saved_quotes(plan.id).unwrap().is_empty());
}

#[test]
fn settings_round_trip() {
    let mut s = store();
    assert_eq!(s.get_setting("language").unwrap(), None);
    s.set_setting("language", "en").unwrap();
    s.set_settings(&[
        ("language", "zh-CN"),
        ("theme", "dark"),
        ("default_currency", "CNY"),
    ])
    .unwrap();
    assert_eq!(s.get_setting("language").unwrap().as_deref(), Some("zh-CN"));
    let all = s.all_settings().unwrap();
    let pairs: Vec<(&str, &str)> = all.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(
        pairs,
        [
            ("default_currency", "CNY"),
            ("language", "zh-CN"),
            ("theme", "dark")
        ]
    );
    assert!(
        !s.is_empty().unwrap(),
        "a setting alone makes the store non-empty"
    );

    // All or nothing: an invalid key rejects the whole batch.
    assert!(matches!(
        s.set_settings(&[("theme", "light"), ("", "x")]),
        Err(StoreError::Invalid { field: "key", .. })
    ));
    assert_eq!(s.get_setting("theme").unwrap().as_deref(), Some("dark"));
}

#[test]
fn drafts_round_trip() {
    let mut s = store();
    assert_eq!(s.get_draft("wizard").unwrap(), None);
    let saved = s.put_draft("wizard", r#"{"step":2}"#, at(1, 0)).unwrap();
    assert_eq!(s.get_draft("wizard").unwrap(), Some(saved));
    let replaced = s.put_draft("wizard", r#"{"step":3}"#, at(1, 1)).unwrap();
    assert_eq!(s.get_draft("wizard").unwrap(), Some(replaced.clone()));
    assert_eq!(replaced.document, r#"{"step":3}"#);
    assert_eq!(replaced.updated_at, at(1, 1));
    assert!(s.delete_draft("wizard").unwrap());
    assert!(!s.delete_draft("wizard").unwrap());
    assert_eq!(s.get_draft("wizard").unwrap(), None);
}

#[test]
fn rows_serialize_decimals_and_months_as_strings() {
    let mut s = store();
    let plan = s.create_scenario("Plan", DOC, at(1, 0)).unwrap();
    let actual = s
        .upsert_actual(
            plan.id,
            Product::ImageSearch,
            month("2026-04"),
            dec!(12.30),
            Currency::Usd,
        )
        .unwrap();
    let json = serde_json::to_value(&actual).unwrap();
    assert_eq!(json["amount"], "12.30");
    assert_eq!(json["month"], "2026-04");
    assert_eq!(json["product"], "image_search");
    assert_eq!(json["currency"], "USD");
    let back: store::Actual = serde_json::from_value(json).unwrap();
    assert_eq!(back, actual);
}

/// Data damaged behind the app's back is reported as `Damaged`, never a panic.
#[test]
fn corrupt_stored_values_are_errors_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE_NAME);
    let mut s = Store::open_at(&path, at(1, 0)).unwrap();
    let plan = s.create_scenario("Plan", DOC, at(1, 0)).unwrap();
    s.upsert_actual(
        plan.id,
        Product::Tcr,
        month("2026-01"),
        dec!(1),
        Currency::Cny,
    )
    .unwrap();
    s.add_user_price(&tcr_price(), at(1, 0)).unwrap();
    s.upsert_exchange_rate(
        Currency::Usd,
        Currency::Cny,
        dec!(7),
        chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
    )
    .unwrap();
    s.save_quote(plan.id, &sample_quote(), at(1, 0)).unwrap();

    let raw = rusqlite::Connection::open(&path).unwrap();
    let damaged = |sql: &str| {
        raw.execute_batch(sql).unwrap();
    };

    damaged("UPDATE actuals SET amount = '12,5'");
    let err = s.list_actuals(plan.id).unwrap_err();
    assert!(
        matches!(&err, StoreError::Damaged { reason } if reason.contains("amount") && reason.contains("12,5")),
        "{err:?}"
    );
    damaged("UPDATE actuals SET amount = '1', month = '2026-13'");
    assert!(matches!(
        s.list_actuals(plan.id),
        Err(StoreError::Damaged { .. })
    ));
    damaged("UPDATE actuals SET month = '2026-01', product = 'tke'");
    assert!(matches!(
        s.list_actuals(plan.id),
        Err(StoreError::Damaged { .. })
    ));

    damaged("UPDATE user_prices SET site = 'china'");
    assert!(matches!(
        s.list_user_prices(),
        Err(StoreError::Damaged { .. })
    ));
    damaged("UPDATE user_prices SET site = 'tencent-cn', currency = 'EUR'");
    assert!(matches!(
        s.list_user_prices(),
        Err(StoreError::Damaged { .. })
    ));
    damaged("UPDATE user_prices SET currency = 'CNY', item = 'instance_daily'");
    let err = s.list_user_prices().unwrap_err();
    assert!(
        matches!(&err, StoreError::Damaged { reason }
            if reason.contains("`item`") && reason.contains("instance_daily")
                && reason.contains("a known price item")),
        "{err:?}"
    );
    damaged("UPDATE exchange_rates SET rate = 'NaN'");
    assert!(matches!(
        s.list_exchange_rates(),
        Err(StoreError::Damaged { .. })
    ));
    damaged("UPDATE saved_quotes SET complete = 2");
    assert!(matches!(
        s.list_saved_quotes(plan.id),
        Err(StoreError::Damaged { .. })
    ));
    damaged("UPDATE scenarios SET updated_at = 'yesterday'");
    assert!(matches!(
        s.list_scenarios(),
        Err(StoreError::Damaged { .. })
    ));
    assert!(matches!(
        s.get_scenario(plan.id),
        Err(StoreError::Damaged { .. })
    ));
}

/// Nothing out of the bounds every amount and rate keeps to (docs/scenario-format.md,
/// "Bounds") is stored anew, whoever calls the store.
#[test]
fn amounts_and_rates_are_bounded() {
    let mut s = store();
    let plan = s.create_scenario("Plan", DOC, at(1, 0)).unwrap();
    for amount in [Decimal::MAX, dec!(1000000000000.01), dec!(0.00000000001)] {
        let mut price = tcr_price();
        price.amount = amount;
        let err = s.add_user_price(&price, at(1, 0)).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::Invalid {
                    field: "amount",
                    ..
                }
            ),
            "{err}"
        );
        assert!(
            err.to_string().contains("from 0 to 1000000000000 (10^12)"),
            "{err}"
        );
        let err = s
            .upsert_actual(
                plan.id,
                Product::Tcr,
                month("2026-02"),
                amount,
                Currency::Cny,
            )
            .unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::Invalid {
                    field: "amount",
                    ..
                }
            ),
            "{err}"
        );
    }
    for rate in [Decimal::MAX, dec!(1000000.5), dec!(0.0000009)] {
        let err = s
            .upsert_exchange_rate(
                Currency::Usd,
                Currency::Cny,
                rate,
                chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            )
            .unwrap_err();
        assert!(
            matches!(err, StoreError::Invalid { field: "rate", .. }),
            "{err}"
        );
    }
    let mut top = tcr_price();
    top.amount = dec!(1000000000000);
    assert!(s.add_user_price(&top, at(1, 0)).is_ok(), "the bound itself");
    assert!(s.list_actuals(plan.id).unwrap().is_empty());
}

#[test]
fn bud_4_a_bill_replaces_its_months_all_or_none_and_twice_is_once() {
    use store::BillFigure;
    let mut s = store();
    let plan = s.create_scenario("Plan", DOC, at(1, 0)).unwrap();
    // Typed by hand first.
    s.upsert_actual(
        plan.id,
        Product::Tcr,
        month("2027-03"),
        dec!(200),
        Currency::Usd,
    )
    .unwrap();
    let figures = vec![
        BillFigure {
            product: Product::Tcr,
            month: month("2027-03"),
            amount: dec!(208.32),
            currency: Currency::Usd,
        },
        // A month of credits is kept below zero.
        BillFigure {
            product: Product::Tcss,
            month: month("2027-04"),
            amount: dec!(-125.00),
            currency: Currency::Usd,
        },
    ];
    assert_eq!(
        s.import_actuals(plan.id, &figures, "bill-2027-04.csv", at(2, 0))
            .unwrap(),
        2
    );
    let once = s.list_actuals(plan.id).unwrap();
    assert_eq!(once.len(), 2);
    assert_eq!(
        (once[0].amount, once[0].bill.as_deref()),
        (dec!(208.32), Some("bill-2027-04.csv"))
    );
    assert_eq!(once[1].amount, dec!(-125.00));
    assert_eq!(once[0].imported_at, Some(at(2, 0)));
    // The same bill again: the same rows (ids included), a later import time.
    s.import_actuals(plan.id, &figures, "bill-2027-04.csv", at(3, 0))
        .unwrap();
    let twice = s.list_actuals(plan.id).unwrap();
    assert_eq!(
        twice
            .iter()
            .map(|a| (a.id, a.product, a.month, a.amount))
            .collect::<Vec<_>>(),
        once.iter()
            .map(|a| (a.id, a.product, a.month, a.amount))
            .collect::<Vec<_>>()
    );
    // Typing over an imported figure makes it typed again.
    let typed = s
        .upsert_actual(
            plan.id,
            Product::Tcss,
            month("2027-04"),
            dec!(10),
            Currency::Usd,
        )
        .unwrap();
    assert_eq!((typed.bill, typed.imported_at), (None, None));
    // One figure out of bounds: nothing is written.
    let mut bad = figures.clone();
    bad[0].amount = dec!(1);
    bad[1].amount = Decimal::from(10_i64.pow(13));
    assert!(matches!(
        s.import_actuals(plan.id, &bad, "bill.csv", at(4, 0)),
        Err(StoreError::Invalid { .. })
    ));
    assert_eq!(s.list_actuals(plan.id).unwrap()[0].amount, dec!(208.32));
    // A scenario that does not exist.
    assert!(matches!(
        s.import_actuals(9999, &figures, "bill.csv", at(4, 0)),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn a_column_mapping_is_remembered_by_header_shape() {
    let mut s = store();
    assert_eq!(s.bill_mapping("0123456789abcdef").unwrap(), None);
    s.save_bill_mapping("0123456789abcdef", r#"{"month":"a"}"#, at(1, 0))
        .unwrap();
    s.save_bill_mapping("0123456789abcdef", r#"{"month":"b"}"#, at(2, 0))
        .unwrap();
    assert_eq!(
        s.bill_mapping("0123456789abcdef").unwrap().as_deref(),
        Some(r#"{"month":"b"}"#)
    );
    assert!(matches!(
        s.save_bill_mapping("x", "not json", at(3, 0)),
        Err(StoreError::Invalid { .. })
    ));
}
