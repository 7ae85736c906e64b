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

/// An error returned by a command, serialised as `{ code, message, field }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// The request field this error is about, as named in the request type.
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            field: None,
        }
    }

    /// An invalid-input error about one field of the request.
    pub fn invalid_field(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            message: message.into(),
            field: Some(field.into()),
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
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
