//! Pricing never panics on any input (issue #9, "Money panics"): the readers bound amounts,
//! rates, quantities and growth (docs/scenario-format.md, "Bounds"), and every figure computed
//! from them is checked, an overflow being an error that names the field and the month.

use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use pricing::book::USER_SOURCE;
use pricing::budget::{self, Actual, BudgetError, MonthSpend};
use pricing::message::Lang;
use pricing::money::{conversion_factor, convert, Rate};
use pricing::overflow::Overflow;
use pricing::scenario::{user_price_epoch, Budget};
use pricing::{
    compare, parse_scenario, quote, Currency, PriceBook, PriceEntry, PriceItem, Product,
    QuoteError, Scenario, Site, YearMonth,
};

/// The largest decimal: the user price that made the scenario list fail on every launch.
const HUGE: &str = "79228162514264337593543950335";

const BASE: &str = r#"{"plancast": 1, "name": "n", "start": "2027-01", "months": 12, "currency": "USD",
    "rates": [{"from": "CNY", "to": "USD", "rate": "0.14", "date": "2026-11-01"}],
    "budgets": [{"amount": "1500", "currency": "USD"}],
    "tcr": {"site": "tencent-intl", "region": "ap-guangzhou", "edition": "basic",
            "storage_gb": "100", "egress_gb": "10"},
    "tcss": {"site": "tencent-intl", "billing": "postpaid", "cores": 10},
    "image_search": {"site": "aliyun-cn", "images": 1000, "qps": 1}}"#;

fn errors(text: &str) -> Vec<String> {
    match parse_scenario(text) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

fn one_error(text: &str) -> String {
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    errs[0].clone()
}

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

// ---------------------------------------------------------------------------------------
// Bounds: each kind of field, with the message that says what is allowed.

const AMOUNT: &str = "must be an amount from 0 to 1000000000000 (10^12) with at most 10 decimals";

#[test]
fn budget_amounts_are_bounded() {
    let bad = BASE.replace("\"amount\": \"1500\"", &format!("\"amount\": \"{HUGE}\""));
    assert_eq!(
        one_error(&bad),
        format!("budgets[0].amount: {AMOUNT}, got \"{HUGE}\"")
    );
    let bad = BASE.replace("\"amount\": \"1500\"", "\"amount\": \"1000000000000.01\"");
    assert!(one_error(&bad).starts_with("budgets[0].amount: must be an amount from 0"));
    let bad = BASE.replace("\"amount\": \"1500\"", "\"amount\": \"0.00000000001\"");
    assert!(one_error(&bad).contains("with at most 10 decimals"));
    // The bounds themselves are allowed; trailing zeros are not decimals.
    for ok in ["1000000000000", "0", "0.0000000001", "12.50000000000000"] {
        let text = BASE.replace("\"amount\": \"1500\"", &format!("\"amount\": \"{ok}\""));
        assert_eq!(errors(&text), Vec::<String>::new(), "{ok}");
    }
}

#[test]
fn user_price_amounts_are_bounded() {
    let with_price = |amount: &str| {
        BASE.replace(
            "\"budgets\"",
            &format!(
                "\"prices\": [{{\"product\": \"tcr\", \"site\": \"tencent-intl\", \"item\": \"cos_storage\", \"amount\": \"{amount}\", \"currency\": \"USD\"}}], \"budgets\""
            ),
        )
    };
    assert_eq!(
        one_error(&with_price(HUGE)),
        format!("prices[0].amount: {AMOUNT}, got \"{HUGE}\"")
    );
    assert_eq!(errors(&with_price("1000000000000")), Vec::<String>::new());
}

#[test]
fn exchange_rates_are_bounded() {
    for bad in ["0.0000001", "1000001", HUGE, "0.12345678901"] {
        let text = BASE.replace("\"rate\": \"0.14\"", &format!("\"rate\": \"{bad}\""));
        assert_eq!(
            one_error(&text),
            format!(
                "rates[0].rate: must be a rate from 0.000001 to 1000000 with at most 10 decimals, got \"{bad}\""
            )
        );
    }
    for ok in ["0.000001", "1000000"] {
        let text = BASE.replace("\"rate\": \"0.14\"", &format!("\"rate\": \"{ok}\""));
        assert_eq!(errors(&text), Vec::<String>::new(), "{ok}");
    }
}

#[test]
fn quantities_are_bounded_in_every_form() {
    let at_most = "must be at most 1000000000000 (10^12)";
    // A constant count, a constant decimal, a list item, a growth rule's start.
    let cases = [
        (
            "\"cores\": 10",
            "\"cores\": 1000000000001".to_string(),
            format!("tcss.cores: {at_most}, got 1000000000001"),
        ),
        (
            "\"storage_gb\": \"100\"",
            format!("\"storage_gb\": \"{HUGE}\""),
            format!("tcr.storage_gb: {at_most}, got \"{HUGE}\""),
        ),
        (
            "\"images\": 1000",
            format!(
                "\"images\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, {}]",
                "2000000000000"
            ),
            format!("image_search.images[11]: {at_most}, got 2000000000000"),
        ),
        (
            "\"egress_gb\": \"10\"",
            format!("\"egress_gb\": {{\"start\": \"{HUGE}\", \"monthly_add\": 1}}"),
            format!("tcr.egress_gb.start: {at_most}, got \"{HUGE}\""),
        ),
    ];
    for (from, to, expected) in cases {
        assert_eq!(one_error(&BASE.replace(from, &to)), expected);
    }
    // At the bound itself it is read.
    assert_eq!(
        errors(&BASE.replace("\"cores\": 10", "\"cores\": 1000000000000")),
        Vec::<String>::new()
    );
}

#[test]
fn growth_is_bounded() {
    let grow =
        |rule: &str| BASE.replace("\"egress_gb\": \"10\"", &format!("\"egress_gb\": {rule}"));
    assert_eq!(
        one_error(&grow(r#"{"start": 10, "monthly_percent": "1000.01"}"#)),
        "tcr.egress_gb.monthly_percent: must be a percentage from -100 to 1000, got \"1000.01\""
    );
    assert_eq!(
        one_error(&grow(r#"{"start": 10, "monthly_percent": -101}"#)),
        "tcr.egress_gb.monthly_percent: must be a percentage from -100 to 1000, got -101"
    );
    assert_eq!(
        one_error(&grow(&format!(r#"{{"start": 10, "monthly_add": "{HUGE}"}}"#))),
        format!(
            "tcr.egress_gb.monthly_add: must be a number from -1000000000000 to 1000000000000 (10^12), got \"{HUGE}\""
        )
    );
    // 1000 % a month is allowed, and stops at 10^12 in the month it gets there.
    assert_eq!(
        one_error(&grow(r#"{"start": 10, "monthly_percent": 1000}"#)),
        "tcr.egress_gb: the growth rule goes above 1000000000000 (10^12) in month 12"
    );
    assert_eq!(
        errors(
            &grow(r#"{"start": 10, "monthly_percent": 1000}"#)
                .replace("\"months\": 12", "\"months\": 11")
        ),
        Vec::<String>::new()
    );
}

#[test]
fn elastic_caps_are_bounded() {
    let text = BASE.replace(
        "\"cores\": 10}",
        "\"cores\": 10, \"elastic_cap\": 10000000000000}",
    );
    assert_eq!(
        one_error(&text),
        "tcss.elastic_cap: must be a whole number of cores per day from 1 to 1000000000000 (10^12), got 10000000000000"
    );
}

// ---------------------------------------------------------------------------------------
// Overflow at each place that used to panic: an error with the field and the month.

/// A user price straight into the book, as a database from before the bounds can hold.
fn user_price(item: PriceItem, plan: Option<&str>, amount: Decimal) -> PriceEntry {
    PriceEntry {
        product: Product::Tcr,
        site: Site::TencentIntl,
        item,
        plan: plan.map(Into::into),
        regions: Vec::new(),
        unit: "GB-month".into(),
        amount,
        currency: Some(Currency::Usd),
        effective_from: user_price_epoch(),
        effective_to: None,
        source: USER_SOURCE.into(),
        rule: "GEN-3".into(),
        note: None,
    }
}

fn book_with(entries: Vec<PriceEntry>) -> PriceBook {
    PriceBook::builtin()
        .with_user_entries(entries)
        .expect("usable book")
}

fn scenario(text: &str) -> Scenario {
    parse_scenario(text).expect("valid")
}

fn too_large(result: Result<pricing::Quote, QuoteError>) -> Overflow {
    match result {
        Err(QuoteError::TooLarge(o)) => o,
        other => panic!("expected an overflow, got {:?}", other.map(|q| q.total)),
    }
}

#[test]
fn a_line_beyond_a_decimal_names_its_item_and_month() {
    // Was: products/tcr/lines.rs, quantity × price ("Multiplication overflowed").
    let book = book_with(vec![user_price(PriceItem::CosStorage, None, Decimal::MAX)]);
    let o = too_large(quote(&scenario(BASE), &book));
    assert_eq!(o, Overflow::new("tcr.storage", Some(ym("2027-01"))));
    assert_eq!(
        o.message().render(Lang::En),
        "tcr.storage in 2027-01 is too large to compute: check the prices, amounts, rates and quantities it is made of"
    );
    assert_eq!(
        o.message().render(Lang::ZhCn),
        "2027-01 的 tcr.storage 数值过大，无法计算：请检查构成它的价格、金额、汇率和用量"
    );
    // The instance price of the edition too (hours × price).
    let book = book_with(vec![user_price(
        PriceItem::InstanceHourly,
        Some("basic"),
        Decimal::MAX,
    )]);
    let o = too_large(quote(&scenario(BASE), &book));
    assert_eq!(o, Overflow::new("tcr.instance", Some(ym("2027-01"))));
}

#[test]
fn month_and_scenario_totals_are_checked() {
    // Was: quote.rs, Σ of a month's lines and Σ of the months ("Addition overflowed").
    // Each line fits; the month's two lines together do not.
    let half = dec!(50_000_000_000_000_000); // × 10^12 GB = 5 × 10^28 each
    let big = BASE
        .replace("\"storage_gb\": \"100\"", "\"storage_gb\": 1000000000000")
        .replace("\"egress_gb\": \"10\"", "\"egress_gb\": 1000000000000");
    let book = book_with(vec![
        user_price(PriceItem::CosStorage, None, half),
        user_price(PriceItem::CosEgress, None, half),
    ]);
    let o = too_large(quote(&scenario(&big), &book));
    assert_eq!(o, Overflow::new("total", Some(ym("2027-01"))));
    // Each month fits (10^28); twelve of them do not.
    let book = book_with(vec![user_price(
        PriceItem::CosStorage,
        None,
        dec!(10_000_000_000_000_000),
    )]);
    let big = BASE.replace("\"storage_gb\": \"100\"", "\"storage_gb\": 1000000000000");
    let o = too_large(quote(&scenario(&big), &book));
    assert_eq!(o, Overflow::new("total", None));
    assert_eq!(
        o.message().render(Lang::En),
        "total is too large to compute: check the prices, amounts, rates and quantities it is made of"
    );
}

#[test]
fn conversion_to_the_report_currency_is_checked() {
    // Was: money.rs, amount × rate. Every figure within bounds: 10^12 GB at 10^12 a GB is
    // 10^24 USD a month, × 10^6 CNY a dollar is beyond a decimal.
    let text = BASE
        .replace("\"currency\": \"USD\",\n", "\"currency\": \"CNY\",\n")
        .replace(
            r#""rates": [{"from": "CNY", "to": "USD", "rate": "0.14""#,
            r#""rates": [{"from": "USD", "to": "CNY", "rate": "1000000""#,
        )
        .replace("\"budgets\": [{\"amount\": \"1500\", \"currency\": \"USD\"}],", "")
        .replace("\"storage_gb\": \"100\"", "\"storage_gb\": 1000000000000")
        .replace(
            "\"tcr\":",
            "\"prices\": [{\"product\": \"tcr\", \"site\": \"tencent-intl\", \"item\": \"cos_storage\", \"amount\": \"1000000000000\", \"currency\": \"USD\"}], \"tcr\":",
        );
    let s = scenario(&text);
    assert_eq!(s.currency, Currency::Cny);
    let o = too_large(quote(&s, PriceBook::builtin()));
    assert_eq!(o, Overflow::new("tcr.storage", Some(ym("2027-01"))));
    assert_eq!(convert(Decimal::MAX, dec!(2)), None);
    assert_eq!(convert(dec!(2), dec!(0.5)), Some(dec!(1.0)));
    // The inverse of the smallest decimal rate is still a decimal; a zero rate has none.
    let rate = |rate| Rate {
        from: Currency::Cny,
        to: Currency::Usd,
        rate,
        date: user_price_epoch(),
    };
    assert_eq!(
        conversion_factor(&[rate(Decimal::new(1, 28))], Currency::Usd, Currency::Cny),
        Ok(dec!(10_000_000_000_000_000_000_000_000_000))
    );
    assert!(conversion_factor(&[rate(Decimal::ZERO)], Currency::Usd, Currency::Cny).is_err());
}

fn budget(amount: Decimal) -> Budget {
    Budget {
        name: None,
        amount,
        currency: Currency::Usd,
        product: None,
        warn_at: dec!(0.8),
        start: None,
        end: None,
    }
}

fn spend(month: &str, each: Decimal) -> MonthSpend {
    MonthSpend {
        month: ym(month),
        date: ym(month).first_day(),
        by_product: [each; Product::ALL.len()],
    }
}

#[test]
fn budget_totals_are_checked() {
    // Was: budget.rs, the cumulative budget and spend ("Addition overflowed").
    let months = [spend("2027-01", dec!(1)), spend("2027-02", dec!(1))];
    let err = budget::evaluate(&[budget(Decimal::MAX)], &months, Currency::Usd, &[]).unwrap_err();
    assert_eq!(
        err,
        BudgetError::TooLarge(Overflow::new("budgets[0]", Some(ym("2027-02"))))
    );
    // The month's spend over the products, and the utilisation (spend ÷ a tiny budget).
    let huge = [spend("2027-01", Decimal::MAX)];
    let err = budget::evaluate(&[budget(dec!(1))], &huge, Currency::Usd, &[]).unwrap_err();
    assert_eq!(
        err,
        BudgetError::TooLarge(Overflow::new("budgets[0]", Some(ym("2027-01"))))
    );
    let months = [spend("2027-01", dec!(10_000_000_000_000_000_000_000_000))];
    let err =
        budget::evaluate(&[budget(Decimal::new(1, 10))], &months, Currency::Usd, &[]).unwrap_err();
    assert_eq!(
        err,
        BudgetError::TooLarge(Overflow::new("budgets[0]", Some(ym("2027-01"))))
    );
    // A budget in another currency, converted for the chart.
    let rates = [Rate {
        from: Currency::Cny,
        to: Currency::Usd,
        rate: dec!(2),
        date: user_price_epoch(),
    }];
    let mut cny = budget(Decimal::MAX);
    cny.currency = Currency::Cny;
    let err = budget::evaluate(&[cny], &months, Currency::Usd, &rates).unwrap_err();
    assert_eq!(
        err,
        // Converted at each month's rate (rule GEN-8): the first month names it.
        BudgetError::TooLarge(Overflow::new("budgets[0].amount", Some(ym("2027-01"))))
    );
    // Actual spend beside the projection (rule BUD-4).
    let actual = Actual {
        product: Product::Tcr,
        month: ym("2027-01"),
        amount: Decimal::MAX,
        currency: Currency::Cny,
    };
    let err = budget::reconcile(
        &[spend("2027-01", dec!(1))],
        &[Product::Tcr],
        &[actual],
        Currency::Usd,
        &rates,
    )
    .unwrap_err();
    assert_eq!(
        err,
        BudgetError::TooLarge(Overflow::new("actuals.tcr", Some(ym("2027-01"))))
    );
}

#[test]
fn a_comparison_names_the_alternative_that_overflows() {
    // Was: the comparison's totals (LineTotal) and savings. The comparison is still made;
    // an alternative whose total is beyond a decimal has none, and says where.
    let book = book_with(vec![user_price(
        PriceItem::InstanceHourly,
        Some("premium"),
        Decimal::MAX,
    )]);
    let cmp = compare(&scenario(BASE), &book).expect("compares");
    let tcr = &cmp.products[0];
    let premium: Vec<_> = tcr
        .alternatives
        .iter()
        .filter(|a| a.plan.starts_with("premium"))
        .collect();
    assert!(!premium.is_empty());
    for a in premium {
        assert_eq!(a.total, None, "{}", a.plan);
        assert!(!a.complete && !a.recommended);
        assert!(
            a.reasons.iter().any(|r| r.code == "quote.too_large"),
            "{}: {:?}",
            a.plan,
            a.reasons
        );
    }
    // The others are priced as ever, and the scenario's own edition (basic) is quoted.
    assert!(tcr
        .alternatives
        .iter()
        .any(|a| a.plan.starts_with("basic") && a.total.is_some()));
    assert!(quote(&scenario(BASE), &book).is_ok());
}

// ---------------------------------------------------------------------------------------
// Extreme values within the bounds never panic.

/// A usage value: the bound itself, nothing, anything between, or a growth rule. 26 % a month
/// from 1 is the most growth that stays within 10^12 for 120 months (1.26^119 ≈ 8.8 × 10^11);
/// 1000 % a month, the bound, reaches it within a year and is refused past it.
fn arb_quantity(count: bool) -> BoxedStrategy<String> {
    let top = "1000000000000";
    prop_oneof![
        3 => Just(top.to_string()),
        1 => Just("0".to_string()),
        2 => (0u64..=1_000_000_000_000).prop_map(|v| v.to_string()),
        3 => (
            prop_oneof![Just(1u64), Just(1000), Just(7_000_000)],
            prop_oneof![Just(26i32), Just(1000), Just(10), Just(-5), Just(-100)],
        )
            .prop_map(|(start, p)| format!(r#"{{"start": {start}, "monthly_percent": {p}}}"#)),
        1 => prop_oneof![Just(8_000_000_000i64), Just(1), Just(-1)]
            .prop_map(|add| format!(r#"{{"start": 1000, "monthly_add": {add}}}"#)),
        1 => (0u64..1000).prop_map(move |v| if count {
            v.to_string()
        } else {
            format!("\"{v}.123456789\"")
        }),
    ]
    .boxed()
}

/// An amount: the bound, the smallest step, or anything between.
fn arb_amount() -> BoxedStrategy<String> {
    prop_oneof![
        Just("1000000000000".to_string()),
        Just("0.0000000001".to_string()),
        Just("0".to_string()),
        (0u64..=1_000_000_000_000).prop_map(|v| v.to_string()),
    ]
    .boxed()
}

fn arb_rate() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1000000".to_string()),
        Just("0.000001".to_string()),
        Just("0.139".to_string()),
    ]
}

prop_compose! {
    fn arb_extreme()(
        months in prop_oneof![Just(120u32), 1u32..=120],
        report_cny in any::<bool>(),
        rate in arb_rate(),
        budget in arb_amount(),
        price in arb_amount(),
        scan_price in arb_amount(),
        pro_price in arb_amount(),
        storage in arb_quantity(false),
        egress in arb_quantity(false),
        cores in arb_quantity(true),
        peak in arb_quantity(true),
        images in arb_quantity(true),
        first_scans in arb_quantity(true),
        billing in 0usize..3,
        edition in 0usize..3,
    ) -> String {
        let currency = if report_cny { "CNY" } else { "USD" };
        let (from, to) = if report_cny { ("USD", "CNY") } else { ("CNY", "USD") };
        let billing = ["auto", "prepaid", "postpaid"][billing];
        let edition = ["auto", "basic", "premium"][edition];
        format!(
            r#"{{"plancast": 1, "name": "extreme", "start": "2027-01", "months": {months}, "currency": "{currency}",
            "rates": [{{"from": "{from}", "to": "{to}", "rate": "{rate}", "date": "2026-11-01"}}],
            "budgets": [{{"amount": "{budget}", "currency": "USD"}}, {{"amount": "{budget}", "currency": "CNY", "product": "tcss"}}],
            "prices": [
              {{"product": "tcr", "site": "tencent-intl", "item": "cos_storage", "amount": "{price}", "currency": "USD"}},
              {{"product": "tcr", "site": "tencent-intl", "item": "instance_hourly", "plan": "premium", "amount": "{price}", "currency": "USD"}},
              {{"product": "tcss", "site": "tencent-intl", "item": "pro_prepaid", "amount": "{pro_price}", "currency": "USD"}},
              {{"product": "tcss", "site": "tencent-intl", "item": "pro_postpaid", "amount": "{price}", "currency": "USD"}},
              {{"product": "tcss", "site": "tencent-intl", "item": "image_scan_quota", "amount": "{scan_price}", "currency": "USD"}}
            ],
            "tcr": {{"site": "tencent-intl", "region": "ap-guangzhou", "edition": "{edition}",
                     "needs": {{"namespaces": {cores}}},
                     "storage_gb": {storage}, "egress_gb": {egress}}},
            "tcss": {{"site": "tencent-intl", "billing": "{billing}", "cores": {cores}, "peak_cores": {peak}, "peak_days": 3,
                      "image_scan": {{"first_scans": {first_scans}, "repeat_scans": {first_scans}}}, "log_gb": {storage}}},
            "image_search": {{"site": "aliyun-cn", "images": {images}, "qps": 1}}}}"#
        )
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Max amounts, max growth, 120 months, the extreme rates: the reader refuses or accepts,
    /// and whatever it accepts is quoted and compared to a result or an error, never a panic.
    #[test]
    fn extreme_values_within_bounds_never_panic(text in arb_extreme()) {
        // About half the cases are read (the others grow past the bounds) and priced.
        if let Ok(s) = parse_scenario(&text) {
            match quote(&s, PriceBook::builtin()) {
                Ok(q) => prop_assert!(q.total >= Decimal::ZERO),
                Err(QuoteError::TooLarge(o)) => prop_assert!(!o.field.is_empty()),
                Err(_) => {}
            }
            let _ = compare(&s, PriceBook::builtin());
        }
    }
}

#[test]
fn the_largest_in_bounds_scenario_is_an_error_not_a_panic() {
    // Every price, quantity and rate at its bound for 120 months, reported in CNY.
    let text =         r#"{"plancast": 1, "name": "max", "start": "2027-01", "months": 120, "currency": "CNY",
        "rates": [{"from": "USD", "to": "CNY", "rate": "1000000", "date": "2026-11-01"}],
        "budgets": [{"amount": "1000000000000", "currency": "USD"}],
        "prices": [{"product": "tcss", "site": "tencent-intl", "item": "pro_postpaid", "amount": "1000000000000", "currency": "USD"}],
        "tcss": {"site": "tencent-intl", "billing": "postpaid", "cores": {"start": 1, "monthly_percent": 1000}}}"#
    .to_string();
    let err = errors(&text);
    assert_eq!(
        err,
        vec!["tcss.cores: the growth rule goes above 1000000000000 (10^12) in month 13"]
    );
    let text = text.replace(r#"{"start": 1, "monthly_percent": 1000}"#, "1000000000000");
    let o = too_large(quote(&scenario(&text), PriceBook::builtin()));
    assert_eq!(o, Overflow::new("tcss.pro_postpaid", Some(ym("2027-01"))));
    let cmp = compare(&scenario(&text), PriceBook::builtin()).expect("compares");
    let postpaid = cmp.products[0]
        .alternatives
        .iter()
        .find(|a| a.plan == "all_postpaid")
        .expect("all postpaid");
    assert_eq!(postpaid.total, None);
    assert_eq!(
        postpaid.reasons[0],
        Overflow::new("tcss.pro_postpaid", Some(ym("2027-01"))).message()
    );
}
