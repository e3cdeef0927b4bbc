//! The workspace's `rust-version` (its MSRV) is at least what every locked dependency declares:
//! cargo builds a dependency that needs a newer Rust without a word on a newer toolchain, so
//! this is what notices that a `cargo update` raised the true minimum. (The standard library
//! items the code uses are checked against `rust-version` by clippy's `incompatible_msrv`
//! lint, in CI's clippy step; `.ci/run` builds with that toolchain when it is installed.)
#![allow(clippy::unwrap_used)]

use std::process::Command;

/// `"1.88"` or `"1.88.0"` as (major, minor, patch).
fn version(text: &str) -> (u64, u64, u64) {
    let mut parts = text.split('.').map(|p| p.parse::<u64>().unwrap());
    (
        parts.next().unwrap(),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    )
}

#[test]
fn no_locked_dependency_needs_a_newer_rust_than_rust_version() {
    let root = env!("CARGO_MANIFEST_DIR");
    let manifest = std::fs::read_to_string(format!("{root}/Cargo.toml")).unwrap();
    let msrv = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("[workspace.package] rust-version");
    // The READMEs say the same.
    for readme in [
        "README.md",
        "ivr-xml/README.md",
        "ivr-xml-derive/README.md",
        "ivr-xml-cli/README.md",
        "ivr-xml-sim/README.md",
    ] {
        let text = std::fs::read_to_string(format!("{root}/{readme}")).unwrap();
        assert!(
            text.contains(&format!("MSRV {msrv}")) || text.contains(&format!("MSRV: Rust {msrv}")),
            "{readme} does not state MSRV {msrv}"
        );
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let metadata = |offline: bool| {
        let mut command = Command::new(&cargo);
        command
            .args(["metadata", "--format-version", "1", "--locked"])
            .current_dir(root);
        if offline {
            command.arg("--offline");
        }
        command.output().unwrap()
    };
    // Offline when every manifest is cached (after a build, for this platform's packages at
    // least); else from the registry, for the other platforms' packages.
    let output = match metadata(true) {
        output if output.status.success() => output,
        _ => metadata(false),
    };
    assert!(
        output.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let packages = metadata["packages"].as_array().unwrap();
    let mut newer: Vec<String> = Vec::new();
    let mut highest = (0, 0, 0);
    let mut declared = 0;
    for package in packages {
        // The workspace's own packages inherit `rust-version`: only dependencies count.
        if package["source"].is_null() {
            continue;
        }
        let Some(needs) = package["rust_version"].as_str() else {
            continue;
        };
        declared += 1;
        highest = highest.max(version(needs));
        if version(needs) > version(msrv) {
            newer.push(format!(
                "{} {} needs {needs}",
                package["name"], package["version"]
            ));
        }
    }
    // The check is not vacuous: most of the tree declares a rust-version.
    assert!(
        declared > 50,
        "only {declared} packages declare a rust-version"
    );
    assert!(
        newer.is_empty(),
        "rust-version = {msrv}, but the lock holds:\n{}",
        newer.join("\n")
    );
    // And the MSRV is the true minimum as far as the lock knows: some dependency needs it.
    assert_eq!(
        highest,
        version(msrv),
        "rust-version = {msrv} while the lock needs only {highest:?}: lower it (unless the code itself needs it; say why here)"
    );
}
