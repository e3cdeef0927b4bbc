//! Rendering findings rustc-style, with [annotate-snippets](https://docs.rs/annotate-snippets)
//! (the renderer rustc itself uses): the message, the file and position, an excerpt of the source
//! line with carets under the culprit, and a help line; in colour on a terminal.
//!
//! ```text
//! error[IVR201]: `<Get>` can only be the main command, but it is command 2
//!  --> flows/menu.xml:3:2
//!   |
//! 3 |     <Get action='menu'><Play>m.wav</Play></Get>
//!   |     ^^^^ Response/Get[1]
//!   |
//!   = help: Make the `<Get>` the first command, or answer it in a new document through a `<Redirect>`.
//! ```
//!
//! The renderer holds on any input, however inconsistent: a finding may point past the end of
//! the source, inside a multi-byte character, at a byte order mark, a tab or the `\r` of a CRLF,
//! and its length may be anything. It never panics, and what it prints for one finding is
//! bounded ([`MAX_FINDING_BYTES`]) whatever the length of the source line or of the message:
//! a long line is shown as a window of at most [`WINDOW_COLUMNS`] columns around the position,
//! with `...` where it was cut. Control and invisible characters (NUL, escape sequences,
//! bidirectional overrides, the byte order mark) are shown escaped, as `\u{feff}`, so that a
//! document cannot drive the terminal or hide what the carets point at.
//!
//! ```
//! use ivr_xml::validate::validate;
//! use ivr_xml_cli::report::Renderer;
//!
//! let source = "<Response>\n    <Play>a.wav</Play>\n    <Get action='menu'/>\n</Response>";
//! let out = Renderer::plain().render("menu.xml", source, &validate(source));
//! assert!(out.starts_with("error[IVR201]: `<Get>` can only be the main command"), "{out}");
//! assert!(out.contains(" --> menu.xml:3:5\n"), "{out}");
//! ```
//!
//! The window and the escaping are done here, before annotate-snippets sees the line, so that
//! its work per finding is bounded too; the position shown after `-->` is always the finding's
//! own (the library's line and column, in characters), not one recomputed from the excerpt.

use std::fmt::Write as _;

use annotate_snippets::renderer::DEFAULT_LINE_NUM_STYLE;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Snippet};
use ivr_xml::validate::{Diagnostic, Severity};
use ivr_xml::{ParseError, Position};

mod excerpt;
#[cfg(test)]
mod tests;

use excerpt::{escape, floor_boundary, shorten, Excerpt};

/// The widest excerpt of a source line, in columns (a tab counts 4), not counting the `...`
/// markers of a cut line.
///
/// ```
/// use ivr_xml::validate::validate;
/// use ivr_xml_cli::report::{render, WINDOW_COLUMNS};
///
/// // One 10,000-character line: the excerpt is a window around the finding.
/// let source = format!("<Response>{}<Foo/></Response>", " ".repeat(10_000));
/// let out = render("long.xml", &source, &validate(&source));
/// let excerpt = out.lines().nth(3).unwrap();
/// assert!(excerpt.len() <= "1 | ".len() + WINDOW_COLUMNS + 2 * "...".len());
/// ```
pub const WINDOW_COLUMNS: usize = 120;

/// The most bytes one finding renders to, not counting its file name, with or without colour.
///
/// With the file name: at most `MAX_FINDING_BYTES + 6 * path.len()` bytes per finding (a name
/// made only of control characters is shown escaped, up to 6 bytes for each of its bytes). Real
/// findings take a few hundred bytes; this bound is what the longest message, element path and
/// help line can take once shortened.
///
/// ```
/// use ivr_xml::validate::validate;
/// use ivr_xml_cli::report::{render, MAX_FINDING_BYTES};
///
/// let source = format!("<Response><{}/></Response>", "x".repeat(100_000));
/// let findings = validate(&source);
/// let out = render("a.xml", &source, &findings);
/// assert!(out.len() <= findings.len() * (MAX_FINDING_BYTES + 6 * "a.xml".len()));
/// ```
pub const MAX_FINDING_BYTES: usize = 10 * 1024;

/// The most characters of a message or help line shown: the first and last halves of a longer
/// one, with `...` between them.
const TEXT_CHARS: usize = 400;
/// The most characters of an element path shown.
const PATH_CHARS: usize = 200;
/// The most characters of a rule's code shown.
const CODE_CHARS: usize = 32;
/// The marker of a cut line or text.
const ELLIPSIS: &str = "...";
/// A tab's width in an excerpt, so that the carets line up whatever the terminal's tab stops.
const TAB: &str = "    ";
/// The terminal width annotate-snippets is told: wider than any excerpt, so that it never cuts
/// the window this module already cut.
const TERM_WIDTH: usize = 4 * (WINDOW_COLUMNS + PATH_CHARS + 64);

/// How diagnostics are drawn: plain text, or with the ANSI colours rustc uses.
///
/// [`render`], [`render_into`] and [`render_parse_error`] are [`Renderer::plain`]'s. The
/// command line picks [`Renderer::colored`] on a terminal (see `--color`).
///
/// ```
/// use ivr_xml::validate::validate;
/// use ivr_xml_cli::report::Renderer;
///
/// let source = "<Response><Hangup/><Hangup/></Response>";
/// let findings = validate(source);
/// let plain = Renderer::plain().render("a.xml", source, &findings);
/// let colored = Renderer::colored().render("a.xml", source, &findings);
/// assert!(!plain.contains('\u{1b}'));
/// assert!(colored.contains("\u{1b}["));
/// // The same text once the colours are taken out.
/// assert_eq!(strip(&colored), plain);
/// # fn strip(s: &str) -> String {
/// #     let mut out = String::new();
/// #     let mut chars = s.chars();
/// #     while let Some(c) = chars.next() {
/// #         if c == '\u{1b}' { for c in chars.by_ref() { if c == 'm' { break; } } } else { out.push(c); }
/// #     }
/// #     out
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Renderer {
    color: bool,
}

impl Renderer {
    /// No colour: the text a file or a pipe gets.
    ///
    /// ```
    /// use ivr_xml_cli::report::Renderer;
    /// assert_eq!(Renderer::plain().message("no such rule"), "error: no such rule\n");
    /// ```
    pub const fn plain() -> Renderer {
        Renderer { color: false }
    }

    /// rustc's colours (ANSI escape sequences), for a terminal.
    ///
    /// ```
    /// use ivr_xml_cli::report::Renderer;
    /// assert!(Renderer::colored().message("no such rule").starts_with("\u{1b}["));
    /// ```
    pub const fn colored() -> Renderer {
        Renderer { color: true }
    }

    /// Colour if `color` is true: what a `--color` choice resolved to.
    ///
    /// ```
    /// use ivr_xml_cli::report::Renderer;
    /// assert_eq!(Renderer::new(false), Renderer::plain());
    /// ```
    pub const fn new(color: bool) -> Renderer {
        Renderer { color }
    }

    /// Whether this renderer writes colours.
    ///
    /// ```
    /// use ivr_xml_cli::report::Renderer;
    /// assert!(!Renderer::plain().is_colored());
    /// ```
    pub const fn is_colored(self) -> bool {
        self.color
    }

    fn inner(self) -> annotate_snippets::Renderer {
        let renderer = if self.color {
            annotate_snippets::Renderer::styled()
        } else {
            annotate_snippets::Renderer::plain()
        };
        renderer.term_width(TERM_WIDTH)
    }

    /// Every finding, as [`render`] does.
    ///
    /// ```
    /// use ivr_xml::validate::validate;
    /// use ivr_xml_cli::report::{render, Renderer};
    ///
    /// let source = "<Response><Foo/></Response>";
    /// let findings = validate(source);
    /// assert_eq!(Renderer::plain().render("a.xml", source, &findings), render("a.xml", source, &findings));
    /// ```
    pub fn render(self, path: &str, source: &str, findings: &[Diagnostic]) -> String {
        let mut out = String::new();
        for finding in findings {
            self.render_into(&mut out, path, source, finding);
        }
        out
    }

    /// One finding, as [`render_into`] does.
    ///
    /// ```
    /// use ivr_xml::validate::validate;
    /// use ivr_xml_cli::report::Renderer;
    ///
    /// let source = "<Response><Foo/></Response>";
    /// let mut out = String::new();
    /// for finding in validate(source) {
    ///     Renderer::colored().render_into(&mut out, "a.xml", source, &finding);
    /// }
    /// assert!(out.contains("IVR101"));
    /// ```
    pub fn render_into(self, out: &mut String, path: &str, source: &str, finding: &Diagnostic) {
        self.block(
            out,
            &Block {
                level: match finding.severity {
                    Severity::Error => Level::ERROR,
                    Severity::Warning => Level::WARNING,
                },
                code: Some(finding.code),
                message: &finding.message,
                file: path,
                start: finding.start,
                offset: finding.offset,
                len: finding.len,
                path: &finding.path,
                help: Some(finding.help),
            },
            source,
        );
    }

    /// A parse error, as [`render_parse_error`] does.
    ///
    /// ```
    /// use ivr_xml::Response;
    /// use ivr_xml_cli::report::Renderer;
    ///
    /// let source = "<Response><Play>a.wav</Response>";
    /// let err = source.parse::<Response>().unwrap_err();
    /// let out = Renderer::plain().render_parse_error("a.xml", source, &err);
    /// assert!(out.starts_with("error: end tag `</Response>`"), "{out}");
    /// ```
    pub fn render_parse_error(self, path: &str, source: &str, error: &ParseError) -> String {
        let mut out = String::new();
        let message = error.kind().to_string();
        self.block(
            &mut out,
            &Block {
                level: Level::ERROR,
                code: None,
                message: &message,
                file: path,
                start: error.position(),
                offset: error.offset(),
                len: 1,
                path: error.path(),
                help: None,
            },
            source,
        );
        out
    }

    /// An error about a place in a file other than a document (a project file, say): `span` is
    /// the byte range of the culprit in `source`. The line and column shown are computed from
    /// `span.start` (in characters, as the library's positions count).
    ///
    /// ```
    /// use ivr_xml_cli::report::Renderer;
    ///
    /// let source = "[levels]\nIVR209 = \"quiet\"\n";
    /// let at = source.find("\"quiet\"").unwrap();
    /// let out = Renderer::plain().render_at(
    ///     "ivr-xml.toml",
    ///     source,
    ///     at..at + 7,
    ///     "unknown level `quiet`",
    ///     Some("expected `allow`, `warn` or `deny`"),
    /// );
    /// assert_eq!(out, "\
    /// error: unknown level `quiet`
    ///  --> ivr-xml.toml:2:10
    ///   |
    /// 2 | IVR209 = \"quiet\"
    ///   |          ^^^^^^^
    ///   |
    ///   = help: expected `allow`, `warn` or `deny`
    ///
    /// ");
    /// ```
    pub fn render_at(
        self,
        file: &str,
        source: &str,
        span: std::ops::Range<usize>,
        message: &str,
        help: Option<&str>,
    ) -> String {
        let at = floor_boundary(source, span.start);
        let mut out = String::new();
        self.block(
            &mut out,
            &Block {
                level: Level::ERROR,
                code: None,
                message,
                file,
                start: Position::from_offset(source, at),
                offset: at,
                len: span.end.saturating_sub(span.start),
                path: "",
                help,
            },
            source,
        );
        out
    }

    /// An error without a source to show: a usage or I/O error, `error: {message}` on one line
    /// (shortened and escaped as findings' messages are).
    ///
    /// ```
    /// use ivr_xml_cli::report::Renderer;
    /// assert_eq!(
    ///     Renderer::plain().message("cannot read a.xml: No such file or directory (os error 2)"),
    ///     "error: cannot read a.xml: No such file or directory (os error 2)\n",
    /// );
    /// ```
    pub fn message(self, message: &str) -> String {
        self.titled(Level::ERROR, message)
    }

    /// A warning without a source, as [`Renderer::message`] renders errors.
    ///
    /// ```
    /// use ivr_xml_cli::report::Renderer;
    /// assert_eq!(Renderer::plain().warning("skipping a link"), "warning: skipping a link\n");
    /// ```
    pub fn warning(self, message: &str) -> String {
        self.titled(Level::WARNING, message)
    }

    /// An error about a whole file, with no position in it: `error: {message}`, then
    /// ` --> {file}` and an empty line, as a finding's block ends.
    ///
    /// ```
    /// use ivr_xml_cli::report::Renderer;
    /// assert_eq!(
    ///     Renderer::plain().file_message("gbk.xml", "the input is not valid UTF-8"),
    ///     "error: the input is not valid UTF-8\n --> gbk.xml\n\n",
    /// );
    /// ```
    pub fn file_message(self, file: &str, message: &str) -> String {
        let message = shorten(message, TEXT_CHARS);
        let file = escape(file);
        let report = [
            Group::with_title(Level::ERROR.primary_title(message.as_str()))
                .element(Origin::path(file.as_str())),
        ];
        let mut out = self.inner().render(&report);
        out.push_str("\n\n");
        out
    }

    /// `title` alone, as annotate-snippets draws it, ended by a new line.
    fn titled(self, level: Level<'_>, message: &str) -> String {
        let message = shorten(message, TEXT_CHARS);
        let report = [Group::with_title(level.primary_title(message.as_str()))];
        let mut out = self.inner().render(&report);
        out.push('\n');
        out
    }

    fn block(self, out: &mut String, b: &Block<'_>, source: &str) {
        let message = shorten(b.message, TEXT_CHARS);
        let mut title = b.level.clone().primary_title(message.as_str());
        let code = b.code.map(|code| shorten(code, CODE_CHARS));
        if let Some(code) = &code {
            title = title.id(code.as_str());
        }
        let excerpt = Excerpt::new(source, b.offset, b.len);
        let mut annotation = AnnotationKind::Primary.span(excerpt.culprit.clone());
        let label = shorten(b.path, PATH_CHARS);
        if !b.path.is_empty() {
            annotation = annotation.label(label.as_str());
        }
        let line = usize::try_from(b.start.line).unwrap_or(usize::MAX);
        let snippet = Snippet::source(excerpt.text.as_str())
            .line_start(line)
            .annotation(annotation);
        let mut group = title.element(snippet);
        let help = b.help.map(|help| shorten(help, TEXT_CHARS));
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let rendered = self.inner().render(&[group]);

        // annotate-snippets would compute the position from the excerpt, which may be cut or
        // escaped: the `-->` line is the finding's own, put where rustc puts it, after the title.
        let (title_line, rest) = rendered.split_once('\n').unwrap_or((&rendered, ""));
        out.push_str(title_line);
        out.push('\n');
        let pad = " ".repeat(b.start.line.to_string().len());
        let arrow = if self.color {
            format!(
                "{}-->{}",
                DEFAULT_LINE_NUM_STYLE.render(),
                DEFAULT_LINE_NUM_STYLE.render_reset()
            )
        } else {
            "-->".to_owned()
        };
        let _ = writeln!(out, "{pad}{arrow} {}:{}", escape(b.file), b.start);
        out.push_str(rest);
        out.push_str("\n\n");
    }
}

/// Renders every finding in `findings` against `source`, the text they were found in, as shown
/// under `path` (a file name, or `<stdin>`), without colour ([`Renderer::plain`]).
///
/// One block per finding, in the order given, each ended by an empty line; no summary. The
/// contract, which a fuzz target holds it to:
///
/// - it never panics, whatever the findings say: offsets past the end of `source` or inside a
///   character are clamped to the character boundary before them, any length is accepted, and
///   the line number and column shown are the finding's own (the ones the library computed);
/// - the output is bounded by O(findings × excerpt width): at most
///   `findings.len() * (MAX_FINDING_BYTES + 6 * path.len())` bytes, however long the source
///   line, the message or the element path;
/// - the work per finding is bounded too: it looks at no more than a window's worth of the
///   source around the position, so a 1 MiB line with 100,000 findings renders in linear time.
///
/// ```
/// use ivr_xml::validate::validate;
/// use ivr_xml_cli::report::render;
///
/// let source = "<Response>\n  <Play volume='3'>a.wav</Play>\n</Response>";
/// let out = render("a.xml", source, &validate(source));
/// assert_eq!(out, "\
/// error[IVR102]: unknown attribute `volume` on `<Play>`: expected one of `loop`, `finishkey`, `isrecord`
///  --> a.xml:2:9
///   |
/// 2 |   <Play volume='3'>a.wav</Play>
///   |         ^^^^^^ Response/Play[1]/@volume
///   |
///   = help: Check the attribute's spelling against the command's documented attributes; an extension: name it under `[names] attributes` in ivr-xml.toml or with `Policy::attribute` (or allow IVR102).
///
/// ");
/// ```
pub fn render(path: &str, source: &str, findings: &[Diagnostic]) -> String {
    Renderer::plain().render(path, source, findings)
}

/// Appends one finding to `out`, as [`render`] does: same contract, for one finding.
///
/// ```
/// use ivr_xml::validate::validate;
/// use ivr_xml_cli::report::{render_into, MAX_FINDING_BYTES};
///
/// // A byte order mark and a finding at the very start.
/// let source = "\u{feff}<Respons/>";
/// let mut out = String::new();
/// for finding in validate(source) {
///     render_into(&mut out, "bom.xml", source, &finding);
/// }
/// assert!(out.contains("1 | \\u{feff}<Respons/>\n"));
/// assert!(out.len() <= 2 * (MAX_FINDING_BYTES + 6 * "bom.xml".len()));
/// ```
pub fn render_into(out: &mut String, path: &str, source: &str, finding: &Diagnostic) {
    Renderer::plain().render_into(out, path, source, finding);
}

/// Renders a parse error (from [`Response::parse_with`](ivr_xml::Response::parse_with) or
/// `str::parse`) against `source` the same way, as an `error` without a code or help line.
///
/// Same contract as [`render`], for one finding.
///
/// ```
/// use ivr_xml::Response;
/// use ivr_xml_cli::report::render_parse_error;
///
/// let source = "<Response>\n  <Get numdigits='0'/>\n</Response>";
/// let err = source.parse::<Response>().unwrap_err();
/// assert_eq!(render_parse_error("get.xml", source, &err), "\
/// error: invalid numdigits `0`: expected an integer >= 1
///  --> get.xml:2:8
///   |
/// 2 |   <Get numdigits='0'/>
///   |        ^ Response/Get[1]/@numdigits
///
/// ");
/// ```
pub fn render_parse_error(path: &str, source: &str, error: &ParseError) -> String {
    Renderer::plain().render_parse_error(path, source, error)
}

/// What one block shows, whatever it came from.
struct Block<'a> {
    level: Level<'a>,
    code: Option<&'a str>,
    message: &'a str,
    file: &'a str,
    start: Position,
    offset: usize,
    len: usize,
    path: &'a str,
    help: Option<&'a str>,
}
