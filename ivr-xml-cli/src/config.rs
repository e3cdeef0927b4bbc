//! The project file `ivr-xml.toml` and the `--allow` / `--warn` / `--deny` flags: the
//! [`Policy`] each document is validated under.
//!
//! The file is looked for from the directory of each validated document upward (standard input:
//! from the current directory), like `rustfmt.toml`; the nearest one wins, and the flags override
//! it:
//!
//! ```toml
//! [levels]
//! IVR205 = "allow"          # a code or a rule name; "allow", "warn" or "deny"
//! [names]
//! commands = ["Record"]     # elements the project's platform runs beyond the library's
//! attributes = { Play = ["volume"], "*" = ["x-trace"] }   # "*": on every element
//! ```

use crate::failure::Failure;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use ivr_xml::policy::{Level, Policy};
use ivr_xml::validate::Rule;
use serde::Deserialize;
use toml::Spanned;

/// The file's name.
pub(crate) const FILE_NAME: &str = "ivr-xml.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectFile {
    #[serde(default)]
    levels: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    names: Names,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Names {
    #[serde(default)]
    commands: Vec<String>,
    #[serde(default)]
    attributes: BTreeMap<String, Vec<String>>,
}

/// The levels given on the command line, applied over any project file.
#[derive(Debug, Default)]
pub(crate) struct Flags {
    levels: Vec<(&'static str, Level)>,
}

impl Flags {
    /// The flags' levels; a rule named by two flags, or not in the catalogue, is a usage error.
    pub(crate) fn new(allow: &[String], warn: &[String], deny: &[String]) -> Result<Flags, String> {
        let mut levels: Vec<(&'static str, Level)> = Vec::new();
        for (names, level) in [
            (allow, Level::Allow),
            (warn, Level::Warn),
            (deny, Level::Deny),
        ] {
            for name in names {
                let rule = Rule::find(name).ok_or_else(|| {
                    format!("--{level} {name}: no rule `{name}`: `ivr-xml explain` lists them")
                })?;
                match levels.iter().find(|(code, _)| *code == rule.code) {
                    Some((_, other)) if *other != level => {
                        return Err(format!(
                            "{} is given both --{other} and --{level}: give it one level",
                            rule.code
                        ))
                    }
                    Some(_) => {}
                    None => levels.push((rule.code, level)),
                }
            }
        }
        Ok(Flags { levels })
    }

    fn apply(&self, mut policy: Policy) -> Policy {
        for (code, level) in &self.levels {
            // Every code came from the catalogue.
            let _ = policy.set_level(code, *level);
        }
        policy
    }
}

/// The policy of each document, by the project file found for it; files are read once.
pub(crate) struct Policies<'a> {
    flags: &'a Flags,
    /// The project file found from each directory looked at (`None`: there is none).
    found: HashMap<PathBuf, Option<PathBuf>>,
    /// Each project file's policy, flags applied.
    read: HashMap<PathBuf, Policy>,
    default: Policy,
}

impl<'a> Policies<'a> {
    pub(crate) fn new(flags: &'a Flags) -> Policies<'a> {
        Policies {
            flags,
            found: HashMap::new(),
            read: HashMap::new(),
            default: flags.apply(Policy::new()),
        }
    }

    /// The policy for the document at `path` (`None`: standard input, looked up from the
    /// current directory). A project file that cannot be read or is wrong is an error naming
    /// it, with the line.
    pub(crate) fn for_document(&mut self, path: Option<&Path>) -> Result<&Policy, Failure> {
        let start = match path.and_then(Path::parent) {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let start = std::path::absolute(&start).unwrap_or(start);
        let file = match self.found.get(&start) {
            Some(file) => file.clone(),
            None => {
                let file = find(&start);
                self.found.insert(start, file.clone());
                file
            }
        };
        let Some(file) = file else {
            return Ok(&self.default);
        };
        if !self.read.contains_key(&file) {
            let policy = self.flags.apply(load(&file)?);
            self.read.insert(file.clone(), policy);
        }
        Ok(self.read.get(&file).unwrap_or(&self.default))
    }
}

/// The nearest `ivr-xml.toml` in `dir` or above it.
fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Reads a project file: an error in it is shown with its line, and carets under the culprit.
fn load(path: &Path) -> Result<Policy, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
    parse(&text).map_err(|(span, message)| match span {
        Some(span) => Failure::InFile {
            file: path.display().to_string(),
            text,
            span,
            message,
            help: None,
        },
        None => Failure::Message(format!("{}: {message}", path.display())),
    })
}

/// A project file's policy, or an error with where it is.
fn parse(text: &str) -> Result<Policy, (Option<Range<usize>>, String)> {
    let file: ProjectFile = toml::from_str(text).map_err(|err| {
        let message = err.message().trim_end().to_owned();
        (err.span(), message)
    })?;
    let mut policy = Policy::new();
    for (code, level) in &file.levels {
        let value: Level = level
            .get_ref()
            .parse()
            .map_err(|message| (Some(level.span()), message))?;
        policy
            .set_level(code.get_ref(), value)
            .map_err(|err| (Some(code.span()), err.to_string()))?;
    }
    for command in file.names.commands {
        policy = policy.command(command);
    }
    for (element, attributes) in file.names.attributes {
        for attribute in attributes {
            policy = policy.attribute(element.clone(), attribute);
        }
    }
    Ok(policy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_names_are_read() {
        let policy = parse(
            "[levels]\nIVR205 = \"allow\"\nunknown-attribute = \"warn\"\n[names]\ncommands = [\"Record\"]\nattributes = { Play = [\"volume\"], \"*\" = [\"x-trace\"] }\n",
        )
        .expect("a good file");
        assert_eq!(policy.level("IVR205"), Level::Allow);
        assert_eq!(policy.level("IVR102"), Level::Warn);
        assert_eq!(policy.level("IVR101"), Level::Deny);
        assert!(policy.knows_element("Record"));
        assert!(policy.knows_attribute("Play", "volume"));
        assert!(!policy.knows_attribute("Get", "volume"));
        assert!(policy.knows_attribute("Get", "x-trace"));
    }

    #[test]
    fn mistakes_are_reported_on_their_line() {
        for (text, line, says) in [
            ("[levels]\nIVR999 = \"allow\"\n", 2, "no rule `IVR999`"),
            (
                "[levels]\n\nIVR101 = \"quiet\"\n",
                3,
                "unknown level `quiet`",
            ),
            (
                "[names]\ncommand = [\"Record\"]\n",
                2,
                "unknown field `command`",
            ),
            ("[levels\n", 1, ""),
        ] {
            let (span, message) = parse(text).expect_err(text);
            let span = span.expect("a span");
            let found = ivr_xml::Position::from_offset(text, span.start).line;
            assert_eq!(found, line, "{text}: {message}");
            assert!(message.contains(says), "{text}: {message}");
        }
    }

    #[test]
    fn a_rule_given_two_levels_is_refused() {
        let err = Flags::new(&["IVR101".into()], &[], &["unknown-element".into()])
            .expect_err("two levels");
        assert_eq!(
            err,
            "IVR101 is given both --allow and --deny: give it one level"
        );
        let err = Flags::new(&["IVR9".into()], &[], &[]).expect_err("unknown");
        assert!(err.contains("no rule `IVR9`"), "{err}");
    }
}
