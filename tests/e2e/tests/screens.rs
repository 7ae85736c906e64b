//! The screens with real data: the wizard with its live quote, saving and finding a scenario
//! after a restart, field errors, exports, comparison and language — and, with
//! `PLANCAST_SCREENSHOTS=DIR`, a picture of every screen in light and dark.
//!
//! The three example scenarios are loaded on first launch; tests use them.

use std::time::{Duration, Instant};

use plancast_e2e::{enabled, App, TestResult, PATIENCE};
use serde_json::{json, Value};

const NAME: &str = "E2E security budget";

/// Picks the two examples that report in CNY on the Compare screen.
const PICK_TWO_CNY: &str = "for (const p of ['商品', '华东']) document.querySelector(`[data-test=compare-pick][data-name^='${p}']`).click(); return null;";

/// The example with all three products.
const STARTUP: &str = "[data-test=scenario-row][data-name^='Start-up'] [data-test=open-scenario]";

/// Text of the first element matching `css` (or null).
fn text_of(css: &str) -> String {
    format!("return document.querySelector('{css}')?.textContent ?? null;")
}

fn count_of(css: &str) -> String {
    format!("return document.querySelectorAll('{css}').length;")
}

/// Waits until the script returns something other than `not`; returns it.
async fn changes(app: &App, body: &str, not: &Value) -> Result<Value, Box<dyn std::error::Error>> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let value = app.script(body).await?;
        if &value != not && !value.is_null() {
            return Ok(value);
        }
        if Instant::now() > deadline {
            return Err(format!("`{body}` stayed {not}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn at_least(app: &App, css: &str, n: u64) -> Result<u64, Box<dyn std::error::Error>> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let value = app.script(&count_of(css)).await?.as_u64().unwrap_or(0);
        if value >= n {
            return Ok(value);
        }
        if Instant::now() > deadline {
            return Err(format!("fewer than {n} of {css} (saw {value})").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn scenario_count(app: &App) -> Result<usize, Box<dyn std::error::Error>> {
    let list = app.invoke("list_scenarios", json!({})).await?;
    Ok(list
        .as_array()
        .ok_or("list_scenarios did not return a list")?
        .len())
}

#[tokio::test(flavor = "multi_thread")]
async fn wizard_builds_a_scenario_with_a_live_quote_that_survives_a_restart() -> TestResult {
    if !enabled("wizard_builds_a_scenario_with_a_live_quote_that_survives_a_restart") {
        return Ok(());
    }
    let app = App::launch().await?;
    at_least(&app, "[data-test=scenario-row]", 3).await?;
    app.click("[data-test=new-scenario]").await?;
    app.element("[data-test=wizard-step-basics]").await?;
    app.element("[data-test=side-panel]").await?;

    // Basics.
    app.fill("[data-test=field-name]", NAME).await?;
    app.fill("[data-test=field-months]", "6").await?;
    app.click("[data-test=add-rate]").await?;
    app.fill("[data-test=rate-rate-0]", "0.139").await?;
    app.next_step("products").await?;

    // Products.
    app.element("[data-test=wizard-step-products]").await?;
    app.click("[data-test=product-tcss]").await?;
    app.next_step("tcss").await?;

    // TCSS: the live total follows the cores.
    app.element("[data-test=wizard-step-tcss]").await?;
    let total = changes(&app, &text_of("[data-test=live-total]"), &Value::Null).await?;
    app.fill("[data-test='field-tcss.cores']", "64").await?;
    let bigger = changes(&app, &text_of("[data-test=live-total]"), &total).await?;
    assert_ne!(total, bigger, "the live total did not follow the cores");
    assert_eq!(
        app.script(&count_of("[data-test=live-months] tbody tr"))
            .await?,
        json!(6)
    );
    app.element("[data-test=side-panel] [data-test=chart] svg")
        .await?;
    app.click("[data-test=tcss-billing-prepaid]").await?;
    app.fill("[data-test='field-tcss.licensed_cores']", "64")
        .await?;
    app.next_step("growth").await?;

    // Growth: cores grow 10 % a month.
    app.element("[data-test=wizard-step-growth]").await?;
    app.click("[data-test='growth-tcss.cores-percent']").await?;
    app.fill("[data-test='step-tcss.cores']", "10").await?;
    let grown = changes(&app, &text_of("[data-test=live-total]"), &bigger).await?;
    assert_ne!(grown, bigger);
    app.next_step("budgets").await?;

    // Budgets.
    app.element("[data-test=wizard-step-budgets]").await?;
    app.click("[data-test=add-budget]").await?;
    app.fill("[data-test=budget-amount-0]", "500").await?;
    app.next_step("review").await?;

    // Review and save.
    app.element("[data-test=wizard-step-review]").await?;
    let json_text = app.review_json().await?;
    let document: Value = serde_json::from_str(&json_text)?;
    assert_eq!(document["name"], json!(NAME));
    assert_eq!(
        document["tcss"]["cores"],
        json!({ "start": "64", "monthly_percent": "10" })
    );
    assert_eq!(document["budgets"][0]["amount"], json!("500"));
    app.element("[data-test=review-total]").await?;
    app.click("[data-test=wizard-save]").await?;

    // The scenario view opens with its quote.
    app.element("[data-test=screen-scenario] [data-test=quote-total]")
        .await?;
    assert_eq!(
        app.script(&text_of("[data-test=page-title]")).await?,
        json!(NAME)
    );
    assert_eq!(scenario_count(&app).await?, 4);
    app.click("[data-test=show-calculation]").await?;
    at_least(&app, "[data-test=calculation]", 1).await?;

    // Quit, relaunch on the same data, and find it.
    let home = app.quit_keeping_home().await?;
    let app = App::launch_in(home).await?;
    at_least(&app, "[data-test=scenario-row]", 4).await?;
    let names = app
        .script("return [...document.querySelectorAll('[data-test=scenario-row]')].map(r => r.dataset.name);")
        .await?;
    assert!(
        names.as_array().is_some_and(|n| n.contains(&json!(NAME))),
        "{names}"
    );
    // The draft was deleted on save: a new wizard starts empty.
    app.click("[data-test=new-scenario]").await?;
    app.element("[data-test=wizard-step-basics]").await?;
    let name = app
        .script("return document.querySelector('[data-test=field-name]').value;")
        .await?;
    assert_eq!(name, json!(""));
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_invalid_field_shows_its_error_beside_it_and_nothing_is_saved() -> TestResult {
    if !enabled("an_invalid_field_shows_its_error_beside_it_and_nothing_is_saved") {
        return Ok(());
    }
    let app = App::launch().await?;
    at_least(&app, "[data-test=scenario-row]", 3).await?;
    app.click("[data-test=new-scenario]").await?;
    app.fill("[data-test=field-name]", "Broken").await?;
    app.fill("[data-test=field-months]", "0").await?;
    app.next_step("products").await?;
    app.click("[data-test=product-tcss]").await?;
    app.click("[data-test=step-basics]").await?;
    app.element("[data-field=months] [data-test=field-error]")
        .await?;

    app.fill("[data-test=field-months]", "12").await?;
    app.click("[data-test=step-tcss]").await?;
    app.fill("[data-test='field-tcss.cores']", "-5").await?;
    // A problem shows once the field is left.
    app.script("document.activeElement.blur(); return null;")
        .await?;
    let error = app
        .element("[data-field='tcss.cores'] [data-test=field-error]")
        .await?;
    assert!(!error.text().await?.is_empty());

    app.click("[data-test=step-review]").await?;
    app.element("[data-test=review-errors]").await?;
    app.click("[data-test=wizard-save]").await?;
    app.element("[data-test=error][data-code=invalid_input]")
        .await?;
    // Save sent the user back to the field.
    app.element("[data-field='tcss.cores'] [data-test=field-error]")
        .await?;
    assert_eq!(
        scenario_count(&app).await?,
        3,
        "an invalid scenario was stored"
    );
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_quote_exports_as_csv() -> TestResult {
    if !enabled("the_quote_exports_as_csv") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click(STARTUP).await?;
    app.element("[data-test=quote-total]").await?;
    let dir = tempfile::tempdir()?;
    for (button, bom) in [("export-csv", false), ("export-csv-bom", true)] {
        // The save dialog is answered from the test's answer file (tests/e2e/src/lib.rs).
        let path = dir.path().join(format!("quote-{bom}.csv"));
        app.answer_dialogs(&[Some(&path)])?;
        app.click(&format!("[data-test={button}]")).await?;
        let says_where = format!(
            "return document.querySelector('[data-test=notice]')?.textContent?.includes({}) ?? false;",
            json!(path)
        );
        let notice = app.eventually(&says_where, json!(true)).await?;
        assert_eq!(notice, json!(true), "no notice of {}", path.display());
        let bytes = std::fs::read(&path)?;
        assert_eq!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), bom);
        let text = String::from_utf8(bytes)?;
        let rows: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
        assert!(rows.len() > 2, "too few rows: {rows:?}");
        assert!(rows[0].contains("month"), "header: {}", rows[0]);
    }
    // A cancelled dialog writes nothing.
    let before = std::fs::read_dir(dir.path())?.count();
    app.answer_dialogs(&[None])?;
    app.click("[data-test=export-csv]").await?;
    app.dialogs_answered().await?;
    assert_eq!(std::fs::read_dir(dir.path())?.count(), before);
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn actual_spend_appears_beside_the_projection() -> TestResult {
    if !enabled("actual_spend_appears_beside_the_projection") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click(STARTUP).await?;
    app.element("[data-test=actuals]").await?;
    app.click("[data-test=actuals-product-tcss]").await?;
    app.fill("[data-test='actual-tcss-2027-01']", "400").await?;
    // `change` fires when the field loses focus.
    app.script(
        "document.querySelector(\"[data-test='actual-tcss-2027-01']\").blur(); return null;",
    )
    .await?;
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        let actuals = app
            .invoke(
                "list_actuals",
                json!({ "scenario_id": scenario_id(&app).await? }),
            )
            .await?;
        if actuals
            .as_array()
            .is_some_and(|a| a.iter().any(|r| r["amount"] == json!("400")))
        {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the actual was not stored: {actuals}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.close().await?;
    Ok(())
}

async fn scenario_id(app: &App) -> Result<i64, Box<dyn std::error::Error>> {
    let list = app.invoke("list_scenarios", json!({})).await?;
    list.as_array()
        .and_then(|rows| {
            rows.iter().find(|r| {
                r["name"]
                    .as_str()
                    .is_some_and(|n| n.starts_with("Start-up"))
            })
        })
        .and_then(|r| r["id"].as_i64())
        .ok_or_else(|| "no Start-up example".into())
}

#[tokio::test(flavor = "multi_thread")]
async fn two_scenarios_compare_month_by_month() -> TestResult {
    if !enabled("two_scenarios_compare_month_by_month") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click("[data-test=nav-compare]").await?;
    at_least(&app, "[data-test=compare-pick]", 3).await?;
    app.script(PICK_TWO_CNY).await?;
    at_least(&app, "[data-test=compare-row]", 1).await?;
    app.element("[data-test=screen-compare] [data-test=chart] svg")
        .await?;
    let headers = app
        .script(&count_of("[data-test=compare-table] thead th"))
        .await?;
    assert_eq!(headers, json!(4), "month, two totals and one difference");
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_screens_switch_to_chinese_and_back() -> TestResult {
    if !enabled("the_screens_switch_to_chinese_and_back") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click("[data-test=nav-settings]").await?;
    app.click("[data-test=lang-zh-CN]").await?;
    app.click("[data-test=nav-scenarios]").await?;
    assert_eq!(
        app.eventually(&text_of("[data-test=new-scenario]"), json!("新建场景"))
            .await?,
        json!("新建场景")
    );
    app.click("[data-test=open-scenario]").await?;
    app.element("[data-test=quote-total]").await?;
    assert_eq!(
        app.eventually(&text_of("[data-test=save-quote]"), json!("保存报价"))
            .await?,
        json!("保存报价")
    );
    app.click("[data-test=nav-settings]").await?;
    app.click("[data-test=lang-en]").await?;
    app.click("[data-test=nav-scenarios]").await?;
    assert_eq!(
        app.eventually(&text_of("[data-test=new-scenario]"), json!("New scenario"))
            .await?,
        json!("New scenario")
    );
    let violations = app.script("return window.__cspViolations;").await?;
    assert_eq!(violations, json!([]));
    app.close().await?;
    Ok(())
}

const THEME: &str = "return document.documentElement.dataset.theme;";

/// With PLANCAST_SCREENSHOTS=DIR: every screen, light and dark, plus Chinese.
#[tokio::test(flavor = "multi_thread")]
async fn screenshots_of_every_screen_with_data() -> TestResult {
    if !enabled("screenshots_of_every_screen_with_data")
        || std::env::var_os("PLANCAST_SCREENSHOTS").is_none()
    {
        return Ok(());
    }
    let app = App::launch().await?;
    for theme in ["light", "dark"] {
        app.click("[data-test=nav-settings]").await?;
        app.click(&format!("[data-test=theme-{theme}]")).await?;
        app.eventually(THEME, json!(theme)).await?;
        app.element("[data-test=rates-table], [data-test=add-rate]")
            .await?;
        app.screenshot(&format!("settings-{theme}")).await?;

        app.click("[data-test=nav-scenarios]").await?;
        at_least(&app, "[data-test=scenario-row]", 3).await?;
        app.screenshot(&format!("scenarios-{theme}")).await?;

        app.click(STARTUP).await?;
        app.element("[data-test=quote-total]").await?;
        app.element("[data-test=alternatives]").await?;
        app.screenshot(&format!("scenario-{theme}")).await?;
        app.script(
            "document.querySelector('[data-test=budget-summary]')?.scrollIntoView(); return null;",
        )
        .await?;
        app.screenshot(&format!("scenario-budgets-{theme}")).await?;
        app.script("document.querySelector('[data-test=show-calculation]').click(); return null;")
            .await?;
        app.element("[data-test=calculation]").await?;
        app.script("document.querySelector('[data-test=calculation]')?.scrollIntoView({block: 'center'}); return null;").await?;
        app.screenshot(&format!("scenario-calculation-{theme}"))
            .await?;
        app.script(
            "document.querySelector('[data-test=alternatives]')?.scrollIntoView(); return null;",
        )
        .await?;
        app.screenshot(&format!("scenario-alternatives-{theme}"))
            .await?;
        app.script(
            "document.querySelector('[data-test=tcss-summary]')?.scrollIntoView(); return null;",
        )
        .await?;
        app.screenshot(&format!("scenario-sizing-{theme}")).await?;
        app.script("document.querySelector('[data-test=actuals]')?.scrollIntoView(); return null;")
            .await?;
        app.screenshot(&format!("scenario-actuals-{theme}")).await?;

        app.click("[data-test=edit]").await?;
        app.element("[data-test=wizard-step-basics]").await?;
        app.element("[data-test=live-total]").await?;
        app.screenshot(&format!("wizard-basics-{theme}")).await?;
        app.click("[data-test=step-tcr]").await?;
        app.screenshot(&format!("wizard-tcr-{theme}")).await?;
        app.click("[data-test=step-growth]").await?;
        app.screenshot(&format!("wizard-growth-{theme}")).await?;
        app.click("[data-test=step-budgets]").await?;
        app.screenshot(&format!("wizard-budgets-{theme}")).await?;
        app.click("[data-test=step-review]").await?;
        app.element("[data-test=review-json]").await?;
        app.screenshot(&format!("wizard-review-{theme}")).await?;
        app.click("[data-test=wizard-discard]").await?;

        app.click("[data-test=nav-compare]").await?;
        at_least(&app, "[data-test=compare-pick]", 2).await?;
        app.script(PICK_TWO_CNY).await?;
        at_least(&app, "[data-test=compare-row]", 1).await?;
        app.screenshot(&format!("compare-{theme}")).await?;
        app.script(
            "document.querySelector('[data-test=compare-table]').scrollIntoView(); return null;",
        )
        .await?;
        app.screenshot(&format!("compare-table-{theme}")).await?;

        app.click("[data-test=nav-price-book]").await?;
        at_least(&app, "[data-test=price-row]", 1).await?;
        app.screenshot(&format!("price-book-{theme}")).await?;
        app.click("[data-test=add-price]").await?;
        app.click("[data-test=price-save]").await?;
        app.element("[data-test=price-form] [data-test=field-error], [data-test=price-form] [data-test=error]").await?;
        app.screenshot(&format!("price-book-form-{theme}")).await?;
    }
    app.click("[data-test=nav-settings]").await?;
    app.click("[data-test=theme-light]").await?;
    app.click("[data-test=lang-zh-CN]").await?;
    app.click("[data-test=nav-scenarios]").await?;
    at_least(&app, "[data-test=scenario-row]", 3).await?;
    app.screenshot("scenarios-zh-CN-light").await?;
    app.click(STARTUP).await?;
    app.element("[data-test=quote-total]").await?;
    app.screenshot("scenario-zh-CN-light").await?;
    app.click("[data-test=edit]").await?;
    app.element("[data-test=live-total]").await?;
    app.click("[data-test=step-tcss]").await?;
    app.screenshot("wizard-zh-CN-light").await?;
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_wizard_draft_survives_closing_the_window() -> TestResult {
    if !enabled("the_wizard_draft_survives_closing_the_window") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click("[data-test=new-scenario]").await?;
    app.fill("[data-test=field-name]", "Half-written").await?;
    // The draft is written a moment after the last change.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let home = app.quit_keeping_home().await?;

    let app = App::launch_in(home).await?;
    app.click("[data-test=new-scenario]").await?;
    app.element("[data-test=draft-restored]").await?;
    let name = app
        .eventually(
            "return document.querySelector('[data-test=field-name]')?.value;",
            json!("Half-written"),
        )
        .await?;
    assert_eq!(name, json!("Half-written"));
    // Discarding what was typed asks first; cancelling keeps it.
    app.click("[data-test=wizard-discard]").await?;
    app.click("[data-test=confirm-cancel]").await?;
    assert_eq!(
        app.script("return document.querySelector('[data-test=field-name]')?.value;")
            .await?,
        json!("Half-written")
    );
    app.click("[data-test=wizard-discard]").await?;
    app.click("[data-test=confirm-ok]").await?;
    app.element("[data-test=screen-scenarios]").await?;
    let draft = app
        .invoke("get_draft", json!({ "key": "wizard:new" }))
        .await?;
    assert_eq!(draft, Value::Null, "discarding deletes the draft");
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn scenarios_rename_duplicate_and_delete_after_confirming() -> TestResult {
    if !enabled("scenarios_rename_duplicate_and_delete_after_confirming") {
        return Ok(());
    }
    let app = App::launch().await?;
    let row = "[data-test=scenario-row][data-name^='Start-up']";
    app.click(&format!("{row} [data-test=rename-scenario]"))
        .await?;
    app.fill("[data-test=rename-input]", "Renamed start-up")
        .await?;
    app.click(".inline-form button[type=submit]").await?;
    app.element("[data-test=scenario-row][data-name='Renamed start-up']")
        .await?;

    app.click(
        "[data-test=scenario-row][data-name='Renamed start-up'] [data-test=duplicate-scenario]",
    )
    .await?;
    at_least(&app, "[data-test=scenario-row]", 4).await?;

    // Cancel keeps it; confirm deletes it.
    let first =
        "[data-test=scenario-row][data-name='Renamed start-up'] [data-test=delete-scenario]";
    app.click(first).await?;
    app.click("[data-test=confirm-cancel]").await?;
    assert_eq!(scenario_count(&app).await?, 4);
    app.click(first).await?;
    app.click("[data-test=confirm-ok]").await?;
    let deadline = Instant::now() + PATIENCE;
    while scenario_count(&app).await? != 3 {
        assert!(Instant::now() < deadline, "the scenario was not deleted");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The search box filters the list.
    app.fill("[data-test=scenario-search]", "华东").await?;
    let shown = app
        .eventually(&count_of("[data-test=scenario-row]"), json!(1))
        .await?;
    assert_eq!(shown, json!(1));
    app.close().await?;
    Ok(())
}

/// Text of every element matching `css`, in document order.
fn texts_of(css: &str) -> String {
    format!("return [...document.querySelectorAll('{css}')].map(e => e.textContent);")
}

fn scroll_to(css: &str) -> String {
    format!("document.querySelector('{css}')?.scrollIntoView({{block: 'start'}}); return null;")
}

/// Opens the Start-up example afresh (the saved-quote list is read when the view opens).
async fn open_startup(app: &App) -> TestResult {
    app.click("[data-test=nav-scenarios]").await?;
    app.click(STARTUP).await?;
    app.element("[data-test=quote-total]").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_saved_quote_is_listed_opened_kept_through_a_price_change_and_deleted() -> TestResult {
    if !enabled("a_saved_quote_is_listed_opened_kept_through_a_price_change_and_deleted") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click(STARTUP).await?;
    app.element("[data-test=quote-total]").await?;
    app.element("[data-test=no-saved-quotes]").await?;
    let total = app.script(&text_of("[data-test=quote-total]")).await?;

    app.click("[data-test=save-quote]").await?;
    app.element("[data-test=notice]").await?;
    app.element("[data-test=saved-quote]").await?;
    assert_eq!(
        app.script(&text_of("[data-test=saved-quote-total]"))
            .await?,
        total
    );
    assert_eq!(
        app.script(&text_of("[data-test=saved-quote-difference]"))
            .await?,
        json!("Same as today")
    );
    assert_eq!(
        app.script(&text_of(
            "[data-test=saved-quote] [data-test=complete-badge]"
        ))
        .await?,
        app.script(&text_of(
            "[data-test=quote-summary] [data-test=complete-badge]"
        ))
        .await?
    );

    // Rule GEN-4: a price entered after saving changes today's quote, not the saved one.
    let price = json!({
        "product": "tcr", "site": "tencent-intl", "item": "cos_storage", "plan": null,
        "region": "ap-singapore", "unit": "", "amount": "10", "currency": "USD",
        "effective_from": null, "effective_to": null, "note": "E2E",
    });
    let added = app
        .invoke("add_user_price", json!({ "price": price }))
        .await?;
    assert!(added.get("error").is_none(), "{added}");
    open_startup(&app).await?;
    app.element("[data-test=saved-quote]").await?;
    assert_eq!(
        app.script(&text_of("[data-test=saved-quote-total]"))
            .await?,
        total,
        "the saved total did not move"
    );
    let difference = app
        .script(&text_of("[data-test=saved-quote-difference]"))
        .await?;
    assert!(
        difference
            .as_str()
            .is_some_and(|d| d.starts_with('+') && d.ends_with(" USD")),
        "{difference}"
    );
    app.script(&scroll_to("[data-test=saved-quotes]")).await?;
    app.screenshot("saved-quotes-light").await?;

    // Open it in place: its month totals and the prices it used, with their sources.
    app.click("[data-test=open-saved-quote]").await?;
    app.element("[data-test=saved-quote-detail]").await?;
    assert_eq!(
        app.script(&count_of("[data-test=saved-quote-months] tbody tr"))
            .await?,
        json!(12)
    );
    let id = app
        .script("return Number(document.querySelector('[data-test=saved-quote]').dataset.id);")
        .await?;
    let saved = app.invoke("get_saved_quote", json!({ "id": id })).await?;
    let entries = saved["entries"].as_array().ok_or("no entries")?;
    assert!(!entries.is_empty());
    assert_eq!(
        app.script(&count_of("[data-test=saved-quote-entry]"))
            .await?,
        json!(entries.len())
    );
    assert_eq!(
        app.script(&count_of("[data-test=saved-quote-entry][data-source=user]"))
            .await?,
        json!(0),
        "the price added later is not among the prices used"
    );
    let sources = app
        .script(&texts_of("[data-test=saved-quote-entry] .source-cell"))
        .await?;
    assert!(
        sources.as_array().is_some_and(|s| s
            .iter()
            .any(|t| t.as_str().is_some_and(|t| t.contains("P-TCR-INTL")))),
        "{sources}"
    );
    app.script(&scroll_to("[data-test=saved-quote-detail]"))
        .await?;
    app.screenshot("saved-quote-open-light").await?;
    app.script(&scroll_to("[data-test=saved-quote-entries]"))
        .await?;
    app.screenshot("saved-quote-entries-light").await?;

    // The same in the dark theme and in Chinese.
    app.click("[data-test=nav-settings]").await?;
    app.click("[data-test=theme-dark]").await?;
    app.eventually(THEME, json!("dark")).await?;
    open_startup(&app).await?;
    app.click("[data-test=open-saved-quote]").await?;
    app.element("[data-test=saved-quote-detail]").await?;
    app.script(&scroll_to("[data-test=saved-quotes]")).await?;
    app.screenshot("saved-quotes-dark").await?;
    app.script(&scroll_to("[data-test=saved-quote-entries]"))
        .await?;
    app.screenshot("saved-quote-entries-dark").await?;

    app.click("[data-test=nav-settings]").await?;
    app.click("[data-test=theme-light]").await?;
    app.click("[data-test=lang-zh-CN]").await?;
    open_startup(&app).await?;
    app.click("[data-test=open-saved-quote]").await?;
    app.element("[data-test=saved-quote-detail]").await?;
    assert_eq!(
        app.eventually(&text_of("[data-test=toggle-saved-quote]"), json!("收起"))
            .await?,
        json!("收起")
    );
    app.script(&scroll_to("[data-test=saved-quotes]")).await?;
    app.screenshot("saved-quotes-zh-CN-light").await?;

    // Cancel keeps it; confirm deletes it.
    app.click("[data-test=delete-saved-quote]").await?;
    app.click("[data-test=confirm-cancel]").await?;
    assert_eq!(
        app.script(&count_of("[data-test=saved-quote]")).await?,
        json!(1)
    );
    app.click("[data-test=delete-saved-quote]").await?;
    app.element("[data-test=confirm-dialog]").await?;
    app.screenshot("saved-quote-delete-zh-CN-light").await?;
    app.click("[data-test=confirm-ok]").await?;
    app.element("[data-test=no-saved-quotes]").await?;
    assert_eq!(
        app.script(&count_of("[data-test=saved-quote-detail]"))
            .await?,
        json!(0)
    );
    let gone = app.invoke("get_saved_quote", json!({ "id": id })).await?;
    assert_eq!(gone["error"]["code"], json!("not_found"), "{gone}");
    let violations = app.script("return window.__cspViolations;").await?;
    assert_eq!(violations, json!([]));
    app.close().await?;
    Ok(())
}

/// Chooses `value` in the select `css` the way a user does (fires `change`).
#[tokio::test(flavor = "multi_thread")]
async fn a_user_price_is_entered_by_item_name_and_listed_from_any_date() -> TestResult {
    if !enabled("a_user_price_is_entered_by_item_name_and_listed_from_any_date") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click("[data-test=nav-price-book]").await?;
    at_least(&app, "[data-test=price-row]", 1).await?;
    app.click("[data-test=add-price]").await?;

    // The items offered are the chosen product's, by name; choosing one fills in its unit.
    app.choose("price-product", "tcss").await?;
    let offered = app
        .script(
            "return [...document.querySelectorAll('[data-test=price-item] option')]\
             .filter(o => o.value).map(o => o.value + '=' + o.textContent);",
        )
        .await?;
    assert_eq!(
        offered,
        json!([
            "pro_prepaid=Pro licence, prepaid",
            "pro_postpaid=Pro, postpaid",
            "image_scan_quota=Image scan quota",
            "log_analysis=Log analysis"
        ])
    );
    app.choose("price-item", "pro_prepaid").await?;
    assert_eq!(
        app.script("return document.querySelector('[data-test=price-unit]').value;")
            .await?,
        json!("core-month")
    );
    // Another product keeps no item of the first one.
    app.choose("price-product", "tcr").await?;
    assert_eq!(
        app.script("return document.querySelector('[data-test=price-item]').value;")
            .await?,
        json!("")
    );
    app.choose("price-product", "tcss").await?;
    app.choose("price-item", "pro_prepaid").await?;
    app.fill("[data-test=price-amount]", "5.5").await?;
    let today = app
        .script("return document.querySelector('[data-test=price-from]').value;")
        .await?;
    app.click("[data-test=price-save]").await?;

    // Listed by name, with the key a scenario file uses as its title.
    app.choose("filter-product", "tcss").await?;
    let row = "[data-test=price-row].user-price";
    at_least(&app, row, 1).await?;
    let cells = |item: &str| {
        format!(
            "const r = [...document.querySelectorAll('{row}')].find(r => r.cells[1].title === '{item}'); \
             return r ? [r.cells[1].textContent, r.cells[3].querySelector('.amount').textContent, r.cells[4].textContent] : null;"
        )
    };
    assert_eq!(
        app.script(&cells("pro_prepaid")).await?,
        json!(["Pro licence, prepaid", "5.5 USD", today])
    );

    // A user price without a start date (as a scenario file or the command line may give
    // one) is in force from any date, and the screen says so rather than inventing a date.
    let undated = json!({
        "product": "tcss", "site": "tencent-intl", "item": "log_analysis", "plan": null,
        "region": null, "unit": "", "amount": "0.2", "currency": "USD",
        "effective_from": null, "effective_to": null, "note": null,
    });
    let added = app
        .invoke("add_user_price", json!({ "price": undated }))
        .await?;
    assert!(added["effective_from"].is_null(), "{added}");
    app.choose("filter-product", "").await?;
    app.choose("filter-product", "tcss").await?;
    at_least(&app, row, 2).await?;
    assert_eq!(
        app.script(&cells("log_analysis")).await?,
        json!(["Log analysis", "0.2 USD", "Any date"])
    );
    app.close().await?;
    Ok(())
}
