//! The wizard's product forms (`products/<product>/form.rs`) ask only for what a scenario file
//! may hold: a file written from a form, with every field filled and every choice tried, is
//! read without a problem, and the reader keeps what the form wrote. The reader refuses an
//! unknown key, so a form field the format does not have fails here.

use pricing::form::{FormInput, ProductForm};
use pricing::{parse_scenario, PriceBook, Product};
use serde_json::{json, Map, Value};

fn set(section: &mut Map<String, Value>, key: &str, value: Value) {
    let mut parts: Vec<&str> = key.split('.').collect();
    let last = parts.pop().expect("a key");
    let mut node = section;
    for part in parts {
        node = node
            .entry(part)
            .or_insert_with(|| json!({}))
            .as_object_mut()
            .expect("an object");
    }
    node.insert(last.to_owned(), value);
}

/// The product's object with every field the form asks filled (`choices` overrides the
/// defaults of choices), as the wizard writes it.
fn section(product: Product, form: &ProductForm, choices: &[(&str, &str)]) -> Map<String, Value> {
    let mut out = Map::new();
    let chosen = |key: &str, default: &str| {
        choices
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(default.to_owned(), |(_, v)| (*v).to_owned())
    };
    for field in &form.fields {
        if let Some(condition) = &field.when {
            if out.get(condition.key) != Some(&json!(condition.equals)) {
                continue;
            }
        }
        let value = match &field.input {
            FormInput::Site => json!(chosen(field.key, product.sites()[0].key())),
            FormInput::Choice { default, .. } => json!(chosen(field.key, default)),
            FormInput::Quantity { default, .. } => {
                json!(if default.is_empty() { "1" } else { default })
            }
            FormInput::Whole => json!(40),
            FormInput::Toggle { .. } => json!(true),
            FormInput::Set { options } => {
                json!(options.iter().map(|o| o.value.clone()).collect::<Vec<_>>())
            }
            FormInput::Heading | FormInput::Note { .. } => continue,
        };
        set(&mut out, field.key, value);
    }
    out
}

fn read(product: Product, section: Map<String, Value>) -> Value {
    let currency = section["site"]
        .as_str()
        .and_then(pricing::Site::from_key)
        .map(|s| s.currency().to_string())
        .expect("a site");
    let mut doc = json!({
        "plancast": 1, "name": "Form", "start": "2027-01", "months": 12, "currency": currency,
    });
    doc[product.key()] = Value::Object(section);
    let text = doc.to_string();
    match parse_scenario(&text) {
        Ok(scenario) => scenario.to_json(),
        Err(problems) => panic!(
            "{text}\n{:?}",
            problems
                .iter()
                .map(|p| format!("{}: {}", p.path, p.message))
                .collect::<Vec<_>>()
        ),
    }
}

/// A value with numbers as text: the reader writes back `"50"` as `50`.
fn plain(value: &Value) -> Value {
    match value {
        Value::Number(n) => Value::String(n.to_string()),
        Value::Array(list) => Value::Array(list.iter().map(plain).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), plain(v))).collect())
        }
        other => other.clone(),
    }
}

#[test]
fn a_file_written_from_each_form_is_read_back_as_written() {
    let book = PriceBook::builtin();
    for product in Product::ALL {
        let form = pricing::products::form(product, book);
        let written = section(product, &form, &[]);
        let back = read(product, written.clone());
        for (key, value) in &written {
            let kept = back[product.key()].get(key).map(plain);
            assert_eq!(kept, Some(plain(value)), "{product:?}.{key} not kept");
        }
    }
}

#[test]
fn every_choice_every_site_and_every_condition_of_each_form_is_readable() {
    let book = PriceBook::builtin();
    let mut tried = 0;
    for product in Product::ALL {
        let form = pricing::products::form(product, book);
        for site in product.sites() {
            read(product, section(product, &form, &[("site", site.key())]));
            tried += 1;
        }
        for field in &form.fields {
            if let FormInput::Choice { options, .. } = &field.input {
                for option in options {
                    read(
                        product,
                        section(product, &form, &[(field.key, &option.value)]),
                    );
                    tried += 1;
                }
            }
        }
    }
    // Regions alone are over twenty.
    assert!(tried > 30, "{tried}");
}

#[test]
fn a_field_shown_on_a_condition_names_a_choice_of_its_form() {
    let book = PriceBook::builtin();
    for product in Product::ALL {
        let form = pricing::products::form(product, book);
        for field in &form.fields {
            let Some(condition) = &field.when else {
                continue;
            };
            let offered = form.fields.iter().any(|f| {
                f.key == condition.key
                    && matches!(&f.input, FormInput::Choice { options, .. }
                        if options.iter().any(|o| o.value == condition.equals))
            });
            assert!(offered, "{}: {condition:?}", field.key);
        }
    }
}
