//! The documents benchmarked: the guide's eleven examples and one 1,000-command document, each
//! as a typed [`Response`] and as text in the docs' style and compact.

use ivr_xml::{Response, Style};

/// The two styles benchmarked.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Layout {
    /// [`Style::docs`]: declaration, one element per line, four spaces per level.
    Docs,
    /// [`Style::compact`]: declaration, no whitespace between elements.
    Compact,
}

impl Layout {
    pub(crate) const ALL: [Layout; 2] = [Layout::Docs, Layout::Compact];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Layout::Docs => "docs",
            Layout::Compact => "compact",
        }
    }

    pub(crate) fn style(self) -> Style {
        match self {
            Layout::Docs => Style::docs(),
            Layout::Compact => Style::compact(),
        }
    }

    pub(crate) fn pretty(self) -> bool {
        self == Layout::Docs
    }
}

/// One benchmarked document.
pub(crate) struct Case {
    /// Short id used in benchmark names: `01`..`11`, `1000clean` (the 1,000-command benchmark
    /// document, with no finding of the platform rules) or `1000cmd` (the same kinds of
    /// commands with the findings of its generator's first version, read by the tree path).
    pub(crate) id: String,
    /// Whether this is one of the guide's eleven examples.
    pub(crate) guide: bool,
    pub(crate) doc: Response,
    pub(crate) docs_text: String,
    pub(crate) compact_text: String,
}

impl Case {
    pub(crate) fn text(&self, layout: Layout) -> &str {
        match layout {
            Layout::Docs => &self.docs_text,
            Layout::Compact => &self.compact_text,
        }
    }
}

/// The documents, shared with the library's tests.
#[path = "../../ivr-xml/tests/common/documents.rs"]
mod documents;

use documents::{thousand_clean_commands, thousand_commands, GUIDE};

/// Every benchmarked document, the guide's first.
pub(crate) fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = GUIDE
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let doc: Response = match text.parse() {
                Ok(doc) => doc,
                Err(err) => panic!("guide example {} does not parse: {err}", i + 1),
            };
            case(format!("{:02}", i + 1), true, doc)
        })
        .collect();
    // The 1,000-command benchmark document, then the generator's first version of it, whose
    // findings (IVR202: a `<Redirect>` and a `<Hangup/>` among the sub-commands make the rest
    // unreachable; IVR207: two prompts in the `<Get>`; IVR111: `loop` on 100 `<PlayTTS>`, known
    // from field evidence only) are artefacts of cycling through command kinds, not what an
    // application writes: strict parse warns on it and reads it with the checked tree.
    cases.push(case(
        "1000clean".to_owned(),
        false,
        thousand_clean_commands(),
    ));
    cases.push(case("1000cmd".to_owned(), false, thousand_commands()));
    cases
}

fn case(id: String, guide: bool, doc: Response) -> Case {
    let docs_text = doc.to_string_with(&Style::docs());
    let compact_text = doc.to_string_with(&Style::compact());
    Case {
        id,
        guide,
        doc,
        docs_text,
        compact_text,
    }
}
