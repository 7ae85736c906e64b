//! A China-site team's first week, through the real window: sites that follow the currency,
//! numbers typed the way people type them, and option buttons that work from the keyboard.

use plancast_e2e::{enabled, App, TestResult};
use serde_json::{json, Value};

fn value_of(test: &str) -> String {
    format!("return document.querySelector(\"[data-test='{test}']\")?.value ?? null;")
}

fn exists(test: &str) -> String {
    format!("return document.querySelector(\"[data-test='{test}']\") !== null;")
}

fn checked(test: &str) -> String {
    format!(
        "return document.querySelector(\"[data-test='{test}']\")?.getAttribute('aria-checked');"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cny_scenario_buys_on_the_china_sites_and_a_mismatch_is_one_click() -> TestResult {
    if !enabled("a_cny_scenario_buys_on_the_china_sites_and_a_mismatch_is_one_click") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click("[data-test=new-scenario]").await?;
    app.element("[data-test=wizard-step-basics]").await?;
    assert_eq!(
        app.eventually(&checked("market-international"), json!("true"))
            .await?,
        json!("true"),
        "a USD scenario starts on the international sites"
    );

    app.choose("field-currency", "CNY").await?;
    assert_eq!(
        app.eventually(&checked("market-china"), json!("true"))
            .await?,
        json!("true"),
        "CNY did not move the scenario to the China sites"
    );
    app.fill("[data-test=field-name]", "华东 TCSS").await?;
    app.screenshot("wizard-basics-market").await?;
    app.next_step("products").await?;
    app.click("[data-test=product-tcss]").await?;
    app.click("[data-test=product-image_search]").await?;
    app.next_step("tcss").await?;

    // TCSS on the China site: no exchange rate is asked for.
    app.element("[data-test=wizard-step-tcss]").await?;
    assert_eq!(
        app.script(&value_of("field-tcss.site")).await?,
        json!("tencent-cn")
    );
    assert_eq!(
        app.script(&exists("site-mismatch-tcss")).await?,
        json!(false)
    );

    // Choosing the international site by hand offers the one-click way back.
    app.choose("field-tcss.site", "tencent-intl").await?;
    app.element("[data-test=site-mismatch-tcss]").await?;
    app.screenshot("wizard-site-mismatch").await?;
    app.click("[data-test=use-site-tcss]").await?;
    assert_eq!(
        app.eventually(&value_of("field-tcss.site"), json!("tencent-cn"))
            .await?,
        json!("tencent-cn")
    );
    assert_eq!(
        app.eventually(&exists("site-mismatch-tcss"), json!(false))
            .await?,
        json!(false)
    );

    // Image Search follows too, and the whole document is on China sites in CNY.
    app.click("[data-test=step-review]").await?;
    let text = app.review_json().await?;
    let document: Value = serde_json::from_str(&text)?;
    assert_eq!(document["currency"], json!("CNY"));
    assert_eq!(document["tcss"]["site"], json!("tencent-cn"));
    assert_eq!(document["image_search"]["site"], json!("aliyun-cn"));
    assert!(document.get("rates").is_none(), "{document}");
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn numbers_are_read_as_people_type_them() -> TestResult {
    if !enabled("numbers_are_read_as_people_type_them") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click("[data-test=new-scenario]").await?;
    app.element("[data-test=wizard-step-basics]").await?;
    app.fill("[data-test=field-name]", "Typed numbers").await?;
    app.next_step("products").await?;
    app.click("[data-test=product-tcss]").await?;
    app.click("[data-test=product-image_search]").await?;
    app.next_step("tcss").await?;

    app.element("[data-test=wizard-step-tcss]").await?;
    app.fill("[data-test='field-tcss.cores']", "1,200").await?;
    app.click("[data-test=step-image_search]").await?;
    // Full-width digits and comma, as a Chinese input method types them.
    app.fill(
        "[data-test='field-image_search.images']",
        "１，８００，０００",
    )
    .await?;
    app.click("[data-test=step-growth]").await?;
    app.click("[data-test='growth-tcss.cores-percent']").await?;
    app.fill("[data-test='step-tcss.cores']", "15%").await?;
    app.click("[data-test=step-budgets]").await?;
    app.click("[data-test=add-budget]").await?;
    app.fill("[data-test=budget-amount-0]", "141,234.00")
        .await?;

    app.click("[data-test=step-review]").await?;
    let text = app.review_json().await?;
    let document: Value = serde_json::from_str(&text)?;
    assert_eq!(
        document["tcss"]["cores"],
        json!({ "start": "1200", "monthly_percent": "15" })
    );
    assert_eq!(document["image_search"]["images"], json!("1800000"));
    assert_eq!(document["budgets"][0]["amount"], json!("141234.00"));
    app.click("[data-test=wizard-save]").await?;
    app.element("[data-test=screen-scenario] [data-test=quote-total]")
        .await?;

    // An actual typed with separators is stored as the amount it reads.
    let month = app
        .script("return document.querySelector(\"[data-test^='actual-tcss-']\").dataset.test.slice('actual-tcss-'.length);")
        .await?;
    let month = month.as_str().ok_or("no actual-spend field")?.to_owned();
    let field = format!("[data-test='actual-tcss-{month}']");
    app.fill(&field, "1,234.50").await?;
    app.script(&format!(
        "document.querySelector(\"{field}\").blur(); return null;"
    ))
    .await?;
    let list = app.invoke("list_scenarios", json!({})).await?;
    let id = list
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["name"] == json!("Typed numbers")))
        .and_then(|r| r["id"].as_i64())
        .ok_or("the scenario was not saved")?;
    let deadline = std::time::Instant::now() + plancast_e2e::PATIENCE;
    let listed = loop {
        let rows = app
            .invoke("list_actuals", json!({ "scenario_id": id }))
            .await?;
        let amounts: Vec<Value> = rows
            .as_array()
            .map(|rows| rows.iter().map(|r| r["amount"].clone()).collect())
            .unwrap_or_default();
        if !amounts.is_empty() || std::time::Instant::now() > deadline {
            break amounts;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert_eq!(listed, vec![json!("1234.50")]);
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn option_buttons_are_one_tab_stop_moved_by_arrow_keys() -> TestResult {
    if !enabled("option_buttons_are_one_tab_stop_moved_by_arrow_keys") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click("[data-test=new-scenario]").await?;
    app.element("[data-test=wizard-step-basics]").await?;
    let stops = app
        .script(
            "return [...document.querySelectorAll('[data-test^=market-][role=radio]')].map(b => b.tabIndex);",
        )
        .await?;
    assert_eq!(
        stops,
        json!([-1, 0]),
        "only the chosen option is a Tab stop"
    );

    let chosen = app.element("[data-test=market-international]").await?;
    chosen.focus().await?;
    chosen.send_keys(thirtyfour::Key::Left).await?;
    assert_eq!(
        app.eventually(&checked("market-china"), json!("true"))
            .await?,
        json!("true"),
        "the arrow key did not choose the other option"
    );
    assert_eq!(
        app.eventually(
            "return document.activeElement?.dataset.test ?? null;",
            json!("market-china")
        )
        .await?,
        json!("market-china"),
        "focus did not follow the choice"
    );
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn one_number_is_saved_from_its_own_step_and_packages_read_as_words() -> TestResult {
    if !enabled("one_number_is_saved_from_its_own_step_and_packages_read_as_words") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click("[data-test=scenario-row][data-name^='Start-up'] [data-test=open-scenario]")
        .await?;
    app.element("[data-test=screen-scenario] [data-test=quote-total]")
        .await?;
    // Packages by what they hold, not by their key.
    let package = app
        .script("return document.querySelector('[data-test=package-months] [data-package]')?.textContent ?? null;")
        .await?;
    let package = package.as_str().ok_or("no package shown")?.to_owned();
    assert!(
        package.contains("images") && package.contains("QPS") && !package.contains('/'),
        "{package}"
    );
    let before = app
        .script("return document.querySelector('[data-test=quote-total]').textContent;")
        .await?;

    // Edit one number on its step and save there, without walking to Review.
    app.click("[data-test=edit]").await?;
    app.click("[data-test=step-tcss]").await?;
    app.fill("[data-test='field-tcss.cores']", "200").await?;
    app.click("[data-test=wizard-save-now]").await?;
    app.element("[data-test=screen-scenario] [data-test=quote-total]")
        .await?;
    // The total of the saved scenario (null while the screen changes) differs from before.
    let deadline = std::time::Instant::now() + plancast_e2e::PATIENCE;
    let after = loop {
        let total = app
            .script(
                "return document.querySelector('[data-test=quote-total]')?.textContent ?? null;",
            )
            .await?;
        if (total != before && !total.is_null()) || std::time::Instant::now() > deadline {
            break total;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert_ne!(
        after, before,
        "the saved change did not reprice the scenario"
    );

    // Opening the wizard and leaving without a change asks nothing.
    app.click("[data-test=edit]").await?;
    app.element("[data-test=wizard-step-basics]").await?;
    app.click("[data-test=wizard-discard]").await?;
    app.element("[data-test=screen-scenario]").await?;
    assert_eq!(
        app.script("return document.querySelector('[data-test=confirm-dialog]') !== null;")
            .await?,
        json!(false)
    );
    app.close().await?;
    Ok(())
}

/// Field problems wait until the user leaves the field (or presses Next), name the field by
/// its label and say what is wrong in the UI's language.
async fn errors_read_in(lang: &str, budget_label: &str, not_a_number: &str) -> TestResult {
    let app = App::launch().await?;
    if lang != "en" {
        app.click("[data-test=nav-settings]").await?;
        app.click(&format!("[data-test=lang-{lang}]")).await?;
    }
    app.click("[data-test=nav-scenarios]").await?;
    app.click("[data-test=new-scenario]").await?;
    app.element("[data-test=wizard-step-basics]").await?;
    // Nothing is red on a field not yet touched, and the panel only says what to do.
    app.element("[data-test=live-incomplete]").await?;
    assert_eq!(
        app.script("return document.querySelectorAll('[data-test=field-error]').length;")
            .await?,
        json!(0),
        "an untouched field shows an error"
    );
    // Leaving the empty Name shows its problem.
    app.element("[data-test=field-name]").await?.focus().await?;
    app.script("document.activeElement.blur(); return null;")
        .await?;
    app.element("[data-field=name] [data-test=field-error]")
        .await?;

    app.fill("[data-test=field-name]", "Errors").await?;
    app.click("[data-test=step-products]").await?;
    app.click("[data-test=product-tcss]").await?;
    app.click("[data-test=step-budgets]").await?;
    app.click("[data-test=add-budget]").await?;
    app.fill("[data-test=budget-amount-0]", "abc").await?;
    app.script("document.activeElement.blur(); return null;")
        .await?;
    // The preview follows the typing: wait for the problem of what was typed.
    let listed = app
        .until(&format!(
            "const t = document.querySelector('[data-test=live-invalid] li[data-path=\"budgets[0].amount\"]')?.textContent ?? ''; \
             return t.includes({not_a_number:?}) ? t : null;"
        ),
    )
    .await?;
    let listed = listed
        .as_str()
        .ok_or("the budget's problem is not listed")?;
    assert!(
        listed.starts_with(budget_label)
            && listed.contains(not_a_number)
            && !listed.contains("budgets[0]"),
        "{listed}"
    );
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn field_problems_name_the_field_and_wait_for_the_user_in_english() -> TestResult {
    if !enabled("field_problems_name_the_field_and_wait_for_the_user_in_english") {
        return Ok(());
    }
    errors_read_in("en", "Budget 1 · Monthly amount", "must be a number").await
}

#[tokio::test(flavor = "multi_thread")]
async fn field_problems_name_the_field_and_wait_for_the_user_in_chinese() -> TestResult {
    if !enabled("field_problems_name_the_field_and_wait_for_the_user_in_chinese") {
        return Ok(());
    }
    errors_read_in("zh-CN", "预算 1 · 每月金额", "应为数字").await
}

/// Saves `document` as a new scenario (as an import would) and opens it; its id.
async fn open_new_scenario(
    app: &App,
    document: &serde_json::Value,
) -> Result<i64, Box<dyn std::error::Error>> {
    app.element("[data-test=scenario-row]").await?;
    let row = app
        .invoke(
            "create_scenario",
            json!({ "document": document.to_string() }),
        )
        .await?;
    let id = row["id"].as_i64().ok_or(format!("not created: {row}"))?;
    app.script(&format!("location.hash = '#/scenarios/{id}'; return null;"))
        .await?;
    Ok(id)
}

/// Saves the price form with `amount`, goes back to scenario `id` and waits until its quote
/// has no month without a price.
async fn save_price_and_see_it_priced(app: &App, id: i64, amount: &str) -> TestResult {
    app.fill("[data-test=price-amount]", amount).await?;
    app.click("[data-test=price-save]").await?;
    app.script(&format!("location.hash = '#/scenarios/{id}'; return null;"))
        .await?;
    app.element("[data-test=screen-scenario] [data-test=quote-total]")
        .await?;
    assert_eq!(
        app.eventually(
            "return document.querySelector('[data-test=missing-prices]') === null;",
            json!(true)
        )
        .await?,
        json!(true),
        "the quote still has months without a price"
    );
    Ok(())
}

/// Image Search growing 10 % a month for ten years passes its price list: the scenario says
/// so at the top, in words, from the month it happens, and offers to enter the quote, which
/// opens the price book's form filled in (rules GEN-5, IS-4).
#[tokio::test(flavor = "multi_thread")]
async fn when_the_price_list_ends_the_scenario_says_so_and_offers_the_quote() -> TestResult {
    if !enabled("when_the_price_list_ends_the_scenario_says_so_and_offers_the_quote") {
        return Ok(());
    }
    let app = App::launch().await?;
    let document = json!({
        "plancast": 1, "name": "Catalogue, ten years", "start": "2027-01", "months": 120,
        "currency": "CNY",
        "image_search": {
            "site": "aliyun-cn",
            "images": { "start": "1000000", "monthly_percent": "10" },
            "qps": 5
        }
    });
    let id = open_new_scenario(&app, &document).await?;
    let gap = app
        .element("[data-test=missing-prices] [data-product=image_search]")
        .await?;
    let from = gap.attr("data-from").await?.ok_or("no month")?;
    app.screenshot("scenario-missing-prices").await?;
    let text = gap.text().await?;
    assert!(
        text.contains(&format!("custom quote from {from}")) && text.contains("of 120 months"),
        "{text}"
    );
    app.click("[data-test=enter-price-image_search]").await?;
    app.element("[data-test=price-form]").await?;
    app.screenshot("price-form-prefilled").await?;
    let form = app
        .script("return ['price-product', 'price-from', 'price-plan'].map(t => document.querySelector(`[data-test=${t}]`).value);")
        .await?;
    assert_eq!(form[0], json!("image_search"));
    assert_eq!(form[1], json!(format!("{from}-01")));
    // The package the quote is for: the most images and queries of any month without a price.
    let plan = form[2].as_str().ok_or("no plan")?.to_owned();
    assert!(plan.ends_with("/5"), "{plan}");
    // Entering the quote received, as a price for that package, prices those months.
    save_price_and_see_it_priced(&app, id, "9,800").await?;
    app.close().await?;
    Ok(())
}

/// TCR on monthly billing has no published monthly price: the scenario says so, and entering
/// the price opens the form on the item that prices the line, the monthly instance of the
/// scenario's edition (the line itself is an `instance` line, which no price sets; rule GEN-5).
#[tokio::test(flavor = "multi_thread")]
async fn a_missing_tcr_price_opens_the_form_on_the_item_that_prices_it() -> TestResult {
    if !enabled("a_missing_tcr_price_opens_the_form_on_the_item_that_prices_it") {
        return Ok(());
    }
    let app = App::launch().await?;
    let document = json!({
        "plancast": 1, "name": "Registry, monthly", "start": "2027-01", "months": 12,
        "currency": "USD",
        "tcr": {
            "site": "tencent-intl", "region": "ap-guangzhou", "edition": "basic",
            "billing": "monthly", "needs": { "namespaces": 5 }, "storage_gb": 10, "egress_gb": 0
        }
    });
    let id = open_new_scenario(&app, &document).await?;
    app.element("[data-test=missing-prices] [data-product=tcr]")
        .await?;
    app.click("[data-test=enter-price-tcr]").await?;
    app.element("[data-test=price-form]").await?;
    let form = app
        .script("return ['price-product', 'price-item', 'price-plan', 'price-unit'].map(t => document.querySelector(`[data-test=${t}]`).value);")
        .await?;
    assert_eq!(form, json!(["tcr", "instance_monthly", "basic", "month"]));
    save_price_and_see_it_priced(&app, id, "1,200").await?;
    app.close().await?;
    Ok(())
}

/// A first launch says what the examples are and what to do; an example the user changes is
/// theirs (no longer marked). The long scenario screen has section navigation.
#[tokio::test(flavor = "multi_thread")]
async fn a_first_launch_marks_the_examples_and_the_scenario_can_be_navigated() -> TestResult {
    if !enabled("a_first_launch_marks_the_examples_and_the_scenario_can_be_navigated") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.element("[data-test=welcome]").await?;
    assert_eq!(
        app.script("return document.querySelectorAll('[data-test=scenario-row] [data-test=example-badge]').length;")
            .await?,
        json!(3)
    );

    app.click("[data-test=scenario-row][data-name^='Start-up'] [data-test=open-scenario]")
        .await?;
    app.element("[data-test=section-nav]").await?;
    let links = app
        .script("return [...document.querySelectorAll('[data-test=section-link]')].map(b => b.textContent);")
        .await?;
    let links: Vec<String> = serde_json::from_value(links)?;
    assert!(links.len() >= 6, "{links:?}");
    let last = links.len() - 1;
    app.script(&format!(
        "document.querySelectorAll('[data-test=section-link]')[{last}].click(); return null;"
    ))
    .await?;
    assert_eq!(
        app.eventually(
            "return document.activeElement?.textContent ?? null;",
            json!(links[last])
        )
        .await?,
        json!(links[last]),
        "the section link did not take focus to its section"
    );

    // Changing an example makes it the user's own.
    app.click("[data-test=edit]").await?;
    app.click("[data-test=step-tcss]").await?;
    app.fill("[data-test='field-tcss.cores']", "150").await?;
    app.click("[data-test=wizard-save-now]").await?;
    app.element("[data-test=screen-scenario] [data-test=quote-total]")
        .await?;
    app.click("[data-test=nav-scenarios]").await?;
    app.element("[data-test=scenario-row]").await?;
    assert_eq!(
        app.eventually(
            "return document.querySelectorAll('[data-test=example-badge]').length;",
            json!(2)
        )
        .await?,
        json!(2)
    );
    assert_eq!(
        app.script("return document.querySelector('[data-test=welcome]') === null;")
            .await?,
        json!(true)
    );
    app.close().await?;
    Ok(())
}
