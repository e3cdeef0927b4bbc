//! The platform rules' conditions on the fast path: what `judge/rules.rs` could report, gathered
//! while reading a `<Response>`, so that the fast path bails out wherever a rule could fire.
//! Each condition is the rule's own or wider; the names come from the judge ([`RuleNames`]).

use std::sync::OnceLock;

use crate::rulebook::{Level, Policy, Rule};

use super::scan::{has_scheme, DOLLAR, URL};
use super::Bail;

/// What the platform rules know of the commands, as the judge (above the model in the module
/// layers) hands it in: the fast path asks these, never a list of its own.
#[derive(Debug)]
pub(crate) struct RuleNames {
    /// Commands that can only be the main command (IVR201).
    pub(crate) main_only: &'static [&'static str],
    /// Commands whose completion requests a URL (IVR211).
    pub(crate) reports_back: &'static [&'static str],
    /// Commands after which nothing runs (IVR202, IVR210).
    pub(crate) ends_flow: &'static [&'static str],
    /// Callback commands whose failure path IVR205 asks for.
    pub(crate) wants_failure_path: &'static [&'static str],
    /// Whether an element (attribute `None`) or an attribute is known from field evidence only
    /// (IVR110, IVR111).
    pub(crate) field_evidence: fn(&str, Option<&str>) -> bool,
    /// Whether some field-evidence attribute belongs to this element.
    pub(crate) field_evidence_element: fn(&str) -> bool,
    /// The attributes holding relative URLs (IVR208, IVR213).
    pub(crate) url_attributes: fn() -> &'static [&'static str],
    /// Whether a command's text is a file name, text or URL (IVR212, IVR214).
    pub(crate) is_text_command: fn(&str) -> bool,
    /// The element names worth a row in the table of [`Flags`] (the commands'): any other
    /// name's flags are computed when it is met, by the same functions.
    pub(crate) elements: fn() -> Vec<&'static str>,
    /// The table of the `elements`' [`Flags`], made the first time it is needed.
    pub(crate) table: FlagTable,
}

/// The table of [`Flags`] a [`RuleNames`] keeps, made the first time it is needed.
#[derive(Debug)]
pub(crate) struct FlagTable(OnceLock<Table>);

impl FlagTable {
    /// A table not made yet.
    pub(crate) const fn new() -> FlagTable {
        FlagTable(OnceLock::new())
    }
}

/// What the lists and functions of [`RuleNames`] say of one element name, asked once per element
/// (the rules' conditions asked them again for the element, each attribute and the text: a
/// scan of string comparisons each).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Flags(u8);

impl Flags {
    /// Known from field evidence only (IVR110).
    const FIELD_ELEMENT: u8 = 1;
    /// Has an attribute known from field evidence only (IVR111).
    const FIELD_ATTRIBUTES: u8 = 1 << 1;
    const MAIN_ONLY: u8 = 1 << 2;
    const REPORTS_BACK: u8 = 1 << 3;
    const ENDS_FLOW: u8 = 1 << 4;
    const WANTS_FAILURE_PATH: u8 = 1 << 5;
    const TEXT_COMMAND: u8 = 1 << 6;

    /// The flags of `name`, from the judge's lists and functions.
    fn compute(names: &RuleNames, name: &str) -> Flags {
        let bit = |set: bool, bit: u8| if set { bit } else { 0 };
        Flags(
            bit((names.field_evidence)(name, None), Flags::FIELD_ELEMENT)
                | bit(
                    (names.field_evidence_element)(name),
                    Flags::FIELD_ATTRIBUTES,
                )
                | bit(names.main_only.contains(&name), Flags::MAIN_ONLY)
                | bit(names.reports_back.contains(&name), Flags::REPORTS_BACK)
                | bit(names.ends_flow.contains(&name), Flags::ENDS_FLOW)
                | bit(
                    names.wants_failure_path.contains(&name),
                    Flags::WANTS_FAILURE_PATH,
                )
                | bit((names.is_text_command)(name), Flags::TEXT_COMMAND),
        )
    }

    fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }

    /// Whether the element's text is a file name, text or URL (IVR212, IVR214).
    pub(super) fn text_command(self) -> bool {
        self.has(Flags::TEXT_COMMAND)
    }
}

/// What the platform rules' conditions need, gathered while reading a `<Response>`.
#[derive(Debug)]
pub(super) struct RuleState {
    pub(super) names: &'static RuleNames,
    /// Whether IVR209 (unfilled `$placeholders`) is kept by the policy (allowed by default).
    placeholders: bool,
    commands: usize,
    terminal_seen: bool,
    terminal_in_subs: bool,
    cmd_none: bool,
    callbacks: usize,
    main_needs_failure_path: bool,
    /// Inside a `<Get>` command: its prompts so far.
    get_prompts: Option<usize>,
    /// [`Flags`] of the [`RuleNames::elements`].
    table: &'static Table,
}

/// The [`Flags`] of the [`RuleNames::elements`], found by a hash of a name's length and end
/// bytes (a binary search by name cost more than the rest of the rules' work on an element).
#[derive(Debug)]
struct Table {
    /// Sorted by length, then bytes.
    rows: Vec<(&'static str, Flags)>,
    /// By [`bucket`]: [`EMPTY`], [`SHARED`] (a binary search of `rows` decides) or a row's index.
    buckets: [u8; 256],
}

const EMPTY: u8 = u8::MAX;
const SHARED: u8 = u8::MAX - 1;

fn bucket(name: &str) -> usize {
    let bytes = name.as_bytes();
    let (first, last) = match bytes {
        [first, .., last] => (*first, *last),
        [only] => (*only, *only),
        [] => (0, 0),
    };
    (bytes.len().wrapping_mul(31) ^ usize::from(first).wrapping_mul(7) ^ usize::from(last)) & 0xFF
}

impl RuleState {
    pub(super) fn new(policy: &Policy, names: &'static RuleNames) -> RuleState {
        static UNFILLED_PLACEHOLDER: OnceLock<Option<&'static Rule>> = OnceLock::new();
        let ivr209 = UNFILLED_PLACEHOLDER.get_or_init(|| Rule::find("IVR209"));
        // Made once per process (the judge's `RuleNames` is a static).
        let table = names.table.0.get_or_init(|| {
            let mut rows: Vec<(&'static str, Flags)> = (names.elements)()
                .into_iter()
                .map(|name| (name, Flags::compute(names, name)))
                .collect();
            rows.sort_unstable_by(|a, b| by_length(a.0, b.0));
            rows.dedup_by(|a, b| a.0 == b.0);
            let mut buckets = [EMPTY; 256];
            for (index, (name, _)) in rows.iter().enumerate() {
                let slot = &mut buckets[bucket(name)];
                *slot = match (*slot, u8::try_from(index)) {
                    (EMPTY, Ok(index)) if index < SHARED => index,
                    _ => SHARED,
                };
            }
            Table { rows, buckets }
        });
        RuleState {
            table,
            // Unknown rule (cannot happen): keep looking for placeholders.
            placeholders: ivr209.is_none_or(|rule| policy.level_of(rule) != Level::Allow),
            names,
            commands: 0,
            terminal_seen: false,
            terminal_in_subs: false,
            cmd_none: false,
            callbacks: 0,
            main_needs_failure_path: false,
            get_prompts: None,
        }
    }

    /// The [`Flags`] of an element's name.
    pub(super) fn flags(&self, name: &str) -> Flags {
        let rows = &self.table.rows;
        let row = match self.table.buckets[bucket(name)] {
            EMPTY => None,
            SHARED => rows.binary_search_by(|(row, _)| by_length(row, name)).ok(),
            index => Some(usize::from(index)).filter(|&i| rows.get(i).is_some_and(|r| r.0 == name)),
        };
        match row.and_then(|i| rows.get(i)) {
            Some((_, flags)) => *flags,
            // Not a command (the root, say): asked of the lists themselves.
            None => Flags::compute(self.names, name),
        }
    }

    /// An element opens at `depth` (the root at 0): the rules on the commands' order and on
    /// the elements known from field evidence.
    pub(super) fn element(
        &mut self,
        depth: usize,
        name: &str,
        flags: Flags,
        empty: bool,
    ) -> Result<(), Bail> {
        if flags.has(Flags::FIELD_ELEMENT) {
            return Err(Bail); // IVR110
        }
        match depth {
            1 => {
                let index = self.commands;
                self.commands += 1;
                // IVR201 (main only), IVR202 (after a terminal command), IVR210 (a main
                // `<Redirect>`), IVR211 (two callbacks).
                if (index > 0 && flags.has(Flags::MAIN_ONLY))
                    || self.terminal_seen
                    || (index == 0 && name == "Redirect")
                {
                    return Err(Bail);
                }
                if flags.has(Flags::REPORTS_BACK) {
                    self.callbacks += 1;
                    if self.callbacks > 1 {
                        return Err(Bail);
                    }
                }
                if flags.has(Flags::ENDS_FLOW) {
                    self.terminal_seen = true;
                    self.terminal_in_subs |= index > 0;
                }
                self.cmd_none |= name == "CmdNone";
                if index == 0 {
                    self.main_needs_failure_path = flags.has(Flags::WANTS_FAILURE_PATH);
                }
                if name == "Get" {
                    if empty {
                        return Err(Bail); // IVR207: no prompt
                    }
                    self.get_prompts = Some(0);
                }
            }
            2 => {
                if let Some(prompts) = &mut self.get_prompts {
                    *prompts += usize::from(matches!(name, "Play" | "PlayTTS"));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A command (an element at depth 1) closes: IVR207, a `<Get>` with other than one prompt.
    pub(super) fn command_closed(&mut self) -> Result<(), Bail> {
        match self.get_prompts.take() {
            Some(1) | None => Ok(()),
            Some(_) => Err(Bail),
        }
    }

    /// The rules on an attribute's value (at any depth: wider than the rules, which look at
    /// commands and prompts); `class` is the value's [`classify`](super::scan::classify).
    pub(super) fn attribute(
        &self,
        element: &str,
        flags: Flags,
        name: &str,
        value: &str,
        class: u8,
    ) -> Result<(), Bail> {
        let fires = (flags.has(Flags::FIELD_ATTRIBUTES) && (self.names.field_evidence)(element, Some(name))) // IVR111
            || (url_could_fire(value, class) && (self.names.url_attributes)().contains(&name)) // IVR208, IVR213
            || (self.placeholders && class & DOLLAR != 0) // IVR209
            || (element == "JoinConf" && name == "confid" && value.trim().is_empty()) // IVR214
            || (element == "PlayMix" && name == "type" && value.bytes().any(|b| b != b'4' && b != b'0')); // IVR206
        match fires {
            true => Err(Bail),
            false => Ok(()),
        }
    }

    /// The rules on a text command's text: IVR214 (empty), IVR212 (whitespace around it),
    /// IVR208/IVR213 (a `<Redirect>`'s URL), IVR209 (a placeholder); `class` is the text's
    /// [`classify`](super::scan::classify).
    pub(super) fn text(
        &self,
        element: &str,
        flags: Flags,
        text: &str,
        class: u8,
    ) -> Result<(), Bail> {
        if !flags.text_command() {
            return Ok(());
        }
        // `trim` removes the characters `char::is_whitespace` takes: the text is trimmed (or
        // empty) exactly when its first or last character is one. An ASCII end byte is a
        // whole character, looked at without decoding.
        let padded = |byte: Option<&u8>, c: fn(&str) -> Option<char>| match byte {
            None => true,
            Some(b) if b.is_ascii() => char::from(*b).is_whitespace(),
            Some(_) => c(text).is_none_or(char::is_whitespace),
        };
        let bytes = text.as_bytes();
        if padded(bytes.first(), |t| t.chars().next())
            || padded(bytes.last(), |t| t.chars().next_back())
            || (element == "Redirect" && url_could_fire(text, class))
            || (self.placeholders && class & DOLLAR != 0)
        {
            return Err(Bail);
        }
        Ok(())
    }

    /// At the end of the document: IVR204 (no command), IVR203 (`<CmdNone/>` not alone), IVR205
    /// (no failure path).
    pub(super) fn finish(&self) -> Result<(), Bail> {
        if self.commands == 0
            || (self.cmd_none && self.commands > 1)
            || (self.main_needs_failure_path && !self.terminal_in_subs)
        {
            return Err(Bail);
        }
        Ok(())
    }
}

/// Whether `check_url` could report the URL (IVR213 absolute, IVR208 a character to encode):
/// anything outside printable ASCII or one of the characters it names (the [`URL`] class), or
/// a scheme.
fn url_could_fire(url: &str, class: u8) -> bool {
    class & URL != 0 || has_scheme(url)
}

/// Names ordered by length, then bytes: a name's length rules most rows out at once.
fn by_length(a: &str, b: &str) -> std::cmp::Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| a.as_bytes().cmp(b.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    static NAMES: RuleNames = RuleNames {
        main_only: &["JoinConf", "CreateConf"],
        reports_back: &["Get", "Record"],
        ends_flow: &["Hangup", "Redirect"],
        wants_failure_path: &["Get"],
        field_evidence: |element, attribute| match attribute {
            None => element == "ConsultationCall",
            Some(attribute) => element == "PlayTTS" && attribute == "loop",
        },
        field_evidence_element: |element| element == "PlayTTS",
        url_attributes: || &["action"],
        is_text_command: |name| matches!(name, "Play" | "PlayTTS" | "Redirect"),
        elements: || {
            let mut names = vec!["Play", "PlayTTS", "Get", "Record", "Hangup", "Redirect"];
            names.extend([
                "JoinConf",
                "CreateConf",
                "ConsultationCall",
                "CmdNone",
                "Dial",
            ]);
            // Names that share a bucket, and a repeated one.
            names.extend(["Pa", "aP", "Play"]);
            names
        },
        table: FlagTable::new(),
    };

    /// A text command's text bails out exactly when IVR212/IVR214 could fire: when `trim`
    /// changes it or it is empty (ends looked at byte-wise when ASCII).
    #[test]
    fn padded_text_is_what_trim_changes() {
        let state = RuleState::new(&Policy::new(), &NAMES);
        let flags = state.flags("Play");
        for text in [
            "",
            "a",
            " a",
            "a ",
            "\ta",
            "a\n",
            "\u{b}a",
            "a\u{c}",
            "\u{3000}a",
            "a\u{85}",
            "\u{a0}",
            "中",
            "a中",
            "中 ",
            "a b",
            "\u{1f}a",
        ] {
            let fires = text.is_empty() || text.trim() != text;
            let class = super::super::scan::classify(text.as_bytes());
            assert_eq!(
                state.text("Play", flags, text, class).is_err(),
                fires,
                "{text:?}"
            );
        }
    }

    /// Looked up in the table or not, a name's flags are what the lists and functions say.
    #[test]
    fn the_table_gives_what_the_lists_say() {
        let state = RuleState::new(&Policy::new(), &NAMES);
        let mut names = (NAMES.elements)();
        names.extend(["Response", "", "P", "Plax", "play", "PlayTTSx", "Getx"]);
        for name in names {
            assert_eq!(state.flags(name), Flags::compute(&NAMES, name), "{name:?}");
        }
        assert!(state.flags("Play").text_command() && !state.flags("Get").text_command());
        assert_eq!(
            state.flags("Get").0,
            Flags::REPORTS_BACK | Flags::WANTS_FAILURE_PATH
        );
        assert!(state.table.buckets.contains(&SHARED) || bucket("Pa") != bucket("aP"));
    }
}
