//! The clinical core: units, parsing, plausibility, scores, the trial protocol and screening.
//! Pure Rust: no browser API, no clock, no storage - "today" and every input are passed in.

pub mod aclf;
pub mod date;
// Compiled here only for its tests; build.rs compiles it to validate the document.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(dead_code)]
mod document;
pub mod form;
pub mod gate_limits;
pub mod meld;
pub mod outcome;
pub mod parse;
pub mod patient;
pub mod plausibility;
pub mod protocol;
pub mod rounding;
pub mod screening;
pub mod series;
pub mod severity;
pub mod units;
