//! The words of results: the core's errors, evidence, notes and score trails in a language
//! (`render`), the copyable referral summary (`summary`), and the result panels' markup
//! (`markup`). Pure (no browser API), so that it is tested natively.

pub mod markup;
pub mod render;
pub mod summary;
