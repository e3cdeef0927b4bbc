//! Printing findings: rustc-style for people, JSON for tools.

use std::borrow::Cow;
use std::fmt::Write as _;

use ivr_xml::validate::{Diagnostic, Severity};

/// One file's findings.
pub(crate) struct FileReport<'a> {
    pub(crate) path: &'a str,
    pub(crate) text: Cow<'a, str>,
    pub(crate) findings: Vec<Diagnostic>,
}

/// Tabs are shown as four spaces so that the caret lines up.
fn expand_tabs(text: &str) -> String {
    text.replace('\t', "    ")
}

fn width(text: &str) -> usize {
    text.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum()
}

fn render(out: &mut String, path: &str, text: &str, finding: &Diagnostic) {
    let line_no = finding.start.line as usize;
    let _ = writeln!(
        out,
        "{}[{}]: {}",
        finding.severity, finding.code, finding.message
    );
    let gutter = line_no.to_string().len();
    let pad = " ".repeat(gutter);
    let _ = writeln!(out, "{pad}--> {path}:{}", finding.start);
    let line_start = text[..finding.offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = text[line_start..]
        .split('\n')
        .next()
        .unwrap_or("")
        .trim_end_matches('\r');
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(out, "{line_no} | {}", expand_tabs(line));
    let before = text.get(line_start..finding.offset).map_or(0, width);
    let culprit = text
        .get(finding.offset..finding.offset + finding.len)
        .unwrap_or("");
    let carets = width(culprit.split('\n').next().unwrap_or("")).max(1);
    let label = if finding.path.is_empty() {
        String::new()
    } else {
        format!(" {}", finding.path)
    };
    let _ = writeln!(
        out,
        "{pad} | {}{}{label}",
        " ".repeat(before),
        "^".repeat(carets)
    );
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(out, "{pad} = help: {}", finding.help);
    let _ = writeln!(out);
}

fn count(reports: &[FileReport<'_>], severity: Severity) -> usize {
    reports
        .iter()
        .flat_map(|r| &r.findings)
        .filter(|d| d.severity == severity)
        .count()
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Every finding with its source line and a caret, then a summary line.
pub(crate) fn human(reports: &[FileReport<'_>]) -> String {
    let mut out = String::new();
    for report in reports {
        for finding in &report.findings {
            render(&mut out, report.path, &report.text, finding);
        }
    }
    let (errors, warnings) = (
        count(reports, Severity::Error),
        count(reports, Severity::Warning),
    );
    let _ = writeln!(
        out,
        "{} checked: {}, {}",
        plural(reports.len(), "document"),
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    out
}

/// One JSON document: `{"documents": [{"path", "diagnostics": [...]}], "errors", "warnings"}`.
pub(crate) fn json(reports: &[FileReport<'_>]) -> String {
    let documents: Vec<serde_json::Value> = reports
        .iter()
        .map(|report| {
            let diagnostics: Vec<serde_json::Value> = report
                .findings
                .iter()
                .map(|d| {
                    serde_json::json!({
                        "code": d.code,
                        "name": d.name,
                        "severity": d.severity.to_string(),
                        "message": d.message,
                        "line": d.start.line,
                        "column": d.start.column,
                        "offset": d.offset,
                        "length": d.len,
                        "path": d.path,
                        "help": d.help,
                    })
                })
                .collect();
            serde_json::json!({ "path": report.path, "diagnostics": diagnostics })
        })
        .collect();
    let value = serde_json::json!({
        "documents": documents,
        "errors": count(reports, Severity::Error),
        "warnings": count(reports, Severity::Warning),
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}
