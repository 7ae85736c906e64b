//! Messages the pricing core produces: a stable dotted code with typed arguments, rendered in
//! the reader's language only at the edge (docs/scenario-format.md, "Messages").
//!
//! The core never writes a sentence. A note such as "needs 60 namespaces; Basic allows 50" is
//! `tcr.requirement_unmet` with `{requirement, needed, allowed, edition, site}`; the command
//! line, the CSV report and the desktop UI render it from one catalogue per language,
//! `messages/en.json` and `messages/zh-CN.json` beside this crate's `Cargo.toml`. The UI loads
//! the same two files into its translations, so both ends say the same thing.
//!
//! Templates use the catalogue syntax the UI's i18next understands, and this module renders
//! the same subset:
//! - `{{name}}` is the argument `name` (a nested message is rendered first, a list of
//!   messages is joined with `messages.list_separator`);
//! - `$t(key)` is another catalogue entry, after arguments are filled in, so enumerations are
//!   translated too (`$t(messages.tcr.editions.{{site}}.{{edition}})`);
//! - a boolean argument that is `true` selects the variant `<code>_<name>` when the catalogue
//!   has one (i18next's *context*), for example `tcr.requirement_unmet_ticket`.
//!
//! It depends on nothing else in the crate but `money`'s figure formatting.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use compact_str::{CompactString, ToCompactString};
use rust_decimal::Decimal;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};
use serde_json::Value;

/// The languages messages are rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    ZhCn,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The tag used on the command line and in the UI: `en` or `zh-CN`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// Reads a tag or a locale such as `zh_CN.UTF-8` (any `zh…` is Chinese, anything else
    /// that starts with `en` or is `C`/`POSIX` is English); `None` for an unknown one.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase();
        if lower.starts_with("zh") {
            Some(Lang::ZhCn)
        } else if lower.starts_with("en")
            || lower == "c"
            || lower.starts_with("c.")
            || lower == "posix"
        {
            Some(Lang::En)
        } else {
            None
        }
    }

    fn catalogue(self) -> &'static Catalogue {
        static EN: OnceLock<Catalogue> = OnceLock::new();
        static ZH: OnceLock<Catalogue> = OnceLock::new();
        match self {
            Lang::En => EN.get_or_init(|| Catalogue::parse(include_str!("../messages/en.json"))),
            Lang::ZhCn => {
                ZH.get_or_init(|| Catalogue::parse(include_str!("../messages/zh-CN.json")))
            }
        }
    }

    /// The catalogue entry at a dotted key (`report.month`), if it exists.
    pub fn lookup(self, key: &str) -> Option<&'static str> {
        self.catalogue().entries.get(key).map(String::as_str)
    }

    /// The catalogue entry at `key` with its `{{name}}`s filled from `args` (report
    /// headings and notes that are not messages of the core).
    pub fn format(self, key: &str, args: &[(&str, &str)]) -> String {
        let mut out = String::new();
        let arg = |name: &str, out: &mut String| match args.iter().find(|(n, _)| *n == name) {
            Some((_, v)) => {
                out.push_str(v);
                true
            }
            None => false,
        };
        fill(self.text(key), arg, &mut out);
        out
    }

    /// The catalogue entry at a dotted key, or the key itself (a test checks that every key
    /// the code uses exists in both languages).
    pub fn text(self, key: &str) -> &'static str {
        match self.lookup(key) {
            Some(t) => t,
            None => Lang::En.lookup(key).unwrap_or("?"),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// One language's entries, flattened to dotted keys.
struct Catalogue {
    entries: HashMap<String, String>,
    /// The `messages.` entries again by code alone, so rendering a message looks its template
    /// up without writing the key (reports render one for every line).
    messages: HashMap<String, Template, BuildCodeHasher>,
    list_separator: String,
}

/// FNV-1a for the catalogue's keys: short ASCII codes, looked up once per rendered message
/// (a report renders one for every line), where the default SipHash costs more than the
/// rest of the lookup.
#[derive(Default, Clone, Copy)]
struct BuildCodeHasher;

struct CodeHasher(u64);

impl std::hash::BuildHasher for BuildCodeHasher {
    type Hasher = CodeHasher;
    fn build_hasher(&self) -> CodeHasher {
        CodeHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for CodeHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A message template, and whether it nests other entries (`$t(…)`), so most are filled in
/// one pass.
struct Template {
    text: String,
    nests: bool,
}

impl Catalogue {
    fn parse(json: &str) -> Catalogue {
        let value: Value = serde_json::from_str(json).unwrap_or(Value::Null);
        let mut entries = HashMap::new();
        flatten("", &value, &mut entries);
        let messages = entries
            .iter()
            .filter_map(|(k, v)| {
                let code = k.strip_prefix("messages.")?;
                let template = Template {
                    text: v.clone(),
                    nests: v.contains("$t("),
                };
                Some((code.to_string(), template))
            })
            .collect();
        let list_separator = entries
            .get("messages.list_separator")
            .cloned()
            .unwrap_or_else(|| "; ".into());
        Catalogue {
            entries,
            messages,
            list_separator,
        }
    }
}

fn flatten(prefix: &str, value: &Value, out: &mut HashMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        _ => {}
    }
}

/// Every catalogue key in a language, for the completeness tests.
pub fn catalogue_keys(lang: Lang) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = lang
        .catalogue()
        .entries
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

/// A message argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A key or a name, written as is (region names, plan keys, months, currencies).
    Text(CompactString),
    /// An exact figure, written as its decimal text (rule GEN-2).
    Num(Decimal),
    Flag(bool),
    /// Another message, rendered in place.
    Msg(Box<Message>),
    /// Messages rendered one after another, separated by `messages.list_separator`.
    List(Vec<Message>),
}

/// A stable code and its arguments: what a note, a reason or a shortfall says, before it is
/// put into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub code: CompactString,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(code: &str) -> Message {
        Message {
            code: code.into(),
            args: Vec::new(),
        }
    }

    /// A key or a name. Strings and integers are copied without the formatting machinery
    /// (`ToCompactString` specialises them): messages are made for every month of a quote.
    pub fn text(mut self, name: &'static str, value: impl ToCompactString) -> Message {
        self.args.push((name, Arg::Text(value.to_compact_string())));
        self
    }

    pub fn num(mut self, name: &'static str, value: Decimal) -> Message {
        self.args.push((name, Arg::Num(value)));
        self
    }

    pub fn flag(mut self, name: &'static str, value: bool) -> Message {
        self.args.push((name, Arg::Flag(value)));
        self
    }

    pub fn msg(mut self, name: &'static str, value: Message) -> Message {
        self.args.push((name, Arg::Msg(Box::new(value))));
        self
    }

    pub fn list(mut self, name: &'static str, value: Vec<Message>) -> Message {
        self.args.push((name, Arg::List(value)));
        self
    }

    /// A note the user wrote (on a price of their own): shown as written, in any language.
    pub fn user_note(text: &str) -> Message {
        Message::new("price.user_note").text("text", text)
    }

    /// The argument `name`, if given.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    /// The template in `lang`: the variant for a `true` flag first, then the code's own.
    fn template(&self, lang: Lang) -> Option<&'static Template> {
        let messages = &lang.catalogue().messages;
        let flagged = self.args.iter().find_map(|(name, a)| match a {
            Arg::Flag(true) => messages.get(&format!("{}_{name}", self.code)),
            _ => None,
        });
        flagged.or_else(|| messages.get(self.code.as_str()))
    }

    /// The message in words, in `lang` (English where `lang` lacks the entry; the code itself
    /// where both do, which a test forbids).
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.render_into(lang, &mut out);
        out
    }

    /// [`Message::render`], appended to `out` (a report cell, a nested message's place).
    pub fn render_into(&self, lang: Lang, out: &mut String) {
        let Some(template) = self.template(lang).or_else(|| self.template(Lang::En)) else {
            out.push_str(&self.code);
            return;
        };
        let arg = |name: &str, out: &mut String| match self.arg(name) {
            Some(a) => {
                write_arg(out, a, lang);
                true
            }
            None => false,
        };
        if template.nests {
            let mut filled = String::with_capacity(template.text.len() + 32);
            fill(&template.text, arg, &mut filled);
            nest(&filled, lang, out);
        } else {
            out.reserve(template.text.len() + 32);
            fill(&template.text, arg, out);
        }
    }

    /// Messages one after another in `lang`, separated by `messages.list_separator` (a
    /// comparison's reasons, a line's notes).
    pub fn render_list(list: &[Message], lang: Lang) -> String {
        let mut out = String::new();
        render_list_into(list, lang, &mut out);
        out
    }

    /// The message as JSON: `{ "code", "args", "text" }` with `text` in `lang`.
    pub fn to_json(&self, lang: Lang) -> Value {
        serde_json::json!({
            "code": self.code.as_str(),
            "args": serde_json::to_value(Args(&self.args)).unwrap_or(Value::Null),
            "text": self.render(lang),
        })
    }
}

fn render_list_into<'a>(list: impl IntoIterator<Item = &'a Message>, lang: Lang, out: &mut String) {
    let separator = lang.catalogue().list_separator.as_str();
    for (i, m) in list.into_iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        m.render_into(lang, out);
    }
}

fn write_arg(out: &mut String, arg: &Arg, lang: Lang) {
    use std::fmt::Write;
    match arg {
        Arg::Text(t) => out.push_str(t),
        // Whole figures (counts, rule GEN-7) without the decimal formatter: the same text.
        Arg::Num(d) => {
            let _ = write!(out, "{}", crate::money::Figure(*d));
        }
        Arg::Flag(b) => out.push_str(if *b { "true" } else { "false" }),
        Arg::Msg(m) => m.render_into(lang, out),
        Arg::List(list) => render_list_into(list, lang, out),
    }
}

/// Fills each `{{name}}` of a template through `arg`, which writes the value and says whether
/// it knew the name (an unknown one is left as written).
fn fill(template: &str, mut arg: impl FnMut(&str, &mut String) -> bool, out: &mut String) {
    let mut rest = template;
    // Searching for a single character is a fast byte scan; a two-character pattern is not.
    while let Some(start) = rest.find('{') {
        if !rest[start..].starts_with("{{") {
            out.push_str(&rest[..=start]);
            rest = &rest[start + 1..];
            continue;
        }
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find('}').filter(|&e| after[e..].starts_with("}}")) else {
            out.push_str(&rest[start..]);
            return;
        };
        if !arg(after[..end].trim(), out) {
            out.push_str(&rest[start..start + 2 + end + 2]);
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
}

/// Replaces each `$t(key)` with its catalogue entry.
fn nest(text: &str, lang: Lang, out: &mut String) {
    let mut rest = text;
    while let Some(start) = rest.find("$t(") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 3..];
        let Some(end) = after.find(')') else {
            rest = &rest[start..];
            break;
        };
        let key = &after[..end];
        out.push_str(
            lang.lookup(key)
                .or_else(|| Lang::En.lookup(key))
                .unwrap_or(key),
        );
        rest = &after[end + 1..];
    }
    out.push_str(rest);
}

struct Args<'a>(&'a [(&'static str, Arg)]);

impl Serialize for Args<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, arg) in self.0 {
            map.serialize_entry(name, arg)?;
        }
        map.end()
    }
}

impl Serialize for Arg {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Text(t) => serializer.serialize_str(t),
            Arg::Num(d) => serializer.collect_str(d),
            Arg::Flag(b) => serializer.serialize_bool(*b),
            Arg::Msg(m) => m.serialize(serializer),
            Arg::List(list) => list.serialize(serializer),
        }
    }
}

/// `{ "code", "args" }`: the language-free form (the app's UI renders it itself).
impl Serialize for Message {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Message", 2)?;
        s.serialize_field("code", self.code.as_str())?;
        s.serialize_field("args", &Args(&self.args))?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn fills_arguments_nests_entries_and_prefers_a_flag_variant() {
        let m = Message::new("tcr.requirement_unmet")
            .text("requirement", "namespaces")
            .num("needed", dec!(60))
            .num("allowed", dec!(50))
            .text("edition", "basic")
            .text("site", "tencent-intl")
            .flag("ticket", false);
        assert_eq!(m.render(Lang::En), "needs 60 namespaces; Basic allows 50");
        assert_eq!(m.render(Lang::ZhCn), "需要 60 个命名空间；基础版允许 50");
        let mut ticket = m.clone();
        ticket.args.retain(|(n, _)| *n != "ticket");
        let ticket = ticket.flag("ticket", true);
        assert_eq!(
            ticket.render(Lang::En),
            "needs 60 namespaces; Basic allows 50 (can be raised by ticket)"
        );
    }

    #[test]
    fn serialises_code_and_args_with_decimals_as_strings() {
        let m = Message::new("tcr.region_by_ticket")
            .text("region", "ap-x")
            .num("n", dec!(1.50));
        let v = m.to_json(Lang::En);
        assert_eq!(v["code"], "tcr.region_by_ticket");
        assert_eq!(v["args"]["n"], "1.50");
        assert_eq!(v["text"], "ap-x is opened by ticket (rule TCR-R-1).");
    }

    #[test]
    fn an_unknown_code_renders_as_itself() {
        assert_eq!(
            Message::new("no.such_code").render(Lang::ZhCn),
            "no.such_code"
        );
    }

    #[test]
    fn tags_and_locales_choose_the_language() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("zh_CN.UTF-8"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_tag("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn both_catalogues_have_the_same_keys() {
        // A message the core can produce must read in either language.
        assert_eq!(catalogue_keys(Lang::En), catalogue_keys(Lang::ZhCn));
    }
}
