//! Measures the desktop app in the real webview (a measurement, not a test):
//!
//! - launch to first paint: wall time from asking tauri-driver for a session to the scenario
//!   list being on screen, and the page's own first-contentful-paint time;
//! - resident memory of the app and its WebKit processes after the examples are loaded;
//! - the live cost panel's round trip: `preview_quote` (IPC + quote + chart) called from the
//!   page as the wizard does on a keystroke, 300 times, p50 / p95 / max.
//!
//! Run: `npm run build && cargo build -p plancast &&
//! cargo run -p plancast-e2e --bin measure --release` (it starts its own Xvfb display)

use std::time::Instant;

use plancast_e2e::{processes_with_home, App};
use serde_json::{json, Value};

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * (sorted.len() as f64 - 1.0)).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let app = App::launch().await?;
    app.element("[data-test=scenario-row]").await?;
    let to_list = started.elapsed();
    let fcp = app
        .script("return (performance.getEntriesByName('first-contentful-paint')[0] || performance.getEntriesByType('paint').slice(-1)[0] || {startTime: null}).startTime;")
        .await?;
    println!(
        "launch → scenario list on screen: {:.0} ms (includes tauri-driver session set-up)",
        to_list.as_secs_f64() * 1000.0
    );
    println!("first contentful paint (page clock): {fcp} ms");

    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let pids = processes_with_home(app.home.path());
    let total: u64 = pids.iter().map(|&p| rss_kib(p)).sum();
    println!(
        "resident memory after loading the examples: {:.1} MiB across {} processes",
        total as f64 / 1024.0,
        pids.len()
    );

    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/startup-intl.json"
    ))?;
    let body = format!(
        "const done = arguments[arguments.length - 1];\n\
         const doc = {doc};\n\
         (async () => {{\n\
           const times = [];\n\
           for (let i = 0; i < 300; i++) {{\n\
             doc.tcss.cores.start = 64 + (i % 50);\n\
             const text = JSON.stringify(doc);\n\
             const t0 = performance.now();\n\
             const r = await window.__TAURI_INTERNALS__.invoke('preview_quote', {{ document: text, theme: 'light', lang: 'en' }});\n\
             times.push(performance.now() - t0);\n\
             if (!r.ok) {{ done({{ error: r.errors }}); return; }}\n\
           }}\n\
           done(times);\n\
         }})().catch((e) => done({{ error: String(e) }}));",
        doc = serde_json::to_string(&serde_json::from_str::<Value>(&doc)?)?
    );
    let result = app
        .driver
        .execute_async(&body, Vec::<Value>::new())
        .await?
        .json()
        .clone();
    let Some(times) = result.as_array() else {
        return Err(format!("preview_quote failed: {result}").into());
    };
    let mut ms: Vec<f64> = times.iter().filter_map(Value::as_f64).collect();
    ms.sort_by(|a, b| a.total_cmp(b));
    println!(
        "{}",
        json!({
            "preview_quote_calls": ms.len(),
            "p50_ms": percentile(&ms, 50.0),
            "p95_ms": percentile(&ms, 95.0),
            "max_ms": ms.last(),
        })
    );
    app.close().await?;
    Ok(())
}
