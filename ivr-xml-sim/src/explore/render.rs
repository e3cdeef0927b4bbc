//! The exploration as text, JSON, Mermaid and Graphviz DOT.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::identity::url_path;
use super::{path_text, Choice, Exploration, Severity, State, StateKind, Step};

/// The edges drawn: one per pair of states, the actions joined (`press 0 3 4 … #`).
pub(super) fn merged_edges(exploration: &Exploration) -> Vec<(usize, usize, String)> {
    let mut merged: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for edge in &exploration.edges {
        match merged
            .iter_mut()
            .find(|(f, t, _)| *f == edge.from && *t == edge.to)
        {
            Some((_, _, actions)) => actions.push(edge.action.clone()),
            None => merged.push((edge.from, edge.to, vec![edge.action.clone()])),
        }
    }
    merged
        .into_iter()
        .map(|(from, to, actions)| {
            let keys: Vec<&str> = actions
                .iter()
                .filter_map(|a| a.strip_prefix("press "))
                .collect();
            let mut parts: Vec<String> = actions
                .iter()
                .filter(|a| !a.starts_with("press "))
                .cloned()
                .collect();
            if !keys.is_empty() {
                parts.insert(0, format!("press {}", keys.join(" ")));
            }
            (from, to, parts.join(" / "))
        })
        .collect()
}

/// A state's title: the notification segment that reached it, if any.
pub(super) fn title(state: &State) -> String {
    match state.kind {
        StateKind::Start | StateKind::Ended => state.label.clone(),
        _ => {
            let target = state.request.split_once(' ').map_or("", |(_, t)| t);
            url_path(target)
        }
    }
}

/// A state's lines for a drawing: its title, then its commands, one a line.
pub(super) fn lines(state: &State) -> Vec<String> {
    match state.kind {
        StateKind::Start | StateKind::Ended => vec![state.label.clone()],
        StateKind::Failed => vec![state.label.clone()],
        StateKind::Answer => {
            let mut lines = vec![format!("[{}]", title(state))];
            lines.extend(state.label.split(" · ").map(str::to_owned));
            lines
        }
    }
}

/// A human summary: counts, states, findings with their paths, bounds.
///
/// ```
/// use ivr_xml_sim::explore::{to_text, Exploration};
/// assert!(to_text(&Exploration::default()).contains("0 calls"));
/// ```
pub fn to_text(exploration: &Exploration) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "explored {} calls: {} states, {} edges, in {:.1} s",
        exploration.calls,
        exploration.states.len(),
        exploration.edges.len(),
        exploration.elapsed.as_secs_f64()
    );
    for state in &exploration.states {
        let _ = writeln!(out, "  S{:<3} {}", state.id, state.label);
    }
    for (from, to, action) in merged_edges(exploration) {
        let _ = writeln!(out, "  S{from} -> S{to}: {action}");
    }
    for finding in &exploration.findings {
        let _ = writeln!(
            out,
            "{}[{}] {}: {}",
            finding.severity, finding.code, finding.url, finding.message
        );
        let _ = writeln!(out, "    path: {}", path_text(&finding.path));
    }
    for cut in &exploration.cut {
        let _ = writeln!(out, "bound: {cut}");
    }
    let _ = writeln!(
        out,
        "{} errors, {} warnings, {} notes",
        exploration.count(Severity::Error),
        exploration.count(Severity::Warning),
        exploration.count(Severity::Info)
    );
    out
}

/// `text` as a JSON string literal.
pub(super) fn json_string(text: &str) -> String {
    let escaped = replace_chars(text, |c| match c {
        '"' => Some(Cow::Borrowed("\\\"")),
        '\\' => Some(Cow::Borrowed("\\\\")),
        '\n' => Some(Cow::Borrowed("\\n")),
        '\r' => Some(Cow::Borrowed("\\r")),
        '\t' => Some(Cow::Borrowed("\\t")),
        c if (c as u32) < 0x20 => Some(Cow::Owned(format!("\\u{:04x}", c as u32))),
        _ => None,
    });
    format!("\"{escaped}\"")
}

/// `text` with each character `replacement` gives a replacement for replaced: the one loop of
/// every format's escaping (JSON here, HTML in `html.rs`).
pub(super) fn replace_chars(
    text: &str,
    replacement: impl Fn(char) -> Option<Cow<'static, str>>,
) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match replacement(c) {
            Some(replaced) => out.push_str(&replaced),
            None => out.push(c),
        }
    }
    out
}

fn json_path(path: &[Step]) -> String {
    let items: Vec<String> = path
        .iter()
        .map(|s| json_string(&s.choice.to_string()))
        .collect();
    format!("[{}]", items.join(","))
}

fn json_script(path: &[Step]) -> String {
    let items: Vec<String> = path
        .iter()
        .map(|s| match &s.choice {
            Choice::Press(keys) => format!(
                "{{\"action\":\"press\",\"keys\":{},\"after_ms\":{}}}",
                json_string(keys),
                s.after.as_millis()
            ),
            Choice::Silence => "{\"action\":\"silence\"}".to_owned(),
            Choice::HangUp => format!(
                "{{\"action\":\"hang_up\",\"after_ms\":{}}}",
                s.after.as_millis()
            ),
        })
        .collect();
    format!("[{}]", items.join(","))
}

/// One JSON object: `states`, `edges` (`from`, `to`, `action`), `findings` (`code`,
/// `severity`, `message`, `url`, `state`, `path`, `script`, `answer`, `transcript`), `calls`,
/// `cut` and `elapsed_ms`.
///
/// ```
/// use ivr_xml_sim::explore::{to_json, Exploration};
/// assert!(to_json(&Exploration::default()).starts_with("{\"calls\":0,"));
/// ```
pub fn to_json(exploration: &Exploration) -> String {
    let kind = |k: StateKind| match k {
        StateKind::Start => "start",
        StateKind::Answer => "answer",
        StateKind::Ended => "ended",
        StateKind::Failed => "failed",
    };
    let states: Vec<String> = exploration
        .states
        .iter()
        .map(|s| {
            format!(
                "{{\"id\":{},\"kind\":\"{}\",\"label\":{},\"request\":{},\"answer\":{},\"path\":{}}}",
                s.id,
                kind(s.kind),
                json_string(&s.label),
                json_string(&s.request),
                json_string(&s.answer),
                json_path(&s.path)
            )
        })
        .collect();
    let edges: Vec<String> = exploration
        .edges
        .iter()
        .map(|e| {
            format!(
                "{{\"from\":{},\"to\":{},\"action\":{}}}",
                e.from,
                e.to,
                json_string(&e.action)
            )
        })
        .collect();
    let findings: Vec<String> = exploration
        .findings
        .iter()
        .map(|f| {
            format!(
                "{{\"code\":{},\"severity\":\"{}\",\"message\":{},\"url\":{},\"state\":{},\"path\":{},\"script\":{},\"answer\":{},\"transcript\":{}}}",
                json_string(&f.code),
                f.severity,
                json_string(&f.message),
                json_string(&f.url),
                f.state.map_or("null".to_owned(), |s| s.to_string()),
                json_path(&f.path),
                json_script(&f.path),
                json_string(&f.answer),
                json_string(&f.transcript)
            )
        })
        .collect();
    let cut: Vec<String> = exploration.cut.iter().map(|c| json_string(c)).collect();
    format!(
        "{{\"calls\":{},\"elapsed_ms\":{},\"cut\":[{}],\"states\":[{}],\"edges\":[{}],\"findings\":[{}]}}\n",
        exploration.calls,
        exploration.elapsed.as_millis(),
        cut.join(","),
        states.join(","),
        edges.join(","),
        findings.join(",")
    )
}

fn mermaid_text(text: &str) -> String {
    text.replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
        .replace('|', "#124;")
}

/// A Mermaid flowchart of the states and edges.
///
/// ```
/// use ivr_xml_sim::explore::{to_mermaid, Exploration};
/// assert!(to_mermaid(&Exploration::default()).starts_with("flowchart TD\n"));
/// ```
pub fn to_mermaid(exploration: &Exploration) -> String {
    let mut out = String::from("flowchart TD\n");
    for state in &exploration.states {
        let text = mermaid_text(&lines(state).join("<br/>"));
        let _ = match state.kind {
            StateKind::Start | StateKind::Ended => writeln!(out, "  s{}([\"{text}\"])", state.id),
            StateKind::Failed => writeln!(out, "  s{}{{{{\"{text}\"}}}}", state.id),
            StateKind::Answer => writeln!(out, "  s{}[\"{text}\"]", state.id),
        };
    }
    for (from, to, action) in merged_edges(exploration) {
        let _ = writeln!(out, "  s{from} -->|\"{}\"| s{to}", mermaid_text(&action));
    }
    out
}

fn dot_text(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// A Graphviz DOT digraph of the states and edges.
///
/// ```
/// use ivr_xml_sim::explore::{to_dot, Exploration};
/// assert!(to_dot(&Exploration::default()).starts_with("digraph flow {"));
/// ```
pub fn to_dot(exploration: &Exploration) -> String {
    let mut out = String::from("digraph flow {\n  node [shape=box, fontname=\"sans-serif\"];\n");
    for state in &exploration.states {
        let text: Vec<String> = lines(state).iter().map(|l| dot_text(l)).collect();
        let style = match state.kind {
            StateKind::Start | StateKind::Ended => ", shape=ellipse",
            StateKind::Failed => ", color=red, fontcolor=red",
            StateKind::Answer => "",
        };
        let _ = writeln!(
            out,
            "  s{} [label=\"{}\"{style}];",
            state.id,
            text.join("\\n")
        );
    }
    for (from, to, action) in merged_edges(exploration) {
        let _ = writeln!(out, "  s{from} -> s{to} [label=\"{}\"];", dot_text(&action));
    }
    out.push_str("}\n");
    out
}
