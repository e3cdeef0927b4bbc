//! The flow drawn as SVG (laid out by `layout-rs`) and the self-contained HTML report.

use std::borrow::Cow;
use std::fmt::Write as _;

use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::style::StyleAttr;
use layout::std_shapes::render::get_shape_size;
use layout::std_shapes::shapes::{Arrow, Element, ShapeKind};
use layout::topo::layout::VisualGraph;

use super::render::{lines, merged_edges, replace_chars};
use super::{path_text, Exploration, StateKind};

/// The most states laid out: the layout's time grows fast (42 states take seconds).
const MAX_DRAWN: usize = 60;

/// One font size for boxes and arrows: the SVG writer lists its font styles in hash order.
const FONT: usize = 15;

/// The flow graph as one SVG document: a box per state (`S<id>` and its commands), failures in
/// red, the start and the end as circles, and an arrow per pair of states with the actions.
/// A graph of more than 60 states is not laid out (the picture says so).
///
/// ```
/// use ivr_xml_sim::explore::{to_svg, Exploration};
/// assert!(to_svg(&Exploration::default()).contains("<svg"));
/// ```
pub fn to_svg(exploration: &Exploration) -> String {
    if exploration.states.is_empty() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>\n"
            .to_owned();
    }
    if exploration.states.len() > MAX_DRAWN {
        return format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"30\"><text x=\"4\" y=\"20\">{} states are too many to lay out here (at most {MAX_DRAWN}): see --format dot</text></svg>\n", exploration.states.len());
    }
    // The layout crate asserts on graphs it cannot lay out; a report is still written then.
    let drawn = std::panic::catch_unwind(|| draw(exploration));
    match drawn {
        Ok(svg) => svg,
        Err(_) => "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"30\"><text x=\"4\" y=\"20\">the graph could not be laid out; see the states below</text></svg>\n".to_owned(),
    }
}

fn draw(exploration: &Exploration) -> String {
    let mut graph = VisualGraph::new(Orientation::TopToBottom);
    let mut handles = Vec::new();
    for state in &exploration.states {
        let mut text = lines(state);
        if let Some(first) = text.first_mut() {
            *first = format!("S{} {first}", state.id);
        }
        let text = text.join("\n");
        // Line colour and width, fill, corner rounding.
        let look = |line, width, fill, rounding| {
            StyleAttr::new(
                Color::fast(line),
                width,
                Some(Color::fast(fill)),
                rounding,
                FONT,
            )
        };
        let (shape, look) = match state.kind {
            StateKind::Start | StateKind::Ended => (
                ShapeKind::new_circle(&text),
                look("black", 2, "lightgray", 0),
            ),
            StateKind::Failed => (ShapeKind::new_box(&text), look("red", 3, "mistyrose", 0)),
            StateKind::Answer => (ShapeKind::new_box(&text), look("black", 2, "white", 5)),
        };
        let size = get_shape_size(Orientation::TopToBottom, &shape, FONT, false);
        handles.push(graph.add_node(Element::create(shape, look, Orientation::LeftToRight, size)));
    }
    for (from, to, action) in merged_edges(exploration) {
        if let (Some(&a), Some(&b)) = (handles.get(from), handles.get(to)) {
            graph.add_edge(Arrow::simple(&action), a, b);
        }
    }
    let mut svg = SVGWriter::new();
    graph.do_it(false, false, false, &mut svg);
    svg.finalize()
}

fn escape(text: &str) -> String {
    replace_chars(text, |c| {
        let replaced = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ => return None,
        };
        Some(Cow::Borrowed(replaced))
    })
}

/// One self-contained HTML page (no script, no network): the counts, the flow drawn as SVG,
/// the findings with their paths, transcripts and links to their states, and every state with
/// the answer that reached it.
///
/// ```
/// use ivr_xml_sim::explore::{to_html, Exploration};
/// let page = to_html(&Exploration::default(), "http://127.0.0.1:8080");
/// assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<svg"));
/// ```
pub fn to_html(exploration: &Exploration, title: &str) -> String {
    let mut out = String::new();
    let title = escape(title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ivr-xml explore: {title}</title>\n<style>body{{font-family:sans-serif;margin:1.5em}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}}.error{{color:#b00}}.warning{{color:#a60}}.info{{color:#06a}}pre{{white-space:pre-wrap;background:#f6f6f6;padding:.5em;margin:.2em 0}}.graph{{overflow:auto;border:1px solid #ddd}}.graph svg{{max-width:100%;height:auto}}</style></head><body>\n<h1>ivr-xml explore: {title}</h1>\n<p>{} calls, {} states, {} edges, {} findings, {:.1} s.</p>\n",
        exploration.calls,
        exploration.states.len(),
        exploration.edges.len(),
        exploration.findings.len(),
        exploration.elapsed.as_secs_f64()
    );
    for cut in &exploration.cut {
        let _ = writeln!(out, "<p class=\"warning\">Bound: {}</p>", escape(cut));
    }
    out.push_str("<h2>Flow</h2>\n<div class=\"graph\">\n");
    let svg = to_svg(exploration);
    // The XML declaration has no place inside HTML.
    let svg = match svg.strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or("", |(_, svg)| svg).to_owned(),
        None => svg,
    };
    out.push_str(&svg);
    out.push_str("</div>\n<h2>Findings</h2>\n");
    if exploration.findings.is_empty() {
        out.push_str("<p>None.</p>\n");
    }
    for (n, finding) in exploration.findings.iter().enumerate() {
        let state = finding.state.map_or(String::new(), |s| {
            format!(" at <a href=\"#state-{s}\">S{s}</a>")
        });
        let _ = write!(
            out,
            "<div id=\"finding-{n}\"><h3 class=\"{sev}\">{sev}[{code}]{state}: {url}</h3>\n<p>{message}</p>\n<p>Path: <code>{path}</code></p>\n",
            sev = finding.severity,
            code = escape(&finding.code),
            url = escape(&finding.url),
            message = escape(&finding.message),
            path = escape(&path_text(&finding.path)),
        );
        if !finding.answer.is_empty() {
            let _ = writeln!(out, "<p>Answer:</p><pre>{}</pre>", escape(&finding.answer));
        }
        if !finding.transcript.is_empty() {
            let _ = writeln!(
                out,
                "<details><summary>Transcript</summary><pre>{}</pre></details>",
                escape(&finding.transcript)
            );
        }
        out.push_str("</div>\n");
    }
    out.push_str("<h2>States</h2>\n<table><tr><th>state</th><th>reached by</th><th>path</th><th>answer</th></tr>\n");
    for state in &exploration.states {
        let _ = writeln!(
            out,
            "<tr id=\"state-{id}\"><td>S{id} {label}</td><td><code>{request}</code></td><td>{path}</td><td><pre>{answer}</pre></td></tr>",
            id = state.id,
            label = escape(&state.label),
            request = escape(&state.request),
            path = escape(&path_text(&state.path)),
            answer = escape(&state.answer),
        );
    }
    out.push_str("</table>\n</body></html>\n");
    out
}
