//! Actual spend in the scenario view and its exported chart (rules BUD-2, BUD-4): budgets are
//! judged by the actuals where recorded, the chart draws them beside the projection, and the
//! year's spend at their pace is given; the quote itself stays the projection.

use chrono::{DateTime, TimeZone, Utc};
use plancast::commands::{exports, quotes, scenarios, settings};
use store::Store;

const STARTUP: &str = include_str!("../examples/startup-intl.json");

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
        .single()
        .expect("valid time")
}

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("plancast.sqlite3")).expect("open store");
    (dir, store)
}

#[test]
fn without_actuals_the_view_is_the_projection() {
    let (_dir, mut store) = temp_store();
    let row = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    let view = quotes::quote_scenario(&store, row.id, "light", "en").expect("quote");
    assert!(view.year_pace.is_none());
    assert!(view
        .months
        .iter()
        .flat_map(|m| &m.budgets)
        .all(|b| !b.actual));
    let svg = view.chart_svg.expect("chart");
    assert!(!svg.contains("Actual spend"));
    assert!(svg.contains("Warning level"), "the budgets' warning lines");
}

#[test]
fn an_actual_judges_the_budgets_and_is_drawn_in_the_chart() {
    // rules BUD-2, BUD-4
    let (_dir, mut store) = temp_store();
    let row = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    let before = quotes::quote_scenario(&store, row.id, "light", "en").expect("quote");
    // TCSS in January far above the "Security" budget (700 USD a month).
    settings::upsert_actual(&mut store, row.id, "tcss", "2027-01", "5000", "USD").expect("actual");
    let view = quotes::quote_scenario(&store, row.id, "light", "en").expect("quote");
    // The quote is unchanged.
    assert_eq!(view.total, before.total);
    let jan = &view.months[0];
    assert_eq!(jan.total, before.months[0].total);
    // The TCSS budget and the whole-scenario budget use the actual in January, not after.
    let security = view
        .budgets
        .iter()
        .position(|b| b.name.as_deref() == Some("Security"))
        .expect("security budget");
    assert!(jan.budgets.iter().all(|b| b.actual));
    assert_eq!(jan.budgets[security].spend, "5000");
    assert_eq!(
        jan.budgets[security].status,
        Some(pricing::budget::Status::Over)
    );
    assert_eq!(
        view.budgets[security].first_over.as_deref(),
        Some("2027-01")
    );
    assert!(view.months[1].budgets.iter().all(|b| !b.actual));
    for (now, then) in view.months[1].budgets.iter().zip(&before.months[1].budgets) {
        assert_eq!((&now.spend, now.status), (&then.spend, then.status));
    }
    // Cumulative figures carry January's actual on.
    assert_ne!(
        view.months[1].budgets[security].cumulative_spend,
        before.months[1].budgets[security].cumulative_spend
    );
    // The year at the pace of the actuals, beside the projection.
    let pace = view.year_pace.as_ref().expect("year pace");
    assert_eq!(
        (pace.year, pace.months_with_actuals, pace.months),
        (2027, 1, 12)
    );
    assert_eq!(pace.actual, "5000");
    assert_ne!(pace.at_pace, pace.projected);
    // The chart draws the actual series, hollow: January has no TCR or Image Search actual.
    let svg = view.chart_svg.as_deref().expect("chart");
    assert!(
        svg.contains("Actual spend, some products"),
        "partial actual"
    );
    // The exported chart too.
    let export = exports::chart(&store, row.id, "svg", "dark", "zh-CN").expect("export");
    let text = String::from_utf8(export.bytes).expect("utf-8");
    assert!(text.contains("实际支出（部分产品）"));
}
