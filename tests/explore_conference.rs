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

/// The HTML report in headless Chromium: it renders with no network (the flags keep Chromium
/// from reaching out) and the drawn flow is in the page. Needs Debian's `chromium`:
/// `cargo test --test explore_conference -- --ignored`.
#[tokio::test]
#[ignore = "needs /usr/bin/chromium (apt-get install chromium)"]
async fn the_html_report_renders_in_headless_chromium() {
    let exploration = explore(&mut InProcess(app::router()), &ExploreOptions::default()).await;
    let dir = std::env::temp_dir().join(format!("ivr-xml-explore-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("flow.html");
    std::fs::write(&page, to_html(&exploration, "examples/conference")).unwrap();
    let chromium = |extra: &[&str]| {
        std::process::Command::new("/usr/bin/chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
            ])
            .arg(format!("--user-data-dir={}", dir.join("profile").display()))
            .args(extra)
            .arg(format!("file://{}", page.display()))
            .output()
            .unwrap()
    };
    let dom = chromium(&["--dump-dom"]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.contains("<svg") && dom.contains("S5 [autojoinconf]"),
        "{dom}"
    );
    let shot = dir.join("flow.png");
    chromium(&[&format!("--screenshot={}", shot.display())]);
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "{} bytes",
        png.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
