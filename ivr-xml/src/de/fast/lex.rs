//! The fast path's own reading of the markup, in place of quick-xml's `Reader` (which stores
//! every open element's name in two `Vec`s of its own: two or three allocations per document,
//! and about a third of a small document's instructions).
//!
//! It reads only the plain forms IVR documents use and returns [`Bail`] at anything else, so
//! what it accepts is a part of what quick-xml, configured as the tree reader configures it
//! (`reader::configure`), accepts, and read the same way:
//!
//! - a start tag is `<` name, then attributes each after whitespace as `name='value'` or
//!   `name="value"` (no whitespace around `=`), then optional whitespace and `>` or `/>`;
//! - an end tag is `</` name, optional whitespace, `>`;
//! - a comment is `<!--`, content without `--`, `>` or a `-` at either end, then `-->`;
//! - the declaration is `<?xml` (then whitespace or `?>`) at the very start, up to the first `?>`;
//! - text is everything up to the next `<`, references unresolved.
//!
//! CDATA, a DOCTYPE, a processing instruction, `<` not followed by one of the above, and the
//! end of the input inside markup all bail out; the checks the tree reader adds to quick-xml's
//! (names, duplicate attributes, characters XML refuses, references) stay in `fast.rs`.

use std::borrow::Cow;

use super::{Bail, FastAttribute, MAX_FAST_ATTRIBUTES};
use crate::de::is_xml_space;

/// One piece of markup or text.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// A start tag: its name, and whether it is an empty-element tag (`<a/>`); its attributes
    /// are in the list handed to [`token`].
    Start {
        name: &'a str,
        empty: bool,
    },
    /// An end tag's name.
    End(&'a str),
    /// Text up to the next `<` or the end, as written (references not resolved).
    Text(&'a str),
    Comment,
    /// The declaration's content, from `xml` up to `?>`.
    Decl(&'a str),
    Eof,
}

/// The byte offset of the first whitespace at or after `from`, or the end.
#[inline]
pub(super) fn skip_space(bytes: &[u8], mut from: usize) -> usize {
    while bytes.get(from).is_some_and(|&b| is_xml_space(b)) {
        from += 1;
    }
    from
}

/// The token at byte `pos` of `input`, and the offset after it. A start tag's attributes
/// (names and raw values, not checked) replace the contents of `attributes`.
#[inline]
pub(super) fn token<'a>(
    input: &'a str,
    pos: usize,
    attributes: &mut smallvec::SmallVec<[FastAttribute<'a>; 8]>,
) -> Result<(Token<'a>, usize), Bail> {
    let bytes = input.as_bytes();
    let Some(&first) = bytes.get(pos) else {
        return Ok((Token::Eof, pos));
    };
    if first != b'<' {
        let end = bytes[pos..]
            .iter()
            .position(|&b| b == b'<')
            .map_or(bytes.len(), |at| pos + at);
        let text = input.get(pos..end).ok_or(Bail)?;
        return Ok((Token::Text(text), end));
    }
    match bytes.get(pos + 1) {
        Some(b'/') => {
            let from = pos + 2;
            let gt = bytes[from..].iter().position(|&b| b == b'>').ok_or(Bail)? + from;
            // Whitespace after the name is allowed (and trimmed, as quick-xml does).
            let mut end = gt;
            while end > from && is_xml_space(bytes[end - 1]) {
                end -= 1;
            }
            let name = input.get(from..end).ok_or(Bail)?;
            Ok((Token::End(name), gt + 1))
        }
        Some(b'!') => {
            // `<!--`, then content without `--` or `>`: its first `--` must be the end's.
            if bytes.get(pos + 2..pos + 4) != Some(b"--") {
                return Err(Bail);
            }
            let from = pos + 4;
            let mut at = from;
            loop {
                match bytes.get(at) {
                    Some(b'-') if bytes.get(at + 1) == Some(&b'-') => break,
                    Some(b'>') | None => return Err(Bail),
                    Some(_) => at += 1,
                }
            }
            if bytes.get(at + 2) != Some(&b'>')
                || at == from
                || bytes[from] == b'-'
                || bytes[at - 1] == b'-'
            {
                return Err(Bail);
            }
            Ok((Token::Comment, at + 3))
        }
        Some(b'?') => {
            // The declaration: at the very start, `<?xml` then whitespace or `?>`, up to the
            // first `?>` (quick-xml's end of a processing instruction).
            let from = pos + 2;
            let mut at = from;
            while bytes.get(at) != Some(&b'?') || bytes.get(at + 1) != Some(&b'>') {
                if at >= bytes.len() {
                    return Err(Bail);
                }
                at += 1;
            }
            let content = input.get(from..at).ok_or(Bail)?;
            let declaration = pos == 0
                && content.starts_with("xml")
                && content.as_bytes().get(3).is_none_or(|&b| is_xml_space(b));
            match declaration {
                true => Ok((Token::Decl(content), at + 2)),
                false => Err(Bail),
            }
        }
        Some(_) => start_tag(input, pos + 1, attributes),
        None => Err(Bail),
    }
}

/// A start tag whose name begins at `from` (just after its `<`).
#[inline]
fn start_tag<'a>(
    input: &'a str,
    from: usize,
    attributes: &mut smallvec::SmallVec<[FastAttribute<'a>; 8]>,
) -> Result<(Token<'a>, usize), Bail> {
    let bytes = input.as_bytes();
    let mut at = from;
    while bytes
        .get(at)
        .is_some_and(|&b| !is_xml_space(b) && b != b'/' && b != b'>')
    {
        at += 1;
    }
    let name = input.get(from..at).ok_or(Bail)?;
    attributes.clear();
    loop {
        let spaced = skip_space(bytes, at);
        let separated = spaced > at;
        at = spaced;
        match bytes.get(at) {
            Some(b'>') => return Ok((Token::Start { name, empty: false }, at + 1)),
            Some(b'/') if bytes.get(at + 1) == Some(&b'>') => {
                return Ok((Token::Start { name, empty: true }, at + 2))
            }
            // XML 1.0 §3.1: attributes are separated by whitespace.
            Some(_) if separated => {}
            _ => return Err(Bail),
        }
        let key_start = at;
        while bytes.get(at).is_some_and(|&b| {
            !is_xml_space(b) && !matches!(b, b'=' | b'/' | b'>' | b'<' | b'\'' | b'"')
        }) {
            at += 1;
        }
        let key = input.get(key_start..at).ok_or(Bail)?;
        let quote = match (bytes.get(at), bytes.get(at + 1)) {
            (Some(b'='), Some(&quote @ (b'\'' | b'"'))) => quote,
            _ => return Err(Bail),
        };
        let value_start = at + 2;
        let value_end = bytes[value_start..]
            .iter()
            .position(|&b| b == quote)
            .ok_or(Bail)?
            + value_start;
        let value = input.get(value_start..value_end).ok_or(Bail)?;
        if attributes.len() >= MAX_FAST_ATTRIBUTES {
            return Err(Bail);
        }
        attributes.push((key, Cow::Borrowed(value)));
        at = value_end + 1;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn tokens(input: &str) -> Result<Vec<String>, Bail> {
        let mut attributes = smallvec::SmallVec::new();
        let mut pos = 0;
        let mut out = Vec::new();
        loop {
            let (token, next) = token(input, pos, &mut attributes)?;
            if token == Token::Eof {
                return Ok(out);
            }
            out.push(match token {
                Token::Start { name, empty } => {
                    let attributes: Vec<String> =
                        attributes.iter().map(|(k, v)| format!("{k}={v}")).collect();
                    format!("<{name} {attributes:?} {empty}>")
                }
                other => format!("{other:?}"),
            });
            pos = next;
        }
    }

    /// Each plain form, read as quick-xml reads it.
    #[test]
    fn reads_the_plain_forms() {
        assert_eq!(
            tokens("<?xml version='1.0'?>\n<a b='1' c=\"x>'y\"\t/><!-- c --></a >t&amp;").unwrap(),
            [
                "Decl(\"xml version='1.0'\")",
                "Text(\"\\n\")",
                "<a [\"b=1\", \"c=x>'y\"] true>",
                "Comment",
                "End(\"a\")",
                "Text(\"t&amp;\")",
            ]
        );
        assert_eq!(tokens("<a>").unwrap(), ["<a [] false>"]);
        assert_eq!(
            tokens("<?xml?><a/>").unwrap(),
            ["Decl(\"xml\")", "<a [] true>"]
        );
    }

    /// Every other form, and every form cut short, bails out.
    #[test]
    fn bails_out_of_anything_else() {
        for input in [
            "<",
            "<a",
            "<a b='1'",
            "<a b='1",
            "<a b=1>",
            "<a b = '1'>",
            "<a b='1'c='2'>",
            "<a b>",
            "<a/ >",
            "</a",
            "<!-- -- -->",
            "<!--->",
            "<!---->",
            "<!-->-->",
            "<!-- a",
            "<!-- a--->",
            "<!-- > -->",
            "<![CDATA[x]]>",
            "<!DOCTYPE a>",
            "<?pi?>",
            "<?xml-s?>",
            " <?xml?>",
            "<?xml",
        ] {
            assert_eq!(tokens(input), Err(Bail), "{input:?}");
        }
    }
}
