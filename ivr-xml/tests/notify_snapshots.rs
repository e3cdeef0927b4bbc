//! Every notification kind of spec §3, built with its builder, in every encoding: the query
//! string, the form body, and the XML body (`<Request>` and `<request>`, compact and indented).
//!
//! For each kind: each encoding reads back to the built value, directly and through `Request`
//! with the body's content type; and an insta snapshot shows the three encodings and the value.
//! Values use field-evidence ids and times (spec §3.1, §3.8) plus characters that need encoding.
#![allow(clippy::unwrap_used)]

use std::fmt::Debug;

use ivr_xml::notify::{
    AppId, CallId, Code, ConfCreated, ConfDeleted, ConfDtmfReport, ConfId, ConfMediaOpResult,
    ConfMemberJoined, ConfMemberQuit, ConfPasswordFailed, ConsultCallTimeOver, ConsultHangup,
    ConsultNoAnswer, Digits, Direction, DtmfReport, Message, RedirectRequest, Request, Seconds,
    StartService, StopService, Timestamp, UserData,
};
use ivr_xml::Style;

const APPID: &str = "ff8080813f84717a013f847540ef0000";
const CALLID: &str = "17092716390803280001000400011fab";
const RELATED: &str = "1502121333119418000600040000045d";

fn appid() -> AppId {
    AppId::new(APPID).unwrap()
}

fn callid() -> CallId {
    CallId::new(CALLID).unwrap()
}

fn confid() -> ConfId {
    ConfId::new("00012345").unwrap()
}

fn time(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

fn code(text: &str) -> Code {
    Code::new(text).unwrap()
}

/// Checks every encoding against `message` and returns the snapshot text.
fn encodings<M: Message + Debug + PartialEq>(message: &M) -> String {
    let query = message.to_query_string();
    let pretty = message.to_xml_with(&Style::docs()).unwrap();
    let compact = message.to_xml().unwrap();
    let lower = compact
        .replace("<Request>", "<request>")
        .replace("</Request>", "</request>");

    assert_eq!(&M::from_query(&query).unwrap(), message, "query string");
    assert_eq!(&M::from_form(query.as_bytes()).unwrap(), message, "form");
    assert_eq!(&M::from_xml(pretty.as_bytes()).unwrap(), message, "XML");
    assert_eq!(&M::from_xml(compact.as_bytes()).unwrap(), message, "XML");
    assert_eq!(&M::from_xml(lower.as_bytes()).unwrap(), message, "XML");

    let target = format!("/ivr/app/somewhere?{query}");
    let requests = [
        Request::new(&target),
        Request::new("/ivr/app/somewhere").body(
            "application/x-www-form-urlencoded; charset=UTF-8",
            query.as_bytes(),
        ),
        Request::new("/ivr/app/somewhere").body(None, query.as_bytes()),
        Request::new("/ivr/app/somewhere").body("application/xml", pretty.as_bytes()),
        Request::new("/ivr/app/somewhere").body("text/xml", compact.as_bytes()),
        Request::new("/ivr/app/somewhere").body("text/plain", lower.as_bytes()),
        Request::new("/ivr/app/somewhere").body(None, pretty.as_bytes()),
        // Both at once, the same values: nothing conflicts, nothing is doubled.
        Request::new(&target).body("application/x-www-form-urlencoded", query.as_bytes()),
        Request::new(&target).body("text/xml", compact.as_bytes()),
    ];
    for request in requests {
        let decoded = request.decode().unwrap();
        assert!(decoded.conflicts().is_empty());
        assert_eq!(&decoded.message::<M>().unwrap(), message, "{request:?}");
    }

    format!(
        "kind: {}\ndefault segment: {}\n\n\
         == query string (GET or POST)\n{query}\n\n\
         == form body (application/x-www-form-urlencoded)\n{query}\n\n\
         == XML body\n{pretty}\n\n\
         == XML body, compact\n{compact}\n\n\
         == value, the same from each encoding\n{message:#?}\n",
        M::KIND,
        M::DEFAULT_SEGMENT.unwrap_or("(named by the application)"),
    )
}

#[test]
fn startservice() {
    let inbound = StartService::new(appid(), callid())
        .from("13800000000")
        .to("01083035690")
        .direction(Direction::Inbound)
        .extra_param("origcalled", "01083035690");
    insta::assert_snapshot!("startservice-inbound", encodings(&inbound));
    let outbound = StartService::new(appid(), callid())
        .from("")
        .to("13912345678")
        .direction(Direction::Outbound)
        .userdata(UserData::encode_base64("订单=42&来源=ivr".as_bytes()));
    insta::assert_snapshot!("startservice-outbound", encodings(&outbound));
}

#[test]
fn get_report() {
    let report = DtmfReport::new(appid(), callid(), Digits::new("12345678#").unwrap())
        .result(code("0"))
        .userdata("a b+c")
        .extra_param("menu", "join id")
        .extra_param("fink", "#");
    insta::assert_snapshot!("dtmfreport", encodings(&report));
}

#[test]
fn redirect() {
    let redirect = RedirectRequest::new(appid(), callid())
        .tag("2")
        .kind("3")
        .result(code("0"))
        .userdata("1");
    insta::assert_snapshot!("redirect", encodings(&redirect));
}

#[test]
fn stopservice() {
    let stop = StopService::new(appid(), callid())
        .starttime(time("20170927163910"))
        .endtime(time("20170927163911"))
        .callduration(Seconds::new(1))
        .sstime(time("20170927163915"))
        .setime(time("20170927164015"))
        .seccallduration(Seconds::new(60))
        .recordurl("http://record.example/2017/09/27/a.wav?sig=x&y=1")
        .recordid("rec0001")
        .errorcode(code("0"))
        .relatedcallid(CallId::new(RELATED).unwrap())
        .userdata("1")
        .timestamp(time("20170927164016"))
        .extra_param("mediaflow", "12")
        .extra_param("alertingtime", "20170927163908");
    insta::assert_snapshot!("stopservice", encodings(&stop));
    // The cdr handler's spelling of the related call.
    let relate = StopService::new(appid(), callid()).relatecallid(CallId::new(RELATED).unwrap());
    assert_eq!(
        relate.related_callid().map(CallId::as_str),
        Some(RELATED),
        "relatecallid"
    );
    insta::assert_snapshot!("stopservice-relatecallid", encodings(&relate));
}

#[test]
fn conference_created() {
    let created = ConfCreated::new(confid())
        .appid(appid())
        .callid(callid())
        .userdata("room=7");
    insta::assert_snapshot!("conf-created", encodings(&created));
}

#[test]
fn conference_member_joined() {
    let joined = ConfMemberJoined::new(confid())
        .jointime(time("20170927163908"))
        .callid(callid())
        .appid(appid())
        .userdata("");
    insta::assert_snapshot!("conf-member-joined", encodings(&joined));
}

#[test]
fn conference_member_quit() {
    let quit = ConfMemberQuit::new()
        .confid(confid())
        .callid(callid())
        .appid(appid())
        .extra_param("quittime", "20170927170000");
    insta::assert_snapshot!("conf-member-quit", encodings(&quit));
}

#[test]
fn conference_deleted() {
    let deleted = ConfDeleted::new(confid())
        .deltime(time("20170927170500"))
        .appid(appid());
    insta::assert_snapshot!("conf-deleted", encodings(&deleted));
}

#[test]
fn conference_keys() {
    let keys = ConfDtmfReport::new()
        .confid(confid())
        .callid(callid())
        .digits(Digits::new("*1").unwrap())
        .appid(appid());
    insta::assert_snapshot!("conf-dtmfreport", encodings(&keys));
}

#[test]
fn conference_media_operation() {
    let result = ConfMediaOpResult::new()
        .confid(confid())
        .callid(callid())
        .result(code("-1"))
        .appid(appid())
        .extra_param("op", "ConfPlay");
    insta::assert_snapshot!("conf-mediaop-result", encodings(&result));
}

#[test]
fn conference_password_failed() {
    let failed = ConfPasswordFailed::new()
        .confid(confid())
        .callid(callid())
        .appid(appid());
    insta::assert_snapshot!("conf-password-failed", encodings(&failed));
}

#[test]
fn consultation_hangup() {
    let hangup = ConsultHangup::new(appid(), callid())
        .reason(code("0"))
        .callduration(Seconds::new(42));
    insta::assert_snapshot!("consult-hangupurl", encodings(&hangup));
}

#[test]
fn consultation_call_time_over() {
    let over = ConsultCallTimeOver::new(appid(), callid());
    insta::assert_snapshot!("consult-calltimeoverurl", encodings(&over));
}

#[test]
fn consultation_no_answer() {
    let missed = ConsultNoAnswer::new(callid()).appid(appid());
    insta::assert_snapshot!("consult-noanswerurl", encodings(&missed));
}

/// A request as the platform sends it, byte for byte as captured in field code (spec §3.8's
/// cdr line, here at the stopservice segment): parameters the message does not read stay in
/// `extra`, in order, and the message writes back the same query string.
#[test]
fn captured_request_round_trips_byte_for_byte() {
    let query = "appid=ff8080813f84717a013f847540ef0000&caller=01012345678&called=86138000000000\
                 &direction=1&callid=17092716390803280001000400011fab\
                 &relatecallid=1502121333119418000600040000045d&maincall=0&callresult=1\
                 &callstate=200&callstarttime=20170927163908&sipcause=200&ringtime=20170927163908\
                 &starttime=20170927163910&endtime=20170927163911&duration=1&timestamp=20170927163911";
    let stop = StopService::from_query(query).unwrap();
    assert_eq!(stop.starttime, Some(time("20170927163910")));
    assert_eq!(
        stop.related_callid().map(CallId::as_str),
        Some("1502121333119418000600040000045d")
    );
    let extra: Vec<&str> = stop.extra.iter().map(|(name, _)| name).collect();
    assert_eq!(
        extra,
        [
            "caller",
            "called",
            "direction",
            "maincall",
            "callresult",
            "callstate",
            "callstarttime",
            "sipcause",
            "ringtime",
            "duration"
        ]
    );
    // Known parameters are written first, so the order changes; the parameters do not.
    let written = StopService::from_query(&stop.to_query_string()).unwrap();
    assert_eq!(written, stop);
    let mut sorted_in: Vec<&str> = query.split('&').collect();
    let written_query = stop.to_query_string();
    let mut sorted_out: Vec<&str> = written_query.split('&').collect();
    sorted_in.sort_unstable();
    sorted_out.sort_unstable();
    assert_eq!(sorted_in, sorted_out);
}
