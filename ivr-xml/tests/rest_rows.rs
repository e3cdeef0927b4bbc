//! REST rows of issue 18 against spec §4: `<InviteJoinConf>` takes at most 20 numbers (§4.4);
//! `<Dial>` is written with the official body's end tag (§4.2); the create-conference URL can
//! carry `&maxmember=N` as several SDKs send it (§4.3).
#![allow(clippy::unwrap_used)]

use ivr_xml::rest::{
    self, official_style, Dial, Endpoint, InviteJoinConf, InviteNumbers, Operation, RestRequest,
    RestTarget, SOFT_VERSION,
};
use ivr_xml::{CreateConf, EmptyElements, ErrorKind, ParseOptions, Style};

/// The request body of the official IVR外呼 page (spec §4.2), byte for byte: 149 bytes, no
/// line break at the end.
const OFFICIAL_DIAL: &str = include_str!("fixtures/docs/rest-ivr-dial-request.xml");

/// Numbers 1 to `n`, as the platform's samples write mobile numbers.
fn numbers(n: u32) -> Vec<String> {
    (1..=n).map(|i| format!("138{i:08}")).collect()
}

fn too_many(n: u32) -> String {
    format!(
        "invalid number `{}`: expected at most 20 numbers joined with `#` ({n} given)",
        numbers(n).join("#")
    )
}

#[test]
fn invite_join_conf_takes_twenty_numbers_and_refuses_the_twenty_first() {
    let twenty = numbers(20).iter().skip(1).fold(
        InviteJoinConf::new("10000001", "13800000001"),
        |invite, n| invite.add_number(n),
    );
    assert_eq!(twenty.numbers().count(), 20);
    let body = RestRequest::new("app1", twenty.clone()).to_xml().unwrap();
    assert!(body.contains(&format!("number=\"{}\"", numbers(20).join("#"))));

    // The 21st by `add_number`, and 21 given at once to `new`: the same refusal when written.
    let added = RestRequest::new("app1", twenty.add_number("13800000021"));
    assert_eq!(added.to_xml().unwrap_err().to_string(), too_many(21));
    let at_once = RestRequest::new(
        "app1",
        InviteJoinConf::new("10000001", numbers(21).join("#")),
    );
    assert_eq!(at_once.to_xml().unwrap_err().to_string(), too_many(21));
    // Empty pieces are not numbers: 20 numbers with empty pieces between them are fine.
    let sparse = format!("{}##", numbers(20).join("##"));
    assert_eq!(InviteNumbers::new(sparse.as_str()).unwrap().len(), 20);
}

#[test]
fn the_parser_agrees_strict_and_lenient() {
    let body = |n: u32| {
        format!(
            "<Request><Appid>app1</Appid><InviteJoinConf confid='10000001' number='{}' action='inviteresult'/></Request>",
            numbers(n).join("#")
        )
    };
    let twenty = RestRequest::parse(&body(20)).unwrap();
    let Operation::InviteJoinConf(invite) = &twenty.operation else {
        panic!("{:?}", twenty.operation)
    };
    assert_eq!(invite.number.len(), 20);

    // Strict: refused at the attribute, with the builder's message.
    let text = body(21);
    let err = RestRequest::parse(&text).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidValue(_)));
    assert_eq!(err.kind().to_string(), too_many(21));
    assert_eq!(err.path(), "Request/InviteJoinConf[1]/@number");
    assert_eq!(err.offset(), text.find("number=").unwrap());

    // Lenient: the same finding, as a warning.
    let lenient = RestRequest::parse_with(&text, &ParseOptions::lenient()).unwrap();
    let warnings: Vec<String> = lenient
        .warnings
        .iter()
        .map(|w| w.as_error().to_string())
        .collect();
    assert_eq!(warnings, [err.to_string()]);
}

#[test]
fn dial_is_written_as_the_official_body_writes_it() {
    assert_eq!(OFFICIAL_DIAL.len(), 149);
    let request = RestRequest::new(
        "12345678",
        Dial::new("13812345678").userdata("1").record(true),
    );
    let body = request.to_xml().unwrap();
    assert_eq!(body, OFFICIAL_DIAL);
    insta::assert_snapshot!("official-dial", body);
    assert_eq!(RestRequest::parse(OFFICIAL_DIAL).unwrap(), request);

    // The self-closing form, on request: in any style, and read back the same.
    for style in [official_style(), Style::docs(), Style::compact()] {
        let end_tag = request.to_string_with(&style).unwrap();
        assert!(end_tag.contains("></Dial>"), "{end_tag}");
        let short = request
            .to_string_with(&style.empty_elements(EmptyElements::SelfClosing))
            .unwrap();
        assert_eq!(short, end_tag.replace("></Dial>", "/>"));
        assert_eq!(RestRequest::parse(&short).unwrap(), request);
    }
    // Raw attributes go before the end of the start tag.
    let raw = RestRequest::new("12345678", Dial::new("13812345678").raw_attribute("x", "1"));
    assert!(raw
        .to_xml()
        .unwrap()
        .contains(r#"<Dial number="13812345678" x="1"></Dial>"#));
}

#[test]
fn create_conference_url_with_maxmember() {
    // The SDK sample's body (spec §4.3): `action` `createconfresult.jsp`, `maxmember` `300`.
    let create = RestRequest::new(
        "8a216da855ce635b0155cf988a540083",
        rest::CreateConf::new(
            CreateConf::new()
                .action("createconfresult.jsp")
                .maxmember(300),
        ),
    );
    let (name, value) = create.maxmember_query().unwrap();
    assert_eq!((name, value.as_str()), ("maxmember", "300"));
    let endpoint = create.endpoint().unwrap();
    assert_eq!(endpoint, Endpoint::CreateConf);
    let url = endpoint.path_and_query_with(
        SOFT_VERSION,
        "AC",
        "155EAA68C5DFB6B762A42D88F406ABCD",
        &[(name, &value)],
    );
    assert_eq!(
        url,
        "/2013-12-26/Accounts/AC/ivr/createconf?sig=155EAA68C5DFB6B762A42D88F406ABCD&maxmember=300"
    );
    // Read back by a server: the endpoint it was sent to, `maxmember` beside it.
    let target = RestTarget::parse(&url).unwrap();
    assert_eq!(target.endpoint, Endpoint::CreateConf);
    assert_eq!(target.extra_query, [("maxmember".to_owned(), value)]);
    // Nothing to repeat: no `maxmember`, or another operation.
    assert_eq!(
        RestRequest::new("a", CreateConf::new().action("x")).maxmember_query(),
        None
    );
    assert_eq!(
        RestRequest::new("a", InviteJoinConf::new("1", "2")).maxmember_query(),
        None
    );
    // Without extra parameters, the same as `path_and_query`.
    assert_eq!(
        Endpoint::CreateConf.path_and_query_with(SOFT_VERSION, "AC", "S", &[]),
        Endpoint::CreateConf.path_and_query(SOFT_VERSION, "AC", "S")
    );
}
