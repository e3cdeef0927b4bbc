//! Every public item of the published crates has a runnable example in its rustdoc.
//!
//! `rustdoc::missing_doc_code_examples` would say so, but it is a nightly-only lint. This test
//! does the same on stable: it parses every source file of the library crates with `syn` and
//! lists the `pub` items whose doc comment has no Rust code block (```` ``` ````, ```` ```rust ````,
//! `no_run`, `should_panic` or `compile_fail`; `text`, `sh`, `toml`, `xml` and `ignore` blocks
//! do not count). `pub` means reachable here: the workspace denies `unreachable_pub` (in CI), so
//! an item that is `pub` but not exported from its crate root would be `pub(crate)`.
//!
//! Checked: functions, structs, enums, traits, type aliases, constants and statics declared
//! `pub`, `pub mod` modules (their `//!` docs), and `pub` methods and constants of inherent
//! `impl` blocks. Not checked: `#[doc(hidden)]` items and modules, enum variants and fields (as rustdoc's lint), trait methods
//! (documented on the trait), re-exports, and items a derive generates (setters and
//! descriptions carry their field's or element's docs; the derive's own options are documented,
//! with examples, on the `ivr_xml` re-exports of the derives).
//!
//! The items still without an example are listed in `tests/doc_examples_missing.txt`; the test
//! fails when an item is missing from the list (a new item without an example) and when the list
//! names an item that has one now or no longer exists (so the list only shrinks).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use syn::{Attribute, ImplItem, Item, Visibility};

/// The crates whose public items are checked: the published libraries.
const CRATES: &[&str] = &["ivr-xml", "ivr-xml-sim", "ivr-xml-cli", "ivr-xml-derive"];

/// The binary's modules (`pub(crate)` throughout) are not part of any library.
const SKIP_FILES: &[&str] = &[
    "ivr-xml-cli/src/main.rs",
    "ivr-xml-cli/src/config.rs",
    "ivr-xml-cli/src/failure.rs",
    "ivr-xml-cli/src/fmt.rs",
    "ivr-xml-cli/src/inputs.rs",
    "ivr-xml-cli/src/output.rs",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The joined text of the `#[doc]` attributes; `None` inside: an `include_str!` (a whole file of
/// docs, such as the guide, whose examples are doctested where it is included).
fn docs(attrs: &[Attribute]) -> (String, bool) {
    let mut text = String::new();
    let mut included = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("doc")) {
        if let syn::Meta::NameValue(nv) = &attr.meta {
            match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => {
                    text.push_str(&s.value());
                    text.push('\n');
                }
                _ => included = true,
            }
        }
    }
    (text, included)
}

/// Whether a doc text holds a Rust code block (an opening fence that is Rust's).
fn has_example(text: &str) -> bool {
    let mut open = false;
    for line in text.lines() {
        let Some(info) = line.trim_start().strip_prefix("```") else {
            continue;
        };
        if open {
            open = false; // a closing fence
            continue;
        }
        open = true;
        let rust = info
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .all(|w| {
                matches!(w, "rust" | "no_run" | "should_panic" | "compile_fail")
                    || w.starts_with("edition")
                    || (w.starts_with('E') && w[1..].chars().all(|c| c.is_ascii_digit()))
            });
        if rust {
            return true;
        }
    }
    false
}

fn documented(attrs: &[Attribute]) -> bool {
    let (text, included) = docs(attrs);
    included || has_example(&text)
}

fn is_test_only(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.meta
                .require_list()
                .map(|l| {
                    let tokens = l.tokens.to_string();
                    tokens == "test" || tokens == "doctest"
                })
                .unwrap_or(false)
    })
}

/// `#[doc(hidden)]`: not in the rendered docs (the `__private` runtime of generated code), so an
/// example there would help no reader; rustdoc's own lint skips these too.
fn is_hidden(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("doc")
            && a.meta
                .require_list()
                .map(|l| l.tokens.to_string() == "hidden")
                .unwrap_or(false)
    })
}

fn is_pub(vis: &Visibility) -> bool {
    matches!(vis, Visibility::Public(_))
}

struct Walker {
    /// `crate/src/file.rs: Item` for each item without an example.
    missing: BTreeSet<String>,
    /// How many items were checked.
    checked: usize,
}

impl Walker {
    fn note(&mut self, file: &str, name: String, attrs: &[Attribute]) {
        if is_hidden(attrs) {
            return;
        }
        self.checked += 1;
        if !documented(attrs) {
            self.missing.insert(format!("{file}: {name}"));
        }
    }

    /// `dir` is where the module's child module files are.
    fn items(&mut self, file: &str, dir: &Path, items: &[Item]) {
        for item in items {
            let (vis, ident, attrs) = match item {
                Item::Fn(i) => (&i.vis, i.sig.ident.to_string(), &i.attrs),
                Item::Struct(i) => (&i.vis, i.ident.to_string(), &i.attrs),
                Item::Enum(i) => (&i.vis, i.ident.to_string(), &i.attrs),
                Item::Trait(i) => (&i.vis, i.ident.to_string(), &i.attrs),
                Item::Type(i) => (&i.vis, i.ident.to_string(), &i.attrs),
                Item::Const(i) => (&i.vis, i.ident.to_string(), &i.attrs),
                Item::Static(i) => (&i.vis, i.ident.to_string(), &i.attrs),
                Item::Union(i) => (&i.vis, i.ident.to_string(), &i.attrs),
                Item::Mod(m) => {
                    if is_test_only(&m.attrs) || is_hidden(&m.attrs) {
                        continue;
                    }
                    let child_dir = dir.join(m.ident.to_string());
                    if let Some((_, content)) = &m.content {
                        if is_pub(&m.vis) {
                            self.note(file, format!("mod {}", m.ident), &m.attrs);
                        }
                        self.items(file, &child_dir, content);
                    } else {
                        let candidates = [
                            dir.join(format!("{}.rs", m.ident)),
                            child_dir.join("mod.rs"),
                        ];
                        let Some(path) = candidates.iter().find(|p| p.is_file()) else {
                            continue;
                        };
                        let parsed = parse(path);
                        if is_pub(&m.vis) {
                            let mut attrs = m.attrs.clone();
                            attrs.extend(parsed.attrs.iter().cloned());
                            self.note(file, format!("mod {}", m.ident), &attrs);
                        }
                        self.file(path, &child_dir, &parsed);
                    }
                    continue;
                }
                Item::Impl(imp) => {
                    if imp.trait_.is_some() || is_test_only(&imp.attrs) || is_hidden(&imp.attrs) {
                        continue;
                    }
                    let ty = type_name(&imp.self_ty);
                    for impl_item in &imp.items {
                        match impl_item {
                            ImplItem::Fn(f) if is_pub(&f.vis) => {
                                self.note(file, format!("{ty}::{}", f.sig.ident), &f.attrs);
                            }
                            ImplItem::Const(c) if is_pub(&c.vis) => {
                                self.note(file, format!("{ty}::{}", c.ident), &c.attrs);
                            }
                            _ => {}
                        }
                    }
                    continue;
                }
                _ => continue,
            };
            if is_pub(vis) && !is_test_only(attrs) {
                self.note(file, ident, attrs);
            }
        }
    }

    fn file(&mut self, path: &Path, dir: &Path, parsed: &syn::File) {
        let relative = path
            .strip_prefix(root())
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        if SKIP_FILES.contains(&relative.as_str()) {
            return;
        }
        self.items(&relative, dir, &parsed.items);
    }
}

fn type_name(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(p) => p
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default(),
        _ => "?".to_owned(),
    }
}

fn parse(path: &Path) -> syn::File {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    syn::parse_file(&text).unwrap_or_else(|err| panic!("cannot parse {}: {err}", path.display()))
}

fn missing_now() -> (BTreeSet<String>, usize) {
    let mut walker = Walker {
        missing: BTreeSet::new(),
        checked: 0,
    };
    for krate in CRATES {
        let src = root().join(krate).join("src");
        let lib = src.join("lib.rs");
        let parsed = parse(&lib);
        // The crate root's own docs.
        walker.note(
            &format!("{krate}/src/lib.rs"),
            "crate".to_owned(),
            &parsed.attrs,
        );
        walker.file(&lib, &src, &parsed);
    }
    (walker.missing, walker.checked)
}

#[test]
fn every_public_item_has_an_example() {
    let (missing, checked) = missing_now();
    assert!(
        checked > 150,
        "only {checked} items found: is the walk broken?"
    );
    let list_path = root().join("tests/doc_examples_missing.txt");
    let listed: BTreeSet<String> = std::fs::read_to_string(&list_path)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let new: Vec<&String> = missing.difference(&listed).collect();
    let fixed: Vec<&String> = listed.difference(&missing).collect();
    assert!(
        new.is_empty() && fixed.is_empty(),
        "{checked} public items checked.\n\
         Without a runnable example (add one to its rustdoc):\n  {}\n\
         Listed in tests/doc_examples_missing.txt but fine now (remove them from the list):\n  {}",
        new.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  "),
        fixed
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  "),
    );
}

#[test]
fn the_check_tells_examples_from_other_blocks() {
    assert!(has_example("Text.\n\n```\nlet x = 1;\n```\n"));
    assert!(has_example("```rust\nlet x = 1;\n```"));
    assert!(has_example("```no_run\nserve();\n```"));
    assert!(has_example("```compile_fail,E0277\nbad();\n```"));
    assert!(!has_example("Only text."));
    assert!(!has_example("```text\nerror: x\n```"));
    assert!(!has_example("```sh\ncargo test\n```"));
    assert!(!has_example("```ignore\nnot run\n```"));
    assert!(!has_example("```xml\n<Response/>\n```"));
    // A closing fence is not an opening one.
    assert!(!has_example("```text\nerror: x\n```\nMore text."));
}
