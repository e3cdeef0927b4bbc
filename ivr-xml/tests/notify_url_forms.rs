//! The notification reader (issue 14, items 6 and 7): every URL form the platform uses names the
//! same segment under any path, and a body of a type that carries no parameters is read from
//! the query string, ignored and reported; one test per content type.
#![allow(clippy::unwrap_used)]

use ivr_xml::notify::{DtmfReport, Notification, Request, StartService};

#[derive(Debug, Notification)]
enum Incoming {
    Start(StartService),
    #[notification(segment = "firstget")]
    Menu(DtmfReport),
}

#[test]
fn every_url_form_under_any_path_is_the_same_message() {
    let forms = [
        "/firstget?appid=a1&callid=c1&digits=1",
        "/firstget/?appid=a1&callid=c1&digits=1",
        "/?firstget&appid=a1&callid=c1&digits=1",
        "?firstget&appid=a1&callid=c1&digits=1",
        "/ivr/app1/firstget?appid=a1&callid=c1&digits=1",
        "/ivr/app1/firstget/?appid=a1&callid=c1&digits=1",
        "/ivr/app1/?firstget&appid=a1&callid=c1&digits=1",
        "http://example.com/ivr/?firstget&appid=a1&callid=c1&digits=1",
    ];
    for target in forms {
        let decoded = Request::new(target).decode().unwrap();
        // The bare key is the segment, never a parameter.
        assert_eq!(
            decoded.params().to_query_string(),
            "appid=a1&callid=c1&digits=1",
            "{target}"
        );
        let Incoming::Menu(report) = decoded.parse::<Incoming>().unwrap() else {
            panic!("{target}: not the menu report");
        };
        assert_eq!(report.digits.entered(), "1", "{target}");
    }
}

#[test]
fn a_bare_first_key_after_a_segment_is_a_parameter() {
    // Only a path ending in `/` takes the query's first bare key as its segment.
    let decoded = Request::new("/firstget?debug&appid=a1&callid=c1&digits=1")
        .decode()
        .unwrap();
    assert_eq!(decoded.path(), "/firstget");
    assert!(decoded.params().get("debug").is_some());
    assert!(matches!(
        decoded.parse::<Incoming>().unwrap(),
        Incoming::Menu(_)
    ));
}

fn ignored_and_reported(content_type: &str, body: &[u8]) {
    let target = "/ivr/startservice?appid=a1&callid=c1&from=1&to=2&direction=0";
    let decoded = Request::new(target)
        .body(content_type, body)
        .decode()
        .unwrap();
    let ignored = decoded.ignored_body().unwrap();
    assert_eq!(
        (ignored.content_type(), ignored.len()),
        (content_type, body.len())
    );
    let Incoming::Start(start) = decoded.parse::<Incoming>().unwrap() else {
        panic!("not startservice");
    };
    assert_eq!(start.callid, "c1");
    // Without a complete query string, the body's type is the error.
    let err = Request::new("/ivr/startservice?appid=a1")
        .body(content_type, body)
        .parse::<Incoming>()
        .unwrap_err();
    assert!(
        err.to_string()
            .contains(&format!("unsupported content type `{content_type}`")),
        "{err}"
    );
}

#[test]
fn a_json_body_is_ignored_and_reported() {
    ignored_and_reported("application/json", br#"{"callid":"c9","from":"x"}"#);
}

#[test]
fn an_html_body_is_ignored_and_reported() {
    ignored_and_reported(
        "text/html; charset=utf-8",
        b"<html><body>callid=c9</body></html>",
    );
}

#[test]
fn an_octet_stream_body_is_ignored_and_reported() {
    ignored_and_reported("application/octet-stream", b"\x00\xffcallid=c9");
}

#[test]
fn a_form_or_xml_body_is_still_read() {
    let target = "/startservice?appid=a1&callid=c1";
    let form = Request::new(target)
        .body("application/x-www-form-urlencoded", b"from=7")
        .decode()
        .unwrap();
    assert_eq!(
        (form.params().get("from"), form.ignored_body()),
        (Some("7"), None)
    );
    let xml = Request::new(target)
        .body("text/xml", b"<Request><from>7</from></Request>")
        .decode()
        .unwrap();
    assert_eq!(
        (xml.params().get("from"), xml.ignored_body()),
        (Some("7"), None)
    );
}
