//! The scenario list and a saved scenario's document.

use pricing::{Currency, Product};
use serde::Serialize;
use ts_rs::TS;

use super::stamp;

/// A row of the scenario list. `start`, `months` and `currency` are absent, and `error` says
/// why, when the stored document no longer reads (for example after a format change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScenarioRow {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub start: Option<String>,
    pub months: Option<u32>,
    pub currency: Option<Currency>,
    /// `tcr`, `tcss`, `image_search`, in that order.
    pub products: Vec<Product>,
    /// The quoted total in `currency`; absent when the scenario cannot be quoted.
    pub total: Option<String>,
    /// False when any line has no price (rule GEN-5) or the scenario cannot be quoted.
    pub complete: bool,
    pub updated_at: String,
    pub error: Option<String>,
    /// One of the examples loaded on first launch, unchanged since.
    pub example: bool,
}

/// A saved scenario with its document (pretty JSON, format version 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScenarioDoc {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub document: String,
    pub created_at: String,
    pub updated_at: String,
}

impl From<store::Scenario> for ScenarioDoc {
    fn from(s: store::Scenario) -> Self {
        let store::Scenario {
            id,
            name,
            document,
            created_at,
            updated_at,
        } = s;
        Self {
            id,
            name,
            document,
            created_at: stamp(created_at),
            updated_at: stamp(updated_at),
        }
    }
}
