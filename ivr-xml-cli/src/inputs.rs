//! Reading documents from files, directories and standard input.

use std::io::Read;
use std::path::{Path, PathBuf};

/// A document to check or format, with the name to report it under.
pub(crate) struct Document {
    pub(crate) path: String,
    pub(crate) bytes: Vec<u8>,
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
            let mut files = Vec::new();
            collect_xml_files(path, &mut files)?;
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
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|err| format!("cannot read standard input: {err}"))?;
    Ok(Document {
        path: "<stdin>".to_owned(),
        bytes,
    })
}

pub(crate) fn read_file(path: &Path) -> Result<Document, String> {
    let bytes =
        std::fs::read(path).map_err(|err| format!("cannot read {}: {err}", path.display()))?;
    Ok(Document {
        path: path.display().to_string(),
        bytes,
    })
}

fn collect_xml_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|err| format!("cannot read {}: {err}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|err| format!("cannot read {}: {err}", dir.display()))?
            .path();
        if path.is_dir() {
            collect_xml_files(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("xml"))
        {
            out.push(path);
        }
    }
    Ok(())
}
