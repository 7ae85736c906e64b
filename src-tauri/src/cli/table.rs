//! Tables for a terminal: amounts rounded to cents where people read them (rule GEN-2), unit
//! prices and quantities exact.

use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, CellAlignment, ContentArrangement, Table};
use pricing::book::{quota_rows, PriceEntry, PricesView};
use pricing::money::{cents_text, exact_text};
use pricing::{Comparison, Lang, Message, Product, Quote};
use rust_decimal::Decimal;

/// A table whose header cells are the catalogue's `report.table.<key>` in `lang` (an empty
/// key is an empty heading).
fn table(lang: Lang, header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.iter().map(|h| Cell::new(word(lang, h))));
    t
}

/// `report.table.<key>` in `lang`.
fn word(lang: Lang, key: &str) -> &'static str {
    if key.is_empty() {
        ""
    } else {
        lang.text(&format!("report.table.{key}"))
    }
}

fn product_name(lang: Lang, p: Product) -> &'static str {
    word(lang, &format!("products.{}", p.key()))
}

fn right(text: impl Into<String>) -> Cell {
    Cell::new(text.into()).set_alignment(CellAlignment::Right)
}

fn money(d: Option<Decimal>) -> String {
    d.map_or_else(|| "—".to_string(), cents_text)
}

/// The month-by-month quote: every line with its calculation, month totals and budgets, then
/// the notes.
pub fn quote_table(q: &Quote, lang: Lang) -> String {
    let mut out = String::new();
    let status = word(lang, if q.complete { "complete" } else { "incomplete" });
    let start = q
        .months
        .first()
        .map(|m| m.month.to_string())
        .unwrap_or_default();
    let title = lang.format(
        "report.table.title",
        &[
            ("scenario", &q.scenario),
            ("months", &q.months.len().to_string()),
            ("start", &start),
            ("currency", q.currency.code()),
            ("status", status),
        ],
    );
    out.push_str(&title);
    out.push_str("\n\n");

    let product_columns: Vec<String> = Product::ALL
        .iter()
        .map(|p| format!("product_short.{}", p.key()))
        .collect();
    let columns: Vec<&str> = std::iter::once("month")
        .chain(product_columns.iter().map(String::as_str))
        .chain(["total", "budgets"])
        .collect();
    let mut summary = table(lang, &columns);
    for m in &q.months {
        let budgets: Vec<String> = m
            .budgets
            .iter()
            .filter_map(|b| {
                b.status.map(|s| {
                    let who = b.product.map_or(word(lang, "all"), |p| p.key());
                    let pct = b
                        .utilisation
                        .map(|u| format!(" {}%", (u * Decimal::ONE_HUNDRED).round()))
                        .unwrap_or_default();
                    format!("{who}: {}{pct}", word(lang, &format!("status.{}", s.key())))
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
        let mut row = vec![Cell::new(m.month.to_string())];
        row.extend(Product::ALL.map(cell));
        row.extend([right(total), Cell::new(budgets.join(", "))]);
        summary.add_row(row);
    }
    let incomplete_marker = if q.complete { "" } else { " *" };
    let mut row = vec![Cell::new(word(lang, "total"))];
    row.extend(Product::ALL.map(|_| right("")));
    row.extend([
        right(format!("{}{incomplete_marker}", cents_text(q.total))),
        Cell::new(""),
    ]);
    summary.add_row(row);
    out.push_str(&summary.to_string());
    out.push('\n');
    if !q.complete {
        out.push_str(word(lang, "incomplete_footnote"));
        out.push('\n');
    }

    out.push('\n');
    out.push_str(word(lang, "lines_title"));
    out.push('\n');
    let mut lines = table(
        lang,
        &[
            "month",
            "product",
            "item",
            "plan",
            "quantity",
            "unit",
            "unit_price",
            "amount",
            "in_report",
            "rule",
            "source",
            "note",
        ],
    );
    for m in &q.months {
        for l in &m.lines {
            let note = match (&l.note, l.entry_message()) {
                (Some(n), _) => n.render(lang),
                (None, Some(n)) if l.price_missing => n.render(lang),
                _ => String::new(),
            };
            lines.add_row(vec![
                Cell::new(m.month.to_string()),
                Cell::new(l.product.key()),
                Cell::new(l.item.key()),
                Cell::new(l.plan.clone().unwrap_or_default()),
                right(exact_text(l.quantity)),
                Cell::new(&l.unit),
                right(l.unit_price.map_or_else(
                    // rule GEN-5: a zero quantity needs no price.
                    || {
                        if l.price_missing {
                            word(lang, "missing")
                        } else {
                            "—"
                        }
                        .into()
                    },
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
        out.push('\n');
        out.push_str(word(lang, "budgets_title"));
        out.push('\n');
        let mut b = table(
            lang,
            &[
                "budget",
                "monthly",
                "total_budget",
                "total_spend",
                "first_warning",
                "first_over",
                "cumulative_over",
            ],
        );
        for s in &q.budgets {
            let who = s.budget.name.clone().unwrap_or_else(|| {
                s.budget
                    .product
                    .map_or(word(lang, "whole_scenario"), |p| product_name(lang, p))
                    .to_string()
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
        out.push('\n');
        out.push_str(word(lang, "notes_title"));
        out.push('\n');
        for n in &q.notes {
            out.push_str(&format!("- {}\n", n.message.render(lang)));
        }
    }
    out
}

/// Every alternative per product, cheapest first.
pub fn comparison_table(c: &Comparison, lang: Lang) -> String {
    let mut out = lang.format(
        "report.table.alternatives_title",
        &[("scenario", &c.scenario), ("currency", c.currency.code())],
    );
    out.push('\n');
    for p in &c.products {
        out.push_str(&format!("\n{}\n", product_name(lang, p.product)));
        let mut t = table(
            lang,
            &["", "alternative", "plan", "total", "saving", "why_not"],
        );
        for a in &p.alternatives {
            let mark = match (a.recommended, a.current) {
                (true, true) => "★ ●",
                (true, false) => "★",
                (false, true) => "●",
                _ => "",
            };
            let total = match a.total {
                Some(t) if a.complete => cents_text(t),
                // What is known of an incomplete alternative: a lower bound.
                Some(t) => format!("≥ {}", cents_text(t)),
                None if !a.feasible => word(lang, "infeasible").into(),
                None => word(lang, "unknown").into(),
            };
            t.add_row(vec![
                Cell::new(mark),
                Cell::new(a.label.render(lang)),
                Cell::new(&a.plan),
                right(total),
                right(a.saving.map(cents_text).unwrap_or_default()),
                Cell::new(Message::render_list(&a.reasons, lang)),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    out.push('\n');
    out.push_str(word(lang, "legend"));
    out.push('\n');
    out
}

/// A source as the lists under the tables show it: `- KEY: title (url)`.
fn source_line(key: &str, s: &pricing::book::Source) -> String {
    let url = s
        .url
        .as_ref()
        .map(|u| format!(" ({u})"))
        .unwrap_or_default();
    format!("- {key}: {}{url}\n", s.title)
}

/// The columns of a price-book entry in every table that lists entries.
const ENTRY_COLUMNS: [&str; 11] = [
    "product", "site", "item", "plan", "regions", "amount", "unit", "from", "to", "rule", "source",
];

/// A price-book entry's cells, in [`ENTRY_COLUMNS`]' order. Long region lists are cut to the
/// first two and a count, unless `every_region`.
fn entry_cells(e: &PriceEntry, lang: Lang, every_region: bool) -> Vec<Cell> {
    let regions = match e.regions.len() {
        0 => word(lang, "all_regions").to_string(),
        1..=3 => e.regions.join(", "),
        _ if every_region => e.regions.join(", "),
        n => format!("{}, … ({n})", e.regions[..2].join(", ")),
    };
    vec![
        Cell::new(e.product.key()),
        Cell::new(e.site.key()),
        Cell::new(e.item.key()),
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
    ]
}

/// The price book on a date: the entries in force with their sources, then for TCR the quota
/// table in force and the regions with an instance price.
pub fn prices_table(view: &PricesView<'_>, lang: Lang) -> String {
    let date = view.date.to_string();
    let mut out = lang.format("report.table.prices_title", &[("date", &date)]);
    out.push('\n');
    let mut t = table(lang, &ENTRY_COLUMNS);
    for e in &view.entries {
        t.add_row(entry_cells(e, lang, false));
    }
    out.push_str(&t.to_string());
    out.push_str("\n\n");
    out.push_str(word(lang, "sources_title"));
    out.push('\n');
    let mut used: Vec<&str> = view.entries.iter().map(|e| e.source.as_str()).collect();
    if view.show_tcr {
        used.extend(view.quotas.map(|q| q.source.as_str()));
    }
    used.sort();
    used.dedup();
    for key in used {
        if let Some(s) = view.book.sources().get(key) {
            out.push_str(&source_line(key, s));
        }
    }
    if !view.show_tcr {
        return out;
    }
    out.push('\n');
    match view.quotas {
        None => {
            out.push_str(&lang.format("report.table.no_quotas", &[("date", &date)]));
            out.push('\n');
        }
        Some(q) => {
            out.push_str(&lang.format(
                "report.table.quotas_title",
                &[
                    ("date", &date),
                    ("version", &q.version),
                    ("from", &q.effective_from.to_string()),
                    ("rule", &q.rule),
                    ("source", &q.source),
                ],
            ));
            out.push('\n');
            let mut t = table(
                lang,
                &[
                    "quota",
                    "editions.personal",
                    "editions.basic",
                    "editions.standard",
                    "editions.premium",
                ],
            );
            for row in quota_rows(q) {
                let mut cells = vec![Cell::new(word(lang, &format!("quota_rows.{}", row.key)))];
                cells.extend(row.values.iter().zip(&row.raisable).map(|(v, raisable)| {
                    let text = v.text(lang);
                    if *raisable {
                        Cell::new(lang.format("report.table.raisable_note", &[("value", &text)]))
                    } else {
                        Cell::new(text)
                    }
                }));
                t.add_row(cells);
            }
            out.push_str(&t.to_string());
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(&lang.format("report.table.regions_title", &[("date", &date)]));
    out.push('\n');
    let mut header: Vec<Cell> = ["region", "name", "group", "availability"]
        .iter()
        .map(|k| Cell::new(word(lang, k)))
        .collect();
    header.extend(view.region_sites.iter().map(|s| Cell::new(s.key())));
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header);
    for r in &view.regions {
        let mut cells = vec![
            Cell::new(&r.region.region),
            Cell::new(match lang {
                Lang::ZhCn => &r.region.name_zh,
                Lang::En => &r.region.name,
            }),
            Cell::new(word(lang, &format!("groups.{}", r.region.group))),
            Cell::new(
                r.region
                    .availability
                    .as_deref()
                    .map(|a| word(lang, &format!("availability_values.{a}")))
                    .unwrap_or_default(),
            ),
        ];
        cells.extend(view.region_sites.iter().map(|s| {
            Cell::new(word(
                lang,
                if r.priced_on.contains(s) { "yes" } else { "no" },
            ))
        }));
        t.add_row(cells);
    }
    out.push_str(&t.to_string());
    out.push('\n');
    out
}

/// What `plancast prices import` shows: the update's entries and sources, then the saved
/// scenarios it changes with their totals before and after and the first month that differs.
pub fn update_preview(
    checked: &crate::price_updates::Checked,
    effect: &crate::price_updates::Effect,
    name: &str,
    lang: Lang,
) -> String {
    let update = &checked.update;
    let mut out = lang.format(
        "report.table.update_title",
        &[("name", name), ("count", &update.entries.len().to_string())],
    );
    out.push('\n');
    let mut t = table(lang, &ENTRY_COLUMNS);
    for e in &update.entries {
        // An update is short and names exactly what it changes: every region is shown.
        t.add_row(entry_cells(e, lang, true));
    }
    out.push_str(&t.to_string());
    out.push('\n');
    if !update.sources.is_empty() {
        out.push('\n');
        out.push_str(word(lang, "update_sources"));
        out.push('\n');
        for (key, s) in &update.sources {
            out.push_str(&source_line(key, s));
        }
    }
    out.push('\n');
    out.push_str(word(lang, "update_changes_title"));
    out.push('\n');
    if effect.changed.is_empty() {
        out.push_str(word(lang, "update_no_changes"));
        out.push('\n');
    } else {
        let mut t = table(
            lang,
            &["scenario", "total_before", "total_after", "first_month"],
        );
        for s in &effect.changed {
            let total = |amount: Decimal, complete: bool| {
                let mark = if complete { "" } else { " *" };
                format!("{} {}{mark}", cents_text(amount), s.currency)
            };
            t.add_row(vec![
                Cell::new(&s.name),
                right(total(s.change.total_before, s.change.complete_before)),
                right(total(s.change.total_after, s.change.complete_after)),
                Cell::new(s.change.first_month.to_string()),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
        if effect
            .changed
            .iter()
            .any(|s| !s.change.complete_before || !s.change.complete_after)
        {
            out.push_str(word(lang, "incomplete_footnote"));
            out.push('\n');
        }
    }
    out.push_str(&lang.format(
        "report.table.update_unchanged",
        &[
            ("unchanged", &effect.unchanged.to_string()),
            ("quotes", &effect.saved_quotes.to_string()),
        ],
    ));
    out.push('\n');
    if effect.not_quoted > 0 {
        out.push_str(&lang.format(
            "report.table.update_not_quoted",
            &[("count", &effect.not_quoted.to_string())],
        ));
        out.push('\n');
    }
    out
}

/// What `plancast prices diff` shows: each entry that starts or ends between two dates.
pub fn changes_table(
    book: &pricing::PriceBook,
    changes: &[(
        chrono::NaiveDate,
        pricing::update::Change,
        &pricing::PriceEntry,
    )],
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    lang: Lang,
) -> String {
    let mut out = lang.format(
        "report.table.changes_title",
        &[("from", &from.to_string()), ("to", &to.to_string())],
    );
    out.push('\n');
    if changes.is_empty() {
        out.push_str(word(lang, "no_changes"));
        out.push('\n');
        return out;
    }
    let columns: Vec<&str> = ["date", "change"]
        .into_iter()
        .chain(ENTRY_COLUMNS)
        .collect();
    let mut t = table(lang, &columns);
    for (date, change, e) in changes {
        let mut cells = vec![
            Cell::new(date.to_string()),
            Cell::new(word(lang, &format!("changes.{}", change.key()))),
        ];
        cells.extend(entry_cells(e, lang, false));
        t.add_row(cells);
    }
    out.push_str(&t.to_string());
    out.push('\n');
    let mut used: Vec<&str> = changes.iter().map(|(_, _, e)| e.source.as_str()).collect();
    used.sort();
    used.dedup();
    out.push('\n');
    out.push_str(word(lang, "sources_title"));
    out.push('\n');
    for key in used {
        if let Some(s) = book.sources().get(key) {
            out.push_str(&source_line(key, s));
        }
    }
    out
}

/// The preview of a bill import (`plancast actuals import`): what was read, the totals as
/// billed, the unmatched services and unreadable rows, and what the import changes.
pub fn bill_preview(p: &crate::bill_import::Prepared, lang: Lang) -> String {
    use bills::plan::ChangeKind;
    let s = &p.summary;
    let mut out = lang.format(
        "report.table.bill_title",
        &[
            ("file", &p.file_name),
            ("layout", s.layout.key()),
            ("encoding", s.encoding),
            ("scenario", &p.scenario_name),
            ("currency", p.plan.currency.code()),
        ],
    );
    out.push('\n');
    out.push_str(&lang.format(
        "report.table.bill_counts",
        &[
            ("rows", &s.rows.to_string()),
            ("matched", &s.matched.to_string()),
            ("unmatched", &s.unmatched.to_string()),
            ("unreadable", &s.unreadable.to_string()),
        ],
    ));
    out.push('\n');
    if let Some(c) = s.assumed_currency {
        out.push_str(&lang.format("report.table.bill_assumed", &[("currency", c.code())]));
        out.push('\n');
    }
    if !s.totals.is_empty() {
        out.push('\n');
        out.push_str(word(lang, "bill_totals_title"));
        out.push('\n');
        let mut t = table(
            lang,
            &["month", "product", "amount", "bill_credits", "bill_rows"],
        );
        for total in &s.totals {
            t.add_row(vec![
                Cell::new(total.month.to_string()),
                Cell::new(product_name(lang, total.product)),
                right(format!("{} {}", cents_text(total.amount), total.currency)),
                right(if total.credits.is_zero() {
                    String::new()
                } else {
                    format!("{} {}", cents_text(total.credits), total.currency)
                }),
                right(total.rows.to_string()),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    if !s.unmatched_services.is_empty() {
        out.push('\n');
        out.push_str(word(lang, "bill_unmatched_title"));
        out.push('\n');
        let mut t = table(lang, &["bill_service", "amount", "bill_rows"]);
        for u in &s.unmatched_services {
            let amounts: Vec<String> = u
                .amounts
                .iter()
                .map(|(c, a)| format!("{} {c}", cents_text(*a)))
                .collect();
            t.add_row(vec![
                Cell::new(if u.service.is_empty() {
                    "—"
                } else {
                    &u.service
                }),
                right(amounts.join(", ")),
                right(u.rows.to_string()),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    if !s.problems.is_empty() {
        out.push('\n');
        out.push_str(word(lang, "bill_problems_title"));
        out.push('\n');
        let mut t = table(lang, &["bill_line", "bill_problem"]);
        for problem in &s.problems {
            t.add_row(vec![
                right(problem.line.to_string()),
                Cell::new(problem.message.render(lang)),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
        let more = s.unreadable.saturating_sub(s.problems.len() as u64);
        if more > 0 {
            out.push_str(&lang.format(
                "report.table.bill_more_problems",
                &[("count", &more.to_string())],
            ));
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(&lang.format(
        "report.table.bill_changes_title",
        &[("currency", p.plan.currency.code())],
    ));
    out.push('\n');
    if p.plan.changes.is_empty() {
        out.push_str(word(lang, "bill_nothing"));
        out.push('\n');
    } else {
        let mut t = table(
            lang,
            &["month", "product", "bill_now", "bill_bill", "bill_change"],
        );
        for c in &p.plan.changes {
            let kind = match c.kind {
                ChangeKind::New => "bill_kind_new",
                ChangeKind::Replace => "bill_kind_replace",
                ChangeKind::Same => "bill_kind_same",
            };
            t.add_row(vec![
                Cell::new(c.month.to_string()),
                Cell::new(product_name(lang, c.product)),
                right(match (c.before, c.before_currency) {
                    (Some(a), Some(cur)) => format!("{} {cur}", cents_text(a)),
                    _ => "—".into(),
                }),
                right(cents_text(c.after)),
                Cell::new(word(lang, kind)),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    if !p.plan.outside_months.is_empty() {
        let months: Vec<String> = p
            .plan
            .outside_months
            .iter()
            .map(ToString::to_string)
            .collect();
        out.push_str(&lang.format(
            "report.table.bill_outside",
            &[("months", &months.join(", "))],
        ));
        out.push('\n');
    }
    if !p.plan.other_products.is_empty() {
        let products: Vec<&str> = p
            .plan
            .other_products
            .iter()
            .map(|p| product_name(lang, *p))
            .collect();
        out.push_str(&lang.format(
            "report.table.bill_other_products",
            &[("products", &products.join(", "))],
        ));
        out.push('\n');
    }
    out
}

/// The actual spend stored for a scenario (`plancast actuals list`).
pub fn actuals_table(scenario: &str, actuals: &[store::Actual], lang: Lang) -> String {
    let mut out = lang.format("report.table.actuals_title", &[("scenario", scenario)]);
    out.push('\n');
    let mut t = table(lang, &["month", "product", "amount", "actuals_from"]);
    for a in actuals {
        t.add_row(vec![
            Cell::new(a.month.to_string()),
            Cell::new(product_name(lang, a.product)),
            right(format!("{} {}", cents_text(a.amount), a.currency)),
            Cell::new(
                a.bill
                    .clone()
                    .unwrap_or_else(|| word(lang, "actuals_typed").into()),
            ),
        ]);
    }
    out.push_str(&t.to_string());
    out.push('\n');
    out
}
