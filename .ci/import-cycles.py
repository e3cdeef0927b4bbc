#!/usr/bin/env python3
"""Lists import cycles between the top-level modules of ivr-xml/src (issue 12): a module uses
another when a non-comment line names `crate::other` (a `use` or a path in code), or an item
lib.rs re-exports from it (`crate::Command` is a use of `commands`). Exits 1 when there is a
cycle, printing each strongly connected group with its edges."""
import collections, os, re, sys

root = os.path.join(os.path.dirname(__file__), "..", "ivr-xml", "src")
modules = {f[:-3] for f in os.listdir(root) if f.endswith(".rs")} | {
    d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d))}
modules.discard("lib")
# Items lib.rs re-exports at the root, by the module that defines them.
reexports = {}
with open(os.path.join(root, "lib.rs"), encoding="utf-8") as lib:
    code = "\n".join(line.split("//")[0] for line in lib)
for module, names in re.findall(r"pub use (\w+)::\{([^}]*)\}", code):
    for name in re.findall(r"\w+", names):
        reexports[name] = module
for module, name in re.findall(r"pub use (\w+)::(\w+);", code):
    reexports[name] = module
edges = collections.defaultdict(set)
for dirpath, _, files in os.walk(root):
    for name in files:
        if not name.endswith(".rs"):
            continue
        rel = os.path.relpath(os.path.join(dirpath, name), root)
        module = rel.split(os.sep)[0].removesuffix(".rs")
        if module == "lib":
            continue
        with open(os.path.join(dirpath, name), encoding="utf-8") as source:
            for line in source:
                code = line.split("//")[0]
                for target in re.findall(r"crate::(\w+)", code):
                    target = reexports.get(target, target)
                    if target in modules and target != module:
                        edges[module].add(target)

index, low, stack, on_stack, groups = {}, {}, [], set(), []
def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v); on_stack.add(v)
    for w in sorted(edges[v]):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        group = []
        while True:
            w = stack.pop(); on_stack.discard(w); group.append(w)
            if w == v:
                break
        if len(group) > 1:
            groups.append(sorted(group))
for v in sorted(modules):
    if v not in index:
        visit(v)
for group in groups:
    print("cycle:", ", ".join(f"{a} -> {sorted(edges[a] & set(group))}" for a in group))
sys.exit(1 if groups else 0)
