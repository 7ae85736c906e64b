//! One input taken through everything a scenario file reaches, for the fuzz target (`fuzz/`)
//! and the deterministic mutation test (`tests/mutations.rs`).
//!
//! The bytes are read as a scenario file is; an accepted scenario is written back and read
//! again (what the app's store and the CLI's `--currency` do), quoted and compared against the
//! built-in price book, and every part of the result the CLI and the app show is rendered: the
//! quote and the comparison as JSON, every message in both languages, the spend per product.
//! Refusing an input is fine; panicking, recursing without bound or taking time out of
//! proportion to the input is a bug.

use crate::book::PriceBook;
use crate::message::{Lang, Message};
use crate::money::exact_text;
use crate::quote::Quote;
use crate::scenario::parse_scenario;

/// What became of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Not UTF-8 text.
    NotText,
    /// Refused by the reader, with at least one message.
    Refused,
    /// Read, but refused when quoted (a dated rule, rule TCSS-PRO-5 for example).
    QuoteRefused,
    /// Read, quoted, compared and rendered.
    Quoted,
}

/// Takes `bytes` through the reader, the quote, the comparison and their rendering. Panics
/// only on a bug: an accepted scenario that does not read back as itself, a refusal with no
/// message, or a panic in the code it runs.
pub fn run(bytes: &[u8]) -> Outcome {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Outcome::NotText;
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let scenario = match parse_scenario(text) {
        Ok(s) => s,
        Err(errors) => {
            assert!(!errors.is_empty(), "a refusal without a message");
            errors.iter().for_each(|e| drop(e.to_string()));
            return Outcome::Refused;
        }
    };
    let written = scenario.to_json().to_string();
    match parse_scenario(&written) {
        Ok(again) => assert_eq!(
            again, scenario,
            "the scenario written back reads differently"
        ),
        Err(errors) => panic!("the scenario written back is refused: {errors:?}\n{written}"),
    }
    let book = PriceBook::builtin();
    let quote = match crate::quote(&scenario, book) {
        Ok(q) => q,
        Err(e) => {
            drop(e.to_string());
            return Outcome::QuoteRefused;
        }
    };
    render_quote(&quote);
    match crate::compare(&scenario, book) {
        Ok(cmp) => {
            serde_json::to_string(&cmp).expect("a comparison serializes");
            for alt in cmp.products.iter().flat_map(|p| &p.alternatives) {
                render(std::slice::from_ref(&alt.label));
                render(&alt.reasons);
                drop(alt.total.map(exact_text));
                drop(alt.saving.map(exact_text));
            }
        }
        Err(e) => drop(e.to_string()),
    }
    Outcome::Quoted
}

fn render(messages: &[Message]) {
    for lang in [Lang::En, Lang::ZhCn] {
        for m in messages {
            drop(m.render(lang));
            drop(m.to_json(lang));
        }
        drop(Message::render_list(messages, lang));
    }
}

fn render_quote(quote: &Quote) {
    serde_json::to_string(quote).expect("a quote serializes");
    drop(exact_text(quote.total));
    let notes: Vec<Message> = quote.notes.iter().map(|n| n.message.clone()).collect();
    render(&notes);
    for (k, month) in quote.months.iter().enumerate() {
        drop(exact_text(month.total));
        for line in &month.lines {
            drop(exact_text(line.quantity));
            drop(line.amount.map(exact_text));
            drop(line.converted.map(exact_text));
            render(&line.notes());
            render(&line.entry_message().into_iter().collect::<Vec<_>>());
            render(&quote.tcr_shortfall(k, line));
        }
    }
    drop(quote.spend());
}
