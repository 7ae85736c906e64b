//! The page the window loads first carries the answers its first screen needs.
//!
//! On start-up the window shows the scenario list. Asking for it over IPC costs a round trip
//! through the main thread, which is busy then (serving the page's files, mapping the
//! window), and on a slow start that wait was most of the time between the shell's first
//! paint and the list's. So, while the window is being created, a thread waits for the
//! database to open and computes what the `list_scenarios` and `database_status` commands
//! would answer; when the webview asks for `index.html`, the answers go into the page as a
//! JSON block (`<script type="application/json" id="first-answers">`, data, never run, so the
//! Content-Security-Policy is unchanged) that `ui/src/api.ts` reads instead of asking.
//!
//! Only the first load of the page gets them, and only if they are ready: serving the page
//! never waits. A reload, or a database still opening, leaves the page as it is, and the UI
//! asks over IPC as before. The answers are computed after the database opened and before any
//! command can run (commands come from the page's script), so they are what the commands
//! would have answered.

use std::borrow::Cow;
use std::sync::{Arc, Mutex, PoisonError};

use serde::Serialize;
use tauri::utils::assets::{AssetKey, AssetsIter, CspHash};
use tauri::{Assets, Runtime};

use crate::commands::dto::ScenarioRow;
use crate::commands::{scenarios, Database, DatabaseStatus};

/// The id of the JSON block in the page; `ui/src/api.ts` reads it.
const ELEMENT_ID: &str = "first-answers";

/// The answers, keyed by command name, as their commands return them.
#[derive(Debug, Serialize)]
struct Answers {
    /// Absent when the list could not be read: the command then reports why.
    #[serde(skip_serializing_if = "Option::is_none")]
    list_scenarios: Option<Vec<ScenarioRow>>,
    database_status: DatabaseStatus,
}

/// The first screen's answers as JSON, once computed; taken by the first page load.
#[derive(Clone, Default)]
pub struct FirstAnswers(Arc<Mutex<Option<String>>>);

impl FirstAnswers {
    /// Computes the answers on a thread of its own, once `database` is open.
    pub fn compute_in_background(&self, database: Database) {
        let answers = self.clone();
        // If the thread cannot start, the page simply carries no answers.
        let _ = std::thread::Builder::new()
            .name("first-answers".into())
            .spawn(move || answers.compute(&database));
    }

    /// Computes the answers now (blocks until `database` is open).
    fn compute(&self, database: &Database) {
        let json = answers_json(database);
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = json;
    }

    /// The answers if they are ready and not yet taken. Never waits.
    fn take(&self) -> Option<String> {
        self.0.try_lock().ok()?.take()
    }

    /// The file at `key` as served: `index.html` with the answers if they are ready and not yet
    /// taken, everything else as it is.
    fn serve<'a>(&self, key: &str, file: Cow<'a, [u8]>) -> Cow<'a, [u8]> {
        if key != "/index.html" {
            return file;
        }
        match self.take() {
            Some(json) => with_answers(&file, &json).map_or(file, Cow::Owned),
            None => file,
        }
    }
}

/// What `list_scenarios` and `database_status` answer now (blocks until the database is open).
fn answers_json(database: &Database) -> Option<String> {
    let answers = Answers {
        list_scenarios: database.run(|store| scenarios::list_scenarios(store)).ok(),
        database_status: database.status(),
    };
    serde_json::to_string(&answers).ok()
}

/// `html` with the answers as a JSON block before `</body>`. In JSON text `<` can only occur
/// inside a string, where `\u003c` means the same; written so, no scenario name can close the
/// block (`</script>`) or open a comment in it.
fn with_answers(html: &[u8], json: &str) -> Option<Vec<u8>> {
    let html = std::str::from_utf8(html).ok()?;
    let end = html.rfind("</body>")?;
    let block = format!(
        r#"<script type="application/json" id="{ELEMENT_ID}">{}</script>"#,
        json.replace('<', "\\u003c")
    );
    let mut page = String::with_capacity(html.len() + block.len());
    page.push_str(&html[..end]);
    page.push_str(&block);
    page.push_str(&html[end..]);
    Some(page.into_bytes())
}

/// The app's embedded files, with the first answers added to the first `index.html` served.
pub struct FirstPage<R: Runtime> {
    files: Box<dyn Assets<R>>,
    answers: FirstAnswers,
}

impl<R: Runtime> FirstPage<R> {
    /// Wraps the context's files; `answers` is filled by [`FirstAnswers::compute_in_background`].
    pub fn install(context: &mut tauri::Context<R>, answers: FirstAnswers) {
        let files = context.set_assets(Box::new(NoFiles));
        context.set_assets(Box::new(Self { files, answers }));
    }
}

impl<R: Runtime> Assets<R> for FirstPage<R> {
    fn setup(&self, app: &tauri::App<R>) {
        self.files.setup(app);
    }

    fn get(&self, key: &AssetKey) -> Option<Cow<'_, [u8]>> {
        Some(self.answers.serve(key.as_ref(), self.files.get(key)?))
    }

    fn iter(&self) -> Box<AssetsIter<'_>> {
        self.files.iter()
    }

    fn csp_hashes(&self, html_path: &AssetKey) -> Box<dyn Iterator<Item = CspHash<'_>> + '_> {
        self.files.csp_hashes(html_path)
    }
}

/// Stands in for the context's files for the moment [`FirstPage::install`] takes them out.
struct NoFiles;

impl<R: Runtime> Assets<R> for NoFiles {
    fn get(&self, _key: &AssetKey) -> Option<Cow<'_, [u8]>> {
        None
    }

    fn iter(&self) -> Box<AssetsIter<'_>> {
        Box::new(std::iter::empty())
    }

    fn csp_hashes(&self, _html_path: &AssetKey) -> Box<dyn Iterator<Item = CspHash<'_>> + '_> {
        Box::new(std::iter::empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::{scenarios, ApiError, DatabaseState};
    use chrono::Utc;

    const PAGE: &str = "<!doctype html><html><body><div id=\"app\"></div></body></html>";

    fn open(dir: &tempfile::TempDir) -> Database {
        Database::open(&dir.path().join("plancast.sqlite3"), Utc::now())
    }

    /// The JSON block of a served page, parsed.
    fn block(page: &[u8]) -> serde_json::Value {
        let page = std::str::from_utf8(page).unwrap();
        let start = format!(r#"<script type="application/json" id="{ELEMENT_ID}">"#);
        let from = page.find(&start).expect("the page carries the answers") + start.len();
        let to = from + page[from..].find("</script>").unwrap();
        assert!(page[to..].starts_with("</script></body>"), "{page}");
        serde_json::from_str(&page[from..to]).unwrap()
    }

    #[test]
    fn the_first_index_html_carries_what_the_commands_answer_and_later_ones_do_not() {
        let dir = tempfile::tempdir().unwrap();
        let database = open(&dir);
        let answers = FirstAnswers::default();
        // Not yet computed: served as it is, never waiting.
        assert_eq!(
            answers.serve("/index.html", Cow::Borrowed(PAGE.as_bytes())),
            PAGE.as_bytes()
        );
        answers.compute(&database);
        // Other files are never changed, and do not use up the answers.
        let script = b"console.log('</body>')";
        assert_eq!(
            answers.serve("/assets/index.js", Cow::Borrowed(script)),
            &script[..]
        );

        let page = answers.serve("/index.html", Cow::Borrowed(PAGE.as_bytes()));
        let carried = block(&page);
        let listed = database
            .run(|store| scenarios::list_scenarios(store))
            .unwrap();
        assert_eq!(
            listed.len(),
            3,
            "a new database starts with the three examples"
        );
        assert_eq!(
            carried["list_scenarios"],
            serde_json::to_value(&listed).unwrap()
        );
        assert_eq!(
            carried["database_status"],
            serde_json::to_value(database.status()).unwrap()
        );
        assert_eq!(carried["database_status"]["state"], "ready");
        // Taken once: a reload asks over IPC for answers that are current then.
        assert_eq!(
            answers.serve("/index.html", Cow::Borrowed(PAGE.as_bytes())),
            PAGE.as_bytes()
        );
    }

    #[test]
    fn no_scenario_name_can_end_the_block_or_change_the_page() {
        let dir = tempfile::tempdir().unwrap();
        let database = open(&dir);
        let name = "</script><script>alert(1)</script><!-- x";
        database
            .run(|store| {
                let listed = scenarios::list_scenarios(store)?;
                scenarios::rename_scenario(store, listed[0].id, name, Utc::now())
            })
            .unwrap();
        let answers = FirstAnswers::default();
        answers.compute(&database);
        let page = answers.serve("/index.html", Cow::Borrowed(PAGE.as_bytes()));
        let text = std::str::from_utf8(&page).unwrap();
        assert_eq!(text.matches("<script").count(), 1, "{text}");
        assert_eq!(text.matches("</script>").count(), 1, "{text}");
        assert!(!text.contains("<!--"), "{text}");
        let names: Vec<_> = block(&page)["list_scenarios"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| row["name"].as_str().unwrap().to_owned())
            .collect();
        assert!(names.iter().any(|n| n == name), "{names:?}");
    }

    #[test]
    fn a_refused_database_sends_its_status_and_leaves_the_list_to_the_command() {
        let database = Database::refused(ApiError::database("refused for the test"));
        let answers = FirstAnswers::default();
        answers.compute(&database);
        let page = answers.serve("/index.html", Cow::Borrowed(PAGE.as_bytes()));
        let carried = block(&page);
        assert!(carried.get("list_scenarios").is_none(), "{carried}");
        assert_eq!(
            carried["database_status"]["state"],
            serde_json::to_value(DatabaseState::Unavailable).unwrap()
        );
    }

    #[test]
    fn a_page_without_a_body_end_is_served_unchanged() {
        let answers = FirstAnswers::default();
        *answers.0.lock().unwrap() = Some("{}".into());
        let page = "<p>no body end";
        assert_eq!(
            answers.serve("/index.html", Cow::Borrowed(page.as_bytes())),
            page.as_bytes()
        );
    }
}
