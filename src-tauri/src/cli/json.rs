//! The quote, comparison and price-book JSON that scripts rely on
//! (`docs/scenario-format.md`, "Quote as JSON").
//!
//! The quote object carries exactly the contract's fields. Decimals are JSON strings holding
//! the exact value, never rounded (rule GEN-2); computed values are written without trailing
//! zeros, values the user wrote (budget amounts) as written.

use pricing::book::{PriceEntry, PricesView};
use pricing::money::exact_text;
use pricing::{Comparison, Lang, Message, PriceBook, Product, Quote};
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn dec(d: Decimal) -> Value {
    Value::String(exact_text(d))
}

fn opt_dec(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, dec)
}

fn messages(list: &[Message], lang: Lang) -> Value {
    Value::Array(list.iter().map(|m| m.to_json(lang)).collect())
}

/// The quote as the contract's JSON object, its messages rendered in `lang`.
pub fn quote_json(q: &Quote, lang: Lang) -> Value {
    let months: Vec<Value> = q
        .months
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let lines: Vec<Value> = m
                .lines
                .iter()
                .map(|l| {
                    let mut line = json!({
                        "product": l.product.key(),
                        "item": l.item,
                        "plan": l.plan,
                        "quantity": dec(l.quantity),
                        "unit": l.unit,
                        "unit_price": opt_dec(l.unit_price),
                        "amount": opt_dec(l.amount),
                        "currency": l.currency.code(),
                        "converted": opt_dec(l.converted),
                        "rule": l.rule,
                        "source": l.source,
                        // Only that no price covers the line: a custom quote has none either
                        // (rule GEN-5); an infeasible edition says so in `feasible`.
                        "price_missing": l.amount.is_none(),
                        "notes": messages(&l.notes(), lang),
                    });
                    if l.product == Product::Tcr {
                        line["feasible"] = Value::Bool(!l.infeasible);
                        line["shortfall"] = messages(&q.tcr_shortfall(k, l), lang);
                    }
                    line
                })
                .collect();
            let budgets: Vec<Value> = m
                .budgets
                .iter()
                .map(|b| {
                    json!({
                        "product": b.product.map(|p| p.key()),
                        "amount": b.amount.map(|a| Value::String(a.to_string())).unwrap_or(Value::Null),
                        "spend": dec(b.spend),
                        "status": b.status.map(|s| s.key()),
                    })
                })
                .collect();
            json!({ "month": m.month.to_string(), "lines": lines, "total": dec(m.total), "budgets": budgets })
        })
        .collect();
    json!({
        "scenario": q.scenario,
        "currency": q.currency.code(),
        "complete": q.complete,
        "months": months,
        "total": dec(q.total),
        "notes": q.notes.iter().map(|n| n.message.to_json(lang)).collect::<Vec<_>>(),
    })
}

/// Every alternative per product, cheapest first, its messages rendered in `lang`.
pub fn comparison_json(c: &Comparison, lang: Lang) -> Value {
    let products: Vec<Value> = c
        .products
        .iter()
        .map(|p| {
            let alternatives: Vec<Value> = p
                .alternatives
                .iter()
                .map(|a| {
                    json!({
                        "plan": a.plan,
                        "label": a.label.to_json(lang),
                        "total": opt_dec(a.total),
                        "feasible": a.feasible,
                        "complete": a.complete,
                        "reasons": messages(&a.reasons, lang),
                        "current": a.current,
                        "recommended": a.recommended,
                        "saving": opt_dec(a.saving),
                    })
                })
                .collect();
            json!({ "product": p.product.key(), "alternatives": alternatives })
        })
        .collect();
    json!({ "scenario": c.scenario, "currency": c.currency.code(), "products": products })
}

/// A price-book entry as `prices` and `prices diff` write it, with its source's title.
fn entry_json(book: &PriceBook, e: &PriceEntry) -> Value {
    json!({
        "product": e.product.key(),
        "site": e.site.key(),
        "item": e.item,
        "plan": e.plan,
        "regions": e.regions,
        "unit": e.unit,
        "amount": dec(e.amount),
        "currency": e.currency.map(|c| c.code()),
        "effective_from": e.effective_from.to_string(),
        "effective_to": e.effective_to.map(|d| d.to_string()),
        "source": e.source,
        "source_title": book.sources().get(&e.source).map(|s| s.title.clone()),
        "rule": e.rule,
    })
}

/// The price book on a date: the entries in force with their sources, and for TCR the quota
/// table in force and the regions with an instance price (`null` and `[]` when not shown).
pub fn prices_json(view: &PricesView<'_>, lang: Lang) -> Value {
    let book = view.book;
    let list: Vec<Value> = view
        .entries
        .iter()
        .map(|e| {
            let mut entry = entry_json(book, e);
            entry["note"] = e.note_message().map_or(Value::Null, |m| m.to_json(lang));
            entry
        })
        .collect();
    let quotas = match view.quotas.filter(|_| view.show_tcr) {
        None => Value::Null,
        Some(q) => json!({
            "version": q.version,
            "effective_from": q.effective_from.to_string(),
            "effective_to": q.effective_to.map(|d| d.to_string()),
            "source": q.source,
            "rule": q.rule,
            "editions": q.editions,
            "image_repos_by_region": q.image_repos_by_region,
            "raisable_by_ticket": q.raisable_by_ticket,
        }),
    };
    let regions: Vec<Value> = view
        .regions
        .iter()
        .map(|r| {
            json!({
                "region": r.region.region,
                "name": match lang {
                    Lang::ZhCn => &r.region.name_zh,
                    Lang::En => &r.region.name,
                },
                "group": r.region.group,
                "availability": r.region.availability,
                "priced_on": r.priced_on.iter().map(|s| s.key()).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "date": view.date.to_string(), "entries": list, "quotas": quotas, "regions": regions })
}

/// `plancast prices diff` as JSON: each change with its date, `starts` or `ends`, and the
/// entry as `prices` lists it.
pub fn changes_json(
    book: &PriceBook,
    changes: &[(
        chrono::NaiveDate,
        pricing::update::Change,
        &pricing::PriceEntry,
    )],
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Value {
    let list: Vec<Value> = changes
        .iter()
        .map(|(date, change, e)| {
            let mut entry = entry_json(book, e);
            entry["date"] = json!(date.to_string());
            entry["change"] = json!(change.key());
            entry
        })
        .collect();
    json!({ "from": from.to_string(), "to": to.to_string(), "changes": list })
}
