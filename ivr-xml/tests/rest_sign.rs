//! Signing (spec §4.1) against fixed vectors, timestamps, the `Authorization` header both ways,
//! credentials from a lookup, and request targets both ways.
#![allow(clippy::unwrap_used)]

use ivr_xml::rest::{
    authorization, sig, Authorization, Credentials, CredentialsError, Endpoint, RestTarget,
    SignatureError, Timestamp, SOFT_VERSION,
};

/// (account SID, auth token, timestamp, sig, Authorization). The SIDs and tokens are made up.
///
/// Computed independently of this crate with Python's standard library:
/// `hashlib.md5((sid + token + ts).encode()).hexdigest().upper()` and
/// `base64.b64encode((sid + ":" + ts).encode()).decode()`.
const VECTORS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "AC",
        "tokentoken",
        "20240102030405",
        "6DE1C759AD65657DE451E37F9DF9721C",
        "QUM6MjAyNDAxMDIwMzA0MDU=",
    ),
    (
        "0123456789abcdef0123456789abcdef",
        "fedcba9876543210fedcba9876543210",
        "20130201150000",
        "092E87D5DACA0C6FBDD26896CD761820",
        "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY6MjAxMzAyMDExNTAwMDA=",
    ),
    (
        "x",
        "",
        "19991231235959",
        "03A26CE01BC3BAE1B780728BADA3455D",
        "eDoxOTk5MTIzMTIzNTk1OQ==",
    ),
    (
        "8a216da85f5c89b1015f6c1a1bb00000",
        "9f2e1c4d7b8a6f5e3d2c1b0a99887766",
        "20240229235959",
        "92F2DAF1E6DCED98763758AE9C546746",
        "OGEyMTZkYTg1ZjVjODliMTAxNWY2YzFhMWJiMDAwMDA6MjAyNDAyMjkyMzU5NTk=",
    ),
];

#[test]
fn sig_and_authorization_match_the_fixed_vectors() {
    for &(sid, token, ts, expected_sig, expected_auth) in VECTORS {
        let ts = Timestamp::parse(ts).unwrap();
        assert_eq!(sig(sid, token, &ts), expected_sig, "sig of {sid}");
        assert_eq!(
            authorization(sid, &ts),
            expected_auth,
            "Authorization of {sid}"
        );
        let signed = Credentials::new(sid, token).sign(ts);
        assert_eq!(
            (signed.sig.as_str(), signed.authorization.as_str()),
            (expected_sig, expected_auth)
        );
        assert_eq!(signed.timestamp, ts);
    }
}

#[test]
fn verify_accepts_exactly_the_signed_requests() {
    for &(sid, token, ts, expected_sig, expected_auth) in VECTORS {
        let credentials = Credentials::new(sid, token);
        let ts = Timestamp::parse(ts).unwrap();
        assert_eq!(credentials.verify(expected_auth, expected_sig), Ok(ts));
        assert_eq!(
            credentials.verify(expected_auth, &expected_sig.to_lowercase()),
            Err(SignatureError::SigMismatch),
            "the signature is upper-case hex"
        );
        let other = Credentials::new(sid, format!("{token}x"));
        assert_eq!(
            other.verify(expected_auth, expected_sig),
            Err(SignatureError::SigMismatch)
        );
    }
    let credentials = Credentials::new("AC", "tokentoken");
    let foreign = authorization("BC", &Timestamp::parse("20240102030405").unwrap());
    assert_eq!(
        credentials.verify(&foreign, "X"),
        Err(SignatureError::AccountMismatch { found: "BC".into() })
    );
    assert_eq!(
        credentials.verify("%%%", "X"),
        Err(SignatureError::NotBase64)
    );
}

#[test]
fn authorization_headers_decode_or_say_why_not() {
    let header = Authorization::parse(" QUM6MjAyNDAxMDIwMzA0MDU= ").unwrap();
    assert_eq!(header.account_sid, "AC");
    assert_eq!(header.encode(), "QUM6MjAyNDAxMDIwMzA0MDU=");
    // A colon in the account part: the timestamp is after the last one.
    let tricky = authorization("a:b", &Timestamp::parse("20240102030405").unwrap());
    assert_eq!(Authorization::parse(&tricky).unwrap().account_sid, "a:b");
    // base64.b64encode(b"AC20240102030405") (no colon), b"AC:2024" (bad time), b"\xff:..." (not UTF-8)
    assert_eq!(
        Authorization::parse("QUMyMDI0MDEwMjAzMDQwNQ=="),
        Err(SignatureError::Malformed)
    );
    assert!(matches!(
        Authorization::parse("QUM6MjAyNA=="),
        Err(SignatureError::Timestamp(_))
    ));
    assert_eq!(
        Authorization::parse("/zoyMDI0MDEwMjAzMDQwNQ=="),
        Err(SignatureError::Malformed)
    );
    assert_eq!(Authorization::parse(""), Err(SignatureError::Malformed));
}

#[test]
fn timestamps_are_checked_calendar_times() {
    for good in [
        "20240102030405",
        "20240229235959",
        "20000229000000",
        "00000101000000",
        "99991231235959",
    ] {
        assert_eq!(Timestamp::parse(good).unwrap().as_str(), good);
    }
    for bad in [
        "",
        "2024010203040",
        "202401020304055",
        "2024-1-2030405",
        "20230229000000", // not a leap year
        "19000229000000", // not a leap year either
        "20241301000000",
        "20240001000000",
        "20240100000000",
        "20240431000000",
        "20240102240000",
        "20240102036000",
        "20240102030460",
        "２０２４０１０２０３０４０５",
    ] {
        assert!(Timestamp::parse(bad).is_err(), "{bad:?} accepted");
    }
    assert_eq!(
        Timestamp::new(2024, 1, 2, 3, 4, 5).unwrap().as_str(),
        "20240102030405"
    );
    assert!(Timestamp::new(10_000, 1, 1, 0, 0, 0).is_err());
    assert_eq!(
        format!("{:?}", Timestamp::parse("20240102030405").unwrap()),
        "Timestamp(20240102030405)"
    );
}

#[test]
fn unix_times_convert_at_any_offset() {
    // (seconds, offset, expected): Python, `(datetime(1970, 1, 1) +
    // timedelta(seconds=secs + off)).strftime('%Y%m%d%H%M%S')`.
    for (seconds, offset, expected) in [
        (0, 8 * 3600, "19700101080000"),
        (1_700_000_000, 0, "20231114221320"),
        (1_709_208_000, 0, "20240229120000"),
        (-1, 0, "19691231235959"),
        (1_704_038_400, 8 * 3600, "20240101000000"),
        (253_402_300_799, 0, "99991231235959"),
    ] {
        assert_eq!(
            Timestamp::from_unix_seconds(seconds, offset)
                .unwrap()
                .as_str(),
            expected,
            "{seconds} at {offset}"
        );
    }
    assert!(Timestamp::from_unix_seconds(253_402_300_800, 0).is_err());
    assert!(Timestamp::from_unix_seconds(i64::MAX, 1).is_err());
    assert!(Timestamp::from_unix_seconds(i64::MIN, -1).is_err());
}

#[test]
fn credentials_come_from_the_environment_or_a_lookup_and_never_print_the_token() {
    let vars = [
        ("IVR_XML_ACCOUNT_SID", "AC"),
        ("IVR_XML_AUTH_TOKEN", "secret-token"),
    ];
    let lookup = |name: &'static str| {
        Ok(vars
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).to_owned()))
    };
    let credentials = Credentials::from_lookup(lookup).unwrap();
    assert_eq!(credentials, Credentials::new("AC", "secret-token"));
    assert!(!format!("{credentials:?}").contains("secret-token"));

    let sid_only =
        |name: &'static str| Ok((name == "IVR_XML_ACCOUNT_SID").then(|| "AC".to_owned()));
    assert_eq!(
        Credentials::from_lookup(sid_only),
        Err(CredentialsError::Missing("IVR_XML_AUTH_TOKEN"))
    );
    let empty = |_: &'static str| Ok(Some(String::new()));
    assert_eq!(
        Credentials::from_lookup(empty),
        Err(CredentialsError::Missing("IVR_XML_ACCOUNT_SID"))
    );
    let broken = |name: &'static str| Err(CredentialsError::NotUnicode(name));
    assert_eq!(
        Credentials::from_lookup(broken),
        Err(CredentialsError::NotUnicode("IVR_XML_ACCOUNT_SID"))
    );
}

#[test]
fn every_endpoint_has_its_path() {
    let sig = "SIG";
    let cases = [
        (Endpoint::Dial, "/2013-12-26/Accounts/AC/ivr/dial?sig=SIG"),
        (
            Endpoint::CreateConf,
            "/2013-12-26/Accounts/AC/ivr/createconf?sig=SIG",
        ),
        (
            Endpoint::conf("10000001"),
            "/2013-12-26/Accounts/AC/ivr/conf?sig=SIG&confid=10000001",
        ),
        (
            Endpoint::Other {
                path: "ivr/createconf".into(),
                query: vec![("maxmember".into(), "300".into())],
            },
            "/2013-12-26/Accounts/AC/ivr/createconf?sig=SIG&maxmember=300",
        ),
    ];
    for (endpoint, expected) in cases {
        assert_eq!(endpoint.path_and_query(SOFT_VERSION, "AC", sig), expected);
    }
    // Ids are percent-encoded where they would break the URL.
    assert_eq!(
        Endpoint::conf("a&b c").path_and_query(SOFT_VERSION, "A/C", sig),
        "/2013-12-26/Accounts/A%2FC/ivr/conf?sig=SIG&confid=a%26b%20c"
    );
}

#[test]
fn request_targets_parse_back() {
    let cases = [
        (Endpoint::Dial, vec![]),
        (Endpoint::CreateConf, vec![]),
        (Endpoint::conf("a&b c"), vec![]),
        (
            Endpoint::Other {
                path: "ivr/confkick".into(),
                query: vec![("k".into(), "v w".into())],
            },
            vec![],
        ),
    ];
    for (endpoint, extra) in cases {
        let written = endpoint.path_and_query(SOFT_VERSION, "A/C", "S1G");
        let target = RestTarget::parse(&written).unwrap();
        assert_eq!(target.soft_version, SOFT_VERSION);
        assert_eq!(target.account_sid, "A/C");
        assert_eq!(target.endpoint, endpoint, "{written}");
        assert_eq!(target.sig.as_deref(), Some("S1G"));
        assert_eq!(target.extra_query, extra);
    }
    // Extra parameters on a known endpoint, `+` as a space, a parameter without `=`.
    let target =
        RestTarget::parse("/2013-12-26/Accounts/AC/ivr/createconf?maxmember=300&sig=S&x=a+b&flag")
            .unwrap();
    assert_eq!(target.endpoint, Endpoint::CreateConf);
    assert_eq!(target.sig.as_deref(), Some("S"));
    assert_eq!(
        target.extra_query,
        [
            ("maxmember".to_owned(), "300".to_owned()),
            ("x".to_owned(), "a b".to_owned()),
            ("flag".to_owned(), String::new())
        ]
    );
    assert_eq!(
        RestTarget::parse("/2013-12-26/Accounts/AC/ivr/dial")
            .unwrap()
            .sig,
        None
    );
    for bad in [
        "",
        "2013-12-26/Accounts/AC/ivr/dial",
        "/2013-12-26/Account/AC/ivr/dial",
        "/2013-12-26/Accounts/AC",
        "/2013-12-26/Accounts//ivr/dial",
        "/2013-12-26/Accounts/AC/ivr/conf?sig=S",
        "/2013-12-26/Accounts/A%2/ivr/dial",
        "/2013-12-26/Accounts/A%+1/ivr/dial",
        "/2013-12-26/Accounts/A%FF/ivr/dial",
        "/2013-12-26/Accounts/AC/ivr/dial?sig=%G0",
    ] {
        assert!(RestTarget::parse(bad).is_err(), "{bad:?} accepted");
    }
}
