// Generated from the Rust command types by `cargo test --test bindings`. Do not edit.

export type ErrorCode = "invalid_input" | "not_found" | "database" | "io" | "internal";

export type ApiError = { code: ErrorCode, message: string, 
/**
 * The request field this error is about, as named in the request type.
 */
field: string | null, };

export type AppInfo = { 
/**
 * The app's version (from Cargo.toml).
 */
version: string, 
/**
 * The directory holding this user's database, as a displayable path.
 */
data_dir: string, };
