//! The platform rules' conditions on the fast path: what `judge/rules.rs` could report, gathered
//! while reading a `<Response>`, so that the fast path bails out wherever a rule could fire.
//! Each condition is the rule's own or wider; the names come from the judge ([`RuleNames`]).

use std::sync::OnceLock;

use crate::rulebook::{Level, Policy, Rule};

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
}

impl RuleState {
    pub(super) fn new(policy: &Policy, names: &'static RuleNames) -> RuleState {
        static UNFILLED_PLACEHOLDER: OnceLock<Option<&'static Rule>> = OnceLock::new();
        let ivr209 = UNFILLED_PLACEHOLDER.get_or_init(|| Rule::find("IVR209"));
        RuleState {
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

    /// An element opens at `depth` (the root at 0): the rules on the commands' order and on
    /// the elements known from field evidence.
    pub(super) fn element(&mut self, depth: usize, name: &str, empty: bool) -> Result<(), Bail> {
        if (self.names.field_evidence)(name, None) {
            return Err(Bail); // IVR110
        }
        match depth {
            1 => {
                let index = self.commands;
                self.commands += 1;
                // IVR201 (main only), IVR202 (after a terminal command), IVR210 (a main
                // `<Redirect>`), IVR211 (two callbacks).
                if (index > 0 && self.names.main_only.contains(&name))
                    || self.terminal_seen
                    || (index == 0 && name == "Redirect")
                {
                    return Err(Bail);
                }
                if self.names.reports_back.contains(&name) {
                    self.callbacks += 1;
                    if self.callbacks > 1 {
                        return Err(Bail);
                    }
                }
                if self.names.ends_flow.contains(&name) {
                    self.terminal_seen = true;
                    self.terminal_in_subs |= index > 0;
                }
                self.cmd_none |= name == "CmdNone";
                if index == 0 {
                    self.main_needs_failure_path = self.names.wants_failure_path.contains(&name);
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
    /// commands and prompts).
    pub(super) fn attribute(
        &self,
        element: &str,
        name: &str,
        value: &str,
        field_evidence: bool,
    ) -> Result<(), Bail> {
        let fires = (field_evidence && (self.names.field_evidence)(element, Some(name))) // IVR111
            || ((self.names.url_attributes)().contains(&name) && url_could_fire(value)) // IVR208, IVR213
            || (self.placeholders && value.contains('$')) // IVR209
            || (element == "JoinConf" && name == "confid" && value.trim().is_empty()) // IVR214
            || (element == "PlayMix" && name == "type" && value.bytes().any(|b| b != b'4' && b != b'0')); // IVR206
        match fires {
            true => Err(Bail),
            false => Ok(()),
        }
    }

    /// The rules on a text command's text: IVR214 (empty), IVR212 (whitespace around it),
    /// IVR208/IVR213 (a `<Redirect>`'s URL), IVR209 (a placeholder).
    pub(super) fn text(&self, element: &str, text: &str) -> Result<(), Bail> {
        if !(self.names.is_text_command)(element) {
            return Ok(());
        }
        let trimmed = text.trim();
        if trimmed.is_empty()
            || trimmed.len() != text.len()
            || (element == "Redirect" && url_could_fire(trimmed))
            || (self.placeholders && text.contains('$'))
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
/// anything outside printable ASCII or one of the characters it names, or a scheme.
fn url_could_fire(url: &str) -> bool {
    let scheme = |scheme: &str| {
        url.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    };
    scheme("http://")
        || scheme("https://")
        || url.bytes().any(|b| {
            !(0x21..0x7f).contains(&b)
                || matches!(
                    b,
                    b'#' | b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}'
                )
        })
}
