//! One pass over an attribute value's or a text's bytes that tells the fast path everything it
//! asks of them: what the tree reader would refuse or rewrite (a `<`, a CR, literal layout in an
//! attribute, a reference, characters XML refuses) and what a platform rule could report (a
//! `$placeholder`, a character a URL must encode). Each question was a search of its own (five
//! or six per value, most of them `memchr` calls whose setup outweighs a short value's scan);
//! a table lookup per byte answers them all.

/// A carriage return (the tree reader normalizes it).
pub(super) const CR: u8 = 1;
/// A tab or a line feed (literal layout an attribute value normalizes).
pub(super) const TAB_LF: u8 = 1 << 1;
/// A control byte or `EF` (which starts U+FFFE and U+FFFF): `first_non_xml_char` decides.
pub(super) const SUSPECT: u8 = 1 << 2;
/// `<`, refused in an attribute value.
pub(super) const LT: u8 = 1 << 3;
/// `&`, a reference to resolve.
pub(super) const AMP: u8 = 1 << 4;
/// `$`, a placeholder IVR209 could report.
pub(super) const DOLLAR: u8 = 1 << 5;
/// A byte `check_url` could report (IVR208): outside printable ASCII, or one of the characters
/// a URL must encode.
pub(super) const URL: u8 = 1 << 6;
/// `]`, which could start the `]]>` text may not hold.
pub(super) const RBRACKET: u8 = 1 << 7;

const fn class_of(b: u8) -> u8 {
    let mut class = 0;
    if b == b'\r' {
        class |= CR;
    }
    if b == b'\t' || b == b'\n' {
        class |= TAB_LF;
    }
    if (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r') || b == 0xEF {
        class |= SUSPECT;
    }
    if b == b'<' {
        class |= LT;
    }
    if b == b'&' {
        class |= AMP;
    }
    if b == b'$' {
        class |= DOLLAR;
    }
    if !(b >= 0x21 && b < 0x7f)
        || matches!(
            b,
            b'#' | b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}'
        )
    {
        class |= URL;
    }
    if b == b']' {
        class |= RBRACKET;
    }
    class
}

const CLASSES: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = class_of(b as u8);
        b += 1;
    }
    table
};

/// The classes of all of `bytes`, or-ed together.
#[inline]
pub(super) fn classify(bytes: &[u8]) -> u8 {
    bytes
        .iter()
        .fold(0, |class, &b| class | CLASSES[usize::from(b)])
}

/// The end of the text that starts at byte `from` of `bytes` (the next `<`, or the end), and
/// the classes of its bytes, or-ed together: finding the end and classifying in one pass.
#[inline]
pub(super) fn text_until_lt(bytes: &[u8], from: usize) -> (usize, u8) {
    let mut class = 0;
    let mut at = from;
    while let Some(&b) = bytes.get(at) {
        if b == b'<' {
            break;
        }
        class |= CLASSES[usize::from(b)];
        at += 1;
    }
    (at, class)
}

/// Whether `text` starts with `http://` or `https://`, in any case (IVR213 reports it).
#[inline]
pub(super) fn has_scheme(text: &str) -> bool {
    let scheme = |scheme: &str| {
        text.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    };
    matches!(text.as_bytes().first(), Some(b'h' | b'H'))
        && (scheme("http://") || scheme("https://"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table against the searches it replaced, byte by byte.
    #[test]
    fn classes_match_the_searches_they_replace() {
        for b in 0..=255u8 {
            let class = classify(&[b]);
            assert_eq!(class & CR != 0, b == b'\r');
            assert_eq!(class & TAB_LF != 0, matches!(b, b'\t' | b'\n'));
            assert_eq!(class & LT != 0, b == b'<');
            assert_eq!(class & AMP != 0, b == b'&');
            assert_eq!(class & DOLLAR != 0, b == b'$');
            assert_eq!(class & RBRACKET != 0, b == b']');
            let url_bad = !(0x21..0x7f).contains(&b)
                || matches!(
                    b,
                    b'#' | b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}'
                );
            assert_eq!(class & URL != 0, url_bad, "{b:#x}");
            // Every byte of a character XML refuses is flagged (U+FFFE, U+FFFF start with EF).
            if b < 0x80 {
                let refused =
                    crate::value::first_non_xml_char(&char::from(b).to_string()).is_some();
                assert!(!refused || class & SUSPECT != 0, "{b:#x}");
            }
        }
        assert_ne!(classify("\u{FFFE}".as_bytes()) & SUSPECT, 0);
        assert_ne!(classify("\u{FFFF}".as_bytes()) & SUSPECT, 0);
        assert_eq!(classify("欢迎.wav".as_bytes()) & !URL, 0);
        assert!(has_scheme("HTTPS://a") && has_scheme("http://") && !has_scheme("http:/x"));
        assert_eq!(text_until_lt(b"a&b\r<c", 0), (4, classify(b"a&b\r")));
        assert_eq!(text_until_lt(b"a&b", 1), (3, AMP));
        assert_eq!(text_until_lt(b"<", 0), (0, 0));
    }

    /// `first_non_xml_char` (whose short texts are cleared eight bytes at a time) against the
    /// XML 1.0 `Char` production, with each interesting character at each place of texts
    /// around the eight-byte and 64-byte boundaries.
    #[test]
    fn first_non_xml_char_matches_the_production() {
        let xml = |c: char| {
            matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
                || c >= '\u{10000}'
        };
        let odd = [
            '\0',
            '\u{1}',
            '\t',
            '\n',
            '\r',
            '\u{1F}',
            ' ',
            '\u{7F}',
            '\u{FFFD}',
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{EFFF}',
            '欢',
            '\u{10000}',
        ];
        for len in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65] {
            for place in 0..len.max(1) {
                for c in odd {
                    let text: String = (0..len).map(|i| if i == place { c } else { 'a' }).collect();
                    let expected = text.chars().find(|&c| !xml(c));
                    assert_eq!(
                        crate::value::first_non_xml_char(&text),
                        expected,
                        "{text:?}"
                    );
                }
            }
        }
    }
}
