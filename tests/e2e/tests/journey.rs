//! A China-site team's first week, whole, as a new user walks it, in English and in Chinese:
//! first launch, a scenario built in the wizard with numbers typed the way people type them
//! (CNY, so every product on its China site), saved; the quote exported as CSV and the chart
//! as PNG; two months of actual spend; a comparison with another scenario, exported too.

use std::path::Path;

use plancast_e2e::{enabled, App, TestResult, PATIENCE};
use serde_json::{json, Value};

async fn export(app: &App, button: &str, to: &Path) -> TestResult {
    app.answer_dialogs(&[Some(to)])?;
    app.click(&format!("[data-test={button}]")).await?;
    app.dialogs_answered().await?;
    // "Saved to …" appears beside the button.
    app.until("return document.querySelector('[data-test=notice]') !== null;")
        .await?;
    let deadline = std::time::Instant::now() + PATIENCE;
    while !to.exists() && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(to.exists(), "{button} wrote nothing to {}", to.display());
    Ok(())
}

async fn journey(lang: &str, name: &str) -> TestResult {
    let app = App::launch().await?;
    let dir = tempfile::tempdir()?;
    if lang != "en" {
        app.click("[data-test=nav-settings]").await?;
        app.click(&format!("[data-test=lang-{lang}]")).await?;
        app.click("[data-test=nav-scenarios]").await?;
    }
    // First launch: the examples, and what to do.
    app.element("[data-test=welcome]").await?;
    app.click("[data-test=welcome-new]").await?;

    // Basics: a CNY budget puts every product on its China site.
    app.element("[data-test=wizard-step-basics]").await?;
    app.fill("[data-test=field-name]", name).await?;
    app.choose("field-currency", "CNY").await?;
    app.fill("[data-test=field-start]", "2027年1月").await?;
    app.next_step("products").await?;
    for product in ["tcr", "tcss", "image_search"] {
        app.click(&format!("[data-test=product-{product}]")).await?;
    }
    app.next_step("tcr").await?;

    // TCR in Shanghai, storage typed with a separator.
    app.element("[data-test=wizard-step-tcr]").await?;
    app.choose("field-tcr.region", "ap-shanghai").await?;
    app.fill("[data-test='field-tcr.storage_gb']", "1,200")
        .await?;
    app.next_step("tcss").await?;
    app.element("[data-test=wizard-step-tcss]").await?;
    app.fill("[data-test='field-tcss.cores']", "６４").await?;
    app.next_step("image_search").await?;
    app.element("[data-test=wizard-step-image_search]").await?;
    app.fill("[data-test='field-image_search.images']", "2 000 000")
        .await?;
    app.next_step("growth").await?;

    // Image Search grows 15 % a month.
    app.element("[data-test=wizard-step-growth]").await?;
    app.click("[data-test='growth-image_search.images-percent']")
        .await?;
    app.fill("[data-test='step-image_search.images']", "15%")
        .await?;
    app.next_step("budgets").await?;

    // A budget with a warning level.
    app.element("[data-test=wizard-step-budgets]").await?;
    app.click("[data-test=add-budget]").await?;
    app.fill("[data-test=budget-amount-0]", "80,000").await?;
    app.fill("[data-test=budget-warn-0]", "80%").await?;
    app.next_step("review").await?;

    // Review in words, then save.
    app.element("[data-test=wizard-step-review]").await?;
    app.element("[data-test=review-summary]").await?;
    let text = app
        .script("return document.querySelector('[data-test=review-json]').textContent;")
        .await?;
    let document: Value = serde_json::from_str(text.as_str().ok_or("no file")?)?;
    assert_eq!(document["currency"], json!("CNY"));
    assert_eq!(document["start"], json!("2027-01"));
    assert_eq!(document["tcr"]["site"], json!("tencent-cn"));
    assert_eq!(document["tcss"]["site"], json!("tencent-cn"));
    assert_eq!(document["image_search"]["site"], json!("aliyun-cn"));
    assert_eq!(document["tcr"]["storage_gb"], json!("1200"));
    assert_eq!(document["tcss"]["cores"], json!("64"));
    assert_eq!(
        document["image_search"]["images"],
        json!({ "start": "2000000", "monthly_percent": "15" })
    );
    assert_eq!(document["budgets"][0]["amount"], json!("80000"));
    assert!(
        document.get("rates").is_none(),
        "a China team needs no exchange rate"
    );
    app.click("[data-test=wizard-save]").await?;
    app.element("[data-test=screen-scenario] [data-test=quote-total]")
        .await?;

    // Reports: the quote as CSV, the chart as PNG.
    let csv = dir.path().join("quote.csv");
    export(&app, "export-csv-bom", &csv).await?;
    assert!(std::fs::read(&csv)?.starts_with(&[0xEF, 0xBB, 0xBF]));
    let png = dir.path().join("chart.png");
    export(&app, "export-png", &png).await?;
    assert!(std::fs::read(&png)?.starts_with(b"\x89PNG"));

    // Two months of actual spend, typed as people type them.
    app.click("[data-test=actuals-product-tcss]").await?;
    for (month, typed) in [("2027-01", "１２，０００"), ("2027-02", "11,500.50")] {
        let field = format!("[data-test='actual-tcss-{month}']");
        app.fill(&field, typed).await?;
        app.script(&format!(
            "document.querySelector(\"{field}\").blur(); return null;"
        ))
        .await?;
    }
    let list = app.invoke("list_scenarios", json!({})).await?;
    let id = list
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["name"] == json!(name)))
        .and_then(|r| r["id"].as_i64())
        .ok_or("the scenario was not saved")?;
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        let rows = app
            .invoke("list_actuals", json!({ "scenario_id": id }))
            .await?;
        let mut amounts: Vec<String> = rows
            .as_array()
            .map(|r| {
                r.iter()
                    .filter_map(|a| a["amount"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        amounts.sort();
        if amounts == ["11500.50", "12000"] {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "actuals stored: {amounts:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // Compare with another CNY scenario, and export the comparison.
    app.click("[data-test=nav-compare]").await?;
    app.element("[data-test=compare-pick]").await?;
    app.script(&format!(
        "document.querySelector(`[data-test=compare-pick][data-name={:?}]`).click(); \
         document.querySelector(`[data-test=compare-pick][data-name^='华东企业']`).click(); return null;",
        name
    ))
    .await?;
    app.element("[data-test=compare-row]").await?;
    let compared = dir.path().join("compare.csv");
    export(&app, "compare-export", &compared).await?;
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_china_team_first_week_in_english() -> TestResult {
    if !enabled("a_china_team_first_week_in_english") {
        return Ok(());
    }
    journey("en", "East China platform, 2027").await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_china_team_first_week_in_chinese() -> TestResult {
    if !enabled("a_china_team_first_week_in_chinese") {
        return Ok(());
    }
    journey("zh-CN", "华东平台 2027").await
}
