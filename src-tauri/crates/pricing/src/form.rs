//! How the app's scenario wizard asks for a product's part of a scenario: a form description,
//! written in the product's own folder (`products/<product>/form.rs`) and drawn by the wizard
//! as the product's step, its quantities on the Growth step and its settings on Review.
//!
//! A field names where its value goes in the product's object of a scenario file (its `key`,
//! dotted for nested objects: `needs.namespaces`), what kind of input asks for it and what it
//! is called. Labels, hints and choices are message codes with arguments
//! ([`crate::message`]), so the form reads in the user's language from the product's two
//! catalogue entries and the app needs no words of its own for it.
//!
//! The wizard writes a field into the file as the scenario format asks
//! (docs/scenario-format.md): a choice as its value, a quantity as a number, a list or a
//! growth rule, a whole number as a number, a toggle as `true`/`false`, a set as a list. Fields
//! of a loaded file that no form names are carried through unchanged.

use serde::Serialize;

use crate::ids::Product;
use crate::message::Message;

/// A product's step of the wizard.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProductForm {
    pub product: Product,
    /// One line on the wizard's choice of products: what the product's step asks about.
    #[cfg_attr(feature = "ts", ts(type = "Message"))]
    pub blurb: Message,
    /// In the order the step shows them.
    pub fields: Vec<FormField>,
}

/// One thing the product's step asks for.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FormField {
    /// Where the value goes in the product's object of a scenario file (`region`,
    /// `needs.namespaces`); empty for a heading or a note.
    pub key: &'static str,
    #[cfg_attr(feature = "ts", ts(type = "Message"))]
    pub label: Message,
    #[cfg_attr(feature = "ts", ts(type = "Message | null"))]
    pub hint: Option<Message>,
    pub input: FormInput,
    /// Asked (and written) only while another field of the form has a given value.
    pub when: Option<FormCondition>,
    /// Takes the form's whole width (choices shown as buttons, sets).
    pub wide: bool,
    /// Listed with the product's settings on the Review step (a toggle only when on).
    pub review: bool,
}

/// The kind of input, with what it offers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FormInput {
    /// The product's site: one of [`Product::sites`], each with the currency it bills in. The
    /// wizard's market and report currency choose it; the step can change it.
    Site,
    /// One of `options`: side by side as buttons when `buttons`, else a list (grouped when the
    /// options name groups).
    Choice {
        options: Vec<FormChoice>,
        default: String,
        buttons: bool,
    },
    /// A quantity per month: one number, a growth rule or a list of values (the Growth step
    /// edits its shape). A blank one is left out of the file unless `required`.
    Quantity { default: String, required: bool },
    /// A whole number; left out of the file when blank.
    Whole,
    /// Yes or no. `always` writes `false` too; otherwise only `true` is written.
    Toggle { always: bool },
    /// Any of `options`, written as a list in their order.
    Set { options: Vec<FormChoice> },
    /// A heading above the fields that follow.
    Heading,
    /// A line of text that depends on another field (`by`): the note for its current value.
    Note {
        by: &'static str,
        notes: Vec<FormNote>,
    },
}

/// One value a choice or a set offers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FormChoice {
    pub value: String,
    #[cfg_attr(feature = "ts", ts(type = "Message"))]
    pub label: Message,
    /// The group a long list shows it under.
    #[cfg_attr(feature = "ts", ts(type = "Message | null"))]
    pub group: Option<Message>,
    /// Shown beside the label in the list and under the field while chosen.
    #[cfg_attr(feature = "ts", ts(type = "Message | null"))]
    pub note: Option<Message>,
    /// Shown only under the field while chosen.
    #[cfg_attr(feature = "ts", ts(type = "Message | null"))]
    pub hint: Option<Message>,
}

impl FormChoice {
    /// A value and its label, with no group, note or hint.
    pub fn new(value: impl Into<String>, label: Message) -> FormChoice {
        FormChoice {
            value: value.into(),
            label,
            group: None,
            note: None,
            hint: None,
        }
    }
}

/// "While the field `key` is `equals`".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FormCondition {
    pub key: &'static str,
    pub equals: &'static str,
}

/// A note's text for one value of the field it depends on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FormNote {
    pub value: String,
    #[cfg_attr(feature = "ts", ts(type = "Message"))]
    pub text: Message,
}

impl FormField {
    /// A field at `key` labelled `label`, narrow, not on Review, always asked.
    pub fn new(key: &'static str, label: Message, input: FormInput) -> FormField {
        FormField {
            key,
            label,
            hint: None,
            input,
            when: None,
            wide: false,
            review: false,
        }
    }

    /// The product's site, labelled as every product's site is.
    pub fn site() -> FormField {
        FormField::new("site", Message::new("form.site"), FormInput::Site)
    }

    /// The free trial toggle, labelled as every product's trial is, always written.
    pub fn trial() -> FormField {
        FormField::new(
            "trial",
            Message::new("form.trial"),
            FormInput::Toggle { always: true },
        )
        .on_review()
    }

    /// A heading over the fields that follow.
    pub fn heading(label: Message) -> FormField {
        FormField::new("", label, FormInput::Heading).wide()
    }

    /// A quantity with its default (`""` for none).
    pub fn quantity(key: &'static str, label: Message, default: &str) -> FormField {
        FormField::new(
            key,
            label,
            FormInput::Quantity {
                default: default.to_owned(),
                required: false,
            },
        )
    }

    /// A quantity the file must give.
    pub fn required_quantity(key: &'static str, label: Message, default: &str) -> FormField {
        FormField::new(
            key,
            label,
            FormInput::Quantity {
                default: default.to_owned(),
                required: true,
            },
        )
    }

    pub fn hint(mut self, hint: Message) -> FormField {
        self.hint = Some(hint);
        self
    }

    pub fn wide(mut self) -> FormField {
        self.wide = true;
        self
    }

    pub fn on_review(mut self) -> FormField {
        self.review = true;
        self
    }

    pub fn when(mut self, key: &'static str, equals: &'static str) -> FormField {
        self.when = Some(FormCondition { key, equals });
        self
    }
}

impl ProductForm {
    /// Every message the form shows (labels, hints, choices, notes), for the catalogue test.
    pub fn messages(&self) -> Vec<&Message> {
        let mut out = vec![&self.blurb];
        for field in &self.fields {
            out.push(&field.label);
            out.extend(field.hint.as_ref());
            let choices: &[FormChoice] = match &field.input {
                FormInput::Choice { options, .. } | FormInput::Set { options } => options,
                _ => &[],
            };
            for choice in choices {
                out.push(&choice.label);
                out.extend(
                    [&choice.group, &choice.note, &choice.hint]
                        .into_iter()
                        .flatten(),
                );
            }
            if let FormInput::Note { notes, .. } = &field.input {
                out.extend(notes.iter().map(|n| &n.text));
            }
        }
        out
    }
}
