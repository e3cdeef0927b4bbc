//! The messages' one-pass readers (`from_query` and `from_form` straight into the message, values
//! borrowed where nothing is escaped) against the general path they replace: decode into a
//! [`Params`], then `from_params`. They must give the same message, or the same error, on every
//! input: with and without escapes, `+`, `%XX`, bad escapes, invalid UTF-8 (escaped, or raw in a
//! form body), empty values, bare names, repeated keys with equal and different values, unknown
//! names, escaped names of known parameters, and over the limits.
#![allow(clippy::unwrap_used)]

use std::fmt::Debug;

use ivr_xml::notify::{
    Cdr, ConfCreated, ConfDeleted, ConfDtmfReport, ConfMediaOpResult, ConfMemberJoined,
    ConfMemberQuit, ConfPasswordFailed, ConsultCallTimeOver, ConsultHangup, ConsultNoAnswer,
    DtmfReport, Message, NotifyError, Params, RedirectRequest, StartService, StopService,
};
use proptest::prelude::*;

/// What the general path gives for a query string.
fn general_query<M: Message>(query: &str) -> Result<M, NotifyError> {
    Params::from_query(query)
        .and_then(|params| M::from_params(&params))
        .map_err(|err| err.in_message(M::KIND))
}

/// What the general path gives for a form body.
fn general_form<M: Message>(body: &[u8]) -> Result<M, NotifyError> {
    Params::from_form(body)
        .and_then(|params| M::from_params(&params))
        .map_err(|err| err.in_message(M::KIND))
}

/// `M` (and `Box<M>`) read `input` the same in one pass as through [`Params`], as a query string
/// (when UTF-8) and as a form body.
fn agree<M: Message + Debug + PartialEq>(input: &[u8]) -> Result<(), TestCaseError> {
    let form = M::from_form(input);
    prop_assert_eq!(
        &form,
        &general_form::<M>(input),
        "form {:?}",
        String::from_utf8_lossy(input)
    );
    prop_assert_eq!(
        <Box<M>>::from_form(input).map(|m| *m),
        form,
        "boxed form {:?}",
        String::from_utf8_lossy(input)
    );
    if let Ok(query) = std::str::from_utf8(input) {
        for query in [query.to_owned(), format!("?{query}")] {
            let fast = M::from_query(&query);
            prop_assert_eq!(&fast, &general_query::<M>(&query), "query {:?}", query);
            prop_assert_eq!(
                <Box<M>>::from_query(&query).map(|m| *m),
                fast,
                "boxed {:?}",
                query
            );
        }
    }
    Ok(())
}

fn all_agree(input: &[u8]) -> Result<(), TestCaseError> {
    agree::<StartService>(input)?;
    agree::<DtmfReport>(input)?;
    agree::<RedirectRequest>(input)?;
    agree::<StopService>(input)?;
    agree::<ConfCreated>(input)?;
    agree::<ConfMemberJoined>(input)?;
    agree::<ConfMemberQuit>(input)?;
    agree::<ConfDeleted>(input)?;
    agree::<ConfDtmfReport>(input)?;
    agree::<ConfMediaOpResult>(input)?;
    agree::<ConfPasswordFailed>(input)?;
    agree::<ConsultHangup>(input)?;
    agree::<ConsultCallTimeOver>(input)?;
    agree::<ConsultNoAnswer>(input)?;
    agree::<Cdr>(input)?;
    Ok(())
}

#[test]
fn table() {
    let app = "appid=ff8080813f84717a013f847540ef0000&callid=17092716390803280001000400011fab";
    let cases: Vec<Vec<u8>> = [
        String::new(),
        "&&".into(),
        app.into(),
        format!("{app}&from=13800000000&to=01083035690&direction=0"),
        format!("{app}&digits=12345678%23&result=0"),
        format!("{app}&starttime=20170927163910&endtime=20170927163911&callduration=1"),
        // The cdr request captured in field code (spec §3.8), and a malformed one.
        format!("{app}&caller=01012345678&called=86138000000000&direction=1\
                 &relatecallid=1502121333119418000600040000045d&maincall=0&callresult=1\
                 &callstate=200&callstarttime=20170927163908&sipcause=200&ringtime=20170927163908\
                 &starttime=20170927163910&endtime=20170927163911&duration=1&timestamp=20170927163911"),
        format!("{app}&maincall=&callresult=1+2&ringtime=x&duration=-1"),
        format!("{app}&digits=1&digits=1&result="),
        format!("{app}&digits=1&digits=2"),
        format!("{app}&digits=1&digits=%31&digits=2"),
        format!("{app}&digits=&digits=1"),
        format!("{app}&digits=12x"),
        format!("{app}&digits"),
        format!("{app}&direction=2"),
        format!("{app}&direction="),
        format!("{app}&errorcode=&starttime=&callduration=&recordurl="),
        format!("{app}&starttime=20170231000000"),
        format!("{app}&callduration=99999999999999999999"),
        format!("{app}&from=%E5%BC%A0+san&userdata=b3JkZXI9NDI%3D&menu=join&menu=2"),
        format!("{app}&from=%E5%BC"),
        format!("{app}&from=%FF&to=%zz"),
        format!("{app}&from=%zz&to=%FF"),
        format!("{app}&from=%2"),
        format!("{app}&%zz"),
        "app%69d=a1&callid=c+1".into(),
        "appid=a1&callid=c%01".into(),
        "appid=a%C2%A0b&callid=c1".into(),
        "appid=a%C2%85b&callid=c1".into(),
        "appid=%E4%B8%AD&callid=%E4%B8%AD%E6%96%87".into(),
        "appid=a1&appid=a2&callid=".into(),
        "callid=&appid=".into(),
        "confid=00012345&jointime=20170927163908&deltime=x&result=0&reason=0&op=play".into(),
        "confid=00012345&type=1&tag=2&tag=2&result=%2B1".into(),
        "=&=x&a=&b&==&a=b=c".into(),
        "x".repeat(70_000),
        (0..300)
            .map(|i| format!("p{i}=1"))
            .collect::<Vec<_>>()
            .join("&"),
    ]
    .into_iter()
    .map(String::into_bytes)
    .chain([
        b"appid=\xe5%BC%A0&callid=c1".to_vec(),
        b"appid=\xff&callid=c1".to_vec(),
        b"appid=a1&callid=c1&\xff=1".to_vec(),
        b"appid=a1&callid=c1&from=\xe4\xb8".to_vec(),
        b"appid=a1&callid=%zz&from=\xff".to_vec(),
    ])
    .collect();
    for input in &cases {
        all_agree(input).unwrap();
    }
}

/// Names: every parameter some message reads, some escaped, and unknown ones.
fn name() -> impl Strategy<Value = String> {
    const NAMES: &[&str] = &[
        "appid",
        "callid",
        "from",
        "to",
        "direction",
        "userdata",
        "digits",
        "result",
        "tag",
        "type",
        "starttime",
        "endtime",
        "callduration",
        "sstime",
        "setime",
        "seccallduration",
        "recordurl",
        "recordid",
        "errorcode",
        "relatedcallid",
        "relatecallid",
        "timestamp",
        "caller",
        "called",
        "callresult",
        "maincall",
        "callstate",
        "callstarttime",
        "sipcause",
        "ringtime",
        "duration",
        "confid",
        "jointime",
        "deltime",
        "reason",
        "app%69d",
        "digit%73",
        "call+id",
        "menu",
        "x",
        "",
        "%zz",
        "%E4%B8%AD",
    ];
    prop::sample::select(NAMES).prop_map(str::to_owned)
}

/// Values: valid ones for each kind, and the malformed and escaped.
fn value() -> impl Strategy<Value = String> {
    const VALUES: &[&str] = &[
        "",
        "a1",
        "ff8080813f84717a013f847540ef0000",
        "0",
        "1",
        "2",
        "-1",
        "000000",
        "E12",
        "20170927163910",
        "20170231000000",
        "2017-09-27",
        "12345678%23",
        "*1",
        "12x",
        "1.5",
        "18446744073709551616",
        "a+b",
        "a%20b",
        "%E5%BC%A0+san",
        "%E5%BC",
        "%FF",
        "%C2%A0",
        "%01",
        "%zz",
        "%2",
        "%",
        "b3JkZXI9NDI%3D",
        "+",
        "%2B",
        "=",
        "a=b",
    ];
    prop_oneof![
        3 => prop::sample::select(VALUES).prop_map(str::to_owned),
        1 => "[a-z0-9%+=#*]{0,6}",
    ]
}

/// A valid value for the parameter `name`, escaped in various ways.
fn valid_value(name: &str) -> BoxedStrategy<String> {
    match name {
        "appid" | "callid" | "confid" | "relatedcallid" | "relatecallid" | "result"
        | "errorcode" | "reason" => "([a-z0-9]|%E4%B8%AD|%2B|%3D|%23){1,4}".boxed(),
        "digits" => "([0-9*#]|%23|%2A|%3%31){0,4}"
            .prop_map(|d| d.replace('#', "%23"))
            .boxed(),
        "direction" => "[01]|%3[01]".boxed(),
        "starttime" | "endtime" | "sstime" | "setime" | "timestamp" | "jointime" | "deltime" => {
            "2017092716391[0-9]|2017092716391%3[0-9]|".boxed()
        }
        "callduration" | "seccallduration" => "[0-9]{0,3}|%31".boxed(),
        _ => "([a-z+]|%20|%2B|%E5%BC%A0){0,4}".boxed(),
    }
}

/// A pair that most messages accept: a known name and a valid value for it.
fn valid_pair() -> impl Strategy<Value = Vec<u8>> {
    name().prop_flat_map(|name| {
        valid_value(&name).prop_map(move |value| format!("{name}={value}").into_bytes())
    })
}

/// A urlencoded input: pairs of the names and values above, sometimes bare or empty, sometimes
/// with raw bytes that are not UTF-8; often after the required parameters of every message, so
/// that messages are read to the end.
fn input() -> impl Strategy<Value = Vec<u8>> {
    let pair = prop_oneof![
        2 => (name(), value()).prop_map(|(n, v)| format!("{n}={v}").into_bytes()),
        6 => valid_pair(),
        1 => name().prop_map(String::into_bytes),
        1 => Just(Vec::new()),
        1 => (name(), prop::sample::select(vec![&b"\xff"[..], b"\xe5", b"\xe5\xbc\xa0", b"\x80"]))
            .prop_map(|(n, raw)| [n.as_bytes(), b"=", raw].concat()),
    ];
    let required = ["appid", "callid", "confid", "digits"]
        .map(|name| valid_value(name).prop_map(move |v| format!("{name}={v}").into_bytes()));
    (
        prop::option::weighted(0.7, required),
        prop::collection::vec(pair, 0..10),
    )
        .prop_flat_map(|(required, pairs)| {
            let all: Vec<Vec<u8>> = required.into_iter().flatten().chain(pairs).collect();
            Just(all).prop_shuffle()
        })
        .prop_map(|pairs| pairs.join(&b'&'))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn one_pass_agrees_with_params(input in input()) {
        all_agree(&input)?;
    }
}
