//! Fixtures shared by the integration tests.
#![allow(dead_code)] // each test binary uses a different subset

use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use pricing::{Currency, PriceItem, Product, Site};
use rust_decimal_macros::dec;
use store::UserPriceFields;

/// A fixed instant with sub-second precision, to prove timestamps round-trip exactly.
pub fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, hour, 4, 5)
        .single()
        .expect("valid fixture time")
        + chrono::Duration::nanoseconds(123_456_789)
}

pub const DOC: &str =
    r#"{"format":1,"name":"Registry for team A","products":{"tcr":{"edition":"standard"}}}"#;

pub fn tcr_price() -> UserPriceFields {
    UserPriceFields {
        product: Product::Tcr,
        site: Site::TencentCn,
        item: PriceItem::InstanceHourly,
        plan: Some("standard".to_owned()),
        region: Some("ap-guangzhou".to_owned()),
        unit: "instance-day".to_owned(),
        amount: dec!(6.40),
        currency: Currency::Cny,
        effective_from: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
        effective_to: None,
        note: Some("from the console, Jan 2026".to_owned()),
    }
}

/// The exact bytes of a file, to prove a refused database was not touched.
pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

/// Sidecar files SQLite would create if it had opened the database for writing.
pub fn sidecars(path: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            PathBuf::from(p)
        })
        .filter(|p| p.exists())
        .collect()
}

/// Files in `dir` whose name starts with `prefix`.
pub fn files_starting_with(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    found.sort();
    found
}
