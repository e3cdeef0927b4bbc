//! The REST client against a mock platform on loopback (axum on 127.0.0.1, an ephemeral port):
//! the path, `sig`, the headers and the body the server received, and every kind of failure.
//!
//! The mock answers by the `<Appid>` of the request: `ok` succeeds, `refused` is a platform
//! error, `http500` an HTTP error, `garbage` a malformed body, `huge` a body over the limit,
//! `slow` an answer after the client's timeout. Credentials are made up; nothing leaves loopback.
#![allow(clippy::unwrap_used)]

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::Router;
use ivr_xml::rest::{
    ClientError, ConfMute, Credentials, Dial, Endpoint, InviteJoinConf, Operation, ResponseError,
    RestClient, RestClientBuilder, RestRequest, RestResponse, RestTarget, Timestamp,
};
use ivr_xml::{CreateConf, RawElement};

const SID: &str = "AC";
const TOKEN: &str = "tokentoken";
const TIMESTAMP: &str = "20240102030405";
// Python: hashlib.md5(b"ACtokentoken20240102030405").hexdigest().upper()
const SIG: &str = "6DE1C759AD65657DE451E37F9DF9721C";
// Python: base64.b64encode(b"AC:20240102030405").decode()
const AUTHORIZATION: &str = "QUM6MjAyNDAxMDIwMzA0MDU=";

/// What the mock received.
#[derive(Debug, Clone)]
struct Received {
    method: Method,
    uri: String,
    headers: HeaderMap,
    body: String,
}

#[derive(Default)]
struct Platform {
    received: Mutex<Vec<Received>>,
}

impl Platform {
    fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

/// The mock platform: records the request, checks it as the platform would, and answers.
async fn platform(
    State(state): State<Arc<Platform>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: String,
) -> (StatusCode, String) {
    let uri_text = uri.to_string();
    state.received.lock().unwrap().push(Received {
        method,
        uri: uri_text.clone(),
        headers: headers.clone(),
        body: body.clone(),
    });
    let failure = |code: &str, message: &str| {
        RestResponse::failure(code, message)
            .to_xml()
            .unwrap_or_default()
    };
    let Ok(target) = RestTarget::parse(&uri_text) else {
        return (StatusCode::NOT_FOUND, failure("111100", "bad path"));
    };
    let authorization = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let credentials = Credentials::new(SID, TOKEN);
    if target.account_sid != SID
        || credentials
            .verify(authorization, target.sig.as_deref().unwrap_or(""))
            .is_err()
    {
        return (StatusCode::OK, failure("111111", "signature refused"));
    }
    let request = match RestRequest::parse(&body) {
        Ok(request) => request,
        Err(err) => return (StatusCode::OK, failure("111200", &err.to_string())),
    };
    match request.appid.id.as_str() {
        "refused" => (StatusCode::OK, failure("111141", "主账户不存在")),
        "http500" => (StatusCode::INTERNAL_SERVER_ERROR, failure("999999", "down")),
        "garbage" => (StatusCode::OK, "<html>oops</html".to_owned()),
        "huge" => (
            StatusCode::OK,
            format!(
                "<Response><statusCode>000000</statusCode><pad>{}</pad></Response>",
                "x".repeat(2 << 20)
            ),
        ),
        "slow" => {
            tokio::time::sleep(Duration::from_secs(5)).await;
            (StatusCode::OK, RestResponse::success().to_xml().unwrap())
        }
        _ => {
            let response = match request.operation {
                Operation::Dial(_) => {
                    RestResponse::success().with_call_sid("ff8080813c37da53013c804f80720071")
                }
                Operation::CreateConf(_) => RestResponse::success().with_confid("10000001"),
                _ => RestResponse::success(),
            };
            (StatusCode::OK, response.to_xml().unwrap())
        }
    }
}

/// Serves the mock on an ephemeral loopback port; the server task ends with the test's runtime.
async fn serve() -> (String, Arc<Platform>) {
    let state = Arc::new(Platform::default());
    let app = Router::new().fallback(platform).with_state(state.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{address}"), state)
}

fn fixed_clock() -> Timestamp {
    Timestamp::parse(TIMESTAMP).unwrap()
}

fn client(base_url: &str) -> RestClientBuilder {
    RestClient::builder(Credentials::new(SID, TOKEN), fixed_clock)
        .base_url(base_url)
        .timeout(Duration::from_secs(10))
        .no_proxy()
}

#[tokio::test]
async fn the_outbound_call_goes_out_signed_with_the_official_body() {
    let (base, platform) = serve().await;
    let client = client(&base).build().unwrap();
    let request = RestRequest::new(
        "12345678",
        Dial::new("13812345678").userdata("1").record(true),
    );
    let response = client.send(&request).await.unwrap();
    assert_eq!(
        response.call_sid(),
        Some("ff8080813c37da53013c804f80720071")
    );

    let received = platform.received();
    assert_eq!(received.len(), 1);
    let got = &received[0];
    assert_eq!(got.method, Method::POST);
    assert_eq!(
        got.uri,
        format!("/2013-12-26/Accounts/AC/ivr/dial?sig={SIG}")
    );
    assert_eq!(got.headers["authorization"], AUTHORIZATION);
    assert_eq!(got.headers["accept"], "application/xml");
    assert_eq!(got.headers["content-type"], "application/xml;charset=utf-8");
    assert_eq!(
        got.body,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Request>\n  <Appid>12345678</Appid>\n  <Dial number=\"13812345678\" userdata=\"1\" record=\"true\"></Dial>\n</Request>"
    );
    assert_eq!(
        got.headers["content-length"],
        got.body.len().to_string().as_str()
    );
}

#[tokio::test]
async fn conference_operations_go_to_their_endpoints() {
    let (base, platform) = serve().await;
    let client = client(&base).build().unwrap();

    let created = client
        .send(&RestRequest::new(
            "ok",
            CreateConf::new()
                .action("createconfresult.jsp")
                .maxmember(300),
        ))
        .await
        .unwrap();
    let confid = created.confid().unwrap().to_owned();
    assert_eq!(confid, "10000001");
    let invite = RestRequest::new(
        "ok",
        InviteJoinConf::new(&confid, "13800000001").action("invited"),
    );
    assert!(client.send(&invite).await.unwrap().is_success());
    let mute = RestRequest::new("ok", ConfMute::new(&confid, "c0ffee"));
    assert!(client.send(&mute).await.unwrap().is_success());

    let received = platform.received();
    let uris: Vec<&str> = received.iter().map(|r| r.uri.as_str()).collect();
    assert_eq!(
        uris,
        [
            format!("/2013-12-26/Accounts/AC/ivr/createconf?sig={SIG}"),
            format!("/2013-12-26/Accounts/AC/ivr/conf?sig={SIG}&confid=10000001"),
            format!("/2013-12-26/Accounts/AC/ivr/conf?sig={SIG}&confid=10000001"),
        ]
    );
    assert_eq!(received[1].body, invite.to_xml().unwrap());
    assert!(received[2]
        .body
        .contains(r#"<ConfMute callid="c0ffee" confid="10000001"/>"#));
}

/// `maxmember_in_url`: the create-conference URL carries the body's `maxmember` as several SDKs
/// send it (spec §4.3 [field]), the platform still routes and verifies it; other operations and a
/// body without `maxmember` are sent as before.
#[tokio::test]
async fn create_conference_can_carry_maxmember_in_the_url() {
    let (base, platform) = serve().await;
    let with_maxmember = client(&base).maxmember_in_url(true).build().unwrap();
    // The SDK sample's body (spec §4.3): `action` `createconfresult.jsp`, `maxmember` `300`.
    let create = RestRequest::new(
        "ok",
        CreateConf::new()
            .action("createconfresult.jsp")
            .maxmember(300),
    );
    let created = with_maxmember.send(&create).await.unwrap();
    assert_eq!(created.confid(), Some("10000001"));
    let bare = RestRequest::new("ok", CreateConf::new().action("createconfresult.jsp"));
    assert!(with_maxmember.send(&bare).await.unwrap().is_success());
    let invite = RestRequest::new("ok", InviteJoinConf::new("10000001", "13800000001"));
    assert!(with_maxmember.send(&invite).await.unwrap().is_success());

    let uris: Vec<String> = platform.received().into_iter().map(|r| r.uri).collect();
    assert_eq!(
        uris,
        [
            format!("/2013-12-26/Accounts/AC/ivr/createconf?sig={SIG}&maxmember=300"),
            format!("/2013-12-26/Accounts/AC/ivr/createconf?sig={SIG}"),
            format!("/2013-12-26/Accounts/AC/ivr/conf?sig={SIG}&confid=10000001"),
        ]
    );
    // The server side reads it back as an extra query parameter of the known endpoint.
    let target = RestTarget::parse(&uris[0]).unwrap();
    assert_eq!(target.endpoint, Endpoint::CreateConf);
    assert_eq!(
        target.extra_query,
        [("maxmember".to_owned(), "300".to_owned())]
    );

    // Off by default: the same request, the URL without it.
    let prepared = client(&base)
        .build()
        .unwrap()
        .prepare(&Endpoint::CreateConf, &create, fixed_clock())
        .unwrap();
    assert_eq!(
        prepared.url,
        format!("{base}/2013-12-26/Accounts/AC/ivr/createconf?sig={SIG}")
    );
}

#[tokio::test]
async fn raw_operations_need_an_endpoint() {
    let (base, platform) = serve().await;
    let client = client(&base).soft_version("2014-06-30").build().unwrap();
    let kick = RestRequest::new(
        "ok",
        RawElement::new("ConfKick").attribute("confid", "10000001"),
    );
    let err = client.send(&kick).await.unwrap_err();
    assert!(matches!(err, ClientError::NoEndpoint { ref operation } if operation == "ConfKick"));
    assert!(platform.received().is_empty());

    let endpoint = Endpoint::Other {
        path: "ivr/confkick".into(),
        query: vec![("confid".into(), "10000001".into())],
    };
    // The mock parses bodies strictly, so it refuses the unknown operation: a platform error.
    let err = client.send_to(&endpoint, &kick).await.unwrap_err();
    assert_eq!(err.status_code().map(|c| c.as_str()), Some("111200"));
    assert_eq!(
        platform.received()[0].uri,
        format!("/2014-06-30/Accounts/AC/ivr/confkick?sig={SIG}&confid=10000001")
    );
}

#[tokio::test]
async fn each_request_is_signed_at_the_clock_s_time() {
    let (base, platform) = serve().await;
    let tick = Arc::new(AtomicU32::new(0));
    let clock = {
        let tick = tick.clone();
        move || {
            let second = tick.fetch_add(1, Ordering::SeqCst);
            Timestamp::new(2024, 1, 2, 3, 4, u8::try_from(second % 60).unwrap_or(0)).unwrap()
        }
    };
    let client = RestClient::builder(Credentials::new(SID, TOKEN), clock)
        .base_url(&base)
        .no_proxy()
        .build()
        .unwrap();
    let request = RestRequest::new("ok", Dial::new("13812345678"));
    for _ in 0..2 {
        client.send(&request).await.unwrap();
    }
    let received = platform.received();
    // Python: base64.b64encode(b"AC:20240102030400"), base64.b64encode(b"AC:20240102030401")
    assert_eq!(
        received[0].headers["authorization"],
        "QUM6MjAyNDAxMDIwMzA0MDA="
    );
    assert_eq!(
        received[1].headers["authorization"],
        "QUM6MjAyNDAxMDIwMzA0MDE="
    );
    assert_ne!(received[0].uri, received[1].uri);
}

#[tokio::test]
async fn a_platform_error_keeps_its_code_message_status_and_body() {
    let (base, _platform) = serve().await;
    let client = client(&base).build().unwrap();
    let err = client
        .send(&RestRequest::new("refused", Dial::new("13812345678")))
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        ClientError::Response {
            status: 200,
            error: ResponseError::Platform { .. }
        }
    ));
    assert_eq!(err.http_status(), Some(200));
    assert_eq!(err.status_code().map(|c| c.as_str()), Some("111141"));
    assert_eq!(err.message(), Some("主账户不存在"));
    assert!(
        String::from_utf8_lossy(err.body().unwrap()).contains("<statusCode>111141</statusCode>")
    );
    assert_eq!(
        err.to_string(),
        "the platform answered statusCode 111141: 主账户不存在 (HTTP 200)"
    );

    // A bad signature is the platform's business too.
    let wrong = RestClient::builder(Credentials::new(SID, "wrong"), fixed_clock)
        .base_url(&base)
        .no_proxy()
        .build()
        .unwrap();
    let err = wrong
        .send(&RestRequest::new("ok", Dial::new("1")))
        .await
        .unwrap_err();
    assert_eq!(err.status_code().map(|c| c.as_str()), Some("111111"));
}

#[tokio::test]
async fn http_errors_malformed_and_oversized_bodies_are_typed() {
    let (base, _platform) = serve().await;
    let client = client(&base).max_body(1 << 20).build().unwrap();
    let send = |appid: &'static str| {
        let client = client.clone();
        async move {
            client
                .send(&RestRequest::new(appid, Dial::new("1")))
                .await
                .unwrap_err()
        }
    };

    let err = send("http500").await;
    assert!(matches!(err, ClientError::Http { status: 500, .. }));
    assert_eq!(err.status_code().map(|c| c.as_str()), Some("999999"));
    assert_eq!(err.message(), Some("down"));
    assert_eq!(
        err.to_string(),
        "the platform answered HTTP 500 with statusCode 999999: down"
    );

    let err = send("garbage").await;
    assert!(matches!(
        err,
        ClientError::Response {
            status: 200,
            error: ResponseError::Malformed { .. }
        }
    ));
    assert_eq!(err.body(), Some(&b"<html>oops</html"[..]));
    assert_eq!(err.status_code(), None);

    let err = send("huge").await;
    let ClientError::Response {
        error: ResponseError::Malformed { error, body },
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert!(error.to_string().contains("response body size"), "{error}");
    assert_eq!(body.len(), 1 << 20);
}

#[tokio::test]
async fn timeouts_and_unreachable_hosts_are_transport_errors() {
    let (base, _platform) = serve().await;
    let impatient = client(&base)
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let err = impatient
        .send(&RestRequest::new("slow", Dial::new("1")))
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(err.http_status(), None);

    // A port nobody listens on: bind one, then free it.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let closed = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let err = client(&closed)
        .connect_timeout(Duration::from_secs(2))
        .build()
        .unwrap()
        .send(&RestRequest::new("ok", Dial::new("1")))
        .await
        .unwrap_err();
    assert!(matches!(err, ClientError::Transport(_)), "{err:?}");
}

#[tokio::test]
async fn invalid_requests_and_configurations_are_refused_before_sending() {
    let (base, platform) = serve().await;
    let client = client(&base).build().unwrap();
    let err = client
        .send(&RestRequest::new("ok", CreateConf::new().maxmember(2)))
        .await
        .unwrap_err();
    assert!(matches!(err, ClientError::InvalidRequest(_)), "{err:?}");
    assert!(platform.received().is_empty());

    for bad in [
        "",
        "127.0.0.1:8883",
        "ftp://host",
        "http://",
        "http://h/?q=1",
    ] {
        assert!(
            matches!(
                RestClient::builder(Credentials::new(SID, TOKEN), fixed_clock)
                    .base_url(bad)
                    .build(),
                Err(ClientError::Config(_))
            ),
            "{bad:?} accepted"
        );
    }
    // A path prefix is kept (a simulator mounted below `/rest`, say).
    let prefixed = RestClient::builder(Credentials::new(SID, TOKEN), fixed_clock)
        .base_url("http://127.0.0.1:1/rest/")
        .build()
        .unwrap();
    let prepared = prefixed
        .prepare(
            &Endpoint::Dial,
            &RestRequest::new("a", Dial::new("1")),
            fixed_clock(),
        )
        .unwrap();
    assert_eq!(
        prepared.url,
        format!("http://127.0.0.1:1/rest/2013-12-26/Accounts/AC/ivr/dial?sig={SIG}")
    );
    assert!(!format!("{prefixed:?}").contains(TOKEN));
}
