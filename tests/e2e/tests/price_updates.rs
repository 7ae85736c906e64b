//! Price updates without a release (issue section 4), from the Price book screen: the user
//! chooses an update file in the (scripted) native open dialog, sees every problem of a
//! refused file with its path, sees which saved scenarios a valid one changes (total before →
//! after, first month that differs), loads it, and sees the new price in force. In English and
//! in Chinese, with screenshots of each state (`PLANCAST_SCREENSHOTS=DIR`).

use std::path::{Path, PathBuf};

use plancast_e2e::{enabled, App, TestResult};
use serde_json::json;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(name)
}

/// Chooses `file` in the open dialog the "Load a price-book update" button opens.
async fn load(app: &App, file: &Path) -> TestResult {
    app.answer_dialogs(&[Some(file)])?;
    app.click_for_dialog("[data-test=load-update]").await
}

/// The texts of the elements matching `css`, once there is at least one.
async fn texts(app: &App, css: &str) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let value = app
        .until(&format!(
            "const e = [...document.querySelectorAll(\"{css}\")].map(e => e.textContent); \
             return e.length ? e : null;"
        ))
        .await?;
    Ok(serde_json::from_value(value)?)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_price_book_update_is_previewed_loaded_and_used_from_the_price_book_screen() -> TestResult
{
    if !enabled("a_price_book_update_is_previewed_loaded_and_used_from_the_price_book_screen") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click("[data-test=nav-price-book]").await?;
    app.element("[data-test=price-table]").await?;

    // A refused file: every problem with its path, nothing loaded.
    load(&app, &fixture("price-update-invalid.json")).await?;
    let problems = texts(&app, "[data-test=update-problem]").await?;
    for expected in [
        "entries[0].amount: must be an amount from 0",
        "entries[0].currency: prices on tencent-intl are in USD",
        "entries[1].source: names the source P-NOWHERE",
        "entries[4]: overlaps entries[3]",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected:?} not in {problems:#?}"
        );
    }
    app.screenshot("price-update-refused-en-light").await?;
    let stored = app.invoke("list_price_updates", json!({})).await?;
    assert_eq!(stored, json!([]), "a refused update is not stored");

    // A valid one: its entry, and the example scenario it changes, from August 2027.
    load(&app, &fixture("price-update-tcr-2027.json")).await?;
    app.element("[data-test=update-preview]").await?;
    assert!(
        app.script("return !document.querySelector('[data-test=update-problems]');")
            .await?
            == json!(true)
    );
    let scenarios = texts(&app, "[data-test=update-scenario]").await?;
    assert_eq!(scenarios.len(), 1, "{scenarios:?}");
    assert!(scenarios[0].starts_with("Start-up"), "{scenarios:?}");
    let first = texts(&app, "[data-test=update-first-month]").await?;
    assert_eq!(first, ["2027-08"]);
    let before = texts(&app, "[data-test=update-before]").await?;
    let after = texts(&app, "[data-test=update-after]").await?;
    assert!(before[0].ends_with("USD") && after[0].ends_with("USD") && before != after);
    app.screenshot("price-update-preview-en-light").await?;
    // Cancel leaves the book as it was.
    app.click("[data-test=update-cancel]").await?;
    app.eventually(
        "return !!document.querySelector('[data-test=update-preview]');",
        json!(false),
    )
    .await?;
    assert_eq!(
        app.invoke("list_price_updates", json!({})).await?,
        json!([])
    );

    // In Chinese: preview, load, and the new price in force.
    app.click("[data-test=nav-settings]").await?;
    app.click("[data-test=lang-zh-CN]").await?;
    app.eventually(
        "return document.querySelector('[data-test=page-title]')?.textContent;",
        json!("设置"),
    )
    .await?;
    app.click("[data-test=nav-price-book]").await?;
    app.element("[data-test=price-table]").await?;
    load(&app, &fixture("price-update-tcr-2027.json")).await?;
    app.element("[data-test=update-preview]").await?;
    let heading = app
        .until("return document.querySelector('[data-test=update-scenarios] th')?.textContent;")
        .await?;
    assert_eq!(heading, json!("场景"));
    app.screenshot("price-update-preview-zh-CN-light").await?;
    app.click("[data-test=update-confirm]").await?;
    let loaded = texts(&app, "[data-test=update-loaded]").await?;
    assert!(
        loaded[0].contains("price-update-tcr-2027.json"),
        "{loaded:?}"
    );
    // The screen moves to the update's first day, where the new price is in force.
    app.eventually(
        "return document.querySelector('[data-test=price-date] input, input[data-test=price-date]')?.value;",
        json!("2027-04-01"),
    )
    .await?;
    let new_rows = app
        .until(
            "const rows = [...document.querySelectorAll('[data-test=price-row]')] \
               .filter(r => r.textContent.includes('version 2027-04-01')); \
             return rows.length ? rows.map(r => r.querySelector('.amount').textContent) : null;",
        )
        .await?;
    assert_eq!(new_rows, json!(["0.40 USD"]));
    let in_use = texts(&app, "[data-test=loaded-updates]").await?;
    assert!(
        in_use[0].contains("price-update-tcr-2027.json"),
        "{in_use:?}"
    );
    app.screenshot("price-update-loaded-zh-CN-light").await?;
    let stored = app.invoke("list_price_updates", json!({})).await?;
    assert_eq!(stored.as_array().map(Vec::len), Some(1), "{stored}");

    // A refused file in Chinese: the problems in Chinese, with the same paths.
    load(&app, &fixture("price-update-invalid.json")).await?;
    let problems = texts(&app, "[data-test=update-problem]").await?;
    assert!(
        problems
            .iter()
            .any(|p| p == "entries[0].currency: tencent-intl 的价格以 USD 计"),
        "{problems:#?}"
    );
    app.screenshot("price-update-refused-zh-CN-light").await?;

    // The loaded update is removed again, after a question: the book's price is back.
    app.click("[data-test=loaded-update][data-name='price-update-tcr-2027.json'] [data-test=remove-update]")
        .await?;
    let question = texts(&app, "[data-test=confirm-dialog]").await?;
    assert!(
        question[0].contains("price-update-tcr-2027.json") && question[0].contains("已保存的报价"),
        "{question:?}"
    );
    app.screenshot("price-update-remove-zh-CN-light").await?;
    app.click("[data-test=confirm-ok]").await?;
    app.eventually(
        "return document.querySelector('[data-test=loaded-updates]') === null;",
        json!(true),
    )
    .await?;
    assert_eq!(
        app.invoke("list_price_updates", json!({})).await?,
        json!([])
    );
    assert_eq!(
        app.eventually(
            "return [...document.querySelectorAll('[data-test=price-row]')].some(r => r.textContent.includes('version 2027-04-01'));",
            json!(false),
        )
        .await?,
        json!(false),
        "the update's price is still listed"
    );
    app.close().await?;
    Ok(())
}
