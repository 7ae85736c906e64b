//! Unsafe code lives in one place. The workspace lint denies `unsafe_code` (not `forbid`, so
//! that one function may allow it); this test keeps the exception to that function: the
//! Windows console attachment in src-tauri/src/console.rs. An `unsafe` block, function, impl
//! or extern block anywhere else fails the test, on whatever platform runs it (the lint only
//! sees code compiled for the platform at hand).

use std::path::{Path, PathBuf};

/// The only file that may contain unsafe code, and how many `unsafe` blocks it may hold.
const ALLOWED: (&str, usize) = ("src-tauri/src/console.rs", 1);

#[test]
fn unsafe_code_is_only_in_the_windows_console_attachment() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src-tauri", "tests", "fuzz"] {
        collect_rust_files(&root.join(dir), &mut files);
    }
    assert!(
        files.len() > 50,
        "too few Rust files found: {}",
        files.len()
    );
    let mut offenders = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(root).expect("inside the repository");
        if relative == Path::new(file!()) {
            continue; // this file names the patterns it looks for
        }
        let text = std::fs::read_to_string(file).expect("read a source file");
        let count = unsafe_uses(&text);
        let allowed = if relative == Path::new(ALLOWED.0) {
            ALLOWED.1
        } else {
            0
        };
        if count > allowed {
            offenders.push(format!("{} ({count})", relative.display()));
        }
    }
    assert!(
        offenders.is_empty(),
        "unsafe code outside {}: {offenders:?}",
        ALLOWED.0
    );
    // The allowed file really is the one with it (a rename would otherwise pass silently).
    let allowed = std::fs::read_to_string(root.join(ALLOWED.0)).expect("console.rs");
    assert_eq!(unsafe_uses(&allowed), ALLOWED.1);
}

/// `unsafe` blocks, functions, impls and extern blocks outside line comments.
fn unsafe_uses(text: &str) -> usize {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .map(|code| {
            code.matches("unsafe {").count()
                + code.matches("unsafe fn").count()
                + code.matches("unsafe impl").count()
                + code.matches("unsafe extern").count()
        })
        .sum::<usize>()
}

fn collect_rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if name != "target" && name != "node_modules" {
                collect_rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_scan_sees_unsafe_code_and_not_comments() {
    assert_eq!(unsafe_uses("fn f() { unsafe { g() } }"), 1);
    assert_eq!(
        unsafe_uses("unsafe fn f() {}\nunsafe impl Send for X {}"),
        2
    );
    assert_eq!(unsafe_uses("// unsafe { not code }\nfn f() {}"), 0);
}
