//! Examples and benchmarks for ivr-xml.
