//! The guide's conference application, end to end: every scenario of the guide through the
//! platform simulator over real loopback HTTP. Transcripts are snapshotted.
#![allow(clippy::unwrap_used)]

#[path = "../examples/conference/app.rs"]
#[allow(dead_code, unreachable_pub)]
mod app;
#[path = "../examples/conference/scenarios.rs"]
#[allow(dead_code, unreachable_pub)]
mod scenarios;
#[path = "../examples/conference/server.rs"]
#[allow(dead_code, unreachable_pub)]
mod server;

use ivr_xml_sim::{Config, Http, Simulator, Transcript, UrlForm};

/// The application served on a free loopback port as `--port` serves it, and the transport to it.
async fn serve() -> (Http, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(server::serve(
        listener,
        app::router(),
        server::Limits::default(),
    ));
    (Http::new(format!("http://{address}")), server)
}

/// Runs one scenario against the application over loopback HTTP.
async fn run(name: &str) -> Transcript {
    let transcript = run_with(name, Config::default()).await;
    assert_eq!(transcript.flags(), Vec::<&str>::new(), "{transcript}");
    insta::assert_snapshot!(name, transcript.to_string());
    transcript
}

/// Runs one scenario with the simulator configured by `config`, unchecked.
async fn run_with(name: &str, config: Config) -> Transcript {
    let scenario = scenarios::all()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap();
    let (transport, server) = serve().await;
    let transcript = Simulator::with_config(transport, config)
        .run(scenario.callers)
        .await;
    server.abort();
    transcript
}

fn segments(transcript: &Transcript, call: usize) -> Vec<String> {
    transcript
        .requests(call)
        .iter()
        .map(|r| {
            r.trim_start_matches("POST /")
                .split('?')
                .next()
                .unwrap_or("")
                .to_owned()
        })
        .collect()
}

#[tokio::test]
async fn key_1_creates_a_conference_plays_its_id_and_joins_the_caller() {
    let transcript = run("create-conference").await;
    assert_eq!(
        segments(&transcript, 1),
        [
            "startservice",
            "firstget",
            "createconfok",
            "autojoinconf",
            "joinconfok",
            "stopservice"
        ]
    );
    assert_eq!(
        transcript.heard(1),
        ["confmenu.wav", "createconf.wav", "digits:10000001"]
    );
    assert_eq!(transcript.joined(1), Some("10000001"));
    assert_eq!(transcript.hung_up_by(1), Some("caller"));
}

#[tokio::test]
async fn key_2_with_a_correct_id_joins_it_and_two_callers_share_the_conference() {
    let transcript = run("join-by-id").await;
    assert_eq!(
        segments(&transcript, 2),
        [
            "startservice",
            "firstget",
            "joinconfget",
            "joinconfok",
            "stopservice"
        ]
    );
    assert_eq!(transcript.joined(1), Some("10000001"));
    assert_eq!(transcript.joined(2), Some("10000001"));
}

#[tokio::test]
async fn another_key_replays_the_menu() {
    let transcript = run("other-key").await;
    assert_eq!(transcript.heard(1)[..2], ["confmenu.wav", "confmenu.wav"]);
    assert_eq!(
        segments(&transcript, 1)[..3],
        ["startservice", "firstget", "firstget"]
    );
}

#[tokio::test]
async fn at_the_menu_a_first_timeout_re_prompts_and_a_second_hangs_up() {
    let transcript = run("menu-timeouts").await;
    assert_eq!(
        transcript.heard(1),
        [
            "confmenu.wav",
            "timeout.wav",
            "confmenu.wav",
            "timeoutbye.wav"
        ]
    );
    assert_eq!(transcript.requests(1)[1], format!("POST /gettimeout?appid=aaf98f8944f35b130144f36f6f3f0001&callid=17060100000000000000000000000001&tag=1"));
    assert_eq!(transcript.hung_up_by(1), Some("application"));
}

#[tokio::test]
async fn at_id_entry_a_first_timeout_re_prompts_and_a_second_hangs_up() {
    let transcript = run("id-entry-timeouts").await;
    assert_eq!(
        transcript.heard(1),
        [
            "confmenu.wav",
            "confjoin.wav",
            "timeout.wav",
            "confjoinfail.wav",
            "timeoutbye.wav"
        ]
    );
    assert!(transcript.requests(1)[2].ends_with("&tag=2"));
    assert_eq!(transcript.hung_up_by(1), Some("application"));
}

#[tokio::test]
async fn a_wrong_id_re_prompts_until_the_right_one_is_entered() {
    let transcript = run("wrong-id").await;
    assert_eq!(
        segments(&transcript, 2),
        [
            "startservice",
            "firstget",
            "joinconfget",
            "joinconffail",
            "joinconfget",
            "joinconffail",
            "joinconfget",
            "joinconfok",
            "stopservice"
        ]
    );
    assert_eq!(transcript.joined(2), Some("10000001"));
}

#[tokio::test]
async fn a_caller_who_hangs_up_mid_flow_gets_cmdnone_for_stopservice() {
    let transcript = run("hang-up-mid-flow").await;
    assert_eq!(transcript.hung_up_by(1), Some("caller"));
    let last = transcript.entries.last().unwrap();
    assert_eq!(
        last.event.to_string(),
        "<- 200 <?xml version='1.0' encoding='UTF-8'?><Response><CmdNone/></Response>"
    );
}

#[tokio::test]
async fn every_answer_of_the_application_is_valid_for_the_platform() {
    // Answers are checked by the simulator (strict parse + validator errors): no flags anywhere.
    for scenario in scenarios::all() {
        let (transport, server) = serve().await;
        let transcript = Simulator::new(transport).run(scenario.callers).await;
        server.abort();
        assert!(
            transcript.flags().is_empty(),
            "{}: {:?}",
            scenario.name,
            transcript.flags()
        );
    }
}

/// Sends one request straight to the application, as the platform would.
async fn request(path_and_query: &str) -> ivr_xml_sim::AppResponse {
    let (mut transport, server) = serve().await;
    let answer = ivr_xml_sim::Transport::send(
        &mut transport,
        ivr_xml_sim::PlatformRequest {
            method: axum::http::Method::POST,
            path_and_query: path_and_query.to_owned(),
        },
    )
    .await
    .unwrap();
    server.abort();
    answer
}

#[tokio::test]
async fn an_unexpected_segment_is_a_clear_400() {
    let answer = request("/nosuchstep?appid=a&callid=c").await;
    assert_eq!(answer.status, 400);
    assert_eq!(
        answer.content_type.as_deref(),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(
        answer.body,
        "unexpected notification path `/nosuchstep`: expected a path ending in one of `startservice`, `firstget`, `gettimeout`, `joinconfget`, `createconfok`, `autojoinconf`, `joinconfok`, `joinconffail`, `stopservice`"
    );
}

#[tokio::test]
async fn a_notification_missing_a_field_is_a_400_that_names_it() {
    let answer = request("/firstget?appid=a&callid=c").await;
    assert_eq!(answer.status, 400);
    assert_eq!(
        answer.body,
        "Get report: missing parameter `digits`: expected keys `0`-`9`, `*` and `#` only"
    );
    let answer = request("/joinconfget?appid=a&callid=c&digits=12%zz").await;
    assert_eq!(answer.status, 400);
    assert!(answer.body.contains("%zz"), "{}", answer.body);
}

#[tokio::test]
async fn answers_are_compact_xml_with_the_recommended_content_type() {
    let answer = request("/startservice?appid=a&callid=c&from=1&to=2&direction=0").await;
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.content_type.as_deref(),
        Some("application/xml; charset=utf-8")
    );
    assert_eq!(
        answer.body,
        "<?xml version='1.0' encoding='UTF-8'?><Response><Get action='firstget' numdigits='1' timeout='30'><Play>confmenu.wav</Play></Get><Play>timeout.wav</Play><Redirect tag='1'>gettimeout</Redirect></Response>"
    );
}

/// A request target written back in the platform's default form at the root: `/seg?params`.
fn in_path_form(request: &str, base: &str) -> String {
    let request = request.strip_prefix(base).unwrap_or(request);
    if let Some(rest) = request.strip_prefix("/?") {
        let (segment, params) = rest.split_once('&').unwrap_or((rest, ""));
        return format!("/{segment}?{params}");
    }
    request.replacen("/?", "?", 1)
}

/// The transcript with every request written in the default form, for comparing runs.
fn normalized(transcript: &Transcript, base: &str) -> String {
    let mut transcript = transcript.clone();
    for entry in &mut transcript.entries {
        if let ivr_xml_sim::Event::Notified { request, .. } = &mut entry.event {
            *request = in_path_form(request, base);
        }
    }
    transcript.to_string()
}

/// Issue 14, item 6: the whole guide in each URL form the platform uses, at the root and under
/// `/ivr`, runs as in the default form.
#[tokio::test]
async fn the_whole_guide_runs_in_every_url_form_under_any_path() {
    let mut expected = Vec::new();
    for scenario in scenarios::all() {
        expected.push(normalized(
            &run_with(scenario.name, Config::default()).await,
            "",
        ));
    }
    for form in [UrlForm::Path, UrlForm::PathSlash, UrlForm::QuerySegment] {
        for base in ["", "/ivr"] {
            let config = Config {
                url_form: form,
                base_path: base.to_owned(),
                ..Config::default()
            };
            for (scenario, expected) in scenarios::all().iter().zip(&expected) {
                let transcript = run_with(scenario.name, config.clone()).await;
                assert_eq!(
                    transcript.flags(),
                    Vec::<&str>::new(),
                    "{form:?} {base}: {transcript}"
                );
                assert_eq!(
                    &normalized(&transcript, base),
                    expected,
                    "{form:?} {base:?} {}",
                    scenario.name
                );
                if scenario.name == "create-conference" && base == "/ivr" {
                    insta::assert_snapshot!(
                        format!("create-conference-ivr-{form:?}"),
                        transcript.to_string()
                    );
                }
            }
        }
    }
}

/// Issue 14, item 8: the conference id reaches step (13) by the `<Redirect tag>`, so the flow
/// works when the platform drops the Redirect URL's own query string.
#[tokio::test]
async fn a_created_conference_is_joined_when_the_platform_drops_the_redirect_query() {
    let config = Config {
        keep_url_query: false,
        ..Config::default()
    };
    let transcript = run_with("create-conference", config).await;
    assert_eq!(transcript.flags(), Vec::<&str>::new(), "{transcript}");
    assert!(
        transcript.to_string().contains("#1 -> POST /autojoinconf?appid=aaf98f8944f35b130144f36f6f3f0001&callid=17060100000000000000000000000001&tag=10000001\n"),
        "{transcript}"
    );
    assert_eq!(transcript.joined(1), Some("10000001"));
}

/// Issue 14, item 8: without the id (the platform reported no tag), the caller hears that the
/// automatic join failed and is asked for the id; the application logs why. Never a silent
/// `<JoinConf confid=''/>`.
#[tokio::test]
async fn without_the_conference_id_the_caller_hears_an_error_and_is_asked_for_it() {
    let config = Config {
        report_redirect_tag: false,
        ..Config::default()
    };
    let transcript = run_with("create-conference", config).await;
    assert_eq!(transcript.flags(), Vec::<&str>::new(), "{transcript}");
    assert!(
        transcript.to_string().contains("#1 <- 200 <?xml version='1.0' encoding='UTF-8'?><Response><Get action='joinconfget' numdigits='8' timeout='30'><Play>autojoinfail.wav</Play></Get><Play>timeout.wav</Play><Redirect tag='2'>gettimeout</Redirect></Response>\n"),
        "{transcript}"
    );
    assert_eq!(transcript.heard(1)[3], app::AUTOJOIN_FAILED_PROMPT);
    assert_eq!(transcript.joined(1), None);
    insta::assert_snapshot!("create-conference-without-tag", transcript.to_string());
}

/// A tag that is not a conference id takes the same spoken path.
#[tokio::test]
async fn an_autojoinconf_tag_that_is_no_id_takes_the_spoken_error_path() {
    for tag in ["", "1;2", "1%EF%BF%BE", "abc"] {
        let answer = request(&format!("/autojoinconf?appid=a&callid=c&tag={tag}")).await;
        assert_eq!(answer.status, 200, "{tag}: {}", answer.body);
        assert!(
            answer.body.contains("<Play>autojoinfail.wav</Play>"),
            "{tag}: {}",
            answer.body
        );
    }
}

const MENU: &str = "<?xml version='1.0' encoding='UTF-8'?><Response><Get action='firstget' numdigits='1' timeout='30'><Play>confmenu.wav</Play></Get><Play>timeout.wav</Play><Redirect tag='1'>gettimeout</Redirect></Response>";

/// Issue 14, items 6 and 7, as the "done when" asks: each URL form, and a JSON body with a
/// complete query string, answer the menu.
#[tokio::test]
async fn startservice_answers_the_menu_in_every_url_form_and_with_a_json_body() {
    for target in [
        "/startservice/?appid=a&callid=c&from=1&to=2&direction=0",
        "/?startservice&appid=a&callid=c&from=1&to=2&direction=0",
        "/ivr/startservice?appid=a&callid=c&from=1&to=2&direction=0",
        "/ivr/?startservice&appid=a&callid=c&from=1&to=2&direction=0",
    ] {
        let answer = request(target).await;
        assert_eq!(
            (answer.status.as_u16(), answer.body.as_str()),
            (200, MENU),
            "{target}"
        );
    }
    for content_type in ["application/json", "text/html", "application/octet-stream"] {
        let answer = post_with_body(
            "/startservice?appid=a&callid=c&from=1&to=2&direction=0",
            content_type,
            r#"{"appid":"other"}"#,
        )
        .await;
        assert_eq!((answer.0, answer.1.as_str()), (200, MENU), "{content_type}");
    }
}

/// POSTs `body` as `content_type` to the application over loopback HTTP: (status, body).
async fn post_with_body(target: &str, content_type: &str, body: &str) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(server::serve(
        listener,
        app::router(),
        server::Limits::default(),
    ));
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let raw = format!(
        "POST {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(raw.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    server.abort();
    let status = answer[9..12].parse().unwrap();
    let body = answer.split_once("\r\n\r\n").unwrap().1.to_owned();
    (status, body)
}
