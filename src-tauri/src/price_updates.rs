//! Price-book updates a user loads, from the Price book screen or `plancast prices import`:
//! checked like the built-in book, previewed against the saved scenarios, then stored in the
//! database and used for every quote from then on (rule GEN-3). Saved quotes keep the entries
//! they recorded (rule GEN-4): an update never reprices them.
//!
//! The window and the command line share these functions, so both check, preview and store an
//! update the same way.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use pricing::update::{apply_update, quote_change, BookUpdate, QuoteChange};
use pricing::{Currency, FieldError, PriceBook, PriceEntry};
use store::Store;

/// A failure that is not a problem of the update file: the database, or a stored update that
/// no longer applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateError(pub String);

impl std::fmt::Display for UpdateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<store::StoreError> for UpdateError {
    fn from(e: store::StoreError) -> Self {
        UpdateError(e.to_string())
    }
}

/// The built-in book with the stored updates applied, in the order they were loaded. Each
/// stored update is checked again against the book so far: one that no longer fits this
/// version's book (a source the book now defines otherwise) is an error naming it, never
/// skipped in silence.
pub fn updated_book(store: &Store) -> Result<Cow<'static, PriceBook>, UpdateError> {
    let stored = store.list_price_book_updates()?;
    if stored.is_empty() {
        return Ok(Cow::Borrowed(PriceBook::builtin()));
    }
    let mut book = PriceBook::builtin().clone();
    for u in stored {
        let (_, applied) = apply_update(&u.document, &book).map_err(|errors| {
            UpdateError(format!(
                "the price-book update {} loaded {} no longer fits this version's book: {}",
                u.name,
                u.imported_at.format("%Y-%m-%d"),
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ))
        })?;
        book = applied;
    }
    Ok(Cow::Owned(book))
}

/// A checked update with the books before and after it (the stored updates applied in both).
#[derive(Debug, Clone)]
pub struct Checked {
    pub update: BookUpdate,
    pub before: PriceBook,
    pub after: PriceBook,
}

/// Why an update cannot be loaded.
#[derive(Debug, Clone)]
pub enum Refusal {
    /// Problems of the file, each with its path; nothing is stored.
    Invalid(Vec<FieldError>),
    Failed(UpdateError),
}

/// Checks update text against the book in use (`store`'s updates applied, when there is a
/// database).
pub fn check(store: Option<&Store>, text: &str) -> Result<Checked, Refusal> {
    let before = match store {
        Some(s) => updated_book(s).map_err(Refusal::Failed)?.into_owned(),
        None => PriceBook::builtin().clone(),
    };
    let (update, after) = apply_update(text, &before).map_err(Refusal::Invalid)?;
    Ok(Checked {
        update,
        before,
        after,
    })
}

/// What an update changes for one saved scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioEffect {
    pub id: i64,
    pub name: String,
    pub currency: Currency,
    pub change: QuoteChange,
}

/// What an update changes: the saved scenarios whose quote changes, how many do not, and the
/// saved quotes, which stay as they were (rule GEN-4).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Effect {
    pub changed: Vec<ScenarioEffect>,
    pub unchanged: usize,
    /// Scenarios that cannot be quoted on either book (invalid documents), left out.
    pub not_quoted: usize,
    pub saved_quotes: usize,
}

/// Quotes every saved scenario on the book before and after, with `user` (the user's own
/// prices, as the app's quotes have them) on top of both.
pub fn effect(
    store: &Store,
    checked: &Checked,
    user: &[PriceEntry],
) -> Result<Effect, UpdateError> {
    let with_user = |book: &PriceBook| {
        book.with_user_entries(user.to_vec())
            .map_err(|e| UpdateError(e.to_string()))
    };
    let before = with_user(&checked.before)?;
    let after = with_user(&checked.after)?;
    let mut effect = Effect::default();
    for summary in store.list_scenarios()? {
        effect.saved_quotes += store.list_saved_quotes(summary.id)?.len();
        let stored = store.get_scenario(summary.id)?;
        let Ok(scenario) = pricing::parse_scenario(&stored.document) else {
            effect.not_quoted += 1;
            continue;
        };
        let (Ok(old), Ok(new)) = (
            pricing::quote(&scenario, &before),
            pricing::quote(&scenario, &after),
        ) else {
            effect.not_quoted += 1;
            continue;
        };
        match quote_change(&old, &new) {
            Some(change) => effect.changed.push(ScenarioEffect {
                id: summary.id,
                name: stored.name,
                currency: old.currency,
                change,
            }),
            None => effect.unchanged += 1,
        }
    }
    Ok(effect)
}

/// Stores a checked update's text (the file as read) under `name`.
pub fn store_update(
    store: &mut Store,
    name: &str,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), UpdateError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    store.add_price_book_update(name, text, now)?;
    Ok(())
}

/// Why a stored update cannot be removed.
#[derive(Debug)]
pub enum RemoveRefusal {
    /// The database, or no stored update with that id.
    Store(store::StoreError),
    /// An update loaded after it was checked with it in the book and does not apply without
    /// it (it changes an entry the removed one added, say): remove that one first.
    NeededBy { name: String },
}

impl From<store::StoreError> for RemoveRefusal {
    fn from(e: store::StoreError) -> Self {
        RemoveRefusal::Store(e)
    }
}

/// Removes the stored update `id`; quotes then use the book without it (saved quotes keep
/// their entries, rule GEN-4). The updates loaded after it must still apply in order; an update
/// that no longer fits this version's book is removed like any other.
pub fn remove_update(store: &mut Store, id: i64) -> Result<(), RemoveRefusal> {
    let stored = store.list_price_book_updates()?;
    let Some(at) = stored.iter().position(|u| u.id == id) else {
        return Err(store::StoreError::NotFound {
            what: "price-book update",
            id,
        }
        .into());
    };
    // The updates before it applied as they do now; check those after it on that book.
    let mut book = PriceBook::builtin().clone();
    for (i, u) in stored.iter().enumerate() {
        if i == at {
            continue;
        }
        match apply_update(&u.document, &book) {
            Ok((_, applied)) => book = applied,
            // Before the removed one: it fails today too, and is not this removal's doing.
            Err(_) if i < at => {}
            Err(_) => {
                return Err(RemoveRefusal::NeededBy {
                    name: u.name.clone(),
                })
            }
        }
    }
    store.delete_price_book_update(id)?;
    Ok(())
}
