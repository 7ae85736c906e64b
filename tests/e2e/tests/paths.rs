//! The page never names a file to write or read: the export and import commands ask the user
//! in a native dialog opened by Rust and act only on that answer, and the page cannot open a
//! file dialog itself. The dialogs are answered from the test's answer file
//! (`App::answer_dialogs`); a dialog with no answer queued is cancelled.

use std::path::Path;
use std::time::{Duration, Instant};

use plancast_e2e::{enabled, App, TestResult, PATIENCE};
use serde_json::{json, Value};

/// The example with all three products.
const STARTUP: &str = "[data-test=scenario-row][data-name^='Start-up'] [data-test=open-scenario]";

const KEEP: &str = "the user's own file, not to be touched\n";

async fn scenario_names(app: &App) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let list = app.invoke("list_scenarios", json!({})).await?;
    Ok(list
        .as_array()
        .ok_or_else(|| format!("list_scenarios did not return a list: {list}"))?
        .iter()
        .filter_map(|row| row["name"].as_str().map(str::to_owned))
        .collect())
}

async fn scenario_ids(app: &App) -> Result<Vec<i64>, Box<dyn std::error::Error>> {
    let list = app.invoke("list_scenarios", json!({})).await?;
    Ok(list
        .as_array()
        .ok_or_else(|| format!("list_scenarios did not return a list: {list}"))?
        .iter()
        .filter_map(|row| row["id"].as_i64())
        .collect())
}

/// The names of the files in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A valid scenario file named `name`.
fn scenario_file(name: &str) -> String {
    let mut document: Value =
        serde_json::from_str(include_str!("../../../examples/startup-intl.json"))
            .expect("the example is JSON");
    document["name"] = json!(name);
    document.to_string()
}

/// Waits until the notice says the file was saved to `path`.
async fn saved_to(app: &App, path: &Path) -> TestResult {
    let expected = path.display().to_string();
    let deadline = Instant::now() + PATIENCE;
    loop {
        let notice = app
            .script("return document.querySelector('[data-test=notice]')?.textContent ?? null;")
            .await?;
        if notice.as_str().is_some_and(|n| n.contains(&expected)) {
            return Ok(());
        }
        let error = app
            .script("return document.querySelector('[data-test=error]')?.textContent ?? null;")
            .await?;
        if Instant::now() > deadline {
            return Err(format!("no notice of {expected}: notice {notice}, error {error}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Every export and import command, called from the page with a `path` of the page's choosing:
/// nothing is written there, an existing file keeps its content, nothing is read from there.
/// The dialogs the commands open get no answer, so they are cancelled and return null.
#[tokio::test(flavor = "multi_thread")]
async fn the_page_cannot_name_a_file_to_write_or_read() -> TestResult {
    if !enabled("the_page_cannot_name_a_file_to_write_or_read") {
        return Ok(());
    }
    let app = App::launch().await?;
    let ids = scenario_ids(&app).await?;
    assert!(ids.len() >= 2, "the examples are loaded: {ids:?}");
    let dir = tempfile::tempdir()?;
    let existing = dir.path().join("existing.txt");
    std::fs::write(&existing, KEEP)?;
    let planted = dir.path().join("planted.json");
    std::fs::write(&planted, scenario_file("Planted by the page"))?;
    let before = files_in(dir.path());

    let exports = [
        (
            "export_quote_csv",
            json!({ "id": ids[0], "bom": true, "lang": "en" }),
        ),
        (
            "export_comparison_csv",
            json!({ "id": ids[0], "lang": "en" }),
        ),
        (
            "export_side_by_side_csv",
            json!({ "ids": [ids[0], ids[0]], "lang": "en" }),
        ),
        (
            "export_chart",
            json!({ "id": ids[0], "format": "svg", "theme": "light", "lang": "en" }),
        ),
        ("export_scenario", json!({ "id": ids[0], "lang": "en" })),
    ];
    for (command, args) in &exports {
        for target in [existing.clone(), dir.path().join(format!("{command}.out"))] {
            let mut args = args.clone();
            args["path"] = json!(target);
            let result = app.invoke(command, args).await?;
            assert_eq!(result, Value::Null, "{command}: a cancelled dialog");
            let now = std::fs::read(&existing)?;
            assert!(
                now == KEEP.as_bytes(),
                "{command} wrote {} bytes to the page's path",
                now.len()
            );
            assert_eq!(
                files_in(dir.path()),
                before,
                "{command} created a file at the page's path"
            );
        }
    }

    let names = scenario_names(&app).await?;
    for path in [planted.as_path(), Path::new("/etc/passwd")] {
        let result = app
            .invoke("import_scenario", json!({ "path": path, "lang": "en" }))
            .await?;
        assert_eq!(result, Value::Null, "import_scenario: a cancelled dialog");
    }
    assert_eq!(
        scenario_names(&app).await?,
        names,
        "import read the page's file"
    );
    // A price-book update, likewise: only the dialog's answer is read.
    let update =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/price-update-tcr-2027.json");
    let result = app
        .invoke("open_price_update", json!({ "path": update, "lang": "en" }))
        .await?;
    assert_eq!(result, Value::Null, "open_price_update: a cancelled dialog");
    assert_eq!(
        app.invoke("list_price_updates", json!({})).await?,
        json!([])
    );

    // An answer in the dialog wins over the page's path.
    let chosen = dir.path().join("chosen.json");
    app.answer_dialogs(&[Some(&chosen)])?;
    let result = app
        .invoke(
            "export_scenario",
            json!({ "id": ids[0], "path": existing, "lang": "en" }),
        )
        .await?;
    assert_eq!(result, json!(chosen), "the command returns the chosen path");
    assert_eq!(std::fs::read_to_string(&existing)?, KEEP);
    let exported: Value = serde_json::from_str(&std::fs::read_to_string(&chosen)?)?;
    assert_eq!(exported["plancast"], json!(1), "{exported}");
    app.close().await?;
    Ok(())
}

/// The window is granted none of the dialog plugin's commands: the page cannot ask for a path.
#[tokio::test(flavor = "multi_thread")]
async fn the_page_cannot_open_a_file_dialog() -> TestResult {
    if !enabled("the_page_cannot_open_a_file_dialog") {
        return Ok(());
    }
    let app = App::launch().await?;
    for (command, options) in [
        (
            "plugin:dialog|save",
            json!({ "options": { "defaultPath": "/tmp/x.csv" } }),
        ),
        (
            "plugin:dialog|open",
            json!({ "options": { "multiple": false, "directory": false } }),
        ),
    ] {
        let result = app.invoke(command, options).await?;
        let error = result["error"].as_str().unwrap_or_default();
        assert!(error.contains("not allowed"), "{command}: {result}");
    }
    app.close().await?;
    Ok(())
}

/// The export buttons write the file picked in the dialog, and say where; a cancelled dialog
/// writes nothing. Import reads the picked file; a cancelled import adds nothing.
#[tokio::test(flavor = "multi_thread")]
async fn exports_and_imports_use_the_file_picked_in_the_dialog() -> TestResult {
    if !enabled("exports_and_imports_use_the_file_picked_in_the_dialog") {
        return Ok(());
    }
    let app = App::launch().await?;
    let dir = tempfile::tempdir()?;
    app.click(STARTUP).await?;
    app.element("[data-test=quote-total]").await?;

    let csv = dir.path().join("quote.csv");
    app.answer_dialogs(&[Some(&csv)])?;
    app.click("[data-test=export-csv-bom]").await?;
    saved_to(&app, &csv).await?;
    let bytes = std::fs::read(&csv)?;
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "a BOM");
    assert!(String::from_utf8(bytes)?.contains("month"));

    for (button, name, starts) in [
        ("export-svg", "chart.svg", "<svg".as_bytes()),
        ("export-png", "chart.png", b"\x89PNG".as_slice()),
        ("export-json", "scenario.json", b"{".as_slice()),
    ] {
        let path = dir.path().join(name);
        app.answer_dialogs(&[Some(&path)])?;
        app.click(&format!("[data-test={button}]")).await?;
        saved_to(&app, &path).await?;
        let bytes = std::fs::read(&path)?;
        assert!(bytes.starts_with(starts), "{name} starts with {starts:?}");
    }

    // Cancelled: nothing is written and no notice is shown.
    let before = files_in(dir.path());
    app.answer_dialogs(&[None])?;
    app.click("[data-test=export-csv]").await?;
    app.dialogs_answered().await?;
    let notice = app
        .eventually(
            "return document.querySelector('[data-test=notice]') === null;",
            json!(true),
        )
        .await?;
    assert_eq!(notice, json!(true), "a cancelled export shows no notice");
    assert_eq!(files_in(dir.path()), before, "a cancelled export wrote");

    // Import the exported scenario, after renaming it in the file.
    let imported = dir.path().join("imported.json");
    let mut document: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("scenario.json"))?)?;
    document["name"] = json!("Imported from a file");
    std::fs::write(&imported, document.to_string())?;
    app.click("[data-test=nav-scenarios]").await?;
    app.element("[data-test=scenario-row]").await?;
    let count = scenario_names(&app).await?.len();
    app.answer_dialogs(&[None])?;
    app.click("[data-test=import-scenario]").await?;
    app.dialogs_answered().await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        scenario_names(&app).await?.len(),
        count,
        "a cancelled import"
    );
    app.answer_dialogs(&[Some(&imported)])?;
    app.click("[data-test=import-scenario]").await?;
    app.element("[data-test=scenario-row][data-name='Imported from a file']")
        .await?;
    assert_eq!(scenario_names(&app).await?.len(), count + 1);

    // The list's own JSON export.
    let listed = dir.path().join("listed.json");
    app.answer_dialogs(&[Some(&listed)])?;
    app.click(
        "[data-test=scenario-row][data-name='Imported from a file'] [data-test=export-scenario]",
    )
    .await?;
    saved_to(&app, &listed).await?;
    let exported: Value = serde_json::from_str(&std::fs::read_to_string(&listed)?)?;
    assert_eq!(exported["name"], json!("Imported from a file"));

    // The comparison's CSV.
    app.click("[data-test=nav-compare]").await?;
    app.element("[data-test=compare-pick]").await?;
    app.script(
        "for (const p of ['商品', '华东']) document.querySelector(`[data-test=compare-pick][data-name^='${p}']`).click(); return null;",
    )
    .await?;
    app.element("[data-test=compare-row]").await?;
    let side = dir.path().join("comparison.csv");
    app.answer_dialogs(&[Some(&side)])?;
    app.click("[data-test=compare-export]").await?;
    saved_to(&app, &side).await?;
    assert!(std::fs::read_to_string(&side)?.lines().count() > 2);
    app.close().await?;
    Ok(())
}

/// Without test answers the command opens the real save dialog, over the window, with its
/// title; the page stays responsive while it is open (the dialog blocks no main thread).
#[tokio::test(flavor = "multi_thread")]
async fn the_command_opens_the_native_save_dialog() -> TestResult {
    if !enabled("the_command_opens_the_native_save_dialog") {
        return Ok(());
    }
    let app = App::launch_with_native_dialogs().await?;
    let ids = scenario_ids(&app).await?;
    let id = ids.first().ok_or("no scenario")?;
    // Not awaited: the command finishes only when the dialog is answered.
    app.script(&format!(
        "window.__TAURI_INTERNALS__.invoke('export_scenario', {{ id: {id}, lang: 'en' }}); return null;"
    ))
    .await?;
    let title = "Export the scenario as JSON";
    let deadline = Instant::now() + PATIENCE;
    loop {
        let titles = app.window_titles()?;
        if titles.iter().any(|t| t == title) {
            break;
        }
        if Instant::now() > deadline {
            return Err(format!("no window titled {title:?}: {titles:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(scenario_ids(&app).await?, ids, "the page still answers");
    app.close().await?;
    Ok(())
}

/// "Open folder" beside "Saved to …" opens only the folder of a file saved in this session:
/// the page cannot open any other folder by naming a file in it.
#[tokio::test(flavor = "multi_thread")]
async fn only_the_folder_of_a_saved_file_can_be_opened() -> TestResult {
    if !enabled("only_the_folder_of_a_saved_file_can_be_opened") {
        return Ok(());
    }
    let app = App::launch().await?;
    let refused = app
        .invoke("open_saved_folder", json!({ "path": "/etc/passwd" }))
        .await?;
    assert_eq!(
        refused["error"]["code"],
        json!("invalid_input"),
        "{refused}"
    );

    let dir = tempfile::tempdir()?;
    let target = dir.path().join("quote.csv");
    app.click(STARTUP).await?;
    app.element("[data-test=export-csv]").await?;
    app.answer_dialogs(&[Some(target.as_path())])?;
    app.click("[data-test=export-csv]").await?;
    app.element("[data-test=open-folder]").await?;
    assert!(target.exists(), "the export was not written");
    app.click("[data-test=open-folder]").await?;
    let accepted = app
        .invoke("open_saved_folder", json!({ "path": target }))
        .await?;
    assert!(accepted.get("error").is_none(), "{accepted}");
    app.close().await?;
    Ok(())
}
