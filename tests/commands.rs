//! The app's commands, called as plain functions on a temporary database (no window).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use plancast::commands::database::{load_examples_once, EXAMPLES, EXAMPLES_LOADED};
use plancast::commands::dto::UserPriceInput;
use plancast::commands::{
    exports, prices, quotes, scenarios, settings, ApiError, Database, ErrorCode, COMMANDS,
};
use pricing::{Currency, PriceItem, Product, Site};
use store::Store;

const STARTUP: &str = include_str!("../examples/startup-intl.json");
const ENTERPRISE: &str = include_str!("../examples/enterprise-cn.json");

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
        .single()
        .expect("valid time")
}

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("plancast.sqlite3")).expect("open store");
    (dir, store)
}

fn count(store: &Store) -> u64 {
    store.scenario_count().expect("count")
}

fn tcr_storage_price(amount: &str) -> UserPriceInput {
    UserPriceInput {
        product: "tcr".into(),
        site: "tencent-intl".into(),
        item: Some("cos_storage".into()),
        plan: None,
        region: Some("ap-singapore".into()),
        unit: String::new(),
        amount: amount.into(),
        currency: "USD".into(),
        effective_from: None,
        effective_to: None,
        note: Some("negotiated".into()),
    }
}

#[test]
fn examples_are_loaded_once_on_an_empty_database() {
    let (_dir, mut store) = temp_store();
    assert_eq!(
        load_examples_once(&mut store, now()).expect("load"),
        EXAMPLES.len()
    );
    assert_eq!(
        store
            .get_setting(EXAMPLES_LOADED)
            .expect("setting")
            .as_deref(),
        Some("1")
    );
    let rows = scenarios::list_scenarios(&store).expect("list");
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert_eq!(row.error, None, "{}", row.name);
        assert!(row.total.is_some(), "{}", row.name);
        assert!(!row.products.is_empty());
    }
    // Deleting them all must not bring them back.
    for row in rows {
        scenarios::delete_scenario(&mut store, row.id).expect("delete");
    }
    assert_eq!(load_examples_once(&mut store, now()).expect("load"), 0);
    assert_eq!(count(&store), 0);
}

#[test]
fn the_app_database_preloads_examples_only_the_first_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = store::default_db_path(dir.path());
    let first = Database::open(&path, now());
    let rows = first.run(|s| scenarios::list_scenarios(s)).expect("list");
    assert_eq!(rows.len(), 3);
    first
        .run(|s| scenarios::delete_scenario(s, rows[0].id))
        .expect("delete");
    drop(first);
    let again = Database::open(&path, now());
    assert_eq!(again.run(|s| Ok(count(s))).expect("count"), 2);
}

#[test]
fn the_window_opens_the_database_in_the_background_and_commands_wait_for_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = store::default_db_path(dir.path());
    let database = Database::open_in_background(path.clone(), now());
    // Called at once, from several threads, as the first commands of a new window are.
    let waiting: Vec<_> = (0..4)
        .map(|_| {
            let database = database.clone();
            std::thread::spawn(move || database.run(|s| Ok(count(s))))
        })
        .collect();
    for handle in waiting {
        assert_eq!(handle.join().expect("no panic").expect("count"), 3);
    }

    // A database the store refuses is refused the same way when opened in the background.
    // (Another file: the opening thread may still hold the first one for a moment.)
    let newer = tempfile::tempdir().expect("temp dir");
    let path = store::default_db_path(newer.path());
    drop(Store::open(&path).expect("create"));
    set_user_version(&path, 999);
    let refused = Database::open_in_background(path, now());
    let error = refused.run(|s| Ok(count(s))).expect_err("refused");
    assert_eq!(error.code, ErrorCode::Database);
    assert!(error.message.contains("999"), "{}", error.message);
}

#[test]
fn a_scenario_round_trips_through_the_database() {
    let (_dir, mut store) = temp_store();
    let row = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    assert_eq!(row.name, "Start-up on the international site, 2027");
    assert_eq!(row.currency, Some(Currency::Usd));
    assert_eq!(row.products, Product::ALL);
    let doc = scenarios::get_scenario(&store, row.id).expect("get");
    let reread = pricing::parse_scenario(&doc.document).expect("stored document reads");
    let original = pricing::parse_scenario(STARTUP).expect("example reads");
    assert_eq!(reread.to_json(), original.to_json());

    // The same quote from the stored document as from the file.
    let quote = pricing::quote(&original, pricing::PriceBook::builtin()).expect("quote");
    assert_eq!(row.total, Some(pricing::money::exact_text(quote.total)));

    let renamed = scenarios::rename_scenario(&mut store, row.id, "Renamed", now()).expect("rename");
    assert_eq!(renamed.name, "Renamed");
    let doc = scenarios::get_scenario(&store, row.id).expect("get");
    assert_eq!(
        pricing::parse_scenario(&doc.document).expect("reads").name,
        "Renamed"
    );

    let copy = scenarios::duplicate_scenario(&mut store, row.id, now()).expect("duplicate");
    assert_eq!(copy.name, "Renamed (copy)");
    let doc = scenarios::get_scenario(&store, copy.id).expect("get");
    assert_eq!(
        pricing::parse_scenario(&doc.document).expect("reads").name,
        "Renamed (copy)"
    );

    let mut changed: serde_json::Value = serde_json::from_str(STARTUP).expect("json");
    changed["name"] = "Updated".into();
    changed["months"] = 6.into();
    let updated = scenarios::update_scenario(&mut store, row.id, &changed.to_string(), now())
        .expect("update");
    assert_eq!(updated.name, "Updated");
    assert_eq!(updated.months, Some(6));

    scenarios::delete_scenario(&mut store, copy.id).expect("delete");
    let missing = scenarios::get_scenario(&store, copy.id).expect_err("deleted");
    assert_eq!(missing.code, ErrorCode::NotFound);
}

#[test]
fn an_invalid_document_returns_every_field_and_writes_nothing() {
    let (_dir, mut store) = temp_store();
    let existing = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    let mut bad: serde_json::Value = serde_json::from_str(STARTUP).expect("json");
    bad["months"] = 0.into();
    bad["currency"] = "EUR".into();
    bad["tcss"]["cores"] = (-5).into();
    let before = count(&store);

    let error =
        scenarios::create_scenario(&mut store, &bad.to_string(), now()).expect_err("invalid");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    let paths: Vec<String> = error.field_errors().into_iter().map(|f| f.path).collect();
    for path in ["months", "currency", "tcss.cores"] {
        assert!(
            paths.iter().any(|p| p == path),
            "{path} missing from {paths:?}"
        );
    }
    assert_eq!(error.field.as_deref(), Some(paths[0].as_str()));
    assert_eq!(count(&store), before);

    let error = scenarios::update_scenario(&mut store, existing.id, &bad.to_string(), now())
        .expect_err("invalid");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    let doc = scenarios::get_scenario(&store, existing.id).expect("get");
    assert_eq!(
        pricing::parse_scenario(&doc.document)
            .expect("unchanged")
            .months,
        12
    );
}

#[test]
fn the_preview_reports_problems_instead_of_failing() {
    let (_dir, store) = temp_store();
    let preview = quotes::preview_quote(&store, r#"{"plancast":1,"months":0}"#, "light", "en")
        .expect("no error for invalid input");
    assert!(!preview.ok);
    assert!(preview.errors.len() > 1, "{:?}", preview.errors);
    assert!(preview.chart_svg.is_none());

    let preview = quotes::preview_quote(&store, STARTUP, "dark", "zh-CN").expect("preview");
    assert!(preview.ok);
    assert_eq!(preview.months.len(), 12);
    assert_eq!(preview.currency, Some(Currency::Usd));
    assert!(preview.chart_svg.is_some_and(|svg| svg.contains("<svg")));
}

/// Writes `user_version` straight into the SQLite header (bytes 60–63, big-endian).
fn set_user_version(path: &Path, version: u32) {
    let mut bytes = std::fs::read(path).expect("read db");
    bytes[60..64].copy_from_slice(&version.to_be_bytes());
    std::fs::write(path, bytes).expect("write db");
}

#[test]
fn a_newer_database_is_refused_untouched_and_every_command_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = store::default_db_path(dir.path());
    {
        let mut store = Store::open(&path).expect("create");
        scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    }
    set_user_version(&path, 999);
    let before = std::fs::read(&path).expect("read");

    let database = Database::open(&path, now());
    let error = database
        .run(|s| scenarios::list_scenarios(s))
        .expect_err("refused");
    assert_eq!(error.code, ErrorCode::Database);
    assert!(error.message.contains("999"), "{}", error.message);
    let error = database
        .run(|s| scenarios::create_scenario(s, STARTUP, now()))
        .expect_err("refused");
    assert_eq!(error.code, ErrorCode::Database);
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn a_user_price_changes_every_quote() {
    let (_dir, mut store) = temp_store();
    let row = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    let before = quotes::quote_scenario(&store, row.id, "light", "en").expect("quote");

    let price = prices::add_user_price(&mut store, &tcr_storage_price("10"), now()).expect("add");
    assert!(price.user);
    assert_eq!(price.unit, "GB-month");
    let after = quotes::quote_scenario(&store, row.id, "light", "en").expect("quote");
    assert_ne!(before.total, after.total);
    let storage = after.months[0]
        .lines
        .iter()
        .find(|l| l.source.as_deref() == Some("user"))
        .expect("a line priced by the user's price");
    assert_eq!(storage.unit_price.as_deref(), Some("10"));
    assert!(storage.source_title.is_some());

    let listed =
        prices::list_prices(&store, "2027-01-01", Some("tcr"), Some("tencent-intl")).expect("list");
    assert!(listed.iter().any(|p| p.id == price.id && p.user));
    assert!(listed
        .iter()
        .all(|p| p.product == Product::Tcr && p.site == Site::TencentIntl));
    // Entered without a start date, it is in force from any date, and says so (no made-up
    // date); every built-in entry has its own.
    assert_eq!(price.effective_from, None);
    assert!(listed.iter().all(|p| p.user || p.effective_from.is_some()));

    let id = price.id.expect("user rows carry their id");
    let dated = UserPriceInput {
        effective_from: Some("2026-12-01".into()),
        ..tcr_storage_price("11")
    };
    let updated = prices::update_user_price(&mut store, id, &dated, now()).expect("update");
    assert_eq!(updated.effective_from.as_deref(), Some("2026-12-01"));
    prices::delete_user_price(&mut store, id).expect("delete");
    let restored = quotes::quote_scenario(&store, row.id, "light", "en").expect("quote");
    assert_eq!(restored.total, before.total);
}

#[test]
fn a_bad_user_price_names_its_fields_and_is_not_saved() {
    let (_dir, mut store) = temp_store();
    let mut input = tcr_storage_price("-1");
    input.currency = "CNY".into();
    let error = prices::add_user_price(&mut store, &input, now()).expect_err("invalid");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    let paths: Vec<String> = error.field_errors().into_iter().map(|f| f.path).collect();
    assert_eq!(paths, ["amount", "currency"]);

    let mut input = tcr_storage_price("1");
    input.item = Some("instance_hourly".into());
    let error = prices::add_user_price(&mut store, &input, now()).expect_err("no edition");
    assert_eq!(error.field.as_deref(), Some("plan"));

    // An item of another product, or none at all: the item's own error, with the items allowed.
    for item in [Some("pro_prepaid"), Some("instance"), None] {
        let mut input = tcr_storage_price("1");
        input.item = item.map(Into::into);
        input.unit = "GB-month".into();
        let error = prices::add_user_price(&mut store, &input, now()).expect_err("no such item");
        let problems = error.field_errors();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "item");
        if item.is_some() {
            assert!(
                problems[0]
                    .message
                    .contains("instance_hourly, instance_monthly, cos_storage, cos_egress"),
                "{problems:?}"
            );
        }
    }

    prices::add_user_price(&mut store, &tcr_storage_price("1"), now()).expect("first");
    let error = prices::add_user_price(&mut store, &tcr_storage_price("2"), now())
        .expect_err("overlapping");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert_eq!(store.list_user_prices().expect("list").len(), 1);
}

#[test]
fn a_saved_quote_keeps_the_prices_it_used() {
    let (_dir, mut store) = temp_store();
    let row = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    prices::add_user_price(&mut store, &tcr_storage_price("10"), now()).expect("add");
    let saved = quotes::save_quote(&mut store, row.id, now()).expect("save");
    let kept = store.get_saved_quote(saved.id).expect("get");
    let entries: serde_json::Value =
        serde_json::from_str(&kept.quote.price_entries).expect("entries are JSON");
    let entries = entries.as_array().expect("an array");
    assert!(entries
        .iter()
        .any(|e| e["source"] == "user" && e["amount"] == "10"));
    assert!(entries.iter().any(|e| e["source"] != "user"));
    let quote: serde_json::Value = serde_json::from_str(&kept.quote.quote).expect("quote JSON");
    let decimal = |text: &str| text.parse::<rust_decimal::Decimal>().expect("a decimal");
    assert_eq!(
        decimal(quote["total"].as_str().expect("total is a string")),
        decimal(&saved.total)
    );
    assert_ne!(Some(saved.total), row.total, "the user's price was used");
}

fn decimal(text: &str) -> rust_decimal::Decimal {
    text.parse().expect("a decimal")
}

#[test]
fn a_saved_quote_opens_with_its_month_totals_and_the_entries_it_used() {
    let (_dir, mut store) = temp_store();
    let row = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    prices::add_user_price(&mut store, &tcr_storage_price("10"), now()).expect("add");
    let view = quotes::quote_scenario(&store, row.id, "light", "en").expect("quote");
    let saved = quotes::save_quote(&mut store, row.id, now()).expect("save");
    assert_eq!(saved.difference.as_deref(), Some("0"));

    let opened = quotes::get_saved_quote(&store, saved.id).expect("open");
    assert_eq!(opened.id, saved.id);
    assert_eq!(opened.scenario_id, row.id);
    assert_eq!(opened.created_at, "2026-11-22T09:00:00Z");
    assert_eq!(
        (opened.currency, opened.complete),
        (Currency::Usd, view.complete)
    );
    assert_eq!(opened.total, view.total);
    let months: Vec<(&str, &str)> = opened
        .months
        .iter()
        .map(|m| (m.month.as_str(), m.total.as_str()))
        .collect();
    let quoted: Vec<(&str, &str)> = view
        .months
        .iter()
        .map(|m| (m.month.as_str(), m.total.as_str()))
        .collect();
    assert_eq!(months, quoted);
    assert_eq!(months[0].0, "2027-01");

    let user = opened
        .entries
        .iter()
        .find(|e| e.source == "user")
        .expect("the user's price is among the entries used");
    assert_eq!(
        (user.product, user.site, user.item),
        (Product::Tcr, Site::TencentIntl, PriceItem::CosStorage)
    );
    assert_eq!(
        (user.amount.as_str(), user.unit.as_str()),
        ("10", "GB-month")
    );
    assert_eq!(user.currency, Some(Currency::Usd));
    assert_eq!(user.regions, ["ap-singapore"]);
    assert_eq!(
        user.id, None,
        "a saved entry does not point at a live price"
    );
    assert!(user.user && user.source_title.is_some());
    // Every line of the quote was priced from one of the entries kept with it.
    for line in view.months.iter().flat_map(|m| &m.lines) {
        if let (Some(source), Some(price)) = (&line.source, &line.unit_price) {
            assert!(
                opened
                    .entries
                    .iter()
                    .any(|e| &e.source == source && decimal(&e.amount) == decimal(price)),
                "no kept entry for {} at {price} from {source}",
                line.item
            );
        }
    }
    assert!(opened
        .entries
        .iter()
        .all(|e| !e.rule.is_empty() && (e.user || e.effective_from.is_some())));
    assert!(opened
        .entries
        .iter()
        .any(|e| e.source != "user" && e.source_title.is_some()));

    let today = opened.today.expect("the scenario can be quoted now");
    assert_eq!(today.total, view.total);
    assert_eq!(opened.difference.as_deref(), Some("0"));
    assert_eq!(opened.today_error, None);
    assert!(!opened.scenario_changed);
}

/// Rule GEN-4: a saved quote records the price-book entries it used, so an old quote is never
/// silently repriced — after a price changes it shows the old figures, and only "today" moves.
#[test]
fn a_saved_quote_is_not_repriced_when_a_price_changes() {
    let (_dir, mut store) = temp_store();
    let row = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    let saved = quotes::save_quote(&mut store, row.id, now()).expect("save");
    let before = quotes::get_saved_quote(&store, saved.id).expect("open");
    assert!(before.entries.iter().all(|e| e.source != "user"));

    prices::add_user_price(&mut store, &tcr_storage_price("10"), now()).expect("add");
    let repriced = quotes::quote_scenario(&store, row.id, "light", "en").expect("quote");
    assert_ne!(
        repriced.total, saved.total,
        "the user's price changes today's quote"
    );

    let after = quotes::get_saved_quote(&store, saved.id).expect("open");
    assert_eq!(after.total, before.total);
    assert_eq!(after.months, before.months);
    assert_eq!(after.entries, before.entries);
    let today = after.today.as_ref().expect("quoted now");
    assert_eq!(today.total, repriced.total);
    let difference = after.difference.as_deref().expect("same currency");
    assert_eq!(
        decimal(difference),
        decimal(&repriced.total) - decimal(&saved.total)
    );
    assert_ne!(decimal(difference), rust_decimal::Decimal::ZERO);
    assert!(!after.scenario_changed, "only a price changed");

    let listed = quotes::list_saved_quotes(&store, row.id).expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].total, saved.total);
    assert_eq!(listed[0].difference.as_deref(), Some(difference));
}

#[test]
fn a_saved_quote_says_when_the_scenario_changed_or_cannot_be_quoted_now() {
    let (_dir, mut store) = temp_store();
    let row = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    let saved = quotes::save_quote(&mut store, row.id, now()).expect("save");

    scenarios::rename_scenario(&mut store, row.id, "Renamed", now()).expect("rename");
    let renamed = quotes::get_saved_quote(&store, saved.id).expect("open");
    assert!(!renamed.scenario_changed, "a new name changes no figure");

    let mut shorter: serde_json::Value = serde_json::from_str(STARTUP).expect("json");
    shorter["months"] = 6.into();
    scenarios::update_scenario(&mut store, row.id, &shorter.to_string(), now()).expect("update");
    let changed = quotes::get_saved_quote(&store, saved.id).expect("open");
    assert!(changed.scenario_changed);
    assert_eq!(changed.months.len(), 12, "the saved months stay");
    assert!(changed.difference.is_some());

    // A stored document that no longer reads (say, from an older format): the saved quote
    // still opens, with no figure for today and the reason instead.
    store
        .update_scenario_document(row.id, r#"{"plancast":1,"months":0}"#, now())
        .expect("raw update");
    let unquotable = quotes::get_saved_quote(&store, saved.id).expect("still opens");
    assert_eq!(unquotable.total, saved.total);
    assert_eq!((unquotable.today, unquotable.difference), (None, None));
    assert!(unquotable.today_error.is_some_and(|e| !e.is_empty()));
    assert!(unquotable.scenario_changed);
    let listed = quotes::list_saved_quotes(&store, row.id).expect("list");
    assert_eq!(listed[0].difference, None);
}

#[test]
fn a_saved_quote_is_deleted_once_and_unknown_ids_are_not_found() {
    let (_dir, mut store) = temp_store();
    let row = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    let doomed = quotes::save_quote(&mut store, row.id, now()).expect("save");
    let kept = quotes::save_quote(&mut store, row.id, now()).expect("save");

    quotes::delete_saved_quote(&mut store, doomed.id).expect("delete");
    let listed = quotes::list_saved_quotes(&store, row.id).expect("list");
    assert_eq!(listed.iter().map(|q| q.id).collect::<Vec<_>>(), [kept.id]);
    let error = quotes::get_saved_quote(&store, doomed.id).expect_err("deleted");
    assert_eq!(error.code, ErrorCode::NotFound);
    let error = quotes::delete_saved_quote(&mut store, doomed.id).expect_err("deleted twice");
    assert_eq!(error.code, ErrorCode::NotFound);
    let error = quotes::get_saved_quote(&store, 4242).expect_err("unknown");
    assert_eq!(error.code, ErrorCode::NotFound);
    let error = quotes::list_saved_quotes(&store, 4242).expect_err("unknown scenario");
    assert_eq!(error.code, ErrorCode::NotFound);
    assert!(quotes::get_saved_quote(&store, kept.id).is_ok());
}

/// Splits CSV text into records of fields, honouring quotes (enough for the reports' output).
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[test]
fn exports_write_only_the_chosen_file() {
    let (dir, mut store) = temp_store();
    let usd = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    let path = dir.path().join("quote.csv");
    exports::export_quote_csv(&store, usd.id, &path, false).expect("export");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(!text.starts_with('\u{feff}'));
    let records = csv_records(&text);
    assert!(records.len() > 12, "a header and lines for 12 months");
    // Sections (lines, budgets, …) are separated by a blank line; each is a rectangular table.
    for section in records.split(|r| r.iter().all(String::is_empty)) {
        let Some(header) = section.first() else {
            continue;
        };
        assert!(
            section.iter().all(|r| r.len() == header.len()),
            "every row of the section headed {header:?} has {} fields",
            header.len()
        );
    }
    assert_eq!(records[0][0], "month");

    exports::export_quote_csv(&store, usd.id, &path, true).expect("export");
    assert!(std::fs::read(&path)
        .expect("read")
        .starts_with(b"\xEF\xBB\xBF"));

    let comparison = dir.path().join("compare.csv");
    exports::export_comparison_csv(&store, usd.id, &comparison).expect("export");
    let chart = dir.path().join("chart.png");
    exports::export_chart(&store, usd.id, &chart, "png", "light", "en").expect("png");
    assert!(std::fs::read(&chart).expect("read").starts_with(b"\x89PNG"));
    let error = exports::export_chart(
        &store,
        usd.id,
        &dir.path().join("c.gif"),
        "gif",
        "light",
        "en",
    )
    .expect_err("bad format");
    assert_eq!(error.field.as_deref(), Some("format"));
    assert!(!dir.path().join("c.gif").exists());
    let error = exports::export_quote_csv(&store, usd.id, Path::new("relative.csv"), true)
        .expect_err("not from a dialog");
    assert_eq!(error.field.as_deref(), Some("path"));
    assert!(!Path::new("relative.csv").exists());

    let scenario_file = dir.path().join("scenario.json");
    scenarios::export_scenario(&store, usd.id, &scenario_file).expect("export");
    let imported = scenarios::import_scenario(&mut store, &scenario_file, now()).expect("import");
    assert_eq!(imported.name, usd.name);
    assert_eq!(imported.total, usd.total);
}

#[test]
fn importing_an_invalid_file_writes_nothing() {
    let (dir, mut store) = temp_store();
    let before = count(&store);
    let path = dir.path().join("bad.json");
    std::fs::write(
        &path,
        r#"{"plancast":1,"name":"x","start":"2027-13","months":500}"#,
    )
    .expect("write");
    let error = scenarios::import_scenario(&mut store, &path, now()).expect_err("invalid");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(error.field_errors().len() >= 2);
    let error =
        scenarios::import_scenario(&mut store, &PathBuf::from("/nonexistent/x.json"), now())
            .expect_err("missing");
    assert_eq!(error.code, ErrorCode::NotFound);
    // A file over the size limit is refused without being read whole (issue #9, part 3).
    let big = dir.path().join("big.json");
    std::fs::write(&big, " ".repeat(pricing::jsonread::MAX_FILE_BYTES + 1)).expect("write");
    let error = scenarios::import_scenario(&mut store, &big, now()).expect_err("too large");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(error.message.contains("1 MiB"), "{}", error.message);
    assert_eq!(count(&store), before);
}

#[test]
fn comparing_scenarios_needs_one_currency_and_two_to_four() {
    let (dir, mut store) = temp_store();
    let usd = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    let cny = scenarios::create_scenario(&mut store, ENTERPRISE, now()).expect("create");
    let error = quotes::compare_scenarios(&store, &[usd.id, cny.id], "light", "en")
        .expect_err("mixed currencies");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert_eq!(error.field.as_deref(), Some("ids"));
    assert!(error.message.contains("USD") && error.message.contains("CNY"));
    let path = dir.path().join("side.csv");
    let error = exports::export_side_by_side_csv(&store, &[usd.id, cny.id], &path)
        .expect_err("mixed currencies");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(!path.exists());

    let error = quotes::compare_scenarios(&store, &[usd.id], "light", "en").expect_err("one");
    assert_eq!(error.field.as_deref(), Some("ids"));

    let copy = scenarios::duplicate_scenario(&mut store, usd.id, now()).expect("copy");
    let comparison =
        quotes::compare_scenarios(&store, &[usd.id, copy.id], "light", "en").expect("compare");
    assert_eq!(comparison.scenarios.len(), 2);
    assert_eq!(comparison.months.len(), 12);
    assert!(comparison
        .months
        .iter()
        .all(|m| m.differences[1].as_deref() == Some("0")));
    assert!(comparison.overlay_svg.is_some());
    exports::export_side_by_side_csv(&store, &[usd.id, copy.id], &path).expect("export");
    assert!(path.exists());
}

#[test]
fn the_scenario_view_has_every_part() {
    let (_dir, mut store) = temp_store();
    let row = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    settings::upsert_actual(&mut store, row.id, "tcr", "2027-01", "100", "USD").expect("actual");
    let view = quotes::quote_scenario(&store, row.id, "light", "en").expect("quote");
    assert_eq!(view.months.len(), 12);
    assert_eq!(view.budgets.len(), 2);
    assert_eq!(view.months[0].budgets.len(), 2);
    assert!(view.tcr.as_ref().is_some_and(|m| m[0].options.len() == 4));
    assert!(view.tcss.is_some());
    assert!(view.image_search.is_some());
    assert!(view.months[0]
        .lines
        .iter()
        .all(|l| !l.calculation.is_empty()));
    assert_eq!(view.actuals.len(), 12 * 3);
    assert_eq!(view.actuals[0].actual.as_deref(), Some("100"));
    assert!(view.chart_svg.is_some());

    let comparison = quotes::compare_alternatives(&store, row.id).expect("compare");
    assert_eq!(comparison.products.len(), 3);

    let saved = quotes::save_quote(&mut store, row.id, now()).expect("save");
    assert_eq!(Some(saved.total.clone()), row.total);
    let listed = quotes::list_saved_quotes(&store, row.id).expect("list");
    assert_eq!(listed, vec![saved]);
}

#[test]
fn settings_drafts_and_actuals_are_checked() {
    let (_dir, mut store) = temp_store();
    settings::set_setting(&mut store, "language", "zh-CN").expect("set");
    settings::set_setting(&mut store, "theme", "dark").expect("set");
    let error = settings::set_setting(&mut store, "theme", "pink").expect_err("bad value");
    assert_eq!(error.field.as_deref(), Some("value"));
    let error = settings::set_setting(&mut store, "colour", "red").expect_err("bad key");
    assert_eq!(error.field.as_deref(), Some("key"));
    let all = settings::get_settings(&store).expect("get");
    assert_eq!(all.get("language").map(String::as_str), Some("zh-CN"));

    settings::put_draft(&mut store, "wizard", "{ half", now()).expect("draft");
    assert_eq!(
        settings::get_draft(&store, "wizard")
            .expect("get")
            .as_deref(),
        Some("{ half")
    );
    settings::delete_draft(&mut store, "wizard").expect("delete");
    assert_eq!(settings::get_draft(&store, "wizard").expect("get"), None);

    let row = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    let error = settings::upsert_actual(&mut store, row.id, "tcr", "2027-13", "1", "USD")
        .expect_err("bad month");
    assert_eq!(error.field.as_deref(), Some("month"));
    let error = settings::upsert_actual(&mut store, 999, "tcr", "2027-01", "1", "USD")
        .expect_err("no scenario");
    assert_eq!(error.code, ErrorCode::NotFound);
    let actual = settings::upsert_actual(&mut store, row.id, "tcss", "2027-02", "12.50", "CNY")
        .expect("actual");
    assert_eq!(
        settings::list_actuals(&store, row.id).expect("list"),
        vec![actual.clone()]
    );
    settings::delete_actual(&mut store, actual.id).expect("delete");

    let rate = prices::upsert_rate(&mut store, "CNY", "USD", "0.14", "2026-11-01").expect("rate");
    assert_eq!(
        prices::list_rates(&store).expect("list"),
        vec![rate.clone()]
    );
    let error = prices::upsert_rate(&mut store, "USD", "USD", "1", "2026-11-01").expect_err("same");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    prices::delete_rate(&mut store, rate.id).expect("delete");
}

#[test]
fn wizard_options_offer_each_product_its_sites_with_their_currencies() {
    let options = prices::wizard_options();
    assert_eq!(options.sites.len(), pricing::Product::ALL.len());
    for (offered, product) in options.sites.iter().zip(pricing::Product::ALL) {
        assert_eq!(offered.product, product);
        let currencies: Vec<_> = offered.sites.iter().map(|s| s.currency).collect();
        assert!(currencies.contains(&pricing::Currency::Usd), "{product:?}");
        assert!(currencies.contains(&pricing::Currency::Cny), "{product:?}");
    }
}

/// The wizard's product steps come from the products' forms, with the price book's choices:
/// TCR's regions and Image Search's packages on each site.
#[test]
fn wizard_forms_offer_the_price_book_s_regions_and_packages() {
    use pricing::form::FormInput;
    let book = pricing::PriceBook::builtin();
    let tcr = pricing::products::form(pricing::Product::Tcr, book);
    let region = tcr
        .fields
        .iter()
        .find(|f| f.key == "region")
        .expect("a region field");
    let FormInput::Choice {
        options, default, ..
    } = &region.input
    else {
        panic!("the region is a choice")
    };
    assert_eq!(options.len(), book.regions().len());
    assert!(options.iter().any(|o| &o.value == default));
    let is = pricing::products::form(pricing::Product::ImageSearch, book);
    let notes = is
        .fields
        .iter()
        .find_map(|f| match &f.input {
            FormInput::Note { by: "site", notes } => Some(notes),
            _ => None,
        })
        .expect("the packages note");
    assert_eq!(notes.len(), 2, "one per Image Search site");
}

#[test]
fn errors_keep_the_wire_shape_the_ui_reads() {
    let simple =
        serde_json::to_value(ApiError::invalid_field("amount", "must be 0 or more")).expect("json");
    assert_eq!(
        simple,
        serde_json::json!({ "code": "invalid_input", "message": "must be 0 or more", "field": "amount" })
    );
    let many = ApiError::invalid_fields(vec![
        pricing::FieldError::new("months", "must be 1–120"),
        pricing::FieldError::new("tcss.cores[3]", "must be ≥ 0"),
    ]);
    assert_eq!(
        serde_json::to_value(many).expect("json"),
        serde_json::json!({
            "code": "invalid_input",
            "message": "months: must be 1–120 (and 1 more problem)",
            "field": "months",
            "fields": [
                { "path": "months", "message": "must be 1–120" },
                { "path": "tcss.cores[3]", "message": "must be ≥ 0" },
            ],
        })
    );
    let database = ApiError::from(store::StoreError::NewerSchema {
        found: 9,
        supported: 1,
    });
    assert_eq!(database.code, ErrorCode::Database);
}

#[test]
fn the_preview_is_fast_enough_for_every_keystroke() {
    let (_dir, store) = temp_store();
    let start = std::time::Instant::now();
    for _ in 0..5 {
        quotes::preview_quote(&store, STARTUP, "light", "en").expect("preview");
    }
    let each = start.elapsed() / 5;
    eprintln!("preview_quote: {each:?} each (debug build)");
    // About 4 ms in a debug build on the 2-core CI machine; a second means something regressed.
    assert!(each < std::time::Duration::from_secs(1), "{each:?}");
}

/// Every `#[tauri::command]` under src-tauri/src/commands/ is in the one command list
/// (commands/list.rs), which names nothing else: the invoke handler, the permissions and the
/// UI's `CommandName` all come from that list, so a command left out of it could not be called.
#[test]
fn every_command_is_in_the_command_list() {
    let mut defined = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src/commands")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable directory") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).expect("readable source");
                let mut lines = source.lines().map(str::trim_start);
                while let Some(line) = lines.next() {
                    if !line.starts_with("#[tauri::command") {
                        continue;
                    }
                    let name = lines
                        .find_map(|l| l.split_once("fn ").map(|(_, rest)| rest))
                        .and_then(|rest| {
                            rest.split(|c: char| c != '_' && !c.is_alphanumeric())
                                .next()
                        })
                        .unwrap_or_else(|| {
                            panic!("no function after a command attribute in {path:?}")
                        });
                    defined.push(name.to_owned());
                }
            }
        }
    }
    assert!(defined.len() > 30, "{defined:?}");
    let listed: BTreeSet<&str> = COMMANDS.iter().copied().collect();
    assert_eq!(listed.len(), COMMANDS.len(), "a command is listed twice");
    let defined: BTreeSet<&str> = defined.iter().map(String::as_str).collect();
    let unlisted: Vec<_> = defined.difference(&listed).collect();
    assert!(
        unlisted.is_empty(),
        "add these commands to src-tauri/src/commands/list.rs: {unlisted:?}"
    );
    let not_commands: Vec<_> = listed.difference(&defined).collect();
    assert!(
        not_commands.is_empty(),
        "src-tauri/src/commands/list.rs lists what is no #[tauri::command]: {not_commands:?}"
    );
}

/// The main window gets the commands through the `commands` permission set that build.rs
/// generates from the list, never one by one, and the generated set is the whole list.
#[test]
fn the_window_is_granted_the_generated_commands_set() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let json = |p: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(root.join(p)).expect("readable"))
            .expect("json")
    };
    let capability = json("src-tauri/capabilities/main-window.json");
    let granted: Vec<&str> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert!(granted.contains(&"commands"), "{granted:?}");
    assert!(
        !granted
            .iter()
            .any(|p| p.starts_with("allow-") || p.starts_with("deny-") || *p == "core:default"),
        "{granted:?}"
    );
    // tauri-build saves the permissions it read (gen/ is written by every build).
    let manifests = json("gen/schemas/acl-manifests.json");
    let set: Vec<&str> = manifests["__app-acl__"]["permission_sets"]["commands"]["permissions"]
        .as_array()
        .expect("the generated `commands` set")
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    let expected: Vec<String> = COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    assert_eq!(set, expected);
}

/// The largest decimal: a user price an older Plancast stored, which made pricing panic and
/// the scenario list fail on every launch (issue #9, "Money panics").
const HUGE: &str = "79228162514264337593543950335";

#[test]
fn a_stored_row_that_cannot_be_priced_is_listed_with_its_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plancast.sqlite3");
    let (startup, enterprise, broken) = {
        let mut store = Store::open(&path).expect("create");
        let startup = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
        let enterprise = scenarios::create_scenario(&mut store, ENTERPRISE, now()).expect("create");
        let broken = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
        prices::add_user_price(&mut store, &tcr_storage_price("1"), now()).expect("add");
        (startup.id, enterprise.id, broken.id)
    };
    // As an older database could hold them, past today's checks: the storage price on the
    // international site, and one scenario's budget.
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute("UPDATE user_prices SET amount = ?1", [HUGE])
            .expect("price");
        let document: String = conn
            .query_row(
                "SELECT document FROM scenarios WHERE id = ?1",
                [broken],
                |r| r.get(0),
            )
            .expect("document");
        let document = document.replace("\"1800", &format!("\"{HUGE}"));
        assert!(document.contains(HUGE));
        conn.execute(
            "UPDATE scenarios SET document = ?1 WHERE id = ?2",
            rusqlite::params![document, broken],
        )
        .expect("document");
    }
    let store = Store::open(&path).expect("reopen");
    let rows = scenarios::list_scenarios(&store).expect("the list is shown");
    assert_eq!(rows.len(), 3);
    let row = |id: i64| rows.iter().find(|r| r.id == id).expect("listed");

    // The scenario the price cannot be applied to: its error names the line and the month.
    let bad = row(startup);
    assert_eq!(bad.total, None);
    assert_eq!(
        bad.error.as_deref(),
        Some("tcr.storage in 2027-01 is too large to compute: check the prices, amounts, rates and quantities it is made of")
    );
    assert_eq!(bad.products.len(), 3);
    // The scenario out of bounds: its field and what is allowed.
    let error = row(broken).error.as_deref().expect("an error");
    assert!(
        error.starts_with("budgets[0].amount: must be an amount from 0 to 1000000000000 (10^12)"),
        "{error}"
    );
    // The other is priced as ever.
    let good = row(enterprise);
    assert_eq!(good.error, None);
    assert!(good.total.is_some());

    // Opening the scenario says the same, as invalid input on the field.
    let error = quotes::quote_scenario(&store, startup, "light", "en").expect_err("too large");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert_eq!(error.field.as_deref(), Some("tcr.storage"));
}

#[test]
fn amounts_and_rates_out_of_bounds_are_not_stored_anew() {
    let (_dir, mut store) = temp_store();
    for amount in [HUGE, "1000000000000.5", "0.00000000001"] {
        let error = prices::add_user_price(&mut store, &tcr_storage_price(amount), now())
            .expect_err("out of bounds");
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert_eq!(error.field.as_deref(), Some("amount"));
        assert_eq!(
            error.message,
            format!("amount: must be an amount from 0 to 1000000000000 (10^12) with at most 10 decimals, got {amount}")
        );
    }
    assert!(store.list_user_prices().expect("list").is_empty());
    prices::add_user_price(&mut store, &tcr_storage_price("1000000000000"), now())
        .expect("the bound itself");
    let error = prices::upsert_rate(&mut store, "USD", "CNY", "1000001", "2027-01-01")
        .expect_err("out of bounds");
    assert_eq!(error.field.as_deref(), Some("rate"));
    assert!(
        error.message.contains("from 0.000001 to 1000000"),
        "{}",
        error.message
    );
    prices::upsert_rate(&mut store, "USD", "CNY", "1000000", "2027-01-01").expect("the bound");
    // The store refuses them itself too (whatever calls it).
    let row = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    let month: pricing::YearMonth = "2027-01".parse().expect("month");
    let error = store
        .upsert_actual(row.id, Product::Tcr, month, decimal(HUGE), Currency::Usd)
        .expect_err("out of bounds");
    assert!(error.to_string().contains("10^12"), "{error}");
}

#[test]
fn a_price_book_update_previews_its_effect_reprices_scenarios_and_keeps_saved_quotes() {
    // Issue section 4, rules GEN-3 and GEN-4.
    let (dir, mut store) = temp_store();
    let row = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    scenarios::create_scenario(&mut store, ENTERPRISE, now()).expect("create");
    let saved = quotes::save_quote(&mut store, row.id, now()).expect("save");
    let before = quotes::quote_scenario(&store, row.id, "light", "en").expect("quote");
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/price-update-tcr-2027.json");

    let preview = prices::preview_price_update(&store, &file, 7).expect("preview");
    assert_eq!(preview.token, 7);
    assert_eq!(preview.entries.len(), 1);
    assert_eq!(
        preview.entries[0].source_title.as_deref(),
        Some("Example: Tencent Cloud international, TCR Billing Overview, version 2027-04-01")
    );
    assert_eq!(
        preview.changed.len(),
        1,
        "only the ap-singapore scenario changes"
    );
    let change = &preview.changed[0];
    assert_eq!(change.id, row.id);
    assert_eq!(change.first_month, "2027-08");
    assert_eq!(change.total_before, before.total);
    assert!(
        change.total_after.parse::<f64>().unwrap() > change.total_before.parse::<f64>().unwrap()
    );
    assert_eq!(preview.unchanged, 1);
    assert_eq!(preview.saved_quotes, 1);
    assert!(
        store.list_price_book_updates().unwrap().is_empty(),
        "a preview stores nothing"
    );

    let loaded = prices::load_price_update(&mut store, &file, now()).expect("load");
    assert_eq!(loaded.name, "price-update-tcr-2027.json");
    assert_eq!(prices::list_price_updates(&store).unwrap().len(), 1);
    let after = quotes::quote_scenario(&store, row.id, "light", "en").expect("quote");
    assert_eq!(after.total, change.total_after);
    let listed =
        prices::list_prices(&store, "2027-04-01", Some("tcr"), Some("tencent-intl")).expect("list");
    assert!(listed
        .iter()
        .any(|p| p.source == "P-TCR-INTL-2027" && p.amount == "0.40"));
    // The saved quote keeps the entries it recorded (rule GEN-4).
    let kept = quotes::get_saved_quote(&store, saved.id).expect("saved quote");
    assert_eq!(kept.total, saved.total);
    assert_eq!(kept.total, before.total);

    // An invalid file: every problem with its path, nothing stored.
    let bad =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/price-update-invalid.json");
    let error = prices::preview_price_update(&store, &bad, 8).expect_err("invalid");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    let paths: Vec<String> = error.fields.unwrap().into_iter().map(|f| f.path).collect();
    assert!(
        paths.contains(&"entries[0].amount".to_string()),
        "{paths:?}"
    );
    assert!(prices::load_price_update(&mut store, &bad, now()).is_err());
    assert_eq!(prices::list_price_updates(&store).unwrap().len(), 1);
    drop(dir);
}

/// A bill error after the preview (the waiting bill is gone) carries its message code, so the
/// Chinese UI says it in Chinese rather than the English `message`.
#[test]
fn a_bill_no_longer_waiting_is_said_in_the_user_s_language() {
    let (_dir, mut store) = temp_store();
    let error = plancast::commands::bills::confirm(&mut store, 987_654).expect_err("no bill waits");
    assert_eq!(error.code, ErrorCode::NotFound);
    let detail = error.detail.as_ref().expect("a coded error");
    assert_eq!(detail.code, "bills.not_waiting");
    let json = serde_json::to_value(&error).expect("json");
    assert_eq!(json["detail"]["code"], "bills.not_waiting");
    for lang in pricing::Lang::ALL {
        for code in ["bills.not_waiting", "bills.choose_columns"] {
            assert!(
                lang.lookup(&format!("messages.{code}")).is_some(),
                "{lang}: no text for {code}"
            );
        }
    }
    assert_eq!(
        error.message,
        "no bill is waiting to be imported: choose the file again"
    );
}

/// Rule GEN-3: a scenario with prices of its own (the enterprise example's negotiated TCR
/// instance) still takes the user's prices from the Prices screen for everything else.
#[test]
fn a_scenario_s_own_prices_and_the_user_s_prices_both_apply() {
    let (_dir, mut store) = temp_store();
    let row = scenarios::create_scenario(&mut store, ENTERPRISE, now()).expect("create");
    let storage = UserPriceInput {
        site: "tencent-cn".into(),
        region: Some("ap-shanghai".into()),
        currency: "CNY".into(),
        ..tcr_storage_price("0.5")
    };
    prices::add_user_price(&mut store, &storage, now()).expect("add");
    let quote = quotes::quote_scenario(&store, row.id, "light", "en").expect("quote");
    let lines = &quote.months[0].lines;
    let item = |item: PriceItem| lines.iter().find(|l| l.item == item).expect("a line");
    assert_eq!(item(PriceItem::Storage).unit_price.as_deref(), Some("0.5"));
    assert_eq!(item(PriceItem::Storage).source.as_deref(), Some("user"));
    let instance = item(PriceItem::Instance);
    assert_eq!(instance.unit_price.as_deref(), Some("2350"));
}

/// A loaded update can be removed: quotes go back to the book without it, saved quotes stay
/// (rule GEN-4). An update loaded later that cites a source only the removed one brought is
/// named, and nothing is removed until it goes first.
#[test]
fn a_loaded_price_book_update_can_be_removed_unless_a_later_one_needs_it() {
    let (dir, mut store) = temp_store();
    let row = scenarios::create_scenario(&mut store, STARTUP, now()).expect("create");
    let before = quotes::quote_scenario(&store, row.id, "light", "en").expect("quote");
    let first =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/price-update-tcr-2027.json");
    let loaded = prices::load_price_update(&mut store, &first, now()).expect("load");
    let saved = quotes::save_quote(&mut store, row.id, now()).expect("save");
    assert_ne!(
        quotes::quote_scenario(&store, row.id, "light", "en")
            .expect("quote")
            .total,
        before.total
    );

    // A second update citing the first one's source.
    let second = dir.path().join("second.json");
    let text = serde_json::json!({
        "format": "plancast-price-book-update", "version": 1, "sources": {},
        "entries": [{
            "product": "tcr", "site": "tencent-intl", "item": "instance_hourly",
            "plan": "premium", "regions": ["ap-singapore"], "unit": "hour", "amount": "0.90",
            "currency": "USD", "effective_from": "2027-04-01", "source": "P-TCR-INTL-2027",
            "rule": "TCR-B-3"
        }]
    });
    std::fs::write(&second, text.to_string()).expect("write");
    let needing = prices::load_price_update(&mut store, &second, now()).expect("load second");

    let refused = prices::remove_price_update(&mut store, loaded.id).expect_err("needed");
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert_eq!(
        refused.detail.as_ref().map(|d| d.code.as_str()),
        Some("price.update_needed_by")
    );
    assert!(
        refused.message.contains("second.json"),
        "{}",
        refused.message
    );
    assert_eq!(prices::list_price_updates(&store).unwrap().len(), 2);

    let left = prices::remove_price_update(&mut store, needing.id).expect("remove second");
    assert_eq!(left.len(), 1);
    assert!(prices::remove_price_update(&mut store, loaded.id)
        .expect("remove first")
        .is_empty());
    let after = quotes::quote_scenario(&store, row.id, "light", "en").expect("quote");
    assert_eq!(after.total, before.total, "the book without the update");
    let kept = quotes::get_saved_quote(&store, saved.id).expect("saved quote");
    assert_eq!(kept.total, saved.total, "a saved quote is never repriced");
    let gone = prices::remove_price_update(&mut store, loaded.id).expect_err("gone");
    assert_eq!(gone.code, ErrorCode::NotFound);
}
