//! Harness for the end-to-end tests: the real Plancast binary in the real webview, driven
//! through tauri-driver (WebDriver) with thirtyfour.
//!
//! Every [`App`] gets its own tauri-driver on free ports, its own Xvfb display and its own
//! temporary HOME and XDG directories, so tests run in parallel and never share a database,
//! localStorage or a screen.
//!
//! The app's native file dialogs cannot be clicked through WebDriver. Every app launched here
//! (but by [`App::launch_with_native_dialogs`]) has `PLANCAST_TEST_DIALOG_ANSWERS` set to a
//! file in its HOME, from which a debug build takes its dialog answers instead of showing the
//! dialog ([`App::answer_dialogs`]); with no answer queued a dialog is cancelled, so no test
//! ever waits on a dialog.
//!
//! The tests need `Xvfb`, `tauri-driver`, `WebKitWebDriver` and a built debug binary
//! (`npm run build && cargo build -p plancast`); screenshots also need ImageMagick.
//! They skip themselves unless `PLANCAST_E2E=1`, so a plain `cargo test --workspace` on a
//! machine without a display still passes; scripts/test always sets it.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tempfile::TempDir;
use thirtyfour::prelude::*;
use thirtyfour::Capabilities;

pub use thirtyfour::prelude::{By, WebDriverResult};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The variable naming the file a debug build takes its file-dialog answers from
/// (src-tauri/src/commands/dialogs.rs).
pub const DIALOG_ANSWERS_VAR: &str = "PLANCAST_TEST_DIALOG_ANSWERS";

/// How long a condition may take to become true before a test fails.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// The window sizes people use: the smallest laptop window, the default window and a full HD
/// screen (the layout test checks each; screenshots of new states are taken at each).
pub const SIZES: [(u32, u32); 3] = [(1024, 700), (1200, 760), (1920, 1080)];

/// A bill from the bills crate's test data (src-tauri/crates/bills/tests/data).
pub fn bill_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../src-tauri/crates/bills/tests/data")
        .join(name)
}

/// Returns every English text on the page as `[where, text]` pairs (empty when it all reads in
/// Chinese). `where` names the element (tag, data-test, data-code) so a failure says where.
pub const ENGLISH_LEFT: &str = r#"
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
// A figure: digits, signs and codes in capitals (USD, GB, QPS) only, "5.9 USD/GB". A message
// code shown in place of its text (a missing catalogue entry) is neither CJK nor a figure.
const FIGURE = /^[\s\d.,:;%+\-–—−×=\/()\[\]·*#~]*$/;
const figure = (text) => FIGURE.test(text.replace(/\b[A-Z]{2,}\b/g, ''));
const SEPARATOR = /^[\s,.;:!?'"“”‘’()\[\]\-–—\/&]+$/;
// The English words of a text in runs: a word is three or more Latin letters with a lowercase
// one (acronyms such as TCR, USD or QPS are names, not English); one- and two-letter words
// ("a", "of", "no") neither count nor break a run; anything else (a digit, CJK, ×) breaks it.
function englishRun(text) {
  let run = [];
  let longest = [];
  for (const [token] of text.matchAll(/[A-Za-z]+|[^A-Za-z]+/g)) {
    if (/^[A-Za-z]+$/.test(token)) {
      if (token.length >= 3 && /[a-z]/.test(token)) run.push(token);
    } else if (!SEPARATOR.test(token)) {
      run = [];
    }
    if (run.length > longest.length) longest = [...run];
  }
  return longest.length >= 3 ? longest.join(' ') : null;
}
// A key shown in place of words: `from_2020_07`, `cos_storage`, `tcr.traffic` (a message code).
const KEY = /(?:^|[^\w.@\-])([a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+\.[a-z]+(?:[._][a-z0-9]+)*)(?![\w.])/;
const verbatim = (node) => !!node.parentElement?.closest('[data-verbatim]');
// Whether an element is on the page: an option by its select, a chart's text by the chart.
const shown = (el) => {
  const box = el.parentElement?.closest('select') ?? el.closest('svg') ?? el;
  return box.getClientRects().length > 0 && getComputedStyle(box).visibility !== 'hidden';
};
const describe = (el) => {
  const parts = [el.tagName.toLowerCase()];
  for (const a of ['data-test', 'data-code', 'data-title-code', 'class']) {
    const v = el.closest(`[${a}]`)?.getAttribute(a);
    if (v) parts.push(`${a}=${v}`);
  }
  return parts.join(' ');
};
// The text of an element without its verbatim parts.
function ownText(el) {
  let text = '';
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!verbatim(n)) text += n.data;
  return text.trim();
}
const found = [];
// 1. Core messages.
for (const el of document.querySelectorAll('[data-code]')) {
  if (el.closest('[data-verbatim]') || !shown(el)) continue;
  const text = ownText(el);
  if (!CJK.test(text) && !figure(text)) found.push(['message in ' + describe(el), text]);
}
for (const el of document.querySelectorAll('[data-title-code]')) {
  const text = el.getAttribute('title') ?? '';
  if (!CJK.test(text) && !figure(text)) found.push(['message in the title of ' + describe(el), text]);
}
// 2. Any visible text, element by element (its own text nodes joined, so `{a} {b}` in JSX
// counts as one text), and placeholders.
const seen = new Set();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement;
  if (!el || seen.has(el) || verbatim(n) || el.closest('script, style')) continue;
  seen.add(el);
  const text = [...el.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.data).join('');
  // A raw key (a webhook kind, a billing) is English too, inside a core message or not.
  const run = englishRun(text) ?? KEY.exec(text)?.[1];
  if (run && shown(el)) found.push([`"${run}" in ${describe(el)}`, text.trim()]);
}
// Group labels of a select are the UI's words.
for (const el of document.querySelectorAll('optgroup')) {
  if (!CJK.test(el.label) && shown(el)) found.push([`group label in ${describe(el)}`, el.label]);
}
for (const el of document.querySelectorAll('[placeholder]')) {
  const run = englishRun(el.getAttribute('placeholder'));
  if (run && !el.closest('[data-verbatim]') && shown(el)) found.push([`"${run}" in the placeholder of ${describe(el)}`, el.getAttribute('placeholder')]);
}
return found;
"#;

/// Whether E2E tests should run (`PLANCAST_E2E=1`); prints why when they do not.
pub fn enabled(test: &str) -> bool {
    let on = std::env::var("PLANCAST_E2E").is_ok_and(|value| value == "1");
    if !on {
        eprintln!("skipping E2E test {test}: set PLANCAST_E2E=1 (scripts/test does)");
    }
    on
}

/// The debug binary under test: `PLANCAST_BIN`, or `debug/plancast` in `CARGO_TARGET_DIR`
/// (relative paths are taken from the workspace root, as cargo does), or `./target`.
pub fn app_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("PLANCAST_BIN") {
        return PathBuf::from(path);
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target"));
    let target = if target.is_absolute() {
        target
    } else {
        workspace.join(target)
    };
    target.join("debug").join(if cfg!(windows) {
        "plancast.exe"
    } else {
        "plancast"
    })
}

/// A port that is free now and was not handed out before in this process. The OS may
/// give the same port to two quick `bind(0)` calls once the first is released, and tests run
/// in parallel: two tauri-drivers on one port would mix up their sessions.
fn free_port() -> std::io::Result<u16> {
    static HANDED_OUT: Mutex<Vec<u16>> = Mutex::new(Vec::new());
    let mut handed_out = HANDED_OUT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    loop {
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        if !handed_out.contains(&port) {
            handed_out.push(port);
            return Ok(port);
        }
    }
}

/// A tauri-driver process, stopped with SIGTERM so it can stop WebKitWebDriver (SIGKILL
/// would orphan it). `home` is this test's unique HOME, used to find an app left behind.
struct DriverProcess {
    child: Child,
    home: PathBuf,
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        terminate(self.child.id());
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut exited = false;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                exited = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        if !exited {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // tauri-driver stops WebKitWebDriver with SIGKILL, which leaves the app running when
        // the session was not quit (a failed session start, a panicking test). Only this
        // test's processes have this HOME, so stopping them cannot touch anything else.
        for pid in processes_with_home(&self.home) {
            terminate(pid);
        }
    }
}

fn terminate(pid: u32) {
    let _ = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
}

/// Processes whose environment has `HOME=home` (Linux: read from /proc).
pub fn processes_with_home(home: &Path) -> Vec<u32> {
    let needle = format!("HOME={}", home.display()).into_bytes();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/environ"))
                .is_ok_and(|environ| environ.split(|&byte| byte == 0).any(|var| var == needle))
        })
        .collect()
}

/// An Xvfb server of one app's own. Each test's window is alone on its screen, so parallel
/// tests never overlap, take each other's focus, or show up in each other's screenshots.
struct VirtualDisplay {
    child: Child,
    number: u32,
}

impl VirtualDisplay {
    fn start() -> Result<Self, Box<dyn std::error::Error>> {
        // Numbers from 200 up stay clear of xvfb-run (99 down) and of desktop sessions.
        static NEXT: Mutex<u32> = Mutex::new(200);
        for _ in 0..100 {
            let number = {
                let mut next = NEXT.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                *next += 1;
                *next - 1
            };
            if Path::new(&format!("/tmp/.X{number}-lock")).exists() {
                continue;
            }
            let mut child = Command::new("Xvfb")
                .args([
                    &format!(":{number}"),
                    "-screen",
                    "0",
                    "1940x1100x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|error| format!("could not start Xvfb (is it installed?): {error}"))?;
            let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if socket.exists() {
                    return Ok(Self { child, number });
                }
                if child.try_wait()?.is_some() {
                    break; // another server took this number first: try the next one
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        Err("no free X display number for Xvfb".into())
    }

    fn name(&self) -> String {
        format!(":{}", self.number)
    }
}

impl Drop for VirtualDisplay {
    fn drop(&mut self) {
        terminate(self.child.id());
        let _ = self.child.wait();
    }
}

/// One running Plancast window with its WebDriver session.
pub struct App {
    // Fields drop in this order: the session is quit, tauri-driver stopped, the display
    // stopped, HOME removed.
    pub driver: WebDriver,
    tauri_driver: DriverProcess,
    display: VirtualDisplay,
    /// The temporary directory used as HOME and XDG_*_HOME for this app.
    pub home: TempDir,
}

impl App {
    /// Starts tauri-driver and opens the app in a new session, waiting for the nav to show.
    pub async fn launch() -> Result<App, Box<dyn std::error::Error>> {
        let home = tempfile::Builder::new().prefix("plancast-e2e-").tempdir()?;
        Self::launch_in(home).await
    }

    /// Starts the app with its real native file dialogs: no answer file, so a dialog opens on
    /// the test's display and stays open (see [`App::window_titles`]).
    pub async fn launch_with_native_dialogs() -> Result<App, Box<dyn std::error::Error>> {
        let home = tempfile::Builder::new().prefix("plancast-e2e-").tempdir()?;
        Self::start(home, false, &[]).await
    }

    /// Starts the app on an existing HOME, e.g. one kept by [`App::quit_keeping_home`] to
    /// check that data survives a restart.
    pub async fn launch_in(home: TempDir) -> Result<App, Box<dyn std::error::Error>> {
        Self::start(home, true, &[]).await
    }

    /// [`App::launch_in`] with extra environment variables for the app (e.g. a D-Bus session
    /// bus of the test's own).
    pub async fn launch_with_env(
        home: TempDir,
        env: &[(&str, &str)],
    ) -> Result<App, Box<dyn std::error::Error>> {
        Self::start(home, true, env).await
    }

    async fn start(
        home: TempDir,
        answered_dialogs: bool,
        env: &[(&str, &str)],
    ) -> Result<App, Box<dyn std::error::Error>> {
        let binary = app_binary();
        if !binary.is_file() {
            return Err(format!(
                "no app binary at {} — run `npm run build && cargo build -p plancast` first",
                binary.display()
            )
            .into());
        }
        for dir in ["data", "config", "cache"] {
            std::fs::create_dir_all(home.path().join(dir))?;
        }
        let display = VirtualDisplay::start()?;
        let (port, native_port) = (free_port()?, free_port()?);
        let mut command = Command::new("tauri-driver");
        if answered_dialogs {
            command.env(DIALOG_ANSWERS_VAR, dialog_answers_file(home.path()));
        }
        let child = command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DISPLAY", display.name())
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .map_err(|error| format!("could not start tauri-driver (is it installed?): {error}"))?;
        let mut tauri_driver = DriverProcess {
            child,
            home: home.path().to_path_buf(),
        };
        // tauri-driver listens at once but starts WebKitWebDriver in the background; a
        // session requested before the native driver listens fails.
        wait_for_port(port).await?;
        wait_for_port(native_port).await?;
        if let Some(status) = tauri_driver.child.try_wait()? {
            // Someone else owns the port we were waiting on.
            return Err(format!("tauri-driver exited at start ({status})").into());
        }

        let mut capabilities = Capabilities::new();
        capabilities.set("browserName", "wry")?;
        capabilities.set("tauri:options", json!({ "application": binary }))?;
        let driver = WebDriver::new(format!("http://127.0.0.1:{port}"), capabilities).await?;
        let app = App {
            driver,
            tauri_driver,
            display,
            home,
        };
        app.element("[data-test=nav]").await?;
        Ok(app)
    }

    /// The X display the window is on (`:201`), e.g. to start a second launch on it.
    pub fn display_name(&self) -> String {
        self.display.name()
    }

    /// The data directory the app should be using (XDG_DATA_HOME of this test).
    pub fn data_home(&self) -> PathBuf {
        self.home.path().join("data")
    }

    /// Queues answers for the app's next file dialogs, in order: `Some(path)` picks `path`,
    /// `None` cancels. A dialog with no answer queued is cancelled.
    pub fn answer_dialogs(&self, answers: &[Option<&Path>]) -> std::io::Result<()> {
        use std::io::Write;
        let mut text = String::new();
        for answer in answers {
            if let Some(path) = answer {
                let path = path.to_str().ok_or_else(|| {
                    std::io::Error::new(
                        std::io::ErrorKind::InvalidInput,
                        "a dialog answer must be UTF-8",
                    )
                })?;
                text.push_str(path);
            }
            text.push('\n');
        }
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dialog_answers_file(self.home.path()))?
            .write_all(text.as_bytes())
    }

    /// Whether some queued dialog answer has not been taken yet.
    fn dialog_answers_left(&self) -> bool {
        std::fs::read_to_string(dialog_answers_file(self.home.path()))
            .is_ok_and(|left| !left.is_empty())
    }

    /// Clicks the button `css` that opens a file dialog and waits until the app has taken the
    /// queued answers. A click that a re-render took from under the pointer opens no dialog:
    /// the button is clicked again then, only while an answer is still waiting (a second
    /// dialog after the answer was taken would find none and cancel).
    pub async fn click_for_dialog(&self, css: &str) -> Result<(), Box<dyn std::error::Error>> {
        for _ in 0..3 {
            self.click(css).await?;
            let deadline = Instant::now() + Duration::from_secs(3);
            while self.dialog_answers_left() && Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            if !self.dialog_answers_left() {
                return Ok(());
            }
        }
        self.dialogs_answered().await
    }

    /// Waits until the app has taken every queued dialog answer.
    pub async fn dialogs_answered(&self) -> Result<(), Box<dyn std::error::Error>> {
        let file = dialog_answers_file(self.home.path());
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = std::fs::read_to_string(&file).unwrap_or_default();
            if left.is_empty() {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("the app did not take the dialog answers {left:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The names of the top-level windows on this app's display (`xwininfo -root -tree`), e.g.
    /// to see a native dialog that the page cannot see.
    pub fn window_titles(&self) -> std::io::Result<Vec<String>> {
        let output = Command::new("xwininfo")
            .args(["-display", &self.display.name(), "-root", "-tree"])
            .output()?;
        let text = String::from_utf8_lossy(&output.stdout);
        // Lines read `0x1a00007 "Title": ("class" "Class")  …`.
        Ok(text
            .lines()
            .filter_map(|line| {
                let (_, rest) = line.split_once(" \"")?;
                let (name, _) = rest.split_once("\":")?;
                Some(name.to_owned())
            })
            .collect())
    }

    /// The first element matching a CSS selector, waiting for it to appear.
    pub async fn element(&self, css: &str) -> WebDriverResult<WebElement> {
        let mut attempts = 0;
        loop {
            let found = self
                .driver
                .query(By::Css(css))
                .wait(PATIENCE, Duration::from_millis(100))
                .first()
                .await;
            match found {
                // The screen re-rendered while the query looked at a match: look again.
                Err(error) if attempts < 5 && is_stale(&error) => {
                    attempts += 1;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                other => return other,
            }
        }
    }

    /// Clicks the first element matching `css`. A screen that re-renders between finding and
    /// clicking leaves a stale element: find it again (a few times) rather than fail.
    pub async fn click(&self, css: &str) -> WebDriverResult<()> {
        let mut attempts = 0;
        loop {
            match self.element(css).await?.click().await {
                Err(error) if attempts < 5 && is_stale(&error) => {
                    attempts += 1;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                other => return other,
            }
        }
    }

    /// Runs JavaScript in the page (its body is a function body: use `return`).
    pub async fn script(&self, body: &str) -> WebDriverResult<Value> {
        Ok(self
            .driver
            .execute(body, Vec::<Value>::new())
            .await?
            .json()
            .clone())
    }

    /// The visible labels of the nav links, top to bottom.
    pub async fn nav_labels(&self) -> WebDriverResult<Vec<String>> {
        let value = self
            .script("return [...document.querySelectorAll('[data-test^=nav-] span')].map(e => e.textContent);")
            .await?;
        Ok(serde_json::from_value(value).unwrap_or_default())
    }

    /// Runs the script `body` until it returns something that is neither null nor false, and
    /// returns that; an error naming the script when PATIENCE runs out.
    pub async fn until(&self, body: &str) -> Result<Value, Box<dyn std::error::Error>> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let value = self.script(body).await?;
            if !value.is_null() && value != Value::Bool(false) {
                return Ok(value);
            }
            if Instant::now() > deadline {
                return Err(format!("`{body}` stayed {value}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Goes on from the wizard's current step to the step `to` with its Next button, as a
    /// user who leaves the field (Tab) and clicks Next does, and waits for that step. A click
    /// that a re-render took from under the pointer leaves the wizard where it was; it is
    /// clicked again then, never when the wizard has moved.
    pub async fn next_step(&self, to: &str) -> Result<(), Box<dyn std::error::Error>> {
        const CURRENT: &str =
            "const s = document.querySelector('section[data-test^=wizard-step-]'); \
             return s ? s.getAttribute('data-test') : null;";
        let from = self.script(CURRENT).await?;
        let wanted = Value::from(format!("wizard-step-{to}"));
        self.script("if (document.activeElement) document.activeElement.blur(); return null;")
            .await?;
        for _ in 0..3 {
            self.click("[data-test=wizard-next]").await?;
            let deadline = Instant::now() + Duration::from_secs(3);
            loop {
                let now = self.script(CURRENT).await?;
                if now == wanted {
                    return Ok(());
                }
                if now != from {
                    return Err(format!("Next went from {from} to {now}, not to {wanted}").into());
                }
                if Instant::now() > deadline {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        Err(format!("Next stayed on {from}; wanted {wanted}").into())
    }

    /// Chooses `value` in the `<select>` marked `data-test=TEST`, as a user picking from the
    /// list does (a `change` event follows).
    pub async fn choose(&self, test: &str, value: &str) -> WebDriverResult<Value> {
        self.script(&format!(
            "const s = document.querySelector(\"[data-test='{test}']\"); s.value = '{value}'; \
             s.dispatchEvent(new Event('change', {{ bubbles: true }})); return s.value;"
        ))
        .await
    }

    /// Waits until no loading indicator is left on the screen.
    pub async fn settle(&self) -> WebDriverResult<()> {
        self.eventually(
            "return document.querySelectorAll('[data-test=loading], .spinner').length;",
            Value::from(0),
        )
        .await?;
        Ok(())
    }

    /// The scenario file on the wizard's Review step (behind its disclosure, so read from the
    /// page rather than as visible text).
    pub async fn review_json(&self) -> Result<String, Box<dyn std::error::Error>> {
        self.element("[data-test=review-json]").await?;
        let text = self
            .script("return document.querySelector('[data-test=review-json]').textContent;")
            .await?;
        Ok(text
            .as_str()
            .ok_or("no scenario file on the Review step")?
            .to_owned())
    }

    /// Runs the script `body` until it returns it returns `expected` or PATIENCE runs out; returns the last value.
    pub async fn eventually(&self, body: &str, expected: Value) -> WebDriverResult<Value> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let value = self.script(body).await?;
            if value == expected || Instant::now() > deadline {
                return Ok(value);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Resizes the window to `width`×`height`, waits until the page has that width, no
    /// loading indicator is left and layout has followed (two frames).
    pub async fn resize(&self, width: u32, height: u32) -> Result<(), Box<dyn std::error::Error>> {
        self.driver.set_window_rect(0, 0, width, height).await?;
        self.eventually("return window.innerWidth;", Value::from(width))
            .await?;
        self.settle().await?;
        self.script(
            "return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(null))));",
        )
        .await?;
        Ok(())
    }

    /// Saves a screenshot of the window as `DIR/NAME.png` when `PLANCAST_SCREENSHOTS=DIR`.
    ///
    /// The picture is taken from the X display (ImageMagick's `import`), cropped to the page:
    /// what a user sees. WebKitWebDriver's own screenshot is not used: with the WebKitGTK
    /// renderer Plancast selects (src-tauri/src/app.rs) it hung for minutes on the second or
    /// third picture of a session, and before that its first picture could be a stale frame.
    pub async fn screenshot(&self, name: &str) -> WebDriverResult<()> {
        let Some(dir) = std::env::var_os("PLANCAST_SCREENSHOTS") else {
            return Ok(());
        };
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir)?;
        // Let fonts and the theme transition settle so the picture shows the final state.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let page = self
            .script(
                "return [window.innerWidth, window.innerHeight, window.screenX, window.screenY];",
            )
            .await?;
        let n = |i: usize| page.get(i).and_then(Value::as_i64).unwrap_or(0);
        let crop = format!("{}x{}+{}+{}", n(0), n(1), n(2), n(3));
        let file = dir.join(format!("{name}.png"));
        let status = Command::new("import")
            .env("DISPLAY", self.display.name())
            .args(["-window", "root", "-crop", &crop, "+repage"])
            .arg(&file)
            .status()
            .map_err(|e| {
                std::io::Error::other(format!(
                    "could not run ImageMagick's `import` for screenshots (apt install imagemagick): {e}"
                ))
            })?;
        if !status.success() {
            return Err(std::io::Error::other(format!(
                "`import` failed ({status}) taking {}",
                file.display()
            ))
            .into());
        }
        Ok(())
    }

    /// Ends the session and stops tauri-driver but keeps HOME (and so the database).
    pub async fn quit_keeping_home(self) -> Result<TempDir, Box<dyn std::error::Error>> {
        let App {
            driver,
            tauri_driver,
            display,
            home,
        } = self;
        driver.quit().await?;
        drop(tauri_driver);
        drop(display);
        Ok(home)
    }

    /// Sets an input's value the way typing does (fires `input`), replacing what was there.
    pub async fn fill(&self, css: &str, value: &str) -> WebDriverResult<()> {
        // WebDriver's clear() fires no `input` event, so the screen would keep the old text:
        // empty the field the way a user does, then type.
        let element = self.element(css).await?;
        self.driver
            .execute(
                "arguments[0].value = ''; \
                 arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
                vec![element.to_json()?],
            )
            .await?;
        element.send_keys(value).await?;
        Ok(())
    }

    /// Types `amount` as the actual spend of `product` in `month` on the open scenario's
    /// Actual spend table and leaves the field (which saves it), then waits until the stored
    /// figure is back in the field.
    pub async fn type_actual(
        &self,
        product: &str,
        month: &str,
        amount: &str,
    ) -> Result<(), Box<dyn std::error::Error>> {
        let tab = format!("[data-test=actuals-product-{product}]");
        if self
            .script(&format!("return !!document.querySelector('{tab}');"))
            .await?
            == Value::Bool(true)
        {
            self.click(&tab).await?;
        }
        let field = format!("[data-test='actual-{product}-{month}']");
        self.fill(&field, amount).await?;
        // `change` fires when the field loses focus.
        self.script(&format!(
            "document.querySelector(\"{field}\").blur(); return null;"
        ))
        .await?;
        self.until(&format!(
            "const f = document.querySelector(\"{field}\"); \
             return f && f.defaultValue !== '' && document.activeElement !== f;"
        ))
        .await?;
        Ok(())
    }

    /// Waits until the screen has settled (no loading line or spinner) and then until [`ENGLISH_LEFT`]
    /// finds nothing; fails with what it found on `screen` if that does not happen in time.
    pub async fn reads_in_chinese(&self, screen: &str) -> TestResult {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let busy = self
                .script("return document.querySelectorAll('[data-test=loading], .spinner').length;")
                .await?;
            let found = self.script(ENGLISH_LEFT).await?;
            let errors = self
                .script("return [...document.querySelectorAll('[data-test=error]')].map(e => e.textContent);")
                .await?;
            if busy == json!(0) && found == json!([]) && errors == json!([]) {
                return Ok(());
            }
            if Instant::now() > deadline {
                let list = found
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .map(|pair| {
                                format!("  {} — {:?}", pair[0], pair[1].as_str().unwrap_or(""))
                            })
                            .collect::<Vec<_>>()
                            .join("\n")
                    })
                    .unwrap_or_default();
                return Err(format!(
                    "{screen}: English in the Chinese UI:\n{list}\n(errors shown: {errors}; busy: {busy})"
                )
                .into());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Calls a Plancast command from the page and returns its result (or `{"error": …}`).
    pub async fn invoke(&self, command: &str, args: Value) -> WebDriverResult<Value> {
        let body = format!(
            "const done = arguments[arguments.length - 1];\n\
             window.__TAURI_INTERNALS__.invoke('{command}', {args}).then(\n\
               (value) => done(value === undefined ? null : value),\n\
               (error) => done({{ error }}));"
        );
        Ok(self
            .driver
            .execute_async(&body, Vec::<Value>::new())
            .await?
            .json()
            .clone())
    }

    /// Ends the session; tauri-driver is then stopped when `self` drops.
    pub async fn close(self) -> WebDriverResult<()> {
        let App {
            driver,
            tauri_driver,
            display,
            home,
        } = self;
        let result = driver.quit().await;
        drop(tauri_driver);
        drop(display);
        drop(home);
        result
    }
}

/// The dialog answer file of the app whose HOME is `home`.
fn dialog_answers_file(home: &Path) -> PathBuf {
    home.join("dialog-answers")
}

fn is_stale(error: &WebDriverError) -> bool {
    matches!(
        error.as_inner(),
        thirtyfour::error::WebDriverErrorInner::StaleElementReference(_)
    )
}

async fn wait_for_port(port: u16) -> Result<(), Box<dyn std::error::Error>> {
    let deadline = Instant::now() + PATIENCE;
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err(format!("tauri-driver did not listen on port {port}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}
