use super::excerpt::{escape_len, is_hidden, push_display};
use super::*;
use ivr_xml::validate::{validate, validate_bytes, Severity};

fn finding(offset: usize, len: usize) -> Diagnostic {
    Diagnostic {
        code: "IVR001",
        name: "test",
        severity: Severity::Error,
        message: "message".to_owned(),
        start: Position { line: 1, column: 1 },
        offset,
        len,
        path: "Response".to_owned(),
        help: "help",
    }
}

/// The excerpt and caret lines of a rendering.
fn snippet(out: &str) -> (&str, &str) {
    let lines: Vec<&str> = out.lines().collect();
    (lines[3], lines[4])
}

#[test]
fn bom_then_finding_at_the_start_renders() {
    let source = "\u{feff}<Respons/>";
    let findings = validate(source);
    assert!(!findings.is_empty());
    let out = render("bom.xml", source, &findings);
    assert!(out.contains("1 | \\u{feff}<Respons/>\n"), "{out}");
    // Offset 1 and 2 are inside the byte order mark.
    for offset in 0..=source.len() + 2 {
        let out = render("bom.xml", source, &[finding(offset, 1)]);
        let (line, carets) = snippet(&out);
        assert_eq!(line, "1 | \\u{feff}<Respons/>", "offset {offset}");
        let column = carets.find('^').expect("a caret") - "  | ".len();
        let expected = match offset {
            0..=2 => 0,
            n => "\\u{feff}".len() + n.min(source.len()) - 3,
        };
        assert_eq!(column, expected, "offset {offset}: {out}");
    }
}

#[test]
fn multibyte_characters_and_tabs_line_up() {
    let source = "<Play>\t好.wav</Play>";
    // `.` after `好`: `<Play>` 6 columns, tab 4, `好` 2 (a wide character takes two cells
    // on a terminal: annotate-snippets measures with unicode-width).
    let dot = source.find('.').expect("dot");
    let out = render("a.xml", source, &[finding(dot, 4)]);
    let (line, carets) = snippet(&out);
    assert_eq!(line, "1 | <Play>    好.wav</Play>");
    assert_eq!(carets, "  |             ^^^^ Response");
    // Every offset, inside `好` too, renders with the caret on a character.
    for offset in 0..=source.len() + 1 {
        let out = render("a.xml", source, &[finding(offset, usize::MAX)]);
        assert_eq!(snippet(&out).0, line, "offset {offset}");
    }
}

#[test]
fn crlf_line_ends_are_not_shown() {
    let source = "<Response>\r\n<Hangup/>\r\n</Respons>\r\n";
    let findings = validate(source);
    assert_eq!(findings.len(), 1);
    let out = render("crlf.xml", source, &findings);
    assert!(out.contains("3 | </Respons>\n"), "{out}");
    assert!(!out.contains('\r'));
    // The `\r` itself: the caret goes just past the line's text.
    let cr = source.find('\r').expect("cr");
    let out = render("crlf.xml", source, &[finding(cr, 2)]);
    assert_eq!(
        snippet(&out),
        ("1 | <Response>", "  |           ^ Response")
    );
}

#[test]
fn positions_at_and_past_the_end() {
    for source in ["", "<Response>", "<Response>\n", "a\u{1F600}"] {
        for offset in [source.len(), source.len() + 1, usize::MAX] {
            for len in [0, 1, usize::MAX] {
                let out = render("end.xml", source, &[finding(offset, len)]);
                let (_, carets) = snippet(&out);
                assert!(carets.ends_with("^ Response"), "{source:?} {offset}: {out}");
            }
        }
    }
    // An empty line: no trailing space after the gutter (rustc's own layout).
    let out = render("end.xml", "<Response>\n", &[finding(11, 1)]);
    assert_eq!(snippet(&out), ("1 |", "  | ^ Response"));
}

#[test]
fn library_findings_at_the_end_render() {
    let source = "<Response>\n<Play>a.wav</Play>";
    let findings = validate(source);
    assert!(!findings.is_empty());
    let out = render("unclosed.xml", source, &findings);
    assert!(out.contains("^ Response"), "{out}");
}

#[test]
fn long_lines_show_a_window() {
    let source = format!(
        "<Response>{}<Bad/>{}</Response>",
        "x".repeat(5000),
        "y".repeat(5000)
    );
    let offset = source.find("<Bad").expect("bad");
    let out = render("long.xml", &source, &[finding(offset, 4)]);
    let (line, carets) = snippet(&out);
    let shown = line.strip_prefix("1 | ").expect("gutter");
    assert!(
        shown.starts_with("...x") && shown.ends_with("y..."),
        "{shown}"
    );
    assert_eq!(shown.chars().count(), WINDOW_COLUMNS + 2 * ELLIPSIS.len());
    let column = carets.find('^').expect("caret") - "  | ".len();
    assert_eq!(&shown[column..column + 4], "<Bad");
    assert!(carets.ends_with(" ^^^^ Response"));
}

#[test]
fn a_short_line_is_shown_whole_wherever_the_position() {
    let source = format!("{}<Bad/>", "z".repeat(WINDOW_COLUMNS - 6));
    for offset in [0, 10, 100, source.len() - 1] {
        let out = render("a.xml", &source, &[finding(offset, 1)]);
        assert_eq!(snippet(&out).0, format!("1 | {source}"), "offset {offset}");
    }
}

#[test]
fn hidden_characters_are_escaped_everywhere() {
    let source = "<Response>\u{0}\u{1b}[2J\u{202e}</Response>";
    let mut bad = finding(10, 3);
    bad.message = "bad \u{1b}[31m\t".to_owned();
    bad.path = "Response/\u{0}".to_owned();
    let out = render("x\u{7}.xml", source, &[bad]);
    assert!(!out.chars().any(|c| c != '\n' && is_hidden(c)), "{out:?}");
    assert!(out.contains("1 | <Response>\\u{0}\\u{1b}[2J\\u{202e}</Response>"));
    assert!(
        out.contains("  |           ^^^^^^^^^^^^ Response/\\u{0}"),
        "{out}"
    );
    assert!(out.starts_with("error[IVR001]: bad \\u{1b}[31m\\t\n --> x\\u{7}.xml:1:1\n"));
}

#[test]
fn long_messages_and_paths_are_shortened() {
    let mut bad = finding(0, 1);
    bad.message = format!("unknown element `<{}>`", "n".repeat(100_000));
    bad.path = format!("Response/{}[1]", "n".repeat(100_000));
    let out = render("a.xml", "<Response/>", &[bad]);
    assert!(
        out.len() < 2 * (TEXT_CHARS + PATH_CHARS) + 500,
        "{}",
        out.len()
    );
    assert!(out.contains("unknown element `<nnn") && out.contains("nnn>`\n"));
    assert!(out.contains("...") && out.contains("nnn[1]\n"));
}

#[test]
fn a_long_line_with_many_findings_renders_in_bounded_space() {
    // 200 KB on one line, a finding every 100 bytes (as an unknown element each would give;
    // made by hand, since validating it is the validator's cost, not the renderer's).
    let item = format!("<Foo/>{}", " ".repeat(94));
    let source = format!("<Response>{}</Response>", item.repeat(2_000));
    let findings: Vec<Diagnostic> = source
        .match_indices("<Foo")
        .map(|(offset, _)| {
            let mut found = finding(offset, 4);
            found.start.column = u32::try_from(offset + 1).expect("small");
            found.message = "unknown element `<Foo>`: expected one of `Get`, `Play`".to_owned();
            found.path = "Response/Foo[1]".to_owned();
            found
        })
        .collect();
    assert_eq!(findings.len(), 2_000);
    let out = render("big.xml", &source, &findings);
    // Each finding takes a few hundred bytes (the old renderer printed the 200 KB line for each).
    assert!(out.len() < findings.len() * 512, "{} bytes", out.len());
    assert!(out.len() <= findings.len() * (MAX_FINDING_BYTES + 6 * "big.xml".len()));
    let excerpts: Vec<&str> = out.lines().filter(|l| l.starts_with("1 | ")).collect();
    assert_eq!(excerpts.len(), 2_000);
    for line in excerpts {
        assert!(
            line.len() <= "1 | ".len() + WINDOW_COLUMNS + 2 * ELLIPSIS.len(),
            "{line}"
        );
    }
}

#[test]
fn validator_findings_on_one_line_render_in_bounded_space() {
    let source = format!("<Response>{}</Response>", "<Foo/>".repeat(500));
    let findings = validate(&source);
    assert!(findings.len() >= 500, "{}", findings.len());
    let out = render("big.xml", &source, &findings);
    assert!(out.len() < findings.len() * 1024, "{} bytes", out.len());
}

#[test]
fn worst_case_finding_stays_within_the_bound() {
    let hidden = "\u{feff}".repeat(10_000);
    let mut bad = finding(3 * 5_000, usize::MAX);
    bad.code = Box::leak(hidden.clone().into_boxed_str());
    bad.message = hidden.clone();
    bad.path = hidden.clone();
    bad.help = Box::leak(hidden.clone().into_boxed_str());
    bad.start = Position {
        line: u32::MAX,
        column: u32::MAX,
    };
    let file = "\u{1}".repeat(100);
    let colored = Renderer::colored().render(&file, &hidden, std::slice::from_ref(&bad));
    assert!(
        colored.len() <= MAX_FINDING_BYTES + 6 * file.len(),
        "{}",
        colored.len()
    );
    let out = render(&file, &hidden, &[bad]);
    assert!(
        out.len() <= MAX_FINDING_BYTES + 6 * file.len(),
        "{}",
        out.len()
    );
    // The message is there, shortened.
    assert!(out.len() > TEXT_CHARS * "\\u{feff}".len(), "{}", out.len());
}

#[test]
fn not_utf8_findings_render_against_the_lossy_text() {
    let bytes = b"<Response>\n<Play>\xc4\xe3.wav</Play></Response>";
    let findings = validate_bytes(bytes);
    let out = render("gbk.xml", &String::from_utf8_lossy(bytes), &findings);
    assert!(
        out.contains("2 | <Play>\u{fffd}\u{fffd}.wav</Play></Response>\n  |       ^\n"),
        "{out}"
    );
}

#[test]
fn escape_lengths_match_what_is_written() {
    for c in [
        '\u{0}', '\u{1f}', '\u{7f}', '\u{9f}', '\u{200b}', '\u{feff}',
    ] {
        let mut out = String::new();
        push_display(&mut out, c);
        assert_eq!(out.len(), escape_len(c), "{out}");
    }
}
