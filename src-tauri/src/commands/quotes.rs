//! Quotes: the wizard's live preview, the scenario view, comparisons and saved quotes.
//!
//! Every quote uses the built-in price book with the user's prices from the database on top
//! (source `user`), so a price entered in Prices changes every scenario's quote.

use std::borrow::Cow;
use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use pricing::{PriceBook, PriceEntry, Product, Quote, Scenario};
use report::{ChartLabels, ChartOptions, Theme};
use rust_decimal::Decimal;
use serde::Deserialize;
use store::Store;

use super::dto::{
    dec, difference, opt_dec, stamp, ActualRowView, BudgetMonthView, BudgetSummaryView,
    ComparedMonth, ComparedScenario, ComparisonView, FieldErrorDto, ImageSearchView, LineView,
    MonthTotal, MonthView, NoteView, Preview, PriceRow, QuoteView, SavedQuoteRow, SavedQuoteView,
    ScenarioComparison, TcrMonthView, TcssView, TodayTotal, YearPaceView,
};
use super::error::{ApiError, ErrorCode};

/// A stored user price as a price-book entry with source `user`.
pub fn user_price_entry(fields: &store::UserPriceFields) -> PriceEntry {
    let store::UserPriceFields {
        product,
        site,
        item,
        plan,
        region,
        unit,
        amount,
        currency,
        effective_from,
        effective_to,
        note,
    } = fields;
    PriceEntry {
        product: *product,
        site: *site,
        item: *item,
        plan: plan.clone(),
        regions: region.iter().cloned().collect(),
        unit: unit.clone(),
        amount: *amount,
        currency: Some(*currency),
        effective_from: effective_from.unwrap_or_else(pricing::scenario::user_price_epoch),
        effective_to: *effective_to,
        source: pricing::book::USER_SOURCE.to_owned(),
        rule: "GEN-3".to_owned(),
        note: note.clone(),
    }
}

/// The user's prices from the database, with their ids.
pub fn user_entries(store: &Store) -> Result<Vec<(i64, PriceEntry)>, ApiError> {
    Ok(store
        .list_user_prices()?
        .iter()
        .map(|p| (p.id, user_price_entry(&p.fields)))
        .collect())
}

/// The price book every quote uses: built-in, with the price-book updates the user loaded
/// (in load order) and the user's own prices on top.
pub fn price_book(store: &Store) -> Result<Cow<'static, PriceBook>, ApiError> {
    let book = crate::price_updates::updated_book(store).map_err(|e| ApiError::internal(e.0))?;
    let user: Vec<PriceEntry> = user_entries(store)?.into_iter().map(|(_, e)| e).collect();
    if user.is_empty() {
        return Ok(book);
    }
    let book = book
        .with_user_entries(user)
        .map_err(|e| ApiError::invalid_field("prices", format!("your prices conflict: {e}")))?;
    Ok(Cow::Owned(book))
}

/// Chart size and words for the UI's theme (`light`, `dark`; anything else is light) and
/// language (`zh…` is Chinese, anything else English).
pub fn chart_options(theme: &str, lang: &str) -> ChartOptions {
    ChartOptions {
        theme: if theme == "dark" {
            Theme::Dark
        } else {
            Theme::Light
        },
        labels: if lang.starts_with("zh") {
            ChartLabels::chinese()
        } else {
            ChartLabels::english()
        },
        ..ChartOptions::default()
    }
}

/// Reads and quotes a stored scenario.
pub fn load_and_quote(store: &Store, id: i64) -> Result<(String, Scenario, Quote), ApiError> {
    let stored = store.get_scenario(id)?;
    let scenario = pricing::parse_scenario(&stored.document).map_err(ApiError::invalid_fields)?;
    let book = price_book(store)?;
    let quote = pricing::quote(&scenario, &book)?;
    Ok((stored.name, scenario, quote))
}

/// The wizard's live cost panel. Never an error for invalid input: the problems come back in
/// `errors`. Only the user prices are read from the database; the chart is the one slow part.
pub fn preview_quote(
    store: &Store,
    document: &str,
    theme: &str,
    lang: &str,
) -> Result<Preview, ApiError> {
    let invalid = |errors: Vec<FieldErrorDto>| Preview {
        ok: false,
        errors,
        total: None,
        currency: None,
        complete: false,
        months: Vec::new(),
        chart_svg: None,
    };
    let scenario = match pricing::parse_scenario(document) {
        Ok(scenario) => scenario,
        Err(errors) => return Ok(invalid(errors.into_iter().map(Into::into).collect())),
    };
    let book = price_book(store)?;
    let quote = match pricing::quote(&scenario, &book) {
        Ok(quote) => quote,
        Err(error) => {
            return Ok(invalid(ApiError::from(error).field_errors()));
        }
    };
    Ok(Preview {
        ok: true,
        errors: Vec::new(),
        total: Some(dec(quote.total)),
        currency: Some(quote.currency),
        complete: quote.complete,
        months: quote
            .months
            .iter()
            .map(|m| MonthTotal {
                month: m.month.to_string(),
                total: dec(m.total),
            })
            .collect(),
        chart_svg: report::spend_chart_svg(&quote, &preview_chart_options(theme, lang)).ok(),
    })
}

/// The live panel's chart is shown about 250 px wide: drawn at the smallest size the chart
/// supports, its labels stay readable there (a full-size chart scaled down is not).
fn preview_chart_options(theme: &str, lang: &str) -> ChartOptions {
    ChartOptions {
        width: report::chart::MIN_SIDE,
        height: report::chart::MIN_SIDE,
        ..chart_options(theme, lang)
    }
}

/// Everything the scenario view shows for a saved scenario.
pub fn quote_scenario(
    store: &Store,
    id: i64,
    theme: &str,
    lang: &str,
) -> Result<QuoteView, ApiError> {
    let (name, scenario, quote) = load_and_quote(store, id)?;
    let book = price_book(store)?;
    let sources = book.sources();
    let products = scenario.products();

    let ScenarioActuals {
        rows: actuals,
        error: actuals_error,
        blended,
        budgets: blended_budgets,
        year_pace,
        growth,
    } = scenario_actuals(store, id, &scenario, &quote, &products)?;
    // rules BUD-2, BUD-4: budgets are judged by actuals where recorded; the quote itself
    // stays the projection.
    let (month_budgets, budget_summaries) = match &blended_budgets {
        Some((per_month, summaries)) => (per_month.clone(), summaries.clone()),
        None => (
            quote.months.iter().map(|m| m.budgets.clone()).collect(),
            quote.budgets.clone(),
        ),
    };
    let mut chart_opts = chart_options(theme, lang);
    chart_opts.actuals = chart_actuals(&blended, &products);

    let Quote {
        scenario: _,
        currency,
        complete,
        months,
        total,
        notes,
        details: _,
        budgets: _,
        entries: _,
    } = &quote;
    Ok(QuoteView {
        scenario_id: id,
        name,
        currency: *currency,
        start: scenario.start.to_string(),
        total: dec(*total),
        complete: *complete,
        products: products.clone(),
        months: months
            .iter()
            .zip(&month_budgets)
            .enumerate()
            .map(|(k, (m, month_budgets))| MonthView {
                month: m.month.to_string(),
                lines: m.lines.iter().map(|l| LineView::new(l, sources)).collect(),
                total: dec(m.total),
                complete: m.complete,
                budgets: month_budgets
                    .iter()
                    .enumerate()
                    .map(|(i, b)| {
                        let actual = blended.get(k).is_some_and(|bm| bm.has_actual(b.product));
                        BudgetMonthView::new(
                            b,
                            scenario.budgets.get(i).and_then(|b| b.name.clone()),
                            actual,
                        )
                    })
                    .collect(),
            })
            .collect(),
        budgets: budget_summaries
            .iter()
            .map(BudgetSummaryView::from)
            .collect(),
        tcr: quote
            .tcr()
            .map(|months| months.iter().map(TcrMonthView::from).collect()),
        tcss: quote.tcss().map(TcssView::from),
        image_search: quote.image_search().map(ImageSearchView::from),
        notes: notes.iter().map(NoteView::from).collect(),
        actuals,
        actuals_error,
        year_pace: year_pace.as_ref().map(YearPaceView::from),
        growth: growth.as_ref().map(super::dto::GrowthView::from),
        chart_svg: report::spend_chart_svg(&quote, &chart_opts).ok(),
    })
}

/// A scenario's actual spend as the scenario view uses it (rule BUD-4).
#[derive(Default)]
pub struct ScenarioActuals {
    /// Actual beside projected, per month and product; empty without actuals.
    pub rows: Vec<ActualRowView>,
    /// Why actuals could not be set beside the projection (a missing exchange rate, a figure
    /// too large); the projection alone is shown then.
    pub error: Option<String>,
    /// Per quote month, spend with actuals in place of the projection (rules BUD-2, BUD-4);
    /// empty without actuals or on an error.
    pub blended: Vec<pricing::budget::BlendedMonth>,
    /// The budgets judged by `blended`, when there are actuals.
    pub budgets: Option<(
        Vec<Vec<pricing::budget::BudgetMonth>>,
        Vec<pricing::budget::BudgetSummary>,
    )>,
    /// The latest calendar year with actuals, at their pace.
    pub year_pace: Option<pricing::budget::YearPace>,
    /// The growth the last months of actuals suggest.
    pub growth: Option<pricing::budget::GrowthSuggestion>,
}

/// Actual spend from the database beside the projection (rule BUD-4), converted with the
/// scenario's rates and then the stored ones; budgets judged by it (rules BUD-2, BUD-4) and
/// the year at its pace. No actuals: nothing.
pub fn scenario_actuals(
    store: &Store,
    id: i64,
    scenario: &Scenario,
    quote: &Quote,
    products: &[Product],
) -> Result<ScenarioActuals, ApiError> {
    use pricing::budget::BudgetError;
    let stored = store.list_actuals(id)?;
    if stored.is_empty() {
        return Ok(ScenarioActuals::default());
    }
    let actuals: Vec<pricing::budget::Actual> =
        stored.iter().map(pricing::budget::Actual::from).collect();
    let mut rates = scenario.rates.clone();
    rates.extend(
        store
            .list_exchange_rates()?
            .into_iter()
            .map(|r| pricing::money::Rate {
                from: r.from,
                to: r.to,
                rate: r.rate,
                date: r.date,
            }),
    );
    let spend = quote.spend();
    let computed = (|| -> Result<ScenarioActuals, BudgetError> {
        let rows = pricing::budget::reconcile(&spend, products, &actuals, quote.currency, &rates)?;
        let blended = pricing::budget::blend(&spend, &actuals, quote.currency, &rates)?;
        // The budgets were judged with the scenario's rates in the quote: the same here.
        let budgets = pricing::budget::evaluate_blended(
            &scenario.budgets,
            &blended,
            quote.currency,
            &scenario.rates,
        )?;
        let year_pace = pricing::budget::year_pace(&blended)?.pop();
        let growth = pricing::budget::suggest_growth(&rows);
        Ok(ScenarioActuals {
            rows: rows.iter().map(ActualRowView::from).collect(),
            error: None,
            blended,
            budgets: Some(budgets),
            year_pace,
            growth,
        })
    })();
    match computed {
        Ok(actuals) => Ok(actuals),
        Err(BudgetError::MissingRate(missing)) => Ok(ScenarioActuals {
            error: Some(format!(
                "no exchange rate from {} to {}: add one in Settings to compare actual spend",
                missing.from, missing.to
            )),
            ..ScenarioActuals::default()
        }),
        Err(BudgetError::TooLarge(overflow)) => Ok(ScenarioActuals {
            error: Some(overflow.to_string()),
            ..ScenarioActuals::default()
        }),
    }
}

/// The spend chart's actual series (rule BUD-4): per month with actuals, their sum in the
/// report currency, partial when one of the scenario's `products` has none that month.
pub fn chart_actuals(
    blended: &[pricing::budget::BlendedMonth],
    products: &[Product],
) -> Vec<report::chart::ActualPoint> {
    blended
        .iter()
        .filter_map(|m| {
            Some(report::chart::ActualPoint {
                month: m.spend.month,
                amount: m.actual_total()?,
                partial: products.iter().any(|p| !m.has_actual(Some(*p))),
            })
        })
        .collect()
}

/// Every alternative per product for a saved scenario (edition, billing, package).
pub fn compare_alternatives(store: &Store, id: i64) -> Result<ComparisonView, ApiError> {
    let stored = store.get_scenario(id)?;
    let scenario = pricing::parse_scenario(&stored.document).map_err(ApiError::invalid_fields)?;
    let book = price_book(store)?;
    let comparison = pricing::compare(&scenario, &book)?;
    Ok(ComparisonView::from(&comparison))
}

/// Quotes 2–4 saved scenarios that share a report currency; `invalid_input` on `ids` otherwise.
pub fn quote_several(store: &Store, ids: &[i64]) -> Result<Vec<(i64, String, Quote)>, ApiError> {
    if !(2..=4).contains(&ids.len()) {
        return Err(ApiError::invalid_field(
            "ids",
            format!("choose 2 to 4 scenarios to compare, got {}", ids.len()),
        ));
    }
    let mut quotes = Vec::with_capacity(ids.len());
    for &id in ids {
        let (name, _, quote) = load_and_quote(store, id)?;
        quotes.push((id, name, quote));
    }
    if let Some((_, first_name, first)) = quotes.first() {
        if let Some((_, name, other)) = quotes.iter().find(|(_, _, q)| q.currency != first.currency)
        {
            return Err(ApiError::invalid_field(
                "ids",
                format!(
                    "“{first_name}” reports in {} but “{name}” in {}: give them the same report currency to compare them",
                    first.currency, other.currency
                ),
            ));
        }
    }
    Ok(quotes)
}

/// 2–4 saved scenarios side by side, month by calendar month, with an overlay chart.
pub fn compare_scenarios(
    store: &Store,
    ids: &[i64],
    theme: &str,
    lang: &str,
) -> Result<ScenarioComparison, ApiError> {
    let quotes = quote_several(store, ids)?;
    let months: BTreeSet<pricing::YearMonth> = quotes
        .iter()
        .flat_map(|(_, _, q)| q.months.iter().map(|m| m.month))
        .collect();
    let rows = months
        .into_iter()
        .map(|month| {
            let totals: Vec<Option<rust_decimal::Decimal>> = quotes
                .iter()
                .map(|(_, _, q)| q.months.iter().find(|m| m.month == month).map(|m| m.total))
                .collect();
            let base = totals.first().copied().flatten();
            ComparedMonth {
                month: month.to_string(),
                differences: totals
                    .iter()
                    .map(|t| match (t, base) {
                        (Some(t), Some(b)) => Some(dec(*t - b)),
                        _ => None,
                    })
                    .collect(),
                totals: totals.iter().map(|t| opt_dec(*t)).collect(),
            }
        })
        .collect();
    let named: Vec<(&str, &Quote)> = quotes.iter().map(|(_, n, q)| (n.as_str(), q)).collect();
    let overlay_svg = report::overlay_chart_svg(&named, &chart_options(theme, lang)).ok();
    Ok(ScenarioComparison {
        scenarios: quotes
            .iter()
            .map(|(id, name, q)| ComparedScenario {
                id: *id,
                name: name.clone(),
                currency: q.currency,
                total: dec(q.total),
                complete: q.complete,
            })
            .collect(),
        months: rows,
        overlay_svg,
    })
}

/// Keeps today's quote of a scenario with the scenario document and the price-book entries it
/// used (rule GEN-4), so it can be explained later even after prices change.
pub fn save_quote(
    store: &mut Store,
    scenario_id: i64,
    now: DateTime<Utc>,
) -> Result<SavedQuoteRow, ApiError> {
    let (_, scenario, quote) = load_and_quote(store, scenario_id)?;
    let saved = store.save_quote(
        scenario_id,
        &store::NewSavedQuote {
            scenario_document: json_text(&scenario.to_json())?,
            quote: json_text(&quote)?,
            price_entries: json_text(&quote.entries)?,
            currency: quote.currency,
            total: quote.total,
            complete: quote.complete,
        },
        now,
    )?;
    let store::SavedQuote {
        id,
        scenario_id,
        created_at,
        quote: kept,
    } = saved;
    Ok(SavedQuoteRow::new(
        store::SavedQuoteSummary {
            id,
            scenario_id,
            created_at,
            currency: kept.currency,
            total: kept.total,
            complete: kept.complete,
        },
        Some(&quote),
    ))
}

/// A scenario's saved quotes, newest first, each with its difference from today's quote.
/// `not_found` if the scenario does not exist.
pub fn list_saved_quotes(store: &Store, scenario_id: i64) -> Result<Vec<SavedQuoteRow>, ApiError> {
    let saved = store.list_saved_quotes(scenario_id)?;
    // One quote for all the rows, and none when there is nothing to compare it with.
    let today = if saved.is_empty() {
        None
    } else {
        quote_today(store, scenario_id)?.quote.ok()
    };
    Ok(saved
        .into_iter()
        .map(|s| SavedQuoteRow::new(s, today.as_ref()))
        .collect())
}

/// One saved quote in full, read from what was saved (rule GEN-4): its month totals and the
/// price-book entries it used, never recomputed. Beside it, the same scenario quoted now
/// with the current price book, and whether the scenario was edited since.
///
/// `not_found` for an unknown id; `database` when the saved JSON no longer reads.
pub fn get_saved_quote(store: &Store, id: i64) -> Result<SavedQuoteView, ApiError> {
    let store::SavedQuote {
        id,
        scenario_id,
        created_at,
        quote: kept,
    } = store.get_saved_quote(id)?;
    let store::NewSavedQuote {
        scenario_document,
        quote,
        price_entries,
        currency,
        total,
        complete,
    } = kept;
    let damaged = |part: &str, error: serde_json::Error| {
        ApiError::database(format!(
            "saved quote {id} is damaged: its {part} does not read ({error})"
        ))
    };
    let months = serde_json::from_str::<KeptQuote>(&quote)
        .map_err(|e| damaged("quote", e))?
        .months;
    let entries: Vec<PriceEntry> =
        serde_json::from_str(&price_entries).map_err(|e| damaged("price entries", e))?;
    let saved_document: serde_json::Value =
        serde_json::from_str(&scenario_document).map_err(|e| damaged("scenario", e))?;

    let today = quote_today(store, scenario_id)?;
    let book = price_book(store)?;
    let sources = book.sources();
    let (today_total, today_error, difference) = match &today.quote {
        Ok(quote) => (
            Some(TodayTotal::from(quote)),
            None,
            difference(quote, currency, total),
        ),
        Err(error) => (None, Some(error.message.clone()), None),
    };
    Ok(SavedQuoteView {
        id,
        scenario_id,
        created_at: stamp(created_at),
        currency,
        total: dec(total),
        complete,
        months: months
            .into_iter()
            .map(|m| MonthTotal {
                month: m.month.to_string(),
                total: dec(m.total),
            })
            .collect(),
        entries: entries
            .iter()
            .map(|e| PriceRow::new(e, None, sources))
            .collect(),
        today: today_total,
        today_error,
        difference,
        scenario_changed: without_name(saved_document) != without_name(today.document),
    })
}

/// Deletes one saved quote. `not_found` if there is no such id (also on a second delete).
pub fn delete_saved_quote(store: &mut Store, id: i64) -> Result<(), ApiError> {
    Ok(store.delete_saved_quote(id)?)
}

/// The part of a saved quote's JSON that the saved-quote view reads back; serde skips the
/// rest (lines, budgets, sizing).
#[derive(Deserialize)]
struct KeptQuote {
    months: Vec<KeptMonth>,
}

#[derive(Deserialize)]
struct KeptMonth {
    month: pricing::YearMonth,
    #[serde(with = "rust_decimal::serde::str")]
    total: Decimal,
}

/// A stored scenario as it reads now, and its quote with the current price book.
struct Today {
    /// The document in the form a saved quote keeps it ([`Scenario::to_json`]), or as stored
    /// when it no longer reads.
    document: serde_json::Value,
    /// `Err` (an `invalid_input` error) when the scenario cannot be quoted now: its document
    /// no longer reads, a user price conflicts, or a dated rule refuses it.
    quote: Result<Quote, ApiError>,
}

/// Quotes a stored scenario now. A scenario that cannot be quoted is not an error of the
/// call (the saved quote still shows); a missing scenario or a failing database is.
fn quote_today(store: &Store, scenario_id: i64) -> Result<Today, ApiError> {
    let stored = store.get_scenario(scenario_id)?;
    let scenario = match pricing::parse_scenario(&stored.document) {
        Ok(scenario) => scenario,
        Err(errors) => {
            return Ok(Today {
                document: serde_json::from_str(&stored.document).unwrap_or(serde_json::Value::Null),
                quote: Err(ApiError::invalid_fields(errors)),
            })
        }
    };
    let quote = price_book(store).and_then(|book| Ok(pricing::quote(&scenario, &book)?));
    match quote {
        Err(error) if error.code != ErrorCode::InvalidInput => Err(error),
        quote => Ok(Today {
            document: scenario.to_json(),
            quote,
        }),
    }
}

/// A scenario document without its name, which changes no figure of a quote.
fn without_name(mut document: serde_json::Value) -> serde_json::Value {
    if let Some(root) = document.as_object_mut() {
        root.remove("name");
    }
    document
}

/// A value as compact JSON text.
fn json_text<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, ApiError> {
    serde_json::to_string(value)
        .map_err(|e| ApiError::internal(format!("could not write JSON: {e}")))
}
