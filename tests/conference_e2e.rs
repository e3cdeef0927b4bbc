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

use ivr_xml_sim::{Http, Simulator, Transcript};

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
    let scenario = scenarios::all()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap();
    let (transport, server) = serve().await;
    let transcript = Simulator::new(transport).run(scenario.callers).await;
    server.abort();
    assert_eq!(transcript.flags(), Vec::<&str>::new(), "{transcript}");
    insta::assert_snapshot!(name, transcript.to_string());
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
