//! The window in the real webview: nav, language, theme, IPC, CSP.

use plancast_e2e::{enabled, App, TestResult};
use serde_json::{json, Value};

const ENGLISH_NAV: [&str; 4] = ["Scenarios", "Compare", "Price book", "Settings"];
const CHINESE_NAV: [&str; 4] = ["场景", "比较", "价格表", "设置"];

#[tokio::test(flavor = "multi_thread")]
async fn window_shows_the_nav_without_csp_violations() -> TestResult {
    if !enabled("window_shows_the_nav_without_csp_violations") {
        return Ok(());
    }
    let app = App::launch().await?;
    assert_eq!(app.nav_labels().await?, ENGLISH_NAV);
    let title = app.element("[data-test=page-title]").await?.text().await?;
    assert_eq!(title, "Scenarios");

    app.click("[data-test=nav-compare]").await?;
    let title = app.eventually(TITLE, json!("Compare")).await?;
    assert_eq!(title, "Compare");

    let violations = app.script("return window.__cspViolations;").await?;
    assert_eq!(
        violations,
        json!([]),
        "the page broke its Content-Security-Policy"
    );
    // And the policy is really enforced: an inline style attribute is refused.
    app.script("document.body.setAttribute('style', 'color: red'); return null;")
        .await?;
    let refused = app
        .eventually("return window.__cspViolations.length > 0;", json!(true))
        .await?;
    assert_eq!(
        refused,
        json!(true),
        "an inline style was not reported as a CSP violation"
    );
    app.close().await?;
    Ok(())
}

/// The capability grants Plancast's commands and the dialogs, not Tauri's core defaults.
#[tokio::test(flavor = "multi_thread")]
async fn ipc_allows_plancast_commands_and_denies_the_rest() -> TestResult {
    if !enabled("ipc_allows_plancast_commands_and_denies_the_rest") {
        return Ok(());
    }
    let app = App::launch().await?;
    let outcome = |command: &str| {
        format!(
            "return window.__TAURI_INTERNALS__.invoke('{command}').then(() => 'allowed', () => 'denied');"
        )
    };
    // Not in the capability: core:app (part of core:default) and an unknown plugin.
    for command in ["plugin:app|version", "plugin:shell|execute"] {
        let result = app.driver.execute(&outcome(command), Vec::new()).await?;
        assert_eq!(result.json(), &json!("denied"), "{command}");
    }
    let result = app.driver.execute(&outcome("app_info"), Vec::new()).await?;
    assert_eq!(result.json(), &json!("allowed"));
    app.close().await?;
    Ok(())
}

const TITLE: &str = "return document.querySelector('[data-test=page-title]')?.textContent;";
const NAV: &str =
    "return [...document.querySelectorAll('[data-test^=nav-] span')].map(e => e.textContent);";

#[tokio::test(flavor = "multi_thread")]
async fn switching_language_translates_the_nav_and_back() -> TestResult {
    if !enabled("switching_language_translates_the_nav_and_back") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click("[data-test=nav-settings]").await?;

    app.click("[data-test=lang-zh-CN]").await?;
    assert_eq!(
        app.eventually(NAV, json!(CHINESE_NAV)).await?,
        json!(CHINESE_NAV)
    );
    assert_eq!(
        app.script("return document.documentElement.lang;").await?,
        json!("zh-CN")
    );
    assert_eq!(app.script(TITLE).await?, json!("设置"));

    app.click("[data-test=lang-en]").await?;
    assert_eq!(
        app.eventually(NAV, json!(ENGLISH_NAV)).await?,
        json!(ENGLISH_NAV)
    );
    assert_eq!(
        app.script("return document.documentElement.lang;").await?,
        json!("en")
    );
    app.close().await?;
    Ok(())
}

const THEME: &str = "return document.documentElement.dataset.theme;";

#[tokio::test(flavor = "multi_thread")]
async fn theme_switch_sets_the_theme_attribute_and_persists() -> TestResult {
    if !enabled("theme_switch_sets_the_theme_attribute_and_persists") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click("[data-test=nav-settings]").await?;

    app.click("[data-test=theme-dark]").await?;
    assert_eq!(app.eventually(THEME, json!("dark")).await?, json!("dark"));
    let checked = app
        .element("[data-test=theme-dark]")
        .await?
        .attr("aria-checked")
        .await?;
    assert_eq!(checked.as_deref(), Some("true"));

    // The choice survives a reload (it is stored, not just applied).
    // Reload after the script has returned: a reload inside it can beat the reply.
    app.script("setTimeout(() => location.reload(), 50); return null;")
        .await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.element("[data-test=nav]").await?;
    assert_eq!(app.eventually(THEME, json!("dark")).await?, json!("dark"));

    app.click("[data-test=nav-settings]").await?;
    app.click("[data-test=theme-light]").await?;
    assert_eq!(app.eventually(THEME, json!("light")).await?, json!("light"));
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_shows_version_and_this_tests_own_data_dir() -> TestResult {
    if !enabled("settings_shows_version_and_this_tests_own_data_dir") {
        return Ok(());
    }
    let app = App::launch().await?;
    app.click("[data-test=nav-settings]").await?;
    let version = app.element("[data-test=app-version]").await?.text().await?;
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    let data_dir = app
        .element("[data-test=app-data-dir]")
        .await?
        .text()
        .await?;
    let expected = app.data_home();
    assert!(
        data_dir.starts_with(&*expected.to_string_lossy()),
        "data dir {data_dir} is not under this test's XDG_DATA_HOME {}",
        expected.display()
    );
    assert!(
        std::path::Path::new(&data_dir).is_dir(),
        "the app created its data dir"
    );
    app.close().await?;
    Ok(())
}

// Screenshots of every screen, with data, are taken by tests/screens.rs.

/// The first page load carries the list and the database status (src-tauri/src/first_page.rs)
/// when they are ready by then; a reload never does (they are taken once) and asks over IPC.
/// Either way the list is the same and the page keeps its Content-Security-Policy.
#[tokio::test(flavor = "multi_thread")]
async fn the_first_page_carries_the_list_once_and_a_reload_asks() -> TestResult {
    if !enabled("the_first_page_carries_the_list_once_and_a_reload_asks") {
        return Ok(());
    }
    const ROWS: &str = "return document.querySelectorAll('[data-test=scenario-row]').length;";
    const CARRIED: &str = "return window.__answeredByPage;";
    let app = App::launch().await?;
    app.element("[data-test=scenario-row]").await?;
    assert_eq!(app.script(ROWS).await?, json!(3), "the three examples");
    let carried = app.script(CARRIED).await?;
    // All or nothing: the database was open by the time the page was served, or it was not.
    assert!(
        carried == json!(["list_scenarios", "database_status"]) || carried == json!([]),
        "the first page carried {carried}"
    );
    eprintln!("first page load carried: {carried}");
    assert_eq!(
        app.script("return document.getElementById('first-answers');")
            .await?,
        Value::Null,
        "the block is removed once read"
    );

    app.script("location.reload(); return null;").await?;
    app.eventually(
        "return window.__answeredByPage !== undefined && document.querySelectorAll('[data-test=scenario-row]').length;",
        json!(3),
    )
    .await?;
    assert_eq!(app.script(ROWS).await?, json!(3), "the list after a reload");
    assert_eq!(
        app.script(CARRIED).await?,
        json!([]),
        "a reload asks for what is current then"
    );
    assert_eq!(
        app.script("return window.__cspViolations;").await?,
        json!([])
    );
    app.close().await?;
    Ok(())
}
