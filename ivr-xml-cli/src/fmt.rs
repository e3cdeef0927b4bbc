//! `ivr-xml fmt`: re-emit documents in a chosen style.

use clap::ValueEnum;
use ivr_xml::{Declaration, Quote, Response, Style};

use crate::failure::{self, Failure};
use crate::inputs;

/// Options of `ivr-xml fmt`.
#[derive(Debug, clap::Args)]
pub(crate) struct FmtArgs {
    /// Files or directories (searched for *.xml); `-` or nothing reads standard input.
    paths: Vec<String>,
    /// Attribute quote.
    #[arg(long, value_enum, default_value_t = QuoteArg::Single)]
    quote: QuoteArg,
    /// XML declaration.
    #[arg(long, value_enum, default_value_t = DeclarationArg::Single)]
    declaration: DeclarationArg,
    /// Spaces per nesting level (0 puts every line at column 0).
    #[arg(long, default_value_t = 4, conflicts_with = "compact")]
    indent: usize,
    /// No whitespace between elements: the form to send over the wire.
    #[arg(long)]
    compact: bool,
    /// Report the files that are not formatted (exit 1 if any) and change nothing.
    #[arg(long, conflicts_with = "write")]
    check: bool,
    /// Rewrite the files in place.
    #[arg(long)]
    write: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum QuoteArg {
    /// `'`, as in the guides.
    Single,
    /// `"`, as in the command reference.
    Double,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DeclarationArg {
    /// `<?xml version='1.0' encoding='UTF-8'?>`
    Single,
    /// `<?xml version="1.0" encoding="UTF-8"?>`
    Double,
    /// `<?xml version="1.0" encoding="UTF-8" ?>`
    DoubleSpace,
    /// No declaration.
    None,
}

impl FmtArgs {
    fn style(&self) -> Style {
        let style = Style::docs()
            .quote(match self.quote {
                QuoteArg::Single => Quote::Single,
                QuoteArg::Double => Quote::Double,
            })
            .declaration(match self.declaration {
                DeclarationArg::Single => Declaration::SingleQuoted,
                DeclarationArg::Double => Declaration::DoubleQuoted,
                DeclarationArg::DoubleSpace => Declaration::DoubleQuotedSpaceBeforeClose,
                DeclarationArg::None => Declaration::None,
            });
        if self.compact {
            style.no_indent()
        } else {
            style.indent(&" ".repeat(self.indent))
        }
    }
}

/// Formats every input. Unknown commands and attributes are kept (lenient parsing); a document
/// that does not parse is reported and left alone.
pub(crate) fn run(args: &FmtArgs) -> Result<u8, Failure> {
    let documents = inputs::read_all(&args.paths)?;
    if documents.len() > 1 && !args.check && !args.write {
        return Err(
            "several documents: pass --check or --write (or format one at a time)"
                .to_owned()
                .into(),
        );
    }
    let style = args.style();
    let mut status = 0;
    for doc in &documents {
        // A document past the size limit was read only in part: the parser refuses it by its
        // size, so that part is never formatted, nor written back.
        // A document that does not parse is shown as findings are: position, excerpt, carets.
        let renderer = failure::stderr();
        let Some(text) = doc.text() else {
            eprint!(
                "{}",
                renderer.file_message(&doc.path, "the input is not valid UTF-8")
            );
            status = 1;
            continue;
        };
        let parsed = match Response::parse_with(text, &inputs::parse_options()) {
            Ok(parsed) => parsed,
            Err(err) => {
                eprint!("{}", renderer.render_parse_error(&doc.path, text, &err));
                status = 1;
                continue;
            }
        };
        let mut formatted = parsed.value.to_string_with(&style);
        formatted.push('\n');
        if args.check {
            if formatted.as_bytes() != doc.bytes.as_slice() {
                println!("would reformat: {}", doc.path);
                status = 1;
            }
        } else if args.write {
            if doc.path == "<stdin>" {
                print!("{formatted}");
            } else if formatted.as_bytes() != doc.bytes.as_slice() {
                std::fs::write(&doc.path, formatted)
                    .map_err(|err| Failure::from(format!("cannot write {}: {err}", doc.path)))?;
                println!("formatted: {}", doc.path);
            }
        } else {
            print!("{formatted}");
        }
    }
    Ok(status)
}
