//! The price book as the Prices screen shows it, the user's own prices, exchange rates and the
//! sites the wizard offers.

use chrono::{DateTime, NaiveDate, Utc};
use pricing::book::USER_SOURCE;
use pricing::products::image_search::packages::Package;
use pricing::{Currency, Edition, FieldError, PriceBook, PriceItem, Product, Site};
use rust_decimal::Decimal;
use store::Store;

use super::dto::{
    PriceRow, PriceUpdatePreview, PriceUpdateRow, ProductSites, RateRow, ScenarioChangeRow,
    SiteOption, UpdateSourceRow, UserPriceInput, WizardOptions,
};
use super::error::ApiError;
use super::quotes::{price_book, user_entries, user_price_entry};

fn parse_date(field: &str, text: &str) -> Result<NaiveDate, FieldError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        FieldError::new(
            field,
            format!("must be a date like 2027-01-31, got {text:?}"),
        )
    })
}

/// `tcr, tcss, image_search`: the keys a field takes, for its error message.
fn one_of<const N: usize>(keys: [&str; N]) -> String {
    keys.join(", ")
}

fn parse_product(text: &str) -> Result<Product, ApiError> {
    Product::from_key(text).ok_or_else(|| {
        ApiError::invalid_field(
            "product",
            format!(
                "must be one of {}, got {text:?}",
                one_of(Product::ALL.map(Product::key))
            ),
        )
    })
}

fn parse_site(text: &str) -> Result<Site, ApiError> {
    Site::from_key(text).ok_or_else(|| {
        ApiError::invalid_field(
            "site",
            format!(
                "must be one of {}, got {text:?}",
                one_of(Site::ALL.map(Site::key))
            ),
        )
    })
}

/// The price-book entries in force on `date`, built-in and the user's, optionally for one
/// product and site. User rows carry their id so the screen can edit them.
pub fn list_prices(
    store: &Store,
    date: &str,
    product: Option<&str>,
    site: Option<&str>,
) -> Result<Vec<PriceRow>, ApiError> {
    let date = parse_date("date", date).map_err(|e| ApiError::invalid_field(e.path, e.message))?;
    let product = product
        .filter(|p| !p.is_empty())
        .map(parse_product)
        .transpose()?;
    let site = site.filter(|s| !s.is_empty()).map(parse_site).transpose()?;
    let book = price_book(store)?;
    let users = user_entries(store)?;
    let sources = book.sources();
    Ok(book
        .in_force(date, product, site)
        .into_iter()
        .map(|entry| {
            let id = (entry.source == USER_SOURCE)
                .then(|| users.iter().find(|(_, e)| e == entry).map(|(id, _)| *id))
                .flatten();
            PriceRow::new(entry, id, sources)
        })
        .collect())
}

/// Checks a user price and turns it into the store's fields; every problem is reported, each
/// on its request field.
pub fn check_user_price(input: &UserPriceInput) -> Result<store::UserPriceFields, ApiError> {
    let book = PriceBook::builtin();
    let mut errors = Vec::new();
    let product = Product::from_key(input.product.trim());
    if product.is_none() {
        errors.push(FieldError::new(
            "product",
            format!(
                "must be one of {}, got {:?}",
                one_of(Product::ALL.map(Product::key)),
                input.product
            ),
        ));
    }
    let site = Site::from_key(input.site.trim());
    match (product, site) {
        (_, None) => errors.push(FieldError::new(
            "site",
            format!("is not a known site: {:?}", input.site),
        )),
        (Some(p), Some(s)) if !p.sites().contains(&s) => errors.push(FieldError::new(
            "site",
            format!("{} is not sold on {s}", p.title()),
        )),
        _ => {}
    }
    let item = match input.item.as_deref().map(str::trim) {
        None | Some("") => {
            errors.push(FieldError::new("item", "must not be empty"));
            None
        }
        Some(text) => {
            // The items a user price may set for the product (rule GEN-3).
            let allowed: Vec<PriceItem> = PriceItem::USER
                .into_iter()
                .filter(|i| product.is_none_or(|p| i.product() == p))
                .collect();
            let found = PriceItem::from_key(text).filter(|i| allowed.contains(i));
            if found.is_none() {
                let keys: Vec<&str> = allowed.iter().map(|i| i.key()).collect();
                errors.push(FieldError::new(
                    "item",
                    format!("must be one of {}, got {text:?}", keys.join(", ")),
                ));
            }
            found
        }
    };
    let plan = input
        .plan
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    match item {
        Some(PriceItem::InstanceHourly | PriceItem::InstanceMonthly) => match plan {
            Some(p) if Edition::from_key(p).is_some() => {}
            Some(p) => errors.push(FieldError::new(
                "plan",
                format!("must be an edition (personal, basic, standard, premium), got {p:?}"),
            )),
            None => errors.push(FieldError::new(
                "plan",
                "an instance price needs its edition",
            )),
        },
        Some(PriceItem::Package) => match plan {
            Some(p) if Package::parse(p).is_some() => {}
            Some(p) => errors.push(FieldError::new(
                "plan",
                format!("must be a package written CAPACITY/QPS such as 5000000/10, got {p:?}"),
            )),
            None => errors.push(FieldError::new("plan", "a package price needs its package")),
        },
        Some(item) => {
            if let Some(p) = plan {
                errors.push(FieldError::new(
                    "plan",
                    format!("{item} has no edition or package, got {p:?}"),
                ));
            }
        }
        None => {}
    }
    let region = input
        .region
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    if let (Some(Product::Tcr), Some(r)) = (product, region) {
        if book.region(r).is_none() {
            errors.push(FieldError::new(
                "region",
                format!("is not a TCR region: {r:?}"),
            ));
        }
    }
    let mut unit = input.unit.trim().to_owned();
    if unit.is_empty() {
        // The item's own unit, so the form can leave it out.
        unit = item
            .and_then(PriceItem::unit)
            .unwrap_or_default()
            .to_owned();
        if unit.is_empty() {
            errors.push(FieldError::new("unit", "must not be empty"));
        }
    }
    let amount = match store::parse_decimal("amount", input.amount.trim()) {
        Ok(a) if a < Decimal::ZERO => {
            errors.push(FieldError::new(
                "amount",
                format!("must be 0 or more, got {a}"),
            ));
            None
        }
        // The bounds of a price in a scenario file (docs/scenario-format.md, "Bounds").
        Ok(a) if !pricing::read::bounds::amount_ok(a) => {
            errors.push(FieldError::new(
                "amount",
                format!("must be {}, got {a}", pricing::read::bounds::AMOUNT_TEXT),
            ));
            None
        }
        Ok(a) => Some(a),
        Err(_) => {
            errors.push(FieldError::new(
                "amount",
                format!(
                    "must be a decimal number such as 0.28, got {:?}",
                    input.amount
                ),
            ));
            None
        }
    };
    let currency = match input.currency.trim().parse::<Currency>() {
        Ok(c) => {
            if let Some(s) = site {
                if s.currency() != c {
                    errors.push(FieldError::new(
                        "currency",
                        format!("{s} prices are in {}, got {c}", s.currency()),
                    ));
                }
            }
            Some(c)
        }
        Err(_) => {
            errors.push(FieldError::new(
                "currency",
                format!("must be USD or CNY, got {:?}", input.currency),
            ));
            None
        }
    };
    let date = |field: &str, text: &Option<String>| match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => parse_date(field, t).map(Some),
    };
    let effective_from = date("effective_from", &input.effective_from).unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let effective_to = date("effective_to", &input.effective_to).unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    if let (Some(from), Some(to)) = (effective_from, effective_to) {
        if to < from {
            errors.push(FieldError::new(
                "effective_to",
                "must not be before effective_from",
            ));
        }
    }
    match (product, site, item, amount, currency) {
        (Some(product), Some(site), Some(item), Some(amount), Some(currency))
            if errors.is_empty() =>
        {
            Ok(store::UserPriceFields {
                product,
                site,
                item,
                plan: plan.map(str::to_owned),
                region: region.map(str::to_owned),
                unit,
                amount,
                currency,
                effective_from,
                effective_to,
                note: input
                    .note
                    .as_deref()
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_owned),
            })
        }
        _ => Err(ApiError::invalid_fields(errors)),
    }
}

/// Refuses a user price that overlaps another of the user's prices for the same item, plan,
/// region and dates (two prices for one thing on one day would make quotes ambiguous).
fn check_against_others(
    store: &Store,
    fields: &store::UserPriceFields,
    replacing: Option<i64>,
) -> Result<(), ApiError> {
    let mut entries: Vec<_> = user_entries(store)?
        .into_iter()
        .filter(|(id, _)| Some(*id) != replacing)
        .map(|(_, e)| e)
        .collect();
    entries.push(user_price_entry(fields));
    PriceBook::builtin()
        .with_user_entries(entries)
        .map(|_| ())
        .map_err(|e| {
            ApiError::invalid_field(
                "effective_from",
                format!("overlaps one of your prices for the same item and dates: {e}"),
            )
        })
}

fn price_row(price: &store::UserPrice) -> PriceRow {
    PriceRow::new(
        &user_price_entry(&price.fields),
        Some(price.id),
        PriceBook::builtin().sources(),
    )
}

pub fn add_user_price(
    store: &mut Store,
    input: &UserPriceInput,
    now: DateTime<Utc>,
) -> Result<PriceRow, ApiError> {
    let fields = check_user_price(input)?;
    check_against_others(store, &fields, None)?;
    let saved = store.add_user_price(&fields, now)?;
    Ok(price_row(&saved))
}

pub fn update_user_price(
    store: &mut Store,
    id: i64,
    input: &UserPriceInput,
    now: DateTime<Utc>,
) -> Result<PriceRow, ApiError> {
    let fields = check_user_price(input)?;
    store.get_user_price(id)?;
    check_against_others(store, &fields, Some(id))?;
    let saved = store.update_user_price(id, &fields, now)?;
    Ok(price_row(&saved))
}

pub fn delete_user_price(store: &mut Store, id: i64) -> Result<(), ApiError> {
    Ok(store.delete_user_price(id)?)
}

pub fn list_rates(store: &Store) -> Result<Vec<RateRow>, ApiError> {
    Ok(store
        .list_exchange_rates()?
        .into_iter()
        .map(RateRow::from)
        .collect())
}

pub fn upsert_rate(
    store: &mut Store,
    from: &str,
    to: &str,
    rate: &str,
    date: &str,
) -> Result<RateRow, ApiError> {
    let from: Currency = from.trim().parse().map_err(|()| {
        ApiError::invalid_field("from", format!("must be USD or CNY, got {from:?}"))
    })?;
    let to: Currency = to
        .trim()
        .parse()
        .map_err(|()| ApiError::invalid_field("to", format!("must be USD or CNY, got {to:?}")))?;
    let rate = store::parse_decimal("rate", rate.trim())?;
    let date = parse_date("date", date).map_err(|e| ApiError::invalid_field(e.path, e.message))?;
    Ok(store.upsert_exchange_rate(from, to, rate, date)?.into())
}

pub fn delete_rate(store: &mut Store, id: i64) -> Result<(), ApiError> {
    Ok(store.delete_exchange_rate(id)?)
}

/// The sites the wizard offers for each product, with their currencies.
pub fn wizard_options() -> WizardOptions {
    WizardOptions {
        sites: Product::ALL
            .iter()
            .map(|p| ProductSites {
                product: *p,
                sites: p
                    .sites()
                    .iter()
                    .map(|s| SiteOption {
                        site: *s,
                        currency: s.currency(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Reads a price-book update file (at most a scenario file's size), checks it against the book
/// in use and works out what it changes for the saved scenarios. Problems of the file come back
/// as `invalid_input` with every path; nothing is stored.
pub fn preview_price_update(
    store: &Store,
    path: &std::path::Path,
    token: u64,
) -> Result<PriceUpdatePreview, ApiError> {
    let text = read_update(path)?;
    let checked = check_update(store, &text)?;
    let user: Vec<pricing::PriceEntry> = user_entries(store)?.into_iter().map(|(_, e)| e).collect();
    let effect = crate::price_updates::effect(store, &checked, &user)
        .map_err(|e| ApiError::internal(e.0))?;
    let sources = checked.after.sources();
    Ok(PriceUpdatePreview {
        token,
        name: file_name(path),
        entries: checked
            .update
            .entries
            .iter()
            .map(|e| PriceRow::new(e, None, sources))
            .collect(),
        sources: checked
            .update
            .sources
            .iter()
            .map(|(key, s)| UpdateSourceRow {
                key: key.clone(),
                title: s.title.clone(),
                url: s.url.clone(),
            })
            .collect(),
        changed: effect
            .changed
            .iter()
            .map(|s| ScenarioChangeRow {
                id: s.id,
                name: s.name.clone(),
                currency: s.currency,
                total_before: s.change.total_before.to_string(),
                total_after: s.change.total_after.to_string(),
                complete_before: s.change.complete_before,
                complete_after: s.change.complete_after,
                first_month: s.change.first_month.to_string(),
            })
            .collect(),
        unchanged: effect.unchanged as u64,
        not_quoted: effect.not_quoted as u64,
        saved_quotes: effect.saved_quotes as u64,
    })
}

/// Reads the update file again, checks it again against the book in use (it may have changed
/// since the preview) and stores it.
pub fn load_price_update(
    store: &mut Store,
    path: &std::path::Path,
    now: DateTime<Utc>,
) -> Result<PriceUpdateRow, ApiError> {
    let text = read_update(path)?;
    check_update(store, &text)?;
    let name = file_name(path);
    crate::price_updates::store_update(store, &name, &text, now)
        .map_err(|e| ApiError::database(e.0))?;
    let stored = store.list_price_book_updates()?;
    let last = stored
        .last()
        .ok_or_else(|| ApiError::internal("the update was not stored"))?;
    Ok(PriceUpdateRow {
        id: last.id,
        name: last.name.clone(),
        imported_at: last.imported_at.to_rfc3339(),
    })
}

/// Removes the loaded price-book update `id`; the updates left, oldest first.
pub fn remove_price_update(store: &mut Store, id: i64) -> Result<Vec<PriceUpdateRow>, ApiError> {
    use crate::price_updates::{remove_update, RemoveRefusal};
    remove_update(store, id).map_err(|refusal| match refusal {
        RemoveRefusal::Store(e) => ApiError::from(e),
        RemoveRefusal::NeededBy { name } => ApiError::coded(
            super::ErrorCode::InvalidInput,
            &pricing::Message::new("price.update_needed_by").text("name", name),
        ),
    })?;
    list_price_updates(store)
}

/// The price-book updates the user loaded, oldest first.
pub fn list_price_updates(store: &Store) -> Result<Vec<PriceUpdateRow>, ApiError> {
    Ok(store
        .list_price_book_updates()?
        .into_iter()
        .map(|u| PriceUpdateRow {
            id: u.id,
            name: u.name,
            imported_at: u.imported_at.to_rfc3339(),
        })
        .collect())
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn read_update(path: &std::path::Path) -> Result<String, ApiError> {
    use crate::files::{read_to_string_limited, ReadError};
    read_to_string_limited(path, pricing::jsonread::MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::Io(e) => ApiError::new(
            super::ErrorCode::Io,
            format!("cannot read {}: {e}", path.display()),
        ),
        ReadError::TooLarge => ApiError::invalid_fields(vec![pricing::scenario::file_too_large()]),
        ReadError::NotUtf8 => ApiError::invalid_field("", "the file is not UTF-8 text"),
    })
}

fn check_update(store: &Store, text: &str) -> Result<crate::price_updates::Checked, ApiError> {
    crate::price_updates::check(Some(store), text).map_err(|r| match r {
        crate::price_updates::Refusal::Invalid(errors) => ApiError::invalid_fields(errors),
        crate::price_updates::Refusal::Failed(e) => ApiError::internal(e.0),
    })
}
