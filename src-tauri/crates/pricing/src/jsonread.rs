//! Strict JSON reading that keeps numbers as their exact text.
//!
//! serde_json reads numbers through `f64` unless its crate-wide `arbitrary_precision` feature
//! is on, and that feature changes serde_json for every crate in the app (Tauri's IPC
//! included). The scenario contract says numbers are read exactly as written, so scenario files
//! are parsed with jsonc-parser's syntax tree, which hands over each number's source text, and
//! this module then refuses everything that is not plain JSON (comments, trailing commas,
//! single quotes, bare words, duplicate keys, non-JSON number syntax).

use std::fmt;

use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions};

/// A JSON value whose numbers keep their source text.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number exactly as written, validated against the JSON number grammar.
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in file order; keys are unique.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The JSON type name used in error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }

    /// A short rendering of the value for messages ("got -5").
    pub fn brief(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(b) => b.to_string(),
            Json::Number(n) => n.clone(),
            Json::String(s) if s.chars().count() > 40 => {
                format!("\"{}…\"", s.chars().take(40).collect::<String>())
            }
            Json::String(s) => format!("\"{s}\""),
            Json::Array(_) => "a list".into(),
            Json::Object(_) => "an object".into(),
        }
    }
}

/// A syntax error with its line and column (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// The deepest nesting of lists and objects a scenario file may have. A scenario needs 4 (a
/// quantity's growth rule inside a list inside a product inside the file); the parser and
/// the reader recurse once per level, so an absurd depth must be refused before either runs
/// (a few kilobytes of brackets would otherwise overflow the stack).
pub const MAX_DEPTH: usize = 32;

/// Parses strict JSON text.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    check_depth(text)?;
    let options = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
    };
    let collect = CollectOptions {
        comments: CommentCollectionStrategy::Off,
        tokens: false,
    };
    let parsed = jsonc_parser::parse_to_ast(text, &collect, &options).map_err(|e| {
        let range = e.range();
        let (line, column) = line_col(text, range.start);
        SyntaxError {
            line,
            column,
            message: e.kind().to_string(),
        }
    })?;
    match parsed.value {
        Some(value) => convert(text, value),
        None => Err(SyntaxError {
            line: 1,
            column: 1,
            message: "the file is empty".into(),
        }),
    }
}

/// Refuses nesting deeper than [`MAX_DEPTH`], in one pass over the text (brackets inside
/// strings do not count).
fn check_depth(text: &str) -> Result<(), SyntaxError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (offset, byte) in text.bytes().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(error_at(
                        text,
                        offset,
                        format!("lists and objects are nested more than {MAX_DEPTH} deep"),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, column)
}

fn error_at(text: &str, offset: usize, message: impl Into<String>) -> SyntaxError {
    let (line, column) = line_col(text, offset);
    SyntaxError {
        line,
        column,
        message: message.into(),
    }
}

fn convert(text: &str, value: Value<'_>) -> Result<Json, SyntaxError> {
    Ok(match value {
        Value::NullKeyword(_) => Json::Null,
        Value::BooleanLit(b) => Json::Bool(b.value),
        Value::NumberLit(n) => {
            if !is_json_number(n.value) {
                return Err(error_at(
                    text,
                    n.range.start,
                    format!("{} is not a JSON number", n.value),
                ));
            }
            Json::Number(n.value.to_string())
        }
        Value::StringLit(s) => {
            if !text[s.range.start..].starts_with('"') {
                return Err(error_at(
                    text,
                    s.range.start,
                    "strings must use double quotes",
                ));
            }
            Json::String(s.value.into_owned())
        }
        Value::Array(a) => Json::Array(
            a.elements
                .into_iter()
                .map(|v| convert(text, v))
                .collect::<Result<Vec<_>, _>>()?,
        ),
        Value::Object(o) => {
            let mut members: Vec<(String, Json)> = Vec::with_capacity(o.properties.len());
            // Keys seen so far, for the duplicate check in linear time.
            let mut seen = std::collections::HashSet::with_capacity(o.properties.len());
            for prop in o.properties {
                let (name, start) = match prop.name {
                    ObjectPropName::String(s) => {
                        if !text[s.range.start..].starts_with('"') {
                            return Err(error_at(
                                text,
                                s.range.start,
                                "keys must use double quotes",
                            ));
                        }
                        (s.value.into_owned(), s.range.start)
                    }
                    ObjectPropName::Word(w) => {
                        return Err(error_at(
                            text,
                            w.range.start,
                            "keys must be strings in double quotes",
                        ))
                    }
                };
                if !seen.insert(name.clone()) {
                    return Err(error_at(text, start, format!("duplicate key \"{name}\"")));
                }
                members.push((name, convert(text, prop.value)?));
            }
            Json::Object(members)
        }
    })
}

/// The JSON number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(c) if c.is_ascii_digit() => {
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_text() {
        let v = parse(r#"{"a": 0.1, "b": [1e2, -0, 12345678901234567890.123456789]}"#).unwrap();
        let Json::Object(m) = v else { panic!() };
        assert_eq!(m[0].1, Json::Number("0.1".into()));
        assert_eq!(
            m[1].1,
            Json::Array(vec![
                Json::Number("1e2".into()),
                Json::Number("-0".into()),
                Json::Number("12345678901234567890.123456789".into()),
            ])
        );
    }

    #[test]
    fn refuses_what_is_not_plain_json() {
        for bad in [
            "{\"a\": 1,}",
            "{\"a\": 1 // c\n}",
            "{a: 1}",
            "{\"a\": 'x'}",
            "{\"a\": 1, \"a\": 2}",
            "{\"a\": 01}",
            "{\"a\": .5}",
            "{\"a\": +1}",
            "",
            "{\"a\": 0x10}",
        ] {
            assert!(parse(bad).is_err(), "accepted {bad:?}");
        }
        let err = parse("{\n  \"a\": 1,\n  \"a\": 2\n}").unwrap_err();
        assert_eq!((err.line, err.column), (3, 3));
        assert!(err.message.contains("duplicate key"));
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        // 5,000 levels used to overflow the stack in the parser; now it is a syntax error
        // naming where the limit was passed.
        for open in ["[", "{\"a\":"] {
            let text = open.repeat(5_000);
            let err = parse(&text).unwrap_err();
            assert!(err.message.contains("nested more than 32 deep"), "{err}");
            assert_eq!(err.line, 1);
        }
        // At the limit it parses; brackets inside strings do not count.
        let at_limit = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&at_limit).is_ok());
        let in_string = format!("{{\"a\": \"{}\\\"{}\"}}", "[".repeat(100), "{".repeat(100));
        assert!(parse(&in_string).is_ok(), "{in_string}");
    }

    #[test]
    fn many_keys_are_checked_for_duplicates_in_one_pass() {
        // 200,000 distinct keys (quadratic before), then one repeated at the end.
        let mut text = String::from("{");
        for i in 0..200_000 {
            text.push_str(&format!("\"k{i}\": {i},"));
        }
        let ok = format!("{}\"last\": 0}}", text);
        assert!(matches!(parse(&ok), Ok(Json::Object(m)) if m.len() == 200_001));
        let dup = format!("{}\"k7\": 0}}", text);
        assert!(parse(&dup)
            .unwrap_err()
            .message
            .contains("duplicate key \"k7\""));
    }
}
