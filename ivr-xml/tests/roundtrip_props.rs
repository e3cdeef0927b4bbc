//! Property tests: parse(write(v)) == v for any value in every style, and any string in any text
//! or attribute position either round-trips or is refused when the value is made.
#![allow(clippy::unwrap_used)]

use ivr_xml::{
    is_xml_char, CmdNone, Command, ConsultationCall, CreateConf, Declaration, Get, Hangup,
    JoinConf, Key, Method, ParseOptions, Play, PlayMix, PlayTts, Quote, RawElement, Redirect,
    Response, Style, VoiceMode,
};
use proptest::prelude::*;

/// Strings rich in what breaks XML writers: both quotes, `&`, `<`, `]]>`, Chinese, line ends, control characters.
fn tricky_string() -> impl Strategy<Value = String> {
    let special = prop_oneof![
        Just('\''),
        Just('"'),
        Just('&'),
        Just('<'),
        Just('>'),
        Just(']'),
        Just('中'),
        Just('文'),
        Just('\r'),
        Just('\n'),
        Just('\t'),
        Just(' '),
        Just('\u{1}'),
        Just('\u{FFFE}'),
        Just('$'),
        Just(';'),
    ];
    let chars = prop_oneof![3 => special, 2 => proptest::char::range('a', 'z'), 1 => any::<char>()];
    prop::collection::vec(chars, 0..12).prop_map(|chars| chars.into_iter().collect())
}

/// Strings the platform's values usually are: safe, so that whole documents mostly build.
fn plain_string() -> impl Strategy<Value = String> {
    "[a-z0-9$./?=&#'\"<> 中-]{0,10}"
}

fn key() -> impl Strategy<Value = Key> {
    prop::sample::select(Key::ALL)
}

fn play() -> impl Strategy<Value = Play> {
    (
        plain_string(),
        prop::option::of(-1i64..5),
        prop::option::of(key()),
        prop::option::of(any::<bool>()),
    )
        .prop_map(|(file, repeat, finishkey, isrecord)| {
            let mut play = Play::new(file);
            if let Some(n) = repeat {
                play = play.repeat(n);
            }
            if let Some(k) = finishkey {
                play = play.finishkey(k);
            }
            if let Some(r) = isrecord {
                play = play.isrecord(r);
            }
            play
        })
}

fn get() -> impl Strategy<Value = Get> {
    (
        prop::option::of(plain_string()),
        prop::option::of(1u32..20),
        prop::option::of(1u32..60),
        prop::option::of(prop::sample::select(Method::ALL)),
        prop::option::of(key()),
        prop::collection::vec(
            prop_oneof![
                play().prop_map(ivr_xml::Prompt::from),
                plain_string().prop_map(|t| PlayTts::new(t).into())
            ],
            0..3,
        ),
    )
        .prop_map(|(action, numdigits, timeout, method, finishkey, prompts)| {
            let mut get = Get::new();
            if let Some(a) = action {
                get = get.action(a);
            }
            if let Some(n) = numdigits {
                get = get.numdigits(n);
            }
            if let Some(t) = timeout {
                get = get.timeout(t);
            }
            if let Some(m) = method {
                get = get.method(m);
            }
            if let Some(k) = finishkey {
                get = get.finishkey(k);
            }
            prompts.into_iter().fold(get, Get::prompt)
        })
}

fn create_conf() -> impl Strategy<Value = CreateConf> {
    (
        prop::option::of(plain_string()),
        prop::option::of(3u32..=300),
        prop::option::of(any::<bool>()),
        prop::option::of(-5i64..5000),
        prop::option::of(prop::sample::select(VoiceMode::ALL)),
        prop::option::of(plain_string()),
    )
        .prop_map(|(action, maxmember, flag, duration, voicemod, url)| {
            let mut conf = CreateConf::new();
            if let Some(a) = action {
                conf = conf.action(a);
            }
            if let Some(m) = maxmember {
                conf = conf.maxmember(m);
            }
            if let Some(f) = flag {
                conf = conf
                    .autojoin(f)
                    .autodelete(!f)
                    .shortconf(f)
                    .autorecord(f)
                    .autohangup(!f);
            }
            if let Some(d) = duration {
                conf = conf.confduration(d);
            }
            if let Some(v) = voicemod {
                conf = conf.voicemod(v);
            }
            if let Some(u) = url {
                conf = conf
                    .joinurl(u.clone())
                    .quiturl(u.clone())
                    .delreporturl(u.clone())
                    .confendprompt(u);
            }
            conf
        })
}

fn mix_item_text() -> impl Strategy<Value = String> {
    "[a-z0-9$.中]{1,8}"
}

fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        get().prop_map(Command::from),
        play().prop_map(Command::from),
        prop::collection::vec(
            (
                prop::sample::select(vec!['4', '0', '1', '7']),
                mix_item_text()
            ),
            // At least one item: an empty `<PlayMix>` is refused when built (issue 18).
            1..4
        )
        .prop_map(|items| {
            let mix = items
                .into_iter()
                .fold(PlayMix::new(), |mix, (code, text)| match code {
                    '4' => mix.file(text),
                    '0' => mix.digits(text),
                    other => mix.raw_item(other, text),
                });
            Command::from(mix)
        }),
        (plain_string(), prop::option::of(-1i64..3)).prop_map(|(t, r)| {
            let tts = PlayTts::new(t);
            Command::from(match r {
                Some(r) => tts.repeat(r),
                None => tts,
            })
        }),
        (plain_string(), prop::option::of(plain_string())).prop_map(|(url, tag)| {
            let redirect = Redirect::new(url);
            Command::from(match tag {
                Some(tag) => redirect.tag(tag),
                None => redirect,
            })
        }),
        Just(Command::from(Hangup::new())),
        Just(Command::from(CmdNone::new())),
        create_conf().prop_map(Command::from),
        (plain_string(), prop::option::of(plain_string())).prop_map(|(id, action)| {
            let join = JoinConf::new(id);
            Command::from(match action {
                Some(a) => join.action(a),
                None => join,
            })
        }),
        (
            plain_string(),
            any::<bool>(),
            1u32..60,
            prop::option::of(play())
        )
            .prop_map(|(number, record, timeout, music)| {
                let call = ConsultationCall::new()
                    .number(number)
                    .record(record)
                    .timeout(timeout)
                    .hangupurl("hangupurl");
                Command::from(match music {
                    Some(m) => call.hold_music(m),
                    None => call,
                })
            }),
    ]
}

fn style() -> impl Strategy<Value = Style> {
    (
        prop::sample::select(vec![Quote::Single, Quote::Double]),
        prop::sample::select(vec![
            Declaration::SingleQuoted,
            Declaration::DoubleQuoted,
            Declaration::DoubleQuotedSpaceBeforeClose,
            Declaration::None,
        ]),
        prop::option::of(prop::sample::select(vec!["    ", "\t", "", "  "])),
    )
        .prop_map(|(quote, declaration, indent)| {
            let style = Style::docs().quote(quote).declaration(declaration);
            match indent {
                Some(indent) => style.indent(indent),
                None => style.no_indent(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_document_round_trips_in_any_style(commands in prop::collection::vec(command(), 0..6), style in style()) {
        // Main-only commands only lead (IVR201): later ones are dropped.
        let commands: Vec<Command> = commands
            .into_iter()
            .enumerate()
            .filter(|(i, c)| *i == 0 || !ivr_xml::policy::MAIN_ONLY.contains(&c.name()))
            .map(|(_, c)| c)
            .collect();
        let doc = Response::try_from_commands(commands).unwrap();
        let written = doc.to_string_with(&style);
        let parsed: Response = written.parse().map_err(|e| TestCaseError::fail(format!("{e}\n{written}")))?;
        prop_assert_eq!(parsed, doc);
    }

    #[test]
    fn any_string_in_any_position_round_trips_or_is_refused(text in tricky_string(), style in style()) {
        let valid = text.chars().all(is_xml_char);
        let candidates: Vec<Command> = vec![
            Play::new(text.clone()).into(),
            PlayTts::new(text.clone()).into(),
            Redirect::new(text.clone()).tag(text.clone()).into(),
            JoinConf::new(text.clone()).action(text.clone()).into(),
            Get::new().action(text.clone()).into(),
            CreateConf::new().confendprompt(text.clone()).dtmfreporturl(text.clone()).into(),
            ConsultationCall::new().number(text.clone()).disnumber(text.clone()).into(),
            Hangup::new().raw_attribute("callid", text.clone()).into(),
            RawElement::new("Record").attribute("file", text.clone()).text(text.clone()).into(),
        ];
        for command in candidates {
            let built = Response::builder().main(command.clone()).build();
            prop_assert_eq!(built.is_ok(), valid, "{:?}", command);
            if let Ok(doc) = built {
                let written = doc.to_string_with(&style);
                let parsed = Response::parse_with(&written, &ParseOptions::lenient())
                    .map_err(|e| TestCaseError::fail(format!("{e}\n{written}")))?;
                prop_assert_eq!(&parsed.value, &doc, "{}", written);
            }
        }
    }

    #[test]
    fn playmix_items_round_trip_or_are_refused(items in prop::collection::vec(tricky_string(), 0..4)) {
        let mix = items.iter().fold(PlayMix::new(), |mix, item| mix.file(item.clone()));
        // No item at all is refused too (issue 18).
        let refusable = items.is_empty() || items.iter().any(|i| i.is_empty() || i.contains(';') || !i.chars().all(is_xml_char));
        let built = Response::builder().main(mix).build();
        prop_assert_eq!(built.is_err(), refusable);
        if let Ok(doc) = built {
            let parsed: Response = doc.to_string().parse().map_err(|e| TestCaseError::fail(format!("{e}")))?;
            prop_assert_eq!(parsed, doc);
        }
    }

    #[test]
    fn the_parser_never_panics_on_arbitrary_input(text in "\\PC{0,64}|<Response>[<>/='a-zA-Z &;#\"]{0,40}") {
        let _ = text.parse::<Response>();
        let _ = Response::parse_with(&text, &ParseOptions::lenient());
    }
}
