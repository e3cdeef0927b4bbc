//! REST bodies (spec §4): a snapshot of every operation's request with every attribute set, the
//! official `ivr/dial` example, parsing both ways, responses, and no panics on any input.
#![allow(clippy::unwrap_used)]

use ivr_xml::rest::{
    self, official_style, ConfAlarmClock, ConfMemberPause, ConfMemberResume, ConfMute, ConfPlay,
    ConfRecord, ConfStopPlay, ConfStopRecord, ConfUnMute, ConfVolumeAdjust, Dial, DismissConf,
    Endpoint, InviteJoinConf, Operation, QueryConfState, QuitConf, ResponseError, RestRequest,
    RestResponse, Role, Speak, StatusCode,
};
use ivr_xml::{CreateConf, EmptyElements, ErrorKind, ParseOptions, RawElement, Style, VoiceMode};

const APPID: &str = "8a216da85f5c89b1015f6c1a1bb00001";

/// Every operation with every attribute it has, its snapshot name and its endpoint.
fn every_operation() -> Vec<(&'static str, RestRequest, Option<Endpoint>)> {
    let conf = || Some(Endpoint::conf("10000001"));
    let ops: Vec<(&str, Operation, Option<Endpoint>)> = vec![
        (
            "dial",
            Dial::new("13812345678")
                .userdata("1")
                .record(true)
                .disnumber("02566687000")
                .into(),
            Some(Endpoint::Dial),
        ),
        (
            "createconf",
            CreateConf::new()
                .action("createconfresult.jsp")
                .maxmember(300)
                .dtmfreporturl("confdtmf")
                .delreporturl("confdeleted")
                .autojoin(false)
                .joinurl("joined")
                .confduration(3600)
                .autohangup(true)
                .confendprompt("bye.wav")
                .autorecord(false)
                .quiturl("quit")
                .mediaopturl("mediaop")
                .voicemod(VoiceMode::AllPrompts)
                .autodelete(true)
                .shortconf(false)
                .into(),
            Some(Endpoint::CreateConf),
        ),
        (
            "createconf-passwd",
            rest::CreateConf::new(
                CreateConf::new()
                    .action("createconfresult.jsp")
                    .maxmember(300)
                    .raw_attribute("confname", "weekly"),
            )
            .passwd("1234")
            .passwderrorurl("pwdfail")
            .into(),
            Some(Endpoint::CreateConf),
        ),
        (
            "invitejoinconf",
            InviteJoinConf::new("10000001", "13800000001")
                .add_number("02566687000")
                .action("inviteresult")
                .role(Role::Member)
                .speak(Speak::Allowed)
                .joinurl("joined")
                .into(),
            conf(),
        ),
        (
            "dismissconf",
            DismissConf::new("10000001")
                .action("dismissed")
                .delurl("deleted")
                .autohangup(true)
                .quiturl("quit")
                .recordurl("recorded")
                .into(),
            conf(),
        ),
        (
            "quitconf",
            QuitConf::new("10000001", "c0ffee00c0ffee00c0ffee00c0ffee00")
                .action("quitresult")
                .into(),
            conf(),
        ),
        (
            "confmute",
            ConfMute::new("10000001", "c0ffee00c0ffee00c0ffee00c0ffee00")
                .action("muted")
                .into(),
            conf(),
        ),
        (
            "confunmute",
            ConfUnMute::new("10000001", "c0ffee00c0ffee00c0ffee00c0ffee00")
                .action("unmuted")
                .into(),
            conf(),
        ),
        (
            "confplay",
            ConfPlay::new("10000001", "notice.wav")
                .repeat(-1)
                .action("playing")
                .playcompleteurl("played")
                .into(),
            conf(),
        ),
        (
            "confstopplay",
            ConfStopPlay::new("10000001").action("stopped").into(),
            conf(),
        ),
        (
            "confrecord",
            ConfRecord::new("10000001")
                .action("recording")
                .time("600")
                .timeoutrecordurl("recorded")
                .into(),
            conf(),
        ),
        (
            "confstoprecord",
            ConfStopRecord::new("10000001").action("stopped").into(),
            conf(),
        ),
        (
            "confvolumeadjust",
            ConfVolumeAdjust::new("10000001")
                .adjusttype("1")
                .action("adjusted")
                .into(),
            conf(),
        ),
        (
            "confmemberpause",
            ConfMemberPause::new("10000001", "c0ffee00c0ffee00c0ffee00c0ffee00")
                .action("paused")
                .into(),
            conf(),
        ),
        (
            "confmemberresume",
            ConfMemberResume::new("10000001", "c0ffee00c0ffee00c0ffee00c0ffee00")
                .action("resumed")
                .speak(Speak::ListenOnly)
                .into(),
            conf(),
        ),
        (
            "confalarmclock",
            ConfAlarmClock::new("10000001")
                .time("300")
                .action("clockset")
                .timeraction(2)
                .clockurl("alarmclock")
                .promptfile("oneminute.wav")
                .autohangup(false)
                .quiturl("quit")
                .recordurl("recorded")
                .delurl("deleted")
                .into(),
            conf(),
        ),
        (
            "queryconfstate",
            QueryConfState::new("10000001").action("state").into(),
            conf(),
        ),
        (
            "raw-operation",
            RawElement::new("ConfKick")
                .attribute("confid", "10000001")
                .attribute("callid", "c0ffee00c0ffee00c0ffee00c0ffee00")
                .into(),
            None,
        ),
    ];
    ops.into_iter()
        .map(|(name, op, endpoint)| (name, RestRequest::new(APPID, op), endpoint))
        .collect()
}

#[test]
fn every_body_snapshot() {
    for (name, request, _) in every_operation() {
        let body = request.to_xml().unwrap();
        insta::assert_snapshot!(name, body);
    }
}

#[test]
fn every_body_parses_back_to_itself() {
    for (name, request, _) in every_operation() {
        // These two carry something the library does not name (kept by the lenient parser).
        let options = if name == "raw-operation" || name == "createconf-passwd" {
            ParseOptions::lenient()
        } else {
            ParseOptions::strict()
        };
        for style in [
            official_style(),
            Style::docs(),
            Style::compact(),
            Style::compact().empty_elements(EmptyElements::SelfClosing),
        ] {
            let body = request.to_string_with(&style).unwrap();
            let parsed = RestRequest::parse_with(&body, &options).unwrap();
            assert_eq!(parsed.value, request, "{name} in {style:?}");
        }
    }
}

#[test]
fn every_operation_knows_its_endpoint() {
    for (name, request, endpoint) in every_operation() {
        assert_eq!(request.endpoint(), endpoint, "{name}");
    }
}

/// The request body of the official IVR外呼 page, verbatim (spec §4.2).
const OFFICIAL_DIAL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Request>
  <Appid>12345678</Appid>
  <Dial number="13812345678" userdata="1" record="true"></Dial>
</Request>"#;

#[test]
fn the_official_dial_example_is_reproduced() {
    let request = RestRequest::new(
        "12345678",
        Dial::new("13812345678").userdata("1").record(true),
    );
    // Byte for byte, `<Dial ...></Dial>` included (issue 18).
    assert_eq!(request.to_xml().unwrap(), OFFICIAL_DIAL);
    // The self-closing form, the same XML (XML 1.0 §3.1), on request.
    let short = official_style().empty_elements(EmptyElements::SelfClosing);
    assert_eq!(
        request.to_string_with(&short).unwrap(),
        OFFICIAL_DIAL.replace("></Dial>", "/>")
    );
    assert_eq!(
        RestRequest::parse(&OFFICIAL_DIAL.replace("></Dial>", "/>")).unwrap(),
        request
    );
    assert_eq!(RestRequest::parse(OFFICIAL_DIAL).unwrap(), request);
    // SDKs write the same element with single quotes and an explicit end tag [field].
    let sdk = "<?xml version='1.0' encoding='UTF-8'?><Request><Appid>12345678</Appid><Dial number='13812345678' userdata='1' record='true'></Dial></Request>";
    assert_eq!(RestRequest::parse(sdk).unwrap(), request);
}

#[test]
fn strict_parsing_names_the_culprit_and_lenient_parsing_keeps_it() {
    let unknown_attribute =
        "<Request><Appid>a</Appid><ConfMute confid='1' callid='2' force='yes'/></Request>";
    let err = RestRequest::parse(unknown_attribute).unwrap_err();
    assert_eq!(err.path(), "Request/ConfMute[1]/@force");
    let parsed = RestRequest::parse_with(unknown_attribute, &ParseOptions::lenient()).unwrap();
    let Operation::ConfMute(mute) = &parsed.value.operation else {
        panic!("not a ConfMute: {:?}", parsed.value.operation)
    };
    assert_eq!(mute.extra[0].name(), "force");
    assert!(parsed
        .value
        .to_xml()
        .unwrap()
        .contains(r#"<ConfMute callid="2" confid="1" force="yes"/>"#));

    let missing = RestRequest::parse("<Request><Appid>a</Appid><ConfMute confid='1'/></Request>")
        .unwrap_err();
    assert!(matches!(
        missing.kind(),
        ErrorKind::MissingAttribute { name: "callid", .. }
    ));
    let no_operation = RestRequest::parse("<Request><Appid>a</Appid></Request>").unwrap_err();
    assert!(matches!(
        no_operation.kind(),
        ErrorKind::MissingChild { .. }
    ));
    let two = RestRequest::parse(
        "<Request><Appid>a</Appid><ConfStopPlay confid='1'/><ConfStopPlay confid='1'/></Request>",
    )
    .unwrap_err();
    assert!(matches!(two.kind(), ErrorKind::DuplicateChild { .. }));
    let bad_role = RestRequest::parse(
        "<Request><Appid>a</Appid><InviteJoinConf confid='1' number='2' role='host'/></Request>",
    )
    .unwrap_err();
    assert_eq!(bad_role.path(), "Request/InviteJoinConf[1]/@role");
    assert!(RestRequest::parse("<Request><Dial number='1'/></Request>").is_err());
}

#[test]
fn create_conf_takes_the_rest_attributes_and_reports_the_others_where_they_are() {
    let body = "<Request><Appid>a</Appid>\n<CreateConf action='ok' passwd='1234' maxmember='2'/></Request>";
    let err = RestRequest::parse(body).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidValue(_)));
    assert_eq!(
        err.offset(),
        body.find("maxmember").unwrap(),
        "at `maxmember`"
    );
    assert_eq!((err.position().line, err.position().column), (2, 39));
    // Located at the attribute, like every other element's attribute errors (the re-parse this
    // replaced reported the element only).
    assert_eq!(err.path(), "Request/CreateConf[1]/@maxmember");

    let typo = "<Request><Appid>a</Appid><CreateConf passwd='1' maxmembr='3'/></Request>";
    let err = RestRequest::parse(typo).unwrap_err();
    let ErrorKind::UnknownAttribute { name, expected, .. } = err.kind() else {
        panic!("{err}")
    };
    assert_eq!(name, "maxmembr");
    assert!(expected.contains(&"passwd") && expected.contains(&"maxmember"));
    assert!(
        err.to_string().contains("did you mean `maxmember`?"),
        "{err}"
    );
    assert_eq!(err.offset(), typo.find("maxmembr").unwrap());

    let parsed = RestRequest::parse_with(typo, &ParseOptions::lenient()).unwrap();
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(parsed.warnings[0].offset(), typo.find("maxmembr").unwrap());
    let Operation::CreateConf(create) = &parsed.value.operation else {
        panic!("{:?}", parsed.value.operation)
    };
    assert_eq!(create.passwd.as_ref().unwrap().as_str(), "1");
    assert_eq!(create.conf.extra[0].name(), "maxmembr");

    let content = "<Request><Appid>a</Appid><CreateConf><Play>x</Play></CreateConf></Request>";
    assert!(RestRequest::parse(content).is_err());

    // The same attribute both as a field and raw is refused when written.
    let twice = rest::CreateConf::new(CreateConf::new().raw_attribute("passwd", "1")).passwd("2");
    assert!(RestRequest::new("a", twice).to_xml().is_err());
}

#[test]
fn builders_report_invalid_values_when_written() {
    let cases: Vec<Operation> = vec![
        Dial::new("1\u{1}").into(),
        ConfPlay::new("1", "a.wav").repeat(-2).into(),
        CreateConf::new().maxmember(2).into(),
        rest::CreateConf::new(CreateConf::new())
            .passwd("\u{FFFF}")
            .into(),
        InviteJoinConf::new("1", "2").add_number("\u{0}").into(),
        QuitConf::new("1", "2").raw_attribute("1bad", "x").into(),
        RawElement::new("bad name").into(),
    ];
    for op in cases {
        let request = RestRequest::new("a", op);
        assert!(request.to_xml().is_err(), "{request:?}");
    }
    assert!(RestRequest::new("\u{2}", Dial::new("1")).to_xml().is_err());
}

#[test]
fn response_snapshots() {
    let cases = [
        (
            "response-dial",
            RestResponse::success().with_call_sid("ff8080813c37da53013c804f80720071"),
        ),
        (
            "response-createconf",
            RestResponse::success().with_confid("10000001"),
        ),
        (
            "response-failure",
            RestResponse::failure("111141", "主账户不存在"),
        ),
    ];
    for (name, response) in cases {
        let body = response.to_xml().unwrap();
        insta::assert_snapshot!(name, body);
        assert_eq!(RestResponse::parse(&body).unwrap().value, response);
    }
}

#[test]
fn responses_parse_leniently_except_for_the_status_code() {
    let body = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Response version="1">
    <statusCode> 000000 </statusCode>
    <callSid>ff8080813c37da53013c804f80720071</callSid>
    <dateCreated>2024-01-02 03:04:05</dateCreated>
    <conference><confid>nested</confid></conference>
</Response>"#;
    let response = RestResponse::parse_success(body).unwrap();
    assert_eq!(response.status_code().as_str(), "000000");
    assert_eq!(
        response.call_sid(),
        Some("ff8080813c37da53013c804f80720071")
    );
    assert_eq!(response.confid(), None);
    assert_eq!(
        response.child_text("dateCreated"),
        Some("2024-01-02 03:04:05")
    );
    assert_eq!(response.child_text("conference"), None);
    assert_eq!(response.others().len(), 2);
    assert_eq!(response.attributes()[0].name(), "version");
    // What was kept is written back.
    let again = RestResponse::parse(&response.to_xml().unwrap())
        .unwrap()
        .value;
    assert_eq!(again, response);

    for (bad, what) in [
        ("<Response><callSid>x</callSid></Response>", "no statusCode"),
        (
            "<Response><statusCode>000000</statusCode><statusCode>000000</statusCode></Response>",
            "two statusCodes",
        ),
        (
            "<Response><statusCode>OK</statusCode></Response>",
            "letters",
        ),
        ("<Response><statusCode></statusCode></Response>", "empty"),
        (
            "<Response><statusCode>00<b/>0</statusCode></Response>",
            "markup",
        ),
        (
            "<Response><statusCode>000000</statusCode>text</Response>",
            "text",
        ),
        ("<Result><statusCode>000000</statusCode></Result>", "root"),
        ("{\"statusCode\":\"000000\"}", "JSON"),
        ("", "empty body"),
        ("<Response><statusCode>000000</statusCode>", "unclosed"),
    ] {
        let err = RestResponse::parse_success(bad).unwrap_err();
        assert!(
            matches!(err, ResponseError::Malformed { .. }),
            "{what}: {err:?}"
        );
        assert_eq!(err.body_text(), bad, "{what}");
        assert_eq!(err.status_code(), None);
    }
}

#[test]
fn a_non_success_status_code_is_a_typed_error_with_the_body() {
    let body =
        "<Response><statusCode>111141</statusCode><statusMsg> 主账户不存在 </statusMsg></Response>";
    let err = RestResponse::parse_success(body).unwrap_err();
    assert_eq!(err.status_code(), Some(&StatusCode::new("111141").unwrap()));
    assert_eq!(err.message(), Some("主账户不存在"));
    assert_eq!(err.body(), body.as_bytes());
    assert_eq!(
        err.to_string(),
        "the platform answered statusCode 111141: 主账户不存在"
    );
    assert!(!err.response().unwrap().is_success());
    // The structure parses whatever the code.
    assert!(!RestResponse::parse(body).unwrap().value.is_success());
}

mod no_panics {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn on_any_text(text in "\\PC{0,200}") {
            let _ = RestRequest::parse_with(&text, &ParseOptions::lenient());
            let _ = RestResponse::parse_success(&text);
            let _ = ivr_xml::rest::RestTarget::parse(&text);
            let _ = ivr_xml::rest::Authorization::parse(&text);
            let _ = ivr_xml::rest::Timestamp::parse(&text);
        }

        #[test]
        fn on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = RestResponse::parse_success_bytes(&bytes);
        }

        #[test]
        fn on_mutated_bodies(index in 0usize..18, cut in 0usize..400, insert in "[<>/='\"&a-zA-Z0-9 ]{0,5}") {
            let (_, request, _) = every_operation().swap_remove(index);
            let mut body = request.to_xml().unwrap();
            let at = (0..=cut.min(body.len())).rev().find(|&i| body.is_char_boundary(i)).unwrap_or(0);
            body.insert_str(at, &insert);
            for options in [ParseOptions::strict(), ParseOptions::lenient()] {
                if let Ok(parsed) = RestRequest::parse_with(&body, &options) {
                    // Whatever parses writes back to something that parses to the same value.
                    let again = RestRequest::parse_with(&parsed.value.to_xml().unwrap(), &ParseOptions::lenient()).unwrap();
                    prop_assert_eq!(again.value, parsed.value);
                }
            }
        }

        #[test]
        fn on_any_values(number in "\\PC{0,20}", confid in "\\PC{0,20}", sid in "\\PC{0,20}") {
            let _ = RestRequest::new(&sid, InviteJoinConf::new(&confid, &number).add_number(&number)).to_xml();
            let _ = RestResponse::failure(&number, &confid).to_xml();
            let _ = ivr_xml::rest::Endpoint::conf(&confid).path_and_query(&sid, &sid, &number);
        }
    }
}
