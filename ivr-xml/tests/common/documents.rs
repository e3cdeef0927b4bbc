//! The documents shared by the tests and the benchmarks (`benches/throughput/corpus.rs` includes
//! this file by path): the guide's eleven examples, verbatim, and a 1,000-command document.
//!
//! Each including crate uses only part of it.
#![allow(dead_code)]

use ivr_xml::{Get, Hangup, Key, Play, PlayMix, PlayTts, Redirect, Response};

/// The guide's examples, byte for byte, in the guide's order.
pub(crate) const GUIDE: [&str; 11] = [
    include_str!("../fixtures/docs/01-conf-guide-step05-firstget-menu.xml"),
    include_str!("../fixtures/docs/02-conf-guide-step07-firstget-hangup.xml"),
    include_str!("../fixtures/docs/03-conf-guide-step08a-createconf.xml"),
    include_str!("../fixtures/docs/04-conf-guide-step08b-joinconfget.xml"),
    include_str!("../fixtures/docs/05-conf-guide-step08c-firstget-other-key.xml"),
    include_str!("../fixtures/docs/06-conf-guide-step09-joinconf-digits.xml"),
    include_str!("../fixtures/docs/07-conf-guide-step11-playmix-confid.xml"),
    include_str!("../fixtures/docs/08-conf-guide-step13-joinconf-confid.xml"),
    include_str!("../fixtures/docs/09-conf-guide-step15-cmdnone-tabs.xml"),
    include_str!("../fixtures/docs/10-conf-guide-step16-joinconffail-retry.xml"),
    include_str!("../fixtures/docs/11-conf-guide-step18-cmdnone-spaces.xml"),
];

/// A `<Get>` menu followed by 999 sub-commands cycling through every command the guide uses
/// but the main-only ones, plus `<PlayTTS>`; one in ten needs escaping (`&` in a URL), some text is Chinese.
pub(crate) fn thousand_commands() -> Response {
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
            // `<JoinConf>` and `<CreateConf>` are main-only (rule IVR201): the builder does not
            // take them as sub-commands, so these two write attribute-heavy `<Play>`s instead.
            5 => builder.then(
                Play::new(format!("record{i:08}.wav"))
                    .isrecord(true)
                    .repeat(1),
            ),
            6 => builder.then(
                Play::new("createconfok.wav")
                    .repeat(10)
                    .finishkey(Key::Hash)
                    .isrecord(false),
            ),
            7 => builder.then(PlayTts::new("您的会议号是").repeat(1)),
            8 => builder.then(Hangup::new()),
            _ => builder.then(Play::new("timeout.wav")),
        };
    }
    match builder.build() {
        Ok(doc) => doc,
        Err(err) => panic!("the 1,000-command document does not build: {err}"),
    }
}

/// The 1,000-command document's kind of content with none of its findings (it has IVR207, IVR202
/// and IVR111 many times over, so strict parse warns and reads it with the checked tree): a
/// `<Get>` with one prompt, 998 sub-commands (`<Play>`s with and without attributes,
/// `<PlayTTS>`, `<PlayMix>`; one in ten with a `&` to escape, some Chinese text) and a
/// `<Redirect>` last. What the strict parser's fast path reads.
pub(crate) fn thousand_clean_commands() -> Response {
    let mut builder = Response::builder().main(
        Get::new()
            .action("mainmenu")
            .numdigits(1)
            .timeout(30)
            .finishkey(Key::Hash)
            .prompt(PlayTts::new("欢迎致电，请按键")),
    );
    for i in 1..999u32 {
        builder = match i % 10 {
            0 => builder.then(Play::new(format!("next{i}&from=menu.wav"))),
            1 => builder.then(Play::new(format!("prompt{i}.wav"))),
            2 => builder.then(
                Play::new(format!("loop{i}.wav"))
                    .repeat(2)
                    .finishkey(Key::Star),
            ),
            3 => builder.then(PlayTts::new(format!("请按{i}号键"))),
            4 => builder.then(PlayMix::new().file("createconf.wav").digits(i.to_string())),
            5 => builder.then(
                Play::new(format!("record{i:08}.wav"))
                    .isrecord(true)
                    .repeat(1),
            ),
            6 => builder.then(
                Play::new("createconfok.wav")
                    .repeat(10)
                    .finishkey(Key::Hash)
                    .isrecord(false),
            ),
            7 => builder.then(PlayTts::new("您的会议号是")),
            8 => builder.then(Play::new("menu.wav").finishkey(Key::Hash)),
            _ => builder.then(Play::new("timeout.wav")),
        };
    }
    match builder
        .then(Redirect::new("next?step=end&from=menu").tag("done"))
        .build()
    {
        Ok(doc) => doc,
        Err(err) => panic!("the clean 1,000-command document does not build: {err}"),
    }
}
