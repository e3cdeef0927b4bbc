//! `Request::parse` and `Request::message` (and so the axum extractor and `from_http`) type the
//! values straight from the one-pass decoder, as `Message::from_query` does, instead of going
//! `Request::decode` -> `Params` -> `from_params`. They must give the same values and the same
//! errors as both: as `from_query` on a query string alone, and as the decoded path
//! (`Request::decode` then `Decoded::parse` / `Decoded::message`) on every mix of query string
//! and body, with conflicts, refused conflicts, ignored bodies and limits.
#![allow(clippy::unwrap_used)]

use std::fmt::Debug;

use ivr_xml::notify::{
    ConfCreated, ConfMemberJoined, DtmfReport, Message, Notification, NotifyOptions,
    RawNotification, RedirectRequest, Request, StartService, StopService,
};
use proptest::prelude::*;

#[derive(Debug, PartialEq, Notification)]
enum Incoming {
    Start(StartService),
    #[notification(segment = "firstget")]
    Menu(DtmfReport),
    #[notification(segment = "gettimeout")]
    Timeout(RedirectRequest),
    Stop(Box<StopService>),
    #[notification(segment = "createconfok")]
    Created(ConfCreated),
    #[notification(segment = "recorded")]
    Recorded(RawNotification),
}

#[derive(Debug, PartialEq, Notification)]
enum WithOther {
    Start(StartService),
    #[notification(other)]
    Other(RawNotification),
}

const APP: &str = "appid=ff8080813f84717a013f847540ef0000&callid=17092716390803280001000400011fab";

/// Query strings of the spec's samples and of bad input.
fn queries() -> Vec<String> {
    vec![
        String::new(),
        "?".into(),
        APP.into(),
        format!("{APP}&from=13800000000&to=01083035690&direction=0"),
        format!("{APP}&digits=12345678%23&result=0"),
        format!("{APP}&starttime=20170927163910&endtime=20170927163911&callduration=1"),
        format!("{APP}&tag=2"),
        "confid=00012345&jointime=20170927163908".into(),
        format!("?{APP}&digits=1"),
        format!("{APP}&digits=1&digits=2"),
        format!("{APP}&digits=12x"),
        format!("{APP}&direction=2"),
        format!("{APP}&starttime=20170231000000"),
        format!("{APP}&from=%E5%BC%A0+san&menu=join&menu=2"),
        format!("{APP}&from=%E5%BC"),
        format!("{APP}&from=%FF&to=%zz"),
        format!("{APP}&from=%2"),
        "appid=a1&callid=c%01".into(),
        "appid=a1&appid=a2&callid=".into(),
        "=&=x&a=&b&==&a=b=c".into(),
        (0..300)
            .map(|i| format!("p{i}=1"))
            .collect::<Vec<_>>()
            .join("&"),
    ]
}

/// `Request::message` on a query string alone is `M::from_query`, value or error.
fn message_is_from_query<M: Message + Debug + PartialEq>(query: &str) {
    let request = Request::new("/ivr/anything").query(query);
    assert_eq!(request.message::<M>(), M::from_query(query), "{query:?}");
    assert_eq!(
        request.message::<M>(),
        request
            .decode()
            .map_err(|err| err.in_message(M::KIND))
            .and_then(|decoded| decoded.message::<M>()),
        "{query:?}"
    );
}

#[test]
fn query_alone_reads_as_from_query() {
    for query in queries() {
        message_is_from_query::<StartService>(&query);
        message_is_from_query::<DtmfReport>(&query);
        message_is_from_query::<RedirectRequest>(&query);
        message_is_from_query::<StopService>(&query);
        message_is_from_query::<Box<StopService>>(&query);
        message_is_from_query::<ConfCreated>(&query);
        message_is_from_query::<ConfMemberJoined>(&query);
        for segment in [
            "startservice",
            "firstget",
            "gettimeout",
            "stopservice",
            "createconfok",
        ] {
            let path = format!("/ivr/{segment}");
            let request = Request::new(&path).query(query.as_str());
            let fast = request.parse::<Incoming>();
            let expected = match segment {
                "startservice" => StartService::from_query(&query).map(Incoming::Start),
                "firstget" => DtmfReport::from_query(&query).map(Incoming::Menu),
                "gettimeout" => RedirectRequest::from_query(&query).map(Incoming::Timeout),
                "stopservice" => <Box<StopService>>::from_query(&query).map(Incoming::Stop),
                _ => ConfCreated::from_query(&query).map(Incoming::Created),
            };
            // A decoding error is the request's, not the message's: `from_query` names the
            // message, `parse` does not (as before).
            match (&fast, &expected) {
                (Err(fast), Err(expected)) if fast.message().is_none() => {
                    assert_eq!(fast.kind(), expected.kind(), "{query:?}");
                }
                _ => assert_eq!(fast, expected, "{segment} {query:?}"),
            }
        }
    }
}

/// The fast path and the decoded path agree on one request.
fn paths_agree(request: &Request<'_>) {
    let decoded = request.decode();
    assert_eq!(
        request.parse::<Incoming>(),
        decoded.clone().and_then(|d| d.parse::<Incoming>()),
        "{request:?}"
    );
    assert_eq!(
        request.parse::<WithOther>(),
        decoded.clone().and_then(|d| d.parse::<WithOther>()),
        "{request:?}"
    );
    assert_eq!(
        request.parse::<RawNotification>(),
        decoded.clone().and_then(|d| d.parse::<RawNotification>()),
        "{request:?}"
    );
    assert_eq!(
        request.message::<DtmfReport>(),
        decoded
            .clone()
            .map_err(|err| err.in_message(DtmfReport::KIND))
            .and_then(|d| d.message::<DtmfReport>()),
        "{request:?}"
    );
    assert_eq!(
        request.message::<Box<StopService>>(),
        decoded
            .map_err(|err| err.in_message(StopService::KIND))
            .and_then(|d| d.message::<Box<StopService>>()),
        "{request:?}"
    );
}

/// Every request of `query` and `body` (as each kind of body, and with each option).
fn all_agree(path: &str, query: Option<&str>, body: &[u8]) {
    let options = [
        NotifyOptions::default(),
        NotifyOptions::default().refuse_conflicts(true),
        NotifyOptions::default().max_params(3),
        NotifyOptions::default().max_bytes(40),
    ];
    for options in options {
        let base = Request::new(path).query(query).options(options);
        paths_agree(&base);
        paths_agree(&base.form(body));
        paths_agree(&base.xml(body));
        for content_type in [
            None,
            Some("application/x-www-form-urlencoded"),
            Some("text/xml; charset=utf-8"),
            Some("text/plain"),
            Some("application/json"),
            Some("text/xml; charset=gbk"),
        ] {
            paths_agree(&base.body(content_type, body));
        }
    }
}

#[test]
fn query_and_body_agree_with_the_decoded_path() {
    let bodies: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"  ".to_vec(),
        b"digits=12%23".to_vec(),
        b"digits=1&digits=1&callid=17092716390803280001000400011fab".to_vec(),
        b"callid=other&digits=2".to_vec(),
        b"digits=%zz".to_vec(),
        b"digits=\xff".to_vec(),
        b"a=1&b=2&c=3&d=4".to_vec(),
        b"<Request><digits>1</digits><callid>c2</callid></Request>".to_vec(),
        b"<request><digits>1</digits><digits>2</digits></request>".to_vec(),
        b"<Request><digits><b/></digits></Request>".to_vec(),
        b"<Response/>".to_vec(),
        b"{\"digits\":\"1\"}".to_vec(),
    ];
    let queries = [
        None,
        Some(APP),
        Some("appid=a1&callid=c1&digits=1"),
        Some("appid=a1&callid=c1&callid=c2"),
        Some("appid=%zz"),
        Some("recorded&callid=c1"),
    ];
    for path in [
        "/ivr/firstget",
        "/ivr/stopservice",
        "/ivr/recorded",
        "/ivr/",
        "/ivr/other",
    ] {
        for query in queries {
            for body in &bodies {
                all_agree(path, query, body);
            }
        }
    }
}

fn pair() -> impl Strategy<Value = String> {
    let name = prop::sample::select(
        &[
            "appid", "callid", "digits", "result", "tag", "from", "menu", "app%69d", "%zz", "",
        ][..],
    );
    let value = prop::sample::select(
        &[
            "",
            "a1",
            "c1",
            "c2",
            "1",
            "2",
            "12%23",
            "12x",
            "%E5%BC%A0+san",
            "%FF",
            "%2",
            "+",
        ][..],
    );
    (name, value).prop_map(|(name, value)| format!("{name}={value}"))
}

fn urlencoded() -> impl Strategy<Value = String> {
    prop::collection::vec(pair(), 0..6).prop_map(|pairs| pairs.join("&"))
}

proptest! {
    #[test]
    fn random_requests_agree(
        query in urlencoded(),
        body in urlencoded(),
        segment in prop::sample::select(&["firstget", "stopservice", "recorded", "x"][..]),
    ) {
        let path = format!("/ivr/{segment}");
        all_agree(&path, Some(&query), body.as_bytes());
        message_is_from_query::<DtmfReport>(&query);
    }
}
