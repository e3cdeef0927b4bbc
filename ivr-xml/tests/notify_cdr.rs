//! The `cdr` callback (spec §3.8, field evidence) as a typed message: the captured request read
//! into every field, dispatched by its segment, and written back (issue 18).
#![allow(clippy::unwrap_used)]

use ivr_xml::notify::{
    AppId, CallId, Cdr, Code, Direction, Message, Notification, Params, RawNotification, Request,
    Seconds, StartService, StopService, Timestamp,
};

/// The cdr request captured in a code comment, in its order (spec §3.8); the spec gives the
/// numbers' shapes (a landline caller, a 14-digit callee, 32-character ids), these are made up.
const CAPTURED: &str = "appid=ff8080813f84717a013f847540ef0000&caller=01012345678\
    &called=86138000000000&direction=1&callid=17092716390803280001000400011fab\
    &relatecallid=1502121333119418000600040000045d&maincall=0&callresult=1&callstate=200\
    &callstarttime=20170927163908&sipcause=200&ringtime=20170927163908\
    &starttime=20170927163910&endtime=20170927163911&duration=1&timestamp=20170927163911";

fn time(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

fn code(text: &str) -> Option<Code> {
    Some(Code::new(text).unwrap())
}

#[test]
fn the_captured_request_reads_into_every_field() {
    let cdr = Cdr::from_query(CAPTURED).unwrap();
    assert_eq!(cdr.appid, "ff8080813f84717a013f847540ef0000");
    assert_eq!(cdr.callid, "17092716390803280001000400011fab");
    assert_eq!(cdr.caller.as_deref(), Some("01012345678"));
    assert_eq!(cdr.called.as_deref(), Some("86138000000000"));
    assert_eq!(cdr.direction, Some(Direction::Outbound));
    assert_eq!(
        cdr.relatecallid.as_ref().map(CallId::as_str),
        Some("1502121333119418000600040000045d")
    );
    assert_eq!(cdr.maincall, code("0"));
    assert_eq!(cdr.callresult, code("1"));
    assert_eq!(cdr.callstate, code("200"));
    assert_eq!(cdr.callstarttime, Some(time("20170927163908")));
    assert_eq!(cdr.sipcause, code("200"));
    assert_eq!(cdr.ringtime, Some(time("20170927163908")));
    assert_eq!(cdr.starttime, Some(time("20170927163910")));
    assert_eq!(cdr.endtime, Some(time("20170927163911")));
    assert_eq!(cdr.duration, Some(Seconds::new(1)));
    assert_eq!(cdr.timestamp, Some(time("20170927163911")));
    // Not in the capture: absent.
    assert_eq!(
        (
            &cdr.sstime,
            &cdr.setime,
            &cdr.seccallduration,
            &cdr.recordurl,
            &cdr.userdata
        ),
        (&None, &None, &None, &None, &None)
    );
    assert!(cdr.extra.is_empty());

    // The same message from a form body and from the general path.
    assert_eq!(Cdr::from_form(CAPTURED.as_bytes()).unwrap(), cdr);
    assert_eq!(
        Cdr::from_params(&Params::from_query(CAPTURED).unwrap()).unwrap(),
        cdr
    );
    // Written back: `callid` (required) moves up; otherwise the capture's order and bytes.
    let moved = CAPTURED
        .replace("&callid=17092716390803280001000400011fab", "")
        .replacen(
            "&caller=",
            "&callid=17092716390803280001000400011fab&caller=",
            1,
        );
    assert_eq!(cdr.to_query_string(), moved);
    assert_eq!(Cdr::from_query(&cdr.to_query_string()).unwrap(), cdr);
    assert_eq!(
        Cdr::from_xml(cdr.to_xml().unwrap().as_bytes()).unwrap(),
        cdr
    );
}

#[test]
fn every_parameter_of_the_spec_list_is_read() {
    // The 21 names of spec §3.8, in its order.
    let spec = [
        "appid",
        "callid",
        "caller",
        "called",
        "direction",
        "callresult",
        "relatecallid",
        "maincall",
        "callstate",
        "callstarttime",
        "sipcause",
        "ringtime",
        "starttime",
        "endtime",
        "duration",
        "sstime",
        "setime",
        "seccallduration",
        "recordurl",
        "userdata",
        "timestamp",
    ];
    let mut read: Vec<&str> = Cdr::PARAMS.to_vec();
    let mut listed = spec.to_vec();
    read.sort_unstable();
    listed.sort_unstable();
    assert_eq!(read, listed);
    assert_eq!(Cdr::DEFAULT_SEGMENT, Some("cdr"));

    let built = Cdr::new(AppId::new("a1").unwrap(), CallId::new("c1").unwrap())
        .sstime(time("20170927163912"))
        .setime(time("20170927163920"))
        .seccallduration(Seconds::new(8))
        .recordurl("http://example.com/r.wav")
        .userdata("b3JkZXI9NDI=");
    assert_eq!(
        built.to_query_string(),
        "appid=a1&callid=c1&sstime=20170927163912&setime=20170927163920&seccallduration=8\
         &recordurl=http%3A%2F%2Fexample.com%2Fr.wav&userdata=b3JkZXI9NDI%3D"
    );
    assert_eq!(Cdr::from_query(&built.to_query_string()).unwrap(), built);
}

#[test]
fn unknown_and_other_spellings_stay_in_extra_and_errors_name_the_parameter() {
    let cdr =
        Cdr::from_query("appid=a1&callid=c1&relatedcallid=r1&mediaflow=12&recordurl=").unwrap();
    assert_eq!(cdr.relatecallid, None);
    let extra: Vec<(&str, &str)> = cdr.extra.iter().collect();
    assert_eq!(extra, [("relatedcallid", "r1"), ("mediaflow", "12")]);
    assert_eq!(cdr.recordurl.as_deref(), Some(""));

    assert_eq!(
        Cdr::from_query("appid=a1&callid=c1&ringtime=2017-09-27")
            .unwrap_err()
            .to_string(),
        format!(
            "cdr callback: invalid parameter `ringtime` = `2017-09-27`: expected {}",
            Timestamp::parse("2017-09-27").unwrap_err().expected()
        )
    );
    assert_eq!(
        Cdr::from_query("appid=a1&duration=1").unwrap_err().to_string(),
        "cdr callback: missing parameter `callid`: expected a call id (not empty, no spaces or control characters)"
    );
}

/// An application's enum: `Cdr` needs no segment attribute, its default segment is `cdr`.
#[derive(Debug, PartialEq, Notification)]
enum Incoming {
    Start(StartService),
    Stop(Box<StopService>),
    Cdr(Box<Cdr>),
    #[notification(other)]
    Other(RawNotification),
}

#[test]
fn dispatched_by_its_segment() {
    assert_eq!(Incoming::SEGMENTS, ["startservice", "stopservice", "cdr"]);
    let incoming: Incoming = Request::new(&format!("/ivr/app1/cdr?{CAPTURED}"))
        .parse()
        .unwrap();
    let Incoming::Cdr(cdr) = &incoming else {
        panic!("{incoming:?}")
    };
    assert_eq!(**cdr, Cdr::from_query(CAPTURED).unwrap());
    assert_eq!(incoming.segment(), "cdr");
    // The same parameters at stopservice are a StopService, the cdr's names in its extra.
    let stop: Incoming = Request::new(&format!("/ivr/app1/stopservice?{CAPTURED}"))
        .parse()
        .unwrap();
    assert!(matches!(stop, Incoming::Stop(_)), "{stop:?}");
    // A form body at the cdr segment reads the same.
    let form: Incoming = Request::new("/ivr/app1/cdr")
        .form(CAPTURED.as_bytes())
        .parse()
        .unwrap();
    assert_eq!(form, incoming);
}
