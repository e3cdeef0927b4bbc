//! The guide's scenarios (§3.1) as scripted callers, shared by `--simulate` and the end-to-end tests.

use std::time::Duration;

use ivr_xml_sim::Caller;

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// A scenario: a name, what it shows, and its callers.
pub(crate) struct Scenario {
    /// Short name, used for snapshots.
    pub(crate) name: &'static str,
    /// What the guide says should happen.
    pub(crate) description: &'static str,
    /// The callers, started in order.
    pub(crate) callers: Vec<Caller>,
}

/// Every scenario of the guide.
pub(crate) fn all() -> Vec<Scenario> {
    vec![
        Scenario {
            name: "create-conference",
            description: "Key 1 creates a conference, plays its id and joins the caller.",
            callers: vec![Caller::new("13800000001")
                .press("1", secs(4))
                .hang_up_after(secs(60))],
        },
        Scenario {
            name: "join-by-id",
            description:
                "Key 2 with a correct id joins the conference: two callers end up in the same one.",
            callers: vec![
                Caller::new("13800000001")
                    .press("1", secs(4))
                    .hang_up_after(secs(120)),
                Caller::new("13800000002")
                    .starting_after(secs(30))
                    .press("2", secs(4))
                    .press("10000001#", secs(8))
                    .hang_up_after(secs(30)),
            ],
        },
        Scenario {
            name: "other-key",
            description: "Another key replays the menu.",
            callers: vec![Caller::new("13800000003")
                .press("9", secs(4))
                .press("1", secs(2))
                .hang_up_after(secs(10))],
        },
        Scenario {
            name: "menu-timeouts",
            description:
                "At the menu, a first timeout re-prompts and a second says goodbye and hangs up.",
            callers: vec![Caller::new("13800000004").silence().silence()],
        },
        Scenario {
            name: "id-entry-timeouts",
            description:
                "At id entry, a first timeout re-prompts and a second says goodbye and hangs up.",
            callers: vec![Caller::new("13800000005")
                .press("2", secs(4))
                .silence()
                .silence()],
        },
        Scenario {
            name: "wrong-id",
            description: "A wrong id re-prompts until the right one is entered.",
            callers: vec![
                Caller::new("13800000001")
                    .press("1", secs(4))
                    .hang_up_after(secs(200)),
                Caller::new("13800000006")
                    .starting_after(secs(20))
                    .press("2", secs(3))
                    .press("99999999", secs(8))
                    .press("12345678", secs(8))
                    .press("10000001", secs(8))
                    .hang_up_after(secs(20)),
            ],
        },
        Scenario {
            name: "hang-up-mid-flow",
            description: "A caller who hangs up mid-flow gets CmdNone for stopservice.",
            callers: vec![Caller::new("13800000007")
                .press("2", secs(4))
                .hang_up_after(secs(5))],
        },
    ]
}
