//! Any bytes as a scenario file: read, written back and read again, quoted, compared and
//! rendered (`pricing::fuzz::run`). A panic, an abort or a stack overflow is a finding.
//!
//! Seed the corpus with the examples:
//! `mkdir -p fuzz/corpus/scenario && cp examples/*.json fuzz/corpus/scenario/`, then
//! `cargo +nightly fuzz run scenario -- -dict=fuzz/scenario.dict -max_len=65536 -timeout=5`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    pricing::fuzz::run(data);
});
