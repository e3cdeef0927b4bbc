//! A call's own notifications: `startservice`, the `<Get>` report, the `<Redirect>` request,
//! `stopservice`, and the `cdr` record of a finished call.

use crate::notify::ids::{AppId, CallId, Code};
use crate::notify::params::Params;
use crate::notify::time::Timestamp;
use crate::notify::values::{Digits, Direction, Seconds, UserData};
use ivr_xml_derive::Message;

/// `startservice`: a call to the application has started (呼叫开始). Fixed segment
/// `startservice` \[field\]; sent for an inbound call to the IVR access number and for an IVR
/// outbound call started with REST `ivr/dial` \[guide (4)\]. Answer with a command document.
///
/// `origcalled`, `fromattr`, `serviceno`, `digits` and `transfernum` are listed by one
/// application's comment with unknown meanings (spec §3.2); they stay in `extra`.
///
/// ```
/// use ivr_xml::notify::{AppId, CallId, Direction, Message, StartService};
///
/// let query = "appid=ff8080813f84717a013f847540ef0000&callid=17092716390803280001000400011fab\
///              &from=13800000000&to=01083035690&direction=0&origcalled=01083035690";
/// let start = StartService::from_query(query)?;
/// assert_eq!(start.direction, Some(Direction::Inbound));
/// assert_eq!(start.from.as_deref(), Some("13800000000"));
/// assert_eq!(start.extra.get("origcalled"), Some("01083035690"));
/// assert_eq!(start.to_query_string(), query);
///
/// // Built in a test: an outbound call whose REST request carried userdata.
/// let built = StartService::new(AppId::new("app1")?, CallId::new("call1")?)
///     .from("")
///     .to("13800000000")
///     .direction(Direction::Outbound)
///     .userdata("b3JkZXI9NDI=");
/// assert_eq!(built.to_query_string(), "appid=app1&callid=call1&from=&to=13800000000&direction=1&userdata=b3JkZXI9NDI%3D");
/// assert_eq!(StartService::from_xml(built.to_xml()?.as_bytes())?, built);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Message)]
#[message(kind = "startservice notification", segment = "startservice")]
#[cfg_attr(feature = "serde", message(serde))]
#[non_exhaustive]
pub struct StartService {
    /// `appid`: the application. *Field evidence only* (3 apps).
    pub appid: AppId,
    /// `callid`: the call. *Field evidence only* (3 apps).
    pub callid: CallId,
    /// `from`: the caller; the calling number for an inbound call, empty for an IVR outbound
    /// call. *Field evidence only* (1 app).
    pub from: Option<String>,
    /// `to`: the callee; the IVR access number for an inbound call, the dialled number for an
    /// outbound call. *Field evidence only* (1 app).
    pub to: Option<String>,
    /// `direction`: inbound (`0`) or outbound (`1`). *Field evidence only* (2 apps).
    pub direction: Option<Direction>,
    /// `userdata`: present when the REST `ivr/dial` request carried one \[official\].
    pub userdata: Option<UserData>,
    /// The parameters this message does not read, in the order received: the application's own
    /// (from the query string of its `action` URL) and any the crate cannot name. Written after
    /// the known ones.
    #[message(extra)]
    pub extra: Params,
}

/// The `<Get>` report (按键通知): the caller pressed keys during a `<Get>`. The segment is the
/// Get's `action`, by default `dtmfreport` \[official\]. Answer with a command document.
///
/// Any query parameters the application put in `action` come back in `extra` \[field\].
///
/// ```
/// use ivr_xml::notify::{AppId, CallId, Digits, DtmfReport, Message};
///
/// let report = DtmfReport::from_query("appid=a1&callid=c1&digits=12345678%23&result=0&menu=join")?;
/// assert_eq!(report.digits.as_str(), "12345678#");
/// assert_eq!(report.digits.entered(), "12345678");
/// assert!(report.result.as_ref().is_some_and(|r| r.is_zero()));
/// assert_eq!(report.extra.get("menu"), Some("join"));
///
/// let built = DtmfReport::new(AppId::new("a1")?, CallId::new("c1")?, Digits::new("1")?);
/// assert_eq!(built.to_query_string(), "appid=a1&callid=c1&digits=1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Message)]
#[message(kind = "Get report", segment = "dtmfreport")]
#[cfg_attr(feature = "serde", message(serde))]
#[non_exhaustive]
pub struct DtmfReport {
    /// `appid`. *Field evidence only* (4 apps).
    pub appid: AppId,
    /// `callid`. *Field evidence only* (4 apps).
    pub callid: CallId,
    /// `digits`: the keys collected, which may end with the finish key (spec §2.1).
    /// *Field evidence only* (3 apps).
    pub digits: Digits,
    /// `result`: one application requires it and treats `0` as success; otherwise unknown.
    /// *Field evidence only* (1 app).
    pub result: Option<Code>,
    /// `userdata`. *Field evidence only*.
    pub userdata: Option<UserData>,
    /// The parameters this message does not read, in the order received: the application's own
    /// (from the query string of its `action` URL) and any the crate cannot name. Written after
    /// the known ones.
    #[message(extra)]
    pub extra: Params,
}

/// The request a `<Redirect>` makes (业务跳转): its text is the segment, and its `tag` comes
/// back as a parameter \[field\]; the guide reuses one URL, `gettimeout`, with `tag='1'` and
/// `tag='2'` \[guide\]. Answer with a command document.
///
/// ```
/// use ivr_xml::notify::{AppId, CallId, Message, RedirectRequest};
///
/// let redirect = RedirectRequest::from_query("appid=a1&callid=c1&tag=2")?;
/// assert_eq!(redirect.tag.as_deref(), Some("2"));
///
/// let built = RedirectRequest::new(AppId::new("a1")?, CallId::new("c1")?).tag("1");
/// assert_eq!(built.to_query_string(), "appid=a1&callid=c1&tag=1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Message)]
#[message(kind = "Redirect request")]
#[cfg_attr(feature = "serde", message(serde))]
#[non_exhaustive]
pub struct RedirectRequest {
    /// `appid`. *Field evidence only* (2 apps).
    pub appid: AppId,
    /// `callid`. *Field evidence only* (2 apps).
    pub callid: CallId,
    /// `tag`: the `<Redirect>`'s `tag`. *Field evidence only* (1 app routes on it).
    pub tag: Option<String>,
    /// `type`: read by one application; meaning unknown. *Field evidence only* (1 app).
    #[message(rename = "type")]
    pub kind: Option<String>,
    /// `result`: read by one application; meaning unknown. *Field evidence only* (1 app).
    pub result: Option<Code>,
    /// `userdata`. *Field evidence only* (1 app).
    pub userdata: Option<UserData>,
    /// The parameters this message does not read, in the order received: the application's own
    /// (from the query string of its `action` URL) and any the crate cannot name. Written after
    /// the known ones.
    #[message(extra)]
    pub extra: Params,
}

impl RedirectRequest {
    /// The `tag` read as a `T` (a retry count, a menu id...): `Ok(None)` when the request carries
    /// no tag, `Err` with `T`'s own error when it carries one that is not a `T`.
    ///
    /// ```
    /// use ivr_xml::notify::{Message, RedirectRequest};
    /// let retry = RedirectRequest::from_query("appid=a1&callid=c1&tag=2")?;
    /// assert_eq!(retry.parse_tag::<u32>(), Ok(Some(2)));
    /// let untagged = RedirectRequest::from_query("appid=a1&callid=c1")?;
    /// assert_eq!(untagged.parse_tag::<u32>(), Ok(None));
    /// let other = RedirectRequest::from_query("appid=a1&callid=c1&tag=menu")?;
    /// assert!(other.parse_tag::<u32>().is_err());
    /// # Ok::<(), ivr_xml::notify::NotifyError>(())
    /// ```
    pub fn parse_tag<T: std::str::FromStr>(&self) -> Result<Option<T>, T::Err> {
        self.tag.as_deref().map(str::parse).transpose()
    }
}

/// `stopservice`: the call has ended (挂机通知), with its call record. Fixed segment
/// `stopservice` \[field\]; "after the hang-up a hang-up notification is sent" \[guide (17)\].
/// Answer `<CmdNone/>` \[guide (18)\].
///
/// Every parameter is known from field code only (spec §3.5). The related call id comes
/// spelled `relatedcallid` (stopservice comment) or `relatecallid` (cdr handler); both are
/// read, each into its own field, and [`StopService::related_callid`] gives either.
/// `mediaflow`, `videoflow`, `alertingtime`, `confid` and `number` (meanings unknown) stay in
/// `extra`. An empty time, duration or code (`recordurl=` when nothing was recorded,
/// `errorcode=` on a normal call) reads as absent.
///
/// ```
/// use ivr_xml::notify::{AppId, CallId, Message, Seconds, StopService, Timestamp};
///
/// let stop = StopService::from_query(
///     "appid=a1&callid=c1&starttime=20170927163910&endtime=20170927163911&callduration=1&errorcode=",
/// )?;
/// let (start, end) = (stop.starttime.unwrap(), stop.endtime.unwrap());
/// assert_eq!(end.seconds_since(start), 1);
/// assert_eq!(stop.callduration, Some(Seconds::new(1)));
/// assert_eq!(stop.errorcode, None);
///
/// let built = StopService::new(AppId::new("a1")?, CallId::new("c1")?)
///     .starttime(Timestamp::parse("20170927163910")?)
///     .callduration(Seconds::new(1));
/// assert_eq!(built.to_query_string(), "appid=a1&callid=c1&starttime=20170927163910&callduration=1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Message)]
#[message(kind = "stopservice notification", segment = "stopservice")]
#[cfg_attr(feature = "serde", message(serde))]
#[non_exhaustive]
pub struct StopService {
    /// `appid`. *Field evidence only*.
    pub appid: AppId,
    /// `callid`. *Field evidence only*.
    pub callid: CallId,
    /// `starttime`: start of the main (calling) leg. *Field evidence only*.
    pub starttime: Option<Timestamp>,
    /// `endtime`: end of the main leg. *Field evidence only*.
    pub endtime: Option<Timestamp>,
    /// `callduration`: talk time of the main leg (seconds \[inferred\]). *Field evidence only*.
    pub callduration: Option<Seconds>,
    /// `sstime`: start of the secondary (called) leg, such as a `ConsultationCall`.
    /// *Field evidence only*.
    pub sstime: Option<Timestamp>,
    /// `setime`: end of the secondary leg. *Field evidence only*.
    pub setime: Option<Timestamp>,
    /// `seccallduration`: talk time of the secondary leg. *Field evidence only*.
    pub seccallduration: Option<Seconds>,
    /// `recordurl`: where to download the recording, when recording was on.
    /// *Field evidence only*.
    pub recordurl: Option<String>,
    /// `recordid`: the recording file's id, when recording was on. *Field evidence only*.
    pub recordid: Option<String>,
    /// `errorcode`: the error of an abnormal call; no value table is known.
    /// *Field evidence only*.
    pub errorcode: Option<Code>,
    /// `relatedcallid`: a related call (meaning unknown). *Field evidence only* (one
    /// application's comment on the URL format).
    pub relatedcallid: Option<CallId>,
    /// `relatecallid`: the same, as the cdr handler spells it (spec §5 #10).
    /// *Field evidence only*.
    pub relatecallid: Option<CallId>,
    /// `userdata`. *Field evidence only* (1 app).
    pub userdata: Option<UserData>,
    /// `timestamp`: when the notification was made; one application uses it when a start or
    /// end time is missing. *Field evidence only* (1 app).
    pub timestamp: Option<Timestamp>,
    /// The parameters this message does not read, in the order received: the application's own
    /// (from the query string of its `action` URL) and any the crate cannot name. Written after
    /// the known ones.
    #[message(extra)]
    pub extra: Params,
}

impl StopService {
    /// The related call id, whichever spelling carried it (`relatedcallid` first).
    ///
    /// ```
    /// use ivr_xml::notify::{Message, StopService};
    /// let stop = StopService::from_query("appid=a&callid=c&relatecallid=r1").unwrap();
    /// assert_eq!(stop.related_callid().map(|id| id.as_str()), Some("r1"));
    /// ```
    pub fn related_callid(&self) -> Option<&CallId> {
        self.relatedcallid.as_ref().or(self.relatecallid.as_ref())
    }
}

/// `cdr`: the call detail record (话单) of a finished call, as one field handler receives it
/// (spec §3.8). *Field evidence only*: the parameter names are the handler's, the types are read
/// from the one captured request \[field\]; whether the platform sends it as an IVR notification
/// or as a separate CDR push is unclear, and the segment `cdr` is the handler's. Answer with
/// `<CmdNone/>` \[field\].
///
/// The related call is `relatecallid` here, as the cdr handler spells it; a `relatedcallid`
/// (the stopservice comment's spelling, spec §5 #10) stays in `extra`. An empty time, duration or
/// code reads as absent.
///
/// The request captured in a code comment (spec §3.8), read and written back; the known
/// parameters are written first (`appid`, `callid`), then the others in field order, which is
/// the capture's:
///
/// ```
/// use ivr_xml::notify::{Cdr, Direction, Message, Seconds, Timestamp};
///
/// let query = "appid=ff8080813f84717a013f847540ef0000&caller=01012345678&called=86138000000000\
///              &direction=1&callid=17092716390803280001000400011fab\
///              &relatecallid=1502121333119418000600040000045d&maincall=0&callresult=1\
///              &callstate=200&callstarttime=20170927163908&sipcause=200&ringtime=20170927163908\
///              &starttime=20170927163910&endtime=20170927163911&duration=1&timestamp=20170927163911";
/// let cdr = Cdr::from_query(query)?;
/// assert_eq!(cdr.callid, "17092716390803280001000400011fab");
/// assert_eq!(cdr.direction, Some(Direction::Outbound));
/// assert_eq!(cdr.duration, Some(Seconds::new(1)));
/// assert_eq!(cdr.sipcause.as_ref().map(|c| c.as_str()), Some("200"));
/// let (start, end) = (cdr.starttime.unwrap(), cdr.endtime.unwrap());
/// assert_eq!(end.seconds_since(start), 1);
/// assert!(cdr.extra.is_empty());
/// assert_eq!(
///     cdr.to_query_string(),
///     "appid=ff8080813f84717a013f847540ef0000&callid=17092716390803280001000400011fab\
///      &caller=01012345678&called=86138000000000&direction=1\
///      &relatecallid=1502121333119418000600040000045d&maincall=0&callresult=1\
///      &callstate=200&callstarttime=20170927163908&sipcause=200&ringtime=20170927163908\
///      &starttime=20170927163910&endtime=20170927163911&duration=1&timestamp=20170927163911"
/// );
/// assert_eq!(Cdr::from_query(&cdr.to_query_string())?, cdr);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Message)]
#[message(kind = "cdr callback", segment = "cdr")]
#[cfg_attr(feature = "serde", message(serde))]
#[non_exhaustive]
pub struct Cdr {
    /// `appid`: the application. *Field evidence only*.
    pub appid: AppId,
    /// `callid`: the call. *Field evidence only*.
    pub callid: CallId,
    /// `caller`: the calling number (a landline number in the capture). *Field evidence only*.
    pub caller: Option<String>,
    /// `called`: the called number (14 digits in the capture). *Field evidence only*.
    pub called: Option<String>,
    /// `direction`: `0` inbound, `1` outbound, read as for `startservice` \[inferred\]
    /// (`1` in the capture). *Field evidence only*.
    pub direction: Option<Direction>,
    /// `relatecallid`: a related call (32 characters in the capture; meaning unknown).
    /// *Field evidence only*.
    pub relatecallid: Option<CallId>,
    /// `maincall`: `0` in the capture; meaning unknown (whether this record is the main leg
    /// \[inferred\]). *Field evidence only*.
    pub maincall: Option<Code>,
    /// `callresult`: `1` in the capture; no value table is known. *Field evidence only*.
    pub callresult: Option<Code>,
    /// `callstate`: `200` in the capture, a SIP-like status \[inferred\]. *Field evidence only*.
    pub callstate: Option<Code>,
    /// `callstarttime`: when the call was placed. *Field evidence only*.
    pub callstarttime: Option<Timestamp>,
    /// `sipcause`: `200` in the capture, a SIP status \[inferred\]. *Field evidence only*.
    pub sipcause: Option<Code>,
    /// `ringtime`: when the callee's phone started ringing \[inferred\]. *Field evidence only*.
    pub ringtime: Option<Timestamp>,
    /// `starttime`: when the call was answered \[inferred\]. *Field evidence only*.
    pub starttime: Option<Timestamp>,
    /// `endtime`: when the call ended. *Field evidence only*.
    pub endtime: Option<Timestamp>,
    /// `duration`: talk time in seconds (`1` between `starttime` and `endtime` one second
    /// apart, in the capture). *Field evidence only*.
    pub duration: Option<Seconds>,
    /// `sstime`: start of the secondary (called) leg, as in `stopservice`. *Field evidence only*.
    pub sstime: Option<Timestamp>,
    /// `setime`: end of the secondary leg. *Field evidence only*.
    pub setime: Option<Timestamp>,
    /// `seccallduration`: talk time of the secondary leg. *Field evidence only*.
    pub seccallduration: Option<Seconds>,
    /// `recordurl`: where to download the recording, when recording was on.
    /// *Field evidence only*.
    pub recordurl: Option<String>,
    /// `userdata`. *Field evidence only*.
    pub userdata: Option<UserData>,
    /// `timestamp`: when the record was made. *Field evidence only*.
    pub timestamp: Option<Timestamp>,
    /// The parameters this message does not read, in the order received. Written after the
    /// known ones.
    #[message(extra)]
    pub extra: Params,
}
