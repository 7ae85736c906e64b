//! Preferences, wizard drafts and recorded actual spend.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use store::Store;

use super::dto::ActualView;
use super::error::ApiError;

/// The settings the UI may change, each with its allowed values.
pub const SETTINGS: [(&str, &[&str]); 3] = [
    ("language", &["en", "zh-CN"]),
    ("theme", &["light", "dark", "system"]),
    ("currency", &["USD", "CNY"]),
];

pub fn get_settings(store: &Store) -> Result<BTreeMap<String, String>, ApiError> {
    Ok(store.all_settings()?)
}

/// Sets one preference; unknown keys and values are `invalid_input` on `key` or `value`.
pub fn set_setting(store: &mut Store, key: &str, value: &str) -> Result<(), ApiError> {
    let Some((_, allowed)) = SETTINGS.iter().find(|(k, _)| *k == key) else {
        let keys: Vec<&str> = SETTINGS.iter().map(|(k, _)| *k).collect();
        return Err(ApiError::invalid_field(
            "key",
            format!("must be one of {}, got {key:?}", keys.join(", ")),
        ));
    };
    if !allowed.contains(&value) {
        return Err(ApiError::invalid_field(
            "value",
            format!("{key} must be one of {}, got {value:?}", allowed.join(", ")),
        ));
    }
    Ok(store.set_setting(key, value)?)
}

pub fn get_draft(store: &Store, key: &str) -> Result<Option<String>, ApiError> {
    Ok(store.get_draft(key)?.map(|d| d.document))
}

/// Keeps the wizard's work in progress. A draft may be half-written, so it is not checked.
pub fn put_draft(
    store: &mut Store,
    key: &str,
    document: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    store.put_draft(key, document, now)?;
    Ok(())
}

pub fn delete_draft(store: &mut Store, key: &str) -> Result<(), ApiError> {
    store.delete_draft(key)?;
    Ok(())
}

pub fn list_actuals(store: &Store, scenario_id: i64) -> Result<Vec<ActualView>, ApiError> {
    Ok(store
        .list_actuals(scenario_id)?
        .into_iter()
        .map(ActualView::from)
        .collect())
}

/// Records (or replaces) the actual spend of one product in one month.
pub fn upsert_actual(
    store: &mut Store,
    scenario_id: i64,
    product: &str,
    month: &str,
    amount: &str,
    currency: &str,
) -> Result<ActualView, ApiError> {
    let product = store::parse_product(product.trim())?;
    let month = store::parse_month(month.trim())?;
    let amount = store::parse_decimal("amount", amount.trim())?;
    let currency = store::parse_currency(currency.trim())?;
    Ok(store
        .upsert_actual(scenario_id, product, month, amount, currency)?
        .into())
}

pub fn delete_actual(store: &mut Store, id: i64) -> Result<(), ApiError> {
    Ok(store.delete_actual(id)?)
}
