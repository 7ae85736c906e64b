//! Importing a bill into a scenario's actual spend (issue: actual spend from bills;
//! `docs/bills.md`), the same for the command line and the app: read the file the user chose
//! (with the column mapping remembered for its header shape when Plancast does not recognise
//! it), plan what it changes, and store that plan in one transaction when the user confirms.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use bills::plan::{ImportPlan, PlanError};
use bills::{BillError, BillSummary, Mapping, Options};
use chrono::{DateTime, Utc};
use pricing::{Message, Scenario};
use store::{BillFigure, Store, StoreError};

/// A bill read and planned for one scenario: what the preview shows and the import stores.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub scenario_id: i64,
    pub scenario_name: String,
    /// The file name, for people (`bill-2027-03.csv`).
    pub file_name: String,
    pub summary: BillSummary,
    pub plan: ImportPlan,
    /// The mapping the bill was read with, when Plancast did not recognise it.
    pub mapping: Option<Mapping>,
}

/// Why a bill cannot be imported.
#[derive(Debug)]
pub enum ImportError {
    /// The file: unreadable, too large, not CSV, or not recognised (it needs a mapping: the
    /// headers are in the error).
    Bill(BillError),
    /// The scenario has no rate for a currency of the bill, or a total is too large.
    Plan(PlanError),
    /// The scenario's saved file is no longer valid.
    Scenario(String),
    Store(StoreError),
}

impl ImportError {
    /// The error as a message of the catalogue, in the UI's or the terminal's language.
    pub fn message(&self) -> Message {
        match self {
            ImportError::Bill(e) => e.message(),
            ImportError::Plan(e) => e.message(),
            ImportError::Scenario(text) => {
                Message::new("bills.scenario_invalid").text("detail", text)
            }
            ImportError::Store(e) => Message::new("bills.io").text("detail", e.to_string()),
        }
    }

    /// The headers of a bill that needs a column mapping.
    pub fn headers(&self) -> Option<&[String]> {
        match self {
            ImportError::Bill(BillError::NeedsMapping { headers })
            | ImportError::Bill(BillError::MappedColumnMissing { headers, .. }) => Some(headers),
            _ => None,
        }
    }
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        ImportError::Store(e)
    }
}

/// Opens a bill, refusing one larger than `bills::MAX_BYTES` before reading it.
fn open(path: &Path) -> Result<impl Read, BillError> {
    let file = File::open(path)?;
    if file.metadata()?.len() > bills::MAX_BYTES {
        return Err(BillError::TooLarge);
    }
    Ok(file)
}

/// Reads the bill at `path`: with `mapping` when given; otherwise as a layout Plancast knows,
/// or with the mapping remembered for its header shape.
pub fn read(
    store: &Store,
    path: &Path,
    mapping: Option<Mapping>,
    progress: &mut dyn FnMut(u64),
) -> Result<(BillSummary, Option<Mapping>), ImportError> {
    let given = Options {
        mapping: mapping.clone(),
    };
    match bills::read_bill(open(path).map_err(ImportError::Bill)?, &given, progress) {
        Ok(summary) => Ok((summary, mapping)),
        Err(BillError::NeedsMapping { headers }) if mapping.is_none() => {
            let remembered = store
                .bill_mapping(&bills::header_shape(&headers))?
                .and_then(|text| serde_json::from_str::<Mapping>(&text).ok());
            let Some(remembered) = remembered else {
                return Err(ImportError::Bill(BillError::NeedsMapping { headers }));
            };
            let options = Options {
                mapping: Some(remembered.clone()),
            };
            let file = open(path).map_err(ImportError::Bill)?;
            let summary = bills::read_bill(file, &options, progress).map_err(ImportError::Bill)?;
            Ok((summary, Some(remembered)))
        }
        Err(e) => Err(ImportError::Bill(e)),
    }
}

/// Reads the bill at `path` and plans importing it into scenario `scenario_id`. Nothing is
/// written.
pub fn prepare(
    store: &Store,
    scenario_id: i64,
    path: &Path,
    mapping: Option<Mapping>,
    progress: &mut dyn FnMut(u64),
) -> Result<Prepared, ImportError> {
    let row = store.get_scenario(scenario_id)?;
    let scenario: Scenario = pricing::parse_scenario(&row.document).map_err(|errors| {
        ImportError::Scenario(
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    let stored: Vec<pricing::budget::Actual> = store
        .list_actuals(scenario_id)?
        .iter()
        .map(pricing::budget::Actual::from)
        .collect();
    let (summary, mapping) = read(store, path, mapping, progress)?;
    let plan = bills::plan::plan(&summary, &scenario, &stored).map_err(ImportError::Plan)?;
    Ok(Prepared {
        scenario_id,
        scenario_name: row.name,
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        summary,
        plan,
        mapping,
    })
}

/// Stores what `prepared` plans, in one transaction, and remembers its column mapping for
/// the bill's header shape. Returns the months and products written.
pub fn commit(
    store: &mut Store,
    prepared: &Prepared,
    now: DateTime<Utc>,
) -> Result<usize, ImportError> {
    let figures: Vec<BillFigure> = prepared
        .plan
        .writes()
        .map(|c| BillFigure {
            product: c.product,
            month: c.month,
            amount: c.after,
            currency: prepared.plan.currency,
        })
        .collect();
    let written = store.import_actuals(prepared.scenario_id, &figures, &prepared.file_name, now)?;
    if let Some(m) = &prepared.mapping {
        let text = serde_json::to_string(m).unwrap_or_default();
        store.save_bill_mapping(&prepared.summary.header_shape, &text, now)?;
    }
    Ok(written)
}
