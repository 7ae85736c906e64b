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

/// Parses strict JSON text.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
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
                if members.iter().any(|(k, _)| *k == name) {
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
}
