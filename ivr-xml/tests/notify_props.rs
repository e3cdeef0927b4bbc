//! Property tests of notifications:
//!
//! * every message kind, read from random valid parameters, reads back to the same value from
//!   its query string, its form body and its XML body (compact and indented);
//! * any parameters survive the query string (any Unicode) and the XML body (any XML text);
//! * encoding is byte for byte the WHATWG serializer's (`form_urlencoded`), and whatever our
//!   strict decoder accepts, the WHATWG decoder reads the same way;
//! * query string and body merge without conflicts when they agree;
//! * no input of any kind makes the readers panic;
//! * timestamps round-trip and order like time.
#![allow(clippy::unwrap_used)]

use std::fmt::Debug;

use ivr_xml::notify::{
    Cdr, ConfCreated, ConfDeleted, ConfDtmfReport, ConfMediaOpResult, ConfMemberJoined,
    ConfMemberQuit, ConfPasswordFailed, ConsultCallTimeOver, ConsultHangup, ConsultNoAnswer,
    DtmfReport, Message, Notification, NotifyOptions, Params, RawNotification, RedirectRequest,
    Request, StartService, StopService, Timestamp,
};
use ivr_xml::{is_xml_char, Style};
use proptest::prelude::*;

/// Text rich in what breaks encoders: the URL and form delimiters, percent signs, XML's special
/// characters, spaces, Chinese, and line ends; every character XML can carry.
fn text() -> impl Strategy<Value = String> {
    let special = prop_oneof![
        Just('&'),
        Just('='),
        Just('+'),
        Just('%'),
        Just('#'),
        Just('?'),
        Just(' '),
        Just('<'),
        Just('>'),
        Just('\''),
        Just('"'),
        Just('中'),
        Just('\r'),
        Just('\n'),
        Just('\t'),
        Just('/'),
    ];
    let xml_char = any::<char>().prop_filter("XML 1.0 character", |c| is_xml_char(*c));
    let chars = prop_oneof![3 => special, 3 => proptest::char::range('a', 'z'), 2 => xml_char];
    prop::collection::vec(chars, 0..12).prop_map(|chars| chars.into_iter().collect())
}

/// An id: not empty, no whitespace or control characters.
fn id() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9中&=+%#<>'\"/.-]{1,12}"
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (0u16..=9999, 1u8..=12, 1u8..=31, 0u8..24, 0u8..60, 0u8..60).prop_map(
        |(year, month, day, hour, minute, second)| {
            [day, 30, 29, 28]
                .into_iter()
                .find_map(|day| Timestamp::new(year, month, day, hour, minute, second).ok())
                .unwrap()
        },
    )
}

/// A valid value for the parameter called `name`, whatever message it is in.
fn value_for(name: &'static str) -> BoxedStrategy<String> {
    match name {
        "appid" | "callid" | "confid" | "relatedcallid" | "relatecallid" | "result"
        | "errorcode" | "reason" | "maincall" | "callresult" | "callstate" | "sipcause" => {
            id().boxed()
        }
        "digits" => "[0-9*#]{0,9}".boxed(),
        "direction" => prop_oneof![Just("0".to_owned()), Just("1".to_owned())].boxed(),
        "starttime" | "endtime" | "sstime" | "setime" | "timestamp" | "jointime" | "deltime"
        | "callstarttime" | "ringtime" => timestamp().prop_map(|t| t.as_str().to_owned()).boxed(),
        "callduration" | "seccallduration" | "duration" => {
            any::<u64>().prop_map(|n| n.to_string()).boxed()
        }
        _ => text().boxed(),
    }
}

/// Parameters of message `M`: the required ones, some of the optional ones, and extra ones with
/// names `M` does not read, shuffled.
fn params_for<M: Message>(required: &'static [&'static str]) -> BoxedStrategy<Params> {
    let known: Vec<BoxedStrategy<Option<(String, String)>>> = M::PARAMS
        .iter()
        .map(|&name| {
            let value = value_for(name).prop_map(move |v| (name.to_owned(), v));
            if required.contains(&name) {
                value.prop_map(Some).boxed()
            } else {
                prop::option::of(value).boxed()
            }
        })
        .collect();
    let extra = prop::collection::vec(("[a-z_][a-z0-9_.-]{0,7}", text()), 0..4).prop_map(
        |pairs: Vec<(String, String)>| {
            pairs
                .into_iter()
                .filter(|(name, _)| !M::PARAMS.contains(&name.as_str()))
                .collect::<Vec<_>>()
        },
    );
    (known, extra)
        .prop_flat_map(|(known, extra)| {
            let all: Vec<(String, String)> = known.into_iter().flatten().chain(extra).collect();
            Just(all).prop_shuffle()
        })
        .prop_map(Params::from)
        .boxed()
}

/// Reads `M` from `params`, then checks every encoding of the value reads back to it.
fn round_trip<M: Message + Debug + PartialEq>(params: &Params) -> Result<(), TestCaseError> {
    let message = M::from_params(params).map_err(|err| TestCaseError::fail(err.to_string()))?;
    let query = message.to_query_string();
    prop_assert_eq!(&M::from_query(&query).unwrap(), &message);
    prop_assert_eq!(&M::from_form(query.as_bytes()).unwrap(), &message);
    let compact = message.to_xml().unwrap();
    prop_assert_eq!(&M::from_xml(compact.as_bytes()).unwrap(), &message);
    let pretty = message.to_xml_with(&Style::docs()).unwrap();
    prop_assert_eq!(&M::from_xml(pretty.as_bytes()).unwrap(), &message);
    // The parameters the message writes are the ones it read (minus empty absent values).
    let written = message.to_params();
    prop_assert_eq!(&M::from_params(&written).unwrap(), &message);
    prop_assert!(written.len() <= params.len());
    Ok(())
}

macro_rules! round_trips {
    ($($test:ident: $ty:ty, required $required:expr;)*) => {
        proptest! {
            $(
                #[test]
                fn $test(params in params_for::<$ty>($required)) {
                    round_trip::<$ty>(&params)?;
                }
            )*
        }
    };
}

round_trips! {
    startservice_round_trips: StartService, required &["appid", "callid"];
    dtmfreport_round_trips: DtmfReport, required &["appid", "callid", "digits"];
    redirect_round_trips: RedirectRequest, required &["appid", "callid"];
    stopservice_round_trips: StopService, required &["appid", "callid"];
    conf_created_round_trips: ConfCreated, required &["confid"];
    conf_joined_round_trips: ConfMemberJoined, required &["confid"];
    conf_quit_round_trips: ConfMemberQuit, required &[];
    conf_deleted_round_trips: ConfDeleted, required &["confid"];
    conf_dtmfreport_round_trips: ConfDtmfReport, required &[];
    conf_mediaop_round_trips: ConfMediaOpResult, required &[];
    conf_password_round_trips: ConfPasswordFailed, required &[];
    consult_hangup_round_trips: ConsultHangup, required &["appid", "callid"];
    consult_timeover_round_trips: ConsultCallTimeOver, required &["appid", "callid"];
    consult_noanswer_round_trips: ConsultNoAnswer, required &["callid"];
    cdr_round_trips: Cdr, required &["appid", "callid"];
}

fn any_params() -> impl Strategy<Value = Params> {
    prop::collection::vec((any::<String>(), any::<String>()), 0..6).prop_map(Params::from)
}

fn xml_params() -> impl Strategy<Value = Params> {
    prop::collection::vec(("[a-zA-Z_中][a-zA-Z0-9_.中-]{0,6}", text()), 0..6).prop_map(Params::from)
}

/// Input for the decoders: mostly URL-encoding syntax, some of it malformed.
fn urlencoded_input() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[a-z0-9]{1,3}".boxed(),
        1 => Just("&".to_owned()).boxed(),
        1 => Just("=".to_owned()).boxed(),
        1 => Just("+".to_owned()).boxed(),
        1 => "%[0-9a-fA-F]{2}".boxed(),
        1 => "%[0-9a-zA-Z%]{0,2}".boxed(),
        1 => "%[eE][0-9a-fA-F]%[89abAB][0-9a-fA-F]%[89abAB][0-9a-fA-F]".boxed(),
        1 => "[中 #]".boxed(),
    ];
    prop::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
}

#[derive(Debug, Notification)]
enum Some3 {
    Start(StartService),
    #[notification(segment = "firstget")]
    Menu(DtmfReport),
    #[notification(other)]
    Other(RawNotification),
}

proptest! {
    #[test]
    fn any_params_survive_the_query_string(params in any_params()) {
        let query = params.to_query_string();
        prop_assert!(query.is_ascii());
        prop_assert_eq!(&Params::from_query(&query).unwrap(), &params);
        prop_assert_eq!(&Params::from_form(query.as_bytes()).unwrap(), &params);
        // Byte for byte the WHATWG serializer.
        let whatwg = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(params.iter())
            .finish();
        prop_assert_eq!(query, whatwg);
    }

    #[test]
    fn xml_params_survive_the_xml_body(params in xml_params()) {
        for style in [Style::compact(), Style::docs()] {
            let xml = params.to_xml_with(&style).unwrap();
            prop_assert_eq!(&Params::from_xml(xml.as_bytes()).unwrap(), &params);
        }
    }

    #[test]
    fn the_strict_decoder_agrees_with_whatwg(input in urlencoded_input()) {
        let whatwg: Vec<(String, String)> = form_urlencoded::parse(input.as_bytes())
            .into_owned()
            .collect();
        match Params::from_query(&input) {
            Ok(params) => {
                let ours: Vec<(String, String)> =
                    params.into_iter().collect();
                prop_assert_eq!(ours, whatwg);
            }
            // We refuse only what WHATWG passes through or replaces: a bad `%` or non-UTF-8.
            Err(_) => {
                let suspect = |text: &String| text.contains(['%', char::REPLACEMENT_CHARACTER]);
                let refused = whatwg.iter().any(|(n, v)| suspect(n) || suspect(v));
                prop_assert!(refused, "refused although WHATWG reads it cleanly");
            }
        }
    }

    #[test]
    fn query_and_body_merge_without_conflict_when_they_agree(params in any_params(), split in 0usize..7) {
        let pairs: Vec<(String, String)> = params.clone().into_iter().collect();
        // One value per name for the partial split: a name with several values, some of them only
        // in the body, conflicts (the query string's values win), as it should.
        let mut unique: Vec<(String, String)> = Vec::new();
        for (name, value) in &pairs {
            if !unique.iter().any(|(n, _)| n == name) {
                unique.push((name.clone(), value.clone()));
            }
        }
        let split = split.min(unique.len());
        let query = Params::from(unique[..split].to_vec()).to_query_string();
        let whole = params.to_query_string();
        let unique_whole = Params::from(unique.clone()).to_query_string();
        // Everything in both: the query string's parameters, once.
        let both = Request::new("/x").query(whole.as_str()).form(whole.as_bytes()).decode().unwrap();
        prop_assert!(both.conflicts().is_empty());
        prop_assert_eq!(both.params(), &params);
        // Everything in the body: the same parameters.
        let body_only = Request::new("/x").form(whole.as_bytes()).decode().unwrap();
        prop_assert_eq!(body_only.params(), &params);
        // Part in the query string, all in the body: every parameter, none lost.
        let part = Request::new("/x").query(query.as_str()).form(unique_whole.as_bytes()).decode().unwrap();
        prop_assert!(part.conflicts().is_empty());
        prop_assert_eq!(part.params(), &Params::from(unique));
    }

    #[test]
    fn readers_never_panic_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let _ = Params::from_form(&bytes);
        let _ = Params::from_xml(&bytes);
        let _ = Params::from_query(&String::from_utf8_lossy(&bytes));
        let _ = StopService::from_form(&bytes);
        let _ = StopService::from_xml(&bytes);
        let _ = Cdr::from_form(&bytes);
        let _ = Cdr::from_xml(&bytes);
        for content_type in [None, Some("text/plain"), Some("application/xml"), Some("application/x-www-form-urlencoded")] {
            let _ = Request::new("/ivr/firstget").body(content_type, &bytes).parse::<Some3>();
        }
    }

    #[test]
    fn readers_never_panic_on_text(
        path in "[/a-z?#%中]{0,12}",
        query in urlencoded_input(),
        xml in "(<[Rr]equest>|<a>|</a>|<b x='1'>|&amp;|&#1;|<!--c-->|<!DOCTYPE a>|[a-z中 ]){0,10}",
    ) {
        let options = NotifyOptions::default().max_params(4).max_bytes(40);
        let _ = Request::new(&path).query(query.as_str()).parse::<Some3>();
        let _ = Request::new(&path).query(query.as_str()).body(None, xml.as_bytes()).options(options).parse::<Some3>();
        let _ = Params::from_xml_with(xml.as_bytes(), &options);
    }

    #[test]
    fn timestamps_round_trip_and_order_like_time(a in timestamp(), b in timestamp()) {
        prop_assert_eq!(Timestamp::parse(a.as_str()).unwrap(), a);
        prop_assert_eq!(
            Timestamp::new(a.year(), a.month(), a.day(), a.hour(), a.minute(), a.second()).unwrap(),
            a
        );
        prop_assert_eq!(a.cmp(&b), a.seconds_since(b).cmp(&0));
        prop_assert_eq!(a.seconds_since(b), -b.seconds_since(a));
        prop_assert_eq!(a.to_unix_seconds(0) - b.to_unix_seconds(0), a.seconds_since(b));
    }
}
