//! Where: line:column positions, and turning byte offsets into them.

use std::fmt;

/// A position in a parsed document, 1-based, with the column counted in characters.
///
/// ```
/// use ivr_xml::Position;
/// let at = Position::from_offset("<Response>\n  <Foo/>", 13);
/// assert_eq!((at.line, at.column), (2, 3));
/// assert_eq!(at.to_string(), "2:3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Position {
    /// Line number, starting at 1.
    pub line: u32,
    /// Column number in characters, starting at 1.
    pub column: u32,
}

impl Position {
    /// Computes the line and column of a byte offset into `source`.
    ///
    /// Offsets past the end, or inside a character, are clamped to the nearest character start.
    ///
    /// ```
    /// use ivr_xml::Position;
    /// let pos = Position::from_offset("<a>\n  <b/>", 6);
    /// assert_eq!((pos.line, pos.column), (2, 3));
    /// ```
    ///
    /// This scans `source` up to `offset`; to locate many offsets in one document, the parser and
    /// the validator use one locator per document, which costs time linear in the document.
    pub fn from_offset(source: &str, offset: usize) -> Position {
        Locator::new(source).position(offset)
    }
}

/// Turns byte offsets of one document into line:column positions.
///
/// It remembers the last position it computed and counts on from there, so locating findings in
/// document order costs time linear in the document, not in documents times findings (a
/// megabyte of unknown elements on one line would otherwise cost minutes). An offset before the
/// previous one counts again from the start.
#[derive(Debug)]
pub(crate) struct Locator<'s> {
    source: &'s str,
    /// The last offset located (a character boundary), with its line and column.
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'s> Locator<'s> {
    pub(crate) fn new(source: &'s str) -> Locator<'s> {
        Locator {
            source,
            last: std::cell::Cell::new((0, 1, 1)),
        }
    }

    /// The document being located into.
    pub(crate) fn source(&self) -> &'s str {
        self.source
    }

    /// The line and column of `offset`, clamped to the nearest character start at or before it.
    pub(crate) fn position(&self, offset: usize) -> Position {
        let source = self.source;
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let (from, mut line, mut column) = match self.last.get() {
            last @ (from, _, _) if from <= offset => last,
            _ => (0, 1, 1),
        };
        let between = source.get(from..offset).unwrap_or("");
        match between.rfind('\n') {
            Some(last_newline) => {
                line += between.bytes().filter(|&b| b == b'\n').count();
                column = between[last_newline + 1..].chars().count() + 1;
            }
            None => column += between.chars().count(),
        }
        self.last.set((offset, line, column));
        Position {
            line: saturate(line),
            column: saturate(column),
        }
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}
