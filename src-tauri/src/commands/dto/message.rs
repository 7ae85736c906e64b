//! A message of the pricing core as it crosses to the UI: its code and arguments. The UI
//! renders it in the reader's language from the same catalogues the command line uses
//! (`src-tauri/crates/pricing/messages/`), so a language switch needs no new quote.

use pricing::message::Arg;
use serde::Serialize;
use ts_rs::TS;

/// `{ code, args }`: decimals as exact strings, flags as booleans, nested messages as objects
/// and lists of messages as arrays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "Message")]
pub struct MessageView {
    pub code: String,
    #[ts(type = "Record<string, string | boolean | Message | Message[]>")]
    pub args: serde_json::Map<String, serde_json::Value>,
}

impl From<&pricing::Message> for MessageView {
    fn from(m: &pricing::Message) -> Self {
        let args = m
            .args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(t) => serde_json::Value::String(t.to_string()),
                    Arg::Num(d) => serde_json::Value::String(d.to_string()),
                    Arg::Flag(b) => serde_json::Value::Bool(*b),
                    Arg::Msg(inner) => view_json(inner),
                    Arg::List(list) => list.iter().map(view_json).collect(),
                };
                ((*name).to_string(), value)
            })
            .collect();
        Self {
            code: m.code.to_string(),
            args,
        }
    }
}

fn view_json(m: &pricing::Message) -> serde_json::Value {
    serde_json::to_value(MessageView::from(m)).unwrap_or(serde_json::Value::Null)
}

/// The views of a list of messages.
pub fn views(list: &[pricing::Message]) -> Vec<MessageView> {
    list.iter().map(MessageView::from).collect()
}
