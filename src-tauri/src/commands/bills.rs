//! Bill import in the app (docs/bills.md): the bill the user picks in the open dialog is read
//! for a scenario and previewed; nothing is stored until `confirm` (the page names the bill
//! by its preview's token, never by a path).

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::Utc;
use pricing::Message;
use store::Store;

use super::dto::{BillMappingInput, BillOpened, BillPreview, MessageView};
use super::{ApiError, ErrorCode};
use crate::bill_import::{self, Prepared};

/// The bill the user chose, waiting to be mapped, confirmed or cancelled.
struct Pending {
    token: u64,
    path: PathBuf,
    scenario_id: i64,
    prepared: Option<Prepared>,
}

/// Bills waiting, newest last; a few at most (a bill chosen again replaces nothing: each has
/// its own token).
static PENDING: Mutex<Vec<Pending>> = Mutex::new(Vec::new());
const MOST_PENDING: usize = 4;
static NEXT_TOKEN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads the bill at `path` for scenario `scenario_id` (with `mapping` when given), keeps it
/// waiting under a new token and says what it holds.
pub fn open(
    store: &Store,
    scenario_id: i64,
    path: PathBuf,
    mapping: Option<BillMappingInput>,
    progress: &mut dyn FnMut(u64),
) -> Result<BillOpened, ApiError> {
    super::exports::check_chosen_path(&path)?;
    let token = NEXT_TOKEN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mapping = mapping.map(|m| bills::Mapping {
        month: m.month,
        product: m.product,
        amount: m.amount,
        currency_column: m.currency_column.filter(|c| !c.is_empty()),
        currency: m.currency,
    });
    let result = bill_import::prepare(store, scenario_id, &path, mapping, progress);
    let mut opened = BillOpened {
        token,
        file_name: file_name(&path),
        preview: None,
        headers: None,
        error: None,
    };
    let prepared = match result {
        Ok(p) => {
            opened.preview = Some(BillPreview::of(&p));
            Some(p)
        }
        Err(bill_import::ImportError::Store(e)) => return Err(e.into()),
        Err(e) => {
            opened.headers = e.headers().map(<[String]>::to_vec);
            opened.error = Some(MessageView::from(&e.message()));
            None
        }
    };
    if let Ok(mut pending) = PENDING.lock() {
        if pending.len() >= MOST_PENDING {
            pending.remove(0);
        }
        pending.push(Pending {
            token,
            path,
            scenario_id,
            prepared,
        });
    }
    Ok(opened)
}

fn not_waiting() -> ApiError {
    ApiError::coded(ErrorCode::NotFound, &Message::new("bills.not_waiting"))
}

/// The path and scenario of the waiting bill `token`, to read it again with a mapping.
pub fn waiting(token: u64) -> Result<(PathBuf, i64), ApiError> {
    let pending = PENDING.lock().map_err(|_| not_waiting())?;
    match pending.iter().find(|p| p.token == token) {
        Some(p) => Ok((p.path.clone(), p.scenario_id)),
        None => Err(not_waiting()),
    }
}

/// Reads the waiting bill `token` again with the columns the user chose. The bill then waits
/// under the new token only: the old one, whose preview the new one replaces, is forgotten
/// (when the new reading fails, the old one still waits).
pub fn remap(
    store: &Store,
    token: u64,
    mapping: BillMappingInput,
    progress: &mut dyn FnMut(u64),
) -> Result<BillOpened, ApiError> {
    let (path, scenario_id) = waiting(token)?;
    let opened = open(store, scenario_id, path, Some(mapping), progress)?;
    cancel(token);
    Ok(opened)
}

/// Stores what the waiting bill `token` previewed, in one transaction; the months and
/// products written.
pub fn confirm(store: &mut Store, token: u64) -> Result<u64, ApiError> {
    let pending = {
        let mut guard = PENDING.lock().map_err(|_| not_waiting())?;
        match guard.iter().position(|p| p.token == token) {
            Some(i) => guard.remove(i),
            None => return Err(not_waiting()),
        }
    };
    let Some(prepared) = pending.prepared else {
        return Err(ApiError::coded(
            ErrorCode::InvalidInput,
            &Message::new("bills.choose_columns"),
        ));
    };
    let written = bill_import::commit(store, &prepared, Utc::now()).map_err(|e| match e {
        bill_import::ImportError::Store(e) => ApiError::from(e),
        other => ApiError::coded(ErrorCode::InvalidInput, &other.message()),
    })?;
    Ok(written as u64)
}

/// Forgets the waiting bill `token` (nothing was stored).
pub fn cancel(token: u64) {
    if let Ok(mut guard) = PENDING.lock() {
        guard.retain(|p| p.token != token);
    }
}
