//! Builders: generated `new(required...)` and setters (not yet generated: `ivr-xml`'s
//! `commands.rs` still writes them with `macro_rules!`).
