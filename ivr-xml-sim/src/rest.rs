//! The platform's REST interface (spec §4), answering `ivr/dial`, `ivr/createconf` and the
//! `ivr/conf` operations the guide uses, on the same [`Platform`] as the call engine.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use ivr_xml::notify::{AppId, ConfCreated, ConfId, Message};
use ivr_xml::rest::{Credentials, Operation, RestRequest, RestResponse, RestTarget};

use crate::platform::{Conference, Outbound, OutboundKind, Platform};

/// What the REST interface checks requests against.
#[derive(Clone)]
struct Rest {
    platform: Platform,
    credentials: Credentials,
}

/// Error codes of the simulated REST interface. The platform's own table was not available,
/// so these are the simulator's, each answered with a message saying what went wrong.
mod codes {
    pub(super) const BAD_TARGET: &str = "990001";
    pub(super) const BAD_SIGNATURE: &str = "990002";
    pub(super) const BAD_BODY: &str = "990003";
    pub(super) const NO_SUCH_CONFERENCE: &str = "990004";
    pub(super) const NOT_SIMULATED: &str = "990005";
    pub(super) const WRONG_ENDPOINT: &str = "990006";
}

impl Platform {
    /// The platform's REST interface on this platform's state, checking every request's
    /// signature against `credentials`. Serve it on loopback and point a
    /// `ivr_xml::rest::RestClient` (ivr-xml's feature `rest-client`, which this crate does not
    /// enable, so no link) at it.
    ///
    /// Simulated: `Dial` (an IVR outbound call: the number's [scripted](Platform::answer_as)
    /// person answers and `startservice` runs with `direction=1`), `CreateConf` (its `action` gets
    /// the new `confid`), `InviteJoinConf` (each number is called and joins; its `joinurl` gets
    /// the join), `DismissConf` (members are hung up, the conference deleted) and `QueryConfState`
    /// (answers the `confid` and, as the simulator's own `memberCount`, the member count: the
    /// platform's answer format is undocumented). Other operations answer code `990005`.
    ///
    /// ```
    /// use ivr_xml::rest::Credentials;
    /// use ivr_xml_sim::Platform;
    /// let platform = Platform::default();
    /// let credentials = Credentials::new("aaf98f8944f35b130144f36f6f3f0001", "token");
    /// let router: axum::Router = platform.rest_router(credentials);
    /// # let _ = router;
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
    pub fn rest_router(&self, credentials: Credentials) -> Router {
        let rest = Rest {
            platform: self.clone(),
            credentials,
        };
        Router::new().fallback(handle).with_state(rest)
    }
}

fn answer(response: RestResponse) -> Response {
    match response.to_xml() {
        Ok(body) => (
            StatusCode::OK,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/xml;charset=utf-8"),
            )],
            body,
        )
            .into_response(),
        Err(err) => (StatusCode::INTERNAL_SERVER_ERROR, err.to_string()).into_response(),
    }
}

fn failure(code: &str, message: impl Into<String>) -> Response {
    answer(RestResponse::failure(code, message))
}

async fn handle(State(rest): State<Rest>, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    let target_text = uri.path_and_query().map_or(uri.path(), |pq| pq.as_str());
    let target = match RestTarget::parse(target_text) {
        Ok(target) => target,
        Err(err) => return failure(codes::BAD_TARGET, err.to_string()),
    };
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if let Err(err) = rest
        .credentials
        .verify(authorization, target.sig.as_deref().unwrap_or(""))
    {
        return failure(codes::BAD_SIGNATURE, format!("signature refused: {err}"));
    }
    let request = match std::str::from_utf8(&body)
        .map_err(|e| e.to_string())
        .and_then(|text| RestRequest::parse(text).map_err(|e| e.to_string()))
    {
        Ok(request) => request,
        Err(err) => {
            return failure(
                codes::BAD_BODY,
                format!("the request body is not a valid request: {err}"),
            )
        }
    };
    if request.endpoint().as_ref() != Some(&target.endpoint) {
        return failure(
            codes::WRONG_ENDPOINT,
            format!(
                "`<{}>` does not belong at {}",
                request.operation.name(),
                uri.path()
            ),
        );
    }
    let appid = request.appid.id.to_string();
    let mut state = rest.platform.lock();
    match request.operation {
        Operation::Dial(dial) => {
            let call_id = state.new_call_id();
            let number = dial.number.to_string();
            let mut callee = state.callee(&number);
            callee.from = number.clone();
            state.log.push_back(format!(
                "REST ivr/dial: calling {number} (callSid {call_id})"
            ));
            state.outbound.push_back(Outbound {
                call_id: call_id.clone(),
                callee,
                kind: OutboundKind::Dial {
                    userdata: dial.userdata.map(|u| u.to_string()),
                },
            });
            answer(RestResponse::success().with_call_sid(call_id))
        }
        Operation::CreateConf(create) => {
            let Some(confid) = state.new_confid() else {
                return failure(codes::NOT_SIMULATED, "out of conference ids");
            };
            state
                .conferences
                .insert(confid.clone(), Conference::new(&create.conf));
            state.timers_to_start.insert(confid.clone());
            state
                .log
                .push_back(format!("REST ivr/createconf: conference {confid} created"));
            if let Some(action) = &create.conf.action {
                let mut created = ConfCreated::new(confid.clone());
                created.appid = AppId::new(appid).ok();
                state
                    .callbacks
                    .push_back((action.as_str().to_owned(), created.to_params()));
            }
            answer(RestResponse::success().with_confid(confid.to_string()))
        }
        Operation::InviteJoinConf(invite) => {
            let Some(confid) = ConfId::new(invite.confid.as_str())
                .ok()
                .filter(|id| state.conferences.contains_key(id))
            else {
                return failure(
                    codes::NO_SUCH_CONFERENCE,
                    format!("no conference `{}`", invite.confid),
                );
            };
            let joinurl = invite.joinurl.as_ref().map(|url| url.as_str().to_owned());
            let action = invite.action.as_ref().map(|url| url.as_str().to_owned());
            for number in invite.number.as_str().split('#').filter(|n| !n.is_empty()) {
                let call_id = state.new_call_id();
                let mut callee = state.callee(number);
                callee.from = number.to_owned();
                state.log.push_back(format!(
                    "REST ivr/conf InviteJoinConf: calling {number} into {confid}"
                ));
                state.outbound.push_back(Outbound {
                    call_id,
                    callee,
                    kind: OutboundKind::Invite {
                        confid: confid.clone(),
                        joinurl: joinurl.clone(),
                        action: action.clone(),
                    },
                });
            }
            answer(RestResponse::success())
        }
        Operation::DismissConf(dismiss) => {
            let Some(confid) = ConfId::new(dismiss.confid.as_str())
                .ok()
                .filter(|id| state.conferences.contains_key(id))
            else {
                return failure(
                    codes::NO_SUCH_CONFERENCE,
                    format!("no conference `{}`", dismiss.confid),
                );
            };
            state
                .log
                .push_back(format!("REST ivr/conf DismissConf: {confid}"));
            state.dismissed.push_back(confid);
            answer(RestResponse::success())
        }
        Operation::QueryConfState(query) => {
            let conference = ConfId::new(query.confid.as_str()).ok().and_then(|id| {
                state
                    .conferences
                    .get(&id)
                    .map(|c| (id.clone(), c.members.len()))
            });
            let Some((confid, members)) = conference else {
                return failure(
                    codes::NO_SUCH_CONFERENCE,
                    format!("no conference `{}`", query.confid),
                );
            };
            let count = ivr_xml::RawElement::new("memberCount").text(members.to_string());
            answer(
                RestResponse::success()
                    .with_confid(confid.to_string())
                    .with_child(count),
            )
        }
        other => failure(
            codes::NOT_SIMULATED,
            format!("the simulator does not simulate `<{}>`", other.name()),
        ),
    }
}
