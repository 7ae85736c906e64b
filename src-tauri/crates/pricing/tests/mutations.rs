//! Mutated scenario files through the whole pricing path, deterministically (issue #9).
//!
//! 100,000 inputs built from `examples/*.json` with a fixed seed: byte flips, insertions,
//! deletions, splices between examples, numbers replaced with huge or odd ones
//! (79228162514264337593543950335, -0, 1e400…), strings replaced with long or odd ones, deep
//! nesting, long lists, members dropped or repeated; half of them change only values, so that
//! they get past the reader into the pricing. Each goes through [`pricing::fuzz::run`] (read,
//! write back and read again, quote, compare, render) under `catch_unwind`. The test fails on
//! any panic, with the message, the place (and its caller in pricing when the panic is in a
//! dependency), the mutant's number and a reduced input for the first few places, and on any
//! input that takes more than a second (a bound on pathological inputs, generous for a debug
//! build, not a speed test). A stack overflow or an abort kills the test process, which fails
//! it too; `PLANCAST_MUTANTS_TRACE=FILE` writes each input to FILE before it runs (on one
//! thread), so the last one can be found.
//!
//! It runs in the debug build of `cargo test --workspace` (scripts/test), on one thread a core:
//! most mutants are refused by the reader, which is cheap; about one in eleven is quoted and
//! compared. Measured on 2 cores shared with other builds: 71 s of CPU, 155 s wall; on 2 free
//! cores that is about 40 s, so it needs no release step of its own.
//! `PLANCAST_MUTANTS=N` changes the count, `PLANCAST_MUTANTS_SEED=S` the seed, and
//! `PLANCAST_MUTANT=N` runs mutant number N alone and shows it.
//!
//! This file holds one test: it installs its own panic hook, which is process-wide.

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::time::{Duration, Instant};

use pricing::fuzz::{self, Outcome};

const DEFAULT_COUNT: usize = 100_000;
const DEFAULT_SEED: u64 = 0x9e37_79b9_7f4a_7c15;
/// The bound on one input's time.
const TIME_BOUND: Duration = Duration::from_secs(1);

/// splitmix64: small, fixed and good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// Numbers chosen to break arithmetic and parsing: the decimal type's largest value and
/// beyond, its finest scale and beyond, exponents past any range, negative zero, the edges of
/// the integer types, and the edges of the scenario's own ranges.
const NUMBERS: &[&str] = &[
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "79228162514264337593543950336",
    "7922816251426433759354395033.5",
    "0.0000000000000000000000000001",
    "0.00000000000000000000000000001",
    "1e28",
    "1e29",
    "1e400",
    "1e-400",
    "1E+2",
    "1e-28",
    "2.5e10",
    "-0",
    "-0.0",
    "0",
    "0.5",
    "-1",
    "-0.0000001",
    "1",
    "2",
    "11",
    "12",
    "31",
    "119",
    "120",
    "121",
    "1000",
    "5000",
    "4999",
    "65535",
    "65536",
    "2147483647",
    "2147483648",
    "4294967295",
    "4294967296",
    "9007199254740993",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "340282366920938463463374607431768211456",
    "123456789012345678901234567890123456789",
    "3.14159265358979323846264338327950288419",
    "99999999999999999999.99999999",
    "1e4294967295",
    "1e-4294967296",
];

/// Strings: empty, long (at and over the limit), odd Unicode, escapes, and dates, months,
/// codes and keys that are almost right.
fn strings() -> Vec<String> {
    let mut list: Vec<String> = [
        "",
        " ",
        "\\u0000",
        "\\ud800",
        "\\\"",
        "\\\\",
        "😀",
        "中文名",
        "e\\u0301",
        "2027-01",
        "2027-13",
        "2027-00",
        "0000-01",
        "9999-12",
        "2027-02-29",
        "2028-02-29",
        "2027-1",
        "2027-01-01",
        "1900-01-01",
        "9999-12-31",
        "USD",
        "CNY",
        "EUR",
        "usd",
        "tcr",
        "tcss",
        "image_search",
        "auto",
        "premium",
        "basic",
        "standard",
        "personal",
        "payg",
        "monthly",
        "prepaid",
        "postpaid",
        "per_image",
        "tencent-intl",
        "tencent-cn",
        "aliyun-cn",
        "aliyun-intl",
        "ap-guangzhou",
        "ap-shanghai",
        "ap-singapore",
        "push_image",
        "instance_monthly",
        "instance_hourly",
        "pro_prepaid",
        "pro_postpaid",
        "package",
        "month",
        "hour",
        "GB-month",
        "79228162514264337593543950335",
        "-0",
        "1e400",
        "0.8",
        "1.5",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    list.push("x".repeat(10_000));
    list.push("x".repeat(10_001));
    list.push("中".repeat(10_000));
    list
}

/// JSON fragments to insert or to put in place of a value.
fn fragments() -> Vec<String> {
    let mut list: Vec<String> = [
        "{",
        "}",
        "[",
        "]",
        "\"",
        ",",
        ":",
        "\\",
        "null",
        "true",
        "false",
        "{}",
        "[]",
        "\"\"",
        "[0]",
        "{\"a\":1}",
        "1e400",
        "-0",
        "\u{feff}",
        "\u{0}",
        "//",
        "/*",
        "0x10",
        "'a'",
        "NaN",
        "Infinity",
        ",,",
        "\"a\":1,",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for depth in [31, 32, 33, 5_000] {
        list.push("[".repeat(depth));
        list.push(format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        list.push("{\"a\":".repeat(depth));
    }
    for n in [120, 1_000, 1_001, 10_001] {
        list.push(format!("[{}]", vec!["1"; n].join(",")));
    }
    list.push(format!(
        "{{{}}}",
        (0..1_001)
            .map(|i| format!("\"k{i}\":0"))
            .collect::<Vec<_>>()
            .join(",")
    ));
    list
}

/// A growth rule or a monthly list in place of a number: the quantity forms.
fn quantity_forms(rng: &mut Rng) -> String {
    let n = rng.pick(NUMBERS);
    let m = rng.pick(NUMBERS);
    match rng.below(4) {
        0 => format!("{{\"start\": {n}, \"monthly_percent\": {m}}}"),
        1 => format!("{{\"start\": {n}, \"monthly_add\": {m}}}"),
        2 => format!("{{\"start\": \"{n}\", \"monthly_percent\": \"{m}\"}}"),
        _ => {
            let len = *rng.pick(&[1, 11, 12, 13, 24, 120]);
            let items: Vec<&str> = (0..len).map(|_| *rng.pick(NUMBERS)).collect();
            format!("[{}]", items.join(", "))
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Token {
    Number,
    /// A string value.
    String,
    /// A string followed by a colon.
    Key,
}

/// The numbers and strings of a text (byte ranges, quotes included), found without parsing
/// so it works on text already mutated.
fn tokens(text: &[u8]) -> Vec<(Token, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < text.len() && text[i] != b'"' {
                    i += if text[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(text.len());
                let key = text[i..].trim_ascii_start().starts_with(b":");
                out.push((if key { Token::Key } else { Token::String }, start, i));
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < text.len()
                    && matches!(text[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    i += 1;
                }
                out.push((Token::Number, start, i));
            }
            _ => i += 1,
        }
    }
    out
}

/// Where the JSON value starting at or after `at` ends (after its closing bracket or quote).
fn value_end(text: &[u8], at: usize) -> usize {
    let mut i = at;
    while i < text.len() && text[i].is_ascii_whitespace() {
        i += 1;
    }
    let mut depth = 0usize;
    while i < text.len() {
        match text[i] {
            b'"' => {
                i += 1;
                while i < text.len() && text[i] != b'"' {
                    i += if text[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth == 0 => return i,
            b']' | b'}' => depth -= 1,
            b',' if depth == 0 => return i,
            c if c.is_ascii_whitespace() && depth == 0 => return i,
            _ => {}
        }
        i += 1;
        if i > text.len() {
            break;
        }
        if depth == 0 && matches!(text[i - 1], b'"' | b']' | b'}') {
            return i;
        }
    }
    text.len().min(i)
}

/// A random character boundary-agnostic position in `bytes` (mutants need not stay UTF-8).
fn position(rng: &mut Rng, bytes: &[u8]) -> usize {
    rng.below(bytes.len() + 1)
}

struct Mutator {
    examples: Vec<Vec<u8>>,
    strings: Vec<String>,
    fragments: Vec<String>,
}

impl Mutator {
    /// One mutation of any kind (`values_only`: of the kinds that keep valid JSON valid, so
    /// more mutants get past the reader and into the pricing).
    fn mutate_once(&self, rng: &mut Rng, input: &mut Vec<u8>, values_only: bool) {
        if input.is_empty() {
            let example = rng.pick(&self.examples).clone();
            input.extend_from_slice(&example);
        }
        let kind = if values_only {
            *rng.pick(&[7, 8, 9, 9, 10, 12, 14])
        } else {
            rng.below(16)
        };
        self.mutate_kind(rng, input, kind);
    }

    fn mutate_kind(&self, rng: &mut Rng, input: &mut Vec<u8>, kind: usize) {
        match kind {
            // Bytes: flip a bit, set a byte, insert, delete, duplicate a range.
            0 => {
                let i = rng.below(input.len());
                input[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(input.len());
                input[i] = *rng.pick(b"{}[]\",:\\ -.e0179aZ\n\t\x00\xff\xc3\x80");
            }
            2 => {
                let i = position(rng, input);
                let n = 1 + rng.below(8);
                // Mostly ASCII: random bytes are rarely UTF-8 and stop at the first check.
                let mask = if rng.chance(4) { 0xff } else { 0x7f };
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8 & mask).collect();
                input.splice(i..i, bytes);
            }
            3 => {
                let i = rng.below(input.len());
                let most = if rng.chance(4) { 200 } else { 8 };
                let n = (1 + rng.below(most)).min(input.len() - i);
                input.drain(i..i + n);
            }
            4 => {
                let i = rng.below(input.len());
                let n = (1 + rng.below(64)).min(input.len() - i);
                let copy = input[i..i + n].to_vec();
                let at = position(rng, input);
                input.splice(at..at, copy);
            }
            // Splice: a piece of another example in place of a piece of this one.
            5 => {
                let other = rng.pick(&self.examples);
                let (a, b) = (rng.below(other.len()), rng.below(other.len()));
                let piece = &other[a.min(b)..a.max(b)];
                let i = rng.below(input.len());
                let n = rng.below(input.len() - i + 1).min(piece.len() + 32);
                input.splice(i..i + n, piece.iter().copied());
            }
            // A fragment (brackets, deep nesting, long lists, many keys, bad syntax) inserted.
            6 => {
                let at = position(rng, input);
                let f = rng.pick(&self.fragments).clone();
                input.splice(at..at, f.into_bytes());
            }
            // Values, keeping the JSON valid more often than not.
            7 | 8 => self.replace_token(rng, input, Token::Number, |rng, _| {
                let n = rng.pick(NUMBERS);
                if rng.chance(4) {
                    format!("\"{n}\"")
                } else {
                    n.to_string()
                }
            }),
            // A number made larger, smaller, negative or finer: often still accepted.
            9 => {
                let toks: Vec<_> = tokens(input)
                    .into_iter()
                    .filter(|t| {
                        t.0 == Token::Number || (t.2 - t.1 > 2 && input[t.1 + 1].is_ascii_digit())
                    })
                    .collect();
                if !toks.is_empty() {
                    let (kind, start, end) = *rng.pick(&toks);
                    let (start, end) = if kind == Token::String {
                        (start + 1, end - 1)
                    } else {
                        (start, end)
                    };
                    let n = String::from_utf8_lossy(&input[start..end]).into_owned();
                    let changed = match rng.below(6) {
                        0 => format!("{n}{}", "0".repeat(1 + rng.below(30))),
                        1 => format!("-{n}"),
                        2 => format!("{n}.{}", "9".repeat(1 + rng.below(30))),
                        3 => format!("0.{}{n}", "0".repeat(rng.below(30))),
                        4 => format!("{n}e{}", rng.below(40)),
                        _ => format!("{n}{}", rng.below(10)),
                    };
                    input.splice(start..end, changed.into_bytes());
                }
            }
            10 | 11 => self.replace_token(rng, input, Token::String, |rng, m| {
                format!("\"{}\"", rng.pick(&m.strings))
            }),
            12 => self.replace_token(rng, input, Token::Number, |rng, _| quantity_forms(rng)),
            13 => {
                let tok = *rng.pick(&[Token::Number, Token::String]);
                self.replace_token(rng, input, tok, |rng, m| rng.pick(&m.fragments).clone())
            }
            // A member duplicated or dropped: copy a `"key": value` span, or cut one.
            14 => {
                let keys: Vec<_> = tokens(input)
                    .into_iter()
                    .filter(|t| t.0 == Token::Key)
                    .collect();
                if keys.is_empty() {
                    return;
                }
                let (_, start, key_end) = *rng.pick(&keys);
                let colon = key_end
                    + input[key_end..]
                        .iter()
                        .position(|&b| b == b':')
                        .unwrap_or(0);
                let end = value_end(input, colon + 1);
                if rng.chance(4) {
                    let member = input[start..end].to_vec();
                    input.splice(start..start, member.into_iter().chain(*b","));
                } else {
                    // The member and the comma after it, or else the one before it.
                    let after = input[end..].iter().position(|b| !b.is_ascii_whitespace());
                    let before = input[..start]
                        .iter()
                        .rposition(|b| !b.is_ascii_whitespace());
                    if let Some(p) = after.filter(|&p| input[end + p] == b',') {
                        input.drain(start..end + p + 1);
                    } else if let Some(p) = before.filter(|&p| input[p] == b',') {
                        input.drain(p..end);
                    } else {
                        input.drain(start..end);
                    }
                }
            }
            // Truncated.
            _ => {
                let n = rng.below(input.len());
                input.truncate(n);
            }
        }
    }

    fn replace_token(
        &self,
        rng: &mut Rng,
        input: &mut Vec<u8>,
        kind: Token,
        make: impl Fn(&mut Rng, &Self) -> String,
    ) {
        let toks: Vec<_> = tokens(input).into_iter().filter(|t| t.0 == kind).collect();
        if toks.is_empty() {
            return;
        }
        let (_, start, end) = *rng.pick(&toks);
        let value = make(rng, self);
        input.splice(start..end, value.into_bytes());
    }

    /// A mutant: one to four mutations (now and then up to twelve) of an example.
    /// Half of them change only values.
    fn mutant(&self, rng: &mut Rng) -> Vec<u8> {
        let mut input = rng.pick(&self.examples).clone();
        let values_only = rng.chance(2);
        let rounds = if values_only {
            1 + rng.below(3)
        } else if rng.chance(8) {
            1 + rng.below(12)
        } else {
            1 + rng.below(4)
        };
        for _ in 0..rounds {
            self.mutate_once(rng, &mut input, values_only);
        }
        input
    }
}

fn examples() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "examples/*.json");
    files.iter().map(|f| std::fs::read(f).unwrap()).collect()
}

thread_local! {
    /// Set while an input runs: its panics are recorded, not printed.
    static RUNNING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The panic of the input being run on this thread: its message and place.
    static LAST_PANIC: std::cell::RefCell<Option<(String, String)>> =
        const { std::cell::RefCell::new(None) };
}

fn install_hook() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !RUNNING.get() {
            return default(info);
        }
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".into());
        let mut place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        // A panic in a dependency (rust_decimal's arithmetic) is placed by its caller in
        // pricing too.
        if !place.starts_with("src-tauri/crates/pricing/") {
            let trace = std::backtrace::Backtrace::force_capture().to_string();
            if let Some(caller) = trace
                .lines()
                .filter_map(|l| l.trim().strip_prefix("at ./src/"))
                .find(|l| !l.starts_with("fuzz.rs"))
            {
                place = format!("{place}, called from src/{caller}");
            }
        }
        LAST_PANIC.set(Some((message, place)));
    }));
}

/// Runs one input; on a panic, its message and place.
fn run_one(input: &[u8]) -> Result<Outcome, (String, String)> {
    LAST_PANIC.take();
    RUNNING.set(true);
    let result = panic::catch_unwind(AssertUnwindSafe(|| fuzz::run(input)));
    RUNNING.set(false);
    result.map_err(|_| LAST_PANIC.take().unwrap_or_default())
}

/// A smaller input that panics at the same place: pieces are cut out while it still does.
fn reduce(input: &[u8], place: &str) -> Vec<u8> {
    let same = |candidate: &[u8]| matches!(run_one(candidate), Err((_, p)) if p == place);
    let mut best = input.to_vec();
    let mut chunk = best.len() / 2;
    let deadline = Instant::now() + Duration::from_secs(20);
    while chunk >= 1 && Instant::now() < deadline {
        let mut i = 0;
        let mut cut = false;
        while i + chunk <= best.len() && Instant::now() < deadline {
            let mut candidate = best.clone();
            candidate.drain(i..i + chunk);
            if same(&candidate) {
                best = candidate;
                cut = true;
            } else {
                i += chunk;
            }
        }
        if !cut {
            chunk /= 2;
        }
    }
    best
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// What one thread saw.
#[derive(Default)]
struct Seen {
    outcomes: BTreeMap<String, usize>,
    /// Panics by place: the message, how many inputs, and the shortest input (with its number).
    panics: BTreeMap<String, (String, usize, usize, Vec<u8>)>,
    /// Inputs over the time bound, with their number.
    slow: Vec<(Duration, usize, Vec<u8>)>,
    slowest: (Duration, usize, usize),
}

impl Seen {
    fn merge(&mut self, other: Seen) {
        for (k, n) in other.outcomes {
            *self.outcomes.entry(k).or_default() += n;
        }
        for (place, (message, times, number, input)) in other.panics {
            let entry = self
                .panics
                .entry(place)
                .or_insert((message, 0, number, input.clone()));
            entry.1 += times;
            if input.len() < entry.3.len() {
                (entry.2, entry.3) = (number, input);
            }
        }
        self.slow.extend(other.slow);
        self.slowest = self.slowest.max(other.slowest);
    }
}

/// Mutant number `i`: each has its own generator, so the run splits over threads and any one
/// mutant can be made again alone.
fn mutant(mutator: &Mutator, seed: u64, i: usize) -> Vec<u8> {
    let mut rng = Rng(seed ^ (i as u64).wrapping_mul(0xd134_2543_de82_ef95));
    rng.next();
    mutator.mutant(&mut rng)
}

fn run_share(mutator: &Mutator, seed: u64, numbers: impl Iterator<Item = usize>) -> Seen {
    let trace = std::env::var_os("PLANCAST_MUTANTS_TRACE");
    let mut seen = Seen::default();
    for i in numbers {
        let input = mutant(mutator, seed, i);
        if let Some(path) = &trace {
            std::fs::write(path, &input).unwrap();
        }
        let t = Instant::now();
        let result = run_one(&input);
        let mut took = t.elapsed();
        if took > TIME_BOUND {
            // Timed again, so a pause of the machine is not taken for a slow input.
            let t = Instant::now();
            let _ = run_one(&input);
            took = took.min(t.elapsed());
            if took > TIME_BOUND {
                seen.slow.push((took, i, input.clone()));
            }
        }
        seen.slowest = seen.slowest.max((took, i, input.len()));
        match result {
            Ok(outcome) => *seen.outcomes.entry(format!("{outcome:?}")).or_default() += 1,
            Err((message, place)) => {
                *seen.outcomes.entry("Panicked".into()).or_default() += 1;
                let entry = seen
                    .panics
                    .entry(place)
                    .or_insert((message, 0, i, input.clone()));
                entry.1 += 1;
                if input.len() < entry.3.len() {
                    (entry.2, entry.3) = (i, input);
                }
            }
        }
    }
    seen
}

#[test]
fn mutated_examples_never_panic_and_stay_within_the_time_bound() {
    let count = env_number("PLANCAST_MUTANTS").map_or(DEFAULT_COUNT, |n| n as usize);
    let seed = env_number("PLANCAST_MUTANTS_SEED").unwrap_or(DEFAULT_SEED);
    let mutator = Mutator {
        examples: examples(),
        strings: strings(),
        fragments: fragments(),
    };
    // The built-in book is loaded once, outside the timing of the first input.
    pricing::PriceBook::builtin();
    install_hook();

    if let Some(number) = env_number("PLANCAST_MUTANT") {
        // One mutant alone, shown with what became of it.
        let input = mutant(&mutator, seed, number as usize);
        let t = Instant::now();
        let result = run_one(&input);
        eprintln!(
            "mutant {number} ({} bytes) in {:.1} ms: {result:?}\n{}",
            input.len(),
            t.elapsed().as_secs_f64() * 1e3,
            String::from_utf8_lossy(&input)
        );
        assert!(result.is_ok());
        return;
    }

    // One thread a core (one with a trace file): the mutants do not depend on the split.
    let threads = if std::env::var_os("PLANCAST_MUTANTS_TRACE").is_some() {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    };
    let started = Instant::now();
    let mut seen = Seen::default();
    std::thread::scope(|scope| {
        let shares: Vec<_> = (0..threads)
            .map(|t| {
                let mutator = &mutator;
                scope.spawn(move || run_share(mutator, seed, (t..count).step_by(threads)))
            })
            .collect();
        for share in shares {
            seen.merge(
                share
                    .join()
                    .expect("the mutation run itself does not panic"),
            );
        }
    });
    let Seen {
        outcomes,
        panics,
        slow,
        slowest,
    } = seen;
    let elapsed = started.elapsed();
    eprintln!(
        "{count} mutants (seed {seed:#x}) on {threads} threads in {:.1} s: {outcomes:?}; \
         slowest: mutant {} ({} bytes), {:.1} ms",
        elapsed.as_secs_f64(),
        slowest.1,
        slowest.2,
        slowest.0.as_secs_f64() * 1e3,
    );

    let mut report = String::new();
    for (place, (message, times, number, input)) in panics.iter().take(8) {
        let reduced = reduce(input, place);
        report.push_str(&format!(
            "\npanic at {place} ({times} inputs, the shortest mutant {number}): {message}\n  \
             reduced input: {}\n",
            String::from_utf8_lossy(&reduced)
        ));
    }
    if panics.len() > 8 {
        report.push_str(&format!("\n… and {} more places\n", panics.len() - 8));
    }
    for (took, number, input) in slow.iter().take(3) {
        report.push_str(&format!(
            "\nslow input: mutant {number} ({:.2} s, bound {:?}), {} bytes: {}\n",
            took.as_secs_f64(),
            TIME_BOUND,
            input.len(),
            String::from_utf8_lossy(&input[..input.len().min(400)])
        ));
    }
    assert!(
        panics.is_empty() && slow.is_empty(),
        "{} panicking places, {} slow inputs:{report}",
        panics.len(),
        slow.len()
    );
}
