//! Property: arbitrary builder calls, raw attributes and raw elements with arbitrary names and
//! values included, either are refused by `build()` (or `to_xml()`) or are written in every
//! `Style` and read back to an equal value. The calls are chosen by bytes through the model in
//! `common/builder_model.rs`, which a cargo-fuzz target can share.
#![allow(clippy::unwrap_used)]

#[path = "common/builder_model.rs"]
mod builder_model;

use builder_model::{response_case, rest_case, Choices, Outcome};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn built_documents_are_refused_or_read_back_equal(bytes in prop::collection::vec(any::<u8>(), 0..160)) {
        let mut choices = Choices::new(&bytes);
        response_case(&mut choices).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn built_rest_bodies_are_refused_or_read_back_equal(bytes in prop::collection::vec(any::<u8>(), 0..120)) {
        let mut choices = Choices::new(&bytes);
        rest_case(&mut choices).map_err(TestCaseError::fail)?;
    }
}

/// A xorshift generator: the sweep below is the same on every run.
fn bytes(seed: &mut u64, len: usize) -> Vec<u8> {
    (0..len)
        .map(|_| {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            (*seed >> 24) as u8
        })
        .collect()
}

/// The property is not vacuous: a good share of the model's documents do build (and so are read
/// back), and so do some with raw items, which are what this property is about.
#[test]
fn most_modelled_documents_build() {
    let mut seed = 0x9E37_79B9_7F4A_7C15;
    let runs = 400;
    let mut documents = [0; 3];
    let mut requests = [0; 3];
    let index = |outcome| match outcome {
        Outcome::Refused => 0,
        Outcome::Typed => 1,
        Outcome::Raw => 2,
    };
    for _ in 0..runs {
        let input = bytes(&mut seed, 96);
        documents[index(response_case(&mut Choices::new(&input)).unwrap())] += 1;
        requests[index(rest_case(&mut Choices::new(&input)).unwrap())] += 1;
    }
    // Refused, typed only, with raw items.
    for (what, [_, typed, raw]) in [("documents", documents), ("REST requests", requests)] {
        assert!(
            (typed + raw) * 4 > runs,
            "{what}: only {} of {runs} built",
            typed + raw
        );
        assert!(
            raw * 10 > runs,
            "{what}: only {raw} of {runs} built with raw items"
        );
    }
}
