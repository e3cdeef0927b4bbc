//! Reading documents from files, directories and standard input, never more than the size limit.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use ivr_xml::policy::Policy;
use ivr_xml::validate::{Diagnostic, ValidateOptions};
use ivr_xml::{Limits, ParseOptions};

/// The largest document accepted, in bytes: the library's default `input size in bytes` limit,
/// passed to it explicitly so that what is read and what is checked agree.
pub(crate) const MAX_BYTES: usize = 1 << 20;

/// What is read of an input at most: the limit and one character more (UTF-8 takes up to 4
/// bytes), so that a document past the limit is seen to be, with whole text up to the limit.
const READ_LIMIT: usize = MAX_BYTES + 4;

/// The limits documents are checked with.
fn limits() -> Limits {
    Limits::default().max_bytes(MAX_BYTES)
}

/// A document to check or format, with the name to report it under.
pub(crate) struct Document {
    pub(crate) path: String,
    /// The file it was read from (`None`: standard input).
    pub(crate) file: Option<PathBuf>,
    /// The document, or for one past the size limit its first [`READ_LIMIT`] bytes.
    pub(crate) bytes: Vec<u8>,
}

impl Document {
    /// The text to parse: all of it, or for a document past the size limit the UTF-8 text read
    /// of it, longer than the limit, which the parser refuses by its size. `None` when the
    /// document is not UTF-8 before the limit.
    pub(crate) fn text(&self) -> Option<&str> {
        match std::str::from_utf8(&self.bytes) {
            Ok(text) => Some(text),
            // Read only up to the limit and a character: it may end inside one.
            Err(err) if err.valid_up_to() > MAX_BYTES => {
                std::str::from_utf8(self.bytes.get(..err.valid_up_to())?).ok()
            }
            Err(_) => None,
        }
    }

    /// Every finding, as the library gives them for the whole document: one for the size limit
    /// when it is past it, one for the first byte that is not UTF-8. Rules take their level from
    /// `policy`.
    pub(crate) fn findings(&self, policy: &Policy) -> Vec<Diagnostic> {
        match self.text() {
            Some(text) => ivr_xml::validate::validate_with(
                text,
                &ValidateOptions {
                    limits: limits(),
                    policy: policy.clone(),
                },
            ),
            None => ivr_xml::validate::validate_bytes(&self.bytes),
        }
    }
}

/// The options documents are formatted with: lenient, with the limits they are read with.
pub(crate) fn parse_options() -> ParseOptions {
    ParseOptions::lenient().limits(limits())
}

/// Reads every input: `-` or none is standard input; a directory is searched for `*.xml`, sorted.
pub(crate) fn read_all(paths: &[String]) -> Result<Vec<Document>, String> {
    if paths.is_empty() {
        return Ok(vec![read_stdin()?]);
    }
    let mut documents = Vec::new();
    for path in paths {
        if path == "-" {
            documents.push(read_stdin()?);
            continue;
        }
        let path = Path::new(path);
        if path.is_dir() {
            let mut files = collect_xml_files(path, &mut |message| {
                eprint!("{}", crate::failure::stderr().warning(&message));
            })?;
            files.sort();
            for file in files {
                documents.push(read_file(&file)?);
            }
        } else {
            documents.push(read_file(path)?);
        }
    }
    Ok(documents)
}

fn read_stdin() -> Result<Document, String> {
    let bytes = read_limited(std::io::stdin().lock(), 0)
        .map_err(|err| format!("cannot read standard input: {err}"))?;
    Ok(Document {
        path: "<stdin>".to_owned(),
        file: None,
        bytes,
    })
}

/// At most [`READ_LIMIT`] bytes of `reader`: what is past them is never read. `size` is what
/// the input is known to hold (0 if unknown), to size the buffer once.
fn read_limited(reader: impl Read, size: u64) -> std::io::Result<Vec<u8>> {
    let capacity = usize::try_from(size).map_or(READ_LIMIT, |size| size.min(READ_LIMIT));
    let mut bytes = Vec::with_capacity(capacity);
    reader.take(READ_LIMIT as u64).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads a file, no more of it than [`READ_LIMIT`] bytes (its size says how much to expect; a
/// file that grows meanwhile is still cut there).
fn read_file(path: &Path) -> Result<Document, String> {
    let cannot = |err: std::io::Error| format!("cannot read {}: {err}", path.display());
    let file = std::fs::File::open(path).map_err(cannot)?;
    let size = file.metadata().map_err(cannot)?.len();
    let bytes = read_limited(file, size).map_err(cannot)?;
    Ok(Document {
        path: path.display().to_string(),
        file: Some(path.to_path_buf()),
        bytes,
    })
}

/// Every `*.xml` file below `root`, unsorted. Each directory is searched once, however many
/// symbolic links lead to it: a link back to a directory being searched (a cycle) or to one
/// already searched is skipped, and said to `warn`.
fn collect_xml_files(root: &Path, warn: &mut dyn FnMut(String)) -> Result<Vec<PathBuf>, String> {
    let cannot = |dir: &Path, err: std::io::Error| format!("cannot read {}: {err}", dir.display());
    // Each directory's canonical path, with the path it was first reached by.
    let mut searched: HashMap<PathBuf, PathBuf> = HashMap::new();
    let canonical = |dir: &Path| std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    searched.insert(canonical(root), root.to_path_buf());
    let mut files = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|err| cannot(&dir, err))?;
        for entry in entries {
            let entry = entry.map_err(|err| cannot(&dir, err))?;
            let path = entry.path();
            // The entry's own type costs no system call; only a link is followed to its target.
            let kind = entry.file_type().map_err(|err| cannot(&path, err))?;
            let is_dir = kind.is_dir() || (kind.is_symlink() && path.is_dir());
            if !is_dir {
                if path
                    .extension()
                    .is_some_and(|ext| ext.eq_ignore_ascii_case("xml"))
                {
                    files.push(path);
                }
                continue;
            }
            let target = canonical(&path);
            if let Some(first) = searched.get(&target) {
                if canonical(&dir).starts_with(&target) {
                    warn(format!(
                        "skipping {}: it leads back to {}, which holds it (a cycle of symbolic links)",
                        path.display(),
                        first.display()
                    ));
                } else {
                    warn(format!(
                        "skipping {}: the same directory as {}, searched once",
                        path.display(),
                        first.display()
                    ));
                }
                continue;
            }
            searched.insert(target, path.clone());
            pending.push(path);
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader of `len` bytes of `<` that counts what was taken from it.
    struct Counting {
        left: usize,
        taken: std::rc::Rc<std::cell::Cell<usize>>,
    }

    impl Read for Counting {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.left);
            buf[..n].fill(b'<');
            self.left -= n;
            self.taken.set(self.taken.get() + n);
            Ok(n)
        }
    }

    #[test]
    fn a_large_input_is_read_only_up_to_the_limit() {
        let taken = std::rc::Rc::new(std::cell::Cell::new(0));
        let reader = Counting {
            left: 3 << 20,
            taken: taken.clone(),
        };
        let bytes = read_limited(reader, 0).expect("read");
        assert_eq!(bytes.len(), READ_LIMIT);
        assert_eq!(taken.get(), READ_LIMIT);
    }

    #[test]
    fn a_document_past_the_limit_gets_the_library_limit_finding() {
        // The library, given the whole document, and the command, given what it read of it, agree.
        let whole = format!("<Response>{}</Response>", " ".repeat(3 << 20));
        let expected = ivr_xml::validate::validate(&whole);
        assert_eq!(expected.len(), 1);
        assert_eq!(expected[0].code, "IVR005");
        assert_eq!(
            expected[0].message,
            format!("input exceeds the input size in bytes limit of {MAX_BYTES}")
        );
        let doc = Document {
            path: "big.xml".to_owned(),
            file: None,
            bytes: read_limited(whole.as_bytes(), 0).expect("read"),
        };
        assert_eq!(doc.findings(&Policy::new()), expected);
    }

    #[test]
    fn the_limit_finding_holds_when_the_read_ends_inside_a_character() {
        for pad in 0..4 {
            // `好` is 3 bytes: the 4 bytes past the limit end inside one for some `pad`.
            let whole = format!(
                "<Response>{}{}</Response>",
                " ".repeat(pad),
                "好".repeat(MAX_BYTES)
            );
            let doc = Document {
                path: "big.xml".to_owned(),
                file: None,
                bytes: read_limited(whole.as_bytes(), 0).expect("read"),
            };
            let mut findings = doc.findings(&Policy::new());
            assert_eq!(findings.len(), 1, "pad {pad}");
            assert_eq!(findings[0].code, "IVR005", "pad {pad}");
            // The same finding, but for the culprit's length: the run of name characters from the
            // limit on, which goes on past what was read.
            let mut expected = ivr_xml::validate::validate(&whole);
            assert!(findings[0].len <= expected[0].len, "pad {pad}");
            (findings[0].len, expected[0].len) = (0, 0);
            assert_eq!(findings, expected, "pad {pad}");
        }
    }

    #[test]
    fn bad_utf8_before_the_limit_is_reported_as_such() {
        let mut whole = b"<Response>\xff".to_vec();
        whole.resize(3 << 20, b' ');
        let doc = Document {
            path: "big.xml".to_owned(),
            file: None,
            bytes: read_limited(whole.as_slice(), 0).expect("read"),
        };
        assert_eq!(
            doc.findings(&Policy::new()),
            ivr_xml::validate::validate_bytes(&whole)
        );
        assert_eq!(
            doc.findings(&Policy::new())[0].message,
            "the input is not valid UTF-8"
        );
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ivr-xml-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[cfg(unix)]
    #[test]
    fn symlink_cycles_are_reported_and_each_directory_searched_once() {
        use std::os::unix::fs::symlink;
        let dir = temp_dir("cycle");
        std::fs::create_dir_all(dir.join("a")).expect("a");
        std::fs::create_dir_all(dir.join("b")).expect("b");
        std::fs::write(dir.join("a/one.xml"), "<Response/>").expect("one");
        std::fs::write(dir.join("b/two.xml"), "<Response/>").expect("two");
        // a and b link to each other, and a to itself's parent.
        symlink(dir.join("b"), dir.join("a/to-b")).expect("link");
        symlink(dir.join("a"), dir.join("b/to-a")).expect("link");
        symlink(&dir, dir.join("a/up")).expect("link");
        let mut warnings = Vec::new();
        let mut files = collect_xml_files(&dir, &mut |w| warnings.push(w)).expect("walk");
        files.sort();
        let names: Vec<String> = files
            .iter()
            .map(|f| f.strip_prefix(&dir).expect("below").display().to_string())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(names.iter().any(|n| n.ends_with("one.xml")), "{names:?}");
        assert!(names.iter().any(|n| n.ends_with("two.xml")), "{names:?}");
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("a cycle of symbolic links")),
            "{warnings:?}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn every_xml_file_of_a_large_directory_is_found() {
        let dir = temp_dir("many");
        for i in 0..2_000 {
            std::fs::write(dir.join(format!("{i}.xml")), "").expect("write");
        }
        std::fs::write(dir.join("notes.txt"), "").expect("write");
        let files = collect_xml_files(&dir, &mut |w| panic!("{w}")).expect("walk");
        assert_eq!(files.len(), 2_000);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
