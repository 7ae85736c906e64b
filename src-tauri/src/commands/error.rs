//! The one error type that crosses IPC.
//!
//! The UI decides what to do from [`ErrorCode`] (highlight a field, offer to retry, show a
//! generic failure); `message` is for people and is never matched on. Add a code only when the
//! UI acts on it differently from the existing ones.

use serde::Serialize;
use ts_rs::TS;

/// What kind of failure happened, as the UI needs to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request was wrong; `field` names the offending input when there is one.
    InvalidInput,
    /// The thing asked for does not exist (any more).
    NotFound,
    /// The local database failed or is from a newer version of Plancast.
    Database,
    /// Reading or writing a file failed.
    Io,
    /// A bug: something that should not happen did. The message says what.
    Internal,
}

/// One problem with one input field: `path` is a request field (`amount`) or, for a scenario
/// document, the path inside it (`tcss.cores[3]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldErrorDto {
    pub path: String,
    /// The problem in English (logs, and fields that have no code).
    pub message: String,
    /// The problem as a code with arguments, which the UI words in its language beside the
    /// field's label. Absent for problems found outside the scenario reader.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<super::dto::MessageView>,
}

impl From<pricing::FieldError> for FieldErrorDto {
    fn from(error: pricing::FieldError) -> Self {
        let detail = (error.detail.code != "field.text").then(|| (&error.detail).into());
        let pricing::FieldError { path, message, .. } = error;
        Self {
            path,
            message,
            detail,
        }
    }
}

/// An error returned by a command, serialised as `{ code, message, field, fields }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// The request field this error is about, as named in the request type (for a scenario
    /// document: the path of its first problem).
    pub field: Option<String>,
    /// Every field problem of an input checked whole (a scenario document, a user price), so
    /// the UI can mark every wrong field at once. Left out of the JSON when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fields: Option<Vec<FieldErrorDto>>,
    /// The problem as a message code with arguments, for the UI to say in the user's language
    /// (`message` is its English text). Left out of the JSON when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub detail: Option<Box<super::dto::MessageView>>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            field: None,
            fields: None,
            detail: None,
        }
    }

    /// An error whose problem is a core message: its English text as `message`, and the
    /// message itself as `detail` for the UI to render in the user's language.
    pub fn coded(code: ErrorCode, message: &pricing::Message) -> Self {
        Self {
            detail: Some(Box::new(message.into())),
            ..Self::new(code, message.render(pricing::Lang::En))
        }
    }

    /// `invalid_input` listing every problem of a scenario document; `field` is the first.
    pub fn invalid_fields(errors: Vec<pricing::FieldError>) -> Self {
        let fields: Vec<FieldErrorDto> = errors.into_iter().map(FieldErrorDto::from).collect();
        let message = match fields.as_slice() {
            [] => "the scenario is not valid".to_owned(),
            [one] => field_text(one),
            [first, rest @ ..] => format!(
                "{} (and {} more problem{})",
                field_text(first),
                rest.len(),
                if rest.len() == 1 { "" } else { "s" }
            ),
        };
        Self {
            code: ErrorCode::InvalidInput,
            message,
            field: fields.first().map(|f| f.path.clone()),
            fields: Some(fields),
            detail: None,
        }
    }

    /// Every field problem: `fields`, or the one `field` when only that is known.
    pub fn field_errors(&self) -> Vec<FieldErrorDto> {
        match (&self.fields, &self.field) {
            (Some(fields), _) => fields.clone(),
            (None, field) => vec![FieldErrorDto {
                path: field.clone().unwrap_or_default(),
                message: self.message.clone(),
                detail: None,
            }],
        }
    }

    pub fn database(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Database, message)
    }

    /// An invalid-input error about one field of the request.
    pub fn invalid_field(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            message: message.into(),
            field: Some(field.into()),
            fields: None,
            detail: None,
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }
}

fn field_text(error: &FieldErrorDto) -> String {
    if error.path.is_empty() {
        error.message.clone()
    } else {
        format!("{}: {}", error.path, error.message)
    }
}

/// Store failures: a missing row is `not_found`, input the store refused is `invalid_input`
/// on its field, a newer or damaged database and SQLite failures are `database`.
impl From<store::StoreError> for ApiError {
    fn from(error: store::StoreError) -> Self {
        use store::StoreError;
        let message = error.to_string();
        match error {
            StoreError::NotFound { .. } => Self::new(ErrorCode::NotFound, message),
            StoreError::Invalid { field, message } => Self::invalid_field(field, message),
            StoreError::Io(_) => Self::new(ErrorCode::Io, message),
            StoreError::NewerSchema { .. }
            | StoreError::Damaged { .. }
            | StoreError::ReadOnly { .. }
            | StoreError::Locked
            | StoreError::SqliteTooOld { .. }
            | StoreError::Sqlite(_) => Self::database(message),
        }
    }
}

/// A scenario that breaks a dated rule is invalid input like any other; a user price the book
/// refuses is invalid input too (the user can fix it in Prices).
impl From<pricing::QuoteError> for ApiError {
    fn from(error: pricing::QuoteError) -> Self {
        match error {
            pricing::QuoteError::Invalid(errors) => Self::invalid_fields(errors),
            pricing::QuoteError::Book(book) => Self::new(
                ErrorCode::InvalidInput,
                format!("a price in the price book is not usable: {book}"),
            ),
            // A figure too large to compute: the user fixes a price, an amount or a quantity.
            pricing::QuoteError::TooLarge(overflow) => Self {
                detail: Some(Box::new((&overflow.message()).into())),
                ..Self::invalid_field(overflow.field.clone(), overflow.to_string())
            },
        }
    }
}

impl From<report::ReportError> for ApiError {
    fn from(error: report::ReportError) -> Self {
        use report::ReportError;
        let message = error.to_string();
        match error {
            ReportError::ScenarioCount(_) => Self::invalid_field("ids", message),
            ReportError::CurrencyMismatch { .. } => Self::invalid_field("ids", message),
            ReportError::ChartSize { .. } => Self::invalid_field("size", message),
            _ => Self::internal(message),
        }
    }
}

impl From<std::io::Error> for ApiError {
    fn from(error: std::io::Error) -> Self {
        let code = match error.kind() {
            std::io::ErrorKind::NotFound => ErrorCode::NotFound,
            _ => ErrorCode::Io,
        };
        Self::new(code, error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_to_the_wire_shape_the_ui_reads() {
        let error = ApiError::invalid_field("months", "months must be between 1 and 120");
        let json = serde_json::to_value(&error).expect("serialisable");
        assert_eq!(
            json,
            serde_json::json!({
                "code": "invalid_input",
                "message": "months must be between 1 and 120",
                "field": "months",
            })
        );
        let json = serde_json::to_value(ApiError::internal("boom")).expect("serialisable");
        assert_eq!(
            json,
            serde_json::json!({ "code": "internal", "message": "boom", "field": null })
        );
    }

    #[test]
    fn io_errors_map_to_io_or_not_found() {
        let missing = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        assert_eq!(ApiError::from(missing).code, ErrorCode::NotFound);
        let denied = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "no");
        assert_eq!(ApiError::from(denied).code, ErrorCode::Io);
    }
}
