//! The native file dialogs, opened by Rust: every file an export writes or an import reads is
//! the one the user picked here.
//!
//! The page never names a path. Each export or import command asks [`choose_save_path`] or
//! [`choose_open_path`] and acts only on the answer: `None` when the user cancelled, and then
//! nothing is read or written. The window is not granted the dialog plugin's own commands
//! (`dialog:allow-open`, `dialog:allow-save`), so the page cannot open a dialog either: a path
//! from the page could be anything (`~/.profile`, `/etc/passwd`), a path from here is the
//! user's choice.
//!
//! The suggested file name, the filter and the title come from here too, the title in the
//! UI's language.
//!
//! Tests of the window cannot click a native file dialog. A debug build therefore takes its
//! answers from the file named by the environment variable `PLANCAST_TEST_DIALOG_ANSWERS`
//! when it is set: one answer a line, taken from the top, a path to pick or an empty line to
//! cancel; with no answer left the dialog is cancelled. That code is compiled only with
//! `debug_assertions`: a release build has no such code, so the variable means nothing to it
//! (scripts/package-test checks that the release binary does not even contain its name).

use std::path::{Path, PathBuf};

use pricing::Lang;
use tauri::{Runtime, Window};
use tauri_plugin_dialog::{DialogExt, FilePath};

use super::{blocking, ApiError};

/// The kinds of file the app writes or reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    /// A bill to import: CSV or tab-separated text.
    Bill,
    Svg,
    Png,
    Json,
}

impl FileKind {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Csv | FileKind::Bill => "csv",
            FileKind::Svg => "svg",
            FileKind::Png => "png",
            FileKind::Json => "json",
        }
    }

    /// The file name extensions the dialog's filter shows.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Bill => &["csv", "tsv", "txt"],
            FileKind::Csv => &["csv"],
            FileKind::Svg => &["svg"],
            FileKind::Png => &["png"],
            FileKind::Json => &["json"],
        }
    }

    /// The name of the dialog's filter for this kind.
    pub fn filter_name(self, lang: Lang) -> &'static str {
        lang.text(match self {
            FileKind::Csv => "report.dialog.filter.csv",
            FileKind::Bill => "report.dialog.filter.bill",
            FileKind::Svg => "report.dialog.filter.svg",
            FileKind::Png => "report.dialog.filter.png",
            FileKind::Json => "report.dialog.filter.json",
        })
    }
}

/// Why a dialog is shown: decides its title and the kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    QuoteCsv,
    ComparisonCsv,
    SideBySideCsv,
    ChartSvg,
    ChartPng,
    ScenarioJson,
    ImportScenario,
    ImportPriceUpdate,
    ImportBill,
}

impl Purpose {
    pub fn kind(self) -> FileKind {
        match self {
            Purpose::QuoteCsv | Purpose::ComparisonCsv | Purpose::SideBySideCsv => FileKind::Csv,
            Purpose::ChartSvg => FileKind::Svg,
            Purpose::ChartPng => FileKind::Png,
            Purpose::ScenarioJson | Purpose::ImportScenario | Purpose::ImportPriceUpdate => {
                FileKind::Json
            }
            Purpose::ImportBill => FileKind::Bill,
        }
    }

    /// The dialog's title in the UI's language.
    pub fn title(self, lang: Lang) -> &'static str {
        lang.text(match self {
            Purpose::QuoteCsv => "report.dialog.title.quote_csv",
            Purpose::ComparisonCsv => "report.dialog.title.comparison_csv",
            Purpose::SideBySideCsv => "report.dialog.title.side_by_side_csv",
            Purpose::ChartSvg => "report.dialog.title.chart_svg",
            Purpose::ChartPng => "report.dialog.title.chart_png",
            Purpose::ScenarioJson => "report.dialog.title.scenario_json",
            Purpose::ImportScenario => "report.dialog.title.import_scenario",
            Purpose::ImportPriceUpdate => "report.dialog.title.import_price_update",
            Purpose::ImportBill => "report.dialog.title.import_bill",
        })
    }
}

/// The UI's language from its tag (`en`, `zh-CN`); English for anything unknown.
pub fn lang_of(tag: &str) -> Lang {
    Lang::from_tag(tag).unwrap_or_default()
}

/// The file name a save dialog suggests: `stem` (a scenario's name, say) made safe as one file
/// name, with the extension of `kind`. Path separators, characters Windows refuses in file
/// names and control characters become `_`; leading and trailing spaces and dots go; an empty
/// result becomes `plancast`; at most 120 characters before the extension.
pub fn suggested_file_name(stem: &str, kind: FileKind) -> String {
    let cleaned: String = stem
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .take(120)
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c.is_whitespace() || c == '.');
    let stem = if cleaned.is_empty() {
        "plancast"
    } else {
        cleaned
    };
    format!("{stem}.{}", kind.extension())
}

/// The files saved through a save dialog since the app started. "Open folder" opens only the
/// folder of one of these: the page cannot open an arbitrary folder by naming it.
static SAVED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Records that the user chose `path` in a save dialog and the file was written there.
pub fn remember_saved(path: &Path) {
    let mut saved = SAVED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !saved.iter().any(|p| p == path) {
        saved.push(path.to_path_buf());
    }
}

/// Whether `path` is a file saved through a dialog in this session.
pub fn was_saved(path: &Path) -> bool {
    SAVED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .iter()
        .any(|p| p == path)
}

/// Opens the folder holding `path`, a file saved through a dialog in this session, in the
/// system's file manager. Anything else is refused and nothing is opened.
pub fn open_saved_folder(path: &Path) -> Result<(), ApiError> {
    if !was_saved(path) {
        return Err(ApiError::invalid_field(
            "path",
            "only the folder of a file you saved in this session can be opened",
        ));
    }
    let folder = path
        .parent()
        .ok_or_else(|| ApiError::invalid_field("path", "the file has no folder"))?;
    // Under the E2E tests' scripted dialogs no file manager is started: the check above is
    // what they test, and a desktop window would outlive the test.
    #[cfg(debug_assertions)]
    if std::env::var_os(scripted::ANSWERS_VAR).is_some() {
        return Ok(());
    }
    open::that_detached(folder).map_err(|error| {
        ApiError::internal(format!("could not open {}: {error}", folder.display()))
    })
}

/// Asks the user where to save a file for `purpose`, suggesting `stem` as its name. `None`
/// when the user cancelled. Blocks a background thread, never the main one.
pub async fn choose_save_path<R: Runtime>(
    window: &Window<R>,
    purpose: Purpose,
    stem: &str,
    lang: Lang,
) -> Result<Option<PathBuf>, ApiError> {
    let file_name = suggested_file_name(stem, purpose.kind());
    #[cfg(debug_assertions)]
    if let Some(answer) = scripted::next_answer() {
        return answer;
    }
    let builder = file_dialog(window, purpose, lang).set_file_name(file_name);
    let picked = blocking(move || Ok(builder.blocking_save_file())).await?;
    picked.map(into_path).transpose()
}

/// Asks the user for one file to read for `purpose`. `None` when the user cancelled.
pub async fn choose_open_path<R: Runtime>(
    window: &Window<R>,
    purpose: Purpose,
    lang: Lang,
) -> Result<Option<PathBuf>, ApiError> {
    #[cfg(debug_assertions)]
    if let Some(answer) = scripted::next_answer() {
        return answer;
    }
    let builder = file_dialog(window, purpose, lang);
    let picked = blocking(move || Ok(builder.blocking_pick_file())).await?;
    picked.map(into_path).transpose()
}

fn file_dialog<R: Runtime>(
    window: &Window<R>,
    purpose: Purpose,
    lang: Lang,
) -> tauri_plugin_dialog::FileDialogBuilder<R> {
    let kind = purpose.kind();
    window
        .dialog()
        .file()
        .set_parent(window)
        .set_title(purpose.title(lang))
        .add_filter(kind.filter_name(lang), kind.extensions())
}

fn into_path(picked: FilePath) -> Result<PathBuf, ApiError> {
    picked
        .into_path()
        .map_err(|error| ApiError::internal(format!("the dialog returned no file path: {error}")))
}

/// Answers from a file instead of the native dialog, for the tests of the window. Debug builds
/// only: nothing of this is compiled into a release build.
#[cfg(debug_assertions)]
mod scripted {
    use std::path::{Path, PathBuf};
    use std::sync::Mutex;

    use super::ApiError;

    /// The environment variable naming the answer file.
    pub const ANSWERS_VAR: &str = "PLANCAST_TEST_DIALOG_ANSWERS";

    /// The next answer when the variable is set, `None` (show the dialog) when it is not.
    pub fn next_answer() -> Option<Result<Option<PathBuf>, ApiError>> {
        let file = std::env::var_os(ANSWERS_VAR)?;
        Some(take_answer(Path::new(&file)))
    }

    /// Takes the first line of `file` away and returns it: a path, or `None` for an empty line
    /// (cancel). A missing or empty file cancels too.
    pub fn take_answer(file: &Path) -> Result<Option<PathBuf>, ApiError> {
        // Two dialogs at once must not take the same answer.
        static LOCK: Mutex<()> = Mutex::new(());
        let _guard = LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(error) => return Err(error.into()),
        };
        if text.is_empty() {
            eprintln!(
                "{ANSWERS_VAR}: no answer left in {}: the dialog is cancelled",
                file.display()
            );
            return Ok(None);
        }
        let (first, rest) = text.split_once('\n').unwrap_or((&text, ""));
        std::fs::write(file, rest)?;
        let first = first.trim_end_matches('\r');
        Ok((!first.is_empty()).then(|| PathBuf::from(first)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_folder_of_a_file_saved_in_this_session_opens() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("quote.csv");
        let refused = open_saved_folder(&file).expect_err("not saved yet");
        assert_eq!(refused.code, super::super::error::ErrorCode::InvalidInput);
        assert!(
            refused.message.contains("saved in this session"),
            "{}",
            refused.message
        );
        assert!(!was_saved(Path::new("/etc/passwd")));
        remember_saved(&file);
        assert!(was_saved(&file));
        assert!(!was_saved(&dir.path().join("other.csv")));
    }

    #[test]
    fn the_suggested_name_is_one_safe_file_name_with_the_extension() {
        assert_eq!(
            suggested_file_name("Start-up (intl)", FileKind::Csv),
            "Start-up (intl).csv"
        );
        assert_eq!(
            suggested_file_name("../../.profile", FileKind::Json),
            "_.._.profile.json"
        );
        assert_eq!(
            suggested_file_name("a/b\\c:d*e?f\"g<h>i|j\nk", FileKind::Svg),
            "a_b_c_d_e_f_g_h_i_j_k.svg"
        );
        assert_eq!(suggested_file_name(" . ", FileKind::Png), "plancast.png");
        assert_eq!(suggested_file_name("", FileKind::Csv), "plancast.csv");
        assert_eq!(
            suggested_file_name("华东 安全", FileKind::Json),
            "华东 安全.json"
        );
        let long = suggested_file_name(&"x".repeat(500), FileKind::Csv);
        assert_eq!(long.len(), 120 + ".csv".len());
    }

    #[test]
    fn every_purpose_has_a_title_and_filter_in_both_languages() {
        use Purpose::*;
        for purpose in [
            QuoteCsv,
            ComparisonCsv,
            SideBySideCsv,
            ChartSvg,
            ChartPng,
            ScenarioJson,
            ImportScenario,
            ImportBill,
        ] {
            for lang in Lang::ALL {
                assert!(!purpose.title(lang).is_empty());
                assert!(!purpose.kind().filter_name(lang).is_empty());
            }
            assert_ne!(purpose.title(Lang::En), purpose.title(Lang::ZhCn));
        }
        assert_eq!(ChartPng.kind().extension(), "png");
        assert_eq!(ImportScenario.kind(), FileKind::Json);
        assert_eq!(lang_of("zh-CN"), Lang::ZhCn);
        assert_eq!(lang_of("en"), Lang::En);
        assert_eq!(lang_of("fr"), Lang::En);
    }

    #[test]
    fn scripted_answers_are_taken_in_order_and_an_empty_line_cancels() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("answers");
        std::fs::write(&file, "/tmp/a.csv\n\r\n/tmp/b c.json\r\n/tmp/last").expect("write");
        let next = || scripted::take_answer(&file).expect("answer");
        assert_eq!(next(), Some(PathBuf::from("/tmp/a.csv")));
        assert_eq!(next(), None, "an empty line cancels");
        assert_eq!(next(), Some(PathBuf::from("/tmp/b c.json")));
        assert_eq!(next(), Some(PathBuf::from("/tmp/last")));
        assert_eq!(std::fs::read_to_string(&file).expect("read"), "");
        assert_eq!(next(), None, "no answer left cancels");
        std::fs::remove_file(&file).expect("remove");
        assert_eq!(next(), None, "no answer file cancels");
    }

    /// The page cannot open a file dialog itself: the window is granted no permission of the
    /// dialog plugin, only the app's commands (which open the dialogs here).
    #[test]
    fn the_window_is_granted_no_dialog_permission() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/capabilities");
        let mut files = 0;
        for entry in std::fs::read_dir(&dir).expect("capabilities directory") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            files += 1;
            let capability: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).expect("readable"))
                    .expect("json");
            let permissions = capability["permissions"].as_array().expect("permissions");
            for permission in permissions {
                let id = permission
                    .as_str()
                    .or_else(|| permission["identifier"].as_str())
                    .unwrap_or_default();
                assert!(
                    !id.starts_with("dialog:"),
                    "{} grants {id}: the page must not open file dialogs",
                    path.display()
                );
            }
        }
        assert!(files > 0, "no capability file in {}", dir.display());
    }
}
