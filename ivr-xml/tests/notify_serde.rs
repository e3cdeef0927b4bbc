//! Feature `serde`: every notification message deserializes through serde_urlencoded (the reader
//! under axum's `Query`/`Form` and actix-web's `web::Query`) to exactly what the library's own
//! reader gives, errors included, and round trips through JSON; the value types serialize as
//! their text and refuse what their constructors refuse, with the same error text.
#![allow(clippy::unwrap_used)]

use std::fmt::Debug;

use ivr_xml::notify::{
    AppId, CallId, Cdr, Code, ConfCreated, ConfDeleted, ConfDtmfReport, ConfId, ConfMediaOpResult,
    ConfMemberJoined, ConfMemberQuit, ConfPasswordFailed, ConsultCallTimeOver, ConsultHangup,
    ConsultNoAnswer, Digits, Direction, DtmfReport, Message, Params, RedirectRequest, Seconds,
    StartService, StopService, Timestamp, UserData,
};
use ivr_xml::{Key, Loop, MaxMember, Method, NumDigits, RelUrl, Text, Timeout, VoiceMode};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Query strings of the spec's samples, the rustdoc examples and the edge cases: escapes, `+`,
/// repeated and unknown parameters, empty values, bare names, missing and invalid parameters.
const QUERIES: &[&str] = &[
    "",
    // The cdr request captured in field code (spec §3.8).
    "appid=ff8080813f84717a013f847540ef0000&caller=01012345678&called=86138000000000\
     &direction=1&callid=17092716390803280001000400011fab\
     &relatecallid=1502121333119418000600040000045d&maincall=0&callresult=1\
     &callstate=200&callstarttime=20170927163908&sipcause=200&ringtime=20170927163908\
     &starttime=20170927163910&endtime=20170927163911&duration=1&timestamp=20170927163911",
    "appid=a1&callid=c1&maincall=0&callresult=&sipcause=48 6&duration=x",
    "appid=ff8080813f84717a013f847540ef0000&callid=17092716390803280001000400011fab",
    "appid=ff8080813f84717a013f847540ef0000&callid=17092716390803280001000400011fab\
     &from=13800000000&to=01083035690&direction=0&origcalled=01083035690",
    "appid=app1&callid=call1&from=&to=13800000000&direction=1&userdata=b3JkZXI9NDI%3D",
    "appid=a1&callid=c1&digits=12345678%23&result=0&menu=join",
    "appid=a1&callid=c1&digits=12345678%23",
    "appid=a1&callid=c1&digits=3&menu=main&try=2",
    "appid=a1&callid=c1&digits=1&digits=1&result=",
    "appid=a1&callid=c1&digits=1&digits=2",
    "appid=a1&callid=c1&digits=12a",
    "appid=a1&callid=c1&digits=1&result=0+1",
    "appid=a1&callid=c1&tag=2",
    "appid=a1&callid=c1&tag=1&tag=2",
    "appid=a1&callid=c1&starttime=20170927163910&endtime=20170927163911&callduration=1&errorcode=",
    "appid=a1&callid=c1&starttime=20170927163910&endtime=20170927163911&callduration=1&mediaflow=12",
    "appid=a1&callid=c1&starttime=&endtime=&callduration=&recordurl=&errorcode=",
    "appid=a1&callid=c1&starttime=2017-09-27",
    "appid=a1&callid=c1&endtime=20170931120000",
    "appid=a1&callid=c1&callduration=-3",
    "appid=a1&callid=c1&callduration=1.5",
    "appid=a1&callid=c1&seccallduration=99999999999999999999",
    "appid=a1&callid=c1&relatecallid=r1",
    "appid=a1&callid=c1&relatedcallid=a%09b",
    "appid=a1&callid=c1&timestamp=1506530348000",
    "appid=a1&callid=c1&direction=2",
    "appid=a1&callid=c1&direction=inbound",
    "appid=a&callid=c&direction=%0A",
    "appid=a1&callid=c1&reason=0&callduration=42",
    "appid=a1&callid=c1&appid=a2",
    "appid=a1&appid=a2&callid=",
    "appid=a1&callid=",
    "appid=a1&callid=c+1",
    "appid=a1&callid=c%01",
    "appid=a%C2%A0b&callid=c1",
    "appid=a%C2%85b&callid=c1",
    "appid=%E4%B8%AD&callid=%E4%B8%AD%E6%96%87",
    "appid=a1",
    "callid=&appid=",
    "appid=a1&from=%E5%BC%A0+san&menu=main",
    "from=%E5%BC%A0+san&to=+&x=%2B%26%3D",
    "appid=a1&callid=c1&from=%25&userdata=100%25",
    "appid=a1&callid=c1&userdata=a+b%2Bc",
    "appid=a1&callid=c1&&&flag&=x",
    "appid=a1&callid=c1&ca%6Clid=c1",
    "app%69d=a1&callid=c1",
    "confid=00012345",
    "confid=00012345&callid=c1",
    "confid=00012345&callid=c1&digits=*1",
    "confid=00012345&deltime=20170927170000",
    "confid=00012345&jointime=20170927163908&callid=c1",
    "confid=00012345&jointime=20170927163908&deltime=x&result=0&reason=0&op=play",
    "confid=00012345&result=0&op=play",
    "confid=00012345&type=1&tag=2&tag=2&result=%2B1",
    "confid=1&jointime=now",
    "confid=a+b",
    "callid=c1",
    "callid=c1&appid=a1",
    "digits=",
    "digits=2&callid=c1&userdata=u",
    "tag=1&tag=2",
    "errorcode=&from=",
    // Not UTF-8 once decoded: refused by the library, replaced by U+FFFD by form_urlencoded.
    "appid=a1&callid=c1&from=%FF",
    "appid=a1&callid=c1&from=%E5%BC",
    "appid=a1&callid=c1&%FF=1",
];

/// `M` reads `query` through serde_urlencoded as through [`Message::from_query`]: the same
/// message, or an error with the same text.
fn agrees<M: Message + DeserializeOwned + Serialize + Debug + PartialEq>(query: &str) {
    let ours = M::from_query(query);
    let theirs = serde_urlencoded::from_str::<M>(query);
    match (&ours, &theirs) {
        (Ok(ours), Ok(theirs)) => assert_eq!(theirs, ours, "{} {query:?}", M::KIND),
        (Err(ours), Err(theirs)) => {
            // form_urlencoded loses where a byte that is not UTF-8 was; the rest is the same text.
            if !ours.to_string().contains("not UTF-8") {
                assert_eq!(
                    theirs.to_string(),
                    ours.to_string(),
                    "{} {query:?}",
                    M::KIND
                );
            }
        }
        _ => panic!(
            "{} {query:?}: from_query {ours:?}, serde {theirs:?}",
            M::KIND
        ),
    }
    // Whatever was read writes back to what reads the same, through serde too.
    if let Ok(message) = ours {
        let written = serde_urlencoded::to_string(&message).unwrap();
        assert_eq!(written, message.to_query_string(), "{} {query:?}", M::KIND);
        let json = serde_json::to_string(&message).unwrap();
        assert_eq!(serde_json::from_str::<M>(&json).unwrap(), message, "{json}");
    }
}

fn all_agree(query: &str) {
    agrees::<StartService>(query);
    agrees::<DtmfReport>(query);
    agrees::<RedirectRequest>(query);
    agrees::<StopService>(query);
    agrees::<ConfCreated>(query);
    agrees::<ConfMemberJoined>(query);
    agrees::<ConfMemberQuit>(query);
    agrees::<ConfDeleted>(query);
    agrees::<ConfDtmfReport>(query);
    agrees::<ConfMediaOpResult>(query);
    agrees::<ConfPasswordFailed>(query);
    agrees::<ConsultHangup>(query);
    agrees::<ConsultCallTimeOver>(query);
    agrees::<ConsultNoAnswer>(query);
    agrees::<Cdr>(query);
}

#[test]
fn every_message_reads_every_sample_as_the_library_does() {
    for query in QUERIES {
        all_agree(query);
    }
}

#[test]
fn errors_are_the_library_errors() {
    let err = serde_urlencoded::from_str::<StartService>("appid=a1").unwrap_err();
    assert_eq!(
        err.to_string(),
        "startservice notification: missing parameter `callid`: expected a call id (not empty, \
         no spaces or control characters)"
    );
    let err = serde_urlencoded::from_str::<DtmfReport>("appid=a1&callid=c1&digits=1&digits=2")
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        DtmfReport::from_query("appid=a1&callid=c1&digits=1&digits=2")
            .unwrap_err()
            .to_string()
    );
    let err = serde_urlencoded::from_str::<StopService>("appid=a&callid=c&from=%FF").unwrap_err();
    assert_eq!(
        err.to_string(),
        "stopservice notification: parameter `from` is not UTF-8 once percent-decoded (it holds \
         U+FFFD, the replacement character)"
    );
    // JSON reports the same text, with the position serde_json adds.
    let err = serde_json::from_str::<StopService>(r#"{"appid":"a","callid":"c d"}"#).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "stopservice notification: invalid parameter `callid` = `c d`: expected a call id"
        ),
        "{err}"
    );
}

#[test]
fn the_parameter_count_limit_is_the_library_limit() {
    let query = (0..300)
        .map(|i| format!("p{i}=1"))
        .collect::<Vec<_>>()
        .join("&");
    let query = format!("appid=a&callid=c&{query}");
    let ours = StopService::from_query(&query).unwrap_err().to_string();
    let theirs = serde_urlencoded::from_str::<StopService>(&query).unwrap_err();
    assert_eq!(theirs.to_string(), ours);
}

#[test]
fn the_size_limit_and_a_leading_question_mark_are_the_librarys() {
    let long = "x".repeat(70_000);
    let query = format!("appid=a&callid=c&note={long}");
    let ours = StopService::from_query(&query).unwrap_err().to_string();
    assert_eq!(
        serde_urlencoded::from_str::<StopService>(&query)
            .unwrap_err()
            .to_string(),
        ours
    );
    for query in ["?appid=a&callid=c&x=1", "?&appid=a&callid=c", "?"] {
        assert_eq!(
            serde_urlencoded::from_str::<ConfMemberQuit>(query).ok(),
            ConfMemberQuit::from_query(query).ok(),
            "{query}"
        );
    }
    assert_eq!(
        serde_urlencoded::from_str::<StopService>("?appid=a&callid=c").unwrap(),
        StopService::from_query("?appid=a&callid=c").unwrap()
    );
}

#[test]
fn unknown_parameters_are_kept_in_extra_in_order() {
    let report: DtmfReport =
        serde_urlencoded::from_str("menu=join&appid=a1&callid=c1&digits=1%23&try=2&menu=x")
            .unwrap();
    assert_eq!(report.digits.entered(), "1");
    assert_eq!(
        report.extra.iter().collect::<Vec<_>>(),
        [("menu", "join"), ("try", "2"), ("menu", "x")]
    );
}

#[test]
fn json_uses_the_platforms_parameter_names() {
    let stop = StopService::new(AppId::new("a1").unwrap(), CallId::new("c1").unwrap())
        .starttime(Timestamp::parse("20170927163910").unwrap())
        .callduration(Seconds::new(1))
        .errorcode(Code::new("0").unwrap())
        .extra_param("mediaflow", "12");
    let json = serde_json::to_string(&stop).unwrap();
    assert_eq!(
        json,
        r#"{"appid":"a1","callid":"c1","starttime":"20170927163910","callduration":"1","errorcode":"0","mediaflow":"12"}"#
    );
    assert_eq!(serde_json::from_str::<StopService>(&json).unwrap(), stop);

    // Numbers and nulls, as a hand-written JSON document would have them.
    let read: StopService = serde_json::from_str(
        r#"{"appid":"a1","callid":"c1","starttime":20170927163910,"callduration":1,"errorcode":0,"sstime":null,"mediaflow":12}"#,
    )
    .unwrap();
    assert_eq!(read, stop);

    let redirect = RedirectRequest::new(AppId::new("a").unwrap(), CallId::new("c").unwrap())
        .kind("3")
        .tag("x");
    assert_eq!(
        serde_json::to_string(&redirect).unwrap(),
        r#"{"appid":"a","callid":"c","tag":"x","type":"3"}"#
    );
    // Not a map: serde's own error.
    assert!(serde_json::from_str::<RedirectRequest>("[1]").is_err());
}

#[test]
fn params_round_trip() {
    let params = Params::from_query("a=1&b=&a=2").unwrap();
    let json = serde_json::to_string(&params).unwrap();
    assert_eq!(json, r#"{"a":"1","b":"","a":"2"}"#);
    assert_eq!(serde_json::from_str::<Params>(&json).unwrap(), params);
    assert_eq!(
        serde_urlencoded::from_str::<Params>("a=1&b=&a=2").unwrap(),
        params
    );
}

/// `value` serializes as `text` in JSON and reads back; `bad` is refused with `T`'s own error.
fn value<T>(value: T, text: &str, bad: &str, error: &str)
where
    T: Serialize + DeserializeOwned + Debug + PartialEq,
{
    let json = serde_json::to_string(&value).unwrap();
    assert_eq!(json, format!("\"{text}\""));
    assert_eq!(serde_json::from_str::<T>(&json).unwrap(), value);
    let err = serde_json::from_str::<T>(&format!("\"{bad}\"")).unwrap_err();
    assert!(err.to_string().starts_with(error), "{err}");
}

#[test]
fn value_types_are_their_text() {
    value(
        AppId::new("a1").unwrap(),
        "a1",
        "a b",
        "invalid appid `a b`",
    );
    value(CallId::new("c1").unwrap(), "c1", "", "invalid callid ``");
    value(ConfId::new("0001").unwrap(), "0001", " ", "invalid confid");
    value(Code::new("0").unwrap(), "0", "", "invalid code");
    value(Direction::Outbound, "1", "2", "invalid direction `2`");
    value(
        Digits::new("12#").unwrap(),
        "12#",
        "1a",
        "invalid digits `1a`",
    );
    value(Seconds::new(5), "5", "x", "invalid");
    // User data is any text.
    let data = UserData::new("b3I=");
    assert_eq!(serde_json::to_string(&data).unwrap(), r#""b3I=""#);
    assert_eq!(
        serde_json::from_str::<UserData>(r#""\u0000 x""#)
            .unwrap()
            .as_str(),
        "\0 x"
    );
    value(
        Timestamp::parse("20170927163910").unwrap(),
        "20170927163910",
        "2017",
        "invalid",
    );
    value(
        Key::Hash,
        "#",
        "A",
        "invalid key `A`: expected one of `0`-`9`, `*`, `#`",
    );
    value(Method::Get, "GET", "get", "invalid method `get`");
    value(VoiceMode::Silent, "2", "3", "invalid voicemod `3`");
    value(
        NumDigits::new(8).unwrap(),
        "8",
        "0",
        "invalid numdigits `0`",
    );
    value(Timeout::new(30).unwrap(), "30", "-1", "invalid");
    value(MaxMember::new(5).unwrap(), "5", "x", "invalid");
    value(Loop::Forever, "-1", "-2", "invalid loop `-2`");
    value(Text::new("hi").unwrap(), "hi", "\\uFFFE", "invalid");
    value(RelUrl::new("a/b").unwrap(), "a/b", "\\uFFFF", "invalid");
    // A number where a self-describing format has one.
    assert_eq!(
        serde_json::from_str::<Timeout>("30").unwrap(),
        Timeout::new(30).unwrap()
    );
    assert_eq!(
        serde_json::from_str::<Seconds>("7").unwrap(),
        Seconds::new(7)
    );
}

/// Parameter names and values, from an alphabet where the percent-decoders agree (valid
/// escapes only): names of every message, unknown names, escaped names.
fn query_strategy() -> impl Strategy<Value = String> {
    let name = prop::sample::select(vec![
        "appid",
        "callid",
        "digits",
        "from",
        "to",
        "direction",
        "userdata",
        "result",
        "tag",
        "type",
        "starttime",
        "endtime",
        "callduration",
        "errorcode",
        "confid",
        "jointime",
        "deltime",
        "reason",
        "menu",
        "ca%6Clid",
        "",
        "x+y",
    ]);
    let value = prop::collection::vec(
        prop::sample::select(vec![
            "a",
            "1",
            "0",
            "#",
            "%23",
            "*",
            "+",
            "%2B",
            "%20",
            " ",
            "%E4%B8%AD",
            "20170927163910",
            "%25",
            "=",
            "-",
            "x",
            "12",
        ]),
        0..4,
    )
    .prop_map(|parts| parts.concat());
    let pair = (name, prop::option::of(value)).prop_map(|(name, value)| match value {
        Some(value) => format!("{name}={value}"),
        None => name.to_owned(),
    });
    prop::collection::vec(pair, 0..8).prop_map(|pairs| pairs.join("&"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn random_queries_read_the_same(query in query_strategy()) {
        all_agree(&query);
    }
}

/// Sends one raw HTTP/1.1 request to `app` on loopback; the status line's code and the body.
async fn send(app: axum::Router, request: String) -> (u16, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    // A blocking client on its own thread: tokio's io-util is not a dependency.
    let answer = tokio::task::spawn_blocking(move || {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    })
    .await
    .unwrap();
    server.abort();
    let status = answer[9..12].parse().unwrap();
    let body = answer.split_once("\r\n\r\n").unwrap().1.to_owned();
    (status, body)
}

#[tokio::test(flavor = "current_thread")]
async fn an_axum_handler_takes_query_of_a_message() {
    use axum::extract::Query;
    async fn menu(Query(report): Query<DtmfReport>) -> String {
        format!("{} pressed {}", report.callid, report.digits.entered())
    }
    let app = || axum::Router::new().route("/ivr/firstget", axum::routing::post(menu));
    let request = |query: &str| {
        format!("POST /ivr/firstget?{query} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    };
    assert_eq!(
        send(app(), request("appid=a1&callid=c1&digits=12%23&menu=x")).await,
        (200, "c1 pressed 12".to_owned())
    );
    let (status, body) = send(app(), request("appid=a1&callid=c1")).await;
    assert_eq!(status, 400);
    assert!(
        body.contains("Get report: missing parameter `digits`: expected "),
        "{body}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn an_axum_handler_takes_form_of_a_message() {
    use axum::extract::Form;
    async fn stop(Form(stop): Form<StopService>) -> String {
        format!(
            "{} lasted {:?}",
            stop.callid,
            stop.callduration.map(|s| s.get())
        )
    }
    let app = || axum::Router::new().route("/ivr/stopservice", axum::routing::post(stop));
    let request = |body: &str| {
        format!(
            "POST /ivr/stopservice HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
    };
    assert_eq!(
        send(
            app(),
            request("appid=a1&callid=c1&callduration=42&mediaflow=1")
        )
        .await,
        (200, "c1 lasted Some(42)".to_owned())
    );
    let (status, body) = send(app(), request("appid=a1&callid=c1&callduration=x")).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("stopservice notification: invalid parameter `callduration` = `x`"),
        "{body}"
    );
}

/// What every value reads as its text, deliberately the same for the command model and the
/// notifications (one reader): strings, numbers of any kind and booleans; `null` is refused with
/// what the value expects.
#[test]
fn a_value_reads_strings_numbers_and_booleans_as_text() {
    assert_eq!(serde_json::from_str::<Text>("1.5").unwrap(), "1.5");
    assert_eq!(
        serde_json::from_str::<UserData>("true").unwrap().as_str(),
        "true"
    );
    assert_eq!(
        serde_json::from_str::<Code>("-3").unwrap().as_i64(),
        Some(-3)
    );
    let err = serde_json::from_str::<Seconds>("1.5").unwrap_err();
    assert!(
        err.to_string().starts_with("invalid seconds `1.5`"),
        "{err}"
    );
    let err = serde_json::from_str::<CallId>("null").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid type: null, expected a call id (not empty"),
        "{err}"
    );
    let err = serde_json::from_str::<Timeout>("[30]").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid type: sequence, expected text (a string, a number or a boolean)"),
        "{err}"
    );
    // The same reader takes a number in a message (it was the notifications' already).
    let report: DtmfReport =
        serde_json::from_str(r#"{"appid":"a","callid":"c","digits":12,"result":0.0}"#).unwrap();
    assert_eq!(report.digits.as_str(), "12");
    assert_eq!(report.result.as_ref().map(Code::as_str), Some("0"));
}

#[derive(Debug, PartialEq, ivr_xml::notify::Notification)]
#[notification(serde)]
enum Incoming {
    Start(StartService),
    #[notification(segment = "firstget", segment = "menu/first")]
    Menu(DtmfReport),
    Stop(Box<StopService>),
}

#[derive(Debug, PartialEq, ivr_xml::notify::Notification)]
#[notification(serde)]
enum AnyPath {
    #[notification(segment = "joinconfok")]
    Joined(ConfMemberJoined),
    #[notification(other)]
    Other(ivr_xml::notify::RawNotification),
}

#[test]
fn a_notification_enum_is_tagged_by_its_segment() {
    use ivr_xml::notify::{Notification, Request};

    let menu: Incoming = Request::new("/ivr/menu/first?appid=a&callid=c&digits=2%23&x=1")
        .parse()
        .unwrap();
    let json = serde_json::to_string(&menu).unwrap();
    // The variant's first segment, whichever path chose it.
    assert_eq!(
        json,
        r#"{"firstget":{"appid":"a","callid":"c","digits":"2#","x":"1"}}"#
    );
    assert_eq!(serde_json::from_str::<Incoming>(&json).unwrap(), menu);
    // A boxed message and a default segment.
    let stop = Incoming::Stop(Box::new(StopService::new(
        AppId::new("a").unwrap(),
        CallId::new("c").unwrap(),
    )));
    let json = serde_json::to_string(&stop).unwrap();
    assert_eq!(json, r#"{"stopservice":{"appid":"a","callid":"c"}}"#);
    assert_eq!(serde_json::from_str::<Incoming>(&json).unwrap(), stop);
    assert_eq!(
        serde_json::from_str::<Incoming>(
            r#"{"menu/first":{"appid":"a","callid":"c","digits":"1"}}"#
        )
        .unwrap()
        .segment(),
        "firstget"
    );

    // The errors the library gives for the same request.
    let err = serde_json::from_str::<Incoming>(r#"{"other":{}}"#).unwrap_err();
    let library = Incoming::from_parts("other", &Params::new()).unwrap_err();
    assert!(err.to_string().starts_with(&library.to_string()), "{err}");
    let err =
        serde_json::from_str::<Incoming>(r#"{"firstget":{"appid":"a","callid":"c"}}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Get report: missing parameter `digits`"),
        "{err}"
    );
    let err = serde_json::from_str::<Incoming>("{}").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("an empty map is no notification"),
        "{err}"
    );
    let err = serde_json::from_str::<Incoming>(
        r#"{"startservice":{"appid":"a","callid":"c"},"stopservice":{}}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("a notification is a map with one key, its segment: `startservice` is followed by `stopservice`"),
        "{err}"
    );
    assert!(serde_json::from_str::<Incoming>(r#"{"startservice":[1]}"#).is_err());

    // The catch-all keeps the path, and reads back to itself.
    let other: AnyPath = Request::new("/ivr/agentstate?agentid=7").parse().unwrap();
    let json = serde_json::to_string(&other).unwrap();
    assert_eq!(json, r#"{"/ivr/agentstate":{"agentid":"7"}}"#);
    assert_eq!(serde_json::from_str::<AnyPath>(&json).unwrap(), other);
    let joined: AnyPath = serde_json::from_str(r#"{"joinconfok":{"confid":"0001"}}"#).unwrap();
    assert!(matches!(joined, AnyPath::Joined(j) if j.confid == "0001"));
}

#[test]
fn rest_values_are_their_text() {
    use ivr_xml::rest::{Role, Speak, StatusCode};
    value(Role::Host, "1", "2", "invalid role `2`");
    value(Speak::ListenOnly, "0", "x", "invalid speak `x`");
    value(
        StatusCode::new("000000").unwrap(),
        "000000",
        "OK",
        "invalid statusCode `OK`",
    );
}
