//! Build the guide's first menu, print it in the docs' style and compact, then parse documents
//! from elsewhere and show what the strict parser says about a bad one.
//!
//! Run with `cargo run --example quickstart`.

use ivr_xml::{Command, Get, ParseOptions, Play, Redirect, Response, Style};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Guide step (5): collect one key while confmenu.wav plays; on timeout play
    // timeout.wav and jump to gettimeout with tag 1.
    let menu = Response::builder()
        .main(
            Get::new()
                .action("firstget")
                .numdigits(1)
                .timeout(30)
                .prompt(Play::new("confmenu.wav")),
        )
        .then(Play::new("timeout.wav"))
        .then(Redirect::new("gettimeout").tag("1"))
        .build()?;

    println!("== docs style\n{menu}\n");
    println!(
        "== compact (for the wire)\n{}\n",
        menu.to_string_with(&Style::compact())
    );

    // A document from the command reference: double quotes, every line at column 0.
    let reference = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n<Get action=\"handle-user-input.jsp\" numdigits=\"1\">\n<Play>menu.wav</Play>\n</Get>\n<Play>sorrybye.wav</Play>\n<Redirect>/welcome/voice</Redirect>\n</Response>";
    let parsed: Response = reference.parse()?;
    if let Some(Command::Get(get)) = parsed.main() {
        println!(
            "== parsed: main command <Get> reports to {:?}\n",
            get.action.as_ref().map(|a| a.as_str())
        );
    }

    // A document with a typo: the strict parser names it and says where.
    let typo = "<Response>\n    <Get action='firstget' numdigit='1'>\n        <Play>confmenu.wav</Play>\n    </Get>\n</Response>";
    match typo.parse::<Response>() {
        Ok(_) => println!("unexpectedly accepted"),
        Err(err) => println!("== strict parser\n{err}\n"),
    }

    // The lenient parser keeps it, raw, and warns.
    let lenient = Response::parse_with(typo, &ParseOptions::lenient())?;
    for warning in &lenient.warnings {
        println!("== lenient parser\n{warning}");
    }
    println!("{}", lenient.value);
    Ok(())
}
