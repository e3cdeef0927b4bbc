//! A misspelt REST operation gets the "did you mean" hint a misspelt IVR command gets (both
//! come from the one `suggest` of `ErrorKind`'s messages), and a misplaced element that is no
//! typo gets none.

use ivr_xml::rest::RestRequest;
use ivr_xml::{ErrorKind, ParseError, Response};

fn rest_error(body: &str) -> ParseError {
    match RestRequest::parse(body) {
        Ok(request) => panic!("{body} parsed: {request:?}"),
        Err(err) => err,
    }
}

#[test]
fn a_misspelt_rest_operation_is_told_the_operation_it_resembles() {
    let err = rest_error("<Request><Appid>a</Appid><Dail number='1'/></Request>");
    assert!(
        matches!(err.kind(), ErrorKind::UnexpectedChild { name, .. } if name == "Dail"),
        "{err:?}"
    );
    assert_eq!(err.code(), "IVR105");
    let message = err.to_string();
    assert!(
        message.starts_with(
            "1:26: `<Dail>` is not allowed inside `<Request>`: expected one of `Appid`, `Dial`,"
        ),
        "{message}"
    );
    assert!(
        message.ends_with("; did you mean `Dial`? (at Request/Dail[1])"),
        "{message}"
    );

    // Case and a longer name: the same distance rule as IVR documents.
    let err = rest_error("<Request><Appid>a</Appid><confmute confid='1'/></Request>");
    assert!(
        err.to_string().contains("; did you mean `ConfMute`?"),
        "{err}"
    );
    let err = rest_error("<Request><Appid>a</Appid><QueryConfStat confid='1'/></Request>");
    assert!(
        err.to_string().contains("; did you mean `QueryConfState`?"),
        "{err}"
    );
}

#[test]
fn the_rest_hint_is_worded_as_the_ivr_hint() {
    let ivr = match "<Response><Hanqup/></Response>".parse::<Response>() {
        Ok(response) => panic!("parsed: {response:?}"),
        Err(err) => err.to_string(),
    };
    let rest = rest_error("<Request><Appid>a</Appid><Dail number='1'/></Request>").to_string();
    let hint = |message: &str| message.split_once("; ").map(|(_, hint)| hint.to_owned());
    assert_eq!(
        hint(&ivr).as_deref(),
        Some("did you mean `Hangup`? (at Response/Hanqup[1])")
    );
    assert_eq!(
        hint(&rest).as_deref(),
        Some("did you mean `Dial`? (at Request/Dail[1])")
    );
}

#[test]
fn no_hint_for_a_name_that_resembles_nothing_allowed() {
    let err = rest_error("<Request><Appid>a</Appid><Transfer number='1'/></Request>");
    assert!(!err.to_string().contains("did you mean"), "{err}");
    // A misplaced IVR command far from every allowed child: no hint either.
    let err = match "<Response><Get><Redirect>x</Redirect></Get></Response>".parse::<Response>() {
        Ok(response) => panic!("parsed: {response:?}"),
        Err(err) => err,
    };
    assert!(!err.to_string().contains("did you mean"), "{err}");
}
