//! The output snapshot: every quote and comparison of the examples and of generated scenarios
//! (sites, editions, billings, licences, caps, scans, logs, trials, price dates), written out
//! field by field and reduced to a digest that is committed in `tests/snapshot.digest`.
//!
//! A faster path or a new layout must not change a result. When a change is meant to change
//! results, `UPDATE_SNAPSHOT=1 cargo test -p pricing --test snapshot` writes the new digest;
//! the whole text is written to `target/…/snapshot.txt` on every run, so two runs can be
//! compared line by line (`diff`) to review what changed.

use std::fmt::Write;
use std::path::Path;

use pricing::message::Lang;
use pricing::{compare, parse_scenario, quote, PriceBook, Quote, Scenario};

#[path = "../benches/common/mod.rs"]
mod common;

/// How many generated seeds are tried (about two thirds give a valid scenario).
const SEEDS: u64 = 10_000;

fn scenarios() -> Vec<Scenario> {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../examples");
    let mut files: Vec<_> = std::fs::read_dir(examples)
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let mut out: Vec<Scenario> = files
        .iter()
        .map(|f| parse_scenario(&std::fs::read_to_string(f).expect("read")).expect("valid"))
        .collect();
    out.push(common::three_products(120, 120, 2_000_000));
    out.extend((0..40u32).map(|i| {
        common::three_products(12 + i * 2, 20 + i * 37, 100_000 + u64::from(i) * 1_400_000)
    }));
    out.extend((0..SEEDS).filter_map(|seed| parse_scenario(&common::varied(seed)).ok()));
    out
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serialises")
}

fn write_quote(out: &mut String, q: &Quote) {
    let en = Lang::En;
    let _ = writeln!(
        out,
        "quote {} {} complete={} total={}",
        q.scenario, q.currency, q.complete, q.total
    );
    for n in &q.notes {
        let _ = writeln!(
            out,
            "  note {:?} {} {}",
            n.product,
            n.code(),
            n.message.render(en)
        );
    }
    for m in &q.months {
        let _ = writeln!(
            out,
            " month {} total={} complete={}",
            m.month, m.total, m.complete
        );
        for l in &m.lines {
            let notes: Vec<String> = l.notes().iter().map(|n| n.render(en)).collect();
            let _ = writeln!(
                out,
                "  line {} {} {:?} {} {} {:?} {:?} {} {:?} {} {:?} missing={} custom={} infeasible={} {:?} {:?}",
                l.product.key(), l.item, l.plan, l.quantity, l.unit, l.unit_price, l.amount,
                l.currency, l.converted, l.rule, l.source, l.price_missing, l.custom_quote,
                l.infeasible, l.entry_id, notes
            );
        }
        for b in &m.budgets {
            let _ = writeln!(out, "  budget {}", json(b));
        }
    }
    for b in &q.budgets {
        let _ = writeln!(out, " budget summary {}", json(b));
    }
    let _ = writeln!(out, " tcr {}", json(&q.tcr()));
    let _ = writeln!(out, " tcss {}", json(&q.tcss()));
    let _ = writeln!(out, " image_search {}", json(&q.image_search()));
    let _ = writeln!(out, " entries {}", q.entries.len());
}

fn snapshot_text() -> String {
    let book = PriceBook::builtin();
    let mut out = String::new();
    for s in scenarios() {
        match quote(&s, book) {
            Ok(q) => write_quote(&mut out, &q),
            Err(e) => {
                let _ = writeln!(out, "quote error {e}");
            }
        }
        match compare(&s, book) {
            Ok(c) => {
                for p in &c.products {
                    let _ = writeln!(out, "compare {}", p.product.key());
                    for a in &p.alternatives {
                        let reasons: Vec<String> =
                            a.reasons.iter().map(|r| r.render(Lang::En)).collect();
                        let _ = writeln!(
                            out,
                            "  {} {} {:?} {} feasible={} complete={} current={} recommended={} {:?} {:?}",
                            a.plan, a.label.render(Lang::En), a.total, a.currency, a.feasible,
                            a.complete, a.current, a.recommended, a.saving, reasons
                        );
                    }
                }
            }
            Err(e) => {
                let _ = writeln!(out, "compare error {e}");
            }
        }
    }
    out
}

/// FNV-1a, 64 bits: a digest that is the same on every platform and Rust version.
fn digest(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!(
        "{h:016x} {} bytes {} lines",
        text.len(),
        text.lines().count()
    )
}

#[test]
fn quotes_and_comparisons_match_the_committed_snapshot() {
    let text = snapshot_text();
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("snapshot.txt");
    std::fs::write(&target, &text).expect("write the snapshot text");
    let actual = digest(&text);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshot.digest");
    if std::env::var_os("UPDATE_SNAPSHOT").is_some() {
        std::fs::write(&path, format!("{actual}\n")).expect("write the digest");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        expected.trim(),
        actual,
        "the quotes and comparisons changed (text in {}); if intended, run \
         UPDATE_SNAPSHOT=1 cargo test -p pricing --test snapshot and review the change",
        target.display()
    );
}
