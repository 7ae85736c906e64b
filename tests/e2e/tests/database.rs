//! The database in odd states, in the real window (issue #9, parts 5 and 6): a read-only
//! database shows a banner and the saving controls are disabled with the reason, a lock held
//! by another program is reported at start with a "Try again" that works once it is released,
//! and a second launch hands over to the first window instead of opening another.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use plancast_e2e::{app_binary, enabled, App, TestResult};
use serde_json::json;

const SCENARIO_ROWS: &str = "return document.querySelectorAll('[data-test=scenario-row]').length;";

/// Sets a file's or folder's permission bits.
fn set_mode(path: &std::path::Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_read_only_database_shows_a_banner_and_saving_is_disabled_with_the_reason() -> TestResult
{
    if !enabled("a_read_only_database_shows_a_banner_and_saving_is_disabled_with_the_reason") {
        return Ok(());
    }
    // A first launch creates the database with the examples.
    let app = App::launch().await?;
    assert_eq!(app.eventually(SCENARIO_ROWS, json!(3)).await?, json!(3));
    assert_eq!(
        app.script("return document.querySelectorAll('[data-test=database-banner]').length;")
            .await?,
        json!(0),
        "no banner while the database can be saved to"
    );
    let home = app.quit_keeping_home().await?;

    let folder = home.path().join("data").join("com.plancast.desktop");
    let file = folder.join("plancast.sqlite3");
    set_mode(&file, 0o444)?;
    let app = App::launch_in(home).await?;

    let banner = app.element("[data-test=database-banner]").await?;
    assert_eq!(
        banner.attr("data-state").await?.as_deref(),
        Some("read_only")
    );
    let text = banner.text().await?;
    assert!(
        text.contains("Read-only: changes cannot be saved"),
        "{text}"
    );
    assert!(
        text.contains(&format!("the file {} is read-only", file.display())),
        "the reason names the file: {text}"
    );
    // The data is still there to look at and quote.
    assert_eq!(app.eventually(SCENARIO_ROWS, json!(3)).await?, json!(3));

    let import = app.element("[data-test=import-scenario]").await?;
    assert!(!import.is_enabled().await?, "Import is disabled");
    assert_eq!(
        import.attr("title").await?.as_deref(),
        Some("Cannot save: the database is read-only.")
    );
    app.screenshot("database-read-only-light").await?;

    // A scenario: "Save quote" is disabled, with the reason.
    app.click("[data-test=scenario-row] a").await?;
    let save_quote = app.element("[data-test=save-quote]").await?;
    assert!(!save_quote.is_enabled().await?);
    assert_eq!(
        save_quote.attr("title").await?.as_deref(),
        Some("Cannot save: the database is read-only.")
    );
    // The price book: adding a price is disabled too.
    app.click("[data-test=nav-price-book]").await?;
    let add_price = app.element("[data-test=add-price]").await?;
    assert!(!add_price.is_enabled().await?);

    // A save that gets through anyway is refused, and the file is untouched.
    let before = std::fs::read(&file)?;
    let result = app
        .invoke("set_setting", json!({"key": "currency", "value": "CNY"}))
        .await?;
    assert_eq!(result["error"]["code"], json!("database"), "{result}");
    assert_eq!(std::fs::read(&file)?, before);

    let home = app.quit_keeping_home().await?;
    set_mode(&file, 0o644)?;
    drop(home);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lock_held_by_another_program_is_reported_at_start_and_try_again_works_after_release(
) -> TestResult {
    if !enabled(
        "a_lock_held_by_another_program_is_reported_at_start_and_try_again_works_after_release",
    ) {
        return Ok(());
    }
    let app = App::launch().await?;
    assert_eq!(app.eventually(SCENARIO_ROWS, json!(3)).await?, json!(3));
    let home = app.quit_keeping_home().await?;

    // Another program opens a write transaction and keeps it open.
    let file = home
        .path()
        .join("data")
        .join("com.plancast.desktop")
        .join("plancast.sqlite3");
    let other = rusqlite::Connection::open(&file)?;
    other.execute_batch("BEGIN IMMEDIATE")?;

    let app = App::launch_in(home).await?;
    let banner = app.element("[data-test=database-banner]").await?;
    assert_eq!(banner.attr("data-state").await?.as_deref(), Some("locked"));
    let text = banner.text().await?;
    let reason = format!("another program holds the lock on {}", file.display());
    assert!(
        text.contains("The database is in use by another program") && text.contains(&reason),
        "{text}"
    );
    // Reading works meanwhile; saving is disabled with the reason.
    assert_eq!(app.eventually(SCENARIO_ROWS, json!(3)).await?, json!(3));
    let import = app.element("[data-test=import-scenario]").await?;
    assert!(!import.is_enabled().await?);
    assert_eq!(
        import.attr("title").await?.as_deref(),
        Some("Cannot save: another program is using the database.")
    );
    app.screenshot("database-locked-light").await?;

    // Try again while the lock is still held: still locked.
    app.click("[data-test=database-retry]").await?;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let state =
        "return document.querySelector('[data-test=database-banner]')?.dataset.state ?? 'none';";
    assert_eq!(
        app.eventually(state, json!("locked")).await?,
        json!("locked")
    );

    // The other program lets go; Try again clears the banner and saving works.
    other.execute_batch("ROLLBACK")?;
    drop(other);
    app.click("[data-test=database-retry]").await?;
    assert_eq!(app.eventually(state, json!("none")).await?, json!("none"));
    let import = app.element("[data-test=import-scenario]").await?;
    assert!(import.is_enabled().await?);
    let result = app
        .invoke("set_setting", json!({"key": "currency", "value": "CNY"}))
        .await?;
    assert_eq!(result, json!(null), "saving works after the retry");
    app.close().await?;
    Ok(())
}

/// A D-Bus session bus of this test's own, stopped on drop: the single-instance guard uses
/// the session bus on Linux, and the E2E machines have none.
struct SessionBus {
    child: Child,
    address: String,
}

impl SessionBus {
    fn start() -> Result<Self, Box<dyn std::error::Error>> {
        let mut child = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--nopidfile", "--print-address=1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start dbus-daemon (apt install dbus): {e}"))?;
        let mut address = String::new();
        let stdout = child.stdout.take().ok_or("no stdout from dbus-daemon")?;
        BufReader::new(stdout).read_line(&mut address)?;
        let address = address.trim().to_owned();
        if address.is_empty() {
            let _ = child.kill();
            return Err("dbus-daemon printed no address".into());
        }
        Ok(Self { child, address })
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_launch_hands_over_to_the_first_window_and_exits() -> TestResult {
    if !enabled("a_second_launch_hands_over_to_the_first_window_and_exits") {
        return Ok(());
    }
    let bus = SessionBus::start()?;
    let home = tempfile::Builder::new().prefix("plancast-e2e-").tempdir()?;
    let app =
        App::launch_with_env(home, &[("DBUS_SESSION_BUS_ADDRESS", bus.address.as_str())]).await?;
    assert_eq!(app.eventually(SCENARIO_ROWS, json!(3)).await?, json!(3));

    // The second launch: same user, data folder, display and session bus, no WebDriver.
    let home = app.home.path();
    let mut second = Command::new(app_binary())
        .env("DISPLAY", app.display_name())
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = second.try_wait()? {
            break Some(status);
        }
        if Instant::now() > deadline {
            break None;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let Some(status) = status else {
        let _ = second.kill();
        let _ = second.wait();
        return Err("the second launch kept running: it opened a second window".into());
    };
    assert!(status.success(), "the second launch exited with {status}");

    // The first window is still there, alone, and working; the examples were loaded once.
    assert_eq!(app.driver.windows().await?.len(), 1);
    assert_eq!(app.eventually(SCENARIO_ROWS, json!(3)).await?, json!(3));
    app.close().await?;
    Ok(())
}
