//! Bills into actual spend (docs/bills.md), from the scenario's Actual spend section: the user
//! picks a bill in the (scripted) native open dialog, reads its preview, and imports it or
//! cancels; the figures then show in the actuals table (with the bill as their source), the
//! chart and the budgets. A FOCUS export in English; a CSV Plancast does not recognise,
//! through the column form, in Chinese; and the growth suggested by three consecutive months
//! of actuals, applied to a copy. With `PLANCAST_SCREENSHOTS=DIR`, pictures of the preview,
//! the column form and the suggestion in light and dark at every window size.

use std::path::Path;

use plancast_e2e::{bill_fixture, enabled, App, TestResult, SIZES};
use serde_json::{json, Value};

/// The example with all three products (USD, 2027-01 for 12 months, a CNY → USD rate).
const STARTUP: &str = "[data-test=scenario-row][data-name='Start-up on the international site, 2027'] [data-test=open-scenario]";
const FOCUS: &str = "focus-1.0-credits.csv";
const MAPPED: &str = "mapped.csv";

async fn open_startup(app: &App) -> TestResult {
    app.click("[data-test=nav-scenarios]").await?;
    app.click(STARTUP).await?;
    app.element("[data-test=screen-scenario] [data-test=quote-total]")
        .await?;
    app.element("[data-test=import-bill]").await?;
    Ok(())
}

/// Picks `file` in the open dialog "Import a bill…" opens (`None` cancels the dialog).
async fn choose_bill(app: &App, file: Option<&Path>) -> TestResult {
    app.answer_dialogs(&[file])?;
    app.click_for_dialog("[data-test=import-bill]").await
}

/// The texts of the elements matching `css`, once there is at least one.
async fn texts(app: &App, css: &str) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let value = app
        .until(&format!(
            "const e = [...document.querySelectorAll(\"{css}\")].map(e => e.textContent.trim()); \
             return e.length ? e : null;"
        ))
        .await?;
    Ok(serde_json::from_value(value)?)
}

async fn text(app: &App, css: &str) -> Result<String, Box<dyn std::error::Error>> {
    Ok(texts(app, css).await?.remove(0))
}

/// The actual spend stored for the open scenario, as Rust lists it.
async fn stored(app: &App) -> Result<Vec<Value>, Box<dyn std::error::Error>> {
    let id = app
        .script("return Number(location.hash.split('/')[2]);")
        .await?;
    let list = app
        .invoke("list_actuals", json!({ "scenario_id": id }))
        .await?;
    Ok(list
        .as_array()
        .ok_or(format!("list_actuals: {list}"))?
        .clone())
}

/// A state pictured in light and dark at every size.
enum Shown<'a> {
    Bill(&'a str, &'a str),
    Growth,
}

async fn set_theme(app: &App, theme: &str) -> TestResult {
    app.click("[data-test=nav-settings]").await?;
    app.click(&format!("[data-test=theme-{theme}]")).await?;
    app.eventually(
        "return document.documentElement.dataset.theme;",
        json!(theme),
    )
    .await?;
    Ok(())
}

/// Screenshots `NAME-LANG-THEME-WxH` of a state (opened again in each theme: a theme is
/// chosen on the Settings screen), scrolled into view. Leaves the light theme and the
/// default window size.
async fn pictures(app: &App, name: &str, lang: &str, shown: Shown<'_>) -> TestResult {
    if std::env::var_os("PLANCAST_SCREENSHOTS").is_none() {
        return Ok(());
    }
    for theme in ["light", "dark"] {
        set_theme(app, theme).await?;
        open_startup(app).await?;
        // What must show, and what is scrolled to the top: the import button above a bill,
        // the section's heading above the suggestion.
        let (css, top) = match shown {
            Shown::Bill(file, css) => {
                choose_bill(app, Some(&bill_fixture(file))).await?;
                (css, "document.querySelector('[data-test=bill-import]')")
            }
            Shown::Growth => (
                "[data-test=growth-suggestion]",
                "document.querySelector('[data-test=growth-suggestion]').closest('section')",
            ),
        };
        for (w, h) in SIZES {
            app.resize(w, h).await?;
            app.element(css).await?;
            app.script(&format!(
                "{top}.scrollIntoView({{ block: 'start' }}); return null;"
            ))
            .await?;
            app.screenshot(&format!("{name}-{lang}-{theme}-{w}x{h}"))
                .await?;
        }
        if let Shown::Bill(..) = shown {
            app.click("[data-test=bill-cancel]").await?;
        }
    }
    set_theme(app, "light").await?;
    app.resize(SIZES[1].0, SIZES[1].1).await?;
    open_startup(app).await
}

async fn chinese(app: &App) -> TestResult {
    app.click("[data-test=nav-settings]").await?;
    app.click("[data-test=lang-zh-CN]").await?;
    app.eventually(
        "return document.querySelector('[data-test=page-title]')?.textContent;",
        json!("设置"),
    )
    .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_focus_bill_is_previewed_cancelled_and_imported_into_the_actuals_chart_and_budgets(
) -> TestResult {
    if !enabled(
        "a_focus_bill_is_previewed_cancelled_and_imported_into_the_actuals_chart_and_budgets",
    ) {
        return Ok(());
    }
    let app = App::launch().await?;
    open_startup(&app).await?;

    // Cancelling the open dialog does nothing.
    choose_bill(&app, None).await?;
    app.settle().await?;
    assert_eq!(
        app.script("return !!document.querySelector('[data-test=bill-preview], [data-test=bill-mapping], .notice-error');")
            .await?,
        json!(false)
    );

    // The preview: layout, encoding and rows; focus on its heading.
    choose_bill(&app, Some(&bill_fixture(FOCUS))).await?;
    app.element("[data-test=bill-preview]").await?;
    assert_eq!(
        app.eventually(
            "return document.activeElement?.id;",
            json!("bill-preview-title")
        )
        .await?,
        json!("bill-preview-title"),
        "the preview's heading is not focused"
    );
    for (field, expected) in [
        ("layout", "FOCUS 1.0"),
        ("encoding", "UTF-8"),
        ("rows", "7"),
        ("matched", "6"),
        ("unmatched", "1"),
        ("unreadable", "0"),
    ] {
        assert_eq!(
            text(&app, &format!("[data-test=bill-{field}]")).await?,
            expected,
            "{field}"
        );
    }
    // Totals as billed, credits apart: TCSS 810 less a 50 credit.
    let totals = texts(&app, "[data-test=bill-total]").await?;
    assert_eq!(totals.len(), 4, "{totals:#?}");
    assert!(
        totals
            .iter()
            .any(|t| t.contains("760.00 USD") && t.contains("-50.00 USD")),
        "{totals:#?}"
    );
    let unmatched = texts(&app, "[data-test=bill-unmatched-service]").await?;
    assert_eq!(unmatched.len(), 1);
    assert!(
        unmatched[0].starts_with("Cloud Object Storage") && unmatched[0].ends_with("12.00 USD")
    );
    // The changes, in USD: three products in March, TCR in April, all new.
    let changes = app
        .until("const r = [...document.querySelectorAll('[data-test=bill-change]')].map(r => [r.dataset.month, r.dataset.product, r.dataset.kind]); return r.length ? r : null;")
        .await?;
    assert_eq!(
        changes,
        json!([
            ["2027-03", "tcr", "new"],
            ["2027-03", "tcss", "new"],
            ["2027-03", "image_search", "new"],
            ["2027-04", "tcr", "new"]
        ])
    );
    assert_eq!(
        text(&app, "[data-test=bill-confirm]").await?,
        "Import 4 monthly figures"
    );
    pictures(
        &app,
        "bill-mapping",
        "en",
        Shown::Bill(MAPPED, "[data-test=bill-mapping]"),
    )
    .await?;
    pictures(
        &app,
        "bill-preview",
        "en",
        Shown::Bill(FOCUS, "[data-test=bill-preview]"),
    )
    .await?;

    // Rows that cannot be read: each with its line and reason, left out of the import.
    choose_bill(&app, Some(&bill_fixture("malformed.csv"))).await?;
    let problems = texts(&app, "[data-test=bill-problem]").await?;
    assert_eq!(problems.len(), 6, "{problems:#?}");
    assert_eq!(problems[0], "Line 3: the amount \"abc\" is not a number");
    assert_eq!(problems[5], "Line 8: the row has no currency column");
    assert_eq!(
        text(&app, "[data-test=bill-left-out-note]").await?,
        "The 6 rows that could not be read are left out."
    );
    assert_eq!(
        text(&app, "[data-test=bill-confirm]").await?,
        "Import 2 monthly figures"
    );
    app.script("document.querySelector('[data-test=bill-problems]').scrollIntoView({ block: 'center' }); return null;")
        .await?;
    app.screenshot("bill-preview-unreadable-en-light").await?;
    app.click("[data-test=bill-cancel]").await?;

    // Escape and Cancel leave the actuals as they were.
    choose_bill(&app, Some(&bill_fixture(FOCUS))).await?;
    app.element("[data-test=bill-preview]").await?;
    app.script(
        "document.getElementById('bill-preview-title').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })); return null;",
    )
    .await?;
    app.eventually(
        "return !!document.querySelector('[data-test=bill-preview]');",
        json!(false),
    )
    .await?;
    choose_bill(&app, Some(&bill_fixture(FOCUS))).await?;
    app.click("[data-test=bill-cancel]").await?;
    app.eventually(
        "return !!document.querySelector('[data-test=bill-preview]');",
        json!(false),
    )
    .await?;
    assert_eq!(
        app.eventually(
            "return document.activeElement?.dataset.test ?? null;",
            json!("import-bill")
        )
        .await?,
        json!("import-bill"),
        "focus did not return to the import button"
    );
    assert_eq!(
        stored(&app).await?,
        Vec::<Value>::new(),
        "a cancelled bill wrote actuals"
    );

    // Import: the notice beside the button, the figures with their source.
    choose_bill(&app, Some(&bill_fixture(FOCUS))).await?;
    app.click("[data-test=bill-confirm]").await?;
    assert_eq!(
        text(&app, "[data-test=bill-imported]").await?,
        "Imported 4 monthly figures from focus-1.0-credits.csv.×"
    );
    app.script("document.querySelector('[data-test=bill-import]').scrollIntoView({ block: 'start' }); return null;")
        .await?;
    app.screenshot("bill-imported-en-light").await?;
    let actuals = stored(&app).await?;
    assert_eq!(actuals.len(), 4, "{actuals:#?}");
    assert!(
        actuals.iter().all(|a| a["bill"] == json!(FOCUS)),
        "{actuals:#?}"
    );
    app.click("[data-test=actuals-product-tcss]").await?;
    let tcss = app
        .until(
            "return document.querySelector(\"[data-test='actual-tcss-2027-03']\")?.value || null;",
        )
        .await?;
    assert!(
        tcss.as_str().is_some_and(|v| v.starts_with("760")),
        "{tcss}"
    );
    let source = app
        .until("const s = document.querySelector(\"[data-test=actual-source-tcss-2027-03] [data-bill]\"); return s ? [s.textContent, s.title] : null;")
        .await?;
    assert!(
        source[0].as_str().is_some_and(|s| s.ends_with(FOCUS))
            && source[1]
                .as_str()
                .is_some_and(|s| s.starts_with("Imported from focus-1.0-credits.csv on 20")),
        "{source}"
    );
    assert_eq!(
        text(&app, "[data-test=actual-source-tcss-2027-01]").await?,
        "—"
    );
    // The chart draws actual spend; the budgets judge March and April by it.
    app.until("return [...document.querySelectorAll('[data-test=chart] text')].some(t => t.textContent.trim().startsWith('Actual spend'));")
        .await?;
    let judged = app
        .until("const r = [...document.querySelectorAll('[data-test=budget-months] tr[data-actual]')].map(r => r.cells[0].textContent); return r.length ? r : null;")
        .await?;
    assert_eq!(judged, json!(["2027-03", "2027-04"]));

    // The same bill again changes nothing: every row unchanged, nothing to import.
    choose_bill(&app, Some(&bill_fixture(FOCUS))).await?;
    let kinds = app
        .until("const r = [...document.querySelectorAll('[data-test=bill-change]')].map(r => r.dataset.kind); return r.length ? r : null;")
        .await?;
    assert_eq!(kinds, json!(["same", "same", "same", "same"]));
    assert_eq!(
        app.script("const b = document.querySelector('[data-test=bill-confirm]'); return [b.disabled, b.textContent];")
            .await?,
        json!([true, "Nothing to import"])
    );
    app.click("[data-test=bill-cancel]").await?;

    // A month that is only a refund: below zero in the table, with its difference.
    let refund = app.home.path().join("refund-may.csv");
    let header = std::fs::read_to_string(bill_fixture(FOCUS))?
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    std::fs::write(
        &refund,
        format!("{header}\n100001,2027-05-01T00:00:00Z,2027-06-01T00:00:00Z,2027-05-10T00:00:00Z,2027-05-11T00:00:00Z,Credit,-20.00,USD,Tencent Cloud,Tencent Cloud,Tencent Container Registry,tcr-standard-hour,Outage credit\n"),
    )?;
    choose_bill(&app, Some(&refund)).await?;
    app.click("[data-test=bill-confirm]").await?;
    app.element("[data-test=bill-imported]").await?;
    app.click("[data-test=actuals-product-tcr]").await?;
    let may = app
        .until("const r = document.querySelector(\"[data-test='actual-tcr-2027-05']\")?.closest('tr'); \
                return r && r.cells[2].querySelector('input').value.startsWith('-20') ? [...r.cells].map(c => c.textContent.trim()) : null;")
        .await?;
    let difference = may[3].as_str().unwrap_or("");
    assert!(
        difference.starts_with('-') && difference.contains("(-1") && difference.ends_with("%)"),
        "a refund month's difference reads {may}"
    );
    assert_eq!(may[4], json!("Imported from refund-may.csv"));
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_csv_plancast_does_not_recognise_is_mapped_previewed_and_imported_in_chinese(
) -> TestResult {
    if !enabled("a_csv_plancast_does_not_recognise_is_mapped_previewed_and_imported_in_chinese") {
        return Ok(());
    }
    let app = App::launch().await?;
    chinese(&app).await?;
    open_startup(&app).await?;
    pictures(
        &app,
        "bill-preview",
        "zh-CN",
        Shown::Bill(FOCUS, "[data-test=bill-preview]"),
    )
    .await?;
    pictures(
        &app,
        "bill-mapping",
        "zh-CN",
        Shown::Bill(MAPPED, "[data-test=bill-mapping]"),
    )
    .await?;

    // No English left in the preview of a FOCUS bill (its services are the bill's own words).
    choose_bill(&app, Some(&bill_fixture(FOCUS))).await?;
    app.element("[data-test=bill-preview]").await?;
    app.reads_in_chinese("bill preview").await?;
    app.click("[data-test=bill-cancel]").await?;

    choose_bill(&app, Some(&bill_fixture(MAPPED))).await?;
    app.element("[data-test=bill-mapping]").await?;
    app.reads_in_chinese("bill columns").await?;
    assert_eq!(text(&app, "#bill-map-title").await?, "选择 mapped.csv 的列");
    // Every field left empty is named by its label.
    app.click("[data-test=bill-map-submit]").await?;
    let errors = texts(&app, "[data-test=bill-mapping] .field-error").await?;
    assert_eq!(
        errors,
        [
            "请选择月份或日期列。",
            "请选择产品或服务列。",
            "请选择金额列。"
        ]
    );
    assert_eq!(
        app.script("return document.activeElement?.id;").await?,
        json!("bill-map-month")
    );
    app.screenshot("bill-mapping-errors-zh-CN-light").await?;
    app.reads_in_chinese("bill columns, nothing picked").await?;
    app.choose("bill-map-month", "Invoice date").await?;
    app.choose("bill-map-product", "Line item").await?;
    app.choose("bill-map-amount", "Net amount").await?;
    app.choose("bill-map-currency", "CNY").await?;
    app.click("[data-test=bill-map-submit]").await?;
    app.element("[data-test=bill-preview]").await?;
    assert_eq!(text(&app, "[data-test=bill-layout]").await?, "自选列");
    let unmatched = texts(&app, "[data-test=bill-unmatched-service]").await?;
    assert!(unmatched[0].starts_with("Consulting"), "{unmatched:?}");
    assert_eq!(
        text(&app, "[data-test=bill-confirm]").await?,
        "导入 2 项月度金额"
    );
    app.screenshot("bill-preview-mapped-zh-CN-light").await?;
    app.reads_in_chinese("bill preview, mapped").await?;
    app.click("[data-test=bill-confirm]").await?;
    assert_eq!(
        text(&app, "[data-test=bill-imported]").await?,
        "已从 mapped.csv 导入 2 项月度金额。×"
    );
    let actuals = stored(&app).await?;
    assert_eq!(actuals.len(), 2, "{actuals:#?}");
    // 1,600.00 CNY at the example's 0.1390 USD.
    app.click("[data-test=actuals-product-tcr]").await?;
    let tcr = app
        .until(
            "return document.querySelector(\"[data-test='actual-tcr-2027-03']\")?.value || null;",
        )
        .await?;
    assert!(
        tcr.as_str().is_some_and(|v| v.starts_with("222.4")),
        "{tcr}"
    );
    app.reads_in_chinese("actuals imported").await?;
    assert_eq!(
        text(&app, "[data-test=actual-source-tcr-2027-03]").await?,
        "导入自 mapped.csv"
    );
    app.until("return [...document.querySelectorAll('[data-test=chart] text')].some(t => t.textContent.includes('实际'));")
        .await?;

    // The columns are remembered for files with the same header: straight to the preview.
    choose_bill(&app, Some(&bill_fixture(MAPPED))).await?;
    app.element("[data-test=bill-preview]").await?;
    app.click("[data-test=bill-cancel]").await?;

    // Amounts in a currency the scenario has no rate for: the pair to add, above the form,
    // which keeps what was picked.
    let usd = app.home.path().join("usd-costs.csv");
    std::fs::write(
        &usd,
        "Date,Service,Cost\n2027-03-31,Container Registry,100.00\n",
    )?;
    app.click("[data-test=nav-scenarios]").await?;
    app.click("[data-test=scenario-row][data-name^='商品图库'] [data-test=open-scenario]")
        .await?;
    app.element("[data-test=import-bill]").await?;
    choose_bill(&app, Some(&usd)).await?;
    app.element("[data-test=bill-mapping]").await?;
    app.choose("bill-map-month", "Date").await?;
    app.choose("bill-map-product", "Service").await?;
    app.choose("bill-map-amount", "Cost").await?;
    app.choose("bill-map-currency", "USD").await?;
    app.click("[data-test=bill-map-submit]").await?;
    let refusal = text(&app, "[data-test=bill-map-error]").await?;
    assert!(refusal.starts_with("没有从 USD 到 CNY 的汇率"), "{refusal}");
    assert_eq!(
        app.script("return document.querySelector('[data-test=bill-map-month]').value;")
            .await?,
        json!("Date")
    );
    app.script("document.querySelector('[data-test=bill-import]').scrollIntoView({ block: 'start' }); return null;")
        .await?;
    app.screenshot("bill-mapping-missing-rate-zh-CN-light")
        .await?;
    app.reads_in_chinese("bill columns, no rate").await?;
    app.click("[data-test=bill-cancel]").await?;
    assert_eq!(stored(&app).await?, Vec::<Value>::new());
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn three_months_of_actuals_suggest_a_growth_that_applies_to_a_copy() -> TestResult {
    if !enabled("three_months_of_actuals_suggest_a_growth_that_applies_to_a_copy") {
        return Ok(());
    }
    let app = App::launch().await?;
    open_startup(&app).await?;
    let suggested = "return !!document.querySelector('[data-test=growth-suggestion]');";
    app.type_actual("tcr", "2027-01", "100").await?;
    app.type_actual("tcr", "2027-02", "110").await?;
    assert_eq!(
        app.script(suggested).await?,
        json!(false),
        "two months suggest nothing"
    );
    app.type_actual("tcr", "2027-03", "121").await?;
    assert_eq!(
        text(&app, "[data-test=growth-text]").await?,
        "From the last 3 months of actuals (2027-01 – 2027-03), growth looks like 10.0 % a month."
    );
    pictures(&app, "growth-suggestion", "en", Shown::Growth).await?;
    chinese(&app).await?;
    open_startup(&app).await?;
    assert_eq!(
        text(&app, "[data-test=growth-text]").await?,
        "根据最近 3 个月的实际支出（2027-01 至 2027-03），月增长率约为 10.0%。"
    );
    pictures(&app, "growth-suggestion", "zh-CN", Shown::Growth).await?;
    app.reads_in_chinese("growth suggestion").await?;

    // Apply: a copy, opened; the scenario itself unchanged.
    let before = app.invoke("list_scenarios", json!({})).await?;
    let from = app.script("return location.hash;").await?;
    app.click("[data-test=apply-growth]").await?;
    app.until(&format!(
        "return location.hash !== {from} && location.hash.startsWith('#/scenarios/');"
    ))
    .await?;
    app.element("[data-test=screen-scenario] [data-test=quote-total]")
        .await?;
    let after = app.invoke("list_scenarios", json!({})).await?;
    assert_eq!(
        after.as_array().map(Vec::len),
        before.as_array().map(|b| b.len() + 1)
    );
    let title = app
        .until("const t = document.querySelector('[data-test=page-title]')?.textContent; return t && t.includes('10') ? t : null;")
        .await?;
    assert!(
        title.as_str().is_some_and(|t| t.starts_with("Start-up")),
        "{title}"
    );

    // Ignored: dismissed for the session, it stays away.
    open_startup(&app).await?;
    app.element("[data-test=growth-suggestion]").await?;
    app.click("[data-test=dismiss-growth]").await?;
    app.eventually(suggested, json!(false)).await?;
    app.click("[data-test=nav-scenarios]").await?;
    open_startup(&app).await?;
    app.settle().await?;
    assert_eq!(app.script(suggested).await?, json!(false));
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_large_bill_shows_how_much_has_been_read() -> TestResult {
    if !enabled("a_large_bill_shows_how_much_has_been_read") {
        return Ok(());
    }
    let app = App::launch().await?;
    open_startup(&app).await?;
    // About 48 MiB of TCR rows in March: long enough to read for the bar to show.
    let big = app.home.path().join("large-focus.csv");
    let fixture = std::fs::read_to_string(bill_fixture(FOCUS))?;
    let mut lines = fixture.lines();
    let header = lines.next().unwrap_or_default();
    let row = lines.next().unwrap_or_default();
    let rows = (48 << 20) / (row.len() + 1);
    let mut content = String::with_capacity(48 << 20);
    content.push_str(header);
    content.push('\n');
    for _ in 0..rows {
        content.push_str(row);
        content.push('\n');
    }
    std::fs::write(&big, content)?;

    choose_bill(&app, Some(&big)).await?;
    let progress = app
        .until(
            "const p = document.querySelector('[data-test=bill-progress] progress'); \
             return p && p.value > 0 && p.max > p.value ? [p.value, p.max, document.querySelector('[data-test=bill-progress] label').textContent] : null;",
        )
        .await?;
    let label = progress[2].as_str().unwrap_or_default();
    assert!(
        label.starts_with("Reading the bill… ") && label.ends_with(" of 48.0 MiB"),
        "{progress}"
    );
    app.script("document.querySelector('[data-test=bill-import]').scrollIntoView({ block: 'center' }); return null;")
        .await?;
    app.screenshot("bill-progress-en-light").await?;
    assert_eq!(
        app.script("return document.querySelector('[data-test=import-bill]').disabled;")
            .await?,
        json!(true),
        "a second bill can be chosen while one is read"
    );
    // The bar goes once the preview is there, with every row counted.
    app.element("[data-test=bill-preview]").await?;
    assert_eq!(
        app.script("return !!document.querySelector('[data-test=bill-progress]');")
            .await?,
        json!(false)
    );
    assert_eq!(text(&app, "[data-test=bill-rows]").await?, rows.to_string());
    app.click("[data-test=bill-cancel]").await?;
    app.close().await?;
    Ok(())
}
