//! Moving the call on: `<Redirect>`, `<Hangup>`, `<CmdNone>`.

use crate::deferred_error::PendingError;
use crate::raw_attribute::RawAttribute;
use crate::value::{RelUrl, Text};
use crate::Xml;

/// `<Redirect>` 业务跳转: the platform requests the URL and runs the document it gets back.
/// The sub-command that ends a failed or timed-out main command \[official\] \[guide\].
///
/// `tag` is echoed back as a parameter of that request (field evidence), so one URL can serve
/// several places, as `gettimeout` does in the guide.
///
/// ```
/// use ivr_xml::{to_string_with, Redirect, Style};
/// let redirect = Redirect::new("gettimeout").tag("1");
/// assert_eq!(to_string_with(&redirect, &Style::docs()).unwrap(), "<Redirect tag='1'>gettimeout</Redirect>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "Redirect", ends_flow)]
pub struct Redirect {
    /// A label of the application's choosing.
    #[xml(attribute, setter(new = impl Into<String>))]
    pub tag: Option<Text>,
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    /// The relative URL to request.
    #[xml(text)]
    pub url: RelUrl,
    #[xml(pending)]
    pending: PendingError,
}

impl Redirect {
    /// Redirects to `url`.
    ///
    /// ```
    /// use ivr_xml::{to_string_with, Redirect, Style};
    /// let redirect = Redirect::new("menu.jsp");
    /// assert_eq!(redirect.url.as_str(), "menu.jsp");
    /// assert_eq!(to_string_with(&redirect, &Style::docs())?, "<Redirect>menu.jsp</Redirect>");
    /// # Ok::<(), ivr_xml::ValueError>(())
    /// ```
    pub fn new(url: impl Into<String>) -> Redirect {
        let mut redirect = Redirect::default();
        redirect.url = redirect
            .pending
            .record(RelUrl::new(url))
            .unwrap_or_default();
        redirect
    }
}

/// `<Hangup/>` 应用侧挂机: ends the call; the platform then sends `stopservice` \[guide\].
///
/// ```
/// use ivr_xml::{to_string_with, Hangup, Style};
/// assert_eq!(to_string_with(&Hangup::new(), &Style::docs()).unwrap(), "<Hangup/>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(
    element = "Hangup",
    ends_flow,
    known(
        attribute = "callid",
        evidence = "one application, effect unknown (spec §2.6)"
    )
)]
pub struct Hangup {
    /// Unknown attributes (`callid` is seen once in the field), in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

impl Hangup {
    /// `<Hangup/>`.
    ///
    /// ```
    /// use ivr_xml::{to_string_with, Hangup, Play, Response, Style};
    /// assert_eq!(to_string_with(&Hangup::new(), &Style::docs())?, "<Hangup/>");
    /// // Usually the last sub-command.
    /// let doc = Response::builder().main(Play::new("bye.wav")).then(Hangup::new()).build()?;
    /// assert_eq!(doc.commands().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Hangup {
        Hangup::default()
    }
}

/// `<CmdNone/>` 空指令: nothing more to do. Used alone \[guide\].
///
/// ```
/// use ivr_xml::{to_string_with, CmdNone, Style};
/// assert_eq!(to_string_with(&CmdNone::new(), &Style::docs()).unwrap(), "<CmdNone/>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Xml)]
#[cfg_attr(feature = "serde", xml(serde))]
#[xml(element = "CmdNone")]
pub struct CmdNone {
    /// Unknown attributes, in order.
    #[xml(extra, setter)]
    pub extra: Vec<RawAttribute>,
    #[xml(pending)]
    pending: PendingError,
}

impl CmdNone {
    /// `<CmdNone/>`.
    ///
    /// ```
    /// use ivr_xml::{CmdNone, Command, Response};
    /// let doc = Response::builder().main(CmdNone::new()).build()?;
    /// assert_eq!(doc.main(), Some(&Command::from(CmdNone::new())));
    /// # Ok::<(), ivr_xml::BuildError>(())
    /// ```
    pub fn new() -> CmdNone {
        CmdNone::default()
    }
}
