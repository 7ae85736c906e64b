//! Build script of the app package. The package directory is the repository root, so
//! tauri-build reads `tauri.conf.json` from there; capabilities live under `src-tauri/`
//! next to the Rust code that they grant access to.

fn main() {
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/*.json");
    if let Err(error) = tauri_build::try_build(attributes) {
        // A build script reports failures by panicking; say what went wrong first.
        panic!("tauri-build failed: {error:#}");
    }
}
