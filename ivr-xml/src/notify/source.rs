//! Where a derived message's pairs come from: its four readers are one generated body over a
//! [`PairSource`], so that a query string, a form body, a [`Params`](super::Params) and a
//! [`Request`](super::Request)'s decoded pairs all reach the message's slots the same way.

use std::borrow::Cow;

use super::error::{Encoding, NotifyError};
use super::options::NotifyOptions;
use super::urlencoded::{for_each_pair, form_text};

/// Where a derived message's pairs come from: its readers (`from_query`, `from_form`,
/// `from_params`, `from_pairs`) are one generated body, generic over the source, which calls
/// `each` for every pair in order. Monomorphised per source, so each reader is as direct as a
/// body written for it.
#[doc(hidden)] // generated code's runtime, reached through `notify::__private`
pub trait PairSource<'a> {
    /// Calls `each(name, value)` for every pair, in order; the first decoding error ends it.
    fn for_each_pair(self, each: impl FnMut(Cow<'a, str>, Cow<'a, str>))
        -> Result<(), NotifyError>;
}

/// A query string (a leading `?` skipped), decoded in one pass with the default options.
#[doc(hidden)]
pub struct Query<'a>(pub &'a str);

impl<'a> PairSource<'a> for Query<'a> {
    #[inline]
    fn for_each_pair(
        self,
        each: impl FnMut(Cow<'a, str>, Cow<'a, str>),
    ) -> Result<(), NotifyError> {
        let query = self.0.strip_prefix('?').unwrap_or(self.0);
        let options = NotifyOptions::default();
        for_each_pair(
            query.as_bytes(),
            Some(query),
            Encoding::Query,
            &options,
            each,
        )
    }
}

/// A form body, decoded in one pass with the default options.
#[doc(hidden)]
pub struct Form<'a>(pub &'a [u8]);

impl<'a> PairSource<'a> for Form<'a> {
    #[inline]
    fn for_each_pair(
        self,
        each: impl FnMut(Cow<'a, str>, Cow<'a, str>),
    ) -> Result<(), NotifyError> {
        let options = NotifyOptions::default();
        let text = form_text(self.0, &options);
        for_each_pair(self.0, text, Encoding::Form, &options, each)
    }
}

/// Pairs already decoded (a `Request`'s, or a `Params`' borrowed): nothing can fail.
#[doc(hidden)]
pub struct Pairs<I>(pub I);

impl<'a, I> PairSource<'a> for Pairs<I>
where
    I: IntoIterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
{
    #[inline]
    fn for_each_pair(
        self,
        mut each: impl FnMut(Cow<'a, str>, Cow<'a, str>),
    ) -> Result<(), NotifyError> {
        for (name, value) in self.0 {
            each(name, value);
        }
        Ok(())
    }
}
