//! The Rust side of the wizard's live cost panel: `cargo bench -p plancast --bench preview`.
//! Reads the scenario text, quotes it and draws the chart, as `preview_quote` does on every
//! keystroke (the IPC round trip itself is measured by `plancast-e2e`'s `measure` binary).

use criterion::{criterion_group, criterion_main, Criterion};
use plancast::commands::quotes::preview_quote;
use store::Store;

fn benches(c: &mut Criterion) {
    let store = Store::open_in_memory().expect("in-memory store");
    let doc = include_str!("../examples/startup-intl.json");
    c.bench_function("preview_quote_startup_intl", |b| {
        b.iter(|| {
            preview_quote(&store, std::hint::black_box(doc), "light", "en")
                .unwrap()
                .ok
        })
    });
    let long = doc.replace("\"months\": 12", "\"months\": 120");
    c.bench_function("preview_quote_120_months", |b| {
        b.iter(|| {
            preview_quote(&store, std::hint::black_box(&long), "light", "en")
                .unwrap()
                .ok
        })
    });
}

criterion_group!(preview_benches, benches);
criterion_main!(preview_benches);
