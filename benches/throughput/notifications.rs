//! Notification parsing: ivr-xml's typed messages from a query string against serde_urlencoded
//! into equivalent serde structs (owned strings, numbers where ivr-xml has numbers; ivr-xml also
//! checks timestamps, digits and ids, and keeps unknown parameters, which these queries lack).

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use ivr_xml::notify::{DtmfReport, Message, StartService, StopService};
use serde::Deserialize;

const APP: &str = "appid=ff8080813f84717a013f847540ef0000&callid=17092716390803280001000400011fab";

/// (name, query string) of each benchmarked notification.
pub(crate) fn queries() -> [(&'static str, String); 3] {
    [
        (
            "startservice",
            format!("{APP}&from=13800000000&to=01083035690&direction=0"),
        ),
        ("dtmfreport", format!("{APP}&digits=12345678%23&result=0")),
        (
            "stopservice",
            format!("{APP}&starttime=20170927163910&endtime=20170927163911&callduration=1"),
        ),
    ]
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)] // read by the parser only
struct SerdeStart {
    appid: String,
    callid: String,
    from: Option<String>,
    to: Option<String>,
    direction: Option<u8>,
    userdata: Option<String>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct SerdeDtmf {
    appid: String,
    callid: String,
    digits: String,
    result: Option<i64>,
    userdata: Option<String>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct SerdeStop {
    appid: String,
    callid: String,
    starttime: Option<String>,
    endtime: Option<String>,
    callduration: Option<u64>,
    sstime: Option<String>,
    setime: Option<String>,
    seccallduration: Option<u64>,
    recordurl: Option<String>,
    recordid: Option<String>,
    errorcode: Option<i64>,
    relatedcallid: Option<String>,
    relatecallid: Option<String>,
    userdata: Option<String>,
    timestamp: Option<String>,
}

fn bench_one<M: Message, T: for<'de> Deserialize<'de>>(c: &mut Criterion, name: &str, query: &str) {
    if let Err(err) = M::from_query(query) {
        panic!("{name}: ivr-xml: {err}");
    }
    if let Err(err) = serde_urlencoded::from_str::<T>(query) {
        panic!("{name}: serde_urlencoded: {err}");
    }
    let mut group = c.benchmark_group(format!("notify-{name}"));
    group.throughput(Throughput::Bytes(query.len() as u64));
    group.bench_function("ivr-xml", |b| b.iter(|| M::from_query(black_box(query))));
    group.bench_function("serde-urlencoded", |b| {
        b.iter(|| serde_urlencoded::from_str::<T>(black_box(query)))
    });
    group.finish();
}

/// Benchmarks every notification of [`queries`].
pub(crate) fn bench(c: &mut Criterion) {
    let [(start, start_query), (dtmf, dtmf_query), (stop, stop_query)] = queries();
    bench_one::<StartService, SerdeStart>(c, start, &start_query);
    bench_one::<DtmfReport, SerdeDtmf>(c, dtmf, &dtmf_query);
    bench_one::<StopService, SerdeStop>(c, stop, &stop_query);
}
