//! The memory a scenario file can make the reader use stays in proportion to the limits
//! (issue #9: a 200 MB array used more than 9 GB). Measured as the growth of the process's
//! peak resident memory (`VmHWM` in /proc/self/status, Linux), so this file holds one test:
//! nothing else runs in its process at the same time.

#![cfg(target_os = "linux")]

use pricing::jsonread::{self, Json, MAX_FILE_BYTES, MAX_LIST_ITEMS, MAX_VALUES};

/// The process's peak resident memory so far, in bytes.
fn peak() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kb: usize = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kb * 1024
}

/// `[0,0,…]` of `n` items, built without temporary copies (they would raise the peak).
fn zeros(n: usize, out: &mut String) {
    out.push('[');
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        out.push('0');
    }
    out.push(']');
}

const MIB: usize = 1 << 20;

#[test]
fn the_reader_uses_memory_in_proportion_to_the_limits() {
    // The largest array that fits in the size limit (about 524,000 items) is refused by the
    // list limit while scanned: nothing is built from it.
    let mut big = String::with_capacity(MAX_FILE_BYTES);
    zeros(MAX_FILE_BYTES / 2 - 1, &mut big);
    assert!(big.len() <= MAX_FILE_BYTES);
    let before = peak();
    let err = jsonread::parse(&big).unwrap_err();
    let grew = peak().saturating_sub(before);
    assert!(err.message.starts_with("too many items"), "{err}");
    assert!(
        grew < MIB,
        "refusing a 1 MiB array raised the peak by {grew} bytes"
    );
    drop(big);

    // The most a file within every limit can hold: 100,000 values (99 lists of 999 zeros and
    // one of 998, in an object). Parsed into `Json` it costs a bounded amount: under a few
    // hundred bytes a value at most, however the file is written (measured: 6.6 MiB for
    // 100,000 values, about 70 bytes a value; the bound asserted is 64 MiB).
    let mut text = String::with_capacity(256 * 1024);
    text.push('{');
    for i in 0..100 {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!("\"l{i}\":"));
        zeros(
            if i < 99 {
                MAX_LIST_ITEMS - 1
            } else {
                MAX_LIST_ITEMS - 2
            },
            &mut text,
        );
    }
    text.push('}');
    let before = peak();
    let json = jsonread::parse(&text).expect("within every limit");
    let grew = peak().saturating_sub(before);
    let Json::Object(members) = &json else {
        panic!()
    };
    let values = 1
        + members.len()
        + members
            .iter()
            .map(|(_, v)| match v {
                Json::Array(a) => a.len(),
                _ => 0,
            })
            .sum::<usize>();
    assert_eq!(values, MAX_VALUES);
    eprintln!(
        "{} bytes, {values} values: the peak grew by {:.1} MiB ({} bytes a value)",
        text.len(),
        grew as f64 / MIB as f64,
        grew / values
    );
    assert!(
        grew < 64 * MIB,
        "parsing {values} values raised the peak by {grew} bytes"
    );
}
