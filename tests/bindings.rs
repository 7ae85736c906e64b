//! Checks that `ui/src/bindings.ts` is what the Rust command types generate, and
//! `ui/src/forms.ts` what the products' wizard forms do.
//!
//! Fails when the file is stale (a command type changed and the file was not regenerated).
//! `UPDATE_BINDINGS=1 cargo test -p plancast --test bindings` rewrites it instead; commit the
//! result with the Rust change.

const UPDATE: &str = "UPDATE_BINDINGS";

#[test]
fn typescript_bindings_are_up_to_date() {
    up_to_date(
        "ui/src/bindings.ts",
        &plancast::commands::typescript_bindings(),
    );
}

/// The wizard's product forms, generated from the products' folders.
#[test]
fn product_forms_are_up_to_date() {
    up_to_date("ui/src/forms.ts", &plancast::commands::typescript_forms());
}

fn up_to_date(file: &str, bindings: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current == bindings {
        return;
    }
    if std::env::var_os(UPDATE).is_some_and(|v| v == "1") {
        std::fs::write(&path, bindings).expect("write the generated file");
        return;
    }
    let first_difference = current
        .lines()
        .zip(bindings.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| current.lines().count().min(bindings.lines().count()));
    panic!(
        "{file} is stale: it differs from what the Rust types generate from line {}.\n\
         Regenerate it with `{UPDATE}=1 cargo test -p plancast --test bindings` and commit it.",
        first_difference + 1
    );
}
