//! Bad notification input: every error names the message and the parameter, shows the raw value
//! and says what was expected; bad encodings, non-UTF-8 bytes, oversized input and malformed XML
//! are refused clearly. One snapshot lists every case with its message.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;

use ivr_xml::notify::{
    ConfCreated, ConfMemberJoined, DtmfReport, Message, Notification, NotifyError, NotifyErrorKind,
    NotifyOptions, Params, RedirectRequest, Request, StartService, StopService,
};

/// A field error: the message, the parameter, and (when given) the raw value all appear.
fn field_error<M: Message + std::fmt::Debug>(
    query: &str,
    param: &str,
    raw: Option<&str>,
) -> NotifyError {
    let err = M::from_query(query).unwrap_err();
    assert_eq!(err.param(), Some(param), "{err}");
    assert_eq!(err.message(), Some(M::KIND), "{err}");
    let text = err.to_string();
    assert!(text.contains(&format!("`{param}`")), "{text}");
    if let Some(raw) = raw {
        assert!(text.contains(&format!("`{raw}`")), "{text}");
    }
    assert!(text.contains("expected"), "{text}");
    // The same error from the form body and from an XML body.
    assert_eq!(M::from_form(query.as_bytes()).unwrap_err(), err);
    // (Unless a value cannot be written in XML at all.)
    if let Ok(xml) = Params::from_query(query).unwrap().to_xml() {
        assert_eq!(M::from_xml(xml.as_bytes()).unwrap_err(), err);
    }
    err
}

#[test]
fn field_errors() {
    let cases: Vec<(String, NotifyError)> = vec![
        (
            "startservice: appid=a1".into(),
            field_error::<StartService>("appid=a1", "callid", None),
        ),
        (
            "startservice: (nothing)".into(),
            field_error::<StartService>("", "appid", None),
        ),
        (
            "startservice: empty callid".into(),
            field_error::<StartService>("appid=a1&callid=", "callid", Some("")),
        ),
        (
            "startservice: callid with a space".into(),
            field_error::<StartService>("appid=a1&callid=c+1", "callid", Some("c 1")),
        ),
        (
            "startservice: callid with a control character".into(),
            field_error::<StartService>("appid=a1&callid=c%01", "callid", None),
        ),
        (
            "startservice: direction=2".into(),
            field_error::<StartService>("appid=a1&callid=c1&direction=2", "direction", Some("2")),
        ),
        (
            "startservice: direction=inbound".into(),
            field_error::<StartService>(
                "appid=a1&callid=c1&direction=inbound",
                "direction",
                Some("inbound"),
            ),
        ),
        (
            "dtmfreport: no digits".into(),
            field_error::<DtmfReport>("appid=a1&callid=c1", "digits", None),
        ),
        (
            "dtmfreport: digits=12a".into(),
            field_error::<DtmfReport>("appid=a1&callid=c1&digits=12a", "digits", Some("12a")),
        ),
        (
            "dtmfreport: digits given twice, differently".into(),
            field_error::<DtmfReport>("appid=a1&callid=c1&digits=1&digits=2", "digits", Some("2")),
        ),
        (
            "dtmfreport: result with a space".into(),
            field_error::<DtmfReport>(
                "appid=a1&callid=c1&digits=1&result=0+1",
                "result",
                Some("0 1"),
            ),
        ),
        (
            "stopservice: starttime=2017-09-27".into(),
            field_error::<StopService>(
                "appid=a1&callid=c1&starttime=2017-09-27",
                "starttime",
                Some("2017-09-27"),
            ),
        ),
        (
            "stopservice: endtime on 31 September".into(),
            field_error::<StopService>(
                "appid=a1&callid=c1&endtime=20170931120000",
                "endtime",
                Some("20170931120000"),
            ),
        ),
        (
            "stopservice: timestamp in milliseconds".into(),
            field_error::<StopService>(
                "appid=a1&callid=c1&timestamp=1506530348000",
                "timestamp",
                Some("1506530348000"),
            ),
        ),
        (
            "stopservice: callduration=1.5".into(),
            field_error::<StopService>(
                "appid=a1&callid=c1&callduration=1.5",
                "callduration",
                Some("1.5"),
            ),
        ),
        (
            "stopservice: callduration=-3".into(),
            field_error::<StopService>(
                "appid=a1&callid=c1&callduration=-3",
                "callduration",
                Some("-3"),
            ),
        ),
        (
            "stopservice: seccallduration too large".into(),
            field_error::<StopService>(
                "appid=a1&callid=c1&seccallduration=99999999999999999999",
                "seccallduration",
                Some("99999999999999999999"),
            ),
        ),
        (
            "stopservice: relatedcallid with a tab".into(),
            field_error::<StopService>(
                "appid=a1&callid=c1&relatedcallid=a%09b",
                "relatedcallid",
                None,
            ),
        ),
        (
            "conference created: no confid".into(),
            field_error::<ConfCreated>("callid=c1", "confid", None),
        ),
        (
            "member joined: jointime=now".into(),
            field_error::<ConfMemberJoined>("confid=1&jointime=now", "jointime", Some("now")),
        ),
        (
            "redirect: appid given twice, differently".into(),
            field_error::<RedirectRequest>("appid=a1&callid=c1&appid=a2", "appid", Some("a2")),
        ),
    ];
    let mut text = String::new();
    for (case, err) in &cases {
        writeln!(text, "{case}\n    {err}").unwrap();
    }
    insta::assert_snapshot!("field-errors", text);
}

#[test]
fn tolerated_input() {
    // The same value twice is one value; empty typed optional values are absent.
    let report = DtmfReport::from_query("appid=a1&callid=c1&digits=1&digits=1&result=").unwrap();
    assert_eq!(report.digits.as_str(), "1");
    assert_eq!(report.result, None);
    assert!(report.extra.is_empty());
    let stop = StopService::from_query(
        "appid=a1&callid=c1&starttime=&endtime=&callduration=&recordurl=&errorcode=",
    )
    .unwrap();
    assert_eq!((stop.starttime, stop.callduration), (None, None));
    assert_eq!(stop.recordurl.as_deref(), Some(""));
    // Empty digits are a report of no key; a long value is fine below the limit.
    assert!(DtmfReport::from_query("appid=a&callid=c&digits=")
        .unwrap()
        .digits
        .is_empty());
    let long = "x".repeat(60_000);
    let start = StartService::from_query(&format!("appid=a&callid=c&from={long}")).unwrap();
    assert_eq!(start.from.as_deref(), Some(long.as_str()));
}

fn request_error(request: Request<'_>) -> NotifyError {
    request.decode().unwrap_err()
}

#[test]
fn encoding_errors() {
    let options = NotifyOptions::default().max_bytes(64).max_params(3);
    let many_xml = "<Request><a>1</a><b>2</b><c>3</c><d>4</d></Request>";
    let cases: Vec<(&str, NotifyError)> = vec![
        ("query `%G1`", Params::from_query("appid=%G1").unwrap_err()),
        (
            "query ending in `%2`",
            Params::from_query("a=1&digits=1%2").unwrap_err(),
        ),
        (
            "query with a lone `%`",
            Params::from_query("tag=%").unwrap_err(),
        ),
        (
            "query `%FF`",
            Params::from_query("a=1&from=%FF").unwrap_err(),
        ),
        (
            "query overlong `%C0%80`",
            Params::from_query("from=%C0%80").unwrap_err(),
        ),
        (
            "query lone surrogate `%ED%A0%80`",
            Params::from_query("from=%ED%A0%80").unwrap_err(),
        ),
        (
            "form with a raw 0xFF byte",
            Params::from_form(b"a=1&from=\xff").unwrap_err(),
        ),
        ("form name `%zz`", Params::from_form(b"%zz=1").unwrap_err()),
        (
            "query over 64 bytes",
            Params::from_query_with(&"a".repeat(65), &options).unwrap_err(),
        ),
        (
            "query with 4 parameters, limit 3",
            Params::from_query_with("a=1&b=2&c=3&d=4", &options).unwrap_err(),
        ),
        (
            "form with 4 parameters, limit 3",
            Params::from_form_with(b"a=1&b=2&c=3&d=4", &options).unwrap_err(),
        ),
        (
            "XML with 4 parameters, limit 3",
            Params::from_xml_with(many_xml.as_bytes(), &options).unwrap_err(),
        ),
        (
            "XML over 64 bytes",
            Params::from_xml_with(
                format!("<Request><a>{}</a></Request>", "x".repeat(60)).as_bytes(),
                &options,
            )
            .unwrap_err(),
        ),
        (
            "query 2 + body 2 parameters, limit 3",
            request_error(Request::new("/x?a=1&b=2").form(b"c=3&d=4").options(options)),
        ),
        (
            "XML not UTF-8",
            Params::from_xml(b"<Request><a>\xff</a></Request>").unwrap_err(),
        ),
        (
            "XML with a DOCTYPE",
            Params::from_xml(b"<!DOCTYPE Request [<!ENTITY x 'y'>]><Request><a>&x;</a></Request>")
                .unwrap_err(),
        ),
        (
            "XML with an unknown entity",
            Params::from_xml(b"<Request><a>&x;</a></Request>").unwrap_err(),
        ),
        (
            "XML in UTF-16",
            Params::from_xml(b"<?xml version='1.0' encoding='UTF-16'?><Request/>").unwrap_err(),
        ),
        (
            "XML root `<Response>`",
            Params::from_xml(b"<Response><a>1</a></Response>").unwrap_err(),
        ),
        (
            "XML attribute on the root",
            Params::from_xml(b"<Request appid='a1'><callid>c1</callid></Request>").unwrap_err(),
        ),
        (
            "XML attribute on a parameter",
            Params::from_xml(b"<Request><callid type='x'>c1</callid></Request>").unwrap_err(),
        ),
        (
            "XML nested parameter",
            Params::from_xml(b"<Request><call><id>c1</id></call></Request>").unwrap_err(),
        ),
        (
            "XML deeper nesting",
            Params::from_xml(b"<Request><a><b><c/></b></a></Request>").unwrap_err(),
        ),
        (
            "XML text between parameters",
            Params::from_xml(b"<Request>appid=a1<callid>c1</callid></Request>").unwrap_err(),
        ),
        (
            "XML unclosed",
            Params::from_xml(b"<Request><appid>a1</appid>").unwrap_err(),
        ),
        ("XML empty", Params::from_xml(b"").unwrap_err()),
        (
            // Not read (issue 14, item 7): the query string alone lacks the parameters.
            "body `application/json`, nothing in the query string",
            Request::new("/x")
                .body("application/json", b"{\"appid\":\"a1\"}")
                .message::<StartService>()
                .unwrap_err(),
        ),
        (
            "form body in GBK",
            request_error(
                Request::new("/x").body("application/x-www-form-urlencoded; charset=GBK", b"a=1"),
            ),
        ),
        (
            "query and body disagree, conflicts refused",
            request_error(
                Request::new("/ivr/dtmfreport?digits=1")
                    .form(b"digits=2")
                    .options(NotifyOptions::default().refuse_conflicts(true)),
            ),
        ),
    ];
    let mut text = String::new();
    for (i, (case, err)) in cases.iter().enumerate() {
        // The conflict, last, is the one encoding error about a parameter.
        let param = if i + 1 == cases.len() {
            Some("digits")
        } else {
            None
        };
        assert_eq!(err.param(), param, "{case}");
        writeln!(text, "{case}\n    {err}").unwrap();
    }
    insta::assert_snapshot!("encoding-errors", text);
}

#[test]
fn kinds_are_structured() {
    let err = Params::from_query("a=1&b=%4").unwrap_err();
    assert!(matches!(
        err.kind(),
        NotifyErrorKind::BadPercentEncoding { offset: 6, found, .. } if found == "%4"
    ));
    let err = StopService::from_query("appid=a&callid=c&callduration=x").unwrap_err();
    assert_eq!(
        err.kind(),
        &NotifyErrorKind::InvalidParam {
            name: "callduration".into(),
            raw: "x".into(),
            expected: "a whole number of seconds".into()
        }
    );
    let err = Params::from_xml(b"<Request><a x='1'/></Request>").unwrap_err();
    let NotifyErrorKind::Xml(xml) = err.kind() else {
        panic!("{err:?}")
    };
    assert_eq!(xml.path(), "Request/a[1]/@x");
    assert!(std::error::Error::source(&err).is_some());
}

#[test]
fn long_and_control_values_are_shown_safely() {
    let long = format!("2017{}", "9".repeat(200));
    let err = StopService::from_query(&format!("appid=a&callid=c&endtime={long}")).unwrap_err();
    let text = err.to_string();
    assert!(text.contains('…'), "{text}");
    assert!(text.len() < 300, "{text}");
    let err = StartService::from_query("appid=a&callid=c&direction=%0A").unwrap_err();
    assert!(!err.to_string().contains('\n'));
    assert!(err.to_string().contains("`\\n`"), "{err}");
}

#[derive(Debug, Notification)]
enum Expected {
    Start(StartService),
    #[notification(segment = "firstget")]
    Menu(DtmfReport),
    #[notification(segment = "gettimeout")]
    Timeout(RedirectRequest),
    Stop(StopService),
}

#[test]
fn unexpected_segment_lists_the_expected_ones() {
    let err = Request::new("/ivr/joinconfok?confid=1")
        .parse::<Expected>()
        .unwrap_err();
    assert_eq!(
        err.kind(),
        &NotifyErrorKind::UnexpectedSegment {
            path: "/ivr/joinconfok".into(),
            expected: vec!["startservice", "firstget", "gettimeout", "stopservice"]
        }
    );
    insta::assert_snapshot!(
        err.to_string(),
        @"unexpected notification path `/ivr/joinconfok`: expected a path ending in one of `startservice`, `firstget`, `gettimeout`, `stopservice`"
    );
    // A known segment with a bad parameter names the message and the parameter.
    let err = Request::new("/ivr/firstget?appid=a&callid=c&digits=x")
        .parse::<Expected>()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Get report: invalid parameter `digits` = `x`: expected keys `0`-`9`, `*` and `#` only"
    );
    // Decoding errors through a typed parse also say which message was being read.
    let err = Request::new("/ivr/x?a=%")
        .message::<StartService>()
        .unwrap_err();
    assert_eq!(err.message(), Some("startservice notification"));
}
