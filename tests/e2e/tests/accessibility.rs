//! axe-core, the accessibility checker, on every screen and wizard step, in light and dark:
//! no violations. And the keyboard: focus moves to the wizard step's heading.

use plancast_e2e::{bill_fixture, enabled, App, TestResult};
use serde_json::{json, Value};

/// axe-core's script, from the repository's npm packages (`npm install` puts it there).
fn axe_source() -> Result<String, Box<dyn std::error::Error>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: {e} (run npm install)", path.display()).into())
}

/// Runs axe on the page; returns each violation as "rule (impact): target…".
async fn violations(app: &App, axe: &str) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let loaded = app
        .script("return typeof window.axe !== 'undefined';")
        .await?;
    if loaded != json!(true) {
        app.script(&format!("{axe}\n;return null;")).await?;
    }
    let result = app
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
               .then(r => done(r.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)))
               .catch(e => done([`axe failed: ${e}`]));",
            Vec::<Value>::new(),
        )
        .await?;
    Ok(serde_json::from_value(result.json().clone())?)
}

async fn walk(theme: &str) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let axe = axe_source()?;
    let app = App::launch().await?;
    app.element("[data-test=scenario-row]").await?;
    app.click("[data-test=nav-settings]").await?;
    app.click(&format!("[data-test=theme-{theme}]")).await?;
    let mut found = Vec::new();
    let mut check = |screen: &str, list: Vec<String>| {
        found.extend(list.into_iter().map(|v| format!("{screen} ({theme}): {v}")));
    };
    app.settle().await?;
    check("settings", violations(&app, &axe).await?);

    app.click("[data-test=nav-scenarios]").await?;
    app.element("[data-test=scenario-row]").await?;
    check("scenarios", violations(&app, &axe).await?);

    app.click("[data-test=scenario-row][data-name^='Start-up'] [data-test=open-scenario]")
        .await?;
    app.element("[data-test=screen-scenario] [data-test=quote-total]")
        .await?;
    app.settle().await?;
    check("scenario", violations(&app, &axe).await?);

    // Importing a bill: its preview; the column form of a CSV Plancast does not recognise,
    // with every field's message after an empty submit; and the growth suggestion after
    // three months of actuals.
    app.answer_dialogs(&[Some(&bill_fixture("focus-1.0-credits.csv"))])?;
    app.click_for_dialog("[data-test=import-bill]").await?;
    app.element("[data-test=bill-preview]").await?;
    check("scenario, bill preview", violations(&app, &axe).await?);
    app.click("[data-test=bill-cancel]").await?;
    app.answer_dialogs(&[Some(&bill_fixture("mapped.csv"))])?;
    app.click_for_dialog("[data-test=import-bill]").await?;
    app.element("[data-test=bill-mapping]").await?;
    app.click("[data-test=bill-map-currency-from-column]")
        .await?;
    app.click("[data-test=bill-map-submit]").await?;
    app.element("[data-test=bill-map-currencyColumn-error]")
        .await?;
    check("scenario, bill columns", violations(&app, &axe).await?);
    app.click("[data-test=bill-cancel]").await?;
    for (month, amount) in [("2027-01", "100"), ("2027-02", "110"), ("2027-03", "121")] {
        app.type_actual("tcr", month, amount).await?;
    }
    app.element("[data-test=growth-suggestion]").await?;
    check("scenario, growth suggestion", violations(&app, &axe).await?);

    app.click("[data-test=edit]").await?;
    app.element("[data-test=wizard-step-basics]").await?;
    let steps = app
        .script("return [...document.querySelectorAll('[data-test^=step-]')].map(b => b.dataset.test.slice(5));")
        .await?;
    let steps: Vec<String> = serde_json::from_value(steps)?;
    for step in steps {
        app.click(&format!("[data-test=step-{step}]")).await?;
        app.element(&format!("[data-test=wizard-step-{step}]"))
            .await?;
        app.settle().await?;
        check(&format!("wizard {step}"), violations(&app, &axe).await?);
    }
    app.click("[data-test=wizard-discard]").await?;
    app.element("[data-test=screen-scenario]").await?;

    app.click("[data-test=nav-compare]").await?;
    app.element("[data-test=compare-pick]").await?;
    app.script("for (const p of [...document.querySelectorAll('[data-test=compare-pick]')].slice(0, 2)) p.click(); return null;")
        .await?;
    app.element("[data-test=compare-row]").await?;
    app.settle().await?;
    check("compare", violations(&app, &axe).await?);

    app.click("[data-test=nav-price-book]").await?;
    app.element("[data-test=price-row]").await?;
    check("price book", violations(&app, &axe).await?);

    // A price-book update: a refused file's problems, then a valid one's preview.
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
    for (file, shown) in [
        ("price-update-invalid.json", "update-problems"),
        ("price-update-tcr-2027.json", "update-preview"),
    ] {
        app.answer_dialogs(&[Some(&fixtures.join(file))])?;
        app.click_for_dialog("[data-test=load-update]").await?;
        app.element(&format!("[data-test={shown}]")).await?;
        app.settle().await?;
        check(
            &format!("price book, {shown}"),
            violations(&app, &axe).await?,
        );
    }
    app.close().await?;
    Ok(found)
}

#[tokio::test(flavor = "multi_thread")]
async fn no_accessibility_violations_in_light() -> TestResult {
    if !enabled("no_accessibility_violations_in_light") {
        return Ok(());
    }
    let found = walk("light").await?;
    assert!(found.is_empty(), "axe-core:\n{}", found.join("\n"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn no_accessibility_violations_in_dark() -> TestResult {
    if !enabled("no_accessibility_violations_in_dark") {
        return Ok(());
    }
    let found = walk("dark").await?;
    assert!(found.is_empty(), "axe-core:\n{}", found.join("\n"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn focus_goes_to_the_step_heading_and_a_focused_field_shows_a_ring() -> TestResult {
    if !enabled("focus_goes_to_the_step_heading_and_a_focused_field_shows_a_ring") {
        return Ok(());
    }
    let app = App::launch().await?;
    let focused = "return document.activeElement?.dataset.test ?? document.activeElement?.tagName;";
    app.click("[data-test=new-scenario]").await?;
    app.element("[data-test=wizard-step-basics]").await?;
    assert_eq!(
        app.eventually(focused, json!("wizard-step-heading"))
            .await?,
        json!("wizard-step-heading"),
        "opening the wizard left focus elsewhere"
    );
    app.fill("[data-test=field-name]", "Focus").await?;
    let ring = app
        .script(
            "const s = getComputedStyle(document.querySelector('[data-test=field-name]')); \
             return [s.outlineStyle, s.outlineWidth];",
        )
        .await?;
    assert_eq!(
        ring,
        json!(["solid", "2px"]),
        "the focused field has no 2 px ring"
    );
    app.next_step("products").await?;
    app.element("[data-test=wizard-step-products]").await?;
    assert_eq!(
        app.eventually(focused, json!("wizard-step-heading"))
            .await?,
        json!("wizard-step-heading"),
        "a step change left focus elsewhere"
    );
    app.close().await?;
    Ok(())
}
