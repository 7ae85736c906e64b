//! Actual spend in the picture (issue #10, part 4; rules BUD-2, BUD-4): after an actual is
//! entered, the scenario chart draws the actual series, the budget table marks the month as
//! judged by an actual, and the summary gives the year at the pace of actuals beside its
//! projection. With `PLANCAST_SCREENSHOTS=DIR`, pictures in light and dark.

use plancast_e2e::{enabled, App, TestResult};
use serde_json::json;

/// The example with all three products.
const STARTUP: &str = "[data-test=scenario-row][data-name^='Start-up'] [data-test=open-scenario]";

const THEME: &str = "return document.documentElement.dataset.theme;";

/// Whether the scenario chart has a legend entry reading exactly `text`.
fn chart_has(text: &str) -> String {
    format!(
        "return [...document.querySelectorAll('[data-test=chart] text')].some(t => t.textContent.trim() === '{text}');"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn actuals_appear_in_the_chart_the_budget_table_and_the_year_figure() -> TestResult {
    if !enabled("actuals_appear_in_the_chart_the_budget_table_and_the_year_figure") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click(STARTUP).await?;
    app.element("[data-test=quote-total]").await?;
    // Before: no actual series, no year figure, no month judged by an actual; the budgets'
    // warning levels are drawn.
    assert_eq!(
        app.script(&chart_has("Actual spend, some products"))
            .await?,
        json!(false)
    );
    assert_eq!(
        app.script("return document.querySelector('[data-test=year-pace]') !== null;")
            .await?,
        json!(false)
    );
    assert_eq!(
        app.script(
            "return document.querySelectorAll('[data-test=budget-months] tr[data-actual]').length;"
        )
        .await?,
        json!(0)
    );
    // The start-up budgets warn at 80 % and 90 %: one entry without a shared threshold.
    assert_eq!(app.script(&chart_has("Warning level")).await?, json!(true));

    // TCSS in January, far above the "Security" budget of 700 USD a month.
    app.element("[data-test=actuals]").await?;
    app.click("[data-test=actuals-product-tcss]").await?;
    app.fill("[data-test='actual-tcss-2027-01']", "5000")
        .await?;
    // `change` fires when the field loses focus.
    app.script(
        "document.querySelector(\"[data-test='actual-tcss-2027-01']\").blur(); return null;",
    )
    .await?;

    // The chart: the actual series, hollow (TCR and Image Search have no actual in January).
    app.until(&chart_has("Actual spend, some products")).await?;
    // The budget table: January is judged by the actual, February is not.
    let marked = app.until("const rows = [...document.querySelectorAll('[data-test=budget-months] tr[data-actual]')]; \
         return rows.length ? rows.map(r => r.cells[0].textContent) : null;",
    )
    .await?;
    assert_eq!(marked, json!(["2027-01"]));
    let label = app
        .script("return document.querySelector('[data-test=budget-month-actual]')?.textContent ?? null;")
        .await?;
    assert_eq!(label, json!("actual"));
    // The year at the pace of actuals, beside the projection.
    let year = app
        .until("return document.querySelector('[data-test=year-pace]')?.dataset.year ?? null;")
        .await?;
    assert_eq!(year, json!("2027"));
    let value = app
        .script("return document.querySelector('[data-test=year-pace-value]').textContent;")
        .await?;
    let projected = app
        .script("return document.querySelector('[data-test=year-pace-projected]').textContent;")
        .await?;
    let (value, projected) = (
        value.as_str().unwrap_or(""),
        projected.as_str().unwrap_or(""),
    );
    assert!(value.ends_with(" USD"), "{value}");
    assert!(
        projected.starts_with("projected ") && projected.ends_with(" USD"),
        "{projected}"
    );
    assert!(
        !projected.contains(value),
        "the pace differs from the projection: {value} / {projected}"
    );

    if std::env::var_os("PLANCAST_SCREENSHOTS").is_some() {
        for theme in ["light", "dark"] {
            app.click("[data-test=nav-settings]").await?;
            app.click(&format!("[data-test=theme-{theme}]")).await?;
            app.eventually(THEME, json!(theme)).await?;
            app.click("[data-test=nav-scenarios]").await?;
            app.click(STARTUP).await?;
            app.until(&chart_has("Actual spend, some products")).await?;
            app.screenshot(&format!("scenario-actuals-chart-{theme}"))
                .await?;
            app.script("document.querySelector('[data-test=budget-months]')?.scrollIntoView(); return null;")
                .await?;
            app.screenshot(&format!("scenario-actuals-budgets-{theme}"))
                .await?;
        }
    }
    app.close().await?;
    Ok(())
}
