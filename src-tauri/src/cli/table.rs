//! Tables for a terminal: amounts rounded to cents where people read them (rule GEN-2), unit
//! prices and quantities exact.

use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, CellAlignment, ContentArrangement, Table};
use pricing::book::PriceEntry;
use pricing::money::{cents_text, exact_text};
use pricing::{Comparison, PriceBook, Quote};
use rust_decimal::Decimal;

fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.iter().map(|h| Cell::new(*h)));
    t
}

fn right(text: impl Into<String>) -> Cell {
    Cell::new(text.into()).set_alignment(CellAlignment::Right)
}

fn money(d: Option<Decimal>) -> String {
    d.map_or_else(|| "—".to_string(), cents_text)
}

/// The month-by-month quote: every line with its calculation, month totals and budgets, then
/// the notes.
pub fn quote_table(q: &Quote) -> String {
    let mut out = String::new();
    let status = if q.complete {
        "complete"
    } else {
        "INCOMPLETE: some prices are missing"
    };
    out.push_str(&format!(
        "{} — {} months from {}, in {} ({status})\n\n",
        q.scenario,
        q.months.len(),
        q.months
            .first()
            .map(|m| m.month.to_string())
            .unwrap_or_default(),
        q.currency
    ));

    let mut summary = table(&["month", "TCR", "TCSS", "Image Search", "total", "budgets"]);
    for m in &q.months {
        let budgets: Vec<String> = m
            .budgets
            .iter()
            .filter_map(|b| {
                b.status.map(|s| {
                    let who = b.product.map_or("all", |p| p.key());
                    let pct = b
                        .utilisation
                        .map(|u| format!(" {}%", (u * Decimal::ONE_HUNDRED).round()))
                        .unwrap_or_default();
                    format!("{who}: {}{pct}", s.key())
                })
            })
            .collect();
        let cell = |p| {
            if m.lines.iter().any(|l| l.product == p) {
                right(cents_text(m.product_total(p)))
            } else {
                right("")
            }
        };
        let total = if m.complete {
            cents_text(m.total)
        } else {
            format!("{} *", cents_text(m.total))
        };
        summary.add_row(vec![
            Cell::new(m.month.to_string()),
            cell(pricing::Product::Tcr),
            cell(pricing::Product::Tcss),
            cell(pricing::Product::ImageSearch),
            right(total),
            Cell::new(budgets.join(", ")),
        ]);
    }
    let incomplete_marker = if q.complete { "" } else { " *" };
    summary.add_row(vec![
        Cell::new("total"),
        right(""),
        right(""),
        right(""),
        right(format!("{}{incomplete_marker}", cents_text(q.total))),
        Cell::new(""),
    ]);
    out.push_str(&summary.to_string());
    out.push('\n');
    if !q.complete {
        out.push_str(
            "* incomplete: lines without a price are not in the total (unknown is not zero)\n",
        );
    }

    out.push_str("\nLines (the calculation behind each figure)\n");
    let mut lines = table(&[
        "month",
        "product",
        "item",
        "plan",
        "quantity",
        "unit",
        "unit price",
        "amount",
        "in report",
        "rule",
        "source",
        "note",
    ]);
    for m in &q.months {
        for l in &m.lines {
            let note = match (&l.note, &l.entry_note) {
                (Some(n), _) => n.clone(),
                (None, Some(n)) if l.price_missing => n.to_string(),
                _ => String::new(),
            };
            lines.add_row(vec![
                Cell::new(m.month.to_string()),
                Cell::new(l.product.key()),
                Cell::new(&l.item),
                Cell::new(l.plan.clone().unwrap_or_default()),
                right(exact_text(l.quantity)),
                Cell::new(&l.unit),
                right(l.unit_price.map_or_else(
                    || "missing".into(),
                    |p| format!("{} {}", exact_text(p), l.currency),
                )),
                right(l.amount.map_or_else(
                    || "—".into(),
                    |a| format!("{} {}", cents_text(a), l.currency),
                )),
                right(money(l.converted)),
                Cell::new(&l.rule),
                Cell::new(l.source.clone().unwrap_or_default()),
                Cell::new(note),
            ]);
        }
    }
    out.push_str(&lines.to_string());
    out.push('\n');

    if !q.budgets.is_empty() {
        out.push_str("\nBudgets over the scenario\n");
        let mut b = table(&[
            "budget",
            "monthly",
            "total budget",
            "total spend",
            "first warning",
            "first over",
            "cumulative over",
        ]);
        for s in &q.budgets {
            let who = s.budget.name.clone().unwrap_or_else(|| {
                s.budget
                    .product
                    .map_or("whole scenario".into(), |p| p.title().to_string())
            });
            let month =
                |m: Option<pricing::YearMonth>| m.map_or_else(|| "—".into(), |m| m.to_string());
            b.add_row(vec![
                Cell::new(who),
                right(format!(
                    "{} {}",
                    cents_text(s.budget.amount),
                    s.budget.currency
                )),
                right(cents_text(s.total_budget)),
                right(cents_text(s.total_spend)),
                Cell::new(month(s.first_warning)),
                Cell::new(month(s.first_over)),
                Cell::new(month(s.first_cumulative_over)),
            ]);
        }
        out.push_str(&b.to_string());
        out.push('\n');
    }
    if !q.notes.is_empty() {
        out.push_str("\nNotes\n");
        for n in &q.notes {
            out.push_str(&format!("- {}\n", n.text));
        }
    }
    out
}

/// Every alternative per product, cheapest first.
pub fn comparison_table(c: &Comparison) -> String {
    let mut out = format!(
        "{} — alternatives, totals over the scenario in {}\n",
        c.scenario, c.currency
    );
    for p in &c.products {
        out.push_str(&format!("\n{}\n", p.product.title()));
        let mut t = table(&[
            "",
            "alternative",
            "plan",
            "total",
            "saving vs current",
            "why not",
        ]);
        for a in &p.alternatives {
            let mark = match (a.recommended, a.current) {
                (true, true) => "★ ●",
                (true, false) => "★",
                (false, true) => "●",
                _ => "",
            };
            let total = match a.total {
                Some(t) => cents_text(t),
                None if !a.feasible => "infeasible".into(),
                None => "unknown".into(),
            };
            t.add_row(vec![
                Cell::new(mark),
                Cell::new(&a.label),
                Cell::new(&a.plan),
                right(total),
                right(a.saving.map(cents_text).unwrap_or_default()),
                Cell::new(a.reasons.join("; ")),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    out.push_str("\n★ recommended (cheapest feasible)   ● what the scenario uses now\n");
    out
}

/// Price-book entries with their sources.
pub fn prices_table(book: &PriceBook, entries: &[&PriceEntry], date: chrono::NaiveDate) -> String {
    let mut out = format!("Price book entries in force on {date}\n");
    let mut t = table(&[
        "product", "site", "item", "plan", "regions", "amount", "unit", "from", "to", "rule",
        "source",
    ]);
    for e in entries {
        let regions = match e.regions.len() {
            0 => "all".to_string(),
            1..=3 => e.regions.join(", "),
            n => format!("{}, … ({n})", e.regions[..2].join(", ")),
        };
        t.add_row(vec![
            Cell::new(e.product.key()),
            Cell::new(e.site.key()),
            Cell::new(&e.item),
            Cell::new(e.plan.clone().unwrap_or_default()),
            Cell::new(regions),
            right(match e.currency {
                Some(c) => format!("{} {c}", exact_text(e.amount)),
                None => exact_text(e.amount),
            }),
            Cell::new(&e.unit),
            Cell::new(e.effective_from.to_string()),
            Cell::new(e.effective_to.map(|d| d.to_string()).unwrap_or_default()),
            Cell::new(&e.rule),
            Cell::new(&e.source),
        ]);
    }
    out.push_str(&t.to_string());
    out.push_str("\n\nSources\n");
    let mut used: Vec<&str> = entries.iter().map(|e| e.source.as_str()).collect();
    used.sort();
    used.dedup();
    for key in used {
        if let Some(s) = book.sources().get(key) {
            out.push_str(&format!(
                "- {key}: {}{}\n",
                s.title,
                s.url
                    .as_ref()
                    .map(|u| format!(" ({u})"))
                    .unwrap_or_default()
            ));
        }
    }
    out
}
