//! Writes `ui/src/bindings.ts` from the Rust command types.
//!
//! `scripts/test` runs this and then `git diff --exit-code ui/src/bindings.ts`, so a change to
//! a command type without the regenerated file fails CI.

#[test]
fn write_typescript_bindings() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts");
    let bindings = plancast::commands::typescript_bindings();
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != bindings {
        std::fs::write(&path, bindings).expect("write ui/src/bindings.ts");
    }
}
