//! The words of results: the core's errors, evidence, notes and score trails in a language
//! (`render`), the copyable referral summary (`summary`), what the result panels
//! say (`panels`), and the panels' read-only content as escaped-by-construction templates
//! (`markup`, set by the Leptos views of `ui`). Pure (no browser API), so that it is tested natively.

pub mod markup;
pub mod panels;
pub mod render;
pub mod series;
pub mod summary;
