//! The typed notification messages of spec §3, one struct each.
//!
//! Every message has the same shape: a public field per parameter it reads (required ones as
//! values, optional ones as `Option`), and `extra`, the parameters it does not read, in order.
//! `new` takes the required parameters and the optional ones are set by methods of the same name;
//! [`Message`] reads and writes every encoding. Parameters are written required first, then
//! optional, in the order of the fields, then `extra`.

use super::error::{Encoding, NotifyError};
use super::message::Message;
use super::options::NotifyOptions;
use super::params::{form_text, Params};
use super::time::Timestamp;
use super::urlencoded::{for_each_pair, Slot};
use super::values::{
    AppId, CallId, Code, ConfId, Digits, Direction, ParamValue, Seconds, UserData,
};

/// `Default` for messages without a required parameter (`new()` takes nothing).
macro_rules! default_if_nothing_required {
    ($name:ident;) => {
        impl Default for $name {
            fn default() -> $name {
                $name::new()
            }
        }
    };
    ($name:ident; $($field:ident)+) => {};
}

macro_rules! message {
    (
        $(#[$meta:meta])*
        $name:ident: $kind:literal, segment = $segment:expr;
        required { $( $(#[$rmeta:meta])* $rfield:ident: $rty:ty = $rname:literal, )* }
        optional { $( $(#[$ometa:meta])* $ofield:ident: $oty:ty = $oname:literal, )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub struct $name {
            $( $(#[$rmeta])* pub $rfield: $rty, )*
            $( $(#[$ometa])* pub $ofield: Option<$oty>, )*
            /// The parameters this message does not read, in the order received: the
            /// application's own (from the query string of its `action` URL) and any the crate
            /// cannot name. Written after the known ones.
            pub extra: Params,
        }

        impl $name {
            #[doc = concat!("A ", $kind, " with its required parameters; the optional ones are unset.")]
            pub fn new($($rfield: $rty),*) -> $name {
                $name {
                    $($rfield,)*
                    $($ofield: None,)*
                    extra: Params::new(),
                }
            }

            $(
                #[doc = concat!("Sets `", $oname, "` (the field `", stringify!($ofield), "`).")]
                pub fn $ofield(mut self, value: impl Into<$oty>) -> $name {
                    self.$ofield = Some(value.into());
                    self
                }
            )*

            /// Adds a parameter the message does not read; it is written after the known ones.
            ///
            /// Use a name the message does not read: a known name given again with another value
            /// makes the written message unreadable (two values for one parameter).
            pub fn extra_param(mut self, name: impl Into<String>, value: impl Into<String>) -> $name {
                self.extra.push(name, value);
                self
            }
        }

        default_if_nothing_required!($name; $($rfield)*);

        impl $name {
            /// Reads the message in one pass over urlencoded `input` (`text` is `input` as a
            /// `&str` when it is UTF-8): each parameter it knows into its slot, borrowed where
            /// nothing was escaped, the others into `extra`; then each slot typed, in field
            /// order. Errors as [`Params`] decoding, then [`Message::from_params`], report them.
            fn read_urlencoded(
                input: &[u8],
                text: Option<&str>,
                encoding: Encoding,
            ) -> Result<$name, NotifyError> {
                struct Slots<'a> {
                    $( $rfield: Slot<'a>, )*
                    $( $ofield: Slot<'a>, )*
                }
                let mut slots = Slots {
                    $( $rfield: Slot::EMPTY, )*
                    $( $ofield: Slot::EMPTY, )*
                };
                let mut extra = Params::new();
                let read = for_each_pair(
                    input,
                    text,
                    encoding,
                    &NotifyOptions::default(),
                    |name, value| match &*name {
                        $( $rname => slots.$rfield.put(value), )*
                        $( $oname => slots.$ofield.put(value), )*
                        _ => extra.push(name.into_owned(), value.into_owned()),
                    },
                )
                .and_then(|()| {
                    Ok($name {
                        $( $rfield: slots.$rfield.required($rname)?, )*
                        $( $ofield: slots.$ofield.optional($oname)?, )*
                        extra,
                    })
                });
                read.map_err(|err| err.in_message($kind))
            }
        }

        impl Message for $name {
            const KIND: &'static str = $kind;
            const DEFAULT_SEGMENT: Option<&'static str> = $segment;
            const PARAMS: &'static [&'static str] = &[$($rname,)* $($oname,)*];

            /// Reads the message from a query string (see [`Params::from_query`]), in one pass:
            /// the same message or error as [`Params::from_query`] then
            /// [`from_params`](Message::from_params), without building the [`Params`].
            fn from_query(query: &str) -> Result<$name, NotifyError> {
                let query = query.strip_prefix('?').unwrap_or(query);
                $name::read_urlencoded(query.as_bytes(), Some(query), Encoding::Query)
            }

            /// Reads the message from an `application/x-www-form-urlencoded` body, in one pass
            /// (see [`from_query`](Message::from_query)).
            fn from_form(body: &[u8]) -> Result<$name, NotifyError> {
                let text = form_text(body, &NotifyOptions::default());
                $name::read_urlencoded(body, text, Encoding::Form)
            }

            fn from_params(params: &Params) -> Result<$name, NotifyError> {
                let read = || -> Result<$name, NotifyError> {
                    Ok($name {
                        $($rfield: params.required($rname)?,)*
                        $($ofield: params.optional($oname)?,)*
                        extra: params.without(<$name as Message>::PARAMS),
                    })
                };
                read().map_err(|err| err.in_message($kind))
            }

            fn to_params(&self) -> Params {
                let mut params = Params::new();
                $( params.push($rname, ParamValue::to_param(&self.$rfield)); )*
                $(
                    if let Some(value) = &self.$ofield {
                        params.push($oname, ParamValue::to_param(value));
                    }
                )*
                params.extend(self.extra.iter());
                params
            }
        }
    };
}

message! {
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
    StartService: "startservice notification", segment = Some("startservice");
    required {
        /// `appid`: the application. *Field evidence only* (3 apps).
        appid: AppId = "appid",
        /// `callid`: the call. *Field evidence only* (3 apps).
        callid: CallId = "callid",
    }
    optional {
        /// `from`: the caller; the calling number for an inbound call, empty for an IVR outbound
        /// call. *Field evidence only* (1 app).
        from: String = "from",
        /// `to`: the callee; the IVR access number for an inbound call, the dialled number for an
        /// outbound call. *Field evidence only* (1 app).
        to: String = "to",
        /// `direction`: inbound (`0`) or outbound (`1`). *Field evidence only* (2 apps).
        direction: Direction = "direction",
        /// `userdata`: present when the REST `ivr/dial` request carried one \[official\].
        userdata: UserData = "userdata",
    }
}

message! {
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
    DtmfReport: "Get report", segment = Some("dtmfreport");
    required {
        /// `appid`. *Field evidence only* (4 apps).
        appid: AppId = "appid",
        /// `callid`. *Field evidence only* (4 apps).
        callid: CallId = "callid",
        /// `digits`: the keys collected, which may end with the finish key (spec §2.1).
        /// *Field evidence only* (3 apps).
        digits: Digits = "digits",
    }
    optional {
        /// `result`: one application requires it and treats `0` as success; otherwise unknown.
        /// *Field evidence only* (1 app).
        result: Code = "result",
        /// `userdata`. *Field evidence only*.
        userdata: UserData = "userdata",
    }
}

message! {
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
    RedirectRequest: "Redirect request", segment = None;
    required {
        /// `appid`. *Field evidence only* (2 apps).
        appid: AppId = "appid",
        /// `callid`. *Field evidence only* (2 apps).
        callid: CallId = "callid",
    }
    optional {
        /// `tag`: the `<Redirect>`'s `tag`. *Field evidence only* (1 app routes on it).
        tag: String = "tag",
        /// `type`: read by one application; meaning unknown. *Field evidence only* (1 app).
        kind: String = "type",
        /// `result`: read by one application; meaning unknown. *Field evidence only* (1 app).
        result: Code = "result",
        /// `userdata`. *Field evidence only* (1 app).
        userdata: UserData = "userdata",
    }
}

message! {
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
    StopService: "stopservice notification", segment = Some("stopservice");
    required {
        /// `appid`. *Field evidence only*.
        appid: AppId = "appid",
        /// `callid`. *Field evidence only*.
        callid: CallId = "callid",
    }
    optional {
        /// `starttime`: start of the main (calling) leg. *Field evidence only*.
        starttime: Timestamp = "starttime",
        /// `endtime`: end of the main leg. *Field evidence only*.
        endtime: Timestamp = "endtime",
        /// `callduration`: talk time of the main leg (seconds \[inferred\]). *Field evidence only*.
        callduration: Seconds = "callduration",
        /// `sstime`: start of the secondary (called) leg, such as a `ConsultationCall`.
        /// *Field evidence only*.
        sstime: Timestamp = "sstime",
        /// `setime`: end of the secondary leg. *Field evidence only*.
        setime: Timestamp = "setime",
        /// `seccallduration`: talk time of the secondary leg. *Field evidence only*.
        seccallduration: Seconds = "seccallduration",
        /// `recordurl`: where to download the recording, when recording was on.
        /// *Field evidence only*.
        recordurl: String = "recordurl",
        /// `recordid`: the recording file's id, when recording was on. *Field evidence only*.
        recordid: String = "recordid",
        /// `errorcode`: the error of an abnormal call; no value table is known.
        /// *Field evidence only*.
        errorcode: Code = "errorcode",
        /// `relatedcallid`: a related call (meaning unknown). *Field evidence only* (one
        /// application's comment on the URL format).
        relatedcallid: CallId = "relatedcallid",
        /// `relatecallid`: the same, as the cdr handler spells it (spec §5 #10).
        /// *Field evidence only*.
        relatecallid: CallId = "relatecallid",
        /// `userdata`. *Field evidence only* (1 app).
        userdata: UserData = "userdata",
        /// `timestamp`: when the notification was made; one application uses it when a start or
        /// end time is missing. *Field evidence only* (1 app).
        timestamp: Timestamp = "timestamp",
    }
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

message! {
    /// A conference was created: the request to `CreateConf@action` (for example `createconfok`)
    /// \[official\] \[guide (10)\]. Answer with a command document: the guide answers with a
    /// `<PlayMix>` of the id and a `<Redirect>` \[guide (11)\].
    ///
    /// No parameter list is available (spec §3.7). `confid` is required because the guide plays
    /// the new conference's id right after this callback \[inferred\]; `appid` and `callid` are
    /// read when present \[inferred\].
    ///
    /// ```
    /// use ivr_xml::notify::{ConfCreated, ConfId, Message};
    /// let created = ConfCreated::from_query("confid=00012345&callid=c1")?;
    /// assert_eq!(created.confid, "00012345");
    /// assert_eq!(ConfCreated::new(ConfId::new("00012345")?).to_query_string(), "confid=00012345");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ConfCreated: "conference-created callback", segment = None;
    required {
        /// `confid`: the new conference \[inferred\].
        confid: ConfId = "confid",
    }
    optional {
        /// `appid` \[inferred\].
        appid: AppId = "appid",
        /// `callid`: the call that created the conference \[inferred\].
        callid: CallId = "callid",
        /// `userdata` \[inferred\].
        userdata: UserData = "userdata",
    }
}

message! {
    /// A member joined a conference: the request to `JoinConf@action` (for example `joinconfok`)
    /// \[guide (14)\] or to `CreateConf@joinurl` \[official\]. Answer with a command document (the
    /// guide answers `<CmdNone/>`); callbacks of REST-created conferences are answered with an
    /// empty 200 \[field\].
    ///
    /// ```
    /// use ivr_xml::notify::{ConfId, ConfMemberJoined, Message, Timestamp};
    /// let joined = ConfMemberJoined::from_query("confid=00012345&jointime=20170927163908&callid=c1")?;
    /// assert_eq!(joined.jointime.map(|t| t.hour()), Some(16));
    /// let built = ConfMemberJoined::new(ConfId::new("00012345")?).jointime(Timestamp::parse("20170927163908")?);
    /// assert_eq!(built.to_query_string(), "confid=00012345&jointime=20170927163908");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ConfMemberJoined: "member-joined callback", segment = None;
    required {
        /// `confid`: the conference. *Field evidence only*.
        confid: ConfId = "confid",
    }
    optional {
        /// `jointime`: when the member joined. *Field evidence only*.
        jointime: Timestamp = "jointime",
        /// `callid`: the member's call \[inferred\].
        callid: CallId = "callid",
        /// `appid` \[inferred\].
        appid: AppId = "appid",
        /// `userdata` \[inferred\].
        userdata: UserData = "userdata",
    }
}

message! {
    /// A member left a conference: the request to `CreateConf@quiturl` [official, attribute
    /// only]. Its parameters are unknown (spec §3.7), so every field is optional and \[inferred\].
    ///
    /// ```
    /// use ivr_xml::notify::{CallId, ConfMemberQuit, Message};
    /// let quit = ConfMemberQuit::from_query("confid=00012345&callid=c1")?;
    /// assert_eq!(quit.callid.as_ref().map(|c| c.as_str()), Some("c1"));
    /// let built = ConfMemberQuit::new().callid(CallId::new("c1")?);
    /// assert_eq!(built.to_query_string(), "callid=c1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ConfMemberQuit: "member-quit callback", segment = None;
    required {}
    optional {
        /// `confid` \[inferred\].
        confid: ConfId = "confid",
        /// `callid`: the member's call \[inferred\].
        callid: CallId = "callid",
        /// `appid` \[inferred\].
        appid: AppId = "appid",
    }
}

message! {
    /// A conference was deleted: the request to `CreateConf@delreporturl` \[official, attribute\].
    ///
    /// ```
    /// use ivr_xml::notify::{ConfDeleted, ConfId, Message, Timestamp};
    /// let deleted = ConfDeleted::from_query("confid=00012345&deltime=20170927170000")?;
    /// assert_eq!(deleted.deltime, Some(Timestamp::parse("20170927170000")?));
    /// assert_eq!(ConfDeleted::new(ConfId::new("9")?).to_query_string(), "confid=9");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ConfDeleted: "conference-deleted callback", segment = None;
    required {
        /// `confid`: the conference. *Field evidence only*.
        confid: ConfId = "confid",
    }
    optional {
        /// `deltime`: when it was deleted. *Field evidence only*.
        deltime: Timestamp = "deltime",
        /// `appid` \[inferred\].
        appid: AppId = "appid",
    }
}

message! {
    /// Keys pressed in a conference: the request to `CreateConf@dtmfreporturl` [official,
    /// attribute only]. Parameters unknown; `confid`, `callid` and `digits` are the likely ones
    /// (spec §3.7) \[inferred\].
    ///
    /// ```
    /// use ivr_xml::notify::{ConfDtmfReport, Digits, Message};
    /// let keys = ConfDtmfReport::from_query("confid=00012345&callid=c1&digits=*1")?;
    /// assert_eq!(keys.digits.as_ref().map(|d| d.as_str()), Some("*1"));
    /// assert_eq!(ConfDtmfReport::new().digits(Digits::new("5")?).to_query_string(), "digits=5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ConfDtmfReport: "conference key report", segment = None;
    required {}
    optional {
        /// `confid` \[inferred\].
        confid: ConfId = "confid",
        /// `callid`: the member who pressed the keys \[inferred\].
        callid: CallId = "callid",
        /// `digits`: the keys \[inferred\].
        digits: Digits = "digits",
        /// `appid` \[inferred\].
        appid: AppId = "appid",
    }
}

message! {
    /// The result of a conference media operation: the request to `CreateConf@mediaopturl`
    /// \[official, attribute only\]. Parameters unknown (spec §3.7); every field is \[inferred\].
    ///
    /// ```
    /// use ivr_xml::notify::{Code, ConfMediaOpResult, Message};
    /// let result = ConfMediaOpResult::from_query("confid=00012345&result=0&op=play")?;
    /// assert!(result.result.as_ref().is_some_and(Code::is_zero));
    /// assert_eq!(result.extra.get("op"), Some("play"));
    /// assert_eq!(ConfMediaOpResult::new().result(Code::new("1")?).to_query_string(), "result=1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ConfMediaOpResult: "media-operation result", segment = None;
    required {}
    optional {
        /// `confid` \[inferred\].
        confid: ConfId = "confid",
        /// `callid` \[inferred\].
        callid: CallId = "callid",
        /// `result`: the outcome; no value table is known \[inferred\].
        result: Code = "result",
        /// `appid` \[inferred\].
        appid: AppId = "appid",
    }
}

message! {
    /// A wrong conference password was entered three times: the request to `passwderrorurl`
    /// (an attribute of REST create-conference, *field evidence only*, spec §2.8). Parameters
    /// unknown; every field is \[inferred\].
    ///
    /// ```
    /// use ivr_xml::notify::{ConfId, ConfPasswordFailed, Message};
    /// let failed = ConfPasswordFailed::from_query("confid=00012345&callid=c1")?;
    /// assert_eq!(failed.confid, Some(ConfId::new("00012345")?));
    /// assert_eq!(ConfPasswordFailed::new().confid(ConfId::new("7")?).to_query_string(), "confid=7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ConfPasswordFailed: "password-failed callback", segment = None;
    required {}
    optional {
        /// `confid` \[inferred\].
        confid: ConfId = "confid",
        /// `callid`: the caller who failed \[inferred\].
        callid: CallId = "callid",
        /// `appid` \[inferred\].
        appid: AppId = "appid",
    }
}

message! {
    /// The consulted party of a `<ConsultationCall>` hung up: the request to its `hangupurl`.
    /// *Field evidence only* (2 apps). The first caller is still connected: one application
    /// answers with a satisfaction-survey `<Get>`.
    ///
    /// ```
    /// use ivr_xml::notify::{AppId, CallId, ConsultHangup, Message, Seconds};
    /// let hangup = ConsultHangup::from_query("appid=a1&callid=c1&reason=0&callduration=42")?;
    /// assert!(hangup.reason.as_ref().is_some_and(|r| r.is_zero()));
    /// assert_eq!(hangup.callduration, Some(Seconds::new(42)));
    /// let built = ConsultHangup::new(AppId::new("a1")?, CallId::new("c1")?).callduration(Seconds::new(42));
    /// assert_eq!(built.to_query_string(), "appid=a1&callid=c1&callduration=42");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ConsultHangup: "ConsultationCall hangupurl callback", segment = None;
    required {
        /// `appid`. *Field evidence only* (2 apps).
        appid: AppId = "appid",
        /// `callid`. *Field evidence only* (2 apps).
        callid: CallId = "callid",
    }
    optional {
        /// `reason`: `0` = the consulted side hung up; other values unknown.
        /// *Field evidence only* (2 apps).
        reason: Code = "reason",
        /// `callduration`: talk time of the consultation call. *Field evidence only* (2 apps).
        callduration: Seconds = "callduration",
    }
}

message! {
    /// The `calltime` of a `<ConsultationCall>` ran out: the request to its `calltimeoverurl`.
    /// *Field evidence only*.
    ///
    /// ```
    /// use ivr_xml::notify::{AppId, CallId, ConsultCallTimeOver, Message};
    /// let over = ConsultCallTimeOver::from_query("appid=a1&callid=c1")?;
    /// assert_eq!(over, ConsultCallTimeOver::new(AppId::new("a1")?, CallId::new("c1")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ConsultCallTimeOver: "ConsultationCall calltimeoverurl callback", segment = None;
    required {
        /// `appid`. *Field evidence only*.
        appid: AppId = "appid",
        /// `callid`. *Field evidence only*.
        callid: CallId = "callid",
    }
    optional {}
}

message! {
    /// The consulted party of a `<ConsultationCall>` did not answer: the request to its
    /// `noanswerurl`. *Field evidence only*; only `callid` is known to be sent.
    ///
    /// ```
    /// use ivr_xml::notify::{CallId, ConsultNoAnswer, Message};
    /// let missed = ConsultNoAnswer::from_query("callid=c1")?;
    /// assert_eq!(missed.callid, "c1");
    /// assert_eq!(ConsultNoAnswer::new(CallId::new("c1")?).to_query_string(), "callid=c1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ConsultNoAnswer: "ConsultationCall noanswerurl callback", segment = None;
    required {
        /// `callid`. *Field evidence only*.
        callid: CallId = "callid",
    }
    optional {
        /// `appid` \[inferred\].
        appid: AppId = "appid",
    }
}
