//! The conference guide's IVR application (`shared/seed/README.md` §3.1, steps (5) to (18)).
//!
//! ```sh
//! cargo run --example conference -- --simulate     # run every scenario of the guide against itself
//! cargo run --example conference -- --port 8080    # serve on 127.0.0.1:8080 for a real platform or a simulator
//! ```

mod app;
mod scenarios;

use ivr_xml_sim::{Http, Simulator};

struct Options {
    port: u16,
    simulate: bool,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        port: 8080,
        simulate: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--simulate" => options.simulate = true,
            "--port" => {
                let value = args.next().ok_or("--port needs a number")?;
                options.port = value.parse().map_err(|_| format!("--port: `{value}` is not a port number"))?;
            }
            "-h" | "--help" => {
                return Err("usage: conference [--port N] [--simulate]\n  --port N    serve on 127.0.0.1:N (default 8080)\n  --simulate  run every scenario of the guide against the application and print the transcripts".to_owned())
            }
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
    let server = tokio::spawn(async move { axum::serve(listener, app::router()).await });
    if !options.simulate {
        println!(
            "conference IVR listening on http://{address}/ (notification URL); Ctrl-C stops it"
        );
        return match server.await {
            Ok(Ok(())) => std::process::ExitCode::SUCCESS,
            _ => std::process::ExitCode::from(1),
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
