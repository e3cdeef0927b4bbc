//! Escaping: the tables of what each context escapes, and the one loop that applies them.

use super::Sink;

/// Which bytes [`escape`] looks at, and their replacements: a 256-entry table, so that text with
/// nothing to escape (nearly all of it) costs one load and test per byte and one write.
pub(super) struct EscapeTable {
    special: [bool; 256],
    replacement: [&'static str; 256],
}

const fn escape_table(entries: &[(u8, &'static str)]) -> EscapeTable {
    let mut table = EscapeTable {
        special: [false; 256],
        replacement: [""; 256],
    };
    let mut i = 0;
    while i < entries.len() {
        let (byte, replacement) = entries[i];
        table.special[byte as usize] = true;
        table.replacement[byte as usize] = replacement;
        i += 1;
    }
    table
}

/// Text content: `&`, `<`, `>` after `]]` (decided by the caller), and CR (which parsers would
/// otherwise turn into LF).
pub(super) static TEXT: EscapeTable = escape_table(&[
    (b'&', "&amp;"),
    (b'<', "&lt;"),
    (b'>', "&gt;"),
    (b'\r', "&#13;"),
]);

/// An attribute value in single quotes: `&`, `<`, the quote, and the whitespace characters that
/// attribute-value normalization would turn into spaces.
pub(super) static ATTRIBUTE_SINGLE: EscapeTable = escape_table(&[
    (b'&', "&amp;"),
    (b'<', "&lt;"),
    (b'\'', "&apos;"),
    (b'\t', "&#9;"),
    (b'\n', "&#10;"),
    (b'\r', "&#13;"),
]);

/// An attribute value in double quotes, as [`ATTRIBUTE_SINGLE`] with `"` for `'`.
pub(super) static ATTRIBUTE_DOUBLE: EscapeTable = escape_table(&[
    (b'&', "&amp;"),
    (b'<', "&lt;"),
    (b'"', "&quot;"),
    (b'\t', "&#9;"),
    (b'\n', "&#10;"),
    (b'\r', "&#13;"),
]);

/// Writes `text` with the table's special bytes replaced where `replace(bytes, i)` agrees.
pub(super) fn escape<S: Sink + ?Sized>(
    sink: &mut S,
    text: &str,
    table: &EscapeTable,
    replace: impl Fn(&[u8], usize) -> bool,
) -> Result<(), S::Error> {
    let bytes = text.as_bytes();
    match bytes.iter().position(|&b| table.special[usize::from(b)]) {
        None => sink.write_str(text),
        Some(first) => escape_from(sink, text, first, table, replace),
    }
}

/// The slow path of [`escape`], from the first special byte on.
#[cold]
fn escape_from<S: Sink + ?Sized>(
    sink: &mut S,
    text: &str,
    first: usize,
    table: &EscapeTable,
    replace: impl Fn(&[u8], usize) -> bool,
) -> Result<(), S::Error> {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate().skip(first) {
        if table.special[usize::from(byte)] && replace(bytes, i) {
            sink.write_str(&text[start..i])?;
            sink.write_str(table.replacement[usize::from(byte)])?;
            start = i + 1;
        }
    }
    sink.write_str(&text[start..])
}
