//! `ivr-xml explore` on the guide's conference application, in process: the flow it draws, no
//! error finding, and the README's picture (`docs/conference-flow.svg`). When the picture is
//! stale this test fails, and outside CI it writes the new one for review.
#![allow(clippy::unwrap_used)]

#[path = "../examples/conference/app.rs"]
#[allow(dead_code, unreachable_pub)]
mod app;

use ivr_xml_sim::explore::{explore, to_html, to_svg, to_text, ExploreOptions, Severity};
use ivr_xml_sim::InProcess;

const PICTURE: &str = "docs/conference-flow.svg";

#[tokio::test]
async fn the_conference_flow_has_no_error_and_its_picture_is_current() {
    let exploration = explore(&mut InProcess(app::router()), &ExploreOptions::default()).await;
    let text = to_text(&exploration);
    assert!(exploration.cut.is_empty(), "{text}");
    assert_eq!(
        exploration.worst(),
        Some(Severity::Warning),
        "no error finding:\n{text}"
    );
    // Start, end, the menu and its last chance, create (CreateConf, the id announced, JoinConf,
    // joined) and the id entry and its last chance.
    assert_eq!(exploration.states.len(), 10, "{text}");
    assert_eq!(exploration.edges.len(), 44, "{text}");
    let labels: Vec<&str> = exploration
        .states
        .iter()
        .map(|s| s.label.as_str())
        .collect();
    assert!(
        labels.contains(&"JoinConf joinconfok · Redirect joinconffail"),
        "{text}"
    );
    // The only warning: the guide's <CreateConf> has no failure path.
    let warnings: Vec<&str> = exploration
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .map(|f| f.code.as_str())
        .collect();
    assert_eq!(warnings, ["EXP003"], "{text}");

    let html = to_html(&exploration, "examples/conference");
    assert!(
        html.contains("<svg") && html.contains("S5 [autojoinconf]"),
        "{html}"
    );
    for outside in ["<script", "<link", "<img", "src=", "@import"] {
        assert!(
            !html.contains(outside),
            "the report loads nothing: {outside}"
        );
    }

    let svg = to_svg(&exploration);
    let committed = std::fs::read_to_string(PICTURE).unwrap_or_default();
    if committed != svg {
        if std::env::var_os("CI").is_none() {
            std::fs::write(PICTURE, &svg).unwrap();
        }
        panic!("{PICTURE} is stale: outside CI it was written anew; review and commit it");
    }
}
