//! Notification parsing: ivr-xml's typed messages from a query string against serde_urlencoded
//! into equivalent serde structs (owned strings, numbers where ivr-xml has numbers; ivr-xml also
//! checks timestamps, digits and ids, and keeps unknown parameters, which these queries lack).

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use ivr_xml::notify::{DtmfReport, Message, Notification, Request, StartService, StopService};
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
    // The path a web handler takes: `Request` (query string merged with a body, then the
    // notification chosen by segment), as the axum extractor and `from_http` read.
    let path = format!("/ivr/{name}");
    if let Err(err) = Request::new(&path).query(query).parse::<Incoming>() {
        panic!("{name}: ivr-xml Request: {err}");
    }
    group.bench_function("ivr-xml Request::parse", |b| {
        b.iter(|| {
            Request::new(black_box(&path))
                .query(black_box(query))
                .parse::<Incoming>()
        })
    });
    // The same parameters split between the query string and a form body.
    let (head, tail) = query.split_at(APP.len());
    let tail = tail.trim_start_matches('&').as_bytes();
    group.bench_function("ivr-xml Request::parse, query + form body", |b| {
        b.iter(|| {
            Request::new(black_box(&path))
                .query(black_box(head))
                .form(black_box(tail))
                .parse::<Incoming>()
        })
    });
    group.finish();
}

/// The notifications an application expects, for the `Request` cases.
#[derive(Debug, Notification)]
#[allow(dead_code)] // read by the parser only
enum Incoming {
    Start(StartService),
    Dtmf(DtmfReport),
    Stop(StopService),
}

/// Benchmarks every notification of [`queries`].
pub(crate) fn bench(c: &mut Criterion) {
    let [(start, start_query), (dtmf, dtmf_query), (stop, stop_query)] = queries();
    bench_one::<StartService, SerdeStart>(c, start, &start_query);
    bench_one::<DtmfReport, SerdeDtmf>(c, dtmf, &dtmf_query);
    bench_one::<StopService, SerdeStop>(c, stop, &stop_query);
}
