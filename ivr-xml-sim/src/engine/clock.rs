//! The scheduler: the wake-ups a call (or the platform, for a conference's expiry) waits for on
//! the virtual clock, the loop that takes them from the agenda in time order and drops stale ones,
//! what each wake-up does (a call's start, a key press, a `<Get>` timeout, the next sub-command, a
//! hang-up), and taking in what the REST interface did between two wake-ups.

use std::time::Duration;

use ivr_xml::notify::{
    ConfDtmfReport, ConfId, Digits, Direction, DtmfReport, Message, StartService,
};
use ivr_xml::{Command, Get};

use super::commands::method_of;
use super::{OutboundKindOrInbound, Who, World};
use crate::platform::{Outbound, OutboundKind};
use crate::transcript::Event;
use crate::transport::Transport;

#[derive(Debug)]
pub(super) enum Wake {
    Start,
    Keys {
        keys: String,
        digits: String,
        get: Box<Get>,
    },
    GetTimeout {
        subs: Vec<Command>,
    },
    Continue {
        subs: Vec<Command>,
    },
    ConferenceKeys {
        keys: String,
    },
    /// A key cut a playback short; `then` is what would have followed its end.
    PlayCut {
        keys: String,
        why: String,
        then: Box<Wake>,
    },
    CallerHangUp,
    ConferenceExpiry {
        confid: ConfId,
    },
}

/// A wake-up of a call (or of the platform, for a conference's expiry), kept on the agenda.
#[derive(Debug)]
pub(super) struct Pending {
    call: usize,
    generation: u64,
    wake: Wake,
}

impl<T: Transport> World<'_, T> {
    pub(super) fn schedule_at(&mut self, at: Duration, call: usize, wake: Wake) {
        let generation = match &wake {
            Wake::ConferenceExpiry { .. } => 0,
            _ => {
                let call = &mut self.calls[call];
                call.generation += 1;
                call.generation
            }
        };
        self.pending.push(
            at,
            Pending {
                call,
                generation,
                wake,
            },
        );
    }

    pub(super) fn schedule(&mut self, delay: Duration, call: usize, wake: Wake) {
        self.schedule_at(self.now + delay, call, wake);
    }

    /// Takes in what the REST interface did since the last look: its log, the callbacks it owes,
    /// dismissed conferences, new conferences' 10-minute timers, and the calls it placed.
    /// Returns whether there was anything.
    async fn absorb_platform(&mut self) -> bool {
        let (log, callbacks, dismissed, outbound, fresh) = {
            let mut state = self.platform.lock();
            let timers_to_start = std::mem::take(&mut state.timers_to_start);
            let fresh: Vec<ConfId> = timers_to_start
                .into_iter()
                .filter(|id| state.conferences.contains_key(id))
                .collect();
            (
                std::mem::take(&mut state.log),
                std::mem::take(&mut state.callbacks),
                std::mem::take(&mut state.dismissed),
                std::mem::take(&mut state.outbound),
                fresh,
            )
        };
        let any = !(log.is_empty()
            && callbacks.is_empty()
            && dismissed.is_empty()
            && outbound.is_empty()
            && fresh.is_empty());
        for text in log {
            self.record(Who::Platform, Event::Note { text });
        }
        for confid in fresh {
            let ttl = self.config.empty_conference_ttl;
            self.schedule(ttl, 0, Wake::ConferenceExpiry { confid });
        }
        for (url, params) in callbacks {
            self.inform(Who::Platform, &url, params).await;
        }
        for confid in dismissed {
            let members = self
                .platform
                .lock()
                .conferences
                .get(&confid)
                .map(|c| c.members.clone())
                .unwrap_or_default();
            for member in members {
                self.end_call(member, "platform").await;
            }
            self.delete_conference(Who::Platform, &confid, "dismissed through REST")
                .await;
        }
        for Outbound {
            call_id,
            callee,
            kind,
        } in outbound
        {
            let to = callee.from.clone();
            self.add_call(
                callee,
                to,
                OutboundKindOrInbound::Outbound(kind),
                Some(call_id),
            );
        }
        any
    }

    pub(super) async fn run(&mut self) {
        loop {
            self.absorb_platform().await;
            if !self.step().await && !self.absorb_platform().await {
                break;
            }
        }
    }

    /// Handles the next pending wake-up; `false` when there is none (or the time limit is hit).
    async fn step(&mut self) -> bool {
        let Some((at, next)) = self.pending.pop() else {
            return false;
        };
        if at > self.config.max_time {
            self.now = self.config.max_time;
            let limit = self.config.max_time.as_secs();
            self.flag(
                Who::Platform,
                format!("the simulation reached its limit of {limit} s of virtual time"),
            );
            self.pending.clear();
            return false;
        }
        self.now = at;
        if let Wake::ConferenceExpiry { confid } = next.wake {
            self.expire_conference(&confid).await;
            return true;
        }
        let call = &self.calls[next.call];
        if !call.ended && call.generation == next.generation {
            self.wake(next.call, next.wake).await;
            // The answers the wake-up asked for, one after another (no recursion).
            self.follow(next.call).await;
        }
        true
    }

    /// The REST invitation's `action`, the invite-result callback (spec §4.4 \[field\]), once the
    /// invited number answered. Its parameters are undocumented: the simulator sends the common
    /// `appid` and `callid` (spec §3.1 \[field\]) and the invitation's own `confid` and `number`
    /// \[inferred\], and no result code, since none is known; the transcript says so.
    async fn invite_result(&mut self, call: usize, url: &str, confid: &ConfId) {
        let params = ivr_xml::notify::Params::new()
            .with("appid", self.app_id.to_string())
            .with("callid", self.calls[call].id.to_string())
            .with("confid", confid.to_string())
            .with("number", self.calls[call].from.clone());
        self.note(
            call,
            "the invite's action callback: its parameters are undocumented [§4.4]; sending appid, callid, confid and number [inferred], no result code [unknown]".to_owned(),
        );
        self.inform(Who::Call(call), url, params).await;
    }

    async fn wake(&mut self, call: usize, wake: Wake) {
        match wake {
            Wake::Start => {
                self.calls[call].started = self.now;
                let c = &self.calls[call];
                let event = Event::CallStarted {
                    callid: c.id.to_string(),
                    from: c.from.clone(),
                };
                let start = StartService::new(self.app_id.clone(), c.id.clone());
                let kind = c.kind.clone();
                let (from, to) = (c.from.clone(), c.to.clone());
                self.record(Who::Call(call), event);
                match kind {
                    OutboundKindOrInbound::Inbound => {
                        let start = start.from(from).to(to).direction(Direction::Inbound);
                        self.notify_and_run(
                            call,
                            "startservice",
                            start.to_params(),
                            http::Method::POST,
                        );
                    }
                    // An IVR outbound call: `from` is empty and `userdata` comes back [field] [official].
                    OutboundKindOrInbound::Outbound(OutboundKind::Dial { userdata }) => {
                        let mut start = start.from("").to(to).direction(Direction::Outbound);
                        start.userdata = userdata.map(ivr_xml::notify::UserData::new);
                        self.notify_and_run(
                            call,
                            "startservice",
                            start.to_params(),
                            http::Method::POST,
                        );
                    }
                    // An invited member joins when it answers; no document runs for it.
                    OutboundKindOrInbound::Outbound(OutboundKind::Invite {
                        confid,
                        joinurl,
                        action,
                    }) => {
                        let entered = self.enter_conference(call, &confid).await;
                        if let Some(url) = &action {
                            self.invite_result(call, url, &confid).await;
                        }
                        match entered {
                            Ok(()) => {
                                if let Some(url) = joinurl {
                                    let joined = self.joined(call, &confid);
                                    self.inform(Who::Call(call), &url, joined.to_params()).await;
                                }
                                self.idle(call);
                            }
                            Err(reason) => {
                                let confid = confid.to_string();
                                self.record(Who::Call(call), Event::JoinFailed { confid, reason });
                                self.end_call_quietly(call, "platform");
                            }
                        }
                    }
                }
            }
            Wake::Keys { keys, digits, get } => {
                self.record(Who::Call(call), Event::Pressed { keys });
                let digits = match Digits::new(digits) {
                    Ok(digits) => digits,
                    Err(err) => {
                        self.flag(
                            Who::Call(call),
                            format!(
                                "the caller's script presses keys a phone does not have: {err}"
                            ),
                        );
                        return Box::pin(self.end_call(call, "caller")).await;
                    }
                };
                let report =
                    DtmfReport::new(self.app_id.clone(), self.calls[call].id.clone(), digits);
                // "参数为空或者不带此参数再回调dtmfreport的地址": empty or absent, the keys go
                // to `dtmfreport` (spec §2.1, §1.9 [official]).
                let action = get
                    .action
                    .as_ref()
                    .map(|a| a.as_str())
                    .filter(|a| !a.is_empty())
                    .unwrap_or("dtmfreport")
                    .to_owned();
                self.notify_and_run(call, &action, report.to_params(), method_of(&get));
            }
            Wake::GetTimeout { subs } => {
                self.record(Who::Call(call), Event::TimedOut);
                Box::pin(self.run_subs(call, subs)).await;
            }
            Wake::Continue { subs } => Box::pin(self.run_subs(call, subs)).await,
            Wake::ConferenceKeys { keys } => {
                self.record(Who::Call(call), Event::Pressed { keys: keys.clone() });
                let confid = self.calls[call].conference.clone();
                let url = confid.as_ref().and_then(|id| {
                    self.platform
                        .lock()
                        .conferences
                        .get(id)
                        .and_then(|c| c.dtmfreporturl.clone())
                });
                if let (Some(url), Ok(digits)) = (url, Digits::new(keys)) {
                    let mut report = ConfDtmfReport::new()
                        .callid(self.calls[call].id.clone())
                        .digits(digits)
                        .appid(self.app_id.clone());
                    report.confid = confid;
                    self.inform(Who::Call(call), &url, report.to_params()).await;
                }
                self.idle(call);
            }
            Wake::PlayCut { keys, why, then } => {
                self.record(Who::Call(call), Event::Pressed { keys });
                self.note(call, why);
                Box::pin(self.wake(call, *then)).await;
            }
            Wake::CallerHangUp => Box::pin(self.end_call(call, "caller")).await,
            Wake::ConferenceExpiry { .. } => {}
        }
    }
}
