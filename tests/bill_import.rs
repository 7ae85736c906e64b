//! Importing bills into a scenario's actual spend, as the command line and the app do it
//! (src-tauri/src/bill_import.rs, commands/bills.rs): the property that importing any bill
//! twice equals importing it once, and the app's preview → confirm path.

use std::io::Write;

use chrono::Utc;
use plancast::bill_import;
use proptest::prelude::*;
use rust_decimal::Decimal;
use store::Store;

const SCENARIO: &str = r#"{"plancast": 1, "name": "Bills", "start": "2027-01", "months": 12,
    "currency": "USD",
    "rates": [{"from": "CNY", "to": "USD", "rate": "0.14", "date": "2027-01-01"},
              {"from": "CNY", "to": "USD", "rate": "0.15", "date": "2027-07-01"}],
    "tcr": {"site": "tencent-intl", "region": "ap-guangzhou"},
    "tcss": {"site": "tencent-intl", "billing": "postpaid", "cores": 10},
    "image_search": {"site": "aliyun-cn", "images": 1000, "qps": 1}}"#;

const SERVICES: [&str; 4] = [
    "Tencent Container Registry",
    "容器安全服务",
    "图像搜索",
    "Cloud Object Storage",
];

fn setup() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("plancast.sqlite3")).unwrap();
    let id = store
        .create_scenario("Bills", SCENARIO, Utc::now())
        .unwrap()
        .id;
    (dir, store, id)
}

fn write_bill(dir: &std::path::Path, rows: &[(u32, usize, i64, bool)]) -> std::path::PathBuf {
    let path = dir.join("bill.csv");
    let mut f = std::fs::File::create(&path).unwrap();
    writeln!(
        f,
        "BillingPeriodStart,BilledCost,BillingCurrency,ServiceName"
    )
    .unwrap();
    for (month, service, cents, cny) in rows {
        writeln!(
            f,
            "2027-{month:02}-01,{},{},{}",
            Decimal::new(*cents, 2),
            if *cny { "CNY" } else { "USD" },
            SERVICES[*service]
        )
        .unwrap();
    }
    path
}

fn stored(store: &Store, id: i64) -> Vec<(String, String, String, String)> {
    store
        .list_actuals(id)
        .unwrap()
        .into_iter()
        .map(|a| {
            (
                a.month.to_string(),
                a.product.key().into(),
                a.amount.to_string(),
                a.currency.code().into(),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    /// Issue: actual spend from bills — importing any file twice equals importing it once
    /// (rule BUD-4), whatever was stored before.
    #[test]
    fn importing_a_bill_twice_equals_importing_it_once(
        rows in proptest::collection::vec((1u32..=14, 0usize..4, -50_000i64..500_000, any::<bool>()), 0..40),
        typed in proptest::collection::vec((1u32..=12, 0usize..3, 0i64..100_000), 0..5),
    ) {
        let (dir, mut store, id) = setup();
        for (month, product, cents) in &typed {
            store.upsert_actual(
                id,
                pricing::Product::ALL[*product],
                format!("2027-{month:02}").parse().unwrap(),
                Decimal::new(*cents, 2),
                pricing::Currency::Usd,
            ).unwrap();
        }
        let path = write_bill(dir.path(), &rows);
        let first = bill_import::prepare(&store, id, &path, None, &mut |_| {}).unwrap();
        bill_import::commit(&mut store, &first, Utc::now()).unwrap();
        let once = stored(&store, id);
        let second = bill_import::prepare(&store, id, &path, None, &mut |_| {}).unwrap();
        prop_assert_eq!(second.plan.writes().count(), 0);
        bill_import::commit(&mut store, &second, Utc::now()).unwrap();
        prop_assert_eq!(stored(&store, id), once);
    }
}

#[test]
fn the_app_previews_a_bill_then_stores_it_on_confirm_and_forgets_it_on_cancel() {
    let (dir, mut store, id) = setup();
    let path = write_bill(
        dir.path(),
        &[
            (3, 0, 20_832, false),
            (3, 2, 680_000, true),
            (3, 3, 1_200, false),
        ],
    );
    let opened =
        plancast::commands::bills::open(&store, id, path.clone(), None, &mut |_| {}).unwrap();
    let preview = opened.preview.clone().unwrap();
    assert_eq!(
        (preview.rows, preview.matched, preview.unmatched),
        (3, 2, 1)
    );
    assert_eq!(preview.writes, 2);
    assert_eq!(preview.changes[1].after, "952"); // 6800 CNY × 0.14
    assert!(
        stored(&store, id).is_empty(),
        "nothing is stored before confirming"
    );
    assert_eq!(
        plancast::commands::bills::confirm(&mut store, opened.token).unwrap(),
        2
    );
    assert_eq!(stored(&store, id).len(), 2);
    // The token is spent: confirming again finds nothing waiting.
    assert!(plancast::commands::bills::confirm(&mut store, opened.token).is_err());
    // Cancelled: nothing stored.
    let again = plancast::commands::bills::open(&store, id, path, None, &mut |_| {}).unwrap();
    assert_eq!(again.preview.unwrap().writes, 0);
    plancast::commands::bills::cancel(again.token);
    assert!(plancast::commands::bills::confirm(&mut store, again.token).is_err());
}

#[test]
fn an_unknown_csv_asks_for_columns_and_is_read_with_them() {
    let (dir, store, id) = setup();
    let path = dir.path().join("export.csv");
    std::fs::write(&path, "When,What,Cost\n2027-02-28,Image Search,100\n").unwrap();
    let opened =
        plancast::commands::bills::open(&store, id, path.clone(), None, &mut |_| {}).unwrap();
    assert!(opened.preview.is_none());
    assert_eq!(
        opened.headers.as_deref(),
        Some(&["When".to_string(), "What".into(), "Cost".into()][..])
    );
    assert_eq!(opened.error.unwrap().code, "bills.needs_mapping");
    let mapping = plancast::commands::dto::BillMappingInput {
        month: "When".into(),
        product: "What".into(),
        amount: "Cost".into(),
        currency_column: None,
        currency: Some(pricing::Currency::Cny),
    };
    let mapped =
        plancast::commands::bills::remap(&store, opened.token, mapping, &mut |_| {}).unwrap();
    let preview = mapped.preview.unwrap();
    assert_eq!(
        (preview.layout.as_str(), preview.changes.len()),
        ("mapped", 1)
    );
    // The reading with columns replaces the one without: only the new token waits.
    assert!(plancast::commands::bills::waiting(opened.token).is_err());
    assert!(plancast::commands::bills::waiting(mapped.token).is_ok());
}

#[test]
fn bud_4_a_suggested_growth_is_applied_to_a_copy() {
    let (_dir, mut store, id) = setup();
    let row = plancast::commands::scenarios::copy_with_growth(
        &mut store,
        id,
        "6.5",
        pricing::Lang::En,
        Utc::now(),
    )
    .unwrap();
    assert_eq!(row.name, "Bills (+6.5 % a month)");
    let zh = plancast::commands::scenarios::copy_with_growth(
        &mut store,
        id,
        "-2",
        pricing::Lang::ZhCn,
        Utc::now(),
    )
    .unwrap();
    assert_eq!(zh.name, "Bills（每月 -2 %）");
    let copy = pricing::parse_scenario(&store.get_scenario(row.id).unwrap().document).unwrap();
    assert_eq!(
        copy.tcss().unwrap().cores,
        pricing::quantity::Quantity::Percent {
            start: Decimal::from(10),
            percent: "6.5".parse().unwrap()
        }
    );
    // The original is as it was.
    assert_eq!(store.get_scenario(id).unwrap().document, SCENARIO);
    assert!(plancast::commands::scenarios::copy_with_growth(
        &mut store,
        id,
        "5000",
        pricing::Lang::En,
        Utc::now()
    )
    .is_err());
    assert!(plancast::commands::scenarios::copy_with_growth(
        &mut store,
        id,
        "abc",
        pricing::Lang::En,
        Utc::now()
    )
    .is_err());
}
