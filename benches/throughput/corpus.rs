//! The documents benchmarked: the guide's eleven examples and one 1,000-command document, each
//! as a typed [`Response`] and as text in the docs' style and compact.

use ivr_xml::{
    CreateConf, Get, Hangup, JoinConf, Key, Play, PlayMix, PlayTts, Redirect, Response, Style,
};

/// The two styles benchmarked.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Layout {
    /// [`Style::docs`]: declaration, one element per line, four spaces per level.
    Docs,
    /// [`Style::compact`]: declaration, no whitespace between elements.
    Compact,
}

impl Layout {
    pub(crate) const ALL: [Layout; 2] = [Layout::Docs, Layout::Compact];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Layout::Docs => "docs",
            Layout::Compact => "compact",
        }
    }

    pub(crate) fn style(self) -> Style {
        match self {
            Layout::Docs => Style::docs(),
            Layout::Compact => Style::compact(),
        }
    }

    pub(crate) fn pretty(self) -> bool {
        self == Layout::Docs
    }
}

/// One benchmarked document.
pub(crate) struct Case {
    /// Short id used in benchmark names: `01`..`11`, or `1000cmd`.
    pub(crate) id: String,
    /// Whether this is one of the guide's eleven examples.
    pub(crate) guide: bool,
    pub(crate) doc: Response,
    pub(crate) docs_text: String,
    pub(crate) compact_text: String,
}

impl Case {
    pub(crate) fn text(&self, layout: Layout) -> &str {
        match layout {
            Layout::Docs => &self.docs_text,
            Layout::Compact => &self.compact_text,
        }
    }
}

/// The guide's examples, verbatim (the same files the library's tests read).
const GUIDE: [&str; 11] = [
    include_str!("../../ivr-xml/tests/fixtures/docs/01-conf-guide-step05-firstget-menu.xml"),
    include_str!("../../ivr-xml/tests/fixtures/docs/02-conf-guide-step07-firstget-hangup.xml"),
    include_str!("../../ivr-xml/tests/fixtures/docs/03-conf-guide-step08a-createconf.xml"),
    include_str!("../../ivr-xml/tests/fixtures/docs/04-conf-guide-step08b-joinconfget.xml"),
    include_str!("../../ivr-xml/tests/fixtures/docs/05-conf-guide-step08c-firstget-other-key.xml"),
    include_str!("../../ivr-xml/tests/fixtures/docs/06-conf-guide-step09-joinconf-digits.xml"),
    include_str!("../../ivr-xml/tests/fixtures/docs/07-conf-guide-step11-playmix-confid.xml"),
    include_str!("../../ivr-xml/tests/fixtures/docs/08-conf-guide-step13-joinconf-confid.xml"),
    include_str!("../../ivr-xml/tests/fixtures/docs/09-conf-guide-step15-cmdnone-tabs.xml"),
    include_str!("../../ivr-xml/tests/fixtures/docs/10-conf-guide-step16-joinconffail-retry.xml"),
    include_str!("../../ivr-xml/tests/fixtures/docs/11-conf-guide-step18-cmdnone-spaces.xml"),
];

/// A `<Get>` menu followed by 999 sub-commands cycling through every command the guide uses
/// plus `<PlayTTS>`; one in ten needs escaping (`&` in a URL), some text is Chinese.
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
            5 => builder.then(JoinConf::new(format!("{:08}", i)).action("joinconfok")),
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
    match builder.build() {
        Ok(doc) => doc,
        Err(err) => panic!("the 1,000-command document does not build: {err}"),
    }
}

/// Every benchmarked document, the guide's first.
pub(crate) fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = GUIDE
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let doc: Response = match text.parse() {
                Ok(doc) => doc,
                Err(err) => panic!("guide example {} does not parse: {err}", i + 1),
            };
            case(format!("{:02}", i + 1), true, doc)
        })
        .collect();
    cases.push(case("1000cmd".to_owned(), false, thousand_commands()));
    cases
}

fn case(id: String, guide: bool, doc: Response) -> Case {
    let docs_text = doc.to_string_with(&Style::docs());
    let compact_text = doc.to_string_with(&Style::compact());
    Case {
        id,
        guide,
        doc,
        docs_text,
        compact_text,
    }
}
