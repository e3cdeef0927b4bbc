//! The comparison printed at the end of a run, from the estimates criterion saved in this run:
//! throughput and the median over the guide's documents of each per-document time ratio.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::corpus::{Case, Layout};

/// Where criterion keeps its results, found as criterion finds it.
fn criterion_dir() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return Some(PathBuf::from(home));
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return Some(PathBuf::from(target).join("criterion"));
    }
    // The bench binary is target/<profile>/deps/<name>.
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.parent()?.parent()?.join("criterion"))
}

/// The median time per iteration in nanoseconds, if measured in this run.
fn median_ns(dir: &Path, group: &str, function: &str, since: SystemTime) -> Option<f64> {
    let path = dir
        .join(group)
        .join(function)
        .join("new")
        .join("estimates.json");
    let modified = std::fs::metadata(&path).ok()?.modified().ok()?;
    if modified < since {
        return None;
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    json["median"]["point_estimate"].as_f64()
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    })
}

/// MiB/s for `bytes` in `ns` (criterion prints MiB/s too).
fn mib_s(bytes: usize, ns: f64) -> f64 {
    bytes as f64 / ns * 1e9 / (1024.0 * 1024.0)
}

struct Table<'a> {
    dir: PathBuf,
    since: SystemTime,
    cases: &'a [Case],
}

/// Per-implementation figures for one layout: guide median throughput and ratio, 1000-command ones.
struct Row {
    guide_mib_s: Option<f64>,
    guide_ratio: Option<f64>,
    big_mib_s: Option<f64>,
    big_ratio: Option<f64>,
}

impl Table<'_> {
    fn ns(&self, kind: &str, layout: Layout, case: &Case, function: &str) -> Option<f64> {
        let group = format!("{kind}-{}-{}", layout.name(), case.id);
        median_ns(&self.dir, &group, function, self.since)
    }

    /// `function`'s throughput, and its time divided by `base`'s, per document.
    fn row(&self, kind: &str, layout: Layout, function: &str, base: &str) -> Row {
        let mut guide_mib_s = Vec::new();
        let mut guide_ratio = Vec::new();
        let mut row = Row {
            guide_mib_s: None,
            guide_ratio: None,
            big_mib_s: None,
            big_ratio: None,
        };
        for case in self.cases {
            let Some(ns) = self.ns(kind, layout, case, function) else {
                continue;
            };
            let throughput = mib_s(case.text(layout).len(), ns);
            let ratio = self.ns(kind, layout, case, base).map(|b| ns / b);
            if case.guide {
                guide_mib_s.push(throughput);
                guide_ratio.extend(ratio);
            } else if case.id == "1000clean" {
                row.big_mib_s = Some(throughput);
                row.big_ratio = ratio;
            }
        }
        row.guide_mib_s = median(guide_mib_s);
        row.guide_ratio = median(guide_ratio);
        row
    }
}

fn cell(value: Option<f64>, suffix: &str, digits: usize) -> String {
    match value {
        Some(v) => format!("{v:.digits$}{suffix}"),
        None => "-".to_owned(),
    }
}

const WRITERS: [(&str, &str); 10] = [
    ("ivr-xml", "ivr-xml, reused buffer"),
    ("ivr-xml-fresh", "ivr-xml, fresh `String`"),
    ("hand", "hand-written `push_str`, reused buffer"),
    ("hand-fresh", "hand-written `push_str`, fresh `String`"),
    ("serde-quick-xml", "serde + quick-xml, reused buffer"),
    ("instant-xml", "instant-xml, reused buffer"),
    ("strong-xml", "strong-xml derive, reused buffer"),
    ("hard-xml", "hard-xml derive, reused buffer"),
    ("ivr-xml-vec", "ivr-xml `write_to_vec`, reused `Vec<u8>`"),
    ("ivr-xml-io-vec", "ivr-xml `write_to_io`, reused `Vec<u8>`"),
];

const PARSERS: [(&str, &str); 8] = [
    ("ivr-xml", "ivr-xml (strict, owned values)"),
    ("hand", "hand-written quick-xml `Reader`, borrowing"),
    (
        "hand-owned",
        "quick-xml events driven by hand, owned strings",
    ),
    ("strong-xml", "strong-xml derive, borrowing"),
    ("hard-xml", "hard-xml derive, borrowing"),
    ("serde-quick-xml", "serde + quick-xml"),
    ("instant-xml", "instant-xml"),
    ("quick-xml-tokens", "quick-xml tokenizing alone"),
];

/// Prints the comparison as Markdown, from the estimates written since `since`.
pub(crate) fn print(since: SystemTime, cases: &[Case]) {
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    let Some(dir) = criterion_dir() else {
        return;
    };
    let table = Table { dir, since, cases };
    let mut printed_any = false;
    let mut out = String::new();
    out.push_str(
        "\n## Comparison\n\nMedian over the guide's 11 documents of each document's throughput and of its \
         time as a ratio to the hand-written baseline (< 1 is faster); the 1,000-command document \
         on its own.\n",
    );
    for (kind, implementations) in [("write", &WRITERS[..]), ("parse", &PARSERS[..])] {
        out.push_str(&format!(
            "\n| {kind} | layout | guide MiB/s | guide ratio | 1000-cmd MiB/s | 1000-cmd ratio |\n|---|---|--:|--:|--:|--:|\n"
        ));
        for layout in Layout::ALL {
            for (function, label) in implementations {
                let row = table.row(kind, layout, function, "hand");
                if row.guide_mib_s.is_none() && row.big_mib_s.is_none() {
                    continue;
                }
                printed_any = true;
                out.push_str(&format!(
                    "| {label} | {} | {} | {} | {} | {} |\n",
                    layout.name(),
                    cell(row.guide_mib_s, "", 0),
                    cell(row.guide_ratio, "x", 2),
                    cell(row.big_mib_s, "", 0),
                    cell(row.big_ratio, "x", 2),
                ));
            }
        }
    }

    out.push_str(
        "\n| notification (query string) | ivr-xml MiB/s | serde_urlencoded MiB/s | serde_urlencoded time / ivr-xml time |\n|---|--:|--:|--:|\n",
    );
    let mut notify_speedups = Vec::new();
    for (name, query) in crate::notifications::queries() {
        let group = format!("notify-{name}");
        let ours = median_ns(&table.dir, &group, "ivr-xml", since);
        let serde = median_ns(&table.dir, &group, "serde-urlencoded", since);
        if let (Some(ours), Some(serde)) = (ours, serde) {
            printed_any = true;
            notify_speedups.push(serde / ours);
            out.push_str(&format!(
                "| {name} | {:.0} | {:.0} | {:.2}x |\n",
                mib_s(query.len(), ours),
                mib_s(query.len(), serde),
                serde / ours
            ));
        }
    }

    out.push_str("\n### Targets\n\n");
    let targets = [
        (
            "write",
            "ivr-xml",
            "hand",
            "writing at most 1.0x the hand-written writer's time",
            1.0,
        ),
        (
            "write",
            "serde-quick-xml",
            "ivr-xml",
            "writing at least 4x faster than serde + quick-xml",
            4.0,
        ),
        (
            "parse",
            "ivr-xml",
            "hand",
            "parsing at most 0.8x the hand-written parser's time",
            0.8,
        ),
        (
            "parse",
            "serde-quick-xml",
            "ivr-xml",
            "parsing at least 2x faster than serde + quick-xml",
            2.0,
        ),
    ];
    for (kind, function, base, text, goal) in targets {
        // The first two compare a time ratio to an upper bound, the others a speed-up to a lower one.
        let upper = base == "hand";
        let mut parts = Vec::new();
        let mut met = true;
        for layout in Layout::ALL {
            let row = table.row(kind, layout, function, base);
            for (what, value) in [("guide", row.guide_ratio), ("1000-cmd", row.big_ratio)] {
                if let Some(v) = value {
                    met &= if upper { v <= goal } else { v >= goal };
                    parts.push(format!("{} {what} {v:.2}x", layout.name()));
                }
            }
        }
        if parts.is_empty() {
            continue;
        }
        let verdict = if met { "met" } else { "NOT met" };
        out.push_str(&format!("- {text}: {verdict} ({})\n", parts.join(", ")));
    }
    if !notify_speedups.is_empty() {
        let met = notify_speedups.iter().all(|&v| v > 1.0);
        let verdict = if met { "met" } else { "NOT met" };
        let parts: Vec<String> = notify_speedups.iter().map(|v| format!("{v:.2}x")).collect();
        out.push_str(&format!(
            "- notification parsing faster than serde_urlencoded: {verdict} ({})\n",
            parts.join(", ")
        ));
    }
    if printed_any {
        println!("{out}");
    }
}
