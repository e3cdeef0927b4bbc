//! The excerpt of a source line a finding shows (a bounded window, invisible characters
//! escaped) and the shortening of messages, paths and codes.

use std::fmt::Write as _;

use super::{ELLIPSIS, TAB, WINDOW_COLUMNS};

/// The part of a source line shown, and where the carets go under it.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Excerpt {
    /// The window of the line, characters shown as [`push_display`] does, `...` where it was cut.
    pub(super) text: String,
    /// The culprit's bytes within `text` (empty at the end of the line: one caret after it).
    pub(super) culprit: std::ops::Range<usize>,
}

impl Excerpt {
    /// The line of `source` holding `offset`, cut to a window of at most [`WINDOW_COLUMNS`]
    /// around it. Looks at no more than the window's characters on either side.
    pub(super) fn new(source: &str, offset: usize, len: usize) -> Excerpt {
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
pub(super) fn width(c: char) -> usize {
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
pub(super) fn is_hidden(c: char) -> bool {
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
pub(super) fn escape_len(c: char) -> usize {
    let digits = (32 - (c as u32 | 1).leading_zeros()).div_ceil(4) as usize;
    4 + digits
}

pub(super) fn push_display(out: &mut String, c: char) {
    if c == '\t' {
        out.push_str(TAB);
    } else if is_hidden(c) {
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    } else {
        out.push(c);
    }
}

/// `text` with hidden characters escaped, a tab as `\t`.
pub(super) fn escape(text: &str) -> String {
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
pub(super) fn shorten(text: &str, max: usize) -> String {
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
pub(super) fn floor_boundary(text: &str, offset: usize) -> usize {
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
