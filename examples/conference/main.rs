//! The conference guide's IVR application (`shared/seed/README.md` §3.1, steps (5) to (18)).
//!
//! ```sh
//! cargo run --example conference -- --simulate     # run every scenario of the guide against itself
//! cargo run --example conference -- --port 8080    # serve on 127.0.0.1:8080 for a real platform or a simulator
//! ```

mod app;
mod scenarios;
mod server;

use std::time::Duration;

use ivr_xml_sim::{Http, Simulator};

const USAGE: &str = "\
usage: conference [--port N] [--simulate] [--header-timeout S] [--request-timeout S] [--max-connections N]
  --port N               serve on 127.0.0.1:N (default 8080)
  --simulate             run every scenario of the guide against the application and print the transcripts
  --header-timeout S     seconds to receive a request's headers, and to wait idle between requests on a
                         keep-alive connection, before closing it (default 10)
  --request-timeout S    seconds from a request's headers to its answer, body included, before a 408 (default 10)
  --max-connections N    connections served at once (default 4096)";

struct Options {
    port: u16,
    simulate: bool,
    limits: server::Limits,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        port: 8080,
        simulate: false,
        limits: server::Limits::default(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |what: &str| -> Result<String, String> {
            args.next().ok_or(format!("{arg} needs {what}"))
        };
        match arg.as_str() {
            "--simulate" => options.simulate = true,
            "--port" => {
                let value = value("a number")?;
                options.port = value
                    .parse()
                    .map_err(|_| format!("--port: `{value}` is not a port number"))?;
            }
            "--header-timeout" | "--request-timeout" => {
                let text = value("a number of seconds")?;
                let seconds = text
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s > 0.0 && *s <= 3600.0)
                    .ok_or(format!(
                        "{arg}: `{text}` is not a number of seconds in (0, 3600]"
                    ))?;
                let duration = Duration::from_secs_f64(seconds);
                if arg == "--header-timeout" {
                    options.limits.header_timeout = duration;
                } else {
                    options.limits.request_timeout = duration;
                }
            }
            "--max-connections" => {
                let text = value("a number")?;
                options.limits.max_connections = text.parse().ok().filter(|n| *n > 0).ok_or(
                    format!("--max-connections: `{text}` is not a positive number"),
                )?;
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument `{other}`; try --help")),
        }
    }
    Ok(options)
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let options = match parse_options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return std::process::ExitCode::from(2);
        }
    };
    // Requests, answers and rejections, on standard error. Serving: every request (`info`);
    // simulating, whose transcripts already show every request: warnings only.
    let level = if options.simulate {
        tracing::Level::WARN
    } else {
        tracing::Level::INFO
    };
    tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .init();
    let port = if options.simulate { 0 } else { options.port };
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("cannot listen on 127.0.0.1:{port}: {err}");
            return std::process::ExitCode::from(1);
        }
    };
    let address = match listener.local_addr() {
        Ok(address) => address,
        Err(err) => {
            eprintln!("{err}");
            return std::process::ExitCode::from(1);
        }
    };
    let server = tokio::spawn(server::serve(listener, app::router(), options.limits));
    if !options.simulate {
        println!(
            "conference IVR listening on http://{address}/ (notification URL); Ctrl-C stops it"
        );
        return match server.await {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(_) => std::process::ExitCode::from(1),
        };
    }
    let mut failed = false;
    for scenario in scenarios::all() {
        let mut simulator = Simulator::new(Http::new(format!("http://{address}")));
        let transcript = simulator.run(scenario.callers).await;
        println!(
            "=== {}: {}\n{transcript}",
            scenario.name, scenario.description
        );
        failed |= !transcript.flags().is_empty();
    }
    server.abort();
    if failed {
        eprintln!("some scenario was flagged");
        std::process::ExitCode::from(1)
    } else {
        std::process::ExitCode::SUCCESS
    }
}
