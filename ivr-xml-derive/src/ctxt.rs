//! Error collection: every mistake is recorded with its span and all are reported together.

use syn::spanned::Spanned;

/// Collects errors so that all of them are reported together.
#[derive(Default)]
pub(crate) struct Errors(Vec<syn::Error>);

impl Errors {
    pub(crate) fn push(&mut self, span: impl Spanned, message: impl std::fmt::Display) {
        self.0.push(syn::Error::new(span.span(), message));
    }

    pub(crate) fn push_error(&mut self, error: syn::Error) {
        self.0.push(error);
    }

    pub(crate) fn finish(self) -> Result<(), syn::Error> {
        let mut errors = self.0.into_iter();
        match errors.next() {
            None => Ok(()),
            Some(mut first) => {
                errors.for_each(|e| first.combine(e));
                Err(first)
            }
        }
    }
}

/// Reports an unknown option at its name and skips its value (`= ...` or `(...)`), so that the
/// options after it are still read and no second, misleading error follows.
pub(crate) fn unknown_option(
    meta: &syn::meta::ParseNestedMeta<'_>,
    errors: &mut Errors,
    message: &str,
) -> syn::Result<()> {
    errors.push_error(meta.error(message));
    meta.input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tree, next)) = rest.token_tree() {
            if matches!(&tree, proc_macro2::TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
            rest = next;
        }
        Ok(((), rest))
    })
}
