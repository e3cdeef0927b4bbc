//! The command line's output, exit codes and JSON shape, pinned with trycmd (`tests/cmd/*.toml`),
//! and every rule of the catalogue run through the binary both ways.

use std::process::Command;

use ivr_xml::validate::{Severity, RULES};

#[test]
fn pinned_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}

fn run(args: &[&str], file: &std::path::Path) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_ivr-xml"))
        .args(args)
        .arg(file)
        .output()
        .expect("the binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn every_rule_fails_its_bad_fixture_and_passes_its_good_one() {
    let dir = std::env::temp_dir().join(format!("ivr-xml-cli-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // Rules allowed by default (IVR209, an optional lint) report nothing by default.
    for rule in RULES
        .iter()
        .filter(|r| r.level != ivr_xml::policy::Level::Allow)
    {
        let marker = format!("[{}]", rule.code);
        let bad = dir.join(format!("{}-bad.xml", rule.code));
        std::fs::write(&bad, rule.bad).expect("write fixture");
        let (code, out) = run(&["validate"], &bad);
        assert!(out.contains(&marker), "{}: {out}", rule.code);
        let expected = if rule.level.severity() == Some(Severity::Error) {
            1
        } else {
            0
        };
        assert_eq!(code, expected, "{}: {out}", rule.code);
        let (code, _) = run(&["validate", "--deny", "warning"], &bad);
        assert_eq!(code, 1, "{} with --deny warning", rule.code);

        let good = dir.join(format!("{}-good.xml", rule.code));
        std::fs::write(&good, rule.good).expect("write fixture");
        let (code, out) = run(&["validate"], &good);
        assert!(!out.contains(&marker), "{}: {out}", rule.code);
        assert_eq!(code, 0, "{}: {out}", rule.code);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fmt_output_validates_and_is_stable() {
    let dir = std::env::temp_dir().join(format!("ivr-xml-cli-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for entry in std::fs::read_dir("tests/cmd/docs").expect("docs fixtures") {
        let path = entry.expect("entry").path();
        let (code, formatted) = run(&["fmt"], &path);
        assert_eq!(code, 0);
        let copy = dir.join(path.file_name().expect("file name"));
        std::fs::write(&copy, &formatted).expect("write");
        let (code, out) = run(&["fmt", "--check"], &copy);
        assert_eq!((code, out.as_str()), (0, ""), "{}", path.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Writes `len` bytes of a document to the binary's standard input in 64 KiB writes, and returns
/// its exit code, output and how many bytes it took before closing its end of the pipe.
fn run_with_stdin(args: &[&str], len: usize) -> (i32, String, usize) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ivr-xml"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let mut chunk = vec![b' '; 64 << 10];
        chunk[..10].copy_from_slice(b"<Response>");
        let mut written = 0;
        while written < len {
            // Once the binary has stopped reading and exited, the pipe is closed: EPIPE.
            if stdin.write_all(&chunk).is_err() {
                break;
            }
            chunk[..10].fill(b' ');
            written += chunk.len();
        }
        written
    });
    let output = child.wait_with_output().expect("the binary ends");
    let written = writer.join().expect("writer");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        written,
    )
}

#[test]
fn stdin_past_the_size_limit_is_refused_without_reading_it_all() {
    let len = 3 << 20;
    let (code, out, written) = run_with_stdin(&["validate", "-"], len);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.starts_with(
            "error[IVR005]: input exceeds the input size in bytes limit of 1048576\n --> <stdin>:1:1048577\n"
        ),
        "{out}"
    );
    assert!(
        out.ends_with("1 document checked: 1 error, 0 warnings\n"),
        "{out}"
    );
    // The binary read the limit and a few bytes, the pipe held at most its buffer (64 KiB, at
    // most 1 MiB if resized): the rest of the 3 MiB could not be written.
    assert!(written < len, "all {written} bytes were taken");

    let (code, _, written) = run_with_stdin(&["fmt", "-"], len);
    assert_eq!(code, 1);
    assert!(written < len, "fmt took all {written} bytes");
}

#[test]
fn a_file_past_the_size_limit_is_one_short_finding() {
    let dir = std::env::temp_dir().join(format!("ivr-xml-cli-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let big = dir.join("big.xml");
    // One line of 3 MiB: the old renderer printed all of it under the finding.
    std::fs::write(
        &big,
        format!("<Response>{}</Response>", " ".repeat(3 << 20)),
    )
    .expect("write");
    let (code, out) = run(&["validate"], &big);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("[IVR005]: input exceeds the input size in bytes limit of 1048576"));
    assert!(out.len() < 1024, "{} bytes", out.len());
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn a_symlink_cycle_is_reported_and_the_walk_ends() {
    use std::os::unix::fs::symlink;
    let dir = std::env::temp_dir().join(format!("ivr-xml-cli-cycle-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("a")).expect("a");
    std::fs::create_dir_all(dir.join("b")).expect("b");
    std::fs::write(dir.join("a/one.xml"), "<Response><Hangup/></Response>").expect("one");
    symlink(dir.join("b"), dir.join("a/to-b")).expect("link");
    symlink(dir.join("a"), dir.join("b/to-a")).expect("link");
    symlink(&dir, dir.join("a/up")).expect("link");
    let output = Command::new(env!("CARGO_BIN_EXE_ivr-xml"))
        .arg("validate")
        .arg(&dir)
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stdout}{stderr}");
    assert_eq!(stdout, "1 document checked: 0 errors, 0 warnings\n");
    // a/up leads back to the directory holding it; a/to-b and b/to-a lead to directories
    // searched already (following them, the old walk went round a -> b -> a until killed).
    assert!(stderr.contains("a/up: it leads back to"), "{stderr}");
    assert!(stderr.contains("(a cycle of symbolic links)"), "{stderr}");
    assert!(stderr.contains("a/to-b: the same directory as"), "{stderr}");
    assert!(stderr.contains("b/to-a: the same directory as"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--color`: colours only when asked or on a terminal, never when `NO_COLOR` says not to;
/// the same text either way once the colours are taken out.
#[test]
fn colour_follows_the_flag_and_no_color() {
    let file = std::path::Path::new("tests/cmd/bad/typo-element.xml");
    let run = |args: &[&str], no_color: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_ivr-xml"));
        command.args(args).arg(file);
        if no_color {
            command.env("NO_COLOR", "1");
        } else {
            command.env_remove("NO_COLOR");
        }
        let output = command.output().expect("the binary runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let always = run(&["validate", "--color", "always"], false);
    assert!(always.contains("\u{1b}["), "{always}");
    // `always` beats NO_COLOR, as the flag is the more specific choice.
    assert!(run(&["validate", "--color=always"], true).contains("\u{1b}["));
    let never = run(&["validate", "--color", "never"], false);
    assert!(!never.contains('\u{1b}'), "{never}");
    assert!(never.contains("error[IVR101]"), "{never}");
    // Standard output is a pipe here: `auto` writes no colour.
    assert_eq!(run(&["validate"], false), never);
    assert_eq!(run(&["--color", "auto", "validate"], true), never);
    assert_eq!(strip_ansi(&always), never);
}

/// Errors go to standard error in colour too when asked.
#[test]
fn errors_are_coloured_with_the_flag() {
    let output = Command::new(env!("CARGO_BIN_EXE_ivr-xml"))
        .args([
            "validate",
            "--color",
            "always",
            "tests/cmd/no-such-file.xml",
        ])
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("\u{1b}["), "{stderr}");
    assert!(
        strip_ansi(&stderr).starts_with("error: cannot read tests/cmd/no-such-file.xml"),
        "{stderr}"
    );
}

/// `s` without its ANSI escape sequences (`ESC [ ... m`).
fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
