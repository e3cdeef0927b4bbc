//! The conference lifecycle: `<CreateConf>` and `<JoinConf>`, members joining and leaving, and a
//! conference's deletion (its last member left, it was dismissed through REST, or nobody joined
//! within 10 minutes), each with the callback the application asked for.

use ivr_xml::notify::{
    ConfCreated, ConfDeleted, ConfId, ConfMemberJoined, ConfMemberQuit, Message,
};
use ivr_xml::Command;

use super::clock::Wake;
use super::{Who, World};
use crate::platform::Conference;
use crate::transcript::Event;
use crate::transport::Transport;

impl<T: Transport> World<'_, T> {
    /// `<CreateConf>`: on success the result goes to `action` and the sub-commands do not run
    /// (R3); on failure the sub-commands run: "创建成功结果通知发到action指定的URL地址,创建失败则
    /// 执行跳转命令" (on success the result is sent to the `action` URL; on failure the jump
    /// command runs, spec §2.8 \[official\]). The simulated platform fails to create one when it
    /// holds [`Config::conference_capacity`](super::Config::conference_capacity) conferences
    /// already, or has run out of ids.
    pub(super) async fn create_conference(
        &mut self,
        call: usize,
        create: &ivr_xml::CreateConf,
        subs: Vec<Command>,
    ) {
        let capacity = self.config.conference_capacity;
        let created = {
            let mut state = self.platform.lock();
            if state.conferences.len() >= capacity {
                Err(format!(
                    "the platform holds {} conferences, its capacity (Config::conference_capacity)",
                    state.conferences.len()
                ))
            } else {
                match state.new_confid() {
                    Some(confid) => {
                        state
                            .conferences
                            .insert(confid.clone(), Conference::new(create));
                        Ok(confid)
                    }
                    None => Err("the platform is out of conference ids".to_owned()),
                }
            }
        };
        let confid = match created {
            Ok(confid) => confid,
            Err(reason) => {
                self.note(
                    call,
                    format!("cannot create a conference: {reason}; the sub-commands run [official §2.8]"),
                );
                return self.run_subs(call, subs).await;
            }
        };
        self.record(
            Who::Call(call),
            Event::ConferenceCreated {
                confid: confid.to_string(),
            },
        );
        let ttl = self.config.empty_conference_ttl;
        self.schedule(
            ttl,
            call,
            Wake::ConferenceExpiry {
                confid: confid.clone(),
            },
        );
        if create.autojoin == Some(true) {
            if let Err(reason) = self.enter_conference(call, &confid).await {
                self.record(
                    Who::Call(call),
                    Event::JoinFailed {
                        confid: confid.to_string(),
                        reason,
                    },
                );
            }
        }
        match &create.action {
            Some(action) => {
                // The conference's id is reported as `confid` [inferred: the guide plays it next].
                let created = ConfCreated::new(confid)
                    .appid(self.app_id.clone())
                    .callid(self.calls[call].id.clone());
                self.notify_and_run(
                    call,
                    action.as_str(),
                    created.to_params(),
                    http::Method::POST,
                );
            }
            None => self.idle(call),
        }
    }

    pub(super) fn joined(&self, call: usize, confid: &ConfId) -> ConfMemberJoined {
        let mut joined = ConfMemberJoined::new(confid.clone())
            .callid(self.calls[call].id.clone())
            .appid(self.app_id.clone());
        joined.jointime = self.timestamp(self.now);
        joined
    }

    /// Adds the call to the conference and sends its `joinurl`; `Err` says why it cannot.
    pub(super) async fn enter_conference(
        &mut self,
        call: usize,
        confid: &ConfId,
    ) -> Result<(), String> {
        let joinurl = {
            let mut state = self.platform.lock();
            let Some(conference) = state.conferences.get_mut(confid) else {
                return Err("no such conference".to_owned());
            };
            if conference.members.len() >= conference.max_members {
                return Err(format!(
                    "the conference is full ({} members)",
                    conference.max_members
                ));
            }
            conference.members.push(call);
            conference.ever_joined = true;
            conference.joinurl.clone()
        };
        self.calls[call].conference = Some(confid.clone());
        self.record(
            Who::Call(call),
            Event::Joined {
                confid: confid.to_string(),
            },
        );
        if let Some(url) = joinurl {
            let joined = self.joined(call, confid);
            self.inform(Who::Call(call), &url, joined.to_params()).await;
        }
        Ok(())
    }

    pub(super) async fn join_conference(
        &mut self,
        call: usize,
        join: &ivr_xml::JoinConf,
        subs: Vec<Command>,
    ) {
        let entered = match ConfId::new(join.confid.as_str()) {
            Ok(confid) => self.enter_conference(call, &confid).await.map(|()| confid),
            Err(err) => Err(format!("not a conference id: {err}")),
        };
        match (entered, &join.action) {
            (Ok(confid), Some(action)) => {
                let joined = self.joined(call, &confid);
                self.notify_and_run(
                    call,
                    action.as_str(),
                    joined.to_params(),
                    http::Method::POST,
                );
            }
            (Ok(_), None) => self.idle(call),
            (Err(reason), _) => {
                let confid = join.confid.to_string();
                self.record(Who::Call(call), Event::JoinFailed { confid, reason });
                self.run_subs(call, subs).await;
            }
        }
    }

    pub(super) async fn leave_conference(&mut self, call: usize) {
        let Some(confid) = self.calls[call].conference.take() else {
            return;
        };
        let left = {
            let mut state = self.platform.lock();
            state.conferences.get_mut(&confid).map(|conference| {
                conference.members.retain(|&m| m != call);
                (
                    conference.quiturl.clone(),
                    conference.members.is_empty() && conference.autodelete,
                )
            })
        };
        let Some((quiturl, now_empty)) = left else {
            return;
        };
        self.record(
            Who::Call(call),
            Event::Left {
                confid: confid.to_string(),
            },
        );
        if let Some(url) = quiturl {
            let quit = ConfMemberQuit::new()
                .confid(confid.clone())
                .callid(self.calls[call].id.clone())
                .appid(self.app_id.clone());
            self.inform(Who::Call(call), &url, quit.to_params()).await;
        }
        if now_empty {
            self.delete_conference(Who::Call(call), &confid, "its last member left")
                .await;
        }
    }

    pub(super) async fn delete_conference(&mut self, who: Who, confid: &ConfId, reason: &str) {
        let Some(conference) = self.platform.lock().conferences.remove(confid) else {
            return;
        };
        let event = Event::ConferenceDeleted {
            confid: confid.to_string(),
            reason: reason.to_owned(),
        };
        self.record(who, event);
        if let Some(url) = conference.delreporturl {
            let mut deleted = ConfDeleted::new(confid.clone()).appid(self.app_id.clone());
            deleted.deltime = self.timestamp(self.now);
            self.inform(who, &url, deleted.to_params()).await;
        }
    }

    /// The 10-minute rule: a conference nobody joined is deleted \[official\].
    pub(super) async fn expire_conference(&mut self, confid: &ConfId) {
        let never_joined = self
            .platform
            .lock()
            .conferences
            .get(confid)
            .is_some_and(|c| !c.ever_joined);
        if never_joined {
            self.delete_conference(Who::Platform, confid, "nobody joined within 10 minutes")
                .await;
        }
    }
}
