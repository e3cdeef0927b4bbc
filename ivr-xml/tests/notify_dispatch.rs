//! `#[derive(Notification)]`: the guide's conference application (spec §7.1) declares the
//! segments it names in its own documents, and each request lands in the right variant, from any
//! encoding; built notifications go back through a request to the same value.
#![allow(clippy::unwrap_used)]

use ivr_xml::notify::{
    match_segment, AppId, CallId, ConfCreated, ConfId, ConfMemberJoined, Digits, DtmfReport,
    Message, Notification, NotifyErrorKind, RawNotification, RedirectRequest, Request,
    StartService, StopService, Timestamp,
};

/// Every segment of the guide's flow: `firstget` and `joinconfget` from `<Get action>`,
/// `gettimeout`, `joinconffail` and `autojoinconf` from `<Redirect>`, `createconfok` from
/// `<CreateConf action>`, `joinconfok` from `<JoinConf action>`.
#[derive(Debug, Clone, PartialEq, Notification)]
enum Guide {
    Start(StartService),
    #[notification(segment = "firstget")]
    Menu(DtmfReport),
    #[notification(segment = "joinconfget")]
    ConfIdEntered(DtmfReport),
    #[notification(segment = "gettimeout")]
    KeyTimeout(RedirectRequest),
    #[notification(segment = "joinconffail", segment = "autojoinconf")]
    Rejoin(RedirectRequest),
    #[notification(segment = "createconfok")]
    Created(ConfCreated),
    #[notification(segment = "joinconfok")]
    Joined(ConfMemberJoined),
    Stop(StopService),
}

fn ids() -> (AppId, CallId) {
    (
        AppId::new("ff8080813f84717a013f847540ef0000").unwrap(),
        CallId::new("17092716390803280001000400011fab").unwrap(),
    )
}

fn every_guide_notification() -> Vec<Guide> {
    let (appid, callid) = ids();
    let report =
        |digits: &str| DtmfReport::new(appid.clone(), callid.clone(), Digits::new(digits).unwrap());
    let redirect = |tag: &str| RedirectRequest::new(appid.clone(), callid.clone()).tag(tag);
    vec![
        Guide::Start(StartService::new(appid.clone(), callid.clone()).from("13800000000")),
        Guide::Menu(report("1")),
        Guide::ConfIdEntered(report("12345678")),
        Guide::KeyTimeout(redirect("2")),
        Guide::Rejoin(redirect("x")),
        Guide::Created(ConfCreated::new(ConfId::new("12345678").unwrap()).callid(callid.clone())),
        Guide::Joined(
            ConfMemberJoined::new(ConfId::new("12345678").unwrap())
                .jointime(Timestamp::parse("20170927163908").unwrap()),
        ),
        Guide::Stop(StopService::new(appid, callid).callduration(125u64)),
    ]
}

#[test]
fn segments_in_declaration_order_with_defaults() {
    assert_eq!(
        Guide::SEGMENTS,
        [
            "startservice",
            "firstget",
            "joinconfget",
            "gettimeout",
            "joinconffail",
            "autojoinconf",
            "createconfok",
            "joinconfok",
            "stopservice"
        ]
    );
}

#[test]
fn every_notification_round_trips_through_a_request_in_every_encoding() {
    for notification in every_guide_notification() {
        let segment = notification.segment();
        let query = notification.to_query_string();
        let xml = notification.to_xml().unwrap();
        for base in ["/ivr/app1/", "https://app.example/ivr/", "", "/"] {
            let target = format!("{base}{segment}?{query}");
            let path = format!("{base}{segment}");
            let from_query: Guide = Request::new(&target).parse().unwrap();
            let from_form: Guide = Request::new(&path)
                .body("application/x-www-form-urlencoded", query.as_bytes())
                .parse()
                .unwrap();
            let from_xml: Guide = Request::new(&path)
                .body("text/xml", xml.as_bytes())
                .parse()
                .unwrap();
            let trailing_slash: Guide = Request::new(&format!("{path}/"))
                .query(query.as_str())
                .parse()
                .unwrap();
            assert_eq!(from_query, notification, "{target}");
            assert_eq!(from_form, notification, "{path}");
            assert_eq!(from_xml, notification, "{path}");
            assert_eq!(trailing_slash, notification, "{path}/");
        }
    }
}

#[test]
fn one_match_per_handler() {
    let answer = |path: &str, query: &str| -> String {
        match Request::new(path).query(query).parse::<Guide>() {
            Ok(Guide::Start(_)) => "menu".into(),
            Ok(Guide::Menu(report)) => match report.digits.entered() {
                "1" => "create".into(),
                "2" => "ask id".into(),
                _ => "menu again".into(),
            },
            Ok(Guide::ConfIdEntered(report)) => format!("join {}", report.digits.entered()),
            Ok(Guide::KeyTimeout(redirect)) => format!("timeout {}", redirect.tag.unwrap()),
            Ok(Guide::Rejoin(_)) => "rejoin".into(),
            Ok(Guide::Created(created)) => format!("play {}", created.confid),
            Ok(Guide::Joined(_)) | Ok(Guide::Stop(_)) => "CmdNone".into(),
            Err(err) => format!("400 {err}"),
        }
    };
    let ids = "appid=a1&callid=c1";
    assert_eq!(answer("/ivr/startservice", ids), "menu");
    assert_eq!(
        answer("/ivr/firstget", &format!("{ids}&digits=1")),
        "create"
    );
    assert_eq!(
        answer("/ivr/firstget", &format!("{ids}&digits=2%23")),
        "ask id"
    );
    assert_eq!(
        answer("/ivr/joinconfget", &format!("{ids}&digits=12345678%23")),
        "join 12345678"
    );
    assert_eq!(
        answer("/ivr/gettimeout", &format!("{ids}&tag=1")),
        "timeout 1"
    );
    assert_eq!(answer("/ivr/autojoinconf", ids), "rejoin");
    assert_eq!(answer("/ivr/joinconffail", ids), "rejoin");
    assert_eq!(
        answer("/ivr/createconfok", "confid=00012345"),
        "play 00012345"
    );
    assert_eq!(answer("/ivr/joinconfok", "confid=00012345"), "CmdNone");
    assert_eq!(answer("/ivr/stopservice", ids), "CmdNone");
    assert!(answer("/ivr/StartService", ids)
        .starts_with("400 unexpected notification path `/ivr/StartService`"));
    assert!(answer("/", ids).starts_with("400 unexpected notification path `/`"));
    assert_eq!(
        answer("/ivr/firstget", ids),
        "400 Get report: missing parameter `digits`: expected keys `0`-`9`, `*` and `#` only"
    );
}

#[test]
fn a_notification_keeps_the_applications_own_parameters() {
    // `<Get action='firstget?menu=main&amp;try=2'>`: the platform appends its parameters.
    let menu: Guide = Request::new("/ivr/firstget?menu=main&try=2&appid=a1&callid=c1&digits=3")
        .parse()
        .unwrap();
    let Guide::Menu(report) = &menu else {
        panic!("{menu:?}")
    };
    assert_eq!(
        report.extra.iter().collect::<Vec<_>>(),
        [("menu", "main"), ("try", "2")]
    );
    // Written back, the known parameters come first and the application's after them.
    assert_eq!(
        menu.to_query_string(),
        "appid=a1&callid=c1&digits=3&menu=main&try=2"
    );
}

/// Longest match, several segments per variant, a catch-all, and a nested enum.
#[derive(Debug, PartialEq, Notification)]
enum Inner {
    #[notification(segment = "cdr")]
    Cdr(Box<StopService>), // boxed: a large message in an enum of small ones
    #[notification(other)]
    Raw(RawNotification),
}

#[derive(Debug, PartialEq, Notification)]
enum Outer {
    #[notification(segment = "first")]
    First(DtmfReport),
    #[notification(segment = "menu/first")]
    MenuFirst(DtmfReport),
    Menu(DtmfReport), // dtmfreport, the <Get> default
    #[notification(other)]
    Else(Inner),
}

#[test]
fn longest_match_default_and_catch_all() {
    let q = "appid=a&callid=c&digits=1";
    let at = |path: &str| Request::new(path).query(q).parse::<Outer>().unwrap();
    assert!(matches!(at("/ivr/first"), Outer::First(_)));
    assert!(matches!(at("/ivr/menu/first"), Outer::MenuFirst(_)));
    assert!(matches!(at("/ivr/x/menu/first/"), Outer::MenuFirst(_)));
    assert!(matches!(at("/ivr/dtmfreport"), Outer::Menu(_)));
    assert!(matches!(at("/ivr/cdr"), Outer::Else(Inner::Cdr(_))));
    let Outer::Else(Inner::Raw(raw)) = at("/ivr/agentstate") else {
        panic!()
    };
    assert_eq!(raw.path, "/ivr/agentstate");
    assert_eq!(raw.params.get("digits"), Some("1"));
    assert_eq!(Outer::SEGMENTS, ["first", "menu/first", "dtmfreport"]);
    assert_eq!(at("/ivr/agentstate").segment(), "/ivr/agentstate");
    assert_eq!(at("/ivr/menu/first").segment(), "menu/first");
    assert_eq!(match_segment("/ivr/xfirst", Outer::SEGMENTS), None);
}

#[test]
fn query_string_wins_and_conflicts_are_reported() {
    let request = Request::new("/ivr/firstget?appid=a1&callid=c1&digits=1").body(
        "application/x-www-form-urlencoded",
        b"digits=2&callid=c1&userdata=u",
    );
    let decoded = request.decode().unwrap();
    assert_eq!(decoded.conflicts().len(), 1);
    assert_eq!(decoded.conflicts()[0].name(), "digits");
    let Guide::Menu(report) = decoded.parse::<Guide>().unwrap() else {
        panic!()
    };
    assert_eq!(report.digits.as_str(), "1");
    assert_eq!(report.userdata.unwrap().as_str(), "u");
    assert!(report.extra.is_empty());
}

#[test]
fn a_raw_notification_takes_anything() {
    let raw: RawNotification = Request::new("/ivr/agentstate")
        .body(None, b"agentid=7&agentstate=1")
        .parse()
        .unwrap();
    assert_eq!(raw.path, "/ivr/agentstate");
    assert_eq!(raw.to_query_string(), "agentid=7&agentstate=1");
    assert!(RawNotification::SEGMENTS.is_empty());
    let err = Request::new("/ivr/x")
        .body(None, b"a=%")
        .parse::<RawNotification>();
    assert!(matches!(
        err.unwrap_err().kind(),
        NotifyErrorKind::BadPercentEncoding { .. }
    ));
}

#[test]
fn messages_parse_regardless_of_path() {
    let start: StartService = Request::new("/whatever?appid=a&callid=c")
        .message()
        .unwrap();
    assert_eq!(start.appid, "a");
    assert_eq!(StartService::DEFAULT_SEGMENT, Some("startservice"));
    assert_eq!(DtmfReport::DEFAULT_SEGMENT, Some("dtmfreport"));
    assert_eq!(StopService::DEFAULT_SEGMENT, Some("stopservice"));
    assert_eq!(RedirectRequest::DEFAULT_SEGMENT, None);
}

/// A segment the crate has no message type for, held as a `RawNotification`: it takes its
/// segment (and only it), keeps the path and every parameter, and writes them back.
#[test]
fn raw_notification_as_a_segment_message() {
    use ivr_xml::notify::{Notification, RawNotification, Request, StartService};

    #[derive(Debug, PartialEq, Notification)]
    enum Incoming {
        Start(StartService),
        #[notification(segment = "recorded", segment = "rec/done")]
        Recorded(RawNotification),
    }

    assert_eq!(Incoming::SEGMENTS, ["startservice", "recorded", "rec/done"]);
    let incoming: Incoming = Request::new("/ivr/rec/done/?callid=c1&recordurl=a%2Fb.wav")
        .parse()
        .unwrap();
    assert_eq!(
        incoming,
        Incoming::Recorded(RawNotification::new(
            "/ivr/rec/done/",
            [("callid", "c1"), ("recordurl", "a/b.wav")]
                .into_iter()
                .collect()
        ))
    );
    assert_eq!(incoming.segment(), "recorded");
    assert_eq!(incoming.to_query_string(), "callid=c1&recordurl=a%2Fb.wav");
    let err = Request::new("/ivr/other?x=1")
        .parse::<Incoming>()
        .unwrap_err();
    assert!(
        err.to_string().contains("\"recorded\", \"rec/done\"")
            || err.to_string().contains("`recorded`, `rec/done`"),
        "{err}"
    );
}
