//! One pass over `application/x-www-form-urlencoded` input (a query string or a form body): the
//! decoder behind [`Params::from_query`](super::Params::from_query) and `from_form`, and behind
//! every message's own `from_query` and `from_form`, which read straight into the message.
//!
//! Each pair is scanned once, eight bytes at a time, for the four bytes that matter (`&`, `=`,
//! `%`, `+`); a name or value with no `%` or `+` is borrowed from the input (already UTF-8 when
//! the input is a `&str`), and only one with escapes is decoded into a new `String`. Strictness,
//! limits, error kinds, offsets and the order errors are found in are those of the byte-by-byte
//! decoder this replaced (kept in the tests as the reference).
//!
//! A message reads through [`Slot`]s, one per parameter it knows: the first value and the first
//! different one (for the duplicate error), typed only once the whole input is decoded, so a
//! decoding error anywhere still wins over a typing error, as when messages were read from a
//! [`Params`](super::Params).

use std::borrow::Cow;

use super::error::{Encoding, NotifyError, NotifyErrorKind};
use super::options::{limit_error, NotifyOptions};
use crate::error::ValueError;
use crate::value::XmlValue;

/// The bytes that end a run of plain text in a pair: `&`, `=`, `%` and `+`.
const SPECIAL: [u8; 4] = [b'&', b'=', b'%', b'+'];

/// `0x01` in every byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of every byte of `word` that is zero, and perhaps of some bytes above a zero one
/// (a borrow runs on): the lowest bit set is always a zero byte's.
#[inline(always)]
fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & (ONES << 7)
}

/// The index of the first `&`, `=`, `%` or `+` in `bytes`, or its length: eight bytes at a time.
#[inline(always)]
fn find_special(bytes: &[u8]) -> usize {
    let found = |chunk: [u8; 8]| {
        let word = u64::from_le_bytes(chunk);
        let [a, b, c, d] = SPECIAL.map(|special| ONES * u64::from(special));
        zero_bytes(word ^ a) | zero_bytes(word ^ b) | zero_bytes(word ^ c) | zero_bytes(word ^ d)
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let found = found(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    // The last few bytes, padded with zeros (which are not special).
    let rest = chunks.remainder();
    let mut last = [0; 8];
    last.get_mut(..rest.len())
        .unwrap_or_default()
        .copy_from_slice(rest);
    let found = found(last);
    if found != 0 {
        at + (found.trailing_zeros() / 8) as usize
    } else {
        bytes.len()
    }
}

/// Decodes `input`, calling `each` with every pair's name and value in order; empty pairs
/// (`&&`) are skipped and a pair without `=` has an empty value.
///
/// `text` is `input` as a `&str` when it is known to be UTF-8 (a query string, or a body that
/// checked out as UTF-8): unescaped names and values are then borrowed without a second check.
/// Errors are the first of: the size limit; then, pair by pair, the parameter count limit, a bad
/// escape or non-UTF-8 bytes in the name, then in the value.
pub(crate) fn for_each_pair<'a>(
    input: &'a [u8],
    text: Option<&'a str>,
    encoding: Encoding,
    options: &NotifyOptions,
    mut each: impl FnMut(Cow<'a, str>, Cow<'a, str>),
) -> Result<(), NotifyError> {
    if input.len() > options.bytes_limit() {
        return Err(limit_error(
            encoding,
            "size in bytes",
            options.bytes_limit(),
        ));
    }
    let mut count = 0;
    let mut start = 0;
    loop {
        let mut end = start;
        let mut eq = None;
        let (mut name_escaped, mut value_escaped) = (false, false);
        loop {
            end += find_special(input.get(end..).unwrap_or_default());
            match input.get(end) {
                None | Some(b'&') => break,
                Some(b'=') => {
                    if eq.is_none() {
                        eq = Some(end);
                    }
                }
                Some(_) if eq.is_none() => name_escaped = true,
                Some(_) => value_escaped = true,
            }
            end += 1;
        }
        if end > start {
            if count >= options.params_limit() {
                return Err(limit_error(
                    encoding,
                    "parameter count",
                    options.params_limit(),
                ));
            }
            count += 1;
            let (name_end, value_start) = match eq {
                Some(eq) => (eq, eq + 1),
                None => (end, end),
            };
            let name = component(input, text, start..name_end, name_escaped, start, encoding)?;
            let value = component(
                input,
                text,
                value_start..end,
                value_escaped,
                start,
                encoding,
            )?;
            each(name, value);
        }
        if end >= input.len() {
            return Ok(());
        }
        start = end + 1;
    }
}

/// One name or value, `input[range]`: borrowed when `escaped` is false, else percent-decoded.
/// `pair` is where its pair starts (for the UTF-8 error).
#[inline(always)]
fn component<'a>(
    input: &'a [u8],
    text: Option<&'a str>,
    range: std::ops::Range<usize>,
    escaped: bool,
    pair: usize,
    encoding: Encoding,
) -> Result<Cow<'a, str>, NotifyError> {
    let offset = range.start;
    if !escaped {
        // The range starts and ends at ASCII delimiters (or the ends of the input), so it is on
        // character boundaries of `text`.
        if let Some(borrowed) = text.and_then(|text| text.get(range.clone())) {
            return Ok(Cow::Borrowed(borrowed));
        }
    }
    let bytes = input.get(range).unwrap_or_default();
    if escaped {
        decode(bytes, offset, pair, encoding).map(Cow::Owned)
    } else {
        checked(bytes, pair, encoding).map(Cow::Borrowed)
    }
}

/// `bytes` as a `&str`, for input not known to be UTF-8.
#[inline(never)]
fn checked(bytes: &[u8], pair: usize, encoding: Encoding) -> Result<&str, NotifyError> {
    std::str::from_utf8(bytes).map_err(|_| not_utf8(encoding, pair))
}

/// Percent-decodes `bytes` (`+` is a space), copying the runs between escapes whole. `offset`
/// is where `bytes` starts in the input, `pair` where its pair starts.
fn decode(
    bytes: &[u8],
    offset: usize,
    pair: usize,
    encoding: Encoding,
) -> Result<String, NotifyError> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    loop {
        let run = rest
            .iter()
            .position(|&b| b == b'%' || b == b'+')
            .unwrap_or(rest.len());
        let (plain, tail) = rest.split_at(run);
        out.extend_from_slice(plain);
        match tail {
            [] => break,
            [b'+', after @ ..] => {
                out.push(b' ');
                rest = after;
            }
            [_, after @ ..] => {
                let high = after.first().and_then(|&b| hex_value(b));
                let low = after.get(1).and_then(|&b| hex_value(b));
                match (high, low) {
                    (Some(high), Some(low)) => {
                        out.push((high << 4) | low);
                        rest = after.get(2..).unwrap_or_default();
                    }
                    _ => {
                        let at = bytes.len() - tail.len();
                        return Err(NotifyError::new(NotifyErrorKind::BadPercentEncoding {
                            encoding,
                            offset: offset + at,
                            found: String::from_utf8_lossy(&tail[..tail.len().min(3)]).into_owned(),
                        }));
                    }
                }
            }
        }
    }
    String::from_utf8(out).map_err(|_| not_utf8(encoding, pair))
}

fn not_utf8(encoding: Encoding, pair: usize) -> NotifyError {
    NotifyError::new(NotifyErrorKind::NotUtf8 {
        encoding,
        offset: pair,
    })
}

fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// A form body as a `&str`, when it is UTF-8 (and within the size limit: a larger one is refused
/// unread). Its plain names and values are then borrowed without checking each again.
pub(crate) fn form_text<'a>(body: &'a [u8], options: &NotifyOptions) -> Option<&'a str> {
    if body.len() > options.bytes_limit() {
        return None;
    }
    std::str::from_utf8(body).ok()
}

/// What a message has received of one parameter it reads: the first value and the first value
/// after it that differs (the same value twice is one value).
#[doc(hidden)] // generated code's runtime, reached through `notify::__private`
#[derive(Debug, Default)]
pub struct Slot<'a> {
    first: Option<Cow<'a, str>>,
    different: Option<Cow<'a, str>>,
}

#[doc(hidden)]
impl<'a> Slot<'a> {
    /// A parameter not received (yet).
    pub const EMPTY: Slot<'static> = Slot {
        first: None,
        different: None,
    };

    /// Records a value.
    #[inline]
    pub fn put(&mut self, value: Cow<'a, str>) {
        match &self.first {
            None => self.first = Some(value),
            Some(first) => {
                if self.different.is_none() && *first != value {
                    self.different = Some(value);
                }
            }
        }
    }

    /// Reads a required parameter, as [`Params::required`](super::Params::required).
    #[inline(always)]
    pub fn required<T: XmlValue>(self, name: &str) -> Result<T, NotifyError> {
        match self {
            Slot {
                first: Some(raw),
                different: None,
            } => typed(name, raw),
            Slot {
                first: Some(first),
                different: Some(second),
            } => Err(duplicate(name, first, second)),
            Slot { first: None, .. } => Err(missing(name, T::EXPECTED)),
        }
    }

    /// Reads an optional parameter, as [`Params::optional`](super::Params::optional).
    #[inline(always)]
    pub fn optional<T: XmlValue>(self, name: &str) -> Result<Option<T>, NotifyError> {
        match self {
            Slot { first: None, .. } => Ok(None),
            Slot {
                first: Some(raw),
                different: None,
            } => {
                if raw.is_empty() && T::EMPTY_IS_ABSENT {
                    Ok(None)
                } else {
                    typed(name, raw).map(Some)
                }
            }
            Slot {
                first: Some(first),
                different: Some(second),
            } => Err(duplicate(name, first, second)),
        }
    }
}

#[inline(always)]
fn typed<T: XmlValue>(name: &str, raw: Cow<'_, str>) -> Result<T, NotifyError> {
    T::from_decoded(raw).map_err(|(raw, err)| invalid(name, raw, &err))
}

#[cold]
#[inline(never)]
fn invalid(name: &str, raw: Cow<'_, str>, err: &ValueError) -> NotifyError {
    NotifyError::new(NotifyErrorKind::InvalidParam {
        name: name.to_owned(),
        raw: raw.into_owned(),
        expected: err.expected().to_owned(),
    })
}

#[cold]
#[inline(never)]
fn duplicate(name: &str, first: Cow<'_, str>, second: Cow<'_, str>) -> NotifyError {
    NotifyError::new(NotifyErrorKind::DuplicateParam {
        name: name.to_owned(),
        first: first.into_owned(),
        second: second.into_owned(),
    })
}

#[cold]
#[inline(never)]
fn missing(name: &str, expected: &str) -> NotifyError {
    NotifyError::new(NotifyErrorKind::MissingParam {
        name: name.to_owned(),
        expected: expected.to_owned(),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The byte-by-byte decoder `for_each_pair` replaced, unchanged: the reference it must agree
    /// with on every input.
    mod reference {
        use super::super::{hex_value, limit_error, Encoding, NotifyError, NotifyErrorKind};
        use crate::notify::NotifyOptions;

        pub(super) fn decode_urlencoded(
            input: &[u8],
            encoding: Encoding,
            options: &NotifyOptions,
        ) -> Result<Vec<(String, String)>, NotifyError> {
            if input.len() > options.bytes_limit() {
                return Err(limit_error(
                    encoding,
                    "size in bytes",
                    options.bytes_limit(),
                ));
            }
            let mut pairs = Vec::new();
            let mut offset = 0;
            for piece in input.split(|&b| b == b'&') {
                let start = offset;
                offset += piece.len() + 1;
                if piece.is_empty() {
                    continue;
                }
                if pairs.len() >= options.params_limit() {
                    return Err(limit_error(
                        encoding,
                        "parameter count",
                        options.params_limit(),
                    ));
                }
                let (name, value, value_start) = match piece.iter().position(|&b| b == b'=') {
                    Some(eq) => (&piece[..eq], &piece[eq + 1..], start + eq + 1),
                    None => (piece, &piece[piece.len()..], start + piece.len()),
                };
                let name = decode_component(name, start, start, encoding)?;
                let value = decode_component(value, value_start, start, encoding)?;
                pairs.push((name, value));
            }
            Ok(pairs)
        }

        fn decode_component(
            bytes: &[u8],
            offset: usize,
            pair: usize,
            encoding: Encoding,
        ) -> Result<String, NotifyError> {
            let mut out = Vec::with_capacity(bytes.len());
            let mut i = 0;
            while let Some(&byte) = bytes.get(i) {
                match byte {
                    b'+' => out.push(b' '),
                    b'%' => {
                        let high = bytes.get(i + 1).and_then(|&b| hex_value(b));
                        let low = bytes.get(i + 2).and_then(|&b| hex_value(b));
                        match (high, low) {
                            (Some(high), Some(low)) => {
                                out.push((high << 4) | low);
                                i += 2;
                            }
                            _ => {
                                let end = (i + 3).min(bytes.len());
                                return Err(NotifyError::new(
                                    NotifyErrorKind::BadPercentEncoding {
                                        encoding,
                                        offset: offset + i,
                                        found: String::from_utf8_lossy(&bytes[i..end]).into_owned(),
                                    },
                                ));
                            }
                        }
                    }
                    _ => out.push(byte),
                }
                i += 1;
            }
            String::from_utf8(out).map_err(|_| {
                NotifyError::new(NotifyErrorKind::NotUtf8 {
                    encoding,
                    offset: pair,
                })
            })
        }
    }

    /// Pairs, owned, and whether each name and value was borrowed.
    type Decoded = (Vec<(String, String)>, Vec<(bool, bool)>);

    /// Every pair `for_each_pair` gives, owned, and which of them it borrowed.
    fn fast(
        input: &[u8],
        text: Option<&str>,
        encoding: Encoding,
        options: &NotifyOptions,
    ) -> Result<Decoded, NotifyError> {
        let mut pairs = Vec::new();
        let mut borrowed = Vec::new();
        for_each_pair(input, text, encoding, options, |name, value| {
            borrowed.push((
                matches!(name, Cow::Borrowed(_)),
                matches!(value, Cow::Borrowed(_)),
            ));
            pairs.push((name.into_owned(), value.into_owned()));
        })?;
        Ok((pairs, borrowed))
    }

    /// Checks `for_each_pair` against the reference on `input`, as a query string (when UTF-8)
    /// and as a form body (with and without the UTF-8 view), and that it borrowed exactly the
    /// names and values without `%` or `+`.
    fn agrees(input: &[u8], options: &NotifyOptions) -> Result<(), TestCaseError> {
        let mut runs = vec![(Encoding::Form, None)];
        if let Ok(text) = std::str::from_utf8(input) {
            runs.push((Encoding::Query, Some(text)));
            runs.push((Encoding::Form, Some(text)));
        }
        for (encoding, text) in runs {
            let expected = reference::decode_urlencoded(input, encoding, options);
            let got = fast(input, text, encoding, options);
            match (&got, &expected) {
                (Ok((pairs, borrowed)), Ok(want)) => {
                    prop_assert_eq!(pairs, want, "{:?} ({:?})", input, encoding);
                    let pieces = input.split(|&b| b == b'&').filter(|p| !p.is_empty());
                    for (piece, &(name, value)) in pieces.zip(borrowed) {
                        let eq = piece.iter().position(|&b| b == b'=');
                        let (n, v) = piece.split_at(eq.unwrap_or(piece.len()));
                        let plain = |s: &[u8]| !s.iter().any(|&b| b == b'%' || b == b'+');
                        prop_assert_eq!(name, plain(n), "name of {:?}", piece);
                        prop_assert_eq!(value, plain(v.get(1..).unwrap_or_default()));
                    }
                }
                (Err(got), Err(want)) => prop_assert_eq!(got, want, "{:?}", input),
                _ => prop_assert!(
                    false,
                    "{:?} ({:?}): fast {:?}, reference {:?}",
                    input,
                    encoding,
                    got,
                    expected
                ),
            }
        }
        Ok(())
    }

    #[test]
    fn table() {
        let options = NotifyOptions::default();
        let inputs: &[&[u8]] = &[
            b"",
            b"&",
            b"&&a&=x&b=",
            b"a",
            b"=",
            b"==",
            b"a==b",
            b"a=1&a=1&a=2",
            b"appid=a1&digits=12345678%23&result=0",
            b"from=%E5%BC%A0+san&to=+&x=%2B%26%3D",
            b"a=%",
            b"a=%2",
            b"a=%zz",
            b"a=1%2",
            b"%=1",
            b"a%zz=%FF",
            b"a%FF=%zz",
            b"a=%FF",
            b"a=%E5%BC",
            b"\xe5%BC%A0=1",
            b"a=\xe5%BC%A0",
            b"a=\xff",
            b"a=\xff%",
            b"\xff=1",
            b"a=1&\xff",
            b"+=+&++",
            "中=文&文+中=中%20".as_bytes(),
            b"a=1&b=2&c=3&d=4&e=5",
            b"appid=ff8080813f84717a013f847540ef0000&callid=17092716390803280001000400011fab",
            b"0123456=01234567&01234567=0123456&012345678901234567890123=%41&b=012345678901234%2",
            b"userdata=0123456789abcdef0123456789abcdef%3D%3D+&from=0123456789abcdef0123\xff",
        ];
        for input in inputs {
            agrees(input, &options).unwrap();
            agrees(input, &NotifyOptions::default().max_params(2)).unwrap();
            agrees(input, &NotifyOptions::default().max_bytes(4)).unwrap();
        }
    }

    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            3 => "[a-z0-9]{1,3}".prop_map(String::into_bytes).boxed(),
            1 => "[a-z0-9]{4,24}".prop_map(String::into_bytes).boxed(),
            2 => Just(b"&".to_vec()).boxed(),
            2 => Just(b"=".to_vec()).boxed(),
            1 => Just(b"+".to_vec()).boxed(),
            2 => "%[0-9a-fA-F]{2}".prop_map(String::into_bytes).boxed(),
            1 => "%[0-9a-zA-Z%]{0,2}".prop_map(String::into_bytes).boxed(),
            1 => "%[eE][0-9a-fA-F]%[89abAB][0-9a-fA-F]%[89abAB][0-9a-fA-F]"
                .prop_map(String::into_bytes)
                .boxed(),
            1 => "[中 #]".prop_map(String::into_bytes).boxed(),
            1 => prop::collection::vec(any::<u8>(), 1..3).boxed(),
            1 => prop::sample::select(vec![0xe5u8, 0xbc, 0xa0, 0xff, 0x80]).prop_map(|b| vec![b]).boxed(),
        ];
        prop::collection::vec(piece, 0..20).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn agrees_with_the_reference(input in bytes(), max_params in 1usize..8, max_bytes in 0usize..64) {
            agrees(&input, &NotifyOptions::default())?;
            agrees(&input, &NotifyOptions::default().max_params(max_params).max_bytes(max_bytes))?;
        }
    }
}
