//! Why a run stops before its verdict (exit 2), and how that is shown: in the same
//! annotate-snippets style as findings, on standard error, coloured by `--color`.

use std::io::IsTerminal as _;
use std::ops::Range;
use std::sync::OnceLock;

use ivr_xml_cli::report::Renderer;

/// A usage, I/O or project-file error.
#[derive(Debug)]
pub(crate) enum Failure {
    /// A message alone: `error: {message}`.
    Message(String),
    /// A file's text is at fault: shown with an excerpt and carets under `span`.
    InFile {
        file: String,
        text: String,
        span: Range<usize>,
        message: String,
        help: Option<String>,
    },
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Message(message)
    }
}

impl Failure {
    /// The rendering, ended by a new line.
    pub(crate) fn render(&self, renderer: Renderer) -> String {
        match self {
            Failure::Message(message) => renderer.message(message),
            Failure::InFile {
                file,
                text,
                span,
                message,
                help,
            } => renderer.render_at(file, text, span.clone(), message, help.as_deref()),
        }
    }
}

/// `--color`: when to write ANSI colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set to a non-empty value.
    #[default]
    Auto,
    /// Always, even into a file or a pipe.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream that is (or is not) a terminal, with `no_color` the value of
    /// `NO_COLOR` (<https://no-color.org>: any non-empty value turns colours off).
    pub(crate) fn resolve(self, is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && no_color.is_none_or(|value| value.is_empty()),
        }
    }
}

static STDOUT: OnceLock<Renderer> = OnceLock::new();
static STDERR: OnceLock<Renderer> = OnceLock::new();

/// Decides once for the run how standard output and standard error are drawn.
pub(crate) fn init(choice: ColorChoice) {
    let no_color = std::env::var_os("NO_COLOR");
    let _ = STDOUT.set(Renderer::new(
        choice.resolve(std::io::stdout().is_terminal(), no_color.as_deref()),
    ));
    let _ = STDERR.set(Renderer::new(
        choice.resolve(std::io::stderr().is_terminal(), no_color.as_deref()),
    ));
}

/// The renderer for standard output (plain until [`init`]).
pub(crate) fn stdout() -> Renderer {
    STDOUT.get().copied().unwrap_or_default()
}

/// The renderer for standard error (plain until [`init`]).
pub(crate) fn stderr() -> Renderer {
    STDERR.get().copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn auto_colours_a_terminal_unless_no_color_says_otherwise() {
        assert!(ColorChoice::Auto.resolve(true, None));
        assert!(ColorChoice::Auto.resolve(true, Some(OsStr::new(""))));
        assert!(!ColorChoice::Auto.resolve(true, Some(OsStr::new("1"))));
        assert!(!ColorChoice::Auto.resolve(false, None));
        assert!(ColorChoice::Always.resolve(false, Some(OsStr::new("1"))));
        assert!(!ColorChoice::Never.resolve(true, None));
    }

    #[test]
    fn a_file_error_shows_the_excerpt() {
        let failure = Failure::InFile {
            file: "ivr-xml.toml".to_owned(),
            text: "[levels]\nIVR101 = \"quiet\"\n".to_owned(),
            span: 18..25,
            message: "unknown level `quiet`".to_owned(),
            help: None,
        };
        let out = failure.render(Renderer::plain());
        assert!(
            out.starts_with("error: unknown level `quiet`\n --> ivr-xml.toml:2:10\n"),
            "{out}"
        );
        assert!(
            out.contains("2 | IVR101 = \"quiet\"\n  |          ^^^^^^^\n"),
            "{out}"
        );
    }
}
