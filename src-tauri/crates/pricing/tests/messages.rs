//! Every message the pricing core can produce reads in English and in Chinese
//! (docs/scenario-format.md, "Messages"): a code without text in either catalogue fails here.

use std::path::Path;

use pricing::message::{catalogue_keys, Lang, Message};
use pricing::Product;

/// The message codes written in the crate's source (`Message::new("tcr.lifecycle")`, the
/// comparison's labels) and as the built-in price book's entry notes. Field paths look alike
/// (`tcss.cores`): in the scenario reader's files only `field.…` codes are taken, and the
/// path of `FieldError::new("…")` / `FieldError::coded("…")` is left out.
fn codes_in_source() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    let mut dirs = vec![root.join("src"), root.join("data")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).expect("read the crate") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let reader = ["scenario.rs", "jsonread.rs", "read.rs"]
                .iter()
                .any(|f| path.ends_with(f));
            if path.extension().is_some_and(|e| e == "rs" || e == "json") {
                texts.push((reader, std::fs::read_to_string(&path).expect("read")));
            }
        }
    }
    let mut codes = Vec::new();
    for (reader, text) in texts {
        for (i, _) in text.match_indices('"') {
            let rest = &text[i + 1..];
            let Some(end) = rest.find('"') else { continue };
            let literal = &rest[..end];
            // The reader's files name field paths everywhere: only its problems' codes.
            // Each product's messages are under its key (Image Search's also under `is.`).
            let prefix: Vec<String> = if reader {
                vec!["field.".into()]
            } else {
                [
                    "quote.", "price.", "book.", "is.", "compare.", "field.", "form.",
                ]
                .map(String::from)
                .into_iter()
                .chain(Product::ALL.map(|p| format!("{}.", p.key())))
                .collect()
            };
            let is_code = prefix.iter().any(|p| literal.starts_with(p.as_str()))
                && literal.len() > 4
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.');
            let before = text[..i].trim_end();
            let field_path =
                before.ends_with("FieldError::new(") || before.ends_with("FieldError::coded(");
            if is_code && !field_path && !literal.ends_with(".json") {
                codes.push(literal.to_string());
            }
        }
    }
    codes.sort();
    codes.dedup();
    codes
}

#[test]
fn every_code_in_the_source_has_text_in_both_languages() {
    let codes = codes_in_source();
    assert!(
        codes.len() > 50,
        "found only {} codes: {codes:?}",
        codes.len()
    );
    for lang in Lang::ALL {
        let missing: Vec<&String> = codes
            .iter()
            .filter(|c| lang.lookup(&format!("messages.{c}")).is_none())
            .collect();
        assert!(missing.is_empty(), "{lang}: no text for {missing:?}");
    }
}

#[test]
fn every_message_of_the_examples_renders_in_both_languages() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../examples");
    let mut seen = 0;
    for entry in std::fs::read_dir(examples).expect("examples") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let scenario = pricing::parse_scenario(&text).expect("valid example");
        let book = pricing::PriceBook::builtin();
        let quote = pricing::quote(&scenario, book).expect("quotes");
        let comparison = pricing::compare(&scenario, book).expect("compares");
        let mut messages: Vec<pricing::Message> =
            quote.notes.iter().map(|n| n.message.clone()).collect();
        for m in &quote.months {
            for l in &m.lines {
                messages.extend(l.notes());
            }
        }
        for p in &comparison.products {
            for a in &p.alternatives {
                messages.push(a.label.clone());
                messages.extend(a.reasons.iter().cloned());
            }
        }
        for m in messages {
            seen += 1;
            for lang in Lang::ALL {
                let text = m.render(lang);
                assert!(
                    !text.contains("{{") && !text.contains("$t(") && text != m.code.as_str(),
                    "{} in {lang}: {text}",
                    m.code
                );
            }
        }
    }
    assert!(seen > 20);
}

#[test]
fn the_catalogues_have_the_same_entries() {
    assert_eq!(catalogue_keys(Lang::En), catalogue_keys(Lang::ZhCn));
}

/// The bounds a figure is checked against are named by key (`field.allowed.amount`), so
/// the scan above cannot see them: each has its words in both languages.
#[test]
fn every_bound_has_text_in_both_languages() {
    for key in [
        "amount",
        "rate",
        "growth",
        "add",
        "whole",
        "number",
        "months",
        "warn_at",
        "elastic_cap",
    ] {
        for lang in [Lang::En, Lang::ZhCn] {
            let code = format!("field.allowed.{key}");
            let text = Message::new(&code).render(lang);
            assert_ne!(text, code, "{lang}: no text for {code}");
        }
    }
}

/// The wizard's product forms name their groups and choices by codes made from data (a
/// region's group, an edition's key), which the scan cannot see: every message a form shows,
/// nested ones too, has text in both languages.
#[test]
fn every_product_form_reads_in_both_languages() {
    fn codes(m: &Message, out: &mut Vec<String>) {
        out.push(m.code.to_string());
        for (_, arg) in &m.args {
            match arg {
                pricing::message::Arg::Msg(inner) => codes(inner, out),
                pricing::message::Arg::List(list) => list.iter().for_each(|m| codes(m, out)),
                _ => {}
            }
        }
    }
    let book = pricing::PriceBook::builtin();
    let mut all = Vec::new();
    for product in pricing::Product::ALL {
        let form = pricing::products::form(product, book);
        assert_eq!(form.product, product);
        for m in form.messages() {
            codes(m, &mut all);
        }
    }
    all.sort();
    all.dedup();
    assert!(all.len() > 60, "only {} codes: {all:?}", all.len());
    for lang in Lang::ALL {
        let missing: Vec<&String> = all
            .iter()
            .filter(|c| lang.lookup(&format!("messages.{c}")).is_none())
            .collect();
        assert!(missing.is_empty(), "{lang}: no text for {missing:?}");
    }
}
