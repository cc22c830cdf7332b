//! The words of results: the core's errors, evidence, notes and score trails in a language
//! (`render`), the copyable referral summary (`summary`), and what the result panels
//! say (`panels`, laid out by the Leptos views of `ui`). Pure (no browser API), so that it is tested natively.

pub mod panels;
pub mod render;
pub mod series;
pub mod summary;
