//! The pieces of XML syntax the tree reader checks by hand rather than through quick-xml, and how
//! input is quoted in messages: the XML declaration's grammar, character and entity references,
//! the text of a character XML cannot carry, and quotes of the input cut to one short line so
//! that a message stays one line whatever the input holds.

use crate::error::{write_one_line, ErrorKind};
use crate::value::{is_xml_char, is_xml_name};

/// For each byte: bit 0, an ASCII character that can start an XML name; bit 1, one that can
/// follow (the ASCII part of XML 1.0's `NameStartChar` and `NameChar`).
static NAME_BYTES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphabetic() || c == b'_' || c == b':' {
            table[b] = 0b11;
        } else if c.is_ascii_digit() || c == b'-' || c == b'.' {
            table[b] = 0b10;
        }
        b += 1;
    }
    table
};

/// XML's whitespace (the `S` production): space, tab, line feed and carriage return. Not
/// [`u8::is_ascii_whitespace`], which also takes a form feed.
#[inline]
pub(crate) fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Whether `text` is only XML whitespace: the text between child elements that the tree
/// reader, the fast path and a raw element all drop.
#[inline]
pub(crate) fn is_blank(text: &str) -> bool {
    text.bytes().all(is_xml_space)
}

/// Whether `name` is an XML name, as [`is_xml_name`] says: an ASCII name (nearly all of them)
/// is checked with one table look-up per byte, the others by [`is_xml_name`].
pub(super) fn is_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    let Some((&first, rest)) = bytes.split_first() else {
        return false;
    };
    // An ASCII byte outside the table makes any name invalid; a non-ASCII one needs the full check.
    if NAME_BYTES[usize::from(first)] & 0b01 == 0 {
        return first >= 0x80 && is_xml_name(name);
    }
    for &b in rest {
        if NAME_BYTES[usize::from(b)] & 0b10 == 0 {
            return b >= 0x80 && is_xml_name(name);
        }
    }
    true
}

/// quick-xml's own error, as a message of ours: its text can quote any amount of the input
/// (a close tag running over lines), so it is made one line and cut like a quote.
pub(super) fn reader_error(err: &dyn std::fmt::Display) -> ErrorKind {
    ErrorKind::Syntax(one_line(&err.to_string(), 200))
}

/// A character XML 1.0 cannot carry, in text or in an attribute value.
pub(super) fn not_an_xml_char(bad: char) -> ErrorKind {
    ErrorKind::Syntax(format!(
        "character U+{:04X} is not allowed in XML",
        u32::from(bad)
    ))
}

/// A piece of the input quoted in a message, cut to its start.
pub(super) fn quoted(piece: &str) -> String {
    one_line(piece, 40)
}

/// `text` with control characters escaped and cut after `max_chars` characters, as
/// [`write_one_line`] writes it.
pub(super) fn one_line(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    // Writing into a `String` cannot fail.
    let _ = write_one_line(&mut out, text, max_chars);
    out
}

/// Reads the inside of an XML declaration (`xml version='1.0' encoding='UTF-8'`) by XML 1.0's
/// grammar (§2.8 `XMLDecl`): `version`, then optionally `encoding`, then optionally
/// `standalone`, each once and in that order, whitespace-separated, quoted either way. Returns the
/// encoding, if named, or why the declaration is not one.
/// Declarations read as a whole by [`read_declaration`], with the encoding each names.
const COMMON_DECLARATIONS: [(&str, &str); 4] = [
    ("xml version='1.0' encoding='UTF-8'", "UTF-8"),
    ("xml version=\"1.0\" encoding=\"UTF-8\"", "UTF-8"),
    ("xml version='1.0' encoding='utf-8'", "utf-8"),
    ("xml version=\"1.0\" encoding=\"utf-8\"", "utf-8"),
];

pub(super) fn read_declaration(content: &str) -> Result<Option<&str>, String> {
    // The declarations IVR documents carry (the guide's and every writer's), recognised whole:
    // the general reading below costs more than the rest of a small document's prolog.
    for (common, encoding) in COMMON_DECLARATIONS {
        if content == common {
            return Ok(Some(encoding));
        }
    }
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
    let mut rest = content.strip_prefix("xml").unwrap_or(content);
    let mut encoding = None;
    let mut seen_version = false;
    let mut standalone = false;
    loop {
        let trimmed = rest.trim_start_matches(is_space);
        if trimmed.is_empty() {
            break;
        }
        if trimmed.len() == rest.len() {
            return Err(format!(
                "expected whitespace before `{}`",
                quoted(&trimmed.chars().take(12).collect::<String>())
            ));
        }
        let name_end = trimmed
            .find(|c: char| c == '=' || is_space(c))
            .unwrap_or(trimmed.len());
        let name = &trimmed[..name_end];
        let after_name = trimmed[name_end..].trim_start_matches(is_space);
        let Some(after_eq) = after_name.strip_prefix('=') else {
            return Err(format!("expected `=` after `{}`", quoted(name)));
        };
        let after_eq = after_eq.trim_start_matches(is_space);
        let quote = match after_eq.chars().next() {
            Some(q @ ('\'' | '"')) => q,
            _ => return Err(format!("the value of `{}` must be quoted", quoted(name))),
        };
        let Some(close) = after_eq[1..].find(quote) else {
            return Err(format!(
                "the value of `{}` has no closing quote",
                quoted(name)
            ));
        };
        let value = &after_eq[1..1 + close];
        rest = &after_eq[close + 2..];
        match name {
            "version" if !seen_version => {
                let digits = value.strip_prefix("1.").unwrap_or("");
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(format!("unsupported version `{}`", quoted(value)));
                }
                seen_version = true;
            }
            "encoding" if seen_version && encoding.is_none() && !standalone => {
                let mut chars = value.chars();
                let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                    && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
                if !valid {
                    return Err(format!("`{}` is not an encoding name", quoted(value)));
                }
                encoding = Some(value);
            }
            "standalone" if seen_version && !standalone => {
                if value != "yes" && value != "no" {
                    return Err(format!(
                        "standalone must be `yes` or `no`, not `{}`",
                        quoted(value)
                    ));
                }
                standalone = true;
            }
            _ if !seen_version => {
                return Err(format!(
                    "it must start with `version`, not `{}`",
                    quoted(name)
                ));
            }
            _ => {
                return Err(format!(
                    "unexpected `{}`: expected `encoding` then `standalone`, each at most once",
                    quoted(name)
                ))
            }
        }
    }
    if seen_version {
        Ok(encoding)
    } else {
        Err("it has no `version`".to_owned())
    }
}

/// `&name;` or `&#N;` / `&#xH;` → the character; `None` if `name` cannot be a reference at all.
pub(super) fn resolve_reference(name: &str) -> Option<Result<char, ErrorKind>> {
    let resolved = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => {
            if let Some(number) = name.strip_prefix('#') {
                let code = match number.strip_prefix('x') {
                    Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                        u32::from_str_radix(hex, 16).ok()
                    }
                    None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
                        number.parse().ok()
                    }
                    _ => return None,
                };
                return Some(
                    match code.and_then(char::from_u32).filter(|&c| is_xml_char(c)) {
                        Some(c) => Ok(c),
                        None => Err(ErrorKind::Syntax(format!(
                            "character reference `&{name};` is not a character XML allows"
                        ))),
                    },
                );
            }
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
            {
                return None;
            }
            return Some(Err(ErrorKind::Syntax(format!(
                "unknown entity `&{name};` (only the five predefined entities and character references are allowed)"
            ))));
        }
    };
    Some(Ok(resolved))
}

#[cfg(test)]
mod name_tests {
    use super::{is_name, is_xml_name};

    /// The table agrees with the full check on every ASCII name of one or two characters and on
    /// names mixing ASCII and other characters.
    #[test]
    fn is_name_agrees_with_is_xml_name() {
        let mut names: Vec<String> = Vec::new();
        for a in 0u8..128 {
            names.push(char::from(a).to_string());
            for b in 0u8..128 {
                names.push([char::from(a), char::from(b)].iter().collect());
            }
        }
        for name in [
            "",
            "Play",
            "a1",
            "1a",
            "-a",
            ".a",
            "a-b.c",
            "x:y",
            "_",
            "é",
            "aé",
            "éa",
            "a b",
            "a·",
            "·a",
            "名前",
            "a名",
            "a\u{300}",
            "\u{300}a",
            "a\u{10000}",
            "a>",
            "a/",
        ] {
            names.push(name.to_owned());
        }
        let mut valid = 0;
        for name in &names {
            assert_eq!(is_name(name), is_xml_name(name), "{name:?}");
            valid += usize::from(is_name(name));
        }
        // Not a vacuous agreement: both accept and refuse.
        assert!(
            valid > 1000 && valid < names.len() / 2,
            "{valid} of {}",
            names.len()
        );
    }
}
