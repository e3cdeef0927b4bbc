//! The rule catalogue: every finding the validator can report, with its evidence and examples.

use super::{Level, Severity};

/// One rule: its stable code, name, severity, why it exists, on what evidence, and a bad and a
/// good example (each is tested: the bad one is reported, the good one is not).
///
/// ```
/// use ivr_xml::policy::Level;
/// use ivr_xml::validate::{validate, Rule, Severity};
/// let rule = Rule::find("IVR201").unwrap();
/// assert_eq!((rule.name, rule.severity, rule.level), ("main-only", Severity::Error, Level::Deny));
/// // Its examples: the bad one is reported, the good one is not.
/// assert!(validate(rule.bad).iter().any(|d| d.code == rule.code));
/// assert!(validate(rule.good).iter().all(|d| d.code != rule.code));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rule {
    /// Stable code, like `IVR201`.
    pub code: &'static str,
    /// Short kebab-case name, like `main-only`.
    pub name: &'static str,
    /// Error only where official or guide text, or XML itself, rules a thing out; otherwise a
    /// warning (spec §0.4).
    pub severity: Severity,
    /// The level a [`Policy`](crate::policy::Policy) gives the rule unless told otherwise: that
    /// of its severity, except for the optional lints that are allowed by default.
    pub level: Level,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// Why it matters.
    pub rationale: &'static str,
    /// The evidence behind it, with the spec's tags.
    pub evidence: &'static str,
    /// How to fix a finding.
    pub help: &'static str,
    /// A document the rule reports.
    pub bad: &'static str,
    /// The same document, fixed.
    pub good: &'static str,
}

impl Rule {
    /// The rule with this code (`IVR201`) or name (`main-only`), in any letter case.
    ///
    /// ```
    /// use ivr_xml::validate::Rule;
    /// assert_eq!(Rule::find("ivr201").unwrap().name, "main-only");
    /// assert_eq!(Rule::find("main-only").unwrap().code, "IVR201");
    /// assert!(Rule::find("IVR999").is_none());
    /// ```
    pub fn find(code_or_name: &str) -> Option<&'static Rule> {
        // The parser and the rules look codes up as the catalogue spells them, once per
        // finding: an exact comparison first, the case-insensitive one for what users type.
        if let Some(rule) = RULES.iter().find(|rule| rule.code == code_or_name) {
            return Some(rule);
        }
        RULES.iter().find(|rule| {
            rule.code.eq_ignore_ascii_case(code_or_name)
                || rule.name.eq_ignore_ascii_case(code_or_name)
        })
    }

    /// The rule's full explanation, as `ivr-xml explain` prints it.
    ///
    /// ```
    /// use ivr_xml::validate::Rule;
    /// let text = Rule::find("main-only").unwrap().explain();
    /// assert!(text.starts_with("IVR201 main-only (error, default level deny)\n"), "{text}");
    /// assert!(text.contains("\nFix: "));
    /// ```
    pub fn explain(&self) -> String {
        format!(
            "{code} {name} ({severity}, default level {level})\n\n{summary}\n\nWhy: {rationale}\nEvidence: {evidence}\nFix: {help}\n\nReported:\n{bad}\n\nNot reported:\n{good}\n",
            code = self.code,
            name = self.name,
            severity = self.severity,
            level = self.level,
            summary = self.summary,
            rationale = self.rationale,
            evidence = self.evidence,
            help = self.help,
            bad = indent(self.bad),
            good = indent(self.good),
        )
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

const DEEP: &str = "<Response><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get><Get/></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Get></Response>";

/// Every rule, by code.
///
/// ```
/// use ivr_xml::validate::{Rule, RULES};
/// assert_eq!(RULES[0].code, "IVR001");
/// assert!(RULES.windows(2).all(|pair| pair[0].code < pair[1].code)); // by code, no duplicates
/// assert!(RULES.iter().all(|rule| Rule::find(rule.name) == Some(rule)));
/// ```
pub const RULES: &[Rule] = &[
    Rule {
        code: "IVR001",
        name: "not-well-formed",
        severity: Severity::Error,
        level: Level::of(Severity::Error),
        summary: "The text is not well-formed XML (syntax, tags, attributes, declaration, UTF-8).",
        rationale: "The platform parses answers as XML; a malformed one cannot run.",
        evidence: "XML 1.0; every documented answer is well-formed [official] [guide].",
        help: "Fix the XML at the position shown.",
        bad: "<Response>\n    <Play>a.wav</Play>\n    <Hangup>\n</Response>",
        good: "<Response>\n    <Play>a.wav</Play>\n    <Hangup/>\n</Response>",
    },
    Rule {
        code: "IVR002",
        name: "doctype",
        severity: Severity::Error,
        level: Level::of(Severity::Error),
        summary: "A `<!DOCTYPE>` declaration.",
        rationale: "Entities are never defined or expanded (no billion laughs); no documented answer has one.",
        evidence: "Library rule (spec §1.3); no DOCTYPE appears in any source [official] [guide].",
        help: "Remove the DOCTYPE; use the five predefined entities or character references.",
        bad: "<!DOCTYPE Response>\n<Response><CmdNone/></Response>",
        good: "<Response><CmdNone/></Response>",
    },
    Rule {
        code: "IVR003",
        name: "encoding",
        severity: Severity::Error,
        level: Level::of(Severity::Error),
        summary: "The declaration names an encoding other than UTF-8.",
        rationale: "UTF-8 is the only encoding any source shows.",
        evidence: "Encoding is always UTF-8 [official] [guide] (spec §1.3, §1.6).",
        help: "Write the document in UTF-8 and declare `encoding='UTF-8'`.",
        bad: "<?xml version='1.0' encoding='GBK'?>\n<Response><CmdNone/></Response>",
        good: "<?xml version='1.0' encoding='UTF-8'?>\n<Response><CmdNone/></Response>",
    },
    Rule {
        code: "IVR004",
        name: "wrong-root",
        severity: Severity::Error,
        level: Level::of(Severity::Error),
        summary: "The commands are not wrapped in `<Response>`: a bare command sequence, or another root.",
        rationale: "Every answer is one `<Response>` of commands; whether the platform takes a bare command is unknown. The lenient parser reads a bare sequence into a `Response` (with this finding).",
        evidence: "Every command example has the root `<Response>` [official] [guide]; bare fragments are seen once, through a helper whose code is not public [field] (spec §1.2, §8).",
        help: "Wrap the commands in `<Response>` ... `</Response>`.",
        bad: "<Hangup/>",
        good: "<Response><Hangup/></Response>",
    },
    Rule {
        code: "IVR005",
        name: "limit-exceeded",
        severity: Severity::Error,
        level: Level::of(Severity::Error),
        summary: "The document exceeds a parser limit (size, depth, attributes, elements).",
        rationale: "Untrusted input is bounded; documented answers are tiny.",
        evidence: "Library rule: default limits 1 MiB, depth 32, 64 attributes, 100,000 elements.",
        help: "Split or simplify the document.",
        bad: DEEP,
        good: "<Response><Get><Play>a.wav</Play></Get></Response>",
    },
    Rule {
        code: "IVR101",
        name: "unknown-element",
        severity: Severity::Error,
        level: Level::of(Severity::Error),
        summary: "An element no source and no project setting names (most often a typo); the lenient parser keeps it raw.",
        rationale: "A misspelt command is the most common mistake and the platform cannot run it; commands whose names are undocumented (录音, 发送DTMF, ...) are not guessed, so a project that uses one names it.",
        evidence: "Names are written exactly [official] [guide]; no source names any other element (spec §1.2, §2.12, §0.4).",
        help: "Check the name's spelling and case; a command of your own: name it under `[names] commands` in ivr-xml.toml or with `Policy::command` (or allow IVR101).",
        bad: "<Response>\n    <Hnagup/>\n</Response>",
        good: "<Response>\n    <Hangup/>\n</Response>",
    },
    Rule {
        code: "IVR102",
        name: "unknown-attribute",
        severity: Severity::Error,
        level: Level::of(Severity::Error),
        summary: "An attribute no source and no project setting names on a known command (most often a typo); the lenient parser keeps it raw.",
        rationale: "A misspelt attribute (`numdigit`, `timout`) is silently ignored by the platform, which then uses its default; attributes seen in field code are recognised (IVR111), and a project names its own extensions.",
        evidence: "The attribute tables of `<Get>`, `<Play>`, `<CreateConf>` [official] and the examples [guide]; no source names any other (spec §0.3, §0.4).",
        help: "Check the attribute's spelling against the command's documented attributes; an extension: name it under `[names] attributes` in ivr-xml.toml or with `Policy::attribute` (or allow IVR102).",
        bad: "<Response>\n    <Get action='firstget' numdigit='1'>\n        <Play>menu.wav</Play>\n    </Get>\n    <Hangup/>\n</Response>",
        good: "<Response>\n    <Get action='firstget' numdigits='1'>\n        <Play>menu.wav</Play>\n    </Get>\n    <Hangup/>\n</Response>",
    },
    Rule {
        code: "IVR103",
        name: "invalid-value",
        severity: Severity::Error,
        level: Level::of(Severity::Error),
        summary: "An attribute or text value of the wrong type or outside its documented range.",
        rationale: "`numdigits` >= 1, `timeout` >= 1, `maxmember` 3..=300, `loop` >= -1, `method` GET/POST, keys 0-9 * #, `voicemod` 0/1/2.",
        evidence: "The attribute tables of `<Get>`, `<Play>` and `<CreateConf>` [official] (spec §2.1, §2.2, §2.8).",
        help: "Use a value in the documented range.",
        bad: "<Response>\n    <CreateConf action='createconfok' maxmember='500'/>\n    <Hangup/>\n</Response>",
        good: "<Response>\n    <CreateConf action='createconfok' maxmember='300'/>\n    <Hangup/>\n</Response>",
    },
    Rule {
        code: "IVR104",
        name: "boolean-case",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "A boolean written in another letter case than `true`/`false`.",
        rationale: "The docs write booleans in lower case; whether the platform accepts `TRUE` is unknown.",
        evidence: "Booleans are `true`/`false` in every source [official]; other case is accepted with a warning (spec §8) [inferred].",
        help: "Write `true` or `false`.",
        bad: "<Response>\n    <CreateConf action='createconfok' autojoin='TRUE'/>\n    <Hangup/>\n</Response>",
        good: "<Response>\n    <CreateConf action='createconfok' autojoin='true'/>\n    <Hangup/>\n</Response>",
    },
    Rule {
        code: "IVR105",
        name: "forbidden-child",
        severity: Severity::Error,
        level: Level::of(Severity::Error),
        summary: "A child element or text where the command allows none (only `<Play>`/`<PlayTTS>` in `<Get>`, nothing in `<Play>`).",
        rationale: "The platform documents what each command may hold.",
        evidence: "\"在<Get>中可以嵌套:<Play>、<PlayTTS>\"; `<Play>`: \"此命令不支持嵌套\" [official] (spec §1.8).",
        help: "Move the element out to the `<Response>` level, or remove it.",
        bad: "<Response>\n    <Get action='a'>\n        <Play>menu.wav</Play>\n        <Redirect>x</Redirect>\n    </Get>\n    <Hangup/>\n</Response>",
        good: "<Response>\n    <Get action='a'>\n        <Play>menu.wav</Play>\n    </Get>\n    <Redirect>x</Redirect>\n</Response>",
    },
    Rule {
        code: "IVR106",
        name: "missing-attribute",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "A command without an attribute every example has (`JoinConf@confid`, `PlayMix@type`).",
        rationale: "A `<JoinConf>` without a conference id cannot join anything.",
        evidence: "Required-ness is not stated; every example has them [guide] [inferred] (spec §2.3, §2.9).",
        help: "Add the attribute.",
        bad: "<Response>\n    <JoinConf action='joinconfok'/>\n    <Redirect>joinconffail</Redirect>\n</Response>",
        good: "<Response>\n    <JoinConf action='joinconfok' confid='12345678'/>\n    <Redirect>joinconffail</Redirect>\n</Response>",
    },
    Rule {
        code: "IVR107",
        name: "byte-order-mark",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "A UTF-8 byte order mark at the start.",
        rationale: "No source shows one; some parsers choke on it.",
        evidence: "Spec §1.3: accepted with a warning, never emitted [inferred].",
        help: "Save the file as UTF-8 without BOM.",
        bad: "\u{FEFF}<Response><CmdNone/></Response>",
        good: "<Response><CmdNone/></Response>",
    },
    Rule {
        code: "IVR108",
        name: "bare-ampersand",
        severity: Severity::Error,
        level: Level::of(Severity::Error),
        summary: "A `&` in an attribute or in text that does not start a reference.",
        rationale: "Well-formed XML needs `&amp;`; whether the platform's parser is lenient is unknown.",
        evidence: "XML 1.0 rules it out; action URLs with query strings carry `&` [field] (spec §1.5, §1.9). The lenient parser takes it literally.",
        help: "Write `&` as `&amp;`.",
        bad: "<Response>\n    <Get action='report?a=1&b=2'>\n        <Play>menu.wav</Play>\n    </Get>\n    <Hangup/>\n</Response>",
        good: "<Response>\n    <Get action='report?a=1&amp;b=2'>\n        <Play>menu.wav</Play>\n    </Get>\n    <Hangup/>\n</Response>",
    },
    Rule {
        code: "IVR109",
        name: "duplicate-child",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "A child given twice where one is expected (the `<Play>` of `<ConsultationCall>`).",
        rationale: "Only one hold prompt is seen in the field.",
        evidence: "ConsultationCall holds one `<Play>` [field] (spec §2.10).",
        help: "Keep one child.",
        bad: "<Response>\n    <ConsultationCall number='1'>\n        <Play>a.wav</Play>\n        <Play>b.wav</Play>\n    </ConsultationCall>\n    <Redirect>connectfail</Redirect>\n</Response>",
        good: "<Response>\n    <ConsultationCall number='1'>\n        <Play>a.wav</Play>\n    </ConsultationCall>\n    <Redirect>connectfail</Redirect>\n</Response>",
    },
    Rule {
        code: "IVR110",
        name: "field-element",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "A command known only from application code (`<ConsultationCall>`, `<EnterCCS>`), not from the platform's docs.",
        rationale: "Its name and attributes come from field code and may be incomplete or outdated; the platform's behaviour is not documented.",
        evidence: "Field evidence only (spec §2.10, §2.11; `policy::FIELD_NAMES` names each source); [field] gives warnings, never errors (spec §0.4, §8).",
        help: "Test it against the platform; allow the rule (`--allow IVR110`) once the project relies on it.",
        bad: "<Response>\n    <EnterCCS queuetype='0'>\n        <Play>switch.wav</Play>\n    </EnterCCS>\n    <Hangup/>\n</Response>",
        good: "<Response>\n    <Play>switch.wav</Play>\n    <Hangup/>\n</Response>",
    },
    Rule {
        code: "IVR111",
        name: "field-attribute",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "An attribute known only from application code (`Get@firstendkey`, `Hangup@callid`, `PlayTTS@loop`, `CreateConf@passwd`), not from the platform's docs.",
        rationale: "Its meaning and effect are unverified; the platform may ignore it.",
        evidence: "Field evidence only (spec §2.1, §2.4, §2.6, §2.8; `policy::FIELD_NAMES` names each source); [field] gives warnings, never errors (spec §0.4, §8).",
        help: "Test it against the platform; allow the rule (`--allow IVR111`) once the project relies on it.",
        bad: "<Response>\n    <Get action='firstget' finishkey='#' firstendkey='*'>\n        <Play>menu.wav</Play>\n    </Get>\n    <Hangup/>\n</Response>",
        good: "<Response>\n    <Get action='firstget' finishkey='#'>\n        <Play>menu.wav</Play>\n    </Get>\n    <Hangup/>\n</Response>",
    },
    Rule {
        code: "IVR201",
        name: "main-only",
        severity: Severity::Error,
        level: Level::of(Severity::Error),
        summary: "A main-only command (`<Get>`, `<CreateConf>`, `<JoinConf>`) is not the first command.",
        rationale: "They report back through their callback and may only be the main command; as a sub-command the platform does not run them.",
        evidence: "`<Get>`: \"获取用户按键信息,只能作为主命令使用\" [official]; `<CreateConf>`: \"可作为主命令使用\" [official]; `<JoinConf>`: main in every example [guide] (spec §0.2 R8, §0.3, §0.4, §1.7).",
        help: "Make it the first command, or answer it in a new document through a `<Redirect>`.",
        bad: "<Response>\n    <Play>welcome.wav</Play>\n    <Get action='menu'>\n        <Play>menu.wav</Play>\n    </Get>\n</Response>",
        good: "<Response>\n    <Get action='menu'>\n        <Play>menu.wav</Play>\n    </Get>\n    <Redirect>menu</Redirect>\n</Response>",
    },
    Rule {
        code: "IVR202",
        name: "unreachable",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "Commands after a `<Redirect>` or `<Hangup/>`.",
        rationale: "Both end the document's flow: what follows never runs.",
        evidence: "No example has anything after them [inferred] (spec §0.2 R5).",
        help: "Remove the commands after it, or move them before it.",
        bad: "<Response>\n    <Play>bye.wav</Play>\n    <Hangup/>\n    <Play>never.wav</Play>\n</Response>",
        good: "<Response>\n    <Play>bye.wav</Play>\n    <Play>also.wav</Play>\n    <Hangup/>\n</Response>",
    },
    Rule {
        code: "IVR203",
        name: "cmdnone-with-siblings",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "`<CmdNone/>` together with other commands.",
        rationale: "`<CmdNone/>` means no further flow; beside other commands its meaning is unclear.",
        evidence: "The guide uses it alone [guide (15), (18)]; with siblings: undocumented [inferred].",
        help: "Answer `<CmdNone/>` alone, or drop it.",
        bad: "<Response>\n    <CmdNone/>\n    <Play>a.wav</Play>\n</Response>",
        good: "<Response>\n    <CmdNone/>\n</Response>",
    },
    Rule {
        code: "IVR204",
        name: "empty-response",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "A `<Response>` with no command.",
        rationale: "The guide answers `<CmdNone/>` when nothing should happen.",
        evidence: "\"响应空命令即可\" [guide (18)]; an empty document is undocumented [inferred].",
        help: "Answer `<CmdNone/>`.",
        bad: "<Response>\n</Response>",
        good: "<Response>\n    <CmdNone/>\n</Response>",
    },
    Rule {
        code: "IVR205",
        name: "no-failure-path",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "A `<Get>`, `<JoinConf>` or `<ConsultationCall>` with no `<Redirect>` or `<Hangup/>` among the sub-commands.",
        rationale: "On timeout or failure the sub-commands run; without a jump or hang-up the caller is left in silence. `<CreateConf>` is out of scope: the guide answers it alone.",
        evidence: "On timeout \"执行副命令中的呼转命令\" [official]; every guide `<Get>` and `<JoinConf>` has one, while the guide's own `<CreateConf>` (step 8a) has no sub-command [guide]; its absence is undocumented [inferred].",
        help: "Add a `<Redirect>` (to retry or report) or a `<Hangup/>` after the main command.",
        bad: "<Response>\n    <Get action='firstget' numdigits='1' timeout='30'>\n        <Play>confmenu.wav</Play>\n    </Get>\n    <Play>timeout.wav</Play>\n</Response>",
        good: "<Response>\n    <Get action='firstget' numdigits='1' timeout='30'>\n        <Play>confmenu.wav</Play>\n    </Get>\n    <Play>timeout.wav</Play>\n    <Redirect tag='1'>gettimeout</Redirect>\n</Response>",
    },
    Rule {
        code: "IVR206",
        name: "playmix-mismatch",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "`<PlayMix>` whose `type` codes and `;`-separated items disagree, that has no item, or that uses codes other than `4` (file) and `0` (digits).",
        rationale: "Each item is played by its code; a missing code leaves an item unplayed or misread.",
        evidence: "One code per item in every sample [guide] [field]; codes other than 4 and 0 are unknown [inferred] (spec §2.3).",
        help: "Give one code per item: `4` for a file, `0` for digits.",
        bad: "<Response>\n    <PlayMix type='4'>createconf.wav;12345678</PlayMix>\n    <Redirect>autojoinconf</Redirect>\n</Response>",
        good: "<Response>\n    <PlayMix type='40'>createconf.wav;12345678</PlayMix>\n    <Redirect>autojoinconf</Redirect>\n</Response>",
    },
    Rule {
        code: "IVR207",
        name: "get-prompt-count",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "`<Get>` with no prompt, or with several.",
        rationale: "The caller hears nothing while keys are collected, or several prompts whose behaviour is undocumented.",
        evidence: "The docs always show exactly one child in `<Get>` [official] [guide]; zero or several are undocumented [inferred] (spec §1.8).",
        help: "Nest exactly one `<Play>` or `<PlayTTS>` in the `<Get>`.",
        bad: "<Response>\n    <Get action='firstget'/>\n    <Redirect>gettimeout</Redirect>\n</Response>",
        good: "<Response>\n    <Get action='firstget'>\n        <Play>menu.wav</Play>\n    </Get>\n    <Redirect>gettimeout</Redirect>\n</Response>",
    },
    Rule {
        code: "IVR208",
        name: "url-needs-escaping",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "A relative URL (an `action`, a `*url` attribute, `<Redirect>` text) with spaces or characters that must be percent-encoded.",
        rationale: "The platform appends the URL to the application's notification URL; raw spaces, `#` and non-ASCII break the request.",
        evidence: "`#` is written `%23` in field code [field]; URL syntax (RFC 3986) [inferred] (spec §1.9).",
        help: "Percent-encode the value (`RelUrl::with_query` does it for query parameters).",
        bad: "<Response>\n    <Play>a.wav</Play>\n    <Redirect>next step?key=#</Redirect>\n</Response>",
        good: "<Response>\n    <Play>a.wav</Play>\n    <Redirect>next%20step?key=%23</Redirect>\n</Response>",
    },
    Rule {
        code: "IVR209",
        name: "unfilled-placeholder",
        severity: Severity::Warning,
        level: Level::Allow,
        summary: "A literal `$name` in a value, like the guide's `$digits` and `$confid` (an optional lint: allowed by default, since the guide's own examples hold them).",
        rationale: "These are the application's own template variables, to be filled in before sending; the platform does not expand them.",
        evidence: "The guide's examples leave them unfilled [guide]; they are application variables [inferred, strong]; \"optional lint\" (spec §1.10, §8).",
        help: "Fill in the real value before answering.",
        bad: "<Response>\n    <JoinConf action='joinconfok' confid='$digits'/>\n    <Redirect>joinconffail</Redirect>\n</Response>",
        good: "<Response>\n    <JoinConf action='joinconfok' confid='12345678'/>\n    <Redirect>joinconffail</Redirect>\n</Response>",
    },
    Rule {
        code: "IVR210",
        name: "redirect-as-main",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "`<Redirect>` is the main command.",
        rationale: "`<Redirect>` is the sub-command that ends a failed or timed-out main command; as the main command it is undocumented.",
        evidence: "Never a main command in the docs [official] [guide]; its behaviour there is unknown [inferred] (spec §2.5).",
        help: "Answer the target document directly, or put a `<Play>` first.",
        bad: "<Response>\n    <Redirect>menu</Redirect>\n</Response>",
        good: "<Response>\n    <Play>transfer.wav</Play>\n    <Redirect>menu</Redirect>\n</Response>",
    },
    Rule {
        code: "IVR211",
        name: "several-callback-commands",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "More than one command that reports back (`<Get>`, `<CreateConf>`, `<JoinConf>`, `<ConsultationCall>`).",
        rationale: "Only the main command's callback is documented; a second one as a sub-command is undocumented.",
        evidence: "Spec §1.7 Library note [inferred].",
        help: "Keep one callback command per document; chain the next through `<Redirect>`.",
        bad: "<Response>\n    <CreateConf action='createconfok'/>\n    <ConsultationCall number='1'/>\n    <Hangup/>\n</Response>",
        good: "<Response>\n    <CreateConf action='createconfok'/>\n    <Hangup/>\n</Response>",
    },
    Rule {
        code: "IVR212",
        name: "text-whitespace",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "Text content (a file name, a URL) with leading or trailing whitespace.",
        rationale: "Whether the platform trims text content is unknown: ` menu.wav ` may not be found.",
        evidence: "Seen in field code [field]; trimming behaviour unknown (spec §1.4).",
        help: "Remove the whitespace inside the element.",
        bad: "<Response>\n    <Play> menu.wav </Play>\n    <Hangup/>\n</Response>",
        good: "<Response>\n    <Play>menu.wav</Play>\n    <Hangup/>\n</Response>",
    },
    Rule {
        code: "IVR213",
        name: "absolute-url",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "An absolute URL (`http://...`) where the platform documents a relative one.",
        rationale: "The platform appends the value to the application's notification URL; absolute URLs are undocumented.",
        evidence: "Type is \"相对URL\" (relative URL) [official]; what the platform does with an absolute one is undocumented [inferred] (spec §1.9).",
        help: "Use a path relative to the notification URL.",
        bad: "<Response>\n    <Play>a.wav</Play>\n    <Redirect>http://example.com/next</Redirect>\n</Response>",
        good: "<Response>\n    <Play>a.wav</Play>\n    <Redirect>next</Redirect>\n</Response>",
    },
    Rule {
        code: "IVR214",
        name: "empty-value",
        severity: Severity::Warning,
        level: Level::of(Severity::Warning),
        summary: "An empty conference id, file name or `<Redirect>` URL.",
        rationale: "There is nothing to join, play or request.",
        evidence: "Spec §2.9 Library note (warning for an empty `confid`) [inferred].",
        help: "Fill in the value.",
        bad: "<Response>\n    <Play></Play>\n    <Hangup/>\n</Response>",
        good: "<Response>\n    <Play>a.wav</Play>\n    <Hangup/>\n</Response>",
    },
];
