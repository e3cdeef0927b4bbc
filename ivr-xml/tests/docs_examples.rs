//! The guide's eleven examples (spec §7.1), committed verbatim under `tests/fixtures/docs/`.
//!
//! For each: (a) parsing it gives exactly the value built with the builders; (b) the builders'
//! output in the matching style equals the example line by line once each line is stripped;
//! (c) an insta snapshot of the docs-style output.
#![allow(clippy::unwrap_used)]

use ivr_xml::{
    CmdNone, CreateConf, Declaration, Get, Hangup, JoinConf, Play, PlayMix, Redirect, Response,
    Style,
};

struct Example {
    file: &'static str,
    text: &'static str,
    build: fn() -> Response,
}

macro_rules! example {
    ($file:literal, $build:expr) => {
        Example {
            file: $file,
            text: include_str!(concat!("fixtures/docs/", $file)),
            build: $build,
        }
    };
}

fn first_menu(subs: fn(ivr_xml::ResponseBuilder) -> ivr_xml::ResponseBuilder) -> Response {
    let builder = Response::builder().main(
        Get::new()
            .action("firstget")
            .numdigits(1)
            .timeout(30)
            .prompt(Play::new("confmenu.wav")),
    );
    subs(builder).build().unwrap()
}

fn join_id_prompt(prompt: &str) -> Response {
    Response::builder()
        .main(
            Get::new()
                .action("joinconfget")
                .numdigits(8)
                .timeout(30)
                .prompt(Play::new(prompt)),
        )
        .then(Play::new("timeout.wav"))
        .then(Redirect::new("gettimeout").tag("2"))
        .build()
        .unwrap()
}

fn examples() -> Vec<Example> {
    vec![
        example!("01-conf-guide-step05-firstget-menu.xml", || first_menu(
            |b| b
                .then(Play::new("timeout.wav"))
                .then(Redirect::new("gettimeout").tag("1"))
        )),
        example!("02-conf-guide-step07-firstget-hangup.xml", || first_menu(
            |b| b.then(Play::new("timeoutbye.wav")).then(Hangup::new())
        )),
        example!("03-conf-guide-step08a-createconf.xml", || {
            Response::builder()
                .main(
                    CreateConf::new()
                        .action("createconfok")
                        .maxmember(10)
                        .autojoin(false),
                )
                .build()
                .unwrap()
        }),
        example!("04-conf-guide-step08b-joinconfget.xml", || join_id_prompt(
            "confjoin.wav"
        )),
        example!("05-conf-guide-step08c-firstget-other-key.xml", || {
            first_menu(|b| {
                b.then(Play::new("timeout.wav"))
                    .then(Redirect::new("gettimeout").tag("1"))
            })
        }),
        example!("06-conf-guide-step09-joinconf-digits.xml", || {
            Response::builder()
                .main(JoinConf::new("$digits").action("joinconfok"))
                .then(Redirect::new("joinconffail"))
                .build()
                .unwrap()
        }),
        example!("07-conf-guide-step11-playmix-confid.xml", || {
            Response::builder()
                .main(PlayMix::new().file("createconf.wav").digits("$confid"))
                .then(Redirect::new("autojoinconf"))
                .build()
                .unwrap()
        }),
        example!("08-conf-guide-step13-joinconf-confid.xml", || {
            Response::builder()
                .main(JoinConf::new("$confid").action("joinconfok"))
                .then(Redirect::new("joinconffail"))
                .build()
                .unwrap()
        }),
        example!("09-conf-guide-step15-cmdnone-tabs.xml", || {
            Response::builder().main(CmdNone::new()).build().unwrap()
        }),
        example!("10-conf-guide-step16-joinconffail-retry.xml", || {
            join_id_prompt("confjoinfail.wav")
        }),
        example!("11-conf-guide-step18-cmdnone-spaces.xml", || {
            Response::builder().main(CmdNone::new()).build().unwrap()
        }),
    ]
}

/// The example's own style: the guide's, without a declaration where the example has none.
fn style_of(text: &str) -> Style {
    if text.starts_with("<?xml") {
        Style::docs()
    } else {
        Style::docs().declaration(Declaration::None)
    }
}

/// Level 2 of `docs-examples/README.md`: lines stripped of leading and trailing spaces and tabs,
/// trailing empty lines dropped.
fn stripped_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.trim_matches([' ', '\t']))
        .collect();
    while lines.last() == Some(&"") {
        lines.pop();
    }
    lines
}

#[test]
fn there_are_eleven_examples() {
    assert_eq!(examples().len(), 11);
}

#[test]
fn a_parsing_each_example_gives_the_built_value() {
    for example in examples() {
        let parsed: Response = example
            .text
            .parse()
            .unwrap_or_else(|err| panic!("{}: {err}", example.file));
        assert_eq!(parsed, (example.build)(), "{}", example.file);
    }
}

#[test]
fn b_built_output_matches_each_example_line_by_line() {
    for example in examples() {
        let written = (example.build)().to_string_with(&style_of(example.text));
        assert_eq!(
            stripped_lines(&written),
            stripped_lines(example.text),
            "{}\n--- written ---\n{written}",
            example.file
        );
    }
}

#[test]
fn c_docs_style_output_snapshots() {
    for example in examples() {
        let written = (example.build)().to_string_with(&style_of(example.text));
        let name = example.file.trim_end_matches(".xml");
        insta::assert_snapshot!(name, written);
    }
}

#[test]
fn the_issue_s_rendering_of_example_01_is_exact() {
    let doc = (examples()[0].build)();
    assert_eq!(
        doc.to_string(),
        "<?xml version='1.0' encoding='UTF-8'?>\n<Response>\n    <Get action='firstget' numdigits='1' timeout='30'>\n        <Play>confmenu.wav</Play>\n    </Get>\n    <Play>timeout.wav</Play>\n    <Redirect tag='1'>gettimeout</Redirect>\n</Response>"
    );
}

#[test]
fn every_example_round_trips_in_every_style() {
    let styles = [
        Style::docs(),
        Style::compact(),
        Style::docs()
            .quote(ivr_xml::Quote::Double)
            .declaration(Declaration::DoubleQuoted),
        Style::docs()
            .declaration(Declaration::DoubleQuotedSpaceBeforeClose)
            .indent("\t"),
        Style::compact().declaration(Declaration::None),
        Style::docs().indent(""),
    ];
    for example in examples() {
        let value = (example.build)();
        for style in &styles {
            let written = value.to_string_with(style);
            let reparsed: Response = written
                .parse()
                .unwrap_or_else(|err| panic!("{}: {err}\n{written}", example.file));
            assert_eq!(reparsed, value, "{} in {style:?}", example.file);
        }
    }
}

#[test]
fn examples_01_and_05_are_the_same_document() {
    let all = examples();
    let first: Response = all[0].text.parse().unwrap();
    let fifth: Response = all[4].text.parse().unwrap();
    assert_eq!(first, fifth);
}
