//! A snapshot of the library crates' public API (gomvs-modfile, gomvs-graph,
//! gomvs-git), so that changing it is a deliberate act: a changed signature,
//! a new public item or a removed one fails this test until the snapshot is
//! accepted (`cargo insta review`) — and the review is where semver is
//! decided.
//!
//! cargo-semver-checks needs a published baseline and rustdoc's JSON output
//! needs a nightly toolchain, so the surface is read from the sources with
//! `syn`: from each `lib.rs`, every `pub mod` is followed and every `pub`
//! item recorded with its signature (functions, struct fields, enum
//! variants, trait methods, `pub use` re-exports, derives and
//! `#[non_exhaustive]`), plus the `pub` methods and trait impls of the types
//! so recorded, wherever their `impl` blocks are. Items and modules marked
//! `#[doc(hidden)]` (internal to the gomvs CLI, not covered by semver) and
//! test-only code are left out.

use quote::ToTokens;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use syn::{Attribute, Item, Visibility};

fn tokens(t: &impl ToTokens) -> String {
    let s = t.to_token_stream().to_string();
    // Fewer spaces than proc-macro2 prints, for reading.
    s.replace(" :: ", "::")
        .replace(" ,", ",")
        .replace("& ", "&")
        .replace(" < ", "<")
        .replace("< ", "<")
        .replace(" >", ">")
        .replace(" (", "(")
        .replace("( ", "(")
        .replace(" )", ")")
        .replace(" ;", ";")
        .replace(" : ", ": ")
        .replace("' ", "'")
        .replace("! ", "!")
        .replace("# [", "#[")
        .replace(" [", "[")
}

/// Fields without their attributes (doc comments).
fn fields(f: &syn::Fields) -> String {
    let mut f = f.clone();
    for field in f.iter_mut() {
        field.attrs.clear();
    }
    tokens(&f)
}

fn hidden(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        let t = tokens(a);
        t.contains("doc(hidden)") || t.contains("cfg(test)") || t.contains("cfg(doctest)")
    })
}

fn marks(attrs: &[Attribute]) -> String {
    let mut m = Vec::new();
    for a in attrs {
        let t = tokens(a);
        if t.contains("non_exhaustive") {
            m.push("#[non_exhaustive]".to_string());
        } else if t.starts_with("#[derive") {
            m.push(t);
        }
    }
    if m.is_empty() {
        String::new()
    } else {
        format!("{} ", m.join(" "))
    }
}

fn is_pub(v: &Visibility) -> bool {
    matches!(v, Visibility::Public(_))
}

fn parse(file: &Path) -> syn::File {
    let src = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    syn::parse_file(&src).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// The file of module `name` declared in `dir` (the directory of the
/// declaring file's children).
fn module_file(dir: &Path, name: &str) -> (PathBuf, PathBuf) {
    let flat = dir.join(format!("{name}.rs"));
    if flat.exists() {
        return (flat, dir.join(name));
    }
    let nested = dir.join(name).join("mod.rs");
    assert!(
        nested.exists(),
        "no file for module {name} in {}",
        dir.display()
    );
    (nested, dir.join(name))
}

struct Walk {
    lines: BTreeSet<String>,
    /// Public types recorded (by name), for the impl pass.
    types: HashSet<String>,
    /// Every module's items (public or not), for the impl pass.
    all_items: Vec<(String, Vec<Item>)>,
}

impl Walk {
    /// Records module `path`'s public items; `visible` is false below a
    /// private or hidden module (only impls are gathered there).
    fn module(&mut self, path: &str, items: &[Item], dir: &Path, visible: bool) {
        self.all_items.push((path.to_string(), items.to_vec()));
        for item in items {
            match item {
                Item::Mod(m) => {
                    if hidden(&m.attrs) {
                        continue;
                    }
                    let sub = format!("{path}::{}", m.ident);
                    let vis = visible && is_pub(&m.vis);
                    if vis {
                        self.lines.insert(format!("{sub}: mod"));
                    }
                    match &m.content {
                        Some((_, inner)) => {
                            self.module(&sub, inner, &dir.join(m.ident.to_string()), vis)
                        }
                        None => {
                            let (file, children) = module_file(dir, &m.ident.to_string());
                            let f = parse(&file);
                            self.module(&sub, &f.items, &children, vis);
                        }
                    }
                }
                _ if !visible => {}
                Item::Fn(f) if is_pub(&f.vis) && !hidden(&f.attrs) => {
                    self.lines.insert(format!("{path}: {}", tokens(&f.sig)));
                }
                Item::Struct(s) if is_pub(&s.vis) && !hidden(&s.attrs) => {
                    self.types.insert(s.ident.to_string());
                    self.lines.insert(format!(
                        "{path}: {}struct {}{}",
                        marks(&s.attrs),
                        s.ident,
                        tokens(&s.generics)
                    ));
                    for (i, f) in s.fields.iter().enumerate() {
                        if is_pub(&f.vis) && !hidden(&f.attrs) {
                            let name = f.ident.as_ref().map_or(i.to_string(), |n| n.to_string());
                            self.lines.insert(format!(
                                "{path}: {}.{name}: {}",
                                s.ident,
                                tokens(&f.ty)
                            ));
                        }
                    }
                }
                Item::Enum(e) if is_pub(&e.vis) && !hidden(&e.attrs) => {
                    self.types.insert(e.ident.to_string());
                    self.lines.insert(format!(
                        "{path}: {}enum {}{}",
                        marks(&e.attrs),
                        e.ident,
                        tokens(&e.generics)
                    ));
                    for v in &e.variants {
                        if !hidden(&v.attrs) {
                            self.lines.insert(format!(
                                "{path}: {}::{}{}",
                                e.ident,
                                v.ident,
                                fields(&v.fields)
                            ));
                        }
                    }
                }
                Item::Trait(t) if is_pub(&t.vis) && !hidden(&t.attrs) => {
                    self.types.insert(t.ident.to_string());
                    self.lines.insert(format!(
                        "{path}: trait {}{}: {}",
                        t.ident,
                        tokens(&t.generics),
                        tokens(&t.supertraits)
                    ));
                    for ti in &t.items {
                        if let syn::TraitItem::Fn(f) = ti {
                            let default = if f.default.is_some() {
                                " (provided)"
                            } else {
                                ""
                            };
                            self.lines.insert(format!(
                                "{path}: {}::{}{default}",
                                t.ident,
                                tokens(&f.sig)
                            ));
                        }
                    }
                }
                Item::Const(c) if is_pub(&c.vis) && !hidden(&c.attrs) => {
                    self.lines
                        .insert(format!("{path}: const {}: {}", c.ident, tokens(&c.ty)));
                }
                Item::Static(c) if is_pub(&c.vis) && !hidden(&c.attrs) => {
                    self.lines
                        .insert(format!("{path}: static {}: {}", c.ident, tokens(&c.ty)));
                }
                Item::Type(t) if is_pub(&t.vis) && !hidden(&t.attrs) => {
                    self.types.insert(t.ident.to_string());
                    self.lines
                        .insert(format!("{path}: type {} = {}", t.ident, tokens(&t.ty)));
                }
                Item::Use(u) if is_pub(&u.vis) && !hidden(&u.attrs) => {
                    self.lines
                        .insert(format!("{path}: pub use {}", tokens(&u.tree)));
                    collect_use_names(&u.tree, &mut self.types);
                }
                _ => {}
            }
        }
    }

    /// Records the public methods and trait impls of recorded types.
    fn impls(&mut self, krate: &str) {
        let all = std::mem::take(&mut self.all_items);
        for (_, items) in &all {
            for item in items {
                let Item::Impl(imp) = item else { continue };
                if hidden(&imp.attrs) {
                    continue;
                }
                let ty = tokens(&imp.self_ty);
                let name = ty
                    .split('<')
                    .next()
                    .unwrap_or(&ty)
                    .rsplit("::")
                    .next()
                    .unwrap_or(&ty)
                    .trim()
                    .to_string();
                if !self.types.contains(&name) {
                    continue;
                }
                match &imp.trait_ {
                    Some((neg, tr, _)) => {
                        let neg = if neg.is_some() { "!" } else { "" };
                        self.lines
                            .insert(format!("{krate} impls: impl {neg}{} for {ty}", tokens(tr)));
                    }
                    None => {
                        for ii in &imp.items {
                            if let syn::ImplItem::Fn(f) = ii {
                                if is_pub(&f.vis) && !hidden(&f.attrs) {
                                    self.lines
                                        .insert(format!("{krate} impls: {ty}::{}", tokens(&f.sig)));
                                }
                            }
                            if let syn::ImplItem::Const(c) = ii {
                                if is_pub(&c.vis) && !hidden(&c.attrs) {
                                    self.lines.insert(format!(
                                        "{krate} impls: {ty}::const {}: {}",
                                        c.ident,
                                        tokens(&c.ty)
                                    ));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn collect_use_names(tree: &syn::UseTree, out: &mut HashSet<String>) {
    match tree {
        syn::UseTree::Path(p) => collect_use_names(&p.tree, out),
        syn::UseTree::Name(n) => {
            out.insert(n.ident.to_string());
        }
        syn::UseTree::Rename(r) => {
            out.insert(r.ident.to_string());
            out.insert(r.rename.to_string());
        }
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| collect_use_names(t, out)),
        syn::UseTree::Glob(_) => {}
    }
}

fn surface(krate: &str) -> String {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(krate)
        .join("src");
    let lib = parse(&src.join("lib.rs"));
    let mut w = Walk {
        lines: BTreeSet::new(),
        types: HashSet::new(),
        all_items: Vec::new(),
    };
    let root = krate.replace('-', "_");
    w.module(&root, &lib.items, &src, true);
    w.impls(&root);
    let mut out = String::new();
    for l in &w.lines {
        out.push_str(l);
        out.push('\n');
    }
    out
}

#[test]
fn gomvs_graph_public_api() {
    insta::assert_snapshot!(surface("gomvs-graph"));
}

#[test]
fn gomvs_modfile_public_api() {
    insta::assert_snapshot!(surface("gomvs-modfile"));
}

#[test]
fn gomvs_git_public_api() {
    insta::assert_snapshot!(surface("gomvs-git"));
}
