//! The scenario file's limits through `parse_scenario` (docs/scenario-format.md, "Limits"):
//! each is one error with the field path of the value that passes it, what is allowed and
//! where, and the first limit passed stops the reading.

use pricing::jsonread::{MAX_DEPTH, MAX_FILE_BYTES, MAX_LIST_ITEMS, MAX_STRING_CHARS};
use pricing::{parse_scenario, FieldError};

const EXAMPLE: &str = include_str!("../../../../examples/startup-intl.json");

fn only_error(text: &str) -> FieldError {
    let mut errors = parse_scenario(text).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.remove(0)
}

/// The example with `"budgets": [` replaced by `"budgets": VALUE, "x": [`: VALUE at `budgets`.
fn with_budgets(value: &str) -> String {
    let text = EXAMPLE.replacen(
        "\"budgets\": [",
        &format!("\"budgets\": {value}, \"x\": ["),
        1,
    );
    assert_ne!(text, EXAMPLE);
    text
}

#[test]
fn the_examples_are_far_inside_the_limits() {
    assert!(parse_scenario(EXAMPLE).is_ok());
    assert!(EXAMPLE.len() < MAX_FILE_BYTES / 100);
}

#[test]
fn a_file_over_the_size_limit_is_one_error_for_the_whole_file() {
    let text = format!("{EXAMPLE}{}", " ".repeat(MAX_FILE_BYTES));
    let err = only_error(&text);
    assert_eq!(err, pricing::scenario::file_too_large());
    assert_eq!(err.path, "");
    assert_eq!(
        err.to_string(),
        "the file is larger than 1,048,576 bytes (1 MiB), the most a scenario file may have"
    );
    // At the limit, the size is no objection.
    let padded = format!("{EXAMPLE}{}", " ".repeat(MAX_FILE_BYTES - EXAMPLE.len()));
    assert!(parse_scenario(&padded).is_ok());
}

#[test]
fn nesting_too_deep_names_the_field() {
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    let err = only_error(&with_budgets(&deep));
    assert_eq!(err.path, format!("budgets{}", "[0]".repeat(MAX_DEPTH - 1)));
    assert!(
        err.message
            .starts_with("lists and objects are nested more than 32 deep (line 8, column "),
        "{err}"
    );
}

#[test]
fn a_long_string_names_the_field() {
    let long = "名".repeat(MAX_STRING_CHARS + 1);
    let text = EXAMPLE.replacen("\"name\": \"", &format!("\"name\": \"{long}"), 1);
    let err = only_error(&text);
    assert_eq!(err.path, "name");
    assert_eq!(
        err.message,
        "too long: a string may have at most 10,000 characters (line 3, column 11)"
    );
}

#[test]
fn a_long_list_names_the_field() {
    let list = format!("[{}]", vec!["{}"; MAX_LIST_ITEMS + 1].join(","));
    let err = only_error(&with_budgets(&list));
    assert_eq!(err.path, "budgets");
    assert!(
        err.message
            .starts_with("too many items: a list may have at most 1,000 (line 8, column "),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        format!("budgets: {}", err.message),
        "shown with its path"
    );
}

#[test]
fn an_object_with_too_many_keys_names_the_field() {
    let keys: Vec<String> = (0..1_001).map(|i| format!("\"k{i}\": 0")).collect();
    let err = only_error(&with_budgets(&format!("[{{}}, {{{}}}]", keys.join(", "))));
    assert_eq!(err.path, "budgets[1]");
    assert!(
        err.message
            .starts_with("too many keys: an object may have at most 1,000 (line 8, column "),
        "{err}"
    );
}

#[test]
fn too_many_values_in_all_is_one_error_for_the_whole_file() {
    let list = format!("[{}]", vec!["0"; MAX_LIST_ITEMS].join(","));
    let lists = [list.as_str(); 100].join(",");
    let err = only_error(&with_budgets(&format!("[{lists}]")));
    assert_eq!(err.path, "");
    assert!(
        err.message.starts_with(
            "too many values: a scenario file may hold at most 100,000 numbers, strings, lists and objects in all (line 8, column "
        ),
        "{err}"
    );
}
