//! `ivr-xml explore` through the binary, against an HTTP server that is not hyper: a raw
//! loopback server answering as servers in other languages do (chunked bodies, HTTP/1.0 with
//! no length, no content type, another charset, a redirect, a connection closed with no answer).
//! Every planted defect is reported with its URL and path, and the run exits 1; each format is
//! written.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;

const MENU: &str = "<Response><Get action='menu' numdigits='1' timeout='5'><Play>menu.wav</Play></Get><Play>bye.wav</Play><Hangup/></Response>";

/// Reads one request's head and answers it as the segment and keys say, then closes.
fn serve(stream: TcpStream) {
    let mut reader = BufReader::new(&stream);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let target = line.split(' ').nth(1).unwrap_or("/").to_owned();
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => break,
            Ok(_) if header == "\r\n" => break,
            Ok(_) => {}
        }
    }
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let digits = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("digits="))
        .unwrap_or("");
    let mut stream = stream;
    let answer = match (path.trim_matches('/'), digits) {
        // Chunked, with a charset in another case.
        ("startservice", _) | ("menu", "9") => {
            let half = MENU.len() / 2;
            format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/xml; Charset=\"utf-8\"\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{:x}\r\n{}\r\n{:x}\r\n{}\r\n0\r\n\r\n",
                half,
                &MENU[..half],
                MENU.len() - half,
                &MENU[half..]
            )
        }
        // HTTP/1.0, no length, no content type: the body ends with the connection.
        ("menu", "1") => "HTTP/1.0 200 OK\r\n\r\n<Response><Redirect>gone</Redirect></Response>".to_owned(),
        ("menu", "2") => "HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_owned(),
        ("menu", "3" | "5") => return, // closed with no answer
        ("menu", "4") => {
            let body = "<Response><Play>a.wav</Play><Get action='menu'/></Response>";
            format!("HTTP/1.1 200 OK\r\nContent-Type: application/xml; charset=GBK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len())
        }
        // GBK bytes with no charset said: not UTF-8.
        ("menu", "6") => {
            let mut answer = b"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nConnection: close\r\n\r\n<Response><Play>".to_vec();
            answer.extend([0xc4, 0xe3, 0xba, 0xc3]);
            answer.extend(b".wav</Play><Hangup/></Response>");
            let _ = stream.write_all(&answer);
            return;
        }
        ("stopservice", _) => {
            let body = "<Response><CmdNone/></Response>";
            format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len())
        }
        ("gone", _) => "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found".to_owned(),
        _ => format!(
            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{MENU}",
            MENU.len()
        ),
    };
    let _ = stream.write_all(answer.as_bytes());
}

fn start() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || serve(stream));
        }
    });
    format!("http://{address}")
}

fn explore(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_ivr-xml"))
        .arg("explore")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn every_defect_of_a_raw_server_is_found_with_its_url_and_path() {
    let base = start();
    let (code, out, err) = explore(&[&base, "--format", "json", "--answer-timeout", "2000"]);
    assert_eq!(code, 1, "{out}\n{err}");
    assert!(err.contains("explored http://127.0.0.1:"), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    let findings = json["findings"].as_array().expect("findings");
    let find = |code: &str, url: &str| {
        findings
            .iter()
            .find(|f| f["code"] == code && f["url"].as_str() == Some(url))
            .unwrap_or_else(|| panic!("no {code} at {url}: {out}"))
    };
    let at = |path: &str| format!("{base}{path}");
    let gone = find("EXP001", &at("/gone"));
    assert_eq!(gone["path"], serde_json::json!(["press 1"]));
    assert_eq!(gone["severity"], "error");
    let moved = find("EXP001", &at("/menu"));
    assert!(
        moved["message"].as_str().unwrap_or("").contains("302"),
        "{moved}"
    );
    assert_eq!(moved["path"], serde_json::json!(["press 2"]));
    // Two keys whose reports fail alike at one URL are two findings.
    let closed: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| f["code"] == "EXP002" && f["url"].as_str() == Some(at("/menu").as_str()))
        .map(|f| &f["path"])
        .collect();
    assert_eq!(
        closed,
        [
            &serde_json::json!(["press 3"]),
            &serde_json::json!(["press 5"])
        ],
        "{out}"
    );
    let rejected = find("IVR201", &at("/menu"));
    assert_eq!(rejected["path"], serde_json::json!(["press 4"]));
    assert_eq!(find("EXP007", &at("/menu"))["severity"], "warning");
    let gbk = find("IVR001", &at("/menu"));
    assert_eq!(gbk["path"], serde_json::json!(["press 6"]));
    assert!(json["states"].as_array().is_some_and(|s| s.len() > 3));
    assert!(json["edges"][0]["action"] == "startservice", "{out}");

    // The other formats, and --out.
    let (code, text, _) = explore(&[&base, "--answer-timeout", "2000"]);
    assert_eq!(code, 1);
    assert!(
        text.contains("error[EXP002]") && text.contains("path: press 3"),
        "{text}"
    );
    let (_, mermaid, _) = explore(&[&base, "--format", "mermaid", "--answer-timeout", "2000"]);
    assert!(
        mermaid.starts_with("flowchart TD\n") && mermaid.contains("-->|\"press 1\"|"),
        "{mermaid}"
    );
    let (_, dot, _) = explore(&[&base, "--format", "dot", "--answer-timeout", "2000"]);
    assert!(
        dot.starts_with("digraph flow {") && dot.contains("color=red"),
        "{dot}"
    );
    let file = std::env::temp_dir().join(format!("ivr-xml-explore-{}.html", std::process::id()));
    let file_arg = file.to_string_lossy().into_owned();
    let (code, stdout, _) = explore(&[
        &base,
        "--format",
        "html",
        "--out",
        &file_arg,
        "--answer-timeout",
        "2000",
    ]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    let html = std::fs::read_to_string(&file).expect("the report");
    let _ = std::fs::remove_file(&file);
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.contains("<svg"),
        "{html}"
    );
    assert!(
        html.contains("href=\"#state-"),
        "findings link to their states"
    );

    // --deny: warnings and notes do not fail a clean flow; nothing is cut.
    assert!(json["cut"].as_array().is_some_and(Vec::is_empty));
}

#[test]
fn an_unreachable_application_is_an_error_finding() {
    // A port nobody listens on (bound, then closed).
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("address")
        .port();
    let (code, out, _) = explore(&[&format!("http://127.0.0.1:{port}"), "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("\"code\":\"EXP002\""), "{out}");
    assert!(
        out.contains(&format!("\"url\":\"http://127.0.0.1:{port}/startservice\"")),
        "{out}"
    );
}
