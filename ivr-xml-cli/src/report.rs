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

/// The part of a source line shown, and where the carets go under it.
#[derive(Debug, PartialEq, Eq)]
struct Excerpt {
    /// The window of the line, characters shown as [`push_display`] does, `...` where it was cut.
    text: String,
    /// The culprit's bytes within `text` (empty at the end of the line: one caret after it).
    culprit: std::ops::Range<usize>,
}

impl Excerpt {
    /// The line of `source` holding `offset`, cut to a window of at most [`WINDOW_COLUMNS`]
    /// around it. Looks at no more than the window's characters on either side.
    fn new(source: &str, offset: usize, len: usize) -> Excerpt {
        let at = floor_boundary(source, offset);
        let culprit_end = ceil_boundary(source, at.saturating_add(len));

        // The line's rest from the position, as far as a whole window would show.
        let rest = &source[at..];
        let (right_cols, right_end, right_cut) = scan_right(rest, WINDOW_COLUMNS);
        // The left side gets what the right side leaves, and at least half the window.
        let left_budget = WINDOW_COLUMNS - right_cols.min(WINDOW_COLUMNS / 2);
        let (left_cols, left_start, left_cut) = scan_left(&source[..at], left_budget);
        // Then the right side is cut to what the left side left.
        let (right_end, right_cut) = if left_cols + right_cols > WINDOW_COLUMNS {
            let (_, end, _) = scan_right(rest, WINDOW_COLUMNS - left_cols);
            (end, true)
        } else {
            (right_end, right_cut)
        };

        let mut text = String::new();
        if left_cut {
            text.push_str(ELLIPSIS);
        }
        for c in source[left_start..at].chars() {
            push_display(&mut text, c);
        }
        let culprit_start = text.len();
        let shown = &rest[..right_end];
        let culprit_shown = &shown[..(culprit_end - at).min(shown.len())];
        for c in culprit_shown.chars() {
            push_display(&mut text, c);
        }
        let culprit = culprit_start..text.len();
        for c in shown[culprit_shown.len()..].chars() {
            push_display(&mut text, c);
        }
        if right_cut {
            text.push_str(ELLIPSIS);
        }
        Excerpt { text, culprit }
    }
}

/// From the start of `rest` to the end of its line, at most `budget` columns: the columns
/// taken, the byte length shown, and whether the line goes on past it.
fn scan_right(rest: &str, budget: usize) -> (usize, usize, bool) {
    let mut cols = 0;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends_line = c == '\n' || (c == '\r' && matches!(chars.peek(), Some((_, '\n')) | None));
        if ends_line {
            return (cols, i, false);
        }
        if cols + width(c) > budget {
            return (cols, i, true);
        }
        cols += width(c);
    }
    (cols, rest.len(), false)
}

/// From the end of `before` back to the start of its line, at most `budget` columns: the columns
/// taken, the byte index where the shown part starts, and whether the line starts before it.
fn scan_left(before: &str, budget: usize) -> (usize, usize, bool) {
    let mut cols = 0;
    let mut start = before.len();
    for (i, c) in before.char_indices().rev() {
        if c == '\n' {
            return (cols, start, false);
        }
        if cols + width(c) > budget {
            return (cols, start, true);
        }
        cols += width(c);
        start = i;
    }
    (cols, start, false)
}

/// The columns `c` takes once shown by [`push_display`]. Every character counts one column
/// (the library's positions count characters), except a tab and the escaped ones.
fn width(c: char) -> usize {
    if c == '\t' {
        TAB.len()
    } else if is_hidden(c) {
        escape_len(c)
    } else {
        1
    }
}

/// Characters a terminal would act on or not show: controls, bidirectional overrides and
/// isolates, zero-width characters, the byte order mark.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// The length of `\u{..}` for `c`.
fn escape_len(c: char) -> usize {
    let digits = (32 - (c as u32 | 1).leading_zeros()).div_ceil(4) as usize;
    4 + digits
}

fn push_display(out: &mut String, c: char) {
    if c == '\t' {
        out.push_str(TAB);
    } else if is_hidden(c) {
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    } else {
        out.push(c);
    }
}

/// `text` with hidden characters escaped, a tab as `\t`.
fn escape(text: &str) -> String {
    let mut out = String::new();
    push_escaped(&mut out, text);
    out
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        if c == '\t' {
            out.push_str("\\t");
        } else {
            push_display(out, c);
        }
    }
}

/// `text` escaped as [`escape`] does, and at most `max` characters of it:
/// the first and last halves of a longer text, `...` between them. Looks at no more than `max`
/// characters.
fn shorten(text: &str, max: usize) -> String {
    let half = max / 2;
    let head_end = text.char_indices().nth(half).map_or(text.len(), |(i, _)| i);
    let tail_start = if half == 0 {
        text.len()
    } else {
        text.char_indices()
            .rev()
            .nth(half - 1)
            .map_or(0, |(i, _)| i)
    };
    let mut out = String::new();
    if tail_start <= head_end {
        push_escaped(&mut out, text);
    } else {
        push_escaped(&mut out, &text[..head_end]);
        out.push_str(ELLIPSIS);
        push_escaped(&mut out, &text[tail_start..]);
    }
    out
}

/// The largest character boundary of `text` at or before `offset`.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest character boundary of `text` at or after `offset` (its length past the end).
fn ceil_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
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
}
