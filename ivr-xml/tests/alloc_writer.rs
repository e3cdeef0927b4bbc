//! Writing a `Response` into a reused `String` that is already large enough allocates nothing:
//! checked with a counting global allocator for the guide's eleven documents and a
//! 1,000-command document, in the docs' style and compact.
//!
//! Allocation counts are deterministic, so this is an exact assertion; timings live in the
//! benchmarks (`cargo bench`), never in tests. The allocator counts every thread, so this binary
//! holds a single test.
#![allow(clippy::unwrap_used)]

use std::alloc::System;

use ivr_xml::{
    CreateConf, Get, Hangup, JoinConf, Key, Play, PlayMix, PlayTts, Redirect, Response, Style,
};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const GUIDE: [&str; 11] = [
    include_str!("fixtures/docs/01-conf-guide-step05-firstget-menu.xml"),
    include_str!("fixtures/docs/02-conf-guide-step07-firstget-hangup.xml"),
    include_str!("fixtures/docs/03-conf-guide-step08a-createconf.xml"),
    include_str!("fixtures/docs/04-conf-guide-step08b-joinconfget.xml"),
    include_str!("fixtures/docs/05-conf-guide-step08c-firstget-other-key.xml"),
    include_str!("fixtures/docs/06-conf-guide-step09-joinconf-digits.xml"),
    include_str!("fixtures/docs/07-conf-guide-step11-playmix-confid.xml"),
    include_str!("fixtures/docs/08-conf-guide-step13-joinconf-confid.xml"),
    include_str!("fixtures/docs/09-conf-guide-step15-cmdnone-tabs.xml"),
    include_str!("fixtures/docs/10-conf-guide-step16-joinconffail-retry.xml"),
    include_str!("fixtures/docs/11-conf-guide-step18-cmdnone-spaces.xml"),
];

/// The benchmarks' 1,000-command document: a `<Get>` menu and 999 sub-commands of every kind,
/// some needing escaping.
fn thousand_commands() -> Response {
    let mut builder = Response::builder().main(
        Get::new()
            .action("mainmenu")
            .numdigits(1)
            .timeout(30)
            .finishkey(Key::Hash)
            .prompt(Play::new("welcome.wav"))
            .prompt(PlayTts::new("欢迎致电，请按键")),
    );
    for i in 1..1000u32 {
        builder = match i % 10 {
            0 => builder.then(Redirect::new(format!("next?step={i}&from=menu")).tag("retry")),
            1 => builder.then(Play::new(format!("prompt{i}.wav"))),
            2 => builder.then(
                Play::new(format!("loop{i}.wav"))
                    .repeat(2)
                    .finishkey(Key::Star),
            ),
            3 => builder.then(Redirect::new("gettimeout").tag(i.to_string())),
            4 => builder.then(PlayMix::new().file("createconf.wav").digits(i.to_string())),
            5 => builder.then(JoinConf::new(format!("{i:08}")).action("joinconfok")),
            6 => builder.then(
                CreateConf::new()
                    .action("createconfok")
                    .maxmember(10)
                    .autojoin(false),
            ),
            7 => builder.then(PlayTts::new("您的会议号是").repeat(1)),
            8 => builder.then(Hangup::new()),
            _ => builder.then(Play::new("timeout.wav")),
        };
    }
    builder.build().unwrap()
}

#[test]
fn writing_into_a_reused_large_enough_string_allocates_nothing() {
    let mut documents: Vec<(String, Response)> = GUIDE
        .iter()
        .enumerate()
        .map(|(i, text)| (format!("guide example {:02}", i + 1), text.parse().unwrap()))
        .collect();
    documents.push(("the 1,000-command document".to_owned(), thousand_commands()));
    assert_eq!(documents.len(), 12);

    for (style_name, style) in [("docs", Style::docs()), ("compact", Style::compact())] {
        for (name, doc) in &documents {
            let expected = doc.to_string_with(&style);
            let mut buffer = String::with_capacity(expected.len());

            let region = Region::new(GLOBAL);
            doc.write_to_string(&mut buffer, &style);
            let change = region.change();

            assert_eq!(buffer, expected, "{name}, {style_name}: output");
            assert_eq!(
                (
                    change.allocations,
                    change.reallocations,
                    change.deallocations
                ),
                (0, 0, 0),
                "{name}, {style_name}: allocations, reallocations, deallocations while writing"
            );

            // And again after `clear`, as a server reusing one buffer per connection does.
            buffer.clear();
            let region = Region::new(GLOBAL);
            doc.write_to_string(&mut buffer, &style);
            let change = region.change();
            assert_eq!(buffer, expected, "{name}, {style_name}: output after clear");
            assert_eq!(
                (change.allocations, change.reallocations),
                (0, 0),
                "{name}, {style_name}: allocations, reallocations after clear"
            );
        }
    }
}
