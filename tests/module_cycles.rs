//! The modules of a crate depend on one another one way only: no two modules import each
//! other, directly or through others.
//!
//! The graph is read from the source: every `crate::a::…`, `super::…`, `self::…` path and every
//! path through a child module (`quotes::x` in commands/mod.rs), in `use` items and in code,
//! with re-exports (`pub use a::X` in lib.rs makes `crate::X` mean `crate::a::X`) followed.
//! Comments, string literals and `#[cfg(test)] mod … { … }` blocks are left out. The nodes are
//! the crate's top-level modules and every folder module (`a::b` when src/a/b/ exists); a file
//! belongs to the deepest of them that contains it. A path `crate::a::b::…` is an edge to the
//! top-level module `a` (from another top-level module) and to the folder module `a::b` when
//! there is one (from outside it). A module using what its own parent folder holds is not an
//! edge: the parent contains it.
//!
//! `cargo test -p plancast --test module_cycles` checks the app crate and the pricing crate.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[test]
fn app_crate_modules_import_one_way() {
    assert_no_cycles("src-tauri/src");
}

#[test]
fn pricing_crate_modules_import_one_way() {
    assert_no_cycles("src-tauri/crates/pricing/src");
}

/// The checker itself, on a made-up crate: it must see a cycle through `use crate::…` groups,
/// `super::` and a re-export, and nothing in comments, strings or test modules.
#[test]
fn the_checker_finds_cycles_and_only_cycles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path();
    let write = |path: &str, text: &str| {
        let path = src.join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
        std::fs::write(path, text).expect("write");
    };
    write("lib.rs", "mod a; mod b; mod c; pub use c::Thing;");
    write("a/mod.rs", "mod inner; use crate::{b::{self, B}, c};");
    write(
        "a/inner/mod.rs",
        "pub fn f() { super::super::b::g(); crate::a::helper(); }",
    );
    write(
        "b.rs",
        "// crate::a::A\nconst S: &str = \"crate::a::A\";\nconst C: char = '{';\n\
         #[cfg(test)]\n#[allow(unused)]\nmod tests { use crate::a::A; }",
    );
    write("c.rs", "pub struct Thing;");
    assert_eq!(cycles(src), Vec::<String>::new());

    write("b.rs", "use crate::Thing;");
    write("c.rs", "pub struct Thing; fn f() { crate::a::inner::f(); }");
    let found = cycles(src);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("cycle among a, b, c:"), "{found:?}");
    for edge in [
        "a -> b  (a/mod.rs uses b)",
        "b -> c  (b.rs uses c::Thing)",
        "c -> a  (c.rs uses a::inner::f)",
    ] {
        assert!(found[0].contains(edge), "no `{edge}` in {found:?}");
    }
    assert!(!found[0].contains("c -> b"), "{found:?}");
}

fn assert_no_cycles(src: &str) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(src);
    let found = cycles(&src);
    assert!(
        found.is_empty(),
        "modules of {} import each other; make the dependency go one way:\n\n{}",
        src.display(),
        found.join("\n\n")
    );
}

/// A module, as its path from the crate root (`["commands", "dto"]`).
type ModPath = Vec<String>;

/// One edge of the graph and the first place that makes it.
type Edges = BTreeMap<(String, String), String>;

/// The cycles among the modules of the crate whose source is `src`, one description each.
fn cycles(src: &Path) -> Vec<String> {
    let (files, folders) = module_files(src);
    let modules: BTreeSet<ModPath> = files.iter().map(|(m, _)| m.clone()).collect();
    let sources: Vec<(ModPath, &Path, String)> = files
        .iter()
        .map(|(module, path)| {
            (
                module.clone(),
                path.as_path(),
                without_test_modules(&clean(path)),
            )
        })
        .collect();

    // `pub use` makes a name in one module stand for an item of another.
    let mut aliases: BTreeMap<ModPath, ModPath> = BTreeMap::new();
    for (module, _, text) in &sources {
        let mut tokens = Tokens::new(text);
        while let Some(found) = tokens.next_found(module, &modules) {
            if let Found::Use {
                public: true,
                items,
            } = found
            {
                for (target, name) in items {
                    let mut alias = module.clone();
                    alias.push(name);
                    aliases.insert(alias, target);
                }
            }
        }
    }

    let mut edges = Edges::new();
    for (module, path, text) in &sources {
        let Some(from) = node_of(module, &folders) else {
            continue;
        };
        let mut tokens = Tokens::new(text);
        while let Some(found) = tokens.next_found(module, &modules) {
            let targets = match found {
                Found::Use { items, .. } => items.into_iter().map(|(target, _)| target).collect(),
                Found::Path(target) => vec![target],
            };
            for target in targets {
                let target = resolve(target, &aliases, &modules);
                let place = || {
                    let file = path.strip_prefix(src).unwrap_or(path);
                    format!("{} uses {}", file.display(), target.join("::"))
                };
                if let (Some(top), Some(first)) = (from.first(), target.first()) {
                    if top != first && modules.contains(&target[..1]) {
                        edges
                            .entry((top.clone(), first.clone()))
                            .or_insert_with(place);
                    }
                }
                for len in 2..=target.len() {
                    let to = &target[..len];
                    if folders.contains(to) && !from.starts_with(to) {
                        edges
                            .entry((from.join("::"), to.join("::")))
                            .or_insert_with(place);
                    }
                }
            }
        }
    }
    describe_cycles(&edges)
}

/// Every `.rs` file under `src` with the module it defines (`lib.rs` and `main.rs`: the root),
/// and the folder modules (every directory under `src`).
fn module_files(src: &Path) -> (Vec<(ModPath, PathBuf)>, BTreeSet<ModPath>) {
    let module_of = |path: &Path| -> ModPath {
        let relative = path.strip_prefix(src).expect("under src");
        relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect()
    };
    let mut files = Vec::new();
    let mut folders = BTreeSet::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable source directory") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                folders.insert(module_of(&path));
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let mut module = module_of(&path.with_extension(""));
                let root = module.len() == 1 && (module[0] == "lib" || module[0] == "main");
                if root || module.last().is_some_and(|name| name == "mod") {
                    module.pop();
                }
                files.push((module, path));
            }
        }
    }
    files.sort();
    (files, folders)
}

/// The deepest graph node holding `module`: its folder module, else its top-level module.
fn node_of(module: &[String], folders: &BTreeSet<ModPath>) -> Option<ModPath> {
    (1..=module.len())
        .rev()
        .map(|len| module[..len].to_vec())
        .find(|prefix| prefix.len() == 1 || folders.contains(prefix))
}

/// `path` with re-exported names replaced by what they stand for. A prefix that is a module
/// stays: `crate::quote::Line` is the module `quote` even where lib.rs re-exports a function
/// `quote` (modules and functions have separate names).
fn resolve(
    mut path: ModPath,
    aliases: &BTreeMap<ModPath, ModPath>,
    modules: &BTreeSet<ModPath>,
) -> ModPath {
    for _ in 0..8 {
        let Some(len) = (1..=path.len())
            .rev()
            .find(|&len| aliases.contains_key(&path[..len]) && !modules.contains(&path[..len]))
        else {
            break;
        };
        let mut resolved = aliases[&path[..len]].clone();
        resolved.extend_from_slice(&path[len..]);
        path = resolved;
    }
    path
}

/// The strongly connected components of more than one module, each with its edges.
fn describe_cycles(edges: &Edges) -> Vec<String> {
    let mut graph: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        graph.entry(from).or_default().push(to);
        graph.entry(to).or_default();
    }
    // Tarjan's algorithm, recursive: module graphs are small.
    struct State<'a> {
        graph: &'a BTreeMap<&'a str, Vec<&'a str>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        components: Vec<Vec<&'a str>>,
    }
    fn visit<'a>(state: &mut State<'a>, node: &'a str) {
        let index = state.index.len();
        state.index.insert(node, index);
        state.low.insert(node, index);
        state.stack.push(node);
        for &next in &state.graph[node] {
            if !state.index.contains_key(next) {
                visit(state, next);
                let low = state.low[node].min(state.low[next]);
                state.low.insert(node, low);
            } else if state.stack.contains(&next) {
                let low = state.low[node].min(state.index[next]);
                state.low.insert(node, low);
            }
        }
        if state.low[node] == state.index[node] {
            let at = state
                .stack
                .iter()
                .rposition(|&n| n == node)
                .expect("on the stack");
            let component = state.stack.split_off(at);
            if component.len() > 1 {
                state.components.push(component);
            }
        }
    }
    let mut state = State {
        graph: &graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        components: Vec::new(),
    };
    for &node in graph.keys() {
        if !state.index.contains_key(node) {
            visit(&mut state, node);
        }
    }
    state
        .components
        .iter()
        .map(|component| {
            let members: BTreeSet<&str> = component.iter().copied().collect();
            let mut text = format!(
                "cycle among {}:",
                members.iter().copied().collect::<Vec<_>>().join(", ")
            );
            for ((from, to), place) in edges {
                if members.contains(from.as_str()) && members.contains(to.as_str()) {
                    text.push_str(&format!("\n  {from} -> {to}  ({place})"));
                }
            }
            text
        })
        .collect()
}

/// The text of a Rust file with comments and string and character literals blanked out.
fn clean(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("readable source");
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        if rest.starts_with(&['/', '/']) {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if rest.starts_with(&['/', '*']) {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i..].starts_with(&['/', '*']) {
                    depth += 1;
                    i += 2;
                } else if chars[i..].starts_with(&['*', '/']) {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if let Some(end) = raw_string_end(&chars, i) {
            out.push_str("\"\"");
            i = end;
        } else if chars[i] == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if chars[i] == '\'' && rest.get(1) == Some(&'\\') {
            // An escaped character literal ('\n', '\'', '\u{7f}').
            i += 3;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else if chars[i] == '\'' && rest.get(2) == Some(&'\'') {
            // A character literal ('x'); a lifetime ('a) has no closing quote.
            i += 3;
            out.push_str("' '");
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Where the raw string (`r"…"`, `r#"…"#`, `br"…"`) starting at `i` ends, if one does.
fn raw_string_end(chars: &[char], i: usize) -> Option<usize> {
    if i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_') {
        return None;
    }
    let mut j = i;
    if chars.get(j) == Some(&'b') {
        j += 1;
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = chars[j..].iter().take_while(|&&c| c == '#').count();
    j += hashes;
    if chars.get(j) != Some(&'"') {
        return None;
    }
    j += 1;
    while j < chars.len() {
        if chars[j] == '"'
            && chars[j + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == '#')
                .count()
                == hashes
        {
            return Some(j + 1 + hashes);
        }
        j += 1;
    }
    Some(chars.len())
}

/// `text` without its `#[cfg(test)] mod name { … }` blocks.
fn without_test_modules(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "#[cfg(test)]".len()..];
        let mut trimmed = after.trim_start();
        while trimmed.starts_with("#[") {
            let close = trimmed.find(']').map_or(trimmed.len(), |close| close + 1);
            trimmed = trimmed[close..].trim_start();
        }
        let is_inline_mod = trimmed.starts_with("mod ")
            && trimmed
                .find(['{', ';'])
                .is_some_and(|end| trimmed.as_bytes()[end] == b'{');
        if !is_inline_mod {
            rest = after;
            continue;
        }
        let open = after.find('{').expect("an inline module");
        let mut depth = 0;
        let mut end = after.len();
        for (offset, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + offset + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Identifiers and punctuation of cleaned source, read as paths.
struct Tokens<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Self {
        Tokens { text, at: 0 }
    }

    fn skip_space(&mut self) {
        let rest = &self.text[self.at..];
        self.at += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_space();
        let found = self.text[self.at..].starts_with(token);
        if found {
            self.at += token.len();
        }
        found
    }

    fn ident(&mut self) -> Option<&'a str> {
        self.skip_space();
        let rest = &self.text[self.at..];
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        (len > 0).then(|| {
            self.at += len;
            &rest[..len]
        })
    }

    /// The next `use` item or path in the text that starts in this crate, resolved from
    /// `module`.
    fn next_found(&mut self, module: &[String], modules: &BTreeSet<ModPath>) -> Option<Found> {
        loop {
            self.skip_space();
            if self.at >= self.text.len() {
                return None;
            }
            let before = self.text[..self.at].trim_end();
            let Some(word) = self.ident() else {
                self.at += self.text[self.at..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
                continue;
            };
            if word == "use" {
                let public = is_public(before);
                let items = self.use_tree(module, modules);
                if !items.is_empty() {
                    return Some(Found::Use { public, items });
                }
                continue;
            }
            if before.ends_with("::") || before.ends_with('$') {
                continue; // the middle of a path, or `$crate`
            }
            let Some(mut path) = path_start(word, module, modules) else {
                continue;
            };
            let mut segments = 0;
            while self.eat("::") {
                match self.ident() {
                    Some("super") => {
                        path.pop();
                    }
                    Some(segment) => path.push(segment.to_owned()),
                    None => break,
                }
                segments += 1;
            }
            if segments > 0 {
                return Some(Found::Path(path));
            }
        }
    }

    /// The paths a `use` tree names (the text after `use`), each with the name it brings in;
    /// only those that start in this crate.
    fn use_tree(
        &mut self,
        module: &[String],
        modules: &BTreeSet<ModPath>,
    ) -> Vec<(ModPath, String)> {
        let mut found = Vec::new();
        self.eat("::");
        if let Some(word) = self.ident() {
            if let Some(base) = path_start(word, module, modules) {
                let name = word.to_owned();
                self.subtree(base, name, &mut found);
            }
        }
        found
    }

    fn subtree(&mut self, mut path: ModPath, mut name: String, found: &mut Vec<(ModPath, String)>) {
        loop {
            if self.eat("::") {
                if self.eat("{") {
                    loop {
                        if self.eat("}") {
                            return;
                        }
                        match self.ident() {
                            Some("self") => {
                                let alias = self.alias().unwrap_or_else(|| name.clone());
                                found.push((path.clone(), alias));
                            }
                            Some(word) => {
                                let mut inner = path.clone();
                                if word == "super" {
                                    inner.pop();
                                } else {
                                    inner.push(word.to_owned());
                                }
                                self.subtree(inner, word.to_owned(), found);
                            }
                            None if self.eat("*") => found.push((path.clone(), "*".to_owned())),
                            None => return, // not Rust this reader knows; stop here
                        }
                        self.eat(",");
                    }
                }
                if self.eat("*") {
                    found.push((path, "*".to_owned()));
                    return;
                }
                match self.ident() {
                    Some("super") => {
                        path.pop();
                    }
                    Some(word) => {
                        path.push(word.to_owned());
                        name = word.to_owned();
                    }
                    None => return,
                }
            } else {
                let name = self.alias().unwrap_or(name);
                found.push((path, name));
                return;
            }
        }
    }

    fn alias(&mut self) -> Option<String> {
        let save = self.at;
        if self.ident() == Some("as") {
            if let Some(alias) = self.ident() {
                return Some(alias.to_owned());
            }
        }
        self.at = save;
        None
    }
}

/// What [`Tokens`] reads: a `use` item (each path with the name it brings in), or a path.
enum Found {
    Use {
        public: bool,
        items: Vec<(ModPath, String)>,
    },
    Path(ModPath),
}

/// Whether the text before a `use` ends with a visibility (`pub`, `pub(crate)`, …).
fn is_public(before: &str) -> bool {
    let head = match before.strip_suffix(')') {
        Some(inner) => inner
            .rfind('(')
            .map_or(inner, |open| inner[..open].trim_end()),
        None => before,
    };
    head.strip_suffix("pub")
        .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric() || c == '_'))
}

/// Where a path beginning with `word` starts, seen from `module`: the crate root, the parent,
/// the module itself or one of its child modules; `None` for anything else (another crate,
/// a local name).
fn path_start(word: &str, module: &[String], modules: &BTreeSet<ModPath>) -> Option<ModPath> {
    match word {
        "crate" => Some(Vec::new()),
        "super" => Some(module[..module.len().saturating_sub(1)].to_vec()),
        "self" => Some(module.to_vec()),
        _ => {
            let mut child = module.to_vec();
            child.push(word.to_owned());
            modules.contains(&child).then_some(child)
        }
    }
}
